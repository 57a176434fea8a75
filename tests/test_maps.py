"""The territorial maps: what each draws, on which date, and what its text alternative says."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from nk_course.datapackage import load_table
from nk_course.maps.control_1994 import control_1994_map
from nk_course.maps.exodus_2023 import exodus_2023_map
from nk_course.maps.orientation import SEVEN, orientation_map
from nk_course.maps.war_2020 import step_dates, war_2020_map

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def places() -> pd.DataFrame:
    return load_table("places", ROOT)


def areas(fig) -> list:
    """The shaded areas a figure draws, named on hover (not the countries, not legend keys)."""
    return [t for t in fig.data if t.hoveron == "fills"]


def test_orientation_map_names_countries_districts_and_towns(places):
    fig, alt = orientation_map(places)
    countries = next(t for t in fig.data if t.name == "Countries")
    assert {"ARMENIA", "AZERBAIJAN", "GEORGIA", "IRAN", "TURKEY"} <= set(countries.text)
    names = " ".join(t.name for t in areas(fig))
    for label in [
        "Kalbajar (Karvachar) district",
        "Lachin (Berdzor) district",
        "Fuzuli (Varanda) district",  # both names once places.csv gives the second
        "Former Nagorno-Karabakh Autonomous Oblast (approximate)",
        "Lachin corridor (approximate)",
    ]:
        assert label in names
    assert len(areas(fig)) == len(SEVEN) + 2
    written = [a.text for a in fig.layout.annotations]
    for town in ["Stepanakert<br>(Khankendi)", "Shusha<br>(Shushi)", "Lachin<br>(Berdzor)"]:
        assert town in written
    for both in [
        "Stepanakert (Khankendi)",
        "Shusha (Shushi)",
        "Lachin (Berdzor)",
        "Qubadli (Kashunik) district",
        "Iran",
        "approximate",
    ]:
        assert both in alt


def test_1994_map_shades_partial_districts_differently(places):
    control = load_table("control_1994", ROOT)
    fig, alt = control_1994_map(control, places)
    shaded = areas(fig)
    assert len(shaded) == len(control)
    partial = [t for t in shaded if "Held in part" in t.name]
    assert {t.fillpattern.shape for t in partial} == {"."}
    assert {t.fillpattern.shape for t in shaded if "Held wholly" in t.name} == {"/"}
    assert len(partial) == (control["extent"] == "partial").sum()
    steps = fig.layout.sliders[0].steps
    assert [s.label for s in steps][0] == "18 May 92" and steps[-1].label == "29 Oct 93"
    # On the first step only the oblast (no single date) and Lachin are shaded.
    first = steps[0].args[0]["visible"]
    shown = [
        t.name.split("<br>")[0] for t, v in zip(fig.data, first, strict=True) if v and t in shaded
    ]
    assert shown == [
        "<b>Former Nagorno-Karabakh Autonomous Oblast (approximate)</b>",
        "<b>Lachin (Berdzor) district</b>",
    ]
    assert "Aghdam (Akna) district: held in part" in alt
    assert "data record extent only by district" in alt


def test_1994_map_refuses_an_unknown_holder(places):
    control = load_table("control_1994", ROOT).copy()
    control.loc[0, "held_at_ceasefire"] = "nobody"
    with pytest.raises(ValueError, match=r"unknown held_at_ceasefire values \['nobody'\]"):
        control_1994_map(control, places)


def test_war_map_steps_from_27_september_to_1_december(places):
    progress = load_table("war_2020_progress", ROOT)
    control = load_table("control_2020", ROOT)
    fig, alt = war_2020_map(progress, control, places)
    steps = fig.layout.sliders[0].steps
    assert [s.label for s in steps][0] == "27 Sep" and steps[-1].label == "1 Dec"
    assert {"10 Nov", "20 Nov", "25 Nov"} <= {s.label for s in steps}
    assert len(steps) == len(step_dates())
    by_name = {t.name: i for i, t in enumerate(fig.data)}
    aghdam_after = by_name[
        "<b>Aghdam (Akna) district</b><br>Handed over to Azerbaijan, 20 November 2020"
    ]
    zone = by_name[
        "Area left to the Karabakh Armenian authorities and Russian peacekeepers (approximate)"
    ]
    labels = [s.label for s in steps]
    visible = {s.label: s.args[0]["visible"] for s in steps}
    assert not visible["8 Nov"][aghdam_after] and visible["20 Nov"][aghdam_after]
    assert not visible["8 Nov"][zone] and visible["10 Nov"][zone]
    # Places appear on the day Azerbaijan claimed them; confirmed ones are filled.
    shusha = next(t for t in fig.data if t.name == "Shusha")
    assert shusha.marker.symbol == "diamond"
    assert next(t for t in fig.data if t.name == "Hadrut").marker.symbol == "diamond-open"
    i = list(fig.data).index(shusha)
    assert [visible[label][i] for label in labels].index(True) == labels.index("8 Nov")
    assert fig.layout.sliders[0].active == 0
    assert "Shusha (Shushi) claimed 8 November, confirmed 9 November" in alt
    assert "Kalbajar (Karvachar) district: handed over to Azerbaijan on 25 November" in alt
    end, _ = war_2020_map(progress, control, places, start_at_end=True)
    assert end.layout.sliders[0].active == len(steps) - 1
    assert end.data[zone].visible is True


def test_war_map_rejects_a_claim_outside_the_war(places):
    progress = load_table("war_2020_progress", ROOT).copy()
    progress.loc[0, "date_claimed"] = pd.Timestamp("2021-01-01")
    with pytest.raises(ValueError, match="outside the war's dates"):
        war_2020_map(progress, load_table("control_2020", ROOT), places)


def test_exodus_map_draws_the_route_and_the_latest_count(places):
    fig, alt = exodus_2023_map(places, load_table("arrivals_2023", ROOT))
    route = next(t for t in fig.data if t.name.startswith("Route out"))
    assert len(route.x) == 6
    assert "Stepanakert (Khankendi), Shusha (Shushi), Lachin (Berdzor)" in alt
    assert "registered 101,848 people" in alt
    assert len(areas(fig)) == 1
