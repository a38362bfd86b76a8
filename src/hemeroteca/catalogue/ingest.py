"""Seeds to records: decode, clean, extract, write archive/<id>.md.

Ingest only ever adds: a record a person reviewed or edited is left exactly as
it is, even with ``force``, and a re-run over unchanged seeds writes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hemeroteca.catalogue.authorities import Authorities, load_authorities
from hemeroteca.catalogue.record import read, serialise
from hemeroteca.catalogue.seedtext import extract_seed, read_seed_bytes, seed_text
from hemeroteca.catalogue.store import archive_lock, list_seeds, record_path, refuse_unsafe_files, seed_id
from hemeroteca.errors import HemerotecaError
from hemeroteca.extract import Metadata
from hemeroteca.fileio import write_atomic
from hemeroteca.parallel import map_ordered
from hemeroteca.project import Project
from hemeroteca.sources.decode import DecodeError


@dataclass
class IngestReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept_reviewed: list[Path] = field(default_factory=list)
    kept_edited: list[Path] = field(default_factory=list)
    errors: list[HemerotecaError] = field(default_factory=list)


def record_meta(record_id: str, metadata: Metadata, source: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "id": record_id,
        "title": metadata.title,
        "date": metadata.date,
        "language": metadata.language,
        "countries": metadata.countries,
        "actors": metadata.actors,
        "tags": metadata.tags,
        "source": source,
        "review": "auto",
    }
    if metadata.uncertain:
        meta["uncertain"] = metadata.uncertain
    return meta


@dataclass(frozen=True)
class SeedWork:
    """What extracting one seed needs, bytes included, so any process or machine can do it."""

    path: str  # relative to the project, as the record's source.path says
    suffix: str
    data: bytes
    refused: str = ""  # why the seed could not even be read; reported as its error


def record_text(work: SeedWork, authorities: Authorities) -> tuple[str, str]:
    """The record id and file text ingest writes for one seed: a pure function of its bytes."""
    if work.refused:
        raise HemerotecaError(work.path, work.refused)
    try:
        text = seed_text(work.data, work.suffix)
    except DecodeError as exc:
        raise HemerotecaError(work.path, str(exc)) from exc
    metadata = extract_seed(text, authorities)
    record_id = seed_id(Path(work.path))
    source = {"path": work.path, "sha256": hashlib.sha256(work.data).hexdigest(), **text.source_extra}
    return record_id, serialise(record_meta(record_id, metadata, source), metadata.body)


def _record_text_or_error(work: SeedWork, authorities: Authorities) -> tuple[str, str] | HemerotecaError:
    """Errors come back as values, so one bad seed does not stop the other workers' batches."""
    try:
        return record_text(work, authorities)
    except HemerotecaError as exc:
        return exc


def ingest(
    project: Project,
    paths: Iterable[Path] | None = None,
    *,
    force: bool = False,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
) -> IngestReport:
    """Write the records of new seeds (and, with ``force``, refresh untouched ``auto`` ones).

    Which seeds need work is decided here, their extraction runs on ``jobs``
    processes (or a Dask ``scheduler``), and the records are written here in
    seed order, so the archive is the same whatever ran the extraction.
    """
    refuse_unsafe_files(project)
    with archive_lock(project):
        return _ingest(project, paths, force, progress, jobs, scheduler)


def _ingest(
    project: Project,
    paths: Iterable[Path] | None,
    force: bool,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None,
    jobs: int | None,
    scheduler: str | None,
) -> IngestReport:
    authorities = load_authorities(project.authorities_dir)
    seeds = sorted(Path(p).resolve() for p in paths) if paths else list_seeds(project)
    report = IngestReport()
    seeds_dir = project.seeds_dir.resolve()
    for seed in [s for s in seeds if s.parent != seeds_dir or not s.is_file()]:
        message = "not a file in seeds/: `hemeroteca add` copies a new article there"
        report.errors.append(HemerotecaError(project.relative(seed), message))
        seeds.remove(seed)
    todo = [seed for seed in seeds if _needs_extraction(project, seed, force, report)]
    works = (_seed_work(project, seed) for seed in todo)
    results = map_ordered(_record_text_or_error, works, authorities, jobs=jobs, scheduler=scheduler)
    for seed, result in zip(progress(todo) if progress else todo, results, strict=True):
        if isinstance(result, HemerotecaError):
            report.errors.append(result)
            continue
        target = record_path(project, seed_id(seed))
        _, text = result
        if target.exists() and target.read_text(encoding="utf-8") == text:
            report.unchanged.append(target)
            continue
        write_atomic(target, text)
        report.written.append(target)
    return report


def _needs_extraction(project: Project, seed: Path, force: bool, report: IngestReport) -> bool:
    """False for a seed whose record must stay as it is (noted in the report), True otherwise."""
    target = record_path(project, seed_id(seed))
    if not target.exists():
        return True
    if not force:
        # Already in the catalogue: not even read, so a build over 10,000 records stays quick.
        report.unchanged.append(target)
        return False
    try:
        existing = read(target)
    except HemerotecaError as exc:
        # A broken record is a person's unfinished work: report it, never replace it.
        exc.path = project.relative(target)
        report.errors.append(exc)
        return False
    if existing.review == "reviewed":
        report.kept_reviewed.append(target)
        return False
    if existing.edited_by_hand():
        report.kept_edited.append(target)
        return False
    return True


def _seed_work(project: Project, seed: Path) -> SeedWork:
    relative = project.relative(seed)
    try:
        return SeedWork(relative, seed.suffix, read_seed_bytes(seed))
    except DecodeError as exc:  # too big to read
        return SeedWork(relative, seed.suffix, b"", refused=str(exc))
    except OSError as exc:
        return SeedWork(relative, seed.suffix, b"", refused=f"cannot read the file: {exc.strerror or exc}")
