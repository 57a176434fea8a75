"""The speed-ups applied to the built pages (nk_course.site.speed, css_purge, icon_subset): each
does what it says on small inputs, and the built site keeps the properties they promise."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from nk_course.site.checks import figure_specs
from nk_course.site.css_purge import corpus_words, purge, selector_used
from nk_course.site.icon_subset import icon_codepoints
from nk_course.site.pictures import tidy_svg
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


# --- Static pictures of the charts (nk_course.site.pictures) ----------------------------------

PICTURE_GZIP_BUDGET = 40_000  #: bytes of chart pictures a page may show, gzipped


def test_each_chart_box_gets_its_picture(tmp_path):
    spec = '{"data":[{"type":"bar","x":[1,2],"y":[3,4]}],"layout":{"height":300}}'
    out, page = _site(
        tmp_path,
        "",
        '<div class="nk-plot" id="nk-fig-0123456789ab" data-nk-plot="nk-fig-0123456789ab-data" '
        'style="min-height:300px"></div>'
        f'<script type="application/json" id="nk-fig-0123456789ab-data">{spec}</script>',
    )
    html = speed_up_page(page.read_text(), page, out)
    assert (
        '<div class="nk-plot" id="nk-fig-0123456789ab" data-nk-plot="nk-fig-0123456789ab-data" '
        'style="min-height:300px"><picture><source media="(max-width: 540px)" '
        'srcset="../_static/figures/nk-fig-0123456789ab-narrow.svg" width="400" height="300">'
        '<img class="nk-picture" src="../_static/figures/nk-fig-0123456789ab.svg" width="720" '
        'height="300" alt="" loading="lazy" decoding="async"></picture></div>'
    ) in html


def test_pictures_are_reproducible_and_drop_needless_digits():
    svg = (
        '<svg class="main-svg" style=""><defs id="defs-3fa9c1"><clipPath id="clip3fa9c1xyplot">'
        '<rect width="372.80659955920345" height="348"/></clipPath></defs>'
        '<g clip-path="url(#clip3fa9c1xyplot)" style="opacity: 0.35"/></svg>'
    )
    tidy = tidy_svg(svg, "nk-fig-0123456789ab")
    assert "3fa9c1" not in tidy
    assert 'id="defs-012345"' in tidy and "url(#clip012345xyplot)" in tidy
    assert 'width="372.8"' in tidy and "opacity: 0.35" in tidy and 'style=""' not in tidy
    assert tidy_svg(svg.replace("3fa9c1", "77aa00"), "nk-fig-0123456789ab") == tidy


def _boxes(html: str) -> list[tuple[str, str]]:
    """(figure id, what the box holds before any script runs) for each chart box of a page."""
    return re.findall(r'<div class="nk-plot" id="(nk-fig-\w+)"[^>]*>(.*?)</div>', html, re.S)


def test_every_chart_shows_a_picture_of_itself_before_any_script_runs(site):
    specs = {fid: spec for _, fid, spec in figure_specs(site)}
    pages = [p for p in site.rglob("*.html") if "_static" not in p.parts]
    boxes = [(page, fid, inside) for page in pages for fid, inside in _boxes(page.read_text())]
    assert len(boxes) >= 25, "fewer chart boxes than the book has charts"
    assert {fid for _, fid, _ in boxes} == set(specs)
    for page, fid, inside in boxes:
        match = re.fullmatch(
            r'<picture><source media="\(max-width: 540px\)" srcset="([^"]+)" width="400" '
            r'height="(\d+)"><img class="nk-picture" src="([^"]+)" width="720" height="\2" '
            r'alt="" loading="lazy" decoding="async"></picture>',
            inside,
        )
        assert match, f"{page.name}: chart {fid} has no picture in its box: {inside[:200]!r}"
        layout = specs[fid]["layout"]
        assert match.group(2) == str(layout.get("height", 450))
        for src, width in ((match.group(1), "400"), (match.group(3), "720")):
            picture = (page.parent / src).resolve()
            assert picture.parent == (site / "_static" / "figures").resolve()
            assert picture.name.startswith(fid), picture.name
            root = ElementTree.fromstring(picture.read_text(encoding="utf-8"))
            assert root.tag == "{http://www.w3.org/2000/svg}svg", picture.name
            assert (root.get("width"), root.get("height")) == (width, match.group(2))
            assert not root.findall(".//{http://www.w3.org/2000/svg}script"), picture.name
            # The picture is of this chart: it shows its title, or its first legend entry,
            # and draws marks (markers, bars, lines or areas).
            texts = " ".join(
                t.text or "" for t in root.iter()
                if t.tag in ("{http://www.w3.org/2000/svg}text", "{http://www.w3.org/2000/svg}tspan")
            )
            names = [t["name"] for t in specs[fid]["data"] if t.get("name")]
            label = (layout.get("title") or {}).get("text") or names[0]
            first_word = re.sub(r"<[^>]+>", " ", label).split()[0]
            assert first_word in texts, f"{picture.name}: {label!r} not drawn"
            marks = [
                e for e in root.iter()
                if {"point", "js-line", "js-fill"} & set((e.get("class") or "").split())
            ]
            assert marks, f"{picture.name}: the picture draws no marker, bar, line or area"


def test_chart_pictures_weigh_little_per_page(site):
    """What a page's pictures cost a phone (narrow) or a laptop (wide), gzipped."""
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for kind in ('srcset="([^"]+)"', '<img class="nk-picture" src="([^"]+)"'):
            sources = set(re.findall(kind, html))
            weight = sum(
                len(gzip.compress((page.parent / src).read_bytes(), 6)) for src in sources
            )
            assert weight <= PICTURE_GZIP_BUDGET, f"{page.name}: pictures weigh {weight} B gz"


def test_a_browser_that_draws_nothing_fails_the_build_with_a_clear_message(tmp_path, monkeypatch):
    from nk_course.site.pictures import PictureError, draw_svgs

    data = tmp_path / "nk-fig-0123456789ab.js"
    data.write_text("(window.nkFigureData=window.nkFigureData||{})['nk-fig-0123456789ab']={};")
    monkeypatch.setenv("NK_CHROMIUM", "/bin/false")
    with pytest.raises(PictureError, match=r"Chromium drew no chart pictures \(exit 1\)"):
        draw_svgs(tmp_path / "plotly.min.js", [data], 400)
    assert draw_svgs(tmp_path / "plotly.min.js", [], 400) == {}


THEME_JS = (
    'function B(){}function I(){const e=()=>{document.querySelectorAll(["pre",".x"].join(", "))'
    '.forEach(e=>{e.tabIndex=0})};e()}'
)


def test_the_theme_hands_scroll_regions_over_once(tmp_path):
    from nk_course.site.scroll_regions import HOOK, THEME_SCRIPT, hand_over_scroll_regions

    script = tmp_path / THEME_SCRIPT
    script.parent.mkdir(parents=True)
    script.write_text(THEME_JS, encoding="utf-8")
    hand_over_scroll_regions(tmp_path)
    patched = script.read_text(encoding="utf-8")
    assert patched == THEME_JS.replace("function I(){", "function I(){" + HOOK)
    hand_over_scroll_regions(tmp_path)  # a second build leaves a patched copy alone
    assert script.read_text(encoding="utf-8") == patched


def test_a_changed_theme_script_fails_the_build_naming_the_file(tmp_path):
    from nk_course.site.scroll_regions import (
        THEME_SCRIPT,
        ThemeScriptError,
        hand_over_scroll_regions,
    )

    script = tmp_path / THEME_SCRIPT
    script.parent.mkdir(parents=True)
    script.write_text("function I(){document.querySelectorAll('pre')}", encoding="utf-8")
    with pytest.raises(ThemeScriptError, match=r"pydata-sphinx-theme\.js: expected one function"):
        hand_over_scroll_regions(tmp_path)


def test_the_built_theme_script_hands_over_and_every_page_loads_the_handler(site):
    from nk_course.site.scroll_regions import HOOK, THEME_SCRIPT

    assert (site / THEME_SCRIPT).read_text(encoding="utf-8").count(HOOK) == 1
    for page in ("chapters/ch02-first-war.html", "back/instructor-guide.html", "intro.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert re.search(r'<script defer="defer" src="[^"]*nk-scroll-regions\.js', html), page


def test_navigation_toggles_are_named_after_their_page():
    from nk_course.site.nav_labels import label_nav_toggles

    nav = (
        '<li class="toctree-l1 has-children"><a class="reference internal" '
        'href="back/instructor-guide.html">Instructor &amp; guide</a><details open="open">'
        '<summary><span class="toctree-toggle" role="presentation"></span></summary>'
    )
    assert '<details open="open"><summary aria-label="Pages under Instructor &amp; guide">' in (
        label_nav_toggles(nav)
    )
    assert label_nav_toggles("<details><summary>Show</summary>") == (
        "<details><summary>Show</summary>"
    )
