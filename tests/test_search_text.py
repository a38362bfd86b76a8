"""How the search index reads words, names and frequencies (render/search_text.py, search_index.py)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from hemeroteca.render.model import build_model
from hemeroteca.render.search_index import TEXT_CHARS, build_index, names
from hemeroteca.render.search_postings import decode_bucketed, decode_postings
from hemeroteca.render.search_text import (
    NAMED,
    article_names,
    fold,
    name_key,
    portfolios,
    stopwords,
    terms,
    token_words,
    tokens,
    words,
)
from tests.render_samples import AUTHORITIES, record


def _shards(files: dict[str, str]) -> dict[str, dict]:
    shards: dict[str, dict] = {}
    for name, content in files.items():
        if "/t-" in name:
            shards.update(json.loads(content[content.index(",") + 1 : content.rindex(")")]))
    return shards


def test_folding_drops_accents_but_keeps_the_spanish_n_with_tilde() -> None:
    assert fold("Exportação AÑO Perú") == "exportacao año peru"
    assert fold("pequeñas") != fold("pequenas")  # Spanish and Portuguese words apart


def test_stop_words_are_neither_indexed_nor_part_of_a_name() -> None:
    assert {"y", "e", "de", "the", "and", "do", "la"} <= stopwords()
    assert name_key("Trinidad y Tobago") == name_key("Trinidad and Tobago") == "trinidad tobago"
    model = build_model([record(1, body="Las pequeñas y medianas empresas de la región.")], AUTHORITIES)
    shards = _shards(build_index(model)[0])
    assert "medianas" in shards or "median" in shards
    assert not {"y", "de", "la", "las"} & set(shards)


def _words_of_tokens(text: str) -> list[str]:
    return [word for token in tokens(text) for word in token_words(token)]


def test_cutting_bytes_into_pieces_finds_the_words_the_regular_expression_finds() -> None:
    text = (
        "«Cooperativas» del Perú—y DON’T_stop: 3,5 % año\u00a02019… İstanbul STRASSE Straße "
        "a\u0301cción ½ x²\tfin\r\nok ¿Qué? Ελλάδα ΣΟΦΙΑ ﬁn"
    )
    assert _words_of_tokens(text) == words(text)
    # ASCII letters lower-cased, other characters left to token_words, ASCII punctuation cuts
    assert tokens("ÁRBOL_x") == ["Árbol".encode(), b"x"]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_pieces_and_words_agree_on_any_text(text: str) -> None:
    assert _words_of_tokens(text) == words(text)


def test_a_hyphenated_function_word_is_left_out_whole_not_split_into_words() -> None:
    """A Portuguese weekday is no fair: "nesta quinta-feira" says nothing of feiras."""
    assert words("Nesta Quinta-feira, a feira; terca-feira e sextas-feiras") == ["nesta", "a", "feira", "e"]
    assert words("a feira-livre de quinta") == ["a", "feira", "livre", "de", "quinta"]
    body = "O banco anunciou nesta segunda-feira um programa. Na terça-feira, outro."
    model = build_model([record(1, body=body, language="pt")], AUTHORITIES)
    shards = _shards(build_index(model)[0])
    assert not {"feira", "feir", "segunda", "terca"} & set(shards)
    assert _words_of_tokens("Na quinta-feira, a FEIRA; TERÇA-FEIRA") == ["na", "a", "feira"]


def test_the_portfolio_of_a_ministrys_name_is_read_apart_from_the_text() -> None:
    """A ministry's name lists its portfolio: the story that names it is not about tourism."""
    def inside(text: str) -> str:
        return " ".join(portfolios(text)[1])

    assert inside("Bancóldex y el Ministerio de Comercio, Industria y Turismo lanzaron") == (
        "Comercio, Industria y Turismo")
    assert inside("Minister of Tourism, Industry and Commerce, Susan Rodrigues, said") == (
        "Tourism, Industry and Commerce")  # the list ends at its "and": the person is no portfolio
    assert inside("grants from the Tourism Ministry under the Project") == "Tourism"
    assert inside("o Ministério da Agricultura, Pecuária e Abastecimento (Mapa)") == (
        "Agricultura, Pecuária e Abastecimento")
    assert inside("El Ministerio de la Producción, Jorge Luis Prado, informó") == "Producción"
    # no capitalised name, no head word, or no "of" between a head and a person: nothing
    assert inside("el ministro de turismo dijo que el turismo crece") == ""
    assert inside("Minister Lindsey Grant said") == ""
    assert inside("the vice minister for MSMEs, Óscar Pérez") == ""  # an acronym is no portfolio word
    assert inside("La Agencia de Turismo y el Banco de Desarrollo") == ""
    outside = portfolios("El Ministerio de Turismo apoya el turismo rural.")[0]
    assert words(outside) == ["el", "ministerio", "de", "apoya", "el", "turismo", "rural"]


def test_a_word_said_only_in_a_ministrys_name_is_a_term_of_its_own() -> None:
    named = "El Ministerio de Comercio, Industria y Turismo abrió una línea de crédito para mipymes."
    said = "El turismo rural crece; el Ministerio de Agricultura lo apoya."
    model = build_model([record(1, body=named), record(2, body=said)], AUTHORITIES)
    shards = _shards(build_index(model)[0])
    stem = terms("es", "turismo")[1]
    assert sum(decode_bucketed(shards[stem]["p"]).values(), []) == [1]
    assert sum(decode_bucketed(shards[NAMED + stem]["p"]).values(), []) == [0]
    assert shards[NAMED + "turismo"]["s"] == [NAMED + stem]
    assert sum(decode_bucketed(shards[terms("es", "ministerio")[1]]["p"]).values(), []) == [0, 1]


def test_a_ministrys_name_the_text_mostly_says_elsewhere_is_about_its_story() -> None:
    """The vice-minister for micro, small and medium businesses, in a story about a fund for
    micro and small businesses: the name's words are the story's, "mediana" too."""
    subject = ("La viceministra de la Micro, Pequeña y Mediana Empresa presentó un fondo de garantías "
               "para micro y pequeñas empresas.")
    aside = "La viceministra de la Micro, Pequeña y Mediana Empresa visitó una feria de turismo."
    model = build_model([record(1, body=subject), record(2, body=aside)], AUTHORITIES)
    shards = _shards(build_index(model)[0])
    stem = terms("es", "mediana")[1]
    assert sum(decode_bucketed(shards[stem]["p"]).values(), []) == [0]
    assert sum(decode_bucketed(shards[NAMED + stem]["p"]).values(), []) == [1]


def test_a_stem_keeps_an_ending_that_makes_another_word() -> None:
    # Snowball cuts all of these to "cooper"; cooperatives are not cooperation.
    assert terms("es", "cooperativas")[1] == terms("es", "cooperativismo")[1] == terms("pt", "cooperativa")[1]
    assert terms("es", "cooperativas")[1] != terms("es", "cooperación")[1]
    assert terms("en", "cooperatives")[1] != terms("en", "cooperation")[1]
    assert terms("es", "competitividad")[1] == terms("es", "competitiva")[1] != terms("es", "competencia")[1]
    assert terms("es", "exportaciones")[1] == terms("es", "exportadora")[1]  # Snowball's merge stands
    # -ismo names a practice or a doctrine, not the people or things of its root word.
    assert terms("pt", "empreendedorismo")[1] != terms("pt", "empreendedores")[1]
    assert terms("es", "periodismo")[1] != terms("es", "periodo")[1]
    assert terms("pt", "empreendedorismo")[1] == terms("pt", "empreendedorismos")[1]
    assert terms("es", "turismo")[1] == terms("pt", "turismo")[1] == terms("es", "turismos")[1]


def test_names_of_countries_and_topics_in_three_languages_point_to_their_tag() -> None:
    topics = {"cooperatives": {"en": "Cooperatives", "es": "Cooperativas"}}
    table = names([("DO", "Dominican Republic"), ("BR", "Brazil")], topics)
    found = {(entry[0], entry[1], entry[2]) for entry in table}
    assert {("republica dominicana", "country", 0), ("dominican republic", "country", 0)} <= found
    assert {("brasil", "country", 1), ("brazil", "country", 1)} <= found
    assert {("cooperativas", "topic", 0), ("cooperatives", "topic", 0)} <= found


def test_an_actors_names_are_one_term_each_not_words_of_the_text() -> None:
    model = build_model([record(1, language="en", body="Small firms grew."),
                         record(2, language="en", body="Small firms grew.", title="SENA trains farmers")],
                        AUTHORITIES)
    terms_of_names, in_title = article_names(model.articles[1])
    assert terms_of_names == ["~national learning service", "~sena", "~servicio nacional aprendizaje"]
    assert in_title == [] and article_names(model.articles[0])[1] == terms_of_names  # the title names SENA
    shards = _shards(build_index(model)[0])
    assert decode_bucketed(shards["~sena"]["p"]) == {"en2021": [0, 1]}
    assert decode_postings(shards["~national learning service"]["t"]) == [1]
    assert "learning" not in shards  # "learning" is no word of the text


def test_a_word_an_article_uses_often_is_marked_for_ranking() -> None:
    filler = "Otras palabras de relleno. " * 20
    often = "La cooperativa vende café. " + "La cooperativa exporta. " * 3 + filler
    once = "La cooperativa vende café. " + "Otras palabras de relleno sin más. " * 20
    model = build_model([record(1, body=often), record(2, body=once)], AUTHORITIES)
    shards = _shards(build_index(model)[0])
    stem = terms("es", "cooperativa")[1]
    assert sum(decode_bucketed(shards[stem]["p"]).values(), []) == [0, 1]
    assert decode_postings(shards[stem]["o"]) == [0]


def test_a_title_the_record_doubts_as_a_headline_ranks_as_text_until_reviewed() -> None:
    from hemeroteca.doubts import Doubt, doubt_table
    from hemeroteca.render.search_text import title_trusted
    from hemeroteca.resources import load_data

    # every code named in data/search.yaml is a title doubt of data/doubts.yaml
    codes = load_data("search.yaml")["untrusted_titles"]
    assert all(doubt_table()[code]["field"] == "title" for code in codes)
    opening = "Tegucigalpa (EFE). El SENA aprobó una línea de crédito para mipymes."
    records = [record(n, title=opening if n < 4 else "Banco aprueba crédito", body=opening) for n in range(5)]
    records[0].meta["uncertain"] = [Doubt("no-headline").note(), Doubt("no-date-stated").note()]
    records[1].meta["uncertain"] = [Doubt("no-headline").note()]
    records[1].meta["review"] = "reviewed"  # a person kept the title
    # its doubt is about another line
    records[2].meta["uncertain"] = [Doubt("passed-over-headline", detail="Inicio").note()]
    records[3].meta["uncertain"] = ["title: checked by hand, free text"]
    model = build_model(records, AUTHORITIES)
    trusted = {a.id: title_trusted(a) for a in model.articles}
    assert [trusted[r.meta["id"]] for r in records] == [False, True, True, True, True]
    shards = _shards(build_index(model)[0])
    stem = terms("es", "tegucigalpa")[1]
    assert sum(decode_bucketed(shards[stem]["p"]).values(), []) == [0, 1, 2, 3, 4]  # a word of every text
    assert decode_postings(shards[stem]["t"]) == [1, 2, 3]  # but of no doubted title
    # nor do the actors it names rank as named in a headline
    by_id = {a.id: a for a in model.articles}
    assert [bool(article_names(by_id[r.meta["id"]])[1]) for r in records] == [False, True, True, True, False]


def test_the_search_page_knows_where_the_index_cuts_a_text() -> None:
    """search.js keeps a candidate whose text was cut (it may say the words together further
    on): it must cut where the index does."""
    script = (Path(__file__).resolve().parents[1] / "docs" / "assets" / "hemeroteca" / "search.js").read_text(
        encoding="utf-8")
    assert f"TEXT_CHARS = {TEXT_CHARS};" in script
