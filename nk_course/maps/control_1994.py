"""Control at the 1994 ceasefire: each district shaded by who held it, wholly or in part."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from nk_course.maps import geometry
from nk_course.maps.layers import (
    HELD,
    HELD_PART,
    add_area,
    add_country_names,
    add_district_lines,
    add_labels,
    add_places,
    district_label,
    legend_key,
    map_layout,
)
from nk_course.maps.outlines import base_map

LON, LAT = (45.6, 47.75), (38.95, 40.45)
HOLDERS = {
    "armenian-forces": "Karabakh Armenian and Armenian forces",
    "azerbaijan": "Azerbaijan",
}
#: Label positions that keep names apart at phone width (else the shape's centroid).
LABEL_AT = {
    "qubadli": (46.5, 39.33),
    "jabrayil": (47.0, 39.28),
    "fuzuli": (47.4, 39.5),
    "lachin": (46.15, 39.62),
    "nagorno-karabakh-ao": (47.0, 39.62),
}


def _hover(row, label: str) -> str:
    extent = "wholly" if row.extent == "full" else "in part"
    fell = (
        f"Taken {row.date_fell.day} {row.date_fell:%B %Y} (see control_1994.csv)"
        if pd.notna(row.date_fell)
        else "No single date"
    )
    holder = HOLDERS[row.held_at_ceasefire]
    return f"<b>{label}</b><br>Held {extent} by {holder} in May 1994<br>{fell}"


def control_1994_map(control: pd.DataFrame, places: pd.DataFrame) -> tuple[go.Figure, str]:
    """Who held the former oblast and the seven districts at the May 1994 ceasefire, with a
    slider that adds the districts in the order they fell.

    `control` is control_1994. The table gives extent only by district ("full" or
    "partial"), so a partly held district is shaded whole with a different pattern and the
    word "part" on its label: no line is drawn through it. Returns the figure and a text
    alternative.
    """
    unknown = sorted(set(control["held_at_ceasefire"]) - set(HOLDERS))
    if unknown:
        raise ValueError(f"control_1994: unknown held_at_ceasefire values {unknown}")
    rows = control.sort_values("date_fell", na_position="first").reset_index(drop=True)
    fig = base_map(lon_range=LON, lat_range=LAT, height=520, tint=False)
    add_district_lines(fig, LON, LAT)
    fixed = len(fig.data)
    labels = {r.place_id: district_label(r.place_id, places) for r in rows.itertuples()}
    for r in rows.itertuples():
        shade = HELD if r.extent == "full" else HELD_PART
        add_area(fig, r.place_id, shade, _hover(r, labels[r.place_id]))
    short = places.set_index("id")["name"]
    texts = [
        ("NK" if r.place_id == "nagorno-karabakh-ao" else short[r.place_id])
        + (" (part)" if r.extent == "partial" else "")
        for r in rows.itertuples()
    ]
    points = [
        LABEL_AT.get(r.place_id) or geometry.label_point(geometry.feature(r.place_id))
        for r in rows.itertuples()
    ]
    for point, text, r in zip(points, texts, rows.itertuples(), strict=True):
        add_labels(fig, [point], [text], [_hover(r, labels[r.place_id])], size=11)
    legend_key(fig, "Held wholly by Armenian forces", HELD)
    legend_key(fig, "Held in part", HELD_PART)
    add_country_names(fig, LON, LAT)
    add_places(
        fig,
        places,
        ["stepanakert", "shusha"],
        label="none",  # the area is crowded at phone width: names on hover only
    )
    # Slider: step k shows every unit that had fallen by the k-th date (the oblast, with no
    # single date, from the start).
    n = len(rows)
    after = len(fig.data) - fixed - 2 * n
    steps = []
    for date in sorted(rows["date_fell"].dropna().unique()):
        shown = [bool(pd.isna(d) or d <= date) for d in rows["date_fell"]]
        visible = [True] * fixed + shown + shown + [True] * after
        steps.append(
            dict(method="restyle", label=f"{date.day} {date:%b %y}", args=[{"visible": visible}])
        )
    map_layout(
        fig,
        "Who held what at the May 1994 ceasefire",
        "Shaded by district: the data give no line<br>"
        "inside a district. Armenian forces: Karabakh<br>"
        "Armenian and Armenian forces. NK: former<br>"
        "oblast, approximate outline (see caption).",
        slider=True,
    )
    fig.layout.sliders[0].update(
        active=len(steps) - 1, steps=steps, currentvalue=dict(prefix="Taken by: ")
    )
    alt = (
        "Map of the former Nagorno-Karabakh Autonomous Oblast (approximate outline) and the seven "
        "districts around it at the May 1994 ceasefire, with a slider adding them in the order "
        "they fell. "
        + "; ".join(
            f"{labels[r.place_id]}: held {'wholly' if r.extent == 'full' else 'in part'} by "
            f"{HOLDERS[r.held_at_ceasefire]}"
            + (f", taken {r.date_fell.day} {r.date_fell:%B %Y}" if pd.notna(r.date_fell) else "")
            for r in rows.itertuples()
        )
        + ". The data record extent only by district, so a district held in part is shaded "
        "whole with a dotted pattern; where the line ran inside it is not drawn. "
        + geometry.feature("former-oblast")["properties"]["how"]
    )
    return fig, alt
