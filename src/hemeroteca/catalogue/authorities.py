"""Authority files: the curated actors and topic vocabulary beside the records.

``archive/authorities/actors.yaml`` lists each actor once with its canonical
name, type and aliases in every language; ``topics.yaml`` lists each topic with
labels per language and the words that trigger it. Both are edited by pull
request, so they are plain YAML and are validated by ``check``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hemeroteca.catalogue.record import load_yaml, text_digest
from hemeroteca.errors import HemerotecaError


@dataclass(frozen=True)
class Actor:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    wikidata: str | None = None

    @property
    def short(self) -> str | None:
        """The acronym or short form readers know best: the first alias, if any."""
        return self.aliases[0] if self.aliases else None


@dataclass(frozen=True)
class Topic:
    id: str
    labels: dict[str, str]
    triggers: dict[str, tuple[str, ...]]

    def label(self, language: str = "en") -> str:
        return self.labels.get(language) or self.labels.get("en") or self.id


@dataclass(frozen=True)
class Authorities:
    actors: tuple[Actor, ...] = ()
    topics: tuple[Topic, ...] = ()
    # A hash of the files' text: pages and caches derived through the authorities depend on it.
    digest: str = ""
    _actor_index: dict[str, Actor] = field(default_factory=dict, compare=False, repr=False)
    # Answers worked out from these files once per load and reused (did-you-mean for a name
    # that hundreds of records share): keyed by the question, never by the files' content.
    remembered: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for actor in self.actors:
            for alias in (actor.name, *actor.aliases):
                self._actor_index.setdefault(alias.casefold(), actor)

    def actor(self, name: str) -> Actor | None:
        return self._actor_index.get(name.casefold())

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    @property
    def topic_ids(self) -> frozenset[str]:
        return frozenset(t.id for t in self.topics)


def _read_list(path: Path) -> tuple[list[dict], str]:
    """The file's entries and its text ('' when the file is absent)."""
    if not path.exists():
        return [], ""
    text = path.read_text(encoding="utf-8")
    data, _ = load_yaml(text, path)
    if data is None:
        return [], text
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise HemerotecaError(path, "expected a list of entries (mappings)")
    return data, text


def load_authorities(directory: Path) -> Authorities:
    actors_path = directory / "actors.yaml"
    actor_entries, actor_text = _read_list(actors_path)
    actors = []
    for index, entry in enumerate(actor_entries):
        if not entry.get("name") or entry.get("type") not in ("person", "organization"):
            raise HemerotecaError(
                actors_path, f"entry {index + 1} needs a name and a type (person or organization)"
            )
        actors.append(
            Actor(
                name=str(entry["name"]),
                type=entry["type"],
                aliases=tuple(str(a) for a in entry.get("aliases") or ()),
                country=entry.get("country"),
                wikidata=entry.get("wikidata"),
            )
        )
    topics_path = directory / "topics.yaml"
    topic_entries, topic_text = _read_list(topics_path)
    topics = []
    for index, entry in enumerate(topic_entries):
        if not entry.get("id") or not isinstance(entry.get("labels"), dict):
            raise HemerotecaError(topics_path, f"entry {index + 1} needs an id and labels")
        triggers = {lang: tuple(words) for lang, words in (entry.get("triggers") or {}).items()}
        topics.append(Topic(id=entry["id"], labels=dict(entry["labels"]), triggers=triggers))
    digest = text_digest(f"{len(actor_text)}\n{actor_text}{topic_text}")
    return Authorities(actors=tuple(actors), topics=tuple(topics), digest=digest)
