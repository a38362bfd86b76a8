"""Countries by salience: names, demonyms, cities and currencies in three languages; lists demoted."""

from __future__ import annotations

from pathlib import Path

import pytest

from hemeroteca.catalogue.authorities import load_authorities
from hemeroteca.catalogue.seedtext import extract_file
from hemeroteca.extract import extract_text
from hemeroteca.extract.countries import WEAK, _weights, close_main, country_doubts, find_countries

REPO = Path(__file__).resolve().parents[1]


def codes(title: str, body: str, institutions: tuple = (), people: tuple | list = ()) -> list[str]:
    return [c.code for c in find_countries(title, body, institutions, people)]


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (
            "Peruvian exporters get new credit line",
            "The loans will reach firms in Arequipa and Cusco.",
            ["PE"],
        ),
        (
            "Productores paraguayos reciben apoyo",
            "El programa llegará a Asunción y a Ciudad del Este.",
            ["PY"],
        ),
        ("Cooperativas brasileiras crescem", "O setor cresceu em Minas Gerais e no Ceará.", ["BR"]),
        ("Nuevo fondo", "La Agencia Uruguaya de Cooperación firmó el acuerdo en Montevideo.", ["UY"]),
        ("Acordo assinado", "A parceria foi formalizada em Maputo com empresas moçambicanas.", ["MZ"]),
        ("Nuevas líneas de apoyo", "Las cooperativas sanjuaninas recibirán aportes.", ["AR"]),
        ("Green loans", "The workshop was held at Anna Regina, Essequibo Coast, on Wednesday.", ["GY"]),
    ],
)
def test_names_demonyms_and_places(title: str, body: str, expected: list[str]) -> None:
    assert codes(title, body) == expected


def test_a_list_of_member_states_does_not_make_them_topics() -> None:
    body = (
        "Chile presented its new support plan for exporting firms in Santiago de Chile. "
        "The plan builds on Chilean experience.\n\n"
        "The meeting of the alliance, with Colombia, México y Perú, closed on Friday."
    )
    assert codes("Chile launches export support", body) == ["CL"]


def test_a_list_that_is_the_whole_story_is_kept() -> None:
    body = "The bank approved loans for Antigua and Barbuda, Dominica, Grenada and St. Lucia this week."
    assert sorted(codes("Loans for the Eastern Caribbean", body)) == ["AG", "DM", "GD", "LC"]


def test_countries_in_a_persons_title_are_weak() -> None:
    body = (
        "The meeting was held in the Dominican Republic on Monday, where ministers discussed small firms.\n\n"
        "Speakers included the Secretary of State of the United States, Jane Roe, and the ambassador of "
        "Canada, John Doe."
    )
    assert codes("Ministers meet on small firms", body) == ["DO"]


def test_currency_signs_point_to_their_country() -> None:
    assert codes("Loans reach record", "Loans reached RD$11,000 million this year.") == ["DO"]
    assert codes("Crédito recorde", "Os empréstimos somaram R$ 9 bilhões.") == ["BR"]
    assert codes("Global loans", "A loan of US$20 million was approved.") == []


def test_common_words_are_not_countries() -> None:
    # 'asunción' (taking office), 'Reunión' (meeting), 'china' lower case
    body = "Desde la asunción del presidente, la Reunión Ministerial trató la crisis."
    assert codes("Cambios en el gabinete", body) == []


def test_institutions_from_the_authority_file_add_their_country() -> None:
    assert codes("Small firms get training", "The agency trained 500 firms.", (("CO", "SENA"),)) == ["CO"]


def test_evidence_lists_the_surfaces_seen() -> None:
    hit = find_countries("Apoyo a pymes hondureñas", "En Tegucigalpa se firmó el convenio.")[0]
    assert hit.code == "HN" and set(hit.evidence) == {"hondureñas", "Tegucigalpa"}


def test_title_order_and_the_dateline_break_ties() -> None:
    body = "La Paz, (ABI).- El ministro y el embajador firmaron un acuerdo con empresarios de Buenos Aires."
    assert codes("Bolivia y Argentina firman acuerdo", body) == ["BO", "AR"]


def test_places_inside_peoples_names_are_not_countries() -> None:
    assert codes("Feira em Recife", "A diretora Joana Lima abriu a feira em Recife.", (), ["Joana Lima"]) == [
        "BR"
    ]


def test_countries_given_as_examples_are_weak() -> None:
    body = "Belize firms will be trained to export to markets such as Mexico and the United States."
    assert codes("Belize launches export academy", body) == ["BZ"]


def test_a_dateline_that_is_only_the_filing_place_counts_little() -> None:
    body = (
        "January 5, 2022\nWASHINGTON, D.C. – The development bank approved a loan of 100 million to improve "
        "access to credit for small firms in Paraguay, where the agency will channel the funds."
    )
    assert codes("Bank approves loan for Paraguayan firms", body) == ["PY"]


def test_a_reporter_surname_in_the_byline_is_no_country() -> None:
    body = (
        "Por Fernanda Lima, da Redação\n"
        "São Paulo, 02/07/2019 – A confederação da indústria avaliou nesta terça que o acordo comercial "
        "pode beneficiar milhares de pequenas indústrias brasileiras."
    )
    assert [c.code for c in find_countries("", body)] == ["BR"]


def test_a_country_inside_a_known_institution_name_counts_once_as_the_institution() -> None:
    body = (
        "Asunción, 12/09/2023. El instituto y la Agencia de Cooperación Internacional del Japón (JICA) "
        "iniciaron un programa de formación para 18 cooperativas del departamento."
    )
    institutions = [("JP", "Agencia de Cooperación Internacional del Japón")]
    assert codes("", body, tuple(institutions)) == ["PY", "JP"]


@pytest.mark.parametrize(
    "body",
    [
        "Exporters in Port of Spain will join trade missions to Jamaica and Canada next year, said the "
        "Trinidad and Tobago agency, which supports 40 manufacturers in Trinidad.",
        "Artisans in Guatemala City and Quetzaltenango want to reach buyers in the United States with the "
        "help of Guatemala's exporters association.",
    ],
)
def test_export_destinations_are_not_where_the_story_happens(body: str) -> None:
    assert len(codes("", body)) == 1


def test_regions_name_the_country_and_a_partner_institution_keeps_its_own() -> None:
    body = (
        "Cooperativas de producción del Guairá reciben capacitación. El instituto y la Agencia de "
        "Cooperación Internacional del Japón (JICA) iniciaron un programa para 18 cooperativas del Guairá, "
        "con visitas a plantas de Villarrica e Itapúa."
    )
    institutions = (("JP", "Agencia de Cooperación Internacional del Japón"),)
    assert codes("Cooperativas del Guairá reciben capacitación", body, institutions) == ["PY", "JP"]
    assert codes("", "Los caficultores de Antioquia y Risaralda renovarán sus cultivos.") == ["CO"]
    # regions that are also surnames or words are left out: "Luciana Caldas", "Banco Santander"
    assert codes("", "A diretora Luciana Caldas falou com o Banco Santander em Recife.") == ["BR"]


def test_a_trade_fairs_country_is_not_where_the_story_happens() -> None:
    body = (
        "Eleven small producers from Costa Rica's Northern Zone will exhibit at BioFach 2023 in "
        "Nuremberg, Germany, with the support of the Costa Rican export promoter.\n\n"
        "As cooperativas vão levar os produtos à feira Gulfood, em Dubai, em fevereiro."
    )
    assert codes("Costa Rican organic producers head to a fair", body) == ["CR"]


def test_a_local_fair_or_a_report_that_shows_keeps_its_country() -> None:
    body = (
        "El ministerio llevó a cabo una feria de emprendimientos en San Miguel, El Salvador, con "
        "emprendedores de Usulután.\n\nThe report shows Peru ahead of its neighbours."
    )
    assert codes("Feria de emprendimientos", body)[0] == "SV"
    assert codes("A report on small firms", "The report shows Peru ahead in small firms' exports.") == ["PE"]


def test_a_mission_is_a_visit_where_a_trade_mission_is_a_destination() -> None:
    visit = "Peruvian officials led a mission to Mozambique this week, said the agency in Lima."
    trade = "Peruvian exporters joined a trade mission to Mozambique this week, said the agency in Lima."
    assert "MZ" in codes("", visit)
    assert "MZ" not in codes("", trade)


@pytest.mark.parametrize(
    "body",
    [
        "Los productos exportados a Canadá crecieron un 20 % este año, informó la cooperativa de Valparaíso.",
        "As frutas vendidas para o Canadá somaram R$ 9 milhões, disse a cooperativa de Petrolina, no Brasil.",
    ],
)
def test_participles_of_export_verbs_point_to_a_destination(body: str) -> None:
    assert "CA" not in codes("", body)


def test_a_short_country_name_must_be_capitalised() -> None:
    assert codes("", "A cooperativa usa crédito rural em Minas Gerais.") == ["BR"]
    assert "US" in codes("", "The fund opened an office in the USA and in Mexico.")


def test_an_enumeration_in_the_lead_that_names_the_main_country_lists_the_story_countries() -> None:
    body = (
        "BRIDGETOWN, Barbados: The agency will set up business centres in Caribbean countries.\n\n"
        "Announcing the programme for Barbados, Belize, Jamaica, Dominica and St. Lucia, the director said "
        "small firms create most jobs in Barbados."
    )
    assert codes("Small business centres for Barbados", body) == ["BB", "BZ", "JM", "DM", "LC"]


def test_a_main_country_chosen_by_a_small_margin_is_doubted() -> None:
    close = find_countries("Brasil e Moçambique assinam acordo", "Foi assinado em Maputo pelo Brasil.")
    assert [(d.code, d.item) for d in close_main(close)] == [("close-main-country", close[0].code)]
    clear = find_countries("Chile launches export support", "Its exporters met in Santiago de Chile.")
    assert close_main(clear) == []


def test_a_main_country_named_by_no_more_cities_than_the_runner_up_is_doubted() -> None:
    # the visitors' country named by its people outscores the host, and neither is named by a city
    visit = find_countries(
        "Empresas brasileiras em missão a Angola",
        "Empresários brasileiros e a agência brasileira visitaram Angola. O Brasil quer vender mais.",
    )
    assert visit[0].code == "BR"
    assert {d.code for d in close_main(visit)} == {"close-main-country", "main-country-unplaced"}
    # the main country named by its own city: only the margin is close
    home = find_countries("Brasil e Portugal assinam acordo", "Foi assinado em Brasília, disse Portugal.")
    assert home[0].code == "BR"
    assert {d.code for d in close_main(home)} == {"close-main-country"}


def reasons(title: str, body: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for d in country_doubts(find_countries(title, body)):
        out.setdefault(d.item or "", set()).add(d.code)
    return out


def test_a_country_named_in_no_sentence_is_doubted() -> None:
    # a filing place on a line of its own, with the date: nothing in the story happens there
    body = (
        "Castries, Saint Lucia – 28th March 2022\n\n"
        "The agency opened a fund for small firms of the region, and producers signed up for its courses."
    )
    assert reasons("", body) == {"LC": {"country-not-in-prose"}}
    # named in a sentence of the body, or in the headline, it is not
    assert reasons("", body.replace("the region", "Saint Lucia")) == {}
    assert reasons("Saint Lucia opens a fund", body.split("\n\n")[1]) == {}


def test_a_country_only_inside_a_longer_name_is_doubted() -> None:
    body = (
        "The IDB approved a loan to Barbados, and the China Co-financing Fund for Latin America gave half. "
        "Barbados will lend to small firms across Barbados."
    )
    assert reasons("Barbados gets a loan", body).get("CN") == {"country-in-a-name"}
    # the main country named only in its own bodies' names is still the story's
    assert reasons("", "The Jamaica Business Development Corporation trained 40 firms in the capital.") == {}


def test_a_language_is_not_a_country() -> None:
    assert codes("", "Los cursos se dictan en lengua española y portuguesa en Chile.") == ["CL"]
    assert codes("", "Cursos em espanhol e materiais em português para cooperativas do Brasil.") == ["BR"]
    # the demonym of people or bodies still counts
    assert codes("", "El gobierno español apoyó a las pymes.") == ["ES"]


def test_a_city_the_lead_places_the_news_in_weighs_more() -> None:
    body = (
        "O acordo foi formalizado nesta segunda-feira, em Maputo, com a presença do ministro.\n\n"
        "O Brasil e Moçambique celebram 50 anos de relações, e o Brasil quer ampliar a cooperação."
    )
    assert codes("Brasil e Moçambique assinam acordo", body)[0] == "MZ"


def test_a_national_body_with_its_country_glued_in_names_the_country() -> None:
    # 'BanGuatemala', 'ProBolivia': one word, both parts capitalised; the only sign of the country
    body = "La sucursal de la provincia atendió a 90 artesanos."
    assert codes("BanGuatemala abre créditos para artesanos", body) == ["GT"]
    assert codes("Export agency opens office", "ProBolivia trained 40 firms this year.") == ["BO"]
    # lower case, or a word that merely ends in a name, is not one
    assert codes("Nuevo fondo", "El fondo probolivia y la banguatemala no son nombres propios.") == []
    assert codes("Nuevo fondo", "La Supercuba del barrio vende pan.") == []


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (
            "Honduras lanza fondo para mipymes",
            "Honduras lanzó un fondo de garantía. A diferencia de Chile, no tenía uno. Al igual que en Perú, "
            "cubre el 80%.",
            ["HN"],
        ),
        ("Jamaica launches SME fund", "Jamaica launched a fund. Unlike Barbados, it had none.", ["JM"]),
        ("Brasil cria fundo", "O Brasil criou um fundo. Ao contrário da Argentina, não tinha.", ["BR"]),
        ("Fondo para pymes", "Siguió el modelo de Colombia. Hoy en Guatemala atiende a 2,000 pymes.", ["GT"]),
        # 'al igual que' without a place joins partners, who stay
        ("Fondo regional", "Honduras, al igual que Guatemala, recibirá fondos para mipymes.", ["HN", "GT"]),
    ],
)
def test_a_country_brought_in_only_to_compare_weighs_little(title: str, body: str, expected: list) -> None:
    assert codes(title, body) == expected


def test_no_country_at_all_is_a_doubt_on_the_main_country() -> None:
    assert [(d.code, d.value) for d in country_doubts([])] == [("no-country", ("main country", None))]
    assert "no-country" not in {
        d.code for d in country_doubts(find_countries("Chile exporta", "En Santiago."))
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Las empresas españolas y los exportadores españoles firmaron.", ["ES"]),
        ("Há 150 milhões para que as empresas portuguesas procurem novos destinos.", ["PT"]),
        ("Os investidores espanhóis chegaram ontem.", ["ES"]),
        ("Three Jamaicans won the regional pitch competition.", ["JM"]),
        ("Las pymes costarricenses exportan más.", ["CR"]),
    ],
)
def test_demonyms_are_read_in_every_gender_and_number(body: str, expected: list[str]) -> None:
    assert codes("Apoio às PME", body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "O ministério, no Executivo de Luís Montenegro, lançou a linha para as empresas portuguesas.",
        "Según Javier España, director de la agencia, las pymes portuguesas crecen.",
        "The Portuguese government and Maria Luiza Brasil, an adviser, signed the plan in Lisbon.",
    ],
)
def test_a_country_after_a_given_name_is_a_surname(body: str) -> None:
    assert codes("Apoio às PME", body) == ["PT"]


def test_a_country_read_only_from_an_inflected_demonym_carries_the_demonym_reason(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Linha de apoio chega ao terreno\n\nHá 150 milhões de euros para que as empresas portuguesas "
        "procurem novos destinos para os seus produtos, anunciou o ministério.\n",
        encoding="utf-8",
    )
    metadata = extract_file(path)
    assert metadata.countries[:1] == ["PT"]
    assert any(d.code == "demonym-only" and d.item == "PT" for d in metadata.doubts)


@pytest.mark.parametrize(
    "body",
    [
        "The agency's director, a native Belizean, opened the exporters' forum in Bridgetown, Barbados.",
        "La directora, nacida en Belice, inauguró el foro de exportadores en Bridgetown, Barbados.",
        "A diretora, natural de Belize, abriu o fórum dos exportadores em Bridgetown, Barbados.",
    ],
)
def test_a_persons_origin_is_not_a_country_of_the_story(body: str) -> None:
    assert codes("Exporters' forum opens", body) == ["BB"]



def test_an_amount_in_soles_written_with_its_sign_points_to_peru() -> None:
    body = "El programa busca colocar S/ 2,000 millones en garantías; ya asignó S/1,594 millones."
    assert codes("Garantías para mypes", body) == ["PE"]


def test_of_two_close_countries_the_one_named_by_its_cities_is_the_main_one() -> None:
    # the visitors named by their people outscore the host, named by its capital: the host is the main one
    visit = find_countries(
        "Empresas brasileiras em missão a Portugal",
        "Empresários brasileiros e a agência brasileira visitaram Lisboa. O Brasil quer vender mais.",
    )
    assert [h.code for h in visit] == ["PT", "BR"]
    assert {d.code for d in close_main(visit)} == {"close-main-country"}
    # the donor outscores the three countries the lead lists; the one named by its capital is the main
    # one, and the enumeration that names it keeps its members
    title = "Pymes de El Salvador, Guatemala y Honduras venderán en línea"
    body = (
        "El programa, financiado por Taiwán, capacitará a 1.800 empresas. Taiwán aportará 3 millones. "
        "Una tienda de San Salvador vende ya a toda la región, dijo la directora."
    )
    assert codes(title, body) == ["SV", "TW", "GT", "HN"]
    # a runner-up named by a city but far behind stays behind
    body = (
        "O Brasil lançou hoje um novo fundo de garantia para as pequenas empresas brasileiras do campo."
        "\n\nO governo brasileiro e os bancos públicos assinaram o acordo que regula o fundo na cerimônia."
        "\n\nO fundo foi apresentado também numa feira de negócios em Lisboa, onde empresas portuguesas e o "
        "governo de Portugal mostraram interesse."
    )
    assert codes("Brasil lança fundo para pequenas empresas", body) == ["BR", "PT"]


@pytest.mark.parametrize(
    "body",
    [
        "Maputo recebe 40 milhões de dólares norte-americanos para as pequenas empresas moçambicanas.",
        "Las pymes mozambiqueñas de Maputo recibirán 40 millones de dólares estadounidenses.",
        "Small firms in Maputo will get 40 million U.S. dollars, the Mozambican minister said.",
    ],
)
def test_a_currency_named_for_a_country_is_not_a_country_of_the_story(body: str) -> None:
    assert codes("Fundo para pequenas empresas", body) == ["MZ"]
    # the country's people named without the money still count
    control = body.replace("dólares ", "empresas ").replace("dollars", "firms")
    assert "US" in codes("Fundo para pequenas empresas", control)


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (
            "Credit unions to serve farmers in Guatemala",
            "The council will draw on its experience in Peru to serve small farmers in Guatemala.",
            ["GT"],
        ),
        (
            "Pymes de Honduras venderán en línea",
            "El programa se apoya en la experiencia taiwanesa con pequeñas empresas de Honduras.",
            ["HN"],
        ),
        (
            "Cooperativas de Angola recebem apoio",
            "O projeto usa a experiência do Brasil para apoiar cooperativas angolanas em Luanda.",
            ["AO"],
        ),
    ],
)
def test_a_country_whose_experience_is_drawn_on_weighs_little(title: str, body: str, expected: list) -> None:
    assert codes(title, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("O fundo será gerido pelos sul-africanos Standard Bank e Absa Bank.", "ZA"),
        ("Los fondos llegan de la cooperación suiza y de inversores japoneses.", "CH"),
        ("The British and Dutch development banks signed the loan.", "GB"),
    ],
)
def test_partner_countries_are_named_by_their_people(body: str, expected: str) -> None:
    assert expected in codes("Fondo para pymes", body)


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("Nueva línea de crédito", "En rueda de prensa en la Moncloa, el presidente habló.", "ES"),
        ("Crédito para pequenas empresas", "O anúncio foi feito no Palácio do Planalto.", "BR"),
        ("El gobierno detalla los créditos", "El anuncio se hizo en La Moneda ante los gremios.", "CL"),
        ("League honours educators", "The AGM of the SVG Cooperative League met in Kingstown.", "VC"),
    ],
)
def test_a_seat_of_government_or_a_capital_names_its_country(title: str, body: str, expected: str) -> None:
    assert codes(title, body)[:1] == [expected]


def test_a_dateline_in_small_capitals_alone_on_its_line_names_its_country() -> None:
    lead = "El presidente anunció una nueva línea de créditos para pymes y autónomos afectados por la crisis."
    assert codes("", f"madrid\n{lead}") == ["ES"]
    # in a sentence, a place in lower case is a common word or a typo, not read
    assert codes("", f"{lead} Lo dijo en madrid.") == []


def test_a_donor_agency_of_the_authority_file_brings_its_country() -> None:
    text = (
        "Cooperativas reciben maquinaria\n\nCooperativas de Matagalpa, Nicaragua, recibieron equipos donados "
        "por la Cosude, que financia el proyecto en Managua y Jinotega con el gobierno de Nicaragua."
    )
    authorities = load_authorities(REPO / "archive" / "authorities")
    assert extract_text(text, authorities).countries == ["NI", "CH"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Medidas para mipymes\n\nEl ministro y el vicepresidente de Corfo detallaron los créditos.", "CL"),
        ("Nueva línea para pymes\n\nEl presidente anunció una nueva línea ICO de 20.000 millones.", "ES"),
        ("Microcréditos para emprendedores\n\nEl dinero se depositará en el Banco Nación.", "AR"),
        ("Convocatoria ampliada\n\nLa Sepyme aprobó 100 proyectos por 178 millones.", "AR"),
    ],
)
def test_a_national_body_of_the_authority_file_places_a_story_that_names_no_country(
    text: str, expected: str
) -> None:
    authorities = load_authorities(REPO / "archive" / "authorities")
    assert extract_text(text, authorities).countries[:1] == [expected]


def test_a_bodys_seat_after_its_acronym_weighs_little() -> None:
    body = (
        "El Banco de Desarrollo de El Salvador anunció créditos. Los fondos vienen del Banco "
        "Latinoamericano de Comercio Exterior (BLADEX) de Panamá y del Banco Mundial."
    )
    assert codes("Créditos para mipymes salvadoreñas", body) == ["SV"]
    # with an article before the seat's name too: "(DFC) de los Estados Unidos"
    with_article = body.replace("(BLADEX) de Panamá", "(DFC) de los Estados Unidos")
    assert codes("Créditos para mipymes salvadoreñas", with_article) == ["SV"]
    # the same country named plainly counts
    assert "PA" in codes("Créditos para mipymes salvadoreñas", body.replace("(BLADEX) de Panamá", "y Panamá"))


@pytest.mark.parametrize(
    "body",
    [
        "As cooperativas de Minas Gerais vão exportar queijo a compradores da Arábia Saudita e dos Emirados "
        "Árabes Unidos.",
        "Las cooperativas de Antioquia venderán café a compradores de Alemania y de los Países Bajos.",
    ],
)
def test_a_list_joined_with_articles_carries_its_first_members_weight(body: str) -> None:
    # the buyers' countries are destinations, the second one too, though an article follows the "e"/"y"
    assert codes("Cooperativas exportam", body) in (["BR"], ["CO"])


def test_a_headline_listing_the_leading_country_names_the_main_one_first() -> None:
    # two partners: the first named, though the second is named more often
    body = (
        "O acordo prevê crédito para empresas angolanas. Angola receberá técnicos e os empresários "
        "angolanos terão formação, disse o ministro."
    )
    assert codes("Brasil e Angola assinam acordo para pequenas empresas", body)[:1] == ["BR"]
    # ...unless the second is where it happens, named by its city: the place decides between two
    signed = body + " A parceria foi formalizada em Luanda."
    assert codes("Brasil e Angola assinam acordo para pequenas empresas", signed)[:1] == ["AO"]
    # a programme's three countries or more: the headline's order stands, whatever city is named
    title = "Agency backs 45 small exporters in Guyana, Suriname and Belize"
    text = "Exporters from Paramaribo met the Surinamese minister. Suriname hosts the next round."
    assert codes(title, text)[:1] == ["GY"]
    # with no headline, the lead's list
    lead = "The council will serve small farmers in Guatemala, Mexico and Kenya. Mexico's farmers joined."
    assert codes("", lead)[:1] == ["GT"]


def test_a_line_that_is_only_a_long_list_of_countries_is_a_member_list() -> None:
    """A regional body's page lists its members on a line of their own: no country of the story."""
    members = (
        "Anguilla, Barbados, Belize, Dominica, Grenada, Guyana, Jamaica, Saint Lucia, Antigua und Barbuda, "
        "Trinidad and Tobago"
    )
    body = (
        f"{members}\n\nThe regional development bank has asked for support to structure its private sector "
        "lending and for a study of trade finance in the region."
    )
    assert codes("Improving private sector lending in the region", body) == []
    labelled = f"Member countries: {members}\n\nThe bank met in Jamaica on Monday to discuss loans."
    assert codes("", labelled) == ["JM"]
    # four countries on their own line, or a list inside a sentence, are the story's
    assert sorted(codes("", "Barbados, Belize, Dominica and Grenada")) == ["BB", "BZ", "DM", "GD"]
    sentence = "The bank lent to firms in Barbados, Belize, Dominica, Grenada and Guyana this week."
    assert sorted(codes("", sentence)) == ["BB", "BZ", "DM", "GD", "GY"]


def test_an_enumeration_in_the_lead_sentence_is_kept_beside_a_lenders_country() -> None:
    body = (
        "La Corporación Financiera (DFC) de los Estados Unidos acordó una línea de crédito para las pequeñas "
        "empresas de Guatemala, El Salvador y Honduras. El préstamo será de 100 millones.\n\n"
        "La Agencia de los Estados Unidos para el Desarrollo Internacional se unirá al esfuerzo, con fondos "
        "que llegarán a las empresas que más los necesiten en la región, dijo el presidente del banco."
    )
    found = codes("", body)
    # the lender's country is named in the opening sentence only as its seat: the list's first is main
    assert found[0] == "GT" and sorted(found) == ["GT", "HN", "SV", "US"]
    # an enumeration further down stays a list of mentions in passing
    later = body.replace("de Guatemala, El Salvador y Honduras", "de la región") + (
        "\n\nEl banco ya opera en Guatemala, El Salvador y Honduras desde hace años con otros fondos propios."
    )
    assert codes("", later) == ["US"]


def test_a_filing_place_above_a_lead_sentence_listing_countries_is_not_the_main_one() -> None:
    body = (
        "Castries, Saint Lucia – 28th March 2022\n\nThe Commission and the European Union have launched a "
        "grant facility to help small agro-processors in Dominica, Grenada and Saint Vincent and the "
        "Grenadines upgrade their equipment and meet export standards.\n\nThe director general said the "
        "facility would prioritise businesses run by young people and women in Saint Lucia's neighbours."
    )
    assert codes("Commission launches grant facility for agro-processors", body)[0] == "DM"
    # a leader the opening sentence names in full stays: "Jamaica's bank lends to ... of three countries"
    named = body.replace("The Commission and the European Union have", "Saint Lucia and the Commission have")
    assert codes("Commission launches grant facility for agro-processors", named)[0] == "LC"


def test_of_two_close_countries_the_one_named_after_in_is_the_main_one() -> None:
    """The donor named by its name and its agencies, the host after "en": the host is the main one."""
    body = (
        "La cooperación entre España y Ecuador firmó un convenio de crédito para las pequeñas empresas.\n\n"
        "La Agencia Española de Cooperación invertirá en el desarrollo de Ecuador con un crédito que "
        "administrarán las cooperativas, dentro de los esfuerzos de España por el desarrollo sostenible.\n\n"
        "El crédito llegará a siete entidades financieras en Ecuador, dijo la directora del programa."
    )
    hits = find_countries("Crédito para las pymes", body)
    assert [h.code for h in hits] == ["EC", "ES"]
    assert "main-country-unplaced" not in {d.code for d in close_main(hits)}
    # without the "en Ecuador", the list's first leads
    plain = body.replace("entidades financieras en Ecuador", "entidades financieras del país")
    assert codes("Crédito para las pymes", plain)[0] == "ES"


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # demonyms and capitals of countries outside the Americas (data/countries_world.yaml)
        ("", "Loans will reach Filipino micro entrepreneurs in the poorest provinces.", ["PH"]),
        ("Minister asks bank for easier loans", "The minister met officials in Nairobi on Monday.", ["KE"]),
        ("", "NAIROBI, March 3 – Kenyan lenders will get a new guarantee from the treasury.", ["KE"]),
        ("Empresários angolanos", "A delegação reuniu-se com ministros nigerianos em Abuja.", ["NG", "AO"]),
        ("", "VALÈNCIA (EFE). El instituto ha activado nuevas líneas de crédito para las empresas.", ["ES"]),
    ],
)
def test_the_rest_of_the_world_is_named_by_its_people_and_capitals(
    title: str, body: str, expected: list[str]
) -> None:
    assert codes(title, body) == expected


def test_a_curated_alias_wins_over_the_world_list() -> None:
    """countries.yaml's own entries and its ambiguous words win: "Santa Cruz" stays no country, and a
    city the curated list gives to one country is not taken by another."""
    assert codes("", "The fair opened in Santa Cruz on Monday with local producers.") == []
    assert codes("", "El programa se presentó en Montevideo ante productores de todo el país.") == ["UY"]


def test_a_place_after_new_is_another_place() -> None:
    """"New Amsterdam" is a town in Guyana, "New South Wales" a state of Australia: not the Netherlands
    or Wales; a new place's own name ("New York", "Nueva Zelanda") is read whole."""
    body = "The New Amsterdam Chamber of Commerce will help the graduates of Berbice find suppliers."
    assert codes("", body) == ["GY"]
    assert codes("", "Farmers in New South Wales got relief from Australian lenders.") == ["AU"]
    assert set(codes("", "Investors from New York met the bank's officers in Amsterdam.")) == {"US", "NL"}
    assert codes("", "Acordo entre o Brasil e a Nova Zelândia foi assinado hoje em Brasília.")[0] == "BR"


def test_a_country_the_lead_places_the_news_in_is_kept_against_the_senders_many_mentions() -> None:
    """"a primeira etapa realizada na Nigéria": the lead's venue, named by its name after "na", counts as
    a city so named does; the sending country's bodies and people outweigh it otherwise."""
    body = (
        "O Brasil iniciou a sua missão empresarial com a primeira etapa realizada na Nigéria, com empresas "
        "brasileiras de vários setores.\n\nA Agência Brasileira de Promoção de Exportações levou empresas "
        "brasileiras, e o Brasil quer ampliar as vendas das empresas brasileiras e do agronegócio brasileiro."
    )
    title = "Missão empresarial brasileira na África"
    assert codes(title, body) == ["BR", "NG"]
    # partners "com a Nigéria" place nothing: a passing mention against the sender's, dropped
    assert codes(title, body.replace("na Nigéria", "com a Nigéria")) == ["BR"]


def test_a_credit_line_names_the_country_only_when_nothing_else_does() -> None:
    """A byline's surname may be a place ("Por Fernanda Lima"), so credits are not read; but a story no
    sentence places may name its country only as its source."""
    body = (
        "[Source: Fiji Government / Facebook]\n\nThe cooperative association shared updates on its efforts "
        "to grow during a meeting with the Deputy Prime Minister, who reaffirmed the government's support."
    )
    assert codes("", body) == ["FJ"]
    placed = body.replace("the government's support", "the support of Samoa's government")
    assert codes("", placed) == ["WS"]


def test_an_embassys_posting_and_a_market_in_apposition_are_weak() -> None:
    """'la Embajada Argentina en Brasil' names where the mission sits, as an ambassador's title does;
    'Brasil, el principal mercado para nuestras exportaciones' is where goods go."""
    lead = (
        "El secretario de la Pequeña y Mediana Empresa de la Argentina anunció una línea de créditos para "
        "pymes argentinas con el banco público, en un acto en la Embajada Argentina en Brasil."
    )
    assert codes("Nueva línea de créditos", lead) == ["AR"]
    # an act held in Brazil itself places the story there too
    elsewhere = lead.replace("la Embajada Argentina en", "la ciudad de Porto Alegre, en")
    assert set(codes("Nueva línea de créditos", elsewhere)) == {"AR", "BR"}
    weights = _weights("El foco está en Brasil, el principal mercado para nuestras exportaciones.").weights
    assert [(m.code, w) for m, w in weights] == [("BR", WEAK)]
    for plain in ("El foco está en Brasil, donde el banco abrió una oficina.", "Focus on China, its people."):
        assert [w for _, w in _weights(plain).weights] == [1.0]
    assert [w for _, w in _weights("Exports grew to China, its largest buyer.").weights] == [WEAK]
