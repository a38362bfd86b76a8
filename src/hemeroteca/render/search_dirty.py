"""The term shards after a few articles changed, made from the last build's instead of the whole state.

A term's entry in its shard (``search_index._shards``: its postings, title postings, postings of
the articles using it often, its forms and stems) changes only when an article holding it
changes, or when one of its (form, stem, language) pairs is new or stops or starts being held
by any article. After one article is added those are a few hundred terms of hundreds of
thousands; the shards holding them are read back from the files the last build wrote, their
changed terms' entries put in, and nothing else is made. Remaking every shard from the state
was, with reading every article, most of what the search index's process did in a dirty build.

Which shard a term goes to depends on the sizes of the terms around it (``shard_keys``: the
shortest prefix whose terms fit in ``SPLIT_BYTES``). The last build's ``Layout`` keeps each
shard's total size, so the split can be checked where the changed terms fall: while every shard
they touch still fits and every prefix split before is still too big to hold whole, the keys
are those a build from scratch finds. When a change would move the split, when a shard would be
left empty, or when a shard's file is not the one the last build wrote, every shard is made
from the state as before: the files are the same either way (a property test compares them).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain

from hemeroteca.render import search_index
from hemeroteca.render.search_index import _shards, body_postings, shard_digest, term_size
from hemeroteca.render.search_postings import BUCKETED, Bitmaps, IndexState, _unpack, compact

Shard = dict[str, dict[str, object]]
# The order in which ``_shards`` gives a term's entry its fields: the digest of a shard depends on it.
FIELDS = ("p", "t", "o", "s", "l", "f")


@dataclass(frozen=True)
class Layout:
    """The term shards a build made: each key's terms' total size (``term_size``) and its digest
    (``shard_digest``, what ``IndexFiles.key`` tells the writer)."""

    sizes: dict[str, int]
    digests: dict[str, str]


def layout_of(shards: Mapping[str, Shard]) -> Layout:
    """The layout of shards made whole."""
    sizes = {
        key: sum(term_size(term, entry) for term, entry in shard.items()) for key, shard in shards.items()
    }
    return Layout(sizes, {key: shard_digest(key, shard) for key, shard in shards.items()})


class Shards(Mapping[str, Shard]):
    """Every shard by key: those made again here, the others from the state when asked (a writer
    asks only for a file it cannot trust on disk)."""

    def __init__(
        self, keys: list[str], made: dict[str, Shard], whole: Callable[[], dict[str, Shard]]
    ) -> None:
        self._keys = keys
        self._known = set(keys)
        self._made = made
        self._whole = whole
        self._all: dict[str, Shard] | None = None

    def __getitem__(self, key: str) -> Shard:
        if key in self._made:
            return self._made[key]
        if key not in self._known:
            raise KeyError(key)
        if self._all is None:
            self._all = self._whole()
        return self._all[key]

    def __contains__(self, key: object) -> bool:
        return key in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def changed_terms(previous: IndexState, state: IndexState) -> set[str]:
    """The terms whose entries may differ between the two states (``state`` updated from ``previous``).

    The stems of every pair an article added, removed or changed held before or holds now
    (its title's stems and those it uses often are among them), and the forms and stems of the
    pairs that are new or began or stopped being held by some article.
    """
    pairs = state.pairs
    held: list[bytes] = []
    for number in range(max(len(previous.ids), len(state.ids))):
        if number >= len(previous.ids) or number >= len(state.ids):
            held.extend(packs[number] for packs in (previous.held, state.held) if number < len(packs))
        elif (
            previous.ids[number] != state.ids[number]
            or previous.keys[number] != state.keys[number]
            or previous.buckets[number] != state.buckets[number]
            or previous.held[number] != state.held[number]
        ):
            held.extend((previous.held[number], state.held[number]))
    terms = {pairs[pair][1] for pair in set(chain.from_iterable(map(_unpack, held)))}
    for pair in chain(previous.dead ^ state.dead, range(len(previous.pairs), len(pairs))):
        form, stem, _ = pairs[pair]
        terms.update((form, stem))
    return terms


def term_entries(
    state: IndexState,
    terms: set[str],
    bitmaps: Callable[[str, Callable[[], str]], str] | None,
    forms: bool = True,
) -> dict[str, dict[str, object]]:
    """The entries of ``terms`` as ``_shards`` makes them from ``state`` (a term with none left is
    absent); without their forms and stems unless ``forms``."""
    buckets = sorted(set(state.buckets))
    body, title, frequent = state.body, state.title, state.frequent
    entries: dict[str, dict[str, object]] = defaultdict(dict)
    for term in terms:
        parts = [
            (where, body.text[key], body.last[key])
            for where in buckets
            if (key := f"{term}{BUCKETED}{where}") in body.text
        ]
        if parts:
            entries[term]["p"] = body_postings(parts, bitmaps)
        for field, postings in (("t", title), ("o", frequent)):
            if term in postings.text:
                entries[term][field] = compact(postings.text[term], postings.last[term], bitmaps)
    stems_of: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    forms_of: dict[str, set[str]] = defaultdict(set)
    dead = state.dead
    for number, (form, stem, language) in enumerate(state.pairs if forms else ()):
        if form != stem and (form in terms or stem in terms) and number not in dead:
            if form in terms:
                stems_of[form][stem].add(language)
            if stem in terms:
                forms_of[stem].add(form)
    for form, stems in stems_of.items():
        entries[form]["s"] = sorted(stems)
        entries[form]["l"] = [",".join(sorted(stems[stem])) for stem in sorted(stems)]
    for stem, forms in forms_of.items():
        entries[stem]["f"] = sorted(forms)
    return {term: {f: entry[f] for f in FIELDS if f in entry} for term, entry in entries.items()}


def parse_shard(key: str, script: str) -> Shard | None:
    """A shard as ``_shards`` made it, from the script ``IndexFiles`` wrote for it; None if it is not one."""
    head, tail = f"hemerotecaSearch.addShard({json.dumps(key, ensure_ascii=False)},", ");\n"
    if not (script.startswith(head) and script.endswith(tail)):
        return None
    try:
        shard = json.loads(script[len(head) : -len(tail)])
    except ValueError:
        return None
    if not isinstance(shard, dict) or not all(isinstance(entry, dict) for entry in shard.values()):
        return None
    return {term: {f: entry[f] for f in FIELDS if f in entry} for term, entry in shard.items()}


def _stale_bitmaps(previous: IndexState, terms: set[str]) -> set[bytes]:
    """The ``Bitmaps`` keys the entries of ``terms`` had in ``previous``: bitmaps no longer used."""
    recorder = Bitmaps()
    term_entries(previous, terms, lambda postings, make: recorder(postings, lambda: ""), forms=False)
    return set(recorder.made)


def update_shards(
    layout: Layout,
    read: Callable[[str], Shard | None],
    previous: IndexState,
    state: IndexState,
    bitmaps: Bitmaps | None = None,
) -> tuple[Shards, Layout] | None:
    """Every shard of ``state`` (updated from ``previous``, whose shards ``layout`` describes and
    ``read`` gives back by key), made again only where a changed term falls; None when the split
    would move or a shard cannot be read back (``_shards`` then makes them all)."""
    terms = changed_terms(previous, state)
    entries = term_entries(state, terms, bitmaps)
    keys = sorted(layout.sizes)
    split = {key[:end] for key in keys for end in range(2, len(key))}  # prefixes split further

    def key_of(term: str) -> str:  # as ``shard_keys`` places it, while the split holds
        node = term[:2]
        while node in split and len(term) > len(node):
            node = term[: len(node) + 1]
        return node

    changes: dict[str, list[str]] = defaultdict(list)
    for term in terms:
        changes[key_of(term)].append(term)
    sizes, digests = dict(layout.sizes), dict(layout.digests)
    made: dict[str, Shard] = {}
    for key, changed in changes.items():
        old = read(key) if key in layout.sizes else {}
        if old is None:
            return None
        shard = dict(old)
        for term in changed:
            before = shard.pop(term, None)
            sizes[key] = sizes.get(key, 0) - (term_size(term, before) if before else 0)
            if term in entries:
                shard[term] = entries[term]
                sizes[key] += term_size(term, entries[term])
        if not shard or (key not in split and sizes[key] > search_index.SPLIT_BYTES):
            return None  # a shard gone, or one that would be split
        made[key] = {term: shard[term] for term in sorted(shard)}
        digests[key] = shard_digest(key, made[key])
    # Each prefix split before must still hold more than a shard.
    every = sorted(sizes)
    for prefix in {key[:end] for key in made for end in range(2, len(key) + 1)} & split:
        start = bisect_left(every, prefix)
        total, at = 0, start
        while at < len(every) and every[at].startswith(prefix):
            total += sizes[every[at]]
            at += 1
        if total <= search_index.SPLIT_BYTES:
            return None
    if bitmaps is not None:
        bitmaps.carry(_stale_bitmaps(previous, terms))
    return Shards(every, made, lambda: _shards(state, bitmaps)), Layout(sizes, digests)
