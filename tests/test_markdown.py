"""Articles written in Markdown (notes, newsletters, pages saved as `.md`): its markup is
not the article's words."""

from __future__ import annotations

import pytest

from inspectx import extract
from inspectx.cleaner import classify

ARTICLE = """\
## **Kent Police** criticised over *custody* waits

HMICFRS found that detainees in Kent Police custody waited too long to see a nurse, in a \
report published on 3 March 2026.

| Area of policing | Grade |
| :--- | ---: |
| Investigating crime | Good |
| Responding to the public | Inadequate |

The force said it would recruit more custody nurses.
"""


def test_the_title_is_the_headline_without_heading_marks_or_emphasis():
    assert extract(ARTICLE).title == "Kent Police criticised over custody waits"
    underscored = extract("## Kent Police _PEEL_ report finds __slow__ custody_checks\nHMICFRS inspected it.")
    assert underscored.title == "Kent Police PEEL report finds slow custody_checks"


def test_a_markdown_grade_table_gives_its_grades_and_only_its_rule_is_dropped():
    article = extract(ARTICLE)
    assert {(g.area.lower(), g.grade) for g in article.grades} == {
        ("investigating crime", "good"),
        ("responding to the public", "inadequate"),
    }
    dropped = {line.number: line.drop_reason for line in classify(ARTICLE) if line.drop_reason}
    assert dropped == {6: "table_rule"}


def test_a_grade_in_bold_or_italics_is_still_a_grade():
    text = ARTICLE.replace("| Good |", "| **Good** |").replace("| Inadequate |", "| *Inadequate* |")
    assert text != ARTICLE
    assert {(g.area.lower(), g.grade) for g in extract(text).grades} == {
        ("investigating crime", "good"),
        ("responding to the public", "inadequate"),
    }


def test_an_earlier_grade_in_brackets_keeps_the_row_and_is_no_grade():
    text = ARTICLE.replace("| Good |", "| Good (Inadequate) |").replace(
        "| Inadequate |", "| Inadequate (Good) |"
    )
    assert text != ARTICLE
    assert {(g.area.lower(), g.grade) for g in extract(text).grades} == {
        ("investigating crime", "good"),
        ("responding to the public", "inadequate"),
    }
    assert {line.drop_reason for line in classify(text) if line.drop_reason} == {"table_rule"}


@pytest.mark.parametrize("rule", ["|---|---|", "| --- | --- |", "---|---", "| :---: | :--- |"])
def test_every_form_of_the_rule_under_a_header_is_markup(rule):
    text = ARTICLE.replace("| :--- | ---: |", rule)
    assert {line.drop_reason for line in classify(text) if line.drop_reason} == {"table_rule"}


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("*By [Jane Smith](https://example.com/jane) | 4 June 2025*", "Jane Smith"),
        ("_By **Jane Smith**, Crime Reporter_", "Jane Smith, Crime Reporter"),
    ],
    ids=["linked-name-and-date", "bold-name-and-desk"],
)
def test_a_byline_in_emphasis_or_with_a_link_is_the_byline(line, byline):
    article = extract(
        f"# Watchdog praises Kent Police control room\n\n{line}\n\n"
        "Inspectors from HMICFRS found that Kent Police now answers 999 calls faster than before.\n"
    )
    assert article.byline == byline
    assert "Jane Smith" not in [p.name for p in article.people]


@pytest.mark.parametrize("line", ["*By Jane Smith*", "_By Jane Smith_", "**By Jane Smith**"])
def test_a_short_heading_over_a_byline_in_emphasis_stays_the_title(line):
    """A heading of three words is the headline only with the story (and at most a byline
    or a date) below it; a byline in emphasis had not counted as one, so both lines were
    dropped as a menu and the story's first sentence became the title."""
    article = extract(
        f"# Kent Police praised\n\n{line}\n\n"
        "Inspectors from HMICFRS found that Kent Police now answers 999 calls faster than before.\n"
    )
    assert article.title == "Kent Police praised"
    assert article.byline == "Jane Smith"


@pytest.mark.parametrize("mark", ["*", "_"])
def test_a_date_in_emphasis_is_read_as_a_date(mark):
    article = extract(
        f"# Watchdog praises Kent Police control room\n\n{mark}By Jane Smith | 4 June 2025{mark}\n\n"
        "Inspectors from HMICFRS found that Kent Police now answers 999 calls faster than before.\n"
    )
    assert article.dates.published is not None and article.dates.published.value == "2025-06-04"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ('title: "Kent Police praised for its 999 service"', "Kent Police praised for its 999 service"),
        ("title: 'Kent''s 999 service praised'", "Kent's 999 service praised"),
        ("title: Kent Police praised", "Kent Police praised"),
    ],
)
def test_a_title_in_yaml_front_matter_loses_its_quotation_marks(line, title):
    text = f"---\n{line}\ndate: 2026-03-04\n---\n\nInspectors praised Kent Police for its call handling.\n"
    assert extract(text).title == title
