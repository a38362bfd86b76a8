"""Scanned clippings through Tesseract: the image kept as the seed, its text beside it, doubts for review.

Scans are made in the test: a page of known text rendered at 200 dpi and turned
1.5 degrees, as a flatbed scanner leaves it. ``make test`` installs Tesseract;
elsewhere these tests skip (and fail under CI, where it must be there).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

from hemeroteca import Project, check, ingest
from hemeroteca.catalogue.add import add
from hemeroteca.catalogue.record import read
from hemeroteca.catalogue.store import sidecar_path

from . import documents
from .test_bad_input import run_cli, tree_digest

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None and not os.environ.get("CI"),
    reason="Tesseract is not installed (make test installs it)",
)


def accuracy(read_text: str, truth: str) -> float:
    a, b = " ".join(truth.split()), " ".join(read_text.split())
    return 1 - Levenshtein.distance(a, b) / len(a)


@needs_tesseract
def test_a_skewed_200_dpi_scan_is_read_and_marked_ocr(
    empty_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    image, laid = documents.scan("es", 200, skew=1.5, noise=0.001)
    data = documents.image_bytes(image, "PNG", 200)
    given = tmp_path / "recorte.png"
    given.write_bytes(data)
    report = add(empty_project, [given])
    assert not report.errors, [e.one_line() for e in report.errors]
    added = report.added[0]
    assert added.seed.suffix == ".png" and added.seed.read_bytes() == data
    record = read(added.record)
    assert record.meta["ocr"] is True
    assert 80 <= record.meta["ocr_confidence"] <= 100
    assert record.meta["source"]["media_type"] == "image/png"
    assert record.meta["language"] == "es"
    assert record.meta["title"] == laid.title
    sidecar = json.loads(sidecar_path(added.seed, "ocr").read_text())
    assert sidecar["language"] == "es" and sidecar["engine"].startswith("tesseract")
    assert accuracy("\n\n".join(sidecar["paragraphs"]), laid.text) >= 0.93
    assert [str(p) for p in check(empty_project) if p.severity == "error"] == []
    # Low-confidence words are for the reviewer: in the record's notes and in `review --list`.
    low = sidecar["low_confidence"]
    notes = [u for u in record.meta.get("uncertain", []) if u.startswith("ocr:")]
    assert bool(low) == bool(notes)
    listing = run_cli("review", "--list", cwd=empty_project.root)
    assert "read by OCR, mean word confidence" in listing.stdout
    # ingest --force rebuilds the record from the kept text, without running OCR again
    from hemeroteca.sources import isolate

    def no_ocr(*args: object, **kwargs: object) -> None:
        raise AssertionError("OCR ran again")

    monkeypatch.setattr(isolate, "run_isolated", no_ocr)
    before = added.record.read_text()
    ingest(empty_project, force=True, jobs=1)
    assert added.record.read_text() == before


@needs_tesseract
def test_a_pdf_without_text_layer_is_read_by_ocr(empty_project: Project, tmp_path: Path) -> None:
    data, laid = documents.scanned_pdf("pt", 200, paragraphs=2)
    given = tmp_path / "digitalizado.pdf"
    given.write_bytes(data)
    report = add(empty_project, [given])
    assert not report.errors, [e.one_line() for e in report.errors]
    record = read(report.added[0].record)
    assert record.meta["ocr"] is True and record.meta["language"] == "pt"
    assert record.meta["source"]["media_type"] == "application/pdf"
    assert accuracy(record.body, "\n\n".join(laid.paragraphs)) >= 0.93


def test_without_tesseract_a_scan_is_refused_with_how_to_install(
    empty_project: Project, tmp_path: Path
) -> None:
    image, _ = documents.scan("en", 100, paragraphs=1)
    given = tmp_path / "scan.jpg"
    given.write_bytes(documents.image_bytes(image, "JPEG", 100))
    before = tree_digest(empty_project.seeds_dir, empty_project.archive_dir)
    env_path = str(Path(sys.executable).parent)  # python, but no tesseract
    result = subprocess.run(
        [sys.executable, "-m", "hemeroteca", "add", str(given)],
        cwd=empty_project.root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PATH": env_path},
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "apt-get install tesseract-ocr" in errors[0], result.stderr
    assert tree_digest(empty_project.seeds_dir, empty_project.archive_dir) == before
