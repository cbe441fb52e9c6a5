"""Hard-wrapped text: a paragraph cut into lines at a fixed width is read as one paragraph."""

from __future__ import annotations

import pytest

from inspectx import extract, reader, wrapping

WRAPPED = """\
Custody inspection finds Cleveland Police detainees well cared for

Inspectors who visited the two custody suites run by Cleveland Police in
January said detention officers treated people with courtesy and that the
force had cut the time detainees waited to see a nurse. But they found that
the force's records of the use of force on detainees were patchy and hard
to check.

Their recommendations were:
- make sure every use of force in custody is recorded and reviewed by a
  supervisor before the end of the shift;
- give detention officers refresher training in the safe removal of clothing.
"""

ONE_LINE_PARAGRAPHS = """\
Inspectors praise Cleveland Police custody
Inspectors who visited the two custody suites run by Cleveland Police in January said detention \
officers treated people with courtesy.
They found that the force had cut the time detainees waited to see a nurse
Staffing was the main worry.
"""


def breaks_after(text: str) -> list[str]:
    """The lines whose break is soft, by their last words."""
    return [text[:offset].rsplit("\n", 1)[-1][-20:] for offset in sorted(wrapping.soft_breaks(text))]


def test_a_wrapped_paragraph_runs_on_over_its_lines():
    soft = breaks_after(WRAPPED)
    assert "ice in" in soft[0]  # "... run by Cleveland Police in" / "January said ..."
    assert len(soft) == 5  # the paragraph's four breaks and the list item's one


def test_a_break_after_a_sentence_a_heading_or_before_a_list_item_stays_a_line_break():
    text = WRAPPED
    for offset in wrapping.soft_breaks(text):
        before, after = text[:offset].rsplit("\n", 1)[-1], text[offset + 1 :].split("\n", 1)[0]
        assert not before.rstrip().endswith((".", ":", ";"))
        assert not after.startswith("- ")
    assert "were:" not in " ".join(breaks_after(text))


def test_text_whose_paragraphs_are_lines_is_not_wrapped():
    assert wrapping.soft_breaks(ONE_LINE_PARAGRAPHS) == frozenset()
    assert wrapping.width(ONE_LINE_PARAGRAPHS.split("\n")) is None


def test_findings_of_a_wrapped_paragraph_are_whole_sentences():
    article = extract(WRAPPED)
    improvements = [" ".join(f.text.split()) for f in article.improvements]
    concerns = [" ".join(f.text.split()) for f in article.concerns]
    assert any("cut the time detainees waited to see a nurse" in t for t in improvements)
    assert any("use of force on detainees were patchy and hard to check" in t for t in concerns)
    # the record's text keeps the article's lines, and the findings are spans of it
    assert "Cleveland Police in\nJanuary said" in article.text
    assert all(article.text[f.start : f.end] == f.text for f in article.improvements + article.concerns)


def test_the_model_reads_wrapped_paragraphs_unwrapped_and_the_record_keeps_the_lines():
    """The model is given soft line breaks as spaces (the same length, so offsets hold);
    long articles go through it in pieces cut only at the line breaks left, so never
    inside a paragraph of up to twice a piece's size (a longer one is cut after a
    sentence's end, or between words); the record's text is the article's, lines and all."""
    from inspectx import pipeline

    soft = wrapping.soft_breaks(WRAPPED)
    read = wrapping.unwrapped(WRAPPED, soft)
    assert len(read) == len(WRAPPED) and wrapping.rewrapped(read, soft) == WRAPPED
    assert all(read[o] == " " for o in soft)
    longest = max(len(line) for line in read.split("\n"))
    for size in range(longest // 2, len(read), 7):
        pieces = pipeline.line_pieces(read, size)
        assert "".join(pieces) == read
        cuts = {sum(map(len, pieces[: n + 1])) - 1 for n in range(len(pieces) - 1)}
        assert not cuts & soft


def test_a_short_wrapped_article_keeps_a_grade_split_over_two_lines():
    text = (
        "Humberside Police graded by inspectors\n\n"
        "HMICFRS has published its PEEL report on Humberside Police, dated 2 June 2025.\n"
        "Inspectors graded the force outstanding at managing offenders but said it\n"
        "requires improvement at investigating crime, where it has too few trained\n"
        "detectives to take on the most serious cases. The force welcomed the report.\n"
    )
    grades = {(g.area, g.grade) for g in extract(text).grades}
    assert ("investigating crime", "requires improvement") in grades
    assert all("\n" not in area and "  " not in area for area, _ in grades)


def test_the_headline_and_a_byline_are_never_run_on():
    """However full the headline's line, it ends there; so does the line above a byline."""
    text = (
        "Watchdog praises the way Gwent Police handles calls about rural crime\n"
        "Inspectors found that call handlers in the Gwent Police control room were well\n"
        "trained and that rural crime reports were passed quickly to neighbourhood teams\n"
        "who knew the farms and villages they served and visited victims the same day.\n"
    )
    article = extract(text)
    assert article.title == "Watchdog praises the way Gwent Police handles calls about rural crime"
    read = wrapping.unwrapped(*_cleaned(text))
    assert read.split("\n")[0] == article.title
    assert "well trained" in read


def test_a_header_line_of_cells_is_never_run_on():
    """A line of cells set off by bars is a header, however full: not prose to join to the next."""
    text = (
        "Custody inspection finds failings at Cleveland Police\n"
        "The Courier | Fife | 3 May 2026 | By Ailsa Brodie, Crime Reporter\n"
        "HMICFRS published its report on custody at Cleveland Police today.\n"
    )
    read = wrapping.unwrapped(*_cleaned(text))
    assert "Crime Reporter\nHMICFRS" in read


def _cleaned(text):
    from inspectx import cleaner

    return cleaner.clean_with_breaks(text)


#: Wrapped at 64 the way `fmt` balances a paragraph: it breaks before words that would have
#: fitted ("... in the" / "county", "... within" / "10 seconds", "... commissioner, a former
#: officer," / "Ann Lee"); one line opens with a number, one with a dash typed as "--".
BALANCED = """\
Gwent Police told to answer calls faster

By Sam Jones

Gwent Police has been rated good at managing offenders in the
county by His Majesty's Inspectorate of Constabulary. Inspectors
praised the way officers work with probation staff, but found
that too many 999 calls were still not answered within
10 seconds of the caller getting through to the control room.
The force's police and crime commissioner, a former officer,
Ann Lee, said she would hold the chief constable to account
for the waiting times, which she called unacceptable for a force
-- or any public service -- that wants the trust of the public.
"""


def test_a_balanced_paragraph_runs_on_before_words_that_would_have_fitted():
    lines = BALANCED.split("\n")
    soft = wrapping.soft_lines(lines)
    assert soft == {4, 5, 6, 7, 9, 10, 11}  # not after a sentence's end (line 8)
    assert 0 not in soft and 2 not in soft  # the headline and the byline end where they end


def test_a_wrapped_line_that_opens_with_a_number_or_a_typed_dash_is_no_list_item():
    article = extract(BALANCED)
    concerns = [" ".join(f.text.split()) for f in article.concerns]
    assert any("not answered within 10 seconds of the caller" in t for t in concerns)
    assert [(g.area, g.grade) for g in article.grades] == [("managing offenders", "good")]


def test_a_wrapped_line_opening_with_by_is_no_byline():
    """ "by His Majesty's Inspectorate ..." continues the sentence above it, so the grade's
    sentence is read whole (a byline is "By Sam Jones", and ends the line above it)."""
    text = BALANCED.replace("offenders in the\ncounty by His", "offenders in the county\nby His")
    assert "county\nby His" in text
    assert [(g.area, g.grade) for g in extract(text).grades] == [("managing offenders", "good")]


def _ruled(lines: list[str], column: int = 62) -> str:
    return "\n".join(f"{line:<{column}}|" for line in lines)


_PRINT_COLUMN = [
    "Custody suites in Lincoln praised by inspectors",
    "",
    "By Sam Carter, Wednesday 4 March 2026",
    "",
    "Lincolnshire Police has been praised for the way it looks",
    "after people held in its custody suites, in a report",
    "published on Monday by HM Inspectorate of Constabulary.",
    "",
    "Inspectors found that detainees were treated with respect",
    "in every suite they visited. However, they said that too",
    "many detainees waited hours for a mental health assessment.",
]


def test_a_print_pages_column_rule_is_removed_and_its_lines_join():
    """A print page saved as text draws a rule ("|") down the right of its column: it
    stopped wrapped lines from joining, so findings were cut at the line ends."""
    article = extract(_ruled(_PRINT_COLUMN))
    texts = [f.text for f in (*article.improvements, *article.concerns)]
    assert not any("|" in t for t in texts) and "|" not in article.title, texts
    assert any("respect" in t and "in every suite" in t for t in texts), texts
    assert any("column rule" in w for w in article.warnings)


@pytest.mark.parametrize(
    "text",
    [
        # a table's rows have more than one bar
        "\n".join(["| Area | Grade |", "| --- | --- |", *(f"| Area {n} | Good |" for n in range(6))]),
        # a bar a few lines end in, at no common column
        "\n".join(["News |", "Sport |", *(f"A sentence of the story, number {n}." for n in range(6))]),
    ],
    ids=["table", "few-lines"],
)
def test_a_bar_that_is_no_column_rule_is_left(text):
    warnings: list[str] = []
    assert reader.without_column_rule(text, warnings) == text and warnings == []


def test_an_article_of_one_wrapped_paragraph_of_three_lines_is_wrapped():
    """Two full lines and a short last one (`fmt -w 80` on one paragraph): wrapped, so its
    findings are whole (it had been read as three lines, and gave none)."""
    text = (
        "Gwent Police told to improve\n"
        "\n"
        "Inspectors found that Gwent Police took too long to send officers to burglaries\n"
        "in rural areas, and that victims were not told when their cases were closed,\n"
        "the report said.\n"
    )
    concerns = [f.text for f in extract(text).concerns]
    assert any("rural areas" in c for c in concerns) and any("cases were closed" in c for c in concerns), (
        concerns
    )


def test_text_folded_at_40_columns_at_spaces_is_read_as_paragraphs():
    """`fold -s -w 40` leaves no line over 39 characters and most a few shorter."""
    import textwrap

    body = (
        "Inspectors from HMICFRS visited the custody suites of Gwent Police in October 2024 "
        "and found that detention officers kept careful records of every detainee. However, "
        "inspectors found that the force was too slow to arrange an appropriate adult for "
        "children held overnight."
    )
    text = "Gwent custody report\n\n" + "\n".join(textwrap.wrap(body, 39)) + "\n"
    assert max(len(line) for line in text.split("\n")) < 40
    article = extract(text)
    concerns = [" ".join(f.text.split()) for f in article.concerns]
    assert any("appropriate adult for children held overnight" in c for c in concerns), concerns
    assert not any(f.text.startswith(("an appropriate", "children held")) for f in article.improvements)
