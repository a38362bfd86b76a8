"""Where the search index's time goes, built from scratch: CPU and wall seconds per phase.

    python scripts/profile_search.py PROJECT [--jobs N]

PROJECT is a built project (``bench.py --keep DIR`` leaves one in ``DIR/proj``). Its articles
are read as render hands them to the index's own process (``search_input``), then the index is
built in this process as that process builds it, with no state from an earlier build; the
search files go to PROJECT's docs/ as a build would write them. CPU seconds depend less on a
loaded machine than wall seconds; memory does not depend on the load. The articles' file is
written by a forked child, so this process holds what the index's own process holds, not the
site model: each phase's line gives the resident memory at its end and the peak so far.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

from hemeroteca.parallel import default_jobs
from hemeroteca.project import Project
from hemeroteca.render import search_index, writer
from hemeroteca.render.model import SiteModel
from hemeroteca.render.search_input import read_articles, write_articles

PHASES = [
    (writer, "split_build"),  # the articles' analysis (``build_state``), on ``--jobs`` processes
    (search_index, "_shards"),
    (search_index, "tail_table"),
    (search_index, "_facet_files"),
    (search_index, "_meta_file"),
    (writer, "save_value"),
    (writer, "_write_files"),
]


def _rss() -> tuple[int, int]:
    """(resident, peak resident) MB of this process."""
    status = dict(
        line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line
    )
    if "VmRSS" in status:
        return int(status["VmRSS"].split()[0]) // 1024, int(status["VmHWM"].split()[0]) // 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return peak, peak


def _write_articles(project: Project, path: Path) -> None:
    """The articles' file as render writes it, by a forked child holding the site model."""
    child = os.fork()
    if child == 0:
        try:
            with path.open("w", encoding="utf-8") as out:
                write_articles(writer.load_model(project).articles, out)
        finally:
            os._exit(0)
    os.waitpid(child, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument(
        "--jobs", type=int, default=default_jobs(), help="processes analysing the articles (the index's own "
        "process uses every core)"
    )
    args = parser.parse_args()
    project = Project.at(args.project)
    times: dict[str, list[float]] = {}  # phase -> CPU, wall, resident and peak MB at its end

    def timed(name: str, function):  # type: ignore[no-untyped-def]
        @functools.wraps(function)
        def run(*a, **k):  # type: ignore[no-untyped-def]
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                return function(*a, **k)
            finally:
                spent = times.setdefault(name, [0.0, 0.0, 0, 0])
                spent[0] += time.process_time() - cpu
                spent[1] += time.perf_counter() - wall
                spent[2:] = _rss()

        return run

    for module, name in PHASES:
        setattr(module, name, timed(name, getattr(module, name)))
    with tempfile.TemporaryDirectory() as folder:
        articles = Path(folder) / "articles.jsonl"
        _write_articles(project, articles)
        (project.cache_dir / writer.SEARCH_STATE).unlink(missing_ok=True)
        shutil.rmtree(project.docs_dir / search_index.INDEX_DIR, ignore_errors=True)
        cpu, wall = time.process_time(), time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)  # the articles' file's writer
        model = SiteModel(articles=timed("read_articles", read_articles)(articles), facets={})
        names, written, _ = writer.write_search_files(project, model, jobs=args.jobs)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{len(model.articles)} articles, {len(names)} search files, {len(written)} written")
    for name, (phase_cpu, phase_wall, resident, peak) in times.items():
        print(
            f"  {name:16s} CPU {phase_cpu:7.2f} s   wall {phase_wall:7.2f} s   "
            f"RSS {resident:5d} MB, peak {peak:5d} MB"
        )
    print(f"  {'in all':16s} CPU {cpu:7.2f} s   wall {wall:7.2f} s   peak RSS {_rss()[1]} MB")
    if args.jobs > 1:  # the child that analysed part of the articles
        spent = child.ru_utime + child.ru_stime - before.ru_utime - before.ru_stime
        print(
            f"  {'its child':16s} CPU {spent:7.2f} s   peak RSS {child.ru_maxrss // 1024} MB (or the "
            f"articles' file's writer's, if larger: {before.ru_maxrss // 1024} MB); "
            f"load average {os.getloadavg()[0]:.1f}"
        )
    else:
        print(f"  load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
