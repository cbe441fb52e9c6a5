"""The plain-text cleaner: an explainable classifier of lines.

Every raw line is kept (whitespace collapsed) or dropped with the name of the rule
that dropped it. A line that holds several sentences is judged sentence by sentence,
so a phrase inside a long line (a whole article saved as one line) drops at most its
own sentence, never the line.

The evidence, in order:

1. The unit itself: the word patterns of `data/boilerplate.json`, and shapes coded
   here (menus, breadcrumbs, glued duplicates, weather and reaction widgets, bare
   links). No rule ever drops a story sentence (`is_story_sentence`): a word such as
   "cookies" or "copyright" inside a reported sentence is not furniture.
2. Position: the short lines above the headline are mastheads and menus; a repeat of
   the headline is furniture.
3. Neighbours: a teaser header ("Related", "Most read", ...) takes the short,
   headline-shaped lines after it, up to the next paragraph of the story; a short
   line that is not a story sentence, between two furniture lines (or between
   furniture and the end of the page), is furniture too, unless it is a byline, a
   date, or part of a list with its lead-in ("Inspectors found:"). A comment-section
   heading drops everything below it, but only below the first paragraph and not
   when the story runs on after it (a comment counter under the byline).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from inspectx import resources, wrapping

QUOTE_MAP = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
#: zero-width characters and direction marks (LRM, RLM, ALM) vanish: they only get in the
#: way of matching words
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c"))
_MENU_GAP = re.compile(r"\s{2,}|\t")
_BREADCRUMB = re.compile(r"\s*[›»>|]\s*")
_HAS_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")
#: a sentence ends at . ! or ? (and any closing quotes or brackets) before a space and
#: a capital, digit or opening quote
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]{0,3}\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00a3])")
_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)\]]{0,3}$")
_FULL_STOP = re.compile(r"[.][\"'\u201d\u2019)\]]{0,3}$")
_OPENING_QUOTE = re.compile(r"^[\"'\u201c\u2018]")
_SPEECH = re.compile(
    r"\b(said|says|told|added|stated|explained|warned|commented|according to|insisted|admitted|noted|"
    r"reported|concluded)\b",
    re.IGNORECASE,
)
_GRAMMAR = re.compile(
    r"\b(the|a|an|of|to|in|on|at|for|with|by|from|that|and|but|was|were|is|are|be|been|has|have|"
    r"had|will|would|can|could|should|it|they|he|she|its|their|his|her)\b",
    re.IGNORECASE,
)
#: the page speaking to its reader: second person, the site's own voice, or an imperative
_READER = re.compile(
    r"\b(you|your|yours|yourself)\b"
    r"|\b(our|us)\b[^.!?]{0,80}?\b(website|site|newsletters?|app|page|inbox|partners|journalism|channels?|feed|rules)\b"
    r"|\bthis (website|site|page)\b"
    r"|^(comments?|commenting)\b[^.!?]{0,40}\b(closed|disabled|turned off)\b"
    r"|\bnot responsible for the content of external\b"
    r"|\b(please|sorry)\b"
    r"|^(want|need|looking for|fancy|interested in)\b[^.!?]{0,100}\?"
    r"|^(sign up|subscribe|follow|click|tap|share|download|register|log in|sign in|join|tick|enter|"
    r"keep up|find out more|watch|listen|become|support|donate|like|comment|leave a)\b",
    re.IGNORECASE,
)
#: "Tags: ...", "READ MORE: ...": a label, not the start of a sentence (unless "X said:")
_LABEL = re.compile(r"^([^\W\d_][\w'&-]*(?: [\w'&-]+){0,2}) ?:(?!\S)")
_PHONE_FIRST = re.compile(r"^(or |call |tel:? |phone:? )?\+?\d[\d ()-]{7,}\d", re.IGNORECASE)
_SITE_VOICE = re.compile(
    r"^(our (mission|journalism|newsletters?|website|site|app|newsroom|promise|values)|please|sign up|"
    r"subscribe|support|donate|click|tap|log in|sign in)\b",
    re.IGNORECASE,
)
_FIRST_PLURAL = re.compile(r"\b(we|us|our)\b", re.IGNORECASE)
_NUMBER_ONLY = re.compile(r"^\d{1,6}$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_TEMPERATURE = re.compile(r"-?\d{1,3} ?\u00b0 ?[CF]?\b")
_LINK = re.compile(r"^(https?://|www\.)\S+$|^@\w{1,30}$|^[\w.+-]{1,64}@[\w-]{1,63}(\.[\w-]{1,63}){1,4}$")
_BYLINE = re.compile(r"^(by|words by|written by|reporter|report by)\b:? [A-Z]")
_TITLE_WORD = re.compile(r"^([A-Z\u00c0-\u017f][\w'\u2019.-]*|of|and|the|for|&|at|on)$")
_DATE_LINE = re.compile(
    r"\b\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{1,2}\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)
#: A month and year in a cell of its own, as a periodical dates its issue ("Police Staff
#: Review | Technology | December 2026 issue").
_ISSUE_MONTH = re.compile(
    r"(?:^|\|\s*)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* (?:19|20)\d\d"
    r"(?: (?:issue|edition))?\s*(?:\||$)",
    re.IGNORECASE,
)
_TIME_OF_DAY = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2} ?(am|pm)\b|\b(19|20)\d\d\b|\b(gmt|bst|utc)\b", re.I
)
_DATE_WORDS = re.compile(
    r"\b(published|updated|posted|last|on|at|date|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tue|wed|thu|fri|sat|sun)\b",
    re.IGNORECASE,
)
_PUNCT = re.compile(r"[^\w\s]")
_BULLET = re.compile(r"^([-*\u2022\u25cf\u25aa]|\d{1,2}[.)]|\(?(\d{1,2}|[a-z]|[ivx]{1,4})\))\s")
_ADVERT = "advert"
#: how far below a comment-section heading the story may be seen to run on
_TAIL_LOOKAHEAD = 40
_MENU_REASONS = {"navigation", "site_chrome", _ADVERT, "teaser"}


@dataclass(frozen=True)
class Sentence:
    """One sentence of a line that holds several, and its fate."""

    text: str
    drop_reason: str | None = None


@dataclass(frozen=True)
class Line:
    """One raw line: its 1-based number, its text (whitespace collapsed) and its fate.

    `sentences` is filled only when some, not all, sentences of the line were
    dropped; `kept_text` is then the kept sentences, in order, joined by spaces.
    """

    number: int
    text: str
    drop_reason: str | None = None
    sentences: tuple[Sentence, ...] = ()

    @property
    def kept(self) -> bool:
        return self.drop_reason is None and bool(self.text)

    @property
    def kept_text(self) -> str:
        if not self.sentences:
            return self.text
        return " ".join(s.text for s in self.sentences if s.drop_reason is None)


@dataclass(frozen=True)
class _Rule:
    name: str
    scope: str
    anchored: re.Pattern[str] | None  # the patterns that start with ^, tried at the start only
    floating: re.Pattern[str] | None

    def matches(self, key: str) -> bool:
        return bool(
            (self.anchored and self.anchored.match(key)) or (self.floating and self.floating.search(key))
        )


@dataclass
class _Unit:
    """A line while it is being judged."""

    number: int
    text: str
    stripped: str
    reason: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    block: bool = False  # a teaser header: takes the headline-shaped lines after it
    headline: bool = False
    paragraph: bool | None = None  # cache of _is_paragraph, set once the line is judged


@cache
def _rules() -> tuple[_Rule, ...]:
    rules = []
    for spec in resources.load("boilerplate")["rules"]:
        anchored = [p for p in spec["patterns"] if p.startswith("^")]
        floating = [p for p in spec["patterns"] if not p.startswith("^")]
        rules.append(_Rule(spec["name"], spec["scope"], _joined(anchored), _joined(floating)))
    return tuple(rules)


def _joined(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def split_sentences(text: str) -> list[str]:
    """The sentences of one line (whitespace already collapsed), in order.

    Joined by single spaces they give `text` back. The split is by punctuation and
    capitals only, so "Mr. Smith" may be cut in two; that only matters for a line
    one of whose sentences is furniture.
    """
    sentences = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        sentences.append(text[start:end].rstrip())
        start = end
    sentences.append(text[start:])
    return [s for s in sentences if s]


def is_story_sentence(text: str) -> bool:
    """Whether `text` has the shape of a sentence of a story, which no rule may drop.

    Five words or more, ending like a sentence (or fifteen words or more), not opened
    by a label ("READ MORE: ...") or a telephone number, and either reported speech
    (an opening quote, "said", "told", ...) or ordinary grammar (articles,
    prepositions, auxiliaries) that does not address the reader ("you", "please",
    "our website", an imperative such as "Sign up" or "Follow").
    """
    key = text.translate(QUOTE_MAP)
    words = len(_WORD.findall(key))
    if words < 5 or not (_TERMINAL.search(key) or words >= 15):
        return False
    label = _LABEL.match(key)  # "Tags: ...", but "The chief said: ..." is speech
    if label and not _SPEECH.search(label.group(1)) or _PHONE_FIRST.match(key):
        return False
    if _OPENING_QUOTE.match(key) or _SPEECH.search(key):
        return True
    return not _READER.search(key) and bool(_GRAMMAR.search(key))


def classify(raw: str) -> list[Line]:
    """Classify every line of `raw`; blank lines are returned with empty text."""
    units = [
        _Unit(number, " ".join(raw_line.translate(_INVISIBLE).split()), raw_line.strip())
        for number, raw_line in enumerate(raw.splitlines(), 1)
    ]
    _judge_units(units)
    _keep_entry_times(units)
    _extend_teaser_blocks(units)
    _settle_headline(units)
    _drop_running_heads(units)
    _drop_furniture_between_furniture(units)
    _keep_table_headers(units)
    return [Line(u.number, u.text, u.reason, tuple(u.sentences) if u.reason is None else ()) for u in units]


def clean(raw: str) -> str:
    """The kept lines of `raw`, one per line, in order: the text every offset refers to."""
    return "\n".join(line.kept_text for line in classify(raw) if line.kept)


def clean_with_breaks(raw: str) -> tuple[str, tuple[int, ...]]:
    """`clean(raw)`, and the offsets in it of the line breaks that only wrap a paragraph
    of hard-wrapped text (see inspectx.wrapping). They are found on the raw lines less
    the dropped ones: blank lines still part paragraphs there, and a paragraph runs on
    over a page's running head or footer (dropped) to the next page. The headline (the
    first kept line) and a line above a byline or dateline end where they end."""
    raw_lines = raw.splitlines()
    lines = classify(raw)
    sequence: list[str] = []  # the kept lines as in `raw`, and the blank lines
    kept: list[Line] = []
    for line in lines:
        if not line.text:
            sequence.append("")
        elif line.kept:
            sequence.append(raw_lines[line.number - 1])
            kept.append(line)
    soft = wrapping.soft_lines(sequence)
    place = [n for n, text in enumerate(sequence) if text]  # where each kept line is in `sequence`
    breaks: list[int] = []
    offset = 0
    for n, (line, after) in enumerate(zip(kept, kept[1:], strict=False)):
        offset += len(line.kept_text)
        whole = not line.sentences and not after.sentences
        # the headline, a credit ("By Jo Bloggs"; not a wrapped line that opens "by the inspectorate")
        credit = _is_byline(after.text) and after.text[:1].isupper()
        heads = n == 0 or credit or _is_dateline(after.text)
        if whole and not heads and place[n + 1] == place[n] + 1 and place[n] in soft:
            breaks.append(offset)
        offset += 1
    return "\n".join(line.kept_text for line in kept), tuple(breaks)


def _judge_units(units: list[_Unit]) -> None:
    """First pass: words and shapes of each line, its position above or below the headline."""
    rules = _rules()
    tail: str | None = None
    drop_next: str | None = None
    headline: str | None = None
    story_started = False  # a comment-section heading above the story is a button, not a tail
    for index, unit in enumerate(units):
        if not unit.text:
            continue
        if tail:
            unit.reason = tail
            continue
        if drop_next:
            reason, drop_next = drop_next, None
            if not is_story_sentence(unit.text):
                unit.reason = reason
                continue
        if looks_like_dateline(unit.text):
            # the dateline, with its time or desk ("12 June 2023 10:05 | Press Office"), or a
            # credit line that carries the date ("Posted by Jo Bloggs, Commissioner, 3 May 2024")
            continue
        unit.reason = _shape_reason(unit.stripped, unit.text)
        if unit.reason:
            continue
        sentences = split_sentences(unit.text)
        judged: list[Sentence] = []
        for sentence in sentences:
            if tail:
                judged.append(Sentence(sentence, tail))
                continue
            match = _match(sentence, rules, before_headline=headline is None)
            if match is not None and match.name == "widget" and _labelled_headline(units, index, sentence):
                match = None  # "LIVE: Watchdog publishes its report on ...": a live page's headline
            if match is None:
                judged.append(Sentence(sentence))
                continue
            judged.append(Sentence(sentence, match.name))
            if match.scope == "tail" and story_started and not _story_goes_on(units, index + 1, sentence):
                tail = match.name
            elif match.scope == "next":
                drop_next = match.name
            elif match.scope == "block" and len(sentences) == 1:
                unit.block = True
        if any(s.drop_reason for s in judged):
            judged = _spread_to_neighbours(judged)
        reasons = [s.drop_reason for s in judged if s.drop_reason]
        if len(reasons) == len(judged):
            unit.reason = reasons[0]
        elif reasons:
            unit.sentences = judged
        if unit.reason is None and headline is None:
            if _looks_like_headline(unit.text) or _short_headline(units, index) or _story_on_one_line(judged):
                headline = unit.text
                unit.headline = True
            else:
                unit.reason = "navigation"
        elif unit.reason is None and _same_words(unit.text, headline):
            unit.reason = "repeated_headline"
        story_started = story_started or (unit.reason is None and _is_paragraph(unit))


#: A bare clock time on a line of its own ("09:45", "14.20").
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")
#: How many bare times in order make a live page's entry times.
ENTRY_TIMES = 3


def _keep_entry_times(units: list[_Unit]) -> None:
    """Keep a live page's entry times: bare clock times on lines of their own, at least
    ENTRY_TIMES of them, in order (later and later, or earlier and earlier, as live blogs
    run), are the times of its entries, not a video player's widget ("3:42")."""
    times = [(u, _CLOCK.match(u.text)) for u in units if u.reason == "widget"]
    times = [(u, int(m.group(1)) * 60 + int(m.group(2))) for u, m in times if m is not None]
    if len(times) < ENTRY_TIMES:
        return
    minutes = [t for _, t in times]
    rising = all(a < b for a, b in zip(minutes, minutes[1:], strict=False))
    falling = all(a > b for a, b in zip(minutes, minutes[1:], strict=False))
    if rising or falling:
        for unit, _ in times:
            unit.reason = None


def _story_goes_on(units: list[_Unit], start: int, heading: str = "") -> bool:
    """Whether three paragraphs in a row come soon after `start`: the story, not comments;
    or, after a bare comment counter (`heading` "Comments (2)", "4 comments"), whether
    every line to the end is a paragraph (a short story under its share bar).

    Reader comments come one at a time between names, buttons and dates; a story
    runs on paragraph after paragraph. (The lines ahead are not judged yet, so their
    text alone is looked at.)
    """
    run = seen = 0
    for i in range(start, len(units)):
        unit = units[i]
        if not unit.text:
            continue
        seen += 1
        run = run + 1 if _has_paragraph_sentence(unit) else 0
        if run >= 3:
            return True
        if seen >= _TAIL_LOOKAHEAD:
            return False
    # a short story's last paragraphs under a counter, with nothing after them
    return bool(_COMMENT_COUNTER.match(heading.strip())) and run >= 1 and run == seen


#: A count of reader comments, a button under a story ("Comments (2)", "4 comments").
_COMMENT_COUNTER = re.compile(r"^(?:comments?\s*\(\d+\)|\d+\s+comments?)$", re.IGNORECASE)


_PAGE_FURNITURE = "page_furniture"


def _spread_to_neighbours(judged: list[Sentence]) -> list[Sentence]:
    """In a line with furniture sentences, the sentences next to them that are not
    story sentences, or speak in the site's voice outside quotes, go too ("We use
    cookies. They help us. Accept all"); not next to a print page's furniture ("...
    Continued on page 5"), which says nothing of the sentences beside it."""
    reasons = [s.drop_reason for s in judged]
    # the site's own voice ("This may include adverts from us") is not the story's here
    story = [
        is_story_sentence(s.text)
        and not (_FIRST_PLURAL.search(s.text) and not _OPENING_QUOTE.match(s.text.translate(QUOTE_MAP)))
        for s in judged
    ]
    for order in (range(1, len(judged)), range(len(judged) - 2, -1, -1)):
        for i in order:
            neighbour = i - 1 if order.step == 1 else i + 1
            if reasons[i] is None and reasons[neighbour] not in (None, _PAGE_FURNITURE) and not story[i]:
                reasons[i] = reasons[neighbour]
    return [Sentence(s.text, reason) for s, reason in zip(judged, reasons, strict=True)]


#: Markdown and e-mail marks a rule reads through: "[text](url)" is its text; emphasis
#: ("**Share:**"), heading hashes and quoted-reply markers ("> From: ...") go.
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]{0,200})\]\([^)\s]{0,500}\)")
_MARKS = re.compile(
    r"\*\*|__|^(?:[>#]+ ?)+|\s+#+\s*$"
    r"|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])"  # *emphasis*
    r"|(?<![\w_])_(?=\S)|(?<=\S)_(?![\w_])"  # _emphasis_, not snake_case
)


#: A list item's mark before its words (data/cues.json `bullet_markers`), which no rule's
#: pattern expects.
_BULLET = re.compile(
    "^(?:" + "|".join(re.escape(m) for m in resources.load("cues")["bullet_markers"]) + r")\s+"
)


def unmarked(text: str) -> str:
    """`text` as it reads without Markdown (heading marks, emphasis, links: "## **Force**
    praised" reads "Force praised") or e-mail quoting (see `_MARKS`)."""
    if not any(ch in text for ch in "[*_>#"):
        return text
    return " ".join(_MARKS.sub("", _MARKDOWN_LINK.sub(r"\1", text)).split())


def _match(sentence: str, rules: tuple[_Rule, ...], *, before_headline: bool) -> _Rule | None:
    key = _BULLET.sub("", unmarked(sentence.translate(QUOTE_MAP)))  # "- Read more: ..." is "Read more: ..."
    for rule in rules:
        if rule.scope == "header" and not before_headline:
            continue
        if rule.matches(key):
            return None if is_story_sentence(sentence) else rule
    return None


def _extend_teaser_blocks(units: list[_Unit]) -> None:
    """A teaser header takes the headline-shaped lines after it, up to a paragraph."""
    reason: str | None = None
    for unit in units:
        if not unit.text:
            continue
        if unit.block:
            reason = unit.reason
        elif reason is None:
            continue
        elif unit.reason is None:
            entry_time = unit.text and _CLOCK.match(unit.text) is not None  # a live page's next entry
            if (
                _is_paragraph(unit)
                or unit.headline
                or _is_byline(unit.text)
                or _is_lead_in(unit.text)
                or entry_time
            ):
                reason = None
            else:
                unit.reason = reason


def _settle_headline(units: list[_Unit]) -> None:
    """A masthead slogan or teaser above the menus is not the headline.

    When the first headline-shaped line is followed, with no kept line between, by a
    menu line (a short line dropped as navigation, site chrome, advert or teaser) and
    then by another line of four words or more (not a byline, date, list lead-in or
    list item), and a paragraph of the story comes below, that later line is the
    headline and the first is site chrome.
    """
    first = next((i for i, u in enumerate(units) if u.headline), None)
    if first is None:
        return
    below = _under_masthead(units, first)
    if below is not None:
        _move_headline(units, first, below, keep_dates=True)  # the issue's date dates the story
        return
    candidate = None
    menu_seen = story_found = locked = False
    menu_end = 0  # the end of a run of menu lines ("News", "Opinion", "Sport", ...) being passed over
    for i in range(first + 1, len(units)):
        unit = units[i]
        if not unit.text:
            continue
        if unit.reason is not None:
            menu_seen = menu_seen or (unit.reason in _MENU_REASONS and len(unit.text.split()) <= 3)
            continue
        if _is_paragraph(unit):
            story_found = True
            break
        if candidate is None and i >= menu_end:
            entries, end = _menu_run(units, i)
            if entries >= _MENU_RUN:
                menu_end = end
        if i < menu_end:  # inside a run of menu lines: passed over, and a menu was seen
            menu_seen = True
            continue
        if (
            not locked
            and menu_seen
            and len(_WORD.findall(unit.text)) >= 4
            and not _is_part_of_head(unit.text)
        ):
            candidate, menu_seen = i, False
        elif candidate is None:
            return  # a kept line right under the headline (byline, standfirst): it stands
        else:
            locked = True  # bylines and dates under the new headline: no further switch
    if candidate is None or not story_found:
        return
    _move_headline(units, first, candidate)


def _move_headline(units: list[_Unit], first: int, headline: int, *, keep_dates: bool = False) -> None:
    """Make `units[headline]` the headline; the kept lines from `first` to it are site chrome
    (but for date lines, with `keep_dates`)."""
    for unit in units[first:headline]:
        if keep_dates and _DATE_LINE.search(unit.text):
            continue
        if unit.text and unit.reason is None:
            unit.reason = "site_chrome"
        unit.headline = False
    units[headline].headline = True
    text = units[headline].text
    for unit in units[headline + 1 :]:
        if unit.reason is None and unit.text and _same_words(unit.text, text):
            unit.reason = "repeated_headline"


#: The most words of a newspaper's name on its masthead ("The Westmorland & Furness Advertiser").
_MASTHEAD_WORDS = 6
#: Small words a title-cased name leaves in lower case.
_NAME_LINKS = frozenset({"of", "the", "and", "on", "for", "in", "&"})


def _is_masthead(text: str) -> bool:
    """Is the line a newspaper's or magazine's name: a few capitalised words, no figures, no
    punctuation but "&" and "'", ending in a masthead noun (`masthead_words` in
    data/boilerplate.json: "Gazette", "Advertiser", "Echo")?"""
    words = text.split()
    if not 2 <= len(words) <= _MASTHEAD_WORDS or _HAS_DIGIT.search(text) or re.search(r"[^\w\s&'.-]", text):
        return False
    if not all(w[0].isupper() or w.lower() in _NAME_LINKS for w in words):
        return False
    return words[-1].lower().strip(".") in _masthead_words()


@cache
def _masthead_words() -> frozenset[str]:
    return frozenset(resources.load("boilerplate")["masthead_words"])


def _under_masthead(units: list[_Unit], first: int) -> int | None:
    """When the first headline-shaped line is a masthead (`_is_masthead`), the line below it
    that is the headline: the next kept line of four words or more that is no byline, date
    or list, before the story's first paragraph (section names, "News", and the issue's date
    line in between are passed over). None otherwise."""
    if not _is_masthead(units[first].text):
        return None
    for i in range(first + 1, len(units)):
        unit = units[i]
        if not unit.text or unit.reason is not None:
            continue
        if _is_paragraph(unit):
            return None
        head = _is_part_of_head(unit.text) or _is_dateline(unit.text)
        if len(_WORD.findall(unit.text)) >= 4 and not head:
            story = any(_is_paragraph(u) for u in units[i + 1 :] if u.text and u.reason is None)
            return i if story else None
    return None


def _drop_running_heads(units: list[_Unit]) -> None:
    """A line of four words or more, not a sentence, that the page repeats word for word
    (its numbers aside: page numbers) is a running header or footer ("Annual Report
    2024/25 | Office of the Commissioner" on every page of a pasted PDF). The headline
    stays where it first stands."""
    seen: dict[str, list[_Unit]] = {}
    for unit in units:
        if unit.reason is None and unit.text and not unit.sentences:
            # the same but for its numbers: "Police and Crime Panel   Page 12", "... Page 13"
            seen.setdefault(_DIGITS.sub("#", unit.text.casefold()), []).append(unit)
    for repeats in seen.values():
        text = repeats[0].text
        if len(repeats) < 2 or len(_WORD.findall(text)) < 4 or _TERMINAL.search(text):
            continue
        if is_story_sentence(text) or _is_part_of_head(text) and not _titled_date(text):
            continue  # a byline, a date, a list's lead-in or a bullet may well come again
        if _is_grade_line(text) or _is_graded_label(text):
            continue  # "Investigating crime: Good" in a table and again in the story
        for unit in repeats:
            if not unit.headline:
                unit.reason = "page_furniture"


_DIGITS = re.compile(r"\d+")


def _titled_date(text: str) -> bool:
    """A date with a title of four words or more: "Police and Crime Panel - 14 September
    2023" at the head of every page, not a dateline ("Published: Thursday 14 September")."""
    return bool(_DATE_LINE.search(text)) and len(_WORD.findall(_DATE_LINE.sub(" ", text))) >= 4


def _keep_table_headers(units: list[_Unit]) -> None:
    """A bar-separated line dropped as navigation ("| Area | 2025 | 2022 |") is a table's
    header, and kept, when the next line (past a Markdown table's rule, "| --- | --- |") is a
    kept row with as many cells: the header says which column is which (this inspection's
    grades or the last one's)."""
    lines = [u for u in units if u.text]
    for n, unit in enumerate(lines[:-1]):
        if unit.reason != "navigation" or "|" not in unit.text:
            continue
        following = lines[n + 1]
        if following.reason == _TABLE_RULE and n + 2 < len(lines):
            following = lines[n + 2]
        if following.reason is None and _cells(following.text) == _cells(unit.text) >= 3:
            unit.reason = None


def _cells(text: str) -> int:
    """How many cells a bar-separated line has ("| A | B | C |": 3)."""
    return len([c for c in text.split("|") if c.strip()])


def _drop_furniture_between_furniture(units: list[_Unit]) -> None:
    """Short lines with furniture on both sides (or furniture, then the end) are furniture.

    Only below the first paragraph: above it, the headline rules decide. Adverts and the
    rule under a Markdown table's header are transparent (they sit inside stories);
    paragraphs, bylines and date lines are never dropped here.
    """
    run: list[_Unit] = []
    before: str | None = None  # "bad" or "good": the last judged line before the run
    story_started = False  # above the first paragraph only the headline rules apply
    for unit in units:
        if not unit.text or unit.reason in (_ADVERT, _TABLE_RULE):
            continue
        if not story_started:
            story_started = unit.reason is None and _is_paragraph(unit)
            if not story_started:
                continue
        if unit.reason is not None:
            if before == "bad":
                _drop_run(run)
            run, before = [], "bad"
        elif unit.headline or _is_paragraph(unit):
            run, before = [], "good"
        else:
            run.append(unit)
    if before == "bad":
        _drop_run(run)


def _drop_run(run: list[_Unit]) -> None:
    if any(_is_lead_in(unit.text) for unit in run):
        return  # "Inspectors found:" and its list are the story's
    if _wrapped_story(run):
        return  # a paragraph hard-wrapped between a PDF's page lines ("Page 2 of 3")
    for unit in run:
        if _is_byline(unit.text) or _DATE_LINE.search(unit.text) or _ends_like_a_sentence(unit.text):
            continue
        if _is_grade_line(unit.text):
            continue  # a table of the report's grades between a menu and a page footer
        unit.reason = "furniture_block"


def _wrapped_story(run: list[_Unit]) -> bool:
    """Are the lines one story paragraph wrapped at a fixed width: read together, a sentence
    of the story (`is_story_sentence`), and at least one line running on into the next (no
    closing stop, the next opening in lower case: "... did not always record strip | searches
    properly.")?"""
    if len(run) < 2 or not is_story_sentence(" ".join(unit.text for unit in run)):
        return False
    return any(
        not _TERMINAL.search(a.text) and b.text[:1].islower() for a, b in zip(run, run[1:], strict=False)
    )


def _ends_like_a_sentence(text: str) -> bool:
    """Six words or more ending in a full stop: an item of the story ("5. Rail: services
    will be cut on Saturday."), where teasers and menus are headline-shaped."""
    return bool(_TERMINAL.search(text)) and len(_WORD.findall(text)) >= 6


def _is_lead_in(text: str) -> bool:
    """A line that opens a list of the story: "Inspectors found:" (not "Related:")."""
    return text.endswith(":") and len(_WORD.findall(text)) >= 2


def _is_part_of_head(text: str) -> bool:
    """Bylines, dates, list lead-ins and list items: never a headline."""
    return _is_byline(text) or bool(_DATE_LINE.search(text)) or _is_lead_in(text) or bool(_BULLET.match(text))


def _is_paragraph(unit: _Unit) -> bool:
    """A line of the story proper: a story sentence that ends with a full stop."""
    if unit.paragraph is None:
        unit.paragraph = _has_paragraph_sentence(unit)
    return unit.paragraph


def _has_paragraph_sentence(unit: _Unit) -> bool:
    texts = [s.text for s in unit.sentences if s.drop_reason is None] if unit.sentences else [unit.text]
    return any(
        is_story_sentence(t) and (_FULL_STOP.search(t) or len(_WORD.findall(t)) >= 20)
        for text in texts
        for t in split_sentences(text)
    )


def _is_byline(text: str) -> bool:
    """ "By Jo Bloggs", "Ben O'Connell, Local Democracy Reporting Service", read through
    Markdown emphasis ("*By Jo Bloggs*")."""
    text = unmarked(text)
    if _BYLINE.match(text):
        return len(text.split()) <= 12
    words = text.replace(",", " ").split()
    return "," in text and 2 <= len(words) <= 10 and all(_TITLE_WORD.match(w) for w in words)


def _same_words(text: str, headline: str | None) -> bool:
    """Whether `text` repeats a headline-sized `headline` (a paragraph may well repeat)."""
    if headline is None or len(headline.split()) > 30:
        return False
    return (
        _PUNCT.sub("", text.translate(QUOTE_MAP)).casefold()
        == _PUNCT.sub("", headline.translate(QUOTE_MAP)).casefold()
    )


#: Short lines in a row under a first headline-shaped line that make it a menu's neighbour,
#: not the headline: a site's sections ("News", "Opinion", "Sport", "Culture", "UK").
_MENU_RUN = 5


def _menu_run(units: list[_Unit], start: int) -> tuple[int, int]:
    """The run of lines from `start` on that could be a menu's entries (short kept lines,
    with the lines the rules dropped among them; those dropped as menu entries count):
    how many entries, and the index just after the last kept one."""
    count, end = 0, start
    for n in range(start, len(units)):
        unit = units[n]
        if not unit.text:
            continue
        if unit.reason is not None:  # dropped already: a menu entry ("Sign in") counts, a slogan not
            count += unit.reason in _MENU_REASONS and len(unit.text.split()) <= 3
            continue
        if not _menu_item(unit.text):
            break
        count, end = count + 1, n + 1
    return count, end


def _menu_item(text: str) -> bool:
    """A line that could be a menu entry: three words at most, no figures, not ending like a
    sentence or introducing a list, not a list item, and not a byline."""
    words = _WORD.findall(text)
    return (
        0 < len(words) <= 3
        and not _HAS_DIGIT.search(text)
        and not _ends_like_a_sentence(text)
        and not text.rstrip().endswith(":")
        and text.lstrip()[:1] not in "-*\u2022\u2013"
        and not _is_byline(text)
    )


def _story_on_one_line(judged: list[Sentence]) -> bool:
    """Does a line hold two story sentences or more that no rule dropped: a whole article
    pasted on one line ("Subscribe Durham Constabulary told to improve. Inspectors found
    ...")? It is the story, whatever its first words, not a menu above the headline."""
    return sum(1 for s in judged if s.drop_reason is None and is_story_sentence(s.text)) >= 2


def _looks_like_headline(text: str) -> bool:
    # Above the headline sit menus and section names (a few words and no figures), and
    # the site speaking for itself ("Support our journalism", "Our mission is ...").
    if _SITE_VOICE.match(text.translate(QUOTE_MAP)):
        return False
    return len(_WORD.findall(text)) >= 4 or bool(_HAS_DIGIT.search(text))


def _labelled_headline(units: list[_Unit], index: int, text: str) -> bool:
    """Is a line that opens with a label ("LIVE:", "Watch:") the article's first line, with
    a headline's five words or more after the label? A live page's headline, not a link to
    a video."""
    rest = re.split(r"[:|]", text, maxsplit=1)[-1]
    return not any(u.text for u in units[:index]) and len(_WORD.findall(rest)) >= 5


def _short_headline(units: list[_Unit], index: int) -> bool:
    """Is a short first line ("Custody failings exposed") the headline: the article's
    first line, of two words or more, with the story's first paragraph below it and only
    a byline or dateline between? A menu is a run of short lines, not one above the story.
    A short first sentence ("HMICFRS published its report on Durham Constabulary today.")
    is the story's when it repeats a word of the line ("Durham Constabulary praised")."""
    words = _WORD.findall(units[index].text)
    if len(words) < 2 or any(u.text for u in units[:index]):
        return False
    for unit in units[index + 1 :]:
        if not unit.text or _is_byline(unit.text) or is_credit_line(unit.text) or _is_dateline(unit.text):
            continue
        if not _ends_like_a_sentence(unit.text):
            return False
        below = _WORD.findall(unit.text)
        if len(below) >= _STORY_WORDS:
            return True
        shared = {w.lower() for w in words if len(w) >= 4} & {w.lower() for w in below}
        return len(below) >= _SHORT_STORY_WORDS and bool(shared)
    return False


#: Words of a short first sentence that, repeating a word of the line above, makes that line its headline.
_SHORT_STORY_WORDS = 6


#: Words of a line that is a paragraph of the story, not a menu entry or a teaser.
_STORY_WORDS = 12


def looks_like_dateline(text: str) -> bool:
    """A dateline, or a credit line that carries the date ("Posted on 3 May 2023 by Jo
    Bloggs, Press Officer")."""
    return _is_dateline(text) or (is_credit_line(text) and bool(_DATE_LINE.search(text)))


def is_credit_line(text: str) -> bool:
    """Does the line open as a credit or publication line ("Posted on ...", "First published
    ...", "By Jo Bloggs ...", "*By Jo Bloggs*") and is it short enough to be one?"""
    text = unmarked(text)
    return len(text) <= 120 and text.lower().startswith(("posted", "published", "first published", "by "))


def _is_dateline(text: str) -> bool:
    """A date with at most its time, a desk or a label ("Published 12 June 2023, 10:05",
    "News | 16 September 2024", "3 May 2023 | Press Office")."""
    match = _DATE_LINE.search(text)
    if match is None or len(text) > 80 or "@" in text:  # "— Force (@handle) March 4, 2026": an embed
        return False
    rest = _DATE_WORDS.sub(" ", _TIME_OF_DAY.sub(" ", text[: match.start()] + " " + text[match.end() :]))
    return len(_WORD.findall(rest)) <= 3


#: A photo credit closing a line ("... in 2019 (Image: Bristol Post)", "... Picture by Sam
#: Lee", "... Llun / Photo: Jo Bloggs"): the line is a caption, however long and however
#: like a sentence the description before the credit is.
_CREDIT_END = re.compile(
    r"(\((image|images|picture|pic|photo|photograph|credit)s? ?: ?[^()]{1,80}\)"
    r"|\b(picture|photo|photograph|pic|image)s? (by|:) [^.!?:]{2,50}"
    r"|\b[a-z]{2,12} ?/ ?(photo|picture|image) ?: [^.!?:]{2,50})$",
    re.IGNORECASE,
)


#: The rule under a Markdown table's header: "| --- | :---: |", "---|---".
_TABLE_RULE_LINE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$")
_TABLE_RULE = "table_rule"


def _shape_reason(stripped: str, text: str) -> str | None:
    if _TABLE_RULE_LINE.match(text):
        return _TABLE_RULE  # markup between a table's header and its rows, which stay
    if _CREDIT_END.search(text):
        return "image_caption"
    half = len(text) // 2
    glued = len(text) % 2 == 0 and len(text) >= 8 and text[:half] == text[half:]
    # glued duplicate: "News on XNews on X"; not a story of several sentences saved twice on
    # one line, which is kept (its findings merge)
    if glued and len(split_sentences(text[:half].strip())) < 2:
        return "navigation"
    if _DATE_LINE.search(text) or _ISSUE_MONTH.search(text):
        return None  # a dateline with its section or desk ("14 May 2024 | News"), not a menu
    parts = [p for p in _BREADCRUMB.split(text) if p]
    if len(parts) >= 2 and all(_is_menu_item(p) for p in parts) and _BREADCRUMB.search(text):
        if _is_grade_row(parts):
            return None  # "Investigating crime | Requires improvement": a row of the report's grades
        return "navigation"
    parts = [p for p in _MENU_GAP.split(stripped) if p]
    if len(parts) >= 2 and all(_is_menu_item(p) for p in parts) and not _runs_on_over_gaps(parts):
        if _is_grade_row(parts):
            return None  # "Investigating crime      Good": a grade table's columns in spaces
        return "navigation"
    words = len(_WORD.findall(text))
    if words <= 8 and _TEMPERATURE.search(text):
        return "widget"  # "Sunny, 18°C, Norwich"
    if not words and (not _HAS_DIGIT.search(text) or any(unicodedata.category(c) == "So" for c in text)):
        return "widget"  # only symbols: reaction buttons ("👍 12"), separators, emoji
    if _NUMBER_ONLY.match(text) and not _YEAR.match(text):
        return "widget"  # a bare count: comments, shares
    if _LINK.match(text):
        return "link"
    if _CONTENTS_ENTRY.match(text):
        return "page_furniture"  # "Summary ........ 5": a table of contents pasted from a report
    return None


#: A line of a table of contents: a heading, dot leaders, a page number.
_CONTENTS_ENTRY = re.compile(r"^[^.!?]{2,80}?\s?\.{4,}\s?\d{1,4}$")


def _is_grade_row(cells: list[str]) -> bool:
    """Are these the cells of a row of graded areas ("Preventing crime | Good", Markdown
    emphasis aside: "| **Good** |", an earlier grade in brackets: "| Good (Adequate) |") or
    of its header ("Area of policing | Grade")? A menu never names a grade."""
    bare = [_YEAR_IN_CELL.sub("", _BRACKETED.sub("", cell)).strip(" \t*_").lower() for cell in cells]
    # a header may name its columns' inspections ("Previous grade", "Current grade")
    headers = [cell.rsplit(None, 1)[-1] for cell in bare if cell]
    return len(cells) <= 4 and (
        any(cell in _grade_cells() for cell in bare) or sum(h in _grade_headers() for h in headers) >= 2
    )


def _is_graded_label(text: str) -> bool:
    """Is the line an area and its grade after a colon ("Protecting vulnerable people:
    Requires improvement", "Leadership: **Good** (Adequate)")?"""
    area, colon, grade = text.partition(":")
    return bool(colon and area.strip()) and _is_grade_row([area, grade])


def _is_grade_line(text: str) -> bool:
    """Is the line a row of a grade table, its cells split by bars or wide gaps?"""
    for separator in (_BREADCRUMB, _MENU_GAP):
        cells = [c for c in separator.split(text.strip()) if c.strip()]
        if len(cells) >= 2 and _is_grade_row(cells):
            return True
    return False


#: A bracketed aside in a cell: "Good (Adequate)", the earlier grade beside this one.
_BRACKETED = re.compile(r"\s*\([^()]*\)")
#: A year in a header cell: "2025 grade".
_YEAR_IN_CELL = re.compile(r"\b(?:19|20)\d\d\b")


@cache
def _grade_headers() -> frozenset[str]:
    """The words that head a grade column ("Grade", "Previous grade": data/cues.json `grade_headers`)."""
    return frozenset(resources.load("cues")["grade_headers"])


@cache
def _grade_cells() -> frozenset[str]:
    """A grade table's grade cells and grade-column headers, lower case."""
    grades = {g.lower() for g in resources.load("cues")["grades"]}
    return frozenset(grades | _grade_headers())


def _runs_on_over_gaps(parts: list[str]) -> bool:
    """Does a part after a gap go on from the one before, opening in lower case with a word
    that cannot start a menu's item ("Kent Police praised<TAB>for custody improvements": a
    headline with a stray tab)?"""
    return any(p.split()[0] in wrapping.LEADING_ON for p in parts[1:])


def _is_menu_item(part: str) -> bool:
    words = part.split()
    return 0 < len(words) <= 4 and not part.rstrip().endswith((".", "?", "!", ":", ","))
