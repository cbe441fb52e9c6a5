"""Segmentation on the dependency parse: sentences into clauses, clauses into finding phrases.

A sentence is cut into clauses at semicolons, at contrast connectives ("but",
"however", "although", ... from data/cues.json `clause_breaks`) and between
coordinated clauses that have their own subject ("..., and officers lacked ...").
A clause loses a time adjunct that tells of an earlier assessment (", a year after
it was rated inadequate"). Each clause is judged whole by the classifier. A finding clause then loses its
attribution ("Inspectors found that ...", "..., the report said") and is split into
one phrase per coordinated argument of its predicate ("praised A, B and C", "had cut
its backlog and improved its training"). Arguments of a single word are never split
off ("stop and search", "officers and staff"), and the first (or, for coordinated
subjects, the last) phrase keeps the predicate, so the evaluative word stays in it.
"""

from __future__ import annotations

import itertools
from functools import cache

from spacy.tokens import Doc, Token

from inspectx import gazetteer, resources
from inspectx.findings import attribution
from inspectx.findings.words import CASE_NOUNS, EARLIER_WORDS, FINITE_TAGS, QUANTIFIERS, is_year, vocabulary

Tokens = list[Token]
_CONNECTORS = {
    *("and", "but", "also", "that", "so", "however", "yet"),
    *("while", "whilst", "although", "though", "whereas", "despite"),
}
_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")


@cache
def _breaks() -> frozenset[str]:
    return frozenset(resources.load("cues")["clause_breaks"])


@cache
def _shell_nouns() -> frozenset[str]:
    return frozenset(resources.load("cues")["shell_nouns"])


@cache
def _stances() -> frozenset[str]:
    """Adjectives of a speaker's stance towards the clause that follows them ("concerned
    that", "pleased that"): the reactions of data/cues.json `stance_words`, the stances of
    `first_person_stances` (worry, disappointment, praise), surprise and confidence, and
    those that only assert it ("the report is clear that")."""
    assertion = {"clear", "certain", "sure", "satisfied", "convinced"}
    return (
        attribution.stance_words()
        | set(attribution.first_person_stances())
        | {"surprised", "confident"}
        | assertion
    )


@cache
def _reporting() -> frozenset[str]:
    data = resources.load("cues")
    verbs = (*data["attribution_verbs"], *data["speech_verbs"], "conclude", "warn", "add", "stress", "point")
    return frozenset(resources.inflections(tuple(verbs)))


def clauses(tokens: Tokens) -> list[Tokens]:
    """The clauses of one sentence (tokens without whitespace), in order."""
    out: list[Tokens] = [[]]
    first = tokens[0].i if tokens else 0
    after_concession = {
        _concession_end(tokens[k:])
        for k, t in enumerate(tokens)
        if k == 0 or _reported_concession(t, tokens[k - 1])
    }  # "While A was good, | B was not"; "Inspectors found that while A was good, | B was not"
    words = 0  # of the clause so far
    for token in tokens:
        if (
            words >= 3
            and (_starts_clause(token, first) or token.i in after_concession)
            and not _aside_in_subject(token, out[-1])
        ):
            out.append([])
            words = 0
        if token.text == ";":
            continue
        out[-1].append(token)
        words += token.is_alpha
    return [c for c in out if any(not t.is_punct for t in c)]


#: What a reported clause opens after ("found that | while ...", "said: | while ...").
_REPORTED_OPENING = frozenset({"that", ":", '"', "\u201c"})


def _reported_concession(token: Token, previous: Token) -> bool:
    """Does a concessive clause open a reported clause ("found that | while A was good, B
    was not")?"""
    return token.dep_ == "mark" and token.lower_ in _CONCESSIVE and previous.lower_ in _REPORTED_OPENING


def _qualifier(token: Token) -> bool:
    """Does "but" open a denied quantifier set off by commas ("in most, | but not all, | of
    the cases", "usually, but not always, record ...")? It qualifies the word before it."""
    doc = token.doc
    after = doc[token.i + 1 : token.i + 4]
    return (
        len(after) == 3
        and after[0].lower_ == "not"
        and after[1].lower_ in ("all", "every", "always", "each", "everywhere")
        and after[2].text == ","
    )


def _aside_in_subject(token: Token, clause: Tokens) -> bool:
    """Is the token a connective set off as an aside before the clause has a verb ("Not all
    officers, | however, | had been trained") or only its subject ("Its approach to managing
    offenders, | however, | fell short"), or right after its auxiliary or copula
    ("The unit was, | however, | found to have improved", "Response times were, however,
    still too slow", "The force had not, however, reviewed ..."), or before the "that"
    clause its predicate governs ("It is less clear, | though, | that X")? Then it opens no
    clause of its own."""
    if token.lower_ not in ("however", "though"):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in clause):
        return True
    verb = token.head
    if verb.i > token.i and any(t.head == verb and t.dep_ in ("nsubj", "nsubjpass") for t in clause):
        return True  # "Its approach to managing offenders, | however, | fell short": a verb in the subject
    doc = token.doc
    if clause[-1].text == "," and token.i + 2 < len(doc) and doc[token.i + 1].text == ",":
        # "It is less clear, | though, | that the force knows ...": the "that" clause is the
        # complement of the predicate before the aside
        that = doc[token.i + 2]
        if that.lower_ == "that" and that.dep_ == "mark" and any(t.i == that.head.head.i for t in clause):
            return True
    words = [t for t in clause if not t.is_punct]
    if len(words) > 1 and words[-1].dep_ == "neg":
        words = words[:-1]  # "had not, | however, | reviewed"
    if not words or clause[-1].text != "," or words[-1].pos_ != "AUX":
        return False
    auxiliary = words[-1]
    return auxiliary.head.i > token.i or any(
        c.i > token.i for c in auxiliary.children if c.dep_ in ("acomp", "attr")
    )


#: Words that open a concessive or contrasting adjunct before the main clause ("Despite
#: a rise in X, Y ...", "While A was good, B ...").
_CONCESSIVE = frozenset({"despite", "while", "whilst", "although", "though", "whereas"})


def _concession_end(tokens: Tokens) -> int | None:
    """The index of the first token after a sentence-opening concessive adjunct ("Despite
    faster answering of 999 calls, | the force remains slow to ..."; "While A was good, | B
    was not"), when a main clause follows it; None otherwise. The adjunct states a finding
    of its own, of the opposite polarity as often as not."""
    words = [t for t in tokens if not t.is_punct]
    if len(words) < 6 or words[0].lower_ not in _CONCESSIVE:
        return None
    opener = words[0]
    if opener.dep_ == "prep":
        adjunct = list(opener.subtree)
    elif opener.dep_ == "mark" and opener.head.dep_ == "advcl":
        adjunct = list(opener.head.subtree)
    else:
        return None
    last = max(t.i for t in adjunct)
    main = opener.head if opener.dep_ == "prep" else opener.head.head  # what the adjunct modifies
    commas = [t.i for t in adjunct if t.text == "," and t.i > opener.i]
    subjects = ("nsubj", "nsubjpass", "expl")
    subjectless = not any(c.dep_ in subjects for c in main.children)
    if commas and subjectless:
        last = commas[-1]  # the main clause's subject was parsed into the adjunct
    rest = [t for t in tokens if t.i > last and not t.is_punct]
    if sum(1 for t in rest if t.is_alpha) < 3 or not any(t.i == main.i for t in rest):
        return None
    return rest[0].i


def _starts_clause(token: Token, first: int) -> bool:
    low = token.lower_
    previous = token.doc[token.i - 1] if token.i > first else None
    if previous is not None and previous.text == ";":
        return True
    if previous is not None and previous.text == "," and _judgement_explained(token):
        return True  # "praised the commitment of X, | saying they built ...": two findings
    if previous is not None and previous.text == "," and judge_of(token) is not None:
        return True  # "The report paints a mixed picture, | praising X": the finding is X
    if low in _breaks():
        if low == "but" and _qualifier(token):
            return False  # "checked in most, but not all, of the incidents": one finding, qualified
        if low == "despite" and _despite_what_it_qualifies(token, first):
            return False  # "vetting had been granted | despite adverse information": one finding
        if low in _ASIDE_OPENERS and _aside_end(token) is not None:
            return False  # "the surgeries, | though well attended, had never been assessed": one finding
        if low in ("however", "despite", "although", "though", "whereas", "while", "whilst"):
            return True
        if previous is not None and previous.text in (",", "\u2014", "\u2013", "-"):
            return True  # ", but", ", yet"
    if (
        low == "that"
        and _second_that(token, first)
        and previous is not None
        and previous.lower_ in (",", "and")
    ):
        if token.i - 2 >= first and token.doc[token.i - 2].lower_ in ("however", "though"):
            return False  # "It is less clear, though, | that X": the complement after an aside
        if _extraposed_opening(token.doc[first : token.i]):
            return False  # "It is not evident, the report said, | that X": X is what is not evident
        # "found that A, | that B, and | that C": reported findings listed, however parsed
        # (the parser often hangs the second on the first as an adverbial clause)
        verb = token.head if token.dep_ == "mark" else token.head.head  # "that" as B's determiner
        return any(ch.dep_ in ("nsubj", "nsubjpass", "expl") for ch in verb.children)
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    coordinated = following is not None and following.dep_ == "conj"
    if token.dep_ == "cc" and coordinated and judge_of(following) is not None:
        return True  # "praising X | and criticising Y", however the "and" is hung
    if _inside_term(token):
        return False  # "..., and stop | and search is used fairly": one term, however parsed
    if token.dep_ == "cc" and low == "and" and _in_elaboration(token.head):
        return False  # "..., with incidents not reviewed | and video switched off": one adjunct
    if token.dep_ == "cc" and low in ("and", "but"):  # "... but inspectors warned of ..."
        # the parser may hang "but" on the first clause's complement ("were courteous but
        # callers waited"), and the second verb on that clause's own verb
        heads = (token.head, token.head.head)
        later = (t for h in heads for t in h.children if t.dep_ == "conj" and t.i > token.i)
        conj = sorted(later, key=lambda t: t.i)
        if not conj and low == "but" and _finite_after(token):
            # "has made progress in how it handles calls | but is still failing to ...": the
            # parser hung the "but" and the second predicate inside the first one's complement
            return True
        if conj and conj[0].pos_ in ("VERB", "AUX"):
            own_subject = any(ch.dep_ in ("nsubj", "nsubjpass", "expl") for ch in conj[0].children)
            # a clause of its own is finite ("and officers lacked ..."); a gerund read as one
            # is a misparsed list item ("..., and its support for staff wellbeing")
            auxiliary = any(ch.dep_ in ("aux", "auxpass") for ch in conj[0].children)
            finite = conj[0].tag_ in FINITE_TAGS or auxiliary
            if own_subject and finite or low == "but":
                return True
        return _subject_taken_as_object(token)
    return False


#: Words that open a concession with no verb of its own inside a clause ("the surgeries, |
#: though well attended, | had never been assessed"): `_CONCESSIVE` but for prepositions and
#: the contrast of two clauses.
_ASIDE_OPENERS = _CONCESSIVE - {"despite", "whereas"}


def _aside_end(token: Token) -> int | None:
    """The index of the closing comma when `token` ("though", "while") opens a concession
    set off by commas between a subject and its verb, with no subject of its own ("the
    force's surgeries, | though well attended, | had never been assessed"), else None. It
    qualifies the clause it interrupts, which goes on after it. Read from the words, not
    the parse, which often makes the verb after it a modifier of the next noun ("Call
    handlers, although under pressure, treated ...")."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "," or doc[token.i - 2].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    for k in range(token.i + 1, min(token.i + 8, len(doc))):
        word = doc[k]
        if word.text == ",":
            if k == token.i + 1:
                return None
            after = doc[k + 1 : k + 3]
            verb = next((t for t in after if t.pos_ != "ADV" and t.dep_ != "neg"), None)
            return k if verb is not None and verb.pos_ in ("VERB", "AUX") else None
        if word.pos_ in ("PRON", "DET", "AUX"):
            return None  # "though the cells were clean", "though it was": a clause of its own
        if word.is_punct and word.tag_ != "HYPH":  # "though short-handed" goes on
            return None
    return None


def without_concession(tokens: Tokens) -> Tokens:
    """The clause without a verbless concession between its subject and verb ("Call
    handlers, | although often under pressure, | treated callers with respect"), whose
    words go the other way from the clause's and would turn its reading; the clause itself
    when it has none."""
    for token in tokens:
        end = _aside_end(token) if token.lower_ in _ASIDE_OPENERS else None
        if end is not None:
            kept = [t for t in tokens if not token.i - 1 <= t.i <= end]
            return kept or tokens
    return tokens


def _extraposed_opening(tokens: Tokens) -> bool:
    """Do the tokens open with "It is (not) <adjective>," ("It is not evident, | the report
    said, | that ...", "It was unclear, inspectors added, that ...")? Its "that" clause is
    the subject the opening judges, however far an aside sets it off."""
    words = [t.lower_ for t in tokens]
    if len(words) < 4 or words[0] != "it" or words[1] not in ("is", "was", "'s", "remains", "remained"):
        return False
    k = 4 if words[2:4] == ["far", "from"] else 3 if words[2] in ("not", "n't", "less", "still") else 2
    return k < len(tokens) - 1 and tokens[k].pos_ == "ADJ" and tokens[k + 1].text == ","


def _finite_after(conjunction: Token) -> bool:
    """Does a finite verb follow the conjunction, past adverbs ("but | is still failing",
    "but still | struggles")? Then a predicate of its own starts there."""
    doc = conjunction.doc
    for token in doc[conjunction.i + 1 : conjunction.i + 4]:
        if token.pos_ == "ADV" or token.dep_ == "neg":
            continue
        return token.tag_ in FINITE_TAGS and token.pos_ in ("VERB", "AUX")
    return False


def _despite_what_it_qualifies(token: Token, first: int) -> bool:
    """Is `token`, "despite" after the main clause's verb, a preposition whose noun phrase
    qualifies what the clause says ("clearance had been granted despite adverse
    information", "answered calls faster despite a rise in demand")? Then it is part of
    that finding; one with a clause of its own ("despite officers being ...") or opening
    the sentence ("Despite X, Y": `_concession_end`) is a finding of its own."""
    if token.i == first or token.dep_ != "prep" or token.head.i > token.i:
        return False
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return bool(objects) and not any(t.tag_ in FINITE_TAGS or t.tag_ == "VBG" for t in objects[0].subtree)


#: Tags of the words of a plain noun phrase ("its rural crime team", "the force's staff").
_NOUN_PHRASE_TAGS = frozenset(
    {"DT", "PRP$", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "HYPH"}
)


def _subject_taken_as_object(conjunction: Token) -> bool:
    """Does a clause of its own follow the conjunction, whose subject the parser took for a
    second object of the clause before ("rated outstanding at managing offenders | and its
    rural crime team has been held up as an example")? Read on the surface: a plain noun
    phrase, then a finite verb of a coordinated predicate that has no subject of its own
    (not "the relationship between officers and the public has improved", whose verb has)."""
    doc = conjunction.doc
    n = conjunction.i + 1
    phrase = []
    while n < len(doc) and doc[n].tag_ in _NOUN_PHRASE_TAGS and len(phrase) < 6:
        phrase.append(doc[n])
        n += 1
    nominal = any(t.pos_ in ("NOUN", "PROPN") for t in phrase)
    if n >= len(doc) or not nominal or doc[n].tag_ not in FINITE_TAGS:
        return False
    verb = doc[n]
    predicate = verb.head if verb.dep_ in ("aux", "auxpass") else verb
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in predicate.children)
    return predicate.dep_ == "conj" and predicate.head.i < conjunction.i and not own_subject


#: Words that open a time adjunct ("since being graded ...", "a year after it was rated
#: inadequate"). "After" and "following" look back only with a distance in time ("months
#: after") or an earlier occasion ("after its last inspection"): news tells the present
#: report's findings with them too ("told to improve after inspectors found ...").
_SINCE, _AFTER = frozenset({"since"}), frozenset({"after", "following"})
#: Spans of time: a distance back ("months after") or a deadline ("within six months").
_DISTANCE = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})


@cache
def _assessing() -> frozenset[str]:
    """Words that make a look back a look at an earlier assessment: the grading verbs in
    their inflections, grade words, and the names of an inspection's products."""
    data = resources.load("cues")
    words = {w for grade in data["grades"] for w in grade.split()} - {"improvement"}
    return frozenset(
        {*resources.inflections(tuple(data["grading_verbs"])), *words}
        | {"inspection", "inspections", "report", "reports", "measures", "criticised", "criticized"}
    )


@cache
def _grading_verbs() -> frozenset[str]:
    return resources.inflections(("grade", "rate", "judge", "assess"))


def judged_subject_aside(clause: Tokens) -> tuple[Tokens, Tokens] | None:
    """A relative clause set off by commas on the clause's subject in which the inspection
    grades it, and the clause without it ("Gwent Police, | which inspectors have
    judged good at preventing crime, | still needs to answer calls faster"): two judgements,
    each read on its own (the aside's grade had stood for the whole sentence, and the main
    clause's finding was lost). None when the clause has no such aside."""
    if not clause:
        return None
    doc, inside = clause[0].doc, {t.i for t in clause}
    for verb in clause:
        subject = verb.head
        if verb.dep_ != "relcl" or subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.i not in inside:
            continue
        aside = list(verb.subtree)
        if aside[0].i < 1 or aside[-1].i + 1 >= len(doc) or subject.head.i < aside[-1].i:
            continue
        left, right = doc[aside[0].i - 1], doc[aside[-1].i + 1]
        if left.text != "," or right.text != "," or not all(t.i in inside for t in (left, *aside, right)):
            continue
        if verb.lower_ not in _grading_verbs():
            continue
        dropped = {left.i, right.i, *(t.i for t in aside)}
        return aside, [t for t in clause if t.i not in dropped]
    return None


def without_earlier(clause: Tokens) -> Tokens:
    """The clause without a time adjunct that tells of an earlier assessment ("The force
    is now good at X, a year after being rated inadequate" keeps "The force is now good at
    X"): the finding is measured against it, and its grade words would read as the
    finding's. An adjunct with no assessment in it ("since April") stays."""
    ids = {t.i for t in clause}
    dropped: set[int] = set()
    for t in clause:
        if t.lower_ not in _SINCE | _AFTER or t.i in dropped:
            continue
        if t.dep_ == "mark" and t.head.dep_ == "advcl":
            adjunct = list(t.head.subtree)
        elif t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX", "ADJ"):
            distance = [c for c in t.head.children if c.dep_ == "npadvmod" and c.i < t.i]  # "a year"
            adjunct = [*(w for c in distance for w in c.subtree), *t.subtree]
        else:
            continue
        # a modifier after a comma is the clause's, whatever the parser hangs it on ("since
        # the last inspection in 2019, | particularly in its use of X"); a relative clause
        # on the inspection is not (", which followed ...")
        asides = {
            a.i
            for w in adjunct
            for c in w.children
            if c.i > t.i and c.dep_ in ("prep", "advmod", "npadvmod") and t.doc[c.left_edge.i - 1].text == ","
            for a in c.subtree
        }
        # what the parser hangs on the earlier inspection is often the finding's area ("made
        # progress since our last inspection | in how it protects children")
        areas = {
            a.i
            for w in adjunct
            for c in w.children
            if c.i > t.i
            and c.dep_ == "prep"
            and c.lower_ in ("in", "on", "with", "at")
            and w.pos_ == "NOUN"
            and any(g.dep_ == "pcomp" or g.tag_ == "VBG" for g in c.children)
            for a in c.subtree
        }
        # nor is an "as" phrase the parser hangs on it: the main verb's ("singled out the
        # support rolled out since its last inspection | as among the best they had seen")
        roles = {
            a.i
            for w in adjunct
            for c in w.children
            if c.i > t.i and c.dep_ == "prep" and c.lower_ == "as" and w.pos_ == "NOUN"
            for a in c.subtree
        }
        adjunct = [w for w in adjunct if w.i not in asides | areas | roles]
        words = {w.lower_ for w in adjunct}
        looks_back = t.lower_ in _SINCE or words & (_DISTANCE | EARLIER_WORDS)
        if looks_back and words & _assessing() and all(w.i in ids for w in adjunct):
            dropped.update(w.i for w in adjunct)
    dropped.update(_comparison_with_earlier(clause, ids))
    dropped.update(_then_clause(clause, ids))
    dropped.update(_earlier_aside(clause, ids))
    dropped.update(_earlier_bracket(clause, ids))
    if not dropped:
        return clause
    return strip([t for t in clause if t.i not in dropped])


#: Nouns that set a finding against another time ("an improvement on its last inspection":
#: `change_nouns` in data/cues.json).
_COMPARISONS = frozenset(resources.load("cues")["change_nouns"])
#: Nouns that name an earlier assessment in such a comparison (with `_assessing`).
_ASSESSMENT_NOUNS = frozenset({"assessment", "visit", "grade", "grades", "rating", "ratings"})


#: Words that set a clause in a time before the present ("two years ago", "a year earlier").
_BACK_THEN = frozenset({"ago", "earlier", "previously", "formerly", "before"})


def _then_clause(clause: Tokens, ids: set[int]) -> set[int]:
    """The words of a clause at the end of `clause`, after a comma, that tells how things
    were at an earlier time ("answered far more quickly, | where two years ago some callers
    waited nearly a minute", ", whereas in 2022 ...", "recorded properly, | which had been a
    concern at the inspection in 2022"): the finding is the present's; read with it, the
    classifier takes the old state for the finding."""
    for t in clause:
        if t.lower_ not in ("where", "whereas", "when", "which") or t.i == 0 or t.doc[t.i - 1].text != ",":
            continue
        verb = t.head
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("relcl", "advcl", "ccomp"):
            continue
        then = [w for w in verb.subtree if w.i >= t.i]
        words = {w.lower_ for w in then}
        dated = any(is_year(w) for w in then)
        last = max(w.i for w in clause if not w.is_punct)
        if (words & _BACK_THEN or dated) and all(w.i in ids for w in then) and max(w.i for w in then) >= last:
            return {w.i for w in then} | {t.i - 1}
    return set()


def _earlier_aside(clause: Tokens, ids: set[int]) -> set[int]:
    """The words of a noun phrase summing up the clause after a comma at its end, that
    tells what an earlier inspection made of it ("no longer strip-searched children
    routinely, | a practice criticised in the last inspection in 2021", ", something
    inspectors had called for in 2022"): the finding is the present's; the aside dates an
    earlier judgement, and would make the whole sentence an earlier inspection's."""
    last = max((w.i for w in clause if not w.is_punct), default=-1)
    for t in clause:
        if t.text != "," or t.i + 1 >= len(t.doc):
            continue
        noun = t.doc[t.i + 1]
        while noun.dep_ in ("det", "amod", "compound") and noun.head.i > noun.i:
            noun = noun.head
        if noun.pos_ not in ("NOUN", "PRON") or noun.head.i == noun.i:
            continue
        aside = list(noun.subtree)
        if aside[0].i != t.i + 1 or aside[-1].i < last or not all(w.i in ids for w in aside):
            continue
        told = [w for w in aside if w.dep_ in ("acl", "relcl")]
        words = {w.lower_ for w in aside}
        dated = any(is_year(w) for w in aside) or words & (EARLIER_WORDS | _BACK_THEN)
        if told and dated and words & _assessing():
            return {w.i for w in aside} | {t.i}
    return set()


def _earlier_bracket(clause: Tokens, ids: set[int]) -> set[int]:
    """The words of a bracket at the end of the clause that gives an earlier year's figure
    or state ("answered in an average of 7 seconds | (it was 19 seconds in 2024)", "(19 in
    2023)"): the finding is the present's; the bracket only dates what it is measured
    against, and would make the whole sentence of that year."""
    last = max((w.i for w in clause if not w.is_punct), default=-1)
    for t in clause:
        if t.text != "(" or t.i == clause[0].i:
            continue
        close = next((w for w in t.doc[t.i + 1 : t.i + 16] if w.text == ")"), None)
        if close is None or close.i < last or not all(i in ids for i in range(t.i, close.i)):
            continue
        inside = t.doc[t.i + 1 : close.i]
        if any(is_year(w) for w in inside) and any(w.like_num and not is_year(w) for w in inside):
            return set(range(t.i, close.i + 1))
    return set()


def _comparison_with_earlier(clause: Tokens, ids: set[int]) -> set[int]:
    """The words of a phrase after a dash or comma that compares the clause with an earlier
    assessment ("rated good at X – an improvement on its last inspection in 2022, when it
    was judged inadequate", "– a change from the 2019 inspection"): the finding is the
    clause's, the comparison tells of then."""
    for t in clause:
        if t.lower_ not in _COMPARISONS:
            continue
        first = min(w.i for w in t.subtree)
        if first == 0 or t.doc[first - 1].text not in (",", "\u2013", "\u2014", "-"):
            continue
        phrase = [w for w in t.subtree if w.i in ids]
        words = {w.lower_ for w in phrase}
        dated = words & EARLIER_WORDS or any(is_year(w) for w in phrase)  # "from the 2019 inspection"
        if dated and words & (_ASSESSMENT_NOUNS | _assessing()):
            return {w.i for w in phrase} | {first - 1}
    return set()


#: `Doc.user_data` key: `trim`'s answers for the Doc's clauses, by their token indices
#: (the rules ask for the same clause's trimmed form several times); `forget_trims` drops
#: them when the Doc's findings are done.
_TRIMMED = "inspectx_trimmed"


def trim(clause: Tokens) -> Tokens:
    """The clause without its attribution and leading connectors (see `_trim`), remembered
    on its Doc."""
    if not clause:
        return _trim(clause)
    cache = clause[0].doc.user_data.setdefault(_TRIMMED, {})
    key = tuple(t.i for t in clause)
    kept = cache.get(key)
    if kept is None:
        kept = cache[key] = tuple(_trim(clause))
    return list(kept)


def forget_trims(doc: Doc) -> None:
    """Drop the Doc's remembered `trim` answers (they hold its tokens)."""
    doc.user_data.pop(_TRIMMED, None)


_MAKE = resources.inflections(("make",))  # "make sure", "made certain"


def _trim(clause: Tokens) -> Tokens:
    """The clause without its attribution and leading connectors.

    "Inspectors found that the force ...", "The report said: ...", "According to the
    report, ...", "Inspectors were concerned that ...", "The board notes the report's
    finding that ..." lose their opening; "..., the
    inspectors said" and "..., according to the watchdog" lose their tail. The reporting
    clause stays when it is all there is ("inspectors praised the control room").
    """
    if _extraposed_opening(clause):
        # "It was not evident, inspectors said, that X": not evident is the finding
        return strip(list(clause))
    tokens = clause
    ids = {t.i for t in tokens}
    reporting = _reporting()
    # "X found that <ccomp>": keep the complement; again for "X said the report found that ..."
    for _ in range(3):
        before = tokens
        for t in tokens:
            if t.lower_ not in reporting or t.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in t.children if c.dep_ == "nsubj"]
            inspectors = any(attribution.names_the_inspection(c) for c in subjects)
            auxiliary = any(c.dep_ == "aux" for c in t.children)
            if t.tag_ == "VBG" and subjects and not inspectors and not auxiliary:
                # "the records explaining why force was used": a participle, no telling (unlike
                # "with inspectors finding that ...", or "praised X, saying Y")
                continue
            if t.dep_ == "relcl" and not attribution.names_the_inspection(t.head):
                # "X, which inspectors said had freed up time": a comment on X, not its source
                # (unlike "a follow-up inspection, at which the inspectorate found that ...")
                continue
            speaker = [c for c in t.children if c.dep_ == "nsubj"]
            if not speaker and attribution.after_method(t) is not None:
                speaker = [c for c in t.head.children if c.dep_ == "nsubj"]  # "visited X and found that"
            if not speaker and t.dep_ == "advcl" and t.head.lower_ in _JUDGING and t.head.i in ids:
                continue  # "praised the commitment of X, saying ...": the praise is a finding
            if not speaker and t.dep_ in ("xcomp", "advcl"):
                # "The report went on to say that", "The inspectorate wanted to highlight that"
                head = t.head.children
                speaker = [c for c in head if c.dep_ == "nsubj" and attribution.names_the_inspection(c)]
            if speaker:  # active: "X found that"
                if _opening_scopes(t, speaker[0]):
                    break  # "None of the files showed that ...": the opening carries the negation
                if any(
                    c.dep_ == "ccomp" and c.i > t.i and c.i in ids and not _which_clause(c)
                    for c in t.children
                ):
                    tokens = _complement(tokens, t, ids) or tokens
                    break
                if (mark := _complementiser_after(t, ids)) is not None:
                    # the parser missed the complement ("found that too many victims | wait
                    # days ..." read with "victims" as the object): "that" marks where it starts
                    tokens = _after(tokens, mark) or tokens
                    break
        if tokens is before:
            break
    # "The board notes the report's finding that <clause>"; "They raised a concern that <clause>"
    for t in tokens:
        complement = attribution.finding_noun_complement(t) or _raised_finding_noun(t, reporting)
        if complement is not None and complement.i in ids and (tail := _from(tokens, complement)):
            tokens = tail
            break
    # "Inspectors were concerned that <ccomp>", "they were pleased that <ccomp>"
    for t in tokens:
        if t.dep_ != "acomp" or t.lower_ not in _stances():
            continue
        if t.head.lower_ in _MAKE:
            continue  # "we must make sure that <clause>": a duty, not what someone is sure of
        holders = [c for c in t.head.children if c.dep_ == "nsubj"]
        # "the force cannot be confident that ...", "Nor was I satisfied that ...": the doubt is the finding
        denied = any(
            c.dep_ == "neg" or c.lower_ == "nor" and c.i < t.i for c in (*t.head.children, *t.children)
        )
        if (
            not denied  # "the force cannot be confident that ...": the doubt is the finding
            and any(attribution.names_the_inspection(h) or h.lower_ in ("they", "we", "i") for h in holders)
        ):
            # the clause hangs on the adjective or, as parsed, on its copula ("is clear | that
            # X"), or on a verb of finding out ("was disappointed to find | that X")
            finding_out = attribution.finding_out_verbs()
            found = [c for c in t.children if c.dep_ == "xcomp" and c.lower_ in finding_out]
            heads = [t, t.head, *found]
            tokens = next((tail for h in heads if (tail := _complement(tokens, h, ids))), tokens)
            break
    # "..., X said." / "..., according to X.", again after a comment cut off the end
    # ("..., the inspectors said, | which they described as a matter of concern")
    broken = interruption(tokens)
    for _ in range(3):
        cut = _without_tail(tokens, reporting)
        if cut is tokens or broken is not None and len(cut) <= broken[1]:
            break  # not the attribution that breaks a quotation: the quotation goes on after it
        tokens = cut
    # "... closed without charge after an inspection by HMICFRS": the source, not the finding
    source = _source_adjunct(tokens)
    if source is not None:
        tokens = tokens[:source]
    # "According to the report, ..."
    if tokens and tokens[0].lower_ == "according":
        comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
        if comma is not None and comma < len(tokens) - 3:
            tokens = tokens[comma + 1 :]
    tokens = strip(tokens)
    if len(tokens) > 3 and tokens[0].lower_ == "that" and tokens[0].i > 0:
        before = tokens[0].doc[tokens[0].i - 1]
        if before.lower_ in reporting:
            return tokens[1:]  # "found that | custody staff ...", "that" read as a determiner
    return tokens


#: Quotation marks, as the tokenizer gives them.
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "''", "``"})
#: The most words an attribution that breaks a quotation may have ("said HM Inspector of
#: Constabulary Lee Freeman").
INTERRUPTION_MAX = 12


def interruption(tokens: Tokens) -> tuple[int, int] | None:
    """Where the clause is broken by its attribution: a quotation (""We were impressed," he
    added, "by X."", ""The force," said Ms Jones, "has ..."") or a sentence with its
    source set off by commas ("The cells at Bridgend, inspectors said, were not fit for
    purpose"). Gives where the first part ends and where the rest begins (positions in
    `tokens`: the clause read whole is `tokens[:end] + tokens[start:]`), or None."""
    marks = [n for n, t in enumerate(tokens) if t.text in QUOTE_MARKS]
    for closing, opening in itertools.pairwise(marks):
        between = tokens[closing + 1 : opening]
        if closing < 2 or tokens[closing - 1].text != "," or not 2 <= len(between) <= INTERRUPTION_MAX:
            continue  # "A," | he said, | "B": the first part closes on its comma
        if between[-1].text != "," or any(t.text in (".", "?", "!") for t in between):
            continue
        if sum(not t.is_punct for t in tokens[opening + 1 :]) < 2:
            continue  # the quotation goes on in another clause ("..., but B")
        if any(t.lower_ in _reporting() and t.pos_ == "VERB" for t in between):
            return closing - 1, opening + 1
    if marks:
        return None
    commas = [n for n, t in enumerate(tokens) if t.text == ","]
    for first, second in itertools.pairwise(commas):
        between = tokens[first + 1 : second]
        if first < 1 or not 2 <= len(between) <= 6 or sum(t.is_alpha for t in tokens[second + 1 :]) < 2:
            continue
        inside = {t.i for t in between}
        verb = next((t for t in between if t.lower_ in _reporting() and t.pos_ == "VERB"), None)
        if verb is None or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
            continue  # "..., inspectors found that X, ...": a telling of its own
        if tokens[second + 1].lower_ in ("which", "who", "whom", "whose", "where"):
            continue  # "..., the inspectors said, | which they described as worrying": a comment after
        if any(c.dep_ == "nsubj" and c.i in inside for c in verb.children):
            return first, second + 1  # "The cells, | inspectors said, | were not fit for purpose"
    return None


def _second_that(token: Token, first: int) -> bool:
    """Is this "that" the mark of a reported clause after one already opened ("found that
    A, and | that B")? As a mark, or read as the determiner of B's subject ("and | that rest
    days were cancelled") when a "that" after a reporting verb came before it."""
    if token.dep_ == "mark":
        return True
    if token.dep_ != "det" or token.head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    reporting = _reporting()
    return any(
        t.lower_ == "that" and t.dep_ == "mark" and t.i > 0 and t.doc[t.i - 1].lower_ in reporting
        for t in token.doc[first : token.i]
    )


def _without_tail(tokens: Tokens, reporting: frozenset[str]) -> Tokens:
    """`tokens` without a tail that tells who said it ("..., the inspectors said", "...,
    according to the watchdog"), cut at the first comma that opens one."""
    for i, t in enumerate(tokens):
        if i < 3 or t.text not in (",", "\u2014"):
            continue
        before = [b for b in tokens[:i] if not b.is_punct and b.lower_ not in ("however", "though")]
        if before and before[-1].pos_ == "AUX" and before[-1].dep_ in ("aux", "auxpass", "ROOT"):
            continue  # "The unit was, however, | judged to have ...": the predicate goes on
        rest = [r for r in tokens[i + 1 :] if not r.is_quote]
        if _comment_with_a_source(rest, reporting):
            continue  # "X, which inspectors said left them without supervision": what X led to
        if rest and (
            rest[0].lower_ == "according"
            or rest[0].lower_ in reporting
            and rest[0].pos_ in ("VERB", "AUX")  # "..., said Jo Bloggs, HM Inspector of ..."
            # not the main verb after an aside on its subject ("Its report, published
            # today, | praised ...") or after its auxiliary ("Inspectors did, however, praise")
            and not any(c.dep_ in ("nsubj", "aux", "auxpass") and c.i < t.i for c in rest[0].children)
            or any(
                r.lower_ in reporting
                and r.pos_ in ("VERB", "AUX")
                and not any(c.dep_ == "ccomp" and c.i > r.i and c in rest for c in r.children)
                # a denied telling is what was not done ("when X, the force did not
                # always tell the victim"), not who said so
                and not any(c.dep_ == "neg" for c in r.children)
                # its speaker is in the tail ("..., inspectors said"), unlike a passive
                # predicate of the clause ("A, B and C, were praised by inspectors")
                and any(c.dep_ == "nsubj" and c in rest for c in r.children)
                # the tail is only the telling ("..., inspectors said"), not a predicate
                # before it (", which once stood at 900, | had been cleared, inspectors said")
                # (or a comment on what was said: ", which they described as ...")
                and (
                    rest[0] == r
                    or rest[0].tag_ == "WDT"
                    and rest[0].head == r
                    or any(rest[0] in c.subtree for c in r.children if c.dep_ == "nsubj")
                )
                and (len(rest) <= 10 or _only_adjuncts_after(r, rest))
                for r in _opening_words(rest, 6)
            )
            or _named_speaker_tail(rest, reporting)
            or _apposed_speaker_tail(rest, reporting)
        ):
            return tokens[:i]
    return tokens


def _opening_words(tokens: Tokens, n: int) -> Tokens:
    """The first `n` words of `tokens` with whatever is in brackets among them ("the
    Criminal Justice Inspection (CJI) said": an acronym in brackets is no word of its own)."""
    out: list[Token] = []
    depth = counted = 0
    for t in tokens:
        if counted == n:
            break
        out.append(t)
        if t.text in ("(", "["):
            depth += 1
        elif t.text in (")", "]"):
            depth = max(depth - 1, 0)
        elif depth == 0:
            counted += 1
    return out


def _which_clause(verb: Token) -> bool:
    """Is the clause a comment opened by "which" on what went before ("..., the inspectors
    said, | which they described as a matter of concern"), however the parser hangs it?
    It is no reported complement."""
    return verb.left_edge.lower_ == "which" and verb.left_edge.tag_ == "WDT"


def _comment_with_a_source(rest: Tokens, reporting: frozenset[str]) -> bool:
    """Is `rest`, after a comma, a relative clause that gives a source and then says
    something of its own ("which inspectors said left officers without supervision", "which
    the report said meant delays")? It tells what the clause before led to, the finding's
    substance, and is no attribution tail to cut."""
    if not rest or rest[0].lower_ not in ("which", "who"):
        return False
    verb = next((r for r in rest[1:6] if r.lower_ in reporting and r.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(r.pos_ in ("VERB", "AUX") for r in rest if r.i > verb.i)


def _judgement_explained(token: Token) -> bool:
    """Is the token a reporting participle that gives the reasons for a judgement ("the
    report praised X, | saying they built ...", "criticised Y, | noting that ...")?"""
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and token.lower_ in _reporting()
        and token.head.lower_ in _JUDGING
        and any(c.dep_ == "ccomp" for c in token.children)
    )


def judge_of(participle: Token) -> Token | None:
    """The subject that names the inspection of the clause a judging participle hangs on
    ("The report | paints a mixed picture, praising X | but criticising Y": "report"), or
    None when the token is no such participle. What such a participle takes is a finding of
    its own, whatever that clause says; not when the clause's subject is someone else (a
    chief constable "welcoming the report, praising officers" reacts)."""
    if participle.tag_ != "VBG" or participle.lower_ not in _JUDGING:
        return None
    while participle.dep_ == "conj" and participle.head.tag_ == "VBG" and participle.head.lower_ in _JUDGING:
        participle = participle.head
    if participle.dep_ != "advcl" or participle.head.lower_ in _JUDGING:
        return None  # "praised its teams for X, highlighting a scheme ...": the praise's example
    subject = next((c for c in participle.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not attribution.names_the_inspection(subject):
        return None
    return subject


def judging_verbs() -> frozenset[str]:
    """The verbs that judge what they take (`_JUDGING`), inflected."""
    return _JUDGING


#: Verbs that judge what they take ("praised the commitment of its officers, saying ..."):
#: data/cues.json `judging_verbs`, and "highlight". A reporting participle hung on them gives
#: the judgement's reasons, not the finding itself.
_JUDGING = resources.inflections(
    (*(v for verbs in resources.load("cues")["judging_verbs"].values() for v in verbs), "highlight")
)


def _complement(tokens: Tokens, head: Token, ids: set[int]) -> Tokens | None:
    """The clause from the start of `head`'s complement clause ("found that | X", "were
    concerned that | X"), or None when it has none or fewer than three words are left."""
    complements = [c for c in head.children if c.dep_ == "ccomp" and c.i > head.i and c.i in ids]
    if not complements:
        return None
    clause = complements[0]
    start = min(w.i for w in clause.subtree)
    between = [c for c in head.children if c.dep_ in ("dobj", "prep") and head.i < c.i < start]
    misread = {w.i for c in between for w in c.subtree}
    if (
        head.lower_ in _SAYING
        and any(c.dep_ == "dobj" for c in between)
        and all(t.i in misread for t in head.doc[head.i + 1 : start] if not t.is_punct)
    ):
        # "says | callers to 101 still wait ...", the subject read as the verb's object: a
        # verb of saying or finding takes no object besides its clause
        return _after(tokens, head)
    return _from(tokens, clause)


#: Verbs of saying and finding, which take a clause and no object ("says | X", "found | X"),
#: unlike "told | the force | that X".
_SAYING = resources.inflections(("say", "find", "conclude", "note", "state", "add", "report", "observe"))


def _raised_finding_noun(noun: Token, reporting: frozenset[str]) -> Token | None:
    """The verb of the "that" clause of a finding noun that the inspection, or "they", put
    forward ("They also raised a concern that | X", "Inspectors expressed concern that | X"),
    or None."""
    if noun.lower_ not in attribution.FINDING_NOUNS or noun.dep_ != "dobj":
        return None
    verb = noun.head
    holders = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.lower_ not in reporting | _RAISING or not any(
        attribution.names_the_inspection(h) or h.lower_ in ("they", "it") for h in holders
    ):
        return None
    return next((c for c in noun.children if attribution.that_clause(c) and c.i > noun.i), None)


#: Verbs that put a finding forward as their object ("voiced concern that", "expressed
#: concern that"), besides the reporting verbs.
_RAISING = frozenset(resources.inflections(("express", "voice", "share")))


def _complementiser_after(verb: Token, ids: set[int]) -> Token | None:
    """The "that" right after a reporting verb ("found | that ...") when the parser made it
    the mark of a clause, or None."""
    following = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    if following is None or following.i not in ids:
        return None
    return following if following.lower_ == "that" and following.dep_ == "mark" else None


def _after(tokens: Tokens, mark: Token) -> Tokens | None:
    """`tokens` after `mark`, or None when fewer than three words would be left."""
    tail = [x for x in tokens if x.i > mark.i]
    return tail if sum(1 for x in tail if x.is_alpha) >= 3 else None


def _from(tokens: Tokens, clause: Token) -> Tokens | None:
    """`tokens` from the first word of the clause `clause` heads, or None when fewer than
    three words would be left."""
    start = min(w.i for w in clause.subtree)
    tail = [x for x in tokens if x.i >= start]
    return tail if sum(1 for x in tail if x.is_alpha) >= 3 else None


def _only_adjuncts_after(verb: Token, rest: Tokens) -> bool:
    """Is all of `rest` after the reporting verb its prepositional or adverbial modifiers
    ("..., the inspectorate warned | in a new report on file quality")?"""
    after = [t for t in rest if t.i > verb.i and not t.is_punct]
    modifiers = {
        w.i for c in verb.children if c.dep_ in ("prep", "advmod", "npadvmod", "agent") for w in c.subtree
    }
    return len(after) <= 15 and all(t.i in modifiers for t in after)


#: Prepositions that hang the source of a clause on its end ("after a report by ...").
_SOURCE_PREPOSITIONS = frozenset({"after", "following", "in"})


def _source_adjunct(tokens: Tokens) -> int | None:
    """Where a closing prepositional phrase that names the clause's source starts ("...,
    after an inspection by HMICFRS", "... in a new report by the watchdog"): a preposition
    of `_SOURCE_PREPOSITIONS` whose object is an inspection noun (report, inspection,
    watchdog ...), which names an inspectorate or inspectors, and whose phrase runs to the
    end, at least four tokens in; None when there is none. "In" takes only "in a report
    by ...", as "gaps in the review of cases" is the finding itself."""
    for n, t in enumerate(tokens):
        if n < 4 or t.lower_ not in _SOURCE_PREPOSITIONS or t.dep_ != "prep":
            continue
        objects = [c for c in t.children if c.dep_ == "pobj"]
        if not objects or not attribution.names_the_inspection(objects[0]):
            continue
        of_what = any(c.lower_ == "of" for c in objects[0].children)
        if t.lower_ == "in" and (objects[0].lower_ != "report" or of_what):
            continue  # "gaps in the review of cases" is what was found
        if not any(w.i != objects[0].i and attribution.names_the_inspection(w) for w in t.subtree):
            continue  # "referred after the first report": the source names an inspectorate or inspectors
        phrase = {w.i for w in t.subtree}
        if not all(x.i in phrase or x.is_punct for x in tokens[n:]):
            continue
        if any(c.dep_ == "prep" and c.lower_ != "by" for c in objects[0].children):
            continue  # "criticised in a report on custody | for leaving ...", however attached
        return n - 1 if tokens[n - 1].text == "," else n
    return None


#: The longest tail naming a speaker by a body's full name ("..., His Majesty's
#: Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) has said").
_LONG_TAIL = 25


def _named_speaker_tail(rest: Tokens, reporting: frozenset[str]) -> bool:
    """Is `rest` (what follows a comma) a speaker with a long name and its reporting verb,
    and nothing else: no verb but the reporting one and its auxiliaries?"""
    words = [t for t in rest if not t.is_punct]
    if not words or len(rest) > _LONG_TAIL or words[-1].lower_ not in reporting:
        return False
    verb = words[-1]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    # all of it the speaker ("HM Inspector of Constabulary Roy Wilsher said"), not a phrase of
    # the clause before one ("against a target of 90 per cent, | inspectors said"); the
    # speaker's own verbs are part of its name ("the report published on Tuesday said",
    # "inspectors who visited the force in May said"), other verbs are a clause of their own
    speaker = {t.i for s in subjects for t in s.subtree}
    if any(t.pos_ == "VERB" and t.i not in speaker for t in words[:-1]):
        return False
    helpers = {c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "advmod")}
    return all(t.i in speaker or t.i in helpers for t in words[:-1])


def _apposed_speaker_tail(rest: Tokens, reporting: frozenset[str]) -> bool:
    """Is `rest` (what follows a comma) a speaker set off by commas and a reporting verb
    the parser left without a subject ("..., the chief inspector, Andy Cooke, said", "...,
    the report, published on Tuesday, said": the speaker hung on the clause before as an
    apposition or a conjunct)? Only a noun phrase that names the inspection or a person,
    with no finite verb of its own, and the reporting verb's adjuncts after it."""
    words = [t for t in rest if not t.is_punct]
    if not words or len(rest) > _LONG_TAIL or words[0].pos_ not in ("DET", "ADJ", "NOUN", "PROPN"):
        return False
    verb = next((t for t in words if t.lower_ in reporting and t.pos_ == "VERB"), None)
    if verb is None or verb is words[0] or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    before = [t for t in words if t.i < verb.i]
    if any(t.tag_ in FINITE_TAGS for t in before) or not _only_adjuncts_after(verb, rest):
        return False
    return any(attribution.names_the_inspection(t) or t.ent_type_ == "PERSON" for t in before)


_NEGATIVE_SUBJECTS = frozenset({"none", "nothing", "nobody", "neither", "no", "few"})


def _opening_scopes(verb: Token, subject: Token) -> bool:
    """Does the reporting clause carry the scope of what it reports, so that trimming it
    would turn the finding round: the verb negated ("did not find that"), or its subject a
    negative quantity ("none of the files showed", "no officer said", "not one record
    showed") or a counted one ("fewer than one in five victims said", "most officers told
    us")?"""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    counted = any(t.like_num or t.lower_ in QUANTIFIERS for t in subject.subtree)
    if counted and not attribution.names_the_inspection(subject) and subject.lower_ not in ("we", "they"):
        return True  # not "our 2023 report found", "all of us found"
    return subject.lower_ in _NEGATIVE_SUBJECTS or any(
        c.lower_ in _NEGATIVE_SUBJECTS | {"not"} or any(g.dep_ == "neg" for g in c.children)
        for c in subject.children  # "no officer", "not one officer"
    )


def strip(tokens: Tokens) -> Tokens:
    """Without leading connectors and punctuation, or trailing punctuation and conjunctions
    (a list item ending "...; and"). "That" as a pronoun or determiner stays ("That's a gap")."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ in _CONNECTORS):
        if tokens[0].lower_ == "that" and tokens[0].dep_ in ("nsubj", "nsubjpass", "det"):
            break
        tokens = tokens[1:]
    while tokens and (
        (tokens[-1].is_punct or tokens[-1].is_space)
        and (tokens[-1].text not in (")", "%") or tokens[-1].text == ")" and not _opened(tokens))
        or tokens[-1].lower_ in ("and", "or", "but")
    ):
        tokens = tokens[:-1]
    return tokens


def _opened(tokens: Tokens) -> bool:
    """Does a bracket open in the phrase (so a closing one at its end is its own, not the
    end of a sentence set in brackets: "(Inspectors also found that X.)")?"""
    return any(t.text == "(" for t in tokens)


def items(clause: Tokens) -> list[Tokens]:
    """One phrase per coordinated argument of the clause's predicate (the clause itself if
    none). A trailing elaboration (", with A and B", see `elaboration`) is never split: it
    is the evidence for the phrase before it, and stays at that phrase's end."""
    if not clause:
        return []
    aside = _participle_aside(clause)
    if aside:  # "the clinic, run jointly by the force and its partners, | to be highly valued"
        phrases = items([t for t in clause if t.i not in aside])
        return [_with_aside(p, aside, clause) for p in phrases]
    cut = elaboration(clause)
    if cut is not None:
        main, tail = clause[:cut], clause[cut:]
        phrases = items(main) or [main]
        end = phrases[-1][-1].i if phrases[-1] else main[-1].i
        return [*phrases[:-1], phrases[-1] + [t for t in clause if t.i > end]] if tail else phrases
    return _arguments(clause)


def _participle_aside(clause: Tokens) -> set[int]:
    """The indices of a participle's clause set off by commas inside the clause, and its
    commas ("the clinic, run jointly by the force and health partners, was ..."), when the
    clause goes on after it; its "and" joins nothing of the clause's own."""
    ids = {t.i for t in clause}
    last = clause[-1].i
    for t in clause:
        if t.dep_ != "acl" or t.tag_ != "VBN" or t.i == 0 or t.doc[t.i - 1].text != ",":
            continue
        close = next((w for w in clause if w.i > t.i and w.text == ","), None)
        if close is None or close.i >= last - 2:
            continue
        span = set(range(t.i - 1, close.i + 1))
        if span <= ids:
            return span
    return set()


def _with_aside(phrase: Tokens, aside: set[int], clause: Tokens) -> Tokens:
    """The phrase with the aside back in, when the phrase spans it."""
    if not phrase or phrase[0].i > min(aside) or phrase[-1].i < max(aside):
        return phrase
    return [t for t in clause if phrase[0].i <= t.i <= phrase[-1].i]


#: Prepositions that, after a comma, open an adjunct elaborating the whole clause before
#: it ("was slow to answer calls, with some callers waiting an hour and others giving up").
_ELABORATING = frozenset({"with", "leaving"})


def elaboration(clause: Tokens) -> int | None:
    """The position in `clause` of an elaborating adjunct after its predicate: a comma, then
    "with" (or "leaving") hung on the clause's verb or adjective, not on a noun ("a plan,
    with ..."), and at least three words of predicate before it. None when there is none.
    What follows it is evidence for the clause, not findings of its own."""
    for n, token in enumerate(clause):
        if n < 3 or token.lower_ not in _ELABORATING or clause[n - 1].text not in (",", "\u2014", "\u2013"):
            continue
        if token.head.pos_ in ("VERB", "AUX", "ADJ") and sum(1 for t in clause[:n] if t.is_alpha) >= 3:
            return n - 1
    return None


def _in_elaboration(token: Token) -> bool:
    """Is the token inside an elaborating adjunct (", with A not done and B left undone")?"""
    for node in (token, *token.ancestors):
        if node.lower_ in _ELABORATING and node.dep_ in ("prep", "advcl"):
            return True
        if node.dep_ in ("ROOT", "ccomp", "relcl"):
            return False
    return False


def _arguments(clause: Tokens) -> list[Tokens]:
    if anaphoric(clause) and (practices := _practices_within(clause)):
        return practices
    ids = {t.i for t in clause}
    spans: list[Tokens] = []
    heads = [t for t in clause if _coordination(t, ids)]
    if heads:
        head = min(heads, key=lambda t: (_depth(t), t.i))  # the coordination nearest the root
        conjuncts = _conjuncts(head, ids)
        if _shared_modifier(conjuncts):
            return [clause]  # "good leadership and governance of X": "good" says it of both
        spans = [_own_span(c, conjuncts, ids) for c in conjuncts]
    kind, preposition = _examples(spans[-1][-1], ids) if spans else (None, None)
    shell = kind == "shell"  # "areas such as A, B and C": the list is read inside the examples
    scope = [t for t in preposition.subtree if t.i in ids and t.i != preposition.i] if preposition else clause
    listed = _comma_list(scope if shell else clause)
    if len(listed) > len(spans):
        spans = listed  # the parse missed a list ("A, B and C" read as apposition)
    if len(spans) < 2:
        spans = _misattached_noun(clause) or spans  # "about the delays in X being Y and the backlog in Z"
    # "too few detectives, too little supervision and too many ...": a measure each, each a finding
    measured = sum(1 for s in spans if any(t.lower_ in _SHARED_MEASURES for t in s))
    if len(spans) < 2 or not all(_substantial(s, 1 if shell or measured >= 2 else 2) for s in spans):
        return [clause]  # "stop and search", "officers and staff", "to be kept safe": not a list of findings
    if not shell and all(_bare(s) for s in spans) and measured < 2:
        return [clause]  # "not enough police officers and community support officers": one group
    if any(_examples(s[-1], ids)[0] == "content" for s in spans):
        return [clause]  # "a strong victim service, including A and B": one finding and its examples
    if _names_in_a_phrase(spans):
        return [clause]  # "its work with A, B and C councils had improved": the partners it names
    start, end = clause[0].i, clause[-1].i
    root = next((t for t in clause if t.head.i not in ids or t.head.i == t.i), clause[0])
    before_predicate = root.i > spans[-1][-1].i
    if before_predicate and not shell and _subject(spans[0], ids):
        return [clause]  # "A and B were among the best seen": one predicate said of both
    out: list[Tokens] = []
    for n, span in enumerate(spans):
        lo, hi = span[0].i, span[-1].i
        if n == 0 and not before_predicate:
            lo = start  # the predicate and its evaluative word go with the first item
        if n == len(spans) - 1 and before_predicate:
            hi = end  # "A and B were well run": the predicate goes with the last
        out.append(strip([t for t in clause if lo <= t.i <= hi]))
    return [o for o in out if o]


def _names_in_a_phrase(spans: list[Tokens]) -> bool:
    """Is the list one of names in a noun's prepositional phrase ("the force's relationship
    with Upper Dale, North Marsh and Kirkby councils had improved")? The items between the
    first and the last are names alone, the first ends in a name hung on a noun's
    preposition, and the last begins with one: the partners or places one finding names."""

    def words(span: Tokens) -> Tokens:
        return [t for t in span if not t.is_punct and t.dep_ != "cc"]

    middle = [t for s in spans[1:-1] for t in words(s)]
    first, last = words(spans[0]), words(spans[-1])
    if not first or not last or any(t.pos_ != "PROPN" for t in middle):
        return False
    if first[-1].pos_ != "PROPN" or last[0].pos_ != "PROPN":
        return False
    chain = [first[-1], *first[-1].ancestors][:4]
    return any(t.dep_ == "prep" and t.head.pos_ == "NOUN" for t in chain)


def _shared_modifier(conjuncts: Tokens) -> bool:
    """Do coordinated nouns share the adjective before the first ("good leadership and
    governance of crime recording", "clear policies and guidance")? Only when no later one
    has a word before it of its own ("good leadership and poor governance", "the audit and
    the review") or a clause of its own ("clean cells and staff who were caring"): split,
    the later noun would be left without the word that judges it."""
    if len(conjuncts) < 2 or any(c.pos_ != "NOUN" for c in conjuncts):
        return False
    first, *later = conjuncts
    if not any(c.dep_ == "amod" and c.i < first.i for c in first.children):
        return False
    doc, last = first.doc, later[-1]
    # "high levels of fatigue, and access to support was limited": a clause of its own,
    # misparsed (a comma before the conjunction, or a verb right after the last noun's phrase)
    if any(doc[c.i - 2].text == "," for c in later if c.i >= 2 and doc[c.i - 1].dep_ == "cc"):
        return False
    after = last.right_edge.i + 1
    if after < len(doc) and doc[after].pos_ in ("AUX", "VERB"):
        return False
    return not any(ch.i < c.i or ch.dep_ in ("relcl", "acl", "amod") for c in later for ch in c.children)


#: Prepositions that introduce examples of the noun they modify ("a service, including A and
#: B", "partners such as A and B"), and the nouns that are only a heading for such a list
#: ("several areas, including A, B and C, were praised"): shell nouns (data/cues.json
#: `shell_nouns`), whose examples are the findings themselves.
_EXAMPLE_PREPOSITIONS = frozenset({"including", "like", "as"})


def _examples(token: Token, ids: set[int]) -> tuple[str | None, Token | None]:
    """Is the token inside examples of a noun ("including", "such as", "like")? "content",
    with the preposition, when the noun has content of its own ("a well-run custody suite,
    including clean cells and ..."): the list illustrates one finding; "shell" when it is
    a shell noun ("strengths such as A and B"): the examples are the findings; None when
    neither."""
    walker = token
    for _ in range(50):
        head = walker.head
        if head.i == walker.i or head.i not in ids:
            break
        if head.lower_ in _EXAMPLE_PREPOSITIONS and head.dep_ == "prep" and walker.dep_ == "pobj":
            noun = head.head
            if noun.pos_ not in ("NOUN", "PROPN"):
                break
            return ("shell" if noun.lower_ in _shell_nouns() else "content"), head
        walker = head
    return None, None


def predicates(tokens: Tokens) -> bool:
    """Does the phrase state something of its own, with a verb at its head ("staff were
    caring", "improved its referrals"), not just a noun phrase ("effective oversight of
    offenders", "reduced delays in X")?"""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return any(t.tag_ in FINITE_TAGS for t in tokens) or any(t.pos_ in ("VERB", "AUX") for t in heads)


def _substantial(span: Tokens, minimum: int = 2) -> bool:
    """Can the phrase stand as a finding: `minimum` content words, one a noun that is not a name?"""
    content = [t for t in span if t.is_alpha and not t.is_stop]
    nouns = [
        t for t in content if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("PERSON", "GPE", "ORG")
    ]
    return len(content) >= minimum and bool(nouns)


#: Words that measure every conjunct of a group alike ("not enough officers and staff").
_SHARED_MEASURES = frozenset({"enough", "sufficient", "more", "fewer", "less", "too", "many", "few"})


def _subject(span: Tokens, ids: set[int]) -> bool:
    """Is the phrase the clause's subject, however parsed, not the object of a preposition
    (examples in one: "Several aspects, including A, B and C, were praised")?"""
    own = {t.i for t in span}
    head = next((t for t in span if t.head.i not in own or t.head.i == t.i), None)
    return head is not None and head.dep_ != "pobj"


def _bare(span: Tokens) -> bool:
    """Is the phrase a bare plural or mass noun or compound ("police officers", "call
    handlers", "enough detectives") up to its head: a kind of people or things, with
    nothing of its own that could be judged (no adjective, figure or possessor) and no
    determiner ("the victim care unit" is one thing of its own)? What follows the head of
    the last conjunct may be shared ("officers and call handlers | to meet demand"), and is
    not looked at."""
    ids = {t.i for t in span}
    head = next((t for t in span if t.head.i not in ids or t.head.i == t.i), None)
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return False
    words = [t for t in span if t.i <= head.i and not t.is_punct]
    return all(t.pos_ in ("NOUN", "PROPN") or t.lower_ in _SHARED_MEASURES for t in words)


def _comma_list(clause: Tokens) -> list[Tokens]:
    """The items of a written list "A, B and C" (three or more), read from commas and the last "and".

    A fallback for parses that take a list for apposition. Items are the comma-separated
    segments before the conjunction, back to the first one with a finite verb (whose
    tail is then the first item), and the segment after it up to the next comma.
    """
    for n, token in enumerate(clause):
        if token.lower_ not in ("and", "or") or n == 0 or n + 1 >= len(clause):
            continue
        following = clause[n + 1]
        verbal = following.tag_ in FINITE_TAGS or following.tag_ in ("VB", "RB", "IN", "TO")
        if verbal and following.lower_ not in _SHARED_MEASURES:
            continue  # "and was", "and then": not a list item ("and too many ..." is one)
        last: Tokens = []
        for t in clause[n + 1 :]:
            if t.text in (",", ";", ":", "(", "—", "–"):
                break
            last.append(t)
        items = [last]
        segment: Tokens = []
        for t in reversed(clause[:n]):
            if t.text == "," or (t.text == "," and not segment):
                if segment:
                    items.insert(0, list(reversed(segment)))
                segment = []
                continue
            if t.tag_ in FINITE_TAGS or t.pos_ == "VERB" and t.dep_ in ("ROOT", "ccomp", "relcl"):
                break
            segment.append(t)
            if len(segment) > 8:
                break
        if segment and len(segment) <= 8:
            items.insert(0, list(reversed(segment)))
        items = [strip(i) for i in items]
        if len(items) >= 3 and all(items):
            return _headed(items)
    return []


def _headed(items: list[Tokens]) -> list[Tokens]:
    """A written list whose item opens with "including" or "such as" after a heading: its
    examples, when the heading is only shell nouns ("several aspects, including A, B and
    C"); none, when the heading has content of its own ("a good victim service, including
    A, B and C" is one finding)."""
    for n, item in enumerate(items[1:], 1):
        opener = 2 if [t.lower_ for t in item[:2]] == ["such", "as"] else 1
        if opener == 1 and item[0].lower_ not in ("including", "like"):
            continue
        content = [t for t in items[n - 1] if t.is_alpha and not t.is_stop]
        if content and all(t.lower_ in _shell_nouns() for t in content):
            return [t for t in [strip(item[opener:]), *items[n + 1 :]] if t]
        return []
    return items


#: Relations that lead from the clause's predicate to one of its arguments. A coordination
#: reached through anything else (a relative clause, a noun's infinitive, a modifier) is
#: inside one argument ("processes to assess and share information") and is not split.
_ARGUMENT_PATH = {
    "dobj",
    "nsubj",
    "nsubjpass",
    "attr",
    "pobj",
    "prep",
    "acomp",
    "xcomp",
    "ccomp",
    "conj",
    "appos",
    "dative",
    "oprd",
    "pcomp",
    "ROOT",
}

_PREDICATE_PATH = {"ROOT", "ccomp", "xcomp", "conj"}


def anaphoric(clause: Tokens) -> bool:
    """Does the clause only point back ("These include ...", "they were ...")? Its label is then
    the previous sentence's."""
    words = [t for t in trim(clause) if not t.is_punct][:3]
    if len(words) < 2 or words[0].dep_ not in ("nsubj", "nsubjpass"):
        return False
    pronoun, verbs = words[0].lower_, {w.lower_ for w in words[1:]}
    if pronoun in ("these", "those", "they", "which"):
        head = words[0].head
        if any(c.dep_ == "acomp" for c in head.children):
            return False  # "They were concerned that ...", "they were critical of ...": a stance of its own
        return bool(verbs & (_POINTING_VERBS | _COPULAS))  # "These include ...", "They were ..."
    # "It includes ...", not "It is a privilege ...": a singular pronoun with a copula
    # usually starts a statement of its own
    return pronoun in ("this", "it") and any(_points(w) for w in words[1:])


#: Verbs that put a verdict on their object ("described this as a serious weakness",
#: "called it unacceptable"), in every form.
_VERDICT_VERBS = resources.inflections(("describe", "call", "label", "brand", "deem", "consider", "term"))


def verdict_on_what_went_before(clause: Tokens) -> bool:
    """Does the clause only give a verdict on what the sentence before said, through a
    pronoun ("64% of stalking reports were recorded correctly. | Inspectors said this was
    far too low", "The report described this as one of the best rates in the country",
    "That is an improvement")? Its subject is "this" or "that" before a copula, or its
    object is, under a verb of describing; the verdict is the sentence before's polarity,
    and says nothing of its own."""
    if _litotes(clause):
        return False  # "That is not nothing": read as its words, the verdict turns over
    for t in clause:
        # a demonstrative standing alone, not a relative pronoun ("delays that are ...")
        if t.lower_ not in ("this", "that") or t.tag_ != "DT" or any(c.dep_ != "punct" for c in t.children):
            continue
        if t.dep_ == "nsubj" and t.head.lower_ in _COPULAS | {"remains", "remained"}:
            reason = ("because", "why")  # "This was because ...": an explanation, no verdict
            return not any(c.dep_ in ("mark", "advcl") or c.lower_ in reason for c in t.head.children)
        if t.dep_ == "dobj" and t.head.lower_ in _VERDICT_VERBS:
            return True
    return False


#: Words that, denied, praise by understatement ("not nothing", "not without merit", "not
#: insignificant").
_UNDERSTATED = frozenset(
    {"nothing", "without", "insignificant", "inconsiderable", "unimportant", "negligible"}
)


def _litotes(clause: Tokens) -> bool:
    """Does the clause deny a word of smallness or lack ("That is not nothing", "It was not
    without merit")? An understatement that means the opposite of its words."""
    return any(t.dep_ == "neg" for t in clause) and any(t.lower_ in _UNDERSTATED for t in clause)


def _points(word: Token) -> bool:
    """Is the word a verb that points at what the clause lists ("It includes ...", "This
    concerned ..."), not a stance ("It was concerned about X", however parsed)?"""
    stance = word.dep_ == "acomp" or any(c.dep_ == "auxpass" for c in word.children)
    return word.lower_ in _POINTING_VERBS and not stance


#: Nouns that stand for how things went, not for what went so ("the picture in the control
#: room was less rosy", "There was better news on digital evidence").
_OUTLOOK_NOUNS = frozenset({"picture", "news", "story", "situation", "outlook", "tale", "mood"})


def announces(clause: Tokens) -> bool:
    """Does the clause only announce how an area went, as a lead-in to the sentences that
    say it ("But the picture in the control room was less rosy.", "There was better news
    on digital evidence.", "Callers to the non-emergency line fared worse still.")? Its
    subject or predicate noun stands for how things went, or its verb is "fare"."""
    words = trim(clause)
    for token in words:
        if token.dep_ in ("nsubj", "nsubjpass", "attr") and token.lower_ in _OUTLOOK_NOUNS:
            if any(c.dep_ == "ccomp" for c in token.head.children):
                return False  # "The good news is that victims now ...": it says how, itself
            return token.head.lower_ in _COPULAS | {"be", "been", "remains", "remained", "looks", "looked"}
        if token.lower_ in ("fare", "fares", "fared", "faring") and token.pos_ == "VERB":
            return True
    return False


def partitive(clause: Tokens) -> bool:
    """Is the clause's subject a bare quantity of something named before it ("Some had
    waited over a year", "..., and one in four was never reviewed", "Several of them were
    ...")? Such a clause gives figures or examples for the finding before it, not one of
    its own; unless it is reported on its own ("found that A, and that many had not B")."""
    trimmed = trim(clause)
    words = [t for t in trimmed if not t.is_punct]
    if len(words) < 3:
        return False
    subject = next((t for t in trimmed if t.dep_ in ("nsubj", "nsubjpass")), None)  # "%" is punctuation
    if subject is None or not _opens_with(words, subject):
        return False
    percentage = subject.lower_ in _PER_CENT and any(c.dep_ == "nummod" for c in subject.children)
    number = subject.like_num and subject.tag_ == "CD"  # not "The first is that ...": an ordinal
    if not (subject.lower_ in _QUANTITIES or number or percentage):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in subject.head.children):
        return False  # "found that A, and that many had not B": a second finding reported
    for child in subject.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "out"):
            objects = [o for o in child.children if o.dep_ == "pobj"]
            if not all(o.lower_ in ("them", "these", "those") or o.like_num for o in objects):
                return False  # "Some of the files": a quantity of something it names itself
        elif (
            child.dep_ not in ("det", "advmod", "quantmod", "punct", "nummod")
            and not (percentage and child.dep_ == "compound" and child.lower_ == "per")
            and not (child.dep_ == "amod" and child.lower_ in _BOUNDS)  # "Fewer than 100 were ..."
        ):
            return False
    return True


#: Comparatives that bound a number ("Fewer than 100", "More than 300"), parsed as its modifier.
_BOUNDS = frozenset({"fewer", "more", "less", "over", "under"})


def share_of_cases(clause: Tokens) -> bool:
    """Does the clause open with a share of the cases looked at ("in almost half of the
    files", "In more than a quarter of the records reviewed", "In 40 per cent of cases") or
    a vague quantity of them ("In some cases", "in many instances")? It gives the figures
    or examples of the finding before it when it tells of the same thing (see findings'
    `finish`), and is a finding of its own when it tells of another ("..., and in many
    cases no forensic samples were taken" after a finding on referrals)."""
    words = [t for t in trim(clause) if not t.is_punct]
    return _in_some_cases_opening(words) in ("share", "vague")


def _in_some_cases_opening(words: Tokens) -> str | None:
    """ "vague" for a vague quantity of cases ("In some cases", "In a few instances"),
    "share" for a share of them ("in almost half of the files", "In 40 per cent of
    cases"), None for neither (a count, "In 11 cases, officers had failed to act",
    counts failures itself)."""
    if len(words) < 4 or words[0].lower_ != "in":
        return None
    n = 1
    while n < len(words) - 2 and words[n].lower_ in _APPROXIMATORS:
        n += 1  # "almost", "more than", "a"
    vague = words[n].lower_ in _QUANTITIES and words[n + 1].lower_ in CASE_NOUNS and n <= 2
    if words[n].lower_ in _QUANTITIES or words[n].lower_ in ("majority", "minority"):
        n += 1
    elif words[n].like_num and words[n + 1].lower_ in ("per", "%", "percent"):
        n += 3 if words[n + 1].lower_ == "per" else 2  # "40 per cent"
    else:
        return None
    if vague:
        return "vague"
    if n < len(words) and words[n].lower_ == "of":
        n += 1 + (n + 1 < len(words) and words[n + 1].lower_ in ("the", "these", "those", "all"))
    for _ in range(2):  # "of the bail records", "of the custody records"
        if n < len(words) and words[n].dep_ in ("compound", "amod") and words[n].lower_ not in CASE_NOUNS:
            n += 1
    return "share" if n < len(words) and words[n].lower_ in CASE_NOUNS else None


#: Words that may stand before the quantity of a share of cases ("in almost half of ...").
_APPROXIMATORS = frozenset(
    {"a", "an", "almost", "nearly", "around", "about", "roughly", "over", "under", "more", "less", "fewer"}
    | {"than", "just", "well", "only", "approximately", "up", "to", "the"}
)


def _opens_with(words: Tokens, subject: Token) -> bool:
    """Does the clause open with `subject` and its own modifiers ("Only 71 per cent",
    "Just over half", "A third")?"""
    own = {t.i for t in subject.subtree}
    before = [t for t in words if t.i < subject.i]
    return all(t.i in own for t in before) and len(before) <= 4


_QUANTITIES = frozenset(
    {"some", "many", "most", "several", "others", "few", "half", "third", "quarter", "fifth", "handful"}
)
_PER_CENT = frozenset({"cent", "percent", "%"})
_COPULAS = {"are", "were", "was", "is"}
_POINTING_VERBS = {
    "include",
    "includes",
    "included",
    "including",
    "cover",
    "covers",
    "covered",
    "range",
    "ranged",
    "involve",
    "involved",
    "concern",
    "concerned",
}


#: Words that make a list's introduction a plan ("Over the next six months we will:") or a
#: demand ("The force should:", "Inspectors said it needs to:"); DEMANDS also say where a
#: thing is due to be ("not where it should be", rules.py).
DEMANDS = frozenset({"should", "must", "ought", "need", "needs", "needed"})
_PLANS = frozenset({"will", "shall", "'ll", "plan", "plans", "intend", "intends", "going"})
#: The words that open a meeting's record of what it decided ("RESOLVED - That:", "Agreed:").
_DECIDING = frozenset({"resolved", "agreed"})


def list_mood(intro: Tokens) -> str | None:
    """What a list's introduction makes of its items: "recommendation" when they are the
    report's formal recommendations ("Its recommendations are:", "Inspectors recommend
    that the force:"), "demand" when it asks something of
    the force ("The force should:", "Inspectors said it must:"; with a deadline, "Within
    three months, the force should:", a recommendation), "plan" when it tells what
    someone will do ("Over the next six months we will:"), "done" when it tells, in no
    inspection's words, what someone has done ("In summary, the force has:", "Since the
    inspection we have:"), "decision" when it opens a meeting's record of what it decided
    (minutes' "RESOLVED - That:", "It was agreed that:"), None otherwise."""
    words = {t.lower_ for t in intro}
    said = [t for t in intro if not t.is_punct]
    opening = [t.lower_ for t in said[:3]]
    deciding = opening[2:3] if opening[:2] == ["it", "was"] else opening[:1]
    if deciding and deciding[0] in _DECIDING:
        return "decision"  # "RESOLVED - That:", "It was agreed that:"
    if (
        said
        and said[-1].lower_ in ("has", "have")
        and not any(attribution.names_the_inspection(t) for t in intro)
    ):
        return "done"
    if words & _RECOMMENDING:
        return "recommendation"
    if words & DEMANDS:
        # "Within three months, the force should:": a demand with a deadline is a recommendation
        return "recommendation" if any(_deadline(t) for t in intro) else "demand"
    if words & _PLANS:
        return "plan"
    return None


#: Words that, with "should" or "must", make a demand praise ("should be commended").
_PRAISE = frozenset(
    {
        "commend",
        "commended",
        "congratulate",
        "congratulated",
        "praise",
        "praised",
        "proud",
        "pleased",
        "applaud",
        "applauded",
        "credit",
        "credited",
        "recognise",
        "recognised",
        "welcome",
        "welcomed",
    }
)


def demanded(clause: Tokens) -> bool:
    """Is the clause's main predicate asked for, not found: a modal of obligation on it
    ("the force must record every search", "it should be authorised every time", "officers
    need to check ..."), a directive with the action it asks for ("has been told to
    answer calls faster": `_directs`), or an aim and what it is ("The challenge now is to
    make sure that ...": `_aim_is`)? Not praise put as a demand ("the force should be commended for
    ..."), nor a question of what happens ("must have been", "should have")."""
    ids = {t.i for t in clause}
    roots = [t for t in clause if t.head.i not in ids or t.head.i == t.i]
    for root in roots:
        verb = root
        if verb.lower_ in ("need", "needs", "needed", "ought") and any(
            c.dep_ == "xcomp" for c in verb.children
        ):
            return not _praise(verb)
        modals = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("must", "should", "ought")]
        perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)
        if modals and not perfect and not _praise(verb):
            return True
        if _directs(verb):
            return True
        if _aim_is(verb):
            return True
    # a resolution, however parsed: "RESOLVED: That the report be noted"
    return any(_subjunctive(t) and any(c.dep_ == "mark" for c in t.children) for t in clause)


#: Nouns of something still to be done: as a copula's subject, its "to" complement is asked for.
_AIMS = frozenset({"challenge", "task", "priority", "aim", "goal", "job", "test", "focus", "ambition"})


def _aim_is(verb: Token) -> bool:
    """Is `verb` a copula whose subject is a thing still to be done and whose complement is
    what is to be done ("The challenge now is to make sure that every victim ...", "The
    priority must be to cut waiting times")? That is asked for, not found."""
    if verb.lower_ not in ("is", "are", "was", "were", "be", "remains", "remain"):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in _AIMS:
        return False
    return any(
        c.dep_ in ("xcomp", "attr", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


#: Verbs that direct someone to act ("has been told to", "urged the force to", "wants
#: officers to", "was called on to"), inflected; "call" only with "on".
_DIRECTIVES = frozenset(
    resources.inflections(("tell", "urge", "order", "instruct", "direct", "want", "ask", "call"))
)


def _directs(verb: Token) -> bool:
    """Is `verb` a directive with the action it asks for ("Kent Police has been told to
    answer calls faster", "Inspectors want the force to cut ...", "Officers were urged to
    record ...")? What is asked for is not yet done: the words of quality in it ("faster",
    "consistently") are no strength."""
    if verb.lower_ not in _DIRECTIVES:
        return False
    if verb.lower_.startswith("call") and not any(c.lower_ == "on" for c in verb.children):
        return False  # "called for", "called it a ...": no directive to act
    return any(
        c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


#: Words that make what they govern a recommendation, and words of an introduction to the
#: inspectorate's formal recommendations.
_RECOMMENDING = frozenset(
    {"recommend", "recommends", "recommended", "recommending", "recommendation", "recommendations"}
)


def recommended(clause: Tokens) -> bool:
    """Is the clause a recommendation rather than a finding: a demand (`demanded`) with a
    deadline ("Within six months, the force should develop a plan", "must cut delays by
    next summer", "should, by the end of 2026, ensure ..."), a demand its sentence says is
    recommended ("The report recommends that the force should ...", "makes 12
    recommendations, including that ..."), or a time given to act ("Inspectors have given
    the force six months to produce a plan")?"""
    if not clause:
        return False
    if any(_time_given(t) for t in clause):
        return True
    if demanded(clause) and any(_deadline(t) for t in clause):
        return True
    inside = {t.i for t in clause}
    sentence = gazetteer.sentence_of(clause[0].doc, clause[0].i)
    recommending = [t for t in sentence if t.lower_ in _RECOMMENDING]
    if any(
        t.i in inside and t.pos_ in ("VERB", "AUX") and _asked_for(t)
        for r in recommending
        for t in _recommended_by(r)
    ):
        return True
    # "We make four recommendations and identify six areas for development. | The force should
    # ensure ...": a demand right after a count of the recommendations is the first of them
    if sentence.start == 0 or clause[0].i != sentence.start and clause[0].i - 1 != sentence.start:
        return False
    before = gazetteer.sentence_of(clause[0].doc, sentence.start - 1)
    counted = any(
        t.lower_ in ("recommendations", "recommendation") and any(c.like_num for c in t.children)
        for t in before
    )
    return counted and demanded(clause)


def _recommended_by(word: Token) -> list[Token]:
    """The words a recommending word governs: a verb's subtree ("recommends that the force
    ..."), or, for the noun, the predicate it is the subject or label of too ("The first
    recommendation is that the force should ...", "Recommendation 2: The force should
    ...")."""
    governed = [t for t in word.subtree if t is not word]
    if word.pos_ in ("NOUN", "PROPN") and word.dep_ in ("nsubj", "nsubjpass", "dep", "npadvmod"):
        governed += [t for t in word.head.subtree if t.i not in {w.i for w in word.subtree}]
    return governed


def _asked_for(verb: Token) -> bool:
    """Is the verb what a recommendation asks for: "that" the force does something, or what
    it "should" or "must" do ("not acted on the recommendations made in 2019" is no such
    verb)?"""
    return any(
        c.dep_ == "mark" and c.lower_ == "that" or c.dep_ == "aux" and c.lower_ in ("should", "must")
        for c in verb.children
    )


def _deadline(token: Token) -> bool:
    """Does the preposition open a deadline: "within" a span of time ("within six months"),
    or "by" a date ("by next summer", "by the end of 2026")?"""
    objects = [c for c in token.children if c.dep_ == "pobj"]
    if token.lower_ == "within":
        return any(o.lower_ in _DISTANCE for o in objects)
    if token.lower_ == "by":
        return any(t.ent_type_ == "DATE" for o in objects for t in o.subtree)
    return False


def _time_given(verb: Token) -> bool:
    """Is the verb "give" with a span of time and what to do in it ("given the force six
    months to produce a plan")?"""
    if verb.lower_ not in resources.inflections(("give",)):
        return False
    spans = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _DISTANCE]
    return bool(spans) and any(c.dep_ in ("xcomp", "advcl") for c in (*verb.children, *spans[0].children))


def _subjunctive(verb: Token) -> bool:
    """Is the verb a passive in the subjunctive ("that the report be noted", "that the
    plan be reviewed"): "be" in its base form with no modal and no "to" before it?"""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    base_be = any(c.lower_ == "be" and c.tag_ == "VB" for c in auxiliaries)
    governed = any(c.tag_ == "MD" or c.lower_ == "to" for c in auxiliaries)
    return base_be and not governed and any(c.dep_ == "nsubjpass" for c in verb.children)


def _praise(verb: Token) -> bool:
    return any(t.lower_ in _PRAISE for t in verb.subtree)


def opens_with_a_verb(item: Tokens) -> bool:
    """Does a list item open with a bare verb ("reduce delays in ...", "make sure that ..."),
    completing its introduction's "should" or "will"?"""
    words = [t for t in item if not t.is_punct]
    return bool(words) and (words[0].tag_ == "VB" or words[0].lower_ == "to")


def opens_with_a_participle(item: Tokens) -> bool:
    """Does a list item open with a past participle ("set up a working group", "introduced
    a new check"), completing its introduction's "has"?"""
    words = [t for t in item if not t.is_punct]
    return bool(words) and words[0].tag_ in ("VBN", "VBD")


def _joined(conjunct: Token) -> bool:
    """Is the conjunct written as one, after "and", "but" or a comma (not "or": alternatives
    are one finding)? A "conjunct"
    straight after a noun is a misparse ("give patrol officers protected time", where
    "protected" was read as a second verb)."""
    start = min(w.i for w in conjunct.subtree)
    before = conjunct.doc[start - 1] if start > 0 else None
    if before is None or _inside_term(before):
        return False  # "the grounds for stop and search": one term, however parsed
    if before.lower_ in ("or", "nor"):
        return False  # alternatives are one finding ("saw detainees with X or learning disabilities")
    return before.dep_ == "cc" or before.text in (",", ";", "and", "but")


def _inside_term(conjunction: Token) -> bool:
    """Is the conjunction part of a fixed term of policing ("stop and search", "violence
    against women and girls": data/cues.json `coordinated_terms`)?"""
    doc = conjunction.doc
    for term, at in _coordinated_terms().get(conjunction.lower_, ()):
        start = conjunction.i - at
        within = start >= 0 and start + len(term) <= len(doc)
        if within and all(doc[start + k].lower_ == word for k, word in enumerate(term)):
            return True
    return False


@cache
def _coordinated_terms() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """Each word of the coordinated terms: the terms it is in, with its first position there."""
    index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for text in resources.load("cues")["coordinated_terms"]:
        term = tuple(text.split())
        for word in dict.fromkeys(term):
            index.setdefault(word, []).append((term, term.index(word)))
    return index


def _coordination(token: Token, ids: set[int]) -> bool:
    conj = [c for c in token.children if c.dep_ == "conj" and c.i in ids and _joined(c)]
    if not conj:
        return False
    verbal = token.pos_ in ("VERB", "AUX")
    # coordinated verbs split only as the clause's own predicates ("had cut its backlog and
    # trained its staff"), not inside an argument ("in how they assess risk and investigate")
    if not _hangs_by(token, ids, _PREDICATE_PATH if verbal else _ARGUMENT_PATH):
        return False
    if verbal:
        return all(c.pos_ in ("VERB", "AUX") for c in conj)
    if _topics_of_a_thing(token):
        return False
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in ("NOUN", "PROPN"):
        return False  # "relationships with young people and head teachers": one noun's modifier
    # a noun coordinated with a verb is a misparse of two verbs ("the force now correctly
    # identifies [NNS] and records [VBZ] ..."), whose split would leave a stub
    return token.pos_ in _NOMINAL and not any(c.pos_ in ("VERB", "AUX") for c in conj)


def _misattached_noun(clause: Tokens) -> list[Tokens]:
    """Two noun phrases the parse failed to coordinate: "concerned about the delays in
    responding to reports of children being exploited online | and the backlog in ...",
    where the second ("the backlog", with its own determiner) is read as a conjunct of the
    verb nearest before it. The clause up to "and", and the noun phrase from its determiner
    on, when an earlier noun phrase with a determiner of its own is an argument of the
    clause's predicate; none otherwise."""
    ids = {t.i for t in clause}
    for n, token in enumerate(clause[:-2]):
        if token.lower_ != "and" or token.dep_ != "cc" or n < 3:
            continue
        determiner = clause[n + 1]
        if determiner.dep_ not in ("det", "poss") or determiner.head.dep_ != "conj":
            continue
        noun = determiner.head
        if noun.pos_ != "NOUN" or noun.head.pos_ not in ("VERB", "AUX") or noun.head.i not in ids:
            continue
        earlier = [
            t
            for t in clause[:n]
            if t.pos_ == "NOUN"
            and t.dep_ in ("pobj", "dobj", "attr")
            and any(c.dep_ in ("det", "poss") for c in t.children)
            and _hangs_by(t, ids, _ARGUMENT_PATH)
        ]
        if earlier:
            return [clause[:n], clause[n + 1 :]]
    return []


def _hangs_by(token: Token, ids: set[int], path: set[str]) -> bool:
    """Does the token hang from the clause's root by relations in `path` only (its
    arguments, `_ARGUMENT_PATH`, or its predicates, `_PREDICATE_PATH`)?"""
    walker = token
    for _ in range(50):
        if walker.dep_ not in path:
            return False
        if walker.head.i == walker.i or walker.head.i not in ids:
            return True
        walker = walker.head
    return True


def _practices_within(clause: Tokens) -> list[Tokens]:
    """In a clause that lists areas ("These include X, including doing A and doing B"),
    the area and each practice within it, as items; none when the clause has no such
    list. Read from the words' tags, not the parse, which often takes the first gerund
    for an adjective ("including [recording] risk assessments") and joins the second to
    the area."""
    opener = next(
        (
            n
            for n, t in enumerate(clause[1:-1], 1)
            if t.lower_ == "including" and clause[n - 1].text == "," and clause[n + 1].tag_ == "VBG"
        ),
        None,
    )
    if opener is None:
        return []
    parts: list[Tokens] = [clause[: opener - 1]]
    current: Tokens = []
    for n in range(opener + 1, len(clause)):
        token = clause[n]
        following = clause[n + 1] if n + 1 < len(clause) else None
        if token.lower_ in ("and", "or", ",") and following is not None and following.tag_ == "VBG":
            parts.append(current)
            current = []
            continue
        current.append(token)
    parts.append(current)
    parts = [strip(p) for p in parts]
    return parts if len(parts) >= 3 and all(parts) else []


def _topics_of_a_thing(token: Token) -> bool:
    """Is the token the object of a preposition on a particular thing that the predicate
    takes as its object ("had completed the mandatory training | in A and B", "has
    written its policy | on A and B")? Its coordinated objects are that one thing's
    topics, not findings each: the second alone ("B") would say nothing. A thing is
    particular when it has a definite or possessive determiner; a bare noun of judgement
    ("found weaknesses in A and B", "serious delays in A and B") heads a list of its own."""
    prep = token.head if token.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep" or prep.head.pos_ != "NOUN" or prep.head.dep_ != "dobj":
        return False
    thing = prep.head
    if thing.lower_ in vocabulary().generic or thing.lower_ in _shell_nouns():
        return False  # "made improvements in A and B", "the areas of A and B"
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in _DEFINITE for c in thing.children)


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _conjuncts(head: Token, ids: set[int]) -> list[Token]:
    out = [head]
    frontier = [head]
    while frontier:
        nxt = [c for t in frontier for c in t.children if c.dep_ == "conj" and c.i in ids and _joined(c)]
        out += nxt
        frontier = nxt
    return sorted(out, key=lambda t: t.i)


def _own_span(conjunct: Token, conjuncts: list[Token], ids: set[int]) -> Tokens:
    others = {w.i for c in conjuncts if c.i != conjunct.i and c.head.i == conjunct.i for w in c.subtree}
    words = [
        w
        for w in conjunct.subtree
        if w.i in ids and w.i not in others and not (w.dep_ in ("cc", "punct") and w.head.i == conjunct.i)
    ]
    # a coordinated verb's shared subject belongs to the clause, not to this item
    return sorted(words, key=lambda t: t.i) or [conjunct]


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth
