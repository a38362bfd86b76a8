"""Seeds to records: decode, clean, extract, write archive/<id>.md.

Ingest only ever adds: a record a person reviewed or edited is left exactly as
it is, even with ``force``, and a re-run over unchanged seeds writes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hemeroteca.catalogue.authorities import Authorities, load_authorities
from hemeroteca.catalogue.record import read, serialise
from hemeroteca.catalogue.seedtext import (
    SeedText,
    extract_seed,
    ocr_sidecar_bytes,
    read_seed_bytes,
    seed_text,
)
from hemeroteca.catalogue.store import (
    archive_lock,
    list_record_paths,
    list_seeds,
    read_sidecars,
    record_path,
    refuse_unsafe_files,
    seed_id,
    sidecar_path,
)
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


def record_meta(
    record_id: str, metadata: Metadata, source: dict[str, Any], extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The front matter of a new record; ``extra`` holds the fields of how it was read (``ocr``)."""
    meta: dict[str, Any] = {
        "id": record_id,
        "title": metadata.title,
        "date": metadata.date,
        "language": metadata.language,
        "countries": metadata.countries,
        "actors": metadata.actors,
        "tags": metadata.tags,
        "source": source,
        **(extra or {}),
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
    sidecars: dict[str, bytes] = field(default_factory=dict)  # store.SIDECARS beside the seed


@dataclass(frozen=True)
class Made:
    """A record's id and text, and the OCR sidecar to write when the seed was read by OCR just now."""

    record_id: str
    text: str
    ocr_sidecar: bytes | None = None


def record_text(work: SeedWork, authorities: Authorities) -> Made:
    """The record id and file text ingest writes for one seed: a pure function of its bytes."""
    if work.refused:
        raise HemerotecaError(work.path, work.refused)
    try:
        text = seed_text(work.data, work.suffix, work.sidecars)
    except DecodeError as exc:
        raise HemerotecaError(work.path, str(exc)) from exc
    metadata = extract_seed(text, authorities)
    record_id = seed_id(Path(work.path))
    source = seed_source(work.path, hashlib.sha256(work.data).hexdigest(), text)
    record = record_file(record_id, source, text, metadata)
    new_ocr = ocr_sidecar_bytes(text) if text.ocr is not None and "ocr" not in work.sidecars else None
    return Made(record_id, record, new_ocr)


def seed_source(path: str, sha256: str, text: SeedText) -> dict[str, Any]:
    """A record's ``source``: the seed's path and hash, and what its file declared."""
    return {"path": path, "sha256": sha256, **text.source_extra}


def record_file(record_id: str, source: dict[str, Any], text: SeedText, metadata: Metadata) -> str:
    """A record's file text, as ``ingest`` and ``add`` both write it."""
    return serialise(record_meta(record_id, metadata, source, text.record_extra), metadata.body)


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
    report = IngestReport()
    if paths:
        seeds = sorted(Path(p).resolve() for p in paths)
        seeds_dir = project.seeds_dir.resolve()
        for seed in [s for s in seeds if s.parent != seeds_dir or not s.is_file()]:
            message = "not a file in seeds/: `hemeroteca add` copies a new article there"
            report.errors.append(HemerotecaError(project.relative(seed), message))
            seeds.remove(seed)
    else:
        seeds = list_seeds(project)  # regular files of seeds/ only: not looked at again (100,000 at a build)
    # One listing of archive/ instead of a look for each seed's record (100,000 at a build).
    records = {path.name for path in list_record_paths(project)}
    archive = project.archive_dir  # made once, not once per seed (a Path each time)
    todo = [seed for seed in seeds if _needs_extraction(project, seed, force, report, records, archive)]
    works = (_seed_work(project, seed) for seed in todo)
    # A seed's error comes back as a value: one bad seed does not stop the others.
    extracted = map_ordered(
        record_text, works, authorities, jobs=jobs, scheduler=scheduler, errors=(HemerotecaError,)
    )
    with closing(extracted) as results:  # its pool shut down even when a write below fails
        for seed, result in zip(progress(todo) if progress else todo, results, strict=True):
            if isinstance(result, HemerotecaError):
                report.errors.append(result)
                continue
            target = record_path(project, seed_id(seed))
            text = result.text
            if result.ocr_sidecar is not None:
                write_atomic(sidecar_path(seed, "ocr"), result.ocr_sidecar)
            if target.exists() and target.read_text(encoding="utf-8") == text:
                report.unchanged.append(target)
                continue
            write_atomic(target, text)
            report.written.append(target)
    return report


def _needs_extraction(
    project: Project, seed: Path, force: bool, report: IngestReport, records: set[str], archive: Path
) -> bool:
    """False for a seed whose record must stay as it is (noted in the report), True otherwise.

    ``records``: the names of the files in ``archive`` (archive/).
    """
    name = f"{seed_id(seed)}.md"
    if name not in records:
        return True
    target = archive / name
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
        return SeedWork(relative, seed.suffix, read_seed_bytes(seed), sidecars=read_sidecars(seed))
    except DecodeError as exc:  # too big to read
        return SeedWork(relative, seed.suffix, b"", refused=str(exc))
    except OSError as exc:
        return SeedWork(relative, seed.suffix, b"", refused=f"cannot read the file: {exc.strerror or exc}")
