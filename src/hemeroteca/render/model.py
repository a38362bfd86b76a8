"""The site as data, built before anything is written.

Every page is a pure function of this model, so rendering is deterministic and
the same model feeds pages, indexes, exports and feeds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from hemeroteca.catalogue.authorities import Authorities
from hemeroteca.catalogue.record import Record
from hemeroteca.render.format import country_name, language_name, slugify


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    date: str | None
    language: str
    countries: tuple[str, ...]
    actors: tuple[dict[str, str], ...]
    tags: tuple[str, ...]
    review: str
    source: dict[str, Any]
    body: str

    @property
    def year(self) -> str | None:
        return self.date[:4] if self.date else None

    @property
    def sort_key(self) -> tuple[str, str]:
        """Newest first when sorted in reverse; undated articles sort last."""
        return (self.date or "", self.id)


@dataclass
class Facet:
    """One browsable value (a country, a topic, an actor, a year, a language)."""

    key: str
    label: str
    articles: list[Article] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class SiteModel:
    articles: list[Article]
    facets: dict[str, dict[str, Facet]]

    def facet(self, kind: str, key: str) -> Facet:
        return self.facets[kind][key]


FACET_KINDS = ("countries", "years", "topics", "actors", "languages")
UNDATED = "undated"


def article_from_record(record: Record) -> Article:
    meta = record.meta
    return Article(
        id=record.id,
        title=str(meta.get("title") or record.id),
        date=meta.get("date"),
        language=str(meta.get("language") or "und"),
        countries=tuple(meta.get("countries") or ()),
        actors=tuple(meta.get("actors") or ()),
        tags=tuple(meta.get("tags") or ()),
        review=str(meta.get("review") or "auto"),
        source=dict(meta.get("source") or {}),
        body=record.body,
    )


def actor_key(actor: dict[str, str], authorities: Authorities) -> tuple[str, str, str, tuple[str, ...]]:
    """Slug, canonical name, type and aliases of an actor, normalised through the authority file."""
    known = authorities.actor(actor["name"]) or (
        authorities.actor(actor["alias"]) if actor.get("alias") else None
    )
    if known:
        return slugify(known.name), known.name, known.type, known.aliases
    aliases = (actor["alias"],) if actor.get("alias") else ()
    return slugify(actor["name"]), actor["name"], actor.get("type", "organization"), aliases


def build_model(records: list[Record], authorities: Authorities) -> SiteModel:
    articles = sorted((article_from_record(r) for r in records), key=lambda a: a.sort_key, reverse=True)
    facets: dict[str, dict[str, Facet]] = {kind: {} for kind in FACET_KINDS}

    def add(kind: str, key: str, label: str, article: Article, **detail: Any) -> None:
        facet = facets[kind].setdefault(key, Facet(key, label, detail=dict(detail)))
        if not facet.articles or facet.articles[-1] is not article:
            facet.articles.append(article)

    aliases: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for code in article.countries:
            add("countries", code, country_name(code), article)
        add("years", article.year or UNDATED, article.year or "Undated", article)
        for tag in article.tags:
            topic = authorities.topic(tag)
            add("topics", tag, topic.label("en") if topic else tag, article)
        for actor in article.actors:
            slug, name, kind, known_aliases = actor_key(actor, authorities)
            add("actors", slug, name, article, type=kind)
            aliases[slug].update(known_aliases)
        add("languages", article.language, language_name(article.language), article)
    for slug, names in aliases.items():
        facets["actors"][slug].detail["aliases"] = sorted(names)
    return SiteModel(articles=articles, facets=facets)
