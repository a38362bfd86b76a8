"""Fetch an article from its web address, keeping exactly what the server sent and a WARC of the exchange.

The seed is the response body byte for byte; where and when it came from is
kept in a WARC file beside it (``<seed>.warc.gz``: each request and response,
redirects included, written with warcio, the library web archives use), so
the record's ``source.url``, ``source.retrieved``, ``source.http_status`` and
``source.content_type`` can always be read back from it and checked.

Bounded on every side: ``TIMEOUT_S`` for the connection and for each read,
``DEADLINE_S`` for the whole exchange, at most ``MAX_REDIRECTS`` redirects and
to web addresses only, and a body no larger than a seed may be. A page that is
not an article is refused with one line, before anything is written: an error
status (404, a 401 or 403 login wall), a type that is no article, a page that
asks for a password, or one whose text is mostly links (a listing).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from hemeroteca.sources.decode import MAX_DOCUMENT_BYTES, MAX_SEED_BYTES
from hemeroteca.weburl import url_problem

TIMEOUT_S = 20
DEADLINE_S = 60
MAX_REDIRECTS = 5
USER_AGENT = "hemeroteca (news archive; one page at an archivist's request)"
# What a fetched address may be, by the Content-Type the server declares, and the seed's extension.
SUFFIX_OF_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tif",
}
LISTING_LINK_SHARE = 0.6
"""A page with more of its words in links than this is a list of articles, not one."""
LOGIN_MAX_WORDS = 150
"""A password box on a page with fewer words than this is a login wall, not an article with a login link."""


class FetchError(ValueError):
    """The address gave no article: the message says what the server did."""


@dataclass(frozen=True)
class Fetched:
    body: bytes
    suffix: str
    warc: bytes
    source: dict[str, Any] = field(default_factory=dict)


def is_web_address(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by ``fetch_page`` itself, so each hop is checked and archived."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect())


def fetch_page(url: str) -> Fetched:
    """The article at ``url``; FetchError when the address gives none."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    problem = url_problem(url)
    if problem:
        raise FetchError(problem)
    started = time.monotonic()
    warc = io.BytesIO()
    writer = WARCWriter(warc, gzip=True)
    requested, address = url, url
    for _ in range(MAX_REDIRECTS + 1):
        retrieved = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        status, reason, headers, body = _exchange(address, started)
        stamp = retrieved.strftime("%Y-%m-%dT%H:%M:%SZ")
        request_headers = StatusAndHeaders(
            f"GET {_path(address)} HTTP/1.1",
            [("Host", _host(address)), ("User-Agent", USER_AGENT), ("Accept", "*/*")],
            is_http_request=True,
        )
        writer.write_record(
            writer.create_warc_record(
                address, "request", http_headers=request_headers, warc_headers_dict={"WARC-Date": stamp}
            )
        )
        writer.write_record(
            writer.create_warc_record(
                address,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=StatusAndHeaders(f"{status} {reason}", headers, protocol="HTTP/1.1"),
                warc_headers_dict={"WARC-Date": stamp},
            )
        )
        location = _header(headers, "location")
        if status in (301, 302, 303, 307, 308) and location:
            address = urljoin(address, location)
            problem = url_problem(address)
            if problem:
                raise FetchError(f"the server redirected to an address that is not a web page: {problem}")
            continue
        break
    else:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects: nothing added")
    if status != 200:
        meaning = {401: " (a login wall)", 403: " (a login wall or a block)", 404: " (no such page)",
                   410: " (the page was removed)"}
        raise FetchError(f"the server answered {status} {reason}{meaning.get(status, '')}: nothing added")
    content_type = _header(headers, "content-type") or ""
    suffix = SUFFIX_OF_TYPE.get(content_type.split(";")[0].strip().lower())
    if suffix is None:
        served = content_type or "no content type"
        raise FetchError(f"the address serves '{served}', not an article: nothing added")
    if suffix == ".html":
        _refuse_non_article(body)
    source: dict[str, Any] = {
        "url": address,
        "retrieved": stamp,
        "http_status": status,
        "content_type": content_type,
    }
    if address != requested:
        source["requested_url"] = requested
    return Fetched(body, suffix, warc.getvalue(), source)


def _exchange(address: str, started: float) -> tuple[int, str, list[tuple[str, str]], bytes]:
    """One GET: status, reason, headers and the body, read in chunks against the size limit and deadline."""
    request = urllib.request.Request(address, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        response = _OPENER.open(request, timeout=TIMEOUT_S)
    except urllib.error.HTTPError as exc:  # 3xx (not followed here), 4xx, 5xx: still an answer
        response = exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"could not fetch the page: {reason}") from exc
    limit = MAX_DOCUMENT_BYTES
    chunks, size = [], 0
    try:
        with response:
            declared = _header(list(response.headers.items()), "content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError(f"the page is {int(declared) / 1e6:.1f} MB, over the limit for one article")
            while chunk := response.read(65536):
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"the page is over {limit // 1_000_000} MB: not one article")
                if time.monotonic() - started > DEADLINE_S:
                    raise FetchError(f"the server took more than {DEADLINE_S} s to send the page")
                chunks.append(chunk)
            return response.status, response.reason or "", list(response.headers.items()), b"".join(chunks)
    except (TimeoutError, OSError) as exc:
        raise FetchError(f"the server stopped answering ({exc}): nothing added") from exc


def _refuse_non_article(body: bytes) -> None:
    """A login wall or a listing, told from the markup before any extraction."""
    import lxml.html

    if len(body) > MAX_SEED_BYTES:
        raise FetchError(f"the page is over {MAX_SEED_BYTES // 1_000_000} MB: not one article")
    try:
        tree = lxml.html.document_fromstring(body)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise FetchError("the page is empty or not HTML") from exc
    declared = _declares_article(tree)
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    words = len(tree.text_content().split())
    if tree.xpath("//input[translate(@type,'PASSWORD','password')='password']") and words < LOGIN_MAX_WORDS:
        raise FetchError("the page asks for a password (a login wall), not an article: nothing added")
    if declared:
        return
    linked = sum(len(a.text_content().split()) for a in tree.xpath("//a"))
    if words and linked / words > LISTING_LINK_SHARE:
        raise FetchError(
            f"{round(100 * linked / words)}% of the page's words are links: a listing, not an article; "
            "add the article's own address"
        )


def _declares_article(tree) -> bool:
    """The page says it is an article (``og:type``, or a JSON-LD ``...Article`` type).

    News sites declare it for search engines and link previews; such a page is not
    judged a listing by its links, however many related stories it shows.
    """
    kinds = tree.xpath("//meta[@property='og:type']/@content")
    if any(str(kind).strip().lower() == "article" for kind in kinds):
        return True
    return any(
        re.search(r'"@type"\s*:\s*\[?[^\]]*"(?:News|Reportage|Analysis|Opinion)?Article"', str(script))
        for script in tree.xpath("//script[@type='application/ld+json']/text()")
    )


def provenance_from_warc(warc: bytes) -> dict[str, Any]:
    """``source`` fields read back from the WARC kept beside a fetched seed ({} when it has none)."""
    from warcio.archiveiterator import ArchiveIterator

    requested = None
    last: dict[str, Any] = {}
    try:
        for record in ArchiveIterator(io.BytesIO(warc)):
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type == "request" and requested is None:
                requested = uri
            if record.rec_type == "response" and record.http_headers is not None:
                last = {
                    "url": uri,
                    "retrieved": record.rec_headers.get_header("WARC-Date"),
                    "http_status": int(record.http_headers.get_statuscode() or 0),
                    "content_type": record.http_headers.get_header("Content-Type") or "",
                }
    except Exception:  # a damaged WARC: check reports the record's fields, nothing to add here
        return {}
    if last and requested and requested != last["url"]:
        last["requested_url"] = requested
    return {k: v for k, v in last.items() if v}


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def _host(address: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(address).netloc


def _path(address: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(address)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
