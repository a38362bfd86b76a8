"""Page furniture out, in three languages, before anything else reads the text."""

from __future__ import annotations

from hemeroteca.sources.clean import clean_text, is_credit

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
