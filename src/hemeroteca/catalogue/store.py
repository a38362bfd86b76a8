"""Where records and seeds live on disk, and how they are listed (always in a stable order)."""

from __future__ import annotations

import hashlib
import re
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


def list_seeds(project: Project) -> list[Path]:
    if not project.seeds_dir.is_dir():
        return []
    return sorted(
        p
        for p in project.seeds_dir.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SEED_SUFFIXES
    )


def record_path(project: Project, record_id: str) -> Path:
    return project.archive_dir / f"{record_id}.md"


def list_record_paths(project: Project) -> list[Path]:
    if not project.archive_dir.is_dir():
        return []
    return sorted(p for p in project.archive_dir.glob("*.md") if not p.name.startswith("."))


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
