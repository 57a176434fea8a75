"""Chapter PDFs printed by headless Chromium: charts drawn, quiz questions without answers."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from chapters import CHAPTERS, read_chapter
from nk_course.quiz import load_quiz
from nk_course.quiz.order import shown_orders

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from print_pdfs import print_chapters  # noqa: E402


@pytest.fixture(scope="module")
def pdfs(site, browser, tmp_path_factory):
    return {p.stem: p for p in print_chapters(site, tmp_path_factory.mktemp("pdf"), browser)}


def flat(text: str) -> str:
    """Text without whitespace and with ligatures (the PDF's "ﬁ") unfolded: PDF extraction
    breaks lines, and hyphenated words, wherever the layout did."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_pdf_has_title_heading_charts_and_no_answers(pdfs, notebook):
    reader = PdfReader(pdfs[notebook.stem])
    assert 8 <= len(reader.pages) <= 80, len(reader.pages)
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    chapter = read_chapter(notebook)
    title = re.search(r"^# (.+)$", chapter.text, re.M).group(1)
    first_heading = re.search(r"^## (.+)$", chapter.text, re.M).group(1)
    assert flat(title) in text
    assert flat(first_heading) in text
    assert text.count("Figure") >= 3  # chart captions
    assert "Textdescriptionofthischart" not in text  # controls are not printed
    quiz = load_quiz(notebook.name[:4], check=False)
    question = quiz.questions[0]
    assert flat(question.prompt)[:60] in text
    right = question.options[min(question.correct_indices)]
    assert flat(right.explanation)[:60] not in text, "answers must stay hidden in print"
    assert "Checkanswer" not in text
    # Options are printed lettered, in the shuffled order of the book and the answer key.
    order = shown_orders(quiz)[0]
    starts = [text.find(flat(f"{'ABCDE'[k]}. {question.options[i].text}")[:50])
              for k, i in enumerate(order)]
    assert -1 not in starts and starts == sorted(starts), starts
