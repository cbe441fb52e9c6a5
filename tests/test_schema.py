from __future__ import annotations

import json

import jsonschema
import pytest
from tests.conftest import FIXTURES

from inspectx.record import json_schema


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize("expected", sorted(FIXTURES.glob("*.expected.json")), ids=lambda p: p.stem)
def test_every_fixture_record_validates(expected):
    jsonschema.validate(json.loads(expected.read_text(encoding="utf-8")), json_schema())


def test_error_record_validates():
    record = {"schema_version": 1, "source": {"path": "x.bin"}, "error": {"type": "not_text", "message": "m"}}
    jsonschema.validate(record, json_schema())


def test_schema_requires_the_extractor_of_an_article():
    article = json_schema()["oneOf"][0]
    assert "extractor" in article["required"]
    assert json_schema()["$defs"]["Extractor"]["required"] == ["name", "version", "model"]


def test_a_record_written_before_grades_had_a_force_still_validates():
    """Fields added after version 1 of the record are not required: older records, and
    files that mix old and new ones (`--resume`), stay valid."""
    record = json.loads((FIXTURES / "wiltshire_peel_2024.expected.json").read_text(encoding="utf-8"))
    assert record["grades"] and all("force" in g for g in record["grades"])
    for grade in record["grades"]:
        del grade["force"]
    jsonschema.validate(record, json_schema())
    assert "force" in json_schema()["$defs"]["Grade"]["properties"]


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("inspection", "programme"), "peel_2025"),
        (("grades", 0, "grade"), "very good"),
        (("dates", "published", "value"), "4 March 2024"),
        (("source", "format"), "pdf"),
        (("inspectorate", "acronym"), "HMRC"),
    ],
)
def test_a_value_outside_its_closed_set_does_not_validate(where, value):
    """The schema states the values a field can take: programmes, grades, formats,
    inspectorates and roles from the gazetteer, and a date's shape."""
    record = json.loads((FIXTURES / "wiltshire_peel_2024.expected.json").read_text(encoding="utf-8"))
    jsonschema.validate(record, json_schema())
    target = record
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, json_schema())


def test_the_schema_s_grades_are_those_the_grade_reader_gives():
    from inspectx.findings.grades import GRADE_POLARITY
    from inspectx.record import GRADES

    assert set(GRADES) == set(GRADE_POLARITY)
