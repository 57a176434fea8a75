"""Quizzes: one YAML definition per chapter, shown as static HTML in the book and as live
ipywidgets in a kernel (see DESIGN.md, decision 5)."""

from __future__ import annotations

from typing import Any

from nk_course.quiz.html import answer_key_html, quiz_html
from nk_course.quiz.model import Option, Question, Quiz, QuizError, load_quiz
from nk_course.quiz.widgets import QuizWidget

__all__ = [
    "answer_key_html",
    "Option",
    "Question",
    "Quiz",
    "QuizDisplay",
    "QuizError",
    "QuizWidget",
    "load_quiz",
    "quiz_html",
    "show_quiz",
]


class QuizDisplay:
    """One output, two forms: JupyterLab shows the live widget, the book the static HTML.

    The book's build turns off the widget mimetype (see _config.yml), so the HTML is what a
    student reading online sees.
    """

    def __init__(self, quiz: Quiz) -> None:
        self.quiz = quiz
        self.widget = QuizWidget(quiz)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle = self.widget.box._repr_mimebundle_(include=include, exclude=exclude) or {}
        bundle = dict(bundle)
        bundle["text/html"] = quiz_html(self.quiz)
        bundle["text/plain"] = f"Quiz: {self.quiz.title} ({len(self.quiz.questions)} questions)"
        return bundle


def show_quiz(name: str) -> QuizDisplay:
    """Load quizzes/<name>.yml and display it (live in a kernel, static in the book)."""
    return QuizDisplay(load_quiz(name))
