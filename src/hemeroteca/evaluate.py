"""Score extraction against a hand-labelled gold file.

The rules follow the project's evaluation notes: strings are normalised
(NFKD, accents stripped, casefolded, punctuation runs collapsed); countries
and actors are scored as micro precision/recall/F1; actors are matched one to
one, strongest pairs first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz.fuzz import token_sort_ratio

from hemeroteca.errors import HemerotecaError

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str | None) -> str:
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _PUNCT.sub(" ", stripped).strip()


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    files: int = 0
    title_right: int = 0
    title_total: int = 0
    date_right: int = 0
    dated_right: int = 0
    dated_total: int = 0
    false_dates: int = 0
    undated_total: int = 0
    language_right: int = 0
    countries: PRF = field(default_factory=PRF)
    main_country_right: int = 0
    main_country_total: int = 0
    actors: PRF = field(default_factory=PRF)
    actor_type_right: int = 0
    misses: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        def pct(a: int, b: int) -> str:
            return f"{a / b:.3f} ({a}/{b})" if b else "n/a"

        return [
            f"files: {self.files}",
            f"title: {pct(self.title_right, self.title_total)}",
            f"date exact: {pct(self.date_right, self.files)}"
            f"  dated: {pct(self.dated_right, self.dated_total)}"
            f"  false dates: {pct(self.false_dates, self.undated_total)}",
            f"language: {pct(self.language_right, self.files)}",
            f"countries: P={self.countries.precision:.3f} R={self.countries.recall:.3f}"
            f" F1={self.countries.f1:.3f}  main: {pct(self.main_country_right, self.main_country_total)}",
            f"actors: P={self.actors.precision:.3f} R={self.actors.recall:.3f} F1={self.actors.f1:.3f}"
            f"  type: {pct(self.actor_type_right, self.actors.tp)}",
        ]


def _actor_names(actor: dict[str, Any]) -> set[str]:
    return {normalise(actor.get(k)) for k in ("name", "alias") if actor.get(k)} - {""}


def _contains_words(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= 2 and f" {short} " in f" {long_} "


def actor_similarity(pred: dict[str, Any], gold: dict[str, Any]) -> float:
    """0 when the pair cannot match; otherwise a strength used to match strongest pairs first."""
    p_names, g_names = _actor_names(pred), _actor_names(gold)
    if p_names & g_names:
        return 101.0
    p_name, g_name = normalise(pred.get("name")), normalise(gold.get("name"))
    if any(_contains_words(a, b) for a in p_names for b in g_names):
        return 95.0
    ratio = token_sort_ratio(p_name, g_name)
    return ratio if ratio >= 90 else 0.0


def match_actors(pred: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    pairs = sorted(
        ((actor_similarity(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_p, used_g, matched = set(), set(), []
    for strength, i, j in pairs:
        if strength <= 0 or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matched.append((i, j))
    return matched


def score_one(scores: Scores, gold: dict[str, Any], pred: dict[str, Any] | None) -> None:
    pred = pred or {}
    name = gold["file"]
    scores.files += 1
    if gold.get("title") is not None:
        scores.title_total += 1
        if normalise(pred.get("title")) == normalise(gold["title"]):
            scores.title_right += 1
        else:
            scores.misses.append(f"{name}: title {pred.get('title')!r} != {gold['title']!r}")
    gold_date = None if gold.get("date") is None else str(gold["date"])
    pred_date = pred.get("date")
    if pred_date == gold_date and pred:
        scores.date_right += 1
    else:
        scores.misses.append(f"{name}: date {pred_date!r} != {gold_date!r}")
    if gold_date is None:
        scores.undated_total += 1
        scores.false_dates += pred_date is not None
    else:
        scores.dated_total += 1
        scores.dated_right += pred_date == gold_date
    if pred.get("language") == gold.get("language"):
        scores.language_right += 1
    else:
        scores.misses.append(f"{name}: language {pred.get('language')!r} != {gold.get('language')!r}")
    g_countries, p_countries = list(gold.get("countries") or []), list(pred.get("countries") or [])
    scores.countries.tp += len(set(g_countries) & set(p_countries))
    scores.countries.fp += len(set(p_countries) - set(g_countries))
    scores.countries.fn += len(set(g_countries) - set(p_countries))
    if g_countries:
        scores.main_country_total += 1
        scores.main_country_right += bool(p_countries) and p_countries[0] == g_countries[0]
    if set(g_countries) != set(p_countries):
        scores.misses.append(f"{name}: countries {p_countries} != {g_countries}")
    g_actors, p_actors = list(gold.get("actors") or []), list(pred.get("actors") or [])
    matched = match_actors(p_actors, g_actors)
    scores.actors.tp += len(matched)
    scores.actors.fp += len(p_actors) - len(matched)
    scores.actors.fn += len(g_actors) - len(matched)
    scores.actor_type_right += sum(p_actors[i].get("type") == g_actors[j].get("type") for i, j in matched)
    missed = [g_actors[j]["name"] for j in range(len(g_actors)) if j not in {m[1] for m in matched}]
    extra = [p_actors[i]["name"] for i in range(len(p_actors)) if i not in {m[0] for m in matched}]
    if missed or extra:
        scores.misses.append(f"{name}: actors missed {missed} extra {extra}")


def load_gold(path: Path) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise HemerotecaError(path, f"cannot read gold file: {exc}") from exc
    if not isinstance(data, list):
        raise HemerotecaError(path, "gold file must be a list of entries with a 'file' key")
    for entry in data:
        if entry.get("date") is not None:
            entry["date"] = str(entry["date"])
    return data


def evaluate(
    gold_path: Path,
    articles_dir: Path,
    extract: Callable[[Path], dict[str, Any]],
) -> Scores:
    """Run ``extract`` (path -> ``extract --json`` object) on every gold file and score it."""
    scores = Scores()
    for entry in load_gold(gold_path):
        path = articles_dir / entry["file"]
        try:
            pred = extract(path)
        except (OSError, HemerotecaError) as exc:
            scores.misses.append(f"{entry['file']}: no prediction ({exc})")
            pred = None
        score_one(scores, entry, pred)
    return scores
