"""Graded judgements: PEEL-style grades (outstanding, good, adequate, requires improvement,
inadequate) with the area each is given for.

A grade word counts as a grade only in grading context ("rated", "judged", "graded",
a grade in quotes or in brackets, "the extent to which ...") or before an area
inspectorates grade ("requires improvement at responding to the public"; the closed
list is `assessment_areas` in data/cues.json). The area is what follows
"for"/"at"/"in" ("good at preventing crime, for efficiency and for legitimacy" gives
three), or the graded subject ("its approach to crime recording was judged
inadequate"), or the force itself (its overall grade). Grades are found before the
finding classifier runs, and a graded clause becomes findings by its grades' polarity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from inspectx import gazetteer, resources
from inspectx.findings import attribution
from inspectx.findings.words import (
    CASE_NOUNS,
    EARLIER_WORDS,
    FINITE_TAGS,
    GRADE_POLARITY,
    QUANTIFIERS,
    find,
    is_year,
    lower,
    specific,
    strip,
    vocabulary,
)

IMPROVEMENT, CONCERN = "improvement", "concern"
_QUOTES = {"'", "\u2018", "\u2019", '"', "\u201c", "\u201d"}


@dataclass(frozen=True)
class GradeSpan:
    area: str
    grade: str
    force: str | None = None  # the force the grade's sentence names (its gazetteer id), if any


_SEPARATORS = (":", "\u2013", "\u2014", "-", "|")  # between a table row's area and its grade


#: Words of degree before "good" or "inadequate" that make it an adjective, not a grade
#: ("Less good: the force ...", "very good at", "so inadequate"); not "as" ("rated as good").
_DEGREES = frozenset(
    {"less", "more", "most", "least", "very", "so", "too", "quite", "pretty", "fairly", "really"}
)


#: Nouns a grade word may stand before and still be the grade ("an outstanding rating for
#: ..."); before any other noun it describes the thing ("good practice", "a backlog of
#: outstanding suspects", "inadequate staffing").
_GRADE_NOUNS = frozenset({"grade", "grades", "rating", "ratings", "judgement", "judgment", "mark"})


def grades_in(doc: Doc, tokens: list[Token]) -> list[tuple[str | None, str, int, int, GradeSpan]]:
    """Graded judgements in a clause: (polarity, text, start, end, GradeSpan) each.

    Polarity is None for "adequate"; start and end are character offsets into the text.
    """
    c = vocabulary()
    tokens = _unbarred(tokens)
    sent = gazetteer.sentence_of(doc, tokens[0].i) if tokens else None
    fronted = [t for t in sent if t.i < tokens[0].i] if sent is not None and sent[0].lower_ == "in" else []
    first = next(iter(find(tokens, c.grades)), None)
    # a grade given for an area inspectorates grade is that area's, whatever shares the
    # clause counts ("records 94.5 per cent of crimes and has graded it good for crime data
    # integrity")
    area_named = first is not None and _names_an_area(_after_grade(tokens, first[1]))
    if not area_named and _judges_cases(fronted + _main_part(tokens), tokens[first[0]].i if first else None):
        return []  # "in more than half of the cases, the response was judged inadequate": no grade
    leading = grade_first_row(tokens)
    if leading is not None:
        grade, areas = leading
        return [_row_grade(doc, area, grade) for area in areas]
    low = lower(tokens)
    hits = find(tokens, c.grades)
    named = [(s, e) for s, e in hits if " ".join(low[s:e]) not in c.superlatives]
    if named:  # "its highest grade, good, was for ...": the grade is the one named
        hits = named
    if not hits:
        return []
    joined = f" {' '.join(low)} "
    context = (
        any(t.lower_ in c.grade_context for t in tokens) or " found to be " in joined
    )  # "was found to be adequate"
    extent = "extent" in low and "which" in low
    if any(t.lower_ in _EARLIER for t in tokens):
        return []  # "it was previously rated inadequate at ...": an earlier inspection's grade
    out = []
    scale = _scale(tokens, hits)
    for start, end in hits:
        if start in scale:
            continue  # "grades running from outstanding to inadequate": the scale, no grade given
        if _negated(tokens[start]):
            continue  # "no longer graded inadequate", "not rated outstanding in any area"
        if unrealised(tokens[start]):
            continue  # "aims to be rated good", "would have been judged inadequate": no grade given
        if _changed_from(tokens, start):
            continue  # "good, up from requires improvement in 2022": the grade it changed from
        if start > 0 and tokens[start - 1].lower_ in ("no", "any"):
            continue  # "gave the force no outstanding grades", "did not receive any good grades"
        if start > 0 and tokens[start - 1].lower_ in _DEGREES:
            continue  # "Less good: ...", "not so good": an adjective of degree, no grade
        grade = " ".join(low[start:end])
        grade = c.superlatives.get(grade, grade)  # "the top rating for ..." is outstanding
        grade = "requires improvement" if "improvement" in grade else grade
        parenthetical = start > 0 and tokens[start - 1].text == "("
        if parenthetical and any(e == start - 1 for _, e in hits):
            continue  # "Investigating crime: Good (Adequate)": the bracket holds another (earlier) grade
        # the closing mark may be cut off the clause's end ("judged 'inadequate'.")
        after = tokens[end] if end < len(tokens) else _next_token(tokens[end - 1])
        closing = after.text if after is not None else ""
        quoted = start > 0 and tokens[start - 1].text in _QUOTES and closing in _QUOTES
        # a line of a grade table: "Investigating crime: requires improvement"
        labelled = (
            2 <= start <= 10
            and (tokens[start - 1].text in _SEPARATORS or _area_cell(tokens, start))
            and _row_ends(tokens[end:])
        )
        if not (
            context
            or extent
            or parenthetical
            or quoted
            or labelled
            or _names_an_area(tokens[end:])
            or _refers_back(tokens[end : end + 4])  # "requires improvement in that area"
            or _areas_after_count(tokens[end:])  # "requires improvement in three areas: A, B and C"
            or _areas_as_subject(tokens, start)  # "Managing offenders was adequate"
            or _grade_noun_areas(tokens[start], tokens) is not None  # "Its grade for X was good"
        ):
            continue
        if (
            grade == "good"
            and end < len(tokens)
            and tokens[end].pos_ in ("NOUN", "PROPN")
            and not parenthetical
        ):
            continue  # "good practice" is praise, not a grade
        if (
            end - start == 1
            and end < len(tokens)
            and tokens[start].dep_ == "amod"
            and tokens[start].head.i == tokens[end].i
            and tokens[end].pos_ == "NOUN"
            and tokens[end].lower_ not in _GRADE_NOUNS
            and not parenthetical
        ):
            continue  # "a backlog of outstanding suspects", "inadequate cover": the thing described
        if parenthetical or labelled:
            separated = parenthetical or tokens[start - 1].text in _SEPARATORS  # not a table's spaces
            area_tokens = strip(tokens[: start - 1 if separated else start])
            areas = [area_tokens] if area_tokens else []
        elif extent:
            which = low.index("which")
            area_tokens = tokens[which + 1 : start]
            area_tokens = [t for t in area_tokens if t.lower_ not in ("the", "force", "is", "to")]
            areas = [area_tokens[:-1] if area_tokens and area_tokens[-1].lower_ == "is" else area_tokens]
        else:
            rest = tokens[end + 1 :] if quoted else tokens[end:]
            if rest and rest[0].lower_ in ("rating", "grade", "grading", "judgment", "judgement"):
                if _earlier_grade(rest[0]):
                    continue  # "an improvement on the inadequate grade it had received in 2019"
                rest = rest[1:]
            given = _given_for(tokens, start, end)
            listed = _areas_after_count(rest)
            if given is not None and given[0].lower_ == "to":
                areas = _split_areas(given[1:])  # "went to | managing offenders"
            elif given is not None:
                areas = [_with_prep(a, given[0]) for a in _split_areas(given)]
            elif listed:
                areas = listed
            elif rest and rest[0].lower_ in ("for", "at", "in"):
                areas = [_with_prep(a, rest[0]) for a in _split_areas(rest)]
            elif (opening := _fronted_area(tokens[start])) is not None:
                areas = [opening]  # "For responding to the public, the verdict is good"
            elif (held := _grade_noun_areas(tokens[start], tokens)) is not None:
                areas = held  # "Its grades for A and for B were adequate"
            else:
                window = tokens[max(0, start - 5) : start]
                cut = max((i + 1 for i, t in enumerate(window) if t.lower_ in ("and", ",", ";")), default=0)
                window = window[cut:]
                named = [
                    t for t in window if t.lower_ in ("overall", "effectiveness", "efficiency", "legitimacy")
                ]
                if not named:
                    listed = _areas_as_subject(tokens, start)
                    if len(listed) > 1:  # "A, B and C were adequate": each area its grade
                        out.extend(_row_grade(doc, area, grade) for area in listed)
                        continue
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
                last = after if quoted else tokens[end - 1]  # both marks
                s0, e0 = area[0].idx, last.idx + len(last.text)
                text = gazetteer.text_of(doc)[s0:e0]
                out.append(
                    (
                        GRADE_POLARITY[grade],
                        text,
                        s0,
                        e0,
                        GradeSpan(_area_name(_words(area)), grade),
                    )
                )
                continue
            # "now requires improvement in that area": the area named before
            referred = _area_before(doc, tokens[0]) if area and _refers_back(area) else None
            if area and referred is None and not specific(area, minimum=1):
                continue  # "inadequate in every area examined"
            area_text = _words(referred or area) if area else "overall"
            # a grade of an area named before is a grade, not a finding of its own: its words
            # ("good in that area") name nothing, and the sentence before tells the area
            polarity = GRADE_POLARITY[grade] if referred is None else None
            span_tokens = area or tokens[start:end]
            s = min(tokens[start].idx, span_tokens[0].idx)
            if quoted:
                s = min(s, tokens[start - 1].idx)  # "'good' for X": both quotes or neither
            # a quoted grade keeps both its marks ("judged 'inadequate'"), or neither
            grade_end = after if quoted else tokens[end - 1]
            e = max(grade_end.idx + len(grade_end.text), span_tokens[-1].idx + len(span_tokens[-1].text))
            if area and area[-1].i < tokens[start].i:
                text = gazetteer.text_of(doc)[area[0].idx : grade_end.idx + len(grade_end.text)]
            elif not area:  # the force's overall grade: "graded inadequate"
                # its context word ("graded inadequate") or its opening mark starts it
                context_word = start and tokens[start - 1].lower_ in c.grade_context
                first = tokens[start - 1] if context_word or quoted else tokens[start]
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
    # "Good - the force was graded good at X": the bare grade word answers for the area's grade
    # (not "rated good overall, and good at X": an overall grade given as such)
    areas_graded = {item[4].grade for item in out if item[4].area != "overall"}
    return [
        item
        for item in out
        if item[4].area != "overall" or item[4].grade not in areas_graded or item[1].lower() != item[4].grade
    ]


def _grade_noun_areas(grade: Token, tokens: list[Token]) -> list[list[Token]] | None:
    """The areas of a grade said of a grade noun with "for", "in" or "at" ("Its grades for
    managing offenders and for protecting vulnerable people were adequate", "The force's
    rating in investigating crime was good"), each with its preposition; None for any
    other grade."""
    if grade.dep_ not in ("acomp", "attr"):
        return None
    subject = next((c for c in grade.head.children if c.dep_ == "nsubj" and c.lower_ in _GRADE_NOUNS), None)
    prep = next((c for c in subject.children if c.lower_ in ("for", "in", "at")), None) if subject else None
    if prep is None or prep.i > grade.head.i:
        return None
    # the words from the preposition to the copula, whatever the parser hung where
    # ("for A and for building, supporting and protecting the workforce | were adequate")
    named = [t for t in tokens if prep.i <= t.i < grade.head.i]
    areas = [_with_prep(a, prep) for a in _split_areas(named)]
    return [a for a in areas if len(a) > 1] or None


def _changed_from(tokens: list[Token], start: int) -> bool:
    """Is the grade at `start` the one a change started from ("up from requires
    improvement", "moved from an inadequate grade to good", "improved from adequate"):
    "from", with at most an article between, before it? That grade is an earlier
    inspection's."""
    before = [t.lower_ for t in tokens[max(start - 2, 0) : start]]
    return before[-1:] == ["from"] or (len(before) == 2 and before[0] == "from" and before[1] in _ARTICLES)


_ARTICLES = frozenset({"a", "an", "the", "its"})


def _fronted_area(grade: Token) -> list[Token] | None:
    """The area a sentence opens with, set off by a comma before the grade ("For responding
    to the public, | this time the verdict is requires improvement", "In investigating
    crime, the force was rated good"); None when it opens with none."""
    sent = grade.sent
    comma = next((t for t in sent if t.text == "," and t.i < grade.i), None)
    if comma is None or sent[0].lower_ not in ("for", "in", "at"):
        return None
    opening = [t for t in sent if t.i < comma.i]
    return opening if _names_an_area(opening) else None


def _gapped_grade(token: Token | None) -> bool:
    """Does a name open a clause whose verb is left out, its grade after the name ("..., and
    | Norfolk Constabulary inadequate at B")? Its grade is the named one's, not more areas."""
    while token is not None and token.pos_ == "PROPN":
        token = _next_word(token)
    return token is not None and token.lower_ in _GRADE_STARTS


def _next_token(token: Token) -> Token | None:
    """The token after `token` in its Doc, or None at the end."""
    return token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None


#: Nouns that a grade set off by commas names ("The lowest grade, inadequate, ...").


def _given_for(tokens: list[Token], start: int, end: int) -> list[Token] | None:
    """The words from the preposition that names the area of a grade set off by commas
    after a grade noun ("The lowest grade, inadequate, was given for | responding to the
    public", "Its best grade, good, was for | preventing crime", "The highest rating,
    outstanding, went to | managing offenders"), or after a grade noun's "of" ("Its only
    grade of good was for | preventing crime"), or None."""
    if not (start - 1 > 0 and end < len(tokens)) or tokens[start - 2].lower_ not in _GRADE_NOUNS:
        return None
    if tokens[start - 1].text == "," and tokens[end].text == ",":
        after = tokens[end + 1 :]
    elif tokens[start - 1].lower_ == "of" and tokens[end].pos_ in ("AUX", "VERB"):
        after = tokens[end:]  # "a grade of good | was given for ..."
    else:
        return None
    prep = next((k for k, t in enumerate(after[:5]) if t.lower_ in ("for", "to", "at", "in")), None)
    return after[prep:] if prep is not None and len(after) > prep + 1 else None


#: What an inspection samples and judges one by one, unlike the areas it grades.
_SAMPLED = CASE_NOUNS | {
    *("investigation", "investigations", "crime", "crimes", "call", "calls", "search", "searches"),
    *("decision", "decisions"),
}


#: Words that open, after a comma, an adjunct or relative clause that tells more of what
#: came before it (", where 92 per cent of calls were answered ...").
_TELLING_MORE = frozenset({"where", "which", "with", "as", "after", "while", "whilst", "because"})


def _main_part(tokens: list[Token]) -> list[Token]:
    """The clause up to a comma that opens an adjunct telling more of it: "rated good at
    responding to the public | , where 92 per cent of calls were answered ..."."""
    for n, token in enumerate(tokens[:-1]):
        if token.text == "," and tokens[n + 1].lower_ in _TELLING_MORE:
            return tokens[:n]
    return tokens


def told_after(tokens: list[Token]) -> tuple[list[Token], int] | None:
    """What a graded clause tells after its area, as a clause of its own, and how many of
    its opening tokens only attribute it: a ", where" clause ("rated good at responding to
    the public, where | inspectors found that | 92 per cent of 999 calls were answered in
    time"), what the inspectors are said to find with it ("rated inadequate at X, with |
    inspectors finding that | supervision had fallen away") or what a report named after
    the area found ("rated inadequate at X, in a report | which found that | fewer than one
    in 20 crimes ended in a charge"); None when there
    is none. The attribution stays for the classifier, which reads a bare figure as no
    finding, and is left out of the finding."""
    inside = {t.i for t in tokens}
    for n, token in enumerate(tokens[:-2]):
        if token.text != ",":
            continue
        if tokens[n + 1].lower_ == "where":
            rest = tokens[n + 2 :]
            if any(t.tag_ in FINITE_TAGS for t in rest) and len(rest) >= 4:
                return rest, _attribution_length(rest)
        following = tokens[n + 1]
        if following.tag_ == "VBG" and _tells_a_clause(following):
            # "rated outstanding for X, | estimating that | it records 95 per cent of crimes"
            rest = tokens[n + 1 :]
            opening = 1 + (len(rest) > 1 and rest[1].lower_ == "that")
            if len(rest) - opening >= 4 and any(t.tag_ in FINITE_TAGS for t in rest[opening:]):
                return rest, opening
        if tokens[n + 1].lower_ == "with":  # "rated inadequate at X, with | inspectors finding that | Y"
            rest = tokens[n + 2 :]
            length = _attribution_length(rest)
            verb = next((t for t in rest[:length] if t.pos_ == "VERB"), None)
            if verb is not None and verb.tag_ == "VBG" and verb.lower_ in _reporting_participles():
                return rest, length
        for verb in tokens[n + 1 :]:
            if verb.dep_ == "relcl" and attribution.names_the_inspection(verb.head):
                told = _complement(tokens, verb, inside)
                if told is not None:
                    return told
    hits = find(tokens, vocabulary().grades)
    if not hits:
        return None
    graded_at = tokens[hits[0][0]].i
    for verb in tokens:
        # "rated inadequate at X after | inspectors found that | callers waited too long"
        subject = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.i < graded_at or verb.dep_ != "advcl" or not subject:
            continue
        if attribution.names_the_inspection(subject[0]):
            told = _complement(tokens, verb, inside)
            if told is not None:
                return told
    for verb in tokens:
        # "The inspectorate graded the force good at X, and | found that | Y": a second
        # predicate of the grading subject, which reports a finding of its own (a reporting
        # verb: see _complement)
        if verb.i < graded_at or verb.dep_ != "conj":
            continue
        subjects = [c for c in (*verb.children, *verb.head.children) if c.dep_ == "nsubj"]
        # a pronoun that grades stands for the inspection: "It graded the force X, and found that Y"
        grader = (
            bool(subjects)
            and subjects[0].lower_ in ("it", "they")
            and verb.head.lower_ in vocabulary().grade_context
        )
        if subjects and (attribution.names_the_inspection(subjects[0]) or grader):
            told = _complement(tokens, verb, inside)
            if told is not None:
                return told
            if verb.pos_ == "VERB" and verb.lower_ not in vocabulary().grade_context:
                # "rated the force good at X and | singled out Y as an example of good
                # practice": a second judgement of the grader's, read as a clause of its own
                own = {t.i for t in verb.subtree}
                rest = [t for t in tokens if t.i in own]
                # not "grades it good at X and | requires improvement at Y": a grade of its own
                graded = any(t.lower_ in vocabulary().grade_context for t in rest) or grades_in(
                    verb.doc, rest
                )
                if len(rest) >= 4 and not graded:
                    return rest, 0
    return None


#: Verbs that report what an inspection found (their inflections are matched; the
#: pipeline has no lemmatizer).
_REPORTING_VERBS = (
    *("find", "say", "conclude", "show", "reveal"),
    *("note", "warn", "highlight", "identify", "discover", "estimate"),
)


def _reporting_participles() -> frozenset[str]:
    """The -ing forms of _REPORTING_VERBS ("finding", "saying", "noting" ...)."""
    return frozenset(w for w in resources.inflections(_REPORTING_VERBS) if w.endswith("ing"))


def _complement(tokens: list[Token], verb: Token, inside: set[int]) -> tuple[list[Token], int] | None:
    """The reporting verb's clause from its subject on, and where its complement starts
    (after "that"), or None when it reports no complement of four words or more."""
    if verb.lower_ not in resources.inflections(_REPORTING_VERBS):
        return None  # "a report that graded the force inadequate for X": its grade, not a finding
    said = next((c for c in verb.children if c.dep_ == "ccomp" and c.i in inside), None)
    if said is None or sum(1 for t in said.subtree if t.i in inside) < 4:
        return None
    rest = [t for t in tokens if t.i >= verb.left_edge.i]
    found = (k for k, t in enumerate(rest) if t.i >= said.left_edge.i and t.dep_ != "mark")
    return rest, next(found)


def _attribution_length(tokens: list[Token]) -> int:
    """How many opening tokens are "inspectors found (that)", or 0."""
    for n, token in enumerate(tokens[:4]):
        subject = [t for t in tokens[:n] if t.dep_ == "nsubj" and t.head.i == token.i]
        if subject and attribution.names_the_inspection(subject[0]) and token.pos_ == "VERB":
            opening = n + 1 + (n + 1 < len(tokens) and tokens[n + 1].lower_ == "that")
            return opening if len(tokens) - opening >= 3 else 0
    return 0


#: Dependencies of a clause of its own under another.
_OWN_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "acl", "conj"})


def _judges_cases(tokens: list[Token], graded_at: int | None = None) -> bool:
    """Does the clause grade a counted share of sampled cases ("in more than half of the cases
    ..., the response was judged inadequate", "rated 12 of the 40 files inadequate")? Such
    a judgement is a finding about the cases, not one of the force's graded areas. A share
    told after the grade word (Doc index `graded_at`) in a clause of its own does not count
    ("rated inadequate at X, in a report which found that one in 20 crimes ...")."""
    for n, t in enumerate(tokens):
        if t.lower_ not in _SAMPLED:
            continue
        # a share told after the grade in a clause of its own ("rated inadequate at X, in a
        # report which found that one in 20 crimes ...")
        after_grade = graded_at is not None and t.i > graded_at
        clauses = (a for a in t.ancestors if a.dep_ in _OWN_CLAUSES and a.pos_ in ("VERB", "AUX"))
        if after_grade and any(True for _ in clauses):
            continue  # "rated X, in a report which found that one in 20 crimes ...": a clause of its own
        k = n - 1  # read back over the noun's modifiers ("the 40 rape"), however parsed
        while k >= 0 and n - k <= 4 and (_modifier(tokens[k]) or tokens[k].like_num):
            if tokens[k].like_num:
                return True  # "12 of the 40 files", "30 cases"
            k -= 1
        share = k >= 1 and (tokens[k - 1].like_num or tokens[k - 1].lower_ in QUANTIFIERS)
        if share and tokens[k].lower_ == "of":
            return True  # "more than half of the cases"
    return False


def _refers_back(area: list[Token]) -> bool:
    """Is the area only a pointer to one named before ("that area", "this area", "the same
    area")?"""
    words = [t.lower_ for t in area if t.is_alpha]
    if words and words[0] in ("in", "at", "for"):
        words = words[1:]
    return len(words) in (2, 3) and words[-1] == "area" and words[0] in ("that", "this", "the")


def _area_before(doc: Doc, first: Token) -> list[Token] | None:
    """The last area inspectorates grade named in the sentence before `first`'s, or earlier
    in its own ("Responding to the public is no longer graded inadequate; the force now
    requires improvement in that area"); None when there is none."""
    sent = gazetteer.sentence_of(doc, first.i)
    previous = gazetteer.sentence_of(doc, sent.start - 1) if sent.start > 0 else None
    start = previous.start if previous is not None else sent.start
    words = [t for t in doc[start : first.i] if t.is_alpha]
    low = [t.lower_ for t in words]
    found = None
    for area in vocabulary().assessment_areas:
        for n in range(len(low) - len(area) + 1):
            if tuple(low[n : n + len(area)]) == area and (found is None or n >= found[0]):
                found = (n, words[n : n + len(area)])
    return found[1] if found is not None else None


def _modifier(token: Token) -> bool:
    return token.pos_ in ("DET", "ADJ", "NUM", "NOUN") or token.dep_ in ("amod", "compound", "nummod", "det")


def denied(tokens: list[Token]) -> bool:
    """Does the clause deny a grade ("is no longer graded inadequate at X", "was not rated
    outstanding in any area") or name one not given ("aims to be rated good", "would have
    been judged inadequate", see `unrealised`)? It is no finding: the grade it names is one
    the force does not have, and which it has instead it does not say (a classifier reading
    its words would take the named grade for the finding)."""
    c = vocabulary()
    if not any(t.lower_ in c.grade_context for t in tokens):
        return False
    return any(_negated(tokens[start]) or unrealised(tokens[start]) for start, _ in find(tokens, c.grades))


def _scale(tokens: list[Token], hits: list[tuple[int, int]]) -> set[int]:
    """The starts of grade words that span a range of grades ("from outstanding to
    inadequate", "ranging from good to requires improvement"): the grading scale, unless
    an area follows ("rose from inadequate to good at investigating crime")."""
    out = set()
    for start, _ in hits:
        if start == 0 or tokens[start - 1].lower_ != "from":
            continue
        for other, end in hits:
            ranged = other > start and tokens[other - 1].lower_ in ("to", "through") and other - start <= 6
            if ranged and not _names_an_area(tokens[end:]):  # not "from inadequate to good at X"
                out |= {start, other}
    return out


def _negated(grade: Token) -> bool:
    """Is the grade denied, on itself or the verb that awards it ("not rated outstanding",
    "has never been judged good", "is no longer graded inadequate"), or on what the clause
    that gives it describes ("no area in which it was judged outstanding")? Such a sentence names a
    grade the force does not have; what it has, it does not say."""
    token = grade
    for _ in range(3):
        for child in token.children:
            if _bracketed(child) and not _bracketed(grade):
                continue  # "Leadership: Good (not graded in 2023)": the bracket denies another grade
            if child.dep_ == "neg" and child.lower_ != "no":
                return True
            no_longer = child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children)
            if child.dep_ == "advmod" and no_longer:
                return True
        if token.dep_ == "relcl" and _denied(token.head):
            return True  # "no area in which it was judged outstanding", "none in which it was ..."
        awards = token.pos_ in ("VERB", "AUX") and token.dep_ not in ("xcomp", "auxpass")
        if token.head.i == token.i or awards:
            break
        token = token.head
    return False


def _denied(noun: Token) -> bool:
    """Is the noun denied: "none", "nothing", or with "no" before it ("no area")?"""
    return noun.lower_ in ("none", "nothing", "neither") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in noun.children
    )


#: Verbs, nouns and adjectives of intent or expectation: a grade "to be" given under them
#: is hoped for or foreseen, not given ("aims to be rated good", "its ambition to be graded
#: outstanding", "is expected to be judged good").
_INTENT_VERBS = ("aim", "hope", "want", "wish", "expect", "intend", "plan", "strive", "aspire", "seek")
_INTENT_WORDS = frozenset(
    {
        *("aim", "aims", "ambition", "ambitions", "target", "targets", "goal", "goals"),
        *("hope", "hopes", "plan", "plans", "aspiration", "aspirations", "bid", "intention"),
        *("likely", "unlikely", "set", "determined", "keen", "ready", "due"),
    }
)
#: Modals of what would, could or will be: a grade under one is not (yet) given.
_UNREAL_MODALS = frozenset({"would", "could", "might", "will", "'ll", "may"})


def unrealised(grade: Token) -> bool:
    """Is the grade one the force is not given but aims, hopes or is expected to get ("aims
    to be rated good", "its target is to be judged good in every area", "wants the force to
    be graded outstanding"), would, could or will get ("would have been rated
    inadequate"), or avoided or fell short of (`_missed`)? Read on the verbs from the grade
    up to the one that awards it."""
    if _missed(grade):
        return True
    intent = resources.inflections(_INTENT_VERBS) | _INTENT_WORDS
    token = grade
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in _UNREAL_MODALS for c in token.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and token.head.i != token.i:
            head = token.head
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if head.lower_ in intent or any(s.lower_ in intent for s in subjects):
                return True
        awards = token.pos_ in ("VERB", "AUX") and token.dep_ not in ("xcomp", "auxpass")
        if token.head.i == token.i or awards:
            break  # "will be pleased that it was rated good": the grade is given
        token = token.head
    return False


#: Verbs of a grade not given: "avoided an inadequate grade", "missed out on outstanding".
_MISSING = resources.inflections(("avoid", "escape", "miss", "dodge"))


def _missed(grade: Token) -> bool:
    """Is the grade one the force avoided or fell short of ("stopped short of rating the
    force inadequate", "missed out on an outstanding grade", "avoided being rated
    inadequate")? Read up to the first finite verb."""
    for token in grade.ancestors:
        if token.lower_ in _MISSING:
            return True
        if token.lower_ == "short" and any(c.lower_ == "of" for c in token.children):
            return True  # "stopped short of | rating the force inadequate", "fell short of"
        if token.tag_ in ("VBD", "VBZ", "VBP"):
            return False
    return False


def _bracketed(token: Token) -> bool:
    """Is the token inside round brackets within its sentence?"""
    depth = 0
    for t in gazetteer.sentence_of(token.doc, token.i):
        if t.i == token.i:
            return depth > 0
        depth += (t.text == "(") - (t.text == ")")
    return False


def _after_grade(tokens: list[Token], end: int) -> list[Token]:
    """What follows a grade word ending at `end`, past a closing quote ("'good' for ...")."""
    return tokens[end + 1 :] if end < len(tokens) and tokens[end].text in _QUOTES else tokens[end:]


def _names_an_area(rest: list[Token]) -> bool:
    """Does `rest` (what follows a grade word) open with "at", "in" or "for" and an area
    inspectorates grade ("... requires improvement at responding to the public")?"""
    if not rest or rest[0].lower_ not in ("at", "in", "for"):
        return False
    words = as_activity(tuple(t.lower_ for t in rest[1:12] if t.is_alpha))
    return any(words[: len(area)] == area for area in vocabulary().assessment_areas)


#: Subjects of "how ... does X" that are the force graded ("in how it investigates crime").
_ACTIVITY_SUBJECTS = (("it",), ("the", "force"), ("they",), ("the", "constabulary"), ("the", "service"))


def as_activity(words: tuple[str, ...]) -> tuple[str, ...]:
    """Lowercased words of an area, an activity put as "how it does X" read as "doing X" ("how
    it investigates crime" as "investigating crime", "how well the force responds to the
    public" as "responding to the public"), as inspectorates name their graded areas, and
    an activity put as a noun likewise (`_nominal_activity`: "its response to the public");
    other words as they are."""
    if not words:
        return words
    if words[0] != "how":
        return _nominal_activity(words)
    rest = words[2:] if words[1:2] in (("well",), ("effectively",)) else words[1:]
    subject = next((s for s in _ACTIVITY_SUBJECTS if rest[: len(s)] == s), None)
    if subject is None or len(rest) <= len(subject):
        return words
    verb, *after = rest[len(subject) :]
    if not verb.endswith("s") or verb.endswith("ss") or len(verb) < 4:
        return words
    base = verb[:-2] if verb.endswith(("ches", "shes", "sses", "xes")) else verb[:-1]
    return (resources.gerund(base), *after)


#: Nouns of a graded activity and its verb ("its response to the public": "responding to
#: the public"; "the management of offenders": "managing offenders").
_NOMINAL_ACTIVITIES = {
    "response": "respond",
    "prevention": "prevent",
    "investigation": "investigate",
    "management": "manage",
    "protection": "protect",
    "treatment": "treat",
}
#: Nouns whose infinitive names a graded activity ("its work to prevent crime").
_EFFORT_NOUNS = frozenset({"work", "efforts", "effort", "approach", "ability"})
#: The force, as an area's possessor ("the force's response to ...").
_POSSESSORS = frozenset({"the", "its", "their", "force", "force's", "constabulary", "constabulary's"})


def _nominal_activity(words: tuple[str, ...]) -> tuple[str, ...]:
    """An activity put as a noun read as "doing X" when that is an area inspectorates grade
    ("the force's response to the public", "its work to prevent crime", "the management of
    offenders"); other words as they are."""
    n = 0
    while n < len(words) - 1 and words[n] in _POSSESSORS:
        n += 1
    head, after = words[n], words[n + 1 :]
    reading = None
    if head in _NOMINAL_ACTIVITIES and after[:1] in (("to",), ("of",)):
        verb = _NOMINAL_ACTIVITIES[head]
        reading = (resources.gerund(verb), *(after[1:] if after[0] == "of" else after))
    elif head in _EFFORT_NOUNS and after[:1] == ("to",) and len(after) > 1:
        reading = (resources.gerund(after[1]), *after[2:])
    if reading is None or len(reading) < 2:
        return words
    if any(reading[: len(area)] == area for area in vocabulary().assessment_areas):
        return reading
    return words


def grade_word(token: Token) -> bool:
    """Is the token part of a grade's name ("requires" in "requires improvement")?"""
    doc = token.doc
    following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return token.lower_ in ("requires", "require") and following == "improvement"


def before_grading(tokens: list[Token]) -> list[Token]:
    for i, t in enumerate(tokens):
        if t.lower_ in vocabulary().grade_context:
            return tokens[:i]
    return tokens


def _unbarred(tokens: list[Token]) -> list[Token]:
    """A Markdown table row without its outer bars ("| Investigating crime | Good |", as
    trafilatura writes a saved page's table) and without emphasis marks ("| **Good** |")."""
    tokens = [t for t in tokens if t.text.strip("*_")]
    start, end = 0, len(tokens)
    while start < end and tokens[start].text == "|":
        start += 1
    while end > start and tokens[end - 1].text == "|":
        end -= 1
    return tokens[start:end]


def _closing(token: Token) -> bool:
    """Punctuation, or a table's closing bar ("| Investigating crime | Good |"), which spaCy
    counts as a symbol."""
    return token.is_punct or token.text in _SEPARATORS


def _row_ends(rest: list[Token]) -> bool:
    """Does a grade table's row end after its grade: closing punctuation, or a short
    bracket and then closing punctuation ("Good (Adequate in 2023)", "Good (not graded)")?"""
    if rest and rest[0].text == "(":
        close = next((n for n, t in enumerate(rest) if t.text == ")"), None)
        if close is None or close > 6:
            return False
        rest = rest[close + 1 :]
    return all(_closing(t) for t in rest)


def area_row(tokens: list[Token]) -> bool:
    """Is the line a grade table's row: an area inspectorates grade, then a grade, and
    nothing else ("Investigating crime: good", "Good use of resources      Adequate"), or
    a grade and then the areas given it (see `grade_first_row`)?"""
    ends = [s for s, e in find(tokens, vocabulary().grades) if _row_ends(tokens[e:])]
    return bool(ends) and _area_cell(tokens, ends[-1]) or grade_first_row(tokens) is not None


def table_cells(tokens: list[Token]) -> list[list[Token]] | None:
    """The cells of a table row whose cells are set off by bars ("| Investigating crime |
    Good | Adequate |"), or None for a line with fewer than three cells."""
    cells: list[list[Token]] = [[]]
    for t in tokens:
        if t.text == "|":
            cells.append([])
        else:
            cells[-1].append(t)
    cells = [c for c in cells if c]
    return cells if len(cells) >= 3 else None


def current_grade_column(cells: list[list[Token]]) -> int | None:
    """Which column of a grade table holds this inspection's grades, from its header row
    ("PEEL area | 2026 grade | 2023 grade": 1; "Area | Previous grade | Current grade": 2),
    when the table has two grade columns or more; None for any other row. The latest year
    wins; without years, the first grade column not called earlier (`EARLIER_WORDS`)."""
    headers = frozenset(resources.load("cues")["grade_headers"])
    columns = []
    for n, cell in enumerate(cells[1:], start=1):
        words = set(lower(cell))
        years = [int(t.text) for t in cell if is_year(t)]
        if years or headers & words:
            columns.append((n, max(years, default=None), bool(EARLIER_WORDS & words)))
    if len(columns) < 2:
        return None
    if all(year is not None for _, year, _ in columns):
        return max(columns, key=lambda c: c[1])[0]
    return next((n for n, _, earlier in columns if not earlier), None)


def grade_first_row(tokens: list[Token]) -> tuple[str, list[list[Token]]] | None:
    """(grade, areas) for a line that is a grade, a separator and the areas given that
    grade, every one an area inspectorates grade ("Good: responding to the public;
    protecting vulnerable people", "Requires improvement - investigating crime"); None
    for any other line (also "Inadequate: none")."""
    words = [t for t in tokens if not t.is_space]
    while words and words[0].text in _BULLETS:
        words = words[1:]  # "- Good: A; B", an item of a list
    starts = [(s, e) for s, e in find(words, vocabulary().grades) if s == 0]
    if not starts:
        return None
    end = max(e for _, e in starts)
    if end >= len(words) or words[end].text not in _SEPARATORS:
        return None
    grade = " ".join(lower(words[:end]))
    grade = "requires improvement" if "improvement" in grade else vocabulary().superlatives.get(grade, grade)
    if grade not in GRADE_POLARITY:
        return None
    pieces: list[list[Token]] = [[]]
    for t in words[end + 1 :]:
        if t.text in (";", ",", "/"):
            pieces.append([])
        elif not (t.is_punct and t.text not in ("-",)):
            pieces[-1].append(t)
    areas: list[list[Token]] = []
    for piece in (strip(p) for p in pieces):
        if not piece:
            continue
        if _area_cell(piece, len(piece)):
            areas.append(piece)
            continue
        halves = _split_on_and(piece)
        if halves is None:
            return None
        areas += halves
    return (grade, areas) if areas else None


#: Marks that open a list item.
_BULLETS = frozenset({"-", "*", "\u2022", "\u2013", "\u2014", "\u25aa", "\u25cf"})


def _split_on_and(piece: list[Token]) -> list[list[Token]] | None:
    """ "preventing crime and managing offenders": two assessed areas, or None."""
    for n, t in enumerate(piece):
        if t.lower_ == "and" and _area_cell(piece[:n], n) and _area_cell(piece[n + 1 :], len(piece) - n - 1):
            return [piece[:n], piece[n + 1 :]]
    return None


def _row_grade(doc: Doc, area: list[Token], grade: str) -> tuple[str | None, str, int, int, GradeSpan]:
    """A graded judgement for one area of a grade-first row, its text "<grade>: <area>" as
    a reader would say it."""
    start, end = area[0].idx, area[-1].idx + len(area[-1].text)
    text = f"{grade}: {gazetteer.text_of(doc)[start:end]}"
    return GRADE_POLARITY[grade], text, start, end, GradeSpan(_area_name(_words(area)), grade)


def _areas_as_subject(tokens: list[Token], start: int) -> list[list[Token]]:
    """The areas that are the subject of the grade at `start`, when every one is an area
    inspectorates grade by name (`assessment_areas`): "Managing offenders was adequate",
    "Investigating crime and responding to the public were rated good" (two areas); [] for
    any other subject ("Its response was good" is praise, not a grade)."""
    grade = tokens[start]
    verb = grade.head
    if grade.dep_ not in ("acomp", "oprd", "attr", "xcomp") or verb.pos_ not in ("VERB", "AUX"):
        return []
    ids = {t.i for t in tokens}
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i in ids]
    if len(subjects) != 1:
        return []
    parts = _split_areas([t for t in subjects[0].subtree if t.i in ids])
    areas = vocabulary().assessment_areas
    named = [p for p in parts if tuple(t.lower_ for t in p if t.is_alpha) in areas]
    return parts if parts and len(named) == len(parts) else []


def _area_cell(tokens: list[Token], start: int) -> bool:
    """Is everything before the grade at `start` an area inspectorates grade, as in a grade
    table whose columns came as spaces or tabs ("Investigating crime      Good", which the
    cleaned text reads "Investigating crime Good")?"""
    words = tuple(t.lower_ for t in tokens[:start] if t.is_alpha)
    return words in vocabulary().assessment_areas


_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")


def _graded_subject(tokens: list[Token], start: int) -> list[Token] | None:
    """What a grade without "for/at ..." is about: [] the force itself, None nothing nameable.

    "the force's approach to crime recording has been judged 'inadequate'" names its area;
    "GMP is now judged 'requires improvement'" is the force's overall grade; "two areas were
    judged to require improvement" names nothing.
    """
    grade = tokens[start]
    ids = {t.i for t in tokens}
    grading = [t for t in tokens if t.lower_ in vocabulary().grading_verbs]
    verb = grading[0] if grading else grade.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.i not in ids:
            break
        verb = verb.head
    # a clausal subject is an area too ("Investigating crime was graded inadequate")
    subjects = [ch for ch in verb.children if ch.dep_ in _SUBJECTS and ch.i in ids]
    objects = [ch for ch in verb.children if ch.dep_ == "dobj" and ch.i in ids]
    if not objects and verb.lower_ in vocabulary().grading_verbs:
        # "graded | responding to the public | as requiring improvement": an activity graded
        objects = [ch for ch in verb.children if ch.dep_ == "xcomp" and ch.tag_ == "VBG" and ch.i in ids]
        objects = [ch for ch in objects if ch.i < grade.i]
    if objects and verb.lower_ in vocabulary().grading_verbs:
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
    context = vocabulary().grade_context
    of = [g for c in subject.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if subject.lower_ in context or any(g.lower_ in context for g in of):
        return None  # "The grades are outstanding, good, ...", "Its best grade was good": no area
    words = [t for t in subject.subtree if t.i in ids]
    as_ = next((t for t in words if t.lower_ == "as" and t.head == subject), None)
    if as_ is not None:
        words = [t for t in words if t.i < as_.i]  # "responding to the public | as requiring ..."
    labels = gazetteer.token_indices(grade.doc, "FORCE", "PLACE")
    content = [
        t
        for t in words
        if t.is_alpha
        and not t.is_stop
        and t.i not in labels
        and t.lower_ not in vocabulary().generic
        and t.ent_type_ != "GPE"
    ]
    if subject.lower_ in ("it", "force") or not content and any(t.i in labels for t in words):
        return []
    return words if content else None


def graded_somewhere(tokens: list[Token]) -> bool:
    c = vocabulary()
    if not find(tokens, c.grades):
        return False
    return any(t.lower_ in c.grade_context for t in tokens)


def _source_follows(comma: Token) -> bool:
    """Does an inspectorate, or a verb of saying or finding, follow the comma closely
    ("..., His Majesty's Inspectorate of Constabulary and Fire & Rescue Services said")?"""
    doc = comma.doc
    bodies = gazetteer.token_indices(doc, "INSPECTORATE")
    after = doc[comma.i + 1 : comma.i + 4]
    said = (t.tag_ in ("VBD", "VBZ") and t.lower_ in attribution.reporting_verbs() for t in after)
    return any(t.i in bodies for t in after) or any(said)  # ", inspectors said", not ", responding to"


def _areas_after_count(rest: list[Token]) -> list[list[Token]]:
    """ "in three areas: A, B and C" (or "in four of its areas - A, B, C and D", or "in
    three: A, B and C" after a count of areas): the areas listed."""
    head = rest[:6]
    colon = next((i for i, t in enumerate(head) if t.text in (":", "\u2014", "\u2013", "-")), None)
    if colon is None:
        return []
    named = any(t.lower_ in ("areas", "pillars", "questions") for t in head[:colon])
    elided = colon >= 1 and head[colon - 1].like_num  # "... and requires improvement in three:"
    if not (named or elided):
        return []
    areas: list[list[Token]] = [[]]
    for token in rest[colon + 1 :]:
        if token.text in (".", ";", "(") or token.lower_ in ("but", "while", "whilst", "which"):
            break
        if token.lower_ in _REASONS or _dated(token):
            break  # "..., following a PEEL inspection by HMICFRS": why or when, not which
        if token.text == "," and _source_follows(token):
            break  # "..., His Majesty's Inspectorate ... said": who says so, not an area
        if token.lower_ in ("in", "by") and not strip(areas[-1]) and _names_the_report(token):
            break  # "..., C, | in its PEEL inspection": the source, not another area
        if token.text == "," or token.lower_ in ("and", "or"):
            areas.append([])
            continue
        areas[-1].append(token)
    areas = [a for a in (strip(a) for a in areas) if a]
    return [a for a in areas if not any(t.lower_ in _NOT_AREAS for t in a)]


_AREA_PREPS = ("at", "in", "for")


#: Words that open the reason for a grade after its area ("because too many calls ..."),
#: or its source ("according to HMICFRS").
_REASONS = frozenset({"because", "despite", "after", "following", "according"})
#: Words that make a grade an earlier inspection's ("it was previously rated inadequate").
_EARLIER = frozenset({"previously", "formerly"})
#: Subordinators that stay inside an area ("at assessing whether victims need support").
_AREA_MARKS = frozenset({"whether", "if", "that", "how"})


#: Ordinal words ("second", "twenty-first"; data/dates.json ordinal_days) and "last".
_ORDINALS = frozenset({*resources.load("dates")["ordinal_days"], "last"})
#: Nouns of an occasion counted by an ordinal ("for the second time", "for a third year").
_OCCASIONS = frozenset({"time", "year", "inspection", "successive", "running"})


def _occasion(rest: list[Token]) -> bool:
    """Does `rest` open with "for" and an ordinal occasion ("for the second time", "for a
    third consecutive year", "for the first time since 2019")?"""
    if not rest or rest[0].lower_ != "for":
        return False
    words = rest[1:5]
    ordinal = next(
        (k for k, t in enumerate(words) if t.ent_type_ == "ORDINAL" or t.lower_ in _ORDINALS), None
    )
    return ordinal is not None and any(t.lower_ in _OCCASIONS for t in words[ordinal + 1 :])


def _split_areas(rest: list[Token]) -> list[list[Token]]:
    """ "for effectiveness, for efficiency and for legitimacy - the three pillars": three areas.

    A comma or "and" starts another area only when the same preposition or another
    "-ing" activity follows it ("at recording crime, responding to the public and
    managing offenders"); otherwise "and" stays inside the area and a comma ends it. An
    area an inspectorate grades by name ("building, supporting and protecting the
    workforce": `assessment_areas`) is taken whole, whatever its commas and "and"s.
    """
    areas: list[list[Token]] = [[]]
    listing_verbs = False  # "the way it builds, supports and protects ...": verbs sharing an object
    named_until = -1  # the end (token index) of an area named whole
    for n, token in enumerate(rest):
        if token.i < named_until:
            areas[-1].append(token)
            continue
        if not strip([t for t in areas[-1] if t.lower_ not in _AREA_PREPS]):
            named = _named_area(rest[n:])
            if named:
                named_until = token.i + named
                areas[-1].append(token)
                continue
        if token.text in ("-", "\u2013", "\u2014", "(", ";", ".") and not _within_word(token):
            break
        if token.lower_ in ("but", "while", "whilst", "which"):
            break
        if token.lower_ == "including" and not strip(areas[-1]):
            continue  # "good at five of its nine areas, | including A and B": the areas named
        if token.lower_ in _REASONS or token.dep_ == "mark" and token.lower_ not in _AREA_MARKS:
            break  # "at responding to the public after inspectors found ...": why, not what
        if _dated(token):
            break  # "at investigating crime in 2022": when, not what
        if _occasion(rest[n:]):
            break  # "at preventing crime for the second time": how often, not what
        nxt = _next_word(token)
        graded_as = nxt is not None and nxt.lower_ == "as" and nxt.i + 1 < len(nxt.doc)
        if graded_as and nxt.nbor().lower_ in _GRADE_STARTS:
            nxt = nxt.nbor()  # "requiring improvement in A, and | as adequate in B": the next grade's
        if token.lower_ == "and" and nxt is not None and nxt.lower_ in _GRADE_STARTS:
            break  # "inadequate at A and requires improvement at B": the next grade's
        if token.text == "," and _grades_next(nxt):
            break  # "good at A and B, adequate at C": the next grade's
        if token.lower_ == "and" and nxt is not None and nxt.tag_ in FINITE_TAGS:
            within = listing_verbs or nxt.dep_ == "conj" and any(t.i == nxt.head.i for t in areas[-1])
            if not within:  # "the way it builds and maintains trust": still the area
                break  # "at A and is good at B": another predicate, not more of the area
        if token.lower_ == "and" and _opens_a_clause(nxt):
            break  # "good at A, and inspectors praised B": another clause, not another area
        if token.lower_ == "and" and _gapped_grade(nxt):
            break  # "X was rated good at A, and | Norfolk Constabulary inadequate at B": another's
        if token.lower_ in ("in", "by") and areas[-1] and _names_the_report(token):
            break  # "for responding to the public in an HMICFRS PEEL report": the source, not the area
        if (token.text == "," or token.lower_ == "and") and nxt is not None:
            # another area: the same or another grading preposition ("at A and in its B"), or
            # another "-ing" activity
            # ("having rated it adequate in 2022" is a perfect participle's clause: no area)
            gerund = nxt.tag_ == "VBG" and nxt.lower_ != "having"
            another = nxt.lower_ in _AREA_PREPS or gerund and not _bare_gerunds(areas[-1])
            # an area graded by name ("and | building, supporting and protecting the
            # workforce", "and | leadership and force management"), however tagged, after an
            # area so named ("managing offenders and | ..."; not "strategic planning
            # and | value for money", one area of an older framework)
            so_far = [t for t in strip(areas[-1]) if t.lower_ not in _AREA_PREPS]
            named_so_far = bool(so_far) and _named_area(so_far) == len(so_far)
            another = another or named_so_far and _named_area(rest[n + 1 :]) > 0
            if token.text == "," and nxt.lower_ == "having":
                break
            if token.text == "," and nxt.lower_ == "including" and not any(t.like_num for t in areas[-1]):
                break  # "at protecting vulnerable people, | including children": its examples
            if token.text == "," and gerund and _tells_a_clause(nxt):
                break  # "outstanding for X, | estimating that it records 95 per cent": what it found
            if another or (token.text == "," and nxt.lower_ == "and"):
                areas.append([])
                continue
            if token.text == "," and (_awaits_object(areas[-1]) or _bare_gerunds(areas[-1])):
                listing_verbs = True  # "at building, | supporting and protecting its workforce"
            elif token.text == "," and not _verb_of_the_area(nxt, areas[-1]):
                break  # "the way it trains, supports and protects its staff" goes on
        areas[-1].append(token)
    areas = [a for a in (_own_prep(a) for a in areas) if a]
    return [a for a in areas if not any(t.lower_ in _NOT_AREAS for t in a)]


#: Words that make a phrase after a grade its source or occasion, not its area ("in its
#: last two inspections", "in the report").
_NOT_AREAS = frozenset({"report", "reports", "inspection", "inspections", "visit", "visits", "said", "says"})


#: Prepositions whose object is what a grade is set against ("an improvement on the
#: inadequate grade", "up from its requires improvement rating").
_COMPARED_WITH = frozenset({"on", "from", "than", "since", "over"})


def _earlier_grade(noun: Token) -> bool:
    """Is the grade noun ("grade", "rating") an earlier inspection's: set against ("an
    improvement on the inadequate grade", "up from a requires improvement rating"), or
    told with a relative clause in the pluperfect or with a year ("the grade it had
    received in 2019")?"""
    if noun.dep_ == "pobj" and noun.head.lower_ in _COMPARED_WITH:
        return True
    for clause in (c for c in noun.children if c.dep_ in ("relcl", "acl")):
        words = list(clause.subtree)
        pluperfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)
        if pluperfect or any(is_year(t) for t in words):
            return True
    return False


def _tells_a_clause(gerund: Token) -> bool:
    """Does the -ing form report a clause ("finding that", "estimating that", "noting the
    force has ...") rather than name an activity?"""
    following = _next_word(gerund)
    return gerund.lower_ in _reporting_participles() or following is not None and following.lower_ == "that"


def _grades_next(token: Token | None) -> bool:
    """Does another grade start at the token ("adequate at", "requires improvement in",
    "rated ...")?"""
    if token is None or token.lower_ not in _GRADE_STARTS or token.i + 1 >= len(token.doc):
        return False
    following = token.nbor().lower_
    if token.lower_ in ("requires", "require"):
        return following == "improvement"
    return token.lower_ in ("rated", "graded") or following in _AREA_PREPS


def _next_word(token: Token) -> Token | None:
    """The token after `token`, past opening quotes ("and 'good' at ..." gives "good")."""
    doc, i = token.doc, token.i + 1
    while i < len(doc) and doc[i].text in _QUOTES:
        i += 1
    return doc[i] if i < len(doc) else None


def _opens_a_clause(token: Token | None) -> bool:
    """Does the token start a clause with its own subject ("and | inspectors praised ...",
    "and | it was ...")?"""
    return token is not None and token.dep_ in ("nsubj", "nsubjpass", "expl")


def _own_prep(area: list[Token]) -> list[Token]:
    """The area without connectors and punctuation, keeping the preposition it opens with
    ("at managing offenders" after "good for preventing crime and")."""
    body = strip(area)
    lead = [t for t in area if not t.is_punct and t.lower_ not in ("and", "or")][:1]
    if lead and lead[0].lower_ in _AREA_PREPS and body and body[0].i > lead[0].i:
        return [lead[0], *body]
    return body


def _named_area(tokens: list[Token]) -> int:
    """How many of `tokens` spell, from the first, an area inspectorates grade by name
    (`assessment_areas` in data/cues.json, compared on words: punctuation between them
    is read past); the longest such area, or 0."""
    best = 0
    for area in vocabulary().assessment_areas:
        if len(area) < 2 or best and len(area) <= best:
            continue
        matched, count = 0, 0
        for token in tokens:
            if matched == len(area):
                break
            count += 1
            if token.is_punct:
                continue
            if token.lower_ != area[matched]:
                break
            matched += 1
        if matched == len(area):
            best = max(best, count)
    return best


def _bare_gerunds(area: list[Token]) -> bool:
    """Is the area so far only "-ing" verbs, with no object yet ("at building | and developing
    its workforce", "building, | supporting and protecting the workforce")? The verbs share
    the object named after the last: one area, not several."""
    words = [t for t in area if not t.is_punct and t.lower_ not in ("and", "or", *_AREA_PREPS)]
    return bool(words) and all(t.tag_ == "VBG" or _bare_ing_noun(t) for t in words)


def _bare_ing_noun(token: Token) -> bool:
    """Is the token an "-ing" word the tagger took for a noun, with nothing of a noun's on it
    ("at | building |, supporting and protecting ...": no determiner, possessor or
    modifier)?"""
    own = ("det", "poss", "amod", "compound", "prep")
    ing = token.tag_ == "NN" and token.lower_.endswith("ing")
    return ing and not any(c.dep_ in own for c in token.children)


def _awaits_object(area: list[Token]) -> bool:
    """Does the area so far end with a transitive-looking verb still without its object ("the
    way it builds, | supports and protects its workforce")? Verbs listed with a comma share
    the object named after the last; the parser often reads the middle one as a noun."""
    last = area[-1] if area else None
    return (
        last is not None
        and last.tag_ in ("VBZ", "VBP", "VBD")
        and last.dep_ == "relcl"
        and not any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp") for c in last.children)
    )


def _verb_of_the_area(token: Token, area: list[Token]) -> bool:
    """Is `token` coordinated with a verb of the area so far ("the way it trains, |
    supports and protects its staff")?"""
    # the tagger may read the middle verb as a plural noun ("supports"); the parse still
    # coordinates it with the area's verb
    return token.dep_ == "conj" and token.head.pos_ == "VERB" and any(t.i == token.head.i for t in area)


def _words(tokens: list[Token]) -> str:
    """The tokens as written ("anti-social behaviour", "A, B and C"), without the space
    after; a gap of any whitespace between two of them (a line break in hard-wrapped text,
    whose token is not among `tokens`) is one space."""
    parts: list[str] = []
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        parts.append(token.text)
        if following is not None and following.idx > token.idx + len(token.text):
            parts.append(" ")
    return "".join(parts).strip()


def _within_word(token: Token) -> bool:
    """A hyphen inside a word ("anti-social"), not a dash between phrases."""
    doc = token.doc
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not doc[token.i - 1].whitespace_
        and token.i + 1 < len(doc)
    )


_GRADE_STARTS = frozenset(
    {"outstanding", "good", "adequate", "requires", "require", "inadequate", "rated", "graded"}
)


def _names_the_report(prep: Token) -> bool:
    """Does the phrase opened by `prep` name the report or the inspectorate ("in its latest
    PEEL report", "by HMICFRS", "in the inspection")?"""
    doc = prep.doc
    bodies = gazetteer.token_indices(doc, "INSPECTORATE")
    for token in doc[prep.i + 1 : min(len(doc), prep.i + 7)]:
        if (
            token.lower_ in ("report", "inspection", "assessment", "inspectors", "inspectorate", "watchdog")
            or token.i in bodies
        ):
            return True
        if token.text in (",", ".", ";") or token.lower_ in ("and", "but"):
            return False
    return False


def _dated(prep: Token) -> bool:
    """Does `prep` open a date ("in 2022", "in March 2023", "during 2021")?"""
    doc = prep.doc
    after = doc[prep.i + 1 : prep.i + 3]
    return prep.lower_ in ("in", "during", "since") and any(is_year(t) for t in after)


def _with_prep(area: list[Token], prep: Token) -> list[Token]:
    if area and area[0].lower_ in ("for", "at", "in"):
        return area
    return [prep, *area] if area else area


def _area_name(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in ("for", "at", "in"):
        words = words[1:]
    lowered = tuple(w.lower() for w in words)
    activity = as_activity(lowered)
    if activity != lowered:  # "how it investigates crime": "investigating crime"
        words = [activity[0], *words[len(words) - len(activity) + 1 :]]
    if tuple(re.findall(r"[a-z]+", " ".join(words).lower())) in vocabulary().assessment_areas:
        words = [w.lower() for w in words]  # "Responding to the public", "INVESTIGATING CRIME"
    elif words and words[0][:1].isupper() and words[0][1:].islower() and all(w.islower() for w in words[1:]):
        words = [words[0].lower(), *words[1:]]  # a table cell's or sentence's capital: "Custody care"
    return " ".join(words).strip(" ,.?") or "overall"


def unique(grades: list[GradeSpan]) -> list[GradeSpan]:
    return list(dict.fromkeys(grades))
