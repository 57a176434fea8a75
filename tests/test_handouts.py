"""Classroom handouts (nk_course.handouts, printed by scripts/print_pdfs.py): one PDF per
chapter with its objectives, key terms and their definitions, timeline, primary source and
discussion questions, and no MyST markup left in the print."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from chapters import CHAPTERS, read_chapter
from nk_course.chapter_outline import numbered_items, section_markdown
from nk_course.handouts import (
    Event,
    HandoutError,
    build_handout,
    chapter_events,
    chapter_handout,
    glossary_definitions,
    key_terms,
    to_print,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from print_pdfs import print_handouts  # noqa: E402


def flat(text: str) -> str:
    """Text without whitespace, ligatures unfolded and quotes unified: PDF extraction breaks
    lines wherever the layout did."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("“", '"')
    return re.sub(r"\s+", "", text.replace("”", '"'))


def plain(markdown: str) -> str:
    """A markdown line as the handout prints it: roles resolved, emphasis dropped."""
    return re.sub(r"[*_`]", "", to_print(markdown, []))


@pytest.fixture(scope="module")
def glossary():
    return glossary_definitions(ROOT / "back" / "glossary.md")


@pytest.fixture(scope="module")
def pdfs(browser, tmp_path_factory):
    return {p.stem: p for p in print_handouts(tmp_path_factory.mktemp("handouts"), browser)}


def test_glossary_is_read_with_every_definition(glossary):
    assert len(glossary) >= 60
    assert glossary["Kavbiuro"].startswith("The Caucasian Bureau of the Central Committee")
    assert all(definition for definition in glossary.values())


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_handout_html_holds_the_chapter_parts_without_markup(notebook, glossary):
    number = int(notebook.name[2:4])
    chapter = read_chapter(notebook)
    html = chapter_handout(number, ROOT)
    assert "{term}" not in html and "{footcite" not in html and "`" not in html
    terms = key_terms(chapter.text)
    assert len(terms) >= 5
    for term in terms:
        assert f"<dt>{term}</dt>" in html.replace("&#x27;", "'"), term
    events = chapter_events(number, ROOT)
    assert len(events) >= 10
    assert html.count('<th scope="row">') == len(events)
    assert "<h2>Primary source" in html and "<h2>Discussion questions</h2>" in html
    questions = numbered_items(section_markdown(chapter.text, "Discussion questions"))
    assert html.count("<li>") >= len(questions)
    assert "<h2>Sources</h2>" in html  # every chapter's primary source cites its text


def test_handout_fails_naming_the_chapter_and_what_is_missing(glossary):
    markdown = "# T\n\n## Learning objectives\n\n1. Explain.\n\n## Key terms\n\n- {term}`Nowhere`\n"
    with pytest.raises(HandoutError, match=r"chapter 3: no section 'Discussion questions'"):
        build_handout(3, markdown, glossary, [Event("1 May 1994", "x")])
    markdown += "\n## Primary source: a text\n\n> Quote.\n\n## Discussion questions\n\n1. Why?\n"
    with pytest.raises(
        HandoutError, match=r"chapter 3: key terms not in the glossary: \['Nowhere'\]"
    ):
        build_handout(3, markdown, glossary, [Event("1 May 1994", "x")])
    markdown = markdown.replace("{term}`Nowhere`", "{term}`NKAO`")
    with pytest.raises(HandoutError, match=r"chapter 3: no events in the timeline"):
        build_handout(3, markdown, glossary, [])
    html = build_handout(3, markdown, glossary, [Event("1 May 1994", "An event")])
    assert "<dt>NKAO</dt>" in html and "An event" in html


def test_roles_become_print_text_and_citations_are_collected():
    cited: list[str] = []
    text = to_print(
        "The {term}`oblast <Autonomous oblast>` was formed {footcite:p}`saparov2012why`; see "
        "{doc}`ch02-first-war` and ([section](#why-was-karabakh)).",
        cited,
    )
    assert text == "The oblast was formed (Saparov 2012); see Chapter 2 and."
    assert cited == ["saparov2012why"]


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_handout_pdf_prints_title_terms_timeline_source_and_questions(pdfs, notebook, glossary):
    number = int(notebook.name[2:4])
    path = pdfs[f"ch{number:02d}-handout"]
    reader = PdfReader(path)
    assert 2 <= len(reader.pages) <= 8, len(reader.pages)
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    chapter = read_chapter(notebook)
    title = re.search(r"^# (.+)$", chapter.text, re.M).group(1)
    assert flat(title) in text
    terms = key_terms(chapter.text)
    assert flat(terms[0]) in text and flat(glossary[terms[-1]])[:40] in text
    events = chapter_events(number, ROOT)
    assert flat(events[0].title)[:40] in text and flat(events[-1].title)[:40] in text
    primary = next(h for h in re.findall(r"^## (Primary source.+)$", chapter.text, re.M))
    assert flat(primary)[:40] in text
    first_question = numbered_items(section_markdown(chapter.text, "Discussion questions"))[0]
    assert flat(plain(first_question))[:40] in text
    assert "Checkanswer" not in text and "Answer:" not in text  # nothing from the key
