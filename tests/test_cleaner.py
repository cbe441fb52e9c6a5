from __future__ import annotations

import pytest
from tests.conftest import FIXTURES

from inspectx.cleaner import classify, clean


def dropped(text: str) -> dict[int, str]:
    return {line.number: line.drop_reason for line in classify(text) if line.drop_reason}


def test_durham_seed_drops_exactly_the_footer():
    text = (FIXTURES / "seed_durham.txt").read_text(encoding="utf-8")
    assert sorted(dropped(text)) == list(range(21, 30))
    assert dropped(text)[25] == "comments"
    assert dropped(text)[29] == "comments"  # everything after the comments heading


def test_northumbria_seed_drops_ads_and_navigation_and_keeps_the_credit():
    text = (FIXTURES / "seed_northumbria.txt").read_text(encoding="utf-8")
    assert dropped(text) == {
        3: "navigation",
        4: "navigation",
        11: "advert",
        12: "advert",
        22: "advert",
        23: "advert",
        33: "advert",
        34: "advert",
        44: "advert",
        45: "advert",
    }
    kept = clean(text).splitlines()
    assert kept[0] == "Child protection improvements by Northumbria Police, but still work to do"
    assert kept[-1] == "Ben O'Connell, Local Democracy Reporting Service"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Hide Ad", "advert"),
        ("Advertisement", "advert"),
        ("News on Durham PoliceNews on Durham Police", "navigation"),
        ("Home > News > Surrey", "navigation"),
        ("Sign in  Subscribe", "navigation"),
        ("Read more: Man jailed after chase", "teaser"),
        ("Sign up to our daily newsletter", "share_follow_newsletter"),
        ("We use some essential cookies to make our website work.", "cookie_notice"),
        ("Have you got a story for us? Contact our newsdesk on 01234 567890", "newsdesk_contact"),
        ("© 2022 Example News", "copyright"),
        ("Picture: Essex Police", "image_caption"),
    ],
    ids=[
        "hide-ad",
        "advertisement",
        "glued-nav",
        "breadcrumb",
        "menu",
        "read-more",
        "newsletter",
        "cookies",
        "newsdesk",
        "copyright",
        "caption",
    ],
)
def test_junk_line_rules(line: str, reason: str):
    text = f"Police force praised by inspectors for custody work\n{line}\nThe story goes on here."
    assert dropped(text) == {2: reason}


def test_comment_section_drops_everything_after_it():
    text = "A headline about an inspection report\nStory line.\nComments: Our rules\nA reader's view.\nMore."
    assert clean(text) == "A headline about an inspection report\nStory line."


def test_story_lines_are_kept_whole_with_whitespace_collapsed():
    text = "A headline about an inspection report\n\n  The  force   has improved.  \n"
    assert clean(text) == "A headline about an inspection report\nThe force has improved."


def test_short_lines_above_the_headline_are_navigation_but_not_below():
    text = (
        "Home\nCrime\nCleveland Police\n\nCleveland Police rated inadequate by inspectors\nChief Reporter\n"
    )
    assert dropped(text) == {1: "navigation", 2: "navigation", 3: "navigation"}
