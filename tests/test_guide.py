"""The archivists' guide and the install tell the truth: each claim here is checked against the tool."""

from __future__ import annotations

import re
import sys

import pytest

from hemeroteca import Project, ingest
from tests.conftest import GUIDES, REPO, guide_section

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    tomllib = None

GUIDE = (REPO / "docs" / "contributing.md").read_text(encoding="utf-8")
# The guide in each language: what the tool does is said alike in all (commands, fields, limits).
TEXTS = {language: (REPO / "docs" / name).read_text(encoding="utf-8") for language, name in GUIDES.items()}


def test_the_license_is_an_spdx_string_so_setuptools_prints_no_deprecation() -> None:
    if tomllib is None:
        return
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    # The string form needs setuptools 77 (PEP 639); older ones reject it.
    assert "setuptools>=77" in project["build-system"]["requires"]


@pytest.mark.parametrize("language", sorted(GUIDES))
def test_every_push_in_the_guide_sets_its_upstream(language: str) -> None:
    pushes = re.findall(r"^git push.*$", TEXTS[language], re.MULTILINE)
    assert pushes and all(" -u origin " in push for push in pushes)


@pytest.mark.parametrize("language", sorted(GUIDES))
def test_the_guide_says_what_windows_users_need(language: str) -> None:
    assert "Git Bash\" on Windows" not in GUIDE  # it has no make, python3 or .venv/bin
    windows = guide_section(language, "Windows")
    assert "wsl --install" in windows and ".venv\\Scripts\\hemeroteca" in windows
    assert "sudo apt install git make python3-venv" in windows


def test_the_guide_describes_the_record_body_as_it_is(project: Project) -> None:
    assert "is the article as received" not in GUIDE
    assert "headline's line" in GUIDE and "exactly as received stays in the file in `seeds/`" in GUIDE
    ingest(project)
    seed = (project.seeds_dir / "001_e4109311ec4dc86b.txt").read_text(encoding="utf-8")
    record = (project.archive_dir / "001_e4109311ec4dc86b.md").read_text(encoding="utf-8")
    body = record.split("\n---\n", 1)[1]
    headline_line = seed.splitlines()[0]
    assert "Produce seeks to promote productive chains" in headline_line and "APRIL 28 2021" in headline_line
    assert headline_line not in body  # the headline's line, dateline and all, is left out
    first_paragraph = seed.splitlines()[2]
    assert first_paragraph in body  # the article's words are kept as they were


@pytest.mark.parametrize("language", sorted(GUIDES))
def test_the_guides_ways_in_name_what_the_tool_does(language: str) -> None:
    """The section on web addresses, PDFs, scans and Word files: kinds, files, fields, limits,
    in every language (the English words of the limits, in English only)."""
    from hemeroteca.catalogue.store import SEED_SUFFIXES, SIDECARS
    from hemeroteca.doubts import doubt_table
    from hemeroteca.resources import load_data
    from hemeroteca.sources import fetch, ocr, pdf
    from hemeroteca.sources.decode import MAX_DOCUMENT_BYTES, MAX_SEED_BYTES

    section = guide_section(language, "Web addresses, PDFs, scans and Word files")
    adding = guide_section(language, "1. Add an article")
    assert all(f"`{suffix}`" in adding for suffix in SEED_SUFFIXES)
    for ending in SIDECARS.values():
        assert f"….html{ending}" in section or f"….tif{ending}" in section, ending
    schema = load_data("record.schema.json")["properties"]
    for field in re.findall(r"`((?:source\.)?[a-z_]+)`", section):
        parent, _, child = field.partition(".")
        if parent == "source" and child:
            assert child in schema["source"]["properties"], field
        elif parent in ("ocr", "ocr_confidence"):
            assert parent in schema, field
    codes = set(re.findall(r"`([a-z]+(?:-[a-z]+)+)`", section))
    assert codes and codes <= set(doubt_table()), codes - set(doubt_table())
    for number in (fetch.DEADLINE_S, pdf.MAX_PAGES):
        assert re.search(rf"\b{number} \w", section), number
    assert f" {ocr.LOW_CONFIDENCE} %" in section
    for limit in (MAX_SEED_BYTES, MAX_DOCUMENT_BYTES):
        assert f" {limit // 1_000_000} MB" in adding, limit
    if language == "en":
        assert f"after {fetch.DEADLINE_S} seconds" in section
        assert f"more than {pdf.MAX_PAGES} pages" in section
        assert f"less than {ocr.LOW_CONFIDENCE} % confidence" in section
        assert f"text over {MAX_SEED_BYTES // 1_000_000} MB" in adding
        assert f"document over {MAX_DOCUMENT_BYTES // 1_000_000} MB" in adding
