"""Articles per second for ``ingest`` on real text, with one process and with every core.

Makes N seeds (3,000 by default) from real article texts: the project's seeds
and, when ../shared is present, the dev and dev2 pages, each copy given a
closing paragraph of its own so no two seeds are equal. Ingests them into two
fresh throwaway projects, once with ``--jobs 1`` and once with ``--jobs J``
(every core by default), checks the two archives are byte-identical, and prints
wall-clock rates. Wall time is what an archivist waits for; extraction
dominates, so this measures how well the work spreads over the cores.

    .venv/bin/python scripts/bench_ingest.py [--seeds 3000] [--jobs J]
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
import tempfile
import time
from pathlib import Path

from hemeroteca.catalogue.ingest import ingest
from hemeroteca.parallel import default_jobs
from hemeroteca.project import Project

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"
SOURCES = [REPO / "seeds", SHARED / "dev" / "articles", SHARED / "dev2" / "articles"]


def real_texts() -> list[bytes]:
    return [p.read_bytes() for folder in SOURCES if folder.is_dir() for p in sorted(folder.glob("*.txt"))]


def make_project(root: Path, texts: list[bytes], count: int) -> Project:
    (root / "archive").mkdir(parents=True)
    shutil.copytree(REPO / "archive" / "authorities", root / "archive" / "authorities")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    seeds = root / "seeds"
    seeds.mkdir()
    for n, text in zip(range(count), itertools.cycle(texts), strict=False):
        closing = f"\n\nNota del archivo {n}: ejemplar {n} de la serie de prueba.\n".encode()
        (seeds / f"{n:06d}_bench.txt").write_bytes(text + closing)
    return Project.at(root)


def timed_ingest(project: Project, jobs: int) -> float:
    start = time.perf_counter()
    report = ingest(project, jobs=jobs)
    elapsed = time.perf_counter() - start
    if report.errors:
        print(f"  {len(report.errors)} seeds refused, first: {report.errors[0].one_line()}", file=sys.stderr)
    return elapsed


def archive_bytes(project: Project) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(project.archive_dir.glob("*.md"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3000, help="how many seeds to ingest (default 3000)")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="processes for the parallel run")
    args = parser.parse_args(argv)
    texts = real_texts()
    with tempfile.TemporaryDirectory(prefix="hemeroteca-bench-ingest-") as tmp:
        rates = {}
        archives = []
        for jobs in (1, args.jobs):
            project = make_project(Path(tmp) / f"jobs{jobs}", texts, args.seeds)
            elapsed = timed_ingest(project, jobs)
            rates[jobs] = args.seeds / elapsed
            archives.append(archive_bytes(project))
            print(f"jobs={jobs}: {args.seeds} seeds in {elapsed:.1f} s = {rates[jobs]:.0f} articles/s")
        identical = archives[0] == archives[1]
    print(
        f"bench_ingest: seeds={args.seeds} distinct_texts={len(texts)} jobs={args.jobs} "
        f"rate_1={rates[1]:.0f}/s rate_{args.jobs}={rates[args.jobs]:.0f}/s "
        f"speedup={rates[args.jobs] / rates[1]:.2f} identical={identical}"
    )
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
