"""references.bib holds each work once: two keys for one work split its citations and its
corrections (issue 17 found coxeibner1993ethnic and coxeibner1993ethnic, the same book)."""

from __future__ import annotations

import re
from collections import defaultdict

from pybtex.database import parse_file

from chapters import ROOT


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def test_no_work_has_two_entries():
    bib = parse_file(str(ROOT / "references.bib"))
    seen: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for key, entry in bib.entries.items():
        people = " ".join(str(p) for p in entry.persons.get("author", []))
        who = people or entry.fields.get("author", "") or entry.fields.get("organization", "")
        work = (_norm(entry.fields.get("title", "")), _norm(who), entry.fields.get("year", ""))
        if work[0]:
            seen[work].append(key)
    duplicates = {work: keys for work, keys in seen.items() if len(keys) > 1}
    assert not duplicates, "\n".join(f"{keys}: {work}" for work, keys in duplicates.items())


def test_no_address_is_cited_under_two_keys():
    bib = parse_file(str(ROOT / "references.bib"))
    seen: dict[str, list[str]] = defaultdict(list)
    for key, entry in bib.entries.items():
        url = entry.fields.get("url", "").rstrip("/")
        if url:
            seen[re.sub(r"^https?://(www\.)?", "", url)].append(key)
    duplicates = {url: keys for url, keys in seen.items() if len(keys) > 1}
    assert not duplicates, "\n".join(f"{keys}: {url}" for url, keys in duplicates.items())


def test_reference_lists_print_titles_as_the_sources_do(site):
    """pybtex's plain style lower-cased every title but its first letter ("pashinyan")."""
    html = (site / "chapters" / "ch04-war-2020.html").read_text(encoding="utf-8")
    assert "Aliyev and Pashinyan face off in Munich debate" in html
    assert "Aliyev and pashinyan" not in html
