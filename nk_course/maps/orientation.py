"""The orientation map: the countries, the former oblast, the seven districts and the corridor."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from nk_course.maps import geometry
from nk_course.maps.layers import (
    CORRIDOR,
    Shade,
    add_area,
    add_callouts,
    add_country_names,
    add_district_lines,
    add_labels,
    add_places,
    district_label,
    legend_key,
    map_layout,
)
from nk_course.maps.outlines import base_map
from nk_course.style import PALETTE

#: The seven districts around the former oblast, north to south then east.
SEVEN = ["kalbajar", "lachin", "qubadli", "zangilan", "jabrayil", "fuzuli", "aghdam"]
LON, LAT = (44.05, 47.9), (38.7, 41.45)
#: A light shade for the seven districts: they are named, not held by anyone on this map.
SEVEN_SHADE = Shade("#888888", ".", 0.12, "solid")
OBLAST_SHADE = Shade(PALETTE[4], "", 0.35, "dash")
#: Label positions that keep names apart at phone width (else the shape's centroid).
LABEL_AT = {
    "qubadli": (46.5, 39.33),
    "jabrayil": (47.0, 39.28),
    "lachin": (46.0, 39.8),
    "fuzuli": (47.45, 39.45),
    "aghdam": (47.15, 40.12),
}


def orientation_map(places: pd.DataFrame) -> tuple[go.Figure, str]:
    """Where Nagorno-Karabakh is: the countries by name, the approximate former oblast, the
    seven districts around it, three towns and the approximate Lachin corridor.

    Returns the figure and a text alternative naming everything drawn, with both names.
    """
    fig = base_map(lon_range=LON, lat_range=LAT, height=500, tint=False)
    add_district_lines(fig, LON, LAT)
    labels = {fid: district_label(fid, places) for fid in SEVEN}
    for fid in SEVEN:
        add_area(fig, fid, SEVEN_SHADE, f"{labels[fid]}: one of the seven districts")
    oblast = geometry.feature("former-oblast")
    add_area(fig, "former-oblast", OBLAST_SHADE, oblast["properties"]["name"])
    corridor = geometry.feature("lachin-corridor")
    add_area(fig, "lachin-corridor", CORRIDOR, corridor["properties"]["name"])
    legend_key(fig, "<i>The seven districts</i> (dotted)", SEVEN_SHADE)
    legend_key(fig, "NK: former oblast, approximate (dashed)", OBLAST_SHADE)
    legend_key(fig, "Lachin corridor, approximate (striped)", CORRIDOR)
    add_country_names(fig, LON, LAT)
    short = places.set_index("id")["name"]
    add_labels(
        fig,
        [LABEL_AT.get(f) or geometry.label_point(geometry.feature(f)) for f in SEVEN],
        [f"<i>{short[f]}</i>" for f in SEVEN],
        [labels[f] for f in SEVEN],
        size=10,
        name="District names",
    )
    add_labels(
        fig,
        [(47.0, 39.6)],
        ["<b>NK</b>"],
        ["Former Nagorno-Karabakh Autonomous Oblast (approximate)"],
        size=12,
        name="Oblast label",
    )
    add_places(fig, places, ["yerevan"], label="one", positions={"yerevan": "top right"})
    add_callouts(fig, places, {"stepanakert": (-40, -85), "shusha": (55, 75), "lachin": (-60, 45)})
    map_layout(
        fig,
        "Nagorno-Karabakh and the seven districts",
        "Dashed outlines are approximate (see caption).<br>Borders: Natural Earth.",
    )
    alt = (
        "Map of the South Caucasus with Armenia, Azerbaijan (with its Nakhchivan exclave), "
        "Georgia, Iran and Turkey named. A dashed outline marks the approximate former "
        "Nagorno-Karabakh Autonomous Oblast, inside Azerbaijan's internationally recognised "
        "borders, with Stepanakert (Khankendi) and Shusha (Shushi) in it. Around it lie the "
        "seven districts: " + "; ".join(labels[f] for f in SEVEN) + ". Between the oblast and "
        "Armenia, a striped band marks the approximate Lachin corridor through Lachin "
        "(Berdzor) to the Armenian border. Iran lies to the south, across the Araks river. "
        + oblast["properties"]["how"]
        + " "
        + corridor["properties"]["how"]
    )
    return fig, alt
