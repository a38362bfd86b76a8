"""The archive's search index: small JavaScript files a page loads with ``<script>`` tags.

One index serves the hosted site and the copy opened from ``file://`` (where a
browser allows neither ``fetch`` nor ES modules, so it must load through
``<script>`` tags). A query loads only what it needs, so neither grows much with
the archive:

- ``meta.js``: the shard keys, the facet vocabularies (countries, topics,
  languages, years), each article's facet values packed in a short string
  (about 12 bytes an article), enough to filter and count every match, and the
  articles' order newest first (``order``: about 3 bytes an article);
- ``t-KEY.js``: term shards. A key is the shortest prefix (two letters at least)
  whose terms fit in ``SPLIT_BYTES``; crowded prefixes are split letter by letter.
  Each term holds its postings (article numbers, delta-encoded in base 36), title
  postings, and for a surface form seen in the texts its stems
  (``cooperativas`` -> ``cooper``), so the browser needs no stemmer: a query word
  is looked up as a form, then as a stem, then by its longest indexed stem prefix;
- ``r-N.js``: result rows (id, title, date, a short summary) of ``ROWS_PER_FILE``
  articles by rank, loaded for the results on screen only.

Article numbers follow the order articles were added (``number_key``), so adding
an article appends a number and leaves the other postings alone
(``search_postings.py``). Results are ranked newest
first: ``order`` lists the article numbers newest first, and the row files hold
articles by rank counted from the oldest, so the newest results sit in the last
one or two files, and an article newer than all the others only changes the last.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

from hemeroteca.render.model import Article, SiteModel
from hemeroteca.render.search_postings import IndexState, base36, build_state, update_state

INDEX_DIR = "search-index"
SPLIT_BYTES = 48_000
ROWS_PER_FILE = 100
SNIPPET_CHARS = 160


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


_NUMBERED = re.compile(r"\d+")


def number_key(article_id: str) -> tuple[int, int, str]:
    """Articles are numbered in the order they were added, so a new one takes the next number.

    ``hemeroteca add`` names seeds ``NNN_hash`` with NNN one more than the highest: ids
    with a leading number sort by its value (``999_…`` before ``1000_…``), after any ids
    without one (seeds named by hand, which ``add`` never creates).
    """
    match = _NUMBERED.match(article_id)
    return (1, int(match.group()), article_id) if match else (0, 0, article_id)


def build_index(model: SiteModel, previous: IndexState | None = None) -> tuple[dict[str, str], IndexState]:
    """Relative path -> content of every search file, and the state to pass to the next build.

    ``previous``: the state a former build returned, for any archive or version; what
    cannot be reused from it is rebuilt, and the files are the same either way.
    """
    numbering = sorted(range(len(model.articles)), key=lambda rank: number_key(model.articles[rank].id))
    ordered = [model.articles[rank] for rank in numbering]
    state = (update_state(previous, ordered) if previous is not None else None) or build_state(ordered)
    files, keys = _shard_files(state)
    files[f"{INDEX_DIR}/meta.js"] = _meta_file(model, ordered, numbering, keys)
    oldest_first = model.articles[::-1]
    for start in range(0, len(oldest_first), ROWS_PER_FILE):
        chunk = oldest_first[start : start + ROWS_PER_FILE]
        rows = [[a.id, a.title, a.date or "", _snippet(a.summary)] for a in chunk]
        files[f"{INDEX_DIR}/r-{start // ROWS_PER_FILE}.js"] = _script("addRows", start // ROWS_PER_FILE, rows)
    return files, state


def _shard_files(state: IndexState) -> tuple[dict[str, str], list[str]]:
    """The term shards' files, and their keys."""
    entries: dict[str, dict[str, object]] = {stem: {"p": text} for stem, text in state.body.text.items()}
    for stem, text in state.title.text.items():
        entries[stem]["t"] = text
    for form, stems in state.forms().items():
        entries.setdefault(form, {})["s"] = sorted(stems)
        entries[form]["l"] = [",".join(sorted(stems[stem])) for stem in sorted(stems)]
    sizes = {term: len(term) + sum(len(str(v)) for v in e.values()) + 12 for term, e in entries.items()}
    keys = shard_keys(sizes, SPLIT_BYTES)
    shards: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    for term in sorted(entries):
        shards[keys[term]][term] = entries[term]
    files = {f"{INDEX_DIR}/t-{key}.js": _script("addShard", key, shard) for key, shard in shards.items()}
    return files, sorted(shards)


def _snippet(summary: str) -> str:
    if len(summary) <= SNIPPET_CHARS:
        return summary
    return summary[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


def rank_order(numbering: list[int]) -> str:
    """Article numbers newest first, each in base 36 padded to the width of the largest: no separators.

    ``numbering[n]`` is the rank (newest first) of article number ``n``.
    """
    numbers = [0] * len(numbering)
    for number, rank in enumerate(numbering):
        numbers[rank] = number
    width = len(base36(max(len(numbers) - 1, 0)))
    return "".join(base36(number).rjust(width, "0") for number in numbers)


def _meta_file(model: SiteModel, ordered: list[Article], numbering: list[int], keys: list[str]) -> str:
    """Vocabularies, the rank order, and every article's facets by number.

    Facets are 'year.language.countries.topics' in base 36, '|'-joined.
    """
    articles = model.articles
    countries = sorted({pair for a in articles for pair in zip(a.countries, a.country_names, strict=True)})
    topics = sorted({(t.id, t.label) for a in articles for t in a.topics})
    languages = sorted({(a.language, a.language_name) for a in articles})
    years = sorted({a.year for a in articles if a.year}, reverse=True) + ["Undated"]
    country_no = {code: base36(i) for i, (code, _) in enumerate(countries)}
    topic_no = {tid: base36(i) for i, (tid, _) in enumerate(topics)}
    language_no = {code: base36(i) for i, (code, _) in enumerate(languages)}
    year_no = {year: base36(i) for i, year in enumerate(years)}
    facets = "|".join(
        ".".join(
            [
                year_no[a.year or "Undated"],
                language_no[a.language],
                ",".join(country_no[c] for c in a.countries),
                ",".join(topic_no[t.id] for t in a.topics),
            ]
        )
        for a in ordered
    )
    data = {
        "keys": keys,
        "rowsPerFile": ROWS_PER_FILE,
        "countries": [list(c) for c in countries],
        "topics": [list(t) for t in topics],
        "languages": [list(lang) for lang in languages],
        "years": years,
        "facets": facets,
        "order": rank_order(numbering),
    }
    return _script("addMeta", data)
