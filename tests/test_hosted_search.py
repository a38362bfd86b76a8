"""Hosted search shards: stable assignment, only changed shards indexed again, linked into site/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hemeroteca import hosted_search, ingest, render
from hemeroteca.hosted_search import index_search, publish_search, shard_of

from .conftest import copy_project_skeleton


def test_shard_of_is_stable_and_spread() -> None:
    ids = [f"{n:03d}_article" for n in range(400)]
    assert [shard_of(i, 4) for i in ids] == [shard_of(i, 4) for i in ids]
    counts = [sum(shard_of(i, 4) == s for i in ids) for s in range(4)]
    assert min(counts) > 60


def test_only_the_shard_of_a_changed_article_is_indexed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hosted_search, "SHARD_SIZE", 2)
    project = copy_project_skeleton(tmp_path / "proj")
    ingest(project)
    render(project)
    first = index_search(project)  # the seeds: four articles in English, one in Spanish
    assert first.shards == 3 and first.indexed == ["en-0", "en-1", "es-0"] and first.articles == 5
    assert index_search(project).indexed == []
    page = sorted((project.docs_dir / "articles").glob("*.md"))[0]
    text = page.read_text(encoding="utf-8")
    assert '"lang":"en"' in text
    page.write_text(text.replace("Provenance", "Provenance.", 1), encoding="utf-8")
    assert index_search(project).indexed == [f"en-{shard_of(page.stem, 2)}"]
    publish_search(project)
    listing = json.loads((project.site_dir / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert [s["path"] for s in listing["shards"]] == ["en-0/", "en-1/", "es-0/"]
    assert [list(s["languages"]) for s in listing["shards"]] == [["en"], ["en"], ["es"]]
    assert sum(sum(s["languages"].values()) for s in listing["shards"]) == 5
    for shard in listing["shards"]:
        assert (project.site_dir / "pagefind" / shard["path"] / "pagefind.js").is_file()
