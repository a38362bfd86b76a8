"""The hand-written pages (About, Contributing) in the reader's language: the switch puts the
page's translation in place, hosted and from file://, and the choice holds on the next page;
a site built in Spanish shows the Spanish page with JavaScript off."""

from __future__ import annotations

from pathlib import Path

import pytest

from hemeroteca.render.messages import Messages
from hemeroteca.site_language import UNTRANSLATED
from hemeroteca.translated_pages import outline
from tests.browser.conftest import speaks, switch_language
from tests.conftest import REPO, build_seed_site

LANGUAGES = ("es", "pt", "en")
PAGES = ("about", "contributing")


def _headings(name: str, language: str) -> list[str]:
    """The page's headings in ``language`` as its source writes them (English: the page itself)."""
    suffix = "" if language == "en" else f".{language}"
    text = (REPO / "docs" / f"{name}{suffix}.md").read_text(encoding="utf-8")
    return [h.title for h in outline(text)]


def _shows(page, name: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """The page's text is the translation: its headline, its sections, its `lang`, its table of contents."""
    headings = _headings(name, language)
    shown = page.locator("div.hem-page")
    assert shown.get_attribute("lang") == language
    assert page.locator("div.hem-page h1").inner_text() == headings[0]
    assert page.locator("div.hem-page :is(h2, h3)").all_inner_texts() == headings[1:]
    toc = page.locator(".md-sidebar--secondary a.md-nav__link").all_inner_texts()
    assert [t.strip() for t in toc] == headings[1:]
    assert page.locator("div.hem-page table:not(.md-typeset__table table)").count() == 0  # tables wrapped


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_switch_shows_each_hand_written_page_in_the_readers_language(watched, base, language) -> None:  # type: ignore[no-untyped-def]
    page = watched.page
    page.goto(base + "about.html")
    other = "es" if language != "es" else "pt"
    switch_language(page, other)  # from another translation, not only from the page as built
    _shows(page, "about", other)
    switch_language(page, language)
    _shows(page, "about", language)
    for name in PAGES:
        page.goto(base + f"{name}.html")  # the choice holds from page to page
        speaks(page, language)
        _shows(page, name, language)
    watched.check()


@pytest.fixture(scope="module")
def spanish_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site built in Spanish, About lacking its Portuguese translation."""
    def without_portuguese_about(root: Path) -> None:
        (root / "docs" / "about.pt.md").unlink()

    return build_seed_site(tmp_path_factory.mktemp("es"), "es", before=without_portuguese_about)


def test_a_site_built_in_spanish_shows_spanish_pages_without_javascript(browser, spanish_site) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for name in PAGES:
        page.goto(spanish_site.resolve().as_uri() + f"/{name}.html")
        assert page.locator("html").get_attribute("lang") == "es"
        assert page.locator("div.hem-page").get_attribute("lang") == "es"
        assert page.locator("div.hem-page h1").inner_text() == _headings(name, "es")[0]
        assert not page.get_by_text(_headings(name, "en")[0], exact=True).is_visible()
        assert not page.locator(".hem-untranslated").is_visible()
    context.close()


def test_a_page_without_the_readers_translation_shows_english_and_says_so(watched, spanish_site) -> None:  # type: ignore[no-untyped-def]
    page = watched.page
    page.goto(spanish_site.resolve().as_uri() + "/about.html")
    switch_language(page, "pt")
    _shows(page, "about", "en")
    notice = page.locator(".hem-untranslated")
    assert notice.is_visible()
    assert notice.inner_text() == Messages.load("pt").gettext(UNTRANSLATED)  # in the reader's language
    switch_language(page, "en")
    _shows(page, "about", "en")
    assert not notice.is_visible()
    page.goto(spanish_site.resolve().as_uri() + "/contributing.html")
    speaks(page, "en")
    switch_language(page, "pt")  # the guide has its Portuguese translation
    _shows(page, "contributing", "pt")
    assert not page.locator(".hem-untranslated").is_visible()
    watched.check()
