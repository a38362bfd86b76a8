"""Countries an article is about, as ISO 3166-1 alpha-2 codes, most salient first.

Names come from pycountry (English plus its Spanish and Portuguese
translations) and from ``data/countries.yaml`` (short names, demonyms, cities,
currencies). National institutions found among the actors add their
country (from the authority file).

Salience decides what is kept: a mention in the title or the lead weighs more
than one deep in the text, a place opening the story (its dateline) a little
more; a country inside an enumeration of three or more ("Chile, Colombia,
México y Perú"), among examples ("such as Mexico") or inside a person's title
("the ambassador of the United States", "Atangana, of Cameroon") weighs a quarter; countries
far below the leader are mentions in passing and are dropped, unless an enumeration in the headline
or the lead names them with the leader (the places a programme serves).
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import pycountry

from hemeroteca.doubts import Doubt
from hemeroteca.extract.vocabulary import alternation, role_words, words
from hemeroteca.resources import load_data
from hemeroteca.sources.clean import is_credit, is_prose, paragraphs

TITLE_WEIGHT = 3.0
# A runner-up scoring at least this share of the main country's score makes the choice a close one.
CLOSE_MAIN = 0.5
LEAD_BONUS = 2.0
VENUE = 2.0
# "em Maputo", "en San Salvador", "in Kingston", "na Nigéria": a place after a locative preposition
# (Portuguese joins it to the article: "no", "na", "nos", "nas"). Not "in the": "a loan to the Dominican
# Republic ... in the Dominican Republic" reads no more placed than "for the Bahamas".
_VENUE = re.compile(r"(?:^|[\s,(])(?:in|en|em|at|no|na|nos|nas)\s+$", re.IGNORECASE)
WEAK = 0.25
CURRENCY = 0.5
INSTITUTION = 1.0
DATELINE = 1.0
# A country scoring below this share of the leader's score was mentioned in passing.
KEEP_RATIO = 0.3
# A line holding nothing but this many countries or more is a region's member list or a page's field of
# countries covered, not the places of the story.
MEMBER_LIST = 5
# A line with fewer words is a heading, a dateline or an address, not a sentence about the country.
PROSE_WORDS = 8
# A country's name running on into another capitalised word: part of a longer name.
_IN_A_NAME = re.compile(r"[ \t]+(?:[A-ZÁÉÍÓÚÑÇ][a-záéíóúñç]+-)?[A-ZÁÉÍÓÚÑÇ][a-záéíóúñç]")
# Between two members of a list: a comma or a conjunction, then an article or a preposition with its
# article ("da Arábia Saudita e dos Emirados", "de Chile y del Perú", "Brazil and the Bahamas").
_LIST_GAP = re.compile(
    r"^\s*(?:,|;|,?\s+(?:and|y|e|or|o|ou|as well as)\s+)\s*"
    r"(?:(?:the|el|la|los|las|o|a|os|as|de|del|do|da|dos|das|de\s+la|de\s+los|en|em|no|na|in)\s+)?$",
    re.IGNORECASE,
)
# A dateline opening the body: a few words (a city, a country, an agency) then a dash or a colon.
_DATELINE = re.compile(r"^\s*[A-ZÁÉÍÓÚÑ][^\n]{0,70}?(?:\s[-–—]\s|\.-|\)\s*[-–—.]+\s|:\s)")
_EXAMPLE_CUE = re.compile(
    r"\b(?:such as|like|including|for example|e\.g\.|tales como|como|por ejemplo|incluyendo|tais como"
    r"|incluindo|por exemplo)\s+(?:the\s+|el\s+|la\s+|o\s+|a\s+)?$",
    re.IGNORECASE,
)
# "Atangana, of Cameroon"; a body's seat after its acronym: "Banco Latinoamericano (BLADEX) de Panamá"
_NATIONALITY = re.compile(
    r"(?:,|\([A-Z][A-Za-z]+\))\s*(?:of|de|do|da)\s+(?:(?:the|los|las|la|el|os|as|o|a)\s+)?$", re.IGNORECASE
)
# Where goods go is not where the story happens: "trade missions to Jamaica", "buyers in the United
# States", "exportar a Europa", "productos exportados a Canadá", "vender para o Japão". A mission that
# is not a trade one is a visit: "a mission to Mozambique" happens there.
_DESTINATION = re.compile(
    r"\b(?:exports?|exporting|exported|sell|selling|sold|trade\s+missions?|buyers|markets?|shipments?"
    r"|exportar|exportación|exportaciones|exportação|exportações|exportam|exportan|exportad[oa]s?|vendid[oa]s?|vender|venta|ventas"
    r"|venda|vendas|misi(?:ón|ones)\s+comercial(?:es)?|miss(?:ão|ões)\s+comercia(?:l|is)|compradores|mercados?)"
    r"\s+(?:\w+\s+){0,2}?(?:to|into|in|a|al|en|em|para|de|do|da|del|of)\s+(?:the\s+|los\s+|el\s+|o\s+|a\s+)?$",
    re.IGNORECASE,
)

# A named trade fair's place, in the same clause shortly after it: where products are shown, not
# where the story happens ("exhibit at BioFach 2023 in Nuremberg, Germany", "à feira Gulfood, em
# Dubai"). The fair must be named (a capital follows): a local "feria de emprendimientos" is
# often the story itself.
_FAIR = re.compile(
    r"(?i:\b(?:trade\s+shows?|(?:trade\s+)?fairs?|expos?|ferias?|feiras?)(?:\s+internacional|\s+international)?"
    r"|\bexhibit(?:ing)?\s+at|\bexhibir\s+en|\bexpor\s+na)"
    r",?\s+(?:the\s+|la\s+|a\s+)?[A-Z][^.;:\n]{0,50}$"
)


@dataclass(frozen=True)
class CountryHit:
    code: str
    score: float
    first: int
    evidence: tuple[str, ...]
    # how the body names it: mentions in sentences (not a short line of their own, not the dateline),
    # and of those, mentions that run on into a longer capitalised name ("the China Co-financing Fund")
    in_prose: int = 0
    in_names: int = 0
    # mentions by one of its cities or regions, or by its name after "in/en/em/at", in the headline or a
    # sentence (not the dateline), not in passing: where a story happens is named so ("em Lisboa", "in
    # Cuiabá", "entidades financieras en Ecuador"); a partner country is more often named by its name
    # alone and its people ("los esfuerzos de España", "la Agencia Española")
    places: int = 0


@dataclass(frozen=True)
class Mention:
    code: str
    start: int
    end: int
    surface: str
    kind: str


def _iso_names() -> Iterable[tuple[str, str]]:
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("es", "pt_BR", "pt")
    ]
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", country.name)}
        for name in list(names):
            names.update(t.gettext(name) for t in translations)
        for name in names:
            short = name.split(",")[0].split("(")[0].strip()
            if len(short) >= 4:
                yield short, country.alpha_2


# Keys of data/countries.yaml that hold cue words, not a country's names.
SPECIAL_KEYS = (
    "ambiguous",
    "glued_prefixes",
    "comparison_cues",
    "demonym_endings",
    "origin_cues",
    "currency_nouns",
    "list_joiners",
    "new_places",
    "posting_cues",
    "market_nouns",
)


@cache
def gazetteer() -> dict[str, tuple[str, str]]:
    """Lower-cased alias -> (code, kind). Curated aliases win over generated ones; ambiguous ones are out."""
    data = load_data("countries.yaml")
    ambiguous = {a.lower() for a in data.get("ambiguous", [])}
    table: dict[str, tuple[str, str]] = {}
    for name, code in _iso_names():
        table.setdefault(name.lower(), (code, "name"))
    curated = [(code, entry) for code, entry in data.items() if code not in SPECIAL_KEYS]
    # the rest of the world's demonyms and capitals: never over a curated or an ISO alias
    world = list(load_data("countries_world.yaml").items())
    kinds = (("names", "name"), ("demonyms", "demonym"), ("places", "place"), ("currencies", "currency"))
    for entries, overrides in ((curated, True), (world, False)):
        for code, entry in entries:
            for key, kind in kinds:
                for alias in entry.get(key, []):
                    if overrides:
                        table[alias.lower()] = (code, kind)
                    else:
                        table.setdefault(alias.lower(), (code, kind))
                    if kind == "demonym":
                        for form in inflections(alias, data["demonym_endings"]):
                            table.setdefault(form.lower(), (code, kind))
    return {alias: value for alias, value in table.items() if alias not in ambiguous}


def inflections(demonym: str, endings: dict[str, list[str]]) -> list[str]:
    """The other forms of a one-word demonym, by the longest ending ``endings`` knows: gender and number
    in Spanish and Portuguese ("argentino" -> "argentina", "argentinos", "argentinas"), the plural in
    English ("Jamaican" -> "Jamaicans")."""
    if " " in demonym:
        return []
    for ending in sorted(endings, key=len, reverse=True):
        if demonym.endswith(ending):
            stem = demonym[: len(demonym) - len(ending)]
            return [stem + other for other in endings[ending]]
    return []


@cache
def _pattern(flags: int = 0) -> re.Pattern[str]:
    """The gazetteer's names (all lower case) as one prefix tree: without ``re.IGNORECASE``, read in
    the lower-cased text, where it costs half what the case-insensitive form costs in the text as
    written (each branch of the tree is then tried by comparing one character, not its case forms)."""
    return re.compile(rf"(?<![\w$-]){alternation(gazetteer())}(?:(?<=[^\w])|(?![\w-]))", flags)


# Characters the engine's case-insensitive matching compares as ``str.lower`` would: ASCII, Latin-1
# but the micro sign, general punctuation, currency signs. Others (the dotless i, the long s, the
# Kelvin sign, Greek letters) have case partners ``str.lower`` does not give.
_PLAIN_CASE = re.compile(r"[\x00-\x7f\u00a0-\u00b4\u00b6-\u00ff\u2000-\u206f\u20a0-\u20cf]*")


@cache
def _plain_names() -> bool:
    """Are the gazetteer's names all in lower case and of characters ``_PLAIN_CASE`` accepts?"""
    return all(name == name.lower() and _PLAIN_CASE.fullmatch(name) for name in gazetteer())


def _name_spans(text: str) -> list[tuple[int, int]]:
    """Where the gazetteer's names stand, as the case-insensitive pattern finds them in ``text``: read
    in the lower-cased text when every character of both compares as ``str.lower`` would."""
    lowered = text.lower()
    if _plain_names() and len(lowered) == len(text) and _PLAIN_CASE.fullmatch(text):
        return [m.span() for m in _pattern().finditer(lowered)]
    return [m.span() for m in _pattern(re.IGNORECASE).finditer(text)]


@cache
def _comparison() -> re.Pattern[str]:
    """A comparison right before a mention: 'a diferencia de Chile', 'unlike the Bahamas'."""
    cues = alternation(load_data("countries.yaml")["comparison_cues"])
    articles = r"(?:en|in|em|no|na|nos|nas|el|la|los|las|the|o|a|os|as|de|del|da|do|das|dos|lo|que)"
    return re.compile(rf"(?<!\w){cues}(?:\s+{articles}){{0,2}}\s+$", re.IGNORECASE)


@cache
def _currency() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A money's name right before or after a mention: 'dólares norte-americanos', 'U.S. dollars'."""
    nouns = alternation(load_data("countries.yaml")["currency_nouns"])
    return re.compile(rf"(?<!\w){nouns}\s+$", re.IGNORECASE), re.compile(rf"\s+{nouns}(?!\w)", re.IGNORECASE)


@cache
def _origin() -> re.Pattern[str]:
    """A person's origin right before a mention: 'the native Belizean', 'nacido en Chile'."""
    cues = alternation(load_data("countries.yaml")["origin_cues"])
    return re.compile(rf"(?<!\w){cues}\s+(?:the\s+|el\s+|la\s+|o\s+|a\s+)?$", re.IGNORECASE)


@cache
def _market_after() -> re.Pattern[str]:
    """A market named in apposition right after a mention: 'Brasil, el principal mercado para nuestras
    exportaciones', 'China, its largest buyer': where goods go, not where the story happens."""
    nouns = alternation(load_data("countries.yaml")["market_nouns"])
    return re.compile(
        rf"\s*,\s+(?:(?:the|its|our|their|el|la|su|nuestro|nuestra|o|a|seu|sua|nosso|nossa)\s+)?"
        rf"(?:[^\W\d_]+\s+){{0,2}}?{nouns}(?!\w)",
        re.IGNORECASE,
    )


@cache
def _posting() -> re.Pattern[str]:
    """A mission's seat abroad right before a mention: 'la Embajada Argentina en Brasil', 'the High
    Commission of Canada in Jamaica' (the posting, as an ambassador's title names it, weighs a quarter;
    the country the mission serves is named before)."""
    cues = alternation(load_data("countries.yaml")["posting_cues"])
    return re.compile(
        rf"(?<!\w){cues}\b[^.;:!?()\n]{{0,40}}?\s(?:in|en|em|no|na|at)\s+(?:the\s+|el\s+|la\s+|o\s+|a\s+)?$",
        re.IGNORECASE,
    )


@cache
def _glued() -> re.Pattern[str]:
    """A country's name glued after a national body's short prefix, in one word: 'BanEcuador', 'ProChile'."""
    names = [alias for alias, (_, kind) in gazetteer().items() if kind == "name" and " " not in alias]
    prefixes = alternation(load_data("countries.yaml")["glued_prefixes"])
    # the name's case is checked on the match: its first letter a capital, the rest as written
    return re.compile(rf"(?<![\w$-]){prefixes}(?P<name>{alternation(names)})(?![\w-])", re.IGNORECASE)


def _glued_mentions(text: str) -> list[Mention]:
    """National bodies named with their country glued in ('BanEcuador'): both parts capitalised."""
    found = []
    for m in _glued().finditer(text):
        name = m.group("name")
        if m.group(0)[0].isupper() and name[0].isupper() and not name[1:].isupper():
            found.append(Mention(gazetteer()[name.lower()][0], m.start(), m.end(), m.group(0), "institution"))
    return found


@cache
def _role_before() -> re.Pattern[str]:
    """A role word, then at most six words, then 'of/de/in...' right before the mention."""
    roles = alternation(role_words())
    return re.compile(
        rf"\b{roles}\b[^.;:!?()]{{0,60}}?\s(?:of|de|del|do|da|for|para|to|in|en|em|no|na)"
        r"\s+(?:the\s+|la\s+|el\s+|los\s+|o\s+|a\s+)?$",
        re.IGNORECASE,
    )


def _accept(surface: str, kind: str, text: str, end: int) -> bool:
    if kind in ("name", "place"):
        # Proper nouns: every long word capitalised ("the Bahamas", "Trinidad and Tobago"), and a single
        # short word too: "usa" is Portuguese for "uses", "USA" the country. A line holding the name
        # alone may be in lower case: a dateline the site sets in small capitals ("madrid").
        words = surface.split()
        return all(w[0].isupper() for w in words if len(w) >= 4 or len(words) == 1) or _alone_on_its_line(
            text, end - len(surface), end
        )
    if kind == "currency" and not surface.islower():
        return bool(re.match(r"\s?\d", text[end : end + 2]))
    return True


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    line_starts = start == 0 or text[start - 1] == "\n"
    return line_starts and (end == len(text) or text.startswith(("\n", " \n"), end))


@cache
def _language_cue() -> re.Pattern[str]:
    """A word right before a demonym that makes it a language ("lengua española", "en español")."""
    return re.compile(rf"(?<!\w){alternation(words('language_cues'))}\s+$", re.IGNORECASE)


# One or two capitalised words right before a mention, joined to it by a space only.
_CAPITALISED = r"[A-ZÁÉÍÓÚÑÇ][a-záéíóúñçãõâêô]+"
_NAME_BEFORE = re.compile(rf"(?<![\w.])({_CAPITALISED})(?: ({_CAPITALISED}))? $")


def _after_given_name(text: str, start: int, kind: str) -> bool:
    """A country or place right after a given name is a surname: "Luís Montenegro", "Javier España",
    "Maria Luiza Brasil" name a person, not the place of the story."""
    if kind not in ("name", "place"):
        return False
    # names.py reads this module's gazetteer, so its given names are imported when first needed
    from hemeroteca.extract.names import fold, given_names

    m = _NAME_BEFORE.search(text, max(0, start - 40), start)
    return bool(m) and any(fold(word) in given_names() for word in m.groups() if word)


@cache
def _new() -> re.Pattern[str]:
    """'New', 'Nueva', 'Nova'... right before a name: the name of another place."""
    words = alternation(load_data("countries.yaml")["new_places"])
    return re.compile(rf"(?<![\w-])(?:{words}) (?:{_CAPITALISED} )?$")


def _after_new(text: str, start: int, kind: str) -> bool:
    """A country or city after "New" names another place: "New Amsterdam" is a town in Guyana, "New
    South Wales" a state of Australia, "New Mexico" one of the United States, "Nueva Esparta" a state of
    Venezuela; the new place's own name, where a list knows it ("New York", "Nueva Zelanda"), is matched
    whole before its last word."""
    return kind in ("name", "place") and bool(_new().search(text, max(0, start - 24), start))


def country_mentions(text: str) -> list[Mention]:
    table = gazetteer()
    found = []
    language_end = -1  # where the last language read as such ends: "lengua española y portuguesa"
    for start, end in _name_spans(text):
        surface = text[start:end]
        code, kind = table[surface.lower()]
        if kind == "demonym" and (
            _language_cue().search(text[max(0, start - 30) : start])
            or (language_end >= 0 and _LIST_GAP.match(text[language_end:start]))
        ):
            language_end = end
            continue
        if (
            _accept(surface, kind, text, end)
            and not _after_given_name(text, start, kind)
            and not _after_new(text, start, kind)
        ):
            found.append(Mention(code, start, end, surface, kind))
    return sorted([*found, *_glued_mentions(text)], key=lambda m: m.start)


def _runs(text: str, mentions: Sequence[Mention]) -> list[tuple[list[int], bool]]:
    """Runs of mentions joined by commas or a conjunction, each with whether examples introduce it
    ("markets such as Mexico and the United States")."""
    runs = []
    run = [0] if mentions else []
    for i in range(1, len(mentions) + 1):
        joined = i < len(mentions) and _LIST_GAP.match(text[mentions[i - 1].end : mentions[i].start])
        if joined:
            run.append(i)
            continue
        first = mentions[run[0]]
        runs.append((run, bool(_EXAMPLE_CUE.search(text[max(0, first.start - 30) : first.start]))))
        run = [i]
    return runs


@dataclass(frozen=True)
class Weighed:
    """A text's country mentions with their weights, and its enumerations of three or more countries."""

    weights: list[tuple[Mention, float]]
    enumerations: list[tuple[Mention, ...]]
    # lists of two or more countries that are no examples ("Brasil e Angola assinam acordo")
    lists: tuple[tuple[Mention, ...], ...] = ()


@cache
def _joiner() -> re.Pattern[str]:
    """What may stand between the members of a bare list besides punctuation ("and", "y", "und")."""
    joiners = alternation(load_data("countries.yaml")["list_joiners"])
    return re.compile(rf"(?<!\w){joiners}(?!\w)", re.IGNORECASE)


_LABEL = re.compile(r"^\s*[^\W\d_][\w ]{0,30}:")
_NOT_PUNCTUATION = re.compile(r"[^\W_]")


def _bare_lists(text: str, mentions: Sequence[Mention]) -> set[int]:
    """Mentions on lines that hold nothing but a list of ``MEMBER_LIST`` countries or more (a label such
    as "Countries:" before it allowed, and one word not read in every five members): "Anguilla,
    Barbados, Belize, ..., Trinidad and Tobago" on a regional body's page is its membership, or the
    site's field of countries it covers; no sentence says the story happens there."""
    out: set[int] = set()
    by_line: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        by_line.setdefault(text.rfind("\n", 0, m.start), []).append(i)
    for line_start, members in by_line.items():
        if len({mentions[i].code for i in members}) < MEMBER_LIST:
            continue
        end = text.find("\n", line_start + 1)
        line = text[line_start + 1 : end if end >= 0 else len(text)]
        rest = list(line)
        for i in members:
            m = mentions[i]
            rest[m.start - line_start - 1 : m.end - line_start - 1] = " " * (m.end - m.start)
        left = _joiner().sub(" ", _LABEL.sub(" ", "".join(rest))).split()
        # a word not read in every five members at most: a spelling no list knows ("Antigua und Barbuda")
        if sum(bool(_NOT_PUNCTUATION.search(word)) for word in left) <= len(members) // MEMBER_LIST:
            out.update(members)
    return out


def _weights(text: str) -> Weighed:
    mentions = country_mentions(text)
    bare = _bare_lists(text, mentions)
    mentions = [m for i, m in enumerate(mentions) if i not in bare]
    listed: set[int] = set()
    enumerations = []
    lists = []
    for run, example in _runs(text, mentions):
        enumeration = len({mentions[j].code for j in run}) >= 3
        if len({mentions[j].code for j in run}) >= 2 and not example:
            lists.append(tuple(mentions[j] for j in run))
        if enumeration or example:
            listed.update(run)
        if enumeration and not example:
            enumerations.append(tuple(mentions[j] for j in run))
    out: list[tuple[Mention, float]] = []
    destination = False
    for i, m in enumerate(mentions):
        before = text[max(0, m.start - 90) : m.start]
        # a destination carries over its coordination: "missions to Jamaica and Canada"
        joined = i > 0 and _LIST_GAP.match(text[mentions[i - 1].end : m.start])
        destination = bool(
            _DESTINATION.search(before)
            or _FAIR.search(before)
            or (joined and destination)
            or _market_after().match(text, m.end)
        )
        compared = bool(_comparison().search(before))
        before_money, after_money = _currency()
        money = m.kind in ("name", "demonym") and bool(
            before_money.search(before[-20:]) or after_money.match(text, m.end)
        )
        in_a_persons_title = (
            _role_before().search(before)
            or _NATIONALITY.search(before)
            or _origin().search(before)
            or _posting().search(before)
        )
        weak = i in listed or in_a_persons_title or destination or compared or money
        weight = WEAK if weak else CURRENCY if m.kind == "currency" else 1.0
        out.append((m, weight))
    return Weighed(out, enumerations, tuple(lists))


def _dateline(body: str) -> tuple[int, int]:
    """Span of the dateline opening the first real paragraph ("La Paz, (ABI).- "), or (0, 0)."""
    offset = 0
    for para in body.split("\n"):
        if len(para.split()) >= 12:
            m = _DATELINE.match(para)
            return (offset, offset + m.end()) if m else (0, 0)
        offset += len(para) + 1
    return 0, 0


def _first_sentence(body: str) -> tuple[int, int]:
    """Span of the lead's first sentence (in the first paragraph of prose), or (0, 0) without prose."""
    paras = [p for p in paragraphs(body) if is_prose(p)]
    if not paras:
        return 0, 0
    at = body.find(paras[0])
    stop = re.search(r"[.!?](?:\s|$)", paras[0])
    return at, at + (stop.end() if stop else len(paras[0]))


def _lead_end(body: str) -> int:
    """End of the lead: the first two paragraphs of prose (or the first two paragraphs)."""
    paras = paragraphs(body)
    prose = [p for p in paras if is_prose(p)][:2] or paras[:2]
    if not prose:
        return 0
    return body.find(prose[-1]) + len(prose[-1])


def find_countries(
    title: str, body: str, institutions: Iterable[tuple[str, str]] = (), people: Iterable[str] = ()
) -> list[CountryHit]:
    """Countries by salience; ``institutions`` are (code, actor name) pairs from the authority file,
    ``people`` names whose places are surnames ("Joana Lima") and say nothing about the country.

    Credit lines are read only when nothing else names a country: a byline's surname may be a place
    ("Por Fernanda Lima"), but a story no sentence places may name its country only in its source
    ("[Source: Fiji Government / Facebook]")."""
    institutions, people = list(institutions), list(people)
    return _ranked(title, body, institutions, people, credits=False) or _ranked(
        title, body, institutions, people, credits=True
    )


def _ranked(
    title: str, body: str, institutions: Iterable[tuple[str, str]], people: Iterable[str], *, credits: bool
) -> list[CountryHit]:
    """``find_countries``, with or without the credit lines."""
    institutions = [(code, name, body.find(name) if name in body else 10**8) for code, name in institutions]
    # A country inside a known institution's name ("Agencia de Cooperación Internacional del Japón") is
    # that institution, which counts once below; read as a place it would outweigh where the story is.
    for name in [*people, *(name for _, name, _ in institutions)]:
        title, body = title.replace(name, " " * len(name)), body.replace(name, " " * len(name))
    # A byline names the reporter, whose surname may be a place ("Por Fernanda Lima"): not the story's.
    if not credits:
        body = "\n".join(" " * len(line) if is_credit(line) else line for line in body.split("\n"))
    scores: dict[str, list] = {}
    usage: dict[str, list[int]] = {}  # code -> [mentions in prose, of which inside a longer name]

    def add(code: str, weight: float, pos: int, surface: str) -> None:
        entry = scores.setdefault(code, [0.0, 10**9, [], 0.0])
        entry[0] += weight
        entry[1] = min(entry[1], pos)
        if surface not in entry[2]:
            entry[2].append(surface)

    def used(m: Mention) -> None:
        """How the body uses one mention: in a sentence, and inside a longer name."""
        counts = usage.setdefault(m.code, [0, 0])
        line_start = body.rfind("\n", 0, m.start) + 1
        line_end = body.find("\n", m.end)
        if len(body[line_start : line_end if line_end >= 0 else len(body)].split()) >= PROSE_WORDS:
            counts[0] += 1
            counts[1] += bool(_IN_A_NAME.match(body, m.end))

    in_title = _weights(title)
    for m, weight in in_title.weights:
        add(m.code, weight * TITLE_WEIGHT, m.start - len(title) - 1, m.surface)
    lead_end = _lead_end(body)
    start, end = _dateline(body)
    in_body = _weights(body)
    elsewhere = {m.code for m, _ in in_title.weights} | {
        m.code for m, _ in in_body.weights if not start <= m.start < end
    }
    for m, weight in in_body.weights:
        if not start <= m.start < end:
            used(m)
        if start <= m.start < end:
            # "La Paz, (ABI).- ...": the dateline says where the story happens, unless it is the only
            # mention of that country ("WASHINGTON, D.C. – The IDB approved a loan to Paraguay"): then
            # it is where the story was filed, often the seat of a bank, and counts little.
            if m.code not in elsewhere:
                if m.code not in scores:
                    add(m.code, DATELINE, m.start, m.surface)
                continue
            weight += DATELINE
        add(m.code, weight, m.start, m.surface)
        if m.start < lead_end:
            entry = scores[m.code]
            if weight > WEAK:
                entry[3] = max(entry[3], LEAD_BONUS)
            # "iniciaron esta semana, en San Salvador, un proyecto": a city the lead places the news in;
            # so does a country named after "in/en/em" ("a primeira etapa realizada na Nigéria")
            placed = m.kind in ("place", "name") and _VENUE.search(body[max(0, m.start - 12) : m.start])
            if weight > WEAK and placed:
                entry[3] = LEAD_BONUS + VENUE
    for code, name, at in institutions:
        add(code, INSTITUTION, at, name)
        usage.setdefault(code, [0, 0])[0] += 1  # a national body acting in the story
    # in the headline and the sentences (a dateline names where the story was filed from); "in Ecuador",
    # "en Ecuador" names where something happens as a city does
    located = [(m, w, title) for m, w in in_title.weights] + [
        (m, w, body) for m, w in in_body.weights if not start <= m.start < end
    ]
    places = Counter(
        m.code
        for m, weight, text in located
        if weight > WEAK
        and (m.kind == "place" or (m.kind == "name" and _VENUE.search(text[max(0, m.start - 12) : m.start])))
    )
    hits = [
        CountryHit(code, s + lead, first, tuple(ev), *usage.get(code, (0, 0)), places[code])
        for code, (s, first, ev, lead) in scores.items()
    ]
    if not hits:
        return []
    ranked = sorted(hits, key=lambda h: (-h.score, h.first, h.code))
    top = leader = ranked[0]
    # A headline (or, without one, the lead) that lists the leading country with others names the
    # story's own first: "Brasil e Angola assinam acordo", "exporters in Guyana, Suriname and Belize".
    in_lead = (r for r in in_body.lists if r[0].start < lead_end)
    listed = next(iter(in_title.lists), None) or next(in_lead, None)
    if listed and top.code in {m.code for m in listed}:
        leader = next(h for h in ranked if h.code == listed[0].code)
    # Of two countries close in score, the one named by its cities is where the story happens; the other
    # is the partner, named by its name and its people ("Casa Brasil em Lisboa", "MT e Uruguai ... em
    # Cuiabá", "financiamiento de Taiwán ... en San Salvador"). Three countries or more listed are a
    # programme's: the headline's order stands.
    if not (listed and leader is not top and len({m.code for m in listed}) >= 3):
        rivals = [h for h in ranked[:2] if h.score >= CLOSE_MAIN * top.score and h.places > leader.places]
        leader = rivals[0] if rivals else leader
    # The lead's first sentence listing three countries or more names the places a measure reaches; a
    # leader it does not name in full (a lender's seat, "(DFC) de los Estados Unidos"; a filing place
    # above it) nor the headline names is the lender's or the sender's: the list's first is the main one.
    opening_start, opening_end = _first_sentence(body)
    opening = next((e for e in in_body.enumerations if opening_start <= e[0].start < opening_end), None)
    named_there = {m.code for m, w in in_body.weights if opening_start <= m.start < opening_end and w > WEAK}
    if opening and leader.code not in {m.code for m in opening} | named_there and leader.first >= 0:
        leader = next((h for h in ranked if h.code == opening[0].code), leader)
    # a national institution taking part brings its country however much the story's place is named
    taking_part = {code for code, _, _ in institutions}
    # An enumeration in the headline or the lead that names the story's own country lists the places
    # the story is about ("the programme for Barbados, Belize, Jamaica and St. Lucia"), not examples;
    # so does one in the lead's first sentence whatever it names: the places the measure reaches
    # ("a credit line for the MSMEs of Guatemala, El Salvador and Honduras", the lender's country aside).
    enumerations = [*in_title.enumerations, *(e for e in in_body.enumerations if e[0].start < lead_end)]
    for enumeration in enumerations:
        in_opening = opening_start <= enumeration[0].start < opening_end
        if leader.code in {m.code for m in enumeration} or in_opening:
            taking_part.update(m.code for m in enumeration)
    kept = [h for h in ranked if h.score >= KEEP_RATIO * top.score or h.code in taking_part]
    return [leader, *(h for h in kept if h is not leader)]


def close_main(hits: Sequence[CountryHit]) -> list[Doubt]:
    """Doubts on the main country when a runner-up competes with it: stories about two countries
    (an agency of one working in the other) are where the choice goes wrong. Two reasons, each
    weak alone: the runner-up's score comes close, and the main country is named by no more of
    its cities than the runner-up (the place of a story is named by its cities; a partner country
    by its name and its people, "empresas brasileiras", which add to its score just as well)."""
    if len(hits) < 2:
        return []
    main, second = hits[0], hits[1]
    out = []
    if second.score >= CLOSE_MAIN * main.score:
        detail = f"{second.code} ({second.score:g} against {main.score:g})"
        out.append(Doubt("close-main-country", item=main.code, detail=detail))
    if main.places <= second.places:
        detail = f"{second.code} ({second.places} against {main.places})"
        out.append(Doubt("main-country-unplaced", item=main.code, detail=detail))
    return out


def country_doubts(hits: Sequence[CountryHit]) -> list[Doubt]:
    """Reasons to doubt each country, from how the body names it: never in a sentence (only in the
    headline, the dateline or a short line of its own: a filing place, a site's address), or only
    as part of a longer name ("the China Co-financing Fund": a fund, not a place of the story). No
    country at all is a doubt on the main country too: a story happens somewhere, and the text names
    it in a form not read (a region, an abbreviation) or only in what was cut as furniture."""
    if not hits:
        return [Doubt("no-country")]
    out = close_main(hits)
    for k, hit in enumerate(hits):
        if hit.in_prose == 0 and not _in_headline(hit):
            out.append(Doubt("country-not-in-prose", item=hit.code))
        elif k > 0 and hit.in_prose and hit.in_names == hit.in_prose:
            # the main country named only in names ("Jamaica Business Development Corporation") is
            # still the story's: the names are of its own bodies
            out.append(Doubt("country-in-a-name", item=hit.code))
    return out


def _in_headline(hit: CountryHit) -> bool:
    """Named in the headline (its mentions there are counted before the body's, at negative places)."""
    return hit.first < 0
