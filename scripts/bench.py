"""Benchmark the pipeline on a synthetic archive of N articles.

    python scripts/bench.py --articles 10000 [--incremental] [--baseline] [--keep DIR]

Each stage runs in its own process so its wall time and peak RSS are its own:
render + site (archive/ -> docs/ -> site/, as `hemeroteca build` runs them: the site is
built while the search index's process is still at work) and the search index alone. Then
the sizes readers feel: the site, the mean article page, the bytes a hosted
one-word search downloads and the bytes the offline search loads before its
first result (both measured in headless Chromium when it is installed). With
``--incremental`` one new article goes through ``hemeroteca add`` and
``hemeroteca build`` and the time to an updated site is reported; with
``--baseline`` a plain MkDocs + Material build with its search plugin runs over
the same docs/ for comparison. The last line is machine-readable.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlparse
from urllib.request import url2pathname

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402
from hemeroteca.project import Project  # noqa: E402

QUERY = "cooperativa"


@dataclass
class Stage:
    name: str
    seconds: float
    peak_rss_mb: float


def run_stage(name: str, command: list[str], cwd: Path) -> Stage:
    """Run one stage in a child process; wait4 gives the peak RSS of that stage (and its children)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            err.seek(0)
            sys.exit(f"{name} failed ({child.returncode}): {err.read().decode(errors='replace')[-2000:]}")
    return Stage(name, seconds, usage.ru_maxrss / 1024)


def api(call: str, root: Path) -> list[str]:
    """A command that runs one step of the Python API on the project at ``root``."""
    return [
        sys.executable,
        "-c",
        "from hemeroteca.project import Project; from hemeroteca.publish import build_site, render_site; "
        "from hemeroteca.render.writer import render, load_model; "
        f"project = Project.at({str(root)!r}); {call}",
    ]


def pipeline(root: Path) -> list[Stage]:
    """What `hemeroteca build` does after ingest and check: render docs/ (search index included) and
    site/, one step, the site made while the search index's process runs (``publish.render_site``)."""
    return [run_stage("render + site", api("render_site(project)", root), root)]


def search_stage(root: Path) -> Stage:
    """The search index's own process, run alone and from scratch, as render starts it.

    Render hands that process one line per article (``search_input``) and waits for it while it
    writes the pages; its memory is counted in render's peak with the pages', and its seconds
    are hidden in render's. Here the same command runs on the same lines, not counted, into an
    empty project of its own (no state from an earlier build, and the kept project untouched).
    """
    folder = Path(tempfile.mkdtemp(prefix="hemeroteca-bench-search-"))
    try:
        articles = folder / "articles.jsonl"
        write = (
            "from hemeroteca.render.search_input import write_articles; "
            f"out = open({str(articles)!r}, 'w', encoding='utf-8'); "
            "write_articles(load_model(project).articles, out); out.close()"
        )
        subprocess.run(api(write, root), cwd=root, check=True)
        scratch = Project.at(root).new_archive(folder / "proj")
        command = [sys.executable, "-m", "hemeroteca.render.search_process", str(scratch.root)]
        return run_stage("search index", [*command, str(articles), str(folder / "out.json")], root)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def mean_page_kb(site: Path) -> float:
    sizes = [p.stat().st_size for p in (site / "articles").glob("*.html")]
    return statistics.fmean(sizes) / 1e3 if sizes else 0.0


# search-index/ files by their first letters: what each kind is (render/search_index.py)
KINDS = {
    "me": "meta",
    "t-": "term shards",
    "e-": "word endings (typos)",
    "o/": "year orders",
    "f/": "facet values",
    "a/": "articles",
}
hosted_kinds: dict[str, int] = {}  # the hosted query's bytes by kind of file, once measured


def browser_measures(site: Path, query: str = QUERY) -> tuple[float | None, float | None, float | None]:
    """(hosted KB per query, offline MB before first result, offline seconds to result).

    The hosted query's bytes by kind of file are left in ``hosted_kinds``.
    """
    try:
        from playwright.sync_api import sync_playwright

        from screenshots import launch, serve
    except ImportError:
        return None, None, None
    if not Path("/usr/bin/chromium").exists() and not shutil.which("chromium"):
        return None, None, None

    def measure(page_url: str, size_of, kinds: dict[str, int] | None = None) -> tuple[float, float]:
        loaded: list[int] = []
        page = browser.new_page()

        def finished(request) -> None:  # type: ignore[no-untyped-def]
            loaded.append(size_of(request))
            name = request.url.split("?")[0].partition("/search-index/")[2]
            if kinds is not None and name:
                kind = KINDS.get(name[:2], "other")
                kinds[kind] = kinds.get(kind, 0) + loaded[-1]

        page.on("requestfinished", finished)
        start = time.perf_counter()
        page.goto(page_url)
        page.wait_for_selector(".hem-results li", timeout=60_000)
        seconds = time.perf_counter() - start
        page.close()
        return float(sum(loaded)), seconds

    def search_bytes(request) -> int:
        """Bytes of the search index's files."""
        path = request.url.split("?")[0]
        if "/search-index/" not in path:
            return 0
        if path.startswith("file:"):
            return Path(url2pathname(urlparse(path).path)).stat().st_size
        # Bytes that came over the network: a file the browser already holds counts once.
        return request.sizes()["responseBodySize"]

    with sync_playwright() as p, serve(site) as url:
        browser = launch(p)
        hosted, _ = measure(f"{url}search.html?q={quote(query)}", search_bytes, hosted_kinds)
        offline, offline_s = measure(f"{(site / 'search.html').as_uri()}?q={quote(query)}", search_bytes)
        browser.close()
    return hosted / 1e3, offline / 1e6, offline_s


def baseline(root: Path) -> Stage:
    """Plain MkDocs + Material with the built-in search plugin over the same docs/."""
    config = root / "mkdocs-baseline.yml"
    config.write_text(
        "site_name: Baseline\ndocs_dir: docs\nsite_dir: site-baseline\nuse_directory_urls: false\n"
        "theme:\n  name: material\nplugins:\n  - search:\n      lang: [en, es, pt]\n"
        "nav:\n  - Home: index.md\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
    return run_stage("baseline", command, root)


def site_stamps(site: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(site).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in site.rglob("*")
        if p.is_file()
    }


def touched(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> dict[str, int]:
    """Files of site/ written, added or removed, counted by top folder."""
    changed = {rel for rel in before.keys() | after.keys() if before.get(rel) != after.get(rel)}
    counts: dict[str, int] = {}
    for rel in changed:
        folder = rel.split("/", 1)[0] if "/" in rel else "(top)"
        counts[folder] = counts.get(folder, 0) + 1
    return dict(sorted(counts.items()))


def incremental(root: Path, count: int, times: int = 2) -> tuple[list[float], dict[str, int]]:
    """Seconds from `hemeroteca add` of one new article to an updated site, for ``times`` articles,
    and the site/ files the last one touched.

    The first pays for what the full build did not leave in .cache/hemeroteca/ (the
    seeds' text keys for `add`'s duplicate search, `check`'s findings); the next ones
    are what an archivist adding articles one after another waits for.
    """
    project = Project.at(root)
    inbox = root / "inbox"
    inbox.mkdir(exist_ok=True)
    hemeroteca = [sys.executable, "-m", "hemeroteca"]
    seconds = []
    for extra in range(1, times + 1):
        meta, text = synthetic.article_text(count + extra)
        new = inbox / f"new-article-{extra}.txt"
        new.write_text(text, encoding="utf-8")
        before = site_stamps(project.site_dir)
        start = time.perf_counter()
        for args in (["add", str(new)], ["build", "--dirty"]):
            result = subprocess.run([*hemeroteca, *args, "--root", str(project.root)], capture_output=True)
            if result.returncode != 0:
                sys.exit(f"incremental {args[0]} failed: {result.stderr.decode(errors='replace')[-2000:]}")
        seconds.append(time.perf_counter() - start)
    return seconds, touched(before, site_stamps(project.site_dir))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--incremental", action="store_true", help="also time adding one article")
    parser.add_argument("--baseline", action="store_true", help="also time plain MkDocs + Material")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--query", default=QUERY, help="the search measured (hosted bytes, offline load and "
                        "time); two words cost more when few texts say them together (README, Search)")
    args = parser.parse_args()

    root = args.keep or Path(tempfile.mkdtemp(prefix="hemeroteca-bench-"))
    try:
        project = synthetic.skeleton(root / "proj")
        start = time.perf_counter()
        synthetic.write_archive(project, args.articles)
        print(f"generate: {args.articles} articles in {time.perf_counter() - start:.1f} s (not counted)")
        stages = pipeline(project.root)
        search = search_stage(project.root)
        for stage in stages:
            per = stage.seconds / args.articles * 1000
            print(
                f"{stage.name}: {stage.seconds:.1f} s ({per:.2f} ms/article), "
                f"peak RSS {stage.peak_rss_mb:.0f} MB"
            )
        print(
            f"search index's own process (part of render, run alone from scratch): {search.seconds:.1f} s, "
            f"peak RSS {search.peak_rss_mb:.0f} MB"
        )
        total = sum(s.seconds for s in stages)
        peak = max(s.peak_rss_mb for s in stages)
        site_mb, page_kb = folder_mb(project.site_dir), mean_page_kb(project.site_dir)
        print(
            f"total: {total:.1f} s, peak RSS {peak:.0f} MB; "
            f"site {site_mb:.1f} MB, article page {page_kb:.1f} KB"
        )
        query_kb, offline_mb, offline_s = browser_measures(project.site_dir, args.query)
        if query_kb is None:
            print("search sizes: not measured (no Chromium or Playwright)")
        else:
            spread = ", ".join(f"{kind} {size / 1e3:.0f} KB" for kind, size in hosted_kinds.items())
            print(f"hosted search '{args.query}': {query_kb:.0f} KB downloaded ({spread})")
            print(f"offline search '{args.query}': {offline_mb:.2f} MB loaded, results in {offline_s:.2f} s")
        fields = {
            "n": args.articles,
            "total_s": f"{total:.1f}",
            "per_article_ms": f"{total / args.articles * 1000:.2f}",
            "peak_rss_mb": f"{peak:.0f}",
            "site_mb": f"{site_mb:.1f}",
            "page_kb": f"{page_kb:.1f}",
            "search_query_kb": "na" if query_kb is None else f"{query_kb:.0f}",
            "offline_load_mb": "na" if offline_mb is None else f"{offline_mb:.2f}",
            "offline_s": "na" if offline_s is None else f"{offline_s:.2f}",
        }
        if args.baseline:
            base = baseline(project.root)
            print(f"baseline (MkDocs + Material + search plugin): {base.seconds:.1f} s, "
                  f"peak RSS {base.peak_rss_mb:.0f} MB; ours is {base.seconds / total:.2f}x faster")
            fields["baseline_s"] = f"{base.seconds:.1f}"
            fields["speedup"] = f"{base.seconds / total:.2f}"
        if args.incremental:
            (first, *more), files = incremental(project.root, args.articles)
            after = ", ".join(f"{s:.1f} s" for s in more)
            print(f"incremental: one article added and site updated in {first:.1f} s (the next: {after})")
            total_files = sum(1 for p in project.site_dir.rglob("*") if p.is_file())
            spread = ", ".join(f"{folder} {n}" for folder, n in files.items())
            print(
                f"incremental: the last article touched {sum(files.values())} of {total_files} "
                f"site files ({spread})"
            )
            fields["incremental_s"] = f"{first:.1f}"
        print("bench: " + " ".join(f"{k}={v}" for k, v in fields.items()))
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
