"""The 2020 war and the settlement: districts and places by the date they were taken,
claimed or handed over, from 27 September to 1 December 2020."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from nk_course.maps import geometry
from nk_course.maps.layers import (
    CORRIDOR,
    DIVIDED,
    HANDED_OVER,
    HELD,
    TAKEN_2020,
    Shade,
    add_area,
    add_country_names,
    add_district_lines,
    add_labels,
    add_places,
    district_label,
    legend_key,
    map_layout,
)
from nk_course.maps.outlines import base_map, both_names, with_places
from nk_course.style import OUTLINE, PALETTE

WAR_START = dt.date(2020, 9, 27)
WAR_END = dt.date(2020, 11, 10)
LAST_HANDOVER = dt.date(2020, 12, 1)
LON, LAT = (45.75, 47.6), (38.95, 40.4)
STATUS = {
    "azerbaijan-taken-in-war": ("Taken by Azerbaijan in the war", TAKEN_2020),
    "azerbaijan-handed-over": ("Handed over to Azerbaijan", HANDED_OVER),
    "divided": ("Partly taken, partly handed over", DIVIDED),
}
BEFORE = ("Armenian-held since 1994 (some in part)", HELD)
ZONE = Shade(PALETTE[1], "/", 0.2, "dash")
LABEL_AT = {"qubadli": (46.5, 39.33), "jabrayil": (47.0, 39.28), "fuzuli": (47.4, 39.5)}


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def step_dates() -> list[dt.date]:
    """Weekly from 27 September to the ceasefire, then the statement's handover dates."""
    weekly = [WAR_START + dt.timedelta(days=7 * k) for k in range(7)]
    return [*weekly, WAR_END, dt.date(2020, 11, 20), dt.date(2020, 11, 25), LAST_HANDOVER]


def war_2020_map(
    progress: pd.DataFrame,
    control: pd.DataFrame,
    places: pd.DataFrame,
    *,
    start_at_end: bool = False,
) -> tuple[go.Figure, str]:
    """Districts shaded by the date Azerbaijan took them or they were handed over, and the
    places whose capture Azerbaijan announced, with a slider from 27 September to 1 December
    2020. From 10 November the approximate area left to the Karabakh Armenian authorities
    with Russian peacekeepers, and the approximate Lachin corridor, are drawn.

    `progress` is war_2020_progress, `control` control_2020. A district's date is the one in
    control_2020 (for a district taken in the war, the date Azerbaijan announced its centre).
    A filled marker means the loss was confirmed by the Armenian side or an independent
    source; an open one that only Azerbaijan's claim was found. Returns figure and text
    alternative.
    """
    dates = step_dates()
    outside = ~progress["date_claimed"].between(pd.Timestamp(WAR_START), pd.Timestamp(WAR_END))
    if outside.any():
        bad = list(progress.loc[outside, "id"])
        raise ValueError(f"war_2020_progress: claimed outside the war's dates: {bad}")
    unknown = sorted(
        set(control["control_after"]) - set(STATUS) - {"armenian-forces-with-peacekeepers"}
    )
    if unknown:
        raise ValueError(f"control_2020: control_after values without a shading: {unknown}")
    districts = control[control["unit"].str.contains("district")].sort_values("date")
    fig = base_map(lon_range=LON, lat_range=LAT, height=560, tint=False)
    add_district_lines(fig, LON, LAT)
    add_area(
        fig,
        "former-oblast",
        Shade("#666666", "", 0.0, "dash"),
        geometry.feature("former-oblast")["properties"]["name"],
    )
    # Per step, which traces are shown: built as a list of (trace index, predicate on date).
    shows: list[tuple[int, object]] = []
    labels = {r.place_id: district_label(r.place_id, places) for r in districts.itertuples()}
    for r in districts.itertuples():
        when = r.date.date()
        label, shade = STATUS[r.control_after]
        add_area(fig, r.place_id, BEFORE[1], f"<b>{labels[r.place_id]}</b><br>{BEFORE[0]}")
        shows.append((len(fig.data) - 1, lambda d, w=when: d < w))
        add_area(
            fig,
            r.place_id,
            shade,
            f"<b>{labels[r.place_id]}</b><br>{label}, {when.day} {when:%B %Y}",
        )
        shows.append((len(fig.data) - 1, lambda d, w=when: d >= w))
    held = geometry.feature("armenian-held-2020")["properties"]["name"]
    add_area(fig, "armenian-held-2020", ZONE, held)
    shows.append((len(fig.data) - 1, lambda d: d >= WAR_END))
    add_area(
        fig, "lachin-corridor", CORRIDOR, geometry.feature("lachin-corridor")["properties"]["name"]
    )
    shows.append((len(fig.data) - 1, lambda d: d >= WAR_END))
    short = places.set_index("id")["name"]
    for r in districts.itertuples():
        when = r.date.date()
        label = STATUS[r.control_after][0]
        point = [LABEL_AT.get(r.place_id) or geometry.label_point(geometry.feature(r.place_id))]
        add_labels(
            fig,
            point,
            [short[r.place_id]],
            [f"<b>{labels[r.place_id]}</b><br>{BEFORE[0]}"],
            size=10,
        )
        shows.append((len(fig.data) - 1, lambda d, w=when: d < w))
        add_labels(
            fig,
            point,
            [f"{short[r.place_id]}<br>{when.day} {when:%b}"],
            [f"<b>{labels[r.place_id]}</b><br>{label}, {when.day} {when:%B %Y}"],
            size=10,
        )
        shows.append((len(fig.data) - 1, lambda d, w=when: d >= w))
    # Places whose capture Azerbaijan announced: a marker from the day of the claim.
    claims = with_places(progress.rename(columns={"id": "row_id"}), places)
    for r in claims.sort_values("date_claimed").itertuples():
        claimed = r.date_claimed.date()
        confirmed = pd.notna(r.date_confirmed)
        hover = (
            f"<b>{both_names(pd.Series(r._asdict()))}</b><br>Claimed {claimed.day} "
            f"{claimed:%B} by {r.claimed_by}<br>"
            + (
                f"Confirmed {r.date_confirmed.day} {r.date_confirmed:%B} by {r.confirmed_by}"
                if confirmed
                else "No confirmation found"
            )
        )
        fig.add_scatter(
            x=[round(r.lon, 3)],
            y=[round(r.lat, 3)],
            mode="markers",
            showlegend=False,
            name=r.name,
            marker=dict(
                symbol="diamond" if confirmed else "diamond-open",
                size=11,
                color=PALETTE[0],
                line=dict(width=2, color=OUTLINE if confirmed else PALETTE[0]),
            ),
            hovertext=[hover],
            hoverinfo="text",
        )
        shows.append((len(fig.data) - 1, lambda d, w=claimed: d >= w))
    legend_key(fig, BEFORE[0], BEFORE[1])
    for label, shade in STATUS.values():
        legend_key(fig, label, shade)
    legend_key(fig, "Armenian-held, peacekeepers (approx.)", ZONE)
    legend_key(fig, "Lachin corridor (approx.)", CORRIDOR)
    fig.add_scatter(
        x=[None],
        y=[None],
        mode="markers",
        name="Place claimed (filled: confirmed)",
        marker=dict(symbol="diamond", size=10, color=PALETTE[0]),
    )
    add_country_names(fig, LON, LAT)
    add_places(
        fig,
        places,
        ["stepanakert", "shusha", "lachin"],
        label="one",
        positions={
            "stepanakert": "middle right",
            "shusha": "bottom right",
            "lachin": "bottom left",
        },
    )
    total = len(fig.data)
    steps = []
    for day in dates:
        visible = [True] * total
        for index, rule in shows:
            visible[index] = bool(rule(day))
        steps.append(
            dict(method="restyle", label=f"{day.day} {day:%b}", args=[{"visible": visible}])
        )
    active = len(steps) - 1 if start_at_end else 0
    for index, rule in shows:
        fig.data[index].visible = bool(rule(dates[active]))
    map_layout(
        fig,
        "The 2020 war and the settlement",
        "Dates from control_2020.csv; fighting could<br>"
        "go on after them. Dashed shapes are<br>approximate (see caption).",
        slider=True,
    )
    fig.layout.sliders[0].update(active=active, steps=steps, currentvalue=dict(prefix="On: "))
    fig.update_layout(height=700, margin=dict(t=180))
    alt = (
        "Map with a slider from 27 September to 1 December 2020. Districts, by the date in "
        "control_2020.csv: "
        + "; ".join(
            f"{labels[r.place_id]}: {_lower_first(STATUS[r.control_after][0])} on "
            f"{r.date.day} {r.date:%B}"
            for r in districts.itertuples()
        )
        + ". Places whose capture Azerbaijan announced: "
        + "; ".join(
            f"{both_names(pd.Series(r._asdict()))} claimed {r.date_claimed.day} {r.date_claimed:%B}"
            + (
                f", confirmed {r.date_confirmed.day} {r.date_confirmed:%B}"
                if pd.notna(r.date_confirmed)
                else ", not confirmed"
            )
            for r in claims.sort_values("date_claimed").itertuples()
        )
        + ". From 10 November the map shows the approximate area left to the Karabakh Armenian "
        "authorities with Russian peacekeepers, and the approximate Lachin corridor. "
        + geometry.feature("armenian-held-2020")["properties"]["how"]
        + " "
        + geometry.feature("lachin-corridor")["properties"]["how"]
    )
    return fig, alt
