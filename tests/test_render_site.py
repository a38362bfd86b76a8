"""The generated site as a whole: pagination, charts, exports, determinism, search index."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

from hemeroteca.catalogue.numbering import added_order
from hemeroteca.render.exports import FEED_SIZE, export_files
from hemeroteca.render.indexes import index_pages
from hemeroteca.render.links import PAGE_SIZE
from hemeroteca.render.model import build_model
from hemeroteca.render.search_index import TEXT_CHARS, build_index, shard_keys
from hemeroteca.render.search_postings import BITMAP, decode_bucketed, decode_postings
from hemeroteca.render.writer import site_files

from .render_samples import AUTHORITIES, record, records


def _changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def test_lists_are_paginated_from_the_oldest() -> None:
    model = build_model(records(1000), AUTHORITIES)  # 750 dated, 250 undated, all on cooperatives
    pages = index_pages(model)
    topic_pages = sorted(p for p in pages if p.startswith("browse/topics/cooperatives"))
    assert topic_pages == [
        "browse/topics/cooperatives-page-1.md",
        "browse/topics/cooperatives-page-2.md",
        "browse/topics/cooperatives-undated-page-1.md",
        "browse/topics/cooperatives-undated-page-2.md",
        "browse/topics/cooperatives.md",
    ]
    listed = {p: re.findall(r'href="\.\./\.\./articles/([^"]+)\.html"', pages[p]) for p in topic_pages}
    dated = [a.id for a in model.facets["topics"]["cooperatives"].articles if a.date]
    assert listed["browse/topics/cooperatives-page-1.md"] == dated[-200:]  # the oldest 200, newest first
    assert listed["browse/topics/cooperatives-page-2.md"] == dated[-400:-200]
    assert listed["browse/topics/cooperatives.md"] == dated[:-400]  # the newest 350
    assert [len(listed[p]) for p in topic_pages] == [200, 200, 200, 50, 350]
    for content in pages.values():
        assert content.count("<li>") <= 2 * PAGE_SIZE - 1
    # Every page of the list links to every other: the newest first, then back in time.
    pager = pages["browse/topics/cooperatives-page-1.md"].split('class="hem-pager"')[1].split("</p>")[0]
    assert re.findall(r"<a href=\"([^\"]+)\">|<strong>(\d)</strong>", pager) == [
        ("cooperatives.html", ""),
        ("cooperatives-page-2.html", ""),
        ("", "1"),
        ("cooperatives-undated-page-2.html", ""),
        ("cooperatives-undated-page-1.html", ""),
    ]


def test_a_new_article_changes_only_the_first_page_of_each_of_its_lists() -> None:
    before = index_pages(build_model(records(1000), AUTHORITIES))
    undated_lists = ["browse/topics/cooperatives", "browse/actors/servicio-nacional-de-aprendizaje"]
    for extra, later_pages in [
        (record(5000, date="2024-01-02"), set()),
        # An undated one: also the last of the undated pages, in the lists long enough to have them.
        (record(5001, date=None), {f"{name}-undated-page-2.md" for name in undated_lists}),
    ]:
        after = index_pages(build_model([*records(1000), extra], AUTHORITIES))
        browse = {p for p in _changed(before, after) if p.startswith("browse/") and "/index" not in p}
        assert "browse/topics/cooperatives.md" in browse
        assert {p for p in browse if "-page-" in p} == later_pages
        assert len(browse - later_pages) <= 6  # the first page of its topic, actor, country, year, language


def test_map_links_countries_with_articles_only() -> None:
    model = build_model([record(1, countries=("PE",)), record(2, countries=("PE", "DE"))], AUTHORITIES)
    overview = index_pages(model)["browse/countries/index.md"]
    assert 'aria-label="Peru: 2 articles"' in overview
    assert 'href="pe.html"' in overview
    assert overview.count("<a href=") == 1  # Germany is listed, not on a map of the Americas
    assert "[Germany](de.md) (1)" in overview


def test_years_timeline_has_a_bar_per_year_including_gaps() -> None:
    model = build_model([record(1, date="2015-02"), record(2, date="2018")], AUTHORITIES)
    overview = index_pages(model)["browse/years/index.md"]
    assert overview.count("<rect") == 4  # 2015, 2016, 2017, 2018
    month_page = index_pages(model)["browse/years/2015.md"]
    assert "Feb: 1 article" in month_page


def test_exports_agree_with_each_other() -> None:
    model = build_model(records(70), AUTHORITIES)
    files = export_files(model)
    rows = list(csv.DictReader(io.StringIO(files["data/catalogue.csv"])))
    package = json.loads(files["data/datapackage.json"])
    fields = [f["name"] for f in package["resources"][0]["schema"]["fields"]]
    assert list(rows[0]) == fields
    assert len(rows) == len(json.loads(files["data/catalogue.json"])) == 70
    feed = ET.fromstring(files["data/feed.xml"])
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == FEED_SIZE
    assert "data/feed.xml" in files["data/index.md"] or "feed.xml" in files["data/index.md"]


def test_rendering_is_deterministic() -> None:
    first = site_files(build_model(records(40), AUTHORITIES))
    second = site_files(build_model(list(reversed(records(40))), AUTHORITIES))
    assert first == second


def _meta(files: dict[str, str]) -> dict:
    return json.loads(files["search-index/meta.js"].split("(", 1)[1].rsplit(")", 1)[0])


def _shard_terms(files: dict[str, str], term: str) -> dict:
    """The shard the browser would load for a term: the longest key that starts it."""
    keys = set(_meta(files)["keys"])
    key = next(term[:n] for n in range(len(term), 1, -1) if term[:n] in keys)
    return json.loads(files[f"search-index/t-{key}.js"].split(",", 1)[1].rsplit(")", 1)[0])


def test_search_index_maps_forms_to_stems_and_postings() -> None:
    model = build_model(records(6), AUTHORITIES)
    files, _ = build_index(model)
    by_number = sorted(model.articles, key=lambda a: added_order(a.id))  # as the index numbers them
    spanish = [n for n, a in enumerate(by_number) if a.language == "es"]
    cooperativas = _shard_terms(files, "cooperativas")["cooperativas"]
    assert cooperativas["s"]  # a form that stems to something else
    stems = cooperativas["s"]
    found = set()
    for stem in stems:
        parts = _shard_terms(files, stem)[stem]["p"].split(";")
        for where, _, gaps in (part.partition(":") for part in parts):
            numbers = decode_postings(gaps)
            found.update(numbers)
            # the bucket says the language and year of the articles it holds, a bitmap's the language
            year = (lambda n: "") if gaps.startswith(BITMAP) else (lambda n: by_number[n].year or "")
            assert all(where == by_number[n].language + year(n) for n in numbers)
    assert set(spanish) <= found


def test_search_index_loads_little_per_article() -> None:
    model = build_model(records(300), AUTHORITIES)
    files, _ = build_index(model)
    # what every search loads up front holds no row per article: three times the
    # articles, about the same meta.js (the vocabularies' counts have more digits)
    fewer = len(build_index(build_model(records(100), AUTHORITIES))[0]["search-index/meta.js"].encode())
    assert len(files["search-index/meta.js"].encode()) < fewer * 1.1
    # one file per article, its row and its text (capped): what a result on screen loads
    sizes = [len(text.encode()) for name, text in files.items() if name.startswith("search-index/a/")]
    assert len(sizes) == 300 and max(sizes) < TEXT_CHARS * 2 + 2000


def test_crowded_prefixes_split_until_each_shard_fits() -> None:
    sizes = {f"co{chr(97 + i)}{chr(97 + j)}": 100 for i in range(26) for j in range(26)} | {"co": 10, "da": 5}
    keys = shard_keys(sizes, limit=3000)
    assert keys["co"] == "co" and keys["da"] == "da"
    assert keys["coab"] == "coa"  # 'co' (67,610 bytes) splits into 'coa', 'cob', ... (2,600 each)
    for key in set(keys.values()):
        assert sum(size for term, size in sizes.items() if keys[term] == key) <= 3000
        # the browser's rule: a term's shard is the longest key that starts it
    for term, key in keys.items():
        assert key == next(term[:n] for n in range(len(term), 1, -1) if term[:n] in set(keys.values()))


def test_a_surface_form_points_to_its_stems_in_its_own_languages_only() -> None:
    model = build_model(
        [
            record(1, language="es", body="Las cooperativas venden café."),
            record(2, language="pt", body="As cooperativas vendem café."),
            record(3, language="en", body="Cooperation between the cooperatives."),
        ],
        AUTHORITIES,
    )
    files, _ = build_index(model)
    shards = {}
    for name, content in files.items():
        if "/t-" in name:
            shards.update(json.loads(content[content.index(",") + 1 : content.rindex(")")]))
    # Snowball cuts cooperativas, cooperatives and cooperation all to "cooper"; the stem keeps
    # the -iv- ending it cut (data/search.yaml), so cooperatives meet and cooperation stays apart.
    assert shards["cooperativas"]["s"] == ["cooperativ"] and shards["cooperativas"]["l"] == ["es,pt"]
    assert shards["cooperation"]["s"] == ["cooper"] and shards["cooperation"]["l"] == ["en"]
    assert sum(map(len, decode_bucketed(shards["cooperativ"]["p"]).values())) == 3
    assert sum(map(len, decode_bucketed(shards["cooper"]["p"]).values())) == 1
    assert shards["cooperativ"]["f"] == ["cooperativas", "cooperatives"]  # forms to highlight
