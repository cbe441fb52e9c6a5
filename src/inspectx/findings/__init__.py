"""Findings of the inspection: improvements, concerns and graded judgements.

    attribution   who states each sentence; only sentences that report the inspection go on,
                  and none that tells of an earlier inspection
    segment       sentences into clauses on the parse; finding clauses into phrases
    grades        graded judgements ("rated good at ...") with their areas, before any filter
    classifier    the trained model that labels each clause improvement / concern / not_finding
    rules         exact rules around it: a clause read again with its topic words made
                  neutral, a denial or a hedge taken away; lexicon rules by meaning class
                  (states, manners, duties, shortfalls, demands, counts)
    measures      a change in a measure ("delays fell"): a finding with the measure's polarity
    merge         restatements of one finding folded into the first

Bullet lines are read with the line that introduces them ("Inspectors found
several areas for improvement:"): a list item on its own ("better use of
intelligence") often reads as praise even when it is a needed improvement, so the
introduction's scores are added to the item's (see `_in_context`), and an item that is
only a noun phrase takes the introduction's polarity outright; "These include ..."
takes the polarity of the sentence before, unless that is neutral (see `_after`). Under a neutral
introduction each bullet is judged on its own.
The headline and the display lines under it (standfirst, byline, dateline) are skipped: the
story states their findings in full, from its first paragraph on (see `_lead_lines`).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from inspectx import byline, gazetteer, resources, voice
from inspectx.findings import attribution, grades, measures, segment
from inspectx.findings.classifier import CONCERN, IMPROVEMENT, NOT_FINDING, FindingClassifier, Judgement
from inspectx.findings.grades import GradeSpan
from inspectx.findings.merge import FindingSpan, content_keys, merge, stem, topic_keys
from inspectx.findings.rules import (
    CONTRASTS,
    EXCEPTIONS,
    area_checked,
    clause_roots,
    condition_checked,
    degree_good_checked,
    denial_checked,
    doubt_checked,
    failed_to_find_checked,
    first_person_stance,
    hedge_checked,
    inspection_description,
    interrupted_checked,
    modest_change_checked,
    negation_checked,
    never_happened_checked,
    no_longer_checked,
    nor_checked,
    rarer_checked,
    relayed_checked,
    ruled,
    scare_quote_checked,
    settled,
    share_checked,
    topic_checked,
    untold_checked,
)
from inspectx.findings.words import FINITE_TAGS, is_year, specific, vocabulary

__all__ = [
    "CONCERN",
    "IMPROVEMENT",
    "FindingClassifier",
    "FindingSpan",
    "GradeSpan",
    "find_findings",
    "find_findings_many",
]


@dataclass
class _Candidate:
    """A clause waiting for the classifier."""

    tokens: list[Token]
    sent: Span
    intro: _Candidate | None = None  # for a bullet: the sentence that introduces its list
    judgement: Judgement | None = field(default=None)
    heading: str | None = None  # for a report's section heading: the polarity it gives its list
    opening: int = 0  # leading tokens the classifier reads and the finding leaves out ("which found that")
    # a force's or commissioner's own sentence under a heading that says which way the
    # inspection went ("What do we need to improve?"): that polarity, when it says nothing else
    section: str | None = None
    # a clause the inspection is said to have found inside someone else's sentence ("I agree
    # with the inspectorate's assessment that | X": see attribution.relayed_complements), or
    # a turn after its judgement ("praised by inspectors for A, | though the force ..."):
    # read as found when bare it reads as no finding (rules.relayed_checked)
    relayed: bool = False


def find_findings(doc: Doc, classifier: FindingClassifier) -> tuple[list[FindingSpan], list[GradeSpan]]:
    """Improvements and concerns (merged, in text order) and graded judgements of `doc`.

    `doc` must have been through the model's parser and inspectx's people, voice and
    dates components (`doc._.voices`, `doc._.quotes`, `doc._.date_mentions`).
    """
    return find_findings_many([doc], classifier)[0]


def find_findings_many(
    docs: Sequence[Doc], classifier: FindingClassifier
) -> list[tuple[list[FindingSpan], list[GradeSpan]]]:
    """`find_findings` for each of `docs`, in order, with one classifier call for all their
    clauses: the classifier's cost is mostly per call, not per clause."""
    readings = [_Reading(doc) for doc in docs]
    clauses = [tokens for r in readings for tokens in r.clauses()]
    judged = topic_checked(classifier, classifier.judge([_span(tokens) for tokens in clauses]), clauses)
    judged = denial_checked(classifier, judged, clauses)
    judged = degree_good_checked(classifier, judged, clauses)
    judged = condition_checked(classifier, judged, clauses)
    judged = share_checked(classifier, judged, clauses)
    judged = area_checked(classifier, judged, clauses)
    judged = hedge_checked(classifier, judged, clauses)
    judged = scare_quote_checked(classifier, judged, clauses)
    judged = interrupted_checked(classifier, judged, clauses)
    judged = doubt_checked(classifier, judged, clauses)
    judged = never_happened_checked(classifier, judged, clauses)
    judged = modest_change_checked(classifier, judged, clauses)
    judged = no_longer_checked(classifier, judged, clauses)
    judged = rarer_checked(classifier, judged, clauses)
    judged = negation_checked(classifier, judged, clauses)
    judged = nor_checked(classifier, judged, clauses)
    judged = untold_checked(classifier, judged, clauses)
    judged = failed_to_find_checked(classifier, judged, clauses)
    relayed = [c.relayed for r in readings for c in r.candidates]
    judged = relayed_checked(classifier, judged, clauses, relayed)
    judgements = iter(ruled(j, tokens) for j, tokens in zip(judged, clauses, strict=True))
    return [r.finish([next(judgements) for _ in r.candidates]) for r in readings]


def _own_with_others_after(clause: list[Token], others: set[int]) -> bool:
    """Is the clause's subject the article's own force (or its place), with the other bodies
    it names only after its predicate ("The Metropolitan Police has been found inadequate at
    vetting, in a report that also looked at City of London Police") or in a comparison
    ("Unlike neighbouring Sussex Police, Kent was found to ...")? Then the finding is the
    force's."""
    doc = clause[0].doc
    reporting = attribution.reporting_verbs()  # "Inspectors found that | the force ...": its subject
    subjects = [
        t
        for t in clause
        if t.dep_ in ("nsubj", "nsubjpass")
        and not (t.head.lower_ in reporting and attribution.names_the_inspection(t))
        and t.head.dep_ != "relcl"  # "Sussex Police, | which was criticised ...": the other's clause
    ]
    if not subjects:
        return False
    ranking = gazetteer.rank_forces(doc)
    if ranking is None or ranking.leader is None:
        return False
    own = {  # the force, or its place standing for it ("Kent was found to have ...")
        i
        for s in (*gazetteer.spans(doc, "FORCE"), *gazetteer.spans(doc, "PLACE"))
        if s.id_ == ranking.leader
        for i in range(s.start, s.end)
    }
    subject = {w.i for w in subjects[0].subtree}
    predicate = subjects[0].head
    # "the force's attendance times were quicker than in neighbouring X": the force itself
    generic = any(w.lower_ in _THE_FORCE for w in subjects[0].subtree)
    return (
        bool(subject & own or generic)
        and not subject & others
        and all(t.i > predicate.i or _set_against(t, predicate) for t in clause if t.i in others)
    )


#: Words by which the article's force names itself in a subject ("the force's times", "its staff").
_THE_FORCE = frozenset({"force", "force's", "constabulary", "its"})
#: Words that open a comparison with another body ("Unlike Lancashire Constabulary, ...").
_COMPARING = frozenset({"unlike", "like", "compared", "comparison", "than"})


def _set_against(token: Token, predicate: Token) -> bool:
    """Is the token inside a comparison hung on the predicate ("Unlike neighbouring
    Lancashire Constabulary, | the force has not invested ...")? Then the other body is
    what the finding is measured against."""
    for ancestor in token.ancestors:
        if ancestor == predicate:
            return False
        if ancestor.lower_ in _COMPARING and ancestor.head == predicate:
            return True
    return False


def _imperative(candidate: _Candidate) -> bool:
    """Is the clause's sentence an imperative: its root a verb in the base form with no
    subject and no auxiliary ("Let me set out what the inspectors found", "If they want X,
    give us the officers to do it", "Ask any response officer")? It tells someone to do
    something, which no inspection found; a list's item completing its introduction ("The
    force should: | review X") is read with the introduction instead."""
    tokens = segment.trim(candidate.tokens) or candidate.tokens
    if _is_bullet(candidate.tokens):
        return False
    root = next((t for t in tokens if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ != "VB" or root.i != candidate.sent.root.i:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in root.children)


def _a_label_line(candidate: _Candidate) -> bool:
    """Is the clause a line of its own that labels a name ("Contact officer: Claire Smith,
    Senior Scrutiny Officer", "Report author: ..."): a label, a colon, then no verb but a
    person's name? A page's furniture, not a finding."""
    tokens = candidate.tokens
    colon = next((n for n, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None or colon > 4 or any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return False
    return any(t.ent_type_ == "PERSON" for t in tokens[colon + 1 :])


def _judged_by_the_inspection(clause: list[Token]) -> bool:
    """Is the clause's verb a passive with the inspection as its agent ("X has been praised
    by inspectors for ...", "was criticised by the watchdog")?"""
    return any(
        t.dep_ == "agent" and any(attribution.names_the_inspection(g) for g in t.children) for t in clause
    )


#: Words that turn a sentence against what it said before (data/cues.json `clause_breaks`).
_TURNS = frozenset(resources.load("cues")["clause_breaks"])


def _turns_with_a_subject(clause: list[Token]) -> bool:
    """Does the clause open with a turn ("though", "but", "while", "although", "however")
    and have a subject of its own ("..., though the force still struggles to ...")?"""
    words = [t for t in clause if not t.is_punct]
    turn = bool(words) and words[0].lower_ in _TURNS
    return turn and any(t.dep_ in ("nsubj", "nsubjpass") for t in clause)


def _line_goes_on(sent: Span) -> bool:
    """Does another sentence follow `sent` on its line (paragraph)?"""
    text, _, end = _line_of(sent)
    return bool(text[sent.end_char : end].strip())


def _line_of(sent: Span) -> tuple[str, int, int]:
    """The cleaned text of `sent`'s article and the character offsets of the start and the
    end of `sent`'s line (paragraph) in it."""
    text = gazetteer.text_of(sent.doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.end_char - 1)
    return text, start, end if end != -1 else len(text)


class _Reading:
    """One article's clauses on their way to becoming findings: collected (with the graded
    judgements found on the way), then labelled by the classifier, then merged."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.voices: dict[int, str] = doc._.voices or {}
        self.found: list[FindingSpan] = []
        self.graded: list[GradeSpan] = []
        self.candidates: list[_Candidate] = []
        self.page = attribution.NEWS_PAGE  # who "we" are on the page: set by _collect
        self._collect()

    def _collect(self) -> None:
        doc, voices = self.doc, self.voices
        found, graded, candidates = self.found, self.graded, self.candidates
        page = self.page = attribution.page_kind(doc, doc._.quotes or [])
        background = attribution.background_sentences(doc, doc._.date_mentions or [])
        told_then = attribution.when_then_tokens(doc, doc._.date_mentions or [])
        ranking = gazetteer.rank_forces(doc)
        # an article about one force with a local area: "Nationally, ..." gives the context
        leader = ranking.leader if ranking is not None else None
        one_force = leader is not None and not gazetteer.forces()[leader].national
        # in an article about no one force (a national report) forces in general are its subject
        general = attribution.forces_in_general(doc) if leader is not None else set()
        other_forces = attribution.other_force_tokens(doc)
        others = other_forces | general | attribution.partner_agencies(doc)
        others |= attribution.another_inspection_tokens(doc)  # "a separate review ... which found X"
        credit = byline.find_byline(gazetteer.text_of(doc))  # the reporter's credit line states nothing
        intro: _Candidate | None = None  # the open list's introducing sentence (None: no list open)
        intro_allowed = False
        column: int | None = None  # the open grade table's column of this inspection's grades
        # under a heading that says which way the inspection went ("What do we need to
        # improve?"), a force's or commissioner's own sentences relay what it found
        section: str | None = None
        recommending = False  # under a "Recommendations" heading, until the next heading
        lines = _lines(doc)
        lead = _lead_lines(lines)
        # "A man was jailed for ... | The case comes weeks after CJI published ...": another story's
        elsewhere = attribution.another_story(doc, lines[lead][0].start_char if lead < len(lines) else 0)
        for number, sents in enumerate(lines):
            if number < lead:
                if number and sents[0].start not in background:
                    self._display_grades(sents, others)
                continue  # headline, standfirst, byline: the story states their findings in full
            tokens = [t for sent in sents for t in sent if not t.is_space]
            if not tokens:
                continue
            if credit is not None and credit.start <= tokens[0].idx < credit.end:
                continue
            if recommending:
                # "3. Background" ends the section (a numbered heading); "- Review X" is an item
                numbered = tokens[0].like_num
                if not (_is_subheading(tokens) and (numbered or not _is_bullet(tokens))):
                    continue  # under "Recommendations": what the report asks for, not what it found
                recommending = False
            cells = grades.table_cells(tokens)
            if cells is None:
                column = None
            elif (header := grades.current_grade_column(cells)) is not None:
                column = header  # "| Area | 2026 grade | 2023 grade |": the rows' grades are in one column
                continue
            elif column is not None and column < len(cells):
                tokens = cells[0] + cells[column]  # "| Investigating crime | Good | Adequate |"
            if grades.area_row(tokens):  # "Leadership and force management   Adequate", however parsed
                under = intro is None or (intro_allowed and not any(t.i in others for t in intro.tokens))
                if under and sents[0].start not in background and not any(t.i in others for t in tokens):
                    _graded(doc, tokens, sents[0], found, graded)
                continue  # a row under an earlier inspection's or another force's grades is theirs
            if intro is not None and (_is_bullet(tokens) or _is_unmarked_item(tokens, sents)):
                if intro_allowed:
                    body = segment.strip(_bullet_body(tokens))
                    # "1. The force was last inspected in 2022, | when it was graded adequate": then
                    body = segment.strip([t for t in body if t.i not in told_then])
                    # "2. Neighbouring Y Police was rated good at X": another force's grade
                    theirs = sents[0].start in background or any(t.i in other_forces for t in body)
                    if body and (theirs or not _graded(doc, body, sents[0], found, graded)):
                        # "- waits have come down, | but too many callers still hang up": a
                        # turn in the item is read on its own, as in prose
                        for part in _turned_parts(body):
                            candidates.append(_Candidate(part, sents[0], intro=intro))
                    elif body:  # "- Good at A, and inspectors praised B": B is read on its own
                        for clause in segment.clauses(body):
                            if not grades.grades_in(doc, clause):
                                candidates.append(_Candidate(clause, sents[0], intro=intro))
                continue
            intro = None
            heading = _section_polarity(tokens)  # "What the force does well" is long for a heading
            subheading = heading is not None or _is_subheading(tokens)
            if subheading or _is_question_line(tokens, sents):
                section = heading if sents[0].start not in background else None
            if subheading and heading is None and _recommendations_heading(tokens):
                recommending = True
                continue
            if subheading:
                if heading is not None:  # "Areas for improvement", then its bullets
                    intro = _Candidate(tokens, sents[0], heading=heading)
                    intro_allowed = sents[0].start not in background
                    candidates.append(intro)  # never a finding itself
                elif sents[0].start not in background and not any(t.i in others for t in tokens):
                    _graded(doc, tokens, sents[0], found, graded)  # "Managing offenders: good"
                continue
            asked: str | None = None  # "What went well? | Neighbourhood teams know ...": its answer's way
            for sent in sents:
                if sent.start in elsewhere or attribution.about_the_article(sent):
                    continue  # another story's, or a notice's: "An earlier version of this article said ..."
                words = [t for t in sent if not t.is_space]
                if words and sent.start == sents[0].start and _is_bullet(words):
                    words = segment.strip(_bullet_body(words))  # an item of a list with no introduction
                words = words[_label_length(words) :]
                if words and words[-1].text == "?":
                    asked = _section_polarity(words) if sent.start not in background else None
                if not words or words[-1].text == "?":
                    continue  # a question asks; what was found is in its answer
                if _own_account_label(words):
                    section = None  # "What we did: ...": the speaker's account, not the heading's list
                earlier = background.get(sent.start, [])  # the dates of an earlier inspection in it
                voice_of = voices.get(sent.start)
                allowed = attribution.reports_inspection(doc, sent, voice_of, page)
                relayed_by_section = (
                    not allowed
                    and section is not None
                    and voice_of == "self"
                    and page in (attribution.FORCE_PAGE, attribution.COMMISSIONER_PAGE)
                )
                allowed = allowed or relayed_by_section
                if words[-1].text == ":":
                    intro = _Candidate(words, sent, heading=_named_section(words))
                    intro_allowed = allowed and not earlier
                    candidates.append(intro)  # judged for its list's sake; never a finding itself
                    continue
                if not allowed:
                    for relayed in () if earlier else attribution.relayed_complements(sent):
                        for clause in segment.clauses(relayed):  # "welcomed a report which found that | X"
                            theirs = any(t.i in others for t in clause) or grades.denied(clause)
                            if clause and not theirs and not _graded(doc, clause, sent, found, graded):
                                candidates.append(_Candidate(clause, sent, relayed=True))
                    if not earlier and attribution.relayed_in_reaction(doc, sent):
                        for clause in segment.clauses(words):  # its grades only: the rest is a reaction
                            theirs = any(t.i in others for t in clause)
                            if clause and not theirs and not grades.denied(clause):
                                _graded(doc, clause, sent, found, graded)
                    continue
                # does the sentence open with the inspection's judgement ("X was praised by inspectors")?
                judged_first = False
                parts = []  # (the clause as split, and the part read)
                for whole in segment.clauses(words):
                    split = segment.judged_subject_aside(whole) or (whole,)
                    parts.extend((whole, part) for part in split)
                for number_in_sentence, (whole, part) in enumerate(parts):
                    if number_in_sentence == 0:
                        judged_first = _judged_by_the_inspection(part)
                    following = parts[number_in_sentence + 1 :]
                    if following and _attribution_only(part, following[0][1]):
                        continue  # "The report also says, in plain terms, | that X": X is what it says
                    clause = segment.without_earlier(part)
                    if told_then and any(t.i in told_then for t in clause):  # "..., | when it was rated ..."
                        clause = segment.strip([t for t in clause if t.i not in told_then])
                    if not clause:
                        continue
                    then = earlier and not _dates_only_what_was_left_out(earlier, whole, clause)
                    if then and _tells_of(clause, earlier, words):
                        continue  # "It was criticised in our 2023 inspection, | and the report says ..."
                    if any(t.i in others for t in clause) and not _own_with_others_after(clause, others):
                        continue  # another force's results, told for comparison
                    if one_force and attribution.national_picture(clause):
                        continue  # "Nationally, a quarter of calls are abandoned": the context
                    method = attribution.describes_method(clause)
                    if method and not then:
                        # "HMICFRS published its report on the force, which found that | X" (or
                        # "which rated | it inadequate at Y"): what the report is said to find
                        inside = {t.i for t in clause}
                        for relayed in attribution.relayed_complements(sent):
                            inside_clause = bool(relayed) and all(t.i in inside for t in relayed)
                            if inside_clause and not _graded(doc, relayed, sent, found, graded):
                                candidates.append(_Candidate(relayed, sent, relayed=True))
                    if method or attribution.counts_findings(clause):
                        continue  # how the inspection was done or published, or how much it found
                    if grades.denied(clause):
                        continue  # "no longer graded inadequate at X": which grade it has, it does not say
                    if not _graded(doc, clause, sent, found, graded):
                        # "X has been praised by inspectors, | though the force still struggles
                        # to ...": the turn is the same judgement's, told bare
                        turned = judged_first and number_in_sentence > 0 and _turns_with_a_subject(clause)
                        candidates.append(
                            _Candidate(
                                clause, sent, section=section if relayed_by_section else asked, relayed=turned
                            )
                        )
                    elif told := grades.told_after(clause):  # "rated good at X, | where ..."
                        candidates.append(_Candidate(told[0], sent, opening=told[1]))

    def _display_grades(self, sents: list[Span], others: set[int]) -> None:
        """The grades of a display line under the headline (a standfirst). They are exact
        and merged with the story's (grades.unique), so they are kept in case the story
        grades that area no more; its findings are not, as the story restates them in
        other words."""
        shown = [t for sent in sents for t in sent if not t.is_space]
        if any(t.i in others for t in shown):
            return
        for clause in segment.clauses(shown):
            _graded(self.doc, clause, sents[0], [], self.graded)

    def clauses(self) -> list[list[Token]]:
        """The candidates' tokens as the classifier reads them, in order. A later clause of
        a reported sentence is read with the sentence's opening ("Inspectors found that A,
        and | B" read as "Inspectors found that B"), as the first is: see `_framed`."""
        read: list[list[Token]] = []
        openings: dict[int, list[Token]] = {}  # sentence start -> its first clause's opening
        for c in self.candidates:
            tokens = segment.without_concession(_as_read(c.tokens, self.voices.get(c.sent.start)))
            if c.intro is None and c.heading is None and c.opening == 0:
                if c.sent.start not in openings:
                    openings[c.sent.start] = _opening_of(tokens)
                elif framed := _framed(openings[c.sent.start], tokens):
                    tokens = framed
                elif judged := _judged_by_participle(tokens):
                    tokens = judged
            read.append(tokens)
        return read

    def _inspectors_stance(self, candidate: _Candidate) -> str | None:
        """The polarity of an inspector's first-person stance in a quote ("I am concerned
        that X", "we were impressed by X": see `first_person_stance`), which is the
        inspection weighing X; None for anyone else's (a force's, a commissioner's or a
        charity's "I am glad the inspectors ..." is its reaction)."""
        if self.voices.get(candidate.sent.start) != "inspection":
            return None
        sent = candidate.sent
        quote = voice.in_quote(sent.start_char, sent.end_char, self.doc._.quotes or [])
        if quote is None or quote.role != "inspector":
            return None
        stance = first_person_stance(candidate.tokens)
        if stance is None and any(_second_complement(t) for t in candidate.tokens):
            # "I am concerned that A | and that B": B is weighed as A is
            stance = first_person_stance(list(sent))
        return stance

    def _judged_by_the_next(self, before: _Candidate, label: str, found: list[FindingSpan]) -> bool:
        """Give the findings of `before`'s sentence the polarity of a verdict on it (not its
        graded findings: a grade is exact); False when it gave none (an opinion, a story's
        narration: the verdict is then read as it is)."""
        start, end = before.sent.start_char, before.sent.end_char
        told = [n for n, f in enumerate(found) if start <= f.start < end and not f.graded]
        for n in told:
            found[n] = dataclasses.replace(found[n], polarity=label)
        return bool(told)

    def finish(self, judgements: list[Judgement]) -> tuple[list[FindingSpan], list[GradeSpan]]:
        """Findings and grades, given one judgement per candidate (in order)."""
        found = self.found
        for candidate, judgement in zip(self.candidates, judgements, strict=True):
            candidate.judgement = judgement
            if candidate.heading is not None:  # what a report's section heading says its items are
                other = CONCERN if candidate.heading == IMPROVEMENT else IMPROVEMENT
                scores = {candidate.heading: 0.9, other: 0.05, NOT_FINDING: 0.05}
                candidate.judgement = Judgement(candidate.heading, 0.9, scores)
            elif (stance := self._inspectors_stance(candidate)) == CONCERN:
                # an inspector's worry names a problem; their "I am pleased that ..." is left to
                # the classifier and INSPECTOR_VOICE_MIN_SCORE: read as improvements too, such
                # remarks cost improvements F1 on the held-out sets (mean 0.7911 -> 0.7903)
                candidate.judgement = settled(stance)
        previous_label = NOT_FINDING
        before: _Candidate | None = None  # the candidate before, and its label
        topic = topic_keys(self.doc)
        told: set[int] = set()  # candidates told with the lead-in before them
        pointing: _Candidate | None = None  # the last anaphoric clause ("These include A"), and its conjuncts
        # the polarity of the sentence just before the candidate's, and of its own (see _contrasted)
        sentence, end, earlier, current = -1, -1, NOT_FINDING, NOT_FINDING
        for n, candidate in enumerate(self.candidates):
            if n in told:
                continue
            label = _label(candidate)
            if candidate.sent.start != sentence:
                adjacent = end >= 0 and all(t.is_space for t in self.doc[end : candidate.sent.start])
                earlier = current if adjacent else NOT_FINDING
                sentence, end, current = candidate.sent.start, candidate.sent.end, NOT_FINDING
            contrasted = label == earlier != NOT_FINDING and not candidate.intro and _contrasted(candidate)
            if contrasted:
                label = CONCERN if label == IMPROVEMENT else IMPROVEMENT
            # "A was surely found, | and B": B is of a kind with A, however unsure its own reading
            joined = before is not None and label == previous_label and _joined_to(candidate, before)
            if label != NOT_FINDING and (contrasted or candidate.judgement.score >= CONTRAST_MAX_SCORE):
                current = label  # a finding read surely (or by its contrast), which a contrast turns from
            if segment.anaphoric(candidate.tokens) and before is not None:
                # "These include ...": the polarity of the sentence before when that is a finding,
                # even one that names no area ("several areas still require improvement"); after
                # a neutral sentence ("made a number of changes") the clause's own
                label = _after(candidate.judgement, before.judgement)
                pointing = candidate
            elif pointing is not None and _conjunct_of(candidate, pointing):
                # "These include making sure A | and that B": B is listed as A is
                label = previous_label
            else:
                pointing = None
            lead_in = segment.announces(candidate.tokens) and _line_goes_on(candidate.sent)
            # "Some had waited a year", or "in almost half of the files ...", "in some cases ..." on
            # the same thing
            share = segment.share_of_cases(candidate.tokens) and _same_thing(candidate, before, topic)
            elaborates = (segment.partitive(candidate.tokens) or share) and _gives_figures(
                candidate, label, previous_label
            )
            verdict = (
                label != NOT_FINDING
                and candidate.judgement.score >= VERDICT_MIN_SCORE
                and _plain(candidate)
                and before is not None
                and _plain(before)
                and _sentence_before(before, candidate)
                and segment.verdict_on_what_went_before(candidate.tokens)
            )
            if verdict and self._judged_by_the_next(before, label, found):
                # "64% of stalking reports were recorded correctly. | Inspectors said this was
                # far too low": the sentence before is the finding, with the verdict's polarity
                previous_label, before = label, candidate
                continue
            previous_label, before = label, candidate
            if elaborates and label != NOT_FINDING:
                continue  # "... waited too long. | Some had waited a year.": the finding's figures
            if label == NOT_FINDING or candidate.tokens[-1].text == ":" or candidate.heading is not None:
                continue  # an introduction or a section heading is judged for its list's sake
            if candidate.intro is None and _off_topic(candidate):
                continue  # "Now sport, and ...", "Apologies were received from ..."
            if candidate.intro is None and _a_label_line(candidate):
                continue  # "Contact officer: Claire Smith, Senior Scrutiny Officer"
            if candidate.intro is None and _imperative(candidate):
                continue  # "If they want every crime recorded, give us the officers": a demand
            reported = (label == IMPROVEMENT or contrasted) and (
                self.page == attribution.NEWS_PAGE or _told_as_a_clause(candidate.tokens)
            )
            said_in = self.voices.get(candidate.sent.start)
            if not joined and _doubtful_remark(candidate, said_in, reported, self.doc):
                continue
            if lead_in:
                # "Callers to the non-emergency line fared worse still. | Roughly one in five
                # gave up.": a lead-in and the sentence that says it, one finding
                following = [k for k, c in enumerate(self.candidates) if c.sent.start == candidate.sent.end]
                told.update(following)
                tokens = [
                    *segment.trim(candidate.tokens),
                    *(t for k in following for t in self.candidates[k].tokens),
                ]
                found.append(_finding(label, tokens, candidate.sent))
                continue
            phrases = segment.items(segment.trim(candidate.tokens[candidate.opening :]))
            minimum = 1 if len(phrases) > 1 or candidate.intro else 2
            for phrase in phrases:
                if len(phrases) > 1 and attribution.describes_method(phrase):
                    continue  # "Inspectors reviewed 250 files | and found nearly all sound"
                if attribution.counts_findings(phrase):
                    continue  # "The report identifies one cause of concern | : A"
                if specific([*_shared_subject(phrase), *phrase], minimum):
                    listed = candidate.intro.tokens[0].idx if candidate.intro is not None else -1
                    found.append(_finding(label, phrase, candidate.sent, listed))
        found.sort(key=lambda f: f.start)
        segment.forget_trims(self.doc)
        return merge(found, topic), grades.unique(self.graded)


#: The least probability the classifier must give a finding stated in the inspection's
#: voice outside the narration (an inspector quoted or reported). Inspectors' words in
#: the news sum up and editorialise ("I am encouraged by the force's commitment to ...",
#: "people are entitled to expect ..."): on the two development sets 65 of the 110
#: findings taken from them were not in the gold (restatements and remarks), against
#: 69 of 243 in the narration. Requiring 0.8 removed 14 of those 65 and 4 true findings.
INSPECTOR_VOICE_MIN_SCORE = 0.8


@cache
def _domain_stems() -> tuple[str, ...]:
    data = resources.load("cues")["policing_domain"]
    return tuple(w for group, words in data.items() if not group.startswith("_") for w in words)


def _off_topic(candidate: _Candidate) -> bool:
    """Is the clause's paragraph about something other than policing or an inspection: not
    one word of it begins with a word of `policing_domain` (data/cues.json), and its subject
    is its own, not a pronoun that points back ("It was slow.")? A bulletin's sport or
    weather and a meeting's apologies are no findings, whatever the classifier makes of
    their words."""
    pointing = ("PRP", "DT")  # "It was slow.", "These were dirty." (not "who", "which")
    if any(t.tag_ in pointing and t.dep_ in ("nsubj", "nsubjpass", "expl") for t in candidate.tokens):
        return False
    text, start, end = _line_of(candidate.sent)
    known = candidate.sent.doc.user_data.setdefault(_ON_TOPIC, {})
    if start not in known:  # once per paragraph: a paragraph may be a whole article on one line
        stems = _domain_stems()
        known[start] = any(
            word.startswith(stems) for word in re.findall(r"[a-z0-9]+", text[start:end].lower())
        )
    return not known[start]


#: `Doc.user_data` key: whether each paragraph (by its first character's offset) has a word
#: of policing or of an inspection.
_ON_TOPIC = "inspectx_on_topic"


def _same_thing(candidate: _Candidate, before: _Candidate | None, topic: frozenset[str]) -> bool:
    """Does the clause tell of what the clause before it told of: in the same sentence ("X,
    and in almost half of the files ..."), or with a content word in common outside the
    article's topic ("Victims are not always referred to support. | In a quarter of the
    files, there was no record of a referral")?"""
    if before is None:
        return False
    shared = bool((content_keys(candidate.tokens) & content_keys(before.tokens)) - topic)
    if before.sent.start == candidate.sent.start:
        # "..., and in many cases | they waited a year": a subject pointing back, or a word in
        # common; "..., and in many cases | no forensic samples were taken" is a finding of its own
        subjects = [t for t in candidate.tokens if t.dep_ in ("nsubj", "nsubjpass", "expl")]
        if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
            # "..., and in some cases | the force closed investigations ...": a subject of its
            # own, not one the clause before told of, is a finding of its own
            return stem(subjects[0].lower_) in content_keys(before.tokens) - topic
        return shared or not subjects or subjects[0].pos_ == "PRON"
    return shared


#: The least probability of a verdict on the sentence before ("Inspectors said this was far
#: too low") for it to set that sentence's polarity.
VERDICT_MIN_SCORE = 0.8


def _plain(candidate: _Candidate) -> bool:
    """Is the candidate a clause of the story's prose (not a list's introduction or item,
    nor a heading)?"""
    return candidate.intro is None and candidate.heading is None and candidate.tokens[-1].text != ":"


def _sentence_before(before: _Candidate, candidate: _Candidate) -> bool:
    """Is `before` in the sentence right before the candidate's, with only spaces between?"""
    doc = candidate.sent.doc
    return before.sent.end <= candidate.sent.start and all(
        t.is_space for t in doc[before.sent.end : candidate.sent.start]
    )


def _gives_figures(candidate: _Candidate, label: str, previous: str) -> bool:
    """Does a clause whose subject is a bare quantity (`segment.partitive`: "Some had
    waited over a year") give the figures of the finding before it? When it is no finding
    or one of the same polarity; or, after a finding, whichever way the classifier reads
    it, unless it sets itself against the finding ("However, some ...", "but a few ...",
    "some were still ..."): alone, the classifier reads the figures' verb ("waited", "were
    kept") without the finding it counts."""
    if label in (NOT_FINDING, previous):
        return True
    if _after_a_concession(candidate):
        return False  # "Although A, | too many of them were B": the main clause set against A
    # "Some were still waiting ...": what has not changed sets itself against it too
    return previous != NOT_FINDING and not any(t.lower_ in CONTRASTS | EXCEPTIONS for t in candidate.tokens)


def _after_a_concession(candidate: _Candidate) -> bool:
    """Is the clause the main clause of a sentence that opens with a concession ("Although
    inspectors found that A, | it said too many of them ...", "While A, | B")?"""
    first = next((t for t in candidate.sent if not (t.is_space or t.is_punct)), None)
    return first is not None and first.lower_ in _CONCESSIVE and candidate.tokens[0].i > first.i


#: Subordinators of a concession, which sets the main clause against its own.
_CONCESSIVE = frozenset({"although", "though", "while", "whilst"})


def _told_as_a_clause(tokens: list[Token]) -> bool:
    """Is what the clause reports a clause of its own ("says | the force has got better at
    X"), not an object ("recognises | the hard work of our officers")?"""
    reporting = attribution.reporting_verbs()
    return any(t.dep_ == "ccomp" and t.head.lower_ in reporting for t in tokens)


def _second_complement(token: Token) -> bool:
    """Is the token the verb of a "that" clause coordinated with an earlier one ("concerned
    that A | and that B")?"""
    return token.dep_ == "conj" and token.head.dep_ == "ccomp" and attribution.marked_that(token)


def _doubtful_remark(
    candidate: _Candidate, said_in: str | None, reported_improvement: bool, doc: Doc
) -> bool:
    """An inspector's own clause (`said_in`: the sentence's voice) the classifier is not
    sure is a finding (see INSPECTOR_VOICE_MIN_SCORE), unless it reports a measure (see
    `measures`), or it is an improvement told in reported speech rather than quotes
    (`reported_improvement`: on a news page, or as the clause a reporting verb reports: "a
    report published this morning says | the force has got better at protecting children"),
    a summing-up the report makes, not an inspector's editorial (so read, improvements F1
    rose on six of thirteen evaluation sets and fell 0.003 on one, while concerns so read
    fell on three; a force's "the report recognises the hard work of our officers" is its
    reaction). List items are judged with their introduction instead."""
    judgement = candidate.judgement
    assert judgement is not None
    if said_in != "inspection" or candidate.intro is not None or judgement.score >= INSPECTOR_VOICE_MIN_SCORE:
        return False
    quoted = (
        voice.in_quote(candidate.sent.start_char, candidate.sent.end_char, doc._.quotes or []) is not None
    )
    if reported_improvement and not quoted:
        return False
    # a measure's figures ("answered 71 per cent of calls, against a target of 90 per cent")
    # are no editorial, however unsure the classifier is that they are a finding
    return measures.polarity(candidate.tokens) is None


def _label(candidate: _Candidate) -> str:
    judgement = candidate.judgement
    assert judgement is not None
    if candidate.section is not None and judgement.label == NOT_FINDING:
        # "What do we need to improve? | We do not always carry out ...": the heading says it
        # is what the inspection found, and which way it went
        return candidate.section
    intro = candidate.intro.judgement if candidate.intro is not None else None
    mood = segment.list_mood(candidate.intro.tokens) if candidate.intro is not None else None
    if mood is not None and segment.opens_with_a_verb(candidate.tokens):
        if mood in ("plan", "recommendation"):
            # "we will: | introduce a new risk tool": a plan; "its recommendations are: |
            # review the use of force": what the report asks for, not what it found
            return NOT_FINDING
        if mood == "demand":
            return CONCERN  # "the force should: | make better use of intelligence"
    if mood == "decision":
        return NOT_FINDING  # minutes' "RESOLVED - That: | the report be noted": what a meeting decided
    if mood == "done" and segment.opens_with_a_participle(candidate.tokens):
        return NOT_FINDING  # "the force has: | set up a working group": its own account
    if candidate.intro is not None and (
        _summing_up(candidate.intro.tokens) or _findings_named(candidate.intro.tokens)
    ):
        # "In short: | a new course for detectives began in May": the introduction only says
        # a summary follows (the classifier reads "In short" as a concern at 0.95)
        return judgement.label
    if intro is not None and candidate.intro is not None and _neutral_intro(candidate.intro.tokens):
        # "Inspectors found: | a lack of support for victims": the introduction does not
        # say which way its items go, so even a noun phrase is read with its own words; a
        # clause read as no finding ("| the custody suite has 24 cells") stays none, where
        # the introduction's guess would make it one
        if judgement.label == NOT_FINDING and segment.predicates(candidate.tokens):
            return NOT_FINDING
        return _in_context(judgement, intro)
    if intro is not None and intro.label != NOT_FINDING:
        if not segment.predicates(candidate.tokens):
            # a noun phrase completes its introduction's sentence ("areas to improve
            # include: | clear plans for X"): the introduction says which way it goes
            return max((IMPROVEMENT, CONCERN), key=intro.scores.get)
        return _in_context(judgement, intro)
    return judgement.label


#: Connectives that open a sentence contrasting it with the one before.
_CONTRASTIVE = frozenset({"but", "however", "yet", "nevertheless", "nonetheless"})
#: The probability below which a contrasted clause's reading with the polarity of the
#: finding before it gives way to the contrast (see `_contrasted`).
CONTRAST_MAX_SCORE = 0.9


def _contrasted(candidate: _Candidate) -> bool:
    """Is the candidate in a sentence that opens with a contrast ("But the average wait was
    nearly 14 minutes", "However, ...") and read, less surely than CONTRAST_MAX_SCORE, as
    having the polarity of the finding before it? The contrast says its polarity is the
    other: the classifier reads a figure or a plain description after praise as more
    praise (0.52 for the first, with 0.43 for no finding)."""
    judgement = candidate.judgement
    assert judgement is not None
    if judgement.score >= CONTRAST_MAX_SCORE:
        return False
    opener = next((t for t in candidate.sent if t.is_alpha), None)
    return opener is not None and opener.lower_ in _CONTRASTIVE


def _joined_to(candidate: _Candidate, before: _Candidate) -> bool:
    """Is the candidate a clause joined by "and" to the clause before it in its sentence,
    a finding read surely (at INSPECTOR_VOICE_MIN_SCORE or more)? Then an inspector's
    words in it are no doubtful remark (see `_doubtful_remark`), however unsure its own
    reading: clauses joined by "and" say things of a kind ("Officers treat the public with
    respect, | and the force uses its powers fairly"), and the classifier reads the second
    without the first. Not a remark on the first ("..., and that deserves recognition"),
    nor what is asked of the force ("..., and it now needs to ...")."""
    first = before.judgement
    assert first is not None
    if before.sent.start != candidate.sent.start or candidate.intro:
        return False
    if first.score < INSPECTOR_VOICE_MIN_SCORE:
        return False
    opener = next((t for t in candidate.tokens if not t.is_punct), None)
    if opener is None or opener.lower_ != "and" or opener.dep_ != "cc":
        return False
    subject = next((t for t in candidate.tokens if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and (
        subject.lower_ in _DEMONSTRATIVES or any(c.lower_ in _DEMONSTRATIVES for c in subject.children)
    ):
        return False
    return not segment.demanded(candidate.tokens)


_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


def _conjunct_of(candidate: _Candidate, before: _Candidate) -> bool:
    """Is the candidate a "that" clause coordinated with the clause `before` in the same
    sentence, opening with its conjunction ("These include making sure A | and that B")?"""
    if before.sent.start != candidate.sent.start or candidate.intro:
        return False
    opener = next((t for t in candidate.tokens if not t.is_punct), None)
    if opener is None or opener.dep_ != "cc":
        return False
    inside = {t.i for t in before.tokens}
    conjuncts = (t for t in candidate.tokens if t.dep_ == "conj" and t.head.i in inside)
    return any(attribution.marked_that(t) for t in conjuncts)


#: Verbs that introduce what an inspection found without judging it ("Inspectors found:").
_NEUTRAL_REPORTING = (
    "find",
    "say",
    "note",
    "conclude",
    "identify",
    "report",
    "observe",
    "state",
    "add",
    "reveal",
    "show",
)


def _summing_up(tokens: list[Token]) -> bool:
    """Is a list's introduction only a marker that a summary, or the details of what went
    before, follow ("In summary:", "Key points:", "In particular:": `summing_up_markers` in
    data/cues.json)? It says nothing of which way its items go (the classifier read "In
    particular:" as a concern at 0.98, under a sentence of progress)."""
    words = " ".join(t.lower_ for t in tokens if not t.is_punct)
    return words in resources.load("cues")["summing_up_markers"]


def _neutral_intro(tokens: list[Token]) -> bool:
    """Is a list's introduction only its source and a neutral verb of reporting ("Inspectors
    found:", "The report also noted that:", "HMICFRS identified:")? It says nothing of
    which way its items go (the classifier guesses: 0.66 improvement for the first), so
    each item is read on its own."""
    words = [t for t in tokens if not t.is_punct]
    inside = {w.i for w in words}
    roots = [t for t in words if t.head == t or t.head.i not in inside]
    if len(roots) != 1 or roots[0].lower_ not in resources.inflections(_NEUTRAL_REPORTING):
        return False
    root = roots[0]
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or not (
        attribution.names_the_inspection(subjects[0]) or subjects[0].lower_ in ("it", "they", "we")
    ):
        return False
    source = {t.i for t in subjects[0].subtree}
    # "Inspectors found that the force:": the items' own subject may close the introduction
    subject = _force_words(words[-1]) if words[-1].i > root.i else set()
    if subject and words[-1].doc[min(subject) - 1].lower_ == "that":
        subject.add(min(subject) - 1)  # however parsed ("that" is sometimes read as an object)
    allowed = source | subject | {root.i}
    return all(t.i in allowed or t.dep_ in ("aux", "advmod", "mark") for t in words)


def _force_words(last: Token) -> set[int]:
    """The indices of the force named by a phrase that ends at `last` ("the force", "Kent
    Police", "the constabulary"), with its determiner; empty when `last` ends no such name."""
    named = gazetteer.token_indices(last.doc, "FORCE")
    if last.i in named:
        start = last.i
        while start - 1 in named:
            start -= 1
    elif last.lower_ in attribution.FORCE_NOUNS:
        start = last.i
    else:
        return set()
    if start > 0 and last.doc[start - 1].lower_ in ("the", "this", "that"):
        start -= 1
    return set(range(start, last.i + 1))


#: Nouns that name what a report found without saying which way it went.
_FINDING_NOUNS = frozenset(
    {"finding", "findings", "conclusion", "conclusions", "observation", "observations", "point", "points"}
)
#: Words an introduction may name those nouns with and still say nothing of which way.
_FINDINGS_FRAME = frozenset(
    {
        *("among", "of", "in", "include", "includes", "included", "are", "were", "is", "was"),
        *("the", "its", "their", "his", "her", "our", "these", "those", "some", "'s", "'"),
        *("main", "key", "other", "further", "principal", "latest", "full"),
        *("made", "make", "makes", "set", "out"),  # "Among the points the inspectors made:"
    }
)


def _findings_named(tokens: list[Token]) -> bool:
    """Is a list's introduction only the report's findings named ("Among the inspectors'
    findings:", "The report's main findings were:", "Its conclusions include:", "Among the
    points the inspectors made:")? It says
    nothing of which way its items go, but the classifier reads "findings" as a concern
    (0.94 for the first, 0.99 for "The inspectors' findings included:"), which turned
    every item of such a list into one: each item is read in its own words."""
    words = [t for t in tokens if not t.is_punct]
    return any(t.lower_ in _FINDING_NOUNS for t in words) and all(
        t.lower_ in _FINDING_NOUNS or t.lower_ in _FINDINGS_FRAME or attribution.names_the_inspection(t)
        for t in words
    )


def _in_context(own: Judgement, context: Judgement) -> str:
    """The polarity of a list item read after `context`, its list's introduction: the
    introduction's when the item alone is no finding ("better use of intelligence" under
    "areas for improvement:"); else the stronger of the two added together, so one
    misread introduction does not flip a whole list."""
    if own.label == NOT_FINDING:
        return max((IMPROVEMENT, CONCERN), key=context.scores.get)
    # added with equal weight: when both are sure and disagree, the item's own reading is
    # (just) the stronger, as an item that states something of its own should keep it
    return max((IMPROVEMENT, CONCERN), key=lambda label: own.scores[label] + context.scores[label])


def _after(own: Judgement, previous: Judgement) -> str:
    """The polarity of an anaphoric clause ("These include X") read after `previous`."""
    if previous.label != NOT_FINDING or own.label == NOT_FINDING:
        return max((IMPROVEMENT, CONCERN), key=previous.scores.get)
    return own.label


#: Words that open a clause turning against the one before ("..., but B", "..., though B");
#: not "while", as often of time as of contrast ("kept in cells while they waited").
_TURNS = frozenset({"but", "however", "yet", "although", "though", "whereas"})


def _turned_parts(body: list[Token]) -> list[list[Token]]:
    """A list item's body cut where a clause turns against the one before ("waits have
    come down, | but too many callers still hang up"), each part read on its own; the whole
    body when nothing turns (an item's coordinated phrases share one reading)."""
    parts = segment.clauses(body)
    turned = any(
        part
        and (first := next((t for t in part if not t.is_punct), None)) is not None
        and first.lower_ in _TURNS
        for part in parts[1:]
    )
    return [part for part in parts if part] if turned else [body]


def _attribution_only(clause: list[Token], following: list[Token]) -> bool:
    """Is the clause only the attribution of the next one, cut from it at an aside ("The
    report also says, in its plainest words, | that X")? Its reporting verb's complement is
    the next clause, and it has no object or complement of its own."""
    mark = next((t for t in following if not t.is_punct), None)
    if mark is None or mark.lower_ != "that" or mark.dep_ != "mark":
        return False
    verb = mark.head.head
    inside = {t.i for t in clause}
    if verb.i not in inside or verb.lower_ not in attribution.reporting_verbs():
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "attr", "acomp") and c.i in inside for c in verb.children)


def _dates_only_what_was_left_out(
    earlier: list[tuple[int, int]], whole: list[Token], clause: list[Token]
) -> bool:
    """Are all the earlier dates of the sentence in words `segment.without_earlier` took out
    of the clause ("rated good at X – an improvement on its last inspection in 2022")?"""
    kept = {t.idx for t in clause}
    left_out = [t for t in whole if t.idx not in kept]
    return bool(left_out) and all(any(t.idx <= a < t.idx + len(t.text) for t in left_out) for a, _ in earlier)


def _tells_of(clause: list[Token], earlier: list[tuple[int, int]], sentence: list[Token]) -> bool:
    """Does the clause tell of the earlier inspection whose dates (character spans) are in its
    sentence? Yes, unless it is a later clause without one that speaks in the present ("It
    was criticised in our 2023 inspection, | and the report says we now ..."); a later clause
    in the past still tells of then ("assessed the force in 2018 and found that, | while
    ...")."""
    start, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
    if any(start <= a < end for a, _ in earlier) or clause[0].i == sentence[0].i:
        return True
    present = any(
        t.lower_ in ("now", "since")
        or t.tag_ in ("VBZ", "VBP")
        and t.dep_ in ("ROOT", "conj", "ccomp")
        and not grades.grade_word(t)
        for t in clause
    )
    return not present


def _graded(
    doc: Doc, clause: list[Token], sent: Span, found: list[FindingSpan], graded: list[GradeSpan]
) -> bool:
    """Add the clause's graded judgements (and their findings); False when it grades nothing.
    A bracketed aside with a year is an earlier grade ("Investigating crime: Good (2023:
    Inadequate)"), not this inspection's."""
    items = grades.grades_in(doc, _without_dated_asides(clause))
    for polarity, text, start, end, grade in items:
        graded.append(dataclasses.replace(grade, force=_force_named(sent, start)))
        if polarity:
            words = re.findall(r"[a-z]+", text.lower())
            keys = frozenset(stem(w) for w in words if w not in STOP_WORDS and w not in vocabulary().generic)
            sentence = _sentence_text(sent, clause)
            found.append(FindingSpan(polarity, text, start, end, sentence, keys, graded=True))
    return bool(items)


def _force_named(sent: Span, start: int) -> str | None:
    """The force a grade at character `start` is given to, as its sentence names it: the
    last force named before the grade ("Suffolk was rated good ..., and Norfolk was rated
    inadequate ..."), else the first after it; in an article about several forces none of
    which leads, else the last force the sentence before names; None otherwise."""
    doc = sent.doc
    spans = gazetteer.spans(doc, "FORCE", "PLACE")
    named = [s for s in spans if sent.start <= s.start < sent.end]
    before = [s for s in named if s.start_char < start]
    if not before and named and _graded_subject_is_the_force(sent, start):
        # "The force was rated inadequate at X, the same grade given to Y Constabulary": the
        # force the article is about, not the one compared after the grade
        return None
    chosen = before[-1] if before else next(iter(named), None)
    if chosen is None and sent.start > 0:
        ranking = gazetteer.rank_forces(doc)
        if ranking is not None and ranking.leader is None:
            # a round-up of several forces: "Norfolk Constabulary fared worst. | The force was
            # graded inadequate at X" is the force the sentence before names last
            previous = gazetteer.sentence_of(doc, sent.start - 1)
            told = [s for s in spans if s.label_ == "FORCE" and previous.start <= s.start < previous.end]
            chosen = told[-1] if told else None
    return chosen.id_ if chosen is not None else None


def _without_dated_asides(clause: list[Token]) -> list[Token]:
    """The clause without its bracketed asides that hold a year ("(2023: Inadequate)",
    "(inadequate in 2021)")."""
    out: list[Token] = []
    aside: list[Token] | None = None
    for token in clause:
        if token.text == "(" and aside is None:
            aside = [token]
        elif aside is not None:
            aside.append(token)
            if token.text == ")":
                if not any(is_year(t) for t in aside):
                    out.extend(aside)
                aside = None
        else:
            out.append(token)
    return out + (aside or [])


def _graded_subject_is_the_force(sent: Span, start: int) -> bool:
    """Is a force noun, with no force's name ("the force", "the constabulary"), the subject
    of a verb before the grade at character `start` in `sent`?"""
    return any(
        t.idx < start
        and t.dep_ in ("nsubj", "nsubjpass")
        and t.lower_ in attribution.FORCE_NOUNS
        and not any(c.dep_ in ("compound", "amod", "poss") for c in t.children)
        for t in sent
    )


def _shared_subject(phrase: list[Token]) -> list[Token]:
    """The subject a coordinated predicate shares with the one before it, when the phrase is
    that predicate alone ("the custody suite was clean | but did not have enough staff":
    "the custody suite"), for judging whether the phrase names an area; else nothing."""
    roots = clause_roots(phrase)
    if len(roots) != 1:
        return []
    verb = roots[0]
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return []
    inside = {t.i for t in phrase}
    subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    return [t for t in subject.subtree if t.i not in inside]


def _finding(polarity: str, tokens: list[Token], sent: Span, listed: int = -1) -> FindingSpan:
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = gazetteer.text_of(doc)[start:end]
    after = tokens[-1].i + 1
    if after < len(doc) and _quote_left_open(text, doc[after].text):
        end = doc[after].idx + len(doc[after].text)  # 'the force "could do better"', not '... better'
        text = gazetteer.text_of(doc)[start:end]
    quoted = voice.in_quote(start, end, doc._.quotes or []) is not None
    sentence = _sentence_text(sent, tokens)
    subject = next((t for t in tokens if t.dep_ in ("nsubj", "nsubjpass")), None)
    return FindingSpan(
        polarity,
        text,
        start,
        end,
        sentence,
        content_keys(tokens),
        quoted=quoted,
        subject=stem(subject.lower_) if subject is not None else None,
        bare=not any(_says_something(t) for t in tokens),
        listed=listed,
        named=frozenset(
            stem(t.lower_)
            for t in tokens
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "nmod", "amod", "poss")
        ),
    )


#: Nouns of a judgement whose object only names the area it is about ("raised concerns about X").
_JUDGEMENT_NOUNS = frozenset({"concern", "concerns", "worries", "praise", "questions"})


def _says_something(token: Token) -> bool:
    """Is the token a finite verb that says something of the area: not a judging verb
    ("praised X", "criticised X") nor one that voices a judgement ("raised concerns about
    X"), whose object only names it?"""
    if token.tag_ not in FINITE_TAGS or token.lower_ in segment.judging_verbs():
        return False
    return not any(c.dep_ == "dobj" and c.lower_ in _JUDGEMENT_NOUNS for c in token.children)


def _sentence_text(sent: Span, tokens: list[Token]) -> str:
    """The text of the finding's sentence: `sent`, or from there to the end of the tokens'
    sentence when `sent` is only a bullet mark the sentence splitter set apart ("•")."""
    if any(c.isalnum() for c in sent.text) or not tokens:
        return sent.text.strip()
    return sent.doc[sent.start : max(sent.end, tokens[-1].sent.end)].text.strip()


#: A straight single mark that opens a quotation ("judged 'inadequate") or closes one.
_SINGLE_OPENING = re.compile(r"(?:^|(?<=[\s(\[]))'(?=\w)")
_SINGLE_CLOSING = re.compile(r"(?<=[\w.,!?])'(?=[\s.,;:!?)\]]|$)")
#: Closing quotation marks and the marks that open them.
_OPENING_OF = {"\u201d": "\u201c", "\u2019": "\u2018"}


def _quote_left_open(text: str, following: str) -> bool:
    """Does `text` open a quotation that `following` (the next token) closes?"""
    if following == '"':
        return text.count('"') % 2 == 1
    if following == "'":  # straight single marks: an opening one starts a word, an apostrophe does not
        return len(_SINGLE_OPENING.findall(text)) > len(_SINGLE_CLOSING.findall(text))
    opening = _OPENING_OF.get(following)
    return opening is not None and text.count(opening) > text.count(following)


def _as_read(tokens: list[Token], voice: str | None) -> list[Token]:
    """A clause as the classifier reads it: without its speech tail when an inspector (or an
    unnamed speaker) says it ("..., the inspector said"), which would read as someone's
    reaction, or when the tail gives the inspection as its source ("..., according to a
    report by inspectors", "..., HMICFRS has found"); an opening "Inspectors found that"
    stays, as it tells the classifier a finding follows. Others' tails stay: they tell it
    the clause is an opinion."""
    trimmed = segment.trim(tokens)
    if not trimmed:
        return tokens
    if trimmed[0].i != tokens[0].i:
        read = _from_a_relative_finding(tokens, trimmed[0].i)
        return _without_source_aside(_without_method(read, trimmed[0].i), trimmed[0].i)
    tail = [t for t in tokens if t.i > trimmed[-1].i]
    if _judging_comment(tail):
        return tokens  # "X, which inspectors described as impressive": the judgement of X
    if voice in ("inspection", "unknown"):
        return trimmed
    return trimmed if any(attribution.names_the_inspection(t) for t in tail) else tokens


def _judging_comment(tail: list[Token]) -> bool:
    """Is the tail a relative clause in which the inspection judges what went before
    ("..., which inspectors described as impressive", "..., which the report called
    'a serious failing'")? Cut from the finding's words as its attribution, it is still
    the judgement the classifier needs: the clause before it may only say what exists."""
    words = [t for t in tail if not (t.is_punct or t.is_quote)]
    return bool(words) and bool(inspection_description(words[0]))


def _opening_of(tokens: list[Token]) -> list[Token]:
    """The attribution a clause opens with, up to what it reports ("Inspectors found that",
    "The report said"); empty when it has none."""
    trimmed = segment.trim(tokens)
    if not trimmed or trimmed[0].i == tokens[0].i:
        return []
    opening = [t for t in tokens if t.i < trimmed[0].i]
    return opening if any(t.pos_ in ("VERB", "AUX") for t in opening) else []


#: What may come before a later clause's words without being an attribution of its own
#: (", and that ...", "; but ...", ", however, ...").
_JOINING_DEPS = frozenset({"cc", "mark", "advmod", "punct"})


#: Subjects of a later clause that is not what the opening reports: what the sentence
#: said before ("..., and that matters"), and the speaker's own voice ("..., and we saw it").
_NOT_REPORTED_SUBJECTS = frozenset({"that", "this", "which", "who", "we", "i"})


def _framed(opening: list[Token], tokens: list[Token]) -> list[Token] | None:
    """A later clause of a sentence read under the sentence's opening, when its predicate
    is reported by the opening's verb: "Inspectors found the force answers calls quickly,
    and | victims get regular updates" is read "Inspectors found victims get regular
    updates". The classifier learnt findings as they are told, with whoever tells them; a
    bare clause reads as background. None when the sentence has no opening, the clause has
    an attribution of its own ("and inspectors warned that ..."), or its predicate is not
    under the opening's verb ("..., but the force said ...")."""
    if not opening:
        return None
    trimmed = segment.trim(tokens)
    if not trimmed or any(t.i < trimmed[0].i and t.dep_ not in _JOINING_DEPS for t in tokens):
        return None
    roots = clause_roots(trimmed)
    predicate = next((t for t in roots if t.pos_ in ("VERB", "AUX")), roots[0] if roots else None)
    if predicate is None or sum(t.is_alpha for t in trimmed) < 3:
        return None
    subjects = [c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects or subjects[0].lower_ in _NOT_REPORTED_SUBJECTS:
        return None  # "..., and needed to ...": the first clause's subject; "and that matters"
    reporting = {t.i for t in opening}
    step = predicate
    while step.head.i != step.i and step.head.i not in reporting:
        step = step.head
    if step.head.i not in reporting or step.head.i == step.i:
        return None
    if step.dep_ == "conj" and not any(c.dep_ == "ccomp" for c in step.head.children):
        return None  # "..., but the force said ...": only a verb that reported a clause reports on
    told = [t for t in tokens if t.i >= trimmed[0].i]
    return [*_bare_opening(opening), *_between(opening, predicate), *told]


def _between(opening: list[Token], predicate: Token) -> list[Token]:
    """The words between the opening and the first of the clauses the predicate is
    coordinated with, when they ask for something ("The report says | we need to make sure
    | that A, and that B": B is read "The report says we need to make sure that B", not
    "The report says that B"); none otherwise."""
    first = predicate
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.i == predicate.i:
        return []
    doc = predicate.doc
    words = [t for t in doc[opening[-1].i + 1 : first.left_edge.i] if not t.is_space]
    asking = any(t.lower_ in segment.DEMANDS or t.lower_ in ("ensure", "sure") for t in words)
    return words if asking and len(words) <= 8 else []


def _judged_by_participle(tokens: list[Token]) -> list[Token] | None:
    """A clause that opens with a judging participle read with the inspection that judges
    ("The report paints a mixed picture, praising X | but criticising Y" read as "The
    report criticising Y"): the classifier reads a bare participle phrase as background
    (0.78 no finding); None for any other clause."""
    first = next((t for t in tokens if t.dep_ not in ("cc", "punct")), None)
    subject = segment.judge_of(first) if first is not None else None
    if first is None or subject is None:
        return None
    return [*_bare_opening(list(subject.subtree)), *(t for t in tokens if t.i >= first.i)]


#: Dependents an opening is read without: asides and adjuncts ("Now, a report published
#: this morning says" read as "a report says").
_ASIDE_DEPS = frozenset({"advmod", "npadvmod", "acl", "relcl", "appos", "punct", "parataxis", "advcl"})


def _bare_opening(opening: list[Token]) -> list[Token]:
    """The opening without its asides and adjuncts: who tells, and the telling verb."""
    inside = {t.i for t in opening}
    kept = []
    for t in opening:
        step = t
        while step.head.i in inside and step.head.i != step.i and step.dep_ not in _ASIDE_DEPS:
            step = step.head
        if step.dep_ not in _ASIDE_DEPS or step.head.i not in inside:
            kept.append(t)
    return kept or opening


#: Relative pronouns that stand for the noun a relative clause hangs on.
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})


def _from_a_relative_finding(tokens: list[Token], opening_end: int) -> list[Token]:
    """The clause from the relative clause in its opening whose verb reports the finding
    ("The latest report sets out the results of a follow-up visit, at which | the
    inspectors found that X" read as "the inspectors found that X"; "... a report which |
    found that X" from its verb): what the lead-in says of the report is no finding, and
    read with it the classifier took the finding for something else."""
    reporting = attribution.reporting_verbs()
    for t in tokens:
        if t.i >= opening_end:
            break
        if t.lower_ not in reporting or not (t.dep_ == "relcl" or _relative_misparsed(t)):
            continue
        subjects = [c for c in t.children if c.dep_ == "nsubj" and c.lower_ not in _RELATIVE_PRONOUNS]
        start = min((w.i for w in subjects[0].subtree), default=t.i) if subjects else t.i
        return [w for w in tokens if w.i >= start]
    return tokens


def _relative_misparsed(verb: Token) -> bool:
    """Is the verb a relative clause's that the parser hung on the main verb as an adverbial
    clause (", during which | inspectors concluded that ...")? Its preposition's object is a
    relative pronoun."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in _RELATIVE_PRONOUNS for g in c.children)
        for c in verb.children
    )


def _without_method(tokens: list[Token], opening_end: int) -> list[Token]:
    """The clause without what the inspectors did before what they found, in its opening
    ("Inspectors visited the force in May and found that X" read as "Inspectors found that
    X"): the classifier reads a visit as no finding."""
    for t in tokens:
        if t.i >= opening_end:
            break
        first = attribution.after_method(t)
        if first is None:
            continue
        subject = {w.i for c in first.children if c.dep_ == "nsubj" for w in c.subtree}
        return [w for w in tokens if w.i in subject or w.i >= t.i]
    return tokens


def _without_source_aside(tokens: list[Token], opening_end: int) -> list[Token]:
    """The clause without an aside between commas on the source in its opening ("The
    report, published on Tuesday, said ...", "Its report, which was published today,
    praised ..."): the classifier reads news of publication as no finding, and the aside
    says nothing of what the clause finds."""
    for t in tokens:
        if t.i >= opening_end:
            break
        if t.dep_ not in ("acl", "relcl", "appos") or not attribution.names_the_inspection(t.head):
            continue
        aside = list(t.subtree)
        before, after = aside[0].i - 1, aside[-1].i + 1
        doc = t.doc
        if before < 0 or after >= len(doc) or doc[before].text != "," or doc[after].text != ",":
            continue
        dropped = {w.i for w in aside} | {after}
        return [w for w in tokens if w.i not in dropped and w.i != before]
    return tokens


def _span(tokens: list[Token]) -> Span | list[Token]:
    """The stretch of the Doc from the first of `tokens` to the last; `tokens` themselves
    when words were left out between them (an earlier assessment, see segment.without_earlier)."""
    stretch = tokens[0].doc[tokens[0].i : tokens[-1].i + 1]
    if sum(1 for t in stretch if not t.is_space) > len(tokens):
        return tokens
    return stretch


def _lines(doc: Doc) -> list[list[Span]]:
    """The sentences of the article grouped by the line they start on."""
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


def _section_polarity(tokens: list[Token]) -> str | None:
    """The polarity a report's section heading gives the list under it ("Areas for
    improvement", "Causes of concern": CONCERN; "Strengths", "What is working well":
    IMPROVEMENT; data/cues.json `section_headings`; a question or a heading put as a
    wh-clause, "Where we need to do better": see `_question_polarity`), or None for any
    other heading."""
    text = gazetteer.text_of(tokens[0].doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    words = re.findall(r"[a-z']+", text.lower().replace("\u2019", "'"))
    if tokens[-1].text == "?" and len(words) <= 12:
        return _question_polarity(words)
    if tokens[-1].text == ":":
        # a list's introduction, or a heading set with a colon ("What needs to improve:",
        # "Strengths:"): only a heading's own words make it one
        return _named_heading(words)
    if tokens[-1].text in (".", "!"):
        return None  # a sentence, not a heading
    if len(words) <= 8 and (asked := _question_polarity(words)) is not None:
        return asked  # a heading put as a wh-clause: "Where we need to do better", "What we do well"
    return _named_heading(words)


def _named_heading(words: list[str]) -> str | None:
    """The polarity of a heading that is one of data/cues.json `section_headings` (after a
    leading "Key", "Main", "The" ...), or None."""
    while len(words) > 1 and words[0] in ("key", "main", "the", "some", "other"):
        words = words[1:]  # "Key strengths", "Main concerns"
    heading = " ".join(words)
    headings = resources.load("cues")["section_headings"]
    for polarity in (IMPROVEMENT, CONCERN):
        if heading in headings[polarity]:
            return polarity
    return None


def _named_section(tokens: list[Token]) -> str | None:
    """The polarity of a list's introduction that names the kind of section its items are
    (data/cues.json `section_headings`) as what the inspection found: "Inspectors identified
    these areas for improvement:", "The report's key strengths were:"; None for any other
    introduction, and for one that says the force acted on them ("The force has addressed
    these areas for improvement:") or denies them."""
    if any(t.dep_ == "neg" for t in tokens):
        return None
    subjects = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass")]
    if not any(attribution.names_the_inspection(t) for t in subjects):
        return None
    words = " ".join(re.findall(r"[a-z']+", " ".join(t.lower_ for t in tokens)))
    headings = resources.load("cues")["section_headings"]
    found = {
        polarity
        for polarity in (IMPROVEMENT, CONCERN)
        for heading in headings[polarity]
        if re.search(rf"\b{re.escape(heading)}\b", words)
    }
    return found.pop() if len(found) == 1 else None


def _question_polarity(words: list[str]) -> str | None:
    """The polarity of a question heading that asks which way the inspection went ("What
    did the inspectors say we do well?": IMPROVEMENT; "Where do we need to improve?",
    "What is not working well?": CONCERN), from what is left of it without its question
    word, its auxiliaries, its reporting frame and who is asked about (data/cues.json
    `question_headings`); None for any other question ("What happens next?")."""
    cues = resources.load("cues")["question_headings"]
    if not words or words[0] not in cues["question_words"]:
        return None
    core = [w for w in words[1:] if w not in cues["frame_words"]]
    negated = any(w in ("not", "n't", "isn't", "aren't", "don't", "doesn't") for w in core)
    good = any(w in cues["improvement"] for w in core)
    bad = any(w in cues["concern"] for w in core)
    if good and not bad:
        return CONCERN if negated else IMPROVEMENT
    if bad and not good and not negated:
        return CONCERN
    return None


def _is_question_line(tokens: list[Token], sents: list[Span]) -> bool:
    """Is the line one question on its own, as a Q&A page's heading ("What happens next?")?"""
    return len(sents) == 1 and tokens[-1].text == "?" and sum(t.is_alpha for t in tokens) <= 12


#: Headings of the section that lists a report's recommendations.
_RECOMMENDATION_HEADINGS = frozenset(
    {"recommendations", "recommendation", "key recommendations", "our recommendations", "the recommendations"}
)


def _recommendations_heading(tokens: list[Token]) -> bool:
    """Is the line the heading of a report's recommendations ("Recommendations", "Key
    recommendations")? The sentences and items under it, to the next heading, ask the force
    for something ("2. The force should ensure that ..."): no findings."""
    words = " ".join(t.lower_ for t in tokens if t.is_alpha)
    return words in _RECOMMENDATION_HEADINGS


def _is_subheading(tokens: list[Token]) -> bool:
    words = [t for t in tokens if t.is_alpha]
    return len(words) <= 4 and tokens[-1].text not in (".", "!", "?", ":")


def _is_bullet(tokens: list[Token]) -> bool:
    return _marker_length(tokens) > 0


#: Letters and small Roman numerals that number a list's items ("(a)", "b)", "(iv)").
_ITEM_LETTERS = re.compile(r"[a-z]|[ivx]{1,4}")


def _marker_length(tokens: list[Token]) -> int:
    """How many tokens open the clause as a list item's marker: a bullet ("•", "-"), a
    number or letter with a point or a bracket ("1.", "2)", "(a)", "b)", "(iii)", "(4)"), or 0."""
    first = tokens[0]
    if first.text in vocabulary().bullets:
        return 1
    labelled = len(first.text) <= 2 and (first.like_num or _ITEM_LETTERS.fullmatch(first.text) is not None)
    if labelled and len(tokens) > 1 and (tokens[1].text == ")" or tokens[1].text == "." and first.like_num):
        return 2
    if first.text == "(" and len(tokens) > 2 and tokens[2].text == ")":
        inner = tokens[1].text
        if len(inner) <= 4 and (tokens[1].like_num or _ITEM_LETTERS.fullmatch(inner)):
            return 3
    return 0


_SECTION_NUMBER = re.compile(r"\d+(\.\d+)+\.?")


def _own_account_label(words: list[Token]) -> bool:
    """Does the sentence open with a short label in the speaker's own voice ("What we did:",
    "Our response:", "What we are doing about it:")? What follows it, to the next heading,
    is the speaker's account of their own work, not what the inspection found."""
    colon = next((n for n, t in enumerate(words[:7]) if t.text == ":"), None)
    if colon is None or colon == 0:
        return False
    label = words[:colon]
    own = any(t.lower_ in ("we", "our", "us") for t in label)
    return own and not any(attribution.names_the_inspection(t) for t in label)


#: A post's number in a thread ("4/7", "10/12").
_THREAD_COUNTER = re.compile(r"\d{1,2}/\d{1,2}")


def _label_length(words: list[Token]) -> int:
    """How many tokens open the sentence as a label, not as its words: a paper's section
    number before a capital ("6.7 The panel noted ..."), a Q&A's "Q:" / "A:" or a thread's
    post number ("4/7 Inspectors praised ...")."""
    if len(words) > 2 and _SECTION_NUMBER.fullmatch(words[0].text) and words[1].text[:1].isupper():
        return 1
    if len(words) > 3 and words[0].text in ("Q", "A") and words[1].text == ":":
        return 2
    if len(words) > 2 and _THREAD_COUNTER.fullmatch(words[0].text):
        return 1  # a thread's "4/7 Inspectors praised ...": the post's number
    return _speaker_label_length(words)


#: The most tokens a transcript's speaker label may have ("ALEX SMITH, HM Inspector of
#: Constabulary:").
_LABEL_MAX_TOKENS = 12


def _speaker_label_length(words: list[Token]) -> int:
    """How many tokens a transcript's speaker label takes at the start of the sentence: a
    person's name, with or without their title, or a role in capitals, then a colon and
    the words they say ("ALEX SMITH, HM Inspector of Constabulary: Officers are now ...",
    "PRESENTER: ..."); 0 when there is none. No verb stands in a label."""
    colon = next((n for n, t in enumerate(words[: _LABEL_MAX_TOKENS + 1]) if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 2 >= len(words) or not words[0].text[:1].isupper():
        return 0
    label = words[:colon]
    if any(t.pos_ in ("VERB", "AUX") or t.text in ('"', "\u201c", "'") for t in label):
        return 0
    named = any(
        start == t.i for person in words[0].doc._.people or [] for start, _ in person.mentions for t in label
    )
    shouted = all(t.is_punct or t.text.isupper() for t in label)
    return colon + 1 if named or shouted else 0


def _is_unmarked_item(tokens: list[Token], sents: list[Span]) -> bool:
    """A list item whose marker was lost (a saved page's `<li>`, a copied list): one short
    line that starts in lower case, without the full stop of a sentence ("better use of
    intelligence"). Capitalised short lines are as often headings or sign-offs."""
    return (
        tokens[0].text[:1].islower()
        and len(sents) == 1
        and len(tokens) <= _ITEM_MAX_TOKENS
        and tokens[-1].text not in (".", "!", "?", ":", '"', "\u201d")
    )


_ITEM_MAX_TOKENS = 25
#: A first line of this many sentences or more is not a headline but a whole story on one line.
_STORY_SENTENCES = 3


#: A line of this many words or more, ending like a sentence, is a paragraph of the story.
_PARAGRAPH_WORDS = 12


def _lead_lines(lines: list[list[Span]]) -> int:
    """How many lines open the article before its story does: the headline and the display
    lines under it (standfirst, kicker, byline, dateline), which sum up in a phrase what the
    story then states in full. The story starts at the first paragraph: a line of several
    sentences, or of `_PARAGRAPH_WORDS` words or more ending like a sentence. A standfirst
    written as a sentence with its full stop is read as story. The first line is always
    passed over unless it holds a story pasted as one line (several sentences) or is all
    there is: a news story's one-sentence first paragraph is its summary, which the story
    then unfolds."""
    if len(lines) == 1:
        return 0  # a one-line article: nothing after it unfolds what it says
    first = 0 if lines and _story_line(lines[0]) else min(1, len(lines))
    for number, sents in enumerate(lines):
        if _story_line(sents) or _paragraph(sents) or number and _opens_list(sents):
            return max(first, number)
        if number and all(_sentence_line(s) for s in lines[number : number + 2]) and number + 1 < len(lines):
            return number  # short paragraphs, one after another ("Inspectors found X." "Y said ...")
    return first


def _sentence_line(sents: list[Span]) -> bool:
    """Is the line one sentence or more that ends with a full stop and has a finite verb
    with its subject: a paragraph of the story, however short, not a display line?"""
    words = [t for sent in sents for t in sent if not t.is_space and not t.is_quote]
    if not words or words[-1].text not in (".", "!", "?"):
        return False
    finite = [t for t in words if t.tag_ in FINITE_TAGS]
    subjects = ("nsubj", "nsubjpass", "expl")
    return any(t.dep_ == "aux" or any(c.dep_ in subjects for c in t.children) for t in finite)


def _opens_list(sents: list[Span]) -> bool:
    """Does the line end with a colon, as a list's introduction does ("HMICFRS went back in
    May. It found that:")? Its list is the story's, not a display line's summary."""
    words = [t for t in sents[-1] if not t.is_space] if sents else []
    return bool(words) and words[-1].text == ":"


def _paragraph(sents: list[Span]) -> bool:
    words = [t for sent in sents for t in sent if not t.is_space]
    ends = [t for t in words if not t.is_quote]
    long_enough = sum(t.is_alpha for t in words) >= _PARAGRAPH_WORDS
    return bool(ends) and ends[-1].text in (".", "!", "?") and long_enough


def _story_line(sents: list[Span]) -> bool:
    """Is the first line story, not a headline: three sentences or more, or two ending with
    a full stop (headlines have neither)?"""
    if len(sents) >= _STORY_SENTENCES:
        return True
    last = [t for t in sents[-1] if not t.is_space] if sents else []
    return len(sents) == 2 and bool(last) and last[-1].text in (".", "!", "?", '"', "\u201d")


def _bullet_body(tokens: list[Token]) -> list[Token]:
    return tokens[_marker_length(tokens) :]
