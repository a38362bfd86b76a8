"""A seed file to the text extraction reads, and the metadata its source declares.

Plain texts go straight to extraction. Saved web pages (.html/.htm, or a .txt
that is really a page) first lose their markup; what the page declares
(headline, publication date, canonical URL, publisher) then overrides what
extraction guessed from the text, because a declaration beats a guess. This
is the one place ingest, add and extract read a seed, so all three agree.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from hemeroteca.catalogue.authorities import Authorities
from hemeroteca.doubts import Doubt
from hemeroteca.extract import Metadata, extract_text
from hemeroteca.resources import load_data
from hemeroteca.sources.clean import clean_text
from hemeroteca.sources.decode import check_size, decode_bytes
from hemeroteca.sources.html import Page, looks_like_html, read_page
from hemeroteca.sources.title import body_without_title
from hemeroteca.weburl import web_url

HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class SeedText:
    text: str
    page: Page | None = None

    @property
    def source_extra(self) -> dict[str, str]:
        """``source.url`` and ``source.publisher`` when the page declared them."""
        if self.page is None:
            return {}
        # A page may declare any canonical URL; only a web address is worth recording.
        extra = {"url": web_url(self.page.url), "publisher": self.page.publisher}
        return {k: v for k, v in extra.items() if v}


def read_seed_bytes(path: Path) -> bytes:
    """The raw bytes, refusing oversized files before reading them into memory."""
    check_size(path.stat().st_size)
    return path.read_bytes()


def seed_text(data: bytes, suffix: str) -> SeedText:
    """Decode, and strip the markup of a web page. Raises DecodeError."""
    text = decode_bytes(data)
    if suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        page = read_page(text)
        return SeedText(text=page.text, page=page)
    return SeedText(text=text)


def read_seed(path: Path) -> SeedText:
    return seed_text(read_seed_bytes(path), path.suffix)


def extract_seed(seed: SeedText, authorities: Authorities | None = None) -> Metadata:
    """Extraction over the text, the page's declared headline and date on top, and the doubts."""
    authorities = authorities or Authorities()
    metadata = _with_page(extract_text(seed.text, authorities), seed)
    doubts = [d for d in _doubts(metadata, authorities) if d not in metadata.doubts]
    return dataclasses.replace(metadata, doubts=[*metadata.doubts, *doubts]) if doubts else metadata


def _doubts(metadata: Metadata, authorities: Authorities) -> list[Doubt]:
    """What a reviewer should look at beyond what extraction already flagged.

    An actor missing from the authority file may be misnamed or a new entry to
    curate; a country seen only through a demonym ("peruano") may be a
    nationality in passing rather than the place the story is about.
    """
    notes = [
        Doubt("not-in-authorities", item=actor["name"])
        for actor in metadata.actors
        if authorities.actor(actor["name"]) is None
        and not (actor.get("alias") and authorities.actor(actor["alias"]))
    ]
    gazetteer = load_data("countries.yaml") or {}
    seen = metadata.evidence.get("countries")
    for code in metadata.countries:
        surfaces = seen.get(code, {}).get("seen") if isinstance(seen, dict) else None
        demonyms = {d.casefold() for d in (gazetteer.get(code) or {}).get("demonyms", ())}
        if surfaces and all(str(s).casefold() in demonyms for s in surfaces):
            notes.append(Doubt("demonym-only", item=code, detail=", ".join(surfaces)))
    return notes


def _with_page(metadata: Metadata, seed: SeedText) -> Metadata:
    page = seed.page
    if page is None:
        return metadata
    changes: dict = {}
    doubts = list(metadata.doubts)
    evidence = dict(metadata.evidence)
    if page.title:
        changes["title"] = page.title
        changes["body"] = body_without_title(clean_text(seed.text), page.title)
        doubts = [d for d in doubts if d.field != "title"]
        evidence["title"] = "declared by the web page (og:title / <title>)"
    if page.date:
        changes["date"] = page.date
        doubts = [d for d in doubts if d.field != "date"]
        evidence["date"] = "declared by the web page (article:published_time / JSON-LD / meta)"
    return dataclasses.replace(metadata, **changes, doubts=doubts, evidence=evidence)
