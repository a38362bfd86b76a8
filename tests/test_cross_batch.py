"""scripts/cross_batch.py's pure parts: counts from scores, pooling, the table; no data needed."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from hemeroteca.evaluate import Scores, score_one
from tests.conftest import REPO


def _script():
    spec = importlib.util.spec_from_file_location("cross_batch", REPO / "scripts" / "cross_batch.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["cross_batch"] = module
    spec.loader.exec_module(module)
    return module


cross_batch = _script()

GOLD = {
    "file": "a001.txt",
    "title": "Bank lends to farmers",
    "date": "2024-05-03",
    "language": "en",
    "countries": ["PE", "CL"],
    "actors": [{"name": "Ana Ruiz", "type": "person"}, {"name": "Banco Agrario", "type": "organization"}],
}


def _scored(pred: dict) -> Scores:
    scores = Scores()
    score_one(scores, GOLD, pred)
    return scores


def test_summary_counts_one_page() -> None:
    pred = {
        "title": "Bank lends to farmers",
        "date": None,
        "language": "en",
        "countries": ["CL", "PE", "AR"],
        "actors": [{"name": "Ana Ruiz", "type": "person"}, {"name": "Lima", "type": "organization"}],
    }
    s = cross_batch.summary(_scored(pred))
    assert s["files"] == 1 and s["title_right"] == 1 and s["title_total"] == 1
    assert (s["date_right"], s["dated_right"], s["dated_total"], s["false_dates"]) == (0, 0, 1, 0)
    assert (s["countries_tp"], s["countries_fp"], s["countries_fn"]) == (2, 1, 0)
    assert (s["main_right"], s["main_total"]) == (0, 1)
    assert (s["actors_tp"], s["actors_fp"], s["actors_fn"], s["type_right"]) == (1, 1, 1, 1)
    assert set(s) == set(cross_batch.COUNTS)


def test_pool_adds_counts_so_sets_weigh_by_size() -> None:
    right = cross_batch.summary(_scored({**GOLD}))
    wrong = cross_batch.summary(_scored({"title": "Menu", "language": "es"}))
    pooled = cross_batch.pool([right, right, wrong])
    assert pooled["files"] == 3 and pooled["title_right"] == 2 and pooled["title_total"] == 3
    assert pooled["actors_tp"] == 4 and pooled["actors_fn"] == 2
    assert cross_batch.pool([]) == dict.fromkeys(cross_batch.COUNTS, 0)


def test_row_and_table_format() -> None:
    s = cross_batch.pool([cross_batch.summary(_scored({**GOLD}))] * 2)
    cells = cross_batch.row("dev9", s)
    assert cells[:3] == ["dev9", "2", "1.000 (2/2)"]
    assert cells[3] == "1.000 (2/2, 0 of 0)"
    assert cells[4] == "1.000 (1.000 / 1.000)" and cells[6] == "1.000 (1.000 / 1.000)"
    empty = cross_batch.row("none", dict.fromkeys(cross_batch.COUNTS, 0))
    assert empty[2] == "n/a (0/0)" and empty[-1] == "n/a at n/a"
    lines = cross_batch.table([cells, empty]).splitlines()
    assert len(lines) == 4 and lines[0].startswith("| set ")
    assert len({len(line) for line in lines}) == 1  # columns line up
    assert set(lines[1]) <= {"|", "-"}


def test_rows_pool_only_real_sets_that_were_scored() -> None:
    one = cross_batch.summary(_scored({**GOLD}))
    sets = [
        cross_batch.LabelledSet("seeds", "x", real=False),
        cross_batch.LabelledSet("a", "y"),
        cross_batch.LabelledSet("b", "z"),
        cross_batch.LabelledSet("c", "w"),
    ]
    results = {"seeds": one, "a": one, "b": one, "c": "skipped: w is absent"}
    rows = cross_batch.rows_of(results, sets)
    assert [r[0] for r in rows] == ["seeds", "a", "b", "pooled real pages (2 sets)"]
    assert rows[-1][1] == "2"


def test_odd_half_and_set_choice() -> None:
    assert cross_batch._odd_page("a001.txt") and not cross_batch._odd_page("a002.txt")
    assert not cross_batch._odd_page("readme")
    sets = cross_batch.choose_sets(["dev6=/elsewhere/gold.yaml", "mine=/x/gold.yaml"], "dev2-odd,dev6,mine")
    assert [s.name for s in sets] == ["dev2-odd", "dev6", "mine"]
    assert sets[0].keep is not None and sets[1].gold == "/elsewhere/gold.yaml" and sets[2].real
    with pytest.raises(SystemExit):
        cross_batch.choose_sets([], "nosuchset")
    with pytest.raises(SystemExit):
        cross_batch.choose_sets(["nogold"], None)


def test_absent_set_is_skipped_with_a_note(tmp_path) -> None:
    absent = cross_batch.LabelledSet("gone", str(tmp_path / "missing" / "gold.yaml"))
    result = cross_batch.score_sets([absent], REPO)
    assert result["gone"].startswith("skipped: ")
