"""The scale benchmark runs end to end at a small size, so it cannot rot (no timing assertions)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_bench_runs_at_200_articles_and_prints_its_summary_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "bench.py"),
            "--articles", "200", "--incremental", "--baseline", "--keep", str(tmp_path / "bench"),
        ],
        capture_output=True, text=True, check=False, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("bench: n=200 ")
    fields = dict(pair.split("=", 1) for pair in last.removeprefix("bench: ").split())
    numbers = ("total_s", "per_article_ms", "peak_rss_mb", "site_mb", "page_kb", "incremental_s")
    numbers += ("baseline_s",)
    for key in numbers:
        assert re.fullmatch(r"\d+(\.\d+)?", fields[key]), (key, fields[key])
    for key in ("search_query_kb", "offline_load_mb"):
        assert re.fullmatch(r"\d+(\.\d+)?|na", fields[key]), (key, fields[key])
    site = tmp_path / "bench" / "proj" / "site"
    assert len(list((site / "articles").glob("*.html"))) == 202  # 200 generated + the two added
