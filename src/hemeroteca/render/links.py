"""Where each generated file lives in docs/, and relative links between them.

Relative links keep site/ browsable from file:// with no server.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

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


def html_path(md_path: str) -> str:
    """The URL MkDocs gives a page with ``use_directory_urls: false``."""
    return md_path[:-3] + ".html" if md_path.endswith(".md") else md_path


def link(from_path: str, to_path: str) -> str:
    """Relative link from one docs/ page to another (Markdown links keep the .md target)."""
    return _relative(to_path, posixpath.dirname(from_path) or ".")


@lru_cache(maxsize=65536)
def _relative(to_path: str, from_dir: str) -> str:
    """``posixpath.relpath`` for docs/ paths (relative, no '.' or '..' parts), in string operations.

    Cached per folder: every article page sits in the same one, so 10,000 pages share entries;
    the index pages link to each article from five folders, ~50,000 pairs at 10,000 articles.
    """
    if from_dir == ".":
        return to_path
    up, down = from_dir.split("/"), to_path.split("/")
    common = 0
    while common < min(len(up), len(down) - 1) and up[common] == down[common]:
        common += 1
    return "../" * (len(up) - common) + "/".join(down[common:])


def html_link(from_path: str, to_path: str) -> str:
    """Relative link for raw HTML, which MkDocs does not rewrite: point at the built .html."""
    return link(html_path(from_path), html_path(to_path))


def absolute(site_url: str | None, path: str) -> str | None:
    """The public URL of a docs/ file when the site's address is known (``site_url``)."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + html_path(path)
