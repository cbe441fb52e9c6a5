"""Golden end-to-end tests with the full model: fixtures/<case>.txt -> <case>.expected.json.

After a deliberate change, regenerate with `python scripts/regenerate_fixtures.py`
and review the diff.
"""

from __future__ import annotations

import json
import re

import pytest
from tests.conftest import FIXTURES

from inspectx.core import extract_many

INPUTS = {p.stem: p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html")}
CASES = sorted(INPUTS)


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    paths = [INPUTS[case] for case in CASES]
    out = {}
    for case, article in zip(CASES, extract_many(paths), strict=True):
        record = article.to_dict()
        record["source"]["path"] = f"fixtures/{INPUTS[case].name}"
        out[case] = record
    return out


@pytest.mark.parametrize("case", CASES)
def test_fixture_matches_expected(records, case):
    expected = json.loads((FIXTURES / f"{case}.expected.json").read_text(encoding="utf-8"))
    assert records[case] == expected


@pytest.mark.parametrize("case", CASES)
def test_each_finding_s_sentence_is_a_sentence_that_holds_it(records, case):
    """Not a bullet mark the sentence splitter set apart ("•"): the sentence, with the
    finding in it (a grade given to several areas at once is composed, so only its area)."""
    for finding in records[case]["improvements"] + records[case]["concerns"]:
        assert any(c.isalpha() for c in finding["sentence"]), finding
        assert finding["text"].split(" at ")[-1] in finding["sentence"], finding


def test_northumbria_facts(records):
    r = records["seed_northumbria"]
    assert r["force"]["id"] == "northumbria"
    assert r["inspectorate"]["acronym"] == "HMICFRS"
    assert r["inspectors"] == [{"name": "Phil Gormley", "title": "HM Inspector of Constabulary"}]
    assert {k: (v or {}).get("value") for k, v in r["dates"].items()} == {
        "published": "2019-04-11",
        "inspection": "2019-01",
        "previous_inspection": "2018",
        "updated": None,
    }
    bacon = next(p for p in r["people"] if p["name"] == "Rachel Bacon")
    assert bacon == {
        "name": "Rachel Bacon",
        "title": "Assistant Chief Constable",
        "organisation": "Northumbria Police",
        "role": "force",
    }
    assert r["byline"] == "Ben O'Connell, Local Democracy Reporting Service"


def test_durham_lists_are_split_into_findings(records):
    r = records["seed_durham"]
    found = [f["text"] for f in r["improvements"] + r["concerns"]]
    # one item each (the first keeps the words that make it a finding)
    for item in (
        "dealing with registered sex offenders",
        "the control room response to incidents involving children",
        "dealing with cases where youngsters are reported missing",
    ):
        assert sum(item in text for text in found) == 1, (item, found)
    assert r["dates"]["previous_inspection"]["value"] == "2019"


@pytest.mark.parametrize(
    "item",
    [
        # "Despite the good progress, several areas still require improvement. These include ...":
        # the concession is a clause of its own, so the list takes the main clause's polarity
        "prioritising investigations",
        "ensuring the prompt arrival of appropriate adults",  # "It includes ...": the area before
    ],
    ids=["these-include", "it-includes"],
)
def test_durham_items_pointing_back_to_a_concern_are_concerns(records, item):
    concerns = " | ".join(f["text"] for f in records["seed_durham"]["concerns"])
    assert item in concerns


def test_durham_improvements_listed_after_these_included(records):
    improvements = " | ".join(f["text"] for f in records["seed_durham"]["improvements"])
    assert "registered sex offenders" in improvements


def test_opinions_of_the_force_and_charity_are_not_findings(records):
    r = records["seed_northumbria"]
    texts = " ".join(f["text"] for f in r["improvements"] + r["concerns"]).lower()
    assert "extremely concerning" not in texts
    assert "disparity" not in texts
    assert "additional training" not in texts


def test_offsets_index_the_cleaned_text(records):
    for record in records.values():
        text = next(extract_many([FIXTURES / record["source"]["path"].split("/")[-1]])).text
        for finding in record["improvements"] + record["concerns"]:
            shown = text[finding["start"] : finding["end"]]
            # a grade shared by several areas is given per area: "inadequate for efficiency"
            words = set(re.findall(r"[\w-]+", finding["text"]))
            assert shown == finding["text"] or words <= set(re.findall(r"[\w-]+", shown))
        for value in record["dates"].values():
            if value and value["start"] == value["end"] == 0:
                assert any("metadata" in w for w in record["warnings"])  # the page's own date
            elif value:
                assert text[value["start"] : value["end"]] == value["text"]


def test_article_without_an_inspection_invents_nothing(records):
    r = records["not_inspection_appeal"]
    assert r["relevant"] is False
    assert r["inspectorate"] is None and r["inspectors"] == []
    assert r["improvements"] == [] and r["concerns"] == []
    assert r["force"]["id"] == "cumbria"
