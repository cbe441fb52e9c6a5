"""Typed records: what `extract` returns and what the JSON output is made from.

The JSON Schema printed by `inspectx schema` is derived from these same
definitions (see `json_schema`), so the record and its schema cannot drift.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Union

SCHEMA_VERSION = 1


#: Field metadata: the field came after version 1 of the record (schema_version 1), so
#: records written before it lack it; the JSON Schema does not require it.
ADDED = "inspectx_added"


@dataclass(frozen=True)
class Source:
    """Where a record came from."""

    path: str
    format: str = "text"
    encoding: str | None = None
    sha256: str | None = None
    site: str | None = None


@dataclass(frozen=True)
class Force:
    """A police force: official name, police.uk id (None where none exists) and mentions."""

    name: str
    id: str | None
    mentions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Inspectorate:
    """The body that carried out the inspection."""

    acronym: str
    name: str


@dataclass(frozen=True)
class Inspection:
    """Which inspection the article reports, with the text that says so.

    `programme`: peel, child_protection, custody, crime_data_integrity,
    vetting_and_corruption, engage_monitoring (a force moved into or out of enhanced
    monitoring), thematic (a national report), other, or None when no inspection is
    reported. `text`/`start`/`end`: the evidence (None when no phrase names it).
    """

    programme: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Inspector:
    """An official of the inspectorate, named or quoted."""

    name: str
    title: str | None = None


@dataclass(frozen=True)
class Person:
    """Anyone else named: force officers, commissioners, charity or union spokespeople."""

    name: str
    title: str | None = None
    organisation: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class DateValue:
    """A date at the precision the text supports (YYYY-MM-DD, YYYY-MM or YYYY)."""

    value: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Dates:
    """When the report came out, when the latest inspection took place, the one before, and
    when the article says it was last updated (never taken as its publication date)."""

    published: DateValue | None = None
    inspection: DateValue | None = None
    previous_inspection: DateValue | None = None
    updated: DateValue | None = None


@dataclass(frozen=True)
class Finding:
    """One finding of the inspection: a short phrase and the sentence it came from."""

    text: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Grade:
    """A graded judgement ('requires improvement' for 'investigating crime') and its force.

    `force` is the name of the force the grade's sentence names (the last named before
    the grade, else the first after it), else the article's `force`, else None.
    """

    area: str
    grade: str
    force: str | None = field(default=None, metadata={ADDED: True})


@dataclass(frozen=True)
class Quote:
    """Quoted speech with its speaker (None when the text does not say)."""

    speaker: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Extractor:
    """What made the record: inspectx's version and the spaCy model ("<name> <version>")."""

    name: str
    version: str
    model: str


@dataclass(frozen=True)
class Article:
    """Everything extracted from one article. `to_dict()` is exactly the JSON record."""

    source: Source
    relevant: bool
    title: str | None
    byline: str | None
    force: Force | None
    forces: list[Force]
    inspectorate: Inspectorate | None
    inspection: Inspection
    inspectors: list[Inspector]
    people: list[Person]
    dates: Dates
    improvements: list[Finding]
    concerns: list[Finding]
    grades: list[Grade]
    quotes: list[Quote]
    warnings: list[str]
    extractor: Extractor
    text: str | None = None
    schema_version: int = SCHEMA_VERSION

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """The JSON record; `text` is present only when asked for."""
        record = {"schema_version": self.schema_version}
        for f in dataclasses.fields(self):
            if f.name in ("schema_version", "text"):
                continue
            record[f.name] = _plain(getattr(self, f.name))
        if include_text:
            record["text"] = self.text
        return record


@dataclass(frozen=True)
class ErrorInfo:
    """Why an input gave no record: a short type and a message for people."""

    type: str
    message: str


@dataclass(frozen=True)
class ErrorRecord:
    """The record of an input that could not be processed."""

    source: Source
    error: ErrorInfo
    schema_version: int = SCHEMA_VERSION

    @classmethod
    def of(cls, label: str, exc: BaseException) -> ErrorRecord:
        """The record of the input `label` that failed with `exc`: its `InspectxError` kind
        ("read_error", "not_text", ...), or the exception's class name, and its message."""
        kind = getattr(exc, "kind", None) or type(exc).__name__
        return cls(Source(label), ErrorInfo(kind, str(exc) or type(exc).__name__))

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "source": {"path": self.source.path},
            "error": _plain(self.error),
        }


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


# --- JSON Schema ---------------------------------------------------------------------------

_SCALARS = {str: "string", int: "integer", bool: "boolean", float: "number"}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one extract record: an article or an error."""
    defs: dict[str, Any] = {}
    article = _object_schema(Article, defs, required_except={"text"})
    error = _object_schema(ErrorRecord, defs)
    # An error record carries only the path of its source.
    error["properties"]["source"] = {
        "type": "object",
        "properties": {"path": {"type": "string"}},
        "required": ["path"],
    }
    article["properties"]["text"] = {"type": ["string", "null"]}
    for (name, prop), constraint in _value_sets().items():
        schema = defs[name]["properties"][prop]
        if "enum" in constraint and "null" in schema.get("type", ()):
            constraint = {"enum": [*constraint["enum"], None]}
        schema.update(constraint)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/inspectx/inspectx/schema/record-v1.json",
        "title": "inspectx extract record",
        "oneOf": [article, error],
        "$defs": defs,
    }


#: The grades a record's `grades` give (as HMICFRS names them).
GRADES = ("outstanding", "good", "adequate", "requires improvement", "inadequate")
#: What `source.format` says the input was.
FORMATS = ("text", "html", "email")
#: A date value: a day, a month or a year.
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _value_sets() -> dict[tuple[str, str], dict[str, Any]]:
    """The closed sets of values some fields take, as JSON Schema constraints, by (object,
    field): the gazetteer's programmes, inspectorates and roles (data/*.json), the grades,
    the input formats and the shape of a date."""
    from inspectx import resources

    programmes = [*resources.load("programmes")["programmes"], "thematic", "other"]
    acronyms = [i["acronym"] for i in resources.load("inspectorates")["inspectorates"]]
    people = resources.load("people")
    roles = sorted({"inspector", *(e["role"] for e in [*people["titles"], *people["organisations"]])})
    return {
        ("Source", "format"): {"enum": list(FORMATS)},
        ("Inspectorate", "acronym"): {"enum": acronyms},
        ("Inspection", "programme"): {"enum": programmes},
        ("Person", "role"): {"enum": roles},
        ("Grade", "grade"): {"enum": list(GRADES)},
        ("DateValue", "value"): {"pattern": DATE_PATTERN},
    }


def _object_schema(cls: type, defs: dict[str, Any], required_except=frozenset()) -> dict:
    hints = typing.get_type_hints(cls)
    props = {f.name: _type_schema(hints[f.name], defs) for f in dataclasses.fields(cls)}
    return {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else "",
        "properties": props,
        "required": [  # not the fields records written before them lack
            f.name for f in dataclasses.fields(cls) if f.name not in required_except | _added(cls)
        ],
    }


def _added(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls) if f.metadata.get(ADDED)}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _type_schema(args[0], defs)
        if "type" in inner and isinstance(inner["type"], str):
            return {**inner, "type": [inner["type"], "null"]}
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": _type_schema(item, defs)}
    if dataclasses.is_dataclass(tp):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # placeholder against recursion
            defs[tp.__name__] = _object_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if tp in _SCALARS:
        return {"type": _SCALARS[tp]}
    raise TypeError(f"no JSON Schema mapping for {tp!r}")
