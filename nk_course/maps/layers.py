"""The pieces every territorial map is built from: shaded areas, names and places.

Meaning is never carried by colour alone: each kind of shading has its own fill pattern
and outline, each area a written label, and every hover card gives both names.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from nk_course.maps import geometry
from nk_course.maps.outlines import both_names
from nk_course.style import PALETTE

#: Where to write each country's name, in order of preference: the first point inside a
#: map's frame is used (each point checked to lie in the country on Natural Earth's borders).
COUNTRY_LABELS = (
    ("Armenia", 44.95, 40.45),
    ("Armenia", 46.0, 39.55),
    ("Armenia", 46.2, 39.42),
    ("Azerbaijan", 47.55, 40.7),
    ("Azerbaijan", 47.45, 40.25),
    ("Georgia", 44.8, 41.33),
    ("Iran", 46.2, 38.75),
    ("Iran", 47.3, 39.02),
    ("Turkey", 43.9, 39.8),
    ("Turkey", 44.3, 39.65),
    ("Nakhchivan<br>(Azerbaijan)", 45.25, 39.3),
)


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


@dataclass(frozen=True)
class Shade:
    """How one kind of area is drawn: colour, fill pattern and outline."""

    colour: str
    pattern: str  # plotly fillpattern shape: "/", "\\", "x", "-", "|", "+", "." or ""
    alpha: float = 0.3
    dash: str = "solid"

    def trace_style(self) -> dict:
        style: dict = dict(
            fill="toself",
            fillcolor=_rgba(self.colour, self.alpha),
            line=dict(color=self.colour, width=1.5, dash=self.dash),
        )
        if self.pattern:
            style["fillpattern"] = dict(
                shape=self.pattern, fgcolor=self.colour, fgopacity=0.9, size=7, solidity=0.25
            )
        return style


ORANGE, BLUE, GREEN, PURPLE, SKY, RED = (PALETTE[i] for i in (1, 0, 2, 3, 4, 5))
#: Held by Karabakh Armenian and Armenian forces (wholly).
HELD = Shade(ORANGE, "/", 0.35)
#: Held by them only in part: the district is hatched the other way and marked "part".
HELD_PART = Shade(ORANGE, ".", 0.15, "dot")
TAKEN_2020 = Shade(BLUE, "x", 0.3)
HANDED_OVER = Shade(GREEN, "-", 0.3)
DIVIDED = Shade(PURPLE, "+", 0.25)
#: Approximate shapes: dashed outlines, light fills.
APPROX_OBLAST = Shade("#666666", "", 0.0, "dash")
CORRIDOR = Shade(RED, "|", 0.3, "dash")


def district_label(fid: str, places: pd.DataFrame) -> str:
    """'Lachin (Berdzor) district': a polygon's name with the gazetteer's other name."""
    feat = geometry.feature(fid)
    props = feat["properties"]
    if props.get("approximate"):
        return props["name"]
    place_id = props.get("place_id")
    if place_id and place_id in set(places["id"]):
        name = both_names(places.set_index("id").loc[place_id])
    else:
        local = props.get("name_local")
        name = props["name"] + (f" ({local})" if local and local != props["name"] else "")
    kind = {"district": " district", "province": " province"}.get(props["kind"], "")
    return name + kind


def add_district_lines(
    fig: go.Figure, lon_range: tuple[float, float], lat_range: tuple[float, float]
) -> None:
    """Thin outlines of every district and province in the frame, for reference, no hover."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for feat in geometry.districts().values():
        if geometry.in_frame(feat, lon_range, lat_range):
            x, y = geometry.outline_xy(feat)
            xs += [*x, None]
            ys += [*y, None]
    fig.add_scatter(
        x=xs,
        y=ys,
        mode="lines",
        line=dict(color="rgba(128,128,128,0.55)", width=0.6),
        hoverinfo="skip",
        showlegend=False,
        name="District borders (Natural Earth)",
    )


def add_area(fig: go.Figure, fid: str, shade: Shade, hover: str, *, visible: bool = True) -> None:
    """One district or approximate shape, shaded; hovering on it shows `hover`."""
    x, y = geometry.outline_xy(geometry.feature(fid))
    fig.add_scatter(
        x=x,
        y=y,
        mode="lines",
        name=hover,
        hoveron="fills",
        hoverinfo="name",
        showlegend=False,
        visible=visible,
        **shade.trace_style(),
    )


def legend_key(fig: go.Figure, name: str, shade: Shade) -> None:
    """A legend entry showing a shading, with no data drawn."""
    fig.add_scatter(x=[None], y=[None], mode="lines", name=name, **shade.trace_style())


def add_labels(
    fig: go.Figure,
    points: list[tuple[float, float]],
    texts: list[str],
    hover: list[str],
    *,
    size: int = 11,
    visible: bool = True,
    name: str = "Labels",
) -> None:
    """Names written on the map; hovering on one shows its card."""
    fig.add_scatter(
        x=[p[0] for p in points],
        y=[p[1] for p in points],
        mode="text",
        text=texts,
        textfont=dict(size=size),
        hovertext=hover,
        hoverinfo="text",
        showlegend=False,
        visible=visible,
        name=name,
    )


def add_country_names(
    fig: go.Figure, lon_range: tuple[float, float], lat_range: tuple[float, float]
) -> None:
    """Each country's name, in capitals, where it falls inside the frame."""
    shown: dict[str, tuple[float, float]] = {}
    for name, x, y in COUNTRY_LABELS:
        # A margin keeps the whole word inside the frame.
        inside = lon_range[0] + 0.2 < x < lon_range[1] - 0.2 and lat_range[0] < y < lat_range[1]
        if inside and name not in shown:
            shown[name] = (x, y)
    fig.add_scatter(
        x=[x for x, _ in shown.values()],
        y=[y for _, y in shown.values()],
        mode="text",
        text=[n.upper() if "<br>" not in n else n for n in shown],
        textfont=dict(size=12, color="rgba(110,110,110,1)"),
        hoverinfo="skip",
        showlegend=False,
        name="Countries",
    )


def add_places(
    fig: go.Figure,
    places: pd.DataFrame,
    ids: list[str],
    *,
    label: str = "both",
    positions: dict[str, str] | None = None,
    name: str = "Towns",
    size: int = 8,
) -> None:
    """Places from the gazetteer as dark squares, labelled with one or both names."""
    from nk_course.maps.outlines import hover_card

    rows = places.set_index("id").loc[ids].reset_index()
    text = [both_names(r) if label != "one" else r["name"] for _, r in rows.iterrows()]
    if label == "none":
        text = [""] * len(text)
    if label == "stacked":  # the other name on a second line, for narrow screens
        text = [t.replace(" (", "<br>(") for t in text]
    fig.add_scatter(
        x=rows["lon"].round(3),
        y=rows["lat"].round(3),
        mode="markers+text",
        name=name,
        text=text,
        textposition=[(positions or {}).get(i, "top center") for i in ids],
        textfont=dict(size=11),
        marker=dict(symbol="square", size=size, color="#555555", line=dict(width=1, color="white")),
        hovertext=rows.apply(hover_card, axis=1),
        hoverinfo="text",
        showlegend=False,
    )


def add_callouts(fig: go.Figure, places: pd.DataFrame, offsets: dict[str, tuple[int, int]]) -> None:
    """Places as dark squares whose names (both, on two lines) sit at a fixed offset in
    pixels, joined by a leader line: on a phone the names stay clear of a crowded area."""
    from nk_course.maps.outlines import hover_card

    rows = places.set_index("id").loc[list(offsets)].reset_index()
    fig.add_scatter(
        x=rows["lon"].round(3),
        y=rows["lat"].round(3),
        mode="markers",
        name="Towns",
        marker=dict(symbol="square", size=8, color="#555555", line=dict(width=1, color="white")),
        hovertext=rows.apply(hover_card, axis=1),
        hoverinfo="text",
        showlegend=False,
    )
    for _, r in rows.iterrows():
        ax, ay = offsets[r["id"]]
        fig.add_annotation(
            x=round(r["lon"], 3),
            y=round(r["lat"], 3),
            ax=ax,
            ay=ay,
            text=both_names(r).replace(" (", "<br>("),
            showarrow=True,
            arrowhead=0,
            arrowwidth=1,
            arrowcolor="rgba(110,110,110,0.9)",
            font=dict(size=11),
        )


def map_layout(fig: go.Figure, title: str, note: str, *, slider: bool = False) -> None:
    """Title and legend above the map; below it a note saying what is approximate, then the
    slider if there is one. Nothing is drawn over the map itself."""
    note_px = 15 * (note.count("<br>") + 1) + 12  # 11-px text, one line per <br>
    fig.update_layout(
        title=dict(text=title, y=0.99, yanchor="top", x=0.02, xanchor="left", font=dict(size=15)),
        legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0, font=dict(size=12)),
        margin=dict(l=10, r=10, t=100, b=note_px + (100 if slider else 10)),
        xaxis=dict(showticklabels=False, title=None),
        yaxis=dict(showticklabels=False, title=None),
    )
    fig.add_annotation(
        text=note,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-6,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        font=dict(size=11),
    )
    if slider:
        fig.update_layout(
            sliders=[
                dict(
                    y=0,
                    yanchor="top",
                    x=0,
                    len=1,
                    pad=dict(t=note_px, b=0),
                    currentvalue=dict(font=dict(size=12)),
                    font=dict(size=10),
                )
            ]
        )
