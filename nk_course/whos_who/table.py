"""The who's who: whom the chapters name, how the book spells them, and in which chapters.

data/people.csv holds one spelling per person or organisation in the book's own voice, the
shorter forms the book also uses ("Pashinyan", "ICRC") and the spellings its sources use
instead ("Kocharian"). From that one table this module finds every mention in the chapter
text, so that:

- the chapters an entry appears in are computed from the text at build time, never typed (a
  typed list goes stale as soon as a chapter is edited);
- the build can link each chapter's first mention to the who's who (nk_course.whos_who.links);
- a test can check that the book's own voice uses one spelling per person (`in_book_voice`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from nk_course.chapter_outline import notebook_markdown
from nk_course.chapter_text import strip_markup
from nk_course.datapackage import DataError, read_rows, resource
from nk_course.paths import course_root

TABLE = "people"
#: The who's who page (its docname) and the prefix of each entry's HTML id.
PAGE = "back/people"
ANCHOR_PREFIX = "person-"
#: The who's who groups, in page order: a person's `side`, or every organisation together.
GROUPS = {
    "armenia": "Armenia",
    "karabakh-armenians": "Karabakh Armenians",
    "azerbaijan": "Azerbaijan",
    "soviet-union-russia": "The Soviet Union and Russia",
    "other-states": "Other governments and the EU",
    "independent": "Lawyers and writers",
    "organisations": "Organisations",
}
_BOXES = re.compile(
    r"^(`{3,})\{(?:admonition|note|warning|tip|important|caution|attention|hint|seealso)\}"
    r"[^\n]*\n(.*?)^\1[ \t]*$",
    re.DOTALL | re.MULTILINE,
)
_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”')
_BLOCKQUOTE = re.compile(r"^>.*$", re.MULTILINE)
_ITALIC = re.compile(r"(?<![*\w])\*(?!\*)[^*\n]+\*(?!\*)")


@dataclass(frozen=True)
class Entry:
    """One row of the people table: a person or an organisation."""

    id: str
    name: str
    kind: str
    side: str
    role: str
    forms: tuple[str, ...]
    other_spellings: tuple[str, ...]
    excluded_phrases: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def anchor(self) -> str:
        """The entry's HTML id on the who's who page, which chapter links point at."""
        return ANCHOR_PREFIX + self.id

    @property
    def group(self) -> str:
        """The key of GROUPS the entry is listed under."""
        return "organisations" if self.kind == "organisation" else self.side

    @property
    def surname(self) -> str:
        """The last word of a person's name; namesakes share it (an organisation has none)."""
        return self.name.split()[-1] if self.kind == "person" else ""


@dataclass(frozen=True)
class Mention:
    """Where one spelling of an entry occurs in a text."""

    entry: Entry
    start: int
    end: int
    text: str
    variant: bool  # a spelling of the sources, not of the book


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(";") if part.strip())


def table_path(root: Path | None = None) -> Path:
    """data/people.csv, as the data package names it (the build watches it for changes)."""
    root = root or course_root()
    return root / "data" / resource(TABLE, root)["path"]


def load_people(root: Path | None = None, path: Path | None = None) -> list[Entry]:
    """Every entry of the people table, checked first against its schema (file, row, field
    named on error) and then for the rules that keep a mention unambiguous: no spelling may
    name two entries, a source's spelling is never also the book's, and an excluded phrase
    must contain one of the entry's spellings (otherwise it excludes nothing)."""
    path = path or table_path(root)
    entries: list[Entry] = []
    owner: dict[str, tuple[int, str]] = {}
    for number, row in enumerate(read_rows(TABLE, root, path), start=1):
        entry = Entry(
            id=row["id"], name=row["name"], kind=row["kind"], side=row["side"],
            role=row["role"], forms=_split(row["forms"]),
            other_spellings=_split(row["other_spellings"]),
            excluded_phrases=_split(row["excluded_phrases"]), sources=_split(row["sources"]),
        )
        where = f"{path.name}, row {number}"
        if entry.kind == "organisation" and entry.side not in ("international", "independent"):
            raise DataError(f"{where}, field 'side': an organisation is 'international' or "
                            f"'independent', not '{entry.side}'")
        if entry.kind == "person" and entry.side == "international":
            raise DataError(f"{where}, field 'side': 'international' is for organisations")
        own = (entry.name, *entry.forms)
        for spelling in entry.other_spellings:
            if spelling in own:
                raise DataError(f"{where}, field 'other_spellings': '{spelling}' is also the "
                                "book's own spelling (field 'name' or 'forms')")
        for phrase in entry.excluded_phrases:
            if not any(re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", phrase) for s in own):
                raise DataError(f"{where}, field 'excluded_phrases': '{phrase}' contains none "
                                f"of the spellings {list(own)}")
        for spelling in (*own, *entry.other_spellings):
            if spelling in owner and owner[spelling][1] != entry.id:
                first, other = owner[spelling]
                raise DataError(f"{where}: '{spelling}' already names '{other}' (row {first}); "
                                "a spelling must name one entry only")
            owner[spelling] = (number, entry.id)
        entries.append(entry)
    return entries


class NameFinder:
    """Find every spelling of every entry in a text with one regular expression.

    Longer spellings are tried first, so "Ali Hajiyev" is never read as "Hajiyev" (Hikmet
    Hajiyev's short form), and an excluded phrase ("Heydar Aliyev Foundation") is consumed
    without naming anyone.
    """

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._spellings: dict[str, tuple[Entry | None, bool]] = {}
        for entry in entries:
            for spelling in (entry.name, *entry.forms):
                self._spellings[spelling] = (entry, False)
            for spelling in entry.other_spellings:
                self._spellings[spelling] = (entry, True)
        for entry in entries:
            for phrase in entry.excluded_phrases:
                self._spellings[phrase] = (None, False)
        alternatives = "|".join(
            re.escape(s) for s in sorted(self._spellings, key=lambda s: (-len(s), s))
        )
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")

    def find(self, text: str) -> Iterator[Mention]:
        """The mentions in `text`, in order (excluded phrases are skipped)."""
        for match in self.pattern.finditer(text):
            entry, variant = self._spellings[match.group()]
            if entry is not None:
                yield Mention(entry, match.start(), match.end(), match.group(), variant)


def prose(markdown: str) -> str:
    """Chapter markdown as a reader sees its words: boxes (content note, story so far) kept,
    code fences, citation keys, link targets and directive options dropped."""
    return strip_markup(_BOXES.sub(r"\2", markdown))


def in_book_voice(text: str) -> str:
    """The part of a text written in the book's own voice: no quotations (in quotation marks
    or block quotes) and no italic titles of works, where a source's spelling is kept."""
    for pattern in (_BLOCKQUOTE, _QUOTED, _ITALIC):
        text = pattern.sub(" ", text)
    return text


def chapter_paths(root: Path | None = None) -> dict[int, Path]:
    """Chapter number -> notebook, for every written chapter."""
    folder = (root or course_root()) / "chapters"
    return {int(p.name[2:4]): p for p in sorted(folder.glob("ch[0-9][0-9]-*.ipynb"))}


def mentions(root: Path | None = None, entries: list[Entry] | None = None) -> dict[str, list[int]]:
    """Entry id -> the chapters whose text names it (in any spelling), in order."""
    entries = entries if entries is not None else load_people(root)
    finder = NameFinder(entries)
    found: dict[str, list[int]] = {entry.id: [] for entry in entries}
    for number, path in chapter_paths(root).items():
        for entry_id in sorted({m.entry.id for m in finder.find(prose(notebook_markdown(path)))}):
            found[entry_id].append(number)
    return found


def namesakes(entries: list[Entry]) -> dict[str, list[Entry]]:
    """Entry id -> the other people with the same surname (the three Aliyevs, the two
    Sargsyans...), so the who's who can say who is not to be confused with whom."""
    return {
        entry.id: [other for other in entries
                   if other.surname and other.surname == entry.surname and other.id != entry.id]
        for entry in entries
    }
