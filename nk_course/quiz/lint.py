"""The quiz lint: the cues a test-wise student uses, measured per chapter, and its rules.

A student who has not read a chapter can still pass a quiz whose right answer is usually in
the same place, usually the longest option, or in general longer than the distractors; and a
quiz can miss what the chapter set out to teach. The lint measures each of these and fails a
chapter when:

- the right option is the longest in more than 40 % of its single-answer questions;
- the right options' mean length exceeds the distractors' mean by more than 20 %;
- a question names no objective, or one the chapter's "Learning objectives" list lacks,
  or does not say what it asks;
- an objective has no question that asks for cause, consequence, evidence or perspective;

and fails the book when one shown position holds more than 35 % of the right answers of all
single-answer questions. `python -m nk_course.quiz.lint` (`make quiz-report`) prints the
figures for every chapter and exits 1 when a rule fails.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nk_course.chapter_outline import chapter_objectives
from nk_course.paths import course_root
from nk_course.quiz.model import QUESTION_AIMS, Question, Quiz, load_quiz, unknown_objectives
from nk_course.quiz.order import LETTERS, in_shown_order

MAX_RIGHT_LONGEST = 0.40
MAX_LENGTH_RATIO = 1.20
MAX_POSITION_SHARE = 0.35
#: Aims that count as understanding, not recall.
UNDERSTANDING = tuple(aim for aim in QUESTION_AIMS if aim != "recall")


def _length(text: str) -> int:
    return len(" ".join(text.split()))


def _right_positions(questions: Sequence[Question]) -> Counter[int]:
    return Counter(min(q.correct_indices) for q in questions if q.type == "single")


@dataclass(frozen=True)
class QuizStats:
    """What a test-wise student could exploit in one quiz."""

    name: str
    questions: int
    single: int
    #: Right answers of single-answer questions at each position, as written in the YAML.
    written: Counter[int]
    #: The same, as shown to readers (nk_course.quiz.order).
    shown: Counter[int]
    #: Single-answer questions whose right option is at least as long as every distractor.
    right_longest: int
    mean_right: float
    mean_wrong: float

    @property
    def right_longest_share(self) -> float:
        return self.right_longest / self.single if self.single else 0.0

    @property
    def length_ratio(self) -> float:
        return self.mean_right / self.mean_wrong if self.mean_wrong else 0.0


def quiz_stats(quiz: Quiz) -> QuizStats:
    """Positions of right answers (as written and as shown), right-is-longest, mean lengths."""
    single = [q for q in quiz.questions if q.type == "single"]
    right = [_length(o.text) for q in quiz.questions for o in q.options if o.correct]
    wrong = [_length(o.text) for q in quiz.questions for o in q.options if not o.correct]
    longest = sum(
        max(_length(o.text) for o in q.options if not o.correct)
        <= _length(q.options[min(q.correct_indices)].text)
        for q in single
    )
    return QuizStats(
        name=quiz.name,
        questions=len(quiz.questions),
        single=len(single),
        written=_right_positions(quiz.questions),
        shown=_right_positions(in_shown_order(quiz).questions),
        right_longest=longest,
        mean_right=sum(right) / len(right),
        mean_wrong=sum(wrong) / len(wrong) if wrong else 0.0,
    )


def lint_quiz(quiz: Quiz, objectives: Sequence[str]) -> list[str]:
    """Every rule this chapter's quiz breaks, one message each naming the file (and question)."""
    stats = quiz_stats(quiz)
    name = quiz.path.name
    problems = []
    if stats.right_longest_share > MAX_RIGHT_LONGEST:
        problems.append(
            f"{name}: the right option is the longest in {stats.right_longest} of "
            f"{stats.single} single-answer questions ({stats.right_longest_share:.0%}; "
            f"at most {MAX_RIGHT_LONGEST:.0%})"
        )
    if stats.length_ratio > MAX_LENGTH_RATIO:
        problems.append(
            f"{name}: right options average {stats.mean_right:.0f} characters, distractors "
            f"{stats.mean_wrong:.0f} ({stats.length_ratio - 1:+.0%}; "
            f"at most {MAX_LENGTH_RATIO - 1:+.0%})"
        )
    for number, question in enumerate(quiz.questions, start=1):
        where = f"{name}: question {number} ('{question.id}')"
        if not question.objectives:
            problems.append(f"{where}: names no objective")
        if question.asks not in QUESTION_AIMS:
            problems.append(f"{where}: does not say what it asks ({', '.join(QUESTION_AIMS)})")
    problems += unknown_objectives(quiz, objectives)
    for objective in range(1, len(objectives) + 1):
        if not any(
            objective in q.objectives and q.asks in UNDERSTANDING for q in quiz.questions
        ):
            problems.append(
                f"{name}: objective {objective} has no question asking for "
                f"{', '.join(UNDERSTANDING)} (only recall, or none)"
            )
    return problems


def position_shares(quizzes: Sequence[Quiz]) -> dict[str, float]:
    """Book-wide share of single-answer right answers at each shown position ("A": 0.25...)."""
    shown: Counter[int] = Counter()
    for quiz in quizzes:
        shown += quiz_stats(quiz).shown
    total = sum(shown.values())
    return {LETTERS[p]: shown[p] / total for p in sorted(shown)} if total else {}


def book_problems(quizzes: Sequence[Quiz]) -> list[str]:
    """The book-wide rule: no shown position holds more than 35 % of the right answers."""
    return [
        f"book: shown position {pos} holds {share:.0%} of single-answer right answers "
        f"(at most {MAX_POSITION_SHARE:.0%})"
        for pos, share in position_shares(quizzes).items()
        if share > MAX_POSITION_SHARE
    ]


def _shares(counts: Counter[int], total: int, width: int) -> str:
    return " ".join(f"{counts[p] / total:>4.0%}" if total else "   -" for p in range(width))


def report(quizzes: Sequence[Quiz]) -> str:
    """A table of every quiz's figures and a book-wide line, for authors and `make test`."""
    width = max(len(q.options) for quiz in quizzes for q in quiz.questions)
    letters = " ".join(f"{c:>4}" for c in LETTERS[:width])
    lines = [
        "Right answers of single-answer questions at each position, as written in the YAML and"
        " as shown to readers; share where the right option is the longest; mean option length"
        " in characters.",
        f"{'quiz':<6}{'qs':>4}{'single':>7}  written {letters}   shown {letters}"
        f"  longest  right  wrong  ratio",
    ]
    written_all: Counter[int] = Counter()
    shown_all: Counter[int] = Counter()
    singles = 0
    for quiz in quizzes:
        s = quiz_stats(quiz)
        written_all += s.written
        shown_all += s.shown
        singles += s.single
        lines.append(
            f"{s.name:<6}{s.questions:>4}{s.single:>7}"
            f"  written {_shares(s.written, s.single, width)}"
            f"   shown {_shares(s.shown, s.single, width)}  {s.right_longest_share:>7.0%}"
            f"  {s.mean_right:>5.0f}  {s.mean_wrong:>5.0f}  {s.length_ratio:>5.2f}"
        )
    lines.append(
        f"{'book':<6}{sum(len(q.questions) for q in quizzes):>4}{singles:>7}"
        f"  written {_shares(written_all, singles, width)}"
        f"   shown {_shares(shown_all, singles, width)}"
    )
    return "\n".join(lines)


def real_quizzes(root: Path | None = None) -> list[Quiz]:
    """Every quizzes/*.yml as drafts (objectives not enforced), so all problems are reported."""
    folder = (root or course_root()) / "quizzes"
    return [load_quiz(path, check=False) for path in sorted(folder.glob("ch*.yml"))]


def lint_all(quizzes: Sequence[Quiz], root: Path | None = None) -> list[str]:
    """Every problem of every quiz (checked against its chapter's objectives) and of the book."""
    problems = []
    for quiz in quizzes:
        try:
            objectives = chapter_objectives(quiz.chapter, root)
        except FileNotFoundError as exc:
            problems.append(f"{quiz.path.name}: {exc}")
            continue
        problems += lint_quiz(quiz, objectives)
    return problems + book_problems(quizzes)


def main() -> int:
    quizzes = real_quizzes()
    print(report(quizzes))
    problems = lint_all(quizzes)
    print(f"\n{len(problems)} problem(s)" + (":" if problems else "."))
    for problem in problems:
        print(f"  {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
