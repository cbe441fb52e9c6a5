"""Hand-written facts for every fixture: what a reader of the article knows to be true.

`fixtures/<case>.facts.json` holds the force's police.uk id, the inspectorate, the
inspectors, the three dates, and for each improvement and concern of the inspection
the words any correct finding must contain. Unlike the golden snapshots, these are
not regenerated from the tool's output.
"""

from __future__ import annotations

import json

import pytest
from tests.conftest import FIXTURES

from inspectx.core import extract_many

CASES = sorted(p.name.removesuffix(".facts.json") for p in FIXTURES.glob("*.facts.json"))


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    paths = [next(FIXTURES.glob(f"{case}.htm*"), FIXTURES / f"{case}.txt") for case in CASES]
    return {case: a.to_dict() for case, a in zip(CASES, extract_many(paths), strict=True)}


def test_there_are_enough_cases():
    assert len(CASES) >= 17
    assert sum(1 for c in CASES if c.startswith("not_inspection")) >= 3


@pytest.mark.parametrize("case", CASES)
def test_facts(records, case):
    facts = json.loads((FIXTURES / f"{case}.facts.json").read_text(encoding="utf-8"))
    r = records[case]
    if "title" in facts:
        assert r["title"] == facts["title"]
    assert r["source"]["format"] == facts.get("format", "text")
    assert r["relevant"] is facts["relevant"]
    assert (r["force"] or {}).get("id") == facts["force"]
    assert (r["inspectorate"] or {}).get("acronym") == facts["inspectorate"]
    assert sorted(i["name"] for i in r["inspectors"]) == sorted(facts["inspectors"])
    for field in ("published", "inspection", "previous_inspection"):
        assert (r["dates"][field] or {}).get("value") == facts[field], field
    for field in ("improvements", "concerns"):
        found = [f["text"].lower().replace("\u2019", "'") for f in r[field]]
        for keywords in facts[field]:
            assert any(all(k.lower() in text for k in keywords) for text in found), (field, keywords, found)
        if not facts[field]:
            assert found == [] or facts["relevant"], field
