"""Bytes to text: every encoding an archivist's files arrive in, and every file that is not a text."""

from __future__ import annotations

import pytest

from hemeroteca.sources.decode import MAX_SEED_BYTES, DecodeError, decode_bytes

TEXT = "Ministério da Economia: “crédito” para as micro e pequenas empresas — São Paulo, ação"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with its byte-order mark, as Windows Notepad saves "Unicode"
        TEXT.encode("cp1252"),
        # mojibake: UTF-8 bytes once read as Windows-1252 and saved again as UTF-8
        # (as browsers and Excel do it: the five bytes Windows-1252 leaves undefined pass through as Latin-1)
        "".join(
            bytes([b]).decode("cp1252", errors="ignore") or bytes([b]).decode("latin-1")
            for b in TEXT.encode("utf-8")
        ).encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "windows-1252", "mojibake"],
)
def test_every_encoding_decodes_to_the_same_text(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


def test_latin1_text_decodes() -> None:
    assert decode_bytes("Corporación de Fomento: año récord".encode("latin-1")) == (
        "Corporación de Fomento: año récord"
    )


def test_mojibake_repair_leaves_good_lines_alone() -> None:
    mixed = "Produção cresce\nMinisterÃ­o de ProducciÃ³n\nNão há"
    assert decode_bytes(mixed.encode("utf-8")) == "Produção cresce\nMinisterío de Producción\nNão há"


def test_text_is_otherwise_kept_as_published() -> None:
    text = "Quotes “stay” curly, &amp; entities stay, ﬁ ligatures stay, ＡＢ stays wide"
    assert decode_bytes(text.encode("utf-8")) == text


def test_line_endings_and_stray_controls() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree\x07\n") == "one\ntwo\nthree\n"


def test_nfc_normalisation() -> None:
    assert decode_bytes("Sa\u0303o Paulo".encode()) == "São Paulo"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "file is empty"),
        (b" \n\t\r\n ", "file is empty"),
        (b"text\x00with\x00nul", "contains NUL bytes"),
        (bytes(range(1, 32)) * 50, "control characters"),
        (b"%PDF-1.4 ...", "PDF document"),
        (b"PK\x03\x04....", "ZIP archive"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"{\\rtf1\\ansi hello}", "RTF document"),
        # UTF-8 with damage: not a legacy encoding, and guessing would corrupt it silently
        (
            "Ministério da Economia\n".encode() + b"cr\xc3dito \xe9 " + "ação".encode(),
            "invalid UTF-8 at line 2 (byte 0xc3)",
        ),
    ],
)
def test_not_a_text_is_refused(data: bytes, fragment: str) -> None:
    with pytest.raises(DecodeError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        decode_bytes(data)


def test_too_big_is_refused_with_its_size() -> None:
    with pytest.raises(DecodeError, match=r"file is 5\.0 MB, over the 5 MB limit"):
        decode_bytes(b"a" * (MAX_SEED_BYTES + 1))
