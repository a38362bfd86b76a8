"""Index pages: the home page, one overview per facet and one page per facet value.

Lists are newest first and cut into pages of at most ``PAGE_SIZE`` entries so
no page grows with the archive.
"""

from __future__ import annotations

from hemeroteca.render.format import country_name, format_date, md_escape
from hemeroteca.render.links import PAGE_SIZE, article_path, facet_overview_path, facet_path, link
from hemeroteca.render.model import UNDATED, Article, Facet, SiteModel

FACET_TITLES = {
    "countries": "Countries",
    "years": "Years",
    "topics": "Topics",
    "actors": "Actors",
    "languages": "Languages",
}
LATEST = 10


def article_line(article: Article, here: str) -> str:
    countries = ", ".join(country_name(c) for c in article.countries)
    tail = f" · {countries}" if countries else ""
    return (
        f"- {format_date(article.date)} · "
        f"[{md_escape(article.title)}]({link(here, article_path(article.id))}){tail}"
    )


def _pager(kind: str, key: str, page: int, pages: int, here: str) -> str:
    if pages == 1:
        return ""
    parts = []
    for number in range(1, pages + 1):
        if number == page:
            parts.append(f"**{number}**")
        else:
            parts.append(f"[{number}]({link(here, facet_path(kind, key, number))})")
    return "Pages: " + " · ".join(parts) + "\n"


def facet_pages(kind: str, facet: Facet) -> dict[str, str]:
    """The page(s) of one facet value, paginated."""
    chunks = [facet.articles[i : i + PAGE_SIZE] for i in range(0, len(facet.articles), PAGE_SIZE)]
    out = {}
    for page, chunk in enumerate(chunks, start=1):
        here = facet_path(kind, facet.key, page)
        heading = f"# {md_escape(facet.label)}"
        if facet.detail.get("type"):
            heading += f" ({facet.detail['type']})"
        lines = [heading, ""]
        if facet.detail.get("aliases"):
            lines += ["Also known as: " + ", ".join(md_escape(a) for a in facet.detail["aliases"]), ""]
        lines += [f"{len(facet.articles)} articles, newest first.", ""]
        lines.append(_pager(kind, facet.key, page, len(chunks), here))
        lines += [article_line(a, here) for a in chunk]
        lines.append("")
        lines.append(f"[All {FACET_TITLES[kind].lower()}]({link(here, facet_overview_path(kind))})")
        out[here] = "\n".join(lines) + "\n"
    return out


def _overview_order(kind: str, facets: dict[str, Facet]) -> list[Facet]:
    if kind == "years":
        dated = sorted((f for f in facets.values() if f.key != UNDATED), key=lambda f: f.key)
        return dated[::-1] + [f for f in facets.values() if f.key == UNDATED]
    return sorted(facets.values(), key=lambda f: (f.label.casefold(), f.key))


def overview_page(kind: str, facets: dict[str, Facet]) -> str:
    here = facet_overview_path(kind)
    lines = [f"# {FACET_TITLES[kind]}", ""]
    for facet in _overview_order(kind, facets):
        extra = f" · {facet.detail['type']}" if facet.detail.get("type") else ""
        lines.append(
            f"- [{md_escape(facet.label)}]({link(here, facet_path(kind, facet.key))})"
            f" ({len(facet.articles)}){extra}"
        )
    return "\n".join(lines) + "\n"


def home_page(model: SiteModel) -> str:
    here = "index.md"
    counts = {kind: len(model.facets[kind]) for kind in FACET_TITLES}
    lines = [
        "# News archive",
        "",
        f"The archive holds **{len(model.articles)} articles** about "
        f"{counts['countries']} countries, with {counts['actors']} actors, "
        f"{counts['topics']} topics, {counts['years']} years and {counts['languages']} languages.",
        "",
        "## Browse",
        "",
    ]
    for kind, title in FACET_TITLES.items():
        lines.append(f"- [{title}]({link(here, facet_overview_path(kind))}) ({counts[kind]})")
    lines += ["", "## Latest additions", ""]
    lines += [article_line(a, here) for a in model.articles[:LATEST]]
    return "\n".join(lines) + "\n"


def index_pages(model: SiteModel) -> dict[str, str]:
    pages = {"index.md": home_page(model)}
    for kind in FACET_TITLES:
        pages[facet_overview_path(kind)] = overview_page(kind, model.facets[kind])
        for facet in model.facets[kind].values():
            pages.update(facet_pages(kind, facet))
    return pages
