"""The search index's postings, kept from one build to the next so that adding or changing
a few articles costs a few articles' work, not a re-read of the whole archive.

Articles are numbered in the order they were added (``catalogue.numbering.added_order``), so a
new article takes the next number and no other number moves.

A stem's postings are the numbers of the articles holding it, as base-36 gaps joined by
'.', kept apart by the articles' *bucket*, their language and year (``bucket``): the
browser then knows the language and year of every article a query finds from the
postings alone, and needs no table of every article's facets to keep a form to its
languages, sort by date or filter by year. Kept with its last number, a postings string
grows by one gap when an article is appended, without being decoded. An article whose key
changed is analysed again and only the stems it gained or lost are decoded and
re-encoded.

``IndexState`` also keeps what each article contributed, packed in bytes: the numbers of the
(form, stem, language) pairs of all its words (their gaps, compressed: unpickling 10,000 of
them is quick), and the numbers of its title's stems and of those it uses often, so that
an article's old words can be taken out, and a pair no article holds any longer is marked
dead: no form is left pointing at a stem for a word gone from the texts.
Whatever path built it, a state holding the same articles gives the same postings: the
files made from it are byte-identical.
"""

from __future__ import annotations

import hashlib
import zlib
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib.metadata import PackageNotFoundError, version
from itertools import accumulate, compress, count, repeat
from operator import ge, sub
from typing import NamedTuple

import numpy as np

from hemeroteca.render.model import Article
from hemeroteca.render.search_text import (
    NAMED,
    article_names,
    portfolios,
    stopwords,
    terms,
    title_trusted,
    token_words,
    tokens,
    words,
)


def _versions(*packages: str) -> str:
    return ", ".join(f"{name} {_version(name)}" for name in packages)


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "absent"


# A state made by other code is not reused: change the number whenever the analysis, the
# encoding or IndexState's fields change. The stemmers and the country names (searchable
# words of every article) come from these packages.
FORMAT = "postings 10, " + _versions("snowballstemmer", "PyStemmer", "pycountry")
_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
# A stem an article uses this many times per OFTEN_WORDS words (twice at least) is one it uses often.
OFTEN, OFTEN_WORDS = 1, 250
_PAIRS = "I" if array("I").itemsize >= 4 else "L"  # packed pair numbers: unsigned, 32 bits at least


def base36(number: int) -> str:
    if number < 0:
        raise ValueError(f"no base-36 gap for {number}: postings must be sorted")
    digits = ""
    while True:
        number, rest = divmod(number, 36)
        digits = _BASE36[rest] + digits
        if not number:
            return digits


def encode_postings(numbers: list[int]) -> str:
    """Sorted article numbers as base-36 gaps joined by '.': about 2–3 bytes per posting."""
    return ".".join(map(base36, map(sub, numbers, [0, *numbers[:-1]])))


# A postings string that starts with BITMAP is a bitmap: BITMAP, the first number in base 36,
# BITMAP, then one character of _BITS per six numbers from the first on, the lowest bit the
# lowest number. Dense postings take a sixth of a byte per number where gaps take two to three
# (a stem in 65 % of 100,000 articles: 17 KB instead of about 200); which is written is
# whichever is shorter (``compact``).
BITMAP = "*"
_BITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_TO_BITS = bytes(ord(_BITS[v]) if v < len(_BITS) else 0 for v in range(256))
_FROM_BITS = bytes(max(_BITS.find(chr(c)), 0) for c in range(256))


def bitmap_size(first: int, last: int) -> int:
    """Characters of the bitmap of numbers from ``first`` to ``last`` (both held)."""
    return len(base36(first)) + 2 + (last - first) // 6 + 1


# A flag byte (0 or 1) -> that flag at bit ``b`` of a cell, and a cell -> its bit ``b`` as a flag:
# what lets ``encode_bitmap`` and ``decode_postings`` work a whole bitmap in C loops (bytes
# methods, big integers) instead of a Python step per number. A bitmap is written for a stem
# in most articles: at 100,000 articles tens of thousands of numbers each, on every build.
_FLAG_TO_BIT = [bytes((1 << b) * (v == 1) for v in range(256)) for b in range(6)]
_BIT_TO_FLAG = [bytes(v >> b & 1 for v in range(256)) for b in range(6)]


def encode_bitmap(numbers: Sequence[int]) -> str:
    """Sorted, distinct article numbers (one at least) as a bitmap (see ``BITMAP``)."""
    first = numbers[0]
    size = (numbers[-1] - first) // 6 + 1
    flags = bytearray(6 * size)  # one byte per number from the first on: 1 when held
    deque(map(flags.__setitem__, map(sub, numbers, repeat(first)), repeat(1)), 0)
    cells = 0
    for bit in range(6):  # the flags of every sixth number are one bit of every cell
        cells |= int.from_bytes(flags[bit::6].translate(_FLAG_TO_BIT[bit]), "little")
    text = cells.to_bytes(size, "little").translate(_TO_BITS).decode("ascii")
    return f"{BITMAP}{base36(first)}{BITMAP}{text}"


class Bitmaps:
    """The bitmaps the last build made, by a digest of the postings each was made from.

    A stem in most articles is written as a bitmap (``compact``, ``search_index.body_postings``):
    its postings decoded and encoded again on every build, dirty or not, though adding one
    article changes a few of them. Hashing the postings costs a fraction of that. ``before``
    is what ``made`` held after the last build (from the signed cache: anything else counts
    as nothing); ``made`` keeps only what this build used.
    """

    def __init__(self, before: object = None) -> None:
        self._before = before if isinstance(before, dict) else {}
        self.made: dict[bytes, str] = {}

    def __call__(self, postings: str, make: Callable[[], str]) -> str:
        """The bitmap of ``postings`` (any text that names them), made by ``make`` if not known."""
        key = hashlib.blake2b(postings.encode(), digest_size=16).digest()
        bitmap = self._before.get(key)
        if not isinstance(bitmap, str):
            bitmap = make()
        self.made[key] = bitmap
        return bitmap

    def carry(self, stale: set[bytes]) -> None:
        """Keep too the last build's bitmaps this one did not look at, but ``stale``'s: a dirty build
        makes only the entries of the terms that changed (``search_dirty``), not every bitmap."""
        for key, bitmap in self._before.items():
            if key not in stale:
                self.made.setdefault(key, bitmap)


def compact(text: str, last: int, bitmaps: Bitmaps | None = None) -> str:
    """Postings as gaps (``encode_postings``) or as a bitmap, whichever is shorter.

    ``last`` is their last number: a bitmap's size is known before anything is decoded, so
    sparse postings, most of them, are never decoded.
    """
    if not text or bitmap_size(int(text.partition(".")[0], 36), last) >= len(text):
        return text
    if bitmaps is None:
        return encode_bitmap(decode_postings(text))
    return bitmaps(text, lambda: encode_bitmap(decode_postings(text)))


def decode_postings(text: str) -> list[int]:
    """The article numbers of an encoded postings string, gaps or bitmap (what search.js does)."""
    if text.startswith(BITMAP):
        head, _, cells = text[1:].partition(BITMAP)
        first = int(head, 36)
        values = cells.encode("ascii").translate(_FROM_BITS)
        flags = bytearray(6 * len(values))
        for bit in range(6):
            flags[bit::6] = values.translate(_BIT_TO_FLAG[bit])
        return list(compress(count(first), flags))
    return list(accumulate(map(int, text.split("."), repeat(36)))) if text else []


def decode_bucketed(text: str) -> dict[str, list[int]]:
    """Bucket -> article numbers of postings apart by bucket, ``es2019:4.1;pt:c`` (what search.js reads)."""
    return {
        where: decode_postings(gaps)
        for where, _, gaps in (part.partition(":") for part in text.split(";") if part)
    }


@dataclass
class Postings:
    """Stem -> encoded postings, with each stem's last number so that appending needs no decoding."""

    text: dict[str, str] = field(default_factory=dict)
    last: dict[str, int] = field(default_factory=dict)

    def copy(self) -> Postings:
        return Postings(dict(self.text), dict(self.last))

    def append(self, stem: str, number: int) -> None:
        """Add a number above every number held."""
        last = self.last.get(stem)
        if last is not None and number <= last:
            raise ValueError(f"{stem!r}: {number} does not come after {last}")
        self.text[stem] = base36(number) if last is None else f"{self.text[stem]}.{base36(number - last)}"
        self.last[stem] = number

    def edit(self, stem: str, removed: set[int], added: set[int]) -> None:
        numbers = sorted(set(decode_postings(self.text.get(stem, ""))) - removed | added)
        if numbers:
            self.text[stem], self.last[stem] = encode_postings(numbers), numbers[-1]
        else:
            del self.text[stem], self.last[stem]


def bucket(article: Article) -> str:
    """Language and year, as they prefix an article's postings: ``es2019``, ``pt`` when undated.

    Language codes are letters (the record schema) and a year four digits, so the browser
    splits them apart again without a separator.
    """
    return f"{article.language}{article.year or ''}"


BUCKETED = "\0"  # joins a stem and a bucket in the keys of ``IndexState.body``


@dataclass
class IndexState:
    """Everything the search files are made from, picklable, to hand to the next build."""

    format: str
    ids: list[str]  # article ids in number order
    keys: list[str]  # each article's ``Article.key``, in number order
    buckets: list[str]  # each article's ``bucket``, in number order
    # pair number -> (folded form, folded stem, language), numbered as first met
    pairs: list[tuple[str, str, str]]
    dead: set[int]  # numbers of the pairs no article holds any longer
    held: list[bytes]  # per article: the pair numbers of all its words, packed
    titled: list[bytes]  # per article: the stem numbers of its title's words and names, packed
    often: list[bytes]  # per article: the stem numbers it uses often (``OFTEN``), packed
    body: Postings  # stem + BUCKETED + bucket -> the articles of that bucket holding it
    title: Postings
    frequent: Postings  # stem -> the articles that use it often: the ranking's term frequency

    def copy(self) -> IndexState:
        """A copy to update, sharing only immutable values with this one."""
        return replace(
            self,
            ids=list(self.ids),
            keys=list(self.keys),
            buckets=list(self.buckets),
            pairs=list(self.pairs),
            dead=set(self.dead),
            held=list(self.held),
            titled=list(self.titled),
            often=list(self.often),
            body=self.body.copy(),
            title=self.title.copy(),
            frequent=self.frequent.copy(),
        )

    def forms(self) -> dict[str, dict[str, set[str]]]:
        """Surface form -> the stems it stands for -> the languages in which it does.

        The languages keep a Spanish ``cooperativas`` (stem ``cooper``) from finding the
        English ``cooperation``, which Snowball's English stemmer also cuts to ``cooper``.
        Only forms some article still holds are listed.
        """
        forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for number, (form, stem, language) in enumerate(self.pairs):
            if form != stem and number not in self.dead:
                forms[form][stem].add(language)
        return forms


class Analysis(NamedTuple):
    """What one article brings to the index: pair numbers of its words, and stem numbers of the
    postings it is in."""

    held: set[int]  # pair numbers of every word and name
    body: set[int]  # their stems
    titled: set[int]  # stems of the title's words and of the actors the title names
    often: set[int]  # stems it uses often (``OFTEN``)


# What ``_Analyser`` maps a piece of text (``search_text.tokens``) to, besides a pair: no word
# to index in it (stop words only, or no word at all), or several words.
_NONE, _MANY = -1, -2


class _Analyser:
    """An article's words as numbers of (form, stem, language) pairs: each distinct word is stemmed
    once per language, and each distinct piece of text (``search_text.tokens``) cut into words once.

    Stems are numbered too, so mapping an article's pairs to its stems is a list lookup.
    """

    def __init__(self, pairs: list[tuple[str, str, str]]) -> None:
        self.pairs = pairs  # extended in place with the pairs met first here
        self.pair_numbers: dict[tuple[str, str, str], int] = {}
        self.stems: list[str] = []  # stem number -> stem
        self.stem_numbers: dict[str, int] = {}
        self.pair_stem: list[int] = []  # pair number -> stem number
        for pair in list(pairs):
            self._number(pair)
        self.tables: dict[str, dict[str, int]] = defaultdict(dict)  # language -> word -> pair
        # language -> piece of text -> the pair of its one word, and that pair's stem (or _NONE, _MANY)
        self.token_pair: dict[str, dict[bytes, int]] = defaultdict(dict)
        self.token_stem: dict[str, dict[bytes, int]] = defaultdict(dict)
        self.token_pairs: dict[str, dict[bytes, list[int]]] = defaultdict(dict)  # the pairs of a _MANY

    def _number(self, pair: tuple[str, str, str]) -> int:
        number = self.pair_numbers.get(pair)
        if number is None:
            number = self.pair_numbers[pair] = len(self.pair_stem)
            if number == len(self.pairs):
                self.pairs.append(pair)
            stem = self.stem_numbers.get(pair[1])
            if stem is None:
                stem = self.stem_numbers[pair[1]] = len(self.stems)
                self.stems.append(pair[1])
            self.pair_stem.append(stem)
        return number

    def _word(self, language: str, word: str) -> int:
        """The pair number of a lower-cased word."""
        table = self.tables[language]
        number = table.get(word)
        if number is None:
            number = table[word] = self._number((*terms(language, word), language))
        return number

    def _named(self, language: str, word: str) -> int:
        """The pair number of a lower-cased word said inside a ministry's name: its form and
        stem marked ``NAMED``, a term apart from the word's."""
        form, stem = terms(language, word)
        return self._number((NAMED + form, NAMED + stem, language))

    def _portfolio(self, language: str, names: list[str], said: Counter[int], every: bool) -> list[int]:
        """The pair numbers of the words of ministries' names: the name's own terms (``_named``),
        but a text's words when the text says at least half of them elsewhere (``said``, its
        stems' counts): "la viceministra de la Micro, Pequeña y Mediana Empresa" in a story about
        small businesses is about its story. Every word said (``every``), or each word once."""
        stop = stopwords()
        out: list[int] = []
        for name in names:
            found = [word for word in words(name) if word not in stop]
            if not every:
                found = sorted(set(found))
            plain = [self._word(language, word) for word in found]
            if 2 * sum(self.pair_stem[pair] in said for pair in plain) >= len(plain):
                out.extend(plain)
            else:
                out.extend(self._named(language, word) for word in found)
        return out

    def _learn(self, language: str, token: bytes) -> None:
        stop = stopwords()
        pairs = [self._word(language, word) for word in token_words(token) if word not in stop]
        if len(pairs) == 1:
            self.token_pair[language][token] = pairs[0]
            self.token_stem[language][token] = self.pair_stem[pairs[0]]
            return
        self.token_pair[language][token] = self.token_stem[language][token] = _MANY if pairs else _NONE
        if pairs:
            self.token_pairs[language][token] = pairs

    def __call__(self, article: Article, body: str) -> Analysis:
        """A stem is used often when its forms, together, come up ``OFTEN`` times per
        ``OFTEN_WORDS`` words of the article (the title's words once each), twice at least:
        a term frequency of one bit, relative to the article's length, which is what
        ranking needs of it (more mentions count less and less) at one posting more for
        the few stems an article is about.

        The steps run by C loops over the article's pieces of text, each piece looked up
        once: once the archive is large, nearly every piece was met in earlier articles.
        """
        language = article.language
        token_pair, token_stem = self.token_pair[language], self.token_stem[language]
        names, titled_names = article_names(article)
        body, in_names = portfolios(body)
        title, title_in_names = portfolios(article.title)
        found = tokens(body)
        try:
            per_stem = Counter(map(token_stem.__getitem__, found))
        except KeyError:  # pieces met first here
            for token in set(found).difference(token_stem):
                self._learn(language, token)
            per_stem = Counter(map(token_stem.__getitem__, found))
        distinct = set(found)
        held = set(map(token_pair.__getitem__, distinct))
        held.discard(_NONE)
        per_stem.pop(_NONE, None)
        if per_stem.pop(_MANY, None):
            held.discard(_MANY)
            many = self.token_pairs[language]
            for token in distinct.intersection(many):
                times = found.count(token)
                for pair in many[token]:
                    held.add(pair)
                    per_stem[self.pair_stem[pair]] += times
        title_pairs = [self._word(language, word) for word in set(words(title)) - stopwords()]
        # The words of a ministry's name (search_text.portfolios), as the name's own terms.
        named = self._portfolio(language, in_names, per_stem, every=True)
        title_pairs.extend(self._portfolio(language, title_in_names, per_stem, every=False))
        held.update(title_pairs, named)
        per_stem.update(map(self.pair_stem.__getitem__, title_pairs))
        per_stem.update(map(self.pair_stem.__getitem__, named))
        least = max(2, OFTEN * per_stem.total() / OFTEN_WORDS)
        often = set(compress(per_stem, map(ge, per_stem.values(), repeat(least))))
        name_pairs = {name: self._number((name, name, language)) for name in names}
        held.update(name_pairs.values())
        body_stems = set(per_stem)
        body_stems.update(map(self.pair_stem.__getitem__, name_pairs.values()))
        # A title that may be no headline (the opening sentence, a label) ranks as text.
        titled = set(map(self.pair_stem.__getitem__, title_pairs)) if title_trusted(article) else set()
        titled.update(self.pair_stem[name_pairs[name]] for name in titled_names)
        return Analysis(held, body_stems, titled, often)

    def stems_of(self, pairs: Iterable[int]) -> set[int]:
        """The stem numbers of some pair numbers."""
        return set(map(self.pair_stem.__getitem__, pairs))


def _pack(numbers: set[int]) -> bytes:
    """Pair numbers as their sorted gaps, compressed: a quarter of their size as 4-byte numbers
    (about 2 KB an article otherwise, 200 MB of the index's memory at 100,000 articles)."""
    ordered = sorted(numbers)
    return zlib.compress(array(_PAIRS, map(sub, ordered, [0, *ordered[:-1]])).tobytes(), 1)


def _unpack(packed: bytes) -> array:
    gaps = array(_PAIRS)
    gaps.frombytes(zlib.decompress(packed))
    return array(_PAIRS, accumulate(gaps))


def _pack_few(numbers: set[int]) -> bytes:
    """A few numbers (an article's title stems, or those it uses often: 7 and 34 on average),
    sorted, as bytes: too few for compressing to be worth its time."""
    return array(_PAIRS, sorted(numbers)).tobytes()


def _unpack_few(packed: bytes) -> array:
    numbers = array(_PAIRS)
    numbers.frombytes(packed)
    return numbers


class Growing:
    """Postings gathered as they grow, one article at a time, and encoded once at the end: per
    key the text of its gaps (``encode_postings``) and its last number.

    An article's keys go into one array, its number beside each: two ``array.extend`` per
    article, where appending a gap to each key's text was a Python step per posting (a quarter
    of a scratch build's CPU). Every ``BATCH`` postings the batch is sorted by key, stably (each
    key's numbers stay ascending, as added) and kept as its numbers (4 bytes a posting) and its
    keys' runs; ``drain`` puts each key's runs end to end and makes the text of every gap by
    numpy, a few million postings at a time, then one string per key.

    ``groups``: each article number's group (its bucket), when keys are kept apart by it; a
    key and a group are then one number, ``key * count + group``, in ``drain``'s ``name``.
    """

    BATCH = 1 << 20
    _PART = 1 << 19  # postings encoded at once by ``drain``

    def __init__(self, groups: Sequence[int] = (), count: int = 1) -> None:
        self._groups = np.asarray(groups, np.int64) if count > 1 else None
        self._count = count
        self._keys, self._numbers = array("I"), array("I")
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # per batch: its keys, their postings' counts
        self._sorted: list[np.ndarray] = []  # per batch: its numbers, key by key

    def add(self, keys: Collection[int], number: int) -> None:
        """Append ``number``, above every number held, to each of ``keys`` (distinct)."""
        self._keys.extend(keys)
        self._numbers.extend(repeat(number, len(keys)))
        if len(self._keys) >= self.BATCH:
            self._seal()

    def _seal(self) -> None:
        """Keep the batch sorted by key, and start a new one."""
        if not self._keys:
            return
        numbers = np.frombuffer(self._numbers, np.uint32)
        keys = np.frombuffer(self._keys, np.uint32).astype(np.int64)
        if self._groups is not None:
            keys = keys * self._count + self._groups[numbers]
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        starts = np.flatnonzero(np.diff(keys, prepend=-1))
        self._runs.append((keys[starts], np.diff(np.append(starts, len(keys)))))
        self._sorted.append(numbers[order])
        self._keys, self._numbers = array("I"), array("I")

    def drain(self, made: Postings, name: Callable[[int], str]) -> None:
        """Move every key's postings into ``made`` under ``name(key)``."""
        self._seal()
        if not self._runs:
            return
        keys = np.concatenate([keys for keys, _ in self._runs])
        sizes = np.concatenate([sizes for _, sizes in self._runs])
        numbers = np.empty(int(sizes.sum()), np.uint32)
        at = 0
        while self._sorted:  # each batch let go of once copied: its numbers are not held twice
            part = self._sorted.pop(0)
            numbers[at : at + len(part)] = part
            at += len(part)
        self._runs = []
        begins = np.cumsum(sizes) - sizes  # each run's place in ``numbers``
        order = np.argsort(keys, kind="stable")  # a key's runs in the order of their batches
        keys, sizes, begins = keys[order], sizes[order], begins[order]
        del order
        firsts = np.flatnonzero(np.diff(keys, prepend=-1))  # the first run of each key
        before = (np.cumsum(sizes) - sizes)[firsts]  # the postings before each key's
        # about _PART postings at a time, cut where a key starts: a key's runs are encoded together
        cuts = np.unique(np.searchsorted(before, np.arange(0, int(before[-1]) + 1, self._PART)))
        bounds = [*firsts[cuts[cuts < len(firsts)]].tolist(), len(keys)]
        for start, end in zip(bounds, bounds[1:], strict=False):
            self._encode(made, name, keys[start:end], sizes[start:end], begins[start:end], numbers)

    @staticmethod
    def _encode(
        made: Postings,
        name: Callable[[int], str],
        keys: np.ndarray,
        sizes: np.ndarray,
        begins: np.ndarray,
        numbers: np.ndarray,
    ) -> None:
        """The postings of some keys' runs (every run of each key, in order) into ``made``."""
        total = int(sizes.sum())
        at = np.cumsum(sizes) - sizes  # each run's place in what is gathered here
        gathered = numbers[np.repeat(begins - at, sizes) + np.arange(total)].astype(np.int64)
        starts = np.flatnonzero(np.diff(keys, prepend=-1))  # runs that start a key
        first = at[starts]  # each key's first posting
        gaps = np.diff(gathered, prepend=0)
        gaps[first] = gathered[first]
        text, place = _gap_text(gaps)
        last = gathered[np.append(first[1:], total) - 1].tolist()
        cuts = place[np.append(first, total)].tolist()
        texts, lasts = made.text, made.last
        for key, start, end, final in zip(keys[starts].tolist(), cuts, cuts[1:], last, strict=False):
            named = name(key)
            texts[named], lasts[named] = text[start + 1 : end].decode("ascii"), final


_DIGITS = np.frombuffer(_BASE36.encode("ascii"), np.uint8)


def _gap_text(gaps: np.ndarray) -> tuple[bytes, np.ndarray]:
    """The text of every gap, each as "." and its base-36 digits (``base36``), end to end, and
    where each one's text starts, with one more entry, the end: array operations, not a call per gap."""
    digits = np.ones(len(gaps), np.int64)
    power, most = 36, int(gaps.max())
    while power <= most:
        digits += gaps >= power
        power *= 36
    at = np.zeros(len(gaps) + 1, np.int64)
    np.cumsum(digits + 1, out=at[1:])
    text = np.empty(int(at[-1]), np.uint8)
    text[at[:-1]] = ord(".")
    rest, place = gaps.copy(), at[1:] - 1  # each gap's last digit first, then the one before it
    for _ in range(int(digits.max())):
        more = digits > 0
        text[place[more]] = _DIGITS[rest[more] % 36]
        rest //= 36
        place -= 1
        digits -= 1
    return text.tobytes(), at


# Told each article analysed, its number and its text, while the text is in hand: the text is read
# from its record once per build (``search_index.build_index``).
TextSink = Callable[[int, Article, str], None]


def _ignore(number: int, article: Article, body: str) -> None:
    pass


def build_state(ordered: list[Article], seen: TextSink | None = None) -> IndexState:
    """The state of ``ordered`` (articles in the order added: ``numbering.added_order``), from scratch."""
    seen = seen or _ignore
    analyser = _Analyser([])
    buckets = [bucket(article) for article in ordered]
    places = sorted(set(buckets))
    place = {where: at for at, where in enumerate(places)}
    # by stem number: the articles holding it (in each bucket), in titles, using it often
    body = Growing([place[where] for where in buckets], len(places))
    title, often = Growing(), Growing()
    packed: tuple[list[bytes], ...] = ([], [], [])
    for number, article in enumerate(ordered):
        text = article.body
        seen(number, article, text)
        found = analyser(article, text)
        packed[0].append(_pack(found.held))
        packed[1].append(_pack_few(found.titled))
        packed[2].append(_pack_few(found.often))
        body.add(found.body, number)
        title.add(found.titled, number)
        often.add(found.often, number)
    stems = analyser.stems
    postings = Postings(), Postings(), Postings()
    body.drain(postings[0], lambda key: stems[key // len(places)] + BUCKETED + places[key % len(places)])
    title.drain(postings[1], stems.__getitem__)
    often.drain(postings[2], stems.__getitem__)
    return IndexState(
        format=FORMAT,
        ids=[a.id for a in ordered],
        keys=[a.key for a in ordered],
        buckets=buckets,
        pairs=analyser.pairs,
        dead=set(),
        held=packed[0],
        titled=packed[1],
        often=packed[2],
        body=postings[0],
        title=postings[1],
        frequent=postings[2],
    )


def update_state(previous: object, ordered: list[Article], seen: TextSink | None = None) -> IndexState | None:
    """The state of ``ordered`` made from ``previous``, or None when previous cannot serve.

    The articles both hold under the same ids in the same places keep their numbers; of
    those, only the ones whose key changed are analysed again. Previous articles past the
    first id that differs are taken out and the articles from there on appended, so
    adding an article numbered after all the others, or removing the last one, costs one
    article's work. When more than a quarter of the previous articles would move (an
    early article removed, or one inserted among them), None: building from
    scratch is cheaper.
    """
    if not isinstance(previous, IndexState) or getattr(previous, "format", None) != FORMAT:
        return None
    kept = len(previous.ids)
    lengths = {
        len(v) for v in (previous.keys, previous.buckets, previous.held, previous.titled, previous.often)
    }
    if lengths != {kept}:
        return None  # damaged
    ids = [a.id for a in ordered]
    if ids[:kept] != previous.ids:
        kept = 0
        while kept < min(len(ids), len(previous.ids)) and ids[kept] == previous.ids[kept]:
            kept += 1
        if len(previous.ids) - kept > len(previous.ids) // 4:
            return None
    seen = seen or _ignore
    state = previous.copy()
    analyser = _Analyser(state.pairs)  # numbers the stems as the build that made the state did
    stems = analyser.stems
    packs = (state.held, state.titled, state.often)
    postings = (state.body, state.title, state.frequent)
    # postings key -> (numbers it loses, numbers it gains), for the body, the titles and the stems used often
    edits: tuple[dict, ...] = tuple(defaultdict(lambda: (set(), set())) for _ in packs)
    lost: set[int] = set()  # pairs some article no longer holds
    nothing = Analysis(set(), set(), set(), set())

    def keys_of(stem_numbers: Iterable[int], where: str | None) -> set[str]:
        """The postings keys of some stems, each with ``where`` (a bucket) when given."""
        if where is None:
            return {stems[s] for s in stem_numbers}
        return {stems[s] + BUCKETED + where for s in stem_numbers}

    def change(number: int, found: Analysis, where: str) -> None:
        """Article ``number`` now holds what ``found`` says in bucket ``where`` (nothing: it is gone)."""
        held = set(_unpack(state.held[number]))
        lost.update(held - found.held)
        olds = (analyser.stems_of(held), _unpack_few(state.titled[number]), _unpack_few(state.often[number]))
        for kind, (stem_edits, old, new) in enumerate(zip(edits, olds, found[1:], strict=True)):
            before = keys_of(old, state.buckets[number] if kind == 0 else None)
            after = keys_of(new, where if kind == 0 else None)
            for key in before - after:
                stem_edits[key][0].add(number)
            for key in after - before:
                stem_edits[key][1].add(number)

    for number in range(kept, len(state.ids)):
        change(number, nothing, "")
    for values in (state.ids, state.keys, state.buckets, *packs):
        del values[kept:]
    appended: list[tuple[int, Analysis, str]] = []
    for number, article in enumerate(ordered):
        if number < kept and article.key == state.keys[number]:
            continue
        text = article.body
        seen(number, article, text)
        found, where = analyser(article, text), bucket(article)
        state.dead -= found.held
        packed = (_pack(found.held), _pack_few(found.titled), _pack_few(found.often))
        if number < kept:
            change(number, found, where)
            state.keys[number], state.buckets[number] = article.key, where
            for values, pack in zip(packs, packed, strict=True):
                values[number] = pack
            continue
        appended.append((number, found, where))
        state.ids.append(article.id)
        state.keys.append(article.key)
        state.buckets.append(where)
        for values, pack in zip(packs, packed, strict=True):
            values.append(pack)
    for stem_postings, stem_edits in zip(postings, edits, strict=True):
        for stem, (removed, added) in stem_edits.items():
            stem_postings.edit(stem, removed, added)
    # New articles last: their numbers are above every number held, even once the edits
    # above have changed some stem's last number, so their postings are appended.
    for number, found, where in appended:
        for kind, (stem_postings, stem_numbers) in enumerate(zip(postings, found[1:], strict=True)):
            for key in keys_of(stem_numbers, where if kind == 0 else None):
                stem_postings.append(key, number)
    state.dead |= _unheld(lost - state.dead, state.held)
    return state


def _unheld(pairs: set[int], held: list[bytes]) -> set[int]:
    """Those of ``pairs`` no article holds: one pass over the articles, ending once all are found."""
    pairs = set(pairs)
    for packed in held:
        if not pairs:
            break
        pairs.difference_update(_unpack(packed))
    return pairs
