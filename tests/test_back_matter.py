"""Back-matter pages built from the data: the timeline's menus, the tables' escaping and links."""

from __future__ import annotations

from nk_course import load_table
from nk_course.tables import Html, chapter_link, chapter_pages, html_table
from nk_course.timeline import PERIODS, timeline_figure


def test_timeline_menus_filter_by_period_and_category():
    timeline = load_table("timeline")
    fig = timeline_figure(timeline, "t")
    categories = [trace.name for trace in fig.data]
    assert sum(len(trace.x) for trace in fig.data) == len(timeline)
    period_menu, category_menu = fig.layout.updatemenus
    assert [b.label for b in period_menu.buttons] == [p[0] for p in PERIODS]
    assert period_menu.buttons[3].args[0]["xaxis.range"] == ["1988-01-01", "1994-07-01"]
    assert category_menu.buttons[0].args[0]["visible"] == [True] * len(categories)
    war = next(b for b in category_menu.buttons if b.label == "war")
    assert war.args[0]["visible"] == [c == "war" for c in categories]


def test_html_table_escapes_cells_but_keeps_package_links():
    out = html_table("Cap <i>", ["A"], [["<script>x</script>"], [Html('<a href="y">y</a>')]])
    html = out._repr_html_()
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert '<a href="y">y</a>' in html
    assert "<caption>Cap &lt;i&gt;</caption>" in html
    assert '<th scope="col">A</th>' in html


def test_chapter_links_point_at_written_chapters():
    pages = chapter_pages()
    assert pages[1] == "ch01-land-peoples-empires"
    assert chapter_link(1, pages).markup == (
        '<a href="../chapters/ch01-land-peoples-empires.html">Chapter 1</a>'
    )
    assert chapter_link(99, pages) == "Chapter 99 (forthcoming)"


def test_instructor_guide_covers_every_chapter(site):
    import re
    from pathlib import Path

    from nk_course.quiz import load_quiz
    from nk_course.quiz.order import in_shown_order, right_letters

    root = Path(__file__).resolve().parents[1]
    text = (root / "back" / "instructor-guide.md").read_text(encoding="utf-8")
    sections = re.split(r"(?m)^## Chapter (\d+):", text)[1:]
    numbers = [int(n) for n in sections[0::2]]
    assert numbers == sorted(chapter_pages())
    for number, body in zip(numbers, sections[1::2], strict=True):
        for heading in (
            "### Lesson plan (50 minutes)",
            "### Discussion prompts",
            "### Assignment",
            "### Marking rubric",
            "### Quiz answer key and answer notes",
        ):
            assert heading in body, (number, heading)
        assert f"(answers-ch{number:02d}.ipynb)" in body, f"chapter {number}: no link to its answers"
        plan = body.split("### Lesson plan (50 minutes)")[1].split("###")[0]
        minutes = [int(m) for m in re.findall(r"(?m)^\|\s*(\d+)\s*(?:min)?[^|]*\|", plan)]
        durations = minutes if sum(minutes) == 50 else []
        if not durations:  # plans that give ranges such as "0-5" list start-end minutes
            spans = re.findall(r"(?m)^\|\s*(\d+)\s*[–-]\s*(\d+)", plan)
            durations = [int(b) - int(a) for a, b in spans]
        assert sum(durations) == 50, (number, minutes)
    guide = (site / "back" / "instructor-guide.html").read_text(encoding="utf-8")
    assert 'id="key-' not in guide, "the answer keys belong on the chapters' answers pages"
    for number in numbers:
        quiz = load_quiz(f"ch{number:02d}")
        assert f'href="answers-ch{number:02d}.html"' in guide, number
        # Each chapter's answers page carries its own key and notes, and no other chapter's.
        html = (site / "back" / f"answers-ch{number:02d}.html").read_text(encoding="utf-8")
        assert html.count('id="key-') == html.count(f'id="key-{quiz.name}-')
        assert html.count(f'id="key-{quiz.name}-') == len(quiz.questions)
        # The key names each right option by the letter students see in the shuffled quiz.
        for question in in_shown_order(quiz).questions:
            item = html.split(f'id="key-{quiz.name}-{question.id}"')[1].split('id="key-')[0]
            assert f"Answer: {right_letters(question)}</span>" in item, question.id
        assert f"Answer notes, chapter {number}" in html


def test_timeline_dates_read_as_written_and_the_last_period_reaches_the_latest_event():
    from nk_course.timeline import describe_dates

    timeline = load_table("timeline")
    dates = dict(zip(timeline["id"], describe_dates(timeline), strict=True))
    assert dates["kavbiuro-1921-07-05"] == "5 July 1921"
    assert dates["vote-1988-02-20"] == "20 February 1988"
    assert dates["sovietisation-azerbaijan-1920-04"] == "April 1920"
    latest = timeline["date"].max().strftime("%Y-%m-%d")
    assert PERIODS[0][2] > latest and PERIODS[-1][2] > latest
