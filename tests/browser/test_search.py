"""The search page as a reader uses it (issue 14, items 1-11), served and from file://.

One engine serves both, so what the engine decides is tested served; what depends on
addresses and links (filters in the address, passages' links, the header's box) both ways.

The site: the seeds plus a few held-out pages (conftest.SEARCH_PAGES). Articles are
named here by their title's opening words, since ids are assigned when they are added.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

from bench_search_quality import results as result_pages  # scripts/, put on the path by conftest


def _catalogue(site: Path) -> dict[str, dict]:
    rows = json.loads((site / "data" / "catalogue.json").read_text(encoding="utf-8"))
    return {row["id"]: row for row in rows}


def _id_of(site: Path, title_start: str) -> str:
    found = [i for i, row in _catalogue(site).items() if row["title"].startswith(title_start)]
    assert len(found) == 1, (title_start, found)
    return found[0]


def _search(page, base: str, query: str = "", extra: str = "") -> list[str]:  # type: ignore[no-untyped-def]
    """The ids of every result, in order."""
    page.goto(f"{base}search.html?q={quote(query)}{extra}")
    return _results(page)


def _results(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The ids of every result on the page open, in order, once its search has run."""
    return [name.removesuffix(".html") for name in result_pages(page)]


def _open_filters(page) -> None:  # type: ignore[no-untyped-def]
    """Open the filters, closed until the reader opens them, and wait for their counts."""
    assert page.locator(".hem-filters").get_attribute("open") is None
    page.locator(".hem-filters summary").click()
    page.wait_for_selector("fieldset[data-facet=language] .hem-count")


def _rerun(page, action) -> None:  # type: ignore[no-untyped-def]
    """Do something that runs the search again, and wait for it to finish."""
    runs = int(page.locator(".hem-search").get_attribute("data-done"))
    action()
    page.wait_for_function(f"+document.querySelector('.hem-search').dataset.done > {runs}")


def test_stop_words_are_not_required(watched, search_http, search_site) -> None:  # type: ignore[no-untyped-def]
    """Item 1: a one-letter word ("y", "e") of another language must not empty the results."""
    page = watched.page
    assert _id_of(search_site, "exporTT opens") in _search(page, search_http, "Trinidad y Tobago")
    assert _id_of(search_site, "Missão comercial") in _search(page, search_http, "micro e pequenas empresas")
    assert _id_of(search_site, "Venezuela and Belarus") in _search(page, search_http, "Venezuela y Belarus")
    watched.check()


def test_an_exact_word_does_not_hide_its_inflections(watched, search_http, search_site) -> None:  # type: ignore[no-untyped-def]
    """Item 2: MSME and MSMEs find the same articles, and only articles that say it."""
    page = watched.page
    singular, plural = _search(page, search_http, "MSME"), _search(page, search_http, "MSMEs")
    assert singular and set(singular) == set(plural)
    for article in singular:
        html = (search_site / "articles" / f"{article}.html").read_text(encoding="utf-8")
        text, title = html.split('class="hem-text"', 1)[1], html.split("<h1", 1)[1][:400]
        assert "MSME" in text or "MSME" in title, article
    watched.check()


def test_a_countrys_name_in_any_language_finds_its_articles(watched, search_http, search_site) -> None:  # type: ignore[no-untyped-def]
    """Item 3: the Spanish name finds the English article tagged with the country, and says why."""
    page = watched.page
    dominican = _id_of(search_site, "Dominican exporters")
    assert dominican in _search(page, search_http, "República Dominicana")
    result = page.locator(".hem-result", has=page.locator(f"a[href*='{dominican}']"))
    assert "tagged Dominican Republic" in result.locator(".hem-tagged").inner_text()
    assert _id_of(search_site, "Venezuela and Belarus") in _search(page, search_http, "Bielorrusia")
    watched.check()


def test_a_misspelt_word_finds_the_nearest_and_says_so(watched, search_http, search_site) -> None:  # type: ignore[no-untyped-def]
    """Item 4: "Venezeula" shows the articles about Venezuela, with a note naming the word used."""
    page = watched.page
    assert _id_of(search_site, "Venezuela and Belarus") in _search(page, search_http, "Venezeula")
    note = page.locator(".hem-fixed")
    assert note.is_visible() and "venezuela" in note.inner_text() and "venezeula" in note.inner_text()
    watched.check()


def test_a_word_misspelt_in_its_first_letters_is_corrected_too(watched, search_http, search_site) -> None:  # type: ignore[no-untyped-def]
    """Item 4, past the term shard of the first letters: "enprendedoras" (n for m) shows the
    emprendedoras, found by the word's ending (render/search_typos.py)."""
    page = watched.page
    assert _id_of(search_site, "Ampyme entrega") in _search(page, search_http, "enprendedoras")
    note = page.locator(".hem-fixed")
    assert note.is_visible() and "emprendedoras" in note.inner_text() and "enprendedoras" in note.inner_text()
    watched.check()


def test_results_rank_by_relevance_or_newest_first(watched, search_http, search_site) -> None:  # type: ignore[no-untyped-def]
    """Item 5: the undated article that says "enterprises" four times before the newer one that
    says it once (neither in a title); newest first when the reader asks."""
    page = watched.page
    often, once = _id_of(search_site, "Ministry of Industries and UNDP"), _id_of(search_site, "Produce seeks")
    ranked = _search(page, search_http, "enterprises")
    assert ranked.index(often) < ranked.index(once)
    _rerun(page, lambda: page.select_option("#hem-sort", "newest"))
    newest = _results(page)
    assert newest.index(once) < newest.index(often)
    assert parse_qs(urlparse(page.url).query)["sort"] == ["newest"]
    watched.check()


def test_cooperatives_are_not_cooperation(watched, search_http, search_site) -> None:  # type: ignore[no-untyped-def]
    """Item 6: cooperativas finds cooperatives, not a story that only speaks of cooperação."""
    page = watched.page
    found = _search(page, search_http, "cooperativas")
    assert _id_of(search_site, "COOPERATIVAS DE RECICLAGEM") in found
    assert _id_of(search_site, "Nicaragua: cooperativas") in found
    cooperation_only = [
        i for i, row in _catalogue(search_site).items()
        if row["language"] in ("es", "pt")
        and "cooperativ" not in (text := (search_site / row["page"]).read_text(encoding="utf-8").lower())
        and ("cooperação" in text or "cooperación" in text)
    ]
    assert cooperation_only and not set(cooperation_only) & set(found)
    watched.check()


def test_passages_and_the_article_opened_mark_the_words(watched, search_base, search_site) -> None:  # type: ignore[no-untyped-def]
    """Item 7: the passage shown holds the words, marked; the article opened from it marks them too."""
    page = watched.page
    _search(page, search_base, "catadores")
    excerpt = page.locator(".hem-result .hem-excerpt").first
    assert excerpt.locator("mark").first.inner_text().lower() == "catadores"
    page.locator(".hem-result h2 a").first.click()
    page.wait_for_selector(".hem-text mark.hem-hl")
    assert page.locator(".hem-text mark.hem-hl").first.inner_text().lower() == "catadores"
    watched.check()


def test_filters_live_in_the_address_and_count_truthfully(watched, search_base, search_site) -> None:  # type: ignore[no-untyped-def]
    """Item 8: reload, Back and a shared link keep the filters; two countries are 'either';
    counts say what ticking would give; a clear button; a date range; the empty page shows filters."""
    page = watched.page
    everything = _search(page, search_base)  # the empty page: every article, and the filters
    assert page.locator("fieldset[data-facet]").count() == 0  # closed: no counts computed
    _open_filters(page)
    assert everything and page.locator("fieldset[data-facet=country] input").count() >= 2
    boxes = page.locator("fieldset[data-facet=country] input")
    first, second = boxes.nth(0), boxes.nth(1)
    counts = [int(page.locator("fieldset[data-facet=country] .hem-count").nth(i).inner_text().strip("()"))
              for i in (0, 1)]
    codes = [first.get_attribute("value"), second.get_attribute("value")]
    _rerun(page, first.check)
    assert len(_results(page)) == counts[0]
    # the other country's count is what ticking it would add, not what co-occurs with the first
    count = page.locator("fieldset[data-facet=country] .hem-count").nth(1).inner_text()
    assert int(count.strip("()")) == counts[1]
    _rerun(page, page.locator(f"#hem-f-country-{codes[1]}").check)
    either = _results(page)
    assert max(counts) <= len(either) <= sum(counts)
    assert parse_qs(urlparse(page.url).query)["country"] == codes
    shared = page.url
    page.reload()
    assert _results(page) == either and page.locator(f"#hem-f-country-{codes[0]}").is_checked()
    page.locator(".hem-result h2 a").first.click()
    page.wait_for_selector(".hem-text")
    page.go_back()
    assert _results(page) == either and page.locator(f"#hem-f-country-{codes[1]}").is_checked()
    other = page.context.new_page()
    other.goto(shared)
    assert _results(other) == either
    other.close()
    _rerun(page, page.locator(".hem-clear").click)
    assert _results(page) == everything and not page.locator(".hem-clear").is_visible()
    years = sorted({row["date"][:4] for row in _catalogue(search_site).values() if row["date"]})
    _rerun(page, lambda: page.select_option("#hem-from", years[-1]))
    recent = _results(page)
    assert recent and all((_catalogue(search_site)[i]["date"] or "0")[:4] >= years[-1] for i in recent)
    assert parse_qs(urlparse(page.url).query)["from"] == [years[-1]]
    watched.check()


def test_on_a_phone_the_results_come_first(browser, search_http) -> None:  # type: ignore[no-untyped-def]
    """Item 9: at 390x844 the first result starts on the first screen, the filters folded above it."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    _search(page, search_http, "cooperativas")
    top = page.locator(".hem-result").first.bounding_box()["y"]
    assert top < 844, top
    assert page.locator(".hem-filters").get_attribute("open") is None
    assert page.locator(".hem-filters summary").is_visible()
    context.close()


def test_focus_shows_and_stays_and_headings_do_not_skip(watched, search_http) -> None:  # type: ignore[no-untyped-def]
    """Item 10: a visible focus ring; ticking a filter by keyboard keeps focus on it; h1 then h2."""
    page = watched.page
    _search(page, search_http, "cooperativas")
    _open_filters(page)
    page.focus("#hem-q")
    page.keyboard.press("Tab")  # the browser shows a focus ring for keyboard focus
    page.focus("#hem-q")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    box = page.locator("fieldset[data-facet=country] input").first
    box_id = box.get_attribute("id")
    box.focus()
    _rerun(page, lambda: page.keyboard.press("Space"))
    assert page.evaluate("document.activeElement.id") == box_id
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    levels = page.evaluate("Array.from(document.querySelectorAll('h1,h2,h3,h4')).map(h => +h.tagName[1])")
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert page.locator(".hem-facets").get_attribute("role") == "group"
    watched.check()


def test_every_page_has_a_search_box_in_its_header(watched, search_base, search_site) -> None:  # type: ignore[no-untyped-def]
    """Item 11: from an article page, the header's box leads to the search page with the results."""
    page = watched.page
    article = next(iter(_catalogue(search_site).values()))["page"]
    page.goto(search_base + article)
    box = page.locator("header .hem-header-search input[name=q]")
    assert box.is_visible()
    box.fill("cooperativas")
    box.press("Enter")
    page.wait_for_selector(".hem-search[data-done]")
    assert "search.html" in page.url and page.locator(".hem-result").count() > 0
    watched.check()
