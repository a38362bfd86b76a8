"""The word lists behind actor and country rules (``data/actor_words.yaml``), loaded once.

Kept apart from the rules so a new language or a forgotten title is a data
change, and so the big alternations are compiled once per process, not per call.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from hemeroteca.resources import load_data


def alternation(words: Iterable[str], after_first: str = "") -> str:
    r"""A regex group matching any of the words, the longest where several match ('costa rica' over
    'costa'). Built as a prefix tree, so a list of a thousand names costs little per character.

    ``after_first`` is put right after each word's first letter: a word-start guard there
    (``(?<!\w.)``) tests what a leading ``(?<!\w)`` would, but leaves the pattern opening on
    plain letters, so the engine skips at once the positions where no word can start.
    """
    trie: dict = {}
    for word in {w for w in words if w}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    if not after_first:
        return _trie_pattern(trie)
    branches = [re.escape(c) + after_first + _trie_pattern(child) for c, child in sorted(trie.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def caseless_alternation(words: Iterable[str], after_first: str = "") -> str:
    """``alternation`` for a pattern compiled with ``re.IGNORECASE``, in place of a plain "a|b|c" of
    the words longest first: it matches the same text at the same places, with the same word, but
    tries at each place only the branches of the letters found there, not every word of the list.

    The words are lower-cased first, since the engine compares them so anyway: 'Dijo' and 'dijo'
    would otherwise make two branches, and the tree would try a shorter word of one before a longer
    word of the other. A word whose lower case is longer than itself (dotted capital I) is kept as
    written."""
    lowered = (w.lower() if len(w.lower()) == len(w) else w for w in words)
    return alternation(lowered, after_first)


def _trie_pattern(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body if len(branches) == 1 else body


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
