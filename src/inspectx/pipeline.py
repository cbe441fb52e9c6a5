"""The spaCy pipeline: the English model plus inspectx's registered rule components.

Component order (see `build`):
    inspectx_lines     sentence starts at line starts (before the parser)
    ... the model's tagger, parser, ner ...
    inspectx_pos       the model's attribute-ruler rules for `pos_`, cached (see tagmap)
    inspectx_gazetteer a SpanRuler: forces, inspectorates, titles, organisations, known inspectors
    inspectx_people    people with titles, roles and organisations
    inspectx_voice     quotes with speakers, and who is speaking in each sentence
    inspectx_dates     date expressions, normalised and given roles
    inspectx_findings  improvements, concerns and grades

Importing this module imports spaCy; the CLI imports it only when it extracts.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from functools import cache

import numpy
import spacy
from spacy.attrs import IDX, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from inspectx import dates, findings, gazetteer, people, tagmap, voice, wrapping
from inspectx.errors import ModelError
from inspectx.lexemes import RecurringWords
from inspectx.models import resolve_model_name

#: Model components inspectx does not use: verbs are matched by their inflections instead of
#: lemmas (see resources.inflections), which saves about a sixth of the model's time.
EXCLUDED = ("senter", "lemmatizer")

for _name in ("people", "quotes", "voices", "date_mentions", "findings", "grades", "inspection_relayed"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


#: `Doc.user_data` key: offsets of the line breaks that only wrap a paragraph.
SOFT_BREAKS = "inspectx_soft_breaks"


@Language.component("inspectx_lines")
def mark_line_starts(doc: Doc) -> Doc:
    """Every line of the cleaned article starts a sentence (headlines have no full stop),
    but for a line that only continues a paragraph of hard-wrapped text; the parser
    decides within a sentence. core gives the model such paragraphs unwrapped (their
    soft line breaks, `doc.user_data[SOFT_BREAKS]`, found on the raw text by
    cleaner.clean_with_breaks, read as spaces); a Doc without that key has its soft
    breaks found on its own text (see wrapping)."""
    soft = doc.user_data.get(SOFT_BREAKS)
    return set_line_starts(doc, within=0, soft=wrapping.soft_breaks(doc.text) if soft is None else soft)


#: The tagger's tags of proper names (the tagger runs before the lines are marked).
_NAMES = frozenset({"NNP", "NNPS"})


def set_line_starts(doc: Doc, *, within: int, soft: Iterable[int] = ()) -> Doc:
    """Mark the first token of every line (and of its story after an agency's dateline:
    `dates.WIRE_DATELINE`) as a sentence start, and every other token with
    `within` (0: unknown, for the parser to decide; -1: not a sentence start); a line
    after a break whose offset is in `soft` is no start, nor is a word that carries on a
    name (both it and the word before tagged NNP or NNPS, with only a space between).

    Written as one array: setting `Token.is_sent_start` one token at a time scans the whole
    Doc on every call, which made an article of many short lines quadratic.
    """
    if len(doc) == 0:
        return doc
    starts = numpy.full(len(doc), within, dtype="int32")
    offsets, tags, spaced = doc.to_array([IDX, TAG, SPACY]).T
    # a name runs on: no sentence starts inside one (the parser split
    # "Nottinghamshire | Police has become ..." at a line's start)
    names = numpy.isin(tags, numpy.array([doc.vocab.strings[tag] for tag in _NAMES], dtype=tags.dtype))
    starts[1:][names[:-1] & names[1:] & (spaced[:-1] == 1)] = -1
    # a token whose text or trailing space holds a line break, unless its first is soft
    newlines = numpy.array([m.start() for m in re.finditer("\n", doc.text)], dtype=offsets.dtype)
    holders, first = numpy.unique(numpy.searchsorted(offsets, newlines, side="right") - 1, return_index=True)
    soft = frozenset(soft)
    broken = [i for i, at in zip(holders.tolist(), newlines[first].tolist(), strict=True) if at not in soft]
    starts[[i + 1 for i in broken if i + 1 < len(doc)]] = 1
    # "HULL, 3 March — | Humberside Police has ...": the story's sentence starts after the dateline
    after_datelines = [m.end() for m in dates.WIRE_DATELINE.finditer(doc.text)]
    starts[1:][numpy.isin(offsets[1:], after_datelines)] = 1
    starts[0] = 1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


@Language.component("inspectx_people")
def find_people(doc: Doc) -> Doc:
    doc._.people = people.find_people(doc)
    # a place in a person's name ("Detective Superintendent James Kent") names no force
    gazetteer.drop_places(doc, people.in_names(doc._.people))
    return doc


@Language.component("inspectx_voice")
def find_voices(doc: Doc) -> Doc:
    doc._.quotes, doc._.voices = voice.find_voices(doc, doc._.people)
    return doc


@Language.component("inspectx_dates")
def find_dates(doc: Doc) -> Doc:
    doc._.date_mentions = dates.find_dates(doc)
    return doc


@Language.factory("inspectx_findings")
def make_findings(nlp: Language, name: str) -> FindingsComponent:
    return FindingsComponent()


class FindingsComponent:
    """Improvements, concerns and grades; loads the shipped finding classifier once."""

    def __init__(self) -> None:
        self.classifier = findings.FindingClassifier()

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Docs in batches, each batch's clauses judged in one classifier call (spaCy's
        `nlp.pipe` uses this; the classifier's cost is mostly per call)."""
        for batch in minibatch(docs, batch_size):
            for doc, (found, graded) in zip(
                batch, findings.find_findings_many(batch, self.classifier), strict=True
            ):
                doc._.findings, doc._.grades = found, graded
                doc._.inspection_relayed = findings.attribution.inspection_relayed(doc)
                yield doc


#: Articles longer than this many characters go through the model in pieces of whole lines
#: of about this size, joined afterwards: the model's working memory grows with the text it
#: is given at once (some 16 KB a token), and no sentence spans two lines.
SEGMENT_CHARS = 50_000
#: The first of inspectx's components that need the whole article (the ones before it run
#: on each piece).
WHOLE_ARTICLE_FROM = "inspectx_gazetteer"

#: Held while a thread loads a model or runs one (spaCy's string store is not thread-safe).
LOCK = threading.RLock()


def build(model: str | None = None) -> Language:
    """Load `model` (see `resolve_model_name`) once per process and add inspectx's components.

    Safe to call from several threads: the first call loads, the others wait for it.
    """
    with LOCK:
        return _build(model)


@cache
def _build(model: str | None) -> Language:
    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name, exclude=[c for c in EXCLUDED])
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: is it installed?") from exc
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {name!r} needs a parser and an entity recognizer")
    tagmap.replace_attribute_ruler(nlp)  # the same POS, a seventh of the time
    nlp.add_pipe("inspectx_lines", before="parser")
    ruler = nlp.add_pipe(
        "span_ruler",
        name="inspectx_gazetteer",
        config={"spans_key": gazetteer.SPANS_KEY, "phrase_matcher_attr": "LOWER", "validate": False},
    )
    with nlp.select_pipes(disable=nlp.pipe_names):  # phrase patterns need only the tokenizer
        ruler.add_patterns(gazetteer.patterns(nlp.make_doc))
    for component in ("inspectx_people", "inspectx_voice", "inspectx_dates", "inspectx_findings"):
        nlp.add_pipe(component)
    return nlp


class LastingWords:
    """The tokenizer's lexemes and cache entries for words met in an earlier batch of
    articles, made to outlast the batches' memory zones (see inspectx.lexemes).

    `keep` is called before a batch's zone with its texts: the whitespace-delimited words
    that came back are tokenized there, outside the zone, so their lexemes and cache
    entries last; words met once stay in their batch's zone.
    """

    def __init__(self, nlp: Language, limit: int = 100_000) -> None:
        self.nlp = nlp
        self.words = RecurringWords(limit)

    @property
    def kept(self) -> set[str]:
        return self.words.kept

    def keep(self, texts: Iterable[str]) -> None:
        words: set[str] = set()
        for text in texts:
            words.update(text.split())
        recurring = self.words.recurring(words)
        if recurring:
            self.nlp.tokenizer(" ".join(recurring))


@cache
def lasting_words(nlp: Language) -> LastingWords:
    """The `LastingWords` of a loaded pipeline (one per pipeline, for the process's life)."""
    return LastingWords(nlp)


def process_in_pieces(nlp: Language, text: str, user_data: dict | None = None) -> Doc:
    """`nlp(text)` for a long article, with the model run on pieces of whole lines of about
    SEGMENT_CHARS characters (so its memory stays that of one piece), joined into one Doc
    before the components that need the whole article. `user_data` is set on that Doc.
    Hard-wrapped paragraphs must come unwrapped (`wrapping.unwrapped`): a piece ends at a
    line break, and a piece's own lines are not measured for wrapping."""
    cut = nlp.pipe_names.index(WHOLE_ARTICLE_FROM)
    pieces = []
    for piece in line_pieces(text, SEGMENT_CHARS):
        doc = nlp.make_doc(piece)
        doc.user_data[SOFT_BREAKS] = ()
        for _, component in nlp.pipeline[:cut]:
            doc = component(doc)
        doc.user_data.pop(SOFT_BREAKS, None)  # used; Doc.from_docs merges no user data
        pieces.append(doc)
    doc = Doc.from_docs(pieces, ensure_whitespace=False) if len(pieces) > 1 else pieces[0]
    doc.user_data.update(user_data or {})
    for _, component in nlp.pipeline[cut:]:
        doc = component(doc)
    return doc


def line_pieces(text: str, size: int) -> list[str]:
    """`text` cut after line breaks into pieces of at least `size` characters (the last
    may be shorter), joined they give `text` back. A cut is made only before a line that
    starts with a non-space, where the tokenizer splits the same way whether or not it
    sees what went before. A line more than twice `size` long (a whole article pasted as
    one line) is cut after the space that follows a sentence's end ("... too long. | The
    report ..."), or with none after a space between two words, where the tokenizer splits
    the same way too: the model's time and memory grow faster than the length of the text
    it is given at once."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        cut = text.find("\n", start + size - 1)
        while cut != -1 and (cut + 1 >= len(text) or text[cut + 1].isspace() or text[cut - 1].isspace()):
            cut = text.find("\n", cut + 1)
        if cut == -1 or cut - start > 2 * size:
            sentence_end = _SENTENCE_END.search(text, start + size - 1, cut if cut != -1 else len(text))
            if sentence_end is None:  # a run of words with no sentence end: cut between two words
                sentence_end = _BETWEEN_WORDS.search(text, start + size - 1, cut if cut != -1 else len(text))
            if sentence_end is not None:
                cut = sentence_end.end() - 1  # the space, which stays with the piece before
        if cut == -1:
            break
        pieces.append(text[start : cut + 1])
        start = cut + 1
    pieces.append(text[start:])
    return pieces


#: A sentence's end, one space and the next sentence's capital: where a long line is cut.
_SENTENCE_END = re.compile(r"[a-z0-9][.!?][\"\u201d\u2019]? (?=[A-Z])")
#: One space between two words, where a long line with no sentence end is cut: the tokenizer
#: splits there whether or not it sees the other side.
_BETWEEN_WORDS = re.compile(r"\w (?=\w)")
