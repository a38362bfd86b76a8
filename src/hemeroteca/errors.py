"""One error type that always knows which file (and, when it can, which line) is at fault.

The CLI prints it as a single ``path:line: field: message`` line instead of a
traceback, which is what an archivist reading CI output needs.
"""

from __future__ import annotations

from pathlib import Path


class HemerotecaError(Exception):
    def __init__(
        self,
        path: str | Path | None,
        message: str,
        *,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        self.message = message
        super().__init__(self.one_line())

    def __reduce__(self) -> tuple:
        # Rebuilt from its parts when sent back from a worker process (parallel ingest).
        return (_rebuild, (self.path, self.message, self.line, self.field))

    def one_line(self) -> str:
        where = self.path or "hemeroteca"
        if self.line is not None:
            where = f"{where}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


def not_utf8(data: bytes, exc: UnicodeDecodeError) -> tuple[int, str]:
    """The line of a file's first byte that is not UTF-8, and what to do about it: the same words
    for a record, an authority file or a hand-written page, whichever an archivist saved wrong."""
    line = data[: exc.start].count(b"\n") + 1
    return line, f"not valid UTF-8 (byte {exc.start}): save the file as UTF-8 in your editor"


def _rebuild(path: str | None, message: str, line: int | None, field: str | None) -> HemerotecaError:
    return HemerotecaError(path, message, line=line, field=field)
