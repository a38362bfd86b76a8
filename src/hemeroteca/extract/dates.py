"""The publication date the text states, at the precision it states it.

A wrong date is worse than none, so a date counts only where pages put the
publication date: in the head of the article (before its second paragraph of
prose), on a line of its own or beside a few furniture words ("Published",
weekday, time, byline), as a dateline opening a paragraph ("La Paz, 23 de
junio de 2024 (Agency).-"), or after a "published" marker. A date inside a
sentence is an event, a deadline or a related item and is never taken. A
date marked "updated" is used only when no other is stated.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from hemeroteca.doubts import Doubt
from hemeroteca.extract.vocabulary import caseless_alternation
from hemeroteca.resources import load_data
from hemeroteca.sources.clean import is_credit, is_prose, paragraphs

# A date line may keep this many words besides the date and its furniture (a city, an outlet).
MAX_OTHER_WORDS = 4
# A dateline's date sits this close to the start of its paragraph, closed by a stop or a dash.
DATELINE_CHARS = 60
_DATELINE_STOP = re.compile(r"\)?(?:\s*\([^()]{1,30}\))?\s*[.:–—]\s+[A-ZÁÉÍÓÚÑÇ]")
# Segments of a line: "Author | Wed, 11/20/2024 - 13:54", "Cuiabá (3/6) – Text".
_SEGMENT_SPLIT = re.compile(r"\s*(?:[|•·]|\s[-–—]\s|\.-|\)\s*[-–—]|[–—])\s*")
# A kicker in capitals glued to the date after it: "ARTÍCULOAgosto 09, 2022", "REPORTAGEM6 de junho de 2024".
_GLUED = re.compile(r"([A-ZÁÉÍÓÚÑÇ]{3,})([A-ZÁÉÍÓÚÑÇ][a-záéíóúñç]|\d{1,2}(?!\d))")
_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}(?::\d{2})?\b", re.IGNORECASE)
_PARENS = re.compile(r"\([^()]{0,60}\)")
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
YEARS = range(1980, 2040)
_SIGN_OFF = re.compile(
    r"^[A-Z][A-Z .'-]+,\s+(?P<m>[A-Za-z]{3,9}\.?)\s+(?P<d>\d{1,2}),\s+(?P<agency>[A-Z]{2,6})\s*[–—-]?\s*$"
)


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
def _words() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    """(filler words, 'published' marker pattern, 'updated' marker pattern)."""
    data = load_data("date_words.yaml")
    filler = {w.lower() for key in ("weekdays", "published", "updated", "filler") for w in data[key]}
    for key in ("published", "updated"):
        for phrase in data[key]:
            filler.update(phrase.lower().split())

    def alternation(key: str) -> re.Pattern[str]:
        return re.compile(rf"(?<!\w){caseless_alternation(data[key])}(?!\w)", re.IGNORECASE)

    return frozenset(filler), alternation("published"), alternation("updated")


@dataclass(frozen=True)
class _Context:
    """What around a date says it is not the publication's: an event, a range, a clock, an archive."""

    event: re.Pattern[str]
    range_end: re.Pattern[str]
    site_label: re.Pattern[str]


@cache
def _context() -> _Context:
    data = load_data("date_words.yaml")
    articles = caseless_alternation(data["event_articles"])
    labels = caseless_alternation(data["clock_words"] + data["archive_words"])
    return _Context(
        event=re.compile(
            rf"(?<!\w){caseless_alternation(data['event_words'])}(?:\s+{articles})*\s*$", re.IGNORECASE
        ),
        range_end=re.compile(
            rf"\d(?:\s+{caseless_alternation([w for w in data['range_joiners'] if w.isalpha()])}\s+"
            rf"|\s*{caseless_alternation([w for w in data['range_joiners'] if not w.isalpha()])}\s*)"
            rf"(?:{articles}\s+)*$",
            re.IGNORECASE,
        ),
        site_label=re.compile(rf"(?<!\w){labels}(?!\w)", re.IGNORECASE),
    )


def _not_the_story_date(line: str, start: int) -> bool:
    """A date after 'hasta', 'from' or the first day of a range, or on a site clock or archive label."""
    context = _context()
    before = line[max(0, start - 40) : start]
    return bool(
        context.event.search(before) or context.range_end.search(before) or context.site_label.search(line)
    )


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    month = caseless_alternation(_months())
    # a year glued to a reading time still ends there: "3 de marzo de 20214 min. de lectura"
    year = r"(?P<y>(?:19|20)\d\d)(?:(?!\d)|(?=\d{1,3}\s?(?:min|minutes?|minutos?)\b))"
    return [
        # 28 de septiembre de 2015 / 28 September 2015 / 28 de setembro de 2015 / 08 oct. 2025
        (
            re.compile(
                rf"(?<![\w/.])(?P<d>\d{{1,2}})(?:\.|º|°|st|nd|rd|th)?\s+(?:de\s+)?(?P<m>{month})\.?,?\s+"
                rf"(?:de\s+|del\s+)?{year}",
                re.IGNORECASE,
            ),
            "dmy",
        ),
        # 12-May-2021 / 12-mayo-2021 / 12.mai.2021: day, month name and year joined by one mark
        (
            re.compile(
                rf"(?<![\w/.-])(?P<d>\d{{1,2}})([-./])(?P<m>{month})\2(?P<y>(?:19|20)\d\d)(?![\w-])",
                re.IGNORECASE,
            ),
            "dmy",
        ),
        # April 28, 2021 / APRIL 28 2021 / Julio 07, 2025 / marzo 31 de 2015
        (
            re.compile(
                rf"(?<![^\W\d_])(?P<m>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,|\s+de|\s+del)?\s+{year}",
                re.IGNORECASE,
            ),
            "mdy",
        ),
        # 2021-05-12 / 2021/05/12 / 2021.05.12: year first, one mark throughout
        (re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)([-/.])(?P<m>\d\d)\2(?P<d>\d\d)(?!\d)"), "iso"),
        # 14/06/2012, 01.10.2024, 14-06-2012: day first unless the text says otherwise
        (
            re.compile(r"(?<![\d/.])(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<y>(?:19|20)\d\d)(?!\d)"),
            "numeric",
        ),
        # 17/05/21, 17-05-21: a two-digit year, taken only on a date line
        (re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<yy>\d\d)(?![\d/.-])"), "numeric2"),
        # January 2020 / enero de 2020
        (re.compile(rf"(?<![^\W\d_])(?P<m>{month})\.?,?\s+(?:de\s+)?{year}", re.IGNORECASE), "my"),
    ]


def _valid(year: int, month: int, day: int | None) -> bool:
    if year not in YEARS or not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def _numeric_order(text: str, language: str | None) -> str:
    """'dm' or 'md' for ambiguous numeric dates: the text's unambiguous dates decide, else the language
    ('md?' for English: only a guess)."""
    numeric = next(pattern for pattern, kind in _patterns() if kind == "numeric")
    for match in numeric.finditer(text):
        a, b = int(match.group("a")), int(match.group("b"))
        if a > 12 >= b:
            return "dm"
        if b > 12 >= a:
            return "md"
    return "md?" if language == "en" else "dm"


def _guessed_order(match: re.Match[str], kind: str, order: str) -> bool:
    """A numeric date whose day and month could swap, read month first because the text is English:
    Spanish and Portuguese write the day first, English pages do either (US, or UK and Caribbean)."""
    if kind not in ("numeric", "numeric2") or order != "md?":
        return False
    a, b = int(match.group("a")), int(match.group("b"))
    return a != b and a <= 12 and b <= 12


def _to_value(match: re.Match[str], kind: str, order: str) -> str | None:
    groups = match.groupdict()
    year = 2000 + int(groups["yy"]) if kind == "numeric2" else int(groups["y"])
    if kind in ("numeric", "numeric2"):
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12:
            day, month = a, b
        elif b > 12:
            day, month = b, a
        else:
            day, month = (a, b) if order.startswith("dm") else (b, a)
    elif kind == "iso":
        day, month = int(groups["d"]), int(groups["m"])
    else:
        month = _months()[groups["m"].lower().rstrip(".")]
        day = int(groups["d"]) if groups.get("d") else None
    if not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4096)
def date_matches(line: str) -> tuple[tuple[int, int, re.Match[str], str], ...]:
    """Non-overlapping date matches in a line, longest form first where they overlap.

    Cached: the title, the date and the countries' dateline all ask about the same head lines.
    """
    found: list[tuple[int, int, re.Match[str], str]] = []
    if not _DIGIT.search(line):  # every form has a day or a year in digits
        return ()
    # The spans kept, in order and never overlapping: a new match can only overlap its neighbours,
    # so each is checked against two spans, not all of them (a line of dates was quadratic).
    starts: list[int] = []
    ends: list[int] = []
    for pattern, kind in _patterns():
        for match in pattern.finditer(line):
            start, end = match.span()
            at = bisect.bisect_left(starts, start)
            if (at == 0 or ends[at - 1] <= start) and (at == len(starts) or starts[at] >= end):
                starts.insert(at, start)
                ends.insert(at, end)
                found.insert(at, (start, end, match, kind))
    return tuple(found)


def _segment(line: str, start: int, end: int) -> tuple[str, str]:
    """The segment of the line holding the date, split into (before date, after date)."""
    cuts = [0] + [m.end() for m in _SEGMENT_SPLIT.finditer(line) if m.end() <= start]
    seg_start = max(cuts)
    nxt = [m.start() for m in _SEGMENT_SPLIT.finditer(line) if m.start() >= end]
    seg_end = min(nxt) if nxt else len(line)
    return line[seg_start:start], line[end:seg_end]


def _other_words(text: str) -> int:
    """Words besides furniture; a parenthesis (the outlet in a dateline) does not count."""
    filler, _, _ = _words()
    text = _PARENS.sub(" ", _TIME.sub(" ", text))
    words = [w.lower().strip(".'’") for w in _WORD.findall(text)]
    return sum(1 for w in words if w and w not in filler)


def date_line_kind(line: str, start: int, end: int, *, story: bool = True) -> str | None:
    """Why a date at line[start:end] is a publication date ('date line', 'dateline', 'marker'), or None.

    With ``story=False`` only the line's shape counts: an event's date on a line of its own is still
    a date line, not a headline.
    """
    if story and _not_the_story_date(line, start):
        return None
    before, after = _segment(line, start, end)
    _, published, _ = _words()
    if _other_words(before) + _other_words(after) <= MAX_OTHER_WORDS:
        return "date line"
    if not re.search(r"\w", line[:start]):
        return "leading date"
    if _opening_dateline(line, start, end):
        return "dateline"
    if published.search(line[max(0, start - 30) : start]) and _other_words(before) <= 2:
        return "published marker"
    return None


def _opening_dateline(line: str, start: int, end: int) -> bool:
    """A place then the date opening the story, closed by a bracket or a stop, maybe after the agency:
    'GEORGETOWN, Guyana – (June 9, 2023) IDB Invest...', 'San José, 5 de octubre de 2020 (AMPRENSA). El'."""
    bracketed = line[:start].rstrip().endswith("(") and line[end:].lstrip().startswith(")")
    stopped = _DATELINE_STOP.match(line, end)
    place = start <= DATELINE_CHARS and _other_words(line[:start]) <= MAX_OTHER_WORDS
    return place and bool(bracketed or stopped)


def head_paragraphs(text: str, *, prose_paragraphs: int = 2, max_lines: int = 40) -> list[str]:
    """The head of an article: up to and including its second paragraph of prose."""
    head: list[str] = []
    prose = 0
    for para in paragraphs(text)[:max_lines]:
        head.append(para)
        prose += is_prose(para)
        if prose >= prose_paragraphs:
            break
    return head


def find_date(text: str, language: str | None = None, title: str | None = None) -> Found | None:
    """The publication date stated in the head of the text, or None when it states none."""
    return read_date(text, language, title)[0]


# A date split over lines ("3 Mar" / "2021", "03" / "MAR" / "2021") has parts this short.
SPLIT_DATE_WORDS = 3


def _split_dates_joined(head: list[str]) -> list[tuple[int, str]]:
    """(index, line) of the head, with a date split over two or three short lines joined into one."""
    out: list[tuple[int, str]] = []
    index = 0
    while index < len(head):
        line = head[index]
        taken = 1
        if not date_matches(line) and len(line.split()) <= SPLIT_DATE_WORDS:
            for span in (2, 3):
                group = head[index : index + span]
                if len(group) < span or any(len(g.split()) > SPLIT_DATE_WORDS for g in group):
                    break
                joined = " ".join(group)
                if any(s < len(line) < e for s, e, _, _ in date_matches(joined)):
                    line, taken = joined, span
                    break
        out.append((index, line))
        index += taken
    return out


# A date line this many paragraphs or more from the headline may belong to something else: a site's
# clock or crawl time above the masthead, another story's line further down.
FAR_PARAGRAPHS = 3
# A line of the head with a year and at most this many words may be a date line in a form not read.
SHORT_LINE = 8
_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?![\d.,])")


def read_date(
    text: str, language: str | None = None, title: str | None = None
) -> tuple[Found | None, list[Doubt]]:
    """The publication date stated in the head of the text (or None), and the reasons to doubt it.

    With several date lines in the head (a list of other stories above the article), the one
    nearest the headline is the article's; that another date line states a different day is a
    reason to doubt it.
    """
    _, _, updated = _words()
    order = _numeric_order(text, language)
    head = head_paragraphs(text)
    title_at = max((i for i, p in enumerate(head) if title and title in p), default=None)
    candidates: list[tuple[int, Found]] = []
    fallback: Found | None = None
    guessed: set[str] = set()
    previous = ""
    for index, raw in _split_dates_joined(head):
        line = _GLUED.sub(r"\1 \2", raw)
        for start, end, match, kind in date_matches(line):
            why = date_line_kind(line, start, end)
            value = _to_value(match, kind, order) if why else None
            if not value or (kind in ("my", "numeric2") and why != "date line"):
                continue
            found = Found(value, f"{why} in paragraph {index + 1}: '{match.group(0).strip()}'")
            if _guessed_order(match, kind, order):
                guessed.add(value)
            is_update = updated.search(_segment(line, start, end)[0]) or (
                updated.fullmatch(previous.strip(" :•")) if previous else None
            )
            if not is_update:
                if not _beside_weather(head, index):
                    candidates.append((index, found))
                break
            fallback = fallback or found
        previous = raw
    candidates = _without_other_posts(candidates, head, title_at)
    if any(len(f.value) == len("YYYY-MM-DD") for _, f in candidates):
        # a month label ("Archives / May 2019", an issue's month) gives way to a full date
        candidates = [c for c in candidates if len(c[1].value) == len("YYYY-MM-DD")]
    if candidates:
        # on a tie the line under the headline wins: "Headline / date" is the commoner layout
        at, chosen = (
            candidates[0]
            if title_at is None
            else min(candidates, key=lambda c: (_lines_between(head, c[0], title_at), -c[0]))
        )
        others = sorted({f.value for _, f in candidates} - {chosen.value})
        doubts = [Doubt("competing-dates", detail=", ".join(others))] if others else []
        if chosen.value in guessed:
            doubts.append(Doubt("day-month-order"))
        if title_at is not None and _lines_between(head, at, title_at) >= FAR_PARAGRAPHS:
            where = "above" if at < title_at else "below"
            detail = f"{_lines_between(head, at, title_at)} paragraphs {where} it"
            doubts.append(Doubt("date-far-from-headline", detail=detail))
        return chosen, doubts
    if fallback:
        return fallback, [Doubt("updated-only")]
    late = _wire_sign_off(text) or _published_at_the_end(text, order)
    if late:
        return late, [Doubt("date-at-end")]
    seen = [m.group(0).strip() for p in head for _, _, m, kind in date_matches(p) if kind != "my"]
    if seen:
        return None, [Doubt("date-not-taken", detail=seen[0])]
    # a year on a short line of the head that no date was read from: a date in a form not read?
    unread = [
        p.strip()
        for p in head
        if _YEAR.search(p) and not is_prose(p) and len(p.split()) <= SHORT_LINE and not (title and title in p)
    ]
    return None, [Doubt("date-unread", detail=unread[0]) if unread else Doubt("no-date-stated")]


def _lines_between(head: list[str], at: int, title_at: int) -> int:
    """How far a date line stands from the headline, bylines between them not counted: "Headline" /
    "BY Insider Desk" / "July 23, 2025" is a headline with its date as much as "Headline" / date, and
    the site's clock on the line above the headline is no nearer."""
    low, high = sorted((at, title_at))
    return high - low - sum(is_credit(line) for line in head[low + 1 : high])


@cache
def _weather() -> re.Pattern[str]:
    words = load_data("date_words.yaml")["weather_words"]
    temperature = r"(?:\s*[-:]?\s*-?\d{1,2}\s*°\s*[CF]?)?"
    return re.compile(rf"\s*{caseless_alternation(words)}{temperature}\s*", re.IGNORECASE)


def _beside_weather(head: list[str], index: int) -> bool:
    """A date line right above or below a site's weather box is the site's clock, not the story's."""
    return any(0 <= i < len(head) and _weather().fullmatch(head[i]) for i in (index - 1, index + 1))


def _without_other_posts(
    candidates: list[tuple[int, Found]], head: list[str], title_at: int | None
) -> list[tuple[int, Found]]:
    """The date lines of the head less a list of other posts above the headline: two or more date
    lines, each right under a line of its own post's title ("Trade Minister Opens Film Festival" /
    "September 22, 2023" / "Grants Awarded" / "September 6, 2023" / "Show all"). Such a list names
    other stories' days; the article's own date, if stated, is not among them."""
    if title_at is None:
        return candidates
    above = [at for at, _ in candidates if at < title_at]
    paired = [at for at in above if at > 0 and _post_title(head[at - 1])]
    listed: set[int] = set()
    for at, below in zip(paired, paired[1:], strict=False):
        if below - at == 2:  # consecutive posts: the next date two lines down, its title between
            listed.update((at, below))
    return [c for c in candidates if c[0] not in listed]


def _post_title(line: str) -> bool:
    """A post's title in a list: a short line of words, not prose, with no date of its own."""
    return 2 <= len(line.split()) <= 15 and not is_prose(line) and not date_matches(line)


@cache
def _strong_published() -> re.Pattern[str]:
    """The 'published' markers that say so on their own ('Posted', 'Publicado'), not 'el' or 'on'."""
    words = load_data("date_words.yaml")["published"]
    strong = caseless_alternation(w for w in words if len(w) >= 5)
    return re.compile(rf"(?<!\w){strong}(?!\w)", re.IGNORECASE)


def _published_at_the_end(text: str, order: str) -> Found | None:
    """Some pages state the date under the story: 'Posted March 2, 2021 in Business', 'Publicado el ...'.

    Only a short line among the last three whose date follows a 'published' marker counts (the
    related-stories lists that also carry dates end the text earlier, at their heading).
    """
    for line in paragraphs(text)[-3:]:
        if is_prose(line):
            continue
        for start, _end, match, kind in date_matches(line):
            marker = _strong_published().search(line[max(0, start - 30) : start])
            value = _to_value(match, kind, order) if marker and _other_words(line[:start]) <= 2 else None
            if value and kind not in ("my", "numeric2"):
                return Found(value, f"published marker at the end: '{line.strip()}'")
    return None


def _wire_sign_off(text: str) -> Found | None:
    """A wire story signed off at its end: 'WASHINGTON, Jul 29, CMC –' then 'CMC/2025'.

    The sign-off line names the day and the agency; the year is on the agency's own line.
    """
    tail = paragraphs(text)[-3:]
    for i, line in enumerate(tail[:-1]):
        m = _SIGN_OFF.match(line)
        year = (
            re.match(rf"^{re.escape(m.group('agency'))}/(?P<y>(?:19|20)\d\d)\s*$", tail[i + 1]) if m else None
        )
        if m and year and m.group("m").lower().rstrip(".") in _months():
            y, mo, d = int(year.group("y")), _months()[m.group("m").lower().rstrip(".")], int(m.group("d"))
            if _valid(y, mo, d):
                return Found(
                    f"{y:04d}-{mo:02d}-{d:02d}", f"wire sign-off: '{line.strip()} {tail[i + 1].strip()}'"
                )
    return None
