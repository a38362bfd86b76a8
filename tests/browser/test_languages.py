"""The reader's languages and polish in a real browser: the switch, every page type under
axe-core in each language and in the dark scheme, print, a phone, the skip link."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hemeroteca.render.messages import Messages
from tests.browser.conftest import speaks, switch_language

LANGUAGES = ("es", "pt", "en")


def _catalogue(site: Path) -> list[dict]:
    return json.loads((site / "data" / "catalogue.json").read_text(encoding="utf-8"))


def _t(language: str, message: str) -> str:
    return Messages.load(language).gettext(message)


@pytest.mark.parametrize("language", LANGUAGES)
def test_reader_path_in_each_language(watched, base, site, language) -> None:  # type: ignore[no-untyped-def]
    """Switch once on the home page; the choice holds from page to page, hosted and from file://."""
    page = watched.page
    page.goto(base + "index.html")
    switch_language(page, language)
    assert page.locator("h2").first.inner_text() == _t(language, "Browse")
    page.get_by_role("link", name=_t(language, "Countries")).first.click()
    page.wait_for_selector("svg.hem-map")
    speaks(page, language)
    assert page.locator("h1").first.inner_text() == _t(language, "Countries")
    country = page.locator("svg.hem-map a[aria-label]").first
    name = country.get_attribute("aria-label").split(":")[0]
    assert re.search(r": \d+ ", country.get_attribute("aria-label"))
    country.click()
    page.wait_for_load_state()
    speaks(page, language)
    assert page.locator("h1").first.inner_text().strip() == name
    page.locator("ul.hem-list a").first.click()
    page.wait_for_selector(".hem-panel")
    speaks(page, language)
    panel = page.locator(".hem-panel")
    for label in ("Date", "Language", "Countries", "Actors", "Topics", "Review"):
        assert panel.get_by_text(_t(language, label), exact=True).is_visible(), label
    assert name in panel.inner_text()
    # the headline and text keep the article's language inside the interface's
    article_language = page.locator(".hem-text").get_attribute("lang")
    assert page.locator("h1").first.get_attribute("lang") == article_language
    assert _t(language, "Cite this article") in page.locator("#cite-this-article").inner_text()
    # the search page, its facets and result rows
    page.goto(base + "search.html?q=cooperation")
    page.wait_for_selector(".hem-search[data-done]")
    speaks(page, language)
    page.locator(".hem-filters summary").click()
    page.wait_for_selector("fieldset[data-facet=country] legend")
    assert page.locator("fieldset[data-facet=country] legend").text_content() == _t(language, "Country")
    status = page.locator(".hem-search-status").inner_text()
    assert re.match(r"\d+ ", status) and "cooperation" in status, status
    assert page.locator(".hem-result a[lang]").count() >= 1  # results keep their articles' language
    watched.check()


def test_without_javascript_the_sites_language_shows(browser, server) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "index.html")
    assert page.locator("html").get_attribute("lang") == "en"
    assert not page.locator(".hem-language").is_visible()  # no switch that cannot work
    assert page.locator("h2").first.inner_text() == "Browse"
    context.close()


PAGE_TYPES = ["index.html", "browse/countries/index.html", "COUNTRY", "ARTICLE", "search.html?q=cooperation",
              "data/index.html", "404.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_passes_axe(browser, server, site, axe_source, language, scheme) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "index.html")
    page.evaluate(f"localStorage.setItem('hemeroteca-language', '{language}')")
    article = _catalogue(site)[0]["page"]
    country = next(p for p in sorted((site / "browse" / "countries").glob("*.html")) if len(p.stem) == 2)
    problems = []
    for path in PAGE_TYPES:
        path = {"ARTICLE": article, "COUNTRY": f"browse/countries/{country.name}"}.get(path, path)
        page.goto(server + path)
        if path.startswith("search"):
            page.wait_for_selector(".hem-search[data-done]")
        speaks(page, language)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        page.add_script_tag(content=axe_source)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        problems += [
            f"{path}: {v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
    context.close()
    assert not problems, problems


def test_an_article_prints_as_the_article(browser, server, site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Print media: headline, metadata, text and the one-line reference; no chrome, no buttons."""
    page = browser.new_page()
    article = _catalogue(site)[0]["page"]
    page.goto(server + article)
    page.emulate_media(media="print")
    chrome = (".md-header", ".md-sidebar--primary", ".hem-cite-actions", ".hem-cite details", ".md-footer")
    for hidden in chrome:
        assert not page.locator(hidden).first.is_visible(), hidden
    for shown in ("h1", ".hem-panel", ".hem-text", ".hem-ref"):
        assert page.locator(shown).first.is_visible(), shown
    snapshot = tmp_path / "article-print.png"
    page.screenshot(path=str(snapshot), full_page=True)
    assert snapshot.stat().st_size > 0
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    words = len(page.locator(".hem-text").inner_text().split())
    assert pages <= 1 + -(-words // 500), (pages, words)  # about 500 words an A4 page, and the metadata
    page.close()


def test_a_phone_gets_a_page_that_fits_and_legible_charts(browser, server, site) -> None:  # type: ignore[no-untyped-def]
    phone = {"width": 390, "height": 844}
    context = browser.new_context(viewport=phone, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    for path in (_catalogue(site)[0]["page"], "browse/countries/index.html", "browse/years/index.html"):
        page.goto(server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
    sizes = page.evaluate(
        "Array.from(document.querySelectorAll('svg.hem-chart text'))"
        ".filter(t => t.getBoundingClientRect().height > 0).map(t => t.getBoundingClientRect().height)"
    )
    assert sizes and min(sizes) >= 10, sizes
    page.goto(server + "browse/countries/index.html")
    legend = page.evaluate(
        "Array.from(document.querySelectorAll('svg.hem-map g text'))"
        ".map(t => t.getBoundingClientRect().height)"
    )
    assert legend and min(legend) >= 10, legend
    # every country's hit area (its outline, or the disc under a small one) is a finger's width
    targets = page.evaluate(
        "Array.from(document.querySelectorAll('svg.hem-map a')).map(a => [a.getAttribute('href'),"
        " Math.max(a.getBoundingClientRect().width, a.getBoundingClientRect().height)])"
    )
    widest: dict[str, float] = {}
    for href, size in targets:
        widest[href] = max(size, widest.get(href, 0))
    assert widest and min(widest.values()) >= 15, widest
    context.close()


def test_skip_link_reaches_an_articles_headline(browser, server, site) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(server + _catalogue(site)[0]["page"])
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
    focused = "|".join(focused)
    assert focused.startswith("md-skip") and focused.endswith("|#title"), focused
    page.keyboard.press("Enter")
    # following the link updates the address after the key event returns: wait for it, not a sleep
    page.wait_for_function("location.hash === '#title'", timeout=5000)
    assert page.url.endswith("#title")
    page.close()
