"""Where the search index's own process spends a dirty build: CPU seconds per phase, nothing new.

    python scripts/profile_index_dirty.py PROJECT [--rounds 2]

PROJECT is a project built with this very code (``bench.py --keep DIR`` leaves one in
``DIR/proj``; after a change to the code, build it once again first: the cache is tagged with
the code that wrote it). Its articles are written as render hands them to the index's process
(``search_input``), then, in a forked child each time, the index's process runs as in a build
(``search_process.main``) with nothing new, alternately with the term shards updated where
terms changed (``search_dirty``) and made whole from the state, so the two compare on the same
machine at the same load. Each phase's line is inclusive of the phases it calls. CPU seconds
depend less on a loaded machine than wall seconds; the load average is printed with each round.
"""

from __future__ import annotations

import argparse
import functools
import os
import tempfile
import time
from pathlib import Path

from hemeroteca.catalogue.store import load_records
from hemeroteca.project import Project
from hemeroteca.render import search_dirty, search_index, search_input, search_process, writer
from hemeroteca.render.search_input import write_articles
from hemeroteca.render.writer import load_model

PHASES = [
    (search_input, "read_articles"),
    (writer, "load_value"),
    (search_index, "update_state"),
    (search_dirty, "update_shards"),
    (search_index, "_shards"),
    (search_index, "_vocabularies"),
    (search_index, "_order_files"),
    (search_index, "_facet_files"),
    (search_index, "tail_table"),
    (search_index, "_meta_file"),
    (writer, "save_value"),
    (writer, "_write_files"),
]


def _timed(cpu: dict[str, float], name: str, function):  # noqa: ANN001, ANN202 - any phase
    @functools.wraps(function)
    def timed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            cpu[name] = cpu.get(name, 0.0) + time.process_time() - start

    return timed


def _run(root: Path, articles: Path, whole: bool) -> None:
    """In a forked child: the index's process as a build runs it, its phases timed."""
    cpu: dict[str, float] = {}
    for module, name in PHASES:
        setattr(module, name, _timed(cpu, name, getattr(module, name)))
    if whole:  # what a dirty build did before ``search_dirty``: every shard made from the state
        search_dirty.update_shards = lambda *args, **kwargs: None
    start, wall = time.process_time(), time.perf_counter()
    search_process.main(str(root), str(articles), str(articles.with_suffix(".json")))
    label = "shards made whole" if whole else "shards updated"
    print(f"  {label}: CPU {time.process_time() - start:.2f} s, wall {time.perf_counter() - wall:.2f} s")
    for _, name in PHASES:
        if name in cpu:
            print(f"    {name}: CPU {cpu[name]:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    project = Project.at(args.project)
    folder = Path(tempfile.mkdtemp(prefix="hemeroteca-index-dirty-"))
    articles = folder / "articles.jsonl"
    model = load_model(project, load_records(project))
    with articles.open("w", encoding="utf-8") as out:
        write_articles(model.articles, out)
    print(f"{len(model.articles)} articles")
    del model
    for round_ in range(1, args.rounds + 1):
        print(f"round {round_} (load average {os.getloadavg()[0]:.1f})")
        for whole in (True, False):
            child = os.fork()
            if child == 0:
                try:
                    _run(project.root, articles, whole)
                finally:
                    os._exit(0)
            os.waitpid(child, 0)


if __name__ == "__main__":
    main()
