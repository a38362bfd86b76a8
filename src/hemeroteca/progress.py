"""One progress style for every long command: the stage, files done of all, and an honest ETA.

``ingest``, ``add``, ``render`` and ``build`` each go through their files in stages.
A person watching wants to know which stage is running, how far along it is, and
when it will end. The first file of a stage is slow (extraction loads its models and
gazetteers, a process pool starts), so an estimate that counts it promises minutes
for a job of seconds; the rate here is measured from the first file done onwards,
and no estimate is shown until there is enough to measure. Off a terminal (a pipe,
a CI log) nothing is drawn.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")

# Before this many seconds of steady work, or this share of the files, an estimate is a guess.
_SETTLE_SECONDS = 2.0
_SETTLE_SHARE = 0.05
_REDRAW_SECONDS = 0.1


def clock_text(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def estimate(total: int, done: int, first_done_at: float | None, now: float) -> float | None:
    """Seconds left, from the pace since the first file finished; None while that pace is unknown."""
    if first_done_at is None or done < 2 or done >= total:
        return None if done < total else 0.0
    steady = now - first_done_at
    if steady < _SETTLE_SECONDS and done < max(2, total * _SETTLE_SHARE):
        return None
    return (total - done) * steady / (done - 1)


class Progress:
    """Wraps a stage's items: ``for seed in progress(seeds, "Ingesting"): ...``.

    ``shown``: draw a bar (default: only when ``stream`` is a terminal). ``stages``:
    also say when each stage ends and how long it took (``--verbose``, or any terminal).
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        shown: bool | None = None,
        stages: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream or sys.stderr
        terminal = self.stream.isatty()
        self.shown = terminal if shown is None else shown
        self.stages = (terminal if stages is None else stages) or self.shown
        self.clock = clock

    def __call__(self, items: Iterable[T], label: str = "Working") -> Iterator[T]:
        items = list(items)
        total = len(items)
        if not total:
            return
        started = self.clock()
        first_done_at: float | None = None
        drawn_at = float("-inf")
        for done, item in enumerate(items, start=1):
            yield item
            now = self.clock()
            first_done_at = first_done_at if first_done_at is not None else now
            if self.shown and (now - drawn_at >= _REDRAW_SECONDS or done == total):
                self._draw(label, done, total, estimate(total, done, first_done_at, now))
                drawn_at = now
        if self.shown:
            self.stream.write("\r\033[K")
        if self.stages:
            files = "file" if total == 1 else "files"
            self.stream.write(f"{label}: {total} {files} in {clock_text(self.clock() - started)}\n")
        self.stream.flush()

    def _draw(self, label: str, done: int, total: int, left: float | None) -> None:
        width = 24
        filled = width * done // total
        eta = clock_text(left) if left is not None else "-:--"
        self.stream.write(
            f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} files, "
            f"{100 * done // total}%, about {eta} left\033[K"
        )
        self.stream.flush()


def stage(
    progress: Callable[..., Iterable[T]] | None, label: str
) -> Callable[[Iterable[T]], Iterable[T]] | None:
    """``progress`` with its label set, for a function that calls ``progress(items)``."""
    if progress is None:
        return None
    return lambda items: progress(items, label)
