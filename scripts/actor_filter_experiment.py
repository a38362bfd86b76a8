"""Could a learned last look at each proposed actor beat the rules on batches it never saw?

Rules written from one batch of pages fit that batch and miss the next. The experiment: for every
actor the rules propose, take the evidence the extractor already has about it — its type, the rules
that found it (its evidence), the reasons to doubt it (``actor_doubts``), whether it has an alias,
whether the headline names it, how often and how early the text names it, how many words its name
has — and fit one weight per piece of evidence (a logistic regression with an L2 penalty, by
Newton's method in plain Python: no numerical library) to tell the actors the gold lists from the
others. An actor would then be dropped when its estimated chance of being right falls below a
threshold chosen, like the weights, on the training sets (the one giving their best actors F1).

Leave one batch out: for each labelled set (those of ``scripts/cross_batch.py``: the seeds,
eval/heldout, dev, dev2's odd half, dev3-dev6; absent ones skipped), the weights and threshold are
fitted on all the other sets and the held-out set's actors are scored with them, against the rules
alone on the same pages (the pairing ``hemeroteca evaluate`` uses). Also printed: the ranking
quality (AUC) of the held-out estimates over the real pages, and the best figure any threshold
could reach on each held-out set (chosen on that set itself: an upper bound, not a result).

Development only: extraction does not use it (the result was negative: see the README). Only
aggregate figures are printed, never a page's output.

    .venv/bin/python scripts/actor_filter_experiment.py [--penalty 1.0] [--weights]
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
# A feature seen on fewer training examples than this gets no weight of its own.
MIN_COUNT = 3
# The thresholds tried when choosing one.
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 17))
# Doubts added after extraction (by ``add``'s checks against the authority file), not evidence of
# the text: the rule "authority file" already says whether the file knows the actor.
_NOT_EVIDENCE = frozenset({"not-in-authorities"})

Counts = tuple[int, int, int]


def _cross_batch() -> Any:
    spec = importlib.util.spec_from_file_location("cross_batch", REPO / "scripts" / "cross_batch.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["cross_batch"] = module
    spec.loader.exec_module(module)
    return module


def _rule(evidence: str) -> str:
    """A rule's kind, without the words it quotes ("coordinated with 'BBVA'": "coordinated with")."""
    return evidence.split(":", 1)[0].split("'", 1)[0].strip()


def _bucket(value: float, edges: Sequence[float], names: Sequence[str]) -> str:
    return next((n for e, n in zip(edges, names, strict=False) if value < e), names[-1])


def features(actor: dict[str, str], evidence: str, codes: Sequence[str], title: str, body: str) -> list[str]:
    """The evidence about one proposed actor, as the names of the binary features that hold for it."""
    forms = [f for f in (actor["name"], actor.get("alias")) if f]
    text = f"{title}\n{body}"
    out = [f"type:{actor['type']}"]
    out += sorted({f"rule:{_rule(e)}" for e in evidence.split("; ") if e})
    out += sorted({f"doubt:{c}" for c in codes if c not in _NOT_EVIDENCE})
    if actor.get("alias"):
        out.append("has-alias")
    if title and any(f in title for f in forms):
        out.append("in-headline")
    times = sum(text.count(f) for f in forms)
    out.append(_bucket(times, (2, 3), ("named:1", "named:2", "named:3+")))
    firsts = [at for at in (text.find(f) for f in forms) if at >= 0]
    first = min(firsts) / max(len(text), 1) if firsts else 1.0
    out.append(_bucket(first, (0.2, 0.6), ("first:opening", "first:middle", "first:late")))
    length = len(actor["name"].split())
    out.append(_bucket(length, (2, 3, 5), ("words:1", "words:2", "words:3-4", "words:5+")))
    return out


@dataclass(frozen=True)
class Page:
    """One labelled page: the actors the rules propose, their features, and the gold actors."""

    set: str
    proposed: tuple[dict, ...]
    features: tuple[tuple[str, ...], ...]
    gold: tuple[dict, ...]


def dump(sets: Sequence[Any], root: Path) -> list[Page]:
    """Every set's pages with the actors the rules propose and their features."""
    from hemeroteca.catalogue.authorities import load_authorities
    from hemeroteca.catalogue.seedtext import extract_file
    from hemeroteca.project import Project

    authorities = load_authorities(Project.at(root).authorities_dir)
    pages = []
    for labelled in sets:
        gold_path = (REPO / labelled.gold).resolve()
        if not gold_path.is_file():
            print(f"{labelled.name}: skipped, {labelled.gold} is absent")
            continue
        folder = (REPO / labelled.articles) if labelled.articles else gold_path.parent / "articles"
        for entry in yaml.safe_load(gold_path.read_text(encoding="utf-8")):
            if labelled.keep is not None and not labelled.keep(str(entry["file"])):
                continue
            m = extract_file(folder / entry["file"], authorities)
            feats = tuple(
                tuple(
                    features(
                        a,
                        m.evidence["actors"].get(a["name"], ""),
                        [d.code for d in m.doubts if d.field == "actors" and d.item == a["name"]],
                        m.title,
                        m.body,
                    )
                )
                for a in m.actors
            )
            pages.append(Page(labelled.name, tuple(m.actors), feats, tuple(entry.get("actors") or [])))
    return pages


def labels(page: Page) -> list[int]:
    """1 for each proposed actor the gold lists (``evaluate``'s pairing), else 0."""
    from hemeroteca.evaluate import match_actors

    right = {i for i, _ in match_actors(list(page.proposed), list(page.gold))}
    return [int(i in right) for i in range(len(page.proposed))]


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a x = b, by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            factor = m[r][col] / m[col][col]
            if factor:
                for c in range(col, n + 1):
                    m[r][c] -= factor * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def fit(examples: Sequence[tuple[Sequence[str], int]], penalty: float) -> tuple[float, dict[str, float]]:
    """Bias and weights of an L2-penalised logistic regression over binary features (the bias is not
    penalised; a feature seen fewer than MIN_COUNT times gets no weight)."""
    counts = Counter(f for feats, _ in examples for f in set(feats))
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: k + 1 for k, f in enumerate(vocab)}
    rows = [([0, *sorted({index[f] for f in feats if f in index})], y) for feats, y in examples]
    n = len(vocab) + 1
    w = [0.0] * n
    for _ in range(50):
        grad = [penalty * w[k] if k else 0.0 for k in range(n)]
        hess = [[penalty if i == j and i else 0.0 for j in range(n)] for i in range(n)]
        hess[0][0] = 1e-6
        for active, y in rows:
            p = _sigmoid(sum(w[k] for k in active))
            g, h = p - y, max(p * (1.0 - p), 1e-9)
            for i in active:
                grad[i] += g
                row = hess[i]
                for j in active:
                    row[j] += h
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w[0], {f: w[index[f]] for f in vocab}


def probability(bias: float, weights: dict[str, float], feats: Sequence[str]) -> float:
    return _sigmoid(bias + sum(weights.get(f, 0.0) for f in feats))


def scored(pages: Sequence[Page], keep: Callable[[Sequence[str]], bool] | None = None) -> Counts:
    """(tp, fp, fn) of the actors over ``pages``, keeping only the actors ``keep`` accepts."""
    from hemeroteca.evaluate import match_actors

    tp = fp = fn = 0
    for page in pages:
        kept = [a for a, f in zip(page.proposed, page.features, strict=True) if keep is None or keep(f)]
        matched = len(match_actors(kept, list(page.gold)))
        tp, fp, fn = tp + matched, fp + len(kept) - matched, fn + len(page.gold) - matched
    return tp, fp, fn


def f1(counts: Counts) -> float:
    tp, fp, fn = counts
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def prf(counts: Counts) -> str:
    tp, fp, fn = counts
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{f1(counts):.3f} ({p:.3f} / {r:.3f})"


def kept_by(bias: float, weights: dict[str, float], threshold: float) -> Callable[[Sequence[str]], bool]:
    """The filter: does an actor with these features reach the threshold?"""
    return lambda feats: probability(bias, weights, feats) >= threshold


def best_threshold(pages: Sequence[Page], bias: float, weights: dict[str, float]) -> float:
    """The threshold giving the best actors F1 over ``pages`` (the lowest among equals)."""
    return max(
        THRESHOLDS, key=lambda t: (f1(scored(pages, lambda f: probability(bias, weights, f) >= t)), -t)
    )


def auc(pairs: Sequence[tuple[float, int]]) -> float:
    """The chance that a right actor is estimated above a wrong one (ties count half)."""
    right = [q for q, y in pairs if y]
    wrong = [q for q, y in pairs if not y]
    if not right or not wrong:
        return 1.0
    wins = sum((a > b) + 0.5 * (a == b) for a in right for b in wrong)
    return wins / (len(right) * len(wrong))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--penalty", type=float, default=1.0, help="L2 penalty (default 1.0)")
    parser.add_argument("--root", type=Path, default=REPO, help="project root (for the authority files)")
    parser.add_argument("--weights", action="store_true", help="also print the weights fitted on every set")
    args = parser.parse_args(argv)
    sets = list(_cross_batch().DEFAULT_SETS)
    real = {s.name for s in sets if s.real}
    pages = dump(sets, args.root)
    names = list(dict.fromkeys(p.set for p in pages))
    print(f"{sum(len(p.proposed) for p in pages)} proposed actors on {len(pages)} pages of {len(names)} sets")
    print(
        "| held out | rules: F1 (P / R) | learned, fitted on the others | threshold | best threshold's F1 |"
    )
    print("|---|---|---|---|---|")
    pooled_rules, pooled_learned, estimates = (0, 0, 0), (0, 0, 0), []
    for name in names:
        held = [p for p in pages if p.set == name]
        rest = [p for p in pages if p.set != name]
        examples = [(f, y) for page in rest for f, y in zip(page.features, labels(page), strict=True)]
        bias, weights = fit(examples, args.penalty)
        threshold = best_threshold(rest, bias, weights)
        rules = scored(held)
        learned = scored(held, kept_by(bias, weights, threshold))
        ceiling = scored(held, kept_by(bias, weights, best_threshold(held, bias, weights)))
        print(f"| {name} | {prf(rules)} | {prf(learned)} | {threshold:g} | {f1(ceiling):.3f} |")
        if name in real:
            pooled_rules = tuple(a + b for a, b in zip(pooled_rules, rules, strict=True))
            pooled_learned = tuple(a + b for a, b in zip(pooled_learned, learned, strict=True))
            estimates += [
                (probability(bias, weights, f), y)
                for page in held
                for f, y in zip(page.features, labels(page), strict=True)
            ]
    print(f"| pooled real pages | {prf(pooled_rules)} | {prf(pooled_learned)} | | |")
    wrong = sorted(q for q, y in estimates if not y)
    right = sorted(q for q, y in estimates if y)
    print(
        f"real pages, held-out estimates: {len(right)} right, {len(wrong)} wrong, AUC {auc(estimates):.3f};"
        f" below 0.5: {sum(q < 0.5 for q in wrong)} wrong, {sum(q < 0.5 for q in right)} right"
    )
    if args.weights:
        examples = [(f, y) for page in pages for f, y in zip(page.features, labels(page), strict=True)]
        bias, weights = fit(examples, args.penalty)
        print(f"weights fitted on every set: bias {bias:+.3f}")
        for feature, weight in sorted(weights.items(), key=lambda kv: (kv[1], kv[0])):
            print(f"  {weight:+.3f} {feature}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
