"""The page of one article: headline, metadata panel, the text as published, provenance.

The text goes out HTML-escaped inside a raw HTML block, so whatever a source
contains (``<script>``, ``{{ config }}``, Markdown) is shown as text and never
interpreted.
"""

from __future__ import annotations

from hemeroteca.catalogue.authorities import Authorities
from hemeroteca.render.format import country_name, format_date, html_text, language_name, md_escape
from hemeroteca.render.links import article_path, facet_path, link
from hemeroteca.render.model import UNDATED, Article, actor_key


def _body_html(body: str) -> str:
    paras = [p.strip() for p in body.split("\n\n") if p.strip()]
    inner = "\n".join(f"<p>{html_text(p)}</p>" for p in paras)
    return f'<div class="article-text">\n{inner}\n</div>'


def article_page(article: Article, authorities: Authorities) -> str:
    here = article_path(article.id)

    def to(kind: str, key: str) -> str:
        return link(here, facet_path(kind, key))

    countries = (
        ", ".join(f"[{md_escape(country_name(c))}]({to('countries', c)})" for c in article.countries)
        or "none identified"
    )
    actors = []
    for actor in article.actors:
        slug, name, kind, _ = actor_key(actor, authorities)
        alias = f" ({md_escape(actor['alias'])})" if actor.get("alias") else ""
        actors.append(f"[{md_escape(name)}]({to('actors', slug)}){alias} · {kind}")
    topics = []
    for tag in article.tags:
        topic = authorities.topic(tag)
        topics.append(f"[{md_escape(topic.label('en') if topic else tag)}]({to('topics', tag)})")
    review = (
        "metadata checked by a person" if article.review == "reviewed" else "metadata proposed automatically"
    )
    year_key = article.year or UNDATED
    source = article.source
    lines = [
        f"# {md_escape(article.title)}",
        "",
        f"- **Date:** [{format_date(article.date)}]({to('years', year_key)})",
        f"- **Language:** [{language_name(article.language)}]({to('languages', article.language)})",
        f"- **Countries:** {countries}",
        f"- **Actors:** {'; '.join(actors) if actors else 'none identified'}",
        f"- **Topics:** {', '.join(topics) if topics else 'none assigned'}",
        f"- **Review:** {review}",
        "",
        _body_html(article.body),
        "",
        "## Provenance",
        "",
        f"- **Source file:** `{source.get('path', '')}`",
        f"- **SHA-256:** `{source.get('sha256', '')}`",
    ]
    if source.get("url"):
        lines.append(f"- **Original URL:** <{html_text(source['url'])}>")
    if source.get("publisher"):
        lines.append(f"- **Publisher:** {md_escape(source['publisher'])}")
    return "\n".join(lines) + "\n"
