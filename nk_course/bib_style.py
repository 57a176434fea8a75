"""The book's bibliography style: pybtex's "plain", with titles kept as the sources print them.

pybtex's plain style puts every title in sentence case by lower-casing all but its first
letter, which printed names as "pashinyan" and "armenia-azerbaijan" in every chapter's reference
list. The titles in references.bib are entered as their sources print them, so they are kept.
"""

from __future__ import annotations

from typing import Any

from pybtex.plugin import register_plugin
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import field, sentence

STYLE_NAME = "nk-plain"


class KeepCaseStyle(PlainStyle):
    """pybtex's plain style without the change of case in titles."""

    def format_title(self, e: Any, which_field: str, as_sentence: bool = True) -> Any:
        title = field(which_field)
        return sentence[title] if as_sentence else title


def register() -> None:
    """Make the style available to sphinxcontrib-bibtex as `bibtex_default_style: nk-plain`."""
    register_plugin("pybtex.style.formatting", STYLE_NAME, KeepCaseStyle, force=True)
