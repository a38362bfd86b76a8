"""The interface in the reader's language: catalogues, locale data, fallback, and whole sites in es/pt."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po
from lxml import html as lxml_html

from hemeroteca.render import messages as messages_module
from hemeroteca.render.client_messages import client_messages, message_ids
from hemeroteca.render.messages import LOCALE_DIR, Messages, fill
from hemeroteca.render.model import build_model

from .conftest import REPO, build_seed_site
from .render_samples import AUTHORITIES, record

# The keywords of `make messages` (Makefile): the same extraction, in memory.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "N_": None,
    "N_plural": (1, 2),
    "T": None,
    "TN": (1, 2),
    "translated": (2,),
    "translated_n": (2, 3),
    "message_marks": (2,),
    "message_marks_n": (2, 3),
}
METHODS = [
    ("src/hemeroteca/**.py", "python"),
    ("docs/assets/hemeroteca/search.js", "javascript"),
    ("docs/assets/hemeroteca/site.js", "javascript"),
]


def _used_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(REPO), method_map=METHODS, keywords=KEYWORDS
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_every_message_the_code_uses_is_in_the_template_and_translated() -> None:
    """`make messages` was run after the last new string, and es and pt translate every one."""
    used = _used_messages()
    template = {m for m, _ in message_ids()}
    new, gone = sorted(used - template), sorted(template - used)
    assert not new and not gone, f"run `make messages`: new {new}, gone {gone}"
    for language in ("es", "pt"):
        missing = sorted(m for m in template if m not in Messages.load(language).strings)
        assert not missing, f"{language} lacks {missing}"


def test_placeholders_survive_translation() -> None:
    for language in ("es", "pt"):
        for message, strings in Messages.load(language).strings.items():
            wanted = set(re.findall(r"\{(\w+)\}", message))
            for text in strings:
                assert set(re.findall(r"\{(\w+)\}", text)) == wanted, (language, message, text)


def test_dates_countries_and_languages_come_from_locale_data() -> None:
    es, pt, en = (Messages.load(x) for x in ("es", "pt", "en"))
    assert es.date("2024-06-05") == "5 de junio de 2024"
    assert pt.date("2024-06-05") == "5 de junho de 2024"
    assert en.date("2024-06-05") == "June 5, 2024"
    assert es.date("2024-06") == "junio de 2024" and en.date("2024-06") == "June 2024"
    assert es.date("2024") == "2024" and es.date(None) == "sin fecha"
    assert es.country("RU") == "Rusia" and pt.country("US") == "Estados Unidos"
    assert en.country("BO") == "Bolivia"
    assert es.language_name("pt") == "Portugués" and pt.language_name("es") == "Espanhol"
    assert es.ngettext("{n} article", "{n} articles", 1) == "1 artículo"
    assert es.ngettext("{n} article", "{n} articles", 3) == "3 artículos"


def test_fill_leaves_unknown_placeholders_as_written() -> None:
    assert fill("{a} and {b}", {"a": 1}) == "1 and {b}"


def _fourth_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A French catalogue with one message translated, beside copies of es and pt."""
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, locale)
    with (LOCALE_DIR / "hemeroteca.pot").open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    catalog.get("Countries").string = "Pays"
    (locale / "fr" / "LC_MESSAGES").mkdir(parents=True)
    with (locale / "fr" / "LC_MESSAGES" / "hemeroteca.po").open("wb") as handle:
        write_po(handle, catalog)
    monkeypatch.setattr(messages_module, "LOCALE_DIR", locale)
    for cached in (messages_module._translations, messages_module._messages):
        cached.cache_clear()


@pytest.fixture
def fourth_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    _fourth_language(tmp_path, monkeypatch)
    yield
    messages_module._translations.cache_clear()
    messages_module._messages.cache_clear()


def test_an_incomplete_catalogue_falls_back_to_english_per_string(fourth_language) -> None:  # type: ignore[no-untyped-def]
    fr = Messages.load("fr")
    assert fr.gettext("Countries") == "Pays"
    assert fr.gettext("Topics") == "Topics"  # not translated yet: English
    assert fr.date("2024-06-05") == "5 juin 2024"  # Babel knows French without a catalogue
    assert fr.country("HT") == "Haïti"
    data = client_messages(build_model([record(1)], AUTHORITIES, language="fr"))
    assert data["messages"]["Countries"]["fr"] == "Pays"
    assert "fr" not in data["messages"]["Topics"]  # the browser falls back to the id, English
    assert data["languages"]["fr"] == "Français"


def _site(tmp_path: Path, language: str) -> Path:
    return build_seed_site(tmp_path / language, language)


def _interface_text(page: Path) -> tuple[set[str], str]:
    """The text nodes of a page's interface: not inside anything with a `lang` of its own
    (an article's headline and text, a hand-written page's other translations), scripts, code."""
    tree = lxml_html.fromstring(page.read_bytes())
    for element in tree.xpath("//*[@lang][not(self::html)] | //script | //style | //code | //pre"):
        element.drop_tree()
    nodes = {t.strip() for t in tree.xpath("//text()") if t.strip()}
    attrs = {v.strip() for v in tree.xpath("//@aria-label | //@placeholder | //@title") if v.strip()}
    return nodes | attrs, " ".join(sorted(nodes | attrs))


@pytest.mark.parametrize("language", ["es", "pt"])
def test_a_site_in_spanish_or_portuguese_has_no_english_of_the_catalogue(
    tmp_path: Path, language: str
) -> None:
    site = _site(tmp_path, language)
    translated = Messages.load(language).strings
    # English texts that the language words differently: a whole text node for short ones
    # ("Date"), a substring for sentences (the literal runs between placeholders); an English
    # word that is also the language's word for something else (pt "Data" is Date) is not one.
    theirs = {form for forms in translated.values() for form in forms}
    short, long = set(), set()
    for message, _plural in message_ids():
        forms = translated.get(message, ())
        if message in forms:
            continue
        for run in re.split(r"\{\w+\}", message):
            run = run.strip(" .:,")
            if run in theirs:
                continue
            if len(run.split()) >= 3:
                long.add(run)
            elif len(run) >= 3:
                short.add(run)
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    found = []
    for page in pages:
        nodes, text = _interface_text(page)
        for english in short & nodes:
            found.append(f"{page.relative_to(site)}: {english!r}")
        found += [f"{page.relative_to(site)}: {e!r}" for e in long if e in text]
    assert not found, found[:20]
    html = (site / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in html
    article = next((site / "articles").glob("*.html")).read_text(encoding="utf-8")
    assert 'class="hem-text" lang="' in article and "Metadata" not in article


def test_the_site_in_a_fourth_language_falls_back_to_english_per_string(
    tmp_path: Path, fourth_language
) -> None:  # type: ignore[no-untyped-def]
    site = _site(tmp_path, "fr")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in home
    assert ">Pays</a>" in home  # translated
    assert ">Topics</a>" in home  # not yet: English
    assert "Aller au contenu" in home  # Material's own French
