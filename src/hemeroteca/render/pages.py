"""The page of one article: headline, metadata panel, the text as published, provenance, citation.

Everything from a record goes out as escaped HTML inside raw HTML blocks, so
whatever a source contains (``<script>``, ``{{ config }}``, ``{% raw %}``,
Markdown) is shown as text and never interpreted. Head metadata (language,
JSON-LD, Dublin Core, search filters) travels in the page's front matter for
the theme override to write.
"""

from __future__ import annotations

import json
import posixpath

from hemeroteca.render.cite import bibtex, csl_json, reference_html
from hemeroteca.render.format import date_html, html_text, message_marks, percent_encoded
from hemeroteca.render.headmeta import head_html
from hemeroteca.render.links import article_path, html_link
from hemeroteca.render.messages import N_
from hemeroteca.render.model import UNDATED, Article, SiteModel
from hemeroteca.render.originals import original_path, warc_path
from hemeroteca.weburl import web_url

CSL_MEDIATYPE = "application/vnd.citationstyles.csl+json"


def _body_html(article: Article) -> str:
    paras = [p.strip() for p in article.body.split("\n\n") if p.strip()]
    inner = "\n".join(f"<p>{html_text(p)}</p>" for p in paras)
    return f'<div class="hem-text" lang="{html_text(article.language)}">\n{inner}\n</div>'


# Marked here, translated where shown: an actor's type as the panel names it.
ACTOR_TYPES = {"person": N_("person"), "organization": N_("organization")}


def _dl(css: str, rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<dt>{html_text(name)}</dt><dd>{value}</dd>" for name, value in rows)
    return f'<div class="{css}"><dl>{cells}</dl></div>'


def _panel(article: Article, model: SiteModel) -> str:
    m = model.messages
    here = article_path(article.id)

    def facet(kind: str, key: str, label: str) -> str:
        """A link to the page of one facet value; ``label`` is HTML already.

        Its opening tag made once for every article page (all are in articles/): ~9 an article."""
        made = model.fragments.get((kind, key))
        if made is None:
            href = html_text(html_link(here, model.facet_path(kind, key)))
            made = model.fragments[(kind, key)] = f'<a href="{href}">'
        return f"{made}{label}</a>"
    countries = ", ".join(
        facet("countries", code, html_text(m.country(code))) for code in article.countries
    )
    actors = []
    for actor in article.actors:
        alias = f" ({html_text(actor.alias)})" if actor.alias and actor.alias != actor.name else ""
        kind = m.gettext(ACTOR_TYPES.get(actor.type, actor.type))
        actors.append(
            f'<li>{facet("actors", actor.name, html_text(actor.name))}{alias} <span class="hem-type">'
            f"{html_text(kind)}</span></li>"
        )
    topics = ", ".join(
        facet("topics", t.id, html_text(t.label_in(model.language)))
        for t in article.topics
    )
    # (Messages stay outside f-strings: `pybabel extract` reads plain calls only.)
    if article.review == "reviewed":
        badge, state = "reviewed", m.gettext("Metadata checked by a person")
    else:
        badge, state = "auto", m.gettext("Metadata proposed automatically")
    review = f'<span class="hem-badge hem-badge--{badge}">{html_text(state)}</span>'
    none_identified = html_text(m.gettext("none identified"))
    actor_list = f'<ul class="hem-actors">{"".join(actors)}</ul>' if actors else ""
    language = html_text(m.language_name(article.language))
    rows = [
        (m.gettext("Date"), facet("years", article.year or UNDATED, date_html(m, article.date))),
        (m.gettext("Language"), facet("languages", article.language, language)),
        (m.gettext("Countries"), countries or none_identified),
        (m.gettext("Actors"), actor_list or none_identified),
        (m.gettext("Topics"), topics or html_text(m.gettext("none assigned"))),
        (m.gettext("Review"), review),
    ]
    return _dl("hem-panel", rows)


def _provenance(article: Article, model: SiteModel) -> str:
    m = model.messages
    source = article.source
    rows = [(m.gettext("Source file"), f"<code>{html_text(str(source.get('path', '')))}</code>")]
    rows.append(("SHA-256", f'<code class="hem-hash">{html_text(str(source.get("sha256", "")))}</code>'))
    if web_url(source.get("url")):
        url = html_text(source["url"])
        rows.append((m.gettext("Original URL"), f'<a href="{url}" rel="nofollow noopener">{url}</a>'))
    if source.get("publisher"):
        rows.append((m.gettext("Publisher"), html_text(str(source["publisher"]))))
    here = article_path(article.id)
    original = original_path(article)
    if original:
        href = html_text(html_link(here, original))
        name = html_text(posixpath.basename(original))
        rows.append((m.gettext("Original file"), f'<a href="{href}" download="{name}">{name}</a>'))
    if web_url(source.get("requested_url")):
        rows.append((m.gettext("Requested URL"), f"<code>{html_text(str(source['requested_url']))}</code>"))
    if source.get("retrieved"):
        status = html_text(str(source.get("http_status", "?")))
        rows.append((m.gettext("Retrieved"), f"{html_text(str(source['retrieved']))} (HTTP {status})"))
    archived = warc_path(article)
    if archived:
        href = html_text(html_link(here, archived))
        name = html_text(posixpath.basename(archived))
        rows.append((m.gettext("Web archive (WARC)"), f'<a href="{href}" download="{name}">{name}</a>'))
    if article.ocr_confidence is not None:
        confidence = m.gettext(
            "Tesseract, mean word confidence {confidence} %", confidence=f"{article.ocr_confidence:g}"
        )
        rows.append((m.gettext("Text read by OCR"), html_text(confidence)))
    rows.append((m.gettext("Record"), f"<code>{html_text(article.id)}</code>"))
    return _dl("hem-provenance", rows)


def _download(name: str, mediatype: str, content: str, label: str) -> str:
    """A download link carrying its file as a data: URL: no extra file per article in docs/ or site/."""
    href = f"data:{mediatype};charset=utf-8,{percent_encoded(content)}"
    return f'<a class="md-button" href="{href}" download="{html_text(name)}">{html_text(label)}</a>'


def _cite_box(article: Article, model: SiteModel) -> str:
    m = model.messages
    bib, csl = bibtex(article, model), csl_json(article, model)
    copy_reference, copy_bibtex = html_text(m.gettext("Copy reference")), html_text(m.gettext("Copy BibTeX"))
    return (
        '<div class="hem-cite">\n'
        f'<p class="hem-ref" id="hem-ref">{reference_html(article, model)}</p>\n'
        '<p class="hem-cite-actions">'
        f'<button type="button" class="md-button" data-hem-copy="hem-ref">{copy_reference}</button> '
        f'<button type="button" class="md-button" data-hem-copy="hem-bibtex">{copy_bibtex}</button> '
        + _download(f"{article.id}.bib", "application/x-bibtex", bib, m.gettext("Download BibTeX"))
        + " "
        + _download(f"{article.id}.csl.json", CSL_MEDIATYPE, csl, m.gettext("Download CSL-JSON"))
        + "</p>\n"
        "<details><summary>BibTeX</summary>"
        f'<pre><code id="hem-bibtex">{html_text(bib)}</code></pre></details>\n'
        "<details><summary>CSL-JSON</summary>"
        f'<pre><code id="hem-csl">{html_text(csl)}</code></pre></details>\n'
        "</div>"
    )


def _listed(article: Article, here: str, model: SiteModel) -> str:
    """The article as another article's page lists it (made once: ``here`` is always in articles/)."""
    key = ("listed", f"{article.id}\0{posixpath.dirname(here)}")
    made = model.fragments.get(key)
    if made is None:
        href = html_text(html_link(here, article_path(article.id)))
        title = f'<a href="{href}" lang="{html_text(article.language)}">{html_text(article.title)}</a>'
        made = model.fragments[key] = f"{date_html(model.messages, article.date)} · {title}"
    return made


def _more_reading(article: Article, model: SiteModel) -> str:
    """Related articles, then the older and newer article of the same year: reading on
    without going back to an index."""
    m = model.messages
    here = article_path(article.id)
    reading = model.neighbours.reading(article)
    blocks = []
    if reading.related:
        heading = html_text(m.gettext("Related articles"))
        items = "".join(f"<li>{_listed(other, here, model)}</li>" for other in reading.related)
        blocks.append(f'<h2 id="related-articles">{heading}</h2>\n<ul class="hem-list">{items}</ul>')
    if reading.older or reading.newer:
        label, marks = message_marks(m, "More from {year}", attr="aria-label", year=article.year)
        older, newer = html_text(m.gettext("Older")), html_text(m.gettext("Newer"))
        items = []
        if reading.older:
            previous = _listed(reading.older, here, model)
            items.append(f'<li class="hem-prev">← <span>{older}</span>: {previous}</li>')
        if reading.newer:
            following = _listed(reading.newer, here, model)
            items.append(f'<li class="hem-next"><span>{newer}</span>: {following} →</li>')
        links = f'<ul class="hem-neighbours">{"".join(items)}</ul>'
        blocks.append(f'<nav aria-label="{html_text(label)}"{marks}>{links}</nav>')
    return f'<div class="hem-more-reading">\n{"".join(blocks)}\n</div>' if blocks else ""


def front_matter(article: Article, model: SiteModel) -> dict[str, str]:
    """What the theme override prints around the content, each value already escaped HTML.

    Material prints ``title`` and ``description`` without escaping (MkDocs' Jinja does not
    autoescape), so every value here is HTML made safe in Python; and one string per slot is
    what lets the fast path fill a single MkDocs-built shell page for every article.
    """
    return {
        "title": html_text(article.title),
        "description": html_text(article.summary),
        "head_html": head_html(article, model),
    }


def article_content(article: Article, model: SiteModel) -> str:
    """The page body as HTML blocks: MkDocs passes them through unchanged, and so does the fast path.

    The interface speaks the site's language (``<html lang>``); the headline and the text
    carry the article's own ``lang``, so a screen reader switches voice for them only.
    """
    m = model.messages
    provenance, cite = html_text(m.gettext("Provenance")), html_text(m.gettext("Cite this article"))
    return "\n\n".join(
        [
            f'<h1 id="title" lang="{html_text(article.language)}">{html_text(article.title)}</h1>',
            _panel(article, model),
            _body_html(article),
            f'<h2 id="provenance">{provenance}</h2>',
            _provenance(article, model),
            f'<h2 id="cite-this-article">{cite}</h2>',
            _cite_box(article, model),
            _more_reading(article, model),
        ]
    )


def article_page(article: Article, model: SiteModel) -> str:
    # JSON is YAML too, and writing it is ~50x faster than PyYAML's emitter at 10,000 pages.
    head = json.dumps(front_matter(article, model), ensure_ascii=False, separators=(",", ":"))
    return f"---\n{head}\n---\n\n{article_content(article, model)}\n"


