"""How hard a chapter's narrative is to read: Flesch-Kincaid grade and the share of long sentences.

The method (the teaching review's, so figures compare with it):
- Text: the narrative (`chapter_text.narrative`, which leaves out the "Learning objectives"
  front matter) without headings, tables and fenced boxes; citations and link targets are stripped.
- Sentences: paragraphs and list items are hard breaks; inside them a sentence ends at ".", "!"
  or "?" (and any closing quote or bracket) before a space and a capital, digit or opening
  quote, unless the full stop ends a known abbreviation or an initial ("A. Smith").
- Words as `chapter_text.words` counts them; syllables from pyphen's English hyphenation
  dictionary (hyphenation points + 1), a number counting as two syllables.
- FK grade = 0.39 x (words per sentence) + 11.8 x (syllables per word) - 15.59.

Run `python -m nk_course.readability` for the table, chapter by chapter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyphen

from nk_course.chapter_outline import notebook_markdown
from nk_course.chapter_text import narrative, strip_markup, words
from nk_course.paths import course_root

#: A sentence of this many words or more counts as long.
LONG_SENTENCE = 30
#: The targets of issue 18, per chapter.
MAX_GRADE = 12.0
MAX_LONG_SHARE = 0.15

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "vs", "cf", "jr", "sr", "gen", "col", "lt",
    "maj", "capt", "prof", "rev", "approx", "fig", "vol", "pp", "p", "ed", "eds", "eg", "ie",
    "etc", "al", "inc", "co", "corp", "u.s", "u.n", "e.g", "i.e", "a.m", "p.m",
}
_SENTENCE_END = re.compile(r"""(?<=[.!?])["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9À-Ý])""")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    long_sentences: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level."""
        return (0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59)

    @property
    def long_share(self) -> float:
        """Share of sentences with LONG_SENTENCE words or more."""
        return self.long_sentences / self.sentences

    @property
    def meets_targets(self) -> bool:
        return self.grade <= MAX_GRADE and self.long_share <= MAX_LONG_SHARE


def prose_blocks(markdown: str) -> list[str]:
    """Paragraphs and list items of the narrative, without headings, tables or objectives."""
    text = strip_markup(narrative(markdown))
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        item: list[str] = []
        for line in paragraph.splitlines():
            line = line.strip()
            if not line or line.startswith(("#", "|")):
                continue
            if re.match(r"([-*+]|\d+[.)])\s", line):  # a list item starts a new block
                blocks.append(" ".join(item))
                item = [re.sub(r"^([-*+]|\d+[.)])\s+", "", line)]
            else:
                item.append(line)
        blocks.append(" ".join(item))
    return [b for b in blocks if words(b)]


def sentences(block: str) -> list[str]:
    """The sentences of one paragraph or list item."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(block):
        before = block[start : match.start()].rstrip("\"'”’)]")
        last = before.rsplit(None, 1)[-1] if before.split() else ""
        token = last.rstrip(".!?").lower().lstrip("(\"'“‘")
        if token in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", last.rstrip(".")):
            continue
        parts.append(block[start : match.start()])
        start = match.end()
    parts.append(block[start:])
    return [p for p in parts if words(p)]


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


def syllables(word: str) -> int:
    """Syllables in one word: pyphen's hyphenation points + 1; a number counts as two."""
    if word[0].isdigit():
        return 2
    return len(_dictionary().positions(word)) + 1


def measure(markdown: str) -> Readability:
    """The readability of a chapter's narrative, given the notebook's markdown."""
    found = [s for block in prose_blocks(markdown) for s in sentences(block)]
    if not found:
        raise ValueError("no narrative sentences to measure")
    counts = [words(s) for s in found]
    return Readability(
        words=sum(map(len, counts)),
        sentences=len(found),
        syllables=sum(syllables(w) for ws in counts for w in ws),
        long_sentences=sum(len(ws) >= LONG_SENTENCE for ws in counts),
    )


def measure_notebook(path: Path) -> Readability:
    return measure(notebook_markdown(path))


def report(root: Path | None = None) -> str:
    """A table of every chapter's figures, for authors (and the test's output)."""
    rows = ["chapter | words | sentences | FK grade | long sentences | targets met"]
    for path in sorted(((root or course_root()) / "chapters").glob("ch*.ipynb")):
        r = measure_notebook(path)
        rows.append(
            f"{path.stem[:4]} | {r.words} | {r.sentences} | {r.grade:.1f} | "
            f"{r.long_sentences} ({r.long_share:.0%}) | {'yes' if r.meets_targets else 'no'}"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    print(report())
