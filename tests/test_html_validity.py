"""Every page of the built book passes the Nu Html Checker (vnu-jar from npm, run with Java).

vnu-jar is pinned in package.json and installed by `scripts/setup.sh test`, with Java. Only the
theme's Jinja macro files, which the theme copies into _static/ but no page loads or links, are
left out; everything else, the pages and the redirect index.html, must have 0 errors.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: Template sources of pydata-sphinx-theme and sphinx-book-theme, not pages.
THEME_TEMPLATES = {"_static/webpack-macros.html", "_static/sbt-webpack-macros.html"}


def vnu_errors(paths: list[Path]) -> list[dict]:
    """The checker's error messages for these files."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail("the Nu Html Checker needs Java and vnu-jar: run `bash scripts/setup.sh test`")
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
    )
    report = json.loads(done.stderr or done.stdout)
    return [m for m in report["messages"] if m["type"] in ("error", "non-document-error")]


def test_the_checker_reports_invalid_markup(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
        "<details><summary><p>Show</p></summary>x</details></body></html>",
        encoding="utf-8",
    )
    errors = vnu_errors([page])
    assert (
        len(errors) == 1 and "“p” not allowed as child of element “summary”" in errors[0]["message"]
    )


def test_every_page_passes_the_nu_html_checker(site):
    files = sorted(site.rglob("*.html"))
    relative = {p.relative_to(site).as_posix() for p in files}
    # The only files left out are the theme's templates, and they are not served as pages.
    assert {r for r in relative if r.startswith("_static/")} == THEME_TEMPLATES
    pages = [p for p in files if p.relative_to(site).as_posix() not in THEME_TEMPLATES]
    assert len(pages) >= 17 and site / "index.html" in pages
    for page in pages:
        assert all(
            t.rsplit("/", 1)[-1] not in page.read_text(encoding="utf-8") for t in THEME_TEMPLATES
        )
    errors = vnu_errors(pages)
    listed = [
        f"{m['url'].split('/html/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors
    ]
    assert listed == [], f"{len(listed)} errors:\n" + "\n".join(listed[:30])
