"""The static form of a quiz: plain HTML forms that assets/static/nk-quiz.js makes interactive.

Every text from the definition is HTML-escaped, so a question that mentions <script> shows the
word and runs nothing. Inputs are real radio buttons and checkboxes inside a <fieldset>, so a
keyboard and a screen reader work with no extra code; feedback is written into a role="status"
region that screen readers announce. Options are shown in the stable, balanced order of
nk_course.quiz.order, each with its letter, so a printed quiz and the answer key agree.
"""

from __future__ import annotations

from html import escape

from nk_course.quiz.feedback import CORRECT, EMPTY, INCORRECT
from nk_course.quiz.model import Question, Quiz
from nk_course.quiz.order import in_shown_order, letter, right_letters


def _question_html(quiz: Quiz, number: int, question: Question) -> str:
    base = f"nkq-{quiz.name}-{question.id}"
    kind = "radio" if question.type == "single" else "checkbox"
    hint = ""
    if question.type == "multiple":
        hint = ' <span class="nk-quiz-hint">(choose all that apply)</span>'
    marks = [' data-correct="true"' if opt.correct else "" for opt in question.options]
    options = "".join(
        f'<div class="nk-quiz-option"><input type="{kind}" name="{base}" id="{base}-{i}" '
        f'value="{i}"{marks[i]}>'
        f'<label for="{base}-{i}"><span class="nk-quiz-letter">{letter(i)}.</span> '
        f"{escape(opt.text)}</label></div>"
        for i, opt in enumerate(question.options)
    )
    explanations = "".join(
        f'<p data-option="{i}">{escape(opt.explanation)}</p>'
        for i, opt in enumerate(question.options)
    )
    return (
        f'<form class="nk-quiz-question" id="{base}" data-type="{question.type}">'
        f"<fieldset><legend>{number}. {escape(question.prompt)}{hint}</legend>{options}</fieldset>"
        '<button type="submit" class="nk-quiz-check">Check answer</button>'
        '<div class="nk-quiz-feedback" role="status" aria-live="polite"></div>'
        f'<div class="nk-quiz-explanations" hidden>{explanations}</div>'
        "</form>"
    )


def quiz_html(quiz: Quiz) -> str:
    """The whole quiz as one HTML fragment for the static book, options in shown order."""
    quiz = in_shown_order(quiz)
    questions = "".join(_question_html(quiz, i + 1, q) for i, q in enumerate(quiz.questions))
    return (
        f'<section class="nk-quiz" aria-label="{escape(quiz.title)}" '
        f'data-correct-text="{CORRECT}" data-incorrect-text="{INCORRECT}" '
        f'data-empty-text="{EMPTY}">{questions}</section>'
    )


def answer_key_html(quiz: Quiz) -> str:
    """The instructor's answer key: every question, its right option(s) by the letter students
    see, their explanations, and the objectives the question assesses."""
    quiz = in_shown_order(quiz)
    items = []
    for question in quiz.questions:
        right = "".join(
            f"<li><strong>{letter(i)}.</strong> {escape(opt.text)} — {escape(opt.explanation)}</li>"
            for i, opt in enumerate(question.options)
            if opt.correct
        )
        kind = "one answer" if question.type == "single" else "all that apply"
        aims = ", ".join(str(n) for n in question.objectives)
        plural = "s" if len(question.objectives) > 1 else ""
        about = f"; objective{plural} {aims}" if aims else ""
        about += f"; asks for {question.asks}" if question.asks else ""
        items.append(
            f'<li id="key-{quiz.name}-{question.id}">{escape(question.prompt)} '
            f'<span class="nk-quiz-hint">({kind}{about})</span> '
            f'<span class="nk-key-answer">Answer: {right_letters(question)}</span>'
            f"<ul>{right}</ul></li>"
        )
    return f'<ol class="nk-answer-key">{"".join(items)}</ol>'
