"""Drop the stylesheet rules no page can use: the theme ships all of Bootstrap and every Font
Awesome icon class, about 400 KB, of which the book uses a small part.

A rule's selector is kept when every class and id it names occurs as a word somewhere in the
site's pages or scripts (scripts add classes such as Bootstrap's "show" at run time). This is
the content-based method of PurgeCSS: conservative, since a word in any page keeps the rule.
Arguments of functional pseudo-classes (:not(), :is(), :has(), ...) are not required, so a rule
is never dropped for what it excludes. At-rules other than @media, @supports and @layer
(fonts, keyframes) are kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import tinycss2

_WORD = re.compile(r"[A-Za-z_][-\w]*")
_TOKEN = re.compile(r"[.#](-?[A-Za-z_][-\w]*)")
_FUNCTIONAL = re.compile(r":[-\w]+\((?:[^()]|\([^()]*\))*\)")
_GROUPING = ("media", "supports", "layer", "container")


def corpus_words(texts: Iterable[str]) -> frozenset[str]:
    """Every word that occurs in the given page and script texts."""
    words: set[str] = set()
    for text in texts:
        words.update(_WORD.findall(text))
    return frozenset(words)


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in prelude:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def selector_used(selector: str, words: frozenset[str]) -> bool:
    """True when every class and id the selector requires occurs in the site."""
    required = _FUNCTIONAL.sub("", re.sub(r"\[[^\]]*\]", "", selector))
    return all(token in words for token in _TOKEN.findall(required))


def _purge_rules(rules: list, words: frozenset[str]) -> list[str]:
    kept: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [
                s for s in _split_selectors(tinycss2.serialize(rule.prelude))
                if selector_used(s, words)
            ]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING and rule.content:
            inner = _purge_rules(
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                words,
            )
            if inner:
                prelude = tinycss2.serialize(rule.prelude).strip()
                kept.append(f"@{rule.at_keyword} {prelude}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]))
        elif rule.type == "error":
            raise ValueError(f"stylesheet does not parse: {rule.message}")
    return kept


def purge(css: str, words: frozenset[str]) -> str:
    """The stylesheet with the rules whose selectors the site cannot match removed."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "\n".join(_purge_rules(rules, words))
