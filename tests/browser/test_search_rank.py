"""The search's ranking arithmetic (search.js, ``window.hemerotecaRank``), run in the browser
that runs it for readers, and what it changes in the order a reader sees (README, Search)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hemeroteca.render.messages import Messages
from tests.browser.test_search import _id_of, _open_filters, _results, _search

SEARCH_JS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "hemeroteca" / "search.js"


def _rank(page, expression: str):  # type: ignore[no-untyped-def]
    """Evaluate ``expression`` with ``rank`` bound to the ranking functions of search.js."""
    if not page.evaluate("!!window.hemerotecaRank"):
        page.set_content("<!doctype html><title>rank</title>")
        page.add_script_tag(path=str(SEARCH_JS))
    return page.evaluate(f"(() => {{ const rank = window.hemerotecaRank; return {expression}; }})()")


def test_term_frequency_saturates_and_counts_less_in_a_longer_text(watched) -> None:  # type: ignore[no-untyped-def]
    page = watched.page
    once, twice, often = (_rank(page, f"rank.saturated({tf}, 300, 300)") for tf in (1, 2, 20))
    assert _rank(page, "rank.saturated(0, 300, 300)") == 0
    assert 0 < once < twice < often < 2.2  # each mention adds less; never past k1 + 1
    thrice = _rank(page, "rank.saturated(3, 300, 300)")
    assert twice - once > thrice - twice > 0  # diminishing returns
    assert _rank(page, "rank.saturated(2, 900, 300)") < twice < _rank(page, "rank.saturated(2, 100, 300)")
    watched.check()


def test_words_standing_together_weigh_more_than_words_apart(watched) -> None:  # type: ignore[no-untyped-def]
    page = watched.page
    words = "['las', 'cooperativas', 'credito', 'crecen', 'banco', 'credito', 'agricola', 'cooperativas']"
    forms = "[new Set(['cooperativas', 'cooperativa']), new Set(['credito', 'creditos'])]"
    assert _rank(page, f"rank.positions({words}, {forms})") == [[1, 7], [2, 5]]
    assert _rank(page, "rank.nearness([[1], [2]], [3, 2])") == 2  # adjacent, in order: the lesser weight
    assert _rank(page, "rank.nearness([[5], [2]], [3, 2])") == 1  # three apart, either order: half
    assert _rank(page, "rank.nearness([[1], [9]], [3, 2])") == 0  # apart
    assert _rank(page, "rank.nearness([[1, 20], [9, 21]], [3, 2])") == 2  # the nearest pair counts
    assert _rank(page, "rank.nearness([[1], [2], [8]], [3, 2, 4])") == 2  # each two consecutive words
    assert _rank(page, "rank.nearness([[1], []], [3, 2])") == 0
    watched.check()


def test_a_country_query_favours_the_stories_about_that_country_alone(watched) -> None:  # type: ignore[no-untyped-def]
    """A story about Honduras alone is more about Honduras than one about four countries: the
    country's weight on the first page is shared among the article's countries."""
    page = watched.page
    honduras = "[{code: 'HN', weight: 2}]"
    assert _rank(page, f"rank.focus(['HN'], {honduras})") == 2
    assert _rank(page, f"rank.focus(['HN', 'US', 'SV', 'GT'], {honduras})") == 0.5
    assert _rank(page, f"rank.focus(['GT', 'HN'], {honduras})") == 1  # main or not: the tag weighs that
    assert _rank(page, f"rank.focus(['GT'], {honduras})") == 0
    assert _rank(page, "rank.focus(['HN'], [])") == 0  # a query that names no country
    watched.check()


def test_words_a_joining_word_ties_must_stand_in_their_order(watched, search_http, search_site) -> None:  # type: ignore[no-untyped-def]
    """Credit cooperatives, not a story about a bank named Crédito Agrícola and some
    cooperatives: "crédito y cooperativas" says the words near, but not as the phrase
    "cooperativas de crédito"; both words alone still find it."""
    page = watched.page
    together = _id_of(search_site, "Las cooperativas de crédito")
    apart = _id_of(search_site, "Crédito Agrícola y cooperativas")
    found = _search(page, search_http, "cooperativas de crédito")
    assert together in found and apart not in found
    assert apart in _search(page, search_http, "cooperativas crédito")
    watched.check()


def test_the_words_of_a_run_must_stand_within_a_few_words_of_each_other(watched) -> None:  # type: ignore[no-untyped-def]
    page = watched.page
    assert _rank(page, "rank.together([[1], [2]], [[0, 1]], 3)") is True  # side by side
    assert _rank(page, "rank.together([[5], [2]], [[0, 1]], 3)") is True  # three apart, either order
    assert _rank(page, "rank.together([[1], [5]], [[0, 1]], 3)") is False  # four apart
    assert _rank(page, "rank.together([[1, 30], [9, 31]], [[0, 1]], 3)") is True  # any pair of places
    assert _rank(page, "rank.together([[1], [2], [20]], [[0, 1, 2]], 3)") is False  # every consecutive pair
    assert _rank(page, "rank.together([[1], [2], [20]], [[0, 1]], 3)") is True  # a word of no run: anywhere
    assert _rank(page, "rank.together([[1], [9]], [[0]], 3)") is True  # a run of one word asks nothing
    assert _rank(page, "rank.together([[1], []], [[0, 1]], 3)") is True  # nor a word the text does not say
    # words a joining word ties ("cooperativas de crédito"): the second after the first
    ordered = "[{terms: [0, 1], ordered: true}]"
    assert _rank(page, f"rank.together([[1], [3]], {ordered}, 3)") is True
    assert _rank(page, f"rank.together([[5], [2]], {ordered}, 3)") is False  # "crédito ... cooperativas"
    assert _rank(page, f"rank.together([[2], [2]], {ordered}, 3)") is False
    watched.check()


def test_which_words_of_a_query_must_stand_together(watched) -> None:  # type: ignore[no-untyped-def]
    page = watched.page

    def runs(clauses: str):  # type: ignore[no-untyped-def]
        return [(run["terms"], run["name"]) for run in _rank(page, f"rank.runs({clauses})")]

    word, joined_word = "{words: 1}", "{words: 1, joined: true}"
    topic, country = "{words: 1, named: true}", "{words: 1, named: true, country: true}"
    assert runs(f"[{word}, {word}, {word}]") == [([0, 1], None), ([1, 2], None)]  # small business loans
    assert runs(f"[{topic}, {joined_word}]") == [([0, 1], None)]  # cooperativas de crédito
    assert [run.get("ordered") for run in _rank(page, f"rank.runs([{topic}, {joined_word}])")] == [True]
    assert [run.get("ordered") for run in _rank(page, f"rank.runs([{word}, {word}])")] == [False]
    assert runs(f"[{topic}, {word}]") == []  # cooperativas rurales: a topic and a word
    joined_country = "{words: 1, named: true, country: true, joined: true}"
    assert runs(f"[{word}, {joined_country}]") == []  # industria de Venezuela
    assert runs(f"[{word}, {country}]") == []  # cooperativas Brasil
    assert runs("[{words: 3, named: true}]") == [([0, 1, 2], 0)]  # a name's own words, where untagged
    assert runs(f"[{word}, {{words: 2, named: true, joined: true}}]") == [([1, 2], 1), ([0, 1], None)]
    watched.check()


def test_words_that_a_text_says_only_apart_do_not_match_it(watched, search_base, search_site) -> None:  # type: ignore[no-untyped-def]
    """The memorandum of technical cooperation, not the newsletter that says "technical visits"
    in one story and "cooperation" in another."""
    page = watched.page
    together = _id_of(search_site, "Ministry of Industries and UNDP")
    apart = _id_of(search_site, "MSME Clearinghouse")
    found = _search(page, search_base, "technical cooperation")
    assert together in found
    assert apart not in found
    assert apart in _search(page, search_base, "technical")
    watched.check()


def test_a_country_said_once_in_passing_does_not_match(watched, search_base, search_site) -> None:  # type: ignore[no-untyped-def]
    """The story on Brazil's credit cooperatives names Paraguay once, beside Argentina and
    Uruguay: it is no story about Paraguay, and is not tagged with it."""
    page = watched.page
    brazil = _id_of(search_site, "Las cooperativas de crédito ya llegan")
    paraguay = _id_of(search_site, "Crédito Agrícola y cooperativas")
    found = _search(page, search_base, "Paraguay")
    assert paraguay in found
    assert brazil not in found
    watched.check()


def test_an_acronym_said_once_as_another_word_does_not_match(watched, search_base, search_site) -> None:  # type: ignore[no-untyped-def]
    """CAF, the development bank, lends to Banco do Nordeste; a story on coffee growers says
    "café" once, which Spanish stems as CAF reads: it is not tagged with the bank, and says
    it once, so it is no result (as a country said once in passing)."""
    page = watched.page
    bank = _id_of(search_site, "CAF empresta")
    coffee = _id_of(search_site, "Cooperativas cafeteras")
    found = _search(page, search_base, "CAF")
    assert bank in found
    assert coffee not in found
    assert coffee in _search(page, search_base, "café")
    watched.check()


def test_a_word_said_only_in_a_ministrys_name_does_not_match(watched, search_base, search_site) -> None:  # type: ignore[no-untyped-def]
    """The story on corner shops selling online names the "Ministerio de Comercio, Industria y
    Turismo" and says nothing else of tourism: no result for `turismo`, where the credit line
    for tourism businesses is. A query that names a ministry still finds it."""
    page = watched.page
    shops = _id_of(search_site, "MinCIT e iNNpulsa")
    tourism = _id_of(search_site, "Bancóldex abre línea")
    found = _search(page, search_base, "turismo")
    assert tourism in found
    assert shops not in found
    assert shops in _search(page, search_base, "Ministerio de Turismo")
    watched.check()


def test_a_hyphenated_function_word_is_no_word_of_the_text_for_nearness(watched) -> None:  # type: ignore[no-untyped-def]
    """"Nesta quinta-feira" says nothing of a feira, for the words-together rule and the
    nearness as for the index (search_text.words)."""
    page = watched.page
    weekday = "rank.compounds(['quinta-feira'])"
    said = f"rank.words('Nesta Quinta-feira, a feira; quinta-feira', new Set(['a']), {weekday})"
    assert _rank(page, said) == ["nesta", "feira"]
    assert _rank(page, f"rank.words('feira-livre', new Set(), {weekday})") == ["feira", "livre"]
    assert _rank(page, "rank.words('Quinta feira', new Set(), null)") == ["quinta", "feira"]
    watched.check()


def test_a_misspelt_name_is_corrected_before_a_short_stem(watched, search_http, search_site) -> None:  # type: ignore[no-untyped-def]
    """A word found nowhere is no form of a four-letter stem it begins with: "minerai" (two
    letters of minería swapped) is not "mine"; it is corrected to the topic's name."""
    page = watched.page
    found = _search(page, search_http, "minerai")
    note = page.locator(".hem-fixed")
    assert note.is_visible() and "mineria" in note.inner_text() and "minerai" in note.inner_text()
    assert found and found == _search(page, search_http, "minería")
    watched.check()


@pytest.mark.parametrize("language", ["en", "es", "pt"])
def test_the_number_of_results_and_the_filters_counts_are_true_on_the_first_page(  # type: ignore[no-untyped-def]
    watched, search_http, search_site, language
) -> None:
    """A newsletter that says "technical" and "cooperation" only in different stories is no
    result for `technical cooperation`: neither the number shown nor the language counts may
    count it, before any page more is asked for (in each interface language)."""
    page = watched.page
    page.goto(f"{search_http}search.html")
    page.evaluate(f"localStorage.setItem('hemeroteca-language', '{language}')")
    apart = _id_of(search_site, "MSME Clearinghouse")
    found = _search(page, search_http, "technical cooperation")
    page.wait_for_function(f"document.documentElement.lang === '{language}'")
    assert found and apart not in found
    status = page.locator(".hem-search-status").inner_text()
    expected = Messages.load(language).ngettext(
        "{n} article for “{query}”", "{n} articles for “{query}”", len(found), query="technical cooperation"
    )
    assert status == expected, status
    _open_filters(page)
    counts = page.locator("fieldset[data-facet=language] .hem-count").all_inner_texts()
    assert sum(int(re.sub(r"\D", "", count)) for count in counts) == len(found) == len(_results(page))
    watched.check()
