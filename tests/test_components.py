"""Rule components on spacy.blank("en"), so each test fails for one reason."""

from __future__ import annotations

import pytest
import spacy

from inspectx import dates, gazetteer


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(
        "span_ruler",
        config={"spans_key": gazetteer.SPANS_KEY, "phrase_matcher_attr": "LOWER", "validate": False},
    )
    ruler.add_patterns(gazetteer.patterns(nlp.make_doc))
    return nlp


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("DURHAM Police’s approach to tackling abuse", "durham"),
        ("Durham Constabulary has worked systematically", "durham"),
        ("officers from the Met said", "metropolitan"),
        ("Devon & Cornwall Police was rated", "devon-and-cornwall"),
        ("Dyfed Powys Police said", "dyfed-powys"),
        ("GMP has been told", "greater-manchester"),
        ("British Transport Police officers", "btp"),
        ("Police Scotland vetting gaps", "police-scotland"),
    ],
    ids=["caps-possessive", "official", "the-met", "ampersand", "no-hyphen", "acronym", "btp", "scotland"],
)
def test_force_names(nlp, text, key):
    spans = gazetteer.spans(nlp(text), "FORCE")
    assert [s.id_ for s in spans] == [key]


def test_force_ids_follow_police_uk():
    entries = gazetteer.forces()
    assert entries["metropolitan"].id == "metropolitan"
    assert entries["btp"].id == "btp"
    assert entries["police-scotland"].id is None
    assert sum(1 for e in entries.values() if e.id and e.id not in ("btp", "northern-ireland")) == 43


def test_bare_place_needs_a_capital(nlp):
    assert [s.id_ for s in gazetteer.spans(nlp("custody in Cheshire was good"), "PLACE")] == ["cheshire"]
    assert gazetteer.spans(nlp("a kent of something"), "PLACE") == []


def test_a_case_sensitive_programme_word_counts_only_as_written(nlp):
    """ "Engage" (enhanced monitoring) is a programme; the verb "engage" is not."""
    doc = nlp("The force left Engage after officers learned to engage with victims. ENGAGE")
    assert [s.text for s in gazetteer.spans(doc, "PROGRAMME")] == ["Engage"]


def test_recurring_words_outlast_the_memory_zone():
    """Words met in an earlier batch are tokenized outside the batch's memory zone, so their
    lexemes last; words met once do not, and no more than `limit` are kept."""
    from inspectx.pipeline import LastingWords

    nlp = spacy.blank("en")
    lasting = LastingWords(nlp, limit=3)
    lasting.keep(["custody officers were courteous"])
    assert lasting.kept == set()
    lasting.keep(["custody records were kept", "officers were"])
    assert lasting.kept == {"custody", "officers", "were"}
    assert all(nlp.vocab.strings[w] in nlp.vocab for w in lasting.kept)
    lasting.keep(["records were kept"])
    assert len(lasting.kept) == 3


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("Her Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) found", "HMICFRS"),
        ("His Majesty's Inspectorate of Constabulary and Fire and Rescue Services said", "HMICFRS"),
        ("Her Majesty's Inspectorate of Constabulary graded the force", "HMIC"),
        ("HM Inspectorate of Constabulary in Scotland published", "HMICS"),
    ],
    ids=["hmicfrs-curly", "hmicfrs-his", "hmic", "hmics"],
)
def test_inspectorates_longest_name_wins(nlp, text, acronym):
    assert [s.id_ for s in gazetteer.spans(nlp(text), "INSPECTORATE")][0] == acronym


def _mention(**kw) -> dates.DateMention:
    base = dict(text="x", start=0, end=1, year=None, month=None, day=None, weekday=None, relative=None)
    return dates.DateMention(**(base | kw))


def test_weekday_fixes_the_year_when_exactly_one_nearby_year_fits():
    thursday_april_11 = _mention(month=4, day=11, weekday=3, role="dateline")
    (resolved,) = [dates._resolve_published([thursday_april_11], 2018, ("dateline",))]
    assert resolved.value == "2019-04-11"


def test_weekday_that_fits_no_nearby_year_leaves_the_date_open():
    wrong_weekday = _mention(month=4, day=11, weekday=0, role="dateline")
    assert dates._resolve_published([wrong_weekday], 2018, ("dateline",)) is None


def test_month_without_year_takes_the_year_of_the_publication_date():
    january = _mention(month=1)
    from datetime import date

    assert dates._value(january, date(2019, 4, 11)) == "2019-01"
    assert dates._value(_mention(month=12, relative="last"), date(2024, 3, 11)) == "2023-12"
    assert dates._value(january, None) is None


def test_pick_orders_inspections_and_keeps_explicit_previous():
    picked = dates.pick(
        [
            _mention(role="published", value="2019-04-11"),
            _mention(role="inspection", value="2018"),
            _mention(role="inspection", value="2019-01"),
        ]
    )
    assert picked["inspection"].value == "2019-01"
    assert picked["previous_inspection"].value == "2018"


def test_tokens_with_finds_words_in_any_case_in_order(nlp):
    from inspectx import gazetteer

    doc = nlp("We welcome the report. Other forces, like our Force, were graded too.")
    found = gazetteer.tokens_with(doc, {"we", "force", "forces"})
    assert [t.text for t in found] == ["We", "forces", "Force"]
    assert gazetteer.tokens_with(nlp(""), {"we"}) == []


def test_no_sentence_starts_inside_a_name():
    """Lines start sentences and the parser decides the rest, but never between two words
    the tagger read as one name ("Nottinghamshire | Police has become ..." was split at a
    line's start): those are marked as no start before the parser runs."""
    from spacy.tokens import Doc

    from inspectx.pipeline import set_line_starts

    vocab = spacy.blank("en").vocab
    words = ["By", "Ann", "Lee", "\n", "Cumbria", "Constabulary", "has", "improved", "."]
    tags = ["IN", "NNP", "NNP", "_SP", "NNP", "NNP", "VBZ", "VBN", "."]
    doc = set_line_starts(Doc(vocab, words=words, tags=tags), within=0)
    starts = [t.is_sent_start for t in doc]
    assert starts[4] is True  # the line's start
    assert starts[5] is False and starts[2] is False  # inside a name
    assert starts[6] is None  # the parser's to decide


def test_places_dropped_from_a_doc_are_dropped_from_what_was_read_of_them():
    """A place taken off the Doc (a person's name: "James Kent") leaves no cached reading of
    the spans behind: the spans, their tokens and the forces' ranking are read again."""
    from inspectx.pipeline import build

    doc = build()("Norfolk Constabulary was praised by inspectors.\nOfficers in Kent helped with training.\n")
    kent = next(s for s in gazetteer.spans(doc, "PLACE") if s.id_ == "kent")
    assert kent.start in gazetteer.token_indices(doc, "PLACE")
    assert "kent" in gazetteer.rank_forces(doc).order
    gazetteer.drop_places(doc, {kent.start})
    assert kent.start not in gazetteer.token_indices(doc, "PLACE")
    assert "kent" not in {s.id_ for s in gazetteer.spans(doc, "PLACE")}
    assert "kent" not in gazetteer.rank_forces(doc).order
