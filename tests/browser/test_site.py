"""A reader's path through the built site, served and from file://, in headless Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hemeroteca.catalogue.numbering import added_order
from hemeroteca.render.search_postings import decode_bucketed


def _catalogue(site: Path) -> list[dict]:
    return json.loads((site / "data" / "catalogue.json").read_text(encoding="utf-8"))


def _titles_with(site: Path, pattern: str) -> set[str]:
    """Titles of the articles whose page text has a word matching ``pattern``: the expected hits."""
    titles = set()
    for row in _catalogue(site):
        html = (site / row["page"]).read_text(encoding="utf-8")
        text = html.split('class="hem-text"', 1)[1].split("</div>", 1)[0]
        if re.search(pattern, text, re.IGNORECASE):
            titles.add(row["title"])
    return titles


def _search(watched, base: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    page = watched.page
    page.goto(base + "search.html?q=" + query)
    page.wait_for_selector(".hem-search[data-done]")
    engine = page.locator(".hem-search").get_attribute("data-engine")
    assert engine == "index", engine
    return page.locator(".hem-result h2 a").all_inner_texts()


def test_home_map_country_article_citation(watched, base, site) -> None:  # type: ignore[no-untyped-def]
    page = watched.page
    page.goto(base + "index.html")
    assert page.locator("h1").first.inner_text().strip()
    assert page.locator("form[role=search] input[name=q]").is_visible()
    page.get_by_role("link", name="Countries").first.click()
    page.wait_for_selector("svg.hem-map")
    country = page.locator("svg.hem-map a[aria-label]").first
    name = country.get_attribute("aria-label").split(":")[0]
    country.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text().strip() == name
    page.locator("article li a").first.click()
    page.wait_for_selector(".hem-panel")
    assert page.url.split("?")[0].endswith(".html") and "/articles/" in page.url
    panel = page.locator(".hem-panel")
    assert panel.is_visible()
    for label in ("Date", "Language", "Countries", "Actors", "Topics", "Review"):
        assert panel.get_by_text(label, exact=True).is_visible()
    assert name in panel.inner_text()
    reference = page.locator(".hem-ref").inner_text()
    assert page.locator("h1").first.inner_text().strip() in reference
    page.get_by_text("BibTeX", exact=True).click()
    assert page.locator("#hem-bibtex").inner_text().startswith("@article{")
    ld = json.loads(page.locator("script[type='application/ld+json']").inner_text())
    assert ld["@type"] == "NewsArticle"
    # the interface speaks the site's language, the headline and text their own
    assert page.locator("h1").first.get_attribute("lang") == ld["inLanguage"]
    assert page.locator(".hem-text").get_attribute("lang") == ld["inLanguage"]
    assert page.locator("meta[name='DC.title']").count() == 1
    watched.check()


def test_search_finds_inflected_spanish_and_english(watched, base, site) -> None:  # type: ignore[no-untyped-def]
    spanish = _titles_with(site, r"\bcooperativ")
    assert spanish, "the seed site should have an article about cooperativas"
    # English "cooperation" stems to "cooper" too, but a Spanish form finds Spanish articles only.
    only_english = _titles_with(site, r"\bcooperation") - _titles_with(site, r"\bcooperativas\b")
    assert only_english, "the seed site should have English articles about cooperation"
    for query in ("cooperativas", "cooperativa"):  # a seen form, and one that begins seen forms
        found = _search(watched, base, query)
        assert spanish <= set(found) and not only_english & set(found), (query, found)
    english = _titles_with(site, r"\bexport")
    found = _search(watched, base, "exported")  # the texts say export, exports, exporting
    assert english <= set(found), found
    assert watched.page.locator(".hem-result-meta").first.inner_text()
    watched.check()


def test_results_come_newest_first_when_asked(watched, base, site) -> None:  # type: ignore[no-untyped-def]
    """Sorted newest first (sort=newest in the address): the years' order files, undated articles last."""
    catalogue = {row["id"]: row for row in _catalogue(site)}
    by_number = sorted(catalogue, key=added_order)  # how the index numbers articles
    entries: dict[str, dict] = {}
    for shard in (site / "search-index").glob("t-*.js"):
        entries.update(json.loads(shard.read_text(encoding="utf-8").split(",", 1)[1].rsplit(")", 1)[0]))

    def decode(postings: str) -> list[int]:
        """Bucketed postings ('es2019:4.1;pt:c', 'en:*0*Bw'): every bucket's numbers."""
        return [number for numbers in decode_bucketed(postings).values() for number in numbers]

    # the commonest stem that is in no title and stands for no other stem
    _, term = min(
        (-len(decode(e["p"])), term)
        for term, e in entries.items()
        if "p" in e and "t" not in e and "s" not in e and re.fullmatch("[a-z]{4,}", term)
    )
    holding = [by_number[n] for n in decode(entries[term]["p"])]
    assert len(holding) >= 3, term
    expected = sorted(holding, key=lambda i: (catalogue[i]["date"] or "", i), reverse=True)[:10]
    page = watched.page
    page.goto(base + "search.html?sort=newest&q=" + term)
    page.wait_for_selector(".hem-search[data-done]")
    assert page.locator("#hem-sort").input_value() == "newest"
    hrefs = page.locator(".hem-result h2 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert [href.rsplit("/", 1)[1].split("?")[0].removesuffix(".html") for href in hrefs] == expected, term
    watched.check()


def test_country_filter_narrows_results(watched, base, site) -> None:  # type: ignore[no-untyped-def]
    page = watched.page
    before = _search(watched, base, "cooperation")
    assert len(before) >= 2
    page.locator(".hem-filters summary").click()  # closed until opened: counts cost every value's file
    page.wait_for_selector("fieldset[data-facet=country] input")
    first = page.locator("fieldset[data-facet=country] input").first
    label = page.locator("fieldset[data-facet=country] label").first.inner_text()
    country = label.rsplit("(", 1)[0].strip()  # the name shown; the box's value is the code
    runs = int(page.locator(".hem-search").get_attribute("data-done"))
    first.check()
    page.wait_for_function(f"document.querySelector('.hem-search').dataset.done > {runs}")
    metas = page.locator(".hem-result-meta").all_inner_texts()
    assert metas and all(country in meta for meta in metas), (country, metas)
    watched.check()


@pytest.mark.parametrize(
    "path", ["index.html", "browse/countries/index.html", "ARTICLE", "search.html?q=cooperation"]
)
def test_no_serious_accessibility_violations(watched, base, site, axe_source, path) -> None:  # type: ignore[no-untyped-def]
    if path == "ARTICLE":
        path = _catalogue(site)[0]["page"]
    page = watched.page
    page.goto(base + path)
    if path.startswith("search"):
        page.wait_for_selector(".hem-search[data-done]")
    page.add_script_tag(content=axe_source)
    # preload: false, or axe fetches the stylesheets by XHR, which file:// pages may not do.
    options = "{resultTypes: ['violations'], preload: false}"
    result = page.evaluate(f"async () => await axe.run(document, {options})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, serious
    watched.check()
