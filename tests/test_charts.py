"""The chart renderer: reproducible ids, safe embedding, and the parts every figure must have."""

from __future__ import annotations

import json
import re
from pathlib import Path

import plotly.graph_objects as go
import pytest
from sphinx.errors import ExtensionError

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


# --- The plotly.js bundle the site serves -----------------------------------------------------


def test_served_bundle_matches_the_plotly_package(tmp_path):
    from nk_course.sphinx_ext import BUNDLE, bundle_version, check_bundle, plotly_js_path

    root = Path(__file__).resolve().parents[1]
    assert check_bundle(root) == root / BUNDLE
    assert bundle_version(root / BUNDLE) == bundle_version(plotly_js_path())
    stale = tmp_path / BUNDLE
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"/**\n* plotly.js (basic - minified) v3.0.0\n*/\n")
    with pytest.raises(ExtensionError, match=r"is plotly.js 3.0.0 but the installed plotly"):
        check_bundle(tmp_path)


def test_a_trace_the_bundle_cannot_draw_fails_the_build():
    from nk_course.sphinx_ext import check_trace_types

    ok = figure_html(small_figure(), **ARGS)
    check_trace_types("chapters/ok", ok)
    geo = figure_html(go.Figure(go.Scattergeo(lat=[40], lon=[46])), **ARGS)
    with pytest.raises(
        ExtensionError, match=r"chapters/geo: figure nk-fig-\w+ uses a 'scattergeo'"
    ):
        check_trace_types("chapters/geo", geo)
