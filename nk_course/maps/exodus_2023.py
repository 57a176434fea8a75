"""September 2023: the area the Karabakh Armenian authorities still held, the road out and
where people arrived in Armenia."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from nk_course.maps import geometry
from nk_course.maps.layers import (
    RED,
    Shade,
    add_area,
    add_country_names,
    add_district_lines,
    add_places,
    legend_key,
    map_layout,
)
from nk_course.maps.outlines import base_map, both_names, hover_card
from nk_course.style import OUTLINE, PALETTE

LON, LAT = (45.95, 47.35), (39.3, 40.15)
#: The road out, in order (chapter 7): Stepanakert, past Shusha, through the Lachin corridor,
#: across the checkpoint at the Hakari bridge, into Armenia at Kornidzor, on to Goris.
ROUTE = ["stepanakert", "shusha", "lachin", "hakari-bridge", "kornidzor", "goris"]
ARRIVED = ["kornidzor", "goris"]
HELD_2023 = Shade(PALETTE[1], "/", 0.25, "dash")
HELD_NAME = "Held by the Karabakh Armenian authorities until 19-20 September 2023 (approximate)"


def latest_government_count(arrivals: pd.DataFrame) -> pd.Series:
    """The Armenian government's highest cumulative count of arrivals, with its date."""
    rows = arrivals[arrivals["reported_by"].str.startswith("Armenian government")]
    if rows.empty:
        raise ValueError("arrivals_2023: no count reported by the Armenian government")
    return rows.sort_values(["cumulative", "date"]).iloc[-1]


def exodus_2023_map(places: pd.DataFrame, arrivals: pd.DataFrame) -> tuple[go.Figure, str]:
    """The approximate area held by the Karabakh Armenian authorities before 19 September
    2023, the route out by which almost the whole population left, and the places in
    Armenia where they arrived, with the Armenian government's latest count of arrivals.

    Returns the figure and a text alternative.
    """
    count = latest_government_count(arrivals)
    fig = base_map(lon_range=LON, lat_range=LAT, height=560, tint=False)
    add_district_lines(fig, LON, LAT)
    add_area(fig, "armenian-held-2020", HELD_2023, HELD_NAME)
    route = places.set_index("id").loc[ROUTE].reset_index()
    fig.add_scatter(
        x=route["lon"].round(3),
        y=route["lat"].round(3),
        mode="lines+markers",
        name="Route out (straight lines, not the road)",
        line=dict(color=RED, width=3, dash="dot"),
        marker=dict(
            symbol="arrow",
            angleref="previous",
            size=13,
            color=RED,
            line=dict(width=1, color=OUTLINE),
        ),
        hovertext=route.apply(hover_card, axis=1),
        hoverinfo="text",
    )
    legend_key(fig, "Armenian-held until Sept. 2023, approximate", HELD_2023)
    add_country_names(fig, LON, LAT)
    add_places(
        fig,
        places,
        ["stepanakert", "shusha", "lachin"],
        label="stacked",
        positions={"stepanakert": "middle right", "shusha": "bottom right", "lachin": "top left"},
    )
    arrived = places.set_index("id").loc[ARRIVED].reset_index()
    when = f"{count['date'].day} {count['date']:%B %Y}"
    fig.add_scatter(
        x=arrived["lon"].round(3),
        y=arrived["lat"].round(3),
        mode="markers+text",
        name="Where people arrived in Armenia",
        text=["Kornidzor: arrivals<br>registered", "Goris"],
        textposition=["bottom right", "bottom left"],
        textfont=dict(size=11),
        marker=dict(symbol="star", size=15, color=PALETTE[2], line=dict(width=1, color=OUTLINE)),
        hovertext=[
            hover_card(r)
            + f"<br>{int(count['cumulative']):,} people registered in Armenia by {when}"
            for _, r in arrived.iterrows()
        ],
        hoverinfo="text",
    )
    map_layout(
        fig,
        "The road out, September 2023",
        f"{int(count['cumulative']):,} people registered in Armenia<br>"
        f"by {when} (Armenian government).<br>Dashed area approximate.",
    )
    fig.update_layout(height=560, margin=dict(t=110))
    alt = (
        "Map of the area the Karabakh Armenian authorities held until the operation of "
        "19-20 September 2023, drawn approximately around Stepanakert (Khankendi), and the "
        "route by which its population left: "
        + ", ".join(both_names(r) for _, r in route.iterrows())
        + " (straight lines between these places, not the road itself). People arrived in "
        "Armenia at Kornidzor, where arrivals were registered, and went on to Goris. By "
        f"{when} the Armenian government had registered {int(count['cumulative']):,} people. "
        + geometry.feature("armenian-held-2020")["properties"]["how"]
    )
    return fig, alt
