"""`build` passes MkDocs' warnings on; `build --strict` fails on them (as CI runs it)."""

from __future__ import annotations

import subprocess
import sys

from hemeroteca import Project


def build(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hemeroteca", "build", *args], cwd=project.root, capture_output=True, text=True
    )


def test_a_broken_link_in_a_hand_written_page_is_shown_and_fails_strict(project: Project) -> None:
    clean = build(project, "--strict")
    assert clean.returncode == 0, clean.stderr
    assert "warning" not in clean.stderr
    about = project.docs_dir / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [the old page](no-such-page.md).\n")
    loose = build(project, "--dirty")
    assert loose.returncode == 0
    warnings = [line for line in loose.stderr.splitlines() if line.startswith("warning: mkdocs: ")]
    assert len(warnings) == 1 and "no-such-page.md" in warnings[0] and "about.md" in warnings[0]
    strict = build(project, "--strict")  # --dirty would skip about.md, now unchanged
    assert strict.returncode == 1
    assert strict.stderr.splitlines()[-1] == "error: 1 MkDocs warning (--strict)"
    assert "Traceback" not in strict.stderr
