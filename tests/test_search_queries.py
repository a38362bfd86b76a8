"""The judged search queries (eval/search/queries.yaml) are well formed, so that
scripts/bench_search_quality.py scores what the judgements say."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
KEY = re.compile(r"^(seed:\d{3}|dev:d\d{3}|dev2:a\d{3}|heldout:h\d{3})$")


def test_every_judged_query_names_articles_that_can_exist_and_its_best_among_its_relevant() -> None:
    queries = yaml.safe_load((ROOT / "eval" / "search" / "queries.yaml").read_text(encoding="utf-8"))
    assert len(queries) >= 60
    seeds = {f"seed:{path.name[:3]}" for path in (ROOT / "seeds").glob("*.txt")}
    heldout = {f"heldout:{path.stem}" for path in (ROOT / "eval" / "heldout" / "articles").glob("*.txt")}
    for q in queries:
        where = q["query"]
        assert q["language"] in {"es", "en", "pt"}, where
        assert q["relevant"] and set(q["best"]) <= set(q["relevant"]), where
        assert len(set(q["relevant"])) == len(q["relevant"]), where
        assert set(q.get("unread", "").split()) <= {"dev2-even"}, where
        for key in q["relevant"]:
            assert KEY.match(key), (where, key)
            assert not key.startswith(("seed:", "heldout:")) or key in seeds | heldout, (where, key)
    assert len({q["query"] for q in queries}) == len(queries)
