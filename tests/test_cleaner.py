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
        ("[STING: NEWS JINGLE]", "stage_direction"),
        ("[TRAVEL AND WEATHER FOLLOWS]", "stage_direction"),
        ("Picture: Essex Police", "image_caption"),
        ('Pull quote: "Nobody told me what was happening."', "image_caption"),
        ("Caption: The custody suite at Middlesbrough.", "image_caption"),
        (
            "The new custody suite at Kendal, which opened last spring (Image: Westmorland Gazette)",
            "image_caption",
        ),
        ("Officers on patrol in Barrow town centre last summer. Picture by Jo Bloggs", "image_caption"),
        ("Pencadlys yr heddlu yn Aberystwyth. Llun / Photo: Dai Jones", "image_caption"),
        ("Comments are closed on this story.", "comments"),
        ("The Gazette is not responsible for the content of external sites.", "copyright"),
        ("OFFICIAL", "protective_marking"),
        ("OFFICIAL - SENSITIVE", "protective_marking"),
        ("ENDS", "end_marker"),
        ("Related story: Man charged after crash on A66", "teaser"),
        ("Darllenwch fwy / Read more: Council approves budget", "teaser"),
        ("Share this news:  Facebook  X  Email", "share_follow_newsletter"),
        ("Print this page", "share_follow_newsletter"),
        ("Share this explainer", "share_follow_newsletter"),
        ("Share: Facebook \u00b7 X \u00b7 Email", "share_follow_newsletter"),
        ("More local news: Bridge closes | School wins award | Fair returns", "teaser"),
        ("ALSO IN THIS ISSUE: Bin collection dates \u00b7 Quiz night", "teaser"),
        ("- Read more: Another force rated inadequate by inspectors", "teaser"),
        ("\u2022 READ MORE: Watchdog says force is failing victims", "teaser"),
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
        "stage-direction",
        "stage-direction-long",
        "caption",
        "pull-quote",
        "caption-label",
        "caption-image-credit",
        "caption-picture-by",
        "caption-bilingual-credit",
        "comments-closed",
        "external-sites",
        "protective-marking",
        "protective-marking-sensitive",
        "end-marker",
        "related-story",
        "bilingual-read-more",
        "share-this-news",
        "print-this-page",
        "share-this-explainer",
        "share-targets",
        "more-label-list",
        "also-in-this-issue",
        "read-more-as-a-bullet",
        "read-more-after-a-bullet-mark",
    ],
)
def test_junk_line_rules(line: str, reason: str):
    text = f"Police force praised by inspectors for custody work\n{line}\nThe story goes on here."
    assert dropped(text) == {2: reason}


def test_comment_section_drops_everything_after_it():
    story = "The force has improved its custody suites, inspectors said."
    text = f"A headline about an inspection report\n{story}\nComments: Our rules\nA reader's view.\nMore."
    assert clean(text) == f"A headline about an inspection report\n{story}"


def test_a_comment_counter_above_the_story_does_not_take_the_story_with_it():
    text = "\n".join(
        ["Force praised for faster response", "By Jo Bloggs", "View comments", *STORY, "12 comments"]
    )
    assert clean(text).splitlines() == ["Force praised for faster response", "By Jo Bloggs", *STORY]


def test_a_comment_counter_below_a_standfirst_does_not_take_the_story_with_it():
    text = "\n".join(["Force praised for faster response", STORY[0], "View 3 comments", *STORY[1:]])
    assert clean(text).splitlines() == ["Force praised for faster response", *STORY]


def test_story_lines_are_kept_whole_with_whitespace_collapsed():
    text = "A headline about an inspection report\n\n  The  force   has improved.  \n"
    assert clean(text) == "A headline about an inspection report\nThe force has improved."


def test_short_lines_above_the_headline_are_navigation_but_not_below():
    text = (
        "Home\nCrime\nCleveland Police\n\nCleveland Police rated inadequate by inspectors\nChief Reporter\n"
    )
    assert dropped(text) == {1: "navigation", 2: "navigation", 3: "navigation"}


@pytest.mark.parametrize(
    "head",
    [
        "Custody failings exposed\n",
        "Force praised\n\nBy Jo Smith\n",
        "Watchdog criticises force\n3 March 2026\n",
    ],
    ids=["three-words", "two-words-and-byline", "with-dateline"],
)
def test_a_short_first_line_above_the_story_is_its_headline(head):
    text = head + "\nInspectors found that the force had cut the time it takes to answer emergency calls.\n"
    assert 1 not in dropped(text)


def test_a_short_first_line_above_a_short_first_sentence_that_repeats_it_is_its_headline():
    text = (
        "Cumbria Constabulary inspection\n\nThe watchdog has inspected Cumbria Constabulary again.\n\n"
        "Inspectors found that the force had cut the time it takes to answer emergency calls.\n"
    )
    assert 1 not in dropped(text)


def test_a_short_line_above_a_short_sentence_on_something_else_is_still_navigation():
    text = (
        "Latest news\nSign up to our free daily newsletter.\n\nCumbria Constabulary rated good by "
        "inspectors\nInspectors found that the force had cut the time it takes to answer emergency calls.\n"
    )
    assert 1 in dropped(text)


def test_a_short_first_line_above_more_short_lines_is_still_a_menu():
    text = "Crime and courts\nNorth East\nPolitics\n\nInspectors found the force had cut the time it took.\n"
    assert dropped(text) == {1: "navigation", 2: "navigation", 3: "navigation"}


STORY = [
    "Inspectors said the force had cut the time it takes to answer emergency calls.",
    "The report found that officers now record crimes against children more accurately.",
    "Staff in the control room were praised for the way they handled missing person reports.",
    "However, the inspectorate said supervision of investigations was still too weak.",
    "The chief constable said the force would act on every recommendation.",
]


def test_a_whole_article_on_one_line_loses_only_its_junk_sentence():
    story = " ".join(STORY * 12)  # about 4,900 characters, one line
    junk = "Follow us on social media for the latest updates."
    line = f"{story[: len(story) // 2]} {junk} {story[len(story) // 2 :]}".replace("  ", " ")
    classified = classify(f"Force praised by inspectors for faster response\n{line}")
    kept = clean(f"Force praised by inspectors for faster response\n{line}")
    assert kept.splitlines()[1] == story.replace("  ", " ").strip()
    assert [(s.text, s.drop_reason) for s in classified[1].sentences if s.drop_reason] == [
        (junk, "share_follow_newsletter")
    ]


@pytest.mark.parametrize("opening", ["Subscribe", "Sign in", "Subscribe News"])
def test_a_whole_article_on_one_line_opening_with_a_sites_words_is_kept(opening):
    """A story pasted on one line whose first words are a button's ("Subscribe ...") is no
    menu above the headline: nothing of it is dropped."""
    line = " ".join([f"{opening} Force praised by inspectors for faster response.", *STORY])
    assert dropped(line) == {}
    assert clean(line) == line


@pytest.mark.parametrize("copies", [2, 4])
def test_a_story_saved_twice_on_one_line_is_not_a_glued_menu(copies):
    """ "News on XNews on X" is a menu glued to itself; a story of several sentences saved
    twice over on one line is the story (its findings merge as repeats)."""
    line = " ".join(STORY)  # saved with no break between the copies: "...recommendation.Inspectors ..."
    assert dropped(line * copies) == {}
    assert dropped("Latest newsLatest news") == {1: "navigation"}


def test_a_long_line_is_never_dropped_whole_for_a_tail_phrase_inside_it():
    line = " ".join([*STORY, "Comments are closed for legal reasons.", *STORY])
    kept = clean(f"Force praised by inspectors for faster response\n{line}")
    for sentence in STORY:
        assert sentence in kept


@pytest.mark.parametrize(
    "sentence",
    [
        "Copyright of the force's training material was not the issue, inspectors said.",
        "Inspectors found that the custody suite was clean and that cookies left in the canteen were "
        "not the issue.",
        "The press office had not been told about the inspection until the week before it began.",
        "Officers were told to click here and there on an old system, which wasted hours every week.",
        "Follow-up visits found that the force had not yet acted on two of the recommendations.",
        "Sponsored training for sergeants was one of the improvements the report welcomed.",
        "All rights reserved by law to victims were explained to them in every case inspectors checked.",
        "Related concerns about vetting were raised in a separate report last year.",
        "(c) staffing in the control room had been stabilised, with vacancies down from 46 to 9;",
    ],
    ids=[
        "copyright",
        "cookies",
        "press-office",
        "click-here",
        "follow",
        "sponsored",
        "rights",
        "related",
        "lettered-item-c",
    ],
)
def test_story_sentences_with_a_junk_word_are_kept(sentence):
    text = "\n".join(["Force praised by inspectors for faster response", STORY[0], sentence, STORY[1]])
    assert clean(text).splitlines() == [
        "Force praised by inspectors for faster response",
        STORY[0],
        sentence,
        STORY[1],
    ]


def test_a_live_pages_entry_times_stay_and_a_players_time_goes():
    entry = "Inspectors said the force had cut the time callers wait for an answer."
    live = "\n".join(
        ["Live: watchdog report on Cumbria Constabulary", "09:15", entry, "10:40", entry, "11:05", entry]
    )
    assert clean(live).splitlines()[1::2] == ["09:15", "10:40", "11:05"]
    video = "\n".join(["Force praised by inspectors for faster response", STORY[0], "3:42", STORY[1]])
    assert "3:42" not in clean(video).splitlines()


def test_a_key_events_list_and_an_in_this_issue_box_go_the_entries_stay():
    entry = "Inspectors said the force had cut the time callers wait for an answer."
    live = "\n".join(
        [
            "Live: watchdog report on Cumbria Constabulary",
            "Key events",
            "10:40 Report published",
            "11:05 Chief constable responds",
            "",
            "09:15",
            "Report due this morning",
            entry,
            "10:40",
            entry,
            "11:05",
            entry,
        ]
    )
    kept = clean(live).splitlines()
    assert "Key events" not in kept and "10:40 Report published" not in kept
    assert kept[1:3] == ["09:15", "Report due this morning"]
    newsletter = "\n".join(
        ["What the inspection means for police staff", "IN THIS ISSUE", "Pay talks", "Dates", "", *STORY]
    )
    kept = clean(newsletter).splitlines()
    assert not {"IN THIS ISSUE", "Pay talks", "Dates"} & set(kept) and kept[-len(STORY) :] == STORY


def test_a_table_of_grades_is_not_a_menu():
    """ "Investigating crime | Requires improvement" has a menu's shape, but a menu never
    names a grade: a plain-text release's grade table is the story."""
    rows = [
        "Area | Grade",
        "Preventing crime | Outstanding",
        "Responding to the public | Adequate",
        "Investigating crime | Requires improvement",
    ]
    text = "\n".join(["Force graded by inspectors", "The force was graded as follows:", *rows, "Ends"])
    kept = clean(text).split("\n")
    assert all(row in kept for row in rows)
    assert "Home | News | Sport" not in clean("Home | News | Sport\n" + text)
    spaced = "Investigating crime        Requires improvement"
    assert spaced.split("  ")[0] in clean(text + "\n" + spaced)
    assert "Sport" not in clean("Home      News      Sport\n" + text)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("From: Newsroom Digest <digest@example-news.co.uk>", "email_header"),
        ("> To: duty.inspector@example.police.uk", "email_header"),
        ("---------- Forwarded message ---------", "email_header"),
        ("View this email in your browser", "share_follow_newsletter"),
        ("Forward this newsletter to a friend", "share_follow_newsletter"),
        ("You are receiving this email because you signed up on our website", "share_follow_newsletter"),
        ("Read the full story", "teaser"),
        ("Read the full inspection report", "teaser"),
        ("**Read more:** [Bridge closed after crash](https://example.org/bridge)", "teaser"),
        ("Sponsored: Half-price garden furniture this weekend only", "advert"),
        ("Officers on patrol in the town centre (Jane Doe/PA)", "image_caption"),
        ("Police station exterior (stock image)", "image_caption"),
        ("Press enquiries: media.team@example.org", "newsdesk_contact"),
        ("Page 3 of 12", "page_furniture"),
        ("Recommendations ........ 14", "page_furniture"),
        ("Custody failings - continued from page 1", "page_furniture"),
        ("Category: Force news", "site_notice"),
    ],
)
def test_furniture_of_emails_newsletters_markdown_and_pdfs(line: str, reason: str):
    text = f"Police force praised by inspectors for custody work\n{line}\nThe story goes on here."
    assert dropped(text) == {2: reason}


@pytest.mark.parametrize(
    "line",
    [
        "From: His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
        "cc: Chair, Police and Crime Panel; Chief Executive, Office of the Commissioner",
        "Subject: Inspection of custody arrangements",
    ],
)
def test_a_letters_header_lines_without_an_address_are_kept(line: str):
    text = f"Letter to the chief constable\n{line}\nThe inspection found that custody staff were courteous."
    assert dropped(text) == {}


def test_a_line_a_pasted_report_repeats_on_every_page_is_furniture():
    head = "Office of the Police and Crime Commissioner | Annual Report"
    text = "\n".join(
        [
            "Commissioner's annual report",
            head,
            "The force was inspected in the spring and was rated good at preventing crime.",
            "Page 1 of 2",
            head,
            "Inspectors also found that too many calls to 101 went unanswered last year.",
        ]
    )
    assert dropped(text) == {2: "page_furniture", 4: "page_furniture", 5: "page_furniture"}


@pytest.mark.parametrize(
    "head",
    ["Police and Crime Panel meeting - 14 September 2023", "Audit and Risk Committee papers, 2 May 2024"],
)
def test_a_running_head_with_a_date_is_furniture_and_a_dateline_is_not(head):
    """A page head that carries the meeting's date is furniture however often it comes (its
    date is not the inspection's); a dateline repeated above and below a story stays."""
    text = "\n".join(
        [
            "Report of the commissioner",
            "The force was inspected in the spring and was rated good at preventing crime.",
            head,
            "Inspectors also found that too many calls to 101 went unanswered last year.",
            head,
        ]
    )
    assert dropped(text) == {3: "page_furniture", 5: "page_furniture"}
    dateline = "Published: Thursday 14 September 2023"
    story = ["Lakeland force rated good by inspectors", dateline, "Inspectors rated it good.", dateline]
    text = "\n".join(story)
    assert dropped(text) == {}


def test_a_running_head_with_its_page_number_is_furniture():
    text = "\n".join(
        [
            "Report of the commissioner",
            "COUNTY POLICE AND CRIME PANEL MEETING        Page 4",
            "The force was inspected in the spring and was rated good at preventing crime.",
            "COUNTY POLICE AND CRIME PANEL MEETING        Page 5",
            "Inspectors also found that too many calls to 101 went unanswered last year.",
        ]
    )
    assert dropped(text) == {2: "page_furniture", 4: "page_furniture"}


def test_sentences_between_teaser_lines_are_kept():
    text = "\n".join(
        [
            "Morning briefing: what is happening in the county",
            "1. Police: the county force was rated good at preventing crime by inspectors.",
            "Read the full story",
            "2. Roads: the bypass will close overnight for resurfacing on Friday.",
            "Read the full story",
        ]
    )
    assert {3, 5} <= set(dropped(text)) and not {2, 4} & set(dropped(text))


def test_a_section_menu_under_a_wordy_first_line_goes_with_it():
    """A page copied from the top: a first line long enough to look like a headline ("Jump
    to the content of this page"), then the site's sections one a line, then the story.
    The menu is not the story's head; the real headline and everything under it stay."""
    story = [
        "Watchdog finds Cumbria force slow to answer 101 calls",
        "Inspectors say callers wait too long, but praise neighbourhood officers",
        "By Sam Reporter",
        "Cumbria Constabulary answers too few non-emergency calls quickly, according to a report "
        "published today by His Majesty's Inspectorate of Constabulary.",
    ]
    menu = ["Jump to the content of this page", "Home", "Local news", "Football", "Rugby", "What's on"]
    menu.append("Jobs")
    kept = clean("\n".join(menu + story)).splitlines()
    assert [line for line in kept if line] == story


def test_a_headline_with_a_few_short_lines_under_it_stands():
    lines = [
        "Watchdog finds Cumbria force slow to answer 101 calls",
        "Crime",
        "Cumbria",
        "Inspectors say callers wait too long, but praise neighbourhood officers",
        "Cumbria Constabulary answers too few non-emergency calls quickly, according to a report "
        "published today by His Majesty's Inspectorate of Constabulary.",
    ]
    kept = [line for line in clean("\n".join(lines)).splitlines() if line]
    assert kept[0] == lines[0] and kept[-1] == lines[-1]


def test_a_list_under_the_headline_is_not_a_menu():
    """A list's lead-in and short items under the headline, then a dropped advert and another
    story's head, are the story's: only a run of five menu-like lines makes a menu."""
    lines = [
        "Force praised by inspectors for custody work",
        "Inspectors found:",
        "- cleaner cells",
        "Hide Ad",
        "Short headline of another story",
        "Inspectors found that the custody suite had been cleaned since the inspection in 2010.",
    ]
    kept = [line for line in clean("\n".join(lines)).splitlines() if line]
    assert kept[:3] == [lines[0], "Inspectors found:", "- cleaner cells"]


def test_a_live_pages_labelled_headline_is_kept_and_a_video_link_below_is_not():
    text = "\n".join(
        [
            "LIVE: Watchdog publishes its report on Essex Police control room",
            "Inspectors found that Essex Police answered most 999 calls within ten seconds.",
            "Watch: the chief constable responds to the report",
            "The force said it would study the findings closely.",
        ]
    )
    assert dropped(text) == {3: "widget"}


def test_a_grade_table_pasted_from_a_committee_paper_is_kept():
    # bars without the outer ones, a year in the header, the earlier grade in brackets, and
    # a page footer straight after: the rows are the report's grades, not a menu
    text = (
        "Report to the Police and Crime Panel\n"
        "4.1 HMICFRS published its PEEL report on Norfolk Constabulary on 2 March 2026. "
        "The grades are below, with the 2023 grades in brackets.\n"
        "Area | 2026 grade (2023 grade)\n"
        "Preventing crime | Good (Adequate)\n"
        "Investigating crime | Requires improvement (Requires improvement)\n"
        "Page 6\n"
        "4.2 The force has cut the time taken to answer 101 calls.\n"
    )
    kept = [line.text for line in classify(text) if line.kept]
    assert "Preventing crime | Good (Adequate)" in kept
    assert "Investigating crime | Requires improvement (Requires improvement)" in kept
    assert "Area | 2026 grade (2023 grade)" in kept
    assert "Page 6" not in kept


def test_a_page_number_beside_a_sentence_takes_only_itself():
    """Print furniture on a line of the story (a PDF's running footer) says nothing of the
    sentence beside it, even one in the first person plural (an inspectorate's "We found")."""
    text = (
        "Force criticised by inspectors\n"
        "Inspectors found that the force had cut the time it takes to answer emergency calls.\n"
        "We found that too many victims of burglary were never visited by an officer. Page 3 of 12\n"
    )
    assert "We found that too many victims" in clean(text)


def test_a_grade_row_given_twice_is_kept_both_times():
    """A grade summary at the top and again, with last time's grades, further down: the
    repeat is no running header, and the rows around it are no furniture."""
    text = (
        "Kent Police graded in its latest PEEL inspection\n"
        "Inspectors from HMICFRS graded Kent Police in a report published on Tuesday.\n"
        "Responding to the public: Inadequate\n"
        "Investigating crime: Good\n"
        "Inspectors said too many 999 calls went unanswered for more than ten seconds.\n"
        "The grades again, with the last inspection's in brackets:\n"
        "Responding to the public: Inadequate\n"
        "Investigating crime: Good (Adequate)\n"
    )
    assert [(line.number, line.drop_reason) for line in classify(text) if line.drop_reason] == []


@pytest.mark.parametrize("counter", ["Comments (2)", "14 comments"])
def test_a_comment_counter_under_a_short_story_s_share_bar_drops_nothing_below(counter):
    """Two paragraphs of story below the counter, and nothing after them: the story, not
    comments (which end in names, dates and buttons). A comment section's heading still
    starts a tail (tests/test_furniture.py)."""
    text = (
        "Norfolk custody suites praised by inspectors\n"
        "The report by HMICFRS, published today, found detainees in Norfolk were treated with respect.\n"
        f"Share\n{counter}\n"
        "Inspectors also found that nurses saw detainees quickly at both suites in the county.\n"
        "The chief constable said the force was proud of its custody staff.\n"
    )
    dropped = [line.text for line in classify(text) if line.drop_reason]
    assert dropped == ["Share", counter]


def test_a_paragraph_wrapped_between_page_number_lines_is_the_storys():
    text = "\n".join(
        [
            "Custody inspection finds Gwent detainees well treated",
            "Inspectors found that detention officers were courteous to everyone they held.",
            "Page 1 of 2",
            "Inspectors also found that the force did not always record the reasons for",
            "removing clothing from detainees.",
            "Page 2 of 2",
        ]
    )
    assert dropped(text) == {3: "page_furniture", 6: "page_furniture"}


def test_a_headline_with_a_stray_tab_is_no_menu():
    text = "Gwent Police praised\tfor faster 999 answers\nInspectors found that calls are answered faster.\n"
    assert dropped(text) == {}
    assert dropped("Home\tNews\tSport\tWeather\nInspectors found that calls are answered faster.\n") == {
        1: "navigation"
    }
