"""Write docs/ from the catalogue: generated files only, each written only if it changed.

A manifest (``docs/.generated``) remembers which files render wrote, so a page
that is no longer generated is removed while hand-written pages (about,
contributing) are never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from hemeroteca.catalogue.authorities import load_authorities
from hemeroteca.catalogue.store import load_records
from hemeroteca.fileio import write_if_changed
from hemeroteca.project import Project
from hemeroteca.render.indexes import index_pages
from hemeroteca.render.links import article_path
from hemeroteca.render.model import SiteModel, build_model
from hemeroteca.render.pages import article_page

MANIFEST = ".generated"


@dataclass
class RenderReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    articles: int = 0


def site_pages(model: SiteModel, authorities) -> dict[str, str]:
    """Every generated docs/ file, path -> content."""
    pages = {article_path(a.id): article_page(a, authorities) for a in model.articles}
    pages.update(index_pages(model))
    return pages


def render(
    project: Project,
    *,
    progress: Callable[[Iterable[tuple[str, str]]], Iterable[tuple[str, str]]] | None = None,
) -> RenderReport:
    records, errors = load_records(project)
    if errors:
        raise errors[0]
    authorities = load_authorities(project.authorities_dir)
    model = build_model(records, authorities)
    pages = site_pages(model, authorities)
    docs = project.docs_dir
    manifest = docs / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    report = RenderReport(articles=len(model.articles))
    items = sorted(pages.items())
    for rel, content in progress(items) if progress else items:
        if write_if_changed(docs / rel, content):
            report.written.append(rel)
        else:
            report.unchanged += 1
    for rel in sorted(previous - pages.keys()):
        target = docs / rel
        if target.is_file():
            target.unlink()
            report.removed.append(rel)
    write_if_changed(manifest, "\n".join(sorted(pages)) + "\n")
    return report
