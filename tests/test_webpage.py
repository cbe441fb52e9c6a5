"""Saved web pages that trafilatura alone gets wrong: bare lists, lying charsets, comments, BOMs."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from inspectx import reader
from inspectx.cli import cli
from inspectx.core import extract_documents

BARE_LIST = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Inspectors report on Kent Police custody | Kent Courier</title></head>
<body>
<h1>Inspectors report on Kent Police custody</h1>
<p>His Majesty's Inspectorate of Constabulary and Fire and Rescue Services published its report on
custody in Kent Police on Tuesday.</p>
<p>Inspectors found several improvements since the last visit:</p>
<ul><li>better health care for detainees</li><li>faster access to solicitors</li></ul>
<p>However, inspectors remained concerned about:</p>
<ul><li>the use of force on children</li><li>delays in releasing detainees</li></ul>
<p>The force said it would act on every recommendation in the report.</p>
</body></html>
"""

LYING_CHARSET = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Watchdog finds Avon and Somerset Police improving</title></head>
<body><article>
<h1>Watchdog finds Avon and Somerset Police improving</h1>
<p>Avon and Somerset Police was praised \u2014 but inspectors said its crime recording still needs work.</p>
<p>HM Inspector of Constabulary Roy Wilsher said: \u201cThe force has made real progress since our last
inspection, and I am pleased with what we found.\u201d</p>
<p>The force said it welcomed the report and would act on its recommendations.</p>
</article></body></html>
"""

COMMENTS = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Watchdog praises Dyfed-Powys Police</title></head>
<body><article>
<h1>Watchdog praises Dyfed-Powys Police</h1>
<p>Dyfed-Powys Police has been praised by inspectors for the way it protects vulnerable people.</p>
<p>His Majesty's Inspectorate of Constabulary said the force had improved its response to domestic abuse.</p>
<p>Inspectors were concerned about the time taken to investigate online crime.</p>
<div class="reader-views">
<h3>What readers say</h3>
<div class="post"><span class="author">Gareth Price</span> <span class="date">5 March 2026</span>
<p>Never seen a police officer in our village in ten years.</p></div>
<div class="post"><span class="author">Megan Lloyd</span> <span class="date">6 March 2026</span>
<p>The inspectors should come and see the response times here.</p></div>
</div>
</article></body></html>
"""


def test_list_items_of_a_bare_page_are_kept_with_their_findings():
    document = reader.decode(BARE_LIST.encode(), "page.html", is_html=True)
    assert "faster access to solicitors" in document.text.splitlines()  # the item, without a marker
    assert "delays in releasing detainees" in document.text.splitlines()
    article = next(extract_documents([document]))
    assert "faster access to solicitors" in {f.text for f in article.improvements}
    assert "delays in releasing detainees" in {f.text for f in article.concerns}


def test_a_utf8_page_declaring_latin1_is_read_as_utf8():
    document = reader.decode(LYING_CHARSET.encode("utf-8"), "page.html", is_html=True)
    assert document.encoding == "utf-8"
    assert "praised \u2014 but" in document.text
    assert "\u00e2" not in document.text
    article = next(extract_documents([document]))
    assert [q.speaker for q in article.quotes] == ["Roy Wilsher"]


def test_a_latin1_page_that_says_so_is_still_read_by_its_declaration():
    page = LYING_CHARSET.replace("\u2014", "-").replace("\u201c", '"').replace("\u201d", '"')
    page = page.replace("improving</h1>", "improving \u00e9t\u00e9</h1>")
    document = reader.decode(page.encode("latin-1"), "page.html", is_html=True)
    assert document.encoding == "iso8859-1"
    assert "\u00e9t\u00e9" in document.text


def test_reader_comments_inside_the_article_are_not_content():
    document = reader.decode(COMMENTS.encode(), "page.html", is_html=True)
    assert document.byline is None
    assert document.published is None
    for words in ("Gareth Price", "Never seen a police officer", "March 2026", "What readers say"):
        assert words not in document.text
    assert "Inspectors were concerned about the time taken to investigate online crime." in document.text


def test_a_byline_outside_the_comments_is_kept():
    page = COMMENTS.replace(
        "<h1>Watchdog praises Dyfed-Powys Police</h1>",
        (
            '<h1>Watchdog praises Dyfed-Powys Police</h1><p class="byline">By '
            '<span class="author">Rhian Evans</span> <time datetime="2026-03-04">4 March 2026</time></p>'
        ),
    )
    document = reader.decode(page.encode(), "page.html", is_html=True)
    assert document.byline == "Rhian Evans"
    assert document.published == "2026-03-04"


def test_html_behind_a_byte_order_mark_is_read_as_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes(b"\xef\xbb\xbf" + COMMENTS.encode())
    document = reader.read_path(path, str(path))
    assert document.format == "html"
    assert "<" not in document.text
    result = CliRunner().invoke(
        cli, ["extract", "-"], input=b"\xef\xbb\xbf" + COMMENTS.encode(), catch_exceptions=False
    )
    record = json.loads(result.stdout)
    assert record["source"]["format"] == "html"
    assert record["title"] == "Watchdog praises Dyfed-Powys Police"


def test_utf16_html_with_a_byte_order_mark_is_read_as_html():
    document = reader.decode(COMMENTS.encode("utf-16"), "saved.txt")
    assert document.format == "html"
    assert document.title == "Watchdog praises Dyfed-Powys Police"


DATED = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Inspectors find Dorset Police slow to update victims</title></head>
<body><main>
<h1>Inspectors find Dorset Police slow to update victims</h1>
<div class="meta"><span class="label">Release date:</span> 4th June 2025</div>
<p>Dorset Police does not keep victims of crime informed about their cases, His Majesty's
Inspectorate of Constabulary and Fire and Rescue Services said in a report published today.</p>
<p>Inspectors found that victims of burglary waited weeks for an update on their case.</p>
</main></body></html>
"""


def test_a_pages_dateline_stays_in_the_text_under_the_headline():
    """trafilatura keeps a page's dateline only as metadata; the story's own line is kept."""
    document = reader.decode(DATED.encode(), "page.html", is_html=True)
    lines = document.text.splitlines()
    assert lines[:2] == [
        "Inspectors find Dorset Police slow to update victims",
        "Release date: 4th June 2025",
    ]
    article = next(extract_documents([document]))
    assert article.dates.published.value == "2025-06-04"
    assert article.dates.published.start > 0  # found in the text, not only in the metadata


@pytest.mark.parametrize(
    "body",
    [
        '<div id="app"></div><script>window.__STATE__={"story":"filled in by scripts"}</script>',
        "<frameset cols='50%,50%'><frame src='left.html'><frame src='right.html'></frameset>",
    ],
)
def test_a_page_without_story_text_keeps_its_title_and_says_why_it_is_empty(body):
    page = (
        "<!DOCTYPE html><html><head><title>Kent Police inspection: what it found - Kent Daily</title>"
        '<meta property="og:title" content="Kent Police inspection: what it found">'
        f"</head><body>{body}</body></html>"
    ).encode()
    document = reader.decode(page, "page.html", is_html=True)
    assert document.title == "Kent Police inspection: what it found"
    assert reader.NO_STORY in document.warnings


def test_an_xhtml_page_under_another_name_is_read_as_a_page():
    """A page saved as XHTML opens with an XML declaration before its doctype."""
    page = (
        b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html><head>'
        b"<title>Kent Police praised by inspectors</title></head><body><article><h1>Kent Police praised "
        b"by inspectors</h1><p>Inspectors found that Kent Police answered emergency calls quickly.</p>"
        b"</article></body></html>"
    )
    document = reader.decode(page, "saved.txt")
    assert document.format == "html" and document.title == "Kent Police praised by inspectors"
    assert "<?xml" not in document.text


def test_an_elements_lines_are_read_as_a_browser_shows_them():
    from lxml import html

    from inspectx import webpage

    block = html.fromstring("<p>By Sam Jones<br>Crime Correspondent<br>Monday 3 March 2025</p>")
    assert webpage.text_lines(block) == ["By Sam Jones", "Crime Correspondent", "Monday 3 March 2025"]
    side_by_side = html.fromstring("<div><span>Sam Jones, Editor</span><span>Updated 9 June</span></div>")
    assert webpage.text_lines(side_by_side) == ["Sam Jones, Editor Updated 9 June"]


HEADER_LINES = """\
<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Gwent Police</title></head>
<body><main><article>
<header><h1>Gwent Police told to answer calls faster</h1></header>
<div class="byline-block"><div><span>By Sam Jones</span><div>BBC News, Wales</div></div></div>
<p>By Sam Jones<br>Crime Correspondent<br>Tuesday 4 March 2025</p>
<p>Gwent Police requires improvement at responding to the public, HMICFRS said in a report today.</p>
<p>Inspectors found that too many 999 calls were not answered within ten seconds.</p>
</article></main></body></html>
"""


def test_a_header_set_in_blocks_and_line_breaks_gives_a_byline_and_no_glued_words():
    """A byline block after a headline wrapped in <header> is the byline ("By" dropped, the
    desk line kept); lines parted by <br> are not run together into a person "Sam
    JonesCrime"."""
    document = reader.decode(HEADER_LINES.encode(), "page.html", is_html=True)
    article = next(extract_documents([document]))
    assert article.byline == "Sam Jones, BBC News, Wales"
    assert "JonesCrime" not in article.text and article.people == []
    assert article.dates.published.value == "2025-03-04"
