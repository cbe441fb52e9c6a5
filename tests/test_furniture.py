"""The furniture corpus: page heads and tails in many outlets' styles, written for these tests.

Each `fixtures/furniture/*.page` line starts with `+ ` (the line is kept: headline,
standfirst, byline or story), `- ` (page furniture, dropped with a named reason) or
`? ` (furniture the cleaner keeps today: a known miss, counted, so a change that fixes
or adds one shows).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import FIXTURES

from inspectx import resources
from inspectx.cleaner import classify, clean

PAGES = sorted((FIXTURES / "furniture").glob("*.page"))
CONTEXT_REASONS = {"navigation", "widget", "link", "repeated_headline", "furniture_block", "site_chrome"}


def read_page(path: Path) -> tuple[str, list[str], list[str]]:
    """The raw page, its expected kept lines and its expected dropped lines."""
    rows = [(line[:2], line[2:]) for line in path.read_text(encoding="utf-8").splitlines()]
    assert all(mark in ("+ ", "- ", "? ") for mark, _ in rows), path.name
    raw = "\n".join(text for _, text in rows)
    return raw, [t for m, t in rows if m in ("+ ", "? ")], [t for m, t in rows if m == "- "]


def test_the_known_misses_are_few():
    rows = [line[:2] for page in PAGES for line in page.read_text(encoding="utf-8").splitlines()]
    furniture = rows.count("- ") + rows.count("? ")
    assert rows.count("? ") == 4
    assert rows.count("- ") / furniture >= 0.98


def test_the_corpus_covers_at_least_thirty_heads_and_tails():
    assert len(PAGES) >= 30


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_furniture_goes_and_every_story_line_stays(page):
    raw, kept, _ = read_page(page)
    assert clean(raw).splitlines() == kept


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_dropped_line_has_a_named_reason(page):
    raw, _, junk = read_page(page)
    rule_names = {rule["name"] for rule in resources.load("boilerplate")["rules"]}
    dropped = [line for line in classify(raw) if line.drop_reason]
    assert [line.text for line in dropped] == junk
    assert {line.drop_reason for line in dropped} <= rule_names | CONTEXT_REASONS


SUBJECTS = [
    "Inspectors",
    "The report",
    "The watchdog",
    "HMICFRS",
    "The force",
    "Officers",
    "The chief constable",
]
VERBS = ["found", "said", "noted", "warned", "reported", "accepted", "showed"]
#: words that furniture rules look for, here inside ordinary sentences of a story
JUNK = [
    "cookies",
    "copyright",
    "follow us on social media",
    "sign up",
    "read more",
    "click here",
    "the newsletter",
    "sponsored",
    "related",
    "most read",
    "share",
    "comments",
    "photo",
    "subscribe",
    "advertisement",
    "all rights reserved",
    "the press office",
    "media enquiries",
    "trending",
    "listen live",
]
FURNITURE = [
    "Hide Ad",
    "Share this article",
    "Read more",
    "Most read",
    "Related",
    "Sign up to our newsletter",
    "Photo: PA Media",
    "Copy link",
    "Sponsored",
    "Sunny, 18\u00b0C, Leeds",
    "READ MORE: Man jailed after chase",
    "Follow us on Facebook",
    "Short headline of another story",
    "",
]

story_sentences = st.builds(
    lambda subject, verb, junk, place, n: (
        f"{subject} {verb} that {junk} {place} had been part of the inspection in {2010 + n}."
    ),
    st.sampled_from(SUBJECTS),
    st.sampled_from(VERBS),
    st.sampled_from(JUNK),
    st.sampled_from(["at the custody suite", "in the control room", "across the county", "for officers"]),
    st.integers(0, 15),
)
attributed_sentences = st.builds(
    lambda junk, place, subject, verb: (
        f"{junk.capitalize()} {place} was not the issue, {subject.lower()} {verb}."
    ),
    st.sampled_from(JUNK),
    st.sampled_from(["at the custody suite", "in the control room", "across the county", "for officers"]),
    st.sampled_from(["inspectors", "the report", "the watchdog"]),
    st.sampled_from(["said", "noted", "warned", "reported", "concluded", "added"]),
)
paragraphs = st.lists(st.one_of(story_sentences, attributed_sentences), min_size=1, max_size=4).map(" ".join)
#: a list of findings: a lead-in line and its items, as saved pages give them
finding_lists = st.builds(
    lambda subject, items: [f"{subject} found:", *(f"- {item}" for item in items)],
    st.sampled_from(SUBJECTS),
    st.lists(
        st.sampled_from(["faster 999 answers", "cleaner cells", "better vetting", "fewer delays"]), min_size=1
    ),
)
pages = st.lists(
    st.one_of(paragraphs.map(lambda p: [p]), finding_lists, st.sampled_from(FURNITURE).map(lambda f: [f])),
    min_size=1,
    max_size=25,
).map(lambda blocks: [line for block in blocks for line in block])


@given(pages)
@settings(max_examples=600, deadline=None)
def test_no_story_sentence_is_ever_dropped(lines):
    raw = "\n".join(["Force praised by inspectors for custody work", *lines])
    kept = clean(raw).splitlines()
    story = [line for line in lines if line not in FURNITURE]
    assert [line for line in kept if line in story] == story
