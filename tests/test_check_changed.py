"""`check --changed REF`: a pull request sees its own problems, not the archive's older warnings."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hemeroteca import Project, ingest

RECORD = "archive/001_e4109311ec4dc86b.md"


def git(project: Project, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=project.root,
        check=True,
        capture_output=True,
    )


def run(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hemeroteca", "check", *args], cwd=project.root, capture_output=True, text=True
    )


@pytest.fixture
def committed(project: Project) -> Project:
    ingest(project)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "base")
    return project


def test_only_the_changed_records_are_reported(committed: Project) -> None:
    whole = run(committed)
    assert whole.returncode == 0 and "warning:" in whole.stdout  # the shipped records' unknown actors
    path = committed.root / RECORD
    path.write_text(path.read_text(encoding="utf-8").replace("  - PE\n", "  - XX\n"), encoding="utf-8")
    result = run(committed, "--changed", "main")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(f"{RECORD}:") for line in lines)
    assert any("'XX' is not a country code" in line for line in lines)
    warnings = sum("warning:" in line for line in lines)
    assert result.stderr.splitlines()[-1] == f"1 error, {warnings} warnings"


def test_a_clean_change_and_an_untracked_seed(committed: Project) -> None:
    assert run(committed, "--changed", "main").stdout.splitlines() == ["no errors in what changed since main"]
    seed = committed.seeds_dir / "009_new.txt"
    seed.write_text("Lima, 3 de marzo de 2022\n\nUn texto nuevo sin registro todavía.\n", encoding="utf-8")
    result = run(committed, "--changed", "main")
    assert result.stdout.splitlines()[0] == (
        "seeds/009_new.txt:1: record: seed has no record in archive/: run `hemeroteca ingest`"
    )
    assert result.returncode == 1


def test_a_changed_seed_reports_at_its_record(committed: Project) -> None:
    seed = committed.root / "seeds/001_e4109311ec4dc86b.txt"
    seed.write_bytes(seed.read_bytes() + b"\nedited\n")
    result = run(committed, "--changed", "main")
    assert result.returncode == 1
    assert any(
        line.startswith(f"{RECORD}:") and "source.sha256: does not match" in line
        for line in result.stdout.splitlines()
    )


def test_an_unknown_ref_is_one_line(committed: Project) -> None:
    result = run(committed, "--changed", "no-such-branch")
    assert result.returncode == 1
    assert result.stderr.startswith("error: hemeroteca: check --changed: ")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
