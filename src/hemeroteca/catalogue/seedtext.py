"""A seed file to the text extraction reads, and the metadata its source declares.

Plain texts go straight to extraction. Saved web pages (.html/.htm, or a .txt
that is really a page) first lose their markup; what the page declares
(headline, publication date, canonical URL, publisher) then overrides what
extraction guessed from the text, because a declaration beats a guess. This
is the one place ingest, add and extract read a seed, so all three agree.

Documents (``DOCUMENT_SUFFIXES``) are read in a child process with limits
(``sources/isolate.py``): a PDF with a text layer through pdfminer's layout
analysis (``sources/pdf.py``), a Word file through python-docx
(``sources/docx.py``), and a scan, an image or a PDF with no text layer,
through Tesseract (``sources/ocr.py``). A headline the document marks (a
heading style, type much larger than the body's) is declared like a page's;
what the file says about itself (PDF information, Word core properties) is
kept as evidence only, since it is so often a template's leftover.

Two files beside a seed hold what its bytes cannot say (``store.sidecars``):
``<seed>.ocr.json``, the text Tesseract read, so a scan is read once and the
archive does not change with the Tesseract version of whoever runs ingest;
and ``<seed>.warc.gz``, the HTTP exchange of a page fetched by ``add URL``,
from which the address, the time of retrieval, the status and the content
type come back on every ingest.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hemeroteca.catalogue.authorities import Authorities
from hemeroteca.doubts import Doubt
from hemeroteca.errors import HemerotecaError
from hemeroteca.extract import Metadata, extract_text
from hemeroteca.extract.countries import gazetteer
from hemeroteca.sources.clean import clean_text
from hemeroteca.sources.decode import MAX_DOCUMENT_BYTES, DecodeError, check_size, decode_bytes
from hemeroteca.sources.html import Page, looks_like_html, read_page
from hemeroteca.sources.title import body_without_title
from hemeroteca.weburl import web_url

HTML_SUFFIXES = (".html", ".htm")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
DOCUMENT_SUFFIXES = (".pdf", ".docx", *IMAGE_SUFFIXES)
MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}
MIN_TEXT_LAYER_WORDS = 15
"""A PDF with fewer words than a news brief in its text layer is a scan (perhaps with a caption)."""
LOW_WORDS_SHOWN = 30


@dataclass(frozen=True)
class SeedText:
    text: str
    page: Page | None = None
    headline: str | None = None
    """The headline the document itself marks (a heading style, headline type)."""
    headline_by: str = ""
    document: dict[str, str] = field(default_factory=dict)
    """What the file says about itself (PDF information, Word core properties): evidence only."""
    media_type: str = ""
    notes: tuple[Doubt, ...] = ()
    """What the reviewer should look at because of the kind of file (several articles, OCR doubts)."""
    ocr: dict[str, Any] | None = None
    """The sidecar's content when the text was read by OCR."""
    fetched: dict[str, Any] = field(default_factory=dict)
    """``source`` fields of a page fetched by ``add URL``, read back from its WARC."""

    @property
    def source_extra(self) -> dict[str, Any]:
        """Fields of ``source`` beyond path and sha256: where the text came from and how it was read."""
        extra: dict[str, Any] = {}
        if self.page is not None:
            # A page may declare any canonical URL; only a web address is worth recording.
            extra = {"url": web_url(self.page.url), "publisher": self.page.publisher}
        extra.update(self.fetched)
        if self.media_type:
            extra["media_type"] = self.media_type
        if self.document:
            extra["document"] = dict(sorted(self.document.items()))
        return {k: v for k, v in extra.items() if v}

    @property
    def record_extra(self) -> dict[str, Any]:
        """Top-level record fields: a text read by OCR says so, with Tesseract's mean confidence."""
        if self.ocr is None:
            return {}
        return {"ocr": True, "ocr_confidence": self.ocr["confidence"]}


def read_seed_bytes(path: Path) -> bytes:
    """The raw bytes, refusing oversized files before reading them into memory."""
    limit = MAX_DOCUMENT_BYTES if path.suffix.lower() in DOCUMENT_SUFFIXES else None
    check_size(path.stat().st_size, limit)
    return path.read_bytes()


def seed_text(data: bytes, suffix: str, sidecars: dict[str, bytes] | None = None) -> SeedText:
    """Decode, and strip the markup of a web page or read the document. Raises DecodeError.

    ``sidecars``: the files kept beside the seed, by kind (``ocr``, ``warc``), when there are.
    """
    sidecars = sidecars or {}
    suffix = suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        seed = _document_text(data, suffix, sidecars.get("ocr"))
    else:
        text = decode_bytes(data)
        if suffix in HTML_SUFFIXES or looks_like_html(text):
            page = read_page(text)
            seed = SeedText(text=page.text, page=page)
        else:
            seed = SeedText(text=text)
    if "warc" in sidecars:
        seed = dataclasses.replace(seed, fetched=_fetched(sidecars["warc"]))
    return seed


def _fetched(warc: bytes) -> dict[str, Any]:
    from hemeroteca.sources.fetch import provenance_from_warc

    return provenance_from_warc(warc)


def read_seed(path: Path) -> SeedText:
    from hemeroteca.catalogue.store import read_sidecars

    return seed_text(read_seed_bytes(path), path.suffix, read_sidecars(path))


def ocr_sidecar_bytes(seed: SeedText) -> bytes:
    """The ``<seed>.ocr.json`` file of a text read by OCR (stable JSON, so rewriting it changes nothing)."""
    return (json.dumps(seed.ocr, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _document_text(data: bytes, suffix: str, ocr_sidecar: bytes | None) -> SeedText:
    from hemeroteca.sources.isolate import run_isolated

    media_type = MEDIA_TYPES[suffix]
    if suffix == ".docx":
        if not data.startswith(b"PK\x03\x04"):
            raise DecodeError("the .docx file is not a ZIP archive, so not a Word document")
        read = run_isolated("docx", data)
        headings = read["headings"]
        return SeedText(
            text=_nonempty("\n\n".join(read["paragraphs"])),
            headline=headings[0] if headings else None,
            headline_by="marked as a heading in the Word file",
            document=read["metadata"],
            media_type=media_type,
        )
    document: dict[str, str] = {}
    notes: tuple[Doubt, ...] = ()
    if suffix == ".pdf":
        if not data.lstrip()[:1024].startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
            raise DecodeError("the .pdf file does not start like a PDF: is it really one?")
        read = run_isolated("pdf", data)
        document = read["metadata"]
        text = "\n\n".join(read["paragraphs"])
        if len(text.split()) >= MIN_TEXT_LAYER_WORDS:
            headlines = read["headlines"]
            if len(headlines) > 1:
                shown = "; ".join(f'"{h[:60]}"' for h in headlines[:4])
                notes = (Doubt("several-articles", item=str(len(headlines)), detail=shown),)
            return SeedText(
                text=text,
                headline=headlines[0] if headlines else None,
                headline_by="set in headline type in the PDF",
                document=document,
                media_type=media_type,
                notes=notes,
            )
    ocr = _ocr_kept(ocr_sidecar) if ocr_sidecar else run_isolated("ocr", data, pdf=suffix == ".pdf")
    low = ocr.get("low_confidence") or []
    if low:
        shown = ", ".join(low[:LOW_WORDS_SHOWN]) + (" ..." if len(low) > LOW_WORDS_SHOWN else "")
        notes = (Doubt("ocr-low-confidence", item=str(len(low)), detail=shown),)
    return SeedText(
        text=_nonempty("\n\n".join(ocr["paragraphs"])),
        document=document,
        media_type=media_type,
        notes=notes,
        ocr=ocr,
    )


def _ocr_kept(sidecar: bytes) -> dict[str, Any]:
    """The OCR text kept beside a scan, refused whole if it is not what ``add`` wrote."""
    try:
        ocr = json.loads(sidecar.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        ocr = None
    valid = (
        isinstance(ocr, dict)
        and isinstance(ocr.get("paragraphs"), list)
        and all(isinstance(p, str) for p in ocr["paragraphs"])
        and isinstance(ocr.get("confidence"), (int, float))
        and isinstance(ocr.get("low_confidence", []), list)
    )
    if not valid:
        raise DecodeError(
            "the OCR text kept beside the scan (.ocr.json) is damaged: delete it to read the scan again"
        )
    return ocr


def _nonempty(text: str) -> str:
    if not text.strip():
        raise DecodeError("no text found in the document")
    return text


def extract_seed(seed: SeedText, authorities: Authorities | None = None) -> Metadata:
    """Extraction over the text, the page's declared headline and date on top, and the doubts."""
    authorities = authorities or Authorities()
    metadata = _with_document(_with_page(extract_text(seed.text, authorities), seed), seed)
    doubts = [d for d in [*seed.notes, *_doubts(metadata, authorities)] if d not in metadata.doubts]
    return dataclasses.replace(metadata, doubts=[*metadata.doubts, *doubts]) if doubts else metadata


def extract_file(path: Path, authorities: Authorities | None = None) -> Metadata:
    """The metadata proposed for one file of any kind ``add`` takes (text, saved page, PDF,
    Word file, scan), read as ``ingest`` reads a seed: what ``hemeroteca extract`` prints.
    A file that cannot be read as an article is one HemerotecaError naming it."""
    try:
        return extract_seed(read_seed(path), authorities)
    except ValueError as exc:  # DecodeError: not an article (empty, damaged, too big...)
        raise HemerotecaError(path, str(exc)) from exc


def _doubts(metadata: Metadata, authorities: Authorities) -> list[Doubt]:
    """What a reviewer should look at beyond what extraction already flagged.

    An actor missing from the authority file may be misnamed or a new entry to
    curate; a country seen only through a demonym ("peruano") may be a
    nationality in passing rather than the place the story is about.
    """
    notes = [
        Doubt("not-in-authorities", item=actor["name"])
        for actor in metadata.actors
        if authorities.actor(actor["name"]) is None
        and not (actor.get("alias") and authorities.actor(actor["alias"]))
    ]
    table = gazetteer()  # its demonyms with their inflected forms ("portuguesas")
    seen = metadata.evidence.get("countries")
    for code in metadata.countries:
        surfaces = seen.get(code, {}).get("seen") if isinstance(seen, dict) else None
        if surfaces and all(table.get(str(s).lower()) == (code, "demonym") for s in surfaces):
            notes.append(Doubt("demonym-only", item=code, detail=", ".join(surfaces)))
    return notes


def _with_page(metadata: Metadata, seed: SeedText) -> Metadata:
    page = seed.page
    if page is None:
        return metadata
    return _declared(
        metadata,
        seed,
        title=page.title,
        title_by="declared by the web page (og:title / <title>)",
        date=page.date,
        date_by="declared by the web page (article:published_time / JSON-LD / meta)",
    )


def _with_document(metadata: Metadata, seed: SeedText) -> Metadata:
    """The headline the document marks replaces the guessed title; its own metadata is evidence."""
    if seed.headline is None and not seed.document and seed.ocr is None:
        return metadata
    metadata = _declared(metadata, seed, title=seed.headline, title_by=seed.headline_by)
    doubts = list(metadata.doubts)
    evidence = dict(metadata.evidence)
    if seed.document:
        evidence["document"] = seed.document
        created = seed.document.get("created")
        if metadata.date is None and created:
            doubts.append(Doubt("file-created-date", detail=created))
    if seed.ocr is not None:
        evidence["ocr"] = {k: seed.ocr[k] for k in ("engine", "language", "confidence") if k in seed.ocr}
    return dataclasses.replace(metadata, doubts=doubts, evidence=evidence)


def _declared(
    metadata: Metadata,
    seed: SeedText,
    *,
    title: str | None = None,
    title_by: str = "",
    date: str | None = None,
    date_by: str = "",
) -> Metadata:
    """What the source declares (a page's headline and date, a document's marked headline)
    replaces extraction's guess: a declaration beats a guess, so the guess's doubts go and the
    evidence names the declaration. The body loses the declared headline's line."""
    changes: dict[str, Any] = {}
    evidence = dict(metadata.evidence)
    if title:
        changes["title"] = title
        changes["body"] = body_without_title(clean_text(seed.text), title)
        evidence["title"] = title_by
    if date:
        changes["date"] = date
        evidence["date"] = date_by
    if not changes:
        return metadata
    doubts = [d for d in metadata.doubts if d.field not in {"title", "date"} & changes.keys()]
    return dataclasses.replace(metadata, **changes, doubts=doubts, evidence=evidence)
