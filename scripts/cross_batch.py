"""Every labelled set's extraction figures side by side, and pooled over the real pages.

A rule written from one batch of pages has to be checked on the batches it was not written
from: this runs the project's own evaluation (``Project.evaluate``, the scoring of
``hemeroteca evaluate``) on every labelled set there is and prints one table, a row per set,
then a row pooling the real-page sets (their counts added up, so a set weighs by its size).

Sets and their default places (relative to the repository; ``--set NAME=GOLD`` points a
set elsewhere or adds one, its articles in ``articles/`` beside the gold file):

    seeds      eval/seeds-gold.yaml (articles: seeds/)
    heldout    eval/heldout/gold.yaml
    dev        ../shared/eval/dev/gold.yaml                 real pages, pooled
    dev2-odd   ../shared/eval/dev2/gold.yaml, pages aNNN with odd NNN only   pooled
    dev3..dev6 ../extra/devN/gold.yaml                      pooled

A set whose gold file is absent (a fresh clone has no ../shared or ../extra) is skipped with
a note. dev2's even half is never scored here (it is the held-back half). Only aggregate
figures are printed, never a page's output.

``--ref REV`` scores every set with the code and data of commit REV too (unpacked from git
into a temporary folder and run in a child process) and prints its row above the working
tree's: before and after of a change, on every batch at once.

    .venv/bin/python scripts/cross_batch.py [--only dev5,dev6] [--set dev6=PATH] [--ref main]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from at_commit import run_at  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def _odd_page(name: str) -> bool:
    """dev2's development half: pages ``aNNN`` with an odd NNN (the README's fixed rule)."""
    digits = name[1:4]
    return digits.isdigit() and int(digits) % 2 == 1


@dataclass(frozen=True)
class LabelledSet:
    """One gold file to score: where it is, where its texts are, which of its pages count, and
    whether it is a batch of real pages (pooled) or written for the project (not pooled)."""

    name: str
    gold: str
    articles: str | None = None
    keep: Callable[[str], bool] | None = None
    real: bool = True


DEFAULT_SETS = (
    LabelledSet("seeds", "eval/seeds-gold.yaml", articles="seeds", real=False),
    LabelledSet("heldout", "eval/heldout/gold.yaml", real=False),
    LabelledSet("dev", "../shared/eval/dev/gold.yaml"),
    LabelledSet("dev2-odd", "../shared/eval/dev2/gold.yaml", keep=_odd_page),
    LabelledSet("dev3", "../extra/dev3/gold.yaml"),
    LabelledSet("dev4", "../extra/dev4/gold.yaml"),
    LabelledSet("dev5", "../extra/dev5/gold.yaml"),
    LabelledSet("dev6", "../extra/dev6/gold.yaml"),
)

# The counts one set's figures are made of; adding them up pools sets.
COUNTS = (
    "files",
    "title_right",
    "title_total",
    "date_right",
    "dated_right",
    "dated_total",
    "false_dates",
    "undated_total",
    "countries_tp",
    "countries_fp",
    "countries_fn",
    "main_right",
    "main_total",
    "actors_tp",
    "actors_fp",
    "actors_fn",
    "type_right",
    "values",
    "flagged",
    "wrong",
    "wrong_flagged",
)

HEADER = (
    "set",
    "files",
    "title",
    "date (dated found, invented)",
    "countries F1 (P / R)",
    "main",
    "actors F1 (P / R)",
    "type",
    "doubts caught / flagged",
)


def summary(scores: Any) -> dict[str, int]:
    """The counts of an ``evaluate.Scores``, doubts at the threshold `add` flags at."""
    wrong = flagged = values = wrong_flagged = 0
    for flags in scores.flags.values():
        values += flags.values
        flagged += flags.flagged
        wrong += flags.wrong
        wrong_flagged += flags.wrong_flagged
    return {
        "files": scores.files,
        "title_right": scores.title_right,
        "title_total": scores.title_total,
        "date_right": scores.date_right,
        "dated_right": scores.dated_right,
        "dated_total": scores.dated_total,
        "false_dates": scores.false_dates,
        "undated_total": scores.undated_total,
        "countries_tp": scores.countries.tp,
        "countries_fp": scores.countries.fp,
        "countries_fn": scores.countries.fn,
        "main_right": scores.main_country_right,
        "main_total": scores.main_country_total,
        "actors_tp": scores.actors.tp,
        "actors_fp": scores.actors.fp,
        "actors_fn": scores.actors.fn,
        "type_right": scores.actor_type_right,
        "values": values,
        "flagged": flagged,
        "wrong": wrong,
        "wrong_flagged": wrong_flagged,
    }


def pool(summaries: Iterable[Mapping[str, int]]) -> dict[str, int]:
    """Several sets as one: every count added up (micro averages, so a set weighs by its size)."""
    out = dict.fromkeys(COUNTS, 0)
    for one in summaries:
        for key in COUNTS:
            out[key] += one[key]
    return out


def _ratio(right: int, total: int) -> str:
    return f"{right / total:.3f}" if total else "n/a"


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"{f1:.3f} ({p:.3f} / {r:.3f})"


def row(name: str, s: Mapping[str, int]) -> list[str]:
    """One set's cells, in the order of ``HEADER``."""
    caught = f"{s['wrong_flagged'] / s['wrong']:.0%}" if s["wrong"] else "n/a"
    share = f"{s['flagged'] / s['values']:.1%}" if s["values"] else "n/a"
    return [
        name,
        str(s["files"]),
        f"{_ratio(s['title_right'], s['title_total'])} ({s['title_right']}/{s['title_total']})",
        f"{_ratio(s['date_right'], s['files'])} ({s['dated_right']}/{s['dated_total']},"
        f" {s['false_dates']} of {s['undated_total']})",
        _prf(s["countries_tp"], s["countries_fp"], s["countries_fn"]),
        f"{_ratio(s['main_right'], s['main_total'])} ({s['main_right']}/{s['main_total']})",
        _prf(s["actors_tp"], s["actors_fp"], s["actors_fn"]),
        _ratio(s["type_right"], s["actors_tp"]),
        f"{caught} at {share}",
    ]


def table(rows: list[list[str]]) -> str:
    """A Markdown table (pastes into a report or the README), columns padded to line up."""
    lines = [list(HEADER), *rows]
    widths = [max(len(cells[i]) for cells in lines) for i in range(len(HEADER))]

    def fmt(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join(
        [fmt(lines[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(fmt, lines[1:])]
    )


def choose_sets(overrides: list[str], only: str | None) -> list[LabelledSet]:
    """The default sets with ``NAME=GOLD`` overrides applied (a new name adds a real-page set),
    narrowed to the comma-separated names of ``only``."""
    sets = {s.name: s for s in DEFAULT_SETS}
    for item in overrides:
        name, sep, gold = item.partition("=")
        if not sep or not name or not gold:
            raise SystemExit(f"--set {item!r}: expected NAME=GOLD_FILE")
        known = sets.get(name)
        sets[name] = (
            LabelledSet(name, gold, known.articles, known.keep, known.real)
            if known
            else LabelledSet(name, gold)
        )
    if only:
        wanted = [n.strip() for n in only.split(",") if n.strip()]
        unknown = [n for n in wanted if n not in sets]
        if unknown:
            raise SystemExit(f"--only: no set named {', '.join(unknown)} (known: {', '.join(sets)})")
        return [sets[n] for n in wanted]
    return list(sets.values())


def score_sets(sets: list[LabelledSet], root: Path) -> dict[str, dict[str, int] | str]:
    """Set name -> its counts, or the reason it was skipped; scored by ``Project.evaluate``."""
    import yaml

    from hemeroteca.project import Project

    project = Project.at(root)
    out: dict[str, dict[str, int] | str] = {}
    for labelled in sets:
        gold = (REPO / labelled.gold).resolve()
        if not gold.is_file():
            out[labelled.name] = f"skipped: {labelled.gold} is absent"
            continue
        articles = (REPO / labelled.articles) if labelled.articles else gold.parent / "articles"
        if labelled.keep is None:
            scores = project.evaluate(gold, articles=articles)
        else:
            entries = yaml.safe_load(gold.read_text(encoding="utf-8"))
            kept = [e for e in entries if labelled.keep(str(e["file"]))]
            with tempfile.TemporaryDirectory(prefix="cross-batch-") as tmp:
                part = Path(tmp) / "gold.yaml"
                part.write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
                scores = project.evaluate(part, articles=articles)
        out[labelled.name] = summary(scores)
    return out


def score_at(ref: str, names: list[str], overrides: list[str]) -> dict[str, dict[str, int] | str]:
    """The same sets scored with the code and data of commit ``ref``, in a child process."""
    arguments = ["--json", "--root", "{tree}", "--only", ",".join(names)]
    return run_at(ref, __file__, arguments + [f"--set={item}" for item in overrides])


def rows_of(
    results: Mapping[str, dict[str, int] | str], sets: list[LabelledSet], suffix: str = ""
) -> list[list[str]]:
    """A row per scored set, then the pooled row of the real-page sets scored."""
    out = [row(s.name + suffix, results[s.name]) for s in sets if isinstance(results[s.name], dict)]
    real = [results[s.name] for s in sets if s.real and isinstance(results[s.name], dict)]
    if len(real) > 1:
        out.append(row(f"pooled real pages ({len(real)} sets){suffix}", pool(real)))  # type: ignore[arg-type]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", action="append", default=[], metavar="NAME=GOLD")
    parser.add_argument("--only", help="comma-separated set names (default: every set)")
    parser.add_argument("--root", type=Path, default=REPO, help="project root (for the authority files)")
    parser.add_argument("--ref", help="also score with the code of this commit, its row above each set's")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON (for --ref's child)")
    args = parser.parse_args(argv)
    sets = choose_sets(args.sets, args.only)
    results = score_sets(sets, args.root)
    if args.json:
        print(json.dumps(results, sort_keys=True))
        return 0
    for s in sets:
        if isinstance(results[s.name], str):
            print(f"{s.name}: {results[s.name]}")
    if args.ref:
        present = [s for s in sets if isinstance(results[s.name], dict)]
        before = score_at(args.ref, [s.name for s in present], args.sets)
        old, new = rows_of(before, present, f" @{args.ref}"), rows_of(results, present)
        print(table([cells for pair in zip(old, new, strict=True) for cells in pair]))
    elif any(isinstance(r, dict) for r in results.values()):
        print(table(rows_of(results, sets)))
    else:
        print("no labelled set found: nothing scored")
    return 0


if __name__ == "__main__":
    sys.exit(main())
