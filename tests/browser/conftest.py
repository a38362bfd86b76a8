"""The reader's website in a real browser: Debian's Chromium driven by Playwright.

The site is built once per session from the project's seeds (``hemeroteca build
--root TMP`` over a copy of seeds/, archive/, mkdocs.yml, the hand-written docs/
pages and overrides/), then served on 127.0.0.1 and opened from file://. Every
page a test opens records console errors and every request; a request to
anything but the local server or a local file fails the test.

Without Chromium the tests skip with the reason; with CI=true that is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from hemeroteca.project import Project

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402

AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests may not be skipped)")
    pytest.skip(reason)


def _project(root: Path) -> Path:
    """A new archive made from the repository (``hemeroteca new``) at ``root``, with its seeds
    and records (so nothing is extracted)."""
    Project.at(ROOT).new_archive(root)
    for name in ("seeds", "archive"):
        shutil.copytree(ROOT / name, root / name, dirs_exist_ok=True)
    return root


def speaks(page, language: str) -> None:  # type: ignore[no-untyped-def]
    """Wait for the page to speak ``language`` (the switch rewords a page once it has loaded)."""
    page.wait_for_function(f"document.documentElement.lang === '{language}'")


def switch_language(page, language: str) -> None:  # type: ignore[no-untyped-def]
    """Through the header's selector, as a reader does: open it, pick the language."""
    page.locator(".hem-language .md-header__button").hover()
    page.locator(f"[data-hem-lang={language}]").click()
    speaks(page, language)


def _run(*command: str) -> None:
    result = subprocess.run([str(Path(sys.executable).parent / "hemeroteca"), *command],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _project(tmp_path_factory.mktemp("site-project"))
    _run("build", "--root", str(root))
    return root / "site"


# Held-out pages (the project's own, committed) added to the seeds for the search tests:
# Trinidad and Tobago, the Dominican Republic, Brazilian cooperatives and cooperação,
# Sebrae said often and in passing, seed capital in a title and in a related-story list,
# credit cooperatives ("cooperativas de crédito") named together and a bank called
# Crédito Agrícola beside cooperatives, CAF lending to Banco do Nordeste and coffee growers'
# cooperatives (café, which Spanish stems as CAF reads), a credit line for tourism businesses
# and a story naming the "Ministerio de Comercio, Industria y Turismo" and no tourism.
SEARCH_PAGES = (
    "h002", "h014", "h019", "h021", "h023", "h029", "h036", "h039", "h040", "h050", "h051", "h067", "h070",
    "h076",
)


@pytest.fixture(scope="session")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds plus a few held-out pages, added as an archivist adds them, built."""
    root = _project(tmp_path_factory.mktemp("search-project"))
    _run("add", "--root", str(root), *(str(ROOT / "eval" / "heldout" / "articles" / f"{name}.txt")
                                        for name in SEARCH_PAGES))
    _run("build", "--root", str(root))
    return root / "site"


@pytest.fixture(scope="session")
def search_server(search_site: Path) -> Iterator[str]:
    with serve(search_site) as url:
        yield url


@pytest.fixture
def search_http(search_server: str) -> str:
    """The search site served: for what works alike hosted and offline (the engine is one)."""
    return search_server


@pytest.fixture(params=["http", "file"])
def search_base(request: pytest.FixtureRequest, search_site: Path) -> str:
    """The search site's root URL, served or opened from disk: for addresses and links."""
    if request.param == "http":
        return request.getfixturevalue("search_server")
    return search_site.resolve().as_uri() + "/"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_path()
    if executable is None:
        _missing("no Chromium found (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(params=["http", "file"])
def base(request: pytest.FixtureRequest, site: Path) -> str:
    """The site's root URL, served or opened from disk."""
    if request.param == "http":
        return request.getfixturevalue("server")
    return site.resolve().as_uri() + "/"


class Watched:
    """A page plus what it did: console errors and requests that would leave the machine."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.errors: list[str] = []
        self.outside: list[str] = []

    def check(self) -> None:
        assert not self.outside, f"requests left the machine: {self.outside}"
        assert not self.errors, f"console errors: {self.errors}"


def _local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("file", "data", "blob", "about") or parsed.hostname in ("127.0.0.1", "localhost")


@pytest.fixture
def watched(browser) -> Iterator[Watched]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    state = Watched(page)

    def route(route) -> None:  # type: ignore[no-untyped-def]
        if _local(route.request.url):
            route.continue_()
        else:
            state.outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page.on("request", lambda request: None if _local(request.url) else state.outside.append(request.url))
    page.on("console", lambda msg: state.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: state.errors.append(str(exc)))
    page.on(
        "response",
        lambda response: state.errors.append(f"HTTP {response.status} {response.url}")
        if response.status >= 400
        else None,
    )
    yield state
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        _missing(f"axe-core not installed at {AXE} (npm install --prefix .cache/npm axe-core)")
    return AXE.read_text(encoding="utf-8")
