"""A scanned clipping (an image, or a PDF with no text layer) to text, with Tesseract.

Tesseract is the OCR engine Debian packages with trained data for Spanish,
Portuguese and English (``tesseract-ocr-spa``, ``-por``, ``-eng``); pytesseract
calls it and returns every word with its confidence. The article's language is
usually not known before the text is read, so the page is read with the three
models together (Spanish first); when the archivist names the language
(``add --language``) only that model is used. On the generated test scans the
two read equally well (``scripts/measure_documents.py``: within 0.2 points of
character accuracy), and a second pass per page would double the time.

Images are checked before they are decoded: Pillow reads only the header, and a
picture of more than ``MAX_PIXELS`` (a decompression bomb, or a poster rather
than a clipping) is refused without unpacking it.
"""

from __future__ import annotations

import io
import shutil
import statistics
from dataclasses import dataclass, field

from hemeroteca.sources.decode import DecodeError

MAX_PIXELS = 120_000_000
"""An A3 page scanned at 600 dpi is 70 megapixels; more is a bomb or not a clipping."""
LANGUAGES = {"es": "spa", "pt": "por", "en": "eng"}
LOW_CONFIDENCE = 60
"""Tesseract's word confidence (0-100) under which a reviewer should compare the word with the image."""
OCR_TIMEOUT_S = 120
RENDER_DPI = 300
"""Pages of a scanned PDF are rendered at the resolution Tesseract reads best."""
INSTALL_HINT = (
    "scanned input needs Tesseract OCR: install it with "
    "`apt-get install tesseract-ocr tesseract-ocr-spa tesseract-ocr-por tesseract-ocr-eng` "
    "(or `make test`, which installs it)"
)


@dataclass
class OcrText:
    paragraphs: list[str]
    confidence: float
    language: str
    low_confidence: list[str] = field(default_factory=list)
    engine: str = ""

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def require_tesseract() -> None:
    if not tesseract_available():
        raise DecodeError(INSTALL_HINT)
    missing = [code for code in LANGUAGES.values() if code not in _installed_languages()]
    if missing:
        raise DecodeError(f"Tesseract lacks the {'/'.join(missing)} language data: {INSTALL_HINT}")


def _installed_languages() -> set[str]:
    import pytesseract

    try:
        return set(pytesseract.get_languages(config=""))
    except Exception:  # an old or broken install: let the OCR run say what is wrong
        return set(LANGUAGES.values())


def open_image(data: bytes):
    """A Pillow image of a scan, its size checked from the header before any pixel is decoded."""
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = None  # the size is judged here, with a message an archivist can act on
    try:
        image = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise DecodeError(f"the image cannot be read ({type(exc).__name__}): is the file complete?") from exc
    width, height = image.size
    if width * height > MAX_PIXELS or getattr(image, "n_frames", 1) > 40:
        raise DecodeError(
            f"the image is {width}x{height} pixels ({width * height / 1e6:.0f} megapixels, over "
            f"{MAX_PIXELS // 1_000_000}): refused as a decompression bomb; scan the clipping at 300 dpi"
        )
    try:
        image.load()
    except (OSError, ValueError) as exc:
        kind = type(exc).__name__
        raise DecodeError(f"the image cannot be decoded ({kind}): is the file complete?") from exc
    return image


def image_pages(data: bytes) -> list:
    """Each frame of an image (a multi-page TIFF has several), as greyscale."""
    from PIL import ImageSequence

    image = open_image(data)
    return [frame.convert("L") for frame in ImageSequence.Iterator(image)]


def pdf_pages(data: bytes) -> list:
    """The pages of a scanned PDF rendered at ``RENDER_DPI`` by PDFium."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise DecodeError(f"the PDF cannot be rendered for OCR ({exc})") from exc
    try:
        pages = []
        for page in document:
            width, height = page.get_size()
            scale = RENDER_DPI / 72
            if width * height * scale * scale > MAX_PIXELS:
                inches = f"{width / 72:.0f}x{height / 72:.0f}"
                raise DecodeError(f"a page of the PDF is {inches} inches: not a clipping")
            pages.append(page.render(scale=scale, grayscale=True).to_pil().convert("L"))
        return pages
    finally:
        document.close()


def ocr_pages(pages: list, language: str | None = None) -> OcrText:
    """Text of scanned pages, their mean word confidence and the words Tesseract doubted."""
    require_tesseract()
    import pytesseract

    from hemeroteca.extract.language import identify_language

    models = LANGUAGES[language] if language in LANGUAGES else "+".join(LANGUAGES.values())
    result = _read(pages, models)
    result.language = language if language in LANGUAGES else identify_language(result.text)[0]
    result.engine = f"tesseract {pytesseract.get_tesseract_version()}"
    return result


def _read(pages: list, languages: str) -> OcrText:
    import pytesseract

    paragraphs: list[str] = []
    confidences: list[float] = []
    low: list[str] = []
    for page in pages:
        try:
            data = pytesseract.image_to_data(
                page, lang=languages, config="--psm 3", output_type=pytesseract.Output.DICT,
                timeout=OCR_TIMEOUT_S,
            )
        except RuntimeError as exc:  # pytesseract's timeout
            raise DecodeError(f"OCR took longer than {OCR_TIMEOUT_S} s on one page: refused") from exc
        except pytesseract.TesseractError as exc:
            raise DecodeError(f"Tesseract failed on the image: {exc.message.strip()[:200]}") from exc
        paragraphs.extend(_paragraphs(data, confidences, low))
    return OcrText(
        paragraphs=paragraphs,
        confidence=round(statistics.fmean(confidences), 1) if confidences else 0.0,
        language="",
        low_confidence=low,
    )


def _paragraphs(data: dict, confidences: list[float], low: list[str]) -> list[str]:
    """Tesseract's words regrouped into its paragraphs, collecting confidences on the way."""
    grouped: dict[tuple[int, int], list[list[str]]] = {}
    last_line: dict[tuple[int, int], int] = {}
    for i, word in enumerate(data["text"]):
        word = word.strip()
        conf = float(data["conf"][i])
        if not word or conf < 0:
            continue
        confidences.append(conf)
        if conf < LOW_CONFIDENCE and any(ch.isalnum() for ch in word) and word not in low:
            low.append(word)
        key = (data["block_num"][i], data["par_num"][i])
        lines = grouped.setdefault(key, [])
        if last_line.get(key) != data["line_num"][i]:
            lines.append([])
            last_line[key] = data["line_num"][i]
        lines[-1].append(word)
    out = []
    for lines in grouped.values():
        text = "\n".join(" ".join(words) for words in lines)
        text = _join_hyphens(text)
        out.append(" ".join(text.split()))
    return [p for p in out if p]


def _join_hyphens(text: str) -> str:
    from hemeroteca.sources.pdf import _HYPHEN_BREAK

    return _HYPHEN_BREAK.sub(r"\1", text)
