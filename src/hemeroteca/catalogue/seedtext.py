"""A seed file to the text extraction reads, and the metadata its source declares.

Plain texts go straight to extraction. Saved web pages (.html/.htm, or a .txt
that is really a page) first lose their markup; what the page declares
(headline, publication date, canonical URL, publisher) then overrides what
extraction guessed from the text, because a declaration beats a guess. This
is the one place ingest, add and extract read a seed, so all three agree.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from hemeroteca.catalogue.authorities import Authorities
from hemeroteca.extract import Metadata, extract_text
from hemeroteca.sources.clean import clean_text
from hemeroteca.sources.decode import check_size, decode_bytes
from hemeroteca.sources.html import Page, looks_like_html, read_page
from hemeroteca.sources.title import body_without_title

HTML_SUFFIXES = (".html", ".htm")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SeedText:
    text: str
    page: Page | None = None

    @property
    def source_extra(self) -> dict[str, str]:
        """``source.url`` and ``source.publisher`` when the page declared them."""
        if self.page is None:
            return {}
        extra = {"url": self.page.url, "publisher": self.page.publisher}
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


def normalised_digest_text(seed: SeedText) -> str:
    """The text with all whitespace runs collapsed: equal for copies that differ only in layout."""
    return _SPACE.sub(" ", seed.text).strip()


def extract_seed(seed: SeedText, authorities: Authorities | None = None) -> Metadata:
    """Extraction over the text, then the page's declared headline and date on top."""
    metadata = extract_text(seed.text, authorities)
    page = seed.page
    if page is None:
        return metadata
    changes: dict = {}
    uncertain = list(metadata.uncertain)
    evidence = dict(metadata.evidence)
    if page.title:
        changes["title"] = page.title
        changes["body"] = body_without_title(clean_text(seed.text), page.title)
        uncertain = [u for u in uncertain if not u.startswith("title:")]
        evidence["title"] = "declared by the web page (og:title / <title>)"
    if page.date:
        changes["date"] = page.date
        uncertain = [u for u in uncertain if not u.startswith("date:")]
        evidence["date"] = "declared by the web page (article:published_time / JSON-LD / meta)"
    return dataclasses.replace(metadata, **changes, uncertain=uncertain, evidence=evidence)
