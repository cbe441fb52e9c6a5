from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import FIXTURES

import inspectx
from inspectx import Article, extract, extract_many

CASES = sorted(FIXTURES.glob("*.txt"))


def test_public_api_is_declared():
    assert {"extract", "extract_many", "Article", "__version__"} <= set(inspectx.__all__)


def test_extract_takes_a_string_and_returns_a_typed_article():
    article = extract((FIXTURES / "seed_durham.txt").read_text(encoding="utf-8"), path="durham.txt")
    assert isinstance(article, Article)
    assert article.source.path == "durham.txt"
    assert article.force is not None and article.force.id == "durham"
    record = article.to_dict()
    assert "text" not in record and article.to_dict(include_text=True)["text"] == article.text


def test_extract_many_takes_texts_and_paths_in_order():
    text = CASES[0].read_text(encoding="utf-8")
    articles = list(extract_many([text, CASES[1]]))
    assert articles[0].source.path == "-"
    assert articles[1].source.path == str(CASES[1])


def test_extract_many_with_workers_gives_the_same_records_in_order():
    serial = [a.to_dict() for a in extract_many(CASES)]
    parallel = [a.to_dict() for a in extract_many(CASES, jobs=2)]
    assert parallel == serial


def test_extract_takes_bytes_decoded_like_a_file():
    data = (FIXTURES / "seed_durham.txt").read_text(encoding="utf-8").encode("utf-16")
    article = extract(data)
    assert article.source.encoding == "utf-16"
    assert article.force is not None and article.force.id == "durham"


def test_extract_takes_a_text_with_a_lone_surrogate():
    article = extract("Durham Police praised by inspectors \ud800 today\n")
    assert "\ufffd" in article.text and article.force is not None


@pytest.mark.parametrize(
    ("value", "words"),
    [(None, "NoneType"), (42, "int"), (Path("article.txt"), "pathlib.Path")],
    ids=["none", "int", "path"],
)
def test_extract_refuses_other_types_saying_what_to_pass(value, words):
    with pytest.raises(TypeError, match="str or bytes") as caught:
        extract(value)
    assert words in str(caught.value)


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
def test_extract_takes_any_bytes_like_value_as_a_files_contents(kind):
    raw = "Inspectors praised Durham Constabulary\u2019s control room.".encode()
    assert extract(kind(raw)).force.id == "durham"


def test_extract_many_warns_when_a_text_is_the_name_of_a_file():
    name = str(FIXTURES / "seed_durham.txt")
    with pytest.warns(UserWarning, match="pathlib.Path"):
        articles = list(extract_many([name]))
    assert articles[0].force is None  # the string itself was the article


def test_extract_many_refuses_items_of_other_types():
    with pytest.raises(TypeError, match="pathlib.Path"):
        list(extract_many([None]))


@pytest.mark.parametrize("jobs", [1, 2])
def test_extract_many_gives_what_it_finished_before_the_callers_iterator_fails(jobs):
    def items():
        yield CASES[0]
        yield CASES[1]
        raise RuntimeError("the caller's source broke")

    got = []
    with pytest.raises(RuntimeError, match="source broke"):
        for article in extract_many(items(), jobs=jobs, errors="record"):
            got.append(article)
    assert [a.source.path for a in got] == [str(CASES[0]), str(CASES[1])]


@pytest.mark.parametrize("jobs", [1, 2])
def test_extract_many_can_record_bad_inputs_and_go_on(tmp_path, jobs):
    missing = tmp_path / "missing.txt"
    binary = b"\x00\x01binary\x00" * 50
    items = [CASES[0], missing, binary, CASES[1]]
    out = list(extract_many(items, errors="record", jobs=jobs))
    assert [type(o).__name__ for o in out] == ["Article", "ErrorRecord", "ErrorRecord", "Article"]
    assert out[1].source.path == str(missing) and out[1].error.type == "read_error"
    assert out[2].source.path == "-" and out[2].error.type == "not_text"
    assert out[3].source.path == str(CASES[1])
    assert out[1].to_dict()["error"]["type"] == "read_error"


def test_extract_many_raises_on_a_bad_input_by_default(tmp_path):
    with pytest.raises(inspectx.ReadError, match="missing.txt"):
        list(extract_many([CASES[0], tmp_path / "missing.txt"]))
    with pytest.raises(ValueError, match="errors"):
        list(extract_many([CASES[0]], errors="ignore"))


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("bad", [Path("missing.txt"), None])
def test_extract_many_gives_every_article_before_the_input_that_raises(jobs, bad):
    """ "When its turn comes": the articles before a bad input (a missing file, an item of
    another type) come first, also from the batch the pipeline was reading ahead in."""
    got = []
    with pytest.raises((inspectx.ReadError, TypeError)):
        for article in extract_many([CASES[0], CASES[1], bad, CASES[2]], jobs=jobs):
            got.append(article.source.path)
    assert got == [str(CASES[0]), str(CASES[1])]


@pytest.mark.parametrize("jobs", [0, -1])
def test_extract_many_refuses_fewer_than_one_job(jobs):
    with pytest.raises(ValueError, match="jobs"):
        list(extract_many([CASES[0]], jobs=jobs))


def test_an_article_on_one_line_is_titled_by_its_first_sentence():
    from inspectx import extract

    sentence = "Watchdog finds Kent Police slow to answer calls."
    body = " Inspectors from HMICFRS said that too many callers had waited more than a minute." * 8
    assert extract(sentence + body).title == sentence
    title = extract("Kent Police " + "and its partners " * 30 + "were inspected.").title
    assert len(title) <= 201 and title.endswith("\u2026")


@pytest.mark.parametrize(
    "cover",
    [
        "Agenda Item 7\n\nPolice and Crime Panel - 12 March 2024\n\nReport of the Chief Executive\n\n",
        "Item 4b\nAppendix A\n",
        "Joint Audit Committee, 3 June 2025\nTitle: ",
        "Agenda item: 5\nReport of: Director of Finance\n"
        "Meeting of the Police, Fire and Crime Panel on 12 January 2025\n",
        "AGENDA ITEM 12\nREPORT OF THE CHIEF CONSTABLE\n"
        "Audit and Standards Committee, Thursday 6 February 2025\n",
        "GWENT POLICE AND CRIME PANEL\nAgenda Item 9\n",
    ],
    ids=[
        "agenda-meeting-report-of",
        "item-appendix",
        "meeting-and-title-field",
        "colons",
        "capitals",
        "undated-panel",
    ],
)
def test_a_committee_papers_cover_labels_are_not_its_title(cover):
    from inspectx import extract

    body = "\nHMICFRS found that Gwent Police had improved how it answers 999 calls.\n"
    assert extract(cover + "Inspection of Gwent Police's control room" + body).title == (
        "Inspection of Gwent Police's control room"
    )


def test_a_headline_with_a_committee_word_is_still_the_title():
    from inspectx import extract

    text = "Police and crime panel criticises Gwent Police\nHMICFRS found the force slow to answer calls.\n"
    assert extract(text).title == "Police and crime panel criticises Gwent Police"
    dated = (
        "Council meeting on 3 March hears Gwent Police criticised\nHMICFRS found the force slow to answer.\n"
    )
    assert extract(dated).title == "Council meeting on 3 March hears Gwent Police criticised"


@pytest.mark.parametrize(
    "head",
    [
        "THE RIBBLE VALLEY CLARION & ADVERTISER\nFriday, 6 March 2026 | Price 95p\nNEWS\n",
        "The Kent and Sussex Courier\n",
        "The magazine for custody and detention professionals\nMay 2026 issue | Inspections\n",
        "Counting Crime \u2013 a policing blog\n",
        "FOR USE: TUESDAY 5 MAY 2026\nPOLICE Gwent\n",
        "Gwent Police Federation\nBranch Bulletin | Issue 12 | May 2026\n",
    ],
    ids=[
        "print-edition",
        "trade-paper",
        "magazine-and-issue",
        "blog-name",
        "agency-catchline",
        "organisation",
    ],
)
def test_a_newspapers_masthead_is_not_the_title(head):
    from inspectx import extract

    body = "By Priya Nandra\nHMICFRS found that Gwent Police had improved how it answers 999 calls.\n"
    article = extract(head + "Gwent Police answers 999 calls faster, inspectors say\n" + body)
    assert article.title == "Gwent Police answers 999 calls faster, inspectors say"


def test_a_standfirst_under_the_headline_leaves_the_headline_the_title():
    """The line between a headline and its byline is the standfirst, not the headline, even
    with no full stop."""
    from inspectx import extract

    article = extract(
        "Gwent Police answers 999 calls faster, inspectors say\n"
        "The force's control room has been praised in a new report on its blog and newsletter work\n"
        "By Priya Nandra\nHMICFRS found that Gwent Police had improved how it answers 999 calls.\n"
    )
    assert article.title == "Gwent Police answers 999 calls faster, inspectors say"


@pytest.mark.parametrize(
    "bar",
    [
        "Newsdesk | 07:30 bulletin | Monday 9 March 2026 | Read by Sam Jones",
        "Home \u2022 News \u2022 9 March 2026",
    ],
    ids=["pipes", "bullets"],
)
def test_a_pages_information_bar_is_not_the_title(bar):
    """A bar of three cells or more with a date above the headline (section, time, date,
    byline) is the page's, not the story's title; a headline with one separator stays."""
    from inspectx import extract

    text = f"{bar}\nGWENT POLICE PRAISED FOR 999 CALLS\nHMICFRS found the force quick to answer calls.\n"
    assert extract(text).title == "GWENT POLICE PRAISED FOR 999 CALLS"
    headline = "Gwent Police praised | 9 March 2026\nHMICFRS found the force quick to answer calls.\n"
    assert extract(headline).title == "Gwent Police praised | 9 March 2026"


def test_a_headline_ending_in_a_masthead_noun_is_still_the_title():
    from inspectx import extract

    text = "Gwent Police Praised In Watchdog Review\nHMICFRS found the force quick to answer calls.\n"
    assert extract(text).title == "Gwent Police Praised In Watchdog Review"


@pytest.mark.parametrize(
    "label",
    [
        "PRESS RELEASE",
        "For immediate release: 3 June 2026",
        "MEDIA RELEASE \u2013 FOR IMMEDIATE RELEASE",
        "From the office of Sam Lee MP",
        "FOR USE: WEDNESDAY 3 JUNE 2026\nWORDS: 420",
    ],
    ids=["press-release", "immediate-with-date", "media-and-immediate", "office-of", "agency-fields"],
)
def test_a_releases_label_is_not_the_title(label):
    from inspectx import extract

    text = f"{label}\nCharity welcomes custody report on Gwent Police\nHMICFRS found the cells clean.\n"
    assert extract(text).title == "Charity welcomes custody report on Gwent Police"
    # a headline that only names a release is still one when it says more
    assert extract("Press release on the Gwent custody report\nHMICFRS found the cells clean.\n").title == (
        "Press release on the Gwent custody report"
    )


def test_a_path_label_is_written_as_the_cli_writes_it(tmp_path):
    import json
    import os
    from pathlib import Path

    from inspectx import extract, extract_many

    text = "Gwent Police praised\nHMICFRS found that Gwent Police answers 999 calls quickly.\n"
    assert extract(text, path=Path("story.txt")).to_dict()["source"]["path"] == "story.txt"
    with pytest.raises(TypeError):
        extract(text, path=123)
    name = tmp_path / os.fsdecode(b"bad\xff.txt")
    try:
        name.write_text(text, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take a file name that is not UTF-8")
    record = next(iter(extract_many([name]))).to_dict()
    assert record["source"]["path"].endswith("bad\\xff.txt")
    json.dumps(record, ensure_ascii=False).encode("utf-8")  # no lone surrogate left
