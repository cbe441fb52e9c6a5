"""Findings of the inspection: improvements, concerns and graded judgements.

For every sentence that speaks for the inspection (see `voice`) and is not about an
earlier inspection (see `dates`), the sentence is cut into clauses at contrast words
("but", "however", "despite", ...) and between coordinated finite clauses. Each clause
gets a polarity from cue words (data/cues.json; a negated positive cue is negative).
The finding is the phrase the cue is about: the text after a list-introducing cue
("improvements in A, B and C", "These include A, including B and C"), split into its
coordinated parts, or else the clause itself without its attribution ("Inspectors
said that ..."). Bullet lists take their polarity from the line that introduces them.
Phrases with no specific content ("several areas still require improvement") are
dropped, and repeats (the lede and a later quote stating one concern) are merged.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from inspectx import dates, gazetteer, resources
from inspectx.dates import DateMention

IMPROVEMENT, CONCERN = "improvement", "concern"
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")
_GRADE_POLARITY = {
    "outstanding": IMPROVEMENT,
    "good": IMPROVEMENT,
    "adequate": None,
    "requires improvement": CONCERN,
    "inadequate": CONCERN,
}
_ALLOWED_VOICES = {"inspection", "narration"}
_THEY_REPORT = resources.inflections(("find", "highlight", "recognise"))
_QUOTES = {"'", "\u2018", "\u2019", '"', "\u201c", "\u201d"}


@dataclass(frozen=True)
class FindingSpan:
    polarity: str
    text: str
    start: int  # character offsets into the cleaned text
    end: int
    sentence: str
    keys: frozenset[str]
    graded: bool = False


@dataclass(frozen=True)
class GradeSpan:
    area: str
    grade: str


class _Phrases:
    """Cue phrases indexed by their first word; a trailing '*' matches any word it starts."""

    def __init__(self, phrases) -> None:
        self.phrases = tuple(phrases)
        self.exact: dict[str, list[tuple[str, ...]]] = {}
        self.prefix: list[tuple[str, ...]] = []
        for phrase in self.phrases:
            if phrase[0].endswith("*"):
                self.prefix.append(phrase)
            else:
                self.exact.setdefault(phrase[0], []).append(phrase)

    def __iter__(self):
        return iter(self.phrases)

    def at(self, low: list[str], i: int) -> list[tuple[str, ...]]:
        """The phrases that match `low` starting at position `i`."""
        word = low[i]
        candidates = self.exact.get(word, []) + [p for p in self.prefix if word.startswith(p[0][:-1])]
        return [p for p in candidates if _phrase_at(low, i, p)]


@dataclass(frozen=True)
class _Cues:
    positive: _Phrases
    negative: _Phrases
    lists: _Phrases
    trims: _Phrases
    anaphora: _Phrases
    not_negative: _Phrases
    not_positive: _Phrases
    not_finding: _Phrases
    meta_counts: _Phrases
    process_verbs: frozenset[str]
    focus: _Phrases
    grades: _Phrases
    intro_positive: _Phrases
    intro_negative: _Phrases
    attribution_phrases: _Phrases
    generic: frozenset[str]
    negators: frozenset[str]
    attribution_subjects: frozenset[str]
    attribution_verbs: frozenset[str]
    grade_context: frozenset[str]
    grading_verbs: frozenset[str]
    bullets: frozenset[str]
    relative_starts: _Phrases
    clause_breaks: frozenset[str]


@cache
def cues() -> _Cues:
    data = resources.load("cues")

    def phrases(key: str) -> _Phrases:
        return _Phrases(tuple(p.lower().replace("\u2019", "'").split()) for p in data[key])

    return _Cues(
        positive=phrases("positive"),
        negative=phrases("negative"),
        lists=phrases("list"),
        trims=phrases("trim"),
        anaphora=phrases("anaphora"),
        not_negative=phrases("not_negative"),
        not_positive=phrases("not_positive"),
        not_finding=phrases("not_finding"),
        meta_counts=phrases("meta_counts"),
        process_verbs=resources.inflections(tuple(data["process_verbs"])),
        focus=phrases("focus"),
        grades=phrases("grades"),
        intro_positive=phrases("list_intro_positive"),
        intro_negative=phrases("list_intro_negative"),
        attribution_phrases=phrases("attribution_phrases"),
        generic=frozenset(data["generic"]),
        negators=frozenset(data["negators"]),
        attribution_subjects=frozenset(data["attribution_subjects"]),
        attribution_verbs=resources.inflections(tuple(data["attribution_verbs"])),
        grade_context=resources.inflections(tuple(data["grade_context"])),
        grading_verbs=resources.inflections(tuple(data["grading_verbs"])),
        bullets=frozenset(data["bullet_markers"]),
        relative_starts=phrases("relative_starts"),
        clause_breaks=frozenset(data["clause_breaks"]),
    )


def find_findings(doc: Doc) -> tuple[list[FindingSpan], list[GradeSpan]]:
    """Improvements and concerns (merged, in text order) and graded judgements of `doc`."""
    c = cues()
    voices: dict[int, str] = doc._.voices or {}
    background = _background_sentences(doc, doc._.date_mentions or [])
    found: list[FindingSpan] = []
    grades: list[GradeSpan] = []
    state = _State()
    for number, sents in enumerate(_lines(doc)):
        tokens = [t for sent in sents for t in sent if not t.is_space]
        if number == 0 or not tokens:
            continue  # the headline restates findings the story gives in full
        if _is_bullet(tokens, c) and state.list_polarity is not False:
            if state.list_allowed:
                _bullet(doc, tokens, sents[0], c, state, found, grades)
            continue
        state.list_polarity = False
        if _is_subheading(tokens):
            continue
        for sent in sents:
            _sentence(doc, sent, c, voices, background, state, found, grades)
    return _merge(found, _topic_keys(doc, c)), _unique(grades)


@dataclass
class _State:
    """What one sentence leaves for the next: its polarity, and an open bullet list."""

    previous_polarity: str | None = None
    previous_allowed: bool = False
    list_polarity: str | None | bool = False  # False: no list is open
    list_allowed: bool = False


def _lines(doc: Doc) -> list[list[Span]]:
    lines: list[list[Span]] = []
    last_line = -1
    text = gazetteer.text_of(doc)
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]
    for sent in doc.sents:
        line = bisect.bisect_left(newlines, sent.start_char)
        if line != last_line:
            lines.append([])
            last_line = line
        lines[-1].append(sent)
    return lines


def _is_subheading(tokens: list[Token]) -> bool:
    words = [t for t in tokens if t.is_alpha]
    return len(words) <= 4 and tokens[-1].text not in (".", "!", "?", ":")


def _bullet(doc, tokens, sent, c, state, found, grades) -> None:
    body = tokens[1:] if tokens[0].text in c.bullets or tokens[0].like_num else tokens
    if body and body[0].text in (".", ")"):
        body = body[1:]
    if not body:
        return
    grade_items = _grades(doc, body, c)
    if grade_items:
        for polarity, text, start, end, grade in grade_items:
            grades.append(grade)
            if polarity:
                found.append(_finding(doc, polarity, text, start, end, sent, graded=True))
        return
    if state.list_polarity is None:  # "Inspectors report that:": each bullet has its own clauses
        for clause in _clauses(body, c):
            polarity = _clause_polarity(clause, c)
            if polarity and not _is_normative(clause):
                for part, minimum in _items(clause, c):
                    if _specific(part, c, minimum):
                        found.append(_finding_from_tokens(doc, polarity, part, sent))
        return
    if _specific(body, c, minimum=1):
        found.append(_finding_from_tokens(doc, state.list_polarity, body, sent))


def _sentence(doc, sent, c, voices, background, state, found, grades) -> None:
    tokens = [t for t in sent if not t.is_space]
    if not tokens:
        return
    anaphoric = _starts_with(tokens, c.anaphora)
    allowed = voices.get(sent.start) in _ALLOWED_VOICES or _attributed(sent, c)
    allowed = (allowed or (anaphoric and state.previous_allowed)) and sent.start not in background
    if tokens[-1].text == ":":
        state.list_polarity = _intro_polarity(tokens, c) or _clause_polarity(tokens, c)
        state.list_allowed = allowed
    state.previous_allowed = allowed
    if tokens[-1].text == ":":
        return  # it introduces the list that follows
    if not allowed:
        state.previous_polarity = None
        return
    clause_polarity: str | None = None
    for clause in _clauses(tokens, c):
        if _is_meta(clause, c):
            state.previous_polarity = _clause_polarity(clause, c) or state.previous_polarity
            continue
        if _find(clause, c.not_finding) or _is_normative(clause):
            continue
        if _is_process(clause, c):
            continue
        grade_items = _grades(doc, clause, c)
        if (
            not grade_items
            and _graded_somewhere(clause, c)
            and _polarity(_before_grading(clause, c), c) is None
        ):
            continue  # "judged inadequate in every area examined": no area to name
        for polarity, text, start, end, grade in grade_items:
            grades.append(grade)
            if polarity:
                found.append(_finding(doc, polarity, text, start, end, sent, graded=True))
                state.previous_polarity = polarity
        if grade_items:
            continue
        polarity = _clause_polarity(clause, c)
        if _starts_with(clause, c.anaphora) and state.previous_polarity:
            polarity = state.previous_polarity
        if polarity is None and clause_polarity and _coordinated(clause):
            polarity = clause_polarity  # "pleased with the progress ..., and that this is reflected in ..."
        if (
            polarity is None
            and _after_contrast(clause, c)
            and state.previous_polarity == IMPROVEMENT
            and any(t.lower_ == "still" for t in clause)
        ):
            polarity = CONCERN  # "However, the force is still building up its number of detectives"
        if polarity is None:
            continue
        state.previous_polarity = clause_polarity = polarity
        for part, minimum in _items(clause, c):
            if _specific(part, c, minimum):
                found.append(_finding_from_tokens(doc, polarity, part, sent))


def _after_contrast(clause: list[Token], c: _Cues) -> bool:
    first = clause[0]
    i = first.i - 1
    while i >= 0 and (first.doc[i].is_punct or first.doc[i].is_space):
        i -= 1
    return i >= 0 and first.doc[i].lower_ in c.clause_breaks or first.lower_ in ("however", "but")


def _coordinated(clause: list[Token]) -> bool:
    """A clause cut off after "and" that shares the words before it ("and that ...", "and to ...")."""
    first = clause[0]
    previous = first.doc[first.i - 1] if first.i > 0 else None
    return first.lower_ in ("that", "to") or previous is not None and previous.lower_ == "and"


def _is_process(clause: list[Token], c: _Cues) -> bool:
    """ "I have been in regular contact with the chief constable": the inspector's doings, not a finding."""
    subjects = [t for t in clause if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("i", "we")]
    if not subjects:
        return False
    return any(t.pos_ == "VERB" and t.lower_ in c.process_verbs for t in clause)


def _is_meta(clause: list[Token], c: _Cues) -> bool:
    """ "raised two causes of concern", "achieved 15 of the 29 recommendations": counts, not findings."""
    low = _lower(clause)
    for i, token in enumerate(clause):
        if token.like_num and not _YEAR_TOKEN.fullmatch(token.text):
            for j in range(i + 1, min(i + 6, len(low))):
                if c.meta_counts.at(low, j):
                    return True
    return False


def _clause_root(clause: list[Token]) -> Token:
    ids = {t.i for t in clause}
    return next((t for t in clause if t.head.i not in ids or t.head.i == t.i), clause[0])


def _is_normative(clause: list[Token]) -> bool:
    """ "should never mean ...", "will now be given support": what ought to be, not what was found."""
    for t in clause:
        if (
            t.tag_ == "MD"
            and t.lower_ in ("should", "must", "will", "would", "shall", "'ll", "may")
            and t.head.i == _clause_root(clause).i
        ):
            following = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if following is not None and following.lower_ == "have":
                continue  # "should have been recorded" is a failing
            return True
    return False


# --- sentences and clauses -----------------------------------------------------------------


def _background_sentences(doc: Doc, mentions: list[DateMention]) -> set[int]:
    """Sentences that tell of an earlier inspection (its date, not "since" it)."""
    picked = dates.pick(mentions)
    previous, latest = picked["previous_inspection"], picked["inspection"]
    out = set()
    for m in mentions:
        if m.role == "previous" and not m.since:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                out.add(gazetteer.sentence_of(doc, span.start).start)
    if previous is None:
        return out
    year = previous.value[:4]
    for m in mentions:
        if m.role not in ("previous", "inspection") or m.since or not m.value or m.value[:4] != year:
            continue
        if latest is not None and latest.value[:4] == year:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            out.add(gazetteer.sentence_of(doc, span.start).start)
    return out


def _attributed(sent: Span, c: _Cues) -> bool:
    """Does a sentence in another voice report the inspection ("the report highlights ...")?"""
    low = sent.text.lower().replace("\u2019", "'")
    if any(" ".join(p) in low for p in c.attribution_phrases):
        return True
    for token in sent:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lower_ in c.attribution_verbs:
            words = {t.lower_ for t in token.subtree}
            if words & c.attribution_subjects - {"they", "it"} or token.lower_ in ("they",):
                if token.lower_ == "they" and token.head.lower_ not in _THEY_REPORT:
                    continue
                return True
    return False


def _is_bullet(tokens: list[Token], c: _Cues) -> bool:
    first = tokens[0]
    starts_line = first.i == 0 or "\n" in first.doc[first.i - 1].text_with_ws
    if not starts_line:
        return False
    if first.text in c.bullets:
        return True
    return first.like_num and len(tokens) > 1 and tokens[1].text in (".", ")") and len(first.text) <= 2


def _intro_polarity(tokens: list[Token], c: _Cues) -> str | None:
    if _find(tokens, c.intro_negative):
        return CONCERN
    if _find(tokens, c.intro_positive):
        return IMPROVEMENT
    return None


def _clauses(tokens: list[Token], c: _Cues) -> list[list[Token]]:
    """Cut at contrast words, semicolons, and "and"/"but" between clauses with their own subject."""
    clauses: list[list[Token]] = [[]]
    for token in tokens:
        low = token.lower_
        boundary = low == ";" or (
            low in c.clause_breaks
            and (
                token.i == tokens[0].i
                or token.nbor(-1).text in (",", "\u2014", "-")
                or low in ("despite", "although", "whereas", "however")
                and token.i + 1 < len(token.doc)
                and token.nbor(1).text == ","
            )
        )
        if not boundary and token.dep_ == "cc" and low in ("and", "but"):
            conj = [t for t in token.head.children if t.dep_ == "conj" and t.i > token.i]
            own_subject = bool(conj) and any(
                ch.dep_ in ("nsubj", "nsubjpass", "expl") for ch in conj[0].children
            )
            after_comma = token.i > 0 and token.nbor(-1).text == ","
            boundary = bool(conj) and conj[0].pos_ in ("VERB", "AUX") and (own_subject or after_comma)
        if not boundary and low == "," and token.i + 1 < len(token.doc):
            nxt = token.doc[token.i + 1]
            verb = nxt if nxt.dep_ == "conj" else nxt.head if nxt.dep_ in ("aux", "auxpass", "neg") else None
            boundary = (
                verb is not None
                and verb.dep_ == "conj"
                and verb.i > token.i
                and (verb.tag_ in ("VBZ", "VBD", "VBP") or any(ch.dep_ == "aux" for ch in verb.children))
            )
        if not boundary and low == "and" and token.i + 2 < len(token.doc):
            nxt, after = token.doc[token.i + 1], token.doc[token.i + 2]
            boundary = nxt.lower_ == "to" and after.tag_ == "VB" and after.dep_ == "conj"
        if boundary and clauses[-1]:
            clauses.append([])
            if low in (";", "and", "but", "however", "yet"):
                continue
        clauses[-1].append(token)
    return [cl for cl in clauses if cl]


# --- polarity ------------------------------------------------------------------------------


def _clause_polarity(clause: list[Token], c: _Cues) -> str | None:
    """The polarity of the words up to a list cue ("improvements in ..."), else of the clause."""
    cue_spans = _find(clause, c.lists)
    if cue_spans:
        head = _polarity(clause[: min(end for _, end in cue_spans)], c)
        if head == IMPROVEMENT and _predicate_negative(clause, c):
            return CONCERN  # "progress on some recommendations has been limited"
        if head is not None:
            return head
    return _polarity(clause, c)


def _predicate_negative(clause: list[Token], c: _Cues) -> bool:
    low = _lower(clause)
    for i in _matches(low, c.negative):
        token = clause[i]
        if (
            token.dep_ == "ROOT"
            or token.head.dep_ == "ROOT"
            and token.dep_ in ("neg", "acomp", "attr", "advmod")
        ):
            return True
    return False


def _polarity(tokens: list[Token], c: _Cues) -> str | None:
    low = _lower(tokens)
    blocked = _covered(low, c.not_negative)
    negative = [
        i
        for i in _matches(low, c.negative)
        if i not in blocked and not any(_in_modifier(t, tokens) for t in tokens[i : i + 2])
    ]
    not_pos = _covered(low, c.not_positive)
    positive = [i for i in _matches(low, c.positive) if i not in not_pos]
    for i in positive:
        if any(w in c.negators for w in low[max(0, i - 3) : i]):
            return CONCERN
    if negative:
        return CONCERN
    if positive:
        return IMPROVEMENT
    return None


def _in_modifier(token: Token, clause: list[Token]) -> bool:
    """A negation inside a relative clause ("cases that did not involve the internet")."""
    if token.lower_ not in ("not", "n't", "never"):
        return False
    head = token.head
    return head.dep_ in ("relcl", "acl") and head.head.i >= clause[0].i and head.head.dep_ != "ROOT"


def _lower(tokens: list[Token]) -> list[str]:
    return [t.lower_.replace("\u2019", "'") for t in tokens]


def _phrase_at(low: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(low):
        return False
    for word, pattern in zip(low[i : i + len(phrase)], phrase, strict=True):
        if pattern.endswith("*"):
            if not word.startswith(pattern[:-1]):
                return False
        elif word != pattern:
            return False
    return True


def _matches(low: list[str], phrases: _Phrases) -> list[int]:
    return [i for i in range(len(low)) if phrases.at(low, i)]


def _covered(low: list[str], phrases: _Phrases) -> set[int]:
    out: set[int] = set()
    for i in range(len(low)):
        for p in phrases.at(low, i):
            out.update(range(i, i + len(p)))
    return out


def _find(tokens: list[Token], phrases: _Phrases) -> list[tuple[int, int]]:
    low = _lower(tokens)
    return [(i, i + len(p)) for i in range(len(low)) for p in phrases.at(low, i)]


def _starts_with(tokens: list[Token], phrases: _Phrases) -> bool:
    low = _lower([t for t in tokens if not t.is_punct][:4])
    return bool(low) and bool(phrases.at(low, 0))


# --- items ---------------------------------------------------------------------------------


def _items(clause: list[Token], c: _Cues) -> list[tuple[list[Token], int]]:
    """The finding phrases of one clause, each with the content it needs to count."""
    cue_spans = [
        s
        for s in sorted(_find(clause, c.lists))
        if not _parenthetical(clause, s)
        and not _focus_on_specific(clause, s, c)
        and not _inside_list(clause, s, c)
    ]
    cue_spans = [
        s
        for i, s in enumerate(cue_spans)
        if not any(o[0] <= s[0] and s[1] <= o[1] and o != s for o in cue_spans)
    ]
    if cue_spans:
        items = []
        bounds = [*cue_spans, (len(clause), len(clause))]
        for (_, end), (next_start, _) in zip(bounds, bounds[1:], strict=False):
            segment = clause[end:next_start]
            if segment and segment[0].lower_ in ("how", "whether", "why", "that"):
                items.append((_strip(segment), 2))  # "concerned about how well ..." is one thing
                continue
            parts = _split_list(segment, c)
            if parts and parts[0][0].tag_ in ("IN", "TO"):
                continue  # "included as an annex to this letter": no list follows
            items += [(_drop_preposition(part), 1) for part in parts]
        if items:
            return items
    return [(_trim(clause, c), 2)]


def _focus_on_specific(clause: list[Token], cue: tuple[int, int], c: _Cues) -> bool:
    """ "going the extra mile, especially for children": the finding is the whole phrase.

    A focus cue ("including", "such as", "particularly") starts the list only when what
    comes before it says nothing specific ("specific improvements, particularly in
    relation to missing children").
    """
    start, end = cue
    if not any(len(p) == end - start for p in c.focus.at(_lower(clause[start:end]), 0)):
        return False
    earlier = [s for s in _find(clause[:start], c.lists) if s[1] <= start]
    head_start = max((e for _, e in earlier), default=0)
    return _specific(_trim(clause[head_start:start], c), c, minimum=2)


def _inside_list(clause: list[Token], cue: tuple[int, int], c: _Cues) -> bool:
    """ "examples of innovation, improvements in how we protect ...": an item of the list begun earlier."""
    start, _ = cue
    if start == 0 or clause[start - 1].text != ",":
        return False
    return any(e <= start for _, e in _find(clause[:start], c.lists))


def _drop_preposition(part: list[Token]) -> list[Token]:
    if len(part) > 2 and part[0].tag_ == "IN" and part[1].tag_ == "VBG":
        return part[1:]
    return part


def _parenthetical(clause: list[Token], cue: tuple[int, int]) -> bool:
    """ "offences against children, including sexual assaults, were missed": an aside, not the list."""
    start, end = cue
    if start == 0 or clause[start - 1].text != ",":
        return False
    rest = clause[end:]
    comma = next((i for i, t in enumerate(rest) if t.text == ","), None)
    return comma is not None and any(t.pos_ in ("VERB", "AUX") for t in rest[comma + 1 :])


def _trim(clause: list[Token], c: _Cues) -> list[Token]:
    """The clause without its attribution ("Inspectors said that ...", "..., said X"), and connectors."""
    tokens = clause
    for i, t in enumerate(tokens):
        if (
            i > 2
            and t.text == ","
            and i + 1 < len(tokens)
            and tokens[i + 1].lower_ in ("said", "says", "according")
            and not any(ch.dep_ == "ccomp" and ch.i > tokens[i + 1].i for ch in tokens[i + 1].children)
        ):
            tokens = tokens[:i]
            break
    for start, end in _find(tokens, c.trims):
        if start <= 12 and end < len(tokens) - 2:
            tokens = tokens[end:]
            break
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in ("and", "but", "also", "that", "so")):
        tokens = tokens[1:]
    return tokens


def _split_list(segment: list[Token], c: _Cues) -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    depth = 0
    for token in segment:
        if token.text in ("(", "\u201c", "\u2018"):
            depth += 1
        elif token.text in (")", "\u201d", "\u2019") and depth:
            depth -= 1
        if depth == 0 and (token.text in (",", ";") or token.lower_ == "and" and _starts_item(token)):
            parts.append([])
            continue
        parts[-1].append(token)
    parts = [_strip(p) for p in parts]
    parts = [p for p in parts if p]
    merged: list[list[Token]] = []
    for part in parts:
        if merged and _starts_with(part, c.relative_starts):
            merged[-1] = merged[-1] + part
        else:
            merged.append(part)
    out: list[list[Token]] = []
    carry: list[Token] = []
    for part in merged:
        last = part is merged[-1]
        short = _content_count(part) < 2 and len(part) <= 2
        part = carry + part
        carry = []
        if short and not last:
            carry = part  # a shared head: "managing, supervising and carrying out investigations"
            continue
        out.append(part)
    if carry:
        if out:
            out[-1] = out[-1] + carry
        else:
            out.append(carry)
    if len(out) > 1 and _content_count(out[-1]) < 2:
        last = out.pop()
        out[-1] = out[-1] + last
    return out


def _starts_item(conjunction: Token) -> bool:
    """Does "and" start a new item ("and the backlog"), not share a verb ("prevent and deter")?"""
    if conjunction.i + 1 >= len(conjunction.doc):
        return False
    nxt = conjunction.doc[conjunction.i + 1]
    prev = conjunction.doc[conjunction.i - 1]
    if prev.dep_ == "pobj" and prev.pos_ == "NOUN" and nxt.pos_ in ("NOUN", "ADJ"):
        return False  # "displayed by officers and staff": one phrase
    if prev.pos_ == "ADJ" and nxt.pos_ == "ADJ":
        return False  # "serious and organised crime"
    return nxt.tag_ not in ("VB", "VBN", "VBD", "VBZ", "VBP", "RB", "MD", "IN", "TO", ",")


def _strip(tokens: list[Token]) -> list[Token]:
    while tokens and (
        tokens[0].is_punct or tokens[0].lower_ in ("and", "or", "at", "the", "to", "also", "that")
    ):
        if tokens[0].lower_ == "the" and len(tokens) > 1:
            break
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def _content_count(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if t.is_alpha and not t.is_stop)


def _content_keys(tokens: list[Token], c: _Cues) -> frozenset[str]:
    return frozenset(
        _stem(t.lower_)
        for t in tokens
        if t.is_alpha and not t.is_stop and t.lower_ not in c.generic and t.ent_type_ not in ("ORG", "GPE")
    )


def _stem(word: str) -> str:
    """A crude stem for spotting repeats: "shared", "sharing" and "share" all give "shar"."""
    for suffix in ("ings", "ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.removesuffix("e")[:5]


def _specific(tokens: list[Token], c: _Cues, minimum: int) -> bool:
    force_tokens = (
        {
            i
            for s in gazetteer.spans(tokens[0].doc, "FORCE", "PLACE", "INSPECTORATE")
            for i in range(s.start, s.end)
        }
        if tokens
        else set()
    )
    words = [
        t
        for t in tokens
        if t.is_alpha
        and not t.is_stop
        and t.lower_ not in c.generic
        and t.i not in force_tokens
        and not any(len(p) == 1 for p in c.positive.at([t.lower_], 0))
    ]
    return len(words) >= minimum


def _finding_from_tokens(doc: Doc, polarity: str, tokens: list[Token], sent: Span) -> FindingSpan:
    tokens = _strip(tokens) or tokens
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return _finding(doc, polarity, gazetteer.text_of(doc)[start:end], start, end, sent)


def _finding(
    doc: Doc, polarity: str, text: str, start: int, end: int, sent: Span, graded: bool = False
) -> FindingSpan:
    if graded:  # a graded finding's span may hold other areas; its text names just its own
        words = re.findall(r"[a-z]+", text.lower())
        keys = frozenset(_stem(w) for w in words if w not in STOP_WORDS and w not in cues().generic)
    else:
        span = doc.char_span(start, end, alignment_mode="expand")
        keys = _content_keys(list(span), cues()) if span is not None else frozenset()
    return FindingSpan(polarity, text, start, end, sent.text.strip(), keys, graded)


def _topic_keys(doc: Doc, c: _Cues) -> frozenset[str]:
    """Words of the article's topic ("child", "protection"): in many sentences, so no sign of a repeat."""
    sents = list(doc.sents)
    counts: dict[str, int] = {}
    for sent in sents:
        for key in _content_keys(list(sent), c):
            counts[key] = counts.get(key, 0) + 1
    limit = max(3, len(sents) // 5)
    return frozenset(k for k, n in counts.items() if n >= limit)


def _merge(found: list[FindingSpan], topic: frozenset[str] = frozenset()) -> list[FindingSpan]:
    """Drop repeats: the same polarity and mostly the same content words as an earlier one."""
    kept: list[FindingSpan] = []
    for f in found:
        duplicate = False
        for k in kept:
            if k.polarity != f.polarity:
                continue
            if f.graded or k.graded:
                same_area = f.graded and k.graded and f.keys and (f.keys <= k.keys or k.keys <= f.keys)
                if f.text.lower() == k.text.lower() or same_area:
                    duplicate = True
                    break
                continue
            if f.text.lower() == k.text.lower():
                duplicate = True
                break
            fk, kk = f.keys - topic, k.keys - topic
            small = min(len(fk), len(kk))
            if small >= 2 and len(fk & kk) / small >= 0.6:
                duplicate = True
                break
        if not duplicate:
            kept.append(f)
    return kept


# --- grades --------------------------------------------------------------------------------


def _grades(doc: Doc, tokens: list[Token], c: _Cues):
    """Graded judgements in a clause: (polarity, text, start, end, GradeSpan) each."""
    low = _lower(tokens)
    hits = _find(tokens, c.grades)
    if not hits:
        return []
    context = any(t.lower_ in c.grade_context for t in tokens)
    extent = "extent" in low and "which" in low
    out = []
    for start, end in hits:
        grade = " ".join(low[start:end])
        grade = "requires improvement" if "improvement" in grade else grade
        parenthetical = start > 0 and tokens[start - 1].text == "("
        quoted = (
            start > 0
            and tokens[start - 1].text in _QUOTES
            and end < len(tokens)
            and tokens[end].text in _QUOTES
        )
        if not (context or extent or parenthetical or quoted):
            continue
        if (
            grade == "good"
            and end < len(tokens)
            and tokens[end].pos_ in ("NOUN", "PROPN")
            and not parenthetical
        ):
            continue  # "good practice" is praise, not a grade
        if parenthetical:
            area_tokens = _strip(tokens[: start - 1])
            areas = [area_tokens] if area_tokens else []
        elif extent:
            which = low.index("which")
            area_tokens = tokens[which + 1 : start]
            area_tokens = [t for t in area_tokens if t.lower_ not in ("the", "force", "is", "to")]
            areas = [area_tokens[:-1] if area_tokens and area_tokens[-1].lower_ == "is" else area_tokens]
        else:
            rest = tokens[end + 1 :] if quoted else tokens[end:]
            if rest and rest[0].lower_ in ("rating", "grade", "grading", "judgment", "judgement"):
                rest = rest[1:]
            if rest and rest[0].lower_ in ("for", "at", "in"):
                areas = [_with_prep(a, rest[0]) for a in _split_areas(rest)]
            else:
                window = tokens[max(0, start - 5) : start]
                cut = max((i + 1 for i, t in enumerate(window) if t.lower_ in ("and", ",", ";")), default=0)
                window = window[cut:]
                named = [
                    t for t in window if t.lower_ in ("overall", "effectiveness", "efficiency", "legitimacy")
                ]
                if not named:
                    subject = _graded_subject(tokens, start)
                    if subject is None:
                        continue  # "two areas were judged to require improvement": which, it does not say
                    areas = [subject] if subject else [[]]
                else:
                    areas = [[t for t in window if t.i >= named[0].i]]
        for area in areas:
            if (
                area
                and area[-1].i < tokens[start].i
                and area[0].dep_ in ("nsubj", "nsubjpass", "det", "poss", "amod", "compound")
            ):
                text = gazetteer.text_of(doc)[area[0].idx : tokens[end - 1].idx + len(tokens[end - 1].text)]
                s0, e0 = area[0].idx, tokens[end - 1].idx + len(tokens[end - 1].text)
                out.append(
                    (
                        _GRADE_POLARITY[grade],
                        text,
                        s0,
                        e0,
                        GradeSpan(_area_name(" ".join(t.text for t in area)), grade),
                    )
                )
                continue
            if area and not _specific(area, c, minimum=1):
                continue  # "inadequate in every area examined"
            area_text = " ".join(t.text for t in area).replace(" ,", ",") if area else "overall"
            polarity = _GRADE_POLARITY[grade]
            span_tokens = area or tokens[start:end]
            s = min(tokens[start].idx, span_tokens[0].idx)
            e = max(
                tokens[end - 1].idx + len(tokens[end - 1].text),
                span_tokens[-1].idx + len(span_tokens[-1].text),
            )
            if area and area[-1].i < tokens[start].i:
                text = gazetteer.text_of(doc)[area[0].idx : tokens[end - 1].idx + len(tokens[end - 1].text)]
            elif not area:  # the force's overall grade: "graded inadequate"
                first = (
                    tokens[start - 1]
                    if start and tokens[start - 1].lower_ in c.grade_context
                    else tokens[start]
                )
                s = first.idx
                text = gazetteer.text_of(doc)[s:e]
            elif len(areas) == 1:
                text = gazetteer.text_of(doc)[s:e]
            else:  # one of several areas sharing a grade: "inadequate for efficiency"
                grade_text = gazetteer.text_of(doc)[
                    tokens[start].idx : tokens[end - 1].idx + len(tokens[end - 1].text)
                ]
                text = f"{grade_text} {area_text}"
            out.append((polarity, text, s, e, GradeSpan(_area_name(area_text), grade)))
    return out


def _before_grading(tokens: list[Token], c: _Cues) -> list[Token]:
    for i, t in enumerate(tokens):
        if t.lower_ in c.grade_context:
            return tokens[:i]
    return tokens


def _graded_subject(tokens: list[Token], start: int) -> list[Token] | None:
    """What a grade without "for/at ..." is about: [] the force itself, None nothing nameable.

    "the force's approach to crime recording has been judged 'inadequate'" names its area;
    "GMP is now judged 'requires improvement'" is the force's overall grade; "two areas were
    judged to require improvement" names nothing.
    """
    grade = tokens[start]
    ids = {t.i for t in tokens}
    grading = [t for t in tokens if t.lower_ in cues().grading_verbs]
    verb = grading[0] if grading else grade.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.i not in ids:
            break
        verb = verb.head
    subjects = [ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass") and ch.i in ids]
    objects = [ch for ch in verb.children if ch.dep_ == "dobj" and ch.i in ids]
    if objects and verb.lower_ in cues().grading_verbs:
        subjects = objects  # "HMIC graded the force inadequate": the force is what was graded
    if not subjects:
        # a bare judgement line ("graded inadequate") is the overall grade
        return (
            []
            if len(tokens) <= 4 and any(t.lower_ in ("graded", "rated", "judged") for t in tokens)
            else None
        )
    subject = subjects[0]
    if subject.lower_ == "forces":
        return None  # "forces have met the standards of 'good'": no one force
    words = [t for t in subject.subtree if t.i in ids]
    labels = {i for s in gazetteer.spans(grade.doc, "FORCE", "PLACE") for i in range(s.start, s.end)}
    content = [
        t
        for t in words
        if t.is_alpha
        and not t.is_stop
        and t.i not in labels
        and t.lower_ not in cues().generic
        and t.ent_type_ != "GPE"
    ]
    if subject.lower_ in ("it", "force") or not content and any(t.i in labels for t in words):
        return []
    return words if content else None


def _graded_somewhere(tokens: list[Token], c: _Cues) -> bool:
    if not _find(tokens, c.grades):
        return False
    return any(t.lower_ in c.grade_context for t in tokens)


def _split_areas(rest: list[Token]) -> list[list[Token]]:
    """ "for effectiveness, for efficiency and for legitimacy - the three pillars": three areas.

    A comma or "and" starts another area only when the same preposition or another
    "-ing" activity follows it ("at recording crime, responding to the public and
    managing offenders"); otherwise "and" stays inside the area and a comma ends it.
    """
    prep = rest[0].lower_
    areas: list[list[Token]] = [[]]
    for token in rest:
        if token.text in ("-", "\u2013", "\u2014", "(", ";", ".") or token.lower_ in (
            "but",
            "while",
            "which",
        ):
            break
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if (token.text == "," or token.lower_ == "and") and nxt is not None:
            if nxt.lower_ == prep or nxt.tag_ == "VBG" or (token.text == "," and nxt.lower_ == "and"):
                areas.append([])
                continue
            if token.text == ",":
                break
        areas[-1].append(token)
    areas = [a for a in (_strip(a) for a in areas) if a]
    return [a for a in areas if not any(t.lower_ in ("report", "inspection", "said", "says") for t in a)]


def _with_prep(area: list[Token], prep: Token) -> list[Token]:
    if area and area[0].lower_ in ("for", "at", "in"):
        return area
    return [prep, *area] if area else area


def _area_name(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in ("for", "at", "in"):
        words = words[1:]
    return " ".join(words).strip(" ,.?") or "overall"


def _unique(grades: list[GradeSpan]) -> list[GradeSpan]:
    return list(dict.fromkeys(grades))
