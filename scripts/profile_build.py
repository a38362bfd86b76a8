"""Where a full build's CPU time and memory go, phase by phase: render, then the site step.

    python scripts/profile_build.py --articles 30000 [--keep DIR]

Writes a synthetic archive (``synthetic.py``) and builds it from nothing in this process,
with render's and the site step's main functions wrapped: each line gives the phase's CPU
seconds (inclusive, this process only), its wall seconds, and the process's resident memory
after it and at its peak so far. CPU seconds depend less on a loaded machine than wall
seconds; memory does not depend on load at all. The search index is built in a forked child
while the parent writes pages: its CPU time and peak memory are printed apart at the end.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402
from phases import wrap_phases  # noqa: E402

# module, function: what render and the site step spend their time in, in the order they run.
PHASES = [
    ("hemeroteca.render.writer", "load_records"),
    ("hemeroteca.render.writer", "require_valid"),
    ("hemeroteca.render.writer", "load_model"),
    ("hemeroteca.render.writer", "_write_article_pages"),
    ("hemeroteca.render.writer", "other_index_pages"),
    ("hemeroteca.render.writer", "write_exports"),
    ("hemeroteca.render.writer", "_write_files"),
    ("hemeroteca.render.writer", "original_files"),
    ("mkdocs.commands.build", "build"),
    ("hemeroteca.shell", "write_generated_pages"),
]


def memory_mb() -> tuple[int, int]:
    """(resident now, peak resident) of this process, in MB."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0]) // 1024
    return found.get("VmRSS", 0), found.get("VmHWM", 0)


def timed(name: str, function):
    @functools.wraps(function)
    def run(*args, **kwargs):
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            now, peak = memory_mb()
            print(
                f"  {name}: {time.process_time() - cpu:.1f} s CPU, {time.perf_counter() - wall:.1f} s wall; "
                f"RSS {now} MB, peak {peak} MB (pid {os.getpid()})",
                flush=True,
            )

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args()

    root = args.keep or Path(tempfile.mkdtemp(prefix="hemeroteca-profile-"))
    project = synthetic.skeleton(root / "proj")
    synthetic.write_archive(project, args.articles)
    wrap_phases(PHASES, timed)
    from hemeroteca.publish import build_site
    from hemeroteca.render.writer import render

    print(f"{args.articles} articles, load average {os.getloadavg()[0]:.1f} (2 cores: seconds vary with it)")
    for step, call in (("render", render), ("site", build_site)):
        cpu, wall = time.process_time(), time.perf_counter()
        call(project)
        print(f"{step}: {time.process_time() - cpu:.1f} s CPU, {time.perf_counter() - wall:.1f} s wall")
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = child.ru_utime + child.ru_stime
    print(
        f"search index child: {cpu:.1f} s CPU, peak RSS {child.ru_maxrss // 1024} MB; "
        f"load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
