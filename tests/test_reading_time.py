"""Issue 18: stated reading times are computed from the word count (nk_course.reading_time)."""

from __future__ import annotations

import pytest

from chapters import CHAPTERS
from nk_course.reading_time import ReadingTime, chapter_reading_time, minutes, stated_line


def test_minutes_round_to_five_at_200_words_a_minute():
    assert minutes(0) == 5
    assert minutes(3_900) == 20  # 19.5 minutes
    assert minutes(4_600) == 25  # 23 minutes
    assert minutes(7_000) == 35


def test_line_states_both_figures():
    line = ReadingTime(text_words=4_000, chapter_words=8_000).line()
    assert "about 20 minutes for the text" in line
    assert "about 40 minutes for the whole chapter" in line


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem[:4] for p in CHAPTERS])
def test_stated_reading_time_is_the_computed_one(path):
    computed = chapter_reading_time(path)
    assert computed.text_words >= 2_500
    assert computed.chapter_words > computed.text_words + 1_000  # back sections and quiz count
    assert stated_line(path) == computed.line(), (
        f"{path.name}: run `python scripts/update_reading_times.py` to restate the reading time"
    )
