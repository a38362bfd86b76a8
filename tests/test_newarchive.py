"""`hemeroteca new`: a second archive from this one's hand-written files, and nothing else."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from hemeroteca.cli import main
from hemeroteca.errors import HemerotecaError
from hemeroteca.newarchive import hand_written_files
from hemeroteca.project import Project

from .conftest import REPO


def _source(root: Path) -> Project:
    """A small archive: config, one authority file, a theme file, a hand page, a rendered page."""
    (root / "archive" / "authorities").mkdir(parents=True)
    (root / "archive" / "authorities" / "topics.yaml").write_text("topics: []\n", encoding="utf-8")
    (root / "archive" / "2020").mkdir()
    (root / "archive" / "2020" / "a.md").write_text("---\ntitle: A\n---\nA\n", encoding="utf-8")
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text("{% extends 'base.html' %}\n", encoding="utf-8")
    (root / "docs" / "browse").mkdir(parents=True)
    (root / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    (root / "docs" / "browse" / "index.md").write_text("# Browse\n", encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "docs" / ".generated").write_text("browse/index.md\nindex.md\n", encoding="utf-8")
    (root / "seeds").mkdir()
    (root / "seeds" / "a.txt").write_text("A\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: A\n", encoding="utf-8")
    return Project.at(root)


def test_only_the_hand_written_files_are_listed(tmp_path: Path) -> None:
    source = _source(tmp_path / "old")
    assert hand_written_files(source) == [
        "archive/authorities/topics.yaml",
        "docs/about.md",
        "mkdocs.yml",
        "overrides/main.html",
    ]


def test_a_new_archive_has_them_an_empty_seeds_folder_and_no_records(tmp_path: Path) -> None:
    made = _source(tmp_path / "old").new_archive(tmp_path / "new")
    files = sorted(p.relative_to(made.root).as_posix() for p in made.root.rglob("*") if p.is_file())
    assert files == ["archive/authorities/topics.yaml", "docs/about.md", "mkdocs.yml", "overrides/main.html"]
    assert made.seeds_dir.is_dir() and not any(made.seeds_dir.iterdir())
    assert not list(tmp_path.glob(".new.new-*"))  # the staging folder was moved into place


def test_an_empty_folder_is_used_and_a_folder_with_files_is_left_alone(tmp_path: Path) -> None:
    source = _source(tmp_path / "old")
    (tmp_path / "empty").mkdir()
    assert source.new_archive(tmp_path / "empty").mkdocs_yml.is_file()
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine\n", encoding="utf-8")
    with pytest.raises(HemerotecaError, match="not an empty folder"):
        source.new_archive(tmp_path / "busy")
    assert [p.name for p in (tmp_path / "busy").iterdir()] == ["notes.txt"]


def test_a_link_among_the_hand_written_files_is_refused_and_nothing_is_made(tmp_path: Path) -> None:
    source = _source(tmp_path / "old")
    (tmp_path / "secret").write_text("token\n", encoding="utf-8")
    os.symlink(tmp_path / "secret", source.docs_dir / "secret.md")
    with pytest.raises(HemerotecaError, match=r"docs/secret.md: is a link"):
        source.new_archive(tmp_path / "new")
    assert not (tmp_path / "new").exists() and not list(tmp_path.glob(".new*"))


def test_the_command_makes_an_archive_that_builds(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["new", str(tmp_path / "second"), "--root", str(REPO)])
    assert result.exit_code == 0, result.output
    made = Project.at(tmp_path / "second")
    assert (made.docs_dir / "about.md").read_bytes() == (REPO / "docs" / "about.md").read_bytes()
    assert not (made.docs_dir / "index.md").exists()
    seed = sorted((REPO / "seeds").glob("*.txt"))[0]
    (made.seeds_dir / seed.name).write_bytes(seed.read_bytes())
    made.build()
    assert (made.site_dir / "about.html").is_file() and len(made.records()) == 1
    again = runner.invoke(main, ["new", str(tmp_path / "second"), "--root", str(REPO)])
    assert again.exit_code == 1 and "not an empty folder" in again.output
