"""Repeats merged by meaning: one finding however often the article restates it.

Two findings are one when they have the same polarity and name the same area: half
of the content words (crudely stemmed, without the generic words and without the
article's topic words, which are in every sentence) of the shorter are in the other;
or, when the topic leaves one of them a single such word and it is shared, three quarters
of all the shorter's content words, three at least, topic words included.
Graded findings merge with graded ones of the same area, and with a finding that names
all of a graded one's area and little else, or names it after "at", "in" or "for"
("improved to good at investigating crime" and the grade table's "Investigating crime:
good"); a finding that says more about the area is its evidence, a finding of its own
("violent crimes were recorded accurately" beside "good at recording crime"). A
finding in a quotation that shares two content words (outside the topic) with a finding
the story told before it, of the same polarity, is the speaker saying it again: news
quotes the inspector on what its narration has just said. Two items of one list are two
findings unless nearly word for word the same. The first statement is kept
and the restatements dropped, unless a restatement names more (then it replaces the
first, in the first's place).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from spacy.tokens import Doc, Token

from inspectx import resources
from inspectx.findings.words import vocabulary


@dataclass(frozen=True)
class FindingSpan:
    polarity: str  # "improvement" or "concern"
    text: str
    start: int  # character offsets into the cleaned text
    end: int
    sentence: str
    keys: frozenset[str]  # stemmed content words: what the finding is about
    graded: bool = False
    quoted: bool = False  # in a quotation: where news restates what its narration said
    subject: str | None = None  # the stem of its clause's subject ("check" for "some checks were late")
    bare: bool = False  # an area named with no predicate ("concerns about | the use of force")
    # stemmed nouns it names as things, not as another noun's modifier ("sickness", not the
    # "staff" of "staff sickness"); empty when unknown (then `keys` stand for them)
    named: frozenset[str] = frozenset()
    # the start (character offset) of the line that introduces the finding's list ("They
    # found:"), -1 for a finding that is no list item: a list's items are its points, each
    # its own, however many words they share
    listed: int = -1


def content_keys(tokens: list[Token]) -> frozenset[str]:
    """Stemmed content words of a phrase, without generic words and organisation or place names."""
    generic = vocabulary().generic
    return frozenset(
        stem(t.lower_)
        for t in tokens
        if t.is_alpha and not t.is_stop and t.lower_ not in generic and t.ent_type_ not in ("ORG", "GPE")
    )


def stem(word: str) -> str:
    """A crude stem for spotting repeats: "shared", "sharing" and "share" all give "shar";
    an agent noun keeps its ending ("investigators" gives "inves-or", not the "inves" of
    "investigations"): the people who do a thing are not the thing done."""
    agent = word.removesuffix("s")
    if len(agent) > 6 and agent.endswith("or"):
        return agent[:5] + "-or"
    for suffix in ("ings", "ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.removesuffix("e")[:5]


def topic_keys(doc: Doc) -> frozenset[str]:
    """Words of the article's topic ("child", "protection"): in many sentences, so no sign of a repeat."""
    sents = list(doc.sents)
    counts: dict[str, int] = {}
    for sent in sents:
        for key in content_keys(list(sent)):
            counts[key] = counts.get(key, 0) + 1
    limit = max(3, len(sents) // 5)
    return frozenset(k for k, n in counts.items() if n >= limit)


def merge(found: list[FindingSpan], topic: frozenset[str] = frozenset()) -> list[FindingSpan]:
    """`found` without repeats, in order: the same polarity and mostly the same area as an earlier one.

    A finding is compared only with the earlier ones that could be the same (see `_same`):
    the same text or the same first three words, a content word in common outside the
    topic, or for a graded finding on either side any content word in common; so a list of
    thousands of items stays fast.
    """
    kept: list[FindingSpan] = []
    plain: dict[str, set[int]] = {}  # content words outside the topic -> kept findings
    graded: dict[str, set[int]] = {}  # every content word -> kept graded findings
    every: dict[str, set[int]] = {}  # every content word -> kept findings
    texts: dict[str, set[int]] = {}
    openings: dict[str, set[int]] = {}  # first words -> kept findings (near-verbatim restatements)
    for f in found:
        if _restates(f, kept[-1] if kept else None):
            continue  # "Put another way, nearly three in ten callers waited ...": the last one again
        candidates = {i for key in f.keys - topic for i in plain.get(key, ())}
        candidates |= openings.get(_opening(f.text), set())
        candidates |= {i for key in f.keys for i in (every if f.graded else graded).get(key, ())}
        candidates |= texts.get(f.text.lower(), set())
        same = next((i for i in sorted(candidates) if _same(f, kept[i], topic)), None)
        if same is None:
            same = len(kept)
            kept.append(f)
        elif _adds_to(f, kept[same], topic):
            kept[same] = f  # the restatement says more ("delays in X" -> "delays in X and a backlog in Y")
        else:
            continue
        for key in f.keys:
            every.setdefault(key, set()).add(same)
            if f.graded:
                graded.setdefault(key, set()).add(same)
            if key not in topic:
                plain.setdefault(key, set()).add(same)
        texts.setdefault(f.text.lower(), set()).add(same)
        openings.setdefault(_opening(f.text), set()).add(same)
    return kept


#: How far (characters) a restatement marked as such may be from what it restates.
RESTATED_WITHIN = 400


def _restates(f: FindingSpan, last: FindingSpan | None) -> bool:
    """Does `f`'s sentence open with a marker of restatement ("Put another way, ...", "In
    other words, ...", "That is, ...": `restatement_openers` in data/cues.json) right
    after a finding of the same polarity? Then it says that finding again, often in
    figures that share no word with it."""
    if last is None or last.polarity != f.polarity or f.start - last.end > RESTATED_WITHIN:
        return False
    opening = f.sentence.lower().lstrip("\"'\u201c\u2018 ")
    return any(opening.startswith(marker) for marker in _restatement_openers())


@cache
def _restatement_openers() -> tuple[str, ...]:
    return tuple(resources.load("cues")["restatement_openers"])


def _opening(text: str) -> str:
    """The first three words, lowercased: where a restatement in nearly the same words
    (a standfirst and its lede) is looked for."""
    return " ".join(text.lower().split()[:3])


#: How alike (difflib's ratio of matching characters) two findings' texts must be to be one
#: finding stated twice in nearly the same words.
NEAR_VERBATIM = 0.8


def _adds_to(f: FindingSpan, k: FindingSpan, topic: frozenset[str]) -> bool:
    """Does `f` name all that `k` does and at least two more things, or say what `k`, an
    area named with no predicate ("raised concerns about | the use of force and record
    keeping"), only names ("Use of force in custody was not always recorded")?"""
    if f.graded or k.graded:
        return False
    if k.bare and not f.bare:
        return True
    fk, kk = f.keys - topic, k.keys - topic
    return len(fk - kk) >= 2 and len(kk - fk) <= 1


def _names_area(text: str, area: frozenset[str]) -> bool:
    """Does `text` name the area `area` (stemmed content words) as an area, after "at", "in"
    or "for" ("needs to get better at investigating crime on the rail network")?"""
    words = [w.strip(".,;:'\"()\u2018\u2019\u201c\u201d").lower() for w in text.split()]
    for n, word in enumerate(words):
        if word in ("at", "in", "for") and area <= {stem(w) for w in words[n + 1 : n + 1 + len(area) + 2]}:
            return True
    return False


def _same(f: FindingSpan, k: FindingSpan, topic: frozenset[str]) -> bool:
    if k.polarity != f.polarity:
        return False
    if f.text.lower() == k.text.lower():
        return True
    if f.sentence == k.sentence and not (f.graded or k.graded) and (f.end <= k.start or k.end <= f.start):
        # "found that the force had not improved X, and that supervision was not effective":
        # a sentence coordinates findings; it goes on about one only when the later clause's
        # subject is something the earlier named ("checks were done by ..., and some checks
        # were late", "completed an assessment in every case, and those assessments were good")
        later, earlier = (f, k) if f.start > k.start else (k, f)
        # "staff sickness was high, and that staff did not always have time": "staff" only
        # modified the earlier one's subject, so the later one is about something else
        if later.subject is None or later.subject not in (earlier.named or earlier.keys):
            return False
    if f.listed >= 0 and f.listed == k.listed and f.sentence != k.sentence and not (f.graded or k.graded):
        # "They found: | - too few X were allocated to officers with training | - officers
        # had a poor understanding of Y": two points of one list, said again only word for word
        return SequenceMatcher(None, f.text.lower(), k.text.lower(), autojunk=False).ratio() >= NEAR_VERBATIM
    if f.graded and k.graded:
        # an overall grade ("graded good", no area) is not the grade of an area
        return bool(f.keys and k.keys and (f.keys <= k.keys or k.keys <= f.keys))
    if f.graded or k.graded:  # "improved to good at investigating crime" / "Investigating crime: good"
        graded, other = (f, k) if f.graded else (k, f)
        # a finding that says more than the area ("violent crimes were recorded accurately in
        # most cases" beside "good at recording crime") is evidence of its own
        if len(graded.keys) < 2 or not graded.keys <= other.keys:
            return False
        return len(other.keys - graded.keys - topic) <= 1 or _names_area(other.text, graded.keys)
    fk, kk = f.keys - topic, k.keys - topic
    small = min(len(fk), len(kk))
    if small >= 2 and len(fk & kk) / small >= 0.5:
        return True
    if small < 2 and fk & kk and _mostly_the_same_words(f.keys, k.keys):
        # "victims are still not kept informed about their cases" / "victims were not routinely
        # kept informed about their case": in an article about keeping victims informed, one
        # word of each is outside the topic, and it is shared
        return True
    if f.quoted and not k.quoted and len(fk & kk) >= 2:
        return True  # a quote saying again, in the speaker's words, what the story said
    # a restatement in nearly the same words (a standfirst and its lede), whose words may all
    # be the article's topic words
    return SequenceMatcher(None, f.text.lower(), k.text.lower(), autojunk=False).ratio() >= NEAR_VERBATIM


def _mostly_the_same_words(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two findings share three content words, topic words included, and three quarters of
    the shorter's? A restatement in an article whose topic words fill both."""
    both = a & b
    return len(both) >= 3 and len(both) / min(len(a), len(b)) >= 0.75
