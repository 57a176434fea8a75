"""The tables behind chapters 4-8: consistent with each other, the gazetteer and the chapters."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from nk_course.datapackage import load_table

ROOT = Path(__file__).resolve().parents[1]
SEVEN_DISTRICTS = {"kalbajar", "lachin", "qubadli", "zangilan", "jabrayil", "fuzuli", "aghdam"}


@pytest.fixture(scope="module")
def places() -> set[str]:
    return set(load_table("places", ROOT)["id"])


def test_war_progress_names_places_and_confirms_only_after_the_claim(places):
    progress = load_table("war_2020_progress", ROOT)
    assert set(progress["place_id"]) <= places
    assert progress["date_claimed"].between("2020-09-27", "2020-11-10").all()
    confirmed = progress.dropna(subset=["date_confirmed"])
    assert (confirmed["date_confirmed"] >= confirmed["date_claimed"]).all()
    assert confirmed["confirmed_by"].notna().all(), "a confirmation needs the body that gave it"
    shusha = progress.set_index("place_id").loc["shusha"]
    assert shusha["date_claimed"] == pd.Timestamp("2020-11-08")
    assert shusha["date_confirmed"] == pd.Timestamp("2020-11-09")


def test_control_after_2020_covers_the_seven_districts(places):
    control = load_table("control_2020", ROOT)
    assert set(control["place_id"]) <= places
    assert SEVEN_DISTRICTS <= set(control["place_id"])
    handed = control[control["control_after"] == "azerbaijan-handed-over"].set_index("place_id")
    assert handed.loc["aghdam", "date"] == pd.Timestamp("2020-11-20")
    assert handed.loc["kalbajar", "date"] == pd.Timestamp("2020-11-25")


def test_statement_has_nine_points_at_each_date_of_assessment():
    statement = load_table("statement_2020", ROOT)
    for as_of, rows in statement.groupby(statement["as_of"].dt.year > 2022):
        assert sorted(rows["point"]) == list(range(1, 10)), as_of
    end_2022 = statement[statement["as_of"] == pd.Timestamp("2022-12-31")]
    assert len(end_2022) == 9


def test_corridor_events_start_open_and_run_in_date_order():
    events = load_table("corridor_events", ROOT)
    assert events["date"].is_monotonic_increasing
    assert events["status"].iloc[0] == "open"
    blockade = events.set_index("id")
    assert blockade.loc["protest-blockade-2022-12-12", "status"] == "blocked-humanitarian-passage"


def test_arrivals_of_the_armenian_government_only_grow():
    arrivals = load_table("arrivals_2023", ROOT)
    gov = arrivals[arrivals["reported_by"].str.startswith("Armenian government")]
    timed = gov.dropna(subset=["time"]).assign(
        when=lambda f: pd.to_datetime(f["date"].dt.strftime("%Y-%m-%d") + " " + f["time"])
    )
    ordered = timed.sort_values(["when", "cumulative"])
    assert ordered["cumulative"].is_monotonic_increasing, ordered[["when", "cumulative"]]
    assert gov["cumulative"].max() == 101848


def test_population_estimates_are_attributed_to_both_sides():
    population = load_table("population_estimates", ROOT)
    who = " ".join(population["reported_by"])
    assert "Azerbaijan" in who and "Karabakh Armenian" in who
    assert (population["population"] == 120000).sum() >= 3


def test_positions_quote_short_words_from_every_side():
    positions = load_table("positions_2023", ROOT)
    assert set(positions["side"]) == {"armenia", "azerbaijan", "international"}
    words = positions["words"].str.split().str.len()
    assert (words <= 30).all(), positions.loc[words > 30, "id"].tolist()
    assert {"ethnic-cleansing", "voluntary-departure"} <= set(positions["characterisation"])


def test_deaths_and_displacement_cover_2020_and_2023():
    deaths = load_table("deaths", ROOT)
    for episode in ("war-2020", "operation-2023", "fuel-depot-2023"):
        rows = deaths[deaths["episode"] == episode]
        assert rows["reported_by"].nunique() >= 2, episode
    war = deaths[deaths["episode"] == "war-2020"]
    assert set(war["side"]) >= {"armenian", "azerbaijani"}
    displacement = load_table("displacement", ROOT)
    assert (displacement["episode"] == "exodus-2023").sum() >= 10


@pytest.mark.parametrize("chapter", range(1, 9))
def test_timeline_has_events_for_every_chapter(chapter):
    timeline = load_table("timeline", ROOT)
    assert (timeline["chapter"] == chapter).sum() >= 10
