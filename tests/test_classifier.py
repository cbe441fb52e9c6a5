"""The shipped finding classifier: reproducible figures, determinism, and its data."""

from __future__ import annotations

import json

import pytest
from tests.conftest import load_script

from inspectx.findings.classifier import LABELS, MODEL_DIR, FindingClassifier


@pytest.fixture(scope="module")
def classifier():
    return FindingClassifier()


@pytest.fixture(scope="module")
def training():
    return load_script("train_findings")


def test_training_data_is_large_varied_and_valid(training):
    records = training.load_records()
    assert len(records) >= 3000
    labels = [r["label"] for r in records]
    assert labels.count("not_finding") / len(records) >= 1 / 3
    kinds = {r["kind"] for r in records}
    assert {
        "regional_news",
        "national_news",
        "inspectorate_release",
        "force_statement",
        "commissioner_statement",
    } <= kinds
    for r in records:
        for phrase in r["phrases"]:
            assert phrase in r["text"], r["_where"]


def test_pairs_never_straddle_slices(training):
    slices: dict[str, set[str]] = {}
    for r in training.load_records():
        if r.get("pair"):
            slices.setdefault(r["pair"], set()).add(training.slice_of(r))
    assert all(len(s) == 1 for s in slices.values())


def test_heldout_figures_are_the_shipped_models(training):
    """metrics.json was written by the training script for exactly these weights and data."""
    metrics = json.loads((MODEL_DIR / "metrics.json").read_text(encoding="utf-8"))
    heldout = [r for r in training.load_records() if training.slice_of(r) == "heldout"]
    assert metrics["data"]["heldout"] == len(heldout)
    assert training.evaluate(MODEL_DIR, heldout) == metrics["heldout"]
    assert metrics["heldout"]["accuracy"] >= 0.75


def test_judgements_are_deterministic_and_normalised(classifier):
    texts = [
        "Inspectors found that detectives were given too many cases to investigate properly.",
        "The report praised the force for answering emergency calls promptly.",
        "The inspection took place over two weeks in the spring.",
    ]
    first, second = classifier.judge(texts), classifier.judge(list(reversed(texts)))
    assert first == list(reversed(second))
    for judgement in first:
        assert judgement.label in LABELS
        assert abs(sum(judgement.scores.values()) - 1.0) < 1e-4
    assert [j.label for j in first] == ["concern", "improvement", "not_finding"]


def test_the_model_is_small():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 12_000_000


def test_a_span_of_a_parsed_article_is_judged_as_its_text(classifier):
    """Clauses of an article go to the classifier as spans of the article's Doc (no second
    tokenizing); the judgement must be the one its text gets, contractions included."""
    from inspectx import pipeline

    nlp = pipeline.build()
    doc = nlp.make_doc(
        "The custody suite was clean. Detainees weren't always told their rights, and "
        "officers didn't record why they'd been held. Call handlers are courteous."
    )
    clauses = [
        "The custody suite was clean.",
        "Detainees weren't always told their rights",
        "officers didn't record why they'd been held.",
        "Call handlers are courteous.",
    ]
    spans = [doc.char_span(doc.text.index(c), doc.text.index(c) + len(c)) for c in clauses]
    by_span, by_text = classifier.judge(spans), classifier.judge([s.text for s in spans])
    for a, b in zip(by_span, by_text, strict=True):
        assert a.label == b.label
        assert all(abs(a.scores[k] - b.scores[k]) < 1e-6 for k in LABELS)


def test_a_word_in_capitals_for_emphasis_is_judged_as_written_plainly(classifier):
    """A tabloid's opening word in capitals ("OFFICERS ...") is read as the word the
    classifier learnt; an acronym it learnt in capitals (PEEL) is left as it is."""
    from inspectx import pipeline

    nlp = pipeline.build()
    shouted, plain = (
        nlp(f"{first} in the control room ignored half of the PEEL recommendations.")
        for first in ("OFFICERS", "Officers")
    )
    a, b = classifier.judge([shouted[:], plain[:]])
    assert all(abs(a.scores[k] - b.scores[k]) < 1e-6 for k in LABELS)
    member = classifier.members[0]
    assert [member._as_learnt(t) for t in shouted[:2]] == ["Officers", "in"]
    assert [member._as_learnt(t) for t in shouted if t.text == "PEEL"] == ["PEEL"]


def test_recurring_words_keep_their_lexemes_and_judgements_do_not_change(tmp_path):
    """Words met in an earlier call keep their lexemes outside the memory zone (making them
    is most of the cost of a clause's Doc), at most _KEPT_WORDS of them, and a judgement
    is the same whether its words were kept or made afresh."""
    from inspectx import pipeline
    from inspectx.findings import classifier as module

    fresh = FindingClassifier()
    text = "Officers rarely recorded the reasons for a search. Supervision was good."
    doc = pipeline.build().make_doc(text)
    first, second = doc[:9], doc[9:]  # its two sentences
    member = fresh.members[0]
    before = fresh.judge([first])
    assert "reasons" not in member._recurring.kept  # met once: made in the call's zone and freed
    again = fresh.judge([first, second])
    assert "reasons" in member._recurring.kept and member.nlp.vocab.strings["reasons"]
    assert again[0].label == before[0].label
    assert all(abs(again[0].scores[k] - before[0].scores[k]) < 1e-6 for k in LABELS)
    small = module._KEPT_WORDS
    try:
        module._KEPT_WORDS = 2
        bounded = FindingClassifier()
        for _ in range(3):
            bounded.judge([first, second])
        assert len(bounded.members[0]._recurring.kept) == 2
    finally:
        module._KEPT_WORDS = small


def test_members_are_consulted_only_where_the_first_is_unsure(classifier):
    """The ensemble's cascade: a clause the first member is sure of keeps its probabilities;
    any other gets the mean of every member's."""
    assert len(classifier.members) >= 2
    texts = [
        "Inspectors found that the force answers emergency calls quickly.",
        "Supervisors did not check enough of the crimes their teams recorded.",
        "The inspection team spent a week at headquarters.",
        "Supervision of investigations was variable across the county.",
        "The force is working through a plan to reduce the number of outstanding suspects.",
        "The number of detectives has risen since the last inspection.",
    ]
    ensemble = classifier.judge(texts)
    each = [member.scores(texts) for member in classifier.members]
    threshold = classifier.cascade_below
    cascaded = 0
    for n, judgement in enumerate(ensemble):
        first = each[0][n]
        if max(first.values()) >= threshold:
            expected = first
        else:
            cascaded += 1
            expected = {label: sum(m[n][label] for m in each) / len(each) for label in LABELS}
        assert judgement.scores == pytest.approx(expected)
        assert judgement.label == max(expected, key=expected.get)
    assert 0 < cascaded < len(texts)  # the sentences test both branches


def test_a_single_pipeline_is_a_classifier_of_one(classifier):
    """A directory without ensemble.json is read as one member (how a member is evaluated)."""
    member = classifier.members[0]
    alone = FindingClassifier(member.path)
    text = ["The force's custody suites were clean and well run."]
    assert alone.judge(text)[0].scores == pytest.approx(member.scores(text)[0])


def test_a_damaged_model_directory_is_a_clear_model_error(tmp_path):
    """A broken ensemble.json or a missing member fails at load with the path, not later."""
    import shutil

    from inspectx.errors import ModelError

    copy = tmp_path / "findings"
    shutil.copytree(MODEL_DIR, copy)
    (copy / "ensemble.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="ensemble.json"):
        FindingClassifier(copy)
    settings = {"members": ["seed-842", "no-such-member"], "cascade_below": 0.9}
    (copy / "ensemble.json").write_text(json.dumps(settings), encoding="utf-8")
    with pytest.raises(ModelError, match="no-such-member"):
        FindingClassifier(copy)
    (copy / "ensemble.json").write_text(json.dumps({"members": ["seed-842"]}), encoding="utf-8")
    with pytest.raises(ModelError, match="malformed"):
        FindingClassifier(copy)
