"""The scorer follows the project's evaluation rules."""

from __future__ import annotations

from hemeroteca.evaluate import Scores, match_actors, normalise, score_one


def test_normalise_strips_accents_case_and_punctuation() -> None:
    assert normalise("“La Innovación”,  Perú!") == "la innovacion peru"


def test_actor_matching_is_one_to_one_and_merges_acronyms() -> None:
    gold = [{"name": "United Nations Development Program", "type": "organization", "alias": "UNDP"}]
    merged = [{"name": "UNDP", "type": "organization"}]
    split = merged + [{"name": "United Nations Development Programme", "type": "organization"}]
    assert match_actors(merged, gold) == [(0, 0)]
    assert len(match_actors(split, gold)) == 1


def test_actor_matching_by_contained_words_and_similarity() -> None:
    gold = [{"name": "Ministerio de la Producción", "type": "organization"}]
    assert match_actors([{"name": "el Ministerio de la Producción del Perú"}], gold) == [(0, 0)]
    assert match_actors([{"name": "Ministerio"}], gold) == []


def test_score_one_counts_false_dates_and_main_country() -> None:
    scores = Scores()
    gold = {"file": "x", "title": None, "date": None, "language": "es", "countries": ["PE", "CL"],
            "actors": []}
    score_one(scores, gold, {"title": "t", "date": "2020", "language": "es", "countries": ["CL", "PE"],
                             "actors": []})
    assert scores.false_dates == 1 and scores.title_total == 0
    assert scores.countries.f1 == 1.0 and scores.main_country_right == 0
