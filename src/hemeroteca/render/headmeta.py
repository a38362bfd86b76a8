"""Machine-readable description of an article for the page head.

schema.org ``NewsArticle`` JSON-LD serves search engines and reference
managers (Zotero reads it); Dublin Core ``DC.*`` meta elements serve library
harvesters. Both travel in the page's front matter and the theme override
(``overrides/main.html``) writes them into ``<head>``, escaped by Jinja.
"""

from __future__ import annotations

from typing import Any

from hemeroteca.render.links import absolute, article_path
from hemeroteca.render.model import Article, SiteModel


def json_ld(article: Article, model: SiteModel) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "inLanguage": article.language,
        "identifier": article.id,
        "description": article.summary,
    }
    if article.date:
        data["datePublished"] = article.date
    if article.countries:
        data["contentLocation"] = [
            {"@type": "Country", "name": name, "identifier": code}
            for code, name in zip(article.countries, article.country_names, strict=True)
        ]
    if article.actors:
        data["mentions"] = [
            {"@type": "Person" if actor.type == "person" else "Organization", "name": actor.name}
            | ({"alternateName": actor.alias} if actor.alias else {})
            for actor in article.actors
        ]
    if article.topics:
        data["keywords"] = [topic.label for topic in article.topics]
    if article.source.get("publisher"):
        data["publisher"] = {"@type": "Organization", "name": article.source["publisher"]}
    if article.source.get("url"):
        data["isBasedOn"] = article.source["url"]
    url = absolute(model.site_url, article_path(article.id))
    if url:
        data["url"] = url
    data["archivedAt"] = url or article_path(article.id)[:-3] + ".html"
    return data


def dublin_core(article: Article, model: SiteModel) -> list[list[str]]:
    """``[name, value]`` pairs for ``<meta name="DC.name" content="value">``, repeatable names kept."""
    pairs = [
        ["title", article.title],
        ["identifier", article.id],
        ["language", article.language],
        ["type", "Text"],
        ["format", "text/html"],
        ["description", article.summary],
    ]
    if article.date:
        pairs.append(["date", article.date])
    pairs += [["coverage", name] for name in article.country_names]
    pairs += [["subject", topic.label] for topic in article.topics]
    pairs += [["subject", actor.name] for actor in article.actors]
    if article.source.get("publisher"):
        pairs.append(["publisher", article.source["publisher"]])
    source = article.source.get("url") or article.source.get("path")
    if source:
        pairs.append(["source", source])
    pairs.append(["relation", f"Archived in {model.site_name}"])
    return pairs
