"""The plain-text cleaner: a line classifier with named rules.

Every raw line is either kept (whitespace collapsed, otherwise unchanged) or
dropped with the name of the rule that dropped it. The rules' patterns live in
`data/boilerplate.json`; the few rules that are about the shape of a line rather
than its words (menus, breadcrumbs, glued duplicates, the block above the
headline) are functions here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from inspectx import resources

QUOTE_MAP = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
#: zero-width characters vanish: they only get in the way of matching words
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_MENU_GAP = re.compile(r"\s{2,}|\t")
_BREADCRUMB = re.compile(r"\s*[›»>|]\s*")
_HAS_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Line:
    """One raw line: its 1-based number, its text (whitespace collapsed) and its fate."""

    number: int
    text: str
    drop_reason: str | None = None

    @property
    def kept(self) -> bool:
        return self.drop_reason is None and bool(self.text)


@dataclass(frozen=True)
class _Rule:
    name: str
    scope: str
    pattern: re.Pattern[str]


@cache
def _rules() -> tuple[_Rule, ...]:
    rules = []
    for spec in resources.load("boilerplate")["rules"]:
        joined = "|".join(f"(?:{p})" for p in spec["patterns"])
        rules.append(_Rule(spec["name"], spec["scope"], re.compile(joined, re.IGNORECASE)))
    return tuple(rules)


def classify(raw: str) -> list[Line]:
    """Classify every line of `raw`; blank lines are returned with empty text."""
    rules = _rules()
    lines: list[Line] = []
    tail_reason: str | None = None
    drop_next: str | None = None
    headline: str | None = None
    for number, raw_line in enumerate(raw.splitlines(), 1):
        text = " ".join(raw_line.translate(_INVISIBLE).split())
        if not text:
            lines.append(Line(number, ""))
            continue
        if tail_reason:
            lines.append(Line(number, text, tail_reason))
            continue
        if drop_next:
            lines.append(Line(number, text, drop_next))
            drop_next = None
            continue
        key = text.translate(QUOTE_MAP)
        reason = _shape_reason(raw_line.strip(), text)
        for rule in rules:
            if reason:
                break
            if rule.scope == "header" and headline is not None:
                continue
            if rule.pattern.search(key):
                reason = rule.name
                if rule.scope == "tail":
                    tail_reason = rule.name
                elif rule.scope == "next":
                    drop_next = rule.name
        if reason is None and headline is None:
            if _looks_like_headline(text):
                headline = text
            else:
                reason = "navigation"
        lines.append(Line(number, text, reason))
    return lines


def clean(raw: str) -> str:
    """The kept lines of `raw`, one per line, in order: the text every offset refers to."""
    return "\n".join(line.text for line in classify(raw) if line.kept)


def _looks_like_headline(text: str) -> bool:
    # Above the headline sit menus and section names: a few words and no figures.
    return len(_WORD.findall(text)) >= 4 or bool(_HAS_DIGIT.search(text))


def _shape_reason(stripped: str, text: str) -> str | None:
    half = len(text) // 2
    if len(text) % 2 == 0 and len(text) >= 8 and text[:half] == text[half:]:
        return "navigation"  # glued duplicate: "News on XNews on X"
    parts = [p for p in _BREADCRUMB.split(text) if p]
    if len(parts) >= 2 and all(_is_menu_item(p) for p in parts) and _BREADCRUMB.search(text):
        return "navigation"
    parts = [p for p in _MENU_GAP.split(stripped) if p]
    if len(parts) >= 2 and all(_is_menu_item(p) for p in parts):
        return "navigation"
    return None


def _is_menu_item(part: str) -> bool:
    words = part.split()
    return 0 < len(words) <= 4 and not part.rstrip().endswith((".", "?", "!", ":", ","))
