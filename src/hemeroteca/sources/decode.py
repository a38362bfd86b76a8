"""Bytes of a seed to clean Unicode text.

Seeds arrive as UTF-8, UTF-8 with a byte-order mark, UTF-16 with a byte-order
mark, Windows-1252 (which covers Latin-1 text), or UTF-8 that was once
mis-decoded as Windows-1252 ("MinisterÃ­o"); ftfy undoes that last kind.

Refused, with a message an archivist can act on: empty files, binary files
(PDF, Word, images, anything with NUL bytes), files larger than any news
article (``MAX_SEED_BYTES``), and files that mix valid UTF-8 with invalid
bytes: such a file is corrupt or stitched together, and guessing would put
wrong letters into the archive without anyone noticing.

The rule for legacy encodings is deliberately simple: not UTF-8 means
Windows-1252. Statistical detectors (charset-normalizer, chardet) guess among
dozens of single-byte code pages and on a few hundred bytes of Spanish they
sometimes pick a Cyrillic or Mac one; our sources are Latin-script news, for
which Windows-1252 is the only legacy encoding seen in practice.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy

MAX_SEED_BYTES = 5_000_000
"""A long news article is 50 KB; 5 MB is a hundred times that. Bigger is the wrong file."""
MAX_DOCUMENT_BYTES = 50_000_000
"""A clipping scanned at 300 dpi as an uncompressed TIFF is ~25 MB a page; a PDF of a few pages less."""

_SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file, which are ZIP archives)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Embeddings, overrides and isolates reorder how text displays ("Trojan Source"): a title with a
# right-to-left override shows other words than it holds. Latin-script news has no use for them.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# A text with no letter or digit outside web addresses is a link or punctuation, not an article.
_URL = re.compile(r"(?<![\w+.-])(?:[a-z][a-z0-9+.-]{0,15}://|www\.)\S*", re.IGNORECASE)
_ALPHANUMERIC = re.compile(r"[^\W_]")
_WORDS_WITHIN = 100_000
_FIRST_WORDS = 20
# What bytes 0x80-0xBF (UTF-8 continuation bytes) look like when read as Windows-1252.
_CONTINUATION = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0))
# A UTF-8 lead byte read as Windows-1252 (Â..ï) followed by a continuation byte read the same way:
# the fingerprint of mojibake, cheap to look for. ftfy is slow, so it only runs on texts that have it.
_MOJIBAKE_HINT = re.compile(f"[\u00c2-\u00ef][{re.escape(_CONTINUATION)}]|[\x80-\x9f]")
_FIXER = ftfy.TextFixerConfig(
    # Only repair encodings: the text must otherwise stay exactly as published,
    # so quotes stay curly, entities stay literal and full-width letters stay wide.
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    normalization="NFC",
    explain=False,
)


class DecodeError(ValueError):
    """The bytes are not a text we can archive; the message says why and what to do."""


def decode_bytes(data: bytes) -> str:
    """Text of a seed, or DecodeError with a one-line reason."""
    check_size(len(data))
    if not data.strip():
        raise DecodeError("file is empty")
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            raise DecodeError(
                f"file is {kind}, not a text: give it its own extension (.pdf, .docx, .png, .jpg) "
                "to add it as a document, or save the article as plain text (.txt)"
            )
    text = _decode(data)
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise DecodeError(f"file looks binary ({controls} control characters), not a text")
    # A form feed (a page break, in text taken from PDFs) ends a line like any other break.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    if _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_text(text, _FIXER)
        controls = 1  # ftfy may have made one: looked for below
    if controls:
        text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise DecodeError("file has no readable text")
    bidi = BIDI_CONTROLS.search(text)
    if bidi:
        line = text.count("\n", 0, bidi.start()) + 1
        raise DecodeError(
            f"line {line} has an invisible direction control (U+{ord(bidi.group()):04X}), which makes "
            "text display in another order than it reads: remove it and add the file again"
        )
    if not _has_words(text[:_WORDS_WITHIN]):
        raise DecodeError("file has no words, only web addresses or punctuation: not an article")
    return text


def _has_words(text: str) -> bool:
    """A letter or digit outside web addresses.

    A web address runs from its ``scheme://`` or ``www.`` to the next blank, so a word among the
    first few that holds a letter and neither of those is one: most texts are settled there,
    without the address pattern going over all of them (half the time of reading a seed).
    """
    for word in text.split(None, _FIRST_WORDS)[:_FIRST_WORDS]:
        if _ALPHANUMERIC.search(word) and "://" not in word and "www." not in word.lower():
            return True
    return bool(_ALPHANUMERIC.search(_URL.sub(" ", text)))


def check_size(size: int, limit: int | None = None) -> None:
    """Refuse a file too big to be one article (callers check before reading it into memory)."""
    limit = limit or MAX_SEED_BYTES
    if size > limit:
        raise DecodeError(
            f"file is {size / 1_000_000:.1f} MB, over the {limit // 1_000_000} MB limit "
            "for one article: is it really a single news text?"
        )


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"file starts like UTF-16 but byte {exc.start} is invalid") from exc
    nul = data.find(b"\x00")
    if nul != -1:
        line = data[:nul].count(b"\n") + 1
        raise DecodeError(f"file looks binary (it contains NUL bytes, the first at line {line}), not a text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc
    if _has_utf8_sequences(data):
        line = data[: first_bad.start].count(b"\n") + 1
        raise DecodeError(
            f"invalid UTF-8 at line {line} (byte 0x{data[first_bad.start]:02x}) in a file that is "
            "otherwise UTF-8: the file is damaged or pasted together; open it in an editor, "
            "fix the marked character and save it as UTF-8"
        )
    # Windows-1252 leaves five bytes undefined; in Latin-1 text they would be
    # control characters, which are dropped anyway.
    return data.decode("cp1252", errors="ignore")


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _has_utf8_sequences(data: bytes) -> bool:
    """Whether the bytes contain well-formed UTF-8 multi-byte characters.

    Windows-1252 text almost never does (it would need a capital accented
    letter followed by a symbol), so finding several means the file is UTF-8
    with damage, not a legacy encoding.
    """
    return len(_UTF8_MULTIBYTE.findall(data)) >= 2
