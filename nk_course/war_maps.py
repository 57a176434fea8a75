"""Maps of who held what: the 2020 war week by week, and control before and after 2020.

Both maps are drawn on `maps.base_map` (offline outlines) with plotly's own slider and
buttons, so they stay interactive in the static book without a kernel. Status is carried by
marker shape and by text as well as colour.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from nk_course.maps import base_map, both_names, with_places
from nk_course.style import OUTLINE, color, marker

WAR_START = dt.date(2020, 9, 27)
WAR_END = dt.date(2020, 11, 10)


def _legend_key(fig: go.Figure, name: str, marker: dict) -> None:
    """A legend entry with no points, to explain a marker shape used by several traces."""
    fig.add_scatter(x=[None], y=[None], mode="markers", name=name, marker=marker)


def war_progress_map(progress: pd.DataFrame, places: pd.DataFrame) -> tuple[go.Figure, str]:
    """Places Azerbaijan announced it had taken in 2020, one trace per week of the war.

    The slider shows the weeks cumulatively. A filled marker means the capture was confirmed
    by the Armenian side or an independent source; an open marker means only Azerbaijan's
    claim was found. Returns the figure and a text alternative listing every place.
    """
    start = pd.Timestamp(WAR_START)
    outside = ~progress["date_claimed"].between(start, pd.Timestamp(WAR_END))
    if outside.any():
        bad = list(progress.loc[outside, "id"])
        raise ValueError(f"war_2020_progress: claimed outside the war's dates: {bad}")
    rows = with_places(progress.rename(columns={"id": "row_id"}), places)
    rows = rows.sort_values("date_claimed").reset_index(drop=True)
    rows["week"] = (rows["date_claimed"] - start).dt.days // 7
    fig = base_map(lon_range=(45.9, 47.5), lat_range=(38.95, 40.35), height=600)
    outlines = len(fig.data)
    _legend_key(
        fig,
        "Confirmed by the Armenian side or an independent source",
        dict(symbol="circle", size=11, color="grey", line=dict(width=1, color=OUTLINE)),
    )
    _legend_key(
        fig,
        "Claimed by Azerbaijan; no confirmation found",
        dict(symbol="circle-open", size=11, color="grey", line=dict(width=2)),
    )
    weeks = sorted(rows["week"].unique())
    for week in weeks:
        part = rows[rows["week"] == week]
        confirmed = part["date_confirmed"].notna()
        first = start + pd.Timedelta(days=7 * int(week))
        hover = [
            f"<b>{both_names(r)}</b><br>Claimed {r.date_claimed:%d %b %Y} by {r.claimed_by}<br>"
            + (
                f"Confirmed {r.date_confirmed:%d %b %Y} by {r.confirmed_by}"
                if pd.notna(r.date_confirmed)
                else "No confirmation found"
            )
            for _, r in part.iterrows()
        ]
        fig.add_scatter(
            x=part["lon"].round(3),
            y=part["lat"].round(3),
            mode="markers+text",
            name=f"Week from {first:%d %b}",
            showlegend=False,
            text=part["name"],
            textposition="middle right",
            marker=dict(
                color=color(int(week)),
                symbol=["circle" if c else "circle-open" for c in confirmed],
                size=13,
                line=dict(width=2, color=[OUTLINE if c else color(int(week)) for c in confirmed]),
            ),
            hovertext=hover,
            hoverinfo="text",
        )
    keys = 2
    steps = []
    for k, week in enumerate(weeks):
        last = min(start + pd.Timedelta(days=7 * int(week) + 6), pd.Timestamp(WAR_END))
        visible = [True] * (outlines + keys) + [j <= k for j in range(len(weeks))]
        steps.append(dict(method="update", label=f"{last:%d %b}", args=[{"visible": visible}]))
    fig.update_layout(
        title=dict(text="Places Azerbaijan announced it had taken in 2020", y=0.98),
        margin=dict(t=110),
        legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0),
        sliders=[
            dict(
                active=len(steps) - 1,
                steps=steps,
                y=-0.08,
                currentvalue=dict(prefix="Announced by: "),
            )
        ],
    )
    alt = (
        f"Map with a weekly slider of {len(rows)} places Azerbaijan announced it had taken in "
        "the 2020 war, in date order: "
        + "; ".join(
            f"{both_names(r)} claimed {r.date_claimed:%d %B}"
            + (f", confirmed {r.date_confirmed:%d %B}" if pd.notna(r.date_confirmed) else "")
            for _, r in rows.iterrows()
        )
        + "."
    )
    return fig, alt


CONTROL_LABELS = {
    "armenian-forces": "Held by Karabakh Armenian and Armenian forces",
    "azerbaijan": "Held by Azerbaijan",
    "azerbaijan-taken-in-war": "Taken by Azerbaijan in the 2020 war",
    "azerbaijan-handed-over": "Handed over to Azerbaijan under the statement",
    "divided": "Partly taken in the war, partly handed over",
    "armenian-forces-with-peacekeepers": "Karabakh Armenian control, Russian peacekeepers",
}


def control_map(
    before: pd.DataFrame, after: pd.DataFrame, places: pd.DataFrame
) -> tuple[go.Figure, str]:
    """Who held each district and the former oblast at the 1994 ceasefire and after the
    statement of 10 November 2020; two buttons switch between the dates.

    `before` is control_1994 (column held_at_ceasefire), `after` is control_2020 (column
    control_after). Shapes and text labels, not colour alone, carry who held what.
    """
    one = with_places(before, places).assign(status=lambda f: f["held_at_ceasefire"])
    two = with_places(after, places).assign(status=lambda f: f["control_after"])
    fig = base_map(lon_range=(45.9, 47.5), lat_range=(38.95, 40.35), height=600)
    outlines = len(fig.data)
    groups: list[tuple[str, pd.DataFrame]] = []
    for when, rows in (("1994", one), ("2020", two)):
        for code, part in rows.groupby("status", sort=False):
            groups.append((when, part.assign(code=code)))
    codes = list(CONTROL_LABELS)
    for when, part in groups:
        code = part["code"].iloc[0]
        i = codes.index(code)
        note = (
            part["extent"].map({"partial": " (in part)", "full": ""})
            if when == "1994"
            else pd.Series("", index=part.index)
        )
        fig.add_scatter(
            x=part["lon"].round(3),
            y=part["lat"].round(3),
            mode="markers+text",
            name=CONTROL_LABELS[code],
            text=part["name"].str.split(" Autonomous").str[0],
            textposition="middle right",
            marker=marker(i, 14),
            hovertext=[
                f"<b>{u}</b><br>{CONTROL_LABELS[code]}{n}"
                for u, n in zip(part["unit"], note, strict=True)
            ],
            hoverinfo="text",
            visible=when == "2020",
        )
    buttons = [
        dict(
            method="update",
            label=label,
            args=[
                {"visible": [True] * outlines + [w == when for w, _ in groups]},
                {"title.text": title},
            ],
        )
        for when, label, title in (
            ("1994", "May 1994", "Who held what at the ceasefire of May 1994"),
            ("2020", "November 2020", "Who held what after the statement of 10 November 2020"),
        )
    ]
    fig.update_layout(
        title="Who held what after the statement of 10 November 2020",
        legend=dict(orientation="h", y=-0.12, yanchor="top"),
        updatemenus=[
            dict(
                type="buttons",
                direction="down",
                buttons=buttons,
                active=1,
                x=1.02,
                xanchor="left",
                y=1,
                yanchor="top",
                showactive=True,
            )
        ],
    )
    alt = (
        "Map with two buttons. At the May 1994 ceasefire: "
        + "; ".join(
            f"{both_names(r)}: {CONTROL_LABELS[r.status]}"
            + (" (in part)" if r.extent == "partial" else "")
            for _, r in one.iterrows()
        )
        + ". After 10 November 2020: "
        + "; ".join(f"{both_names(r)}: {CONTROL_LABELS[r.status]}" for _, r in two.iterrows())
        + "."
    )
    return fig, alt
