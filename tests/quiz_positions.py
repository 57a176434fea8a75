"""Where a reader sees a question's answers: the browser tests click options at these positions."""

from __future__ import annotations

from nk_course.quiz.model import Question


def answer_positions(question: Question, order: tuple[int, ...]) -> tuple[list[int], int]:
    """Shown positions of the right options (sorted) and of the first wrong one.

    `order` is the question's entry from nk_course.quiz.order.shown_orders: the authoring index
    of the option at each shown position.
    """
    rights = sorted(order.index(i) for i in question.correct_indices)
    wrong = next(k for k in range(len(order)) if order[k] not in question.correct_indices)
    return rights, wrong
