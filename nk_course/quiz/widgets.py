"""The live form of a quiz for JupyterLab, Binder and Colab: one ipywidgets box per question.

Texts are shown through widgets that render plain text (Label, RadioButtons, Checkbox) or
through escaped HTML, so nothing in a definition can run as markup. Options are in the same
lettered, balanced order as the book's (nk_course.quiz.order).
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from nk_course.quiz.feedback import EMPTY, explanations, verdict
from nk_course.quiz.model import Question, Quiz
from nk_course.quiz.order import in_shown_order, letter


class QuestionWidget:
    """Inputs, a check button and a feedback area for one question."""

    def __init__(self, number: int, question: Question) -> None:
        self.question = question
        labels = [f"{letter(i)}. {opt.text}" for i, opt in enumerate(question.options)]
        if question.type == "single":
            self.choices: list[widgets.Checkbox] = []
            self.radio = widgets.RadioButtons(
                options=list(zip(labels, range(len(labels)), strict=True)),
                value=None,
                layout={"width": "max-content"},
            )
            inputs: widgets.Widget = self.radio
        else:
            self.radio = None
            self.choices = [
                widgets.Checkbox(value=False, description=t, indent=False) for t in labels
            ]
            inputs = widgets.VBox(self.choices)
        self.button = widgets.Button(description="Check answer")
        self.feedback = widgets.HTML(value="")
        self.button.on_click(lambda _button: self.check())
        prompt = widgets.HTML(value=f"<strong>{number}. {escape(question.prompt)}</strong>")
        self.box = widgets.VBox([prompt, inputs, self.button, self.feedback])

    def chosen(self) -> set[int]:
        """Positions of the options the learner has selected."""
        if self.radio is not None:
            return set() if self.radio.value is None else {self.radio.value}
        return {i for i, box in enumerate(self.choices) if box.value}

    def choose(self, indices: set[int] | list[int]) -> None:
        """Select options by position, as a click would (used by tests and demonstrations)."""
        if self.radio is not None:
            (only,) = indices
            self.radio.value = only
        else:
            for i, box in enumerate(self.choices):
                box.value = i in indices

    def check(self) -> str | None:
        """Mark the current answer, show the feedback and return 'Correct'/'Incorrect'."""
        chosen = self.chosen()
        if not chosen:
            self.feedback.value = f"<p>{escape(EMPTY)}</p>"
            return None
        result = verdict(self.question, chosen)
        notes = "".join(f"<p>{escape(text)}</p>" for text in explanations(self.question, chosen))
        self.feedback.value = f"<p><strong>{result}</strong></p>{notes}"
        return result


class QuizWidget:
    """All questions of a quiz as live widgets, options in shown order."""

    def __init__(self, quiz: Quiz) -> None:
        quiz = in_shown_order(quiz)
        self.quiz = quiz
        self.questions = [QuestionWidget(i + 1, q) for i, q in enumerate(quiz.questions)]
        title = widgets.HTML(value=f"<h3>{escape(quiz.title)}</h3>")
        self.box = widgets.VBox([title, *(q.box for q in self.questions)])
