"""Index pages: the home page, one overview per facet and one page per facet value.

Lists are newest first and cut into pages of at most ``PAGE_SIZE`` entries so
no page grows with the archive; overviews longer than that are paginated too.
Charts (map, timelines) are inline SVG drawn here, at build time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from hemeroteca.catalogue.record import text_digest
from hemeroteca.render.charts import americas_map, months_chart, years_chart
from hemeroteca.render.format import date_html, html_text, md_escape, slugify, translated_n
from hemeroteca.render.links import (
    PAGE_SIZE,
    article_path,
    facet_overview_path,
    facet_path,
    html_link,
    link,
)
from hemeroteca.render.messages import N_, N_plural
from hemeroteca.render.model import UNDATED, Article, Facet, SiteModel
from hemeroteca.render.pages import ACTOR_TYPES

FACET_TITLES = {
    "countries": N_("Countries"),
    "years": N_("Years"),
    "topics": N_("Topics"),
    "actors": N_("Actors"),
    "languages": N_("Languages"),
}
FACET_INTROS = {
    "countries": N_(
        "Countries the articles are about, shaded by number of articles. Select a country "
        "on the map or in the list."
    ),
    "years": N_("Articles per year of publication. Select a bar or a year in the list."),
    "topics": N_("Topics of the controlled vocabulary, with the number of articles on each."),
    "actors": N_(
        "People and organisations acting in the stories, A–Z, with the names they are also known by."
    ),
    "languages": N_("Languages the articles are written in."),
}
FACET_ALL = {
    "countries": N_("All countries"),
    "years": N_("All years"),
    "topics": N_("All topics"),
    "actors": N_("All actors"),
    "languages": N_("All languages"),
}
LATEST = 10


def _countries(article: Article, model: SiteModel) -> str:
    """The article's countries, one element each so the browser can rename them."""
    names = [f"<span>{html_text(model.messages.country(c))}</span>" for c in article.countries]
    return f" · {', '.join(names)}" if names else ""


def article_line(article: Article, here: str, model: SiteModel) -> str:
    """One article in a Markdown list (the home page): date, headline in its language, countries."""
    href = html_text(html_link(here, article_path(article.id)))
    title = f'<a href="{href}" lang="{html_text(article.language)}">{html_text(article.title)}</a>'
    return f"- {date_html(model.messages, article.date)} · {title}{_countries(article, model)}"


def article_item(article: Article, here: str, model: SiteModel) -> str:
    """One article in a facet page's list, as HTML (see ``facet_pages``)."""
    href = html_text(html_link(here, article_path(article.id)))
    return (
        f"<li>{date_html(model.messages, article.date)} · "
        f'<a href="{href}" lang="{html_text(article.language)}">{html_text(article.title)}</a>'
        f"{_countries(article, model)}</li>"
    )


class ArticleItems:
    """``article_item`` once per article and way to reach it: an article is listed on ~9 facet
    pages at 10,000 articles, and its item differs only in the relative link to articles/,
    which is the same from every browse/ folder."""

    def __init__(self, model: SiteModel) -> None:
        self._model = model
        self._made: dict[tuple[str, str], str] = {}

    def __call__(self, article: Article, here: str) -> str:
        key = (article.id, link(here, "articles/"))
        item = self._made.get(key)
        if item is None:
            item = self._made[key] = article_item(article, here, self._model)
        return item


def _chunks(items: list, size: int = PAGE_SIZE) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


@dataclass(frozen=True)
class ListPages:
    """A facet's list cut into pages, each page's articles newest first (see ``list_pages``)."""

    first: list[Article]  # the newest: the facet's own page
    older: list[list[Article]]  # page N (from 1) holds the Nth PAGE_SIZE articles counted from the oldest
    undated: list[list[Article]]  # the same for the undated articles, counted from the first added


def _from_oldest(
    newest_first: list[Article], size: int, *, keep: int
) -> tuple[list[Article], list[list[Article]]]:
    """(the newest ``keep`` to ``keep + size - 1`` articles, pages of ``size`` before them oldest first)."""
    oldest = newest_first[::-1]
    full = max(0, (len(oldest) - keep) // size) if keep else -(-len(oldest) // size)
    pages = [oldest[i * size : (i + 1) * size][::-1] for i in range(full)]
    return oldest[full * size :][::-1], pages


def list_pages(articles: list[Article], size: int = PAGE_SIZE) -> ListPages:
    """A facet's articles (newest first, undated last) as pages that stay put when articles are added.

    Pages are counted from the oldest article, so a page once full always holds the same
    articles and keeps its address: a new article (the newest, as news usually is) changes
    only the facet's first page, which shows the newest ``size`` to ``2 * size - 1``. The
    undated articles have no place in time: they follow on pages of their own, counted from the
    first added, so a new undated article changes only the last of those. A list shorter than
    ``2 * size`` is one page. (An article dated before others moves those after it by one.)
    """
    if len(articles) < 2 * size:
        return ListPages(articles, [], [])
    dated = [a for a in articles if a.date]
    undated = [a for a in articles if not a.date]
    if not dated:  # a list of undated articles only (the year 'Undated'): counted as dated ones are
        dated, undated = undated, []
    first, older = _from_oldest(dated, size, keep=size)
    _, undated_pages = _from_oldest(undated, size, keep=0)
    return ListPages(first, older, undated_pages)


def _pager(paths: list[tuple[str, str]], here: str, model: SiteModel) -> str:
    """Links to the pages of a paginated list, as an HTML block (Markdown pages take it too).

    ``paths``: (label, path) in the order a reader goes through them; an empty label starts
    the undated pages.
    """
    if len(paths) == 1:
        return ""
    m = model.messages
    parts = []
    for label, path in paths:
        if not label:
            parts.append(f"<span>{html_text(m.gettext('Undated'))}:</span>")
            continue
        shown = html_text(label)
        link_to = f'<a href="{html_link(here, path)}">{shown}</a>'
        parts.append(f"<strong>{shown}</strong>" if path == here else link_to)
    label = html_text(m.gettext("Pages:"))
    return f'<p class="hem-pager"><span>{label}</span> ' + " · ".join(parts) + "</p>"


@dataclass(frozen=True)
class _FacetList:
    """One facet value's pages: (label in the pager, path, articles) in the order a reader goes
    through them (an empty path starts the undated pages)."""

    kind: str
    facet: Facet
    pages: tuple[tuple[str, str, list[Article]], ...]

    @property
    def first(self) -> str:
        return self.pages[0][1]

    @property
    def links(self) -> list[tuple[str, str]]:
        return [(label, path) for label, path, _ in self.pages]


def _facet_list(kind: str, facet: Facet, model: SiteModel) -> _FacetList:
    cut = list_pages(facet.articles)
    pages = [(model.messages.gettext("Latest articles"), facet_path(kind, facet.slug), cut.first)]
    older = range(len(cut.older), 0, -1)
    pages += [(str(n), facet_path(kind, facet.slug, n), cut.older[n - 1]) for n in older]
    if cut.undated:
        pages.append(("", "", []))
        pages += [
            (str(n), facet_path(kind, facet.slug, n, undated=True), cut.undated[n - 1])
            for n in range(len(cut.undated), 0, -1)
        ]
    return _FacetList(kind, facet, tuple(pages))


def _facet_page(
    listed: _FacetList, here: str, chunk: list[Article], model: SiteModel, item: ArticleItems
) -> str:
    """One page of a facet value's list.

    These are most of the site's index pages (hundreds at 10,000 articles, with ~90,000
    links), so like article pages they are HTML blocks under JSON front matter: MkDocs
    passes them through, and the fast path fills them into one shell (``shell.py``).
    """
    m = model.messages
    kind, facet = listed.kind, listed.facet
    label = model.label(kind, facet)
    kind_word = (
        m.gettext(ACTOR_TYPES[facet.detail["type"]]) if facet.detail.get("type") in ACTOR_TYPES else ""
    )
    title = label + (f" ({kind_word})" if kind_word else "")
    heading = html_text(label) + (f" (<span>{html_text(kind_word)}</span>)" if kind_word else "")
    blocks = [f'<h1 id="title">{heading}</h1>']
    if facet.detail.get("aliases"):
        also = html_text(", ".join(facet.detail["aliases"]))
        known = html_text(m.gettext("Also known as:"))
        blocks.append(f"<p><span>{known}</span> {also}</p>")
    if here == listed.first:  # the count changes with every article: on the first page only
        count = len(facet.articles)
        blocks.append(
            translated_n(m, "{n} article, newest first.", "{n} articles, newest first.", count, tag="p")
        )
        if kind == "years" and facet.key != UNDATED:
            chart = months_chart([a.date for a in facet.articles], facet.key, m)
            blocks.append(f'<div class="hem-figure">{chart}</div>')
    pager = _pager(listed.links, here, model)
    if pager:
        blocks.append(pager)
    blocks.append('<ul class="hem-list">\n' + "\n".join(item(a, here) for a in chunk) + "\n</ul>")
    overview = html_link(here, facet_overview_path(kind))
    every = html_text(m.gettext(FACET_ALL[kind]))
    blocks.append(f'<p><a href="{overview}">{every}</a></p>')
    head = json.dumps({"title": html_text(title)}, ensure_ascii=False, separators=(",", ":"))
    return f"---\n{head}\n---\n\n" + "\n\n".join(blocks) + "\n"


class FacetPages(Mapping[str, str]):
    """The page of every facet value, by path, each made only when asked for.

    ``key`` says what a page is made from (its place in the list, the pager, the keys of the
    articles it lists, and on a list's first page the count and, for a year, every date), so a
    writer can leave alone a page it already wrote for the same key
    (``render.writer.GeneratedFiles``): after one new article, one page of each of its lists.
    """

    def __init__(self, model: SiteModel) -> None:
        self._model = model
        self._items = ArticleItems(model)
        self._pages: dict[str, tuple[_FacetList, list[Article]]] = {}
        for kind in FACET_TITLES:
            for facet in model.facets[kind].values():
                listed = _facet_list(kind, facet, model)
                for _, path, chunk in listed.pages:
                    if path:
                        self._pages[path] = (listed, chunk)

    def __getitem__(self, rel: str) -> str:
        listed, chunk = self._pages[rel]
        return _facet_page(listed, rel, chunk, self._model, self._items)

    def __iter__(self) -> Iterator[str]:
        return iter(self._pages)

    def __len__(self) -> int:
        return len(self._pages)

    def __contains__(self, rel: object) -> bool:
        return rel in self._pages

    def key(self, rel: str) -> str:
        listed, chunk = self._pages[rel]
        facet = listed.facet
        parts = [rel, self._model.language, listed.kind, facet.key, facet.slug]
        parts += [repr(sorted(facet.detail.items())), repr(listed.links)]
        if rel == listed.first:
            parts.append(str(len(facet.articles)))
            if listed.kind == "years":
                parts.extend(a.date or "" for a in facet.articles)
        parts.extend(a.key for a in chunk)
        return text_digest("\n".join(parts))


def facet_pages(kind: str, facet: Facet, model: SiteModel) -> dict[str, str]:
    """The page(s) of one facet value, paginated from the oldest (``list_pages``)."""
    listed, item = _facet_list(kind, facet, model), ArticleItems(model)
    return {path: _facet_page(listed, path, chunk, model, item) for _, path, chunk in listed.pages if path}


def _overview_order(kind: str, facets: dict[str, Facet], model: SiteModel) -> list[Facet]:
    if kind == "years":
        dated = sorted((f for f in facets.values() if f.key != UNDATED), key=lambda f: f.key)
        return dated[::-1] + [f for f in facets.values() if f.key == UNDATED]
    return sorted(facets.values(), key=lambda f: (slugify(model.label(kind, f)), f.key))


def _overview_chart(kind: str, facets: dict[str, Facet], here: str, model: SiteModel) -> str:
    def href(key: str) -> str:
        return html_link(here, model.facet_path(kind, key))

    if kind == "countries":
        counts = {key: len(f.articles) for key, f in facets.items()}
        return americas_map(counts, model.messages, href)
    if kind == "years":
        counts = {key: len(f.articles) for key, f in facets.items() if key != UNDATED}
        return years_chart(counts, href, model.messages)
    return ""


def _overview_entry(kind: str, facet: Facet, here: str, model: SiteModel) -> str:
    m = model.messages
    label = md_escape(model.label(kind, facet))
    line = f"- [{label}]({link(here, facet_path(kind, facet.slug))}) ({len(facet.articles)})"
    if facet.detail.get("type") in ACTOR_TYPES:
        kind_word = html_text(m.gettext(ACTOR_TYPES[facet.detail["type"]]))
        line += f" · <span>{kind_word}</span>"
    if facet.detail.get("aliases"):
        also = html_text(m.gettext("also"))
        line += f" · <span>{also}</span> " + ", ".join(md_escape(a) for a in facet.detail["aliases"])
    return line


def overview_pages(kind: str, facets: dict[str, Facet], model: SiteModel) -> dict[str, str]:
    """The overview of one facet: chart, then every value with its count (A–Z headings for actors)."""
    m = model.messages
    ordered = _overview_order(kind, facets, model)
    chunks = _chunks(ordered)
    first = facet_overview_path(kind)
    paths = [first] + [first.replace("index.md", f"index-page-{n}.md") for n in range(2, len(chunks) + 1)]
    links = [(str(number), path) for number, path in enumerate(paths, start=1)]
    out = {}
    for page, (here, chunk) in enumerate(zip(paths, chunks, strict=True), start=1):
        title, intro = md_escape(m.gettext(FACET_TITLES[kind])), md_escape(m.gettext(FACET_INTROS[kind]))
        lines = [f"# {title}", "", intro, ""]
        chart = _overview_chart(kind, facets, here, model) if page == 1 else ""
        if chart:
            lines += [f'<div class="hem-figure">{chart}</div>', ""]
        pager = _pager(links, here, model)
        if pager:
            lines += [pager, ""]
        letter = None
        for facet in chunk:
            if kind == "actors":
                initial = (slugify(facet.label)[:1] or "#").upper()
                if initial != letter:
                    letter = initial
                    lines += ["", f"## {initial}", ""]
            lines.append(_overview_entry(kind, facet, here, model))
        out[here] = "\n".join(lines) + "\n"
    return out


def home_page(model: SiteModel) -> str:
    m = model.messages
    here = "index.md"
    counts = model.counts
    stats = [
        (counts["articles"], N_plural("article", "articles"), "search.md"),
        (counts["countries"], N_plural("country", "countries"), facet_overview_path("countries")),
        (counts["actors"], N_plural("actor", "actors"), facet_overview_path("actors")),
        (counts["years"], N_plural("year", "years"), facet_overview_path("years")),
        (counts["languages"], N_plural("language", "languages"), facet_overview_path("languages")),
    ]
    search = html_text(m.gettext("Search"))
    search_label = html_text(m.gettext("Search the archive"))
    example = html_text(m.gettext("e.g. cooperativas, export, Sebrae"))
    browse, latest = md_escape(m.gettext("Browse")), md_escape(m.gettext("Latest articles"))
    downloads = md_escape(m.gettext("Data downloads"))
    lines = [
        f"# {md_escape(model.site_name)}",
        "",
        md_escape(
            m.gettext(
                "A curated archive of news about micro, small and medium-sized enterprises and productive "
                "cooperation in the Americas, in English, Spanish and Portuguese."
            )
        ),
        "",
        '<form class="hem-search-form" action="search.html" method="get" role="search">'
        f'<label for="hem-home-q">{search_label}</label>'
        f'<input type="search" id="hem-home-q" name="q" placeholder="{example}">'
        f'<button type="submit" class="md-button md-button--primary">{search}</button></form>',
        "",
        '<ul class="hem-stats">'
        + "".join(
            f'<li><a href="{html_link(here, target)}"><strong>{value}</strong> '
            f"{translated_n(m, *words, value)}</a></li>"
            for value, words, target in stats
        )
        + "</ul>",
        "",
        f"## {browse}",
        "",
    ]
    for kind, title in FACET_TITLES.items():
        name = md_escape(m.gettext(title))
        lines.append(f"- [{name}]({link(here, facet_overview_path(kind))}) ({counts[kind]})")
    lines += [
        f"- [{downloads}](data/index.md): "
        + md_escape(m.gettext("the catalogue as JSON and CSV, and a feed of the latest articles")),
        "",
        f"## {latest}",
        "",
    ]
    lines += [article_line(a, here, model) for a in model.articles[:LATEST]]
    return "\n".join(lines) + "\n"


def search_page(model: SiteModel) -> str:
    """The search page: the form, what shows without JavaScript, and the slots search.js fills."""
    m = model.messages
    search = html_text(m.gettext("Search"))
    label = html_text(m.gettext("Search words in titles and texts (English, Spanish, Portuguese)"))
    example = html_text(m.gettext("e.g. cooperativas, export, Sebrae"))
    needs = html_text(
        m.gettext("Search needs JavaScript. Without it, browse by country, year, topic, actor or language.")
    )
    filters, more = html_text(m.gettext("Filters")), html_text(m.gettext("More results"))
    return "\n".join(
        [
            f"# {search}",
            "",
            '<div id="hem-search" class="hem-search" data-base=".">',
            '<form class="hem-search-form" role="search" action="search.html" method="get">'
            f'<label for="hem-q">{label}</label>'
            f'<input type="search" id="hem-q" name="q" autocomplete="off" placeholder="{example}">'
            f'<button type="submit" class="md-button md-button--primary">{search}</button></form>',
            f'<p class="hem-search-status" role="status" aria-live="polite">{needs}</p>',
            '<div class="hem-search-layout">'
            f'<div class="hem-facets" role="group" aria-label="{filters}"></div>'
            '<div><ol class="hem-results"></ol>'
            f'<button type="button" class="md-button hem-more" hidden>{more}</button></div></div>',
            "</div>",
            '<script src="assets/hemeroteca/search.js"></script>',
            "",
            md_escape(
                m.gettext(
                    "Words are matched in every language of the archive, with their inflections "
                    "(cooperativas also finds cooperativa); little words such as de or and are left "
                    "out. The name of a country or topic in English, Spanish or Portuguese (Brasil, "
                    "República Dominicana, cooperatives) also finds the articles tagged with it. All "
                    "words must appear; the most relevant articles come first (the words in their "
                    "title or tags, words used often, rare words count more), or the newest if you "
                    "choose. A misspelt word is replaced by the nearest word of the archive. Filters "
                    "and the sort are kept in the page's address, so a link shares them. The search "
                    "works the same on the website and in a copy opened from disk, with no network."
                )
            ),
            "",
        ]
    )


def index_pages(model: SiteModel) -> dict[str, str]:
    """Home, search, the overviews and every facet value's pages."""
    return other_index_pages(model) | dict(FacetPages(model))


def other_index_pages(model: SiteModel) -> dict[str, str]:
    """Home, search and the overviews: the few index pages not in ``FacetPages``."""
    pages = {"index.md": home_page(model), "search.md": search_page(model)}
    for kind in FACET_TITLES:
        pages.update(overview_pages(kind, model.facets[kind], model))
    return pages
