"""The speed-ups applied to the built pages (nk_course.site.speed, css_purge, icon_subset): each
does what it says on small inputs, and the built site keeps the properties they promise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nk_course.site.checks import figure_specs
from nk_course.site.css_purge import corpus_words, purge, selector_used
from nk_course.site.icon_subset import icon_codepoints
from nk_course.site.speed import BUNDLE_NAME, bundle_stylesheets, speed_up_page

ROOT = Path(__file__).resolve().parents[1]
WORDS = corpus_words(['<div class="card nav"><i class="fa-solid fa-bars"></i></div>'])


def test_a_selector_is_kept_only_when_every_class_it_needs_occurs():
    assert selector_used(".card .nav", WORDS)
    assert not selector_used(".card .carousel", WORDS)
    assert selector_used(".card:not(.carousel)", WORDS)  # what it excludes is not required
    assert selector_used('html[data-theme="dark"] .card', WORDS)
    assert selector_used("div > p", WORDS)


def test_purge_keeps_used_rules_media_and_fonts_and_drops_the_rest():
    css = (
        ".card{color:red}.carousel{color:blue}.nav,.modal{margin:0}"
        "@media (max-width:10px){.carousel{top:0}.nav{top:1px}}"
        "@font-face{font-family:X;src:url(x.woff2)}"
    )
    out = purge(css, WORDS)
    assert ".card{color:red}" in out
    assert "carousel" not in out and ".modal" not in out
    assert ".nav{margin:0}" in out
    assert "@media (max-width:10px){.nav{top:1px}}" in out
    assert "@font-face" in out


def test_purge_fails_on_a_stylesheet_that_does_not_parse():
    with pytest.raises(ValueError, match="does not parse"):
        purge(".a{color:red} .b", WORDS)  # a selector with no block


def test_icon_code_points_come_from_the_classes_in_use():
    css = '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-car:before{content:"\\f1b9"}'
    assert icon_codepoints(css, WORDS) == {0xF0C9}


def _site(tmp_path: Path, head: str, body: str = "") -> tuple[Path, Path]:
    (tmp_path / "_static" / "styles").mkdir(parents=True)
    (tmp_path / "_static" / "a.css").write_text(".a{color:red}", encoding="utf-8")
    (tmp_path / "_static" / "documentation_options.js").write_text(
        "const DOCUMENTATION_OPTIONS = {};", encoding="utf-8"
    )
    page = tmp_path / "chapters" / "p.html"
    page.parent.mkdir()
    page.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    return tmp_path, page


def test_scripts_are_deferred_and_inline_options_keep_what_they_read(tmp_path):
    out, page = _site(
        tmp_path,
        '<script>document.documentElement.dataset.mode = "auto";</script>'
        '<script src="../_static/documentation_options.js?v=1"></script>'
        '<script src="../_static/theme.js?v=2"></script>'
        "<script>var togglebuttonSelector = '.toggle';</script>"
        '<script type="application/json" id="x">{"a": 1}</script>',
    )
    html = speed_up_page(page.read_text(), page, out)
    assert '<script defer src="../_static/theme.js?v=2"></script>' in html
    assert "<script>const DOCUMENTATION_OPTIONS = {};</script>" in html
    assert "documentation_options.js" not in html
    assert "<script>var togglebuttonSelector = '.toggle';</script>" in html
    assert '<script type="application/json" id="x">{"a": 1}</script>' in html
    assert not re.search(r"<script(?![^>]*\b(defer|async|type=))[^>]*(?<![-\w])src=", html)


def test_chart_data_moves_to_a_script_file_the_page_points_to(tmp_path):
    spec = '{"data":[{"type":"scatter","x":[1,2],"y":[3,4]}],"layout":{}}'
    out, page = _site(
        tmp_path,
        "",
        f'<div class="nk-plot" id="nk-fig-0123456789ab" data-nk-plot="nk-fig-0123456789ab-data">'
        f'</div><script type="application/json" id="nk-fig-0123456789ab-data">{spec}</script>',
    )
    html = speed_up_page(page.read_text(), page, out)
    page.write_text(html, encoding="utf-8")
    assert spec not in html
    assert 'data-nk-src="../_static/figures/nk-fig-0123456789ab.js"' in html
    ((name, fid, found),) = figure_specs(out)
    assert (name, fid) == ("nk-fig-0123456789ab.js", "nk-fig-0123456789ab")
    assert found["data"][0]["y"] == [3, 4]


def test_pages_that_link_different_stylesheets_are_an_error(tmp_path):
    out, page = _site(tmp_path, '<link rel="stylesheet" href="../_static/a.css" />')
    other = out / "chapters" / "q.html"
    other.write_text('<head><link rel="stylesheet" href="../_static/b.css" /></head>', "utf-8")
    with pytest.raises(ValueError, match="links stylesheets"):
        bundle_stylesheets(out, [page, other])


def test_every_page_links_one_stylesheet_and_no_script_blocks_the_first_paint(site):
    pages = [p for p in site.rglob("*.html") if "_static" not in p.parts]
    assert len(pages) > 15
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "<link" not in html:
            continue  # the redirect page
        links = re.findall(r'<link[^>]*rel="stylesheet"[^>]*>', html)
        assert len(links) == 1 and BUNDLE_NAME in links[0], page.name
        blocking = re.findall(r"<script(?![^>]*\b(?:defer|async)\b)[^>]*(?<![-\w])src=[^>]*>", html)
        assert blocking == [], f"{page.name}: render-blocking scripts {blocking}"
        assert "widget-state+json" not in html, page.name
        if page.name != "search.html":
            assert "searchindex.js" not in html, page.name


def test_the_one_stylesheet_keeps_the_theme_the_code_colours_and_the_book(site):
    css = (site / "_static" / BUNDLE_NAME).read_text(encoding="utf-8")
    assert 'html[data-theme="dark"] .highlight .nn' in css  # the theme's own pygments colours
    assert ".nk-quiz-check" in css and ".bd-sidebar-primary" in css
    assert len(css.encode("utf-8")) < 250_000  # no Bootstrap or Font Awesome rule a page can't use


def test_icon_fonts_keep_only_the_icons_in_use(site):
    solid = site / "_static" / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff2"
    assert 500 < solid.stat().st_size < 20_000


def test_chart_pages_carry_no_chart_data_inline(site):
    chapter = (site / "chapters" / "ch01-land-peoples-empires.html").read_text(encoding="utf-8")
    assert chapter.count('data-nk-src="../_static/figures/nk-fig-') >= 3
    assert '"data":[' not in chapter
