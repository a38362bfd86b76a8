"""Headlines found past menus, dates and bylines; outlet suffixes dropped; no headline flagged."""

from __future__ import annotations

from hemeroteca.sources.clean import clean_text
from hemeroteca.sources.title import body_without_title, find_title

PROSE = (
    "The ministry announced on Monday a new line of credit for small and medium-sized firms in the "
    "northern provinces, with support from the regional development bank and local cooperatives."
)


def title_of(raw: str) -> tuple[str, bool]:
    found = find_title(clean_text(raw))
    return found.text, found.uncertain


def test_headline_after_menu_lines_and_a_skip_link() -> None:
    raw = f"Skip to main content\nHome\nNews\nBanks back small firms in the north\n\n{PROSE}"
    assert title_of(raw) == ("Banks back small firms in the north", False)


def test_headline_after_a_date_line_keeps_its_capitalisation() -> None:
    raw = f"08 oct. 2025\n\nMIC traza metas para las mipymes del país\n\n{PROSE}"
    assert title_of(raw) == ("MIC traza metas para las mipymes del país", False)


def test_outlet_suffix_and_leading_date_are_dropped() -> None:
    assert title_of(f"Brasil - Economia : Governo lança crédito - Noticias.com.br : tudo\n\n{PROSE}")[0] == (
        "Brasil - Economia : Governo lança crédito"
    )
    assert (
        title_of(f", MAY 3 2022 Peru opens new trade offices\n\n{PROSE}")[0] == "Peru opens new trade offices"
    )


def test_byline_and_photo_credit_are_not_headlines() -> None:
    raw = (
        f"Por Ana Souza, especial para o jornal\nFoto: Arquivo\nCooperativas ampliam crédito rural\n\n{PROSE}"
    )
    assert title_of(raw) == ("Cooperativas ampliam crédito rural", False)


def test_short_section_label_before_the_headline_is_skipped() -> None:
    raw = f"Notícias\nFAO no Peru\nDelegação do governo visita cooperativas de café no norte\n\n{PROSE}"
    assert title_of(raw)[0] == "Delegação do governo visita cooperativas de café no norte"


def test_short_headline_right_above_its_date_is_kept() -> None:
    raw = f"Trade Bulletin: Newsletter\n\nApril 2019:\n\n{PROSE}"
    assert title_of(raw) == ("Trade Bulletin: Newsletter", False)


def test_text_that_starts_with_prose_has_no_headline() -> None:
    text, uncertain = title_of(f"{PROSE} More details follow.\n\nSecond paragraph here.")
    assert uncertain and text.startswith("The ministry announced")


def test_body_starts_after_the_last_repetition_of_the_headline() -> None:
    cleaned = clean_text(f"Credit for firms\nOther story one\nOther story two\nCredit for firms\n{PROSE}")
    body = body_without_title(cleaned, find_title(cleaned).text)
    assert body.startswith("The ministry") and "Other story" not in body


def test_the_publishers_name_over_its_menu_is_not_the_headline() -> None:
    raw = f"Ministry of Trade, Industry and Tourism\nSearch\nBelize opens an export academy\n{PROSE}"
    assert title_of(raw)[0] == "Belize opens an export academy"


def test_a_headline_shown_twice_beats_a_list_of_other_stories_above_it() -> None:
    raw = (
        "Latest news\nPorts reopen after the storm\n10/03/2022\nCoffee prices rise again\n09/03/2022\n"
        f"Rural women get a seed fund\nRural women get a seed fund\n11/03/2022\n{PROSE}"
    )
    assert title_of(raw) == ("Rural women get a seed fund", False)


def test_press_release_numbers_are_not_headlines() -> None:
    raw = f"Comunicado No. 045\nCiudad de México, a 3 de mayo de 2021\nMexico backs exporting firms\n{PROSE}"
    assert title_of(raw)[0] == "Mexico backs exporting firms"
