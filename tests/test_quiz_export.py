"""The quiz bank export: what Moodle XML and GIFT files say matches the definitions exactly."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from nk_course.quiz.export import all_quizzes, export, gift, gift_escape, moodle_xml
from nk_course.quiz.model import load_quiz


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    return export(tmp_path_factory.mktemp("quizzes"))


def test_moodle_xml_matches_the_definitions(written):
    tree = ET.parse(written[0])
    questions = tree.getroot().findall("question[@type='multichoice']")
    quizzes = all_quizzes()
    definitions = [(quiz, q) for quiz in quizzes for q in quiz.questions]
    assert len(questions) == len(definitions) >= 8 * len(quizzes)
    categories = tree.getroot().findall("question[@type='category']")
    assert len(categories) == len(quizzes)
    for node, (quiz, question) in zip(questions, definitions, strict=True):
        assert node.findtext("name/text") == f"{quiz.name}-{question.id}"
        assert node.findtext("questiontext/text") == question.prompt
        assert node.findtext("single") == ("true" if question.type == "single" else "false")
        # The platform shuffles the options itself; the export keeps authoring order.
        assert node.findtext("shuffleanswers") == "true"
        answers = node.findall("answer")
        assert [a.findtext("text") for a in answers] == [o.text for o in question.options]
        assert [a.findtext("feedback/text") for a in answers] == [
            o.explanation for o in question.options
        ]
        right = {i for i, a in enumerate(answers) if float(a.get("fraction")) > 0}
        assert right == set(question.correct_indices)
        assert sum(float(a.get("fraction")) for a in answers if float(a.get("fraction")) > 0) == (
            pytest.approx(100, abs=0.01)
        )


def parse_gift(text: str) -> list[dict]:
    """A small GIFT reader for multiple-choice questions, enough to check what we write."""
    unescape = lambda s: re.sub(r"\\(.)", r"\1", s)  # noqa: E731
    questions = []
    for block in re.findall(r"^::(.+?)::(.*?) \{\n(.*?)\n\}$", text, re.S | re.M):
        name, prompt, body = block
        answers = []
        for line in body.splitlines():
            mark, rest = re.match(r"\t(=|~%-?[\d.]+%|~)(.*)", line).groups()
            answer, feedback = re.split(r"(?<!\\)#", rest, maxsplit=1)
            weight = 100.0 if mark == "=" else float(mark[2:-1]) if "%" in mark else 0.0
            answers.append((unescape(answer), unescape(feedback), weight))
        questions.append({"name": name, "prompt": unescape(prompt), "answers": answers})
    return questions


def test_gift_matches_the_definitions(written):
    parsed = parse_gift(written[1].read_text(encoding="utf-8"))
    definitions = [(quiz, q) for quiz in all_quizzes() for q in quiz.questions]
    assert len(parsed) == len(definitions)
    for got, (quiz, question) in zip(parsed, definitions, strict=True):
        assert got["name"] == f"{quiz.name}-{question.id}"
        assert got["prompt"] == " ".join(question.prompt.split())
        assert [a[0] for a in got["answers"]] == [
            " ".join(o.text.split()) for o in question.options
        ]
        assert {i for i, a in enumerate(got["answers"]) if a[2] > 0} == set(
            question.correct_indices
        )


def test_special_characters_survive_both_formats(tmp_path):
    path = tmp_path / "odd.yml"
    path.write_text(
        "chapter: 1\ntitle: T\nquestions:\n  - id: odd\n    type: multiple\n"
        "    objectives: [1]\n    asks: recall\n"
        '    prompt: "Braces {x}, equals =, tilde ~, hash #, colon : and <b>tags</b>?"\n'
        "    options:\n"
        '      - {text: "a = b", correct: true, explanation: "#1 {ok}"}\n'
        '      - {text: "c ~ d", correct: true, explanation: "fine: yes"}\n'
        '      - {text: "<script>x</script>", correct: false, explanation: "no"}\n',
        encoding="utf-8",
    )
    quiz = load_quiz(path)
    (got,) = parse_gift(gift([quiz]))
    assert got["prompt"] == quiz.questions[0].prompt
    assert [a[2] for a in got["answers"]] == [50.0, 50.0, -100.0]
    node = ET.fromstring(moodle_xml([quiz])).find("question[@type='multichoice']")
    assert node.findtext("questiontext/text") == quiz.questions[0].prompt
    assert node.find("questiontext").get("format") == "plain_text"
    assert gift_escape("a{b}") == "a\\{b\\}"
