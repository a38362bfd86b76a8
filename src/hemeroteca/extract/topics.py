"""Topics from the controlled vocabulary, by their trigger words.

A topic is assigned when its triggers appear often enough to say the article
is about it, not when a word shows up once in passing: a mention in the title
counts double, a topic needs ``MIN_HITS`` and at least a ``MIN_SHARE`` of the
leading topic's hits, and an article gets at most ``MAX_TOPICS``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from hemeroteca.catalogue.authorities import Authorities, Topic
from hemeroteca.extract.vocabulary import alternation

MIN_HITS = 2
MIN_SHARE = 0.2
MAX_TOPICS = 5
TITLE_WEIGHT = 2
# Plural and verb endings a trigger may take ("exports", "exporting", "cooperativas").
_INFLECTION = r"(?:s|es|ed|ing|er|ers|d)?"
_COMPILED: dict[tuple, list[tuple[str, re.Pattern[str]]]] = {}
# Runs of characters outside ASCII: the only places a combining accent can stand once decomposed.
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
# No word character right before a trigger's first letter (the trigger starts a word), tested after
# that letter so the pattern opens on letters and scanning skips the places no trigger starts at.
_STARTS_A_WORD = r"(?<!\w.)"


@dataclass(frozen=True)
class TopicHit:
    id: str
    hits: int
    evidence: tuple[str, ...]


def fold(text: str) -> str:
    """Case- and accent-insensitive form, so 'Exportación' matches 'exportacion'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # only the non-ASCII runs are walked character by character: most of a text is ASCII
    return _NOT_ASCII.sub(_strip_accents, decomposed)


def _strip_accents(match: re.Match[str]) -> str:
    return "".join(c for c in match.group(0) if not unicodedata.combining(c))


def _patterns(topics: tuple[Topic, ...]) -> list[tuple[str, re.Pattern[str]]]:
    """One pattern per topic (all its triggers, a few trailing letters allowed), compiled once."""
    key = tuple((t.id, tuple(sorted((lang, words) for lang, words in t.triggers.items()))) for t in topics)
    if key not in _COMPILED:
        compiled = []
        for topic in topics:
            words = {fold(w) for lang_words in topic.triggers.values() for w in lang_words}
            if words:
                pattern = rf"{alternation(words, _STARTS_A_WORD)}{_INFLECTION}(?!\w)"
                compiled.append((topic.id, re.compile(pattern)))
        _COMPILED.clear()
        _COMPILED[key] = compiled
    return _COMPILED[key]


def find_topics(
    title: str, body: str, authorities: Authorities, names: tuple[str, ...] = ()
) -> list[TopicHit]:
    """Topics by their triggers; ``names`` (of actors) are blanked first, so the 'Tourism' of
    'Ministry of Trade and Tourism' does not make an article about tourism."""
    folded_title, folded_body = fold(title), fold(body)
    for name in sorted({fold(n) for n in names if len(n) > 3}, key=len, reverse=True):
        folded_title, folded_body = folded_title.replace(name, " "), folded_body.replace(name, " ")
    found = []
    for topic_id, pattern in _patterns(authorities.topics):
        in_title, in_body = pattern.findall(folded_title), pattern.findall(folded_body)
        hits = TITLE_WEIGHT * len(in_title) + len(in_body)
        if hits >= MIN_HITS:
            found.append(TopicHit(topic_id, hits, tuple(dict.fromkeys(in_title + in_body))[:6]))
    if not found:
        return []
    top = max(t.hits for t in found)
    kept = [t for t in found if t.hits >= MIN_SHARE * top]
    return sorted(kept, key=lambda t: (-t.hits, t.id))[:MAX_TOPICS]
