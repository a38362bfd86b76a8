"""Builds after a change, served partly from .cache/hemeroteca/, equal builds from scratch."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from hemeroteca.cache import Store, code_fingerprint, load_value, save_value
from hemeroteca.catalogue.add import add
from hemeroteca.catalogue.check import check
from hemeroteca.catalogue.record import read
from hemeroteca.catalogue.review import mark_reviewed
from hemeroteca.catalogue.store import list_record_paths, load_records
from hemeroteca.project import Project
from hemeroteca.publish import build
from hemeroteca.render import writer
from hemeroteca.render.links import _relative

from .conftest import REPO, copy_project_skeleton
from .test_pipeline import tree_digest

NEW_ARTICLES = sorted((REPO / "eval" / "heldout" / "articles").glob("*.txt"))[:2]


def _same_archive(source: Project, target: Path) -> Project:
    """A fresh project holding ``source``'s seeds and records, nothing built."""
    copy = copy_project_skeleton(target, seeds=False)
    shutil.rmtree(copy.archive_dir)
    shutil.copytree(source.archive_dir, copy.archive_dir)
    shutil.copytree(source.seeds_dir, copy.seeds_dir, dirs_exist_ok=True)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("parallel", [False, True], ids=["sequential", "forked-search"])
def test_dirty_builds_after_changes_equal_a_build_from_scratch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    monkeypatch.setattr(writer, "PARALLEL_FROM", 0 if parallel else 10**9)
    project = copy_project_skeleton(tmp_path / "a")
    build(project)
    # One new article, then a person's edits: a record corrected and reviewed, an authority alias.
    assert add(project, NEW_ARTICLES[:1]).added
    build(project, dirty=True)
    first = list_record_paths(project)[0]
    _edit(first, "title: ", "title: Corrected ")
    mark_reviewed(project, first.stem)
    _edit(project.authorities_dir / "actors.yaml", "  aliases: [", "  aliases: [Zeta Alias Q, ")
    assert add(project, NEW_ARTICLES[1:2]).added
    build(project, dirty=True)
    # A record removed with its seed.
    last = list_record_paths(project)[-1]
    os.remove(project.root / read(last).meta["source"]["path"])
    last.unlink()
    build(project, dirty=True)

    scratch = _same_archive(project, tmp_path / "b")
    build(scratch)
    assert tree_digest(project.docs_dir) == tree_digest(scratch.docs_dir)
    assert tree_digest(project.site_dir) == tree_digest(scratch.site_dir)


def test_a_dirty_build_makes_only_the_term_shards_of_what_changed(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hemeroteca.render import search_index

    monkeypatch.setattr(writer, "PARALLEL_FROM", 10**9)  # the index in this process, to count
    build(project)
    whole: list[int] = []
    real_shards = search_index._shards
    monkeypatch.setattr(search_index, "_shards", lambda *args: whole.append(1) or real_shards(*args))
    shards = sorted((project.docs_dir / "search-index").glob("t-*.js"))
    victim = shards[len(shards) // 2]
    assert add(project, NEW_ARTICLES[:1]).added
    build(project, dirty=True)
    assert whole == []  # the new article's terms' shards were read back and changed, none made whole
    victim.write_text("damaged", encoding="utf-8")  # a shard the last build wrote, changed since
    assert add(project, NEW_ARTICLES[1:2]).added
    build(project, dirty=True)
    scratch = _same_archive(project, tmp_path / "b")
    build(scratch)
    assert tree_digest(project.docs_dir) == tree_digest(scratch.docs_dir)
    assert tree_digest(project.site_dir) == tree_digest(scratch.site_dir)


def test_a_page_edited_or_deleted_in_docs_or_site_is_written_again(project: Project) -> None:
    build(project)
    article = sorted((project.docs_dir / "articles").glob("*.md"))[0]
    page = project.site_dir / "articles" / (article.stem + ".html")
    expected = article.read_bytes(), page.read_bytes()
    article.write_text("damaged", encoding="utf-8")
    page.unlink()
    build(project, dirty=True)
    assert (article.read_bytes(), page.read_bytes()) == expected


def test_an_export_changed_on_disk_is_made_whole_not_spliced(project: Project, tmp_path: Path) -> None:
    build(project)
    catalogue = project.docs_dir / "data" / "catalogue.json"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace('"title": "', '"title": "X', 1), encoding="utf-8")  # rows now elsewhere
    assert add(project, NEW_ARTICLES[:1]).added
    build(project, dirty=True)
    scratch = _same_archive(project, tmp_path / "b")
    build(scratch)
    for rel in ("data/catalogue.json", "data/catalogue.csv"):
        assert (project.docs_dir / rel).read_bytes() == (scratch.docs_dir / rel).read_bytes()
        assert (project.site_dir / rel).read_bytes() == (scratch.site_dir / rel).read_bytes()


def test_cached_front_matter_is_reread_when_the_record_changes(project: Project) -> None:
    build(project)
    path = list_record_paths(project)[0]
    _edit(path, "title: ", "title: Changed ")
    records, errors = load_records(project)
    assert not errors
    assert next(r for r in records if r.path == path).meta["title"].startswith("Changed ")


def test_an_edited_seed_is_reported_despite_the_remembered_hash(project: Project) -> None:
    build(project)
    seed = sorted(project.seeds_dir.iterdir())[0]
    seed.write_bytes(seed.read_bytes() + b"\nOne more line.\n")
    problems = [p for p in check(project) if p.field == "source.sha256"]
    assert len(problems) == 1 and "was the seed edited" in problems[0].message


def test_store_keeps_values_as_they_were_put_and_drops_what_a_run_did_not_use(tmp_path: Path) -> None:
    path = tmp_path / "c.pickle"
    store = Store(path)
    value = {"a": [1]}
    store.put("k1", value)
    store.put("k2", 2)
    value["a"].append(2)  # changing the object after put does not change the cache
    store.save()
    again = Store(path)
    assert again.get("k1") == {"a": [1]}
    again.save()  # k2 unused: pruned
    assert Store(path).get("k2") is None and Store(path).get("k1") == {"a": [1]}


def test_a_shared_store_keeps_the_parts_its_values_share(tmp_path: Path) -> None:
    path = tmp_path / "records.pickle"
    name = "".join(["Cooperativa", " Agraria"])  # one object, not a constant the compiler shares
    store = Store(path, shared=True)
    store.put("a", {"actor": name})
    store.put("b", {"actor": name})
    store.save()
    again = Store(path, shared=True)
    assert again.get("a") == {"actor": name}
    assert again.get("a")["actor"] is again.get("b")["actor"]  # one copy, as when put
    assert Store(path).get("a") is None  # a store of the other kind counts as empty
    Store(path).save()
    assert Store(path, shared=True).get("b") == {"actor": name}


def test_a_store_in_parts_writes_again_only_the_parts_that_changed(tmp_path: Path) -> None:
    path = tmp_path / "records.pickle"
    store = Store(path, shared=True, parts=4)
    for number in range(40):
        store.put(f"r{number}", (number, "text"))
    store.save()
    files = sorted(tmp_path.iterdir())
    assert [p.name for p in files] == [f"records.0{n}.pickle" for n in range(4)]
    written = {p: p.stat().st_mtime_ns for p in files}
    again = Store(path, shared=True, parts=4)
    assert all(again.get(f"r{number}") == (number, "text") for number in range(40))
    again.put("r40", (40, "text"))
    again.save()
    changed = [p for p in files if p.stat().st_mtime_ns != written[p]]
    assert changed == [again.file_of("r40")[0]]
    assert Store(path, shared=True, parts=4).get("r40") == (40, "text")
    # A part in another part's place (both signed by this tool) is refused, not misread.
    first, second = files[0].read_bytes(), files[1].read_bytes()
    files[1].write_bytes(first)
    moved = Store(path, shared=True, parts=4)
    found = [moved.file_of(f"r{n}")[0] for n in range(41) if moved.get(f"r{n}") is not None]
    assert files[1] not in found and files[0] in found
    files[1].write_bytes(second)
    assert Store(path, shared=True, parts=2).get("r0") is None  # split otherwise: another store


def test_store_from_other_code_or_damaged_counts_as_empty(tmp_path: Path) -> None:
    from hemeroteca.cache import _signer

    def signed(stored: dict) -> bytes:
        payload = pickle.dumps(stored)
        signer = _signer()
        signer.update(payload)
        return signer.digest() + payload

    path = tmp_path / "c.pickle"
    path.write_bytes(signed({"code": "another version", "entries": {"k": pickle.dumps(1)}}))
    assert Store(path).get("k") is None
    path.write_bytes(signed({"code": code_fingerprint(), "entries": {"k": pickle.dumps(1)}}))
    assert Store(path).get("k") == 1
    path.write_bytes(pickle.dumps({"code": code_fingerprint(), "entries": {"k": pickle.dumps(1)}}))
    assert Store(path).get("k") is None  # not signed with this user's key: never unpickled
    path.write_bytes(b"\x80\x05half a pickle")
    assert Store(path).get("k") is None


def test_a_large_value_is_saved_signed_and_never_unpickled_unsigned(tmp_path: Path) -> None:
    from hemeroteca.cache import _signer

    def _signature(payload: bytes) -> bytes:
        mac = _signer()
        mac.update(payload)
        return mac.digest()

    path = tmp_path / "state.pickle"
    save_value(path, {"postings": ["a"] * 1000})
    assert load_value(path) == {"postings": ["a"] * 1000}
    assert [p.name for p in tmp_path.iterdir()] == ["state.pickle"]  # no temporary file left
    forged = tmp_path.parent / f"{tmp_path.name}-ran"
    path.write_bytes(bytes(32) + pickle.dumps({"code": code_fingerprint(), "value": _Runs(forged)}))
    assert load_value(path) is None and not forged.exists()  # not signed with this user's key
    payload = pickle.dumps({"code": "another version", "value": 1})
    path.write_bytes(_signature(payload) + payload)
    assert load_value(path) is None
    path.write_bytes(b"short")
    assert load_value(tmp_path / "missing.pickle") is None and load_value(path) is None


class _Runs:
    """A pickle that runs code when loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.write_text, (self.marker, "ran"))


@pytest.mark.parametrize(
    ("to_path", "from_dir"),
    [
        ("articles/a.md", "."),
        ("articles/a.md", "browse/countries"),
        ("browse/countries/index.md", "browse/countries"),
        ("browse/years/2020.md", "browse/countries"),
        ("search-index/t-co.js", "articles"),
        ("index.md", "browse/actors"),
    ],
)
def test_relative_links_match_posixpath(to_path: str, from_dir: str) -> None:
    assert _relative(to_path, from_dir) == os.path.relpath(to_path, from_dir)


def test_articles_are_numbered_in_the_order_add_names_them() -> None:
    from hemeroteca.catalogue.numbering import added_order, seed_number

    ids = ["1000_aa", "by-hand", "999_ff", "001_zz", "0002_00", "another", "2019-report"]
    assert sorted(ids, key=added_order) == [
        "2019-report", "another", "by-hand", "001_zz", "0002_00", "999_ff", "1000_aa",
    ]
    # only the form add gives a seed is a number: a year at the start of a hand-made name is not
    assert [seed_number(i) for i in ("0002_00", "2019-report", "by-hand")] == [2, None, None]



def test_a_render_with_nothing_new_makes_no_article_search_file(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hemeroteca.catalogue.ingest import ingest
    from hemeroteca.render import search_index

    ingest(project)
    writer.render(project)
    made: list[str] = []
    real_text = search_index._text
    monkeypatch.setattr(search_index, "_text", lambda body: made.append(body) or real_text(body))
    before = tree_digest(project.docs_dir)
    writer.render(project)
    assert made == []  # every a/N.js on disk was written for the same article: none is made again
    assert tree_digest(project.docs_dir) == before
    # and a file removed behind the tool's back is made again, not trusted
    victim = project.docs_dir / "search-index" / "a" / "0.js"
    content = victim.read_bytes()
    victim.unlink()
    writer.render(project)
    assert victim.read_bytes() == content and len(made) == 1


def test_a_render_with_nothing_new_makes_no_term_shard_and_remakes_a_damaged_one(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hemeroteca.catalogue.ingest import ingest
    from hemeroteca.render import search_index

    ingest(project)
    writer.render(project)
    made: list[str] = []
    real_script = search_index._script

    def counted(call: str, *args: object) -> str:
        if call == "addShard":
            made.append(str(args[0]))
        return real_script(call, *args)

    monkeypatch.setattr(search_index, "_script", counted)
    before = tree_digest(project.docs_dir)
    writer.render(project)
    assert made == []  # each shard on disk was written from the same terms and entries
    assert tree_digest(project.docs_dir) == before
    victim = sorted((project.docs_dir / "search-index").glob("t-*.js"))[0]
    content = victim.read_bytes()
    victim.write_bytes(content[:-2] + b"  ")  # the same size, another time: not trusted
    writer.render(project)
    assert victim.read_bytes() == content and made == [victim.name[2:-3]]


def test_a_render_with_nothing_new_makes_no_browse_page(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hemeroteca.catalogue.ingest import ingest
    from hemeroteca.render import indexes

    ingest(project)
    writer.render(project)
    made: list[str] = []
    real_page = indexes._facet_page
    def counted(listed: object, here: str, *rest: object) -> str:
        made.append(here)
        return real_page(listed, here, *rest)

    monkeypatch.setattr(indexes, "_facet_page", counted)
    before = tree_digest(project.docs_dir)
    writer.render(project)
    assert made == []  # every browse page on disk was written from the same articles
    assert tree_digest(project.docs_dir) == before
    victim = project.docs_dir / "browse" / "languages" / "es.md"
    content = victim.read_bytes()
    victim.write_text("damaged", encoding="utf-8")
    writer.render(project)
    assert victim.read_bytes() == content and made == ["browse/languages/es.md"]


def _inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def test_a_dirty_build_moves_in_only_the_files_that_changed(project: Project, tmp_path: Path) -> None:
    build(project)
    before = _inodes(project.site_dir)
    assert add(project, NEW_ARTICLES[:1]).added
    build(project, dirty=True)
    after = _inodes(project.site_dir)
    replaced = {rel for rel in before.keys() & after.keys() if before[rel] != after[rel]}
    new = after.keys() - before.keys()
    assert any(rel.startswith("articles/") for rel in new)  # the new article's page
    # most of the site is the very same files, not copies or links remade
    assert len(replaced | new) < len(after) / 3
    assert not list(project.root.glob(".site.*"))
    scratch = _same_archive(project, tmp_path / "b")
    build(scratch)
    assert tree_digest(project.site_dir) == tree_digest(scratch.site_dir)


@pytest.mark.parametrize("damage", ["foreign entry", "an older site folder", "stopped while moving in"])
def test_a_dirty_build_after_damage_or_an_interruption_equals_a_full_one(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    from hemeroteca import sitedir

    build(project)
    if damage == "an older site folder":  # put back in place of the one the tool remembers
        shutil.copytree(project.site_dir, tmp_path / "older")
    assert add(project, NEW_ARTICLES[:1]).added
    if damage == "foreign entry":  # signed by this user, not of the shape the tool writes
        store = Store.open(project, sitedir.SiteState.NAME)
        site = sitedir.site_identity(project.site_dir)
        store.put("site", {"site": site, "pending": ["index.md"], "rendering": False, "shells": {}})
        store.save()
    elif damage == "an older site folder":
        build(project, dirty=True)
        shutil.rmtree(project.site_dir)
        shutil.move(tmp_path / "older", project.site_dir)
        assert add(project, NEW_ARTICLES[1:2]).added
    else:
        def stopped(site: Path, staged: Path, removed: list[str]) -> list[str]:
            first = next(p for p in sorted(staged.rglob("*")) if p.is_file())
            os.replace(first, site / first.relative_to(staged))
            raise KeyboardInterrupt

        with monkeypatch.context() as patched:
            patched.setattr("hemeroteca.publish.commit", stopped)
            with pytest.raises(KeyboardInterrupt):
                build(project, dirty=True)
    build(project, dirty=True)
    scratch = _same_archive(project, tmp_path / "b")
    build(scratch)
    assert tree_digest(project.site_dir) == tree_digest(scratch.site_dir)


def test_only_articles_near_a_change_can_get_a_new_page_key(tmp_path: Path) -> None:
    from hemeroteca.render.related import Neighbourhoods, affected

    from .test_hostile_build import _script

    synthetic = _script("synthetic")
    project = synthetic.skeleton(tmp_path / "proj")
    synthetic.write_archive(project, 300)
    before = writer.load_model(project)
    old_keys = {a.id: before.neighbours.page_key(a) for a in before.articles}
    # One new article, one record corrected and one removed, as after a pull request.
    synthetic.write_archive(project, 1, start=300)
    paths = list_record_paths(project)
    _edit(paths[100], "title: ", "title: Corrected ")
    paths[200].unlink()
    now = writer.load_model(project)
    near = affected(Neighbourhoods.of(before), Neighbourhoods.of(now))
    assert near is not None
    moved = {a.id for a in now.articles if now.neighbours.page_key(a) != old_keys.get(a.id)}
    assert moved <= near  # never a page left with its old related articles
    assert len(moved) > 3 and len(near) < len(now.articles) / 2  # and not every page made again
    assert affected(Neighbourhoods.of(now), Neighbourhoods.of(now)) == set()
    assert Neighbourhoods.valid(Neighbourhoods({"a": 1}, {})) is None  # type: ignore[dict-item]


def test_an_export_written_again_from_its_kept_rows_equals_one_made_whole(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from hemeroteca.render.exports import ROWS, Rows, row_pieces
    from hemeroteca.render.spliced import write_rows

    made: list[str] = []

    def row(article: SimpleNamespace) -> str:
        made.append(article.key)
        return f'{{"id": "{article.key}", "text": "{article.text}"}}'

    def model(*items: str) -> SimpleNamespace:
        articles = [SimpleNamespace(key=i, text=i.upper()) for i in items]
        return SimpleNamespace(articles=articles)

    path = tmp_path / "catalogue.json"
    for rows in (Rows("[\n", ",\n", "\n]\n", "[]\n", row), Rows("h,é\n", "", "", "h,é\n", row)):
        places = None
        for items in (
            ["a", "b", "c", "d", "e"],
            ["new", "a", "b", "c", "d", "e"],  # one added, first
            ["new", "a", "c", "d", "e", "last"],  # one gone, one added at the end
            ["new", "a", "c", "d:ñ", "e", "last"],  # one changed, so its key
            ["e", "d", "c"],  # reordered, two gone
            [],
            ["x"],
        ):
            whole = "".join(row_pieces(rows, model(*items)))
            made.clear()
            changed, size, places = write_rows(path, rows, model(*items), places)
            text = path.read_text(encoding="utf-8")
            assert text == whole
            assert size == len(text.encode("utf-8"))
            if items == ["new", "a", "b", "c", "d", "e"]:
                assert made == ["new"]  # the other rows come from the file
            data = path.read_bytes()
            for key, (start, length) in places.items():
                assert data[start : start + length].decode("utf-8").startswith(f'{{"id": "{key}"')
    assert set(ROWS) == {"data/catalogue.json", "data/catalogue.csv"}
