"""Language of the body, ISO 639-1, deterministic.

langdetect is probabilistic; a fixed seed makes it repeatable. Detection runs on
the longest paragraphs so a menu in another language does not tip the vote.
"""

from __future__ import annotations

from langdetect import DetectorFactory, LangDetectException, detect_langs

from hemeroteca.sources.clean import paragraphs

DetectorFactory.seed = 0

SUPPORTED = ("en", "es", "pt")


def detect_language(text: str) -> str:
    paras = sorted(paragraphs(text), key=len, reverse=True)
    sample = "\n".join(paras[:12])[:5000] or text[:5000]
    try:
        guesses = detect_langs(sample)
    except LangDetectException:
        return "und"
    for guess in guesses:
        if guess.lang in SUPPORTED:
            return guess.lang
    return guesses[0].lang.split("-")[0] if guesses else "und"
