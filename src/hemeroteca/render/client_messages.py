"""The interface's words in every language, as one small script for the reader's language switch.

A page is built once, in the site's language (``theme.language``); the switch in
its header rewords it in the browser, so an archive of 10,000 articles stays
10,000 article pages whatever the number of languages. This module writes what
the browser needs for that, ``assets/hemeroteca/messages.js``: every message of
the catalogue in each language (the English message id is its own English
text), the names the pages show (countries, languages and months from Babel,
topics from the authority file), the date patterns, and Material's own
interface strings, read from the theme's language files. ``i18n.js`` finds the
site-language text of each on the page and puts the reader's in its place.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from hemeroteca.render.messages import DOMAIN, FALLBACK, LOCALE_DIR, Messages, available_languages
from hemeroteca.render.model import SiteModel

MESSAGES_JS = "assets/hemeroteca/messages.js"
_MATERIAL_KEY = re.compile(r'^\s*"([a-z][\w.]*)":', re.MULTILINE)


@cache
def message_ids() -> tuple[tuple[str, str | None], ...]:
    """(message id, plural id or None) of every message in the template (``hemeroteca.pot``)."""
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("rb") as handle:
        catalog = read_po(handle, domain=DOMAIN)
    out = []
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, (list, tuple)):
            out.append((message.id[0], message.id[1]))
        else:
            out.append((message.id, None))
    return tuple(sorted(out))


@cache
def material_strings(language: str) -> dict[str, str]:
    """Material's interface strings in ``language`` (its own fallback to English included)."""
    from jinja2 import Environment, FileSystemLoader
    from material import templates

    folder = Path(templates.__file__).parent
    env = Environment(loader=FileSystemLoader(str(folder)))
    english = (folder / "partials" / "languages" / "en.html").read_text(encoding="utf-8")
    name = f"partials/languages/{language}.html"
    if not (folder / name).is_file():
        name = "partials/languages/en.html"
    module = env.get_template(name).module
    out = {}
    for key in _MATERIAL_KEY.findall(english):
        value = str(module.t(key)).strip()  # type: ignore[attr-defined]
        if value and key not in ("language", "direction"):
            out[key] = value
    return out


def _names(model: SiteModel, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    by_language = {lang: Messages.load(lang) for lang in languages}
    names: dict[str, dict[str, str]] = {}
    for code in sorted(model.facets["countries"]):
        names[f"country:{code}"] = {lang: m.country(code) for lang, m in by_language.items()}
    for code in sorted(model.facets["languages"]):
        names[f"language:{code}"] = {lang: m.language_name(code) for lang, m in by_language.items()}
    for key, facet in sorted(model.facets["topics"].items()):
        labels = dict(facet.detail.get("labels", ()))
        names[f"topic:{key}"] = {lang: labels.get(lang) or facet.label for lang in languages}
    for month in range(1, 13):
        names[f"month:{month}"] = {lang: m.month_abbr(month) for lang, m in by_language.items()}
    return names


def client_languages(model: SiteModel) -> tuple[str, ...]:
    return tuple(sorted(set(available_languages()) | {model.language}))


def client_messages(model: SiteModel) -> dict:
    languages = client_languages(model)
    messages: dict[str, dict[str, object]] = {}
    for message, plural in message_ids():
        entry: dict[str, object] = {}
        for lang in languages:
            strings = Messages.load(lang).strings.get(message)
            if plural is not None:
                translated = strings and len(strings) == len(Messages.load(lang).plural_tags)
                entry[lang] = list(strings) if translated else [message, plural]
            elif strings:
                entry[lang] = strings[0]
        messages[message] = entry
    material: dict[str, dict[str, str]] = {}
    for lang in languages:
        for key, value in material_strings(lang).items():
            material.setdefault(key, {})[lang] = value
    return {
        "site": model.language,
        "fallback": FALLBACK,
        "languages": {lang: Messages.load(lang).language_name(lang) for lang in languages},
        "messages": messages,
        "names": _names(model, languages),
        "material": material,
        "dates": {lang: Messages.load(lang).date_templates for lang in languages},
        # each language's plural categories in the order of its forms; English's stand in
        # for a message a language lacks
        "plurals": {lang: list(Messages.load(lang).plural_tags) for lang in languages},
    }


def messages_js(model: SiteModel) -> str:
    """The dictionary as a script (a page opened from file:// may not fetch JSON)."""
    data = json.dumps(client_messages(model), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"window.hemerotecaMessages={data};\n"
