"""Metadata extraction: one module per field, each a pure function of the text.

``extract_text`` cleans the text once, then asks each field's extractor in
turn and keeps the evidence each one reports, so ``extract --explain`` can
show an archivist why a value was proposed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hemeroteca.catalogue.authorities import Authorities
from hemeroteca.doubts import Doubt, shown
from hemeroteca.extract.actors import find_actors
from hemeroteca.extract.countries import country_doubts, find_countries
from hemeroteca.extract.dates import date_line_kind, date_matches, read_date
from hemeroteca.extract.language import identify_language
from hemeroteca.extract.place_doubts import surname_countries
from hemeroteca.extract.title_doubts import unechoed_headline
from hemeroteca.extract.topics import find_topics
from hemeroteca.sources.clean import clean_page, is_credit, paragraphs
from hemeroteca.sources.title import body_without_title, find_title, is_headline_line


@dataclass
class Metadata:
    title: str
    date: str | None
    language: str
    countries: list[str]
    actors: list[dict[str, str]]
    tags: list[str]
    body: str
    doubts: list[Doubt] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)

    @property
    def uncertain(self) -> list[str]:
        """The reviewer's lines, as the record's ``uncertain`` list stores them: the notes, and the
        doubts of values weak enough to flag (``doubts.shown``)."""
        return [d.note() for d in shown(self.doubts)]

    def as_json(self, file: str) -> dict[str, Any]:
        """The stable interface of ``extract --json`` that scoring relies on."""
        return {
            "file": file,
            "title": self.title,
            "date": self.date,
            "language": self.language,
            "countries": self.countries,
            "actors": self.actors,
            "tags": self.tags,
        }

    def scored_json(self, file: str) -> dict[str, Any]:
        """``as_json`` with the doubts, for ``evaluate`` to measure them against the gold."""
        return {**self.as_json(file), "doubts": [d.as_json() for d in self.doubts]}


def _date_lines_above(text: str, headline: str) -> list[str]:
    """Date lines standing above the headline: the body starts under it, but their place is the story's."""
    if not headline:
        return []
    above = []
    for line in paragraphs(text):
        if is_headline_line(line, headline):
            return above
        if any(date_line_kind(line, s, e) for s, e, _, _ in date_matches(line)):
            above.append(line)
    return []


# Metadata is read from the first ANALYSED_CHARS characters of a text: twice the longest
# news article, so no real article loses a word, while a 5 MB file (the size limit) costs no more
# than that to extract from. The record keeps the whole text.
ANALYSED_CHARS = 100_000
# A run without white space this long is no word (the longest URLs are shorter): it is read as
# blank, since matching name patterns inside it cost time quadratic in its length. Tried only where
# a run starts: from inside a word it would rescan the rest of that word at every letter.
_NOT_A_WORD = re.compile(r"(?<!\S)\S{400,}")
# A few words glued to the headline by ".-", the wire's joint between a dateline or a section label
# and what follows ("Economía/Agricultura.- MAPA impulsa...", "LIMA, PERU.- Con el paso..."): the
# label may be no part of the headline, or the line may be the story's opening sentence.
_LABEL_GLUED = re.compile(r"^(?P<label>[^\s.]+(?:[ \t][^\s.]+){0,3})\.-[ \t]")
# A headline opens on a capital (or a figure, a quotation mark); one whose first word is all small
# letters ("aside another P1-B for...") is the tail of a line cut above it, or a sentence of prose.
# A word with a capital inside ("iPhone", "eBay") is a brand written so, not a cut.
_OPENS_SMALL = re.compile(r"^(?P<word>[^\W\d_]+)(?=[\s,;:]|$)")


def title_doubts(title: str) -> list[Doubt]:
    """Reasons to doubt a headline that the title rules do not see: a label glued on by ".-", a
    first word in small letters."""
    out = []
    if glued := _LABEL_GLUED.match(title):
        out.append(Doubt("label-glued-to-title", detail=glued["label"]))
    if (small := _OPENS_SMALL.match(title)) and small["word"] == small["word"].lower():
        out.append(Doubt("headline-opens-small", detail=small["word"]))
    return out


def analysed(text: str) -> str:
    """The part of ``text`` extraction reads: its opening, with overlong runs of non-space blanked."""
    opening = text[:ANALYSED_CHARS]
    return _NOT_A_WORD.sub(lambda m: " " * len(m.group(0)), opening)


def extract_text(text: str, authorities: Authorities | None = None) -> Metadata:
    authorities = authorities or Authorities()
    # the cache serves the several passes over one text's head lines; a new text starts it afresh,
    # so repeated texts (a benchmark) are not measured faster than new ones
    date_matches.cache_clear()
    is_credit.cache_clear()
    page = clean_page(text)
    cleaned = page.text
    head = analysed(cleaned)
    title = find_title(head)
    # An uncertain title is only a proposal: the body keeps every line (the opening sentence too).
    body = "\n\n".join(paragraphs(cleaned)) if title.uncertain else body_without_title(cleaned, title.text)
    read = analysed(body)
    language, language_evidence = identify_language(read or head)
    date, date_doubts = read_date(head, language, None if title.uncertain else title.text)
    # A proposed title that is only the opening of the body must not count twice.
    headline = "" if title.uncertain else title.text
    actors = find_actors(f"{headline}\n{read}", authorities, headline)
    institutions = [(a.country, a.name) for a in actors if a.country]
    people = [a.name for a in actors if a.type == "person"]
    # The site's name ("Portal Cooperativo de Costa Rica") and a dateline above the headline ("Lima,
    # 17/05/21") are read as the first lines of the body.
    above = _date_lines_above(head, headline)
    countries = find_countries(headline, "\n".join((*page.mastheads, *above, read)), institutions, people)
    names = tuple(n for a in actors for n in (a.name, a.alias) if n)
    topics = find_topics(headline, read, authorities, names)
    doubts = [
        *title.doubts,
        *title_doubts(title.text),
        *unechoed_headline(headline, read),
        *date_doubts,
        *country_doubts(countries),
        *surname_countries(countries, f"{headline}\n{read}"),
        *(d for a in actors for d in a.doubts),
    ]
    if language == "und":
        doubts.append(Doubt("undetermined-language"))
    return Metadata(
        title=title.text,
        date=date.value if date else None,
        language=language,
        countries=[c.code for c in countries],
        actors=[a.as_dict() for a in actors],
        tags=[t.id for t in topics],
        body=body,
        doubts=doubts,
        evidence={
            "title": title.evidence,
            "date": date.evidence if date else "no date in the head of the text",
            "language": language_evidence,
            "countries": {c.code: {"score": c.score, "seen": list(c.evidence)} for c in countries},
            "actors": {a.name: a.evidence for a in actors},
            "tags": {t.id: {"hits": t.hits, "words": list(t.evidence)} for t in topics},
        },
    )
