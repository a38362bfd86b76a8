"""Typo correction's second table: the archive's words by their last letters.

A word no article has is replaced by the nearest word of the index (search.js). The term
shards are keyed by a word's first letters, so the shard of a misspelt word holds its
neighbours only when the mistake comes after them: "Venezeula" is in the shard of
"venezuela", "Hnoduras" and "enprendedoras" are not in those of "honduras" and
"emprendedoras". This table holds every word seen in the texts keyed the other way, by
its last letters (the shortest ending, two letters at least, whose words fit in
``TAIL_BYTES``, the same split as the term shards on the reversed words), each with how
many articles its stems reach, as a power of two (``reach``), so the most used of two
equally near words wins while adding an article rarely changes a file of the table. The
browser loads the one file of a misspelt word's ending, only when the word is found
nowhere: a mistake in the first letters is found there, one in the last letters in the
term shard, and only a word misspelt at both ends goes uncorrected.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from hemeroteca.render.search_postings import BUCKETED, IndexState
from hemeroteca.render.search_text import ACTOR, NAMED

# A file of this table is loaded on top of a query's term shards: kept smaller than those.
TAIL_BYTES = 16_000
# Shorter words are not corrected (search.js), nor corrected into.
SHORTEST = 4


def reach(articles: int) -> int:
    """How many articles a word reaches, coarsely: 1 for one, 2 for two or three, 3 for four
    to seven... (the bits of the number), enough to prefer a common word to a rare one."""
    return articles.bit_length()


def tail_table(
    state: IndexState, split: Callable[[dict[str, int], int], dict[str, str]], limit: int = TAIL_BYTES
) -> dict[str, dict[str, int]]:
    """Key (a word ending, reversed: ``sa`` for ``-as``) -> the words seen in the texts that end
    so, each with the ``reach`` of its stems.

    ``split``: the term shards' split (``search_index.shard_keys``), given the reversed words.
    """
    articles: Counter[str] = Counter()
    for key, postings in state.body.text.items():
        articles[key.split(BUCKETED, 1)[0]] += postings.count(".") + 1
    weights: Counter[str] = Counter()
    for form, stem in {
        (form, stem)
        for number, (form, stem, _) in enumerate(state.pairs)
        if number not in state.dead and len(form) >= SHORTEST and not form.startswith((ACTOR, NAMED))
        and not any(c.isdigit() for c in form)
    }:
        weights[form] += articles[stem]
    weights = Counter({form: reach(count) for form, count in weights.items()})
    sizes = {form[::-1]: len(form) + len(str(weight)) + 4 for form, weight in weights.items()}
    keys = split(sizes, limit)
    table: dict[str, dict[str, int]] = {}
    for ending in sorted(sizes):
        table.setdefault(keys[ending], {})[ending[::-1]] = weights[ending[::-1]]
    return table
