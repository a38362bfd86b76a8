"""Records remembered by their file's stamp (``catalogue.known``): never trusted past a change."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from hemeroteca.cache import PARTS, Store, code_fingerprint
from hemeroteca.catalogue import known
from hemeroteca.catalogue.ingest import ingest
from hemeroteca.catalogue.store import list_record_paths, load_records
from hemeroteca.project import Project


def _title(project: Project, path: Path) -> str:
    records, errors = load_records(project)
    assert not errors
    return next(r for r in records if r.path == path).meta["title"]


def _same_size_edit(path: Path, old: str, new: str) -> None:
    """Change the text, keep its size and put its modification time back: only the change time moves."""
    assert len(old) == len(new)
    before = os.stat(path)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written a moment ago count as settled, as they would a few seconds later."""
    monkeypatch.setattr(known, "SETTLE_NS", -10**12)


def test_an_unchanged_record_is_not_opened_again(
    project: Project, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(project)
    first, _ = load_records(project)
    opened: list[Path] = []
    real = known.read
    monkeypatch.setattr(known, "read", lambda path, header=None: opened.append(path) or real(path, header))
    again, errors = load_records(project)
    assert opened == [] and not errors
    assert [(r.id, r.meta, r.lines, r.digest, r.blank, r.summary) for r in again] == [
        (r.id, r.meta, r.lines, r.digest, r.blank, r.summary) for r in first
    ]
    assert again[0].body == first[0].body  # the text is read from the file when asked for


def test_a_record_changed_without_its_size_or_time_changing_is_read_again(
    project: Project, settled: None
) -> None:
    ingest(project)
    path = list_record_paths(project)[0]
    title = _title(project, path)
    _same_size_edit(path, f"title: {title[:3]}", "title: QQQ")
    assert _title(project, path).startswith("QQQ")


def test_a_record_changed_just_before_the_command_is_not_trusted_by_its_stamp(project: Project) -> None:
    ingest(project)  # files written now: within the settling time, so their stamps are not kept
    path = list_record_paths(project)[0]
    title = _title(project, path)
    before = os.stat(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"title: {title[:3]}", "title: QQQ", 1), encoding="utf-8")
    # Same size, and the change time too, as a second write within the clock's resolution can leave it.
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert _title(project, path).startswith("QQQ")


def test_a_cache_this_tool_did_not_write_is_never_believed(project: Project, settled: None) -> None:
    """A pull request can commit .cache/: a forged entry with the file's exact stamp is ignored."""
    ingest(project)
    path = list_record_paths(project)[0]
    real = _title(project, path)
    stored = Store.open(project, "records", shared=True, parts=PARTS)
    entry = list(stored.get(path.name))
    entry[2] = dict(entry[2], title="Forged title")
    file, part = stored.file_of(path.name)
    forged = {"code": code_fingerprint(), "shared": True, "part": part, "entries": {path.name: tuple(entry)}}
    file.write_bytes(b"\0" * 32 + pickle.dumps(forged))
    assert _title(project, path) == real
    file.write_bytes(b"garbage")
    assert _title(project, path) == real


def test_a_record_that_stops_parsing_is_reported_though_it_was_cached(
    project: Project, settled: None
) -> None:
    ingest(project)
    path = list_record_paths(project)[0]
    load_records(project)
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: [", 1), encoding="utf-8")
    records, errors = load_records(project)
    assert [e.path for e in errors] == [project.relative(path)]
    assert path not in [r.path for r in records]


def test_a_seed_changed_without_its_size_or_time_changing_is_reported(project: Project) -> None:
    from hemeroteca.catalogue.check import check

    ingest(project)
    assert not [p for p in check(project) if p.field == "source.sha256"]
    seed = sorted(project.seeds_dir.glob("*.txt"))[0]
    data = seed.read_bytes()
    before = os.stat(seed)
    seed.write_bytes(data[:-2] + bytes([data[-2] ^ 1]) + data[-1:])  # one bit of the last line
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))
    problems = [p for p in check(project) if p.field == "source.sha256"]
    assert len(problems) == 1 and "was the seed edited" in problems[0].message


def test_records_parsed_ahead_by_a_forked_helper_are_those_read_one_by_one(
    project: Project, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first read of many records is shared with a helper process: same records, same errors,
    in the same order, and none of the helper's parsed again here."""
    ingest(project)
    paths = list_record_paths(project)
    assert len(paths) >= 3
    broken = paths[1]
    broken.write_text(broken.read_text(encoding="utf-8").replace("title:", "title: [", 1), encoding="utf-8")
    one_by_one = load_records(project)
    for part in project.cache_dir.glob("records.*.pickle"):
        part.unlink()
    monkeypatch.setattr(known, "HELPER_FROM", 0)
    monkeypatch.setattr(known, "RUN", 1)  # the helper takes the second record, the fourth...
    parsed_here: list[Path] = []
    real = known.read
    monkeypatch.setattr(
        known, "read", lambda path, header=None: parsed_here.append(path) or real(path, header)
    )
    records, errors = load_records(project)
    assert [(r.id, r.meta, r.lines, r.digest, r.blank, r.summary) for r in records] == [
        (r.id, r.meta, r.lines, r.digest, r.blank, r.summary) for r in one_by_one[0]
    ]
    assert [e.one_line() for e in errors] == [e.one_line() for e in one_by_one[1]]
    # This process parsed its own runs, and the helper's broken record again (to raise its error).
    assert parsed_here == [*paths[::2], broken]
