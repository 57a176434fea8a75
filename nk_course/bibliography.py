"""Read the keys of references.bib, so data rows and quizzes can be checked against it."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from nk_course.paths import course_root

_ENTRY = re.compile(r"^\s*@(\w+)\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


@lru_cache(maxsize=8)
def _keys_of(path: Path, mtime: float) -> frozenset[str]:
    text = path.read_text(encoding="utf-8")
    return frozenset(key for kind, key in _ENTRY.findall(text) if kind.lower() != "comment")


def bib_keys(path: Path | None = None) -> frozenset[str]:
    """Return every entry key in references.bib (or the .bib file at `path`)."""
    path = path or course_root() / "references.bib"
    return _keys_of(path, path.stat().st_mtime)


def split_keys(cell: str) -> list[str]:
    """Split a `sources` cell ("a;b") into its keys, ignoring spaces around them."""
    return [key.strip() for key in cell.split(";") if key.strip()]


_FIELD = r"\b{name}\s*=\s*[{{\"](.+?)[}}\"]\s*,?\s*$"


@lru_cache(maxsize=8)
def _entries_of(path: Path, mtime: float) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    starts = [(m.start(), m.group(2)) for m in _ENTRY.finditer(text)]
    bounds = [*(s for s, _ in starts[1:]), len(text)]
    return {key: text[start:end] for (start, key), end in zip(starts, bounds, strict=True)}


def bib_entry(key: str, path: Path | None = None) -> str:
    """The BibTeX text of one entry of references.bib (KeyError if there is none)."""
    path = path or course_root() / "references.bib"
    entry = _entries_of(path, path.stat().st_mtime).get(key)
    if entry is None:
        raise KeyError(f"no entry '{key}' in {path.name}")
    return entry


def short_citation(key: str, path: Path | None = None) -> str:
    """'Author (year)' for a references.bib key, for chart legends and hover cards.

    Uses the entry's `shortauthor` if it has one, else the first author's surname, or the
    organisation's name when the author is braced
    as a whole ({{Reporter.am}}); 'n.d.' when the entry has no year.
    """
    entry = bib_entry(key, path)
    short = re.search(_FIELD.format(name="shortauthor"), entry, re.MULTILINE | re.IGNORECASE)
    author = short or re.search(_FIELD.format(name="author"), entry, re.MULTILINE | re.IGNORECASE)
    year = re.search(r"\byear\s*=\s*[{\"]?(\d{4})", entry, re.IGNORECASE)
    who = author.group(1).strip("{} ") if author else key
    if author and not author.group(1).startswith("{"):
        first = who.split(" and ")[0]
        who = first.split(",")[0] if "," in first else first.split()[-1]
    return f"{who} ({year.group(1) if year else 'n.d.'})"
