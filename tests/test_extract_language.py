"""Language: deterministic, robust on short texts and on a few lines of another language."""

from __future__ import annotations

import pytest

from hemeroteca.extract.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry and the bank signed an agreement for the support of small firms in the region.", "en"),
        ("El ministerio y el banco firmaron un acuerdo para el apoyo de las pymes de la región.", "es"),
        ("O ministério e o banco assinaram um acordo para o apoio das pequenas empresas da região.", "pt"),
        ("Crédito para pymes", "es"),
    ],
)
def test_three_languages(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_a_few_lines_of_another_language_do_not_tip_the_vote() -> None:
    body = (
        "O governo federal anunciou nesta segunda-feira uma nova linha de crédito para as cooperativas "
        "do setor agrícola, com recursos do banco de desenvolvimento e apoio dos estados. "
    ) * 3
    text = f"Share this article\nRead more\n{body}\nComparte en tus redes sociales"
    assert detect_language(text) == "pt"


def test_same_answer_every_time() -> None:
    text = "Cooperativas y pymes"
    assert len({detect_language(text) for _ in range(5)}) == 1
