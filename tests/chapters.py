"""Read the chapter notebooks as text, for the content tests (shared by several test files)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("ch*.ipynb"))
CITE = re.compile(r"\{(?:foot)?cite:[a-z]+\}`([^`]+)`")
#: Sections after the narrative, which do not count towards its length.
NON_NARRATIVE = re.compile(
    r"^## (Perspectives|Primary source|Check your understanding|Try it|Discussion questions|"
    r"Key terms|References)",
    re.MULTILINE,
)


@dataclass
class Chapter:
    path: Path
    markdown: list[str]
    code: list[str]

    @property
    def text(self) -> str:
        return "\n\n".join(self.markdown)

    def narrative(self) -> str:
        """The markdown before the first back section (perspectives, quiz, references...)."""
        match = NON_NARRATIVE.search(self.text)
        return self.text[: match.start()] if match else self.text


def read_chapter(path: Path) -> Chapter:
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    return Chapter(
        path=path,
        markdown=["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"],
        code=["".join(c["source"]) for c in cells if c["cell_type"] == "code"],
    )


def strip_markup(text: str) -> str:
    """Prose without code fences, directives' options, roles' targets or HTML comments."""
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    text = re.sub(r"^```.*?^```", " ", text, flags=re.DOTALL | re.MULTILINE)
    text = re.sub(r"\{(?:foot)?cite:[a-z]+\}`[^`]+`", " ", text)
    text = re.sub(r"\{(term|doc|ref)\}`([^`<]*?)\s*(<[^>]*>)?`", r"\2", text)
    text = re.sub(r"^:[a-z-]+:.*$", " ", text, flags=re.MULTILINE)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return text


def word_count(text: str) -> int:
    return len(re.findall(r"[A-Za-zÀ-ÿ0-9][\w'’-]*", strip_markup(text)))


def citation_keys(text: str) -> set[str]:
    keys: set[str] = set()
    for group in CITE.findall(text):
        keys.update(k.strip() for k in group.split(",") if k.strip())
    return keys
