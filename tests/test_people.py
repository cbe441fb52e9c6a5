"""People end to end (full model): ranks and inspectorate titles, names the model misses,
bylines and quote speakers. Every article here is written for the test."""

from __future__ import annotations

import pytest

from inspectx import extract

HEAD = (
    "Inspectors praise Gwent Police response to rural crime\n"
    "HMICFRS has published its inspection of Gwent Police.\n"
)


def _people(text: str) -> tuple[dict[str, dict], list[str]]:
    record = extract(text).to_dict()
    return {p["name"]: p for p in record["people"]}, [i["name"] for i in record["inspectors"]]


def test_a_partner_inspectorates_head_of_inspections_is_an_inspector_not_the_forces():
    people, inspectors = _people(
        HEAD + "The custody inspection was carried out jointly with HM Inspectorate of Prisons.\n"
        "Ola Mensah, HM Inspectorate of Prisons' head of custody inspections, said: "
        '"Gwent Police must cut the time detainees wait to see a nurse."\n'
    )
    assert inspectors == ["Ola Mensah"]
    assert "Ola Mensah" not in people


def test_police_inspector_rank_is_a_force_officer():
    people, inspectors = _people(
        HEAD + "The report praised its rural taskforce, led by Inspector Jane Doe, for cutting thefts.\n"
    )
    assert inspectors == []
    assert people["Jane Doe"]["title"] == "Inspector"
    assert people["Jane Doe"]["role"] == "force"


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        (
            "HM Inspector of Constabulary Sam Okafor said the force had improved.",
            "Sam Okafor",
            "HM Inspector of Constabulary",
        ),
        (
            "Chief Inspector of Criminal Justice Morag Quinn said the force had improved.",
            "Morag Quinn",
            "Chief Inspector of Criminal Justice",
        ),
        (
            "HM Inspector of Constabulary for the northern region, Jo Bloggs, said the force had improved.",
            "Jo Bloggs",
            "HM Inspector of Constabulary",
        ),
        (
            "His Majesty's Inspector of Constabulary and Fire and Rescue Services Sam Okafor said "
            "the force must improve.",
            "Sam Okafor",
            "His Majesty's Inspector of Constabulary and Fire and Rescue Services",
        ),
    ],
    ids=["hmi", "cji", "long-title", "fire-and-rescue"],
)
def test_inspectorate_titles_make_inspectors(sentence, name, title):
    record = extract(HEAD + sentence + "\n").to_dict()
    assert {"name": name, "title": title} in record["inspectors"]
    assert name not in [p["name"] for p in record["people"]]


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        (
            "Detective Superintendent Anna van den Broek said the team had worked hard.",
            "Anna van den Broek",
            "Detective Superintendent",
        ),
        (
            "Assistant Chief Constable Ciarán Ó Dónaill said the force accepted the report.",
            "Ciarán Ó Dónaill",
            "Assistant Chief Constable",
        ),
        (
            "Chief Superintendent Priya D'Cruz said officers were proud of the result.",
            "Priya D'Cruz",
            "Chief Superintendent",
        ),
        ("Dr Ifeoma Adeyemi said the findings were encouraging.", "Ifeoma Adeyemi", "Dr"),
        ("Sir Rowan Pettigrew said the findings were encouraging.", "Rowan Pettigrew", "Sir"),
        # ministers of the nations' governments: a title of two words, not "Secretary Firstname ..."
        ("Justice Secretary Morag Lindsay said it was welcome.", "Morag Lindsay", "Justice Secretary"),
        ("Justice Minister Ciara Byrne said the PSNI had improved.", "Ciara Byrne", "Justice Minister"),
        ("Shadow Home Secretary Tom Okoro said forces must act.", "Tom Okoro", "Shadow Home Secretary"),
    ],
    ids=["particles", "accents", "apostrophe", "dr", "sir", "justice-secretary", "minister", "shadow"],
)
def test_names_after_a_title(sentence, name, title):
    people, _ = _people(HEAD + sentence + "\n")
    assert name in people, list(people)
    assert people[name]["title"] == title


def test_name_with_particles_before_a_speech_verb():
    people, _ = _people(HEAD + "Alex de la Mare said the force would publish an action plan.\n")
    assert "Alex de la Mare" in people


def test_a_town_after_a_preposition_of_place_is_no_person():
    people, _ = _people(
        HEAD + "Grants went to a boxing club in Milton Keynes and a choir near Market Harborough.\n"
        "In Helen Carter's view the grants were fair, the commissioner's office said.\n"
    )
    assert "Milton Keynes" not in people and "Market Harborough" not in people
    assert "Helen Carter" in people


def test_a_town_in_a_list_of_places_is_no_person():
    people, _ = _people(
        HEAD + "Inspectors spent time in Ayr, Dumfries, Fort William and Oban.\n"
        "Fort William officers, Jane Harper said, were stretched.\n"
    )
    assert "Fort William" not in people
    assert "Jane Harper" in people


def test_reporter_is_the_byline_not_a_person():
    text = (
        "Inspectors praise Gwent Police response to rural crime\n"
        "Jo Smith, Local Democracy Reporting Service\n"
        "HMICFRS has published its inspection of Gwent Police.\n"
        "Chief Constable Pam Kelly said the force welcomed the report.\n"
    )
    record = extract(text).to_dict()
    assert record["byline"] == "Jo Smith, Local Democracy Reporting Service"
    assert [p["name"] for p in record["people"]] == ["Pam Kelly"]


def test_quote_speaker_after_the_quote():
    text = HEAD + '"We accept the findings," Chief Constable Jo Bloggs said.\n'
    record = extract(text).to_dict()
    assert [(q["speaker"], q["text"]) for q in record["quotes"]] == [("Jo Bloggs", "We accept the findings,")]


def test_quote_across_two_paragraphs_keeps_its_speaker():
    text = (
        HEAD + "The force's Assistant Chief Constable, Alex de la Mare, added: \u201cWe have already "
        "changed how calls are handled.\n"
        "\u201cWe will publish a full plan in the spring.\u201d\n"
    )
    record = extract(text).to_dict()
    assert [q["speaker"] for q in record["quotes"]] == ["Alex de la Mare", "Alex de la Mare"]
    assert record["people"][0]["title"] == "Assistant Chief Constable"


def test_two_quotes_in_one_paragraph_each_have_their_own_speaker():
    """A second quote introduced by a speaker of its own in the same paragraph is that
    speaker's, not the first speaker's."""
    text = (
        HEAD + "It was led by HM Inspector of Constabulary Rachel Ward.\n"
        'Superintendent Tom Hale said: "We accept every recommendation." Ms Ward said: "Detainees '
        'are treated with respect."\n'
    )
    record = extract(text).to_dict()
    assert [q["speaker"] for q in record["quotes"]] == ["Tom Hale", "Rachel Ward"]


@pytest.mark.parametrize("outlet", ["Wessex Sentinel", "Fenland Live", "Dales Argus"])
def test_a_news_outlets_name_is_no_person(outlet):
    """A masthead on a line of its own or in a credit ("told the Wessex Sentinel") names the
    paper, not someone in the story."""
    text = HEAD + f"{outlet}\nChief Constable Pam Kelly told the {outlet} the force accepted the report.\n"
    assert [p["name"] for p in extract(text).to_dict()["people"]] == ["Pam Kelly"]


def test_only_the_name_before_a_speech_verb_is_taken():
    people, _ = _people(
        HEAD + "On Monday Jo Bloggs said the force was pleased.\n"
        "Rape Crisis said the findings were worrying.\n"
    )
    assert list(people) == ["Jo Bloggs"]


def test_reporter_signing_off_is_not_a_person():
    text = (
        "Watchdog praises Surrey Police\n"
        "By Jane Harris, Crime Reporter\n"
        "Surrey Police has been rated good by HMICFRS inspectors.\n"
        "The force's Deputy Chief Constable, Nev Kemp, said the report reflected hard work.\n"
        "Jane Harris\n"
    )
    record = extract(text).to_dict()
    assert record["byline"] == "Jane Harris, Crime Reporter"
    assert [p["name"] for p in record["people"]] == ["Nev Kemp"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "HM Inspector of Constabulary Harriet Lloyd-Mensah said the force had improved.\n",
            "Harriet Lloyd-Mensah",
        ),
        ("The inspection was led by HM Inspector of Constabulary Tomasz Nowak-Reid.\n", "Tomasz Nowak-Reid"),
        (
            'Niamh O\'Kelly-Barr, HM Inspector of Constabulary, said: "Victims deserve better."\n',
            "Niamh O'Kelly-Barr",
        ),
    ],
    ids=["after-title", "led-by", "before-title"],
)
def test_double_barrelled_names_stay_whole(sentence, name):
    """spaCy splits "Lloyd-Mensah" into three tokens; the name keeps all of it."""
    _, inspectors = _people(HEAD + sentence)
    assert inspectors == [name]


def test_a_hyphen_between_words_is_not_a_name():
    people, _ = _people(
        HEAD + 'Chief Constable Sam Idris said the Anti-Social Behaviour team "worked hard".\n'
    )
    assert "Sam Idris" in people
    assert not any("Anti" in name for name in people)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("HM Inspector of Constabulary, Dr Ruth Amadi, said the force had improved.\n", "Ruth Amadi"),
        ('His Majesty\'s Inspector of Constabulary Dr Ruth Amadi said: "Progress is real."\n', "Ruth Amadi"),
        ("Dame Ruth Amadi, the inspector who led the review, said the force must act.\n", "Ruth Amadi"),
        ("Ruth Amadi, lead inspector for the review, said victims were let down.\n", "Ruth Amadi"),
        (
            "Pieter van der Berg, HM Inspector of Constabulary, said the force must act.\n",
            "Pieter van der Berg",
        ),
        ("The inspectorate's chief inspector, Ruth Amadi, said victims were let down.\n", "Ruth Amadi"),
        (
            # the entity recognizer tags this name ORG: the appositive title makes it a person
            "The panel took evidence yesterday from Carys Pennard, an HM Inspector of Constabulary who "
            "visited the cells.\n",
            "Carys Pennard",
        ),
        (
            "Inspector Ruth Amadi, who led the inspection for the inspectorate, praised the cells.\n",
            "Ruth Amadi",
        ),
        (
            "The inspection team, led by inspector Ruth Amadi, spent a week in the control room.\n",
            "Ruth Amadi",
        ),
    ],
    ids=[
        "title-comma-dr",
        "title-dr",
        "the-inspector-who",
        "lead-inspector",
        "particles-then-title",
        "inspectorates-chief",
        "apposed-title-mid-sentence",
        "rank-but-led-the-inspection",
        "team-led-by-inspector",
    ],
)
def test_inspectors_named_with_an_honorific_or_described_as_the_inspector(sentence, name):
    _, inspectors = _people(HEAD + sentence)
    assert inspectors == [name]


def test_a_police_inspector_described_by_rank_is_not_an_inspector():
    people, inspectors = _people(
        HEAD + "Inspector Ruth Amadi, who leads the rural team, said thefts had fallen.\n"
    )
    assert inspectors == []
    assert people["Ruth Amadi"]["role"] == "force"


def test_a_judge_is_a_title_not_part_of_the_name():
    people, inspectors = _people(HEAD + "Judge Ruth Amadi, who chaired the inquiry, welcomed the report.\n")
    assert inspectors == []
    assert people["Ruth Amadi"]["title"] == "Judge"


def test_a_known_inspectors_name_that_runs_on_is_someone_else():
    _, inspectors = _people(
        HEAD + "HM Inspector of Constabulary Matt Parr-Jones said the force had improved.\n"
    )
    assert inspectors == ["Matt Parr-Jones"]


@pytest.mark.parametrize(
    ("credit", "byline"),
    [
        ("By Mark Jones, Northern Echo", "Mark Jones, Northern Echo"),
        ("Jo Bloggs, Crime Reporter | Tuesday 4 June 2024", "Jo Bloggs, Crime Reporter"),
        ("By Saskia van der Berg", "Saskia van der Berg"),
        (
            "By Eoghan Ó Súilleabháin, Home Affairs Correspondent",
            "Eoghan Ó Súilleabháin, Home Affairs Correspondent",
        ),
        ("By Rhodri ap Siôn", "Rhodri ap Siôn"),
        ("By Álvaro de la Fuente", "Álvaro de la Fuente"),
        ("Author: Mina Okafor", "Mina Okafor"),
        ("Written by Tomasz Nowak", "Tomasz Nowak"),
        ("Live reporting by Aled Pryce and Keira Doyle", "Aled Pryce"),
        ("Posted by Hana Kowalczyk on 7 March 2025 | Policing | 4 min read", "Hana Kowalczyk"),
        ("Posted on 15 May 2025 by Idris Vaughan | Valley Voice", "Idris Vaughan"),
        ("By Sam Read, BBC News, Lincolnshire", "Sam Read, BBC News, Lincolnshire"),
        ("The Courier | Fife | 3 May 2026 | By Ailsa Brodie, Crime Reporter", "Ailsa Brodie, Crime Reporter"),
        ("12 June 2026 | Posted by Dev Kapoor, Director", "Dev Kapoor"),
        ("By Nia Rowlands, home affairs correspondent", "Nia Rowlands, home affairs correspondent"),
    ],
    ids=[
        "by-name-paper",
        "name-role-date",
        "dutch-particles",
        "irish-particle",
        "welsh-particle",
        "accented",
        "capitalised-label",
        "written-by",
        "live-reporting-by-two",
        "posted-by-on",
        "posted-on-by",
        "by-name-outlet-region",
        "by-after-outlet-cells",
        "posted-by-after-date-cell",
        "lowercase-desk",
    ],
)
def test_credit_lines_are_the_byline_not_people(credit, byline):
    record = extract(
        "Custody inspection finds failings at Cleveland Police\n"
        f"{credit}\n"
        "HMICFRS published its report on custody at Cleveland Police today.\n"
    ).to_dict()
    assert record["byline"] == byline
    assert record["people"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Signed,\nOlumide Fashola, HM Inspector of Constabulary\n", "Olumide Fashola"),
        ("The report's authors:\nNkechi Obi-Daniels, HM Inspector of Constabulary\n", "Nkechi Obi-Daniels"),
        (
            "The HM Inspector who led the work, Bronwen Iorwerth, praised the rural team.\n",
            "Bronwen Iorwerth",
        ),
    ],
    ids=["sign-off", "list-of-authors", "past-a-relative-clause"],
)
def test_names_the_model_misses_beside_an_inspectors_title(text, name):
    _, inspectors = _people(HEAD + text)
    assert inspectors == [name]


def test_a_name_before_a_title_must_open_its_line():
    people, inspectors = _people(HEAD + "Officers met Gwent Police, Chief Constable Pam Kelly and others.\n")
    assert "Gwent Police" not in people and inspectors == []


@pytest.mark.parametrize("name_line", ["Amira Haddad", "By Amira Haddad"])
def test_a_byline_set_on_two_lines_is_the_byline_not_a_person(name_line):
    record = extract(
        "Custody inspection finds failings at Cleveland Police\n"
        f"{name_line}\n"
        "BBC News, Teesside\n"
        "HMICFRS found that detainees at Cleveland Police waited too long to see a nurse.\n"
    ).to_dict()
    assert record["byline"] == "Amira Haddad, BBC News, Teesside"
    assert record["people"] == []


def test_a_byline_with_a_date_after_the_name_keeps_the_whole_name():
    """A capitalised word before the date is the surname, not a weekday ("By Rhian Evans 4
    March 2026"); a weekday is one by its name ("By Jo Smith Tuesday 4 March 2026")."""
    for line, byline in (
        ("By Rhian Evans 4 March 2026", "Rhian Evans"),
        ("By Jo Smith Tuesday 4 March", "Jo Smith"),
    ):
        record = extract(
            f"Watchdog praises Dyfed-Powys Police\n{line}\nHMICFRS praised the force.\n"
        ).to_dict()
        assert record["byline"] == byline


def test_a_prison_named_by_its_place_is_not_a_person():
    record = extract(
        'HMP Durham "cramped and dirty", inspectors find\n'
        "Inspectors found HMP Durham to be cramped and dirty, with men locked up for 22 hours a day.\n"
        "Sarah Jones, the governor, said the prison was improving.\n"
    ).to_dict()
    assert [p["name"] for p in record["people"]] == ["Sarah Jones"]


def test_a_byline_with_the_reporters_desk_before_the_name():
    record = extract(
        "Watchdog criticises Essex Police over stalking\n"
        "By Crime and Justice Correspondent Priya Natarajan\n"
        "HMICFRS has published its inspection of Essex Police.\n"
        "Chief Constable Ben Harrington said the force accepted the findings.\n"
    ).to_dict()
    assert record["byline"] == "Priya Natarajan"
    assert [p["name"] for p in record["people"]] == ["Ben Harrington"]


@pytest.mark.parametrize(
    ("line", "quoted"),
    [
        (
            "Chief Constable Jo Bloggs said: 'We accept the findings. We will act on them.'\n",
            ["We accept the findings. We will act on them."],
        ),
        (
            "\u2018We accept the findings,\u2019 Chief Constable Jo Bloggs said, \u2018and will act.\u2019",
            ["We accept the findings,", "and will act."],
        ),
    ],
    ids=["straight-after-colon", "curly-broken-by-speaker"],
)
def test_speech_in_single_quotation_marks_is_a_quote(line, quoted):
    record = extract(HEAD + line.rstrip("\n") + "\n").to_dict()
    assert [q["text"] for q in record["quotes"]] == quoted
    assert {q["speaker"] for q in record["quotes"]} == {"Jo Bloggs"}


def test_apostrophes_and_scare_quotes_are_no_quotes():
    line = "Inspectors said the officers' work had improved 'markedly' since the force's last inspection.\n"
    assert extract(HEAD + line).to_dict()["quotes"] == []


def test_a_person_whose_name_holds_a_county_is_a_person_not_a_force():
    """ "James Kent" and "Sarah Essex" are people: their surnames name no force, and a
    bare county is where, not who."""
    record = extract(
        "Norfolk Constabulary rated good\n"
        "Monday 10 June 2024\n"
        "Norfolk Constabulary is good at investigating crime, HMICFRS has found.\n"
        "Detective Superintendent James Kent, who leads the force's investigations, said he was pleased.\n"
        "The report was welcomed by Sarah Essex, chair of the county's police federation.\n"
        "Officers in Kent had helped with the training.\n"
    ).to_dict()
    names = [p["name"] for p in record["people"]]
    assert "James Kent" in names and "Sarah Essex" in names
    assert sorted(f["id"] for f in record["forces"]) == ["kent", "norfolk"]  # "Officers in Kent"
    kent = next(f for f in record["forces"] if f["id"] == "kent")
    assert kent["mentions"] == ["Kent"]


def test_a_rank_with_no_word_of_the_inspection_is_a_force_officer():
    """ "Inspector" before a name is a police rank unless the text says they led the
    inspection; a team of the force led by someone makes no inspector."""
    people, inspectors = _people(
        HEAD + "Inspector Ruth Amadi, who leads the response team in Bishop Auckland, said calls had risen.\n"
        "The neighbourhood team, led by Sergeant Ola Bright, was praised.\n"
    )
    assert inspectors == []
    assert people["Ruth Amadi"]["role"] == "force"


def test_a_former_inspector_is_not_this_inspections_and_one_who_led_it_is():
    """A known inspector said to be "former" is no inspector of this inspection, and is
    given no post the text does not give; "who led the inspection" makes one."""
    people, inspectors = _people(
        "Durham Constabulary rated outstanding\n"
        "Durham Constabulary has been rated outstanding at preventing crime by HMICFRS.\n"
        "Dr Priya Nair, who led the inspection, said the force was good at investigating crime.\n"
        "Sir Tom Winsor, the former chief inspector, praised the report.\n"
    )
    assert inspectors == ["Priya Nair"]
    assert people["Tom Winsor"]["role"] is None


def test_a_serving_inspector_who_once_held_another_post_is_still_an_inspector():
    """ "HM Inspector ... Dr Jo Bloggs, a former chief constable of Kent Police,": the title
    before the name is the post held now; the appositive's "former" is of another."""
    _, inspectors = _people(
        HEAD + "His Majesty's Inspector of Constabulary Dr Imogen Falconer, a former chief constable "
        "of Kent Police, said the force had made real progress.\n"
    )
    assert inspectors == ["Imogen Falconer"]


def test_words_in_capitals_are_not_a_name():
    """A text set in capitals: "TO ACCOUNT" is two capitalised words, not a person."""
    people, _ = _people(
        "SUFFOLK POLICE PRAISED\n"
        "HMICFRS FOUND THAT SUFFOLK CONSTABULARY WAS GOOD AT PREVENTING CRIME.\n"
        "THE COMMISSIONER, TIM PASSMORE, SAID HE WOULD HOLD THE CHIEF CONSTABLE TO ACCOUNT.\n"
    )
    assert "TO ACCOUNT" not in people


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Criminal Justice Inspection Northern Ireland has published a report on the PSNI. "
            "Deputy Chief Inspector Aoife Brennan said officers were committed.",
            "Aoife Brennan",
            "Deputy Chief Inspector",
        ),
        (
            "HMICS has published a report on Police Scotland. "
            "Assistant Inspector of Constabulary Ewan Baird led the inspection.",
            "Ewan Baird",
            "Assistant Inspector of Constabulary",
        ),
    ],
)
def test_an_inspectorates_deputy_or_assistant_is_an_inspector_with_the_whole_title(text, name, title):
    """ "Deputy Chief Inspector" is no police rank (CJI's deputy); "Assistant Inspector of
    Constabulary" is an inspector's title, not "Inspector of Constabulary" with a word before."""
    record = extract(f"Inspection report published\n{text}\n").to_dict()
    assert {"name": name, "title": title} in record["inspectors"]
    assert name not in [p["name"] for p in record["people"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "A spokesperson for Hawick Town FC said the club had worked with officers.",
        "The Carrick Gazette first reported the inspection's findings.",
        "Officers escort prisoners to Barlinnie Prison every day.",
    ],
)
def test_a_paper_a_club_or_a_prison_the_model_takes_for_a_person_is_not_one(sentence):
    record = extract(
        f"Police Scotland praised\nHMICS said Police Scotland deals with missing people well.\n{sentence}\n"
    ).to_dict()
    assert record["people"] == []


def test_honorific_and_surname_name_the_person_named_before():
    """ "Mr Hughes" later in a story is the inspector "Sam Hughes": his quote and his reported
    speech are the inspection's, however the entity recognizer labelled the lone surname
    (en_core_web_sm takes this one for an organisation)."""
    article = extract(
        HEAD
        + "HM Inspector of Constabulary Sam Hughes led the inspection.\n"
        + 'Mr Hughes said: "Response officers now understand the risks that stalking victims face."\n'
        + "Mr Hughes added that the economic crime unit had built strong links with local banks.\n"
    )
    assert [i.name for i in article.inspectors] == ["Sam Hughes"]
    assert any("stalking victims face" in f.text for f in article.improvements)
    assert any("strong links with local banks" in f.text for f in article.improvements)


def test_a_title_ending_in_of_keeps_what_it_is_of():
    """ "Jo Bloggs, the force's head of contact management, said": the title is "head of
    contact management" (it had been cut to "head of")."""
    record = extract(
        "Cumbria Constabulary criticised\n"
        "HMICFRS found that Cumbria Constabulary was too slow to answer 999 calls.\n"
        "Jo Bloggs, the force's head of contact management, said the force would improve.\n"
    ).to_dict()
    assert [(p["name"], p["title"]) for p in record["people"]] == [
        ("Jo Bloggs", "head of contact management")
    ]
