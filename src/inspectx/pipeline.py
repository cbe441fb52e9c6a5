"""The spaCy pipeline: the English model plus inspectx's registered rule components.

Component order (see `build`):
    inspectx_lines     sentence starts at line starts (before the parser)
    ... the model's tagger, parser, ner ...
    inspectx_gazetteer a SpanRuler: forces, inspectorates, titles, organisations, known inspectors
    inspectx_people    people with titles, roles and organisations
    inspectx_voice     quotes with speakers, and who is speaking in each sentence
    inspectx_dates     date expressions, normalised and given roles
    inspectx_findings  improvements, concerns and grades

Importing this module imports spaCy; the CLI imports it only when it extracts.
"""

from __future__ import annotations

import threading
from functools import cache

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from inspectx import dates, findings, gazetteer, people, voice
from inspectx.errors import ModelError
from inspectx.models import resolve_model_name

#: Model components inspectx does not use: verbs are matched by their inflections instead of
#: lemmas (see resources.inflections), which saves about a sixth of the model's time.
EXCLUDED = ("senter", "lemmatizer")

for _name in ("people", "quotes", "voices", "date_mentions", "findings", "grades"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("inspectx_lines")
def mark_line_starts(doc: Doc) -> Doc:
    """Every line of the cleaned article starts a sentence (headlines have no full stop);
    the parser decides within a line."""
    return set_line_starts(doc, within=0)


def set_line_starts(doc: Doc, *, within: int) -> Doc:
    """Mark the first token of every line as a sentence start, and every other token with
    `within` (0: unknown, for the parser to decide; -1: not a sentence start).

    Written as one array: setting `Token.is_sent_start` one token at a time scans the whole
    Doc on every call, which made an article of many short lines quadratic.
    """
    if len(doc) == 0:
        return doc
    starts = numpy.full(len(doc), within, dtype="int32")
    starts[0] = 1
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            starts[token.i + 1] = 1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


@Language.component("inspectx_people")
def find_people(doc: Doc) -> Doc:
    doc._.people = people.find_people(doc)
    return doc


@Language.component("inspectx_voice")
def find_voices(doc: Doc) -> Doc:
    doc._.quotes, doc._.voices = voice.find_voices(doc, doc._.people)
    return doc


@Language.component("inspectx_dates")
def find_dates(doc: Doc) -> Doc:
    doc._.date_mentions = dates.find_dates(doc)
    return doc


@Language.component("inspectx_findings")
def find_findings(doc: Doc) -> Doc:
    doc._.findings, doc._.grades = findings.find_findings(doc)
    return doc


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
    nlp.add_pipe("inspectx_lines", before="parser")
    ruler = nlp.add_pipe(
        "span_ruler",
        name="inspectx_gazetteer",
        config={"spans_key": gazetteer.SPANS_KEY, "phrase_matcher_attr": "LOWER", "validate": False},
    )
    ruler.add_patterns(gazetteer.patterns(nlp.make_doc))
    for component in ("inspectx_people", "inspectx_voice", "inspectx_dates", "inspectx_findings"):
        nlp.add_pipe(component)
    return nlp
