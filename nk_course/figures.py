"""Charts that several chapters draw the same way: figures reported by different sources."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from nk_course.style import category_axis, color, marker

SIDE_LABELS = {
    "armenian": "Armenian side",
    "azerbaijani": "Azerbaijani side",
    "both": "Both sides",
    "unknown": "Side not stated",
}


def reporter(names: pd.Series, width: int = 38) -> pd.Series:
    """Who reported a figure, without the bracketed detail, short enough for a chart label."""
    return names.str.split(" (", regex=False).str[0].str.slice(0, width)


def reported_ranges_figure(
    rows: pd.DataFrame, label: pd.Series, legend: pd.Series, title: str, x_title: str
) -> go.Figure:
    """One line per reported figure: a marker at the best figure (or the middle of the range)
    and a bar from low to high; `legend` names the group each row is drawn in.

    Reports are never added or averaged: each row of the table keeps its own line, labelled
    with who reported it, so readers compare sources side by side.
    """
    rows = rows.assign(label=label.to_numpy(), legend=legend.to_numpy())
    # Labels are category-axis lines: two rows with one label would be drawn on one line,
    # and a reader could not tell the reports apart.
    repeated = sorted(set(rows.loc[rows["label"].duplicated(), "label"]))
    if repeated:
        raise ValueError(
            f"{title!r}: each reported figure needs its own line, but these labels repeat: "
            + "; ".join(repeated)
        )
    low, high = rows["low"].astype("Float64"), rows["high"].astype("Float64")
    # The marker sits at the best figure, else the middle of the range, else the one bound
    # given ("at least 146" has a low and no high): a row is never left without a marker.
    point = rows["best"].astype("Float64").fillna((low + high) / 2).fillna(low).fillna(high)
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
            marker=marker(i, 10),
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


def _add_markers(
    fig: go.Figure, i: int, name: str, x: pd.Series, y: pd.Series, hover: pd.Series, size: int
) -> None:
    """One legend group of house markers, with its own hover text per point."""
    fig.add_scatter(
        x=x,
        y=y,
        mode="markers",
        name=name,
        marker=marker(i, size),
        hovertext=hover,
        hoverinfo="text",
    )


def status_grid_figure(
    rows: pd.DataFrame,
    y: str,
    x: str,
    status: str,
    labels: dict[str, str],
    hover: pd.Series,
    title: str,
) -> go.Figure:
    """A grid of markers: one row per item (`y`), one column per date of assessment (`x`, in
    the order the rows give), each marker's shape and colour giving its `status` (a key of
    `labels`), explained in the legend and on hover.

    An unknown status raises ValueError naming it, rather than drawing an unlabelled marker.
    """
    unknown = sorted(set(rows[status]) - set(labels))
    if unknown:
        raise ValueError(f"status not in the legend: {unknown} (known: {list(labels)})")
    fig = go.Figure()
    for i, (code, label) in enumerate(labels.items()):
        part = rows[rows[status] == code]
        if part.empty:
            continue
        _add_markers(fig, i, label, part[x], part[y], hover[part.index], 18)
    fig.update_layout(
        title=title,
        xaxis=dict(type="category", **category_axis(list(rows[x]), reversed_=False)),
        yaxis=category_axis(list(rows[y])),
        height=max(380, 46 * rows[y].nunique() + 160),
        legend=dict(orientation="h", y=-0.12),
    )
    return fig


def statements_figure(
    rows: pd.DataFrame, actor: pd.Series, group: pd.Series, hover: pd.Series, title: str
) -> go.Figure:
    """Who said what, when: one marker per statement at its date, on the line of its actor,
    with shape and colour by `group` (for example the words used)."""
    fig = go.Figure()
    for i, (name, part) in enumerate(rows.groupby(group.to_numpy(), sort=True)):
        _add_markers(fig, i, name, part["date"], actor[part.index], hover[part.index], 12)
    fig.update_layout(
        title=title,
        xaxis=dict(title="Date of the statement", tickformat="%b %Y"),
        yaxis=category_axis(list(actor[rows.sort_values("date").index])),
        height=max(400, 26 * actor.nunique() + 200),
        legend=dict(orientation="h", y=-0.2),
    )
    return fig
