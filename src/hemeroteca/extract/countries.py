"""Countries an article is about, as ISO 3166-1 alpha-2 codes, most salient first.

Names come from pycountry (English plus its Spanish and Portuguese
translations) and from ``data/countries.yaml`` (short names, demonyms, cities).
Salience: a mention in the title or first paragraph weighs more than one deep
in the text, so a list of member states at the end does not lead.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pycountry

from hemeroteca.resources import load_data

TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0


@dataclass(frozen=True)
class CountryHit:
    code: str
    score: float
    first: int
    evidence: tuple[str, ...]


def _iso_names() -> Iterable[tuple[str, str]]:
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("es", "pt_BR", "pt")
    ]
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", country.name)}
        for name in list(names):
            names.update(t.gettext(name) for t in translations)
        for name in names:
            short = name.split(",")[0].split("(")[0].strip()
            if len(short) >= 4:
                yield short, country.alpha_2


@cache
def gazetteer() -> dict[str, str]:
    """Lower-cased alias -> code. Curated aliases win over generated ones."""
    table: dict[str, str] = {}
    for name, code in _iso_names():
        table.setdefault(name.lower(), code)
    for code, entry in load_data("countries.yaml").items():
        for key in ("names", "demonyms", "places"):
            for alias in entry.get(key, []):
                table[alias.lower()] = code
    return table


@cache
def _pattern() -> re.Pattern[str]:
    aliases = sorted(gazetteer(), key=len, reverse=True)
    body = "|".join(re.escape(a) for a in aliases)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def country_mentions(text: str) -> list[tuple[str, int, str]]:
    table = gazetteer()
    return [(table[m.group(0).lower()], m.start(), m.group(0)) for m in _pattern().finditer(text)]


def find_countries(title: str, body: str) -> list[CountryHit]:
    lead_end = body.find("\n") if "\n" in body else len(body)
    scores: dict[str, list] = {}
    for weight, text, offset in ((TITLE_WEIGHT, title, -1), (1.0, body, 0)):
        for code, pos, surface in country_mentions(text):
            entry = scores.setdefault(code, [0.0, 10**9, []])
            bonus = LEAD_WEIGHT if offset == 0 and pos < lead_end else 0.0
            entry[0] += weight + bonus
            entry[1] = min(entry[1], pos if offset == 0 else -1)
            if surface not in entry[2]:
                entry[2].append(surface)
    hits = [CountryHit(code, s, first, tuple(ev)) for code, (s, first, ev) in scores.items()]
    return sorted(hits, key=lambda h: (-h.score, h.first, h.code))
