"""A chapter's stated reading time, computed from its word count so it is never typed by hand.

Two figures, both at 200 words a minute and rounded to the nearest 5 minutes (at least 5):
the narrative alone (the words `chapter_text.narrative` counts), and the whole chapter as a
student meets it (every markdown cell, plus the quiz's questions and options). Doing the
exercises takes longer than reading them, and the line says so rather than guessing how long.
`scripts/update_reading_times.py` writes the line into each notebook; a test checks it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from nk_course.chapter_outline import notebook_markdown
from nk_course.chapter_text import narrative, word_count
from nk_course.quiz import load_quiz

WORDS_PER_MINUTE = 200
#: The line in the chapter's "Learning objectives" cell that states the reading time.
LINE = re.compile(r"^\*\*Estimated reading time:\*\*.*$", re.MULTILINE)


@dataclass(frozen=True)
class ReadingTime:
    text_words: int
    chapter_words: int

    @property
    def text_minutes(self) -> int:
        return minutes(self.text_words)

    @property
    def chapter_minutes(self) -> int:
        return minutes(self.chapter_words)

    def line(self) -> str:
        """The sentence the chapter shows under its learning objectives."""
        return (
            f"**Estimated reading time:** about {self.text_minutes} minutes for the text; about "
            f"{self.chapter_minutes} minutes for the whole chapter with its exercises and quiz "
            "(at 200 words a minute; doing the exercises takes longer)."
        )


def minutes(words: int) -> int:
    """Reading minutes at WORDS_PER_MINUTE, to the nearest 5 and never under 5."""
    return max(5, 5 * round(words / WORDS_PER_MINUTE / 5))


def chapter_reading_time(path: Path) -> ReadingTime:
    """Word counts of chapter notebook `path` (chNN-*.ipynb) and of its quiz."""
    markdown = notebook_markdown(path)
    quiz = load_quiz(path.name[:4])
    quiz_text = "\n".join(
        "\n".join([q.prompt, *(o.text for o in q.options)]) for q in quiz.questions
    )
    return ReadingTime(
        text_words=word_count(narrative(markdown)),
        chapter_words=word_count(markdown) + word_count(quiz_text),
    )


def stated_line(path: Path) -> str | None:
    """The reading-time line as the notebook states it now, or None if it has none."""
    match = LINE.search(notebook_markdown(path))
    return match.group(0) if match else None
