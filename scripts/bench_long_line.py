"""Time extraction of a 5 MB article written as paragraphs and as one pathological line.

    python scripts/bench_long_line.py [--size 4900000]

The article is the repository's first two seeds' paragraphs, repeated and numbered so
that no paragraph repeats (cleaning drops repeated lines); the line is the same words
on one line, opening with the shapes that were once quadratic in a line's length (a
comma-separated list of names, a run of "X said" with no full stop). Each is extracted
in a fresh process, as `add` would; prints the two wall times and their ratio.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = ("000_d94e65ea9294be5d.txt", "001_e4109311ec4dc86b.txt")
EXTRACT_ONE = (
    "import sys, pathlib\n"
    "from hemeroteca.catalogue.seedtext import read_seed, extract_seed\n"
    "extract_seed(read_seed(pathlib.Path(sys.argv[1])))\n"
)


def texts(size: int) -> tuple[str, str]:
    """(article in paragraphs, the same words as one line opening with the hostile lists)."""
    from hemeroteca.catalogue.seedtext import extract_seed, read_seed

    paras = [
        p
        for name in SEEDS
        for p in extract_seed(read_seed(REPO / "seeds" / name)).body.split("\n\n")
        if p.strip()
    ]
    out: list[str] = []
    total = 0
    while total < size:
        out.append(f"{paras[len(out) % len(paras)]} ({len(out)})")
        total += len(out[-1]) + 2
    article = "\n\n".join(out)[:size]
    lists = ("Sebrae, " * 12_500) + ("John Smith said " * 6_250)  # 100 KB each
    return article, (lists + " ".join(article.split()))[:size]


def extract_seconds(path: Path, timeout: float) -> float:
    """Wall time of extracting one file in a fresh process; raises TimeoutExpired past ``timeout``."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", EXTRACT_ONE, str(path)], check=True, timeout=timeout)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=4_900_000)
    args = parser.parse_args()
    article, line = texts(args.size)
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "article.txt").write_text(article, encoding="utf-8")
        (Path(work) / "line.txt").write_text(line, encoding="utf-8")
        paragraphs = extract_seconds(Path(work) / "article.txt", timeout=3600)
        one_line = extract_seconds(Path(work) / "line.txt", timeout=3600)
    print(
        f"long line: size={args.size} paragraphs_s={paragraphs:.1f} one_line_s={one_line:.1f} "
        f"ratio={one_line / paragraphs:.2f}"
    )


if __name__ == "__main__":
    main()
