"""What to read next: related articles, and the previous and next article of the same year.

Related articles share actors (weighing most), topics and countries with the
article, and are near it in time. Every facet's list is newest first, so the
candidates are the few articles around the article's own place in each of its
facets' lists: the work per article does not grow with the archive (a country
with 3,000 articles offers the ten nearest, not 3,000). An article's page
depends on these neighbours, so the page's cache key includes theirs; after a change, only
the pages of the articles near it in its lists are looked at again (``affected``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from hemeroteca.catalogue.record import text_digest
from hemeroteca.render.model import Article, SiteModel

RELATED = 5
WINDOW = 5  # articles on each side of the article's place in each facet's list
WEIGHTS = (("actors", 3), ("topics", 2), ("countries", 1))


@cache
def _day(date: str | None) -> int | None:
    """A day number for nearness in time (a month or year counts from its start)."""
    if not date:
        return None
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return parts[0] * 372 + (parts[1] - 1) * 31 + parts[2]


def _keys(article: Article, kind: str) -> tuple[str, ...]:
    if kind == "actors":
        return tuple(a.name for a in article.actors)
    if kind == "topics":
        return tuple(t.id for t in article.topics)
    return article.countries


@dataclass(frozen=True)
class Reading:
    related: tuple[Article, ...]
    older: Article | None
    newer: Article | None


class Neighbours:
    """Related articles and same-year neighbours of every article of a model, on demand."""

    def __init__(self, model: SiteModel) -> None:
        self.model = model
        self._made: dict[str, Reading] = {}
        self._keys: dict[str, str] = {}
        self._places: dict[tuple[str, str], dict[str, int]] = {}

    def _place(self, kind: str, key: str, article: Article) -> int:
        """The article's place in a facet's list. Each list's places are worked out when first
        asked for: after one new article, the pages of a few dozen articles are made, from the
        lists they are in, not from every list of the archive."""
        places = self._places.get((kind, key))
        if places is None:
            facet = self.model.facets[kind][key]
            places = self._places[(kind, key)] = {a.id: i for i, a in enumerate(facet.articles)}
        return places[article.id]

    def reading(self, article: Article) -> Reading:
        made = self._made.get(article.id)
        if made is None:
            made = self._made[article.id] = self._reading(article)
        return made

    def _reading(self, article: Article) -> Reading:
        scores: dict[str, int] = {}
        found: dict[str, Article] = {}
        for kind, weight in WEIGHTS:
            for key in _keys(article, kind):
                facet = self.model.facets[kind].get(key)
                if facet is None:
                    continue
                at = self._place(kind, key, article)
                for other in facet.articles[max(0, at - WINDOW) : at + WINDOW + 1]:
                    if other is not article:
                        other_id = other.id
                        scores[other_id] = scores.get(other_id, 0) + weight
                        found[other_id] = other
        day = _day(article.date)
        far = 10**9
        # best score first, then nearest in time, then by id: tuples, not a key function per candidate
        days = {other_id: _day(other.date) for other_id, other in found.items()}
        ranked = sorted(
            (-score, far if day is None or days[i] is None else abs(days[i] - day), i)  # type: ignore[operator]
            for i, score in scores.items()
        )
        related = tuple(found[i] for *_, i in ranked[:RELATED])
        older = newer = None
        if article.year:
            year = self.model.facets["years"][article.year].articles
            at = self._place("years", article.year, article)
            newer = year[at - 1] if at > 0 else None
            older = year[at + 1] if at + 1 < len(year) else None
        return Reading(related, older, newer)

    def page_key(self, article: Article) -> str:
        """The article's own key and its neighbours': what its page is made from (worked out once:
        render asks before writing the page and again when it remembers it)."""
        made = self._keys.get(article.id)
        if made is None:
            reading = self.reading(article)
            others = [*reading.related, reading.older, reading.newer]
            made = text_digest("|".join([article.key, *(o.key if o else "-" for o in others)]))
            self._keys[article.id] = made
        return made


LISTED = ("actors", "topics", "countries", "years")


@dataclass(frozen=True)
class Neighbourhoods:
    """What every article's related and same-year lists were made from: each article's key, and
    each facet value's articles in order (ids). Kept with the article pages, so that the next
    render works out the lists of the few articles near a change only (``affected``)."""

    keys: dict[str, str]
    lists: dict[tuple[str, str], list[str]]

    @classmethod
    def of(cls, model: SiteModel) -> Neighbourhoods:
        lists = {
            (kind, key): [a.id for a in facet.articles]
            for kind in LISTED
            for key, facet in model.facets[kind].items()
        }
        return cls({a.id: a.key for a in model.articles}, lists)

    @classmethod
    def valid(cls, value: object) -> Neighbourhoods | None:
        """``value`` if it is a ``Neighbourhoods`` of the shape this code makes, else None."""
        if not (isinstance(value, cls) and isinstance(value.keys, dict) and isinstance(value.lists, dict)):
            return None
        if not all(type(k) is str and type(v) is str for k, v in value.keys.items()):
            return None
        for name, ids in value.lists.items():
            if not (isinstance(name, tuple) and isinstance(ids, list) and all(type(i) is str for i in ids)):
                return None
        return value


def affected(before: Neighbourhoods | None, now: Neighbourhoods) -> set[str] | None:
    """Ids of the articles whose page key may differ from the one they had in ``before``, or
    None for every article.

    An article's related and same-year lists come from the ``WINDOW`` articles on each side of
    it in each of its facets' lists, and its page key from those articles' keys: an article
    added, removed or changed (a new key) changes only the pages of the articles that many
    places from it, in the lists it was in and the lists it is in.
    """
    if before is None:
        return None
    changed = {i for i, key in now.keys.items() if before.keys.get(i) != key}
    changed.update(before.keys.keys() - now.keys.keys())
    if len(changed) * 4 > len(now.keys):  # most pages change (new authority files): no point
        return None
    near: set[str] = set(changed)
    if not changed:
        return near
    for lists in (before.lists, now.lists):
        for ids in lists.values():
            if changed.isdisjoint(ids):
                continue
            for at, i in enumerate(ids):
                if i in changed:
                    near.update(ids[max(0, at - WINDOW) : at + WINDOW + 1])
    return near
