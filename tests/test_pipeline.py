"""The whole pipeline, seeds to site/, on a copy of the repository's seeds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hemeroteca import Project, build, check, ingest, render
from hemeroteca.catalogue.record import read
from hemeroteca.catalogue.store import list_record_paths, list_seeds, seed_id

from .conftest import copy_project_skeleton, tree_digest


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_project_skeleton(tmp_path_factory.mktemp("built") / "proj")
    build(project)
    return project


def test_build_writes_an_article_page_per_seed(built: Project) -> None:
    home = (built.site_dir / "index.html").read_text(encoding="utf-8")
    for seed in list_seeds(built):
        record = read(built.archive_dir / f"{seed_id(seed)}.md")
        page = built.site_dir / "articles" / f"{record.id}.html"
        assert page.is_file(), page
        html = page.read_text(encoding="utf-8")
        assert record.meta["title"].split(":")[0][:30] in html.replace("&#39;", "'").replace("&amp;", "&")
        # links are relative, so site/ opens from file:// with no server
        assert 'href="/' not in html
    assert home.count('href="articles/') >= 1


def test_article_metadata_links_to_its_index_pages(built: Project) -> None:
    record = read(built.archive_dir / "002_9036f366addc5e87.md")
    html = (built.site_dir / "articles" / f"{record.id}.html").read_text(encoding="utf-8")
    for code in record.meta["countries"]:
        assert f"../browse/countries/{code.lower()}.html" in html
        country_page = (built.site_dir / "browse" / "countries" / f"{code.lower()}.html").read_text()
        assert f"../../articles/{record.id}.html" in country_page
    for tag in record.meta["tags"]:
        tag_page = (built.site_dir / "browse" / "topics" / f"{tag}.html").read_text()
        assert f"../../articles/{record.id}.html" in tag_page
    assert f"../browse/languages/{record.meta['language']}.html" in html


def test_search_index_holds_the_articles_words(built: Project) -> None:
    index = built.site_dir / "search-index"
    shards = " ".join(p.read_text(encoding="utf-8") for p in index.glob("t-*.js"))
    assert '"biomorgi":' in shards  # a name from the text
    assert '"cooperativas":{' in shards  # an inflected Spanish form, mapped to its stem
    assert (index / "meta.js").is_file() and (index / "a" / "0.js").is_file()


def test_check_passes_on_the_built_catalogue(built: Project) -> None:
    assert [p for p in check(built) if p.severity == "error"] == []


def test_two_builds_from_scratch_are_byte_identical(tmp_path: Path) -> None:
    digests = []
    for name in ("a", "b"):
        project = copy_project_skeleton(tmp_path / name)
        build(project)
        digests.append(
            (tree_digest(project.archive_dir), tree_digest(project.docs_dir), tree_digest(project.site_dir))
        )
    assert digests[0] == digests[1]


def test_rerunning_ingest_and_render_changes_nothing(project: Project) -> None:
    first = ingest(project)
    assert len(first.written) == len(list_seeds(project))
    render(project)
    before = tree_digest(project.root)
    again = ingest(project)
    assert again.written == [] and len(again.unchanged) == len(first.written)
    assert render(project).written == []
    # Every file but the cache, which learns that the records written a moment ago have settled.
    after = tree_digest(project.root)
    records = ".cache/hemeroteca/records."  # its parts (``cache.Store``)
    assert {k: v for k, v in after.items() if not k.startswith(records)} == {
        k: v for k, v in before.items() if not k.startswith(records)
    }


def test_reviewed_and_hand_edited_records_survive_force(project: Project) -> None:
    ingest(project)
    paths = list_record_paths(project)
    reviewed, edited = paths[0], paths[1]
    reviewed.write_text(reviewed.read_text().replace("review: auto", "review: reviewed"))
    edited.write_text(edited.read_text().replace("\n---\n\n", "\n---\n\nAn archivist's note.\n\n", 1))
    before = {p: p.read_bytes() for p in paths}
    report = ingest(project, force=True)
    assert reviewed in report.kept_reviewed and edited in report.kept_edited
    for path in paths:
        assert path.read_bytes() == before[path]


def test_check_reports_path_line_field_message(project: Project) -> None:
    ingest(project)
    path = list_record_paths(project)[0]
    lines = path.read_text().splitlines()
    date_line = next(i for i, line in enumerate(lines, start=1) if line.startswith("date:"))
    lines[date_line - 1] = "date: 2021-02-30"
    path.write_text("\n".join(lines) + "\n")
    problems = [p for p in check(project) if p.severity == "error"]
    assert [str(p) for p in problems] == [
        f"archive/{path.name}:{date_line}: date: '2021-02-30' is not a calendar date "
        "(February 2021 has no day 30)"
    ]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hemeroteca", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_cli_check_exit_codes_and_one_line_errors(project: Project) -> None:
    assert run_cli("ingest", cwd=project.root).returncode == 0
    ok = run_cli("check", cwd=project.root)
    assert ok.returncode == 0 and re.search(r"\d+ records valid", ok.stdout)
    path = list_record_paths(project)[0]
    path.write_text(path.read_text().replace("countries:", "countries: [XX]\nnothing:", 1))
    bad = run_cli("check", cwd=project.root)
    assert bad.returncode == 1
    assert re.search(rf"archive/{path.name}:\d+: countries\[0\]: 'XX' is not a country code", bad.stdout)
    assert "Traceback" not in bad.stdout + bad.stderr


def test_cli_build_reports_a_broken_record_without_traceback(project: Project) -> None:
    run_cli("ingest", cwd=project.root)
    path = list_record_paths(project)[0]
    path.write_text(path.read_text().replace("title:", "title: [unclosed", 1))
    result = run_cli("build", cwd=project.root)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: archive/{path.name}:") and "never closed" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_extract_json_interface(project: Project) -> None:
    seed = list_seeds(project)[0]
    result = run_cli("extract", str(seed), "--json", cwd=project.root)
    assert result.returncode == 0, result.stderr
    [item] = json.loads(result.stdout)
    assert set(item) == {"file", "title", "date", "language", "countries", "actors", "tags"}
    assert item["file"] == seed.name


def test_cli_evaluate_prints_every_field(project: Project) -> None:
    gold = Path(__file__).resolve().parents[1] / "eval" / "seeds-gold.yaml"
    result = run_cli("evaluate", str(gold), "--articles", str(project.seeds_dir), cwd=project.root)
    assert result.returncode == 0, result.stderr
    for field in ("title:", "date exact:", "language:", "countries:", "actors:"):
        assert field in result.stdout


def test_cli_serve_refuses_a_folder_without_a_built_site(project: Project) -> None:
    result = run_cli("serve", "--port", "0", cwd=project.root)
    assert result.returncode == 1
    assert "no built site here: run `hemeroteca build` first" in result.stderr


def test_cli_check_shows_all_errors_but_caps_warnings(project: Project) -> None:
    assert run_cli("ingest", cwd=project.root).returncode == 0
    everything = run_cli("check", "--warnings", "-1", cwd=project.root)
    warnings = [line for line in everything.stdout.splitlines() if ": warning: " in line]
    assert len(warnings) > 1, "the seeds' records name actors that are not in the authority file"
    capped = run_cli("check", "--warnings", "1", cwd=project.root)
    assert len([line for line in capped.stdout.splitlines() if ": warning: " in line]) == 1
    assert f"{len(warnings) - 1} more warnings not shown" in capped.stderr
    assert capped.returncode == 0
