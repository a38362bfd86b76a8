"""Write docs/ from the catalogue: generated files only, each written only if it changed.

A manifest (``docs/.generated``) remembers which files render wrote, so a file
that is no longer generated is removed while hand-written pages (about,
contributing, search) are never touched.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Container, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import cast

import yaml

from hemeroteca.cache import PARTS, Store, load_value, save_value
from hemeroteca.catalogue.authorities import load_authorities
from hemeroteca.catalogue.check import require_valid
from hemeroteca.catalogue.store import Loaded, load_records, refuse_unsafe_files
from hemeroteca.collector import loading
from hemeroteca.errors import HemerotecaError
from hemeroteca.fileio import inside, stamp, write_chunks_if_changed, write_if_changed, write_new
from hemeroteca.parallel import default_jobs
from hemeroteca.project import Project
from hemeroteca.render.client_messages import MESSAGES_JS, messages_js
from hemeroteca.render.exports import DATA_PAGE, ROWS, data_page, export_files, export_pieces
from hemeroteca.render.indexes import FacetPages, index_pages, other_index_pages
from hemeroteca.render.links import article_path
from hemeroteca.render.messages import FALLBACK
from hemeroteca.render.model import Article, SiteModel, build_model
from hemeroteca.render.originals import original_files
from hemeroteca.render.pages import article_page
from hemeroteca.render.related import Neighbourhoods, affected
from hemeroteca.render.search_dirty import Layout, parse_shard
from hemeroteca.render.search_index import INDEX_DIR, IndexFiles, article_file, article_file_name, build_index
from hemeroteca.render.search_input import write_articles
from hemeroteca.render.search_postings import Bitmaps, TextSink
from hemeroteca.render.search_split import Handoff, split_build
from hemeroteca.render.spliced import write_rows
from hemeroteca.sitedir import SiteState
from hemeroteca.translated_pages import refuse_bad_pages

MANIFEST = ".generated"


def read_manifest(docs: Path) -> list[str]:
    """The paths the manifest lists, one a line: a search shard's name may hold a space
    (an actor's term, ``t-~agencia d.js``), so the lines are not split on blanks."""
    manifest = docs / MANIFEST
    if not manifest.is_file():
        return []
    return [line for line in manifest.read_text(encoding="utf-8").splitlines() if line]
# Kept with the article pages' keys: what their related lists were made from (a tuple: no path).
NEIGHBOURHOODS = ("neighbourhoods",)
# The search index's state from the last build, in the cache (``cache.save_value``).
SEARCH_STATE = "search-state.pickle"
# And the bitmaps of its dense postings (``search_postings.Bitmaps``).
SEARCH_BITMAPS = "search-bitmaps.pickle"


@dataclass
class RenderReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    articles: int = 0
    # Hand-written pages a language gets in English (``translated_pages``): one line each.
    notes: list[str] = field(default_factory=list)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even if someone adds ``!!python/name`` or ``!ENV`` tags to it."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_config(project: Project) -> dict:
    """mkdocs.yml as plain data (empty when there is none), its tags read as nothing."""
    if not project.mkdocs_yml.is_file():
        return {}
    config = yaml.load(project.mkdocs_yml.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    return config if isinstance(config, dict) else {}


def site_identity(project: Project) -> tuple[str, str | None, str]:
    """``site_name``, ``site_url`` and ``theme.language`` from mkdocs.yml: citations and feeds
    name the site, and every page speaks its language."""
    config = site_config(project)
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    language = str(theme.get("language") or FALLBACK)
    return str(config.get("site_name") or "Hemeroteca"), config.get("site_url") or None, language


def page_files(model: SiteModel) -> dict[str, str]:
    """Index pages, exports and the interface's words for the browser: path -> content."""
    return index_pages(model) | other_files(model)


def other_files(model: SiteModel) -> dict[str, str]:
    """Home, search, the overviews, exports and the interface's words: the files made whole each time."""
    return other_index_pages(model) | export_files(model) | {MESSAGES_JS: messages_js(model)}


def write_exports(project: Project, model: SiteModel) -> tuple[list[str], int, list[str]]:
    """The exports written piece by piece (``export_pieces``), then the data page with their
    sizes: (written, unchanged, every path).

    The catalogue's rows of articles that did not change are copied from the files the last
    build wrote (``spliced``), when those files are as it left them.
    """
    docs = project.docs_dir
    written, unchanged, sizes = [], 0, {}
    kept = GeneratedFiles(project, "export-rows")
    pieces_of = export_pieces(model)
    for rel, pieces in pieces_of.items():
        target = inside(docs, rel)
        if rel in ROWS:
            before = kept.noted((rel,)) if kept.intact(rel) else None
            places_before = before if isinstance(before, dict) else None
            changed, size, places = write_rows(target, ROWS[rel], model, places_before)
            kept.note((rel,), places)
        else:
            changed, size = write_chunks_if_changed(target, pieces, durable=False)
        sizes[rel.split("/", 1)[1]] = size
        if changed:
            written.append(rel)
        else:
            unchanged += 1
        if rel in ROWS:
            kept.remember(rel, "rows")
    kept.save()
    if write_if_changed(inside(docs, DATA_PAGE), data_page(model, sizes), durable=False):
        written.append(DATA_PAGE)
    else:
        unchanged += 1
    return written, unchanged, [*pieces_of, DATA_PAGE]


def site_files(model: SiteModel) -> dict[str, str]:
    """Every generated docs/ file, path -> content (``render`` writes article pages one by one)."""
    articles = {article_path(a.id): article_page(a, model) for a in model.articles}
    return articles | page_files(model) | dict(build_index(model)[0])


class GeneratedFiles:
    """Which generated files in docs/ are current, so a build after one new article makes one page.

    A file made from a ``key`` (an article's page, an article's search file) is trusted when
    it is the file this class saw written for that key: same size and modification time.
    Each process that writes keeps its own store (``name``), so two never save over each other.
    ``parts``: for a store with an entry per article (``cache.Store``), so that a build after one
    new article writes a few of its parts again, not all of it.
    """

    def __init__(self, project: Project, name: str, parts: int = 1) -> None:
        # Files are looked at by a plain string path: a ``Path`` made per file was most of the
        # time a build with nothing new spent checking 100,000 article and search files.
        self._prefix = f"{project.docs_dir}{os.sep}"
        # Kept as objects: a look-up is then a dict's, not an unpickling (one per article and build).
        self._store = Store.open(project, name, shared=True, parts=parts)
        self._remembered: list[tuple[str, tuple]] = []

    def fresh(self, rel: str, key: str) -> bool:
        known = self._store.get(rel)
        return known is not None and known[0] == key and tuple(known[1:]) == stamp(self._prefix + rel)

    def intact(self, rel: str) -> bool:
        """The file is the one this class saw written (for whatever key it was)."""
        known = self._store.get(rel)
        return known is not None and tuple(known[1:]) == stamp(self._prefix + rel)

    def noted(self, name: tuple[str]) -> object:
        """What ``note`` kept under ``name`` in the same store (saved with the files' keys)."""
        return self._store.get(name)

    def note(self, name: tuple[str], value: object) -> None:
        self._store.put(name, value)

    def remember(self, rel: str, key: str, on_disk: tuple[int, int] | None = None) -> None:
        """Call once the file for ``key`` is on disk (``on_disk``: its stamp, when known); then ``save``."""
        on_disk = on_disk or stamp(self._prefix + rel)
        if on_disk is not None:
            self._store.put(rel, (key, *on_disk))
            self._remembered.append((rel, (key, *on_disk)))

    def remembered(self) -> list[tuple[str, tuple]]:
        """What ``remember`` put in this process: for a forked child to hand to its parent (``adopt``)."""
        return list(self._remembered)

    def adopt(self, remembered: list[tuple[str, tuple]]) -> None:
        """Keep what ``remember`` put in another process (``remembered``) as if put here."""
        for rel, entry in remembered:
            self._store.put(rel, entry)

    def save(self) -> None:
        self._store.save()


# The search index is built in a second process while this one writes the pages: the two
# take about as long as each other at 10,000 articles. A fresh interpreter
# (``search_process``), not a fork: a forked child holds every page of the parent's memory
# it touches, the whole site model, and counts the rest; this one holds what
# ``search_input`` hands it. Below this many articles the index takes less time than
# starting an interpreter.
PARALLEL_FROM = 1000


def _write_files(
    docs: Path, files: Mapping[str, str], generated: GeneratedFiles | None = None, done: Container[str] = ()
) -> tuple[list[str], int]:
    """Write each file that changed, one at a time (``files`` may make them on demand).

    A file whose mapping gives it a ``key`` is not even made when ``generated`` knows
    the file on disk was written for that key. Those in ``done`` were written already.
    """
    written, unchanged = [], 0
    key_of = getattr(files, "key", None) if generated is not None else None
    for rel in sorted(files):
        if rel in done:
            continue
        key = key_of(rel) if key_of is not None else None
        if key is not None and generated is not None and generated.fresh(rel, key):
            unchanged += 1
            continue
        target, content = inside(docs, rel), files[rel]
        if write_new(target, content) or write_if_changed(target, content, durable=False):
            written.append(rel)
        else:
            unchanged += 1
        if key is not None and generated is not None:
            generated.remember(rel, key)
    return written, unchanged


def _write_pages(docs: Path, model: SiteModel, articles: Iterable[Article]) -> tuple[list[str], int]:
    """Each page written as soon as it is made: 10,000 pages held together are ~300 MB of text."""
    written, unchanged = [], 0
    for article in articles:
        rel = article_path(article.id)
        target, page = inside(docs, rel), article_page(article, model)
        # A page not there yet (a build from nothing: every page) is written in place (``write_new``).
        if write_new(target, page) or write_if_changed(target, page, durable=False):
            written.append(rel)
        else:
            unchanged += 1
    return written, unchanged


# From this many pages to write, a forked helper writes every other run of ``PAGE_RUN`` of them
# while this process writes the rest: making a page is all Python, one core each, and until the
# search index's process starts (or once it is done) the second core is idle.
PAGE_HELPER_FROM = 2000
PAGE_RUN = 200
# What the forked helper writes from: set before it is forked, so it is inherited, not pickled.
_pages_for_helper: tuple[Path, SiteModel, list[list[Article]]] | None = None


def _helper_writes(run: int) -> tuple[list[str], int]:
    assert _pages_for_helper is not None
    docs, model, runs = _pages_for_helper
    return _write_pages(docs, model, runs[run])


def _write_article_pages(
    docs: Path,
    model: SiteModel,
    articles: list[Article],
    progress: Callable | None = None,
    helper: bool = True,
) -> tuple[list[str], int]:
    """The pages of ``articles``, in two processes when there are many (``PAGE_HELPER_FROM``)
    and ``helper`` says a core is free for the second.

    The helper is forked, so it starts with the model built; it takes the odd runs and this
    process the even ones, so both finish at about the same time whatever the load. What a page
    holds does not depend on which process made it (a test compares both ways).
    """
    global _pages_for_helper
    runs = [articles[at : at + PAGE_RUN] for at in range(0, len(articles), PAGE_RUN)]
    forking = helper and "fork" in mp.get_all_start_methods()
    if not forking or len(articles) < PAGE_HELPER_FROM or len(runs) < 2:
        return _write_pages(docs, model, progress(articles) if progress else articles)
    _pages_for_helper = docs, model, runs
    helper = ProcessPoolExecutor(1, mp_context=mp.get_context("fork"))
    try:
        theirs = [helper.submit(_helper_writes, run) for run in range(1, len(runs), 2)]
        shown = progress(articles) if progress else articles  # counts the helper's pages too
        mine = (a for at, a in enumerate(shown) if at // PAGE_RUN % 2 == 0)
        written, unchanged = _write_pages(docs, model, mine)
        for future in theirs:
            more, same = future.result()
            written += more
            unchanged += same
    except BrokenProcessPool as exc:
        raise HemerotecaError(docs, f"the process writing half of the article pages died ({exc})") from exc
    finally:
        helper.shutdown(cancel_futures=True)  # this process failed: the helper stops too
        _pages_for_helper = None
    return sorted(written), unchanged


def search_files(
    project: Project,
    model: SiteModel,
    seen: TextSink | None = None,
    handoff: Handoff | None = None,
    jobs: int = 1,
    generated: GeneratedFiles | None = None,
) -> Mapping[str, str]:
    """The search index's files, updated from the state the former build left in the cache.

    After one new article that is its postings appended, not 10,000 bodies read again. From
    scratch, the articles are analysed by ``jobs`` processes (``search_split``; ``handoff``
    tells this one what ``seen`` did in the other). ``generated``: what the search files on disk
    were written from; the term shards it vouches for are read back for the few a change
    touches (``search_dirty``) instead of all being made again.
    """
    path, made = project.cache_dir / SEARCH_STATE, project.cache_dir / SEARCH_BITMAPS
    bitmaps = Bitmaps(load_value(made))
    scratch = partial(split_build, handoff=handoff, jobs=jobs)
    kept = load_value(path)  # the state, and the layout of the shards made from it, saved together
    previous, layout = kept if isinstance(kept, tuple) and len(kept) == 2 else (None, None)
    trusted = generated is not None and isinstance(layout, Layout)
    read = partial(_read_shard, project, generated, layout) if trusted else None
    files, state = build_index(model, previous, seen, bitmaps, scratch, layout, read)
    save_value(path, (state, files.layout))
    save_value(made, bitmaps.made)
    return files


def _read_shard(project: Project, generated: GeneratedFiles, layout: Layout, key: str) -> dict | None:
    """A term shard as the last build wrote it, when its file on disk is that one (else None)."""
    rel = f"{IndexFiles.SHARD_PREFIX}{key}.js"
    if not generated.fresh(rel, layout.digests.get(key, "")):
        return None
    try:
        return parse_shard(key, inside(project.docs_dir, rel).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def write_search_files(project: Project, model: SiteModel, jobs: int = 1) -> tuple[list[str], list[str], int]:
    """Every search file's name, those written, and how many were left as they were.

    An article's own file is written while the index reads its text (``build_index``'s
    ``seen``), so that the text is read once. ``jobs``: the processes that analyse the
    articles when the index is built from scratch (``search_split``).
    """
    docs = project.docs_dir
    generated = GeneratedFiles(project, "search-files", PARTS)
    early: list[str] = []
    # Every article's file is in one folder, checked once: its names are made here from numbers.
    folder = str(inside(docs, article_file_name(0)).parent) + os.sep

    def seen(number: int, article: Article, body: str) -> None:
        rel = article_file_name(number)
        if generated.fresh(rel, article.key):
            return
        target = f"{folder}{number}.js"
        content = article_file(number, article, body).encode("utf-8")
        made = write_new(target, content)
        if made is not None or write_if_changed(Path(target), content, durable=False):
            early.append(rel)
        generated.remember(rel, article.key, made)

    def taken() -> tuple[list[str], list[tuple[str, tuple]]]:  # in a forked child: what its seen did
        return early, generated.remembered()

    def give(handed: object) -> None:
        more, remembered = cast(tuple[list[str], list[tuple[str, tuple]]], handed)
        early.extend(more)
        generated.adopt(remembered)

    files = search_files(project, model, seen, Handoff(taken, give), jobs, generated)
    written, unchanged = _write_files(docs, files, generated, done=set(early))
    generated.save()
    return sorted(files), sorted(early + written), unchanged


def start_search(
    project: Project, model: SiteModel, stack: ExitStack
) -> Callable[[], tuple[list[str], list[str], int]]:
    """Start writing the search files in their own process; call what this returns for its outcome.

    The process is killed if ``stack`` closes before then (render failed meanwhile).
    """
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="hemeroteca-search-")))
    articles, result = folder / "articles.jsonl", folder / "result.json"
    with articles.open("w", encoding="utf-8") as out:
        write_articles(model.articles, out)
    errors = stack.enter_context((folder / "errors.txt").open("w+b"))
    # The package this process runs, whether installed or put on sys.path by hand.
    package_root = str(Path(__file__).resolve().parents[2])
    paths = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "hemeroteca.render.search_process", str(project.root)]
    process = subprocess.Popen(
        [*command, str(articles), str(result)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=errors,
        env={**os.environ, "PYTHONPATH": paths},
    )

    def stop() -> None:
        if process.poll() is None:
            process.kill()
            process.wait()

    stack.callback(stop)

    def outcome() -> tuple[list[str], list[str], int]:
        process.wait()
        try:
            told = json.loads(result.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            told = {}
        if process.returncode == 0 and "files" in told:
            names, written, unchanged = told["files"]
            return names, written, unchanged
        if "error" in told:
            path, message, line, field = told["error"]
            raise HemerotecaError(path, message, line=line, field=field)
        errors.seek(0)
        last = (errors.read().decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
        raise HemerotecaError(None, f"the search index's process failed (exit {process.returncode}): {last}")

    return outcome


def _remove(docs: Path, rels: Iterable[str], report: RenderReport) -> None:
    """Delete the generated files of ``rels`` that are still there (no longer generated)."""
    for rel in rels:
        target = inside(docs, rel)  # the manifest is a file a pull request can change
        if target.is_file():
            target.unlink()
            report.removed.append(rel)


def load_model(project: Project, loaded: Loaded | None = None) -> SiteModel:
    """The whole site as data, from the records, the authority files and mkdocs.yml."""
    records, errors = loaded or load_records(project)
    if errors:
        raise errors[0]
    authorities = load_authorities(project.authorities_dir)
    name, url, language = site_identity(project)
    with loading():  # the model lives until the command ends (``collector``)
        return build_model(records, authorities, site_name=name, site_url=url, language=language)


def render(
    project: Project,
    *,
    progress: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
    loaded: Loaded | None = None,
    meanwhile: Callable[[list[str]], None] | None = None,
) -> RenderReport:
    """Write docs/ from the catalogue, refused unless ``check`` finds no error in it.

    ``loaded``: the records, when the caller has read them and ``require_valid`` passed them.
    Only the records are judged here (a published archive may come without its seeds).
    ``meanwhile``: called with every generated docs/ path but the search index's once all
    those files are written and the files no longer generated outside the search index are
    removed, while the search index's process may still be at work (``publish.render_site``).
    """
    refuse_unsafe_files(project)
    notes = [str(problem) for problem in refuse_bad_pages(project)]
    if loaded is None:
        loaded = load_records(project)
        require_valid(project, loaded, seeds=False)  # the records; whether seeds/ matches is build's
    for record in loaded[0]:
        # The line of each field is for check's messages, done by now: the pages need not
        # hold them (30,000 records: 345 MB resident after the model, 313 without).
        record.lines = {}
    model = load_model(project, loaded)
    docs = project.docs_dir
    published = SiteState(project)  # told what changes, for the next dirty build of site/
    published.rendering()
    manifest = docs / MANIFEST
    previous = set(read_manifest(docs))
    report = RenderReport(articles=len(model.articles), notes=notes)
    parallel = len(model.articles) >= PARALLEL_FROM
    with ExitStack() as stack:
        if parallel:  # first: it takes longer than everything else render does
            searching = start_search(project, model, stack)
        pages = GeneratedFiles(project, "article-pages", PARTS)
        # A page shows its related and same-year articles too: its key includes theirs. Only the
        # articles near a change can have a new key; the others' pages need only be where they were.
        page_key = model.neighbours.page_key
        neighbourhoods = Neighbourhoods.of(model)
        near = affected(Neighbourhoods.valid(pages.noted(NEIGHBOURHOODS)), neighbourhoods)
        stale = [
            a
            for a in model.articles
            if not (
                pages.fresh(article_path(a.id), page_key(a))
                if near is None or a.id in near
                else pages.intact(article_path(a.id))
            )
        ]
        # A helper process for the pages only when a core is free: the search index's process
        # takes longer than everything else render does, so one that slowed it slows render.
        helper = default_jobs() > (2 if parallel else 1)
        written, unchanged = _write_article_pages(docs, model, stale, progress, helper)
        files = other_index_pages(model) | {MESSAGES_JS: messages_js(model)}
        more_written, more_unchanged = _write_files(docs, files)
        exports_written, exports_unchanged, exports = write_exports(project, model)
        # A facet's pages are made only when what they list changed: one page per list after an add.
        facet_pages = FacetPages(model)
        browse = GeneratedFiles(project, "browse-pages")
        browse_written, browse_unchanged = _write_files(docs, facet_pages, browse)
        browse.save()
        report.written = written + more_written + exports_written + browse_written
        report.unchanged = unchanged + more_unchanged + exports_unchanged + browse_unchanged
        report.unchanged += len(model.articles) - len(stale)
        generated = set(files) | set(exports) | set(facet_pages)
        generated.update(article_path(a.id) for a in model.articles)
        for rel, original in original_files(project.seeds_dir, model.articles).items():
            if write_if_changed(docs / rel, original.read_bytes()):
                report.written.append(rel)
            generated.add(rel)
        # Remembered now, not once the search index is done: a stat of every page written, and
        # the store saved, are not work to leave for after the slowest process.
        for article in stale:
            pages.remember(article_path(article.id), page_key(article))
        pages.note(NEIGHBOURHOODS, neighbourhoods)
        pages.save()
        searched = f"{INDEX_DIR}/"
        _remove(docs, sorted(rel for rel in previous - generated if not rel.startswith(searched)), report)
        if meanwhile is not None:
            meanwhile(sorted(generated))
        names, written, unchanged = searching() if parallel else write_search_files(project, model)
        generated.update(names)
        report.written += written
        report.unchanged += unchanged
        report.written.sort()
    _remove(docs, sorted(rel for rel in previous - generated if rel.startswith(searched)), report)
    report.removed.sort()
    write_if_changed(manifest, "\n".join(sorted(generated)) + "\n")
    published.rendered([*report.written, *report.removed])
    return report
