"""A record: YAML front matter + Markdown body, in a file under archive/.

Writing uses a fixed key order and PyYAML's safe quoting so titles with colons
or apostrophes round-trip. Reading keeps the line of every front-matter field,
because ``check`` must point an archivist at the exact line to fix.

Each generated record carries a ``fingerprint``: the sha256 of its own text
without that line. A file whose text no longer matches was edited by a person
and is never overwritten.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from hemeroteca.errors import HemerotecaError

if TYPE_CHECKING:
    from hemeroteca.cache import Store

FIELD_ORDER = (
    "id",
    "title",
    "date",
    "language",
    "countries",
    "actors",
    "tags",
    "source",
    "review",
    "fingerprint",
)
ACTOR_ORDER = ("name", "type", "alias", "role")
SOURCE_ORDER = ("path", "sha256", "url", "publisher")
_FINGERPRINT_LINE = re.compile(r"^fingerprint: .*\n", re.MULTILINE)


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
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


@dataclass
class Record:
    meta: dict[str, Any]
    body: str
    path: Path | None = None
    lines: dict[str, int] = field(default_factory=dict)
    raw: str = ""
    # A hash of the file's text: what caches of work done on this record are keyed by.
    digest: str = ""

    @property
    def id(self) -> str:
        return str(self.meta.get("id", ""))

    @property
    def review(self) -> str:
        return str(self.meta.get("review", "auto"))

    def line_of(self, field_path: str) -> int | None:
        """Line of ``countries[1]`` or ``actors[0].type``, falling back to the enclosing field."""
        while field_path:
            if field_path in self.lines:
                return self.lines[field_path]
            cut = max(field_path.rfind("."), field_path.rfind("["))
            field_path = field_path[:cut] if cut > 0 else ""
        return None

    def edited_by_hand(self) -> bool:
        """True when the file changed since the tool wrote it (or has no fingerprint at all)."""
        stored = self.meta.get("fingerprint")
        return not stored or stored != fingerprint(self.raw)


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


def fingerprint(text: str) -> str:
    return hashlib.sha256(_FINGERPRINT_LINE.sub("", text).encode("utf-8")).hexdigest()[:16]


def text_digest(text: str) -> str:
    """A short content hash (BLAKE2b is ~2x faster than sha256 and collisions do not matter here)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def serialise(meta: dict[str, Any], body: str) -> str:
    """The record's file text, with a fingerprint of itself."""
    meta = {k: v for k, v in meta.items() if k != "fingerprint"}
    draft = f"---\n{dump_front_matter(meta)}---\n\n{body.strip()}\n"
    meta["fingerprint"] = fingerprint(draft)
    return f"---\n{dump_front_matter(meta)}---\n\n{body.strip()}\n"


def _field_lines(node: yaml.Node, offset: int) -> dict[str, int]:
    lines: dict[str, int] = {}

    def walk(n: yaml.Node, prefix: str) -> None:
        if isinstance(n, yaml.MappingNode):
            for key, value in n.value:
                name = f"{prefix}.{key.value}" if prefix else str(key.value)
                lines[name] = key.start_mark.line + offset
                walk(value, name)
        elif isinstance(n, yaml.SequenceNode):
            for index, item in enumerate(n.value):
                name = f"{prefix}[{index}]"
                lines[name] = item.start_mark.line + offset
                walk(item, name)

    walk(node, "")
    return lines


def parse(text: str, path: Path | None = None, headers: Store | None = None) -> Record:
    """Split front matter from body; raise HemerotecaError naming the file and line.

    ``headers`` caches the parsed front matter by the text's digest: YAML parsing is most
    of the cost of reading 10,000 records, and between two builds nearly all are unchanged.
    """
    if not text.startswith("---\n"):
        raise HemerotecaError(path, "record must start with a '---' line opening the front matter", line=1)
    end = text.find("\n---\n", 3)
    if end == -1 and text.endswith("\n---"):
        end = len(text) - 4
    if end == -1:
        raise HemerotecaError(path, "front matter is not closed by a '---' line", line=1)
    header = text[4 : end + 1]
    body = text[end + 5 :].strip("\n")
    digest = text_digest(text)
    known = headers.get(digest) if headers is not None else None
    meta, lines = known if known is not None else _parse_header(header, path)
    if headers is not None and known is None:
        headers.put(digest, (meta, lines))
    return Record(meta=meta, body=body, path=path, lines=lines, raw=text, digest=digest)


def _parse_header(header: str, path: Path | None) -> tuple[dict[str, Any], dict[str, int]]:
    """The front matter's fields and the line of each."""
    if "\t" in header:
        tab_line = header[: header.index("\t")].count("\n") + 2
        raise HemerotecaError(path, "tab character in front matter: YAML indents with spaces", line=tab_line)
    loader = _Loader(header)
    try:
        node = loader.get_single_node()
        meta = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise HemerotecaError(path, f"YAML syntax error: {problem}", line=line) from exc
    finally:
        loader.dispose()
    if not isinstance(meta, dict):
        raise HemerotecaError(path, "front matter must be a mapping of field: value", line=2)
    if isinstance(meta.get("date"), int):
        meta["date"] = str(meta["date"])
    return meta, _field_lines(node, offset=2) if node is not None else {}


def read(path: Path, headers: Store | None = None) -> Record:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise HemerotecaError(path, f"record is not valid UTF-8 (byte {exc.start})") from exc
    # A record saved by an editor on Windows has CRLF line ends; the format is the same.
    return parse(text.replace("\r\n", "\n"), path, headers)
