"""An e-mail pasted or saved as text (a press release as the newsdesk received it)."""

from __future__ import annotations

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
