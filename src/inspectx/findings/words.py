"""Closed word classes the finding rules share (data/cues.json), and token helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from inspectx import gazetteer, resources

Tokens = list[Token]

#: Nouns of evidence, which stand for what they are evidence of ("no evidence that X", "no
#: sign of improvement").
EVIDENCE_NOUNS = frozenset({"evidence", "sign", "signs", "indication", "indications", "suggestion", "proof"})
#: Nouns of lack, whose own denial is praise ("no shortage of volunteers").
LACK_NOUNS = frozenset({"shortage", "shortages", "lack", "absence", "shortfall", "dearth", "scarcity"})
#: Nouns of the cases an inspection looks at, or of an occurrence in them ("in some cases",
#: "no instance of", "12 of the 40 files").
CASE_NOUNS = frozenset(
    {
        *("case", "cases", "instance", "instances", "example", "examples", "occasion", "occasions"),
        *("incident", "incidents", "file", "files", "record", "records"),
    }
)
#: Words that make an inspection or assessment an earlier one ("its previous inspection",
#: "the last report", "a year after the original inspection").
EARLIER_WORDS = frozenset({"last", "previous", "earlier", "former", "prior", "original"})
#: Base verbs of fulfilling what an inspection asked or putting right what it found wanting
#: ("the recommendation has been met", "the risks flagged in 2022 had been addressed"):
#: `resources.inflections` gives their forms. Not "tackle" or "fix" and kin: with them the
#: held-out dev16 lost improvements (0.738 -> 0.734); "has tackled X" is as often work going on.
PUT_RIGHT_VERBS = (
    *("meet", "achieve", "implement", "address", "complete", "discharge", "fulfil", "fulfill"),
    *("resolve", "remove", "eliminate", "mitigate"),
)
#: Tags of a finite verb ("is", "found", "were", "must").
FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
#: The grades of PEEL and the other graded inspections, with the polarity of each.
GRADE_POLARITY = {
    "outstanding": "improvement",
    "good": "improvement",
    "adequate": None,
    "requires improvement": "concern",
    "inadequate": "concern",
}
#: Words that count a share of something ("half of the cases", "most victims said", "fewer
#: than one in five callers").
QUANTIFIERS = frozenset(
    {
        *("few", "fewer", "only", "some", "most", "many", "all", "none"),
        *("half", "third", "quarter", "cent", "majority", "minority"),
    }
)


@dataclass(frozen=True)
class Vocabulary:
    generic: frozenset[str]  # words that name no particular area ("area", "work", "force", ...)
    grades: tuple[tuple[str, ...], ...]  # PEEL-style grade words and superlatives, longest first
    superlatives: dict[str, str]  # "top rating" -> "outstanding"
    grade_context: frozenset[str]  # words that make a grade word a grade ("rated", "judged", ...)
    assessment_areas: tuple[tuple[str, ...], ...]  # graded areas, as words ("investigating", "crime")
    grading_verbs: frozenset[str]  # verbs whose object is what was graded, inflected
    bullets: frozenset[str]  # characters that open a bullet line
    topics: dict[str, str]  # topic words ("victims", "stalking") -> a neutral stand-in ("people", "work")
    bad_manner: frozenset[str]  # adverbs of bad practice ("unfairly", "incorrectly", "late")
    intent: frozenset[str]  # adverbs of a wrong done on purpose ("deliberately", "knowingly")
    failures: frozenset[str]  # verbs of a duty not done, inflected ("denied", "missed", "ignoring")
    needed: frozenset[str]  # what a comparison of sufficiency is with ("than necessary")
    fit: frozenset[str]  # what makes a means fit for a task ("the right skills", "proper supervision")
    states: dict[str, str]  # adjectives of a good or bad state -> "improvement" or "concern"
    amounts: frozenset[str]  # amount words ("few", "enough") that evaluate after a degree word
    degrees: frozenset[str]  # degree words that make an amount an evaluation ("too few", "not enough")


@cache
def vocabulary() -> Vocabulary:
    data = resources.load("cues")
    superlatives = data["grade_superlatives"]
    grades = sorted((tuple(g.split()) for g in [*data["grades"], *superlatives]), key=len, reverse=True)
    return Vocabulary(
        generic=frozenset(data["generic"]),
        grades=tuple(grades),
        superlatives=dict(superlatives),
        grade_context=frozenset(resources.inflections(tuple(data["grade_context"]))),
        assessment_areas=tuple(tuple(re.findall(r"[a-z]+", a)) for a in data["assessment_areas"]),
        grading_verbs=frozenset(resources.inflections(tuple(data["grading_verbs"]))),
        bullets=frozenset(data["bullet_markers"]),
        topics=dict(data["topic_words"]),
        bad_manner=frozenset(data["bad_manner_adverbs"]),
        intent=frozenset(data["intent_adverbs"]),
        failures=frozenset(resources.inflections(tuple(data["failure_verbs"]))),
        needed=frozenset(data["sufficiency"]["needed"]),
        fit=frozenset(data["sufficiency"]["fit"]),
        amounts=frozenset(data["sufficiency"]["amounts"]),
        degrees=frozenset(data["sufficiency"]["degrees"]),
        states={
            **{w: "improvement" for w in data["state_words"]["improvement"]},
            **{w: "concern" for w in data["state_words"]["concern"]},
        },
    )


def lower(tokens: Tokens) -> list[str]:
    return [t.lower_.replace("\u2019", "'") for t in tokens]


def find(tokens: Tokens, phrases: tuple[tuple[str, ...], ...]) -> list[tuple[int, int]]:
    """(start, end) positions in `tokens` where one of `phrases` (lowercased words) occurs."""
    low = lower(tokens)
    by_first = _by_first_word(phrases)
    out = []
    for i, word in enumerate(low):
        for phrase in by_first.get(word, ()):
            if tuple(low[i : i + len(phrase)]) == phrase:
                out.append((i, i + len(phrase)))
                break
    return out


@cache
def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """`phrases` grouped by their first word, each group in the order given (longest first)."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[0], []).append(phrase)
    return groups


def strip(tokens: Tokens) -> Tokens:
    """Without leading punctuation and connectors ("and", "or", "to", "that" opening a
    clause, ...), or trailing punctuation."""
    while tokens and (
        tokens[0].is_punct or tokens[0].lower_ in ("and", "or", "at", "the", "to", "also", "that")
    ):
        if tokens[0].lower_ == "the" and len(tokens) > 1:
            break
        if tokens[0].lower_ == "that" and tokens[0].dep_ in ("nsubj", "nsubjpass", "det"):
            break  # "That's a gap", "that approach": a pronoun or determiner, not a complementiser
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def specific(tokens: Tokens, minimum: int = 1) -> bool:
    """Does the phrase name something particular: `minimum` content words beyond generic ones,
    names of forces, places and inspectorates, people's titles and names, and, in a
    phrase that grades ("rated", "graded", "grades"), the grading words and grades
    themselves ("was graded inadequate", "the grades are outstanding, good, ...": no area)?
    A generic noun of state that is the predicate ("Staffing remains a concern") counts:
    with a thing named, it is a verdict on it."""
    if not tokens:
        return False
    vocab = vocabulary()
    generic = vocab.generic
    names = gazetteer.token_indices(tokens[0].doc, "FORCE", "PLACE", "INSPECTORATE", "TITLE")
    grading: set[int] = set()
    if any(t.lower_ in vocab.grade_context for t in tokens):
        grading = {t.i for t in tokens if t.lower_ in vocab.grade_context}
        grading |= {tokens[k].i for a, b in find(tokens, vocab.grades) for k in range(a, b)}
    words = [
        t
        for t in tokens
        if t.is_alpha
        and (not t.is_stop or t.pos_ == "NOUN")  # spaCy's stop words hold nouns: "call", "fire", "front"
        and t.lower_ not in generic
        and t.i not in names
        and t.i not in grading
        and not (t.ent_type_ == "PERSON" and t.pos_ == "PROPN")  # not the noun of "Victim care"
    ]
    amounts = [t for t in tokens if _amount_judged(t)]  # "too few detectives": stop words that judge
    # "is not doing enough to keep victims safe": a shortfall in what is done, however
    # stop-worded, about a thing named (not "it has not changed enough")
    if any(t.pos_ in ("NOUN", "PROPN") for t in words):
        amounts += [
            t for t in tokens if t.lower_ == "enough" and any(c.dep_ == "neg" for c in t.head.children)
        ]
    # a generic noun of state as the predicate ("Staffing remains a serious concern"): the verdict
    verdicts = [
        t for t in tokens if t.lower_ in generic and t.lower_ in vocab.states and t.dep_ in ("attr", "acomp")
    ]
    # a generic adjective as the verdict on a thing named as the subject ("The force's
    # leadership was good", "Its partnerships are strong"): the thing and the verdict
    named = {t.i for t in words}
    verdicts += [
        t
        for t in tokens
        if t.lower_ in generic
        and t.pos_ == "ADJ"
        and t.dep_ in ("attr", "acomp")
        and t not in verdicts
        and any(c.dep_ == "nsubj" and c.i in named for c in t.head.children)
    ]
    return len(words) + len(amounts) + len(verdicts) >= minimum


def _amount_judged(token: Token) -> bool:
    """Is the token an amount of a particular thing said to fall short or run over ("too
    few detectives", "not enough call handlers", "far too many vacancies"; "enough" alone:
    "had enough detectives"), an evaluation though spaCy counts it a stop word? Not of
    nothing ("has done enough"), of a generic noun, nor of cases ("in too many cases")."""
    vocab = vocabulary()
    if token.lower_ not in vocab.amounts or token.dep_ not in ("amod", "det", "nummod"):
        return False
    if token.head.pos_ != "NOUN" or token.head.lower_ in vocab.generic or token.head.lower_ in CASE_NOUNS:
        return False  # "in too many cases": how often, not what
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.lower_ == "enough" or (before is not None and before.lower_ in vocab.degrees)


def is_year(token: Token) -> bool:
    """Is the token a year ("2022", "1998"), not a count?"""
    return token.like_num and len(token.text) == 4 and token.text[:2] in ("19", "20")
