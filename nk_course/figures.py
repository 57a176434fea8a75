"""Charts that several chapters draw the same way: figures reported by different sources."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from nk_course.style import OUTLINE, color, symbol

SIDE_LABELS = {
    "armenian": "Armenian side",
    "azerbaijani": "Azerbaijani side",
    "both": "Both sides",
    "unknown": "Side not stated",
}


def reported_ranges_figure(
    rows: pd.DataFrame, label: pd.Series, legend: pd.Series, title: str, x_title: str
) -> go.Figure:
    """One line per reported figure: a marker at the best figure (or the middle of the range)
    and a bar from low to high; `legend` names the group each row is drawn in.

    Reports are never added or averaged: each row of the table keeps its own line, labelled
    with who reported it, so readers compare sources side by side.
    """
    rows = rows.assign(label=label.to_numpy(), legend=legend.to_numpy())
    point = rows["best"].astype("Float64").fillna((rows["low"] + rows["high"]) / 2)
    rows = rows.assign(point=point.astype(float))
    fig = go.Figure()
    for i, (group, part) in enumerate(rows.groupby("legend", sort=True)):
        low = (part["point"] - part["low"].astype("Float64").fillna(part["point"])).astype(float)
        high = (part["high"].astype("Float64").fillna(part["point"]) - part["point"]).astype(float)
        fig.add_scatter(
            x=part["point"],
            y=part["label"],
            mode="markers",
            name=group,
            marker=dict(
                color=color(i), symbol=symbol(i), size=10, line=dict(width=1, color=OUTLINE)
            ),
            error_x=dict(
                type="data",
                symmetric=False,
                array=high,
                arrayminus=low,
                color=color(i),
                thickness=2,
                width=4,
            ),
            customdata=part[["reported_by", "low", "best", "high"]]
            .astype(str)
            .replace("<NA>", "–")
            .to_numpy(),
            hovertemplate="%{y}<br>Reported by %{customdata[0]}<br>low %{customdata[1]}, "
            "best %{customdata[2]}, high %{customdata[3]}<extra></extra>",
        )
    fig.update_layout(
        title=title,
        xaxis=dict(title=x_title, rangemode="tozero", separatethousands=True),
        yaxis=dict(
            title=None,
            autorange="reversed",
            categoryorder="array",
            categoryarray=list(rows["label"]),
        ),
        height=max(360, 28 * len(rows) + 160),
        legend=dict(orientation="h", y=-0.15),
    )
    return fig
