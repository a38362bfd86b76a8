"""Publication dates: only where pages state them, at the precision stated, in three languages."""

from __future__ import annotations

import pytest

from hemeroteca.extract.dates import find_date, read_date
from hemeroteca.sources.clean import clean_text, is_credit
from hemeroteca.sources.title import find_title


def value(text: str, language: str | None = None) -> str | None:
    found = find_date(text, language)
    return found.value if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date line under the headline, in each language
        ("Ministers meet in Lima\n\nMarch 3, 2019\n\nThe ministers met to talk.", "2019-03-03"),
        ("Ministros se reúnen en Quito\n\n14 de agosto de 2018\n\nLos ministros se reunieron.", "2018-08-14"),
        ("Ministros se reúnem em Recife\n\n5 de novembro de 2016\n\nOs ministros se reuniram.", "2016-11-05"),
        # furniture beside the date
        ("A headline here\nPublished: Tue, 07/21/2015 - 10:30\nBody text.", "2015-07-21"),
        ("Um título qualquer\nPublicado 03/02/2017 18:01\nTexto.", "2017-02-03"),
        ("Titular de la nota\nARTÍCULOAgosto 09, 2022\nCuerpo.", "2022-08-09"),
        # year first with slashes or dots, a month name between hyphens or dots, 'mayo 12 de 2021'
        ("Titular de la nota\n2019/11/08\n\nCuerpo.", "2019-11-08"),
        ("Um título qualquer\n2019.11.08 10:42\n\nTexto.", "2019-11-08"),
        ("A headline here\nPosted 08-Nov-2019\n\nBody.", "2019-11-08"),
        ("Um título qualquer\n08.mai.2019\n\nTexto.", "2019-05-08"),
        ("Titular de la nota\nRedacción | noviembre 8 de 2019\n\nCuerpo.", "2019-11-08"),
        # a kicker in capitals glued to the day: the full date, not only its month
        ("Saltar al contenido\nCRÓNICA4 de marzo de 2021\n\nTitular de la nota\n\nCuerpo.", "2021-03-04"),
        ("Skip to content\nFEATURE12 May 2020\n\nA headline here\n\nBody.", "2020-05-12"),
        ("Some headline\n| June 2, 2020 | News\nBody.", "2020-06-02"),
        ("Otro titular\n(13.05.2023).- La ministra habló ayer con la prensa local.", "2023-05-13"),
        # a dateline opening the first paragraph
        (
            "Montevideo, 2 de mayo de 2022 (Agencia Sur). – El ministro anunció un plan de apoyo.",
            "2022-05-02",
        ),
        ("11 March 2014, Geneva - The agency said today that its new fund is open.", "2014-03-11"),
        # a month heading a newsletter keeps month precision
        ("Small Business Newsletter\n\nMarch 2018:\nNews | Events\n\nItem one.", "2018-03"),
        # an abbreviated month with a full stop
        ("12 feb. 2024\n\nEl titular de hoy\n\nTexto de la nota.", "2024-02-12"),
    ],
)
def test_publication_dates_in_three_languages(text: str, expected: str) -> None:
    assert value(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no date at all
        "A headline\n\nThe minister spoke about exports and small firms.",
        # an event date inside a sentence is not the publication date
        "Ministros firman acuerdo\n\nEl acuerdo se firmó el 15 de septiembre de 2015 en la sede.",
        "Feria de pymes\n\nLa feria abrirá en noviembre 8 de 2019 en la plaza central, dijo el alcalde.",
        # a deadline
        "Convocatoria abierta\n\nLas empresas pueden postular hasta el 30 de junio de 2021 en la web.",
        # a month named in passing
        "Credit grows\n\nFrom November 2023 to date, loans reached 11 million in the province.",
        # a copyright line
        "Título\n\nTexto del artículo sin fecha.\n\n© 2020 Diario Ejemplo. Todos los derechos reservados.",
        # a date without a year
        "Cuiabá (3/6) – O governo e as cooperativas assinaram um acordo de cooperação técnica.",
    ],
)
def test_no_publication_date_means_none(text: str) -> None:
    assert value(text) is None


def test_dates_of_related_articles_further_down_are_ignored() -> None:
    prose = "The bank approved a loan to support small firms in the region, the minister said on Monday. " * 3
    text = f"Bank supports small firms\n\n{prose}\n\n{prose}\n\nMore stories\n\nJanuary 4, 2019\nOther story"
    assert value(text) is None


def test_a_creation_date_wins_over_an_update_date() -> None:
    text = "Título de la nota\nActualizado\n• 05/03/2024 00:00\nCreado\n• 04/03/2024 18:15\nCuerpo del texto."
    assert value(text) == "2024-03-04"


def test_an_update_date_is_used_when_it_is_the_only_one() -> None:
    assert value("Some title\nUpdated: 2 May 2022\nBody.") == "2022-05-02"


def test_ambiguous_numeric_dates_follow_the_text_then_the_language() -> None:
    assert value("Headline\n09/08/2020\nBody.", "en") == "2020-09-08"
    assert value("Titular\n09/08/2020\nCuerpo.", "es") == "2020-08-09"
    assert value("Headline\n09/08/2020\nBody. Also 25/12/2019 was mentioned.", "en") == "2020-08-09"


def test_impossible_dates_are_refused() -> None:
    assert value("Title\n31/02/2021\nBody.") is None


def test_evidence_names_the_rule_and_the_span() -> None:
    found = find_date("Título\n\n28 de septiembre de 2015\n\nTexto.")
    assert (
        found is not None and "date line" in found.evidence and "28 de septiembre de 2015" in found.evidence
    )


def test_a_date_between_bars_is_a_date_line_not_a_menu() -> None:
    text = clean_text(
        "Jamaica signs loan\nPublished: Thursday | June 10, 2021 | 12:05 AM\nThe loan was signed."
    )
    assert value(text) == "2021-06-10"


def test_a_wire_sign_off_at_the_end_dates_the_story() -> None:
    prose = "The bank approved a loan for small firms, the institution said in a statement on Monday. " * 4
    text = f"{prose}\n\n{prose}\n\nKINGSTON, Mar 3, CMC –\nCMC/2024"
    assert value(text) == "2024-03-03"
    assert value(f"{prose}\n\nKINGSTON, Mar 3, CMC –") is None  # no year stated


def test_the_date_nearest_the_headline_wins_over_a_list_of_other_stories() -> None:
    text = (
        "Latest\nFarm prices fall\n02/01/2020\nPort reopens\n03/01/2020\n"
        "Exporters win new markets\n15/01/2020\nThe ministry said exporters reached new markets."
    )
    assert value(text) == "2020-01-02"
    found = find_date(text, "es", "Exporters win new markets")
    assert found is not None and found.value == "2020-01-15"


def test_a_list_of_other_posts_above_the_headline_dates_none_of_it() -> None:
    """Each date of a 'recent posts' list sits under its own post's title; when the article states no
    date of its own, none of theirs is taken (the nearest would be an invented date)."""
    head = (
        "Grants and Incentives\nSeptember 6, 2023\nMinister Opens the National Craft Fair\n"
        "September 22, 2023\nShow all\n\nMinistry distributes grants to 25 small firms\n\n"
    )
    body = "The Minister presented grants to 25 small firms at a ceremony hosted by the Ministry on Friday."
    found, doubts = read_date(head + body, "en", "Ministry distributes grants to 25 small firms")
    assert found is None and [d.code for d in doubts] == ["date-not-taken"]
    # the article's own date line under its headline is still read
    dated = head.replace("firms\n\n", "firms\n\nOctober 2, 2023\n\n") + body
    found, _ = read_date(dated, "en", "Ministry distributes grants to 25 small firms")
    assert found is not None and found.value == "2023-10-02"
    # one post's title and date above the headline is no list: that date line is still read
    single = "Section news\nSeptember 22, 2023\n\nMinistry distributes grants to 25 small firms\n\n" + body
    found, _ = read_date(single, "en", "Ministry distributes grants to 25 small firms")
    assert found is not None and found.value == "2023-09-22"


def test_update_and_publication_dates_on_one_line() -> None:
    assert value("Title\nUpdated Jan 6, 2021 | Published Jan 5, 2021\nBody text.") == "2021-01-05"
    assert value("Title\nPublished 3:45 PM EST Jan 5, 2021 | Updated Jan 6, 2021\nBody.") == "2021-01-05"


def test_bracketed_date_after_a_place_is_a_dateline() -> None:
    prose = (
        "GEORGETOWN, Guyana – (June 9, 2023) IDB Invest and a local bank on Friday signed a loan to expand "
        "credit to small and medium-sized enterprises, with a third earmarked for women-owned businesses."
    )
    assert find_date(prose, "en").value == "2023-06-09"
    # a bracketed date deep in a sentence is an event, not the publication date
    late = (
        "The bank and the ministry of trade said on Friday that the loan signed last month "
        "(June 9, 2023) would reach small firms in the interior of the country before the end of the year."
    )
    assert find_date(late, "en") is None


def test_a_published_line_under_the_story_gives_the_date() -> None:
    prose = (
        "Hundreds of micro-enterprises in the Western Highlands will receive technical assistance and "
        "access to credit under a new partnership between the exporters association and a rural bank."
    )
    story = f"{prose}\n\n{prose}\n\n{prose}"
    assert value(f"{story}\n\nPosted March 2, 2021 in Business", "en") == "2021-03-02"
    # an event or a deadline announced at the end is not a publication date
    assert value(f"{story}\n\nEl 12 de mayo de 2024 se realizará la feria.", "es") is None
    assert value(f"{story}\n\nInscrições até 30 de setembro de 2020.", "pt") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Un titular\n\nLima, 17/05/21\n\nEl ministerio y la OIT firmaron un convenio.", "2021-05-17"),
        # a two-digit year inside a sentence is never taken
        ("Un titular\n\nEl decreto 17/05/21 fue publicado en el diario oficial con cambios menores.", None),
        (
            "Medellín, 9 de febrero de 2022. La Federación y el banco entregaron créditos a cuatro "
            "cooperativas de caficultores del suroeste para renovar cultivos.",
            "2022-02-09",
        ),
        (
            "The ministry said that the rules approved on 9 February 2022. Small firms will have to "
            "register again before the end of the year, it added in a statement on its website.",
            None,
        ),
    ],
)
def test_two_digit_years_on_date_lines_and_datelines_closed_by_a_stop(
    text: str, expected: str | None
) -> None:
    assert value(text, "es") == expected


def test_dateline_with_the_agency_before_the_stop() -> None:
    text = (
        "San José, 5 de octubre de 2020 (AMPRENSA). El Ministerio de Economía y el banco anunciaron una "
        "línea de crédito para pequeñas y medianas empresas de la zona norte del país."
    )
    assert value(text, "es") == "2020-10-05"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day with a stop before an abbreviated month
        ("Banks back small firms\n3. Mar 2021\nThe ministers met to talk.", "2021-03-03"),
        # a date split over two or three short lines
        ("Banks back small firms\nMar 3\n2021\nThe ministers met to talk.", "2021-03-03"),
        ("Banks back small firms\n03\nMAR\n2021\nThe ministers met to talk.", "2021-03-03"),
        # day-month-two-digit-year with dashes, on a date line
        ("Bancos apoyan a las pymes\n17-05-21\nLos ministros se reunieron.", "2021-05-17"),
        # a year glued to a reading time
        (
            "Bancos apoyan a las pymes\n3 de marzo de 20214 min. de lectura\nLos ministros hablaron.",
            "2021-03-03",
        ),
        # a full date wins over a month-archive label
        (
            "Archives / May 2019\nBanks back small firms\nMay 14, 2019\nThe ministers met to talk.",
            "2019-05-14",
        ),
    ],
)
def test_date_forms_of_real_pages(text: str, expected: str) -> None:
    assert value(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an event's range, reached through a weak marker
        "Feria de pymes en Lima\nLa feria será entre el 4 y el 7 de mayo de 2019 en Lima.\nTexto.",
        "Feria de pymes en Lima\nDel 4 al 7 de mayo de 2019\nTexto de la nota.",
        # a deadline or a start on a line of its own
        "Convocatoria abierta\nHasta el 30 de junio de 2021\nTexto de la nota.",
        "Convocatoria abierta\nA partir del 3 de marzo de 2021\nTexto de la nota.",
        # the site's clock and a month-archive label
        "Hoje é Domingo, 08 de Fevereiro de 2026\nCooperativas ampliam crédito rural\nTexto da notícia.",
        "Monthly archives: May 2019\nBanks back small firms\nThe ministers met to talk.",
    ],
)
def test_dates_that_are_not_the_publication_date(text: str) -> None:
    assert value(text) is None


def test_a_clock_or_an_event_date_line_is_not_taken_for_the_headline() -> None:
    for furniture in ("Hoje é Domingo, 08 de Fevereiro de 2026", "Hasta el 30 de junio de 2021"):
        raw = f"{furniture}\nCooperativas ampliam crédito rural no norte\nTexto da notícia."
        assert find_title(clean_text(raw)).text == "Cooperativas ampliam crédito rural no norte"


def test_a_date_line_above_the_sites_name_is_the_sites_clock() -> None:
    head = "Domingo, 08 de Fevereiro de 2026 14:32\nJornal do Vale\nInício | Notícias | Economia | Contato\n"
    raw = f"{head}Cooperativas ampliam crédito rural no norte\nTexto da notícia sem data."
    assert value(clean_text(raw)) is None
    # under the site's name it is the edition's date, and stays
    head = "Jornal do Vale\nSexta-feira, 27 de novembro de 2026\nInício | Notícias | Economia | Contato\n"
    assert value(clean_text(f"{head}Cooperativas ampliam crédito rural no norte\nTexto.")) == "2026-11-27"


def test_a_guessed_day_month_order_is_a_doubt() -> None:
    _, doubts = read_date("Banks back small firms\n03/04/2021\nThe ministers met to talk.", "en")
    assert [d.code for d in doubts] == ["day-month-order"]
    # Spanish and Portuguese write the day first; a day over 12 elsewhere settles the order
    assert read_date("Bancos apoyan a las pymes\n03/04/2021\nTexto.", "es")[1] == []
    prose = "The ministers met to talk about the loans approved on 25/03/2021 for firms in the north."
    assert read_date(f"Banks back small firms\n03/04/2021\n{prose}", "en")[1] == []


def test_a_date_beside_the_sites_weather_box_is_its_clock() -> None:
    body = "La secretaría informó que los fondos para pymes crecieron en todo el país durante el año pasado."
    headline = "Fondos para pymes crecen en el país"
    for weather in ("El Tiempo", "El Tiempo 24°C", "Clima: 18 °C"):
        found, doubts = read_date(f"viernes. 19.04.2024\n{weather}\n\n{headline}\n\n{body}", "es", headline)
        assert found is None and [d.code for d in doubts] == ["date-not-taken"]
    # without the weather box the date line above the headline is read
    found, _ = read_date(f"viernes. 19.04.2024\n\n{headline}\n\n{body}", "es", headline)
    assert found is not None and found.value == "2024-04-19"


def test_a_byline_between_the_headline_and_its_date_does_not_push_the_date_away() -> None:
    """'Headline' / 'BY Insider Desk' / date is a title-and-date block: the site's clock on the line
    above the headline is no nearer to it."""
    body = "The Asian Development Bank is set to extend a loan to improve access to finance for small firms."
    headline = "Bank to lend $100m to small firms"
    for byline in ("BY Insider Desk", "By Ana Ruiz"):
        text = f"Thursday, November 20, 2025\n{headline}\n{byline}\nJuly 23, 2025\n\n{body}"
        found, doubts = read_date(text, "en", headline)
        assert found is not None and found.value == "2025-07-23"
        assert [d.code for d in doubts] == ["competing-dates"]
    # without a byline between them, the date above is as near as the one two lines below: the nearer wins
    text = f"Thursday, November 20, 2025\n{headline}\nSponsored content here\nJuly 23, 2025\n\n{body}"
    found, _ = read_date(text, "en", headline)
    assert found is not None and found.value == "2025-11-20"


def test_a_byline_in_capitals_opens_its_line_only() -> None:
    assert is_credit("BY Insider Desk") and is_credit("POR Redacción Central")
    assert not is_credit("BUSINESSES OWNED BY WOMEN GROW")
