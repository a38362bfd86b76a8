"""Python's cycle collector kept off the archive's long-lived data while a command loads it.

A build holds an entry per record (its front matter, its checks, its article) for the whole
command: some millions of objects at 100,000 records, made in a few bursts (the caches
unpickled, the records read, the model built). CPython's collector counts new objects and,
every so often, walks every object the process holds to look for unreachable cycles; at
30,000 records those full walks were about half of what a ``build --dirty`` spent reading and
checking the records (2.2 of 4.3 s of CPU, load 8). The data loaded in a burst is not
garbage: it lives until the command ends.

``loading`` keeps the full walks off while a burst runs, and at its end freezes what exists
(``gc.freeze``): those objects leave the collector's generations for good, so later
collections walk only what is made afterwards. The young generations are still collected
during the burst: parsing a record's YAML leaves a few cycles behind (11 objects a record),
and they die young. The price: a cycle that reached the old generation and became garbage
before a burst ends is frozen with the rest and kept until the process ends (freed objects
are still freed by their count of references). A command is one process, so that is bounded;
a long-lived process calling the API many times holds such leftovers of every burst.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# A threshold for the oldest generation no burst reaches: no full walk while loading.
_NEVER = 1 << 30


@contextmanager
def loading() -> Iterator[None]:
    """No full collection while the block runs; what survives it is frozen at its end.

    Nested blocks are one burst: the outermost restores the collector's thresholds.
    """
    young, middle, old = gc.get_threshold()
    if old == _NEVER:  # inside another burst
        yield
        return
    gc.set_threshold(young, middle, _NEVER)
    try:
        yield
    finally:
        if gc.isenabled():
            gc.collect(1)  # the young garbage of the burst, before the rest is frozen
            gc.freeze()
        gc.set_threshold(young, middle, old)
