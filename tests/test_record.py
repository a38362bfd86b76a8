"""Records: front matter that round-trips, line numbers for fields, hand-edit detection."""

from __future__ import annotations

import pytest

from hemeroteca.catalogue.record import parse, serialise
from hemeroteca.errors import HemerotecaError

META = {
    "id": "a1",
    "title": "Peru: the minister's plan, 'part 2'",
    "date": "2020-01",
    "language": "en",
    "countries": ["PE"],
    "actors": [{"type": "person", "name": "Rosa O'Neill"}],
    "tags": ["msme-support"],
    "source": {"sha256": "0" * 64, "path": "seeds/a1.txt"},
    "review": "auto",
}


def test_round_trip_keeps_colons_apostrophes_and_date_precision() -> None:
    record = parse(serialise(META, "Body text."))
    assert record.meta["title"] == META["title"]
    assert record.meta["date"] == "2020-01"
    assert record.meta["actors"] == [{"name": "Rosa O'Neill", "type": "person"}]
    assert record.body == "Body text."


def test_serialise_is_stable_and_ordered() -> None:
    text = serialise(META, "Body")
    assert text == serialise(dict(reversed(list(META.items()))), "Body")
    keys = [line.split(":")[0] for line in text.splitlines()[1:] if line and not line.startswith((" ", "-"))]
    assert keys[:3] == ["id", "title", "date"]


def test_fresh_record_is_not_edited_and_any_change_is_noticed() -> None:
    text = serialise(META, "Body")
    assert not parse(text).edited_by_hand()
    assert parse(text.replace("Body", "Body, corrected")).edited_by_hand()
    assert parse(text.replace("date: 2020-01", "date: '2020'")).edited_by_hand()


def test_unquoted_dates_stay_text() -> None:
    text = serialise(META, "Body").replace("date: 2020-01", "date: 2021-02-30")
    assert parse(text).meta["date"] == "2021-02-30"
    assert parse(text.replace("date: 2021-02-30", "date: 2019")).meta["date"] == "2019"


def test_line_numbers_of_nested_fields() -> None:
    record = parse(serialise(META, "Body"))
    lines = serialise(META, "Body").splitlines()
    assert lines[record.line_of("date") - 1].startswith("date:")
    assert "type: person" in lines[record.line_of("actors[0].type") - 1]
    assert record.line_of("countries[5]") == record.line_of("countries")


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("title: x\n", 1, "must start"),
        ("---\ntitle: x\n", 1, "not closed"),
        ("---\ntitle: [x\nid: y\n---\nbody\n", 2, "the [ opened on this line is never closed"),
        ("---\ntitle: x\n\tid: y\n---\nbody\n", 3, "tab"),
        ("---\n- a\n---\nbody\n", 2, "mapping"),
    ],
)
def test_broken_front_matter_names_the_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(HemerotecaError) as info:
        parse(text, None)
    assert info.value.line == line
    assert fragment in info.value.message


def test_a_record_saved_with_windows_line_ends_reads_the_same(tmp_path) -> None:
    from hemeroteca.catalogue.record import read

    path = tmp_path / "a1.md"
    path.write_bytes(serialise(META, "Body.\n\nMore.").replace("\n", "\r\n").encode("utf-8"))
    record = read(path)
    assert record.meta["title"] == META["title"] and record.body == "Body.\n\nMore."


def test_a_released_record_reads_its_text_again_and_notices_a_change(tmp_path) -> None:
    from hemeroteca.catalogue.record import fingerprint, read

    path = tmp_path / "a1.md"
    text = serialise(META, "First paragraph.\n\nSecond.")
    path.write_text(text, encoding="utf-8")
    record = read(path)
    record.release()
    assert record._body is None and record._raw is None  # nothing of the text is held
    assert record.body == "First paragraph.\n\nSecond." and not record.blank
    assert record.meta["fingerprint"] == fingerprint(record.raw)
    path.write_text(text.replace("Second.", "Changed."), encoding="utf-8")
    with pytest.raises(HemerotecaError, match="changed while it was read"):
        _ = record.body
