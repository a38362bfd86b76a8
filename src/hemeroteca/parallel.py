"""One pure function mapped over many items: in this process, on every core, or on a Dask cluster.

Extraction is a pure function of a seed's bytes and the authority files, so the
same call can run anywhere; only the caller writes files, in input order, which
keeps records atomic and byte-identical whatever runs the work. The items are
streamed: at most a few batches per worker are in flight, so memory does not
grow with the archive.

``jobs=1`` runs inline (no pickling, easiest to debug); ``jobs>1`` uses a local
process pool; ``scheduler="tcp://host:8786"`` sends the work to a running Dask
distributed scheduler, whose workers need hemeroteca installed but not the files:
each item carries its own bytes.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any, TypeVar

from hemeroteca.errors import HemerotecaError

Item = TypeVar("Item")
Result = TypeVar("Result")

# A batch amortises the cost of sending work to another process (~0.2 ms a message)
# over many articles that take ~5 ms each; a few batches per worker keep them all busy.
BATCH = 16
AHEAD_PER_WORKER = 3
# How long to wait for a Dask scheduler before saying it cannot be reached.
CONNECT_TIMEOUT = "10s"

_shared: Any = None


def default_jobs() -> int:
    """Every core this process may use (the scheduler's affinity, not the machine's total)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def map_ordered(
    func: Callable[[Item, Any], Result],
    items: Iterable[Item],
    shared: Any = None,
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    errors: tuple[type[Exception], ...] = (),
) -> Iterator[Result | Exception]:
    """``func(item, shared)`` for each item, yielded in the items' order.

    ``shared`` (the authority files, say) is sent once to each worker rather
    than with every item. ``jobs=None`` means every core. A handful of items
    runs inline whatever ``jobs`` says: starting processes costs more than it saves.
    An exception of a type in ``errors`` (one bad seed) is yielded in its item's place
    instead of raised, wherever the item ran, so it does not end the other items' work;
    any other exception ends the map.
    """
    if scheduler:
        yield from _on_dask(func, items, shared, scheduler, errors)
        return
    iterator = iter(items)
    head = list(islice(iterator, 2 * BATCH))
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1 or len(head) < 2 * BATCH:
        for item in chain(head, iterator):
            yield _call(func, item, shared, errors)
    else:
        yield from _on_processes(func, chain(head, iterator), shared, jobs, errors)


def _batches(items: Iterable[Item]) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH)):
        yield batch


def _set_shared(shared: Any) -> None:
    global _shared
    _shared = shared


def _call(
    func: Callable[[Item, Any], Result], item: Item, shared: Any, errors: tuple[type[Exception], ...]
) -> Result | Exception:
    try:
        return func(item, shared)
    except errors as exc:
        return exc


def _run_batch(
    func: Callable[[Item, Any], Result],
    batch: list[Item],
    errors: tuple[type[Exception], ...],
    shared: Any = None,
) -> list[Result | Exception]:
    # A process pool's workers got ``shared`` once, at start-up; Dask passes it with each batch
    # (resolved from the copy scattered to every worker).
    return [_call(func, item, _shared if shared is None else shared, errors) for item in batch]


def _drain(pending: deque[Future], limit: int) -> Iterator[Any]:
    while len(pending) > limit:
        yield from pending.popleft().result()


def _on_processes(
    func: Callable[[Item, Any], Result],
    items: Iterable[Item],
    shared: Any,
    jobs: int,
    errors: tuple[type[Exception], ...],
) -> Iterator[Result | Exception]:
    try:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_set_shared, initargs=(shared,)) as pool:
            pending: deque[Future] = deque()
            for batch in _batches(items):
                pending.append(pool.submit(_run_batch, func, batch, errors))
                yield from _drain(pending, jobs * AHEAD_PER_WORKER)
            yield from _drain(pending, 0)
    except BrokenProcessPool as exc:
        # Killed by the system (out of memory, most often): nothing of that batch was written.
        raise HemerotecaError(None, f"a worker process died ({exc}): run again, or with --jobs 1") from exc


def _on_dask(
    func: Callable[[Item, Any], Result],
    items: Iterable[Item],
    shared: Any,
    address: str,
    errors: tuple[type[Exception], ...],
) -> Iterator[Result | Exception]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise HemerotecaError(None, "--scheduler needs Dask: pip install 'hemeroteca[cluster]'") from exc
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise HemerotecaError(None, f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    with client:
        shared_future = client.scatter(shared, broadcast=True)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque[Future] = deque()
        for batch in _batches(items):
            # pure=False: two equal batches (re-ingesting the same seed) are still two tasks
            pending.append(client.submit(_run_batch, func, batch, errors, shared_future, pure=False))
            yield from _drain(pending, workers * AHEAD_PER_WORKER)
        yield from _drain(pending, 0)
