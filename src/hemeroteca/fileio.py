"""Atomic file writes: a crash leaves the old file or the new one, never half of either."""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path


@cache
def _file_mode() -> int:
    """The mode ``open()`` would give a new file: mkstemp's 0600 would hide pages from a web server."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, data: str | bytes, *, durable: bool = True) -> None:
    """Write to a temporary file in the same folder, then rename it over the target.

    ``durable`` also fsyncs before the rename, so a power cut cannot leave an empty
    record; generated files that ``render`` can always write again skip it, since
    10,000 fsyncs cost more than the rest of a render.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _file_mode())
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, data: str | bytes, *, durable: bool = True) -> bool:
    """Skip writes whose content is already on disk, so timestamps and dirty builds stay quiet."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.read_bytes() == raw:
            return False
    except FileNotFoundError:
        pass
    write_atomic(path, raw, durable=durable)
    return True


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
