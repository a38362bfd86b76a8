"""Atomic file writes, each proven to land inside its folder.

A crash leaves the old file or the new one, never half of either; a disk that
fails (full, read-only) gives one error naming the file, not a traceback.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from functools import cache, lru_cache
from pathlib import Path
from typing import BinaryIO

from hemeroteca.errors import HemerotecaError


@cache
def _file_mode() -> int:
    """The mode ``open()`` would give a new file: mkstemp's 0600 would hide pages from a web server."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@lru_cache(maxsize=4096)
def _real(folder: str) -> str:
    """``realpath`` of a folder, remembered: 10,000 pages share a handful of folders.

    Safe to remember because every command first refuses links inside the project's
    folders (``store.unsafe_files``); what this catches is a link among the folders
    around them, which does not change while the tool runs.
    """
    return os.path.realpath(folder)


def inside(folder: Path, rel: str) -> Path:
    """``folder/rel``, once it is proven to stay inside ``folder``, on paper and on disk.

    Every path built from something a file says (a record's id, a line of docs/.generated)
    goes through here before anything is written or deleted there: ``..`` parts, an
    absolute path, or a folder on the way that is a link to elsewhere are refused.
    """
    base = os.path.normpath(folder)
    joined = os.path.normpath(os.path.join(base, rel))
    if not rel or os.path.isabs(rel) or "\0" in rel or not joined.startswith(base + os.sep):
        raise HemerotecaError(folder, f"'{rel}' would be outside {Path(base).name}/: refused")
    real_folder, real_parent = _real(base), _real(os.path.dirname(joined))
    if real_parent != real_folder and not real_parent.startswith(real_folder + os.sep):
        raise HemerotecaError(
            folder, f"'{rel}' would be written through a link out of {Path(base).name}/: refused"
        )
    return Path(joined)


def plain_path(rel: str) -> bool:
    """``rel`` is a relative path of plain names (no ``..``, ``.``, empty part or NUL): on paper it
    stays inside any folder. A cheap first check for a list of 200,000 paths; ``inside`` also
    proves it on disk, for a folder that may hold links."""
    return bool(rel) and "\0" not in rel and not rel.startswith("/") and all(
        part not in ("", ".", "..") for part in rel.split("/")
    )


@contextmanager
def atomic_writer(path: Path, *, durable: bool = True) -> Iterator[BinaryIO]:
    """A temporary file in ``path``'s folder to write the new content into, renamed over
    ``path`` when the block ends without an error and removed when it does not.

    For content made piece by piece (a catalogue of 100,000 rows, a cache's pickle), which
    is then never held whole. ``durable`` also fsyncs before the rename, so a power cut
    cannot leave an empty record; generated files that ``render`` can always write again
    skip it, since 10,000 fsyncs cost more than the rest of a render.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise HemerotecaError(path, f"cannot write the file: {exc.strerror or exc}") from exc
    try:
        os.fchmod(fd, _file_mode())
        with os.fdopen(fd, "wb") as fh:
            yield fh
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            # A full disk, a read-only folder, a folder where the file should be.
            raise HemerotecaError(path, f"cannot write the file: {exc.strerror or exc}") from exc
        raise


def write_atomic(path: Path, data: str | bytes, *, durable: bool = True) -> None:
    """Write to a temporary file in the same folder, then rename it over the target (``atomic_writer``)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_writer(path, durable=durable) as fh:
        fh.write(raw)


def write_if_changed(path: Path, data: str | bytes, *, durable: bool = True) -> bool:
    """Skip writes whose content is already on disk, so timestamps and dirty builds stay quiet."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.read_bytes() == raw:
            return False
    except OSError:
        pass  # missing, or not a file: writing says what is wrong
    write_atomic(path, raw, durable=durable)
    return True


def write_new(path: str | Path, data: str | bytes) -> tuple[int, int] | None:
    """Write ``path`` when no file is there yet and give its ``stamp``; None, touching nothing,
    when one is.

    For generated files, of which a build from nothing writes 100,000: a new file is written in
    place, without ``write_atomic``'s temporary file and rename, since nothing can have a link to
    it yet (site/ holds hard links to docs/ files that existed when it was built). A build stopped
    while writing one leaves it short; the next build, having no record of writing it, compares
    it with what it should hold (``write_if_changed``) and writes it again. The stamp is read
    from the open file, so a caller that keeps it needs no second look at the path.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        try:
            fd = os.open(path, flags, 0o666)  # the umask applies, as with open()
        except FileNotFoundError:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, flags, 0o666)
    except FileExistsError:
        return None
    except OSError as exc:
        raise HemerotecaError(Path(path), f"cannot write the file: {exc.strerror or exc}") from exc
    try:
        left = memoryview(raw)
        while left:
            left = left[os.write(fd, left) :]
        written = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        Path(path).unlink(missing_ok=True)
        raise HemerotecaError(Path(path), f"cannot write the file: {exc.strerror or exc}") from exc
    os.close(fd)
    return written.st_size, written.st_mtime_ns


class _Unchanged(Exception):
    """Raised inside ``atomic_writer`` to leave the file on disk as it was."""


def write_chunks_if_changed(
    path: Path, chunks: Iterable[str | bytes], *, durable: bool = True
) -> tuple[bool, int]:
    """``write_if_changed`` for text made piece by piece, never held whole: (written, size in bytes).

    Each piece is compared with the same bytes of the file on disk as it is written to the
    temporary file, which replaces the file only if some byte differs.
    """
    size = 0
    with ExitStack() as stack:
        try:
            old: BinaryIO | None = stack.enter_context(open(path, "rb"))
        except OSError:
            old = None  # missing, or not a file: writing says what is wrong
        try:
            with atomic_writer(path, durable=durable) as out:
                for chunk in chunks:
                    raw = chunk.encode("utf-8") if isinstance(chunk, str) else chunk
                    size += len(raw)
                    if old is not None and old.read(len(raw)) != raw:
                        old = None
                    out.write(raw)
                if old is not None and not old.read(1):
                    raise _Unchanged
        except _Unchanged:
            return False, size
    return True, size


def stamp(path: str | Path) -> tuple[int, int] | None:
    """Size and modification time (ns) of a file, or None if it is missing.

    What caches compare to trust a file they saw written without reading it again; every
    writer here replaces files whole (``write_atomic``), so a change moves the time.
    """
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return stat.st_size, stat.st_mtime_ns
