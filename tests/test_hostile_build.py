"""Hostile records and hard faults on the build side (issue 12, points 3, 6, 7 and 8).

Each test starts from a tiny archive (two seeds of the repository, ingested once per
module) copied afresh, changes what an attacker or a failing machine would, and
checks what readers and archivists get.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from hemeroteca import Project, check, ingest, render
from hemeroteca.catalogue.record import read, serialise
from hemeroteca.catalogue.store import list_record_paths, load_records

from .conftest import REPO, copy_project_skeleton

TINY_SEEDS = ("000_d94e65ea9294be5d.txt", "001_e4109311ec4dc86b.txt")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """Two real seeds ingested: the starting point every test copies."""
    project = copy_project_skeleton(tmp_path_factory.mktemp("tiny") / "proj", seeds=False)
    project.seeds_dir.mkdir()
    for name in TINY_SEEDS:
        shutil.copy(REPO / "seeds" / name, project.seeds_dir / name)
    assert not ingest(project).errors
    return project


@pytest.fixture
def archive(tiny: Project, tmp_path: Path) -> Project:
    shutil.copytree(tiny.root, tmp_path / "proj")
    return Project.at(tmp_path / "proj")


def edit_record(project: Project, index: int, **changes: Any) -> Path:
    """Set front-matter fields of the index-th record (``source_url`` sets ``source.url``)."""
    path = list_record_paths(project)[index]
    record = read(path)
    meta = dict(record.meta)
    for name, value in changes.items():
        if name.startswith("source_"):
            meta["source"] = {**meta["source"], name[len("source_") :]: value}
        else:
            meta[name] = value
    path.write_text(serialise(meta, record.body), encoding="utf-8")
    return path


def docs_file(project: Project, rel: str) -> str:
    return (project.docs_dir / rel).read_text(encoding="utf-8")


def article_rel(project: Project, index: int) -> str:
    return f"articles/{list_record_paths(project)[index].stem}.md"


# --- 3. stored script and spreadsheet injection --------------------------------------------------

SCRIPT_URLS = [
    "javascript:alert(1)//",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "http:alert(1)",
]


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_a_script_url_is_refused_by_check_in_one_line(archive: Project, url: str) -> None:
    path = edit_record(archive, 0, source_url=url)
    problems = [p for p in check(archive) if p.severity == "error"]
    assert len(problems) == 1, problems
    (problem,) = problems
    assert problem.path == archive.relative(path) and problem.field == "source.url"
    assert problem.line == read(path).line_of("source.url")


def test_a_web_url_passes_check(archive: Project) -> None:
    edit_record(archive, 0, source_url="https://www.example.org/news/2021/04/a?id=1#x")
    assert not [p for p in check(archive) if p.severity == "error"]


def test_a_script_url_never_becomes_a_link_even_without_check(archive: Project) -> None:
    edit_record(archive, 0, source_url="javascript:alert(1)//")
    edit_record(archive, 1, source_url="https://www.example.org/a")
    # render refuses records check refuses; given records as loaded, it must still not link them.
    render(archive, loaded=load_records(archive))
    hostile, fine = docs_file(archive, article_rel(archive, 0)), docs_file(archive, article_rel(archive, 1))
    assert "https://www.example.org/a" in fine  # a web address is kept
    generated = [hostile, *(docs_file(archive, f"data/{n}") for n in ("catalogue.csv", "catalogue.json"))]
    for text in generated:
        assert "javascript" not in text.lower()


FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"]


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(archive: Project) -> None:
    edit_record(archive, 0, title=FORMULAS[0], actors=[{"name": "=cmd|' /C calc'!A0", "type": "person"}])
    edit_record(archive, 1, title="-5% exports", source_publisher="@publisher")
    render(archive)
    rows = list(csv.DictReader(io.StringIO(docs_file(archive, "data/catalogue.csv"), newline="")))
    for row in rows:
        for name, value in row.items():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (name, value)
    titles = {row["title"] for row in rows}
    assert "'" + FORMULAS[0] in titles and "'-5% exports" in titles
    exact = {item["title"] for item in json.loads(docs_file(archive, "data/catalogue.json"))}
    assert FORMULAS[0] in exact and "-5% exports" in exact  # the JSON keeps every value as it is


@pytest.mark.parametrize("value", FORMULAS)
def test_spreadsheet_cell_rule(value: str) -> None:
    from hemeroteca.render.exports import spreadsheet_cell

    assert spreadsheet_cell(value) == "'" + value
    assert spreadsheet_cell("Sebrae = support") == "Sebrae = support"
    assert spreadsheet_cell("") == ""


def test_web_url_rule() -> None:
    from hemeroteca.weburl import web_url

    assert web_url("https://example.org/") == "https://example.org/"
    assert web_url("HTTP://EXAMPLE.ORG/a") == "HTTP://EXAMPLE.ORG/a"
    for bad in [*SCRIPT_URLS, "https://", "https://exa mple.org", "ftp://example.org/", None, 5, "http://[::1"]:
        assert web_url(bad) is None, bad

