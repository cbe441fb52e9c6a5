"""Property tests: any input gives a record or a clear error, never a crash."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspectx import cleaner, reader
from inspectx.core import extract_documents
from inspectx.errors import InspectxError
from inspectx.findings.merge import FindingSpan

LINES = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(
            [
                "Hide Ad",
                "Read more: x",
                "Comments: Our rules",
                "",
                "  ",
                "Home",
                "\u00a0",
                "\u200b",
                "Most read",
                "The force was praised. Follow us on X. Inspectors said so.",
            ]
        ),
    ),
    max_size=30,
)


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_any_bytes_decode_to_text_or_a_clear_error(data):
    try:
        document = reader.decode(data, "x")
    except InspectxError as exc:
        assert exc.kind in ("not_text", "too_large")
    else:
        assert isinstance(document.text, str)


@given(LINES)
@settings(max_examples=300, deadline=None)
def test_cleaner_keeps_lines_whole_and_in_order(lines):
    raw = "\n".join(lines)
    classified = cleaner.classify(raw)
    originals = raw.splitlines()
    assert [line.number for line in classified] == list(range(1, len(originals) + 1))
    for line in classified:
        normalised = " ".join(originals[line.number - 1].translate(cleaner._INVISIBLE).split())
        assert line.text == normalised
        if line.sentences:  # a long line that lost some sentences keeps the others whole, in order
            assert " ".join(s.text for s in line.sentences) == line.text
            assert line.kept_text == " ".join(s.text for s in line.sentences if not s.drop_reason)
    kept = [line.kept_text for line in classified if line.kept]
    assert cleaner.clean(raw) == "\n".join(kept)


@given(LINES)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_offsets_always_index_the_cleaned_text(lines):
    text = "\n".join(["Police inspected by HMICFRS in 2019", *lines])
    document = reader.Document("x", text, "text", "utf-8", "")
    article = next(extract_documents([document]))
    text = article.text
    for finding in article.improvements + article.concerns:
        assert 0 <= finding.start <= finding.end <= len(text)
    for value in (article.dates.published, article.dates.inspection, article.dates.previous_inspection):
        if value is not None:
            assert text[value.start : value.end] == value.text
    for quote in article.quotes:
        assert text[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    "line",
    [
        "a" * 200_000,
        "1 " * 100_000,
        "News on " * 30_000,
        "\u201c" * 100_000,
        "Monday 1 " * 30_000,
        "Read " * 50_000,
        "Home  " * 50_000,
        "> " * 100_000,
    ],
    ids=["letters", "numbers", "nav-words", "quotes", "dates", "teaser", "menu", "breadcrumb"],
)
def test_long_adversarial_lines_are_cleaned_in_linear_time(line):
    started = time.perf_counter()
    cleaner.classify(f"Headline about an inspection report\n{line}\nEnd.")
    assert time.perf_counter() - started < 5  # catastrophic backtracking would take minutes


def test_date_patterns_are_linear_on_long_lines():
    from inspectx.dates import _WRITTEN

    for line in ("1 " * 100_000, "Monday, " * 50_000, "May " * 50_000, "12/" * 100_000):
        started = time.perf_counter()
        list(_WRITTEN.finditer(line))
        assert time.perf_counter() - started < 5


def _merge_pairwise(found, topic):
    """The definition `merge` implements with its indexes: each finding against every earlier one."""
    from inspectx.findings.merge import _adds_to, _same

    kept = []
    for f in found:
        same = next((i for i, k in enumerate(kept) if _same(f, k, topic)), None)
        if same is None:
            kept.append(f)
        elif _adds_to(f, kept[same], topic):
            kept[same] = f
    return kept


_WORDS = ["delay", "custod", "victi", "recor", "crime", "force", "train"]
_KEYS = st.frozensets(st.sampled_from(_WORDS), max_size=4)
_FINDINGS = st.lists(
    st.builds(
        lambda polarity, text, keys, graded: FindingSpan(polarity, text, 0, 1, text, keys, graded),
        st.sampled_from(["improvement", "concern"]),
        st.sampled_from(["a", "b", "A", "c"]),
        _KEYS,
        st.booleans(),
    ),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(found=_FINDINGS, topic=_KEYS)
def test_merging_with_indexes_is_merging_pairwise(found, topic):
    from inspectx.findings.merge import merge

    assert merge(found, topic) == _merge_pairwise(found, topic)
