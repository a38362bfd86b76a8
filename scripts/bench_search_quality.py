"""How well the site's search answers readers: judged queries run in headless Chromium.

    python scripts/bench_search_quality.py [--queries FILE] [--keep DIR] [--site DIR] [-v]

Builds a site from the seeds, the held-out pages (eval/heldout/) and, when ../shared is
there, the dev and dev2 excerpts (third-party text, read in place), then runs every query
of eval/search/queries.yaml (or of ``--queries FILE``, a set judged the same way and kept
elsewhere until it has been scored) on its search page, served on 127.0.0.1 and opened from
file://, and prints per engine: micro precision and recall over all the results a query
returns, how many queries put one of their best articles first, and how many queries that
have relevant articles return nothing: over all queries and per set of judgements (``old``;
``new``, written later and kept apart to estimate unseen queries). Judgements about
articles that are not in the site (../shared absent) are left out, and so are, for a
query marked ``unread: dev2-even``, the articles its judge was not allowed to read. ``--site`` reuses a
site this script built before (kept with ``--keep``), so a change to the search page alone
needs no rebuild. ``--pagefind BIN``
also indexes the article pages with Pagefind (whole pages, its default, one index per
language) and runs the same queries through its API, hosted (it cannot run from file://).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import yaml

from hemeroteca.project import Project

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(HERE))

from screenshots import launch, serve  # noqa: E402

QUERIES = ROOT / "eval" / "search" / "queries.yaml"
# key prefix -> folder of the raw texts that prefix names
SOURCES = {
    "heldout": ROOT / "eval" / "heldout" / "articles",
    "dev": SHARED / "dev" / "articles",
    "dev2": SHARED / "dev2" / "articles",
}
# ``unread:`` of a query -> the articles its judge did not read (held back from reading that
# session): they are left out of the query's results and judgements alike.
UNREAD = {"dev2-even": re.compile(r"^dev2:a\d\d[02468]$")}


def article_keys() -> dict[str, str]:
    """sha256 of each raw text -> its key in the judgements (``heldout:h001``, ``seed:000``)."""
    keys = {}
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        keys[hashlib.sha256(seed.read_bytes()).hexdigest()] = f"seed:{seed.stem[:3]}"
    for prefix, folder in SOURCES.items():
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            keys[hashlib.sha256(path.read_bytes()).hexdigest()] = f"{prefix}:{path.stem}"
    return keys


def build_site(project: Path) -> Path:
    """A project holding every article the judgements name that is at hand, built."""
    Project.at(ROOT).new_archive(project)
    shutil.copytree(ROOT / "seeds", project / "seeds", dirs_exist_ok=True)
    hemeroteca = str(Path(sys.executable).parent / "hemeroteca")
    folders = [str(folder) for folder in SOURCES.values() if folder.is_dir()]
    root = ["--root", str(project)]
    commands = ([hemeroteca, "add", *root, *folders], [hemeroteca, "build", *root])
    for command in commands:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode:
            sys.exit(f"{' '.join(command[:2])} failed: {result.stderr[-2000:]}")
    return project / "site"


def page_keys(site: Path) -> dict[str, str]:
    """Article page file name -> judgement key, through each record's source checksum."""
    keys = article_keys()
    pages = {}
    for row in json.loads((site / "data" / "catalogue.json").read_text(encoding="utf-8")):
        key = keys.get(row["source_sha256"])
        if key:
            pages[row["page"].rsplit("/", 1)[-1]] = key
    return pages


def results(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Page file names of every result on the search page open in ``page``, in order, once its
    search has run (following "More results" to the end). The browser tests read results
    through this too, so the benchmark and the tests see the page the same way."""
    page.wait_for_selector(".hem-search[data-done]")
    more = page.locator(".hem-more")
    while more.is_visible():
        count = page.locator(".hem-result").count()
        more.click()
        # a page of results can add none (its candidates' texts did not say the words together)
        page.wait_for_function(f"document.querySelectorAll('.hem-result').length > {count}"
                               " || document.querySelector('.hem-more').hidden"
                               f" || document.querySelector('.hem-search').dataset.paged === '{count}'")
    links = page.locator(".hem-result h2 a, .hem-result h3 a")
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return [href.split("?")[0].split("#")[0].rsplit("/", 1)[-1] for href in hrefs]


@dataclass
class Score:
    returned: int = 0
    correct: int = 0
    relevant: int = 0
    best_first: int = 0
    queries: int = 0
    empty: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        precision = self.correct / self.returned if self.returned else 0.0
        recall = self.correct / self.relevant if self.relevant else 0.0
        return (
            f"{name:12} precision {precision:.3f}  recall {recall:.3f}"
            f"  best first {self.best_first}/{self.queries}"
            f" ({self.best_first / max(self.queries, 1):.0%})  zero-result queries with a relevant article:"
            f" {len(self.empty)}{' ' + ', '.join(self.empty) if self.empty else ''}"
        )


# Pagefind's own API, one instance per language index (it picks its index from <html lang>),
# results of the three merged by Pagefind's score.
PAGEFIND_QUERY = """async (query) => {
  if (!window.__pagefind) {
    window.__pagefind = [];
    for (const language of ["en", "es", "pt"]) {
      document.documentElement.lang = language;
      const pagefind = await import("/pagefind/pagefind.js?" + language);
      await pagefind.options({ basePath: "/pagefind/" });
      await pagefind.init();
      window.__pagefind.push(pagefind);
    }
  }
  let all = [];
  for (const pagefind of window.__pagefind) all = all.concat((await pagefind.search(query)).results);
  all.sort((a, b) => b.score - a.score);
  return (await Promise.all(all.map(result => result.data()))).map(data => data.url);
}"""


def score(queries: list[dict], present: set[str], run, verbose: bool) -> dict[str, Score]:  # type: ignore[no-untyped-def]
    """Every query through ``run`` (query -> article page file names, best first), scored: over
    all queries ("all") and per set of the judgements ("old", the first set; "new", the set
    written later to estimate what queries not worked on get)."""
    totals: dict[str, Score] = defaultdict(Score)
    for q in queries:
        unread = [UNREAD[name] for name in q.get("unread", "").split()]
        judged = {key for key in present if not any(pattern.match(key) for pattern in unread)}
        relevant = set(q["relevant"]) & judged
        best = set(q["best"]) & judged
        if not relevant:
            continue
        found = [key for key in run(q["query"]) if key in judged or key not in present]
        hits = relevant & set(found)
        for total in (totals["all"], totals[q.get("set", "old")]):
            total.queries += 1
            total.returned += len(found)
            total.correct += len(hits)
            total.relevant += len(relevant)
            total.best_first += bool(found) and found[0] in best
            if not found:
                total.empty.append(q["query"])
        if verbose:
            wrong = [k for k in found if k not in relevant]
            first = found[0] if found else "-"
            first += "" if found and found[0] in best else " (not best)"
            print(f"  {q['query']!r}: {len(found)} found, {len(hits)}/{len(relevant)} relevant;"
                  f" first {first}; missed {sorted(relevant - hits)}; wrong {wrong}")
    return totals


def report(name: str, totals: dict[str, Score]) -> None:
    for part in sorted(totals, key=lambda p: (p != "all", p != "old", p)):
        print(totals[part].line(f"{name} {part}"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--keep", type=Path, help="build the project in DIR and keep it")
    parser.add_argument("--site", type=Path, help="use a site built before with --keep (DIR/site)")
    parser.add_argument("--pagefind", type=Path, help="also run the queries through Pagefind (its binary, "
                        "e.g. from npm install pagefind) over the article pages, hosted")
    parser.add_argument("--queries", type=Path, default=QUERIES,
                        help="judged queries to run (default: eval/search/queries.yaml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every query's misses (hosted)")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="hem-search-quality-")
    if args.site:
        site = args.site
    elif args.keep:
        site = build_site(args.keep)
    else:
        site = build_site(Path(work) / "proj")
    try:
        pages = page_keys(site)
        present = set(pages.values())
        queries = yaml.safe_load(args.queries.read_text(encoding="utf-8"))
        missing = len({k for q in queries for k in q["relevant"]} - present)
        print(f"{len(pages)} judged articles in the site; {len(queries)} queries"
              f"{f'; {missing} judged articles absent (../shared missing?) and left out' if missing else ''}")
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright, serve(site) as server:
            browser = launch(playwright)
            page = browser.new_page()
            for engine, base in (("hosted", server), ("file://", site.resolve().as_uri() + "/")):
                def ours(query: str, base: str = base) -> list[str]:
                    page.goto(f"{base}search.html?q={quote(query)}")
                    names = results(page)
                    return [pages.get(name, name) for name in names]

                report(engine, score(queries, present, ours, args.verbose and engine == "hosted"))
            if args.pagefind:
                copy = Path(work) / "pagefind-site"
                shutil.copytree(site, copy)
                subprocess.run([str(args.pagefind), "--site", str(copy), "--glob", "articles/*.html"],
                               check=True, capture_output=True)
                with serve(copy) as pagefind_server:
                    page.goto(pagefind_server + "search.html")

                    def theirs(query: str) -> list[str]:
                        urls = page.evaluate(PAGEFIND_QUERY, query)
                        return [pages.get(url.rsplit("/", 1)[-1], url) for url in urls]

                    report("pagefind", score(queries, present, theirs, args.verbose))
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
