"""Shared fixtures: a throwaway project folder laid out like the repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hemeroteca.project import Project

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def copy_project_skeleton(target: Path, *, seeds: bool = True) -> Project:
    """The hand-written parts of the repository (config, authorities, hand pages) and optionally seeds."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "archive" / "authorities", target / "archive" / "authorities")
    (target / "docs").mkdir()
    generated = set((REPO / "docs" / ".generated").read_text().split()) if (
        REPO / "docs" / ".generated"
    ).exists() else set()
    for page in (REPO / "docs").rglob("*"):
        rel = page.relative_to(REPO / "docs").as_posix()
        if page.is_file() and rel not in generated and rel != ".generated" and rel != "index.md":
            (target / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(page, target / "docs" / rel)
    if (REPO / "overrides").is_dir():
        shutil.copytree(REPO / "overrides", target / "overrides")
    if seeds:
        shutil.copytree(REPO / "seeds", target / "seeds")
    return Project.at(target)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return copy_project_skeleton(tmp_path / "proj")


@pytest.fixture
def empty_project(tmp_path: Path) -> Project:
    return copy_project_skeleton(tmp_path / "proj", seeds=False)
