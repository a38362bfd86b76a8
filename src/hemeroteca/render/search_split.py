"""The search index built from scratch on two cores: each process analyses a run of the articles.

Analysing the articles (``search_postings.build_state``, with their own search files written as
their texts are read) is nine tenths of the index's process, and every article's analysis is
its own: a forked child analyses the later run of article numbers while the process analyses
the earlier (``OWN_SHARE``), and the two states are joined (``join``). The state joined is the one a single
process makes, but for the order in which the pairs (form, stem, language) are numbered, and
no search file depends on that order; the files are byte-identical (a test builds both ways).

Joining is cheap because postings are gaps: a key's postings in the later run start with its
first number counted from the run's start, so only that number changes, and the two texts are
put end to end. The later run's pairs and stems get the numbers they have among all articles,
and its articles' packed pair and stem numbers are renumbered to match.

The child is forked, not started afresh: it starts with the articles already read, and the
index's own process holds nothing else (``search_process``). It sends its state back through
a pipe, pickled, with what ``Handoff.taken`` says its ``seen`` did (the search files it wrote
and remembered), since what a child changes in its own memory is lost when it ends.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import signal
import traceback
from array import array
from collections.abc import Callable
from dataclasses import dataclass

from hemeroteca.errors import HemerotecaError
from hemeroteca.render.model import Article
from hemeroteca.render.search_postings import (
    IndexState,
    Postings,
    TextSink,
    _pack,
    _pack_few,
    _unpack,
    _unpack_few,
    base36,
    build_state,
)

# Below this many articles the index is built in one process: forking and joining would cost
# more than the analysis they share out.
SPLIT_FROM = 2000
# The share of the articles this process analyses; the child takes the rest. Less than half:
# this process also joins the two states and then makes and writes every other search file
# (at 20,000 articles the analysis was 36 s of CPU, the join about 3, the rest about 4).
OWN_SHARE = 0.45


@dataclass(frozen=True)
class Handoff:
    """What a child's ``seen`` did that the parent must know: ``taken`` (called in the child once
    its articles are analysed) gives it, picklable; ``give`` (called in the parent) takes it in."""

    taken: Callable[[], object]
    give: Callable[[object], None]


def split_build(
    ordered: list[Article], seen: TextSink | None = None, handoff: Handoff | None = None, jobs: int = 2
) -> IndexState:
    """``build_state(ordered, seen)``, its analysis shared with a forked child when ``jobs`` > 1.

    ``seen`` is called for every article, in the child for the later run (its calls' effects in
    files, and in memory only through ``handoff``).
    """
    if jobs < 2 or len(ordered) < SPLIT_FROM or "fork" not in mp.get_all_start_methods():
        return build_state(ordered, seen)
    cut = int(len(ordered) * OWN_SHARE)
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's lines run in the forked process
        os.close(reading)
        _child(ordered[cut:], cut, seen, handoff, writing)
    os.close(writing)
    done = False
    try:
        with os.fdopen(reading, "rb") as pipe:
            first = build_state(ordered[:cut], seen)
            try:
                told = pickle.load(pipe)
            except EOFError:
                told = ("failed", "it ended without a word")
        done = True
    finally:
        _reap(child, done)
    if told[0] == "error":
        path, message, line, field = told[1]
        raise HemerotecaError(path, message, line=line, field=field)
    if told[0] != "state":
        failed = f"the process analysing half of the search index's articles failed: {told[1]}"
        raise HemerotecaError(None, failed)
    _, later, handed = told
    if handoff is not None:
        handoff.give(handed)
    return join(first, later)


def _child(
    articles: list[Article], offset: int, seen: TextSink | None, handoff: Handoff | None, writing: int
) -> None:  # pragma: no cover - runs in the forked process
    """Analyse ``articles`` (numbered from ``offset`` among all), send the state, and end."""
    code = 1
    try:
        with os.fdopen(writing, "wb") as pipe:
            try:
                shifted = None if seen is None else _shifted(seen, offset)
                state = build_state(articles, shifted)
                told: tuple = ("state", state, handoff.taken() if handoff is not None else None)
                code = 0
            except HemerotecaError as exc:
                told = ("error", (exc.path, exc.message, exc.line, exc.field))
            except BaseException:
                told = ("failed", traceback.format_exc().strip().splitlines()[-1])
            pickle.dump(told, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        os._exit(code)


def _shifted(seen: TextSink, offset: int) -> TextSink:
    def shifted(number: int, article: Article, body: str) -> None:
        seen(number + offset, article, body)

    return shifted


def _reap(child: int, done: bool) -> None:
    """Wait for the child; kill it first when this process failed (``done`` false) while it may be at work."""
    try:
        if not done:
            os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    except (ChildProcessError, ProcessLookupError):
        pass


def join(first: IndexState, later: IndexState) -> IndexState:
    """The state of ``first``'s articles followed by ``later``'s, both made by ``build_state``.

    ``later``'s numbers (articles, pairs, stems) are moved after ``first``'s; ``later`` is
    emptied as it is joined, so that its postings are not held twice.
    """
    offset = len(first.ids)
    pair_number = {pair: number for number, pair in enumerate(first.pairs)}
    pairs = first.pairs
    moved_pairs = array("l")  # later's pair number -> the joined number
    for pair in later.pairs:
        number = pair_number.get(pair)
        if number is None:
            number = pair_number[pair] = len(pairs)
            pairs.append(pair)
        moved_pairs.append(number)
    stems = _stem_numbers(pairs)
    moved_stems = array("l", map(stems.__getitem__, dict.fromkeys(stem for _, stem, _ in later.pairs)))
    held = first.held
    # ``_pack`` sorts what it is given: a list sorted already costs it one pass.
    held.extend(_pack(sorted(map(moved_pairs.__getitem__, _unpack(packed)))) for packed in later.held)
    titled, often = first.titled, first.often
    titled.extend(_pack_few(sorted(map(moved_stems.__getitem__, _unpack_few(p)))) for p in later.titled)
    often.extend(_pack_few(sorted(map(moved_stems.__getitem__, _unpack_few(p)))) for p in later.often)
    later.held, later.titled, later.often = [], [], []
    _join_postings(first.body, later.body, offset)
    _join_postings(first.title, later.title, offset)
    _join_postings(first.frequent, later.frequent, offset)
    first.ids += later.ids
    first.keys += later.keys
    first.buckets += later.buckets
    first.dead |= {moved_pairs[number] for number in later.dead}
    return first


def _stem_numbers(pairs: list[tuple[str, str, str]]) -> dict[str, int]:
    """Stem -> its number as ``build_state`` numbers stems: in the order they first come in ``pairs``."""
    return {stem: number for number, stem in enumerate(dict.fromkeys(stem for _, stem, _ in pairs))}


def _join_postings(joined: Postings, moved: Postings, offset: int) -> None:
    """Append ``moved``'s postings, their numbers ``offset`` higher, to ``joined``'s; empties ``moved``."""
    text, last = joined.text, joined.last
    while moved.text:
        key, gaps = moved.text.popitem()
        head, dot, rest = gaps.partition(".")
        number = int(head, 36) + offset
        before = last.get(key)
        gap = base36(number if before is None else number - before)
        text[key] = f"{gap}{dot}{rest}" if before is None else f"{text[key]}.{gap}{dot}{rest}"
        last[key] = moved.last.pop(key) + offset
    moved.last.clear()

