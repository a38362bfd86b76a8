"""Seeds to records: decode, clean, extract, write archive/<id>.md.

Ingest only ever adds: a record a person reviewed or edited is left exactly as
it is, even with ``force``, and a re-run over unchanged seeds writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hemeroteca.catalogue.authorities import Authorities, load_authorities
from hemeroteca.catalogue.record import read, serialise
from hemeroteca.catalogue.seedtext import extract_seed, read_seed
from hemeroteca.catalogue.store import list_record_paths, list_seeds, record_path, seed_id, sha256_of
from hemeroteca.errors import HemerotecaError
from hemeroteca.extract import Metadata
from hemeroteca.fileio import write_atomic
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


def record_text_for_seed(project: Project, seed: Path, authorities: Authorities) -> tuple[str, str]:
    """The record id and file text ingest would write for one seed."""
    try:
        text = read_seed(seed)
    except DecodeError as exc:
        raise HemerotecaError(project.relative(seed), str(exc)) from exc
    metadata = extract_seed(text, authorities)
    record_id = seed_id(seed)
    source = {"path": project.relative(seed), "sha256": sha256_of(seed), **text.source_extra}
    return record_id, serialise(record_meta(record_id, metadata, source), metadata.body)


def ingest(
    project: Project,
    paths: Iterable[Path] | None = None,
    *,
    force: bool = False,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
) -> IngestReport:
    authorities = load_authorities(project.authorities_dir)
    seeds = sorted(Path(p).resolve() for p in paths) if paths else list_seeds(project)
    report = IngestReport()
    recorded = {path.name for path in list_record_paths(project)}
    for seed in progress(seeds) if progress else seeds:
        target = record_path(project, seed_id(seed))
        if target.name in recorded and not force:
            # Already in the catalogue: not even read, so a build over 10,000 records stays quick.
            report.unchanged.append(target)
            continue
        if target.exists():
            try:
                existing = read(target)
            except HemerotecaError as exc:
                # A broken record is a person's unfinished work: report it, never replace it.
                exc.path = project.relative(target)
                report.errors.append(exc)
                continue
            if existing.review == "reviewed":
                report.kept_reviewed.append(target)
                continue
            if existing.edited_by_hand():
                report.kept_edited.append(target)
                continue
        try:
            _, text = record_text_for_seed(project, seed, authorities)
        except HemerotecaError as exc:
            report.errors.append(exc)
            continue
        if target.exists() and target.read_text(encoding="utf-8") == text:
            report.unchanged.append(target)
            continue
        write_atomic(target, text)
        report.written.append(target)
    return report
