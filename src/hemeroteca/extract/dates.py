"""The publication date the text states, at the precision it states it.

Only dates near the top of the article count: dates further down are events,
deadlines or related items, and a wrong date is worse than none.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache

from hemeroteca.resources import load_data


@dataclass(frozen=True)
class Found:
    value: str
    evidence: str


@cache
def _months() -> dict[str, int]:
    table: dict[str, int] = {}
    for number, names in load_data("months.yaml").items():
        for name in names:
            table[name.lower()] = int(number)
    return table


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    month = "|".join(sorted(map(re.escape, _months()), key=len, reverse=True))
    return [
        # 28 de septiembre de 2015 / 28 September 2015 / 28 de setembro de 2015
        (
            re.compile(
                rf"\b(?P<d>\d{{1,2}})(?:º|°)?\s+(?:de\s+)?(?P<m>{month})\.?,?\s+(?:de\s+|del\s+)?(?P<y>(?:19|20)\d\d)\b",
                re.I,
            ),
            "dmy",
        ),
        # April 28, 2021 / APRIL 28 2021
        (
            re.compile(
                rf"\b(?P<m>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I
            ),
            "mdy",
        ),
        # 2021-04-28
        (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"), "iso"),
        # 14/06/2012 (day first in Latin America; month first only when the day cannot be a month)
        (re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)\b"), "slash"),
        # January 2020 / enero de 2020
        (re.compile(rf"\b(?P<m>{month})\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)\b", re.I), "my"),
    ]


def _valid(year: int, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def _to_value(match: re.Match[str], kind: str) -> str | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if kind == "slash":
        a, b = int(groups["a"]), int(groups["b"])
        day, month = (a, b) if a > 12 or b <= 12 else (b, a)
    elif kind == "iso":
        day, month = int(groups["d"]), int(groups["m"])
    else:
        month = _months()[groups["m"].lower()]
        day = int(groups["d"]) if groups.get("d") else None
    if not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def find_date(text: str, *, head_chars: int = 600) -> Found | None:
    """The earliest well-formed date in the head of the text, or None."""
    head = text[:head_chars]
    best: tuple[int, str, str] | None = None
    for pattern, kind in _patterns():
        for match in pattern.finditer(head):
            value = _to_value(match, kind)
            if value and (best is None or match.start() < best[0]):
                best = (match.start(), value, match.group(0))
            break
    if best is None:
        return None
    return Found(best[1], f"'{best[2].strip()}' at character {best[0]}")
