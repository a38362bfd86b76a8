"""What a reader meets besides the text: reading on, citations, the feed, the skip link, the chrome."""

from __future__ import annotations

import re
from pathlib import Path

from hemeroteca.render.cite import reference
from hemeroteca.render.exports import atom_feed
from hemeroteca.render.model import build_model
from hemeroteca.render.pages import article_page

from .render_samples import AUTHORITIES, record


def _with(number: int, date: str | None, **meta: object):  # type: ignore[no-untyped-def]
    rec = record(number, date=date)
    rec.meta.update(meta)
    return rec


def test_related_articles_share_actors_first_then_are_nearest_in_time() -> None:
    sena = [{"name": "SENA", "type": "organization"}]
    other = [{"name": "Someone Else", "type": "person"}]
    recs = [
        _with(1, "2021-03-04", actors=sena, countries=["PE"]),
        _with(2, "2010-01-01", actors=sena, countries=["CO"]),  # same actor, far in time
        _with(3, "2021-03-05", actors=other, countries=["PE"], tags=[]),  # same country only, near
        _with(4, "2021-02-01", actors=other, countries=["AR"], tags=[]),  # nothing shared
    ]
    model = build_model(recs, AUTHORITIES)
    first = next(a for a in model.articles if a.id == "0001_sample")
    related = [a.id for a in model.neighbours.reading(first).related]
    assert related == ["0002_sample", "0003_sample"]


def test_previous_and_next_stay_in_the_same_year() -> None:
    recs = [_with(1, "2021-01-10"), _with(2, "2021-06-01"), _with(3, "2021-12"), _with(4, "2022-01-01")]
    model = build_model(recs, AUTHORITIES)
    middle = next(a for a in model.articles if a.id == "0002_sample")
    reading = model.neighbours.reading(middle)
    assert reading.older.id == "0001_sample" and reading.newer.id == "0003_sample"
    last_of_year = model.neighbours.reading(next(a for a in model.articles if a.id == "0003_sample"))
    assert last_of_year.newer is None  # 2022 is another year
    page = article_page(middle, model)
    assert 'class="hem-prev"' in page and 'class="hem-next"' in page and "Related articles" in page


def test_a_neighbours_new_title_makes_the_page_stale() -> None:
    recs = [_with(1, "2021-01-10"), _with(2, "2021-06-01")]
    recs[1].digest = "first"  # as read from disk: the record's text digest
    before = build_model(recs, AUTHORITIES)
    recs[1] = _with(2, "2021-06-01", title="Renamed")
    recs[1].digest = "second"
    after = build_model(recs, AUTHORITIES)
    first = [next(a for a in m.articles if a.id == "0001_sample") for m in (before, after)]
    assert first[0].key == first[1].key  # its own record did not change
    assert before.neighbours.page_key(first[0]) != after.neighbours.page_key(first[1])


def test_reference_uses_publisher_and_url_and_says_what_is_missing_once() -> None:
    known = _with(1, "2021-03-04")
    known.meta["source"] = {"path": "seeds/1.txt", "sha256": "ab" * 32, "publisher": "El Diario",
                            "url": "https://example.org/nota"}
    model = build_model([known, _with(2, None)], AUTHORITIES)
    full, bare = (next(a for a in model.articles if a.id == i) for i in ("0001_sample", "0002_sample"))
    text = reference(full, model)
    assert text.startswith("El Diario (March 4, 2021). Sample article 1 [Spanish].")
    assert "Originally published at https://example.org/nota." in text
    assert "unknown" not in text.lower()
    text = reference(bare, model)
    assert text.endswith("Publisher and date unknown.") and text.lower().count("unknown") == 1
    assert "n.d." not in text


def test_feed_never_dates_an_entry_1970() -> None:
    model = build_model([_with(1, "2021-03-04"), _with(2, None), _with(3, "2019")], AUTHORITIES)
    feed = atom_feed(model)
    assert "1970" not in feed
    updated = re.findall(r"<updated>([^<]+)</updated>", feed)
    assert updated[0] == "2021-03-04T00:00:00Z"  # the feed's: its newest entry
    assert sorted(updated[1:]) == ["2019-01-01T00:00:00Z", "2021-03-04T00:00:00Z", "2021-03-04T00:00:00Z"]
    assert "<updated>" not in atom_feed(build_model([_with(2, None)], AUTHORITIES)).split("<entry>")[0]


def test_built_pages_link_the_feed_and_skip_to_their_content(built_site: Path) -> None:
    for rel in ("index.html", "browse/countries/index.html", "search.html", "data/index.html"):
        html = (built_site / rel).read_text(encoding="utf-8")
        assert re.search(r'<link rel="alternate feed" type="application/atom\+xml"[^>]*feed\.xml', html), rel
    article = next((built_site / "articles").glob("*.html")).read_text(encoding="utf-8")
    facet = next((built_site / "browse" / "countries").glob("[a-z][a-z].html")).read_text(encoding="utf-8")
    for page in (article, facet):
        assert '<a href="#title" class="md-skip">' in page and '<h1 id="title"' in page
        assert re.search(r'href="(\.\./)+data/feed\.xml"', page)
    not_found = (built_site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in not_found
