"""Bad input, the issue's list: each gets one clear line naming the file, and the archive stays as it was."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hemeroteca import Project, build, ingest
from hemeroteca.catalogue.store import list_record_paths

from .conftest import copy_project_skeleton


def tree_digest(*folders: Path) -> dict[str, str]:
    return {
        p.as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in folders
        if folder.exists()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hemeroteca", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_project_skeleton(tmp_path_factory.mktemp("bad") / "proj")
    ingest(project)
    return project


# --- raw files given to `hemeroteca add` -------------------------------------------------------

BAD_FILES = {
    "empty.txt": (b"", "file is empty"),
    "blank.txt": (b"  \n\n\t \r\n", "file is empty"),
    "binary.txt": (bytes(range(256)) * 64, "looks binary"),
    "scan.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF document"),
    "broken-utf8.txt": (
        "Ministério da Economia anuncia crédito\n".encode()
        + b"para micro empresas \xc3(\n"
        + "ação".encode(),
        "invalid UTF-8 at line 2",
    ),
    "menu.html": (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    "notes.docx": (b"PK\x03\x04 whatever", "not a Word document"),
    "notes.odt": (b"PK\x03\x04 whatever", "is not an article file"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_add_refuses_bad_files_and_writes_nothing(ingested: Project, tmp_path: Path, name: str) -> None:
    data, fragment = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    before = tree_digest(ingested.seeds_dir, ingested.archive_dir)
    result = run_cli("add", str(bad), cwd=ingested.root)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert str(bad) in errors[0] and fragment in errors[0]
    assert "Traceback" not in result.stderr
    assert tree_digest(ingested.seeds_dir, ingested.archive_dir) == before


def test_a_50_mb_text_is_refused_before_it_is_read(ingested: Project, tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        line = b"Las cooperativas de ahorro y credito crecen en la region andina. " * 16 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    assert big.stat().st_size > 50_000_000
    before = tree_digest(ingested.seeds_dir, ingested.archive_dir)
    result = run_cli("add", str(big), cwd=ingested.root)
    assert result.returncode == 1
    assert re.search(rf"error: {re.escape(str(big))}: file is 5\d\.\d MB, over the 5 MB limit", result.stderr)
    assert tree_digest(ingested.seeds_dir, ingested.archive_dir) == before


def test_a_bad_seed_dropped_into_seeds_is_reported_by_ingest(ingested: Project) -> None:
    bad = ingested.seeds_dir / "zz_empty.txt"
    bad.write_bytes(b"")
    try:
        before = tree_digest(ingested.archive_dir)
        result = run_cli("ingest", cwd=ingested.root)
        assert result.returncode == 1
        assert "error: seeds/zz_empty.txt: file is empty" in result.stderr
        assert tree_digest(ingested.archive_dir) == before
    finally:
        bad.unlink()


# --- records in archive/ that `hemeroteca check` must catch ---------------------------------


def _set_field(text: str, field: str, value: str) -> str:
    """Replace a top-level field, including the indented lines of a list or mapping under it."""
    return re.sub(rf"^{field}:.*\n(?:[ -].*\n)*", f"{field}: {value}\n", text, count=1, flags=re.MULTILINE)


def _drop_actor_type(text: str) -> str:
    return re.sub(r"^(  - name: .*\n)    type: .*\n", r"\1", text, count=1, flags=re.MULTILINE)


# case: (edit, field named in the message, the line it must point at (its start), message fragment)
BROKEN_RECORDS = {
    "yaml syntax error": (
        lambda t: t.replace("title: ", "title: [unclosed ", 1),
        "front matter",
        "title:",  # where the bracket was opened, not where the parser noticed it
        "the [ opened on this line is never closed",
    ),
    "tab indentation": (
        lambda t: t.replace("\n  - ", "\n\t- ", 1),
        "front matter",
        "\t- ",
        "tab character: indent with spaces",
    ),
    "unknown country XX": (
        lambda t: _set_field(t, "countries", "[XX]"),
        "countries[0]",
        "countries:",
        "'XX' is not a country code",
    ),
    "date 2021-02-30": (
        lambda t: _set_field(t, "date", "2021-02-30"),
        "date",
        "date:",
        "'2021-02-30' is not a calendar date (February 2021 has no day 30)",
    ),
    "date yesterday": (
        lambda t: _set_field(t, "date", "yesterday"),
        "date",
        "date:",
        "'yesterday' is not a date",
    ),
    "duplicate id": (
        lambda t: _set_field(t, "id", "000_d94e65ea9294be5d"),
        "id",
        "id:",
        "is also used by archive/000_d94e65ea9294be5d.md",
    ),
    "actor without type": (_drop_actor_type, "actors[0].type", "  - name:", "is missing: add a type: line"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_RECORDS))
def test_check_names_file_line_and_field_of_broken_records(ingested: Project, case: str) -> None:
    edit, field, line_start, fragment = BROKEN_RECORDS[case]
    path = ingested.archive_dir / "001_e4109311ec4dc86b.md"
    original = path.read_text(encoding="utf-8")
    broken = edit(original)
    assert broken != original, "the edit did not apply"
    line = next(i for i, text in enumerate(broken.splitlines(), start=1) if text.startswith(line_start))
    path.write_text(broken, encoding="utf-8")
    try:
        before = tree_digest(ingested.seeds_dir, ingested.archive_dir)
        result = run_cli("check", cwd=ingested.root)
        assert result.returncode == 1
        mine = [
            out for out in result.stdout.splitlines() if out.startswith("archive/001_") and fragment in out
        ]
        assert mine == [f"archive/001_e4109311ec4dc86b.md:{line}: {field}: {mine[0].split(': ', 2)[2]}"]
        # build refuses too, with one line naming the file, without touching the archive
        built = run_cli("build", cwd=ingested.root)
        assert built.returncode == 1 and "Traceback" not in built.stderr
        assert built.stderr.count("\n") == 1 and "001_e4109311ec4dc86b.md" in built.stderr
        assert tree_digest(ingested.seeds_dir, ingested.archive_dir) == before
    finally:
        path.write_text(original, encoding="utf-8")


def test_record_whose_seed_was_deleted(ingested: Project) -> None:
    seed = ingested.seeds_dir / "003_7cf6c61dcea8a546.txt"
    data = seed.read_bytes()
    seed.unlink()
    try:
        result = run_cli("check", cwd=ingested.root)
        assert result.returncode == 1
        record = (ingested.archive_dir / "003_7cf6c61dcea8a546.md").read_text().splitlines()
        line = next(i for i, text in enumerate(record, start=1) if text.strip().startswith("path:"))
        assert (
            f"archive/003_7cf6c61dcea8a546.md:{line}: source.path: seed file "
            "'seeds/003_7cf6c61dcea8a546.txt' does not exist" in result.stdout
        )
    finally:
        seed.write_bytes(data)


# --- hostile article text must reach the reader as text ------------------------------------

HOSTILE = """Hostile <em>markup</em> test {{ config }} for the </title><script>alert(4)</script> archive

Lima, 3 de marzo de 2022

Este párrafo contiene <script>alert(1)</script> dentro del texto de la noticia sobre cooperativas.

Plantillas: {{ config }} y {% raw %} y {% endraw %} y {{ page.title }} no deben evaluarse.

Markdown: **negrita**, [enlace](javascript:alert(2)), <img src=x onerror=alert(3)> y ![img](x.png).

<div markdown="1">--- un bloque HTML sin cerrar <table><tr><td>

# Falso título

```
código
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, str]:
    project = copy_project_skeleton(tmp_path_factory.mktemp("hostile") / "proj", seeds=False)
    source = tmp_path_factory.mktemp("in") / "hostile.txt"
    source.write_text(HOSTILE, encoding="utf-8")
    result = run_cli("add", str(source), cwd=project.root)
    assert result.returncode == 0, result.stderr
    build(project)
    (record,) = list_record_paths(project)
    return project, (project.site_dir / "articles" / f"{record.stem}.html").read_text(encoding="utf-8")


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each script element.

    Data blocks (``application/ld+json``) are kept apart: they hold the article's
    text on purpose, JSON-escaped, and a browser never runs them.
    """

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.data_blocks: list[str] = []
        self._in_script = False
        self._target = self.scripts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            is_data = dict(attrs).get("type") == "application/ld+json"
            self._target = self.data_blocks if is_data else self.scripts
            self._target.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self._target[-1] += data


def test_script_in_an_article_is_shown_as_text(hostile_site: tuple[Project, str]) -> None:
    _, html = hostile_site
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    parsed = _Elements()
    parsed.feed(_without_head_title(html))
    assert not [s for s in parsed.scripts if "alert(1)" in s or "alert(3)" in s]
    assert not [d for d in parsed.data_blocks if "<" in d], "a JSON-LD block could close its script"
    text = re.search(r'<div class="hem-text"[^>]*>(.*?)</div>', html, re.DOTALL)
    assert text and set(re.findall(r"</?[a-zA-Z][^>]*>", text.group(1))) == {"<p>", "</p>"}
    assert not [a for _, a in parsed.tags if any(k.startswith("on") for k in a)]
    assert not [a for _, a in parsed.tags if (a.get("href") or "").startswith("javascript:")]


def _without_head_title(html: str) -> str:
    """The page minus its <title> element, whose escaping has its own test below."""
    return re.sub(r"<title>.*?</title>", "", html, count=1, flags=re.DOTALL)


def test_hostile_title_is_escaped_in_the_heading(hostile_site: tuple[Project, str]) -> None:
    _, html = hostile_site
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)
    assert heading and "&lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt;" in heading.group(1)
    assert "{{ config }}" in heading.group(1) and "&lt;em&gt;markup&lt;/em&gt;" in heading.group(1)


def test_hostile_title_cannot_break_out_of_the_page_title(hostile_site: tuple[Project, str]) -> None:
    _, html = hostile_site
    parsed = _Elements()
    parsed.feed(html)
    assert not [s for s in parsed.scripts if "alert(" in s]


def test_templates_in_an_article_are_not_evaluated(hostile_site: tuple[Project, str]) -> None:
    _, html = hostile_site
    assert "{{ config }}" in html and "{% raw %}" in html and "{{ page.title }}" in html


def test_markdown_in_an_article_stays_literal(hostile_site: tuple[Project, str]) -> None:
    _, html = hostile_site
    assert "**negrita**" in html
    assert "<strong>negrita</strong>" not in html
    assert "[enlace](javascript:alert(2))" in html
    # the unclosed table of the article cannot swallow the rest of the page
    assert "Provenance" in html.split("&lt;table&gt;", 1)[1]
    assert "<table><tr><td>" not in html
