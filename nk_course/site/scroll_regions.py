"""Keyboard access to scrollable regions without a page-long layout at load (issue 19).

pydata-sphinx-theme gives each scrollable code block, output and table `tabindex=0`, so that a
keyboard user can scroll it, and `-1` to the rest. It measures all of them in one pass when the
page loads, and again after every change to the page. On a long chapter that pass forces a
layout of the whole page: a task of 100-300 ms on Lighthouse's phone, most of the blocking time
that was left. This module makes the theme's function hand over to `window.nkScrollRegions`
(assets/static/nk-scroll-regions.js), which applies the same rule in slices of a few
milliseconds. The theme's script is minified, so the patch matches one exact pattern; if a new
theme version changes it, the build fails and names the file.
"""

from __future__ import annotations

import re
from pathlib import Path

THEME_SCRIPT = Path("_static") / "scripts" / "pydata-sphinx-theme.js"
HOOK = "if(window.nkScrollRegions)return window.nkScrollRegions();"
#: Start of the theme's function that measures every region (pydata-sphinx-theme 0.17.1).
_MEASURE_ALL = re.compile(
    r'function \w+\(\)\{(?=const \w+=\(\)=>\{document\.querySelectorAll\(\["pre",)'
)


class ThemeScriptError(RuntimeError):
    """The theme's script no longer has the function this module hands over from."""


def hand_over_scroll_regions(out: Path) -> None:
    """Patch the built site's copy of the theme script (a copy already patched is left alone)."""
    path = out / THEME_SCRIPT
    text = path.read_text(encoding="utf-8")
    if HOOK in text:
        return
    found = _MEASURE_ALL.findall(text)
    if len(found) != 1:
        raise ThemeScriptError(
            f"{path}: expected one function that sets tabindex on scrollable regions "
            f"(querySelectorAll([\"pre\", ...])), found {len(found)}; the theme has changed, "
            "so update nk_course/site/scroll_regions.py"
        )
    path.write_text(_MEASURE_ALL.sub(lambda m: m.group(0) + HOOK, text, count=1), encoding="utf-8")
