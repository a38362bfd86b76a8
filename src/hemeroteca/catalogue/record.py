"""A record: YAML front matter + Markdown body, in a file under archive/.

Writing uses a fixed key order and PyYAML's safe quoting so titles with colons
or apostrophes round-trip. Reading keeps the line of every front-matter field,
because ``check`` must point an archivist at the exact line to fix.

Each generated record carries a ``fingerprint``: the sha256 of its own text
without that line. A file whose text no longer matches was edited by a person
and is never overwritten.

Records come in pull requests from strangers, so everything that reads or changes
one finds its front matter the same way (``split_front_matter``), and the YAML is
held to what the tool itself writes: no anchors or aliases (a few lines of them
expand to gigabytes), no field twice, field names that are text, limited nesting.
"""

from __future__ import annotations

import hashlib
import re
import sys
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hemeroteca.errors import HemerotecaError, not_utf8

# A front matter parsed before: the digest of the file's text, its fields, the line of each.
Header = tuple[str, dict[str, Any], dict[str, int]]

# The field paths of a front matter, in order ('id', 'title', ..., 'actors[2].alias'), shared by
# every record of the same shape: most records have one of a few hundred shapes. Bounded, so
# a pull request of odd shapes costs memory as if nothing were shared, and no more.
_SHAPES: dict[tuple[str, ...], tuple[str, ...]] = {}
MAX_SHAPES = 10_000

FIELD_ORDER = (
    "id",
    "title",
    "date",
    "language",
    "countries",
    "actors",
    "tags",
    "source",
    "ocr",
    "ocr_confidence",
    "review",
    "fingerprint",
)
ACTOR_ORDER = ("name", "type", "alias", "role")
SOURCE_ORDER = (
    "path",
    "sha256",
    "url",
    "publisher",
    "requested_url",
    "retrieved",
    "http_status",
    "content_type",
    "media_type",
    "document",
)
_FINGERPRINT_LINE = re.compile(r"^fingerprint:[^\n]*\n", re.MULTILINE)
_OPENING = re.compile(r"---[ \t]*\r?\n")
# Three dashes alone on a line: YAML allows no such line inside a value (it would start a
# new document), so the first one after the opening line is where the front matter ends.
_CLOSING = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
# Deeper than any record needs, and shallow enough that nothing recursive can overflow.
MAX_DEPTH = 32


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser is ~10x faster


class _Loader(_SafeLoader):  # type: ignore[valid-type,misc]
    """SafeLoader that keeps dates as the strings the archivist typed.

    PyYAML would turn ``2021-02-30`` into an exception and ``2021-04-28`` into a
    ``datetime.date``; the record wants the text so ``check`` can judge it.
    """


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        """Never write anchors and aliases: records may not contain them (see ``_walk``)."""
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


class Record:
    """A record's front matter (fields and the line of each) and its text.

    A record read alone keeps its text. ``release`` drops it from a record read in bulk
    (``load_records``: every record, to check and render the catalogue), and ``body`` and
    ``raw`` then read the file again when a page or the search index asks: 100,000 texts
    held at once would take gigabytes, and each is needed only for a moment.
    """

    def __init__(
        self,
        meta: dict[str, Any],
        body: str = "",
        path: Path | str | None = None,
        lines: dict[str, int] | None = None,
        raw: str = "",
        digest: str = "",
    ) -> None:
        self.meta = meta
        self.path = path
        self.lines = lines or {}  # kept as (shared field paths, their line numbers): see ``lines``
        # A hash of the file's text: what caches of work done on this record are keyed by.
        self.digest = digest
        self._body: str | None = body
        self._raw: str | None = raw
        self._blank = not body.strip()
        self._summary: str | None = None

    @property
    def path(self) -> Path | None:
        """The record's file. Given as text, it becomes a ``Path`` when first asked for: the search
        index's process makes a record for every article and reads the file of a few."""
        if isinstance(self._path, str):
            self._path = Path(self._path)
        return self._path

    @path.setter
    def path(self, path: Path | str | None) -> None:
        self._path = path

    @classmethod
    def known(
        cls,
        meta: dict[str, Any],
        lines: dict[str, int],
        path: Path | str,
        digest: str,
        blank: bool,
        summary: str,
        *,
        shared_already: bool = False,
    ) -> Record:
        """A record as an earlier run read it (``catalogue.known``), its text left in the file.

        ``shared_already``: ``meta``'s texts are shared with the other records' (``shared``) as it is."""
        record = cls(meta if shared_already else shared(meta), path=path, lines=lines, digest=digest)
        record._body = record._raw = None
        record._blank, record._summary = blank, summary
        return record

    def __repr__(self) -> str:
        return f"Record(id={self.id!r}, path={self.path!r})"

    @property
    def lines(self) -> dict[str, int]:
        """The line of each front-matter field, by its path (``actors[0].type``).

        Held as the record's shape, shared with every record of the same fields, and an array
        of line numbers: 100,000 records held ~2 KB each of field paths and their numbers as dicts.
        """
        return dict(zip(self._fields, self._field_lines, strict=True))

    @lines.setter
    def lines(self, lines: dict[str, int]) -> None:
        fields = tuple(lines)
        if len(_SHAPES) < MAX_SHAPES:
            fields = _SHAPES.setdefault(fields, fields)
        self._fields: tuple[str, ...] = fields
        self._field_lines = array("l", lines.values())

    @property
    def line_table(self) -> tuple[tuple[str, ...], array]:
        """``lines`` as it is held: the shared field paths and the array of their lines."""
        return self._fields, self._field_lines

    @line_table.setter
    def line_table(self, table: tuple[tuple[str, ...], array]) -> None:
        self._fields, self._field_lines = table

    def release(self) -> None:
        """Forget the text, to be read again from ``path`` when needed."""
        if self.path is not None:
            self._body = self._raw = None

    @property
    def body(self) -> str:
        return self._body if self._body is not None else self._reread()[1]

    @property
    def raw(self) -> str:
        return self._raw if self._raw is not None else self._reread()[0]

    @property
    def blank(self) -> bool:
        """True when the body holds nothing but white space."""
        return self._blank

    @property
    def summary(self) -> str:
        """The opening of the text (``opening``), worked out once: pages, feeds and exports all show it."""
        if self._summary is None:
            self._summary = opening(self.body)
        return self._summary

    def _reread(self) -> tuple[str, str]:
        """The file's text and body, without parsing the front matter again (it is known)."""
        assert self.path is not None
        try:
            text = self.path.read_bytes().decode("utf-8").replace("\r\n", "\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise HemerotecaError(self.path, f"cannot read the record again: {exc}") from exc
        if text_digest(text) != self.digest:
            raise HemerotecaError(self.path, "the record changed while it was read: run the command again")
        return text, text[split_front_matter(text, self.path).body :].strip("\n")

    @property
    def id(self) -> str:
        return str(self.meta.get("id", ""))

    @property
    def review(self) -> str:
        return str(self.meta.get("review", "auto"))

    def line_of(self, field_path: str) -> int | None:
        """Line of ``countries[1]`` or ``actors[0].type``, falling back to the enclosing field."""
        fields = self._fields  # looked up in the shared shape: ``lines`` would make a dict per call
        while field_path:
            if field_path in fields:
                return self._field_lines[fields.index(field_path)]
            cut = max(field_path.rfind("."), field_path.rfind("["))
            field_path = field_path[:cut] if cut > 0 else ""
        return None

    def edited_by_hand(self) -> bool:
        """True when the file changed since the tool wrote it (or has no fingerprint at all)."""
        stored = self.meta.get("fingerprint")
        return not stored or stored != fingerprint(self.raw)


SUMMARY_CHARS = 240


def opening(body: str, chars: int = SUMMARY_CHARS) -> str:
    """The opening of a text, white space squeezed, cut at a word boundary: for descriptions and feeds."""
    # Only the opening is needed: squeeze a prefix that still holds enough words once
    # runs of white space are collapsed, not the whole body (10,000 bodies are 60 MB).
    size = 2 * chars
    while True:
        text = re.sub(r"\s+", " ", body[:size]).strip()
        if size >= len(body) or len(text) > chars + 1:
            break
        size *= 4
    if len(text) <= chars:
        return text
    cut = text[:chars].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"


def _ordered(meta: dict[str, Any]) -> dict[str, Any]:
    out = {k: meta[k] for k in FIELD_ORDER if k in meta}
    out.update({k: v for k, v in meta.items() if k not in out})
    if isinstance(out.get("actors"), list):
        out["actors"] = [
            {
                **{k: a[k] for k in ACTOR_ORDER if k in a},
                **{k: v for k, v in a.items() if k not in ACTOR_ORDER},
            }
            if isinstance(a, dict)
            else a
            for a in out["actors"]
        ]
    if isinstance(out.get("source"), dict):
        src = out["source"]
        out["source"] = {
            **{k: src[k] for k in SOURCE_ORDER if k in src},
            **{k: v for k, v in src.items() if k not in SOURCE_ORDER},
        }
    return out


def dump_front_matter(meta: dict[str, Any]) -> str:
    return yaml.dump(
        _ordered(meta),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=10_000,
    )


@dataclass(frozen=True)
class FrontMatter:
    """Where a record's front matter is in its text: ``text[start:end]`` is the YAML."""

    start: int  # just after the opening '---' line
    end: int  # where the closing '---' line begins
    body: int  # just after the closing line and the blank line that follows it


def split_front_matter(text: str, path: Path | None = None) -> FrontMatter:
    """The front matter's boundaries (LF or CRLF line ends); HemerotecaError when it has none."""
    opening = _OPENING.match(text)
    if opening is None:
        raise HemerotecaError(path, "record must start with a '---' line opening the front matter", line=1)
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        raise HemerotecaError(path, "front matter is not closed by a '---' line", line=1)
    body = closing.end() + (1 if text.startswith("\n", closing.end()) else 0)
    return FrontMatter(opening.end(), closing.start(), body)


def fingerprint(text: str) -> str:
    """sha256 of the text without the front matter's own ``fingerprint:`` line.

    Only that line: a body paragraph that happens to start with ``fingerprint:`` is
    text a person may edit, and an edit there must show.
    """
    try:
        bounds = split_front_matter(text)
    except HemerotecaError:
        stripped = text
    else:
        header = _FINGERPRINT_LINE.sub("", text[bounds.start : bounds.end])
        stripped = text[: bounds.start] + header + text[bounds.end :]
    return hashlib.sha256(stripped.encode("utf-8")).hexdigest()[:16]


def text_digest(text: str) -> str:
    """A short content hash (BLAKE2b is ~2x faster than sha256 and collisions do not matter here)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def serialise(meta: dict[str, Any], body: str) -> str:
    """The record's file text, with a fingerprint of itself.

    The front matter is dumped once, in two parts: the fields up to ``fingerprint``'s place
    and those after it. A block mapping's entries are written independently of each other,
    so the parts joined are the whole mapping's text, and the fingerprint line goes
    between them (dumping it all twice was a quarter of ingest's time).
    """
    ordered = _ordered({k: v for k, v in meta.items() if k != "fingerprint"})
    known = [k for k in ordered if k in FIELD_ORDER]
    head = _dump_part({k: ordered[k] for k in known})
    tail = _dump_part({k: v for k, v in ordered.items() if k not in FIELD_ORDER})
    text = body.strip()
    stamp = fingerprint(f"---\n{head}{tail}---\n\n{text}\n")
    return f"---\n{head}{_dump_part({'fingerprint': stamp})}{tail}---\n\n{text}\n"


def _dump_part(fields: dict[str, Any]) -> str:
    return dump_front_matter(fields) if fields else ""


def _walk(node: yaml.Node, offset: int, path: Path | str | None) -> dict[str, int]:
    """The line of every field, refusing what the tool never writes and PyYAML would accept.

    Runs on the composed node graph, before any value is built: an alias is a node met
    twice, caught here before it could be expanded.
    """
    lines: dict[str, int] = {}
    seen: set[int] = set()

    def refuse(message: str, line: int, field: str | None) -> HemerotecaError:
        return HemerotecaError(path, message, line=line + offset, field=field or None)

    def walk(n: yaml.Node, prefix: str, line: int, depth: int) -> None:
        if id(n) in seen:
            raise refuse(
                "YAML aliases (*name) are not allowed in a record: write the value out", line, prefix
            )
        seen.add(id(n))
        if depth > MAX_DEPTH:
            raise refuse(f"nested more than {MAX_DEPTH} levels deep", line, prefix)
        if isinstance(n, yaml.MappingNode):
            names: dict[str, int] = {}
            for key, value in n.value:
                key_line = key.start_mark.line
                if not isinstance(key, yaml.ScalarNode) or key.tag != "tag:yaml.org,2002:str":
                    shown = key.value if isinstance(key, yaml.ScalarNode) else "a list or mapping"
                    raise refuse(f"field name {shown!r} is not text: quote it", key_line, prefix)
                name = f"{prefix}.{key.value}" if prefix else str(key.value)
                if key.value in names:
                    first = names[key.value] + offset
                    raise refuse(f"field given twice (first on line {first}): keep one", key_line, name)
                names[key.value] = key_line
                lines[name] = key_line + offset
                walk(value, name, key_line, depth + 1)
        elif isinstance(n, yaml.SequenceNode):
            for index, item in enumerate(n.value):
                name = f"{prefix}[{index}]"
                item_line = item.start_mark.line if id(item) not in seen else line
                lines[name] = item_line + offset
                walk(item, name, item_line, depth + 1)

    walk(node, "", 0, 0)
    return lines


def parse(text: str, path: Path | None = None, known: Header | None = None) -> Record:
    """Split front matter from body; raise HemerotecaError naming the file and line.

    ``known``: the digest, fields and lines an earlier run parsed from this file
    (``catalogue.known``), used when the text's digest is still the same: YAML parsing is
    most of the cost of reading 10,000 records, and between two builds nearly all are unchanged.
    """
    bounds = split_front_matter(text, path)
    header = text[bounds.start : bounds.end]
    body = text[bounds.body :].strip("\n")
    digest = text_digest(text)
    if known is not None and known[0] == digest:
        meta, lines = known[1], known[2]
    else:
        meta, lines = _parse_header(header, path)
    return Record(meta=shared(meta), body=body, path=path, lines=lines, raw=text, digest=digest)


SHARED_CHARS = 64


def shared(value: Any) -> Any:
    """``value`` with its field names and short texts interned, for a front matter just read.

    100,000 records each hold their own 'name', 'type', 'organization', 'es', country codes
    and dates as read, ~1 KB a record; interned, each such text is held once.
    """
    if isinstance(value, dict):
        return {sys.intern(k) if type(k) is str else k: shared(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shared(v) for v in value]
    if type(value) is str and len(value) <= SHARED_CHARS:
        return sys.intern(value)
    return value


def load_yaml(text: str, path: Path | str | None, *, first_line: int = 1) -> tuple[Any, dict[str, int]]:
    """The value of a YAML text from a pull request, and the line of each field (``_walk``).

    Records and authority files are both read through here, so both refuse aliases,
    repeated fields and runaway nesting before a single value is built. ``first_line``
    is the file's line number of the text's first line.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines = _walk(node, first_line, path)
        return loader.construct_document(node), lines
    except yaml.YAMLError as exc:
        from hemeroteca.catalogue.explain import yaml_problem

        line, message = yaml_problem(text, exc, first_line=first_line)
        raise HemerotecaError(path, message, line=line) from exc
    finally:
        loader.dispose()


def _parse_header(header: str, path: Path | None) -> tuple[dict[str, Any], dict[str, int]]:
    """The front matter's fields and the line of each."""
    if "\t" in header:
        tab_line = header[: header.index("\t")].count("\n") + 2
        raise HemerotecaError(path, "tab character: indent with spaces, never tabs", line=tab_line)
    meta, lines = load_yaml(header, path, first_line=2)
    if not isinstance(meta, dict):
        raise HemerotecaError(path, "front matter must be a mapping of field: value", line=2)
    if isinstance(meta.get("date"), int):
        meta["date"] = str(meta["date"])
    return meta, lines


def read(path: Path, known: Header | None = None) -> Record:
    data = b""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, message = not_utf8(data, exc)
        raise HemerotecaError(path, message, line=line) from exc
    except OSError as exc:
        raise HemerotecaError(path, f"cannot read the record: {exc.strerror or exc}") from exc
    # A record saved by an editor on Windows has CRLF line ends; the format is the same.
    return parse(text.replace("\r\n", "\n"), path, known)
