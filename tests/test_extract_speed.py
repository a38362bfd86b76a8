"""Faster forms of extraction steps find exactly what the slower forms they replaced found.

Speed work must not change a proposal (``scripts/check_extract_same.py`` compares whole
outputs on the evaluation sets); these pin the replaced forms down on made-up edge cases.
"""

from __future__ import annotations

import re

import pytest

from hemeroteca.extract.place_doubts import _whole_word_starts


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Chile, Chilean, chile y Chile.", "Chile"),
        ("Perú_Perú Perú-Perú Perú", "Perú"),
        ("aaaa", "aa"),  # occurrences that overlap: the pattern takes them one after another
        ("Brasil2 Brasil", "Brasil"),
        ("", "Cuba"),
        ("Cuba", "Cuba"),
        ("São Tomé e Príncipe,São Tomé", "São Tomé"),
        ("é Guatemala1 ñGuatemala Guatemalaé Guatemala", "Guatemala"),
        ("a b", ""),
    ],
)
def test_whole_word_starts_are_where_the_pattern_matches(text: str, surface: str) -> None:
    pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
    assert _whole_word_starts(text, surface) == [m.start() for m in pattern.finditer(text)]
