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
from inspectx.findings.words import EVIDENCE_NOUNS, FINITE_TAGS, is_year

IMPROVEMENT, CONCERN = "improvement", "concern"
UP, DOWN = "up", "down"


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    data = resources.load("cues")["measures"]
    return {
        "lower": frozenset(data["lower_is_better"]),
        "higher": frozenset(data["higher_is_better"]),
        "quantities": frozenset(data["quantities"]),
        "workforce": frozenset(data["workforce"]),
        "timings": frozenset(data["timings"]),
        "level_higher": frozenset(data["levels"]["higher_is_better"]),
        "level_lower": frozenset(data["levels"]["lower_is_better"]),
        "level_lower_phrasal": _phrasal(data["levels"]["lower_is_better_phrasal"]),
        "scarce": frozenset(data["levels"]["scarce"]),
        "proportions": frozenset(data["levels"]["proportions"]),
        UP: resources.inflections(tuple(data["up"])),
        DOWN: resources.inflections(tuple(data["down"])),
        "up_phrasal": _phrasal(data["up_phrasal"]),
        "down_phrasal": _phrasal(data["down_phrasal"]),
        "up_nouns": frozenset(data["up_nouns"]),
        "down_nouns": frozenset(data["down_nouns"]),
        "up_comparatives": frozenset(data["up_comparatives"]),
        "down_comparatives": frozenset(data["down_comparatives"]),
        "faster": frozenset(data["pace"]["faster"]),
        "slower": frozenset(data["pace"]["slower"]),
    }


def lower_levels() -> frozenset[str]:
    """Words of a share of something that should be rare ("abandoned", "missed", "unrecorded";
    `levels.lower_is_better` in data/cues.json)."""
    return _lexicon()["level_lower"]


def _phrasal(phrases: list[str]) -> frozenset[tuple[str, str]]:
    """("built", "up"), ("builds", "up"), ...: every form of each verb with its particle."""
    return frozenset(
        (form, particle)
        for verb, particle in (p.split() for p in phrases)
        for form in resources.inflections((verb,))
    )


def polarity(tokens: list[Token]) -> str | None:
    """IMPROVEMENT or CONCERN when the clause reports a measure moving one way ("response
    times were longer": CONCERN; "the force has halved its backlog": IMPROVEMENT) or a
    share of it ("fewer than six in ten calls were answered", "three in ten calls were
    abandoned": CONCERN; "only 2 per cent were abandoned": IMPROVEMENT); None when it reports no change or
    level of a known measure, or several that disagree."""
    inside = {t.i for t in tokens}
    level = _level(tokens)
    found = {level} if level is not None else set()
    if _counted_undone(tokens):
        found.add(CONCERN)
    for compared in (
        _compared(tokens),
        _compared_phrase(tokens),
        _pace_compared(tokens),
        _benchmarked(tokens, inside),
        _figures_compared(tokens, inside),
        _moved_from(tokens, inside),
        _high_or_low(tokens, inside),
    ):
        if compared is not None:
            found.add(compared)
    for token in tokens:
        if _absent(token):
            complement = any(c.dep_ in ("acl", "ccomp", "relcl") for c in token.children)
            if token.lower_ in EVIDENCE_NOUNS and complement:
                continue  # "no evidence that X": what X says decides (rules.denial_checked)
            better = _better(_evidenced(token))
            if better is not None:
                found.add(IMPROVEMENT if better == DOWN else CONCERN)
            continue
        change = _change(token)
        if change is None:
            change, measured = _nominal_change(token, inside)
            if change is None:
                continue
        else:
            measured = _measured(token, inside)
        better = _better(measured) if measured is not None else None
        if better == UP and token.lower_ in _PACE:
            change = DOWN if change == UP else UP  # "progress was slower": less progress, not more time
        if better is not None:
            judged = _judged(change, better)
            if judged == IMPROVEMENT and _under_way(token):
                continue  # "is still building up its detectives": the gain is not made yet
            found.add(judged)
    return found.pop() if len(found) == 1 else None


def _under_way(change: Token) -> bool:
    """Is the change a transitive progressive still going on ("The force is still building
    up its number of detectives")? Said of a gain the force is making, it tells that the
    gain is not yet made ("Crime is still falling" is a gain that goes on)."""
    if change.tag_ != "VBG" or not any(c.dep_ == "dobj" for c in change.children):
        return False  # "Crime is still falling": a gain that goes on
    return any(c.lower_ == "still" and c.dep_ == "advmod" for c in change.children)


def _judged(change: str, better: str) -> str:
    """IMPROVEMENT when a measure moved the way that is better for it, else CONCERN."""
    return IMPROVEMENT if change == better else CONCERN


#: Comparatives of pace, which the lexicon reads as time taken ("responses were slower":
#: longer times): said of a measure where more is better, slower is less of it.
_PACE = frozenset({"slower", "faster", "quicker"})


def _compared(tokens: list[Token]) -> str | None:
    """The polarity of a measure compared with "than" ("has 120 fewer detectives than it
    needs": CONCERN; "longer waits than a year ago": CONCERN; "more investigators than
    ever": IMPROVEMENT; "fewer officers were leaving than a year ago": IMPROVEMENT), or None."""
    for n, token in enumerate(tokens):
        if (
            token.dep_ != "amod"
            or token.tag_ != "JJR"
            or not any(t.lower_ == "than" for t in tokens[n + 1 :])
        ):
            continue
        change = _comparative_change(token)
        if change is None:
            continue
        better = _better(token.head)
        if better is None and token.head.dep_ in ("nsubj", "nsubjpass"):
            better = _better(token.head.head)  # "fewer officers were leaving": what they do is the measure
        if better is not None:
            return _judged(change, better)
    return None


def _compared_phrase(tokens: list[Token]) -> str | None:
    """The polarity of a noun phrase with no verb whose head a comparative changes ("Fewer
    delays in sending officers", "Shorter waits for 101 calls", "More detectives in the
    rural teams": a list item, a standfirst's point), or None."""
    if any(t.tag_ in FINITE_TAGS for t in tokens):
        return None
    head = next((t for t in tokens if t.dep_ == "ROOT"), None)
    if head is None or head.pos_ != "NOUN":
        return None
    for modifier in head.children:
        change = _comparative_change(modifier) if modifier.dep_ == "amod" and modifier.i < head.i else None
        if change is not None:
            better = _better(head)
            return _judged(change, better) if better is not None else None
    return None


def _comparative_change(word: Token) -> str | None:
    """UP or DOWN for a comparative of the lexicon ("more", "longer"; "fewer", "shorter"),
    else None."""
    lexicon = _lexicon()
    if word.lower_ in lexicon["up_comparatives"]:
        return UP
    if word.lower_ in lexicon["down_comparatives"]:
        return DOWN
    return None


def _pace_compared(tokens: list[Token]) -> str | None:
    """The polarity of a thing done faster or slower than at another time or than another
    ("calls are now answered more quickly than a year ago": IMPROVEMENT; "files are sent
    to prosecutors more slowly than in 2023": CONCERN), or None. The adverb (`pace` in
    cues.json) is a comparative ("faster", "sooner") or comes after "more" or "less", and
    modifies a verb that is no change of a measure ("crime is rising faster than ever")."""
    lexicon = _lexicon()
    changes = lexicon[UP] | lexicon[DOWN]
    for n, token in enumerate(tokens):
        if token.dep_ != "advmod" or token.head.pos_ not in ("VERB", "AUX") or token.head.lower_ in changes:
            continue
        if not any(t.lower_ == "than" for t in tokens[n + 1 :]):
            continue
        degree = next((c.lower_ for c in token.children if c.lower_ in ("more", "less")), None)
        comparative = token.tag_ in ("RBR", "JJR")
        if not comparative and degree is None:
            continue
        if token.lower_ in lexicon["faster"]:
            faster = degree != "less"
        elif token.lower_ in lexicon["slower"]:
            faster = degree == "less"
        else:
            continue
        return IMPROVEMENT if faster else CONCERN
    return None


#: Benchmarks a measure is said to be above or below.
_BENCHMARKS = frozenset({"average", "target", "targets", "benchmark", "standard"})
_ABOVE, _BELOW = frozenset({"above", "over", "exceeds", "exceeded", "exceed"}), frozenset({"below", "under"})


def _benchmarked(tokens: list[Token], inside: set[int]) -> str | None:
    """The polarity of a measure set against a benchmark ("response times are above the
    national average": CONCERN; "its charge rate is below the average": CONCERN;
    "waits were under the target": IMPROVEMENT), or None."""
    for token in tokens:
        if token.lower_ in _ABOVE:
            change = UP
        elif token.lower_ in _BELOW:
            change = DOWN
        else:
            continue
        objects = [c for c in token.children if c.dep_ in ("pobj", "dobj")]
        if not objects or objects[0].lower_ not in _BENCHMARKS:
            continue
        # "was high, at 8.2 per cent, above the average": hung on the figure
        verb = _verb_above(token.head if token.dep_ == "prep" else token)
        subjects = _subjects(verb, inside)
        measured = subjects[0] if subjects else None
        better = _better(measured) if measured is not None else None
        if better is not None:
            return _judged(change, better)
    return None


#: Words that set a figure against another ("9 per cent, compared with 14 per cent").
_SET_AGAINST = frozenset({"compared", "against", "versus", "vs", "vs."})
#: Words that make a figure a share of something.
_SHARES = frozenset({"cent", "percent", "%", "proportion", "percentage", "share"})


def _figures_compared(tokens: list[Token], inside: set[int]) -> str | None:
    """The polarity of a measure's figure set against another ("The charge rate was 9 per
    cent, compared with 14 per cent across England and Wales": CONCERN; "Satisfaction
    stood at 81%, against a national average of 72%": IMPROVEMENT; "It answered 92% of
    999 calls within ten seconds, compared with 71% in 2022": IMPROVEMENT), or None.
    The figures are the last number before the comparing word and the first after it
    (years are no figures); the measure is the subject of the verb they hang on, or, for
    a share ("38 per cent of calls were answered", "answered 92% of calls"), that verb
    when it is a level measure (`levels` in data/cues.json)."""
    lexicon = _lexicon()
    for n, token in enumerate(tokens):
        if token.lower_ not in _SET_AGAINST:
            continue
        against = {t.i for t in token.subtree}  # "against the person and 96 per cent" sets nothing
        after = next((t for t in tokens[n + 1 :] if t.i in against and _figure(t) is not None), None)
        if after is None:
            continue
        unit = _unit(after)  # the figure it is set against is of the same kind
        before = next(
            (t for t in reversed(tokens[:n]) if _figure(t) is not None and unit in ("", _unit(t))), None
        )
        if before is None or _figure(before) == _figure(after):
            continue
        verb = _verb_above(token.head)  # "was ..., compared with", "stood at ..., against"
        change = UP if _figure(before) > _figure(after) else DOWN
        subjects = _subjects(verb, inside)
        better = _better(subjects[0]) if subjects and subjects[0].lower_ not in _SHARES else None
        if better is None and verb.lower_ in lexicon["level_higher"]:
            better = UP
        elif better is None and verb.lower_ in lexicon["level_lower"]:
            better = DOWN
        if better is not None:
            return _judged(change, better)
    return None


#: Adverbs that tell which way a figure moved from an earlier one ("..., down from 22 minutes").
_MOVED = {"up": UP, "down": DOWN}


def _moved_from(tokens: list[Token], inside: set[int]) -> str | None:
    """The polarity of a measure given with the figure it moved from ("The average wait was
    nine minutes, down from 22 minutes a year earlier": IMPROVEMENT; "the backlog was 400,
    up from 150": CONCERN), or None. The measure is the noun the adverb hangs on ("with
    vacancies down from 46 to 9"), else the subject of the verb it hangs on or, when the
    parser gives that verb none, the first measure word before it."""
    for n, token in enumerate(tokens):
        if token.lower_ not in _MOVED or n + 1 >= len(tokens) or tokens[n + 1].lower_ != "from":
            continue
        if not any(_figure(t) is not None for t in tokens[n + 2 : n + 6]):
            continue
        if token.head.pos_ in ("NOUN", "PROPN") and _better(token.head) is not None:
            # "with vacancies down from 46 to 9": the noun the adverb hangs on is the measure
            return _judged(_MOVED[token.lower_], _better(token.head))
        verb = _verb_above(token)
        subjects = _subjects(verb, inside)
        candidates = subjects or [t for t in tokens[:n] if t.pos_ in ("NOUN", "VERB") and t.i < verb.i]
        better = next((b for b in map(_better, candidates) if b is not None), None)
        if better is not None:
            return _judged(_MOVED[token.lower_], better)
    return None


#: Adjectives that put a measure's level at one end ("abandonment rates were high").
_LEVELS = {"high": UP, "low": DOWN, "highest": UP, "lowest": DOWN}


def _high_or_low(tokens: list[Token], inside: set[int]) -> str | None:
    """The polarity of a measure said to be high or low, or the highest or lowest
    ("Abandonment rates were high": CONCERN; "waiting times were described as low":
    IMPROVEMENT; "confidence is high": IMPROVEMENT; "sickness levels are the highest in
    the region": CONCERN), or None. The adjective is the predicate of the verb whose subject is the
    measure."""
    for token in tokens:
        level = _LEVELS.get(token.lower_)
        described = token.dep_ == "amod" and token.head.lower_ == "as"  # "described as high"
        # "were high", "were described as high", "are the highest in Wales"
        if level is None or token.dep_ not in ("acomp", "oprd", "pobj", "attr") and not described:
            continue
        verb = _verb_above(token)
        subjects = _subjects(verb, inside)
        better = _better(subjects[0]) if subjects else None
        if better is not None:
            return _judged(level, better)
    return None


def _subjects(verb: Token, inside: set[int]) -> list[Token]:
    """The verb's subjects that are in the clause (token indices `inside`)."""
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in inside]


def _verb_above(token: Token) -> Token:
    """The token, or the nearest verb it hangs under (the root when there is none)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _unit(figure: Token) -> str:
    """What a figure counts, as the word after it ("per cent" and "%" alike, "minutes"), or
    "" at the end of the clause."""
    following = figure.nbor(1) if figure.i + 1 < len(figure.doc) else None
    if following is None or following.is_punct and following.text != "%":
        return ""
    if following.pos_ in ("ADP", "CCONJ") and following.lower_ != "per":
        return ""  # "97 days, against around 40 in other forces": the unit given once
    return "%" if following.lower_ in ("%", "per", "percent") else following.lower_


def _a_duration(token: Token) -> bool:
    """Is the number a count of units of time ("97 days", "six weeks"), which the model tags
    as a date, not a year or a day of a month?"""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in _TIME_UNITS


_TIME_UNITS = frozenset({"minutes", "hours", "days", "weeks", "months", "years", "seconds"})


def _figure(token: Token) -> float | None:
    """The value of a number token ("9", "1,900", "71.5"), None for other tokens and for
    years ("in 2022")."""
    if not token.like_num or token.ent_type_ == "DATE" and not _a_duration(token):
        return None
    try:
        return float(token.text.replace(",", ""))
    except ValueError:
        return None  # a number word ("nine")


def _level(tokens: list[Token]) -> str | None:
    """The polarity of a share given for a passive measure ("were answered", "were
    abandoned", or "abandoned" in the active: "18 per cent of callers abandoned their call",
    "one in three callers gave up": `levels` in data/cues.json),
    from the words before it: CONCERN when it is scarce where it should be
    high ("fewer than six in ten", "only 40 per cent") or is a share at all where it should
    be nothing ("three in ten ... were abandoned"); IMPROVEMENT when it is scarce where it
    should be low ("only 2 per cent of calls were abandoned"); else None."""
    lexicon = _lexicon()
    for n, verb in enumerate(tokens):
        passive = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)
        # "18 per cent of callers abandoned their call": a share doing what should be rare
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        given_up = (verb.lower_, particle) in lexicon["level_lower_phrasal"]  # "one in three gave up"
        active = verb.tag_ in ("VBD", "VBZ", "VBP") and (verb.lower_ in lexicon["level_lower"] or given_up)
        if not (passive or active) or verb.dep_ not in ("ROOT", "ccomp", "conj"):
            continue
        before = tokens[:n]
        words = {t.lower_ for t in before}
        # "few calls were abandoned" (not "a few"): a share, and a scarce one
        few = any(t.lower_ == "few" and (k == 0 or before[k - 1].lower_ != "a") for k, t in enumerate(before))
        share = _share(before, lexicon["proportions"]) or few
        scarce = (bool(words & lexicon["scarce"]) or few) and "no" not in words
        if verb.lower_ in lexicon["level_higher"] and share and scarce:
            return CONCERN
        if (verb.lower_ in lexicon["level_lower"] or given_up) and share:
            return IMPROVEMENT if scarce else CONCERN
    return None


def _counted_undone(tokens: list[Token]) -> bool:
    """Is a number of things said to be in a state that should not be, as the predicate of
    their clause ("around 2,100 violent crimes a year go unrecorded", "400 cases were left
    unallocated", "12 visits remained overdue")? The state is a word of the `lower_is_better`
    measures that means something not done (un-, overdue)."""
    lexicon = _lexicon()
    for token in tokens:
        undone = token.lower_.startswith("un") or token.lower_ == "overdue"
        if not undone or token.lower_ not in lexicon["lower"] or token.dep_ not in ("acomp", "oprd", "xcomp"):
            continue
        subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            continue
        # the count before the subject, however parsed ("around 1,800 reported crimes")
        counted = [t for t in tokens if subjects[0].left_edge.i - 2 <= t.i <= subjects[0].i]
        if any(t.like_num and not is_year(t) for t in counted):
            return True
    return False


def _absent(noun: Token) -> bool:
    """Is the noun said not to be there at all, or hardly: "no" or "little" before it
    ("there are no delays", "has made little progress"), or the object of a verb that "no
    longer" holds ("no longer has a backlog")? Not when the noun is only counted ("no
    fewer than", "no more than")."""
    if noun.pos_ != "NOUN":
        return False
    if any(c.dep_ in ("det", "amod") and c.lower_ in ("no", "little") for c in noun.children):
        return True
    if noun.dep_ == "dobj":
        verb = noun.head
        return any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in verb.children)
    return False


def _evidenced(noun: Token) -> Token:
    """What an evidence noun is evidence of ("sign of | improvement"), else the noun itself."""
    if noun.lower_ in EVIDENCE_NOUNS:
        of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        if of:
            return of[0]
    return noun


def _share(tokens: list[Token], proportions: frozenset[str]) -> bool:
    """Do the words give a share: "40 per cent", "40%", "half", "a third", "six in ten"?"""
    for n, t in enumerate(tokens):
        if t.lower_ in proportions or t.text.endswith("%"):
            return True
        if t.lower_ == "in" and 0 < n < len(tokens) - 1 and tokens[n - 1].like_num and tokens[n + 1].like_num:
            return True
    return False


_HELP = frozenset({"help", "helps", "helped", "helping"})


def _more_than(verb: Token) -> bool:
    """Is the verb a change the parser hung on "more" as the object of "have" ("waits have
    more than | halved")? It is the clause's own verb, with "have"'s subject."""
    return verb.dep_ == "advcl" and verb.head.lower_ in ("more", "less") and verb.head.dep_ == "dobj"


def _change(token: Token) -> str | None:
    """UP or DOWN for a verb of change or a comparative predicate, else None (also for a
    change a modal asks for or supposes: "must cut", "would rise", or that is denied:
    "has not cut", "never fell")."""
    lexicon = _lexicon()
    low = token.lower_
    helped = token.dep_ == "xcomp" and token.head.lower_ in _HELP  # "the team helped to cut waits"
    reported = token.dep_ not in ("amod", "acl", "relcl", "advcl", "xcomp", "pcomp")
    reported = reported or helped or _after_with(token) or _more_than(token)
    if token.pos_ == "VERB" and reported:
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children):
            return None  # "must cut its backlog", "delays should fall": asked for, not reported
        if any(c.dep_ == "neg" or c.lower_ in ("never", "longer") for c in token.children):
            return None  # "has not cut its backlog", "no longer falling": no change reported
        if any(c.lower_ == "short" and c.dep_ in ("advmod", "acomp", "prt", "oprd") for c in token.children):
            return None  # "response times fell short": below what is needed, not a fall
        # the parser makes "down" in "have come down" an adverb as often as a particle
        particles = [c for c in token.children if c.dep_ == "prt" or (c.dep_, c.i) == ("advmod", token.i + 1)]
        particle = particles[0].lower_ if particles else None
        if particle is not None and (low, particle) in lexicon["up_phrasal"]:
            return UP  # "a backlog has built up"
        if particle is not None and (low, particle) in lexicon["down_phrasal"]:
            return DOWN  # "waiting times have come down"
        if low in lexicon[UP]:
            return UP
        if low in lexicon[DOWN]:
            return DOWN
    if low in ("up", "down") and token.dep_ == "advmod" and any(c.lower_ == "from" for c in token.children):
        return UP if low == "up" else DOWN  # "stood at 61 per cent, | down from 74"
    if token.dep_ in ("acomp", "oprd") and token.head.pos_ == "AUX":
        if any(c.lower_ in ("no", "not") for c in token.children):
            return None  # "were no quicker than in 2019": no change reported
        if low in lexicon["up_comparatives"]:
            return UP
        if low in lexicon["down_comparatives"]:
            return DOWN
    return None


def _nominal_change(token: Token, inside: set[int]) -> tuple[str | None, Token | None]:
    """A change named by a noun and the measure it is "in" or "of" ("a fall in officer
    numbers", "the reduction in waiting times"): (UP or DOWN, the measure), or (None, None)."""
    lexicon = _lexicon()
    if token.pos_ != "NOUN":
        return None, None
    if token.lower_ in lexicon["up_nouns"]:
        change = UP
    elif token.lower_ in lexicon["down_nouns"]:
        change = DOWN
    else:
        return None, None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):
            measured = next((c for c in prep.children if c.dep_ == "pobj" and c.i in inside), None)
            if measured is not None:
                return change, measured
    return None, None


def _after_with(change: Token) -> bool:
    """Is the change told after "with": with its own subject ("..., with overdue visits cut
    from 212 to 19"), or hung by the parser on the noun it changes ("with overdue checks |
    cut from 40 to 3")?"""
    if change.dep_ == "acl":
        return change.head.dep_ == "pobj" and change.head.head.lower_ == "with"
    opened = any(c.lower_ == "with" and c.dep_ == "mark" for c in change.children) or (
        change.dep_ == "pcomp" and change.head.lower_ == "with"
    )
    return opened and any(c.dep_ in ("nsubj", "nsubjpass") for c in change.children)


def _phrase_head(noun: Token) -> Token:
    """The last noun of the run of nouns and modifiers that `noun` opens ("the number of
    | roads policing officers"), which the parser may cut, making "roads" what is counted
    and "officers" a subject of its own; `noun` when it ends its phrase."""
    head = noun
    for token in noun.doc[noun.i + 1 :]:
        if token.pos_ in ("NOUN", "PROPN"):
            head = token
        elif not (token.pos_ == "ADJ" or token.tag_ == "VBG" and token.dep_ in ("amod", "compound")):
            break
    return head


def _measured(change: Token, inside: set[int]) -> Token | None:
    """The noun whose measure changed: the object of a verb that has one ("cut its
    backlog"), else the subject ("delays fell", "the backlog was cut", "waits were longer")."""
    verb = change.head if change.dep_ in ("acomp", "oprd") or change.lower_ in ("up", "down") else change
    if verb.dep_ == "acl" and _after_with(verb) and verb.head.i in inside:
        return verb.head  # "with overdue checks | cut from 40 to 3": the noun the change is told of
    if _more_than(verb):
        return next((c for c in verb.head.head.children if c.dep_ == "nsubj" and c.i in inside), None)
    for relations in (("dobj",), ("nsubj", "nsubjpass")):
        for child in verb.children:
            if child.dep_ in relations and child.i in inside:
                return child
    return None


def _better(noun: Token) -> str | None:
    """DOWN when less of the noun's measure is better (delays), UP when more is
    (detectives), None when unknown or mixed. A quantity ("the number of X") is read
    through to what it counts; the noun's own modifiers count too ("response times",
    "calls abandoned", "the time to answer a call", and what the things counted end in:
    "cases ending in a charge"), and things that lack something are better fewer
    ("investigations without a named officer")."""
    lexicon = _lexicon()
    named = noun  # "the number of investigations without ...": the parser may hang it on either
    if noun.lower_ in lexicon["quantities"]:
        counted = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        # not through to the figure itself: "a rate of 9 per cent"
        counted = [g for g in counted if not (g.like_num or g.lower_ in ("cent", "percent", "%"))]
        if counted:
            noun = _phrase_head(counted[0])
    if any(c.dep_ == "prep" and c.lower_ == "without" for c in (*noun.children, *named.children)):
        return DOWN  # things that lack something: "investigations without a named officer"
    words = {noun.lower_} | {
        c.lower_ for c in noun.children if c.dep_ in ("compound", "amod", "acl", "relcl") and not c.is_stop
    }
    if named is not noun:  # "the number of victims | waiting": the parser may hang it on the quantity
        words |= {c.lower_ for c in named.children if c.dep_ in ("acl", "relcl") and not c.is_stop}
    # what the things counted end in: "cases ending in a charge", "stops leading to an arrest"
    words |= {
        g.lower_
        for c in noun.children
        if c.dep_ == "acl" and c.tag_ == "VBG"
        for p in c.children
        if p.dep_ == "prep" and p.lower_ in ("in", "to", "with")
        for g in p.children
        if g.dep_ == "pobj"
    }
    if noun.lower_ in ("time", "times") and not words & lexicon["timings"]:
        return None  # time spent with victims is no delay
    if named is not noun and named.lower_ in lexicon["proportions"] | _SHARES | {"rate"}:
        # a share of things done: "the proportion of crimes correctly recorded", "the share
        # of calls abandoned"
        done = {c.lower_ for c in noun.children if c.dep_ in ("acl", "relcl", "amod")}
        if done & lexicon["level_higher"] and not done & lexicon["level_lower"]:
            return UP
        if done & lexicon["level_lower"] and not done & lexicon["level_higher"]:
            return DOWN
    lower, higher = bool(words & lexicon["lower"]), bool(words & lexicon["higher"])
    if not (lower or higher) and _workforce(noun, named):
        return UP  # "the number of traffic officers fell", "officer numbers rose"
    if lower == higher:
        return None
    return DOWN if lower else UP


def _workforce(noun: Token, named: Token) -> bool:
    """Is the noun (or the quantity `named` that counts it: "officer numbers") the force's
    people, counted bare ("traffic officers", "custody nurses"), not a part of them defined
    by what they do or undergo ("officers facing misconduct proceedings", "staff on sick
    leave")? data/cues.json `measures.workforce`."""
    lexicon = _lexicon()
    workforce = lexicon["workforce"]
    people = noun if noun.lower_ in workforce else None
    if people is None and named.lower_ in lexicon["quantities"]:
        people = next((c for c in named.children if c.dep_ == "compound" and c.lower_ in workforce), None)
    if people is None:
        return False
    verb = named.head
    if (
        named.dep_ in ("nsubj", "nsubjpass")
        and verb.pos_ == "VERB"
        and verb.lower_ not in lexicon[UP] | lexicon[DOWN]
    ):
        return False  # "14 officers were dismissed, up from nine": what they undergo is counted
    defined = ("acl", "relcl", "prep", "advmod", "amod")
    return not any(
        c.dep_ in defined
        and c.lower_ not in _BARE_MODIFIERS
        and not (c.dep_ == "amod" and c.tag_ in ("VBG", "NN", "NNS"))
        for c in people.children
    )  # "roads policing officers": a kind of work names them, as a compound does


#: Modifiers that leave a count of the workforce bare ("front-line officers", "more officers").
_BARE_MODIFIERS = frozenset(
    {"more", "fewer", "frontline", "front-line", "new", "full-time", "qualified", "trained"}
)


#: Number words a share is given in ("one in twenty", "nine out of ten"); "a" and "an" as in
#: "a third", "a quarter".
_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a": 1, "an": 1,
}  # fmt: skip
#: Fraction words and their denominators ("two thirds", "a quarter", "half").
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}  # fmt: skip
#: Words before a figure that bound or hedge it ("fewer than", "only", "nearly", "more than").
_FIGURE_MODIFIERS = frozenset(
    {"only", "just", "barely", "fewer", "less", "under", "more", "over", "than", "almost", "nearly",
     "around", "about", "roughly", "approximately", "some", "at", "least", "most", "well", "below", "above"}
)  # fmt: skip
#: Of those, the ones that make the share a small one ("only 12 of the 40", "fewer than one in ten").
SCARCE_FIGURE = frozenset({"only", "just", "barely", "fewer", "less", "under", "below"})
#: Of those, the ones that make the figure a lower bound ("more than half", "at least 40%").
_AT_LEAST = frozenset({"more", "over", "above", "least"})
#: Words that make a share one side of a comparison or a change, which `polarity` reads.
_COMPARING = frozenset(
    {"compared", "than", "from", "average", "rose", "fell", "up", "down", "while", "whereas"}
)


def _count(token: Token, words: bool = True) -> float | None:
    """A whole count given in figures or words ("58", "twenty"), not a year; else None."""
    if words and token.lower_ in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[token.lower_])
    if not token.like_num or is_year(token):
        return None
    try:
        return float(token.text.replace(",", ""))
    except ValueError:
        return None


def counted_share(tokens: list[Token]) -> tuple[float, bool, int, int, set[int]] | None:
    """The one share of a group a clause gives of its subject or object, as
    (value 0..1, whether it is bounded as small, first and last position of the words that
    give it, positions of other words of it to leave out): "58 of the 60 victims" (0.97),
    "nine out of ten calls" (0.9), "fewer than one in twenty burglaries" (0.05, small),
    "80% of offences" (0.8), "a third of the files" (0.33). The words given are the share's
    modifiers, figure and "of" ("only 12 of | the 40 files"), the ones left out its total
    ("40"), so that "all" put in their place names the whole group ("all the files").
    None when the clause gives no share, more than one, or a share compared with another or
    with a past level ("80% of calls, compared with 93%", "up from six in ten"), which
    `polarity` reads."""
    found: list[tuple[float, int, int, set[int]]] = []
    n = 0
    while n < len(tokens):
        share = _share_at(tokens, n)
        if share is None:
            n += 1
            continue
        found.append(share)
        n = share[2] + 1
    if len(found) != 1:
        return None
    value, first, last, dropped = found[0]
    start = first
    while start > 0 and tokens[start - 1].lower_ in _FIGURE_MODIFIERS:
        start -= 1
    if start > 1 and [t.lower_ for t in tokens[start - 2 : start]] == ["all", "but"]:
        start, value = start - 2, 1 - value  # "all but 5 per cent of calls": 95 per cent
    if any(t.lower_ in _COMPARING for k, t in enumerate(tokens) if not start <= k <= last):
        return None
    modifiers = {t.lower_ for t in tokens[start:first]}
    if modifiers & _AT_LEAST and value >= 0.4:
        value = max(value, 0.51)  # "more than half", "at least 40 per cent": not a small share
    scarce = bool(modifiers & SCARCE_FIGURE)
    return value, scarce, start, last, dropped


def _share_at(tokens: list[Token], n: int) -> tuple[float, int, int, set[int]] | None:
    """A share starting at position n: (value, n, last position of its words, positions of
    its total), or None."""
    words = [t.lower_ for t in tokens]
    after = words[n + 1 : n + 4] + ["", "", ""]
    count = _count(tokens[n], words=tokens[n].lower_ not in ("a", "an"))
    # a fraction: "half of", "a third of", "two thirds of"
    if words[n] == "half" and after[0] == "of":
        return 0.5, n, n + 1, set()
    fraction_of = after[0] in _FRACTIONS and after[1] == "of"
    if fraction_of and (count is not None or words[n] in ("a", "an")):
        numerator = count if count is not None else 1.0
        value = numerator / _FRACTIONS[after[0]]
        return (value, n, n + 2, set()) if 0 < value <= 1 else None
    if count is None:
        return None
    # "80% of", "80 per cent of"
    if after[0] == "%" and after[1] == "of":
        return (count / 100, n, n + 2, set()) if count <= 100 else None
    if after[0] in ("per", "percent") and (after[1] == "cent" and after[2] == "of" or after[1] == "of"):
        last = n + (3 if after[0] == "per" else 2)
        return (count / 100, n, last, set()) if count <= 100 else None
    # "one in twenty", "nine out of ten"
    total_at = {"in": n + 2, "out": n + 3 if after[1] == "of" else None}.get(after[0])
    if total_at is not None and total_at < len(tokens):
        total = _count(tokens[total_at])
        if total and count <= total:
            return count / total, n, total_at, set()
        return None
    # "58 of the 60 victims", "two of the force's six areas"; not "one of the 43 forces" (one
    # thing picked out) nor "every one of the 4,100 officers" (all of them)
    if after[0] == "of" and count > 1:
        for k in range(n + 2, min(n + 6, len(tokens))):
            total = _count(tokens[k])
            if total is not None:
                return (count / total, n, n + 1, {k}) if total > 0 and count <= total else None
            owner = k + 1 < len(tokens) and tokens[k + 1].tag_ == "POS"  # "the force's six areas"
            if tokens[k].pos_ not in ("DET", "PRON", "PROPN", "PART") and not owner:
                return None
    return None
