"""The whole extraction of one text: the stable JSON interface and the evidence behind it."""

from __future__ import annotations

from hemeroteca.extract import extract_text

ARTICLE = (
    "Menu\nCompartir\n"
    "Perú y el BID lanzan fondo para mipymes exportadoras\n"
    "12 de abril de 2022\n"
    "Lima, (Agencia).- El Ministerio de la Producción (Produce) y el Banco Interamericano de "
    "Desarrollo (BID) lanzaron un fondo de 100 millones de soles para mipymes de Piura y Arequipa.\n"
    "El ministro de la Producción, Jorge Prado, dijo que el fondo apoyará a 2.000 empresas exportadoras. "
    "Según datos del Instituto Nacional de Estadística (INEI), las mipymes exportan poco.\n"
    "Noticias relacionadas\nChile y Perú firman acuerdo - 3 de enero de 2020\n"
)


def test_json_keys_and_values() -> None:
    meta = extract_text(ARTICLE)
    out = meta.as_json("a.txt")
    assert list(out) == ["file", "title", "date", "language", "countries", "actors", "tags"]
    assert out["title"] == "Perú y el BID lanzan fondo para mipymes exportadoras"
    assert out["date"] == "2022-04-12"
    assert out["language"] == "es"
    assert out["countries"] == ["PE"]
    assert {a["name"] for a in out["actors"]} == {
        "Ministerio de la Producción",
        "Banco Interamericano de Desarrollo",
        "Jorge Prado",
    }


def test_every_field_explains_itself() -> None:
    evidence = extract_text(ARTICLE).evidence
    assert set(evidence) >= {"title", "date", "language", "countries", "actors", "tags"}
    assert "12 de abril de 2022" in evidence["date"]


def test_an_opening_sentence_proposed_as_title_stays_in_the_body() -> None:
    text = (
        "La ministra de Economía, Ana Paz, y el presidente del Banco del Sur, Luis Gil, firmaron hoy en "
        "Asunción un convenio de crédito para pequeñas empresas de todo el país.\n"
        "El convenio entra en vigor en junio."
    )
    meta = extract_text(text)
    assert [d.code for d in meta.doubts if d.field == "title"] == ["no-headline"]
    assert {a["name"] for a in meta.actors} == {"Ana Paz", "Banco del Sur", "Luis Gil"}
    assert meta.countries == ["PY"]
