"""Nothing lost: interrupted writes, hand-edited records, hand-written pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hemeroteca import Project, ingest, render
from hemeroteca.catalogue.record import read
from hemeroteca.catalogue.store import list_record_paths
from hemeroteca.fileio import write_atomic

from .test_add import PAGE


def _die_on_call(number: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the number-th rename of write_atomic die like a killed process."""
    real_replace = os.replace
    calls: list[str] = []

    def rename(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == number:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", rename)
    return calls


def test_an_interrupted_write_leaves_the_old_record(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(project)
    path = list_record_paths(project)[0]
    old = path.read_bytes()
    _die_on_call(1, monkeypatch)  # after writing the temporary file, before the rename
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "---\nhalf a rec")
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []


def test_an_interrupted_ingest_leaves_whole_records_or_none(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(project)
    before = {p.name: p.read_bytes() for p in list_record_paths(project)}
    for path in list_record_paths(project):
        path.unlink()
    _die_on_call(3, monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        ingest(project)
    monkeypatch.undo()
    written = {p.name: p.read_bytes() for p in list_record_paths(project)}
    assert len(written) == 2 and all(before[name] == data for name, data in written.items())
    assert not [p for p in project.archive_dir.iterdir() if p.name.startswith(".") and p.is_file()]
    ingest(project)
    assert {p.name: p.read_bytes() for p in list_record_paths(project)} == before


def test_an_interrupted_force_rewrite_leaves_the_old_record(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(project)
    path = list_record_paths(project)[0]
    old = path.read_bytes()
    seed = project.seeds_dir / f"{path.stem}.txt"
    seed.write_bytes(seed.read_bytes() + b"\n\nA correction the publisher added later.\n")
    _die_on_call(1, monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        ingest(project, [seed], force=True)
    monkeypatch.undo()
    assert path.read_bytes() == old
    ingest(project, [seed], force=True)
    new = read(path)
    assert path.read_bytes() != old and not new.edited_by_hand()
    assert "A correction the publisher added later." in new.body


def test_hand_edited_and_reviewed_records_survive_force(project: Project) -> None:
    ingest(project)
    edited, reviewed = list_record_paths(project)[:2]
    edited.write_text(edited.read_text(encoding="utf-8").replace("title: ", "title: Corrected ", 1))
    reviewed.write_text(reviewed.read_text(encoding="utf-8").replace("review: auto", "review: reviewed"))
    snapshot = {p: p.read_bytes() for p in (edited, reviewed)}
    report = ingest(project, force=True)
    assert edited in report.kept_edited and reviewed in report.kept_reviewed
    assert {p: p.read_bytes() for p in (edited, reviewed)} == snapshot


def test_force_regenerates_untouched_auto_records(project: Project) -> None:
    ingest(project)
    path = list_record_paths(project)[0]
    good = path.read_bytes()
    path.unlink()
    ingest(project)
    assert path.read_bytes() == good
    report = ingest(project, force=True)
    assert path in report.unchanged


def test_an_html_seed_dropped_into_seeds_gets_the_page_metadata(empty_project: Project) -> None:
    (empty_project.seeds_dir / "cafe.html").write_text(PAGE, encoding="utf-8")
    report = ingest(empty_project)
    (path,) = report.written
    record = read(path)
    assert record.meta["date"] == "2022-03-15"
    assert record.meta["source"]["url"] == "https://diario.example/economia/cooperativas-cafe"


def test_render_never_deletes_hand_written_pages(project: Project) -> None:
    ingest(project)
    hand = {
        "about.md": "# About\n",
        "contributing.md": "# Contributing\n",
        "articles/README.md": "# Notes an archivist keeps beside the generated pages\n",
        "browse/extra.md": "# A hand-made overview\n",
    }
    for rel, text in hand.items():
        (project.docs_dir / rel).parent.mkdir(parents=True, exist_ok=True)
        (project.docs_dir / rel).write_text(text, encoding="utf-8")
    render(project)
    removed_record = list_record_paths(project)[0]
    removed_record.unlink()
    (project.seeds_dir / f"{removed_record.stem}.txt").unlink()
    report = render(project)
    assert f"articles/{removed_record.stem}.md" in report.removed
    assert not (project.docs_dir / "articles" / f"{removed_record.stem}.md").exists()
    for rel, text in hand.items():
        assert (project.docs_dir / rel).read_text(encoding="utf-8") == text


def test_render_rewrites_only_changed_pages(project: Project, tmp_path: Path) -> None:
    ingest(project)
    render(project)
    again = render(project)
    assert again.written == [] and again.removed == []
