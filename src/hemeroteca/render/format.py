"""Small text formatters shared by every page: escaping, dates, slugs, links."""

from __future__ import annotations

import html
import re
import unicodedata

import pycountry

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "pt": "Portuguese"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def md_escape(text: str) -> str:
    """Text that Markdown shows literally: no emphasis, no links, no raw HTML."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def html_text(text: str) -> str:
    return html.escape(text, quote=True)


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "item"


def format_date(value: str | None) -> str:
    """A record date at its own precision: '28 April 2021', 'January 2020', '2015', 'undated'."""
    if not value:
        return "undated"
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS["en"][int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name.split(",")[0]


def language_name(code: str) -> str:
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    language = pycountry.languages.get(alpha_2=code)
    return language.name if language else code
