"""The date each chapter's content is current to, read from one file and shown on its page.

A course on a live conflict must say how recent each chapter is. The dates live only in
chapters/current_to.yml; the Sphinx extension puts a line under each chapter's title, linked to
the changes page, so a date is never typed into a chapter.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from nk_course.paths import course_root
from nk_course.yaml_files import load_yaml

CURRENCY_FILE = Path("chapters") / "current_to.yml"
CHANGES_PAGE = "back/changes"


class CurrencyError(ValueError):
    """The current-to file is malformed; the message names the file, the entry and the problem."""


def current_to(root: Path | None = None) -> dict[str, dt.date]:
    """Chapter file stem -> the date its content is current to, checked entry by entry."""
    root = root or course_root()
    path = root / CURRENCY_FILE
    raw = load_yaml(path, CurrencyError, "file")
    if not isinstance(raw, dict) or not raw:
        raise CurrencyError(f"{path.name}: must map each chapter's file name to a date")
    dates: dict[str, dt.date] = {}
    for stem, value in raw.items():
        if not (root / "chapters" / f"{stem}.ipynb").is_file():
            raise CurrencyError(f"{path.name}: '{stem}' is not a chapter in chapters/")
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise CurrencyError(f"{path.name}: '{stem}': {value!r} is not a date (YYYY-MM-DD)")
        dates[stem] = value
    missing = sorted(p.stem for p in (root / "chapters").glob("ch*.ipynb") if p.stem not in dates)
    if missing:
        raise CurrencyError(f"{path.name}: no date for {', '.join(missing)}")
    return dates


def long_date(day: dt.date) -> str:
    """3 December 2026: the book's date style, without a platform-dependent strftime flag."""
    return f"{day.day} {day:%B %Y}"
