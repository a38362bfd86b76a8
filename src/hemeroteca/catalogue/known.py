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

import os
import time
from pathlib import Path

from hemeroteca.cache import Store
from hemeroteca.catalogue.record import Record, read

SETTLE_NS = 2_000_000_000

Stamp = tuple[int, int, int, int]


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
            _, digest, meta, lines, blank, summary = entry
            return Record.known(meta, lines, path, digest, blank, summary)
        record = read(path, entry[1:4] if entry is not None else None)
        record.path = path
        trusted = stamp if stamp is not None and stamp[2] < self._settled else None
        entry = (trusted, record.digest, record.meta, record.lines, record.blank, record.summary)
        self._store.put(path.name, entry)
        record.release()
        return record

    def save(self) -> None:
        self._store.save()
