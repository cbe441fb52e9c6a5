"""Dates: candidate spans, their values at the precision the text supports, and their roles.

Candidates are the model's DATE entities; each is read into parts (year, month, day,
weekday) and normalised with dateparser (British order, day first). A missing year
is filled only when the text fixes it: a weekday that fits exactly one year from the
latest year the article mentions to two years after it, or a month placed relative
to the publication date ("in January" in an article published in April 2019).

Roles: `published` (timestamp lines, "released today (Thursday, April 11)"),
`inspection` (the latest inspection) and `previous_inspection` (the one it follows
up), from the words that govern or surround each date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache

from spacy.tokens import Doc, Span

from inspectx import gazetteer, resources

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_DAY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b(?!:)")
_NUMERIC = re.compile(r"\b([0-3]?\d)/([01]?\d)/((?:19|20)?\d\d)\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm|gmt|bst)?\b|\b\d{1,2}\s*(?:am|pm)\b", re.I)
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six"])}
_NUMBER_WORDS["a"] = "1"
_AGO = re.compile(r"\b(\d|a|one|two|three|four|five|six) years? ago\b")
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_WEEKDAYS |= {d.lower(): i for i, d in enumerate(calendar.day_abbr)}
_WORD = re.compile(r"[A-Za-z]+")
_PREVIOUS_MODIFIERS = {"last", "initial", "previous", "earlier", "since", "first", "original", "prior"}


@dataclass(frozen=True)
class DateMention:
    """One date expression in the cleaned text."""

    text: str
    start: int  # character offsets into the cleaned text
    end: int
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    relative: str | None  # "today", "this year", "last year", "last" (last December)
    role: str | None = None
    value: str | None = None
    since: bool = False


def find_dates(doc: Doc) -> list[DateMention]:
    """Every date expression in `doc` with its value (where fixed) and role (where clear)."""
    mentions = []
    for ent in _candidates(doc):
        parsed = _parse(ent)
        if parsed is not None:
            mentions.append(replace(parsed, role=_role(doc, ent), since=_since(doc, ent)))
    years = [m.year for m in mentions if m.year]
    published = _resolve_published(mentions, max(years) if years else None)
    base = _as_date(published.value) if published else _as_date(doc.user_data.get("inspectx_published"))
    out = []
    for m in mentions:
        if m is published:
            out.append(m)
            continue
        out.append(replace(m, value=_value(m, base)))
    return out


def pick(mentions: list[DateMention]) -> dict[str, DateMention | None]:
    """The published, inspection and previous_inspection dates among `mentions`."""
    published = next((m for m in mentions if m.role == "published" and m.value), None)
    candidates = [m for m in mentions if m.role in ("inspection", "previous") and m.value]
    explicit_previous = [m for m in candidates if m.role == "previous"]
    previous_years = {m.value[:4] for m in explicit_previous}
    inspections = [m for m in candidates if m.role == "inspection" and m.value[:4] not in previous_years]
    if published is not None:
        inspections = [m for m in inspections if m.value <= published.value]
    inspection = _latest(inspections)
    if explicit_previous:
        previous = _latest(explicit_previous)
    else:
        earlier = [m for m in inspections if inspection and m.value[:4] < inspection.value[:4]]
        previous = _latest(earlier)
    if inspection and previous and inspection.value[:4] <= previous.value[:4]:
        inspection = None
    return {"published": published, "inspection": inspection, "previous_inspection": previous}


def _latest(mentions: list[DateMention]) -> DateMention | None:
    if not mentions:
        return None
    return max(mentions, key=lambda m: (m.value[:4], len(m.value), m.value))


_MONTH_WORDS = "|".join(sorted((m for m in _MONTHS if len(m) > 2 or m == "may"), key=len, reverse=True))
_WEEKDAY_WORDS = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
#: Written dates the model may miss ("Wed 9 Feb 2022", "Published 11th Mar 2024"): linear patterns.
_DAY_FIRST = rf"[0-3]?\d(?:st|nd|rd|th)?(?: of)? (?:{_MONTH_WORDS})\.?(?:,? (?:19|20)\d\d)?"
_MONTH_FIRST = rf"(?:{_MONTH_WORDS})\.? [0-3]?\d(?:st|nd|rd|th)?(?:,? (?:19|20)\d\d)?(?!\d)"
_WRITTEN = re.compile(
    rf"\b(?:(?:{_WEEKDAY_WORDS})\.?,? )?(?:{_DAY_FIRST}|{_MONTH_FIRST}|(?:{_MONTH_WORDS}) (?:19|20)\d\d)\b"
    r"|\b[0-3]?\d/[01]?\d/(?:19|20)?\d\d\b",
    re.IGNORECASE,
)
_DAYLIKE = re.compile(r"^(?:[0-3]?\d(?:st|nd|rd|th)?|,)$", re.I)


def _candidates(doc: Doc) -> list[Span]:
    """Date spans: written dates found by pattern, and the model's other DATE entities."""
    spans = []
    for m in _WRITTEN.finditer(gazetteer.text_of(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    taken = {i for s in spans for i in range(s.start, s.end)}
    for ent in doc.ents:
        if ent.label_ == "DATE" and not any(i in taken for i in range(ent.start, ent.end)):
            spans.append(_widen(doc, ent))
            taken.update(range(ent.start, ent.end))
    for token in doc:  # a bare year the model did not tag ("Bedfordshire 2016")
        if token.i not in taken and _YEAR.fullmatch(token.text) and not _in_range(doc, token.i):
            spans.append(doc[token.i : token.i + 1])
    return sorted(spans, key=lambda s: s.start)


def _in_range(doc: Doc, i: int) -> bool:
    """Is the year at `i` one end of a range ("from 2019 to 2022", "2019-22")?"""
    around = [doc[j] for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(doc)]
    joined = any(t.lower_ in ("to", "-", "\u2013", "and", "until") for t in around)
    return joined and any(_YEAR.fullmatch(t.text) for t in around)


def _widen(doc: Doc, ent: Span) -> Span:
    """Take in a day or weekday the model left outside the entity ("12 | March 2020")."""
    start, end = ent.start, ent.end
    while (
        start > 0
        and "\n" not in doc[start - 1].text
        and (_DAYLIKE.match(doc[start - 1].text) or doc[start - 1].lower_ in _WEEKDAYS)
    ):
        start -= 1
    while start < end and (doc[start].text == "," or doc[start].is_space):
        start += 1
    while end > start and doc[end - 1].is_space:  # the model's DATE may take in a line break
        end -= 1
    return doc[start:end]


def _parse(span: Span) -> DateMention | None:
    text = span.text.strip()
    low = text.lower()
    words = _WORD.findall(low)
    numeric = _NUMERIC.search(low)
    years = _YEAR.findall(low)
    if len(set(years)) > 1:
        return None  # a range ("from 2019 to 2022") is not one date
    year = int(years[0]) if years else None
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    weekday = next((_WEEKDAYS[w] for w in words if w in _WEEKDAYS), None)
    day = None
    if numeric:
        day, month = int(numeric.group(1)), int(numeric.group(2))
        y = numeric.group(3)
        year = int(y) if len(y) == 4 else 2000 + int(y)
    elif month is not None:
        without = _TIME.sub(" ", _YEAR.sub(" ", low))
        days = [int(d) for d in _DAY.findall(without) if 1 <= int(d) <= 31]
        day = days[0] if days else None
    relative = None
    ago = _AGO.search(low)
    if "today" in words or "tonight" in words:
        relative = "today"
    elif "yesterday" in words:
        relative = "yesterday"
    elif ago:
        relative = f"{_NUMBER_WORDS.get(ago.group(1), ago.group(1))} years ago"
    elif "this year" in low:
        relative = "this year"
        if "may" in words and "this" in words:
            month = 5
    elif "last year" in low:
        relative = "last year"
    elif "last" in words and month is not None and day is None:
        relative = "last"
    if year is None and month is None and relative is None:
        return None
    if month == 5 and "may" in words and day is None and year is None and relative is None:
        return None  # "may" is usually the verb
    return DateMention(text, span.start_char, span.end_char, year, month, day, weekday, relative)


def _resolve_published(mentions: list[DateMention], latest_year: int | None) -> DateMention | None:
    for i, m in enumerate(mentions):
        if m.role != "published" or m.month is None and m.year is None:
            continue
        year = m.year
        if year is None and m.weekday is not None and m.day is not None and latest_year:
            fits = [
                y
                for y in range(latest_year, latest_year + 3)
                if _valid(y, m.month, m.day) and date(y, m.month, m.day).weekday() == m.weekday
            ]
            year = fits[0] if len(fits) == 1 else None
        if year is None:
            continue
        value = _normalise(m, year)
        if value:
            mentions[i] = replace(m, value=value)
            return mentions[i]
    return None


def _value(m: DateMention, base: date | None) -> str | None:
    year = m.year
    if year is None:
        if base is None:
            return None
        if m.relative == "today":
            return base.isoformat()
        if m.relative == "yesterday":
            return (base - timedelta(days=1)).isoformat()
        if m.relative and m.relative.endswith("years ago"):
            return str(base.year - int(m.relative.split()[0]))
        if m.relative == "this year":
            return f"{base.year}-{m.month:02d}" if m.month else str(base.year)
        if m.relative == "last year":
            return str(base.year - 1)
        if m.month is None:
            return None
        # the most recent such month up to the publication date
        year = base.year if (m.month, m.day or 1) <= (base.month, base.day) else base.year - 1
        if m.relative == "last" and year == base.year and m.month == base.month:
            year -= 1
    return _normalise(m, year)


def _normalise(m: DateMention, year: int) -> str | None:
    if m.month is None:
        return str(year)
    if m.day is None:
        return f"{year:04d}-{m.month:02d}"
    if not _valid(year, m.month, m.day):
        return None
    parsed = _dateparser(f"{m.day} {calendar.month_name[m.month]} {year}")
    return parsed.date().isoformat() if parsed else None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


@cache
def _parser_settings() -> dict:
    return {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}


def _dateparser(text: str) -> datetime | None:
    import dateparser  # slow to import; only extraction needs it

    return dateparser.parse(text, languages=["en"], settings=_parser_settings())


def _as_date(value: str | None) -> date | None:
    if value and len(value) == 10:
        return date.fromisoformat(value)
    return None


@cache
def _role_cues() -> dict[str, list[tuple[str, ...]]]:
    roles = resources.load("cues")["date_roles"]
    return {role: [tuple(p.split()) for p in phrases] for role, phrases in roles.items()}


def _role(doc: Doc, ent: Span) -> str | None:
    sent = gazetteer.sentence_of(ent.doc, ent.start)
    line = _line_of(doc, ent)
    line_words = len(_WORD.findall(line))
    ent_words = len(_WORD.findall(ent.text))
    cues = _role_cues()
    before = doc[max(sent.start, ent.start - 3) : ent.start]
    if any(t.lower_ == "today" for t in before) and "(" in before.text:
        return "published"
    if line_words - ent_words <= 3 and len(line) < 60:
        if _has_day(ent) or ent.text.lower() == "today":
            return "published"  # a dateline or timestamp line
        line_start = gazetteer.text_of(doc).rfind("\n", 0, ent.start_char) + 1
        labels = gazetteer.spans(doc, "FORCE", "PLACE")
        if any(line_start <= g.start_char < line_start + len(line) for g in labels) or "peel" in line.lower():
            return "inspection"  # an assessment's label: "Bedfordshire 2016", "PEEL 2021"
        return None
    if ent.text.lower().startswith(("the last", "the past", "the next")):
        return None  # a period ("over the last year"), not the date of an event
    before_word = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before_word in ("before", "until", "by", "after"):
        return None  # a bound, not the date of an event
    governor = _governor(ent)
    if (
        governor is not None
        and governor.lower_ in _verbs("publishing_verbs")
        and not _near_previous(doc, ent, governor.i)
    ):
        return "published" if ent.text[:1].isdigit() or _has_day(ent) else None
    window = doc[max(sent.start, ent.start - 12) : min(sent.end, ent.end + 4)]
    low = [t.lower_ for t in window]
    nearest: tuple[int, str, int] | None = None
    for role in ("inspection", "previous", "published"):
        for phrase in cues[role]:
            for i in range(len(low) - len(phrase) + 1):
                if tuple(low[i : i + len(phrase)]) == phrase:
                    pos = window.start + i
                    # a cue before the date binds more closely than one after it
                    dist = ent.start - pos if pos < ent.start else pos - ent.end + 2
                    if nearest is None or dist < nearest[0]:
                        nearest = (dist, role, pos)
    if nearest is None and governor is not None and governor.lower_ in _verbs("inspection_verbs"):
        nearest = (0, "inspection", governor.i)
    if nearest is None:
        return None
    _, role, pos = nearest
    if role == "previous" and not any(t.lower_ in _PREVIOUS_MODIFIERS for t in window):
        role = "inspection"
    if role in ("inspection", "published") and _near_previous(doc, ent, pos):
        return "previous"
    if role == "published" and not _has_day(ent):
        return None  # "published a report in 2015": when the report came out is a day
    return role


def _verbs(key: str) -> frozenset[str]:
    return resources.inflections(tuple(resources.load("cues")[key]))


def _near_previous(doc: Doc, ent: Span, pos: int) -> bool:
    """ "last inspection ... in 2019", "initial inspection in 2021", "since our 2015 inspection"."""
    sent = gazetteer.sentence_of(ent.doc, ent.start)
    lo, hi = min(pos, ent.start), max(pos, ent.start)
    near = {t.lower_ for t in doc[max(sent.start, lo - 5) : hi]}
    return bool(near & _PREVIOUS_MODIFIERS) or ent.text.lower().startswith(
        ("last year's", "last year\u2019s")
    )


def _has_day(ent: Span) -> bool:
    return bool(_DAY.search(_YEAR.sub(" ", ent.text)))


def _since(doc: Doc, ent: Span) -> bool:
    sent = gazetteer.sentence_of(ent.doc, ent.start)
    before = doc[max(sent.start, ent.start - 6) : ent.start]
    return any(t.lower_ in ("since", "compared") for t in before)


def _governor(ent: Span):
    token = ent.root
    for _ in range(3):
        if token.dep_ in ("pobj", "prep", "npadvmod", "nummod", "compound", "appos"):
            token = token.head
        else:
            break
    if token.pos_ in ("VERB", "AUX"):
        return token
    return token.head if token.head.pos_ == "VERB" else None


def _line_of(doc: Doc, ent: Span) -> str:
    text = gazetteer.text_of(doc)
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    return text[start : end if end != -1 else len(text)]
