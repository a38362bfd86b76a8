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

from hemeroteca.doubts import doubt_table, flag_at, flag_target
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
class Flags:
    """How well the doubts point at the wrong values of one field."""

    values: int = 0
    flagged: int = 0
    wrong: int = 0
    wrong_flagged: int = 0

    def add(self, *, wrong: bool, flagged: bool) -> None:
        self.values += 1
        self.flagged += flagged
        self.wrong += wrong
        self.wrong_flagged += wrong and flagged

    def __iadd__(self, other: Flags) -> Flags:
        for key in ("values", "flagged", "wrong", "wrong_flagged"):
            setattr(self, key, getattr(self, key) + getattr(other, key))
        return self


@dataclass(frozen=True)
class Weighed:
    """One proposed value: its field, the weights of its doubts added up, their codes, and whether
    the gold says it is wrong."""

    field: str
    weight: float
    codes: frozenset[str]
    wrong: bool
    file: str = ""
    item: str | None = None


# The values doubts can point at: one per page for title, date, language and the main country,
# one per proposed item for countries and actors.
FLAG_FIELDS = ("title", "date", "language", "main country", "countries", "actors")


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
    weighed: list[Weighed] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def flags_at(self, at: float) -> dict[str, Flags]:
        """Per field, the values flagged when a value needs doubts weighing ``at`` to be flagged."""
        out = {f: Flags() for f in FLAG_FIELDS}
        for value in self.weighed:
            out[value.field].add(wrong=value.wrong, flagged=value.weight >= at)
        return out

    @property
    def flags(self) -> dict[str, Flags]:
        """The flags at the threshold of ``data/doubts.yaml``: what `add` and the record show."""
        return self.flags_at(flag_at())

    def curve(self) -> list[tuple[float, Flags]]:
        """Every threshold the weights allow, weakest first, with all fields' flags at it: the
        precision/recall curve of "flagged, so wrong" from which the budget is chosen."""
        out = []
        for at in sorted({v.weight for v in self.weighed if v.weight > 0}):
            total = Flags()
            for flags in self.flags_at(at).values():
                total += flags
            out.append((at, total))
        return out

    def curve_lines(self) -> list[str]:
        out = [f"doubt threshold curve (flag_at = {flag_at():g} in data/doubts.yaml):"]
        least, most = flag_target()
        for at, flags in self.curve():
            caught = flags.wrong_flagged / flags.wrong if flags.wrong else 1.0
            share = flags.flagged / flags.values if flags.values else 0.0
            precision = flags.wrong_flagged / flags.flagged if flags.flagged else 1.0
            meets = ", meets the target" if caught >= least and share <= most else ""
            out.append(
                f"  weight >= {at:g}: values flagged {share:.2f}, wrong values caught {caught:.2f}"
                f" ({flags.wrong_flagged}/{flags.wrong}), flagged values wrong {precision:.2f}{meets}"
            )
        return out

    def code_lines(self) -> list[str]:
        """Per reason: how many values carry it and how many of those are wrong (to set weights)."""
        seen: dict[str, list[int]] = {}
        for value in self.weighed:
            for code in value.codes:
                counts = seen.setdefault(code, [0, 0])
                counts[0] += 1
                counts[1] += value.wrong
        return ["doubt reasons (values carrying it, of which wrong):"] + [
            f"  {code}: {n}, {wrong} wrong" for code, (n, wrong) in sorted(seen.items())
        ]

    def flag_miss_lines(self) -> list[str]:
        """Each wrong value no flag caught and each right value flagged, with its reasons: what to
        read before changing a reason or a weight."""
        at = flag_at()
        out = ["doubt flags that missed (file, value, item, weight: reasons):"]
        for value in self.weighed:
            if value.wrong != (value.weight >= at):
                kind = "wrong, not flagged" if value.wrong else "right, flagged"
                item = f" {value.item}" if value.item else ""
                reasons = ", ".join(sorted(value.codes)) or "no reason"
                out.append(f"  {kind}: {value.file} {value.field}{item}, {value.weight:g}: {reasons}")
        return out

    def flag_lines(self) -> list[str]:
        """Recall of the doubts over wrong values, and the share of all values they flag."""
        total = Flags()
        for flags in self.flags.values():
            total += flags
        out = []
        for name, flags in [*self.flags.items(), ("all", total)]:
            caught = f"{flags.wrong_flagged}/{flags.wrong}" + (
                f" = {flags.wrong_flagged / flags.wrong:.2f}" if flags.wrong else ""
            )
            share = f"{flags.flagged}/{flags.values}" + (
                f" = {flags.flagged / flags.values:.2f}" if flags.values else ""
            )
            out.append(f"  {name}: wrong values flagged {caught}; values flagged {share}")
        return ["doubts (wrong values flagged / all values flagged):", *out, self.target_line(total)]

    @staticmethod
    def target_line(total: Flags) -> str:
        """Whether the flags meet ``target`` of data/doubts.yaml on this set."""
        least, most = flag_target()
        caught = total.wrong_flagged / total.wrong if total.wrong else 1.0
        share = total.flagged / total.values if total.values else 0.0
        verdict = "met" if caught >= least and share <= most else "missed"
        return (
            f"  target (>= {least:.0%} of wrong values flagged, <= {most:.0%} of values flagged): {verdict}"
            f" ({caught:.0%} at {share:.0%})"
        )

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
            *self.flag_lines(),
            *self.curve_lines(),
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
    score_flags(scores, gold, pred)
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


def _weights(pred: dict[str, Any]) -> dict[tuple[str, str | None], tuple[float, frozenset[str]]]:
    """(value, item) -> the weights of its doubts added up, and their codes (item None: the doubt is
    about the whole field). A doubt without a weight (an older prediction) weighs what its code does."""
    out: dict[tuple[str, str | None], tuple[float, frozenset[str]]] = {}
    table = doubt_table()
    for doubt in pred.get("doubts") or []:
        if not doubt.get("counts", True):
            continue
        entry = table.get(doubt.get("code", ""), {})
        weight = doubt.get("weight", entry.get("weight", flag_at()))
        key = (doubt.get("value") or entry.get("value") or doubt["field"], doubt.get("item"))
        before, codes = out.get(key, (0.0, frozenset()))
        out[key] = (before + float(weight), codes | {doubt.get("code", "")})
    return out


def score_flags(scores: Scores, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    """Weigh each proposed value's doubts and note whether the value is wrong.

    A doubt without an item covers its whole field; one naming an item (a country code, an
    actor's name) covers that item. The main country is its own value: a doubt about which country
    is the main one ("main country") does not question that a country belongs in the list.
    """
    weights = _weights(pred)
    none: tuple[float, frozenset[str]] = (0.0, frozenset())

    def add(name: str, wrong: bool, *keys: tuple[str, str | None]) -> None:
        """One value, weighed by the doubts on each of ``keys`` (its own, its whole field's)."""
        found = [weights.get(key, none) for key in dict.fromkeys(keys)]
        weight, codes = sum(w for w, _ in found), frozenset().union(*(c for _, c in found))
        scores.weighed.append(Weighed(name, weight, codes, wrong, gold["file"], keys[0][1]))

    if gold.get("title") is not None:
        add("title", normalise(pred.get("title")) != normalise(gold["title"]), ("title", None))
    gold_date = None if gold.get("date") is None else str(gold["date"])
    add("date", pred.get("date") != gold_date, ("date", None))
    add("language", pred.get("language") != gold.get("language"), ("language", None))
    g_countries, p_countries = list(gold.get("countries") or []), list(pred.get("countries") or [])
    if g_countries or p_countries:
        main = p_countries[0] if p_countries else None
        wrong = main != (g_countries[0] if g_countries else None)
        # doubted by doubts on which country is main, and by those on the country itself
        add("main country", wrong, ("main country", main), ("countries", main), ("countries", None))
    for code in p_countries:
        add("countries", code not in g_countries, ("countries", code), ("countries", None))
    p_actors, g_actors = list(pred.get("actors") or []), list(gold.get("actors") or [])
    right = {
        i for i, j in match_actors(p_actors, g_actors) if p_actors[i].get("type") == g_actors[j].get("type")
    }
    for i, actor in enumerate(p_actors):
        add("actors", i not in right, ("actors", actor.get("name")), ("actors", None))


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
    scores: Scores | None = None,
) -> Scores:
    """Run ``extract`` (path -> ``extract --json`` object with its doubts) on every gold file and
    score it, adding to ``scores`` when given (several gold files scored as one set)."""
    scores = scores or Scores()
    for entry in load_gold(gold_path):
        path = articles_dir / entry["file"]
        try:
            pred = extract(path)
        except (OSError, HemerotecaError) as exc:
            scores.misses.append(f"{entry['file']}: no prediction ({exc})")
            pred = None
        score_one(scores, entry, pred)
    return scores
