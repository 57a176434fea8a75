"""Answer notes for instructors: checked strictly, shown on the instructors' answers pages only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chapters import CHAPTERS
from nk_course.quiz.notes import (
    NotesError,
    chapter_notes,
    load_notes,
    notes_html,
    notes_path,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "fixtures" / "notes" / "ch01.yml"
NUMBERS = [int(p.name[2:4]) for p in CHAPTERS]


def test_example_notes_load_with_sections_and_sources_checked():
    notes = load_notes(EXAMPLE)
    assert notes.chapter == 1 and len(notes.notes) == 2
    first, second = notes.notes
    assert first.kind == "primary-source" and second.kind == "discussion"
    assert first.sections == ("Primary source: the Kavbiuro decision of 5 July 1921",)
    assert second.sources == ("saparov2012why", "insightkarabakh2020minutes")
    assert len(first.points) == 2


def test_example_notes_render_grouped_with_sources_and_escaped():
    html = notes_html(load_notes(EXAMPLE))
    primary, discussion = html.split("<strong>Discussion questions</strong>")
    assert "<strong>Primary-source questions</strong>" in primary
    assert "What reasons does the decision itself give?" in primary
    assert "It attributes each reading" in discussion
    assert (
        "Sections: “Why was Karabakh placed inside Soviet Azerbaijan in 1921?”; “Perspectives”; "
        "sources: Saparov (2012); Insight Karabakh (2020)</p>" in discussion
    )
    assert "&lt;autonomy&gt;" in discussion and "<autonomy>" not in html


def test_a_chapter_without_notes_renders_a_placeholder(tmp_path):
    assert chapter_notes(1, root=tmp_path) is None
    assert "No answer notes for this chapter yet." in notes_html(None)


GOOD_NOTE = """
  - kind: discussion
    question: "Q?"
    sections: ["Perspectives"]
    sources: [saparov2012why]
    points: ["A point."]
"""


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("chapter: 2\nnotes:" + GOOD_NOTE, "ch01.yml: 'chapter' is 2, the file name says 01"),
        ("chapter: 1\nnotes: []\n", "ch01.yml: 'notes' must be a non-empty list"),
        ("chapter: 1\n", "ch01.yml: must be a mapping with exactly 'chapter' and 'notes'"),
        ("chapter: 1\nnotes: [\n", "ch01.yml: not valid YAML"),
        (
            "chapter: 1\nnotes:" + GOOD_NOTE.replace("discussion", "essay"),
            "ch01.yml: note 1: 'kind' must be one of ('primary-source', 'discussion'), not 'essay'",
        ),
        (
            "chapter: 1\nnotes:" + GOOD_NOTE + GOOD_NOTE.replace("[saparov2012why]", "[nobody1999]")
            .replace("Q?", "Another?"),
            "ch01.yml: note 2: source 'nobody1999' is not a key in references.bib",
        ),
        (
            "chapter: 1\nnotes:" + GOOD_NOTE.replace('["Perspectives"]', '["Epilogue"]'),
            "ch01.yml: note 1: section 'Epilogue' is not a heading of the chapter",
        ),
        (
            "chapter: 1\nnotes:" + GOOD_NOTE.replace('points: ["A point."]', "points: []"),
            "ch01.yml: note 1: 'points' must be a non-empty list of non-empty texts",
        ),
        (
            "chapter: 1\nnotes:" + GOOD_NOTE.replace('    points: ["A point."]\n', ""),
            "ch01.yml: note 1: missing 'points'",
        ),
        (
            "chapter: 1\nnotes:" + GOOD_NOTE.replace("kind:", "answer: x\n    kind:"),
            "ch01.yml: note 1: unknown keys ['answer']",
        ),
        (
            "chapter: 1\nnotes:" + GOOD_NOTE + GOOD_NOTE,
            "ch01.yml: note 2: the same question as an earlier note",
        ),
        (
            "chapter: 1\nnotes:" + GOOD_NOTE.replace('question: "Q?"', "question: 3"),
            "ch01.yml: note 1: 'question' must be non-empty text",
        ),
    ],
)
def test_bad_notes_fail_naming_file_note_and_problem(tmp_path, body, problem):
    path = tmp_path / "ch01.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(NotesError) as caught:
        load_notes(path)
    assert problem in str(caught.value)


def test_notes_are_found_in_quizzes_notes(tmp_path):
    (tmp_path / "quizzes" / "notes").mkdir(parents=True)
    shutil.copy(EXAMPLE, notes_path(1, tmp_path))
    assert notes_path(1, tmp_path) == tmp_path / "quizzes" / "notes" / "ch01.yml"
    assert chapter_notes(1, root=tmp_path).notes == load_notes(EXAMPLE).notes


@pytest.mark.parametrize("number", NUMBERS, ids=lambda n: f"ch{n:02d}")
def test_every_chapter_has_valid_answer_notes(number):
    """Fails until quizzes/notes/chNN.yml is written for every chapter (issue 13)."""
    path = notes_path(number)
    assert path.exists(), f"no answer notes: {path.relative_to(ROOT)}"
    notes = load_notes(path)
    kinds = {note.kind for note in notes.notes}
    assert kinds == {"primary-source", "discussion"}, kinds


def test_notes_are_on_the_answers_pages_and_not_in_student_pages(site):
    pages = {n: (site / "back" / f"answers-ch{n:02d}.html").read_text("utf-8") for n in NUMBERS}
    for number, page in pages.items():
        assert f"Answer notes, chapter {number}" in page
        assert page.count('class="nk-answer-notes"') == 1, number
    guide = "".join(pages.values())
    student = "".join(p.read_text(encoding="utf-8") for p in (site / "chapters").glob("*.html"))
    assert 'class="nk-answer-notes"' not in student
    for number in NUMBERS:
        notes = chapter_notes(number)
        for note in notes.notes if notes else ():
            assert notes_html(notes) in guide
            for point in note.points:
                assert escape(point) not in student, (number, point)


def escape(text: str) -> str:
    from html import escape as html_escape

    return html_escape(text)
