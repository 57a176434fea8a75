"""Export each chapter's quiz as an IMS QTI 1.2 package, the form Canvas imports (and
Brightspace and Blackboard read), written by text2qti from its plain-text quiz format.

text2qti reads every text as Markdown (with smart quotes and LaTeX between dollar signs). Quiz
texts are plain text, so every ASCII punctuation character is passed as an HTML character
reference: Markdown and text2qti leave those alone, and the package shows the text exactly.
"""

from __future__ import annotations

import string
from pathlib import Path

from text2qti.config import Config
from text2qti.qti import QTI
from text2qti.quiz import Quiz as TextQuiz

from nk_course.quiz.model import Quiz, QuizError

_PUNCTUATION = frozenset(string.punctuation)


def literal(text: str) -> str:
    """Plain text as text2qti Markdown that renders to exactly that text, on one line."""
    text = " ".join(text.split())
    return "".join(f"&#{ord(ch)};" if ch in _PUNCTUATION else ch for ch in text)


def quiz_text(quiz: Quiz) -> str:
    """The quiz in text2qti's plain-text format: title, then each question with its options
    (the right ones marked) and one feedback per option."""
    title = f"Chapter {quiz.chapter}: {quiz.title}"
    if "\n" in title:
        raise QuizError(f"{quiz.path}: the title must be one line")
    lines = [f"Quiz title: {title}", "Shuffle answers: true", ""]
    for number, question in enumerate(quiz.questions, start=1):
        lines += [f"Title: {quiz.name}-{question.id}", "Points: 1"]
        lines.append(f"{number}.  {literal(question.prompt)}")
        for index, option in enumerate(question.options):
            if question.type == "single":
                letter = string.ascii_lowercase[index]
                mark = f"*{letter}) " if option.correct else f"{letter})  "
            else:
                mark = "[*] " if option.correct else "[ ] "
            lines.append(f"{mark}{literal(option.text)}")
            lines.append(f"... {literal(option.explanation)}")
        lines.append("")
    return "\n".join(lines)


def qti_package(quiz: Quiz) -> bytes:
    """The quiz as a QTI 1.2 zip (imsmanifest.xml plus the assessment), as bytes."""
    config = Config()  # text2qti's defaults; no user config file is read or written
    return QTI(TextQuiz(quiz_text(quiz), config=config, source_name=str(quiz.path))).zip_bytes()


def export_qti(quizzes: list[Quiz], outdir: Path) -> list[Path]:
    """Write one QTI zip per quiz into `outdir` (chNN.zip); return their paths."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for quiz in quizzes:
        path = outdir / f"{quiz.name}.zip"
        path.write_bytes(qti_package(quiz))
        written.append(path)
    return written
