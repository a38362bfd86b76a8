"""Word files and PDFs with a text layer: read in order, kept byte for byte, hostile ones refused.

Every input is generated in the test from known text (``tests/documents.py``).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
import zlib
from pathlib import Path

import pytest

from hemeroteca import Project, check, ingest
from hemeroteca.catalogue.add import add
from hemeroteca.catalogue.record import read
from hemeroteca.sources.pdf import Line, read_pdf, reading_order

from . import documents
from .test_bad_input import run_cli, tree_digest


def _errors(project: Project) -> list[str]:
    return [str(p) for p in check(project) if p.severity == "error"]


def _words(text: str) -> list[str]:
    return text.split()


def _add_one(project: Project, path: Path):
    report = add(project, [path])
    assert not report.errors, [e.one_line() for e in report.errors]
    assert len(report.added) == 1
    return report.added[0]


# --- Word -------------------------------------------------------------------------------------


def test_docx_headline_from_its_heading_style_and_core_properties_as_evidence(
    empty_project: Project, tmp_path: Path
) -> None:
    laid = documents.docx_file("pt", core_title="Modelo de nota de imprensa")
    given = tmp_path / "nota.docx"
    given.write_bytes(laid.data)
    added = _add_one(empty_project, given)
    assert added.seed.suffix == ".docx" and added.seed.read_bytes() == laid.data
    record = read(added.record)
    assert record.meta["title"] == laid.title  # the heading, not the template's core title
    assert record.meta["language"] == "pt"
    assert record.meta["source"]["sha256"] == hashlib.sha256(laid.data).hexdigest()
    assert record.meta["source"]["media_type"].endswith("wordprocessingml.document")
    assert record.meta["source"]["document"] == {
        "author": "Oficina de prensa", "created": "2024-03-14", "language": "pt", "modified": "2024-03-14",
        "title": "Modelo de nota de imprensa",
    }
    assert _words(record.body) == _words("\n\n".join(laid.paragraphs))
    assert record.meta["date"] == "2024-04-02"  # from the text, not the file's creation date
    assert _errors(empty_project) == []


def test_the_same_docx_twice_is_a_duplicate(empty_project: Project, tmp_path: Path) -> None:
    laid = documents.docx_file("es")
    (tmp_path / "a.docx").write_bytes(laid.data)
    (tmp_path / "b.docx").write_bytes(laid.data)
    report = add(empty_project, [tmp_path / "a.docx", tmp_path / "b.docx"])
    assert len(report.added) == 1 and len(report.duplicates) == 1
    assert report.duplicates[0].how == "the same file (sha256)"


# --- PDF with a text layer --------------------------------------------------------------------


@pytest.mark.parametrize("columns", [2, 3])
def test_columns_are_read_one_after_the_other(columns: int) -> None:
    laid = documents.columns_pdf("es", columns)
    read_back = read_pdf(laid.data)
    assert _words(read_back.text) == _words(laid.text)
    assert read_back.headlines == [laid.title]


def test_xy_cut_reads_a_headline_across_two_columns_first() -> None:
    # Two columns of three lines each under a headline that spans both; sizes in points.
    head = Line(50, 40, 500, 60, 20, "Headline")
    left = [Line(50, 80 + 14 * i, 260, 90 + 14 * i, 10, f"left{i}") for i in range(3)]
    right = [Line(290, 80 + 14 * i, 500, 90 + 14 * i, 10, f"right{i}") for i in range(3)]
    blocks = reading_order([*right, head, *left])
    assert [[line.text for line in block] for block in blocks] == [
        ["Headline"], ["left0", "left1", "left2"], ["right0", "right1", "right2"]
    ]


def test_text_pdf_added_with_its_metadata_as_evidence(empty_project: Project, tmp_path: Path) -> None:
    laid = documents.columns_pdf("en", 2, title_meta="Microsoft Word - Document1")
    given = tmp_path / "clipping.PDF"
    given.write_bytes(laid.data)
    added = _add_one(empty_project, given)
    assert added.seed.name.endswith(".pdf") and added.seed.read_bytes() == laid.data
    record = read(added.record)
    assert record.meta["title"] == laid.title
    assert record.meta["source"]["document"]["title"] == "Microsoft Word - Document1"
    assert record.meta["source"]["document"]["created"] == "2024-03-14"
    assert record.meta["source"]["media_type"] == "application/pdf"
    assert "ocr" not in record.meta
    assert "JM" in record.meta["countries"]
    assert not [u for u in record.meta.get("uncertain", []) if "several-articles" in u]
    assert _errors(empty_project) == []
    # ingest --force makes the same record from the same bytes
    before = added.record.read_text()
    ingest(empty_project, force=True, jobs=1)
    assert added.record.read_text() == before


def test_a_page_with_two_stories_is_flagged_not_merged_silently(
    empty_project: Project, tmp_path: Path
) -> None:
    laid = documents.two_articles_pdf()
    given = tmp_path / "page3.pdf"
    given.write_bytes(laid.data)
    record = read(_add_one(empty_project, given).record)
    flags = [u for u in record.meta["uncertain"] if u.endswith("[several-articles]")]
    assert len(flags) == 1 and "2 headlines" in flags[0] and "Pescadores do Maranhão" in flags[0]


# --- hostile documents: one line, nothing written ----------------------------------------------


def _encrypted_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 6, " ".join(documents.story("en")[1]))
    pdf.set_encryption(owner_password="owner", user_password="secret")
    return bytes(pdf.output())


def _pdf_bomb() -> bytes:
    """A one-page PDF whose content stream is a few hundred KB that inflate to 200 MB."""
    stream = zlib.compress(b" " * 200_000_000, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _huge_png() -> bytes:
    """A valid PNG header declaring 40000 x 40000 pixels: the bomb is in the size, not the bytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = (40000).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    idat = zlib.compress(b"\x00" * 4096)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


HOSTILE = {
    "locked.pdf": (_encrypted_pdf, "encrypted with a password"),
    "bomb.pdf": (_pdf_bomb, "PDF bomb"),
    "truncated.pdf": (lambda: documents.single_column_pdf("es").data[:400], "cannot be read"),
    "fake.pdf": (lambda: b"<html>not a pdf</html>", "does not start like a PDF"),
    "photos.docx": (lambda: _zip({"a.jpg": b"\xff\xd8\xff" + b"0" * 100}), "not a Word document"),
    "bomb.docx": (
        lambda: _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b" " * 60_000_000}),
        "ZIP bomb",
    ),
    "huge.png": (_huge_png, "decompression bomb"),
}


@pytest.fixture(scope="module")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    from .conftest import copy_project_skeleton

    project = copy_project_skeleton(tmp_path_factory.mktemp("hostile") / "proj")
    ingest(project)
    return project


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_documents_get_one_line_and_change_nothing(
    small_project: Project, tmp_path: Path, name: str
) -> None:
    make, fragment = HOSTILE[name]
    bad = tmp_path / name
    bad.write_bytes(make())
    before = tree_digest(small_project.seeds_dir, small_project.archive_dir)
    result = run_cli("add", str(bad), cwd=small_project.root)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert str(bad) in errors[0] and fragment in errors[0], errors[0]
    assert "Traceback" not in result.stderr
    assert tree_digest(small_project.seeds_dir, small_project.archive_dir) == before


def test_check_validates_the_new_source_fields(empty_project: Project, tmp_path: Path) -> None:
    laid = documents.docx_file("en")
    (tmp_path / "r.docx").write_bytes(laid.data)
    added = _add_one(empty_project, tmp_path / "r.docx")
    text = added.record.read_text()
    broken = text.replace("media_type: application/vnd", "media_type: text/vnd").replace(
        "  document:\n", "  document:\n    colour: red\n"
    )
    added.record.write_text(broken)
    lines = _errors(empty_project)
    assert any("source.media_type" in line for line in lines), lines
    assert any("colour" in line for line in lines), lines
