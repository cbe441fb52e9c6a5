"""The byline: the reporter's credit line near the top or bottom of an article.

The reporter is not a person in the story, so `people` leaves the byline's name out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from inspectx import cleaner, resources

#: A date (and time) glued to the end of a byline: "By Jo Smith22 September 2022",
#: "By Jo Smith · 10 Dec", "By Jo Smith Tuesday 4 March 2026" (a weekday by its name: "By Rhian
#: Evans 4 March 2026" keeps "Evans").
_TRAILING_DATE = re.compile(
    r"[\s,|\u00b7\u2022\u2013\u2014-]*(?:(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?(?:,?\s+(?:19|20)\d\d)?"
    r"|(?:19|20)\d\d-\d\d-\d\d|\d{1,2}/\d{1,2}/(?:19|20)?\d\d)(?:[\s,]+\d{1,2}[:.]\d\d\s*\w{0,3})?\s*$"
)
#: Lines searched: the byline sits under the headline or at the foot of the article.
_HEAD_LINES, _FOOT_LINES = 12, 3
_LONGEST = 160
_BY = re.compile(r"^[Bb]y\s+")
#: What separates the cells of a header or byline line ("Jo Smith | Crime Reporter | 3 May 2025").
CELL_SEPARATOR = re.compile(r"\s+[|\u00b7\u2022]\s+")


@dataclass(frozen=True)
class Byline:
    """The byline as the record gives it, the reporter's name, and the character range of
    its line."""

    value: str
    name: str
    start: int
    end: int


@cache
def _posted() -> re.Pattern[str]:
    """A blog's credit: "Posted by Jo Smith on 7 March 2025", "Posted on 15 May 2025 by Jo
    Smith", with cells after it ("| Community news")."""
    name = resources.load("cues")["byline_name"]
    date = r"[\w ,]{4,30}?"
    return re.compile(rf"^[Pp]osted (?:on {date} )?by ({name})(?: on {date})?(?:, .*)?$")


@cache
def _patterns() -> list[re.Pattern[str]]:
    """The byline patterns of data/cues.json, each `{NAME}` in them a reporter's name: up
    to four capitalised words (accented capitals too), with the particles between them of
    names such as "van den Broek", "de la Cruz", "Ó Dónaill", "ap Gwilym" (`byline_name`)."""
    cues = resources.load("cues")
    return [re.compile(p.replace("{NAME}", cues["byline_name"])) for p in cues["byline"]]


def find_byline(text: str) -> Byline | None:
    """The byline of the cleaned article `text`: "By Jo Smith" gives "Jo Smith"; a credit
    line with an affiliation ("Jo Smith, Local Democracy Reporting Service") is given whole.
    A date glued to the name is not part of it."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, line))
        pos += len(line) + 1
    head = lines[1:_HEAD_LINES]
    for (start, line), (_, after) in zip(head, head[1:], strict=False):
        two = _two_line(line, after)  # "Tom Edwards" / "BBC News, Cumbria"
        if two is not None:
            return Byline(f"{two}, {after.strip()}", two, start, start + len(line) + 1 + len(after))
    for start, line in head + lines[-_FOOT_LINES:]:
        if len(line) > _LONGEST:
            continue  # a paragraph, not a byline (and the patterns stay linear)
        # cells of a header line read as a credit's parts: "Jo Smith | Crime Reporter | 3 May 2025"
        # read without Markdown: "*By [Jo Smith](https://...) | 3 May 2025*"
        credit = _from_credit_cell(cleaner.unmarked(line).strip())
        stripped = CELL_SEPARATOR.sub(", ", _TRAILING_DATE.sub("", credit))
        posted = _posted().match(stripped)
        if posted:  # a blog's "Posted by Jo Smith on 7 March 2025 | News": the name alone
            return Byline(posted.group(1), posted.group(1), start, start + len(line))
        for pattern in _patterns():
            match = pattern.match(stripped)
            if match:
                name = _BY.sub("", match.group(1))
                value = _BY.sub("", stripped) if "," in stripped else name
                if match.lastindex == 2:  # "Jo SmithCrime Reporter": a page glued name and role
                    value = f"{name}, {match.group(2)}"
                return Byline(value, name, start, start + len(line))
    return None


#: The second line of a byline set on two lines: the reporter's outlet or desk ("BBC News,
#: Cumbria", "Crime Correspondent").
_DESK = re.compile(
    r"^[A-Z][\w&'. -]{0,40}\b(?:News|Reporter|Correspondent|Editor|Writer|Reporting Service)\b"
    r"[\w ,&'.-]{0,40}$"
)


def _from_credit_cell(line: str) -> str:
    """A header line from its first cell that opens a credit ("By ..." or "Posted by ..."):
    "The Herald | Scotland | 18 March 2026 | By Fiona Mackay, Home Affairs Correspondent" gives
    "By Fiona Mackay, Home Affairs Correspondent"; a line with no such cell after its first is
    given whole."""
    cells = CELL_SEPARATOR.split(line)
    for i, cell in enumerate(cells[1:], 1):
        if _BY.match(cell) or cell.lower().startswith("posted by "):
            return " | ".join(cells[i:])
    return line


def _two_line(line: str, after: str) -> str | None:
    """The reporter's name when `line` is only a name (after "By", if any) and `after` names
    an outlet or desk."""
    if len(line) > 60 or not _DESK.match(after.strip()):
        return None
    name = re.fullmatch(resources.load("cues")["byline_name"], _BY.sub("", line.strip()))  # "By Jo Smith"
    return name.group(0) if name is not None and " " in name.group(0) else None
