"""Every chapter notebook carries what COURSE.md asks of a chapter."""

from __future__ import annotations

import re

import pytest

from chapters import CHAPTERS, citation_keys, read_chapter, strip_markup, word_count
from nk_course.bibliography import bib_keys
from nk_course.chapter_outline import learning_objectives
from nk_course.datapackage import load_table
from nk_course.quiz import load_quiz

pytestmark = pytest.mark.skipif(not CHAPTERS, reason="no chapters")
IDS = [p.stem for p in CHAPTERS]


@pytest.fixture(params=CHAPTERS, ids=IDS)
def chapter(request):
    return read_chapter(request.param)


def test_exactly_one_h1(chapter):
    h1 = [line for line in strip_markup(chapter.text).splitlines() if re.match(r"# \S", line)]
    assert len(h1) == 1, h1


def test_objectives_reading_time_and_prerequisites(chapter):
    text = chapter.text
    objectives = learning_objectives(text)  # the list quizzes name objectives from
    assert objectives, "no '## Learning objectives' list"
    assert 3 <= len(objectives) <= 5
    assert re.search(r"[Rr]eading time", text)
    assert re.search(r"[Pp]rerequisites", text)


def test_at_least_three_charts(chapter):
    calls = sum(code.count("show_figure(") for code in chapter.code)
    assert calls >= 3


def test_quiz_has_at_least_eight_questions(chapter):
    name = chapter.path.name[:4]
    assert any(f'show_quiz("{name}")' in code for code in chapter.code)
    assert len(load_quiz(name).questions) >= 8


def test_at_least_ten_distinct_sources_all_in_references(chapter):
    keys = citation_keys(chapter.text)
    assert len(keys) >= 10, sorted(keys)
    assert keys <= bib_keys(), sorted(keys - bib_keys())
    assert "```{footbibliography}" in chapter.text


def test_narrative_length_in_range(chapter):
    words = word_count(chapter.narrative())
    assert 2500 <= words <= 4500, words


def test_required_sections(chapter):
    for heading in (
        "## Perspectives",
        "## Primary source",
        "## Check your understanding",
        "## Try it",
        "## Discussion questions",
        "## Key terms",
        "## References",
    ):
        assert heading in chapter.text, heading
    assert chapter.text.count("{term}`") >= 5, "key terms must link to the glossary"




#: A MyST admonition (content note, tip...): its body is prose a reader sees first.
ADMONITION = re.compile(r"^```\{admonition\}[^\n]*\n(?::[^\n]*\n)*(.*?)^```", re.DOTALL | re.MULTILINE)


def reader_prose(text: str) -> str:
    """The prose a reader meets, in order: admonition bodies kept, code and markup removed."""
    return strip_markup(ADMONITION.sub(lambda m: m.group(1), text))


def test_reader_prose_keeps_content_notes():
    text = "Intro.\n\n```{admonition} Content note\n:class: warning\nZangezur is named here.\n```\n"
    assert "Zangezur is named here." in reader_prose(text)
    assert "Zangezur" not in strip_markup(text)


def test_first_mention_of_a_place_gives_its_other_name(chapter):
    """STYLE.md: both names at a place's first mention in each chapter, content notes included."""
    prose = reader_prose(chapter.text)
    places = load_table("places").dropna(subset=["other_name_en"])
    problems = []
    for _, place in places.iterrows():
        names = [place["name"], place["other_name_en"]]
        hits = [(m.start(), n) for n in names for m in re.finditer(rf"\b{re.escape(n)}\b", prose)]
        if not hits:
            continue
        start, found = min(hits)
        other = names[1] if found == names[0] else names[0]
        window = prose[max(0, start - 60) : start + len(found) + 80]
        if other not in window:
            problems.append(f"{found} (first at char {start}) without {other}: …{window}…")
    assert not problems, "\n".join(problems)


def test_committed_without_outputs_except_checked_cells():
    import json

    for path in CHAPTERS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for i, cell in enumerate(nb["cells"]):
            if cell["cell_type"] != "code":
                continue
            checked = "NBVAL_CHECK_OUTPUT" in "".join(cell["source"])
            assert checked or not cell.get("outputs"), f"{path.name} cell {i} has outputs"
            if checked:
                assert cell.get("outputs"), f"{path.name} cell {i}: checked cell has no output"
