"""Read the chapter notebooks as text, for the content tests (shared by several test files)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from nk_course.chapter_text import narrative, strip_markup, word_count  # noqa: F401 (re-exported)

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("ch*.ipynb"))
CITE = re.compile(r"\{(?:foot)?cite:[a-z]+\}`([^`]+)`")


@dataclass
class Chapter:
    path: Path
    markdown: list[str]
    code: list[str]

    @property
    def text(self) -> str:
        return "\n\n".join(self.markdown)

    def narrative(self) -> str:
        """The markdown before the first back section (key points, perspectives, quiz...)."""
        return narrative(self.text)


def read_chapter(path: Path) -> Chapter:
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    return Chapter(
        path=path,
        markdown=["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"],
        code=["".join(c["source"]) for c in cells if c["cell_type"] == "code"],
    )


def citation_keys(text: str) -> set[str]:
    keys: set[str] = set()
    for group in CITE.findall(text):
        keys.update(k.strip() for k in group.split(",") if k.strip())
    return keys
