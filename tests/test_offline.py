"""`make offline`: the zip of the book works when unzipped and opened from disk (file://).

Headless Chromium opens the unzipped copy with every non-file request aborted and recorded:
the redirect, every chapter's charts and quiz, the download links, and search with snippets.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from quiz_positions import answer_positions

from chapters import CHAPTERS
from nk_course.quiz import load_quiz
from nk_course.quiz.order import shown_orders
from nk_course.site.offline import FOLDER, make_offline


@pytest.fixture(scope="module")
def offline(site, tmp_path_factory) -> Path:
    """The zip made from the built site, unzipped; yields the book's folder."""
    target = tmp_path_factory.mktemp("offline")
    archive = make_offline(site, target / "book.zip")
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert {n.split("/", 1)[0] for n in names} == {FOLDER}, "one top folder"
        zf.extractall(target / "unzipped")
    book = target / "unzipped" / FOLDER
    # Every file of the site is in the copy.
    built = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    copied = {p.relative_to(book).as_posix() for p in book.rglob("*") if p.is_file()}
    assert built - {".buildinfo"} <= copied
    return book


@pytest.fixture
def open_local(browser):
    """Open a file:// page; any other request is aborted and recorded."""
    contexts = []

    def _open(path: Path, query: str = ""):
        context = browser.new_context()
        contexts.append(context)
        record = {"foreign": [], "errors": []}
        context.route(
            re.compile(r"^(?!file:|data:|blob:|about:).*"),
            lambda route: (record["foreign"].append(route.request.url), route.abort()),
        )
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and record["errors"].append(m.text))
        page.on("pageerror", lambda e: record["errors"].append(str(e)))
        page.goto(path.as_uri() + query, wait_until="load")
        return page, record

    yield _open
    for context in contexts:
        context.close()


def chart_cells(notebook: Path) -> int:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(
        "".join(c["source"]).count("show_figure(") for c in cells if c["cell_type"] == "code"
    )


def test_offline_copy_opens_at_the_welcome_page(offline, open_local):
    page, record = open_local(offline / "index.html")
    page.wait_for_url("**/intro.html")
    assert (offline / "README.txt").read_text().startswith("Nagorno-Karabakh")
    assert record == {"foreign": [], "errors": []}


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_offline_chapter_draws_charts_marks_quiz_and_links_downloads(offline, open_local, notebook):
    page_file = offline / "chapters" / f"{notebook.stem}.html"
    page, record = open_local(page_file)
    charts = chart_cells(notebook)
    assert charts >= 3
    for i in range(page.locator(".nk-plot").count()):  # drawn as the reader comes to them
        page.locator(".nk-plot").nth(i).scroll_into_view_if_needed()
        page.locator(".nk-plot").nth(i).hover()
    page.wait_for_function(
        "n => document.querySelectorAll('.nk-plot[data-nk-drawn=\"1\"] .main-svg').length >= n",
        arg=charts,
        timeout=30000,
    )
    assert page.locator(".nk-plot").count() == charts
    # The quiz, answered with the mouse at the shown positions: a wrong option, then the right.
    quiz = load_quiz(notebook.name[:4])
    question = quiz.questions[0]
    order = shown_orders(quiz)[0]  # authoring index of the option at each shown position
    rights, wrong = answer_positions(question, order)  # all right positions, if several
    form = page.locator(f"#nkq-{quiz.name}-{question.id}")
    verdict = form.locator(".nk-quiz-feedback .nk-quiz-verdict")
    form.locator("label").nth(wrong).click()
    form.locator("button.nk-quiz-check").click()
    assert verdict.inner_text() == "Incorrect"
    if question.type == "multiple":  # untick the wrong box, then tick every right one
        form.locator("label").nth(wrong).click()
    for right in rights:
        form.locator("label").nth(right).click()
    form.locator("button.nk-quiz-check").click()
    assert verdict.inner_text() == "Correct"
    # Downloads (the notebook, the page source, data tables) are files in the copy.
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    local = [unquote(urlparse(h).path) for h in hrefs if h.startswith("file:")]
    missing = sorted({p for p in local if not Path(p).exists()})
    assert missing == [], f"links to files missing from the offline copy: {missing}"
    assert any(p.endswith(f"_sources/chapters/{notebook.name}") for p in local)
    assert any(p.endswith(".csv") for p in local), "a chart links its data table"
    assert record == {"foreign": [], "errors": []}


def test_offline_search_lists_hits_with_snippets(offline, open_local):
    page, record = open_local(offline / "search.html", "?q=Lachin")
    page.wait_for_function(
        "document.querySelector('#search-results p.search-summary')?.textContent.includes('finished')",
        timeout=30000,
    )
    hits = page.locator("#search-results ul.search > li")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#search-results ul.search > li')]"
        ".every(li => li.querySelector('p.context'))",
        timeout=30000,
    )
    snippets = hits.locator("p.context").all_inner_texts()
    assert hits.count() >= 5 and len(snippets) == hits.count()
    assert all(s.strip() for s in snippets)
    assert sum("lachin" in s.lower() for s in snippets) >= hits.count() // 2, snippets
    assert record == {"foreign": [], "errors": []}
