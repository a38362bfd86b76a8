"""Validate the authority files themselves: their schema, and the rules that keep names unambiguous.

Every record's actors and tags are judged against these files, so a mistake
here (an alias given to two organisations, a misspelt country code, a topic id
used twice) silently misfiles articles. They get the same treatment as
records: each problem names the file, the line and the entry's field.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jsonschema

from hemeroteca.catalogue.explain import authority_message, country_message
from hemeroteca.catalogue.problems import Problem, field_path
from hemeroteca.catalogue.record import load_yaml
from hemeroteca.errors import HemerotecaError, not_utf8
from hemeroteca.project import Project
from hemeroteca.resources import load_data

FILES = {"actors.yaml": "actors.schema.json", "topics.yaml": "topics.schema.json"}


@cache
def _validator(schema: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(load_data(schema))


def _line(lines: dict[str, int], field: str) -> int:
    while field:
        if field in lines:
            return lines[field]
        cut = max(field.rfind("."), field.rfind("["))
        field = field[:cut] if cut > 0 else ""
    return 1


def check_authority_file(path: Path, shown: str, schema: str) -> list[Problem]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, message = not_utf8(data, exc)
        return [Problem(shown, line, "file", message)]
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        return [Problem(shown, line, "file", "tab character: indent with spaces, never tabs")]
    try:
        data, lines = load_yaml(text, shown)
    except HemerotecaError as exc:
        return [Problem(shown, exc.line or 1, exc.field or "file", exc.message)]
    problems = []
    for error in _validator(schema).iter_errors(data if data is not None else []):
        field = field_path(list(error.absolute_path)) or "file"
        message = authority_message(error)
        problems.append(Problem(shown, _line(lines, field), field, message))
    if problems or not isinstance(data, list):
        return sorted(problems)
    rules = _actor_rules if schema == "actors.schema.json" else _topic_rules
    return sorted(Problem(shown, _line(lines, field), field, message) for field, message in rules(data))


def _actor_rules(entries: list[dict]) -> list[tuple[str, str]]:
    found = []
    owner: dict[str, int] = {}
    for index, entry in enumerate(entries):
        code = entry.get("country")
        reason = country_message(code) if isinstance(code, str) and code else None
        if reason:
            found.append((f"[{index}].country", reason))
        for form in (entry["name"], *(entry.get("aliases") or ())):
            key = form.casefold()
            first = owner.setdefault(key, index)
            if first != index:
                found.append(
                    (
                        f"[{index}]",
                        f"'{form}' also names entry {first + 1} ('{entries[first]['name']}'): "
                        "a name or alias may belong to one actor only",
                    )
                )
    return found


def _topic_rules(entries: list[dict]) -> list[tuple[str, str]]:
    found = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        first = seen.setdefault(entry["id"], index)
        if first != index:
            found.append((f"[{index}].id", f"topic id '{entry['id']}' is already entry {first + 1}"))
    return found


def check_authorities(project: Project) -> list[Problem]:
    problems = []
    for name, schema in FILES.items():
        path = project.authorities_dir / name
        if path.is_file():
            problems.extend(check_authority_file(path, project.relative(path), schema))
    return problems
