"""The page of one article: headline, metadata panel, the text as published, provenance, citation.

Everything from a record goes out as escaped HTML inside raw HTML blocks, so
whatever a source contains (``<script>``, ``{{ config }}``, ``{% raw %}``,
Markdown) is shown as text and never interpreted. Head metadata (language,
JSON-LD, Dublin Core, search filters) travels in the page's front matter for
the theme override to write.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from hemeroteca.render.cite import bibtex, csl_json, reference
from hemeroteca.render.format import format_date, html_text
from hemeroteca.render.headmeta import head_html
from hemeroteca.render.links import article_path, facet_path, html_link
from hemeroteca.render.model import UNDATED, Article, SiteModel
from hemeroteca.weburl import web_url

CSL_MEDIATYPE = "application/vnd.citationstyles.csl+json"


def _body_html(article: Article) -> str:
    paras = [p.strip() for p in article.body.split("\n\n") if p.strip()]
    inner = "\n".join(f"<p>{html_text(p)}</p>" for p in paras)
    return f'<div class="hem-text" lang="{html_text(article.language)}">\n{inner}\n</div>'


def _a(here: str, kind: str, key: str, label: str) -> str:
    return f'<a href="{html_text(html_link(here, facet_path(kind, key)))}">{html_text(label)}</a>'


def _panel(article: Article) -> str:
    here = article_path(article.id)
    countries = ", ".join(
        _a(here, "countries", code, name)
        for code, name in zip(article.countries, article.country_names, strict=True)
    )
    actors = []
    for actor in article.actors:
        alias = f" ({html_text(actor.alias)})" if actor.alias and actor.alias != actor.name else ""
        actors.append(
            f'<li>{_a(here, "actors", actor.slug, actor.name)}{alias} <span class="hem-type">'
            f"{html_text(actor.type)}</span></li>"
        )
    topics = ", ".join(_a(here, "topics", t.id, t.label) for t in article.topics)
    if article.review == "reviewed":
        review = '<span class="hem-badge hem-badge--reviewed">Metadata checked by a person</span>'
    else:
        review = '<span class="hem-badge hem-badge--auto">Metadata proposed automatically</span>'
    rows = [
        ("Date", _a(here, "years", article.year or UNDATED, format_date(article.date))),
        ("Language", _a(here, "languages", article.language, article.language_name)),
        ("Countries", countries or "none identified"),
        ("Actors", f'<ul class="hem-actors">{"".join(actors)}</ul>' if actors else "none identified"),
        ("Topics", topics or "none assigned"),
        ("Review", review),
    ]
    cells = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return f'<div class="hem-panel" lang="en"><dl>{cells}</dl></div>'


def _provenance(article: Article) -> str:
    source = article.source
    rows = [("Source file", f"<code>{html_text(str(source.get('path', '')))}</code>")]
    rows.append(("SHA-256", f'<code class="hem-hash">{html_text(str(source.get("sha256", "")))}</code>'))
    if web_url(source.get("url")):
        url = html_text(source["url"])
        rows.append(("Original URL", f'<a href="{url}" rel="nofollow noopener">{url}</a>'))
    if source.get("publisher"):
        rows.append(("Publisher", html_text(str(source["publisher"]))))
    rows.append(("Record", f"<code>{html_text(article.id)}</code>"))
    cells = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return f'<div class="hem-provenance" lang="en"><dl>{cells}</dl></div>'


def _download(name: str, mediatype: str, content: str, label: str) -> str:
    """A download link carrying its file as a data: URL: no extra file per article in docs/ or site/."""
    href = f"data:{mediatype};charset=utf-8,{quote(content, safe='')}"
    return f'<a class="md-button" href="{href}" download="{html_text(name)}">{label}</a>'


def _cite_box(article: Article, model: SiteModel) -> str:
    bib, csl = bibtex(article, model), csl_json(article, model)
    return (
        '<div class="hem-cite" lang="en">\n'
        f'<p class="hem-ref" id="hem-ref">{html_text(reference(article, model))}</p>\n'
        '<p class="hem-cite-actions">'
        '<button type="button" class="md-button" data-hem-copy="hem-ref">Copy reference</button> '
        '<button type="button" class="md-button" data-hem-copy="hem-bibtex">Copy BibTeX</button> '
        + _download(f"{article.id}.bib", "application/x-bibtex", bib, "Download BibTeX")
        + " "
        + _download(f"{article.id}.csl.json", CSL_MEDIATYPE, csl, "Download CSL-JSON")
        + "</p>\n"
        "<details><summary>BibTeX</summary>"
        f'<pre><code id="hem-bibtex">{html_text(bib)}</code></pre></details>\n'
        "<details><summary>CSL-JSON</summary>"
        f'<pre><code id="hem-csl">{html_text(csl)}</code></pre></details>\n'
        "</div>"
    )


def front_matter(article: Article, model: SiteModel) -> dict[str, str]:
    """What the theme override prints around the content, each value already escaped HTML.

    Material prints ``title`` and ``description`` without escaping (MkDocs' Jinja does not
    autoescape), so every value here is HTML made safe in Python; and one string per slot is
    what lets the fast path fill a single MkDocs-built shell page for every article.
    """
    return {
        "title": html_text(article.title),
        "lang": article.language,
        "description": html_text(article.summary),
        "head_html": head_html(article, model),
    }


def article_content(article: Article, model: SiteModel) -> str:
    """The page body as HTML blocks: MkDocs passes them through unchanged, and so does the fast path."""
    return "\n\n".join(
        [
            f'<h1 id="title">{html_text(article.title)}</h1>',
            _panel(article),
            _body_html(article),
            '<h2 id="provenance">Provenance</h2>',
            _provenance(article),
            '<h2 id="cite-this-article">Cite this article</h2>',
            _cite_box(article, model),
        ]
    )


def article_page(article: Article, model: SiteModel) -> str:
    # JSON is YAML too, and writing it is ~50x faster than PyYAML's emitter at 10,000 pages.
    head = json.dumps(front_matter(article, model), ensure_ascii=False, separators=(",", ":"))
    return f"---\n{head}\n---\n\n{article_content(article, model)}\n"


