"""Packaged data files (`inspectx/data/*.json`), each loaded once per process."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """The parsed contents of `data/<name>.json`."""
    text = resources.files("inspectx").joinpath("data", f"{name}.json").read_text("utf-8")
    return json.loads(text)


def inflections(bases: tuple[str, ...]) -> frozenset[str]:
    """Every form of the base verbs in `bases`: "rate" gives rate, rates, rated, rating.

    Irregular forms come from data/cues.json (`irregular_verbs`). This stands in for the
    model's lemmatizer, which inspectx does not load.
    """
    return _inflections(tuple(bases))


@cache
def _inflections(bases: tuple[str, ...]) -> frozenset[str]:
    irregular = load("cues")["irregular_verbs"]
    forms: set[str] = set()
    for base in bases:
        stem = base[:-1] if base.endswith("e") else base
        forms.update({base, base + "s", base + "es", stem + "ed", gerund(base)})
        if base.endswith("y"):
            forms.update({base[:-1] + "ies", base[:-1] + "ied"})
        forms.update(irregular.get(base, []))
    return frozenset(forms)


def gerund(base: str) -> str:
    """The "-ing" form of a regular base verb ("investigate" gives "investigating", "respond"
    "responding"), as `inflections` makes it."""
    return (base[:-1] if base.endswith("e") else base) + "ing"
