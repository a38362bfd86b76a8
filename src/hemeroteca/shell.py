"""Generated pages without MkDocs' page loop: MkDocs builds one shell page, filled once per page.

At 10,000 articles MkDocs spends ~8 ms a page on Markdown and Jinja, for pages
that differ only in a handful of slots (title, description, head metadata,
content). ``render`` writes each article page as
JSON front matter (those slots, already escaped HTML) and a body of raw HTML
blocks, which MkDocs passes through unchanged. So during ``hemeroteca build``
MkDocs builds every other page plus one generated shell page in ``articles/``
whose slots hold marker tokens, and the article pages are the shell with the
tokens replaced: the same bytes MkDocs would write (a test compares both), at a
fraction of the cost. The pages of each country, year, topic, actor and language
(hundreds, with ~90,000 links at 10,000 articles) go the same way with a shell of
their own. A plain ``mkdocs build`` still builds the same docs/ the slow way.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from hemeroteca.cache import Store
from hemeroteca.catalogue.record import text_digest
from hemeroteca.errors import HemerotecaError
from hemeroteca.fileio import stamp, write_if_changed
from hemeroteca.render.links import reserved_name

SHELL_NAME = "hemeroteca-shell"
# Marker tokens: letters only, so no escaping or template filter can alter them.
SLOTS = {
    "title": "HEMSHELLTITLEQ",
    "description": "HEMSHELLDESCRIPTIONQ",
    "head_html": "HEMSHELLHEADQ",
}
# An HTML comment MkDocs passes through; the "<h1" inside tells Material's content
# partial that the page brings its own headline, as every generated page does.
CONTENT = "<!-- <h1> HEMSHELLCONTENTQ -->"


@dataclass(frozen=True)
class PageGroup:
    """Generated pages that share one shell: same folder depth, not in the nav, same slots."""

    folder: str  # "articles/", "browse/countries/": where the pages and their shell are
    slots: tuple[str, ...]

    @property
    def shell_uri(self) -> str:
        return f"{self.folder}{SHELL_NAME}.md"

    def member(self, src_uri: str) -> bool:
        """A page of the group; the overviews (``index*.md``) are in the nav and stay with MkDocs."""
        folder, _, name = src_uri.rpartition("/")
        return name.endswith(".md") and f"{folder}/" == self.folder and not reserved_name(name[:-3])

    def names(self, folder: Path, suffix: str) -> list[str]:
        """Names (without ``suffix``) of the group's pages in ``folder``, sorted: docs/ or site/.

        ``os.scandir`` and plain strings, since pathlib costs ~0.5 s per 10,000 files.
        """
        try:
            entries = os.scandir(folder)
        except FileNotFoundError:
            return []
        with entries:
            found = [e.name[: -len(suffix)] for e in entries if e.name.endswith(suffix)]
        return sorted(stem for stem in found if not reserved_name(stem))

    def shell_markdown(self) -> str:
        return f"---\n{json.dumps({slot: SLOTS[slot] for slot in self.slots})}\n---\n\n{CONTENT}\n"


ARTICLE_PAGES = PageGroup("articles/", ("title", "description", "head_html"))
# One shell per browse folder: the nav's relative links differ from folder to folder.
FACET_KINDS = ("actors", "countries", "languages", "topics", "years")
FACET_PAGES = tuple(PageGroup(f"browse/{kind}/", ("title",)) for kind in FACET_KINDS)
GROUPS = (ARTICLE_PAGES, *FACET_PAGES)


def template_cache_dir() -> Path:
    """Compiled theme templates, per user (``$XDG_CACHE_HOME``), shared by every project.

    Jinja compiles Material's ~30 templates on every build (~0.25 s); its bytecode
    cache keys each entry by the template's source, so a theme upgrade cannot be
    served stale code.
    """
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hemeroteca" / "templates"


class ShellPlugin(BasePlugin):
    """Keeps generated pages out of MkDocs' page loop and adds one shell page per group."""

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        folder = template_cache_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return env  # a read-only home: compile as MkDocs always does
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for file in files:
            if any(group.member(file.src_uri) for group in GROUPS):
                # Excluded, not removed: links from other pages still resolve to their .html.
                file.inclusion = InclusionLevel.EXCLUDED
        for group in GROUPS:
            files.append(File.generated(config, group.shell_uri, content=group.shell_markdown()))
        return files


def split_page(text: str, path: Path) -> tuple[dict[str, str], str]:
    """(front matter, HTML body) of a generated page written by ``render``."""
    head, sep, body = text[4:].partition("\n---\n\n")
    if not text.startswith("---\n") or not sep:
        raise HemerotecaError(path, "not a page written by `hemeroteca render`: run it again")
    try:
        meta = json.loads(head)
    except json.JSONDecodeError as exc:
        raise HemerotecaError(path, f"front matter is not JSON: {exc.msg}", line=exc.lineno + 1) from exc
    return meta, body.rstrip("\n")


@dataclass(frozen=True)
class Shell:
    """The shell page cut at its markers: filling it is one join per page."""

    parts: tuple[str, ...]
    slots: tuple[str, ...]

    @classmethod
    def parse(cls, html: str) -> Shell:
        markers = {token: name for name, token in SLOTS.items()} | {CONTENT: "content", SHELL_NAME: "page"}
        parts, slots, rest = [], [], html
        while True:
            found = [(rest.find(token), token) for token in markers if token in rest]
            if not found:
                break
            index, token = min(found)
            parts.append(rest[:index])
            slots.append(markers[token])
            rest = rest[index + len(token) :]
        parts.append(rest)
        if "content" not in slots:
            raise HemerotecaError(None, "a shell page lost its content marker: check overrides/")
        return cls(tuple(parts), tuple(slots))

    def fill(self, meta: dict[str, str], content: str, page: str) -> str:
        values = dict(meta, content=content, page=page)
        out = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:], strict=True):
            out.append(values.get(slot, ""))
            out.append(part)
        return "".join(out)


@dataclass
class FillReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def write_group(
    group: PageGroup, docs_dir: Path, site_dir: Path, report: FillReport, seen: Store | None = None
) -> None:
    """Fill the group's shell for each of its pages in docs/; remove pages whose source is gone.

    ``seen`` remembers, for each page filled, the shell, the source and the result: a page
    whose three are as they were is left alone without reading it, which is what keeps a
    build after one new article from refilling 10,000 pages.
    """
    shell_html = site_dir / (group.shell_uri[:-3] + ".html")
    if not shell_html.is_file():
        raise HemerotecaError(shell_html, "MkDocs did not write the shell page")
    shell_text = shell_html.read_text(encoding="utf-8")
    shell_key = text_digest(shell_text)
    shell = Shell.parse(shell_text)
    shell_html.unlink()
    wanted = set()
    # Plain strings for paths: this loop runs once per page of the site.
    sources, targets = f"{docs_dir}/{group.folder}", f"{site_dir}/{group.folder}"
    for stem in group.names(docs_dir / group.folder, ".md"):
        source, target = f"{sources}{stem}.md", f"{targets}{stem}.html"
        rel = f"{group.folder}{stem}.html"
        wanted.add(rel)
        before = seen.get(rel) if seen is not None else None
        source_stamp = stamp(source)
        if before == (shell_key, source_stamp, stamp(target)):
            report.unchanged += 1
            continue
        with open(source, encoding="utf-8") as handle:
            meta, content = split_page(handle.read(), Path(source))
        if write_if_changed(Path(target), shell.fill(meta, content, stem), durable=False):
            report.written.append(rel)
        else:
            report.unchanged += 1
        if seen is not None:
            seen.put(rel, (shell_key, source_stamp, stamp(target)))
    for stem in group.names(site_dir / group.folder, ".html"):
        rel = f"{group.folder}{stem}.html"
        if rel not in wanted:
            (site_dir / rel).unlink()
            report.removed.append(rel)


def write_generated_pages(docs_dir: Path, site_dir: Path, seen: Store | None = None) -> FillReport:
    """Every generated page of every group, filled into its shell (see ``write_group``)."""
    report = FillReport()
    for group in GROUPS:
        write_group(group, docs_dir, site_dir, report, seen)
    if seen is not None:
        seen.save()
    return report
