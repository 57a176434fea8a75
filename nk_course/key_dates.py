"""The welcome page's "conflict at a glance" strip: a few milestones from data/timeline.csv.

A directive, not a chart: the strip is plain HTML, so it paints with the text on a phone, prints,
and reads the same to a screen reader. Dates and titles come from the timeline table, so the
strip and the timeline page can never disagree. Usage in a MyST page, one timeline id a line:

    ```{key-dates}
    nkar-1923-07-07
    vote-1988-02-20
    ```
"""

from __future__ import annotations

import pandas as pd
from docutils import nodes
from sphinx import addnodes
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from nk_course.datapackage import load_table
from nk_course.timeline import describe_dates


def key_events(ids: list[str], timeline: pd.DataFrame) -> pd.DataFrame:
    """The timeline rows named by `ids`, checked: at least one, all known, in date order."""
    if not ids:
        raise ValueError("no timeline ids given")
    indexed = timeline.set_index("id", drop=False)
    unknown = [i for i in ids if i not in indexed.index]
    if unknown:
        raise ValueError(f"not in data/timeline.csv: {', '.join(unknown)}")
    events = indexed.loc[ids]
    if not events["date"].is_monotonic_increasing:
        raise ValueError("ids must be in date order")
    return events


class KeyDates(SphinxDirective):
    """An ordered list of the named timeline events, each with its date and chapter."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        ids = [line.strip() for line in self.content if line.strip()]
        where = f"{self.env.docname}, line {self.lineno}: key-dates"
        try:
            events = key_events(ids, load_table("timeline"))
        except ValueError as error:
            raise ExtensionError(f"{where}: {error}") from error
        strip = nodes.enumerated_list(classes=["nk-key-dates"])
        for (_, event), date in zip(events.iterrows(), describe_dates(events), strict=True):
            para = nodes.paragraph()
            para += nodes.strong(text=date)
            para += nodes.Text(f" {event['title']} ")
            para += self._chapter_link(int(event["chapter"]), where)
            strip += nodes.list_item("", para)
        return [strip]

    def _chapter_link(self, chapter: int, where: str) -> nodes.Node:
        prefix = f"chapters/ch{chapter:02d}-"
        docs = [d for d in self.env.found_docs if d.startswith(prefix)]
        if len(docs) != 1:
            raise ExtensionError(f"{where}: no single chapter page {prefix}*")
        link = addnodes.pending_xref(
            "", refdomain="std", reftype="doc", reftarget=f"/{docs[0]}", refexplicit=True
        )
        link += nodes.inline(text=f"(chapter {chapter})")
        return link
