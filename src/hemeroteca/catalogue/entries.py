"""The archive's records as typed values, and the filters ``Project.records()`` takes.

A script that lists the articles about Peru, or the records still waiting for a
person, should not have to parse YAML or know the front matter's layout: each
record becomes an ``Entry`` with plain attributes, and the common questions
(which country, actor, topic, year, language, review state) are keyword filters,
in the spirit of sqlite-utils' ``rows_where``. Anything else is a ``where``
function over the entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hemeroteca.catalogue.authorities import Authorities
from hemeroteca.catalogue.record import Record


@dataclass(frozen=True)
class EntryActor:
    name: str
    type: str
    alias: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Entry:
    """One archived article, as its record says (values of the wrong type read as absent)."""

    id: str
    title: str
    date: str | None
    language: str
    countries: tuple[str, ...]
    actors: tuple[EntryActor, ...]
    tags: tuple[str, ...]
    review: str
    source_path: str | None
    url: str | None
    publisher: str | None
    body: str
    path: Path

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date and self.date[:4].isdigit() else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def entry(record: Record) -> Entry:
    meta = record.meta
    source = meta.get("source") if isinstance(meta.get("source"), dict) else {}
    actors = tuple(
        EntryActor(a["name"], str(a.get("type", "")), _text(a.get("alias")), _text(a.get("role")))
        for a in meta.get("actors") or []
        if isinstance(a, dict) and isinstance(a.get("name"), str)
    )
    return Entry(
        id=record.id,
        title=_text(meta.get("title")) or "",
        date=_text(meta.get("date")),
        language=_text(meta.get("language")) or "",
        countries=_texts(meta.get("countries")),
        actors=actors,
        tags=_texts(meta.get("tags")),
        review=record.review,
        source_path=_text(source.get("path")),
        url=_text(source.get("url")),
        publisher=_text(source.get("publisher")),
        body=record.body,
        path=record.path or Path(f"{record.id}.md"),
    )


def _one_of(value: Any) -> set:
    return set(value) if isinstance(value, list | tuple | set | frozenset) else {value}


def matching(
    entries: Iterable[Entry],
    authorities: Authorities,
    *,
    country: str | Iterable[str] | None = None,
    actor: str | Iterable[str] | None = None,
    tag: str | Iterable[str] | None = None,
    language: str | Iterable[str] | None = None,
    year: int | Iterable[int] | None = None,
    review: str | None = None,
    where: Callable[[Entry], bool] | None = None,
) -> Iterator[Entry]:
    """The entries that pass every filter given. A filter given a list passes any of its values.

    ``actor`` matches any form of the actor the authority file knows (``BID`` finds the
    records naming the Inter-American Development Bank in any language), or the name as
    written when the file does not know it.
    """
    countries = _one_of(country) if country is not None else None
    tags = _one_of(tag) if tag is not None else None
    languages = _one_of(language) if language is not None else None
    years = _one_of(year) if year is not None else None
    actors: set[str] | None = None
    if actor is not None:
        actors = set()
        for name in _one_of(actor):
            known = authorities.actor(name)
            actors.add((known.name if known else name).casefold())

    def canonical(name: str) -> str:
        known = authorities.actor(name)
        return (known.name if known else name).casefold()

    for item in entries:
        if countries is not None and not countries.intersection(item.countries):
            continue
        if tags is not None and not tags.intersection(item.tags):
            continue
        if languages is not None and item.language not in languages:
            continue
        if years is not None and item.year not in years:
            continue
        if review is not None and item.review != review:
            continue
        if actors is not None and not any(canonical(a.name) in actors for a in item.actors):
            continue
        if where is not None and not where(item):
            continue
        yield item
