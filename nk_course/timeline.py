"""The whole-conflict timeline: a figure filtered by period and category with plotly's own
menus (no kernel needed in the book), and the event list beside it."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from nk_course.bibliography import short_citation
from nk_course.style import marker

#: Periods a reader can jump to; they follow the course's parts and chapters.
PERIODS: tuple[tuple[str, str, str], ...] = (
    ("All periods", "1800-01-01", "2027-01-01"),
    ("Empire and revolution, to 1920", "1800-01-01", "1921-01-01"),
    ("Soviet period, 1920-1987", "1920-01-01", "1988-01-01"),
    ("First war, 1988-1994", "1988-01-01", "1994-07-01"),
    ("Frozen conflict, 1994-2020", "1994-05-01", "2020-09-26"),
    ("2020 war and after", "2020-09-01", "2027-01-01"),
)
DATE_FORMATS = {"day": "{day} %B %Y", "month": "%B %Y", "year": "%Y"}


def describe_dates(timeline: pd.DataFrame) -> list[str]:
    """Each event's date written to its precision ('5 July 1921', 'March 1920', '1905')."""
    return [
        d.strftime(DATE_FORMATS[p].format(day=d.day))  # "5 July 1921", not "05 July 1921"
        for d, p in zip(timeline["date"], timeline["date_precision"], strict=True)
    ]


def cited(sources: pd.Series) -> list[str]:
    """'Author (year), Author (year)' for each row's ';'-separated source keys."""
    return [", ".join(short_citation(k) for k in cell.split(";")) for cell in sources]


def event_traces(timeline: pd.DataFrame, with_chapter: bool) -> go.Figure:
    """A figure with one marker per event and one trace per category (sorted by name); the
    hover card gives the event's date, description, sources and, if asked, its chapter."""
    events = timeline.assign(when=describe_dates(timeline), cited=cited(timeline["sources"]))
    columns = ["when", "title", "description", "cited"] + (["chapter"] if with_chapter else [])
    chapter = " · Chapter %{customdata[4]}" if with_chapter else ""
    fig = go.Figure()
    for i, (category, rows) in enumerate(events.groupby("category", sort=True)):
        fig.add_scatter(
            x=rows["date"].dt.strftime("%Y-%m-%d"),
            y=[category] * len(rows),
            mode="markers",
            name=category,
            marker=marker(i, 10),
            customdata=rows[columns].to_numpy(),
            hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[0]}"
            + chapter
            + "<br>%{customdata[2]}<br><i>Sources: %{customdata[3]}</i><extra></extra>",
        )
    return fig


def timeline_figure(timeline: pd.DataFrame, title: str) -> go.Figure:
    """The whole timeline; menus filter by period and category (no kernel needed)."""
    fig = event_traces(timeline, with_chapter=True)
    categories = [trace.name for trace in fig.data]
    show_all = [True] * len(categories)
    category_menu = [dict(label="All categories", method="restyle", args=[{"visible": show_all}])]
    category_menu += [
        dict(label=c, method="restyle", args=[{"visible": [c == d for d in categories]}])
        for c in categories
    ]
    period_menu = [
        dict(label=label, method="relayout", args=[{"xaxis.range": [start, end]}])
        for label, start, end in PERIODS
    ]
    # No chart title: the menus sit where it would be, and the page and the caption say what
    # the chart shows. `title` is kept in the figure's metadata.
    fig.update_layout(
        meta=dict(title=title),
        height=580,
        showlegend=False,
        hoverlabel=dict(align="left"),
        xaxis=dict(type="date", title="Date", range=[PERIODS[0][1], PERIODS[0][2]]),
        yaxis=dict(title=None),
        margin=dict(t=70),
        updatemenus=[
            dict(buttons=period_menu, x=0, xanchor="left", y=1.04, yanchor="bottom"),
            dict(buttons=category_menu, x=0.55, xanchor="left", y=1.04, yanchor="bottom"),
        ],
    )
    return fig


def chapter_timeline_figure(timeline: pd.DataFrame, chapter: int) -> tuple[go.Figure, str]:
    """One chapter's events on a time axis, one row per kind of event; returns (figure, alt).

    Hovering shows each event's date, one-line description and sources; a range slider under
    the axis zooms in on a period.
    """
    events = timeline[timeline["chapter"] == chapter]
    fig = event_traces(events, with_chapter=False)
    first, last = events["date"].min().year, events["date"].max().year
    fig.update_layout(
        title=f"Events of this chapter, {first}-{last}",
        xaxis=dict(title="Date", type="date", rangeslider=dict(visible=True)),
        yaxis=dict(title=None),
        hoverlabel=dict(align="left"),
        height=500,
        showlegend=False,
    )
    counts = events["category"].value_counts()
    alt = (
        f"Timeline of {len(events)} events from {first} to {last}, by kind: "
        + ", ".join(f"{n} {c}" for c, n in counts.items())
        + ". The full list, with dates and sources, is in timeline.csv."
    )
    return fig, alt
