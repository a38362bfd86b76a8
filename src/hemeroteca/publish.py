"""The main job: new seeds in, a checked catalogue, docs/ rendered and site/ built by MkDocs."""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hemeroteca.catalogue.store import Loaded, archive_lock, load_records, refuse_unsafe_files
from hemeroteca.errors import HemerotecaError
from hemeroteca.fileio import plain_path
from hemeroteca.progress import stage
from hemeroteca.project import Project
from hemeroteca.render.writer import MANIFEST, read_manifest
from hemeroteca.sitedir import SiteState, commit, link_files, site_overlay, site_swap

if TYPE_CHECKING:
    from http.server import ThreadingHTTPServer

    from hemeroteca.catalogue.check import Problem
    from hemeroteca.catalogue.ingest import IngestReport
    from hemeroteca.render.writer import RenderReport
    from hemeroteca.shell import PageGroup


@dataclass
class BuildReport:
    ingest: IngestReport
    problems: list[Problem]
    render: RenderReport
    # MkDocs' warnings, one line each (``build --strict`` fails on any).
    site_warnings: list[str] = field(default_factory=list)


class _Warnings(logging.Handler):
    """MkDocs' warnings (a broken link in a hand-written page, a missing nav entry), kept to pass on."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = " ".join(record.getMessage().split())
        # MkDocs' caution about --dirty concerns its own page loop; article pages and the
        # search index are rebuilt here whatever changed, and orphans are swept.
        if not message.startswith("A 'dirty' build is being performed"):
            self.messages.append(message)


def build_site(project: Project, *, dirty: bool = False, shells: bool = True) -> list[str]:
    """``mkdocs build`` of docs/ (search index included, written by ``render``) into site/.

    With ``shells`` MkDocs builds one shell page per folder of generated pages and
    ``hemeroteca.shell`` fills it per page (the same bytes, a fraction of the time);
    without, every page goes through MkDocs' own page loop, as in a plain ``mkdocs build``.
    Returns MkDocs' warnings, one line each, for the caller to show (and ``--strict`` to fail on).

    The new site is built beside the old one and swapped in only when complete
    (``site_swap``): a build that fails, is killed or fills the disk leaves the site that
    was there, whole. ``dirty``, when what changed in docs/ since the site was built is known
    (``SiteState``), writes only the changed files beside the site and moves them in
    (``site_overlay``); otherwise it is a full build.
    """
    refuse_unsafe_files(project)  # MkDocs copies whatever docs/ holds into site/
    _require_config(project)
    state = SiteState(project)
    changes = state.changes(project.site_dir) if dirty and shells else None
    with _mkdocs_warnings() as warnings, _site_errors(project):
        if changes is None:
            with site_swap(project.site_dir) as staging:
                filled = _build_into(project, staging, shells=shells)
        else:
            with site_overlay(project.site_dir) as staging:
                filled = _build_into(project, staging, shells=shells, changes=changes, known=state.shells)
            commit(project.site_dir, staging, filled.removed)
        state.published(project.site_dir, filled.shells)
    return warnings


def render_site(
    project: Project, *, progress: Callable | None = None, loaded: Loaded | None = None
) -> tuple[RenderReport, list[str]]:
    """``render``, then a full ``build_site``, as one step: the site is built while the search
    index's process is still at work, from everything else render wrote by then.

    The search index's process is render's long pole (at 100,000 articles it takes longer
    than render's own pages, exports and browse pages, and longer than those and the site
    together): MkDocs and the shells run on the other core meanwhile, and the search files
    are linked in once the index is done. The site is the same, byte for byte, as
    ``render`` and then ``build_site`` make it; it is swapped in only when both succeeded.
    Returns render's report and MkDocs' warnings.
    """
    from hemeroteca.render.search_index import INDEX_DIR
    from hemeroteca.render.writer import render

    refuse_unsafe_files(project)
    _require_config(project)
    later = f"{INDEX_DIR}/"
    filled = _Filled({})
    with _mkdocs_warnings() as warnings, _site_errors(project):
        with site_swap(project.site_dir) as staging:

            def meanwhile(generated: list[str]) -> None:
                with _site_errors(project):  # here, not as render's own (``_render``)
                    filled.shells = _build_into(
                        project, staging, shells=True, generated=generated, later=later, helpers=False
                    ).shells

            rendered = _render(render, project, progress, loaded, meanwhile)
            link_files(project.docs_dir, staging, _files_under(project.docs_dir, later))
        SiteState(project).published(project.site_dir, filled.shells)
    return rendered, warnings


def _render(
    render: Callable[..., RenderReport],
    project: Project,
    progress: Callable | None,
    loaded: Loaded | None,
    meanwhile: Callable[[list[str]], None] | None = None,
) -> RenderReport:
    try:
        return render(project, progress=progress, loaded=loaded, meanwhile=meanwhile)
    except OSError as exc:  # a full or read-only disk under docs/: site/ is not touched yet
        raise HemerotecaError(
            project.docs_dir, f"cannot write the pages ({exc.strerror}): the previous site is kept"
        ) from exc


def _require_config(project: Project) -> None:
    if not project.mkdocs_yml.is_file():
        raise HemerotecaError(project.mkdocs_yml, "no mkdocs.yml in the project root")


@contextmanager
def _mkdocs_warnings() -> Iterator[list[str]]:
    """MkDocs' warnings while the block runs, one line each, kept in the list it gives."""
    logger = logging.getLogger("mkdocs")
    warnings = _Warnings()
    saved = logger.level, logger.propagate
    logger.setLevel(logging.WARNING)
    logger.propagate = False  # shown by the caller, not by Python's last-resort handler
    logger.addHandler(warnings)
    try:
        yield warnings.messages
    finally:
        logger.removeHandler(warnings)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


@contextmanager
def _site_errors(project: Project) -> Iterator[None]:
    """MkDocs' failures and the disk's, as one line each: the previous site is kept."""
    from mkdocs.exceptions import MkDocsException

    try:
        yield
    except MkDocsException as exc:
        raise HemerotecaError(project.mkdocs_yml, f"mkdocs build failed: {exc}") from exc
    except OSError as exc:
        raise HemerotecaError(
            project.site_dir, f"cannot write the site ({exc.strerror}): the previous site is kept as it was"
        ) from exc


def _files_under(docs: Path, folder: str) -> list[str]:
    """Every file in docs/``folder`` but pages (which MkDocs builds), as docs/ paths: what MkDocs
    would have copied, or the site step linked, had it run after render."""
    found = []
    for path, _, names in os.walk(docs / folder):
        rel = os.path.relpath(path, docs).replace(os.sep, "/")
        found.extend(f"{rel}/{name}" for name in names if not name.endswith(".md"))
    return sorted(found)


@dataclass(frozen=True)
class _Hidden:
    """The docs/ files MkDocs does not list: ``files``, and those of folder ``later`` but pages."""

    files: frozenset[str]
    later: str = ""

    def __contains__(self, rel: object) -> bool:
        if rel in self.files:
            return True
        later = bool(self.later) and isinstance(rel, str) and rel.startswith(self.later)
        return later and not str(rel).endswith(".md")


@dataclass
class _Filled:
    shells: dict[str, str]
    removed: list[str] = field(default_factory=list)


def _build_into(
    project: Project,
    staging: Path,
    *,
    shells: bool,
    changes: set[str] | None = None,
    known: dict[str, str] | None = None,
    generated: list[str] | None = None,
    later: str = "",
    helpers: bool = True,
) -> _Filled:
    """MkDocs, the shells and the generated files into ``staging``: the whole site, or with
    ``changes`` (docs/ paths) only what changed since site/ was built, and what it lacks.

    ``generated``: what render wrote, when it is not done (its manifest otherwise); the files
    of folder ``later`` but pages are still being written, so MkDocs does not see them and the
    caller links them in. ``helpers``: the pages may be filled in two processes (a core is free).
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    # MkDocs (which the shell plugin needs too) loads here, not when the CLI starts.
    from hemeroteca.shell import GROUPS, ShellPlugin, group_of, mkdocs_sees, write_generated_pages

    site, docs = project.site_dir, project.docs_dir
    generated = _generated(project) if generated is None else generated
    # Generated files MkDocs would only copy, and the pages the shells fill: it never lists them.
    unlisted = frozenset(rel for rel in generated if not rel.endswith(".md") or (shells and group_of(rel)))
    hidden = _Hidden(unlisted, later)
    config = load_config(config_file=str(project.mkdocs_yml), site_dir=str(staging))
    if shells:
        config.plugins["hemeroteca-shells"] = ShellPlugin()
    with mkdocs_sees(hidden, None if changes is None else site):
        mkdocs_build(config, dirty=changes is not None)
    files = [rel for rel in generated if not rel.endswith(".md")]
    filled = _Filled({})
    if changes is None:
        if shells:
            filled.shells = write_generated_pages(docs, staging, helpers=helpers).shells
        link_files(docs, staging, files)
        return filled
    # What changed, and what the site lacks (a page deleted from site/ by hand), is written again.
    missing = _missing(site, [rel[:-3] + ".html" if rel.endswith(".md") else rel for rel in unlisted])
    present = set(generated)
    stems: dict[PageGroup, set[str]] = {group: set() for group in GROUPS}
    for rel in sorted(changes | {rel[:-5] + ".md" for rel in missing if rel.endswith(".html")}):
        group = group_of(rel)
        if rel not in present:
            filled.removed.append(rel[:-3] + ".html" if rel.endswith(".md") else rel)
        elif group is not None:
            stems[group].add(rel[len(group.folder) : -3])
    filled.shells = write_generated_pages(docs, staging, stems, known).shells
    link_files(docs, staging, sorted(rel for rel in files if rel in changes or rel in missing))
    return filled


def _generated(project: Project) -> list[str]:
    """The files ``render`` wrote into docs/, as its manifest lists them, each checked to stay inside it."""
    manifest = project.docs_dir / MANIFEST
    names = read_manifest(project.docs_dir)
    for rel in names:  # a file a pull request can change; docs/ holds no links (refuse_unsafe_files)
        if not plain_path(rel):
            raise HemerotecaError(project.relative(manifest), f"'{rel}' would be outside docs/: refused")
    return names


def _missing(site: Path, wanted: list[str]) -> set[str]:
    """Which of ``wanted`` (paths in ``site``) are not there: one listing per folder, no file opened."""
    by_folder: dict[str, list[str]] = defaultdict(list)
    for rel in wanted:
        folder, _, name = rel.rpartition("/")
        by_folder[folder].append(name)
    missing = set()
    for folder, names in by_folder.items():
        try:
            with os.scandir(site / folder if folder else site) as entries:
                there = {entry.name for entry in entries}
        except (FileNotFoundError, NotADirectoryError):
            there = set()
        missing.update(f"{folder}/{name}" if folder else name for name in names if name not in there)
    return missing


def build(project: Project, *, progress: Callable | None = None, dirty: bool = False) -> BuildReport:
    """ingest (new seeds only) + check + render + site. Stops at the first failing step.

    ``dirty`` keeps site/ and rebuilds only what changed (MkDocs' ``--dirty`` for its pages,
    changed article pages and search shards always): the quick path after adding an article.
    A change to mkdocs.yml or the theme needs a full build.
    """
    # Imported here: ``build_site`` alone (a step of its own in the benchmark, or after
    # ``render``) needs none of the catalogue and extraction code.
    from hemeroteca.catalogue.check import require_valid
    from hemeroteca.catalogue.ingest import ingest
    from hemeroteca.render.writer import render

    # Before the lock, which would open an archive/ that is a link; ingest, under the lock, looks
    # inside the folders (a walk of 400,000 files at 100,000 articles, done once, not twice).
    refuse_unsafe_files(project, shallow=True)
    with archive_lock(project):  # no add or review may change the archive half-way through
        ingested = ingest(project, progress=stage(progress, "Ingesting"))
        if ingested.errors:
            raise ingested.errors[0]
        loaded = load_records(project)  # read once, for check and render
        problems = require_valid(project, loaded)
        if not dirty:
            rendering = stage(progress, "Rendering")
            rendered, site_warnings = render_site(project, progress=rendering, loaded=loaded)
        else:
            rendered = _render(render, project, stage(progress, "Rendering"), loaded)
            del loaded  # the records are not the site step's: its forked page fillers would inherit them
            site_warnings = build_site(project, dirty=dirty)
    return BuildReport(ingest=ingested, problems=problems, render=rendered, site_warnings=site_warnings)


def site_server(project: Project, port: int = 8000) -> ThreadingHTTPServer:
    """A server of the built site/ on 127.0.0.1:``port``, bound and ready (``serve_forever`` runs it).

    A page that does not exist gets the site's own 404.html, as on GitHub Pages, not
    Python's bare error page. A port that is taken or impossible is one HemerotecaError.
    """
    import errno
    import http.server

    if not (project.site_dir / "index.html").is_file():
        raise HemerotecaError(project.site_dir, "no built site here: run `hemeroteca build` first")
    if not 0 <= port <= 65535:
        raise HemerotecaError(None, f"{port} is not a port number: use one from 1 to 65535 (8000 by default)")
    site = str(project.site_dir)
    not_found = project.site_dir / "404.html"

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=site, **kwargs)

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            if code != 404 or not not_found.is_file():
                super().send_error(code, message, explain)
                return
            body = not_found.read_bytes()
            self.send_response(404, message)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise HemerotecaError(
                None,
                f"port {port} on 127.0.0.1 is already in use (is another server running?): "
                f"try --port {port + 1}",
            ) from exc
        raise HemerotecaError(None, f"cannot serve on port {port}: {exc.strerror or exc}") from exc
