"""A chapter notebook read as prose: its narrative, stripped of markup, and its word count.

The length test, the readability test and the stated reading time all count the same words, so
the rules for what is narrative and what is markup live here, once.
"""

from __future__ import annotations

import re

#: Sections after the narrative, which do not count towards its length.
NON_NARRATIVE = re.compile(
    r"^## (Key points|Perspectives|Primary source|Check your understanding|Try it|"
    r"Discussion questions|Key terms|References)",
    re.MULTILINE,
)
#: The objectives list, reading time and prerequisites: the chapter's front matter, not narrative.
_OBJECTIVES_SECTION = re.compile(r"^## Learning objectives\n.*?(?=^## |\Z)", re.DOTALL | re.M)
_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9][\w'’-]*")


def narrative(markdown: str) -> str:
    """The markdown before the first back section (key points, perspectives, quiz...), without
    the "Learning objectives" front matter.

    Boxes (content note, story so far) are fenced directives, so `strip_markup` drops them: the
    counts are of the chapter's own narrative, not of its recaps."""
    match = NON_NARRATIVE.search(markdown)
    return _OBJECTIVES_SECTION.sub("", markdown[: match.start()] if match else markdown)


def strip_markup(text: str) -> str:
    """Prose without code fences, directives' options, roles' targets or HTML comments."""
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    text = re.sub(r"^```.*?^```", " ", text, flags=re.DOTALL | re.MULTILINE)
    text = re.sub(r"\{(?:foot)?cite:[a-z]+\}`[^`]+`", " ", text)
    text = re.sub(r"\{(term|doc|ref)\}`([^`<]*?)\s*(<[^>]*>)?`", r"\2", text)
    text = re.sub(r"^:[a-z-]+:.*$", " ", text, flags=re.MULTILINE)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return text


def words(text: str) -> list[str]:
    """The words of `text` once markup is stripped (a number counts as one word)."""
    return _WORD.findall(strip_markup(text))


def word_count(text: str) -> int:
    return len(words(text))
