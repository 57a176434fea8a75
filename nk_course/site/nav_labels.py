"""Names for the sidebar's fold-out buttons, which the theme leaves without text.

A page with sub-pages (the instructor guide and its answers pages) gets a <details> toggle in the
theme's navigation whose <summary> holds only an icon: axe and Lighthouse report "summary
elements must have discernible text" (WCAG 4.1.2), and a screen reader announces an unnamed
button. Each one is named after the page whose sub-pages it shows.
"""

from __future__ import annotations

import html
import re

_TOGGLE = re.compile(
    r'(<a class="[^"]*reference internal[^"]*" href="[^"]*">(?P<title>[^<]+)</a>'
    r"<details[^>]*>)<summary>"
)


def label_nav_toggles(text: str) -> str:
    """The page with every navigation toggle named "Pages under <title>"."""

    def label(match: re.Match[str]) -> str:
        title = html.unescape(match.group("title"))
        return f'{match.group(1)}<summary aria-label="{html.escape(f"Pages under {title}")}">'

    return _TOGGLE.sub(label, text)
