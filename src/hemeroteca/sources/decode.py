"""Bytes of a seed to clean Unicode text.

Seeds arrive as UTF-8, UTF-8 with a byte-order mark, Windows-1252, or UTF-8 that
was once mis-decoded as Windows-1252 ("MinisterÃ­o"). Binary and empty files are
refused: they would otherwise become records full of noise.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata

# Characters that only appear when UTF-8 bytes were read as Windows-1252/Latin-1.
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf\u2018-\u203a\u0152-\u017e\u02c6\u02dc]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """The bytes are not a text we can archive; the message says why."""


def decode_bytes(data: bytes) -> str:
    if not data.strip():
        raise DecodeError("file is empty")
    if b"\x00" in data[:8192]:
        raise DecodeError("file looks binary (it contains NUL bytes), not a text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    text = repair_mojibake(text)
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise DecodeError(f"file looks binary ({controls} control characters), not a text")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def repair_mojibake(text: str) -> str:
    """Undo one round of UTF-8-read-as-Windows-1252, line by line so one bad line cannot spoil the rest."""
    if not _MOJIBAKE.search(text):
        return text
    fixed = []
    for line in text.split("\n"):
        if _MOJIBAKE.search(line):
            with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
                line = line.encode("cp1252").decode("utf-8")
        fixed.append(line)
    return "\n".join(fixed)
