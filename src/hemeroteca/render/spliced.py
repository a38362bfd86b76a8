"""An export of one row per article (``exports.ROWS``) written again from the last build's rows.

At 100,000 articles catalogue.json and catalogue.csv are about 150 MB each, and making
every row again (a dict, then JSON or CSV) was most of what a build after one new article
spent on them. A row depends on its article alone (``Article.key``: the record, the
authority files), so the file written last time holds the rows of every article whose key
is the same: they are copied from it, in runs of consecutive rows, and only the rows of new
or changed articles are made. What each row's place in the file was is kept with the file's
stamp (``writer.GeneratedFiles``); a file that is not the one written then (edited, replaced,
missing), or no such record, means every row is made, as in a full build.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO

from hemeroteca.fileio import write_chunks_if_changed
from hemeroteca.render.exports import Rows
from hemeroteca.render.model import SiteModel

# Article key -> (offset, length) of its row's bytes in the file.
Places = dict[str, tuple[int, int]]

_PIECE_BYTES = 1 << 20


def write_rows(path: Path, rows: Rows, model: SiteModel, before: Places | None) -> tuple[bool, int, Places]:
    """Write the export at ``path``, its unchanged rows copied from the file there when ``before``
    tells where they are: (written, size in bytes, where each row is now)."""
    places: Places = {}
    with ExitStack() as stack:
        old = None
        if before:
            try:
                old = stack.enter_context(path.open("rb"))
            except OSError:
                old = None
        pieces = _pieces(rows, model, before if before and old is not None else {}, old, places)
        written, size = write_chunks_if_changed(path, pieces, durable=False)
    return written, size, places


def _pieces(
    rows: Rows, model: SiteModel, before: Places, old: BinaryIO | None, places: Places
) -> Iterator[bytes]:
    """The file's bytes in pieces of about a megabyte, noting each row's place in ``places``."""
    separator = rows.separator.encode("utf-8")
    out = bytearray(rows.opening.encode("utf-8") if model.articles else rows.empty.encode("utf-8"))
    position = len(out)
    run: list[int] | None = None  # [start, end) of old rows being copied as one piece

    def copy(start: int, end: int) -> Iterator[bytes]:
        assert old is not None
        old.seek(start)
        while start < end:
            piece = old.read(min(_PIECE_BYTES, end - start))
            if not piece:
                raise OSError("the export changed while it was read")
            start += len(piece)
            yield piece

    for number, article in enumerate(model.articles):
        lead = separator if number else b""
        kept = before.get(article.key)
        if kept is not None:
            start, length = kept
            if run is not None and number and run[1] + len(lead) == start:
                run[1] = start + length  # the next row of the old file: its separator is there too
            else:
                if run is not None:
                    yield bytes(out)
                    out.clear()
                    yield from copy(*run)
                out += lead
                run = [start, start + length]
            position += len(lead)
        else:
            if run is not None:
                yield bytes(out)
                out.clear()
                yield from copy(*run)
                run = None
            row = rows.row(article).encode("utf-8")
            out += lead + row
            position += len(lead)
            length = len(row)
        places[article.key] = (position, length)
        position += length
        if len(out) >= _PIECE_BYTES:
            yield bytes(out)
            out.clear()
    if run is not None:
        yield bytes(out)
        out.clear()
        yield from copy(*run)
    if model.articles:
        out += rows.closing.encode("utf-8")
    yield bytes(out)
