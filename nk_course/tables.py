"""Accessible HTML tables for the back-matter pages, built from the data package.

Every cell is escaped; links are built only from ids the code controls. Tables get a caption
and header cells with scope, so screen readers can announce them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path

import pandas as pd

from nk_course.paths import course_root


class Html:
    """Raw HTML that `html_table` must not escape (links built by this package)."""

    def __init__(self, markup: str) -> None:
        self.markup = markup


def _cell(value: object) -> str:
    if isinstance(value, Html):
        return value.markup
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return escape(str(value))


class HtmlOutput:
    """Wraps markup so that Jupyter and the book show it as HTML."""

    def __init__(self, markup: str) -> None:
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup


def html_table(caption: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> HtmlOutput:
    """A <table> with a caption, column headers and escaped cells."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    return HtmlOutput(
        f'<div class="nk-table-wrap"><table class="nk-table"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def chapter_pages(root: Path | None = None) -> dict[int, str]:
    """Chapter number -> its notebook's stem (chapters/ch01-....ipynb gives {1: 'ch01-...'})."""
    folder = (root or course_root()) / "chapters"
    return {int(path.name[2:4]): path.stem for path in sorted(folder.glob("ch[0-9][0-9]-*.ipynb"))}


def chapter_link(number: int, pages: dict[int, str], prefix: str = "../chapters/") -> object:
    """A link to a chapter's page, or plain text when the chapter is not written yet."""
    if number in pages:
        return Html(f'<a href="{prefix}{pages[number]}.html">Chapter {number}</a>')
    return f"Chapter {number} (forthcoming)"
