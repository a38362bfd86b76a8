"""How to cite an article: a formatted reference, BibTeX and CSL-JSON, from the model alone.

The original publisher comes first when known (the archive is a copy, not the
source); the archive's record id and the source checksum let anyone verify
that the text did not change since it was archived.
"""

from __future__ import annotations

import json
import re

from hemeroteca.render.format import format_date
from hemeroteca.render.links import absolute, article_path
from hemeroteca.render.model import Article, SiteModel

_BIBTEX_SPECIAL = re.compile(r"[\\{}&%$#_^~]")
_BIBTEX_WORDS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def _bibtex_value(text: str) -> str:
    """Braced BibTeX value with LaTeX specials escaped, so any title stays one field."""
    escaped = _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_WORDS.get(m.group(0), "\\" + m.group(0)), text)
    return "{" + escaped + "}"


def _date_parts(date: str | None) -> list[int]:
    return [int(part) for part in date.split("-")] if date else []


def reference(article: Article, model: SiteModel) -> str:
    """A plain-text reference: Publisher (date). Title [language]. Archive, record id. URL."""
    publisher = article.source.get("publisher") or "Unknown publisher"
    date = format_date(article.date) if article.date else "n.d."
    parts = [f"{publisher} ({date}). {article.title} [{article.language_name}]."]
    if article.source.get("url"):
        parts.append(f"Originally published at {article.source['url']}.")
    parts.append(f"Archived in {model.site_name}, record {article.id}.")
    url = absolute(model.site_url, article_path(article.id))
    if url:
        parts.append(url)
    return " ".join(parts)


def bibtex(article: Article, model: SiteModel) -> str:
    fields = [("title", article.title)]
    if article.source.get("publisher"):
        fields.append(("journal", article.source["publisher"]))
    parts = _date_parts(article.date)
    if parts:
        fields.append(("year", str(parts[0])))
    if len(parts) > 1:
        fields.append(("month", str(parts[1])))
    if article.date:
        fields.append(("date", article.date))
    fields.append(("language", article.language))
    if article.source.get("url"):
        fields.append(("url", article.source["url"]))
    keywords = ", ".join(t.label for t in article.topics)
    if keywords:
        fields.append(("keywords", keywords))
    note = f"Archived in {model.site_name}, record {article.id}"
    if article.source.get("sha256"):
        note += f", source sha256 {article.source['sha256']}"
    fields.append(("note", note))
    key = re.sub(r"[^A-Za-z0-9_-]", "_", article.id)
    body = ",\n".join(f"  {name} = {_bibtex_value(value)}" for name, value in fields)
    return f"@article{{{key},\n{body}\n}}\n"


def csl_json(article: Article, model: SiteModel) -> str:
    item: dict = {
        "id": article.id,
        "type": "article-newspaper",
        "title": article.title,
        "language": article.language,
    }
    parts = _date_parts(article.date)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    if article.source.get("publisher"):
        item["container-title"] = article.source["publisher"]
    if article.source.get("url"):
        item["URL"] = article.source["url"]
    if article.topics:
        item["keyword"] = ", ".join(t.label for t in article.topics)
    item["archive"] = model.site_name
    item["archive_location"] = article.id
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"
