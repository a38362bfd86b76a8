"""Writing a file piece by piece (``write_chunks_if_changed``): the file on disk is replaced
whole or not at all, and left alone when the pieces add up to what it already holds."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from hemeroteca.fileio import stamp, write_chunks_if_changed, write_new


def _pieces(text: str, size: int = 3) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def test_a_new_file_is_written_and_its_size_in_bytes_given(tmp_path: Path) -> None:
    target = tmp_path / "data" / "out.json"
    assert write_chunks_if_changed(target, _pieces("[\n{\"título\": 1}\n]\n")) == (True, 19)
    assert target.read_text(encoding="utf-8") == "[\n{\"título\": 1}\n]\n"


@pytest.mark.parametrize("text", ["abcdef\n", "abcdeg", "abcdefg", "abcde", ""])
def test_the_file_is_replaced_only_when_a_byte_differs(tmp_path: Path, text: str) -> None:
    target = tmp_path / "out.txt"
    target.write_text("abcdef", encoding="utf-8")
    os.utime(target, ns=(1, 1))
    written, size = write_chunks_if_changed(target, _pieces(text, 2))
    assert (written, size) == (True, len(text.encode()))
    assert target.read_text(encoding="utf-8") == text
    assert write_chunks_if_changed(target, _pieces(text, 4)) == (False, size)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_an_unchanged_file_keeps_its_time(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("same text", encoding="utf-8")
    os.utime(target, ns=(1, 1))
    assert write_chunks_if_changed(target, _pieces("same text")) == (False, 9)
    assert target.stat().st_mtime_ns == 1


def test_a_failure_half_way_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("the last good file", encoding="utf-8")

    def failing() -> Iterator[str]:
        yield "half of a new "
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        write_chunks_if_changed(target, failing())
    assert target.read_text(encoding="utf-8") == "the last good file"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_new_file_is_written_in_place_and_an_existing_one_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "1.js"
    made = write_new(target, "uno ñ")
    assert made is not None and made == stamp(target)  # what a cache of stamps keeps
    assert target.read_text(encoding="utf-8") == "uno ñ"
    assert write_new(target, "dos") is None  # left to write_if_changed, which replaces it atomically
    assert target.read_text(encoding="utf-8") == "uno ñ"
    assert os.stat(target).st_mode & 0o777 == 0o666 & ~_umask()
    assert [p.name for p in target.parent.iterdir()] == ["1.js"]  # no temporary file left


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
