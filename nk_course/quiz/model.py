"""Quiz definitions: read a chapter's YAML file and check every question before it is shown."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nk_course.chapter_outline import chapter_objectives
from nk_course.paths import course_root
from nk_course.yaml_files import load_yaml

QUESTION_TYPES = ("single", "multiple")
#: What a question asks a student to do; every objective needs one question that is not "recall".
QUESTION_AIMS = ("cause", "consequence", "evidence", "perspective", "recall")
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


class QuizError(ValueError):
    """A quiz file is malformed; the message names the file and the question."""


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    explanation: str


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: str
    options: tuple[Option, ...]
    #: Numbers of the chapter's learning objectives (its "Learning objectives" list) it assesses.
    objectives: tuple[int, ...] = ()
    #: One of QUESTION_AIMS.
    asks: str = ""

    @property
    def correct_indices(self) -> frozenset[int]:
        """Positions of the right options (one for 'single', one or more for 'multiple')."""
        return frozenset(i for i, opt in enumerate(self.options) if opt.correct)

    def is_right(self, chosen: set[int] | frozenset[int] | list[int]) -> bool:
        """True when `chosen` is exactly the set of right options."""
        return frozenset(chosen) == self.correct_indices


@dataclass(frozen=True)
class Quiz:
    name: str
    chapter: int
    title: str
    questions: tuple[Question, ...]
    path: Path


def _text(value: Any, where: str, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise QuizError(f"{where}: {what} must be non-empty text")
    return value.strip()


def _option(raw: Any, where: str) -> Option:
    if not isinstance(raw, dict):
        raise QuizError(f"{where}: must be a mapping with text, correct and explanation")
    unknown = set(raw) - {"text", "correct", "explanation"}
    if unknown:
        raise QuizError(f"{where}: unknown keys {sorted(unknown)}")
    if not isinstance(raw.get("correct"), bool):
        raise QuizError(f"{where}: 'correct' must be true or false")
    return Option(
        text=_text(raw.get("text"), where, "'text'"),
        correct=raw["correct"],
        explanation=_text(raw.get("explanation"), where, "'explanation'"),
    )


def _where(path: Path, number: int, qid: Any) -> str:
    return f"{path.name}: question {number}" + (f" ('{qid}')" if isinstance(qid, str) else "")


def _question(raw: Any, number: int, path: Path, seen: set[str], required: bool) -> Question:
    qid = raw.get("id") if isinstance(raw, dict) else None
    where = _where(path, number, qid)
    if not isinstance(raw, dict):
        raise QuizError(f"{where}: must be a mapping")
    if not isinstance(qid, str) or not _ID.fullmatch(qid):
        raise QuizError(f"{where}: 'id' must be lowercase letters, digits and hyphens")
    if qid in seen:
        raise QuizError(f"{where}: id '{qid}' is used twice")
    seen.add(qid)
    kind = raw.get("type")
    if kind not in QUESTION_TYPES:
        raise QuizError(f"{where}: 'type' must be one of {QUESTION_TYPES}, not {kind!r}")
    prompt = _text(raw.get("prompt"), where, "'prompt'")
    options_raw = raw.get("options")
    if not isinstance(options_raw, list) or len(options_raw) < 2:
        raise QuizError(f"{where}: needs a list of at least two options")
    options = tuple(_option(opt, f"{where}, option {i + 1}") for i, opt in enumerate(options_raw))
    right = sum(opt.correct for opt in options)
    if kind == "single" and right != 1:
        raise QuizError(
            f"{where}: a 'single' question needs exactly one correct option, has {right}"
        )
    if kind == "multiple" and right < 1:
        raise QuizError(f"{where}: a 'multiple' question needs at least one correct option")
    texts = [opt.text for opt in options]
    if len(set(texts)) != len(texts):
        raise QuizError(f"{where}: two options have the same text")
    unknown = set(raw) - {"id", "type", "objectives", "asks", "prompt", "options"}
    if unknown:
        raise QuizError(f"{where}: unknown keys {sorted(unknown)}")
    if required:
        for key in ("objectives", "asks"):
            if key not in raw:
                raise QuizError(f"{where}: '{key}' is missing")
    objectives = raw.get("objectives", [])
    if not isinstance(objectives, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in objectives
    ):
        raise QuizError(f"{where}: 'objectives' must be a list of objective numbers (1, 2, ...)")
    if required and not objectives:
        raise QuizError(f"{where}: 'objectives' must name at least one objective")
    asks = raw.get("asks", "")
    if (asks or required) and asks not in QUESTION_AIMS:
        raise QuizError(f"{where}: 'asks' must be one of {QUESTION_AIMS}, not {asks!r}")
    return Question(
        id=qid, type=kind, prompt=prompt, options=options,
        objectives=tuple(objectives), asks=asks,
    )


def unknown_objectives(quiz: Quiz, objectives: Sequence[str]) -> list[str]:
    """One message for each objective number a question names that the chapter's list lacks."""
    return [
        f"{_where(quiz.path, number, question.id)}: objective {objective} is not one of "
        f"chapter {quiz.chapter}'s {len(objectives)} learning objectives"
        for number, question in enumerate(quiz.questions, start=1)
        for objective in question.objectives
        if objective > len(objectives)
    ]


def check_objectives(quiz: Quiz, objectives: Sequence[str]) -> None:
    """Fail on the first question naming an objective number the chapter's list lacks."""
    problems = unknown_objectives(quiz, objectives)
    if problems:
        raise QuizError(problems[0])


def quiz_path(name: str) -> Path:
    """Where the definition of quiz `name` lives: quizzes/<name>.yml."""
    return course_root() / "quizzes" / f"{name}.yml"


def load_quiz(
    name_or_path: str | Path,
    objectives: Sequence[str] | None = None,
    *,
    check: bool = True,
) -> Quiz:
    """Read and check a quiz definition, by name ("ch01") or by path to a .yml file.

    Every question must name the objectives it assesses and what it asks; the numbers are
    checked against `objectives`, by default the "Learning objectives" list of the chapter's
    notebook. `check=False` reads a draft without either (the quiz lint reports what is missing).
    """
    path = Path(name_or_path)
    if path.suffix not in (".yml", ".yaml"):
        path = quiz_path(str(name_or_path))
    raw = load_yaml(path, QuizError, "quiz file")
    if not isinstance(raw, dict):
        raise QuizError(f"{path.name}: must be a mapping with chapter, title and questions")
    unknown = set(raw) - {"chapter", "title", "questions"}
    if unknown:
        raise QuizError(f"{path.name}: unknown keys {sorted(unknown)}")
    if not isinstance(raw.get("chapter"), int) or isinstance(raw.get("chapter"), bool):
        raise QuizError(f"{path.name}: 'chapter' must be a whole number")
    questions_raw = raw.get("questions")
    if not isinstance(questions_raw, list) or not questions_raw:
        raise QuizError(f"{path.name}: 'questions' must be a non-empty list")
    seen: set[str] = set()
    questions = tuple(
        _question(q, i + 1, path, seen, check) for i, q in enumerate(questions_raw)
    )
    quiz = Quiz(
        name=path.stem,
        chapter=raw["chapter"],
        title=_text(raw.get("title"), path.name, "'title'"),
        questions=questions,
        path=path,
    )
    if check:
        if objectives is None:
            try:
                objectives = chapter_objectives(quiz.chapter)
            except FileNotFoundError as exc:
                raise QuizError(f"{path.name}: cannot check objectives: {exc}") from None
        check_objectives(quiz, objectives)
    return quiz
