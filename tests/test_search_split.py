"""The search index's articles analysed by two processes give the index one process gives."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hemeroteca.cache import PARTS
from hemeroteca.errors import HemerotecaError
from hemeroteca.render import search_split
from hemeroteca.render.search_index import build_index
from hemeroteca.render.search_postings import build_state
from hemeroteca.render.search_split import join, split_build
from hemeroteca.render.writer import GeneratedFiles, write_search_files

from .conftest import copy_project_skeleton, tree_digest
from .test_search_incremental import ARTICLES, STEPS, apply, model_of

FEW = settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def joined_at(cut: int):  # type: ignore[no-untyped-def]
    """A scratch builder that analyses the articles before ``cut`` and from it apart, then joins them."""

    def scratch(ordered, seen=None):  # type: ignore[no-untyped-def]
        return join(build_state(ordered[:cut], seen), build_state(ordered[cut:]))

    return scratch


@FEW
@given(st.dictionaries(st.integers(0, 30), ARTICLES, min_size=1, max_size=12), st.integers(0, 12), STEPS)
def test_joined_halves_give_the_files_and_the_next_builds_one_process_gives(
    archive: dict[int, tuple], cut: int, steps: list
) -> None:
    """The files, and, from the joined state, every later build's files (which read what each
    article held: its pairs' and stems' numbers, renumbered by the join)."""
    model = model_of(archive)
    files, state = build_index(model, scratch=joined_at(cut))
    assert dict(files) == dict(build_index(model)[0])
    for step in steps:
        archive = apply(archive, step)
        model = model_of(archive)
        files, state = build_index(model, pickle.loads(pickle.dumps(state)))
        assert dict(files) == dict(build_index(model)[0])


def many(count: int) -> dict[int, tuple]:
    words = ["cooperativas", "crédito", "café", "exports", "growth", "ações", "empresas", "small"]
    languages, dates = ("es", "en", "pt"), (None, "2019", "2020-11", "2018-05-17")
    return {
        n: (languages[n % 3], dates[n % 4], words[n % 5 : n % 5 + 2], words[n % 7 :] + [f"w{n % 11}"])
        for n in range(count)
    }


def test_a_forked_child_writes_its_articles_files_and_hands_back_what_it_did(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_split, "SPLIT_FROM", 2)
    model = model_of(many(40))
    one, two = copy_project_skeleton(tmp_path / "one"), copy_project_skeleton(tmp_path / "two")
    names, written, _ = write_search_files(one, model, jobs=1)
    assert (names, written, 0) == write_search_files(two, model, jobs=2)
    folder = "search-index"
    assert tree_digest(two.docs_dir / folder) == tree_digest(one.docs_dir / folder)
    generated = GeneratedFiles(two, "search-files", PARTS)  # saved with the child's files in it
    assert all(generated.intact(rel) for rel in names if rel.startswith(f"{folder}/a/"))
    assert write_search_files(two, model, jobs=2)[1] == []


def test_the_childs_failure_is_the_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_split, "SPLIT_FROM", 2)
    ordered = list(model_of(many(6)).articles)
    later = ordered[int(len(ordered) * search_split.OWN_SHARE)]  # the child's first article

    def failing(articles, seen=None):  # type: ignore[no-untyped-def]
        if articles[0] is later:  # in the child
            raise HemerotecaError("archive/x.md", "changed while it was read", line=3)
        return build_state(articles, seen)

    monkeypatch.setattr(search_split, "build_state", failing)
    with pytest.raises(HemerotecaError) as info:
        split_build(ordered, jobs=2)
    assert (info.value.path, info.value.line) == ("archive/x.md", 3)

    def dying(articles, seen=None):  # type: ignore[no-untyped-def]
        if articles[0] is later:
            raise SystemExit(9)
        return build_state(articles, seen)

    monkeypatch.setattr(search_split, "build_state", dying)
    with pytest.raises(HemerotecaError, match="half of the search index"):
        split_build(ordered, jobs=2)
