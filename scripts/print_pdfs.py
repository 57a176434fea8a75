"""Print every chapter to PDF with headless Chromium, from the built book, and one classroom
handout per chapter (nk_course.handouts) into OUTDIR/handouts.

Charts are drawn before printing; the quiz is printed with its questions and options and
without answers (the explanations stay hidden, the check buttons are not printed).
Usage: python scripts/print_pdfs.py [OUTDIR]   (default _build/pdf; build the book first)
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from nk_course.handouts import chapter_handout  # noqa: E402
from nk_course.site.localsite import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402
from nk_course.tables import chapter_pages  # noqa: E402

DRAWN = "[...document.querySelectorAll('.nk-plot')].every(el => el.dataset.nkDrawn === '1')"


def print_chapters(site: Path, outdir: Path, browser: Browser | None = None) -> list[Path]:
    """Write one PDF per chapter page of `site` into `outdir`; return their paths.

    Uses `browser` if given (the tests pass theirs), else starts Debian's Chromium.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    pages = sorted((site / "chapters").glob("ch*.html"))
    if not pages:
        raise SystemExit(f"no chapter pages in {site}: run `make book` first")
    if browser is None:
        with sync_playwright() as pw:
            own = pw.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))
            try:
                return print_chapters(site, outdir, own)
            finally:
                own.close()
    written = []
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 900, "height": 1200})
        page.emulate_media(media="print")
        for html in pages:
            page.goto(f"{base}chapters/{html.name}", wait_until="networkidle")
            page.evaluate("window.nkDrawAllCharts && window.nkDrawAllCharts()")
            page.wait_for_function(DRAWN, timeout=30000)
            target = outdir / f"{html.stem}.pdf"
            page.pdf(
                path=str(target),
                format="A4",
                print_background=True,
                margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
            )
            written.append(target)
        page.close()
    return written


#: The handout's own @page rule sets the margins.
PDF_MARGINS = {"top": "0", "bottom": "0", "left": "0", "right": "0"}


def print_handouts(outdir: Path, browser: Browser | None = None) -> list[Path]:
    """Write one handout PDF per chapter (outdir/chNN-handout.pdf); return their paths.

    The handouts are standalone pages built from the notebooks, so no book build is needed.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    if browser is None:
        with sync_playwright() as pw:
            own = pw.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))
            try:
                return print_handouts(outdir, own)
            finally:
                own.close()
    written = []
    page = browser.new_page()
    for number in sorted(chapter_pages()):
        page.set_content(chapter_handout(number), wait_until="load")
        target = outdir / f"ch{number:02d}-handout.pdf"
        page.pdf(path=str(target), prefer_css_page_size=True, margin=PDF_MARGINS)
        written.append(target)
    page.close()
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "pdf"
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))
        try:
            written = print_chapters(ROOT / "_build" / "html", out, chromium)
            written += print_handouts(out / "handouts", chromium)
        finally:
            chromium.close()
    for path in written:
        print(f"wrote {path}")
