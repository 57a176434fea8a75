"""Quizzes: one YAML definition per chapter, shown as static HTML in the book and as live
ipywidgets in a kernel (see DESIGN.md, decision 5)."""

from __future__ import annotations

import sys
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
    "widget_view",
]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def widget_view(widget: Any) -> dict[str, Any]:
    """The widget-view output that shows a live widget, the same in ipywidgets 7 and 8.

    Both versions display a widget as this mimetype with view spec 2.0 and the model's id, but
    only 8 has `Widget._repr_mimebundle_` (7 displays through `_ipython_display_`), so we build
    the output ourselves: Colab ships ipywidgets 7 (DESIGN.md, pitfalls).
    """
    return {"version_major": 2, "version_minor": 0, "model_id": widget.model_id}


class QuizDisplay:
    """One output, two forms: JupyterLab shows the live widget, the book the static HTML.

    The book's build turns off the widget mimetype (see _config.yml), so the HTML is what a
    student reading online sees. Colab gets no HTML form: its script is not loaded there, and a
    front end that preferred it would show a quiz that cannot be marked.
    """

    def __init__(self, quiz: Quiz) -> None:
        self.quiz = quiz
        self.widget = QuizWidget(quiz)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle: dict[str, Any] = {
            WIDGET_VIEW: widget_view(self.widget.box),
            "text/plain": f"Quiz: {self.quiz.title} ({len(self.quiz.questions)} questions)",
        }
        if "google.colab" not in sys.modules:
            bundle["text/html"] = quiz_html(self.quiz)
        return bundle


def show_quiz(name: str) -> QuizDisplay:
    """Load quizzes/<name>.yml and display it (live in a kernel, static in the book)."""
    return QuizDisplay(load_quiz(name))
