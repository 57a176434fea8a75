"""A reader's very first visit: a browser with nothing cached opens the site's address and
logs no console error; it finds the book's own favicon instead of a 404."""

from __future__ import annotations

import struct
import time
import urllib.request

from nk_course.site.localsite import CHROMIUM_ARGS, chromium_path, serve


def test_first_visit_logs_no_console_error_and_gets_the_favicon(site):
    from playwright.sync_api import sync_playwright

    served: list[tuple[str, int]] = []
    with serve(site, requests=served) as base, sync_playwright() as pw:
        # A browser of its own: the session's shared one may have cached an icon already.
        browser = pw.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))
        page = browser.new_context().new_page()
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base, wait_until="networkidle")  # index.html redirects to intro.html
        page.wait_for_url("**/intro.html")
        # The browser asks for the icon on its own after the page has loaded.
        deadline = time.time() + 15
        while not any("favicon" in path for path, _ in served) and time.time() < deadline:
            page.wait_for_timeout(200)
        page.wait_for_timeout(1000)  # time for a late error to be logged
        browser.close()
    icons = [(path, code) for path, code in served if "favicon" in path]
    assert icons, f"the browser asked for no icon: {served}"
    assert all(code == 200 for _, code in icons), icons
    assert [(path, code) for path, code in served if code >= 400] == []
    assert errors == [], f"console errors on a first visit: {errors}"


def test_site_root_answers_favicon_ico_with_the_books_icons(site):
    with serve(site) as base, urllib.request.urlopen(base + "favicon.ico") as response:
        data = response.read()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count == 3
    sizes = []
    for i in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        png = data[offset : offset + length]
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        assert struct.unpack(">II", png[16:24]) == (width, width)  # the PNG's IHDR size
        sizes.append(width)
    assert sizes == [16, 32, 48]
    for page in ("intro.html", "chapters/ch01-land-peoples-empires.html", "search.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert 'rel="icon" href="' in html and "favicon.svg" in html, page
        assert "favicon-32.png" in html and "apple-touch-icon.png" in html, page
