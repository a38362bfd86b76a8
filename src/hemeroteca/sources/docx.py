"""A Word file (.docx) to its paragraphs and headings, and the core properties it carries.

Press offices send releases as Word files. python-docx reads the paragraphs in
document order with their styles, so the first heading (a ``Title`` or
``Heading`` style) is the headline the author marked as such, which is better
evidence than a guess from the text. The core properties (title, author,
created, language) are kept as evidence too: they are often left over from a
template, so they never replace what the text says.

A .docx is a ZIP archive. One whose parts would unpack to more than
``MAX_UNPACKED_BYTES`` (a ZIP bomb) is refused before anything is unpacked,
and a ZIP of something else is refused by name.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from hemeroteca.sources.decode import DecodeError

MAX_UNPACKED_BYTES = 50_000_000
"""A long release with pictures unpacks to a few MB; ten times the largest one is a ZIP bomb."""
_HEADING_STYLES = ("title", "heading")
_CORE = ("title", "author", "subject", "language", "keywords")


@dataclass
class DocxText:
    paragraphs: list[str]
    headings: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def read_docx(data: bytes) -> DocxText:
    """Paragraphs (headings included, in order) and core properties; DecodeError when it is no Word file."""
    _check_zip(data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise DecodeError("the file is a ZIP archive but not a Word document (.docx)") from exc
    except Exception as exc:  # a damaged part: lxml or python-docx raise their own kinds
        raise DecodeError(f"the Word file cannot be read ({type(exc).__name__}): is it complete?") from exc
    paragraphs: list[str] = []
    headings: list[str] = []
    for paragraph in document.paragraphs:
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style.lower().startswith(_HEADING_STYLES):
            headings.append(text)
        paragraphs.append(text)
    for table in document.tables:
        for row in table.rows:
            cells = [" ".join(cell.text.split()) for cell in row.cells]
            if any(cells):
                paragraphs.append(" | ".join(cells))
    return DocxText(paragraphs, headings, _core(document))


def _check_zip(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise DecodeError("the .docx file is not a ZIP archive, so not a Word document") from exc
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names or "[Content_Types].xml" not in names:
            raise DecodeError("the file is a ZIP archive but not a Word document (.docx)")
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise DecodeError(
                f"the Word file would unpack to {unpacked / 1_000_000:.0f} MB "
                f"(over {MAX_UNPACKED_BYTES // 1_000_000} MB): refused as a ZIP bomb"
            )


def _core(document) -> dict[str, str]:
    props = document.core_properties
    found = {}
    for name in _CORE:
        value = getattr(props, name, None)
        if isinstance(value, str) and value.strip():
            found[name] = " ".join(value.split())[:300]
    for name in ("created", "modified"):
        value = getattr(props, name, None)
        if value is not None and hasattr(value, "date"):
            found[name] = value.date().isoformat()
    return found
