"""What the search index reads from an article: its words, folded and stemmed.

The browser folds a query the same way (lower case, no accents) and needs no stemmer:
the index maps each surface form seen in the texts to its stems, computed here with
Snowball for the article's language. Stop words (``data/search.yaml``) are left out of
the index, and the browser drops them from queries.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import cache, lru_cache

import snowballstemmer

from hemeroteca.doubts import note_field_and_code
from hemeroteca.render.model import Article
from hemeroteca.resources import load_data

STEMMERS = {"en": "english", "es": "spanish", "pt": "portuguese", "fr": "french", "it": "italian"}
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case without accents, but ñ kept: the same folding the browser applies to queries.

    Ñ is a letter of its own in Spanish, and keeping it keeps apart words that differ by it
    alone, many of them Spanish and Portuguese (pequeñas, pequenas; año, ano).
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ñ", "\0"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\0", "ñ")


def words(text: str) -> list[str]:
    """Lower-cased words with their accents: the Snowball stemmers expect them (``acción``).

    The hyphenated function words of ``stop_compounds`` (``quinta-feira``) are left out whole,
    so that their parts do not count as words of the text.
    """
    return _WORD.findall(without_compounds(text).casefold())


def without_compounds(text: str) -> str:
    """The text with the hyphenated function words of ``stop_compounds`` blanked out (what
    ``words`` and ``tokens`` read): their last parts are looked for first, since most texts
    hold none."""
    tails, pattern = _stop_compounds()
    return pattern.sub(" ", text) if tails.search(text) else text


@cache
def stop_compounds() -> list[str]:
    """The folded hyphenated function words (``stop_compounds``): the browser leaves them out of
    the texts whose words it looks at, as the index does."""
    return sorted({fold(str(word)) for word in load_data("search.yaml")["stop_compounds"]})


@cache
def _stop_compounds() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns, in any case, of the compounds' last parts with their hyphen, and of the
    compounds with and without accents."""
    listed = load_data("search.yaml")["stop_compounds"]
    compounds = {form for word in listed for form in (word.casefold(), fold(word))}
    tails = {"-" + word.rsplit("-", 1)[-1] for word in compounds}
    alternatives = "|".join(re.escape(word) for word in sorted(compounds, key=len, reverse=True))
    return (
        re.compile("|".join(map(re.escape, sorted(tails))), re.IGNORECASE),
        re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.IGNORECASE),
    )


# Of a text's UTF-8 bytes: ASCII letters lower-cased and digits kept, every other ASCII byte
# a blank, the bytes of other characters kept as they are.
_TOKEN_BYTES = bytes(
    c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 or c >= 128 else 32 for c in range(256)
)


def tokens(text: str) -> list[bytes]:
    """A text cut at its ASCII blanks and punctuation, each piece's ASCII letters lower-cased.

    What ``words`` finds in the text is what ``token_words`` finds in these pieces, in the same
    order, but the cutting is done by C loops over bytes (a text of 900 words in about a
    quarter of the time): a long text holds a few hundred distinct pieces, each looked up
    once per archive (``search_postings._Analyser``), where ``words`` runs a regular
    expression over every character. Equal because an ASCII byte that is not a letter or
    digit is never part of a word, nor of another character's UTF-8 bytes, and case-folding
    works a character at a time.
    """
    return without_compounds(text).encode("utf-8", "surrogatepass").translate(_TOKEN_BYTES).split()


def token_words(token: bytes) -> list[str]:
    """The words of one piece ``tokens`` cut: itself when it is ASCII, else ``words`` of it."""
    if token.isascii():
        return [token.decode("ascii")]
    return words(token.decode("utf-8", "surrogatepass"))


@cache
def stopwords() -> frozenset[str]:
    """Folded function words, neither indexed nor required in a query."""
    return frozenset(fold(str(word)) for word in load_data("search.yaml")["stopwords"])


@cache
def joiners() -> frozenset[str]:
    """Folded stop words that tie the words on either side into one phrase (``de``, ``of``):
    the browser asks a name and the word joined to it to stand together in a text."""
    return frozenset(fold(str(word)) for word in load_data("search.yaml")["joiners"]) & stopwords()


@cache
def _keep_endings() -> tuple[str, ...]:
    return tuple(sorted(load_data("search.yaml")["keep_endings"], key=len, reverse=True))


def name_key(name: str) -> str:
    """A name as the browser compares it with a query: folded words, stop words left out."""
    return " ".join(w for w in map(_fold_word, words(name)) if w not in stopwords())


# A word folded, remembered: the index folds every title's words, drawn from a vocabulary.
_fold_word = lru_cache(maxsize=1 << 16)(fold)


@cache
def _stemmer(language: str):
    name = STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


@cache
def terms(language: str, word: str) -> tuple[str, str]:
    """(folded surface form, folded stem) of a lower-cased word.

    When the ending Snowball cut starts with one of ``keep_endings`` the stem keeps it:
    ``cooperativas`` -> ``cooperativ``, not ``cooper`` (which ``cooperación`` also gives).
    A stem that already ends with one keeps no more (``cooperativismo`` -> ``cooperativ``,
    with the cooperatives, where ``empreendedorismo`` -> ``empreendedorism``, apart from
    the entrepreneurs).
    """
    stemmer = _stemmer(language)
    form = fold(word)
    stem = fold(stemmer.stemWord(word)) if stemmer and len(word) > 2 else form
    if form.startswith(stem) and not stem.endswith(_keep_endings()):
        cut = form[len(stem) :]
        for ending in _keep_endings():
            if cut.startswith(ending):
                return form, stem + ending
    return form, stem


@cache
def _untrusted_titles() -> frozenset[str]:
    return frozenset(load_data("search.yaml")["untrusted_titles"])


def title_trusted(article: Article) -> bool:
    """Whether the article's title ranks as a headline.

    Not when the record, unreviewed, doubts its title with a code of ``untrusted_titles``
    (``data/search.yaml``): the title is then perhaps the opening sentence or a section
    label, and its words rank as words of the text.
    """
    if article.review == "reviewed":
        return True
    for note in article.record.meta.get("uncertain") or []:
        field, code = note_field_and_code(str(note))
        if field == "title" and code in _untrusted_titles():
            return False
    return True


@cache
def _name_keys(names: tuple[str, ...]) -> frozenset[str]:
    """The ``name_key`` of each of an actor's names: an archive names the same few hundred actors
    again and again."""
    return frozenset(key for key in map(name_key, names) if key)


ACTOR = "~"  # starts the index term of an actor's name: no word of a text starts with it


def article_names(article: Article) -> tuple[list[str], list[str]]:
    """(index terms of the article's actors' names and aliases, those of the actors its title names).

    Names are not words of the text: an actor's names and aliases in every language are
    each one term (``~banco interamericano desarrollo``), and the names of its countries
    and topics are in meta.js (``search_index.names``). A query holding a name reaches
    the articles tagged with it, whatever their language, without its words matching
    every article that names the actor in passing ("small business" is not in every
    article tagged with Sebrae, whose English alias says it). An actor any of whose
    names the title says has all its terms in the title's postings too, for ranking,
    unless the title may be no headline (``title_trusted``).
    """
    title_key = f" {name_key(article.title)} " if title_trusted(article) else ""
    every: set[str] = set()
    titled: set[str] = set()
    for actor in article.actors:
        keys = _name_keys((actor.name, *actor.aliases))
        every |= keys
        if any(f" {key} " in title_key for key in keys):
            titled |= keys
    return sorted(ACTOR + k for k in every), sorted(ACTOR + k for k in titled)


NAMED = "^"  # starts the index term of a word said inside a ministry's name: no word starts with it


@cache
def portfolio_heads() -> frozenset[str]:
    """Folded words that head a ministry's name (``data/search.yaml``: ``portfolio_heads``)."""
    return frozenset(fold(str(word)) for word in load_data("search.yaml")["portfolio_heads"])


_Patterns = tuple[dict[str, str], frozenset[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]


@cache
def _portfolio_patterns() -> _Patterns:
    """The head words' second to fifth letters, with the first letters before them (looked for
    first, as plain strings: "inis" for the ministries), the heads lower-cased, and patterns of a word
    around one, of a name after a head ("de Comercio, Industria y Turismo", matched where the head
    ends) and of a name ending a text ("Tourism, Industry and Commerce", before a capitalised head)."""
    data = load_data("search.yaml")
    heads = {str(word).casefold() for word in data["portfolio_heads"]}
    middles: dict[str, str] = defaultdict(str)
    for head in sorted(heads):
        middles[head[1:5]] += head[0] + head[0].upper()
    joiner = "|".join(re.escape(str(word)) for word in data["portfolio_joiners"])
    conjunction = "|".join(re.escape(str(word)) for word in data["portfolio_and"])
    # a capitalised word, not an acronym: "Minister for MSMEs" leaves the MSMEs in the text
    capital = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ][^\W_]*(?:-[^\W_]+)*"
    item = rf"{capital}(?:\s+(?:(?:{joiner})\s+){{0,2}}{capital})*"
    # a list of items needs its "and": "Comercio, Industria y Turismo", not "Hacienda, José Pérez"
    listed = rf"{item}(?:(?:\s*,\s*{item})*\s*,?\s+(?:{conjunction})\s+{item})?"
    return (
        dict(middles),
        frozenset(heads | {fold(head) for head in heads}),
        re.compile(r"[^\W_]+"),
        re.compile(rf"\s+(?:(?:{joiner})\s+){{1,2}}({listed})"),
        re.compile(rf"(?<![^\W_])({listed})\s+$"),
    )


# How far before a capitalised head word its name may start ("Tourism, Industry and Commerce Ministry").
_BEFORE_HEAD = 120


def _places(text: str, part: str) -> list[int]:
    """Where ``part`` starts in ``text``, every time (str.find: a scan in C)."""
    places, at = [], text.find(part)
    while at >= 0:
        places.append(at)
        at = text.find(part, at + 1)
    return places


def portfolios(text: str) -> tuple[str, list[str]]:
    """(the text with the portfolio of every ministry's name blanked, those portfolios).

    A ministry's name lists what it is in charge of, and a story that names the "Ministerio de
    Comercio, Industria y Turismo" is seldom about tourism: the index keeps the words of such a
    name apart (``NAMED``), so that a topic or a word found only there does not make the story
    a result, while a query that names a ministry still finds it (unless the text says most
    of the name's words elsewhere: ``search_postings``). The head word ("Ministerio")
    stays in the text; only capitalised words count as the name's ("el ministro de
    turismo" names no ministry). The head words are looked for first, by their middle letters
    (a scan of the text in C), and the names only where one stands.
    """
    middles, heads, word, after, before = _portfolio_patterns()
    spans = []
    places = [at for part, firsts in middles.items() for at in _places(text, part) if text[at - 1] in firsts]
    for at in sorted(at for at in places if at):
        start = at - 1
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        head = word.match(text, start)
        if head is None or head.end() < at + 4 or head.group().casefold() not in heads:
            continue
        named = after.match(text, head.end())
        if named:
            spans.append(named.span(1))
            continue
        # "Tourism Ministry": a capitalised head after a capitalised word
        last = head.start() - 1
        while last >= 0 and text[last].isspace():
            last -= 1
        if head.group()[0].isupper() and last >= 0 and text[last].isalpha():
            first = last
            while first > 0 and text[first - 1].isalnum():
                first -= 1
            if text[first].isupper():
                ahead = before.search(text, max(0, head.start() - _BEFORE_HEAD), head.start())
                if ahead:
                    spans.append(ahead.span(1))
    if not spans:
        return text, []
    outside, inside, at = [], [], 0
    for start, end in sorted(set(spans)):
        start = max(start, at)
        if end <= start:
            continue
        outside.append(text[at:start])
        inside.append(text[start:end])
        at = end
    outside.append(text[at:])
    return " ".join(outside), inside
