"""What ``check`` says: schema and YAML errors turned into the archivist's words.

jsonschema and PyYAML describe a mistake in their own terms (``False is not of type
'string'``, ``did not find expected key``) and often twice over. An archivist needs
one line per mistake, at the line to fix, saying what to write instead. This module
reads the parser's and the validator's findings, and the front matter as typed, and
words each mistake once. Every message it can give is listed, with an example, in
docs/contributing.md (and a test keeps that table true).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import pycountry
import yaml

from hemeroteca.catalogue.problems import field_path
from hemeroteca.catalogue.record import split_front_matter
from hemeroteca.catalogue.suggest import is_slip, nearest
from hemeroteca.errors import HemerotecaError
from hemeroteca.resources import load_data

if TYPE_CHECKING:
    import jsonschema

    from hemeroteca.catalogue.authorities import Authorities
    from hemeroteca.catalogue.record import Record

# The fields a record may have, from the schema ``check`` validates with (in a record's order),
# and those of the two blocks whose fields are indented under them.
_PROPERTIES = load_data("record.schema.json")["properties"]
FIELDS = tuple(_PROPERTIES)
NESTED = {
    "source": tuple(_PROPERTIES["source"]["properties"]),
    "actors": tuple(_PROPERTIES["actors"]["items"]["properties"]),
}

# What to write in each field, for messages about an empty, missing or malformed value.
# Fields are named as in messages, with ``[]`` for any list position.
WHAT_TO_WRITE = {
    "id": "the record's file name without .md",
    "title": "the headline as published",
    "date": "the date the article states (YYYY-MM-DD, YYYY-MM or YYYY), or null when it states none",
    "language": "the two-letter code of the article's language (en, es, pt...)",
    "countries": "a list of two-letter country codes, main country first, or [] when none",
    "countries[]": "a two-letter country code in capitals (PE for Peru), or delete the line",
    "actors": "a list of actors, each with name: and type:, or [] when none",
    "actors[]": "an actor as name: and type: lines",
    "actors[].name": "the actor's name as in archive/authorities/actors.yaml",
    "actors[].type": "person or organization",
    "actors[].alias": "the actor's short name or acronym, or delete the line",
    "actors[].role": "the actor's role in the story, or delete the line",
    "tags": "a list of topic ids from archive/authorities/topics.yaml, or [] when none",
    "tags[]": "a topic id from archive/authorities/topics.yaml, or delete the line",
    "source": "the path: and sha256: lines the tool wrote (restore them with git)",
    "source.path": "the seed's path the tool wrote (restore it with git)",
    "source.sha256": "the seed's sha256 the tool wrote (restore it with git)",
    "source.url": "the article's web address, or delete the line",
    "source.publisher": "the publisher's name, or delete the line",
    "review": "auto or reviewed",
    "uncertain": "a list of notes, or delete it",
    "uncertain[]": "a note, or delete the line",
    "fingerprint": "the value the tool wrote (restore it with git, or delete the line)",
}

# YAML 1.1 reads these unquoted words as true or false (PyYAML follows 1.1).
_BOOLEAN_WORDS = re.compile(r"^(?:yes|no|on|off|true|false|y|n)$", re.IGNORECASE)
_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s:#'\"][^:#]*?):(?: |$)")


def generic(field: str) -> str:
    """``actors[2].type`` -> ``actors[].type``: the key of ``WHAT_TO_WRITE``."""
    return re.sub(r"\[\d+\]", "[]", field)


def what_to_write(field: str) -> str:
    return WHAT_TO_WRITE.get(generic(field), "the value this field needs (see schema/record.schema.json)")


def _spaces(n: int) -> str:
    return f"{n} space" if n == 1 else f"{n} spaces"


def quoted(text: str) -> str:
    """``text`` as a single-quoted YAML scalar (a quote inside is doubled)."""
    return "'" + text.replace("'", "''") + "'"


# --- YAML syntax errors --------------------------------------------------------------------------


def _value_part(line: str) -> str:
    """What follows ``key:`` or ``- `` on a line (the whole line when neither)."""
    match = _KEY_LINE.match(line)
    if match:
        return line[match.end() :].strip()
    stripped = line.strip()
    return stripped[1:].strip() if stripped.startswith("- ") or stripped == "-" else stripped


def _unclosed(line: str) -> str | None:
    """The quote or bracket that opens this line's value and is not closed on it."""
    value = _value_part(line)
    if value.startswith("'"):
        return None if re.fullmatch(r"'(?:[^']|'')*'\s*(?:#.*)?", value) else "'"
    if value.startswith('"'):
        return None if re.fullmatch(r'"(?:[^"\\]|\\.)*"\s*(?:#.*)?', value) else '"'
    if value and value[0] in "[{":
        closing = {"[": "]", "{": "}"}[value[0]]
        return None if value.count(value[0]) <= value.count(closing) else value[0]
    return None


def _belongs(key: str) -> str | None:
    """Which block a field named ``key`` lives in: '' for the top level, or its parent."""
    if key in FIELDS:
        return ""
    return next((parent for parent, keys in NESTED.items() if key in keys), None)


def _indent_of(line: str) -> tuple[int, bool, str | None]:
    """Indentation of the line's own content (a key after ``- `` counts from the key), dashed?, key."""
    match = _KEY_LINE.match(line)
    if match:
        dash = match.group("dash") or ""
        return len(match.group("indent")) + len(dash), bool(dash), match.group("key").strip()
    stripped = line.lstrip(" ")
    return len(line) - len(stripped), stripped.startswith("-"), None


def _indentation(lines: list[str], bad: int, first_line: int) -> str | None:
    """An indentation message for line ``bad`` (0-based), or None when its indentation looks right.

    The right indentation is that of the line's siblings: for a known field, the nearest
    field above it that lives in the same block; for a list item, the item above it.
    """
    text = lines[bad]
    if not text.strip():
        return None
    own = len(text) - len(text.lstrip(" "))
    column, dashed, key = _indent_of(text)
    home = _belongs(key) if key and not dashed else None
    for above in range(bad - 1, -1, -1):
        other = lines[above]
        if not other.strip() or other.lstrip().startswith("#"):
            continue
        other_own = len(other) - len(other.lstrip(" "))
        other_column, other_dashed, other_key = _indent_of(other)
        if home is not None:
            if home == "" and other_key and not other_dashed and other_own == 0:
                want, like = 0, above
            elif home and other_key and _belongs(other_key) == home:
                want, like = other_column, above
            elif home and other_key == home and other_own == 0:
                want, like = 2, above  # the first field of the block: two spaces in
            else:
                continue
        elif dashed:
            if not other_dashed or abs(other_own - own) > 2:
                continue
            want, like = other_own, above
        else:
            if other_dashed or other_key is None or abs(other_column - column) > 2:
                continue
            want, like = other_column, above
        if want == own:
            return None
        where = f"indent it {_spaces(want)}" if want else "start it at the beginning of the line"
        line = like + first_line
        return f"wrong indentation: this line is indented {_spaces(own)}; {where}, like line {line}"
    return None


def yaml_problem(header: str, exc: yaml.YAMLError, first_line: int) -> tuple[int | None, str]:
    """The line and the archivist's message for a YAML error in ``header``.

    ``first_line`` is the file line of the header's first line (2 in a record, after ``---``).
    """
    lines = header.split("\n")
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    last = mark.line if mark is not None else len(lines) - 1
    for index in range(min(last, len(lines) - 1) + 1):
        opened = _unclosed(lines[index])
        if opened in ("[", "{"):
            # A list may go on over several lines (the authority files' aliases do): it is
            # unclosed only if it is still open where the parser gave up.
            closing = {"[": "]", "{": "}"}[opened]
            span = "\n".join(lines[index : last + 1])
            opened = opened if index < last and span.count(opened) > span.count(closing) else None
        if opened:
            closing = {"[": "]", "{": "}"}.get(opened, opened)
            return (
                index + first_line,
                f"the {opened} opened on this line is never closed: end the value with {closing}",
            )
    if mark is None:
        return None, f"YAML cannot read the front matter: {problem}"
    bad = mark.line if mark.line < len(lines) else len(lines) - 1
    text = lines[bad]
    if problem.startswith("mapping values are not allowed"):
        match = _KEY_LINE.match(text)
        if match and mark.column >= match.end():
            key = match.group("key").strip()
            value = text[match.end() :].strip()
            return (
                bad + first_line,
                f"the value of {key} contains ': ', which YAML reads as a new field: "
                f"put the whole value in quotes: {key}: {quoted(value)}",
            )
    if problem.startswith("could not find expected ':'") and context is not None:
        bad = min(context.line, len(lines) - 1)
        stripped = lines[bad].strip()
        if re.match(r"^-[^\s-]", stripped):
            return bad + first_line, f"a list item needs a space after the dash: write - {stripped[1:]}"
        previous = next((lines[i] for i in range(bad - 1, -1, -1) if lines[i].strip()), "")
        if previous.lstrip().startswith("- ") and ":" not in stripped:
            return bad + first_line, f"this line is in a list but has no dash: write - {stripped}"
        return bad + first_line, f"'{stripped}' has no ':' after a field name: write field: value on one line"
    # The parser stumbles on the line after a misplaced one as often as on the line itself.
    for suspect in (bad, bad - 1):
        indentation = _indentation(lines, suspect, first_line) if suspect >= 0 else None
        if indentation:
            return suspect + first_line, indentation
    return (
        bad + first_line,
        f"YAML cannot read this line ({problem}): check its quotes, colons and indentation "
        "against the line above",
    )


# --- schema errors -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Said:
    """One mistake in a record: the field it is in, the field whose line shows it, and the message."""

    field: str
    message: str
    at: str = ""  # the field whose line to point at, when not ``field`` itself

    @property
    def line_field(self) -> str:
        return self.at or self.field


def _scalars(record: Record) -> dict[str, yaml.ScalarNode]:
    """The scalar nodes of the front matter by field, to quote a value exactly as typed."""
    try:
        bounds = split_front_matter(record.raw)
        header = record.raw[bounds.start : bounds.end]
        node = yaml.compose(header, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (HemerotecaError, yaml.YAMLError):
        return {}
    found: dict[str, yaml.ScalarNode] = {}

    def walk(n: yaml.Node, prefix: str) -> None:
        if isinstance(n, yaml.ScalarNode):
            found[prefix] = n
        elif isinstance(n, yaml.MappingNode):
            for key, value in n.value:
                walk(value, f"{prefix}.{key.value}" if prefix else str(key.value))
        elif isinstance(n, yaml.SequenceNode):
            for index, item in enumerate(n.value):
                walk(item, f"{prefix}[{index}]")

    if node is not None:
        walk(node, "")
    return found


def _country_name(code: str) -> str | None:
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or (country.name if country else None)


def _read_as(field: str, value: Any, typed: str | None) -> str | None:
    """Why a value YAML read as something other than text is wrong, or None if it is not that."""
    shown = typed if typed is not None else str(value)
    if value is None or value == "":
        return f"is empty: write {what_to_write(field)}"
    if isinstance(value, bool):
        if generic(field) == "countries[]" and isinstance(typed, str):
            name = _country_name(typed.upper())
            if name:
                return (
                    f"{typed} was read as the value {str(value).lower()}: "
                    f"write {quoted(typed.upper())} in quotes for {name}"
                )
        return f"{shown} was read as the value {str(value).lower()}: write {quoted(shown)} in quotes"
    if isinstance(value, int | float):
        return f"{shown} was read as a number: write {quoted(shown)} in quotes"
    return None


def country_message(code: str) -> str | None:
    """Why a country value is not an ISO 3166-1 alpha-2 code, and the code to write; None if it is one."""
    if len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code):
        return None
    country = None
    how = ""
    if len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()):
        country, how = pycountry.countries.get(alpha_2=code.upper()), "must be in capitals"
    elif len(code) == 3 and pycountry.countries.get(alpha_3=code.upper()):
        country, how = pycountry.countries.get(alpha_3=code.upper()), "is a three-letter code"
    else:
        from hemeroteca.extract.countries import gazetteer

        known = gazetteer().get(code.casefold())
        if known is not None and known[1] == "name":
            country, how = pycountry.countries.get(alpha_2=known[0]), "is a country's name"
    if country is not None:
        return f"{quoted(code)} {how}: write {country.alpha_2} ({_country_name(country.alpha_2)})"
    message = f"{quoted(code)} is not a country code: write the two-letter ISO code, like PE for Peru"
    guesses = nearest(code, country_choices())
    if guesses:
        options = " or ".join(f"{c} ({_country_name(c)})" for c in guesses)
        message += f"; did you mean {options}?"
    return message


@cache
def country_choices() -> dict[str, str]:
    """Country names (English, Spanish, Portuguese) -> code, for did-you-mean."""
    from hemeroteca.extract.countries import gazetteer

    return {name: code for name, (code, kind) in gazetteer().items() if kind == "name"}


def language_message(value: str) -> str | None:
    """Why a language value is not an ISO 639-1 code, and the code to write; None if it is one."""
    if value == "und" or (len(value) == 2 and value.islower() and pycountry.languages.get(alpha_2=value)):
        return None
    language = None
    if len(value) == 2:
        language = pycountry.languages.get(alpha_2=value.lower())
    elif len(value) == 3:
        language = pycountry.languages.get(alpha_3=value.lower())
    if language is None:
        try:
            language = pycountry.languages.lookup(value)
        except LookupError:
            language = None
    code = getattr(language, "alpha_2", None)
    if code:
        return f"{quoted(value)} is not a language code: write {code} ({language.name})"
    return f"{quoted(value)} is not a language code: write {what_to_write('language')}"


def _misplaced(meta: dict[str, Any]) -> dict[str, str]:
    """Top-level keys that are fields of ``source`` or of an actor: key -> the block they belong in."""
    out = {}
    for key in meta:
        if key in FIELDS:
            continue
        home = next((parent for parent, keys in NESTED.items() if key in keys), None)
        if home is not None:
            out[key] = home
    return out


def _before(meta: dict[str, Any], missing: str) -> str:
    """The field after which a missing top-level field belongs (where the archivist adds it)."""
    order = FIELDS[: FIELDS.index(missing)] if missing in FIELDS else FIELDS
    return next((key for key in reversed(order) if key in meta), "id")


def _extra_key(record: Record, parent: str, key: str) -> Said:
    field = f"{parent}.{key}" if parent else key
    if not parent:
        home = _misplaced({key: None}).get(key)
        if home == "source":
            line = record.line_of("source")
            return Said(key, f"{key} must be indented under source: (line {line}), two spaces in")
        if home == "actors":
            return Said(key, f"{key} must be indented under its actor in actors:, like the name: line above")
        choices = FIELDS
    else:
        choices = NESTED.get(generic(parent).rstrip("[]"), ())
    message = f"{key} is not a field here (the fields are {', '.join(choices)})"
    guess = nearest(key, {c: c for c in choices}, limit=1)
    if guess:
        message = f"{key} is not a field here: did you mean {guess[0]}?"
    return Said(field, message)


def schema_problems(record: Record, errors: Iterable[jsonschema.ValidationError]) -> list[Said]:
    """One message per mistake from the schema's errors of ``record``.

    Country, language, tag, date and id values that are text get their own rules
    (``country_message`` and the others, called by ``check_record``), which know what the
    archivist meant; the schema's pattern errors on them would only repeat it.
    """
    meta = record.meta
    scalars: dict[str, yaml.ScalarNode] | None = None
    said: dict[str, Said] = {}
    misplaced = _misplaced(meta)

    def typed(field: str) -> str | None:
        nonlocal scalars
        if scalars is None:
            scalars = _scalars(record)
        node = scalars.get(field)
        return node.value if node is not None else None

    def say(item: Said) -> None:
        said.setdefault(item.field, item)

    for error in errors:
        path = list(error.absolute_path)
        field = field_path(path)
        kind = error.validator
        if kind == "additionalProperties" and isinstance(error.instance, dict):
            allowed = error.schema.get("properties", {})
            for key in error.instance:
                if key not in allowed:
                    say(_extra_key(record, field, str(key)))
            continue
        if kind == "required":
            missing = error.message.split("'")[1]
            if not field and missing in misplaced.values():
                continue  # its lines are there, only un-indented: said once, at them
            if field == "source" and missing in misplaced:
                continue
            target = field_path([*path, missing])
            hint = what_to_write(target)
            at = field or _before(meta, missing)
            say(Said(target, f"is missing: add a {missing}: line with {hint}", at=at))
            continue
        value = error.instance
        generic_field = generic(field)
        if generic_field in ("countries[]", "tags[]", "language", "date", "id") and isinstance(value, str):
            continue  # value_problems words these
        if kind == "type" or (value is None or value == ""):
            reason = _read_as(field, value, typed(field))
            if reason is None:
                expected = error.validator_value
                if expected == "array" or (isinstance(expected, list) and "array" in expected):
                    reason = f"must be a list, one item per line after a dash: write {what_to_write(field)}"
                elif expected == "object" and generic_field == "actors[]" and isinstance(value, str):
                    reason = f"write the actor as - name: {value}, with a type: line under it"
                elif expected == "object":
                    reason = f"must be fields on indented lines: write {what_to_write(field)}"
                else:
                    reason = f"must be text: write {what_to_write(field)}"
            say(Said(field, reason))
        elif kind == "enum":
            say(Said(field, f"{quoted(str(value))} is not allowed here: write {what_to_write(field)}"))
        elif kind == "uniqueItems" and isinstance(value, list):
            seen: set[str] = set()
            for index, item in enumerate(value):
                if repr(item) in seen:
                    say(Said(f"{field}[{index}]", f"{quoted(str(item))} is listed twice: delete this line"))
                seen.add(repr(item))
        elif kind in ("minLength",):
            say(Said(field, f"is empty: write {what_to_write(field)}"))
        elif kind == "pattern":
            say(Said(field, f"{quoted(str(value))} is not in the right form: write {what_to_write(field)}"))
        else:
            say(Said(field, f"{error.message}: write {what_to_write(field)}"))
    return list(said.values())


def authority_message(error: jsonschema.ValidationError) -> str:
    """A schema error of an authority file entry, worded like a record's."""
    value = error.instance
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return f"is missing: add a {missing}: line"
    if error.validator == "pattern" and error.absolute_path and error.absolute_path[-1] == "country":
        return country_message(str(value)) or error.message
    if error.validator == "enum":
        allowed = " or ".join(map(str, error.validator_value))
        return f"{quoted(str(value))} is not allowed here: write {allowed}"
    if error.validator == "additionalProperties" and isinstance(value, dict):
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        fields = ", ".join(error.schema["properties"])
        return f"{', '.join(map(str, extra))} is not a field here (the fields are {fields})"
    if value is None or value == "":
        return "is empty: write a value, or delete the line"
    return error.message


# --- names the authority files do not know --------------------------------------------------------


def topic_message(tag: str, authorities: Authorities) -> str | None:
    """Why a tag is not a topic of topics.yaml, with the nearest topic ids; None if it is one."""
    known = authorities.topic_ids
    if not known or tag in known:
        return None
    forms = {topic.id: topic.id for topic in authorities.topics}
    for topic in authorities.topics:
        forms.update({label: topic.id for label in topic.labels.values()})
    guesses = nearest(tag.replace("-", " "), {form.replace("-", " "): v for form, v in forms.items()})
    message = f"{quoted(tag)} is not a topic in archive/authorities/topics.yaml"
    if guesses:
        return f"{message}: did you mean {' or '.join(guesses)}?"
    return f"{message}: use one of its ids, or propose the new topic there"


def unknown_actor(name: str, authorities: Authorities, vouched: bool) -> tuple[str, str]:
    """The message and severity for an actor the authority file does not list.

    A new actor is normal (the file grows with the archive): a warning. A name a slip
    of the hand from a known one is almost always that actor misspelt, and would give
    the site a second page for it: once a person vouches for the record (``vouched``:
    it is reviewed, or being marked so) that is an error, which blocks ``review`` and
    the pull request until the name is corrected, or added to actors.yaml as the
    different actor it really is. In a record still ``auto`` it stays a warning, so
    the tool's own proposals never stop a build.
    """
    key = ("nearest actor", name)
    guess = authorities.remembered.get(key)
    if guess is None:
        forms = {}
        for actor in authorities.actors:
            forms.update({form: form for form in (actor.name, *actor.aliases)})
        guess = authorities.remembered[key] = nearest(name, forms, limit=1)
    if guess:
        actor = authorities.actor(guess[0])
        canonical = f" ({actor.name})" if actor is not None and actor.name != guess[0] else ""
        message = (
            f"{quoted(name)} is not in archive/authorities/actors.yaml: did you mean "
            f"{quoted(guess[0])}{canonical}?"
        )
        if is_slip(name, guess[0]):
            return (
                f"{message} Correct the name, or add it to actors.yaml if it is a different actor",
                "error" if vouched else "warning",
            )
        return f"{message} If not, add it there", "warning"
    return (
        f"{quoted(name)} is not in archive/authorities/actors.yaml: add it there, or correct the name",
        "warning",
    )
