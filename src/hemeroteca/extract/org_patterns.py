"""The shape of organisation names, shared by the institutional-name and short-name rules.

Regular-expression pieces (a capitalised word, the connectors inside a name, a
defined acronym) and the mention record both rule sets return.
"""

from __future__ import annotations

from dataclasses import dataclass

UPPER = "A-ZÁÉÍÓÚÑÇÂÊÔÃÕÜÀ"
# A capitalised word, an acronym, or a brand written 'iNNpulsa'.
CAPW = rf"(?:[{UPPER}][\w'’&+/.-]*[\w+]|[{UPPER}]|i[A-Z]{{2}}\w+)"
# Names never run over a line break: spaces and tabs only.
SP = r"[ \t]+"
# One connector at a time ("de la" is "de" then "la"): alternatives that overlap would backtrack.
# An article after "para" or a bare "a" is kept with it ("para a Promoção", "Apoyo a las Micro"): alone
# "a" is a verb's object ("Visitaram a Solar Norte").
CONN = (
    r"(?:de|del|la|las|los|el|da|do|das|dos|of|the|for|para(?:[ \t]+[ao]s?)?|a[ \t]+l[ao]s?|às|as|al|ao|à|&)"
)
CONJ = r"(?:y|e|and)"
# An acronym may carry a place or a qualifier written as a word: "Sebrae Goiás", "PAE Mype".
ACRONYM = rf"(?P<acr>[{UPPER}][\w/&+.-]*[{UPPER}\w](?:\s[{UPPER}][a-záéíóúñçãõâêôü]+)?)"
ARTICLES = frozenset({"la", "el", "los", "las", "the", "o", "a", "os", "as", "un", "una", "um", "uma", "an"})
SPLIT_CONN = frozenset({"of", "de", "del", "do", "da", "dos", "das", "for", "para"})
NAME_GLUE = SPLIT_CONN | ARTICLES | {"and", "y", "e", "&", "às", "al", "ao", "à", "in", "en", "em"}


@dataclass(frozen=True)
class OrgMention:
    name: str
    alias: str | None
    start: int
    rule: str
