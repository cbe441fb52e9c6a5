"""Which inspection an article reports: `inspection.programme` and its evidence.

The programme is read from the gazetteer's PROGRAMME phrases (data/programmes.json):
the one named most in the headline and lede (weighted) and then in the body, with
`engage_monitoring` first whenever the headline or lede names it (the news is the
force's move into or out of enhanced monitoring, whatever inspection led to it), but
for a look back ("four years after special measures"). A
national report, or an article about several forces none of which leads, is
`thematic`; an inspection reported in other words is `other`, and so is one the lede
first names by what it looked at in words no programme phrase has ("a local policing
inspection", "an inspection of how the force deals with fraud").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from inspectx import gazetteer

_HEADLINE_WEIGHT, _LEDE_WEIGHT = 3, 2


@dataclass(frozen=True)
class ProgrammeEvidence:
    """A programme with the text that names it (None where no phrase does, e.g. `other`)."""

    programme: str
    span: Span | None


def find_programme(doc: Doc, *, national: bool) -> ProgrammeEvidence:
    """The programme of the inspection an article reports; call it only for one that does.

    `national`: the article has no main force (a national report, or several forces).
    Such an article reports a `thematic` inspection, unless it names no national report
    and its programme is PEEL, which inspects each force on its own: several forces'
    PEEL reports told side by side are PEEL inspections.
    """
    spans = [
        s
        for s in gazetteer.spans(doc, "PROGRAMME")
        # not what another review looked at: "It follows a separate review of | custody in X"
        if not _tail_of_a_compound(s) and not _held_in(s) and not gazetteer.of_another_inspection(s.root)
    ]
    if national:
        cue = next(iter(gazetteer.spans(doc, "NATIONAL")), None)
        evidence = _named(doc, spans) if spans and cue is None else None
        if evidence is not None and evidence.programme == "peel":
            return evidence
        return ProgrammeEvidence("thematic", cue or (spans[0] if spans else None))
    otherwise = _named_otherwise(doc)
    if not spans or otherwise is not None and all(s.start > otherwise.start for s in spans):
        # "carried out a local policing inspection of the division": what the lede first names
        # it outranks a programme mentioned after ("... custody facilities")
        return ProgrammeEvidence("other", otherwise)
    return _named(doc, spans)


def _tail_of_a_compound(span: Span) -> bool:
    """Is the programme phrase the end of a longer name, its first word modified by a noun
    before it ("knife | crime data", "hate | crime recording")? That names something else
    ("its annual PEEL inspection" is still PEEL)."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return (
        before.is_alpha
        and before.is_lower
        and before.dep_ == "compound"
        and before.pos_ == "NOUN"
        and span.start <= before.head.i < span.end
    )


def _held_in(span: Span) -> bool:
    """Is the phrase the bare word "custody" as where people are taken or held ("take people
    into custody", "long trips to custody", "held in custody")? That is policing, not a
    custody inspection (unlike "custody suites", "the inspection of custody")."""
    if len(span) != 1 or span[0].lower_ != "custody":
        return False
    token = span[0]
    return token.dep_ == "pobj" and token.head.lower_ in ("into", "in", "to", "from", "out")


#: Nouns of an inspection whose modifiers may say what it looked at.
_INSPECTION_NOUNS = frozenset({"inspection", "inspections", "review"})
#: Compounds that say who was inspected or who inspected ("a police inspection"), not what.
_WHO = frozenset({"police", "force", "forces", "watchdog", "inspectorate", "constabulary", "government"})


def _named_otherwise(doc: Doc) -> Span | None:
    """The words that name, in the headline or lede, an inspection of something no
    programme phrase names: the lowercase nouns and modifiers right before an inspection
    noun ("a local policing inspection", "its fraud inspection report"), at least one a
    noun, none of them a programme, a force, a place or an inspectorate, nor saying who
    inspected or was inspected ("a police inspection"). Read on the tags, not the parse
    (en_core_web_sm reads "carried out a roads policing inspection" as "roads", then an
    apposition). The first such, or None."""
    lede_end = _story_lede_end(doc)
    taken = gazetteer.token_indices(doc, "PROGRAMME", "INSPECTORATE", "FORCE", "PLACE")
    for token in gazetteer.tokens_with(doc, _INSPECTION_NOUNS | {"report"}):
        if token.idx >= lede_end:
            break
        if token.lower_ == "report":  # "its report on Staffordshire Police's response to stalking"
            looked_at = _looked_at(doc, token, taken)
            if looked_at is not None:
                return looked_at
            continue
        start = token.i
        while start > 0 and _names_a_subject(doc[start - 1]):
            start -= 1
        if start > 0 and _opens_its_line(doc[start - 1]) and _names_a_subject(doc[start - 1], capital=True):
            start -= 1  # "Roads policing inspection of ...": a headline's first word
        words = doc[start : token.i]
        before = doc[start - 1] if start > 0 else None
        if before is not None and (before.text in ("-", "\u2013") or before.like_num):
            continue  # "a two-day inspection", "a follow-up inspection"
        if any(t.tag_ in ("NN", "NNS", "VBG") for t in words) and not any(
            t.i in taken or t.lower_ in _WHO for t in words
        ):
            return words
        looked_at = _looked_at(doc, token, taken)
        if looked_at is not None:
            return looked_at
    return None


_CLAUSE_ENDS = frozenset({",", ".", ";", ":", "(", ")", "?", "!"})
#: Parts of a force or of its area, which say where, not what, was inspected ("an
#: inspection of Police Scotland's north division").
_PARTS = frozenset({"division", "divisions", "command", "area", "areas", "region", "district", "districts"})


def _looked_at(doc: Doc, noun: Token, taken: set[int]) -> Span | None:
    """What an "inspection of" or "into" (or a "report on") looks at, when that is not only
    the force ("an inspection of how North Wales Police responds to domestic abuse", "the
    inspection of Norfolk Constabulary's roads policing", "its report on Staffordshire
    Police's response to stalking"): the words after the preposition, without a
    possessive force before them; None for "the inspection of Kent Police"."""
    preps = ("of", "into", "on") if noun.lower_ == "report" else ("of", "into")
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps), None)
    looked = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep else None
    if looked is None or looked.lower_ in _PARTS or looked.i in taken:
        return None  # "of Police Scotland's north division", "of Kent Police"
    words = [t for t in prep.subtree if t.i > prep.i]
    ends = [n for n, t in enumerate(words) if t.is_space or t.text in _CLAUSE_ENDS]
    words = words[: ends[0]] if ends else words  # not past the line or clause
    dated = [n for n, t in enumerate(words) if t.ent_type_ == "DATE"]
    words = words[: dated[0]] if dated else words  # "... to stalking | on 9 October": when, not what
    while words and words[-1].dep_ == "prep":
        words = words[:-1]
    while words and (words[0].i in taken or words[0].dep_ == "case" or words[0].lower_ in ("the", "its")):
        words = words[1:]  # "Norfolk Constabulary 's | roads policing"
    content = [t for t in words if t.i not in taken and t.tag_ in ("NN", "NNS", "VBG", "VBZ")]
    if not content or len(words) > 12 or words[-1].i - words[0].i + 1 != len(words):
        return None
    return doc[words[0].i : words[-1].i + 1]


def _names_a_subject(token, *, capital: bool = False) -> bool:
    """Is the token a lowercase noun, "-ing" word or adjective (or, with `capital`, one
    written with a capital, as a headline's first word is)?"""
    written = token.is_lower or capital and token.is_title
    return token.is_alpha and written and token.tag_ in ("NN", "NNS", "VBG", "JJ")


def _opens_its_line(token) -> bool:
    return token.i == 0 or "\n" in token.doc[token.i - 1].text


def _named(doc: Doc, spans: list) -> ProgrammeEvidence:
    """The programme named most in the headline and lede (see the module's docstring)."""
    lede_end = gazetteer.lede_end(doc)
    headline_end = gazetteer.text_of(doc).find("\n")
    score: Counter[str] = Counter()
    # what the article looks back on ("three years after special measures") is background,
    # however prominent, unless it names nothing else
    current = [s for s in spans if not _looked_back_on(s)] or spans
    for span in current:
        if headline_end == -1 or span.start_char < headline_end:
            score[span.id_] += _HEADLINE_WEIGHT
        elif span.start_char < lede_end:
            score[span.id_] += _LEDE_WEIGHT
        else:
            score[span.id_] += 1
    early = {s.id_ for s in spans if s.start_char < lede_end and not _looked_back_on(s)}
    if "engage_monitoring" in early:
        best = "engage_monitoring"
    else:
        order = [s.id_ for s in current]
        best = max(score, key=lambda p: (score[p], -order.index(p)))
    return ProgrammeEvidence(best, next(s for s in spans if s.id_ == best))  # its first mention


def _looked_back_on(span: Span) -> bool:
    """Is the phrase what the sentence looks back on, under "after" or "since" ("four years
    after special measures", "since the force was placed in the Engage process") or under a
    verb put back in time ("which was placed in special measures two years ago", "was
    previously in Engage"), or, for enhanced monitoring, asked about or still to come
    (`_not_the_news`)? Then it is background to the news, or a prospect, not the news."""
    back = ("after", "since")
    if span.id_ == "engage_monitoring" and _not_the_news(span):
        return True
    for a in span.root.ancestors:
        if a.lower_ in back or any(c.dep_ == "mark" and c.lower_ in back for c in a.children):
            return True
        if a.pos_ in ("VERB", "AUX") and any(_dates_it_back(c) for c in a.children):
            return True  # "which was placed in special measures two years ago"
    return False


def _not_the_news(span: Span) -> bool:
    """Is enhanced monitoring asked about ("Is the force in special measures?") or a
    prospect ("will consider whether to move the force into Engage")? Another programme
    named so is still the one inspected."""
    sent = gazetteer.sentence_of(span.doc, span.start)
    if sent[-1].text == "?" or len(sent) > 1 and sent[-2].text == "?":
        return True  # "Is the force in special measures?": asked, not told
    for a in span.root.ancestors:
        if a.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in _PROSPECT for c in a.children):
            return True  # "will consider whether to move it into Engage", "could be placed in"
        if a.lower_ in ("consider", "considering", "considers", "decide", "deciding"):
            return True  # "is considering whether to escalate the force to Engage"
    return False


#: Auxiliaries of what may yet happen ("will", "could be placed in special measures").
_PROSPECT = frozenset({"will", "would", "could", "may", "might", "shall", "'ll"})


#: Adverbs that put an event in the past of the story ("was once in special measures").
_BACK_THEN = frozenset({"previously", "formerly", "once", "originally"})


def _dates_it_back(child) -> bool:
    """Is the verb's dependent one that puts it back in time: "two years ago", "previously"?"""
    if child.dep_ == "advmod" and child.lower_ in _BACK_THEN:
        return True
    return child.dep_ in ("advmod", "npadvmod") and any(t.lower_ == "ago" for t in child.subtree)


def programmes_near(doc: Doc, start_char: int) -> set[str]:
    """The programmes named in the sentence holding the character `start_char`."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if span is None:
        return set()
    sent = gazetteer.sentence_of(doc, span.start)
    return {s.id_ for s in gazetteer.spans(doc, "PROGRAMME") if sent.start <= s.start < sent.end}


#: The story's lede, for `_named_otherwise`: its first sentences of this many words or more
#: (the outlet's name, a date line or a byline under the headline are not the story).
_STORY_SENTENCES, _STORY_WORDS = 3, 8


def _story_lede_end(doc: Doc) -> int:
    """Where the story's first _STORY_SENTENCES sentences of _STORY_WORDS words end."""
    seen = 0
    for sent in doc.sents:
        if sum(t.is_alpha for t in sent) >= _STORY_WORDS:
            seen += 1
            if seen == _STORY_SENTENCES:
                return sent.end_char
    return len(gazetteer.text_of(doc))
