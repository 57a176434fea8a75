"""What a chapter notebook promises: its learning objectives and its section headings.

Quizzes name objectives by number and answer notes name sections by heading, so both are read
from the notebook itself, in one place, rather than copied into a second file that could drift.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from nk_course.paths import course_root

#: The "## Learning objectives" heading, an optional lead-in line, then the list.
_OBJECTIVES = re.compile(
    r"^## Learning objectives\n+(?:[^\n\-\d].*\n+)?((?:(?:- |\d+\. ).+\n?)+)", re.MULTILINE
)
_ITEM = re.compile(r"(?:- |\d+\. )(.+)")
_HEADING = re.compile(r"^#{2,4} (.+?)\s*$", re.MULTILINE)


def chapter_notebook(chapter: int, root: Path | None = None) -> Path:
    """The notebook of chapter `chapter`: chapters/chNN-*.ipynb (exactly one must exist)."""
    folder = (root or course_root()) / "chapters"
    found = sorted(folder.glob(f"ch{chapter:02d}-*.ipynb"))
    if len(found) != 1:
        what = "no notebook" if not found else f"{len(found)} notebooks"
        raise FileNotFoundError(f"chapter {chapter}: {what} chapters/ch{chapter:02d}-*.ipynb")
    return found[0]


def notebook_markdown(path: Path) -> str:
    """The notebook's markdown cells joined by blank lines."""
    return _markdown_of(path, path.stat().st_mtime)


@lru_cache(maxsize=32)
def _markdown_of(path: Path, mtime: float) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def learning_objectives(markdown: str) -> list[str]:
    """The items of the "## Learning objectives" list, in order (objective 1 first); [] if none."""
    match = _OBJECTIVES.search(markdown)
    if not match:
        return []
    return [m.group(1).strip() for m in map(_ITEM.match, match.group(1).splitlines()) if m]


def section_headings(markdown: str) -> list[str]:
    """Every heading below the title (levels 2 to 4), whitespace folded, in order."""
    return [" ".join(h.split()) for h in _HEADING.findall(markdown)]


def chapter_objectives(chapter: int, root: Path | None = None) -> list[str]:
    """Chapter `chapter`'s learning objectives, read from its notebook."""
    return learning_objectives(notebook_markdown(chapter_notebook(chapter, root)))


def chapter_headings(chapter: int, root: Path | None = None) -> list[str]:
    """Chapter `chapter`'s section headings, read from its notebook."""
    return section_headings(notebook_markdown(chapter_notebook(chapter, root)))


def section_markdown(markdown: str, heading: str) -> str | None:
    """The body of the section titled `heading` (any level), up to the next heading of the
    same or a higher level; None if the markdown has no such heading."""
    for match in re.finditer(r"^(#{2,4}) (.+?)\s*$", markdown, re.MULTILINE):
        if " ".join(match.group(2).split()) == heading:
            level = len(match.group(1))
            end = re.compile(rf"^#{{1,{level}}} ", re.MULTILINE).search(markdown, match.end())
            return markdown[match.end() : end.start() if end else len(markdown)].strip("\n")
    return None


def numbered_items(markdown: str) -> list[str]:
    """The items of the numbered lists in `markdown` ("1. ..."), in order."""
    return [m.group(1).strip() for m in re.finditer(r"^\d+\. (.+)$", markdown, re.MULTILINE)]
