"""Faster forms of extraction steps find exactly what the slower forms they replaced found.

Speed work must not change a proposal (``scripts/check_extract_same.py`` compares whole
outputs on the evaluation sets); these pin the replaced forms down on made-up edge cases.
"""

from __future__ import annotations

import re

import pytest

from hemeroteca.extract.countries import _PLAIN_CASE, _name_spans, _pattern, _plain_names
from hemeroteca.extract.place_doubts import _whole_word_starts
from hemeroteca.extract.vocabulary import caseless_alternation


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


def _plain(words: list[str]) -> str:
    """The form ``caseless_alternation`` replaced: every word, longest first, tried one by one."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


_CASELESS_LISTS = [
    ["mar", "marzo", "mar.", "March", "MAY", "may", "mayo", "Maio"],
    ["dijo", "Dijo", "said", "pointed out", "point", "SAYS", "say"],
    ["de", "del", "de la", "de las", "of", "of the", "do", "da"],
    ["a", "ab", "abc", "b", "x-y", "x"],
]
_CASELESS_TEXTS = [
    "El 3 de MARZO de 2021, Mar. 4 y marzo; mayo, Maio e MAY 2020 (mar.)",
    "Ana dijo que... He SAID it, pointed out and point-blank; says, Say, saying",
    "director de la Agencia, head of the Bank, presidente del BID, do Sebrae, de las",
    "abcab abc-ab xab x-y x-yz aB ABC b, a",
]


@pytest.mark.parametrize("words", _CASELESS_LISTS)
@pytest.mark.parametrize(
    "wrap",
    [r"(?<!\w){}(?!\w)", r"(?<!\w){}\.?\s+\w+", r"{}[ \t]*$", r"(?P<x>{})(?:\s+{})*"],
)
def test_caseless_alternation_matches_as_the_plain_alternation(words: list[str], wrap: str) -> None:
    plain = re.compile(wrap.replace("{}", _plain(words)), re.IGNORECASE)
    tree = re.compile(wrap.replace("{}", caseless_alternation(words)), re.IGNORECASE)

    def seen(m: re.Match[str] | None) -> tuple | None:
        return m and m.span() + m.groups()

    for text in _CASELESS_TEXTS:
        assert [seen(m) for m in tree.finditer(text)] == [seen(m) for m in plain.finditer(text)]
        for end in range(len(text) + 1):  # searched in a window ending at each place, as the doubts do
            start = max(0, end - 12)
            assert seen(tree.search(text, start, end)) == seen(plain.search(text, start, end))


@pytest.mark.parametrize(
    "text",
    [
        "Acuerdo entre PERÚ y Chile; los peruanos, Brasil-Argentina, ESTADOS UNIDOS y la Unión Europea.",
        "Exportações do Brasil para a china e o JAPÃO; Costa Rica, costa-riquenhos, Perú_Chile, $Chile",
        "İstanbul y Turquía",  # a lower case longer than the letter: read as written
        "Dıyarbakır, Brasıl, Chıle y Perú",  # the dotless i matches 'i' case-insensitively: read as written
        "\u212aenya, Colombia y México",  # the Kelvin sign is a case form of 'k'
        "",
    ],
)
def test_country_names_are_found_where_the_case_insensitive_pattern_finds_them(text: str) -> None:
    assert _name_spans(text) == [m.span() for m in _pattern(re.IGNORECASE).finditer(text)]


def test_plain_case_characters_compare_as_their_lower_case() -> None:
    """Every character the lower-cased reading accepts matches a name's letter case-insensitively
    exactly when its lower case is that letter, and keeps whether it is a word character."""
    plain = [chr(c) for c in range(0x2100) if _PLAIN_CASE.fullmatch(chr(c))]
    letters = sorted({c.lower() for c in plain})
    assert _plain_names()
    for c in plain:
        assert len(c.lower()) == 1
        assert bool(re.match(r"\w", c)) == bool(re.match(r"\w", c.lower()))
        for p in letters:
            assert bool(re.fullmatch(re.escape(p), c, re.IGNORECASE)) == (c.lower() == p), (c, p)
