"""Show a plotly figure in JupyterLab, in Colab and in the static book, without a CDN.

One output carries two forms: the plotly mimetype, which JupyterLab draws live, and an HTML
figure (caption, source line, link to the data, text alternative) whose chart data sit in a
JSON script tag. In the book, assets/static/nk-charts.js loads plotly.js once from the site's
own _static folder and draws every such figure on the page; the HTML itself runs no script.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import sys
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from nk_course import style  # noqa: F401  (registers the house template)

PLOTLY_MIME = "application/vnd.plotly.v1+json"
#: Where the book's pages find the data files, relative to a chapter page (chapters/*.html).
DATA_HREF = "../data/{name}.csv"
#: Names a plotly renderer ("notebook") to build the book the way Jupyter Book shows plotly by
#: default; only the performance benchmark sets it, to measure that baseline against ours.
BASELINE_ENV = "NK_BASELINE_RENDERER"


def figure_json(fig: go.Figure) -> str:
    """The figure as compact JSON, safe to put inside an HTML <script> element."""
    text = pio.to_json(fig, validate=False, pretty=False, remove_uids=True)
    # "<" only occurs inside JSON strings, where \u003c is the same character: this stops a
    # label such as "</script>" from ending the element early.
    return text.replace("<", "\\u003c")


def figure_id(fig_json: str) -> str:
    """A stable id derived from the figure itself, so re-running a notebook gives equal output."""
    return "nk-fig-" + hashlib.sha1(fig_json.encode("utf-8")).hexdigest()[:12]


def figure_html(
    fig: go.Figure,
    *,
    alt: str,
    caption: str,
    source: str,
    data: list[str] | tuple[str, ...] = (),
) -> str:
    """The static-book form of a figure: a <figure> with the chart's data, caption and alt text."""
    for label, text in (("alt", alt), ("caption", caption), ("source", source)):
        if not text or not text.strip():
            raise ValueError(f"show_figure needs a non-empty {label} text")
    spec = figure_json(fig)
    fid = figure_id(spec)
    height = int(fig.layout.height or 450)
    links = " ".join(
        f'<a href="{html.escape(DATA_HREF.format(name=name))}">{html.escape(name)}.csv</a>'
        for name in data
    )
    data_line = f' <span class="nk-data">Data: {links}.</span>' if links else ""
    return (
        f'<figure class="nk-figure" aria-describedby="{fid}-alt">'
        f'<div class="nk-plot" id="{fid}" data-nk-plot="{fid}-data" style="min-height:{height}px">'
        "</div>"
        f'<script type="application/json" id="{fid}-data">{spec}</script>'
        # A <figcaption> must be the figure's first or last child (HTML; the Nu checker).
        '<details class="nk-alt"><summary>Text description of this chart</summary>'
        f'<p id="{fid}-alt">{html.escape(alt)}</p></details>'
        f'<figcaption>{html.escape(caption)} <span class="nk-source">Source: '
        f"{html.escape(source)}</span>{data_line}</figcaption>"
        "</figure>"
    )


class FigureOutput:
    """What `show_figure` returns: Jupyter picks the form its front end can draw."""

    def __init__(self, fig: go.Figure, html_text: str, alt: str) -> None:
        self.fig = fig
        self.html = html_text
        self.alt = alt

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        if "google.colab" in sys.modules:  # Colab draws neither form: give it plotly's own.
            return {"text/html": pio.to_html(self.fig, include_plotlyjs="cdn", full_html=False)}
        return {
            PLOTLY_MIME: json.loads(pio.to_json(self.fig, validate=False, remove_uids=True)),
            "text/html": self.html,
            "text/plain": f"Chart: {self.alt}",
        }


def show_figure(
    fig: go.Figure,
    *,
    alt: str,
    caption: str,
    source: str,
    data: list[str] | tuple[str, ...] = (),
) -> FigureOutput | None:
    """Display `fig` with a caption, a source line, links to its data tables and a text alternative.

    `alt` describes what the chart shows for readers who cannot see it; `data` names tables of
    data/datapackage.json that the chart draws.
    """
    if os.environ.get(BASELINE_ENV):
        if pio.renderers.default != os.environ[BASELINE_ENV]:  # set once, as an author would
            pio.renderers.default = os.environ[BASELINE_ENV]
        fig.show()
        return None
    return FigureOutput(
        fig, figure_html(fig, alt=alt, caption=caption, source=source, data=data), alt
    )


def glue(name: str, value: Any) -> None:
    """Record `value` for the book's prose ({glue:text}`name`), without displaying it.

    Uses myst-nb's glue when it is installed (the build, Binder, local JupyterLab); in Colab,
    which lacks myst-nb, it does nothing.
    """
    try:
        from myst_nb import glue as myst_glue
    except ImportError:
        return
    myst_glue(name, value, display=False)
