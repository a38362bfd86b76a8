"""A saved web page to the article text and the metadata the page declares.

Archivists save articles from the browser as .html. The page carries more
than the text: a headline (``og:title``), a publication date
(``article:published_time``, JSON-LD ``datePublished``), the canonical URL and
the publisher (``og:site_name``, JSON-LD ``publisher``). Declared metadata is
better evidence than anything guessed from the text, so it is returned as
hints that ingest prefers over extraction.

trafilatura does the work: it separates the article from menus and footers
and reads the metadata (dates through htmldate). Nothing is fetched: it only
reads the markup it is given.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from hemeroteca.sources.decode import DecodeError

MIN_WORDS = 15
"""Fewer words than a short news brief: what is left of a menu, a listing or a login page."""
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Only dates the page declares in its markup: a date found by scanning the
# text or the URL is a guess, and the record's rule is "never invented".
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2999-12-31"}

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Page:
    """The article text of a web page and the metadata it declares (None when it declares none)."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None


def looks_like_html(text: str) -> bool:
    """A cheap sniff so a .txt that is really a saved page is still read as one."""
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<head" in head and "<body" in text.lower())


def read_page(markup: str) -> Page:
    """Article text and declared metadata of one page; DecodeError when there is no article in it."""
    import trafilatura  # ~0.1 s to import: only commands that meet a web page pay it

    document = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    words = len(text.split())
    if words < MIN_WORDS:
        raise DecodeError(
            f"no article text found in the web page ({words} words outside menus and footers; "
            "save the article's own page, not a listing)"
        )
    date = getattr(document, "date", None)
    return Page(
        text=text,
        title=_clean(getattr(document, "title", None)),
        date=date if isinstance(date, str) and _ISO_DAY.match(date) else None,
        url=_clean(getattr(document, "url", None)),
        publisher=_clean(getattr(document, "sitename", None)),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
