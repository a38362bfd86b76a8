"""The CI gate: the workflow runs exactly the commands tested here, and the schema ships in sync."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from hemeroteca.resources import load_data

from .conftest import REPO, copy_project_skeleton

WORKFLOW = REPO / ".github" / "workflows" / "archive.yml"
# `make install` and `make test` are what runs this very test; the rest is run below, verbatim.
EXPECTED_RUNS = ["make install", ".venv/bin/hemeroteca check --format github", "make site", "make test"]


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def run_steps(data: dict) -> list[str]:
    return [step["run"] for job in data["jobs"].values() for step in job["steps"] if "run" in step]


@pytest.mark.parametrize("name", ["record.schema.json", "actors.schema.json", "topics.schema.json"])
def test_schema_copies_for_editors_match_the_ones_check_uses(name: str) -> None:
    shipped = load_data(name)
    assert json.loads((REPO / "schema" / name).read_text(encoding="utf-8")) == shipped
    jsonschema.Draft202012Validator.check_schema(shipped)


@pytest.mark.parametrize("name", ["actors", "topics"])
def test_the_repository_authority_files_satisfy_their_schema(name: str) -> None:
    data = yaml.safe_load((REPO / "archive" / "authorities" / f"{name}.yaml").read_text(encoding="utf-8"))
    assert [
        e.message for e in jsonschema.Draft202012Validator(load_data(f"{name}.schema.json")).iter_errors(data)
    ] == []


def test_workflow_triggers_and_official_actions() -> None:
    data = workflow()
    triggers = data[True] if True in data else data["on"]  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    uses = {
        step["uses"].split("@")[0] for job in data["jobs"].values() for step in job["steps"] if "uses" in step
    }
    assert uses == {
        "actions/checkout",
        "actions/setup-python",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    }
    deploy = data["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert run_steps(data) == EXPECTED_RUNS


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of the repository's archive with the Makefile, using this test run's .venv."""
    venv = REPO / ".venv"
    if not (venv / "bin" / "hemeroteca").exists():
        pytest.skip("no .venv in the repository: run the tests with `make test`")
    project = copy_project_skeleton(tmp_path / "checkout")
    shutil.copytree(REPO / "archive", project.archive_dir, dirs_exist_ok=True)
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(REPO / name, project.root / name)
    os.utime(project.root / "pyproject.toml", (0, 0))  # older than the venv: make installs nothing
    (project.root / ".venv").symlink_to(venv)
    return project.root


def sh(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-c", command], cwd=cwd, capture_output=True, text=True, check=False)


def test_the_workflow_commands_pass_on_the_archive_and_build_the_site(checkout: Path) -> None:
    for command in EXPECTED_RUNS[1:3]:
        result = sh(command, checkout)
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
        assert "::error" not in result.stdout
    assert (checkout / "site" / "index.html").is_file()


def test_the_check_step_annotates_a_broken_record_and_fails(checkout: Path) -> None:
    record = sorted((checkout / "archive").glob("*.md"))[0]
    lines = record.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if text.startswith("date:"))
    lines[line - 1] = "date: 2021-02-30"
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = sh(EXPECTED_RUNS[1], checkout)
    assert result.returncode == 1
    assert (
        f"::error file=archive/{record.name},line={line},title=date::date: '2021-02-30' is not a "
        "calendar date (February 2021 has no day 30)"
    ) in result.stdout.splitlines()
    assert sh("make site", checkout).returncode != 0


def test_git_never_converts_seed_line_endings() -> None:
    """On Windows, core.autocrlf would rewrite seeds with CRLF and break every sha256."""
    if not (REPO / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout")
    result = subprocess.run(
        ["git", "check-attr", "text", "eol", "--", "seeds/x.txt", "archive/x.md"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines() == [
        "seeds/x.txt: text: unset",
        "seeds/x.txt: eol: unspecified",
        "archive/x.md: text: set",
        "archive/x.md: eol: lf",
    ]
