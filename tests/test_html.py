"""Saved web pages: the story as in plain text, the page's metadata, none of its furniture."""

from __future__ import annotations

import json

import pytest
from tests.conftest import FIXTURES

from inspectx.core import extract_many

PAGES = sorted(FIXTURES.glob("*.html"))
FURNITURE = [  # menus, banners, share bars, trending lists, comments and footers of the pages
    "We use cookies",
    "agree to cookies",
    "Share on Facebook",
    "Share this article",
    "Trending",
    "Metro delays",
    "Good to see progress, but more officers",
    "Most read",
    "Darlington road closed",
    "Comments: Our rules",
    "Sign up to our newsletter",
    "Leave a Reply",
    "About time someone said it",
    "Recent Posts",
    "Swindon bypass",
    "Previous post",
    "Proudly powered",
    "Related Topics",
    "More on this story",
    "Top Stories",
    "Heatwave warning",
    "Skip to content",
    "Privacy notice",
    "All rights reserved",
    "Copyright",
    "\u00a9",
    "Hide Ad",
    "iPlayer",
    "What's On",
]


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    return {p.stem: a.to_dict(include_text=True) for p, a in zip(PAGES, extract_many(PAGES), strict=True)}


def test_there_are_five_cms_styles():
    assert len(PAGES) >= 5


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_no_page_furniture_reaches_the_text(records, page):
    text = records[page.stem]["text"]
    for words in FURNITURE:
        assert words.lower() not in text.lower(), words


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_same_facts_as_the_plain_text_story(records, page):
    facts = json.loads(page.with_suffix(".facts.json").read_text(encoding="utf-8"))
    html = records[page.stem]
    text = next(extract_many([FIXTURES / f"{facts['text_version']}.txt"])).to_dict()
    for key in ("inspectorate", "inspectors", "relevant"):
        assert html[key] == text[key], key
    assert (html["force"]["name"], html["force"]["id"]) == (text["force"]["name"], text["force"]["id"])
    for key in ("inspection", "previous_inspection"):
        assert html["dates"][key] == text["dates"][key] or (
            html["dates"][key]["value"] == text["dates"][key]["value"]
        ), key
    html_findings = {f["text"] for f in html["improvements"] + html["concerns"]}
    assert {f["text"] for f in text["improvements"] + text["concerns"]} <= html_findings


def test_windows_1252_page_is_decoded_by_its_declared_charset(records):
    record = records["html_durham_echo_cp1252"]
    assert record["source"]["encoding"] == "cp1252"
    assert "DURHAM Police\u2019s approach" in record["text"]


def test_publication_date_of_a_time_element_without_a_year(records):
    record = records["html_gmp_time_only"]
    # the credit line under the headline ("By ... · 10 Dec") is kept; its <time> element's
    # metadata gives the year
    assert record["dates"]["published"]["value"] == "2020-12-10"
    assert record["dates"]["published"]["text"] == "10 Dec"
    assert records["html_met_broadcaster"]["source"]["site"] == "London Desk"


def test_html_on_stdin_is_recognised_by_its_content():
    from click.testing import CliRunner

    from inspectx.cli import cli

    data = (FIXTURES / "html_met_broadcaster.html").read_bytes()
    result = CliRunner().invoke(cli, ["extract", "-"], input=data, catch_exceptions=False)
    record = json.loads(result.stdout)
    assert record["source"]["format"] == "html"
    assert record["title"] == "Met Police placed in special measures by inspectorate"
