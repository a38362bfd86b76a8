"""Documents made in the test from known text: Word files, PDFs laid out in columns, scans.

Every input of the document tests is generated here, so the text each one was made
from is known exactly and reading order and OCR accuracy can be measured against it.
The stories are invented for the tests. PDFs use the standard PDF fonts (no font
files needed); scans are those PDFs rendered by PDFium at a chosen resolution, then
turned a little and sprinkled with noise as a flatbed scanner would.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass

STORIES = {
    "es": (
        "Cooperativas cafetaleras de Nariño exportan su primera cosecha a Japón",
        [
            "Pasto, 14 de marzo de 2024. Tres cooperativas cafetaleras del sur de Colombia enviaron "
            "este jueves su primer contenedor de café especial al puerto de Yokohama, después de dos "
            "años de trabajo con compradores japoneses que visitaron las fincas de la región.",
            "La Federación Nacional de Cafeteros acompañó el proceso de certificación y explicó que "
            "cada saco lleva el nombre de la familia que lo cultivó. Los productores recibirán un precio "
            "un treinta por ciento superior al del mercado local, según el acuerdo firmado en Bogotá.",
            "La gobernación de Nariño anunció que financiará secadores solares para otras doce "
            "asociaciones de pequeños productores, con el fin de repetir la experiencia durante la "
            "próxima cosecha y abrir nuevas rutas hacia Corea del Sur y Taiwán.",
            "Los caficultores destacaron que la venta directa les permite planificar mejor sus "
            "ingresos y reducir la dependencia de intermediarios, una queja frecuente en las veredas "
            "del altiplano nariñense durante la última década.",
        ],
    ),
    "pt": (
        "Pescadores do Maranhão criam rede de venda direta em São Luís",
        [
            "São Luís, 2 de abril de 2024. Uma associação de pescadores artesanais do litoral "
            "maranhense inaugurou nesta terça-feira uma feira coberta no centro da capital, onde "
            "quarenta famílias vendem peixe fresco sem intermediários.",
            "O projeto recebeu apoio do Banco do Nordeste, que financiou câmaras frias e um barco de "
            "transporte. Segundo a presidente da associação, a renda média das famílias cresceu "
            "quase um quarto nos primeiros três meses de funcionamento.",
            "A prefeitura promete ampliar o espaço até o fim do ano e estuda levar o modelo a outras "
            "cidades da baixada maranhense, onde a pesca é a principal fonte de trabalho.",
            "Os pescadores pedem agora uma linha de crédito para renovar as redes e os motores, "
            "muitos deles com mais de vinte anos de uso, segundo um levantamento da associação.",
        ],
    ),
    "en": (
        "Caribbean ports agree on shared plan for hurricane season",
        [
            "Kingston, 20 May 2024. Port authorities from eight Caribbean countries signed an "
            "agreement on Monday to share tugboats, cranes and repair crews when a hurricane closes "
            "one of their harbours, the first plan of its kind in the region.",
            "The Caribbean Community secretariat said the agreement would cut the time needed to "
            "reopen a damaged port from weeks to days. Insurance companies had asked for a common "
            "plan after two storms closed several terminals last year.",
            "Officials from Jamaica and Barbados will run the first joint exercise in July, moving "
            "equipment between islands by sea and testing a shared radio network for emergencies.",
            "Shipping lines welcomed the plan but warned that many smaller ports still lack backup "
            "power, and that the agreement will only work if governments pay for generators soon.",
        ],
    ),
}


@dataclass(frozen=True)
class Laid:
    """A generated document and the text it holds, in the order a reader reads it."""

    data: bytes
    title: str
    paragraphs: list[str]

    @property
    def text(self) -> str:
        return "\n\n".join([self.title, *self.paragraphs])


def story(language: str) -> tuple[str, list[str]]:
    title, paragraphs = STORIES[language]
    return title, list(paragraphs)


def docx_file(
    language: str = "es", *, core_title: str | None = None, author: str = "Oficina de prensa"
) -> Laid:
    """A press office's Word file: the headline as Heading 1, then the paragraphs."""
    import docx

    title, paragraphs = story(language)
    document = docx.Document()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    props = document.core_properties
    props.title = core_title if core_title is not None else title
    props.author = author
    props.language = language
    props.created = dt.datetime(2024, 3, 14, 9, 30, tzinfo=dt.timezone.utc)
    props.modified = dt.datetime(2024, 3, 14, 9, 30, tzinfo=dt.timezone.utc)
    out = io.BytesIO()
    document.save(out)
    return Laid(out.getvalue(), title, paragraphs)


def _pdf(title: str | None = None):
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(dt.datetime(2024, 3, 14, 9, 30, tzinfo=dt.timezone.utc))
    if title:
        pdf.set_title(title)
    pdf.set_author("Redacción")
    pdf.set_creator("hemeroteca tests")
    pdf.add_page()
    return pdf


def columns_pdf(language: str = "es", columns: int = 2, *, title_meta: str | None = None) -> Laid:
    """One article on a newspaper page: a headline across the top, the body in ``columns`` columns.

    Paragraphs fill the first column top to bottom, then the next, so reading row by row
    across the page (what a naive extractor does) interleaves unrelated sentences.
    """
    title, paragraphs = story(language)
    if columns == 3:
        paragraphs = paragraphs + [p for p in story("en" if language != "en" else "es")[1][:2]]
        paragraphs = paragraphs[: 6]
    pdf = _pdf(title_meta)
    margin, gutter, page_w = 15.0, 8.0, 210.0
    width = (page_w - 2 * margin - gutter * (columns - 1)) / columns
    pdf.set_font("Helvetica", "B", 20)
    pdf.set_xy(margin, 18)
    pdf.multi_cell(page_w - 2 * margin, 9, title)
    top = pdf.get_y() + 6
    pdf.set_font("Helvetica", "", 10)
    per_column = -(-len(paragraphs) // columns)
    for index in range(columns):
        x = margin + index * (width + gutter)
        pdf.set_xy(x, top)
        for paragraph in paragraphs[index * per_column : (index + 1) * per_column]:
            pdf.set_x(x)
            pdf.multi_cell(width, 4.6, paragraph)
            pdf.set_y(pdf.get_y() + 3)
    return Laid(bytes(pdf.output()), title, paragraphs)


def two_articles_pdf() -> Laid:
    """A page with two stories, each with its own headline: a page of a paper, not one article."""
    pdf = _pdf()
    margin, page_w = 15.0, 210.0
    paragraphs: list[str] = []
    titles = []
    for language, top in (("es", 18), ("pt", 150)):
        title, body = story(language)
        titles.append(title)
        pdf.set_font("Helvetica", "B", 18)
        pdf.set_xy(margin, top)
        pdf.multi_cell(page_w - 2 * margin, 8, title)
        pdf.set_font("Helvetica", "", 10)
        pdf.set_y(pdf.get_y() + 4)
        for paragraph in body[:3]:
            pdf.set_x(margin)
            pdf.multi_cell(page_w - 2 * margin, 4.6, paragraph)
            pdf.set_y(pdf.get_y() + 2)
        paragraphs += [title, *body[:3]]
    return Laid(bytes(pdf.output()), titles[0], paragraphs[1:])


def single_column_pdf(language: str = "en", *, title_meta: str | None = None, paragraphs: int = 4) -> Laid:
    """A press release: the headline and the first ``paragraphs`` paragraphs down one column."""
    title, body = story(language)
    paragraphs = body[:paragraphs]
    pdf = _pdf(title_meta)
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_xy(20, 20)
    pdf.multi_cell(170, 8, title)
    pdf.set_font("Helvetica", "", 12)
    pdf.set_y(pdf.get_y() + 5)
    for paragraph in paragraphs:
        pdf.set_x(20)
        pdf.multi_cell(170, 6, paragraph)
        pdf.set_y(pdf.get_y() + 3)
    return Laid(bytes(pdf.output()), title, paragraphs)


def render_page(pdf_bytes: bytes, dpi: int):
    """The first page of a PDF as a greyscale Pillow image at ``dpi``."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf_bytes)
    try:
        return document[0].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        document.close()


def scan(
    language: str = "es", dpi: int = 300, *, skew: float = 0.0, noise: float = 0.0, seed: int = 7,
    paragraphs: int = 4,
):
    """A clipping as a scanner makes it: the page rendered, turned ``skew`` degrees, specks added."""
    from PIL import Image

    laid = single_column_pdf(language, paragraphs=paragraphs)
    image = render_page(laid.data, dpi)
    if skew:
        image = image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if noise:
        rng = random.Random(seed)
        pixels = image.load()
        w, h = image.size
        for _ in range(int(w * h * noise)):
            x, y = rng.randrange(w), rng.randrange(h)
            pixels[x, y] = rng.choice((0, 90, 180))
    return image, laid


def image_bytes(image, fmt: str, dpi: int = 300) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, dpi=(dpi, dpi))
    return out.getvalue()


def scanned_pdf(
    language: str = "es", dpi: int = 300, *, skew: float = 0.0, paragraphs: int = 4
) -> tuple[bytes, Laid]:
    """A scan saved as a PDF with no text layer (what a copier's 'scan to PDF' makes)."""
    image, laid = scan(language, dpi, skew=skew, paragraphs=paragraphs)
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=dpi)
    return out.getvalue(), laid
