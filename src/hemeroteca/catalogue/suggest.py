"""Did-you-mean: the known names nearest to a misspelt one.

A misspelt actor, topic or country is not an unknown one: ``Banco Interamericano de
Desenvolvimiento`` is one letter from an alias the authority file has, and letting it
through would give the site a second page for the same bank. rapidfuzz counts the
letters to change (optimal string alignment: a swapped pair counts once) between the
typed name and every known form, ignoring case and accents.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA


@lru_cache(maxsize=1 << 16)
def _plain(text: str) -> str:
    # Cached: every unknown name of every record is compared with the same known forms, and
    # folding them again for each was a third of a 3,000-article render.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def _edits_allowed(plain: str, per: int) -> int:
    """How many letters may differ: one per ``per`` letters of the typed name, at least one."""
    return max(1, len(plain) // per)


def nearest(typed: str, choices: Mapping[str, str], limit: int = 2) -> list[str]:
    """The values of the ``choices`` (known form -> what it stands for) nearest to ``typed``, best first.

    Near means a few letters apart (one in eight, ignoring case and accents), not merely
    alike: 'Ministry of Production' is four letters from 'Ministry of Education', another
    actor altogether. Several forms of one thing (a name and its aliases) count once.
    """
    plain = _plain(typed)
    if not plain:
        return []
    forms = {_plain(form): value for form, value in choices.items()}
    allowed = _edits_allowed(plain, 8)
    found: list[str] = []
    for form, _distance, _ in process.extract(
        plain, list(forms), scorer=OSA.distance, limit=limit * 4, score_cutoff=allowed
    ):
        value = forms[form]
        if value not in found:
            found.append(value)
        if len(found) == limit:
            break
    return found


def is_slip(typed: str, known: str) -> bool:
    """True when ``typed`` is ``known`` with a slip of the hand: a letter or two in a long name.

    Short names (acronyms) are left out: UNEP and UNDP are one letter apart and two bodies.
    """
    plain, other = _plain(typed), _plain(known)
    return len(plain) >= 10 and OSA.distance(plain, other) <= _edits_allowed(plain, 20)
