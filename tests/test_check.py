"""`hemeroteca check`: the rules beyond the schema, annotations for GitHub, exit codes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from hemeroteca import Project, check, ingest
from hemeroteca.catalogue.check import Problem, date_problem
from hemeroteca.catalogue.problems import ANNOTATIONS_PER_STEP, annotated
from hemeroteca.catalogue.store import list_record_paths


@pytest.fixture
def ingested(project: Project) -> Project:
    ingest(project)
    return project


def edit(path: Path, old: str, new: str) -> int:
    """Replace text in a record; the line number (1-based) where the new text starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1


def check_for_github(project: Project) -> subprocess.CompletedProcess[str]:
    """`hemeroteca check --format github` run as CI runs it, in the project's folder."""
    command = [sys.executable, "-m", "hemeroteca", "check", "--format", "github"]
    return subprocess.run(command, cwd=project.root, capture_output=True, text=True, check=False)


def errors(project: Project) -> list[str]:
    return [str(p) for p in check(project) if p.severity == "error"]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2021-02-28", None),
        ("2020-02-29", None),
        ("2021-12", None),
        ("1998", None),
        ("2021-02-29", "February 2021 has no day 29"),
        ("2021-13", "has no month 13"),
        ("2021-00-10", "has no month 00"),
        ("21-02-03", "is not a date"),
        ("2021/02/03", "is not a date"),
        ("yesterday", "is not a date"),
        ("", "is not a date"),
    ],
)
def test_dates_are_real_at_their_precision(value: str, reason: str | None) -> None:
    problem = date_problem(value)
    assert (problem is None) if reason is None else (reason in problem)


def test_the_archive_as_ingested_has_no_errors(ingested: Project) -> None:
    assert errors(ingested) == []


def test_edited_seed_is_caught_by_its_sha256(ingested: Project) -> None:
    path = list_record_paths(ingested)[0]
    seed = ingested.seeds_dir / f"{path.stem}.txt"
    seed.write_bytes(seed.read_bytes() + b"\nedited\n")
    line = next(
        i for i, t in enumerate(path.read_text().splitlines(), start=1) if t.strip().startswith("sha256:")
    )
    assert errors(ingested) == [
        f"archive/{path.name}:{line}: source.sha256: does not match the sha256 of "
        f"'seeds/{seed.name}' (was the seed edited?)"
    ]


def test_seed_without_record_and_record_outside_seeds(ingested: Project) -> None:
    path = list_record_paths(ingested)[0]
    path.unlink()
    assert errors(ingested) == [
        f"seeds/{path.stem}.txt:1: record: seed has no record in archive/: run `hemeroteca ingest`"
    ]
    other = list_record_paths(ingested)[0]
    line = edit(other, "path: seeds/", "path: ../../etc/")
    found = errors(ingested)
    assert (
        f"archive/{other.name}:{line}: source.path: '../../etc/{other.stem}.txt' is not a file in seeds/"
        in found
    )


def test_two_records_of_one_seed(ingested: Project) -> None:
    first, second = list_record_paths(ingested)[:2]
    seed_of_first = f"seeds/{first.stem}.txt"
    edit(second, f"path: seeds/{second.stem}.txt", f"path: {seed_of_first}")
    found = errors(ingested)
    assert any(
        e.startswith(f"archive/{second.name}:") and f"is also the seed of archive/{first.name}" in e
        for e in found
    )
    assert any(f"seeds/{second.stem}.txt:1: record: seed has no record" in e for e in found)


def test_id_must_match_file_name(ingested: Project) -> None:
    path = list_record_paths(ingested)[0]
    edit(path, f"id: {path.stem}", "id: something-else")
    assert errors(ingested) == [
        f"archive/{path.name}:2: id: id 'something-else' differs from the file name: write id: {path.stem}"
    ]


def test_authority_rules(ingested: Project) -> None:
    path = list_record_paths(ingested)[0]
    edit(path, "tags:\n  - ", "tags:\n  - no-such-topic\n  - ")
    edit(path, "actors:\n", "actors:\n  - name: Inter-American Development Bank\n    type: person\n")
    lines = path.read_text(encoding="utf-8").splitlines()
    actor_line = lines.index("    type: person") + 1
    tag_line = lines.index("  - no-such-topic") + 1
    found = errors(ingested)
    assert (
        f"archive/{path.name}:{actor_line}: actors[0].type: 'Inter-American Development Bank' is an "
        "organization in the authority file: write type: organization"
    ) in found
    assert (
        f"archive/{path.name}:{tag_line}: tags[0]: 'no-such-topic' is not a topic in "
        "archive/authorities/topics.yaml: use one of its ids, or propose the new topic there"
    ) in found


def test_unknown_actor_and_undetermined_language_are_warnings_that_do_not_fail(ingested: Project) -> None:
    path = list_record_paths(ingested)[0]
    edit(path, "actors:\n", "actors:\n  - name: Somebody New\n    type: person\n")
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^language: \w+$", "language: und", text, count=1, flags=re.MULTILINE))
    warnings = [str(p) for p in check(ingested) if p.severity == "warning" and p.path.endswith(path.name)]
    assert any(
        "actors[0].name: warning: 'Somebody New' is not in archive/authorities/actors.yaml" in w
        for w in warnings
    )
    assert any("language: warning: language undetermined" in w for w in warnings)
    result = check_for_github(ingested)
    assert result.returncode == 0
    assert re.search(
        rf"^::warning file=archive/{re.escape(path.name)},line=\d+,title=language::", result.stdout, re.M
    )


def test_broken_authority_file_is_one_problem(ingested: Project) -> None:
    (ingested.authorities_dir / "actors.yaml").write_text("- name: [unclosed\n", encoding="utf-8")
    (problem,) = check(ingested)
    assert problem.path.endswith("actors.yaml")
    assert "the [ opened on this line is never closed" in problem.message


def test_github_annotation_escaping() -> None:
    problem = Problem("archive/a,b:c.md", 7, "title", "50% wrong\nsecond line")
    assert (
        problem.github()
        == "::error file=archive/a%2Cb%3Ac.md,line=7,title=title::title: 50%25 wrong%0Asecond line"
    )
    assert Problem("x.md", 1, "f", "m", "warning").github() == "::warning file=x.md,line=1,title=f::f: m"


def test_past_githubs_ten_annotations_a_step_the_rest_are_log_lines_and_counted() -> None:
    errors = [Problem(f"archive/{n:02d}.md", 3, "date", "not a date") for n in range(13)]
    warnings = [Problem(f"archive/{n:02d}.md", 4, "actors", "new actor", "warning") for n in range(10)]
    lines, left_out = annotated(sorted(errors + warnings))
    error_annotations = [line for line in lines if line.startswith("::error ")]
    assert len(error_annotations) == ANNOTATIONS_PER_STEP == 10
    assert error_annotations[:9] == [p.github() for p in errors[:9]]
    assert error_annotations[9] == (
        "::error title=4 more errors::4 more errors in this step's log (GitHub annotates only 10 a step);"
        " `hemeroteca check` lists every one"
    )
    assert [line for line in lines if not line.startswith("::")] == [str(p) for p in errors[9:]]
    # ten warnings fit: each is an annotation on its line, and none is counted as left out
    assert [line for line in lines if line.startswith("::warning ")] == [p.github() for p in warnings]
    assert left_out == {"error": 4} and len(lines) == 13 + 10 + 1
    assert annotated(errors[:10]) == ([p.github() for p in errors[:10]], {})


def test_check_says_how_many_problems_it_could_not_annotate(ingested: Project) -> None:
    paths = list_record_paths(ingested)
    for path in paths:
        for field in ("language", "review", "date"):
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(rf"^{field}: .*$", f"{field}: wrong", text, count=1, flags=re.M))
    result = check_for_github(ingested)
    assert result.returncode == 1
    out = result.stdout.splitlines()
    found = check(ingested)
    hidden = {}
    for level in ("error", "warning"):
        shown = [line for line in out if line.startswith(f"::{level} ")]
        problems = [p for p in found if p.level == level]
        assert len(problems) > 10 and len(shown) == 10
        hidden[level] = len(problems) - 9
        assert shown[-1].startswith(f"::{level} title={hidden[level]} more {level}s::")
    left_out = f"{hidden['error']} errors and {hidden['warning']} warnings listed above but not annotated"
    assert f"({left_out}: GitHub shows 10 a step)" in result.stderr
    assert len(out) == len(found) + 2  # every problem is in the log, and the two counts


def test_authority_files_are_checked_with_lines(ingested: Project) -> None:
    actors = ingested.authorities_dir / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8")
        + "- name: Banco Interamericano\n  type: organisation\n"
        + "- name: Another Bank\n  type: organization\n  aliases: [IDB]\n  country: XX\n",
        encoding="utf-8",
    )
    lines = actors.read_text(encoding="utf-8").splitlines()
    bad_type = lines.index("  type: organisation") + 1
    entry = sum(1 for line in lines if line.startswith("- name:")) - 2  # 0-based index of the first new one
    assert [str(p) for p in check(ingested)] == [
        f"archive/authorities/actors.yaml:{bad_type}: [{entry}].type: "
        "'organisation' is not allowed here: write person or organization"
    ]
    # once the schema is satisfied, the rules beyond it: shared alias, country code
    actors.write_text(actors.read_text(encoding="utf-8").replace("organisation", "organization"))
    found = [str(p) for p in check(ingested)]
    another = lines.index("- name: Another Bank") + 1
    country = lines.index("  country: XX") + 1
    assert any(
        f.startswith(f"archive/authorities/actors.yaml:{another}: ")
        and "'IDB' also names entry" in f
        and "a name or alias may belong to one actor only" in f
        for f in found
    ), found
    assert any(f.startswith(f"archive/authorities/actors.yaml:{country}: ") and "'XX'" in f for f in found)


def test_topic_ids_are_unique(ingested: Project) -> None:
    topics = ingested.authorities_dir / "topics.yaml"
    topics.write_text(
        topics.read_text(encoding="utf-8") + "- id: cooperatives\n  labels: {en: Co-ops again}\n",
        encoding="utf-8",
    )
    line = len(topics.read_text(encoding="utf-8").splitlines()) - 1
    (problem,) = check(ingested)
    assert str(problem).startswith(f"archive/authorities/topics.yaml:{line}: ")
    assert "topic id 'cooperatives' is already entry 2" in problem.message


def test_a_record_that_is_not_utf8_is_one_problem(ingested: Project) -> None:
    path = list_record_paths(ingested)[0]
    path.write_bytes(path.read_bytes().replace(b"---\n", "---\n# caf\xe9\n".encode("latin-1"), 1))
    found = [str(p) for p in check(ingested) if p.path == f"archive/{path.name}"]
    assert len(found) == 1 and "not valid UTF-8" in found[0]
