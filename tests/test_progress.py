"""The progress of long commands: stage label, files done, and an ETA not fooled by a slow start."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from hemeroteca import Project
from hemeroteca.progress import Progress, clock_text, estimate


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_estimate_ignores_a_slow_first_file() -> None:
    # 100 files: the first takes 30 s (models load), then one a second.
    assert estimate(100, 1, first_done_at=30.0, now=30.0) is None  # nothing to measure yet
    assert estimate(100, 2, first_done_at=30.0, now=31.0) is None  # one second is no pace yet
    left = estimate(100, 11, first_done_at=30.0, now=40.0)
    assert left == 89.0  # 89 files at 1 s each; an average with the first file would say ~315 s
    assert estimate(100, 100, first_done_at=30.0, now=129.0) == 0.0


def test_clock_text() -> None:
    assert [clock_text(s) for s in (0, 45, 334, 3725)] == ["0:00", "0:45", "5:34", "1:02:05"]


def test_a_stage_draws_its_label_counts_and_estimate_then_says_how_long_it_took() -> None:
    clock = FakeClock()
    stream = io.StringIO()
    progress = Progress(stream, shown=True, clock=clock)
    seen = []
    for index, item in enumerate(progress(range(40), "Ingesting")):
        seen.append(item)
        clock.now += 30.0 if index == 0 else 1.0
    assert seen == list(range(40))
    text = stream.getvalue()
    assert "Ingesting [" in text and "1/40 files, 2%, about -:-- left" in text
    assert "20/40 files, 50%, about 0:20 left" in text
    assert text.endswith("Ingesting: 40 files in 1:09\n")


def test_off_a_terminal_nothing_is_drawn_unless_asked() -> None:
    stream = io.StringIO()  # not a terminal
    assert list(Progress(stream)(["a", "b"], "Rendering")) == ["a", "b"]
    assert stream.getvalue() == ""
    verbose = io.StringIO()
    list(Progress(verbose, stages=True, clock=FakeClock())(["a", "b"], "Rendering"))
    assert verbose.getvalue() == "Rendering: 2 files in 0:00\n"


def _run(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hemeroteca", *args], cwd=project.root, capture_output=True, text=True
    )


def _articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:02d}.txt").write_text(
            f"Cooperative number {i} opens a shop in Lima\n\nLima, {i + 1} March 2022\n\n"
            f"The cooperative {i} of weavers in Peru opened its shop with {100 + i} members.\n",
            encoding="utf-8",
        )
    return folder


def test_adding_many_files_ends_in_one_screen(empty_project: Project, tmp_path: Path) -> None:
    folder = _articles(tmp_path / "many", 12)
    result = _run(empty_project, "add", str(folder))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == [
        "12 added, 0 duplicates, 0 refused",
        "the new records, oldest first: `hemeroteca review --list`",
        "next: correct the records by hand, then `hemeroteca review ID` for each one",
    ]
    again = _run(empty_project, "add", str(folder))
    duplicates = [line for line in again.stdout.splitlines() if line.startswith("duplicate ")]
    assert len(duplicates) == 10 and "... and 2 more (--verbose lists them all)" in again.stdout
    assert again.stdout.splitlines()[-1] == "0 added, 12 duplicates, 0 refused"
    quiet = _run(empty_project, "add", "--quiet", str(folder))
    assert quiet.stdout.splitlines() == ["0 added, 12 duplicates, 0 refused"] and quiet.stderr == ""
    verbose = _run(empty_project, "add", "--verbose", str(folder))
    assert sum(line.startswith("duplicate ") for line in verbose.stdout.splitlines()) == 12
    assert "Adding: 12 files in " in verbose.stderr  # the stage and its time, even in a pipe


def test_build_names_each_stage_and_says_what_it_rebuilt(project: Project) -> None:
    result = _run(project, "build", "--verbose")
    assert result.returncode == 0, result.stderr
    stages = [line.split(":")[0] for line in result.stderr.splitlines() if " files in " in line]
    assert stages == ["Ingesting", "Rendering"]
    assert result.stdout.splitlines()[-1].endswith("built site/ (all of it)")
    dirty = _run(project, "build", "--dirty", "--quiet")
    assert dirty.stderr == ""
    assert dirty.stdout.splitlines() == [
        "ingested 0 new records; rendered 5 articles (0 files of docs/ changed); "
        "built site/ (the pages that changed)"
    ]
