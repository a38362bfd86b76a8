"""`hemeroteca review`: one line changes, errors block the mark, the waiting list is oldest first."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from hemeroteca import Project, ingest
from hemeroteca.catalogue.record import read
from hemeroteca.catalogue.review import mark_reviewed, pending, set_reviewed
from hemeroteca.catalogue.store import list_record_paths
from hemeroteca.errors import HemerotecaError


@pytest.fixture
def ingested(project: Project) -> Project:
    ingest(project)
    return project


def test_marking_changes_only_the_review_line_and_the_doubts(ingested: Project) -> None:
    path = list_record_paths(ingested)[1]
    # an archivist's correction, with a comment and their own layout
    edited = path.read_text(encoding="utf-8").replace("title: ", "# checked against the PDF\ntitle:  ", 1)
    # and the tool's doubts (whatever extraction flagged, replaced by a known list)
    edited = re.sub(r"^uncertain:\n(?:  - .*\n)+", "", edited, flags=re.MULTILINE)
    edited = edited.replace("\n---\n", "\nuncertain:\n  - 'date: no publication date stated'\n---\n", 1)
    path.write_text(edited, encoding="utf-8")
    result = mark_reviewed(ingested, path.stem)
    assert result.changed
    after = path.read_text(encoding="utf-8")
    doubts = re.search(r"^uncertain:\n(?:  - .*\n)+", edited, re.MULTILINE)
    assert doubts
    assert after == edited.replace("\nreview: auto\n", "\nreview: reviewed\n").replace(doubts.group(0), "")
    assert read(path).review == "reviewed"
    assert mark_reviewed(ingested, path.stem).changed is False
    assert path.read_text(encoding="utf-8") == after


def test_a_record_without_a_review_line_gets_one() -> None:
    text = "---\nid: x\ntitle: T\n---\n\nbody with review: auto in it\n"
    assert (
        set_reviewed(text) == "---\nid: x\ntitle: T\nreview: reviewed\n---\n\nbody with review: auto in it\n"
    )


def test_marking_drops_the_tools_doubts_and_nothing_else() -> None:
    text = (
        "---\nid: x\nreview: auto\nfingerprint: abc\nuncertain:\n  - 'date: none'\n  - other\n"
        "# my note\n---\n\nuncertain: body text stays\n"
    )
    assert set_reviewed(text) == (
        "---\nid: x\nreview: reviewed\nfingerprint: abc\n# my note\n---\n\nuncertain: body text stays\n"
    )
    last = "---\nid: x\nreview: auto\nuncertain:\n- a\n---\n\nbody\n"
    assert set_reviewed(last) == "---\nid: x\nreview: reviewed\n---\n\nbody\n"


def test_reference_by_id_file_name_or_path(ingested: Project) -> None:
    first, second, third = list_record_paths(ingested)[:3]
    assert mark_reviewed(ingested, first.stem).path == first
    assert mark_reviewed(ingested, second.name).path == second
    assert mark_reviewed(ingested, str(third)).path == third


def test_a_record_with_errors_is_not_marked(ingested: Project) -> None:
    path = list_record_paths(ingested)[0]
    broken = path.read_text(encoding="utf-8").replace("language: ", "language: xx-", 1)
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(HemerotecaError, match="fix this before marking it reviewed") as caught:
        mark_reviewed(ingested, path.stem)
    assert caught.value.path == f"archive/{path.name}" and caught.value.field == "language"
    assert path.read_text(encoding="utf-8") == broken


def test_unknown_record(ingested: Project) -> None:
    with pytest.raises(HemerotecaError, match="no record 'nope'"):
        mark_reviewed(ingested, "nope")


def test_pending_lists_auto_records_in_added_order(ingested: Project) -> None:
    paths = list_record_paths(ingested)
    # a record with a higher sequence number but written with more digits still sorts after
    renamed = paths[0].with_name("1000_aaaa.md")
    text = paths[0].read_text(encoding="utf-8").replace(paths[0].stem, "1000_aaaa")
    paths[0].unlink()
    renamed.write_text(text, encoding="utf-8")
    mark_reviewed(ingested, paths[2].stem)
    order = [r.id for r in pending(ingested)]
    assert order == [paths[1].stem, paths[3].stem, paths[4].stem, "1000_aaaa"]


def test_cli_review(ingested: Project) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "hemeroteca", "review", *args],
            cwd=ingested.root,
            capture_output=True,
            text=True,
        )

    listed = run("--list")
    assert listed.returncode == 0 and "5 records waiting for review" in listed.stderr
    first = listed.stdout.splitlines()[0].split()[0]
    marked = run(first, "missing-id")
    assert marked.returncode == 1
    assert f"archive/{first}.md: marked reviewed" in marked.stdout
    assert "error: archive/missing-id.md: no record 'missing-id'" in marked.stderr
    assert "4 records waiting" in run("--list").stderr
