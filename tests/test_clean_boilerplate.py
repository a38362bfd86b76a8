"""Page furniture out, in three languages, before anything else reads the text."""

from __future__ import annotations

from hemeroteca.sources.clean import clean_text, is_credit, is_navigation

PROSE = (
    "El ministerio anunció un nuevo programa de crédito para las pequeñas empresas del sector "
    "agrícola, con recursos del banco de desarrollo y el apoyo de las cooperativas locales de la región."
)


def test_menus_share_buttons_cookies_and_logins_go() -> None:
    raw = "\n".join(
        [
            "Saltar al contenido",
            "Inicio > Economía > Pymes",
            "Compartir | Facebook | Twitter",
            "Usamos cookies para mejorar su experiencia. Aceptar",
            "Usuário:",
            "Senha:",
            "a+",
            "Crédito para el campo",
            PROSE,
        ]
    )
    assert clean_text(raw) == f"Crédito para el campo\n{PROSE}"


def test_photo_credits_go_with_their_caption() -> None:
    raw = f"Título\nEl ministro en la feria. | Foto: Juan Pérez\nPhoto by: Jane Roe\n{PROSE}"
    assert clean_text(raw) == f"Título\n{PROSE}"


def test_related_content_ends_the_article_only_after_its_prose() -> None:
    raw = f"Leia também\nTítulo da notícia\n{PROSE}\nNotícias relacionadas\nOutra notícia de 2019"
    assert clean_text(raw) == f"Leia também\nTítulo da notícia\n{PROSE}"


def test_comment_boxes_and_newsletter_boxes_end_the_article() -> None:
    assert clean_text(f"Title\n{PROSE}\nLeave a Reply\nName") == f"Title\n{PROSE}"
    assert clean_text(f"Title\n{PROSE}\nNewsletter Weekly\nEnter your email") == f"Title\n{PROSE}"


def test_teasers_of_other_stories_go_with_their_headlines() -> None:
    raw = f"Outra manchete\nResumo de outra notícia... Leia mais.\nManchete certa\n{PROSE}"
    assert clean_text(raw) == f"Manchete certa\n{PROSE}"


def test_bylines_and_wire_sign_offs_are_credits() -> None:
    assert is_credit("Por Thiago Souza, especial para o jornal")
    assert is_credit("By: , March 3, 2021")
    assert is_credit("Maria Lopez By Maria Lopez | Reporter - Wed, 11/20/2024 - 13:54")
    assert is_credit("KINGSTON, Mar 2, CMC –")
    assert not is_credit("Por otro lado, el banco amplió su cartera.")


def test_an_icons_alt_text_in_front_of_a_heading_is_dropped() -> None:
    text = clean_text("arrow January 2020:\n\nArrow Electronics opened a plant.\n\narrow keys move the map.")
    assert text.split("\n") == [
        "January 2020:",
        "",
        "Arrow Electronics opened a plant.",  # a name, capitalised
        "",
        "arrow keys move the map.",  # lower case goes on: a sentence
    ]


def test_a_two_item_menu_of_menu_words_is_navigation() -> None:
    assert is_navigation("News | Publications")
    assert not is_navigation("Peru | Chile")  # not menu words: could be a heading


def test_menus_with_dots_or_slashes_weather_follow_and_trending_lines_go() -> None:
    raw = "\n".join(
        [
            "Portada · Economía · Negocios · Mipymes · Opinión",
            "News / Business / Trade",
            "☀ São Paulo 24°C",
            "Follow us: Facebook  X  Instagram",
            "Trending: Fuel prices | Ports | Remittances",
            "",
            PROSE,
        ]
    )
    assert clean_text(raw) == PROSE


def test_a_link_to_another_story_inside_the_text_goes() -> None:
    for link in ("LEA: BCIE aprueba préstamo para un puente", "- Le puede interesar: Gobierno apoya al BID"):
        assert clean_text("\n".join([PROSE, link, PROSE])) == f"{PROSE}\n{PROSE}"


def test_a_menu_one_entry_per_line_goes_with_its_unlisted_entries_and_leaves_the_masthead() -> None:
    from hemeroteca.sources.clean import clean_page

    menu = ["Home", "News", "Business", "Agriculture", "Opinion", "Events", "Jobs", "About us"]
    page = clean_page("\n".join(["Haiti Economic Review", *menu, "", "Fonkoze opens a branch", "", PROSE]))
    assert page.text.split("\n") == ["Fonkoze opens a branch", "", PROSE]
    assert page.mastheads == ("Haiti Economic Review",)
    # Short capitalised lines that are not a menu stay.
    names = "\n".join(["Lima", "Cusco", "Arequipa", "Trujillo", "", PROSE])
    assert clean_text(names).startswith("Lima\nCusco")


def test_a_masthead_above_the_editions_date_line_is_the_masthead() -> None:
    from hemeroteca.sources.clean import clean_page

    top = ["Jornal do Comércio do Sertão", "Sexta-feira, 27 de novembro de 2026", "Economia | Agro | Cidades"]
    page = clean_page("\n".join([*top, "", PROSE]))
    assert page.mastheads == ("Jornal do Comércio do Sertão",)
    assert page.text.startswith("Sexta-feira, 27 de novembro de 2026")


def test_the_lines_above_a_search_box_are_the_sites_header() -> None:
    """A site's name, its slogan and its clock above the search box: no headline, no date of the story."""
    from hemeroteca.extract import extract_text
    from hemeroteca.sources.clean import clean_page

    top = ["Quinta-feira, 7 de Agosto, 2025", "A notícia com rigor, todos os dias", "Pesquisar"]
    headline = "Governo procura plataforma para financiar micro-empreendedores"
    prose = (
        "O Governo está à procura de uma melhor plataforma para fazer chegar os recursos da linha de "
        "microcrédito aos empreendedores de todo o país, informou hoje o secretário de Estado."
    )
    page = clean_page("\n".join([*top, headline, prose]))
    assert page.text.split("\n") == [headline, prose]
    assert page.mastheads == ("A notícia com rigor, todos os dias",)
    found = extract_text("\n".join([*top, headline, prose]))
    assert found.title == headline and found.date is None
    # a site's name over "search" is kept as its masthead
    assert clean_page(f"CBR\nsearch\n{headline}\n{prose}").mastheads == ("CBR",)
    # a long run of lines over a search label is not a header: nothing is taken
    many = ["Uma linha", "Outra linha", "Mais uma", "E outra", "A quinta"]
    assert clean_page("\n".join([*many, "Pesquisar", prose])).text.split("\n") == [*many, prose]


def test_a_one_word_name_after_by_is_a_credit_only_on_a_short_line() -> None:
    assert is_credit("Written by Administrator")
    assert is_credit("Posted on 17/05/2024 by Admin")
    assert is_credit("Photo by Ayanna Kinsale")
    assert not is_credit("Bank to lend $20m to 2k small businesses, including 20% owned by Women")


def test_a_read_also_link_inside_the_text_goes_alone_and_a_read_also_list_ends_it() -> None:
    later = "El ministerio y la agencia de promoción lanzaron un programa para que las pymes exporten más."
    raw = f"{PROSE}\nLea también: Exportaciones cayeron 5,7% el año pasado\n{later}"
    assert clean_text(raw).split("\n") == [PROSE, later]
    for marker in ("Lea también:", "Leia também", "Veja também:"):
        assert clean_text(f"{PROSE}\n{marker}\nOutra notícia\n{later}") == PROSE
