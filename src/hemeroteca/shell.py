"""Article pages without MkDocs' page loop: MkDocs builds one shell page, filled once per article.

At 10,000 articles MkDocs spends ~8 ms a page on Markdown and Jinja, for pages
that differ only in a handful of slots (title, language, description, head
metadata, content). ``render`` writes each article page as
JSON front matter (those slots, already escaped HTML) and a body of raw HTML
blocks, which MkDocs passes through unchanged. So during ``hemeroteca build``
MkDocs builds every other page plus one generated shell page in ``articles/``
whose slots hold marker tokens, and the article pages are the shell with the
tokens replaced: the same bytes MkDocs would write (a test compares both), at a
fraction of the cost. A plain ``mkdocs build`` still builds the same docs/ the
slow way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from hemeroteca.errors import HemerotecaError
from hemeroteca.fileio import write_if_changed

ARTICLES = "articles/"
SHELL_NAME = "hemeroteca-shell"
SHELL_URI = f"{ARTICLES}{SHELL_NAME}.md"
# Marker tokens: letters only, so no escaping or template filter can alter them.
SLOTS = {
    "title": "HEMSHELLTITLEQ",
    "lang": "HEMSHELLLANGQ",
    "description": "HEMSHELLDESCRIPTIONQ",
    "head_html": "HEMSHELLHEADQ",
}
# An HTML comment MkDocs passes through; the "<h1" inside tells Material's content
# partial that the page brings its own headline, as every article page does.
CONTENT = "<!-- <h1> HEMSHELLCONTENTQ -->"


def shell_markdown() -> str:
    return f"---\n{json.dumps(SLOTS)}\n---\n\n{CONTENT}\n"


def is_article_page(src_uri: str) -> bool:
    return src_uri.startswith(ARTICLES) and src_uri.endswith(".md") and "/" not in src_uri[len(ARTICLES) :]


class ArticleShellPlugin(BasePlugin):
    """Keeps article pages out of MkDocs' page loop and adds the shell page in their place."""

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for file in files:
            if is_article_page(file.src_uri):
                # Excluded, not removed: links from index pages still resolve to their .html.
                file.inclusion = InclusionLevel.EXCLUDED
        files.append(File.generated(config, SHELL_URI, content=shell_markdown()))
        return files


def split_page(text: str, path: Path) -> tuple[dict[str, str], str]:
    """(front matter, HTML body) of an article page written by ``render``."""
    head, sep, body = text[4:].partition("\n---\n\n")
    if not text.startswith("---\n") or not sep:
        raise HemerotecaError(path, "not an article page written by `hemeroteca render`")
    try:
        meta = json.loads(head)
    except json.JSONDecodeError as exc:
        raise HemerotecaError(path, f"front matter is not JSON: {exc.msg}", line=exc.lineno + 1) from exc
    return meta, body.rstrip("\n")


@dataclass(frozen=True)
class Shell:
    """The shell page cut at its markers: filling it is one join per article."""

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
            raise HemerotecaError(None, "the article shell lost its content marker: check overrides/")
        return cls(tuple(parts), tuple(slots))

    def fill(self, meta: dict[str, str], content: str, page: str) -> str:
        values = dict(meta, content=content, page=page)
        out = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:], strict=True):
            out.append(values.get(slot, ""))
            out.append(part)
        return "".join(out)


@dataclass
class ArticleReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def write_article_pages(docs_dir: Path, site_dir: Path) -> ArticleReport:
    """Fill the shell MkDocs wrote for every article page in docs/; remove pages of gone articles."""
    shell_html = site_dir / f"{ARTICLES}{SHELL_NAME}.html"
    if not shell_html.is_file():
        raise HemerotecaError(shell_html, "MkDocs did not write the article shell page")
    shell = Shell.parse(shell_html.read_text(encoding="utf-8"))
    shell_html.unlink()
    report = ArticleReport()
    wanted = set()
    for source in sorted((docs_dir / ARTICLES).glob("*.md")):
        meta, content = split_page(source.read_text(encoding="utf-8"), source)
        target = site_dir / ARTICLES / f"{source.stem}.html"
        wanted.add(target.name)
        if write_if_changed(target, shell.fill(meta, content, source.stem), durable=False):
            report.written.append(target.name)
        else:
            report.unchanged += 1
    for page in sorted((site_dir / ARTICLES).glob("*.html")):
        if page.name not in wanted:
            page.unlink()
            report.removed.append(page.name)
    return report
