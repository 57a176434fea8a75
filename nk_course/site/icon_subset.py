"""Cut the Font Awesome web fonts down to the icons the pages show.

The theme draws its dozen icons (menu, search, download…) from Font Awesome's solid font, a
157 KB download on a chapter's first visit for about 2,000 glyphs. The icons a page can show are
the `fa-*` classes in the site's pages and scripts; their code points come from the theme's own
stylesheet, and fontTools keeps only those glyphs in each .woff2 file.
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

#: A group of icon selectors and the character they draw: `.fa-bars:before,.fa-navicon:before{
#: content:"\f0c9"}` in the theme's Font Awesome 6 stylesheet.
_ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:{1,2}before,?)+)\{content:"\\([0-9a-f]{4,5})"')
_ICON_CLASS = re.compile(r"\.(fa-[a-z0-9-]+)")


def icon_codepoints(css: str, words: frozenset[str]) -> set[int]:
    """The code points of the icons whose class occurs in the site."""
    points = set()
    for selectors, hexcode in _ICON_RULE.findall(css):
        if any(name in words for name in _ICON_CLASS.findall(selectors)):
            points.add(int(hexcode, 16))
    return points


def subset_woff2(path: Path, codepoints: set[int]) -> tuple[int, int]:
    """Rewrite a .woff2 font with only `codepoints`; return its size before and after."""
    before = path.stat().st_size
    font = TTFont(path)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    buffer = BytesIO()
    font.flavor = "woff2"
    font.save(buffer)
    path.write_bytes(buffer.getvalue())
    return before, path.stat().st_size


def subset_icon_fonts(static: Path, css: str, words: frozenset[str]) -> dict[str, tuple[int, int]]:
    """Subset every Font Awesome .woff2 under `static` to the icons the site uses."""
    points = icon_codepoints(css, words)
    if not points:
        raise ValueError("no Font Awesome icon class found in the site: is the theme's CSS read?")
    return {
        font.name: subset_woff2(font, points)
        for font in sorted((static / "vendor" / "fontawesome" / "webfonts").glob("*.woff2"))
    }
