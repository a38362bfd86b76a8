"""Articles per second for metadata extraction, on one core.

Runs ``extract_text`` over the dev articles (../shared/eval/dev/articles) or any
folder of texts, repeated until N texts (2,000 by default), after one warm-up
pass so compiled patterns and loaded data are not counted. Reading and decoding
the files is done once, outside the timing: ingest's cost is extraction.

    .venv/bin/python scripts/bench_extract.py [--texts 2000] [--articles DIR] [--root .]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

from hemeroteca.catalogue.authorities import load_authorities
from hemeroteca.extract import extract_text
from hemeroteca.project import Project
from hemeroteca.sources.decode import decode_bytes

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLES = REPO / ".." / "shared" / "eval" / "dev" / "articles"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=2000, help="how many texts to extract (default 2000)")
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES, help="folder of .txt articles")
    parser.add_argument("--root", type=Path, default=REPO, help="project root (for the authority files)")
    args = parser.parse_args(argv)
    paths = sorted(args.articles.glob("*.txt"))
    if not paths:
        print(f"{args.articles}: no .txt articles to time", file=sys.stderr)
        return 1
    texts = [decode_bytes(p.read_bytes()) for p in paths]
    authorities = load_authorities(Project.at(args.root).authorities_dir)
    for text in texts:  # warm-up: compile patterns, load data files
        extract_text(text, authorities)
    batch = list(itertools.islice(itertools.cycle(texts), args.texts))
    start = time.process_time()
    for text in batch:
        extract_text(text, authorities)
    elapsed = time.process_time() - start
    rate = len(batch) / elapsed if elapsed else float("inf")
    print(f"{len(batch)} texts ({len(texts)} distinct) in {elapsed:.2f} s CPU: {rate:.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
