"""Quiz definitions: checked strictly, escaped everywhere, and marked right by the live widgets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from nk_course.quiz import QuizDisplay, QuizError, QuizWidget, load_quiz, quiz_html
from nk_course.quiz.order import in_shown_order, shown_orders

ROOT = Path(__file__).resolve().parents[1]
QUIZZES = sorted((ROOT / "quizzes").glob("*.yml"))

GOOD_QUESTION = """
  - id: first
    type: single
    objectives: [2]
    asks: recall
    prompt: "Which body decided in July 1921?"
    options:
      - {text: "The Kavbiuro", correct: true, explanation: "Right."}
      - {text: "The League of Nations", correct: false, explanation: "Wrong."}
"""


def write_quiz(tmp_path: Path, questions: str, head: str = "chapter: 1\ntitle: Test\n") -> Path:
    path = tmp_path / "broken.yml"
    path.write_text(head + "questions:" + GOOD_QUESTION + questions, encoding="utf-8")
    return path


def test_there_is_a_quiz_for_every_chapter_notebook():
    chapters = sorted(p.name[:4] for p in (ROOT / "chapters").glob("ch*.ipynb"))
    assert chapters, "no chapter notebooks found"
    assert [p.stem for p in QUIZZES] == chapters


def draft(path: Path):
    """A real quiz read without its objectives checked: for tests of how quizzes are shown,
    which must not depend on the content (test_chapter_quiz_is_valid... checks that)."""
    return load_quiz(path, check=False)


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_chapter_quiz_is_valid_and_long_enough(path):
    quiz = load_quiz(path)  # objectives and asks required, objectives checked against the chapter
    assert len(quiz.questions) >= 8
    assert quiz.chapter == int(path.stem[2:])
    for question in quiz.questions:
        assert question.objectives and question.asks, question.id
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
        (
            """
  - id: no-objective
    type: single
    asks: cause
    prompt: "Q?"
    options:
      - {text: A, correct: true, explanation: x}
      - {text: B, correct: false, explanation: y}
""",
            "question 2 ('no-objective'): 'objectives' is missing",
        ),
        (
            """
  - id: empty-objectives
    type: single
    objectives: []
    asks: cause
    prompt: "Q?"
    options:
      - {text: A, correct: true, explanation: x}
      - {text: B, correct: false, explanation: y}
""",
            "question 2 ('empty-objectives'): 'objectives' must name at least one objective",
        ),
        (
            """
  - id: no-aim
    type: single
    objectives: [1]
    prompt: "Q?"
    options:
      - {text: A, correct: true, explanation: x}
      - {text: B, correct: false, explanation: y}
""",
            "question 2 ('no-aim'): 'asks' is missing",
        ),
        (
            """
  - id: odd-aim
    type: single
    objectives: [1]
    asks: trivia
    prompt: "Q?"
    options:
      - {text: A, correct: true, explanation: x}
      - {text: B, correct: false, explanation: y}
""",
            "question 2 ('odd-aim'): 'asks' must be one of",
        ),
        (
            """
  - id: word-objective
    type: single
    objectives: [first]
    asks: cause
    prompt: "Q?"
    options:
      - {text: A, correct: true, explanation: x}
      - {text: B, correct: false, explanation: y}
""",
            "question 2 ('word-objective'): 'objectives' must be a list of objective numbers",
        ),
        (
            """
  - id: beyond
    type: single
    objectives: [1, 7]
    asks: cause
    prompt: "Q?"
    options:
      - {text: A, correct: true, explanation: x}
      - {text: B, correct: false, explanation: y}
""",
            "question 2 ('beyond'): objective 7 is not one of chapter 1's 4 learning objectives",
        ),
    ],
)
def test_malformed_quiz_fails_naming_file_and_question(tmp_path, snippet, problem):
    with pytest.raises(QuizError) as caught:
        load_quiz(write_quiz(tmp_path, snippet))
    assert f"broken.yml: {problem}" in str(caught.value)


def test_objectives_are_checked_against_the_given_list(tmp_path):
    path = write_quiz(tmp_path, "")
    assert load_quiz(path, ["one", "two"]).questions[0].objectives == (2,)
    with pytest.raises(QuizError, match=r"broken.yml: question 1 \('first'\): objective 2 is not"):
        load_quiz(path, ["only one"])


def test_a_chapter_without_a_notebook_cannot_be_checked(tmp_path):
    path = write_quiz(tmp_path, "", head="chapter: 99\ntitle: Test\n")
    with pytest.raises(QuizError, match=r"broken.yml: cannot check objectives: chapter 99: no "):
        load_quiz(path)
    assert load_quiz(path, check=False).chapter == 99


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
    objectives: [1]
    asks: evidence
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
    quiz = load_quiz(write_quiz(tmp_path, HOSTILE))
    live = QuizWidget(quiz)
    hostile = live.questions[1]
    assert "&lt;script&gt;" in hostile.box.children[0].value
    assert "<script>" not in hostile.box.children[0].value
    hostile.choose({shown_orders(quiz)[1].index(0)})  # the shown position of "<b>Nothing</b>"
    assert hostile.check() == "Correct"
    assert "It is shown as &lt;i&gt;text&lt;/i&gt;." in hostile.feedback.value


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_live_quiz_marks_right_and_wrong_answers_in_shown_order(path):
    quiz = draft(path)
    live = QuizWidget(quiz)
    orders = shown_orders(quiz)
    for widget, question, order in zip(live.questions, quiz.questions, orders, strict=True):
        labels = (
            [label for label, _ in widget.radio.options]
            if widget.radio is not None
            else [box.description for box in widget.choices]
        )
        # What the learner sees: lettered options in shown order, not in authoring order.
        assert labels == [
            f"{'ABCDE'[k]}. {question.options[i].text}" for k, i in enumerate(order)
        ]
        right = {order.index(i) for i in question.correct_indices}  # shown positions
        wrong = next(k for k in range(len(order)) if k not in right)
        widget.choose({wrong})
        widget.button.click()  # the same handler a learner's click runs
        assert widget.feedback.value.startswith("<p><strong>Incorrect</strong></p>")
        explanation = question.options[order[wrong]].explanation
        assert explanation.replace("'", "&#x27;") in widget.feedback.value
        widget.choose(right)
        widget.button.click()
        assert widget.feedback.value.startswith("<p><strong>Correct</strong></p>")


def test_live_quiz_asks_for_an_answer_before_marking():
    live = QuizWidget(draft(QUIZZES[0]))
    assert live.questions[0].check() is None
    assert "Choose an answer first." in live.questions[0].feedback.value


def test_quiz_output_offers_the_widget_and_the_static_html():
    bundle = QuizDisplay(draft(QUIZZES[0]))._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"].startswith('<section class="nk-quiz"')


def test_answer_key_names_the_right_options_by_their_shown_letters(tmp_path):
    from nk_course.quiz import answer_key_html

    for path in QUIZZES:
        quiz = draft(path)
        html = answer_key_html(quiz)
        assert html.count("<li id=") == len(quiz.questions)
        items = html.split("<li id=")[1:]
        for item, question, order in zip(items, quiz.questions, shown_orders(quiz), strict=True):
            letters = ", ".join("ABCDE"[order.index(i)] for i in sorted(question.correct_indices))
            letters = ", ".join(sorted(letters.split(", ")))
            assert f"Answer: {letters}</span>" in item, (question.id, letters)
            for i, option in enumerate(question.options):
                shown = f"<strong>{'ABCDE'[order.index(i)]}.</strong> {escape_text(option.text)} — "
                assert (shown in item) == (i in question.correct_indices), (question.id, i)
    hostile = answer_key_html(load_quiz(write_quiz(tmp_path, HOSTILE)))
    assert "<script>" not in hostile and "&lt;b&gt;Nothing&lt;/b&gt;" in hostile
    assert "(one answer; objective 1; asks for evidence)" in hostile


def escape_text(text: str) -> str:
    from html import escape

    return escape(text)


# Shown order: stable, balanced, and the same wherever the quiz is shown.

ALL_FIRST = "chapter: 1\ntitle: T\nquestions:\n" + "".join(
    f"""  - id: q{n}
    type: single
    objectives: [1]
    asks: cause
    prompt: "Question {n}?"
    options:
      - {{text: "Right {n}, the longest option of all", correct: true, explanation: "Right."}}
      - {{text: "Wrong {n}a", correct: false, explanation: "Wrong."}}
      - {{text: "Wrong {n}b", correct: false, explanation: "Wrong."}}
      - {{text: "Wrong {n}c", correct: false, explanation: "Wrong."}}
"""
    for n in range(12)
)


def test_shown_order_spreads_right_answers_evenly_and_keeps_authoring_order(tmp_path):
    path = tmp_path / "allfirst.yml"
    path.write_text(ALL_FIRST, encoding="utf-8")
    quiz = load_quiz(path)
    assert all(min(q.correct_indices) == 0 for q in quiz.questions)  # the YAML's order stays
    shown = in_shown_order(quiz)
    positions = [min(q.correct_indices) for q in shown.questions]
    assert sorted(positions) == [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3], positions
    assert positions[:4] != [0, 1, 2, 3], "positions must not simply cycle"
    for question, original in zip(shown.questions, quiz.questions, strict=True):
        assert sorted(o.text for o in question.options) == sorted(o.text for o in original.options)


def test_shown_order_is_seeded_the_same_in_every_process(tmp_path):
    """Pinned: the order comes from SHA-256 of names and texts, never from Python's hash()
    (salted per process) or the clock, so every build and every PDF agree."""
    import subprocess
    import sys

    path = tmp_path / "allfirst.yml"
    path.write_text(ALL_FIRST, encoding="utf-8")
    here = shown_orders(load_quiz(path))
    code = (
        "import sys; from nk_course.quiz.model import load_quiz; "
        "from nk_course.quiz.order import shown_orders; "
        "print(shown_orders(load_quiz(sys.argv[1])))"
    )
    for seed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-c", code, str(path)],
            capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": seed},
        ).stdout.strip()
        assert out == str(here)
    assert here == shown_orders(load_quiz(path))


def test_shown_order_is_unchanged_by_showing_twice(tmp_path):
    quiz = load_quiz(write_quiz(tmp_path, HOSTILE))
    assert in_shown_order(in_shown_order(quiz)) == in_shown_order(quiz)
    real = draft(QUIZZES[0])
    assert in_shown_order(in_shown_order(real)) == in_shown_order(real)


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_each_chapter_spreads_its_right_answers_within_one(path):
    shown = in_shown_order(draft(path))
    counts = {}
    for question in shown.questions:
        if question.type == "single":
            position = min(question.correct_indices)
            counts[position] = counts.get(position, 0) + 1
    width = min(len(q.options) for q in shown.questions if q.type == "single")
    spread = [counts.get(p, 0) for p in range(width)]
    assert max(spread) - min(spread) <= 1, spread


def test_no_shown_position_holds_more_than_35_percent_of_right_answers_in_the_book():
    from nk_course.quiz.lint import position_shares

    shares = position_shares([draft(path) for path in QUIZZES])
    assert sum(shares.values()) == pytest.approx(1)
    assert len(shares) >= 3
    assert max(shares.values()) <= 0.35, shares


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_static_quiz_shows_lettered_options_in_shown_order(path):
    import re

    quiz = draft(path)
    html = quiz_html(quiz)
    for question, order in zip(quiz.questions, shown_orders(quiz), strict=True):
        form = html.split(f'id="nkq-{quiz.name}-{question.id}"')[1].split("</form>")[0]
        labels = re.findall(r'<span class="nk-quiz-letter">([A-E])\.</span> (.*?)</label>', form)
        assert labels == [
            ("ABCDE"[k], escape_text(question.options[i].text)) for k, i in enumerate(order)
        ]
        marked = [int(v) for v in re.findall(r'value="(\d)" data-correct="true"', form)]
        assert marked == sorted(order.index(i) for i in question.correct_indices)
def test_quiz_output_names_the_live_widget_it_shows(monkeypatch):
    display = QuizDisplay(load_quiz(QUIZZES[0]))
    view = display._repr_mimebundle_()["application/vnd.jupyter.widget-view+json"]
    assert view == {"version_major": 2, "version_minor": 0, "model_id": display.widget.box.model_id}
    # Colab does not load the book's quiz script, so it gets only the live widget.
    monkeypatch.setitem(sys.modules, "google.colab", object())
    assert "text/html" not in QuizDisplay(load_quiz(QUIZZES[0]))._repr_mimebundle_()
