"""Reasons to doubt a proposed country that read how the text around its name uses it.

A place's name is also a surname ("Luís Montenegro", "Fernanda Lima", "Paulo Brasil"): after a
given name it names a person, not where the story happens. The country rules drop the surnames of
the people the actor rules found; a person they missed leaves their surname counted as a country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hemeroteca.doubts import Doubt
from hemeroteca.extract.countries import CountryHit
from hemeroteca.extract.names import fold, given_names

# The word right before a place's name, on the same line.
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
# How far back the word before a name is looked for.
_BEFORE_CHARS = 40


def _after_given_name(text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, start - _BEFORE_CHARS), start)
    return bool(before) and before.group(1)[:1].isupper() and fold(before.group(1)) in given_names()


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what a pattern's \w matches


def _whole_word_starts(text: str, surface: str) -> list[int]:
    r"""Where ``surface`` stands with no word character on either side: what the pattern
    ``(?<!\w)surface(?!\w)`` finds, found by ``str.find``, which skips to the few places the
    surface occurs (the pattern, opening on a look-behind, is tried at every character)."""
    out = []
    at = text.find(surface)
    while at >= 0:
        end = at + len(surface)
        if not (at and _is_word_char(text[at - 1])) and not (end < len(text) and _is_word_char(text[end])):
            out.append(at)
            at = text.find(surface, end if end > at else at + 1)
        else:
            at = text.find(surface, at + 1)
    return out


def surname_countries(hits: Sequence[CountryHit], text: str) -> list[Doubt]:
    """A ``country-as-surname`` doubt for each country every name of which, wherever ``text``
    writes it, stands right after a capitalised given name."""
    out = []
    for hit in hits:
        starts = [at for surface in dict.fromkeys(hit.evidence) for at in _whole_word_starts(text, surface)]
        if starts and all(_after_given_name(text, at) for at in starts):
            out.append(Doubt("country-as-surname", item=hit.code, detail=hit.evidence[0]))
    return out
