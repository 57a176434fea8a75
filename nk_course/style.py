"""The house style of every chart: a colour-blind-safe palette and a light template.

Colours are the Okabe-Ito palette (without black, which vanishes in dark mode). Backgrounds
are transparent and text is a mid-dark grey; the site's CSS lightens text and grid lines when
the reader switches the theme to dark mode.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
#: deficiency. Order matters: the first colours are the most distinct from each other.
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
)
#: Marker symbols paired with the palette so that colour is never the only carrier of meaning.
SYMBOLS: tuple[str, ...] = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star")
TEXT = "#333333"
#: Outline for markers, so that the light colours (yellow, sky blue) stand out on white.
OUTLINE = "rgba(40,40,40,0.6)"
GRID = "rgba(128,128,128,0.35)"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

TEMPLATE = go.layout.Template(
    layout=dict(
        colorway=list(PALETTE),
        font=dict(family=FONT, size=14, color=TEXT),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        xaxis=dict(gridcolor=GRID, zerolinecolor=GRID, linecolor=GRID, automargin=True),
        yaxis=dict(gridcolor=GRID, zerolinecolor=GRID, linecolor=GRID, automargin=True),
        hoverlabel=dict(font=dict(family=FONT)),
        legend=dict(bgcolor="rgba(0,0,0,0)"),
        margin=dict(l=60, r=20, t=60, b=50),
    )
)
pio.templates["nk"] = TEMPLATE
pio.templates.default = "nk"


def color(i: int) -> str:
    """The i-th house colour (wrapping round)."""
    return PALETTE[i % len(PALETTE)]


def symbol(i: int) -> str:
    """The i-th marker symbol, to pair with `color(i)`."""
    return SYMBOLS[i % len(SYMBOLS)]


def marker(i: int, size: int = 10) -> dict:
    """The i-th house marker: colour and symbol paired, with an outline for light colours."""
    return dict(color=color(i), symbol=symbol(i), size=size, line=dict(width=1, color=OUTLINE))


def category_axis(order: list, reversed_: bool = True) -> dict:
    """A category axis in the given order (top to bottom when reversed), with no title."""
    return dict(
        title=None,
        categoryorder="array",
        categoryarray=list(dict.fromkeys(order)),
        autorange="reversed" if reversed_ else True,
    )
