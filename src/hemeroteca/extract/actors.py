"""People and organisations acting in the story.

Two sources, most trusted first: the authority file (names and aliases in any
language, normalised to the canonical name) and organisations that define
their acronym in parentheses, "Full Name (ACRONYM)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hemeroteca.catalogue.authorities import Authorities

_ACRONYM_DEF = re.compile(
    r"(?P<name>(?:[A-ZÁÉÍÓÚÑÇ][\w'’.-]*|de|del|la|las|los|el|da|do|das|dos|e|y|of|the|for|and|para|a)"
    r"(?:\s+(?:[A-ZÁÉÍÓÚÑÇ][\w'’.-]*|de|del|la|las|los|el|da|do|das|dos|e|y|of|the|for|and|para|a)){1,12})"
    r"\s*\((?P<acro>[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ]{1,11})\)"
)
_LOWER_START = re.compile(r"^(?:(?:de|del|la|las|los|el|da|do|das|dos|e|y|of|the|for|and|para|a)\s+)+")


@dataclass(frozen=True)
class FoundActor:
    name: str
    type: str
    alias: str | None
    evidence: str
    country: str | None = None

    def as_dict(self) -> dict[str, str]:
        out = {"name": self.name, "type": self.type}
        if self.alias:
            out["alias"] = self.alias
        return out


def _authority_hits(text: str, authorities: Authorities) -> list[tuple[int, FoundActor]]:
    hits = []
    for actor in authorities.actors:
        for alias in (actor.name, *actor.aliases):
            flags = 0 if alias.isupper() else re.IGNORECASE
            match = re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text, flags)
            if match:
                hits.append(
                    (
                        match.start(),
                        FoundActor(
                            actor.name,
                            actor.type,
                            actor.short,
                            f"authority file: '{match.group(0)}'",
                            actor.country,
                        ),
                    )
                )
                break
    return hits


def _acronym_hits(text: str) -> list[tuple[int, FoundActor]]:
    hits = []
    for match in _ACRONYM_DEF.finditer(text):
        name = _LOWER_START.sub("", match.group("name")).strip()
        # Keep only the tail that the acronym's initials can plausibly cover.
        words = name.split()
        if len(words) > 1 and words[0] in ("The", "El", "La", "Los", "Las", "O", "A", "Os", "As"):
            name = " ".join(words[1:])
        if len(name.split()) < 2:
            continue
        hits.append(
            (
                match.start(),
                FoundActor(name, "organization", match.group("acro"), f"acronym defined: '{match.group(0)}'"),
            )
        )
    return hits


def find_actors(text: str, authorities: Authorities) -> list[FoundActor]:
    found: dict[str, tuple[int, FoundActor]] = {}
    for pos, actor in _authority_hits(text, authorities) + _acronym_hits(text):
        keys = {actor.name.casefold()} | ({actor.alias.casefold()} if actor.alias else set())
        if any(k in found for k in keys):
            continue
        for key in keys:
            found[key] = (pos, actor)
    unique = {id(a): (pos, a) for pos, a in found.values()}
    return [a for _, a in sorted(unique.values(), key=lambda pa: (pa[0], pa[1].name))]
