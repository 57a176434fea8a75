"""Issue 18: the welcome page's "conflict at a glance": the orientation map and a key-dates strip
built from data/timeline.csv (nk_course.key_dates)."""

from __future__ import annotations

import re

import pytest

from nk_course import load_table
from nk_course.key_dates import key_events


def test_key_events_keeps_the_given_order_and_rows():
    timeline = load_table("timeline")
    events = key_events(["vote-1988-02-20", "war-2020-09-27"], timeline)
    assert list(events["title"]) == [
        "Oblast soviet asks for transfer to Armenia",
        "The 44-day war begins",
    ]


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        ([], "no timeline ids given"),
        (["vote-1988-02-20", "no-such-event"], "not in data/timeline.csv: no-such-event"),
        (["war-2020-09-27", "vote-1988-02-20"], "ids must be in date order"),
    ],
)
def test_key_events_rejects_bad_lists(ids, message):
    with pytest.raises(ValueError, match=message):
        key_events(ids, load_table("timeline"))


def test_welcome_page_shows_map_and_labelled_key_dates(site):
    html = (site / "intro.html").read_text(encoding="utf-8")
    section = html[html.index('id="the-conflict-at-a-glance"') :]
    strip = re.search(r'<ol class="[^"]*nk-key-dates[^"]*"[^>]*>(.*?)</ol>', section, re.S)
    assert strip, "no key-dates strip on the welcome page"
    items = re.findall(r"<li>(.*?)</li>", strip.group(1), re.S)
    assert len(items) == 12
    first, last = items[0], items[-1]
    assert "<strong>7 July 1923</strong>" in first
    assert "Autonomous oblast of Nagorno-Karabakh created" in first
    assert 'href="chapters/ch01-land-peoples-empires.html"' in first
    assert "Washington joint declaration" in last
    assert 'href="chapters/ch08-aftermath.html"' in last
    # The map sits in the same section, before the strip.
    assert section.index("nk-fig-") < section.index("nk-key-dates")
