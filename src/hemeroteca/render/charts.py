"""Charts drawn at build time as inline SVG: the map of the Americas and the timelines.

Inline SVG needs no script and no network, so the charts work from file:// and
print. Every mark that stands for articles is a link to the matching index page
with an accessible name ("Peru: 12 articles"); the lists beside the charts carry
the same information as text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable

from hemeroteca.render.format import html_text, message_marks, message_marks_n, translated_n
from hemeroteca.render.messages import Messages
from hemeroteca.resources import load_data

PALETTE = ("#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08306b")
EMPTY = "#e4e4e4"
BAR = "#3f6fb5"
# Text takes the page's colour (light or dark scheme) through CSS: see site.css.
TEXT = "currentColor"


def _shade(count: int, top: int) -> str:
    """Log-scaled step of the palette: a few big countries must not wash out the rest."""
    if count <= 0:
        return EMPTY
    step = math.log(count) / math.log(top) if top > 1 else 1.0
    return PALETTE[min(len(PALETTE) - 1, int(step * (len(PALETTE) - 1) + 0.5))]


# Countries drawn smaller than this (viewBox units; the map is about 350 px wide on a phone,
# 0.6 px a unit) get an invisible disc of this radius as their hit area: a finger's width.
SMALL, HALO = 20, 16
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _small_centre(shape: dict) -> tuple[float, float] | None:
    """The centre of a country drawn too small to tap (a point, or an outline under SMALL)."""
    if "point" in shape:
        return tuple(shape["point"])  # type: ignore[return-value]
    numbers = [float(n) for n in _NUMBER.findall(shape["d"])]
    xs, ys = numbers[0::2], numbers[1::2]
    if max(xs) - min(xs) >= SMALL or max(ys) - min(ys) >= SMALL:
        return None
    return round((max(xs) + min(xs)) / 2, 1), round((max(ys) + min(ys)) / 2, 1)


def _count_label(m: Messages, name: str, count: int, names: dict[str, str] | None, attr: str | None = None):
    """"Peru: 12 articles" and the marks that let the browser say it in another language."""
    one, many = "{name}: {n} article", "{name}: {n} articles"
    return message_marks_n(m, one, many, count, names=names, attr=attr, name=name)


def americas_map(counts: dict[str, int], m: Messages, href: Callable[[str], str]) -> str:
    """The Americas with each country shaded by its number of articles and linked to its page.

    Small countries (islands drawn as points, outlines smaller than ``SMALL``) get a hit
    area larger than their shape, and every country with articles is in the list below
    the map as well.
    """
    geo = load_data("americas-map.json")
    top = max((counts.get(code, 0) for code in geo["countries"]), default=0)
    marks, halos = [], []
    for code, shape in geo["countries"].items():
        count = counts.get(code, 0)
        fill = _shade(count, top)
        if "d" in shape:
            mark, close = f'<path d="{shape["d"]}" fill="{fill}"', "path"
        else:
            x, y = shape["point"]
            mark, close = f'<circle cx="{x}" cy="{y}" r="3" fill="{fill}"', "circle"
        if count:
            names = {"name": f"country:{code}"}
            label, label_marks = _count_label(m, m.country(code), count, names, attr="aria-label")
            one, many = "{name}: {n} article", "{name}: {n} articles"
            title = translated_n(m, one, many, count, tag="title", names=names, name=m.country(code))
            # an invisible disc around a point: a finger-sized target on a phone
            centre = _small_centre(shape)
            if centre:
                # under every shape, so a neighbour's own outline still wins where they overlap;
                # out of the tab order and the accessibility tree (the country's link is there)
                halos.append(
                    f'<a href="{html_text(href(code))}" tabindex="-1" aria-hidden="true">'
                    f'<circle cx="{centre[0]}" cy="{centre[1]}" r="{HALO}" fill="#000" fill-opacity="0"/></a>'
                )
            marks.append(
                f'<a href="{html_text(href(code))}" aria-label="{html_text(label)}"{label_marks}>'
                f'{mark} class="hem-map-country">{title}</{close}></a>'
            )
        else:
            marks.append(f'{mark} stroke="#ffffff" stroke-width="0.4" aria-hidden="true"/>')
    legend = _map_legend(top, geo["height"], m)
    label, label_marks = message_marks(
        m, "Map of the Americas: countries shaded by number of articles", attr="aria-label"
    )
    return (
        f'<svg class="hem-map" viewBox="0 0 {geo["width"]:.0f} {geo["height"]}" role="group" '
        f'aria-label="{html_text(label)}"{label_marks} '
        'xmlns="http://www.w3.org/2000/svg">'
        + "".join(halos)
        + "".join(marks)
        + legend
        + "</svg>"
    )


def _map_legend(top: int, height: int, m: Messages) -> str:
    if top < 1:
        return ""
    steps = sorted({max(1, round(top ** (i / (len(PALETTE) - 1)))) for i in range(len(PALETTE))})
    # viewBox units: text 16 is 20 px on a wide screen and 10 px on a 390 px phone, where
    # site.css draws it at 20 (12 px); rows 26 apart leave room for either.
    size, row = 16, 26
    y = height - row * len(steps) - 10
    items = []
    for i, value in enumerate(steps):
        top_y = y + row * i
        text = translated_n(m, "{n} article", "{n} articles", value, tag="text")
        place = f'<text x="{14 + size + 8}" y="{top_y + size * 0.8:.0f}" font-size="{size}" fill="{TEXT}"'
        text = text.replace("<text", place, 1)
        box = f'<rect x="14" y="{top_y}" width="{size}" height="{size}" fill="{_shade(value, top)}"/>'
        items.append(box + text)
    return '<g aria-hidden="true">' + "".join(items) + "</g>"


def bar_chart(
    bars: list[tuple[str, str, int, str | None, str | None]],
    m: Messages,
    *,
    label: tuple[str, str],
    width: int = 640,
    height: int = 180,
) -> str:
    """Vertical bars ``(key, axis label, count, link or None, name key or None)``, e.g. articles
    per year or per month; the name key ("month:6") lets the browser rename the axis label.
    ``label``: the chart's accessible name and its marks (``message_marks``)."""
    if not bars:
        return ""
    top = max(count for _, _, count, _, _ in bars) or 1
    left, bottom, plot_h = 34, 28, height - 40
    slot = (width - left - 4) / len(bars)
    every = max(1, math.ceil(len(bars) / 16))
    parts = [
        f'<text x="{left - 6}" y="16" font-size="11" text-anchor="end" fill="{TEXT}">{top}</text>',
        f'<text x="{left - 6}" y="{height - bottom}" font-size="11" text-anchor="end" fill="{TEXT}">0</text>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 4}" y2="{height - bottom}" stroke="#999"/>',
    ]
    for i, (_key, axis, count, href, name) in enumerate(bars):
        x = left + i * slot + slot * 0.12
        bar_h = plot_h * count / top
        y = height - bottom - bar_h
        names = {"name": name} if name else None
        title = translated_n(
            m, "{name}: {n} article", "{name}: {n} articles", count, tag="title", names=names, name=axis
        )
        rect = (
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.76:.1f}" height="{bar_h:.1f}" fill="{BAR}">'
            f"{title}</rect>"
        )
        if href and count:
            text, marks = _count_label(m, axis, count, names, attr="aria-label")
            parts.append(f'<a href="{html_text(href)}" aria-label="{html_text(text)}"{marks}>{rect}</a>')
        else:
            parts.append(rect)
        if i % every == 0:
            # every other label is hidden on a phone (site.css), where they are drawn larger
            odd = ' class="hem-axis-odd"' if (i // every) % 2 else ""
            parts.append(
                f'<text x="{x + slot * 0.38:.1f}" y="{height - bottom + 16}" font-size="11" '
                f'text-anchor="middle" fill="{TEXT}"{odd}>{html_text(axis)}</text>'
            )
    return (
        f'<svg class="hem-chart" viewBox="0 0 {width} {height}" role="group" '
        f'aria-label="{html_text(label[0])}"{label[1]} xmlns="http://www.w3.org/2000/svg">'
        + "".join(parts)
        + "</svg>"
    )


def years_chart(year_counts: dict[str, int], href: Callable[[str], str], m: Messages) -> str:
    """Articles per year, with empty years shown as gaps so the time axis stays true."""
    years = sorted(int(y) for y in year_counts)
    if not years:
        return ""
    bars = []
    for year in range(years[0], years[-1] + 1):
        key = str(year)
        count = year_counts.get(key, 0)
        bars.append((key, key, count, href(key) if count else None, None))
    return bar_chart(bars, m, label=message_marks(m, "Timeline: articles per year", attr="aria-label"))


def months_chart(dates: list[str | None], year: str, m: Messages) -> str:
    """Articles per month of one year; articles dated to the year only are left to the caption."""
    months = Counter(int(d[5:7]) for d in dates if d and len(d) >= 7)
    bars = [
        (f"{n:02d}", m.month_abbr(n), months.get(n, 0), None, f"month:{n}") for n in range(1, 13)
    ]
    label = message_marks(m, "Articles per month in {year}", attr="aria-label", year=year)
    return bar_chart(bars, m, label=label)
