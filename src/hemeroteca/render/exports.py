"""Data downloads: the catalogue as JSON and CSV, a Frictionless data package, an Atom feed.

All written into ``docs/data/`` so MkDocs copies them to ``site/data/``; every
value comes from the model, so the files are as deterministic as the pages.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from xml.sax import saxutils

from babel.numbers import format_decimal

from hemeroteca.render.format import date_html, html_text, md_escape, translated, translated_n
from hemeroteca.render.links import absolute, article_path, html_path
from hemeroteca.render.model import Article, SiteModel

FEED_SIZE = 50
LIST_SEPARATOR = "|"
# (name, Frictionless type, description): one source of truth for the CSV header and the schema.
FIELDS = [
    ("id", "string", "Stable record identifier"),
    ("title", "string", "Headline as published"),
    ("date", "string", "Publication date at its precision: YYYY-MM-DD, YYYY-MM or YYYY; empty if undated"),
    ("language", "string", "ISO 639-1 code of the text"),
    ("countries", "string", "ISO 3166-1 alpha-2 codes, main country first, separated by |"),
    ("country_names", "string", "English country names, separated by |"),
    ("actors", "string", "Canonical actor names, separated by |"),
    ("topics", "string", "Topic ids of the controlled vocabulary, separated by |"),
    ("review", "string", "reviewed: a person checked the metadata; auto: proposed by the tool"),
    ("source_path", "string", "The raw text as received, in the archive's seeds/ folder"),
    ("source_sha256", "string", "SHA-256 of the raw text"),
    ("source_url", "string", "Original URL when known"),
    ("publisher", "string", "Original publisher when known"),
    ("page", "string", "The article's page, relative to the site root"),
    ("summary", "string", "Opening of the text"),
]


def catalogue_row(article: Article) -> dict[str, object]:
    """An article's row of the catalogue: a function of ``article.key`` (its record, the
    authority files), so a build can keep the rows of the articles that did not change."""
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date,
        "language": article.language,
        "countries": list(article.countries),
        "country_names": list(article.country_names),
        "actors": [a.name for a in article.actors],
        "topics": [t.id for t in article.topics],
        "review": article.review,
        "source_path": article.source.get("path"),
        "source_sha256": article.source.get("sha256"),
        "source_url": article.source.get("url"),
        "publisher": article.source.get("publisher"),
        "page": html_path(article_path(article.id)),
        "summary": article.summary,
    }


@dataclass(frozen=True)
class Rows:
    """An export of one row per article in the model's order: ``opening``, the rows apart by
    ``separator``, then ``closing``; ``empty`` when there is no article. ``row`` makes one
    article's row, which depends on nothing but the article (``render.spliced`` keeps them)."""

    opening: str
    separator: str
    closing: str
    empty: str
    row: Callable[[Article], str]


def _json_row(article: Article) -> str:
    # One record per line: as easy to diff as indented JSON, and written by json's C encoder,
    # which ``indent`` turns off (3x slower on 10,000 records).
    return json.dumps(catalogue_row(article), ensure_ascii=False)


# A spreadsheet reads a cell starting with one of these as a formula (or, for tab and
# carriage return, as the start of one): a title "=HYPERLINK(...)" would run when opened.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: str) -> str:
    """A CSV cell no spreadsheet evaluates: a leading quote marks the cell as text (OWASP's rule).

    The exact values stay in catalogue.json, which no spreadsheet evaluates.
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _cell(value: object) -> str:
    return LIST_SEPARATOR.join(value) if isinstance(value, list) else ("" if value is None else str(value))


class _CsvLine:
    """One CSV line at a time, through one writer (making a writer per row costs more than the row)."""

    def __init__(self) -> None:
        self._out = io.StringIO()
        self._writer = csv.writer(self._out, lineterminator="\n")

    def __call__(self, cells: list[str]) -> str:
        self._out.seek(0)
        self._out.truncate()
        self._writer.writerow(cells)
        return self._out.getvalue()


_csv_line = _CsvLine()
CSV_HEADER = _csv_line([name for name, _, _ in FIELDS])


def _csv_row(article: Article) -> str:
    row = catalogue_row(article)
    return _csv_line([spreadsheet_cell(_cell(row[name])) for name, _, _ in FIELDS])


ROWS = {
    "data/catalogue.json": Rows("[\n", ",\n", "\n]\n", "[]\n", _json_row),
    "data/catalogue.csv": Rows(CSV_HEADER, "", "", CSV_HEADER, _csv_row),
}
"""The exports made of one row per article: about 1.5 KB of text an article each, a few hundred MB
at 100,000 if made whole, so they are written a row at a time."""


def row_pieces(rows: Rows, model: SiteModel) -> Iterator[str]:
    """An export of ``ROWS`` a row at a time, every row made."""
    for number, article in enumerate(model.articles):
        yield (rows.separator if number else rows.opening) + rows.row(article)
    yield rows.closing if model.articles else rows.empty


def datapackage(model: SiteModel) -> str:
    package = {
        "profile": "data-package",
        "name": "hemeroteca-catalogue",
        "title": f"{model.site_name}: catalogue of archived news articles",
        "licenses": [{"name": "ODC-PDDL-1.0", "title": "Metadata: Open Data Commons Public Domain"}],
        "resources": [
            {
                "name": "catalogue",
                "path": "catalogue.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {"name": name, "type": kind, "description": text} for name, kind, text in FIELDS
                    ],
                    "primaryKey": "id",
                },
            },
            {
                "name": "catalogue-json",
                "path": "catalogue.json",
                "profile": "data-resource",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "description": "The same records as JSON, lists kept as arrays.",
            },
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"


# Characters XML 1.0 does not allow at all, escaped or not: one of them in a title made the whole
# feed not well-formed, so readers refused it.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def escape(text: str) -> str:
    """XML character data: markup escaped, characters XML cannot hold dropped."""
    return saxutils.escape(_NOT_XML.sub("", text))


def quoteattr(text: str) -> str:
    return saxutils.quoteattr(_NOT_XML.sub("", text))


def _timestamp(date: str) -> str:
    """Atom needs a full timestamp: a date at lower precision starts at its first day."""
    parts = (date.split("-") + ["01", "01"])[:3]
    return "-".join(parts) + "T00:00:00Z"


def _entry(article: Article, model: SiteModel, updated: str | None) -> str:
    """One article; an undated one takes the feed's date (``updated``), the newest the archive
    states, since Atom requires a date and the epoch would be a false one."""
    href = absolute(model.site_url, article_path(article.id)) or "../" + html_path(article_path(article.id))
    ident = absolute(model.site_url, article_path(article.id)) or f"urn:hemeroteca:{article.id}"
    categories = "".join(
        f"<category term={quoteattr(t.id)} label={quoteattr(t.label)}/>" for t in article.topics
    )
    return (
        f"<entry><id>{escape(ident)}</id><title>{escape(article.title)}</title>"
        f"<updated>{_timestamp(article.date or updated)}</updated>"
        f'<link rel="alternate" type="text/html" hreflang={quoteattr(article.language)} '
        f"href={quoteattr(href)}/>"
        f"{categories}<summary>{escape(article.summary)}</summary></entry>"
    )


def atom_feed(model: SiteModel) -> str:
    latest = model.articles[:FEED_SIZE]
    # Newest first and undated last, so the first article's date is the newest there is.
    newest = next((a.date for a in latest if a.date), None)
    updated = f"<updated>{_timestamp(newest)}</updated>" if newest else ""
    self_href = absolute(model.site_url, "data/feed.xml") or "feed.xml"
    title = model.messages.gettext("{site}: latest articles", site=model.site_name)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title>"
        f"<id>{escape(absolute(model.site_url, 'index.md') or 'urn:hemeroteca:feed')}</id>"
        f"{updated}"
        f'<link rel="self" href={quoteattr(self_href)}/>'
        f"<author><name>{escape(model.site_name)}</name></author>\n"
        + "\n".join(_entry(a, model, newest) for a in latest if a.date or newest)
        + "\n</feed>\n"
    )


def data_page(model: SiteModel, sizes: dict[str, int]) -> str:
    """The page that lists the exports, each with its size in bytes (``sizes``, by file name)."""
    m = model.messages

    def size(name: str) -> str:
        return m.gettext("{size} KB", size=format_decimal(sizes[name] / 1024, "0.0", locale=m.locale))

    def _(message: str) -> str:  # the gettext convention: `pybabel extract` finds _("...")
        return md_escape(m.gettext(message))

    newest = model.articles[0] if model.articles else None
    frictionless = "[Frictionless](https://specs.frictionlessdata.io/)"
    heading, columns = _("Data"), [_("file"), _("what"), _("size")]
    header = "| " + " | ".join(columns) + " |"
    csv_what = _("one row per article; lists separated by a vertical bar")
    json_what = _("the same records, lists as arrays")
    package_what = _("description of both files: fields, types, meanings")
    newest_label = _("Newest article:")
    feed_what = translated(m, "Atom feed of the {n} newest articles", n=FEED_SIZE)
    return "\n".join(
        [
            f"# {heading}",
            "",
            translated_n(
                m,
                "The whole catalogue, {n} record, is free to download and reuse.",
                "The whole catalogue, {n} records, is free to download and reuse.",
                len(model.articles),
            )
            + " "
            + _("Each row is one article's metadata; the texts are on the article pages."),
            "",
            header,
            "|---|---|---|",
            f"| [catalogue.csv](catalogue.csv) | {csv_what} "
            f"| {size('catalogue.csv')} |",
            f"| [catalogue.json](catalogue.json) | {json_what} "
            f"| {size('catalogue.json')} |",
            f"| [datapackage.json](datapackage.json) | {frictionless} "
            f"{package_what} | {size('datapackage.json')} |",
            f"| [feed.xml](feed.xml) | {feed_what} "
            f"| {size('feed.xml')} |",
            "",
            _(
                "In catalogue.csv a value that begins with =, +, -, @, a tab or a carriage return starts "
                "with an added ' so that no spreadsheet runs it as a formula; catalogue.json holds every "
                "value exactly."
            ),
            "",
            _("Every article page also offers its citation as BibTeX and CSL-JSON."),
            "",
            (
                f'{newest_label} <span lang="{html_text(newest.language)}">{md_escape(newest.title)}</span> '
                f"({date_html(m, newest.date)})."
            )
            if newest
            else "",
        ]
    ) + "\n"


def export_pieces(model: SiteModel) -> dict[str, Iterable[str]]:
    """Each export but the data page, as the pieces it is written in: the catalogue is about
    1.5 KB of text an article, a few hundred MB at 100,000 if made whole, so it comes a row at a time."""
    return {
        **{rel: row_pieces(rows, model) for rel, rows in ROWS.items()},
        "data/datapackage.json": (datapackage(model),),
        "data/feed.xml": (atom_feed(model),),
    }


DATA_PAGE = "data/index.md"


def export_files(model: SiteModel) -> dict[str, str]:
    """Every export made whole, path -> content (``render`` writes them piece by piece)."""
    files = {path: "".join(pieces) for path, pieces in export_pieces(model).items()}
    sizes = {path.split("/", 1)[1]: len(content.encode("utf-8")) for path, content in files.items()}
    files[DATA_PAGE] = data_page(model, sizes)
    return files
