"""The search index updated from a former build's state is the index built from scratch.

Random histories of an archive (articles added at the end or in the middle, changed,
re-dated, removed) are replayed build after build, each build handed the state the one
before returned; every build's files must equal a build from scratch, byte for byte.
"""

from __future__ import annotations

import json
import os
import pickle
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hemeroteca.catalogue.numbering import added_order
from hemeroteca.catalogue.record import Record, text_digest
from hemeroteca.render import search_index
from hemeroteca.render.model import Article, build_model
from hemeroteca.render.search_dirty import parse_shard, update_shards
from hemeroteca.render.search_index import body_postings, build_index, facet_file
from hemeroteca.render.search_postings import (
    BITMAP,
    Bitmaps,
    Growing,
    Postings,
    base36,
    build_state,
    compact,
    decode_bucketed,
    decode_postings,
    encode_bitmap,
    encode_postings,
    update_state,
)

from .render_samples import AUTHORITIES, record

FAST = settings(
    max_examples=int(os.environ.get("HYP_N", "100")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Inflected forms in three languages, some shared between languages with different stems
# (``cooperativas``), so that forms come and go with the articles holding them.
VOCABULARY = (
    "cooperativa cooperativas cooperativo crédito créditos exportó exporta exportaciones empresa "
    "empresas pequeñas región regiones café cafe año años ação ações crescimento brasileiras "
    "exported exports exporting export small businesses business grew growing growth Perú Peru "
    "SENA 2019 mil"
).split()
LANGUAGES = ("es", "en", "pt")
DATES = (None, "2019", "2020-11", "2018-05-17", "2021-03-04", "2018-05")


def article(number: int, language: str, date: str | None, title: list[str], body: list[str]) -> Record:
    """A record whose digest, like one read from a file, changes with its content."""
    made = record(number, language=language, date=date, title=" ".join(title) or None, body=" ".join(body))
    made.digest = text_digest(json.dumps([made.meta, made.body], sort_keys=True))
    return made


ARTICLES = st.builds(
    lambda language, date, title, body: (language, date, title, body),
    st.sampled_from(LANGUAGES),
    st.sampled_from(DATES),
    st.lists(st.sampled_from(VOCABULARY), max_size=4),
    st.lists(st.sampled_from(VOCABULARY), max_size=12),
)
STEPS = st.lists(
    st.tuples(
        st.sampled_from(["append", "insert", "change", "redate", "remove", "same"]),
        st.integers(0, 30),
        ARTICLES,
    ),
    min_size=1,
    max_size=8,
)


def in_number_order(article: Article) -> tuple:
    return added_order(article.id)


def model_of(archive: dict[int, tuple]) -> object:
    return build_model([article(n, *fields) for n, fields in archive.items()], AUTHORITIES)


def apply(archive: dict[int, tuple], step: tuple[str, int, tuple]) -> dict[int, tuple]:
    action, pick, fields = step
    archive = dict(archive)
    existing = sorted(archive)
    if action == "append":
        archive[(existing[-1] + 1 + pick) if existing else pick] = fields
    elif action == "insert":  # an id that sorts among the others: numbers move
        free = [n for n in range(existing[-1] if existing else 0) if n not in archive]
        archive[free[pick % len(free)] if free else pick] = fields
    elif existing and action == "change":
        archive[existing[pick % len(existing)]] = fields
    elif existing and action == "redate":
        number = existing[pick % len(existing)]
        archive[number] = (archive[number][0], fields[1], *archive[number][2:])
    elif existing and action == "remove":
        del archive[existing[pick % len(existing)]]
    return archive


@FAST
@given(st.dictionaries(st.integers(0, 12), ARTICLES, max_size=6), STEPS)
def test_updating_gives_the_files_a_scratch_build_gives(start: dict[int, tuple], steps: list) -> None:
    archive = start
    bitmaps = Bitmaps()
    files, state = build_index(model_of(archive), bitmaps=bitmaps)
    for step in steps:
        archive = apply(archive, step)
        model = model_of(archive)
        previous = pickle.loads(pickle.dumps(state))  # as the caller's cache hands it back
        before = pickle.dumps(previous)
        bitmaps = Bitmaps(pickle.loads(pickle.dumps(bitmaps.made)))  # the last build's bitmaps, kept
        files, state = build_index(model, previous, bitmaps=bitmaps)
        assert dict(files) == dict(build_index(model)[0])
        assert pickle.dumps(previous) == before  # the previous state is left as it was
        assert all(bitmap.startswith(BITMAP) for bitmap in bitmaps.made.values())


def _shard_reader(files: object) -> object:
    """Each term shard of ``files`` as the next build reads it back from its file."""
    return lambda key: parse_shard(key, files[f"search-index/t-{key}.js"])  # type: ignore[index]


@FAST
@given(st.dictionaries(st.integers(0, 12), ARTICLES, max_size=6), STEPS, st.sampled_from([48_000, 400, 120]))
def test_shards_made_again_where_terms_changed_are_the_shards_made_whole(
    start: dict[int, tuple], steps: list, limit: int
) -> None:
    # Small shards too, so that changes move the split between shards and the update must see it.
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(search_index, "SPLIT_BYTES", limit)
        archive = start
        files, state = build_index(model_of(archive))
        for step in steps:
            archive = apply(archive, step)
            model = model_of(archive)
            previous = pickle.loads(pickle.dumps(state))
            files, state = build_index(model, previous, layout=files.layout, read_shard=_shard_reader(files))
            whole = build_index(model)[0]
            assert dict(files) == dict(whole)
            assert files.layout == whole.layout  # the sizes and digests the next update starts from


def test_adding_an_article_makes_only_the_shards_of_its_terms() -> None:
    archive = {n: ("es", "2020-11", ["cooperativas"], ["créditos", "café", "empresa"]) for n in range(6)}
    files, state = build_index(model_of(archive))
    archive[6] = ("en", "2019", ["exports"], ["growth", "small"])
    ordered = sorted(model_of(archive).articles, key=in_number_order)
    updated = update_state(state, ordered)
    assert updated is not None
    made = update_shards(files.layout, _shard_reader(files), state, updated)
    assert made is not None  # the split held: no shard was made whole
    shards, layout = made
    # the new article's words' shards (and those of its names, ``~``), none of the others' words
    assert {"ex", "gr", "sm"} <= set(shards._made) and not {"co", "cr", "ca", "em"} & set(shards._made)
    assert list(shards) == sorted(layout.sizes)


def test_what_moves_few_numbers_updates_the_state_and_anything_else_rebuilds() -> None:
    archive = {n: ("es", "2020-11", ["cooperativas"], ["créditos", "café"]) for n in range(0, 10, 2)}
    ordered = sorted(model_of(archive).articles, key=in_number_order)
    previous = build_state(ordered)
    steps = (
        ("append", 3, True),
        ("change", 3, True),
        ("redate", 3, True),
        ("insert", 3, True),
        ("insert", 0, False),
    )
    for action, pick, usable in steps:  # inserting id 7 moves one article, id 1 four of them
        changed = apply(archive, (action, pick, ("pt", "2019", ["ações"], ["cooperativas", "exported"])))
        ordered = sorted(model_of(changed).articles, key=in_number_order)
        assert (update_state(previous, ordered) is not None) is usable, action
    for gone, usable in ((8, True), (0, False)):  # the last article, the first
        rest = {n: fields for n, fields in archive.items() if n != gone}
        removed = sorted(model_of(rest).articles, key=in_number_order)
        assert (update_state(previous, removed) is not None) is usable, gone
    same = sorted(model_of(archive).articles, key=in_number_order)
    assert update_state(previous, same) is not None
    assert update_state("not a state", same) is None
    assert update_state(replace(previous, format="postings 0"), same) is None
    assert update_state(replace(previous, keys=previous.keys[1:]), same) is None


def test_a_state_from_another_archive_serves_as_far_as_ids_and_keys_match() -> None:
    one = {n: ("es", "2020-11", ["cooperativas"], ["créditos"]) for n in range(4)}
    other = {n: ("en", "2019", ["exports"], ["growth", "small"]) for n in range(6)}
    _, state = build_index(model_of(one))
    model = model_of(other)
    assert build_index(model, state)[0] == build_index(model)[0]


def test_a_form_leaves_the_index_with_the_last_article_holding_it() -> None:
    archive = {1: ("es", "2020", [], ["cooperativas", "café"]), 2: ("es", "2021", [], ["cooperativas"])}
    _, state = build_index(model_of(archive))
    assert "cooperativas" in state.forms()
    archive[2] = ("es", "2021", [], ["café"])
    _, state = build_index(model_of(archive), state)
    assert "cooperativas" in state.forms()  # article 1 still holds it
    archive[1] = ("es", "2020", [], ["café"])
    files, state = build_index(model_of(archive), state)
    assert "cooperativas" not in state.forms()
    assert not any('"cooperativas"' in text for name, text in files.items() if "/t-" in name)


class _SmallBatches(Growing):
    BATCH, _PART = 3, 4


_SIDES = [number % 2 for number in range(5001)]  # a group per article number, for keys kept apart by it


@given(st.lists(st.integers(0, 5000), unique=True).map(sorted))
def test_postings_encode_and_decode(numbers: list[int]) -> None:
    text = encode_postings(numbers)
    assert decode_postings(text) == numbers
    # as a scratch build encodes them: one number at a time, in batches of any size, apart by group
    for growing, groups in ((Growing(), 1), (_SmallBatches(), 1), (_SmallBatches(_SIDES, 2), 2)):
        for number in numbers:
            growing.add({7, 8} if number % 3 else {8}, number)
        grown = Postings()
        growing.drain(grown, str)
        for key in (7, 8):
            held = [n for n in numbers if key == 8 or n % 3]
            for side in range(groups):
                part = [n for n in held if _SIDES[n] == side] if groups > 1 else held
                name = str(key * groups + side)
                assert grown.text.get(name, "") == encode_postings(part)
                assert grown.last.get(name) == (part[-1] if part else None)
        assert set(grown.text) == set(grown.last)
    kept = Postings()
    for number in numbers:
        kept.append("term", number)
    assert kept.text.get("term", "") == text
    if numbers:
        kept.edit("term", {numbers[0]}, {5001})
        assert decode_postings(kept.text.get("term", "")) == [*numbers[1:], 5001]
        assert kept.last["term"] == 5001


@given(st.lists(st.integers(0, 3000), min_size=1, unique=True).map(sorted))
def test_dense_postings_are_written_as_bitmaps_when_shorter(numbers: list[int]) -> None:
    gaps = encode_postings(numbers)
    bitmap = encode_bitmap(numbers)
    assert decode_postings(bitmap) == numbers
    written = compact(gaps, numbers[-1])
    assert decode_postings(written) == numbers
    assert written == (bitmap if len(bitmap) < len(gaps) else gaps)


@given(st.lists(st.integers(0, 3000), min_size=1, unique=True).map(sorted))
def test_a_bitmap_is_one_bit_per_number_from_the_first_six_to_a_character(numbers: list[int]) -> None:
    """The bitmap as its definition says (``BITMAP``), number by number, against the C-loop encoding."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    cells = [0] * ((numbers[-1] - numbers[0]) // 6 + 1)
    for number in numbers:
        cells[(number - numbers[0]) // 6] |= 1 << (number - numbers[0]) % 6
    expected = f"{BITMAP}{base36(numbers[0])}{BITMAP}" + "".join(alphabet[cell] for cell in cells)
    assert encode_bitmap(numbers) == expected
    assert decode_postings(expected) == numbers


def test_a_stems_postings_are_one_bitmap_per_language_where_that_is_shorter() -> None:
    dense = list(range(0, 600, 2))  # Spanish, half of the articles, over three years and undated
    sparse = [7, 300]  # Portuguese
    years = {"es": dense[3::4], **{f"es{year}": dense[year % 4 :: 4] for year in range(2020, 2023)}}
    parts = [(where, encode_postings(numbers), numbers[-1]) for where, numbers in years.items()]
    parts += [("pt2020", encode_postings(sparse), sparse[-1])]
    text = body_postings(parts)
    assert text.startswith(f"es:{BITMAP}") and ";pt2020:" in text
    assert decode_bucketed(text) == {"es": dense, "pt2020": sparse}


def _call(text: str) -> list:
    return json.loads("[" + text.split("(", 1)[1].rsplit(")", 1)[0] + "]")


def test_the_browser_finds_each_articles_row_year_order_and_facets() -> None:
    """What search.js does with meta.js, the order, facet and article files, done here for every article."""
    dates = [None, "2019", "2020-11", "2018-05-17", "2021-03-04"]
    archive = {n: (LANGUAGES[n % 3], dates[n % 5], [], ["café"]) for n in range(137)}
    model = model_of(archive)
    files, _ = build_index(model)
    meta = _call(files["search-index/meta.js"])[0]
    assert meta["count"] == 137 and "facets" not in meta and "order" not in meta
    assert [year for year, _ in meta["years"]] == ["2021", "2020", "2019", "2018"]
    newest = []
    for year in [year for year, _ in meta["years"]] + ["undated"]:
        got_year, numbers = _call(files[f"search-index/o/{year}.js"])
        assert got_year == year
        newest += [int(n, 36) for n in numbers.split(".")]
    by_number = sorted(model.articles, key=in_number_order)
    for rank, number in enumerate(newest):  # the years' orders, one after the other: newest first
        number_again, row = _call(files[f"search-index/a/{number}.js"])
        assert number_again == number
        assert row[0] == model.articles[rank].id == by_number[number].id
        assert row[3] and by_number[number].body.split()[0] in row[3]  # the text, for passages
        assert row[4] == by_number[number].language and row[5] == list(by_number[number].countries)
    assert sum(name.startswith("search-index/a/") for name in files) == 137
    # a stem's postings say each article's language, and its year unless they are a bitmap
    # (a word of every article: its years are in the years' files read above)
    shard = next(_call(text)[1] for name, text in files.items() if "/t-" in name and '"cafe"' in text)
    assert all(part.partition(":")[2].startswith(BITMAP) for part in shard["cafe"]["p"].split(";"))
    for where, numbers in decode_bucketed(shard["cafe"]["p"]).items():
        assert numbers == [n for n, a in enumerate(by_number) if a.language == where]
    # and a language's file says each article's language and year
    for code, _, file, count in meta["languages"]:
        facet, code_again, data = _call(files[f"search-index/f/{file}.js"])
        assert (facet, code_again, file) == ("language", code, facet_file("language", code))
        numbers = sorted(n for found in decode_bucketed(data["p"]).values() for n in found)
        assert numbers == [n for n, a in enumerate(by_number) if a.language == code] and count == len(numbers)


def test_a_bitmap_is_made_again_only_for_postings_the_last_build_did_not_have() -> None:
    def never() -> str:
        raise AssertionError("made again")

    first = Bitmaps()
    assert first("0.1.1", lambda: encode_bitmap([0, 1, 2])) == encode_bitmap([0, 1, 2])
    again = Bitmaps(pickle.loads(pickle.dumps(first.made)))
    assert again("0.1.1", never) == encode_bitmap([0, 1, 2])
    assert again("0.2", lambda: encode_bitmap([0, 2])) == encode_bitmap([0, 2])
    assert len(again.made) == 2 and len(Bitmaps(again.made).made) == 0  # only what a build used
    assert Bitmaps("not what a build keeps")("0.1.1", lambda: "made") == "made"
