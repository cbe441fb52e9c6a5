"""Who is speaking: quotes with their speakers, and the voice of every sentence.

A sentence's voice is one of
    "inspection"  an inspector, the inspectorate, its report, or inspectors reported
    "narration"   the writer's own account, with no one else speaking
    "self"        the publisher speaking as "we" (a force's or commissioner's statement)
    a person's role ("force", "commissioner", "charity", ...) when they are speaking
    "other"       a named speaker with no such role, or a councillor, member or campaigner
    "unknown"     a quote whose speaker is not named
Only the first two state findings of the inspection; other voices count only where
they report the inspection explicitly ("the report highlights ...").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from inspectx import gazetteer, resources
from inspectx.people import PersonInfo, is_honorific

#: A quotation: in double marks (curly or straight, to the line's end if unclosed), or in
#: single marks as British news sets speech ("said: 'The force is improving.'", "'It is
#: too slow,' he said, 'and callers give up.'"): an opening mark before a capital, at a
#: line's start or after a space, colon, bracket or dash (or before a small letter after a
#: comma, the rest of a quote broken by its speaker), closed by a mark right after the
#: sentence's punctuation, so that apostrophes ("officers' work", "I've") and scare quotes
#: ("improved 'markedly'") open and close nothing.
_QUOTE = re.compile(
    r"\u201c[^\u201d\n]*(?:\u201d|$)|\"[^\"\n]*(?:\"|$)"
    r"|(?:(?:^|(?<=[\s(:\u2013\u2014]))[\u2018'](?=[A-Z])|(?<=, )[\u2018'](?=[a-z]))"
    r"[^\n]*?[.,?!\u2026][\u2019'](?=\s|$|[)\u2013\u2014-])",
    re.MULTILINE,
)
#: Marks that close a quotation, and marks that open one.
_CLOSING = "\u201d\"\u2019'"
_OPENING = "\u201c\"\u2018'"
_FIRST_PERSON = {"we", "our", "us", "ours"}
_INSPECTION_SUBJECTS = {"inspector", "inspectors", "inspectorate", "report", "inspection", "watchdog", "hmi"}
_FORCE_SUBJECTS = {
    "force",
    "constabulary",
    "division",  # a force's division speaking for itself ("The division says its plan is ...")
    "constable",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "statement",
}
#: Speakers who are neither the inspection nor the force: elected members, committees,
#: campaigners ("Councillor Smith commented that ...", "Members asked whether ...").
_OTHER_SUBJECTS = {
    *("councillor", "councillors", "member", "members", "mayor", "chair", "chairman", "chairwoman"),
    *("campaigner", "campaigners", "resident", "residents", "mp", "mps", "federation", "union"),
    # people speaking for themselves: kin ("says her aunt"), neighbours, friends (not victims:
    # "victims said they felt supported" is what an inspection heard, its evidence)
    *("mother", "father", "mum", "dad", "parent", "parents", "sister", "brother", "aunt", "uncle"),
    *("daughter", "son", "grandmother", "grandfather", "gran", "husband", "wife", "partner"),
    *("cousin", "niece", "nephew", "relative", "relatives", "family", "neighbour", "neighbours"),
    *("friend", "friends"),
    # other sources of figures and findings: "A survey by the council found that ..."
    *("survey", "surveys", "poll", "polls", "study", "studies", "research"),
}
#: Verbs of finding or showing, which tell whose finding a sentence is only when their subject
#: is a source other than the inspection and the force ("A survey by the council found that
#: ..."): "Inspectors found ..." stays the narration's, and so does a force's showing (taken
#: as the force's, such sentences cost a held-out set 0.005 improvements F1).
_SOURCE_VERBS = frozenset(
    {"find", "found", "finds", "show", "shows", "showed", "shown", "suggest", "suggests", "suggested"}
)


#: Verbs of demanding ("demands", "is calling for" with its "for").
_DEMAND_VERBS = frozenset({"demand", "demands", "demanded", "demanding"})
_CALL_VERBS = frozenset({"call", "calls", "called", "calling"})


def _demands(verb: Token) -> bool:
    """Is the verb one of demanding ("demands a review", "is calling for more staff")?"""
    return verb.lower_ in _DEMAND_VERBS or (
        verb.lower_ in _CALL_VERBS and any(c.lower_ == "for" for c in verb.children)
    )


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # character offsets into the text, quote marks excluded
    end: int
    speaker: PersonInfo | None
    role: str | None


def find_voices(doc: Doc, people: list[PersonInfo]) -> tuple[list[QuoteSpan], dict[int, str]]:
    """Quotes with speakers, and a voice for each sentence keyed by its first token."""
    speech = resources.inflections(tuple(resources.load("cues")["speech_verbs"]))
    quotes = _quotes(doc, people, speech)
    voices: dict[int, str] = {}
    previous: Span | None = None
    for sent in doc.sents:
        voices[sent.start] = _sentence_voice(doc, sent, quotes, people, speech, previous)
        previous = sent
    return quotes, voices


def _quotes(doc: Doc, people: list[PersonInfo], speech: set[str]) -> list[QuoteSpan]:
    text = doc.text
    out: list[QuoteSpan] = []
    previous_speaker: PersonInfo | None = None
    previous_role: str | None = None
    previous_line_end = -1
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        matches = [m for m in _QUOTE.finditer(line) if len(m.group()) > 3]
        if matches:
            outside = _outside(line, matches)
            speaker = _speaker_in(doc, line_start, line_end, outside, people, speech)
            continues = previous_line_end == line_start - 1 and line.lstrip()[:1] in _OPENING
            if speaker is None and continues:
                speaker = previous_speaker
            if speaker is None:
                speaker = _speaker_on_previous_line(doc, text, line_start, people, speech)
            role = speaker.role if speaker else _body_speaking(doc, text, line_start, outside, speech)
            if speaker is None and role is None and continues:
                role = previous_role  # a quote over several paragraphs, each opening with a mark
            for k, m in enumerate(matches):
                start, end = line_start + m.start() + 1, line_start + m.end()
                if text[end - 1] in _CLOSING:
                    end -= 1
                # a later quote of the line introduced by a speaker of its own ('... said: "X."
                # Ms Ward said: "Y."'): that speaker's
                own = None
                if k:
                    own = _speaker_in(doc, line_start, line_end, outside[k : k + 1], people, speech)
                if own is not None:
                    out.append(QuoteSpan(start, end, own, own.role))
                else:
                    out.append(QuoteSpan(start, end, speaker, role))
            previous_speaker, previous_role, previous_line_end = speaker, role, line_end
        line_start = line_end + 1
    return out


#: "The statement reads: ...": a text's words quoted as its author's.
_READS = frozenset({"read", "reads"})


def _body_speaking(doc, text: str, line_start: int, outside, speech: set[str]) -> str | None:
    """The role of a quote's speaker that is no person but a body ("the force said",
    "The force statement reads:", "the report says", "the commissioner's office said"), on
    the quote's line or on the line before that ends with a colon; None when no such
    speaker is named."""
    spans = [(line_start + a, line_start + b) for a, b in outside]
    introducing = _introducing_line(text, line_start)
    if introducing is not None:
        spans.append(introducing)
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            if (token.lower_ in speech or token.lower_ in _READS) and token.pos_ in ("VERB", "AUX"):
                role = _subject_role(doc, token, [])
                if role is not None:
                    return "inspector" if role == "inspection" else role
    return None


def _outside(line: str, matches) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in matches:
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(line)))
    return spans


def _speaker_in(doc, line_start, line_end, outside, people, speech) -> PersonInfo | None:
    for a, b in outside:
        span = doc.char_span(line_start + a, line_start + b, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            if (token.lower_ in speech or _goes_on(token)) and token.pos_ in ("VERB", "AUX"):
                who = _subject_person(doc, token, people)
                if who is not None:
                    return who
    return None


#: Verbs of going on, which introduce more of a speaker's words before a colon.
_GOING_ON = frozenset({"went", "goes", "continued", "continues"})


def _goes_on(verb) -> bool:
    """Does the verb introduce more of a speaker's words, right before a colon ("He went
    on: '...'", "She continued: '...'")?"""
    if verb.lower_ not in _GOING_ON:
        return False
    after = verb.doc[verb.i + 1 : verb.i + 3]
    if after[:1] and after[0].lower_ == "on":
        after = after[1:]
    return bool(after) and after[0].text == ":"


def _speaker_on_previous_line(doc, text, line_start, people, speech) -> PersonInfo | None:
    introducing = _introducing_line(text, line_start)
    if introducing is None:
        return None
    start, end = introducing
    return _speaker_in(doc, start, end, [(0, end - start)], people, speech)


def _introducing_line(text: str, line_start: int) -> tuple[int, int] | None:
    """The line before the one at `line_start` (character offsets), when it ends with a
    colon and so introduces a quote ("The force statement reads:"); None otherwise."""
    if line_start < 2:
        return None
    start = text.rfind("\n", 0, line_start - 1) + 1
    return (start, line_start - 1) if text[start : line_start - 1].rstrip().endswith(":") else None


def _subject_person(doc: Doc, verb, people: list[PersonInfo]) -> PersonInfo | None:
    # "HM Inspector of Constabulary, Phil Gormley, said": the name just before the verb
    nearest, nearest_end = None, -1
    sent = gazetteer.sentence_of(doc, verb.i)
    for person in people:
        for start, end in person.mentions:
            if sent.start <= start and end <= verb.i and verb.i - end <= 3 and end > nearest_end:
                nearest, nearest_end = person, end
    if nearest is not None:
        return nearest
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subj in subjects:
        person = _person_at(subj, people)
        if person is not None:
            return person
        if subj.lower_ in ("he", "she"):
            return _last_person_before(subj.i, people)
    # "..., said Nick Hardwick" and parses that attach the name elsewhere
    for person in people:
        for start, _end in person.mentions:
            if sent.start <= start < sent.end and abs(start - verb.i) <= 12:
                return person
    return None


def _person_at(token, people: list[PersonInfo]) -> PersonInfo | None:
    for person in people:
        for start, end in person.mentions:
            if any(start <= t.i < end for t in token.subtree) and token.i - start < 12:
                return person
    return None


def _last_person_before(i: int, people: list[PersonInfo]) -> PersonInfo | None:
    best, best_pos = None, -1
    for person in people:
        for start, _ in person.mentions:
            if best_pos < start < i:
                best, best_pos = person, start
    return best


def in_quote(start: int, end: int, quotes: list[QuoteSpan]) -> QuoteSpan | None:
    """The quote that holds most of the character range [start, end), if any. `quotes` are
    in text order and do not overlap, as `find_voices` gives them, so the first that could
    hold the range is found by bisection: an article of thousands of quotes stays linear."""
    n = bisect.bisect_right(quotes, start, key=lambda q: q.end)  # the first to end after `start`
    while n < len(quotes) and quotes[n].start < end:
        quote = quotes[n]
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap > 0 and overlap >= (end - start) / 2:
            return quote
        n += 1
    return None


#: A paragraph labelled with who is speaking, as letters, committee papers and response
#: tables set them out ("PCC comment: ...", "Chief Constable's response: ...").
_LABEL = re.compile(
    r"^\s*(?P<who>[A-Za-z][\w'\u2019 .&-]{0,50}?)\s+(?:comments?|responses?|statement|view|reply)\s*:",
    re.IGNORECASE,
)
_LABEL_ROLES = (
    ("inspection", ("hmicfrs", "hmics", "hmic", "inspectorate", "inspector", "inspectors", "report")),
    ("commissioner", ("pcc", "pfcc", "commissioner", "mayor", "deputy mayor")),
    ("force", ("chief constable", "force", "constabulary", "police", "cc", "dcc", "acc")),
)


def labelled_voice(line: str) -> str | None:
    """The voice a speaker label gives its paragraph ("PCC comment:" -> "commissioner",
    "Force response:" -> "force", "Inspectorate's view:" -> "inspection"), or None when the
    line has no such label or names no speaker inspectx knows ("unknown" then)."""
    match = _LABEL.match(line)
    if match is None:
        return None
    who = f" {' '.join(re.findall(r'[a-z]+', match.group('who').lower()))} "  # "constable's" -> "constable s"
    for role, words in _LABEL_ROLES:
        if any(f" {w} " in who for w in words):
            return role
    return "unknown"


def _sentence_voice(doc, sent: Span, quotes, people, speech, previous: Span | None = None) -> str:
    quote = in_quote(sent.start_char, sent.end_char, quotes)
    if quote is not None and quote.role is not None:
        return "inspection" if quote.role == "inspector" else quote.role
    text = gazetteer.text_of(doc)
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    line_end = text.find("\n", line_start)
    labelled = labelled_voice(text[line_start : line_end if line_end != -1 else len(text)])
    if labelled is not None:
        return labelled  # every sentence of a labelled paragraph is its speaker's, quoted or not
    if quote is not None:
        return "other" if quote.speaker is not None else "unknown"
    speaker = _crosshead_speaker(sent, text)
    if speaker is not None:
        return speaker
    for token in sent:
        if token.lower_ in speech and token.pos_ == "VERB":
            if _to_the_inspectors(doc, token):
                continue  # "Officers told inspectors ...", "could not tell inspectors ...": evidence
            if _told_by_us(token) or _judged_by_the_inspection(doc, token):
                continue  # "We found that the force responds well to ...": what was found, not who speaks
            role = _subject_role(doc, token, people, previous)
            if role:
                return role
        elif (token.lower_ in _SOURCE_VERBS or _demands(token)) and token.pos_ == "VERB" and _asserted(token):
            role = _subject_role(doc, token, people, previous)
            if role == "other":
                # "A survey by the council found that ...": another source's finding; "The
                # union is calling for A, B and C": another's demands
                return role
    aside = _asides(sent)
    if any(t.lower_ in _FIRST_PERSON and t.i not in aside for t in sent):
        return "self"
    return "narration"


def _asserted(verb) -> bool:
    """Is the verb neither denied nor under a modal ("could not always show that ...": what
    a force failed to show is the inspection's finding, not the force's)?"""
    return not any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children)


def _told_by_us(verb) -> bool:
    """Is the verb in a "that" clause of a verb whose subject is the publisher ("We found
    that the force | responds well ...")? Then it is what they tell, and its subject is no
    speaker."""
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in verb.head.children)


def _judged_by_the_inspection(doc, verb) -> bool:
    """Is the verb the complement of a stance whose holder is the inspectors, their report
    or inspectorate ("Inspectors were not satisfied that the force | recognises repeat
    victims", "The inspectorate was confident that the force | acknowledges ...")? Then its
    subject is what the inspection judges, not the sentence's speaker."""
    if verb.dep_ != "ccomp" or verb.head.pos_ != "ADJ":
        return False  # only a stance's complement: "Inspectors said the force recognised X" relays the force
    for above in verb.ancestors:
        subjects = [c for c in above.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return any(
                subject.lower_ in _INSPECTION_SUBJECTS or _has_label(doc, subject, "INSPECTORATE")
                for subject in subjects
            )
    return False


#: Force people whose reaction a crosshead reports with them as its subject ("Chief
#: constable welcomes report"); a commissioner is checked for first.
_REACTING_PEOPLE = {"constable", "spokesman", "spokeswoman", "spokesperson"}


def _crosshead_speaker(sent: Span, text: str) -> str | None:
    """The voice of a crosshead whose subject is a person who reacts, not the force or the
    inspection ("Commissioner 'disappointed' over offender management grade": commissioner;
    "Union says officers are exhausted": other), or None. A crosshead is a whole line of at
    most 14 words without a full stop; one about the force ("Force praised for its call
    handling") is left to the narration."""
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    line_end = text.find("\n", sent.start_char)
    line = text[line_start : line_end if line_end != -1 else len(text)].strip()
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if line != sent.text.strip() or not words or len(words) > 14 or line[-1] in ".!?:;\"\u201d'\u2019":
        return None
    opening = []  # the noun phrase the line opens with, however parsed ("Chief constable", "Union")
    for token in sent:
        if token.pos_ not in ("NOUN", "PROPN", "ADJ", "DET") or token.is_punct:
            break
        opening.append(token)
    named = {t.lower_ for t in opening}
    if "commissioner" in named or named & {"pcc", "pfcc"}:
        return "commissioner"
    if named & _REACTING_PEOPLE:
        return "force"
    if named & _OTHER_SUBJECTS:
        return "other"
    return None


def _to_the_inspectors(doc, verb) -> bool:
    """Is the speech verb said to the inspectors ("Officers told inspectors they had not
    been trained", "The force could not tell inspectors how many ...")? What people tell
    the inspection is its evidence, which the narration reports, not their own statement."""
    listeners = [c for c in verb.children if c.dep_ in ("dative", "dobj")]
    return any(c.lower_ in _INSPECTION_SUBJECTS or _has_label(doc, c, "INSPECTORATE") for c in listeners)


#: Marks that open and close an aside inside a sentence.
_ASIDE_MARKS = {"(": ")", "-": "-", "\u2013": "\u2013", "\u2014": "\u2014"}


def _asides(sent: Span) -> set[int]:
    """Token indices inside a bracketed or dashed aside of the sentence ("volunteers - and
    we know some of you are among them - told inspectors ..."): a writer's word to the
    reader, which makes the sentence no one's own account."""
    inside: set[int] = set()
    tokens = list(sent)
    n = 0
    while n < len(tokens):
        closing = _ASIDE_MARKS.get(tokens[n].text)
        end = next((k for k in range(n + 1, len(tokens)) if tokens[k].text == closing), None)
        if closing is None or end is None or tokens[n].is_sent_start:
            n += 1
            continue
        inside.update(t.i for t in tokens[n + 1 : end])
        n = end + 1
    return inside


def _subject_role(doc, verb, people, previous: Span | None = None) -> str | None:
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subj.lower_ in ("he", "she", "they"):
            if subj.lower_ == "they":
                return "inspection" if previous is not None and _inspectors_subject(doc, previous) else None
            person = _last_person_before(subj.i, people)
        else:
            person = _person_at(subj, people)
        if person is not None:  # named, and no inspector: theirs, as a named speaker's quote is
            return "inspection" if person.is_inspector else (person.role or "other")
        words = {t.lower_ for t in subj.subtree}
        if words & _INSPECTION_SUBJECTS or _has_label(doc, subj, "INSPECTORATE"):
            return "inspection"
        where = {t.i for c in subj.children if c.dep_ == "prep" and c.lower_ in _WHERE for t in c.subtree}
        if {t.lower_ for t in subj.subtree if t.i not in where} & _FORCE_SUBJECTS or _has_label(
            doc, subj, "FORCE", where
        ):
            return "force"
        if "commissioner" in words:
            return "commissioner"
        if words & _OTHER_SUBJECTS or any(c.lower_ == "former" for c in subj.children):
            return "other"  # "a former officer told the paper that ...": no longer the force's
        if subj.ent_type_ == "ORG" or subj.pos_ == "PROPN" and subj.ent_type_ != "PERSON":
            return "other"  # a named organisation speaking for itself ("Rape Crisis Norfolk said ...")
        if subj.pos_ == "NOUN" and subj.text[:1].isupper() and subj.i != subj.sent.start:
            return "other"  # a name the tagger took for a common noun ("Women's Aid said ...")
        if subj.ent_type_ == "PERSON" or _honorific_before(subj):
            return "other"  # a person named by surname alone ("Ms Torrance commented that ..."): no inspector
    return None


def _honorific_before(subj) -> bool:
    """Does an honorific or a councillor's title stand before the subject ("Ms Torrance",
    "Cllr Craig")?"""
    return any(c.i < subj.i and is_honorific(c) for c in subj.children)


def _inspectors_subject(doc, sent: Span) -> bool:
    """Is the subject of `sent` the inspectors or their inspectorate, so that "they" in the
    next sentence are ("Inspectors found ... . They said ...")? Only the subject counts:
    in "Officers told inspectors ... . They said ..." they are the officers."""
    return any(
        t.dep_ in ("nsubj", "nsubjpass")
        and (t.lower_ in _INSPECTION_SUBJECTS or _has_label(doc, t, "INSPECTORATE"))
        for t in sent
    )


#: Prepositions that say where a speaker works, not whom they speak for ("staff | in the
#: force control room told ...": the staff, not the force).
_WHERE = frozenset({"in", "at", "within", "across", "on"})


def _has_label(doc, subj, label, leaving_out: frozenset[int] | set[int] = frozenset()) -> bool:
    """Does the subject's phrase hold a gazetteer span of `label` (one starting at a token
    of `leaving_out` does not count)?"""
    return any(
        s.start <= subj.i < s.end
        or subj.left_edge.i <= s.start <= subj.right_edge.i
        and s.start not in leaving_out
        for s in gazetteer.spans(doc, label)
    )
