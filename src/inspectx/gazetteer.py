"""Patterns for the gazetteer SpanRuler, built from the packaged data files.

Labels written to `doc.spans[SPANS_KEY]`, with the span's `id_` saying which entry:
    FORCE         a force's name or alias            id_: the force key
    PLACE         a force's bare place name           id_: the force key
    INSPECTORATE  a name of an inspecting body        id_: its acronym
    TITLE         a title that places a person        id_: index into people.json titles
    ORG           an organisation that gives a role   id_: index into people.json organisations
    INSPECTOR     a publicly known inspector's name   id_: index into people.json known_inspectors
    PROGRAMME     a phrase naming an inspection programme id_: the programme (programmes.json)
    NATIONAL      a phrase that makes a report national   id_: "national"
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import cache

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from inspectx import resources

SPANS_KEY = "inspectx"
_APOSTROPHES = ("'", "\u2019")


@dataclass(frozen=True)
class ForceEntry:
    key: str
    name: str
    id: str | None
    country: str | None = None  # "scotland", "northern-ireland"; None for England and Wales
    national: bool = False  # its area is a whole country or more (Police Scotland, BTP ...)


@dataclass(frozen=True)
class Title:
    title: str
    role: str
    implies: str | None
    inspectorate_beside: bool = False  # a rank, unless an inspectorate is named just before it


@cache
def forces() -> dict[str, ForceEntry]:
    """Every force by its key (data/forces.json)."""
    return {f["key"]: _entry(f) for f in _forces_data()}


def _entry(force: dict) -> ForceEntry:
    national = bool(force.get("national"))
    return ForceEntry(force["key"], force["name"], force["id"], force.get("country"), national)


def force_named(name: str) -> ForceEntry | None:
    """The force whose name or an alias is `name` (any case and spacing), or None."""
    return _by_name().get(" ".join(name.lower().split()))


@cache
def _by_name() -> dict[str, ForceEntry]:
    out: dict[str, ForceEntry] = {}
    for force in _forces_data():
        entry = _entry(force)
        for name in _force_names(force):
            out.setdefault(" ".join(name.lower().split()), entry)
    return out


def _force_names(force: dict) -> list[str]:
    """A force's names: its own, its aliases, and "<place> Police", "<place> Constabulary"
    and "<place> Police Force" for each of its places and of their abbreviations ("Notts
    Police"; forces.json short_places)."""
    names = [force["name"], *force["aliases"]]
    for place in [*force["places"], *force.get("short_places", [])]:
        names += [f"{place} Police", f"{place} Constabulary", f"{place} Police Force"]
    return names


@cache
def _forces_data() -> list[dict]:
    return resources.load("forces")["forces"]


@cache
def inspectorates() -> dict[str, dict]:
    return {i["acronym"]: i for i in resources.load("inspectorates")["inspectorates"]}


@cache
def titles() -> list[Title]:
    return [
        Title(t["title"], t["role"], t.get("implies"), t.get("inspectorate_beside", False))
        for t in resources.load("people")["titles"]
    ]


def people_data() -> dict:
    return resources.load("people")


def _variants(text: str) -> Iterable[str]:
    yield text
    if "'" in text:
        yield text.replace("'", "\u2019")
    if "&" in text:
        yield text.replace("&", "and")


def patterns(make_doc: Callable[[str], Doc]) -> list[dict]:
    """Every SpanRuler pattern: phrases match case-insensitively (LOWER)."""
    out: list[dict] = []

    def phrase(label: str, text: str, ident: str) -> None:
        for variant in dict.fromkeys(_variants(text)):
            out.append({"label": label, "pattern": variant, "id": ident})

    for force in _forces_data():
        for place in force["places"]:
            # a bare place name counts only when capitalised ("Kent", not "kent"): see spans()
            phrase("PLACE", place, force["key"])
        for name in _force_names(force):
            phrase("FORCE", name, force["key"])
    for acronym, body in inspectorates().items():
        for name in body["names"]:
            phrase("INSPECTORATE", name, acronym)
    data = people_data()
    for index, title in enumerate(data["titles"]):
        phrase("TITLE", title["title"], str(index))
    for index, org in enumerate(data["organisations"]):
        phrase("ORG", org["name"], str(index))
    for index, person in enumerate(data["known_inspectors"]):
        for name in [person["name"], *person["aliases"]]:
            phrase("INSPECTOR", name, str(index))
    programmes = resources.load("programmes")
    for programme, phrases in programmes["programmes"].items():
        for text in phrases:
            phrase("PROGRAMME", text, programme)
    for programme, words in programmes["case_sensitive"].items():
        for word in words:  # matched in any case here, kept only as written by spans()
            phrase("PROGRAMME", word, programme)
    for text in programmes["national"]:
        phrase("NATIONAL", text, "national")
    return out


def token_indices(doc: Doc, *labels: str) -> frozenset[int]:
    """Indices of the tokens inside the gazetteer's spans with these labels (cached on the Doc)."""
    cache = doc.user_data.setdefault("inspectx_span_tokens", {})
    if labels not in cache:
        cache[labels] = frozenset(i for s in spans(doc, *labels) for i in range(s.start, s.end))
    return cache[labels]


def spans(doc: Doc, *labels: str) -> list[Span]:
    """The gazetteer's spans with these labels, longest first where they overlap, in order.

    Cached on the Doc: the components ask for the same labels many times.
    """
    cache = doc.user_data.setdefault("inspectx_spans", {})
    if labels not in cache:
        found = [
            s
            for s in doc.spans.get(SPANS_KEY, [])
            if s.label_ in labels
            and (s.label_ != "PLACE" or not s[0].is_lower and not _other_service(s))
            and (s.label_ != "PROGRAMME" or _as_written(s))
            and (s.label_ != "FORCE" or not _acronym_not_written(s))
        ]
        if "FORCE" in labels:
            found = [s for s in _without_predecessors(found) if not _names_another_body(s)]
        cache[labels] = sorted(filter_spans(found), key=lambda s: s.start)
    return list(cache[labels])


def _acronym_not_written(span: Span) -> bool:
    """Is the span a force's acronym ("MPS", "GMP") not written in capitals ("MPs": members of
    parliament)? Acronyms are matched in any case like every alias; they count only as written."""
    return span.text.lower() in _acronyms() and not span.text.isupper()


@cache
def _acronyms() -> frozenset[str]:
    """The lowercase forms of the forces' aliases that are acronyms ("mps", "psni")."""
    names = (n for f in _forces_data() for n in _force_names(f))
    return frozenset(n.lower() for n in names if n.isupper() and " " not in n)


def _names_another_body(span: Span) -> bool:
    """Is the force's name the start of another body's ("the Met | Office": forces.json
    `not_before`)?"""
    if span.label_ != "FORCE" or span.end >= len(span.doc):
        return False
    return span.doc[span.end].text in _not_before().get(span.id_, ())


@cache
def _not_before() -> dict[str, tuple[str, ...]]:
    return {f["key"]: tuple(f["not_before"]) for f in _forces_data() if "not_before" in f}


def _without_predecessors(found: list[Span]) -> list[Span]:
    """The spans without those of a force that no longer exists when the force that took
    over is named too ("Police Scotland ... the former Tayside Police area": history, not
    another force; forces.json `became`)."""
    named = {s.id_ for s in found if s.label_ == "FORCE"}
    successors = _successors()
    return [s for s in found if s.label_ != "FORCE" or successors.get(s.id_) not in named]


@cache
def _successors() -> dict[str, str]:
    return {f["key"]: f["became"] for f in _forces_data() if "became" in f}


def drop_places(doc: Doc, tokens: set[int]) -> None:
    """Take the PLACE spans that touch `tokens` (a person's name: "Sarah Essex") off the
    Doc, so no later stage reads them as mentions of a force."""
    if not tokens:
        return
    kept = [
        s
        for s in doc.spans.get(SPANS_KEY, [])
        if s.label_ != "PLACE" or not tokens & set(range(s.start, s.end))
    ]
    if len(kept) != len(doc.spans.get(SPANS_KEY, [])):
        doc.spans[SPANS_KEY] = kept
        for cached in ("inspectx_spans", "inspectx_span_tokens", "inspectx_force_ranking"):
            doc.user_data.pop(cached, None)  # read from the spans: read again


@cache
def _case_sensitive() -> tuple[frozenset[str], frozenset[str]]:
    """The programme words matched only as written ("Engage", not the verb), and their
    lowercase forms (data/programmes.json `case_sensitive`)."""
    words = frozenset(w for ws in resources.load("programmes")["case_sensitive"].values() for w in ws)
    return words, frozenset(w.lower() for w in words)


def _as_written(span: Span) -> bool:
    words, lowered = _case_sensitive()
    return span.text in words or span.text.lower() not in lowered


@cache
def _other_services() -> tuple[frozenset[str], frozenset[str]]:
    data = resources.load("forces")["other_services"]
    return frozenset(data["before"]), frozenset(data["heads"])


def institution_prefixes() -> frozenset[str]:
    """Lowercase words that open another public body's name before a place ("HMP Durham",
    "HMYOI Wetherby"): data/forces.json `other_services.before`."""
    return _other_services()[0]


#: How many capitalised words (or "and", "&") may come between a place and the head of
#: another body's name ("County Durham and Darlington Fire ...").
_NAME_WORDS = 4


def _other_service(place: Span) -> bool:
    """Is the place name part of another public body's name: "HMP Durham", "Durham County
    Council", "County Durham and Darlington Fire and Rescue Service" (data/forces.json
    `other_services`)? Such a mention is not of the police force of that place."""
    before, heads = _other_services()
    doc = place.doc
    if place.start > 0 and doc[place.start - 1].lower_ in before:
        return True
    if _masthead_after(place):
        return True
    for token in doc[place.end : place.end + _NAME_WORDS + 1]:
        if token.lower_ in heads and not token.is_lower:
            return True
        if not (token.is_title or token.is_upper or token.lower_ in ("and", "&")) or "\n" in token.text:
            return False
    return False


def _masthead_after(place: Span) -> bool:
    """Is the place the start of a newspaper's name ("South Wales Argus", "Yorkshire Evening
    Post": a capitalised masthead noun right after it, or after "Evening", "Daily" or
    "Weekly"; data/boilerplate.json `masthead_words`, less those that also name other things
    after a place: "Kent Leader", "Surrey Review")?"""
    doc = place.doc
    following = [t for t in doc[place.end : place.end + 2]]
    if following and following[0].text in ("Evening", "Daily", "Weekly"):
        following = following[1:]
    if not following or not following[0].is_title:
        return False
    return following[0].lower_ in _mastheads()


@cache
def _mastheads() -> frozenset[str]:
    ambiguous = {"leader", "review", "record", "independent", "standard", "today", "bulletin", "press"}
    return frozenset(resources.load("boilerplate")["masthead_words"]) - ambiguous


#: A force leads an article when it scores this much more than the next one; below it the
#: article compares forces ("Kent and Essex") rather than being about one.
_LEAD_RATIO = 1 / 0.75
#: A national report that names this many forces as examples is about none of them, unless
#: one scores this many times the next (a regional article that calls its force "one of
#: the forces in England and Wales").
_NATIONAL_FORCES = 3
_NATIONAL_LEAD = 2


#: What a mention counts more as the force whose inspection or report it is.
_INSPECTED_WEIGHT = 2
#: Nouns of an inspection and its report, whose owner or object is the force inspected.
_INSPECTION_NOUNS = frozenset(
    {"inspection", "inspections", "report", "reports", "assessment", "review", "revisit", "reinspection"}
)


def _inspected(span: Span) -> bool:
    """Is the force named as the one an inspection or its report is of: the owner of an
    inspection noun ("Warwickshire Police's latest PEEL inspection report"), its object
    ("the inspection of Kent Police", "a report on X", "its review into Y"), or what an
    inspection verb takes ("inspectors assessed Gwent Police": data/cues.json
    `inspection_verbs`)? An article names others in passing (a neighbour's grade, a
    partner force), seldom as what was inspected."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "inspected Kent Police and | Essex Police": as the first conjunct
    head = root.head
    owner = root.dep_ in ("poss", "compound")
    if owner and head.lower_ in _INSPECTION_NOUNS:
        noun = head  # "Kent Police's report"
    elif owner and head.dep_ == "compound" and head.head.lower_ in _INSPECTION_NOUNS:
        noun = head.head  # "Kent Police's PEEL report"
    elif root.dep_ == "pobj" and head.lower_ in _OF_ON and head.head.lower_ in _INSPECTION_NOUNS:
        noun = head.head  # "an inspection of Kent Police"
    else:
        return root.dep_ in ("dobj", "nsubjpass") and head.lower_ in _inspection_verb_forms()
    # "A similar inspection of Norfolk Constabulary in 2024", "a separate review of X": another one
    return not another_inspection(noun) and not any(c.lower_ == "earlier" for c in noun.children)


_OF_ON = frozenset({"of", "on", "into"})
#: Words that make an inspection or report another than the article's ("a similar
#: inspection of X", "a separate review of custody").
ANOTHER_WORDS = frozenset({"similar", "separate", "another", "other", "different", "parallel", "equivalent"})


def another_inspection(noun: Token) -> bool:
    """Is the noun (an inspection, review or report) marked as another than the article's
    own ("a separate review", "a similar inspection of X")?"""
    return any(c.lower_ in ANOTHER_WORDS and c.dep_ in ("amod", "det") for c in noun.children)


def of_another_inspection(token: Token) -> bool:
    """Is the token in the noun phrase of another inspection or report than the article's,
    it or a noun it hangs on before any verb ("a separate review of | custody", "a
    separate review of stalking | cases")?"""
    for noun in (token, *token.ancestors):
        if noun.pos_ in ("VERB", "AUX") and noun is not token:
            return False
        if another_inspection(noun):
            return True
    return False


@cache
def _inspection_verb_forms() -> frozenset[str]:
    verbs = [v for v in resources.load("cues")["inspection_verbs"] if v not in ("conduct", "carry")]
    return frozenset(resources.inflections(tuple(verbs)))


@dataclass(frozen=True)
class ForceRanking:
    """The forces an article mentions (by id, data/forces.json), weighed: a mention by name
    counts 3 and by a bare place 1, plus 4 in the headline or 2 in the lede (its first four
    sentences), plus 2 as the force an inspection or report is of (`_inspected`)."""

    order: list[str]  # by first mention
    ranked: list[str]  # heaviest first (ties: first mentioned first)
    score: Counter[str]
    mentions: dict[str, list[str]]  # each force's surface forms, in order, without "'s"
    named: set[str]  # named as a force at least once, not only by a place
    leader: str | None  # the force the article is about; None when it compares forces or is national


def rank_forces(doc: Doc) -> ForceRanking | None:
    """The article's forces, weighed (see `ForceRanking`); None when it names none.

    There is no leader when the heaviest scores less than _LEAD_RATIO times the next, or
    when a national report (a NATIONAL phrase) names _NATIONAL_FORCES or more and the
    heaviest is not in the headline and scores less than _NATIONAL_LEAD times the next.
    Cached on the Doc; needs its sentences.
    """
    if "inspectx_force_ranking" in doc.user_data:
        return doc.user_data["inspectx_force_ranking"]
    found = spans(doc, "FORCE", "PLACE")
    ranking = None
    if found:
        first_line_end = text_of(doc).find("\n")
        lede = lede_end(doc)
        score: Counter[str] = Counter()
        mentions: dict[str, list[str]] = {}
        first: dict[str, int] = {}
        named: set[str] = set()
        in_headline: set[str] = set()
        for span in found:
            weight = 3 if span.label_ == "FORCE" else 1
            if span.start_char < first_line_end or first_line_end == -1:
                weight += 4
                in_headline.add(span.id_)
            elif span.start_char < lede:
                weight += 2
            if span.label_ == "FORCE" and _inspected(span):  # "X's PEEL report", "an inspection of X"
                weight += _INSPECTED_WEIGHT
            score[span.id_] += weight
            first.setdefault(span.id_, span.start)
            if span.label_ == "FORCE":
                named.add(span.id_)
            surface = span.text
            for suffix in ("'s", "\u2019s"):
                surface = surface.removesuffix(suffix)
            names = mentions.setdefault(span.id_, [])
            if surface not in names:
                names.append(surface)
        order = sorted(first, key=first.get)
        ranked = sorted(order, key=lambda k: (-score[k], first[k]))
        best = ranked[0]
        compared = len(ranked) > 1 and score[best] < _LEAD_RATIO * score[ranked[1]]
        national = (
            bool(spans(doc, "NATIONAL"))
            and len(ranked) >= _NATIONAL_FORCES
            and best not in in_headline
            and score[best] < _NATIONAL_LEAD * score[ranked[1]]
        )
        leader = None if compared or national else best
        ranking = ForceRanking(order, ranked, score, mentions, named, leader)
    doc.user_data["inspectx_force_ranking"] = ranking
    return ranking


#: The lede: the article's first this many sentences (the headline one of them).
LEDE_SENTENCES = 4


def lede_end(doc: Doc) -> int:
    """Where the lede (the first LEDE_SENTENCES sentences) ends, as a character offset."""
    sents = _sentences(doc)[1]
    return sents[min(LEDE_SENTENCES, len(sents)) - 1].end_char if sents else 0


def tokens_with(doc: Doc, words: Collection[str]) -> list[Token]:
    """The tokens of `doc` whose lowercase form is one of `words`, in order, found on the
    Doc's LOWER array (iterating a Doc makes a Python Token for every word, which costs
    more than the test)."""
    if not len(doc):
        return []
    wanted = numpy.array([doc.vocab.strings.add(w) for w in words], dtype="uint64")
    found = numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), wanted))
    return [doc[int(i)] for i in found]


def tokens_starting(doc: Doc, prefixes: tuple[str, ...]) -> list[Token]:
    """The tokens of `doc` whose lowercase form starts with one of `prefixes`, in order:
    each distinct word of the Doc's LOWER array is tested once (see `tokens_with`)."""
    if not len(doc):
        return []
    lower = doc.to_array(LOWER)
    strings = doc.vocab.strings
    wanted = [h for h in numpy.unique(lower).tolist() if strings[h].startswith(prefixes)]
    if not wanted:
        return []
    found = numpy.flatnonzero(numpy.isin(lower, numpy.array(wanted, dtype="uint64")))
    return [doc[int(i)] for i in found]


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token `i` (spaCy's Token.sent scans the Doc on every call)."""
    starts, sents = _sentences(doc)
    return sents[max(bisect.bisect_right(starts, i) - 1, 0)]


def _sentences(doc: Doc) -> tuple[list[int], list[Span]]:
    """The Doc's sentences and their first tokens, listed once (cached on the Doc)."""
    cached = doc.user_data.get("inspectx_sent_starts")
    if cached is None:
        sents = list(doc.sents)
        cached = doc.user_data["inspectx_sent_starts"] = ([s.start for s in sents], sents)
    return cached


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once (spaCy joins every token again on each access)."""
    text = doc.user_data.get("inspectx_text")
    if text is None:
        text = doc.user_data["inspectx_text"] = doc.text
    return text


@cache
def _policing_words() -> tuple[str, ...]:
    words = {"inspect", "watchdog", "constabulary", "police"}
    for force in _forces_data():
        words.update(n.lower() for n in [force["name"], *force["aliases"], *force["places"]])
        words.update(f"{p.lower()} police" for p in force.get("short_places", []))
    for body in inspectorates().values():
        words.update(n.lower() for n in body["names"])
    return tuple(sorted(words))


def may_concern_policing(text: str) -> bool:
    """A cheap test before parsing: does the text name a force, an inspectorate or an inspection?

    Substring tests on the lowercased text: a false "yes" only costs a full parse.
    """
    low = text.lower().replace("\u2019", "'")
    return any(word in low for word in _policing_words())
