"""Short names: acronyms used on their own, and one-word names coordinated with an organisation.

A capitalised acronym alone is an actor only when something says it names a
body that takes part: the text defines it for an institution or spells out the
name it abbreviates, or at one of its mentions it heads the title, is the agent
("coordenada pela ABC") or a partner ("em parceria com a FAO"), sits in an
enumeration, names the employer in a person's title ("la gerenta general de
SERCOTEC", "CARICOM Secretary-General ..."), or a verb follows it ("la ABDE
firmó", "o BNB reunirá"). Being used again is no evidence: a treaty's, a credit
line's or a meeting's acronym recurs too. Generic acronyms (MSME, GDP), places
written in capitals, words written in capitals (two or more in a row, or a word
the text also writes in lower case), project names and acronyms defined for
something that is not an institution (and their first word: "PAE Mype") are
never taken. A one-word name
coordinated with an organisation ("el Sistema OCB/MT, a Aprosoja e a Ampa")
is one too, and so are the names listed after a plural noun for bodies ("las
cooperativas seleccionadas son Coopx, Creditel y Finamas"). An acronym that is
each time inside a longer capitalised name is part of it.
"""

from __future__ import annotations

import re
from functools import cache

from hemeroteca.extract.countries import gazetteer
from hemeroteca.extract.names import fold, is_acronym, is_furniture, lower_case_words, tokenize
from hemeroteca.extract.org_patterns import ACRONYM, CAPW, SP, UPPER, OrgMention
from hemeroteca.extract.people import is_role
from hemeroteca.extract.vocabulary import alternation, words

_ANY_DEFINITION = re.compile(rf"\(\s*{ACRONYM}\s*[,)]")
_ACRONYM_TOKEN = re.compile(rf"(?<![\w/-])(?P<acr>[{UPPER}0-9]*[{UPPER}]{{2}}[\w/-]*)(?![\w/-])")
# An acronym right after "project"/"programa" or before "project" names a project, not an actor.
_PROJECT = re.compile(
    r"(?:\b(?:project|programme|program|proyecto|programa|projeto|iniciativa|initiative|plan|plataforma|"
    r"platform|fondo|fund|fundo|campaign|campaña|campanha)[ \t]+$)",
    re.IGNORECASE,
)
_PROJECT_AFTER = re.compile(
    r"^[ \t]+(?:project|programme|program|initiative|platform|fund|plan|campaign)\b", re.IGNORECASE
)
_ROMAN = re.compile(r"^[IVXLC]+$")
# A brand written with a capital inside: 'BanEcuador', 'ProDominicana', 'exporTT'. Surname prefixes
# ('McKenzie', 'DeLeon', 'LaTorre') make people's names, not brands.
_CAMEL = re.compile(r"(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)[A-Z])[A-Z]?[a-z]{2,}[A-Z][A-Za-z]*")
_CAMEL_TOKEN = re.compile(rf"(?<![\w/-])(?P<acr>{_CAMEL.pattern})(?![\w/-])")


def _camel_brands(text: str) -> list[re.Match[str]]:
    return [m for m in _CAMEL_TOKEN.finditer(text) if not _ACRONYM_TOKEN.fullmatch(m.group("acr"))]
_PARTNER = re.compile(
    r"\b(?:in partnership with|with the support of|together with|along with|em parceria com"
    r"|com o apoio d[aoe]|en alianza con|con el apoyo de(?:l| la)?|junto con|junto a)"
    r"\s+(?:the\s+|el\s+|la\s+|o\s+|a\s+)?$",
    re.IGNORECASE,
)
_ARTICLE_WORDS = r"(?:a|o|as|os|la|el|las|los|the|al|ao)"
# ", a Aprosoja" / " e a Ampa" after an organisation; "Citi y " before one.

_COORD_AFTER = re.compile(
    rf"^(?:,|{SP}(?:y|e|and)){SP}(?:{_ARTICLE_WORDS}{SP})?(?P<name>{CAPW})"
    rf"(?=[ \t]*(?:[,.;:)]|{SP}(?:y|e|and){SP}))"
)
_COORD_BEFORE = re.compile(rf"(?<![\w-])(?P<name>{CAPW})(?:,|{SP}(?:y|e|and)){SP}(?:{_ARTICLE_WORDS}{SP})?$")


_OWN_ACRONYM = re.compile(r"[ \t]*\([^()\n]{1,15}\)")


def blocked_acronyms(text: str) -> set[str]:
    """Every acronym defined in parentheses. The caller unblocks those defined as institutions, so the
    rest (a programme, an index, a size class: 'Cluster Support Program (PAC)') are never taken alone."""
    blocked = set()
    for m in _ANY_DEFINITION.finditer(text):
        blocked.add(m.group("acr").rstrip("s"))
        # "(PAE Mype)", "(PRONAF A)": the acronym's first word alone is the same programme
        blocked.add(m.group("acr").split()[0].rstrip("s"))
    return blocked


# A dateline's place in capitals at a line's start, then a comma and a date soon after: "MORELIA, Mich.,
# 20 de mayo", "LIMA, 5 de junio (ANDINA).-", "KINGSTON, Jamaica, May 3", "TIJUANA, BAJA CALIFORNIA, A 2
# DE JULIO". The place, and the state or country after it, are no acronyms.
_DATELINE_PLACE = re.compile(
    rf"^[ \t]*[{UPPER}][{UPPER}' .-]+,(?:[ \t]*[{UPPER}][\w.]*,?){{0,3}}(?=[ \t]*\d)", re.MULTILINE
)
# Two or more words in capitals in a row are a phrase written in capitals ("THE SMALL BUSINESS
# BUREAU (SBB) is ...", a name "PAULA GOPEE-SCOON, the Minister", "DOS PINOS"), not acronyms side by side.
_CAPS_WORD = rf"[{UPPER}]{{2,}}[-{UPPER}]*"
_CAPITALS_RUN = re.compile(rf"(?<![\w-]){_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}(?![\w-]))+")


def _shouted_lines(text: str) -> list[tuple[int, int]]:
    """Spans of lines written in capitals (a shouted headline): their words are not acronyms."""
    spans, start = [], 0
    for line in text.split("\n"):
        # counted by str methods mapped in C: this runs over every character of every text
        letters = list(filter(str.isalpha, line)) if len(line) > 20 else ()
        if len(letters) > 20 and sum(map(str.isupper, letters)) > 0.7 * len(letters):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _extend(text: str, end: int) -> str:
    """Capitalised words right after an acronym that belong to the name: 'METS Ignited', 'iNNpulsa Mipyme',
    also before a possessive ("IDB Invest's")."""
    ending = rf"(?:['’]s)?(?:[ \t]*[,.;:)]|{SP}[a-záéíóúç])"
    m = re.match(rf"(?:{SP}[{UPPER}][a-záéíóúñç]+){{1,2}}(?={ending})", text[end:])
    if not m or any(is_furniture(t.word) for t in tokenize(m.group(0))):
        return ""
    return m.group(0)


_AGENT = re.compile(r"\b(?:by|por|pela|pelo|por el|por la)\s+(?:the\s+|el\s+|la\s+|o\s+|a\s+)?$", re.I)


def _studied_at(before: str) -> bool:
    """'economista pela UFX', 'graduada por la UNX': the acronym is where someone studied."""
    last = before.split()[-1:]
    return bool(last) and fold(last[0].strip(",.")) in _degree_words()


@cache
def generic_acronyms() -> frozenset[str]:
    """The generic acronyms (MSME, GDP), folded: every rule that takes an acronym alone leaves them out."""
    return frozenset(fold(a) for a in words("generic_acronyms"))


@cache
def _degree_words() -> frozenset[str]:
    return frozenset(fold(w) for w in words("degree_words"))


def _why_standalone(text: str, m: re.Match[str], title: str) -> str | None:
    """What, at this mention, says the acronym names a body that takes part (None: nothing does).
    Being used again is no such evidence: a treaty's, a credit line's or a meeting's acronym recurs
    too ("CARICOM countries", "la línea ICO", "the AGM")."""
    acr = m.group("acr")
    if title and acr in title:
        return "acronym in the title"
    if _TABLE_ENTRY.match(text, m.end()):
        return None  # "seis fondos administrados: Fogmipyme: 185,162, FAGRE: 63,591": a row of figures
    why = acting_mention(text, m.start(), m.end())
    if why not in ("the name as the agent", "the name as a partner"):
        before = text[max(0, m.start() - 60) : m.start()]
        if re.search(r"(?:,|\b(?:y|e|and))\s*$", before) or re.match(r"\s*,\s*[A-Z]", text[m.end() :]):
            return "acronym in an enumeration"
    return why and _ACRONYM_REASONS.get(why, why)


# An acronym followed by a colon and a figure is a row of a table of figures, not a body named in a list.
_TABLE_ENTRY = re.compile(r"[ \t]*:[ \t]*[$€£]?[ \t]*\d")


# The evidence as ``--explain`` has always worded it for an acronym.
_ACRONYM_REASONS = {
    "the name as the agent": "acronym as the agent",
    "the name as a partner": "acronym as a partner",
    "the name names the employer in a title": "acronym names the employer in a title",
    "a person's title after the name": "a person's title after the acronym",
    "a verb after the name": "a verb after the acronym",
}


def acting_mention(text: str, start: int, end: int) -> str | None:
    """What, at the mention ``text[start:end]``, says the body named takes part: it is the agent ("pela
    ABC"), a partner ("em parceria com a FAO"), the employer in a person's title ("la gerenta general
    de SERCOTEC"), it gives a title ("CARICOM Secretary-General ...") or a verb follows it ("la ABDE
    firmó"). None: nothing does (a list, a complement, a thing named)."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 60]
    agent = _AGENT.search(before)
    if agent and not _studied_at(before[: agent.start()]):
        return "the name as the agent"
    if _PARTNER.search(before):
        return "the name as a partner"
    tail = tokenize(before)[-6:]
    if re.search(r"\b(?:de|del|of|of the|do|da|at|from)\s+$", before) and any(
        is_role(tail, i) for i in range(len(tail))
    ):
        return "the name names the employer in a title"
    if titled_after(after):
        return "a person's title after the name"
    if acts_after(after):
        return "a verb after the name"
    return None


# Words that may stand between an acronym and the title it gives ("PROCOMER's export manager",
# "CARICOM Deputy Secretary-General").
MAX_TITLE_GAP = 3


def titled_after(after: str) -> bool:
    """The acronym owns a person's title right after it: 'CARICOM Secretary-General Dr. Carla Barnett',
    "PROCOMER's export manager", "IDB Lab's specialist". Without a possessive only capitalised words
    may come between ("GAPI entrevistou o gestor" gives no title)."""
    possessive = re.match(r"['’]s\b", after)
    tokens = tokenize(after[possessive.end() :] if possessive else after)[: MAX_TITLE_GAP + 1]
    for k, token in enumerate(tokens):
        if is_role(tokens, k):
            # one person's title, not a plural ("CARICOM leaders discuss ..." are the members' heads)
            return not (token.word.endswith("s") and is_role([token._replace(word=token.word[:-1])], 0))
        if not token.word[:1].isalpha() or not (possessive or token.word[:1].isupper()):
            return False
    return False


def acts_after(after: str) -> bool:
    """'COFIDE informó', 'la ABDE firmó', 'o BNB reunirá', 'the DBT signed', 'COFIDE, el Banco de
    Desarrollo del Perú, informó': a verb of saying, or a verb in a past or future form (its ending
    says so, ``verb_endings``), right after the name or after an aside set off by commas: a body
    doing something. Short auxiliaries ("será implementado") are left out: the name is then the
    thing done, not the doer."""
    m = re.match(r"[ \t]*(?:,[^,.;\n]{1,50},[ \t]*)?(?P<verb>[^\W\d_]+)(?:[ \t]+(?P<next>[^\W\d_]+))?", after)
    if not m or not m.group("verb").islower():
        return False
    verb = m.group("verb")
    if verb in _perfect() and m.group("next") and m.group("next").endswith(_PARTICIPLES):
        return True  # "the European Union has provided", "el BID ha aprobado", "o BNDES tem apoiado"
    return fold(verb) in _speech() or (len(verb) > 4 and verb.endswith(_verb_endings()))


# Endings of a participle after a perfect auxiliary ("provided", "aprobado", "apoiado", "cumprido").
_PARTICIPLES = ("ed", "ado", "ido", "ada", "ida", "en", "wn", "ne", "de", "to", "cho", "sto")


@cache
def _perfect() -> frozenset[str]:
    return frozenset(words("perfect_auxiliaries"))


@cache
def _speech() -> frozenset[str]:
    return frozenset(fold(w) for w in words("speech_verbs"))


@cache
def _verb_endings() -> tuple[str, ...]:
    return tuple(words("verb_endings"))


_CAPITALISED_BEFORE = re.compile(rf"[{UPPER}][\w-]*[a-z][\w-]*[ \t]$")
_CAPITALISED_AFTER = re.compile(rf"[ \t][{UPPER}][\w-]*[a-z]")


def _inside_name(text: str, m: re.Match[str]) -> bool:
    """Capitalised words right before and after, with no punctuation: the acronym is inside a name."""
    return bool(
        _CAPITALISED_BEFORE.search(text, max(0, m.start() - 30), m.start())
        and _CAPITALISED_AFTER.match(text, m.end())
    )


def _names_project(text: str, m: re.Match[str]) -> bool:
    """'el proyecto IMPULSOHN', "USAID's ATTEINDRE project": the acronym names a project, not an actor."""
    before = text[max(0, m.start() - 20) : m.start()]
    return bool(_PROJECT.search(before) or _PROJECT_AFTER.match(text[m.end() :]))


def standalone_acronyms(
    text: str,
    title: str,
    known: set[str],
    blocked: set[str],
    covered: list[tuple[int, int]],
    spelled: frozenset[str] = frozenset(),
) -> list[OrgMention]:
    """Acronyms used on their own, when something says they name an actor: a defined or known
    acronym, the initials of a body's name the text gives (``spelled``: "the DBT" after the
    "Development Bank of Tobago"), or a mention where it acts."""
    generic = generic_acronyms()
    shouted = [
        *_shouted_lines(text),
        *(m.span() for m in _DATELINE_PLACE.finditer(text)),
        *(m.span() for m in _CAPITALS_RUN.finditer(text)),
    ]
    # a word the text also writes in lower case is that word shouted ("PYME al MUNDO", "el mundo")
    lower = lower_case_words(text)
    tokens = sorted([*_ACRONYM_TOKEN.finditer(text), *_camel_brands(text)], key=lambda m: m.start())
    matches = [
        m
        for m in tokens
        if (is_acronym(m.group("acr")) or _CAMEL.fullmatch(m.group("acr")))
        and not _ROMAN.match(m.group("acr"))
        and not text.startswith("$", m.end())  # a currency's code: "a BDS$70 million loan", "TT$5,000"
        and sum(c.isalpha() for c in m.group("acr")) >= 3
        and not any(a <= m.start() < b for a, b in shouted)
        and not any(s <= m.start() < e for s, e in covered)
    ]
    used_alone = {m.group("acr") for m in matches if not _inside_name(text, m)}
    projects = {m.group("acr") for m in matches if _names_project(text, m)}
    # an acronym that acts at one mention (or is defined for a body: ``known``) is that body at all;
    # asked only where the answer may count (not for known, generic or place acronyms)
    reasons = {
        id(m): _why_standalone(text, m, title)
        for m in matches
        if m.group("acr") not in known and not _generic_or_place(m.group("acr"), generic)
    }
    acting = {m.group("acr") for m in matches if reasons.get(id(m))}
    # a short form only, not extended: "the MTI Headquarters" is the ministry's building
    short_forms = {m.group("acr") for m in matches if _letters(m.group("acr")) in spelled} - known - acting
    found = []
    for m in matches:
        acr = m.group("acr")
        if _generic_or_place(acr, generic) or acr.rstrip("s") in blocked - known - short_forms:
            continue
        if re.match(rf"{SP}(?:del|de|do|da|of)(?:{SP}the)?{SP}[{UPPER}]", text[m.end() :]):
            continue  # "FODEMIPYME del Banco Popular": a unit of the institution that follows
        if acr in projects or (acr not in known | short_forms and acr.lower() in lower):
            continue
        if acr not in known and acr not in short_forms and acr not in used_alone:
            continue  # "UN Women MCO Caribbean": a part of a longer name each time it is used
        brand = not is_acronym(acr)
        why = reasons.get(id(m))
        if acr in known:
            why = "acronym defined for a body"
        elif acr in short_forms:
            found.append(OrgMention(acr, None, m.start(), "initials of a body the text names"))
            continue
        elif acr in acting and not brand and not why:
            why = "acronym used again"
        # a brand is not an acronym: recurring, being the agent ("realizada pelo WhitepaperDocs") or the
        # subject of a verb is what a publisher does too, so only a company it keeps counts
        if why and not (brand and why in ("acronym as the agent", "a verb after the acronym")):
            found.append(OrgMention(acr + _extend(text, m.end()), None, m.start(), why))
    return found


def _generic_or_place(acr: str, generic: frozenset[str]) -> bool:
    """A generic acronym (MSME, GDP, 'SMEs', 'COVID-19') or a place in capitals ('KINGSTON, Jamaica')."""
    bare = re.sub(r"[-/]?\d+$", "", acr)
    return fold(bare) in generic or fold(bare.rstrip("s")) in generic or acr.lower() in gazetteer()


def _letters(acronym: str) -> str:
    return "".join(c for c in fold(acronym) if c.isalpha())


def coordinated_names(
    text: str, mentions: list[OrgMention], blocked: set[str], people: tuple[str, ...]
) -> list[OrgMention]:
    """One-word names coordinated with an organisation are organisations too: 'OCB, a Aprosoja e a Ampa'.

    Like is coordinated with like; a one-word name that is a place, a sector word, a
    generic acronym or a defined non-institution is left out.
    """
    generic = generic_acronyms()
    found: list[OrgMention] = []
    seen = {fold(m.name) for m in mentions} | {fold(w) for p in people for w in p.split()}
    queue = [m for m in mentions if text[m.start : m.start + len(m.name)] == m.name]
    spans = [(m.start, m.start + len(m.name)) for m in queue]
    while queue:
        m = queue.pop()
        end = m.start + len(m.name)
        # past the name's own acronym: "the Exporters Association (AGEXPORT) and Banrural"
        defined = _OWN_ACRONYM.match(text, end)
        end = defined.end() if defined else end
        candidates = [(_COORD_AFTER.match(text[end : end + 60]), end)]
        before = _COORD_BEFORE.search(text[max(0, m.start - 60) : m.start])
        candidates.append((before, max(0, m.start - 60)))
        for match, offset in candidates:
            if not match:
                continue
            name = match.group("name").rstrip(".")
            start = offset + match.start("name")
            if (
                # a sentence-initial word (not the first item after a colon), or the end of a longer name
                re.search(r"(?:^|[.!?]\s+|\n\s*)$", text[max(0, start - 3) : start])
                or re.search(rf"[{UPPER}][\w.-]*[ \t]+$", text[max(0, start - 30) : start])
                or any(s <= start < e for s, e in spans)
                or fold(name) in seen
                or is_furniture(name)
                or fold(name) in generic
                or name.rstrip("s") in blocked
                or name.lower() in gazetteer()
                or len(name) < 3
            ):
                continue
            seen.add(fold(name))
            new = OrgMention(name, None, start, f"coordinated with '{m.name}'")
            found.append(new)
            queue.append(new)
    return found


# A list of three or more names of one to three capitalised words, the last after "y/e/and", an
# article allowed before each: "a Kixi, Facil, Credix e a Multi".
_ITEM = rf"(?:{_ARTICLE_WORDS}{SP})?{CAPW}(?:{SP}{CAPW}){{0,2}}"
_LIST = re.compile(rf"(?<![\w-]){_ITEM}(?:,{SP}{_ITEM}){{1,12}},?{SP}(?:y|e|and){SP}{_ITEM}(?![\w-])")
_LIST_ITEM = re.compile(rf"(?:{_ARTICLE_WORDS}{SP})?(?P<name>{CAPW}(?:{SP}{CAPW}){{0,2}})")
_PLACE_PREPOSITION = re.compile(
    r"(?<![\w-])(?:de|del|do|da|dos|das|of|in|en|em|from|na|no|nas|nos|at|for|para|por|to|with|con|com)"
    r"[ \t]+$",
    re.IGNORECASE,
)
# How far back in the sentence a plural noun for bodies may stand before the list; how long a list is read.
LIST_HEAD_WINDOW = 160
MAX_LIST_CHARS = 400


@cache
def _plural_bodies() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){alternation(words('plural_body_nouns'))}(?!\w)", re.IGNORECASE)


def enumerated_bodies(text: str, people: tuple[str, ...]) -> list[OrgMention]:
    """'Entre las cooperativas seleccionadas figuran Coopx, Creditel, Finamas y la Ahorrar': a list of
    names after a plural noun for bodies, in the same sentence, names bodies of that kind. Places,
    people, generic acronyms and common words are left out."""
    generic = generic_acronyms()
    names_of_people = {fold(w) for p in people for w in p.split()}
    found = []
    # a list is looked for only where it may start: within the window after a plural noun for bodies
    windows: list[list[int]] = []
    for noun in _plural_bodies().finditer(text):
        if windows and noun.end() <= windows[-1][1]:
            windows[-1][1] = noun.end() + LIST_HEAD_WINDOW
        else:
            windows.append([noun.end(), noun.end() + LIST_HEAD_WINDOW])
    lists = [
        m
        for lo, hi in windows
        for m in _LIST.finditer(text, lo, hi + MAX_LIST_CHARS)
        if m.start() < hi
    ]
    for m in lists:
        before = text[max(0, m.start() - LIST_HEAD_WINDOW) : m.start()]
        cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("; "))
        head = _plural_bodies().search(before[cut + 1 :])
        if not head or _PLACE_PREPOSITION.search(before):
            continue  # "cooperativas de San Carlos, Upala y Dota": where the bodies are, not their names
        for item in _LIST_ITEM.finditer(m.group(0)):
            name = item.group("name")
            if (
                name.lower() in gazetteer()
                or fold(name) in generic
                or any(is_furniture(w) for w in name.split())
                or any(fold(w) in names_of_people for w in name.split())
                or len(name) < 3
            ):
                continue
            start = m.start() + item.start("name")
            found.append(OrgMention(name, None, start, f"listed after '{head.group(0)}'"))
    return found


def branches(text: str, short_forms: set[str]) -> list[OrgMention]:
    """Regional units named after their parent: 'Sebrae em Alagoas', 'SENA en Antioquia', 'Sebrae RS'.

    Only a one-word name followed by 'em/en/in' and a place inside a country (a state, a
    city), or by a two-letter state code ('Sebrae RS', 'Sebrae-AM'), makes a unit; '... en Perú'
    is the parent's work in a country, not a unit.
    """
    forms = sorted((f for f in short_forms if len(f) >= 3 and " " not in f), key=len, reverse=True)
    if not forms:
        return []
    parents = "|".join(map(re.escape, forms))
    pattern = re.compile(
        rf"(?<![\w-])(?P<parent>{parents}){SP}(?P<prep>em|en|in|no|na){SP}"
        rf"(?P<place>{CAPW}(?:{SP}(?:de{SP}|do{SP}|da{SP}|del{SP})?{CAPW}){{0,2}})"
    )
    table = gazetteer()
    # a code before a dollar sign is a currency: 'the IDB US$35 million loan'
    coded = re.finditer(
        rf"(?<![\w-])(?:{parents})(?:[ \t]|-)(?P<code>[{UPPER}]{{2}})(?![\w-]|\\?\$)", text
    )
    # a code that is itself a body's short form is a second body: 'Acordo Mercosul-UE'
    found = [
        OrgMention(m.group(0), None, m.start(), f"regional unit: '{m.group(0)}'")
        for m in coded
        if m.group("code") not in short_forms
    ]
    for m in pattern.finditer(text):
        place = m.group("place")
        while place and table.get(place.lower(), ("", ""))[1] != "place":
            place = place.rsplit(" ", 1)[0] if " " in place else ""
        if place:
            name = f"{m.group('parent')} {m.group('prep')} {place}"
            found.append(OrgMention(name, None, m.start(), f"regional unit: '{name}'"))
    return found
