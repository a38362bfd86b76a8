"""People acting in the story, recognised by the company their names keep.

No list of names is needed: news writing introduces people the same way in
English, Spanish and Portuguese. A capitalised run that survives trimming
(see ``names``) is a person when one of these cues stands next to it:

- a role before it, possibly with its complement: "el ministro de Comercio,
  Industria y Turismo, Santiago Rojas", "FAO Director-General José Graziano da Silva";
- a role after it: "Acisclo Valladares, ministro de Economía";
- a courtesy title: "Hon. Delano Seiveright", "los señores Piero Ghezzi Solís";
- a verb of saying: "dijo Marcela Munguía", "Irfaan Ali, underscored";
- "appointed X and Y as ambassadors";
- the body they speak for, after a comma: "Flávio Ferreira, da Vigilância Sanitária,";
- a kin word ("junto ao marido, Rui Ferreira,");
- a known given name opening the name, a lower-case word after it ("Cuando Laura Quispe empezó").

A capitalised title run into the name ("Fund Manager Gillian Griffith") is cut at its last role word.

A run right after a preposition or an article is a complement ("Intendente de
Río Negro"), never a name; one right before "(" or "of X" is an institution.
Heads of state only credited with a policy ("the policies of President X",
"X's administration") are background, not actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from hemeroteca.extract.names import (
    PARTICLES,
    Token,
    fold,
    given_names,
    is_acronym,
    is_furniture,
    runs,
    span_text,
    tokenize,
    trim_to_name,
)
from hemeroteca.extract.vocabulary import caseless_alternation, word_set

# How far back a role may stand from the name it introduces.
ROLE_WINDOW = 22
# Words that make the next capitalised run a complement, not a name.
_COMPLEMENT_BEFORE = frozenset(
    [
        "of",
        "for",
        "de",
        "del",
        "do",
        "da",
        "dos",
        "das",
        "the",
        "el",
        "la",
        "los",
        "las",
        "o",
        "os",
        "as",
        "en",
        "em",
        "in",
        "at",
        "from",
        "para",
        "al",
        "ao",
        "à",
        "às",
        "no",
        "na",
        "nos",
        "nas",
        "un",
        "una",
        "um",
        "uma",
        "an",
        "pelo",
        "pela",
        "pelos",
        "pelas",
    ]
)
_PHOTO_POSITIONS = frozenset(
    {
        "left",
        "right",
        "centre",
        "center",
        "second",
        "third",
        "izquierda",
        "derecha",
        "centro",
        "esquerda",
        "direita",
    }
)
_ELLIPTIC_START = frozenset({"de", "del", "of", "do", "da", "for"})
# "X, of the Y" / "X, da Y" / "X, del Y": the prepositions that give a person's body after the name.
_AFFILIATION = frozenset({"of", "from", "de", "del", "do", "da", "dos", "das"})
_ARTICLES = frozenset({"the", "la", "el", "los", "las"})
_CONNECT_AFTER = frozenset(["of", "de", "del", "do", "da", "for", "para"])
_TERMINATORS = frozenset([",", ";", ".", ":", ")", "–", "—", "-", "”", '"', "»", "’", "\n"]) | {
    "and",
    "y",
    "e",
    "who",
    "quien",
    "que",
    "que,",
}
_CLAUSE_END = frozenset({";", ".", "!", "?", ":", "\n"})
_POSSESSIVE_BACKGROUND = re.compile(r"[’']s\s+(?:administration|government|gobierno|governo)", re.IGNORECASE)
_ALL_CAPS_LEAD = re.compile(
    r"^(?P<name>[A-ZÁÉÍÓÚÑÇ][A-ZÁÉÍÓÚÑÇ'’-]+(?:\s+[A-ZÁÉÍÓÚÑÇ][A-ZÁÉÍÓÚÑÇ'’-]+){1,3}),\s+"
    r"(?:the\s+|el\s+|la\s+|o\s+|a\s+)?(?P<role>[\w-]+)",
    re.MULTILINE,
)


@dataclass(frozen=True)
class PersonMention:
    name: str
    start: int
    rule: str


@cache
def _roles() -> tuple[frozenset[str], frozenset[str]]:
    """(single-word roles, multi-word roles), folded."""
    roles = {fold(r) for r in word_set("roles")}
    return frozenset(r for r in roles if " " not in r), frozenset(r for r in roles if " " in r)


def is_role(tokens: list[Token], k: int) -> bool:
    """Is tokens[k] a role word (or the last word of a multi-word role), plural allowed?"""
    single, multi = _roles()
    word = fold(tokens[k].word)
    if "-" in word and word not in single and any(part in single for part in word.split("-")):
        return True  # "economista-chefe", "vice-presidente"
    for candidate in (
        word,
        word[:-1] if word.endswith("s") else "",
        word[:-2] if word.endswith("es") else "",
    ):
        if candidate and candidate in single:
            return True
    if word not in _multi_role_ends():
        return False  # no multi-word role ends on this word: no phrase to build
    for size in (2, 3):
        if k - size + 1 >= 0:
            phrase = " ".join(fold(t.word) for t in tokens[k - size + 1 : k + 1])
            if phrase in multi:
                return True
    return False


@cache
def _multi_role_ends() -> frozenset[str]:
    """The last words of the multi-word roles ("minister" of "prime minister")."""
    return frozenset(role.rsplit(" ", 1)[-1] for role in _roles()[1])


@cache
def _kin() -> frozenset[str]:
    return frozenset(fold(w) for w in word_set("kin_words"))


def _introduces(tokens: list[Token], k: int) -> bool:
    """A role or a kin word ('el marido, Rui Ferreira,'): either introduces the person beside it."""
    return is_role(tokens, k) or fold(tokens[k].word) in _kin()


def role_start(tokens: list[Token], k: int) -> int:
    """Where the role ending at tokens[k] starts: its first word for a multi-word role ('Prime' of
    'Prime Minister'), else k."""
    _, multi = _roles()
    if fold(tokens[k].word) not in _multi_role_ends():
        return k
    for size in (3, 2):
        if k - size + 1 >= 0 and " ".join(fold(t.word) for t in tokens[k - size + 1 : k + 1]) in multi:
            return k - size + 1
    return k


@cache
def _named_things() -> frozenset[str]:
    """Nouns that introduce the name of a thing, not a person: 'el programa X', 'la empresa Y'."""
    return frozenset(fold(w) for key in ("org_descriptors", "named_things") for w in word_set(key))


@cache
def _speech() -> frozenset[str]:
    return frozenset(fold(w) for w in word_set("speech_verbs"))


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(fold(w).rstrip(".") for w in word_set("honorifics"))


# The longest stretch before a name read as its sentence.
SENTENCE_CHARS = 1000


@cache
def _background() -> re.Pattern[str]:
    keys = ("polic", "polít", "gob", "gov", "admin")
    cues = [c for c in word_set("background_cues") if any(k in c for k in keys)]
    return re.compile(rf"{caseless_alternation(cues)}\s+(?:the\s+|el\s+|o\s+)?\S*\s*$", re.IGNORECASE)


def _role_before(tokens: list[Token], first: int) -> bool:
    for k in range(first - 1, max(-1, first - 1 - ROLE_WINDOW), -1):
        elliptic = tokens[k].text == ";" and k + 1 < first and fold(tokens[k + 1].word) in _ELLIPTIC_START
        if elliptic:
            continue  # "el secretario de Industria, X; de Comercio, Y": the role carries over
        if tokens[k].text in _CLAUSE_END or (k < first - 1 and tokens[k].ends_sentence):
            return False
        if _introduces(tokens, k):
            return True
    return False


def _role_after(tokens: list[Token], last: int) -> bool:
    """'X, chief executive of ...', 'X, the bank's managing director, said', 'X, pictured, the
    Development Bank's manager': a role within a few words after the comma; capitalised words only
    as the body whose role it is, in the possessive."""
    if last >= len(tokens) or tokens[last].text != ",":
        return False
    k, end = last + 1, min(len(tokens), last + 5)
    while k < end:
        if _introduces(tokens, k):
            return True
        word = tokens[k].word
        owner = _possessive_owner_end(tokens, k) if tokens[k].is_cap else None
        if owner is not None:
            k, end = owner, min(len(tokens), owner + 4)
        elif not (word == "," or fold(word) in _COMPLEMENT_BEFORE or word.islower() or is_furniture(word)):
            return False  # a comma may set off an aside: "X, pictured, the bank's manager"
        k += 1
    return False


# Capitalised words of a body that owns the role after a person's name, at most this many.
MAX_OWNER_WORDS = 5


def _possessive_owner_end(tokens: list[Token], k: int) -> int | None:
    """Where a run of capitalised words ending in a possessive ("Bahamas Development Bank’s") ends."""
    for j in range(k, min(len(tokens), k + MAX_OWNER_WORDS)):
        if not tokens[j].is_cap:
            return None
        if tokens[j].word.endswith(("’s", "'s")):
            return j
    return None


def _affiliation_after(tokens: list[Token], last: int) -> bool:
    """'Flávio Ferreira, da Vigilância Sanitária, explained', 'Jane Roe, of the Caribbean Export
    Development Agency, said': the body a person speaks for, set off by commas after the name."""
    k = last
    if k + 2 >= len(tokens) or tokens[k].text != "," or fold(tokens[k + 1].word) not in _AFFILIATION:
        return False
    k += 2
    if fold(tokens[k].word) in _ARTICLES and k + 1 < len(tokens):
        k += 1
    return tokens[k].is_cap or is_acronym(tokens[k].word)


def _appointed_as(tokens: list[Token], last: int) -> bool:
    """'X and Y as Special Ambassadors', 'X como presidente'."""
    for k in range(last, min(len(tokens), last + 8)):
        if fold(tokens[k].word) in ("as", "como") and any(
            is_role(tokens, j) for j in range(k + 1, min(len(tokens), k + 4))
        ):
            return True
        if tokens[k].text in _CLAUSE_END:
            return False
    return False


def _cue(tokens: list[Token], run_first: int, first: int, last: int) -> str | None:
    prev = tokens[first - 1] if first > 0 else None
    nxt = tokens[last] if last < len(tokens) else None
    trimmed = [fold(t.word).rstrip(".") for t in tokens[run_first:first]]
    if (prev and fold(prev.word).rstrip(".") in _honorifics()) or any(w in _honorifics() for w in trimmed):
        return "courtesy title before the name"
    if _role_after(tokens, last):
        return "role after the name"
    if _role_before(tokens, first):
        return "role before the name"
    if prev and fold(prev.word) in _speech():
        return "verb of saying before the name"
    if nxt and (
        fold(nxt.word) in _speech()
        or (nxt.text == "," and last + 1 < len(tokens) and fold(tokens[last + 1].word) in _speech())
    ):
        return "verb of saying after the name"
    if _appointed_as(tokens, last):
        return "appointed as a role"
    if _affiliation_after(tokens, last):
        return "affiliation after the name"
    if fold(tokens[first].word) in given_names() and nxt is not None and nxt.word.islower():
        return "a given name opens the name"
    return None


_DASHES = frozenset({"-", "–", "—"})
# A dateline before a dash: a capitalised place, a comma, then anything ending in a number ("KINGSTON,
# Jamaica, May 3 –", "Brasília, 5/3/2020 -"). Read only on the line's opening characters.
_DATELINE_HEAD = re.compile(r"[A-ZÁÉÍÓÚÑÇ][^\n,]{1,40},[^\n]{0,60}\d[ \t]*$")
MAX_DATELINE_CHARS = 100


def _after_dateline(text: str, tokens: list[Token], first: int) -> bool:
    """'Lima, 12 de mayo de 2018.- Ana Ruiz, directora...': the stop-dash (or bracket-dash) that ends
    a dateline opens the story, and a name may follow it; so does a dash right after the dateline's
    date ("KINGSTON, Jamaica, May 3 – Tom Harris, ...")."""
    if first < 2 or tokens[first - 1].text not in _DASHES:
        return False
    before = tokens[first - 2].text
    if before in (".", ")") or (before.endswith(".") and before[:-1].isdigit()):
        return True
    dash = tokens[first - 1].start
    line_start = text.rfind("\n", 0, dash) + 1
    return dash - line_start <= MAX_DATELINE_CHARS and bool(_DATELINE_HEAD.match(text, line_start, dash))


def _opens_line(tokens: list[Token], first: int) -> bool:
    """'- Ana Ruiz, directora de ...': a dash opening a line is a bullet or a speaker's turn; a name may
    follow it ('the fund – Tom Harris' inside a line is an aside, not a name)."""
    return tokens[first - 1].text in _DASHES and (first < 2 or tokens[first - 2].text == "\n")


def _well_placed(text: str, tokens: list[Token], first: int, last: int, people_ends: set[int]) -> bool:
    """Not a complement (after 'of', 'de', 'the'), a title of a work (in quotes) or an institution
    (before '(' or 'of X'). After 'and', only when a person stands before it ('X and Y'). What
    ends a sentence ('... modelo de negócio. Carlos Magno, do X') does not describe the next one."""
    prev_ends = first > 0 and tokens[first - 1].ends_sentence
    before = fold(tokens[first - 1].word) if first > 0 and not prev_ends else ""
    # "a cargo de Ana Vega, coordinadora de ...": a role after the name makes it a person's even after
    # 'de' or 'of' (not after an article or 'in': "In May Jones, the director, ...")
    if before in _COMPLEMENT_BEFORE and not (before in _AFFILIATION and _role_after(tokens, last)):
        return False
    if first > 1 and tokens[first - 1].text == "(" and tokens[first - 2].is_cap:
        return False  # "Serviço de Apoio às Micro e Pequenas Empresas (Sebrae Goiás)": the name's acronym
    opener = first > 0 and tokens[first - 1].text in ("-", "–", "“", '"', "«")
    if opener and not (_after_dateline(text, tokens, first) or _opens_line(tokens, first)):
        return False
    if first > 0 and not prev_ends and fold(tokens[first - 1].word) in _named_things():
        return False  # "el programa Desenrola Pequenos Negócios", "la empresa Textiles Andinos"
    after_and = first > 1 and fold(tokens[first - 1].word) in ("and", "y", "e")
    if after_and and tokens[first - 2].is_cap and first - 1 not in people_ends:
        return False
    if last < len(tokens):
        nxt = tokens[last]
        if nxt.text == "(":
            # "Banco Popular (BP)" is an institution; "Daryl Vaz (left)" is a caption
            return last + 1 < len(tokens) and fold(tokens[last + 1].word) in _PHOTO_POSITIONS
        if fold(nxt.word) in _CONNECT_AFTER and last + 1 < len(tokens) and tokens[last + 1].is_cap:
            return False
        if not (
            nxt.text in _TERMINATORS
            or nxt.word.islower()
            or nxt.text in PARTICLES
            or tokens[last - 1].ends_sentence
        ):
            return False
    return True


def _after_title_in_run(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """English puts a capitalised title before the name in one run: 'Region Two Chairman Parmanand
    Persaud', 'Mutual Guarantee Fund Manager Gillian Griffith'; a courtesy title may end a run of
    other words ('Oficina Mecânica do Sr. Rui Lopes'). The name is what follows the last role word
    or courtesy title, when that is a name."""
    honorifics = _honorifics()
    roles = [
        k for k in range(first, last) if is_role(tokens, k) or fold(tokens[k].word).rstrip(".") in honorifics
    ]
    if not roles or roles[-1] + 1 >= last:
        return None
    return trim_to_name(tokens, roles[-1] + 1, last)


# A quoted nickname of one to three words between a given name and a surname: 'José “Pepe” Mujica',
# "Luiz 'Lula' Silva", 'Juan "El Chino" Pérez', 'Carlos "el Gato" Ruiz', "Marcia 'Lady M' Brown".
_NICKNAME = re.compile(
    r"(?<=\w)[ \t]+[“\"«‘'](?:(?:el|la|o|a|the)[ \t])?[A-ZÁÉÍÓÚÑÇ][\w.-]*(?:[ \t][\w.-]+){0,2}[”\"»’']"
    r"(?=[ \t]+(?:d[aeo]s?[ \t]+|del[ \t]+)?[A-ZÁÉÍÓÚÑÇ])"
)


def find_people(text: str) -> list[PersonMention]:
    # the nickname is blanked, offsets kept: the name is read as if it were not there
    text = _NICKNAME.sub(lambda m: " " * len(m.group(0)), text)
    tokens = tokenize(text)
    found: list[PersonMention] = []
    people_ends: set[int] = set()
    for run_first, run_last in runs(tokens):
        if run_last - run_first > 2 and fold(tokens[run_first].word) in _speech():
            run_first += 1  # "Said Peter Green, chairman of ...": a verb of saying opens the sentence
        name = trim_to_name(tokens, run_first, run_last) or _after_title_in_run(tokens, run_first, run_last)
        if name is None:
            continue
        first, last = name
        if not _well_placed(text, tokens, first, last, people_ends):
            continue
        rule = _cue(tokens, run_first, first, last)
        if rule is None:
            continue
        start, end = tokens[first].start, tokens[last - 1].end
        # Looked for within a sentence's length: a text with no full stop would otherwise make
        # every name rescan all the text before it (quadratic on a long line).
        window = max(0, start - SENTENCE_CHARS)
        sentence_start = max(text.rfind(". ", window, start), text.rfind("\n", window, start), window)
        if _background().search(text, sentence_start, start) or _POSSESSIVE_BACKGROUND.match(text, end):
            continue
        found.append(PersonMention(" ".join(span_text(text, tokens, first, last).split()), start, rule))
        people_ends.add(last)
    for match in _ALL_CAPS_LEAD.finditer(text):
        role_tokens = tokenize(match.group("role"))
        if role_tokens and is_role(role_tokens, 0):
            found.append(
                PersonMention(match.group("name").title(), match.start(), "capitalised name, then role")
            )
    return sorted(found, key=lambda p: p.start)
