"""Each record as an earlier command read it, so a build after one new article reads one file.

At 100,000 records, reading every file (600 MB), hashing it and taking its parsed front
matter from a cache was most of a ``build --dirty``. A record's entry here holds what
reading it gave (the digest of its text, its fields and their lines, whether its body is
blank, its summary), under the file's name, with the file's *stamp*: size, modification
and change times in nanoseconds, and inode. A file whose stamp is the one remembered is
not opened. Anything that writes a file (an editor, ``git checkout``, ``add``, a rename
over it) gives it a new change time, which no program can set back, so a changed record
is always read again; a stamp that is merely different (a ``touch``, a fresh clone) costs
one read, and the front matter is still not parsed again when the digest matches.

Racing writes: a file changed twice within the clock's resolution could keep its stamp,
so a file changed in the last ``SETTLE_NS`` before this command started is read but its
stamp not trusted next time (git calls these entries "racily clean").

The entries live in one signed store (``cache.Store``): a store the tool did not write on
this machine, or a damaged one, is ignored, never trusted.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from pathlib import Path
from typing import Any

from hemeroteca.cache import Store
from hemeroteca.catalogue.record import Record, read, shared
from hemeroteca.errors import HemerotecaError

SETTLE_NS = 2_000_000_000

Stamp = tuple[int, int, int, int]

# From this many records to parse (a fresh clone, a bulk ingest, a first build), a forked helper
# parses every other run of ``RUN`` of them: parsing YAML is all Python, and while records are
# read the second core has nothing else to do.
HELPER_FROM = 2000
RUN = 200
# What the forked helper reads with: set before it is forked, so it is inherited, not pickled.
_for_helper: tuple[KnownRecords, list[list[Path]]] | None = None


def _helper_reads(run: int) -> list[Any]:
    """The cache entry of each record of the run, or the error that reading it raised."""
    assert _for_helper is not None
    known, runs = _for_helper
    found: list[Any] = []
    for path in runs[run]:
        try:
            known.read(path)
        except HemerotecaError as exc:
            found.append(exc)
        else:
            found.append(known._store.get(path.name))
    return found


def file_stamp(path: Path) -> Stamp | None:
    """(size, mtime_ns, ctime_ns, inode) of a file, or None when it cannot be looked at."""
    try:
        stat = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


class KnownRecords:
    """``read`` a record, from the cache when its file's stamp is the one remembered; then ``save``."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._settled = time.time_ns() - SETTLE_NS

    def read(self, path: Path) -> Record:
        """The record at ``path``, released (its text read again only when asked for).

        Raises HemerotecaError as ``record.read`` does for a file that does not parse.
        """
        stamp = file_stamp(path)
        entry = self._store.get(path.name)
        if entry is not None and stamp is not None and entry[0] == stamp:
            _, digest, meta, table, blank, summary = entry
            # Its texts shared already: the store pickles its entries together, a part at a time
            # (``Store(shared=True, parts=...)``), so a text is one object per part, not per record.
            record = Record.known(meta, {}, path, digest, blank, summary, shared_already=True)
            record.line_table = table
            return record
        known = (entry[1], entry[2], dict(zip(*entry[3], strict=True))) if entry is not None else None
        record = read(path, known)
        record.path = path
        trusted = stamp if stamp is not None and stamp[2] < self._settled else None
        entry = (trusted, record.digest, record.meta, record.line_table, record.blank, record.summary)
        self._store.put(path.name, entry)
        record.release()
        return record

    def parse_ahead(self, paths: list[Path]) -> None:
        """When many of ``paths`` were never read, parse every other run of them in a forked helper
        and keep what it found, so that ``read`` finds them known; the rest, and any error, are
        left for ``read`` (which raises it again, in order)."""
        global _for_helper
        unknown = [path for path in paths if path.name not in self._store]
        runs = [unknown[at : at + RUN] for at in range(0, len(unknown), RUN)]
        if len(unknown) < HELPER_FROM or len(runs) < 2 or "fork" not in mp.get_all_start_methods():
            return
        _for_helper = self, runs
        helper = ProcessPoolExecutor(1, mp_context=mp.get_context("fork"))
        try:
            theirs = [(run, helper.submit(_helper_reads, run)) for run in range(1, len(runs), 2)]
            for path in (p for run in runs[::2] for p in run):
                with suppress(HemerotecaError):  # raised again when the caller reads it
                    self.read(path)
            for run, future in theirs:
                for path, entry in zip(runs[run], future.result(), strict=True):
                    if isinstance(entry, tuple):
                        # Its texts shared again, as a record parsed here has them (100,000 front
                        # matters hold the same names, codes and dates).
                        self._store.put(path.name, (*entry[:2], shared(entry[2]), *entry[3:]))
        except BrokenProcessPool:
            pass  # the helper died (out of memory, say): ``read`` parses what it did not
        finally:
            helper.shutdown(cancel_futures=True)
            _for_helper = None

    def save(self) -> None:
        self._store.save()
