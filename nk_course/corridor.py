"""The Lachin corridor's status day by day, derived from dated, sourced events.

Nobody typed a status for each of the blockade's 300-odd days: each row of
corridor_events.csv records an event and the status in effect from its date, and
`daily_status` carries each status forward to the day before the next change. A wrong order
or a gap before the first day is an error, not a silent guess.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from nk_course.style import marker

#: Status codes in the order the blockade went through them, with the legend label of each.
STATUSES: dict[str, str] = {
    "open": "Open to civilian traffic",
    "blocked-humanitarian-passage": "Blocked; only ICRC and peacekeepers pass",
    "checkpoint-humanitarian-passage": "Azerbaijani checkpoint; only ICRC and peacekeepers pass",
    "limited-deliveries": "Limited ICRC deliveries (medical supplies or food)",
    "all-deliveries-halted": "No deliveries of goods (some medical evacuations)",
    "operation": "Military operation",
    "exit-only": "Exodus: people leave for Armenia",
}
START = dt.date(2022, 12, 1)
END = dt.date(2023, 9, 30)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def daily_status(events: pd.DataFrame, start: dt.date = START, end: dt.date = END) -> pd.DataFrame:
    """One row per day from `start` to `end`: the date, the status and the id of the event
    that set it.

    Raises ValueError naming the event if the events are out of date order or use a status
    code not in STATUSES, and if no event fixes the status on or before `start`.
    """
    if events.empty:
        raise ValueError("corridor_events: no events to derive a status from")
    dates = pd.to_datetime(events["date"]).dt.date
    previous = None
    for event_id, date, status in zip(events["id"], dates, events["status"], strict=True):
        if status not in STATUSES:
            raise ValueError(
                f"corridor_events, event '{event_id}': unknown status '{status}' "
                f"(known: {', '.join(STATUSES)})"
            )
        if previous is not None and date < previous[1]:
            raise ValueError(
                f"corridor_events, event '{event_id}' ({date}) comes after "
                f"'{previous[0]}' ({previous[1]}): events must be in date order"
            )
        previous = (event_id, date)
    if dates.iloc[0] > start:
        raise ValueError(
            f"corridor_events: the first event ('{events['id'].iloc[0]}', {dates.iloc[0]}) "
            f"is after {start}, so the status on {start} is unknown"
        )
    days = pd.date_range(start, end, freq="D")
    index = pd.Series(dates.map(pd.Timestamp).to_numpy()).searchsorted(days, side="right") - 1
    return pd.DataFrame(
        {
            "date": days,
            "status": events["status"].to_numpy()[index],
            "event": events["id"].to_numpy()[index],
        }
    )


def status_spells(days: pd.DataFrame) -> pd.DataFrame:
    """Consecutive days with the same status as one row each: status, first, last, days."""
    change = days["status"].ne(days["status"].shift()).cumsum()
    spells = days.groupby(change).agg(
        status=("status", "first"), first=("date", "min"), last=("date", "max")
    )
    spells["days"] = (spells["last"] - spells["first"]).dt.days + 1
    return spells.reset_index(drop=True)


def calendar_figure(days: pd.DataFrame, events: pd.DataFrame) -> go.Figure:
    """A calendar: one square per day, a column per week, coloured and shaped by status.

    Hovering on a day shows its status and the event that set it, so the sources of every
    square can be found in corridor_events.csv.
    """
    titles = dict(zip(events["id"], events["event"], strict=True))
    frame = days.assign(
        week=days["date"] - pd.to_timedelta(days["date"].dt.weekday, unit="D"),
        weekday=days["date"].dt.weekday.map(dict(enumerate(WEEKDAYS))),
    )
    fig = go.Figure()
    for i, (code, label) in enumerate(STATUSES.items()):
        part = frame[frame["status"] == code]
        if part.empty:
            continue
        cause = part["event"].map(titles).str.slice(0, 70)
        fig.add_scatter(
            x=part["week"],
            y=part["weekday"],
            mode="markers",
            name=f"{label} ({len(part)} days)",
            marker=marker(i, 11),
            customdata=list(zip(part["date"].dt.strftime("%a %d %b %Y"), cause, strict=True)),
            hovertemplate="%{customdata[0]}<br>" + label + "<br>Since: %{customdata[1]}"
            "<extra></extra>",
        )
    fig.update_layout(
        title="The Lachin corridor day by day, 1 December 2022 – 30 September 2023",
        xaxis=dict(title="Week beginning", tickformat="%d %b %Y", showgrid=False),
        yaxis=dict(
            title=None,
            categoryorder="array",
            categoryarray=list(WEEKDAYS),
            autorange="reversed",
            showgrid=False,
        ),
        height=430,
        legend=dict(orientation="h", y=-0.3),
    )
    return fig
