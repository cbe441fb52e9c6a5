"""An e-mail pasted or saved as text (a press release as the newsdesk received it)."""

from __future__ import annotations

import json

import pytest

from inspectx import extract

MAIL = """\
From: Media Office <media@example.police.uk>
Sent: 14 May 2026 09:30
To: Newsdesk
Subject: Watchdog praises Norfolk Constabulary's control room

Inspectors found that Norfolk Constabulary now answers 999 calls faster than it did two years ago.
"""


def test_the_subject_is_the_title_and_the_header_fields_are_not():
    article = extract(MAIL)
    assert article.title == "Watchdog praises Norfolk Constabulary's control room"
    assert "From:" not in article.text


def test_without_a_subject_the_title_is_the_first_line_below_the_header():
    article = extract(MAIL.replace("Subject: ", "Subject:\nTitle: ").replace("Title: ", ""))
    assert article.title == "Watchdog praises Norfolk Constabulary's control room"


def test_an_embargo_notice_is_not_the_title():
    article = extract(
        "EMBARGOED UNTIL 00:01 TUESDAY 4 FEBRUARY 2025\n"
        "Inspectors praise Norfolk Constabulary's control room\n"
        "HMICFRS found that Norfolk Constabulary now answers 999 calls faster than before.\n"
    )
    assert article.title == "Inspectors praise Norfolk Constabulary's control room"


def _saved_message(tmp_path, *, html: bool, charset: str = "iso-8859-1"):
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Media Office <media@example.police.uk>"
    message["To"] = "newsdesk@example.co.uk"
    message["Subject"] = "Inspectors praise Norfolk Constabulary's control room"
    message["Date"] = "Thu, 14 May 2026 23:30:00 +0000"  # 15 May in the UK
    body = (
        "HMICFRS said Norfolk Constabulary now answers 999 calls faster than it did two years "
        "ago, and that its café-style drop-in sessions were well used.\n"
    )
    if html:
        message.set_content(
            "<html><body><h1>Inspectors praise Norfolk Constabulary's control room</h1>"
            f"<p>{body}</p><p>HMICFRS found that call handlers were well trained.</p></body></html>",
            subtype="html",
            charset=charset,
            cte="quoted-printable",
        )
    else:
        message.set_content(body, charset=charset, cte="quoted-printable")
    path = tmp_path / "release.eml"
    path.write_bytes(bytes(message))
    return path


def test_a_saved_email_is_read_by_its_mime_parts(tmp_path):
    """A .eml file: the text part decoded by its own charset and transfer encoding, the
    Subject as the title and the Date (in the UK) as the published date."""
    from inspectx import extract_many

    record = next(extract_many([_saved_message(tmp_path, html=False)])).to_dict(include_text=True)
    assert record["source"]["format"] == "email"
    assert record["title"] == "Inspectors praise Norfolk Constabulary's control room"
    assert record["dates"]["published"]["value"] == "2026-05-15"
    assert "published date from the e-mail's Date header (start and end are 0)" in record["warnings"]
    assert "café-style" in record["text"] and "=E9" not in record["text"]
    assert record["force"]["id"] == "norfolk"
    assert "From:" not in record["text"]


def test_a_folder_walk_takes_saved_emails(tmp_path):
    from click.testing import CliRunner

    from inspectx.cli import cli

    _saved_message(tmp_path, html=False)
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert '"format": "email"' in result.output


def test_a_saved_email_with_only_an_html_body_is_read_as_a_page(tmp_path):
    from inspectx import extract_many

    record = next(extract_many([_saved_message(tmp_path, html=True)])).to_dict(include_text=True)
    assert record["source"]["format"] == "email"
    assert record["title"] == "Inspectors praise Norfolk Constabulary's control room"
    assert "café-style" in record["text"] and "<p>" not in record["text"]
    assert record["dates"]["published"]["value"] == "2026-05-15"


def test_an_email_without_a_body_is_a_clear_error(tmp_path):
    from email.message import EmailMessage

    from inspectx import ErrorRecord, extract_many

    message = EmailMessage()
    message["Subject"] = "Photo"
    message.set_content(b"\x89PNG\r\n", maintype="image", subtype="png")
    path = tmp_path / "photo.eml"
    path.write_bytes(bytes(message))
    record = next(extract_many([path], errors="record"))
    assert isinstance(record, ErrorRecord)
    assert "no text or HTML body" in record.to_dict()["error"]["message"]


@pytest.mark.parametrize(
    "raw",
    [b"Subject: hi\nMIME-Version: 1.0\n", b"Subject: Custody report\nContent-Type: text/plain\n\n \n\n"],
    ids=["headers-only", "blank-body"],
)
def test_a_message_whose_body_is_empty_has_no_text_part_to_read(tmp_path, raw):
    """Headers with nothing under them: a `not_text` error record, as for a message with
    neither a text nor an HTML part, not an article titled by its subject."""
    from inspectx import ErrorRecord, extract_many

    path = tmp_path / "empty.eml"
    path.write_bytes(raw)
    record = next(extract_many([path], errors="record"))
    assert isinstance(record, ErrorRecord)
    assert record.to_dict()["error"]["type"] == "not_text"


def test_a_raw_message_in_a_text_file_or_on_stdin_is_read_as_an_email(tmp_path):
    """A message saved with another extension, or piped in, is recognised by its header
    block (with MIME headers); a message pasted as text (no MIME headers) stays text."""
    from click.testing import CliRunner

    from inspectx import extract_many
    from inspectx.cli import cli

    raw = _saved_message(tmp_path, html=False).read_bytes()
    (tmp_path / "release.txt").write_bytes(raw)
    record = next(extract_many([tmp_path / "release.txt"])).to_dict()
    assert record["source"]["format"] == "email"
    assert record["title"] == "Inspectors praise Norfolk Constabulary's control room"
    piped = CliRunner().invoke(cli, ["extract", "-"], input=raw)
    assert json.loads(piped.stdout)["source"]["format"] == "email"
    assert extract(MAIL).to_dict()["source"]["format"] == "text"


def test_a_subject_written_in_raw_8_bit_bytes_is_decoded_not_replaced(tmp_path):
    """Some mail programs write a non-ASCII Subject as raw bytes instead of RFC 2047 words;
    Python's email package then gives U+FFFD for each byte."""
    from inspectx import reader

    for raw, charset in (
        (b"Caf\xc3\xa9 inspectors \xe2\x80\x93 praise", "utf-8"),
        (b"Caf\xe9 inspectors praise", "windows-1252"),
    ):
        data = (
            b"From: press@example.org\r\nSubject: " + raw + b"\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: text/plain; charset=" + charset.encode() + b"\r\n\r\n"
            b"Inspectors found that Norfolk Constabulary now answers 999 calls faster.\r\n"
        )
        document = reader.decode_email(data, "m.eml")
        assert document.title is not None and "\ufffd" not in document.title
        assert document.title.startswith("Café inspectors")


def test_an_html_only_message_is_titled_by_its_subject(tmp_path):
    from email.message import EmailMessage

    from inspectx import reader

    message = EmailMessage()
    message["Subject"] = "Watchdog praises Cumbria control room"
    message["From"] = "press@example.org"
    message.set_content(
        "<html><body><h1>Newsletter</h1><p>Inspectors from HMICFRS found that Cumbria Constabulary "
        "now answers 999 calls faster than before, and praised its call handlers.</p></body></html>",
        subtype="html",
    )
    document = reader.decode_email(message.as_bytes(), "m.eml")
    assert document.title == "Watchdog praises Cumbria control room"


@pytest.mark.parametrize("prefix", ["Fwd: ", "RE: FW: ", "Fw:"])
def test_a_reply_or_forward_prefix_is_not_part_of_the_title(prefix):
    article = extract(MAIL.replace("Subject: ", f"Subject: {prefix}"))
    assert article.title == "Watchdog praises Norfolk Constabulary's control room"
    headline = extract(
        f"{prefix}Watchdog praises Norfolk Constabulary\nHMICFRS found the force had improved.\n"
    )
    assert headline.title == "Watchdog praises Norfolk Constabulary"


@pytest.mark.parametrize("note", ["FYI - the release below came in this morning.", None])
def test_a_message_forwarded_as_an_attachment_is_the_article(tmp_path, note):
    """A covering note ("FYI ...") with the release attached as a message (message/rfc822),
    or the attached message alone: the attached message's text, subject and date."""
    from email.message import EmailMessage

    from inspectx import extract_many

    release = _saved_message(tmp_path, html=False).read_bytes()
    outer = EmailMessage()
    outer["From"] = "editor@example.co.uk"
    outer["Subject"] = "Fwd: for tomorrow"
    outer["Date"] = "Mon, 18 May 2026 09:00:00 +0100"
    if note is not None:
        outer.set_content(note)
    import email
    import email.policy

    attached = email.message_from_bytes(release, policy=email.policy.default)
    outer.add_attachment(attached, filename="release.eml")
    path = tmp_path / "forwarded.eml"
    path.write_bytes(bytes(outer))
    record = next(extract_many([path])).to_dict(include_text=True)
    assert record["title"] == "Inspectors praise Norfolk Constabulary's control room"
    assert record["force"]["id"] == "norfolk" and "FYI" not in record["text"]
    assert record["dates"]["published"]["value"] == "2026-05-15"


def _covering(inner, subject: str = "Fwd: for tomorrow"):
    """`inner` (an EmailMessage) forwarded as an attachment under a short covering note."""
    from email.message import EmailMessage

    outer = EmailMessage()
    outer["From"] = "editor@example.co.uk"
    outer["Subject"] = subject
    outer.set_content("FYI")
    outer.add_attachment(inner, filename="forwarded.eml")
    return outer


def test_a_message_forwarded_twice_is_still_the_article(tmp_path):
    """The release forwarded, and that forward forwarded again: the article is two levels
    down, under two covering notes."""
    import email
    import email.policy

    from inspectx import extract_many

    release = email.message_from_bytes(
        _saved_message(tmp_path, html=False).read_bytes(), policy=email.policy.default
    )
    path = tmp_path / "twice.eml"
    path.write_bytes(bytes(_covering(_covering(release))))
    record = next(extract_many([path])).to_dict(include_text=True)
    assert record["force"]["id"] == "norfolk" and "999 calls" in record["text"]


def test_an_article_attached_as_a_text_file_is_the_article(tmp_path):
    from email.message import EmailMessage

    from inspectx import extract_many

    message = EmailMessage()
    message["From"] = "editor@example.co.uk"
    message["Subject"] = "Release"
    message.set_content("FYI, see attached.")
    story = (
        "HMICFRS found that Norfolk Constabulary now answers 999 calls faster than it did two years ago.\n"
    )
    message.add_attachment(story, filename="release.txt")
    path = tmp_path / "attached.eml"
    path.write_bytes(bytes(message))
    record = next(extract_many([path])).to_dict(include_text=True)
    assert record["force"]["id"] == "norfolk" and "FYI" not in record["text"]


def test_a_base64_body_cut_short_is_decoded_as_far_as_it_goes(tmp_path):
    """A base64 body whose length is no multiple of four (a message cut off in transit):
    Python's email package leaves it undecoded; the text it holds is read, with a warning."""
    import base64

    from inspectx import extract_many

    story = "HMICFRS found that Norfolk Constabulary now answers 999 calls faster than before. " * 5
    encoded = base64.b64encode(story.encode()).decode()[:-3]
    lines = [encoded[i : i + 76] for i in range(0, len(encoded), 76)]
    path = tmp_path / "cut.eml"
    path.write_text(
        "From: a@example.com\nSubject: Release\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + "\n".join(lines)
        + "\n",
        encoding="ascii",
    )
    record = next(extract_many([path])).to_dict()
    assert record["force"]["id"] == "norfolk"
    assert any("base64" in w for w in record["warnings"])


def test_parts_nested_too_deeply_are_an_input_error_not_a_crash(tmp_path):
    """1,000 messages forwarded within one another: a `not_text` error (a record on the
    command line), not Python's RecursionError."""
    from inspectx import extract_many
    from inspectx.errors import NotTextError

    message = "Subject: Release\nContent-Type: text/plain\n\nHMICFRS praised Norfolk Constabulary.\n"
    for depth in range(1_000):
        message = (
            f'Subject: Fwd {depth}\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="B{depth}"\n\n'
            f"--B{depth}\nContent-Type: text/plain\n\nFYI\n--B{depth}\nContent-Type: message/rfc822\n\n"
            f"{message}\n--B{depth}--\n"
        )
    path = tmp_path / "deep.eml"
    path.write_text(message, encoding="ascii")
    with pytest.raises(NotTextError, match="nested too deeply"):
        next(extract_many([path]))


_SAVED_PAGE = """\
From: <Saved by Blink>
Snapshot-Content-Location: https://news.example.co.uk/norfolk-control-room
Subject: Inspectors praise Norfolk control room | Example News
Date: Sat, 6 Jun 2026 21:14:00 +0100
MIME-Version: 1.0
Content-Type: multipart/related; type="text/html"; boundary="----Part--1"

------Part--1
Content-Type: text/html
Content-Transfer-Encoding: quoted-printable
Content-Location: https://news.example.co.uk/norfolk-control-room

<html><head><title>Inspectors praise Norfolk control room | Example News</title>=
<meta property=3D"article:published_time" content=3D"2026-03-10T08:00:00Z">=
</head><body><article><h1>Inspectors praise Norfolk control room</h1>=
<p>Inspectors found that Norfolk Constabulary answers 999 calls faster than b=
efore. They visited the control room in November last year.</p></article></body></html>
------Part--1--
"""


@pytest.mark.parametrize("suffix", [".mhtml", ".mht"])
def test_a_page_saved_as_one_file_is_read_as_the_page_not_as_an_email(tmp_path, suffix):
    """A browser's "Webpage, Single File" (MHTML) is a MIME message, but its Date is when it
    was saved: the page's own metadata dates it, and relative dates follow that."""
    from click.testing import CliRunner

    from inspectx.cli import cli

    (tmp_path / f"page{suffix}").write_text(_SAVED_PAGE, encoding="ascii")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["source"]["format"] == "html"
    assert record["title"] == "Inspectors praise Norfolk control room"
    assert record["dates"]["published"]["value"] == "2026-03-10"
    assert record["dates"]["inspection"]["value"] == "2025-11"
