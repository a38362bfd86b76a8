"""The files a pull request touched: what ``check --changed REF`` limits its report to.

A pull request should see its own problems first, on its own lines: the archive's
older warnings would otherwise fill GitHub's few annotations per step before the
new record's are reached. Git says what changed since the pull request's base; a
changed seed brings its record along, since the record is where its problems are
reported.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from hemeroteca.catalogue.problems import Problem
from hemeroteca.catalogue.store import seed_id
from hemeroteca.errors import HemerotecaError
from hemeroteca.project import Project


def _git(project: Project, *args: str) -> list[str]:
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=project.root,
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError as exc:
        raise HemerotecaError(None, "check --changed needs git, which is not installed") from exc
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or ["git failed"])[-1]
        raise HemerotecaError(None, f"check --changed: {reason}")
    return [line for line in result.stdout.splitlines() if line]


def changed_files(project: Project, ref: str) -> set[str]:
    """Paths (from the project root) of files added or modified since ``ref``, committed or not.

    Deleted files are left out: a deleted record has no lines to report on, and a deleted
    seed is reported at its record, which is still there (and so is listed here).
    """
    if ref.startswith("-"):
        raise HemerotecaError(None, f"check --changed: '{ref}' is not a git reference")
    # Paths relative to the project root, also when the project is a folder of a larger repository.
    prefix = _git(project, "rev-parse", "--show-prefix")
    strip = prefix[0] if prefix else ""
    names = _git(project, "diff", "--name-only", "--diff-filter=d", "--relative", ref, "--")
    names += _git(project, "ls-files", "--others", "--exclude-standard")
    return {name[len(strip) :] if strip and name.startswith(strip) else name for name in names}


def scope(project: Project, changed: Iterable[str]) -> set[str]:
    """The paths whose problems a changed-files check reports: the files, and the records of changed seeds."""
    paths = set(changed)
    for name in list(paths):
        path = PurePosixPath(name)
        if path.parent.as_posix() == "seeds":
            paths.add(f"archive/{seed_id(Path(name))}.md")
    return paths


def only_changed(problems: Iterable[Problem], paths: set[str]) -> list[Problem]:
    return [p for p in problems if p.path in paths]
