"""Write docs/ from the catalogue: generated files only, each written only if it changed.

A manifest (``docs/.generated``) remembers which files render wrote, so a file
that is no longer generated is removed while hand-written pages (about,
contributing, search) are never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import yaml

from hemeroteca.catalogue.authorities import load_authorities
from hemeroteca.catalogue.store import load_records
from hemeroteca.fileio import write_if_changed
from hemeroteca.project import Project
from hemeroteca.render.exports import export_files
from hemeroteca.render.indexes import index_pages
from hemeroteca.render.links import article_path
from hemeroteca.render.model import SiteModel, build_model
from hemeroteca.render.pages import article_page
from hemeroteca.render.search_index import build_index

MANIFEST = ".generated"


@dataclass
class RenderReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    articles: int = 0


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even if someone adds ``!!python/name`` or ``!ENV`` tags to it."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_identity(project: Project) -> tuple[str, str | None]:
    """``site_name`` and ``site_url`` from mkdocs.yml: citations and feeds name the site."""
    if not project.mkdocs_yml.is_file():
        return "Hemeroteca", None
    config = yaml.load(project.mkdocs_yml.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    return str(config.get("site_name") or "Hemeroteca"), config.get("site_url") or None


def site_files(model: SiteModel) -> dict[str, str]:
    """Every generated docs/ file, path -> content."""
    files = {article_path(a.id): article_page(a, model) for a in model.articles}
    files.update(index_pages(model))
    files.update(export_files(model))
    files.update(build_index(model))
    return files


def load_model(project: Project) -> SiteModel:
    """The whole site as data, from the records, the authority files and mkdocs.yml."""
    records, errors = load_records(project)
    if errors:
        raise errors[0]
    authorities = load_authorities(project.authorities_dir)
    name, url = site_identity(project)
    return build_model(records, authorities, site_name=name, site_url=url)


def render(
    project: Project,
    *,
    progress: Callable[[Iterable[tuple[str, str]]], Iterable[tuple[str, str]]] | None = None,
) -> RenderReport:
    model = load_model(project)
    files = site_files(model)
    docs = project.docs_dir
    manifest = docs / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    report = RenderReport(articles=len(model.articles))
    items = sorted(files.items())
    for rel, content in progress(items) if progress else items:
        if write_if_changed(docs / rel, content, durable=False):
            report.written.append(rel)
        else:
            report.unchanged += 1
    for rel in sorted(previous - files.keys()):
        target = docs / rel
        if target.is_file():
            target.unlink()
            report.removed.append(rel)
    write_if_changed(manifest, "\n".join(sorted(files)) + "\n")
    return report
