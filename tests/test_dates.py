"""Dates end to end (full model): the ways news writes them, resolved as a reader would.

Every article here is written for the test; none is copied from an outlet.
"""

from __future__ import annotations

import pytest

from inspectx import extract
from inspectx.core import extract_documents
from inspectx.reader import decode


def _dates(text: str) -> dict[str, str | None]:
    record = extract(text).to_dict()
    return {k: (v or {}).get("value") for k, v in record["dates"].items()}


def _article(dateline: str, body: str) -> str:
    return (
        "Watchdog finds custody failings at Gwent Police\n"
        f"{dateline}\n"
        "Inspectors from HMICFRS have published their report on Gwent Police.\n"
        f"{body}\n"
        "The force said it would act on every recommendation.\n"
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Inspectors made an unannounced visit to the custody suites on 3 March last year.", "2023-03-03"),
        ("Inspectors visited the custody suites on the 3rd of March last year.", "2023-03-03"),
        ("Inspectors made an unannounced visit to the custody suites on March 3 last year.", "2023-03-03"),
        ("Inspectors made an unannounced visit to the custody suites on 3 March this year.", "2024-03-03"),
        ("Inspectors made an unannounced visit to the custody suites on 29 February last year.", None),
    ],
)
def test_a_day_and_month_with_last_or_this_year_take_that_year(sentence, expected):
    # "last year" after a day and month was left out of the date and the latest 3 March taken
    assert _dates(_article("12 March 2024", sentence))["inspection"] == expected


def test_iso_date_keeps_its_day_and_a_later_month_of_that_year_is_kept():
    text = _article("Published: 2022-10-05", "The inspection took place in July 2022.")
    found = _dates(text)
    assert (found["published"], found["inspection"]) == ("2022-10-05", "2022-07")


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("05/10/2022", "2022-10-05"),
        ("Published: 5/10/22", "2022-10-05"),
        ("Published 05.10.2022", "2022-10-05"),
        ("Published 05-10-2022", "2022-10-05"),
        ("Published 2022-10-04T23:30:00Z", "2022-10-05"),
        ("Posted 2022-10-05 09:00", "2022-10-05"),
    ],
    ids=["slashes", "short-year", "dots", "dashes", "utc-timestamp-in-london", "iso-with-time"],
)
def test_numeric_uk_dates_are_day_first(dateline, expected):
    assert _dates(_article(dateline, "Inspectors visited in March 2022."))["published"] == expected


PUBLISHED_THURSDAY = "Thursday 12 March 2020"


@pytest.mark.parametrize(
    ("dateline", "body", "expected"),
    [
        (PUBLISHED_THURSDAY, "Inspectors visited the custody suites earlier this month.", "2020-03"),
        (PUBLISHED_THURSDAY, "Inspectors visited the custody suites last Thursday.", "2020-03-05"),
        ("Saturday 2 January 2021", "Inspectors visited the force last month.", "2020-12"),
        ("Monday 17 August 2020", "The inspection took place in the spring.", "2020"),
        ("Tuesday 20 October 2020", "The inspection took place in the summer.", "2020"),
        ("Tuesday 17 March 2020", "The inspection took place in the summer.", "2019"),
        (PUBLISHED_THURSDAY, "Inspectors visited the force this week.", "2020-03"),
        (PUBLISHED_THURSDAY, "Inspectors visited the force last week.", "2020-03"),
        ("Wednesday 3 June 2020", "Inspectors visited the force last week.", "2020-05"),
        ("Tuesday 1 September 2020", "Inspectors visited the force this week.", "2020"),
        (PUBLISHED_THURSDAY, "The force was inspected last year.", "2019"),
        ("Thursday 8 October 2020", "The force was inspected earlier this year.", "2020"),
        (PUBLISHED_THURSDAY, "The force was inspected two years ago.", "2018"),
        ("Monday 8 February 2021", "The force was inspected in the autumn, the inspectorate said.", "2020"),
    ],
    ids=[
        "earlier-this-month",
        "last-thursday",
        "last-month-across-year-end",
        "spring",
        "summer-same-year",
        "summer-last-year",
        "this-week",
        "last-week",
        "last-week-other-month",
        "week-across-two-months",
        "last-year",
        "earlier-this-year",
        "two-years-ago",
        "autumn-untagged-by-the-model",
    ],
)
def test_relative_dates_resolve_against_the_publication_date(dateline, body, expected):
    assert _dates(_article(dateline, body))["inspection"] == expected


@pytest.mark.parametrize(
    ("dateline", "body", "expected"),
    [
        ("Friday 11 June 2021", "The inspection began on the third of May.", "2021-05-03"),
        ("Friday 11 June 2021", "The inspection began on the 2nd day of October 2018.", "2018-10-02"),
        ("Friday 11 June 2021", "Inspectors visited on Tuesday 4th May.", "2021-05-04"),
    ],
    ids=["ordinal-word", "ordinal-day-of", "weekday-ordinal"],
)
def test_ordinal_days(dateline, body, expected):
    assert _dates(_article(dateline, body))["inspection"] == expected


def test_weekday_with_ordinal_fixes_the_year_like_a_plain_day():
    plain = _article("Published on Tuesday 5 March", "The last inspection was in 2018.")
    ordinal = _article("Published on Tuesday 5th March", "The last inspection was in 2018.")
    assert _dates(plain)["published"] == _dates(ordinal)["published"] == "2019-03-05"


def test_updated_line_is_never_the_publication_date():
    text = _article("Updated 16:05 BST, 9 June 2022\nPublished 07:00 BST, 8 June 2022", "")
    record = extract(text).to_dict()
    assert record["dates"]["published"]["value"] == "2022-06-08"
    assert record["dates"]["updated"]["value"] == "2022-06-09"


def test_only_an_updated_line_gives_no_publication_date():
    record = extract(_article("Last updated 25th Nov 2022", "")).to_dict()
    assert record["dates"]["updated"]["value"] == "2022-11-25"
    assert record["dates"]["published"] is None


def test_byline_run_into_its_date():
    record = extract(_article("By Jo Smith22 September 2022", "")).to_dict()
    assert record["dates"]["published"]["value"] == "2022-09-22"
    assert record["byline"] == "Jo Smith"
    assert "Jo Smith" not in [p["name"] for p in record["people"]]


@pytest.mark.parametrize(
    ("line", "byline", "published"),
    [
        ("Jo SmithCrime Reporter3rd Jun 2025, 6:00am", "Jo Smith, Crime Reporter", "2025-06-03"),
        (
            "Aoife Ní BhriainHome Affairs Correspondent12th Mar 2026",
            "Aoife Ní Bhriain, Home Affairs Correspondent",
            "2026-03-12",
        ),
    ],
    ids=["name-role-date", "accented-name"],
)
def test_a_byline_glued_to_its_role_and_date(line, byline, published):
    """Some pages run the reporter's name, role and date together ("Jo SmithCrime
    Reporter3rd Jun 2025"): the role still makes the line a byline, and its date the
    article's."""
    record = extract(_article(line, "")).to_dict()
    assert record["byline"] == byline
    assert record["dates"]["published"]["value"] == published


@pytest.mark.parametrize(
    "line",
    [
        "Priya Anand | Home Affairs Reporter | Tuesday 3 March 2026, 7:15am",
        "Bulletin: 07:00 | Tuesday 3 March 2026 | Duration 3'10\" | Reader: Sam Hale",
    ],
    ids=["byline-cells", "bulletin-header"],
)
def test_a_date_in_a_cell_of_a_header_line_is_the_articles(line):
    """A header or byline line of short cells ("name | role | date") dates the article."""
    assert _dates(_article(line, "The report is published today."))["published"] == "2026-03-03"


def test_a_byline_in_cells_is_the_byline_not_a_person():
    record = extract(_article("By Priya Anand | Home Affairs Reporter | Tuesday 3 March 2026", "")).to_dict()
    assert record["byline"] == "Priya Anand, Home Affairs Reporter"
    assert "Priya Anand" not in [p["name"] for p in record["people"]]


@pytest.mark.parametrize(
    "line",
    [
        "Comments (3) | Sam | Thursday 5 March 2026 | Well done",
        "Previous inspection | 4 June 2024 | Rated inadequate",
        "Fieldwork | 8 September 2025",
    ],
    ids=["comment-trailer", "labelled-row", "fieldwork-row"],
)
def test_a_line_of_cells_that_is_not_the_head_does_not_date_the_article(line):
    """A comment, a table row or a trailer with a date is not the article's dateline."""
    text = (
        "Watchdog finds custody failings at Gwent Police\n"
        "Inspectors from HMICFRS have published their report on Gwent Police.\n"
        f"{line}\n"
    )
    assert _dates(text)["published"] is None


def test_date_line_above_the_headline():
    text = "date 2021-11-24\n" + _article("", "")
    record = extract(text).to_dict()
    assert record["dates"]["published"]["value"] == "2021-11-24"
    assert record["title"] == "Watchdog finds custody failings at Gwent Police"


def test_the_inspection_date_belongs_to_this_inspection():
    text = (
        "Child protection inspection finds progress at Gwent Police\n"
        "Published 10 January 2020\n"
        "HMICFRS inspected child protection work at Gwent Police in July.\n"
        "The inspectors found that referrals were now handled quickly.\n"
        "The force also had a PEEL assessment in December.\n"
    )
    assert _dates(text)["inspection"] == "2019-07"


def _page(head: str, body: str = "") -> bytes:
    return (
        "<!doctype html><html><head><title>Watchdog finds custody failings at Gwent Police</title>"
        f"{head}</head><body><article><h1>Watchdog finds custody failings at Gwent Police</h1>{body}"
        "<p>Inspectors from HMICFRS have published their report on custody at Gwent Police, "
        "which they found needed to improve the way detainees are checked overnight.</p>"
        "<p>The force said it would act on every recommendation made in the report.</p>"
        "</article></body></html>"
    ).encode()


def test_page_timestamp_is_the_london_date():
    head = '<meta property="article:published_time" content="2020-06-30T23:15:00Z">'
    assert decode(_page(head), "p.html").published == "2020-07-01"
    winter = '<meta property="article:published_time" content="2020-12-31T23:15:00+00:00">'
    assert decode(_page(winter), "p.html").published == "2020-12-31"
    no_offset = '<meta property="article:published_time" content="2020-06-30T23:15:00">'
    assert decode(_page(no_offset), "p.html").published == "2020-06-30"


def test_page_modified_date_is_not_the_publication_date():
    json_ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"dateModified": "2022-06-09T16:05:00+01:00", "datePublished": "2022-06-08T07:00:00+01:00"}</script>'
    )
    assert decode(_page(json_ld), "p.html").published == "2022-06-08"
    times = (
        '<p>Updated <time datetime="2022-06-09T15:05:00Z">9 June</time></p>'
        '<p>Published <time datetime="2022-06-08T06:00:00Z">8 June</time></p>'
    )
    assert decode(_page("", times), "p.html").published == "2022-06-08"
    modified_only = '<time class="updated" datetime="2022-06-09T15:05:00Z">9 June</time>'
    assert decode(_page("", modified_only), "p.html").published is None


def test_a_range_is_one_period_not_an_earlier_inspection():
    text = _article(
        "Friday 1 July 2022", "HMICFRS inspected the force between November 2021 and February 2022."
    )
    assert _dates(text)["previous_inspection"] is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The report found the force had not assessed whether its new rota, introduced in 2023, was working.",
        "Inspectors assessed whether a triage team which was set up in 2023 had cut waiting times.",
    ],
    ids=["participle", "relative-clause"],
)
def test_a_date_on_something_else_does_not_date_the_inspection(sentence):
    assert _dates(_article("Tuesday 17 June 2025", sentence))["inspection"] is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The inspection, carried out between March and May, looked at 2,000 calls.", "2025-05"),
        ("Inspectors visited the force from October to December last year.", "2024-12"),
    ],
)
def test_a_range_of_months_is_dated_by_its_end(sentence, expected):
    text = _article("Tuesday 17 June 2025", sentence)
    assert _dates(text)["inspection"] == expected


@pytest.mark.parametrize(
    ("dateline", "sentence", "expected"),
    [
        ("Thursday 7 March 2024", "The report was released on Tuesday.", "2024-03-05"),
        ("Wednesday 6 March 2024", "The watchdog's findings were published on Wednesday.", "2024-03-06"),
        (
            "Friday 19 January 2024",
            "The report, published last month, makes nine recommendations.",
            "2023-12",
        ),
        ("Tuesday 5 April 2022", "The report came out on the second of April.", "2022-04-02"),
        ("Tuesday 5 April 2022", "Yesterday the inspectorate published its findings.", "2022-04-04"),
        ("Monday 9 March 2026", "The report was published last Tuesday.", "2026-03-03"),
        (
            "Monday, March 9, 2026 | Issue 2,101 | 90p",
            "It found the force slow to act, in a report published last Wednesday (March 4).",
            "2026-03-04",
        ),
        (
            "Wednesday 12 November 2025",
            "The report was published on Tuesday (after a delay of several weeks).",
            "2025-11-11",
        ),
    ],
    ids=[
        "weekday-before",
        "same-weekday",
        "last-month",
        "ordinal-words",
        "yesterday",
        "last-weekday",
        "restated",
        "aside",
    ],
)
def test_the_reports_release_is_the_published_date_not_the_articles(dateline, sentence, expected):
    """`published` is when the report came out: a release date in the text, resolved against
    the dateline, comes before the dateline itself."""
    assert _dates(_article(dateline, sentence))["published"] == expected


def test_a_year_old_report_is_not_the_release():
    text = _article("Tuesday 5 April 2022", "The force published a report of its own in 2015.")
    assert _dates(text)["published"] == "2022-04-05"


@pytest.mark.parametrize(
    ("dateline", "sentence", "expected"),
    [
        ("14 March 2024", "Inspectors went to the force's custody suites in November last year.", "2023-11"),
        (
            "14 March 2024",
            "Inspectors made an unannounced visit to the custody suites at Newport, Cwmbran and "
            "Ystrad Mynach, in November last year.",
            "2023-11",
        ),
        (
            "20 June 2023",
            "Inspectors went to the force in May and met officers in every district.",
            "2023-05",
        ),
        ("1 May 2023", "Inspectors visited the force between 6 and 17 February 2023.", "2023-02"),
        (
            "12 October 2023",
            "A small team spent ten days with response officers in March this year, inspecting how "
            "calls were handled.",
            "2023-03",
        ),
        (
            "14 January 2026",
            "Inspectors examined custody records in the autumn of 2025 and found checks were often late.",
            "2025",
        ),
        ("14 January 2026", "Inspectors reviewed case files during the spring of 2025.", "2025"),
        ("3 July 2025", "HMICFRS returned to the force in June to check on its progress.", "2025-06"),
        (
            "3 July 2025",
            "Inspectors audited crimes reported between 1 October 2024 and 31 March 2025 and were "
            "on site at the force's headquarters in April.",
            "2025-04",
        ),
        (
            "3 July 2025",
            "The inspection of Gwent Police's custody suites, carried out by inspectors from HMICFRS "
            "and HM Inspectorate of Prisons in February 2025, is published today.",
            "2025-02",
        ),
        (
            "3 July 2025",
            "The unannounced visit, which took place over four days in March, is described in a "
            "report released on Tuesday.",
            "2025-03",
        ),
        (
            "3 July 2025",
            "HMICFRS spent a fortnight with the force in February, looking at its custody suites.",
            "2025-02",
        ),
        (
            "3 July 2025",
            "HMICFRS examined the force's custody records in March and found checks were often late.",
            "2025-03",
        ),
        ("3 July 2025", "The inspectorate audited 200 crime reports at the force in April.", "2025-04"),
        (
            "3 July 2025",
            "Inspectors carried out fieldwork in the force area, which covers Newport, Cwmbran and "
            "Monmouth, in March and April.",
            "2025-04",  # as without the relative clause: the range's latest month
        ),
    ],
    ids=[
        "month-last-year",
        "visit-as-object",
        "may-the-month",
        "range-of-days",
        "verb-after-date",
        "season-of-a-year",
        "season-during",
        "inspectorate-returned",
        "shared-subject-after-an-audit-period",
        "participle-on-the-inspection",
        "relative-clause-on-the-visit",
        "inspectorate-spent-time",
        "inspectorate-examined",
        "inspectorate-audited",
        "after-a-relative-clause-set-off-by-commas",
    ],
)
def test_when_the_inspection_took_place(dateline, sentence, expected):
    assert _dates(_article(dateline, sentence))["inspection"] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Inspectors visited the custody suites in October 2025 and will return in 2027.", "2025-10"),
        ("Inspectors are due to return to the custody suites in 2027 to check on progress.", None),
    ],
    ids=["will-return", "due-to-return"],
)
def test_a_planned_visit_is_not_the_inspection(sentence, expected):
    """A visit still to come ("will return in 2027") has not taken place; with no
    publication date to bound it, it must not be read as the inspection."""
    head = "Watchdog reports on Gwent Police custody\nInspectors from HMICFRS have published a report.\n"
    assert _dates(head + sentence)["inspection"] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Police Federation's own survey of members, carried out in November, found morale was low.",
            None,
        ),
        ("An operation against county lines gangs took place in November.", None),
        ("The fieldwork, carried out in November, included interviews with officers.", "2024-11"),
        (
            "The panel heard about the joint inspection of police custody, which HMICFRS carried "
            "out in Westshire in November.",
            "2024-11",
        ),
        ("The custody review was carried out by inspectors in November.", "2024-11"),
    ],
    ids=["a-survey", "an-operation", "the-fieldwork", "inspectorate-carried-out", "by-inspectors"],
)
def test_carried_out_dates_the_inspection_only_when_it_is_the_inspection(sentence, expected):
    """ "Carried out" and "took place" date any event: a survey or an operation is not
    the inspection."""
    assert _dates(_article("3 February 2025", sentence))["inspection"] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('The original inspection, "Seen and Heard", was published in March 2023.', "2023-03"),
        ("The previous report was published in June 2022 and made nine recommendations.", "2022-06"),
    ],
    ids=["original-with-title", "previous-report"],
)
def test_when_an_earlier_report_came_out_dates_the_previous_inspection(sentence, expected):
    found = _dates(_article("3 February 2025", "Inspectors visited the force in October 2024. " + sentence))
    assert (found["inspection"], found["previous_inspection"]) == ("2024-10", expected)


def test_may_the_verb_is_not_a_date():
    text = _article("20 June 2023", "Inspectors said the force may need more call handlers.")
    assert _dates(text)["inspection"] is None


def test_dateline_with_its_desk_is_kept_and_dates_the_article():
    text = (
        "Watchdog finds custody failings at Gwent Police\n"
        "12 June 2023 10:05 | Press Office\n"
        "Inspectors from HMICFRS have published their report on Gwent Police.\n"
    )
    record = extract(text).to_dict(include_text=True)
    assert record["dates"]["published"]["value"] == "2023-06-12"
    assert "12 June 2023 10:05 | Press Office" in record["text"]


def test_page_date_written_only_in_its_text():
    """A page with no date in its metadata: the date it states ("Posted on ...") is found by
    trafilatura (htmldate), and a copyright year alone gives no date."""
    posted = "<p>Posted on 3 May 2023 by Press Office</p>"
    assert decode(_page("", posted), "p.html").published == "2023-05-03"
    copyright_only = "<footer>(c) 2023 Gwent Gazette</footer>"
    assert decode(_page("", copyright_only), "p.html").published is None


def test_a_page_whose_text_gives_no_date_takes_its_metadata_with_a_warning():
    head = '<meta property="article:published_time" content="2022-06-08T07:00:00+01:00">'
    article = next(extract_documents([decode(_page(head), "p.html")]))
    assert article.dates.published.value == "2022-06-08"
    assert (article.dates.published.start, article.dates.published.end) == (0, 0)
    assert any("metadata" in w for w in article.warnings)


def test_a_release_the_text_dates_stands_against_a_later_page_date():
    """A force's page updated months after the report keeps the report's release date."""
    head = '<meta property="article:published_time" content="2026-03-03T09:00:00+00:00">'
    body = (
        "<p>In December 2025, His Majesty's Inspectorate of Constabulary and Fire &amp; Rescue "
        "Services published its report on Gwent Police, which found the force good at preventing crime.</p>"
    )
    article = next(extract_documents([decode(_page(head, body), "p.html")]))
    assert article.dates.published.value == "2025-12"


def test_a_year_named_by_the_date_before_it():
    """ "an inspection earlier that year" takes the year of the date before it; the date of
    what followed the inspection ("placed in Engage in December 2020 following ...") is not
    the inspection's."""
    text = (
        "Watchdog lifts special measures at Gwent Police\n"
        "Published 3 March 2023\n"
        "The force was placed into enhanced monitoring in December 2020 following an inspection "
        "earlier that year which found it failed to record crimes.\n"
        "HMICFRS visited the force in November 2022 and found it had improved.\n"
    )
    found = _dates(text)
    assert (found["inspection"], found["previous_inspection"]) == ("2022-11", "2020")


def test_reinspected_after_an_earlier_inspection_keeps_its_date():
    text = _article(
        "1 March 2023", "HMICFRS re-inspected the force in 2022 after an initial inspection in 2021."
    )
    found = _dates(text)
    assert (found["inspection"], found["previous_inspection"]) == ("2022", "2021")


def test_a_forces_new_team_is_not_the_inspection_team():
    text = _article(
        "11 April 2024",
        "Inspectors visited the force in November 2023. The force said a new investigation team was "
        "set up in January 2024.",
    )
    assert _dates(text)["inspection"] == "2023-11"


@pytest.mark.parametrize(
    ("dateline", "sentence", "field", "expected"),
    [
        (
            "First published on Tue 4 Jun 2024 09.15 BST",
            "Inspectors visited the force last month.",
            "published",
            "2024-06-04",
        ),
        (
            "First published on Tue 4 Jun 2024 09.15 BST",
            "Inspectors visited the force last month.",
            "inspection",
            "2024-05",
        ),
        ("4 June 2024", "The report was published in May.", "published", "2024-05"),
        ("4 June 2024", "Inspectors visited in the spring of last year.", "inspection", "2023"),
        ("3 July 2024", "Inspectors were on site last month.", "inspection", "2024-06"),
        (
            "7 June 2024",
            "It was rated inadequate in its latest inspection, the watchdog said today.",
            "inspection",
            None,
        ),
    ],
    ids=[
        "first-published",
        "first-published-visit",
        "released-in-may",
        "season-last-year",
        "on-site-last-month",
        "said-today",
    ],
)
def test_dates_a_new_user_tried(dateline, sentence, field, expected):
    assert _dates(_article(dateline, sentence))[field] == expected


@pytest.mark.parametrize(
    "head",
    [
        "Five things to know in the county today, Monday 9 June 2025",
        "Evening round-up \u2013 Monday 9 June 2025",
    ],
)
def test_a_date_closing_a_head_line_dates_the_article(head):
    text = (
        "Morning news\n"
        f"{head}\n"
        "Inspectors have rated Gwent Police good at preventing crime in a report published today.\n"
        "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services said the force had improved.\n"
    )
    assert _dates(text)["published"] == "2025-06-09"


def test_a_date_closing_a_line_about_the_inspection_is_not_the_dateline():
    text = (
        "Gwent Police inspection\n"
        "Inspectors visited the control room, Monday 9 June 2025\n"
        "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services published its report today.\n"
        "Inspectors rated Gwent Police good at preventing crime.\n"
    )
    assert _dates(text)["published"] != "2025-06-09"


@pytest.mark.parametrize(
    ("sentence", "field", "expected"),
    [
        (
            "In February 2026, the inspectorate published its report on Gwent Police, following "
            "inspectors' visits to the force in September 2025.",
            "inspection",
            "2025-09",
        ),
        ("When inspectors last graded the force, in 2021, it was inadequate.", "previous_inspection", "2021"),
        ("Inspectors, who returned in September 2025, found it had improved.", "inspection", "2025-09"),
        (
            "It is a big improvement on 2020, when the force was last graded.",
            "previous_inspection",
            "2020",
        ),
        (
            "In 2019, when the new chief constable arrived, the force had no estate plan.",
            "previous_inspection",
            None,
        ),
        ("Inspectors returned in November and December 2025.", "inspection", "2025-12"),
        ("Officers were trained in November and December 2025.", "inspection", None),
        (
            "The force was last judged inadequate at managing offenders in 2021.",
            "previous_inspection",
            "2021",
        ),
        ("The inspection team was in the county between 9 and 20 June 2025.", "inspection", "2025-06"),
        ("Inspectors were with the force from 9 to 20 June 2025.", "inspection", "2025-06"),
        ("Detectives were trained from 9 to 20 June 2025.", "inspection", None),
        ("Ofsted inspected the county's children's homes in 2024.", "inspection", None),
        (
            "The custody nurses' employer was inspected by the Care Quality Commission in 2023.",
            "inspection",
            None,
        ),
    ],
    ids=[
        "visits",
        "last-graded",
        "who-returned",
        "year-when-last-graded",
        "year-when-something-else",
        "two-months-joined",
        "two-months-of-something-else",
        "last-judged",
        "between-days-of-a-month",
        "from-day-to-day",
        "days-of-something-else",
        "another-inspectorate-inspected",
        "inspected-by-another-inspectorate",
    ],
)
def test_more_ways_to_tell_when_the_inspectors_came(sentence, field, expected):
    assert _dates(_article("Published 3 March 2026", sentence))[field] == expected


def test_a_month_of_the_articles_latest_year_dates_a_release():
    text = (
        "Commissioner's annual report 2025/26\n"
        "In October 2025, His Majesty's Inspectorate of Constabulary and Fire & Rescue Services "
        "published its report on Gwent Police, after an inspection in the spring of 2025.\n"
        "It found the force good at preventing crime.\n"
        "In 2022 the force was rated inadequate for investigating crime.\n"
    )
    assert _dates(text)["published"] == "2025-10"


def test_a_later_more_precise_mention_of_the_release_gives_its_day():
    text = _article(
        "Published 16 October 2025",
        "Its latest inspection, published last month, found the force much improved. "
        "HMICFRS published the report on 18 September 2025.",
    )
    assert _dates(text)["published"] == "2025-09-18"


def test_a_release_month_alone_is_placed_before_the_latest_full_date():
    text = (
        "Minutes of the Police and Crime Panel meeting\n"
        "Held on 3 February 2026 at County Hall\n"
        "The panel considered the HMICFRS report on Gwent Police, published in January.\n"
        "Members noted that inspectors had found the force good at preventing crime.\n"
    )
    assert _dates(text)["published"] == "2026-01"
    # with no full date at all, a month alone fixes no year
    assert _dates(text.replace("Held on 3 February 2026 at County Hall\n", ""))["published"] is None


def test_a_month_of_an_earlier_year_does_not_date_this_release():
    text = _article(
        "Published 3 March 2026",
        "The inspectorate first published a report on the force's custody suites in May 2019.",
    )
    assert _dates(text)["published"] == "2026-03-03"


def test_last_month_in_the_date_itself_is_no_earlier_inspection():
    text = _article(
        "Published 3 March 2026",
        "Inspectors carried out their fieldwork in October 2025. In his annual report last month, the "
        "chief inspector warned that many forces still failed victims of stalking.",
    )
    dates = _dates(text)
    assert dates["previous_inspection"] is None and dates["inspection"] == "2025-10"


@pytest.mark.parametrize(
    ("sentence", "previous"),
    [
        ("In 2022, inspectors rated the force inadequate at investigating crime.", "2022"),
        ("In 2021 the force was graded inadequate for its leadership.", "2021"),
        ("Gwent's neighbour Dyfed-Powys Police was graded good in 2023.", None),
        ("Inspectors will next assess the force in 2027.", None),
    ],
    ids=["inspectors-rated", "force-was-graded", "another-force", "to-come"],
)
def test_a_grading_in_an_earlier_year_is_the_previous_inspection(sentence, previous):
    assert _dates(_article("Published 3 March 2026", sentence))["previous_inspection"] == previous


@pytest.mark.parametrize(
    ("sentence", "previous"),
    [
        ("In 2022, inspectors had found that the force lost track of wanted suspects.", "2022"),
        ("The inspectorate had judged its custody suites unsafe in 2021.", "2021"),
        ("In 2022, inspectors found that the force lost track of wanted suspects.", "2022"),
        ("In 2025, inspectors found that the force lost track of wanted suspects.", None),
    ],
    ids=["had-found", "had-judged", "simple-past-years-before", "simple-past-last-year-stays-unsure"],
)
def test_what_inspectors_had_found_in_a_year_dates_the_previous_inspection(sentence, previous):
    """The past perfect puts the finding before the inspection the article reports; the
    past simple does when its year is two or more before the article's (an inspection is
    published within about a year of its fieldwork), else it may be this inspection's."""
    assert _dates(_article("Published 3 March 2026", sentence))["previous_inspection"] == previous


@pytest.mark.parametrize(
    ("sentence", "previous"),
    [
        ("In 2025, inspectors concluded that the force lost track of wanted suspects.", "2025"),
        ("In 2026, inspectors concluded that the force lost track of wanted suspects.", None),
    ],
    ids=["before-this-inspection", "this-inspection-year"],
)
def test_a_finding_in_a_year_before_this_inspection_is_the_previous_one(sentence, previous):
    """A finding dated earlier than the inspection the article dates is an earlier one's."""
    text = _article("Published 3 December 2026", f"Inspectors returned in June. {sentence}")
    dates = _dates(text)
    assert dates["inspection"] == "2026-06" and dates["previous_inspection"] == previous


def test_a_short_sentence_with_a_month_is_read_as_a_sentence_not_a_label():
    """A line of few words that is a clause ("Inspectors returned in May.") dates by its
    verb, as a longer sentence would; a label line ("PEEL 2021") stays a label."""
    assert (
        _dates(_article("Published 3 December 2026", "Inspectors returned in May."))["inspection"]
        == "2026-05"
    )


@pytest.mark.parametrize(
    ("sentence", "previous"),
    [
        ("A similar inspection of Dyfed-Powys Police in 2023 found that force short of detectives.", None),
        ("Dyfed-Powys Police was last inspected in 2022.", None),
        ("Gwent Police was last inspected in 2022.", "2022"),
    ],
    ids=["inspection-of-another-force", "another-force-last-inspected", "own-force-last-inspected"],
)
def test_another_forces_inspection_does_not_date_the_previous_one(sentence, previous):
    text = _article("Published 3 March 2026", sentence)
    assert _dates(text)["previous_inspection"] == previous


@pytest.mark.parametrize(
    ("sentence", "inspection", "previous"),
    [
        ("The chief said answers were faster since inspectors visited in October.", "2025-10", None),
        ("The chief constable said answers were faster since it was inspected in 2019.", None, "2019"),
        ("Answers have got faster since inspectors last visited in October.", None, "2025-10"),
    ],
    ids=["since-the-visit", "since-a-year-before", "since-they-last-visited"],
)
def test_since_a_visit_compares_now_with_this_inspection_unless_earlier(sentence, inspection, previous):
    """ "since inspectors visited in October" (a speaker comparing now with the visit) dates
    this inspection; a year before the article's ("since it was inspected in 2019") or
    "last" makes the visit an earlier one."""
    dates = _dates(_article("Published 3 March 2026", sentence))
    assert (dates["inspection"], dates["previous_inspection"]) == (inspection, previous)


@pytest.mark.parametrize(
    "sentence",
    [
        "HMICFRS says it returned to the force in January and found it had made progress.",
        "The inspectors said they went back to the force in January.",
    ],
    ids=["inspectorate-says-it", "inspectors-said-they"],
)
def test_a_visit_the_inspection_reports_of_itself_dates_it(sentence):
    """ "HMICFRS says | it returned to the force in January": the pronoun is the
    inspectorate that reports the visit, so the visit is the inspection's."""
    assert _dates(_article("Published 3 March 2026", sentence))["inspection"] == "2026-01"


@pytest.mark.parametrize(
    "sentence",
    [
        "Inspectors checked how the force used its powers under the Mental Health Act 1983.",
        "The inspectorate was set up under the Police and Fire Reform (Scotland) Act 2012 to inspect forces.",
    ],
    ids=["mental-health-act", "reform-act"],
)
def test_the_year_of_a_laws_name_is_no_date(sentence):
    """ "the Mental Health Act 1983" names a law; its year dates nothing (it was taken for
    the previous inspection when an inspecting word stood near it)."""
    dates = _dates(_article("Published 3 March 2026", sentence))
    assert dates["previous_inspection"] is None and dates["inspection"] is None


def test_a_grading_of_the_articles_own_year_is_not_an_earlier_one():
    dates = _dates(_article("Published 3 March 2026", "In 2026, inspectors rated the force good."))
    assert dates["previous_inspection"] is None


@pytest.mark.parametrize("cycle", ["PEEL Inspection 2023-25", "PEEL Inspection 2021/22", "PEEL 2023-25"])
def test_a_programmes_cycle_is_not_a_date(cycle):
    """ "PEEL 2023-25" names the programme's cycle; when the force was inspected, it does
    not say."""
    record = extract(
        "Report of the Police and Crime Commissioner\n"
        f"HMICFRS {cycle}: Kent Police\n\n"
        "The report was published on 3 May 2024.\n"
    ).to_dict()
    assert record["dates"]["inspection"] is None and record["dates"]["previous_inspection"] is None


def test_a_cycle_named_before_the_programme_is_not_a_date():
    """ "its 2021-22 PEEL assessment" (the model's DATE) names a cycle, as "PEEL 2021-22"
    does: not the inspection's date."""
    record = extract(
        "Watchdog publishes report on Kent Police\n"
        "Published: 3 May 2025\n"
        "HMICFRS published its report on Kent Police today.\n"
        "In its 2021-22 PEEL assessment the force was graded adequate at investigating crime.\n"
    ).to_dict()
    assert record["dates"]["inspection"] is None


def test_an_inspection_dated_in_a_publishing_sentence_is_the_inspection():
    """ "published its report on 4 March 2025, after an inspection in November 2024": the
    second date is the inspection's, though "published" governs the sentence."""
    text = (
        "Watchdog says Gwent Police has improved\n"
        "HMICFRS published its report on Gwent Police on 4 March 2025, after an inspection in "
        "November 2024.\n"
        "The review followed up the 2022 inspection, which found weaknesses in custody.\n"
    )
    dates = _dates(text)
    assert dates["inspection"] == "2024-11" and dates["published"] == "2025-03-04"


def test_a_posted_by_credit_line_with_its_date_is_kept_as_the_dateline():
    """ "Posted by NAME, TITLE, DATE" at the head of a blog post dates it; such a line is not
    a blog footer's "Posted by admin"."""
    text = (
        "What the inspectors said about Gwent Police\n\n"
        "Posted by Jane Mudd, Police and Crime Commissioner for Gwent, 18 November 2024\n\n"
        "His Majesty's Inspectorate of Constabulary has published its PEEL report on Gwent Police. "
        "Inspectors found that the force answers emergency calls quickly.\n"
    )
    record = extract(text).to_dict()
    assert record["dates"]["published"]["value"] == "2024-11-18"
    assert record["inspectorate"]["acronym"] == "HMICFRS"


def test_an_aside_on_what_inspectors_had_criticised_leaves_its_sentences_finding_alone():
    """ "..., something the inspectorate had criticised in 2023": the aside tells of then;
    the sentence's own clause is this inspection's finding."""
    from inspectx import extract

    article = extract(
        _article(
            "Published 3 March 2026",
            "The force no longer had a backlog of burglary suspects waiting to be arrested, something "
            "the inspectorate had criticised in 2023.",
        )
    )
    assert any("backlog" in f.text for f in article.improvements)


@pytest.mark.parametrize(
    ("lede", "published"),
    [
        (
            "HULL, 3 March 2020 \u2014 Humberside Police has again been rated outstanding, HMICFRS said.",
            "2020-03-03",
        ),
        (
            "NEWPORT, Tuesday 3 March 2020 \u2013 Gwent Police has been rated outstanding, HMICFRS said.",
            "2020-03-03",
        ),
        (
            "ST ASAPH, 3 March 2020 -- North Wales Police has been rated outstanding, HMICFRS said.",
            "2020-03-03",
        ),
    ],
    ids=["em-dash", "weekday-en-dash", "two-word-place-ascii-dash"],
)
def test_an_agency_dateline_opening_the_lede_dates_the_article(lede, published):
    """The dateline is the article's date, and the story's sentence starts after it: the
    grade's area is not "HULL, 3 March 2020 \u2014"."""
    record = extract(f"Force praised for third time\n{lede}\n").to_dict()
    assert record["dates"]["published"]["value"] == published
    assert [(g["area"], g["grade"]) for g in record["grades"]] == [("overall", "outstanding")]
    assert not any(lede.split(",")[0] in f["text"] for f in record["improvements"])


def test_a_visit_told_as_earlier_is_the_previous_inspection():
    dates = _dates(_article("6 June 2025", "Inspectors had previously visited the force in March 2022."))
    assert dates["previous_inspection"] == "2022-03" and dates["inspection"] is None


def test_a_programmes_cycle_written_with_its_years_dates_no_inspection():
    text = (
        "Sussex Police: its grades\n"
        "Sussex Police's grades in the PEEL 2023-25 inspection were:\n"
        "- Preventing crime: good\n"
        "- Investigating crime: requires improvement\n"
    )
    assert _dates(text)["inspection"] is None


@pytest.mark.parametrize(
    "sentence",
    [
        "It was the first inspection of the force since the two forces merged in 2013.",
        "This was the first inspection of the unit since the new chief constable took over in 2020.",
    ],
)
def test_a_year_of_another_event_in_its_own_clause_dates_no_inspection(sentence):
    dates = _dates(
        "Watchdog praises Cumbria Constabulary\n"
        "Published: 4 March 2025\n"
        f"Cumbria Constabulary is doing well, HMICFRS said today. {sentence}\n"
    )
    assert dates["previous_inspection"] is None and dates["inspection"] is None


def test_a_year_of_the_inspectors_own_visit_in_a_since_clause_is_the_previous_inspection():
    dates = _dates(
        "Watchdog praises Cumbria Constabulary\n"
        "Published: 4 March 2025\n"
        "Cumbria Constabulary has improved since inspectors last visited in 2021, HMICFRS said today.\n"
    )
    assert dates["previous_inspection"] == "2021"


def test_a_full_stop_after_a_month_ends_the_sentence_not_the_date():
    record = extract(
        "Watchdog praises Cumbria Constabulary\n"
        "Published: 4 March 2025\n"
        "Cumbria Constabulary is doing well, HMICFRS said today.\n"
        "Inspectors visited the force between 3 and 14 February.\n"
    ).to_dict()
    assert record["dates"]["inspection"]["text"] == "14 February"


@pytest.mark.parametrize(
    "phrase", ["in the week beginning 14 October 2024", "in the week commencing 14 October 2024"]
)
def test_a_week_named_by_its_first_day_is_dated_by_its_month(phrase):
    dates = _dates(
        "Watchdog praises Cumbria Constabulary\n"
        "Published: 4 March 2025\n"
        f"Cumbria Constabulary is doing well, HMICFRS said today. Inspectors visited the force {phrase}.\n"
    )
    assert dates["inspection"] == "2024-10"


def test_a_numeric_date_with_no_day_first_reading_is_read_month_first():
    dates = _dates(
        "Watchdog praises Cumbria Constabulary\n3/14/2025\nCumbria Constabulary does well, HMICFRS said.\n"
    )
    assert dates["published"] == "2025-03-14"


def test_a_numeric_date_is_read_day_first_when_it_can_be():
    dates = _dates(
        "Watchdog praises Cumbria Constabulary\n3/4/2025\nCumbria Constabulary does well, HMICFRS said.\n"
    )
    assert dates["published"] == "2025-04-03"


def test_a_release_date_after_a_report_title_put_as_a_question_dates_the_release():
    """The parser hangs "on 12 March 2025" on the verb of "how the service responds"."""
    dates = _dates(
        "Review of domestic abuse response\n\n"
        "Criminal Justice Inspection Northern Ireland published its follow-up review of how the "
        "Police Service of Northern Ireland responds to domestic abuse on 12 March 2025.\n"
    )
    assert dates["published"] == "2025-03-12"


def test_a_date_of_something_yet_to_happen_dates_no_inspection():
    dates = _dates(
        "Custody report on Avon and Somerset Police\n\n"
        "For immediate release: 9 October 2025\n\n"
        "HMICFRS today publishes its custody inspection report on Avon and Somerset Police, "
        "following an unannounced inspection in June. The force will publish its plan for meeting "
        "the inspection's recommendations in December.\n"
    )
    assert dates["inspection"] == "2025-06" and dates["previous_inspection"] is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The review followed up the recommendations of the inspectorate's 2023 inspection of custody.",
        "It found that nine of the 14 recommendations from the 2023 inspection had been achieved.",
    ],
)
def test_an_inspection_whose_recommendations_are_followed_up_is_the_previous_one(sentence):
    dates = _dates(_article("6 June 2025", sentence))
    assert dates["previous_inspection"] == "2023" and dates["inspection"] is None


def test_a_month_named_as_the_last_is_resolved_against_the_dateline():
    """ "last November" in an article published in March 2026 is November 2025: the model
    does not always tag it as a date (here not after "Greater Manchester Police"), and
    the inspection date had been left empty."""
    text = (
        "Inspectors praise Greater Manchester Police\n"
        "Saturday 21 March 2026\n"
        "Inspectors went back to Greater Manchester Police last November to see how it protects "
        "children. Their report, published on Thursday, found that officers now listen to children.\n"
    )
    assert _dates(text)["inspection"] == "2025-11"


@pytest.mark.parametrize(
    "sentence",
    [
        "Call handlers now record repeat victims correctly, a marked change from the 2019 inspection.",
        "Call handlers now record repeat victims correctly, an improvement on the 2019 inspection.",
        "Call handlers now record repeat victims correctly compared with the 2019 inspection.",
    ],
    ids=["change-from", "improvement-on", "compared-with"],
)
def test_an_inspection_a_change_is_measured_from_is_the_previous_one(sentence):
    found = _dates(_article("Tuesday 14 May 2024", sentence))
    assert (found["inspection"], found["previous_inspection"]) == (None, "2019")


@pytest.mark.parametrize(
    "sentence",
    [
        "Inspectors were at the force's custody suites during the fortnight beginning 10 February 2024.",
        "Inspectors were on site at its three custody suites – Northgate, Eastfield and Porth – during the "
        "fortnight beginning 10 February 2024.",
    ],
    ids=["beginning-as-preposition", "beginning-on-the-period"],
)
def test_a_period_given_by_its_first_day_dates_the_visit(sentence):
    """ "during the fortnight beginning 10 February": the period, given by its first day,
    dates what the inspectors did in it, however the parser hangs "beginning"; an earlier
    inspection named later is then the previous one."""
    body = f"{sentence} Waits for a nurse were a concern repeated from the 2021 inspection."
    found = _dates(_article("Tuesday 14 May 2024", body))
    assert (found["inspection"], found["previous_inspection"]) == ("2024-02-10", "2021")


def test_a_period_of_something_else_dates_no_inspection():
    found = _dates(
        _article("Tuesday 14 May 2024", "The new rota will run for the fortnight beginning 10 June.")
    )
    assert found["inspection"] is None


def test_another_forces_visit_told_in_a_relative_clause_is_not_this_inspection():
    """ "Dyfed-Powys Police, which was the subject of a similar revisit in April": the
    relative pronoun stands for the other force, whose revisit does not date this one."""
    body = (
        "HMICFRS revisited the force in February to check on progress.\n"
        "Dyfed-Powys Police, which was the subject of a similar revisit in April, was found to have "
        "addressed its cause of concern."
    )
    assert _dates(_article("Tuesday 14 May 2024", body))["inspection"] == "2024-02"


@pytest.mark.parametrize(
    "release",
    [
        "will publish its findings on Thursday 20 March",
        "is due to publish its findings on 20 March",
        "will publish its findings on Thursday",
    ],
    ids=["weekday-and-day", "day-due", "weekday-alone"],
)
def test_a_release_still_to_come_is_dated_ahead_and_keeps_the_inspection_date(release):
    """A preview written before the report is out: its release lies after the dateline,
    not a year back (which had made the visit later than the release, and dropped it)."""
    body = f"The inspectorate {release}.\nInspectors spent a week in the custody suites in October 2024."
    dates = _dates(_article("Monday 17 March 2025", body))
    assert dates["inspection"] == "2024-10"
    assert dates["published"] in ("2025-03-17", "2025-03-20")


@pytest.mark.parametrize(
    ("written", "value"),
    [("Wednesday 12 February", "2025-02-12"), ("Monday 12 February", "2024-02-12")],
    ids=["this-year", "last-year"],
)
def test_a_weekday_fixes_the_year_of_a_day_written_without_one(written, value):
    """A day and month with a weekday and no year take the year, next to the story's, in
    which that day falls on that weekday (12 February 2025 is a Wednesday, 2024's a Monday)."""
    from inspectx.pipeline import build

    doc = build()(_article("Monday 17 March 2025", f"The chief constable met inspectors on {written}."))
    mention = next(m for m in doc._.date_mentions if m.text.endswith("12 February"))
    assert mention.value == value


def test_an_earlier_inspection_dated_before_another_event_keeps_its_date():
    """ "last looked at custody in Gwent in 2022, following the death of a detainee": what
    follows is another event, not an inspection whose outcome the date would be."""
    text = _article(
        "Tuesday 17 June 2025",
        "The report notes progress since the inspectorate last looked at the force's custody suites "
        "in 2022, following a complaint from a detainee's family.",
    )
    assert _dates(text)["previous_inspection"] == "2022"


def test_two_months_joined_by_and_are_one_period_dated_by_its_end():
    text = _article(
        "Thursday 2 October 2025", "The inspection team carried out fieldwork during June and July."
    )
    assert _dates(text)["inspection"] == "2025-07"


def test_a_date_later_this_year_is_not_the_inspections():
    """ "a national assessment later this year": a time after the article's, which dates no
    inspection that has taken place (it had taken the inspection date from the visit)."""
    body = (
        "The constabulary was inspected in the autumn of 2025.\n"
        "The inspectorate said a national inspection of custody would follow later this year."
    )
    assert _dates(_article("Thursday 12 March 2026", body))["inspection"] == "2025"


def test_a_day_in_brackets_after_today_is_the_day_meant_whatever_the_pages_date():
    """ "published today (Thursday 10 July)" in a story whose page or message is dated later
    (forwarded, or saved days after): the bracket names the day "today" was."""
    text = _article("Monday 14 July 2025", "The report was published today (Thursday 10 July).")
    assert _dates(text)["published"] == "2025-07-10"


def test_another_forces_inspection_told_by_a_participle_on_its_name_is_not_this_ones():
    """ "Essex Police, inspected last year, was rated outstanding": that force's inspection."""
    body = (
        "Inspectors said the force records 94 per cent of crime. "
        "Sussex Police, inspected last year, was rated good."
    )
    assert _dates(_article("Tuesday 17 June 2025", body))["inspection"] is None


def test_a_head_line_closed_by_a_date_and_a_time_of_day_is_the_dateline():
    text = (
        "Watchdog criticises Gwent Police\n"
        "Valleys Gazette live updates, 14 May 2025, 09:45\n"
        "The inspectorate published its report on Gwent Police this morning.\n"
    )
    assert _dates(text)["published"] == "2025-05-14"


@pytest.mark.parametrize(
    ("opening", "previous"),
    [
        ("Last time round, in 2022,", "2022"),
        ("The last time, in March 2021,", "2021-03"),
    ],
    ids=["last-time-round", "the-last-time"],
)
def test_a_date_set_off_after_last_time_is_the_previous_inspections(opening, previous):
    body = f"HMICFRS has published its report.\n{opening} inspectors told the force to answer calls faster."
    assert _dates(_article("14 May 2025", body))["previous_inspection"] == previous


def test_last_time_of_something_else_dates_no_inspection():
    body = "HMICFRS has published its report.\nLast time I checked, in 2022, the station was open."
    assert _dates(_article("14 May 2025", body))["previous_inspection"] is None


@pytest.mark.parametrize(
    ("sentence", "previous"),
    [
        # the inspectorate's own earlier report dates the previous inspection, "since" or not
        ("Call handlers now answer faster than they did before the inspectorate's 2021 report.", "2021"),
        ("Call handlers have answered faster since the inspectorate's 2021 report.", "2021"),
        ("Waiting times have fallen since its 2022 inspection of the control room.", "2022"),
        ("It is the first time HMICFRS has examined the force's control room since 2019.", "2019"),
        ("Waiting times in the control room have fallen since 2019.", None),
    ],
    ids=["before-report", "since-report", "since-inspection", "since-on-examined", "since-plain"],
)
def test_since_an_earlier_report_or_inspecting_dates_the_previous_inspection(sentence, previous):
    body = f"HMICFRS has published its report.\n{sentence}"
    assert _dates(_article("14 May 2025", body))["previous_inspection"] == previous


@pytest.mark.parametrize(
    "sentence",
    [
        "HMICFRS published its inspection of how Gwent Police responds to harassment on 6 May 2025.",
        "HMICFRS published its inspection of Gwent Police's response to burglary on 6 May 2025.",
    ],
    ids=["how-question", "possessive-subject"],
)
def test_a_day_after_a_reports_subject_dates_its_release_not_the_visits(sentence):
    text = f"Harassment report out\n{sentence}\nInspectors found that victims were kept informed.\n"
    dates = _dates(text)
    assert dates["published"] == "2025-05-06"
    assert dates["inspection"] is None


def test_a_comparison_with_an_earlier_inspection_dates_it_and_keeps_the_finding():
    body = (
        "Inspectors visited in February 2025.\n"
        "Inspectors found that the force now charges burglars faster than at the 2021 inspection."
    )
    record = extract(_article("14 May 2025", body)).to_dict()
    assert record["dates"]["previous_inspection"]["value"] == "2021"
    assert record["dates"]["inspection"]["value"] == "2025-02"
    assert any("charges burglars faster" in f["text"] for f in record["improvements"])


def test_last_before_an_inspecting_verb_dates_the_previous_inspection():
    body = "The inspectorate last examined the force's control room in 2021, when it found long delays."
    assert _dates(_article("14 May 2025", body))["previous_inspection"] == "2021"


def test_inspection_reports_dated_by_their_arrival_do_not_date_the_visits():
    body = "Two inspection reports arrived this week.\nFieldwork took place in January 2025."
    dates = _dates(_article("14 May 2025", body))
    assert dates["inspection"] == "2025-01"
    assert dates["previous_inspection"] is None


def test_a_newsletter_dated_by_its_month_places_what_either_end_of_it_would():
    text = (
        "Community safety bulletin\n"
        "Number 40, June 2025\n"
        "Inspectors published their report on Gwent Police last month.\n"
        "They found that callers waited too long. Their visit was on a Tuesday.\n"
    )
    dates = _dates(text)
    assert dates["published"] == "2025-05"


def test_a_grade_given_in_an_earlier_year_dates_the_previous_inspection():
    body = "It was rated adequate at preventing crime, the same grade it was given in 2022."
    assert _dates(_article("14 May 2025", body))["previous_inspection"] == "2022"
    same_year = "It kept the good rating it was given in 2025."
    assert _dates(_article("14 May 2025", same_year))["previous_inspection"] is None


def test_a_grade_given_at_a_named_earlier_inspection_leaves_the_next_sentences_current():
    body = (
        "It was rated good at managing offenders, up on the rating it was given in the 2022 PEEL "
        "inspection. Inspectors found that detectives in the sex offender unit visited offenders on time."
    )
    record = extract(_article("14 May 2025", body)).to_dict()
    assert any("visited offenders on time" in f["text"] for f in record["improvements"])


def test_a_periodicals_issue_month_in_a_bar_dates_what_it_reports():
    text = (
        "Control room report card\n"
        "Staff Gazette | Operations | June 2025 issue\n"
        "HMICFRS published its report on Gwent Police on 20 May.\n"
        "The inspection took place between 3 and 14 February.\n"
    )
    dates = _dates(text)
    assert dates["published"] == "2025-05-20"
    assert dates["inspection"] == "2025-02"


def test_a_posting_date_in_a_bar_is_the_articles_not_the_reports():
    text = (
        "Vetting report on Gwent Police\n"
        "The Valley Voice | News | Posted by Sam Lee on 17 June 2025\n"
        "HMICFRS published its findings on Gwent Police last week.\n"
        "Inspectors said the vetting unit had cleared its backlog.\n"
    )
    assert _dates(text)["published"] == "2025-06"


@pytest.mark.parametrize(
    ("body", "inspection"),
    [
        ("Inspectors visited its four custody suites in the first fortnight of October 2024.", "2024-10"),
        ("Inspectors visited its four custody suites in the last week of March.", "2025-03"),
        ("Fieldwork ran through the final days of February 2025.", "2025-02"),
    ],
)
def test_a_part_of_a_month_dates_the_visit_in_that_month(body, inspection):
    """ "the first fortnight of October 2024" is no first inspection, "the last week of March"
    no "last March" and no period like "the last year": each is a part of its month."""
    dates = _dates(_article("14 May 2025", body))
    assert dates["inspection"] == inspection
    assert dates["previous_inspection"] is None


@pytest.mark.parametrize(
    ("body", "previous"),
    [
        ("Its previous report (2021) had raised the same worries about call handling.", "2021"),
        ("The last inspection (June 2022) had raised the same worries.", "2022-06"),
        ("A review (2021) by the county council raised similar worries.", None),
    ],
)
def test_a_year_in_brackets_after_an_earlier_report_dates_it(body, previous):
    """ "its previous report (2021)": the year in brackets names the earlier report; after
    any other report it dates nothing of the inspection's."""
    assert _dates(_article("14 May 2025", body))["previous_inspection"] == previous


@pytest.mark.parametrize(
    ("body", "previous"),
    [
        (
            "Inspectors found that cells are now cleaned daily. That was not so when they last came in 2021.",
            "2021",
        ),
        ("Officers now record every search, something that had been a worry at the 2022 inspection.", "2022"),
        (
            "Three years ago, when inspectors last examined its work on missing children, reviews were slow.",
            "2022",
        ),
    ],
)
def test_an_earlier_visit_told_by_they_or_a_labelled_inspection_in_the_past_perfect(body, previous):
    """ "when they last came in 2021" (they: the inspectors of the sentence before),
    "something that had been a worry at the 2022 inspection" and "Three years ago, when
    inspectors last examined ..." date the previous inspection, not this one."""
    dates = _dates(_article("14 May 2025", body))
    assert dates["previous_inspection"] == previous
    assert dates["inspection"] is None


def test_another_reviews_publication_is_not_this_reports():
    """ "a separate review of X, published last month": that review's date, not this
    report's publication."""
    dates = _dates(
        _article("14 May 2025", "It comes after a separate review of stalking cases, published last month.")
    )
    assert dates["published"] != "2025-04"


@pytest.mark.parametrize(
    ("body", "published", "previous"),
    [
        ("The force said it would publish an action plan in August.", "2025-05-14", None),
        (
            "HMICFRS published the report on Tuesday.\nThe last time inspectors examined its control room "
            "was in 2021.",
            "2025-05-13",
            "2021",
        ),
    ],
)
def test_a_plan_to_publish_something_else_and_the_last_time_inspected(body, published, previous):
    """ "would publish an action plan in August" dates the force's plan, not the report (it
    had been the publication, and in the year before, as August was yet to come);
    "The last time inspectors examined X was in 2021" dates the previous inspection."""
    dates = _dates(_article("14 May 2025", body))
    assert (dates["published"], dates["previous_inspection"]) == (published, previous)


@pytest.mark.parametrize(
    "sentence",
    [
        "The last time the watchdogs examined the force's custody suites was in 2021.",
        "The figure of one detainee in five held overnight comes from the inspectorate's 2021 report.",
    ],
    ids=["last-time-as-subject", "the-inspectorates-year-report"],
)
def test_an_earlier_look_by_the_inspectorates_dates_the_previous_inspection(sentence):
    """ "The last time" as the subject of "was in 2021", the inspecting verb its relative
    clause; and a year that labels the inspectorate's own earlier report."""
    from inspectx.pipeline import build

    text = _article("14 May 2025", "HMICFRS published the report on Tuesday.\n" + sentence)
    roles = {m.text: m.role for m in build()(text)._.date_mentions}
    assert roles["2021"] == "previous"
    dates = _dates(text)
    assert (dates["published"], dates["previous_inspection"]) == ("2025-05-13", "2021")


def test_a_date_told_of_another_event_dates_no_inspection():
    """ "after the death of a man in custody in June 2024": the date is the death's."""
    dates = _dates(
        _article(
            "14 May 2025",
            "HMICFRS published the report on Tuesday.\nThe inspection was brought forward after the "
            "death of a woman in one of the force's custody suites in August 2024.",
        )
    )
    assert dates["inspection"] is None and dates["previous_inspection"] is None
