"""Records for the render tests, made up here (never taken from seeds or the dev set)."""

from __future__ import annotations

from hemeroteca.catalogue.authorities import Actor, Authorities, Topic
from hemeroteca.catalogue.record import Record

AUTHORITIES = Authorities(
    actors=(
        Actor("Servicio Nacional de Aprendizaje", "organization", ("SENA", "National Learning Service")),
    ),
    topics=(Topic("cooperatives", {"en": "Cooperatives", "es": "Cooperativas"}, {}),),
)
COUNTRIES = ("PE", "BR", "MX", "CO", "AR")
BODIES = {
    "es": "Las cooperativas de ahorro y crédito crecieron en la región.\n\n"
    "La cooperativa agrícola exporta café.",
    "en": "Small businesses exported more goods this year.\n\nThe cooperative movement grew.",
    "pt": "As cooperativas brasileiras ampliaram o crédito.\n\nO Sebrae apoiou pequenas empresas.",
}


def record(number: int, *, language: str = "es", date: str | None = "2021-03-04", body: str | None = None,
           title: str | None = None, countries: tuple[str, ...] | None = None) -> Record:
    meta = {
        "id": f"{number:04d}_sample",
        "title": title or f"Sample article {number}",
        "date": date,
        "language": language,
        "countries": list(countries if countries is not None else (COUNTRIES[number % len(COUNTRIES)],)),
        "actors": [{"name": "SENA", "type": "organization"}],
        "tags": ["cooperatives"],
        "source": {"path": f"seeds/{number:04d}.txt", "sha256": "ab" * 32},
        "review": "auto",
    }
    return Record(meta=meta, body=body if body is not None else BODIES[language])


def records(count: int) -> list[Record]:
    languages = ("es", "en", "pt")
    precisions = ("2019-05-17", "2020-11", "2018", None)
    out = []
    for n in range(count):
        date = precisions[n % 4]
        if date:
            date = str(2010 + n % 12) + date[4:]
        out.append(record(n, language=languages[n % 3], date=date))
    return out
