"""Organisations named in the story, found by the shape of institutional names.

Rules, in three languages, from strongest to weakest:

- an acronym defined in parentheses, either way round: "Corporación Financiera
  Nacional (CFN)", "MEFCCA (Ministerio de Economía Familiar...)". The name must
  read as an institution; a defined acronym whose name does not (a programme, a
  budget line, an index) is remembered so the acronym alone is not taken either;
- a head-word starting the name ("Ministerio de...", "Banco de...", "Office of
  the President") or ending it ("Caribbean Development Bank", "Finance Ministry"),
  with internal enumerations ("Ministerio de Economía, Fomento y Turismo");
- a describing noun beside a name: "la micro empresa MONZA", "Deli Banana, una
  empresa familiar", "the Pioneer investment fund management company";
- the body a person's title names: "gerente de Fondo Emprender", "presidente de
  Confecámaras", "vice president of the Central Finance Facility";
- a legal form closing a name: "Jardine Matheson & Co. Ltd.", "Frutas del Valle SpA";
- short names (``short_names``): acronyms used on their own, and one-word
  names coordinated with an organisation.

Role titles are cut off the front ("Executive Secretary of the Economic
Commission..." -> "Economic Commission..."). A sub-unit named only inside a
person's title (a department, a division) is part of that title, not an actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from hemeroteca.extract.countries import gazetteer
from hemeroteca.extract.names import fold, is_acronym, is_furniture, name_tokens, tokenize
from hemeroteca.extract.org_patterns import (
    ACRONYM,
    ARTICLES,
    CAPW,
    CONJ,
    CONN,
    NAME_GLUE,
    SP,
    SPLIT_CONN,
    UPPER,
    OrgMention,
)
from hemeroteca.extract.people import is_role, role_start
from hemeroteca.extract.short_names import (
    acts_after,
    blocked_acronyms,
    coordinated_names,
    enumerated_bodies,
    generic_acronyms,
    standalone_acronyms,
    titled_after,
)
from hemeroteca.extract.vocabulary import alternation, word_set, words

_STRONG_EXCLUDED = {"empresa", "enterprise", "sistema", "system", "group", "grupo", "network", "rede"}
# A fund is an institution when its acronym is defined or it ends the name, not as a mere capitalised
# 'Fondo de ...' (often a financial instrument).
_STRONG_EXTRA = {"fund", "fondo", "fundo"}
# Heads too loose to make an institution alone ("Centro Cívico", "empresa familiar") that do when the
# text defines an acronym for the name: "Centro Regional de Promoción de la MIPYME (CENPROMYPE)",
# "Empresa Brasileira de Pesquisa Agropecuária (Embrapa)".
_DEFINED_HEADS = {"centro", "center", "centre", "empresa", "enterprise"}
# Prepositions and articles cannot stand between a describing noun and the name it describes.
_FUNCTION = (
    r"(?:in|en|em|de|of|for|para|with|con|com|do|da|del|no|na|the|la|el|a|o|y|e|and|to|at|por|by|from"
    r"|outside|inside|across|within|throughout|beyond|near|around|fuera|dentro|fora|entre|between)"
)
# Words that open a describing phrase without an article: "Sicredi, maior sistema de cooperativas".
_LEADING = r"largest|biggest|leading|main|maior|mayor|principal|primeira|primera|first"
# Heads that make an institution only with a proper name after them: "Grupo Bimbo", "Sistema OCB".
_NEEDS_PROPER_NAME = {"sistema", "system", "grupo", "group"}
# A system is one body only under a proper name ("Sistema OCB/MT", "Sistema Ocepar"), not a sector word.
_SYSTEMS = {"sistema", "system"}
# How far before a parenthesis a defined name may start; how many words a name may have.
DEFINITION_WINDOW = 250
MAX_NAME_WORDS = 25
_ORDINAL = re.compile(r"^(?:[IVXLC]+|\d+(?:st|nd|rd|th|º|°|ª)?)\s", re.IGNORECASE)


@cache
def _heads() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    initial = frozenset(fold(w) for w in word_set("org_heads_initial"))
    final = frozenset(fold(w) for w in word_set("org_heads_final"))
    return initial, final, frozenset((initial - _STRONG_EXCLUDED) | _STRONG_EXTRA)


@cache
def _name_pattern() -> str:
    """A capitalised institutional name, with an internal enumeration ('Economía, Fomento y Turismo')."""
    heads = alternation(w.capitalize() for w in words("org_heads_initial"))
    # After 'and', a new institution or an acronym starts a second name, not the same one.
    safe = rf"(?!{heads}\b)(?![{UPPER}]{{2,}}\b){CAPW}"
    return rf"{CAPW}{_continuation(safe, _sector_after_article())}(?:{_enumeration(safe)})?"


@cache
def _sector_after_article() -> str:
    """'y la Agricultura', 'and the Development' inside one name ('Organización de las Naciones Unidas
    para la Alimentación y la Agricultura'): after 'and' and an article, a sector word not followed by
    a head-word goes on with the same name ('... and the Development Bank' is a second body)."""
    initial, final, _ = _heads()
    never = initial | final | {fold(w) for w in word_set("roles") | word_set("generic_actors")}
    words_ = [w for w in word_set("not_name_words") if len(w) >= 4 and w.isalpha() and fold(w) not in never]
    sectors = alternation(w.capitalize() for w in words_)
    heads = alternation(w.capitalize() for w in word_set("org_heads_initial") | word_set("org_heads_final"))
    article = r"(?:the|el|la|los|las|o|a|os|as)"
    no_head = rf"(?!{SP}(?:{CONN}{SP})*(?:{heads})(?![\w-]))"
    return rf"{CONJ}{SP}{article}{SP}{sectors}(?![\w-]){no_head}"


def _continuation(safe: str, extra: str = "") -> str:
    # after 'and', an article starts a second body: "the OECS Commission and the European Union"; a
    # bare 'y de' goes on with the same one, a head-word too: "Superintendencia Nacional de Aduanas y
    # de Administración Tributaria"
    article = r"(?:the|el|la|los|las|o|a|os|as)"
    same = rf"(?:de|of|do|da){SP}(?!{article}{SP}){CAPW}"
    other = rf"|{extra}" if extra else ""
    return (
        rf"(?:{SP}(?:(?:{CONN}{SP})*{CAPW}|{CONJ}{SP}(?:{same}|(?!{article}{SP})(?:{CONN}{SP})*{safe}){other}))*"
    )


# Items of an enumeration inside one name ('Ministerio de Economía, Fomento y Turismo'). Bounded:
# unbounded, a long comma-separated list with no 'and' at its end made every capitalised word in
# it try the whole rest of the list, quadratic in the list's length (a 40 KB line took 30 s).
MAX_ENUMERATED = 6


def _enumeration(safe: str) -> str:
    item = rf"{safe}(?:{SP}{safe})?"
    return rf"(?:,{SP}{item}){{1,{MAX_ENUMERATED}}},?{SP}{CONJ}{SP}{item}(?:{SP}(?:{CONN}{SP})*{CAPW})*"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    name = _name_pattern()
    lower_head = rf"(?:ministerio|ministério|ministry){SP}(?:{CONN}{SP})+{CAPW}{_continuation(CAPW)}"
    descriptors = alternation(words("org_descriptors"))
    nameish = rf"{CAPW}(?:{SP}(?:{CONN}{SP})?{CAPW}){{0,3}}"
    return {
        "defined": re.compile(rf"(?P<name>{lower_head}|{name})\s*\(\s*{ACRONYM}\s*(?:,[^)]{{0,40}})?\)"),
        "defined_reverse": re.compile(rf"(?<![\w-]){ACRONYM}\s*\(\s*(?P<name>{name})\s*\)"),
        "name": re.compile(rf"(?<![\w-])(?P<name>{lower_head}|{name})"),
        "descriptor_before": re.compile(
            rf"\b(?P<desc>{descriptors})(?P<plural>s|es)?(?:{SP}(?!{_FUNCTION}\b)[a-záéíóúñç]+)?{SP}"
            rf"(?P<name>{nameish}(?:{SP}(?:y|e|and){SP}{nameish})?)(?=[ \t]*[,.;:)]|{SP}[a-záéíóúç])",
        ),
        # "Deli Banana, una empresa familiar", "Fund Access, the state-owned development finance agency",
        # "o Sicredi, maior sistema de cooperativas" (not "the bank's": a possessive heads a person's role)
        "descriptor_after": re.compile(
            rf"(?P<name>{nameish}),{SP}(?:(?:una|uma|a|an|un|the){SP}|(?=(?:{_LEADING}){SP}))"
            rf"(?:[a-záéíóúñç-]+{SP}){{0,3}}(?:{descriptors})\b(?![’'-])"
        ),
        "descriptor_between": re.compile(
            rf"\b(?:the|el|la|a|o){SP}(?P<name>{nameish}){SP}(?:[a-z]+{SP}){{0,3}}(?:{descriptors})\b"
        ),
    }


def _tokens(name: str) -> list[str]:
    return [fold(t.word) for t in name_tokens(name) if t.word not in (",", "(", ")")]


@cache
def is_institution(name: str, *, defined: bool = False) -> bool:
    """Does the name read as an institution? A defined acronym lets the head stand anywhere."""
    initial, final, strong = _heads()
    toks = _tokens(name)
    if len(toks) < 2:
        return False
    programme = set(words("programme_heads"))
    if toks[0] in programme or toks[-1] in programme:
        return any(body in fold(name) for body in words("programme_bodies"))
    if _ORDINAL.match(name):
        return False  # "VIII High-Level Joint Commission", "1st Forum": an edition of an event
    if toks[0] in _NEEDS_PROPER_NAME and toks[1] in NAME_GLUE:
        return False  # "Sistema de Información", "Grupo de Trabajo": a system or a working group
    if toks[0] in _SYSTEMS and is_furniture(toks[1]) and not defined:
        # "Sistema Financiero", "Sistema Nacional de Crédito": a sector's bodies, unless an acronym is
        # defined for it as for a fund ("Sistema Integral de Financiamiento ... (Sí Financia)")
        return False

    if _fund_last(toks) and not defined:
        # "Loan Guarantee Fund", "Trust Loan Fund": English puts what a fund does before it, as Spanish
        # and Portuguese put it after ("Fondo de Garantías"); the same instrument, the same restraint
        return False
    # The head may follow one capitalised modifier when a complement follows: "People's Ministry for
    # Foreign Affairs", "OAS Department of ..." (but "Paulo Câmara" is a person).
    if toks[0] in initial or (toks[1] in initial and len(toks) > 2) or toks[-1] in final:
        return True
    # a place of two or three words before the head, with a complement after it: "New Amsterdam
    # Chamber of Commerce", "Trinidad and Tobago Chamber of Industry and Commerce"
    if any(toks[k] in initial and toks[k + 1] in SPLIT_CONN for k in (2, 3) if k + 2 < len(toks)):
        return True
    # a fund with a proper modifier and a complement: "International Fund for Agricultural Development",
    # "China Co-financing Fund for Latin America". A name that opens on the fund ("Fondo de Garantías",
    # "Fundo de Liquidez") describes an instrument: it names a body only with an acronym defined for it
    if any(toks[k] in _STRONG_EXTRA and toks[k + 1] in SPLIT_CONN for k in range(1, min(4, len(toks) - 2))):
        return True
    if not defined:
        return False
    # a loose head counts first, last ("Small Business Development Centre (SBDC)") or before its
    # complement ("Investment Center of the ..."), not as a modifier ("... Enterprise Development (MSED)")
    loose = toks[-1] in _DEFINED_HEADS or any(
        t in _DEFINED_HEADS and (k == 0 or toks[k + 1] in SPLIT_CONN) for k, t in enumerate(toks[:-1])
    )
    return loose or any(t in strong for t in toks[:-1])


def _fund_last(toks: list[str]) -> bool:
    """A name closed by a fund, no other body's head before it ("Enhanced Credit Guarantee Fund", not
    "Caribbean Development Bank Fund" nor "Fund for ... Development")."""
    initial, final, _ = _heads()
    return toks[-1] in _STRONG_EXTRA and not any(
        t in initial or t in final or t in SPLIT_CONN for t in toks[:-1]
    )


def is_sector_system(name: str) -> bool:
    """'Sistema Nacional de Fomento', 'Sistema Financiero': a system named by sector words, not under a
    proper name ("Sistema OCB/MT", "Sistema Ocepar"), is the bodies of a sector, not one of them."""
    toks = _tokens(name)
    return len(toks) >= 2 and toks[0] in _SYSTEMS and (toks[1] in NAME_GLUE or is_furniture(toks[1]))


def is_institution_name(line: str) -> bool:
    """Is the whole line an institution's name ('Ministerio de Economía y Finanzas')?"""
    return bool(_patterns()["name"].fullmatch(line.strip())) and is_institution(line)


@cache
def strip_role_prefix(name: str) -> str:
    """'Executive Secretary of the Economic Commission ...' -> 'Economic Commission ...'."""
    toks = name_tokens(name)
    words_only = [t for t in toks if t.word not in (",",)]
    initial, final, _ = _heads()
    best = 0
    # whether a title stands before word k, read once per word as k moves on (not again for every k)
    titled, read = False, 0
    for k, tok in enumerate(words_only):
        if fold(tok.word) not in SPLIT_CONN:
            continue
        while not titled and read < k:
            titled, read = _is_title(words_only, read), read + 1
        if titled and any(fold(t.word) in initial or fold(t.word) in final for t in words_only[k + 1 :]):
            best = k + 1
    start = words_only[best].start if best else 0
    trimmed = name[start:]
    parts = trimmed.split()
    while parts and (fold(parts[0]) in ARTICLES or fold(parts[0]) in SPLIT_CONN):
        parts.pop(0)
    while parts and _is_title(name_tokens(parts[0]), 0) and len(parts) > 2:
        parts.pop(0)
        # "Administrador do Fundo de Garantia": the title's 'do' goes with it
        while len(parts) > 2 and (fold(parts[0]) in ARTICLES or fold(parts[0]) in SPLIT_CONN):
            parts.pop(0)
    return " ".join(parts)


def _is_title(tokens: list, k: int) -> bool:
    """A role word that is not also an institution's head ('Secretaría' heads a ministry in Spanish)."""
    return is_role(tokens, k) and fold(tokens[k].word) not in _heads()[0]


def _modifier(word: str) -> bool:
    return word[:1].isupper() and fold(word) not in ARTICLES and not is_role(name_tokens(word), 0)


def _align_to_acronym(name: str, acronym: str) -> str:
    """The longest tail of the name whose initials spell the acronym: 'Government of Jamaica and the
    Inter-American Development Bank (IDB)' -> 'Inter-American Development Bank'. Unchanged if none does."""
    letters = "".join(c for c in fold(acronym) if c.isalpha())
    parts = name.split()
    for k in range(1, len(parts)):
        if not parts[k][:1].isupper():
            continue
        content = [fold(p) for p in parts[k:] if fold(p.strip(",")) not in NAME_GLUE]
        if "".join(p[0] for p in content) == letters:
            return " ".join(parts[k:])
    return name


@cache
def _trim_front(name: str) -> str:
    """Drop leading words before the institution proper ('La Corporación...' -> 'Corporación...'), and
    a byline glued to the lede's article ('Karen FunesEl Banco de ...' -> 'Banco de ...')."""
    parts = strip_role_prefix(_GLUED_ARTICLE.sub("", name)).split()
    initial, final, _ = _heads()
    # a sentence's opening word before an article ("Now the Caribbean Development Bank lends")
    opener = len(parts) > 2 and fold(parts[0]) not in initial | ARTICLES
    if opener and parts[1].islower() and parts[1] in ARTICLES:
        parts.pop(0)
    while parts and fold(parts[0]) in ARTICLES:
        parts.pop(0)
    if parts and fold(parts[-1]) in final:
        return " ".join(parts)
    for k, part in enumerate(parts):
        if fold(part) in initial:
            before = parts[:k]
            if (
                before
                and all(p[:1].isupper() and fold(p) not in ARTICLES for p in before)
                and not any(is_role(name_tokens(p), 0) for p in before)
            ):
                return " ".join(parts)
            # keep the capitalised modifiers right before the head: "the Statistical Institute of ..."
            first = k
            while first > 0 and _modifier(parts[first - 1]):
                first -= 1
            return " ".join(parts[first:])
    while parts and fold(parts[0]) in ARTICLES:
        parts.pop(0)
    return " ".join(parts)


def _definition_windows(text: str) -> list[tuple[int, str]]:
    """Stretches of text that end in a parenthesis: only there can an acronym be defined.

    Matching the name pattern on these windows, not the whole text, keeps long runs of
    capitalised words from costing quadratic time.
    """
    windows = []
    for paren in re.finditer(r"\(", text):
        line_start = text.rfind("\n", 0, paren.start()) + 1
        start = max(line_start, paren.start() - DEFINITION_WINDOW)
        end = text.find(")", paren.start(), paren.start() + DEFINITION_WINDOW)
        if end > 0:
            windows.append((start, text[start : end + 1]))
    return windows


def initials(name: str) -> str:
    """The first letters of a name's content words, folded: 'dbj' of 'Development Bank of Jamaica'."""
    return "".join(fold(p)[0] for p in re.findall(r"[^\W\d_][\w'-]*", name) if fold(p) not in NAME_GLUE)


def _spelled_back(before: str, name: str, acronym: str) -> str:
    """The name extended back over a comma list when the acronym spells the longer name:
    'Ministerio de Economía Familiar, Comunitaria, Cooperativa y Asociativa (MEFCCA)', where the
    name pattern stops at the head word 'Cooperativa'."""
    letters = "".join(c for c in fold(acronym) if c.isalpha())
    if initials(name) == letters or not letters.endswith(initials(name)):
        return name
    glue = r"(?:(?:de|del|la|da|do|das|dos|y|e|and|of|the|in|en|em|for|para)[ \t]+)*"
    run = re.search(rf"(?:[{UPPER}][\w'-]*(?:,?[ \t]+{glue}))+$", before)
    if not run:
        return name
    words_before = run.group(0)
    for k in [m.start() for m in re.finditer(r"(?<![\w'-])[A-ZÁÉÍÓÚÑÇ]", words_before)]:
        longer = words_before[k:] + name
        # some acronyms keep a short word's letter: "Women in Business Network (WIBN)"
        if letters in (initials(longer), "".join(fold(w)[0] for w in re.findall(r"[^\W\d_][\w'-]*", longer))):
            return longer
    return name


def _defined(text: str) -> tuple[list[OrgMention], set[str]]:
    found, accepted = [], set()
    for offset, window in _definition_windows(text):
        if _suffix_next().match(text, offset + len(window)):
            continue  # "Caribbean Bottlers (TT) Ltd": a code inside a company's name, not a definition
        for key in ("defined", "defined_reverse"):
            m = next((m for m in _patterns()[key].finditer(window) if m.end() == len(window)), None)
            if m is None:
                continue
            acr = m.group("acr")
            if _event_of_body(_trim_front(m.group("name"))):
                continue  # "Congresso da Aliança Cooperativa Internacional (ACI)": an event, the body context
            name = _align_to_acronym(_trim_front(m.group("name")), acr)
            if fold(acr) in generic_acronyms():
                continue
            if key == "defined":
                name = _spelled_back(window[: m.start("name") + m.group("name").find(name)], name, acr)
            if is_institution(name, defined=True):
                start = offset + window.rfind(name, 0, m.end())
                found.append(OrgMention(name, acr, start, f"acronym defined: '{m.group(0)}'"))
                accepted.add(acr.rstrip("s"))
    return found, accepted


# Compiled once: ``_named`` applies them to every capitalised run of every text.
_POSSESSIVE_END = re.compile(r"[’']s$")
_AND = re.compile(r"[ \t]+(?:and|y|e)[ \t]+")
_AND_PLACE = re.compile(r"[ \t]+(?:and|y|e)[ \t]+(?P<place>[^,]+)$")
_GLUED_ARTICLE = re.compile(r"^.*?[a-záéíóúñçãõ](?=(?:El|La|Los|Las|The|Os|As|O|A)[ \t])")
_FOR_A_PLACE = re.compile(
    r"[ \t]+(?:para|for|in|en|em|no|na)[ \t]+(?:(?:the|el|la|o|a)[ \t]+)?"
    r"(?P<place>[^,]+?)(?=,|$|[ \t]+(?:and|y|e)[ \t])"
)


def _without_trailing_place(name: str) -> str:
    """'Central Bank and Peru' -> 'Central Bank': a country is coordinated with the name, not part of it.
    'Banco Mundial para Moçambique, Madagáscar, ...' -> 'Banco Mundial': the body's office for a place
    is the body."""
    m = _AND_PLACE.search(name)
    if m and m.group("place").lower() in gazetteer():
        name = name[: m.start()]
    m = _FOR_A_PLACE.search(name)
    if m and m.group("place").lower() in gazetteer() and is_institution(name[: m.start()]):
        return name[: m.start()]
    return name


# Unit heads that may follow an institution's name in a capitalised run: "World Bank Board of ...".
_TRAILING_UNITS = {"board", "department", "division", "directorate", "junta", "directorio", "diretoria"}


def _title_as_complement(toks: list, k: int) -> bool:
    """'Office of the Prime Minister', 'Oficina del Primer Ministro': a title right after 'of the' or
    'del' (a multi-word title from its first word) is the office's complement, not a title run on
    after the name ('Ministry of Trade Director' is cut)."""
    first = role_start(toks, k)
    return first > 0 and fold(toks[first - 1].word) in NAME_GLUE


@cache
def _cut_at_title(name: str) -> str:
    """An institution's name run on into a title or a unit ('Central Bank Governor', 'World Bank
    Country Director for Argentina', 'World Bank Board of Executive Directors'): the name before it."""
    toks = name_tokens(name)
    for k in range(2, len(toks)):
        if not (_is_title(toks, k) or fold(toks[k].word) in _TRAILING_UNITS):
            continue
        if _title_as_complement(toks, k):
            continue
        # the shortest whole name before it: the title may have modifiers ("Country Director")
        for j in range(2, k + 1):
            head = name[: toks[j].start].rstrip(" ,")
            if fold(toks[j - 1].word) in NAME_GLUE:
                continue
            # a fund too: its title says it acts ("Mutual Guarantee Fund Manager")
            if is_institution(head) or _fund_last(_tokens(head)):
                return head
    return name


def _named(text: str) -> list[OrgMention]:
    found = []
    for m in _patterns()["name"].finditer(text):
        if m.group("name").count(" ") > MAX_NAME_WORDS:
            continue  # a capitalised run this long is a shouted line, not a name
        name = _cut_at_title(_trim_front(_without_trailing_place(_POSSESSIVE_END.sub("", m.group("name")))))
        if not is_institution(name):
            # "the Coca Cola Company and Caribbean Bottlers (TT) Ltd": the part before 'and' alone
            name = _AND.split(name, maxsplit=1)[0]
        if not name.strip():
            continue
        start = m.start("name") + m.group("name").find(name.split()[0])
        parent = _parent_of_unit(name)
        if parent:
            at = text.find(parent, start)
            found.append(OrgMention(parent, None, at, f"a unit named with its parent: '{name}'"))
            continue
        pair = _two_bodies(name)
        if pair:
            for part in pair:
                found.append(OrgMention(part, None, text.find(part, start), f"institutional name: '{part}'"))
        elif is_institution(name) and not _event_of_body(name) and not _edition(text, m.start("name"), name):
            found.append(OrgMention(name, None, start, f"institutional name: '{name}'"))
        elif _acting_fund(text, start, name):
            found.append(OrgMention(name, None, start, f"a fund that acts: '{name}'"))
    return found


def _two_bodies(name: str) -> tuple[str, str] | None:
    """'Standard Bank e Absa Bank', 'the Caribbean Development Bank and Republic Bank': two names each
    closed by a head-word, joined by a conjunction, are two bodies ('Ministry of Trade and Industry' is
    one: 'Industry' alone names none)."""
    _, final, _ = _heads()
    for m in _AND.finditer(name):
        first, second = name[: m.start()], name[m.end() :]
        heads = [toks[-1] if toks else "" for toks in (_tokens(first), _tokens(second))]
        if all(h in final for h in heads) and is_institution(first) and is_institution(second):
            return first, second
    return None


_UNIT_OF_ACRONYM = re.compile(
    rf"^.+?[ \t](?:of|de|del|do|da)[ \t]+(?:(?:the|la|el|o|a)[ \t]+)?(?P<parent>{ACRONYM})$"
)
_ACRONYM_OWNS_UNIT = re.compile(rf"^(?P<parent>{ACRONYM})['’]s[ \t]+.+$")


def _parent_of_unit(name: str) -> str | None:
    """'Departamento de Financiamiento del INFOCOOP', "IDB's Structured and Corporate Finance
    Department": a unit (``subunit_heads``) named with its parent's acronym is the parent at work."""
    units = _subunit_heads()
    words_ = [fold(w) for w in name.split()]
    owned = _ACRONYM_OWNS_UNIT.match(name)
    if owned and words_[-1] in units and is_acronym(owned.group("parent")):
        return owned.group("parent")
    of = _UNIT_OF_ACRONYM.match(name)
    if of and words_[0] in units and is_acronym(of.group("parent")):
        return of.group("parent")
    return None


@cache
def _subunit_heads() -> frozenset[str]:
    return frozenset(fold(w) for w in words("subunit_heads"))


def _acting_fund(text: str, start: int, name: str) -> bool:
    """'El Fondo Nacional de Garantías firmó un convenio', 'The Fund for Agricultural Development
    approved', 'Mutual Guarantee Fund Manager Gillian Griffith': a name that opens on a fund, or in
    English ends on one, describes an instrument (``is_institution``) unless the text defines an
    acronym for it or, as for a bare acronym, a verb right after it says it acts, it gives a person's
    title, or it pays for the story's programme."""
    toks = _tokens(name)
    # the fund, its complement at once or past one modifier: "Fondo de ...", "Fondo Nacional de ...";
    # or in English the fund last: "The Loan Guarantee Fund approved"
    opens = len(toks) >= 3 and toks[0] in _STRONG_EXTRA and bool({toks[1], toks[2]} & SPLIT_CONN)
    if not (opens or (len(toks) >= 2 and _fund_last(toks))):
        return False
    end = start + len(name)
    if text[start:end] != name:
        return False
    after = text[end : end + 60]
    funder = _funder_cue().search(text, max(0, start - 80), start)
    return acts_after(after) or titled_after(after) or bool(funder)


@cache
def _funder_cue() -> re.Pattern[str]:
    """'funded with 4 million euros from the European Development Fund', 'financiado pelo Fundo X': the
    fund pays for the story's programme, a body taking part (``funder_cues``, then "from"/"by" and an
    article, within the sentence)."""
    cues = alternation(words("funder_cues"))
    return re.compile(
        rf"(?<!\w)(?i:{cues})(?!\w)[^.;:!?\n]{{0,60}}?(?<!\w)(?i:from|by|por|pelo|pela|del|de|do|da)"
        rf"[ \t]+(?:(?i:the|el|la|o|a)[ \t]+)?$"
    )


@cache
def _event_heads() -> frozenset[str]:
    return frozenset(fold(w) for w in words("event_heads"))


def _event_of_body(name: str) -> bool:
    """'Congresso da Aliança Cooperativa Internacional', 'Assembly of the Caribbean Export Council': an
    event head, 'of'/'de', then a body's name: the event of that body ('Congreso de la República' is
    no event: no body follows)."""
    toks = _tokens(name)
    # the head may follow modifiers: "Annual General Meeting of the ..."
    head = next((k for k, t in enumerate(toks[:3]) if t in _event_heads()), None)
    if head is None or len(toks) < head + 3 or toks[head + 1] not in SPLIT_CONN:
        return False
    rest = toks[head + 2 :]
    while rest and rest[0] in NAME_GLUE:
        rest = rest[1:]
    return bool(rest) and is_institution(" ".join(rest))


_ORDINAL_WORD = re.compile(r"(?:\d+(?:st|nd|rd|th|º|ª|°|er|o|a)|[IVXLC]+)$", re.IGNORECASE)


def _edition(text: str, start: int, name: str) -> bool:
    """'el primer Congreso de la Producción', 'the 5th Forum of ...': an ordinal before an event's head
    makes the name one edition of an event ('el Congreso de la República' is a body)."""
    if fold(name.split(" ", 1)[0]) not in _event_heads():
        return False
    before = text[max(0, start - 20) : start].split()
    return bool(before) and (fold(before[-1]) in _ordinals() or bool(_ORDINAL_WORD.match(before[-1])))


@cache
def _ordinals() -> frozenset[str]:
    return frozenset(fold(w) for w in words("ordinals"))


_PLURAL_ACRONYM = rf"(?:[ \t]*\((?P<{{key}}>[{UPPER}][{UPPER}a-z]{{{{1,9}}}})\))?"
_PLURAL_HEAD = re.compile(
    rf"\b(?P<head>[{UPPER}a-z][a-záéíóúñçãõê]+(?:ies|s))[ \t]+(?P<prep>de|del|do|da|of|of the)[ \t]+"
    rf"(?P<first>{CAPW}(?:[ \t]+{CAPW})?){_PLURAL_ACRONYM.format(key='acr1')}[ \t]+(?:y|e|and)[ \t]+"
    rf"(?:(?:de|del|do|da|of)[ \t]+)?(?P<second>{CAPW}(?:[ \t]+{CAPW})?){_PLURAL_ACRONYM.format(key='acr2')}"
)


def _singular_head(word: str) -> str | None:
    """'Intendencias' -> 'Intendencia', 'Ministries' -> 'Ministry', when the singular is a head-word."""
    initial = _heads()[0]
    for singular in (word[:-3] + "y" if word.endswith("ies") else "", word[:-1]):
        if singular and fold(singular) in initial:
            return singular
    return None


def _plural_heads(text: str) -> list[OrgMention]:
    """'las Intendencias de Río Negro y Durazno' names two institutions, one per place; so does 'los
    ministerios de Agricultura (MAG) y de Industria (MIC)', each with the acronym defined for it (in
    lower case, the plural names bodies only when both acronyms are given)."""
    found = []
    for m in _PLURAL_HEAD.finditer(text):
        head = _singular_head(m.group("head").capitalize())
        acronyms = m.group("acr1"), m.group("acr2")
        if head is None or (m.group("head")[0].islower() and not all(acronyms)):
            continue
        for key, acr in zip(("first", "second"), acronyms, strict=True):
            name = f"{head} {m.group('prep')} {m.group(key)}"
            found.append(OrgMention(name, acr, m.start(key), f"one of the plural '{m.group(0)}'"))
    return found


def _split_joined(named: list[OrgMention], defined: list[OrgMention]) -> list[OrgMention]:
    """'Government of Jamaica and the Inter-American Development Bank (IDB)' names two bodies when the
    part after 'and' is a defined institution: keep the first part only if it is one too."""
    out = []
    for n in named:
        for d in defined:
            if n.name != d.name and n.name.endswith(" " + d.name):
                prefix = n.name[: -len(d.name)].rstrip()
                first = re.sub(r"\s+(?:and|y|e)(?:\s+(?:the|el|la|los|las|o|a|os|as))?$", "", prefix)
                if first != prefix:
                    if is_institution(first):
                        out.append(OrgMention(first, None, n.start, n.rule))
                    break
        else:
            out.append(n)
    return out


def _described(text: str) -> list[OrgMention]:
    found = []
    for key in ("descriptor_before", "descriptor_after", "descriptor_between"):
        for m in _patterns()[key].finditer(text):
            if key == "descriptor_after":
                phrase = tokenize(m.group(0)[m.end("name") - m.start() :])
                if any(is_role(phrase, k) for k in range(len(phrase))):
                    continue  # "Paula Mercado, the manager of the cooperative": a person and her title
            names = [m.group("name")]
            if key == "descriptor_before" and m.group("plural"):
                names = re.split(r"\s+(?:y|e|and)\s+", m.group("name"))
            for name in names:
                toks = tokenize(name)
                if len(toks[0].word) == 1:
                    continue  # "los grupos A y B", "grupos D e E do Programa": a category's letter
                if all(fold(t.word) in ARTICLES or is_role(toks, i) for i, t in enumerate(toks)):
                    continue
                if is_role(toks, len(toks) - 1):
                    continue  # "the Prime Minister said the fund ...": a title, not a firm
                if name.lower() in gazetteer():
                    continue  # "businesses in Haiti": a place, not a firm
                found.append(
                    OrgMention(
                        name,
                        None,
                        m.start("name") + m.group("name").find(name),
                        f"described as an organisation: '{m.group(0)}'",
                    )
                )
    return found


def _without_people_after_heads(text: str, people: tuple[str, ...]) -> str:
    """Blank a person's name right after a head-word ("Commerce Ministry Irfaan Ali"): not in the name."""
    _, final, _ = _heads()
    blank: list[tuple[int, int]] = []
    for person in people:
        for m in re.finditer(rf"(?<=\w) {re.escape(person)}\b", text):
            # The word before, from a word's length back: never the whole text before each name.
            previous = text[max(0, m.start() - 100) : m.start()].split()[-1:]
            if previous and fold(previous[0]) in final:
                blank.append(m.span())
    if not blank:
        return text
    chars = list(text)
    for start, end in blank:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


_ACRONYM_AFTER = re.compile(
    rf"[ \t]*(?:[–—-]|,)[ \t]*(?P<acr>[{UPPER}]{{2,10}})(?=[ \t]*[,.;:)]|[ \t]+[a-záéíóúãõç])"
)


def _acronyms_after(text: str, named: list[OrgMention]) -> list[OrgMention]:
    """'el Banco Central de Reserva – BCR aprobó', 'the Caribbean Development Bank, CDB, said': an
    acronym after a dash or a comma that spells the name's initials is its alias, not a second body."""
    out = []
    for n in named:
        end = n.start + len(n.name)
        m = _ACRONYM_AFTER.match(text, end) if text[n.start : end] == n.name else None
        if m and n.alias is None and initials(n.name) == fold(m.group("acr")):
            n = OrgMention(n.name, m.group("acr"), n.start, f"{n.rule}; acronym after it: '{m.group('acr')}'")
        out.append(n)
    return out


# What may stand between a title and its employer, in lower case: an adjective or a department
# ("gerente regional de Agrobanco", "diretor técnico da Coopercitrus", "head of sales at Digicel").
_QUALIFIER = rf"{SP}(?:(?:de|of|do|da){SP})?[a-záéíóúñçãõâêô-]+"


@cache
def _employer_in_title() -> re.Pattern[str]:
    """A role, 'of', then a name a loose head opens ('gerente de Fondo Emprender', 'director of the
    Enterprise Centre Belize'): a fund or centre with its own officers is an institution."""
    roles = alternation(words("roles"))
    heads = alternation(w.capitalize() for w in sorted(_DEFINED_HEADS | _STRONG_EXTRA))
    return re.compile(
        rf"(?i:\b{roles})(?:{_QUALIFIER}){{0,2}}{SP}(?i:de|del|of|do|da|at){SP}(?:(?i:the|el|la|o|a){SP})?"
        rf"(?P<name>{heads}{_continuation(CAPW)})"
    )


_CAP_WORD = f"[{UPPER}][a-záéíóúñçãõâêô]+"


@cache
def _led_body() -> re.Pattern[str]:
    """A leader's title (or any title with a qualifier), 'of', then a one-word proper name closed by
    punctuation or a lower-case word: 'presidente de Confecámaras,', 'superintendente do Sebrae no',
    'diretor-presidente da Desenvolve SP', 'diretor técnico da Coopervale,'."""
    # one prefix tree for every title; a title that is not a leader's needs a qualifier (checked by the
    # caller): "gerente regional de Agrobanco", not "gerente de Ventas"
    roles = alternation((*words("roles"), *words("leader_roles")))
    return re.compile(
        rf"(?<![\w-])(?P<title>(?i:{roles}))(?P<qualifier>(?:{_QUALIFIER}){{0,2}}"
        # a department in capitals between: "Director dos Assuntos Externos da Mozal"
        rf"(?P<department>{SP}(?i:de|do|dos|da|das|of|for){SP}{_CAP_WORD}(?:{SP}{_CAP_WORD}){{0,2}})?)"
        rf"{SP}(?i:de|del|of|do|da|at)(?:{SP}(?i:the|la|el|o|a))?{SP}"
        rf"(?P<name>(?:[{UPPER}][a-záéíóúñçãõâêô]+[\w-]*|i[A-Z]{{2}}\w+)(?:{SP}(?P<second>[{UPPER}][\w-]+))?)"
        rf"(?=[ \t]*[,.;:)]|{SP}[a-záéíóúç])"
    )


@cache
def _leader_roles() -> frozenset[str]:
    return frozenset(fold(w) for w in words("leader_roles"))


@cache
def _employer_named_last() -> re.Pattern[str]:
    """A role, 'of', then a capitalised name a loose head closes ('vice president of the Central
    Finance Facility'): with its own officers, a facility or fund is an institution."""
    roles = alternation(words("roles"))
    heads = alternation(w.capitalize() for w in words("title_heads_final"))
    return re.compile(
        rf"(?i:\b{roles}){SP}(?i:of|at){SP}(?:(?i:the){SP})?"
        rf"(?P<name>(?:{CAPW}{SP}(?:(?:of|for|and|&){SP})?){{1,5}}{heads})(?![\w-])"
    )


@cache
def _title_starts() -> re.Pattern[str]:
    """Where any role title (a leader's too) starts a word: the only places the three title rules
    below can match, found in one pass over the text instead of one pass each."""
    roles = alternation((*words("roles"), *words("leader_roles")))
    return re.compile(rf"(?<!\w)(?=(?i:{roles}))")


def _matches_from(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can only match at one of ``starts`` (in order):
    tried there alone, each after the end of the last match, as finditer would."""
    end = 0
    for at in starts:
        if at >= end:
            m = pattern.match(text, at)
            if m:
                end = m.end()
                yield m


def _employers_in_titles(text: str) -> list[OrgMention]:
    starts = [m.start() for m in _title_starts().finditer(text)]
    found = [
        OrgMention(m.group("name"), None, m.start("name"), f"named in a person's title: '{m.group(0)}'")
        for pattern in (_employer_in_title(), _employer_named_last())
        for m in _matches_from(pattern, text, starts)
        if " " in m.group("name")
    ]
    leaders = _leader_roles()
    for m in _matches_from(_led_body(), text, starts):
        if not m.group("qualifier") and fold(m.group("title")) not in leaders:
            continue  # a department head's complement is usually a department: "gerente de Ventas"
        name = m.group("name")
        department = m.group("department")
        # a body in the middle ("do Fundo de Garantia"), or a name going on ("de Varejo do Banco")
        closed = re.match(r"[ \t]*[,;:)]", text[m.end() :])
        if department and (any(is_furniture(w) for w in department.split()[1:]) or not closed):
            continue
        first, second = name.split()[0], m.group("second")
        if is_furniture(first) or name.lower() in gazetteer() or first.lower() in gazetteer():
            continue  # "presidente de Honduras", "director general de Comercio"
        if second and not (second.isupper() and len(second) == 2) and second.lower() not in gazetteer():
            continue  # a second word only when it is a state code or a place: "iNNpulsa Colombia"
        found.append(OrgMention(name, None, m.start("name"), f"body a leader's title names: '{m.group(0)}'"))
    return found


def _suffix_alternation() -> str:
    return "|".join(re.escape(w) for w in sorted(words("company_suffixes"), key=len, reverse=True))


@cache
def _suffix_next() -> re.Pattern[str]:
    return re.compile(rf",?{SP}(?:{_suffix_alternation()})(?!\w)")


@cache
def _company() -> re.Pattern[str]:
    """A capitalised name closed by legal-form suffixes, an optional bracketed code between."""
    suffix = _suffix_alternation()
    return re.compile(
        rf"(?<![\w&-])(?P<name>{CAPW}(?:{SP}(?:{CONN}{SP})?{CAPW}){{0,5}}(?:{SP}\([{UPPER}]{{2,4}}\))?)"
        rf",?(?P<suffix>(?:{SP}&)?(?:{SP}(?:{suffix}))+)(?![\w])"
    )


@cache
def _any_suffix() -> re.Pattern[str]:
    """A legal form anywhere, as ``_company`` ends on one: most texts have none, and finding that out
    costs a fraction of trying the company pattern at every capitalised word."""
    return re.compile(rf"(?:{_suffix_alternation()})(?!\w)")


def _companies(text: str) -> list[OrgMention]:
    """Names closed by a legal form are firms, with the form: 'Jardine Matheson & Co. Ltd.'."""
    found: list[OrgMention] = []
    if not _any_suffix().search(text):
        return found
    for m in _company().finditer(text):
        name = _trim_front(m.group(0)).rstrip(".")
        # an acronym may open a longer name ("JN Small Business Loans Limited"), not a short one ("CDB Ltd")
        size = len(name.split())
        if size >= 2 and not is_acronym(name.split()[0]) or "(" in name or size >= 4:
            start = m.start() + m.group(0).find(name)
            found.append(OrgMention(name, None, start, f"company with its legal form: '{name}'"))
    return found


_AFFILIATION = re.compile(
    rf",{SP}(?:d[ao]s?|de la|del|de|of the|of|from the|from){SP}"
    rf"(?P<name>[{UPPER}][\w-]+(?:{SP}(?:(?:de|da|do|del|of|the|y|e|and){SP})?[{UPPER}][\w-]+){{1,4}})[ \t]*,"
)


def _affiliations(text: str, people: tuple[str, ...]) -> list[OrgMention]:
    """'Flávio Ferreira, da Vigilância Sanitária, explicou': the body a person speaks for, set off by
    commas right after the name, is an organisation (not a place, nor sector words alone)."""
    if not people:
        return []
    found = []
    for m in _AFFILIATION.finditer(text):
        name = m.group("name")
        if not text[max(0, m.start() - 80) : m.start()].endswith(people):
            continue
        first = name.split()[0]
        table = gazetteer()
        place = name.lower() in table or first.lower() in table or fold(first) in _place_prefixes()
        if place or is_role(tokenize(first), 0):
            continue  # "de Santa Cruz", "do Maranhão", "of the Minister ..."
        if all(is_furniture(w) or fold(w) in NAME_GLUE for w in name.split()):
            continue  # "de Comercio Exterior": a sector, the rest of a title
        found.append(OrgMention(name, None, m.start("name"), f"the body a person speaks for: '{m.group(0)}'"))
    return found


@cache
def _place_prefixes() -> frozenset[str]:
    return frozenset(fold(w) for w in words("place_prefixes"))


# Pure readings of a candidate name, asked again and again for the same names of one text (each
# rule meets a name once per mention): kept for one text, forgotten when the next one starts, so
# repeated texts (a benchmark) are no faster than new ones.
_PER_TEXT = (is_institution, strip_role_prefix, _trim_front, _cut_at_title, name_tokens)


def find_organizations(text: str, title: str = "", people: tuple[str, ...] = ()) -> list[OrgMention]:
    """Organisation mentions in order; ``people`` are names already known to be persons."""
    for reading in _PER_TEXT:
        reading.cache_clear()
    text = _without_people_after_heads(text, people)
    defined, accepted = _defined(text)
    # an institution's two-word acronym leaves its first word free: "(Sebrae Goiás)", then "o Sebrae"
    blocked = blocked_acronyms(text) - {a.split()[0] for a in accepted}
    named = _acronyms_after(text, _split_joined(_named(text), defined))
    accepted |= {n.alias for n in named if n.alias}
    mentions = defined + named + _described(text) + _employers_in_titles(text) + _companies(text)
    mentions += _affiliations(text, people)
    spans = [(m.start, m.start + len(m.name)) for m in mentions]
    # a plural inside a longer name ("Federación de Cámaras de Comercio e Industrias") is part of it
    plurals = [p for p in _plural_heads(text) if not any(s < p.start < e for s, e in spans)]
    mentions += plurals
    accepted |= {p.alias for p in plurals if p.alias}
    known = accepted | {m.name for m in mentions if is_acronym(m.name)}
    covered = [(m.start, m.start + len(m.name)) for m in mentions if not is_acronym(m.name)]
    # the initials of the bodies' names: an acronym that spells one is its short form, acting or not
    spelled = frozenset(i for m in mentions if " " in m.name and len(i := initials(m.name)) >= 3)
    mentions += standalone_acronyms(text, title, known, blocked, covered, spelled)
    mentions += coordinated_names(text, mentions, blocked, people)
    covered = [(m.start, m.start + len(m.name)) for m in mentions]
    mentions += [e for e in enumerated_bodies(text, people) if not any(s <= e.start < t for s, t in covered)]
    return sorted(mentions, key=lambda m: m.start)
