"""Where a full build's CPU time and memory go, phase by phase: render, then the site step.

    python scripts/profile_build.py --articles 30000 [--keep DIR]
    python scripts/profile_build.py --project DIR/proj   # a project built before, built again from nothing

Writes a synthetic archive (``synthetic.py``) and builds it from nothing in this process,
with render's and the site step's main functions wrapped: each line gives the phase's CPU
seconds (inclusive, this process only), its wall seconds, and the process's resident memory
after it and at its peak so far. CPU seconds depend less on a loaded machine than wall
seconds; memory does not depend on load at all. The search index is built in its own
process while this one writes pages: its CPU seconds, its wall seconds from start to end and
how long this process waited for it are printed apart, as is the CPU of the forked helpers.

``--project`` saves generating the archive again: its generated docs/ files, site/ and cache
are deleted first (``--warm`` keeps the records' cache, as a second build would find it).
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import shutil
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


def children_cpu() -> float:
    """CPU seconds of the child processes waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_search(start_search):  # type: ignore[no-untyped-def]
    """``start_search`` whose outcome prints the search process's CPU and wall seconds."""

    @functools.wraps(start_search)
    def start(*args, **kwargs):  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        outcome = start_search(*args, **kwargs)

        def timed_outcome():  # type: ignore[no-untyped-def]
            cpu, waited = children_cpu(), time.perf_counter()
            try:
                return outcome()
            finally:
                end = time.perf_counter()
                print(
                    f"  search process: {children_cpu() - cpu:.1f} s CPU, {end - began:.1f} s wall from its "
                    f"start; this process waited {end - waited:.1f} s for it",
                    flush=True,
                )

        return timed_outcome

    return start


def from_nothing(project, warm: bool) -> None:  # type: ignore[no-untyped-def]
    """Delete what a build of ``project`` made, so the next one starts as the first did."""
    from hemeroteca.render.writer import MANIFEST, read_manifest

    for rel in read_manifest(project.docs_dir):
        (project.docs_dir / rel).unlink(missing_ok=True)
    (project.docs_dir / MANIFEST).unlink(missing_ok=True)
    shutil.rmtree(project.site_dir, ignore_errors=True)
    for kept in project.cache_dir.glob("*") if project.cache_dir.is_dir() else ():
        if not (warm and kept.name.startswith("records.")):
            kept.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--project", type=Path, help="build this project again from nothing")
    parser.add_argument("--warm", action="store_true", help="with --project: keep the records' cache")
    args = parser.parse_args()

    from hemeroteca.project import Project

    if args.project:
        project = Project.at(args.project)
        from_nothing(project, args.warm)
        args.articles = sum(1 for _ in project.archive_dir.glob("*.md"))
    else:
        root = args.keep or Path(tempfile.mkdtemp(prefix="hemeroteca-profile-"))
        project = synthetic.skeleton(root / "proj")
        synthetic.write_archive(project, args.articles)
    wrap_phases(PHASES, timed)
    wrap_phases([("hemeroteca.render.writer", "start_search")], lambda name, function: time_search(function))
    from hemeroteca import publish
    from hemeroteca.render.writer import render

    print(f"{args.articles} articles, load average {os.getloadavg()[0]:.1f} (2 cores: seconds vary with it)")
    if hasattr(publish, "render_site"):  # as `hemeroteca build` runs them: the site made during the index
        steps = [("render + site", publish.render_site)]
    else:  # an older version, for comparison
        steps = [("render", render), ("site", publish.build_site)]
    for step, call in steps:
        cpu, wall = time.process_time(), time.perf_counter()
        call(project)
        print(f"{step}: {time.process_time() - cpu:.1f} s CPU, {time.perf_counter() - wall:.1f} s wall")
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"child processes (search index, helpers): {children_cpu():.1f} s CPU, the largest's peak RSS "
        f"{child.ru_maxrss // 1024} MB; load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
