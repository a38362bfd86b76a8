"""A PDF with a text layer to paragraphs in reading order, plus what the file says about itself.

Newspaper pages set an article in columns, often under a headline that spans
them. Reading such a page line by line across its width (what pdfplumber's
``extract_text`` does) interleaves sentences of different columns, and
pdfminer's own box ordering puts boxes of neighbouring columns in the wrong
order on three-column pages (``scripts/measure_documents.py`` prints both).
So pdfminer.six only finds the text lines and their positions, and the order
comes from a recursive XY-cut over those lines:

- a group of lines is cut along a white band that runs across all of it:
  first vertically (a gutter between columns that runs the whole height of
  the group, so columns are read one after the other), otherwise
  horizontally (the space under a headline, between paragraphs, between two
  stories stacked on the page), top to bottom;
- a group with no band left is one block, read top to bottom.

A headline spanning the columns stops the gutter from running the whole
height, so it is cut off first and read first, as a reader would.

Multi-article pages are told by their headlines: lines set in a type much
larger than the body that stand apart from each other with body text
between them. Such a page is read all the same, and flagged for the
archivist to split.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass, field

from hemeroteca.sources.decode import DecodeError

MAX_PAGES = 40
"""A clipping is one or a few pages; a whole issue or a book is the wrong file for one record."""
MAX_STREAM_BYTES = 100_000_000
"""A page scanned at 600 dpi in colour is ~100 MB raw; a stream inflating past that is a PDF bomb."""

_HEADLINE_RATIO = 1.5
"""A headline's type is at least this many times the body's (news pages set them far larger)."""
_HYPHEN_BREAK = re.compile(r"(\w)-\n(?=[a-záéíóúàâêôãõçüñ])")


@dataclass(frozen=True)
class Line:
    x0: float
    y0: float  # from the top of the page, growing downwards
    x1: float
    y1: float
    size: float
    text: str


@dataclass
class PdfText:
    """Paragraphs of every page in reading order, the headlines seen, and the document's own metadata."""

    paragraphs: list[str]
    headlines: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    pages: int = 0

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def read_pdf(data: bytes) -> PdfText:
    """Text and metadata of a PDF; DecodeError for an encrypted, damaged or oversized one.

    A PDF with no text layer comes back with no paragraphs: it is a scan, for OCR.
    """
    from pdfminer.layout import LAParams, LTTextLineHorizontal
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage, PDFTextExtractionNotAllowed
    from pdfminer.pdfparser import PDFParser

    try:
        parser = PDFParser(io.BytesIO(data))
        document = PDFDocument(parser)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise DecodeError("the PDF is encrypted with a password: save an unprotected copy first") from exc
    except Exception as exc:  # pdfminer raises many kinds for a damaged file
        raise DecodeError(f"the PDF cannot be read ({type(exc).__name__}): is the file complete?") from exc
    _refuse_bombs(document)
    metadata = _info(document)
    pages_seen = 0
    all_lines: list[list[Line]] = []
    resources = PDFResourceManager(caching=True)
    from pdfminer.converter import PDFPageAggregator

    device = PDFPageAggregator(resources, laparams=LAParams(char_margin=2.0, line_margin=0.5))
    interpreter = PDFPageInterpreter(resources, device)
    try:
        for page in PDFPage.create_pages(document):
            pages_seen += 1
            if pages_seen > MAX_PAGES:
                raise DecodeError(
                    f"the PDF has more than {MAX_PAGES} pages: "
                    "add the article's own pages, not the whole issue"
                )
            interpreter.process_page(page)
            layout = device.get_result()
            height = layout.height
            lines = [
                Line(o.x0, height - o.y1, o.x1, height - o.y0, _size(o), " ".join(o.get_text().split()))
                for o in _walk(layout, LTTextLineHorizontal)
            ]
            all_lines.append([line for line in lines if line.text])
    except DecodeError:
        raise
    except PDFTextExtractionNotAllowed as exc:
        raise DecodeError("the PDF forbids text extraction: save an unprotected copy first") from exc
    except Exception as exc:
        raise DecodeError(f"the PDF cannot be read ({type(exc).__name__}): is the file complete?") from exc
    paragraphs: list[str] = []
    headlines: list[str] = []
    body_sizes = [line.size for page in all_lines for line in page for _ in line.text]
    body_size = statistics.median(body_sizes) if body_sizes else 0.0
    for lines in all_lines:
        blocks = reading_order(lines)
        paragraphs.extend(_paragraph(block) for block in blocks)
        headlines.extend(_headlines(blocks, body_size))
    return PdfText([p for p in paragraphs if p], headlines, metadata, pages_seen)


def _refuse_bombs(document) -> None:
    """Inflate every compressed stream up to ``MAX_STREAM_BYTES`` before pdfminer inflates it whole.

    pdfminer decompresses a stream in one call, so a few kilobytes that inflate to
    gigabytes would take all memory (the child's limit would stop it, slowly); this
    refuses such a file at once. Encrypted streams do not inflate and are left to
    that limit.
    """
    import zlib

    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream

    seen: set[int] = set()
    for xref in document.xrefs:
        for objid in xref.get_objids():
            if objid in seen:
                continue
            seen.add(objid)
            try:
                obj = document.getobj(objid)
            except Exception:  # a broken object: pdfminer reports it when it needs it
                continue
            if not isinstance(obj, PDFStream):
                continue
            filters = obj.get_filters()
            if not filters or filters[0][0] not in LITERALS_FLATE_DECODE:
                continue
            inflater = zlib.decompressobj()
            try:
                inflater.decompress(obj.rawdata or b"", MAX_STREAM_BYTES)
            except zlib.error:
                continue
            if inflater.unconsumed_tail:
                raise DecodeError(
                    f"a stream of the PDF inflates to more than {MAX_STREAM_BYTES // 1_000_000} MB: "
                    "refused as a PDF bomb"
                )


def reading_order(lines: list[Line]) -> list[list[Line]]:
    """Blocks of lines (paragraphs, headlines) in the order a reader takes them."""
    if not lines:
        return []
    size = statistics.median(line.size for line in lines) or 10.0
    return _cut(lines, gutter=0.8 * size, lead=0.5 * size)


def _cut(lines: list[Line], gutter: float, lead: float) -> list[list[Line]]:
    if len(lines) > 1:
        for axis, minimum in (("x", gutter), ("y", lead)):
            groups = _split(lines, axis, minimum)
            if len(groups) > 1:
                return [block for group in groups for block in _cut(group, gutter, lead)]
    return [sorted(lines, key=lambda line: (round(line.y0, 1), line.x0))]


def _split(lines: list[Line], axis: str, minimum: float) -> list[list[Line]]:
    """The lines grouped between white bands at least ``minimum`` wide across all of them.

    A vertical band must separate groups that each span more than one line: the
    gaps between the words of one justified line are not a gutter.
    """
    start, end = ("x0", "x1") if axis == "x" else ("y0", "y1")
    ordered = sorted(lines, key=lambda line: getattr(line, start))
    groups: list[list[Line]] = [[ordered[0]]]
    reach = getattr(ordered[0], end)
    for line in ordered[1:]:
        gap = getattr(line, start) - reach
        if axis == "y":
            # Lines of a headline stand further apart than the body's: the gap is judged
            # against the type of the lines on either side, and a change of type is a cut.
            before = groups[-1][-1]
            ratio = max(line.size, before.size) / max(min(line.size, before.size), 0.1)
            cut = gap >= max(minimum, 0.5 * max(line.size, before.size)) or (
                ratio >= _HEADLINE_RATIO and gap > 0
            )
        else:
            cut = gap >= minimum
        if cut:
            groups.append([line])
        else:
            groups[-1].append(line)
        reach = max(reach, getattr(line, end))
    if axis == "x" and any(len({round(line.y0) for line in group}) < 2 for group in groups):
        return [lines]
    return groups


def _paragraph(block: list[Line]) -> str:
    text = "\n".join(line.text for line in block)
    text = _HYPHEN_BREAK.sub(r"\1", text)
    return " ".join(text.split())


def _headlines(blocks: list[list[Line]], body_size: float) -> list[str]:
    """Blocks set in headline type that have body text after them."""
    found = []
    for index, block in enumerate(blocks):
        big = body_size and min(line.size for line in block) >= _HEADLINE_RATIO * body_size
        followed = any(
            max(line.size for line in later) < _HEADLINE_RATIO * body_size for later in blocks[index + 1 :]
        )
        if big and followed and (not found or found[-1][0] < index - 1):
            found.append((index, _paragraph(block)))
    return [text for _, text in found]


def _size(line) -> float:
    sizes = [getattr(char, "size", 0.0) for char in line if hasattr(char, "size")]
    return statistics.median(sizes) if sizes else 0.0


def _walk(item, kind):
    if isinstance(item, kind):
        yield item
        return
    try:
        children = iter(item)
    except TypeError:
        return
    for child in children:
        yield from _walk(child, kind)


_INFO_KEYS = {"Title": "title", "Author": "author", "Subject": "subject", "CreationDate": "created",
              "ModDate": "modified", "Producer": "producer", "Creator": "creator"}
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")


def _info(document) -> dict[str, str]:
    """The document information dictionary as short strings (dates as YYYY-MM-DD)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    found: dict[str, str] = {}
    for info in document.info[:1]:
        for key, name in _INFO_KEYS.items():
            value = resolve1(info.get(key))
            if isinstance(value, bytes):
                value = decode_text(value)
            if not isinstance(value, str):
                continue
            value = " ".join(value.split())[:300]
            if name in ("created", "modified"):
                match = _PDF_DATE.match(value)
                value = "-".join(g for g in match.groups() if g) if match else ""
            if value:
                found[name] = value
    return found
