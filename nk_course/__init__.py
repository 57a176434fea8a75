"""Shared code for the Nagorno-Karabakh course notebooks.

Notebooks import from here so that Binder, Colab and the book build all load data, draw
charts and show quizzes the same way.
"""

from nk_course.charts import glue, show_figure
from nk_course.datapackage import DataError, load_table
from nk_course.quiz import QuizError, load_quiz, show_quiz

__all__ = [
    "DataError",
    "QuizError",
    "glue",
    "load_quiz",
    "load_table",
    "show_figure",
    "show_quiz",
]
