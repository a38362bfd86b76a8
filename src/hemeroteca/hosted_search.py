"""The hosted full-text search: Pagefind indexes, in shards, kept between builds.

Pagefind holds a whole index in memory (3.2 GB for 10,000 articles here), is
not incremental, and its one binary run over site/ must wait for MkDocs. So the
articles are split into shards of at most ``SHARD_SIZE`` by a stable hash of
their id, each shard is indexed on its own from a small corpus (the article's
searchable body, straight from docs/, not the finished page), and a shard is
indexed again only when one of its articles changed. Shards live in
``.cache/pagefind/`` between builds and are linked into ``site/pagefind/N/``;
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
from dataclasses import dataclass, field
from pathlib import Path

from hemeroteca.errors import HemerotecaError
from hemeroteca.fileio import write_atomic
from hemeroteca.project import Project
from hemeroteca.shell import ARTICLES, split_page

SHARD_SIZE = 2000
BUNDLE = "pagefind"
MANIFEST = "shards.json"


@dataclass
class SearchReport:
    shards: int = 0
    indexed: list[int] = field(default_factory=list)
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


def index_search(project: Project) -> SearchReport:
    """Index the article pages of docs/ into shards, re-running Pagefind only where content changed."""
    pages: dict[str, str] = {}
    for source in sorted((project.docs_dir / ARTICLES).glob("*.md")):
        meta, content = split_page(source.read_text(encoding="utf-8"), source)
        pages[source.stem] = corpus_page(meta, content)
    count = -(-len(pages) // SHARD_SIZE)  # no articles, no shard: Pagefind refuses an empty site
    members: list[list[str]] = [[] for _ in range(count)]
    for article_id in pages:
        members[shard_of(article_id, count)].append(article_id)
    cache = cache_dir(project)
    old_manifest = cache / MANIFEST
    old = json.loads(old_manifest.read_text(encoding="utf-8")) if old_manifest.exists() else {}
    old_digests = {s["path"]: s["digest"] for s in old.get("shards", [])} if old.get("size") == count else {}
    report = SearchReport(shards=count, articles=len(pages))
    shards = []
    for number, ids in enumerate(members):
        digest = hashlib.sha256()
        for article_id in ids:
            digest.update(f"{article_id}\0{pages[article_id]}\0".encode())
        path = f"{number}/"
        output = cache / str(number)
        if old_digests.get(path) != digest.hexdigest() or not (output / "pagefind-entry.json").exists():
            with tempfile.TemporaryDirectory(prefix="hemeroteca-corpus-") as tmp:
                folder = Path(tmp) / ARTICLES
                folder.mkdir(parents=True)
                for article_id in ids:
                    (folder / f"{article_id}.html").write_text(pages[article_id], encoding="utf-8")
                if output.exists():
                    shutil.rmtree(output)
                _run_pagefind(Path(tmp), output)
            report.indexed.append(number)
        entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
        languages = {lang: info["page_count"] for lang, info in sorted(entry["languages"].items())}
        shards.append({"path": path, "digest": digest.hexdigest(), "languages": languages})
    for stale in sorted(cache.glob("*")):
        if stale.is_dir() and stale.name.isdigit() and int(stale.name) >= count:
            shutil.rmtree(stale)
    manifest = json.dumps({"size": count, "shards": shards}, indent=1, sort_keys=True) + "\n"
    write_atomic(old_manifest, manifest, durable=False)
    return report


def publish_search(project: Project) -> None:
    """Put the cached shards and their list into site/pagefind/."""
    target = project.site_dir / BUNDLE
    _link_tree(cache_dir(project), target)
