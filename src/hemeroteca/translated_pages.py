"""Hand-written pages in the readers' languages: ``about.md`` and its ``about.es.md``, ``about.pt.md``.

The pages a maintainer writes (About, the archivists' guide) are written in English,
the project's fallback language, and translated as sibling files named with the
language before ``.md``, as mkdocs-static-i18n's suffix layout and Hugo's translation by
file name do. Unlike those, which build the whole site again per language, the
archive builds each page once (``site_language.SiteLanguagePlugin``): the page holds
the version in the site's language (``theme.language``), what a reader without
JavaScript gets, and the others as inert ``<template lang>`` elements that the
reader's language switch (``i18n.js``) puts in its place.

A translation stands in for the English page only while it has the same sections
(headings of the same levels in the same order) and no paragraph of the English page
left untranslated: a missing or partial one gives way to the English page, and
``check`` and ``render`` say so in one line, a warning. Its headings take the English
page's anchors, so a link to ``contributing.html#windows`` lands on that section in
every language. Like everything a pull request brings, a page is refused, as an error
naming file and line, when it is not UTF-8, holds control or invisible direction
characters, or is larger than ``MAX_PAGE_BYTES``, and a translation when it writes HTML its
English page does not (``foreign_markup``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel import Locale, UnknownLocaleError, localedata

from hemeroteca.catalogue.problems import Problem
from hemeroteca.errors import HemerotecaError, not_utf8
from hemeroteca.render.messages import FALLBACK
from hemeroteca.sources.decode import BIDI_CONTROLS

if TYPE_CHECKING:
    from hemeroteca.project import Project

# The English guide is about 40 KB: a page 25 times that is the wrong file.
MAX_PAGE_BYTES = 1_000_000
# An untranslated paragraph this long is no accident (short ones may be names or commands).
MIN_UNTRANSLATED_WORDS = 8
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3}(?:_[A-Z][A-Za-z]{1,3})?)\.md$")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_TAG = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)")
_BAD_LINK = re.compile(r"\]\(\s*<?\s*(?:javascript|data|vbscript)\s*:", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"<[^>]*\s(?:on\w+|href|src|style|srcdoc|formaction)\s*=", re.IGNORECASE)


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    line: int


def split_name(name: str) -> tuple[str, str] | None:
    """``('about', 'es')`` for ``about.es.md``; None when the part before ``.md`` is no language
    Babel knows (``notes.old.md`` is a page of its own)."""
    match = _NAME.match(name)
    if match is None or not localedata.exists(match["lang"]):
        return None
    return match["stem"], match["lang"]


def language_name(code: str) -> str:
    """The language's English name ("Spanish"), for lines printed to archivists."""
    try:
        return Locale.parse(code).get_display_name(FALLBACK) or code
    except (UnknownLocaleError, ValueError):
        return code


def decode(data: bytes, shown: str) -> str:
    """A page's text, or HemerotecaError naming the file and line: it must be UTF-8, of a sane
    size, without control or invisible direction characters (a right-to-left override shows
    other words than the file holds)."""
    if len(data) > MAX_PAGE_BYTES:
        limit = f"over the {MAX_PAGE_BYTES:,} a page may have"
        raise HemerotecaError(shown, f"page of {len(data):,} bytes, {limit}: is it the right file?")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, message = not_utf8(data, exc)
        raise HemerotecaError(shown, message, line=line) from exc
    bad = _CONTROL.search(text) or BIDI_CONTROLS.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        why = f"invisible character U+{ord(bad.group()):04X}: delete it (only text, tabs and line ends)"
        raise HemerotecaError(shown, why, line=line)
    return text.removeprefix("\ufeff")


def _prose_lines(text: str) -> Iterable[tuple[int, str, bool]]:
    """(line number, line, inside a fenced code block or the front matter) for every line of ``text``."""
    fence = ""
    lines = text.splitlines()
    front = lines.index("---", 1) + 1 if lines[:1] == ["---"] and "---" in lines[1:] else 0
    for number, line in enumerate(lines, start=1):
        opened = _FENCE.match(line)
        if number <= front:
            yield number, line, True
        elif fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            yield number, line, True
        elif opened:
            fence = opened.group(1)
            yield number, line, True
        else:
            yield number, line, False


def outline(text: str) -> list[Heading]:
    """The page's headings (``#`` lines and underlined ones), code blocks left out."""
    headings: list[Heading] = []
    previous: tuple[int, str] | None = None
    for number, line, code in _prose_lines(text):
        atx = None if code else _ATX.match(line)
        setext = None if code else _SETEXT.match(line)
        if atx:
            headings.append(Heading(len(atx.group(1)), (atx.group(2) or "").strip(), number))
            previous = None
        elif setext and previous is not None and not previous[1].startswith(("|", ">", "-", "*")):
            headings.append(Heading(1 if setext.group(1)[0] == "=" else 2, previous[1].strip(), previous[0]))
            previous = None
        else:
            previous = (number, line) if line.strip() and not code and line[:1] != " " else None
    return headings


def paragraphs(text: str) -> dict[str, int]:
    """Prose paragraphs (not headings, code, tables or indented lines) with their first line,
    spaces normalised: what a translation must not keep in English."""
    found: dict[str, int] = {}
    current: list[str] = []
    start = 0

    def close() -> None:
        if current:
            found.setdefault(" ".join(" ".join(current).split()), start)
            current.clear()

    for number, line, code in _prose_lines(text):
        stripped = line.strip()
        if code or not stripped or stripped.startswith(("#", "|", "    ")) or _SETEXT.match(line):
            close()
            continue
        if not current:
            start = number
        current.append(stripped)
    close()
    return found


def partial(english: str, translation: str) -> tuple[int, str] | None:
    """Why ``translation`` cannot stand for the English page, as (its line, the reason), or None.

    Its sections must be the English page's (the same levels in the same order: a missing,
    extra or moved section means it is behind), and no paragraph of eight words or more may be
    the English one untranslated (a translation made by copying the page, then translating it
    part by part)."""
    ours, theirs = outline(translation), outline(english)
    for mine, source in zip(ours, theirs, strict=False):
        if mine.level != source.level:
            return mine.line, (
                f"its heading '{'#' * mine.level} {mine.title}' stands where the English page has "
                f"'{'#' * source.level} {source.title}' (line {source.line}): the sections differ"
            )
    if len(ours) < len(theirs):
        gone = theirs[len(ours)]
        return (ours[-1].line if ours else 1), (
            f"it lacks the English page's section '{'#' * gone.level} {gone.title}' (line {gone.line}) "
            "and what follows"
        )
    if len(ours) > len(theirs):
        extra = ours[len(theirs)]
        return extra.line, f"its section '{'#' * extra.level} {extra.title}' is not in the English page"
    english_paragraphs = paragraphs(english)
    for paragraph, line in paragraphs(translation).items():
        if len(paragraph.split()) >= MIN_UNTRANSLATED_WORDS and paragraph in english_paragraphs:
            return line, "this paragraph is still the English page's, untranslated"
    return None


def _markup(text: str) -> dict[str, int]:
    """The HTML tags a page writes outside code (``<br>``, ``<script``), by name, with the first
    line of each; an autolink's scheme (``<javascript:...>``) counts as one."""
    found: dict[str, int] = {}
    for number, line, code in _prose_lines(text):
        if not code:
            for tag in _TAG.findall(_CODE_SPAN.sub("", line)):
                found.setdefault(tag.lower(), number)
    return found


def foreign_markup(english: str, translation: str) -> tuple[int, str] | None:
    """HTML a translation writes that its English page does not, as (line, reason), or None.

    Markdown lets a page carry raw HTML, so a translation could slip a ``<script>`` or an
    ``onclick`` into the site past reviewers who do not read its language: it may use only
    the tags its English page uses, with no attribute that loads or runs anything (``on...``,
    ``href``, ``src``, ``style``), and no link to a ``javascript:``, ``data:`` or ``vbscript:``
    address."""
    allowed = _markup(english)
    for tag, line in _markup(translation).items():
        if tag not in allowed:
            return line, f"<{tag}> is not in the English page: a translation may use only the HTML it uses"
    for number, line, code in _prose_lines(translation):
        prose = "" if code else _CODE_SPAN.sub("", line)
        if _BAD_LINK.search(prose):
            return number, "a link to a javascript:, data: or vbscript: address: link only to web pages"
        if _ATTRIBUTE.search(prose):
            return number, "an HTML attribute that loads or runs something: write links as [text](address)"
    return None


def site_languages(config: dict[str, Any]) -> list[str]:
    """The languages readers may get: ``theme.language`` and those of the switch
    (``extra.alternate``), in that order, without repeats."""
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    alternate = extra.get("alternate")
    entries = getattr(alternate, "entries", alternate)  # site_language.Languages once MkDocs loaded it
    found = [str(theme.get("language") or FALLBACK)]
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("lang"), str):
            found.append(entry["lang"])
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Page:
    """A hand-written page of docs/ (``rel``, in English) and its translations' files by language."""

    rel: str
    translations: dict[str, str]


def find_pages(names: Iterable[str]) -> list[Page]:
    """The hand-written pages among ``names`` (docs/ paths of Markdown files) and their translations.

    A file named like a translation with no English page beside it is a page of its own."""
    names = sorted(names)
    present = set(names)
    pages: dict[str, dict[str, str]] = {}
    for rel in names:
        folder, _, name = rel.rpartition("/")
        split = split_name(name)
        english = f"{folder}/{split[0]}.md" if folder and split else f"{split[0]}.md" if split else None
        if english in present:
            pages.setdefault(english, {})[split[1]] = rel  # type: ignore[index]
        else:
            pages.setdefault(rel, {})
    return [Page(rel, translations) for rel, translations in sorted(pages.items())]


def hand_written(docs: Path, generated: Iterable[str]) -> list[str]:
    """The Markdown files of docs/ that ``render`` did not write, as docs/ paths. The folders it
    writes (articles/, browse/: 100,000 files in a large archive) are not walked."""
    made = set(generated)
    skipped = {rel.split("/", 1)[0] for rel in made if "/" in rel}
    found: list[str] = []

    def walk(folder: Path, prefix: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except (FileNotFoundError, NotADirectoryError):
            return
        for entry in entries:
            rel = prefix + entry.name
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                if rel not in skipped:
                    walk(Path(entry.path), rel + "/")
            elif entry.name.endswith(".md") and entry.is_file(follow_symlinks=False) and rel not in made:
                found.append(rel)

    walk(docs, "")
    return found


def judge_pages(docs: Path, shown: str, pages: list[Page], languages: list[str]) -> list[Problem]:
    """Every hand-written page checked as a file (errors) and each translation the site needs
    judged (warnings: the page falls back to English). ``shown`` is docs/ as printed."""
    problems: list[Problem] = []
    wanted = [lang for lang in languages if lang != FALLBACK]
    for page in pages:
        texts: dict[str, str] = {}
        for lang, rel in [(FALLBACK, page.rel), *sorted(page.translations.items())]:
            try:
                texts[lang] = decode((docs / rel).read_bytes(), f"{shown}/{rel}")
            except HemerotecaError as exc:
                problems.append(Problem(str(exc.path), exc.line or 1, "file", exc.message))
            except OSError as exc:
                why = f"cannot be read: {exc.strerror or exc}"
                problems.append(Problem(f"{shown}/{rel}", 1, "file", why))
        if FALLBACK not in texts:
            continue
        for lang, rel in sorted(page.translations.items()):
            if lang not in languages:
                problems.append(
                    Problem(
                        f"{shown}/{rel}",
                        1,
                        "translation",
                        f"{language_name(lang)} ({lang}) is not a language of the site (theme.language "
                        "or extra.alternate in mkdocs.yml): this file is not shown",
                        "warning",
                    )
                )
            elif lang in texts:
                refused = foreign_markup(texts[FALLBACK], texts[lang])
                if refused is not None:
                    problems.append(Problem(f"{shown}/{rel}", refused[0], "html", refused[1]))
                    continue
                why = partial(texts[FALLBACK], texts[lang])
                if why is not None:
                    problems.append(
                        Problem(
                            f"{shown}/{rel}",
                            why[0],
                            "translation",
                            f"{why[1]}: readers in {language_name(lang)} get the English page until it "
                            f"matches {shown}/{page.rel}",
                            "warning",
                        )
                    )
        for lang in wanted:
            if lang not in page.translations:
                stem = page.rel[:-3]
                problems.append(
                    Problem(
                        f"{shown}/{page.rel}",
                        1,
                        "translation",
                        f"no {language_name(lang)} version ({shown}/{stem}.{lang}.md): readers in "
                        f"{language_name(lang)} get this page in English",
                        "warning",
                    )
                )
    return problems


def check_pages(project: Project) -> list[Problem]:
    """``judge_pages`` over the project's docs/, with the languages of its mkdocs.yml."""
    from hemeroteca.render.writer import read_manifest, site_config

    docs = project.docs_dir
    pages = find_pages(hand_written(docs, read_manifest(docs)))
    return judge_pages(docs, project.relative(docs), pages, site_languages(site_config(project)))


def refuse_bad_pages(project: Project) -> list[Problem]:
    """For ``render``: HemerotecaError naming the first page that is refused as a file; else the
    warnings on translations (a page shown in English), for the caller to print."""
    problems = check_pages(project)
    for problem in problems:
        if problem.severity == "error":
            raise HemerotecaError(problem.path, problem.message, line=problem.line)
    return problems
