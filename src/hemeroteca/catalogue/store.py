"""Where records and seeds live on disk, and how they are listed (always in a stable order)."""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from hemeroteca.cache import PARTS, Store
from hemeroteca.catalogue.known import KnownRecords
from hemeroteca.catalogue.record import Record
from hemeroteca.collector import loading
from hemeroteca.errors import HemerotecaError
from hemeroteca.fileio import inside
from hemeroteca.project import Project

SEED_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
SIDECARS = {"ocr": ".ocr.json", "warc": ".warc.gz"}
"""Files kept beside a seed, named after it: the text OCR read, the HTTP exchange of a fetched page."""
MAX_SIDECAR_BYTES = 60_000_000
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
        names = sorted(
            e.name
            for e in entries
            if not e.name.startswith(".") and keep(e.name) and e.is_file(follow_symlinks=False)
        )
    return [folder / name for name in names]


def _odd_entry(entry: os.DirEntry) -> str | None:
    """Why a folder entry is neither a regular file nor a folder, or None when it is one."""
    if entry.is_symlink():
        return "is a symbolic link"
    if entry.is_dir(follow_symlinks=False) or entry.is_file(follow_symlinks=False):
        return None
    return "is not a regular file (a device, a pipe or a socket)"


def _unsafe_in(folder: Path) -> list[tuple[Path, str]]:
    """Entries under ``folder`` that are not regular files or folders, at any depth, in name order."""
    found: list[tuple[Path, str]] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return found
    for entry in entries:
        why = _odd_entry(entry)
        if why:
            found.append((Path(entry.path), why))
        elif entry.is_dir(follow_symlinks=False):
            found.extend(_unsafe_in(Path(entry.path)))
    return found


def unsafe_files(
    project: Project, *, shallow: bool = False, publishing: bool = True
) -> list[tuple[str, str]]:
    """Links and special files where the tool reads what it publishes, as (path, why).

    seeds/ become article pages, archive/ (with its authority files) becomes the
    catalogue, and docs/ and overrides/ are copied or included into site/: a link in
    any of them would let a pull request publish, or print in a CI message, a file
    from anywhere on the machine that builds the site. Only regular files are read.
    ``shallow`` looks at those folders and mkdocs.yml themselves only: for a command
    that looks inside them once it holds the archive's lock (``build``, through ``ingest``).
    ``publishing=False``: for a command that reads seeds/ and archive/ and publishes nothing
    (``add``): docs/ and overrides/ are looked at themselves only, not walked (at 100,000
    articles docs/ holds over 200,000 files, and ``build`` walks it anyway).
    """
    held = str(project.archive_dir)
    if held in _vetted and _held.get(held):
        return []
    found: list[tuple[Path, str]] = []
    for path in (project.seeds_dir, project.archive_dir, project.docs_dir, project.overrides_dir):
        if path.is_symlink():
            found.append((path, "is a symbolic link"))
        elif not shallow and (publishing or path in (project.seeds_dir, project.archive_dir)):
            found.extend(_unsafe_in(path))
    if project.mkdocs_yml.is_symlink():
        found.append((project.mkdocs_yml, "is a symbolic link"))
    if not found and not shallow and publishing and _held.get(held):
        _vetted.add(held)
    return [(project.relative(path), why) for path, why in found]


def refuse_unsafe_files(project: Project, *, shallow: bool = False, publishing: bool = True) -> None:
    """Stop a command before it reads anything when ``unsafe_files`` finds one: one line naming it."""
    for path, why in unsafe_files(project, shallow=shallow, publishing=publishing)[:1]:
        raise HemerotecaError(path, f"{why}: only regular files are allowed here (nothing was read)")


def list_seeds(project: Project) -> list[Path]:
    return _files(project.seeds_dir, lambda name: os.path.splitext(name)[1].lower() in SEED_SUFFIXES)


def sidecar_path(seed: Path, kind: str) -> Path:
    return seed.with_name(seed.name + SIDECARS[kind])


def read_sidecars(seed: Path) -> dict[str, bytes]:
    """The sidecar files of a seed that exist (regular files only, of a sane size)."""
    found = {}
    for kind in SIDECARS:
        path = sidecar_path(seed, kind)
        if path.is_file() and not path.is_symlink() and path.stat().st_size <= MAX_SIDECAR_BYTES:
            found[kind] = path.read_bytes()
    return found


def record_path(project: Project, record_id: str) -> Path:
    """archive/<id>.md, refused if the id would place it anywhere else."""
    return inside(project.archive_dir, f"{record_id}.md")


def list_record_paths(project: Project) -> list[Path]:
    return _files(project.archive_dir, lambda name: name.endswith(".md"))


Loaded = tuple[list[Record], list[HemerotecaError]]


def load_records(project: Project) -> Loaded:
    """Every record that parses, and one error for each that does not.

    A record whose file is as an earlier run saw it is taken from the cache without being
    opened (``known.KnownRecords``). The texts are not kept (``Record.release``): a page or
    the search index reads each again when it needs it, so memory does not hold the archive.
    """
    records, errors = [], []
    with loading():  # the records live until the command ends (``collector``)
        known = KnownRecords(Store.open(project, "records", shared=True, parts=PARTS))
        paths = list_record_paths(project)
        known.parse_ahead(paths)
        for path in paths:
            try:
                record = known.read(path)
            except HemerotecaError as exc:
                exc.path = project.relative(path)
                errors.append(exc)
                continue
            records.append(record)
    known.save()
    return records, errors


# Commands of this process holding the archive's lock, by folder: ``build`` runs ``ingest``.
_held: dict[str, int] = {}
# Archives whose project folders ``unsafe_files`` found clean while this process held the lock:
# until it lets go, only this process writes there (regular files), so one look serves the
# whole command (a build looked five times, each a walk of every file of the site's source).
_vetted: set[str] = set()
LOCK_WAIT = 60.0


@contextmanager
def archive_lock(project: Project, wait: float | None = None) -> Iterator[None]:
    """Hold archive/ for one writing command (add, ingest, review, build) at a time.

    Two ``add`` at once would both number their article one past the highest in seeds/.
    The lock is an ``flock`` on the archive folder itself: no lock file to commit or
    leave behind, and the system releases it when the process ends, however it ends.
    A second writer waits up to ``wait`` seconds (``LOCK_WAIT``), then stops with one line.
    """
    wait = LOCK_WAIT if wait is None else wait
    key = str(project.archive_dir)
    if _held.get(key):
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    try:
        project.archive_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(project.archive_dir, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise HemerotecaError(project.relative(project.archive_dir), f"cannot open: {exc.strerror}") from exc
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise HemerotecaError(
                        "archive/",
                        f"another hemeroteca command has been writing the archive for {wait:g} s "
                        "(add, ingest, review or build): try again when it has finished",
                    ) from None
                time.sleep(0.05)
        _held[key] = 1
        try:
            yield
        finally:
            _held.pop(key, None)
            _vetted.discard(key)
    finally:
        os.close(fd)
