"""Dates: candidate spans, their values at the precision the text supports, and their roles.

Candidates are written dates found by pattern (including ISO and day-first numeric
dates, ordinal days and dates glued to a preceding word) and the model's other DATE
entities. Each is read into parts (year, month, day, weekday, or a relative phrase).
A date with a year is its value as it stands (British order, day first; an impossible
day such as 31 June gives none). A date without a year, or a relative phrase ("last
month", "earlier this month", "last Thursday", "in the spring", "two years ago"), is
resolved by dateparser against the publication date (`RELATIVE_BASE`,
`PREFER_DATES_FROM="past"`), at the precision the phrase supports (a week is its month
when it lies in one). A missing year of a published date is filled only when the text
fixes it: a weekday that fits exactly one year from the latest year the article
mentions to two years after it.

Roles: `published` (timestamp lines, "released today (Thursday, April 11)"),
`updated` (a line that says the article was updated: never the publication date),
`inspection` (the latest inspection) and `previous_inspection` (the one it follows
up), from the words that govern or surround each date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from inspectx import byline, cleaner, gazetteer, reader, resources

_YEAR = re.compile(r"(?<![^\W_])(19[5-9]\d|20\d\d)(?![^\W_])")  # "_3 June 2025_" (Markdown) too
_DAY = re.compile(r"(?<![\d:])([0-3]?\d)(?:st|nd|rd|th)?\b(?!:)")
_NUMERIC = re.compile(r"(?<![\d.])([0-3]?\d)([/.-])([01]?\d)\2((?:19|20)?\d\d)\b")
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?!\d)")
#: A timestamp with a UTC offset ("2020-06-30T23:15:00Z"): its date is the date in London.
_TIMESTAMP = re.compile(
    r"(?:19|20)\d\d-[01]\d-[0-3]\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)", re.IGNORECASE
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm|gmt|bst)?\b|\b\d{1,2}\s*(?:am|pm)\b", re.I)
_COUNT = r"\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten"
_AGO = re.compile(rf"\b({_COUNT}) (year|month|week)s? ago\b")
_THIS_OR_LAST = re.compile(r"\b(this|last) (week|month|year)\b")
_LAST_WEEKDAY = re.compile(r"\blast (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_WEEKDAYS |= {d.lower(): i for i, d in enumerate(calendar.day_abbr)}
WEEKDAY_NAMES = frozenset(_WEEKDAYS)
_WORD = re.compile(r"[A-Za-z]+")
_PREVIOUS_MODIFIERS = {"last", "initial", "previous", "earlier", "since", "first", "original", "prior"}
_LONDON = "Europe/London"


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
    # a phrase dateparser resolves against the publication date ("last month", "2 years
    # ago", "last thursday"), "today", "this year", "last" (last December) or "season"
    relative: str | None
    role: str | None = None
    value: str | None = None
    since: bool = False
    ahead: bool = False  # the date of something yet to happen ("will be published on Wednesday")


def find_dates(doc: Doc) -> list[DateMention]:
    """Every date expression in `doc` with its value (where fixed) and role (where clear)."""
    mentions = []
    for span, start, end in _candidates(doc):
        text = gazetteer.text_of(doc)[start:end]
        may = any(t.text == "May" and t.tag_ == "NNP" for t in span)  # the month, not the verb
        parsed = _parse(text, start, end, may_is_month=may)
        ranged = _RANGE_IN_ONE.match(text) or _MONTHS_AND.match(text)
        if ranged:  # "between February and April" as one entity: dated by its end
            last = _parse(ranged.group("end"), start + ranged.start("end"), end, may_is_month=may)
            if last is not None and (ranged.groupdict().get("start") or ranged.group("bare")).isdigit():
                last = replace(last, day=None)  # "between 8 and 18 January": that month
            parsed = replace(last, text=text, start=start) if last is not None else parsed
        before = gazetteer.text_of(doc)[max(0, start - 24) : start]
        if parsed is not None and parsed.day is not None and _DAY_RANGE_BEFORE.search(before):
            parsed = replace(parsed, day=None)  # "between 8 and 18 January": that month
        if parsed is not None and parsed.day is not None and _WEEK_OF.search(before):
            parsed = replace(parsed, day=None)  # "the week beginning 14 October": that month
        if parsed is not None:
            role = _role(doc, span, text)
            if role in ("inspection", "previous") and parsed.relative in ("today", "yesterday"):
                role = None  # "..., HMICFRS said today": the day of the report, not of the visit
            # "will be published on Wednesday"; "later this year", "next month": ahead by their words
            ahead = _yet_to_come(span, own_clause=True) or bool(_AHEAD.match(text))
            if role in ("inspection", "previous", EARLIER) and (ahead or _yet_to_come(span)):
                role = None  # "The force will publish an action plan in December": a plan
            mentions.append(replace(parsed, role=role, since=_since(doc, span), ahead=ahead))
    mentions = _restated(gazetteer.text_of(doc), _join_ranges(gazetteer.text_of(doc), mentions))
    credit = byline.find_byline(gazetteer.text_of(doc))
    if credit is not None:  # "Jo Bloggs, Crime Reporter | Tuesday 4 June 2024"
        mentions = [
            replace(m, role="dateline")
            if credit.start <= m.start < credit.end and m.role in (None, "published") and _has_day(m.text)
            else m
            for m in mentions
        ]
    years = [m.year for m in mentions if m.year]
    latest_year = max(years) if years else None
    metadata = _as_date(doc.user_data.get("inspectx_published"))
    # the article's own date is the base for "on Tuesday", "last month": its dateline, the
    # page's metadata, or else the first release date written out in full
    published = _resolve_published(mentions, latest_year, ("dateline",))
    if published is None and metadata is None:
        published = _resolve_published(mentions, latest_year, ("published",))
    base = _as_date(published.value) if published else metadata
    # an article dated by its month alone ("Issue 212, May 2026") places what its first and
    # last days place alike ("last month", "in March"), not "on Tuesday"
    month = _month_bounds(published.value) if base is None and published and published.value else None

    def value(m: DateMention, base: date | None) -> str | None:
        if base is not None or month is None:
            return _value(m, base)
        first, last = (_value(m, day) for day in month)
        return first if first == last else None

    # with no date of its own, a month named alone ("published in January") is placed
    # before the latest full date the text gives ("Held on 3 February 2026"): the minutes
    # or letter was written after the month it names
    latest_day = max(
        (
            date(m.year, m.month, m.day)
            for m in mentions
            if m.year and m.month and m.day and _valid(m.year, m.month, m.day)
        ),
        default=None,
    )
    out: list[DateMention] = []
    for m in mentions:
        if m is published:
            out.append(m)
            continue
        if m.relative in _YEAR_STEP:
            out.append(replace(m, value=_anchored_year(m, out)))
            continue
        month_alone = m.month is not None and m.year is None and m.day is None and not m.relative
        m = replace(m, value=value(m, base if base is not None or not month_alone else latest_day))
        if m.role == _GRADED:  # "In 2021, inspectors rated the force good at ...": then, or now?
            earlier = base is not None and m.value is not None and int(m.value[:4]) < base.year
            m = replace(m, role="previous" if earlier else None)
        out.append(m)
    inspected = [int(m.value[:4]) for m in out if m.role == "inspection" and m.value]
    for n, m in enumerate(out):
        if m.role == _FOUND:  # "In 2019, inspectors found ...": before this inspection?
            year = int(m.value[:4]) if m.value else None
            earlier = year is not None and (
                any(year < y for y in inspected) or (base is not None and year <= base.year - 2)
            )
            out[n] = replace(m, role="previous" if earlier else None)
    return out


def _restated(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """A date in brackets right after another restates it ("published last Friday (7
    November)", "today (Thursday 12 October)"): it takes that date's role, and when it names
    its day and the date before is relative, the bracket's day is the one meant: "today"
    is the day the story was written, which a forwarded e-mail's or a later page's own date
    is not."""
    out: list[DateMention] = []
    for m in mentions:
        before = out[-1] if out else None
        if before is not None and re.fullmatch(r"\s*\(\s*", text[before.end : m.start]):
            if m.role != before.role:
                m = replace(m, role=before.role)
            if before.relative is not None and m.relative is None and m.day is not None and m.month:
                out[-1] = replace(before, role=None)
        out.append(m)
    return out


_YEAR_STEP = {"that year": 0, "the following year": 1, "the next year": 1, "the previous year": -1}


def _anchored_year(m: DateMention, before: list[DateMention]) -> str | None:
    """The year of "earlier that year" / "the following year": from the nearest date before it
    (within 300 characters) that has a year."""
    for prior in reversed(before):
        if m.start - prior.end > 300:
            break
        if prior.value:
            return str(int(prior.value[:4]) + _YEAR_STEP.get(m.relative or "", 0))
    return None


#: a year named by the date before it: "earlier that year", "the following year"
_ANCHORED = re.compile(r"\b(that|the same|the following|the next|the previous) year\b")
_DAY_RANGE_BEFORE = re.compile(
    r"\b[0-3]?\d(?:st|nd|rd|th)?\s*(?:and|to|until|till|-|\u2013)\s*$", re.IGNORECASE
)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
#: A day that starts a week ("in the week beginning 14 October", "w/c 3 June"): the week,
#: dated like "last week" by its month.
_WEEK_OF = re.compile(r"\bweek (?:beginning|commencing|starting|of)\s+$|\bw/c\s+$", re.IGNORECASE)
#: A range the entity recogniser took as one date ("between February and April").
_RANGE_IN_ONE = re.compile(
    r"^(?:(?:between|from)\s+(?P<start>\S.*?)\s+(?:and|to|until|till|-|\u2013)"
    r"|(?P<bare>\S.*?)\s+(?:to|until|till|-|\u2013))\s+(?P<end>\S.*)$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|until|till|-|\u2013)\s*$", re.IGNORECASE)


def _join_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "between November 2021 and February 2022": one period, not two events. The end keeps
    the role; the start gets none, so it is never taken for an earlier inspection."""
    out = list(mentions)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        opens = _RANGE_OPEN.search(text[max(0, first.start - 12) : first.start])
        if opens and _RANGE_JOIN.match(text[first.end : second.start]):
            out[i + 1] = replace(second, role=second.role or first.role)
            out[i] = replace(first, role=None)
    return out


def pick(mentions: list[DateMention]) -> dict[str, DateMention | None]:
    """The published, updated, inspection and previous_inspection dates among `mentions`."""
    dateline = next((m for m in mentions if m.role == "dateline" and m.value), None)
    releases = [
        m
        for m in mentions
        if m.role == "published" and m.value and (not dateline or not_after(m.value, dateline.value))
    ]
    # the report's release ("published on Tuesday") before the article's own dateline; a
    # later mention of the same release more precisely ("published last month" ... "published
    # on 18 September") gives its day
    published = releases[0] if releases else dateline
    for m in releases[1:]:
        if (
            published is not None
            and m.value.startswith(published.value)
            and len(m.value) > len(published.value)
        ):
            published = m
    updated = next((m for m in mentions if m.role == "updated" and m.value), None)
    candidates = [m for m in mentions if m.role in ("inspection", "previous") and m.value]
    explicit_previous = [m for m in candidates if m.role == "previous"]
    previous_years = {m.value[:4] for m in explicit_previous}
    inspections = [m for m in candidates if m.role == "inspection" and m.value[:4] not in previous_years]
    if published is not None:
        inspections = [m for m in inspections if not_after(m.value, published.value)]
    inspection = _latest(inspections)
    if explicit_previous:
        previous = _latest(explicit_previous)
    else:
        earlier = [m for m in inspections if inspection and m.value[:4] < inspection.value[:4]]
        previous = _latest(earlier)
    if inspection and previous and inspection.value[:4] <= previous.value[:4]:
        inspection = None
    return {
        "published": published,
        "updated": updated,
        "inspection": inspection,
        "previous_inspection": previous,
    }


def not_after(value: str, bound: str) -> bool:
    """Is the ISO date `value` not later than `bound`, compared at their common precision?"""
    n = min(len(value), len(bound))
    return value[:n] <= bound[:n]


def _latest(mentions: list[DateMention]) -> DateMention | None:
    if not mentions:
        return None
    return max(mentions, key=lambda m: (m.value[:4], len(m.value), m.value))


@cache
def _words() -> dict:
    return resources.load("dates")


_MONTH_WORDS = "|".join(sorted((m for m in _MONTHS if len(m) > 2 or m == "may"), key=len, reverse=True))
_WEEKDAY_WORDS = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
#: Two months joined by "and" ("fieldwork in June and July", "in June and July 2025"): one
#: period, dated by its end as a range is. Not two years ("in 2019 and 2021": two events).
_MONTHS_AND = re.compile(
    rf"^(?P<bare>(?:{_MONTH_WORDS}))\s+and\s+(?P<end>(?:{_MONTH_WORDS})\b.*)$", re.IGNORECASE
)
_WEEKDAY_ONLY = re.compile(
    rf"^(?:on |this |last |earlier this |late on |early on )?(?:{_WEEKDAY_WORDS})"
    r"(?: morning| afternoon| evening| night)?$"
)
_MONTH_OR_DAY = re.compile(rf"\b(?:{_MONTH_WORDS}|{_WEEKDAY_WORDS})\b", re.IGNORECASE)
#: A news agency's dateline opening a paragraph: the place in capitals, the day, a dash
#: ("LONDON, 3 March — The Metropolitan Police ...", "HULL, Tuesday 3 March 2020 – ...").
WIRE_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z'\u2019.\-]+(?: [A-Z][A-Z'\u2019.\-]+){0,3},[ \t]+"
    rf"(?P<date>(?=[^\n]{{0,12}}(?:\d|{_WEEKDAY_WORDS}))[^\n\u2013\u2014]{{3,40}}?)"
    r"[ \t]+(?:\u2014|\u2013|--|-)[ \t]+(?=\S)",
    re.MULTILINE,
)
_ORDINAL_WORDS = "|".join(sorted(resources.load("dates")["ordinal_days"], key=len, reverse=True))
_ORDINAL = re.compile(rf"\b(?:the )?({_ORDINAL_WORDS})(?= (?:day )?(?:of )?(?:{_MONTH_WORDS})\b)")
#: Written dates the model may miss or cut ("Wed 9 Feb 2022", "Published 11th Mar 2024", "the
#: third of May", "the 2nd day of October 2018", "Smith22 September 2022"): linear patterns.
_DAY_WORDS = rf"(?<![\d:])[0-3]?\d(?:st|nd|rd|th)?|\b(?:the )?(?:{_ORDINAL_WORDS})"
#: The year after a day and month: a number, or "last year" / "this year" ("on 3 March last year").
_YEAR_AFTER = r"(?:,? (?:19|20)\d\d| (?:of )?(?:last|this) year)?"
_DAY_FIRST = rf"(?:{_DAY_WORDS})(?: day)?(?: of)? (?:{_MONTH_WORDS})\.?{_YEAR_AFTER}(?![^\W_])"
_MONTH_FIRST = rf"\b(?:{_MONTH_WORDS})\.? [0-3]?\d(?:st|nd|rd|th)?{_YEAR_AFTER}(?![^\W_])"
#: The characters a written date can start with (a digit, or the first letter of a month,
#: weekday or ordinal word, or of "the"): a lookahead on them lets the regex engine skip
#: every other position at once (twice as fast over an article; the same matches).
_DATE_STARTS = "".join(sorted({w[0] for w in (*_MONTHS, *_WEEKDAYS, *_ORDINAL_WORDS.split("|"), "the")}))
_WRITTEN = re.compile(
    rf"(?=[0-9{_DATE_STARTS}])(?:"
    rf"(?:\b(?:{_WEEKDAY_WORDS})\.?,? )?"
    rf"(?:{_DAY_FIRST}|{_MONTH_FIRST}|\b(?:{_MONTH_WORDS}) (?:19|20)\d\d(?![^\W_]))"
    r"|(?<![\d.])[0-3]?\d/[01]?\d/(?:19|20)?\d\d\b"
    r"|(?<![\d.])[0-3]?\d([.-])[01]?\d\1(?:19|20)\d\d\b"
    r"|(?<!\d)(?:19|20)\d\d-[01]\d-[0-3]\d(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d:])"
    r")",
    re.IGNORECASE,
)
#: Seasons, which the model often leaves untagged ("inspected in the autumn").
_SEASON = re.compile(
    r"\b(?:the |this |last )?(?:spring|summer|autumn)(?:,? (?:of )?(?:(?:19|20)\d\d\b|last year|this year))?",
    re.I,
)
#: A month named as the last one, without a day ("last November"):
#: the model does not always tag it as a date.
_NEAR_MONTH = re.compile(rf"\b[Ll]ast (?:{'|'.join(m for m in calendar.month_name if m)})\b(?! \d)")
_DAYLIKE = re.compile(r"^(?:[0-3]?\d(?:st|nd|rd|th)?|,)$", re.I)


#: Month names written in full ("May" too): a full stop after one ends the sentence.
_FULL_MONTHS = frozenset(m.lower() for m in calendar.month_name if m)


def _sentence_stop(written: str) -> int:
    """1 when the written date ends in a full stop that ends its sentence, not an
    abbreviation's ("until 14 February." but "14 Feb. 2025"), else 0."""
    if not written.endswith("."):
        return 0
    words = _WORD.findall(written)
    return 1 if words and words[-1].lower() in _FULL_MONTHS else 0


def _candidates(doc: Doc) -> list[tuple[Span, int, int]]:
    """Date spans with the character range of the date itself: written dates found by
    pattern (the span may take in a word the date is glued to), then the model's other
    DATE entities and bare years."""
    found: list[tuple[Span, int, int]] = []
    text = gazetteer.text_of(doc)
    for m in _WRITTEN.finditer(text):
        end = m.end() - _sentence_stop(m.group())
        span = doc.char_span(m.start(), end, alignment_mode="expand")
        if span is not None:
            found.append((span, m.start(), end))
    taken = {i for s, _, _ in found for i in range(s.start, s.end)}
    for m in (*_SEASON.finditer(text), *_NEAR_MONTH.finditer(text)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and not any(i in taken for i in range(span.start, span.end)):
            found.append((span, m.start(), m.end()))
            taken.update(range(span.start, span.end))
    for ent in doc.ents:
        if ent.label_ == "DATE" and not any(i in taken for i in range(ent.start, ent.end)):
            span = _widen(doc, ent)
            found.append((span, span.start_char, span.end_char))
            taken.update(range(ent.start, ent.end))
    for m in _YEAR.finditer(text):  # a bare year the model did not tag ("Bedfordshire 2016")
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) == 1 and span.start not in taken and not _in_range(doc, span.start):
            found.append((span, m.start(), m.end()))
    return sorted((f for f in found if not _cycle_name(f[0]) and not _names_a_law(f[0])), key=lambda f: f[1])


#: Words a year follows in a law's name ("the Mental Health Act 1983", "the Police and
#: Fire Reform (Scotland) Act 2012", "the ... Regulations 2019").
_LAW_WORDS = frozenset({"Act", "Acts", "Regulations", "Order", "Rules", "Bill", "Code"})


def _names_a_law(span: Span) -> bool:
    """Is the span a bare year that ends a law's name ("Mental Health Act 1983")? It tells
    which law, not when anything happened."""
    doc = span.doc
    if len(span) != 1 or not _YEAR.fullmatch(span.text):
        return False
    return span.start > 0 and doc[span.start - 1].text in _LAW_WORDS


#: A span of years written as one name ("2023-25", "2021/22", "2023-2025"): its first year
#: and its last (whole or two digits).
_YEARS = r"((?:19|20)\d\d)\s?[-\u2013/]\s?(\d\d|(?:19|20)\d\d)"
_YEAR_SPAN = re.compile(rf"^{_YEARS}$")
#: Words beside which such a span names an inspection programme's cycle, not a date.
CYCLE_WORDS = frozenset({"peel", "inspection", "inspections", "programme", "cycle", "assessment"})


def year_spans(doc: Doc) -> list[tuple[Span, int]]:
    """Spans of years written as one name in the cleaned text, each with its last year
    ("2021/22" gives 2022, "2019-2021" 2021), leaving out those a comparison starts from
    ("since its 2021/22 inspection"). spaCy tags most of them numbers, not dates."""
    out = []
    for m in re.finditer(rf"\b{_YEARS}\b", gazetteer.text_of(doc)):
        first, last = m.group(1), m.group(2)
        end = int(last) if len(last) == 4 else int(first[:2] + last)
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and int(first) < end and not _since(doc, span):
            out.append((span, end))
    return out


def _cycle_name(span: Span) -> bool:
    """Is the span a programme's cycle ("PEEL 2023-25", "the PEEL Inspection 2021/22",
    "its 2021-22 PEEL assessment"), which names the programme, not when the force was
    inspected? (Whether that cycle is an earlier one is `attribution._earlier_cycles`'s.)"""
    doc = span.doc
    text, end = span.text.strip(), span.end
    if end + 1 < len(doc) and doc[end].text in ("-", "\u2013", "/") and doc[end + 1].is_digit:
        text, end = doc[span.start : end + 2].text, end + 2  # "PEEL | 2023 | -25": the year alone taken
    if not _YEAR_SPAN.match(text):
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[end] if end < len(doc) else None  # "its 2021-22 PEEL assessment"
    return any(t is not None and t.lower_ in CYCLE_WORDS for t in (before, after))


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


def _parse(text: str, start: int, end: int, *, may_is_month: bool = False) -> DateMention | None:
    """Read a date expression into its parts; None when it names no date. A lone "May" is
    read as the month only with `may_is_month` (the tagger's proper noun), else as the verb."""
    low = text.strip().lower()
    ordinal = _ORDINAL.search(low)
    if ordinal:  # "the third of May" -> "3 of May"
        day_number = _words()["ordinal_days"].index(ordinal.group(1)) + 1
        low = f"{low[: ordinal.start()]}{day_number}{low[ordinal.end() :]}"
    words = _WORD.findall(low)
    numeric = _NUMERIC.search(low)
    iso = _ISO.search(low)
    years = _YEAR.findall(low)
    if len(set(years)) > 1:
        return None  # a range ("from 2019 to 2022") is not one date
    year = int(years[0]) if years else None
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    weekday = next((_WEEKDAYS[w] for w in words if w in _WEEKDAYS), None)
    day = None
    timestamp = _TIMESTAMP.search(text)
    if timestamp:
        iso = _ISO.match(reader.local_date(timestamp.group()))
    if iso:
        year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    elif numeric:
        day, month = int(numeric.group(1)), int(numeric.group(3))
        if month > 12 >= day:
            day, month = month, day  # "3/14/2025": month first is its only reading
        y = numeric.group(4)
        year = int(y) if len(y) == 4 else 2000 + int(y)
    elif month is not None:
        without = _TIME.sub(" ", _YEAR.sub(" ", low))
        days = [int(d) for d in _DAY.findall(without) if 1 <= int(d) <= 31]
        day = days[0] if days else None
    relative = _relative_phrase(low, words, month, day)
    if relative == "this year" and "may" in words:
        month = 5  # "May this year"
    if year is None and month is None and relative is None:
        return None
    if (
        month == 5
        and "may" in words
        and day is None
        and year is None
        and relative is None
        and not may_is_month
    ):
        return None  # "may" is usually the verb
    return DateMention(text.strip(), start, start + len(text.strip()), year, month, day, weekday, relative)


def _relative_phrase(low: str, words: list[str], month: int | None, day: int | None) -> str | None:
    """The part of a date expression that depends on when the article was written."""
    anchored = _ANCHORED.search(low)
    if anchored and month is None:  # "earlier that year": the year of the date before it
        return "that year" if anchored.group(1) in ("that", "the same") else f"{anchored.group(1)} year"
    if "today" in words or "tonight" in words:
        return "today"
    if "yesterday" in words:
        return "yesterday"
    ago = _AGO.search(low)
    if ago:
        return f"{ago.group(1)} {ago.group(2)}s ago"
    if month is None:
        this_or_last = _THIS_OR_LAST.search(low)  # "earlier this month" is this month
        if this_or_last:
            return this_or_last.group()
        last_weekday = _LAST_WEEKDAY.search(low)
        if last_weekday:
            return last_weekday.group()
        if day is None and _WEEKDAY_ONLY.match(low):
            return "weekday"  # "on Tuesday": the latest Tuesday up to the article's date
        if any(w in _words()["seasons"] for w in words):
            return "season"
    elif "this year" in low:
        return "this year"
    elif "last year" in low:
        return "last year"
    elif "last" in words and day is None and not _last_part(words):
        return "last"
    return None


def _last_part(words: list[str]) -> bool:
    """Does "last" pick out a part of the month it is with ("the last week of March", "in
    the last days of June"), not the month's last occurrence ("last March")?"""
    n = words.index("last")
    return n + 1 < len(words) and words[n + 1] in _TIME_UNITS


def _resolve_published(
    mentions: list[DateMention], latest_year: int | None, roles: tuple[str, ...]
) -> DateMention | None:
    """The first mention of one of `roles` that fixes a date, with its value set (also in
    `mentions`); a weekday and day without a year take the one year near `latest_year`
    that fits."""
    for i, m in enumerate(mentions):
        if m.role not in roles or m.month is None and m.year is None:
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
    """The value of `m`, placed relative to the publication date `base` where it needs one."""
    if m.year is not None:
        return _normalise(m, m.year)
    if base is None:
        return None
    if m.relative == "season":
        return _season_year(m.text.lower(), base)
    if m.relative in ("this year", "last year") and m.month:  # "in November last year"
        year = base.year - 1 if m.relative == "last year" else base.year
        if m.day is not None:  # "on 3 March last year"
            return date(year, m.month, m.day).isoformat() if _valid(year, m.month, m.day) else None
        return f"{year}-{m.month:02d}"
    if m.relative == "last":  # "last December": not the month the article is written in
        value = _relative(calendar.month_name[m.month], base, "month")
        if value == f"{base.year}-{base.month:02d}":
            value = _relative(calendar.month_name[m.month], base - timedelta(days=base.day), "month")
        return value
    if m.relative == "weekday":  # the article's own weekday is its day, not a week before
        if base.weekday() == m.weekday:
            return base.isoformat()
        if m.ahead:  # "will be published on Wednesday": the next one
            return (base + timedelta(days=(m.weekday - base.weekday()) % 7)).isoformat()
        return _relative(calendar.day_name[m.weekday], base, "day")
    if m.relative:
        return _relative(m.relative, base)
    if m.month is None:
        return None
    if m.day is not None and m.weekday is not None:  # "Wednesday 12 February": the year it fits
        fits = [
            date(y, m.month, m.day)
            for y in (base.year - 1, base.year, base.year + 1)
            if _valid(y, m.month, m.day) and date(y, m.month, m.day).weekday() == m.weekday
        ]
        if fits:
            return min(fits, key=lambda d: abs(d - base)).isoformat()
    if m.ahead:  # "will be published on 12 February", "is due to report in March": the next one
        year = base.year + ((m.month, m.day or 1) < (base.month, base.day if m.day else 1))
        return _normalise(m, year)
    if m.day is not None:
        return _relative(f"{m.day} {calendar.month_name[m.month]}", base, "day")
    return _relative(calendar.month_name[m.month], base, "month")


def _season_year(low: str, base: date) -> str | None:
    """ "in the spring": the year of the latest spring begun by `base`; "last spring": ended by it."""
    season = next(w for w in _WORD.findall(low) if w in _words()["seasons"])
    first, last = _words()["seasons"][season]
    if "last year" in low:  # "in the spring of last year"
        return str(base.year - 1)
    month = last if "last" in low.split() else first
    value = _relative(calendar.month_name[month], base, "month")
    return value[:4] if value else None


def _relative(phrase: str, base: date, precision: str | None = None) -> str | None:
    """`phrase` resolved by dateparser against `base` (the latest such date up to it), at the
    precision dateparser reports for the phrase (or `precision`); a week is given as its
    month, or its year, when it lies within one."""
    parsed = _relative_parser(base).get_date_data(phrase)
    if parsed is None or parsed.date_obj is None:
        return None
    day = parsed.date_obj.date()
    period = precision or parsed.period
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        sunday = monday + timedelta(days=6)
        if (monday.year, monday.month) == (sunday.year, sunday.month):
            return f"{monday.year:04d}-{monday.month:02d}"
        return str(monday.year) if monday.year == sunday.year else None
    if period == "year":
        return str(day.year)
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


@lru_cache(maxsize=32)
def _relative_parser(base: date):
    import dateparser  # slow to import; only extraction needs it

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "DMY",
        "TIMEZONE": _LONDON,
    }
    return dateparser.DateDataParser(languages=["en"], settings=settings)


def _normalise(m: DateMention, year: int) -> str | None:
    if m.month is None:
        return str(year)
    if m.day is None:
        return f"{year:04d}-{m.month:02d}"
    if not _valid(year, m.month, m.day):
        return None  # "31 June"
    return date(year, m.month, m.day).isoformat()  # the parts were read by _parse already


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _month_bounds(value: str) -> tuple[date, date] | None:
    """The first and last days of a month's value ("2026-05"), or None for any other."""
    if len(value) != 7:
        return None
    year, month = int(value[:4]), int(value[5:])
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _as_date(value: str | None) -> date | None:
    if value and len(value) == 10:
        return date.fromisoformat(value)
    return None


@cache
def _role_cues() -> dict[str, list[tuple[str, ...]]]:
    roles = resources.load("cues")["date_roles"]
    return {role: [tuple(p.split()) for p in phrases] for role, phrases in roles.items()}


_ROLES = ("inspection", "previous", "published")
#: The role of a date that dates an earlier inspection's report ("a PEEL inspection,
#: published in 2023, which graded ..."): what its sentence says is background, but the
#: report may be any earlier one (a thematic, another force's), so the date is not taken
#: as `previous_inspection`.
EARLIER = "earlier"


@cache
def _role_cue_index() -> dict[str, list[tuple[int, int, tuple[str, ...], bool]]]:
    """The role cues by the word they start with: (role rank in _ROLES, cue rank, cue, needs
    the word to be a verb). A one-word verb cue is listed under each of its inflections."""
    index: dict[str, list[tuple[int, int, tuple[str, ...], bool]]] = {}
    for rank, role in enumerate(_ROLES):
        for phrase_rank, phrase in enumerate(_role_cues()[role]):
            index.setdefault(phrase[0], []).append((rank, phrase_rank, phrase, False))
            if len(phrase) == 1:
                for form in resources.inflections(phrase) - {phrase[0]}:
                    index.setdefault(form, []).append((rank, phrase_rank, phrase, True))
    return index


def _wire_datelines(doc: Doc) -> list[re.Match]:
    """The agency datelines (`WIRE_DATELINE`) opening the article's paragraphs."""
    found = doc.user_data.get("inspectx_wire_datelines")
    if found is None:
        found = doc.user_data["inspectx_wire_datelines"] = list(
            WIRE_DATELINE.finditer(gazetteer.text_of(doc))
        )
    return found


def _done_by_another_inspectorate(verb: Token) -> bool:
    """Is the verb's subject an inspectorate of something other than policing (the Care
    Quality Commission, Ofsted), in a sentence that names no policing inspectorate? What it
    did alone dates its own inspection, not the police's. Not one that inspects police
    custody with HMICFRS (`police_custody` in data/inspectorates.json: "HMIP visited the
    custody suites in May")."""
    bodies = gazetteer.inspectorates()
    sent = verb.sent
    named = [s for s in gazetteer.spans(verb.doc, "INSPECTORATE") if sent.start <= s.start < sent.end]
    if any(
        bodies.get(s.id_, {}).get("policing") or bodies.get(s.id_, {}).get("police_custody") for s in named
    ):
        return False
    subjects = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree}
    return any(s.start in subjects for s in named)


def _range_start(token: Token) -> bool:
    """Can the token open a range of dates whose end the date mention is: a month or day
    name ("November and | December 2025") or a day of the month ("3 and | 14 March")?"""
    if _MONTH_OR_DAY.fullmatch(token.text):
        return True
    return token.text.isdigit() and 1 <= int(token.text) <= 31


def _asks(verb: Token) -> bool:
    """Is the verb that of an indirect question ("how the force responds", "whether it
    records ...") inside a noun phrase or clause, such as a report's title?"""
    return verb.dep_ in ("pcomp", "ccomp", "pobj") and any(
        c.lower_ in ("how", "whether", "what") and c.i < verb.i for c in verb.children
    )


def _publisher_of_the_title(ent: Span) -> Token | None:
    """The verb of publishing whose object the date closes: a report named by its subject
    ("published its inspection of how Staffordshire Police responds to stalking | on 9
    October", "released its review of the force's response to fraud | on Tuesday"), where
    the parse hangs the date on the subject's last word. None when a verb of its own comes
    between ("its report on an inspection carried out in May")."""
    token = ent.root
    for _ in range(10):
        head = token.head
        if head is token:
            return None
        if token.dep_ == "dobj" and head.lower_ in _verbs("publishing_verbs"):
            return head
        if token.dep_ not in ("pobj", "prep", "pcomp", "xcomp", "poss", "compound", "nummod", "npadvmod"):
            return None
        token = head
    return None


def _last_time_aside(doc: Doc, ent: Span, sent: Span) -> bool:
    """Is the date set off by commas after a sentence's opening "Last time" ("Last time
    round, | in 2022, | the force was ...", "The last time, | in May 2021, | ...")? In a
    story of an inspection, the time before is the inspection before."""
    k = ent.start - 1
    if k >= sent.start and doc[k].lower_ in ("in", "back"):
        k -= 1
    if k < sent.start or doc[k].text != "," or ent.end >= sent.end or doc[ent.end].text != ",":
        return False
    opening = [t.lower_ for t in doc[sent.start : k]]
    while opening and opening[0] in ("the", "at", "by", "and", "but"):
        opening = opening[1:]
    return opening[:2] == ["last", "time"] and opening[2:] in ([], ["round"], ["around"])


#: Modifiers of a report that make it an earlier one ("its previous inspection of ...";
#: not "its first inspection of ...", the first of its kind).
_EARLIER_REPORT = frozenset({"previous", "last", "earlier", "original", "initial", "prior"})
#: Nouns of what an inspection leaves in writing: a date on "inspection reports" dates them.
_REPORTS = frozenset({"report", "reports", "findings", "letter", "letters"})
#: Nouns of an inspection's report: a year that modifies one after "since" ("since the
#: inspectorate's 2022 report") dates the inspection before.
_REPORT_NOUNS = frozenset({"report", "inspection", "reinspection", "review", "visit", "assessment", "audit"})


def _since_an_inspection(ent: Span) -> bool:
    """Is the date where a comparison with the inspection before starts: a year of a report
    after "since" ("improved since the inspectorate's 2022 report", "since its 2021
    inspection"), or "since" a date on an inspecting verb ("has not been inspected since
    2019", "the first time HMICFRS has examined its custody since 2018")? Not "improved since
    2019": no inspection is dated by it."""
    root = ent.root
    if root.dep_ in ("nummod", "compound", "amod", "nmod") and root.head.lower_ in _REPORT_NOUNS:
        noun = root.head
        return noun.dep_ == "pobj" and noun.head.lower_ == "since"
    if root.dep_ != "pobj" or root.head.lower_ != "since":
        return False
    verb = root.head.head
    if verb.pos_ not in ("VERB", "AUX") or _planned(verb):
        return False
    return verb.lower_ in _verbs("inspection_verbs") or _inspectors_did(verb)


def _role(doc: Doc, ent: Span, text: str) -> str | None:
    """The date's role from its line and the words around it; `text` is the date itself
    (`ent` may take in a word the date is glued to)."""
    sent = gazetteer.sentence_of(ent.doc, ent.start)
    line = _line_of(doc, ent)
    ent_words = len(_WORD.findall(text))
    cues = _role_cues()
    before = doc[max(sent.start, ent.start - 3) : ent.start]
    if len(line) < 80 and _is_update(line[: line.find(text)] if text in line else ""):
        return "updated"
    if any(m.start("date") <= ent.start_char and ent.end_char <= m.end("date") for m in _wire_datelines(doc)):
        return "dateline"  # "HULL, 3 March 2020 — Humberside Police has ..."
    if any(t.lower_ == "today" for t in before) and "(" in before.text:
        return "published"
    if cleaner.is_credit_line(line) and _has_day(text):
        return "dateline"  # "Posted on 18 January 2024 by Jo Bloggs, Policy Lead"
    credit_cell = _cell_of(line, text) if _has_day(text) else None
    if credit_cell is not None and cleaner.is_credit_line(credit_cell):
        return "dateline"  # "The Clarion | News | Posted by Jo Bloggs on 2 October 2026"
    cell = _cell_of(line, text) if _in_the_head(doc, ent) and not _says_inspected(line) else None
    if cell is not None and len(_WORD.findall(cell)) - ent_words <= 3 and _has_day(text):
        return "dateline"  # "Jo Bloggs | Crime Reporter | Wednesday 4 June 2025, 6:00am"
    if (
        cell is not None
        and len(_WORD.findall(cell)) - ent_words <= 1
        and _MONTH_OR_DAY.search(text)
        and _YEAR.search(text)
    ):
        return "dateline"  # "Police Staff Review | Technology | December 2026 issue": the month
    if _closes_a_head_line(doc, ent, line, text):
        return "dateline"  # "Your morning briefing, Thursday 24 November 2022"
    # short lines only: a long line's words are counted once per date on it
    short = len(line) < 60 and len(_WORD.findall(line)) - ent_words <= 3 and not _says_inspected(line)
    if short and (_has_day(text) or text.lower() == "today"):
        return "dateline"  # a dateline or timestamp line
    if short and not _a_clause(sent):  # not "Inspectors returned in May.": a sentence, read as one
        line_start = gazetteer.text_of(doc).rfind("\n", 0, ent.start_char) + 1
        labels = gazetteer.spans(doc, "FORCE", "PLACE")
        if any(line_start <= g.start_char < line_start + len(line) for g in labels) or "peel" in line.lower():
            return "inspection"  # an assessment's label: "Bedfordshire 2016", "PEEL 2021"
        if _in_the_head(doc, ent) and _MONTH_OR_DAY.search(text) and _YEAR.search(text):
            return "dateline"  # a newsletter's issue: "Issue 212, May 2026"
        return None
    if text.lower().startswith(("the last", "the past", "the next")) and not _MONTH_OR_DAY.search(text):
        return None  # a period ("over the last year"), not the date of an event; not "the last week of March"
    if _last_time_aside(doc, ent, sent):
        return "previous"  # "Last time round, in 2022, the force was told to ...": the inspection before
    if _since_an_inspection(ent):
        return "previous"  # "since the inspectorate's 2022 report", "not inspected since 2019"
    k = ent.start - 1
    ranged = k >= 1 and doc[k].lower_ in ("and", "to") and _range_start(doc[k - 1])
    if ranged:
        k -= 2  # "in November and | December 2025", "between 3 and | 14 March 2025": before the range
    before_word = doc[k].lower_ if k >= 0 else ""
    if ranged and before_word == "from":
        before_word = "between"  # "from 3 to | 14 March 2025": a period, as "between" gives
    if before_word in ("before", "until", "by", "after"):
        return None  # a bound, not the date of an event
    governor = _governor(ent)
    # "carried out fieldwork in the division, which covers A, B and C, | in August": the parse
    # hangs the date on the relative clause it follows; it dates the clause around it
    main, aside = _after_a_relative_clause(ent)
    if main is not None:
        governor = main
    if governor is not None and _asks(governor):
        # "published its review of how the PSNI responds to domestic abuse | on 12 March": the
        # parse hangs the date on the question that names the report's subject
        governor = next((a for a in governor.ancestors if a.pos_ in ("VERB", "AUX")), governor)
    if (
        governor is not None
        and governor.dep_ in ("acl", "relcl")
        and gazetteer.of_another_inspection(governor.head)
    ):
        return None  # "It follows a separate review of X, published last month": the other's
    if governor is not None and _done_by_another_inspectorate(governor):
        return None  # "The Care Quality Commission inspected the custody healthcare provider in 2023"
    if _dates_a_release(text) and (publisher := _publisher_of_the_title(ent)) is not None:
        # "published its (first) inspection of how X responds to stalking | on 9 October"
        report = next(c for c in publisher.children if c.dep_ == "dobj")
        if not any(c.lower_ in _EARLIER_REPORT for c in report.children):
            return "published"
    after_word = ""  # the next word, not across an opening bracket: "on Tuesday (after a delay)"
    after: Token | None = None
    for t in doc[ent.end : min(ent.end + 2, sent.end)]:
        if t.text in ("(", "["):
            break
        if not t.is_punct:
            after_word, after = t.lower_, t
            break
    if (
        after_word in ("following", "after")
        and after is not None
        and _follows_an_inspection(after)
        and not _has_day(text)
        and not (governor is not None and governor.lower_ in _verbs("inspection_verbs"))
    ):
        return None  # "placed in Engage in December 2020 following an inspection": its outcome
    if governor is None and ent.start == sent.start and ent.end >= sent.end - 1 and sent.end < len(doc):
        # "Yesterday | the inspectorate published ...": the parser made the date a sentence
        governor = next((t for t in doc[sent.end :] if t.dep_ == "ROOT"), None)
    if (
        governor is not None
        and governor.lower_ in _verbs("publishing_verbs")
        and _publishes_another_thing(governor)
    ):
        return None  # "The force said it would publish an action plan in June": a plan of its own
    if governor is not None and governor.lower_ in _verbs("publishing_verbs") and _of_an_earlier(governor):
        return "previous"  # "The original inspection, "No Excuse", was published in March 2023"
    if (
        governor is not None
        and governor.lower_ in _verbs("publishing_verbs")
        and not _near_previous(doc, ent, governor.i)
        and not _dates_an_inspecting_event(ent)  # "published ..., after an inspection in November"
    ):
        if _dates_a_release(text) or _in_the_latest_year(doc, text):
            return "published"
        # "a PEEL inspection, published in 2023, which graded ...": an earlier inspection's report
        return EARLIER if _publishes_an_inspection(governor) and _earlier_year(doc, text) else None
    if _the_last_time_inspected(ent):
        return "previous"  # "The last time HMICS looked at its custody was in 2019"
    if _labels_an_inspection_told_before(ent):
        return "previous"  # "something that had been a problem at the 2023 inspection"
    if _labels_the_inspectorates_earlier_report(ent) and _earlier_year(doc, text):
        return "previous"  # "The figure comes from the inspectorate's 2019 report"
    if _a_grade_given_then(ent, governor, text):
        return _GRADED  # "..., the same grade it was given in 2023": an earlier grading
    if _dates_another_thing(ent, governor):
        return None  # "its new shift pattern, introduced in 2023": when that began
    if _dates_an_event(ent):
        return None  # "after the death of a man in custody in June 2024": when that happened
    end = ent.end + 4
    when = next((t for t in doc[ent.end : min(ent.end + 2, sent.end)] if t.lower_ == "when"), None)
    if when is not None:  # "an improvement on 2020, | when the force was last graded": what the date was
        end = max(end, when.head.right_edge.i + 1)
    window = [
        t for t in doc[max(sent.start, ent.start - 12 - len(aside)) : min(sent.end, end)] if t.i not in aside
    ]
    low = [t.lower_ for t in window]
    nearest: tuple[int, str, int] | None = None
    best: tuple[int, int, int, int] | None = None
    index = _role_cue_index()
    if _on_an_inspection(governor):
        nearest, low = (0, "inspection", governor.head.i), []  # "The inspection, carried out in October, ..."
    for i, word in enumerate(low):
        for rank, phrase_rank, phrase, needs_verb in index.get(word, ()):
            if needs_verb and window[i].pos_ != "VERB":
                continue  # a verb cue in another form ("visiting" for "visit") only as a verb
            if not needs_verb and tuple(low[i : i + len(phrase)]) != phrase:
                continue
            pos = window[i].i
            # a cue before the date binds more closely than one after it
            dist = ent.start - pos if pos < ent.start else pos - ent.end + 2
            key = (dist, rank, phrase_rank, i)  # ties: the earlier role, then the earlier cue
            if best is None or key < best:
                best, nearest = key, (dist, _ROLES[rank], pos)
    if nearest is None and governor is not None and governor.lower_ in _verbs("inspection_verbs"):
        nearest = (0, "inspection", governor.i)
    if nearest is None and governor is not None:  # "made an unannounced visit ... in November"
        words = resources.inflections(tuple(p[0] for p in cues["inspection"] if len(p) == 1))
        for child in governor.children:
            if child.dep_ in ("dobj", "nsubj", "nsubjpass") and child.lower_ in words:
                nearest = (0, "inspection", child.i)
    if (
        nearest is None
        and governor is not None
        and (_MONTH_OR_DAY.search(text) or _THIS_OR_LAST.search(text.lower()) or _names_a_season(text))
        and (
            before_word in ("in", "on", "during", "between", "")
            or before_word in _PERIOD_STARTS  # "during the fortnight beginning 10 February"
            or text.lower().startswith(("last ", "earlier "))
        )
        and _inspectors_did(governor)
    ):
        nearest = (0, "inspection", governor.i)  # "Inspectors were on site in May"
    if nearest is None and _bracketed_after_a_report(ent):
        nearest = (0, "previous", ent.start - 2)  # "its previous report (2020)": that report's year
    for verb in (governor, when.head if when is not None else None):
        # "HMICFRS last examined its control room in 2022"; "Two years ago, | when inspectors
        # last examined vetting at the force, ...": the "when" clause tells what the time was
        put_back = nearest is None and verb is not None and _put_back(verb)
        if put_back and (_inspectors_did(verb) or _they_the_inspectors(verb)):
            nearest = (0, "inspection", verb.i)
    if nearest is None and governor is not None and _found_before(governor):
        return "previous"  # "In 2022, inspectors had found that ...": an earlier inspection's finding
    if (
        nearest is None
        and governor is not None
        and governor.tag_ == "VBD"
        and _YEAR.search(text)
        and not _has_day(text)
        and _found_by_inspectors(governor)
    ):
        return _FOUND  # "In 2019, inspectors found that ...": an earlier inspection, or this one
    if nearest is None and _grades_the_force(governor, text):
        return _GRADED  # "In 2021 inspectors rated the force good": an earlier grading, or this one
    if nearest is None:
        return None
    _, role, pos = nearest
    if role == "inspection" and doc[pos].dep_ == "compound" and doc[pos].head.lower_ in _REPORTS:
        return None  # "Two inspection reports landed this week": when the reports came, not the visits
    if role == "inspection" and _other_event(doc[pos]):
        return None  # "a survey of members, carried out in November"
    if role in ("inspection", "previous") and governor is not None and _clause_of_its_own(governor, pos):
        return None  # "the first inspection since Police Scotland was formed in 2013"
    if role in ("inspection", "previous") and _of_another_force(doc, doc[pos], governor):
        return None  # "a similar inspection of Norfolk Constabulary in 2023": not this force's
    if role in ("inspection", "previous") and governor is not None and _planned(governor):
        return None  # "will revisit the force in 2027": a plan, not an inspection that took place
    if role == "previous" and not any(t.lower_ in _PREVIOUS_MODIFIERS for t in window):
        role = "inspection"
    if role == "inspection" and governor is not None and _put_back(governor):
        role = "previous"  # "Inspectors had previously visited in November 2022"
    if role == "inspection" and _followed_up(doc[pos]):
        role = "previous"  # "12 of the 19 recommendations from the 2022 inspection": followed up now
    if role == "inspection" and _compared_with(doc[pos]):
        role = "previous"  # "a marked change from the 2019 inspection": what now is measured against
    if role in ("inspection", "published") and _near_previous(doc, ent, pos):
        return "previous"
    if role == "published" and not _dates_a_release(text):
        return None  # "published a report in 2015": when the report came out is a day
    return role


#: Words that give the first day of a period ("the week beginning 3 March", "the fortnight
#: starting on ..."): the period dates what happened during it.
_PERIOD_STARTS = frozenset({"beginning", "starting", "commencing"})


#: What an inspection leaves behind to be followed up at a later one (not "the findings
#: of a follow-up inspection": what it found is reported now).
_FOLLOWED_UP = frozenset(
    {"recommendation", "recommendations", "areas", "concerns", "cause", "causes", "afis"}
)


def _compared_with(noun) -> bool:
    """Is the inspection noun what a change is measured from ("a marked change from the 2019
    inspection", "an improvement on its 2021 inspection", "compared with the 2022 inspection",
    "more quickly than at the 2022 inspection")?
    That is an earlier inspection."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in ("at", "in", "during") and prep.head.lower_ == "than":
        return True  # "more quickly than at the 2022 inspection"
    if noun.dep_ != "pobj" or prep.lower_ not in ("from", "on", "with", "than"):
        return False
    if prep.lower_ == "than":
        return True  # "fewer than the 2022 inspection found"
    if prep.lower_ == "with":
        return prep.head.lower_ in ("compared", "comparison")
    return prep.head.lower_ in resources.load("cues")["change_nouns"]


def _followed_up(noun) -> bool:
    """Is the inspection noun the one whose recommendations or findings are followed up
    ("the recommendations of the inspectorate's 2023 inspection", "12 of the 19
    recommendations from the 2022 inspection")? That is an earlier inspection."""
    of = noun.head
    return noun.dep_ == "pobj" and of.lower_ in ("of", "from") and of.head.lower_ in _FOLLOWED_UP


def _put_back(verb) -> bool:
    """Is the verb told as earlier than the story ("had previously visited", "formerly
    inspected", "last examined")?"""
    return any(c.dep_ == "advmod" and c.lower_ in ("previously", "formerly", "last") for c in verb.children)


def _on_an_inspection(governor) -> bool:
    """Is the date's verb a participle or relative clause on an inspection that tells it was
    done ("The inspection of X's custody suites, carried out by the two inspectorates in
    October 2023, is published on Wednesday", "the visit, which took place in May")? Then
    it dates that inspection, whatever cue stands nearer ("is published")."""
    return (
        governor is not None
        and governor.dep_ in ("acl", "relcl")
        and governor.head.lower_ in _INSPECTION_NOUNS
        and governor.lower_ in _DOING_VERBS
    )


#: Verbs that tell an event was done ("carried out", "conducted", "which took place"), in
#: their inflections: not "commissioned", "announced" or "published".
_DOING_VERBS = resources.inflections(
    ("carry", "conduct", "undertake", "complete", "make", "do", "hold", "take")
) | {"did", "done", "undertook", "undertaken"}
#: Nouns that name an inspection itself, and (below) the other events that are part of one.
_INSPECTION_NOUNS = frozenset(
    {"inspection", "inspections", "re-inspection", "reinspection", "visit", "visits", "revisit", "fieldwork"}
)


def _of_another_force(doc: Doc, cue, governor) -> bool:
    """Is the inspection a date's cue names that of a force other than the article's own
    (`gazetteer.rank_forces`' leader): named inside the cue's phrase ("an inspection of
    Norfolk Constabulary in 2023") or as the subject of the date's verb ("Norfolk
    Constabulary was last inspected in 2022"), also through a relative pronoun ("Norfolk
    Constabulary, which was the subject of a similar revisit in June") or as the noun a
    participle is on ("Essex Police, inspected last year, was rated ...")?"""
    ranking = gazetteer.rank_forces(doc)
    if ranking is None or ranking.leader is None:
        return False
    inside = {t.i for t in cue.subtree}
    if governor is not None:
        inside |= {t.i for c in governor.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    # "Norfolk Constabulary, which was the subject of a similar revisit in June": the relative
    # pronoun stands for the force
    verb = next((a for a in cue.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if governor is not None and governor.dep_ == "acl" and governor.tag_ == "VBN":
        # "Essex Police, inspected last year, was rated ...": the participle's noun is inspected
        inside |= set(range(governor.head.left_edge.i, governor.head.i + 1))
    if verb is not None and verb.dep_ == "relcl":
        pronoun = any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "who", "that") for c in verb.children
        )
        if pronoun:
            inside |= set(range(verb.head.left_edge.i, verb.head.i + 1))
    return any(s.id_ != ranking.leader and s.start in inside for s in gazetteer.spans(doc, "FORCE"))


#: What inspections make: a date on one of these dates its inspection ("the
#: recommendations made in 2022").
_INSPECTION_PRODUCTS = frozenset(
    {
        *("recommendation", "recommendations", "report", "reports", "finding", "findings"),
        *("grade", "grades", "rating", "ratings", "judgement", "judgements", "concern", "concerns"),
    }
)


def _dates_another_thing(ent: Span, governor) -> bool:
    """Is the date on a participle or relative clause about a noun that is no inspection
    nor anything an inspection makes ("its new shift pattern, introduced in 2023", "a unit
    which was set up in 2022"), its verb no verb of inspecting? It dates that thing, not
    the inspection, whatever the sentence says around it."""
    if governor is None or governor.dep_ not in ("acl", "relcl") or governor.tag_ not in ("VBN", "VBD"):
        return False
    root = ent.root
    if not (root.dep_ == "pobj" and root.head.head.i == governor.i or root.head.i == governor.i):
        return False  # "received in the 2023 PEEL inspection": the date is the inspection's
    if root.dep_ == "pobj" and root.head.i > 0 and ent.doc[root.head.i - 1].lower_ in _INSPECTING_EVENTS:
        return False  # "engaged with us during the fieldwork in November", however parsed
    inspecting = _verbs("inspection_verbs") | _verbs("publishing_verbs")
    if governor.lower_ in inspecting or _inspectors_did(governor):
        return False
    noun = governor.head
    if noun.lower_ == "team":  # "the inspection team, which arrived in May"
        return not _inspecting(noun, set())
    return (
        noun.pos_ in ("NOUN", "PROPN")
        and noun.lower_ not in _INSPECTING_EVENTS
        and noun.lower_ not in _INSPECTION_PRODUCTS
    )


#: Events of policing's own news that a date may be told of, none an inspection.
_OTHER_EVENTS = frozenset(
    {
        *("death", "deaths", "murder", "murders", "killing", "incident", "incidents", "attack"),
        *("riot", "riots", "disorder", "shooting", "stabbing", "collision", "crash", "trial"),
        *("inquest", "election", "elections", "arrest", "conviction", "protest", "protests"),
    }
)


def _dates_an_event(ent: Span) -> bool:
    """Is the date told of an event that is no inspection, on the event's noun ("the death
    of a man in custody | in June 2024", "a riot in the town centre in August")?"""
    root = ent.root
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    head = root.head.head
    if head.lower_ in _OTHER_EVENTS:
        return True
    # hung on the verb after the event it follows: "was brought forward | after the death of a
    # woman in custody | in August 2024"
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("after", "following")
        and c.i < root.head.i
        and any(g.dep_ == "pobj" and g.lower_ in _OTHER_EVENTS for g in c.children)
        for c in head.children
    )


def _follows_an_inspection(word: Token) -> bool:
    """Does "following" or "after" (`word`) introduce an inspection or its report ("placed in
    Engage in December 2020 | following an inspection", "after a critical report")? Then
    the date before it is the outcome's. After another event ("last looked at custody in
    2022, | following the death of a detainee") the date is still the main clause's."""
    nouns = _INSPECTING_EVENTS | _OUTCOME_NOUNS
    # "after its PEEL inspection graded it ...": "after" marks a clause, which is its head's
    told = word.head.subtree if word.dep_ == "mark" else word.subtree
    return any(t.lower_ in nouns or t.lower_ in _INSPECTORATE_WORDS for t in told if t.i != word.i)


#: Nouns for what an inspection gives, which an outcome may follow.
_OUTCOME_NOUNS = frozenset({"report", "reports", "findings", "grading", "grades", "rating", "verdict"})
#: Words naming an inspectorate (an outcome "following HMICFRS's concerns").
_INSPECTORATE_WORDS = frozenset({"hmicfrs", "hmic", "hmics", "cji", "inspectorate", "inspectors", "peel"})


def _dates_an_inspecting_event(ent: Span) -> bool:
    """Is the date the object of a preposition on an inspecting event ("an inspection in
    November 2024", "the visit in May"), which it dates whatever verb governs the clause?"""
    prep = ent.root.head
    return (
        ent.root.dep_ == "pobj"
        and prep.lower_ in ("in", "on", "during")
        and prep.head.lower_ in _INSPECTING_EVENTS
        and prep.head.i < prep.i
    )


#: Cues that date any event ("carried out", "took place"), and the events that are an
#: inspection's.
_ANY_EVENT = frozenset({"carried", "conducted", "took", "completed"})
_INSPECTING_EVENTS = _INSPECTION_NOUNS | {
    "review",
    "audit",
    "assessment",
    "work",
    "interviews",
    "checks",
    "it",
    "they",
    "inspectors",
    "team",
}


#: Subordinate clauses, whose verb tells an event of its own ("since the force was formed").
_SUBORDINATE = frozenset({"advcl", "relcl", "ccomp", "acl", "pcomp"})


def _clause_of_its_own(verb, cue: int) -> bool:
    """Does the date's verb tell another event in a clause of its own, away from the cue
    that would date the inspection ("It was the first inspection | since Police Scotland was
    formed in 2013", "... since the chief constable took over in 2020")? The verb heads a
    subordinate clause with a subject that is named and is not the inspection's, the cue is
    outside that clause and is not what the clause is on ("the fieldwork they carried out
    in May"), and the verb is no cue itself ("since inspectors last visited in 2021")."""
    if verb.pos_ != "VERB" or verb.dep_ not in _SUBORDINATE or verb.left_edge.i <= cue <= verb.right_edge.i:
        return False
    if any(len(phrase) == 1 for _, _, phrase, _ in _role_cue_index().get(verb.lower_, ())):
        return False  # a one-word cue itself ("visited"; not "took" of "took place")
    if verb.dep_ in ("relcl", "acl") and verb.head.i == cue:
        return False  # "the fieldwork | they carried out in February": the cue's own event
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(s.pos_ == "PRON" for s in subjects):
        return False  # "they", "it": who, the clause does not say
    inspecting = set(resources.load("cues")["inspecting_subjects"])
    bodies = gazetteer.token_indices(verb.doc, "INSPECTORATE")
    return not any(s.i in bodies or _inspecting(s, inspecting) for s in subjects)


def _other_event(cue) -> bool:
    """Does a cue that dates any event ("carried out", "took place") date something other
    than the inspection: a survey, a poll, an operation ("a survey of members, carried out
    in November")?"""
    if cue.lower_ not in _ANY_EVENT:
        return False
    bodies = gazetteer.token_indices(cue.doc, "INSPECTORATE")
    subjects = set(resources.load("cues")["inspecting_subjects"])
    doers = [c for c in cue.children if c.dep_ in ("nsubj", "agent")]
    doers += [g for c in doers if c.dep_ == "agent" for g in c.children]  # "carried out by inspectors"
    if any(d.i in bodies or _inspecting(d, subjects) for d in doers):
        return False  # "which HMICFRS carried out between 8 and 18 January": the inspectors' event
    things = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if cue.dep_ in ("acl", "relcl"):
        things.append(cue.head)  # "a survey ... carried out in November"
        if cue.head.dep_ == "pobj" and cue.head.head.lower_ == "of":
            things.append(cue.head.head.head)  # "the inspection of custody, which ..." (hung on "custody")
    nouns = [t for t in things if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return bool(nouns) and not any(t.lower_ in _INSPECTING_EVENTS for t in nouns)


def _of_an_earlier(verb) -> bool:
    """Is the verb's subject an earlier inspection or report ("the original inspection",
    "the previous report")?"""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        m.lower_ in _PREVIOUS_MODIFIERS and m.dep_ in ("amod", "det", "compound", "advmod")
        for s in subjects
        for m in s.children
    )


def _the_last_time_inspected(ent: Span) -> bool:
    """Is the date in a sentence that opens "The last time" the inspectors did something
    ("The last time HMICS looked at Inverness custody was in 2019", "The last time
    inspectors visited was in March 2022")? It dates the previous inspection; the parser
    makes the inspecting verb the root and the time a modifier of it."""
    opening = [t.lower_ for t in ent.sent[:3]]
    at = opening.index("time") if "time" in opening else 0
    if at == 0 or opening[at - 1] != "last":
        return False  # not "The last time ...", "Last time ..."
    time = ent.sent[at]
    verb = time.head
    if time.dep_ == "nsubj":  # "The last time | the inspectorates looked at X | was in 2019"
        verb = next((c for c in time.children if c.dep_ == "relcl"), time)
        return verb is not time and ent.start > verb.i and _inspectors_did(verb)
    return (
        time.dep_ == "npadvmod"
        and verb.pos_ in ("VERB", "AUX")
        and ent.start > verb.i
        and _inspectors_did(verb)
    )


def _publishes_another_thing(verb) -> bool:
    """Is the verb of publishing one yet to come ("will publish", "would publish") whose
    object is something other than a report ("an action plan", "its response")? A future
    publication of the report itself ("The report will be published on Thursday") is its
    date; of a plan, it is not."""
    future = ("will", "shall", "'ll", "wo", "would", "'d")
    if not any(c.dep_ == "aux" and c.lower_ in future for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(o.lower_ in _PUBLISHED_THINGS or o.pos_ == "PRON" for o in objects)


#: What an inspectorate publishes: the objects of a publication that is the report's.
_PUBLISHED_THINGS = frozenset(
    {
        *("report", "reports", "inspection", "inspections", "review", "assessment", "findings"),
        *("results", "conclusions", "verdict", "letter", "document", "study"),
    }
)


def _planned(verb) -> bool:
    """Is the verb in the future ("will revisit", "is due to return", "plans to inspect")?"""
    future = ("will", "shall", "'ll", "wo")
    if any(c.dep_ == "aux" and c.lower_ in future for t in (verb, verb.head) for c in t.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lower_ in ("due", "plans", "intends", "expected")


def _names_a_season(text: str) -> bool:
    """ "the autumn of 2025", "spring 2024": as close a time as a month."""
    return any(w in _words()["seasons"] for w in _WORD.findall(text.lower()))


def _labels_an_inspection_told_before(ent: Span) -> bool:
    """Is the date the label of an inspection or report ("the 2023 inspection") in a clause
    in the past perfect ("something that had been a problem at the 2023 inspection", "the
    force had been criticised in its 2021 report")? The clause tells of a time before the
    story's, so the inspection is an earlier one."""
    root = ent.root
    if root.dep_ not in ("nummod", "compound", "amod", "nmod") or root.head.lower_ not in _REPORT_NOUNS:
        return False
    verb = next((a for a in root.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return (
        verb is not None
        and verb.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)
    )


#: Words that make a report one of many forces or of another ("national", "separate").
_OF_OTHER_FORCES = frozenset({"national", "thematic", "separate", "similar"})


def _labels_the_inspectorates_earlier_report(ent: Span) -> bool:
    """Is the date the label of a report or inspection the inspectorate is said to own ("the
    inspectorate's 2019 report", "HMICFRS's 2021 inspection")? With a year before the
    story's, that is the inspection before this one."""
    root = ent.root
    if root.dep_ not in ("nummod", "compound", "amod", "nmod") or root.head.lower_ not in _REPORT_NOUNS:
        return False
    if any(c.lower_ in _OF_OTHER_FORCES for c in root.head.children):
        return False  # "the inspectorate's 2022 national review of vetting": not of this force alone
    owners = [c for c in root.head.children if c.dep_ == "poss"]
    inspectorates = gazetteer.token_indices(ent.doc, "INSPECTORATE")
    return any(o.lower_ in ("inspectorate", "watchdog") or o.i in inspectorates for o in owners)


def _found_before(verb) -> bool:
    """Is `verb` a finding the inspection had made before, in the past perfect, with the
    inspectors or the inspectorate as its subject ("In 2022, inspectors had found that
    ...", "HMICFRS had rated it inadequate in 2021")?"""
    if verb.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children):
        return False
    return _found_by_inspectors(verb)


def _found_by_inspectors(verb) -> bool:
    """Is `verb` a finding or grading verb in a clause of its own whose subject is the
    inspectors or the inspectorate ("inspectors found", "HMICFRS concluded")?"""
    finding = _verbs("attribution_verbs") | _verbs("grading_verbs")
    if verb.lower_ not in finding or verb.dep_ in ("relcl", "acl"):
        return False  # "..., something the inspectorate had criticised in 2023": an aside
    subjects = set(resources.load("cues")["inspecting_subjects"]) | {"inspectorate", "watchdog"}
    doers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    inspectorates = gazetteer.token_indices(verb.doc, "INSPECTORATE")
    return any(_inspecting(d, subjects) or d.i in inspectorates for d in doers)


def _inspectors_did(verb) -> bool:
    """Is `verb` something the inspectors did (its subject is "inspectors", "the team"),
    other than saying, finding or publishing?"""
    if verb.lower_ in _verbs("speech_verbs") | _verbs("attribution_verbs") | _verbs("publishing_verbs"):
        return False
    subjects = set(resources.load("cues")["inspecting_subjects"])
    doers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not doers and verb.dep_ == "conj":  # "Inspectors audited X and were on site in April"
        doers = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl" and any(d.lower_ in ("who", "that", "which") for d in doers):
        doers.append(verb.head)  # "Inspectors, who returned to the force in December, ..."
    if verb.lower_ in _visiting() | _verbs("method_verbs"):
        # "HMICFRS returned to the force in June", "HMICFRS examined its custody suites in
        # May": what an inspectorate went and did, its inspectors did
        subjects |= {"inspectorate", "inspectorates", "watchdog", "watchdogs"}
        if any(c.i in gazetteer.token_indices(verb.doc, "INSPECTORATE") for c in doers):
            return True
        if any(c.lower_ in ("it", "they", "we") for c in doers) and _said_by_inspectors(verb, subjects):
            return True  # "HMICFRS says | it returned to the force in April"
    return any(_inspecting(child, subjects) for child in doers)


def _they_the_inspectors(verb) -> bool:
    """Is `verb` a verb of inspecting or visiting whose subject is "they", with the
    inspectors the subject of a verb in its sentence or the one before ("The inspectors
    found that ... | That wasn't the case when they last came in 2022")? Then "they" is the
    inspectors."""
    if verb.lower_ not in _visiting() | _verbs("method_verbs"):
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ == "they" for c in verb.children):
        return False
    subjects = set(resources.load("cues")["inspecting_subjects"])
    sent = gazetteer.sentence_of(verb.doc, verb.i)
    before = gazetteer.sentence_of(verb.doc, sent.start - 1) if sent.start > 0 else None
    near = [*(before or []), *(t for t in sent if t.i < verb.i)]
    return any(t.dep_ == "nsubj" and t.lower_ in subjects for t in near)


def _said_by_inspectors(verb, subjects: set[str]) -> bool:
    """Is `verb` reported by an inspectorate or its inspectors ("HMICFRS says | it
    returned ...", "Inspectors said | they visited ..."), so that a pronoun subject of it
    is them?"""
    saying = verb.head
    if verb.dep_ != "ccomp" or saying.lower_ not in _verbs("speech_verbs") | _verbs("attribution_verbs"):
        return False
    sayers = [c for c in saying.children if c.dep_ == "nsubj"]
    inspectorates = gazetteer.token_indices(verb.doc, "INSPECTORATE")
    return any(c.i in inspectorates or _inspecting(c, subjects) for c in sayers)


@cache
def _visiting() -> frozenset[str]:
    """Verbs of going somewhere: done by an inspectorate, its inspectors did them."""
    # "spent": the inflections are regular but for cues.json irregular_verbs, and adding it
    # there would also make "spent" a method verb, which was measured as a separate change
    return resources.inflections(("return", "visit", "revisit", "go", "arrive", "spend")) | {"spent"}


def _inspecting(subject, words: set[str]) -> bool:
    """ "inspectors", "the inspector", or a team of them ("the inspection team", "a team of
    inspectors"); not any team."""
    if subject.lower_ == "team":
        return any(t.lower_ in ("inspection", "inspecting", "inspectors", "review") for t in subject.subtree)
    return subject.lower_ in words


#: Subjects of a grading of the force: who grades, or the force graded.
_GRADERS = frozenset(
    {"inspectors", "inspector", "inspectorate", "watchdog", "it", "force", "constabulary", "service"}
)


def _a_grade_given_then(ent: Span, governor, text: str) -> bool:
    """Does a year date a grade given, in a relative clause on a grade noun ("the same
    grade it was given in 2023", "the rating it received in 2021")?"""
    if governor is None or _has_day(text) or not _YEAR.search(text) or governor.dep_ != "relcl":
        return False
    if ent.root.dep_ != "pobj" or ent.root.head.head.i != governor.i:
        return False  # "the grades it received in the 2023 PEEL inspection": that inspection's year
    giving = resources.inflections(("give", "receive", "get", "award", "earn"))
    return governor.lower_ in giving and governor.head.lower_ in _GRADE_NOUNS


_GRADE_NOUNS = frozenset({"grade", "grades", "rating", "ratings", "judgement", "judgment"})


def _grades_the_force(governor, text: str) -> bool:
    """Does a year (or a month of one) date a grading of the force: a verb of grading (not
    "found") whose subject is the inspectors or the force itself ("In 2021, inspectors rated
    the force good", "the force was graded inadequate in 2019"), not another force ("Gwent
    Police was graded good in 2023") nor a grading still to come?"""
    if governor is None or governor.lower_ not in _verbs("grading_verbs") - resources.inflections(("find",)):
        return False
    if _has_day(text) or not _YEAR.search(text) or _planned(governor):
        return False
    subjects = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.lower_ in _GRADERS for s in subjects)


#: A provisional role: a year (or month of one) a finding in the past simple is dated by
#: ("In 2019, inspectors found that ..."), the previous inspection's when the article dates
#: this inspection later, or its own date is two years later or more; else no role.
_FOUND = "found"
#: A provisional role: a year a grading verb governs ("rated good in 2021"), the previous
#: inspection's when it is before the article's own year, else no role (see find_dates).
_GRADED = "graded"


def _verbs(key: str) -> frozenset[str]:
    return resources.inflections(tuple(resources.load("cues")[key]))


def _near_previous(doc: Doc, ent: Span, pos: int) -> bool:
    """ "last inspection ... in 2019", "initial inspection in 2021", "since our 2015 inspection"."""
    sent = gazetteer.sentence_of(ent.doc, ent.start)
    lo, hi = min(pos, ent.start), max(pos, ent.start)
    # the date's own words do not count: "last month" is no "last inspection"
    near = {
        t.lower_
        for t in doc[max(sent.start, lo - 5) : hi]
        if not ent.start <= t.i < ent.end and t.head.lower_ not in _TIME_UNITS  # "the first fortnight of"
    }
    only_since = near & _PREVIOUS_MODIFIERS == {"since"}
    if only_since and doc[pos].pos_ == "VERB" and not _earlier_year(doc, ent.text):
        # "answer times have improved since inspectors visited in September": the visit is
        # this inspection's, which a speaker compares now with; a named inspection after
        # "since" ("since our 2015 inspection") or a year before the article's is earlier
        return False
    return bool(near & _PREVIOUS_MODIFIERS) or ent.text.lower().startswith(
        ("last year's", "last year\u2019s")
    )


#: Nouns of a stretch of time, which "first" and "last" place within another ("in the first
#: fortnight of October", "the last week of March"): no earlier inspection.
_TIME_UNITS = frozenset(
    {"day", "days", "week", "weeks", "fortnight", "month", "months", "half", "quarter", "part", "weekend"}
)

#: Nouns of an inspection's product, whose publication dates the inspection.
_INSPECTION_PRODUCTS = frozenset(
    {"inspection", "inspections", "re-inspection", "reinspection", "report", "review"}
)


def _publishes_an_inspection(verb) -> bool:
    """Is the publishing verb said of an inspection or its report: "an inspection, published
    in 2023", "the report was published in 2023"?"""
    if verb.dep_ in ("acl", "relcl") and verb.head.lower_ in _INSPECTION_PRODUCTS:
        return True
    return any(c.dep_ == "nsubjpass" and c.lower_ in _INSPECTION_PRODUCTS for c in verb.children)


def _earlier_year(doc: Doc, text: str) -> bool:
    """Is `text` a year, or a month of one, before the latest year the article names?"""
    match = re.fullmatch(
        rf"(?:in |early |late )?(?:(?:{_MONTH_WORDS}),? )?((?:19|20)\d\d)", text.lower().strip()
    )
    latest = _latest_year(doc)
    return match is not None and latest is not None and int(match.group(1)) < latest


def _dates_a_release(text: str) -> bool:
    """Can `text` date a report's release: a day ("5 March", "the third of May", "on Tuesday",
    "yesterday") or a recent week or month ("last month", "earlier this week", "in May")? A
    year ("published a report in 2015", "in May 2019") usually dates an earlier report."""
    low = text.lower().strip()
    return bool(
        _has_day(text)
        or _ORDINAL.search(low)
        or _WEEKDAY_ONLY.match(low)
        or low in ("today", "yesterday")
        or re.fullmatch(r"(?:earlier |late |early )?(?:this|last) (?:week|month)", low)
        or (re.fullmatch(rf"(?:in |early |late |earlier in )?(?:{_MONTH_WORDS})", low) is not None)
    )


#: A calendar year, not a financial one ("2024/25", "2025-26": a budget or a plan ahead).
_CALENDAR_YEAR = re.compile(r"(?<![/\u2013-])\b(19[5-9]\d|20\d\d)\b(?![/\u2013-]\d)")


def _in_the_latest_year(doc: Doc, text: str) -> bool:
    """Is `text` a month of the latest year the article names ("In October 2024, the
    inspectorate published its report" in an article whose latest year is 2024)? Then the
    release it dates is the article's own report, not an earlier one."""
    match = re.fullmatch(rf"(?:in |early |late )?(?:{_MONTH_WORDS}),? ((?:19|20)\d\d)", text.lower().strip())
    return match is not None and int(match.group(1)) == _latest_year(doc)


def _latest_year(doc: Doc) -> int | None:
    """The latest calendar year the article names, or None."""
    return max((int(y) for y in _CALENDAR_YEAR.findall(gazetteer.text_of(doc))), default=None)


def _has_day(text: str) -> bool:
    return bool(_DAY.search(_YEAR.sub(" ", _ISO.sub(" 1 ", text))))


def _says_inspected(line: str) -> bool:
    """Does a short line tell of an inspection ("Inspectors visited on 4 May.")? Then it is
    a sentence, not a dateline."""
    words = _WORD.findall(line.lower())
    return any((w,) in _role_cues()["inspection"] for w in words)


def _is_update(before: str) -> bool:
    """Do the words before a date on its line say it is when the article was updated?"""
    low = f" {' '.join(_WORD.findall(before.lower()))} "
    return any(f" {word} " in low for word in _words()["updated"])


def _since(doc: Doc, ent: Span) -> bool:
    """Is the date the start of a comparison ("since 2019", "since its last inspection of the
    force's child protection work, in 2019", "compared with 2019", "more quickly than at the
    2022 inspection"): "since", "compared" or "than" before it in its sentence, with no verb
    between them?"""
    sent = gazetteer.sentence_of(ent.doc, ent.start)
    for t in reversed(doc[max(sent.start, ent.start - _SINCE_REACH) : ent.start]):
        if t.lower_ in ("since", "compared", "than"):
            return True
        if t.pos_ in ("VERB", "AUX") and t.lower_ not in ("compared", "inspected"):
            return False
    return False


_SINCE_REACH = 14


_RELATIVE_WORDS = frozenset({"which", "who", "where", "whose"})


def _after_a_relative_clause(ent: Span) -> tuple[Token | None, set[int]]:
    """When the date's preposition follows the closing comma of a relative clause that the
    parse hangs it on ("fieldwork in the division, which covers A, B and C, | in August"),
    the verb of the clause the relative clause is in ("carried out") and the indices of
    the relative clause with its commas; (None, empty) otherwise."""
    doc = ent.doc
    root = ent.root
    if root.dep_ == "conj" and _MONTH_OR_DAY.fullmatch(root.head.text):
        root = root.head
    prep = root.head if root.dep_ == "pobj" else None
    if prep is None or prep.i == 0 or doc[prep.i - 1].text != ",":
        return None, set()
    verb = prep.head
    if verb.dep_ != "relcl" or not verb.left_edge.i <= prep.i - 1 <= verb.right_edge.i:
        return None, set()  # the comma closes the relative clause (whichever word it hangs on)
    start = verb.left_edge.i
    if start == 0 or doc[start - 1].text != "," or doc[start].lower_ not in _RELATIVE_WORDS:
        return None, set()  # not set off by commas ("The last time we were inspected, in 2019, ...")
    start -= 1  # the comma that opens it
    main = verb.head
    for _ in range(10):
        if main.pos_ in ("VERB", "AUX") or main.head.i == main.i:
            break
        main = main.head
    if main.pos_ not in ("VERB", "AUX"):
        return None, set()
    return main, set(range(start, prep.i))


#: Auxiliaries of what is yet to happen.
_FUTURE = frozenset({"will", "'ll", "shall"})
#: Date words that place a time after the article's ("later this year", "next month").
_AHEAD = re.compile(r"(?:later (?:this|in the)|next|in the coming)\b", re.IGNORECASE)


def _yet_to_come(ent: Span, *, own_clause: bool = False) -> bool:
    """Is the date that of something yet to happen ("will publish an action plan in
    December", "is due to report in March")? It dates no inspection, this or an earlier.
    With `own_clause`, only the verbs up to the date's own clause count ("Members will have
    seen that HMICFRS published its report on Tuesday" is a Tuesday gone by)."""
    for verb in (a for a in ent.root.ancestors if a.pos_ in ("VERB", "AUX")):
        # the date's governing verb and those above it: "will publish its plan for meeting the
        # recommendations | in December"
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children):
            return True
        if verb.dep_ == "xcomp" and verb.head.lower_ in ("due", "set", "expected", "going"):
            return True
        if own_clause and verb.dep_ in ("ccomp", "advcl", "relcl", "conj", "ROOT"):
            return False
    return False


def _bracketed_after_a_report(ent: Span) -> bool:
    """Is the date in brackets right after an earlier inspection or report ("the previous
    inspection (2020)", "its last report (March 2022)"): the year that names it? Not after
    any report ("a report (2020) by the council")."""
    doc = ent.doc
    if ent.start < 2 or ent.end >= len(doc) or doc[ent.start - 1].text != "(" or doc[ent.end].text != ")":
        return False
    report = doc[ent.start - 2]
    return report.lower_ in _INSPECTION_PRODUCTS and any(c.lower_ in _EARLIER_REPORT for c in report.children)


def _governor(ent: Span):
    token = ent.root
    if token.dep_ == "conj" and _range_start(token.head):
        token = token.head  # "in November and | December 2025", "between 3 and | 14 March": the range's start
    if token.head.dep_ == "acl" and token.head.lower_ in _PERIOD_STARTS:
        token = token.head.head  # "during the fortnight | beginning 10 February": the period's
    for _ in range(3):
        if token.dep_ in ("pobj", "prep", "npadvmod", "nummod", "compound", "appos"):
            token = token.head
        else:
            break
    if token.pos_ in ("VERB", "AUX"):
        return token
    return token.head if token.head.pos_ == "VERB" else None


#: How many lines of the cleaned text are the article's head (headline, standfirst, byline,
#: dateline), where a line of cells can date the article.
HEAD_LINES = 6


def _in_the_head(doc: Doc, ent: Span) -> bool:
    """Is the date on one of the article's first lines, with the story still to come (not a
    caption, a comment or a table row further down, nor a trailer after the story)?"""
    text = gazetteer.text_of(doc)
    end_of_line = text.find("\n", ent.end_char)
    return (
        text.count("\n", 0, ent.start_char) < HEAD_LINES
        and end_of_line != -1
        and bool(text[end_of_line:].strip())
    )


def _closes_a_head_line(doc: Doc, ent: Span, line: str, text: str) -> bool:
    """Does a full date (day, month and year) close one of the article's first lines, set
    off by a comma or a dash ("Five things to know today, Thursday 24 November 2022",
    "Morning briefing - 24 November 2022", "Live desk, 6 November 2025, 11:20": a time of
    day may follow it), on a line that tells of no inspection?"""
    if not (_has_day(text) and _YEAR.search(text) and _in_the_head(doc, ent)) or _says_inspected(line):
        return False
    head, found, tail = line.rpartition(text)
    tail = _CLOCK_TAIL.sub("", tail)  # "..., 6 November 2025, 11:20": a time of day after it
    return bool(found) and not tail.strip(" .") and head.rstrip().endswith((",", "-", "\u2013", "\u2014"))


#: A time of day after a date ("6 November 2025, 11:20", "... - 9.05am", "at 14:30 GMT").
_CLOCK_TAIL = re.compile(
    r"^\s*[,|\u2013\u2014-]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST|UTC)?\s*$",
    re.IGNORECASE,
)


def _cell_of(line: str, text: str) -> str | None:
    """The cell of a furniture line made of short cells that holds the date `text` ("Bulletin:
    08:00 | Wednesday 17 September 2025 | Duration 4'31"), or None when the line is not
    such a line (one cell, a long cell, a sentence)."""
    cells = byline.CELL_SEPARATOR.split(line.strip())
    if len(cells) < 2 or any(len(c) > 60 for c in cells):
        return None
    return next((c for c in cells if text in c), None)


def _a_clause(sent: Span) -> bool:
    """Is `sent` a clause: a finite verb with its subject ("Inspectors returned in May"), not
    a label or a timestamp ("PEEL 2021", "Published May 2024")?"""
    return any(
        t.tag_ in ("VBD", "VBZ", "VBP", "MD") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        for t in sent
    )


def _line_of(doc: Doc, ent: Span) -> str:
    text = gazetteer.text_of(doc)
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    return text[start : end if end != -1 else len(text)]
