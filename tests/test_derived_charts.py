"""Charts and series the package derives from the data: right values, loud errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from nk_course.corridor import STATUSES, calendar_figure, daily_status, status_spells
from nk_course.datapackage import load_table
from nk_course.exodus import arrivals_figure
from nk_course.figures import reported_ranges_figure, status_grid_figure
from nk_course.maps import with_places

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return load_table("corridor_events", ROOT)


@pytest.fixture(scope="module")
def places() -> pd.DataFrame:
    return load_table("places", ROOT)


def status_on(days: pd.DataFrame, date: str) -> str:
    return days.loc[days["date"] == pd.Timestamp(date), "status"].item()


def test_corridor_status_is_derived_for_every_day(events):
    days = daily_status(events)
    assert len(days) == 304  # 1 December 2022 to 30 September 2023
    assert status_on(days, "2022-12-11") == "open"
    assert status_on(days, "2022-12-12") == "blocked-humanitarian-passage"
    assert status_on(days, "2023-04-23") == "checkpoint-humanitarian-passage"
    assert status_on(days, "2023-06-15") == "all-deliveries-halted"
    assert status_on(days, "2023-09-19") == "operation"
    assert status_on(days, "2023-09-30") == "exit-only"
    spells = status_spells(days)
    assert spells["days"].sum() == 304
    assert spells.iloc[1]["days"] == 132  # 12 December to 22 April


def test_corridor_events_out_of_order_are_rejected_by_name(events):
    swapped = events.copy()
    swapped.loc[[3, 4], "date"] = swapped.loc[[4, 3], "date"].to_numpy()
    with pytest.raises(ValueError, match=r"event '.+' \(.+\) comes after '.+'.*date order"):
        daily_status(swapped)


def test_unknown_corridor_status_is_rejected_by_name(events):
    bad = events.copy()
    bad.loc[5, "status"] = "half-open"
    with pytest.raises(ValueError, match=rf"event '{bad.loc[5, 'id']}': unknown status"):
        daily_status(bad)


def test_a_gap_before_the_first_day_is_an_error(events):
    with pytest.raises(ValueError, match="status on 2020-01-01 is unknown"):
        daily_status(events, start=pd.Timestamp("2020-01-01").date())


def test_calendar_draws_one_square_per_day_with_the_status_label(events):
    days = daily_status(events)
    fig = calendar_figure(days, events)
    assert sum(len(trace.x) for trace in fig.data) == 304
    names = [trace.name for trace in fig.data]
    assert any(name.startswith(STATUSES["exit-only"]) and "(7 days)" in name for name in names)
    assert {trace.type for trace in fig.data} == {"scatter"}


def test_unknown_place_ids_are_named(places):
    with pytest.raises(ValueError, match="place ids not in places.csv: atlantis"):
        with_places(pd.DataFrame({"place_id": ["shusha", "atlantis"]}), places)


def test_arrivals_chart_draws_only_estimates_made_before_the_operation():
    arrivals = load_table("arrivals_2023", ROOT)
    population = load_table("population_estimates", ROOT)
    fig, alt = arrivals_figure(arrivals, population)
    estimates = [t for t in fig.data if t.name.startswith("Estimate")]
    before = population[population["as_of"] < pd.Timestamp("2023-09-19")]
    assert len(estimates) == before["population"].nunique()
    assert "Estimate 1,000" not in " ".join(t.name for t in estimates)  # after the exodus
    assert "to 101,848 on 20 October 2023" in alt


def test_status_grid_refuses_a_status_without_a_legend():
    rows = pd.DataFrame({"item": ["1. Ceasefire"], "when": ["End of 2022"], "status": ["done"]})
    with pytest.raises(ValueError, match=r"status not in the legend: \['done'\]"):
        status_grid_figure(
            rows, "item", "when", "status", {"implemented": "Implemented"}, pd.Series(["x"]), "t"
        )


def test_a_lower_bound_alone_still_gets_a_marker():
    rows = pd.DataFrame(
        {"low": [146], "best": [None], "high": [None], "reported_by": ["Amnesty"]}, dtype="object"
    ).astype({"low": "Int64", "best": "Int64", "high": "Int64"})
    fig = reported_ranges_figure(
        rows, pd.Series(["at least 146"]), pd.Series(["civilian"]), "t", "x"
    )
    assert list(fig.data[0].x) == [146]


def test_two_reports_on_one_label_line_are_refused():
    rows = pd.DataFrame(
        {
            "low": [None, None],
            "best": [223, 238],
            "high": [None, None],
            "reported_by": ["Ombudsman", "Ombudsman"],
        },
        dtype="object",
    ).astype({"low": "Int64", "best": "Int64", "high": "Int64"})
    label = pd.Series(["Ombudsman, undated", "Ombudsman, undated"])
    with pytest.raises(ValueError, match=r"'Deaths': .*labels repeat: Ombudsman, undated$"):
        reported_ranges_figure(rows, label, pd.Series(["total", "total"]), "Deaths", "x")
