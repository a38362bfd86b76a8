"""Hashes of the files in seeds/, remembered between runs by name, size and modification time.

``check`` compares every record's ``source.sha256`` with its seed, and ``add``
looks for a new file's text among all the seeds: at 10,000 seeds that is
reading and hashing 60 MB on every command. A seed is never edited (check
reports it if one is), so its stamp (size, modification and change times, inode:
``known.file_stamp``) is a safe key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from hemeroteca.cache import PARTS, Store
from hemeroteca.catalogue.known import file_stamp
from hemeroteca.project import Project


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class SeedDigests:
    """One kind of digest (``sha256``, ``add``'s text key) of seed files, computed once per file."""

    def __init__(self, project: Project, kind: str, compute: Callable[[bytes], str]) -> None:
        # Kept as objects (``Store(shared=True)``): a digest is a short text, and unpickling
        # 100,000 of them one by one was most of what ``add`` spent looking for duplicates.
        self._store = Store.open(project, f"seed-{kind}", shared=True, parts=PARTS)
        self._compute = compute

    def __call__(self, path: Path) -> str:
        key = (path.name, file_stamp(path))
        value = self._store.get(key)
        if value is None:
            value = self._compute(path.read_bytes())
            self._store.put(key, value)
        return value

    def fill(self, paths: list[Path], jobs: int | None = None) -> None:
        """Compute the digests not yet known of ``paths`` on ``jobs`` processes (every core by
        default): the first ``add`` after a clone or a bulk ``ingest`` reads every seed's text."""
        from hemeroteca.parallel import map_ordered  # loads multiprocessing: only when needed

        missing = [(path, (path.name, file_stamp(path))) for path in paths]
        missing = [(path, key) for path, key in missing if self._store.get(key) is None]
        datas = (path.read_bytes() for path, _ in missing)
        values = map_ordered(_digest, datas, self._compute, jobs=jobs)
        for (_, key), value in zip(missing, values, strict=True):
            self._store.put(key, value)

    def save(self, *, prune: bool = True) -> None:
        """Keep what this run used (each command that uses a kind goes through every seed), or
        with ``prune=False`` everything: ``check`` hashes only the seeds it has not judged before."""
        self._store.save(prune=prune)


def _digest(data: bytes, compute: Callable[[bytes], str]) -> str:
    return compute(data)


def seed_sha256(project: Project) -> SeedDigests:
    return SeedDigests(project, "sha256", sha256_bytes)
