"""The MkDocs side of the site's language: the nav, the theme's labels and the language switch.

``mkdocs.yml`` names its nav entries and palette toggles in English; they are
message ids of the project's catalogue, shown in ``theme.language``. The
reader's switch is configured where Material users expect it, ``extra.alternate``
(name and ``lang`` of each language); Material would also write each entry as a
``<link rel="alternate" hreflang>`` in every page's head, which would tell search
engines that the home page is this page in another language (and makes Material's
script fetch a sitemap beside it), so the list is handed to the templates in a
form the header's selector reads and the head's loop skips (``Languages``).

Registered as the MkDocs plugin ``hemeroteca`` (``plugins:`` in mkdocs.yml), so a plain
``mkdocs build`` speaks the same language as ``hemeroteca build``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from hemeroteca.render.messages import N_, Messages

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


class Languages:
    """``extra.alternate`` for the templates: true in ``{% if %}``, but not iterable, so Material's
    head loop writes no alternate links; ``overrides/partials/alternate.html`` reads ``.entries``."""

    def __init__(self, entries: Iterable[dict[str, Any]]) -> None:
        self.entries = [dict(entry) for entry in entries]

    def __bool__(self) -> bool:
        return bool(self.entries)

    def __iter__(self) -> None:  # type: ignore[override]
        raise TypeError("use .entries")


def _translate_nav(items: Iterable[Any], messages: Messages) -> None:
    for item in items:
        if getattr(item, "title", None):
            item.title = messages.gettext(item.title)
        _translate_nav(getattr(item, "children", None) or (), messages)


class SiteLanguagePlugin(BasePlugin):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.messages = Messages.load(str(config.theme["language"] or "en"))
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

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        _translate_nav(nav.items, self.messages)
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["hem_t"] = self.messages.gettext
        return env
