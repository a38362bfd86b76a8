"""Did-you-mean: the known names nearest to a misspelt one.

A misspelt actor, topic or country is not an unknown one: ``Banco Interamericano de
Desenvolvimiento`` is one letter-slip from an alias the authority file has, and
letting it through would give the site a second page for the same bank. rapidfuzz
compares the typed name with every known form, ignoring case and accents.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from rapidfuzz import fuzz, process

# Similarity (0-100) a known form needs to be offered. Below it the suggestions are
# noise: 'Ministry of Production' is 62 from 'Ministry of Education'.
CUTOFF = 85


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def nearest(typed: str, choices: Mapping[str, str], limit: int = 2, cutoff: float = CUTOFF) -> list[str]:
    """The values of the ``choices`` (known form -> what it stands for) nearest to ``typed``, best first.

    Several forms of one thing (a name and its aliases) count once. An exact match
    (up to case and accents) is not a suggestion: the caller knows that name already.
    """
    plain = _plain(typed)
    if not plain:
        return []
    forms = {_plain(form): value for form, value in choices.items()}
    found: list[str] = []
    for form, score, _ in process.extract(plain, list(forms), scorer=fuzz.ratio, limit=limit * 4):
        if score < cutoff:
            break
        value = forms[form]
        if value not in found:
            found.append(value)
        if len(found) == limit:
            break
    return found


def nearest_form(typed: str, forms: list[str], cutoff: float = CUTOFF) -> str | None:
    """The single known form nearest to ``typed``, as written in the authority file."""
    best = nearest(typed, {form: form for form in forms}, limit=1, cutoff=cutoff)
    return best[0] if best else None
