"""The site as data, built before anything is written.

Every page, export, feed and search index is a pure function of this model, so
rendering is deterministic and names (countries, actors, topics) are resolved
once, through the authority files, instead of in every page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from hemeroteca.catalogue.authorities import Authorities
from hemeroteca.catalogue.record import Record, text_digest
from hemeroteca.render.format import country_name, language_name
from hemeroteca.render.links import facet_path, facet_slugs
from hemeroteca.render.messages import Messages
from hemeroteca.weburl import web_url

if TYPE_CHECKING:
    from hemeroteca.render.related import Neighbours

FACET_KINDS = ("countries", "years", "topics", "actors", "languages")
UNDATED = "undated"


@dataclass(frozen=True)
class ActorRef:
    """An actor as an article names it, resolved to its authority entry when there is one."""

    name: str
    type: str
    alias: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class TopicRef:
    id: str
    label: str  # English, for data exports and the search index
    labels: tuple[tuple[str, str], ...] = ()  # (language, label) from the authority file

    def label_in(self, language: str) -> str:
        return dict(self.labels).get(language) or self.label


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    date: str | None
    language: str
    countries: tuple[str, ...]
    actors: tuple[ActorRef, ...]
    topics: tuple[TopicRef, ...]
    review: str
    source: dict[str, Any]
    # Where the text comes from: read when a page or the search index needs it, not held.
    record: Record = field(compare=False, repr=False)
    # Changes whenever anything this article's page or search entry is made from changes
    # (its record, the authority files, the site's name, address and language): caches key on it.
    key: str = ""
    # Tesseract's mean word confidence when the text was read from a scan, else None.
    ocr_confidence: float | None = None

    @property
    def body(self) -> str:
        return self.record.body

    @property
    def year(self) -> str | None:
        return self.date[:4] if self.date else None

    @property
    def month(self) -> str | None:
        """``YYYY-MM`` when the date is at least that precise."""
        return self.date[:7] if self.date and len(self.date) >= 7 else None

    @property
    def sort_key(self) -> tuple[str, str]:
        """Newest first when sorted in reverse; undated articles sort last."""
        return (self.date or "", self.id)

    @cached_property
    def country_names(self) -> tuple[str, ...]:
        return tuple(country_name(c) for c in self.countries)

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def summary(self) -> str:
        """The opening of the text, for descriptions, feeds and exports (kept with the record's cache)."""
        return self.record.summary


@dataclass
class Facet:
    """One browsable value (a country, a topic, an actor, a year, a language)."""

    key: str
    label: str
    articles: list[Article] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)
    slug: str = ""  # its page's file name, unique in its folder (``links.facet_slugs``)


@dataclass
class SiteModel:
    articles: list[Article]
    facets: dict[str, dict[str, Facet]]
    site_name: str = "Hemeroteca"
    site_url: str | None = None
    # The interface's language (``theme.language`` in mkdocs.yml) and its words.
    language: str = "en"
    # HTML made once and reused by every page that shows it: an article as the related and
    # same-year lists of other articles' pages link it (~7 pages each).
    fragments: dict[tuple[str, str], str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def messages(self) -> Messages:
        return Messages.load(self.language)

    @cached_property
    def neighbours(self) -> Neighbours:
        """Related articles and same-year neighbours, computed once per article on demand."""
        from hemeroteca.render.related import Neighbours

        return Neighbours(self)

    def label(self, kind: str, facet: Facet) -> str:
        """A facet value's name in the interface's language (the model keeps English ones)."""
        m = self.messages
        if kind == "countries":
            return m.country(facet.key)
        if kind == "languages":
            return m.language_name(facet.key)
        if kind == "topics":
            return dict(facet.detail.get("labels", ())).get(self.language) or facet.label
        if kind == "years" and facet.key == UNDATED:
            return m.gettext("Undated")
        return facet.label

    def facet(self, kind: str, key: str) -> Facet:
        return self.facets[kind][key]

    def facet_path(self, kind: str, key: str) -> str:
        """The docs/ path of the page of one facet value, by its key (an actor's by its name)."""
        return facet_path(kind, self.facets[kind][key].slug)

    @property
    def counts(self) -> dict[str, int]:
        return {"articles": len(self.articles), **{kind: len(self.facets[kind]) for kind in FACET_KINDS}}


def resolve_actor(actor: dict[str, str], authorities: Authorities) -> ActorRef:
    """Canonical name, type and aliases of an actor, normalised through the authority file."""
    known = authorities.actor(actor["name"]) or (
        authorities.actor(actor["alias"]) if actor.get("alias") else None
    )
    alias = actor.get("alias") or None
    if known:
        return ActorRef(known.name, known.type, alias, known.aliases)
    return ActorRef(
        actor["name"],
        actor.get("type", "organization"),
        alias,
        (alias,) if alias else (),
    )


def article_from_record(
    record: Record, authorities: Authorities, identity: str = "", made: dict[tuple, Any] | None = None
) -> Article:
    """``identity``: the site's name, address and language, which each page carries.

    ``made``: the actors and topics already resolved for other articles, shared by all that name
    them (100,000 articles name a few thousand actors some 400,000 times).
    """
    meta = record.meta
    made = {} if made is None else made
    topics = []
    for tag in meta.get("tags") or ():
        topic_ref = made.get(("topic", tag))
        if topic_ref is None:
            topic = authorities.topic(tag)
            labels = tuple(sorted(topic.labels.items())) if topic else ()
            topic_ref = made[("topic", tag)] = TopicRef(tag, topic.label("en") if topic else tag, labels)
        topics.append(topic_ref)
    actors = []
    for actor in meta.get("actors") or ():
        key = ("actor", actor["name"], actor.get("alias"), actor.get("type"))
        actor_ref = made.get(key)
        if actor_ref is None:
            actor_ref = made[key] = resolve_actor(actor, authorities)
        actors.append(actor_ref)
    source = meta.get("source") or {}  # the record's own, only read (a copy was ~180 bytes an article)
    if "url" in source and web_url(source["url"]) is None:
        # Only web addresses become links and citation fields, even when `check` was skipped.
        source = {key: value for key, value in source.items() if key != "url"}
    return Article(
        id=record.id,
        title=str(meta.get("title") or record.id),
        date=meta.get("date"),
        language=str(meta.get("language") or "und"),
        countries=tuple(meta.get("countries") or ()),
        actors=tuple(actors),
        topics=tuple(topics),
        review=str(meta.get("review") or "auto"),
        source=source,
        record=record,
        key=text_digest(f"{record.digest}|{authorities.digest}|{identity}"),
        ocr_confidence=_ocr_confidence(meta),
    )


def _ocr_confidence(meta: dict[str, Any]) -> float | None:
    confidence = meta.get("ocr_confidence")
    if meta.get("ocr") is True and isinstance(confidence, (int, float)) and not isinstance(confidence, bool):
        return float(confidence)
    return None


def build_model(
    records: list[Record],
    authorities: Authorities,
    *,
    site_name: str = "Hemeroteca",
    site_url: str | None = None,
    language: str = "en",
) -> SiteModel:
    identity = f"{site_name}|{site_url or ''}|{language}"
    made: dict[tuple, Any] = {}
    articles = sorted(
        (article_from_record(r, authorities, identity, made) for r in records),
        key=lambda a: a.sort_key,
        reverse=True,
    )
    facets: dict[str, dict[str, Facet]] = {kind: {} for kind in FACET_KINDS}

    def add(kind: str, key: str, label: str, article: Article, **detail: Any) -> None:
        facet = facets[kind].get(key)
        if facet is None:  # made once per value, not once per article naming it
            facet = facets[kind][key] = Facet(key, label, detail=dict(detail))
        if not facet.articles or facet.articles[-1] is not article:
            facet.articles.append(article)

    aliases: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for code in article.countries:
            add("countries", code, country_name(code), article)
        add("years", article.year or UNDATED, article.year or "Undated", article)
        for topic in article.topics:
            add("topics", topic.id, topic.label, article, labels=topic.labels)
        for actor in article.actors:
            # Keyed by name: two names that slug alike ('Банк России', '中国银行' once did) stay two.
            add("actors", actor.name, actor.name, article, type=actor.type)
            aliases[actor.name].update(a for a in actor.aliases if a != actor.name)
        add("languages", article.language, language_name(article.language), article)
    for name, names in aliases.items():
        facets["actors"][name].detail["aliases"] = sorted(names)
    for values in facets.values():
        slugs = facet_slugs(values)
        for key, facet in values.items():
            facet.slug = slugs[key]
    return SiteModel(
        articles=articles, facets=facets, site_name=site_name, site_url=site_url, language=language
    )
