"""The hosted full-text search: Pagefind indexes, in shards, kept between builds.

Pagefind holds a whole index in memory (3.2 GB for 10,000 articles here), is
not incremental, and its one binary run over site/ must wait for MkDocs. So the
articles are split into shards, one language each and at most ``SHARD_SIZE``
articles by a stable hash of their id; each shard is indexed on its own from a
small corpus (the article's searchable body, straight from docs/, not the
finished page), and a shard is indexed again only when one of its articles
changed. Shards live in ``.cache/pagefind/`` between builds and are linked into
``site/pagefind/LANG-N/``;
``site/pagefind/shards.json`` lists them and the search page merges them per
language at query time (Pagefind's ``mergeIndex``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from hemeroteca.errors import HemerotecaError
from hemeroteca.fileio import write_atomic
from hemeroteca.project import Project
from hemeroteca.shell import ARTICLES, split_page

SHARD_SIZE = 2500
BUNDLE = "pagefind"
MANIFEST = "shards.json"


@dataclass
class SearchReport:
    shards: int = 0
    indexed: list[str] = field(default_factory=list)
    articles: int = 0


def cache_dir(project: Project) -> Path:
    return project.root / ".cache" / BUNDLE


def shard_of(article_id: str, shards: int) -> int:
    """Stable across builds: adding an article re-indexes one shard, not all of them."""
    return int(hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:8], 16) % shards


def corpus_page(meta: dict[str, str], content: str) -> str:
    """What Pagefind reads of an article: the same body, filters and keywords its page carries."""
    return (
        f'<!DOCTYPE html><html lang="{meta["lang"]}"><head><meta charset="utf-8">'
        f"<title>{meta['title']}</title></head><body>"
        f"{meta['pagefind_before']}{content}{meta['pagefind_after']}</body></html>\n"
    )


def _run_pagefind(corpus: Path, output: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(corpus), "--output-path", str(output)]
    command.append("--silent")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        last = detail[-1] if detail else f"exit status {result.returncode}"
        raise HemerotecaError(corpus, f"pagefind failed: {last}")


def _link_tree(source: Path, target: Path) -> None:
    """Hard links where the file system allows them: the site gets the shards without copying 70 MB."""
    if target.exists():
        shutil.rmtree(target)

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link)


def plan_shards(languages: dict[str, str]) -> dict[str, list[str]]:
    """Shard name -> article ids: one language per shard, at most ``SHARD_SIZE`` articles each.

    Pagefind runs one index per language anyway, and the search page merges a language's
    shards into that language's instance, so a shard mixing languages would cost every
    query an extra index chunk per language; one language per shard costs one per shard.
    """
    by_language: dict[str, list[str]] = {}
    for article_id, language in sorted(languages.items()):
        by_language.setdefault(language, []).append(article_id)
    plan: dict[str, list[str]] = {}
    for language, ids in sorted(by_language.items()):
        count = -(-len(ids) // SHARD_SIZE)
        for article_id in ids:
            plan.setdefault(f"{language}-{shard_of(article_id, count)}", []).append(article_id)
    return dict(sorted(plan.items()))


def _index_shard(ids: list[str], pages: dict[str, str], output: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="hemeroteca-corpus-") as tmp:
        folder = Path(tmp) / ARTICLES
        folder.mkdir(parents=True)
        for article_id in ids:
            (folder / f"{article_id}.html").write_text(pages[article_id], encoding="utf-8")
        if output.exists():
            shutil.rmtree(output)
        _run_pagefind(Path(tmp), output)


def index_search(project: Project) -> SearchReport:
    """Index the article pages of docs/ into shards, re-running Pagefind only where content changed.

    Two shards are indexed at a time (Pagefind keeps to about one core), each in its own
    process with its own memory.
    """
    pages: dict[str, str] = {}
    languages: dict[str, str] = {}
    for source in sorted((project.docs_dir / ARTICLES).glob("*.md")):
        meta, content = split_page(source.read_text(encoding="utf-8"), source)
        pages[source.stem] = corpus_page(meta, content)
        languages[source.stem] = meta["lang"]
    plan = plan_shards(languages)
    cache = cache_dir(project)
    old_manifest = cache / MANIFEST
    old = json.loads(old_manifest.read_text(encoding="utf-8")) if old_manifest.exists() else {}
    old_digests = {s["path"]: s["digest"] for s in old.get("shards", [])}
    report = SearchReport(shards=len(plan), articles=len(pages))
    shards, todo = [], []
    for name, ids in plan.items():
        digest = hashlib.sha256()
        for article_id in ids:
            digest.update(f"{article_id}\0{pages[article_id]}\0".encode())
        output = cache / name
        if old_digests.get(f"{name}/") != digest.hexdigest() or not (output / "pagefind-entry.json").exists():
            todo.append((name, ids, output))
        shards.append({"path": f"{name}/", "digest": digest.hexdigest(), "languages": {}})
    with ThreadPoolExecutor(max_workers=2) as pool:
        for _ in pool.map(lambda job: _index_shard(job[1], pages, job[2]), todo):
            pass
    report.indexed = [name for name, _, _ in todo]
    for shard in shards:
        entry = json.loads((cache / shard["path"] / "pagefind-entry.json").read_text(encoding="utf-8"))
        shard["languages"] = {lang: info["page_count"] for lang, info in sorted(entry["languages"].items())}
    for stale in sorted(cache.glob("*")):
        if stale.is_dir() and stale.name not in plan:
            shutil.rmtree(stale)
    manifest = json.dumps({"shards": shards}, indent=1, sort_keys=True) + "\n"
    write_atomic(old_manifest, manifest, durable=False)
    return report


def publish_search(project: Project) -> None:
    """Put the cached shards and their list into site/pagefind/."""
    target = project.site_dir / BUNDLE
    _link_tree(cache_dir(project), target)
