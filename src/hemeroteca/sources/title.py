"""Find the headline: the first line that reads like a headline, not a menu, a dateline or a byline.

Pages put menus, section labels, bylines and dates before the headline, and
page titles carry the outlet's name after it. The headline is the first line
in the head of the page that is neither furniture nor prose; when prose comes
first, the excerpt shows no headline and the best candidate is flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from hemeroteca.doubts import Doubt
from hemeroteca.resources import load_data
from hemeroteca.sources.clean import is_credit, is_name_like, is_prose, paragraphs, strip_site_suffix

MIN_WORDS = 4
MAX_WORDS = 30
MAX_CHARS = 250
# How many lines of the head are searched before giving up.
HEAD_LINES = 12
_LEADING_PUNCT = re.compile(r"^[\s,;:|•·>–—-]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÁÉÍÓÚÑ¿¡“\"])")


@dataclass(frozen=True)
class HeadlineWords:
    dangling: frozenset[str]
    buttons: frozenset[str]
    issue_label: re.Pattern[str]
    section_prefix: re.Pattern[str]
    newsletter_prefix: re.Pattern[str]
    outlet_separators: tuple[str, ...]


@cache
def headline_words() -> HeadlineWords:
    data = load_data("headline.yaml")
    return HeadlineWords(
        dangling=frozenset(w.casefold() for w in data["dangling_end_words"]),
        buttons=frozenset(w.casefold() for w in data["trailing_buttons"]),
        issue_label=re.compile(data["issue_label"], re.IGNORECASE),
        section_prefix=re.compile(
            r"^\s*[^\W\d_][\w'’]*(?:\s?[ /]\s?[^\W\d_][\w'’]*){0,3}\s?(?:"
            + "|".join(map(re.escape, data["section_prefix_marks"]))
            + r")\s+"
        ),
        newsletter_prefix=re.compile(
            r"^\s*(?:[A-ZÁÉÍÓÚÑÇ][\w'’&.-]*\s+){0,3}?(?i:"
            + "|".join(map(re.escape, data["newsletter_words"]))
            + r")(?:\s+[A-ZÁÉÍÓÚÑÇ][\w'’&.-]*){0,2}\s*:\s+"
        ),
        outlet_separators=tuple(data["outlet_separators"]),
    )


def without_buttons(line: str) -> str:
    """'Headline Print E-mail' -> 'Headline': two or more capitalised button labels glued at the end."""
    words = line.split()
    buttons = headline_words().buttons
    cut = len(words)
    while cut > 0 and words[cut - 1].casefold() in buttons and words[cut - 1][:1].isupper():
        cut -= 1
    return " ".join(words[:cut]) if len(words) - cut >= 2 and cut > 0 else line


def without_section_prefix(line: str) -> str:
    """'Economía/Empresas.- Headline' -> 'Headline': a wire's section or place label glued before it."""
    match = headline_words().section_prefix.match(line)
    rest = line[match.end() :] if match else line
    return rest if match and _looks_like_headline(rest) else line


def without_newsletter_prefix(line: str) -> str:
    """'MICROCAPITAL BRIEF: Headline' -> 'Headline': a newsletter's or column's name before a colon."""
    match = headline_words().newsletter_prefix.match(line)
    rest = line[match.end() :] if match else line
    return rest if match and _looks_like_headline(rest) else line


def _dangling(line: str) -> bool:
    """A line ending on a preposition, article or conjunction is cut short, not a headline."""
    words = line.split()
    return bool(words) and words[-1].casefold() in headline_words().dangling


def _without_outlet(line: str) -> str:
    """'Headline | Outlet Name' -> 'Headline': name-like segments after the last headline-like one."""
    segments = line.split(" | ")
    while len(segments) > 1 and is_name_like(segments[-1]) and len(segments[-1].split()) <= 5:
        segments.pop()
    return " | ".join(segments)


@dataclass(frozen=True)
class Title:
    """The headline found, or a proposal (``uncertain``: no headline, the text starts with the body)."""

    text: str
    uncertain: bool
    evidence: str
    doubts: tuple[Doubt, ...] = ()


def _strip_leading_date(line: str) -> str:
    """', APRIL 28 2021 Headline' -> 'Headline'."""
    # Imported here: the extract package imports this module, so a top-level import would be circular.
    from hemeroteca.extract.dates import date_matches

    line = _LEADING_PUNCT.sub("", line)
    for start, end, _, _ in date_matches(line)[:1]:
        if start == 0:
            return _LEADING_PUNCT.sub("", line[end:])
    return line


def _is_date_line(line: str) -> bool:
    """A line that states a date and little else; a headline ending in its issue label is not one."""
    from hemeroteca.extract.dates import date_line_kind, date_matches

    if headline_words().issue_label.search(line) and len(line.split()) > MIN_WORDS:
        return False
    return any(date_line_kind(line, s, e, story=False) == "date line" for s, e, _, _ in date_matches(line))


def _looks_like_headline(line: str, min_words: int = MIN_WORDS) -> bool:
    """Headline length, not cut short, and no bar unless one of its parts reads as a headline itself
    ('Entrevista | Ana Ruiz: las cooperativas crecen'; a menu of short items is gone already)."""
    words = line.split()
    if not min_words <= len(words) <= MAX_WORDS or len(line) > MAX_CHARS:
        return False
    if line.endswith((":", "|")) or _dangling(line):
        return False
    return "|" not in line or any(len(part.split()) >= MIN_WORDS for part in line.split(" | "))


def _site_header(paras: list[str], index: int, candidate: str) -> bool:
    """The publisher's name is not a headline: a name over a menu word or a section label ('Ministry
    of Trade' then 'Search', 'Portal de Notícias do Sul' then 'Economia'), or an institution's bare
    name over a headline-like line ('Servicio de Cooperación Técnica' then the story's headline)."""
    from hemeroteca.extract.organizations import is_institution_name

    following = headline_candidate(paras[index + 1]) if index + 1 < len(paras) else ""
    if len(following.split()) <= 2 and not _is_date_line(following):
        return is_institution_name(candidate) or is_name_like(candidate)
    next_is_headline = _looks_like_headline(following) and not is_prose(following)
    if next_is_headline and is_institution_name(candidate):
        return True
    # a name over another masthead: 'GOVERNO DO ESTADO DO CEARÁ' over 'Secretaria do Desenvolvimento...'
    return is_name_like(candidate) and _site_header(paras, index + 1, following)


def _next_is_date_line(paras: list[str], index: int) -> bool:
    """A short line right above the date line is the headline of a title-and-date block."""
    return index + 1 < len(paras) and _is_date_line(paras[index + 1])


def headline_candidate(line: str) -> str:
    """A line as it would read as a headline: without the outlet suffix, a leading date or a wire's label."""
    stripped = _strip_leading_date(_without_outlet(without_buttons(strip_site_suffix(line)))).strip()
    return without_newsletter_prefix(without_section_prefix(stripped))


def _repeated_headline(paras: list[str]) -> tuple[int, str] | None:
    """A headline-like line the head shows twice (page title and heading), above lists of other stories.

    A repeated line ending in a full stop is more likely a caption shown twice, and so is one shown
    on two adjacent lines under a headline-like first line (an image's alt text, then its caption);
    a line shown three times or more is a widget's text (a paywall's "thanks for reading").
    """
    head: list[str] = []
    for para in paras[: HEAD_LINES * 3]:
        if is_prose(para):
            break
        head.append(para)
    candidates = [headline_candidate(p) for p in head]
    counts = Counter(candidates)
    for index, (para, candidate) in enumerate(zip(head, candidates, strict=True)):
        if counts[candidate] != 2 or candidate.endswith(".") or is_credit(para) or _is_date_line(para):
            continue
        first = candidates.index(candidate)
        adjacent = first + 1 < len(candidates) and candidates[first + 1] == candidate
        if adjacent and first > 0 and _looks_like_headline(candidates[0]) and not _is_date_line(head[0]):
            continue
        if _looks_like_headline(candidate):
            return index, candidate
    return None


def _heading_under_page_title(paras: list[str]) -> tuple[int, str] | None:
    """'Headline - El Diario del Sur' and, in the same head, 'Headline' alone: the page title carries the
    outlet's name after the heading it repeats, so the heading alone is the headline. The page title may
    capitalise every word ('Bank Lends To Small Firms - The Herald') and add the outlet's motto after its
    name ('... - Revista Sul - A Revista Do Sul'): the heading keeps the case the story is written in."""
    head: list[str] = []
    for para in paras[:HEAD_LINES]:
        if is_prose(para):
            break
        head.append(headline_candidate(para))
    for index, heading in enumerate(head):
        if not _looks_like_headline(heading):
            continue
        folded = heading.casefold()
        for other in head:
            if other[: len(heading)].casefold() != folded:
                continue
            for mark in headline_words().outlet_separators:
                tail = other[len(heading) + len(mark) :] if other[len(heading) :].startswith(mark) else ""
                parts = tail.split(mark)
                if tail and len(parts) <= 2 and all(0 < len(part.split()) <= 6 for part in parts):
                    return index, heading
    return None


def _headline_under_kicker(paras: list[str]) -> tuple[int, str] | None:
    """'Kicker' / 'Headline' at the top of the page, and the headline shown again further down (the lead
    image's alt text or caption, a share line): the line the page repeats is the headline, the one
    above it, shown once, names the topic. Only the first two lines of the head are read so, and not
    when the second is a caption (ending in a stop, or shown again right under itself)."""
    head: list[str] = []
    for para in paras[:HEAD_LINES]:
        if is_prose(para) or len(head) == 2:
            break
        if is_credit(para) or _is_date_line(para):
            return None
        head.append(headline_candidate(para))
    if len(head) < 2 or not all(_looks_like_headline(line) for line in head):
        return None
    kicker, headline = head
    # a line ending in a stop, or shown again right under itself, is a caption (alt text, then caption)
    if headline.endswith(".") or headline_candidate(paras[2] if len(paras) > 2 else "") == headline:
        return None
    later = [headline_candidate(p) for p in paras[3 : HEAD_LINES * 3]]
    return (1, headline) if headline in later and kicker not in later else None


# The sample of the page whose function words tell its language (a few paragraphs are plenty).
LANGUAGE_SAMPLE = 4000


def _page_language(paras: list[str]) -> str | None:
    """The language the page's function words clearly favour, or None when they do not."""
    from hemeroteca.extract.language import MIN_HITS, MIN_RATIO, function_word_votes

    votes = function_word_votes("\n".join(paras)[:LANGUAGE_SAMPLE]).most_common(2)
    if votes and votes[0][1] >= MIN_HITS and (len(votes) == 1 or votes[0][1] >= MIN_RATIO * votes[1][1]):
        return votes[0][0]
    return None


def _in_other_language(candidate: str, language: str | None) -> bool:
    """A headline with two function words of another language and none of the page's: another story's."""
    from hemeroteca.extract.language import function_word_votes

    if language is None:
        return False
    votes = function_word_votes(candidate)
    return votes[language] == 0 and any(n >= 2 for lang, n in votes.items() if lang != language)


def _short_headline_under_deck(paras: list[str], index: int, candidate: str) -> str | None:
    """'A deck sentence ending in a stop.' / 'Two words' / date or byline: the short line is the headline."""
    if not candidate.endswith(".") or index + 2 >= len(paras):
        return None
    short = headline_candidate(paras[index + 1])
    if not 2 <= len(short.split()) < MIN_WORDS or not _looks_like_headline(short, min_words=2):
        return None
    under = paras[index + 2]
    return short if _is_date_line(under) or is_credit(under) else None


def _stories_above_section(paras: list[str]) -> int:
    """Where the story's head starts when other stories' headlines stand above its section label:
    'Temblor en Ucayali: ...' / 'Fuertes lluvias desde ...' / 'Economía' / the headline. Two or more
    headline-like lines, nothing else, over a lone section label and a headline-like line under it are
    a list of other stories (most read, latest); a single line over the label may be the headline
    itself ('Headline' / 'Notícias' / prose), and stays. 0 when the head has no such list."""
    from hemeroteca.sources.clean import boilerplate

    labels = boilerplate().menu_words
    for index, para in enumerate(paras[: HEAD_LINES - 1]):
        if is_prose(para):
            return 0
        if para.strip().casefold() not in labels:
            continue
        above = [headline_candidate(p) for p in paras[:index]]
        under = headline_candidate(paras[index + 1]) if index + 1 < len(paras) else ""
        stories = len(above) >= 2 and all(
            _looks_like_headline(line) and not is_credit(line) and not _is_date_line(line) for line in above
        )
        return index + 1 if stories and _looks_like_headline(under) and not is_prose(under) else 0
    return 0


def _unwrapped(paras: list[str]) -> list[str]:
    """The head's lines with a headline the page broke over several lines put together again: a line
    too short or cut on a preposition to be a headline ("Gov’t to set"), then lines opening in lower
    case ("aside another P1-B for ..." / "program"), is one headline wrapped at a fixed width. A
    byline in lower case ("por Ana Ruiz") is no continuation."""
    out: list[str] = []
    joining = False
    for para in paras:
        ended = bool(out) and out[-1].endswith((".", "!", "?"))
        continues = para[:1].islower() and not is_credit(para) and bool(out) and not ended
        if continues and (joining or not _looks_like_headline(out[-1])):
            out[-1] = f"{out[-1]} {para}"
            joining = True
            continue
        out.append(para)
        joining = False
    return out


def _headline_over_date(paras: list[str]) -> tuple[int, str] | None:
    """The head's title-and-date block: a headline-like line, bylines only between it and a date line,
    and the story's prose at most two lines under the date ('Headline' / '• Por Soy502' / '27 de
    enero de 2020' / prose), under something that is no headline (a section label, the page's top).
    Whatever stands above it (a long menu repeating its entries) is the site's; the last such block
    before the prose is the story's."""
    found: tuple[int, str] | None = None
    for index, para in enumerate(paras):
        if is_prose(para):
            break
        if not _is_date_line(para):
            continue
        under = paras[index + 1 : index + 3]
        if not any(is_prose(p) for p in under):
            continue
        above = index - 1
        while above >= 0 and is_credit(paras[above]):
            above -= 1
        if above < 0 or _is_date_line(paras[above]) or paras[above].rstrip().endswith("."):
            continue
        candidate = headline_candidate(paras[above])
        if not _looks_like_headline(candidate) or is_prose(paras[above]):
            continue
        # a deck sits between a headline and its date too ('Headline' / deck / 'By X' / date): the line
        # is the headline only when no headline-like line stands right above it (a section label does)
        if above == 0 or not _looks_like_headline(headline_candidate(paras[above - 1])):
            found = (above, candidate)
    return found


def find_title(text: str) -> Title:
    """The headline the head repeats, else its first headline-like line; else the opening words, flagged."""
    paras = paragraphs(text)
    paras = _unwrapped(paras[: HEAD_LINES * 3]) + paras[HEAD_LINES * 3 :]
    block = _headline_over_date(paras)
    if block:
        return Title(block[1], uncertain=False, evidence=f"headline over its date line, line {block[0] + 1}")
    repeated = _repeated_headline(paras)
    if repeated:
        return Title(repeated[1], uncertain=False, evidence=f"headline shown twice, line {repeated[0] + 1}")
    under_page_title = _heading_under_page_title(paras)
    if under_page_title:
        why = f"headline shown again with the outlet's name, line {under_page_title[0] + 1}"
        return Title(under_page_title[1], uncertain=False, evidence=why)
    over_kicker = _headline_under_kicker(paras)
    if over_kicker:
        why = f"headline shown again further down, under a kicker line, line {over_kicker[0] + 1}"
        return Title(over_kicker[1], uncertain=False, evidence=why)
    short_label: tuple[int, str] | None = None
    language = _page_language(paras)
    # a headline-like line passed over as a masthead or another story's: the choice hinged on that
    start = _stories_above_section(paras)
    passed_over: list[str] = [headline_candidate(p) for p in paras[: max(0, start - 1)]]
    for index, para in enumerate(paras[:HEAD_LINES]):
        if index < start:
            continue
        if is_prose(para):
            break
        if is_credit(para) or _is_date_line(para):
            continue
        candidate = headline_candidate(para)
        if _site_header(paras, index, candidate) or _in_other_language(candidate, language):
            if _looks_like_headline(candidate):
                passed_over.append(candidate)
            continue
        if short := _short_headline_under_deck(paras, index, candidate):
            why = f"short headline under a deck line, line {index + 2}"
            return Title(short, uncertain=False, evidence=why, doubts=(Doubt("short-headline", detail=why),))
        if _looks_like_headline(candidate) or (
            _looks_like_headline(candidate, min_words=2) and _next_is_date_line(paras, index)
        ):
            why = f"headline-like line {index + 1}"
            doubts = (Doubt("passed-over-headline", detail=passed_over[0]),) if passed_over else ()
            if len(candidate.split()) < MIN_WORDS:
                doubts += (Doubt("short-headline", detail=why),)
            return Title(candidate, uncertain=False, evidence=why, doubts=doubts)
        if short_label is None and _looks_like_headline(candidate, min_words=2):
            short_label = (index, candidate)
    if short_label is not None:
        index, candidate = short_label
        why = f"short line {index + 1} (section label?)"
        return Title(candidate, uncertain=True, evidence=why, doubts=(Doubt("short-label", detail=why),))
    if paras:
        first = _SENTENCE_END.split(paras[0], maxsplit=1)[0]
        words = first.split()
        if len(words) > MAX_WORDS:
            first = " ".join(words[:MAX_WORDS]) + "…"
        why = "no headline before the prose: opening sentence proposed"
        return Title(first, uncertain=True, evidence=why, doubts=(Doubt("no-headline"),))
    return Title("Untitled", uncertain=True, evidence="empty text", doubts=(Doubt("no-headline"),))


def body_without_title(text: str, title: str) -> str:
    """The article text after its headline.

    What comes before the last repetition of the headline in the head of the
    page (menus, lists of other stories, the page title) is not the article.
    """
    paras = paragraphs(text)
    repeats = [i for i, p in enumerate(paras[: HEAD_LINES * 3]) if is_headline_line(p, title)]
    start = repeats[-1] + 1 if repeats else 0
    return "\n\n".join(p for p in paras[start:] if not is_headline_line(p, title))


def is_headline_line(line: str, title: str) -> bool:
    """The line reads as the headline (the headline is part of it: a quick test first)."""
    return title in line and headline_candidate(line) == title
