"""Page furniture that scraped pages put before the headline: mastheads over menus, menu bars whose
separators were lost, breadcrumbs of any first step, cookie notices in either word order."""

from __future__ import annotations

import pytest

from hemeroteca.extract import extract_text
from hemeroteca.sources.clean import clean_page, is_name_like, is_navigation
from hemeroteca.sources.title import find_title

PROSE = (
    "El instituto y la agencia de cooperación iniciaron este lunes un programa de formación en gestión "
    "para dieciocho cooperativas de producción agropecuaria del departamento, con cursos en dos idiomas."
)


def test_menu_bar_without_separators_is_navigation() -> None:
    assert is_navigation("Home About Crops Livestock Fisheries Cooperatives Contact")
    assert is_navigation("Noticias Región Centroamérica Opinión Multimedia")
    # a Title Case headline is not a menu, even with a menu word in it
    assert not is_navigation("Over 600 MSMEs Receive Support")
    assert not is_navigation("Business News from the Region")


def test_breadcrumbs_of_any_first_step() -> None:
    assert is_navigation("You are here: Home / Media centre / News")
    assert is_navigation("Portal > Economía > Pymes")
    assert not is_navigation("Exports > imports in 2023, says bank")


def test_masthead_above_a_menu_is_not_the_headline() -> None:
    raw = (
        "Diário do Nordeste Econômico\nMenu Buscar Assine\n\n"
        f"CAF empresta US$ 150 milhões ao Banco do Nordeste\n\n{PROSE}"
    )
    page = clean_page(raw)
    assert page.mastheads == ("Diário do Nordeste Econômico",)
    assert find_title(page.text).text == "CAF empresta US$ 150 milhões ao Banco do Nordeste"


def test_a_headline_above_prose_is_never_a_masthead() -> None:
    assert not is_name_like("Cooperativas de producción reciben capacitación")
    raw = f"Inicio > Noticias > Cooperativas\nCooperativas reciben capacitación en gestión\n\n{PROSE}"
    assert clean_page(raw).mastheads == ()
    assert find_title(clean_page(raw).text).text == "Cooperativas reciben capacitación en gestión"


def test_cookie_notice_with_the_verb_first_is_dropped() -> None:
    notice = "Al utilizar este sitio usted acepta el uso de cookies. Entendido"
    raw = f"{notice}\nOIT capacita a jóvenes\n\n{PROSE}"
    assert find_title(clean_page(raw).text).text == "OIT capacita a jóvenes"


def test_the_masthead_still_says_which_country_the_site_serves() -> None:
    raw = (
        "Portal Cooperativo de Costa Rica\nInicio / Noticias / Cooperativismo\n\n"
        f"Jóvenes cooperativistas de Tarrazú reciben formación\n\n{PROSE}"
    )
    meta = extract_text(raw)
    assert meta.title == "Jóvenes cooperativistas de Tarrazú reciben formación"
    assert meta.countries == ["CR"]


def test_press_office_sign_off_and_agency_byline_are_not_actors() -> None:
    raw = (
        f"Cooperativas reciben capacitación\n\nPor Agência Sebrae de Notícias\n\n{PROSE}\n\n"
        "Dirección de Comunicación - INCOOP\n"
    )
    names = {a["name"] for a in extract_text(raw).actors}
    assert not any("Comunicación" in n or "Agência" in n for n in names)


def test_related_stories_list_ends_the_article() -> None:
    for marker in ("Related Stories", "Posts relacionados", "Leia mais:"):
        related = "JBDC Opens New Incubator - May 2, 2022"
        raw = f"Cooperativas reciben capacitación\n\n{PROSE}\n\n{marker}\n{related}\n"
        assert "JBDC" not in clean_page(raw).text, marker


def test_site_name_over_a_section_label_or_an_institution_name_over_the_headline() -> None:
    label = f"Portal de Notícias do Sul\nEconomia\n\nCaixa libera microcrédito para empreendedores\n\n{PROSE}"
    assert find_title(clean_page(label).text).text == "Caixa libera microcrédito para empreendedores"
    bare = (
        "Gobierno de Chile\nServicio de Cooperación Técnica\n\n"
        f"Sercotec y Corfo lanzan fondo para almacenes de barrio\n\nSantiago, 04-07-2022\n\n{PROSE}"
    )
    assert find_title(clean_page(bare).text).text == "Sercotec y Corfo lanzan fondo para almacenes de barrio"


def test_photo_courtesy_line_is_a_credit_not_an_actor() -> None:
    raw = f"Exporters get a new accelerator\n\nPhoto courtesy the Ministry of Trade and Industry\n\n{PROSE}"
    assert "Ministry of Trade and Industry" not in {a["name"] for a in extract_text(raw).actors}


@pytest.mark.parametrize(
    ("head", "headline"),
    [
        ("Inicio » Economía » Jalisco lanza programa de exportación para 300 mipymes",
         "Jalisco lanza programa de exportación para 300 mipymes"),
        ("Boletín de prensa N° 045-2021", "Produce y la OIT firman convenio de formalización"),
        ("Hace 3 días · Economía", "Cooperativas de mujeres reciben maquinaria"),
        ("GOVERNO DO ESTADO DO CEARÁ\nSecretaria do Desenvolvimento Econômico",
         "Ceará Credi amplia limite de crédito para microempreendedores"),
    ],
)
def test_furniture_above_the_headline(head: str, headline: str) -> None:
    assert find_title(clean_page(f"{head}\n\n{headline}\n\n{PROSE}").text).text == headline


def test_a_dateline_above_the_headline_still_places_the_story() -> None:
    raw = (
        "Boletín de prensa N° 045-2021\n\nLima, 17/05/21\n\n"
        f"El ministerio y la OIT firman convenio para formalizar trabajadores\n\n{PROSE}"
    )
    meta = extract_text(raw)
    assert meta.title == "El ministerio y la OIT firman convenio para formalizar trabajadores"
    assert meta.date == "2021-05-17"
    assert meta.countries == ["PE"]


def test_press_contacts_under_a_release_end_it() -> None:
    contacts = "Contacts:\nIn Washington: Media Relations"
    raw = f"Bank approves loan for rural cooperatives\n\n{PROSE}\n\n{contacts}\n"
    assert "Washington" not in clean_page(raw).text


def test_a_source_credited_beside_the_date_is_no_actor() -> None:
    raw = (
        "Small Business Bureau trains entrepreneurs\n\n"
        f"February 3, 2021 Source: Department of Public Information\n\n{PROSE}"
    )
    meta = extract_text(raw)
    assert meta.date == "2021-02-03"
    assert "Department of Public Information" not in {a["name"] for a in meta.actors}
