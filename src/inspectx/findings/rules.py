"""Exact rules around the finding classifier: its judgements read again where its words mislead it.

The classifier (see `classifier`) reads a clause's words, not how they combine. These rules
take its judgement of each clause and settle what the words decide exactly:

    *_checked     the clause read again with some of its words changed, by the classifier:
                  its topic words made neutral (`topic_checked`), a denial taken away
                  (`denial_checked`, `negation_checked`, `no_longer_checked`), a hedge or a
                  doubt taken away (`hedge_checked`, `doubt_checked`) ...
    ruled         lexicon rules by meaning class, each taking and giving a judgement: a state
                  ("the cells were dirty"), the kind of finding a subject names ("one area
                  of concern was X"), a judging passive ("were criticised"), a ranking
                  against other forces, a denied assurance, a manner, a duty done or failed,
                  a shortfall, a change in a measure, a demand, a bare count, a measure at
                  par, a grade for any area, a stance adverbial ("Worryingly, ..."), the
                  grade adequate, a question the inspection asked

Each rule says what it decides and why in its docstring.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Span, Token

from inspectx import gazetteer, resources
from inspectx.findings import attribution, grades, measures, segment, words
from inspectx.findings.classifier import CONCERN, IMPROVEMENT, NOT_FINDING, FindingClassifier, Judgement
from inspectx.findings.words import CASE_NOUNS, EVIDENCE_NOUNS, FINITE_TAGS, LACK_NOUNS, is_year, vocabulary


def ruled(judgement: Judgement, tokens: list[Token]) -> Judgement:
    """The judgement after the exact rules that settle what the classifier cannot read
    (each takes and gives a Judgement, in this order; see each for what it decides). A
    recommendation said to be met or not (`_recommendation_met`) is settled before the
    others: "the recommendation to improve X had not been achieved" asks for nothing."""
    met = _recommendation_met(judgement, tokens)
    if met is not judgement:
        return met
    for rule in (
        _begun,
        _progress_seen,
        _in_a_state,
        _named_by_its_kind,
        _a_bad_thing_named,
        _a_bad_thing_reported,
        _judged_passive,
        _assurance_denied,
        _no_concern_about,
        _standing,
        _in_a_bad_manner,
        _failure_done,
        _short_or_excess,
        _with_measures,
        _better_than_before,
        _could_be_better,
        _a_worry_put_right,
        _asked,
        _scale_only,
        _at_par,
        _graded_for_an_area,
        _framed_by_a_stance,
        _adequate_only,
        _about_the_report,
        _verdict_on_the_report,
        _described_so,
        _a_definition,
        _not_said,
        _only_asks,
    ):
        judgement = rule(judgement, tokens)
    return judgement


def _turned_over(reading: Judgement) -> Judgement:
    """The other polarity than `reading`'s, as surely as the reading holds its own: the
    judgement of a clause that denies what the reading asserts."""
    other = CONCERN if reading.label == IMPROVEMENT else IMPROVEMENT
    return Judgement(
        other, reading.score, {other: reading.score, reading.label: 1 - reading.score, NOT_FINDING: 0.0}
    )


def _opposite_if_sure(minimum: float) -> Callable[[Judgement, Judgement], Judgement | None]:
    """A `kept` for `_read_again`: the reading turned over when it is a finding at `minimum`
    or more (the clause says the opposite of its other reading), else nothing."""

    def kept(own: Judgement, reading: Judgement) -> Judgement | None:
        if reading.label == NOT_FINDING or reading.score < minimum:
            return None
        return _turned_over(reading)

    return kept


def _other_finding_if_sure(minimum: float) -> Callable[[Judgement, Judgement], Judgement | None]:
    """A `kept` for `_read_again`: the reading itself when it is a finding other than the
    clause's own label at `minimum` or more (the clause says what the reading says), else
    nothing."""

    def kept(own: Judgement, reading: Judgement) -> Judgement | None:
        other = reading.label not in (NOT_FINDING, own.label)
        return reading if other and reading.score >= minimum else None

    return kept


def settled(polarity: str) -> Judgement:
    """A judgement a rule settles from the words (a manner, a state, a practice begun),
    at RULE_SCORE."""
    other = CONCERN if polarity == IMPROVEMENT else IMPROVEMENT
    return Judgement(polarity, RULE_SCORE, {polarity: RULE_SCORE, other: 0.0, NOT_FINDING: 1 - RULE_SCORE})


def _agreed(own: Judgement, polarity: str) -> Judgement:
    """The classifier's judgement when it is `polarity` at RULE_SCORE or more; else the
    polarity a rule settled, at RULE_SCORE (an unsure agreement is made sure)."""
    return own if own.label == polarity and own.score >= RULE_SCORE else settled(polarity)


#: The probability given to a polarity a lexicon rule settles (`_settled`).
RULE_SCORE = 0.9


def _read_again(
    classifier: FindingClassifier,
    judged: list[Judgement],
    clauses: list[list[Token]],
    reading_of: Callable[[list[Token]], list[str] | None],
    kept: Callable[[Judgement, Judgement], Judgement | None],
) -> list[Judgement]:
    """The judgements, with each clause that has another reading (`reading_of` gives its
    words, or None) judged again in one classifier call for the whole batch; `kept(own,
    reading's judgement)` gives the judgement that replaces the clause's own, or None to
    keep it."""
    readings = ((n, tokens, reading_of(tokens)) for n, tokens in enumerate(clauses))
    picked = [(n, _reading(tokens, words)) for n, tokens, words in readings if words]
    if not picked:
        return judged
    again = classifier.judge([reading for _, reading in picked])
    out = list(judged)
    for (n, _), judgement in zip(picked, again, strict=True):
        replacement = kept(judged[n], judgement)
        if replacement is not None:
            out[n] = replacement
    return out


def topic_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each concern that was only its topic read as an improvement.

    The classifier learnt that clauses about victims, detainees or stalking are mostly
    concerns, and reads "3,000 officers were trained in stalking" as one. A concern whose
    clause names such a topic (`topic_words` in data/cues.json) is judged again with each
    topic word replaced by a neutral one of the same number ("people", "work"); when that
    reading is an improvement, it is the one kept. A neutral reading that is no finding
    does not undo the concern: the same bias runs through true concerns ("Victims are not
    told what happens next" is a concern at 0.99, "People are not told ..." no finding at
    0.97), so only a reading that turns the other way is evidence that the topic misled.
    One more classifier call per batch of articles, for the few clauses concerned.
    """
    topics = vocabulary().topics
    picked = [
        n
        for n, (judgement, tokens) in enumerate(zip(judged, clauses, strict=True))
        if judgement.label == CONCERN and any(t.lower_ in topics for t in tokens)
    ]
    if not picked:
        return judged
    again = classifier.judge([_neutral(clauses[n], topics) for n in picked])
    out = list(judged)
    for n, judgement in zip(picked, again, strict=True):
        if judgement.label == IMPROVEMENT:
            out[n] = judgement
    return out


#: Nouns that name a part of what was inspected, as the complement of a copula with a
#: relative clause that judges it ("X is an area where the force must do better").
_AREAS = frozenset({"area", "areas", "aspect", "aspects", "part", "parts", "field", "fields"})
_COPULAS = frozenset({"is", "are", "was", "were", "remains", "remain", "remained", "'s", "'re"})
_RELATIVE_OPENERS = frozenset({"where", "which", "that", "in", "on", "of"})


def area_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause that calls something an area judged by a relative
    clause ("The handling of X is an area where the force has made progress", "Y is one
    of the areas it needs to work on", "Z is another area in which improvement is
    needed") read by that judgement: the relative clause with the thing it judges put in
    ("the force has made progress in the handling of X"). The classifier reads the whole
    as a description of the inspection's scope, no finding (0.9 and more). The reading
    is kept when it is a finding and the clause's own is not, is the other polarity, or
    is the same one held less surely.
    One more classifier call per batch of articles, for the few clauses concerned."""

    def kept(own: Judgement, reading: Judgement) -> Judgement | None:
        finding = reading.label != NOT_FINDING
        return reading if finding and (reading.label != own.label or reading.score > own.score) else None

    return _read_again(classifier, judged, clauses, _area_judged, kept)


#: Verbs that hedge a copula ("officers seemed unsure", "staff appeared to be confident").
_HEDGES = frozenset({"seem", "seems", "seemed", "appear", "appears", "appeared"})
#: The least probability the classifier must give a clause's plain reading to replace the
#: hedged clause's own.
HEDGE_MIN_SCORE = 0.9


def hedge_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause that hedges its predicate ("Officers seemed unsure
    when to use their powers", "Call handlers appeared to be confident") judged as stated
    plainly ("Officers were unsure ..."), when the plain reading is a finding at
    HEDGE_MIN_SCORE or more and differs from the clause's own: the classifier reads the
    hedge, not what is hedged (it took the first for an improvement at 0.63, its plain
    reading is a concern at 1.0). A hedge is still the inspection's finding, only a
    cautious one. One more classifier call per batch of articles, for the few clauses
    concerned."""

    return _read_again(classifier, judged, clauses, _unhedged, _other_finding_if_sure(HEDGE_MIN_SCORE))


def scare_quote_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause that quotes a short fragment inside its own words
    ("the roads policing team was "proactive and well-motivated"", "described the cells
    as 'tired'") judged without the marks, when that reading is a finding at
    HEDGE_MIN_SCORE or more and differs from the clause's own: in the news a fragment in
    marks is the inspectors' own wording, but the classifier reads the marks as someone
    else's voice (the first was no finding at 0.93, a strength at 0.99 without them)."""

    return _read_again(
        classifier, judged, clauses, _unquoted_fragment, _other_finding_if_sure(HEDGE_MIN_SCORE)
    )


def interrupted_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause broken by its attribution, a quotation (""We were
    impressed," he added, "by the commitment of its officers."", ""The force," said Ms
    Jones, "has halved its backlog."") or not ("The cells at Bridgend, inspectors said,
    were not fit for purpose": no finding at 1.00) judged as the clause read whole, when
    that reading is a finding at INTERRUPTED_MIN_SCORE or more: the speaker's words in the
    middle of a sentence leave the classifier two fragments (the first was no finding at
    0.97), and the quotation whole is the better reading of the two. One more classifier
    call per batch of articles, for the few clauses concerned."""

    def kept(own: Judgement, reading: Judgement) -> Judgement | None:
        return reading if reading.label != NOT_FINDING and reading.score >= INTERRUPTED_MIN_SCORE else None

    return _read_again(classifier, judged, clauses, _uninterrupted, kept)


#: The least probability of a finding in a broken quotation read whole for that reading to
#: stand (see `interrupted_checked`).
INTERRUPTED_MIN_SCORE = 0.5


def _uninterrupted(tokens: list[Token]) -> list[str] | None:
    """The words of a clause broken by its attribution, joined without it and without
    quotation marks (""A," he said, "B."": "A B."; "A, inspectors said, B": "A B"), or
    None when the clause has no such break."""
    broken = segment.interruption(tokens)
    if broken is None:
        return None
    end, start = broken
    parts = (*tokens[:end], *tokens[start:])
    words = [t.text for t in parts if t.text not in segment.QUOTE_MARKS]
    return words if len(words) >= 4 else None


def relayed_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]], relayed: list[bool]
) -> list[Judgement]:
    """The judgements, with each clause the inspection is said to have found inside someone
    else's sentence (`relayed[n]`: "I agree with the inspectorate's assessment that | without
    more detectives, investigations will keep failing victims") that the classifier took for
    no finding read again as "Inspectors found that X", and that reading kept when it is a
    finding at HEDGE_MIN_SCORE or more; so too a turn after the inspection's judgement
    ("praised by inspectors for A, | though the force still struggles to B"). Bare, such a
    clause reads as background (the classifier learnt findings as they are told, with
    whoever tells them); who told it is settled by the sentence it was cut from."""
    picked = [
        n
        for n, (judgement, flag) in enumerate(zip(judged, relayed, strict=True))
        if flag and judgement.label == NOT_FINDING and not _names_a_thing(clauses[n])
    ]
    if not picked:
        return judged
    readings = []
    for n in picked:
        words = [t.text for t in clauses[n]]
        while words and words[0] in (",", ";", ":", "-"):
            words.pop(0)
        readings.append(_reading(clauses[n], ["Inspectors", "found", "that", *words]))
    out = list(judged)
    for n, judgement in zip(picked, classifier.judge(readings), strict=True):
        if judgement.label != NOT_FINDING and judgement.score >= HEDGE_MIN_SCORE:
            out[n] = judgement
    return out


def _names_a_thing(tokens: list[Token]) -> bool:
    """Does the clause open with a wh-word ("what our officers do every day", "how hard
    staff work")? Then it names what was recognised, and says nothing of it."""
    words = [t for t in tokens if not t.is_punct]
    return bool(words) and words[0].tag_ in ("WP", "WRB", "WDT", "WP$")


#: The most words a quoted fragment may have to be read as the clause's own words.
_FRAGMENT_WORDS = 8


def _unquoted_fragment(tokens: list[Token]) -> list[str] | None:
    """The clause's words without the marks of one short quoted fragment that stands
    inside it, after at least three words of its own, and without trailing punctuation;
    None for any other clause."""
    marks = [n for n, t in enumerate(tokens) if t.is_quote and t.text != "'s"]
    if len(marks) != 2 or marks[0] < 3:
        return None
    inside = tokens[marks[0] + 1 : marks[1]]
    if not inside or sum(t.is_alpha for t in inside) > _FRAGMENT_WORDS:
        return None
    words = [t.text for n, t in enumerate(tokens) if n not in marks]
    while words and words[-1] in (",", ";", ":"):
        words.pop()
    return words


def doubt_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause that puts something beyond doubt ("There is no
    doubt that the force takes crime recording seriously", "little question that ...")
    judged as what it puts beyond doubt ("Inspectors found that the force takes ..."),
    whatever that reading is: the two say the same, but the classifier reads "no doubt"
    as a denial (the first is a concern at 0.91, the second an improvement)."""
    return _read_again(classifier, judged, clauses, _undoubted, lambda own, reading: reading)


#: The least probability the classifier must give the event an article says never
#: happened for its absence to be an improvement.
NEVER_HAPPENED_MIN_SCORE = 0.8


def never_happened_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause that says an event never happened ("found no case
    in which a reported rape had gone unrecorded", "There wasn't a single file where the
    victim had not been contacted", "no instance of a detainee being held without a
    review") judged by the event: when the event read alone is a concern at
    NEVER_HAPPENED_MIN_SCORE or more, its absence is an improvement. The classifier reads
    the two negations as two signs of a concern (the first at 0.9 and more). An event
    read as an improvement is left to `denial_checked` ("no case in which victims had
    been updated" is a concern). One more classifier call per batch of articles, for the
    few clauses concerned."""

    def kept(own: Judgement, reading: Judgement) -> Judgement | None:
        if reading.label != CONCERN or reading.score < NEVER_HAPPENED_MIN_SCORE:
            return None
        return _turned_over(reading)

    return _read_again(classifier, judged, clauses, _event_never_happened, kept)


def _event_never_happened(tokens: list[Token]) -> list[str] | None:
    """The words of the event a denied noun of occurrence introduces ("no case | in which
    X", "not a single file | where X", "no instance of | X"), as the inspection's finding
    ("Inspectors found that X"), or None. The noun is denied by "no" or by a negated verb
    whose object or attribute it is; the event is its relative clause, or the noun after
    its "of" with a clause of its own."""
    inside = {t.i for t in tokens}
    for noun in tokens:
        suggested = _suggested_by_nothing(noun, inside)
        if suggested:
            return ["Inspectors", "found", "that", *suggested, "."]
        if noun.pos_ != "NOUN" or noun.lower_ not in _OCCURRENCE_NOUNS:
            continue
        determiners = {c.lower_ for c in noun.children if c.dep_ in ("det", "amod")}
        denied = "no" in determiners or (
            noun.dep_ in ("dobj", "attr")
            and bool(determiners & {"a", "any", "single", "one"})
            and _denied_verb(noun.head)
        )
        if not denied:
            continue
        event: list[Token] = []
        for child in noun.children:
            if child.dep_ == "relcl":
                pointers = {
                    t.i
                    for c in child.children
                    if c.dep_ == "advmod"
                    and c.lower_ in ("where", "when")
                    or c.dep_ == "prep"
                    and any(g.tag_ == "WDT" for g in c.children)
                    for t in c.subtree
                }
                if not pointers:
                    continue  # "no problem the force can solve alone": not an event at all
                event = [t for t in child.subtree if t.i not in pointers]
            elif child.dep_ == "prep" and child.lower_ == "of":
                thing = next((g for g in child.children if g.dep_ == "pobj"), None)
                if thing is not None and any(c.dep_ in ("acl", "relcl") for c in thing.children):
                    event = list(thing.subtree)
            if event:
                break
        words = [t.text for t in event if t.i in inside and not t.is_punct]
        if len(words) >= 3:
            return ["Inspectors", "found", "that", *words, "."]
    return None


#: The least probability the classifier must give a modest change read without its
#: "some" for that reading to stand.
MODEST_CHANGE_MIN_SCORE = 0.6


def modest_change_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause that reports "some" progress or improvement ("The
    force has made some progress in how it protects vulnerable adults", "Inspectors saw
    some improvements in supervision") judged without the "some", when that reading is an
    improvement at MODEST_CHANGE_MIN_SCORE or more: a modest change is still a change for
    the better. The classifier learnt "some progress" from sentences that go on "but not
    enough" and reads it alone as a concern (0.8 to 1.0). A clause with a contrast in it
    ("some progress, but not enough") is left as it is read; a contrast in a clause of
    its own ("..., although waits remain long") is a finding of its own. One more
    classifier call per batch of articles, for the few clauses concerned."""

    def kept(own: Judgement, reading: Judgement) -> Judgement | None:
        better = reading.label == IMPROVEMENT and own.label != IMPROVEMENT
        return reading if better and reading.score >= MODEST_CHANGE_MIN_SCORE else None

    return _read_again(classifier, judged, clauses, _without_some, kept)


#: Nouns of a change for the better that "some" makes modest.
_CHANGE_NOUNS = frozenset({"progress", "improvement", "improvements"})
#: Words that set a contrast against the change ("some progress, but ...").
CONTRASTS = frozenset({*resources.load("cues")["clause_breaks"], "still"})


#: The least probability the classifier must give what a clause says is "no longer" so
#: for the clause to be its opposite.
NO_LONGER_MIN_SCORE = 0.9


def no_longer_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause that says a state has ended ("the building was no
    longer fit for purpose", "the force no longer needs enhanced monitoring") judged as the
    opposite of that state, read without "no longer", when that reading is a finding at
    NO_LONGER_MIN_SCORE or more. The classifier learnt "no longer" from ended failings ("no
    longer inadequate") and reads it as praise: it took the first for an improvement at
    0.91. One more classifier call per batch of articles, for the few clauses concerned.
    Not of a practice ("no longer relies on overtime"): read alone, practices are misread
    too often ("officers wait hours at custody suites" is praise at 0.9 and more; turned
    over so, three evaluation articles lost an improvement)."""

    kept = _opposite_if_sure(NO_LONGER_MIN_SCORE)
    return _read_again(classifier, judged, clauses, _without_no_longer, kept)


def rarer_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause that says something happens less often ("officers
    are far less often pulled away from their beats", "supervisors check files less
    regularly") judged as the opposite of what happens, read without the comparative,
    when that reading is a finding at RARER_MIN_SCORE or more: a failing that happens less
    often is an improvement, a good practice that does a concern. The classifier reads the
    words of the event and passes over "less" (it took the first for a concern at 1.0).
    One more classifier call per batch of articles, for the few clauses concerned."""

    return _read_again(classifier, judged, clauses, _without_rarer, _opposite_if_sure(RARER_MIN_SCORE))


#: The least probability of the reading without "less often" for the clause to be its
#: opposite (see `rarer_checked`).
RARER_MIN_SCORE = 0.5
#: Adverbs of frequency that "less" (or "more" before an adverb of rarity) makes a
#: comparative of: "less often", "more rarely". Not "less likely to": read so, it cost
#: held-out F1. Nor "rarely" or "very few" alone: the reading without them is of an event
#: the classifier often misjudges ("children were held overnight" is an improvement at
#: 0.98), and turned over it cost held-out F1 too (means 0.7925/0.7986 -> 0.7885/0.7949).
_FREQUENCY = frozenset({"often", "frequently", "regularly", "routinely", "commonly"})
_RARITY = frozenset({"rarely", "seldom", "infrequently"})


def _without_rarer(tokens: list[Token]) -> list[str] | None:
    """The clause's words without the comparative of frequency of its predicate ("far less
    often", "more rarely"), or None when it has none."""
    for n, word in enumerate(tokens[1:], 1):
        lower, before = word.lower_, tokens[n - 1].lower_
        if not (before == "less" and lower in _FREQUENCY or before == "more" and lower in _RARITY):
            continue
        start = n - 1
        if start > 0 and tokens[start - 1].dep_ == "advmod" and tokens[start - 1].lower_ in _DEGREE:
            start -= 1  # "far less often", "much more rarely"
        gone = set(range(start, n + 1))
        words = [t.text for k, t in enumerate(tokens) if k not in gone]
        return _capitalised(words) if start == 0 else words
    return None


_DEGREE = frozenset({"far", "much", "a", "lot", "slightly", "rather", "significantly", "considerably"})


#: The least probability of the reading with "did not find" for a clause that says the
#: inspectors "failed to find" something to replace the clause's own (`failed_to_find_checked`).
FAILED_TO_FIND_MIN_SCORE = 0.8
_FAILING = resources.inflections(("fail",))
_SEEING = resources.inflections(("find", "identify", "uncover", "detect", "spot", "see", "establish"))


def failed_to_find_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause in which the inspection "failed to find" something
    ("Inspectors failed to find any problems with the way the force stores evidence")
    judged as it reads with "did not find": an inspector who fails to find a fault has
    found none, and the classifier reads "failed" as the force's failure (a concern at
    0.9 and more). One more classifier call per batch, for the few clauses concerned."""

    def kept(own: Judgement, reading: Judgement) -> Judgement | None:
        finding = reading.label not in (NOT_FINDING, own.label)
        return reading if finding and reading.score >= FAILED_TO_FIND_MIN_SCORE else None

    return _read_again(classifier, judged, clauses, _did_not_find, kept)


def _inspection_failed_to_find(verb: Token) -> bool:
    """Is `verb` a form of "fail" whose subject is the inspection and whose complement is a
    verb of finding ("Inspectors failed to find", "the team failed to identify")?"""
    if verb.lower_ not in _FAILING or not any(
        c.dep_ == "xcomp" and c.lower_ in _SEEING for c in verb.children
    ):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(attribution.names_the_inspection(s) for s in subjects)


def _did_not_find(tokens: list[Token]) -> list[str] | None:
    """The clause's words with "failed to find" (or "fail to identify" ...) said as "did not
    find", or None when its verb of finding is not under a form of "fail"."""
    for n, verb in enumerate(tokens[2:], 2):
        if verb.lower_ not in _SEEING or tokens[n - 1].lower_ != "to" or tokens[n - 2].lower_ not in _FAILING:
            continue
        if (
            verb.dep_ != "xcomp"
            or verb.head.i != tokens[n - 2].i
            or not _inspection_failed_to_find(verb.head)
        ):
            continue
        words = [t.text for t in tokens]
        words[n - 2 : n] = ["did", "not"]
        return words
    return None


def negation_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each improvement whose predicate is negated ("The force does
    not routinely check whether its crime prevention work is effective") a concern when the
    clause read without its "not" is an improvement too, at NEGATION_MIN_SCORE or more: the
    classifier read the words of a good practice and passed over the "not" (the example at
    0.9). Verbs whose denial is praise are left out ("did not hesitate to", "did not miss":
    `failure_verbs`, `_IMPLICATIVES`). One more classifier call per batch of articles, for
    the few clauses concerned."""

    def kept(own: Judgement, reading: Judgement) -> Judgement | None:
        if own.label != IMPROVEMENT or reading.label != IMPROVEMENT or reading.score < NEGATION_MIN_SCORE:
            return None
        return _turned_over(reading)

    return _read_again(classifier, judged, clauses, _without_not, kept)


#: The least probability the classifier must give what a denied telling denies ("did not
#: find that X") for the clause to be its opposite.
UNTOLD_MIN_SCORE = 0.9
#: Verbs of finding whose denial with a "that" clause denies the clause ("did not find
#: that X", "did not conclude that X").
_FINDING_VERBS = resources.inflections(("find", "conclude", "establish", "identify"))


def untold_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause whose verb of finding is denied before a "that"
    clause ("The report did not find that the force was failing to identify corrupt
    officers", "Inspectors did not conclude that X") judged as the opposite of what it
    denies, read as found ("Inspectors found that X"), when that reading is a finding at
    UNTOLD_MIN_SCORE or more. The classifier read the first as a concern at 1.00: it reads
    the complement's words, not the scope of "not". One more classifier call per batch."""
    return _read_again(classifier, judged, clauses, _untold, _opposite_if_sure(UNTOLD_MIN_SCORE))


def _untold(tokens: list[Token]) -> list[str] | None:
    """The words of the "that" clause of a denied verb of finding in the clause, as found
    ("Inspectors found that X"), or None."""
    inside = {t.i for t in tokens}
    for verb in tokens:
        if verb.lower_ not in _FINDING_VERBS or not any(c.dep_ == "neg" for c in verb.children):
            continue
        words = _that_clause_tokens(verb, inside)
        if words and len(words) >= 3:
            return ["Inspectors", "found", "that", *(t.text for t in words)]
    return None


#: The least probability of the affirmative reading of a negated improvement for the
#: clause to be a concern (see `negation_checked`).
NEGATION_MIN_SCORE = 0.9
#: Verbs whose denial is itself praise ("did not hesitate to", "never stopped trying to").
_IMPLICATIVES = frozenset(
    resources.inflections(("hesitate", "avoid", "stop", "cease", "lack", "struggle", "wait", "need", "have"))
)


def _without_not(tokens: list[Token]) -> list[str] | None:
    """The clause's words without the "not" (or "n't", "never") of its own predicate, a
    verb; None when its predicate is not so negated, or is one whose denial is praise."""
    inside = {t.i for t in tokens}
    failures = vocabulary().failures
    for verb in tokens:
        nots = [c for c in verb.children if c.dep_ == "neg" and c.lower_ in ("not", "n't", "never")]
        if not nots or verb.pos_ != "VERB" or not _asserted_predicate(verb, inside):
            continue
        if verb.lower_ in failures or verb.lower_ in _IMPLICATIVES:
            return None
        if any(t.lower_ in ("only", "just", "merely") and t.i == nots[0].i + 1 for t in tokens):
            return None  # "not only A but B": both affirmed
        if any(t.lower_ in EVIDENCE_NOUNS or t.lower_ in LACK_NOUNS for t in tokens):
            return None  # "did not find any evidence that ...": denial_checked's
        if _event_never_happened(tokens):
            return None  # "did not find any case in which X": never_happened_checked's
        words = [t.text for t in tokens if t.i != nots[0].i]
        return _capitalised(words) if tokens[0].i == nots[0].i else words
    return None


#: The least probability the classifier must give what "Nor" denies for the clause to be
#: its opposite.
NOR_MIN_SCORE = 0.9


def nor_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause opened by "Nor" and an inverted auxiliary ("Nor is
    the force making enough use of civil orders", "Nor were detainees held for longer than
    necessary") judged as the opposite of its affirmed statement (`_nor_inverted`), when
    that reading is a finding at NOR_MIN_SCORE or more. The classifier does not know "Nor"
    as a negation: it read the first as an improvement at 0.96. One more classifier call
    per batch of articles that has such a clause."""
    return _read_again(classifier, judged, clauses, _nor_inverted, _opposite_if_sure(NOR_MIN_SCORE))


#: Auxiliaries that "Nor" puts before their subject ("Nor is the force ...", "Nor did ...").
_INVERTED_AUXILIARIES = frozenset(
    {
        *("is", "are", "was", "were", "does", "do", "did", "has", "have", "had"),
        *("can", "could", "will", "would", "should", "must"),
    }
)


def _nor_inverted(tokens: list[Token]) -> list[str] | None:
    """The words of a clause opened by "Nor" (or "Neither") and an auxiliary before its
    subject, put as its affirmed statement ("Nor is the force making enough use of X" as
    "The force is making enough use of X", "Nor were victims kept informed" as "Victims
    were kept informed"; "Neither, the report said, was X" as "X was"), or None. The subject
    runs from the auxiliary to the first verb, adjective or adverb after a noun; "Nor is
    there ..." and a subject the parse cannot close are left alone. The classifier read the
    first as an improvement at 0.96: "Nor" is a negation it does not know."""
    words = [t for t in tokens if not t.is_space]
    if len(words) > 2 and words[0].lower_ in ("nor", "neither") and words[1].text == ",":
        # "Neither, the report said, | was the force ...": the source set off after it
        close = next((n for n in range(2, min(len(words), 10)) if words[n].text == ","), None)
        words = [words[0], *words[close + 1 :]] if close is not None else words
    if len(words) < 5 or words[0].lower_ not in ("nor", "neither"):
        return None
    if words[1].lower_ not in _INVERTED_AUXILIARIES:
        return None
    if words[2].lower_ == "there":
        return None
    end = None
    for n in range(2, len(words)):
        after_noun = words[n - 1].pos_ in ("NOUN", "PROPN", "PRON")
        if n > 2 and words[n].pos_ in ("VERB", "ADJ", "ADV", "AUX") and after_noun:
            end = n
            break
    if end is None or end == len(words) - 1:
        return None
    subject = [t.text for t in words[2:end]]
    aux = words[1].text.lower()
    rest = words[end + 1 :] if words[end].lower_ == "yet" else words[end:]  # "Nor is it yet X": "It is X"
    return _capitalised([*subject, aux, *(t.text for t in rest)])


def _without_no_longer(tokens: list[Token]) -> list[str] | None:
    """The clause's words without the "no longer" of its predicate, or None when it has
    none (not "no longer any evidence that ...", a denied argument)."""
    for n, longer in enumerate(tokens):
        if not _ended(longer):
            continue
        state = longer.head
        if state.pos_ == "AUX":  # "was no longer | reliable", "longer" hung on the copula
            state = next((c for c in state.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), state)
        if state.pos_ != "ADJ" or not _of_the_predicate(state, tokens):
            continue  # a state, which the classifier reads well; not an event it may misread
        if n + 1 < len(tokens) and tokens[n + 1].pos_ == "DET":
            continue  # "no longer any evidence that ...": an argument denied (see denial_checked)
        ended = {longer.i, *(c.i for c in longer.children if c.dep_ == "neg")}
        words = [t.text for t in tokens if t.i not in ended]
        return _capitalised(words) if tokens[0].i in ended else words
    return None


def _of_the_predicate(word: Token, tokens: list[Token]) -> bool:
    """Is `word` the clause's predicate, or coordinated with it or its complement ("was
    tired and | no longer fit"), not inside an adjunct ("..., with some stations no longer
    fit") nor a coordinated clause with a subject of its own?"""
    roots = {t.i for t in clause_roots(tokens)}
    for _ in range(10):
        if word.i in roots:
            return True
        if word.dep_ not in ("conj", "acomp", "attr", "xcomp", "ccomp"):
            return False
        if word.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children):
            return False  # "A is in poor condition, and | B may no longer be fit": B's alone
        word = word.head
    return False


def _without_some(tokens: list[Token]) -> list[str] | None:
    """The words of a clause with the "some" of "some progress" / "some improvement(s)"
    left out, or None for any other clause and for one with a contrast or a negation."""
    some = next(
        (t for t in tokens if t.lower_ == "some" and t.dep_ == "det" and t.head.lower_ in _CHANGE_NOUNS),
        None,
    )
    if some is None or any(t.lower_ in CONTRASTS or t.dep_ == "neg" for t in tokens):
        return None
    return [t.text for t in tokens if t.i != some.i]


def _denied_verb(verb: Token) -> bool:
    """Is the verb negated: "did not find", "didn't see", or "Nor did they find"?"""
    return any(c.dep_ == "neg" or c.lower_ == "nor" and c.i < verb.i for c in verb.children)


#: Verbs of pointing to something ("nothing to suggest that X").
_INDICATING_VERBS = resources.inflections(("suggest", "indicate", "show"))


def _suggested_by_nothing(pronoun: Token, inside: set[int]) -> list[str] | None:
    """The words of what nothing was found to suggest ("found nothing to suggest that | X",
    "didn't find anything to indicate that | X"), or None: an event that never happened, as
    in "no case in which X"."""
    if pronoun.lower_ == "nothing":
        denied = True
    elif pronoun.lower_ == "anything" and pronoun.dep_ in ("dobj", "attr"):
        denied = _denied_verb(pronoun.head)
    else:
        return None
    if not denied:
        return None
    for clause in pronoun.children:
        if clause.dep_ in ("relcl", "acl") and clause.lower_ in _INDICATING_VERBS:
            for complement in clause.children:
                if complement.dep_ == "ccomp":
                    marks = {c.i for c in complement.children if c.dep_ == "mark"}
                    words = [t.text for t in complement.subtree if t.i in inside and t.i not in marks]
                    return words if len(words) >= 3 else None
    return None


#: Nouns of an occurrence or of the record of one, whose denial says an event never
#: happened ("no case in which X", "not a single file where X").
_OCCURRENCE_NOUNS = CASE_NOUNS | {"time", "times", "report", "reports"}


#: Nouns whose denial affirms the clause they introduce ("no doubt that X": X).
_DOUBT_NOUNS = frozenset({"doubt", "question"})


def _undoubted(tokens: list[Token]) -> list[str] | None:
    """The words of what a clause says is beyond doubt ("There is no doubt that the force
    takes crime recording seriously", "there can be little question that ...") as
    "Inspectors found that <it>", or None. Read with its "no", the classifier takes the
    denial for a concern."""
    inside = {t.i for t in tokens}
    for noun in tokens:
        if noun.lower_ not in _DOUBT_NOUNS or noun.pos_ != "NOUN":
            continue
        if not any(c.lower_ in ("no", "little") for c in noun.children):
            continue
        words = _that_clause_tokens(noun, inside)
        if words:
            return ["Inspectors", "found", "that", *(t.text for t in words)]
    return None


def _unhedged(tokens: list[Token]) -> list[str] | None:
    """The words of a clause whose main verb hedges a copula ("seemed unsure", "appeared to
    be confident"), with "was" or "were" for the hedge ("were unsure", "were confident"), or
    that hedges with "may" or "might" before "be" ("may not be identifying all victims" as
    "is not identifying ..."), or None for any other clause (and for "appeared to have
    ...", which no copula states)."""
    inside = {t.i for t in tokens}
    for verb in tokens:
        # "The force may not be identifying all victims": "may" and "might" before "be" hedge
        # what follows, as "seemed" does ("The force is not identifying all victims")
        modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("may", "might")), None)
        be = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ == "be"), None)
        if modal is not None and be is not None and verb.tag_ in ("VBG", "VBN") and modal.i < be.i:
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and subjects[0].i in inside:
                present = "are" if _plural(subjects[0]) else "is"
                return [present if t.i == be.i else t.text for t in tokens if t.i != modal.i]
        if verb.lower_ not in _HEDGES or verb.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        complement = next((c for c in verb.children if c.dep_ in ("acomp", "oprd")), None)
        dropped = {verb.i}
        if complement is None:
            be = next((c for c in verb.children if c.dep_ == "xcomp" and c.lower_ == "be"), None)
            if be is None:
                continue
            dropped |= {be.i} | {c.i for c in be.children if c.dep_ == "aux" and c.lower_ == "to"}
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or subjects[0].i not in inside:
            continue
        plural = _plural(subjects[0])
        copula = ("were" if plural else "was") if verb.tag_ == "VBD" else ("are" if plural else "is")
        words = [copula if t.i == verb.i else t.text for t in tokens if t.i not in dropped or t.i == verb.i]
        return words
    return _evidenced(tokens)


def _evidenced(tokens: list[Token]) -> list[str] | None:
    """For a clause that finds evidence of a state of affairs, undenied ("found some evidence
    that supervision had improved", "there was clear evidence that victims were updated"),
    what the evidence shows told as found ("Inspectors found that supervision had
    improved"), or None. The classifier reads "some evidence" as a reservation."""
    complement = _evidence_complement(tokens, denied=False)
    if complement and len(complement) >= 3:
        return ["Inspectors", "found", "that", *(t.text for t in complement)]
    return None


def _plural(subject: Token) -> bool:
    """Does the subject take a plural verb ("officers", "they")?"""
    return subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "we", "you")


def _area_judged(tokens: list[Token]) -> list[str] | None:
    """The words of "X is an area where <clause>" read as "<clause> in X." (or "<clause
    ending in a preposition> X."), or None when the clause is not of that shape."""
    inside = {t.i for t in tokens}
    for copula in tokens:
        if copula.lower_ not in _COPULAS or copula.dep_ not in ("ROOT", "ccomp"):
            continue
        subject = next((c for c in copula.children if c.dep_ in ("nsubj", "csubj")), None)
        complement = next((c for c in copula.children if c.dep_ == "attr"), None)
        if subject is None or complement is None or subject.pos_ == "PRON" or subject.i not in inside:
            continue
        if attribution.names_the_inspection(subject):
            continue  # "The report covers areas that ...": its scope
        area = complement
        if area.lower_ == "one":  # "one of the areas ..."
            area = next((g for c in area.children if c.lower_ == "of" for g in c.children), area)
        if area.lower_ not in _AREAS:
            continue
        relative = next((c for c in area.children if c.dep_ in ("relcl", "acl") and c.i in inside), None)
        if relative is None:
            continue
        words = [t for t in relative.subtree if t.i in inside and not _quoting(t)]
        while words and (words[0].lower_ in _RELATIVE_OPENERS or words[0].is_punct):
            words = words[1:]  # "where", "in which", "that"
        while words and words[-1].is_punct:
            words = words[:-1]
        if not words:
            continue
        thing = [t for t in subject.subtree if t.i in inside]
        join = [] if words[-1].pos_ == "ADP" else ["in"]  # "... needs to work on | X"
        out = [t.text for t in words] + join + [t.text for t in thing] + ["."]
        if thing[0].pos_ != "PROPN":
            out[len(words) + len(join)] = thing[0].lower_
        out[0] = out[0][:1].upper() + out[0][1:]  # as a sentence, the form the classifier learnt
        return out
    return None


def _quoting(token: Token) -> bool:
    """Is `token` a quotation mark, or the comma that opens a quoted fragment ("the force,
    “can do better”")? The reading leaves them out: it states what was quoted."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.is_quote or token.text == "," and following is not None and following.is_quote


#: The least probability the classifier must give the asserted complement of denied
#: evidence for its opposite to stand instead of the clause's own reading.
DENIAL_MIN_SCORE = 0.8


def denial_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause that denies something judged by what it denies:
    evidence ("Inspectors found no evidence that the force had improved its handling of
    calls", "there was no longer any evidence that crimes went unrecorded"), whose
    complement is judged as asserted ("Inspectors found that <complement>"), or an argument
    ("No officer had been trained to use the tool", "There was no routine screening"),
    judged with its negative quantifier taken off (`_affirmed`). When that reading is an
    improvement at DENIAL_MIN_SCORE or more, the clause is a concern. The classifier reads
    words, not the scope of "no": it takes the first for an improvement at 0.99. The
    other way round only for a denied subject ("No detainee had waited more than an hour":
    "Every detainee had waited ..." is a concern at ABSENCE_MIN_SCORE or more, so the
    clause is an improvement): an asserted complement read as a concern is no evidence that its
    denial is an improvement, because the classifier reads the topics of concerns
    (risk, children, victims) as concerns (see `topic_checked`); turned over, such
    readings were wrong in both evaluation articles where they occurred (dev5, dev6). A
    denied complement that is itself denied ("no evidence that officers were not following
    the code") is read affirmed (`_doubly_denied`), and an improvement there is the clause's.
    One more classifier call per batch of articles, for the few clauses concerned."""

    def asserted(tokens: list[Token]) -> list[str] | None:
        complement = _denied_complement(tokens)
        if complement:
            return ["Inspectors", "found", "that", *complement]
        evidence = _denied_evidence_of(tokens)
        if evidence:
            return evidence  # told bare: "Inspectors found X" is praise to the classifier
        affirmed = _affirmed(tokens)
        if affirmed is None or segment.trim(tokens)[:1] != tokens[:1] or not _not_all(tokens):
            return affirmed
        # "Not every victim is offered X": "Every victim is offered X" is no finding when told
        # bare (0.91), a strength when told as found, as the clause is
        return ["Inspectors", "found", "that", affirmed[0][:1].lower() + affirmed[0][1:], *affirmed[1:]]

    def kept(own: Judgement, reading: Judgement) -> Judgement | None:
        if reading.label != IMPROVEMENT or reading.score < DENIAL_MIN_SCORE:
            return None
        return _turned_over(reading)

    judged = _read_again(classifier, judged, clauses, asserted, kept)

    def affirmed(own: Judgement, reading: Judgement) -> Judgement | None:
        return reading if reading.label == IMPROVEMENT and reading.score >= DENIAL_MIN_SCORE else None

    judged = _read_again(classifier, judged, clauses, _doubly_denied, affirmed)

    def absent(own: Judgement, reading: Judgement) -> Judgement | None:
        if own.label == IMPROVEMENT or reading.label != CONCERN or reading.score < ABSENCE_MIN_SCORE:
            return None
        return _turned_over(reading)

    def affirmed_subject(tokens: list[Token]) -> list[str] | None:
        return None if _denied_complement(tokens) else _affirmed_subject(tokens)

    judged = _read_again(classifier, judged, clauses, affirmed_subject, absent)

    return _read_again(classifier, judged, clauses, _found_after_all, _opposite_if_sure(UNFOUND_MIN_SCORE))


#: The least probability the classifier must give "X was found to be Y" for "X was not
#: found to be Y" to be its opposite.
UNFOUND_MIN_SCORE = 0.9


def _found_after_all(tokens: list[Token]) -> list[str] | None:
    """The words of a clause whose subject was not found to be or have something ("The
    cells were not found to have any serious failings", "No officer was found to have
    misused the system" is `_affirmed_subject`'s), without the denial: "The cells were found
    to have serious failings"; None for any other clause. The classifier reads the two
    alike (both concerns at 0.99): it does not see the scope of "not"."""
    for verb in tokens:
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if verb.lower_ != "found" or verb.tag_ != "VBN" or not passive:
            continue
        nots = [c for c in verb.children if c.dep_ == "neg"]
        complement = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if len(nots) != 1 or complement is None:
            continue
        anys = {c.i for t in complement.subtree for c in t.children if c.dep_ == "det" and c.lower_ == "any"}
        return [t.text for t in tokens if t.i != nots[0].i and t.i not in anys]
    return None


#: The least probability the classifier must give a denied subject's affirmed reading as
#: a concern for the denial to be an improvement ("No detainee had waited more than an
#: hour": "Every detainee had waited more than an hour" is a concern).
ABSENCE_MIN_SCORE = 0.9


def _affirmed_subject(tokens: list[Token]) -> list[str] | None:
    """`_affirmed`'s reading, when what it takes the negative quantifier off is the subject
    ("No detainee had waited ...", "Nobody detained under section 136 had been brought to a
    cell"), or None."""
    words = _affirmed(tokens)
    if words is None:
        return None
    subject = next((t for t in tokens if t.dep_ in ("nsubj", "nsubjpass")), None)
    denied = subject is not None and (
        subject.lower_ in _NEGATIVE_PRONOUNS
        or subject.lower_ in ("none", "neither")
        or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)
    )
    return words if denied else None


def _denied_complement(tokens: list[Token]) -> list[str] | None:
    """The words of the "that" clause of a denied evidence noun (`EVIDENCE_NOUNS`, whose
    denial turns what they introduce over) in the clause ("no evidence that | X", "did not
    find any evidence that | X", "no longer any evidence that | X", "little evidence that
    | X"), or None."""
    complement = _denied_complement_tokens(tokens)
    return [t.text for t in complement] if complement else None


def _denied_evidence_of(tokens: list[Token]) -> list[str] | None:
    """The words of what a denied evidence noun is evidence of, told bare ("did not find any
    evidence of | good supervision": "Good supervision"; "little sign of | X"), or None.
    Not told as found: the classifier takes "Inspectors found officers misusing their
    powers" for praise at 1.0."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.lower_ not in EVIDENCE_NOUNS or token.pos_ != "NOUN" or not _evidence_denied(token):
            continue
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None or not any(c.dep_ in ("pobj", "pcomp") for c in of.children):
            continue
        words = [t.text for t in of.subtree if t.i in inside][1:]
        return _capitalised(words) if len(words) >= 3 else None
    return None


def _evidence_denied(token: Token) -> bool:
    """Is the evidence noun denied: "no evidence", "little evidence", "did not find any
    evidence", "no longer any evidence"?"""
    head = token.head
    return any(c.lower_ in ("no", "little") for c in token.children) or any(
        c.dep_ == "neg" or _ended(c) for c in head.children
    )


def _denied_complement_tokens(tokens: list[Token]) -> list[Token] | None:
    """`_denied_complement` as tokens."""
    return _evidence_complement(tokens, denied=True)


def _evidence_complement(tokens: list[Token], *, denied: bool) -> list[Token] | None:
    """The tokens of the "that" clause of the clause's first evidence noun that is denied
    ("no evidence that | X") or, with `denied` False, undenied ("some evidence that | X")
    and has one; None when there is none."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.lower_ not in EVIDENCE_NOUNS or token.pos_ != "NOUN" or _evidence_denied(token) != denied:
            continue
        words = _that_clause_tokens(token, inside)
        if words:
            return words
    return None


def _doubly_denied(tokens: list[Token]) -> list[str] | None:
    """For a denied evidence noun whose complement is itself denied ("no evidence that
    officers were not following the code"), the complement affirmed and told as found
    ("Inspectors found that officers were following the code"); None for any other clause.
    Two denials affirm: the clause says what the reading says."""
    complement = _denied_complement_tokens(tokens)
    if not complement:
        return None
    inside = {t.i for t in complement}
    verb = next((t for t in complement if t.head.i not in inside or t.head == t), None)
    negations = [c for c in verb.children if c.dep_ == "neg"] if verb is not None else []
    if len(negations) != 1 or negations[0].lower_ not in ("not", "n't"):
        return None
    return ["Inspectors", "found", "that", *(t.text for t in complement if t != negations[0])]


def _that_clause_tokens(noun: Token, inside: set[int]) -> list[Token] | None:
    """The tokens (within `inside`) of the "that" clause of a noun or verb, without its
    "that" ("no evidence that | X", "no doubt that | X", "did not find that | X"), or None."""
    for clause in noun.children:
        if attribution.that_clause(clause):
            marks = {c.i for c in clause.children if c.dep_ == "mark"}
            words = [t for t in clause.subtree if t.i in inside and t.i not in marks]
            if words:
                return words
    return None


#: Negative pronouns as arguments, and an affirmative stand-in of the same kind.
_NEGATIVE_PRONOUNS = {"nobody": "staff", "nothing": "work"}
#: Determiners that "not" turns into a shortfall ("not all officers", "not enough staff").
_SHORTFALL_DETERMINERS = frozenset({"all", "every", "enough", "many"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def _not_all(tokens: list[Token]) -> bool:
    """Does the clause open with a denied universal ("Not every victim ...", "Not all of
    the files ...")?"""
    words = [t.lower_ for t in tokens[:3]]
    return len(words) > 1 and words[0] == "not" and words[1] in ("all", "every", "everyone", "everybody")


def _affirmed(tokens: list[Token]) -> list[str] | None:
    """The words of the clause with the negative quantifier of one of its arguments taken
    off, or None when no argument is denied or scarce: "No officer had been trained" ->
    "Every officer had been trained", "None of the files showed ..." -> "All of the files
    showed ...",
    "Nobody had checked" -> "Staff had checked", "There was no routine screening" ->
    "There was routine screening", "Few victims were referred" -> "Victims were
    referred", "Not all staff had been vetted" -> "All staff had been vetted"; a denied
    comparison without its "no" ("no quicker than in 2019" -> "quicker than in 2019"). Read on the
    dependency parse (subject, object or existential attribute). Left alone: a clause
    whose verb is negated too, "no longer", "a few", and nouns of evidence or of lack
    ("no evidence of X" is `_denied_complement`'s; "no shortage of volunteers" is praise),
    and an argument of a relative clause, which is not the clause's own ("doing excellent
    work, which will be no surprise to anyone"; "cases in which children were held because
    no bed was found" is not "... because a bed was found" turned over)."""
    inside = {t.i for t in tokens}
    relative = {t.i for r in tokens if r.dep_ == "relcl" for t in r.subtree}
    for token in tokens:
        if token.i in relative:
            continue
        # a subject the parser made the root ("No officer | the inspectors spoke to had been ...")
        root_noun = token.dep_ == "ROOT" and token.pos_ in ("NOUN", "PRON")
        if token.dep_ not in _ARGUMENTS and not root_noun:
            continue
        negated = any(c.dep_ == "neg" for c in token.head.children)
        if token.dep_ in ("nsubj", "nsubjpass") and negated:
            # "Not all officers had completed ...", the "not" hung on the verb by the parser
            shortfall = [c.i - 1 for c in token.children if c.lower_ in _SHORTFALL_DETERMINERS]
            nots = [c for c in token.head.children if c.dep_ == "neg" and c.i in shortfall]
            if nots and nots[0].i in inside:
                return _capitalised([t.text for t in tokens if t.i != nots[0].i])
        if token.dep_ not in _ARGUMENTS and not root_noun or negated:
            continue
        if token.lower_ in EVIDENCE_NOUNS or token.lower_ in LACK_NOUNS:
            continue
        children = list(token.children)
        drop: set[int] = set()
        stand_in: dict[int, str] = {}
        if token.lower_ in _NEGATIVE_PRONOUNS:
            stand_in[token.i] = _NEGATIVE_PRONOUNS[token.lower_]
        elif token.lower_ in ("none", "neither") or (
            token.lower_ == "one" and any(c.lower_ in ("no", "not") for c in children)
        ):
            of = next((c for c in children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is None:
                if token.lower_ != "one":
                    continue
                stand_in[token.i] = "staff"
            else:
                stand_in[token.i] = "all"  # "none of the files" -> "all of the files"
            drop |= {c.i for c in children if c.lower_ in ("no", "not")}
        elif any(c.dep_ == "det" and c.lower_ == "no" for c in children):
            subject = token.dep_ in ("nsubj", "nsubjpass") or root_noun
            for c in children:
                if c.dep_ == "det" and c.lower_ == "no":
                    if subject:  # "No victim had been given ..." -> "Every victim had been given ..."
                        stand_in[c.i] = "every" if token.tag_ == "NN" else "all"
                    else:
                        drop.add(c.i)
        elif any(c.lower_ == "few" for c in children) and not any(c.lower_ == "a" for c in children):
            drop |= {c.i for c in children if c.lower_ == "few"}
        else:
            shortfall = next((c for c in children if c.lower_ in _SHORTFALL_DETERMINERS), None)
            nots = [c for c in (*children, *(shortfall.children if shortfall else ())) if c.lower_ == "not"]
            if shortfall is None or not nots:
                continue
            drop |= {c.i for c in nots}
        if token.dep_ in ("dobj", "attr") and token.i > 0 and token.doc[token.i - 1].lower_ == "longer":
            continue
        words = [stand_in.get(t.i, t.text) for t in tokens if t.i in inside and t.i not in drop]
        if words:
            return _capitalised(words)
    return _undenied_comparison(tokens)


def _undenied_comparison(tokens: list[Token]) -> list[str] | None:
    """The words of a clause that denies a comparison ("The force was no better than the
    national average", "Response times were no quicker than in 2019") without its "no",
    or None: a comparison it denies is read as made ("was better than ...")."""
    for n, token in enumerate(tokens):
        if token.tag_ not in ("JJR", "RBR") or not any(t.lower_ == "than" for t in tokens[n + 1 :]):
            continue
        if token.lower_ == "longer" and token.dep_ == "advmod":
            continue  # "no longer slower than most forces": a change, not a denied comparison
        denial = [c for c in token.children if c.lower_ == "no" and c.i < token.i]
        if denial:
            return _capitalised([t.text for t in tokens if t.i != denial[0].i])
    return None


#: The least probability of the reading without its condition for it to replace the clause's own.
CONDITION_MIN_SCORE = 0.7
#: Subordinators of a condition whose words are what is not yet so ("unless the force improves").
_CONDITIONS = frozenset({"unless", "until"})


def condition_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause that carries a condition not yet met ("victims will
    continue to be let down unless the force improves its investigations") judged by its
    reading without the condition ("victims will continue to be let down"), when that
    reading is a finding other than the clause's own at CONDITION_MIN_SCORE or more: the
    condition names what the force has yet to do, in words of improvement, and the
    classifier read the whole as an improvement (0.56; the main clause alone is a concern
    at 0.96). One more classifier call per batch, for the few clauses concerned."""

    def kept(own: Judgement, reading: Judgement) -> Judgement | None:
        finding = reading.label not in (NOT_FINDING, own.label)
        return reading if finding and reading.score >= CONDITION_MIN_SCORE else None

    return _read_again(classifier, judged, clauses, _without_condition, kept)


def _without_condition(tokens: list[Token]) -> list[str] | None:
    """The clause's words without its "unless" or "until" clause (and the comma that sets it
    off), or None when it has none or nothing is left."""
    inside = {t.i for t in tokens}
    for mark in tokens:
        clause = mark.head
        if mark.lower_ not in _CONDITIONS or mark.dep_ != "mark" or clause.dep_ != "advcl":
            continue
        gone = {t.i for t in clause.subtree}
        if not gone <= inside:
            continue
        words = [t for t in tokens if t.i not in gone]
        while words and words[-1].is_punct:
            words.pop()
        if words and words[0].i > min(gone) and words[0].text == ",":
            words = words[1:]
        words = [w for n, w in enumerate(words) if not (w.text == "," and (n == 0 or w.i - 1 in gone))]
        if len(words) < 3:
            return None
        return _capitalised([w.text for w in words]) if tokens[0].i in gone else [w.text for w in words]
    return None


#: The least probability of the reading of a share as the whole group for it to decide the
#: share's polarity.
SHARE_MIN_SCORE = 0.7
#: A share of a good thing at least this large is an improvement ("58 of the 60 victims
#: were offered support"); at most SHARE_TOO_FEW, a concern ("one in twenty burglaries").
SHARE_MOST, SHARE_TOO_FEW = 0.9, 0.5
#: A share of a bad thing at least this large is a concern ("one in three calls went
#: unanswered"); a share bounded as small and at most SHARE_FEW_BAD an improvement ("only
#: 3 per cent of calls were abandoned").
SHARE_BAD, SHARE_FEW_BAD = 0.2, 0.1


def share_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause that gives a share of a group ("58 of the 60
    victims had been offered support", "the force solves fewer than one in twenty
    burglaries", "a third of calls went unanswered"; `measures.counted_share`) judged by
    what it says of the whole group ("all the victims had been offered support") and how
    large the share is. A good thing done for nearly all (SHARE_MOST) is an improvement and
    for half or fewer, or a share bounded as small ("only", "fewer than"), a concern; a bad
    thing done to a fifth or more (SHARE_BAD) is a concern, and to a share bounded as small
    and at most SHARE_FEW_BAD an improvement. Between those, or when the whole group's
    reading is no finding or below SHARE_MIN_SCORE, the clause keeps its own judgement. The
    classifier reads the figures, not what they amount to ("58 of the 60 victims ..." a
    concern at 0.9). A share compared with another is left to `measures` (see
    `_with_measures`). One more classifier call per batch, for the few clauses concerned."""
    picked = []  # (clause number, its tokens, its share's value, whether bounded as small, reading)
    for n, tokens in enumerate(clauses):
        share = measures.counted_share(tokens)
        if share is None:
            continue
        value, scarce, start, last, dropped = share
        words = [t.text for t in tokens[:start]] + ["all"]
        words += [t.text for k, t in enumerate(tokens) if k > last and k not in dropped]
        picked.append((n, tokens, value, scarce, _capitalised(words) if start == 0 else words))
    out = list(judged)
    if not picked:
        return out
    again = classifier.judge([_reading(tokens, words) for _, tokens, _, _, words in picked])
    for (n, tokens, value, scarce, _), reading in zip(picked, again, strict=True):
        if reading.label == NOT_FINDING or reading.score < SHARE_MIN_SCORE:
            continue
        bad = reading.label == CONCERN or _an_event_undone(tokens)
        polarity = None
        if not bad:
            if not scarce and value >= SHARE_MOST:
                polarity = IMPROVEMENT
            elif scarce or value <= SHARE_TOO_FEW:
                polarity = CONCERN
        elif not scarce and value >= SHARE_BAD:
            polarity = CONCERN
        elif scarce and value <= SHARE_FEW_BAD:
            polarity = IMPROVEMENT
        if polarity is not None and out[n].label not in (NOT_FINDING, polarity):
            out[n] = _judged_as(polarity, reading.score)
    return out


#: Participles of a thing left undone that begin with "un" but are no negation.
_NOT_UNDONE = frozenset({"united", "unified", "understood", "undertaken", "underpinned", "underlined"})


def _an_event_undone(tokens: list[Token]) -> bool:
    """Does the clause say a thing was not done or went wrong ("were never risk assessed",
    "went unanswered", "had not been updated", "were abandoned": `levels` in
    data/cues.json; "had been wrongly closed": `bad_manner_adverbs`)? The classifier reads
    a group's whole share of such an event ("all calls were abandoned") as praise of the
    "all"."""
    lower = measures.lower_levels()
    badly = vocabulary().bad_manner
    for t in tokens:
        if t.dep_ == "neg" or t.lower_ in ("never", "without", "none", "nothing") or t.lower_ in lower:
            return True
        if t.lower_ in badly and t.dep_ == "advmod":
            return True
        undone = t.lower_.startswith("un") and t.lower_.endswith("ed") and len(t.lower_) > 6
        if undone and t.tag_ in ("VBN", "JJ") and t.lower_ not in _NOT_UNDONE:
            return True
    return False


def _judged_as(label: str, score: float) -> Judgement:
    """A judgement of `label` at `score`, the rest of the belief no finding."""
    other = CONCERN if label == IMPROVEMENT else IMPROVEMENT
    return Judgement(label, score, {label: score, other: 0.0, NOT_FINDING: 1 - score})


#: The least probability of the reading without a degree "good" for it to replace the clause's own.
DEGREE_GOOD_MIN_SCORE = 0.8
#: Nouns "good" measures rather than praises: an amount ("a good deal of") and grounds
#: ("good reason to worry", "good cause to"). Not "a good number of": a count praised.
_DEGREE_GOOD_NOUNS = frozenset({"deal", "reason", "reasons", "cause", "grounds"})


def degree_good_checked(
    classifier: FindingClassifier, judged: list[Judgement], clauses: list[list[Token]]
) -> list[Judgement]:
    """The judgements, with each clause whose "good" measures an amount or states grounds
    rather than praising ("The force had a good deal of work to do on X", "There was good
    reason to worry about X") judged by its reading without that "good" ("a lot of work to
    do", "reason to worry"), when the reading is another label at
    DEGREE_GOOD_MIN_SCORE or more. The classifier read both as improvements at 0.99: "good"
    is among the strongest words of praise it learnt. One more classifier call per batch."""

    def kept(own: Judgement, reading: Judgement) -> Judgement | None:
        return reading if reading.label != own.label and reading.score >= DEGREE_GOOD_MIN_SCORE else None

    return _read_again(classifier, judged, clauses, _without_degree_good, kept)


def _without_degree_good(tokens: list[Token]) -> list[str] | None:
    """The clause's words with its degree "good" taken out ("a good deal" as "a lot"), or
    None when it has none."""
    for n, token in enumerate(tokens):
        if token.lower_ != "good" or token.dep_ != "amod" or token.head.lower_ not in _DEGREE_GOOD_NOUNS:
            continue
        if token.head.i != token.i + 1:
            continue  # "good and reliable reasons": praise of the reasons
        words = [t.text for t in tokens]
        if token.head.lower_ == "deal":
            return [*words[:n], "lot", *words[n + 2 :]]  # "great" is praise to the classifier too
        del words[n]
        return _capitalised(words) if n == 0 else words
    return None


def _capitalised(words: list[str]) -> list[str]:
    """The words as a sentence opens: the first with a capital."""
    return [words[0][:1].upper() + words[0][1:], *words[1:]]


def _reading(tokens: list[Token], words: list[str]) -> Span:
    """`words`, another reading of a clause, as a span of a new Doc in the clause's vocab
    (the classifier reads it as it is: no second tokenization)."""
    return Doc(tokens[0].doc.vocab, words=words)[:]


def _neutral(tokens: list[Token], topics: dict[str, str]) -> Span:
    """The clause as a new Doc with its topic words replaced ("domestic abuse" as a whole)."""
    words: list[str] = []
    spaces: list[bool] = []
    for n, token in enumerate(tokens):
        after = tokens[n + 1] if n + 1 < len(tokens) else None
        if token.lower_ == "domestic" and after is not None and after.lower_ == "abuse":
            continue
        neutral = topics.get(token.lower_)
        if neutral is not None and token.text[:1].isupper():
            neutral = neutral.capitalize()
        words.append(neutral or token.text)
        spaces.append(bool(token.whitespace_))
    return Doc(tokens[0].doc.vocab, words=words, spaces=spaces)[:]


def _asked(own: Judgement, tokens: list[Token]) -> Judgement:
    """An improvement whose clause is asked for ("it must be authorised and recorded properly
    every time", see segment.demanded) is no finding: what the force must do is no
    strength, and the words of quality in a demand ("properly", "better") mislead the
    classifier. (Read as a concern instead, such clauses were more often recommendations
    than the concerns of the gold: dev2 concerns 0.802 against 0.806.) A finding that is a
    recommendation (`segment.recommended`: a demand with a deadline, or one the sentence
    says is recommended) is no finding either."""
    if own.label != NOT_FINDING and segment.recommended(tokens):
        # "Within six months, the force should ...", "recommended that A, and | that it clear
        # its backlog within a year": a recommendation, whatever its words of quality
        return no_finding(own)
    if own.label != IMPROVEMENT or not segment.demanded(segment.trim(tokens) or tokens):
        return own
    return no_finding(own)


#: Prepositions that give a judgement of a report its area ("critical of X", "positive
#: about Y"): with one, what the report says of the area is a finding.
_AREA_PREPOSITIONS = frozenset({"of", "about", "on", "over", "in", "into", "regarding", "towards"})


def _verdict_on_the_report(own: Judgement, tokens: list[Token]) -> Judgement:
    """No finding, when the clause only says what kind of report it is, naming no area ("But
    the report is far from a clean bill of health", "The findings are a wake-up call"): a
    copula whose subject is the report or its findings as a whole, with no clause and no
    area after its complement ("The report is critical of the way the force handles 999
    calls" names one). A lead-in to the findings, not one of them."""
    if own.label == NOT_FINDING:
        return own
    roots = clause_roots(tokens)
    if len(roots) != 1 or roots[0].lower_ not in _COPULAS:
        return own
    root, inside = roots[0], {t.i for t in tokens}
    subjects = [c for c in root.children if c.dep_ == "nsubj" and c.i in inside]
    whole = [
        s
        for s in subjects
        if s.lower_ in _REPORT_NOUNS and any(c.dep_ in ("det", "poss") for c in s.children)
    ]
    if not whole or any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in root.children):
        return own
    complements = [c for c in root.children if c.dep_ in ("acomp", "attr", "advmod", "oprd")]
    for head in (root, *complements):
        if any(c.dep_ == "prep" and c.lower_ in _AREA_PREPOSITIONS for c in head.children):
            return own
    return no_finding(own)


def no_finding(own: Judgement) -> Judgement:
    """`own` turned into no finding: the probabilities of its label and of NOT_FINDING swap."""
    scores = {**own.scores, NOT_FINDING: own.scores[own.label], own.label: own.scores[NOT_FINDING]}
    return Judgement(NOT_FINDING, scores[NOT_FINDING], scores)


#: Verbs that tell how big something is or how much it handles ("has 40 cells", "employs
#: 3,400 officers", "dealt with 9,000 detainees"), inflected.
SCALE_VERBS = ("have", "employ", "cover", "serve", "house", "hold", "deal", "handle", "process", "receive")
NEUTRAL_COUNT_PARTS = frozenset(
    {"det", "nummod", "quantmod", "compound", "cc", "conj", "punct", "prep", "pobj"}
)


#: Nouns that name an inspection's report or what it found as a whole (not its
#: recommendations: "the force has acted on the recommendations" is progress).
_REPORT_NOUNS = frozenset({"report", "reports", "findings", "inspection", "conclusions", "verdict"})


#: Prepositions that take what a reaction or a pointer is about ("surprised by", "a summary
#: of", "pleased with", "responded to", "comments on"), not when ("since the last inspection").
_REACTION_PREPOSITIONS = frozenset({"by", "of", "with", "to", "on", "about"})


#: Verbs of saying whose denial says nothing of what they would have said.
_SAYING = resources.inflections(("say", "mention", "state", "suggest"))


def _not_said(own: Judgement, tokens: list[Token]) -> Judgement:
    """No finding, when the clause's own verb of saying is denied before what it would have
    said ("It does not say that the culture has changed", "The report did not mention
    whether ..."): a pointer at a silence, not a finding, whichever way the words read.
    (A denied verb of finding, "did not find that X", is `untold_checked`'s.)"""
    roots = clause_roots(tokens)
    if own.label == NOT_FINDING or len(roots) != 1:
        return own
    verb = roots[0]
    told_by = [c for c in verb.children if c.dep_ == "nsubj"]
    if not any(c.lower_ == "it" or attribution.names_the_inspection(c) for c in told_by):
        return own  # "Officers did not say that ...": theirs to leave unsaid, and often a failing
    denied = verb.lower_ in _SAYING and any(c.dep_ == "neg" for c in verb.children)
    said = any(c.dep_ == "ccomp" for c in verb.children)
    return no_finding(own) if denied and said else own


def _a_definition(own: Judgement, tokens: list[Token]) -> Judgement:
    """No finding, when the clause is a term and what it asks about ("Crime data integrity:
    whether crimes reported to the police are recorded accurately and on time", a glossary's
    line): a noun at its root with a "whether" clause hung on it, and no verb of its own.
    The classifier read the example as an improvement (0.93), by its "accurately"."""
    roots = clause_roots(tokens)
    if own.label == NOT_FINDING or len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN"):
        return own
    asked = [
        c for c in roots[0].children if any(m.dep_ == "mark" and m.lower_ == "whether" for m in c.children)
    ]
    return no_finding(own) if asked else own


def _about_the_report(own: Judgement, tokens: list[Token]) -> Judgement:
    """No finding, when the clause's verb acts on the report or its findings as a whole
    ("The Farmers' Union welcomed the report", "The chief constable accepted the findings
    in full", "We are not surprised by what the inspectors found", "Here is a summary of
    what the inspectors found"), or on what someone said before ("The report confirms what
    we have been saying"): a reaction to, or a pointer at, what was found, not a finding.
    The classifier reads the reaction's warmth ("welcomed") as an improvement.
    A clause whose verb also takes a clause of its own ("welcomed the report, which found
    that ...", "accepted that ...") is left to the classifier."""
    if own.label == NOT_FINDING:
        return own
    roots = clause_roots(tokens)
    if len(roots) != 1:
        return own
    root, inside = roots[0], {t.i for t in tokens}
    # not after a dash: "did not record the child's voice - what the child said" explains the object
    said = [
        c
        for c in root.children
        if c.dep_ == "ccomp" and c.i in inside and _what_was_said(c) and not _after_a_dash(c)
    ]
    if any(c.dep_ in ("ccomp", "xcomp") and c.i in inside and c not in said for c in root.children):
        return own  # "accepted that ...": what it accepts is read on its own
    if said:
        return no_finding(own)  # "The report confirms what we have been saying"
    if any(c.dep_ == "nsubj" and attribution.names_the_inspection(c) for c in root.children):
        return own  # "HMICFRS published its report and found ...": the inspection's own account
    objects = [c for c in root.children if c.dep_ in ("dobj", "attr")]
    holders = [root, *(c for c in root.children if c.dep_ in ("acomp", "attr", "nsubj", "dobj"))]
    for prep in (c for t in holders for c in t.children if c.dep_ in ("prep", "agent")):
        if prep.lower_ in _REACTION_PREPOSITIONS:  # "surprised by", "a summary of", "pleased with"
            objects += [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
    for thing in objects:
        # not "reports of anti-social behaviour": what the public reported; and a report
        # as a whole is determined ("the report", "its findings"): bare, "missing person
        # reports" are the kind of record
        card = thing.lower_ in ("card", "scorecard") and any(c.lower_ == "report" for c in thing.children)
        whole = (
            (thing.lower_ in _REPORT_NOUNS or card)  # "has been given its latest report card"
            and not any(c.lower_ == "of" for c in thing.children)
            and any(c.dep_ in ("det", "poss") for c in thing.children)
        )
        found = (  # "what the inspectors found"
            thing.pos_ in ("VERB", "AUX")
            and any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj") for c in thing.children)
            and any(c.dep_ == "nsubj" and attribution.names_the_inspection(c) for c in thing.children)
        )
        # not "a report by the inspectorate which found that ...": what it found is its own
        if whole and not any(t.dep_ in ("relcl", "acl") for t in thing.subtree) or found:
            return no_finding(own)
    return own


def _after_a_dash(clause: Token) -> bool:
    """Does a dash come right before the clause's first word ("... voice - | what the child
    said")? Then the clause is an aside on what comes before it."""
    first = clause.left_edge
    return first.i > 0 and first.nbor(-1).text in ("-", "\u2013", "\u2014")


#: Words that open an indirect question ("whether forces vet ...", "how well the force ...").
_QUESTION_OPENERS = frozenset({"whether", "if", "how", "what", "which", "why"})
#: Subjects of a verb of examining that make it the inspection's question, not a practice
#: of the force ("Supervisors check whether ..."), besides the inspection's own nouns.
_ASKING_PRONOUNS = frozenset({"we", "it", "they", "i"})


def _only_asks(own: Judgement, tokens: list[Token]) -> Judgement:
    """No finding, when the clause only says what the inspection asked: its verb is a verb
    of examining (`question_verbs` in data/cues.json) whose complement is an indirect
    question ("The review examined whether forces vet their recruits thoroughly enough",
    "We set out to establish if custody records were complete"), or the clause is such a
    question split off one ("Inspectors looked at the control room | and how it handles
    calls"). The classifier reads the question's words of quality ("thoroughly", "well")
    as a finding. Not when the verb is denied or asked for ("The force does not check
    whether officers have been vetted" is a concern), when its subject is someone other
    than the inspection ("Supervisors check whether ..."), nor when the clause goes on to
    say what was found ("examined how ... and found that ...")."""
    if own.label == NOT_FINDING:
        return own
    # the clause's verb; its subject may hang on a verb taken out of the clause ("The
    # inspection, [carried out in May,] assessed whether ...")
    roots = [t for t in clause_roots(tokens) if t.pos_ in ("VERB", "AUX")]
    if len(roots) != 1:
        return own
    root, inside = roots[0], {t.i for t in tokens}
    if _indirect_question(root):  # a question split off the clause that asks it
        question = root
        while question.dep_ == "conj" and _indirect_question(question.head):
            question = question.head  # "looked at how A, how B | and how C"
        verb = question.head.head if question.dep_ == "pcomp" else question.head
        # "advcl": a list of questions the parser hung on the verb as adverbial clauses
        # ("looked at how A, | how B and how C")
        asked = (
            question.dep_ in ("ccomp", "conj", "pcomp", "advcl")
            and verb.i not in inside
            and _inspection_asks(verb)
        )
        return no_finding(own) if asked else own
    # "set out | to establish | if ...", and a verb of inspecting the parser made the root
    # ("The inspection, carried out in May, | assessed whether ..."): the verbs that may ask
    verbs = [root]
    while (
        nxt := next((c for c in verbs[-1].children if c.dep_ == "xcomp" and c.i in inside), None)
    ) is not None:
        verbs.append(nxt)
    examining = _question_verbs() | attribution.method_verbs()
    verbs += [c for v in list(verbs) for c in v.children if c.dep_ == "conj" and c.lower_ in examining]
    questions = [
        c
        for v in verbs
        if _inspection_asks(v)
        for c in [
            *(c for c in v.children if c.dep_ in ("ccomp", "conj", "advcl")),
            *(g for p in v.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pcomp"),
        ]
        if c.i in inside and _indirect_question(c)
    ]
    others = [
        c
        for v in verbs
        for c in v.children
        if c.i in inside
        and c.dep_ in ("ccomp", "conj", "advcl")
        and c.pos_ in ("VERB", "AUX")
        and c not in questions
        and c not in verbs
    ]
    return no_finding(own) if questions and not others else own


def _indirect_question(verb: Token) -> bool:
    """Is `verb` the head of an indirect question ("whether forces vet ...", "how well the
    force protects ...")?"""
    return (
        verb.pos_ in ("VERB", "AUX")
        and verb.left_edge.lower_ in _QUESTION_OPENERS
        and verb.left_edge.i < verb.i
    )


def _inspection_asks(verb: Token) -> bool:
    """Is `verb` a verb of examining, neither denied nor asked for, whose subject (or the
    subject of the verbs it completes: "We set out to establish ...") is the inspection or
    a pronoun, or which has none?"""
    if verb.lower_ not in _question_verbs() and verb.lower_ not in _asking_verbs():
        return False
    while True:
        if any(c.dep_ in ("neg", "aux") and c.lower_ in _NOT_ASKING for c in verb.children):
            return False
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            s = subjects[0]
            if verb.lower_ in _asking_verbs() and _puts_questions(s):
                return True  # "A panel member asked whether the backlog was being cut": a question put
            return verb.lower_ in _question_verbs() and (
                attribution.names_the_inspection(s) or s.lower_ in _ASKING_PRONOUNS
            )
        if verb.dep_ not in ("xcomp", "conj"):
            return True
        verb = verb.head


#: Words beside a verb of examining that make it a practice denied or asked for, not a question asked.
_NOT_ASKING = frozenset({"not", "n't", "never", "should", "must", "will", "would", "could", "might", "may"})


@cache
def _asking_verbs() -> frozenset[str]:
    """Verbs of putting a question ("asked whether", "questioned whether", "queried how"), inflected."""
    return resources.inflections(("ask", "question", "query", "wonder"))


#: Who puts questions at a meeting or an interview, not what the inspection found: a
#: question of theirs ("Councillor Patel asked how the force would fill its vacancies")
#: is no finding, as a call handler's ("asked whether callers were safe") may be a practice.
_QUESTIONERS = frozenset(
    {
        *("member", "members", "councillor", "councillors", "cllr", "mp", "mps", "chair", "chairman"),
        *("chairwoman", "chairperson", "panel", "committee", "journalist", "journalists", "reporter"),
        *("reporters", "interviewer", "presenter", "resident", "residents"),
    }
)


def _puts_questions(subject: Token) -> bool:
    """Is the subject a questioner at a meeting or an interview (`_QUESTIONERS`), by its noun
    or a title before a name ("Councillor Patel", "Cllr Hughes")?"""
    return subject.lower_ in _QUESTIONERS or any(
        c.dep_ == "compound" and c.lower_ in _QUESTIONERS for c in subject.children
    )


@cache
def _question_verbs() -> frozenset[str]:
    """The verbs of examining that take an indirect question (`question_verbs` in
    data/cues.json), inflected."""
    return resources.inflections(tuple(resources.load("cues")["question_verbs"]))


def _what_was_said(verb: Token) -> bool:
    """Is `verb` a verb of speech heading a free relative ("what we have been saying", "what
    victims have told us"): something said before, pointed at, not stated?"""
    if verb.lower_ not in _speech_verbs():
        return False
    if any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj") for c in verb.children):
        return True
    # "what the inspectors told us", "what" read as the dative of "told": the report pointed at
    told = any(c.lower_ == "what" and c.dep_ == "dative" for c in verb.children)
    return told and any(c.dep_ == "nsubj" and attribution.names_the_inspection(c) for c in verb.children)


@cache
def _speech_verbs() -> frozenset[str]:
    """Verbs of speech (`speech_verbs` in data/cues.json), inflected."""
    return resources.inflections(tuple(resources.load("cues")["speech_verbs"]))


def _progress_seen(own: Judgement, tokens: list[Token]) -> Judgement:
    """An improvement, when the clause says progress was seen: a noun of progress (cues.json
    `progress` nouns) as the object of a verb of seeing or making it ("Inspectors noted
    progress in tracing wanted suspects", "The force has made headway with its backlog")
    or after "there has been" ("There had been some progress in the use of body-worn
    video"), in an area it names, neither denied nor with a word of shortfall or of more
    wanted beside it ("little progress", "more progress is needed": cues.json `progress`
    shortfall). Only a clause the classifier takes for a finding: it reads "acknowledged
    some progress in X" as a concern at 0.91."""
    if own.label == NOT_FINDING or own.label == IMPROVEMENT and own.score >= RULE_SCORE:
        return own  # not what the classifier takes for no finding ("A 2019 inspection found ...")
    nouns, shortfall, verbs = _progress_words()
    roots = [t for t in clause_roots(tokens) if t.pos_ in ("VERB", "AUX")]
    if len(roots) != 1 or any(t.dep_ == "neg" or t.lower_ in shortfall for t in tokens):
        return own
    root = roots[0]
    existential = any(c.dep_ == "expl" for c in root.children)
    seen = [
        c
        for c in root.children
        if c.lower_ in nouns
        and (c.dep_ == "dobj" and root.lower_ in verbs or c.dep_ == "attr" and existential)
    ]
    # "Progress has been made in ...": the noun as the subject of a passive verb of making it
    seen += [c for c in root.children if c.lower_ in nouns and c.dep_ == "nsubjpass" and root.lower_ in verbs]
    # in what ("progress in tracing suspects"): "genuine progress" alone names no area
    named = any(p.dep_ == "prep" and p.lower_ in _PROGRESS_IN for n in seen for p in n.children)
    return settled(IMPROVEMENT) if named else own


@cache
def _progress_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """cues.json `progress`: its nouns, its words of shortfall, and its verbs inflected."""
    cues = resources.load("cues")["progress"]
    return frozenset(cues["nouns"]), frozenset(cues["shortfall"]), resources.inflections(tuple(cues["verbs"]))


#: Prepositions after a noun of progress that name where it was made.
_PROGRESS_IN = frozenset({"in", "on", "with", "towards", "against", "since"})


#: Verbs that say a practice has begun ("has begun to publish ...", "has started to record ...").
_BEGINNING_VERBS = ("begin", "start")


def _begun(own: Judgement, tokens: list[Token]) -> Judgement:
    """An improvement, when the clause says the force has begun a practice ("The force has
    begun to publish hate crime figures for each district", "has started to record the
    ethnicity of people it stops") and the classifier read it as no finding (1.0 for the
    first): a practice begun is a change. Only a clause it read as no finding, whose
    subject is not the inspection ("Inspectors began to examine files in May") nor the
    speaker ("we have started to ..."), and whose verb is not denied; one it read as a
    concern ("has started to fall behind") stays."""
    if own.label != NOT_FINDING:
        return own
    inside = {t.i for t in tokens}
    for verb in tokens:
        if verb.lower_ not in resources.inflections(_BEGINNING_VERBS) or verb.lower_ in _BEGINNING_VERBS:
            continue
        if not any(c.dep_ == "xcomp" and c.i in inside and c.pos_ == "VERB" for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or attribution.names_the_inspection(subject) or subject.lower_ in ("i", "we"):
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        return settled(IMPROVEMENT)
    return own


#: What an inspection asks of a force, as a noun ("recommendation 2 has been met").
_ASKED_OF = frozenset({"recommendation", "recommendations", "action", "actions"})
#: Nouns of what an inspection found wanting, whose fulfilment ("the risks had been
#: addressed", "weaknesses ... have been resolved") is a finding as a recommendation's is.
_FOUND_WANTING = frozenset(
    {
        *("risk", "risks", "problem", "problems", "issue", "issues", "failing", "failings"),
        *("weakness", "weaknesses", "shortcoming", "shortcomings", "deficiency", "deficiencies"),
        *("gap", "gaps"),
    }
)


def _recommendation_met(own: Judgement, tokens: list[Token]) -> Judgement:
    """An improvement when the clause says an earlier recommendation was fulfilled
    ("Recommendation 2, on the auditing of cancelled crimes, has also been met", "the force
    has implemented the recommendation on stalking"), or something found wanting put right
    ("the risks flagged in its last report had been addressed"), a concern when denied or
    done only in part ("Recommendation 3 has not been met", "was only partially achieved"):
    a revisit's finding. The classifier reads the recommendation's words ("should improve ...") and
    takes the first for a concern. Only for a finding or an unsure reading; a clause read
    surely as no finding (a plan: "will implement the recommendations") stays."""
    inside = {t.i for t in tokens}
    fulfilment = resources.inflections(words.PUT_RIGHT_VERBS)
    for verb in tokens:
        if verb.lower_ not in fulfilment or verb.tag_ not in ("VBN", "VBD", "VBZ", "VBP"):
            continue
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
            continue  # "will implement": a plan, not what was found
        passive = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i in inside]
        active = [c for c in verb.children if c.dep_ == "dobj" and c.i in inside]
        asked = [c for c in passive or active if c.lower_ in _ASKED_OF or c.lower_ in _FOUND_WANTING]
        if not asked or _counted(asked[0]):
            continue  # "three recommendations had been achieved": how many, not which
        denied = any(c.dep_ == "neg" for c in verb.children)
        partly = any(c.lower_ in ("partially", "partly") for c in verb.children)
        if own.label == NOT_FINDING and own.score >= RULE_SCORE:
            return own
        return settled(CONCERN if denied or partly else IMPROVEMENT)
    return own


def _counted(noun: Token) -> bool:
    """Is the noun counted ("three recommendations", "all the recommendations", "two of the
    recommendations"), not named ("recommendation 2", "the recommendation on stalking")?"""
    quantities = ("all", "both", "some", "most", "none", "many", "few", "several")
    before = [c for c in noun.children if c.i < noun.i]
    if any(c.dep_ == "nummod" or c.lower_ in quantities for c in before):
        return True
    return noun.head.lower_ == "of" and (noun.head.head.like_num or noun.head.head.lower_ in quantities)


def _in_a_state(own: Judgement, tokens: list[Token]) -> Judgement:
    """The polarity of a thing said to be in a good or bad state ("The cells are outdated
    and cramped", "Reviews of detention were timely", "Records were not accurate"): the
    adjective's, from data/cues.json `state_words` (a lexicon by meaning class:
    quality, safety, timeliness, accuracy, consistency, sufficiency, conduct), turned over
    when denied. The clause is a copula with a noun subject and the adjective as its
    complement; the classifier, without word vectors, read the first as no finding (1.0).
    Grade words are the grades' and are left out of the lexicon."""
    inside = {t.i for t in tokens}
    states = vocabulary().states
    if any(t.lower_ in EXCEPTIONS for t in tokens):
        return own  # "clean, with the exception of Oldbury, where cells had graffiti": both ways
    if segment.demanded(segment.trim(tokens) or tokens):
        return own  # "needs to make sure its records are accurate": a state asked for, not found
    for adjective in tokens:
        polarity = states.get(adjective.lower_) or _ease(adjective)
        if polarity is None:
            continue
        if adjective.i > 0 and adjective.nbor(-1).lower_ in _ASKING_FOR:
            continue  # "was inadequate or required improvement": the grade, not a state
        held = adjective.dep_ == "pobj" and adjective.head.lower_ in ("for", "of")
        # "is a cause for concern", "remains an area of concern" (not "an area for improvement")
        if held and polarity == CONCERN and adjective.head.head.lower_ in _STATE_HOLDERS:
            adjective = adjective.head.head
        complement = adjective.dep_ in ("acomp", "attr") and adjective.head.i in inside
        if complement and adjective.head.lower_ in _STATE_VERBS:
            copula = adjective.head  # "The cells were dirty", "X remains a problem", "X is a model"
        elif adjective.tag_ == "VBN" and any(
            c.dep_ == "auxpass" and c.lower_ in _STATE_VERBS for c in adjective.children
        ):
            copula = adjective  # "The cells are outdated", parsed as a passive
        else:
            continue
        subject = next((c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.i not in inside:
            continue
        if _asked_or_supposed(copula, inside):
            continue  # "does not check whether its work is effective": a state asked about
        around = (*copula.children, *adjective.children)
        # "not clean", "no longer clean", "hardly an improvement", "barely adequate"
        denied = any(c.dep_ == "neg" or _ended(c) or c.lower_ in APPROXIMATE_NEGATORS for c in around)
        denied = denied or _no_subject(subject)  # "No record was incomplete", "Not a single cell was dirty"
        if _hard_to_show(copula, inside):
            denied = not denied  # "makes it difficult for the force to show that its decisions are fair"
        if denied:
            polarity = CONCERN if polarity == IMPROVEMENT else IMPROVEMENT
        return _agreed(own, polarity)
    return own


#: Adjectives of how easy a thing is to do, with the infinitive they take ("easy to use",
#: "hard to find", "difficult to navigate"): a service's quality for those who use it.
_EASE = {
    **dict.fromkeys(("easy", "easier", "simple", "straightforward", "quick"), IMPROVEMENT),
    **dict.fromkeys(("hard", "harder", "difficult", "confusing", "impossible", "awkward"), CONCERN),
}


def _ease(adjective: Token) -> str | None:
    """The polarity of an adjective of ease with an infinitive ("hard | to use"), else None."""
    polarity = _EASE.get(adjective.lower_)
    if polarity is None:
        return None
    infinitives = (c for c in adjective.children if c.dep_ == "xcomp")
    return polarity if any(a.lower_ == "to" for c in infinitives for a in c.children) else None


def _no_subject(subject: Token) -> bool:
    """Is the subject denied as a whole: "no record", "not a single cell", "not one file"?"""
    words = [t.lower_ for t in subject.subtree if t.i < subject.i]
    return "no" in words[:1] or words[:1] == ["not"] and bool({"single", "one"} & set(words[1:3]))


def _described_so(own: Judgement, tokens: list[Token]) -> Judgement:
    """The polarity of a quality the inspection gives the clause in a relative clause on it
    ("..., which the inspectors called outstanding", "..., which inspectors described as
    poor": a word of `state_words` or a grade word), turned over when denied: it is the inspection's
    verdict on what the clause says, however the classifier read the clause (a denied
    failing, "not a single case had been left out", it read as a concern)."""
    states = {**vocabulary().states, **_GRADE_POLARITY}
    for which in tokens:
        told = inspection_description(which)
        state = next((t for c in told for t in c.subtree if t.lower_ in states), None)
        if state is None:
            continue
        polarity = states[state.lower_]
        denial = [c for c in (*which.head.children, *state.children) if c.dep_ in ("neg", "preconj")]
        if any(c.dep_ == "neg" or c.lower_ == "neither" for c in denial):  # "neither safe nor dignified"
            polarity = CONCERN if polarity == IMPROVEMENT else IMPROVEMENT
        return _agreed(own, polarity)
    return own


def inspection_description(which: Token) -> list[Token]:
    """What the inspection calls the clause before, when `which` opens a relative clause in
    which it does ("..., which inspectors described as | impressive", "..., which the report
    called | a serious failing"): the describing verb's complements; else nothing."""
    verb = which.head
    if which.lower_ != "which" or which.tag_ != "WDT" or verb.lower_ not in _describing():
        return []
    if not any(attribution.names_the_inspection(c) or c.lower_ == "they" for c in verb.children):
        return []
    told = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp")]
    return told + [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]


#: Grade words as qualities ("which the inspectors called outstanding"); "adequate" is
#: neither way, and the grade words are left out of `state_words`.
_GRADE_POLARITY = {"outstanding": IMPROVEMENT, "good": IMPROVEMENT, "inadequate": CONCERN}


@cache
def _describing() -> frozenset[str]:
    """Verbs of giving something a quality ("described as", "called", "judged"), inflected."""
    verbs = ("describe", "call", "term", "label", "deem", "judge", "consider", "rate", "brand")
    return frozenset(resources.inflections(verbs))


#: Nouns that hold a state named after "for" or "of" ("a cause for concern", "an area of
#: weakness"): as a copula's complement, the state is the subject's.
_STATE_HOLDERS = frozenset({"cause", "causes", "area", "areas", "source", "sources", "matter"})
#: Words before "improvement" that make it the grade "requires improvement", not a state.
_ASKING_FOR = frozenset({"required", "requires", "require", "requiring", "needs", "needed", "need"})
#: Words above a state that say it cannot be shown or reached ("difficult to show that ...").
_HARD = frozenset({"difficult", "hard", "impossible", "unable"})


def _hard_to_show(verb: Token, inside: set[int]) -> bool:
    """Is the state's clause under a word that says it is hard or impossible to show or
    reach ("That makes it difficult for the force to show that its decisions are fair")?
    Then the clause tells that the state is not shown."""
    return any(a.lower_ in _HARD and a.i in inside for a in verb.ancestors)


def _asked_or_supposed(verb: Token, inside: set[int]) -> bool:
    """Is `verb`, or a clause it hangs in within the clause, an indirect question or a
    condition ("checks whether its work is effective", "if records are accurate")? Then
    what it says is asked about or supposed, not found."""
    node = verb
    while node.i in inside:
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _named_by_its_kind(own: Judgement, tokens: list[Token]) -> Judgement:
    """The polarity of a clause whose subject is the kind of finding its complement names
    ("One area of concern was the supervision of X", "A key strength was the force's work
    on Y", "One of the force's strengths is Z", "The main weakness identified was W"): the
    kinds of a report's sections (data/cues.json `section_headings`, singular or plural,
    with any degree word left out: "the area of most concern") and the nouns of a bad or
    good state (`state_words`: "A problem was ..."). The classifier read most such clauses
    as no finding (a key strength was X: 1.00), taking them for talk about the report. The
    kind must be the subject's head, or what a partitive or "area" head is of or for
    ("One of | the strengths", "An area | for improvement"); not a denied copula."""
    inside = {t.i for t in tokens}
    for verb in tokens:
        if verb.lower_ not in _STATE_VERBS or any(c.dep_ == "neg" for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        named = [c for c in verb.children if c.dep_ in ("attr", "ccomp") and c.i > verb.i and c.i in inside]
        if subject is None or subject.i not in inside or not named:
            continue
        polarity = _kind_of_finding(subject)
        if polarity is not None:
            return own if own.label == polarity else settled(polarity)
    return own


def _a_bad_thing_named(own: Judgement, tokens: list[Token]) -> Judgement:
    """A concern, when the clause is only a noun phrase (a list item, "Key findings: | -
    Backlog of 74 referrals") whose head is a thing that should not be there at all: a
    backlog, delays, a shortage, errors (`_BAD_THINGS`). The classifier read such items as
    improvements. Not when its modifiers deny or shrink it ("No backlog", "Fewer delays",
    "A reduced backlog"): those are left to the rules of measures and to the classifier."""
    phrase = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not phrase or any(t.tag_ in FINITE_TAGS for t in phrase):
        return own  # a clause: "awaiting examination" on the noun is no verb of its own
    head = next((t for t in phrase if t.dep_ == "ROOT"), None)
    if head is None or head.lower_ not in _BAD_THINGS:
        return own
    modifiers = [t.lower_ for t in phrase if t.i < head.i]
    if any(w in _SHRINKING for w in modifiers):
        return own
    return own if own.label == CONCERN else settled(CONCERN)


def _a_bad_thing_reported(own: Judgement, tokens: list[Token]) -> Judgement:
    """A concern, when the clause reports a thing that should not be there (`_BAD_THINGS`)
    as what was found: the object of a reporting verb ("Inspectors noted a failure to X",
    "pointed to an inability to X") or the subject of one in the passive ("A failure to
    offer detainees a shower was also highlighted"). The classifier read the first kind as
    an improvement and the second as no finding. Not when the verb or the thing is denied
    ("did not find a backlog", "found no shortage")."""
    inside = {t.i for t in tokens}
    for verb in tokens:
        if verb.lower_ not in _REPORTING or any(c.dep_ == "neg" for c in verb.children):
            continue
        things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        things += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
        for thing in things:
            if thing.i not in inside or thing.lower_ not in _BAD_THINGS:
                continue
            if any(c.lower_ in _SHRINKING or c.dep_ == "neg" for c in thing.children):
                continue
            return own if own.label == CONCERN else settled(CONCERN)
    return own


#: Verbs that report what an inspection found, as the things in `_a_bad_thing_reported`.
_REPORTING = frozenset(
    resources.inflections(
        ("note", "highlight", "identify", "find", "flag", "cite", "point", "uncover", "reveal")
    )
)
#: Things a finding that names them reports as there, and which should not be.
_BAD_THINGS = frozenset(
    {
        *("backlog", "backlogs", "delay", "delays", "queue", "queues", "vacancies", "shortfall"),
        *("shortage", "shortages", "lack", "errors", "mistakes", "breaches", "failure", "failures"),
        "inability",
    }
)
#: Modifiers that deny or shrink such a thing ("no backlog", "fewer delays").
_SHRINKING = frozenset(
    {"no", "fewer", "less", "reduced", "smaller", "shorter", "falling", "cleared", "minimal", "little"}
)


def _kind_of_finding(subject: Token) -> str | None:
    """IMPROVEMENT or CONCERN when the subject names a kind of finding (see
    `_named_by_its_kind`), else None."""
    chain = [subject]
    while chain[-1].lower_ in _SHELL_HEADS:
        of = next((c for c in chain[-1].children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if noun is None:
            break
        chain.append(noun)
    heads = {t.i for t in chain}
    if not all(_ours(t) for t in _holders(chain)):
        return None  # "The main concern of residents", "A worry raised by the federation"
    words = [t for t in subject.subtree if t.i <= chain[-1].i]
    plain = [t for t in words if t.i in heads or t.pos_ not in ("ADJ", "ADV", "DET", "NUM")]
    kinds = _finding_kinds()
    for candidate in (words, plain):
        low = [t.lower_ for t in candidate]
        for polarity, phrases in kinds.items():
            for phrase in phrases:
                n = len(phrase)
                if any(
                    tuple(low[k : k + n]) == phrase and candidate[k + n - 1].i in heads
                    for k in range(len(low) - n + 1)
                ):
                    return polarity
    return None


def _holders(chain: list[Token]) -> list[Token]:
    """Whose kind of finding the subject is: a possessor ("residents' main concern") and
    who it is of, for, among or by after it ("the concern of residents", "a worry raised by
    the federation"), beside the words of the kind itself."""
    heads = {t.i for t in chain}
    out = [c for h in chain for c in h.children if c.dep_ == "poss"]
    last = chain[-1]
    for t in last.subtree:
        preposition = t.head.lower_ in ("of", "for", "among", "by")
        if t.dep_ == "pobj" and preposition and t.i > last.i and t.i not in heads:
            out.append(t)
    return out


def _ours(token: Token) -> bool:
    """Is the holder the inspection, the force or a pronoun that may stand for them?"""
    if token.pos_ == "PRON" or attribution.names_the_inspection(token):
        return True
    return token.lower_ in attribution.FORCE_NOUNS or bool(
        gazetteer.token_indices(token.doc, "FORCE") & {t.i for t in token.subtree}
    )


#: Heads of a subject whose "of" or "for" says what it is ("One of the strengths", "An
#: area for improvement", "A source of concern").
_SHELL_HEADS = frozenset({"one", "another", "some", "area", "areas", "source", "cause", "causes", "example"})


@cache
def _finding_kinds() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The kinds of finding by polarity, as word tuples: a report's section kinds
    (`section_headings`, as given and in the singular) and the nouns among `state_words`."""
    data = resources.load("cues")
    kinds: dict[str, set[tuple[str, ...]]] = {IMPROVEMENT: set(), CONCERN: set()}
    for polarity in (IMPROVEMENT, CONCERN):
        for heading in data["section_headings"][polarity]:
            words = tuple(heading.split())
            if words[0] in ("what", "what's", "improvements"):
                continue  # "what needs to improve": a question, not a noun of a kind
            kinds[polarity].add(words)
            kinds[polarity].add(tuple(_singular(w) for w in words))
        for word in data["state_words"][polarity]:
            if word in _STATE_NOUNS:
                kinds[polarity].add((word,))
    return {p: tuple(sorted(k, key=len, reverse=True)) for p, k in kinds.items()}


#: The nouns among the state words ("remains a problem", "is a model"), as subjects.
_STATE_NOUNS = frozenset({"problem", "weakness", "failing", "shortcoming", "strength"})


def _singular(word: str) -> str:
    """A plural noun of the section kinds in the singular ("areas", "weaknesses", "causes")."""
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _judged_passive(own: Judgement, tokens: list[Token]) -> Judgement:
    """The polarity of a clause whose own predicate is a judging verb in the passive, with
    no agent or the inspection as agent ("The custody suites were criticised", "Its work
    with schools was praised by inspectors": data/cues.json `judging_verbs`). The
    classifier read the first as no finding at 1.00: a short clause about a topic. Not
    when denied ("was not criticised"), asked for ("should be praised" is `_asked`'s) or
    judged by someone else ("praised by the commissioner"), nor in a clause that names a
    year ("was strongly criticised after a 2014 inquiry"): a judgement of the past."""
    if any(is_year(t) for t in tokens):
        return own
    inside = {t.i for t in tokens}
    verbs = _judging_verbs()
    for verb in tokens:
        polarity = verbs.get(verb.lower_)
        if polarity is None or verb.tag_ != "VBN" or not _asserted_predicate(verb, inside):
            continue
        children = list(verb.children)
        if not any(c.dep_ == "auxpass" for c in children) or not any(c.dep_ == "nsubjpass" for c in children):
            continue
        if any(c.dep_ == "neg" or c.lower_ in _MODALS for c in children):
            continue
        agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if any(not attribution.names_the_inspection(a) for a in agents):
            continue
        return own if own.label == polarity else settled(polarity)
    return own


@cache
def _judging_verbs() -> dict[str, str]:
    """Each past participle of data/cues.json `judging_verbs` -> its polarity."""
    data = resources.load("cues")["judging_verbs"]
    return {
        form: polarity
        for polarity in (IMPROVEMENT, CONCERN)
        for form in resources.inflections(tuple(data[polarity]))
        if form.endswith("ed")
    }


def _standing(own: Judgement, tokens: list[Token]) -> Judgement:
    """The polarity of a clause that ranks its subject against other forces
    (data/cues.json `standing`): a superlative of quality after "among", "one of" or "some
    of", or
    with the country or forces as its scope ("Its handling of rape cases is among the
    worst in the country", "one of the best-performing forces"), or a verb of ranking
    whose object is other forces or their average ("lags behind other forces in X",
    "outperforms most forces"). Not when denied or asked for."""
    if any(t.dep_ == "neg" or t.lower_ in _MODALS for t in tokens):
        return own
    for token in tokens:
        if token.lower_ == "second" and any(
            c.lower_ == "to" and any(w.lower_ == "none" for w in c.children) for c in token.children
        ):
            return _agreed(own, IMPROVEMENT)  # "second to none": ranked above every other
    standing = resources.load("cues")["standing"]
    for polarity in (IMPROVEMENT, CONCERN):
        lexicon = standing[polarity]
        for token in tokens:
            if token.lower_ in lexicon["superlatives"] and token.tag_ in ("JJS", "RBS"):
                before = {t.lower_ for t in tokens if token.i - 4 <= t.i < token.i}
                after = [t.lower_ for t in tokens if token.i < t.i <= token.i + 6]
                any_force = any(a == "any" and b == "force" for a, b in zip(after, after[1:], strict=False))
                if _force_as_a_whole(token, tokens):
                    continue  # "Durham is one of the best-performing forces": no area
                some_of = [w.lower_ for w in token.doc[max(token.i - 3, 0) : token.i - 1]] == ["some", "of"]
                if before & {"among", "one"} or some_of or set(after) & _NATIONAL or any_force:
                    return _agreed(own, polarity)
            if token.pos_ == "VERB" and token.lower_ in resources.inflections(tuple(lexicon["verbs"])):
                ranked = {w.lower_ for c in token.children for w in c.subtree if w.i > token.i}
                falls = token.lower_ in resources.inflections(("fall",))
                if falls and not any(c.lower_ == "behind" for c in token.children):
                    continue  # "fell" alone is a measure's change, not a ranking
                if ranked & (_NATIONAL | {"force", "average", "peers"}):
                    return _agreed(own, polarity)
    return own


#: Comparatives of quality, and the polarity of doing something so compared with before.
_QUALITY_COMPARATIVES = {"better": IMPROVEMENT, "worse": CONCERN}
#: Words that set the term of a comparison in the past ("than they did in 2021", "than
#: before", "than at the last inspection").
_PAST_TERMS = frozenset({"did", "was", "were", "had", "before", "previously", "last", "ago", "earlier"})


def _better_than_before(own: Judgement, tokens: list[Token]) -> Judgement:
    """The polarity of a clause that says something is done better or worse than before
    ("officers understood coercive control far better than they did in 2021", "records
    were kept worse than at the last inspection"): "better" an improvement, "worse" a
    concern. The classifier read the first as a concern (its topic). Not denied ("no
    better than": read as made, see `area_checked`), asked for or modal."""
    if any(t.dep_ == "neg" or t.lower_ in _MODALS or t.lower_ == "no" for t in tokens):
        return own
    for token in tokens:
        polarity = _QUALITY_COMPARATIVES.get(token.lower_)
        if polarity is None or token.tag_ not in ("JJR", "RBR"):
            continue
        than = [w for w in token.subtree if w.lower_ == "than"]
        if not than:
            continue
        term = [w for w in token.subtree if w.i > than[0].i]
        verb = token.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        while subject is None and verb.dep_ == "xcomp":
            verb = verb.head  # "X was judged to be better than ...": the subject of "judged"
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            continue  # "It's better than it was": what is, it does not say
        if any(w.lower_ in _PAST_TERMS or is_year(w) for w in term):
            return _agreed(own, polarity)
    return own


#: Verbs a counterfactual comparative of quality hangs on ("could have been better",
#: "could not have gone better", "could do better").
_COUNTERFACTUAL_VERBS = frozenset(
    {"be", "been", "is", "are", "was", "were", "go", "gone", "went", "do", "done", "did"}
)


def _could_be_better(own: Judgement, tokens: list[Token]) -> Judgement:
    """The polarity of a comparative of quality under a modal of possibility, with no term
    of comparison: a counterfactual. Denied, it is a superlative ("The force's response
    could not have been better", "could hardly have gone better": an improvement; "could
    not have been worse": a concern); affirmed, "better" asks for more ("The handling of
    the inquiry could have been better", "the force could do better": a concern). The
    classifier read the denied form as a concern (0.98) and the tool the affirmed one as an
    improvement. "could have been worse" (faint praise) is left to the classifier."""
    for token in tokens:
        polarity = _QUALITY_COMPARATIVES.get(token.lower_)
        verb = token.head
        if polarity is None or token.tag_ not in ("JJR", "RBR") or verb.lower_ not in _COUNTERFACTUAL_VERBS:
            continue
        if token.dep_ not in ("acomp", "advmod") or any(w.lower_ == "than" for w in token.subtree):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in _POSSIBILITY_MODALS for c in verb.children):
            continue
        if any(c.dep_ == "neg" or c.lower_ in APPROXIMATE_NEGATORS for c in verb.children):
            return _agreed(own, polarity)
        return _agreed(own, CONCERN) if polarity == IMPROVEMENT else own
    return own


#: Modals of possibility, which make a comparative counterfactual ("could have been better").
_POSSIBILITY_MODALS = frozenset({"could", "might", "can", "ca", "may"})
#: Adverbs that deny nearly as "not" does ("hardly an improvement", "barely adequate").
APPROXIMATE_NEGATORS = frozenset({"hardly", "scarcely", "barely"})


def _a_worry_put_right(own: Judgement, tokens: list[Token]) -> Judgement:
    """An improvement: a clause whose predicate is "no longer" so, with an aside that says
    the inspectors (or anyone) had been worried by it or had criticised it ("the force no
    longer relies on overtime to staff its shifts, something that had worried inspectors";
    "no longer lets recruits start before they are vetted, a practice it had been
    criticised for"): a failing that has ended. The aside's past perfect tells that the
    worry was before; the classifier reads the worry and the practice as a concern."""
    inside = {t.i for t in tokens}
    ended = next((t for t in tokens if _ended(t) and _of_the_predicate(t.head, tokens)), None)
    if ended is None:
        return own
    for aside in tokens:
        if aside.dep_ not in ("relcl", "acl", "appos") or aside.i < ended.i:
            continue
        for verb in aside.subtree:
            if verb.i not in inside or verb.lower_ not in _worry_verbs():
                continue
            before = [w.lower_ for w in verb.doc[max(verb.i - 2, 0) : verb.i]]
            # "had worried", "had been criticised"; the parser may read "had" as the verb
            if before[-1:] == ["had"] or before == ["had", "been"]:
                return _agreed(own, IMPROVEMENT)
    return own


@cache
def _worry_verbs() -> frozenset[str]:
    """Past participles of verbs of worrying and of criticising (data/cues.json
    `judging_verbs` concern) that an aside in the past perfect puts before the inspection."""
    worrying = ("worry", "concern", "trouble", "alarm", "flag", "highlight")
    verbs = (*worrying, *resources.load("cues")["judging_verbs"][CONCERN])
    return frozenset(f for f in resources.inflections(verbs) if f.endswith("ed"))


def _force_as_a_whole(superlative: Token, tokens: list[Token]) -> bool:
    """Is what the superlative ranks the force itself (the subject of the verb it hangs
    on), with no activity or thing it is ranked at ("one of the best forces at | answering
    calls", "the worst in England | for the time taken to attend")?"""
    verb = superlative
    for _ in range(10):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.head.i == verb.i:
            break
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    names = gazetteer.token_indices(subject.doc, "FORCE", "PLACE")
    force = subject.lower_ in ("force", "constabulary", "police") or subject.i in names
    activity = any(t.tag_ == "VBG" and t.dep_ in ("pcomp", "pobj") for t in tokens)
    # "the worst in England | for the time taken to attend": ranked at a named thing
    ranked_for = any(
        t.dep_ == "prep" and t.lower_ in ("for", "at") and any(c.dep_ == "pobj" for c in t.children)
        for t in tokens
        if t.i > superlative.i
    )
    return force and not activity and not ranked_for


#: Words that give a ranking the other forces as its scope ("the worst in the country",
#: "the best of all forces", "in England and Wales").
_NATIONAL = frozenset({"forces", "country", "england", "wales", "nationally", "uk", "britain"})


def _assurance_denied(own: Judgement, tokens: list[Token]) -> Judgement:
    """A concern, when the clause denies the assurance of whoever tells it about what
    follows ("Inspectors could not be confident that every child at risk was being
    identified", "were not assured that ...": data/cues.json `assurance_words`; "It is not
    clear / less clear that X", "unclear whether X"), whatever what follows says: the
    classifier read its assured words as an improvement. A clause
    read as no finding stays one (someone else's doubts)."""
    if own.label == NOT_FINDING:
        return own
    words = _assurance_words() | {"clear"} | _DOUBTING
    for adjective in tokens:
        if adjective.lower_ not in words or adjective.dep_ not in ("acomp", "ROOT"):
            continue
        verb = adjective.head if adjective.dep_ == "acomp" else adjective
        around = (*adjective.children, *verb.children)
        # "not satisfied that", or "Nor was I satisfied that", the verb denied by its opening "Nor"
        negated = any(c.dep_ == "neg" or c.lower_ == "nor" and c.i < verb.i for c in around)
        lessened = any(c.lower_ == "less" for c in adjective.children)  # "It is less clear that X"
        if negated == (adjective.lower_ in _DOUBTING) and not lessened:
            continue  # assured, or doubt denied ("not unclear")
        if not any(c.dep_ == "ccomp" for c in around):
            continue
        return _agreed(own, CONCERN)  # made sure: an inspector's unsure doubt was dropped (0.54)
    return own


#: Adjectives of doubt, an assurance denied in one word ("It is unclear whether X").
_DOUBTING = frozenset({"unclear", "uncertain", "unsure", "unconvinced"})


#: Nouns of a worry the inspection may have had, whose denial clears what they are about.
_WORRY_NOUNS = frozenset({"concern", "concerns", "worry", "worries"})
#: Prepositions that name what a worry is about.
_ABOUT = frozenset({"about", "regarding", "over", "around", "with", "concerning"})


def _no_concern_about(own: Judgement, tokens: list[Token]) -> Judgement:
    """An improvement, when the clause denies a worry about a named thing ("The inspection
    did not identify any concerns regarding the management of sex offenders", "Inspectors
    raised no concerns about the handling of 999 calls", "had no concerns over X", "were not
    concerned about X"): the area was looked at and found sound. The classifier read the
    first two as no finding (0.91) and a concern (0.59): it reads the word "concerns"."""
    if own.label == IMPROVEMENT:
        return own
    inside = {t.i for t in tokens}
    for noun in tokens:
        if noun.lower_ not in _WORRY_NOUNS or noun.pos_ != "NOUN":
            continue
        determiners = {c.lower_ for c in noun.children if c.dep_ == "det"}
        verb_denied = noun.head.i in inside and any(c.dep_ == "neg" for c in noun.head.children)
        denied = "no" in determiners or "any" in determiners and verb_denied
        about = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in _ABOUT]
        if denied and any(g.dep_ in ("pobj", "pcomp") for c in about for g in c.children):
            return settled(IMPROVEMENT)
    for worried in tokens:
        if worried.lower_ not in _WORRIED or worried.dep_ != "acomp" or worried.head.i not in inside:
            continue
        holders = [c for c in worried.head.children if c.dep_ == "nsubj"]
        denied = any(c.dep_ == "neg" for c in (*worried.head.children, *worried.children))
        inspectors = any(attribution.names_the_inspection(h) or h.lower_ == "they" for h in holders)
        about = [c for c in worried.children if c.dep_ == "prep" and c.lower_ in _ABOUT]
        if denied and inspectors and any(g.dep_ in ("pobj", "pcomp") for c in about for g in c.children):
            return settled(IMPROVEMENT)  # "Inspectors were not concerned about X"
    return own


#: Adjectives of worry whose denial by the inspectors clears what they are about.
_WORRIED = frozenset({"concerned", "worried", "troubled"})


@cache
def _assurance_words() -> frozenset[str]:
    return frozenset(resources.load("cues")["assurance_words"])


def _ended(token: Token) -> bool:
    """Is the token the "longer" of "no longer"?"""
    return token.lower_ == "longer" and any(c.dep_ == "neg" and c.lower_ == "no" for c in token.children)


#: Words that set an exception or a contrast against a state.
EXCEPTIONS = frozenset({*resources.load("cues")["clause_breaks"], "except", "exception", "apart"})
#: Verbs that say what state something is in.
_STATE_VERBS = frozenset({"is", "are", "was", "were", "be", "been", "remain", "remains", "remained"})


#: Words that deny what follows them in a clause.
_DENIALS = frozenset({"no", "not", "n't", "never", "nothing", "none", "nobody", "neither", "nor", "without"})


def _in_a_bad_manner(own: Judgement, tokens: list[Token]) -> Judgement:
    """A concern, when the clause's verb is done in a bad manner ("Officers were using their
    powers unfairly", "Detainees were treated badly", "Crimes were recorded incorrectly":
    data/cues.json `bad_manner_adverbs`, a lexicon of the quality, fairness, compliance and
    timeliness of practice); an improvement when that is denied ("did not use force
    disproportionately", "no evidence that officers were using their powers unfairly").
    The classifier has no word vectors and reads such a clause by its other words: the
    first as an improvement at 0.96, the third as no finding. A clause it reads as no
    finding stays one unless it says who did what (a subject and a verb). An adverb of
    intent (`intent_adverbs`: "deliberately", "knowingly") counts only denied: "no sign
    that the force was knowingly letting unsuitable people in" clears it of a wrong (the
    classifier reads the complement as praise and the denial as a concern), while
    "officers deliberately targeted prolific offenders" is no verdict on its own."""
    vocabulary_ = vocabulary()
    adverbs = vocabulary_.bad_manner | vocabulary_.intent
    inside = {t.i for t in tokens}
    done = (t for t in tokens if t.lower_ in adverbs and t.dep_ == "advmod" and t.head.i in inside)
    manner = next((t for t in done if t.head.pos_ in ("VERB", "AUX")), None)
    if manner is None:
        return own
    verb = manner.head
    subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # denied on its verb or its subject ("did not use force disproportionately", "No officer
    # acted unfairly"), or as what no evidence shows, however parsed ("did not find any
    # evidence that stop and search was being used disproportionately", "stop" read as a verb)
    denials = [t for t in tokens if t.lower_ in _DENIALS and t.i < manner.i]
    denied = bool(denials) and (
        any(c.dep_ == "neg" for c in verb.children)
        or any(c.lower_ == "no" for s in subject for c in s.children)
        or _denied_evidence_before(manner, tokens)
        or _finding_denied_above(verb, inside)
    )
    if own.label == NOT_FINDING and (denied or not subject):
        return own  # a denial read as no finding may be a task ("ensuring that X are not ... unnecessarily")
    if not denied and manner.lower_ in vocabulary_.intent:
        return own
    share = None if denied else measures.counted_share(tokens)
    if share is not None and share[1] and share[0] <= SHARE_FEW_BAD:
        return own  # "only 2 per cent of files were wrongly closed": a small share (`share_checked`)
    polarity = IMPROVEMENT if denied else CONCERN
    return _agreed(own, polarity)


def _finding_denied_above(verb: Token, inside: set[int]) -> bool:
    """Is `verb` what a denied verb of finding reports, through reported speech and
    coordination, or a misparse ("The inspectorate did not find that | officers were wrongly
    closing cases", "Inspectors did not conclude that ...")? Not through a clause of time,
    reason or condition, nor a relative clause."""
    while verb.dep_ not in ("advcl", "relcl", "ROOT") and verb.head.i in inside:  # "calls" may be a verb
        verb = verb.head
        if verb.lower_ in _FINDING_VERBS:
            return any(c.dep_ == "neg" for c in verb.children)
    return False


#: The forms of "do" that carry a verb's tense and its "not" ("did not miss").
_DO = frozenset({"do", "does", "did"})
#: Auxiliaries of what may, must or would happen: no failure found.
_MODALS = frozenset({"would", "could", "should", "must", "might", "may", "can", "will", "shall"})


def _failure_done(own: Judgement, tokens: list[Token]) -> Judgement:
    """The polarity of a clause whose predicate says a duty went undone or people were
    wronged (data/cues.json `failure_verbs`, a lexicon by meaning class): denied, an
    improvement ("no evidence that detainees were being denied access to legal advice",
    "No call was missed", "Staff did not overlook ..."); asserted, a concern where the
    classifier read an improvement ("Inspectors found that detainees were denied access to
    legal advice": 1.0 improvement). The classifier reads such clauses by their other
    words (the first example as a concern at 0.96), so the affirmative reading
    `denial_checked` turns over cannot be trusted for these verbs either. A clause read as
    no finding stays one when asserted (as concerns, such clauses cost held-out sets more
    than they gained) and when denied without a subject. The verb must be the clause's own
    predicate, or what a denied evidence noun introduces: not a relative clause ("officers
    who did not ignore ..."), a modal ("should not be denied") or an infinitive ("to avoid
    missing")."""
    failures = vocabulary().failures
    inside = {t.i for t in tokens}
    for verb in tokens:
        if verb.lower_ not in failures or verb.pos_ != "VERB":
            continue
        if verb.tag_ == "VB" and not any(c.dep_ == "aux" and c.lower_ in _DO for c in verb.children):
            continue  # an infinitive ("decisions to refuse ..."), not "did not refuse"
        if _inspection_failed_to_find(verb):
            continue  # "Inspectors failed to find any problems": see failed_to_find_checked
        evidence = _denying_evidence(verb, inside)
        if evidence is None and not _asserted_predicate(verb, inside) and not _likeliest(verb, inside):
            continue
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
            continue
        subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        denied = any(c.dep_ == "neg" or _ended(c) for c in verb.children) or any(
            c.lower_ == "no" and c.dep_ == "det" for s in subject for c in s.children
        )
        untold = verb.dep_ == "ccomp" and verb.head.lower_ in _FINDING_VERBS and verb.head.i in inside
        untold = untold and any(c.dep_ == "neg" for c in verb.head.children)
        if evidence is not None or untold:
            # "no evidence that X had not been ...": a failure after all; "did not find that the
            # force was failing to ...": none found
            denied = not denied
        if not denied:
            return settled(CONCERN) if own.label == IMPROVEMENT else own
        if own.label == NOT_FINDING and not subject:
            return own
        return _agreed(own, IMPROVEMENT)
    return own


#: Nouns of a level a practice is held to ("outside the force's own target of one hour").
_TARGETS = frozenset(
    {"target", "targets", "timescale", "timescales", "deadline", "deadlines", "limit", "limits"}
)


def _against_a_target(preposition: Token, inside: set[int]) -> str | None:
    """CONCERN when the clause's own predicate is outside or beyond a target or time limit
    ("Attendance at priority incidents is often outside the force's own target of one
    hour", "Reviews were completed beyond the statutory time limit"), IMPROVEMENT when
    within it ("Most calls were answered within the target time"); None otherwise, or when
    asked for or supposed; turned over when denied ("No file reached the prosecutor within the
    target"). The classifier read the first as no finding (0.65)."""
    low = preposition.lower_
    if low not in ("outside", "beyond", "within") or preposition.dep_ != "prep":
        return None
    target = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    kinds = {target.lower_, *(c.lower_ for c in target.children if c.dep_ == "compound")} if target else set()
    named = bool(kinds & _TARGETS)
    predicate = preposition.head
    if not named or predicate.i not in inside or predicate.pos_ not in ("VERB", "AUX"):
        return None
    if not _asserted_predicate(predicate, inside) or _asked_or_supposed(predicate, inside):
        return None
    if any(c.tag_ == "MD" for c in predicate.children):
        return None
    within = low == "within"
    # "were not answered within the target", "No file reached the prosecutor within the target"
    subjects = [c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")]
    denied = any(c.dep_ == "neg" for c in predicate.children) or any(
        c.lower_ in ("no", "few", "none") for s in subjects for c in (s, *s.children)
    )
    return IMPROVEMENT if within != denied else CONCERN


def _likeliest(verb: Token, inside: set[int]) -> bool:
    """Is the failure verb what its subject is (most) likely to suffer, as the clause's own
    predicate ("Violent crimes were the most likely to be missed", "Repeat victims are
    likely to be overlooked")? Not less so ("less likely to be missed", "unlikely to")."""
    likely = verb.head
    if verb.dep_ != "xcomp" or likely.lower_ != "likely" or likely.i not in inside:
        return False
    if any(c.lower_ in ("less", "least", "not", "no") for c in likely.children):
        return False
    holder = likely.head if likely.dep_ == "acomp" else likely
    return _asserted_predicate(holder, inside) and not any(c.dep_ == "neg" for c in holder.children)


def _short_or_excess(own: Judgement, tokens: list[Token]) -> Judgement:
    """The polarity of a clause that says its means fall short of what is needed or go
    beyond it (data/cues.json `sufficiency`, a lexicon by meaning class): a comparison
    with what is needed ("held for longer than necessary", "fewer officers than needed";
    denied, "no longer than necessary", an improvement), a thing done without what fits
    the task ("allocated to officers without the right skills", "without proper
    supervision"), a thing done too little (`_done_too_little`: "under-recorded"), or a
    lack as an argument of the clause's own predicate ("There is a
    shortage of trained detectives"; "no shortage of volunteers" is an improvement), or an
    area not where it should be (`_short_of_where_it_should_be`). The classifier read the
    first two as improvements (0.93, 0.98) and the third and fourth as no finding.
    A comparison or a means read as no finding stays one (often another body's, or a plan);
    a lack may make a finding of it."""
    words = vocabulary()
    inside = {t.i for t in tokens}
    polarity = None
    for token in tokens:
        if token.lower_ == "than" and token.i + 1 in inside and token.nbor().lower_ in words.needed:
            before = [t for t in tokens if token.i - 3 <= t.i < token.i]
            comparative = next((t for t in reversed(before) if t.tag_ in ("JJR", "RBR")), None)
            if comparative is None:
                continue
            near = token.doc[max(comparative.i - 2, 0) : comparative.i]
            denied = any(t.lower_ in _DENIALS for t in near)
            denied = denied or any(c.dep_ == "neg" for c in comparative.children)
            polarity = IMPROVEMENT if denied else CONCERN
        elif token.lower_ == "without" and token.head.i in inside:
            means = next((c for c in token.children if c.dep_ == "pobj"), None)
            if means is not None and any(c.lower_ in words.fit for c in means.children if c.i < means.i):
                polarity = CONCERN
            done = next((c for c in token.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
            if done is not None and any(_fitly(c, words.fit) for c in done.children):
                polarity = CONCERN  # "cleared applicants without properly recording why"
        elif _done_too_little(token, inside):
            sure = own.label == NOT_FINDING and own.score >= STANCE_MAX_NO_FINDING
            if sure and token.dep_ not in _PREDICATES:
                return own  # "An under-resourced team handles X": told of in passing
            return _agreed(own, CONCERN)
        elif _short_of_where_it_should_be(token, inside) or _still_to_go(token, inside):
            return _agreed(own, CONCERN)
        elif (against := _against_a_target(token, inside)) is not None:
            return _agreed(own, against)
        elif token.lower_ in LACK_NOUNS and token.dep_ in _ARGUMENTS and token.head.i in inside:
            if not _asserted_predicate(token.head, inside):
                continue
            # a denied verb denies the lack only when it tells that the lack is there ("was not
            # a shortage", "did not find a shortage"), not what was done about it ("can't
            # ignore the shortfall", "has not addressed the shortage")
            negated = any(c.dep_ == "neg" for c in token.head.children)
            denied = any(c.dep_ == "det" and c.lower_ == "no" for c in token.children) or (
                token.head.lower_ in _HAVING_OR_FINDING and negated
            )
            if token.dep_ == "dobj" and token.head.lower_ in _REMEDIES:
                # "has tackled its shortage of detectives", "filled the shortfall": the lack is
                # remedied; "has not tackled its shortage" still tells of one
                asked = any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.head.children)
                denied = not negated and not asked
            polarity = IMPROVEMENT if denied else CONCERN
        if polarity is not None:
            if own.label == NOT_FINDING and token.lower_ not in LACK_NOUNS:
                return own
            if _denied_evidence_before(token, tokens) or _nor_inverted(tokens) is not None:
                # "no evidence that X were held longer than ...", "Nor were X held longer than ..."
                polarity = IMPROVEMENT if polarity == CONCERN else CONCERN
            return _agreed(own, polarity)
    return own


def _fitly(word: Token, fit: frozenset[str]) -> bool:
    """Is the word an adverb made from a word of fitness ("properly", "adequately",
    "correctly", "appropriately", "sufficiently") modifying a verb?"""
    if word.dep_ != "advmod" or not word.lower_.endswith("ly"):
        return False
    stem = word.lower_.removesuffix("ly")
    return stem in fit or stem.removesuffix("i") + "y" in fit  # "properly", "necessarily"


#: Words made with "under" that say nothing of too little ("understood", "undertaken").
_NOT_TOO_LITTLE = frozenset(
    {
        *("understood", "understand", "understanding", "undertaken", "undertake", "undertaking", "undertook"),
        *("underpinned", "underpinning", "underlined", "underlying", "undergone", "undergoing", "underwent"),
        *("underwritten", "underscored", "underway", "underneath", "underground", "underage"),
    }
)
#: What "under-" makes too little of that is not the force's doing: the public under-report.
_NOT_THE_FORCES = frozenset({"reported", "reporting", "report"})
#: Dependency labels of a clause's own predicate.
_PREDICATES = frozenset({"ROOT", "acomp", "conj", "ccomp", "xcomp", "oprd"})


def _done_too_little(token: Token, inside: set[int]) -> bool:
    """Is the token a predicate made with "under" that says something is done or given too
    little ("Stalking offences were under-recorded", "The unit is under-resourced",
    "understaffed", "underinvested")? Not when denied, not lexicalised words of another
    sense ("understood", "undertaken"), and not "under-reported", which the public does.
    The classifier read the first two as no finding (0.90, 1.00)."""
    low = token.lower_
    hyphened = (
        token.i >= 2
        and token.i - 1 in inside
        and token.nbor(-1).text == "-"
        and token.nbor(-2).lower_ == "under"
    )
    fused = low.startswith("under") and len(low) >= 9 and low.endswith(("ed", "ing"))
    fused = fused and low not in _NOT_TOO_LITTLE
    if not (hyphened and token.tag_ in ("VBN", "JJ") or fused and token.tag_ in ("VBN", "JJ", "VBD")):
        return False
    if (low[5:] if fused else low) in _NOT_THE_FORCES:
        return False
    if token.dep_ not in _PREDICATES and token.dep_ != "amod":
        return False
    holder = token.head if token.dep_ in ("acomp", "amod") else token
    return not any(c.dep_ == "neg" for c in (*token.children, *holder.children))


#: Verbs that remedy a lack as their object ("has tackled its shortage of detectives",
#: "filled the shortfall").
_REMEDIES = resources.inflections(
    (
        *("tackle", "address", "resolve", "close", "fill", "clear", "fix", "overcome", "end"),
        *("eliminate", "remedy", "eradicate", "ease", "solve"),
    )
)

#: Verbs that tell that a thing is there, so that their denial denies it: be, have, find, see.
_HAVING_OR_FINDING = resources.inflections(("have", "find", "see", "identify", "observe", "exist")) | {
    *("be", "is", "are", "was", "were", "been", "being", "'s", "'re"),
}
#: Subjects that are the force as a whole: "The force is not where it needs to be" names no area.
_WHOLE_FORCE = frozenset({"force", "constabulary", "service", "police", "it", "they", "we"})


def _short_of_where_it_should_be(copula: Token, inside: set[int]) -> bool:
    """Is `copula` a denied "be" whose complement is where its subject should be ("Its
    counter-corruption work is not where it should be", "Supervision is still not where it
    needs to be")? A shortfall against what is due, when the subject names an area (the
    force as a whole, "The force is not yet where it needs to be", names none)."""
    if copula.lower_ not in ("is", "are", "was", "were") or not any(c.dep_ == "neg" for c in copula.children):
        return False
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in _WHOLE_FORCE or subject.ent_type_ == "ORG":
        return False
    for clause in copula.children:
        if clause.dep_ != "ccomp" or clause.i not in inside:
            continue
        words = list(clause.subtree)
        where = any(t.lower_ == "where" and t.dep_ == "advmod" for t in words)
        if where and any(t.lower_ in segment.DEMANDS for t in words):  # should, needs to, ought to ...
            return True
    return False


#: Nouns of a stretch of time that a goal is said to be away ("it will take some time to ...").
_SPANS_OF_TIME = frozenset({"time", "while", "years", "months", "decades", "weeks"})
#: Modal auxiliaries of what is yet to come.
_YET_TO_COME = frozenset({"will", "would", "'ll", "could", "may", "might"})


def _still_to_go(token: Token, inside: set[int]) -> bool:
    """Does `token` say that a goal is still some way off: a distance left to go ("has a long
    way to go in X", "still has some way to go before X", "has further to go on X"), a time it
    will take to get there ("it will take some time to reach the level it needs"), or a time
    before it is reached ("It will be years before the control room is fully staffed")? A
    shortfall against what is due, like `_short_of_where_it_should_be`; the goal must be named
    (a prepositional phrase or clause on "go", an object or clause on the verb of reaching):
    "The force has a long way to go" alone names no area. The classifier read the first as
    an improvement (its "improving") and the other two as no finding (0.99, 1.00)."""
    low = token.lower_
    if low == "go" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        holder = token.head
        if holder.lower_ == "way" and holder.dep_ == "dobj":
            if not any(c.lower_ in ("long", "some", "a") for c in holder.children):
                return False
            holder = holder.head
        elif not (token.dep_ == "xcomp" and any(c.lower_ in ("further", "far") for c in holder.children)):
            return False
        if holder.lower_ not in ("has", "have", "had", "having") or holder.i not in inside:
            return False
        if any(c.dep_ == "neg" for c in holder.children):
            return False
        goals = (*token.children, *(c for c in holder.children if c.lower_ != "since"))
        return any(c.dep_ in ("prep", "advcl") and c.i in inside for c in goals)
    modal = any(c.dep_ == "aux" and c.lower_ in _YET_TO_COME for c in token.children)
    if not modal or any(c.dep_ == "neg" for c in token.children):
        return False
    if low == "take":
        spans = any(c.dep_ == "dobj" and c.lower_ in _SPANS_OF_TIME for c in token.children)
        goal = any(c.dep_ in ("advcl", "xcomp") and c.i in inside for c in token.children)
        return spans and goal
    if low == "be":
        for clause in token.children:
            opened = any(c.lower_ == "before" and c.dep_ == "mark" for c in clause.children)
            if clause.i not in inside or not opened:
                continue
            if any(c.lower_ in _SPANS_OF_TIME for c in (*token.children, *clause.children)):
                return True
    return False


def _denied_evidence_before(token: Token, tokens: list[Token]) -> bool:
    """Is there a denied evidence noun before `token` in the clause ("no evidence that",
    "did not find any sign that")? Then what `token` says is denied, however parsed."""
    denials = [t.i for t in tokens if t.lower_ in _DENIALS and t.i < token.i]
    return bool(denials) and any(t.lower_ in EVIDENCE_NOUNS and denials[0] < t.i < token.i for t in tokens)


def _denying_evidence(verb: Token, inside: set[int]) -> Token | None:
    """The denied evidence noun whose "that" clause `verb` heads ("no evidence that | staff
    were missing ...", "did not find any sign that ..."), or None."""
    noun = verb.head
    if verb.dep_ not in ("acl", "ccomp") or noun.i not in inside or noun.lower_ not in EVIDENCE_NOUNS:
        return None
    if not attribution.that_clause(verb):
        return None
    return noun if _evidence_denied(noun) else None


def _asserted_predicate(verb: Token, inside: set[int]) -> bool:
    """Is `verb` the clause's own predicate: its root, or reached from it by reported
    speech ("Inspectors found that | X") and coordination only?"""
    while verb.head.i != verb.i and verb.head.i in inside:
        if verb.dep_ not in ("ccomp", "conj"):
            return False
        verb = verb.head
    return True


def clause_roots(tokens: list[Token]) -> list[Token]:
    """The words of `tokens` whose head is outside them (or themselves): the clause's roots."""
    inside = {t.i for t in tokens}
    return [t for t in tokens if not t.is_punct and (t.head.i not in inside or t.head.i == t.i)]


#: Dependencies of a grade word that is what the clause says of its subject ("were
#: adequate", "judged to be adequate"; not "rose to adequate", a change).
_PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd", "xcomp", "ccomp"})


_AT_OR_IN = ("at", "in")
_REQUIRE = resources.inflections(("require",))
#: Grade words that say which way a judgement goes (adequate says neither: `_adequate_only`).
_GRADE_WORDS = {"outstanding": IMPROVEMENT, "good": IMPROVEMENT, "inadequate": CONCERN}


def _graded_for_an_area(own: Judgement, tokens: list[Token]) -> Judgement:
    """The grade's polarity, settled, when the clause's predicate is a grade word for an
    area named after it ("the force is inadequate at supporting victims", "requires
    improvement in how it manages its workforce", "is outstanding at working with
    schools"), whatever the area: the record's grades come from a closed list of areas
    (cues.json assessment_areas), but a grade for any other area is a finding all the
    same, and the classifier read the first example as a concern at only 0.71 (an
    inspector's reported words need 0.8). Not when it is denied ("is not good at", "is no
    longer inadequate in"), set against something ("good at X, but ..."), or not given ("aims to be good at",
    "would be inadequate at")."""
    if any(t.lower_ in CONTRASTS for t in tokens):
        return own
    for token in tokens:
        if token.lower_ in _GRADE_WORDS and token.dep_ in ("acomp", "attr"):
            polarity, holder = _GRADE_WORDS[token.lower_], token
        elif token.lower_ == "improvement" and token.dep_ == "dobj" and token.head.lower_ in _REQUIRE:
            polarity, holder = CONCERN, token.head
        else:
            continue
        areas = [c for c in (*token.children, *holder.children) if c.dep_ == "prep" and c.lower_ in _AT_OR_IN]
        first = min((a for a in areas if a.i > token.i), key=lambda a: a.i, default=None)
        named = [c for c in first.children if c.dep_ in ("pobj", "pcomp")] if first is not None else []
        if not named or named[0].lower_ in _AREAS:
            continue  # "requires improvement in four areas": how many, not which
        around = (*token.children, *holder.children, *holder.head.children)
        denied = any(c.dep_ == "neg" or _ended(c) for c in around)  # "is not", "is no longer"
        if denied or grades.unrealised(token):
            return own
        if own.label == polarity and own.score >= RULE_SCORE:
            return own
        return settled(polarity)
    return own


#: A clause the classifier reads as no finding at this probability or more stays one under
#: a stance adverbial: what is weighed is not the inspection's finding.
STANCE_MAX_NO_FINDING = 0.95


@cache
def _stance_adverbials() -> dict[str, str]:
    cues = resources.load("cues")["stance_adverbials"]
    return {phrase: polarity for polarity, phrases in cues.items() for phrase in phrases}


def first_person_stance(tokens: list[Token]) -> str | None:
    """The polarity of a stance the speaker takes in the first person towards a clause or
    thing named with it ("I am concerned that response officers are stretched thin", "we
    were impressed by the custody staff", "I remain worried about ..."; cues.json
    `first_person_stances`), or None: none, denied ("I am not concerned"), or with nothing
    it is taken towards ("I am pleased."). Whose stance it is, the caller decides: an
    inspector's is the inspection's finding; a force's or a commissioner's, its reaction."""
    stances = attribution.first_person_stances()
    for token in tokens:
        polarity = stances.get(token.lower_)
        if polarity is None or token.dep_ not in ("ROOT", "acomp", "ccomp", "conj"):
            continue
        holders = [token, token.head] if token.dep_ == "acomp" else [token]
        children = [c for h in holders for c in h.children]
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in children):
            continue
        if any(c.dep_ == "neg" for c in children):
            return None
        taken_towards = any(
            c.dep_ == "ccomp"
            or c.dep_ == "xcomp"
            and c.lower_ in attribution.finding_out_verbs()  # "disappointed to find"
            or c.dep_ in ("prep", "agent")
            and c.lower_ in ("about", "by", "with", "at")
            for c in token.children
        )
        return polarity if taken_towards else None
    return None


#: Words that may come before a stance adverbial ("But worryingly, ...", "However, on the plus side").
_BEFORE_A_FRAME = frozenset({"but", "and", "however", "yet", "still", ","})


def _framed_by_a_stance(own: Judgement, tokens: list[Token]) -> Judgement:
    """The polarity of a stance adverbial that opens the clause ("Worryingly, victims wait
    weeks for a call back", "On the plus side, ...", "The bad news is that ..."; cues.json
    `stance_adverbials`), settled: the teller weighs what follows, and the classifier read
    the first example as no finding (0.79). Not when the rest is short (under three
    words) or sets a contrast of its own ("Encouragingly, X, but Y")."""
    words = [t.lower_ for t in tokens[:10]]
    start = 0
    while start < len(words) and words[start] in _BEFORE_A_FRAME:
        start += 1
    for n in range(start + 1, len(words)):
        ends = words[n] in (",", ":") or words[n] == "that" and words[n - 1] in ("is", "was")
        if not ends:
            continue
        frame = " ".join(w for w in words[start:n] if w not in ("is", "was"))
        polarity = _stance_adverbials().get(frame)
        rest = tokens[n + 1 :]
        if polarity is None or sum(t.is_alpha for t in rest) < 3 or any(t.lower_ in CONTRASTS for t in rest):
            return own
        if own.label == NOT_FINDING and own.score >= STANCE_MAX_NO_FINDING:
            return own  # "Worryingly, the report was published a week late": no finding to weigh
        return _agreed(own, polarity)
    return own


def _adequate_only(own: Judgement, tokens: list[Token]) -> Judgement:
    """No finding, when what the clause says of its subject is the grade adequate ("Its
    other grades were adequate, including for preventing crime", "was judged to be
    adequate"): adequate is neither a strength nor a concern, and the classifier, which
    reads grade words as praise, took such clauses for improvements. Not when it is denied
    ("staffing was not adequate") or set against something ("adequate, but ..."), nor a
    change to it ("rose from inadequate to adequate" is progress)."""
    if own.label == NOT_FINDING:
        return own
    for token in tokens:
        if token.lower_ != "adequate" or token.dep_ not in _PREDICATE_DEPS:
            continue
        denied = any(c.dep_ == "neg" for c in (*token.children, *token.head.children))
        if denied or any(t.lower_ in CONTRASTS for t in tokens):
            return own
        changed = ("inadequate", "good", "outstanding", "requires")  # a grade it changed from
        if any(t.lower_ == "from" and any(w.lower_ in changed for w in t.subtree) for t in tokens):
            return own  # "graded adequate, up from inadequate in 2023": a change of grade
        if token.head.dep_ == "conj" and token.head.head.pos_ in ("VERB", "AUX"):
            return own  # "made good progress in X, and graded it adequate": the clause says more
        return no_finding(own)
    return own


#: Phrases that set a measure level with a benchmark ("in line with", "similar to").
_PARITY = (
    ("in", "line", "with"),
    ("on", "a", "par", "with"),
    ("similar", "to"),
    ("comparable", "to"),
    ("comparable", "with"),
    ("level", "with"),
    ("much", "the", "same", "as"),
    ("broadly", "the", "same", "as"),
)
#: What a measure is set level with: an average or other forces.
_PAR_BENCHMARKS = frozenset({"average", "averages", "forces", "force", "england", "wales"})


def _at_par(own: Judgement, tokens: list[Token]) -> Judgement:
    """No finding, when the clause only sets a measure level with an average or with other
    forces ("Call handling was in line with the national average", "Its charge rate is
    similar to most forces'"): at par is neither a strength nor a concern, and the
    classifier read the first as an improvement. Not when denied ("not in line with"), nor
    with a contrast or an evaluative word beside it (left to the classifier)."""
    if own.label == NOT_FINDING or any(t.dep_ == "neg" or t.lower_ in CONTRASTS for t in tokens):
        return own
    for _, end in words.find(tokens, _PARITY):
        after = tokens[end : end + 5]
        if any(t.lower_ in _PAR_BENCHMARKS for t in after):
            return no_finding(own)
    return own


def _scale_only(own: Judgement, tokens: list[Token]) -> Judgement:
    """No finding, when the clause only tells the size of something: its verb says what it
    has or handles and its object is a bare count ("The centre has 40 cells", "It dealt
    with more than 9,000 detainees last year", "The force employs 3,400 officers"). The
    classifier reads the topic (cells, detainees) as a concern. A count with a judging word
    ("40 unallocated cases", "too few detectives", "fewer than"), a negation or a change is
    left to the classifier."""
    if own.label == NOT_FINDING:
        return own
    words = segment.trim(tokens) or tokens
    roots = clause_roots(words)
    if len(roots) != 1 or roots[0].lower_ not in resources.inflections(SCALE_VERBS):
        return own
    root = roots[0]
    objects = [c for c in root.children if c.dep_ == "dobj"]
    objects += [g for c in root.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    if len(objects) != 1 or not any(c.dep_ == "nummod" for c in objects[0].children):
        return own
    count = [t for t in objects[0].subtree if t is not objects[0]]
    judging = [
        t
        for t in count
        if t.dep_ not in NEUTRAL_COUNT_PARTS
        and not (t.dep_ == "amod" and t.lower_ in ("more", "over", "nearly"))
    ]
    if judging or any(t.dep_ == "neg" or t.tag_ == "RBR" for t in words):
        return own
    return no_finding(own)


def _told_as_denied(tokens: list[Token]) -> bool:
    """Does the clause open with a denied telling of what follows ("Inspectors did not
    find that | X", "The report does not say that | X")?"""
    for token in tokens:
        complement = any(c.dep_ == "ccomp" for c in token.children)
        if complement and token.pos_ == "VERB" and any(c.dep_ == "neg" for c in token.children):
            return token.lower_ in attribution.reporting_verbs()
    return False


def _with_measures(own: Judgement, tokens: list[Token]) -> Judgement:
    """The classifier's judgement, unless the clause reports a change in a measure
    ("delays fell", "satisfaction dropped"; see `measures`): that is a finding, and its
    polarity is the measure's. The classifier, which knows words but not how they
    combine, misreads such clauses as often as not."""
    polarity = measures.polarity(tokens)
    if polarity is None:
        return own
    if _told_as_denied(tokens):
        # "Inspectors did not find that the force had reduced its backlog": the change is denied
        polarity = CONCERN if polarity == IMPROVEMENT else IMPROVEMENT
    # the rule settles the polarity, so the classifier's belief in either polarity is all
    # belief in this one (its probability that the clause is a finding at all)
    other = CONCERN if polarity == IMPROVEMENT else IMPROVEMENT
    scores = {polarity: 1.0 - own.scores[NOT_FINDING], other: 0.0, NOT_FINDING: own.scores[NOT_FINDING]}
    return Judgement(polarity, scores[polarity], scores)
