"""What the search index's own process reads: each article's searchable fields, one line each.

Render builds the search index in a second process while it writes the pages. A process
forked from render's would hold, and count in its memory, the whole site model render
holds (about 1.2 GB at 100,000 articles); a fresh interpreter holds only what the index is
made from. Render writes that as JSON lines, one article at a time
(``write_articles``), and the index's process makes its articles again from them
(``read_articles``), each text read from its record file when the index needs it, as
render reads it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from hemeroteca.catalogue.record import Record
from hemeroteca.render.model import ActorRef, Article, TopicRef


def article_row(article: Article) -> list[Any]:
    """The fields of an article the search index reads (``search_text``, ``search_index``)."""
    record = article.record
    return [
        article.id,
        article.title,
        article.date,
        article.language,
        list(article.countries),
        [[a.name, a.type, a.alias, list(a.aliases)] for a in article.actors],
        [[t.id, t.label, [list(pair) for pair in t.labels]] for t in article.topics],
        article.review,
        record.meta.get("uncertain") or [],
        article.key,
        str(record.path) if record.path is not None else None,
        record.digest,
        # A record read alone keeps its text and may have no file: its text goes with it.
        record.body if record.path is None else None,
    ]


# One encoder for every line: ``json.dumps`` with any option makes a new one per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def write_articles(articles: Iterable[Article], out: IO[str]) -> None:
    """One JSON line per article, in the order given (the model's: newest first)."""
    for article in articles:
        out.write(_ENCODE(article_row(article)))
        out.write("\n")


def read_articles(path: Path) -> list[Article]:
    """The articles ``write_articles`` wrote, in its order, their texts left in their files.

    Actors and topics named alike are one object, as in the model.
    """
    actors: dict[tuple, ActorRef] = {}
    topics: dict[tuple, TopicRef] = {}
    articles = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            (id_, title, date, language, countries, actor_rows, topic_rows, review, uncertain, key,
             file, digest, body) = json.loads(line)  # fmt: skip
            record_actors = []
            for name, kind, alias, aliases in actor_rows:
                actor = (name, kind, alias, tuple(aliases))  # its own key: hashed, not encoded again
                if actor not in actors:
                    actors[actor] = ActorRef(*actor)
                record_actors.append(actors[actor])
            record_topics = []
            for topic_id, label, labels in topic_rows:
                topic = (topic_id, label, tuple(map(tuple, labels)))
                if topic not in topics:
                    topics[topic] = TopicRef(*topic)
                record_topics.append(topics[topic])
            meta = {"id": id_, "uncertain": uncertain} if uncertain else {"id": id_}
            if file is None:
                record = Record(meta, body=body, digest=digest)
            else:
                # a Path when read; the meta is this id alone, nothing to share with the others'
                record = Record.known(meta, {}, file, digest, blank=False, summary="", shared_already=True)
            articles.append(
                Article(
                    id=id_,
                    title=title,
                    date=date,
                    language=language,
                    countries=tuple(countries),
                    actors=tuple(record_actors),
                    topics=tuple(record_topics),
                    review=review,
                    source={},
                    record=record,
                    key=key,
                )
            )
    return articles
