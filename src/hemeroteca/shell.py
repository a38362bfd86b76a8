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
import multiprocessing
import os
from collections.abc import Container, Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions

from hemeroteca.catalogue.record import text_digest
from hemeroteca.errors import HemerotecaError
from hemeroteca.fileio import write_if_changed, write_new
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
    # The digest of each group's shell (by folder): pages filled into another shell are refilled.
    shells: dict[str, str] = field(default_factory=dict)


# The pages of a large group are filled in two processes, each taking half of them (filling is
# reading, one join and writing, page by page): both cores of a small machine, half the wait.
PARALLEL_FROM = 2000


@dataclass(frozen=True)
class _Filling:
    """One group's shell and folders: what filling any of its pages needs."""

    shell: Shell
    group: PageGroup
    sources: str  # docs/<folder>/ and site/<folder>/ as plain strings: this runs once per page
    targets: str

    def fill(self, stems: list[str]) -> tuple[list[str], int]:
        """Fill ``stems``' pages: (the pages written, how many were already as made)."""
        written, unchanged = [], 0
        for stem in stems:
            source, target = f"{self.sources}{stem}.md", f"{self.targets}{stem}.html"
            with open(source, encoding="utf-8") as handle:
                meta, content = split_page(handle.read(), Path(source))
            page = self.shell.fill(meta, content, stem)
            # In place when new (a site built from nothing); a file there may be a hard link to the
            # live site's: replaced, never written into.
            if write_new(Path(target), page) or write_if_changed(Path(target), page, durable=False):
                written.append(f"{self.group.folder}{stem}.html")
            else:
                unchanged += 1
        return written, unchanged


_forked: _Filling | None = None


def _fill_forked(stems: list[str]) -> tuple[list[str], int]:
    assert _forked is not None
    return _forked.fill(stems)


def _forget() -> None:
    global _forked
    _forked = None


def write_group(
    group: PageGroup,
    docs_dir: Path,
    site_dir: Path,
    report: FillReport,
    stems: Iterable[str] | None = None,
    shell_was: str | None = None,
    helpers: bool = True,
) -> None:
    """Fill the group's shell (which MkDocs wrote into ``site_dir``) for each of ``stems``, or
    for every page of the group in docs/ when ``stems`` is None or the shell is not ``shell_was``
    (the digest of the one the site's pages were filled into). The shell is not part of the site.
    ``helpers``: a large group may be filled in two processes (the caller has a core to spare)."""
    global _forked
    shell_html = site_dir / (group.shell_uri[:-3] + ".html")
    if not shell_html.is_file():
        raise HemerotecaError(shell_html, "MkDocs did not write the shell page")
    shell_text = shell_html.read_text(encoding="utf-8")
    shell_key = report.shells[group.folder] = text_digest(shell_text)
    folders = f"{docs_dir}/{group.folder}", f"{site_dir}/{group.folder}"
    filling = _Filling(Shell.parse(shell_text), group, *folders)
    shell_html.unlink()
    if shell_key != shell_was:
        stems = None
    chosen = group.names(docs_dir / group.folder, ".md") if stems is None else sorted(stems)
    half = len(chosen) // 2
    with ExitStack() as stack:
        if helpers and len(chosen) >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods():
            _forked = filling
            stack.callback(_forget)
            pool = stack.enter_context(multiprocessing.get_context("fork").Pool(1))
            other = pool.apply_async(_fill_forked, (chosen[half:],))
            parts = [filling.fill(chosen[:half]), other.get()]
        else:
            parts = [filling.fill(chosen)]
    for written, unchanged in parts:
        report.written += written
        report.unchanged += unchanged


def write_generated_pages(
    docs_dir: Path,
    site_dir: Path,
    stems: Mapping[PageGroup, Iterable[str]] | None = None,
    shells_were: Mapping[str, str] | None = None,
    *,
    helpers: bool = True,
) -> FillReport:
    """The generated pages of every group filled into its shell (``write_group``): every page,
    or the ``stems`` of each group whose shell is the one in ``shells_were`` (by folder)."""
    report = FillReport()
    for group in GROUPS:
        chosen = None if stems is None else stems.get(group, ())
        write_group(group, docs_dir, site_dir, report, chosen, (shells_were or {}).get(group.folder), helpers)
    return report


_BY_FOLDER = {group.folder: group for group in GROUPS}


def group_of(rel: str) -> PageGroup | None:
    """The group of a docs/ path (``articles/x.md``), or None when it is not a generated page."""
    group = _BY_FOLDER.get(rel[: rel.rfind("/") + 1])
    return group if group is not None and group.member(rel) else None


class _Listed(Files):
    """The docs/ files MkDocs is given, which a page's link may also reach among the ``hidden``.

    MkDocs makes a ``File`` (several path computations) for every file it lists, and at 100,000
    articles docs/ holds 210,000, nearly all of them generated files it never builds: the pages
    filled into shells and the search files, exports and originals ``render`` wrote, which
    reach site/ without MkDocs (``sitedir.link_files``). Those are not listed; one a page links
    to (the home page's latest articles, an export from the data page) is made when looked up,
    as MkDocs would have listed it, so every link comes out the same.
    """

    def __init__(self, files: list[File], config: MkDocsConfig, hidden: Container[str]) -> None:
        super().__init__(files)
        self._config, self._hidden = config, hidden
        self._found: dict[str, File] = {}

    def get_file_from_path(self, path: str) -> File | None:
        listed = super().get_file_from_path(path)
        uri = PurePath(path).as_posix()
        if listed is not None or uri not in self._hidden:
            return listed
        if uri not in self._found:
            found = File(uri, self._config.docs_dir, self._config.site_dir, self._config.use_directory_urls)
            if group_of(uri) is not None:
                found.inclusion = InclusionLevel.EXCLUDED  # as ShellPlugin.on_files makes them
            set_exclusions([found], self._config)
            self._found[uri] = found
        return self._found[uri]


def _sort_key(name: str) -> tuple[bool, str]:
    """MkDocs' order in a folder: its index (or README) first, then by name."""
    return (os.path.splitext(name)[0] not in ("index", "README"), name)


def listed_files(config: MkDocsConfig, hidden: Container[str]) -> Files:
    """What ``mkdocs.structure.files.get_files`` returns, without the files of ``hidden`` (see ``_Listed``).

    The same walk, order, exclusions and choice between a folder's README.md and index.md.
    """
    docs = config.docs_dir
    files: list[File] = []
    conflicting: list[tuple[File, File]] = []
    for folder, dirnames, filenames in os.walk(docs):
        rel = os.path.relpath(folder, docs)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        dirnames.sort()
        by_dest: dict[str, File] = {}
        for name in sorted(filenames, key=_sort_key):
            if prefix + name in hidden:
                continue
            file = File(os.path.join(rel, name), docs, config.site_dir, config.use_directory_urls)
            first = by_dest.setdefault(file.dest_uri, file)
            if first is not file:
                conflicting.append((first, file))
            files.append(file)
    set_exclusions(files, config)
    for a, b in conflicting:
        drop = a if b.inclusion.is_included() else b
        if drop in files:
            files.remove(drop)
    return _Listed(files, config, hidden)


@contextmanager
def mkdocs_sees(hidden: Container[str], live: Path | None = None) -> Iterator[None]:
    """For the length of one MkDocs build: the docs/ files it lists leave out ``hidden``
    (``listed_files``), and with ``live`` (a dirty build into an empty folder) a file counts as
    modified when it is newer than its copy in the live site, not in the folder built into."""
    from mkdocs.commands import build as mkdocs_build

    saved = mkdocs_build.get_files, File.is_modified

    def is_modified(file: File) -> bool:
        if file.abs_src_path is None or live is None:  # a page made from content: always new
            return saved[1](file)
        published = os.path.join(live, file.dest_uri)
        return not os.path.isfile(published) or os.path.getmtime(published) < os.path.getmtime(
            file.abs_src_path
        )

    mkdocs_build.get_files = lambda config: listed_files(config, hidden)
    File.is_modified = is_modified  # type: ignore[method-assign]
    try:
        yield
    finally:
        mkdocs_build.get_files, File.is_modified = saved  # type: ignore[method-assign]
