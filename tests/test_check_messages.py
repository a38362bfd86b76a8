"""Every message `check` gives, one mistake at a time: the exact line, in the archivist's words.

Each case makes one mistake in a copy of the shipped archive and expects exactly one
new problem. The same messages form the table in docs/contributing.md ("Every
message of check"): the last test keeps the two identical, row for row.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from hemeroteca import HemerotecaError, Project, check, ingest
from hemeroteca.catalogue.review import mark_reviewed
from tests.conftest import GUIDES, copy_project_skeleton, guide_section

RECORD = "archive/001_e4109311ec4dc86b.md"
SEED = "seeds/001_e4109311ec4dc86b.txt"
SHA = "  sha256: b861df5e0911aa7363c9f479ce1c95efd6a27a7e5de27f34bfb3691a430e397a\n"
ACTORS = "archive/authorities/actors.yaml"
TOPICS = "archive/authorities/topics.yaml"
MISSPELT = ("  - name: Andrew Scott", "  - name: Banco Interamericano de Desenvolvimiento")
TITLE = "title: Produce seeks to promote productive chains in the regions"


def record(old: str, new: str) -> Callable[[Project], None]:
    """An edit of the example record: ``old`` (which must be there) becomes ``new``."""

    def edit(project: Project) -> None:
        path = project.root / RECORD
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def write(rel: str, text: str) -> Callable[[Project], None]:
    def edit(project: Project) -> None:
        (project.root / rel).write_text(text, encoding="utf-8")

    return edit


def append(rel: str, text: str) -> Callable[[Project], None]:
    def edit(project: Project) -> None:
        path = project.root / rel
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return edit


def delete(rel: str) -> Callable[[Project], None]:
    return lambda project: (project.root / rel).unlink()


def copy(rel: str, to: str) -> Callable[[Project], None]:
    return lambda project: shutil.copy(project.root / rel, project.root / to)


R = RECORD
# mistake -> (the edit, the one problem check must add: "path:line: field: message")
CASES: dict[str, tuple[Callable[[Project], None], str]] = {
    # YAML reads some words and numbers as something other than text
    "Norway unquoted": (
        record("  - PE\n", "  - PE\n  - NO\n"),
        f"{R}:8: countries[1]: NO was read as the value false: write 'NO' in quotes for Norway",
    ),
    "a title YAML reads as true": (
        record(TITLE, "title: Yes"),
        f"{R}:3: title: Yes was read as the value true: write 'Yes' in quotes",
    ),
    "a title YAML reads as a number": (
        record(TITLE, "title: 1984"),
        f"{R}:3: title: 1984 was read as a number: write '1984' in quotes",
    ),
    # empty and missing fields
    "empty language": (
        record("language: en", "language:"),
        f"{R}:5: language: is empty: write the two-letter code of the article's language (en, es, pt...)",
    ),
    "empty title": (record(TITLE, "title:"), f"{R}:3: title: is empty: write the headline as published"),
    "empty countries": (
        record("countries:\n  - PE", "countries:"),
        f"{R}:6: countries: is empty: write a list of two-letter country codes, main country first, "
        "or [] when none",
    ),
    "missing language": (
        record("language: en\n", ""),
        f"{R}:4: language: is missing: add a language: line with the two-letter code of the article's "
        "language (en, es, pt...)",
    ),
    "actor without type": (
        record("  - name: Andrew Scott\n    type: person\n", "  - name: Andrew Scott\n"),
        f"{R}:16: actors[3].type: is missing: add a type: line with person or organization",
    ),
    # lists and mappings
    "countries on one line": (
        record("countries:\n  - PE", "countries: PE"),
        f"{R}:6: countries: must be a list, one item per line after a dash: write a list of two-letter "
        "country codes, main country first, or [] when none",
    ),
    "actor as a bare name": (
        record("  - name: Andrew Scott\n    type: person\n", "  - Andrew Scott\n"),
        f"{R}:16: actors[3]: write the actor as - name: Andrew Scott, with a type: line under it",
    ),
    "country twice": (
        record("  - PE\n", "  - PE\n  - PE\n"),
        f"{R}:8: countries[1]: 'PE' is listed twice: delete this line",
    ),
    # values
    "lowercase country": (
        record("  - PE\n", "  - br\n"),
        f"{R}:7: countries[0]: 'br' must be in capitals: write BR (Brazil)",
    ),
    "three-letter country": (
        record("  - PE\n", "  - BRA\n"),
        f"{R}:7: countries[0]: 'BRA' is a three-letter code: write BR (Brazil)",
    ),
    "country name": (
        record("  - PE\n", "  - Brasil\n"),
        f"{R}:7: countries[0]: 'Brasil' is a country's name: write BR (Brazil)",
    ),
    "misspelt country": (
        record("  - PE\n", "  - Perru\n"),
        f"{R}:7: countries[0]: 'Perru' is not a country code: write the two-letter ISO code, like PE for "
        "Peru; did you mean PE (Peru)?",
    ),
    "unknown country": (
        record("  - PE\n", "  - XX\n"),
        f"{R}:7: countries[0]: 'XX' is not a country code: write the two-letter ISO code, like PE for Peru",
    ),
    "language name": (
        record("language: en", "language: English"),
        f"{R}:5: language: 'English' is not a language code: write en (English)",
    ),
    "language in capitals": (
        record("language: en", "language: EN"),
        f"{R}:5: language: 'EN' is not a language code: write en (English)",
    ),
    "undetermined language": (
        record("language: en", "language: und"),
        f"{R}:5: language: warning: language undetermined: set the ISO 639-1 code of the text "
        "(en, es, pt...)",
    ),
    "impossible date": (
        record("date: '2021-04-28'", "date: '2021-02-30'"),
        f"{R}:4: date: '2021-02-30' is not a calendar date (February 2021 has no day 30)",
    ),
    "month 13": (record("date: '2021-04-28'", "date: '2021-13'"), f"{R}:4: date: '2021-13' has no month 13"),
    "date in words": (
        record("date: '2021-04-28'", "date: yesterday"),
        f"{R}:4: date: 'yesterday' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY (or null when undated)",
    ),
    "actor type misspelt": (
        record("    type: person\n  - name: Ministry", "    type: persona\n  - name: Ministry"),
        f"{R}:10: actors[0].type: 'persona' is not allowed here: write person or organization",
    ),
    "review state": (
        record("review: auto", "review: done"),
        f"{R}:32: review: 'done' is not allowed here: write auto or reviewed",
    ),
    "unknown field": (
        record("review: auto", "review: auto\ncontries: [PE]"),
        f"{R}:33: contries: contries is not a field here: did you mean countries?",
    ),
    "id changed": (
        record("id: 001_e4109311ec4dc86b", "id: Foo Bar"),
        f"{R}:2: id: id 'Foo Bar' differs from the file name: write id: 001_e4109311ec4dc86b",
    ),
    # names the authority files do not know
    "misspelt actor": (
        record("  - name: Andrew Scott", "  - name: Banco Interamericano de Desenvolvimiento"),
        f"{R}:16: actors[3].name: warning: 'Banco Interamericano de Desenvolvimiento' is not in "
        "archive/authorities/actors.yaml: did you mean 'Banco Interamericano de Desenvolvimento' "
        "(Inter-American Development Bank)? Correct the name, or add it to actors.yaml if it is a "
        "different actor",
    ),
    "misspelt actor in a reviewed record": (
        lambda p: (record("review: auto", "review: reviewed")(p), record(*MISSPELT)(p)),
        f"{R}:16: actors[3].name: 'Banco Interamericano de Desenvolvimiento' is not in "
        "archive/authorities/actors.yaml: did you mean 'Banco Interamericano de Desenvolvimento' "
        "(Inter-American Development Bank)? Correct the name, or add it to actors.yaml if it is a "
        "different actor",
    ),
    "actor near a known one": (
        record("  - name: Andrew Scott", "  - name: Organisation of American Stats"),
        f"{R}:16: actors[3].name: warning: 'Organisation of American Stats' is not in "
        "archive/authorities/actors.yaml: did you mean 'Organization of American States'? "
        "If not, add it there",
    ),
    "new actor": (
        record("  - name: Andrew Scott", "  - name: Somebody Quite New"),
        f"{R}:16: actors[3].name: warning: 'Somebody Quite New' is not in archive/authorities/actors.yaml: "
        "add it there, or correct the name",
    ),
    "actor of the wrong type": (
        record("  - name: Andrew Scott", "  - name: Inter-American Development Bank"),
        f"{R}:17: actors[3].type: 'Inter-American Development Bank' is an organization in the authority "
        "file: write type: organization",
    ),
    "misspelt topic": (
        record("  - mining", "  - minning"),
        f"{R}:28: tags[4]: 'minning' is not a topic in archive/authorities/topics.yaml: did you mean mining?",
    ),
    "topic label instead of id": (
        record("  - mining", "  - Trade and export"),
        f"{R}:28: tags[4]: 'Trade and export' is not a topic in archive/authorities/topics.yaml: "
        "did you mean trade-and-export?",
    ),
    "unknown topic": (
        record("  - mining", "  - astrology"),
        f"{R}:28: tags[4]: 'astrology' is not a topic in archive/authorities/topics.yaml: use one of its "
        "ids, or propose the new topic there",
    ),
    # indentation and other YAML syntax
    "actor un-indented": (
        record("  - name: METS Ignited", " - name: METS Ignited"),
        f"{R}:14: front matter: wrong indentation: this line is indented 1 space; indent it 2 spaces, "
        "like line 11",
    ),
    "actor over-indented": (
        record("  - name: METS Ignited", "   - name: METS Ignited"),
        f"{R}:14: front matter: wrong indentation: this line is indented 3 spaces; indent it 2 spaces, "
        "like line 11",
    ),
    "actor field under-indented": (
        record("    type: person\n  - name: Ministry", "   type: person\n  - name: Ministry"),
        f"{R}:10: front matter: wrong indentation: this line is indented 3 spaces; indent it 4 spaces, "
        "like line 9",
    ),
    "actor field over-indented": (
        record("    type: person\n  - name: Ministry", "     type: person\n  - name: Ministry"),
        f"{R}:10: front matter: wrong indentation: this line is indented 5 spaces; indent it 4 spaces, "
        "like line 9",
    ),
    "actor field at the margin": (
        record("  - name: Andrew Scott\n    type: person\n", "  - name: Andrew Scott\ntype: person\n"),
        f"{R}:17: front matter: wrong indentation: this line is indented 0 spaces; indent it 4 spaces, "
        "like line 16",
    ),
    "top-level field indented": (
        record("\nreview: auto", "\n review: auto"),
        f"{R}:32: front matter: wrong indentation: this line is indented 1 space; start it at the "
        "beginning of the line, like line 29",
    ),
    "publisher out of source": (
        record(SHA, SHA + "publisher: Andina\n"),
        f"{R}:32: publisher: publisher must be indented under source: (line 29), two spaces in",
    ),
    "sha256 out of source": (
        record(SHA, SHA.lstrip()),
        f"{R}:31: sha256: sha256 must be indented under source: (line 29), two spaces in",
    ),
    "tab": (
        record("\n  - PE", "\n\t- PE"),
        f"{R}:7: front matter: tab character: indent with spaces, never tabs",
    ),
    "colon in a title": (
        record("Produce seeks", "Produce: seeks"),
        f"{R}:3: front matter: the value of title contains ': ', which YAML reads as a new field: put the "
        "whole value in quotes: title: 'Produce: seeks to promote productive chains in the regions'",
    ),
    "quote not closed": (
        record("date: '2021-04-28'", "date: '2021-04-28"),
        f"{R}:4: front matter: the ' opened on this line is never closed: end the value with '",
    ),
    "bracket not closed": (
        record("countries:\n  - PE", "countries: [PE"),
        f"{R}:6: front matter: the [ opened on this line is never closed: end the value with ]",
    ),
    "dash without space": (
        record("  - mining", "  -mining"),
        f"{R}:28: front matter: a list item needs a space after the dash: write - mining",
    ),
    "list item without dash": (
        record("  - mining", "  mining"),
        f"{R}:28: front matter: this line is in a list but has no dash: write - mining",
    ),
    "field twice": (
        record("review: auto\n", "review: auto\nreview: reviewed\n"),
        f"{R}:33: review: field given twice (first on line 32): keep one",
    ),
    "YAML alias": (
        record("  - mining\n", "  - mining\nuncertain: &notes [x]\nfingerprint: *notes\n"),
        f"{R}:30: fingerprint: YAML aliases (*name) are not allowed in a record: write the value out",
    ),
    "field name that is not text": (
        record("review: auto\n", "review: auto\n1984: x\n"),
        f"{R}:33: front matter: field name '1984' is not text: quote it",
    ),
    "no opening line": (
        record("---\nid:", "id:"),
        f"{R}:1: front matter: record must start with a '---' line opening the front matter",
    ),
    "no closing line": (
        lambda p: (p.root / R).write_text((p.root / R).read_text().replace("\n---\n", "\n", 2)),
        f"{R}:1: front matter: front matter is not closed by a '---' line",
    ),
    "not UTF-8": (
        lambda p: (p.root / R).write_bytes((p.root / R).read_bytes().replace(b"Produce seeks", b"Caf\xe9")),
        f"{R}:3: front matter: not valid UTF-8 (byte 39): save the file as UTF-8 in your editor",
    ),
    # the record and its seed
    "no article text": (
        lambda p: (p.root / R).write_text((p.root / R).read_text().split("\n---\n")[0] + "\n---\n"),
        f"{R}:1: body: warning: the record has no article text below the front matter",
    ),
    "seed edited": (
        append(SEED, "\nedited\n"),
        f"{R}:31: source.sha256: does not match the sha256 of '{SEED}' (was the seed edited?)",
    ),
    "seed deleted": (
        delete(SEED),
        f"{R}:30: source.path: seed file '{SEED}' does not exist (restore it, or delete this record too)",
    ),
    "seed outside seeds/": (
        record(f"  path: {SEED}", "  path: README.md"),
        f"{R}:30: source.path: 'README.md' is not a file in seeds/",
    ),
    "address that is not a web address": (
        record(SHA, SHA + "  url: javascript:alert(1)\n"),
        f"{R}:32: source.url: 'javascript:alert(1)' is not a web address: only http:// and https:// URLs "
        "are allowed",
    ),
    "OCR text deleted": (
        record("review: auto", "ocr: true\nreview: auto"),
        f"{R}:32: ocr: the OCR text '001_e4109311ec4dc86b.txt.ocr.json' is missing from seeds/ (restore it; "
        "`ingest` would read the scan again)",
    ),
    "WARC deleted": (
        record(SHA, SHA + "  retrieved: '2024-05-02T10:00:00Z'\n"),
        f"{R}:32: source.retrieved: the WARC '001_e4109311ec4dc86b.txt.warc.gz' of this fetch is missing "
        "from seeds/ (restore it)",
    ),
    "seed without record": (
        delete(R),
        f"{SEED}:1: record: seed has no record in archive/: run `hemeroteca ingest`",
    ),
    # the authority files
    "alias of two actors": (
        append(ACTORS, "- name: Somebody New\n  type: person\n  aliases: [UNDP]\n"),
        f"{ACTORS}:LINE: [N]: 'UNDP' also names entry 1 ('United Nations Development Programme'): "
        "a name or alias may belong to one actor only",
    ),
    "country of an actor": (
        append(ACTORS, "- country: peru\n  name: Somebody New\n  type: person\n"),
        f"{ACTORS}:LINE: [N].country: 'peru' is a country's name: write PE (Peru)",
    ),
    "actors.yaml indentation": (
        append(ACTORS, "- name: Somebody New\n   type: person\n"),
        f"{ACTORS}:LINE+1: file: wrong indentation: this line is indented 3 spaces; indent it 2 spaces, "
        "like line LINE",
    ),
    "topic id twice": (
        append(TOPICS, "- id: mining\n  labels: {en: Mining again}\n"),
        f"{TOPICS}:LINE: [N].id: topic id 'mining' is already entry M",
    ),
}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_project_skeleton(tmp_path_factory.mktemp("messages") / "proj")
    ingest(project)
    return project


def _snapshot(project: Project) -> dict[Path, bytes]:
    return {p: p.read_bytes() for folder in ("archive", "seeds") for p in (project.root / folder).rglob("*")
            if p.is_file()}


def _placed(project: Project, expected: str) -> str:
    """Fill in where an entry appended to an authority file lands, which grows as the file does.

    LINE: the first line of the new entry (LINE+1 the next); N: its position from 0; M: the
    entry (from 1) of the topic it repeats.
    """
    rel = expected.split(":", 1)[0]
    if "LINE" not in expected:
        return expected
    lines = (project.root / rel).read_text(encoding="utf-8").splitlines()
    entries = [i for i, line in enumerate(lines) if line.startswith("- ")]
    first = next((n for n, i in enumerate(entries, start=1) if lines[i] == "- id: mining"), 0)
    return (
        expected.replace("LINE+1", str(len(lines) + 2))
        .replace("LINE", str(len(lines) + 1))
        .replace("[N]", f"[{len(entries)}]", 1)
        .replace("entry M", f"entry {first}")
    )


@pytest.mark.parametrize("case", list(CASES))
def test_one_mistake_one_message(shipped: Project, case: str) -> None:
    edit, expected = CASES[case]
    saved = _snapshot(shipped)
    expected = _placed(shipped, expected)
    # Problems that were there already, wherever a line added or removed moves them.
    before = {(p.path, p.field, p.message) for p in check(shipped)}
    try:
        edit(shipped)
        after = {str(p) for p in check(shipped) if (p.path, p.field, p.message) not in before}
    finally:
        for path in set(_snapshot(shipped)) - set(saved):
            path.unlink()
        for path, data in saved.items():
            path.write_bytes(data)
    assert sorted(after) == [expected]


def _documented(language: str) -> list[str]:
    """The messages of the table in the guide (docs/contributing.md, or its translation), as
    ``field: message``: what the tool prints, in English in every language's guide."""
    section = guide_section(language, "Every message of check")
    return [
        match.group(2)
        for match in re.finditer(r"^\| [^|]+ \| (`+) ?(.+?) ?\1 \|$", section, re.MULTILINE)
    ]


@pytest.mark.parametrize("language", sorted(GUIDES))
def test_the_guide_lists_every_message_with_its_example(language: str) -> None:
    """Row for row in each translation too, so none can fall behind the tool."""
    shown = [expected.split(": ", 1)[1] for _, expected in CASES.values()]
    assert _documented(language) == shown


def test_summary_counts_errors_and_warnings_in_words(shipped: Project) -> None:
    path = shipped.root / RECORD
    original = path.read_text(encoding="utf-8")
    warnings = sum(p.severity == "warning" for p in check(shipped))
    try:
        path.write_text(original.replace("  - PE\n", "  - XX\n"), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "hemeroteca", "check"], cwd=shipped.root, capture_output=True, text=True
        )
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == f"1 error, {warnings} warnings"
    valid = subprocess.run(
        [sys.executable, "-m", "hemeroteca", "check"], cwd=shipped.root, capture_output=True, text=True
    )
    assert valid.stdout.splitlines()[-1] == f"5 records valid, {warnings} warnings"


def test_a_misspelt_actor_blocks_review_and_a_new_one_does_not(shipped: Project) -> None:
    path = shipped.root / RECORD
    original = path.read_text(encoding="utf-8")
    try:
        misspelt = original.replace("Andrew Scott", "Organizacion de los Estados Americano", 1)
        path.write_text(misspelt, encoding="utf-8")
        assert not [p for p in check(shipped) if p.severity == "error"]  # auto: a warning only
        with pytest.raises(HemerotecaError, match="did you mean 'Organización de los Estados Americanos'"):
            mark_reviewed(shipped, "001_e4109311ec4dc86b")
        path.write_text(original.replace("Andrew Scott", "Somebody Quite New", 1), encoding="utf-8")
        assert mark_reviewed(shipped, "001_e4109311ec4dc86b").changed
    finally:
        path.write_text(original, encoding="utf-8")
