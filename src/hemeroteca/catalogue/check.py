"""Validate the catalogue: the JSON Schema first, then the rules a schema cannot say.

Every problem names the file, the line of the offending field and the field,
so an archivist (or a pull-request annotation) can go straight to it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

from hemeroteca.cache import PARTS, Store
from hemeroteca.catalogue.authorities import Authorities, load_authorities
from hemeroteca.catalogue.check_authorities import check_authorities
from hemeroteca.catalogue.explain import (
    country_message,
    language_message,
    schema_problems,
    topic_message,
    unknown_actor,
)
from hemeroteca.catalogue.known import file_stamp
from hemeroteca.catalogue.problems import Problem
from hemeroteca.catalogue.record import Record
from hemeroteca.catalogue.seed_digests import seed_sha256
from hemeroteca.catalogue.store import (
    Loaded,
    list_seeds,
    load_records,
    seed_id,
    sha256_of,
    sidecar_path,
    unsafe_files,
)
from hemeroteca.errors import HemerotecaError
from hemeroteca.project import Project
from hemeroteca.render.links import reserved_name
from hemeroteca.resources import load_data
from hemeroteca.translated_pages import check_pages
from hemeroteca.weburl import url_problem

if TYPE_CHECKING:
    import jsonschema

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@cache
def _validator() -> jsonschema.Draft202012Validator:
    import jsonschema  # imported only when a record is invalid: most builds never need it

    return jsonschema.Draft202012Validator(load_data("record.schema.json"))


def date_problem(value: str) -> str | None:
    """Why a date string is not a real calendar date at its precision, or None if it is."""
    match = _DATE.match(value)
    if not match:
        return f"'{value}' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY (or null when undated)"
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12:
        return f"'{value}' has no month {month}"
    if day and not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
        month_name = calendar.month_name[int(month)]
        return f"'{value}' is not a calendar date ({month_name} {year} has no day {int(day)})"
    return None


@cache
def _fast_validator() -> Callable[[Any], Any]:
    return fastjsonschema.compile(load_data("record.schema.json"))


def _schema_errors(meta: dict[str, Any]) -> list[jsonschema.ValidationError]:
    """Every schema error of a record, in field order.

    fastjsonschema (code compiled from the schema, ~40x faster) clears the valid records,
    which at 10,000 records is nearly all of them; jsonschema then describes each error
    of the others, all of them, with the path of the field.
    """
    try:
        _fast_validator()(meta)
        return []
    except fastjsonschema.JsonSchemaException:
        errors = _validator().iter_errors(meta)
        return sorted(errors, key=lambda e: [str(p) for p in e.absolute_path])


def check_record(
    record: Record, path: str, authorities: Authorities, *, reviewing: bool = False
) -> list[Problem]:
    """Problems inside one record: schema, calendar, ISO codes, authority files.

    One problem per mistake, worded by ``explain`` in the archivist's terms. ``reviewing``:
    judge the record as a person vouching for it, as ``review`` does before marking it.
    """
    problems: list[Problem] = []

    def add(field: str, message: str, severity: str = "error", at: str = "") -> None:
        problems.append(Problem(path, record.line_of(at or field) or 1, field, message, severity))

    meta = record.meta
    for said in schema_problems(record, _schema_errors(meta)):
        add(said.field, said.message, at=said.line_field)
    if isinstance(meta.get("date"), str):
        reason = date_problem(meta["date"])
        if reason:
            add("date", reason)
    language = meta.get("language")
    if language == "und":
        add(
            "language", "language undetermined: set the ISO 639-1 code of the text (en, es, pt...)", "warning"
        )
    elif isinstance(language, str) and language:
        reason = language_message(language)
        if reason:
            add("language", reason)
    for index, code in enumerate(_items(meta, "countries")):
        if isinstance(code, str) and code:
            reason = country_message(code)
            if reason:
                add(f"countries[{index}]", reason)
    for index, tag in enumerate(_items(meta, "tags")):
        if isinstance(tag, str) and tag:
            reason = topic_message(tag, authorities)
            if reason:
                add(f"tags[{index}]", reason)
    for index, actor in enumerate(_items(meta, "actors")):
        if isinstance(actor, dict) and isinstance(actor.get("name"), str) and actor["name"]:
            known = authorities.actor(actor["name"])
            if known is None:
                vouched = reviewing or record.review == "reviewed"
                message, severity = unknown_actor(actor["name"], authorities, vouched)
                add(f"actors[{index}].name", message, severity)
            elif actor.get("type") in ("person", "organization") and actor["type"] != known.type:
                add(
                    f"actors[{index}].type",
                    f"'{actor['name']}' is {_a(known.type)} in the authority file: write type: {known.type}",
                )
    for field, value in _strings(meta):
        hidden = _HIDDEN.search(value)
        if hidden:
            add(
                field,
                f"contains an invisible control character (U+{ord(hidden.group()):04X}) that breaks feeds "
                "or changes the order the text displays in: remove it",
            )
    source = meta.get("source")
    if isinstance(source, dict) and isinstance(source.get("url"), str):
        reason = url_problem(source["url"])
        if reason:
            add("source.url", reason)
    if record.path is not None and record.path.stem != record.id and isinstance(meta.get("id"), str):
        add("id", f"id '{record.id}' differs from the file name: write id: {record.path.stem}")
    if isinstance(meta.get("id"), str) and reserved_name(meta["id"]):
        add(
            "id",
            f"id '{meta['id']}' is the name of one of the site's own pages: rename the seed and the "
            "record (and this id) to another name",
        )
    if record.blank:
        add("body", "the record has no article text below the front matter", "warning")
    return problems


def _items(meta: dict[str, Any], key: str) -> list[Any]:
    """A list field's items; nothing when it is not a list (the schema has said so already)."""
    value = meta.get(key)
    return value if isinstance(value, list) else []


# C0 and C1 controls other than tab and line ends, and the direction controls that reorder text
# (``sources.decode.BIDI_CONTROLS``, which `add` refuses in a seed; not imported: it loads ftfy).
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _strings(value: Any, path: str = "") -> list[tuple[str, str]]:
    """Every text value of the front matter with its field path (``actors[0].name``)."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(v, f"{path}.{k}" if path else str(k))]
    if isinstance(value, list):
        return [s for i, v in enumerate(value) for s in _strings(v, f"{path}[{i}]")]
    return []


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def check_source(
    project: Project,
    record: Record,
    path: str,
    seeds: dict[str, Path] | None = None,
    sha256: Callable[[Path], str] = sha256_of,
) -> list[Problem]:
    """The record's seed exists inside seeds/ and is byte for byte the file the record was made from.

    ``seeds``: the files in seeds/ by their path from the root, as records name them, when
    the caller has listed them; ``sha256``: the seeds' hashes, remembered when checking them all.
    """
    source = record.meta.get("source")
    if not isinstance(source, dict) or not isinstance(source.get("path"), str):
        return []
    if not isinstance(source.get("sha256"), str):
        return []  # the schema's message says what is missing

    def problem(field: str, message: str) -> Problem:
        return Problem(path, record.line_of(field) or 1, field, message)

    seed = (seeds or {}).get(source["path"])
    if seed is None:
        # Not a plain seeds/NAME path: say whether it points outside seeds/ or nowhere.
        seed = (project.root / source["path"]).resolve()
        if seed.parent != project.seeds_dir.resolve():
            return [problem("source.path", f"'{source['path']}' is not a file in seeds/")]
        if not seed.is_file():
            return [
                problem(
                    "source.path",
                    f"seed file '{source['path']}' does not exist (restore it, or delete this record too)",
                )
            ]
    if source.get("sha256") != sha256(seed):
        return [
            problem(
                "source.sha256", f"does not match the sha256 of '{source['path']}' (was the seed edited?)"
            )
        ]
    return _missing_sidecars(record, seed, problem)


def _missing_sidecars(record: Record, seed: Path, problem: Callable[[str, str], Problem]) -> list[Problem]:
    """A scan's OCR text and a fetched page's WARC are kept beside the seed: say when one is gone."""
    found = []
    if record.meta.get("ocr") is True and not sidecar_path(seed, "ocr").is_file():
        found.append(problem("ocr", f"the OCR text '{sidecar_path(seed, 'ocr').name}' is missing from seeds/ "
                             "(restore it; `ingest` would read the scan again)"))
    source = record.meta.get("source") or {}
    if source.get("retrieved") and not sidecar_path(seed, "warc").is_file():
        found.append(problem("source.retrieved", f"the WARC '{sidecar_path(seed, 'warc').name}' of this "
                             "fetch is missing from seeds/ (restore it)"))
    return found


def _plain_seed(record: Record, seeds: dict[str, Path]) -> Path | None:
    """The file in seeds/ the record names, when nothing beside it (OCR text, WARC) is checked too."""
    source = record.meta.get("source")
    if not isinstance(source, dict) or not isinstance(source.get("path"), str):
        return None
    if record.meta.get("ocr") is True or source.get("retrieved"):
        return None
    return seeds.get(source["path"])


def check(project: Project, loaded: Loaded | None = None, *, seeds: bool = True) -> list[Problem]:
    """All problems in the catalogue, sorted by file and line.

    ``loaded`` is the catalogue as ``load_records`` returned it, when the caller (``build``)
    has read it already and will render from the same records. ``seeds=False`` judges the
    records alone, not whether seeds/ holds the files they were made from.
    """
    unsafe = [
        Problem(path, 1, "file", f"{why}: only regular files are allowed here")
        for path, why in unsafe_files(project)
    ]
    if unsafe:
        # Nothing is read while one is there: a link could show any file of the machine.
        return unsafe
    pages = check_pages(project)  # the hand-written pages and their translations
    broken = check_authorities(project)
    if broken:
        # Records are judged against the authority files: fix those first.
        return sorted(broken + pages)
    try:
        authorities = load_authorities(project.authorities_dir)
    except HemerotecaError as exc:
        where = exc.path or "archive/authorities"
        return sorted([Problem(where, exc.line or 1, "authorities", exc.message), *pages])
    records, errors = loaded or load_records(project)
    seed_files = {project.relative(seed): seed for seed in list_seeds(project)} if seeds else {}
    sha256 = seed_sha256(project) if seeds else None
    # One entry per record file: (its text's digest, the authority files' digest, its own problems,
    # its seed's stamp, the problems of its seed). Its own problems depend only on its text, its
    # path (the entry's key) and the authority files; its seed's on its text and the seed file,
    # known by its stamp (``known.file_stamp``) when only the seed is involved (a scan's OCR text
    # or a fetch's WARC beside it is looked for each time). So an unchanged record and seed cost
    # one look-up, and render's check of the records alone keeps what build's check found of the
    # seeds. Kept as objects (``Store(shared=True)``): 100,000 small lists, mostly empty, each
    # unpickled alone on every check cost more than the checks they spare.
    judged = Store.open(project, "record-problems", shared=True, parts=PARTS)
    problems = [Problem(e.path or "", e.line or 1, e.field or "front matter", e.message) for e in errors]
    problems += pages
    paths = [project.relative(record.path) for record in records]
    ids: dict[str, list[str]] = {}
    for record, path in zip(records, paths, strict=True):
        ids.setdefault(record.id, []).append(path)
    seeds_used: dict[str, list[tuple[str, Record]]] = {}
    astray: set[str] = set()
    for record, path in zip(records, paths, strict=True):
        entry = judged.get(path)
        same_text = entry is not None and entry[0] == record.digest
        own = entry[2] if same_text and entry[1] == authorities.digest else None
        if own is None:
            own = check_record(record, path, authorities)
        problems.extend(own)
        seed_stamp, from_seed = (entry[3], entry[4]) if same_text else (None, None)
        if seeds:
            seed = _plain_seed(record, seed_files)
            stamp = file_stamp(seed) if seed else None
            if stamp is None or stamp != seed_stamp:
                from_seed = check_source(project, record, path, seed_files, sha256 or sha256_of)
            seed_stamp = stamp
            if any(p.field == "source.path" for p in from_seed):
                astray.add(record.path.stem)  # its namesake seed is the one it lost: said once, here
            problems.extend(from_seed)
        judged.put(
            path, (record.digest, authorities.digest, own, seed_stamp, from_seed if seed_stamp else None)
        )
        if len(ids[record.id]) > 1:
            others = [p for p in ids[record.id] if p != path]
            problems.append(
                Problem(
                    path,
                    record.line_of("id") or 1,
                    "id",
                    f"id '{record.id}' is also used by {', '.join(others)}",
                )
            )
        source = record.meta.get("source")
        if isinstance(source, dict) and isinstance(source.get("path"), str):
            seeds_used.setdefault(source["path"], []).append((path, record))
    for seed_path, users in seeds_used.items():
        if seeds and len(users) > 1:
            problems.extend(
                Problem(
                    user,
                    record.line_of("source.path") or 1,
                    "source.path",
                    f"'{seed_path}' is also the seed of {', '.join(u for u, _ in users if u != user)}",
                )
                for user, record in users
            )
    # A seed's record is the one whose source.path names it; a record whose source
    # cannot be read (it failed to parse, or lacks source.path) claims its namesake seed.
    unreadable = astray | {Path(e.path or "").stem for e in errors} | {
        r.path.stem
        for r in records
        if not (isinstance(r.meta.get("source"), dict) and isinstance(r.meta["source"].get("path"), str))
    }
    judged.save()
    if sha256 is not None:  # only the seeds not judged before were hashed: keep the others' hashes
        sha256.save(prune=False)
    for rel, seed in seed_files.items():
        if rel not in seeds_used and seed_id(seed) not in unreadable:
            problems.append(
                Problem(
                    rel,
                    1,
                    "record",
                    "seed has no record in archive/: run `hemeroteca ingest`",
                )
            )
    return sorted(problems)


def require_valid(project: Project, loaded: Loaded, *, seeds: bool = True) -> list[Problem]:
    """The catalogue's warnings; HemerotecaError naming the first error if there is one.

    What every command that publishes records (``render``, ``build``) runs first: a
    record ``check`` would refuse (an id with ``../`` in it, a list that is a number)
    must not reach a page.
    """
    problems = check(project, loaded, seeds=seeds)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more: run `hemeroteca check`)" if len(errors) > 1 else ""
        raise HemerotecaError(first.path, f"{first.message}{more}", line=first.line, field=first.field)
    return problems
