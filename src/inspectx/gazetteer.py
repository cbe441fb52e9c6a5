"""Patterns for the gazetteer SpanRuler, built from the packaged data files.

Labels written to `doc.spans[SPANS_KEY]`, with the span's `id_` saying which entry:
    FORCE         a force's name or alias            id_: the force key
    PLACE         a force's bare place name           id_: the force key
    INSPECTORATE  a name of an inspecting body        id_: its acronym
    TITLE         a title that places a person        id_: index into people.json titles
    ORG           an organisation that gives a role   id_: index into people.json organisations
    INSPECTOR     a publicly known inspector's name   id_: index into people.json known_inspectors
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from inspectx import resources

SPANS_KEY = "inspectx"
_APOSTROPHES = ("'", "\u2019")


@dataclass(frozen=True)
class ForceEntry:
    key: str
    name: str
    id: str | None


@dataclass(frozen=True)
class Title:
    title: str
    role: str
    implies: str | None


def forces() -> dict[str, ForceEntry]:
    return {f["key"]: ForceEntry(f["key"], f["name"], f["id"]) for f in _forces_data()}


@cache
def _forces_data() -> list[dict]:
    return resources.load("forces")["forces"]


@cache
def inspectorates() -> dict[str, dict]:
    return {i["acronym"]: i for i in resources.load("inspectorates")["inspectorates"]}


@cache
def titles() -> list[Title]:
    return [Title(t["title"], t["role"], t.get("implies")) for t in resources.load("people")["titles"]]


def people_data() -> dict:
    return resources.load("people")


def _variants(text: str) -> Iterable[str]:
    yield text
    if "'" in text:
        yield text.replace("'", "\u2019")
    if "&" in text:
        yield text.replace("&", "and")


def patterns(make_doc: Callable[[str], Doc]) -> list[dict]:
    """Every SpanRuler pattern: phrases match case-insensitively (LOWER)."""
    out: list[dict] = []

    def phrase(label: str, text: str, ident: str) -> None:
        for variant in dict.fromkeys(_variants(text)):
            out.append({"label": label, "pattern": variant, "id": ident})

    for force in _forces_data():
        names = [force["name"], *force["aliases"]]
        for place in force["places"]:
            names += [f"{place} Police", f"{place} Constabulary", f"{place} Police Force"]
            for variant in dict.fromkeys(_variants(place)):
                words = [t.text for t in make_doc(variant)]
                # A bare place name counts only when capitalised ("Kent", not "kent").
                token_pattern = [{"LOWER": w.lower()} for w in words]
                token_pattern[0]["IS_LOWER"] = False
                out.append({"label": "PLACE", "pattern": token_pattern, "id": force["key"]})
        for name in names:
            phrase("FORCE", name, force["key"])
    for acronym, body in inspectorates().items():
        for name in body["names"]:
            phrase("INSPECTORATE", name, acronym)
    data = people_data()
    for index, title in enumerate(data["titles"]):
        phrase("TITLE", title["title"], str(index))
    for index, org in enumerate(data["organisations"]):
        phrase("ORG", org["name"], str(index))
    for index, person in enumerate(data["known_inspectors"]):
        for name in [person["name"], *person["aliases"]]:
            phrase("INSPECTOR", name, str(index))
    return out


def spans(doc: Doc, *labels: str) -> list[Span]:
    """The gazetteer's spans with these labels, longest first where they overlap, in order."""
    found = [s for s in doc.spans.get(SPANS_KEY, []) if s.label_ in labels]
    return sorted(filter_spans(found), key=lambda s: s.start)
