"""Headlines among the furniture of real pages: widgets repeated, captions shown twice, buttons glued to
the headline, outlets after a bar, lines cut short, newsletter issue labels. Made-up examples of each
general pattern."""

from __future__ import annotations

import pytest

from hemeroteca.sources.clean import clean_text, is_boilerplate
from hemeroteca.sources.title import (
    find_title,
    without_buttons,
    without_newsletter_prefix,
    without_section_prefix,
)

PROSE = (
    "El banco regional aprobó este martes una línea de crédito de veinte millones de dólares para "
    "pequeñas empresas de cuatro departamentos, con plazos de hasta diez años y tasas preferenciales."
)
EN_PROSE = (
    "The regional bank approved on Tuesday a credit line of twenty million dollars for small firms in "
    "four districts, with terms of up to ten years and preferential rates for women-led businesses."
)


def title(raw: str) -> str:
    return find_title(clean_text(raw)).text


def test_a_widget_line_shown_three_times_is_not_the_headline_shown_twice() -> None:
    widget = "Gracias por leer a"
    raw = "\n".join(["Banco regional presta a pymes del norte", *[widget, "El Diario"] * 3, PROSE])
    assert title(raw) == "Banco regional presta a pymes del norte"


def test_a_line_cut_on_a_preposition_is_not_a_headline() -> None:
    assert title(
        f"Gracias por informarse con\nEl Diario\nBanco regional presta a pymes del norte\n{PROSE}"
    ) == ("Banco regional presta a pymes del norte")
    assert title(f"Thanks for reading the\nBank lends to small firms in the north\n{EN_PROSE}") == (
        "Bank lends to small firms in the north"
    )


def test_a_caption_shown_twice_below_the_headline_does_not_beat_it() -> None:
    caption = "Mujeres emprendedoras en la feria regional de Chalatenango"
    raw = f"Banco regional presta a pymes del norte\n{caption}\n{caption}\n{PROSE}"
    assert title(raw) == "Banco regional presta a pymes del norte"
    # the page title and the heading shown twice, other stories between them, still win
    headline = "Banco regional presta a pymes del norte"
    raw = f"{headline}\nOtra nota sobre las cooperativas del sur\n{headline}\n{PROSE}"
    assert title(raw) == headline


def test_button_labels_glued_after_the_headline_are_cut() -> None:
    assert without_buttons("$4.5M for business development in Toledo Print E-mail") == (
        "$4.5M for business development in Toledo"
    )
    # one word alone, or lower case, may belong to the headline
    assert without_buttons("Small firms go to Print") == "Small firms go to Print"
    assert without_buttons("Why firms should print email") == "Why firms should print email"
    assert title(f"$4.5M for business development in Toledo Print E-mail\n( 1 Vote )\n{EN_PROSE}") == (
        "$4.5M for business development in Toledo"
    )


def test_a_wire_section_or_place_label_glued_before_the_headline_is_cut() -> None:
    assert without_section_prefix("Economía/Empresas.- Banco regional presta a pymes del norte") == (
        "Banco regional presta a pymes del norte"
    )
    assert without_section_prefix("CUSCO.– Cooperativas cafetaleras abren su feria anual") == (
        "Cooperativas cafetaleras abren su feria anual"
    )
    raw = f"Sociedad/Cooperativas.- Banco regional presta a pymes del norte\n\n12 de marzo de 2019\n{PROSE}"
    assert title(raw) == "Banco regional presta a pymes del norte"
    # a label over a line too short to be a headline, a place with a comma, a mark inside a name: kept
    assert without_section_prefix("Sociedad.- Breves") == "Sociedad.- Breves"
    assert without_section_prefix("Lima, Perú.- Banco regional presta a pymes") == (
        "Lima, Perú.- Banco regional presta a pymes"
    )
    assert without_section_prefix("Banco regional presta a pymes del norte") == (
        "Banco regional presta a pymes del norte"
    )


def test_a_page_title_with_the_outlets_name_over_the_heading_gives_the_heading() -> None:
    headline = "Banco regional presta a pymes del norte"
    raw = f"{headline} - El Diario del Sur\nEconomía\n{headline}\n{PROSE}"
    found = find_title(clean_text(raw))
    assert found.text == headline and "outlet" in found.evidence
    heading = "Bank lends to small firms in the north"
    assert title(f"{heading} – Island Times\n{heading}\n{EN_PROSE}") == heading
    # a heading that is only the start of a longer headline is not one: too short to read as a headline
    assert title(f"Pymes crecen - y también sus deudas en el norte\nPymes crecen\n{PROSE}") == (
        "Pymes crecen - y también sus deudas en el norte"
    )


def test_a_page_title_in_title_case_with_the_outlets_motto_gives_the_heading() -> None:
    headline = "Cooperativas de crédito crecen y prestan más en el norte"
    page_title = "Cooperativas De Crédito Crecen Y Prestan Más En El Norte - Revista Sur - La Revista Del Sur"
    found = find_title(clean_text(f"{page_title}\n{headline}\n{PROSE}"))
    assert found.text == headline and "outlet" in found.evidence
    # a tail of three parts is no outlet and motto: the heading is then only the first headline-like line
    longer = f"{headline} - uno - dos - tres"
    assert title(f"{longer}\n{headline}\n{PROSE}") == longer


@pytest.mark.parametrize(
    "disclaimer",
    [
        "This article was added by the user . TheSite is not responsible for the content of the platform.",
        "El portal no se hace responsable de las opiniones de sus lectores.",
        "A redação não se responsabiliza pelo conteúdo publicado por terceiros.",
    ],
)
def test_a_platforms_disclaimer_over_the_story_is_furniture(disclaimer: str) -> None:
    assert is_boilerplate(disclaimer)
    assert title(f"{disclaimer}\nBanco regional presta a pymes del norte\n{PROSE}") == (
        "Banco regional presta a pymes del norte"
    )
    assert not is_boilerplate("El ministro dijo que el Estado no es responsable de la crisis del sector.")


def test_a_bar_inside_a_headline_and_an_outlet_after_one() -> None:
    assert title(f"Entrevista | Ana Ruiz: las cooperativas crecen en el sur\n{PROSE}") == (
        "Entrevista | Ana Ruiz: las cooperativas crecen en el sur"
    )
    assert title(f"Bank lends to small firms in the north | The Daily Herald\n{EN_PROSE}") == (
        "Bank lends to small firms in the north"
    )


def test_a_headline_ending_in_its_issue_label_is_no_date_line() -> None:
    for headline in ("SME Policy Newsletter – March 2018", "Small firms get credit – Issue 45"):
        assert title(f"Skip to main content\n{headline}\nIn this issue:\n{EN_PROSE}") == headline


def test_another_storys_headline_in_another_language_is_skipped() -> None:
    other = "Regional bank opens an office for the farmers of the north"
    raw = f"{other}\nBanco regional presta a pymes del norte\n{PROSE}\n{PROSE}\n{PROSE}"
    assert title(raw) == "Banco regional presta a pymes del norte"


def test_a_two_word_headline_under_a_deck_line() -> None:
    raw = (
        f"Los fondos ayudarán a las pymes de tres departamentos.\nCrédito verde\n5 de marzo de 2021\n{PROSE}"
    )
    found = find_title(clean_text(raw))
    assert found.text == "Crédito verde" and [d.code for d in found.doubts] == ["short-headline"]
    # a headline ending in a stop, with no short line under it, stays
    raw = f"Río Negro recibirá asistencia técnica para cooperativas.\n5 de marzo de 2021\n{PROSE}"
    assert title(raw) == "Río Negro recibirá asistencia técnica para cooperativas."


@pytest.mark.parametrize(
    "furniture",
    [
        "Page 2 of 5",
        "Página 3 de 7",
        "1 2 3 … 10 Next",
        "« Anterior Siguiente »",
        "English Español Português",
        "EN | ES | PT",
        "4 min read",
        "Tiempo de lectura: 3 minutos",
        "Noticias » Economía",
        "Inicio » Noticias » Banco regional presta a pymes del norte",
    ],
)
def test_pagination_language_menus_reading_times_and_trails_are_furniture(furniture: str) -> None:
    assert is_boilerplate(furniture)
    assert title(f"{furniture}\nBanco regional presta a pymes del norte\n{PROSE}") == (
        "Banco regional presta a pymes del norte"
    )


@pytest.mark.parametrize(
    "line",
    [
        "«Con esta iniciativa apoyamos a las pymes», dijo la ministra",
        "Loans approved in 30 minutes",
        "Next steps for small firms in Peru",
        "Arquivo Nacional abre sala de leitura",
    ],
)
def test_lines_like_furniture_that_are_not(line: str) -> None:
    assert not is_boilerplate(line)


def test_a_headline_chosen_over_a_passed_over_one_carries_a_doubt() -> None:
    raw = f"Servicio de Cooperación Técnica\nBanco regional presta a pymes del norte\n{PROSE}"
    found = find_title(clean_text(raw))
    assert found.text == "Banco regional presta a pymes del norte"
    assert [(d.code, d.detail) for d in found.doubts] == [
        ("passed-over-headline", "Servicio de Cooperación Técnica")
    ]
    assert find_title(clean_text(f"Banco regional presta a pymes del norte\n{PROSE}")).doubts == ()


def test_a_kicker_above_the_headline_the_page_shows_again_further_down() -> None:
    """'Kicker' / 'Headline' / deck / ... / the headline again (the lead image's alt text): the repeated line
    is the headline; the kicker, shown once, names the topic."""
    kicker = "Préstamos para emprendimiento, digitalización o liquidez"
    headline = "Nuevas líneas de crédito para pymes del norte del país"
    raw = "\n\n".join([kicker, headline, PROSE, "credito-pymes-norte", headline, headline, PROSE])
    assert title(raw) == headline
    # shown once, the first headline-like line is still taken
    assert title("\n\n".join([kicker, headline, PROSE, PROSE])) == kicker
    # a caption shown twice right under the headline is no headline
    caption = "Taller. Los productores conocieron sus opciones."
    raw = "\n\n".join([headline, caption, caption, PROSE])
    assert title(raw) == headline


@pytest.mark.parametrize(
    "notice",
    [
        "Co-funded by the European Union",
        "Funded by the European Union and the Government of Jamaica",
        "Cofinanciado por la Unión Europea",
        "Com o apoio do Governo de Portugal",
    ],
)
def test_a_funders_notice_line_is_furniture(notice: str) -> None:
    assert is_boilerplate(notice)
    assert title(f"{notice}\nImproving private sector lending in the region\n{EN_PROSE}") == (
        "Improving private sector lending in the region"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Funded by the IDB, the programme reaches 2,000 firms",
        "Supported by IDB loans Jamaica farmers thrive",
        "Financiado por el BID, el programa llega a 2.000 pymes",
    ],
)
def test_a_headline_or_sentence_opening_on_a_funder_is_not_a_notice(line: str) -> None:
    assert not is_boilerplate(line)


def test_a_newsletters_name_before_the_headline_is_cut() -> None:
    headline = "El Salvador to borrow $20m to benefit 2k small businesses, 20% owned by Women"
    for label in ("MICROCAPITAL BRIEF: ", "Daily Digest: ", "BOLETÍN SEMANAL: "):
        assert without_newsletter_prefix(label + headline) == headline
        assert title(f"{label}{headline}\n{EN_PROSE}") == headline
    # a topic before a colon is part of the headline
    for kept in (
        "COVID-19: More than 135,000 firms benefit from a partnership",
        "Fondo Crecer: Cooperativas podrán prestar a mipymes",
    ):
        assert without_newsletter_prefix(kept) == kept


def test_other_stories_headlines_above_the_section_label_are_skipped() -> None:
    """'Other story' / 'Another story' / 'Economía' / headline: the two lines over the label are a list."""
    others = [
        "Temblor en la sierra: ¿de qué magnitud fue el sismo?",
        "Fuertes lluvias desde este jueves en la costa",
    ]
    headline = "Cooperativas podrán ofrecer financiamiento a las mipymes"
    found = find_title(clean_text("\n".join([*others, "Economía", headline, PROSE])))
    assert found.text == headline
    assert [d.code for d in found.doubts] == ["passed-over-headline"]
    # one line over a section label is the headline itself
    assert title(f"{headline}\nNotícias\n{PROSE}") == headline
    # a date line among the lines above: not a list of headlines
    dated = f"{others[0]}\n5 de marzo de 2021\nEconomía\n{headline}\n{PROSE}"
    assert title(dated) == others[0]


def test_a_headline_wrapped_over_several_lines_is_put_together() -> None:
    """A page stored with its lines broken at a fixed width: a line too short to be a headline, then
    lines opening in lower case, are one headline; a lower-case byline is no continuation."""
    raw = f"Gov’t to set\naside another P1-B for the micro-loan\nprogram\nBy\nDTI\nJuly 7, 2017\n{EN_PROSE}"
    assert find_title(clean_text(raw)).text == "Gov’t to set aside another P1-B for the micro-loan program"
    raw = f"Bancos regionales amplían el crédito rural\npor Ana Ruiz\n{PROSE}"
    assert find_title(clean_text(raw)).text == "Bancos regionales amplían el crédito rural"


def test_the_headline_over_its_date_line_under_a_section_label() -> None:
    """A long menu repeating its entries above 'Notícias' / headline / date / prose: the title-and-date
    block under the label is the story's, whatever the menu repeats."""
    entries = ("Prêmio de Jornalismo Cooperativo", "Museu Virtual do Cooperativismo")
    menu = "\n".join(f"{entry}\n{entry}" for entry in entries)
    raw = f"{menu}\nNotícias\nSicoob deve liberar R$ 6,8 bilhões para a safra\n16/07/2015\n{PROSE}"
    assert find_title(clean_text(raw)).text == "Sicoob deve liberar R$ 6,8 bilhões para a safra"
    # under a headline, a deck over the date stays a deck: 'Headline' / deck / date
    deck = "Las cooperativas reciben nuevos fondos del Estado"
    raw = f"Bancos regionales amplían el crédito rural\n{deck}\n16/07/2015\n{PROSE}"
    assert find_title(clean_text(raw)).text == "Bancos regionales amplían el crédito rural"
