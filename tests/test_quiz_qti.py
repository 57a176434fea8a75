"""The IMS QTI 1.2 packages (Canvas's import format), read back as XML: every question,
option, right answer and feedback is the one in quizzes/*.yml, as the GIFT and Moodle tests
check for those formats."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from nk_course.quiz.export import all_quizzes, export
from nk_course.quiz.model import Quiz, load_quiz
from nk_course.quiz.qti import export_qti

NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
MANIFEST_NS = {"m": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"}


def plain(mattext: str | None) -> str:
    """The text a reader sees in a QTI HTML material (tags dropped, references resolved)."""
    return html.unescape(re.sub(r"<[^>]+>", "", mattext or "")).strip()


def folded(text: str) -> str:
    return " ".join(text.split())


def read_package(path: Path) -> tuple[str, list[dict]]:
    """The quiz title and, per item, what a QTI reader gets: id, type, prompt, options."""
    with zipfile.ZipFile(path) as zf:
        manifest = ET.fromstring(zf.read("imsmanifest.xml"))
        hrefs = [f.get("href") for f in manifest.iterfind(".//m:resource/m:file", MANIFEST_NS)]
        assessment = next(h for h in hrefs if h.endswith(".xml") and "meta" not in h)
        root = ET.fromstring(zf.read(assessment))
    title = root.find("q:assessment", NS).get("title")
    items = []
    for item in root.iterfind(".//q:item", NS):
        fields = {
            f.findtext("q:fieldlabel", namespaces=NS): f.findtext("q:fieldentry", namespaces=NS)
            for f in item.iterfind(".//q:qtimetadatafield", NS)
        }
        labels = item.findall(".//q:response_label", NS)
        feedback = {
            fb.get("ident"): plain(fb.findtext(".//q:mattext", namespaces=NS))
            for fb in item.iterfind("q:itemfeedback", NS)
        }
        # The condition that sets the score to 100 names the right options; under <not> are
        # the options that must stay unticked in a multiple-answer question.
        scoring = [
            c
            for c in item.iterfind(".//q:respcondition", NS)
            if c.findtext("q:setvar", namespaces=NS) == "100"
        ]
        assert len(scoring) == 1, item.get("title")
        condition = scoring[0].find("q:conditionvar", NS)
        excluded = {v.text for v in condition.iterfind(".//q:not/q:varequal", NS)}
        right = {v.text for v in condition.iterfind(".//q:varequal", NS)} - excluded
        items.append(
            {
                "id": item.get("title"),
                "type": fields["question_type"],
                "points": fields["points_possible"],
                "prompt": plain(
                    item.findtext("q:presentation/q:material/q:mattext", namespaces=NS)
                ),
                "cardinality": item.find(".//q:response_lid", NS).get("rcardinality"),
                "options": [
                    (
                        plain(label.findtext(".//q:mattext", namespaces=NS)),
                        label.get("ident") in right,
                        feedback.get(label.get("ident") + "_fb"),
                    )
                    for label in labels
                ],
                "excluded": excluded,
                "idents": {label.get("ident") for label in labels},
            }
        )
    return title, items


def assert_package_matches(path: Path, quiz: Quiz) -> None:
    title, items = read_package(path)
    assert title == f"Chapter {quiz.chapter}: {quiz.title}"
    assert [item["id"] for item in items] == [f"{quiz.name}-{q.id}" for q in quiz.questions]
    for item, question in zip(items, quiz.questions, strict=True):
        single = question.type == "single"
        assert item["type"] == (
            "multiple_choice_question" if single else "multiple_answers_question"
        )
        assert item["cardinality"] == ("Single" if single else "Multiple")
        assert item["points"] == "1"
        assert item["prompt"] == folded(question.prompt)
        assert item["options"] == [
            (folded(o.text), o.correct, folded(o.explanation)) for o in question.options
        ], item["id"]
        if not single:  # every wrong option must be left unticked for full marks
            assert len(item["excluded"]) == len(question.options) - len(question.correct_indices)
            assert item["excluded"] <= item["idents"]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    return export(tmp_path_factory.mktemp("quizzes"))


def test_make_quizzes_writes_one_qti_package_per_chapter(written):
    quizzes = all_quizzes()
    packages = [p for p in written if p.suffix == ".zip"]
    assert [p.name for p in packages] == [f"{q.name}.zip" for q in quizzes]
    assert all(p.parent.name == "qti" for p in packages)
    total = 0
    for path, quiz in zip(packages, quizzes, strict=True):
        assert_package_matches(path, quiz)
        total += len(quiz.questions)
    assert total >= 8 * len(quizzes)


def test_qti_keeps_markdown_math_and_markup_characters_as_plain_text(tmp_path):
    path = tmp_path / "ch99.yml"
    path.write_text(
        "chapter: 99\ntitle: 'Odd: characters'\nquestions:\n"
        "  - id: odd\n    type: multiple\n    objectives: [1]\n    asks: evidence\n"
        "    prompt: \"1. Is *this* <b>bold</b> -- or US$2 and US$3 [link](x) & 'quoted'?\"\n"
        "    options:\n"
        '      - {text: "a) _under_ \\\\ back", correct: true, explanation: "... `code` # hash"}\n'
        '      - {text: "[*] star", correct: true, explanation: "<script>x</script>"}\n'
        '      - {text: "+ plus", correct: false, explanation: "--- rule"}\n',
        encoding="utf-8",
    )
    quiz = load_quiz(path, objectives=["An objective of this made-up chapter."])
    (package,) = export_qti([quiz], tmp_path / "out")
    assert_package_matches(package, quiz)
    with zipfile.ZipFile(package) as zf:
        text = "".join(zf.read(n).decode() for n in zf.namelist() if n.endswith(".xml"))
    assert "<b>" not in text and "&lt;b&gt;" not in text  # the markup stays text
