"""The built book in a real headless Chromium, served on 127.0.0.1 with no other host reachable."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from quiz_positions import answer_positions

from chapters import CHAPTERS

ROOT = Path(__file__).resolve().parents[1]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: axe rules switched off, with the reason. Keep this list short and justified.
DISABLED_RULES: dict[str, str] = {}


def book_pages() -> list[str]:
    """Every page of the table of contents, plus the theme's own search and index pages."""
    from nk_course.site.toc import toc_pages

    return toc_pages(ROOT) + ["search.html", "genindex.html"]


PAGES = book_pages()


def expected_charts(page: str) -> int:
    """How many charts the page's notebook makes: one per show_figure call (a Markdown page
    shows one per chart it pastes from a notebook with the glue directive)."""
    notebook = ROOT / page.replace(".html", ".ipynb")
    markdown = ROOT / page.replace(".html", ".md")
    if markdown.exists():
        return markdown.read_text(encoding="utf-8").count("```{glue} ")
    if not notebook.exists():
        return 0
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(
        "".join(c["source"]).count("show_figure(") for c in cells if c["cell_type"] == "code"
    )


class PageVisit:
    """Load a page, recording console errors, failed requests and every request's host."""

    def __init__(
        self, browser, base: str, page_path: str, color_scheme: str = "light",
        viewport: dict | None = None,
    ) -> None:
        self.base = base
        self.context = browser.new_context(color_scheme=color_scheme, viewport=viewport)
        # No network but the site: anything else is answered with an abort and recorded.
        self.foreign: list[str] = []
        self.requests: list[str] = []
        self.context.route(re.compile(r"^(?!" + re.escape(base) + ").*"), self._block)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.response = self.page.goto(base + page_path, wait_until="networkidle")

    def _block(self, route) -> None:
        url = route.request.url
        if urlparse(url).scheme in ("data", "blob", "about"):
            route.continue_()
            return
        self.foreign.append(url)
        route.abort()

    def wait_for_charts(self, count: int) -> None:
        """Scroll each chart into view and point at it, as a reader does, and wait until all are
        drawn (a chart already on the first screen is drawn once the reader interacts)."""
        if count:
            for i in range(self.page.locator(".nk-plot").count()):
                self.page.locator(".nk-plot").nth(i).scroll_into_view_if_needed()
                self.page.locator(".nk-plot").nth(i).hover()
                self.page.wait_for_function(
                    f"document.querySelectorAll('.nk-plot')[{i}].dataset.nkDrawn === '1'",
                    timeout=20000,
                )
            self.page.wait_for_function(
                f"document.querySelectorAll('.nk-plot[data-nk-drawn=\"1\"]').length >= {count}",
                timeout=20000,
            )

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, server):
    visits = []

    def _visit(page_path: str, **options) -> PageVisit:
        v = PageVisit(browser, server, page_path, **options)
        visits.append(v)
        return v

    yield _visit
    for v in visits:
        v.close()


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_cleanly_with_only_local_requests(visit, page):
    v = visit(page)
    assert v.response.status == 200
    v.wait_for_charts(expected_charts(page))
    assert v.foreign == [], f"requests to other hosts: {v.foreign}"
    assert v.failed == [], f"failed requests: {v.failed}"
    assert v.errors == [], f"console errors: {v.errors}"


@pytest.mark.parametrize("page", PAGES)
def test_every_chart_is_drawn(visit, page):
    expected = expected_charts(page)
    v = visit(page)
    v.wait_for_charts(expected)
    placed = v.page.locator(".nk-plot").count()
    drawn = v.page.locator(".nk-plot[data-nk-drawn='1'] svg.main-svg").count()
    assert placed == expected
    assert v.page.locator(".nk-plot[data-nk-drawn='1']").count() == expected
    assert drawn >= expected  # plotly draws one or more svg layers per chart
    plotly_loads = [u for u in v.requests if u.endswith("plotly.min.js")]
    assert len(plotly_loads) == (1 if expected else 0), plotly_loads
    html = (ROOT / "_build" / "html" / page).read_text(encoding="utf-8")
    assert "plotly.js v" not in html, "plotly.js must not be inlined in the page"


CHART_PAGES = [p for p in PAGES if expected_charts(p)]
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("page", CHART_PAGES)
def test_charts_wait_for_the_reader_and_show_caption_and_text_first(visit, page):
    """Performance: until the reader interacts, no chart is drawn and plotly.js is not fetched;
    each chart's box shows its static picture (the ones on screen loaded), its caption and its
    text alternative. After the reader scrolls and points at a chart, the drawn chart replaces
    the picture."""
    v = visit(page, viewport=PHONE)
    v.page.wait_for_timeout(500)  # let the observer report what is on screen
    boxes = v.page.evaluate(
        "[...document.querySelectorAll('.nk-plot')].map(el => ({"
        " top: el.getBoundingClientRect().top, drawn: el.dataset.nkDrawn === '1',"
        " caption: el.closest('figure').querySelector('figcaption').textContent.trim(),"
        " alt: el.closest('figure').querySelector('details.nk-alt p').textContent.trim(),"
        " height: el.getBoundingClientRect().height,"
        " picture: el.querySelector('img.nk-picture') ? {"
        "   loaded: el.querySelector('img.nk-picture').complete,"
        "   src: el.querySelector('img.nk-picture').currentSrc,"
        "   width: el.querySelector('img.nk-picture').naturalWidth,"
        "   shown: el.querySelector('img.nk-picture').getBoundingClientRect().height } : null }))"
    )
    assert len(boxes) == expected_charts(page)
    assert all(not b["drawn"] for b in boxes), "a chart was drawn before the reader interacted"
    assert not any(u.endswith("plotly.min.js") for u in v.requests), "plotly.js fetched at load"
    assert all(len(b["caption"]) > 20 and len(b["alt"]) > 20 for b in boxes)
    assert all(b["height"] >= 200 for b in boxes), "a chart's box is not reserved before drawing"
    assert all(b["picture"] for b in boxes), "a chart's box has no static picture"
    on_screen = [b for b in boxes if b["top"] < PHONE["height"]]
    for b in on_screen:
        assert b["picture"]["loaded"] and b["picture"]["width"] > 0, "picture not shown"
        assert b["picture"]["src"].endswith("-narrow.svg"), "a phone gets the wide picture"
        assert b["picture"]["shown"] > 0.8 * b["height"], "picture not shown at full size"
    data_files = [u for u in v.requests if "/_static/figures/" in u and u.endswith(".js")]
    assert data_files == [], "chart data fetched before the reader interacted"
    # Lazy pictures: Chromium fetches those within 1,250-2,500 px of the screen, no further.
    far = [b for b in boxes if b["top"] > PHONE["height"] + 3000]
    pictures = [u for u in v.requests if "/_static/figures/" in u and u.endswith(".svg")]
    assert len(pictures) <= len(boxes) - len(far), "pictures far below the screen were fetched"
    v.wait_for_charts(len(boxes))
    assert v.page.locator(".nk-plot[data-nk-drawn='1']").count() == len(boxes)
    assert v.page.locator(".nk-plot picture").count() == 0, "a picture was not replaced"
    assert v.errors == []


@pytest.mark.parametrize("page", CHART_PAGES)
def test_every_chart_is_drawn_in_dark_mode(visit, page):
    v = visit(page, color_scheme="dark")
    assert v.page.evaluate("document.documentElement.dataset.theme") == "dark"
    v.wait_for_charts(expected_charts(page))
    assert v.page.locator(".nk-plot[data-nk-drawn='1'] svg.main-svg").count() >= expected_charts(
        page
    )
    assert v.errors == []


SCROLL_REGIONS = (
    "pre, .nboutput > .output_area, .cell_output > .output, .jp-RenderedHTMLCommon, "
    ".pst-scrollable-table-container"
)


def test_scrollable_regions_keep_the_themes_keyboard_rule_measured_near_the_screen(visit):
    """The theme's rule (tabindex 0 when a region scrolls, -1 when not) holds on every region
    the reader has come near, applied by nk-scroll-regions.js after the theme hands over; a
    region far below is focusable (0) before it is measured, so no scrollable one is missed."""
    v = visit("chapters/ch02-first-war.html", viewport=PHONE)
    v.page.wait_for_function("document.documentElement.dataset.nkScrollRegions === 'watching'")
    before = v.page.evaluate(
        "sel => Array.from(document.querySelectorAll(sel)).map(el => el.tabIndex)", SCROLL_REGIONS
    )
    assert len(before) >= 20, f"only {len(before)} regions on chapter 2"
    assert before[-1] == 0, "a region far below the first screen is not focusable"
    regions = v.page.evaluate(
        """async sel => {
            const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 30)));
            const out = [];
            for (const el of document.querySelectorAll(sel)) {
                if (!el.checkVisibility()) continue;  // inside a closed box: not shown, not focusable
                el.scrollIntoView({block: "center"});
                await frame(); await frame();
                out.push([el.tagName + "." + el.className,
                          el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight,
                          el.tabIndex]);
            }
            return out;
        }""",
        SCROLL_REGIONS,
    )
    assert len(regions) >= 10
    wrong = [r for r in regions if r[2] != (0 if r[1] else -1)]
    assert wrong == [], f"regions whose tabindex breaks the theme's rule: {wrong[:5]}"
    assert any(r[2] == 0 for r in regions) and any(r[2] == -1 for r in regions), regions
    assert v.errors == []


def test_a_reference_list_laid_out_late_still_takes_the_reader_to_each_entry(visit):
    v = visit("chapters/ch04-war-2020.html", viewport=PHONE)
    refs = v.page.locator("section#references")
    assert refs.evaluate("s => getComputedStyle(s).contentVisibility") == "auto"
    entries = refs.locator("aside.footnote")
    assert entries.count() >= 50
    # The last citation a reader can see, and the entry it points to near the end of the list.
    target = v.page.evaluate(
        """() => [...document.querySelectorAll('article a.footnote-reference')]
               .filter(a => a.checkVisibility()).pop().getAttribute('href').slice(1)"""
    )
    last = v.page.locator(f"aside.footnote#{target}")
    v.page.locator(f'a.footnote-reference[href="#{target}"]:visible').last.click()
    v.page.wait_for_function(f"location.hash === '#{target}'")
    box = last.bounding_box()
    assert box is not None and 0 <= box["y"] < PHONE["height"], box
    assert target in last.evaluate("e => e.id") and last.inner_text().strip()


def test_chapter_one_has_at_least_three_charts(visit):
    page = "chapters/ch01-land-peoples-empires.html"
    v = visit(page)
    v.wait_for_charts(3)
    assert v.page.locator(".nk-plot[data-nk-drawn='1']").count() >= 3


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_quiz_works_with_the_keyboard_alone(visit, notebook):
    from nk_course.quiz import load_quiz
    from nk_course.quiz.order import shown_orders

    quiz = load_quiz(notebook.name[:4], check=False)
    question = quiz.questions[0]
    order = shown_orders(quiz)[0]  # authoring index of the option at each shown position
    # Positions as shown: the test must find the right answers where the reader sees them.
    right, wrong = answer_positions(question, order)
    v = visit(f"chapters/{notebook.stem}.html")
    page = v.page
    form = page.locator(f"#nkq-{quiz.name}-{question.id}")
    feedback = form.locator(".nk-quiz-feedback")
    labels = form.locator("label")
    assert labels.count() == len(order)
    for k, i in enumerate(order):  # lettered, in the shuffled order
        assert labels.nth(k).inner_text() == f"{'ABCDE'[k]}. {question.options[i].text}"

    def select_with_keys(indices: list[int]) -> None:
        # Focus the first option (as Tab would), then move with arrow keys / Tab and Space.
        for index in indices:
            form.locator("input").first.focus()
            if question.type == "single":
                for _ in range(index):
                    page.keyboard.press("ArrowDown")
                if index == 0:
                    page.keyboard.press("Space")
            else:
                for _ in range(index):
                    page.keyboard.press("Tab")
                page.keyboard.press("Space")
        checked = [form.locator("input").nth(k).is_checked() for k in range(len(order))]
        assert [k for k, on in enumerate(checked) if on] == sorted(indices)
        # Tab from the options to the check button and press Enter.
        while not page.evaluate("document.activeElement.classList.contains('nk-quiz-check')"):
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")

    select_with_keys([wrong])
    assert feedback.locator(".nk-quiz-verdict").inner_text() == "Incorrect"
    assert question.options[order[wrong]].explanation in feedback.inner_text()
    if question.type == "multiple":  # untick the wrong option again
        form.locator("input").nth(wrong).focus()
        page.keyboard.press("Space")
    select_with_keys(right)
    assert feedback.locator(".nk-quiz-verdict").inner_text() == "Correct"
    for k in right:
        assert question.options[order[k]].correct
        assert question.options[order[k]].explanation in feedback.inner_text()
    assert feedback.get_attribute("role") == "status"


def test_hostile_quiz_text_is_shown_not_run(browser, server, tmp_path):
    from nk_course.quiz import load_quiz, quiz_html

    path = tmp_path / "hostile.yml"
    path.write_text(
        "chapter: 1\ntitle: T\nquestions:\n  - id: h\n    type: single\n"
        "    objectives: [1]\n    asks: evidence\n"
        "    prompt: \"<script>window.pwned=1</script><img src=x onerror='window.pwned=2'>\"\n"
        "    options:\n"
        '      - {text: "<b>bold?</b>", correct: true, explanation: "<script>window.pwned=3</script>"}\n'
        '      - {text: "no", correct: false, explanation: "plain"}\n',
        encoding="utf-8",
    )
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "search.html")
    page.evaluate(
        "html => { document.querySelector('main, body').insertAdjacentHTML('beforeend', html); }",
        quiz_html(load_quiz(path)),
    )
    page.add_script_tag(path=str(ROOT / "assets" / "static" / "nk-quiz.js"))
    page.locator("#nkq-hostile-h input[data-correct='true']").check()
    page.locator("#nkq-hostile-h button").click()
    assert page.evaluate("window.pwned") is None
    assert "<script>window.pwned=1</script>" in page.locator("#nkq-hostile-h legend").inner_text()
    assert (
        "<script>window.pwned=3</script>"
        in page.locator("#nkq-hostile-h .nk-quiz-feedback").inner_text()
    )
    context.close()


@pytest.mark.parametrize("page", PAGES)
def test_no_wcag_a_or_aa_violations(visit, page):
    v = visit(page)
    v.wait_for_charts(expected_charts(page))
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    if DISABLED_RULES:
        options["rules"] = {rule: {"enabled": False} for rule in DISABLED_RULES}
    results = Axe().run(v.page, options=options)
    violations = results.response["violations"]
    summary = [
        f"{x['id']} ({x['impact']}): {x['help']} — {len(x['nodes'])} nodes, e.g. {x['nodes'][0]['target']}"
        for x in violations
    ]
    assert not violations, "\n".join(summary)


def test_timeline_page_filters_with_plotly_menus(visit):
    v = visit("back/timeline.html")
    v.wait_for_charts(1)
    page = v.page
    visible = "() => document.querySelectorAll('.nk-plot .scatterlayer .trace').length"
    before = page.evaluate(visible)
    page.locator(".updatemenu-header-group").nth(1).click()
    item = page.locator(".updatemenu-item-text")
    item.filter(has_text=re.compile(r"^violence$")).last.click()
    page.wait_for_timeout(300)
    gd = "document.querySelector('.nk-plot')"
    shown = page.evaluate(f"{gd}.data.filter(t => t.visible !== false).map(t => t.name)")
    assert shown == ["violence"] and before > 1
    page.locator(".updatemenu-header-group").nth(0).click()
    item.filter(has_text=re.compile(r"^First war")).last.click()
    page.wait_for_timeout(300)
    assert page.evaluate(f"{gd}.layout.xaxis.range") == ["1988-01-01", "1994-07-01"]


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_has_binder_colab_and_download_buttons(site, notebook):
    import yaml

    url = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
    repo = urlparse(url).path.strip("/")
    html = (site / "chapters" / f"{notebook.stem}.html").read_text()
    path = f"chapters/{notebook.name}"
    assert f"https://mybinder.org/v2/gh/{repo}/main?urlpath=lab/tree/{path}" in html
    assert f"https://colab.research.google.com/github/{repo}/blob/main/{path}" in html
    assert f"_sources/chapters/{notebook.name}" in html  # the notebook download


#: Each page with a territorial map, and shaded areas its map must draw and name on hover.
SEVEN = ["Kalbajar (Karvachar) district", "Lachin (Berdzor) district", "Aghdam (Akna) district"]
OBLAST = "Former Nagorno-Karabakh Autonomous Oblast (approximate)"
MAPS = {
    "intro.html": [*SEVEN, OBLAST, "Lachin corridor (approximate)"],
    "chapters/ch01-land-peoples-empires.html": [*SEVEN, OBLAST, "Lachin corridor (approximate)"],
    "chapters/ch02-first-war.html": [*SEVEN, OBLAST, "Fuzuli (Varanda) district"],
    "chapters/ch03-frozen-conflict.html": [*SEVEN, OBLAST, "Zangilan (Kovsakan) district"],
    "chapters/ch04-war-2020.html": [*SEVEN, "Jabrayil (Jrakan) district"],
    "chapters/ch05-settlement.html": [
        *SEVEN,
        "Area left to the Karabakh Armenian authorities and Russian peacekeepers (approximate)",
        "Lachin corridor (approximate)",
    ],
    "chapters/ch07-september-2023.html": [
        "Held by the Karabakh Armenian authorities until 19-20 September 2023 (approximate)"
    ],
}
AREAS_JS = """() => [...document.querySelectorAll('.nk-plot')].map(gd => ({
  names: gd.data.filter(t => t.hoveron === 'fills' && t.visible !== false).map(t => t.name),
  fills: [...gd.querySelectorAll('.scatterlayer .trace path.js-fill')]
           .filter(p => (p.getAttribute('d') || '').length > 20).length,
}))"""


@pytest.mark.parametrize("page", list(MAPS))
def test_map_draws_and_names_its_district_polygons(visit, page):
    v = visit(page)
    v.wait_for_charts(expected_charts(page))
    maps = [m for m in v.page.evaluate(AREAS_JS) if m["names"]]
    assert maps, f"{page}: no map with shaded areas"
    names = " | ".join(n for m in maps for n in m["names"])
    for expected in MAPS[page]:
        assert expected in names, f"{page}: {expected!r} not drawn"
    for m in maps:  # every shaded area shown is drawn as a filled path
        assert m["fills"] >= len(m["names"]), m
