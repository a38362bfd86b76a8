"""Reasons to doubt a proposed actor, read from how the text uses the name.

An actor the story is about is usually named more than once, early, next to a person who speaks
for it, as the subject of a sentence. One that is only context (a source, a parent body, a fund a
sentence passes through, an event) tends to be named once, late, after a preposition ("the grants
of the X", "exhibit at X 2023"), or as part of a longer name ("the X Department"). None of these
alone says the actor is wrong: each reason has a weight (``data/doubts.yaml``) and a value is
flagged when the weights of its reasons reach the threshold kept there.

The reasons describe the evidence in the text, not the extractor's rules, so they keep their
meaning when the rules change: any name the extractor proposes is judged by how the text uses it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from hemeroteca.doubts import Doubt
from hemeroteca.extract.countries import gazetteer
from hemeroteca.extract.names import PARTICLES, fold, given_names, is_acronym, tokenize
from hemeroteca.extract.people import is_role
from hemeroteca.extract.vocabulary import caseless_alternation, word_set, words
from hemeroteca.resources import load_data


class Found(Protocol):
    """What the actor extractor knows of one actor: its forms, where it is named, and why."""

    name: str
    type: str
    aliases: list[str]
    mentions: list[int]
    evidence: list[str]
    canonical: bool


@cache
def _words(key: str) -> tuple[str, ...]:
    return tuple(str(w) for w in load_data("doubt_words.yaml")[key])


def _before(key: str) -> re.Pattern[str]:
    """One of the words of ``key`` ending right where a name starts."""
    return re.compile(rf"(?<!\w){caseless_alternation(_words(key))}[ \t]*$", re.IGNORECASE)


@cache
def _institution_words() -> frozenset[str]:
    """Head-words of organisations ("Banco", "Ministry", "Fundo"), not those that are also surnames
    ("Câmara"): one inside a person's name means a piece of an institution's name was taken for it."""
    heads = {fold(w) for key in ("org_heads_initial", "org_heads_final") for w in word_set(key)}
    return frozenset(heads - {fold(w) for w in word_set("surname_heads")})


@cache
def _generic_bodies() -> frozenset[str]:
    """Folded names of bodies every state or town has ("Consejo de Ministros", "Central Bank")."""
    return frozenset(fold(w) for w in _words("generic_bodies"))


@cache
def _speaks() -> re.Pattern[str]:
    """A verb of saying or a quotation mark: someone speaks in the sentence."""
    return re.compile(rf"(?<!\w){caseless_alternation(words('speech_verbs'))}(?!\w)|[“”«»\"]", re.IGNORECASE)


@cache
def _head_of_state() -> re.Pattern[str]:
    """A head of state's title right before a name ("el presidente X", "Prime Minister Y")."""
    titles = caseless_alternation(_words("heads_of_state"))
    return re.compile(rf"(?<!\w){titles}[ \t]*(?:\w+[ \t]+)?$", re.IGNORECASE)


@cache
def _function_words() -> frozenset[str]:
    """Words that, right after a name, show that no verb of its own follows it ("the X of", "X and Y",
    "X, which"): the prepositions, and the articles, conjunctions and relatives of data."""
    out = {w for w in _words("prepositions") if " " not in w}
    return frozenset(w.casefold() for w in (*out, *_words("not_verbs")))


# After a name: its alias in brackets, or an apposition between commas (", the state's agency,"),
# then the next word.
_NEXT_WORD = re.compile(
    r"(?:[ \t]*\([^()\n]{1,40}\))?(?:,[ \t][^,.;:!?\n]{1,80},)?[ \t]+(?P<word>[a-záéíóúñçâêôãõàü][\w-]*)"
)


def _acts(read: _Text, mention: _Mention) -> bool:
    """Does the body act in this mention: is it the subject of its sentence (not after a preposition,
    and followed, past an alias or an apposition, by a lower-case word that is no preposition,
    article, conjunction or relative: its verb, "the X announced", "la X, entidad del Estado,
    otorgará", "o X (Y) lançou"), or does a person's name follow it past a title ("the X Fund
    Manager Gillian Griffith")?"""
    text = read.text
    if read.person_follows(mention.end):
        return True
    if _preposition_before().search(text, max(0, mention.start - _BEFORE_CHARS), mention.start):
        return False
    after = _NEXT_WORD.match(text, mention.end)
    return bool(after) and after.group("word").casefold() not in _function_words()


# After a person's name: a comma or not, then the next word ("X, anunció", "X said").
_PERSON_NEXT = re.compile(r",?[ \t]+(?P<word>[a-záéíóúñçâêôãõàü][\w-]*)")


def _person_acts(text: str, mention: _Mention) -> bool:
    """Is the person the subject of a verb: followed (past a comma) by a lower-case word that is no
    preposition, article, conjunction or relative, and no role title ("X, coordinadora de ...")?"""
    after = _PERSON_NEXT.match(text, mention.end)
    if not after or after.group("word").casefold() in _function_words():
        return False
    return not is_role(tokenize(after.group("word")), 0)


@cache
def _head_kind() -> dict[str, str]:
    """Folded head-word -> the kind of thing it names when it opens or closes a name: a unit of a
    body ("Private Sector Division"), an event ("Congresso da ..."), an instrument ("... Fund")."""
    out = {}
    for key, kind in (
        ("instrument_heads", "an instrument"),
        ("event_heads", "an event"),
        ("subunit_heads", "a unit"),
    ):
        out.update((fold(w), kind) for w in words(key))
    return out


def _not_a_body(name: str) -> str:
    """What a name opened or closed by a unit's, an event's or an instrument's head-word names
    ("a unit", "an event", "an instrument"), or ""."""
    parts = name.split()
    if len(parts) < 2:
        return ""
    return _head_kind().get(fold(parts[0]), "") or _head_kind().get(fold(parts[-1]), "")


@cache
def _title_words() -> tuple[frozenset[str], frozenset[str]]:
    """One-word role titles long enough that a letter more or less still reads as the title, and
    every form of them with one letter dropped."""
    size = int(_words("misspelt_title_letters")[0])
    titles = frozenset(fold(w) for w in words("roles") if " " not in w and len(w) >= size)
    return titles, frozenset(t[:k] + t[k + 1 :] for t in titles for k in range(len(t)))


def _misspelt_title(name: str) -> str:
    """A word of a person's name one letter short of, or over, a role title ("Minster" for
    "Minister", "Direcctor"): a misspelt title read as part of the name. Not the surname, not a
    known given name, and a changed letter is not counted ("Heitor" is a name, "reitor" a title)."""
    titles, shortened = _title_words()
    for word in name.split()[:-1]:
        folded = fold(word)
        if folded in titles or folded in given_names():
            continue
        if folded in shortened or any(folded[:k] + folded[k + 1 :] in titles for k in range(len(folded))):
            return word
    return ""


_INNER_CAPITAL = re.compile(r"[a-záéíóúñçãõâêô][A-ZÁÉÍÓÚÑÇ]")


def _inner_capital(word: str) -> bool:
    """A capital right after a small letter inside the word, past the opening of a surname written so
    ("McLean", "DiMaggio"): "MassChallenge", "BioFach" name a brand or a body, not a person."""
    inner = _INNER_CAPITAL.search(word)
    if not inner:
        return False
    return not any(word[: inner.start() + 1] == p for p in _words("inner_capital_prefixes"))


_HYPHEN_JOINED = re.compile(r"^[A-ZÁÉÍÓÚÑÇ][a-záéíóúñçãõâêô]{2,}-[A-ZÁÉÍÓÚÑÇ][a-záéíóúñçãõâêô]{2,}$")


def _lower_words(text: str) -> frozenset[str]:
    """Every word the text writes in lower case: a capitalised word of a "name" that the text also
    writes in lower case is a common word ("Agora", "Antes") opening a sentence or a title."""
    return frozenset(_LOWER_WORD.findall(text))


def _at_a_place(name: str) -> str:
    """The place a name ends on after a locative preposition ("Cosude en Managua", "Sebrae na
    Paraíba"): the body's office there, or a place the sentence runs on into, or ""."""
    words = name.split()
    for k in range(len(words) - 2, 0, -1):
        if words[k] in _words("locatives"):
            place = " ".join(words[k + 1 :])
            return place if place.lower() in gazetteer() else ""
    return ""


@cache
def _complement_before() -> re.Pattern[str]:
    return _before("complement_before")


@cache
def _preposition_before() -> re.Pattern[str]:
    return _before("prepositions")


@cache
def _joined_before() -> re.Pattern[str]:
    """A capitalised word and a joiner right before a name: "Culture and Creative ...", "African,
    Caribbean and Pacific ...": the name found may be the tail of a longer one."""
    joiners = "|".join(re.escape(w) for w in _words("joiners"))
    return re.compile(rf"[A-ZÁÉÍÓÚÑÇ][\w’'-]*(?:[ \t]*,|[ \t]+(?:{joiners}))[ \t]+$")


# The name goes on: a capitalised word ("the OAS Department", "BID Lab") or a hyphenated code
# ("Sebrae-AM") right after it.
_RUNS_ON = re.compile(r"(?:[ \t]+[A-ZÁÉÍÓÚÑÇ][\w’'-]*[a-záéíóúñç]|-[A-ZÁÉÍÓÚÑÇ0-9])")
# A year right after the name: an event or an edition ("BioFach 2023", "Expo 2020").
_YEAR_AFTER = re.compile(r"[ \t]+(?:19|20)\d\d(?!\d)")
_SENTENCE_END = re.compile(r"[.!?…][”\"»’')]*\s+(?=\S)|\n+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-záéíóúñçâêôãõàü]+(?![\w-])")
# Rules that find a name by its neighbours alone, with no shape of an institution or a person.
_WEAK_RULES = ("coordinated with", "one of the plural")
# How far back a preposition or a joiner is looked for.
_BEFORE_CHARS = 40
# How many words before "of" a role title may end ("directora técnica del X": two).
_ROLE_WORDS = 3
# How far a person's name may stand after an organisation's, past a role title run into it.
_ROLE_CHARS = 30
# How far from a person's name a body they speak for is looked for ("presidente do Sebrae, Ana Lima").
_BODY_CHARS = 80


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    bracketed: bool  # an alias in brackets right after the full name: part of that mention
    fits: bool  # one of the actor's forms stands there (not only where the extractor said it starts)


def _mentions(text: str, entity: Found) -> list[_Mention]:
    """Each place the actor is named, with the form found there (the longest that fits)."""
    forms = sorted({entity.name, *entity.aliases}, key=len, reverse=True)
    out = []
    for start in sorted(set(entity.mentions)):
        length = next((len(f) for f in forms if text[start : start + len(f)].casefold() == f.casefold()), 0)
        bracketed = text[max(0, start - 2) : start].strip() == "("
        out.append(_Mention(start, start + (length or len(entity.name)), bracketed, bool(length)))
    return out


@dataclass(frozen=True)
class _Text:
    """What the reasons read of the whole text: sentences, the lead, people, every actor's mentions."""

    text: str
    headline_end: int
    lead_end: int
    sentence_starts: tuple[int, ...]
    person_sentences: frozenset[int]
    person_starts: tuple[int, ...]
    spans: tuple[tuple[int, int, int], ...]  # (start, end, actor index) of every mention
    lower: frozenset[str]  # every word the text writes in lower case
    forms: tuple[tuple[str, ...], ...]  # each actor's name and aliases, in the actors' order
    types: tuple[str, ...]  # each actor's type, in the actors' order

    def sentence(self, at: int) -> int:
        return bisect_right(self.sentence_starts, at) - 1

    def sentence_text(self, k: int) -> str:
        end = self.sentence_starts[k + 1] if k + 1 < len(self.sentence_starts) else len(self.text)
        return self.text[self.sentence_starts[k] : end]

    def starts_another(self, own: int) -> str:
        """The text of a longer mention of another actor that starts with one of this actor's
        mentions ("Sebrae" and "Sebrae em Alagoas", "BID" and "BID Lab"): its unit or its programme."""
        mine = {(s, e) for s, e, who in self.spans if who == own}
        for s, e, who in self.spans:
            if who != own and any(s == a and e > b for a, b in mine):
                return self.text[s:e]
        return ""

    def holds_another(self, own: int) -> str:
        """The name or alias of another actor that this actor's name holds, as whole words, with more
        around it ("BNB em Alagoas" and "BNB", "IDB Ilan Goldfajn" and "IDB"): a unit or an office of
        the other, or a name run on past it. Either way one of the two is no actor of its own."""
        name = self.forms[own][0]
        for who, forms in enumerate(self.forms):
            if who == own:
                continue
            for form in forms:
                # the plain substring test first: the pattern, made per pair, costs far more
                if (
                    len(form) < len(name)
                    and form in name
                    and re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", name)
                ):
                    return form
        return ""

    def body_near(self, mention: _Mention) -> bool:
        """Is an organisation named in the same sentence within ``_BODY_CHARS`` of the mention?"""
        k = self.sentence(mention.start)
        return any(
            self.types[who] == "organization"
            and mention.start - _BODY_CHARS <= e
            and s <= mention.end + _BODY_CHARS
            and self.sentence(s) == k
            for s, e, who in self.spans
        )

    def person_follows(self, at: int) -> bool:
        """Does a person's name start within a role title's length after ``at`` ("the Fund Manager
        Gillian Griffith"), on the same line?"""
        k = bisect_right(self.person_starts, at)
        return (
            k < len(self.person_starts)
            and "\n" not in self.text[at : self.person_starts[k]]
            and (self.person_starts[k] - at <= _ROLE_CHARS)
        )

    def inside_another(self, mention: _Mention, own: int) -> bool:
        """Is the mention part of a longer mention of another actor ("Sebrae" in "Sebrae no Amazonas")?"""
        return any(
            s <= mention.start and mention.end <= e and e - s > mention.end - mention.start and who != own
            for s, e, who in self.spans
        )


def _read(text: str, headline_end: int, entities: Sequence[Found], mentions: list[list[_Mention]]) -> _Text:
    starts = (0, *(m.end() for m in _SENTENCE_END.finditer(text)))
    # the lead: the first two paragraphs under the headline (a dateline or a deck may be the first)
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, headline_end)]
    lead_end = breaks[1] if len(breaks) > 1 else len(text)

    def sentence(at: int) -> int:
        return bisect_right(starts, at) - 1

    person_starts = sorted(
        m.start for e, ms in zip(entities, mentions, strict=True) if e.type == "person" for m in ms
    )
    people = frozenset(sentence(at) for at in person_starts)
    spans = tuple((m.start, m.end, i) for i, ms in enumerate(mentions) for m in ms)
    forms = tuple((e.name, *e.aliases) for e in entities)
    return _Text(
        text,
        headline_end,
        lead_end,
        starts,
        people,
        tuple(person_starts),
        spans,
        _lower_words(text),
        forms,
        tuple(e.type for e in entities),
    )


def _ends_a_line(text: str, end: int) -> bool:
    """True when the line breaks right after ``end``, and more words follow on the next line.

    Plain string steps, not a pattern made per name: compiling one for every actor of every
    article cost more than the test itself.
    """
    at = end
    while at < len(text) and text[at] in " \t":
        at += 1
    if at >= len(text) or text[at] != "\n":
        return False
    at += 1
    while at < len(text) and text[at] in " \t":
        at += 1
    return at < len(text) and text[at].isalnum() and not text[at].isdecimal()


def _alone_on_its_line(text: str, mention: _Mention) -> bool:
    """The whole line is the name: a masthead, a credit or a footer, not a sentence about it."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return line.strip(" \t-–—|·•") == text[mention.start : mention.end]


def _in_a_role(text: str, start: int) -> bool:
    """Is the name the complement of a role title ("la directora técnica del X", "head of the X")?"""
    before = _complement_before().search(text, max(0, start - _BEFORE_CHARS), start)
    if not before:
        return False
    tokens = tokenize(text[max(0, before.start() - _BEFORE_CHARS) : before.start()])
    return any(is_role(tokens, k) for k in range(max(0, len(tokens) - _ROLE_WORDS), len(tokens)))


def actor_doubts(text: str, headline_end: int, entities: Sequence[Found]) -> list[tuple[Doubt, ...]]:
    """The reasons to doubt each actor of ``entities`` (in order), read from ``text`` (the headline,
    ``headline_end`` characters, then the body)."""
    mentions = [_mentions(text, e) for e in entities]
    read = _read(text, headline_end, entities, mentions)
    return [_doubts(read, i, e, ms) for i, (e, ms) in enumerate(zip(entities, mentions, strict=True))]


def _doubts(read: _Text, index: int, entity: Found, mentions: list[_Mention]) -> tuple[Doubt, ...]:
    text, name = read.text, entity.name
    out = []

    def doubt(code: str, detail: str = "") -> None:
        out.append(Doubt(code, item=name, detail=detail))

    if not mentions:
        return ()
    if any(m.fits and _ends_a_line(text, m.end) for m in mentions):
        doubt("actor-cut-at-line-end")
    if all(read.inside_another(m, index) for m in mentions):
        doubt("actor-inside-another")
    unit = read.starts_another(index) if entity.type == "organization" else ""
    if unit:
        doubt("actor-beside-its-unit", unit)
    held = read.holds_another(index) if entity.type == "organization" else ""
    if held:
        doubt("actor-holds-another", held)
    if all(_alone_on_its_line(text, m) for m in mentions):
        doubt("actor-alone-on-its-line")
    if entity.type == "person":
        if len(name.split()) == 1:
            doubt("person-one-word")
        common = [
            w
            for w in name.split()
            if w[:1].isupper() and w.lower() in read.lower and w.lower() not in PARTICLES
        ]
        if common:
            doubt("person-common-word", common[0])
        misspelt = _misspelt_title(name)
        if misspelt:
            doubt("person-misspelt-title", misspelt)
        if len(name.split()) > 1 and fold(name.split()[0]) in _words("place_heads"):
            doubt("person-a-place", name.split()[0])
        branded = [w for w in name.split() if _inner_capital(w)]
        if branded:
            doubt("person-inner-capital", branded[0])
        institution = [w for w in name.split() if fold(w) in _institution_words()]
        if institution:
            doubt("person-institution-word", institution[0])
        said = {read.sentence(m.start) for m in mentions}
        if len(said) == 1 and not any(m.start < read.headline_end for m in mentions):
            doubt("person-named-once")
        if not any(_speaks().search(read.sentence_text(k)) for k in said):
            doubt("person-silent")
        if any(_head_of_state().search(text, max(0, m.start - _BEFORE_CHARS), m.start) for m in mentions):
            doubt("person-head-of-state")
        if not any(read.body_near(m) or _person_acts(text, m) for m in mentions):
            doubt("person-no-body")
        return tuple(out)
    # Where the text uses the name itself: an alias in brackets right after it adds nothing.
    used = [m for m in mentions if not m.bracketed] or mentions
    if not any(m.start < read.headline_end for m in used):
        if len({read.sentence(m.start) for m in used}) == 1:
            doubt("actor-named-once")
        if all(m.start >= read.lead_end for m in used):
            doubt("actor-late")
    # "the director of the X": a role names the body a person speaks for, the surest sign of an actor
    in_a_title = any(_in_a_role(text, m.start) for m in used)
    if not in_a_title and not any(read.sentence(m.start) in read.person_sentences for m in used):
        doubt("actor-no-person")
    if not in_a_title and not any(_acts(read, m) for m in used):
        doubt("actor-never-acts")
        if all(_complement_before().search(text, max(0, m.start - _BEFORE_CHARS), m.start) for m in used):
            doubt("actor-only-complement")
    runs_on = [m for m in used if _RUNS_ON.match(text, m.end) and not read.person_follows(m.end)]
    if len(runs_on) == len(used) and not read.inside_another(used[0], index):
        doubt("actor-runs-on", detail=text[used[0].start : used[0].end + 12].split("\n")[0])
    if sum(c.isalpha() for c in name) < 2:
        doubt("actor-one-letter")
    if _HYPHEN_JOINED.match(name):
        doubt("actor-hyphen-joined")
    if fold(name) in _generic_bodies():
        doubt("actor-generic-body")
    kind = _not_a_body(name)
    if kind:
        doubt("actor-not-a-body", kind)
    place = _at_a_place(name)
    if place:
        doubt("actor-at-a-place", place)
    if any(_YEAR_AFTER.match(text, m.end) for m in used):
        doubt("actor-with-a-year")
    joined = _joined_before().search(text, max(0, used[0].start - _BEFORE_CHARS), used[0].start)
    if joined:
        doubt("actor-joined-before", detail=text[joined.start() : used[0].end])
    if not entity.canonical:
        if is_acronym(name) and not entity.aliases:
            doubt("actor-acronym-only")
        weak = [e for e in entity.evidence if e.startswith(_WEAK_RULES)]
        if weak and len(weak) == len(entity.evidence):
            doubt("actor-weak-rule", weak[0])
    return tuple(out)
