"""Printable handouts for classrooms without a device per student: one page or a few per
chapter, built from the chapter notebook, the glossary and the timeline table.

A handout holds the chapter's learning objectives, its key points (where it has them), its key
terms with their glossary definitions, the chapter's events from the course timeline, its
primary source with the questions, and its discussion questions. `scripts/print_pdfs.py` prints
each one to PDF with Chromium (`make pdf`). The MyST roles of the notebook are turned into
print: a glossary term into its text, a citation into "(Author year)" with the full reference
listed at the end.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from markdown_it import MarkdownIt

from nk_course.bibliography import short_citation
from nk_course.chapter_outline import (
    chapter_notebook,
    learning_objectives,
    notebook_markdown,
    section_headings,
    section_markdown,
)
from nk_course.course_pack import reference_html
from nk_course.datapackage import load_table
from nk_course.paths import course_root

_MARKDOWN = MarkdownIt("commonmark", {"html": False})
_TERM = re.compile(r"\{term\}`([^`<]+?)\s*(?:<([^>]+)>)?`")
_CITE = re.compile(r"\{(?:foot)?cite(?::[a-z]+)?\}`([^`]+)`")
_DOC = re.compile(r"\{doc\}`([^`<]+?)\s*(?:<([^>]+)>)?`")
_SECTION_REF = re.compile(r"\s*\(\[[^\]]*\]\(#[^)]*\)\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")

CSS = """
@page { size: A4; margin: 16mm 16mm 18mm 16mm; }
body { font-family: "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.35;
       color: #000; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 5mm 0 1.5mm; border-bottom: 1px solid #444; }
p.nk-handout-kicker { font-size: 9pt; margin: 0; text-transform: uppercase; letter-spacing: .05em; }
dl { margin: 0; } dt { font-weight: bold; margin-top: 1.5mm; } dd { margin: 0 0 0 5mm; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border-bottom: 1px solid #bbb; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th { white-space: nowrap; }
blockquote { margin: 2mm 0 2mm 4mm; padding-left: 3mm; border-left: 2px solid #666; }
.nk-handout-sources { font-size: 8.5pt; }
li > p { margin: 0 0 1mm; }
h2 { break-after: avoid; }
"""


class HandoutError(ValueError):
    """A handout cannot be built; the message names the chapter and what is missing."""


@dataclass(frozen=True)
class Event:
    date: str
    title: str


def glossary_definitions(path: Path | None = None) -> dict[str, str]:
    """Term -> definition, read from the {glossary} block of back/glossary.md."""
    path = path or course_root() / "back" / "glossary.md"
    text = path.read_text(encoding="utf-8")
    block = re.search(r"^```\{glossary\}\n(.*?)^```", text, re.DOTALL | re.MULTILINE)
    if not block:
        raise HandoutError(f"{path.name}: no {{glossary}} block")
    terms: dict[str, str] = {}
    current = None
    for line in block.group(1).splitlines():
        if not line.strip() or line.startswith(":"):
            continue
        if line[0].isspace():
            if current is None:
                raise HandoutError(f"{path.name}: definition before any term: {line.strip()!r}")
            terms[current] = " ".join(filter(None, [terms[current], line.strip()]))
        else:
            current = line.strip()
            terms[current] = ""
    return terms


def _date(value, precision: str) -> str:
    if precision == "year":
        return f"{value.year}"
    if precision == "month":
        return f"{value:%B} {value.year}"
    return f"{value.day} {value:%B} {value.year}"


def chapter_events(chapter: int, root: Path | None = None) -> list[Event]:
    """The chapter's events in the course timeline, in date order."""
    table = load_table("timeline", root)
    rows = table[table["chapter"] == chapter].sort_values("date")
    return [Event(_date(row.date, row.date_precision), row.title) for row in rows.itertuples()]


def _doc_text(match: re.Match[str]) -> str:
    """A {doc} link as print text: its label, or "Chapter N" for a bare chapter page."""
    label, target = match.group(1).strip(), match.group(2)
    chapter = re.fullmatch(r"(?:\.\./chapters/)?ch(\d\d)-[\w-]+", label)
    return f"Chapter {int(chapter.group(1))}" if target is None and chapter else label


def to_print(markdown: str, cited: list[str]) -> str:
    """MyST markdown as plain markdown for print: roles become their text, citations become
    "(Author year)" and their keys are added to `cited`, links to sections are dropped."""

    def cite(match: re.Match[str]) -> str:
        keys = [k.strip() for k in match.group(1).split(",") if k.strip()]
        cited.extend(k for k in keys if k not in cited)
        return "(" + "; ".join(short_citation(k).replace(" (", " ").rstrip(")") for k in keys) + ")"

    text = _CITE.sub(cite, markdown)
    text = _TERM.sub(lambda m: m.group(1).strip(), text)
    text = _DOC.sub(_doc_text, text)
    text = _SECTION_REF.sub("", text)
    return _LINK.sub(r"\1", text)


def key_terms(markdown: str) -> list[str]:
    """The glossary terms the chapter's "Key terms" list links to (their glossary names)."""
    section = section_markdown(markdown, "Key terms") or ""
    return [(target or label).strip() for label, target in _TERM.findall(section)]


def build_handout(
    number: int,
    markdown: str,
    glossary: Mapping[str, str],
    events: Sequence[Event],
) -> str:
    """The handout of chapter `number` as a standalone HTML page (its own print styles)."""
    where = f"chapter {number}"
    title = re.search(r"^# (.+)$", markdown, re.MULTILINE)
    if not title:
        raise HandoutError(f"{where}: the notebook has no title")
    headings = section_headings(markdown)
    primary = next((h for h in headings if h.startswith("Primary source")), None)
    needed = {
        "Learning objectives": "Learning objectives",
        "Key terms": "Key terms",
        "Discussion questions": "Discussion questions",
        "Primary source": primary,
    }
    for name, heading in needed.items():
        if heading is None or section_markdown(markdown, heading) is None:
            raise HandoutError(f"{where}: no section {name!r} to print")
    terms = key_terms(markdown)
    if not terms:
        raise HandoutError(f"{where}: the 'Key terms' section links no glossary term")
    missing = [t for t in terms if t not in glossary]
    if missing:
        raise HandoutError(f"{where}: key terms not in the glossary: {missing}")
    if not events:
        raise HandoutError(f"{where}: no events in the timeline table")
    cited: list[str] = []

    def render(md: str) -> str:
        return _MARKDOWN.render(to_print(md, cited))

    objectives = "".join(f"<li>{render(o)}</li>" for o in learning_objectives(markdown))
    parts = [
        f'<p class="nk-handout-kicker">Nagorno-Karabakh: an open course · Handout, '
        f"chapter {number}</p><h1>{escape(to_print(title.group(1).strip(), cited))}</h1>",
        f"<section><h2>Learning objectives</h2><ol>{objectives}</ol></section>",
    ]
    points = section_markdown(markdown, "Key points")
    if points:
        parts.append(f"<section><h2>Key points</h2>{render(points)}</section>")
    definitions = "".join(
        f"<dt>{escape(t)}</dt><dd>{escape(to_print(glossary[t], cited))}</dd>" for t in terms
    )
    parts.append(f"<section><h2>Key terms</h2><dl>{definitions}</dl></section>")
    rows = "".join(
        f'<tr><th scope="row">{escape(e.date)}</th><td>{escape(e.title)}</td></tr>' for e in events
    )
    parts.append(
        "<section><h2>Timeline</h2><table><caption>The chapter's events in the course timeline"
        f'</caption><thead><tr><th scope="col">Date</th><th scope="col">Event</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )
    parts.append(
        f"<section><h2>{escape(primary)}</h2>{render(section_markdown(markdown, primary))}"
        "</section>"
    )
    parts.append(
        "<section><h2>Discussion questions</h2>"
        f"{render(section_markdown(markdown, 'Discussion questions'))}</section>"
    )
    if cited:
        sources = "".join(f"<li>{reference_html(key)}</li>" for key in cited)
        parts.append(
            f'<section class="nk-handout-sources"><h2>Sources</h2><ul>{sources}</ul></section>'
        )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Handout, chapter {number}: {escape(title.group(1).strip())}</title>"
        f"<style>{CSS}</style></head><body>{''.join(parts)}</body></html>"
    )


def chapter_handout(number: int, root: Path | None = None) -> str:
    """Chapter `number`'s handout, read from its notebook, the glossary and the timeline."""
    markdown = notebook_markdown(chapter_notebook(number, root))
    glossary = glossary_definitions((root or course_root()) / "back" / "glossary.md")
    return build_handout(number, markdown, glossary, chapter_events(number, root))
