"""What the search index reads from an article: its words, folded and stemmed.

The browser folds a query the same way (lower case, no accents) and needs no stemmer:
the index maps each surface form seen in the texts to its stems, computed here with
Snowball for the article's language. Stop words (``data/search.yaml``) are left out of
the index, and the browser drops them from queries.
"""

from __future__ import annotations

import re
import unicodedata
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
