"""Draw the book's favicon PNGs and ICO from assets/favicon/favicon.svg with headless Chromium.

Browsers that take SVG icons use the SVG; the PNGs serve Safari and home-screen shortcuts
(apple-touch-icon), and favicon.ico, put at the site's root, answers the /favicon.ico that
browsers and crawlers ask for. The ICO holds PNG images (allowed since Windows Vista).

Usage: python scripts/make_favicon.py   (rewrites the PNG and ICO files next to the SVG)
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nk_course.site.localsite import CHROMIUM_ARGS, chromium_path  # noqa: E402

FOLDER = ROOT / "assets" / "favicon"
PNG_SIZES = {"favicon-32.png": 32, "apple-touch-icon.png": 180}
ICO_SIZES = (16, 32, 48)


def render(svg: str, sizes: list[int]) -> dict[int, bytes]:
    """The SVG drawn as a PNG with a transparent background, at each size."""
    from playwright.sync_api import sync_playwright

    pngs = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))
        for size in sizes:
            page = browser.new_page(viewport={"width": size, "height": size})
            sized = svg.replace('width="64" height="64"', f'width="{size}" height="{size}"', 1)
            page.set_content(f'<body style="margin:0;overflow:hidden">{sized}</body>')
            pngs[size] = page.locator("svg").screenshot(omit_background=True)
            page.close()
        browser.close()
    return pngs


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose images are the given PNGs (ICONDIR, ICONDIRENTRY per image, data)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries, data = b"", b""
    offset = len(header) + 16 * len(pngs)
    for size, png in sorted(pngs.items()):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset)
        data += png
        offset += len(png)
    return header + entries + data


def main() -> None:
    svg = (FOLDER / "favicon.svg").read_text(encoding="utf-8")
    pngs = render(svg, sorted({*PNG_SIZES.values(), *ICO_SIZES}))
    for name, size in PNG_SIZES.items():
        (FOLDER / name).write_bytes(pngs[size])
    (FOLDER / "favicon.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    print(f"wrote {', '.join(PNG_SIZES)} and favicon.ico in {FOLDER.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
