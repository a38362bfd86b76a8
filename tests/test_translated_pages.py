"""Hand-written pages in the readers' languages: which file is a translation, when one stands in
for the English page, what check and render say, and the page a build makes of them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hemeroteca import Project, check
from hemeroteca.publish import build_site
from hemeroteca.render.writer import render
from hemeroteca.translated_pages import (
    MAX_PAGE_BYTES,
    check_pages,
    find_pages,
    foreign_markup,
    outline,
    partial,
    split_name,
)
from tests.conftest import REPO

CITE_EN = "Cite the publisher first, then this page of the archive."
CITE_ES = "Cite primero al medio, luego esta página del archivo."
ENGLISH = f"# About\n\nIntro words.\n\n## How to cite\n\n{CITE_EN}\n"
SPANISH = f"# Acerca de\n\nPalabras.\n\n## Cómo citar\n\n{CITE_ES}\n"


def test_a_translation_is_named_with_a_language_babel_knows() -> None:
    assert split_name("about.es.md") == ("about", "es")
    assert split_name("guide.v2.pt_BR.md") == ("guide.v2", "pt_BR")
    assert split_name("notes.old.md") is None  # a page of its own
    assert split_name("about.md") is None
    pages = find_pages(["about.md", "about.es.md", "team.pt.md", "guides/x.md", "guides/x.pt.md"])
    assert [(p.rel, p.translations) for p in pages] == [
        ("about.md", {"es": "about.es.md"}),
        ("guides/x.md", {"pt": "guides/x.pt.md"}),
        ("team.pt.md", {}),  # no English page beside it: a page of its own
    ]


def test_the_outline_leaves_out_code_and_front_matter() -> None:
    text = "---\ntitle: x\n---\n# One\n\n```\n# not a heading\n```\nTwo\n---\n\n### Three ###\n"
    found = [(h.level, h.title, h.line) for h in outline(text)]
    assert found == [(1, "One", 4), (2, "Two", 9), (3, "Three", 12)]


def test_a_translation_stands_in_only_with_the_same_sections_and_no_english_left() -> None:
    assert partial(ENGLISH, SPANISH) is None
    line, why = partial(ENGLISH, "# Acerca de\n\nPalabras.\n")  # type: ignore[misc]
    assert line == 1 and "lacks the English page's section '## How to cite' (line 5)" in why
    line, why = partial(ENGLISH, SPANISH.replace("## Cómo", "### Cómo"))  # type: ignore[misc]
    assert line == 5 and "'### Cómo citar' stands where the English page has '## How to cite'" in why
    line, why = partial(ENGLISH, SPANISH + "\n## Más\n")  # type: ignore[misc]
    assert line == 9 and "'## Más' is not in the English page" in why
    copied = SPANISH.replace(CITE_ES, CITE_EN)
    line, why = partial(ENGLISH, copied)  # type: ignore[misc]
    assert line == 7 and "still the English page's, untranslated" in why
    # a short line the same in both (a name, a command) is no sign of an unfinished translation
    assert partial(ENGLISH, SPANISH.replace("Palabras.", "Intro words.")) is None


def _pages(project: Project, **files: str | bytes) -> None:
    for name, content in files.items():
        path = project.docs_dir / name.replace("_", ".")
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def _cli(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hemeroteca", *args], cwd=project.root, capture_output=True, text=True
    )


def test_the_repositorys_pages_are_translated_whole() -> None:
    assert check_pages(Project.at(REPO)) == []


def test_check_and_render_say_in_one_line_which_language_gets_english(empty_project: Project) -> None:
    project = empty_project
    (project.docs_dir / "about.pt.md").unlink()
    about_es = project.docs_dir / "about.es.md"
    lines = about_es.read_text(encoding="utf-8").splitlines()
    cut = next(i for i, line in enumerate(lines) if line.startswith("## "))
    about_es.write_text("\n".join(lines[:cut]) + "\n", encoding="utf-8")
    notes = sorted(str(p) for p in check(project) if p.field == "translation" and "/about" in p.path)
    assert notes == [
        f"docs/about.es.md:1: translation: warning: it lacks the English page's section '## How to cite' "
        f"(line {_line(project, 'about.md', '## How to cite')}) and what follows: readers in Spanish get "
        "the English page until it matches docs/about.md",
        "docs/about.md:1: translation: warning: no Portuguese version (docs/about.pt.md): readers in "
        "Portuguese get this page in English",
    ]
    rendered = _cli(project, "render")
    assert rendered.returncode == 0
    assert sorted(line for line in rendered.stderr.splitlines() if "/about" in line) == notes
    assert _cli(project, "render", "--quiet").stderr == ""
    checked = _cli(project, "check")
    assert checked.returncode == 0 and all(note in checked.stdout for note in notes)


def _line(project: Project, name: str, text: str) -> int:
    return (project.docs_dir / name).read_text(encoding="utf-8").splitlines().index(text) + 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"# Acerca\n\nCaf\xe9\n", "3: file: not valid UTF-8 (byte 13): save the file as UTF-8"),
        ("# Acerca\n\nEl \u202eotsugsid\n".encode(), "3: file: invisible character U+202E"),
        (b"# Acerca\n\x00\n", "2: file: invisible character U+0000"),
        (b"#" * (MAX_PAGE_BYTES + 1), "1: file: page of 1,000,001 bytes, over the 1,000,000"),
    ],
    ids=["latin-1", "right-to-left override", "NUL", "too large"],
)
def test_a_hostile_translation_is_one_error_line_and_nothing_is_written(
    empty_project: Project, content: bytes, expected: str
) -> None:
    project = empty_project
    _pages(project, about_es_md=content)
    problems = [p for p in check(project) if p.severity == "error"]
    assert len(problems) == 1 and problems[0].field == "file"
    result = _cli(project, "build")
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: docs/about.es.md:{expected}"), result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert not project.site_dir.exists()


@pytest.mark.parametrize(
    ("markup", "why"),
    [
        ("<script>alert(1)</script>", "<script> is not in the English page"),
        ("<img src=x onerror=alert(1)>", "<img> is not in the English page"),
        ("<javascript:alert(1)>", "<javascript> is not in the English page"),
        ("[citar]( JavaScript:alert(1))", "a link to a javascript:, data: or vbscript: address"),
        ("<br onmouseover=alert(1)>", "an HTML attribute that loads or runs something"),
    ],
)
def test_a_translation_may_not_bring_html_its_english_page_lacks(markup: str, why: str) -> None:
    """Reviewers may not read the language a translation is in: what could run in a reader's
    browser is refused however it is written, and plain Markdown, code included, passes."""
    english = ENGLISH.replace("Intro words.", "Intro<br>words.")
    assert foreign_markup(english, SPANISH) is None
    assert foreign_markup(english, SPANISH.replace("Palabras.", "Pala<br>bras, `<script>` y <BR>.")) is None
    found = foreign_markup(english, SPANISH.replace("Palabras.", markup))
    assert found is not None and found[0] == 3 and found[1].startswith(why)


def test_a_translation_with_a_script_is_an_error_and_nothing_is_built(empty_project: Project) -> None:
    about = empty_project.docs_dir / "about.es.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n<script>fetch('//evil')</script>\n")
    result = _cli(empty_project, "build")
    assert result.returncode == 1
    line = len(about.read_text(encoding="utf-8").splitlines())
    assert result.stderr == (
        f"error: docs/about.es.md:{line}: html: <script> is not in the English page: a translation may "
        "use only the HTML it uses\n"
    )
    assert not empty_project.site_dir.exists()


def test_a_translation_that_is_a_link_is_refused_unread(empty_project: Project, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("# Secret\n", encoding="utf-8")
    (empty_project.docs_dir / "about.pt.md").unlink()
    os.symlink(secret, empty_project.docs_dir / "about.pt.md")
    result = _cli(empty_project, "check")
    assert result.returncode == 1 and "docs/about.pt.md:1: file: is a symbolic link" in result.stdout
    assert "Secret" not in result.stdout + result.stderr


def test_a_translation_in_no_language_of_the_site_is_said_and_not_shown(empty_project: Project) -> None:
    _pages(empty_project, about_fr_md="# À propos\n\nDes mots.\n\n## Comment citer\n\nCitez.\n")
    notes = [str(p) for p in check(empty_project) if p.field == "translation" and "/about" in p.path]
    assert notes == [
        "docs/about.fr.md:1: translation: warning: French (fr) is not a language of the site "
        "(theme.language or extra.alternate in mkdocs.yml): this file is not shown"
    ]
    render(empty_project)
    build_site(empty_project)
    assert "Comment citer" not in (empty_project.site_dir / "about.html").read_text(encoding="utf-8")
    assert not (empty_project.site_dir / "about.fr.html").exists()


def _versions(html: str) -> tuple[str, list[str]]:
    shown = re.search(r'<div class="hem-page" data-hem-page="(\w+)" lang="\w+">', html)
    assert shown is not None
    return shown[1], re.findall(r'<template data-hem-page="(\w+)" lang="\w+">', html)


def _with_language(project: Project, language: str) -> None:
    config = project.mkdocs_yml.read_text(encoding="utf-8")
    project.mkdocs_yml.write_text(re.sub(r"(?m)^  language: \w+", f"  language: {language}", config))


def test_a_site_in_spanish_shows_the_spanish_page_and_holds_the_others(empty_project: Project) -> None:
    project = empty_project
    _with_language(project, "es")
    render(project)
    build_site(project)
    html = (project.site_dir / "about.html").read_text(encoding="utf-8")
    assert _versions(html) == ("es", ["en", "pt"])
    shown = html.split("<template", 1)[0]
    assert '<h1 id="about-this-archive">Acerca de este archivo</h1>' in shown
    # every version's headings carry the English page's anchors, so links land in any language
    assert html.count('id="how-to-cite"') == 3 and 'href="#how-to-cite"' in html
    assert '<span class="md-ellipsis">\n      \n        Cómo citar' in html  # the table of contents
    assert not (project.site_dir / "about.es.html").exists()
    guide = (project.site_dir / "contributing.html").read_text(encoding="utf-8")
    assert _versions(guide) == ("es", ["en", "pt"])
    first = project.site_dir / "about.html"
    before = first.read_bytes()
    build_site(project)
    assert first.read_bytes() == before  # deterministic


def test_a_partial_translation_gives_way_to_english_and_a_dirty_build_follows_changes(
    empty_project: Project,
) -> None:
    project = empty_project
    _with_language(project, "pt")
    pt = project.docs_dir / "about.pt.md"
    complete = pt.read_text(encoding="utf-8")
    pt.write_text(complete.split("\n## ", 1)[0] + "\n", encoding="utf-8")  # a section missing
    render(project)
    build_site(project)
    page = project.site_dir / "about.html"
    html = page.read_text(encoding="utf-8")
    assert _versions(html) == ("en", ["es"])  # Portuguese readers get English, and are told so
    assert '<p class="hem-untranslated" data-hem-untranslated>Esta página ainda não foi traduzida' in html
    pt.write_text(complete, encoding="utf-8")
    build_site(project, dirty=True)
    assert _versions(page.read_text(encoding="utf-8")) == ("pt", ["en", "es"])
    assert "data-hem-untranslated hidden>" in page.read_text(encoding="utf-8")
    pt.write_text(complete.replace("Como citar", "Como fazer a citação"), encoding="utf-8")
    build_site(project, dirty=True)
    assert "Como fazer a citação" in page.read_text(encoding="utf-8")
    (project.docs_dir / "about.es.md").unlink()
    build_site(project, dirty=True)
    assert _versions(page.read_text(encoding="utf-8")) == ("pt", ["en"])
