"""The interface's words in the reader's language: message catalogues and locale data.

Every string the site shows around the articles is an English message id looked
up in a gettext catalogue (``src/hemeroteca/locale/LANG/LC_MESSAGES/hemeroteca.po``,
kept with ``pybabel extract / update``); a message the catalogue lacks, or has
left empty or fuzzy, falls back to the English id, one string at a time, so a
new language can start with an incomplete catalogue. Dates, month names, and the
names of countries and languages come from Babel's CLDR data, so they exist for
every language Babel knows without translating them by hand. The .po files are
read directly with Babel (a few dozen milliseconds): no compiled .mo to build,
ship or keep deterministic.

Placeholders are named, ``{n}``, ``{name}``, and filled by one small rule that
the browser's copy (``assets/hemeroteca/i18n.js``) repeats, so a page switched
to another language on the client reads exactly as one built in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "hemeroteca"
FALLBACK = "en"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# CLDR's plural categories in the order gettext numbers a catalogue's forms (Babel's order).
PLURAL_ORDER = ("zero", "one", "two", "few", "many", "other")
# CLDR date pattern letters the site uses; quoted runs are literal text.
_PATTERN_TOKEN = re.compile(r"'([^']*)'|(d+|M{3,4}|L{3,4}|y+)")


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Marks a message for extraction where it is defined; it is translated where it is shown."""
    return message


def N_plural(one: str, many: str) -> tuple[str, str]:  # noqa: N802 - after N_
    """Marks a message and its plural for extraction; ``ngettext`` picks the form where shown."""
    return one, many


def fill(template: str, args: dict[str, object]) -> str:
    """``{name}`` placeholders replaced; an unknown one is left as written (a translator's slip
    shows, it does not break the build)."""
    return _PLACEHOLDER.sub(lambda m: str(args[m.group(1)]) if m.group(1) in args else m.group(0), template)


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_languages() -> tuple[str, ...]:
    """English plus every language with a catalogue, sorted: what the switch can offer."""
    found = {p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return tuple(sorted(found | {FALLBACK}))


@cache
def _translations(language: str) -> dict[str, tuple[str, ...]]:
    """msgid -> its translated form(s): only entries that are translated and not fuzzy."""
    path = catalogue_path(language)
    if language == FALLBACK or not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=_locale(language), domain=DOMAIN)
    out: dict[str, tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        key = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
        strings = tuple(message.string) if isinstance(message.string, (list, tuple)) else (message.string,)
        if all(strings):
            out[key] = strings
    return out


@cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(FALLBACK)


def _date_template(pattern: str) -> str:
    """A CLDR date pattern as a template: ``d 'de' MMMM 'de' y`` -> ``{d} de {MMMM} de {y}``."""
    out, at = [], 0
    for match in _PATTERN_TOKEN.finditer(pattern):
        out.append(pattern[at : match.start()])
        if match.group(1) is not None:
            out.append(match.group(1) or "'")
        else:
            token = match.group(2)
            out.append("{" + {"L": "M"}.get(token[0], token[0]) * (4 if token[0] in "ML" else 1) + "}")
        at = match.end()
    out.append(pattern[at:])
    return "".join(out)


@dataclass(frozen=True)
class Messages:
    """The interface's words in one language; English for anything not translated."""

    language: str
    strings: dict[str, tuple[str, ...]] = field(repr=False, compare=False)

    @classmethod
    def load(cls, language: str) -> Messages:
        return _messages(language)

    @property
    def locale(self) -> Locale:
        return _locale(self.language)

    def gettext(self, message: str, **args: object) -> str:
        found = self.strings.get(message)
        return fill(found[0] if found else message, args)

    @property
    def plural_tags(self) -> tuple[str, ...]:
        """The language's plural categories in the catalogue's order of forms (es: one, many,
        other), as ``pybabel`` numbers them; the browser picks a form the same way."""
        tags = set(self.locale.plural_form.tags) | {"other"}
        return tuple(tag for tag in PLURAL_ORDER if tag in tags)

    def ngettext(self, singular: str, plural: str, n: int, **args: object) -> str:
        """The catalogue's form for ``n`` by the language's plural rule; English's otherwise."""
        found = self.strings.get(singular)
        at = self.plural_tags.index(self.locale.plural_form(n))
        if found and len(found) == len(self.plural_tags):
            template = found[at]
        else:
            template = singular if n == 1 else plural
        return fill(template, {"n": n, **args})

    # ---- locale data (Babel's CLDR) ----

    @property
    def date_templates(self) -> dict[str, str]:
        """Templates for a full date and a month, and the month names: shared with the browser."""
        return _date_data(self.language)

    def date(self, value: str | None) -> str:
        """A record date at its own precision: '5 de junio de 2024', 'junio de 2024', '2024'."""
        if not value:
            return self.gettext("undated")
        parts = value.split("-")
        if len(parts) == 1:
            return parts[0]
        data = self.date_templates
        month = data["months"][int(parts[1]) - 1]
        if len(parts) == 2:
            return fill(data["month"], {"MMMM": month, "y": parts[0]})
        return fill(data["day"], {"d": int(parts[2]), "MMMM": month, "y": parts[0]})

    def month_abbr(self, month: int) -> str:
        return self.date_templates["abbr"][month - 1]

    def country(self, code: str) -> str:
        return _country(self.language, code)

    def language_name(self, code: str) -> str:
        return _language_name(self.language, code)


@cache
def _country(language: str, code: str) -> str:
    return _locale(language).territories.get(code) or _locale(FALLBACK).territories.get(code) or code


@cache
def _language_name(language: str, code: str) -> str:
    name = _locale(language).languages.get(code) or _locale(FALLBACK).languages.get(code) or code
    return name[:1].upper() + name[1:]


@cache
def _messages(language: str) -> Messages:
    return Messages(language, _translations(language))


@cache
def _date_data(language: str) -> dict:
    locale = _locale(language)
    month_pattern = locale.datetime_skeletons["yMMMM"].pattern
    return {
        "day": _date_template(locale.date_formats["long"].pattern),
        "month": _date_template(month_pattern),
        "months": [locale.months["format"]["wide"][m] for m in range(1, 13)],
        "abbr": [locale.months["stand-alone"]["abbreviated"][m] for m in range(1, 13)],
    }
