"""Text is decoded right: stray bytes, lying or useless charset declarations, mojibake."""

from __future__ import annotations

import codecs
import json

import pytest
from click.testing import CliRunner

from inspectx import reader
from inspectx.cli import cli

LINES = [
    "Inspectors praise Durham Constabulary\u2019s work with missing children",
    "The inspectorate said the force\u2019s officers had \u201cmade real progress\u201d since its visit.",
    "\u201cWe are pleased,\u201d said the chief constable. \u201cThere is more to do.\u201d",
    "Caf\u00e9 owners near the station said patrols had improved \u2014 a view the council shared.",
]
BODY = "<p>" + "</p><p>".join(LINES * 3) + "</p>"


def page(charset: str) -> bytes:
    return (
        f'<!doctype html><html><head><meta charset="{charset}"><title>Durham praised</title></head>'
        f"<body><article>{BODY}</article></body></html>"
    ).encode()


def test_utf8_with_one_stray_windows_1252_byte_stays_utf8():
    good = "\n".join(LINES).encode("utf-8")
    data = good.replace("force\u2019s".encode(), b"force\x92s")
    document = reader.decode(data, "a.txt")
    assert document.encoding == "utf-8"
    assert document.text == "\n".join(LINES)
    assert document.warnings == ("1 byte that is not UTF-8 read as Windows-1252",)


def test_utf8_with_a_byte_order_mark_and_a_stray_byte_is_still_read():
    """A UTF-8 byte-order mark does not turn off the stray-byte repair."""
    good = "\n".join(LINES).encode("utf-8")
    data = codecs.BOM_UTF8 + good.replace("force\u2019s".encode(), b"force\x92s")
    document = reader.decode(data, "a.txt")
    assert (document.encoding, document.text) == ("utf-8", "\n".join(LINES))
    assert document.warnings == ("1 byte that is not UTF-8 read as Windows-1252",)


def test_utf8_with_undefined_stray_bytes_replaces_them():
    data = "\n".join(LINES).encode("utf-8").replace(b"pleased", b"pl\x81eased")
    document = reader.decode(data, "a.txt")
    assert document.encoding == "utf-8"
    assert "pl\ufffdeased" in document.text
    assert document.warnings == ("1 byte that is not UTF-8 replaced by U+FFFD",)


def test_text_in_windows_1252_is_still_detected_as_such():
    text = "\n".join(LINES)
    document = reader.decode(text.encode("cp1252"), "a.txt")
    assert document.encoding == "cp1252"
    assert document.text == text
    assert document.warnings == ()


def test_mojibake_in_the_text_is_repaired_with_a_warning():
    text = "The force\u2019s new caf\u00e9 opened.\nInspectors said it\u2019s a r\u00e9sum\u00e9 of progress."
    broken = text.encode("utf-8").decode("cp1252")
    assert "\u00e2\u20ac\u2122" in broken and "\u00c3\u00a9" in broken
    document = reader.decode(broken.encode("utf-8"), "a.txt")
    assert document.text == text
    assert document.warnings == ("mojibake repaired (ftfy)",)


def test_clean_text_is_left_alone():
    text = "\n".join(LINES) + "\nPrices rose 5\u00b0 \u2026 \u00bd of \u00a35 \u2013 \u201cquoted\u201d"
    document = reader.decode(text.encode("utf-8"), "a.txt")
    assert document.text == text
    assert document.warnings == ()


@pytest.mark.parametrize("charset", ["utf-16", "UTF-16LE", "utf-16be"])
def test_declared_utf16_without_a_bom_means_utf8(charset):
    document = reader.decode(page(charset), "a.html")
    assert document.encoding == "utf-8"
    assert LINES[2] in document.text


@pytest.mark.parametrize("charset", ["base64", "rot13", "hex", "zlib", "no-such-codec"])
def test_a_declared_charset_that_is_no_text_encoding_is_ignored(charset):
    document = reader.decode(page(charset), "a.html")
    assert document.encoding == "utf-8"
    assert LINES[0] in document.text


def test_decoding_warnings_reach_the_record(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\n".join(LINES).encode("utf-8").replace("force\u2019s".encode(), b"force\x92s"))
    result = CliRunner().invoke(cli, ["extract", str(path)], catch_exceptions=False)
    record = json.loads(result.stdout)
    assert "1 byte that is not UTF-8 read as Windows-1252" in record["warnings"]
    assert record["force"]["id"] == "durham"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_saved_without_a_byte_order_mark_is_read_with_a_warning(encoding):
    text = "Inspectors praised Cumbria Constabulary for the way it answers 999 calls.\n" * 3
    document = reader.decode(text.encode(encoding), "a.txt")
    assert document.text.strip() == text.strip()
    assert document.encoding == encoding
    assert any("byte-order mark" in w for w in document.warnings)


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01", bytes(range(256)) * 4, b"abc\x00def\x00" * 50],
    ids=["two-bytes", "every-byte", "nul-separated-ascii"],
)
def test_bytes_with_nuls_that_are_not_utf16_text_are_not_text(data):
    with pytest.raises(reader.NotTextError):
        reader.decode(data, "x.txt")


def test_a_stray_nul_in_utf8_text_is_removed_with_a_warning():
    text = "\n".join(LINES)
    data = text.encode("utf-8")
    document = reader.decode(data[:40] + b"\x00" + data[40:], "a.txt")
    assert document.text == text
    assert "1 NUL byte removed" in document.warnings


@pytest.mark.parametrize(
    ("noisy", "clean"),
    [
        ("the force \x1b[1;31mhad improved\x1b[0m its", "the force had improved its"),
        ("victims\x07 were\x08 told", "victims were told"),
        ("a \u009b2Jscreen-clearing C1 control", "a 2Jscreen-clearing C1 control"),
        ("rated \u202edoog\u202c at \u2067leadership\u2069", "rated doog at leadership"),
    ],
    ids=["ansi-colour", "bell-backspace", "c1-csi", "bidi-override"],
)
def test_terminal_escapes_and_control_characters_never_reach_the_text(noisy, clean):
    """Such bytes are not article text; left in, `show` or a CSV opened in a terminal runs them."""
    document = reader.decode(f"{LINES[0]}\n{noisy}\n".encode(), "a.txt")
    assert document.text == f"{LINES[0]}\n{clean}\n"
    assert any("control characters removed" in w for w in document.warnings)


@pytest.mark.parametrize(
    "end", ["\u0085", "\u2028", "\u2029", "\x0b", "\x0c"], ids=["NEL", "LS", "PS", "VT", "FF"]
)
def test_unicode_s_other_line_ends_are_line_ends(end):
    """NEL (as some mainframe and old Mac exports write), LINE and PARAGRAPH SEPARATOR, the
    vertical tab (Word's manual line break) and form feed (a PDF's page break) end lines
    as "\n" does; they had been removed as controls, joining every line into one."""
    document = reader.decode(end.join([LINES[0], "Inspectors praised the force.", ""]).encode(), "a.txt")
    assert document.text == f"{LINES[0]}\nInspectors praised the force.\n"
    assert document.warnings == ()


def test_a_terminal_escape_in_windows_1252_text_does_not_stop_detection():
    text = f"{LINES[0]}\n\x1b[1mInspectors\x1b[0m found the force had improved \u2026 a lot.\n"
    document = reader.decode(text.encode("cp1252"), "a.txt")
    assert document.encoding == "cp1252"
    assert document.text == text.replace("\x1b[1m", "").replace("\x1b[0m", "")
    assert any("control characters removed" in w for w in document.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "Inspectors praise the force\u2019s control room\n"
        "The report said the force\u2019s \u201cnew triage desk\u201d had cut waits \u2013 a change "
        "officers didn\u2019t expect.\n",
        # one charset-normalizer takes for a national variant (mac_iceland)
        "Lancashire Constabulary\u2019s custody suites \u2018improved\u2019, says watchdog\n\n"
        "The force\u2019s custody staff were praised \u2013 inspectors said detainees\u2019 care "
        "was \u2018good\u2019.\n",
    ],
    ids=["double-quotes-and-dashes", "single-quotes"],
)
def test_text_saved_as_mac_os_roman_is_read_and_reported_as_mac_roman(text):
    document = reader.decode(text.encode("mac_roman"), "a.txt")
    assert document.encoding == "mac_roman"
    assert document.text == text


def test_windows_1252_with_a_capital_o_tilde_stays_windows_1252():
    text = "Se\u00f1or \u00d5liveira praised the caf\u00e9\u2019s staff \u2013 and the force.\n"
    document = reader.decode(text.encode("cp1252"), "a.txt")
    assert document.encoding == "cp1252" and document.text == text


def test_a_plain_text_article_named_as_a_web_page_is_read_as_text(tmp_path):
    """A story saved as text under an .html name has no markup for the page extractor to
    find: it is read as text, with a warning, not emptied."""
    story = (
        "Inspectors praise Cumbria Constabulary\n\n"
        "His Majesty's Inspectorate of Constabulary found that Cumbria Constabulary had improved "
        "its custody suites.\n"
    )
    path = tmp_path / "story.html"
    path.write_text(story, encoding="utf-8")
    document = reader.read_path(path, str(path), reader.DEFAULT_MAX_BYTES)
    assert document.format == "text" and "improved its custody suites" in document.text
    assert any("no markup" in w for w in document.warnings)
    page = tmp_path / "page.html"
    page.write_text(f"<p>{story}</p>", encoding="utf-8")
    assert reader.read_path(page, str(page), reader.DEFAULT_MAX_BYTES).format == "html"
