"""The cached POS rules give what the model's own AttributeRuler gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from inspectx import tagmap
from inspectx.models import resolve_model_name

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def model():
    return spacy.load(resolve_model_name(None), exclude=["senter", "lemmatizer"])


def test_same_pos_as_the_attribute_ruler_on_every_fixture(model):
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    texts.append("Gonna check ai n't it, let 's see: the \t force's  custody suites were clean.")
    with model.select_pipes(disable=["attribute_ruler", "ner"]):
        docs = list(model.pipe(texts))
    ruler = model.get_pipe("attribute_ruler")
    fast = tagmap.PosRuler(model.vocab, ruler.patterns)
    for doc in docs:
        expected, got = ruler(doc.copy()), fast(doc.copy())
        assert [t.pos_ for t in got] == [t.pos_ for t in expected]


def test_a_later_rule_wins_and_several_token_rules_apply():
    nlp = spacy.blank("en")
    rules = AttributeRuler(nlp.vocab)
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"TAG": "NN", "LOWER": "fine"}]], "attrs": {"POS": "ADJ"}},
        {"patterns": [[{"LOWER": "stop"}, {"LOWER": "and"}]], "attrs": {"POS": "PROPN"}, "index": 1},
    ]
    rules.add_patterns(patterns)
    doc = nlp("fine stop and search")
    for token in doc:
        token.tag_ = "NN"
    fast = tagmap.PosRuler(nlp.vocab, rules.patterns)
    assert [t.pos_ for t in fast(doc)] == ["ADJ", "NOUN", "PROPN", "NOUN"]
    assert [t.pos_ for t in rules(doc.copy())] == ["ADJ", "NOUN", "PROPN", "NOUN"]


def test_an_unknown_test_is_refused():
    with pytest.raises(ValueError, match="unsupported"):
        tagmap.PosRuler(spacy.blank("en").vocab, [{"patterns": [[{"SHAPE": "xx"}]], "attrs": {"POS": "X"}}])


def test_the_pipeline_has_no_attribute_ruler_but_the_model_pos():
    from inspectx import pipeline

    nlp = pipeline.build()
    assert "attribute_ruler" not in nlp.pipe_names
    assert [t.pos_ for t in nlp("Inspectors praised the force.")][:2] == ["NOUN", "VERB"]
