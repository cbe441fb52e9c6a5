"""Reading inputs: bytes to article text, with the format and encoding recorded.

Text is decoded by its byte-order mark, else as UTF-8, else by charset-normalizer's
detection. Saved web pages (by extension or by content) go through trafilatura's
main-text extraction. Binary data, oversized files and unreadable paths raise the
matching `InspectxError`.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from inspectx.errors import InputTooLargeError, NotTextError, ReadError

#: Default size limit for one input; `--max-bytes` changes it.
DEFAULT_MAX_BYTES = 5_000_000
HTML_SUFFIXES = {".html", ".htm"}
#: How deep lxml's HTML parser nests elements (libxml2's limit without XML_PARSE_HUGE).
PARSER_DEPTH = 256
WESTERN = ["cp1252", "latin_1"]
_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<!--)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset=[\"']?([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PUBLISHED = (
    re.compile(
        r"<meta[^>]{0,200}?property=[\"']article:published_time[\"'][^>]{0,200}?content=[\"']([^\"']{10,40})",
        re.IGNORECASE,
    ),
    re.compile(
        r"<meta[^>]{0,200}?content=[\"']([^\"']{10,40})[\"'][^>]{0,200}?property=[\"']article:published_time",
        re.IGNORECASE,
    ),
    re.compile(r"\"datePublished\"\s{0,5}:\s{0,5}\"([^\"]{10,40})\""),
    re.compile(r"<time[^>]{0,200}?datetime=[\"']([^\"']{10,40})", re.IGNORECASE),
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Document:
    """One input, decoded: the raw article text, where it came from, and (for saved web
    pages) what the page's own metadata says."""

    path: str
    text: str
    format: str
    encoding: str
    sha256: str
    title: str | None = None
    byline: str | None = None
    site: str | None = None
    published: str | None = None  # ISO date from the page's metadata
    warnings: tuple[str, ...] = ()  # what reading it lost


def read_path(path: Path, label: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and decode the file at `path`; `label` is the path as the user named it.

    At most `max_bytes` + 1 bytes are read, whatever the file is (a device such as
    /dev/zero, a pipe): more than `max_bytes` raises `InputTooLargeError`.
    """
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:
                raise InputTooLargeError(f"{label}: {size} bytes is over the limit of {max_bytes}")
            data = read_limited(stream, max_bytes + 1)
    except InputTooLargeError:
        raise
    except OSError as exc:
        raise ReadError(f"{label}: {exc.strerror or exc}") from exc
    return decode(data, label, is_html=path.suffix.lower() in HTML_SUFFIXES, max_bytes=max_bytes)


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """Up to `limit` bytes from `stream` (fewer at its end), read in pieces of at most 1 MB."""
    pieces: list[bytes] = []
    left = limit
    while left > 0:
        piece = stream.read(min(left, 2**20))
        if not piece:
            break
        pieces.append(piece)
        left -= len(piece)
    return b"".join(pieces)


def decode(data: bytes, label: str, *, is_html: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode raw bytes into a `Document` (HTML is recognised by content too)."""
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{label}: more than {max_bytes} bytes, over the limit of {max_bytes}")
    sha = hashlib.sha256(data).hexdigest()
    if is_html or _HTML_START.match(data[:1024]):
        text, encoding = _decode_text(data, label, declared=_declared_charset(data))
        return _html_document(label, text, encoding, sha)
    text, encoding = _decode_text(data, label)
    return Document(label, text, "text", encoding, sha)


def _declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (`<meta charset>` or http-equiv)."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").strip().lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_text(data: bytes, label: str, declared: str | None = None) -> tuple[str, str]:
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the declaration is wrong: detect instead
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


def _html_document(label: str, html: str, encoding: str, sha: str) -> Document:
    """The main text of a saved page (trafilatura), headline first, with its metadata."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    extracted = document.as_dict() if document is not None else {}
    site = extracted.get("sitename") or None
    title = _strip_site(extracted.get("title") or None, site)
    body = extracted.get("text") or ""
    first = body.split("\n", 1)[0]
    if title and " ".join(first.split()) != " ".join(title.split()):
        body = f"{title}\n{body}"  # the headline first, once
    text = body
    warnings = ()
    if _nested_too_deep(html):
        warnings = (
            f"the page nests elements deeper than the HTML parser's limit of {PARSER_DEPTH}: "
            "its text below that depth is lost",
        )
    return Document(
        label,
        text,
        "html",
        encoding,
        sha,
        title=title,
        byline=extracted.get("author") or None,
        site=site,
        published=_published(html),
        warnings=warnings,
    )


def _nested_too_deep(html: str) -> bool:
    """Does the page nest elements deeper than lxml's HTML parser goes (it stops there)?"""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(collect_ids=False, remove_comments=True, remove_pis=True, encoding="utf-8")
    with suppress(etree.ParserError, ValueError):  # an empty page: nothing nested
        lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    return any("excessive depth" in error.message.lower() for error in parser.error_log)


def _strip_site(title: str | None, site: str | None) -> str | None:
    """ "Headline | The Northern Echo" -> "Headline"."""
    if not title:
        return title
    for sep in (" | ", " - ", " \u2013 ", " \u2014 "):
        head, found, tail = title.rpartition(sep)
        if found and head and (site and tail.strip().lower() == site.lower() or len(tail.split()) <= 4):
            return head.strip()
    return title


def _published(html: str) -> str | None:
    """The publication date the page declares: article:published_time, JSON-LD, or <time>."""
    for pattern in _PUBLISHED:
        match = pattern.search(html)
        if match and _ISO_DATE.match(match.group(1)):
            return match.group(1)[:10]
    return None
