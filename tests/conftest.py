"""Shared fixtures: the built book, a local web server for it, and a headless Chromium."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import build_book  # noqa: E402

from nk_course.site.localsite import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402


@pytest.fixture(scope="session")
def build_result():
    """Build the book once per test session, with warnings as errors."""
    return build_book.build()


@pytest.fixture(scope="session")
def site(build_result) -> Path:
    """The built HTML, or a failure showing the build's own error output."""
    if build_result.returncode != 0:
        pytest.fail(
            "the book did not build:\n" + build_result.stdout[-4000:] + build_result.stderr[-4000:]
        )
    return ROOT / "_build" / "html"


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 (a free port) and yield its base URL."""
    with serve(site) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium driven by Playwright; closed at the end of the session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        try:
            path = chromium_path()
        except FileNotFoundError as exc:
            pytest.fail(str(exc))
        chromium = pw.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS))
        yield chromium
        chromium.close()


def pytest_terminal_summary(terminalreporter) -> None:
    """After the quiz lint has run, print every chapter's quiz figures (as `make quiz-report`
    does), so an author sees them in every test run, passing or not."""
    reports = [r for key in ("passed", "failed") for r in terminalreporter.stats.get(key, [])]
    if not any("test_quiz_lint.py" in r.nodeid for r in reports):
        return
    from nk_course.quiz.lint import real_quizzes, report
    from nk_course.quiz.model import QuizError

    terminalreporter.section("quiz figures (make quiz-report)")
    try:
        terminalreporter.write_line(report(real_quizzes()))
    except QuizError as exc:
        terminalreporter.write_line(f"no figures: {exc}")
