"""The original files published beside the articles: documents as received, and the WARC of a fetch.

A reader of a clipping wants the clipping: the PDF, the Word file or the scan
the text was read from, byte for byte (its SHA-256 is on the page). A page
fetched by ``add URL`` is published as its WARC record, which holds the server's
bytes and headers: the HTML itself is never served from the site, because a
stranger's page opened from the archive's own address could run its scripts
there. Plain texts and saved pages are on the article page already.

Only files named by a record's ``source.path`` as a plain name inside seeds/
are published, under ``docs/originals/``; they are copied by ``render`` and
MkDocs copies them into ``site/``.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from hemeroteca.render.model import Article

ORIGINALS = "originals"
_SEED_NAME = re.compile(r"^seeds/([A-Za-z0-9][A-Za-z0-9_.-]*)$")


def _seed_name(article: Article) -> str | None:
    match = _SEED_NAME.match(str(article.source.get("path", "")))
    return match.group(1) if match else None


def original_path(article: Article) -> str | None:
    """docs/ path of the article's original document, when it is one (a PDF, Word file or scan)."""
    name = _seed_name(article)
    return posixpath.join(ORIGINALS, name) if name and article.source.get("media_type") else None


def warc_path(article: Article) -> str | None:
    """docs/ path of the WARC of a fetched page, when the article was fetched by ``add URL``."""
    name = _seed_name(article)
    return posixpath.join(ORIGINALS, f"{name}.warc.gz") if name and article.source.get("retrieved") else None


def original_files(seeds: Path, articles: list[Article]) -> dict[str, Path]:
    """docs/ path -> file in ``seeds`` to copy there, for the originals that exist as regular files."""
    found: dict[str, Path] = {}
    for article in articles:
        for docs_path in (original_path(article), warc_path(article)):
            if docs_path is None:
                continue
            source = seeds / posixpath.basename(docs_path)
            if source.is_file() and not source.is_symlink():
                found[docs_path] = source
    return found
