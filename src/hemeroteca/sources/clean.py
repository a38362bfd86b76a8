"""Boilerplate out: navigation, share buttons and cookie notices never reach extraction.

The patterns are data (``data/boilerplate.yaml``) so an archivist can add the
menu words of a new outlet without touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hemeroteca.resources import load_data

_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class Boilerplate:
    line_patterns: tuple[re.Pattern[str], ...]
    tail_patterns: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    data = load_data("boilerplate.yaml")
    return Boilerplate(
        line_patterns=tuple(re.compile(p, re.IGNORECASE) for p in data["lines"]),
        tail_patterns=tuple(re.compile(p, re.IGNORECASE) for p in data["tail_markers"]),
    )


def normalise_whitespace(text: str) -> str:
    """Collapse runs of spaces inside lines and runs of blank lines between paragraphs."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


def is_boilerplate(line: str) -> bool:
    return any(p.search(line) for p in boilerplate().line_patterns)


def clean_text(text: str) -> str:
    """Drop boilerplate lines and everything after a trailing 'related content' marker."""
    rules = boilerplate()
    kept: list[str] = []
    for line in normalise_whitespace(text).split("\n"):
        if line and any(p.search(line) for p in rules.tail_patterns) and len(kept) > 3:
            break
        if line and is_boilerplate(line):
            continue
        kept.append(line)
    return normalise_whitespace("\n".join(kept))


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]
