"""Segmentation on the model's parse: clauses, attribution trimming and coordinated items."""

from __future__ import annotations

import pytest

from inspectx import pipeline
from inspectx.findings import segment


@pytest.fixture(scope="module")
def nlp():
    return pipeline.build()


def words(nlp, text):
    return [t for t in nlp(text) if not t.is_space]


def texts(spans):
    return [" ".join(t.text for t in s) for s in spans]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The force answers emergency calls quickly, but callers to the non-emergency line wait too long.",
            2,
        ),
        ("However, the backlog of unrecorded crimes has grown; supervisors rarely check the records.", 2),
        ("Officers were polite and they explained their powers clearly.", 2),
        ("Officers were polite and explained their powers clearly.", 1),
        ("Stop and search was used fairly.", 1),
        (
            "Inspectors praised its response to stalking, its use of body-worn video, and its support "
            "for staff wellbeing.",
            1,
        ),
        (
            "Use of force is an area where the force needs to improve, with incidents not reviewed and "
            "body-worn video often switched off.",
            1,
        ),
        (
            "The report found that not one of the force's IT systems was monitored for misuse, and that "
            "some officers had not been re-vetted for more than ten years.",
            2,
        ),
        ("Not every sergeant, however, had been trained to supervise stalking cases.", 1),
        ("Custody records were complete, however, detainees waited hours for a solicitor.", 2),
        ("It is less clear, however, that supervisors check the files they sign off.", 1),
        # "but" hung inside the first predicate's complement by the parser
        (
            "Kent Police has made progress in how it handles calls but is still failing to attend "
            "emergencies quickly.",
            2,
        ),
        # the parser takes "team" for a second object of "managing": the clause is still its own
        (
            "The force was rated outstanding at managing offenders and its rural crime team has been "
            "held up as an example to other forces.",
            2,
        ),
        ("Inspectors said the relationship between officers and the public has improved.", 1),
        ("The way it manages registered offenders, however, falls short of what is expected.", 1),
        ("Welfare checks were made in most, but not all, of the cells inspectors visited.", 1),
        ("Sergeants usually, but not always, review the grounds for a search.", 1),
    ],
    ids=[
        "comma-but",
        "semicolon",
        "own-subject",
        "shared-subject",
        "term",
        "list-read-as-clause",
        "and-inside-an-elaboration",
        "and-that",
        "however-inside-the-subject",
        "however-between-clauses",
        "however-before-the-complement",
        "but-hung-in-a-complement",
        "subject-read-as-object",
        "and-inside-a-subject",
        "however-after-a-verb-inside-the-subject",
        "but-not-all-qualifies",
        "but-not-always-qualifies",
    ],
)
def test_clauses(nlp, sentence, expected):
    assert len(segment.clauses(words(nlp, sentence))) == expected


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Inspectors found that the force had cut its backlog of seized phones.", "the force had cut"),
        ("The force had cut its backlog of seized phones, the inspectors said.", "The force had cut"),
        ("According to the report, the force had cut its backlog of seized phones.", "the force had cut"),
        ("Inspectors praised the control room.", "Inspectors praised the control room"),
        ("The force fails many victims of stalking, a highly critical report has found.", "The force fails"),
        (
            "Too many victims were not told what was happening, His Majesty's Inspectorate of "
            "Constabulary and Fire & Rescue Services (HMICFRS) has said.",
            "Too many victims",
        ),
        # the speaker's own verbs are part of its name
        (
            "The force had cut its backlog of seized phones, the report published by the "
            "inspectorate on Tuesday said.",
            "The force had cut",
        ),
        (
            "Supervisors seldom reviewed the risk to victims, the inspectors who visited the "
            "force in the spring concluded.",
            "Supervisors seldom reviewed",
        ),
        # the parser reads "wait" as a noun and "victims" as the object of "found"
        (
            "However, it also found that too many victims of stalking wait days for an officer to visit.",
            "too many victims",
        ),
        # the parser reads "callers" as the object of "says"
        ("But the report says callers to 101 still wait far too long.", "callers to 101"),
        # an adjective that only asserts the clause, which the parser hangs on its copula
        ("The report is clear that victims of stalking are still let down too often.", "victims of stalking"),
        # a participle of a reporting verb in the subject is no telling
        ("But they said the notes explaining why force was used were often missing.", "the notes explaining"),
    ],
    ids=[
        "ccomp",
        "tail",
        "according-to",
        "nothing-else",
        "long-tail",
        "body-named-in-full",
        "speaker-with-participle",
        "speaker-with-relative-clause",
        "complement-misparsed-as-object",
        "subject-misparsed-as-object",
        "clear-that",
        "participle-in-the-subject",
    ],
)
def test_trim_attribution(nlp, sentence, kept):
    trimmed = " ".join(t.text for t in segment.trim(words(nlp, sentence)))
    assert trimmed.startswith(kept)
    assert not {"said", "According", "found", "concluded", "clear"} & set(trimmed.split())


@pytest.mark.parametrize(
    ("sentence", "ending"),
    [
        (
            "Student officers made up a third of some response teams, which inspectors said left them "
            "without enough experienced supervision.",
            "without enough experienced supervision",
        ),
        ("The force has too few detectives, which the report said meant some cases were delayed.", "delayed"),
    ],
    ids=["which-inspectors-said", "which-the-report-said"],
)
def test_a_sourced_relative_clause_that_says_more_is_kept(nlp, sentence, ending):
    """ "X, which inspectors said led to Y": Y is what X led to, the finding's substance; the
    relative clause is no attribution tail to cut ("..., the inspectors said" is)."""
    trimmed = " ".join(t.text for t in segment.trim(words(nlp, sentence)))
    assert trimmed.endswith(ending), trimmed


@pytest.mark.parametrize(
    "sentence",
    [
        "None of the 40 case files we read showed that a supervisor had reviewed the risk.",
        "Not one officer said that they had been trained to use the new radios.",
        "The inspectors did not find that victims were told when a suspect was released.",
        # a counted speaker: the count is the finding's
        "Fewer than half of the callers we surveyed said they had been given a reference number.",
        "Most officers told us that they had not been trained to use the new radios.",
    ],
)
def test_a_negated_report_keeps_its_opening(nlp, sentence):
    """The opening of a negated report carries the negation: without it the finding reads
    the other way round."""
    trimmed = " ".join(t.text for t in segment.trim(words(nlp, sentence)))
    assert trimmed.split()[0] == sentence.split()[0]


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        (
            "Despite a sharp fall in the time taken to answer 101 calls, the force is still too slow "
            "to send officers to burglaries.",
            "101 calls",
            "too slow",
        ),
        (
            "While the custody suites were clean and safe, detainees waited hours to see a nurse.",
            "clean and safe",
            "nurse",
        ),
        (
            "Although its leaders were visible, morale among response officers was low.",
            "visible",
            "morale",
        ),
        (
            "Whilst call handlers were courteous, the control room was badly understaffed.",
            "courteous",
            "understaffed",
        ),
    ],
    ids=["despite", "while", "although", "whilst"],
)
def test_an_opening_concession_is_a_clause_of_its_own(nlp, sentence, first, second):
    """A concession before the main clause states a finding of its own, often of the other polarity."""
    parts = texts(segment.clauses(words(nlp, sentence)))
    assert len(parts) == 2
    assert first in parts[0] and second not in parts[0] and second in parts[1]


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        ("Firearms licences had been renewed despite warnings from the applicants' doctors.", 1),
        ("The control room answered calls faster, despite a sharp rise in demand.", 1),
        ("The force answered calls faster, despite officers being moved to other duties.", 2),
    ],
    ids=["noun-phrase", "after-a-comma", "with-a-clause"],
)
def test_despite_after_the_verb_qualifies_its_finding(nlp, sentence, clauses):
    """ "renewed despite warnings": the concessive phrase is part of what the clause says
    (it is what makes the renewal a failing); with a clause of its own it says more."""
    assert len(segment.clauses(words(nlp, sentence))) == clauses


def test_a_concession_of_a_word_or_two_is_not_split(nlp):
    assert len(segment.clauses(words(nlp, "Despite this, the force has too few detectives."))) == 1


def test_coordinated_objects_become_items(nlp):
    clause = segment.trim(
        words(nlp, "Inspectors praised the new custody suite, the victim care unit and the cyber crime team.")
    )
    items = texts(segment.items(clause))
    assert len(items) == 3
    assert items[0].startswith("Inspectors praised")  # the evaluative verb stays with the first
    assert "victim care unit" in items[1] and "cyber crime team" in items[2]


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Inspectors found good leadership and governance of vetting.", 1),
        ("The force had good supervision and oversight of its investigations.", 1),
        ("The force had good supervision and weak oversight of its investigations.", 2),
        ("Staff described heavy workloads, and access to welfare support was poor.", 2),
    ],
    ids=["shared-by-governance", "shared-by-oversight", "own-adjective", "a-clause-misparsed"],
)
def test_coordinated_nouns_sharing_the_adjective_before_them_are_one_item(nlp, sentence, count):
    """ "good leadership and governance of vetting": "good" judges both, and split the second
    would be left with no word that judges it (it had been); a later noun with its own
    adjective is an item of its own, and so is a clause the parser made a noun of ("...,
    and access to welfare support was poor")."""
    items = texts(segment.items(segment.trim(words(nlp, sentence))))
    assert len(items) == count, items


def test_coordinated_verb_phrases_become_items(nlp):
    clause = segment.trim(
        words(
            nlp, "The force had reduced its backlog of seized phones and improved the training of detectives."
        )
    )
    items = texts(segment.items(clause))
    assert len(items) == 2 and "backlog" in items[0] and "training" in items[1]


@pytest.mark.parametrize(
    "sentence",
    [
        "The force was praised for its use of stop and search.",
        "Officers and staff showed real commitment to victims.",
        "The unit tackles serious and organised crime well.",
        # the parser reads "search" as a second verb: the term list keeps it whole
        "Supervisors checked the grounds for stop and search carefully in most of the records.",
        "The force has a clear plan for tackling violence against women and girls across the county.",
    ],
    ids=[
        "stop-and-search",
        "one-word-conjuncts",
        "adjectives",
        "stop-and-search-misparsed",
        "women-and-girls",
    ],
)
def test_single_word_conjuncts_and_fixed_terms_are_not_split(nlp, sentence):
    assert len(segment.items(segment.trim(words(nlp, sentence)))) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "The constabulary does not have enough police officers and police staff investigators to keep up.",
        "The force had too few custody sergeants and detention officers on night shifts.",
    ],
    ids=["not-enough", "too-few"],
)
def test_a_group_of_bare_nouns_is_one_item(nlp, sentence):
    """Kinds of people or things counted together are one finding, not one each."""
    assert len(segment.items(segment.trim(words(nlp, sentence)))) == 1


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Inspectors found too few detectives, too little supervision of investigations and too "
            "many cases closed without a suspect being identified.",
            ["too few detectives", "too little supervision", "too many cases closed"],
        ),
        (
            "The force has too few detectives and too many vacancies in its control room.",
            ["too few detectives", "too many vacancies"],
        ),
    ],
    ids=["three-measures", "two-measures"],
)
def test_kinds_each_with_its_own_measure_are_items(nlp, sentence, expected):
    """ "too few A, too little B and too many C": each its own measure, each a finding."""
    items = texts(segment.items(segment.trim(words(nlp, sentence))))
    assert len(items) == len(expected), items
    assert all(part in item for part, item in zip(expected, items, strict=True)), items


def test_things_with_their_own_words_are_still_items(nlp):
    clause = segment.trim(
        words(nlp, "The force has a clear plan for neighbourhood policing and a well-trained control room.")
    )
    assert len(segment.items(clause)) == 2


def test_coordinated_subjects_share_their_predicate_as_one_item(nlp):
    """ "A and B were well run": one predicate said of both, and an item without it ("the
    new custody suite") would say nothing."""
    clause = segment.trim(
        words(nlp, "The new custody suite and the refurbished control room were both well run.")
    )
    assert texts(segment.items(clause)) == [
        "The new custody suite and the refurbished control room were both well run"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Not every sergeant had completed the required training in basic life support and conflict "
        "management.",
        "The force has rewritten its policy on the use of drones and the retention of footage.",
    ],
    ids=["training-in", "policy-on"],
)
def test_the_topics_of_a_particular_thing_stay_with_it(nlp, sentence):
    """ "completed the training in A and B": A and B are what the one training covered; "B"
    alone would say nothing."""
    assert len(segment.items(segment.trim(words(nlp, sentence)))) == 1


def test_a_verb_misread_as_a_noun_is_not_split_from_its_fellow_verb(nlp):
    """ "now correctly identifies [NNS] and records [VBZ] ...": two verbs of one clause, not
    a list of things, and not split into a stub ("... correctly identifies")."""
    clause = segment.trim(
        words(
            nlp,
            "I am encouraged that the PSNI now correctly identifies and records the motive in most cases.",
        )
    )
    assert len(segment.items(clause)) == 1


def test_coordinated_verbs_inside_an_argument_are_not_split(nlp):
    clause = segment.trim(
        words(nlp, "Inspectors found gaps in how officers assess risk, record crimes and support victims.")
    )
    assert len(segment.items(clause)) == 1


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("These include the way officers record reports of stalking.", True),
        ("The report said they were mostly about the handling of calls.", True),
        ("These officers were praised for their patience.", False),
        ("They answered most calls within ten seconds.", False),
    ],
    ids=["these-include", "they-were", "determiner", "pronoun-with-content-verb"],
)
def test_anaphoric_clauses(nlp, sentence, expected):
    assert segment.anaphoric(words(nlp, sentence)) is expected


def test_nested_attribution_is_trimmed_to_the_finding():
    """ "X said the report, published on Monday, found victims waited too long": the finding is
    what the report found, without either reporting clause."""
    from inspectx import extract

    article = extract(
        "PSNI response to domestic abuse still falling short\n"
        "Criminal Justice Inspection Northern Ireland has published its report on the PSNI.\n"
        "The chief inspector said the report, published on Monday, found victims waited too long "
        "for officers to attend.\n"
    )
    assert [f.text for f in article.concerns] == ["victims waited too long for officers to attend"]


def test_a_list_item_loses_its_trailing_conjunction(nlp):
    item = segment.strip(words(nlp, "quicker checks on people arrested for drink driving; and"))
    assert item[-1].text == "driving"


@pytest.mark.parametrize(
    "sentence",
    [
        "The constabulary ran a good victim care service, including a dedicated helpline and regular "
        "updates by text.",
        "The force had a sound approach to training, including online modules, mentoring and regular "
        "refresher days.",
        "The force works well with partners such as schools, councils and health services.",
        "The force runs a strong victim service, including giving victims regular updates and referring "
        "them to support.",
    ],
    ids=["including-two", "including-three", "such-as", "including-practices"],
)
def test_examples_of_a_finding_stay_with_it(nlp, sentence):
    """ "X, including A and B": A and B illustrate the one finding X, not findings of their own."""
    assert len(segment.items(segment.trim(words(nlp, sentence)))) == 1


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Inspectors praised several areas, including call handling, neighbourhood policing and the "
            "management of sex offenders.",
            ["call handling", "neighbourhood policing", "management of sex offenders"],
        ),
        (
            "Several aspects, including crime recording, the response to missing children and the use of "
            "body-worn video, were praised by inspectors.",
            ["crime recording", "missing children", "body - worn video"],
        ),
        (
            "Inspectors praised several aspects, including building links with schools and training call "
            "handlers.",
            ["links with schools", "training call handlers"],
        ),
    ],
    ids=["object-heading", "subject-heading", "practices"],
)
def test_examples_under_a_shell_noun_are_the_findings(nlp, sentence, expected):
    """ "Several areas, including A, B and C": the heading names nothing; each example is a finding."""
    items = texts(segment.items(segment.trim(words(nlp, sentence))))
    assert len(items) == len(expected)
    assert all(part in item for part, item in zip(expected, items, strict=True))


def test_a_noun_phrase_the_parse_hangs_on_a_verb_is_still_a_second_item(nlp):
    """ "concerned about the delays in X of people being stalked | and the backlog in Y": the
    parser takes "the backlog" for a conjunct of "stalked"; with its own determiner after
    "and", and a noun phrase with one before, it is the second thing of concern."""
    sentence = (
        "Inspectors were concerned about the delays in checking reports of people being stalked "
        "online and the backlog in examining seized phones."
    )
    items = texts(segment.items(segment.trim(words(nlp, sentence))))
    assert len(items) == 2, items
    assert items[0].endswith("stalked online") and items[1] == "the backlog in examining seized phones"


def test_practices_listed_within_an_area_named_in_a_list_are_items(nlp):
    """ "These include X, including doing A and doing B": in a clause that lists areas (it points
    back to the sentence before), the area and each practice within it are items."""
    sentence = (
        "These include the handling of domestic abuse cases, including recording risk assessments "
        "and referring victims to specialist support sooner."
    )
    items = texts(segment.items(segment.trim(words(nlp, sentence))))
    assert len(items) == 3
    assert "domestic abuse cases" in items[0] and "recording" not in items[0]
    assert items[1] == "recording risk assessments"
    assert items[2].startswith("referring victims")


def test_a_passive_predicate_after_a_comma_is_not_an_attribution_tail(nlp):
    """ "A, B and C, were praised by inspectors": the predicate, not "..., inspectors said"."""
    clause = segment.trim(
        words(nlp, "Its handling of calls, its custody suites and its vetting, were praised by inspectors.")
    )
    assert "praised" in " ".join(t.text for t in clause)


def test_a_conjunct_without_a_conjunction_is_a_misparse_and_not_split(nlp):
    """en_core_web_sm reads "give patrol officers protected time" with "protected" as a second
    verb; a conjunct not written after "and", "or" or a comma stays in the phrase."""
    sentence = "The force had failed to give patrol officers protected time for learning."
    clause = segment.trim(words(nlp, sentence))
    assert texts(segment.items(clause)) == [" ".join(t.text for t in clause)]


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        ("Every strip search must be authorised and recorded properly.", True),
        ("The force should give supervisors better guidance on risk.", True),
        ("Officers need to check the national database before they release a suspect.", True),
        ("The force ought to publish its response times.", True),
        ("The force should be commended for its work with schools.", False),
        ("Someone must have seen the error before the file went to court.", False),
        ("The force gives supervisors better guidance on risk.", False),
        # a resolution in the subjunctive, however parsed
        ("RESOLVED: That the report be noted.", True),
        ("The panel agreed that the action plan be reviewed in March.", True),
        ("The report said the plan had to be reviewed in March.", False),
        # a directive with the action it asks for
        ("The constabulary has been told to answer non-emergency calls faster.", True),
        ("Supervisors were urged to check every risk assessment within a day.", True),
        ("The inspectorate wants the force to cut the time victims wait for an officer.", True),
        ("The force was called on to improve its supervision of investigations.", True),
        ("Officers told inspectors they were proud of the new training.", False),
        ("The charity called the report a wake-up call for the force.", False),
    ],
)
def test_a_demand_is_told_from_a_finding(sentence, asked):
    from inspectx import pipeline
    from inspectx.findings import segment

    doc = pipeline.build()(sentence)
    assert segment.demanded([t for t in doc if not t.is_space and not t.is_punct]) is asked


@pytest.mark.parametrize(
    ("sentence", "adjunct"),
    [
        ("The force was slow to attend burglaries, with some victims waiting a week.", ", with some"),
        ("Officers were stretched, leaving calls unanswered and patrols cancelled.", ", leaving calls"),
        ("Inspectors were pleased with the force's training of call handlers.", None),
        ("The force has a plan, with targets, for call handling.", None),  # hung on a noun
    ],
    ids=["with", "leaving", "no-comma", "on-a-noun"],
)
def test_an_elaborating_adjunct(nlp, sentence, adjunct):
    tokens = words(nlp, sentence)
    cut = segment.elaboration(tokens)
    assert (None if cut is None else " ".join(t.text for t in tokens[cut : cut + 3])) == adjunct


@pytest.mark.parametrize(
    ("sentence", "partitive"),
    [
        ("Some had waited more than a year.", True),
        ("One in four was never reviewed by a supervisor.", True),
        ("Many of them lacked a risk assessment.", True),
        ("A third were closed within a day.", True),
        ("Only 64 per cent were answered within the target time.", True),
        ("Nearly 40% were closed without anyone being spoken to.", True),
        ("About a quarter were never reviewed.", True),
        ("Fewer than 30 were still open at the end of the month.", True),
        ("More than 200 had not been reviewed by a supervisor.", True),
        ("More officers were sent to the town centre at weekends.", False),
        ("Ninety per cent of victims were satisfied with the service.", False),
        ("The second is that supervisors rarely review the files.", False),
        ("In some cases victims waited two months before anyone called them.", False),
        ("In a few instances, detainees were not offered a solicitor.", False),
        ("In 11 cases, officers had failed to act on a breached order.", False),
        ("Only 64 per cent of emergency calls were answered in time.", False),
        ("Some officers lacked training in first aid.", False),
        ("Many of the files lacked a risk assessment.", False),
        ("Most victims were satisfied with the service.", False),
    ],
)
def test_a_bare_quantity_subject(nlp, sentence, partitive):
    assert segment.partitive(words(nlp, sentence)) is partitive


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        ("In almost half of the files there was no note of a safety plan.", True),
        ("In more than a quarter of the records reviewed, no supervisor had signed.", True),
        ("In 40 per cent of cases the suspect was never interviewed.", True),
        ("In the majority of cases officers explained the grounds clearly.", True),
        ("In some cases victims waited two months before anyone called them.", True),
        ("In a few instances, detainees were not offered a solicitor.", True),
        ("In 11 cases, officers had failed to act on a breached order.", False),
        ("In half the county, patrols have been cut.", False),
    ],
)
def test_a_clause_opening_with_a_share_of_cases(nlp, sentence, share):
    assert segment.share_of_cases(words(nlp, sentence)) is share


def test_a_sentence_set_in_brackets_loses_both_brackets(nlp):
    clause = segment.trim(words(nlp, "(Inspectors also found that the custody suites were clean.)"))
    assert texts([clause]) == ["the custody suites were clean"]


@pytest.mark.parametrize(
    ("sentence", "polarity"),
    [
        ("Officers understood coercive control far better than they did in 2021.", "improvement"),
        ("Detention records were kept worse than at the last inspection.", "concern"),
        ("It is better than it was.", None),  # a pronoun's state: what is better, it does not say
        ("Records are no better than they were in 2021.", None),  # denied: read as made elsewhere
    ],
)
def test_done_better_or_worse_than_before_overrules_the_classifier(nlp, sentence, polarity):
    """The rule settles the polarity whatever the classifier read (the first was read as a
    concern in an article where 2021 was the last inspection's year)."""
    from inspectx.findings import rules
    from inspectx.findings.classifier import CONCERN, IMPROVEMENT, NOT_FINDING, Judgement

    tokens = words(nlp, sentence)
    for wrong in (IMPROVEMENT, CONCERN, NOT_FINDING):
        own = Judgement(wrong, 0.95, {wrong: 0.95})
        ruled = rules._better_than_before(own, tokens)
        assert ruled.label == (polarity or wrong)


@pytest.mark.parametrize(
    ("sentence", "ending"),
    [
        # a relative clause on the subject, then the predicate, then the tail
        (
            "The backlog of unallocated burglaries, which once stood at 700, had been cleared, inspectors "
            "said.",
            "had been cleared",
        ),
        # a comment opened by "which" after the tail, however the parser hangs it
        (
            "A handful of missing person reports had been closed too early, the inspectors said, which "
            "they described as worrying.",
            "closed too early",
        ),
        # "which the report said ..." hung on the verb: the finding is what went before it too
        (
            "The force's use of drones at rural incidents had grown, which the report said was saving "
            "officers hours.",
            "saving officers hours",
        ),
    ],
    ids=["relative-clause-then-predicate", "which-after-the-tail", "which-the-report-said-on-the-verb"],
)
def test_a_tail_is_cut_only_where_it_tells_who_said_it(nlp, sentence, ending):
    trimmed = " ".join(t.text for t in segment.trim(words(nlp, sentence)))
    assert trimmed.endswith(ending), trimmed
    assert trimmed.split()[0] in ("The", "A"), trimmed
