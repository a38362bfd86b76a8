"""Which URLs a record may carry: web addresses only, so no record can put script in a link.

A record's ``source.url`` becomes a link on the article page, a field of every
citation and a column of the exports. A ``javascript:`` or ``data:`` URL there
would run script in the reader's browser when clicked, from the hosted site and
from ``file://`` alike; ``check`` refuses such a URL and the renderer drops it
even when ``check`` was skipped, so both go through ``web_url``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
# Browsers strip control characters and blanks from URLs before they read the scheme
# ("java\tscript:" runs): a web address has none of them anywhere.
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029]")


def url_problem(value: object) -> str | None:
    """Why ``value`` is not a web address a page may link to, or None when it is one."""
    if not isinstance(value, str):
        return "the URL must be text"
    if _UNSAFE.search(value):
        return "the URL contains spaces or control characters"
    try:
        parts = urlsplit(value)
    except ValueError:
        return f"'{value[:80]}' is not a URL"
    if parts.scheme.lower() not in WEB_SCHEMES:
        return f"'{value[:80]}' is not a web address: only http:// and https:// URLs are allowed"
    if not parts.hostname:
        return f"'{value[:80]}' has no host name after {parts.scheme}://"
    return None


def web_url(value: object) -> str | None:
    """``value`` when it is an http(s) address safe to link to, else None."""
    return value if isinstance(value, str) and url_problem(value) is None else None
