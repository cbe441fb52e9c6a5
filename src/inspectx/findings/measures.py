"""Changes in a measure: "delays fell", "satisfaction has dropped", "the force has cut its backlog".

Whether such a clause is good news depends on two things the classifier, which knows
words but not how they combine, often gets wrong: which way the measure moved, and
which way is better for it (shorter waits, more detectives). Both are closed classes
(data/cues.json `measures`), and the parse links them: the change is the clause's verb
("rose", "was cut") or a comparative after a copula ("were longer"), and the measure is
what changed, its subject or, for a verb with an object, the object ("cut its backlog").
A quantity stands for what it counts ("the number of detectives fell").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from inspectx import resources

IMPROVEMENT, CONCERN = "improvement", "concern"
UP, DOWN = "up", "down"


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    data = resources.load("cues")["measures"]
    return {
        "lower": frozenset(data["lower_is_better"]),
        "higher": frozenset(data["higher_is_better"]),
        "quantities": frozenset(data["quantities"]),
        "timings": frozenset(data["timings"]),
        UP: resources.inflections(tuple(data["up"])),
        DOWN: resources.inflections(tuple(data["down"])),
        "up_comparatives": frozenset(data["up_comparatives"]),
        "down_comparatives": frozenset(data["down_comparatives"]),
    }


def polarity(tokens: list[Token]) -> str | None:
    """IMPROVEMENT or CONCERN when the clause reports a measure moving one way ("response
    times were longer": CONCERN; "the force has halved its backlog": IMPROVEMENT); None
    when it reports no change of a known measure, or several that disagree."""
    inside = {t.i for t in tokens}
    found = set()
    for token in tokens:
        change = _change(token)
        if change is None:
            continue
        measured = _measured(token, inside)
        better = _better(measured) if measured is not None else None
        if better is not None:
            found.add(IMPROVEMENT if (better == DOWN) == (change == DOWN) else CONCERN)
    return found.pop() if len(found) == 1 else None


def _change(token: Token) -> str | None:
    """UP or DOWN for a verb of change or a comparative predicate, else None."""
    lexicon = _lexicon()
    low = token.lower_
    if token.pos_ == "VERB" and token.dep_ not in ("amod", "acl", "relcl", "advcl", "xcomp", "pcomp"):
        if low in lexicon[UP]:
            return UP
        if low in lexicon[DOWN]:
            return DOWN
    if token.dep_ in ("acomp", "oprd") and token.head.pos_ == "AUX":
        if low in lexicon["up_comparatives"]:
            return UP
        if low in lexicon["down_comparatives"]:
            return DOWN
    return None


def _measured(change: Token, inside: set[int]) -> Token | None:
    """The noun whose measure changed: the object of a verb that has one ("cut its
    backlog"), else the subject ("delays fell", "the backlog was cut", "waits were longer")."""
    verb = change.head if change.dep_ in ("acomp", "oprd") else change
    for relations in (("dobj",), ("nsubj", "nsubjpass")):
        for child in verb.children:
            if child.dep_ in relations and child.i in inside:
                return child
    return None


def _better(noun: Token) -> str | None:
    """DOWN when less of the noun's measure is better (delays), UP when more is
    (detectives), None when unknown or mixed. A quantity ("the number of X") is read
    through to what it counts; the noun's own modifiers count too ("response times",
    "calls abandoned")."""
    lexicon = _lexicon()
    if noun.lower_ in lexicon["quantities"]:
        counted = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        if counted:
            noun = counted[0]
    words = {noun.lower_} | {
        c.lower_ for c in noun.children if c.dep_ in ("compound", "amod", "acl") and not c.is_stop
    }
    if noun.lower_ in ("time", "times") and not words & lexicon["timings"]:
        return None  # time spent with victims is no delay
    lower, higher = bool(words & lexicon["lower"]), bool(words & lexicon["higher"])
    if lower == higher:
        return None
    return DOWN if lower else UP
