"""The issue's targets on both gold files, through the same scorer as `hemeroteca evaluate`.

The dev set is third-party text kept outside the repository (../shared/eval/dev); its test
skips when that folder is absent. The seed gold ships with the repository and always runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hemeroteca import extract_file
from hemeroteca.catalogue.authorities import Authorities, load_authorities
from hemeroteca.evaluate import Scores, evaluate

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / ".." / "shared" / "eval" / "dev"
AUTHORITIES = load_authorities(REPO / "archive" / "authorities")


def score(gold: Path, articles: Path, authorities: Authorities) -> Scores:
    return evaluate(gold, articles, lambda p: extract_file(p, authorities).as_json(p.name))


def assert_targets(s: Scores) -> None:
    assert s.title_right / s.title_total >= 0.90, s.lines()
    assert s.date_right / s.files >= 0.90, s.lines()
    assert s.false_dates == 0, s.lines()
    assert s.language_right == s.files, s.lines()
    assert s.countries.f1 >= 0.90, s.lines()
    assert s.main_country_right / s.main_country_total >= 0.90, s.lines()
    assert s.actors.f1 >= 0.75, s.lines()
    assert s.actor_type_right / s.actors.tp >= 0.95, s.lines()


@pytest.mark.skipif(
    not (DEV / "gold.yaml").exists(), reason="../shared/eval/dev is not present on this machine"
)
@pytest.mark.parametrize(
    "authorities", [AUTHORITIES, Authorities()], ids=["authority-file", "no-authority-file"]
)
def test_dev_set_meets_the_targets(authorities: Authorities) -> None:
    assert_targets(score(DEV / "gold.yaml", DEV / "articles", authorities))


@pytest.mark.parametrize(
    "authorities", [AUTHORITIES, Authorities()], ids=["authority-file", "no-authority-file"]
)
def test_seed_gold_meets_the_targets(authorities: Authorities) -> None:
    assert_targets(score(REPO / "eval" / "seeds-gold.yaml", REPO / "seeds", authorities))
