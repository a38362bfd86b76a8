"""Mark a record as checked by a person, and list the records still waiting for it.

Marking changes one line of the file (``review: auto`` becomes ``review:
reviewed``) and drops the tool's ``uncertain`` notes, which the person has
now dealt with; everything else (the archivist's corrections, comments and
layout) stays exactly as typed. A record with errors cannot be marked: the
mark promises readers that the metadata is right.

"Oldest first" means in the order the articles were added: ``add`` numbers
seeds in sequence, so the number at the start of the id orders them; ids
without a number come after, by id. This needs no clock, so the list is the
same on every machine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hemeroteca.catalogue.authorities import load_authorities
from hemeroteca.catalogue.check import check_record, check_source
from hemeroteca.catalogue.record import Record, read
from hemeroteca.catalogue.store import load_records, record_path
from hemeroteca.errors import HemerotecaError
from hemeroteca.fileio import write_atomic
from hemeroteca.project import Project

_NUMBER = re.compile(r"^(\d+)")
_REVIEW_LINE = re.compile(r"^review:[^\n]*$", re.MULTILINE)
# The top-level ``uncertain:`` key and the indented or dashed lines of its list.
_UNCERTAIN_BLOCK = re.compile(r"^uncertain:[^\n]*\n(?:[ -][^\n]*\n)*", re.MULTILINE)


@dataclass(frozen=True)
class Reviewed:
    path: Path
    changed: bool


def added_order(record_id: str) -> tuple[int, str]:
    match = _NUMBER.match(record_id)
    return (int(match.group(1)) if match else 10**12, record_id)


def pending(project: Project) -> list[Record]:
    """Records still marked auto, oldest first. Records that do not parse are left to ``check``."""
    records, _ = load_records(project)
    return sorted((r for r in records if r.review != "reviewed"), key=lambda r: added_order(r.id))


def resolve(project: Project, ref: str) -> Path:
    """A record from its id, its file name or its path."""
    path = Path(ref)
    if path.suffix == ".md" and path.is_file():
        return path
    return record_path(project, path.stem if path.suffix == ".md" else ref)


def mark_reviewed(project: Project, ref: str) -> Reviewed:
    path = resolve(project, ref)
    shown = project.relative(path)
    if not path.is_file():
        raise HemerotecaError(shown, f"no record '{ref}' in archive/ (see `hemeroteca review --list`)")
    record = read(path)
    record.path = path
    errors = [
        p
        for p in check_record(record, shown, load_authorities(project.authorities_dir))
        + check_source(project, record, shown)
        if p.severity == "error"
    ]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more: run `hemeroteca check`)" if len(errors) > 1 else ""
        raise HemerotecaError(
            first.path,
            f"fix this before marking it reviewed: {first.message}{more}",
            line=first.line,
            field=first.field,
        )
    if record.review == "reviewed":
        return Reviewed(path, changed=False)
    write_atomic(path, set_reviewed(record.raw))
    return Reviewed(path, changed=True)


def set_reviewed(text: str) -> str:
    """The record text marked reviewed and without the tool's doubts; everything else byte for byte."""
    end = text.find("\n---", 3)
    header, rest = _UNCERTAIN_BLOCK.sub("", text[: end + 1]).rstrip("\n"), text[end:]
    if _REVIEW_LINE.search(header):
        header = _REVIEW_LINE.sub("review: reviewed", header, count=1)
    else:
        header += "\nreview: reviewed"
    return header + rest
