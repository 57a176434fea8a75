"""The quiz lint: each rule fails on a small quiz built to break it, and the real quizzes pass.

The real-quiz tests fail until every quiz is written to the item-writing rules (issue 13);
that is what they are for. The statistics are printed at the end of every test session
(conftest.py) and by `make quiz-report`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nk_course.chapter_outline import chapter_objectives
from nk_course.quiz.lint import (
    book_problems,
    lint_all,
    lint_quiz,
    position_shares,
    quiz_stats,
    real_quizzes,
    report,
)
from nk_course.quiz.model import Option, Question, Quiz

ROOT = Path(__file__).resolve().parents[1]
QUIZZES = sorted((ROOT / "quizzes").glob("ch*.yml"))
OBJECTIVES = ["Explain one thing.", "Compare two things."]


def question(
    qid: str,
    right: str = "Right answer of medium size",
    wrong: tuple[str, ...] = ("Wrong answer of a medium size", "Another wrong answer!"),
    objectives: tuple[int, ...] = (1, 2),
    asks: str = "cause",
    kind: str = "single",
) -> Question:
    options = (Option(right, True, "Why it is right."),) + tuple(
        Option(text, False, "Why it is wrong.") for text in wrong
    )
    return Question(qid, kind, f"Question {qid}?", options, objectives, asks)


def quiz(*questions: Question) -> Quiz:
    return Quiz("ch09", 9, "Synthetic", tuple(questions), Path("ch09.yml"))


def balanced(n: int = 5) -> list[Question]:
    """Questions that break no rule: right options never longest, lengths alike."""
    return [question(f"q{i}") for i in range(n)]


def test_a_balanced_quiz_passes():
    good = quiz(*balanced())
    assert lint_quiz(good, OBJECTIVES) == []
    stats = quiz_stats(good)
    assert stats.single == 5 and stats.right_longest == 0
    assert stats.written[0] == 5 and sum(stats.shown.values()) == 5


def test_right_option_longest_in_more_than_40_percent_fails():
    long = "Right answer, the longest option"
    # 2 of 5 (40 %) passes; 3 of 5 (60 %) fails.
    two = quiz(*balanced(3), question("l1", right=long), question("l2", right=long))
    assert not [p for p in lint_quiz(two, OBJECTIVES) if "longest" in p]
    three = quiz(*balanced(2), *(question(f"l{i}", right=long) for i in range(3)))
    problems = lint_quiz(three, OBJECTIVES)
    assert (
        "ch09.yml: the right option is the longest in 3 of 5 single-answer questions "
        "(60%; at most 40%)" in problems
    )


def test_right_options_much_longer_than_distractors_fails():
    # Never the longest option (one distractor is longer still), yet long on average:
    # right 36 characters, distractors (16 + 38) / 2 = 27, so +33 %.
    wrong = ("Short wrong one!", "A distractor longer than the right one")
    padded = quiz(
        *(question(f"q{i}", right="A right answer padded out to be long", wrong=wrong)
          for i in range(5))
    )
    assert quiz_stats(padded).right_longest == 0
    assert lint_quiz(padded, OBJECTIVES) == [
        "ch09.yml: right options average 36 characters, distractors 27 (+33%; at most +20%)"
    ]


def test_question_without_objective_or_with_an_unknown_one_fails():
    problems = lint_quiz(
        quiz(*balanced(), question("none", objectives=()), question("far", objectives=(1, 3))),
        OBJECTIVES,
    )
    assert "ch09.yml: question 6 ('none'): names no objective" in problems
    assert (
        "ch09.yml: question 7 ('far'): objective 3 is not one of chapter 9's "
        "2 learning objectives" in problems
    )


def test_question_without_an_aim_fails():
    problems = lint_quiz(quiz(*balanced(), question("aimless", asks="")), OBJECTIVES)
    assert any(p.startswith("ch09.yml: question 6 ('aimless'): does not say what it asks")
               for p in problems), problems


def test_objective_tested_only_by_recall_fails():
    questions = [question(f"q{i}", objectives=(1,)) for i in range(4)]
    questions.append(question("date", objectives=(2,), asks="recall"))
    problems = lint_quiz(quiz(*questions), OBJECTIVES)
    assert problems == [
        "ch09.yml: objective 2 has no question asking for cause, consequence, evidence, "
        "perspective (only recall, or none)"
    ]
    questions.append(question("why", objectives=(2,), asks="perspective"))
    assert lint_quiz(quiz(*questions), OBJECTIVES) == []


def test_book_fails_when_one_shown_position_holds_more_than_35_percent():
    # Two options each: the balanced order can put no more than half the answers anywhere,
    # and with only two positions half is above 35 %.
    two = [question(f"q{i}", wrong=("Wrong answer of a medium size",)) for i in range(4)]
    shares = position_shares([quiz(*two)])
    assert shares == {"A": 0.5, "B": 0.5}
    assert book_problems([quiz(*two)]) == [
        "book: shown position A holds 50% of single-answer right answers (at most 35%)",
        "book: shown position B holds 50% of single-answer right answers (at most 35%)",
    ]
    assert book_problems([quiz(*balanced(6))]) == []


def test_report_prints_every_figure():
    text = report([quiz(*balanced(4))])
    row = next(line for line in text.splitlines() if line.startswith("ch09"))
    # 4 single questions with three options: every right answer written first, shown
    # spread 2-1-1 over A-C; none the longest; mean lengths 27 (right) and 25 (wrong).
    written, shown = row.split("written")[1].split("shown")
    assert written.split() == ["100%", "0%", "0%"]
    assert sorted(shown.split()[:3]) == ["25%", "25%", "50%"]
    assert row.split()[-4:] == ["0%", "27", "25", "1.08"]
    assert text.splitlines()[-1].startswith("book")


def test_every_chapter_has_objectives_to_check_against():
    for path in QUIZZES:
        objectives = chapter_objectives(int(path.stem[2:]))
        assert 3 <= len(objectives) <= 5, (path.name, objectives)


@pytest.fixture(scope="module")
def real():
    return real_quizzes()


@pytest.mark.parametrize("path", QUIZZES, ids=lambda p: p.stem)
def test_real_quiz_passes_the_lint(real, path):
    """Fails until the chapter's quiz is rewritten to the item-writing rules (issue 13)."""
    quiz = next(q for q in real if q.path == path)
    problems = lint_quiz(quiz, chapter_objectives(quiz.chapter))
    assert not problems, "\n" + report([quiz]) + "\n" + "\n".join(problems)


def test_real_quizzes_pass_the_book_wide_rules(real):
    assert [p for p in lint_all(real) if p.startswith("book:")] == []
    assert len(real) == len(QUIZZES) >= 8
