"""Hostile records and hard faults on the build side (issue 12, points 3, 6, 7 and 8).

Each test starts from a tiny archive (two seeds of the repository, ingested once per
module) copied afresh, changes what an attacker or a failing machine would, and
checks what readers and archivists get.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from hemeroteca import Project, check, ingest, render
from hemeroteca.catalogue.record import read, serialise
from hemeroteca.catalogue.store import list_record_paths, load_records

from .conftest import REPO, copy_project_skeleton, tree_digest

TINY_SEEDS = ("000_d94e65ea9294be5d.txt", "001_e4109311ec4dc86b.txt")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """Two real seeds ingested: the starting point every test copies."""
    project = copy_project_skeleton(tmp_path_factory.mktemp("tiny") / "proj", seeds=False)
    for name in TINY_SEEDS:
        shutil.copy(REPO / "seeds" / name, project.seeds_dir / name)
    assert not ingest(project).errors
    return project


@pytest.fixture
def archive(tiny: Project, tmp_path: Path) -> Project:
    shutil.copytree(tiny.root, tmp_path / "proj")
    return Project.at(tmp_path / "proj")


def edit_record(project: Project, index: int, **changes: Any) -> Path:
    """Set front-matter fields of the index-th record (``source_url`` sets ``source.url``)."""
    path = list_record_paths(project)[index]
    record = read(path)
    meta = dict(record.meta)
    for name, value in changes.items():
        if name.startswith("source_"):
            meta["source"] = {**meta["source"], name[len("source_") :]: value}
        else:
            meta[name] = value
    path.write_text(serialise(meta, record.body), encoding="utf-8")
    return path


def docs_file(project: Project, rel: str) -> str:
    return (project.docs_dir / rel).read_text(encoding="utf-8")


def article_rel(project: Project, index: int) -> str:
    return f"articles/{list_record_paths(project)[index].stem}.md"


# --- 3. stored script and spreadsheet injection --------------------------------------------------

SCRIPT_URLS = [
    "javascript:alert(1)//",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "http:alert(1)",
]


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_a_script_url_is_refused_by_check_in_one_line(archive: Project, url: str) -> None:
    path = edit_record(archive, 0, source_url=url)
    problems = [p for p in check(archive) if p.severity == "error"]
    assert len(problems) == 1, problems
    (problem,) = problems
    assert problem.path == archive.relative(path) and problem.field == "source.url"
    assert problem.line == read(path).line_of("source.url")


def test_a_web_url_passes_check(archive: Project) -> None:
    edit_record(archive, 0, source_url="https://www.example.org/news/2021/04/a?id=1#x")
    assert not [p for p in check(archive) if p.severity == "error"]


def test_a_script_url_never_becomes_a_link_even_without_check(archive: Project) -> None:
    edit_record(archive, 0, source_url="javascript:alert(1)//")
    edit_record(archive, 1, source_url="https://www.example.org/a")
    # render refuses records check refuses; given records as loaded, it must still not link them.
    render(archive, loaded=load_records(archive))
    hostile, fine = docs_file(archive, article_rel(archive, 0)), docs_file(archive, article_rel(archive, 1))
    assert "https://www.example.org/a" in fine  # a web address is kept
    generated = [hostile, *(docs_file(archive, f"data/{n}") for n in ("catalogue.csv", "catalogue.json"))]
    for text in generated:
        assert "javascript" not in text.lower()


FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"]


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(archive: Project) -> None:
    edit_record(archive, 0, title=FORMULAS[0], actors=[{"name": "=cmd|' /C calc'!A0", "type": "person"}])
    edit_record(archive, 1, title="-5% exports", source_publisher="@publisher")
    render(archive, loaded=load_records(archive))
    rows = list(csv.DictReader(io.StringIO(docs_file(archive, "data/catalogue.csv"), newline="")))
    for row in rows:
        for name, value in row.items():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (name, value)
    titles = {row["title"] for row in rows}
    assert "'" + FORMULAS[0] in titles and "'-5% exports" in titles
    exact = {item["title"] for item in json.loads(docs_file(archive, "data/catalogue.json"))}
    assert FORMULAS[0] in exact and "-5% exports" in exact  # the JSON keeps every value as it is


@pytest.mark.parametrize("value", FORMULAS)
def test_spreadsheet_cell_rule(value: str) -> None:
    from hemeroteca.render.exports import spreadsheet_cell

    assert spreadsheet_cell(value) == "'" + value
    assert spreadsheet_cell("Sebrae = support") == "Sebrae = support"
    assert spreadsheet_cell("") == ""


def test_web_url_rule() -> None:
    from hemeroteca.weburl import web_url

    assert web_url("https://example.org/") == "https://example.org/"
    assert web_url("HTTP://EXAMPLE.ORG/a") == "HTTP://EXAMPLE.ORG/a"
    for bad in [
        *SCRIPT_URLS,
        "https://",
        "https://exa mple.org",
        "ftp://example.org/",
        None,
        5,
        "http://[::1",
    ]:
        assert web_url(bad) is None, bad


# --- 7. pathological input ------------------------------------------------------------------------


def _script(name: str) -> ModuleType:
    """A script of scripts/ as a module: the tests run the same code the figures come from."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_5_mb_single_line_costs_what_a_5_mb_article_costs(tmp_path: Path) -> None:
    """The same words as a 5 MB article in paragraphs and as one line opening with the shapes that
    were quadratic (``scripts/bench_long_line.py``). Before the fix the line took minutes; now it must
    stay within a few times the article, whatever this machine's speed."""
    import subprocess

    bench = _script("bench_long_line")
    article, line = bench.texts(4_900_000)
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    (tmp_path / "line.txt").write_text(line, encoding="utf-8")
    reference = bench.extract_seconds(tmp_path / "article.txt", timeout=600)
    limit = 3 * reference + 10
    try:
        bench.extract_seconds(tmp_path / "line.txt", timeout=limit)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the one-line text took over {limit:.0f} s; in paragraphs it took {reference:.1f} s")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"https://www.example.org/news/2021/04/28/sebrae-credito?utm=x\n", "no words"),
        (b"www.example.org/a\n\nhttp://example.org/b", "no words"),
        (b"!!! ... ??? --- *** ///\n\n.....", "no words"),
        ("T\u00edtulo \u202etxt.exe\n\nEl Sebrae anunci\u00f3 un programa.".encode(), "U+202E"),
        ("El Sebrae \u2066anunci\u00f3\u2069 un programa.".encode(), "U+2066"),
        (b"El Sebrae anuncio un programa de credito.\n" * 2000 + b"\x00\x00more", "NUL bytes"),
    ],
)
def test_texts_that_are_not_articles_are_refused_by_add(
    archive: Project, tmp_path: Path, data: bytes, reason: str
) -> None:
    from .test_bad_input import run_cli, tree_digest

    assert len(data) < 65536 or data.index(b"\x00") > 65536  # the NUL case hides past the first 64 KB
    given = tmp_path / "given.txt"
    given.write_bytes(data)
    before = tree_digest(archive.seeds_dir, archive.archive_dir)
    result = run_cli("add", str(given), cwd=archive.root)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and reason in lines[0] and "given.txt" in lines[0], result.stderr
    assert tree_digest(archive.seeds_dir, archive.archive_dir) == before


def test_hidden_controls_in_a_record_are_refused_by_check(archive: Project) -> None:
    path = edit_record(
        archive, 0, title="Sebrae \u202eenilno\u202c credit", actors=[{"name": "A\x07B", "type": "person"}]
    )
    problems = [p for p in check(archive) if p.severity == "error"]
    assert {(p.path, p.field) for p in problems} == {
        (archive.relative(path), "title"),
        (archive.relative(path), "actors[0].name"),
    }
    assert all("U+202E" in p.message or "U+0007" in p.message for p in problems)


HOSTILE_TITLE = "Sebrae {credit} \\ } & % $ # _ ^ ~ \x0c\x1b <b>&amp; ]]> \"q\" 'a' @x =1"


def test_every_export_parses_with_a_hostile_title(archive: Project) -> None:
    """A title with braces, LaTeX and XML specials and control characters: each format still parses."""
    import xml.etree.ElementTree as ET

    import jsonschema
    from pybtex.database import parse_string

    from hemeroteca.render.cite import bibtex, csl_json
    from hemeroteca.render.writer import load_model

    edit_record(
        archive,
        0,
        title=HOSTILE_TITLE,
        source_publisher="Pub {lisher}",
        source_url="https://a.example/x_y%20z",
    )
    edit_record(archive, 1, title="}{ unbalanced {{", tags=["training"])
    render(archive, loaded=load_records(archive))
    feed = ET.fromstring(docs_file(archive, "data/feed.xml").encode("utf-8"))
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(t and t.startswith("Sebrae {credit}") and "]]>" in t for t in titles)
    rows = list(csv.reader(io.StringIO(docs_file(archive, "data/catalogue.csv"), newline="")))
    assert len({len(r) for r in rows}) == 1 and len(rows) == 3
    json.loads(docs_file(archive, "data/catalogue.json"))
    json.loads(docs_file(archive, "data/datapackage.json"))
    schema = json.loads((Path(__file__).parent / "data" / "csl-data.schema.json").read_text())
    model = load_model(archive)
    for article in model.articles:
        entries = parse_string(bibtex(article, model), "bibtex").entries
        (entry,) = entries.values()
        assert entry.fields["title"].count("{") == entry.fields["title"].count("}")
        items = json.loads(csl_json(article, model))
        jsonschema.validate(items, schema)
        assert items[0]["title"] == article.title  # JSON keeps the title exactly


# --- 6. collisions in generated names -------------------------------------------------------------

COLLIDING_ACTORS = [
    "Index",
    "Hemeroteca Shell",
    "中国银行",
    "Банк России",
    "Cooperativa Zeta",
    "COOPERATIVA ZETA",
    "Foo Page 2",
    "Foo",
]


def test_every_actor_gets_its_own_page_and_the_site_keeps_its_own(archive: Project) -> None:
    from hemeroteca import build

    actors = [{"name": name, "type": "organization"} for name in COLLIDING_ACTORS]
    edit_record(archive, 0, actors=actors[:4])
    edit_record(archive, 1, actors=actors[4:])
    build(archive)
    folder = archive.site_dir / "browse" / "actors"
    overview = (folder / "index.html").read_text(encoding="utf-8")
    assert 'id="actors"' in overview or "<h1" in overview and "Actors" in overview
    headings = {}
    for page in sorted(folder.glob("*.html")):
        if page.stem == "index":
            continue
        heading = re.search(r'<h1 id="title">(.*?)</h1>', page.read_text(encoding="utf-8"), re.DOTALL)
        assert heading, page.name
        headings[page.stem] = html.unescape(heading.group(1))
    assert sorted(h.split(" (")[0] for h in headings.values()) == sorted(COLLIDING_ACTORS), headings
    for name in COLLIDING_ACTORS:  # each linked from the overview
        (stem,) = [s for s, h in headings.items() if h.split(" (")[0] == name]
        assert f"{stem}.html" in overview
    assert {"bank-rossii", "zhongguoyinxing"} <= set(headings)


def test_slugs_are_unique_never_reserved_and_deterministic() -> None:
    from hemeroteca.render.links import facet_slugs, reserved_name

    keys = ["index", "index-page-3", "hemeroteca-shell", "x-page-2", "x-undated", "a b", "A-B", "a.b", "pe"]
    slugs = facet_slugs(keys)
    assert len(set(slugs.values())) == len(keys)
    # No value's page may be named like another's later page (x-page-2) or undated pages (x-undated-page-1).
    assert not any(reserved_name(s) or re.fullmatch(r".*-(page-\d+|undated)", s) for s in slugs.values())
    assert slugs["pe"] == "pe"  # a value whose name is free keeps the plain slug
    assert facet_slugs(reversed(keys)) == slugs


def test_a_reserved_article_id_is_refused_by_check(archive: Project) -> None:
    (seed,) = [p for p in archive.seeds_dir.iterdir() if p.name.startswith("000_")]
    record = list_record_paths(archive)[0]
    seed.rename(archive.seeds_dir / "hemeroteca-shell.txt")
    meta = dict(read(record).meta)
    meta["id"] = "hemeroteca-shell"
    meta["source"] = {**meta["source"], "path": "seeds/hemeroteca-shell.txt"}
    (archive.archive_dir / "hemeroteca-shell.md").write_text(
        serialise(meta, read(record).body), encoding="utf-8"
    )
    record.unlink()
    problems = [p for p in check(archive) if p.severity == "error"]
    assert [(p.path, p.field) for p in problems] == [("archive/hemeroteca-shell.md", "id")], problems


# --- 8. interrupted and failing builds ------------------------------------------------------------

SITE_VOLATILE = frozenset({"sitemap.xml", "sitemap.xml.gz", "404.html"})


def site_digest(project: Project) -> dict[str, str]:
    """Every file of site/ by its path in site/ (the dated sitemap and 404 page aside)."""
    return tree_digest(project.site_dir, leave_out=SITE_VOLATILE)


def _disk_fills_after(writes: int, monkeypatch: pytest.MonkeyPatch, *, torn: bool = False) -> None:
    """Every file write past the first ``writes`` fails as a full disk does (after writing
    nothing when ``torn``: the 0-byte file a kill or a full disk leaves where it was writing,
    which for ``write_atomic`` is its temporary file beside the target, never the target)."""
    import errno
    import shutil as shutil_module

    import hemeroteca.fileio as fileio
    from hemeroteca import shell
    from hemeroteca.errors import HemerotecaError
    from hemeroteca.render import writer

    count = {"n": 0}

    def full(path: object) -> None:
        count["n"] += 1
        if count["n"] > writes:
            if torn:
                Path(str(path)).write_bytes(b"")
            raise OSError(errno.ENOSPC, "No space left on device")

    real_copyfile, real_atomic, real_new = shutil_module.copyfile, fileio.write_atomic, fileio.write_new

    def copyfile(src: str, dst: str, **kw: object) -> str:
        full(dst)
        return real_copyfile(src, dst, **kw)

    def write_atomic(path: Path, data: object, **kw: object) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        full(path.parent / f".{path.name}.torn.tmp")
        real_atomic(path, data, **kw)

    def write_new(path: str | Path, data: str | bytes) -> object:
        """A new generated file is written in place: torn, it is the target itself that is left empty."""
        if not Path(path).exists():
            try:
                full(path)
            except OSError as exc:
                raise HemerotecaError(path, f"cannot write the file: {exc.strerror}") from exc
        return real_new(path, data)

    monkeypatch.setattr(shutil_module, "copyfile", copyfile)
    monkeypatch.setattr(fileio, "write_atomic", write_atomic)
    for module in (fileio, writer, shell):  # imported by name where new pages are written
        monkeypatch.setattr(module, "write_new", write_new)


@pytest.mark.parametrize("dirty", [False, True])
def test_a_full_disk_during_a_build_leaves_the_previous_site_whole(
    archive: Project, monkeypatch: pytest.MonkeyPatch, dirty: bool
) -> None:
    from hemeroteca import HemerotecaError, build

    build(archive)
    before = site_digest(archive)
    edit_record(archive, 0, title="A new headline for the page")
    for path in (archive.docs_dir / "search-index").iterdir():  # every shard copied again
        path.touch()
    with monkeypatch.context() as patched:
        _disk_fills_after(40, patched, torn=True)
        with pytest.raises(HemerotecaError):
            build(archive, dirty=dirty)
    assert site_digest(archive) == before  # not one file lost, torn or half-updated
    build(archive, dirty=True)
    fresh = Project.at(archive.root.parent / "fresh")
    shutil.copytree(archive.root, fresh.root, ignore=shutil.ignore_patterns("site", ".cache", ".site.*"))
    build(fresh)
    assert site_digest(archive) == site_digest(fresh)  # the next dirty build catches up fully


@pytest.mark.parametrize("dirty", [False, True])
def test_generated_files_linked_into_the_site_keep_the_version_it_was_built_with(
    archive: Project, dirty: bool
) -> None:
    from hemeroteca import build, render

    build(archive)
    generated = (archive.docs_dir / ".generated").read_text(encoding="utf-8").splitlines()
    search_files = [rel for rel in generated if rel.startswith("search-index/") and rel.endswith(".js")]
    assert search_files
    linked = [rel for rel in search_files if (archive.site_dir / rel).samefile(archive.docs_dir / rel)]
    assert linked == search_files  # hard links, not copies
    before = site_digest(archive)
    edit_record(archive, 0, title="Zyxwvut headline")
    render(archive)  # docs/ changes; site/ must not, until the next build
    assert site_digest(archive) == before
    build(archive, dirty=dirty)
    assert site_digest(archive) != before
    fresh = Project.at(archive.root.parent / "fresh")
    shutil.copytree(archive.root, fresh.root, ignore=shutil.ignore_patterns("site", ".cache", ".site.*"))
    build(fresh)
    assert site_digest(archive) == site_digest(fresh)


def test_a_search_shard_whose_name_holds_a_space_reaches_the_site(
    archive: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shards are named by a prefix of their terms, and an actor's term holds spaces: once a
    big archive splits its shards that far, the manifest must keep such a name whole."""
    from hemeroteca import build
    from hemeroteca.render import search_index

    monkeypatch.setattr(search_index, "SPLIT_BYTES", 40)  # split every crowded prefix to the end
    build(archive)
    manifest = (archive.docs_dir / ".generated").read_text(encoding="utf-8").splitlines()
    spaced = [rel for rel in manifest if rel.startswith("search-index/t-") and " " in rel]
    assert spaced
    for rel in spaced:
        assert (archive.site_dir / rel).read_bytes() == (archive.docs_dir / rel).read_bytes()
    build(archive, dirty=True)  # and the next build reads the same manifest back
    assert all((archive.site_dir / rel).is_file() for rel in spaced)


def test_flipped_bytes_in_the_cache_give_no_false_error_and_no_stale_page(archive: Project) -> None:
    import random

    from hemeroteca import build

    build(archive)
    problems = check(archive)
    site = site_digest(archive)
    rng = random.Random(12)
    stores = sorted((archive.root / ".cache").rglob("*.pickle"))
    assert stores
    for _ in range(40):
        store = rng.choice(stores)
        data = bytearray(store.read_bytes())
        at = rng.randrange(len(data))
        data[at] ^= 1 << rng.randrange(8)
        store.write_bytes(bytes(data))
    assert check(archive) == problems
    build(archive, dirty=True)
    assert site_digest(archive) == site


def test_killing_build_ingest_and_add_at_random_loses_nothing(tmp_path: Path) -> None:
    """The fault-injection script at 2 kills per command (the script's default is 30)."""
    counts = _script("fault_injection").run(kills=2, seed=3, work=tmp_path, say=lambda line: None)
    assert set(counts) >= {"build", "ingest", "add"}
