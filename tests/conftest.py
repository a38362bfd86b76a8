"""Shared fixtures: a throwaway project folder laid out like the repository."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from hemeroteca.project import Project

# Speed is measured by the scripts under scripts/, never by a test: no Hypothesis example may
# fail for taking longer than usual on a loaded machine (its default deadline is 200 ms).
settings.register_profile("hemeroteca", deadline=None)
settings.load_profile("hemeroteca")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


# The archivists' guide and its translations, by language (docs/contributing.LANG.md).
GUIDES = {"en": "contributing.md", "es": "contributing.es.md", "pt": "contributing.pt.md"}


def guide_section(language: str, title: str) -> str:
    """The text under the guide's heading ``title`` (its English words) in ``language``, up to the
    next heading of its level: a translation has the English guide's headings in the same order."""
    from hemeroteca.translated_pages import outline

    english = outline((REPO / "docs" / GUIDES["en"]).read_text(encoding="utf-8"))
    at = [heading.title for heading in english].index(title)
    text = (REPO / "docs" / GUIDES[language]).read_text(encoding="utf-8")
    headings = outline(text)
    start = headings[at]
    end = next((h.line - 1 for h in headings[at + 1 :] if h.level <= start.level), None)
    return "\n".join(text.splitlines()[start.line : end])


def tree_digest(folder: Path, *, leave_out: frozenset[str] = frozenset()) -> dict[str, str]:
    """Every file under ``folder`` by its path there, and its SHA-256: two trees are the same,
    file for file and byte for byte, when their digests are equal (``leave_out``: file names
    not compared, such as a dated sitemap)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in leave_out
    }


def copy_project_skeleton(target: Path, *, seeds: bool = True) -> Project:
    """A new archive made from the repository (``hemeroteca new``), and optionally its seeds."""
    project = Project.at(REPO).new_archive(target)
    if seeds:
        shutil.copytree(REPO / "seeds", project.seeds_dir, dirs_exist_ok=True)
    return project


def build_seed_site(root: Path, language: str = "en", before: Callable[[Path], None] | None = None) -> Path:
    """The seed site rendered and built with ``theme.language: LANGUAGE`` (the records are
    copied, so nothing is extracted), ``before`` changing the project first; returns its site/."""
    from hemeroteca.publish import build_site
    from hemeroteca.render.writer import render

    project = copy_project_skeleton(root, seeds=True)
    if before is not None:
        before(project.root)
    for path in (REPO / "archive").glob("*.md"):
        shutil.copy(path, project.root / "archive" / path.name)
    config = project.mkdocs_yml.read_text(encoding="utf-8")
    project.mkdocs_yml.write_text(re.sub(r"(?m)^  language: \w+", f"  language: {language}", config))
    render(project)
    build_site(project)
    return project.site_dir


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site in English, built once for the tests of a module."""
    return build_seed_site(tmp_path_factory.mktemp("seed-site"))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return copy_project_skeleton(tmp_path / "proj")


@pytest.fixture
def empty_project(tmp_path: Path) -> Project:
    return copy_project_skeleton(tmp_path / "proj", seeds=False)
