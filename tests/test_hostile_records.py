"""Hostile records and hard faults on the records side (issue 12, points 1, 2, 4, 5 and 9).

Each test plays what a stranger's pull request or a harsh machine could do, and asserts
the project's promise: one line naming the file (and line and field), exit 1, nothing
else touched, and never a file written outside its folder or a secret printed.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hemeroteca.catalogue.check import check
from hemeroteca.catalogue.ingest import ingest
from hemeroteca.catalogue.record import parse, read, serialise
from hemeroteca.catalogue.review import mark_reviewed
from hemeroteca.cli import main
from hemeroteca.errors import HemerotecaError
from hemeroteca.project import Project
from hemeroteca.render.writer import render

from .conftest import copy_project_skeleton

SECRET = "TOKEN-5f3a9c-never-print-me"
# Two short articles written for these tests (not taken from seeds/ or the evaluation sets).
SEEDS = {
    "000_aaaaaaaaaaaaaaaa.txt": "Cooperativas de café abren una planta en Cusco\n\n"
    "Lima, 12 de marzo de 2021. Las cooperativas cafetaleras del Perú inauguraron una planta "
    "de secado en Cusco con apoyo del gobierno regional.\n\n"
    "La planta procesará el grano de cuatrocientas familias productoras.\n",
    "001_bbbbbbbbbbbbbbbb.txt": "Small firms in Chile export more fruit\n\n"
    "Santiago, 4 May 2022. Small and medium-sized exporters in Chile shipped more fresh fruit "
    "this season, the trade association said on Wednesday.\n\n"
    "Growers credited new routes to Asian ports.\n",
}
FIRST, SECOND = (name[:-4] for name in SEEDS)


def _tree(*folders: Path) -> dict[str, str]:
    """Every file under ``folders`` (links as their target's name, never read) and its hash."""
    out = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.exists() else ():
            if path.is_symlink():
                out[path.as_posix()] = "link"
            elif path.is_file():
                out[path.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _make(root: Path) -> Project:
    project = copy_project_skeleton(root, seeds=False)
    for name, text in SEEDS.items():
        (project.seeds_dir / name).write_text(text, encoding="utf-8")
    ingest(project)
    return project


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return _make(tmp_path_factory.mktemp("hostile") / "proj")


@pytest.fixture
def proj(pristine: Project, tmp_path: Path) -> Project:
    """A fresh copy of a small ingested project, beside a folder holding a secret file."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    (outside / "secret.json").write_text(f'{{"token": "{SECRET}"}}\n', encoding="utf-8")
    shutil.copytree(pristine.root, tmp_path / "proj", symlinks=True)
    return Project.at(tmp_path / "proj")


def cli(project: Project, *args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--root", str(project.root)], catch_exceptions=True)


def one_error(result: Result) -> str:
    """The single ``error:`` line a refused command prints; fails on a traceback or a crash."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.output
    return errors[0]


# --- 1. links and special files are never read -------------------------------------------------


def test_symlinks_and_special_files_are_refused_by_every_command_and_by_check(proj: Project) -> None:
    secret = proj.root.parent / "outside"
    before = _tree(proj.archive_dir, proj.seeds_dir)
    (proj.seeds_dir / "005_deadbeefdeadbeef.txt").symlink_to(secret / "secret.txt")
    for command in (("ingest",), ("render",), ("build",), ("add", str(secret / "secret.txt"))):
        line = one_error(cli(proj, *command))
        assert "seeds/005_deadbeefdeadbeef.txt" in line and "symbolic link" in line, command
        assert SECRET not in line
    assert _tree(proj.archive_dir) == {k: v for k, v in before.items() if "/archive/" in k}
    assert not proj.docs_dir.joinpath("articles").exists() and not proj.site_dir.exists()
    (proj.seeds_dir / "005_deadbeefdeadbeef.txt").unlink()

    # A link in docs/ would be copied into site/; in the authority files, printed by CI.
    (proj.docs_dir / "cfg.txt").symlink_to(secret / "secret.txt")
    authority = proj.authorities_dir / "actors.yaml"
    authority.unlink()
    authority.symlink_to(secret / "secret.json")
    os.mkfifo(proj.seeds_dir / "009_cafecafecafecafe.txt")
    for fmt in ("text", "github"):
        result = cli(proj, "check", "--format", fmt)
        assert result.exit_code == 1 and SECRET not in result.output
        named = result.output
        for rel in ("docs/cfg.txt", "archive/authorities/actors.yaml", "seeds/009_cafecafecafecafe.txt"):
            assert rel in named, (fmt, named)
    assert "symbolic link" in named and "not a regular file" in named
    one_error(cli(proj, "build"))
    assert not (proj.site_dir / "cfg.txt").exists()
    with pytest.raises(HemerotecaError, match="only regular files"):
        mark_reviewed(proj, FIRST)


def test_add_reads_no_link_and_leaves_one_in_docs_to_the_commands_that_publish(proj: Project) -> None:
    secret = proj.root.parent / "outside"
    (proj.docs_dir / "cfg.txt").symlink_to(secret / "secret.txt")
    new = proj.root.parent / "new.txt"
    new.write_text("Una cooperativa de Caldas exportó 40 toneladas de café a Japón.\n", encoding="utf-8")
    assert cli(proj, "add", str(new)).exit_code == 0  # add does not walk docs/: it publishes nothing
    line = one_error(cli(proj, "build"))
    assert "docs/cfg.txt" in line and "symbolic link" in line and SECRET not in line
    (proj.archive_dir / "x.md").symlink_to(secret / "secret.txt")  # but what add reads, it looks at
    line = one_error(cli(proj, "add", str(new)))
    assert "archive/x.md" in line and "symbolic link" in line


# --- 2. nothing is written outside its folder, whatever a record says ---------------------------


def test_paths_from_records_and_manifests_stay_inside_their_folders(proj: Project) -> None:
    victim = proj.archive_dir / f"{FIRST}.md"
    text = victim.read_text(encoding="utf-8")
    hostile = text.replace(f"id: {FIRST}", f"id: ../../archive/{FIRST}")
    (proj.archive_dir / "x.md").write_text(hostile, encoding="utf-8")
    line = one_error(cli(proj, "render"))
    assert "archive/x.md" in line and "id" in line
    assert victim.read_text(encoding="utf-8") == text
    (proj.archive_dir / "x.md").unlink()

    # docs/.generated is a file a pull request can change: render deletes what it lists.
    assert cli(proj, "render").exit_code == 0
    manifest = proj.docs_dir / ".generated"
    manifest.write_text(manifest.read_text() + f"../archive/{FIRST}.md\n", encoding="utf-8")
    line = one_error(cli(proj, "render"))
    assert "outside docs/" in line
    assert victim.read_text(encoding="utf-8") == text
    from hemeroteca.publish import build_site

    with pytest.raises(HemerotecaError, match="outside docs/"):  # the site step reads it too
        build_site(proj)
    assert victim.read_text(encoding="utf-8") == text

    # review only ever changes a file of archive/.
    elsewhere = proj.root.parent / "outside" / "elsewhere.md"
    elsewhere.write_text(text, encoding="utf-8")
    for ref in (str(elsewhere), f"../outside/{FIRST}", "../../etc/passwd"):
        assert one_error(cli(proj, "review", ref))
    assert elsewhere.read_text(encoding="utf-8") == text

    from hemeroteca.fileio import inside, plain_path

    folder = proj.docs_dir
    for rel in ("../x.md", "a/../../x.md", "/etc/passwd", "", "a\0b"):
        with pytest.raises(HemerotecaError):
            inside(folder, rel)
        assert not plain_path(rel)
    assert plain_path("search-index/a/12.js") and not plain_path("a//b") and not plain_path("a/./b")
    (folder / "linked").symlink_to(proj.archive_dir)
    with pytest.raises(HemerotecaError, match="link"):
        inside(folder, "linked/x.md")
    assert inside(folder, "articles/a.md") == folder / "articles" / "a.md"


# --- 4. the front matter is found by its real boundaries, by every reader and writer ------------


def test_front_matter_boundaries_keep_hand_edits_and_line_ends(proj: Project) -> None:
    # A body paragraph that starts "fingerprint:" is text: an edit there is a hand edit.
    path = proj.archive_dir / f"{FIRST}.md"
    edited = path.read_text(encoding="utf-8").rstrip("\n") + "\n\nfingerprint: corrected by hand\n"
    path.write_text(edited, encoding="utf-8")
    assert cli(proj, "ingest", "--force").exit_code == 0
    assert path.read_text(encoding="utf-8") == edited

    # A quoted title wrapped so that a line starts with '---' or 'review:'.
    path = proj.archive_dir / f"{SECOND}.md"
    title_yaml = '"Small firms in Chile\n---and more\nreview: fruit"'
    text = path.read_text(encoding="utf-8")
    quoted = next(line for line in text.splitlines() if line.startswith("title:"))
    text = text.replace(quoted, f"title: {title_yaml}")
    crlf = text.replace("\n", "\r\n")
    path.write_bytes(crlf.encode("utf-8"))
    title = read(path).meta["title"]
    assert title == "Small firms in Chile ---and more review: fruit"
    result = cli(proj, "review", SECOND)
    assert result.exit_code == 0, result.output
    after = path.read_bytes().decode("utf-8")
    assert after.count("\r\n") == after.count("\n"), "review turned CRLF into LF"
    reread = read(path)
    assert reread.review == "reviewed" and reread.meta["title"] == title
    changed = [(a, b) for a, b in zip(crlf.split("\r\n"), after.split("\r\n"), strict=False) if a != b]
    assert changed[0] == ("review: auto", "review: reviewed")


# --- 5. bad records and a harsh machine: one line, exit 1, nothing touched ----------------------

LAUGHS = "lol0: &a0 [lol]\n" + "".join(
    f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)
)
LIST_FIELD = r"^{}:.*\n(?:[ -].*\n)*"


def _wrong_types(text: str) -> str:
    for field, value in (("tags", "5"), ("countries", "PE"), ("actors", "{name: x}")):
        text = re.sub(LIST_FIELD.format(field), f"{field}: {value}\n", text, count=1, flags=re.MULTILINE)
    return text.replace("\nreview:", "\nuncertain: 7\nreview:", 1)


BAD_RECORDS = {
    "billion laughs": (lambda t: t.replace("\nreview:", f"\n{LAUGHS}review:", 1), "aliases"),
    "wrong types": (_wrong_types, "tags"),
    "duplicate key": (
        lambda t: t.replace("\nreview:", "\ntitle: Other\nreview:", 1),
        "title: field given twice",
    ),
    "non-text key": (lambda t: t.replace("\nreview:", "\n5: five\nreview:", 1), "not text"),
    "deep nesting": (
        lambda t: t.replace("\nreview:", "\nx: " + "[" * 40 + "]" * 40 + "\nreview:", 1),
        "nested",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_RECORDS))
def test_bad_records_give_one_line_in_check_review_and_render(proj: Project, case: str) -> None:
    make, expected = BAD_RECORDS[case]
    path = proj.archive_dir / f"{FIRST}.md"
    path.write_text(make(path.read_text(encoding="utf-8")), encoding="utf-8")
    before = _tree(proj.archive_dir, proj.seeds_dir, proj.docs_dir)
    started = time.monotonic()
    result = cli(proj, "check")
    assert time.monotonic() - started < 20
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = [line for line in result.output.splitlines() if line.startswith(f"archive/{FIRST}.md:")]
    assert any(expected in line for line in lines), result.output
    assert all(line.split(":")[1].isdigit() for line in lines)  # each names its line
    for command in (("review", FIRST), ("review", "--list"), ("render",)):
        result = cli(proj, *command)
        if command[1:] == ("--list",):
            assert result.exit_code == 0 and result.exception is None, result.output
        else:
            assert f"archive/{FIRST}.md:" in one_error(result)
    assert _tree(proj.archive_dir, proj.seeds_dir, proj.docs_dir) == before


@pytest.mark.parametrize("shape", ["store is a folder", "cache is a file", "cache is a dangling link"])
def test_a_damaged_cache_folder_is_worked_around(proj: Project, shape: str) -> None:
    cache = proj.cache_dir
    shutil.rmtree(cache, ignore_errors=True)
    cache.parent.mkdir(parents=True, exist_ok=True)
    if shape == "store is a folder":
        (cache / "record-headers.pickle").mkdir(parents=True)
    elif shape == "cache is a file":
        cache.write_text("not a folder", encoding="utf-8")
    else:
        cache.symlink_to(proj.root / "nowhere")
    before = _tree(proj.archive_dir, proj.seeds_dir)
    for command in (("check",), ("review", "--list"), ("render",)):
        result = cli(proj, *command)
        assert result.exit_code == 0 and result.exception is None, (command, result.output)
    assert _tree(proj.archive_dir, proj.seeds_dir) == before


def test_check_runs_in_a_read_only_checkout(proj: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, whom chmod does not stop: every new file fails as on a read-only mount.
    import tempfile

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    shutil.rmtree(proj.root / ".cache", ignore_errors=True)
    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    result = cli(proj, "check")
    assert result.exit_code == 0 and "2 records valid" in result.output, result.output
    line = one_error(cli(proj, "review", FIRST))
    assert f"archive/{FIRST}.md" in line and "Read-only file system" in line


def test_a_full_disk_gives_one_line_and_leaves_the_archive_whole(
    proj: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hemeroteca import fileio

    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd: int, mode: str) -> None:
            self._file = real_fdopen(fd, mode)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self._file.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    new = tmp_path / "new.txt"
    new.write_text(SEEDS["001_bbbbbbbbbbbbbbbb.txt"].replace("Chile", "Peru"), encoding="utf-8")
    before = _tree(proj.archive_dir, proj.seeds_dir)
    monkeypatch.setattr(fileio.os, "fdopen", Full)
    for command in (("add", str(new)), ("review", FIRST)):
        line = one_error(cli(proj, *command))
        assert "No space left on device" in line, line
        assert "seeds/" in line or "archive/" in line
    assert _tree(proj.archive_dir, proj.seeds_dir) == before  # no temporary file left either


# --- 9. one writer of the archive at a time ----------------------------------------------------


def _start_add(project: Project, article: Path) -> subprocess.Popen[str]:
    """``hemeroteca add`` in a process of its own, waiting for the archive as long as it takes:
    on a loaded machine two adds before it may take longer than the usual minute."""
    code = "import sys; from hemeroteca.catalogue import store; from hemeroteca.cli import main\n"
    code += "store.LOCK_WAIT = 600.0\nsys.exit(main())"
    return subprocess.Popen(
        [sys.executable, "-c", code, "add", str(article), "--root", str(project.root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _has_open(pid: int, folder: Path) -> int | None:
    """The descriptor on which the process holds ``folder`` open, if it does (Linux's /proc)."""
    fds = Path(f"/proc/{pid}/fd")
    for fd in fds.iterdir() if fds.is_dir() else ():
        try:
            if os.readlink(fd) == str(folder):
                return int(fd.name)
        except OSError:  # closed meanwhile
            continue
    return None


def _wait_until_all_wait_for(folder: Path, running: list[subprocess.Popen[str]]) -> None:
    """Return once each process has stood at the archive's lock (its descriptor on ``folder``, the
    one ``archive_lock`` flocks, open at two looks in a row: a listing of the folder is shorter)."""
    deadline = time.monotonic() + 300
    seen: dict[int, int | None] = {}
    while True:
        now = {p.pid: _has_open(p.pid, folder) for p in running}
        if all(fd is not None and seen.get(pid) == fd for pid, fd in now.items()):
            return
        finished = [p.args for p in running if p.poll() is not None]
        assert not finished, f"an add ended while another command held the archive: {finished}"
        assert time.monotonic() < deadline, f"the adds never reached the archive's lock: {now}"
        seen = now
        time.sleep(0.1)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="watches the adds through /proc")
def test_concurrent_adds_get_distinct_numbers(proj: Project, tmp_path: Path) -> None:
    from hemeroteca.catalogue.store import archive_lock

    articles = []
    for index, country in enumerate(("Peru", "Bolivia", "Ecuador")):
        article = tmp_path / f"in{index}.txt"
        article.write_text(SEEDS["001_bbbbbbbbbbbbbbbb.txt"].replace("Chile", country), encoding="utf-8")
        articles.append(article)
    # Three adds at once, started while another command holds the archive: they wait for it,
    # then take turns, each numbering its article one past the highest in seeds/.
    archive = proj.archive_dir.resolve()
    with archive_lock(proj):
        running = [_start_add(proj, article) for article in articles]
        _wait_until_all_wait_for(archive, running)
        assert all(p.poll() is None for p in running)
        assert len(os.listdir(proj.seeds_dir)) == 2
    for process in running:
        _, err = process.communicate(timeout=900)
        assert process.returncode == 0, err
    numbers = sorted(name.split("_")[0] for name in os.listdir(proj.seeds_dir))
    assert numbers == ["000", "001", "002", "003", "004"]
    assert [p for p in check(proj) if p.severity == "error"] == []


def test_a_writer_that_waits_too_long_is_refused_with_one_line(
    proj: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from hemeroteca.project import Project; "
            "from hemeroteca.catalogue.store import archive_lock\n"
            f"with archive_lock(Project.at({str(proj.root)!r})):\n"
            "    print('held', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        from hemeroteca.catalogue import store

        monkeypatch.setattr(store, "LOCK_WAIT", 0.3)
        line = one_error(cli(proj, "review", FIRST))
        assert "archive/" in line and "another hemeroteca command" in line
        assert read(proj.archive_dir / f"{FIRST}.md").review == "auto"
    finally:
        holder.kill()
        holder.wait()


def test_serialise_never_writes_yaml_aliases() -> None:
    shared = ["PE"]
    text = serialise({"id": "x", "countries": shared, "tags": shared}, "body")
    assert "&" not in text.split("---")[1] and "*" not in text.split("---")[1]


def test_authority_files_are_held_to_the_same_yaml_rules(proj: Project) -> None:
    actors = proj.authorities_dir / "actors.yaml"
    laughs = "".join(
        f"- name: Laugh {i}\n  type: organization\n"
        f"  aliases: &a{i} [{', '.join([f'*a{i - 1}'] * 9) if i else 'lol'}]\n"
        for i in range(9)
    )
    actors.write_text(actors.read_text(encoding="utf-8") + laughs, encoding="utf-8")
    started = time.monotonic()
    result = cli(proj, "check")
    assert time.monotonic() - started < 20 and result.exit_code == 1, result.output
    assert "archive/authorities/actors.yaml:" in result.output and "aliases" in result.output
    assert "archive/authorities/actors.yaml" in one_error(cli(proj, "render"))


# --- fuzzing: random front matter through check, review and render ----------------------------

FIELDS = ("id", "title", "date", "language", "countries", "actors", "tags", "source", "review", "uncertain")
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(("PE", "es", "x")),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
# Things a hand or a tool could do to the text that a YAML dumper never would.
_MUTATIONS = {
    "alias": lambda t: t.replace("\nreview:", "\nzz: &x [1, 2]\nzy: *x\nreview:", 1),
    "duplicate": lambda t: t.replace("\nreview:", "\nreview: auto\nreview:", 1),
    "dashes": lambda t: t.replace("\ntitle: ", "\ntitle: '\n---\n", 1),
    "wrapped": lambda t: re.sub(r"^title: .*$", 'title: "A\n---and more\nreview: c"', t, count=1, flags=re.M),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "bom": lambda t: "\ufeff" + t,
    "tab": lambda t: t.replace("\nlanguage:", "\n\tlanguage:", 1),
    "nul": lambda t: t.replace("title: ", "title: \0", 1),
    "unclosed": lambda t: t.replace("\n---\n", "\n", 1) if t.count("\n---\n") else t,
    "fingerprint body": lambda t: t + "\nfingerprint: 0\n",
}


@pytest.fixture(scope="module")
def fuzz_project(pristine: Project, tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, str]:
    """A copy of the small project beside a folder of its own, and the text of the record fuzzed."""
    root = tmp_path_factory.mktemp("fuzz")
    (root / "outside").mkdir()
    (root / "outside" / "keep.txt").write_text("untouched\n", encoding="utf-8")
    shutil.copytree(pristine.root, root / "proj", symlinks=True)
    project = Project.at(root / "proj")
    return project, (project.archive_dir / f"{FIRST}.md").read_text(encoding="utf-8")


def _guarded(project: Project) -> dict[str, str]:
    """Every file the commands must leave alone: all but docs/, site/, .cache/ and the fuzzed record."""
    free = [str(project.docs_dir), str(project.site_dir), str(project.root / ".cache")]
    fuzzed = str(project.archive_dir / f"{FIRST}.md")
    return {
        path: digest
        for path, digest in _tree(project.root.parent).items()
        if path != fuzzed and not any(path == f or path.startswith(f + "/") for f in free)
    }


def _meta_or_none(text: str) -> dict | None:
    try:
        return parse(text.replace("\r\n", "\n")).meta
    except HemerotecaError:
        return None


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    changes=st.dictionaries(
        st.sampled_from(FIELDS) | st.sampled_from(FIELDS) | st.text(max_size=6), _values, max_size=4
    ),
    mutations=st.lists(st.sampled_from(sorted(_MUTATIONS)), max_size=3),
    encoding=st.sampled_from(("utf-8", "utf-8", "utf-16", "latin-1")),
    body=st.text(max_size=200),
)
def test_fuzzed_records_never_crash_and_never_write_outside(
    fuzz_project: tuple[Project, str], changes: dict, mutations: list[str], encoding: str, body: str
) -> None:
    project, pristine_text = fuzz_project
    target = project.archive_dir / f"{FIRST}.md"
    meta = parse(pristine_text).meta | changes
    try:
        text = serialise(meta, body or "text")
    except (ValueError, yaml.YAMLError):  # a value PyYAML cannot write (a surrogate): nothing to fuzz
        return
    for name in mutations:
        text = _MUTATIONS[name](text)
    target.write_bytes(text.encode(encoding, errors="replace"))
    before_meta = _meta_or_none(target.read_bytes().decode("utf-8", errors="replace"))
    before = _guarded(project)
    try:
        assert isinstance(check(project), list)
        try:
            mark_reviewed(project, FIRST)
        except HemerotecaError:
            pass
        else:  # marked: the review line changed, the tool's doubts went, nothing else did
            after = read(target)
            assert after.review == "reviewed" and before_meta is not None
            kept = {k: v for k, v in before_meta.items() if k not in ("review", "uncertain")}
            assert {k: v for k, v in after.meta.items() if k != "review"} == kept
        with contextlib.suppress(HemerotecaError):
            render(project)
        assert _guarded(project) == before
    finally:
        target.write_text(pristine_text, encoding="utf-8")


class _Runs:
    """A pickle that runs code when loaded: what a pull request could commit under .cache/."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "ran"))


def test_a_cache_file_from_a_pull_request_is_never_unpickled(proj: Project) -> None:
    import pickle

    marker = proj.root.parent / "ran.txt"
    proj.cache_dir.mkdir(parents=True, exist_ok=True)
    for name in ("record-headers", "record-problems", "seed-sha256"):
        (proj.cache_dir / f"{name}.pickle").write_bytes(pickle.dumps(_Runs(marker)))
    result = cli(proj, "check")
    assert result.exit_code == 0, result.output
    assert not marker.exists()
