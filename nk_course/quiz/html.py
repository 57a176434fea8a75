"""The static form of a quiz: plain HTML forms that assets/static/nk-quiz.js makes interactive.

Every text from the definition is HTML-escaped, so a question that mentions <script> shows the
word and runs nothing. Inputs are real radio buttons and checkboxes inside a <fieldset>, so a
keyboard and a screen reader work with no extra code; feedback is written into a role="status"
region that screen readers announce.
"""

from __future__ import annotations

from html import escape

from nk_course.quiz.feedback import CORRECT, EMPTY, INCORRECT
from nk_course.quiz.model import Question, Quiz


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
        f'<label for="{base}-{i}">{escape(opt.text)}</label></div>'
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
    """The whole quiz as one HTML fragment for the static book."""
    questions = "".join(_question_html(quiz, i + 1, q) for i, q in enumerate(quiz.questions))
    return (
        f'<section class="nk-quiz" aria-label="{escape(quiz.title)}" '
        f'data-correct-text="{CORRECT}" data-incorrect-text="{INCORRECT}" '
        f'data-empty-text="{EMPTY}">{questions}</section>'
    )


def answer_key_html(quiz: Quiz) -> str:
    """The instructor's answer key: every question, its right option(s) and their explanations."""
    items = []
    for question in quiz.questions:
        right = "".join(
            f"<li><strong>{escape(opt.text)}</strong> — {escape(opt.explanation)}</li>"
            for opt in question.options
            if opt.correct
        )
        kind = "one answer" if question.type == "single" else "all that apply"
        items.append(
            f'<li id="key-{quiz.name}-{question.id}">{escape(question.prompt)} '
            f'<span class="nk-quiz-hint">({kind})</span><ul>{right}</ul></li>'
        )
    return f'<ol class="nk-answer-key">{"".join(items)}</ol>'
