"""render + mkdocs build on a small project: what reaches the browser is escaped."""

from __future__ import annotations

import json
import shutil
from contextlib import ExitStack
from pathlib import Path

import pytest

from hemeroteca.catalogue.record import serialise
from hemeroteca.errors import HemerotecaError
from hemeroteca.project import Project
from hemeroteca.publish import build_site
from hemeroteca.render.writer import load_model, render, start_search

from .render_samples import record

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = 'Quote " and <script>alert(1)</script> {{ config }} {% raw %}x{% endraw %}\n\nSecond paragraph.'


def _project(tmp_path: Path) -> Project:
    project = Project.at(tmp_path)
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    for name in ("about.md", "search.md", "contributing.md", "assets"):
        source = ROOT / "docs" / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / "docs" / name)
        elif source.exists():
            (tmp_path / "docs").mkdir(exist_ok=True)
            shutil.copy2(source, tmp_path / "docs" / name)
    (tmp_path / "archive").mkdir()
    for rec in (record(1, body=HOSTILE, title='Title with " and <em>'), record(2, language="en")):
        path = tmp_path / "archive" / f"{rec.id}.md"
        path.write_text(serialise(rec.meta, rec.body), encoding="utf-8")
    return project


def test_built_article_shows_hostile_text_as_text(tmp_path: Path) -> None:
    project = _project(tmp_path)
    render(project)
    build_site(project)
    html = (project.site_dir / "articles" / "0001_sample.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ config }}" in html and "{% raw %}" in html
    assert '<html lang="en"' in html and '<div class="hem-text" lang="es">' in html  # site's, article's
    assert '<meta name="description" content="Quote &#34; and' in html or "Quote &quot; and" in html
    ld = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(ld)["headline"] == 'Title with " and <em>'
    assert '<meta name="DC.language" content="es">' in html
    meta = (project.site_dir / "search-index" / "meta.js").read_text(encoding="utf-8")
    assert '["en","English",' in meta and '["es","Spanish",' in meta


def test_render_twice_is_byte_identical(tmp_path: Path) -> None:
    project = _project(tmp_path)
    render(project)
    snapshot = {p: p.read_bytes() for p in project.docs_dir.rglob("*") if p.is_file()}
    report = render(project)
    assert report.written == []
    assert snapshot == {p: p.read_bytes() for p in project.docs_dir.rglob("*") if p.is_file()}


def test_parallel_render_writes_what_the_sequential_one_does(tmp_path: Path, monkeypatch) -> None:
    from hemeroteca.render import writer

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    sequential, parallel = _project(tmp_path / "a"), _project(tmp_path / "b")
    monkeypatch.setattr(writer, "PARALLEL_FROM", 10**9)
    render(sequential)
    monkeypatch.setattr(writer, "PARALLEL_FROM", 0)
    monkeypatch.setattr(writer, "PAGE_HELPER_FROM", 0)  # each of the two pages in its own process
    monkeypatch.setattr(writer, "default_jobs", lambda: 3)  # a core for the helper beside the search
    monkeypatch.setattr(writer, "PAGE_RUN", 1)
    report = render(parallel)
    assert any(name.startswith("search-index/") for name in report.written)

    def tree(project: Project) -> dict[str, bytes]:
        return {
            p.relative_to(project.docs_dir).as_posix(): p.read_bytes()
            for p in project.docs_dir.rglob("*")
            if p.is_file()
        }

    assert tree(sequential) == tree(parallel)


def test_a_record_changed_while_the_search_process_reads_it_is_one_clear_error(tmp_path: Path) -> None:
    """The search index's own process reports a HemerotecaError as render's own, not a traceback."""
    project = _project(tmp_path)
    model = load_model(project)
    for article in model.articles:
        article.record.release()  # its text is read again from the file, as in a large render
    changed = project.archive_dir / f"{model.articles[0].id}.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nAdded meanwhile.\n", encoding="utf-8")
    with ExitStack() as stack, pytest.raises(HemerotecaError) as raised:
        start_search(project, model, stack)()
    assert raised.value.path == str(changed) and "changed while it was read" in raised.value.message
