"""Run one of these scripts with the code and data of another commit.

Before/after checks (``check_extract_same.py --ref``, ``cross_batch.py --ref``) need the
same measurement made by an older tree. The tree is unpacked from ``git archive`` into a
temporary folder, so the working tree and its checkout are never touched, and the script
runs there in a child process whose ``hemeroteca`` is that tree's ``src``. The child
answers in JSON on its standard output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def run_at(ref: str, script: str, arguments: list[str]) -> Any:
    """``script`` (a path) run with ``arguments`` under commit ``ref``'s code; its JSON answer.

    ``{tree}`` in an argument stands for the unpacked tree's root (for ``--root``).
    """
    with tempfile.TemporaryDirectory(prefix="at-commit-") as tmp:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", ref], check=True, capture_output=True)
        tar_path = Path(tmp) / "ref.tar"
        tar_path.write_bytes(archive.stdout)
        tree = Path(tmp) / "tree"
        with tarfile.open(tar_path) as tar:
            tar.extractall(tree, filter="data")
        env = {**os.environ, "PYTHONPATH": str(tree / "src")}
        command = [sys.executable, script, *(item.replace("{tree}", str(tree)) for item in arguments)]
        child = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    return json.loads(child.stdout)
