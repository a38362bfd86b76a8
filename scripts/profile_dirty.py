"""Where the seconds of ``hemeroteca add`` + ``hemeroteca build --dirty`` go, phase by phase.

    python scripts/profile_dirty.py PROJECT [--articles 2]

PROJECT is a built project (``scripts/bench.py --keep DIR`` leaves one in DIR/proj).
Each round adds one more synthetic article and builds the site dirty, in this process,
with the pipeline's main functions wrapped in timers; it prints, per round, the wall time
of each phase and the CPU this process spent in it (inclusive: a phase's line counts the phases
under it), and how often it ran. On a shared machine the CPU seconds are the steadier figure.
The search index is built in its own process while the parent writes pages: its time
shows as the parent's wait for it, and its CPU (with that of any other child process) on
the round's line as the children's. Process start-up (imports) is timed on its own.
"""

from __future__ import annotations

import argparse
import functools
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402
from bench import site_stamps, touched  # noqa: E402
from phases import wrap_phases  # noqa: E402

# module, function: the phases of add and build --dirty, outermost first.
PHASES = [
    ("hemeroteca.catalogue.add", "add"),
    ("hemeroteca.catalogue.add", "_Known"),
    ("hemeroteca.catalogue.add", "_text_and_metadata"),
    ("hemeroteca.catalogue.add", "_write"),
    ("hemeroteca.publish", "build"),
    ("hemeroteca.catalogue.store", "refuse_unsafe_files"),
    ("hemeroteca.catalogue.ingest", "ingest"),
    ("hemeroteca.publish", "load_records"),
    ("hemeroteca.catalogue.check", "require_valid"),
    ("hemeroteca.catalogue.check", "check_authorities"),
    ("hemeroteca.catalogue.check", "load_authorities"),
    ("hemeroteca.catalogue.check", "check_record"),
    ("hemeroteca.catalogue.check", "check_source"),
    ("hemeroteca.render.writer", "render"),
    ("hemeroteca.render.writer", "load_model"),
    ("hemeroteca.render.writer", "build_model"),
    ("hemeroteca.render.writer", "_write_article_pages"),
    ("hemeroteca.render.writer", "page_files"),
    ("hemeroteca.render.writer", "other_files"),
    ("hemeroteca.render.writer", "index_pages"),
    ("hemeroteca.render.writer", "export_files"),
    ("hemeroteca.render.writer", "other_index_pages"),
    ("hemeroteca.render.writer", "write_exports"),
    ("hemeroteca.render.writer", "_write_files"),
    ("hemeroteca.render.writer", "original_files"),
    ("hemeroteca.render.writer", "write_search_files"),  # timed here only when render builds the index itself
    ("hemeroteca.publish", "build_site"),
    ("mkdocs.commands.build", "build"),
    ("hemeroteca.shell", "write_generated_pages"),
    ("hemeroteca.publish", "link_files"),
    ("hemeroteca.publish", "commit"),
]


class Timers:
    def __init__(self) -> None:
        self.rows: dict[str, list[float]] = {}
        self.depth: dict[str, int] = {}
        self._stack = 0

    def wrap(self, name: str, function: Callable) -> Callable:
        @functools.wraps(function)
        def timed(*args, **kwargs):
            self.depth.setdefault(name, self._stack)
            self._stack += 1
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self._stack -= 1
                row = self.rows.setdefault(name, [0.0, 0.0, 0])
                row[0] += time.perf_counter() - start
                row[1] += time.process_time() - cpu
                row[2] += 1

        return timed

    def install(self) -> None:
        wrap_phases(PHASES, self.wrap, missing_ok=True)  # an older or newer version may lack a phase

    def report(self) -> None:
        for name, (seconds, cpu, calls) in self.rows.items():
            indent = "  " * self.depth.get(name, 0)
            times = f" ({calls} calls)" if calls > 1 else ""
            print(f"  {indent}{name}: {seconds:.2f} s, CPU {cpu:.2f} s{times}")
        self.rows.clear()
        self.depth.clear()


def _children_cpu() -> float:
    """CPU seconds (user and system) of this process's children that have ended (the index's)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--articles", type=int, default=2, help="rounds, one article each")
    args = parser.parse_args()

    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import hemeroteca.cli"], check=True)
    print(f"process start-up (python + import hemeroteca.cli): {time.perf_counter() - start:.2f} s")

    from hemeroteca.project import Project

    project = Project.at(args.project)
    timers = Timers()
    timers.install()
    from hemeroteca import publish
    from hemeroteca.catalogue import add as add_module
    from hemeroteca.catalogue.store import list_seeds

    existing = len(list_seeds(project))
    inbox = project.root.parent / "inbox"
    inbox.mkdir(exist_ok=True)
    for round_ in range(1, args.articles + 1):
        number = existing + round_
        _, text = synthetic.article_text(number)
        new = inbox / f"profile-article-{number}.txt"
        new.write_text(text, encoding="utf-8")
        before = site_stamps(project.site_dir)
        children = _children_cpu()
        start, cpu = time.perf_counter(), time.process_time()
        report = add_module.add(project, [new])
        middle, cpu_middle = time.perf_counter(), time.process_time()
        if report.errors or not report.added:
            sys.exit(f"add failed: {report.errors or report.duplicates}")
        publish.build(project, dirty=True)
        end, cpu_end = time.perf_counter(), time.process_time()
        print(f"round {round_}: add {middle - start:.2f} s (CPU {cpu_middle - cpu:.2f} s), build --dirty "
              f"{end - middle:.2f} s (CPU {cpu_end - cpu_middle:.2f} s; {existing + round_} seeds); "
              f"child processes' CPU {_children_cpu() - children:.2f} s")
        timers.report()
        files = touched(before, site_stamps(project.site_dir))
        spread = ", ".join(f"{folder} {n}" for folder, n in files.items())
        print(f"  site files touched: {sum(files.values())} ({spread})")


if __name__ == "__main__":
    main()
