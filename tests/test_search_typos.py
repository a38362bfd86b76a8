"""Typo correction's table of words by their last letters (render/search_typos.py)."""

from __future__ import annotations

import json

from hemeroteca.render.model import build_model
from hemeroteca.render.search_index import build_index, shard_keys
from hemeroteca.render.search_typos import reach, tail_table
from tests.render_samples import AUTHORITIES, record


def _files(files, prefix: str) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    out = {}
    for name, content in files.items():
        if name.startswith(f"search-index/{prefix}"):
            key = name[len(f"search-index/{prefix}") : -3]
            out[key] = json.loads(content[content.index(",") + 1 : content.rindex(")")])
    return out


def test_every_word_seen_is_found_by_its_ending_with_the_articles_it_reaches() -> None:
    model = build_model(
        [
            record(1, body="Las emprendedoras hondureñas venden café en 2024."),
            record(2, body="Una emprendedora de Honduras y otros emprendedores."),
            record(3, body="Las cooperativas cafeteras."),
        ],
        AUTHORITIES,
    )
    files, state = build_index(model)
    tails = _files(files, "e-")
    meta = files["search-index/meta.js"]
    assert json.loads(meta[meta.index("(") + 1 : meta.rindex(")")])["tails"] == sorted(tails)
    words = {word: weight for table in tails.values() for word, weight in table.items()}
    # a word is under the ending its key reverses
    assert all(word.endswith(key[::-1]) for key, table in tails.items() for word in table)
    # emprendedoras, emprendedora, emprendedores: one stem, in two articles
    assert words["emprendedoras"] == words["emprendedores"] == words["emprendedora"] == reach(2) == 2
    assert words["cooperativas"] == reach(1) == 1 and "hondureñas" in words
    # no number, no actor's name term, nothing shorter than four letters
    assert "2024" not in words and not any(w.startswith("~") for w in words) and "las" not in words


def test_a_crowded_ending_is_split_by_one_more_letter() -> None:
    model = build_model([record(1, body="casas mesas rosas cosas pesas tasas masas")], AUTHORITIES)
    _, state = build_index(model)
    table = tail_table(state, shard_keys, limit=30)
    endings = [key for key, words in table.items() if any(w.endswith("sas") for w in words)]
    assert len(endings) > 1 and all(len(key) >= 3 for key in endings)
    assert sum(len(table[key]) for key in endings) == 7  # each word once


def test_reach_grows_with_the_articles_but_changes_seldom() -> None:
    assert [reach(n) for n in (1, 2, 3, 4, 7, 8, 1000)] == [1, 2, 2, 3, 3, 4, 10]
