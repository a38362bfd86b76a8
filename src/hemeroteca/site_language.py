"""The MkDocs side of the site's language: the nav, the theme's labels and the language switch.

``mkdocs.yml`` names its nav entries and palette toggles in English; they are
message ids of the project's catalogue, shown in ``theme.language``. The
reader's switch is configured where Material users expect it, ``extra.alternate``
(name and ``lang`` of each language); Material would also write each entry as a
``<link rel="alternate" hreflang>`` in every page's head, which would tell search
engines that the home page is this page in another language (and makes Material's
script fetch a sitemap beside it), so the list is handed to the templates in a
form the header's selector reads and the head's loop skips (``Languages``).

Hand-written pages and their translations (``about.md``, ``about.es.md``: see
``translated_pages``) become one page: the version in the site's language, and the others in
``<template>`` elements for the reader's switch.

Registered as the MkDocs plugin ``hemeroteca`` (``plugins:`` in mkdocs.yml), so a plain
``mkdocs build`` speaks the same language as ``hemeroteca build``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import meta

from hemeroteca.render.messages import FALLBACK, N_, Messages
from hemeroteca.translated_pages import decode, find_pages, foreign_markup, partial, site_languages

# The nav and palette labels of the project's mkdocs.yml, marked so `pybabel extract` finds them.
THEME_MESSAGES = (
    N_("Home"),
    N_("Browse"),
    N_("Countries"),
    N_("Years"),
    N_("Topics"),
    N_("Actors"),
    N_("Languages"),
    N_("Search"),
    N_("Data"),
    N_("About"),
    N_("Contributing"),
    N_("Switch to light mode"),
    N_("Switch to dark mode"),
    N_("Use the system's setting"),
    N_("Page not found"),
    N_("This page is not in the archive. Search it, or start from the home page."),
)
# Above a hand-written page shown in English for want of a translation into the reader's language.
UNTRANSLATED = N_("This page is not translated into this language yet: it is shown in English.")


class Languages:
    """``extra.alternate`` for the templates: true in ``{% if %}``, but not iterable, so Material's
    head loop writes no alternate links; ``overrides/partials/alternate.html`` reads ``.entries``."""

    def __init__(self, entries: Iterable[dict[str, Any]]) -> None:
        self.entries = [dict(entry) for entry in entries]

    def __bool__(self) -> bool:
        return bool(self.entries)

    def __iter__(self) -> None:  # type: ignore[override]
        raise TypeError("use .entries")


# A heading's id as Python-Markdown's toc extension writes it.
_HEADING_ID = re.compile(r'(<h[1-6][^>]*? id=")([^"]*)(")')
_LOCAL_LINK = re.compile(r'(href="#)([^"]*)(")')


def _flat(items: Iterable[AnchorLink]) -> Iterator[AnchorLink]:
    for item in items:
        yield item
        yield from _flat(item.children)


def _with_anchors(content: str, renamed: dict[str, str]) -> str:
    """``content`` with its headings' ids, and the links to them, renamed."""

    def rename(match: re.Match[str]) -> str:
        return match[1] + renamed.get(match[2], match[2]) + match[3]

    return _LOCAL_LINK.sub(rename, _HEADING_ID.sub(rename, content))


def _attribute(lang: str) -> str:
    """A language code as HTML's ``lang`` wants it (BCP 47: ``pt-BR``, not ``pt_BR``)."""
    return lang.replace("_", "-")


def _translate_nav(items: Iterable[Any], messages: Messages) -> None:
    for item in items:
        if getattr(item, "title", None):
            item.title = messages.gettext(item.title)
        _translate_nav(getattr(item, "children", None) or (), messages)


class SiteLanguagePlugin(BasePlugin):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.site = str(config.theme["language"] or FALLBACK)
        self.messages = Messages.load(self.site)
        self.languages = site_languages(
            {"theme": {"language": self.site}, "extra": {"alternate": config.extra.get("alternate")}}
        )
        self.translations: dict[str, dict[str, File]] = {}
        palette = config.theme.get("palette")
        for option in palette if isinstance(palette, list) else ():
            toggle = option.get("toggle") if isinstance(option, dict) else None
            if isinstance(toggle, dict) and toggle.get("name"):
                toggle["name"] = self.messages.gettext(str(toggle["name"]))
        alternate = config.extra.get("alternate")
        if isinstance(alternate, list):
            config.extra["alternate"] = Languages(
                e for e in alternate if isinstance(e, dict) and e.get("lang")
            )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """A translation (``about.es.md``) is no page of its own: it is kept with its English page,
        which a dirty build always renders again (a translation added or deleted leaves no newer
        file to notice it by; these are a handful of pages)."""
        pages = {f.src_uri: f for f in files.documentation_pages()}
        self.translations = {}
        for page in find_pages(pages):
            if not page.translations:
                continue
            english = pages[page.rel]
            for rel in page.translations.values():
                files.remove(pages[rel])
            self.translations[page.rel] = {
                lang: pages[rel] for lang, rel in page.translations.items() if lang in self.languages
            }
            english.is_modified = lambda: True  # type: ignore[method-assign]
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The page in the site's language, or English, and each other version that stands in for the
        English (``translated_pages.partial``) in a ``<template lang>``, its headings given the
        English page's anchors."""
        translations = self.translations.get(page.file.src_uri)
        if translations is None:
            return html
        english = decode(Path(page.file.abs_src_path or "").read_bytes(), page.file.src_uri)
        ids = [item.id for item in _flat(page.toc)]
        levels = [item.level for item in _flat(page.toc)]
        versions: dict[str, tuple[str, TableOfContents]] = {FALLBACK: (html, page.toc)}
        for lang, file in sorted(translations.items()):
            text = decode(Path(file.abs_src_path or "").read_bytes(), file.src_uri)
            if partial(english, text) is not None or foreign_markup(english, text) is not None:
                continue  # said by check and render: this language gets the English page
            version = Page(None, file, config)
            version.markdown, version.meta = meta.get_data(text)
            version.render(config, files)
            items = list(_flat(version.toc))
            if [item.level for item in items] != levels:
                continue
            renamed = {item.id: anchor for item, anchor in zip(items, ids, strict=True)}
            for item in items:
                item.id = renamed[item.id]
            versions[lang] = (_with_anchors(version.content or "", renamed), version.toc)
        shown = self.site if self.site in versions else FALLBACK
        page.toc = versions[shown][1]
        hidden = " hidden" if shown == self.site else ""
        notice = escape(self.messages.gettext(UNTRANSLATED))
        out = [
            f'<p class="hem-untranslated" data-hem-untranslated{hidden}>{notice}</p>',
            f'<div class="hem-page" data-hem-page="{shown}" lang="{_attribute(shown)}">\n'
            f"{versions[shown][0]}\n</div>"
        ]
        for lang, (content, _toc) in sorted(versions.items()):
            if lang != shown:
                tag = f'<template data-hem-page="{lang}" lang="{_attribute(lang)}">'
                out.append(f"{tag}\n{content}\n</template>")
        return "\n".join(out)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        _translate_nav(nav.items, self.messages)
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["hem_t"] = self.messages.gettext
        return env
