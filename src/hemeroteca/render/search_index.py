"""The archive's search index: small JavaScript files a page loads with ``<script>`` tags.

One index serves the hosted site and the copy opened from ``file://`` (where a
browser allows neither ``fetch`` nor ES modules, so it must load through
``<script>`` tags). A query loads only what it needs, so neither grows much with
the archive:

- ``meta.js``: the shard keys, the facet vocabularies (countries, topics,
  languages, years) and each article's facet values packed in a short string
  (about 12 bytes an article), enough to filter and count every match;
- ``t-KEY.js``: term shards. A key is the shortest prefix (two letters at least)
  whose terms fit in ``SPLIT_BYTES``; crowded prefixes are split letter by letter.
  Each term holds its postings (article numbers, delta-encoded in base 36), title
  postings, and for a surface form seen in the texts its stems
  (``cooperativas`` -> ``cooper``), so the browser needs no stemmer: a query word
  is looked up as a form, then as a stem, then by its longest indexed stem prefix;
- ``r-N.js``: result rows (id, title, date, a short summary) of ``ROWS_PER_FILE``
  articles, loaded for the results on screen only.

Article numbers follow the site model's order, newest first, so the first page of
results usually sits in the first row files. Stems come from Snowball for each
article's language.
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
ROWS_PER_FILE = 100
SNIPPET_CHARS = 160
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


def shard_keys(sizes: dict[str, int], limit: int) -> dict[str, str]:
    """Term -> key of its shard: the shortest prefix whose terms fit in ``limit`` bytes.

    A prefix too big is split by one more letter; a term no longer than the prefix stays
    under the prefix itself. The browser finds a term's shard as the longest key that
    starts the term.
    """
    assigned: dict[str, str] = {}

    def place(prefix: str, group: list[str]) -> None:
        if sum(sizes[t] for t in group) <= limit or all(len(t) <= len(prefix) for t in group):
            for term in group:
                assigned[term] = prefix
            return
        children: dict[str, list[str]] = defaultdict(list)
        for term in group:
            if len(term) <= len(prefix):
                assigned[term] = prefix
            else:
                children[term[: len(prefix) + 1]].append(term)
        for child, members in sorted(children.items()):
            place(child, members)

    top: dict[str, list[str]] = defaultdict(list)
    for term in sorted(sizes):
        top[term[:2]].append(term)
    for prefix, group in sorted(top.items()):
        place(prefix, group)
    return assigned


def _script(call: str, *args: object) -> str:
    body = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":"), sort_keys=True) for a in args)
    return f"hemerotecaSearch.{call}({body});\n"


def build_index(model: SiteModel) -> dict[str, str]:
    """Relative path -> content of every search file."""
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
    sizes = {term: len(term) + sum(len(str(v)) for v in e.values()) + 12 for term, e in entries.items()}
    keys = shard_keys(sizes, SPLIT_BYTES)
    shards: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    for term in sorted(entries):
        shards[keys[term]][term] = entries[term]
    files = {f"{INDEX_DIR}/t-{key}.js": _script("addShard", key, shard) for key, shard in shards.items()}
    files[f"{INDEX_DIR}/meta.js"] = _meta_file(model, sorted(shards))
    for start in range(0, len(model.articles), ROWS_PER_FILE):
        chunk = model.articles[start : start + ROWS_PER_FILE]
        rows = [[a.id, a.title, a.date or "", _snippet(a.summary)] for a in chunk]
        files[f"{INDEX_DIR}/r-{start // ROWS_PER_FILE}.js"] = _script("addRows", start // ROWS_PER_FILE, rows)
    return files


def _snippet(summary: str) -> str:
    if len(summary) <= SNIPPET_CHARS:
        return summary
    return summary[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


def _meta_file(model: SiteModel, keys: list[str]) -> str:
    """Vocabularies and every article's facets: 'year.language.countries.topics' in base 36, '|'-joined."""
    countries = sorted(
        {pair for a in model.articles for pair in zip(a.countries, a.country_names, strict=True)}
    )
    topics = sorted({(t.id, t.label) for a in model.articles for t in a.topics})
    languages = sorted({(a.language, a.language_name) for a in model.articles})
    years = sorted({a.year for a in model.articles if a.year}, reverse=True) + ["Undated"]
    country_no = {code: _base36(i) for i, (code, _) in enumerate(countries)}
    topic_no = {tid: _base36(i) for i, (tid, _) in enumerate(topics)}
    language_no = {code: _base36(i) for i, (code, _) in enumerate(languages)}
    year_no = {year: _base36(i) for i, year in enumerate(years)}
    facets = "|".join(
        ".".join(
            [
                year_no[a.year or "Undated"],
                language_no[a.language],
                ",".join(country_no[c] for c in a.countries),
                ",".join(topic_no[t.id] for t in a.topics),
            ]
        )
        for a in model.articles
    )
    data = {
        "keys": keys,
        "rowsPerFile": ROWS_PER_FILE,
        "countries": [list(c) for c in countries],
        "topics": [list(t) for t in topics],
        "languages": [list(lang) for lang in languages],
        "years": years,
        "facets": facets,
    }
    return _script("addMeta", data)
