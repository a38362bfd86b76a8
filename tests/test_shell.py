"""The fast article path writes the same bytes as MkDocs' own page loop."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hemeroteca import ingest, render, shell
from hemeroteca.errors import HemerotecaError
from hemeroteca.publish import build_site, render_site
from hemeroteca.render import writer
from hemeroteca.shell import CONTENT, SLOTS, Shell, split_page

from .conftest import copy_project_skeleton, tree_digest


def test_shell_fills_every_slot_and_the_page_name() -> None:
    html = (
        f"<title>{SLOTS['title']}</title><meta content={SLOTS['description']}>{CONTENT}"
        "<a href=hemeroteca-shell.html>"
    )
    shell = Shell.parse(html)
    page = shell.fill({"title": "T &amp; U", "description": "d"}, "<p>x</p>", "a1")
    assert page == "<title>T &amp; U</title><meta content=d><p>x</p><a href=a1.html>"


def test_a_shell_without_its_content_marker_is_an_error() -> None:
    with pytest.raises(HemerotecaError):
        Shell.parse("<html></html>")


def test_split_page_names_the_file_on_broken_front_matter(tmp_path: Path) -> None:
    with pytest.raises(HemerotecaError) as info:
        split_page("---\n{not json\n---\n\n<p></p>\n", tmp_path / "a.md")
    assert "a.md" in str(info.value)


def test_fast_pages_equal_mkdocs_own(tmp_path: Path) -> None:
    project = copy_project_skeleton(tmp_path / "proj")
    ingest(project)
    render(project)
    build_site(project)
    fast = tmp_path / "fast"
    shutil.move(project.site_dir, fast)
    build_site(project, shells=False)
    slow = tree_digest(project.site_dir)
    assert slow == tree_digest(fast)
    assert len([rel for rel in slow if rel.startswith("articles/")]) == 5
    assert any(rel.startswith("browse/") and not rel.rpartition("/")[2].startswith("index") for rel in slow)


def test_pages_filled_in_two_processes_are_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project_skeleton(tmp_path / "proj")
    ingest(project)
    render(project)
    build_site(project)
    serial = tmp_path / "serial"
    shutil.copytree(project.site_dir, serial)
    monkeypatch.setattr(shell, "PARALLEL_FROM", 2)  # the 5 articles and the larger browse folders
    build_site(project)
    assert tree_digest(project.site_dir) == tree_digest(serial)


def test_a_site_built_while_the_index_is_made_equals_one_built_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``render_site`` builds the site while the search index's process runs: the same docs/ and
    site/ as ``render`` then ``build_site``, after an article is removed (its page and search
    file leave) and with a file of docs/search-index/ render did not write (MkDocs copies it)."""
    monkeypatch.setattr(writer, "PARALLEL_FROM", 0)  # the search index in its own process
    after = copy_project_skeleton(tmp_path / "after")
    meanwhile = copy_project_skeleton(tmp_path / "meanwhile")
    for project in (after, meanwhile):
        ingest(project)
        render(project)
        build_site(project)
        sorted(project.archive_dir.glob("*.md"))[-1].unlink()
        (project.docs_dir / "search-index" / "notes.txt").write_text("kept\n", encoding="utf-8")
    render(after)
    build_site(after)
    report, warnings = render_site(meanwhile)
    assert {rel.partition("/")[0] for rel in report.removed} >= {"articles", "search-index"}
    assert warnings == []
    assert tree_digest(meanwhile.docs_dir) == tree_digest(after.docs_dir)
    assert tree_digest(meanwhile.site_dir) == tree_digest(after.site_dir)
    assert "search-index/notes.txt" in tree_digest(meanwhile.site_dir)
