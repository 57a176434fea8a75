"""Every chapter shows the date its content is current to, from chapters/current_to.yml, and the
changes page lists dated entries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nk_course.currency import CurrencyError, current_to, long_date

ROOT = Path(__file__).resolve().parents[1]


def _course(tmp_path: Path, yml: str) -> Path:
    (tmp_path / "chapters").mkdir()
    for stem in ("ch01-a", "ch02-b"):
        (tmp_path / "chapters" / f"{stem}.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "chapters" / "current_to.yml").write_text(yml, encoding="utf-8")
    return tmp_path


def test_every_chapter_has_a_date():
    dates = current_to(ROOT)
    assert sorted(dates) == sorted(p.stem for p in (ROOT / "chapters").glob("ch*.ipynb"))
    assert len(dates) == 8


@pytest.mark.parametrize(
    ("yml", "message"),
    [
        ("ch01-a: 2026-12-03\nch02-b: soon\n", "'ch02-b': 'soon' is not a date"),
        ("ch01-a: 2026-12-03\n", "no date for ch02-b"),
        ("ch01-a: 2026-12-03\nch02-b: 2026-01-01\nch09-z: 2026-01-01\n", "'ch09-z' is not a chapter"),
        ("- ch01-a\n", "must map each chapter's file name to a date"),
        ("ch01-a: [2026\n", "not valid YAML"),
    ],
)
def test_a_bad_currency_file_is_rejected_naming_the_entry(tmp_path, yml, message):
    with pytest.raises(CurrencyError, match=re.escape(message)) as info:
        current_to(_course(tmp_path, yml))
    assert "current_to.yml" in str(info.value)


def test_long_date_has_no_leading_zero():
    import datetime as dt

    assert long_date(dt.date(2026, 3, 5)) == "5 March 2026"


def test_each_chapter_page_shows_its_date_under_the_title(site):
    for stem, day in current_to(ROOT).items():
        html = (site / "chapters" / f"{stem}.html").read_text(encoding="utf-8")
        line = re.search(r'<p class="nk-current-to">(.*?)</p>', html, re.S)
        assert line, f"{stem}: no current-to line"
        assert f"Content current to {long_date(day)}." in line.group(1), stem
        assert 'href="../back/changes.html"' in line.group(1), stem
        at = html.index('class="nk-current-to"')
        assert html.index("<h1") < at < html.index('id="learning-objectives"'), stem


def test_the_changes_page_has_dated_entries(site):
    html = (site / "back" / "changes.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h2>(\d{1,2} [A-Z][a-z]+ \d{4})<a", html)
    assert headings, "no dated section on the changes page"
    entries = re.findall(r"<li>", html)
    assert len(entries) >= 3, "the changes page lists fewer than three changes"
