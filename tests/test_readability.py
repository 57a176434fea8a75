"""Issue 18: each chapter's narrative reads at Flesch-Kincaid grade 12 or below, with at most 15 %
of its sentences 30 words or longer (method in nk_course/readability.py)."""

from __future__ import annotations

import pytest

from chapters import CHAPTERS
from nk_course.readability import (
    MAX_GRADE,
    MAX_LONG_SHARE,
    measure,
    measure_notebook,
    report,
    sentences,
    syllables,
)


def test_sentences_split_at_full_stops_but_not_at_abbreviations_or_initials():
    block = (
        'Dr. Smith met T. de Waal in Baku. He said: "It ended." Then 1,500 left (e.g. by bus). '
        "Did the U.S. agree? It did!"
    )
    assert sentences(block) == [
        "Dr. Smith met T. de Waal in Baku.",
        'He said: "It ended.',
        "Then 1,500 left (e.g. by bus).",
        "Did the U.S. agree?",
        "It did!",
    ]


def test_syllables_from_hyphenation_and_numbers_count_two():
    assert syllables("war") == 1
    assert syllables("ceasefire") >= 2
    assert syllables("1994") == 2


def test_measure_counts_paragraphs_and_list_items_as_breaks_and_skips_headings():
    markdown = (
        "# Title\n\n## Learning objectives\n\n1. **Explain** a thing at length here.\n\n"
        "## What happened?\n\nThe war began in 1991 and ended in 1994\n\n- a list item without a stop\n"
        "- another one\n\n| a | table |\n| --- | --- |\n\n## Perspectives\n\nNot counted at all."
    )
    r = measure(markdown)
    assert (r.sentences, r.words) == (3, 17)
    long = " ".join(["word"] * 30) + "."
    assert measure(f"{long}\n\nShort one.").long_sentences == 1


def test_an_empty_narrative_is_an_error():
    with pytest.raises(ValueError, match="no narrative sentences"):
        measure("# Title\n\n## Perspectives\n\nOnly back matter.")


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem[:4] for p in CHAPTERS])
def test_chapter_meets_readability_targets(path):
    name = path.stem[:4]
    r = measure_notebook(path)
    print(f"{name}: FK grade {r.grade:.1f}, {r.long_share:.0%} of {r.sentences} sentences long")
    assert r.sentences >= 100, "a chapter narrative has at least 100 sentences"
    assert r.grade <= MAX_GRADE, f"{name}: Flesch-Kincaid grade {r.grade:.1f} > {MAX_GRADE}"
    assert r.long_share <= MAX_LONG_SHARE, (
        f"{name}: {r.long_sentences} of {r.sentences} sentences ({r.long_share:.0%}) have 30+ words"
    )


def test_report_lists_every_chapter(capsys):
    table = report()
    print(table)
    assert len(table.splitlines()) == len(CHAPTERS) + 1
