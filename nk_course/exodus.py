"""Arrivals in Armenia from Nagorno-Karabakh in 2023, against the estimates of how many lived
there: every figure drawn as its reporter gave it, none added, averaged or interpolated."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from nk_course.figures import reporter
from nk_course.style import color, marker


def arrival_times(arrivals: pd.DataFrame) -> pd.Series:
    """The moment of each count: its date plus its time of day where the source gives one."""
    return pd.to_datetime(
        arrivals["date"].dt.strftime("%Y-%m-%d") + " " + arrivals["time"].fillna("12:00")
    )


def arrivals_figure(
    arrivals: pd.DataFrame, population: pd.DataFrame, before: str = "2023-09-19"
) -> tuple[go.Figure, str]:
    """Cumulative arrivals by reporter, with a dashed line for each population estimate
    made before `before` (the operation), labelled with who gave it.

    Returns the figure and a text alternative that states the first and last counts and every
    estimate drawn.
    """
    rows = arrivals.assign(when=arrival_times(arrivals), who=reporter(arrivals["reported_by"]))
    rows = rows.sort_values(["when", "cumulative"])
    fig = go.Figure()
    for i, (who, part) in enumerate(rows.groupby("who", sort=True)):
        fig.add_scatter(
            x=part["when"],
            y=part["cumulative"],
            mode="lines+markers" if len(part) > 3 else "markers",
            name=who,
            line=dict(color=color(i), width=2),
            marker=marker(i, 8),
            customdata=part[["reported_by"]].to_numpy(),
            hovertemplate="%{x|%d %b %Y %H:%M}: %{y:,} people<br>%{customdata[0]}<extra></extra>",
        )
    estimates = population[population["as_of"] < pd.Timestamp(before)]
    start, end = rows["when"].min(), rows["when"].max()
    for j, (value, part) in enumerate(estimates.groupby("population", sort=False)):
        names = sorted(set(reporter(part["reported_by"], 40)))
        who = "; ".join(names) if len(names) <= 2 else f"{names[0]} and {len(names) - 1} more"
        years = part["as_of"].dt.year
        span = f"{years.min()}" if years.min() == years.max() else f"{years.min()}–{years.max()}"
        label = f"Estimate {value:,}: {who} ({span})"
        fig.add_scatter(
            x=[start, end],
            y=[value, value],
            mode="lines",
            name=label,
            line=dict(color=color(len(rows["who"].unique()) + j), dash="dash", width=1.5),
            hovertemplate=f"Estimate {value:,}<br>"
            + "<br>".join(sorted(set(part["reported_by"])))
            + "<extra></extra>",
        )
    fig.update_layout(
        title="People from Nagorno-Karabakh arrived in Armenia, September–October 2023",
        xaxis=dict(title="Date and time of the count", tickformat="%d %b"),
        yaxis=dict(title="People arrived (cumulative)", rangemode="tozero", separatethousands=True),
        legend=dict(orientation="h", y=-0.25),
        height=560,
    )
    first, last = rows.iloc[0], rows.iloc[-1]
    alt = (
        f"Line chart of {len(rows)} cumulative counts of arrivals in Armenia, from "
        f"{first['cumulative']:,} on {first['when']:%d %B %Y} to {last['cumulative']:,} on "
        f"{last['when']:%d %B %Y}. Dashed lines mark population estimates made before the "
        "operation: "
        + "; ".join(
            f"{value:,} ({', '.join(sorted(set(reporter(p['reported_by']))))})"
            for value, p in estimates.groupby("population", sort=False)
        )
        + "."
    )
    return fig, alt
