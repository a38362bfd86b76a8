"""Screenshots of the reader's website, to look at: home, a country overview, an article, search.

Serves a built ``site/`` on 127.0.0.1 (a thread of the standard library's HTTP
server) and drives Debian's Chromium through Playwright. The browser tests
import ``serve`` and ``launch`` from here so both see the site the same way.
Each page is taken in the site's language, then in Spanish, Portuguese and English
as a reader gets them with the language switch (``NAME-LANG.png``), and the article
also in the dark scheme, on a 390 px phone and as printed.

    python scripts/screenshots.py [--site site] [--out scripts/screenshots]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("es", "pt", "en")


def chromium_path() -> str | None:
    """Debian's Chromium, else a Chromium or Chrome on PATH (GitHub's runners have Chrome)."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    names = ("chromium", "chromium-browser", "google-chrome")
    return next((found for name in names if (found := shutil.which(name))), None)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The site on a free port of 127.0.0.1, for as long as the context lasts."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright):  # type: ignore[no-untyped-def]
    executable = chromium_path()
    if executable is None:
        raise SystemExit("no Chromium found: apt-get install -y chromium")
    return playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)


def shoot(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    article = sorted((site / "articles").glob("*.html"))[0].name
    pages = [
        ("home", "index.html"),
        ("countries", "browse/countries/index.html"),
        ("years", "browse/years/index.html"),
        ("actors", "browse/actors/index.html"),
        ("article", f"articles/{article}"),
        ("data", "data/index.html"),
        ("search-hosted", "search.html?q=cooperativas"),
    ]
    written = []

    def take(page, name: str, *, full_page: bool = True) -> None:  # type: ignore[no-untyped-def]
        target = out / f"{name}.png"
        page.screenshot(path=str(target), full_page=full_page)
        written.append(target)

    with sync_playwright() as p, serve(site) as url:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for language in (None, *LANGUAGES):
            page.goto(url + "index.html")
            page.evaluate(f"localStorage.setItem('hemeroteca-language', '{language or ''}')")
            for name, path in pages:
                page.goto(url + path)
                if name.startswith("search"):
                    page.wait_for_selector(".hem-search[data-done]")
                if language:  # the language switch rewords the page once it has loaded
                    page.wait_for_function(f"document.documentElement.lang === '{language}'")
                take(page, f"{name}-{language}" if language else name, full_page=not language)
        page.evaluate("localStorage.clear()")
        page.goto((site / "search.html").resolve().as_uri() + "?q=cooperative")
        page.wait_for_selector(".hem-search[data-done]")
        take(page, "search-offline")
        article_path = f"articles/{article}"
        dark = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark")
        dark.goto(url + article_path)
        take(dark, "article-dark", full_page=False)
        phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
        for name, path in (("article", article_path), ("countries", "browse/countries/index.html")):
            phone.goto(url + path)
            take(phone, f"{name}-phone", full_page=False)
        page.goto(url + article_path)
        page.emulate_media(media="print")
        take(page, "article-print")
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "scripts" / "screenshots")
    args = parser.parse_args()
    for path in shoot(args.site, args.out):
        print(path)


if __name__ == "__main__":
    main()
