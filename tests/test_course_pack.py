"""The instructor's course pack (course/*.yml, back/course-pack.ipynb): outcomes cover every
chapter objective, every schedule covers every chapter with headings, questions and exercises
that exist, the assessment points at a real primary source, and the further reading is balanced
or says where it is not. Broken files fail naming the file, the entry and the problem."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from nk_course.bibliography import bib_keys
from nk_course.chapter_outline import chapter_headings
from nk_course.course_pack import (
    SCHEDULE_LENGTHS,
    ChapterFacts,
    CoursePackError,
    book_chapters,
    load_assessment,
    load_course_pack,
    load_outcomes,
    load_reading,
    load_schedules,
    reference_html,
    unmapped_objectives,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def pack():
    return load_course_pack(ROOT)


def test_outcomes_are_five_to_seven_and_map_every_chapter_objective(pack):
    assert 5 <= len(pack.outcomes) <= 7
    assert len(pack.chapters) == 8
    assert unmapped_objectives(pack.outcomes, pack.chapters) == []
    # Every outcome draws on at least two chapters, so it is a course outcome, not a chapter's.
    assert all(len(o.objectives) >= 2 for o in pack.outcomes)


def test_schedules_have_1_4_8_and_12_sessions_and_cover_every_chapter(pack):
    assert sorted(len(s.sessions) for s in pack.schedules) == list(SCHEDULE_LENGTHS)
    for schedule in pack.schedules:
        assert schedule.chapters() == set(pack.chapters), schedule.id
        for session in schedule.sessions:
            assert session.activities and session.homework


def test_every_section_a_schedule_assigns_is_a_heading_of_its_chapter(pack):
    checked = 0
    for schedule in pack.schedules:
        for session in schedule.sessions:
            for reading in session.read:
                headings = chapter_headings(reading.chapter, ROOT)
                for heading in reading.sections or ():
                    assert heading in headings, (schedule.id, reading.chapter, heading)
                    checked += 1
    assert checked >= 40


def test_activities_draw_on_every_kind_the_book_offers(pack):
    kinds = {a.kind for s in pack.schedules for session in s.sessions for a in session.activities}
    assert kinds == {"discussion", "primary-source", "try-it", "quiz", "perspectives"}


def test_assessment_has_three_or_four_essays_a_full_rubric_and_a_book_source(pack):
    a = pack.assessment
    assert 3 <= len(a.essays) <= 4
    assert all(len(e.chapters) >= 2 for e in a.essays)
    assert len(a.levels) == 4 and len(a.criteria) >= 4
    assert all(len(d) == len(a.levels) for _, d in a.criteria)
    assert a.document in chapter_headings(a.chapter, ROOT)
    assert a.document.startswith("Primary source")
    assert len(a.expected) >= 5 and len(a.tasks) >= 3


def test_further_reading_reuses_the_bibliography_and_is_balanced_or_says_why_not(pack):
    keys = bib_keys(ROOT / "references.bib")
    assert [r.chapter for r in pack.reading] == sorted(pack.chapters)
    for item in pack.reading:
        assert len(item.works) <= 4
        assert all(w.key in keys for w in item.works)
        sides = {w.perspective for w in item.works}
        if len(item.works) < 2 or not {"armenian", "azerbaijani"} <= sides:
            assert item.gap, item.chapter
    sides = {w.perspective for item in pack.reading for w in item.works}
    assert sides == {"armenian", "azerbaijani", "international"}


def test_a_reference_is_printed_in_full_from_references_bib():
    html = reference_html("hasanli2018sovietization")
    assert html.startswith("Jamil Hasanli (2018). <em>The Sovietization of Azerbaijan")
    assert "University of Utah Press" in html
    assert "1920–1922" in html  # the BibTeX "--" decoded
    french = reference_html("unsc1993res822fr")  # LaTeX accents, as the .bib stores them
    assert "“Résolution 822 (1993), adoptée par le Conseil de sécurité à sa 3205e" in french
    assert "français" in french and "\\" not in french and "{" not in french


# --- Broken files fail with the file, the entry and the problem -------------------------------


@pytest.fixture(scope="module")
def chapters():
    return book_chapters(ROOT)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_an_objective_that_does_not_exist_is_named(tmp_path, chapters):
    path = write(
        tmp_path,
        "outcomes.yml",
        """\
        outcomes:
          - {id: C1, text: "Explain.", objectives: {2: [1, 9]}}
        """,
    )
    with pytest.raises(
        CoursePackError, match=r"outcomes.yml: outcome C1: chapter 2 has no objective 9"
    ):
        load_outcomes(path, chapters)


def test_a_missing_heading_or_question_in_a_schedule_is_named(tmp_path, chapters):
    session = """\
        schedules:
          - id: short
            title: "Short"
            sessions: 1
            use: "Test."
            plan:
              - title: "One"
                read: [{{chapter: 3, sections: [{section}]}}]
                activities: [{activity}]
                homework: "Read."
        """
    good_activity = '{kind: quiz, chapter: 3, text: "Quiz."}'
    path = write(
        tmp_path,
        "schedules.yml",
        session.format(section='"Why did talks fail for 27 years?"', activity=good_activity),
    )
    with pytest.raises(
        CoursePackError,
        match=r"schedule short, session 1, reading 1: section 'Why did talks fail for 27 years\?' "
        r"is not a heading of chapter 3",
    ):
        load_schedules(path, chapters)
    path = write(
        tmp_path,
        "schedules.yml",
        session.format(
            section='"Why did talks fail for 26 years?"',
            activity='{kind: discussion, chapter: 3, items: [40], text: "Talk."}',
        ),
    )
    with pytest.raises(
        CoursePackError, match=r"activity 1: chapter 3 has no discussion question 40"
    ):
        load_schedules(path, chapters)
    path = write(
        tmp_path,
        "schedules.yml",
        session.format(
            section='"Why did talks fail for 26 years?"',
            activity='{kind: try-it, chapter: 3, items: [7], text: "Code."}',
        ),
    )
    with pytest.raises(CoursePackError, match=r"chapter 3 has no Try it exercise 7"):
        load_schedules(path, chapters)
    path = write(
        tmp_path,
        "schedules.yml",
        session.format(
            section='"Why did talks fail for 26 years?"', activity=good_activity
        ).replace("sessions: 1", "sessions: 4"),
    )
    with pytest.raises(CoursePackError, match=r"schedule short: says 4 sessions but plans 1"):
        load_schedules(path, chapters)


def test_a_rubric_row_with_the_wrong_number_of_levels_is_named(tmp_path, chapters):
    path = write(
        tmp_path,
        "assessment.yml",
        """\
        essays: [{prompt: "Why?", chapters: [1, 2]}]
        essay_length: "2,000 words"
        rubric:
          levels: [A, B, C, D]
          criteria:
            - {name: Argument, descriptors: [a, b, c]}
        source_analysis: {chapter: 5, document: x, length: y, tasks: [t], expected: []}
        """,
    )
    with pytest.raises(
        CoursePackError, match=r"rubric criterion 'Argument': 3 descriptors for 4 levels"
    ):
        load_assessment(path, chapters)


def test_a_source_analysis_on_a_document_the_book_lacks_is_named(tmp_path, chapters):
    path = write(
        tmp_path,
        "assessment.yml",
        """\
        essays: [{prompt: "Why?", chapters: [1, 2]}]
        essay_length: "2,000 words"
        rubric: {levels: [A], criteria: [{name: Argument, descriptors: [a]}]}
        source_analysis:
          chapter: 5
          document: "Primary source: the Treaty of Nowhere"
          length: "1,000 words"
          tasks: [t]
          expected: [{point: p, sections: ["Did the statement work?"]}]
        """,
    )
    with pytest.raises(
        CoursePackError,
        match=r"'Primary source: the Treaty of Nowhere' is not a heading of chapter 5",
    ):
        load_assessment(path, chapters)


def test_reading_with_an_unknown_key_or_an_unexplained_imbalance_is_named(tmp_path, chapters):
    path = write(
        tmp_path,
        "reading.yml",
        """\
        chapters:
          3:
            works:
              - {key: invented2099book, perspective: armenian, note: "A book."}
        """,
    )
    with pytest.raises(
        CoursePackError, match=r"chapter 3, work 1: 'invented2099book' is not a key"
    ):
        load_reading(path, chapters, bib=bib_keys())
    path = write(
        tmp_path,
        "reading.yml",
        """\
        chapters:
          3:
            works:
              - {key: broers2019armenia, perspective: international, note: "A book."}
              - {key: shirinyan2016status, perspective: armenian, note: "An article."}
        """,
    )
    with pytest.raises(
        CoursePackError, match=r"chapter 3: needs two works or more, with Armenian and Azerbaijani"
    ):
        load_reading(path, chapters, bib=bib_keys())


def test_facts_are_read_from_the_notebook_markdown():
    markdown = textwrap.dedent("""\
        # A chapter

        ## Learning objectives

        1. **Explain** one thing.
        2. **Compare** two things.

        ## Why?

        Text.

        ## Primary source: a decree

        > "1. Quoted, not a question."

        **Questions**

        1. First?
        2. Second?

        ## Try it

        ### Exercise 1: Count it

        ## Discussion questions

        1. Discuss?
        """)
    facts = ChapterFacts.from_markdown(9, "ch09-x", markdown)
    assert facts.title == "A chapter"
    assert len(facts.objectives) == 2
    assert facts.primary_heading == "Primary source: a decree"
    assert facts.primary_questions == ("First?", "Second?")
    assert facts.discussion == ("Discuss?",)
    assert facts.exercises == {1: "Exercise 1: Count it"}


# --- The built page ----------------------------------------------------------------------------


def test_course_pack_page_renders_every_part_and_its_links_resolve(site, pack):
    html = (site / "back" / "course-pack.html").read_text(encoding="utf-8")
    for heading in (
        "Course outcomes",
        "Schedules",
        "Final assessment",
        "Further reading",
        "Printable handouts",
    ):
        assert f'{heading}<a class="headerlink"' in html, heading
    for schedule in pack.schedules:
        table = html.split(f'id="schedule-{schedule.id}"')[1].split("</table>")[0]
        assert table.count("<tr>") == len(schedule.sessions) + 1, schedule.id  # + header row
    assert html.count("nk-course-outcomes") == 1
    # Tables and text only: no chart, and no script beyond the instructor guide's own.
    guide = (site / "back" / "instructor-guide.html").read_text(encoding="utf-8")
    assert "nk-plot" not in html and html.count("<script") <= guide.count("<script")
    # Every link into a chapter lands on an element with that id.
    links = set(re.findall(r'href="\.\./chapters/(ch\d\d-[\w-]+)\.html#([\w-]+)"', html))
    assert len(links) >= 60
    pages: dict[str, str] = {}
    for page, anchor in sorted(links):
        text = pages.setdefault(page, (site / "chapters" / f"{page}.html").read_text("utf-8"))
        assert f'id="{anchor}"' in text, (page, anchor)
    for item in pack.reading:
        for work in item.works:
            assert reference_html(work.key).split(" (")[0] in html
    assert html.count("nk-reading-gap") == sum(1 for r in pack.reading if r.gap)
