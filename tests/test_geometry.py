"""The map geometry in data/geo/: every unit the control tables name has a polygon, the
mislabelled Natural Earth district is fixed, and approximate shapes say how they were made."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from nk_course import load_table
from nk_course.maps import geometry

ROOT = Path(__file__).resolve().parents[1]
SEVEN = ["kalbajar", "lachin", "qubadli", "zangilan", "jabrayil", "fuzuli", "aghdam"]
#: Towns that Natural Earth's generalised district borders (10m admin-1) place just outside
#: their own district: Lachin town falls in its Shusha polygon, Jabrayil in Khojavend.
OUTSIDE_BY_GENERALISATION = {"lachin", "jabrayil"}


@pytest.fixture(scope="module")
def places():
    return load_table("places", ROOT).set_index("id")


def area_km2(feat: dict) -> float:
    """Area of a (Multi)Polygon on a sphere, locally flattened at each polygon's latitude."""
    total = 0.0
    for polygon in feat["geometry"]["coordinates"]:
        for k, ring in enumerate(polygon):
            lat = math.radians(sum(p[1] for p in ring) / len(ring))
            a = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False))
            total += (-1 if k else 1) * abs(a) / 2 * 111.32**2 * math.cos(lat)
    return total


@pytest.mark.parametrize("table", ["control_1994", "control_2020"])
def test_every_district_in_the_control_tables_has_a_polygon(table):
    rows = load_table(table, ROOT)
    units = rows[rows["unit"].str.contains("district|Oblast", regex=True)]
    assert len(units) >= 8  # the seven districts and the former oblast
    for place_id, unit in zip(units["place_id"], units["unit"], strict=True):
        feat = geometry.feature(place_id)
        rings = [r for polygon in feat["geometry"]["coordinates"] for r in polygon]
        assert rings and all(len(r) >= 4 and r[0] == r[-1] for r in rings), unit
        assert area_km2(feat) > 100, f"{unit}: polygon too small to be the district"


def test_the_mislabelled_lachin_district_is_fixed(places):
    names = {f["properties"]["name"] for f in geometry.districts().values()}
    assert "Lankaran" not in names  # Natural Earth's label for this polygon
    lachin = geometry.feature("lachin")
    props = lachin["properties"]
    assert (props["name"], props["ne_code"], props["in_oblast"]) == ("Lachin", "AZ.LA", None)
    # 1,840 km2 by the Azerbaijani figure in control_1994.csv; Natural Earth is generalised.
    assert 1840 * 0.9 < area_km2(lachin) < 1840 * 1.1
    # It lies between the oblast and Armenia: west of Shusha, and it reaches the Hakari bridge.
    assert (
        geometry.label_point(lachin)[0]
        < geometry.label_point(geometry.feature("shusha-district"))[0]
    )
    bridge = places.loc["hakari-bridge"]
    assert geometry.contains(lachin, bridge.lon, bridge.lat)
    # Exactly one polygon carries Shusha's code, and it is Shusha's.
    shusha_codes = [
        f for f in geometry.districts().values() if f["properties"]["ne_code"] == "AZ.SU"
    ]
    assert [f["properties"]["id"] for f in shusha_codes] == ["shusha-district"]


@pytest.mark.parametrize("fid", SEVEN + ["khojaly", "khojavend", "tartar", "stepanakert"])
def test_district_polygons_hold_their_towns(fid, places):
    feat = geometry.feature(fid)
    town = places.loc[feat["properties"]["place_id"]]
    inside = geometry.contains(feat, town.lon, town.lat)
    assert inside != (fid in OUTSIDE_BY_GENERALISATION), fid


def test_approximate_shapes_say_how_they_were_made(places):
    shapes = geometry.approximations()
    assert set(shapes) == {"former-oblast", "lachin-corridor", "armenian-held-2020"}
    for feat in shapes.values():
        assert feat["properties"]["approximate"] is True
        assert feat["properties"]["how"].startswith("Approximate: ")
        assert "(approximate)" in feat["properties"]["name"]
    oblast = shapes["former-oblast"]
    for town, inside in [
        ("stepanakert", True),
        ("shusha", True),
        ("askeran", True),
        ("kalbajar", False),
        ("goris", False),
    ]:
        p = places.loc[town]
        assert geometry.contains(oblast, p.lon, p.lat) is inside, town
    held = shapes["armenian-held-2020"]
    for town, inside in [("stepanakert", True), ("shusha", False)]:
        p = places.loc[town]
        assert geometry.contains(held, p.lon, p.lat) is inside, town
    # The corridor joins Stepanakert to the Armenian border near Kornidzor, 5 km wide.
    corridor = shapes["lachin-corridor"]
    for town in ["lachin", "hakari-bridge", "kornidzor"]:
        assert geometry.contains(corridor, places.loc[town].lon, places.loc[town].lat), town


def test_an_unknown_unit_is_named():
    with pytest.raises(KeyError, match="no polygon with id 'atlantis'"):
        geometry.feature("atlantis")


def test_country_names_are_written_inside_their_countries():
    from nk_course.maps.layers import COUNTRY_LABELS
    from nk_course.maps.outlines import load_region

    countries = {f["properties"]["name"]: f for f in load_region()["features"]}
    for name, lon, lat in COUNTRY_LABELS:
        country = "Azerbaijan" if name.startswith("Nakhchivan") else name
        assert geometry.contains(countries[country], lon, lat), name
