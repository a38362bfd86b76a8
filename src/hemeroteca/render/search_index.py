"""The offline search index: small JavaScript files a page loads with ``<script>`` tags.

From ``file://`` a browser allows neither ``fetch`` nor ES modules, so Pagefind
cannot run there. This index is what the search page uses instead:

- ``search-index/docs.js``: one compact row per article (id, title, date,
  language, countries, topics) and the facet vocabularies, loaded once;
- ``search-index/t-XX.js``: term shards keyed by the first two (or three, for
  crowded prefixes) letters of a term. Each holds the postings (article numbers,
  delta-encoded in base 36) of the stems with that key, and the surface forms
  seen in the texts that stem to something else (``cooperativas`` -> ``cooper``),
  so the browser needs no stemmer: a query word is looked up as a form, then as
  a stem, then by its longest indexed stem prefix.

A query loads ``docs.js`` plus one shard per word, so what it loads does not grow
with the number of distinct words in the archive, only with the articles that
contain the query's words. Stems come from Snowball for each article's language.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from functools import cache

import snowballstemmer

from hemeroteca.render.model import Article, SiteModel

INDEX_DIR = "search-index"
SPLIT_BYTES = 48_000
STEMMERS = {"en": "english", "es": "spanish", "pt": "portuguese", "fr": "french", "it": "italian"}
_WORD = re.compile(r"[^\W_]+")
_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"


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


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, rest = divmod(number, 36)
        digits = _BASE36[rest] + digits
        if not number:
            return digits


def encode_postings(numbers: list[int], gap_text: list[str] | None = None) -> str:
    """Sorted article numbers as base-36 gaps joined by '.': about 2–3 bytes per posting.

    ``gap_text`` is a table of the base-36 text of every possible gap, so the 10,000-article
    index does not convert millions of numbers one by one.
    """
    out, previous = [], 0
    for number in numbers:
        gap = number - previous
        out.append(gap_text[gap] if gap_text else _base36(gap))
        previous = number
    return ".".join(out)


def _article_text(article: Article) -> tuple[str, str]:
    """(title, everything else searchable): body, names of countries, actors and topics."""
    extra = [*article.country_names, *(t.label for t in article.topics)]
    for actor in article.actors:
        extra += [actor.name, *actor.aliases]
    return article.title, article.body + "\n" + "\n".join(extra)


def _key(term: str, split: set[str]) -> str:
    return term[:3] if term[:2] in split and len(term) >= 3 else term[:2]


def build_index(model: SiteModel) -> dict[str, str]:
    """Relative path -> content of every offline search file."""
    body_postings: dict[str, list[int]] = defaultdict(list)
    title_postings: dict[str, list[int]] = defaultdict(list)
    # word -> (folded form, folded stem), per language: each distinct word is stemmed once
    # for the whole archive, and the loop over articles stays on set and dict operations.
    analysed: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for number, article in enumerate(model.articles):
        table = analysed[article.language]
        title, rest = _article_text(article)
        title_words = set(words(title))
        # Distinct words only: postings say which articles hold a term, not how often.
        every_word = title_words | set(words(rest))
        for word in every_word - table.keys():
            table[word] = terms(article.language, word)
        for postings, vocabulary in ((title_postings, title_words), (body_postings, every_word)):
            for term in {table[word][1] for word in vocabulary}:
                postings[term].append(number)
    forms: dict[str, set[str]] = defaultdict(set)
    for table in analysed.values():
        for form, term in table.values():
            if term != form:
                forms[form].add(term)
    gap_text = [_base36(gap) for gap in range(len(model.articles) + 1)]
    entries: dict[str, dict[str, object]] = {}
    for term in body_postings:
        entries.setdefault(term, {})["p"] = encode_postings(body_postings[term], gap_text)
        if term in title_postings:
            entries[term]["t"] = encode_postings(title_postings[term], gap_text)
    for form, stems in forms.items():
        entries.setdefault(form, {})["s"] = sorted(stems)
    sizes: dict[str, int] = defaultdict(int)
    for term, entry in entries.items():
        sizes[term[:2]] += len(term) + sum(len(str(v)) for v in entry.values()) + 12
    split = {prefix for prefix, size in sizes.items() if size > SPLIT_BYTES}
    shards: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    for term in sorted(entries):
        shards[_key(term, split)][term] = entries[term]
    files = {
        f"{INDEX_DIR}/t-{key}.js": "hemerotecaSearch.addShard("
        + json.dumps(key)
        + ","
        + json.dumps(terms, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        + ");\n"
        for key, terms in shards.items()
    }
    files[f"{INDEX_DIR}/docs.js"] = _docs_file(model, sorted(shards))
    return files


def _docs_file(model: SiteModel, keys: list[str]) -> str:
    """Rows: [id, title, date, language, [country numbers], [topic numbers]] plus the vocabularies."""
    countries = sorted(
        {pair for a in model.articles for pair in zip(a.countries, a.country_names, strict=True)}
    )
    topics = sorted({(t.id, t.label) for a in model.articles for t in a.topics})
    languages = sorted({(a.language, a.language_name) for a in model.articles})
    country_no = {code: i for i, (code, _) in enumerate(countries)}
    topic_no = {tid: i for i, (tid, _) in enumerate(topics)}
    rows = [
        [
            a.id,
            a.title,
            a.date or "",
            a.language,
            [country_no[c] for c in a.countries],
            [topic_no[t.id] for t in a.topics],
        ]
        for a in model.articles
    ]
    data = {
        "keys": keys,
        "countries": [list(c) for c in countries],
        "topics": [list(t) for t in topics],
        "languages": [list(lang) for lang in languages],
        "docs": rows,
    }
    return (
        "hemerotecaSearch.addDocs("
        + json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        + ");\n"
    )
