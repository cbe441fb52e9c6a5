"""inspectx: turn news articles about UK police inspections into structured JSON.

The public API is `extract`, `extract_many` and the record types; spaCy is loaded
on first use, so importing inspectx is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from inspectx.errors import InputTooLargeError, InspectxError, ModelError, NotTextError, ReadError
from inspectx.record import (
    Article,
    DateValue,
    ErrorRecord,
    Extractor,
    Finding,
    Force,
    Grade,
    Inspector,
    Inspectorate,
    Person,
    Quote,
)

__version__ = "0.1.0"
__all__ = [
    "Article",
    "DateValue",
    "ErrorRecord",
    "Extractor",
    "Finding",
    "Force",
    "Grade",
    "InputTooLargeError",
    "Inspector",
    "Inspectorate",
    "InspectxError",
    "ModelError",
    "NotTextError",
    "Person",
    "Quote",
    "ReadError",
    "__version__",
    "extract",
    "extract_many",
]

if TYPE_CHECKING:
    from inspectx.core import extract, extract_many


def __getattr__(name: str) -> Any:
    if name in ("extract", "extract_many"):
        from inspectx import core as module

        return getattr(module, name)
    raise AttributeError(name)
