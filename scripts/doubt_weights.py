"""Set the doubt weights and threshold by leave-one-batch-out, and print how they hold.

The hand-set weights of ``data/doubts.yaml`` were read off the sets they were set on; on the
next batch the flags went over budget. This script measures instead of guessing: every labelled
set is scored once (``evaluate``'s weighed values: each proposed value, the codes of its doubts,
whether the gold says it is wrong); then, for each set in turn, the weights are fitted on all the
*other* sets and the threshold chosen there, and the left-out set is scored with them. Those
left-out figures are what the weights will do on a batch nobody has seen. Last, the weights are
fitted on every set and printed in the units of ``data/doubts.yaml`` (threshold = ``flag_at``),
ready to copy there.

The fit is a logistic regression of "the value is wrong" on which reasons it carries (one
intercept per field, since fields differ in how often they are wrong), pulled toward the current
weights by an L2 penalty: a reason seen on few values keeps about its hand weight, one seen on
hundreds gets what those values say. Weights stay at or above zero: a reason to doubt never
vouches for a value. The threshold is the highest weight that still flags ``--catch`` of the
training sets' wrong values: fewer flags for the same catch.

The sets are ``scripts/cross_batch.py``'s real-page sets (dev, dev2's odd half, dev3-dev6; an
absent one is skipped): development sets only, never a held-back batch (scoring it here would read
it), and not the seeds or ``eval/heldout`` (written for the project and fixed against, they would
teach what real pages do not do). Pure Python, deterministic, a few seconds per set.

    .venv/bin/python scripts/doubt_weights.py [--only dev,dev5,dev6] [--catch 0.78] [--penalty 3]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cross_batch  # noqa: E402  (the labelled sets, defined once)

REPO = cross_batch.REPO


@dataclass(frozen=True)
class Value:
    """One proposed value as the fit sees it: its field, its reasons, whether it is wrong."""

    field: str
    codes: frozenset[str]
    wrong: bool


@dataclass(frozen=True)
class Rates:
    """Wrong values flagged, wrong values, values flagged, values."""

    caught: int
    wrong: int
    flagged: int
    values: int

    @property
    def caught_share(self) -> float:
        return self.caught / self.wrong if self.wrong else 1.0

    @property
    def flagged_share(self) -> float:
        return self.flagged / self.values if self.values else 0.0

    def __add__(self, other: Rates) -> Rates:
        return Rates(*(a + b for a, b in zip(self.astuple(), other.astuple(), strict=True)))

    def astuple(self) -> tuple[int, int, int, int]:
        return self.caught, self.wrong, self.flagged, self.values

    def line(self) -> str:
        return (
            f"wrong values flagged {self.caught}/{self.wrong} = {self.caught_share:.2f},"
            f" values flagged {self.flagged}/{self.values} = {self.flagged_share:.3f}"
        )


def score(value: Value, weights: Mapping[str, float]) -> float:
    """A value's weight of doubt: its reasons' weights added up, as ``doubts.weakness`` does."""
    return sum(weights.get(code, 0.0) for code in value.codes)


def rates(values: Iterable[Value], weights: Mapping[str, float], at: float) -> Rates:
    caught = wrong = flagged = n = 0
    for value in values:
        hit = score(value, weights) >= at - 1e-9
        n += 1
        flagged += hit
        wrong += value.wrong
        caught += hit and value.wrong
    return Rates(caught, wrong, flagged, n)


def fit(
    values: Sequence[Value], prior: Mapping[str, float], *, penalty: float = 3.0, rounds: int = 4000
) -> dict[str, float]:
    """Weights of the reasons, in log-odds of "wrong", pulled toward ``prior`` by ``penalty``.

    Plain batch gradient descent (the problem is small and convex) over the distinct patterns of
    reasons, each counted once with how many values share it: the same answer every run.
    """
    patterns: dict[tuple[str, frozenset[str]], list[int]] = {}
    for value in values:
        counts = patterns.setdefault((value.field, value.codes), [0, 0])
        counts[0] += 1
        counts[1] += value.wrong
    codes = sorted({code for _, carried in patterns for code in carried} | set(prior))
    weights = {code: float(prior.get(code, 0.0)) for code in codes}
    fields = sorted({name for name, _ in patterns})
    base = dict.fromkeys(fields, -3.0)
    n = len(values) or 1
    step = 2.5
    for _ in range(rounds):
        grad = {code: penalty * (weights[code] - prior.get(code, 0.0)) / n for code in codes}
        grad_base = dict.fromkeys(fields, 0.0)
        for (name, carried), (count, wrong) in patterns.items():
            z = max(-30.0, min(30.0, base[name] + sum(weights[code] for code in carried)))
            error = (count / (1.0 + math.exp(-z)) - wrong) / n
            grad_base[name] += error
            for code in carried:
                grad[code] += error
        for code in codes:
            weights[code] = max(0.0, weights[code] - step * grad[code])
        for name in fields:
            base[name] -= step * grad_base[name]
    return weights


def threshold(sets: Iterable[Sequence[Value]], weights: Mapping[str, float], catch: float) -> float:
    """The highest weight at which the pooled ``sets`` still have ``catch`` of their wrong values
    flagged (the fewest flags for that catch)."""
    values = [value for values in sets for value in values]
    levels = sorted({round(score(value, weights), 9) for value in values if score(value, weights) > 0})
    for at in reversed(levels):
        if rates(values, weights, at).caught_share >= catch:
            return at
    return levels[0] if levels else math.inf


def rescale(weights: Mapping[str, float], at: float, flag_at: float, step: float = 0.05) -> dict[str, float]:
    """Weights in the units of ``data/doubts.yaml``: the threshold becomes ``flag_at``, each weight
    rounded to ``step`` (a data file people read; fine enough that no sum crosses the threshold)."""
    return {code: round(round(w * flag_at / at / step) * step, 2) for code, w in weights.items()}


def shipped(
    train: Sequence[Sequence[Value]],
    prior: Mapping[str, float],
    *,
    catch: float,
    penalty: float,
    flag_at: float,
) -> dict[str, float]:
    """Weights fitted on ``train``, their threshold chosen there, in the units they are shipped in."""
    values = [value for values in train for value in values]
    weights = fit(values, prior, penalty=penalty)
    scaled = rescale(weights, threshold(train, weights, catch), flag_at)
    # a reason no training value carries keeps its hand weight: nothing measured it
    seen = {code for value in values for code in value.codes}
    return {code: scaled[code] if code in seen else prior[code] for code in scaled}


def leave_one_out(
    sets: Mapping[str, Sequence[Value]],
    prior: Mapping[str, float],
    *,
    catch: float,
    penalty: float,
    flag_at: float,
) -> dict[str, Rates]:
    """For each set: its figures with the weights and threshold fitted on all the other sets."""
    out = {}
    for name, left_out in sets.items():
        train = [values for other, values in sets.items() if other != name]
        weights = shipped(train, prior, catch=catch, penalty=penalty, flag_at=flag_at)
        out[name] = rates(left_out, weights, flag_at)
    return out


def weighed(labelled: Any, root: Path) -> list[Value] | None:
    """Every proposed value of one labelled set (a ``cross_batch.LabelledSet``: its pages, its half
    of dev2), scored by ``evaluate``; None when its gold file is absent."""
    import yaml

    from hemeroteca.project import Project

    gold = (REPO / labelled.gold).resolve()
    if not gold.is_file():
        return None
    articles = (REPO / labelled.articles) if labelled.articles else gold.parent / "articles"
    entries = yaml.safe_load(gold.read_text(encoding="utf-8"))
    kept = [e for e in entries if labelled.keep is None or labelled.keep(str(e["file"]))]
    with tempfile.TemporaryDirectory(prefix="doubt-weights-") as tmp:
        part = Path(tmp) / "gold.yaml"
        part.write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
        scores = Project.at(root).evaluate(part, articles=articles)
    return [Value(v.field, frozenset(v.codes), v.wrong) for v in scores.weighed]


def main() -> None:
    from hemeroteca.doubts import doubt_table, flag_at

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated set names (default: every real-page set)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=GOLD", help="as cross_batch.py")
    parser.add_argument("--catch", type=float, default=0.78, help="share of wrong values to flag in training")
    parser.add_argument("--penalty", type=float, default=3.0, help="pull toward the current weights")
    parser.add_argument("--root", type=Path, default=REPO)
    args = parser.parse_args()

    prior = {code: float(e["weight"]) for code, e in doubt_table().items() if e["kind"] == "doubt"}
    sets: dict[str, list[Value]] = {}
    for labelled in cross_batch.choose_sets(args.set, args.only):
        if not labelled.real:
            continue  # written for the project, then fixed against: not a batch of unseen pages
        values = weighed(labelled, args.root)
        if values is None:
            print(f"{labelled.name}: skipped, {labelled.gold} is absent")
        else:
            sets[labelled.name] = values

    print(f"current weights, flagged at {flag_at():g}:")
    for name, values in sets.items():
        print(f"  {name}: {rates(values, prior, flag_at()).line()}")
    print(f"leave one batch out (fitted on the others, threshold catching {args.catch:.0%} there):")
    pooled = Rates(0, 0, 0, 0)
    options = {"catch": args.catch, "penalty": args.penalty, "flag_at": flag_at()}
    for name, result in leave_one_out(sets, prior, **options).items():
        pooled += result
        print(f"  {name}: {result.line()}")
    print(f"  all left-out sets: {pooled.line()}")
    everything = [v for values in sets.values() for v in values]
    scaled = shipped(list(sets.values()), prior, **options)
    print(f"fitted on every set, in doubts.yaml's units (flagged at {flag_at():g}):")
    for name, values in sets.items():
        print(f"  {name}: {rates(values, scaled, flag_at()).line()}")
    carried = {code for value in everything for code in value.codes}
    for code in sorted(carried, key=lambda c: (-scaled[c], c)):
        n = sum(code in v.codes for v in everything)
        wrong = sum(code in v.codes and v.wrong for v in everything)
        print(f"  {code}: {scaled[code]:g} (now {prior.get(code, 0):g}; {n} values, {wrong} wrong)")


if __name__ == "__main__":
    main()
