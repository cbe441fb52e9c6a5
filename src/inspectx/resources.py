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
