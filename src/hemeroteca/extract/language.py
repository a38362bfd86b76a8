"""Language of the body, ISO 639-1, deterministic.

Most articles are long enough for function words to decide at once: words
that belong to one of English, Spanish or Portuguese only ("the", "los",
"não") are counted, and a clear majority wins. Short or mixed texts, where the
count is not decisive, are decided by spellings only one language uses ("ñ",
"ção") when short, else go to langdetect with a fixed seed, run on the longest
paragraphs so a menu in another language does not tip the vote.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from langdetect import DetectorFactory, LangDetectException, detect_langs

from hemeroteca.resources import load_data
from hemeroteca.sources.clean import paragraphs

DetectorFactory.seed = 0

SUPPORTED = ("en", "es", "pt")
# The winner needs this many hits and this many times the runner-up's.
MIN_HITS = 12
MIN_RATIO = 3.0
# Below this many characters, language-specific spellings decide before langdetect guesses.
SHORT_TEXT = 300
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _stopwords() -> dict[str, str]:
    data = load_data("stopwords.yaml")
    return {word: lang for lang, words in data.items() if lang in SUPPORTED for word in words}


@cache
def _markers() -> dict[str, tuple[str, ...]]:
    return {lang: tuple(marks) for lang, marks in load_data("stopwords.yaml")["markers"].items()}


def marker_language(text: str) -> str | None:
    """The one language whose own spellings appear in a short text, or None."""
    lowered = text.lower()
    found = {lang for lang, marks in _markers().items() if any(m in lowered for m in marks)}
    return found.pop() if len(found) == 1 else None


def function_word_votes(text: str) -> Counter[str]:
    table = _stopwords()
    return Counter(table[w] for w in _WORD.findall(text.lower()) if w in table)


def detect_language(text: str) -> str:
    return identify_language(text)[0]


def identify_language(text: str) -> tuple[str, str]:
    """(ISO 639-1 code, the evidence that decided it)."""
    paras = sorted(paragraphs(text), key=len, reverse=True)
    sample = "\n".join(paras[:12])[:5000] or text[:5000]
    votes = function_word_votes(sample).most_common(2)
    if votes and votes[0][1] >= MIN_HITS and (len(votes) == 1 or votes[0][1] >= MIN_RATIO * votes[1][1]):
        return votes[0][0], f"function words: {dict(votes)}"
    if len(sample) < SHORT_TEXT and (marked := marker_language(sample)):
        return marked, "spellings of one language in a short text"
    try:
        guesses = detect_langs(sample[:2000])
    except LangDetectException:
        return "und", "no letters to judge"
    for guess in guesses:
        if guess.lang in SUPPORTED:
            return guess.lang, f"langdetect: {guess}"
    return (
        (guesses[0].lang.split("-")[0], f"langdetect: {guesses[0]}")
        if guesses
        else ("und", "langdetect: none")
    )
