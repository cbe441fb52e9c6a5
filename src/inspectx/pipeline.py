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

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from inspectx import dates, findings, gazetteer, people, voice
from inspectx.errors import ModelError
from inspectx.models import resolve_model_name

#: Model components inspectx does not use: verbs are matched by their inflections instead of
#: lemmas (see resources.inflections), which saves about a sixth of the model's time.
EXCLUDED = ("senter", "lemmatizer")

for _name in ("people", "quotes", "voices", "date_mentions", "findings", "grades", "inspection_relayed"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("inspectx_lines")
def mark_line_starts(doc: Doc) -> Doc:
    """Every line of the cleaned article starts a sentence (headlines have no full stop)."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
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


@Language.factory("inspectx_findings")
def make_findings(nlp: Language, name: str) -> FindingsComponent:
    return FindingsComponent()


class FindingsComponent:
    """Improvements, concerns and grades; loads the shipped finding classifier once."""

    def __init__(self) -> None:
        self.classifier = findings.FindingClassifier()

    def __call__(self, doc: Doc) -> Doc:
        doc._.findings, doc._.grades = findings.find_findings(doc, self.classifier)
        doc._.inspection_relayed = findings.attribution.inspection_relayed(doc)
        return doc


@cache
def build(model: str | None = None) -> Language:
    """Load `model` (see `resolve_model_name`) once per process and add inspectx's components."""
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
