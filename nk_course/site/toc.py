"""The book's pages in table-of-contents order, sub-pages included (read from _toc.yml).

The browser tests and the benchmark both walk every page; sub-pages (the instructors' answers
pages under the instructor guide) are pages a reader opens too, so they are listed after their
parent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def _files(entries: list[dict[str, Any]]) -> list[str]:
    found = []
    for entry in entries:
        found.append(entry["file"])
        found += _files(entry.get("sections", []))
    return found


def toc_pages(root: Path) -> list[str]:
    """Every page of the book's table of contents, as paths of the built site ("x/y.html")."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += _files(part["chapters"])
    return [f"{name}.html" for name in files]
