"""Time the search index alone: from scratch, and updated after one article is added or changed.

    python scripts/bench_search.py PROJECT_ROOT

PROJECT_ROOT: a project with an archive, e.g. one made by
``scripts/bench.py --articles 10000 --keep DIR`` (then DIR/proj). Each update starts
from the pickled state of the build before, as a cache would hand it back, and its
files are checked against a build from scratch of the same articles.
"""

from __future__ import annotations

import argparse
import pickle
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from hemeroteca.project import Project
from hemeroteca.render.model import Article, SiteModel
from hemeroteca.render.search_index import build_index, number_key
from hemeroteca.render.writer import load_model

# search-index/ file names by their first letters: what each kind of file is
KINDS = {
    "t-": "term shards", "e-": "word endings (typos)", "a/": "article files", "o/": "year orders",
    "f/": "facet values", "me": "meta",
}


def timed(call: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def with_articles(model: SiteModel, articles: list[Article]) -> SiteModel:
    return replace(model, articles=sorted(articles, key=lambda a: a.sort_key, reverse=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("root", type=Path)
    args = parser.parse_args()
    model = load_model(Project.at(args.root))
    for article in model.articles:  # cached names, as the pages being rendered leave them
        _ = article.country_names
    by_number = sorted(model.articles, key=lambda a: number_key(a.id))
    middle = by_number[len(by_number) // 2]
    before = with_articles(model, by_number[:-1])

    seconds, (files, state) = timed(lambda: build_index(model))
    blob = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"scratch: {len(model.articles)} articles, {len(files)} files in {seconds:.2f} s; "
          f"state {len(blob) / 1e6:.1f} MB pickled")

    added_text = "\n\nUna frase nueva: zanahoria cooperativista."
    changed = replace(middle, body=middle.body + added_text, key="changed")
    redated = replace(middle, date="1999-01-01", key="redated")
    def swapped(new: Article) -> SiteModel:
        return with_articles(model, [new if a is middle else a for a in model.articles])

    cases = [
        ("one article appended (last in number order)", before, model),
        ("one article's text changed (middle of number order)", model, swapped(changed)),
        ("one article re-dated (middle of number order)", model, swapped(redated)),
        ("the last article removed (last in number order)", model, before),
    ]
    for name, old, new in cases:
        _, previous = build_index(old)
        blob = pickle.dumps(previous, protocol=pickle.HIGHEST_PROTOCOL)
        seconds, (files, _) = timed(lambda blob=blob, new=new: build_index(new, pickle.loads(blob)))
        scratch, _ = build_index(new)
        old_files = build_index(old)[0]
        touched = [path for path, text in files.items() if old_files.get(path) != text]
        kinds = Counter(KINDS[path.removeprefix("search-index/")[:2]] for path in touched)
        spread = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        same = "identical to scratch" if files == scratch else "DIFFERS FROM SCRATCH"
        print(f"update, {name}: {seconds:.2f} s (unpickling included), {len(touched)} of {len(files)} files "
              f"changed ({spread}), {same}")


if __name__ == "__main__":
    main()
