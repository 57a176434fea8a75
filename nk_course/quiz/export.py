"""Export every quiz for learning platforms: Moodle XML and GIFT (both import into Moodle;
GIFT also into other LMSs), and one IMS QTI 1.2 package per chapter (Canvas, Brightspace,
Blackboard; see nk_course.quiz.qti). Instructors run `make quizzes`, which writes them to
_build/quizzes/. Texts are exported as plain text, so nothing in a definition becomes markup.

Usage: python -m nk_course.quiz.export OUTDIR
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from nk_course.paths import course_root
from nk_course.quiz.model import Question, Quiz, load_quiz
from nk_course.quiz.qti import export_qti

CATEGORY = "Nagorno-Karabakh open course/Chapter {chapter}: {title}"
_GIFT_SPECIAL = "~=#{}:\\"


def all_quizzes(root: Path | None = None) -> list[Quiz]:
    """Every quizzes/*.yml, in file-name order (ch01, ch02 ...)."""
    folder = (root or course_root()) / "quizzes"
    return [load_quiz(path) for path in sorted(folder.glob("*.yml"))]


def fractions(question: Question) -> list[float]:
    """Moodle grade fraction (%) per option: right options share 100, wrong ones share -100
    in 'multiple' questions (0 in 'single' ones), so guessing everything scores nothing."""
    right = len(question.correct_indices)
    wrong = len(question.options) - right
    return [
        100 / right if opt.correct else (-100 / wrong if question.type == "multiple" else 0)
        for opt in question.options
    ]


def _fraction_text(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = "plain_text") -> None:
    node = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(node, "text").text = text


def moodle_xml(quizzes: list[Quiz]) -> str:
    """All quizzes as one Moodle XML file, a question category per chapter."""
    root = ET.Element("quiz")
    for quiz in quizzes:
        category = ET.SubElement(root, "question", {"type": "category"})
        _text(
            category,
            "category",
            "$course$/" + CATEGORY.format(chapter=quiz.chapter, title=quiz.title),
            None,
        )
        for question in quiz.questions:
            node = ET.SubElement(root, "question", {"type": "multichoice"})
            _text(node, "name", f"{quiz.name}-{question.id}", None)
            _text(node, "questiontext", question.prompt)
            ET.SubElement(node, "defaultgrade").text = "1"
            ET.SubElement(node, "single").text = "true" if question.type == "single" else "false"
            ET.SubElement(node, "shuffleanswers").text = "true"
            ET.SubElement(node, "answernumbering").text = "abc"
            for option, fraction in zip(question.options, fractions(question), strict=True):
                answer = ET.SubElement(
                    node, "answer", {"fraction": _fraction_text(fraction), "format": "plain_text"}
                )
                ET.SubElement(answer, "text").text = option.text
                _text(answer, "feedback", option.explanation)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def gift_escape(text: str) -> str:
    """Backslash-escape GIFT's special characters and fold newlines."""
    text = " ".join(text.split())
    return "".join("\\" + ch if ch in _GIFT_SPECIAL else ch for ch in text)


def gift(quizzes: list[Quiz]) -> str:
    """All quizzes in GIFT format, a $CATEGORY line per chapter."""
    lines: list[str] = []
    for quiz in quizzes:
        lines += [f"$CATEGORY: {CATEGORY.format(chapter=quiz.chapter, title=quiz.title)}", ""]
        for question in quiz.questions:
            lines.append(f"::{quiz.name}-{question.id}::{gift_escape(question.prompt)} {{")
            for option, fraction in zip(question.options, fractions(question), strict=True):
                if question.type == "single":
                    mark = "=" if option.correct else "~"
                else:
                    mark = f"~%{_fraction_text(fraction)}%"
                lines.append(
                    f"\t{mark}{gift_escape(option.text)}#{gift_escape(option.explanation)}"
                )
            lines += ["}", ""]
    return "\n".join(lines)


def export(outdir: Path, root: Path | None = None) -> list[Path]:
    """Write quizzes.moodle.xml, quizzes.gift and qti/chNN.zip into `outdir`; return their paths."""
    quizzes = all_quizzes(root)
    outdir.mkdir(parents=True, exist_ok=True)
    written = [outdir / "quizzes.moodle.xml", outdir / "quizzes.gift"]
    written[0].write_text(moodle_xml(quizzes), encoding="utf-8")
    written[1].write_text(gift(quizzes), encoding="utf-8")
    return written + export_qti(quizzes, outdir / "qti")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m nk_course.quiz.export OUTDIR")
    for path in export(Path(sys.argv[1])):
        print(f"wrote {path}")
