"""A static SVG picture of every chart, made at build time, shown until plotly.js draws the chart.

Measured with Lighthouse's mobile test: on a page whose first screen holds a chart (the welcome
page's map, the timeline, the gazetteer), fetching and running plotly.js at load blocked the main
thread for over a second. Each chart's box now holds an <img> of the same chart, drawn by the
site's own plotly.js (Plotly.toImage, format svg) in headless Chromium during the build, and
nk-charts.js swaps in the interactive chart once the reader interacts with the page. The picture
also serves readers without JavaScript and print.

Chromium is driven with `--dump-dom` (no Python browser library is needed by the build): one page
loads plotly.min.js and the charts' data files, writes every SVG into a <pre> as JSON, and
Chromium prints the resulting DOM. Pictures are cached by figure id (a hash of the chart's data)
and by the plotly.js bundle, so a rebuild draws only new or changed charts.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import subprocess
import tempfile
from pathlib import Path

from nk_course.site.localsite import CHROMIUM_ARGS, chromium_path

#: The widths the pictures are drawn at, by name: about the book's text column on a laptop, and
#: on a phone (the box is then 340-400 px wide: a wide picture scaled down would make its text
#: too small to read). The <img> is scaled to its box's width; the height is the chart's own.
WIDTHS = {"wide": 720, "narrow": 400}
#: Screens up to this width get the narrow picture (a CSS media query, in CSS pixels).
NARROW_SCREEN = "(max-width: 540px)"
DEFAULT_HEIGHT = 450
#: Bump when the SVG post-processing below changes, so cached pictures are redrawn.
TIDY_VERSION = "2"
_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<script src="{plotly}"></script>{scripts}</head><body><pre id="out"></pre><script>
(async function () {{
  var out = {{}};
  for (const [fid, spec] of Object.entries(window.nkFigureData || {{}})) {{
    try {{
      out[fid] = await Plotly.toImage(
        {{data: spec.data, layout: spec.layout, config: spec.config || {{}}}},
        {{format: "svg", width: {width}, height: (spec.layout || {{}}).height || {height},
          imageDataOnly: true}});
    }} catch (err) {{ out[fid] = "ERROR " + err; }}
  }}
  document.getElementById("out").textContent = JSON.stringify(out);
}})();
</script></body></html>
"""
_OUT = re.compile(r'<pre id="out">(.*?)</pre>', re.S)
_UID = re.compile(r'<defs id="defs-([0-9a-f]+)">')
_LONG_NUMBER = re.compile(r"(\d\.\d)\d{3,}")


class PictureError(RuntimeError):
    """A chart's picture could not be made."""


def browser() -> str:
    """The Chromium that draws the pictures: $NK_CHROMIUM if set, else Debian's `chromium`."""
    path = os.environ.get("NK_CHROMIUM")
    if path:
        return path
    try:
        return chromium_path()
    except FileNotFoundError:
        raise PictureError(
            "the build draws a picture of every chart with Chromium, which is not installed: "
            "`bash scripts/setup.sh runtime` installs Debian's chromium when run as root "
            "(or set NK_CHROMIUM to a Chromium or Chrome binary)"
        ) from None


def tidy_svg(svg: str, fid: str) -> str:
    """The same picture for the same chart (plotly names clip paths with a random id) and fewer
    bytes (long coordinates cut to one decimal: a tenth of a pixel at most)."""
    match = _UID.search(svg)
    if match:
        uid = re.compile(rf"(?<![0-9a-f]){match.group(1)}(?![0-9a-f])")
        svg = uid.sub(fid.removeprefix("nk-fig-")[:6], svg)
    svg = _LONG_NUMBER.sub(r"\1", svg)
    return svg.replace(' style=""', "")


def draw_svgs(
    plotly_js: Path, data_files: list[Path], width: int, timeout: int = 300
) -> dict[str, str]:
    """Draw the charts whose data files (_static/figures/<id>.js) are given, `width` pixels
    wide: {figure id: SVG}."""
    if not data_files:
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "draw.html"
        scripts = "".join(f'<script src="{p.resolve().as_uri()}"></script>' for p in data_files)
        page.write_text(
            _PAGE.format(plotly=plotly_js.resolve().as_uri(), scripts=scripts, width=width,
                         height=DEFAULT_HEIGHT),
            encoding="utf-8",
        )
        budget = 10_000 + 2_000 * len(data_files)  # virtual time: pages wait for none of it
        result = subprocess.run(
            [browser(), "--headless=new", *CHROMIUM_ARGS, f"--user-data-dir={tmp}/profile",
             "--allow-file-access-from-files", f"--virtual-time-budget={budget}",
             "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=timeout, check=False,
        )
    match = _OUT.search(result.stdout)
    if result.returncode != 0 or not match or not match.group(1).strip():
        raise PictureError(
            f"Chromium drew no chart pictures (exit {result.returncode}): "
            + result.stderr.strip()[-800:]
        )
    svgs = json.loads(html.unescape(match.group(1)))
    wanted = {p.stem for p in data_files}
    missing = sorted(wanted - set(svgs))
    failed = sorted(fid for fid, svg in svgs.items() if not svg.startswith("<svg"))
    if missing or failed:
        raise PictureError(
            f"no picture for {', '.join(missing + failed)}: "
            + "; ".join(str(svgs.get(fid, "not drawn"))[:200] for fid in missing + failed)
        )
    return {fid: tidy_svg(svg, fid) for fid, svg in svgs.items()}


def cache_key(plotly_js: Path) -> str:
    """Pictures depend on the chart (its id), the plotly.js bundle, the widths and the tidying."""
    digest = hashlib.sha1(plotly_js.read_bytes())
    digest.update(f"{sorted(WIDTHS.items())} {TIDY_VERSION}".encode())
    return digest.hexdigest()[:12]


def picture_name(fid: str, size: str) -> str:
    """The file name of a chart's picture of one size ("wide" or "narrow")."""
    return f"{fid}.svg" if size == "wide" else f"{fid}-{size}.svg"


def make_pictures(figures: Path, plotly_js: Path, cache: Path) -> list[Path]:
    """Write every picture of every chart whose data file (<id>.js) is in `figures`, beside it,
    drawing only what `cache` lacks."""
    cache = cache / cache_key(plotly_js)
    cache.mkdir(parents=True, exist_ok=True)
    data_files = sorted(figures.glob("nk-fig-*.js"))
    written = []
    for size, width in WIDTHS.items():
        todo = [p for p in data_files if not (cache / picture_name(p.stem, size)).is_file()]
        for fid, svg in draw_svgs(plotly_js, todo, width).items():
            (cache / picture_name(fid, size)).write_text(svg, encoding="utf-8")
        for path in data_files:
            target = figures / picture_name(path.stem, size)
            svg = (cache / target.name).read_text(encoding="utf-8")
            if not target.is_file() or target.read_text(encoding="utf-8") != svg:
                target.write_text(svg, encoding="utf-8")
            written.append(target)
    return written


def picture_tag(folder: str, fid: str, height: int) -> str:
    """What a chart's box shows until the chart is drawn: the narrow picture on a phone, the wide
    one elsewhere. Decorative (alt=""), since the figure's text alternative describes the chart;
    lazy, so charts below the screen cost nothing until the reader comes near them."""
    narrow, wide = (f"{folder}/{picture_name(fid, size)}" for size in ("narrow", "wide"))
    return (
        f'<picture><source media="{NARROW_SCREEN}" srcset="{html.escape(narrow)}" '
        f'width="{WIDTHS["narrow"]}" height="{height}">'
        f'<img class="nk-picture" src="{html.escape(wide)}" width="{WIDTHS["wide"]}" '
        f'height="{height}" alt="" loading="lazy" decoding="async"></picture>'
    )
