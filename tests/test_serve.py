"""`hemeroteca serve`: one line, no traceback, for a busy or impossible port; missing pages get 404.html."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from hemeroteca import Project


@pytest.fixture
def built(tmp_path: Path) -> Project:
    project = Project(tmp_path)
    project.site_dir.mkdir()
    (project.site_dir / "index.html").write_text("<h1>home</h1>", encoding="utf-8")
    (project.site_dir / "404.html").write_text("<h1>Not here</h1>", encoding="utf-8")
    return project


def serve(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hemeroteca", "serve", "--root", str(project.root), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_busy_port_is_one_line(built: Project) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = serve(built, "--port", str(port))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: hemeroteca: port {port} on 127.0.0.1 is already in use (is another server running?): "
        f"try --port {port + 1}"
    ]
    assert result.stdout == ""  # nothing claimed to be served


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_an_impossible_port_is_one_line(built: Project, port: str) -> None:
    result = serve(built, "--port", port)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: hemeroteca: {port} is not a port number: use one from 1 to 65535 (8000 by default)"
    ]


def test_a_missing_page_gets_the_sites_404_page(built: Project) -> None:
    server = built.server(0)  # what `hemeroteca serve` runs
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        with urllib.request.urlopen(f"{base}/") as response:
            assert b"home" in response.read()
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{base}/no/such/page.html")
        assert missing.value.code == 404
        assert missing.value.read() == b"<h1>Not here</h1>"
        assert missing.value.headers["Content-Type"].startswith("text/html")
    finally:
        server.shutdown()
        server.server_close()
