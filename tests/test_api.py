"""The Python API: `Project(path)` lists, filters, adds, reviews, checks and builds, as the CLI does."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import hemeroteca
from hemeroteca import Entry, HemerotecaError, Project
from hemeroteca.cli import main
from tests.conftest import REPO, copy_project_skeleton
from tests.test_add import PAGE

ARTICLE = (
    "Cooperativas de café de Honduras firman acuerdo de exportación\n\n"
    "Tegucigalpa, 15 de marzo de 2022\n\n"
    "Cinco cooperativas de café de Honduras firmaron un acuerdo con el Banco Interamericano "
    "de Desarrollo (BID) para exportar a Europa. El acuerdo beneficia a 3.000 productores.\n\n"
    "El BID financiará la certificación de las cooperativas, según informó la institución.\n"
)


@pytest.fixture
def archive(tmp_path: Path) -> Project:
    project = Project(str(copy_project_skeleton(tmp_path / "proj").root))
    project.ingest()
    return project


def test_a_project_from_a_string_path_is_the_same_project(tmp_path: Path) -> None:
    assert Project(str(tmp_path)) == Project.at(tmp_path) and Project(str(tmp_path)).root.is_absolute()


def test_records_are_typed_and_filtered(archive: Project) -> None:
    everything = archive.records()
    assert [e.id for e in everything] == sorted(e.id for e in everything) and len(everything) == 5
    first = everything[0]
    assert isinstance(first, Entry) and isinstance(first.countries, tuple) and first.body
    peru = archive.records(country="PE")
    assert peru and all("PE" in e.countries for e in peru)
    assert {e.id for e in archive.records(country=["PE", "VE"])} >= {e.id for e in peru}
    dated = archive.records(year=2021)
    assert dated and all(e.date.startswith("2021") for e in dated)
    assert archive.records(review="reviewed") == []
    assert archive.records(where=lambda e: e.language == "en") == archive.records(language="en")
    assert archive.records(country="PE", where=lambda e: False) == []


def test_an_actor_is_found_by_any_of_its_names(archive: Project) -> None:
    caf = archive.records(actor="CAF - Development Bank of Latin America")
    assert caf
    assert archive.records(actor="Corporación Andina de Fomento") == caf  # an alias in the authority file
    assert archive.records(actor="caf") == caf


def test_add_review_check_build(archive: Project, tmp_path: Path) -> None:
    source = tmp_path / "cafe-honduras.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    report = archive.add(source)
    (added,) = report.added
    assert added.record.is_file() and archive.add([source]).duplicates
    record_id = added.record.stem
    assert [e.id for e in archive.records(review="auto", country="HN")] == [record_id]
    result = archive.review([record_id, "no-such-record"])
    assert [r.path for r in result.reviewed] == [added.record]
    (missing,) = result.errors
    assert isinstance(missing, HemerotecaError) and "no-such-record" in missing.message
    assert [e.id for e in archive.records(review="reviewed")] == [record_id]
    assert [p for p in archive.check() if p.severity == "error"] == []
    built = archive.build()
    assert built.render.articles == 6 and (archive.site_dir / "articles" / f"{record_id}.html").is_file()


def _readme_example() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### The Python API", 1)[1]
    return re.findall(r"```python\n(.*?)```", section, re.DOTALL)[0]


def test_the_readme_example_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's first example, run as written from a copy of the repository."""
    project = copy_project_skeleton(tmp_path / "repo")
    shutil.copytree(REPO / "archive", project.archive_dir, dirs_exist_ok=True)
    cwd = Path.cwd()
    os.chdir(project.root)
    try:
        exec(compile(_readme_example(), "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("001_e4109311ec4dc86b 2021-04-28 ") for line in out)
    assert out[-1] == "0 errors"


def test_extract_reads_every_kind_of_file_as_the_command_does(archive: Project, tmp_path: Path) -> None:
    """A saved page gives its declared headline and date, from the API as from `hemeroteca extract`."""
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    (from_project,) = archive.extract(page)
    assert from_project.title == "Cooperativas de café de Honduras firman acuerdo de exportación"
    assert from_project.date == "2022-03-15"
    assert hemeroteca.extract_file(page).title == from_project.title
    result = CliRunner().invoke(main, ["extract", "--json", str(page), "--root", str(archive.root)])
    assert result.exit_code == 0 and json.loads(result.output) == [from_project.as_json("page.html")]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(HemerotecaError) as refused:
        archive.extract([page, empty])
    assert refused.value.path == str(empty)


def test_pending_is_what_review_list_shows(archive: Project) -> None:
    waiting = archive.pending()
    assert [r.id for r in waiting] == [e.id for e in archive.records(review="auto")] and len(waiting) == 5
    archive.review(waiting[0].id)
    listed = CliRunner().invoke(main, ["review", "--list", "--root", str(archive.root)]).stdout
    assert [line.split()[0] for line in listed.splitlines()] == [r.id for r in archive.pending()]
    assert waiting[0].id not in listed


def test_evaluate_scores_as_the_command_does() -> None:
    gold = REPO / "eval" / "seeds-gold.yaml"
    scores = Project(REPO).evaluate(gold)  # reads seeds/, writes nothing
    assert scores.files == 5 and scores.title_right >= 4
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--root", str(REPO)])
    assert result.exit_code == 0 and result.stdout.splitlines() == scores.lines()
    with pytest.raises(HemerotecaError, match=r"a folder of articles \(--articles\) goes with one gold file"):
        Project(REPO).evaluate([gold, gold], articles=REPO / "seeds")
