"""Reasons to doubt: codes from data, the record's line and back, and how `evaluate` measures them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hemeroteca.doubts import Doubt, doubt_table, note_field_and_code, summarise
from hemeroteca.evaluate import Scores, score_flags
from hemeroteca.extract.dates import read_date
from hemeroteca.project import Project


def test_every_code_names_a_field_a_message_and_a_kind() -> None:
    for code, entry in doubt_table().items():
        assert entry["field"] in {"title", "date", "language", "countries", "actors", "ocr"}, code
        assert entry["kind"] in {"doubt", "note"} and entry["message"], code


def test_unknown_code_is_refused() -> None:
    with pytest.raises(KeyError, match="data/doubts.yaml"):
        Doubt("no-such-reason")


def test_the_record_line_carries_field_item_and_code() -> None:
    doubt = Doubt("demonym-only", item="PE", detail="peruanos")
    note = doubt.note()
    assert note.startswith("countries: PE guessed only from a demonym (peruanos)") and note.endswith(
        "[demonym-only]"
    )
    assert note_field_and_code(note) == ("countries", "demonym-only")
    assert note_field_and_code("date: no publication date stated") == ("date", None)


def test_review_summary_names_doubts_and_counts_notes() -> None:
    notes = [
        Doubt("competing-dates", detail="2021-03-01").note(),
        Doubt("not-in-authorities", item="Ana Ruiz").note(),
        "a line a person wrote",
    ]
    assert summarise(notes) == "doubts: date [competing-dates]; 2 notes"
    assert summarise([]) == ""


def _pred(**doubted: list[str | None]) -> dict:
    codes = {"title": "no-headline", "date": "competing-dates", "countries": "demonym-only"}
    doubts = [
        {"field": field, "code": codes.get(field, "x"), "item": item, "counts": True}
        for field, items in doubted.items()
        for item in items
    ]
    return {
        "title": "Wrong headline",
        "date": "2020-01-02",
        "language": "es",
        "countries": ["PE", "CL"],
        "actors": [{"name": "Ana Ruiz", "type": "person"}, {"name": "Extra Body", "type": "organization"}],
        "doubts": doubts,
    }


GOLD = {
    "file": "x",
    "title": "Right headline",
    "date": "2020-01-02",
    "language": "es",
    "countries": ["CL"],
    "actors": [{"name": "Ana Ruiz", "type": "person"}],
}


def test_flags_count_wrong_values_caught_and_values_flagged() -> None:
    scores = Scores()
    score_flags(scores, GOLD, _pred(title=[None], date=[None], countries=["PE"], actors=["Extra Body"]))
    flags = scores.flags
    # the wrong title, the extra country PE (also the wrong main country) and the extra actor are caught
    assert (flags["title"].wrong, flags["title"].wrong_flagged) == (1, 1)
    assert (flags["main country"].wrong, flags["main country"].wrong_flagged) == (1, 1)
    assert (flags["countries"].values, flags["countries"].wrong, flags["countries"].wrong_flagged) == (
        2,
        1,
        1,
    )
    assert (flags["actors"].flagged, flags["actors"].wrong_flagged) == (1, 1)
    # the right date was flagged for nothing: it costs a flag, not a catch
    assert (flags["date"].flagged, flags["date"].wrong) == (1, 0)


def test_notes_do_not_count_as_flags() -> None:
    scores = Scores()
    pred = _pred()
    pred["doubts"] = [
        {"field": "actors", "code": "not-in-authorities", "item": "Extra Body", "counts": False}
    ]
    score_flags(scores, GOLD, pred)
    assert scores.flags["actors"].flagged == 0 and scores.flags["actors"].wrong == 1


PROSE = (
    "El ministerio presentó hoy un programa de crédito para pequeñas empresas de la región, con fondos "
    "del banco regional y de la cooperación internacional para los próximos tres años."
)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # two date lines for two different days: the one under the headline is taken, with a doubt
        (
            f"Otra nota\n3 de marzo de 2021\nUn titular de la nota\n5 de marzo de 2021\n{PROSE}",
            ["competing-dates"],
        ),
        # the same day twice is no reason to doubt
        (f"Un titular de la nota\n5 de marzo de 2021\n{PROSE}\n5 de marzo de 2021", []),
        (f"Un titular de la nota\nActualizado: 5 de marzo de 2021\n{PROSE}", ["updated-only"]),
        (f"Un titular de la nota\n{PROSE} La feria será el 5 de marzo de 2021 en Lima.", ["date-not-taken"]),
        (f"Un titular de la nota\n{PROSE}", ["no-date-stated"]),
    ],
)
def test_date_doubts(text: str, codes: list[str]) -> None:
    _, doubts = read_date(text, "es", "Un titular de la nota")
    assert [d.code for d in doubts] == codes


def test_add_and_review_list_show_the_doubts(empty_project: Project, tmp_path: Path) -> None:
    text = f"{PROSE}\n\nEl programa empieza en junio.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "hemeroteca", *args],
            cwd=empty_project.root,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    added = run("add", str(tmp_path / "a.txt"))
    assert "(doubt: no-headline)" in added and "[no-headline]" in added
    assert "(doubts: title [no-headline]" in run("review", "--list")
