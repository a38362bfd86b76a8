"""What the search index reads from an article: its words, folded and stemmed.

The browser folds a query the same way (lower case, no accents) and needs no stemmer:
the index maps each surface form seen in the texts to its stems, computed here with
Snowball for the article's language.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import snowballstemmer

from hemeroteca.render.model import Article

STEMMERS = {"en": "english", "es": "spanish", "pt": "portuguese", "fr": "french", "it": "italian"}
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case without accents: the same folding the browser applies to queries."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Lower-cased words with their accents: the Snowball stemmers expect them (``acción``)."""
    return _WORD.findall(text.casefold())


@cache
def _stemmer(language: str):
    name = STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


@cache
def terms(language: str, word: str) -> tuple[str, str]:
    """(folded surface form, folded stem) of a lower-cased word."""
    stemmer = _stemmer(language)
    stemmed = stemmer.stemWord(word) if stemmer and len(word) > 2 else word
    return fold(word), fold(stemmed)


def article_text(article: Article) -> tuple[str, str]:
    """(title, everything else searchable): body, names of countries, actors and topics."""
    extra = [*article.country_names, *(t.label for t in article.topics)]
    for actor in article.actors:
        extra += [actor.name, *actor.aliases]
    return article.title, article.body + "\n" + "\n".join(extra)
