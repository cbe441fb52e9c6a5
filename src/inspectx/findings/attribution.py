"""Attribution: who states each sentence, and whether it reports the inspection.

The voice of each sentence comes from `inspectx.voice` (quotes and their speakers,
speech verbs and their subjects). Here that voice is combined with the kind of page:
on an inspectorate's own release "we" are the inspectors, on a force's or a
commissioner's page "we" are the force or the commissioner. A sentence reports the
inspection when the inspection speaks (an inspector, the report, the inspectorate),
when the writer narrates, or when anyone else relays it explicitly: the report or the
inspectors are the subject or agent of a verb ("the report recognises our ...",
"inspectors highlighted ...", "we were judged good at ...", "according to the
inspectorate"). Other sentences in another voice (a force's plans, a commissioner's
opinion, a charity's reaction) are not findings of the inspection.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from inspectx import dates, gazetteer, resources
from inspectx.dates import DateMention
from inspectx.findings.words import EARLIER_WORDS, GRADE_POLARITY, PUT_RIGHT_VERBS

INSPECTORATE_PAGE, FORCE_PAGE, COMMISSIONER_PAGE, NEWS_PAGE = "inspectorate", "force", "commissioner", "news"
_FIRST_PERSON_PLURAL = {"we", "our", "us", "ours"}
_SPEAKING_VOICES = {"inspection", "narration"}


@cache
def reporting_verbs() -> frozenset[str]:
    """Verbs whose subject or agent states a judgement (find, say, rate, praise, ...), inflected."""
    data = resources.load("cues")
    verbs = (*data["attribution_verbs"], *data["grading_verbs"], *data["speech_verbs"])
    return frozenset(resources.inflections(tuple(verbs)))


@cache
def _inspecting_verbs() -> frozenset[str]:
    """What inspectors do ("we inspected", "we found", "we recommend"), inflected."""
    data = resources.load("cues")
    verbs = (*data["inspection_verbs"], *data["grading_verbs"], "find", "recommend", "examine")
    return frozenset(resources.inflections(verbs))


@cache
def inspection_nouns() -> frozenset[str]:
    return frozenset(w for w in resources.load("cues")["attribution_subjects"] if w not in ("they", "it"))


def names_the_inspection(token: Token) -> bool:
    """Is the token an inspection noun (inspectors, the report, the watchdog ...:
    `attribution_subjects` in data/cues.json) or part of a named inspectorate?"""
    return token.lower_ in inspection_nouns() or token.i in gazetteer.token_indices(token.doc, "INSPECTORATE")


def page_kind(doc: Doc, quotes) -> str:
    """Who "we" are on this page: `inspectorate`, `force`, `commissioner`, or `news` (no one).

    Decided from first-person plural words outside quotes: a page that says "we" or
    "our" next to inspecting ("our inspection", "we inspected", "we found") and names an
    inspectorate is the inspectorate's own; one whose "I" is a commissioner is a
    commissioner's; one that says "I" more often than "we" is a writer's (a column, whose
    "us" is its readers); any other page in the first person plural is a force's.
    """
    inside = [(q.start, q.end) for q in quotes]

    def outside(token: Token) -> bool:
        return not any(a <= token.idx < b for a, b in inside)

    first = [t for t in gazetteer.tokens_with(doc, _FIRST_PERSON_PLURAL) if outside(t)]
    inspecting = _inspecting_verbs()
    we_inspected = any(
        t.lower_ == "we" and t.dep_ == "nsubj" and t.head.lower_ in inspecting and _own_act(t.head)
        for t in first
    )
    own_inspection = we_inspected or (
        # "our inspection" is also a force's ("Our last child protection inspection was in
        # 2019"): the page's words of being inspected say whose it is
        any(
            t.lower_ == "our" and t.head.lower_ in ("inspection", "inspectors", "fieldwork", "inspection's")
            for t in first
        )
        and not _inspected_us(first)
    )
    if own_inspection and (
        gazetteer.spans(doc, "INSPECTORATE")
        or _visits_a_force(first)
        or (we_inspected and _names_an_inspector(doc))
    ):
        return INSPECTORATE_PAGE  # once is enough: "We graded the force as follows:"
    if len(first) < 2:
        return NEWS_PAGE
    speaking = gazetteer.tokens_with(doc, {"i"})
    if gazetteer.tokens_with(doc, {"commissioner"}) and any(t.text == "I" and outside(t) for t in speaking):
        return COMMISSIONER_PAGE
    singular = [t for t in gazetteer.tokens_with(doc, {"i", "me", "my"}) if t.text != "i" and outside(t)]
    if len(singular) > len(first) and not _signed_by_inspector(doc):
        return NEWS_PAGE  # a columnist's "I", whose "us" is the readers ("most of us accept that")
    return FORCE_PAGE


def _names_an_inspector(doc: Doc) -> bool:
    """Does the page name an inspectorate's official ("Opening remarks by HM Inspector of
    Constabulary Jo Roe")? With "we found" outside quotes, "we" are that inspector's
    inspectorate even where its name is not written out ("our inspection" alone is also a
    force's, one that may quote the inspector)."""
    return any(person.role == "inspector" for person in doc._.people or [])


def _signed_by_inspector(doc: Doc) -> bool:
    """Does an inspector's name and title stand on a line of its own, as a signature or the
    heading of their observations ("Jo Smith, HM Inspector of Constabulary")? Then the
    page's "I" is that inspector's."""
    for person in doc._.people or []:
        if person.role != "inspector":
            continue
        for start, _ in person.mentions:
            if not any(t.pos_ in ("VERB", "AUX") for t in doc[start].sent):
                return True
    return False


def _inspected_us(first: list[Token]) -> bool:
    """Does the page say that "we" were inspected: "us" the object of inspecting or
    visiting ("Inspectors visited us in May"), or "our" work the subject of a report or an
    inspection ("published its report on our child protection work", "an inspection of our
    custody suites")? Then "we" are a force, whatever "our inspection" says."""
    for t in first:
        if t.lower_ == "us" and t.dep_ == "dobj" and t.head.lower_ in _visiting_acts():
            return True
        if t.lower_ == "our" and t.head.dep_ == "pobj":
            preposition = t.head.head
            if preposition.lower_ in ("on", "of", "into") and preposition.head.lower_ in inspection_nouns():
                return True
    return False


@cache
def _visiting_acts() -> frozenset[str]:
    """Verbs of inspecting or visiting, inflected: what an inspectorate does to a force."""
    return _inspecting_verbs() | resources.inflections(("visit", "revisit", "inspect"))


def _visits_a_force(first: list[Token]) -> bool:
    """Does the page say that "we" or "our inspectors" inspected or visited a force ("Our
    inspectors visited the force in November", "We inspected Kent Police")? Then "we"
    are an inspectorate, named or not: a force does not visit itself."""
    acts = _visiting_acts()
    forces = gazetteer.token_indices(first[0].doc, "FORCE") if first else set()
    for t in first:
        our_inspectors = t.lower_ == "our" and t.head.lower_ == "inspectors"
        doer = t if t.lower_ == "we" else t.head if our_inspectors else None
        if doer is None or doer.dep_ != "nsubj" or doer.head.lower_ not in acts or not _own_act(doer.head):
            continue
        objects = [c for c in doer.head.children if c.dep_ == "dobj"]
        if any(o.i in forces or o.lower_ in ("force", "constabulary", "service") for o in objects):
            return True
    return False


def _own_act(verb: Token) -> bool:
    """Is "we <verb>" the page's own statement of what it did ("We inspected the force in
    March", "We graded the force as follows:"), not a clause inside someone's report ("...
    found that we were not always assessing the risk") nor a denial?"""
    return verb.dep_ in ("ROOT", "conj") and not any(c.dep_ == "neg" for c in verb.children)


def reports_inspection(doc: Doc, sent: Span, voice: str | None, page: str) -> bool:
    """Does `sent` (in `voice`, on a page of kind `page`) report what the inspection found?"""
    if voice == "narration" and _another_body_judges(sent):
        return False  # "The Independent Office for Police Conduct investigated and found ..."
    if voice == "narration" and _heard_in_proceedings(sent):
        return relays(doc, sent)  # "An inquest heard that ...": its evidence, unless the inspection's
    if voice == "narration" and page == NEWS_PAGE and _writer_speaks(sent):
        # a columnist's "I": their own memory or view, unless it tells of the report ("I was
        # reassured that your report found ...")
        return any(names_the_inspection(t) for t in sent) or relays(doc, sent)
    if voice in _SPEAKING_VOICES:
        return True
    if voice == "self" and page == INSPECTORATE_PAGE:
        return True
    if voice == "unknown":  # a quote whose speaker is not named: who says it, around it?
        return any(relays(doc, s) for s in _paragraph_and_previous(doc, sent))
    # someone else's sentence passes on what the inspection found or judged, not all it
    # says of the inspection ("said he was not convinced that the inspectorate had given
    # enough weight to X" is his view)
    return relays(doc, sent, judged_only=voice not in (None, "self"))


def _another_body_judges(sent: Span) -> bool:
    """Is the sentence's main verb, or one coordinated with it, a verb of judging (found,
    concluded, ruled, upheld) whose subject is an organisation other than the inspection or
    a police force ("The Independent Office for Police Conduct investigated and found no
    case to answer", "The Police Ombudsman concluded ...")? What it found is its own
    investigation's, not the inspection's."""
    root = sent.root
    verbs = [root, *(c for c in root.children if c.dep_ == "conj")]
    if not any(v.lower_ in _JUDGING_VERBS for v in verbs):
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_ != "ORG" or names_the_inspection(subject):
        return False
    doc = sent.doc
    ours = gazetteer.token_indices(doc, "FORCE", "INSPECTORATE")
    return not any(t.i in ours for t in subject.subtree)


#: Proceedings whose hearing is evidence of their own ("An inquest heard that ...").
_PROCEEDINGS = frozenset(
    {"inquest", "court", "hearing", "jury", "tribunal", "trial", "coroner", "magistrates"}
)
_HEARING_VERBS = frozenset({"heard", "hears", "hear", "told"})


def _heard_in_proceedings(sent: Span) -> bool:
    """Is the sentence what a court or an inquest heard or was told ("An inquest has heard
    that the call was not picked up for 11 minutes", "The court was told that ...")? Its
    evidence is the proceedings', not the inspection's, unless it relays the inspection
    ("The hearing was told that inspectors had found ...")."""
    root = sent.root
    if root.lower_ not in _HEARING_VERBS:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _PROCEEDINGS for c in root.children)


#: Verbs of another body's judging (`_another_body_judges`), inflected.
_JUDGING_VERBS = resources.inflections(("find", "conclude", "rule", "uphold")) | {"upheld"}


#: Nouns that "my" makes the writer's own stance ("In my view", "to my mind").
_STANCE_NOUNS = frozenset({"view", "opinion", "mind", "experience", "book", "eyes"})


def _writer_speaks(sent: Span) -> bool:
    """Is the writer of a news page speaking in the first person singular, outside quotes
    ("I grew up in a village where ...", "In my view the real problem is money")? A
    columnist's memories and opinions are not what the inspection found."""
    return any(
        t.text == "I"
        and t.dep_ in ("nsubj", "nsubjpass")
        or t.lower_ == "my"
        and t.head.lower_ in _STANCE_NOUNS
        for t in sent
    )


def _paragraph_and_previous(doc: Doc, sent: Span) -> list[Span]:
    """The sentences of `sent`'s line and of the line before it (where a quote's speaker is
    named: "..., the inspector said." or "A spokesman for the charity said: ...")."""
    text = gazetteer.text_of(doc)
    start = text.rfind("\n", 0, sent.start_char)
    start = text.rfind("\n", 0, max(start, 0)) + 1 if start > 0 else 0
    end = text.find("\n", sent.end_char)
    span = doc.char_span(start, len(text) if end == -1 else end, alignment_mode="expand")
    return list(span.sents) if span is not None else [sent]


def relays(doc: Doc, sent: Span, *, judged_only: bool = False) -> bool:
    """Does the sentence pass on the inspection's judgement explicitly?

    True when an inspection noun (report, inspectors, inspectorate, watchdog, ... or a
    named inspectorate) is the subject of a verb (not one that only says it happened:
    "the inspection took place in March"), or the agent of a passive one ("were
    praised by inspectors"), or follows "according to"; or when the sentence's subject
    was judged ("we were rated good", "our control room was praised", "it has been
    found"), not merely should or will be ("should be recognised as ..."). With
    `judged_only` (someone else's sentence), the inspection noun's verb must be one of
    reporting or judging ("the report found ...", not "the inspectors had undervalued ...").
    """
    inspectorates = gazetteer.token_indices(doc, "INSPECTORATE")
    nouns = inspection_nouns()
    for token in sent:
        is_inspection = token.lower_ in nouns or token.i in inspectorates
        main = token.head.dep_ == "ROOT" or token.head.dep_ == "conj" and token.head.head.dep_ == "ROOT"
        if (
            token.lower_ == "they"
            and token.dep_ == "nsubj"
            and main
            and token.head.lower_ in reporting_verbs()
        ):
            # "They found that ...", the inspectors named just before (not "when they report")
            is_inspection = not _under_stance(token.head) and _inspectors_before(doc, sent)
        if not is_inspection:
            continue
        if token.dep_ in ("nsubj", "nsubjpass"):
            if _under_stance(token.head) or any(
                c.dep_ == "amod" and c.lower_ in stance_words() for c in token.children
            ):
                # "We are pleased that the inspectors recognised ...": a reaction (also as parsed
                # "are | pleased inspectors recognised ...", the stance hung on the subject)
                continue
            if _only_happened(token.head):
                continue  # "The inspection took place in March": when, not what it found
            if judged_only and token.head.lower_ not in _TELLING:
                continue  # "the inspectorate had given too little weight to X": a view of it
            return True
        if token.dep_ == "pobj" and token.head.lower_ in ("by", "to"):
            grand = token.head.head
            if token.head.lower_ == "by" and grand.tag_ == "VBN":
                if judged_only and grand.lower_ not in _TELLING:
                    continue  # "had been undervalued by the inspectors": the speaker's view
                return True
            if token.head.lower_ == "to" and grand.lower_ == "according":
                return True
        if token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass"):
            return True  # "the inspectors' report recognises ..."
    # "we were judged good", "our work with schools was praised"; not a judgement yet to
    # be made, or asked for ("the report should be recognised as a milestone")
    judging = _judging_verbs()
    return any(
        token.dep_ == "nsubjpass"
        and token.head.lower_ in judging
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.head.children)
        and not _judged_by_another(token.head)
        and not _asked_about(token)
        for token in sent
    )


def _asked_about(subject: Token) -> bool:
    """Is the passive a question's ("did not hold data on how many referrals had been
    assessed", "whether X was assessed")? Then no judgement was told."""
    verb = subject.head
    # the subject asks ("how many referrals", "which files"), not a relative clause inside it
    asking = (
        subject.tag_ in ("WP", "WDT")
        and verb.dep_ != "relcl"
        or any(c.tag_ in ("WRB", "WDT", "WP") and c.i < subject.i for c in subject.children)
    )
    return asking or any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children)


def _judged_by_another(verb: Token) -> bool:
    """Does the passive verb name an agent that is not the inspection ("I am told by people
    inside the force that ...", "was praised by the commissioner")? Then what was judged or
    told is theirs."""
    agents = [
        c for c in verb.children if c.dep_ == "agent" and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
    ]
    if not agents:
        return False
    people = verb.doc._.people or []
    inspectors = {i for p in people if p.is_inspector for start, end in p.mentions for i in range(start, end)}
    # the whole agent phrase ("by serving officers" may be parsed as a participle and its
    # object); an inspector named ("by Roy Wilsher") or a pronoun ("by them") may be the inspection
    tokens = [t for a in agents for t in a.subtree]
    if any(names_the_inspection(t) or t.i in inspectors or t.tag_ == "PRP" for t in tokens):
        return False
    # someone who could judge or tell: a named person or body, or people ("praised by the
    # commissioner", "told by serving officers"); not a cause ("let down by failings in X")
    return any(t.ent_type_ in ("PERSON", "ORG") or t.lower_ in _TELLERS for t in tokens)


#: Nouns of people who tell or judge, as a passive's agent ("I am told by officers").
_TELLERS = frozenset(
    {
        "people",
        "officers",
        "staff",
        "residents",
        "commissioner",
        "councillors",
        "council",
        "chief",
        "federation",
        "union",
        "charity",
        "campaigners",
        "families",
        "victims",
        "colleagues",
        "sources",
    }
)


#: Verbs by which an inspection tells what it found, in someone else's sentence ("said the
#: report found ...", "the inspectors wrote ..."): the reporting verbs and verbs of writing.
_TELLING = reporting_verbs() | resources.inflections(("write", "set", "conclude"))


#: Verbs of believing or arguing: their passive tells what people think, not a judgement.
_BELIEVING = ("believe", "claim", "argue", "insist", "think", "feel")


#: How many sentences back "they" may find the inspectors it stands for.
_THEY_REACH = 3


def _inspectors_before(doc: Doc, sent: Span) -> bool:
    """Are the inspectors the nearest plural subject in the few sentences before `sent`, the
    ones "they" in it stands for ("Did the inspectors find nothing to worry about? No. |
    They found that ...")? Another plural subject nearer ("Officers told us ...") is
    whom "they" stands for."""
    nouns = inspection_nouns()
    start = sent.start
    for _ in range(_THEY_REACH):
        if start == 0:
            return False
        before = gazetteer.sentence_of(doc, start - 1)
        # the subjects of its main verb (and of verbs conjoined with it): "they" again goes
        # on back, another plural is whom "they" stands for
        mains = [before.root, *(c for c in before.root.children if c.dep_ == "conj")]
        subjects = [c for v in mains for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(t.lower_ in nouns for t in subjects):
            return True
        if any(t.tag_ == "NNS" for t in subjects):
            return False
        if not any(t.lower_ == "they" for t in subjects) and any(t.lower_ in nouns for t in before):
            return True  # "Did the inspectors find ...?", however parsed
        start = before.start
    return False


@cache
def _judging_verbs() -> frozenset[str]:
    """Verbs whose passive tells that its subject was judged ("we were rated good", "our
    control room was praised", "it has been found", "the force was warned"), inflected: the
    reporting verbs but those of believing or arguing ("they are not believed", "it is
    claimed"), whose passive tells what people think."""
    return reporting_verbs() - resources.inflections(_BELIEVING)


#: Verbs that tell only that an event happened, began or lasted, or where its people went
#: ("the inspectors come for a few weeks", "inspectors visited in May").
_OCCURRING = (
    *("take", "happen", "occur", "begin", "start", "end", "finish", "last", "continue", "resume"),
    *("come", "arrive", "visit", "return", "go", "leave", "stay", "spend"),
)


def _only_happened(verb: Token) -> bool:
    """Is `verb` one of `_OCCURRING`, with no verb joined to it that says more ("Inspectors
    arrived in May | and found ...")?"""
    occurring = resources.inflections(_OCCURRING)
    if verb.lower_ not in occurring:
        return False
    if any(c.dep_ in ("acomp", "ccomp", "xcomp", "oprd") for c in verb.children):
        return False  # "Inspectors came away impressed", "came to conclude that ..."
    return not any(
        c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.lower_ not in occurring for c in verb.children
    )


def relayed_complements(sent: Span) -> list[list[Token]]:
    """The clauses an inspection is said to have found inside someone else's sentence. The
    sentence is the speaker's; what the report found is the inspection's:

    - the complement of a relative clause on an inspection noun ("X welcomed a report by
      HMICFRS which found that | the force had improved ...", "... the inspection, which
      concluded that | ...");
    - the complement of the inspection's finding, concern or conclusion
      (`finding_noun_complement`: "The board notes the report's finding that | X", "I share
      the inspectorate's concern that | X");
    - what the inspection found inside the speaker's reaction, when it is a clause ("I am
      pleased that the inspectorate found | our response to stalking to be among the
      best", "we are glad inspectors recognised that | X"), not a mere object ("pleased
      that the report recognises the hard work of our officers").
    """
    verbs = reporting_verbs()
    out: list[list[Token]] = []
    for token in sent:
        if token.dep_ == "relcl" and token.lower_ in verbs and _an_inspection_or_its_object(token.head):
            out += [_clause_words(c) for c in token.children if c.dep_ == "ccomp" and c.i > token.i]
            out += _and_that(token, token)
            out += _small_clause(token)
        elif (complement := finding_noun_complement(token)) is not None:
            out.append(_clause_words(complement))
            out += _and_that(token.head, complement)
        elif (
            token.lower_ in verbs
            and any(c.dep_ in ("nsubj", "nsubjpass") and names_the_inspection(c) for c in token.children)
            and _under_stance(token)
        ):
            found = _found_clauses(token)
            # a second "that" clause goes with a relayed first one ("found A and that B"), not
            # with a recognition that relays nothing ("recognised what we do | and that he would ...")
            out += found + (_and_that(token, token) if found else [])
        elif token.lower_ in verbs and _rightly_said(token):
            out += _found_clauses(token)  # "The inspectors were right to say that | X"
    return [_without_trailing_conjunction(words) for words in out if words]


def _rightly_said(verb: Token) -> bool:
    """Is the reporting verb what the inspection was right to do ("The inspectors were right
    to say that X", "The report is correct to conclude that Y")? The speaker agrees with what
    the inspection said, which it passes on."""
    judged = verb.head
    if verb.dep_ != "xcomp" or judged.lower_ not in ("right", "correct", "justified", "fair"):
        return False
    holders = (*judged.children, *(judged.head.children if judged.dep_ == "acomp" else ()))
    return any(c.dep_ in ("nsubj", "nsubjpass") and names_the_inspection(c) for c in holders)


def _and_that(head: Token, first: Token) -> list[list[Token]]:
    """The words of "that" clauses coordinated with a relayed one after `first`, which the
    parser hangs on `head` (the reporting verb, or the verb the finding noun is the object
    of): "found A | and that B", "I share the inspectorate's concern that A, | and that B"
    (the second "that" misread as a determiner); without the "and that"."""
    out = []
    for conj in head.children:
        if conj.dep_ != "conj" or conj.i <= first.i:
            continue
        words = [t for t in conj.subtree if not t.is_space]
        opening = [w.lower_ for w in words[:3]]
        if "that" not in opening:
            continue
        cut = opening.index("that") + 1
        if any(w not in ("and", "but", ",", "that") for w in opening[:cut]):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _SPEAKERS for c in conj.children):
            continue  # "... and that he would be pressing for new vehicles": the speaker's own
        out.append(words[cut:])
    return out


#: Pronouns for the speaker of a sentence that relays the inspection.
_SPEAKERS = frozenset({"i", "we", "he", "she"})


def _without_trailing_conjunction(words: list[Token]) -> list[Token]:
    """The words without a coordinating conjunction or comma left at their end ("... with
    respect | and"): the parser hangs the "and" of a second clause on the first."""
    while words and (words[-1].dep_ == "cc" or words[-1].text == ","):
        words = words[:-1]
    return words


def _an_inspection_or_its_object(noun: Token) -> bool:
    """Does the noun name the inspection, or what an inspection noun is on ("a report on |
    the force, which found ...": the parser hangs the relative clause on the nearer noun)?"""
    if names_the_inspection(noun):
        return True
    prep = noun.head if noun.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in ("on", "of", "into") and names_the_inspection(prep.head)


def _small_clause(verb: Token) -> list[list[Token]]:
    """The object and its predicate a relative clause's verb gives it, as a clause ("...,
    which rated | the force inadequate at responding to the public", "which found | the
    force good at X"); nothing when the verb has no such pair."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    predicates = [c for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.i > verb.i]
    if not objects or not predicates or any(c.dep_ == "ccomp" and c.i < objects[0].i for c in predicates):
        return []
    return [[t for t in verb.subtree if t.i >= objects[0].left_edge.i and not t.is_space]]


def _clause_words(verb: Token) -> list[Token]:
    """The words of a complement clause without its "that"."""
    marks = {c.i for c in verb.children if c.dep_ == "mark"}
    return [t for t in verb.subtree if t.i not in marks and not t.is_space]


#: Nouns for what an inspection found ("the report's finding that ...", "the inspectorate's
#: concern that ...").
FINDING_NOUNS = frozenset(
    {
        *("finding", "findings", "conclusion", "conclusions", "concern", "concerns"),
        *("view", "observation", "verdict", "assessment", "assessments", "judgement", "judgment"),
        *("recognition", "acknowledgement", "acknowledgment"),
    }
)


def _of_the_inspection(noun: Token) -> bool:
    """Is the noun the inspection's: its possessor ("the report's finding") or what it is
    "of" or "by" ("the conclusion of the inspectors") names the inspection?"""
    # a possessor, or one the parser reads as the subject of "finding" ("the report's | finding")
    owners = [c for c in noun.children if c.dep_ == "poss" or any(g.dep_ == "case" for g in c.children)]
    owners += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "by") for g in c.children]
    return any(
        names_the_inspection(o) or o.lower_ == "your" and _addresses_the_inspection(o.doc) for o in owners
    )


def _addresses_the_inspection(doc: Doc) -> bool:
    """Is the page written to the inspection: a letter that says "your report", "your
    inspection" or "your inspectors"? Then "your concern", "your finding" are the
    inspection's ("I share your concern that ...")."""
    key = "inspectx_addresses_inspection"
    if key not in doc.user_data:
        doc.user_data[key] = any(t.lower_ == "your" and t.head.lower_ in inspection_nouns() for t in doc)
    return doc.user_data[key]


def finding_noun_complement(noun: Token) -> Token | None:
    """The verb of the "that" clause of an inspection's finding noun ("the report's finding
    that | X", "the inspectorate's concern that | X"), or None."""
    if noun.lower_ not in FINDING_NOUNS or not _of_the_inspection(noun):
        return None
    complement = next((c for c in noun.children if that_clause(c) and c.i > noun.i), None)
    if complement is None and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        # misparsed onto the verb the noun hangs on ("I agree with the report's assessment |
        # that X", X a ccomp of "agree"): the "that" right after the noun opens its clause
        verb, following = noun.head.head, noun.nbor() if noun.i + 1 < len(noun.doc) else None
        if following is not None and following.lower_ == "that" and following.dep_ == "mark":
            complement = next((c for c in verb.children if c.dep_ == "ccomp" and following.head == c), None)
    return complement


def that_clause(token: Token) -> bool:
    """Is the token the verb of a "that" clause hung on a noun or verb ("the finding that | X")?"""
    return token.dep_ in ("acl", "ccomp", "relcl") and marked_that(token)


def marked_that(token: Token) -> bool:
    """Is the token a verb marked by "that" ("... that | the force has improved")?"""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def _found_clauses(verb: Token) -> list[list[Token]]:
    """What a reporting verb says was found, when it is a clause: its "that" complement
    ("recognised that | X"), or an object with its own predicate ("found | our response to
    be effective", "found | the force's vetting sound"); or the object of a verb of finding
    ("found | no evidence of X")."""
    clauses = [_clause_words(c) for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if clauses or not objects:
        return clauses
    # the predicate hangs on the verb or, misparsed, inside the object ("to stalking | to be")
    predicates = [c for c in verb.children if c.dep_ in ("xcomp", "oprd") and c.i > verb.i]
    predicates += [t for t in objects[0].subtree if t.dep_ in ("xcomp", "oprd")]
    if not predicates:
        # what was found is a finding as it stands ("found | no evidence of X", "found |
        # serious failings in Y"); what was recognised or praised is the speaker's reaction
        if verb.lower_ in _FINDING_OBJECTS and objects[0].i > verb.i:
            return [[t for t in objects[0].subtree if not t.is_space]]
        return []
    start = min(t.i for t in objects[0].subtree)
    end = max(t.i for p in predicates for t in p.subtree)
    return [[t for t in verb.doc[start : end + 1] if not t.is_space]]


#: Verbs whose object alone is what the inspection found ("inspectors found no evidence of X").
_FINDING_OBJECTS = resources.inflections(("find", "identify", "uncover"))


def relayed_in_reaction(doc: Doc, sent: Span) -> bool:
    """Does the sentence relay the inspection inside its speaker's reaction ("I am delighted
    that the inspectors graded us good at ...", "we are disappointed that the report rated
    our call handling inadequate"), or in a relative clause on the report that grades ("We
    welcome the report, which graded us good at ...")? The grades it gives are the
    inspection's, though the sentence as a whole is the speaker's (see `relays`)."""
    return any(
        (token.dep_ in ("nsubj", "nsubjpass") and names_the_inspection(token) and _under_stance(token.head))
        or (token.dep_ == "relcl" and token.lower_ in _grading_verbs() and names_the_inspection(token.head))
        for token in sent
    )


@cache
def first_person_stances() -> dict[str, str]:
    """Adjectives of a stance taken in the first person, with the polarity each gives what
    it is taken towards ("concerned": concern, "impressed": improvement; data/cues.json
    `first_person_stances`)."""
    cues = resources.load("cues")["first_person_stances"]
    return {word: polarity for polarity, words in cues.items() for word in words}


@cache
def finding_out_verbs() -> frozenset[str]:
    """Verbs of finding out, in all their forms, after which a stance is taken towards what
    was found ("I was disappointed to find that ...", "pleased to see that ..."); not
    "pleased to confirm" or "pleased to announce", which tell, not find."""
    return resources.inflections(("find", "see", "learn", "discover", "hear", "note", "observe"))


@cache
def _grading_verbs() -> frozenset[str]:
    """Verbs an inspection grades with, as a relative clause on it relays ("We welcome the
    report, which rated us good at ..."), in all their forms."""
    return frozenset(resources.inflections(("grade", "rate", "judge", "assess", "award", "give")))


@cache
def stance_words() -> frozenset[str]:
    """Words of a speaker's reaction (data/cues.json `stance_words`: pleased, disappointed ...)."""
    return frozenset(resources.load("cues")["stance_words"])


def _under_stance(verb: Token) -> bool:
    """Is the verb the complement of the speaker's reaction ("we are pleased that | the
    inspectors recognised ...", "it is disappointing that | the report found ...", "I
    welcome the fact that ...")?"""
    stance = stance_words()
    for _ in range(3):
        if verb.dep_ not in ("ccomp", "xcomp", "acl", "pcomp", "pobj", "prep", "agent", "advcl"):
            return False
        verb = verb.head
        reaction = [c for c in verb.children if c.dep_ in ("acomp", "attr")]  # "it is | pleasing"
        if verb.lower_ in stance or any(c.lower_ in stance for c in reaction):
            return True
    return False


#: The words a count of an inspection's findings is made of, beside its numbers, verbs and
#: inspection nouns: "The report identifies one cause of concern", "It also sets out five
#: areas for improvement".
_COUNTED = frozenset(
    {
        *("cause", "causes", "concern", "concerns", "area", "areas", "improvement", "improvements"),
        *("development", "recommendation", "recommendations", "afi", "afis", "total", "further"),
    }
)


def counts_findings(clause: list[Token]) -> bool:
    """Does the clause only count the inspection's findings ("The report identifies one
    cause of concern", "Inspectors made two recommendations and identified 20 further areas
    for improvement"), saying nothing of what they are?"""
    if not any(t.like_num or t.lower_ == "no" for t in clause):
        return False
    nouns = inspection_nouns()
    content = [
        t
        for t in clause
        if t.is_alpha and not t.is_stop and not t.like_num and t.pos_ not in ("VERB", "AUX", "PRON")
    ]
    return (
        bool(content)
        and all(t.lower_ in _COUNTED or t.lower_ in nouns for t in content)
        and any(t.lower_ in _COUNTED for t in content)
    )


def describes_method(clause: list[Token]) -> bool:
    """Does the clause tell how the inspection was done or published, not what it found?
    Its predicate is a verb of inspecting ("Inspectors interviewed 80 officers", "The team
    spent two weeks in the control room", "We examined 120 case files") or of publishing
    ("The report, ..., is available online", "It makes nine recommendations"), its subject
    is the inspection (inspectors, the report, we), and no clause of it says what was found."""
    ids = {t.i for t in clause}
    roots = [t for t in clause if t.head.i not in ids or t.head.i == t.i]
    if len(roots) != 1 or roots[0].pos_ not in ("VERB", "AUX"):
        return False
    root = roots[0]
    method = method_verbs()
    publication = resources.inflections(tuple(resources.load("cues")["publication_words"]))
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    inspecting = inspection_nouns() | {"we", "team"}
    if not any(s.lower_ in inspecting or _inspection_said_it(s) for s in subjects):
        return False
    inside = [c for c in root.children if c.i in ids]  # a phrase split off a clause ends where it does
    if any(c.dep_ == "neg" for c in inside) and any(c.lower_ in _NOT_ALWAYS for c in inside):
        # "We do not always carry out checks": a failing, not what the inspection left out
        # ("We did not interview victims")
        return False
    if any(c.dep_ in ("ccomp", "acomp") and c.lower_ not in publication for c in inside):
        return False  # "said that ...", "was good": a judgement
    if any(c.dep_ in ("advcl", "xcomp") and c.lower_ in reporting_verbs() for c in inside):
        return False  # "published its report, | rating it good at ...", "went on to say that ..."
    if any(t.lower_ in FINDING_NOUNS and any(that_clause(c) for c in t.children) for t in clause):
        return False  # "came to the conclusion that ..."
    if any(c.dep_ in ("advcl", "xcomp", "oprd") and c.tag_ in ("VBN", "JJ") for c in inside):
        return False  # "came away impressed by ...", "left unconvinced that ..."
    if any(c.dep_ == "conj" and c.pos_ == "VERB" and c.lower_ not in method for c in inside):
        return False  # "examined 50 files and found that ..."
    if any(c.lower_ in _DISCOVERING_PARTICLES for c in inside):
        return False  # "came across 11 files where ...", "came upon": what was found
    if root.lower_ in method:
        return True
    complements = [root, *(c for c in root.children if c.dep_ in ("acomp", "dobj", "attr"))]
    return any(t.lower_ in publication for t in complements)


def _inspection_said_it(subject: Token) -> bool:
    """Is the subject "it" or "they" of a clause the inspection reports ("HMICFRS says | it
    returned to the force in April", "Inspectors said | they examined 60 files")? Then it
    is the inspection."""
    verb = subject.head
    if subject.lower_ not in ("it", "they") or verb.dep_ != "ccomp":
        return False
    sayers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    inspectorates = gazetteer.token_indices(subject.doc, "INSPECTORATE")
    return any(c.i in inspectorates or c.lower_ in inspection_nouns() for c in sayers)


#: Particles that make a verb of inspecting one of discovering ("came across", "came upon").
_DISCOVERING_PARTICLES = frozenset({"across", "upon"})
#: Adverbs that make a denied practice a shortfall ("not always", "not routinely").
_NOT_ALWAYS = frozenset({"always", "consistently", "routinely", "regularly", "properly", "fully", "yet"})


@cache
def method_verbs() -> frozenset[str]:
    """The verbs of inspecting ("interviewed", "examined", "visited": `method_verbs` in
    data/cues.json), inflected."""
    return frozenset(resources.inflections(tuple(resources.load("cues")["method_verbs"])))


def after_method(verb: Token) -> Token | None:
    """The verb of inspecting that `verb`, a reporting verb, is joined to, when the inspection
    is their subject ("Inspectors visited the force in May | and found that ...", "We
    examined 60 files and concluded ..."); None otherwise. The first verb tells how the
    inspection was done, the second what it found."""
    if verb.dep_ != "conj" or verb.lower_ not in reporting_verbs() or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    first = verb.head
    if first.lower_ not in method_verbs():
        return None
    subjects = [c for c in first.children if c.dep_ == "nsubj"]
    if not any(s.lower_ in inspection_nouns() | {"we", "team"} for s in subjects):
        return None
    return first


def inspection_relayed(doc: Doc) -> bool:
    """Does the article pass on an inspection's judgement: it speaks of inspecting (inspectors,
    an inspection, a watchdog, a PEEL report) and some sentence relays a judgement (see `relays`), or the
    page is an inspectorate's own (see `page_kind`: "Our inspectors visited the force in
    May. We found ...")?"""
    inspecting = [
        *gazetteer.tokens_starting(doc, ("inspect", "re-inspect", "reinspect")),
        *gazetteer.tokens_with(doc, ("watchdog",)),
    ]
    peel = any(s.id_ == "peel" for s in gazetteer.spans(doc, "PROGRAMME"))  # "the PEEL report says"
    if _iopc_named(doc):  # "the watchdog" of an article about the IOPC is the IOPC
        inspecting = [t for t in inspecting if t.lower_ != "watchdog"]
    if not peel and (not inspecting or _only_police_ranks(doc, inspecting)):
        return False
    if any(relays(doc, sent) for sent in doc.sents):
        return True
    return page_kind(doc, doc._.quotes or []) == INSPECTORATE_PAGE


#: Nouns that stand for a force ("the force", "the constabulary"), or that a place names one
#: with ("the City of London force", "the Durham constabulary").
FORCE_NOUNS = frozenset({"force", "constabulary", "police", "service"})


def _iopc_named(doc: Doc) -> bool:
    """Does the article name the Independent Office for Police Conduct, and no inspectorate?
    News calls the IOPC "the police watchdog" too."""
    organisations = gazetteer.people_data()["organisations"]
    named = any(organisations[int(s.id_)]["name"] in _IOPC for s in gazetteer.spans(doc, "ORG"))
    return named and not gazetteer.spans(doc, "INSPECTORATE")


#: The IOPC's names among people.json organisations.
_IOPC = frozenset({"IOPC", "Independent Office for Police Conduct"})


def _only_police_ranks(doc: Doc, inspecting: list[Token]) -> bool:
    """Is every word of inspecting the article has "inspector", in an article whose people
    hold that rank in a force ("Inspector Mark Hughes", role force)? Then it tells of a
    police officer ("Inspector praised for bravery", "A Devon and Cornwall Police
    inspector has been commended"), not of an inspection."""
    ranked = any((p.title or "").lower() == "inspector" and p.role == "force" for p in doc._.people or [])
    return ranked and all(t.lower_ == "inspector" for t in inspecting)


def other_force_tokens(doc: Doc) -> set[int]:
    """Token indices of names of forces other than the one the article is about (the same
    leader as the record's `force`: `gazetteer.rank_forces`); their grades and findings are
    not this inspection's. None are other when no force leads (two forces compared, a
    national report): then whose a finding is, the article's sentences must say."""
    ranking = gazetteer.rank_forces(doc)
    if ranking is None or ranking.leader is None:
        return set()
    forces = gazetteer.spans(doc, "FORCE")
    others = {s.id_ for s in forces if s.id_ != ranking.leader}
    out = {i for s in forces if s.id_ in others for i in range(s.start, s.end)}
    # the other force named by its place as the subject ("although Warwickshire was
    # criticised for slow investigations"), once the article has named it as a force
    for place in gazetteer.spans(doc, "PLACE"):
        root = place.root
        # "The City of London force was rated good": the place names the force that is the subject
        named = root.dep_ in ("compound", "nmod", "amod") and root.head.lower_ in FORCE_NOUNS
        subject = root.head if named else root
        if place.id_ in others and subject.dep_ in ("nsubj", "nsubjpass"):
            out.update(range(place.start, place.end))
    # a sentence set in the other force ("In Durham, inspectors found that ..."), or in
    # another force's county though the article never names that force: all of it
    for span in (*forces, *gazetteer.spans(doc, "PLACE")):
        other = span.id_ in others or span.label_ == "PLACE" and span.id_ != ranking.leader
        if other and _sets_the_sentence(span):
            sent = span.sent
            out.update(range(sent.start, sent.end))
    # "Suffolk Constabulary ... fared less well. | It was rated requires improvement ...": "it"
    # as the subject right after a sentence whose subject is the other force
    # So does a sentence of the same paragraph that names no force but points back with
    # "its" or "the force" ("Neighbouring Warwickshire Police was rated good. | Inspectors
    # praised its response times. | But they said the force needed to ..."), and the one
    # after it that goes on doing so.
    own = {i for s in forces if s.id_ == ranking.leader for i in range(s.start, s.end)}
    previous, last = None, None
    for sent in doc.sents:
        subject = _main_subject(sent)
        other_before = previous is not None and previous.i in out
        if subject is not None and subject.lower_ == "it" and other_before:
            out.update(range(sent.start, sent.end))
            last = sent
            continue  # and "it" goes on standing for the other force
        same_paragraph = last is not None and not any(
            "\n" in t.text for t in doc[last.end - 1 : sent.start + 1]
        )
        if other_before and same_paragraph and _points_back_to_a_force(sent, own | out):
            out.update(range(sent.start, sent.end))
            last = sent
            continue
        # the sentence before told of the other force: all of it, or its subject names it ("A
        # separate inspection of Cumbria Constabulary ... found")
        told_of_other = last is not None and (
            all(i in out for i in range(last.start, last.end - 1))
            or (last_subject := _main_subject(last)) is not None
            and any(t.i in out for t in last_subject.subtree)
        )
        if told_of_other and same_paragraph and _goes_on(sent, own | out):
            # "A separate inspection of Cumbria Constabulary found that ... | But inspectors
            # said that victims were still waiting ...": the turn goes on about that force
            out.update(range(sent.start, sent.end))
            last = sent
            continue
        if subject is not None and subject.i in out:
            # "South Wales Police was rated adequate, | but inspectors said it was failing ...":
            # "it" and "its" in the other force's own sentence stand for it
            out.update(t.i for t in sent if t.lower_ in ("it", "its") and t.pos_ == "PRON")
        if subject is not None:
            previous = subject
        last = sent
    return out


def _goes_on(sent: Span, named: set[int]) -> bool:
    """Does the sentence open by going on from the one before ("But", "However", "Yet",
    "It also"), naming no force itself (no token in `named`)?"""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    return first is not None and first.lower_ in _GOING_ON and not any(t.i in named for t in sent)


#: Words that open a sentence going on from the one before it.
_GOING_ON = frozenset({"but", "however", "yet", "though", "also", "and"})


def _points_back_to_a_force(sent: Span, named: set[int]) -> bool:
    """Does the sentence stand for a force with "its" or "the force" (or "the
    constabulary"), naming none itself (no token in `named`, the forces' names)?"""
    if any(t.i in named for t in sent):
        return False
    for t in sent:
        if t.lower_ == "its" and t.dep_ == "poss":
            return True
        if t.lower_ in ("force", "constabulary") and any(c.lower_ == "the" for c in t.children):
            return True
    return False


#: Verbs of a news pivot that sets the story's event after another ("The case comes weeks
#: after inspectors published ...", "It follows a report by ...").
_PIVOT_VERBS = frozenset({"come", "comes", "came", "follow", "follows", "followed"})


#: Nouns for what an inspection says, which as a pivot's subject point back to it.
_VERDICT_NOUNS = frozenset(
    {
        "findings",
        "finding",
        "verdict",
        "criticism",
        "criticisms",
        "warning",
        "warnings",
        "conclusions",
        "rating",
        "ratings",
        "grade",
        "grades",
        "assessment",
        "judgement",
        "judgment",
        "praise",
    }
)


def another_story(doc: Doc, lead_end: int = 0) -> set[int]:
    """The starts of the sentences that tell another story the inspection is set after: all
    those before a pivot that is the body's first mention of the inspection ("A man was
    jailed for ... | The case comes weeks after CJI published a review of ...", "The force is
    to close its custody suite ... | The decision comes after an inspection of ...", "It
    follows a report by the inspectorate ..."). The pivot's subject points back ("The case",
    "The decision", "It") and is not the inspection; what comes after it names the
    inspection. Sentences starting before `lead_end` (the headline and standfirst) are not looked at
    for a mention; without such a pivot, none."""
    before: list[int] = []
    for sent in doc.sents:
        if sent.start_char < lead_end:
            continue
        if _pivots_to_the_inspection(sent):
            return set(before)  # the pivot is read: "It follows a report that found serious failings
        if any(names_the_inspection(t) for t in sent):
            return set()  # the inspection is named before any pivot: the story is its own
        before.append(sent.start)
    return set()


def _pivots_to_the_inspection(sent: Span) -> bool:
    root = sent.root
    if root.lower_ not in _PIVOT_VERBS:
        return False
    subject = _main_subject(sent)
    if subject is None or names_the_inspection(subject) or subject.lower_ in _VERDICT_NOUNS:
        return False  # "The findings come after ...": the inspection's own, told before
    pointing = subject.lower_ in ("it", "this") or any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children
    )
    if not pointing:
        return False
    if root.lower_.startswith("follow"):
        after = [c for c in root.children if c.dep_ == "dobj"]
    else:  # "comes after an inspection", "comes weeks after inspectors published ..." (not
        # "comes as", which may tell the same story: "The news comes as the watchdog publishes ...")
        after = [
            c
            for c in root.children
            if c.dep_ == "prep"
            and c.lower_ == "after"
            or c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children)
        ]
    return any(names_the_inspection(t) for a in after for t in a.subtree)


#: Labels of a notice about the article itself ("Correction: ...", "UPDATE, 3 June: ...").
_NOTICE_LABELS = frozenset({"correction", "clarification", "update", "updated", "amended", "editor's"})
#: Labels of a claim someone made, as a fact-check sets it out ("Claim: ...", "The claim: ...").
_CLAIM_LABELS = frozenset({"claim", "claimed", "claims"})
#: Nouns for the article itself ("this article", "an earlier version of this story").
_ARTICLE_NOUNS = frozenset({"article", "story", "piece", "post", "headline"})


def about_the_article(sent: Span) -> bool:
    """Is the sentence a notice about the article itself, a correction or an update
    ("Correction: An earlier version of this article said inspectors found that X",
    "This story was amended to correct ...", "An earlier version wrongly said ...")? What it
    says the article said is what the report did not say. So is a fact-check's claim under
    test ("Claim: Inspectors said X", "The force claimed: X"): what someone said, not what
    the report found (its verdict, "Verdict: The report found that Y", is read)."""
    words = [t for t in sent if not t.is_space]
    if len(words) > 1 and words[0].lower_ in _NOTICE_LABELS and words[1].text in (":", ","):
        return True
    # a fact-check's claim under test ("Claim: Inspectors said the service was getting
    # worse."), its label within the first three words: what someone said the report said
    label = next((n for n, t in enumerate(words[:4]) if t.text == ":"), None)
    if label is not None and any(t.lower_ in _CLAIM_LABELS for t in words[:label]):
        return True
    subject = _main_subject(sent)
    if subject is None:
        return False
    phrase = list(subject.subtree)
    if any(t.lower_ in _ARTICLE_NOUNS and any(c.lower_ == "this" for c in t.children) for t in phrase):
        return True
    # "An earlier version (of this story) wrongly said ..."
    return subject.lower_ == "version" and any(c.lower_ in ("earlier", "previous") for c in subject.children)


def _main_subject(sent: Span) -> Token | None:
    """The subject of the sentence's root, or None; of two, the nearer the root (a label
    set off by a colon may be parsed as a subject too: "Worth noting: | Essex Police was
    graded ...")."""
    root = sent.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return min(subjects, key=lambda c: abs(c.i - root.i), default=None)


#: Prepositions of an opening adjunct that sets a sentence in a place ("In Durham, ...").
_SETTING_PREPOSITIONS = frozenset({"in", "at", "across", "for"})


def _sets_the_sentence(span: Span) -> bool:
    """Is the span the place of an adjunct that opens its sentence, set off by a comma ("In
    Durham, inspectors found ...", "At Cleveland Police, the picture was bleaker")?"""
    preposition = span.root.head
    if span.start > 0 and span.doc[span.start - 1].lower_ in _SETTING_PREPOSITIONS:
        # whatever the parser made of it ("In Dyfed-Powys, | a similar inspection found
        # ...": it took the place for the subject of "found")
        preposition = span.doc[span.start - 1]
    elif span.root.dep_ != "pobj" or preposition.lower_ not in _SETTING_PREPOSITIONS:
        return False
    opening = [t for t in span.sent if not t.is_space and not t.is_punct]
    if not opening or opening[0].i != preposition.i:
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.text == ","


#: Quantities that make "of forces" a group of forces ("the majority of forces", "half of
#: all forces", "most of the forces").
_QUANTITIES = frozenset(
    {"majority", "most", "many", "all", "half", "third", "quarter", "some", "number", "none", "each", "few"}
)


#: The words `forces_in_general` looks at.
_GENERAL_WORDS = frozenset({"average", "averages", "forces", "force"})


def forces_in_general(doc: Doc) -> set[int]:
    """Token indices of forces in general as the subject of a statement ("most forces were
    rated good", "the majority of forces were graded adequate", "every other force has
    cleared its backlog", "with half of forces graded ...", "the national average was 65
    per cent"): a national picture or a comparison, not this inspection's finding. Forces
    named as a comparison elsewhere in a sentence ("like many forces, X struggles") are not
    counted."""
    out = set()
    for token in gazetteer.tokens_with(doc, _GENERAL_WORDS):
        # "the national average was 65 per cent", "the national average answer time rose":
        # the benchmark, not a finding
        averaged = token.head if token.dep_ in ("compound", "amod") else token
        benchmark = token.lower_ in ("average", "averages") and averaged.dep_ in ("nsubj", "nsubjpass")
        scope = ("national", "england", "wales", "forces")
        if benchmark and any(c.lower_ in scope for c in averaged.subtree):
            out.add(token.i)
            continue
        plural = token.lower_ == "forces"
        other = token.lower_ == "force" and any(c.lower_ == "other" for c in token.children)
        if not (plural or other):
            continue
        subject = token
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _QUANTITIES:
            subject = token.head.head  # "the majority of forces"
        agent = token.dep_ == "pobj" and token.head.dep_ == "agent"  # "are used too rarely by forces"
        if subject.dep_ in ("nsubj", "nsubjpass") or agent or any(c.dep_ == "acl" for c in token.children):
            out.add(token.i)
    return out


#: Adverbs that set a statement's scope to the whole country ("Nationally, ...").
_NATIONAL_ADVERBS = frozenset({"nationally", "nationwide"})
#: What "across" ranges over in a statement about the whole country ("across England and
#: Wales", "across the country", "across the UK").
_NATION_NOUNS = frozenset({"country", "nation", "england", "wales", "scotland", "uk", "britain", "kingdom"})


def national_picture(clause: list[Token]) -> bool:
    """Does the clause state a national picture rather than something of one force: its
    predicate or its subject scoped to the whole country ("Nationally, about a quarter of
    non-emergency calls are abandoned", "Across England and Wales, one officer in five has
    not been trained", "Charge rates across the country fell to ...")? Not when its
    subject is a force, "it" or "we" ("Nationally, the force ranks among the slowest to
    ..."), nor a ranking ("the best rate nationally", "was among the best nationally": the
    adverb after what it modifies). Only meaningful in an article about one force: in a
    national report the national picture is the finding."""
    inside = {t.i for t in clause}
    for token in clause:
        # after its verb the adverb more often ranks ("was among the best nationally")
        adverb = token.lower_ in _NATIONAL_ADVERBS and token.dep_ == "advmod" and token.i < token.head.i
        across = token.lower_ == "across" and _over_the_nation(token)
        if token.lower_ == "in" and _over_the_nation(token) and _in_subject(token, inside):
            return True  # "The charge rate for all crime in England and Wales stood at 7 per cent"
        if not (adverb or across):
            continue
        scoped = token.head
        if scoped.dep_ in ("nsubj", "nsubjpass", "attr") and across:
            # "Charge rates across the country fell ...", "X is a problem across England"
            predicate = scoped.head
        elif scoped.pos_ in ("VERB", "AUX"):
            predicate = scoped
        else:
            continue
        if predicate.i not in inside:
            continue
        subjects = [c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if not any(_names_a_force(s) for s in subjects):
            return True
    return False


def _over_the_nation(prep: Token) -> bool:
    """Is the token a preposition whose object is the country ("across | England and Wales",
    "in | the country")?"""
    return prep.dep_ == "prep" and any(c.dep_ == "pobj" and c.lower_ in _NATION_NOUNS for c in prep.children)


def _in_subject(token: Token, inside: set[int]) -> bool:
    """Is the token inside the subject of the clause's predicate, a subject that names no
    force ("The charge rate for all crime | in England and Wales")?"""
    for node in token.ancestors:
        if node.i not in inside:
            return False
        if node.dep_ in ("nsubj", "nsubjpass"):
            return not _names_a_force(node)
    return False


def _names_a_force(subject: Token) -> bool:
    """Is the subject a force: a force's name, a force noun ("the force", "the
    constabulary"), or "it" or "we" (the page's own force)?"""
    if subject.lower_ in ("it", "we"):
        return True
    forces = gazetteer.token_indices(subject.doc, "FORCE")
    return any(t.i in forces or t.lower_ in FORCE_NOUNS and t.dep_ != "compound" for t in subject.subtree)


_ANOTHER_NOUNS = frozenset(
    {"inspection", "inspections", "report", "reports", "review", "reviews", "audit", "visit"}
)


def another_inspection_tokens(doc: Doc) -> set[int]:
    """Token indices of what another inspection or report is said to have found: a sentence
    set in it ("In a separate report this week, HMICFRS found that X") or whose subject it
    is ("A separate review of custody found that X"), and a relative clause on it ("It
    follows a separate review of custody, published last month, | which found that X").
    The article's inspection is not "separate", "similar" or "another"."""
    out: set[int] = set()
    for noun in gazetteer.tokens_with(doc, _ANOTHER_NOUNS):
        if not gazetteer.another_inspection(noun):
            continue
        sent = noun.sent
        opening = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "at") and noun.head.i == sent.start
        if opening or (noun.dep_ in ("nsubj", "nsubjpass") and noun.head.dep_ == "ROOT"):
            out.update(range(sent.start, sent.end))
            continue
        # on the noun, or (as the parser may hang it) on a noun of its own phrase: "a separate
        # review of call handling, ..., | which found that X"
        for clause in noun.subtree:
            if clause.dep_ == "relcl" and clause.lower_ in reporting_verbs():
                out.update(t.i for t in clause.subtree)
    return out | _graded_by_another_inspectorate(doc)


def _graded_by_another_inspectorate(doc: Doc) -> set[int]:
    """Token indices of the sentences in which an inspectorate of something other than
    policing grades something ("The county's hospitals trust has been rated requires
    improvement by the Care Quality Commission", "Ofsted has rated a primary school
    outstanding"), naming no force and no policing inspectorate: a grade and findings of
    another inspection (a news round-up's other items)."""
    bodies = gazetteer.inspectorates()
    out: set[int] = set()
    for span in gazetteer.spans(doc, "INSPECTORATE"):
        if bodies.get(span.id_, {}).get("policing"):
            continue
        sent = span.sent
        head = span.root
        if head.dep_ == "pobj" and head.head.lower_ == "by":
            # the agent: "rated requires improvement | by the CQC", however "by" is hung
            grading = any(a.lower_ in _grading_verbs() for a in head.ancestors)
        else:
            grading = head.dep_ == "nsubj" and head.head.lower_ in _grading_verbs()
        if not grading:
            continue
        inside = range(sent.start, sent.end)
        policing = any(
            bodies.get(s.id_, {}).get("policing") and s.start in inside
            for s in gazetteer.spans(doc, "INSPECTORATE")
        )
        if policing or any(s.start in inside for s in gazetteer.spans(doc, "FORCE")):
            continue
        out.update(inside)
    return out


def partner_agencies(doc: Doc) -> set[int]:
    """Token indices of other public bodies as the subject of a statement ("the council's
    children's services were praised ...", "the health board was told to improve ...", "the
    Crown Prosecution Service had ..."): a joint inspection's findings about the force's
    partners, not about the force. A body is a name or noun phrase whose head is one of
    `partner_agency_nouns` (data/cues.json), or the staff of one ("social workers knew the
    children well": `partner_staff`); a subject that also names the police ("the
    council and the police shared ...") stays the force's."""
    cues = resources.load("cues")
    nouns = frozenset(cues["partner_agency_nouns"])
    staff = frozenset(cues["partner_staff"])
    kinds = frozenset(cues["partner_service_kinds"])
    police = {"police", "constabulary", "force", "officers", "psni"}
    named = gazetteer.token_indices(doc, "FORCE")  # "Kent" of "Kent Police", not of "Kent County Council"
    inspecting = gazetteer.token_indices(doc, "INSPECTORATE")  # "... Fire and Rescue Services" inspects
    out = set()
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        # a relative pronoun stands for the noun it is on: "the NHS trust, | which was praised ..."
        noun = (
            token.head.head
            if token.lower_ in ("which", "who", "that") and token.head.dep_ == "relcl"
            else token
        )
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i in inspecting:
            continue
        heads = [noun]  # and its possessors: "the council's services", "the council's children's services"
        while possessors := [c for c in heads[-1].children if c.dep_ == "poss"]:
            heads.append(possessors[0])
        # a compound only in a name ("the Crown Prosecution Service"), not "prosecution rates"
        if (
            not any(
                h.lower_ in nouns
                or h.pos_ == "PROPN"
                and any(c.lower_ in nouns for c in h.children if c.dep_ == "compound")
                for h in heads
            )
            and not _partner_staff(noun, staff)
            and not _partner_service(noun, kinds)
        ):
            continue
        # not in a relative clause on it: "the fire service, which shares a commissioner
        # with the force, was rated ..." is the fire service
        aside = {t.i for c in noun.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        if any((t.lower_ in police or t.i in named) and t.i not in aside for t in noun.subtree):
            continue
        verb = token.head
        # "the force's partnership with A, B and C councils had improved", parsed with two
        # subjects: the other names the police
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c != token]
        if any(t.lower_ in police for s in subjects for t in s.subtree):
            continue
        if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ == "with":
            continue  # "files were poor, with the Crown Prosecution Service sending many back": the force's
        reason = verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _REASON_MARKS for c in verb.children
        )
        when = verb.dep_ in ("advcl", "relcl") and any(
            c.dep_ == "advmod" and c.lower_ in _WHEN_WORDS for c in verb.children
        )
        if reason or when:
            # "children were held overnight because the council could not ...", "powers were
            # used too readily, when social care teams were harder to reach": the force's
            continue
        out.add(token.i)
    return out


def _partner_service(noun: Token, kinds: frozenset[str]) -> bool:
    """Is the noun a service of another public body by its kind ("health services", "mental
    health teams", "children's services", "the youth offending service":
    `partner_service_kinds` before a head of `_SERVICE_HEADS`)?"""
    if noun.lower_ not in _SERVICE_HEADS:
        return False
    return any(c.dep_ in ("compound", "amod", "poss") and c.lower_ in kinds for c in noun.children)


#: Heads of a service's name ("health services", "the social care team").
_SERVICE_HEADS = frozenset({"service", "services", "team", "teams", "trust", "trusts"})


def _partner_staff(noun: Token, staff: frozenset[str]) -> bool:
    """Is the noun (with a compound before it) a profession of another public body ("social
    workers", "health visitors", "teachers", "probation officers": `partner_staff` in
    data/cues.json)? What a joint inspection found of them is about their agency."""
    compounds = [c.lower_ for c in noun.children if c.dep_ in ("compound", "amod") and c.i == noun.i - 1]
    return noun.lower_ in staff or any(f"{c} {noun.lower_}" in staff for c in compounds)


#: Subordinators of a reason, whose clause explains the main one.
_REASON_MARKS = frozenset({"because", "as", "since"})
#: Adverbs that open a clause of when the main clause happens ("..., when the council's
#: teams were harder to reach").
_WHEN_WORDS = frozenset({"when", "whenever", "while"})


def _earlier_cycles(doc: Doc, year: int) -> list[DateMention]:
    """The spans of years (`dates.year_spans`) that name an inspection or report of a
    cycle ended before `year` (this inspection's), as dates of that end year: "its 2021/22
    PEEL assessment", "the 2019-21 inspection" (not "since its 2021/22 PEEL inspection",
    nor one set against: "up from 64 per cent in its 2021/22 inspection"). `dates` keeps
    them out of its mentions, as a cycle names the programme, not the day the force was
    inspected."""
    out = []
    for span, end in dates.year_spans(doc):
        if end >= year:
            continue
        root, head = span.root, span.root.head
        named = [head, *head.conjuncts, *([head.head] if head.dep_ in ("compound", "nmod") else [])]
        # before the noun it names: "its 2021/22 PEEL assessment", "the PEEL 2021/22 report"
        if root.dep_ not in ("nummod", "compound", "amod", "nmod") or max(t.i for t in named) < span.end:
            continue
        # "PEEL", "assessment": a programme's words name it as well
        if not any(names_the_inspection(t) or t.lower_ in dates.CYCLE_WORDS for t in named):
            continue
        mention = DateMention(
            span.text, span.start_char, span.end_char, end, None, None, None, None, value=str(end)
        )
        if not _dates_a_baseline(doc, mention):
            out.append(mention)
    return out


#: Participles that date a report by when it came out or was done ("published in 2023").
_REPORT_DATING = frozenset({"published", "released", "issued", "conducted", "carried"})


def _dates_a_framing_report(doc: Doc, mention: DateMention) -> bool:
    """Is the date that of a report or inspection named in the sentence's opening adjunct,
    through a participle ("In its PEEL inspection published in January 2025, HMICFRS
    graded ...", "At an inspection carried out in 2023, ...")? The sentence tells of that
    report, as "In its 2023 report" would."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    prep = span.root.head
    participle = prep.head if prep.dep_ == "prep" else None
    if participle is None or participle.lower_ not in _REPORT_DATING or participle.dep_ != "acl":
        return False
    noun = participle.head
    opening = noun.head
    if not names_the_inspection(noun) or noun.dep_ != "pobj" or opening.lower_ not in ("in", "at"):
        return False
    sent = span.sent
    return opening.i == sent.start or doc[sent.start].is_punct and opening.i == sent.start + 1


def _labels_a_report(doc: Doc, mention: DateMention) -> bool:
    """Is the date a year that names a report or inspection it stands before ("the 2023
    report", "its 2021 inspection")?"""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    head = span.root.head
    modifies = span.root.dep_ in ("nummod", "compound", "amod") and head.i > span.root.i
    # "its 2023 vetting, misconduct and misogyny inspection", parsed as a list ending in it
    return modifies and any(names_the_inspection(t) for t in (head, *head.conjuncts))


#: Words that open the figure a measure is set against ("up from", "compared with", "than").
_BASELINE_MARKERS = frozenset({"from", "compared", "than", "against"})


#: How many tokens before a date a comparison word may stand for the date to be its
#: baseline ("compared with an average of 71 days when the force was last inspected in 2023").
_BASELINE_REACH = 16


def _dates_a_baseline(doc: Doc, mention: DateMention) -> bool:
    """Does the date only tell when a figure the sentence compares with was taken ("up from
    71 per cent when inspectors last visited in 2022", "fell from 40 minutes in 2019 to
    ...", "compared with 61% at the last inspection in 2021")? Then the sentence tells of
    now. Read on the words, not the parse (which hangs such a "when" clause on the main
    verb): a baseline word, then a figure, then the date, in at most _BASELINE_REACH tokens."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[max(span.sent.start, span.start - _BASELINE_REACH) : span.start]
    for n, token in enumerate(before):
        after = before[n + 1 :]
        if any(t.text in (";", ":") for t in after):
            continue
        if token.lower_ in _BASELINE_MARKERS and any(t.like_num or _a_grade(t) for t in after):
            return True  # "up from 71 per cent in 2022", "up from requires improvement in 2021"
        if token.lower_ == "unlike" and len(after) <= 2:
            return True  # "Unlike in 2022, when it was last inspected, every decision ..."
        # "a clear improvement since the suites were last inspected in 2021", "better
        # resourced than at the force's last inspection in 2019", "better at X than when
        # inspectors last looked at it in 2022": the date is the earlier inspection's, and
        # the sentence compares now with it
        if token.lower_ in _COMPARED_WITH | _BASELINE_MARKERS and any(
            _inspects(t) or names_the_inspection(t) for t in after
        ):
            return True
    return False


#: Words that compare now with an earlier time named after them ("since", "than", "the
#: same grade it received when it was last inspected").
_COMPARED_WITH = frozenset({"since", "than", "compared", "same"})


def _a_grade(token: Token) -> bool:
    """Is the token a grade's word ("good", "inadequate", "requires" of "requires improvement")?"""
    low = token.lower_
    following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    return low in GRADE_POLARITY or f"{low} {following}" in GRADE_POLARITY


def _inspects(token: Token) -> bool:
    """Is the token an inspection noun or a verb of inspecting ("the last inspection",
    "were last inspected", "when we last visited")?"""
    return token.lower_ in _inspecting_verbs() or token.lower_ in _INSPECTION_NOUNS


_INSPECTION_NOUNS = frozenset({"inspection", "inspections", "visit", "visits"})


def _dated_thing(noun: Token) -> bool:
    """May a participle on the noun date the noun alone, not its sentence? Any noun but a
    subject, or a subject said to have been put right since: "Risks | flagged in its 2022
    report | had been addressed" tells of now, "The report, | published in 2019, | found
    ..." and "Problems | identified in 2019 | persisted" of then."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return True
    return not names_the_inspection(noun) and noun.head.lower_ in resources.inflections(PUT_RIGHT_VERBS)


def _put_right_since(doc: Doc, mention: DateMention) -> bool:
    """Is the date in a participle on the subject of a verb of putting right ("Risks |
    flagged in its 2022 report | had been addressed", "Weaknesses in supervision |
    identified in ..."), however the parser hangs the participle in the subject? The
    sentence tells of now."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    participle = next((t for t in span.root.ancestors if t.dep_ == "acl" and t.tag_ == "VBN"), None)
    if participle is None:
        return False
    noun = participle.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head.head
    return noun.dep_ in ("nsubj", "nsubjpass") and _dated_thing(noun)


def _in_relative_clause(doc: Doc, mention: DateMention) -> bool:
    """Is the date inside a relative clause in the past perfect on a noun of its sentence
    ("Some cells had ligature points | that had been identified at the previous inspection
    in 2021 | but had not been removed")? The clause tells of then; the sentence it hangs
    on tells of now. A "when" clause is `when_then_tokens`'s."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    for token in span.root.ancestors:
        if token.dep_ == "acl" and token.tag_ == "VBN" and _dated_thing(token.head):
            # "had failed to implement recommendations | made when it was last inspected in
            # 2022", "the Gillen Review, | published in 2019": when the thing came about (not
            # with a clause of its own on what it found: "a PEEL inspection, published in
            # 2023, which graded it inadequate")
            noun = token.head
            if _dates_a_framing_report(doc, mention):
                return False  # "In its PEEL inspection published in 2025, HMICFRS graded ...": all of it
            return noun.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "relcl" for c in noun.children)
        if token.dep_ == "relcl":
            # in the past perfect: before the time its sentence tells of
            pluperfect = any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in token.children)
            when = any(c.lower_ == "when" for c in token.children)
            return pluperfect and not when and token.head.pos_ in ("NOUN", "PROPN")
    return False


def _frames_sentence(doc: Doc, mention: DateMention) -> bool:
    """Does the date open its sentence and so set the time of all of it ("Three years ago,
    ...", "In 2019 the force ...", "But two years ago ...")? A date further in may set only
    an aside or a relative clause ("a practice inspectors had criticised three years ago"),
    and en_core_web_sm too often makes such a clause the sentence's root to tell."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.sent.start : span.start]
    return sum(1 for t in before if not t.is_punct and t.lower_ not in ("but", "and", "so")) <= 1


def _judged_then(doc: Doc, mention: DateMention) -> bool:
    """Is the dated sentence's main verb a judgement in the past whose subject is the
    inspection ("Last year, the inspectorate found ...", "In March 2024 inspectors
    warned ...")? Set before this inspection, it tells of an earlier one."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.sent.root
    verb = span.root.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    # the date sets the time of the judging ("Last year, the inspectorate found ..."), not of
    # what it found ("Last year, fewer than half were reviewed, the report found")
    return (
        verb.i == root.i
        and root.tag_ == "VBD"
        and any(c.dep_ == "nsubj" and names_the_inspection(c) for c in root.children)
    )


def _judged_when(doc: Doc, mention: DateMention) -> bool:
    """Does the date set the time of an adverbial clause of the inspectors' looking that
    opens a judgement in the past ("When inspectors examined the records in 2020, they
    found ...", "The last time inspectors looked at X, in 2019, they found ...")? The
    judging subject is the inspection or a pronoun for the clause's inspectors."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root.head
    while verb.dep_ in ("prep", "pobj", "pcomp", "appos") and verb.head.i != verb.i:
        verb = verb.head
    root = span.sent.root
    if verb.dep_ != "advcl" or verb.head.i != root.i or root.tag_ != "VBD":
        return False
    when = any(c.lower_ == "when" or (c.dep_ == "npadvmod" and c.lower_ == "time") for c in verb.children)
    looking = any(c.dep_ == "nsubj" and names_the_inspection(c) for c in verb.children)
    judging = [c for c in root.children if c.dep_ == "nsubj"]
    by_them = any(names_the_inspection(c) or (looking and c.lower_ == "they") for c in judging)
    return when and by_them


def _graded_then(doc: Doc, mention: DateMention) -> bool:
    """Does the date tell when the sentence's main verb, a grading verb in the past, graded
    ("The force was rated inadequate at X in 2023", "was judged good in 2021")?"""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ not in ("in", "during"):
        return False
    verb = span.root.head.head
    while verb.dep_ in ("pcomp", "pobj", "prep", "dobj") and verb.head.i != verb.i:
        verb = verb.head  # "rated inadequate at investigating crime in 2023"
    was = any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children)
    past = verb.tag_ == "VBD" or was
    # "Lincolnshire Police, which was graded inadequate at X in 2023, is now ...": the aside
    # on the subject is of then (`segment.judged_subject_aside` reads the rest on its own)
    aside = verb.dep_ == "relcl" and verb.head.dep_ in ("nsubj", "nsubjpass")
    return (verb.dep_ == "ROOT" or aside) and verb.lower_ in _grading_verbs() and past


#: Words that open a clause telling why or after what the main verb happened.
_CAUSE_MARKS = frozenset({"after", "when", "because", "following", "once"})


def _judged_before_it(doc: Doc, mention: DateMention) -> bool:
    """Does the date tell when the sentence's main verb, in the past, happened, and does an
    adverbial clause of it tell of the inspection judging ("The force entered Engage in
    2023 | after its PEEL inspection graded it inadequate", "was released from Engage in
    late 2023 | after inspectors were satisfied it had improved")? That judging was then."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ not in ("in", "during"):
        return False
    verb = span.root.head.head
    was = any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children)
    if verb.dep_ != "ROOT" or not (verb.tag_ == "VBD" or was):
        return False
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        marked = any(c.lower_ in _CAUSE_MARKS and c.dep_ in ("mark", "advmod") for c in clause.children)
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if marked and any(names_the_inspection(c) for c in subjects):
            return True
    return False


def background_sentences(doc: Doc, mentions: list[DateMention]) -> dict[int, list[tuple[int, int]]]:
    """The sentences that tell of an earlier inspection (its date, not "since" it, or an
    earlier inspection as their source, see `earlier_sources`), or of a
    time two years or more before the latest inspection (or, without one, before
    publication: "Three years ago, callers waited ..."): the first token of each, with the
    character spans of the earlier dates in it (a clause of the sentence without one may
    still tell of the present: "It was criticised in 2023, and the report says it now ...").
    Only a date that opens its sentence sets the time of all of it (see `_frames_sentence`):
    one further in is as often a measure's baseline ("rose from 70 per cent in 2021 to ...")."""
    picked = dates.pick(mentions)
    previous, latest = picked["previous_inspection"], picked["inspection"]
    out: dict[int, list[tuple[int, int]]] = {}

    unspread: set[int] = set()  # background sentences whose next sentence is not told then

    def sentence_start(m: DateMention) -> int | None:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        return None if span is None else gazetteer.sentence_of(doc, span.start).start

    def add(m: DateMention) -> None:
        start = sentence_start(m)
        if start is not None:
            out.setdefault(start, []).append((m.start, m.end))

    for m in mentions:
        earlier = m.role in ("previous", dates.EARLIER) and not m.since
        if earlier and not _dates_a_baseline(doc, m) and not _in_relative_clause(doc, m):
            add(m)
    now = latest or picked["published"]
    if now is not None and now.value:
        before = int(now.value[:4]) - 2
        for m in mentions:
            earlier = m.role is None and m.value and not m.since and int(m.value[:4]) <= before
            if earlier and _frames_sentence(doc, m):
                add(m)  # "Three years ago, callers waited ...": a time before the inspection
                continue
            before_now = m.role in (None, "inspection") and m.value and _earlier_than(m.value, now.value)
            # "graded good for X, up from inadequate in 2020": the date is a compared figure's
            before_now = before_now and not _dates_a_baseline(doc, m)
            if (
                before_now
                and _labels_a_report(doc, m)
                and not _put_right_since(doc, m)  # "Risks flagged in its 2022 report had been addressed"
            ):
                add(m)  # "The 2023 report found that ...": another, earlier report
            elif before_now and _dates_a_framing_report(doc, m):
                add(m)  # "In its PEEL inspection published in January 2025, HMICFRS graded .."
            elif m.role is None and before_now and _frames_sentence(doc, m) and _judged_then(doc, m):
                add(m)  # "Last year, the inspectorate found that ...": before this inspection
            elif m.role is None and before_now and _judged_when(doc, m):
                add(m)  # "When inspectors examined X in 2020, they found ...": an earlier look
            elif m.role is None and before_now and _graded_then(doc, m):
                add(m)  # "It was rated inadequate at X in 2023": an earlier grade
            elif m.role is None and before_now and _judged_before_it(doc, m):
                add(m)  # "It entered Engage in 2023 after its inspection graded it inadequate"
                if (start := sentence_start(m)) is not None:
                    unspread.add(start)  # an event of then on the way to now: what follows is not of then
        for m in _earlier_cycles(doc, int(now.value[:4])):
            add(m)  # "In its 2021/22 PEEL assessment, the force was graded ...": an earlier cycle
    if previous is not None:
        year = previous.value[:4]
        for m in mentions:
            if m.role not in ("previous", "inspection") or m.since or not m.value or m.value[:4] != year:
                continue
            if latest is not None and latest.value[:4] == year or _dates_a_baseline(doc, m):
                continue
            if not _in_relative_clause(doc, m):
                add(m)
    for start, spans in earlier_sources(doc).items():
        out.setdefault(start, []).extend(spans)
    when = _when_then(doc, mentions, int(now.value[:4])) if now is not None and now.value else set()
    told_then = {gazetteer.sentence_of(doc, i).start for i in when}
    if now is not None and now.value:
        # "HMICFRS placed the force in Engage in September 2019. | At the time, inspectors said
        # ...": a sentence dated long before points "At the time" back to then, also when
        # the date is a compared figure's ("kinder than the one it received in 2023. | Then,
        # inspectors rated it ...")
        long_ago = int(now.value[:4]) - 2
        for m in mentions:
            dated_then = m.value and not m.since and int(m.value[:4]) <= long_ago
            if dated_then and (start := sentence_start(m)) is not None:
                told_then.add(start)
    if now is not None and now.value:
        for m in mentions:  # "2017: The force is rated inadequate at ...": a timeline's earlier entry
            if m.value and not m.since and _earlier_than(m.value, now.value) and _heads_its_line(doc, m):
                for start in _sentence_starts_on_line(doc, m.start):
                    out.setdefault(start, []).append((m.start, m.end))
    _continued(doc, out, mentions, told_then, unspread)
    if now is not None and now.value:
        year = int(now.value[:4])

        def names_earlier_report(m: DateMention) -> bool:  # "its 2023 vetting inspection"
            return bool(m.role is None and m.value and int(m.value[:4]) < year and _labels_a_report(doc, m))

        earlier = [m for m in mentions if m.role in ("previous", dates.EARLIER) or names_earlier_report(m)]
        _pointed_back_to(doc, out, earlier)
    return out


def _heads_its_line(doc: Doc, mention: DateMention) -> bool:
    """Does the date open its line as a label, a colon or dash after it ("2017: The force is
    rated ...", "- March 2019 - Inspectors return"), as a timeline's entries are?"""
    text = gazetteer.text_of(doc)
    line_start = text.rfind("\n", 0, mention.start) + 1
    if text[line_start : mention.start].strip(" \t-*\u2022") != "":
        return False
    return bool(_LABEL_MARK.match(text, mention.end))


#: What follows a date that labels its line: a colon or a dash.
_LABEL_MARK = re.compile(r"\s*(?::|[-\u2013\u2014]\s)")


def _sentence_starts_on_line(doc: Doc, char: int) -> list[int]:
    """The first tokens of the sentences that start on the line holding character `char`."""
    text = gazetteer.text_of(doc)
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    end = len(text) if end == -1 else end
    return [s.start for s in doc.sents if start <= s.start_char < end]


def _earlier_than(value: str, now: str) -> bool:
    """Is the date `value` ("2025", "2025-01", "2025-01-14") before `now`, to the month
    when both give one ("January 2025" is before an inspection in November 2025), else to
    the year?"""
    if len(value) >= 7 and len(now) >= 7:
        return value[:7] < now[:7]
    return int(value[:4]) < int(now[:4])


def when_then_tokens(doc: Doc, mentions: list[DateMention]) -> set[int]:
    """The tokens of relative clauses opened by "when" on a date before this inspection
    ("the first inspection since 2018, | when HMICS found morale to be low", "It is from
    2022, | when inspectors found ..."): they tell of that time, whatever the rest of their
    sentence tells of ("Officers now wear cameras, which was not the case in 2021, | when
    ..."), so findings leave them out."""
    picked = dates.pick(mentions)
    now = picked["inspection"] or picked["published"]
    return _when_then(doc, mentions, int(now.value[:4]) if now is not None and now.value else None)


def _when_then(doc: Doc, mentions: list[DateMention], year: int | None) -> set[int]:
    """`when_then_tokens` for dates before `year`, this inspection's, and for the previous
    inspection's however this one is dated (or not: "published today")."""
    out: set[int] = set()
    for m in mentions:
        if not m.value:
            continue
        if not (m.role in ("previous", dates.EARLIER) or year is not None and int(m.value[:4]) < year):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for child in () if span is None else (c for t in span for c in t.children):
            when = any(c.dep_ == "advmod" and c.lower_ == "when" for c in child.children)
            if child.dep_ == "relcl" and when:
                out.update(t.i for t in child.subtree)
                # to the clause's end, whatever the parser hung elsewhere ("when it was rated |
                # requires improvement at X", the grade read as a clause of the main verb)
                for t in doc[child.right_edge.i + 1 : child.sent.end]:
                    if t.text in (",", ";", ":", ".", "?", "!") or t.is_space:
                        break
                    out.add(t.i)
    return out


def _pointed_back_to(doc: Doc, out: dict[int, list[tuple[int, int]]], earlier: list[DateMention]) -> None:
    """Add to `out` each sentence whose subject points back with "that" to an earlier report
    the sentence before names ("... against the cause of concern from its 2023 vetting
    inspection. | That report found that ..."), even when that sentence itself tells of now."""
    named = set()
    for m in earlier:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            named.add(gazetteer.sentence_of(doc, span.start).start)
    for before, sent in itertools.pairwise(doc.sents):
        if before.start not in named or sent.start in out:
            continue
        subject = _subject_in_the_past(sent)
        if subject is not None and _distal(subject) and names_the_inspection(subject):
            out[sent.start] = [(sent[0].idx, sent[0].idx + len(sent[0].text))]


def _subject_in_the_past(sent: Span) -> Token | None:
    """The subject of the sentence's main verb when that verb is in the simple past ("It was
    graded ...", "That report found ..."), else None."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    auxiliaries = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    past = root.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxiliaries)
    return subject if past else None


#: Words that bring a sentence back to the present or to the latest inspection.
_PRESENT = frozenset(
    {"now", "since", "today", "currently", "latest", "new", "again", "this", "returned", "revisited"}
)


def _distal(noun: Token) -> bool:
    """Does the noun point back with "that" or "those" ("That report found ...")?"""
    return any(c.dep_ == "det" and c.lower_ in ("that", "those") for c in noun.children)


#: Inspection nouns that name people: "the former inspector" is no earlier inspection.
_PEOPLE = frozenset({"inspector", "inspectors"})


def earlier_sources(doc: Doc) -> dict[int, list[tuple[int, int]]]:
    """The sentences whose source is an earlier inspection, named without a date: the
    subject of their reporting verb ("The previous inspection had found that ...", "Its
    last report said ...") or the inspection they are set at ("At its last inspection, the
    force was ..."), an inspection noun with an earlier word (`EARLIER_WORDS`). The first
    token of each, with the character span of that noun phrase (as `background_sentences`
    gives the spans of earlier dates)."""
    reporting = reporting_verbs()
    out: dict[int, list[tuple[int, int]]] = {}
    for token in gazetteer.tokens_with(doc, EARLIER_WORDS):
        noun = token.head
        if token.dep_ != "amod" or not names_the_inspection(noun) or noun.lower_ in _PEOPLE:
            continue
        verb = noun.head
        # the main verb's source, not a relative clause's ("X, which the last inspection
        # criticised, has gone")
        sourced = noun.dep_ in ("nsubj", "nsubjpass") and verb.lower_ in reporting and verb.dep_ == "ROOT"
        if noun.dep_ == "pobj" and verb.lower_ in ("at", "in", "during"):
            # "At its last inspection, it was ...", "It was graded inadequate in its last
            # two inspections": the time of the main verb, or of a grading
            main = verb.head
            if main.dep_ in ("advcl", "xcomp", "oprd") and main.head.i != main.i:
                main = main.head  # "graded as 'requires improvement' | in its last inspections"
            if main.lower_ not in _grading_verbs():
                # "rated requires improvement for crime recording | at its last inspection",
                # the time hung on the area by the parser
                main = next((a for a in main.ancestors if a.lower_ in _grading_verbs()), main)
            graded = main.lower_ in _grading_verbs() and not any(c.dep_ == "neg" for c in main.children)
            # "graded good, up from requires improvement at its last inspection": set against it
            against = _BASELINE_MARKERS | _COMPARED_WITH
            graded = graded and not any(t.lower_ in against for t in doc[main.i : verb.i])
            sourced = main.dep_ == "ROOT" and (verb.i < main.i or graded)
        if sourced:
            phrase = list(noun.subtree)
            sent = gazetteer.sentence_of(doc, noun.i)
            out.setdefault(sent.start, []).append((phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)))
    for adverb in gazetteer.tokens_with(doc, _EARLIER_ADVERBS):
        verb = adverb.head
        # "Inspectors previously found that ...", "The inspectorate had formerly criticised
        # ...": the main reporting verb of an inspection subject, told as of before
        if adverb.dep_ != "advmod" or verb.dep_ != "ROOT" or verb.lower_ not in reporting:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and names_the_inspection(c) for c in verb.children):
            sent = gazetteer.sentence_of(doc, adverb.i)
            out.setdefault(sent.start, []).append((adverb.idx, adverb.idx + len(adverb.text)))
    return out


#: Adverbs that set a reporting verb before this inspection ("Inspectors previously found").
_EARLIER_ADVERBS = ("previously", "formerly")


def _continued(
    doc: Doc,
    out: dict[int, list[tuple[int, int]]],
    mentions: list[DateMention],
    told_then: set[int],
    unspread: frozenset[int] | set[int] = frozenset(),
) -> None:
    """Add to `out` each sentence that goes on telling of the earlier time of the sentence
    before it, in the same paragraph: a pronoun subject (or one that points back, "That
    report found ...", or the inspection's people or report with a reporting verb,
    "Inspectors found that ..."), a verb in the simple past, and no date or word of the
    present of its own ("When it was last inspected in 2019, ... | It was graded
    inadequate."). A sentence that opens by pointing back to that time ("At the time, ...",
    "Back then ...") goes on telling of it in a new paragraph too, and also after a
    sentence with only a "when" clause or a date of that time (`told_then`: the starts of
    such sentences). Its first token stands for its dates, so that every clause of it
    tells of then. A sentence in `unspread` (an event of then told on the way to now: "It
    entered Engage in 2023 after ...") is not gone on with but by such an opener."""
    spans = (doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions)
    dated = {gazetteer.sentence_of(doc, s.start).start for s in spans if s is not None}
    text = gazetteer.text_of(doc)
    for before, sent in itertools.pairwise(doc.sents):
        earlier = before.start in out or before.start in told_then
        if not earlier or sent.start in out or sent.start in dated:
            continue
        if any(t.lower_ in _PRESENT for t in sent):
            continue
        if _back_then(sent):  # "... its 2023 inspection. | At the time, inspectors found ..."
            out[sent.start] = [(sent[0].idx, sent[0].idx + len(sent[0].text))]
            continue
        if before.start not in out or before.start in unspread:
            continue  # only a clause of it told of then ("..., which was not so in 2021, when ...")
        if "\n" in text[before.end_char - 1 : sent.start_char + 1]:
            continue  # a new paragraph
        subject = _subject_in_the_past(sent)
        perfect = any(c.lower_ in ("has", "have") for c in sent.root.children)
        if subject is None or perfect:
            continue
        # "The 2024 inspection graded it inadequate. | Inspectors found that ...": the
        # inspection's people or report, told in the simple past, go on telling of then
        told = names_the_inspection(subject) and sent.root.lower_ in reporting_verbs()
        if subject.pos_ == "PRON" or _distal(subject) or told:
            out[sent.start] = [(sent[0].idx, sent[0].idx + len(sent[0].text))]


#: Phrases that open a sentence set at the time the sentence before told of.
_THEN_OPENERS = (
    ("at", "the", "time"),
    ("at", "that", "time"),
    ("back", "then"),
    ("then",),
    ("in", "those", "days"),
)


def _back_then(sent: Span) -> bool:
    """Does the sentence open with a phrase pointing back to the time just told of ("At the
    time, ...", "Back then ...")?"""
    words = [t.lower_ for t in sent[:4]]
    for opener in _THEN_OPENERS:
        if tuple(words[: len(opener)]) == opener:
            after = sent[len(opener)] if len(sent) > len(opener) else None
            # "Then" as a sentence's first word also opens a sequence ("Then the force ...")
            return len(opener) > 1 or (after is not None and after.text == ",")
    return False
