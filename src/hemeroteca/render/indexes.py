"""Index pages: the home page, one overview per facet and one page per facet value.

Lists are newest first and cut into pages of at most ``PAGE_SIZE`` entries so
no page grows with the archive; overviews longer than that are paginated too.
Charts (map, timelines) are inline SVG drawn here, at build time.
"""

from __future__ import annotations

import json
import posixpath

from hemeroteca.render.charts import americas_map, months_chart, years_chart
from hemeroteca.render.format import format_date, html_text, md_escape, slugify
from hemeroteca.render.links import (
    PAGE_SIZE,
    article_path,
    facet_overview_path,
    facet_path,
    html_link,
    link,
)
from hemeroteca.render.model import UNDATED, Article, Facet, SiteModel

FACET_TITLES = {
    "countries": "Countries",
    "years": "Years",
    "topics": "Topics",
    "actors": "Actors",
    "languages": "Languages",
}
FACET_INTROS = {
    "countries": "Countries the articles are about, shaded by number of articles. Select a country "
    "on the map or in the list.",
    "years": "Articles per year of publication. Select a bar or a year in the list.",
    "topics": "Topics of the controlled vocabulary, with the number of articles on each.",
    "actors": "People and organisations acting in the stories, A–Z, with the names they are also known by.",
    "languages": "Languages the articles are written in.",
}
LATEST = 10


def article_line(article: Article, here: str) -> str:
    countries = ", ".join(article.country_names)
    tail = f" · {md_escape(countries)}" if countries else ""
    return (
        f"- {format_date(article.date)} · "
        f"[{md_escape(article.title)}]({link(here, article_path(article.id))}){tail}"
    )


def article_item(article: Article, here: str) -> str:
    """One article in a facet page's list, as HTML (see ``facet_pages``)."""
    countries = ", ".join(article.country_names)
    tail = f" · {html_text(countries)}" if countries else ""
    href = html_text(html_link(here, article_path(article.id)))
    return f'<li>{format_date(article.date)} · <a href="{href}">{html_text(article.title)}</a>{tail}</li>'


class ArticleItems:
    """``article_item`` once per article and folder: an article is listed on ~9 facet pages at
    10,000 articles, and its item differs only between folders (the link is relative)."""

    def __init__(self) -> None:
        self._made: dict[tuple[str, str], str] = {}

    def __call__(self, article: Article, here: str) -> str:
        key = (article.id, posixpath.dirname(here))
        item = self._made.get(key)
        if item is None:
            item = self._made[key] = article_item(article, here)
        return item


def _chunks(items: list, size: int = PAGE_SIZE) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def _pager(paths: list[str], page: int, here: str) -> str:
    """Links to the other pages of a paginated list, as an HTML block (Markdown pages take it too)."""
    if len(paths) == 1:
        return ""
    parts = [
        f"<strong>{number}</strong>" if number == page else f'<a href="{html_link(here, path)}">{number}</a>'
        for number, path in enumerate(paths, start=1)
    ]
    return '<p class="hem-pager">Pages: ' + " · ".join(parts) + "</p>"


def facet_pages(kind: str, facet: Facet, items: ArticleItems | None = None) -> dict[str, str]:
    """The page(s) of one facet value, paginated.

    These are most of the site's index pages (hundreds at 10,000 articles, with ~90,000
    links), so like article pages they are HTML blocks under JSON front matter: MkDocs
    passes them through, and the fast path fills them into one shell (``shell.py``).
    """
    item = items or article_item
    chunks = _chunks(facet.articles)
    paths = [facet_path(kind, facet.key, page) for page in range(1, len(chunks) + 1)]
    out = {}
    title = facet.label + (f" ({facet.detail['type']})" if facet.detail.get("type") else "")
    for page, (here, chunk) in enumerate(zip(paths, chunks, strict=True), start=1):
        blocks = [f'<h1 id="title">{html_text(title)}</h1>']
        if facet.detail.get("aliases"):
            blocks.append("<p>Also known as: " + html_text(", ".join(facet.detail["aliases"])) + "</p>")
        count = len(facet.articles)
        blocks.append(f"<p>{count} article{'' if count == 1 else 's'}, newest first.</p>")
        if kind == "years" and facet.key != UNDATED and page == 1:
            chart = months_chart([a.date for a in facet.articles], facet.key)
            blocks.append(f'<div class="hem-figure">{chart}</div>')
        pager = _pager(paths, page, here)
        if pager:
            blocks.append(pager)
        blocks.append('<ul class="hem-list">\n' + "\n".join(item(a, here) for a in chunk) + "\n</ul>")
        overview = html_link(here, facet_overview_path(kind))
        blocks.append(f'<p><a href="{overview}">All {FACET_TITLES[kind].lower()}</a></p>')
        head = json.dumps({"title": html_text(title)}, ensure_ascii=False, separators=(",", ":"))
        out[here] = f"---\n{head}\n---\n\n" + "\n\n".join(blocks) + "\n"
    return out


def _overview_order(kind: str, facets: dict[str, Facet]) -> list[Facet]:
    if kind == "years":
        dated = sorted((f for f in facets.values() if f.key != UNDATED), key=lambda f: f.key)
        return dated[::-1] + [f for f in facets.values() if f.key == UNDATED]
    return sorted(facets.values(), key=lambda f: (slugify(f.label), f.key))


def _overview_chart(kind: str, facets: dict[str, Facet], here: str) -> str:
    if kind == "countries":
        counts = {key: len(f.articles) for key, f in facets.items()}
        names = {key: f.label for key, f in facets.items()}
        return americas_map(counts, names, lambda code: html_link(here, facet_path(kind, code)))
    if kind == "years":
        counts = {key: len(f.articles) for key, f in facets.items() if key != UNDATED}
        return years_chart(counts, lambda year: html_link(here, facet_path(kind, year)))
    return ""


def _overview_entry(kind: str, facet: Facet, here: str) -> str:
    line = f"- [{md_escape(facet.label)}]({link(here, facet_path(kind, facet.key))}) ({len(facet.articles)})"
    if facet.detail.get("type"):
        line += f" · {facet.detail['type']}"
    if facet.detail.get("aliases"):
        line += " · also " + ", ".join(md_escape(a) for a in facet.detail["aliases"])
    return line


def overview_pages(kind: str, facets: dict[str, Facet]) -> dict[str, str]:
    """The overview of one facet: chart, then every value with its count (A–Z headings for actors)."""
    ordered = _overview_order(kind, facets)
    chunks = _chunks(ordered)
    first = facet_overview_path(kind)
    paths = [first] + [first.replace("index.md", f"index-page-{n}.md") for n in range(2, len(chunks) + 1)]
    out = {}
    for page, (here, chunk) in enumerate(zip(paths, chunks, strict=True), start=1):
        lines = [f"# {FACET_TITLES[kind]}", "", FACET_INTROS[kind], ""]
        chart = _overview_chart(kind, facets, here) if page == 1 else ""
        if chart:
            lines += [f'<div class="hem-figure">{chart}</div>', ""]
        pager = _pager(paths, page, here)
        if pager:
            lines += [pager, ""]
        letter = None
        for facet in chunk:
            if kind == "actors":
                initial = (slugify(facet.label)[:1] or "#").upper()
                if initial != letter:
                    letter = initial
                    lines += ["", f"## {initial}", ""]
            lines.append(_overview_entry(kind, facet, here))
        out[here] = "\n".join(lines) + "\n"
    return out


def home_page(model: SiteModel) -> str:
    here = "index.md"
    counts = model.counts
    lines = [
        f"# {md_escape(model.site_name)}",
        "",
        "A curated archive of news about micro, small and medium-sized enterprises and productive "
        "cooperation in the Americas, in English, Spanish and Portuguese.",
        "",
        '<form class="hem-search-form" action="search.html" method="get" role="search">'
        '<label for="hem-home-q">Search the archive</label>'
        '<input type="search" id="hem-home-q" name="q" placeholder="e.g. cooperativas, export, Sebrae">'
        '<button type="submit" class="md-button md-button--primary">Search</button></form>',
        "",
        '<ul class="hem-stats">'
        + "".join(
            f'<li><a href="{html_link(here, target)}"><strong>{value}</strong> {name}</a></li>'
            for value, name, target in [
                (counts["articles"], "articles", "search.md"),
                (counts["countries"], "countries", facet_overview_path("countries")),
                (counts["actors"], "actors", facet_overview_path("actors")),
                (counts["years"], "years", facet_overview_path("years")),
                (counts["languages"], "languages", facet_overview_path("languages")),
            ]
        )
        + "</ul>",
        "",
        "## Browse",
        "",
    ]
    for kind, title in FACET_TITLES.items():
        lines.append(f"- [{title}]({link(here, facet_overview_path(kind))}) ({counts[kind]})")
    lines += [
        "- [Data downloads](data/index.md): the catalogue as JSON and CSV, and a feed of the latest articles",
        "",
        "## Latest articles",
        "",
    ]
    lines += [article_line(a, here) for a in model.articles[:LATEST]]
    return "\n".join(lines) + "\n"


def index_pages(model: SiteModel) -> dict[str, str]:
    pages = {"index.md": home_page(model)}
    items = ArticleItems()
    for kind in FACET_TITLES:
        pages.update(overview_pages(kind, model.facets[kind]))
        for facet in model.facets[kind].values():
            pages.update(facet_pages(kind, facet, items))
    return pages
