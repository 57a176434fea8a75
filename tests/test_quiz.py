"""Quiz definitions: checked strictly, escaped everywhere, and marked right by the live widgets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from nk_course.quiz import QuizDisplay, QuizError, QuizWidget, load_quiz, quiz_html

ROOT = Path(__file__).resolve().parents[1]
QUIZZES = sorted((ROOT / "quizzes").glob("*.yml"))

GOOD_QUESTION = """
  - id: first
    type: single
    prompt: "Which body decided in July 1921?"
    options:
      - {text: "The Kavbiuro", correct: true, explanation: "Right."}
      - {text: "The League of Nations", correct: false, explanation: "Wrong."}
"""


def write_quiz(tmp_path: Path, questions: str, head: str = "chapter: 9\ntitle: Test\n") -> Path:
    path = tmp_path / "broken.yml"
    path.write_text(head + "questions:" + GOOD_QUESTION + questions, encoding="utf-8")
    return path


def test_there_is_a_quiz_for_every_chapter_notebook():
    chapters = sorted(p.name[:4] for p in (ROOT / "chapters").glob("ch*.ipynb"))
    assert chapters, "no chapter notebooks found"
    assert [p.stem for p in QUIZZES] == chapters


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_chapter_quiz_is_valid_and_long_enough(path):
    quiz = load_quiz(path)
    assert len(quiz.questions) >= 8
    assert quiz.chapter == int(path.stem[2:])
    for question in quiz.questions:
        assert 3 <= len(question.options) <= 5, question.id
        if question.type == "single":
            assert len(question.correct_indices) == 1
        for option in question.options:
            assert len(option.explanation) >= 20, (question.id, option.text)


@pytest.mark.parametrize(
    ("snippet", "problem"),
    [
        (
            """
  - id: two-right
    type: single
    prompt: "Q?"
    options:
      - {text: A, correct: true, explanation: x}
      - {text: B, correct: true, explanation: y}
""",
            "question 2 ('two-right'): a 'single' question needs exactly one correct option, has 2",
        ),
        (
            """
  - id: no-why
    type: single
    prompt: "Q?"
    options:
      - {text: A, correct: true, explanation: x}
      - {text: B, correct: false}
""",
            "question 2 ('no-why'), option 2: 'explanation' must be non-empty text",
        ),
        (
            """
  - id: yes-string
    type: single
    prompt: "Q?"
    options:
      - {text: A, correct: "yes", explanation: x}
      - {text: B, correct: false, explanation: y}
""",
            "question 2 ('yes-string'), option 1: 'correct' must be true or false",
        ),
        (
            """
  - id: none-right
    type: multiple
    prompt: "Q?"
    options:
      - {text: A, correct: false, explanation: x}
      - {text: B, correct: false, explanation: y}
""",
            "question 2 ('none-right'): a 'multiple' question needs at least one correct option",
        ),
        (
            """
  - id: first
    type: single
    prompt: "Again?"
    options:
      - {text: A, correct: true, explanation: x}
      - {text: B, correct: false, explanation: y}
""",
            "question 2 ('first'): id 'first' is used twice",
        ),
        (
            """
  - id: lonely
    type: single
    prompt: "Q?"
    options:
      - {text: A, correct: true, explanation: x}
""",
            "question 2 ('lonely'): needs a list of at least two options",
        ),
        (
            """
  - id: truefalse
    type: boolean
    prompt: "Q?"
    options: []
""",
            "question 2 ('truefalse'): 'type' must be one of",
        ),
        (
            """
  - id: no-prompt
    type: single
    options:
      - {text: A, correct: true, explanation: x}
      - {text: B, correct: false, explanation: y}
""",
            "question 2 ('no-prompt'): 'prompt' must be non-empty text",
        ),
    ],
)
def test_malformed_quiz_fails_naming_file_and_question(tmp_path, snippet, problem):
    with pytest.raises(QuizError) as caught:
        load_quiz(write_quiz(tmp_path, snippet))
    assert f"broken.yml: {problem}" in str(caught.value)


def test_invalid_yaml_names_the_file(tmp_path):
    path = tmp_path / "broken.yml"
    path.write_text("chapter: 1\nquestions: [\n", encoding="utf-8")
    with pytest.raises(QuizError, match=r"broken.yml: not valid YAML"):
        load_quiz(path)


def test_missing_quiz_names_the_path():
    with pytest.raises(QuizError, match=r"ch99.yml: quiz file not found"):
        load_quiz("ch99")


HOSTILE = """
  - id: hostile
    type: single
    prompt: "What does <script>alert('x')</script> do here?"
    options:
      - {text: "<b>Nothing</b>", correct: true, explanation: "It is shown as <i>text</i>."}
      - {text: "<img src=x onerror=alert(1)>", correct: false, explanation: "No </p> tricks."}
"""


def test_html_in_a_definition_is_escaped_in_the_static_quiz(tmp_path):
    html = quiz_html(load_quiz(write_quiz(tmp_path, HOSTILE)))
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "It is shown as &lt;i&gt;text&lt;/i&gt;." in html


def test_html_in_a_definition_is_escaped_in_the_live_quiz(tmp_path):
    live = QuizWidget(load_quiz(write_quiz(tmp_path, HOSTILE)))
    hostile = live.questions[1]
    assert "&lt;script&gt;" in hostile.box.children[0].value
    assert "<script>" not in hostile.box.children[0].value
    hostile.choose({0})
    assert hostile.check() == "Correct"
    assert "It is shown as &lt;i&gt;text&lt;/i&gt;." in hostile.feedback.value


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_live_quiz_marks_right_and_wrong_answers(path):
    quiz = load_quiz(path)
    live = QuizWidget(quiz)
    for widget, question in zip(live.questions, quiz.questions, strict=True):
        right = sorted(question.correct_indices)
        wrong = next(i for i in range(len(question.options)) if i not in question.correct_indices)
        widget.choose({wrong})
        widget.button.click()  # the same handler a learner's click runs
        assert widget.feedback.value.startswith("<p><strong>Incorrect</strong></p>")
        assert question.options[wrong].explanation.replace("'", "&#x27;") in widget.feedback.value
        widget.choose(set(right))
        widget.button.click()
        assert widget.feedback.value.startswith("<p><strong>Correct</strong></p>")


def test_live_quiz_asks_for_an_answer_before_marking():
    live = QuizWidget(load_quiz(QUIZZES[0]))
    assert live.questions[0].check() is None
    assert "Choose an answer first." in live.questions[0].feedback.value


def test_quiz_output_offers_the_widget_and_the_static_html():
    bundle = QuizDisplay(load_quiz(QUIZZES[0]))._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"].startswith('<section class="nk-quiz"')


def test_answer_key_lists_exactly_the_right_options(tmp_path):
    from nk_course.quiz import answer_key_html

    for path in QUIZZES:
        quiz = load_quiz(path)
        html = answer_key_html(quiz)
        assert html.count("<li id=") == len(quiz.questions)
        for question in quiz.questions:
            for i, option in enumerate(question.options):
                shown = f"<strong>{escape_text(option.text)}</strong>" in html
                assert shown == (i in question.correct_indices), (question.id, option.text)
    hostile = answer_key_html(load_quiz(write_quiz(tmp_path, HOSTILE)))
    assert "<script>" not in hostile and "&lt;b&gt;Nothing&lt;/b&gt;" in hostile


def escape_text(text: str) -> str:
    from html import escape

    return escape(text)


def test_quiz_output_names_the_live_widget_it_shows(monkeypatch):
    display = QuizDisplay(load_quiz(QUIZZES[0]))
    view = display._repr_mimebundle_()["application/vnd.jupyter.widget-view+json"]
    assert view == {"version_major": 2, "version_minor": 0, "model_id": display.widget.box.model_id}
    # Colab does not load the book's quiz script, so it gets only the live widget.
    monkeypatch.setitem(sys.modules, "google.colab", object())
    assert "text/html" not in QuizDisplay(load_quiz(QUIZZES[0]))._repr_mimebundle_()
