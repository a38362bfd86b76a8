"""Property-based: no text crashes ingest, and whatever extraction proposes is a valid record."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from hemeroteca import Project, ingest
from hemeroteca.catalogue.authorities import load_authorities
from hemeroteca.catalogue.check import _validator, check_record
from hemeroteca.catalogue.ingest import record_meta
from hemeroteca.catalogue.record import parse, read, serialise
from hemeroteca.catalogue.seedtext import extract_seed, seed_text
from hemeroteca.sources.decode import DecodeError

from .conftest import REPO

# Bounded so the suite stays fast; no example database, so runs leave nothing behind.
# HYP_N=2000 for a longer hunt by hand.
FAST = settings(
    max_examples=int(os.environ.get("HYP_N", "60")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

AUTHORITIES = load_authorities(REPO / "archive" / "authorities")

# Text that looks a little like news: words, dates, accents, punctuation, markup and YAML-special characters.
WORDS = st.sampled_from(
    [
        "Perú",
        "Brasil",
        "México",
        "cooperativa",
        "PNUD",
        "BID",
        "ministério",
        "12 de mayo de 2023",
        "March 3, 2021",
        "2021-02-30",
        "---",
        ":",
        "- ",
        "#",
        "'",
        '"',
        "{{ x }}",
        "<b>",
        "&amp;",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\u00a0",
        "\ufeff",
        "\u200b",
        "🙂",
        "Ã©",
        "null",
        "yes",
        "~",
        "|",
        ">",
    ]
)
NEWSLIKE = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=80).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=400), NEWSLIKE)


@FAST
@given(ANY_TEXT)
def test_extract_output_is_always_a_valid_record(text: str) -> None:
    try:  # what extraction sees in the pipeline: the text as decoding hands it over
        seed = seed_text(text.encode("utf-8"), ".txt")
    except DecodeError:
        assume(False)
    metadata = extract_seed(seed, AUTHORITIES)
    source = {"path": "seeds/x.txt", "sha256": "0" * 64}
    meta = record_meta("x", metadata, source)
    assert list(_validator().iter_errors(meta)) == []
    # and it survives the trip through the file format unchanged
    record = parse(serialise(meta, metadata.body))
    assert {k: v for k, v in record.meta.items() if k != "fingerprint"} == meta
    assert not record.edited_by_hand()


@FAST
@given(st.one_of(st.binary(max_size=600), ANY_TEXT.map(lambda t: t.encode("utf-8"))))
def test_ingest_never_crashes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.at(tmp)
        shutil.copytree(REPO / "archive" / "authorities", project.authorities_dir)
        project.seeds_dir.mkdir()
        seed = project.seeds_dir / "x.txt"
        seed.write_bytes(data)
        report = ingest(project)
        if report.errors:
            (error,) = report.errors
            assert error.path == "seeds/x.txt" and "\n" not in error.one_line()
            assert not list(project.archive_dir.glob("*.md"))
        else:
            (path,) = report.written
            record = read(path)
            problems = check_record(record, "archive/x.md", AUTHORITIES)
            assert [p for p in problems if p.severity == "error"] == [], problems
            assert Path(path).name == "x.md"


MARKUP = st.sampled_from(
    [
        "<html>",
        "<head>",
        "<body>",
        "<p>",
        "</p>",
        "<article>",
        "</article>",
        "<script>",
        "</script>",
        "<meta property='og:title' content='Título'>",
        "<title>",
        "</title>",
        "<!--",
        "-->",
        "<![CDATA[",
        "&amp;",
        "&#0;",
        "<",
        ">",
        "<meta property='article:published_time' content='2021-02-30'>",
        "Las cooperativas de Perú y Brasil crecen. " * 6,
    ]
)
PAGES = st.lists(st.one_of(MARKUP, st.text(max_size=20)), max_size=60).map("".join)


@FAST
@given(PAGES)
def test_a_web_page_is_read_or_refused_never_crashes(page: str) -> None:
    try:
        seed = seed_text(page.encode("utf-8", "replace"), ".html")
    except DecodeError as exc:
        assert "\n" not in str(exc)
        return
    metadata = extract_seed(seed, AUTHORITIES)
    meta = record_meta("x", metadata, {"path": "seeds/x.html", "sha256": "0" * 64, **seed.source_extra})
    assert list(_validator().iter_errors(meta)) == []


@FAST
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_percent_encoding_is_urllib_quote(text: str) -> None:
    from urllib.parse import quote

    from hemeroteca.render.format import percent_encoded

    assert percent_encoded(text) == quote(text, safe="")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet=st.characters(blacklist_categories=("Cs",))),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@FAST
@given(JSON_VALUES)
def test_indented_json_is_json_dumps_with_indent(value: object) -> None:
    import json

    from hemeroteca.render.cite import indented_json

    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


URLISH = st.lists(
    st.sampled_from(["http://a.b/c", "WWW.x.org", "www.", "ftp://", "://", "Perú", "_", "-", ".", " ", "\n"])
    | st.sampled_from(["\u3000", "\u00a0", "\x1c"])
    | st.text(max_size=6),
    max_size=40,
).map("".join)


@FAST
@given(URLISH)
def test_words_outside_addresses_as_the_address_pattern_says(text: str) -> None:
    from hemeroteca.sources.decode import _ALPHANUMERIC, _URL, _has_words

    assert _has_words(text) == bool(_ALPHANUMERIC.search(_URL.sub(" ", text)))
