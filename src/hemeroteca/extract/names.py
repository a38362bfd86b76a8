"""Tokens and capitalised runs: the raw material of the people and organisation rules.

A text is split once into tokens with their offsets. A *run* is a maximal
sequence of capitalised words, joined by name particles ("de", "da", "del"...),
so "José Graziano da Silva" is one run and "Trade and Industry" is two. A run
becomes a person's name only after its leading furniture is trimmed (titles,
sector words, places: "Industry Paula Gopee-Scoon" -> "Paula Gopee-Scoon") and
only if what is left looks like a name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import NamedTuple

from hemeroteca.extract.countries import gazetteer
from hemeroteca.extract.vocabulary import word_set
from hemeroteca.resources import load_data

_TOKEN = re.compile(r"\n|\w[\w'’&+/-]*(?:\.\w[\w'’-]*)*\.?|[^\w\s]")
PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "di", "van", "von", "De", "Da", "Del", "Dos"})
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]{1,3}|[A-Za-z](?:\.[A-Za-z])+)\.$")
MAX_NAME_TOKENS = 5
# Articles that follow a particle inside a Spanish surname ("de la Rosa", "de los Santos").
_PARTICLE_ARTICLES = frozenset({"la", "las", "los"})
_INITIAL = re.compile(r"^[A-ZÁÉÍÓÚÑ]\.$")
_INITIAL_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚÑ")


class Token(NamedTuple):
    """A token with its offsets and its ``word``: the token without a sentence-final full stop
    (abbreviations keep theirs). The word is read once, when the text is split, because the
    rules ask for it of every token many times (a tuple, so making one costs little)."""

    text: str
    start: int
    end: int
    word: str

    @property
    def ends_sentence(self) -> bool:
        return self.text in (".", "!", "?", "\n") or self.word != self.text

    @property
    def is_cap(self) -> bool:
        """Capitalised word with some lower case: 'Rojas', 'Gopee-Scoon', 'McDonald' (not 'MEIC')."""
        w = self.word
        if w[:1].isupper() and any(c.islower() for c in w):
            return True
        # a middle initial: "Luis A. Pérez" (what ``_INITIAL`` matches, tested without the regex
        # engine: the runs of every text ask this of each token)
        t = self.text
        return len(t) == 2 and t[1] == "." and t[0] in _INITIAL_LETTERS


# A word written in lower case: three letters or more, not part of a longer token.
_LOWER_WORD = re.compile(r"(?<![\w-])[a-záéíóúñçãõâêôàü]{3,}(?![\w-])")


@lru_cache(maxsize=1)
def lower_case_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case somewhere: the same word capitalised or in capitals
    elsewhere is that common word, not a name.

    The last answer is kept: the acronym rules and the actor filter ask it of the same text, one
    after the other (a new text replaces it, so repeated texts are not read faster)."""
    return frozenset(_LOWER_WORD.findall(text))


def tokenize(text: str) -> list[Token]:
    # Every rule asks for tokens, of whole texts and of thousands of short names: the tuples are
    # made without the named tuple's Python constructor, and a word differs from its token only
    # when the token ends in a full stop.
    make, abbreviation = tuple.__new__, _ABBREVIATION.match

    def word(token: str) -> str:
        return token if abbreviation(token) else token[:-1]

    return [
        make(Token, (token, m.start(), m.end(), word(token) if token[-1] == "." else token))
        for m in _TOKEN.finditer(text)
        for token in (m.group(),)
    ]


@lru_cache(maxsize=4096)
def name_tokens(name: str) -> tuple[Token, ...]:
    """``tokenize`` of a short candidate name, kept: the organisation rules read each name three or
    four times (its role prefix, its words, a title it runs into, each of its words alone). Callers
    forget the answers when a new text starts, as they do their own readings of names."""
    return tuple(tokenize(name))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _not_name() -> frozenset[str]:
    """Words that are never part of a person's name (folded)."""
    words = set()
    for key in (
        "not_name_words",
        "org_heads_initial",
        "org_heads_final",
        "honorifics",
        "roles",
        "place_prefixes",
    ):
        # every word of a multi-word title too: "Prime" of "Prime Minister"; abbreviations without
        # their stop ("Lic." is the word "Lic" in a run), as ``is_furniture`` compares them
        words.update(fold(part).strip(".’'") for w in word_set(key) for part in (w, *w.split()))
    return frozenset(words)


@cache
def given_names() -> frozenset[str]:
    return frozenset(fold(w) for w in word_set("given_names"))


@cache
def _never_in_name() -> frozenset[str]:
    """Furniture no given name can carry into a name: institution heads, titles, courtesy titles and
    place prefixes ('Paula Banco' is no person, 'Paula Mercado' is)."""
    words = set()
    for key in ("org_heads_initial", "org_heads_final", "honorifics", "roles", "place_prefixes"):
        words.update(fold(part).strip(".’'") for w in word_set(key) for part in (w, *w.split()))
    return frozenset(words)


def _surname_word(word: str) -> bool:
    """A common word, sector or place that may be a surname after a given name: 'Mercado', 'Green',
    'Norte', 'Montenegro' (not a short function word, not a head-word or title)."""
    folded = fold(word.strip(".’'"))
    return len(folded) >= 4 and folded.isalpha() and folded not in _never_in_name()


@cache
def _place_prefixes() -> frozenset[str]:
    return frozenset(fold(w) for w in word_set("place_prefixes"))


@cache
def _surname_heads() -> frozenset[str]:
    """Institution head-words that are also common surnames ('Paulo Câmara')."""
    return frozenset(fold(w) for w in word_set("surname_heads"))


@cache
def _month_names() -> frozenset[str]:
    """Full month names, which are also given names (not 'mar', 'set', 'out': abbreviations and words)."""
    months = load_data("months.yaml")
    return frozenset(fold(m) for names in months.values() for m in names if len(m) >= 4 or m == "may")


def _may_end_name(word: str) -> bool:
    """Surnames that are also head-words, cities or the words that open place names: 'Paulo Câmara',
    'Joana Lima', 'Davi Porto' (a place prefix only opens a place: last, it is a surname)."""
    place = gazetteer().get(word.lower())
    folded = fold(word)
    if folded in _surname_heads() or folded in _place_prefixes():
        return True
    return place is not None and place[1] == "place"


def is_furniture(word: str) -> bool:
    """A capitalised word that names a sector, office, title or place, not a person."""
    folded = fold(word.strip(".’'"))
    if folded.endswith(("'s", "’s")):
        return True
    return folded in _not_name() or word.lower() in gazetteer()


def _place_at(tokens: list[Token], first: int, last: int) -> int:
    """How many tokens from ``first`` spell a country or place name ('Costa Rica'), or 0."""
    table = gazetteer()
    for size in range(min(4, last - first), 1, -1):
        phrase = " ".join(t.word for t in tokens[first : first + size]).lower()
        if phrase in table:
            return size
    return 0


_PART_SEPARATOR = re.compile(r"[-/]")


def is_acronym(word: str) -> bool:
    """'CONAMYPE', 'MiPyme' is not; 'UWI-Roytec' is (its first part is)."""
    letters = list(filter(str.isalpha, word))
    if len(letters) >= 2 and sum(map(str.isupper, letters)) >= max(2, len(letters) - 1):
        return True
    head = _PART_SEPARATOR.split(word, maxsplit=1)[0]
    return head != word and len(head) >= 2 and head.isupper() and head.isalpha()


def runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """(first, last+1) token indexes of capitalised runs joined by particles."""
    out = []
    i = 0
    initial = _INITIAL_LETTERS
    # ``is_cap`` of every token, read once and inline: the loop asks it of some tokens twice
    cap = [
        w[:1].isupper() and any(map(str.islower, w)) or (len(t) == 2 and t[1] == "." and t[0] in initial)
        for t, _, _, w in tokens
    ]
    while i < len(tokens):
        if not cap[i]:
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            if cap[j] and not tokens[j - 1].ends_sentence:
                j += 1
            elif (
                tokens[j].text in PARTICLES
                and j + 1 < len(tokens)
                and cap[j + 1]
                and not tokens[j - 1].ends_sentence
            ):
                j += 2
            elif (
                # "Fernando de la Rosa", "Ana de los Santos": a particle and an article inside a surname
                tokens[j].text in PARTICLES
                and j + 2 < len(tokens)
                and tokens[j + 1].text in _PARTICLE_ARTICLES
                and cap[j + 2]
                and not tokens[j - 1].ends_sentence
            ):
                j += 3
            else:
                break
        out.append((i, j))
        i = j
    return out


def _given_name_first(tokens: list[Token], first: int, last: int) -> bool:
    nxt = first + 1
    return (
        nxt < last
        and fold(tokens[first].word) in given_names()
        and tokens[nxt].text not in PARTICLES
        and not is_furniture(tokens[nxt].word)
    )


def trim_to_name(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """The name left in a run after its leading furniture, or None when no name is left.

    A name has 2 to 5 words, none of them furniture, and does not end on a particle.
    Trailing furniture means the run is an institution or a place, not a name.
    """
    if fold(tokens[first].word) in _place_prefixes():
        return None  # "Santa Rosa de Copán", "Puerto Limón": a place
    run_first = first
    while first < last:
        place = _place_at(tokens, first, last)
        if place:
            first += place
        elif _given_name_first(tokens, first, last):
            break  # "Asunción Montoya", "Israel Gómez": a given name that is also a place
        elif is_furniture(tokens[first].word) or tokens[first].text in PARTICLES:
            first += 1
        else:
            break
    # a given name that is also a month: "la empresaria Abril Gómez", "April Jones"
    month = last - first == 1 and first > run_first and fold(tokens[first - 1].word) in _month_names()
    if month:
        first -= 1
    if last - first < 2 or last - first > MAX_NAME_TOKENS:
        return None
    inner = [
        t
        for k, t in enumerate(tokens[first + month : last], first + month)
        if t.text not in PARTICLES
        and not _INITIAL.match(t.text)
        and not (t.text in _PARTICLE_ARTICLES and tokens[k - 1].text in PARTICLES)
    ]
    if len(inner) > 1 and _may_end_name(inner[-1].word):
        inner = inner[:-1]
    # after a given name, a surname may be a common word ("Paula Mercado", "Peter Green")
    given = fold(tokens[first].word) in given_names()
    if any(is_furniture(t.word) and not (given and _surname_word(t.word)) for t in inner):
        return None
    if tokens[last - 1].text in PARTICLES:
        return None
    return first, last


def span_text(text: str, tokens: list[Token], first: int, last: int) -> str:
    return text[tokens[first].start : tokens[last - 1].start + len(tokens[last - 1].word)]
