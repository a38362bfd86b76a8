"""Charts drawn at build time as inline SVG: the map of the Americas and the timelines.

Inline SVG needs no script and no network, so the charts work from file:// and
print. Every mark that stands for articles is a link to the matching index page
with an accessible name ("Peru: 12 articles"); the lists beside the charts carry
the same information as text.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

from hemeroteca.render.format import MONTHS, html_text
from hemeroteca.resources import load_data

PALETTE = ("#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08306b")
EMPTY = "#e4e4e4"
BAR = "#3f6fb5"
TEXT = "#333333"


def _shade(count: int, top: int) -> str:
    """Log-scaled step of the palette: a few big countries must not wash out the rest."""
    if count <= 0:
        return EMPTY
    step = math.log(count) / math.log(top) if top > 1 else 1.0
    return PALETTE[min(len(PALETTE) - 1, int(step * (len(PALETTE) - 1) + 0.5))]


def _articles(count: int) -> str:
    return f"{count} article" + ("" if count == 1 else "s")


def americas_map(counts: dict[str, int], names: dict[str, str], href: Callable[[str], str]) -> str:
    """The Americas with each country shaded by its number of articles and linked to its page."""
    geo = load_data("americas-map.json")
    top = max((counts.get(code, 0) for code in geo["countries"]), default=0)
    marks = []
    for code, shape in geo["countries"].items():
        count = counts.get(code, 0)
        name = html_text(names.get(code, shape["name"]))
        if "d" in shape:
            mark = f'<path d="{shape["d"]}" fill="{_shade(count, top)}"'
        else:
            x, y = shape["point"]
            mark = f'<circle cx="{x}" cy="{y}" r="3" fill="{_shade(count, top)}"'
        if count:
            label = f"{name}: {_articles(count)}"
            marks.append(
                f'<a href="{html_text(href(code))}" aria-label="{label}">{mark} class="hem-map-country">'
                f"<title>{label}</title></{'path' if 'd' in shape else 'circle'}></a>"
            )
        else:
            marks.append(f'{mark} stroke="#ffffff" stroke-width="0.4" aria-hidden="true"/>')
    legend = _map_legend(top, geo["height"])
    return (
        f'<svg class="hem-map" viewBox="0 0 {geo["width"]:.0f} {geo["height"]}" role="group" '
        'aria-label="Map of the Americas: countries shaded by number of articles" '
        'xmlns="http://www.w3.org/2000/svg">'
        + "".join(marks)
        + legend
        + "</svg>"
    )


def _map_legend(top: int, height: int) -> str:
    if top < 1:
        return ""
    steps = sorted({max(1, round(top ** (i / (len(PALETTE) - 1)))) for i in range(len(PALETTE))})
    y = height - 18 * len(steps) - 10
    items = []
    for i, value in enumerate(steps):
        items.append(
            f'<rect x="14" y="{y + 18 * i}" width="14" height="14" fill="{_shade(value, top)}"/>'
            f'<text x="34" y="{y + 18 * i + 11}" font-size="11" fill="{TEXT}">{_articles(value)}</text>'
        )
    return '<g aria-hidden="true">' + "".join(items) + "</g>"


def bar_chart(
    bars: list[tuple[str, str, int, str | None]], *, label: str, width: int = 640, height: int = 180
) -> str:
    """Vertical bars ``(key, axis label, count, link or None)``, e.g. articles per year or per month."""
    if not bars:
        return ""
    top = max(count for _, _, count, _ in bars) or 1
    left, bottom, plot_h = 34, 28, height - 40
    slot = (width - left - 4) / len(bars)
    every = max(1, math.ceil(len(bars) / 16))
    parts = [
        f'<text x="{left - 6}" y="16" font-size="11" text-anchor="end" fill="{TEXT}">{top}</text>',
        f'<text x="{left - 6}" y="{height - bottom}" font-size="11" text-anchor="end" fill="{TEXT}">0</text>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 4}" y2="{height - bottom}" stroke="#999"/>',
    ]
    for i, (_key, axis, count, href) in enumerate(bars):
        x = left + i * slot + slot * 0.12
        bar_h = plot_h * count / top
        y = height - bottom - bar_h
        rect = (
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.76:.1f}" height="{bar_h:.1f}" fill="{BAR}">'
            f"<title>{html_text(axis)}: {_articles(count)}</title></rect>"
        )
        if href and count:
            label_text = html_text(f"{axis}: {_articles(count)}")
            parts.append(f'<a href="{html_text(href)}" aria-label="{label_text}">{rect}</a>')
        else:
            parts.append(rect)
        if i % every == 0:
            parts.append(
                f'<text x="{x + slot * 0.38:.1f}" y="{height - bottom + 16}" font-size="11" '
                f'text-anchor="middle" fill="{TEXT}">{html_text(axis)}</text>'
            )
    return (
        f'<svg class="hem-chart" viewBox="0 0 {width} {height}" role="group" aria-label="{html_text(label)}" '
        'xmlns="http://www.w3.org/2000/svg">' + "".join(parts) + "</svg>"
    )


def years_chart(year_counts: dict[str, int], href: Callable[[str], str]) -> str:
    """Articles per year, with empty years shown as gaps so the time axis stays true."""
    years = sorted(int(y) for y in year_counts)
    if not years:
        return ""
    bars = []
    for year in range(years[0], years[-1] + 1):
        key = str(year)
        bars.append((key, key, year_counts.get(key, 0), href(key)))
    return bar_chart(bars, label="Timeline: articles per year")


def months_chart(dates: list[str | None], year: str) -> str:
    """Articles per month of one year; articles dated to the year only are left to the caption."""
    months = Counter(int(d[5:7]) for d in dates if d and len(d) >= 7)
    bars = [(f"{m:02d}", MONTHS["en"][m - 1][:3], months.get(m, 0), None) for m in range(1, 13)]
    return bar_chart(bars, label=f"Articles per month in {year}")
