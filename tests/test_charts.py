"""The chart renderer: reproducible ids, safe embedding, and the parts every figure must have."""

from __future__ import annotations

import json
import re

import plotly.graph_objects as go
import pytest

from nk_course.charts import PLOTLY_MIME, figure_html, figure_id, figure_json, show_figure
from nk_course.maps import base_map
from nk_course.style import PALETTE

ARGS = dict(alt="Bars for two years.", caption="Figure 1. Test.", source="Nobody (2026).")


def small_figure(label: str = "Armenians") -> go.Figure:
    return go.Figure(go.Bar(x=["1926", "1989"], y=[1, 2], name=label))


def test_same_figure_gives_same_html():
    assert figure_html(small_figure(), **ARGS) == figure_html(small_figure(), **ARGS)
    assert figure_html(small_figure(), **ARGS) != figure_html(small_figure("Other"), **ARGS)


def test_html_embeds_the_figure_without_plotly_js():
    html = figure_html(small_figure(), data=["census"], **ARGS)
    fid = figure_id(figure_json(small_figure()))
    assert f'<div class="nk-plot" id="{fid}" data-nk-plot="{fid}-data"' in html
    assert '<a href="../data/census.csv">census.csv</a>' in html
    assert "Source: Nobody (2026)." in html and "Bars for two years." in html
    assert len(html) < 6000, "the figure must not inline plotly.js or a heavy template"
    assert "cdn" not in html.lower()


def test_a_label_cannot_close_the_script_element():
    html = figure_html(small_figure("</script><script>alert(1)</script>"), **ARGS)
    assert html.count("</script>") == 1
    fid = figure_id(figure_json(small_figure("</script><script>alert(1)</script>")))
    spec = re.search(rf'id="{fid}-data">(.*?)</script>', html).group(1)
    assert json.loads(spec)["data"][0]["name"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize("missing", ["alt", "caption", "source"])
def test_every_figure_needs_alt_caption_and_source(missing):
    args = {**ARGS, missing: " "}
    with pytest.raises(ValueError, match=f"non-empty {missing}"):
        show_figure(small_figure(), **args)


def test_jupyter_gets_the_plotly_mimetype_too():
    bundle = show_figure(small_figure(), **ARGS)._repr_mimebundle_()
    assert bundle[PLOTLY_MIME]["data"][0]["type"] == "bar"
    assert bundle["text/html"].startswith('<figure class="nk-figure"')


def test_house_template_uses_the_colour_blind_safe_palette():
    fig = small_figure()
    assert list(fig.layout.template.layout.colorway) == list(PALETTE)
    assert "#000000" not in PALETTE  # black disappears in dark mode


def test_base_map_draws_outlines_without_geo_traces():
    fig = base_map()
    assert {t.type for t in fig.data} == {"scatter"}
    names = {t.name for t in fig.data}
    assert {"Armenia", "Azerbaijan", "Georgia", "Iran"} <= names
