"""Where records and seeds live on disk, and how they are listed (always in a stable order)."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

from hemeroteca.cache import Store
from hemeroteca.catalogue.record import Record, read
from hemeroteca.errors import HemerotecaError
from hemeroteca.project import Project

SEED_SUFFIXES = (".txt", ".html", ".htm")
_NOT_ID = re.compile(r"[^a-z0-9_-]+")


def seed_id(seed: Path) -> str:
    """A record id from the seed's file name: lower-case, safe in URLs and file names."""
    return _NOT_ID.sub("-", seed.stem.lower()).strip("-_") or "seed"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path, keep: Callable[[str], bool]) -> list[Path]:
    """Files of ``folder`` whose name ``keep`` accepts, sorted by name.

    ``os.scandir`` and string sorting: pathlib's globbing and comparisons cost ~0.5 s a
    listing at 10,000 files, and every command lists seeds/ and archive/.
    """
    try:
        entries = os.scandir(folder)
    except FileNotFoundError:
        return []
    with entries:
        names = sorted(e.name for e in entries if not e.name.startswith(".") and keep(e.name) and e.is_file())
    return [folder / name for name in names]


def list_seeds(project: Project) -> list[Path]:
    return _files(project.seeds_dir, lambda name: os.path.splitext(name)[1].lower() in SEED_SUFFIXES)


def record_path(project: Project, record_id: str) -> Path:
    return project.archive_dir / f"{record_id}.md"


def list_record_paths(project: Project) -> list[Path]:
    return _files(project.archive_dir, lambda name: name.endswith(".md"))


Loaded = tuple[list[Record], list[HemerotecaError]]


def load_records(project: Project) -> Loaded:
    """Every record that parses, and one error for each that does not.

    Front matter parsed in an earlier run is taken from the cache when the file's text is
    the same, byte for byte.
    """
    records, errors = [], []
    headers = Store.open(project, "record-headers")
    for path in list_record_paths(project):
        try:
            record = read(path, headers)
        except HemerotecaError as exc:
            exc.path = project.relative(path)
            errors.append(exc)
            continue
        record.path = path
        records.append(record)
    headers.save()
    return records, errors
