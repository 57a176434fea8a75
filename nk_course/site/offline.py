"""One zip of the whole built book, for classrooms without internet: unzip, open index.html.

Charts, quizzes and downloads already work from disk (file://): every asset is local and no
page asks another host for anything. Search needs help: Sphinx's searchtools.js fetches each
hit's page to cut a text snippet, and browsers forbid fetch() on file:// URLs. So the offline
copy adds to search.html a script with the text of every page's main content and a small shim
(nk_course/static/nk-offline-search.js) that answers those fetches from it when the page is opened
from disk. Online nothing changes: the published site has neither file.

Usage: python -m nk_course.site.offline SITE_DIR ZIP_PATH
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

from bs4 import BeautifulSoup

#: The top folder inside the zip: what a teacher sees after unzipping.
FOLDER = "nagorno-karabakh-course"
PAGES_JS = "_static/nk-search-pages.js"
SHIM_JS = "_static/nk-offline-search.js"
SHIM_SOURCE = Path(__file__).resolve().parents[1] / "static" / "nk-offline-search.js"
README = """Nagorno-Karabakh: an open course (offline copy)

Open index.html in this folder with a web browser (double-click it). Everything works
without internet: the chapters, their charts and quizzes, the data downloads and the search.
The "launch" buttons (Binder, Colab) and links to sources on the web need internet.
"""
#: Files of the build that a reader does not need.
SKIP = {".buildinfo", ".buildinfo.bak"}


def page_main_html(html: str) -> str:
    """A page's main content (what searchtools.js reads a snippet from), without scripts."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one('[role="main"]')
    if main is None:
        return ""
    for tag in main.select("script, style"):
        tag.decompose()
    return f'<div role="main">{main.decode_contents()}</div>'


def search_pages(site: Path) -> dict[str, str]:
    """Every page's main content, keyed by its path relative to the site (as search.html asks)."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("_static/") or rel in ("search.html", "genindex.html", "index.html"):
            continue
        pages[rel] = page_main_html(path.read_text(encoding="utf-8"))
    return pages


def offline_search_html(search_html: str) -> str:
    """search.html with the page texts and the fetch shim loaded before Sphinx's search."""
    scripts = f'<script src="{PAGES_JS}"></script>\n<script src="{SHIM_JS}"></script>\n'
    new, count = re.subn(r"(<script\b[^>]*searchtools\.js)", scripts + r"\1", search_html, count=1)
    if count != 1:
        raise ValueError("search.html does not load searchtools.js: cannot add offline search")
    return new


def make_offline(site: Path, target: Path) -> Path:
    """Write the zip of `site` (a built book) to `target` and return it."""
    if not (site / "index.html").exists() or not (site / "search.html").exists():
        raise FileNotFoundError(f"{site} is not a built book (no index.html/search.html)")
    target.parent.mkdir(parents=True, exist_ok=True)
    pages = json.dumps(search_pages(site), ensure_ascii=False).replace("</", "<\\/")
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(site.rglob("*")):
            rel = path.relative_to(site).as_posix()
            if path.is_dir() or path.name in SKIP:
                continue
            if rel == "search.html":
                text = offline_search_html(path.read_text(encoding="utf-8"))
                zf.writestr(f"{FOLDER}/{rel}", text)
            else:
                zf.write(path, f"{FOLDER}/{rel}")
        zf.writestr(f"{FOLDER}/{PAGES_JS}", f"window.NK_SEARCH_PAGES = {pages};\n")
        zf.write(SHIM_SOURCE, f"{FOLDER}/{SHIM_JS}")
        zf.writestr(f"{FOLDER}/README.txt", README)
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python -m nk_course.site.offline SITE_DIR ZIP_PATH")
    zip_path = make_offline(Path(sys.argv[1]), Path(sys.argv[2]))
    size = zip_path.stat().st_size / 1e6
    print(f"Wrote {zip_path} ({size:.1f} MB): unzip it and open {FOLDER}/index.html")
