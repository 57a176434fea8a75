"""Extract the country outlines of the South Caucasus from Natural Earth (via npm world-atlas).

Run once by a maintainer; its output, data/geo/region.geojson, is committed. Usage:

    npm install --prefix /tmp/geo world-atlas@2.0.2
    python scripts/extract_geometry.py /tmp/geo/node_modules/world-atlas/countries-10m.json

world-atlas is ISC-licensed; its geometry is Natural Earth's, in the public domain. Natural
Earth draws the borders as they are recognised internationally, so Nagorno-Karabakh lies
inside Azerbaijan; the charts' captions say so.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

COUNTRIES = {
    "051": "Armenia",
    "031": "Azerbaijan",
    "268": "Georgia",
    "364": "Iran",
    "792": "Turkey",
}
# West, south, east, north: a frame around the conflict region with a margin.
BBOX = (43.0, 38.0, 51.0, 42.2)
DIGITS = 3  # about 100 m: finer than the map can show


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Turn quantised, delta-encoded TopoJSON arcs into lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list) -> list[tuple[float, float]]:
    """Join the arcs of one ring; a negative index means the arc reversed (~i)."""
    points: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def clip(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sutherland-Hodgman clipping of a closed ring to BBOX."""
    west, south, east, north = BBOX
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _cross_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _cross_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _cross_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _cross_y(a, b, north)),
    ]
    for inside, cross in edges:
        if not points:
            break
        result = []
        prev = points[-1]
        for cur in points:
            if inside(cur):
                if not inside(prev):
                    result.append(cross(prev, cur))
                result.append(cur)
            elif inside(prev):
                result.append(cross(prev, cur))
            prev = cur
        points = result
    return points


def _cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def simplify(points: list[tuple[float, float]]) -> list[list[float]]:
    """Round to DIGITS and drop consecutive repeats that rounding creates."""
    out: list[list[float]] = []
    for lon, lat in points:
        p = [round(lon, DIGITS), round(lat, DIGITS)]
        if not out or p != out[-1]:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def main(source: Path, target: Path) -> None:
    topo = json.loads(source.read_text())
    arcs = decode_arcs(topo)
    features = []
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom.get("id") not in COUNTRIES:
            continue
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        kept = []
        for polygon in polygons:
            rings = [simplify(clip(ring(r, arcs))) for r in polygon]
            rings = [r for r in rings if len(r) >= 4]
            if rings:
                kept.append(rings)
        features.append(
            {
                "type": "Feature",
                "properties": {"name": COUNTRIES[geom["id"]], "iso_n3": geom["id"]},
                "geometry": {"type": "MultiPolygon", "coordinates": kept},
            }
        )
    collection = {
        "type": "FeatureCollection",
        "bbox": list(BBOX),
        "features": sorted(features, key=lambda f: f["properties"]["name"]),
    }
    target.write_text(json.dumps(collection, separators=(",", ":")) + "\n")
    print(f"wrote {target}: {len(features)} countries, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).resolve().parents[1] / "data" / "geo" / "region.geojson")
