"""The cycle collector during a burst of loading (``collector.loading``)."""

from __future__ import annotations

import gc
import weakref

from hemeroteca.collector import loading


def test_a_burst_has_no_full_collection_and_freezes_what_it_made() -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    try:
        with loading():
            assert gc.get_threshold()[:2] == before[:2]  # the young generations are still collected
            assert gc.get_threshold()[2] > 1_000_000
            with loading():  # nested: one burst
                made = [[i] for i in range(1000)]
            assert gc.get_threshold()[2] > 1_000_000
        assert gc.get_threshold() == before
        assert gc.get_freeze_count() >= frozen + len(made)
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_young_cycles_made_in_a_burst_are_collected_not_frozen() -> None:
    class Node:
        pass

    alive: weakref.WeakSet[Node] = weakref.WeakSet()

    def cycle() -> None:
        a, b = Node(), Node()
        a.other, b.other = b, a
        alive.update((a, b))

    try:
        with loading():
            for _ in range(5000):
                cycle()
        # Collected, not frozen with the rest: but the few still in reach when a young collection
        # ran have moved to the old generation, which no burst walks.
        assert len(alive) < 100
    finally:
        gc.unfreeze()
