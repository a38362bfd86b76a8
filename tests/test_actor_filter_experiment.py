"""scripts/actor_filter_experiment.py's pure parts: the features, the fit, the scoring; no data needed."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import REPO


def _script():
    spec = importlib.util.spec_from_file_location(
        "actor_filter_experiment", REPO / "scripts" / "actor_filter_experiment.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["actor_filter_experiment"] = module
    spec.loader.exec_module(module)
    return module


experiment = _script()


def test_features_name_the_evidence() -> None:
    actor = {"name": "Banco Agrario", "type": "organization", "alias": "BA"}
    evidence = "institutional name: 'Banco Agrario'; coordinated with 'BBVA'"
    body = "El Banco Agrario (BA) prestó. " + "Texto. " * 40 + "El BA dijo."
    feats = experiment.features(
        actor, evidence, ["actor-late", "not-in-authorities"], "Banco Agrario presta", body
    )
    assert feats[0] == "type:organization"
    assert {"rule:institutional name", "rule:coordinated with", "doubt:actor-late"} <= set(feats)
    assert "doubt:not-in-authorities" not in feats  # added after extraction, not the text's evidence
    assert {"has-alias", "in-headline", "named:3+", "first:opening", "words:2"} <= set(feats)
    person = experiment.features({"name": "Ana", "type": "person"}, "", [], "", "x " * 50 + "Ana")
    assert {"named:1", "first:late", "words:1"} <= set(person) and "in-headline" not in person


def test_solve_and_fit_learn_the_separating_sign() -> None:
    assert experiment.solve([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0]) == pytest.approx([0.8, 1.4])
    examples = [(["good"], 1)] * 20 + [(["bad"], 0)] * 15 + [(["bad"], 1)] * 5 + [(["rare"], 0)] * 2
    bias, weights = experiment.fit(examples, penalty=1.0)
    assert weights["good"] > 0 > weights["bad"]
    assert "rare" not in weights  # seen fewer than MIN_COUNT times
    assert (
        experiment.probability(bias, weights, ["good"]) > 0.5 > experiment.probability(bias, weights, ["bad"])
    )
    assert experiment.fit(examples, penalty=1.0) == (bias, weights)  # deterministic


def test_scored_and_ranking_measures() -> None:
    gold = ({"name": "Ana Ruiz", "type": "person"},)
    page = experiment.Page(
        "x",
        ({"name": "Ana Ruiz", "type": "person"}, {"name": "Lima", "type": "organization"}),
        (("keep",), ("drop",)),
        gold,
    )
    assert experiment.labels(page) == [1, 0]
    assert experiment.scored([page]) == (1, 1, 0)
    assert experiment.scored([page], lambda f: "keep" in f) == (1, 0, 0)
    assert experiment.scored([page], lambda f: False) == (0, 0, 1)
    assert experiment.f1((1, 1, 0)) == pytest.approx(2 / 3) and experiment.f1((0, 0, 1)) == 0.0
    assert experiment.prf((1, 0, 0)) == "1.000 (1.000 / 1.000)"
    assert experiment.auc([(0.9, 1), (0.1, 0)]) == 1.0 and experiment.auc([(0.5, 1), (0.5, 0)]) == 0.5
