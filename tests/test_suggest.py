"""Did-you-mean: near means a letter or two apart, not merely alike."""

from __future__ import annotations

import pytest

from hemeroteca.catalogue.suggest import is_slip, nearest

KNOWN = {
    "Ministry of Education": "education",
    "Banco Interamericano de Desenvolvimento": "idb",
    "Inter-American Development Bank": "idb",
    "UNDP": "undp",
    "Peru": "PE",
    "Organización de los Estados Americanos": "oas",
}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Banco Interamericano de Desenvolvimiento", ["idb"]),
        ("Inter-American Development Bnak", ["idb"]),  # a swapped pair is one change
        ("organizacion de los estados americanos", ["oas"]),  # case and accents do not count
        ("Perru", ["PE"]),
        ("Ministry of Production", []),  # four letters from another ministry: another actor
        ("Banco Central de Chile", []),
        ("", []),
    ],
)
def test_nearest(typed: str, expected: list[str]) -> None:
    assert nearest(typed, KNOWN) == expected


@pytest.mark.parametrize(
    ("typed", "known", "slip"),
    [
        ("Banco Interamericano de Desenvolvimiento", "Banco Interamericano de Desenvolvimento", True),
        ("Ministerio de Economia", "Ministerio de Economía", True),
        ("UNEP", "UNDP", False),  # acronyms a letter apart are different bodies
        ("Organisation of American Stats", "Organization of American States", False),
        ("Ministry of Production", "Ministry of Education", False),
    ],
)
def test_a_slip_is_a_letter_or_two_in_a_long_name(typed: str, known: str, slip: bool) -> None:
    assert is_slip(typed, known) is slip
