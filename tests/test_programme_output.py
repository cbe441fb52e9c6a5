"""`inspection.programme` in every output: the JSON record and its schema, CSV and the table."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
from click.testing import CliRunner
from tests.conftest import FIXTURES

from inspectx.cli import cli
from inspectx.record import json_schema

NORTHUMBRIA = str(FIXTURES / "seed_northumbria.txt")
APPEAL = str(FIXTURES / "not_inspection_appeal.txt")


def run(*args: str):
    return CliRunner(env={"COLUMNS": "200"}).invoke(cli, list(args), catch_exceptions=False)


def test_schema_describes_the_programme():
    inspection = json_schema()["$defs"]["Inspection"]
    programme = inspection["properties"]["programme"]
    assert programme["type"] == ["string", "null"]
    assert {"peel", "custody", "child_protection", "thematic", "other", None} <= set(programme["enum"])
    article = json_schema()["oneOf"][0]
    assert "inspection" in article["required"]


def test_json_record_has_programme_and_evidence():
    record = json.loads(run("extract", "--include-text", NORTHUMBRIA).stdout)
    jsonschema.validate(record, json_schema())
    found = record["inspection"]
    assert found["programme"] == "child_protection"
    assert record["text"][found["start"] : found["end"]] == found["text"]


def test_csv_has_a_programme_column():
    output = run("extract", "-q", "--format", "csv", NORTHUMBRIA, APPEAL).stdout
    rows = list(csv.DictReader(io.StringIO(output)))
    assert [r["programme"] for r in rows] == ["child_protection", ""]


def test_table_shows_the_programme():
    assert "child_protection" in run("extract", "-q", "--format", "table", NORTHUMBRIA).stdout
