"""Reasons to doubt a proposed headline that read it against the story under it.

A headline names what its story is about, so the story repeats its words: the place, the body, the
measure. A line no word of which comes back in the story below it is something else that looks like
a headline: a funder's notice ("Co-funded by the European Union"), a site's slogan, or the headline
of another story shown above the article.
"""

from __future__ import annotations

import re
from functools import cache

from hemeroteca.doubts import Doubt
from hemeroteca.extract.names import fold
from hemeroteca.resources import load_data

_WORD = re.compile(r"[^\W\d_]+")


@cache
def _echo_settings() -> tuple[int, int]:
    data = load_data("doubt_words.yaml")
    return int(data["echo_letters"][0]), int(data["echo_min_words"][0])


def _long_words(text: str, letters: int) -> list[str]:
    """The folded words of at least ``letters`` letters."""
    return [w for w in _WORD.findall(fold(text)) if len(w) >= letters]


def unechoed_headline(headline: str, story: str) -> list[Doubt]:
    """A ``headline-not-echoed`` doubt when the story (long enough to tell) repeats no word of
    the headline; nothing for an empty headline or one made only of short words."""
    letters, min_words = _echo_settings()
    wanted = _long_words(headline, letters)
    if not wanted:
        return []
    stems = {w[:letters] for w in wanted}
    told = 0
    # read until the first echo: a real headline's words come back early, so most stories stop soon
    for match in _WORD.finditer(fold(story)):
        word = match.group()
        if len(word) >= letters:
            if word[:letters] in stems:
                return []
            told += 1
    if told < min_words:
        return []
    return [Doubt("headline-not-echoed", detail=", ".join(dict.fromkeys(wanted)))]
