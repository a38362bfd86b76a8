"""The word lists behind actor and country rules (``data/actor_words.yaml``), loaded once.

Kept apart from the rules so a new language or a forgotten title is a data
change, and so the big alternations are compiled once per process, not per call.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from hemeroteca.resources import load_data


def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of the words, longest first so 'vice minister' beats 'minister'."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in unique) + ")"


@cache
def words(key: str) -> tuple[str, ...]:
    """One list of ``actor_words.yaml``; lists given per language are joined."""
    value = load_data("actor_words.yaml")[key]
    if isinstance(value, dict):
        return tuple(w for lang in sorted(value) for w in value[lang])
    return tuple(value)


@cache
def word_set(key: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in words(key))


def role_words() -> tuple[str, ...]:
    return words("roles")
