"""Reasons to doubt a proposed value: a short code per reason, its words kept as data.

Every extractor knows when it chose by a weak rule (a headline picked among
look-alikes, one of two competing dates, a main country by a small margin).
It says so with a ``Doubt``: the field, a code from ``data/doubts.yaml``, the
item of a list field it concerns, and what it saw. The record keeps the
reviewer's sentence with the code at its end, so both a person and a script
(``review --list``, ``evaluate``) can read it back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from hemeroteca.resources import load_data

# "<field>: <message> [<code>]", the form a doubt takes in a record's ``uncertain`` list.
_NOTE = re.compile(r"^(?P<field>[a-z_]+):.*?(?:\s\[(?P<code>[a-z0-9-]+)\])?$", re.DOTALL)


@cache
def doubt_table() -> dict[str, dict[str, Any]]:
    """code -> {field, value, message, kind, weight}; read once."""
    data = load_data("doubts.yaml")
    at = flag_at()
    return {
        code: {"kind": "doubt", "value": entry["field"], "weight": at, **entry}
        for code, entry in data["reasons"].items()
    }


@cache
def flag_at() -> float:
    """The weight of doubts at which a value is flagged (``flag_at`` in data/doubts.yaml)."""
    return float(load_data("doubts.yaml")["flag_at"])


@cache
def flag_target() -> tuple[float, float]:
    """(share of wrong values to flag at least, share of all values to flag at most): ``target``."""
    target = load_data("doubts.yaml")["target"]
    return float(target["caught"]), float(target["flagged"])


@dataclass(frozen=True)
class Doubt:
    """One reason to doubt one field (or one item of a list field) of the proposed metadata."""

    code: str
    item: str | None = None
    detail: str = ""

    def __post_init__(self) -> None:
        if self.code not in doubt_table():
            raise KeyError(f"unknown doubt code {self.code!r}: add it to data/doubts.yaml")

    @property
    def field(self) -> str:
        return doubt_table()[self.code]["field"]

    @property
    def counts(self) -> bool:
        """A doubt puts the value in question; a note only tells the reviewer something to do."""
        return doubt_table()[self.code]["kind"] == "doubt"

    @property
    def weight(self) -> float:
        """How much this reason weakens its value; weights of one value add up."""
        return float(doubt_table()[self.code]["weight"])

    @property
    def value(self) -> tuple[str, str | None]:
        """The value it questions: (field, or "main country"; the item, None for a whole field)."""
        return doubt_table()[self.code]["value"], self.item

    @property
    def message(self) -> str:
        return doubt_table()[self.code]["message"].format(item=self.item or "", detail=self.detail)

    def note(self) -> str:
        """The reviewer's line, as the record stores it."""
        return f"{self.field}: {self.message} [{self.code}]"

    def as_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "value": self.value[0],
            "code": self.code,
            "item": self.item,
            "counts": self.counts,
            "weight": self.weight,
        }


def weakness(doubts: Iterable[Doubt]) -> dict[tuple[str, str | None], float]:
    """The weights of the doubts (not the notes) on each value, added up."""
    out: dict[tuple[str, str | None], float] = {}
    for doubt in doubts:
        if doubt.counts:
            out[doubt.value] = out.get(doubt.value, 0.0) + doubt.weight
    return out


def shown(doubts: Iterable[Doubt], at: float | None = None) -> list[Doubt]:
    """The doubts a reviewer sees: those of a value whose weights reach ``at`` (``flag_at`` by
    default), and every note. A lone weak reason is kept as evidence, not shown."""
    doubts = list(doubts)
    at = flag_at() if at is None else at
    weights = weakness(doubts)

    def weight(value: tuple[str, str | None]) -> float:
        """A value's own weights and its whole field's (a doubt without an item covers every item)."""
        whole = weights.get((value[0], None), 0.0) if value[1] is not None else 0.0
        return weights[value] + whole

    flagged = {value for value in weights if weight(value) >= at}
    # a doubt without an item is shown when it, or an item of its field with it, reaches ``at``
    fields = {field for field, _ in flagged}
    return [
        d for d in doubts if not d.counts or d.value in flagged or (d.item is None and d.value[0] in fields)
    ]


def note_field_and_code(note: str) -> tuple[str | None, str | None]:
    """(field, code) of a stored note; older notes have no code, free-text ones no field."""
    match = _NOTE.match(note)
    return (match["field"], match["code"]) if match else (None, None)


def summarise(notes: list[Any]) -> str:
    """One short phrase for a record's ``uncertain`` list: 'doubts: date [competing-dates]; 3 notes'.

    Doubts name their field and code, so a reviewer scanning a list of records sees which to open;
    notes (things to curate) and free text a person wrote are only counted.
    """
    doubts: list[str] = []
    others = 0
    for note in notes:
        field, code = note_field_and_code(str(note))
        entry = doubt_table().get(code or "")
        if entry is not None and entry["kind"] == "doubt":
            doubts.append(f"{field} [{code}]")
        else:
            others += 1
    parts = [f"doubts: {', '.join(doubts)}"] if doubts else []
    if others:
        parts.append(f"{others} note{'s' if others > 1 else ''}")
    return "; ".join(parts)
