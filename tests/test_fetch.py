"""`hemeroteca add https://...` against a local HTTP server on 127.0.0.1 (no network in tests)."""

from __future__ import annotations

import hashlib
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from hemeroteca import Project, check, ingest
from hemeroteca.catalogue.add import add
from hemeroteca.catalogue.record import read
from hemeroteca.catalogue.store import sidecar_path
from hemeroteca.sources.fetch import provenance_from_warc

from .test_bad_input import run_cli, tree_digest

ARTICLE = """<!doctype html><html lang="es"><head><meta charset="utf-8">
<title>Cooperativas de Nariño exportan café a Japón | Diario del Sur</title>
<meta property="og:title" content="Cooperativas de Nariño exportan café a Japón">
<meta property="og:site_name" content="Diario del Sur">
<meta property="article:published_time" content="2024-03-14T08:00:00-05:00">
</head><body><nav><a href="/">Inicio</a> <a href="/economia">Economía</a></nav>
<article><h1>Cooperativas de Nariño exportan café a Japón</h1>
<p>Pasto, 14 de marzo de 2024. Tres cooperativas cafetaleras del sur de Colombia enviaron este jueves
su primer contenedor de café especial al puerto de Yokohama, después de dos años de trabajo.</p>
<p>La Federación Nacional de Cafeteros acompañó el proceso de certificación y explicó que cada saco
lleva el nombre de la familia que lo cultivó, con un precio superior al del mercado local.</p>
</article></body></html>""".encode()

LISTING = (
    "<html><body><h1>Economía</h1><ul>"
    + "".join(f'<li><a href="/n/{i}">Noticia número {i} sobre exportaciones de café y cacao</a></li>'
              for i in range(30))
    + "</ul></body></html>"
).encode()

LOGIN = b"""<html><body><h1>Suscriptores</h1><p>Para leer esta nota inicie sesion con su cuenta
de suscriptor del diario.</p><form><input name="user"><input type="password" name="pw">
<button>Entrar</button></form></body></html>"""

# An article that declares itself one, under a long list of related stories: not a listing.
WITH_RELATED = ARTICLE.replace(
    b"<meta charset=\"utf-8\">", b"<meta charset=\"utf-8\"><meta property=\"og:type\" content=\"article\">"
).replace(b"</article>", b"</article>" + LISTING.split(b"<body>")[1].split(b"</body>")[0])

PAGES = {
    "/news/related.html": (200, "text/html; charset=utf-8", WITH_RELATED),
    "/news/cafe.html": (200, "text/html; charset=utf-8", ARTICLE),
    "/economia": (200, "text/html; charset=utf-8", LISTING),
    "/login-wall": (200, "text/html", LOGIN),
    "/private": (401, "text/html", b"<html><body>Unauthorized</body></html>"),
    "/data.zip": (200, "application/zip", b"PK\x03\x04"),
}
REDIRECTS = {"/old/cafe": "/news/cafe.html", "/loop": "/loop", "/to-file": "file:///etc/passwd"}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path in REDIRECTS:
            self.send_response(301)
            self.send_header("Location", REDIRECTS[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status, content_type, body = PAGES.get(self.path, (404, "text/html", b"<html>Not found</html>"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_fetched_page_keeps_the_servers_bytes_and_a_warc_of_the_exchange(
    empty_project: Project, server: str
) -> None:
    report = add(empty_project, [f"{server}/old/cafe"])
    assert not report.errors, [e.one_line() for e in report.errors]
    added = report.added[0]
    assert added.seed.read_bytes() == ARTICLE
    record = read(added.record)
    source = record.meta["source"]
    assert source["sha256"] == hashlib.sha256(ARTICLE).hexdigest()
    assert source["url"] == f"{server}/news/cafe.html"
    assert source["requested_url"] == f"{server}/old/cafe"  # the redirect keeps both addresses
    assert source["http_status"] == 200
    assert source["content_type"] == "text/html; charset=utf-8"
    assert source["retrieved"].endswith("Z") and source["retrieved"][:2] == "20"
    assert source["publisher"] == "Diario del Sur"
    assert record.meta["title"] == "Cooperativas de Nariño exportan café a Japón"
    assert record.meta["date"] == "2024-03-14"
    warc = sidecar_path(added.seed, "warc")
    assert warc.name.endswith(".html.warc.gz")
    from warcio.archiveiterator import ArchiveIterator

    with warc.open("rb") as stream:
        kinds = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(stream)]
    assert kinds == [
        ("request", f"{server}/old/cafe"), ("response", f"{server}/old/cafe"),
        ("request", f"{server}/news/cafe.html"), ("response", f"{server}/news/cafe.html"),
    ]
    assert provenance_from_warc(warc.read_bytes()) == {k: v for k, v in source.items() if k in (
        "url", "requested_url", "retrieved", "http_status", "content_type")}
    assert [str(p) for p in check(empty_project) if p.severity == "error"] == []
    # ingest --force rebuilds the same record, provenance included, from the seed and its WARC
    before = added.record.read_text()
    ingest(empty_project, force=True, jobs=1)
    assert added.record.read_text() == before
    # the same address again is a duplicate
    again = add(empty_project, [f"{server}/news/cafe.html"])
    assert not again.added and again.duplicates[0].how == "the same file (sha256)"
    # the WARC is part of the provenance: check says when it is gone
    warc.unlink()
    errors = [str(p) for p in check(empty_project) if p.severity == "error"]
    assert len(errors) == 1 and "source.retrieved" in errors[0] and "WARC" in errors[0]


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        ("/missing", "404 Not Found (no such page)"),
        ("/private", "401 Unauthorized (a login wall)"),
        ("/login-wall", "asks for a password"),
        ("/economia", "a listing, not an article"),
        ("/data.zip", "serves 'application/zip'"),
        ("/loop", "more than 5 redirects"),
        ("/to-file", "not a web page"),
    ],
)
def test_what_is_not_an_article_is_refused_in_one_line(
    empty_project: Project, server: str, path: str, fragment: str
) -> None:
    before = tree_digest(empty_project.seeds_dir, empty_project.archive_dir)
    result = run_cli("add", f"{server}{path}", cwd=empty_project.root)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and fragment in errors[0] and f"{server}{path}" in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(empty_project.seeds_dir, empty_project.archive_dir) == before


def test_an_article_declared_as_one_is_not_taken_for_a_listing(empty_project: Project, server: str) -> None:
    assert b"og:type" in WITH_RELATED and WITH_RELATED.count(b"<a href") > 30
    report = add(empty_project, [f"{server}/news/related.html"])
    assert not report.errors, [e.one_line() for e in report.errors]
    assert read(report.added[0].record).meta["title"] == "Cooperativas de Nariño exportan café a Japón"


def test_a_server_that_does_not_answer_is_refused(empty_project: Project) -> None:
    import socket

    with socket.socket() as listener:  # accepts the connection, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        from hemeroteca.sources import fetch

        old = fetch.TIMEOUT_S
        fetch.TIMEOUT_S = 1
        try:
            report = add(empty_project, [f"http://127.0.0.1:{port}/slow"])
        finally:
            fetch.TIMEOUT_S = old
    assert not report.added and "timed out" in report.errors[0].one_line()
    assert not any(Path(empty_project.seeds_dir).glob("*"))
