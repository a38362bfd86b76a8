"""How to cite an article: a formatted reference, BibTeX and CSL-JSON, from the model alone.

The original publisher comes first when known (the archive is a copy, not the
source), then the original URL when the record has one; the archive's record id
and the source checksum let anyone verify that the text did not change since it
was archived. What the record does not know is said once, at the end.
"""

from __future__ import annotations

import html
import json
import re
from json.encoder import encode_basestring  # type: ignore[attr-defined]

from hemeroteca.render.format import date_html, html_text, translated
from hemeroteca.render.links import absolute, article_path
from hemeroteca.render.messages import N_
from hemeroteca.render.model import Article, SiteModel

_BIBTEX_SPECIAL = re.compile(r"[\\{}&%$#_^~]")
# BibTeX counts every brace, escaped or not: "\}" would close the field early, so braces become
# commands whose own braces balance.
_BIBTEX_WORDS = {
    "\\": r"\textbackslash{}",
    "^": r"\^{}",
    "~": r"\~{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
}
# Control characters have no place in a .bib file; line breaks would end a field's line.
_BIBTEX_DROP = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def _bibtex_value(text: str) -> str:
    """Braced BibTeX value with LaTeX specials escaped, so any title stays one field."""
    text = _BIBTEX_DROP.sub(" ", text)
    escaped = _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_WORDS.get(m.group(0), "\\" + m.group(0)), text)
    return "{" + escaped + "}"


def _date_parts(date: str | None) -> list[int]:
    return [int(part) for part in date.split("-")] if date else []


def _missing_note(article: Article) -> str | None:
    """What the reference cannot say, said once at its end instead of a placeholder per field."""
    publisher, date = article.source.get("publisher"), article.date
    if not publisher and not date:
        return N_("Publisher and date unknown.")
    if not publisher:
        return N_("Publisher unknown.")
    if not date:
        return N_("Date unknown.")
    return None


def _reference_parts(article: Article, model: SiteModel) -> list[tuple[str, str]]:
    """The reference as (kind, HTML) parts: the page shows them, the plain text joins them.

    Publisher (date). Title [language]. Originally published at URL. Archived in SITE,
    record ID. Page URL. What is missing, once.
    """
    m = model.messages
    publisher = article.source.get("publisher")
    lead = []
    if publisher:
        lead.append(html_text(str(publisher)))
    if article.date:
        lead.append(f"({date_html(m, article.date)})")
    parts = [("lead", " ".join(lead) + ".")] if lead else []
    language = html_text(m.language_name(article.language))
    title = f'<span lang="{html_text(article.language)}">{html_text(article.title)}</span>'
    parts.append(("title", f"{title} [<span>{language}</span>]."))
    url = article.source.get("url")
    if url:
        parts.append(("url", translated(m, "Originally published at {url}.", url=str(url))))
    parts.append(
        ("archive", translated(m, "Archived in {site}, record {id}.", site=model.site_name, id=article.id))
    )
    page = absolute(model.site_url, article_path(article.id))
    if page:
        parts.append(("page", html_text(page)))
    missing = _missing_note(article)
    if missing:
        parts.append(("missing", html_text(m.gettext(missing))))
    return parts


def reference_html(article: Article, model: SiteModel) -> str:
    return " ".join(html for _, html in _reference_parts(article, model))


def reference(article: Article, model: SiteModel) -> str:
    """The reference as plain text, in the interface's language."""
    return html.unescape(re.sub(r"<[^>]+>", "", reference_html(article, model)))


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
    note = model.messages.gettext("Archived in {site}, record {id}.", site=model.site_name, id=article.id)
    note = note.rstrip(".")
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
    return indented_json([item]) + "\n"


def indented_json(value: object, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, made without json's pure-Python encoder,
    which ``indent`` switches to (the CSL-JSON of every page: a tenth of an article page's time)."""
    if type(value) is str:
        return encode_basestring(value)
    if type(value) is int:
        return str(value)
    pad = "\n" + "  " * (level + 1)
    end = "\n" + "  " * level
    if isinstance(value, dict) and value:
        items = (f"{encode_basestring(k)}: {indented_json(v, level + 1)}" for k, v in value.items())
        return "{" + pad + ("," + pad).join(items) + end + "}"
    if isinstance(value, list) and value:
        return "[" + pad + ("," + pad).join(indented_json(v, level + 1) for v in value) + end + "]"
    return json.dumps(value, ensure_ascii=False)
