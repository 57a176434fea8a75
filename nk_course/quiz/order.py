"""The order in which a quiz's options are shown: stable, seeded and balanced.

Authors write the right option wherever they like (the YAML keeps authoring order); readers
must not be able to guess it from its position. Plain random shuffles leave runs and lopsided
counts in a quiz of a dozen questions, so the position of the right answer of each
single-answer question is dealt, in question order, to whichever position the chapter's quiz
has used least so far; ties, and the order of the other options, are broken by a SHA-256 hash
of the quiz name, question id and option text. The result is the same on every build and in
every form (book, live widget, PDF, answer key), and every chapter's right answers are spread
evenly across positions. Because the hash uses texts, not indices, putting an already shown
quiz in shown order changes nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace

from nk_course.quiz.model import Question, Quiz

LETTERS = "ABCDEFGHIJ"


def _rank(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def shown_orders(quiz: Quiz) -> list[tuple[int, ...]]:
    """For each question, the authoring indices of its options in the order they are shown."""
    used: Counter[int] = Counter()
    orders = []
    for question in quiz.questions:
        texts = [opt.text for opt in question.options]
        by_hash = sorted(range(len(texts)), key=lambda i: _rank(quiz.name, question.id, texts[i]))
        if question.type != "single":
            orders.append(tuple(by_hash))
            continue
        (right,) = question.correct_indices
        position = min(
            range(len(texts)),
            key=lambda p: (used[p], _rank(quiz.name, question.id, f"position {p}")),
        )
        used[position] += 1
        wrong = [i for i in by_hash if i != right]
        orders.append((*wrong[:position], right, *wrong[position:]))
    return orders


def in_shown_order(quiz: Quiz) -> Quiz:
    """The same quiz with every question's options in shown order (what readers see)."""
    questions = tuple(
        replace(question, options=tuple(question.options[i] for i in order))
        for question, order in zip(quiz.questions, shown_orders(quiz), strict=True)
    )
    return replace(quiz, questions=questions)


def letter(index: int) -> str:
    """The letter a reader sees before the option at shown position `index` (0 → "A")."""
    return LETTERS[index]


def right_letters(question: Question) -> str:
    """The letters of a shown question's right options, e.g. "B" or "A, D"."""
    return ", ".join(letter(i) for i in sorted(question.correct_indices))
