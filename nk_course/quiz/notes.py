"""Answer notes for instructors: the points a good answer to a chapter's primary-source and
discussion questions makes, with the sections and sources it draws on.

One file per chapter, quizzes/notes/chNN.yml, shown in the instructor guide only:

    chapter: 1
    notes:
      - kind: primary-source          # or: discussion
        question: "The question as the chapter or guide asks it"
        sections: ["Heading text of the chapter section it draws on"]
        sources: [bibkey1, bibkey2]   # keys in references.bib
        points:
          - "A point a good answer makes."

Sections must be headings of the chapter's notebook and sources keys of references.bib, so a
note cannot point an instructor at something that is not there.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from nk_course.bibliography import bib_keys, short_citation
from nk_course.chapter_outline import chapter_headings
from nk_course.paths import course_root
from nk_course.yaml_files import load_yaml

NOTE_KINDS = ("primary-source", "discussion")
_KIND_TITLES = {"primary-source": "Primary-source questions", "discussion": "Discussion questions"}
_KEYS = ("kind", "question", "sections", "sources", "points")


class NotesError(ValueError):
    """A notes file is malformed; the message names the file, the note and the problem."""


@dataclass(frozen=True)
class AnswerNote:
    kind: str
    question: str
    sections: tuple[str, ...]
    sources: tuple[str, ...]
    points: tuple[str, ...]


@dataclass(frozen=True)
class ChapterNotes:
    chapter: int
    notes: tuple[AnswerNote, ...]
    path: Path


def notes_path(chapter: int, root: Path | None = None) -> Path:
    """Where chapter `chapter`'s notes live: quizzes/notes/chNN.yml."""
    return (root or course_root()) / "quizzes" / "notes" / f"ch{chapter:02d}.yml"


def _texts(value: Any, where: str, key: str) -> tuple[str, ...]:
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise NotesError(f"{where}: '{key}' must be a non-empty list of non-empty texts")
    return tuple(" ".join(v.split()) for v in value)


def _note(
    raw: Any, where: str, headings: Collection[str], bib: Collection[str]
) -> AnswerNote:
    if not isinstance(raw, dict):
        raise NotesError(f"{where}: must be a mapping with {', '.join(_KEYS)}")
    unknown = set(raw) - set(_KEYS)
    if unknown:
        raise NotesError(f"{where}: unknown keys {sorted(unknown)}")
    missing = [key for key in _KEYS if key not in raw]
    if missing:
        raise NotesError(f"{where}: missing {', '.join(repr(k) for k in missing)}")
    if raw["kind"] not in NOTE_KINDS:
        raise NotesError(f"{where}: 'kind' must be one of {NOTE_KINDS}, not {raw['kind']!r}")
    question = raw["question"]
    if not isinstance(question, str) or not question.strip():
        raise NotesError(f"{where}: 'question' must be non-empty text")
    sections = _texts(raw["sections"], where, "sections")
    for section in sections:
        if section not in headings:
            raise NotesError(f"{where}: section {section!r} is not a heading of the chapter")
    sources = _texts(raw["sources"], where, "sources")
    for key in sources:
        if key not in bib:
            raise NotesError(f"{where}: source {key!r} is not a key in references.bib")
    return AnswerNote(
        kind=raw["kind"],
        question=" ".join(question.split()),
        sections=sections,
        sources=sources,
        points=_texts(raw["points"], where, "points"),
    )


def load_notes(
    path: Path,
    headings: Sequence[str] | None = None,
    bib: Collection[str] | None = None,
) -> ChapterNotes:
    """Read and check a notes file. Sections are checked against `headings` (by default the
    chapter notebook's headings), sources against `bib` (by default references.bib)."""
    raw = load_yaml(path, NotesError, "notes file")
    if not isinstance(raw, dict) or set(raw) != {"chapter", "notes"}:
        raise NotesError(f"{path.name}: must be a mapping with exactly 'chapter' and 'notes'")
    chapter = raw["chapter"]
    if not isinstance(chapter, int) or isinstance(chapter, bool):
        raise NotesError(f"{path.name}: 'chapter' must be a whole number")
    named = re.fullmatch(r"ch(\d+)", path.stem)
    if named and int(named.group(1)) != chapter:
        raise NotesError(f"{path.name}: 'chapter' is {chapter}, the file name says {named[1]}")
    if not isinstance(raw["notes"], list) or not raw["notes"]:
        raise NotesError(f"{path.name}: 'notes' must be a non-empty list")
    if headings is None:
        try:
            headings = chapter_headings(chapter)
        except FileNotFoundError as exc:
            raise NotesError(f"{path.name}: cannot check sections: {exc}") from None
    bib = bib_keys() if bib is None else bib
    notes: list[AnswerNote] = []
    for number, item in enumerate(raw["notes"], start=1):
        where = f"{path.name}: note {number}"
        note = _note(item, where, set(headings), bib)
        if any(note.question == other.question for other in notes):
            raise NotesError(f"{where}: the same question as an earlier note")
        notes.append(note)
    return ChapterNotes(chapter=chapter, notes=tuple(notes), path=path)


def chapter_notes(chapter: int, root: Path | None = None) -> ChapterNotes | None:
    """Chapter `chapter`'s checked notes, or None while it has no notes file."""
    path = notes_path(chapter, root)
    return load_notes(path) if path.exists() else None


def notes_html(notes: ChapterNotes | None) -> str:
    """The notes as HTML for the instructor guide: questions grouped by kind, each with the
    sections and sources it draws on and the points of a good answer."""
    if notes is None:
        return '<p class="nk-answer-notes">No answer notes for this chapter yet.</p>'
    parts = []
    for kind in NOTE_KINDS:
        items = []
        for note in (n for n in notes.notes if n.kind == kind):
            sections = "; ".join(f"“{escape(s)}”" for s in note.sections)
            sources = "; ".join(escape(short_citation(key)) for key in note.sources)
            points = "".join(f"<li>{escape(p)}</li>" for p in note.points)
            items.append(
                f'<li><p class="nk-note-question">{escape(note.question)}</p>'
                f'<p class="nk-note-draws">Sections: {sections}; sources: {sources}</p>'
                f"<ul>{points}</ul></li>"
            )
        if items:
            parts.append(f"<p><strong>{_KIND_TITLES[kind]}</strong></p><ol>{''.join(items)}</ol>")
    return f'<div class="nk-answer-notes">{"".join(parts)}</div>'


def answer_notes_html(chapter: int) -> str:
    """Chapter `chapter`'s answer notes as HTML (a short line while it has none)."""
    return notes_html(chapter_notes(chapter))
