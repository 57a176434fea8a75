"""Issue 18: the reader's guides in every chapter: "The story so far" (chapters 2-8), "Key
points" before the Perspectives, and Try-it exercises tied to an objective with a no-code path."""

from __future__ import annotations

import re

import pytest

from chapters import CHAPTERS, read_chapter, word_count
from nk_course.chapter_outline import learning_objectives, section_headings

IDS = [p.stem[:4] for p in CHAPTERS]
STORY = re.compile(
    r"^```\{admonition\} The story so far\n:class: story-so-far\n\n((?:- .+\n)+)```", re.MULTILINE
)
BULLET = re.compile(r"^- (.+)$", re.MULTILINE)


def anchor(heading: str) -> str:
    """The id MyST gives a heading (myst_heading_anchors): lower case, punctuation dropped."""
    slug = re.sub(r"[^\w\- ]", "", heading.lower()).strip()
    return re.sub(r"\s", "-", slug)


@pytest.fixture(params=CHAPTERS, ids=IDS)
def chapter(request):
    return read_chapter(request.param)


def test_anchor_matches_myst():
    assert anchor("What did the February 1988 vote ask for?") == (
        "what-did-the-february-1988-vote-ask-for"
    )
    assert anchor("Who called the exodus what?") == "who-called-the-exodus-what"


def test_chapter_one_has_no_story_so_far():
    assert CHAPTERS[0].stem.startswith("ch01")
    assert not STORY.search(read_chapter(CHAPTERS[0]).markdown[0])
    assert "story-so-far" not in read_chapter(CHAPTERS[0]).text


def test_story_so_far_opens_chapters_two_to_eight(chapter):
    if chapter.path.stem.startswith("ch01"):
        pytest.skip("chapter 1 has no earlier chapters to recap")
    match = STORY.search(chapter.markdown[0])
    assert match, "no 'The story so far' box in the chapter's first cell"
    lines = BULLET.findall(match.group(1))
    assert len(lines) == 5, lines
    for line in lines:
        assert word_count(line) < 25, line


def test_key_points_sit_before_perspectives_and_link_their_sections(chapter):
    cells = chapter.markdown
    index = next(i for i, c in enumerate(cells) if c.startswith("## Perspectives"))
    key = cells[index - 1]
    assert key.startswith("## Key points"), "'## Key points' must be the cell before Perspectives"
    points = BULLET.findall(key)
    assert 5 <= len(points) <= 7, points
    anchors = {anchor(h) for h in section_headings(chapter.text)}
    for point in points:
        links = re.findall(r"\]\(#([^)]+)\)", point)
        assert links, f"key point without a link to its section: {point}"
        assert set(links) <= anchors, f"link to no heading of this chapter: {links}"


def test_try_it_exercises_name_an_objective_and_a_no_code_path(chapter):
    objectives = len(learning_objectives(chapter.text))
    exercises = [
        part
        for cell in chapter.markdown
        for part in re.findall(r"^### Exercise.*?(?=^#{1,3} |\Z)", cell, re.S | re.M)
    ]
    assert len(exercises) >= 3
    for cell in exercises:
        title = cell.splitlines()[0]
        numbers = [int(n) for n in re.findall(r"[Oo]bjectives? (\d)", cell)]
        assert numbers, f"{title}: names no objective"
        assert all(1 <= n <= objectives for n in numbers), f"{title}: objective {numbers}"
        assert "**Without code:**" in cell, f"{title}: no no-code path"
