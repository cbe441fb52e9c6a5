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


def test_the_standfirst_under_the_headline_is_kept(tmp_path):
    """trafilatura takes a page's story from its body block and leaves out the standfirst
    (a "sub-title" or "standfirst" block under the `<h1>`); it is the story's summary, and
    often a finding."""
    sentence = "Paragraph {} of the story says the force in Northshire keeps improving how it answers calls."
    paragraphs = "".join(f"<p>\n{sentence.format(n)}\n</p>\n" for n in range(1, 7))
    page = (
        "<html><head><title>Northshire Police praised by watchdog</title></head><body>\n"
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>\n"
        "<main><article class='article-main'>\n<h1>Northshire Police praised by watchdog</h1>\n"
        "<p class='sub-title'>\nInspectors found that victims of burglary now get a visit from an "
        "officer within a day\n</p>\n"
        "<div class='article-information'><span class='author'>Jo Bloggs</span>"
        "<span class='date-published'>14:05, 4 MAY 2025</span></div>\n"
        f"<div class='article-body'>\n{paragraphs}</div>\n"
        "</article></main><footer>All rights reserved</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    text = next(extract_many([path])).to_dict(include_text=True)["text"]
    lines = text.split("\n")
    standfirst = "Inspectors found that victims of burglary now get a visit from an officer within a day"
    assert lines[:2] == ["Northshire Police praised by watchdog", standfirst]
    assert text.count("victims of burglary") == 1


def test_a_forces_own_page_is_about_that_force(tmp_path):
    """A force's news page speaks as "we" and may never name itself in the story; its
    site name ("Cumbria Constabulary") says whose page it is."""
    story = "".join(
        f"<p>{s}</p>\n"
        for s in [
            "We were judged good at investigating crime in our latest inspection by His Majesty's "
            "Inspectorate of Constabulary and Fire & Rescue Services, published today.",
            "Inspectors spent two weeks with our officers and staff in the spring.",
            "The report recognises our work to protect vulnerable people in rural communities.",
            "Our chief constable thanked every officer, member of staff and volunteer.",
        ]
    )
    page = (
        "<html><head><title>Inspectors recognise our progress | Cumbria Constabulary</title>"
        "<meta property='og:site_name' content='Cumbria Constabulary'></head><body>\n"
        "<main><article><h1>Inspectors recognise our progress</h1>\n"
        f"<div class='article-body'>\n{story}</div></article></main></body></html>"
    )
    path = tmp_path / "news.html"
    path.write_text(page, encoding="utf-8")
    record = next(extract_many([path])).to_dict()
    assert record["force"]["name"] == "Cumbria Constabulary"


GRADE_TABLE_PAGE = """<html><head><title>PEEL 2025: Cumbria Constabulary</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Cumbria Constabulary PEEL inspection 2025</h1>
<p>His Majesty's Inspectorate of Constabulary and Fire &amp; Rescue Services has published its PEEL
report on Cumbria Constabulary after inspecting the force in March 2025.</p>
<p>Inspectors found the force had cleared its backlog of seized phones.</p>
<table>
<tr><th>Area</th><th>Grade</th></tr>
<tr><td>Preventing crime</td><td>Outstanding</td></tr>
<tr><td>Responding to the public</td><td>Requires improvement</td></tr>
<tr><td>Investigating crime</td><td>Good</td></tr>
</table>
<p>The force said it would act on every recommendation.</p>
</article>
<footer>Copyright 2025</footer>
</body></html>"""


def test_a_grade_table_on_a_saved_page_gives_its_grades():
    """A page's <table> is kept (as trafilatura writes it, a row a line between bars), so a
    grade table's rows are read like any other."""
    article = next(iter(extract_many([GRADE_TABLE_PAGE.encode()])))
    assert [(g.area, g.grade) for g in article.grades] == [
        ("preventing crime", "outstanding"),
        ("responding to the public", "requires improvement"),
        ("investigating crime", "good"),
    ]
    assert [f.text for f in article.concerns] == ["Responding to the public | Requires improvement"]
    assert "Copyright" not in article.text and "Home" not in article.text.split("\n")


def test_a_grade_in_a_table_nested_in_a_cell_stays_in_its_row():
    """A page builder's cell may hold a table of its own; its text belongs to the row."""
    page = GRADE_TABLE_PAGE.replace(
        "<td>Good</td>", '<td><table class="badge"><tr><td><span>Good</span></td></tr></table></td>'
    ).replace("<tr><th>Area</th><th>Grade</th></tr>", "<thead><tr><th>Area</th><th>Grade</th></tr></thead>")
    article = next(iter(extract_many([page.encode()])))
    assert ("investigating crime", "good") in [(g.area, g.grade) for g in article.grades]
    assert "| Good |" not in article.text.split("\n")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Gwent Police praised - but concerns remain", "Gwent Police praised - but concerns remain"),
        ("Custody report welcomed | News and Star", "Custody report welcomed"),
        ("Force told to improve - BBC News", "Force told to improve"),
    ],
    ids=["headline-ends-after-a-dash", "site-with-and", "site"],
)
def test_a_pages_title_loses_its_site_name_but_not_its_own_last_words(title, expected):
    from inspectx import extract

    page = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        "<p>Inspectors found that Gwent Police answers emergency calls quickly, but too many "
        "crimes are not recorded, the report published on Tuesday said.</p></article></body></html>"
    )
    assert extract(page.encode()).title == expected


def test_a_time_element_inside_a_sentence_keeps_its_words(tmp_path):
    """trafilatura drops `<time>`: "visited in <time>November 2024</time>." had become "visited in ."."""
    paragraphs = "".join(
        f"<p>Paragraph {n} of the story says Northshire Police keeps improving how it answers calls.</p>"
        for n in range(1, 5)
    )
    page = (
        "<html><head><title>Northshire custody inspection</title></head><body><article>"
        "<h1>Northshire custody inspection</h1>"
        "<p>Inspectors visited the force's custody suites in <time datetime='2024-11'>November 2024"
        "</time> and found detainees were treated with respect.</p>"
        f"{paragraphs}</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    record = next(iter(extract_many([path]))).to_dict()
    assert record["dates"]["inspection"]["value"] == "2024-11"
