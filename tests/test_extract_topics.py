"""Topics: what the text is about, not every word that matches once."""

from __future__ import annotations

import re
from pathlib import Path

from hemeroteca.catalogue.authorities import load_authorities
from hemeroteca.extract.topics import _INFLECTION, _STARTS_A_WORD, find_topics, fold
from hemeroteca.extract.vocabulary import alternation

AUTHORITIES = load_authorities(Path(__file__).resolve().parents[1] / "archive" / "authorities")


def ids(title: str, body: str) -> list[str]:
    return [t.id for t in find_topics(title, body, AUTHORITIES)]


def test_repeated_triggers_in_three_languages() -> None:
    assert (
        ids("Cooperativas crecen", "Las cooperativas del sur y el cooperativismo rural.")[0] == "cooperatives"
    )
    assert ids("Export push", "Exports grew as exporters found new export markets.")[0] == "trade-and-export"
    assert ids("Turismo em alta", "O turismo cresce e o setor turístico contrata.")[0] == "tourism"


def test_a_word_in_passing_is_not_a_topic() -> None:
    body = "The bank approved loans and credit lines for small firms. Credit will flow. One tourist came."
    assert "tourism" not in ids("Bank approves credit", body)
    assert "financing" in ids("Bank approves credit", body)


def test_evidence_lists_the_words_found() -> None:
    hit = find_topics("Pesca artesanal", "Los pescadores y la pesca.", AUTHORITIES)[0]
    assert hit.id == "fisheries" and "pesca" in hit.evidence


def test_trigger_tree_matches_what_the_flat_list_matches() -> None:
    """The tree of shared beginnings finds the same words as the triggers listed longest first:
    a longer trigger wins over its prefix, an inflection is kept, a word's middle is no start."""
    words = {"export", "exportacion", "exportaciones", "micro", "microempresa", "pyme", "cafe", "cafetal"}
    flat = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    flat_pattern = re.compile(rf"(?<!\w)(?:{flat}){_INFLECTION}(?!\w)")
    tree_pattern = re.compile(rf"{alternation(words, _STARTS_A_WORD)}{_INFLECTION}(?!\w)")
    text = fold(
        "Las exportaciones de café y los cafetales: exporting microempresas, Micro pymes, "
        "reexportacion y supyme; exportacion, cafeteria."
    )
    found = tree_pattern.findall(text)
    assert found == flat_pattern.findall(text)
    assert found == [
        "exportaciones",
        "cafe",
        "cafetales",
        "exporting",
        "microempresas",
        "micro",
        "pymes",
        "exportacion",
    ]
