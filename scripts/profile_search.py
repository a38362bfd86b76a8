"""Where the search index's time goes, built from scratch: CPU and wall seconds per phase.

    python scripts/profile_search.py PROJECT

PROJECT is a built project (``bench.py --keep DIR`` leaves one in ``DIR/proj``). Its articles
are read as render hands them to the index's own process (``search_input``), then the index is
built in this process as that process builds it, with no state from an earlier build; the
search files go to PROJECT's docs/ as a build would write them. CPU seconds depend less on a
loaded machine than wall seconds; the peak memory is this process's.
"""

from __future__ import annotations

import argparse
import functools
import resource
import shutil
import tempfile
import time
from pathlib import Path

from hemeroteca.project import Project
from hemeroteca.render import search_index, writer
from hemeroteca.render.model import SiteModel
from hemeroteca.render.search_input import read_articles, write_articles

PHASES = [
    (search_index, "build_state"),
    (search_index, "_shards"),
    (search_index, "tail_table"),
    (search_index, "_facet_files"),
    (search_index, "_meta_file"),
    (writer, "save_value"),
    (writer, "_write_files"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    args = parser.parse_args()
    project = Project.at(args.project)
    times: dict[str, list[float]] = {}

    def timed(name: str, function):  # type: ignore[no-untyped-def]
        @functools.wraps(function)
        def run(*a, **k):  # type: ignore[no-untyped-def]
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                return function(*a, **k)
            finally:
                spent = times.setdefault(name, [0.0, 0.0])
                spent[0] += time.process_time() - cpu
                spent[1] += time.perf_counter() - wall

        return run

    for module, name in PHASES:
        setattr(module, name, timed(name, getattr(module, name)))
    with tempfile.TemporaryDirectory() as folder:
        articles = Path(folder) / "articles.jsonl"
        with articles.open("w", encoding="utf-8") as out:
            write_articles(writer.load_model(project).articles, out)
        (project.cache_dir / writer.SEARCH_STATE).unlink(missing_ok=True)
        shutil.rmtree(project.docs_dir / search_index.INDEX_DIR, ignore_errors=True)
        cpu, wall = time.process_time(), time.perf_counter()
        model = SiteModel(articles=timed("read_articles", read_articles)(articles), facets={})
        names, written, _ = writer.write_search_files(project, model)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"{len(model.articles)} articles, {len(names)} search files, {len(written)} written")
    for name, (phase_cpu, phase_wall) in times.items():
        print(f"  {name:16s} CPU {phase_cpu:7.2f} s   wall {phase_wall:7.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"  {'in all':16s} CPU {cpu:7.2f} s   wall {wall:7.2f} s   peak RSS {peak} MB")


if __name__ == "__main__":
    main()
