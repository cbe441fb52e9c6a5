"""Reading inputs: bytes to article text, with the format and encoding recorded.

Text is decoded by its byte-order mark, else as UTF-8 (a few stray bytes read as
Windows-1252), else by charset-normalizer's detection; mojibake already in the text is
repaired with ftfy. Saved web pages (by extension or by content) go through trafilatura's
main-text extraction. Binary data, oversized files and unreadable paths raise the
matching `InspectxError`.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import select
import time
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from inspectx.errors import InputTooLargeError, NotTextError, ReadError

#: Default size limit for one input; `--max-bytes` changes it.
DEFAULT_MAX_BYTES = 5_000_000
HTML_SUFFIXES = {".html", ".htm"}
#: Saved e-mail messages (RFC 5322, as mail programs save them), read with Python's email package.
#: A web page a browser saved as one file ("Webpage, Single File") is such a message too
#: (MHTML, RFC 2557): its HTML part is the page.
EMAIL_SUFFIXES = {".eml", ".mhtml", ".mht"}
#: How deep lxml's HTML parser nests elements (libxml2's limit without XML_PARSE_HUGE).
PARSER_DEPTH = 256
WESTERN = ["cp1252", "latin_1"]
#: A tag, comment or declaration: what makes text markup ("<p>", "</div>", "<!-- -->").
_MARKUP = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9-]*[\s/>]|/[a-zA-Z]|!)")
#: How a web page opens: a doctype, <html> or a comment, after any XML declaration (XHTML).
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!doctype html|<html|<!--)", re.IGNORECASE)
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
)
#: A character a UTF-8 lead byte becomes in Windows-1252 or Latin-1, followed by one a
#: continuation byte becomes: the shape of every mojibake sequence ftfy can repair.
_MOJIBAKE_HINT = re.compile(
    "[{}][{}]".format(
        re.escape(bytes(range(0xC2, 0xF5)).decode("latin-1")),
        re.escape(
            "".join(
                {bytes([b]).decode(c, "ignore") for b in range(0x80, 0xC0) for c in ("cp1252", "latin-1")}
            )
        ),
    )
)
_TIME_ELEMENT = re.compile(
    r"<time([^>]{0,300}?)datetime=[\"']([^\"']{10,40})[\"']([^>]{0,300})>", re.IGNORECASE
)
_MODIFIED = re.compile(r"modif|updat|edited", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,1000}>")
#: Publication dates are given as the date in the UK, where these articles are written.
LOCAL_TIMEZONE = "Europe/London"
#: Stray bytes as `surrogateescape` keeps them (U+DC80-U+DCFF), those Windows-1252 leaves
#: undefined, and what each becomes.
_STRAY = re.compile("[\udc80-\udcff]")
_STRAY_UNDEFINED = re.compile("[\udc81\udc8d\udc8f\udc90\udc9d]")
_STRAY_AS_CP1252 = {0xDC00 + b: bytes([b]).decode("cp1252", "replace") for b in range(0x80, 0x100)}
#: Byte-order marks and the codec each names.
BYTE_ORDER_MARKS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
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
    warnings: tuple[str, ...] = ()  # repairs made while decoding, and what reading it lost


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
    suffix = path.suffix.lower()
    if suffix in EMAIL_SUFFIXES:
        return decode_email(data, label, max_bytes=max_bytes)
    return decode(data, label, is_html=suffix in HTML_SUFFIXES, max_bytes=max_bytes)


#: Signatures of document formats whose files may be all ASCII, and would otherwise be read
#: as text: their page-description operators taken for an article's words.
_DOCUMENT_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"%!PS", "a PostScript document"),
    (b"{\\rtf", "an RTF document"),  # all ASCII: its control words would be read as the article's
    (b"PK\x03\x04", "a zip archive (as a .docx, .odt or .epub document is)"),
)


def _document_format(data: bytes) -> str | None:
    """The name of the document format `data` is in (a PDF, PostScript, RTF or zipped office
    file, by its signature at the start, after any whitespace), or None."""
    head = data[:1024].lstrip()
    return next((name for signature, name in _DOCUMENT_SIGNATURES if head.startswith(signature)), None)


def read_limited(stream: BinaryIO, limit: int, seconds: float | None = None) -> bytes:
    """Up to `limit` bytes from `stream` (fewer at its end), read in pieces of at most 1 MB.

    With `seconds`, a pipe, socket or terminal that has not reached its end by then (a
    writer that never closes it) raises TimeoutError; waiting is done with `select`, so
    only on streams with a file descriptor (a regular file is always ready)."""
    fd = _descriptor(stream) if seconds is not None else None
    if fd is None or seconds is None:
        read = stream.read
    else:
        end = time.monotonic() + seconds

        def read(size: int) -> bytes:
            left = end - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError(f"no end of input within {seconds:g} s")
            return os.read(fd, size)

    pieces: list[bytes] = []
    left = limit
    while left > 0:
        piece = read(min(left, 2**20))
        if not piece:
            break
        pieces.append(piece)
        left -= len(piece)
    return b"".join(pieces)


def _descriptor(stream: BinaryIO) -> int | None:
    """The file descriptor of a stream nothing has been read from through its buffer, or None."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    return None if _buffered(stream) else fd


def _buffered(stream: BinaryIO) -> bool:
    """Has a buffered stream bytes waiting in its buffer (which os.read would skip)?"""
    raw = getattr(stream, "raw", None)
    if raw is None:
        return False
    try:
        return stream.tell() != raw.tell()
    except OSError:  # a pipe cannot tell: nothing has been read from stdin before extraction
        return False


def decode(data: bytes, label: str, *, is_html: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode raw bytes into a `Document` (HTML is recognised by content too)."""
    _check_size(data, label, max_bytes)
    kind = _document_format(data)
    if kind is not None:
        raise NotTextError(f"{label}: {kind}, not a text article (convert it to text first)")
    if not is_html and _is_mime_message(data):
        return decode_email(data, label, max_bytes=max_bytes)  # a raw message on stdin or in a .txt
    if _is_own_output(data):
        raise NotTextError(f"{label}: inspectx's own output (its records), not an article")
    if is_shown_page(data):
        raise NotTextError(f"{label}: inspectx's own output (a page `inspectx show` wrote), not an article")
    sha = hashlib.sha256(data).hexdigest()
    if is_html or _starts_like_html(data):
        text, encoding, warnings = _decode_text(data, label, declared=_declared_charset(data))
        if _MARKUP.search(text):
            return _html_document(label, text, encoding, sha, tuple(warnings))
        # "article.html" that is plain text (a page saved as text, a misnamed file): read as
        # text, or the page extractor would find nothing in it
        warnings.append("named as a web page but holds no markup: read as plain text")
        return Document(label, text, "text", encoding, sha, warnings=tuple(warnings))
    text, encoding, warnings = _decode_text(data, label)
    return Document(
        label, without_column_rule(text, warnings), "text", encoding, sha, warnings=tuple(warnings)
    )


#: A line that ends in a print page's column rule: its words, padding, one "|" (and no other).
_RULED_LINE = re.compile(r"^([^|]*?)[ \t]*\|[ \t]*$")
#: The least share of a text's non-blank lines that must end in the rule, at one column,
#: for it to be a column rule and not a line's own "|" ("News | Crime |" menus have more).
_RULE_SHARE = 0.8
_RULE_MIN_LINES = 5


def without_column_rule(text: str, warnings: list[str]) -> str:
    """`text` without the column rule a print page saved as text draws down the right of
    its column ("Durham Constabulary has been praised for how it supports    |"): when at
    least 80% of the non-blank lines (and five or more) end in padding and one "|" at the
    same column, that "|" and its padding go, with a warning. The rule stopped wrapped
    lines from joining into paragraphs. A table's rows ("| Area | Grade |") have more than
    one "|", and a line's own "|" stands at no common column: both are left alone."""
    lines = text.split("\n")
    filled = sum(1 for line in lines if line.strip())
    ruled = {n: line.rstrip().rfind("|") for n, line in enumerate(lines) if _RULED_LINE.match(line)}
    columns = list(ruled.values())
    if filled < _RULE_MIN_LINES or not columns:
        return text
    column = max(set(columns), key=columns.count)
    if columns.count(column) < _RULE_SHARE * filled:
        return text
    for n, at in ruled.items():
        if at == column:
            lines[n] = lines[n][:at].rstrip()
    warnings.append("a column rule ('|' at the end of each line) removed")
    return "\n".join(lines)


def decode_email(data: bytes, label: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """A saved e-mail message (.eml): its plain-text body, or else its HTML body as a saved
    page; the Subject header as the title and the Date header as the published date (in
    the UK). Parsed by Python's `email` package (MIME parts, transfer and character
    encodings). A message forwarded as an attachment (within another, up to
    FORWARDED_DEPTH deep) or a text or HTML attachment is the article when its text is
    longer than the covering note's; a base64 body cut short is decoded as far as it goes,
    with a warning. Raises `NotTextError` for a message with neither body, or nested too
    deeply to read."""
    _check_size(data, label, max_bytes)
    try:
        return _decode_email(data, label, max_bytes)
    except RecursionError:  # the email package recurses once per level of nested parts
        raise NotTextError(f"{label}: an e-mail message with parts nested too deeply to read") from None


def _decode_email(data: bytes, label: str, max_bytes: int) -> Document:
    import email
    import email.policy
    import email.utils

    sha = hashlib.sha256(data).hexdigest()
    message = email.message_from_bytes(data, policy=email.policy.default)
    forwarded = _forwarded_message(message)
    if forwarded is not None:  # "FYI, see the release attached": the attached message is the article
        inner = decode_email(forwarded.as_bytes(), label, max_bytes=max_bytes)
        return replace(inner, sha256=sha)
    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None and not _payload(body)[0].strip():
        body = message.get_body(preferencelist=("html",)) or body  # an empty text part beside the page
    attached = _attached_text(message)
    if attached is not None and (body is None or len(_payload(attached)[0].strip()) > _body_length(message)):
        body = attached  # "FYI, see attached." with the article as a text or HTML attachment
    payload, repaired = _payload(body) if body is not None else (b"", False)
    if not payload.strip():  # no body, or headers only: nothing to read
        raise NotTextError(f"{label}: an e-mail message with no text or HTML body")
    charset = body.get_content_charset()
    declared = charset if charset and _known_codec(charset) else None
    text, encoding, warnings = _decode_text(payload, label, declared=declared)
    if repaired:
        warnings.append("the e-mail's base64 body was cut short: what there was of it was decoded")
    subject = " ".join(str(message.get("subject") or "").split()) or None
    if subject and "\ufffd" in subject:
        subject = _raw_subject(data, declared) or subject
    if subject:
        subject = MAIL_PREFIX.sub("", subject) or subject  # "Fwd: Watchdog praises ..."
    if body.get_content_subtype() == "html" and _saved_page(message):
        # its Date is when the page was saved and its Subject the page's <title>: the page's
        # own metadata says when it was published
        return replace(_html_document(label, text, encoding, sha, tuple(warnings)), format="html")
    published = None
    with suppress(TypeError, ValueError, IndexError):
        published = local_date(email.utils.parsedate_to_datetime(str(message.get("date") or "")).isoformat())
    if body.get_content_subtype() == "html":
        page = _html_document(label, text, encoding, sha, tuple(warnings))
        title = subject or page.title  # the message's own title, as for a text body
        return Document(
            label, page.text, "email", encoding, sha, title, page.byline, page.site,
            published or page.published, page.warnings,
        )  # fmt: skip
    if subject and " ".join(text.split("\n", 1)[0].split()) != subject:
        text = f"{subject}\n\n{text}"  # the headline first, as on a page
    return Document(
        label, text, "email", encoding, sha, title=subject, published=published, warnings=tuple(warnings)
    )


def _saved_page(message: Any) -> bool:
    """Is the message a web page a browser saved as one file (MHTML: "multipart/related"
    with the page's address in `Snapshot-Content-Location`, or "Saved by" a browser), not
    an e-mail?"""
    if message.get("snapshot-content-location"):
        return True
    saved_by = "saved by" in str(message.get("from") or "").lower()
    return saved_by and message.get_content_type() == "multipart/related"


def _forwarded_message(message: Any) -> Any | None:
    """The message attached to `message` (a `message/rfc822` part: forwarded as an
    attachment) when its text, or that of a message forwarded within it, is longer than
    the covering note's (or there is none), else None."""
    inner = _attached_message(message)
    if inner is None:
        return None
    return inner if _text_length(inner) > _body_length(message) else None


def _attached_message(message: Any) -> Any | None:
    """The first message attached to `message` (a `message/rfc822` part), or None."""
    attached = next((p for p in message.walk() if p.get_content_type() == "message/rfc822"), None)
    if attached is None:
        return None
    inner = attached.get_payload()
    inner = inner[0] if isinstance(inner, list) and inner else inner
    return inner if hasattr(inner, "get_body") else None


#: How many messages forwarded within one another are looked into for the article.
FORWARDED_DEPTH = 20


def _text_length(message: Any, depth: int = FORWARDED_DEPTH) -> int:
    """Bytes of the longest body of `message` and the messages forwarded within it (a
    message forwarded twice holds its article two levels down)."""
    inner = _attached_message(message) if depth > 0 else None
    return max(_body_length(message), _text_length(inner, depth - 1) if inner is not None else 0)


def _body_length(message: Any) -> int:
    """Bytes of the message's own text or HTML body (not its attachments)."""
    body = message.get_body(preferencelist=("plain", "html"))
    return len(_payload(body)[0].strip()) if body is not None else 0


def _attached_text(message: Any) -> Any | None:
    """The longest text or HTML attachment of `message` ("article.txt" sent with "FYI,
    see attached."), or None."""
    parts = (
        [
            p
            for p in message.iter_attachments()
            if p.get_content_type() in ("text/plain", "text/html") and not p.is_multipart()
        ]
        if message.is_multipart()
        else []
    )
    return max(parts, key=lambda p: len(_payload(p)[0].strip()), default=None)


def _payload(part: Any) -> tuple[bytes, bool]:
    """The decoded bytes of a MIME part, and whether a base64 body cut short (a length not
    a multiple of four, which Python's `email` then leaves undecoded) was decoded as far as
    it goes."""
    from email import errors

    payload = part.get_payload(decode=True) or b""
    cut = any(isinstance(d, errors.InvalidBase64LengthDefect) for d in part.defects)
    if not cut or str(part.get("content-transfer-encoding", "")).strip().lower() != "base64":
        return payload, False
    import base64
    import binascii

    encoded = re.sub(rb"[^A-Za-z0-9+/]", b"", part.get_payload(decode=False).encode("ascii", "ignore"))
    encoded = encoded[: len(encoded) - len(encoded) % 4]
    try:
        return base64.b64decode(encoded), True
    except (binascii.Error, ValueError):
        return payload, False


#: A header line of an e-mail message as mail programs save it (RFC 5322), and the MIME
#: headers that only a raw message has (a message pasted from a mail program has none).
_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{0,40}:[ \t]|^[ \t]+\S")
_MIME_HEADER = re.compile(rb"^(mime-version|content-type|content-transfer-encoding):", re.IGNORECASE)


def _raw_subject(data: bytes, charset: str | None) -> str | None:
    """The Subject header of a message that wrote it in raw 8-bit bytes (not RFC 2047),
    which the `email` package gives as U+FFFD: decoded as a body would be (UTF-8, the
    declared charset, or a detected one, with mojibake repaired). None when there is no
    such header."""
    head = re.split(rb"\r?\n\r?\n", data, maxsplit=1)[0]
    found = re.search(rb"^subject:[ \t]*(.*(?:\r?\n[ \t].*)*)", head, re.IGNORECASE | re.MULTILINE)
    if found is None:
        return None
    text, _, _ = _decoded(found.group(1), "Subject", charset)
    return " ".join(text.split()) or None


#: A mail program's reply or forward prefixes on a subject line ("Fwd: ", "RE: FW: ").
MAIL_PREFIX = re.compile(r"^(?:\s*(?:re|fwd?|aw|wg)\s*:\s*)+", re.IGNORECASE)


def _check_size(data: bytes, label: str, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{label}: more than {max_bytes} bytes, over the limit of {max_bytes}")


def _is_mime_message(data: bytes) -> bool:
    """Does the input open with an e-mail message's header block (every line up to the
    first blank one a header or its continuation, one of them a MIME header)?"""
    head = data[:16384].lstrip(codecs.BOM_UTF8)
    end = re.search(rb"\r?\n\r?\n", head)
    if end is None:
        return False
    lines = head[: end.start()].splitlines()
    return (
        len(lines) >= 2
        and all(_HEADER_LINE.match(line) for line in lines)
        and any(_MIME_HEADER.match(line) for line in lines)
    )


#: The opening of inspectx's own output: a JSON record (JSON Lines, or the first of a JSON
#: array) or the CSV header.
_OWN_OUTPUT = re.compile(rb'^\s*\[?\s*\{\s*"schema_version"\s*:|^path,title,force,force_id,inspectorate,')


def _is_own_output(data: bytes) -> bool:
    """Is the input a file inspectx wrote (`extract -o results.txt` into a folder it later
    reads)? Read as an article, its records would give plausible records of their own."""
    return bool(_OWN_OUTPUT.match(data[:200].lstrip(codecs.BOM_UTF8)))


#: The mark `inspectx show` puts in the head of every page it writes.
SHOWN_PAGE_MARK = '<meta name="generator" content="inspectx'


def is_shown_page(data: bytes) -> bool:
    """Is the input a page `inspectx show` wrote (its generator mark in the first 2 KB)? Read
    as an article, it gives its article's record again, and the title "inspectx: ..."."""
    return SHOWN_PAGE_MARK.encode() in data[:2048]


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _starts_like_html(data: bytes) -> bool:
    """Whether the input opens like a web page, after any byte-order mark."""
    head, encoding = data[:2048], "latin_1"
    for bom, bom_encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            head, encoding = data[len(bom) : 2048], bom_encoding.removesuffix("-sig")
            break
    return bool(_HTML_START.match(head.decode(encoding, errors="ignore")))


def _declared_charset(data: bytes) -> str | None:
    """The text encoding a page declares in its first 4 KB (`<meta charset>` or http-equiv).

    A declaration that names no text codec (`base64`, `rot13`, an unknown name) is
    ignored. As the HTML standard says, a declared UTF-16 on bytes without a UTF-16
    byte-order mark means UTF-8 (the page could not have been parsed to find it otherwise).
    """
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").strip().lower()
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None  # base64, hex, zlib, rot13: the flag `bytes.decode` itself checks
    if info.name.startswith("utf-16") or info.name.startswith("utf-32"):
        return "utf-8"
    return info.name


def _decode_text(data: bytes, label: str, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Text, the encoding used, and warnings about repairs made on the way.

    Terminal escape sequences and control characters other than whitespace (C0, DEL, C1
    and bidirectional overrides; ftfy's `remove_terminal_escapes` and
    `remove_control_chars`) are removed after decoding, with a warning: they are never
    article text, and would otherwise reach a terminal through `show` or a CSV (or, for
    overrides, reorder what it shows). C1 characters go only after ftfy has used them to
    repair mojibake.
    """
    text, encoding, warnings = _decoded(data, label, declared)
    return _without_controls(text, warnings), encoding, warnings


#: C1 control characters, which ftfy's `remove_control_chars` keeps as mojibake clues, and
#: the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069):
#: they reorder what a terminal shows ("Trojan Source"), and English news needs none.
_MORE_CONTROLS = dict.fromkeys([*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)])


#: Unicode's other line ends (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR), which str.splitlines
#: honours and the cleaner's lines do not, and the vertical tab (Word's manual line break in
#: text it exports) and form feed (a page break in text taken from a PDF): each becomes a
#: newline, never a removed control.
_LINE_ENDS = {0x0B: "\n", 0x0C: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n"}


def _without_controls(text: str, warnings: list[str]) -> str:
    from ftfy.fixes import remove_control_chars, remove_terminal_escapes

    text = text.translate(_LINE_ENDS)
    cleaned = remove_control_chars(remove_terminal_escapes(text)).translate(_MORE_CONTROLS)
    if len(cleaned) != len(text):
        warnings.append(f"{len(text) - len(cleaned)} control characters removed")
    return cleaned


#: At most this share of NUL bytes (or one) in a file of some length that is otherwise UTF-8
#: text is taken for stray bytes (a truncated write, a pasted terminal capture) and removed;
#: more is binary.
_STRAY_NUL_SHARE = 0.001


def _decoded(data: bytes, label: str, declared: str | None = None) -> tuple[str, str, list[str]]:
    warnings: list[str] = []
    if (
        declared
        and not data.startswith(tuple(bom for bom, _ in BYTE_ORDER_MARKS))
        and not _is_utf8_beyond_ascii(data, declared)
    ):
        try:
            return _repair_mojibake(data.decode(declared), warnings), declared, warnings
        except UnicodeDecodeError:
            pass  # the declaration is wrong: detect instead
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                if encoding != "utf-8-sig":
                    raise NotTextError(f"{label}: not valid {encoding} text") from exc
                data = data[len(bom) :]  # UTF-8 with stray bytes: read as it is without the mark
                break
            return _repair_mojibake(text, warnings), encoding.removesuffix("-sig"), warnings
    if b"\x00" in data:
        unmarked = _utf16_without_bom(data)
        if unmarked is not None:
            text, encoding = unmarked
            warnings.append(f"no byte-order mark: read as {encoding} (charset-normalizer)")
            return _repair_mojibake(text, warnings), encoding, warnings
        nuls = data.count(0)
        stray = len(data) >= _UTF16_MIN_BYTES and nuls <= max(1, len(data) * _STRAY_NUL_SHARE)
        if not stray or not _is_utf8(data.replace(b"\x00", b"")):
            raise NotTextError(f"{label}: binary data (NUL bytes), not a text article")
        data = data.replace(b"\x00", b"")
        warnings.append(f"{nuls} NUL byte{'s' if nuls > 1 else ''} removed")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        mostly = _mostly_utf8(data)
        if mostly is not None:
            text, repairs = mostly
            encoding = "utf-8"
            warnings.extend(repairs)
        else:
            text, encoding = _detect(data, label)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if text and controls / len(text) > 0.05:
        raise NotTextError(f"{label}: binary data (control characters), not a text article")
    return _repair_mojibake(text, warnings), encoding, warnings


#: Fewer bytes than this with NULs in them are not taken for UTF-16 text.
_UTF16_MIN_BYTES = 64


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without its byte-order mark (some Windows tools do): (text,
    "utf-16-le" or "utf-16-be") when charset-normalizer finds UTF-16 and the text decodes
    cleanly, else None (binary data, whose NUL bytes fall anywhere)."""
    import charset_normalizer

    head = data[:65536]
    best = charset_normalizer.from_bytes(head, cp_isolation=["utf_16_le", "utf_16_be"]).best()
    if best is None or len(head) < _UTF16_MIN_BYTES:
        return None
    encoding = best.encoding.replace("_", "-")
    high = head[1::2] if encoding == "utf-16-le" else head[0::2]  # each character's high byte
    if high.count(0) < len(high) / 2:
        return None  # English text is mostly ASCII: most high bytes are NUL
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if not text or controls / len(text) > 0.01:
        return None
    return text, encoding


def _mostly_utf8(data: bytes) -> tuple[str, list[str]] | None:
    """UTF-8 text with a few stray bytes: the text with each stray byte read as Windows-1252
    (U+FFFD where Windows-1252 defines none), and warnings saying so; None when the stray
    bytes are not fewer than the well-formed non-ASCII characters (a legacy encoding, then).

    One pass: `surrogateescape` keeps each stray byte as a lone surrogate, which a
    translation table then replaces.
    """
    text = data.decode("utf-8", "surrogateescape")
    stray = len(_STRAY.findall(text))
    non_ascii = len(text) - len(text.encode("ascii", "ignore")) - stray
    if stray > non_ascii:
        return None
    undefined = len(_STRAY_UNDEFINED.findall(text))
    warnings = []
    if stray - undefined:
        warnings.append(f"{_bytes(stray - undefined)} not UTF-8 read as Windows-1252")
    if undefined:
        warnings.append(f"{_bytes(undefined)} not UTF-8 replaced by U+FFFD")
    return text.translate(_STRAY_AS_CP1252), warnings


def _bytes(n: int) -> str:
    return "1 byte that is" if n == 1 else f"{n} bytes that are"


def _detect(data: bytes, label: str) -> tuple[str, str]:
    """Text in a legacy encoding, by charset-normalizer's detection.

    English news that is not UTF-8 is almost always Windows-1252 (or Latin-1, the same
    bytes but for 0x80-0x9F), so those are tried first; then the detector's best few
    guesses, of which the one whose text looks least like mojibake (ftfy's badness) wins
    over the first guess.
    """
    from charset_normalizer import from_bytes

    # terminal escapes and C0 controls, left in, make charset-normalizer refuse every
    # encoding: the encoding is found without them, and the text decoded with them, for
    # `_without_controls` to remove with its warning
    plain = _without_byte_controls(data)
    western = from_bytes(plain, cp_isolation=WESTERN).best()
    if western is not None:
        text = _decoded_whole(data, western)
        if _mac_roman_marks(text) >= 2 and not re.search(rb"[\x91-\x94]", data):
            return data.decode("mac_roman"), "mac_roman"
        return text, western.encoding
    guesses = list(from_bytes(plain))[:5]
    if not guesses:
        raise NotTextError(f"{label}: cannot be decoded as text in any known encoding")
    from ftfy.badness import badness

    best = min(guesses, key=lambda guess: badness(str(guess)))
    if best.encoding in _MAC_VARIANTS:
        with suppress(UnicodeDecodeError):
            return data.decode("mac_roman"), "mac_roman"  # English: Mac OS Roman, not a national variant
    return _decoded_whole(data, best), best.encoding


#: Mac OS Roman punctuation as Windows-1252 shows it: an apostrophe (0xD5) read as "Õ"
#: inside a word ("forceÕs", "donÕt"), quotation marks (0xD2, 0xD3) read as "Ò...Ó", and
#: a dash (0xD0, 0xD1) read as "Ð" or "Ñ" between spaces. English in Windows-1252 has none.
_MAC_ROMAN_MARKS = re.compile(
    r"[A-Za-z]\u00d5(?:s|t|d|m|ll|re|ve)\b"  # apostrophe
    r"|\u00d2\w[^\u00d3\n]{0,300}\u00d3"  # quotation marks
    r"| [\u00d0\u00d1] "  # dashes
)


#: Mac OS encodings that differ from Mac OS Roman in a few letters English never uses.
_MAC_VARIANTS = frozenset({"mac_iceland", "mac_turkish", "mac_croatian", "mac_romanian"})


def _mac_roman_marks(text: str) -> int:
    """How many signs the text, read as Windows-1252, shows of being Mac OS Roman (Mac
    programs before OS X, and some still, save plain text in it; charset-normalizer
    cannot tell the two apart, as every byte means something in both)."""
    return len(_MAC_ROMAN_MARKS.findall(text))


def _without_byte_controls(data: bytes) -> bytes:
    """`data`, bytes of an ASCII-compatible encoding (the only kind `_detect` is given),
    without ftfy's terminal escapes and C0 controls: read as Latin-1, which maps each byte
    to one character and back, so ftfy's own functions decide (C1 bytes stay)."""
    from ftfy.fixes import remove_control_chars, remove_terminal_escapes

    return remove_control_chars(remove_terminal_escapes(data.decode("latin-1"))).encode("latin-1")


def _decoded_whole(data: bytes, match) -> str:
    """`data` decoded with the encoding charset-normalizer found (`match`) for it less its
    controls; that decoding of them itself if `data` does not decode."""
    try:
        return data.decode(match.encoding)
    except (UnicodeDecodeError, LookupError):
        return str(match)


def _repair_mojibake(text: str, warnings: list[str]) -> str:
    """Text with UTF-8 read in a legacy encoding (`â€™`, `Ã©`) repaired by ftfy, with a warning.

    ftfy runs only where such a sequence can occur (a lead byte's character followed by a
    continuation byte's), which keeps clean text fast and untouched.
    """
    if _MOJIBAKE_HINT.search(text) is None:
        return text
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if fixed != text:
        warnings.append("mojibake repaired (ftfy)")
    return fixed


def _is_utf8_beyond_ascii(data: bytes, declared: str) -> bool:
    """Whether a page that declares another charset is in fact UTF-8.

    Multi-byte UTF-8 sequences decode "cleanly" in any single-byte charset, as
    mojibake ("praised \u00e2\u0080\u0094 but"); real Windows-1252 or Latin-1 text
    with non-ASCII letters is almost never valid UTF-8. So bytes that are valid UTF-8
    and not pure ASCII are read as UTF-8, whatever the page declares.
    """
    if codecs.lookup(declared).name == "utf-8" or data.isascii():
        return False
    return _is_utf8(data)


#: The warning for a saved page with no story text trafilatura can find.
NO_STORY = "no story text found on the page: its scripts may fill it in, or it may be in frames"


def _html_document(label: str, html: str, encoding: str, sha: str, warnings: tuple[str, ...]) -> Document:
    """The main text of a saved page (trafilatura), headline first, with its metadata.

    Reader comments are removed first, and tables in table cells flattened; list items of
    the story that trafilatura's precise extraction dropped are taken back from a
    recall-oriented one.
    """
    import trafilatura

    from inspectx import webpage

    html = webpage.tidied(html)
    document = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        # a date the page states (htmldate); the extensive search guesses "2023-01-01" from "(c) 2023"
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    extracted = document.as_dict() if document is not None else {}
    if not extracted.get("text"):
        # no story found (a page its scripts fill in, a frameset): its title and site are still
        # the page's, and a warning says why the text is empty
        metadata = trafilatura.extract_metadata(html)
        for key in ("title", "sitename"):
            if not extracted.get(key) and metadata is not None:
                extracted[key] = getattr(metadata, key, None)
        warnings += (NO_STORY,)
    site = extracted.get("sitename") or None
    title = _strip_site(extracted.get("title") or None, site)
    body = extracted.get("text") or ""
    if "<li" in html:  # lists the precise extraction may have dropped with their page
        recall = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
        body = webpage.with_lists(body, recall or "")
    # trafilatura writes a list item as "- item"; the page's line is the item alone
    body = "\n".join(line[2:] if line.startswith("- ") else line for line in body.split("\n"))
    h1 = webpage.headline(html)
    stated = webpage.dateline(h1)
    if stated and stated not in body:  # trafilatura keeps the dateline only as metadata
        body = _under_headline(body, title, stated)
    summary = webpage.standfirst(h1)  # under the headline, above the dateline
    if summary and " ".join(summary.split()) not in " ".join(body.split()):  # dropped by trafilatura
        body = _under_headline(body, title, summary)
    first = body.split("\n", 1)[0]
    if title and " ".join(first.split()) != " ".join(title.split()):
        body = f"{title}\n{body}"  # the headline first, once
    text = body
    if _nested_too_deep(html):
        # the depth, not scripts or frames, is why no story was found
        warnings = tuple(w for w in warnings if w != NO_STORY) + (
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
        byline=_author(extracted.get("author"), h1),
        site=site,
        published=_published(html) or _stated_date(html, extracted.get("date")),
        warnings=warnings,
    )


def _under_headline(body: str, title: str | None, line: str) -> str:
    """`body` with `line` put right under its first line when that is the headline, else first."""
    head, _, rest = body.partition("\n")
    if title and " ".join(head.split()) == " ".join(title.split()):
        return f"{head}\n{line}\n{rest}"
    return f"{line}\n{body}"


def _author(author: str | None, h1) -> str | None:
    """The page's byline: trafilatura's author, unless it has none or made several of one
    credit ("Liam Thorp; Political Editor"): then the credit under the headline, read as
    an article's byline is (`webpage.byline`)."""
    from inspectx import webpage

    if author and ";" not in author:
        return author
    return webpage.byline(h1) or author or None


def _nested_too_deep(html: str) -> bool:
    """Does the page nest elements deeper than lxml's HTML parser goes (it stops there)?"""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(collect_ids=False, remove_comments=True, remove_pis=True, encoding="utf-8")
    with suppress(etree.ParserError, ValueError):  # an empty page: nothing nested
        lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    return any("excessive depth" in error.message.lower() for error in parser.error_log)


def _strip_site(title: str | None, site: str | None) -> str | None:
    """ "Headline | The Northern Echo" -> "Headline": the tail after the last bar or dash
    when it is the page's site name, or looks like one (four words at most, each
    capitalised but for "and", "of", "the" ... inside: "BBC News", "News and Star"); not
    the end of the headline itself ("Force praised - but concerns remain")."""
    if not title:
        return title
    for sep in (" | ", " - ", " \u2013 ", " \u2014 "):
        head, found, tail = title.rpartition(sep)
        if found and head and (site and tail.strip().lower() == site.lower() or _site_name_like(tail)):
            return head.strip()
    return title


def _site_name_like(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 4
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_FUNCTION_WORDS for w in words)
    )


_NAME_FUNCTION_WORDS = frozenset({"and", "of", "the", "for", "on", "&", "-"})


def _published(html: str) -> str | None:
    """The publication date the page declares (article:published_time, JSON-LD
    datePublished, or a `<time>` element that is not marked as an update), as the date
    in London (`LOCAL_TIMEZONE`) when the timestamp has a UTC offset."""
    for pattern in _PUBLISHED:
        match = pattern.search(html)
        if match and _ISO_DATE.match(match.group(1)):
            return local_date(match.group(1))
    for match in _TIME_ELEMENT.finditer(html):
        if _is_update(html, match):
            continue  # "Updated <time ...>", itemprop="dateModified", class="updated"
        if _ISO_DATE.match(match.group(2)):
            return local_date(match.group(2))
    return None


def _stated_date(html: str, found: str | None) -> str | None:
    """The date the page states in its markup or text ("Posted on 3 May 2023"), found by
    htmldate: trafilatura's quick search (`found`), else htmldate's extensive one, which is
    trusted only when the page writes that day out (it guesses "2023-01-01" from a bare
    "(c) 2023"); never only the day the page was updated."""
    if not found:
        import htmldate

        found = htmldate.find_date(html, extensive_search=True, original_date=True)
        if found and not _written_out(html, found):
            found = None
    if not found or not _ISO_DATE.match(found) or len(found) != 10:
        return None
    for match in _TIME_ELEMENT.finditer(html):
        if (
            _is_update(html, match)
            and _ISO_DATE.match(match.group(2))
            and local_date(match.group(2)) == found
        ):
            return None
    return found


def _written_out(html: str, iso: str) -> bool:
    """Does the page's text write the day `iso` out ("3 May 2023", "May 3rd, 2023", "03/05/2023")?"""
    import calendar

    year, month, day = (int(part) for part in iso.split("-"))
    name = calendar.month_name[month][:3]
    text = " ".join(_TAG.sub(" ", html).split())
    written = (
        rf"\b0?{day}(?:st|nd|rd|th)?(?: of)? {name}[a-z]*\.?,? {year}\b",
        rf"\b{name}[a-z]*\.? 0?{day}(?:st|nd|rd|th)?,? {year}\b",
        rf"\b0?{day}[/.-]0?{month}[/.-]{year}\b",
        rf"\b{iso}\b",
    )
    return any(re.search(pattern, text, re.IGNORECASE) for pattern in written)


def _is_update(html: str, match: re.Match) -> bool:
    """Is this `<time>` element marked as the update time ("Updated <time>", "dateModified")?"""
    before = _TAG.sub(" ", html[max(0, match.start() - 200) : match.start()])
    words = before.split()[-3:]
    attributes = match.group(1) + match.group(3)
    return bool(_MODIFIED.search(attributes) or any(_MODIFIED.match(w) for w in words))


def local_date(timestamp: str) -> str:
    """The ISO date of an ISO 8601 timestamp in London: "2020-06-30T23:15:00Z" is
    "2020-07-01" (00:15 BST). A timestamp without a UTC offset keeps its own date."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    try:
        moment = datetime.fromisoformat(timestamp.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return timestamp[:10]
    if moment.tzinfo is None:
        return moment.date().isoformat()
    return moment.astimezone(ZoneInfo(LOCAL_TIMEZONE)).date().isoformat()
