"""Reading inputs: bytes to article text, with the format and encoding recorded.

Text is decoded by its byte-order mark, else as UTF-8, else by charset-normalizer's
detection. Saved web pages (by extension or by content) go through trafilatura's
main-text extraction. Binary data, oversized files and unreadable paths raise the
matching `InspectxError`.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from inspectx.errors import InputTooLargeError, NotTextError, ReadError

#: Default size limit for one input; `--max-bytes` changes it.
DEFAULT_MAX_BYTES = 5_000_000
HTML_SUFFIXES = {".html", ".htm"}
WESTERN = ["cp1252", "latin_1"]
_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<!--)", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Document:
    """One input, decoded: the raw article text and where it came from."""

    path: str
    text: str
    format: str
    encoding: str
    sha256: str


def read_path(path: Path, label: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and decode the file at `path`; `label` is the path as the user named it."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLargeError(f"{label}: {size} bytes is over the limit of {max_bytes}")
        data = path.read_bytes()
    except InputTooLargeError:
        raise
    except OSError as exc:
        raise ReadError(f"{label}: {exc.strerror or exc}") from exc
    return decode(data, label, is_html=path.suffix.lower() in HTML_SUFFIXES, max_bytes=max_bytes)


def decode(data: bytes, label: str, *, is_html: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode raw bytes into a `Document` (HTML is recognised by content too)."""
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{label}: {len(data)} bytes is over the limit of {max_bytes}")
    text, encoding = _decode_text(data, label)
    sha = hashlib.sha256(data).hexdigest()
    if is_html or _HTML_START.match(data[:512]):
        return Document(label, _html_to_text(text), "html", encoding, sha)
    return Document(label, text, "text", encoding, sha)


def _decode_text(data: bytes, label: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError as exc:
                raise NotTextError(f"{label}: not valid {encoding} text") from exc
    if b"\x00" in data:
        raise NotTextError(f"{label}: binary data (NUL bytes), not a text article")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        # English news that is not UTF-8 is almost always Windows-1252 (or Latin-1, the
        # same bytes but for 0x80-0x9F); unrestricted detection is the fallback.
        best = from_bytes(data, cp_isolation=WESTERN).best() or from_bytes(data).best()
        if best is None:
            raise NotTextError(f"{label}: cannot be decoded as text in any known encoding") from None
        text, encoding = str(best), best.encoding
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if text and controls / len(text) > 0.05:
        raise NotTextError(f"{label}: binary data (control characters), not a text article")
    return text, encoding


def _html_to_text(html: str) -> str:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    title = trafilatura.extract_metadata(html)
    lines = []
    if title is not None and title.title:
        lines.append(title.title)
    if text:
        lines.append(text)
    return "\n".join(lines)
