"""End to end: a web address, a text PDF, a scan and a Word file added in one `add`, reviewed, built,
each on the site with its provenance and its original downloadable from the article page."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from hemeroteca import Project, build
from hemeroteca.catalogue.add import add
from hemeroteca.catalogue.record import read
from hemeroteca.catalogue.review import mark_reviewed

from . import documents
from .test_fetch import ARTICLE, server  # noqa: F401 - the local HTTP server fixture
from .test_ocr import needs_tesseract

_HREF = re.compile(r'<dt>(?P<label>[^<]+)</dt><dd><a href="(?P<href>[^"]+)" download="[^"]+">')


def _downloads(html: str) -> dict[str, str]:
    return {m["label"]: m["href"] for m in _HREF.finditer(html)}


@needs_tesseract
def test_four_ways_in_reach_the_site_with_their_originals(
    empty_project: Project, tmp_path: Path, server: str  # noqa: F811
) -> None:
    pdf = documents.columns_pdf("en", 2)
    image, scanned = documents.scan("es", 200, skew=1.5, paragraphs=2)
    word = documents.docx_file("pt")
    scan_png = documents.image_bytes(image, "PNG", 200)
    given = {"clipping.pdf": pdf.data, "scan.png": scan_png, "nota.docx": word.data}
    for name, data in given.items():
        (tmp_path / name).write_bytes(data)
    url = f"{server}/old/cafe"
    report = add(empty_project, [url, *(tmp_path / name for name in given)])
    assert not report.errors, [e.one_line() for e in report.errors]
    assert [a.given for a in report.added] == [url, *(tmp_path / name for name in given)]
    for item in report.added:
        assert mark_reviewed(empty_project, item.record.stem).changed
    result = build(empty_project)
    assert not [p for p in result.problems if p.severity == "error"]
    site = empty_project.site_dir
    titles = ["Cooperativas de Nariño exportan café a Japón", pdf.title, scanned.title, word.title]
    for item, title in zip(report.added, titles, strict=True):
        record = read(item.record)
        assert record.meta["review"] == "reviewed" and record.meta["title"] == title
        page = (site / "articles" / f"{record.id}.html").read_text(encoding="utf-8")
        assert "Metadata checked by a person" in page
        assert record.meta["source"]["sha256"] in page
        links = _downloads(page)
        if isinstance(item.given, str):  # the fetched page: its WARC, and where it came from
            assert f'href="{server}/news/cafe.html"' in page and url in page and "Retrieved" in page
            warc = (site / "articles" / links["Web archive (WARC)"]).resolve()
            assert warc.read_bytes() == item.seed.with_name(item.seed.name + ".warc.gz").read_bytes()
            assert ARTICLE in _warc_payloads(warc)
            assert "Original file" not in links
        else:
            original = (site / "articles" / links["Original file"]).resolve()
            assert original.read_bytes() == item.given.read_bytes()
            assert hashlib.sha256(original.read_bytes()).hexdigest() == record.meta["source"]["sha256"]
        assert ("Text read by OCR" in page) == (item.seed.suffix == ".png")


def _warc_payloads(path: Path) -> list[bytes]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as stream:
        return [r.content_stream().read() for r in ArchiveIterator(stream) if r.rec_type == "response"]
