"""The archive's search index: small JavaScript files a page loads with ``<script>`` tags.

One index serves the hosted site and the copy opened from ``file://`` (where a
browser allows neither ``fetch`` nor ES modules, so it must load through
``<script>`` tags). A query loads only what it needs, and nothing it loads holds a
row for every article of the archive, so what a query costs grows with its results,
not with the archive:

- ``meta.js``: the keys of the term shards and of the endings' table, the facet
  vocabularies (countries, topics, languages, years) with each value's file and number
  of articles, the number of articles, the names of the countries and topics in English, Spanish and
  Portuguese (``names``), the stop words queries drop and the joining words among them (``join``),
  the hyphenated function words (``compounds``) and the words that head a ministry's name (``heads``);
- ``t-KEY.js``: term shards. A key is the shortest prefix (two letters at least)
  whose terms fit in ``SPLIT_BYTES``; crowded prefixes are split letter by letter.
  A stem holds its postings (article numbers, delta-encoded in base 36, apart by the
  articles' language and year: ``es2019:4.1a;pt:c``), title postings, the postings of
  the articles that use it often (the ranking's term frequency) and the forms seen in
  the texts that stand for it (for highlighting); a surface form seen in the texts
  holds its stems (``cooperativas`` -> ``cooperativ``), so the browser needs no stemmer;
- ``e-KEY.js``: the words seen in the texts by their last letters, for correcting a
  word misspelt in its first letters (``search_typos.py``); loaded only for a word
  found nowhere;
- ``o/YEAR.js``: the numbers of a year's articles, newest first (``o/undated.js`` for
  the undated): what orders the results of the same score and year, loaded for the
  years on screen only;
- ``f/FILE.js``: one facet value's articles (a country, with those it is the main
  country of; a topic; a language), as postings: loaded for a name in the query, a
  filter ticked, or the filters' counts when the reader opens them;
- ``a/N.js``: article number N's result row (id, title, date, language, countries) and
  its text, from which the browser cuts the passage around the words found; loaded for
  the results on screen only.

Article numbers follow the order articles were added (``catalogue.numbering.added_order``), so adding
an article appends a number and leaves the other postings alone
(``search_postings.py``): it changes the shards of its words, its own file, its year's
order, its facet values' files and meta.js.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from itertools import chain
from typing import TYPE_CHECKING

from hemeroteca.catalogue.numbering import added_order
from hemeroteca.extract.countries import gazetteer
from hemeroteca.render.format import country_name, language_name
from hemeroteca.render.model import Article, SiteModel
from hemeroteca.render.search_postings import (
    BUCKETED,
    Bitmaps,
    IndexState,
    TextSink,
    base36,
    bitmap_size,
    build_state,
    compact,
    decode_postings,
    encode_bitmap,
    encode_postings,
    update_state,
)
from hemeroteca.render.search_text import joiners, name_key, portfolio_heads, stop_compounds, stopwords
from hemeroteca.render.search_typos import tail_table

if TYPE_CHECKING:
    from hemeroteca.render.search_dirty import Layout

INDEX_DIR = "search-index"
SPLIT_BYTES = 48_000
# Of an article's text, for the passage shown with a result: enough for most news articles,
# and ten of them stay well within a hosted query's budget (README, Scale).
TEXT_CHARS = 6_000


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


# One encoder for every file: ``json.dumps`` with any option makes a new one per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode


def _script(call: str, *args: object) -> str:
    return f"hemerotecaSearch.{call}({','.join(map(_ENCODE, args))});\n"


class IndexFiles(Mapping[str, str]):
    """Every search file by path. An article's file (``a/N.js``) and a term shard
    (``t-KEY.js``) are made when asked for, not held: at 100,000 articles the articles'
    texts alone would be 600 MB, and the shards' text another copy of every posting.

    ``key`` tells a writer what an article's file is made from, so it can skip making a
    file it already wrote for the same key (``render.writer.GeneratedFiles``).
    """

    ARTICLE_PREFIX = f"{INDEX_DIR}/a/"
    SHARD_PREFIX = f"{INDEX_DIR}/t-"

    def __init__(
        self,
        fixed: dict[str, str],
        ordered: list[Article],
        shards: Mapping[str, dict[str, dict[str, object]]],
        digests: Mapping[str, str] | None = None,
    ) -> None:
        self._fixed = fixed
        self._ordered = ordered
        self._shards = shards
        # Each shard's ``key`` when known already (``search_dirty.Layout``): an untouched shard of
        # a dirty build is then neither made nor hashed.
        self._digests = digests or {}
        self.layout: Layout | None = None  # what the next build's ``search_dirty`` starts from

    def _shard(self, rel: str) -> str | None:
        key = (
            rel[len(self.SHARD_PREFIX) : -3]
            if rel.startswith(self.SHARD_PREFIX) and rel.endswith(".js")
            else None
        )
        return key if key in self._shards else None

    def _number(self, rel: str) -> int | None:
        if not (rel.startswith(self.ARTICLE_PREFIX) and rel.endswith(".js")):
            return None
        digits = rel[len(self.ARTICLE_PREFIX) : -3]
        if not digits.isdigit() or int(digits) >= len(self._ordered) or str(int(digits)) != digits:
            return None
        return int(digits)

    def __getitem__(self, rel: str) -> str:
        if rel in self._fixed:
            return self._fixed[rel]
        key = self._shard(rel)
        if key is not None:
            return _script("addShard", key, self._shards[key])
        number = self._number(rel)
        if number is None:
            raise KeyError(rel)
        article = self._ordered[number]
        return article_file(number, article, article.body)

    def __iter__(self) -> Iterator[str]:
        yield from self._fixed
        for key in self._shards:
            yield f"{self.SHARD_PREFIX}{key}.js"
        for number in range(len(self._ordered)):
            yield f"{self.ARTICLE_PREFIX}{number}.js"

    def __len__(self) -> int:
        return len(self._fixed) + len(self._shards) + len(self._ordered)

    def __contains__(self, rel: object) -> bool:
        return isinstance(rel, str) and (
            rel in self._fixed or self._shard(rel) is not None or self._number(rel) is not None
        )

    def key(self, rel: str) -> str | None:
        """What an article's file or a term shard is a function of; None for the others.

        An article's: its key (its number is in its path). A shard's: a digest of its terms and
        their entries as Python writes them, without making its script (equal digests, equal
        files): after one new article a few of thousands of shards change, and making each
        script and reading each file to compare was most of writing the search files.
        """
        if rel in self._fixed:
            return None
        number = self._number(rel)
        if number is not None:
            return self._ordered[number].key
        key = self._shard(rel)
        if key is None:
            return None
        known = self._digests.get(key)
        return known if known is not None else shard_digest(key, self._shards[key])


def article_file_name(number: int) -> str:
    """The path of article number ``number``'s search file."""
    return f"{IndexFiles.ARTICLE_PREFIX}{number}.js"


def article_file(number: int, article: Article, body: str) -> str:
    """The search file of article number ``number``: its result row and its text for passages."""
    row = [
        article.id,
        article.title,
        article.date or "",
        _text(body),
        article.language,
        list(article.countries),
    ]
    return _script("addArticle", number, row)


def build_index(
    model: SiteModel,
    previous: IndexState | None = None,
    seen: TextSink | None = None,
    bitmaps: Bitmaps | None = None,
    scratch: Callable[[list[Article], TextSink | None], IndexState] = build_state,
    layout: Layout | None = None,
    read_shard: Callable[[str], dict[str, dict[str, object]] | None] | None = None,
) -> tuple[IndexFiles, IndexState]:
    """Relative path -> content of every search file, and the state to pass to the next build.

    ``previous``: the state a former build returned, for any archive or version; what
    cannot be reused from it is rebuilt, and the files are the same either way.
    ``seen``: told each article the index reads, with its number and text, so that its
    search file (``article_file``) can be written without reading the text again.
    ``bitmaps``: the dense postings' bitmaps a former build made (``search_postings.Bitmaps``).
    ``scratch``: what makes the state when ``previous`` cannot serve (``build_state``, or the
    same on two cores: ``search_split.split_build``).
    ``layout`` and ``read_shard``: the term shards of the build that left ``previous`` (the
    returned files' ``layout``) and what gives each back by key from its file (None when it
    cannot be trusted): only the shards of terms that changed are then made (``search_dirty``).
    """
    from hemeroteca.render.search_dirty import layout_of, update_shards  # it builds on this module

    numbering = sorted(range(len(model.articles)), key=lambda rank: added_order(model.articles[rank].id))
    ordered = [model.articles[rank] for rank in numbering]
    updated = update_state(previous, ordered, seen) if previous is not None else None
    state = updated or scratch(ordered, seen)
    dirty = None
    if updated is not None and isinstance(previous, IndexState) and layout and read_shard:
        dirty = update_shards(layout, read_shard, previous, state, bitmaps)
    if dirty is not None:
        shards, made = dirty
    else:
        shards = _shards(state, bitmaps)
        made = layout_of(shards)
    vocabularies = _vocabularies(model)
    files = _order_files(model, numbering)
    files.update(_facet_files(ordered, state.buckets, vocabularies))
    tails = tail_table(state, shard_keys)
    files.update({f"{INDEX_DIR}/e-{key}.js": _script("addTail", key, words) for key, words in tails.items()})
    files[f"{INDEX_DIR}/meta.js"] = _meta_file(model, vocabularies, sorted(shards), sorted(tails))
    index = IndexFiles(files, ordered, shards, made.digests)
    index.layout = made
    return index, state


def _shards(state: IndexState, bitmaps: Bitmaps | None = None) -> dict[str, dict[str, dict[str, object]]]:
    """The term shards by key: each one's terms and their entries (dense postings' bitmaps
    from ``bitmaps`` when they were made by the last build)."""
    entries: dict[str, dict[str, object]] = defaultdict(dict)
    by_stem: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for key in sorted(state.body.text):  # stem, then bucket: each stem's buckets in order
        stem, where = key.split(BUCKETED)
        by_stem[stem].append((where, state.body.text[key], state.body.last[key]))
    while by_stem:
        stem, parts = by_stem.popitem()
        entries[stem]["p"] = body_postings(parts, bitmaps)
    for stem, text in state.title.text.items():
        entries[stem]["t"] = compact(text, state.title.last[stem], bitmaps)
    for stem, text in state.frequent.text.items():
        entries[stem]["o"] = compact(text, state.frequent.last[stem], bitmaps)
    forms_of: dict[str, list[str]] = defaultdict(list)
    for form, stems in sorted(state.forms().items()):
        entries[form]["s"] = sorted(stems)
        entries[form]["l"] = [",".join(sorted(stems[stem])) for stem in sorted(stems)]
        for stem in stems:
            forms_of[stem].append(form)
    for stem, forms in forms_of.items():
        entries[stem]["f"] = forms
    sizes = {term: term_size(term, entry) for term, entry in entries.items()}
    keys = shard_keys(sizes, SPLIT_BYTES)
    shards: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    for term in sorted(entries):
        shards[keys[term]][term] = entries[term]
    return dict(shards)


def term_size(term: str, entry: dict[str, object]) -> int:
    """About the bytes a term and its entry take in a shard: what ``shard_keys`` splits by."""
    return len(term) + sum(len(str(v)) for v in entry.values()) + 12


def shard_digest(key: str, shard: dict[str, dict[str, object]]) -> str:
    """A digest of a shard's terms and entries as Python writes them (``IndexFiles.key``)."""
    written = repr((key, shard)).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(written, digest_size=16).hexdigest()


def body_postings(parts: list[tuple[str, str, int]], bitmaps: Bitmaps | None = None) -> str:
    """A stem's postings from its (bucket, postings, last number) in bucket order: ``es2019:4.1;pt:c``.

    A language whose buckets together are more than twice as long as one bitmap is written
    as one, under the language alone (``es:*2*Bw``): a word in most of a language's
    articles then costs a sixth of a byte per article. The browser then learns those
    articles' years from the years' files when it needs them (``o/YEAR.js``), which is
    why a bitmap must be much shorter, not just shorter, to be worth it.
    """
    languages: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for part in parts:
        languages[part[0].rstrip("0123456789")].append(part)
    written = []
    for language, held in sorted(languages.items()):
        text = sum(len(where) + len(gaps) + 2 for where, gaps, _ in held)
        first = min(int(gaps.partition(".")[0], 36) for _, gaps, _ in held)
        if 2 * (bitmap_size(first, max(last for *_, last in held)) + len(language) + 2) < text:

            def bitmap(held: list[tuple[str, str, int]] = held) -> str:
                numbers = chain.from_iterable(decode_postings(gaps) for _, gaps, _ in held)
                return encode_bitmap(sorted(numbers))

            postings = ";".join(f"{where}:{gaps}" for where, gaps, _ in held)
            written.append(f"{language}:{bitmaps(postings, bitmap) if bitmaps else bitmap()}")
        else:
            written.extend(f"{where}:{gaps}" for where, gaps, _ in held)
    return ";".join(written)


def bucketed(numbers: list[int], buckets: list[str]) -> str:
    """Sorted article numbers as postings apart by bucket (``search_postings.bucket``): ``es2019:4.1;pt:c``.

    What a stem holds in the shards, and a facet value in its file.
    """
    by_bucket: dict[str, list[int]] = defaultdict(list)
    for number in numbers:
        by_bucket[buckets[number]].append(number)
    return ";".join(f"{where}:{encode_postings(by_bucket[where])}" for where in sorted(by_bucket))


UNDATED_ORDER = "undated"


def _order_files(model: SiteModel, numbering: list[int]) -> dict[str, str]:
    """Per year, the numbers of its articles newest first (``model.articles`` is newest first)."""
    number_of = [0] * len(numbering)
    for number, rank in enumerate(numbering):
        number_of[rank] = number
    by_year: dict[str, list[str]] = defaultdict(list)
    for rank, article in enumerate(model.articles):
        by_year[article.year or UNDATED_ORDER].append(base36(number_of[rank]))
    return {
        f"{INDEX_DIR}/o/{year}.js": _script("addOrder", year, ".".join(numbers))
        for year, numbers in by_year.items()
    }


def facet_file(facet: str, code: str) -> str:
    """A facet value's file name: a digest, since codes come from records and authority files."""
    return hashlib.blake2b(f"{facet}\0{code}".encode(), digest_size=6).hexdigest()


# A facet's values in meta.js and their files: (facet, the values' codes and English names).
FACETS = ("country", "topic", "language")


def _vocabularies(model: SiteModel) -> dict[str, list[tuple[str, str]]]:
    """Each facet's values and English names. The distinct values are gathered first and named
    once each: the index's process makes its articles afresh, and naming a country per article
    was most of this at 100,000 articles."""
    articles = model.articles
    countries = set(chain.from_iterable(a.countries for a in articles))
    return {
        "country": sorted((code, country_name(code)) for code in countries),
        "topic": sorted({(t.id, t.label) for a in articles for t in a.topics}),
        "language": sorted((code, language_name(code)) for code in {a.language for a in articles}),
    }


def _facet_files(
    ordered: list[Article], buckets: list[str], vocabularies: dict[str, list[tuple[str, str]]]
) -> dict[str, str]:
    """Each country's, topic's and language's articles as bucketed postings; a country's also
    the articles it is the main country of (listed first), as plain postings (``m``)."""
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    main: dict[str, list[int]] = defaultdict(list)
    for number, article in enumerate(ordered):
        for code in article.countries:
            holders["country", code].append(number)
        for topic in dict.fromkeys(t.id for t in article.topics):
            holders["topic", topic].append(number)
        holders["language", article.language].append(number)
        if article.countries:
            main[article.countries[0]].append(number)
    files = {}
    for facet in FACETS:
        for code, _ in vocabularies[facet]:
            data = {"p": bucketed(holders[facet, code], buckets)}
            if facet == "country":
                data["m"] = encode_postings(main.get(code, []))
            files[f"{INDEX_DIR}/f/{facet_file(facet, code)}.js"] = _script("addFacet", facet, code, data)
    return files


def _text(body: str) -> str:
    """The article's text for passages: paragraphs kept apart, white space squeezed, capped."""
    lines = body[: TEXT_CHARS + 1000].splitlines()
    text = "\n".join(filter(None, map(" ".join, map(str.split, lines))))  # a blank line squeezes to ""
    return text if len(text) <= TEXT_CHARS else text[:TEXT_CHARS].rsplit(" ", 1)[0]


def names(countries: list[tuple[str, str]], topics: dict[str, dict[str, str]]) -> list[list[object]]:
    """[name as queries are compared, facet, index in the facet's vocabulary] of every country and topic.

    Country names come from the ISO 3166 names in English, Spanish and Portuguese
    (pycountry) and the curated ones of ``data/countries.yaml``; topic names are the
    labels of the authority file in every language and its id. A query holding one
    reaches the articles tagged with it, whatever their language.
    """
    by_code = defaultdict(set)
    for alias, (code, kind) in gazetteer().items():
        if kind == "name":
            by_code[code].add(alias)
    out: set[tuple[str, str, int]] = set()
    for index, (code, name) in enumerate(countries):
        for alias in {name, *by_code.get(code, ())}:
            out.add((name_key(alias), "country", index))
    for index, (topic_id, labels) in enumerate(sorted(topics.items())):
        for label in {topic_id.replace("-", " "), *labels.values()}:
            out.add((name_key(label), "topic", index))
    return [list(entry) for entry in sorted(out) if entry[0]]


def _meta_file(
    model: SiteModel, vocabularies: dict[str, list[tuple[str, str]]], keys: list[str], tails: list[str]
) -> str:
    """Vocabularies with each value's file and number of articles, and what every query needs.

    No row per article: a query learns its results' language and year from the postings
    and the rest from the files of the values and articles it needs.
    """
    articles = model.articles
    counts: dict[str, Counter[str]] = {facet: Counter() for facet in FACETS}
    for article in articles:
        counts["country"].update(set(article.countries))
        counts["topic"].update({t.id for t in article.topics})
        counts["language"][article.language] += 1
    labels = {t.id: dict(t.labels) for a in articles for t in a.topics}
    years = Counter(a.year for a in articles if a.year)
    data = {
        "keys": keys,
        "tails": tails,
        **{
            f"{facet}s" if facet != "country" else "countries": [
                [code, name, facet_file(facet, code), counts[facet][code]]
                for code, name in vocabularies[facet]
            ]
            for facet in FACETS
        },
        "years": [[year, years[year]] for year in sorted(years, reverse=True)],
        "count": len(articles),
        "names": names(vocabularies["country"], labels),
        "stop": sorted(stopwords()),
        "join": sorted(joiners()),
        "heads": sorted(portfolio_heads()),
        "compounds": stop_compounds(),
    }
    return _script("addMeta", data)
