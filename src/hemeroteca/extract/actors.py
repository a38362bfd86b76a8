"""People and organisations acting in the story, merged into one list.

Three sources, most trusted first: the authority file (names and aliases in
any language, normalised to the canonical name and carrying the country of a
national body), then the people and organisation rules (``people``,
``organizations``). Mentions of one actor are merged: an acronym and its
defined name, a short form and the full name it is part of ("Tourism Ministry"
and "Tourism, Industry and Commerce Ministry"), a surname-less and a full
personal name.

An actor is dropped when every mention of it is background: the source of a
figure or a forecast ("según datos de...", "according to", "the IDB estimates"),
membership or an example list ("members of the X", "such as X, Y"), a former post
or a past partner, a parent body, the bank that holds the accounts, a venue, the
body whose congress or own fund is meant, a header or sign-off line, or a
department named only inside someone's title; a person named only in a photo
caption or as someone's predecessor in a post, or a head of state credited with
a measure after a preposition ("desde la asunción del presidente X"). Bodies a
story names mostly as its setting (a central bank, a tax office, a regulator, a
union of states) are kept only where a mention shows them taking part; a
regional unit of a body that acts on its own too is that body. A press office,
bylines and a "name" whose every word the text also writes in lower case ("Help
Desks") are never actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from hemeroteca.catalogue.authorities import Actor, Authorities
from hemeroteca.doubts import Doubt
from hemeroteca.extract.actor_doubts import actor_doubts
from hemeroteca.extract.countries import gazetteer
from hemeroteca.extract.names import fold, given_names, is_acronym, is_furniture, lower_case_words, tokenize
from hemeroteca.extract.org_patterns import NAME_GLUE, UPPER, OrgMention
from hemeroteca.extract.organizations import find_organizations, initials, is_institution, is_sector_system
from hemeroteca.extract.people import find_people, is_role
from hemeroteca.extract.short_names import acting_mention, branches
from hemeroteca.extract.vocabulary import alternation, word_set, words
from hemeroteca.sources.clean import is_credit

_LIST_CUES = ("such as", "tales como", "tais como", "por ejemplo", "for example", "e.g.", "como")
_LIST_MATERIAL = re.compile(
    r"^(?:[\s,()/&.'’-]|\b(?:y|e|and|a|o|la|el|the|de|del|do|da|das|dos|of)\b|[A-ZÁÉÍÓÚ]\S*)*$"
)
# How far back, within the sentence, a background cue may stand.
CUE_WINDOW = 200
NEAR_WINDOW = 90
# Lower-case words that may stand between a source cue and the organisation cited.
MAX_SOURCE_GAP = 6


@dataclass(frozen=True)
class FoundActor:
    name: str
    type: str
    alias: str | None
    evidence: str
    country: str | None = None
    doubts: tuple[Doubt, ...] = ()

    def as_dict(self) -> dict[str, str]:
        out = {"name": self.name, "type": self.type}
        if self.alias:
            out["alias"] = self.alias
        return out


@dataclass
class _Entity:
    name: str
    type: str
    first: int
    aliases: list[str] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    country: str | None = None
    canonical: bool = False

    def keys(self) -> set[str]:
        return {fold(self.name)} | {fold(a) for a in self.aliases}


@cache
def _authority_patterns(
    actors: tuple[Actor, ...],
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict]:
    """(case-sensitive acronym pattern, case-insensitive name pattern, folded alias -> actor)."""
    table: dict[str, Actor] = {}
    upper, other = [], []
    for actor in actors:
        for alias in (actor.name, *actor.aliases):
            table.setdefault(fold(alias), actor)
            (upper if alias.isupper() else other).append(alias)

    def compile_(aliases: list[str], flags: int) -> re.Pattern[str] | None:
        return re.compile(rf"(?<![\w/-]){alternation(aliases)}(?![\w/-])", flags) if aliases else None

    return compile_(upper, 0), compile_(other, re.IGNORECASE), table


def _authority_matches(text: str, authorities: Authorities) -> list[re.Match[str]]:
    """Every form of the authority file the text uses, acronyms first: read once per text, since
    two rules ask (the known bodies that split a name, and the authority's own actors)."""
    upper, other, _ = _authority_patterns(authorities.actors)
    return [m for pattern in (upper, other) if pattern for m in pattern.finditer(text)]


def _authority_entities(
    matches: list[re.Match[str]],
    authorities: Authorities,
    spans: list[tuple[int, int]],
    defined: dict[str, str],
) -> list[_Entity]:
    """Actors of the authority file named in the text, under the forms the text uses.

    The authority's forms are all one actor; the record shows the fullest form the text
    itself uses (its language) and the acronym it uses, falling back to the canonical ones.
    A form inside a longer organisation name found in the text ("Organização das Cooperativas
    Brasileiras do Estado do Espírito Santo") is that other organisation, not this one.
    """
    table = _authority_patterns(authorities.actors)[2]
    found: dict[str, _Entity] = {}
    surfaces: dict[str, list[str]] = {}
    # A form inside a longer authority form is part of that one ("IDB" in "IDB Invest").
    spans = spans + [m.span() for m in matches]
    for m in matches:
        if any(s <= m.start() and m.end() <= e and e - s > m.end() - m.start() for s, e in spans):
            continue
        actor = table[fold(m.group(0))]
        if m.group(0) in defined and not _same_forms(actor, defined[m.group(0)]):
            continue  # the text defines this acronym as another body (INACOOP in another country)
        entity = found.setdefault(
            actor.name, _Entity(actor.name, actor.type, m.start(), country=actor.country, canonical=True)
        )
        entity.first = min(entity.first, m.start())
        entity.mentions.append(m.start())
        surfaces.setdefault(actor.name, []).append(m.group(0))
        if not entity.evidence:
            entity.evidence.append(f"authority file: '{m.group(0)}'")
    for actor in authorities.actors:
        if actor.name not in found:
            continue
        entity, seen = found[actor.name], surfaces[actor.name]
        full = [s for s in seen if len(s.split()) >= 2 and not is_acronym(s)]
        short = [s for s in seen if len(s.split()) == 1 or is_acronym(s)]
        entity.name = _canonical_form(actor, max(full, key=len) if full else actor.name)
        alias = _canonical_form(actor, short[0]) if short else actor.short
        entity.aliases = [
            a for a in (alias, actor.name, *actor.aliases) if a and fold(a) != fold(entity.name)
        ]
    return list(found.values())


_CONJUNCTION_END = re.compile(r"[ \t]+(?:y|e|and)[ \t]+(?:(?:the|el|la|los|las|o|a|os|as)[ \t]+)?$")


def _split_at_known(orgs: list[OrgMention], text: str, matches: list[re.Match[str]]) -> list[OrgMention]:
    """'Secretaría de Economía y Nacional Financiera' is two bodies when the part after 'y' is a
    known one (``matches``: the authority's forms in the text); 'Ministerio de Economía y Finanzas'
    stays one (Finanzas is no actor)."""
    known = [m.span() for m in matches]
    out = []
    for o in orgs:
        end = o.start + len(o.name)
        if text[o.start : end] == o.name:
            for s, e in known:
                cut = _CONJUNCTION_END.search(text[o.start : s]) if o.start < s and e <= end else None
                if cut and is_institution(text[o.start : o.start + cut.start()]):
                    o = OrgMention(text[o.start : o.start + cut.start()], o.alias, o.start, o.rule)
                    break
        out.append(o)
    return out


def _same_forms(actor: Actor, name: str) -> bool:
    """Does a name the text gives match one of the actor's forms (one contained in the other)?"""
    plain = f" {_plain(name)} "
    return any(f" {_plain(f)} " in plain or plain in f" {_plain(f)} " for f in (actor.name, *actor.aliases))


def _canonical_form(actor: Actor, surface: str) -> str:
    """The authority's own spelling of a form found in any case in the text (as written, if listed)."""
    if surface in (actor.name, *actor.aliases):
        return surface
    for form in (actor.name, *actor.aliases):
        if fold(form) == fold(surface):
            return form
    return surface


@cache
def _folded(key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in word_set(key))


def _sentence_before(text: str, start: int, limit: int) -> str:
    window = text[max(0, start - limit) : start]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("; "))
    return window[cut + 1 :] if cut >= 0 else window


@cache
def _cue_pattern(key: str) -> re.Pattern[str]:
    cues = [c for c in words(key) if c not in _LIST_CUES]
    return re.compile(rf"(?<!\w){alternation(cues)}(?!\w)", re.IGNORECASE)


def _cited_as_source(before: str) -> bool:
    """'según datos del INE', 'publicado en 2013 por el INE', 'realizado pelo IBGE e pela X': the
    organisation is the source of a figure. Not when a person stands between ('de acordo com o
    superintendente do Sebrae'): then the person is the source and the organisation their employer."""
    cues = list(_cue_pattern("source_cues").finditer(before))
    if not cues:
        return False
    between = before[cues[-1].end() :]
    if sum(1 for w in re.findall(r"[^\W\d_]+", between) if w.islower()) > MAX_SOURCE_GAP:
        return False
    tokens = tokenize(between)
    return not any(is_role(tokens, k) for k in range(len(tokens)))


# "La Agencia X (AX), del Ministerio de Y,": the ministry named after a defined acronym is the
# agency's parent body, given as context.
_PARENT_AFTER_ACRONYM = re.compile(r"\([^()]{2,15}\),?\s+(?:do|da|del|de la|de|of the|of)\s+$")


@cache
def _context_cue() -> re.Pattern[str]:
    """A parent-body or regulator cue right before the name, at most an article between."""
    return re.compile(
        rf"(?<!\w){alternation(words('context_cues'))}\s+(?:the|el|la|los|o|a|os)?\s*$", re.IGNORECASE
    )


_LOCATIVE = re.compile(
    r"(?<!\w)(?:at|in|en|em|na|no|nas|nos)\s+(?:(?:the|el|la|los|las)\s+)?$", re.IGNORECASE
)


@cache
def _venue_words() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){alternation(words('venue_words'))}(?!\w)", re.IGNORECASE)


def _venue(before: str) -> bool:
    """'... will be held at the Chamber of Commerce', '... programada para acontecer no dia 4, na União
    dos Negros': a body right after a locative, in a sentence about where something happens."""
    locative = _LOCATIVE.search(before)
    if not locative or not _venue_words().search(before):
        return False
    # "the cluster development manager at METS Ignited": a person's employer, not a venue
    tokens = tokenize(before[max(0, locative.start() - 40) : locative.start()])
    return not (tokens and is_role(tokens, len(tokens) - 1))


@cache
def _event_head() -> re.Pattern[str]:
    """An event's head and 'of' right before the name: 'pelo Congresso da Aliança ...' names the
    event of that body, where the body is context."""
    heads = alternation(words("event_heads"))
    return re.compile(
        rf"(?<!\w){heads}\s+(?:of|de|del|da|do)\s+(?:(?:the|la|el|a|o)\s+)?$", re.IGNORECASE
    )


@cache
def _possessive_end() -> re.Pattern[str]:
    # capitalised words may stand between when the name found is the tail the acronym spells
    # ("its Culture and Creative Industries Innovation Fund (CIIF)")
    owners = alternation(words("possessives"))
    return re.compile(rf"(?<!\w)(?i:{owners})\s+(?:[{UPPER}][\w-]*\s+(?:(?:and|y|e|&)\s+)?){{0,3}}$")


def _own_instrument(before: str, entity: _Entity) -> bool:
    """'through its Culture and Creative Industries Innovation Fund', 'con su Fondo Crece': a fund or
    programme a possessive gives to another body is that body's instrument, not an actor."""
    heads = _folded("instrument_heads")
    parts = [fold(p) for p in entity.name.split()]
    instrument = bool(parts) and (parts[0] in heads or parts[-1] in heads)
    return instrument and bool(_possessive_end().search(before))


def _form_at(text: str, start: int, entity: _Entity) -> str:
    """The longest of the entity's names (its name or an alias) that the text has at ``start``; "" if none.
    The rules that read what stands right after a mention need to know where the name ends."""
    return next(
        (
            f
            for f in sorted({entity.name, *entity.aliases}, key=len, reverse=True)
            if text.startswith(f, start)
        ),
        "",
    )


_POSSESSOR_END = re.compile(r"\w[’']s\s+$")
_NEXT_WORD = re.compile(r"\s+([a-záéíóúñçãõ]+)")


def _possessed_thing(text: str, start: int, before: str, entity: _Entity) -> bool:
    """'the government’s Small Business Relief Grants and Services initiative', 'su Red de Apoyo
    programme': after a possessive and before a programme's noun, the name is the programme's."""
    if not (_POSSESSOR_END.search(before) or _possessive_end().search(before)):
        return False
    form = _form_at(text, start, entity)
    m = _NEXT_WORD.match(text, start + len(form)) if form else None
    return bool(m) and fold(m.group(1)) in _folded("named_things")


@cache
def _launch_cue() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){alternation(words('launch_cues'))}(?!\w)", re.IGNORECASE)


def _launched_instrument(before: str, entity: _Entity) -> bool:
    """'DBJ launches Recovery Fund for Small Businesses', 'la puesta en marcha del Fondo de Capital
    Semilla': a fund or programme launched, created or drawn on is the instrument, not a body acting."""
    heads = _folded("instrument_heads")
    if not any(fold(p) in heads for p in entity.name.split()):
        return False
    return bool(_launch_cue().search(before[-NEAR_WINDOW:]))


@cache
def _money_cue() -> re.Pattern[str]:
    """A money noun, 'of'/'from', an article, and optionally another fund coordinated before this one
    ("con aportes del Fondo X (FX) y del Fondo Y")."""
    of = r"(?:de|del|do|da|dos|das|from|of)"
    article = r"(?:(?:the|el|la|los|las|o|a|os|as)\s+)?"
    return re.compile(
        rf"(?<!\w){alternation(sorted(_folded('money_cues')))}\s+{of}\s+{article}"
        rf"(?:[^.;:\n]{{1,120}}?\s(?:y|e|and)\s+{of}?\s*{article})?$"
    )


def _money_drawn(before: str, entity: _Entity) -> bool:
    """'con aportes del Fondo Nacional de Desarrollo Productivo', 'recursos provenientes do FCO': a fund
    (a name with an instrument head) named as the money drawn on, or the thing managed, not a body."""
    heads = _folded("instrument_heads")
    parts = [fold(p) for p in entity.name.split()]
    if not parts or (parts[0] not in heads and parts[-1] not in heads):
        return False
    return bool(_money_cue().search(fold(before[-NEAR_WINDOW:])))


@cache
def _compound_adjective_end() -> re.Pattern[str]:
    return re.compile(rf"-(?:{alternation(words('compound_adjective_ends'))})$", re.IGNORECASE)


def _compound_adjective(name: str) -> bool:
    """'Manila-based', 'IT-based': a run closed by an English compound adjective describes a noun."""
    return bool(_compound_adjective_end().search(name))


def _is_unit(name: str) -> bool:
    """A sub-unit's name: a unit head first, past a possessive parent ("ECLAC's Division of ..."), or
    last ("IFAD's Programme Management Department", "Private Sector Division"; an office named last
    is often a body of its own: "the Small Business Office")."""
    parts = [fold(p) for p in name.split()]
    units = _folded("subunit_heads")
    if len(parts) > 1 and re.search(r"['’]s$", parts[0]):
        return parts[1] in units or parts[-1] in units
    return parts[0] in units or (parts[-1] in units and parts[-1] not in _OFFICES)


_OFFICES = frozenset({"office", "oficina"})


def _reports_a_figure(text: str, start: int, entity: _Entity) -> bool:
    """A statistics office whose mention goes on with a reporting verb ("The Central Statistical
    Office estimates that ...", "el Instituto Nacional de Estadística (INE) registró ..."): the
    source of a figure, which the gold conventions do not count as acting."""
    key = _form_at(text, start, entity)
    if not key:
        return False
    after = text[start + len(key) : start + len(key) + 60]
    if _forecast().match(after):
        return True  # "the IDB estimates that 90% ...", "la OMC prevé una desaceleración"
    if not _folded("statistics_words") & {fold(w) for w in entity.name.split()}:
        return False
    before = text[max(0, start - 40) : start]
    return bool(_figure_verb().match(after) or _figure_verb_before().search(before))


@cache
def _forecast() -> re.Pattern[str]:
    """A verb of estimating right after any body's name: it gives a figure or a forecast, as a source."""
    verbs = alternation(words("forecast_verbs"))
    return re.compile(rf"\s*\)?\s*(?:\([^()]{{1,20}}\)\s*,?\s*)?{verbs}(?!\w)", re.IGNORECASE)


@cache
def _figure_verb_before() -> re.Pattern[str]:
    """'Informó el Instituto Nacional de Estadística que ...': the reporting verb before the name."""
    verbs = alternation(words("figure_verbs"))
    return re.compile(rf"(?<!\w){verbs}\s+(?:(?:the|el|la|o|a)\s+)?$", re.IGNORECASE)


@cache
def _figure_verb() -> re.Pattern[str]:
    """A reporting verb right after a name, past an acronym in brackets (or the bracket closing
    around the acronym itself: "(INEC) reports")."""
    verbs = alternation(words("figure_verbs"))
    return re.compile(rf"\s*\)?\s*(?:\([^()]{{1,20}}\)\s*,?\s*)?{verbs}(?!\w)", re.IGNORECASE)


@cache
def _thing_named() -> re.Pattern[str]:
    """A programme, project or plan, then a naming cue right before the mention ("a joint programme
    with the Ministry, known as the 'Information Network'"): the name is the programme's."""
    things = alternation(words("named_things"))
    cues = alternation(words("naming_cues"))
    return re.compile(
        rf"(?<!\w){things}s?(?!\w)[^.;:!?]{{0,80}}?(?<!\w){cues}\s+(?:(?:the|el|la|o|a)\s+)?[‘'\"“«]?$",
        re.IGNORECASE,
    )


@cache
def _label_words() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){alternation(sorted(_folded('label_line_words')))}(?!\w)")


# How many characters a header or sign-off line may hold besides the name ("- Press Release").
MAX_LABEL_EXTRA = 60


def _on_label_line(text: str, start: int, entity: _Entity) -> bool:
    """'Office of the Prime Minister' or 'Ministerio de Agricultura - Comunicado' alone on a line: the
    publisher's header or sign-off labels the page; the body does not act there."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if len(line) > len(entity.name) + MAX_LABEL_EXTRA:
        return False  # a line of prose, not a label
    form = _form_at(text, start, entity)
    if not form:
        return False
    rest = fold(line[: start - line_start] + " " + line[start - line_start + len(form) :])
    rest = _press_office_pattern().sub(" ", _label_words().sub(" ", rest))
    rest = re.sub(r"\([^()]{1,15}\)", " ", rest)
    return all(w in NAME_GLUE for w in re.findall(r"[^\W\d_]+", rest))


@cache
def _caption_start() -> re.Pattern[str]:
    return re.compile(rf"[ \t]*(?:{alternation(sorted(_folded('caption_cues')))})(?![\w-])")


def _on_caption_line(text: str, start: int) -> bool:
    """'Pictured from left to right are ...', 'En la foto, ...': a line that captions a photo shows
    people, it does not tell what they do."""
    line_start = text.rfind("\n", 0, start) + 1
    if _caption_start().match(fold(text[line_start : line_start + 40])):
        return True
    line_end = text.find("\n", start)
    return _verbless(text[line_start : line_end if line_end >= 0 else len(text)])


@cache
def _speech_verbs() -> frozenset[str]:
    return _folded("speech_verbs")


# Lower-case words a caption naming people may hold besides titles: "with", "and", "of the".
_CAPTION_GLUE = NAME_GLUE | {"with", "con", "com", "junto", "alongside", "beside", "next"}


@lru_cache(maxsize=256)
def _verbless(line: str) -> bool:
    """'Permanent Secretary in the Ministry of X, Ms Delrine Taylor, with Director in the Ministry of
    X, Mr Philip Browne.': a line of names, titles and 'with' alone, no verb, captions a photo."""
    if "," not in line or not line.rstrip().endswith((".", ")")):
        return False
    tokens = tokenize(line)
    if len(tokens) < 4 or any(fold(t.word) in _speech_verbs() for t in tokens):
        return False  # "Disse o presidente Luiz Inácio da Silva.": a sentence, its verb first
    lower = [k for k, t in enumerate(tokens) if t.word[:1].islower()]
    return bool(lower) and all(fold(tokens[k].word) in _CAPTION_GLUE or is_role(tokens, k) for k in lower)


@cache
def _predecessor_cue() -> re.Pattern[str]:
    cues = alternation(sorted(_folded("predecessor_cues")))
    return re.compile(rf"(?<!\w){cues}(?:\s+(?:a|o|the|al|ao|la|el))?\s+$")


@cache
def _leader_after_preposition() -> re.Pattern[str]:
    titles = alternation(sorted(_folded("heads_of_state")))
    return re.compile(
        rf"(?<!\w)(?:de|del|do|da|por|pelo|pela|by|of|al|ao|a|from|under|bajo|sob|with|con|com|to|para)[ \t]+"
        rf"(?:(?:el|la|o|a|the)[ \t]+)?{titles}[ \t]+$"
    )


def _credited_leader(text: str, start: int, entity: _Entity) -> bool:
    """'desde la asunción del presidente Alberto Fernández', 'realizado por el presidente Sebastián
    Piñera', 'el interés del gobernador X': a head of state or government (``heads_of_state``) named
    after a preposition is credited with the measure; he or she acts only by speaking right there or by
    being there in person ("contou com a presença do presidente X", ``presence_cues``)."""
    before = fold(text[max(0, start - 60) : start])
    if not _leader_after_preposition().search(before) or _presence_cue().search(before):
        return False
    return not _says(text[start + len(entity.name) : start + len(entity.name) + 40])


@cache
def _presence_cue() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){alternation(sorted(_folded('presence_cues')))}(?!\w)")


def _says(after: str) -> bool:
    """A verb of saying or a quotation right after a name ("X, dijo", "X said", "X, who said", 'X: "...')."""
    m = re.match(r"[ \t]*,?[ \t]*(?:(?:who|que|quien|quem)[ \t]+)?(?P<word>[“\"«:]|[^\W\d_]+)", after)
    return bool(m) and (m.group("word") in ("“", '"', "«", ":") or fold(m.group("word")) in _speech_verbs())


# A body's name or acronym, a comma, an article, then a description ending in "of"/"de" and an
# article: "IDB Lab, the innovation laboratory of the ...", "COFIDE, el ...". Tried on what
# precedes a mention; the description, if any, is checked for a person's title apart.
_APPOSITION_BEFORE = re.compile(
    rf"(?:[{UPPER}][\w’'-]*|\))[ \t]*,[ \t]+(?:(?:the|el|la|o|a|an|un|una|um|uma)[ \t]+"
    r"(?P<description>(?:[a-záéíóúñçãõâêô-]+[ \t]+){1,4}(?:of|de|do|da|del|dos|das)[ \t]+"
    r"(?:(?:the|la|el|los|las|o|a|os|as)[ \t]+)?)?)?$"
)
# After the mention, the aside closes on a comma before a verb, not before the next item of a list
# ("..., informó", "..., have signed"; not "..., el Banco ...", "..., and the ...").
_APPOSITION_AFTER = re.compile(
    r"[ \t]*(?:\([^()\n]{1,15}\))?[ \t]*,[ \t]+(?!(?:the|el|la|los|las|o|a|os|as|and|y|e|or|ni|un|una)\b)"
    r"[a-záéíóúñçãõâêô]"
)


def _in_apposition(text: str, start: int, entity: _Entity) -> bool:
    """'COFIDE, el Banco de Desarrollo del Perú, informó', 'The Ministry of Industry (MIIC), Jamaica's
    Business Ministry, delivered', 'IDB Lab, the innovation laboratory of the Inter-American Development
    Bank Group, have signed': a name set off by commas right after another body's says who that body
    is (the same body again, or the parent it belongs to); it is not a second body acting. A person's
    title in the description makes the name the person's employer ("Ana Ruiz, the head of the X,")."""
    before = _APPOSITION_BEFORE.search(text, max(0, start - 80), start)
    if not before:
        return False
    description = before.group("description")
    if description:
        tokens = tokenize(description)
        if any(is_role(tokens, k) for k in range(len(tokens))):
            return False
    form = _form_at(text, start, entity)
    return bool(form) and bool(_APPOSITION_AFTER.match(text, start + len(form)))


# A parenthesis after a lower-case word holding only names, ';' or ',' between: a credit line.
_CREDIT_PARENTHESIS = re.compile(r"[a-záéíóúñçãõâêô.,][ \t]*\((?P<names>[^()\n]{3,200})\)")


def _credited_in_brackets(text: str, start: int) -> bool:
    """'... in underserved regions (Ministry of Finance; Department of Public Information).': bodies
    named in brackets after the prose, with nothing but their names, credit the source of the text."""
    open_ = text.rfind("(", max(0, start - 200), start)
    if open_ < 0 or text.find(")", open_, start) >= 0:
        return False
    m = _CREDIT_PARENTHESIS.match(text, max(0, open_ - 2))
    if not m or m.start("names") > start:
        m = _CREDIT_PARENTHESIS.match(text, max(0, open_ - 1))
    if not m or not (m.start("names") <= start < m.end("names")):
        return False
    names = re.split(r"[;,]|\b(?:and|y|e)\b", m.group("names"))
    return len(names) >= 2 and all(
        w[:1].isupper() or fold(w) in NAME_GLUE for part in names for w in part.split()
    )


# An indefinite article right before a name: "un/una/um/uma/an", or English "a" after an English word
# (Portuguese "a" is the definite article: "para a Cooperativa X").
_INDEFINITE = re.compile(
    r"(?:(?<![\w-])(?:an|un|una|um|uma)|(?<![\w-])(?:of|to|for|with|is|was|be|as|in|on|by|from|and|that)"
    r"[ \t]+a)[ \t]+$",
    re.IGNORECASE,
)


# Capitalised words that may name the publication between the possessive and its noun.
MAX_TITLE_WORDS = 3


def _owns_a_source(text: str, start: int, entity: _Entity) -> bool:
    """ "2019's World Bank's Doing Business rankings", "the IDB's estimates": a body named only as the
    owner of a report or a figure (``source_things``) is their source, as after "according to"."""
    form = _form_at(text, start, entity)
    if not form:
        return False
    after = text[start + len(form) : start + len(form) + 80]
    m = re.match(rf"['’]s(?:[ \t]+[{UPPER}][\w-]*){{0,{MAX_TITLE_WORDS}}}[ \t]+(?P<noun>[a-z]+)", after)
    if not m and _INDEFINITE_BEFORE.search(text, max(0, start - 6), start):
        # "A World Bank report estimates": the name as a noun's modifier after "a"/"an"
        m = re.match(r"[ \t]+(?P<noun>[a-z]+)", after)
    return bool(m) and fold(m.group("noun")) in _folded("source_things")


_INDEFINITE_BEFORE = re.compile(r"(?<![\w-])(?:a|an)[ \t]+$", re.IGNORECASE)


def _background(text: str, start: int, entity: _Entity) -> bool:
    """Is this mention a source, a membership, an example or a former post rather than an action?"""
    if entity.type == "organization" and _on_label_line(text, start, entity):
        return True
    if entity.type == "organization" and _in_apposition(text, start, entity):
        return True
    if entity.type == "organization" and _credited_in_brackets(text, start):
        return True
    if entity.type == "organization" and _owns_a_source(text, start, entity):
        return True
    if entity.type == "organization" and _INDEFINITE.search(text, max(0, start - 20), start):
        return True  # "the establishment of a Credit Union Bank", "a New Society": a kind of body, not one
    if entity.type == "person" and _on_caption_line(text, start):
        return True
    if _between_places(text, start, entity):
        return True
    before = _sentence_before(text, start, CUE_WINDOW)
    if entity.type == "person" and _predecessor_cue().search(fold(before[-NEAR_WINDOW:])):
        return True
    if entity.type == "person" and _credited_leader(text, start, entity):
        return True
    if entity.type == "organization" and _thing_named().search(before):
        return True
    if entity.type == "organization" and _cited_as_source(before):
        return True
    if entity.type == "organization" and _reports_a_figure(text, start, entity):
        return True
    if entity.type == "organization" and _cue_pattern("background_cues").search(before[-NEAR_WINDOW:]):
        return True
    parent = _PARENT_AFTER_ACRONYM.search(before) or _context_cue().search(before)
    if entity.type == "organization" and (
        parent
        or _venue(before)
        or _own_instrument(before, entity)
        or _possessed_thing(text, start, before, entity)
        or _launched_instrument(before, entity)
        or _money_drawn(before, entity)
        or _event_head().search(before)
    ):
        return True
    for cue in _LIST_CUES:
        at = before.lower().rfind(f"{cue} ")
        as_well_as = cue == "como" and re.search(r"(?:así|bem|assim)\s+$", before[:at].lower())
        if at >= 0 and not as_well_as and _LIST_MATERIAL.match(before[at + len(cue) :]):
            return True
    if entity.type == "organization" and _is_unit(entity.name):
        tokens = tokenize(before[-NEAR_WINDOW:])
        return any(is_role(tokens, k) for k in range(len(tokens)))
    return False


# The items right before and after a mention in an enumeration: up to three capitalised words each.
_ITEM = rf"[{UPPER}][\w’'-]*(?:[ \t]+(?:(?:de|del|do|da|dos|das)[ \t]+)?[{UPPER}][\w’'-]*){{0,2}}"
_ITEM_BEFORE = re.compile(rf"(?P<item>{_ITEM})[ \t]*,[ \t]*$")
_ITEM_AFTER = re.compile(rf"[ \t]*(?:,|[ \t](?:y|e|and|et)\b)[ \t]*(?P<item>{_ITEM})")


def _is_place(item: str, *, from_end: bool) -> bool:
    """Is the item, or its last (first) one to three words, a place or a country the gazetteer knows?"""
    parts = item.split()
    table = gazetteer()
    for size in range(min(3, len(parts)), 0, -1):
        words_ = parts[-size:] if from_end else parts[:size]
        if " ".join(words_).lower() in table:
            return True
    return False


def _between_places(text: str, start: int, entity: _Entity) -> bool:
    """'Chiapas, Guerrero y Oaxaca', 'Madagáscar, Ilhas Maurícias, Comores': a name between two places of
    an enumeration is a place the gazetteer does not know, not a person or a body."""
    form = _form_at(text, start, entity)
    if not form:
        return False
    before = _ITEM_BEFORE.search(text, max(0, start - 60), start)
    after = _ITEM_AFTER.match(text, start + len(form))
    return (
        bool(before and after)
        and _is_place(before.group("item"), from_end=True)
        and _is_place(after.group("item"), from_end=False)
    )


def _own_mentions(text: str, entity: _Entity) -> list[int]:
    """The entity's mentions without an acronym in brackets right after its name ('União dos Negros do
    Amapá (UNA)'): that is the same mention, and reads as background or not with the name."""
    starts = sorted(set(entity.mentions))
    return [s for k, s in enumerate(starts) if not (k and text[max(0, s - 3) : s].rstrip().endswith("("))]


def _same_org(entity: _Entity, name: str, alias: str | None) -> bool:
    keys = entity.keys()
    if fold(name) in keys or (alias and fold(alias) in keys):
        return True
    plain_keys = {_plain(k) for k in keys}
    if _plain(name) in plain_keys:
        return True  # "Nafin-Bancomext" for "Nafin Bancomext": the same words, other punctuation
    if _GROUP.sub("", _plain(name)) in plain_keys:
        return True  # "Grupo BPF", "the IDB Group": a group named by its body is that body
    if entity.canonical:
        # An authority actor absorbs a found name that is a run of words of one of its forms, and
        # its representation ("European Union Delegation", "Delegación de la Unión Europea").
        found = f" {_plain(name)} "
        represented = _REPRESENTATION.sub(" ", found).strip()
        return (len(found.split()) >= 2 and any(found in f" {_plain(k)} " for k in keys)) or (
            represented != found.strip() and represented in keys
        )
    if _spells(name, entity.name) or _spells(entity.name, name):
        return True  # "DBJ" alone for the "Development Bank of Jamaica" named before or after it
    a, b = _plain(name).split(), _plain(entity.name).split()
    short, long_ = sorted((a, b), key=len)
    if len(short) == 1 and not is_acronym(name) and _proper_part(long_) == short:
        return True  # "Languiru" for "Cooperativa Languiru", "Bimbo" for "Grupo Bimbo"
    if len(short) == 1 and not is_acronym(name) and _proper_word_of(short[0], long_):
        return True  # "Aurora" for "Cooperativa Central Aurora Alimentos"
    if len(short) == 1 and len(long_) >= 2 and short[0][:1].isalpha() and _syllabic(short[0], long_):
        return True  # "Corfo" for "Corporación de Fomento de la Producción"
    if len(short) < 2 or is_acronym(name):
        return False
    if set(short) <= set(long_) and (short[0] == long_[0] or short[-1] == long_[-1]):
        return True
    if _inverted(short, long_):
        return True  # "Trade Ministry" for the "Ministry of Trade and Industry"
    # a run of two or more words inside the full name is its short form: "la Caja Rural" for the
    # "Cooperativa de Ahorro y Crédito Caja Rural Regional R.L."
    return f" {' '.join(short)} " in f" {' '.join(long_)} "


_GROUP = re.compile(r"^(?:grupo|group) | group$")


def _inverted(short: list[str], long_: list[str]) -> bool:
    """English puts a body's field before its head ("Trade Ministry", "Finance Department") where its
    full name puts it after "of" ("Ministry of Trade and Industry"): the same body."""
    field_ = short[:-1]
    return (
        len(long_) > len(field_) + 1
        and short[-1] == long_[0]
        and long_[1] == "of"
        and long_[2 : 2 + len(field_)] == field_
        and short[-1] in _folded("org_heads_initial")
    )


# Fewest letters an acronym needs to be matched to a name by its initials alone.
MIN_SPELLED = 3


def _spells(acronym: str, name: str) -> bool:
    """Is ``acronym`` the initials of the longer ``name`` ('BDB' of 'Bahamas Development Bank')? Used
    alone, without brackets, an acronym that spells a name the text gives is that body's short form."""
    if " " in acronym or " " not in name or len(acronym) < MIN_SPELLED or not acronym[:2].isupper():
        return False  # cheap checks first: this runs for every pair of names merged
    return _spells_of(acronym, name)


@lru_cache(maxsize=1 << 14)
def _spells_of(acronym: str, name: str) -> bool:
    if not is_acronym(acronym):
        return False
    letters = "".join(c for c in fold(acronym) if c.isalpha())
    return len(letters) >= MIN_SPELLED and initials(name) == letters


# Longest name (in content words) tried as the source of a syllabic short form.
MAX_SYLLABIC_WORDS = 12


def _syllabic(short: str, long_: list[str]) -> bool:
    return _syllabic_of(short, tuple(long_))


@lru_cache(maxsize=1 << 14)
def _syllabic_of(short: str, long_: tuple[str, ...]) -> bool:
    """Is ``short`` built from the openings of the long name's words, in order, from its first word,
    at least one opening of two letters or more: 'corfo' = COR(poración) + FO(mento), 'mincetur' =
    MIN(isterio) + C(omercio) + E(xterior) + TUR(ismo). Plain initials are acronyms, merged elsewhere."""
    content = [w for w in long_ if w not in NAME_GLUE][:MAX_SYLLABIC_WORDS]
    if len(content) < 2 or len(short) < 4 or len(short) > 12:
        return False

    @cache
    def build(at: int, word: int) -> bool:
        if at == len(short):
            return True
        for k in range(word, len(content)):
            if word == 0 and k > 0:
                return False  # the first piece opens the first word
            w = content[k]
            for size in range(min(len(w), len(short) - at), 0, -1):
                if short[at : at + size] == w[:size] and build(at + size, k + 1):
                    return True
        return False

    return build(0, 0) and short != content[0][: len(short)]


def _proper_word_of(word: str, words_: list[str]) -> bool:
    """Is ``word`` the proper word inside a longer name a head-word opens ('aurora' of 'Cooperativa
    Central Aurora Alimentos')? Not its head, a connector, a sector word or a place."""
    return (
        len(words_) >= 3
        and words_[0] in _folded("org_heads_initial")
        and word in words_[1:]
        and len(word) >= 4
        and word not in NAME_GLUE
        and not is_furniture(word)
    )


def _proper_part(words_: list[str]) -> list[str]:
    """A name past its leading head-word and connectors: ['languiru'] of 'Cooperativa Languiru'."""
    if not words_ or words_[0] not in _folded("org_heads_initial"):
        return []
    rest = words_[1:]
    while rest and rest[0] in NAME_GLUE:
        rest = rest[1:]
    return rest


_REPRESENTATION = re.compile(
    r"^ (?:delegation|delegacion|delegacao|representation|representacion|representacao)"
    r"(?: (?:of|de|da|do|del))?(?: (?:the|la|el|a|o))? | (?:delegation|representation) $"
)


@lru_cache(maxsize=1 << 14)
def _plain(name: str) -> str:
    return " ".join(re.findall(r"\w+", fold(name)))


def _same_person(entity: _Entity, name: str) -> bool:
    a, b = fold(name).split(), fold(entity.name).split()
    short, long_ = sorted((a, b), key=len)
    return set(short) <= set(long_) or short[0] == long_[-1]


def _merge(entities: list[_Entity], name: str, type_: str, alias: str | None, start: int, why: str) -> None:
    same = _same_person if type_ == "person" else lambda e, n: _same_org(e, n, alias)
    kind = [e for e in entities if e.type == type_]
    folded = {fold(name)}
    exact = next((e for e in kind if folded & e.keys()), None) if type_ == "organization" else None
    matches = [exact] if exact else [e for e in kind if same(e, name)]
    if not matches:
        entities.append(_Entity(name, type_, start, [alias] if alias else [], [start], [why]))
        return
    if type_ == "organization" and len(matches) > 1 and len(name.split()) > 1 and not is_acronym(name):
        return  # "Development Bank" where two development banks are named: a mention of neither
    entity = matches[0]
    entity.mentions.append(start)
    entity.first = min(entity.first, start)
    if len(entity.evidence) < 3:
        entity.evidence.append(why)
    if entity.canonical:
        if alias and not {fold(alias)} & entity.keys():
            # "Agência Brasileira de ... (Apex)" for the authority's ApexBrasil: the acronym the text
            # defines names the same body when used alone; the authority's own alias stays first
            entity.aliases.append(alias)
        return
    if type_ == "organization" and _unit_of(name, entity.name):
        pass  # "the Export Division of the Ministry of Trade": the ministry, not a longer name of it
    elif type_ == "organization" and _unit_of(entity.name, name):
        entity.name = name
    elif len(name) > len(entity.name) and not is_acronym(name):
        entity.aliases.append(entity.name)
        entity.name = name
    elif fold(name) != fold(entity.name):
        entity.aliases.append(name)
    if alias:
        entity.aliases.insert(0, alias)


def _unit_of(unit: str, parent: str) -> bool:
    """'Export Division of the Ministry of Trade' is a unit of 'Ministry of Trade': a unit head first,
    the parent's whole name last, after 'of'/'de'."""
    words_, tail = _plain(unit).split(), _plain(parent).split()
    head = len(words_) - len(tail)
    return (
        head >= 2
        and words_[head:] == tail
        and words_[head - 1] in NAME_GLUE
        and any(w in _folded("subunit_heads") for w in words_[: head - 1])
        and is_institution(parent)
    )


def _alias(entity: _Entity) -> str | None:
    """The best-known short form: a defined acronym first, else the shortest other form."""
    others = [a for a in dict.fromkeys(entity.aliases) if fold(a) != fold(entity.name)]
    if entity.type == "person" or not others:
        return None
    if entity.canonical:
        return others[0]
    acronyms = [a for a in others if is_acronym(a)]
    return acronyms[0] if acronyms else min(others, key=len)


_OF_PARENT = re.compile(r"^.+?\s(?:do|da|de|del|of)\s+(?:la\s+|the\s+)?(?P<parent>[^,]+)$")


def _unit_in_titles(text: str, entity: _Entity, entities: list[_Entity]) -> bool:
    """'A diretora de Administração e Finanças do Sebrae, X': a department of a body the text names,
    seen only inside people's titles, is part of those titles."""
    m = _OF_PARENT.match(entity.name) if entity.type == "organization" else None
    parent = _without_place(m.group("parent")) if m else ""
    others = [o for o in entities if o is not entity and o.type == entity.type]
    if not parent or not any(_same_org(o, parent, None) for o in others):
        return False
    # When the parent is named exactly as another actor ("do BNB", "do Sebrae Tocantins"), the title's
    # head may stand a few words back: "o gerente de negócios da Superintendência do BNB".
    exact = any({fold(parent)} & o.keys() for o in others)
    for start in entity.mentions:
        tokens = tokenize(_sentence_before(text, start, CUE_WINDOW)[-NEAR_WINDOW:])
        heads = range(max(0, len(tokens) - TITLE_REACH), len(tokens)) if exact else [max(0, len(tokens) - 2)]
        if not tokens or not any(is_role(tokens, k) for k in heads):
            return False
    return True


# How many words before a unit the title that names it may start ("gerente de negócios da ...").
TITLE_REACH = 4
_PLACE_TAIL = re.compile(
    r"^(?P<body>.+?)(?:\s+(?:em|en|in|no|na|de|do|da))?\s+(?P<place>\S+(?:\s+\S+){0,2})$"
)


def _without_place(parent: str) -> str:
    """'Sebrae Tocantins', 'BNB em Alagoas': a body's regional unit names the body and a place."""
    m = _PLACE_TAIL.match(parent)
    if m and gazetteer().get(m.group("place").lower(), ("", ""))[1] == "place":
        return m.group("body")
    return parent


def _without_parents_of_units(entities: list[_Entity], units: list[OrgMention]) -> list[_Entity]:
    """A parent named only as part of its regional units ('Sebrae' in 'Sebrae RS') does not act itself;
    its units are in its country."""
    spans = [(u.start, u.start + len(u.name)) for u in units]
    unit_forms = {fold(u.name) for u in units}
    for unit in (e for e in entities if e.keys() & unit_forms and not e.country):
        parents = [e for e in entities if e.country and e is not unit and e.keys() & {_parent_form(unit)}]
        unit.country = parents[0].country if parents else None
    kept = []
    for entity in entities:
        inside = [s for s in entity.mentions if any(a <= s < b for a, b in spans)]
        forms = entity.keys()
        own_unit = any(fold(u.name) in forms for u in units)
        if entity.type == "organization" and inside and len(inside) == len(entity.mentions) and not own_unit:
            continue
        kept.append(entity)
    # a unit whose parent acts on its own too ('o BNB anunciou ... o BNB em Alagoas') is the parent at
    # work in a place, not a second body
    acting_parents: set[str] = set()
    for e in kept:
        if any(not any(a <= s < b for a, b in spans) for s in e.mentions):
            acting_parents |= e.keys()
    return [e for e in kept if not (e.keys() & unit_forms and _parent_form(e) in acting_parents - e.keys())]


def _parent_form(unit: _Entity) -> str:
    """The parent's short form a regional unit opens on: 'sebrae' of 'Sebrae em Alagoas', 'Sebrae-RS'."""
    return re.split(r"[ \t-]", fold(unit.name), maxsplit=1)[0]


def find_actors(text: str, authorities: Authorities, title: str = "") -> list[FoundActor]:
    text = "\n".join("" if is_credit(line) else line for line in text.split("\n"))
    people = find_people(text)
    orgs = find_organizations(text, title, tuple(dict.fromkeys(p.name for p in people)))
    known = _authority_matches(text, authorities)
    orgs = _split_at_known(orgs, text, known)
    spans = [
        (o.start, o.start + len(o.name)) for o in orgs if text[o.start : o.start + len(o.name)] == o.name
    ]
    defined = {o.alias: o.name for o in orgs if o.alias}
    entities = _authority_entities(known, authorities, spans, defined)
    for p in people:
        _merge(entities, p.name, "person", None, p.start, p.rule)
    # full names first: a short form that could shorten two of them then joins neither
    # ("Development Bank" in a headline, with the Bahamas and the Caribbean ones named below)
    for o in sorted(orgs, key=lambda o: -len(o.name.split())):
        if o.name.split()[0] in NAME_GLUE:
            continue  # "and Town Council": a name cut after its first words is no name
        if _compound_adjective(o.name):
            continue  # "the Manila-based lender": a modifier, not a name
        _merge(entities, o.name, "organization", o.alias, o.start, o.rule)
    short_forms = {f for e in entities if e.type == "organization" for f in (e.name, *e.aliases)}
    units = branches(text, short_forms)
    for b in units:
        _merge(entities, b.name, "organization", None, b.start, b.rule)
    entities = _without_parents_of_units(entities, units)
    generic = _folded("generic_actors") | _folded("outlets")
    lower = lower_case_words(text) if any(e.type == "person" for e in entities) else frozenset()
    kept = []
    for entity in sorted(entities, key=lambda e: (e.first, e.name)):
        if fold(entity.name) in generic or _press_office(entity.name):
            continue
        if entity.type == "person" and _common_words(entity.name, lower):
            continue
        if all(_background(text, s, entity) for s in _own_mentions(text, entity)):
            continue
        if _unit_in_titles(text, entity, entities):
            continue
        if entity.type == "organization" and _context_body(entity) and not _takes_part(text, entity, title):
            continue
        if (
            entity.type == "organization"
            and is_sector_system(entity.name)
            and not _takes_part(text, entity, title)
        ):
            continue  # "entidades del Sistema Financiero (ESF)": a sector's bodies, named as the setting
        if entity.type == "person" and any(
            o.type == "organization" and fold(entity.name) in fold(o.name) for o in entities
        ):
            continue
        kept.append(entity)
    return [
        FoundActor(e.name, e.type, _alias(e), "; ".join(dict.fromkeys(e.evidence)), e.country, doubts)
        for e, doubts in zip(kept, actor_doubts(text, len(title), kept), strict=True)
    ]


@cache
def _context_body_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){alternation(sorted(_folded('context_bodies')))}(?!\w)")


def _context_body(entity: _Entity) -> bool:
    """A central bank, a tax office, a regulator, a union of states (``context_bodies``): bodies a
    story names mostly as its setting ("la baja de tasas que implementa el Banco Central", "orientación
    ante el Servicio de Impuestos Internos")."""
    return bool(_context_body_pattern().search(fold(entity.name)))


def _takes_part(text: str, entity: _Entity, title: str) -> bool:
    """Does one mention show the body taking part: in the headline, or as the agent, a partner, the
    employer in a person's title, giving a title or followed by its verb (``acting_mention``)?"""
    forms = sorted({entity.name, *entity.aliases}, key=len, reverse=True)
    if title and any(f in title for f in forms):
        return True
    for start in entity.mentions:
        form = next((f for f in forms if text.startswith(f, start)), None)
        if not form:
            continue
        end = start + len(form)
        listed = _COSUBJECTS.match(text, end).end()
        if acting_mention(text, start, end) or (listed > end and acting_mention(text, start, listed)):
            return True
    return False


# Other names coordinated after a mention ("El Banco Central, BID y CAF firmaron"): the verb after
# them is the whole list's.
_COSUBJECTS = re.compile(
    rf"(?:[ \t]*(?:,|\b(?:y|e|and)\b)[ \t]*(?:(?:the|el|la|o|a)[ \t]+)?[{UPPER}][\w-]*"
    rf"(?:[ \t]+(?:(?:of|de|del|do|da)[ \t]+)?[{UPPER}][\w-]*)*)*"
)


def _common_words(name: str, lower: frozenset[str]) -> bool:
    """'their websites and Help Desks' beside 'the help desk': a name whose every word the text also
    writes in lower case (a plural's singular too) is common nouns capitalised, not a person's name,
    unless it opens on a known given name."""
    parts = name.split()
    if fold(parts[0]) in given_names():
        return False
    return all(p.lower() in lower or p.lower()[:-1] in lower for p in parts)


@cache
def _press_office_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){alternation(sorted(_folded('press_offices')))}(?!\w)")


def _press_office(name: str) -> bool:
    """The publisher's press or communication office ("Oficina de Prensa de la Presidencia",
    "Assessoria de Comunicação do Sebrae") issues the text; it is never an actor in it."""
    return bool(_press_office_pattern().match(fold(name)))
