"""Link each chapter's first mention of a person or organisation to the who's who.

The links are made at build time, in the doctree, and never typed into the notebooks: the
chapters stay plain prose that other authors can edit, a renamed or new entry in
data/people.csv reaches every chapter at the next build, and a notebook opened in Jupyter
shows no markup for it.

Only running text is linked: paragraphs, lists, table bodies and boxes. Headings, code,
literal text, existing links (glossary terms, chapter links), footnotes and citations,
italic titles, block quotations, figure captions and code-cell outputs (the quiz, the
charts) are left alone. Each link is a Sphinx cross-reference to the label the who's who
page registers for the entry, so a link to an entry that is not on the page fails the build
(warnings are errors) instead of pointing nowhere.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.addnodes import pending_xref

from nk_course.whos_who.table import NameFinder

#: Elements whose text may carry a link, and through which the search descends. Anything
#: else (titles, literal, emphasis, reference, footnote, caption, raw, container, thead...)
#: is skipped with everything inside it.
LINKABLE = (
    nodes.document, nodes.section, nodes.paragraph, nodes.bullet_list, nodes.enumerated_list,
    nodes.list_item, nodes.definition_list, nodes.definition_list_item, nodes.definition,
    nodes.table, nodes.tgroup, nodes.tbody, nodes.row, nodes.entry, nodes.strong,
    nodes.admonition,
)


def person_link(text: str, anchor: str) -> pending_xref:
    """A reference to the who's who entry `anchor`, showing `text` as written."""
    return pending_xref(
        "", nodes.inline(text, text, classes=["nk-person"]),
        refdomain="std", reftype="ref", reftarget=anchor, refexplicit=True, refwarn=True,
    )


def link_first_mentions(doctree: nodes.Node, finder: NameFinder) -> list[str]:
    """Wrap the first mention of each entry in running text in a link; return the ids linked,
    in reading order."""
    linked: list[str] = []
    _visit(doctree, finder, linked)
    return linked


def _visit(node: nodes.Element, finder: NameFinder, linked: list[str]) -> None:
    for child in list(node.children):
        if isinstance(child, nodes.Text):
            _link_text(node, child, finder, linked)
        elif isinstance(child, LINKABLE) and not isinstance(child, nodes.title):
            _visit(child, finder, linked)


def _link_text(parent: nodes.Element, text: nodes.Text, finder: NameFinder,
               linked: list[str]) -> None:
    source = str(text)
    pieces: list[nodes.Node] = []
    position = 0
    for mention in finder.find(source):
        if mention.entry.id in linked:
            continue
        linked.append(mention.entry.id)
        pieces.append(nodes.Text(source[position:mention.start]))
        pieces.append(person_link(mention.text, mention.entry.anchor))
        position = mention.end
    if pieces:
        pieces.append(nodes.Text(source[position:]))
        parent.replace(text, [piece for piece in pieces if not isinstance(piece, nodes.Text)
                              or str(piece)])
