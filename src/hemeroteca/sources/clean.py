"""Boilerplate out: navigation, share buttons and cookie notices never reach extraction.

The patterns are data (``data/boilerplate.yaml``) so an archivist can add the
menu words of a new outlet without touching code. Lines are judged one by one,
except two kinds of block: teasers of other stories ("... Leia mais.") go with
the headline line above them, and a "related content" or comments marker ends
the article, but only once its prose has begun (menus at the top often carry
the same words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hemeroteca.resources import load_data

_SPACES = re.compile(r"[ \t\u00a0\u200b]+")
# A paragraph of this many words is article prose, not a menu or a headline.
PROSE_WORDS = 25


@dataclass(frozen=True)
class Boilerplate:
    line_patterns: tuple[re.Pattern[str], ...]
    tail_patterns: tuple[re.Pattern[str], ...]
    teaser_patterns: tuple[re.Pattern[str], ...]
    credit_patterns: tuple[re.Pattern[str], ...]
    site_suffix: re.Pattern[str]


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    data = load_data("boilerplate.yaml")

    def compile_all(key: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, flags) for p in data.get(key, []))

    return Boilerplate(
        line_patterns=compile_all("lines"),
        tail_patterns=compile_all("tail_markers"),
        teaser_patterns=compile_all("teaser_endings"),
        credit_patterns=compile_all("credit_lines", 0),
        site_suffix=re.compile(data["site_suffix"], re.IGNORECASE),
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


def is_credit(line: str) -> bool:
    """A byline or credit line: kept for its date, never a title or an actor."""
    return any(p.search(line) for p in boilerplate().credit_patterns)


def is_prose(line: str) -> bool:
    return len(line.split()) >= PROSE_WORDS


def strip_site_suffix(line: str) -> str:
    """'Headline - Outlet.com : slogan' -> 'Headline'."""
    return boilerplate().site_suffix.sub("", line).strip()


def clean_text(text: str) -> str:
    """Drop boilerplate lines, teaser blocks, and everything after a trailing 'related content' marker."""
    rules = boilerplate()
    kept: list[str] = []
    prose_seen = False
    for line in normalise_whitespace(text).split("\n"):
        if line and prose_seen and any(p.search(line) for p in rules.tail_patterns):
            break
        if line and any(p.search(line) for p in rules.teaser_patterns):
            while kept and not kept[-1]:
                kept.pop()
            if kept and not is_prose(kept[-1]):
                kept.pop()
            continue
        if line and is_boilerplate(line):
            continue
        prose_seen = prose_seen or is_prose(line)
        kept.append(line)
    return normalise_whitespace("\n".join(kept))


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]
