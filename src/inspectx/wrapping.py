"""Hard-wrapped text: which line breaks only wrap a paragraph at a fixed width.

Text pasted from a PDF, a plain-text e-mail or a terminal is cut into lines of at most
some 60-80 characters, so a sentence runs on over several lines. inspectx takes every
line of an article as the start of a sentence (headlines end without a full stop); in
wrapped text that cuts findings in half ("... the report of which was published on 9
October" / "2025."). The model reads the text with those line breaks as spaces
(`unwrapped`: the same length, so every offset holds), and the record's `text` keeps its
lines as they are (`rewrapped`).

A break is soft, the way reflowing tools such as `fmt` and `par` decide, when the text is
wrapped (most of its longer lines end within a few characters of one width) and the
line before it is full: the next line's first word would not have fitted on it, or the
next line runs on in lower case from a line of half the width or more (the tools that
balance a paragraph's lines break before words that would fit). A line ending a
sentence, or a next line opening a list item, is a break either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Widths text is wrapped at (characters), as measured: narrower is a column of short
#: lines, wider is a page whose paragraphs are lines. Text cut at 40 columns by breaking
#: at spaces (`fold -s -w 40`) has no line longer than 39 and most some characters
#: shorter, so its measured width can be a little under 40.
WIDTHS = range(34, 101)
#: Lines at least this long are the ones whose lengths tell the width (shorter ones are
#: headings, table rows, a paragraph's last line).
_MEASURED = 20
#: A full line ends within this many characters of the width.
_SLACK = 12
#: Lines at most this much longer than the width (its estimate) still count as full.
_OVER = 3
#: Lines more than this much longer than the width are long, and at most this share of
#: the measured lines may be (a URL, a table row).
_FAR_OVER = 10
_LONG_SHARE = 0.05
#: Share of the measured lines that must be full for the text to be taken as wrapped, and
#: the least number of them (two: one paragraph of three lines wrapped at 80 has two full
#: lines and its last); and the least number of measured lines.
_FULL_SHARE = 0.4
_FULL_MIN = 2
_MEASURED_MIN = 3

#: Cells of a table laid out with spaces or tabs ("Investigating crime      Good").
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")
#: Cells of a header line ("The Courier | Fife | 3 May 2026 | By Jo Smith"): prose has no bars.
_CELLS = re.compile(r"\S \| \S")
_SENTENCE_END = re.compile(r"""[.!?:;]["'\u201d\u2019)]*$""")
#: A list item's mark: a bullet (not "--", a dash typed in ASCII), "1." or "1)" (not a
#: bare number: "10 seconds" may open a wrapped line), "a)", "(iv)".
_ITEM_START = re.compile(
    r"^\s*(?:-(?!-)|[*\u2022\u2013\u2014\u25aa\u25cf>]|\d+(?:\.\d+)*[.)]\s|[a-z][.)]\s|\(\w{1,3}\)\s)"
)


def width(lines: list[str]) -> int | None:
    """The width (characters) the lines are wrapped at, or None for text that is not
    hard-wrapped: the 90th percentile of the lengths of lines of `_MEASURED` characters or
    more, when it is one of `WIDTHS` and at least `_FULL_SHARE` of those lines end within
    `_SLACK` characters of it."""
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) >= _MEASURED)
    if len(lengths) < _MEASURED_MIN:
        return None
    wrap = lengths[int(0.9 * (len(lengths) - 1))]
    if wrap not in WIDTHS:
        return None
    # with few lines the percentile falls a little below the longest full line
    full = sum(1 for n in lengths if wrap - _SLACK <= n <= wrap + _OVER)
    if full < max(_FULL_MIN, _FULL_SHARE * len(lengths)):
        return None
    # wrapped text has (almost) no line far over its width: a page of short lines beside
    # a paragraph on one line is not wrapped
    if sum(1 for n in lengths if n > wrap + _FAR_OVER) > _LONG_SHARE * len(lengths):
        return None
    return wrap


def soft_lines(lines: list[str]) -> frozenset[int]:
    """Indices of the lines of `lines` whose break after them only wraps a paragraph (see
    the module's docstring); empty for text that is not hard-wrapped. A blank line ends a
    paragraph, so a heading above one is never run on into the text below it."""
    wrap = width(lines)
    if wrap is None:
        return frozenset()
    soft = set()
    for index, (line, after) in enumerate(zip(lines, lines[1:], strict=False)):
        body, following = line.rstrip(), after.strip()
        first_word = following.split(maxsplit=1)[0] if following else ""
        if (
            body.strip()
            and first_word
            and (len(body) + 1 + len(first_word) > wrap or _runs_on(body, first_word, wrap))
            and not _SENTENCE_END.search(body)
            and not _ITEM_START.match(after)
            and not _COLUMNS.search(body.strip())
            and not _CELLS.search(body)
            and not _COLUMNS.search(following)
        ):
            soft.add(index)
    return frozenset(soft)


#: Words a line cannot end on unless the sentence goes on: articles, possessives,
#: prepositions, conjunctions.
LEADING_ON = frozenset(
    {
        *("a", "an", "the", "its", "their", "his", "her", "our", "your", "my"),
        *("of", "by", "to", "in", "on", "at", "for", "with", "from", "into", "onto", "than"),
        *("within", "without", "about", "across", "after", "before", "between", "over", "under"),
        *("through", "during", "since", "until", "against", "among", "towards", "via", "per"),
        *("and", "or", "but", "nor"),
    }
)


def _runs_on(body: str, first_word: str, wrap: int) -> bool:
    """Does a line of at least half the width run on into the next: the next opens in lower
    case ("... rated good at preventing crime" / "by His Majesty's ..."), or the line ends
    on a comma or a word that leads on ("... at preventing crime by" / "His Majesty's ...")? Tools
    that balance a paragraph's lines, as `fmt` and `par` do, break before a word that
    would have fitted; a heading, a byline or a new sentence opens with a capital, and
    none ends on "by" or "the"."""
    if len(body) < wrap // 2:
        return False
    return first_word[:1].islower() or body.endswith(",") or body.rsplit(maxsplit=1)[-1] in LEADING_ON


def soft_breaks(text: str) -> frozenset[int]:
    """Character offsets in `text` of the line breaks ("\\n") that only wrap a paragraph."""
    lines = text.split("\n")
    soft = soft_lines(lines)
    offsets, offset = set(), 0
    for index, line in enumerate(lines[:-1]):
        offset += len(line)
        if index in soft:
            offsets.add(offset)
        offset += 1
    return frozenset(offsets)


def unwrapped(text: str, soft: Iterable[int]) -> str:
    """`text` with the line breaks at the offsets `soft` turned into spaces: the same length,
    so offsets into one are offsets into the other."""
    return _swapped(text, soft, "\n", " ")


def rewrapped(text: str, soft: Iterable[int]) -> str:
    """The inverse of `unwrapped`: the spaces at the offsets `soft` back to line breaks."""
    return _swapped(text, soft, " ", "\n")


def _swapped(text: str, offsets: Iterable[int], old: str, new: str) -> str:
    """`text` with the character `old` at each of `offsets` replaced by `new`."""
    if not offsets:
        return text
    chars = list(text)
    for offset in offsets:
        if chars[offset] == old:
            chars[offset] = new
    return "".join(chars)
