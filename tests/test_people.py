"""The who's who: its table, the chapters it computes, its page and the chapters' links to it,
and one spelling per person in the book's own voice."""

from __future__ import annotations

import csv
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from nk_course.chapter_outline import notebook_markdown
from nk_course.datapackage import DataError
from nk_course.whos_who.links import link_first_mentions
from nk_course.whos_who.table import (
    GROUPS,
    NameFinder,
    chapter_paths,
    in_book_voice,
    load_people,
    mentions,
    namesakes,
    prose,
    table_path,
)

ROOT = Path(__file__).resolve().parents[1]
ENTRIES = load_people(ROOT)
BY_ID = {entry.id: entry for entry in ENTRIES}
CHAPTERS = chapter_paths(ROOT)
LINK = re.compile(r"people\.html#(person-[a-z0-9-]+)$")

#: Place names the book spells one way in its own voice (HELPERS conventions, issue 18):
#: the form it uses, and the forms its sources use that it does not.
PLACE_SPELLINGS = {"Nakhchivan": ("Nakhichevan",)}



# --- The table. ----------------------------------------------------------------------------


def test_table_has_the_people_and_organisations_the_chapters_need():
    people = [e for e in ENTRIES if e.kind == "person"]
    organisations = [e for e in ENTRIES if e.kind == "organisation"]
    assert 30 <= len(people) <= 50, len(people)
    assert 10 <= len(organisations) <= 12, len(organisations)
    assert {e.group for e in ENTRIES} == set(GROUPS)
    for namesake_ids in (
        {"heydar-aliyev", "ilham-aliyev", "yashar-aliyev"},
        {"serzh-sargsyan", "vazgen-sargsyan"},
        {"shushan-stepanyan", "gegham-stepanyan"},
        {"mammadrafi-mammadov", "ramin-mammadov"},
        {"hikmet-hajiyev", "ali-hajiyev"},
    ):
        same = namesakes(ENTRIES)
        for entry_id in namesake_ids:
            assert {o.id for o in same[entry_id]} == namesake_ids - {entry_id}


def test_every_entry_is_named_in_a_chapter():
    found = mentions(ROOT, ENTRIES)
    assert [e.id for e in ENTRIES if not found[e.id]] == []
    # Spot checks against the text: Heydar Aliyev at the 1994 ceasefire (chapter 2) and at Key
    # West (3); his son at the 2020 statement (5); the ICJ's orders (5-8); no ICJ in chapter 1.
    assert {2, 3} <= set(found["heydar-aliyev"])
    assert 5 in found["ilham-aliyev"]
    assert {5, 6, 7, 8} <= set(found["icj"]) and 1 not in found["icj"]


def test_other_spellings_come_from_the_sources():
    """A spelling the book does not use must be one a cited source uses: in references.bib or
    in a quotation the chapters print."""
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    chapters = " ".join(prose(notebook_markdown(p)) for p in CHAPTERS.values())
    for entry in ENTRIES:
        for spelling in entry.other_spellings:
            assert spelling in bib or spelling in chapters, (entry.id, spelling)


def test_longer_names_win_and_excluded_phrases_name_no_one():
    finder = NameFinder(ENTRIES)
    text = ("Ali Hajiyev died in 1988; Hajiyev spoke in 2020. The Heydar Aliyev Foundation "
            "is not Heydar Aliyev. Robert Kocharian is Kocharyan. Ter-Petrosian's plan.")
    found = [(m.entry.id, m.text, m.variant) for m in finder.find(text)]
    assert found == [
        ("ali-hajiyev", "Ali Hajiyev", False),
        ("hikmet-hajiyev", "Hajiyev", False),
        ("heydar-aliyev", "Heydar Aliyev", False),
        ("robert-kocharyan", "Kocharian", True),
        ("robert-kocharyan", "Kocharyan", False),
        ("levon-ter-petrosian", "Ter-Petrosian", False),
    ]
    # A surname shared by namesakes is no one's form, and a name is matched as a whole word.
    assert not list(finder.find("Aliyevs Sargsyan Mammadov"))


def _copy(tmp_path: Path, edit) -> Path:
    with table_path(ROOT).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    target = tmp_path / "people.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return target


def _set(row: int, field: str, value: str):
    def edit(rows: list[list[str]]) -> None:
        rows[row][rows[0].index(field)] = value
    return edit


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (_set(3, "role", ""), "people.csv, row 3 (line 4), field 'role': is empty but required"),
        (_set(5, "kind", "group"), "people.csv, row 5 (line 6), field 'kind': 'group' is not one"),
        (_set(2, "sources", "nosuchkey2099"),
         "people.csv, row 2 (line 3), field 'sources': no entry in references.bib"),
        (_set(4, "id", "Nikol Pashinyan"), "people.csv, row 4 (line 5), field 'id'"),
        (_set(6, "forms", "Pashinyan"), "people.csv, row 6: 'Pashinyan' already names"),
        (_set(2, "other_spellings", "Kocharyan"),
         "people.csv, row 2, field 'other_spellings': 'Kocharyan' is also the book's own"),
        (_set(1, "excluded_phrases", "Levon Foundation"),
         "people.csv, row 1, field 'excluded_phrases': 'Levon Foundation' contains none"),
        (_set(1, "side", "international"),
         "people.csv, row 1, field 'side': 'international' is for organisations"),
    ],
)
def test_a_malformed_row_fails_naming_file_row_and_problem(tmp_path, edit, problem):
    broken = _copy(tmp_path, edit)
    with pytest.raises(DataError) as caught:
        load_people(ROOT, path=broken)
    assert problem in str(caught.value)


# --- One spelling per person in the book's voice. -------------------------------------------


def _quiz_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _quiz_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _quiz_strings(v)]
    return []


def _texts() -> dict[str, str]:
    texts = {}
    for number, path in CHAPTERS.items():
        texts[f"ch{number:02d}"] = prose(notebook_markdown(path))
        quiz = ROOT / "quizzes" / f"ch{number:02d}.yml"
        if quiz.exists():
            data = yaml.safe_load(quiz.read_text(encoding="utf-8"))
            texts[f"quiz-ch{number:02d}"] = "\n\n".join(_quiz_strings(data))
    return texts


TEXTS = _texts()


def source_spellings_in_book_voice(text: str) -> list[str]:
    """Every source's spelling (of a person or a place) in the book's own voice in `text`."""
    voice = "\n\n".join(in_book_voice(paragraph) for paragraph in text.split("\n\n"))
    found = [m.text for m in NameFinder(ENTRIES).find(voice) if m.variant]
    for variants in PLACE_SPELLINGS.values():
        for variant in variants:
            found += re.findall(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", voice)
    return found


def test_book_voice_leaves_out_quotations_and_titles():
    text = ('Robert Kocharian said. RFE/RL wrote of "Ter-Petrosyan\'s insistence". '
            "*Aliev and Sarkisian* is a title.\n\n> Nakhichevan in a block quote")
    assert source_spellings_in_book_voice(text) == ["Kocharian"]


@pytest.mark.parametrize("name", list(TEXTS))
def test_one_spelling_per_person_in_the_books_voice(name):
    assert source_spellings_in_book_voice(TEXTS[name]) == []



# --- The link transform, on a small document. ----------------------------------------------


def _doctree(rst: str) -> nodes.document:
    settings = get_default_settings(Parser)
    settings.report_level = 5
    document = new_document("<test>", settings)
    Parser().parse(rst, document)
    return document


def test_first_mention_in_running_text_is_linked_once():
    document = _doctree(
        "Ilham Aliyev in a heading\n=========================\n\n"
        "*Ilham Aliyev* in a title. ``Ilham Aliyev`` in code. `Ilham Aliyev <https://x>`_.\n\n"
        "    Ilham Aliyev in a block quote.\n\n"
        "Then Ilham Aliyev met Heydar Aliyev, and **ICRC** staff. Ilham Aliyev again.\n\n"
        "- Hajiyev in a list, and Ilham Aliyev.\n"
    )
    linked = link_first_mentions(document, NameFinder(ENTRIES))
    assert linked == ["ilham-aliyev", "heydar-aliyev", "icrc", "hikmet-hajiyev"]
    refs = [(n["reftarget"], n.astext()) for n in document.findall(nodes.Element)
            if n.tagname == "pending_xref"]
    assert refs == [("person-ilham-aliyev", "Ilham Aliyev"), ("person-heydar-aliyev",
                    "Heydar Aliyev"), ("person-icrc", "ICRC"), ("person-hikmet-hajiyev",
                                                                "Hajiyev")]
    paragraph = next(p for p in document.findall(nodes.paragraph) if "Then" in p.astext())
    assert paragraph.astext() == (
        "Then Ilham Aliyev met Heydar Aliyev, and ICRC staff. Ilham Aliyev again."
    )


# --- The built pages. ----------------------------------------------------------------------


class _Page(HTMLParser):
    """Who's who links and entries of a built page, with the elements each link sits in."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.links: list[tuple[str, str, tuple[str, ...]]] = []  # anchor, text, ancestors
        self.terms: list[str] = []
        self.named_in: dict[str, list[str]] = {}
        self._link: list | None = None
        self._term: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "dt" and (attributes.get("id") or "").startswith("person-"):
            self._term = attributes["id"]
            self.terms.append(self._term)
            self.named_in[self._term] = []
        href = attributes.get("href") or ""
        if tag == "a" and LINK.search(href):
            self._link = [LINK.search(href).group(1), "", tuple(self.stack)]
        if tag == "a" and self._term and "/chapters/" in href:
            self.named_in[self._term].append(href.split("/chapters/")[1].split(".html")[0])
        if tag not in ("br", "img", "meta", "link", "input", "hr", "col", "wbr"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None:
            self.links.append(tuple(self._link))
            self._link = None
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link[1] += data


def _main(html: str) -> str:
    """The page's article, without the navigation and the theme's chrome."""
    return html.split('<article class="bd-article"', 1)[1].split("</article>", 1)[0]


def test_who_is_who_page_has_one_entry_per_row_with_its_anchor(site):
    page = _Page(_main((site / "back" / "people.html").read_text(encoding="utf-8")))
    assert page.terms == [e.anchor for group in GROUPS for e in ENTRIES if e.group == group]
    found = mentions(ROOT, ENTRIES)
    for entry in ENTRIES:
        pages = [CHAPTERS[n].stem for n in found[entry.id]]
        assert page.named_in[entry.anchor] == pages, entry.id


def test_chapters_link_each_entry_they_name_exactly_once(site):
    found = mentions(ROOT, ENTRIES)
    for number, path in CHAPTERS.items():
        html = (site / "chapters" / f"{path.stem}.html").read_text(encoding="utf-8")
        page = _Page(_main(html))
        anchors = [anchor for anchor, _, _ in page.links]
        named = {BY_ID[i].anchor for i, chapters in found.items() if number in chapters}
        assert sorted(anchors) == sorted(named), (number, set(anchors) ^ named)
        for anchor, text, ancestors in page.links:
            entry = BY_ID[anchor.removeprefix("person-")]
            assert text in (entry.name, *entry.forms, *entry.other_spellings), (anchor, text)
            banned = {"h1", "h2", "h3", "h4", "blockquote", "em", "figcaption", "code", "a"}
            assert not banned & set(ancestors), (number, anchor, ancestors)


def test_ilham_aliyevs_first_mention_links_to_his_entry(site):
    html = (site / "chapters" / f"{CHAPTERS[5].stem}.html").read_text(encoding="utf-8")
    article = _main(html)
    href = 'href="../back/people.html#person-ilham-aliyev"'
    assert article.count(href) == 1
    first = article.index("Ilham Aliyev")
    assert article.rfind(href, 0, first) > article.rfind("</a>", 0, first)


def test_a_malformed_table_stops_the_build_with_the_same_message(tmp_path):
    import shutil
    from types import SimpleNamespace

    from sphinx.errors import ExtensionError

    from nk_course.sphinx_ext import _load_people

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    _copy(tmp_path / "data", _set(7, "kind", "committee"))
    with pytest.raises(ExtensionError, match=r"people.csv, row 7 \(line 8\), field 'kind'"):
        _load_people(SimpleNamespace(srcdir=str(tmp_path)))
