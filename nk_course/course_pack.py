"""The instructor's course pack: course outcomes, schedules, a final assessment and further
reading, read from the YAML files in course/ and checked against the chapter notebooks.

Everything the pack points to (an objective, a section heading, a discussion question, a Try it
exercise, a references.bib key) is checked where it is read, so the pack cannot send an
instructor to something the book does not have. A bad file raises CoursePackError naming the
file, the entry and the problem. The *_html functions render plain tables and lists: the page
carries no chart and no script.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

import latexcodec  # noqa: F401  (registers the "ulatex" codec)
from docutils.nodes import make_id
from pybtex.database import parse_string

from nk_course.bibliography import bib_entry, bib_keys
from nk_course.chapter_outline import (
    chapter_notebook,
    learning_objectives,
    notebook_markdown,
    numbered_items,
    section_headings,
    section_markdown,
)
from nk_course.paths import course_root
from nk_course.tables import chapter_pages
from nk_course.yaml_files import load_yaml

#: What an in-class activity can be drawn from, and the chapter heading each kind needs.
ACTIVITY_KINDS = {
    "discussion": "Discussion questions",
    "primary-source": "Primary source",
    "try-it": "Try it",
    "quiz": "Check your understanding",
    "perspectives": "Perspectives",
}
PERSPECTIVES = {
    "armenian": "Armenian",
    "azerbaijani": "Azerbaijani",
    "international": "International",
}
SCHEDULE_LENGTHS = (1, 4, 8, 12)


class CoursePackError(ValueError):
    """A course-pack file is malformed; the message names the file, the entry and the problem."""


# --- The chapters as the pack sees them -------------------------------------------------------


@dataclass(frozen=True)
class ChapterFacts:
    """What a chapter notebook offers for the pack to point at."""

    number: int
    title: str
    page: str
    objectives: tuple[str, ...]
    headings: tuple[str, ...]
    discussion: tuple[str, ...]
    primary_heading: str | None
    primary_questions: tuple[str, ...]
    exercises: dict[int, str]

    @classmethod
    def from_markdown(cls, number: int, page: str, markdown: str) -> ChapterFacts:
        headings = tuple(section_headings(markdown))
        title = re.search(r"^# (.+)$", markdown, re.MULTILINE)
        primary = next((h for h in headings if h.startswith("Primary source")), None)
        exercises = {}
        for heading in headings:
            found = re.match(r"Exercise (\d+): (.+)", heading)
            if found:
                exercises[int(found.group(1))] = heading
        return cls(
            number=number,
            title=title.group(1).strip() if title else f"Chapter {number}",
            page=page,
            objectives=tuple(learning_objectives(markdown)),
            headings=headings,
            discussion=tuple(
                numbered_items(section_markdown(markdown, "Discussion questions") or "")
            ),
            primary_heading=primary,
            primary_questions=tuple(numbered_items(section_markdown(markdown, primary) or ""))
            if primary
            else (),
            exercises=exercises,
        )

    def narrative_headings(self) -> list[str]:
        """The chapter's own sections (level 2), before "Perspectives" and the back sections."""
        out = []
        for heading in self.headings:
            if heading in ("Key points", "Perspectives"):
                break
            if heading != "Learning objectives" and not heading.startswith("Exercise"):
                out.append(heading)
        return out


def book_chapters(root: Path | None = None) -> dict[int, ChapterFacts]:
    """Every written chapter, read from its notebook."""
    return {
        number: ChapterFacts.from_markdown(
            number, page, notebook_markdown(chapter_notebook(number, root))
        )
        for number, page in chapter_pages(root).items()
    }


def section_link(
    chapter: ChapterFacts, heading: str | None = None, label: str | None = None
) -> str:
    """A link to a chapter's page, or to one of its sections (the id Sphinx gives a heading)."""
    anchor = f"#{make_id(heading)}" if heading else ""
    text = label or (f"“{heading}”" if heading else f"Chapter {chapter.number}")
    return f'<a href="../chapters/{chapter.page}.html{anchor}">{escape(text)}</a>'


# --- Small checks shared by every file ---------------------------------------------------------


def _mapping(raw: Any, where: str, keys: Collection[str], optional: Collection[str] = ()) -> dict:
    if not isinstance(raw, dict):
        raise CoursePackError(f"{where}: must be a mapping with {', '.join(keys)}")
    unknown = set(raw) - set(keys) - set(optional)
    if unknown:
        raise CoursePackError(f"{where}: unknown keys {sorted(unknown)}")
    missing = [k for k in keys if k not in raw]
    if missing:
        raise CoursePackError(f"{where}: missing {', '.join(repr(k) for k in missing)}")
    return raw


def _text(value: Any, where: str, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CoursePackError(f"{where}: '{key}' must be non-empty text")
    return " ".join(value.split())


def _texts(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise CoursePackError(f"{where}: '{key}' must be a non-empty list")
    return tuple(_text(v, where, key) for v in value)


def _numbers(value: Any, where: str, key: str) -> tuple[int, ...]:
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value)
    ):
        raise CoursePackError(f"{where}: '{key}' must be a non-empty list of whole numbers")
    return tuple(value)


def _chapter(value: Any, where: str, chapters: Mapping[int, ChapterFacts]) -> ChapterFacts:
    if not isinstance(value, int) or isinstance(value, bool) or value not in chapters:
        raise CoursePackError(f"{where}: chapter {value!r} is not a chapter of the book")
    return chapters[value]


def _heading(chapter: ChapterFacts, heading: str, where: str) -> str:
    if heading not in chapter.headings:
        raise CoursePackError(
            f"{where}: section {heading!r} is not a heading of chapter {chapter.number}"
        )
    return heading


def _file(path: Path, top: Collection[str]) -> dict:
    raw = load_yaml(path, CoursePackError, "course-pack file")
    if not isinstance(raw, dict) or not set(top) <= set(raw):
        raise CoursePackError(f"{path.name}: must be a mapping with {', '.join(top)}")
    return raw


def pack_path(name: str, root: Path | None = None) -> Path:
    """Where a course-pack file lives: course/NAME.yml."""
    return (root or course_root()) / "course" / f"{name}.yml"


# --- Course outcomes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    id: str
    text: str
    objectives: dict[int, tuple[int, ...]]


def load_outcomes(path: Path, chapters: Mapping[int, ChapterFacts]) -> list[Outcome]:
    """Read the outcomes; every objective number must exist in its chapter."""
    raw = _file(path, ["outcomes"])
    if not isinstance(raw["outcomes"], list) or not raw["outcomes"]:
        raise CoursePackError(f"{path.name}: 'outcomes' must be a non-empty list")
    outcomes = []
    for number, item in enumerate(raw["outcomes"], start=1):
        where = f"{path.name}: outcome {number}"
        entry = _mapping(item, where, ["id", "text", "objectives"])
        where = f"{path.name}: outcome {entry['id']}"
        mapping = entry["objectives"]
        if not isinstance(mapping, dict) or not mapping:
            raise CoursePackError(f"{where}: 'objectives' must map chapters to objective numbers")
        objectives = {}
        for chapter_number, numbers in mapping.items():
            chapter = _chapter(chapter_number, where, chapters)
            for n in _numbers(numbers, where, f"objectives of chapter {chapter.number}"):
                if n > len(chapter.objectives):
                    raise CoursePackError(
                        f"{where}: chapter {chapter.number} has no objective {n} "
                        f"(it lists {len(chapter.objectives)})"
                    )
            objectives[chapter.number] = tuple(numbers)
        outcomes.append(
            Outcome(
                _text(entry["id"], where, "id"), _text(entry["text"], where, "text"), objectives
            )
        )
    return outcomes


def unmapped_objectives(
    outcomes: list[Outcome], chapters: Mapping[int, ChapterFacts]
) -> list[tuple[int, int]]:
    """(chapter, objective) pairs that no course outcome maps to."""
    mapped = {(c, n) for o in outcomes for c, ns in o.objectives.items() for n in ns}
    return [
        (c.number, n)
        for c in chapters.values()
        for n in range(1, len(c.objectives) + 1)
        if (c.number, n) not in mapped
    ]


def _plain(objective: str) -> str:
    return objective.replace("**", "").replace("`", "")


def outcomes_html(outcomes: list[Outcome], chapters: Mapping[int, ChapterFacts]) -> str:
    """The outcomes as a table, each with the chapter objectives it draws on, in full."""
    rows = []
    for outcome in outcomes:
        items = "".join(
            f"<li>{section_link(chapters[c], 'Learning objectives', f'Chapter {c}')}, "
            f"objective {n}: {escape(_plain(chapters[c].objectives[n - 1]))}</li>"
            for c, numbers in sorted(outcome.objectives.items())
            for n in numbers
        )
        rows.append(
            f'<tr><th scope="row">{escape(outcome.id)}</th><td>{escape(outcome.text)}</td>'
            f"<td><ul>{items}</ul></td></tr>"
        )
    return (
        '<div class="nk-table-wrap"><table class="nk-table nk-course-outcomes">'
        "<caption>Course outcomes and the chapter objectives they draw on</caption><thead><tr>"
        '<th scope="col">Outcome</th><th scope="col">By the end of the course a student can'
        '</th><th scope="col">Chapter objectives</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


# --- Schedules ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    chapter: int
    sections: tuple[str, ...] | None  # None: the whole chapter


@dataclass(frozen=True)
class Activity:
    kind: str
    chapter: int
    items: tuple[int, ...]
    text: str


@dataclass(frozen=True)
class Session:
    title: str
    read: tuple[Reading, ...]
    activities: tuple[Activity, ...]
    homework: str


@dataclass(frozen=True)
class Schedule:
    id: str
    title: str
    use: str
    sessions: tuple[Session, ...]

    def chapters(self) -> set[int]:
        """The chapters this schedule assigns reading from."""
        return {r.chapter for s in self.sessions for r in s.read}


def _reading(raw: Any, where: str, chapters: Mapping[int, ChapterFacts]) -> Reading:
    entry = _mapping(raw, where, ["chapter", "sections"])
    chapter = _chapter(entry["chapter"], where, chapters)
    if entry["sections"] == "all":
        return Reading(chapter.number, None)
    sections = _texts(entry["sections"], where, "sections")
    return Reading(chapter.number, tuple(_heading(chapter, s, where) for s in sections))


def _activity(raw: Any, where: str, chapters: Mapping[int, ChapterFacts]) -> Activity:
    entry = _mapping(raw, where, ["kind", "chapter", "text"], optional=["items"])
    kind = entry["kind"]
    if kind not in ACTIVITY_KINDS:
        raise CoursePackError(
            f"{where}: 'kind' must be one of {sorted(ACTIVITY_KINDS)}, not {kind!r}"
        )
    chapter = _chapter(entry["chapter"], where, chapters)
    needed = ACTIVITY_KINDS[kind]
    if not any(h.startswith(needed) for h in chapter.headings):
        raise CoursePackError(f"{where}: chapter {chapter.number} has no section {needed!r}")
    items: tuple[int, ...] = ()
    if kind in ("discussion", "primary-source", "try-it"):
        items = _numbers(entry.get("items"), where, "items")
        available = {
            "discussion": range(1, len(chapter.discussion) + 1),
            "primary-source": range(1, len(chapter.primary_questions) + 1),
            "try-it": chapter.exercises,
        }[kind]
        what = {
            "discussion": "discussion question",
            "primary-source": "primary-source question",
            "try-it": "Try it exercise",
        }[kind]
        for n in items:
            if n not in available:
                raise CoursePackError(f"{where}: chapter {chapter.number} has no {what} {n}")
    elif "items" in entry:
        raise CoursePackError(f"{where}: a {kind} activity takes no 'items'")
    return Activity(kind, chapter.number, items, _text(entry["text"], where, "text"))


def load_schedules(path: Path, chapters: Mapping[int, ChapterFacts]) -> list[Schedule]:
    """Read the schedules; each must have as many sessions as it says, and every reading,
    question and exercise must exist in the chapters."""
    raw = _file(path, ["schedules"])
    if not isinstance(raw["schedules"], list) or not raw["schedules"]:
        raise CoursePackError(f"{path.name}: 'schedules' must be a non-empty list")
    schedules = []
    for index, item in enumerate(raw["schedules"], start=1):
        entry = _mapping(
            item, f"{path.name}: schedule {index}", ["id", "title", "sessions", "use", "plan"]
        )
        where = f"{path.name}: schedule {entry['id']}"
        plan = entry["plan"]
        if not isinstance(plan, list) or len(plan) != entry["sessions"]:
            count = len(plan) if isinstance(plan, list) else 0
            raise CoursePackError(f"{where}: says {entry['sessions']} sessions but plans {count}")
        sessions = []
        for number, raw_session in enumerate(plan, start=1):
            at = f"{where}, session {number}"
            s = _mapping(raw_session, at, ["title", "read", "activities", "homework"])
            if not isinstance(s["read"], list) or not s["read"]:
                raise CoursePackError(f"{at}: 'read' must be a non-empty list")
            if not isinstance(s["activities"], list) or not s["activities"]:
                raise CoursePackError(f"{at}: 'activities' must be a non-empty list")
            sessions.append(
                Session(
                    title=_text(s["title"], at, "title"),
                    read=tuple(
                        _reading(r, f"{at}, reading {i}", chapters)
                        for i, r in enumerate(s["read"], 1)
                    ),
                    activities=tuple(
                        _activity(a, f"{at}, activity {i}", chapters)
                        for i, a in enumerate(s["activities"], 1)
                    ),
                    homework=_text(s["homework"], at, "homework"),
                )
            )
        schedules.append(
            Schedule(
                id=_text(entry["id"], where, "id"),
                title=_text(entry["title"], where, "title"),
                use=_text(entry["use"], where, "use"),
                sessions=tuple(sessions),
            )
        )
    return schedules


def _reading_html(reading: Reading, chapters: Mapping[int, ChapterFacts]) -> str:
    chapter = chapters[reading.chapter]
    if reading.sections is None:
        return f"{section_link(chapter)}: the whole chapter"
    links = "; ".join(section_link(chapter, h) for h in reading.sections)
    return f"{section_link(chapter)}: {links}"


def _numbers_text(numbers: tuple[int, ...]) -> str:
    text = [str(n) for n in numbers]
    return text[0] if len(text) == 1 else ", ".join(text[:-1]) + " and " + text[-1]


def activity_label(activity: Activity, chapters: Mapping[int, ChapterFacts]) -> str:
    """What the activity draws on, linked to the chapter section (HTML)."""
    chapter = chapters[activity.chapter]
    plural = "s" if len(activity.items) > 1 else ""
    if activity.kind == "try-it":
        names = ", ".join(
            section_link(chapter, chapter.exercises[n], f"exercise {n}") for n in activity.items
        )
        return f"Try it {names} (Chapter {chapter.number})"
    numbers = _numbers_text(activity.items) if activity.items else ""
    if activity.kind == "discussion":
        heading, label = "Discussion questions", f"Discussion question{plural} {numbers}"
    elif activity.kind == "primary-source":
        heading, label = chapter.primary_heading, f"Primary source, question{plural} {numbers}"
    elif activity.kind == "quiz":
        heading, label = "Check your understanding", "Quiz"
    else:
        heading, label = "Perspectives", "Perspectives table"
    return f"{section_link(chapter, heading, label)} (Chapter {chapter.number})"


def schedule_html(schedule: Schedule, chapters: Mapping[int, ChapterFacts]) -> str:
    """One schedule as a table: session, reading, activities, homework."""
    rows = []
    for number, session in enumerate(schedule.sessions, start=1):
        read = "".join(f"<li>{_reading_html(r, chapters)}</li>" for r in session.read)
        acts = "".join(
            f"<li><strong>{activity_label(a, chapters)}</strong>: {escape(a.text)}</li>"
            for a in session.activities
        )
        rows.append(
            f'<tr><th scope="row">{number}. {escape(session.title)}</th><td><ul>{read}</ul></td>'
            f"<td><ul>{acts}</ul></td><td>{escape(session.homework)}</td></tr>"
        )
    return (
        f'<p class="nk-schedule-use">{escape(schedule.use)}</p>'
        '<div class="nk-table-wrap">'
        f'<table class="nk-table nk-schedule" id="schedule-{schedule.id}">'
        f"<caption>{escape(schedule.title)}</caption><thead><tr>"
        '<th scope="col">Session</th><th scope="col">Read before class</th>'
        '<th scope="col">In class</th><th scope="col">Homework</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


# --- Final assessment --------------------------------------------------------------------------


@dataclass(frozen=True)
class Essay:
    prompt: str
    chapters: tuple[int, ...]


@dataclass(frozen=True)
class ExpectedPoint:
    point: str
    sections: tuple[str, ...]


@dataclass(frozen=True)
class Assessment:
    essays: tuple[Essay, ...]
    essay_length: str
    levels: tuple[str, ...]
    criteria: tuple[tuple[str, tuple[str, ...]], ...]
    chapter: int
    document: str
    length: str
    tasks: tuple[str, ...]
    expected: tuple[ExpectedPoint, ...]


def load_assessment(path: Path, chapters: Mapping[int, ChapterFacts]) -> Assessment:
    """Read the final assessment: essays, a rubric with one descriptor per level for every
    criterion, and a source analysis on a primary source of the book with expected points."""
    raw = _file(path, ["essays", "essay_length", "rubric", "source_analysis"])
    name = path.name
    if not isinstance(raw["essays"], list) or not raw["essays"]:
        raise CoursePackError(f"{name}: 'essays' must be a non-empty list")
    essays = []
    for i, item in enumerate(raw["essays"], start=1):
        where = f"{name}: essay {i}"
        e = _mapping(item, where, ["prompt", "chapters"])
        numbers = _numbers(e["chapters"], where, "chapters")
        for n in numbers:
            _chapter(n, where, chapters)
        essays.append(Essay(_text(e["prompt"], where, "prompt"), numbers))
    rubric = _mapping(raw["rubric"], f"{name}: rubric", ["levels", "criteria"])
    levels = _texts(rubric["levels"], f"{name}: rubric", "levels")
    if not isinstance(rubric["criteria"], list) or not rubric["criteria"]:
        raise CoursePackError(f"{name}: rubric: 'criteria' must be a non-empty list")
    criteria = []
    for i, item in enumerate(rubric["criteria"], start=1):
        c = _mapping(item, f"{name}: rubric criterion {i}", ["name", "descriptors"])
        where = f"{name}: rubric criterion {c['name']!r}"
        descriptors = _texts(c["descriptors"], where, "descriptors")
        if len(descriptors) != len(levels):
            raise CoursePackError(
                f"{where}: {len(descriptors)} descriptors for {len(levels)} levels"
            )
        criteria.append((_text(c["name"], where, "name"), descriptors))
    where = f"{name}: source_analysis"
    s = _mapping(
        raw["source_analysis"], where, ["chapter", "document", "length", "tasks", "expected"]
    )
    chapter = _chapter(s["chapter"], where, chapters)
    document = _heading(chapter, _text(s["document"], where, "document"), where)
    if not document.startswith("Primary source"):
        raise CoursePackError(f"{where}: {document!r} is not one of the book's primary sources")
    if not isinstance(s["expected"], list) or not s["expected"]:
        raise CoursePackError(f"{where}: 'expected' must be a non-empty list")
    expected = []
    for i, item in enumerate(s["expected"], start=1):
        at = f"{where}, expected point {i}"
        p = _mapping(item, at, ["point", "sections"])
        sections = tuple(_heading(chapter, h, at) for h in _texts(p["sections"], at, "sections"))
        expected.append(ExpectedPoint(_text(p["point"], at, "point"), sections))
    return Assessment(
        essays=tuple(essays),
        essay_length=_text(raw["essay_length"], name, "essay_length"),
        levels=levels,
        criteria=tuple(criteria),
        chapter=chapter.number,
        document=document,
        length=_text(s["length"], where, "length"),
        tasks=_texts(s["tasks"], where, "tasks"),
        expected=tuple(expected),
    )


def essays_html(assessment: Assessment, chapters: Mapping[int, ChapterFacts]) -> str:
    """The essay prompts as a numbered list, each naming the chapters it draws on."""
    items = []
    for essay in assessment.essays:
        links = ", ".join(section_link(chapters[n]) for n in essay.chapters)
        items.append(f"<li><p>{escape(essay.prompt)}</p><p>Draws on: {links}.</p></li>")
    return (
        f"<p>Answer one prompt in {escape(assessment.essay_length)}.</p>"
        f'<ol class="nk-essay-prompts">{"".join(items)}</ol>'
    )


def rubric_html(assessment: Assessment) -> str:
    """The rubric as a table of criteria (rows) by levels (columns)."""
    head = "".join(f'<th scope="col">{escape(level)}</th>' for level in assessment.levels)
    rows = "".join(
        f'<tr><th scope="row">{escape(name)}</th>'
        + "".join(f"<td>{escape(d)}</td>" for d in descriptors)
        + "</tr>"
        for name, descriptors in assessment.criteria
    )
    return (
        '<div class="nk-table-wrap"><table class="nk-table nk-rubric">'
        "<caption>Marking rubric for the final essay and the source analysis</caption>"
        f'<thead><tr><th scope="col">Criterion</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def source_analysis_html(assessment: Assessment, chapters: Mapping[int, ChapterFacts]) -> str:
    """The source-analysis task and the expected points, each with the sections it comes from."""
    chapter = chapters[assessment.chapter]
    tasks = "".join(f"<li>{escape(t)}</li>" for t in assessment.tasks)
    points = "".join(
        f'<li>{escape(p.point)} <span class="nk-note-draws">(Sections: '
        + "; ".join(section_link(chapter, h) for h in p.sections)
        + ")</span></li>"
        for p in assessment.expected
    )
    return (
        f"<p>The document: {section_link(chapter, assessment.document)} in Chapter "
        f"{chapter.number}, as printed in the chapter and in the chapter's handout. "
        f"Length: {escape(assessment.length)}.</p>"
        f'<ol class="nk-source-tasks">{tasks}</ol>'
        "<p><strong>Points a good answer makes</strong> (for instructors):</p>"
        f'<ul class="nk-expected-points">{points}</ul>'
    )


# --- Further reading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Work:
    key: str
    perspective: str
    note: str


@dataclass(frozen=True)
class ChapterReading:
    chapter: int
    works: tuple[Work, ...]
    gap: str | None


def load_reading(
    path: Path, chapters: Mapping[int, ChapterFacts], bib: Collection[str] | None = None
) -> list[ChapterReading]:
    """Read the further reading. Each chapter has up to four works, all keys of references.bib.
    A chapter with fewer than two works, or without both an Armenian and an Azerbaijani
    author, must say so in `gap` rather than leave the reader to assume balance."""
    raw = _file(path, ["chapters"])
    bib = bib_keys() if bib is None else bib
    listed = raw["chapters"]
    if not isinstance(listed, dict):
        raise CoursePackError(f"{path.name}: 'chapters' must map chapter numbers to reading")
    out = []
    for number, item in sorted(listed.items()):
        where = f"{path.name}: chapter {number}"
        chapter = _chapter(number, where, chapters)
        entry = _mapping(item, where, ["works"], optional=["gap"])
        works_raw = entry["works"]
        if not isinstance(works_raw, list) or len(works_raw) > 4:
            raise CoursePackError(f"{where}: 'works' must be a list of at most four works")
        works = []
        for i, w in enumerate(works_raw, start=1):
            at = f"{where}, work {i}"
            work = _mapping(w, at, ["key", "perspective", "note"])
            if work["key"] not in bib:
                raise CoursePackError(f"{at}: {work['key']!r} is not a key in references.bib")
            if work["perspective"] not in PERSPECTIVES:
                raise CoursePackError(
                    f"{at}: 'perspective' must be one of {sorted(PERSPECTIVES)}, "
                    f"not {work['perspective']!r}"
                )
            works.append(Work(work["key"], work["perspective"], _text(work["note"], at, "note")))
        gap = _text(entry["gap"], where, "gap") if "gap" in entry else None
        sides = {w.perspective for w in works}
        if gap is None and (len(works) < 2 or not {"armenian", "azerbaijani"} <= sides):
            raise CoursePackError(
                f"{where}: needs two works or more, with Armenian and Azerbaijani authors, "
                "or a 'gap' note saying what could not be found"
            )
        out.append(ChapterReading(chapter.number, tuple(works), gap))
    return out


def _from_latex(value: str) -> str:
    """BibTeX field text as plain Unicode: accents, quotes and dashes decoded, braces and
    simple commands (\\emph{...}) dropped."""
    text = codecs.decode(value, "ulatex")
    text = re.sub(r"\\[a-zA-Z]+\s*", "", text)
    return text.replace("{", "").replace("}", "")


@lru_cache(maxsize=128)
def reference_html(key: str) -> str:
    """A full reference for a references.bib entry: authors, year, title, where published."""
    entry = parse_string(bib_entry(key), "bibtex").entries[key]
    people = entry.persons.get("author", [])
    names = [
        _from_latex(" ".join(p.first_names + p.middle_names + p.prelast_names + p.last_names))
        for p in people
    ]
    fields = {k.lower(): _from_latex(v) for k, v in entry.fields.items()}
    who = " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]
    who = who or fields.get("author", "")
    title = escape(fields.get("title", key))
    title = f"<em>{title}</em>" if entry.type == "book" else f"“{title}”"
    where = [
        f"<em>{escape(fields['journal'])}</em>" if "journal" in fields else "",
        escape(fields.get("howpublished", "")),
        escape(
            " ".join(
                filter(None, [fields.get("institution"), fields.get("type"), fields.get("number")])
            )
        )
        if entry.type == "techreport"
        else "",
        escape(", ".join(filter(None, [fields.get("address"), fields.get("publisher")]))),
        f"doi:{escape(fields['doi'])}" if "doi" in fields else "",
    ]
    year = fields.get("year", "n.d.")
    return f"{escape(who)} ({escape(year)}). {title}. " + ". ".join(w for w in where if w) + "."


def reading_html(reading: list[ChapterReading], chapters: Mapping[int, ChapterFacts]) -> str:
    """Further reading per chapter: each work in full, whose scholarship it is, and why to read
    it; then any gap the list could not fill."""
    parts = []
    for item in reading:
        chapter = chapters[item.chapter]
        works = "".join(
            f"<li>{reference_html(w.key)} <em>{PERSPECTIVES[w.perspective]}.</em> "
            f"{escape(w.note)}</li>"
            for w in item.works
        )
        gap = (
            f'<p class="nk-reading-gap"><strong>Gap:</strong> {escape(item.gap)}</p>'
            if item.gap
            else ""
        )
        parts.append(
            f'<div class="nk-reading"><p><strong>{section_link(chapter)}: '
            f"{escape(chapter.title)}</strong></p>"
            + (f"<ul>{works}</ul>" if works else "")
            + gap
            + "</div>"
        )
    return "".join(parts)


# --- The whole pack ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CoursePack:
    chapters: dict[int, ChapterFacts]
    outcomes: list[Outcome]
    schedules: list[Schedule]
    assessment: Assessment
    reading: list[ChapterReading]


def load_course_pack(root: Path | None = None) -> CoursePack:
    """Read and check every course-pack file against the book's chapters."""
    chapters = book_chapters(root)
    return CoursePack(
        chapters=chapters,
        outcomes=load_outcomes(pack_path("outcomes", root), chapters),
        schedules=load_schedules(pack_path("schedules", root), chapters),
        assessment=load_assessment(pack_path("assessment", root), chapters),
        reading=load_reading(pack_path("reading", root), chapters),
    )
