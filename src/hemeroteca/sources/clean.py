"""Boilerplate out: navigation, share buttons and cookie notices never reach extraction.

The patterns are data (``data/boilerplate.yaml``) so an archivist can add the
menu words of a new outlet without touching code. Lines are judged one by one,
except two kinds of block: teasers of other stories ("... Leia mais.") go with
the headline line above them, a "related content" or comments marker ends
the article, but only once its prose has begun (menus at the top often carry
the same words), and a short name-like line right above a menu or breadcrumb
at the top is the site's masthead, which would otherwise pass for a headline.
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
    navigation_patterns: tuple[re.Pattern[str], ...]
    menu_words: frozenset[str]
    name_joiners: frozenset[str]
    tail_patterns: tuple[re.Pattern[str], ...]
    teaser_patterns: tuple[re.Pattern[str], ...]
    credit_patterns: tuple[re.Pattern[str], ...]
    site_suffix: re.Pattern[str]
    icon_words: frozenset[str]
    search_labels: frozenset[str]


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    data = load_data("boilerplate.yaml")

    def compile_all(key: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, flags) for p in data.get(key, []))

    return Boilerplate(
        line_patterns=compile_all("lines"),
        navigation_patterns=compile_all("navigation"),
        menu_words=frozenset(w.casefold() for w in data["menu_words"]),
        name_joiners=frozenset(w.casefold() for w in data["name_joiners"]),
        tail_patterns=compile_all("tail_markers"),
        teaser_patterns=compile_all("teaser_endings"),
        credit_patterns=compile_all("credit_lines", 0),
        site_suffix=re.compile(data["site_suffix"], re.IGNORECASE),
        icon_words=frozenset(data.get("icon_words", [])),
        search_labels=frozenset(w.casefold() for w in data.get("search_labels", [])),
    )


def normalise_whitespace(text: str) -> str:
    """Collapse runs of spaces inside lines and runs of blank lines between paragraphs."""
    return _joined([_SPACES.sub(" ", line).strip() for line in text.split("\n")])


def _joined(lines: list[str]) -> str:
    """Lines already normalised, joined with runs of blank lines collapsed to one (none at the ends)."""
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


# How many words a masthead (the site's name above its menu) may have.
MASTHEAD_WORDS = 8


def _capitalised(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper()


def without_icon_word(line: str) -> str:
    """'arrow January 2020:' -> 'January 2020:': an icon's alt text left in front of a heading.

    Only a lower-case icon word followed by a capital or a digit: "Arrow Electronics said"
    starts with a name.
    """
    first, _, rest = line.partition(" ")
    if first in boilerplate().icon_words and (rest[:1].isupper() or rest[:1].isdigit()):
        return rest
    return line


def is_navigation(line: str) -> bool:
    """A menu bar or a breadcrumb trail, with or without its separators."""
    rules = boilerplate()
    if any(p.search(line) for p in rules.navigation_patterns):
        return True
    items = [item.strip() for item in line.split(" | ")]
    if len(items) >= 2 and all(item.casefold() in rules.menu_words for item in items):
        return True  # "News | Publications": a short menu, every entry a menu word
    words = line.split()
    if len(words) < 3 or not all(_capitalised(w) for w in words):
        return False
    return sum(w.casefold() in rules.menu_words for w in words) >= 3


def is_name_like(line: str) -> bool:
    """Capitalised words and name joiners only, no digits or sentence punctuation: a name, not a sentence."""
    words = line.split()
    if not 0 < len(words) <= MASTHEAD_WORDS or any(c.isdigit() or c in '.,;:!?"“”' for c in line):
        return False
    joiners = boilerplate().name_joiners
    return all(_capitalised(w) or w.casefold() in joiners for w in words)


def is_boilerplate(line: str) -> bool:
    return any(p.search(line) for p in boilerplate().line_patterns) or is_navigation(line)


@lru_cache(maxsize=4096)
def is_credit(line: str) -> bool:
    """A byline or credit line: kept for its date, never a title or an actor.

    Cached: the title, actor and country rules each ask it of the same lines of one text;
    ``extract_text`` forgets the answers when the next text starts."""
    return any(p.search(line) for p in boilerplate().credit_patterns)


def is_prose(line: str) -> bool:
    return len(line.split()) >= PROSE_WORDS


def strip_site_suffix(line: str) -> str:
    """'Headline - Outlet.com : slogan' -> 'Headline'."""
    return boilerplate().site_suffix.sub("", line).strip()


@dataclass(frozen=True)
class Page:
    """A page's article text, and the site name found above its menu (kept apart: not the headline,
    but it often says which country the site serves)."""

    text: str
    mastheads: tuple[str, ...]


# A menu laid out one entry per line ("Home", "News", ..., "About us"): this many lines at least.
MENU_COLUMN = 4
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def menu_columns(lines: list[str]) -> set[int]:
    """Indices of the lines of menus laid out one entry per line: runs of short capitalised lines
    (one to three words, no sentence punctuation) with three or more single menu words, from the
    first of those on (a site name above stays, for the masthead), taking the entries no word
    list could name ("Jobs", "About us")."""
    menu_words = boilerplate().menu_words
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if 0 < len(line.split()) <= 3 and _capitalised(line) and not any(c in ".,;:!?" for c in line):
            run.append(index)
            continue
        entries = [i for i in run if lines[i].casefold() in menu_words]
        if len(entries) >= 3:
            menu = run[run.index(entries[0]) :]
            if len(menu) >= MENU_COLUMN:
                found.update(menu)
        run = []
    return found


def _take_masthead(kept: list[str], mastheads: list[str]) -> None:
    """Above a menu at the top: the site's name, possibly with the edition's date line under it.

    Date lines above the site's name are the site's own top bar (a clock showing the day the page
    was read, a crawl time), never the story's date: they go.
    """
    while kept and not kept[-1]:
        kept.pop()
    if kept and is_name_like(kept[-1]):
        mastheads.append(kept.pop())
        above = len(kept)
    elif len(kept) >= 2 and len(kept[-1].split()) <= 8 and _YEAR.search(kept[-1]) and is_name_like(kept[-2]):
        mastheads.append(kept.pop(-2))  # "Jornal do X" / "Sexta-feira, 27 de novembro de 2026"
        above = len(kept) - 1
    else:
        return
    kept[:above] = [line for line in kept[:above] if not _is_date_only(line)]


# How many lines a site's header may hold above its search box: a name, a slogan, the day's date.
HEADER_LINES = 4


def _closes_header(line: str) -> bool:
    """A search box's label alone on its line ('Search', 'Pesquisar', 'Search Icon')."""
    return line.casefold() in boilerplate().search_labels


def _take_header(kept: list[str], mastheads: list[str]) -> None:
    """Above a search box at the top of the page: the site's header. Its name (and a slogan beside
    it, 'O seu direito à informação, sem compromissos') goes to the mastheads, its date line is the
    site's clock showing the day the page was read; none of them is the story's headline or date.
    A longer run of lines is left alone: the search box may then be the article's own."""
    lines = [line for line in kept if line]
    if len(lines) > HEADER_LINES or any(is_prose(line) for line in lines):
        return
    mastheads.extend(line for line in lines if not _is_date_only(line))
    kept.clear()


def _is_date_only(line: str) -> bool:
    """A short line that states a date and little else (the date rules decide what 'little' is)."""
    from hemeroteca.extract.dates import date_line_kind, date_matches

    return any(date_line_kind(line, s, e, story=False) == "date line" for s, e, _, _ in date_matches(line))


def clean_page(text: str) -> Page:
    """Drop boilerplate lines, teaser blocks, and everything after a trailing 'related content' marker."""
    rules = boilerplate()
    kept: list[str] = []
    mastheads: list[str] = []
    prose_seen = False
    lines = [without_icon_word(line) for line in normalise_whitespace(text).split("\n")]
    column = menu_columns(lines)
    for index, line in enumerate(lines):
        if line and prose_seen and any(p.search(line) for p in rules.tail_patterns):
            break
        if line and any(p.search(line) for p in rules.teaser_patterns):
            while kept and not kept[-1]:
                kept.pop()
            if kept and not is_prose(kept[-1]):
                kept.pop()
            continue
        if line and not prose_seen and _closes_header(line):
            _take_header(kept, mastheads)
            continue
        if index in column:
            if not prose_seen and index - 1 not in column:
                _take_masthead(kept, mastheads)
            continue
        if line and is_boilerplate(line):
            if not prose_seen and is_navigation(line):
                _take_masthead(kept, mastheads)
            continue
        prose_seen = prose_seen or is_prose(line)
        kept.append(line)
    # the kept lines were normalised above: only the blank lines left between them are collapsed
    return Page(_joined(kept), tuple(mastheads))


def clean_text(text: str) -> str:
    """The article text of a page: boilerplate, teasers, related content and the masthead dropped."""
    return clean_page(text).text


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]
