"""Find the headline: the first line that reads like a headline, not a menu or a dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hemeroteca.sources.clean import paragraphs

_DATELINE = re.compile(
    r"^[\W\d]*(?:\w+,\s*)?(?:[A-Za-z]+\s+\d{1,2},?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})"
)
_LEADING_DATE = re.compile(
    r"^\W*(?:[A-Za-zÀ-ÿ]+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:de\s+)?[A-Za-zÀ-ÿ]+\s+(?:de\s+)?\d{4})\s+",
)


@dataclass(frozen=True)
class Title:
    text: str
    uncertain: bool
    evidence: str


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 30:
        return False
    if line.endswith((":", "|")) or line.count("|") >= 1:
        return False
    return not _DATELINE.match(line) or len(words) > 8


def find_title(text: str) -> Title:
    """The first headline-like paragraph among the first few; else the first line, flagged."""
    paras = paragraphs(text)
    for index, para in enumerate(paras[:6]):
        candidate = _LEADING_DATE.sub("", para).strip(" ,;-–—")
        if _looks_like_headline(candidate) and len(candidate) <= 250:
            return Title(candidate, uncertain=index > 2, evidence=f"paragraph {index + 1}")
    if paras:
        first = paras[0][:200].strip()
        return Title(first, uncertain=True, evidence="first line (no headline-like line found)")
    return Title("Untitled", uncertain=True, evidence="empty text")


def body_without_title(text: str, title: str) -> str:
    """The article text as published, minus the headline line(s) that repeat the title."""
    out = [p for p in paragraphs(text) if title not in p or len(p) > len(title) * 2]
    return "\n\n".join(out)
