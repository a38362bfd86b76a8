"""Where each generated page lives in docs/, and relative links between them.

Relative links keep site/ browsable from file:// with no server.
"""

from __future__ import annotations

import posixpath

from hemeroteca.render.format import slugify

PAGE_SIZE = 200


def article_path(article_id: str) -> str:
    return f"articles/{article_id}.md"


def facet_overview_path(kind: str) -> str:
    return f"browse/{kind}/index.md"


def facet_path(kind: str, key: str, page: int = 1) -> str:
    slug = slugify(key) if kind != "actors" else key
    suffix = "" if page == 1 else f"-page-{page}"
    return f"browse/{kind}/{slug}{suffix}.md"


def link(from_path: str, to_path: str) -> str:
    """Relative link from one docs/ page to another."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
