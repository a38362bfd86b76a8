"""Article pages: metadata panel, untouchable body text, head metadata, citations."""

from __future__ import annotations

import json
import re

import yaml

from hemeroteca.render.cite import bibtex, csl_json, reference
from hemeroteca.render.model import build_model
from hemeroteca.render.pages import article_page

from .render_samples import AUTHORITIES, record, records

HOSTILE = "Before <script>alert(1)</script> {{ config }} {% raw %} *not emphasis* [x](http://e.org)\n\nAfter"


def _page(rec) -> str:  # type: ignore[no-untyped-def]
    model = build_model([rec], AUTHORITIES)
    return article_page(model.articles[0], model)


def test_body_is_text_only() -> None:
    page = _page(record(1, body=HOSTILE, title="A <b>bold</b> {{ title }}"))
    front, markdown = page.split("---\n")[1:3]
    assert '"description":"Before &lt;script&gt;' in front
    assert "<script>" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ config }}" in page and "{% raw %}" in page  # kept as text inside the escaped block
    assert "<b>" not in markdown
    meta = json.loads(front)
    assert meta["title"] == "A &lt;b&gt;bold&lt;/b&gt; {{ title }}"
    assert "<b>" not in meta["head_html"]


def test_article_keeps_its_language_and_head_metadata() -> None:
    """The interface speaks the site's language; the headline and text keep the article's."""
    page = _page(record(1, language="pt"))
    meta = yaml.safe_load(page.split("---\n")[1])
    assert "lang" not in meta  # <html lang> is the site's
    assert '<h1 id="title" lang="pt">' in page and '<div class="hem-text" lang="pt">' in page
    jsonld = re.search(r'<script type="application/ld\+json">(.*?)</script>', meta["head_html"])
    assert jsonld and json.loads(jsonld.group(1))["@type"] == "NewsArticle"
    assert json.loads(jsonld.group(1))["inLanguage"] == "pt"
    assert '<meta name="DC.language" content="pt">' in meta["head_html"]
    assert '<meta name="DC.coverage" content="Brazil">' in meta["head_html"]


def test_json_ld_cannot_close_its_script() -> None:
    title = "</script><script>alert(1)</script> &amp; l'ação <!-- >"
    page = _page(record(1, title=title))
    head = json.loads(page.split("---\n")[1])["head_html"]
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', head)
    assert data and not any(c in data.group(1) for c in "<>&'")
    assert "\\u003c/script\\u003e" in data.group(1) and "l\\u0027ação" in data.group(1)
    assert json.loads(data.group(1))["headline"] == title


def test_panel_names_actor_through_authority_and_links_it() -> None:
    page = _page(record(1))
    assert "Servicio Nacional de Aprendizaje</a>" in page
    assert 'href="../browse/actors/servicio-nacional-de-aprendizaje.html"' in page
    assert "Metadata proposed automatically" in page
    assert '<time datetime="2021-03-04">March 4, 2021</time></a>' in page


def test_citations_escape_and_parse() -> None:
    rec = record(1, title="Cuentas {claras} & 100% de_ahorro")
    model = build_model([rec], AUTHORITIES)
    article = model.articles[0]
    bib = bibtex(article, model)
    assert r"\textbraceleft{}claras\textbraceright{} \& 100\% de\_ahorro" in bib
    assert bib.count("{") == bib.count("}")
    item = json.loads(csl_json(article, model))[0]
    assert item["issued"] == {"date-parts": [[2021, 3, 4]]}
    assert rec.meta["title"] in reference(article, model)


def test_page_does_not_grow_with_the_archive() -> None:
    small = build_model(records(10), AUTHORITIES)
    large = build_model(records(600), AUTHORITIES)
    first = small.articles[-1].id
    pages = [article_page(next(a for a in m.articles if a.id == first), m) for m in (small, large)]
    # the same page but for what to read next (other neighbours), which is bounded too
    cut = [page.split('<div class="hem-more-reading">')[0] for page in pages]
    assert cut[0] == cut[1]
    assert abs(len(pages[0]) - len(pages[1])) < 1000
