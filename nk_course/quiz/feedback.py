"""The words a learner sees after checking an answer, shared by the static and live quizzes."""

from __future__ import annotations

from nk_course.quiz.model import Question

CORRECT = "Correct"
INCORRECT = "Incorrect"
EMPTY = "Choose an answer first."


def verdict(question: Question, chosen: set[int] | frozenset[int]) -> str:
    """'Correct' when the chosen options are exactly the right ones, else 'Incorrect'."""
    return CORRECT if question.is_right(chosen) else INCORRECT


def explanations(question: Question, chosen: set[int] | frozenset[int]) -> list[str]:
    """The explanations to show: every chosen option's, then any right option left unchosen."""
    shown = [question.options[i].explanation for i in sorted(chosen)]
    if question.type == "multiple":
        shown += [
            question.options[i].explanation for i in sorted(question.correct_indices - set(chosen))
        ]
    return shown
