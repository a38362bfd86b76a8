"""Where each generated file lives in docs/, and relative links between them.

Relative links keep site/ browsable from file:// with no server.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterable
from functools import lru_cache

from hemeroteca.render.format import slugify

PAGE_SIZE = 200


def article_path(article_id: str) -> str:
    return f"articles/{article_id}.md"


def facet_overview_path(kind: str) -> str:
    return f"browse/{kind}/index.md"


def facet_path(kind: str, slug: str, page: int | None = None, *, undated: bool = False) -> str:
    """The page of one facet value, by the slug ``facet_slugs`` gave it.

    Without ``page``, its first page (the newest articles); ``page`` N is the Nth counted from
    the oldest (``indexes.list_pages``), of the undated articles with ``undated``.
    """
    if page is None:
        return f"browse/{kind}/{slug}.md"
    return f"browse/{kind}/{slug}{'-undated' if undated else ''}-page-{page}.md"


# Names in a facet's folder that are not a value's page: the overview and its pages, and the
# shell page the fast path fills (``shell.SHELL_NAME``); and what a value's other pages end with
# (``x-page-3``, ``x-undated-page-2``: a value slugged ``x-undated`` would meet ``x``'s undated pages).
_RESERVED = re.compile(r"index(?:-page-\d+)?|hemeroteca-shell")
_PAGED = re.compile(r".*-(?:page-\d+|undated)")


def reserved_name(stem: str) -> bool:
    """A file name (without extension) the site uses for itself in every generated folder."""
    return _RESERVED.fullmatch(stem) is not None


def facet_slugs(keys: Iterable[str]) -> dict[str, str]:
    """A file name for each facet value (a code, a year, an id, an actor's name): unique, never reserved.

    A slug that two values share, that is reserved, or that looks like another value's other page
    ('x-page-2', 'x-undated') gets a suffix from a hash of its key: deterministic, so the same archive always
    names the same pages, and letters only, so it cannot end like a page number.
    """
    by_slug: dict[str, list[str]] = {}
    for key in keys:
        by_slug.setdefault(slugify(key), []).append(key)
    out = {}
    for slug, same in by_slug.items():
        clash = len(same) > 1 or reserved_name(slug) or _PAGED.fullmatch(slug) is not None
        for key in same:
            out[key] = f"{slug}-{_letters(key)}" if clash else slug
    if len(set(out.values())) != len(out):  # a suffixed slug met a plain one: make all suffixes longer
        out = {key: f"{slugify(key)}-{_letters(key, 16)}" for key in out}
    return out


def _letters(key: str, size: int = 6) -> str:
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=size).digest()
    return "".join(chr(ord("a") + byte % 26) for byte in digest)


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
