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

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hemeroteca.catalogue.authorities import load_authorities
from hemeroteca.catalogue.check import check_record, check_source
from hemeroteca.catalogue.numbering import added_order
from hemeroteca.catalogue.record import Record, parse, split_front_matter
from hemeroteca.catalogue.store import archive_lock, load_records, record_path, refuse_unsafe_files
from hemeroteca.errors import HemerotecaError, not_utf8
from hemeroteca.fileio import write_atomic
from hemeroteca.project import Project


@dataclass(frozen=True)
class Reviewed:
    path: Path
    changed: bool


@dataclass
class ReviewReport:
    reviewed: list[Reviewed] = field(default_factory=list)
    errors: list[HemerotecaError] = field(default_factory=list)


def review_all(project: Project, refs: list[str]) -> ReviewReport:
    """Mark each record; one that cannot be marked is reported and the others still are."""
    report = ReviewReport()
    for ref in refs:
        try:
            report.reviewed.append(mark_reviewed(project, ref))
        except HemerotecaError as exc:
            report.errors.append(exc)
    return report


def pending(project: Project) -> list[Record]:
    """Records still marked auto, oldest first. Records that do not parse are left to ``check``."""
    records, _ = load_records(project)
    return sorted((r for r in records if r.review != "reviewed"), key=lambda r: added_order(r.id))


def resolve(project: Project, ref: str) -> Path:
    """A record from its id, its file name or its path; only ever a file of archive/."""
    path = Path(ref)
    if path.suffix != ".md":
        return record_path(project, ref)
    if path.parent != Path(".") and path.resolve().parent != project.archive_dir.resolve():
        raise HemerotecaError(ref, "not a record in archive/: give its id or its file in archive/")
    return record_path(project, path.stem)


def mark_reviewed(project: Project, ref: str) -> Reviewed:
    refuse_unsafe_files(project)
    with archive_lock(project):
        return _mark(project, ref)


def _mark(project: Project, ref: str) -> Reviewed:
    path = resolve(project, ref)
    shown = project.relative(path)
    if not path.is_file():
        raise HemerotecaError(shown, f"no record '{ref}' in archive/ (see `hemeroteca review --list`)")
    data = path.read_bytes()
    try:
        original = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, message = not_utf8(data, exc)
        raise HemerotecaError(shown, message, line=line) from exc
    record = parse(original.replace("\r\n", "\n"), Path(shown))
    record.path = path
    errors = [
        p
        for p in check_record(record, shown, load_authorities(project.authorities_dir), reviewing=True)
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
    marked = set_reviewed(original)
    expected = {k: v for k, v in record.meta.items() if k != "uncertain"} | {"review": "reviewed"}
    if parse(marked.replace("\r\n", "\n"), Path(shown)).meta != expected:
        # The layout is one the edit below does not understand: better no mark than a damaged record.
        raise HemerotecaError(shown, "cannot mark this record without changing other fields: set it by hand")
    write_atomic(path, marked)
    return Reviewed(path, changed=True)


def set_reviewed(text: str) -> str:
    """The record text marked reviewed and without the tool's doubts; everything else byte for byte.

    The ``review`` and ``uncertain`` fields are found by parsing the front matter, not by
    their look: a wrapped title may have a line that starts ``review:`` or ``---``. Line
    ends (LF or CRLF) stay as they are.
    """
    bounds = split_front_matter(text)
    header = text[bounds.start : bounds.end]
    # The pure-Python loader: its marks count characters of this string, which the edits need.
    node = yaml.compose(header, Loader=yaml.SafeLoader)
    fields = node.value if isinstance(node, yaml.MappingNode) else []
    edits: list[tuple[int, int, str]] = []
    for key, value in fields:
        if key.value == "review":
            edits.append((key.start_mark.index, value.end_mark.index, "review: reviewed"))
        elif key.value == "uncertain":
            edits.append((key.start_mark.index, _line_end(header, _last_node(value).end_mark.index), ""))
    if not any(key.value == "review" for key, _ in fields):
        newline = "\r\n" if text[: bounds.start].endswith("\r\n") else "\n"
        edits.append((len(header), len(header), f"review: reviewed{newline}"))
    for begin, end, replacement in sorted(edits, reverse=True):
        header = header[:begin] + replacement + header[end:]
    return text[: bounds.start] + header + text[bounds.end :]


def _last_node(node: yaml.Node) -> yaml.Node:
    """The last item of a block list: the list's own end is past any comment that follows it."""
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return _last_node(node.value[-1])
    return node


def _line_end(text: str, index: int) -> int:
    """Just past the line break that ends the line holding ``index``."""
    if index > 0 and text[index - 1] == "\n":
        return index
    end = text.find("\n", index)
    return len(text) if end == -1 else end + 1
