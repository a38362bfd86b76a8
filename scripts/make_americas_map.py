"""Regenerate ``src/hemeroteca/data/americas-map.json``: country outlines of the Americas as SVG paths.

Run once by a maintainer (not at build time, not in CI): it reads Natural Earth's
1:50m country polygons (public domain) in the TopoJSON packaging of the npm
package ``world-atlas``, keeps the polygons inside the Americas, projects them
(equirectangular), simplifies them to sub-pixel detail and writes one path per
ISO 3166-1 alpha-2 code. Countries too small to see get a marker point instead.

    npm install --prefix .cache/npm world-atlas
    python scripts/make_americas_map.py .cache/npm/node_modules/world-atlas/countries-50m.json
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import pycountry

WEST, EAST, SOUTH, NORTH = -170.0, -32.0, -56.5, 84.0
WIDTH = 560.0
SCALE = WIDTH / (EAST - WEST)
HEIGHT = round((NORTH - SOUTH) * SCALE)
TOLERANCE = 0.7  # pixels: detail below this is invisible at the map's size
TINY_AREA = 6.0  # square pixels: below this a country is drawn as a marker
OUT = Path(__file__).resolve().parents[1] / "src" / "hemeroteca" / "data" / "americas-map.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (TopoJSON stores quantized deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def project(lon: float, lat: float) -> tuple[float, float]:
    return (lon - WEST) * SCALE, (NORTH - lat) * SCALE


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker on a closed ring, split at its farthest point from the start."""
    if len(points) < 4:
        return points
    x0, y0 = points[0]
    far = max(range(len(points)), key=lambda i: math.hypot(points[i][0] - x0, points[i][1] - y0))
    return _simplify_open(points[: far + 1], tolerance)[:-1] + _simplify_open(points[far:], tolerance)


def _simplify_open(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative so long coastlines do not hit the recursion limit."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1) or 1e-9
        best, index = 0.0, -1
        for i in range(first + 1, last):
            x0, y0 = points[i]
            distance = abs((y2 - y1) * x0 - (x2 - x1) * y0 + x2 * y1 - y2 * x1) / length
            if distance > best:
                best, index = distance, i
        if best > tolerance and index > 0:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def area(points: list[tuple[float, float]]) -> float:
    pairs = zip(points, points[1:] + points[:1], strict=True)
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs)) / 2


def centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def in_americas(lon: float, lat: float) -> bool:
    """Inside the map's frame, leaving out the Pacific islands south-west of Mexico and Russia's tip."""
    if not (WEST + 1.5 <= lon <= EAST and SOUTH <= lat <= NORTH):
        return False
    return lon >= -120 or lat >= 15


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topojson", type=Path)
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries: dict[str, dict] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        country = pycountry.countries.get(numeric=geometry.get("id", ""))
        if country is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        paths, total, marks = [], 0.0, []
        for polygon in polygons:
            outer = ring(polygon[0], arcs)
            lon, lat = centroid(outer)
            span = max(p[0] for p in outer) - min(p[0] for p in outer)
            if span > 90 or not in_americas(lon, lat):  # rings cut at the antimeridian
                continue
            for indices in polygon:
                projected = [project(*p) for p in ring(indices, arcs)]
                total += area(projected)
                marks.append(centroid(projected))
                simple = simplify(projected, TOLERANCE)
                if len(simple) >= 4 and area(simple) >= 0.5:
                    paths.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in simple[:-1]) + "Z")
        if not marks:
            continue
        entry: dict = {"name": geometry.get("properties", {}).get("name", country.name)}
        if paths and total >= TINY_AREA:
            entry["d"] = "".join(paths)
        else:
            x, y = centroid(marks)
            entry["point"] = [round(x, 1), round(y, 1)]
        countries[country.alpha_2] = entry
    data = {
        "source": "Natural Earth 1:50m admin 0 countries (public domain), via the npm package world-atlas 2",
        "projection": f"equirectangular, lon {WEST}..{EAST}, lat {SOUTH}..{NORTH}",
        "width": WIDTH,
        "height": HEIGHT,
        "countries": dict(sorted(countries.items())),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(countries)} countries, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
