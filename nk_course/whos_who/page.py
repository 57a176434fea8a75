"""The who's who page's entries, written at build time from data/people.csv.

back/people.md holds the headings and the prose; each group's entries come from a directive,

    ```{who-is-who} armenia
    ```

so that the page cannot drift from the table or from the chapters: the chapters an entry
appears in are found in the chapter text at each build (nk_course.whos_who.table.mentions), and the
page is read again whenever the table or a chapter changes. Each entry is a term with the id
`person-<id>`, registered as a label that the chapters' first-mention links point at.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from nk_course.datapackage import DataError
from nk_course.whos_who.table import (
    GROUPS,
    Entry,
    chapter_paths,
    load_people,
    mentions,
    namesakes,
    table_path,
)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def entry_markdown(entry: Entry, chapters: list[int], pages: dict[int, str],
                   same_name: list[Entry]) -> str:
    """The body of one entry as MyST markdown: role with its sources, other spellings,
    namesakes and the chapters that name it."""
    cite = f"{{footcite:p}}`{','.join(entry.sources)}`"
    role = entry.role
    # As in the chapters, the citation goes before the sentence's full stop.
    parts = [f"{role[:-1]} {cite}." if role.endswith(".") else f"{role} {cite}"]
    if entry.other_spellings:
        parts.append(f"Other spellings in sources: {', '.join(entry.other_spellings)}.")
    if same_name:
        links = [f"{{ref}}`{other.name} <{other.anchor}>`" for other in same_name]
        parts.append(f"Not to be confused with {_and(links)}.")
    if chapters:
        links = [f"{{doc}}`Chapter {n} <../chapters/{pages[n]}>`" for n in chapters]
        parts.append(f"Named in {_and(links)}.")
    return "\n\n".join(parts)


class WhoIsWho(SphinxDirective):
    """The entries of one group of the who's who (a key of nk_course.whos_who.table.GROUPS)."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        group = self.arguments[0]
        if group not in GROUPS:
            raise self.error(f"who-is-who: unknown group '{group}' (groups: {', '.join(GROUPS)})")
        root = Path(self.env.srcdir)
        try:
            entries = load_people(root)
        except DataError as exc:
            raise self.error(str(exc)) from None
        self.env.note_dependency(str(table_path(root)))
        paths = chapter_paths(root)
        for path in paths.values():
            self.env.note_dependency(str(path))
        found = mentions(root, entries)
        same = namesakes(entries)
        pages = {number: path.stem for number, path in paths.items()}
        std = self.env.get_domain("std")
        listing = nodes.definition_list(classes=["nk-who-is-who"])
        members = [entry for entry in entries if entry.group == group]
        if not members:
            raise self.error(f"who-is-who: no entry of data/people.csv is in group '{group}'")
        for entry in members:
            term = nodes.term(entry.name, entry.name, ids=[entry.anchor])
            std.note_hyperlink_target(entry.anchor, self.env.docname, entry.anchor, entry.name)
            body = nodes.definition()
            text = entry_markdown(entry, found[entry.id], pages, same[entry.id])
            self.state.nested_parse(
                StringList(text.splitlines(), source=str(table_path(root))),
                self.content_offset, body,
            )
            listing += nodes.definition_list_item("", term, body)
        return [listing]
