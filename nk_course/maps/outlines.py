"""Offline maps: country outlines drawn as ordinary plotly traces, with no tile server.

plotly's geo and map traces fetch base layers from a CDN or a tile server; a scatter trace
on plain axes, with the axes scaled so that a degree of longitude is as wide as it is at the
region's latitude, draws the same picture from data/geo/region.geojson alone.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from nk_course.paths import course_root

#: Light fills that keep dark markers and labels readable in both themes.
FILLS = {
    "Armenia": "rgba(230,159,0,0.16)",
    "Azerbaijan": "rgba(0,114,178,0.14)",
}
OTHER_FILL = "rgba(128,128,128,0.08)"
OUTLINE = "rgba(110,110,110,0.9)"


def load_region(root: Path | None = None) -> dict:
    """The GeoJSON of the region's countries (Natural Earth, via world-atlas)."""
    path = (root or course_root()) / "data" / "geo" / "region.geojson"
    return json.loads(path.read_text(encoding="utf-8"))


def _ring_xy(ring: list[list[float]]) -> tuple[list[float], list[float]]:
    return [p[0] for p in ring], [p[1] for p in ring]


def base_map(
    lon_range: tuple[float, float] = (44.6, 47.8),
    lat_range: tuple[float, float] = (38.8, 40.9),
    height: int = 560,
    tint: bool = True,
) -> go.Figure:
    """A figure showing the countries' outlines in the given frame, ready for place markers.

    Country names are drawn as text at fixed points; hovering on the outlines shows nothing,
    so the reader's pointer finds only the places added afterwards. With `tint=False` every
    country is filled alike, for maps whose own shading says who held what.
    """
    fig = go.Figure()
    for feature in load_region(root=None)["features"]:
        name = feature["properties"]["name"]
        xs: list[float | None] = []
        ys: list[float | None] = []
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                x, y = _ring_xy(ring)
                xs += [*x, None]
                ys += [*y, None]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                name=name,
                fillcolor=FILLS.get(name, OTHER_FILL) if tint else OTHER_FILL,
                line=dict(color=OUTLINE, width=1),
                hoverinfo="skip",
                showlegend=False,
            )
        )
    mid_lat = sum(lat_range) / 2
    fig.update_xaxes(
        range=list(lon_range),
        showgrid=False,
        zeroline=False,
        ticksuffix="°",
        constrain="domain",
    )
    fig.update_yaxes(
        range=list(lat_range),
        showgrid=False,
        zeroline=False,
        ticksuffix="°",
        scaleanchor="x",
        scaleratio=1 / math.cos(math.radians(mid_lat)),
        constrain="domain",
    )
    fig.update_layout(height=height, hovermode="closest")
    return fig


def hover_card(place: pd.Series) -> str:
    """Every name of a place from places.csv on one hover card (STYLE.md: both names)."""
    other = f" / {place['other_name_en']}" if pd.notna(place["other_name_en"]) else ""
    lines = [f"<b>{place['name']}{other}</b>"]
    for column, language in [
        ("name_az", "Azerbaijani"),
        ("name_hy_latn", "Armenian"),
        ("name_ru_latn", "Russian"),
    ]:
        if pd.notna(place[column]):
            lines.append(f"{language}: {place[column]}")
    if place["coord_precision"] == "approximate":
        lines.append("(position approximate)")
    return "<br>".join(lines)


def both_names(place: pd.Series) -> str:
    """'Shusha (Shushi)': the name with its other name, for map labels and hover text."""
    other = place["other_name_en"]
    return f"{place['name']} ({other})" if pd.notna(other) else str(place["name"])


def with_places(table: pd.DataFrame, places: pd.DataFrame, key: str = "place_id") -> pd.DataFrame:
    """Join a table to the gazetteer's names and coordinates, refusing unknown place ids."""
    unknown = sorted(set(table[key]) - set(places["id"]))
    if unknown:
        raise ValueError(f"place ids not in places.csv: {', '.join(unknown)}")
    columns = ["id", "name", "other_name_en", "name_az", "name_hy_latn", "name_ru_latn"]
    columns += ["lat", "lon", "coord_precision"]
    return table.merge(places[columns], left_on=key, right_on="id", how="left")
