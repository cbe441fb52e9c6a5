"""scripts/frames.py: its items are well formed and it reads a clause as the article would."""

from __future__ import annotations

from tests.conftest import ROOT, load_script


def _frames():
    return load_script("frames")


def test_every_item_has_a_polarity_and_a_clause_and_none_repeats():
    lines = [
        line.split("\t")
        for line in (ROOT / "eval" / "frames.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert len(lines) >= 50
    assert all(len(parts) == 2 and parts[0] in ("improvement", "concern", "none") for parts in lines)
    clauses = [parts[1] for parts in lines]
    assert len(set(clauses)) == len(clauses)
    assert all(frame.count("{") == 1 for frame in _frames().FRAMES.values())


def test_a_clause_is_read_by_its_polarity_or_as_none():
    frames = _frames()
    clause = "response times in rural areas are too slow"
    assert frames.reading(f"Inspectors found that {clause}.", clause) == "concern"
    assert frames.reading("The weather was mild on Tuesday.", "the weather was mild") == "none"
