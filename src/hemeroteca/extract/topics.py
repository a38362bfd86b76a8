"""Topics from the controlled vocabulary, by their trigger words.

A topic is assigned when its triggers appear often enough to say the article
is about it, not when a word shows up once in passing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from hemeroteca.catalogue.authorities import Authorities

MIN_HITS = 2


@dataclass(frozen=True)
class TopicHit:
    id: str
    hits: int
    evidence: tuple[str, ...]


def fold(text: str) -> str:
    """Case- and accent-insensitive form, so 'Exportación' matches 'exportacion'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def find_topics(title: str, body: str, authorities: Authorities) -> list[TopicHit]:
    folded_title, folded_body = fold(title), fold(body)
    found = []
    for topic in authorities.topics:
        count, evidence = 0, []
        for words in topic.triggers.values():
            for word in words:
                pattern = re.compile(rf"(?<!\w){re.escape(fold(word))}\w{{0,3}}(?!\w)")
                n = len(pattern.findall(folded_body)) + 2 * len(pattern.findall(folded_title))
                if n:
                    count += n
                    evidence.append(word)
        if count >= MIN_HITS:
            found.append(TopicHit(topic.id, count, tuple(evidence)))
    return sorted(found, key=lambda t: (-t.hits, t.id))
