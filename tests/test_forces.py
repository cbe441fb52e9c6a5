"""Force, inspectorate, relevance and the inspection programme, end to end (full model).
Every article here is written for the test."""

from __future__ import annotations

import pytest

from inspectx import extract


def _record(text: str) -> dict:
    return extract(text).to_dict()


SCOTLAND = (
    "Police Scotland told to improve call handling\n"
    "HM Inspectorate of Constabulary in Scotland has published a review of Police Scotland's "
    "call handling.\n"
    "{second}\n"
    "The inspectorate made six recommendations.\n"
)


@pytest.mark.parametrize(
    "second",
    [
        "The inspectorate found that callers waited too long at weekends.",
        "HM Chief Inspector of Constabulary in Scotland Fiona Lennox said callers waited too long.",
        "Chief Inspector of Constabulary Fiona Lennox said callers waited too long.",
    ],
    ids=["the-inspectorate", "full-title", "title-without-scotland"],
)
def test_scottish_inspection_is_hmics(second):
    record = _record(SCOTLAND.format(second=second))
    assert record["inspectorate"]["acronym"] == "HMICS"
    assert record["force"]["name"] == "Police Scotland"


def test_northern_ireland_inspection_is_cji():
    record = _record(
        "PSNI told to speed up file preparation\n"
        "Criminal Justice Inspection Northern Ireland has reviewed how the Police Service of Northern "
        "Ireland prepares case files.\n"
        "Inspectors found that files were often late.\n"
    )
    assert record["inspectorate"]["acronym"] == "CJI"
    assert record["force"]["id"] == "northern-ireland"


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("Her Majesty's Inspectorate of Constabulary for Scotland", "HMICS"),
        ("Criminal Justice Inspectorate Northern Ireland", "CJI"),
        ("HM Inspectorate of Prisons", "HMIP"),
        ("Her Majesty's Inspectorate of Constabulary", "HMIC"),
        # "His Majesty's" dates the name after 2022: the inspectorate had been HMICFRS since 2017
        ("His Majesty's Inspectorate of Constabulary", "HMICFRS"),
        ("His Majesty's Inspectorate of Constabulary in Scotland", "HMICS"),
    ],
    ids=["hmics-for-scotland", "cji-inspectorate", "hmip", "hmic", "his-majestys", "his-majestys-scotland"],
)
def test_inspectorates_under_their_historic_names(name, acronym):
    record = _record(
        "Custody report published\n"
        f"{name} has published an inspection of custody at Durham Constabulary.\n"
        "Inspectors found that detainees were treated respectfully.\n"
    )
    assert record["inspectorate"]["acronym"] == acronym


@pytest.mark.parametrize(
    ("sentence", "acronym"),
    [
        ("The police inspectorate found that Durham Constabulary answers 999 calls quickly.", "HMICFRS"),
        ("HM Inspectors of Constabulary found that Durham Constabulary answers calls quickly.", "HMICFRS"),
        ("His Majesty's Chief Inspector of Constabulary said Durham Constabulary had improved.", "HMICFRS"),
        ("The police inspectorate found that Police Scotland answers 999 calls quickly.", "HMICS"),
        ("HM Inspectorate of Constabulary found that Durham Constabulary answers calls quickly.", "HMICFRS"),
    ],
    ids=["described", "plural-title", "title-without-a-name", "described-in-scotland", "old-name-in-2024"],
)
def test_an_inspectorate_described_or_titled_but_not_named(sentence, acronym):
    """With no body named: an inspector's title, or the inspectorate described, gives the
    policing inspectorate of the article's place and era (the old name in a 2024 story is
    the renamed body's)."""
    record = _record(f"Watchdog report on the force\n4 June 2024\n{sentence}\n")
    assert record["inspectorate"]["acronym"] == acronym


def test_the_police_watchdog_is_no_inspectorate():
    """News calls the IOPC "the police watchdog" too."""
    record = _record(
        "Watchdog report on Durham Constabulary\n4 June 2024\n"
        "The police watchdog found that Durham Constabulary answers 999 calls quickly.\n"
    )
    assert record["inspectorate"] is None


def test_iopc_is_not_an_inspectorate():
    record = _record(
        "Officer faces misconduct hearing\n"
        "The Independent Office for Police Conduct has investigated a Kent Police officer.\n"
        "The IOPC said the officer would face a hearing next month.\n"
    )
    assert record["inspectorate"] is None
    assert record["relevant"] is False


def test_national_report_naming_forces_as_examples_has_no_main_force():
    record = _record(
        "Forces failing victims of stalking, watchdog says\n"
        "A national inspection by HMICFRS found that police forces in England and Wales "
        "too often fail to recognise stalking.\n"
        "Inspectors examined cases at Kent Police, Durham Constabulary, Dyfed-Powys Police and "
        "Merseyside Police.\n"
        "The report makes ten recommendations for all forces.\n"
    )
    assert record["force"] is None
    assert [f["id"] for f in record["forces"]] == ["kent", "durham", "dyfed-powys", "merseyside"]
    assert record["inspection"]["programme"] == "thematic"


def test_two_forces_compared_equally_have_no_main_force():
    record = _record(
        "Two forces graded in custody inspections\n"
        "HMICFRS inspected custody at Kent Police and at Essex Police.\n"
        "Kent Police was praised for its care of detainees, and Essex Police was praised too.\n"
        "Inspectors found that both Kent Police and Essex Police needed better records.\n"
    )
    assert record["force"] is None
    assert {f["id"] for f in record["forces"]} == {"kent", "essex"}


def test_two_forces_peel_reports_side_by_side_are_peel_not_thematic():
    """PEEL inspects one force at a time: two forces' PEEL reports told together are two
    PEEL inspections, not a national report."""
    record = _record(
        "Two forces graded by inspectors\n"
        "HMICFRS published PEEL reports on Kent Police and Essex Police on Tuesday.\n"
        "Kent Police was rated good at investigating crime, and Essex Police was rated "
        "adequate at investigating crime.\n"
    )
    assert record["force"] is None
    assert record["inspection"]["programme"] == "peel"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Gwent Police\n@gwentpolice\nToday HMICFRS published our report.\n", "Gwent Police"),
        ("  Police Service of Northern Ireland  \nNews\n", "Police Service of Northern Ireland"),
        ("Home | News\nOur chief constable welcomed the report.\n", None),
        ("Officers from Gwent Police attended.\n", None),
    ],
    ids=["account-line", "masthead", "no-force-line", "force-inside-a-sentence"],
)
def test_a_line_that_is_only_a_forces_name_says_whose_page_it_is(raw, expected):
    """A force's thread or page may name itself only in furniture the cleaner drops (the
    account line above each post, a masthead): a raw line that is only a force's name."""
    from inspectx.core import _masthead_force

    assert _masthead_force(raw) == expected


def test_a_force_named_only_as_a_line_of_an_unrelated_page_is_not_its_subject():
    record = _record(
        "Kent Police\n"
        "Council approves new bus lane\n"
        "The county council has approved a bus lane on the A28 after a public consultation.\n"
    )
    assert record["force"] is None


def test_one_force_with_a_neighbour_keeps_its_force():
    record = _record(
        "Durham Constabulary praised by inspectors\n"
        "HMICFRS has rated Durham Constabulary good at preventing crime.\n"
        "Durham Constabulary now shares a firearms unit with Cleveland Police.\n"
        "Inspectors said Durham Constabulary had improved since 2018.\n"
    )
    assert record["force"]["id"] == "durham"


@pytest.mark.parametrize(
    "text",
    [
        "New chief inspector of constabulary named\n"
        "The Home Secretary has appointed Sam Okafor as HM Chief Inspector of Constabulary.\n"
        "Mr Okafor will join HMICFRS in the spring after a career in Merseyside.\n",
        "Watchdog budget cut\n"
        "HMICFRS will have its budget cut by five per cent next year, the Home Office said.\n"
        "The inspectorate said it would protect its work on child protection.\n",
        "Chief inspector warns on recruitment\n"
        "In a speech in Durham, the chief inspector of constabulary said HMICFRS wanted more "
        "detectives.\n",
        "New inspector named\n"
        "The Home Secretary has appointed Priya Nair as one of His Majesty's Inspectors of Constabulary.\n"
        "HMICFRS said her experience of leading a force would be invaluable.\n",
    ],
    ids=["appointment", "budget", "speech", "appointed-as-one-of-the-inspectors"],
)
def test_inspectorate_mentioned_without_an_inspection_is_not_relevant(text):
    record = _record(text)
    assert record["relevant"] is False
    assert record["force"] is None
    assert record["inspection"] == {"programme": None, "text": None, "start": None, "end": None}


@pytest.mark.parametrize(
    "text",
    [
        "Jail overcrowded, say inspectors\n"
        "HM Inspectorate of Prisons said HMP Leeds held too many men in cells built for one.\n"
        "Inspectors found that drugs were easy to get and praised the prison's library.\n"
        "West Yorkshire Police said it worked closely with the prison.\n",
        "Fire service told to improve\n"
        "HMICFRS has rated Avon Fire and Rescue Service as requires improvement at promoting "
        "the right values and culture.\n"
        "Inspectors said firefighters responded quickly to emergencies.\n",
        "Brigade told to improve its fire safety checks\n"
        "Avon Fire and Rescue Service has been rated inadequate at protecting the public through fire "
        "regulation, following an inspection by HMICFRS.\n"
        "Inspectors found that the service did not carry out enough fire safety audits.\n"
        "The brigade shares a headquarters building with Avon and Somerset Police.\n",
        "Children's services improve\n"
        "Ofsted inspectors said Kent County Council's social workers now knew children well.\n"
        "They found that too many care leavers lacked a home.\n",
        "Force to face inspection of its stalking work\n"
        "HMICFRS will inspect how Essex Police deals with stalking next spring, the force said.\n"
        "The chief constable said the force welcomed the inspection.\n",
    ],
    ids=["prison", "fire-service", "fire-service-beside-a-force", "council-by-ofsted", "inspection-to-come"],
)
def test_an_inspection_of_another_service_or_one_still_to_come_is_not_relevant(text):
    """inspectx is for inspections of the police: a prison's, a fire service's or a
    council's inspection, and an announced one, give no inspection, findings or grades."""
    record = _record(text)
    assert record["relevant"] is False
    assert record["improvements"] == [] and record["concerns"] == [] and record["grades"] == []
    assert record["inspectorate"] is None


@pytest.mark.parametrize(
    ("text", "relevant"),
    [
        (
            "Van driver jailed for crash that killed pedestrian\n"
            "Norwich Crown Court was told an inspection of the van by collision investigators from "
            "Norfolk Constabulary found the steering was faulty.\n"
            "Inspectors found the van's brakes had also not been serviced for years.\n",
            False,
        ),
        (
            "Inquest into death in police cell\n"
            "An audit carried out by Cheshire Constabulary's own standards team found cell checks "
            "were not recorded.\n"
            "The review found that staff had not been trained to use the new system.\n",
            False,
        ),
        (
            "Cell checks missed, watchdog says\n"
            "An inspection carried out by the policing watchdog found that cell checks at Cheshire "
            "Constabulary were not recorded.\n"
            "Inspectors found that staff had not been trained to use the new system.\n",
            True,
        ),
        (
            "Parish council news\n"
            "Our neighbourhood officers from Devon and Cornwall Police joined the summer fete.\n"
            "The yearly inspection of the playground equipment took place in June.\n"
            "All of the swings are in a safe condition and the gate latch has been mended.\n",
            False,
        ),
    ],
    ids=["vehicle-examiners", "own-standards-team", "by-the-watchdog", "an-inspection-took-place"],
)
def test_an_inspection_carried_out_by_someone_else_is_not_a_police_inspection(text, relevant):
    """With no inspectorate named, "inspectors found ..." in a court report or an inquest is
    the vehicle examiners' or the force's own auditors', not an inspection of the police."""
    assert _record(text)["relevant"] is relevant


@pytest.mark.parametrize(
    ("text", "force"),
    [
        (
            "Inspectors praise Gwent Police\n"
            "HMICFRS said Gwent Police had improved how it answers 999 calls.\n"
            "The force shares a control room with South Wales Fire and Rescue Service and works "
            "with Newport City Council and HMP Cardiff.\n",
            "gwent",
        ),
        (  # a bulletin's weather item: the weather service, not the Metropolitan Police
            "Inspectors praise Dyfed-Powys Police\n"
            "HMICFRS has published its PEEL inspection of Dyfed-Powys Police.\n"
            "Inspectors found that the force answers emergency calls quickly.\n"
            "The Met Office has issued a yellow warning for wind across the county.\n",
            "dyfed-powys",
        ),
        (  # a newspaper's masthead in the byline line
            "Chief constable answers readers' questions\n"
            "Interview for the Cumbria Evening Herald | By Sam Reporter\n"
            "HMICFRS has published its PEEL inspection of Lancashire Constabulary.\n"
            "Inspectors found that the force answers emergency calls quickly.\n",
            "lancashire",
        ),
    ],
    ids=["place-in-a-body", "the-met-office", "a-newspapers-masthead"],
)
def test_a_place_in_another_bodys_name_is_no_mention_of_its_force(text, force):
    assert [f["id"] for f in _record(text)["forces"]] == [force]


@pytest.mark.parametrize(
    "text",
    [
        "Custody suites praised\n"
        "HM Inspectorate of Prisons and HMICFRS found detainees in Kent Police custody were "
        "well cared for.\n",
        "Custody suites praised\n"
        "HM Inspectorate of Prisons found detainees held by Kent Police in custody were "
        "treated with respect.\n",
    ],
    ids=["joint", "prisons-inspectorate-alone"],
)
def test_an_inspection_of_police_custody_by_the_prisons_inspectorate_is_relevant(text):
    assert _record(text)["relevant"] is True


@pytest.mark.parametrize(
    "sentence",
    [
        "HMICFRS has warned that Kent Police is too slow to answer calls from the public.",
        "According to HMICFRS, Kent Police is too slow to answer calls from the public.",
        "HMICFRS praised Kent Police for the way it supports victims of burglary.",
        "Kent Police has been criticised by HMICFRS for being too slow to answer calls.",
        "HMICFRS noted that Kent Police had cut the time it takes to answer 999 calls.",
    ],
    ids=["warned", "according-to", "praised", "criticised-by", "noted"],
)
def test_a_named_inspectorate_passing_on_a_finding_is_relevant(sentence):
    """With no word of inspecting ("report", "inspection", "found"), the sentence that gives
    the finding and names the inspectorate as its source is enough: a news brief."""
    record = _record(f"Watchdog verdict on Kent Police\n4 June 2025\n{sentence}\n")
    assert record["relevant"] is True
    assert record["improvements"] or record["concerns"]


def test_a_force_release_naming_an_inspection_to_come_is_not_relevant():
    """The force's own claims, beside an inspection still to come: no inspection's finding."""
    record = _record(
        "New call system cuts waiting times, says Kent Police\n"
        "4 June 2025\n"
        "Kent Police said its new callback system had cut waiting times on 101 by half.\n"
        "HMICFRS is expected to look at the force's call handling again later this year.\n"
    )
    assert record["relevant"] is False


def test_an_inspectorate_that_examined_and_found_is_relevant():
    """The inspectorate is the subject of "found" through the verb it is coordinated with:
    an article whose only report of the inspection is that sentence reports one."""
    record = _record(
        "Watchdog finds delays in Dorset Police custody\n"
        "12 March 2024\n"
        "HMICFRS examined custody arrangements at Dorset Police in November last year and found "
        "that detainees waited too long to see a nurse.\n"
    )
    assert record["relevant"] is True
    assert record["inspectorate"]["acronym"] == "HMICFRS"
    assert record["dates"]["inspection"]["value"] == "2023-11"
    assert [c["text"] for c in record["concerns"]] == ["detainees waited too long to see a nurse"]


@pytest.mark.parametrize(
    ("text", "programme", "evidence"),
    [
        (
            "Gwent Police rated good in PEEL inspection\n"
            "HMICFRS graded Gwent Police in its latest police effectiveness review.\n",
            "peel",
            "PEEL",
        ),
        (
            "Watchdog finds child protection gaps at Kent Police\n"
            "HMICFRS inspected how Kent Police protects children at risk.\n",
            "child_protection",
            "child protection",
        ),
        (
            "Custody inspection: detainees at Essex Police treated well\n"
            "Inspectors from HMICFRS and HM Inspectorate of Prisons visited Essex Police's custody suites.\n",
            "custody",
            "Custody",
        ),
        (
            "Merseyside Police failing to record crimes, inspectors find\n"
            "An HMICFRS crime data integrity inspection found Merseyside Police missed one crime in ten.\n",
            "crime_data_integrity",
            "crime data integrity",
        ),
        (
            "Vetting failures at Durham Constabulary\n"
            "An HMICFRS inspection of vetting and counter-corruption found gaps at Durham Constabulary.\n",
            "vetting_and_corruption",
            "Vetting",
        ),
        (
            "Cleveland Police taken out of special measures\n"
            "HMICFRS has moved Cleveland Police out of enhanced monitoring after an inspection.\n",
            "engage_monitoring",
            "special measures",
        ),
        (
            "Inspectors review Kent Police's drone unit\n"
            "HMICFRS has inspected how Kent Police uses drones and found the unit well run.\n",
            "other",
            None,
        ),
        (
            "Watchdog praises Kent Police's youth violence work\n"
            "HMICFRS found Kent Police used its knife crime data well to target patrols near schools.\n",
            "other",
            None,
        ),
        (
            "Watchdog finds Kent Police slow to attend rural calls\n"
            "HMICFRS found officers in rural Kent spent hours driving people into custody.\n",
            "other",
            None,
        ),
        (
            "Kent Police praised for its vetting, three years after special measures\n"
            "An HMICFRS inspection of vetting and counter-corruption found Kent Police's checks sound.\n",
            "vetting_and_corruption",
            "vetting",
        ),
        (
            "Gwent Police still 'requires improvement' three years after special measures\n"
            "Gwent Police has been told it still requires improvement in how it investigates crime, "
            "following a PEEL inspection by HMICFRS.\n",
            "peel",
            "PEEL",
        ),
    ],
    ids=[
        "peel",
        "child-protection",
        "custody",
        "crime-data",
        "vetting",
        "engage",
        "other",
        "compound-tail",
        "taken-into-custody",
        "engage-looked-back-on",
        "engage-looked-back-on-in-the-headline",
    ],
)
def test_programme_with_evidence(text, programme, evidence):
    record = _record(text)
    found = record["inspection"]
    assert found["programme"] == programme
    if evidence is not None:
        assert found["text"] == evidence
        assert text[found["start"] : found["end"]] == evidence


def test_regional_article_with_a_national_comparison_keeps_its_force():
    record = _record(
        "Teesside force rated inadequate by watchdog\n"
        "HMICFRS has rated Cleveland Police inadequate, the worst of the 43 police forces in England "
        "and Wales.\n"
        "Cleveland Police was found to be failing victims.\n"
        "Inspectors said Cleveland Police lagged behind Durham Constabulary, Northumbria Police and "
        "North Yorkshire Police.\n"
        "Cleveland Police said it accepted the findings.\n"
    )
    assert record["force"]["id"] == "cleveland"


def test_joint_inspection_is_the_policing_inspectorates():
    """HM Inspectorate of Prisons leads joint custody inspections and may be named more often,
    but inspectx reports on police forces: the policing inspectorate named is the record's."""
    record = _record(
        "HM Inspectorate of Prisons\n"
        "Custody inspection of Dorset Police\n"
        "A joint inspection by HM Inspectorate of Prisons and HMICFRS looked at custody at Dorset Police.\n"
        "Pat Quinn, HM Chief Inspector of Prisons, said detainees were treated with respect.\n"
        "The report is on the HM Inspectorate of Prisons website.\n"
    )
    assert record["inspectorate"]["acronym"] == "HMICFRS"


def test_a_prisons_inspection_alone_stays_hmip():
    record = _record(
        "Custody inspection of Dorset Police\n"
        "HM Inspectorate of Prisons has inspected custody at Dorset Police.\n"
        "Inspectors found that detainees were treated with respect.\n"
    )
    assert record["inspectorate"]["acronym"] == "HMIP"


def test_an_inspectorate_that_found_something_reports_an_inspection():
    record = _record(
        "Dorset Police still slow to update victims\n"
        "HMICFRS went back to Dorset Police in March to check on its progress.\n"
        "The inspectorate found that victims were still not kept informed about their cases.\n"
    )
    assert record["relevant"] is True


def test_an_inspection_still_to_come_is_not_reported():
    """A force's own news that mentions its next inspection: the force stays, nothing else."""
    record = _record(
        "Faster online crime reporting launched by Dorset Police\n"
        "People can now report lost and found property and road collisions online, Dorset Police said.\n"
        "The changes come ahead of the force's next PEEL inspection by HMICFRS, expected later this year.\n"
        "The chief constable said she would welcome the inspectors when they arrive.\n"
    )
    assert record["relevant"] is False
    assert record["inspectorate"] is None
    assert record["force"]["id"] == "dorset"


def test_appointed_to_lead_an_inspection_is_not_one_reported():
    record = _record(
        "Inspector appointed to review Dorset Police\n"
        "HMICFRS has appointed HM Inspector of Constabulary Sam Okafor to lead an inspection "
        "of Dorset Police.\n"
        "The inspection will begin in September.\n"
    )
    assert record["relevant"] is False
    assert record["inspectorate"] is None


@pytest.mark.parametrize(
    ("name", "force_id"),
    [
        ("Notts Police", "nottinghamshire"),
        ("Herts Constabulary", "hertfordshire"),
        ("Northants Police", "northamptonshire"),
        ("S Yorks Police", "south-yorkshire"),
        ("West Mids Police", "west-midlands"),
        ("D&C Police", "devon-and-cornwall"),
        ("TVP", "thames-valley"),
        ("WYP", "west-yorkshire"),
    ],
)
def test_a_force_named_by_its_countys_abbreviation(name, force_id):
    record = _record(f"Watchdog report published\nHMICFRS found that {name} is too slow to answer calls.\n")
    assert record["force"]["id"] == force_id


def test_a_county_abbreviation_alone_is_an_everyday_word_not_a_force():
    """ "beds" and "staffs" are words; only "Beds Police" names Bedfordshire's force."""
    record = _record(
        "Watchdog report on Kent Police\n"
        "HMICFRS found that Kent Police staffs its control room well, although people in mental "
        "health crisis wait too long for beds.\n"
    )
    assert [f["id"] for f in record["forces"]] == ["kent"]


@pytest.mark.parametrize(
    ("welsh", "force_id"),
    [("Heddlu Gogledd Cymru", "north-wales"), ("Heddlu De Cymru", "south-wales"), ("Heddlu Gwent", "gwent")],
)
def test_a_welsh_forces_welsh_name_is_the_force_not_a_person(welsh, force_id):
    record = _record(
        f"Inspectors praise the force\n{welsh}\n"
        f"HMICFRS found that {welsh} had improved how it answers 999 calls.\n"
    )
    assert record["force"]["id"] == force_id
    assert record["people"] == []


def test_grades_of_compared_forces_are_kept_and_another_forces_are_not():
    """Whose grades count follows the record's `force`: with two forces reported side by
    side no force leads and both forces' grades stay; with one leading, a neighbour's
    grades are the neighbour's."""
    side_by_side = _record(
        "Inspectors publish reports on Suffolk and Norfolk forces\n"
        "HMICFRS has published PEEL reports on Suffolk Constabulary and Norfolk Constabulary.\n"
        "Suffolk Constabulary was rated good at investigating crime.\n"
        "Norfolk Constabulary was rated inadequate at managing offenders.\n"
    )
    assert side_by_side["force"] is None
    assert [(g["grade"], g["force"]) for g in side_by_side["grades"]] == [
        ("good", "Suffolk Constabulary"),
        ("inadequate", "Norfolk Constabulary"),
    ]
    one_leads = _record(
        "Suffolk Constabulary rated good by inspectors\n"
        "HMICFRS has published its PEEL report on Suffolk Constabulary.\n"
        "Suffolk Constabulary was rated good at investigating crime, and its officers were praised.\n"
        "Neighbouring Norfolk Constabulary was rated inadequate at managing offenders.\n"
    )
    assert one_leads["force"]["id"] == "suffolk"
    assert [(g["grade"], g["force"]) for g in one_leads["grades"]] == [("good", "Suffolk Constabulary")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The force was rated requires improvement at investigating crime, the same grade Dorset Police "
        "was given last year.",
        "The constabulary was judged requires improvement at investigating crime, as Dorset Police had been.",
    ],
)
def test_the_forces_grade_compared_with_another_forces_is_its_own(sentence):
    """ "The force was rated X, the same grade as Y Police": the grade is the article's force's,
    though the only force the sentence names is the one it is compared with."""
    record = _record(
        "Wiltshire Police told to improve\nHMICFRS has published its PEEL report on Wiltshire Police.\n"
        f"{sentence}\n"
    )
    assert [(g["grade"], g["force"]) for g in record["grades"]] == [
        ("requires improvement", "Wiltshire Police")
    ]


def test_a_second_forces_grade_with_its_verb_left_out_is_its_own_not_another_area():
    """ "X was rated good at A, and Y inadequate at B": two grades, one for each force (the second
    had also been read as a third area of the first, "Y inadequate at B", graded good)."""
    record = _record(
        "Two neighbouring forces graded\n"
        "HMICFRS has published PEEL reports on Wiltshire Police and Dorset Police.\n"
        "Dorset Police was rated good at managing offenders, and Wiltshire Police "
        "inadequate at investigating crime.\n"
    )
    assert [(g["area"], g["grade"], g["force"]) for g in record["grades"]] == [
        ("managing offenders", "good", "Dorset Police"),
        ("investigating crime", "inadequate", "Wiltshire Police"),
    ]


@pytest.mark.parametrize(
    ("lede", "evidence"),
    [
        (
            "An inspection of how Dyfed-Powys Police deals with fraud has found weaknesses.",
            "how Dyfed-Powys Police deals with fraud",
        ),
        ("The inspection of Gwent Police's roads policing found good practice.", "roads policing"),
        ("The inspection of Gwent Police found weaknesses in how victims are kept informed.", None),
        (
            "HMICFRS published its report on Gwent Police's response to harassment on 3 June 2025.",
            "response to harassment",
        ),
        (
            "HMICFRS published its inspection of how Gwent Police tackles fraud on 3 June 2025.",
            "how Gwent Police tackles fraud",
        ),
    ],
)
def test_what_an_inspection_of_looked_at_is_the_evidence_for_other(lede, evidence):
    text = f"Watchdog report published\n{lede}\nInspectors said victims of crime were not kept informed.\n"
    found = _record(text)["inspection"]
    assert found["programme"] == "other"
    assert found["text"] == evidence


def test_an_inspection_the_lede_names_outranks_a_programme_the_body_mentions():
    """ "a roads policing inspection" in the lede names what was inspected, though no
    programme phrase does; a later passing mention of custody is not the programme."""
    text = (
        "Highland officers praised by watchdog\n"
        "HMICS carried out a roads policing inspection of Police Scotland's north division in the spring.\n"
        "Inspectors said officers showed real skill in difficult and often traumatic work.\n"
        "They also noted that custody cells in one station needed repair.\n"
    )
    found = _record(text)["inspection"]
    assert found["programme"] == "other"
    assert text[found["start"] : found["end"]] == found["text"] == "roads policing"
    generic = _record(text.replace("a roads policing inspection", "a police inspection"))["inspection"]
    assert generic["programme"] == "custody"


def test_a_headlines_first_words_can_name_what_was_inspected():
    text = (
        "Cybercrime inspection of Gwent Police finds gaps\n"
        "HMICFRS has published its report.\n"
        "Inspectors said victims of online fraud were not kept informed.\n"
    )
    found = _record(text)["inspection"]
    assert found["programme"] == "other" and found["text"] == "Cybercrime"


def test_one_force_named_is_never_warned_of_as_several():
    # a page the tool cannot read as an inspection story (here in German) names one force
    record = _record(
        "Polizei in Northumbria von Inspektoren kritisiert\n\n"
        "Die Polizei von Northumbria hat Fortschritte gemacht, sagt ein Bericht. "
        "Die Inspektoren besuchten die Polizei im Januar.\n"
    )
    assert len(record["forces"]) <= 1
    assert not any("several police forces" in w for w in record["warnings"]), record["warnings"]


def test_a_police_inspection_that_names_a_fire_service_in_passing_is_relevant():
    record = _record(
        "Police control room praised by inspectors\n"
        "Avon and Somerset Police answers nearly all of its emergency calls within ten seconds, "
        "HMICFRS has found in its latest report.\n"
        "Inspectors said the call handlers they watched at work were well trained and closely "
        "supervised.\n"
        "The force shares its control room building with Avon Fire and Rescue Service.\n"
    )
    assert record["relevant"] is True and record["force"]["id"] == "avon-and-somerset"
    assert record["improvements"]


def test_a_sentence_set_in_another_force_gives_that_force_no_findings_here():
    record = _record(
        "Contrasting verdicts for two county forces\n"
        "Suffolk Constabulary has been told to improve how it investigates burglary, while "
        "neighbouring Norfolk Constabulary was praised, inspectors said in reports published today.\n"
        "Inspectors found that Suffolk Constabulary left too many burglaries without a named "
        "investigator for weeks, and that victims were rarely updated.\n"
        "Suffolk Constabulary's chief constable said the force had already begun to act on the report.\n"
        "In Norfolk, inspectors found that burglary victims were visited within a day and that "
        "forensic evidence was gathered quickly.\n"
    )
    assert record["force"]["id"] == "suffolk"
    texts = " | ".join(f["text"] for f in record["improvements"] + record["concerns"])
    assert "named investigator" in texts
    assert "within a day" not in texts and "forensic evidence" not in texts, texts


def test_another_forces_sentence_and_those_pointing_back_to_it_give_this_force_nothing():
    """In a round-up, "its" and "the force" after a sentence about a neighbouring force
    stand for that force, as "it" does inside that force's own sentence."""
    record = _record(
        "Cheshire Police praised for answering calls\n"
        "Cheshire Constabulary has been rated good at responding to the public by HMICFRS in a report "
        "published today.\n"
        "Inspectors said Cheshire Constabulary answered almost every 999 call within ten seconds.\n"
        "Neighbouring Merseyside Police was rated adequate in four areas. Inspectors praised its "
        "neighbourhood teams, saying residents knew their local officers by name. But they said the "
        "force was slow to investigate burglaries.\n"
        "Lancashire Constabulary was commended for its work with schools, but inspectors said it "
        "must improve how it handles calls to 101.\n"
    )
    assert record["force"]["id"] == "cheshire"
    texts = " | ".join(f["text"] for f in record["improvements"] + record["concerns"])
    assert "999 call" in texts
    for theirs in ("neighbourhood", "residents", "burglaries", "101"):
        assert theirs not in texts, texts


def test_a_police_inspector_commended_is_no_inspection():
    """The only "inspector" the article names is a police rank: no inspection reported."""
    record = _record(
        "Inspector praised for bravery\n"
        "A Gwent Police inspector has been commended for pulling a driver from a burning car.\n"
        "Inspector Sian Morgan found the driver trapped and reviewed the scene before acting.\n"
    )
    assert record["relevant"] is False
    assert record["improvements"] == [] and record["inspection"]["programme"] is None


def test_a_programme_the_lede_dates_back_is_background():
    record = _record(
        "Two years on, Dorset Police still not good enough\n"
        "Dorset Police, which was placed in special measures two years ago, still requires improvement "
        "at investigating crime, according to a PEEL inspection published this week.\n"
    )
    assert record["inspection"]["programme"] == "peel"


@pytest.mark.parametrize(
    "lede",
    [
        "Is the force heading for special measures? HMICFRS says it will consider moving it into Engage.",
        "HMICFRS said it could yet place the force in its enhanced monitoring process.",
    ],
    ids=["asked-and-to-come", "could-yet"],
)
def test_monitoring_asked_about_or_still_to_come_is_not_the_programme(lede):
    """Enhanced monitoring asked about or still to come is not the inspection the article
    reports: its PEEL report is."""
    record = _record(
        "Cleveland Police still requires improvement\n"
        "Thursday 4 September 2025\n"
        f"{lede}\n"
        "HMICFRS published its PEEL inspection of Cleveland Police on Tuesday.\n"
        "Inspectors found that the force answers emergency calls quickly.\n"
    )
    assert record["inspection"]["programme"] == "peel"


def test_a_peel_report_relayed_with_no_word_of_inspecting_is_relevant_and_hmicfrs():
    record = _record(
        "Cheshire Police no longer inadequate\n"
        "14 March 2024\n"
        "Cheshire Constabulary still requires improvement at investigating crime, the PEEL report says.\n"
    )
    assert record["relevant"] is True
    assert record["inspectorate"]["acronym"] == "HMICFRS"


def test_a_predecessor_is_no_inspector_of_this_inspection():
    record = _record(
        "Avon and Somerset police graded inadequate\n"
        "Avon and Somerset Constabulary has been graded inadequate at responding to the public by HMICFRS.\n"
        "Andy Cooke, HM Chief Inspector of Constabulary, said the force must improve. Sir Tom Winsor, his "
        "predecessor, had praised the force in 2019.\n"
    )
    assert [i["name"] for i in record["inspectors"]] == ["Andy Cooke"]


def test_an_iopc_investigation_called_a_watchdogs_is_no_inspection():
    record = _record(
        "Watchdog investigates Gwent Police over death in custody\n"
        "The Independent Office for Police Conduct (IOPC) has begun an investigation into a death at a "
        "Gwent Police station.\n"
        "The IOPC found that officers had checked on the man every half an hour.\n"
    )
    assert record["relevant"] is False


def test_a_fire_service_working_with_the_police_is_no_police_inspection():
    record = _record(
        "Gwent fire service rated good\n"
        "South Wales Fire and Rescue Service has been rated good at preventing fires by HMICFRS.\n"
        "Inspectors found the service worked well with Gwent Police on road safety.\n"
    )
    assert record["relevant"] is False and record["grades"] == []


def test_a_grade_of_another_force_named_by_its_place_is_left_out():
    record = _record(
        "Met Police criticised over vetting\n"
        "The Metropolitan Police has been graded inadequate at vetting by HMICFRS, in a report that "
        "also looked at City of London Police.\n"
        "The City of London force was rated good.\n"
    )
    assert record["force"]["id"] == "metropolitan"
    assert all(g["force"] != "City of London Police" for g in record["grades"])
    assert record["improvements"] == []


def test_the_forces_own_finding_beside_another_force_named_after_it_is_kept():
    record = _record(
        "Met Police criticised over vetting\n"
        "The Metropolitan Police has been found inadequate at vetting by HMICFRS, in a report that "
        "also looked at City of London Police.\n"
    )
    assert len(record["concerns"]) == 1 and "inadequate at vetting" in record["concerns"][0]["text"]


@pytest.mark.parametrize(
    ("name", "force", "inspectorate"),
    [
        ("Tayside Police", "Tayside Police", "HMICS"),
        ("Lothian and Borders Police", "Lothian and Borders Police", "HMICS"),
        ("Dumfries & Galloway Constabulary", "Dumfries and Galloway Constabulary", "HMICS"),
        ("Royal Ulster Constabulary", "Royal Ulster Constabulary", "HMIC"),
    ],
)
def test_a_force_that_no_longer_exists_is_named_in_an_old_article(name, force, inspectorate):
    """The eight Scottish forces before Police Scotland (2013) and the RUC before the PSNI
    (2001); in a Scottish article, "HM Inspectorate of Constabulary" is Scotland's."""
    record = _record(
        f"{name} praised by inspectors\n"
        f"{name} deals well with missing people, according to a report published on 12 May 2009 "
        "by HM Inspectorate of Constabulary.\n"
    )
    assert record["force"]["name"] == force
    assert record["inspectorate"]["acronym"] == inspectorate


def test_a_former_forces_region_alone_names_no_force():
    record = _record(
        "Fife officers praised\n"
        "HMICS found that Police Scotland's Fife division deals well with missing people.\n"
    )
    assert [f["name"] for f in record["forces"]] == ["Police Scotland"]


@pytest.mark.parametrize(
    "opening",
    [
        "An inspection of Hydebank Wood College by Criminal Justice Inspection Northern Ireland found "
        "that young men spent too long in their rooms.",
        "Criminal Justice Inspection Northern Ireland has found that the Public Prosecution Service "
        "is too slow to decide on serious cases.",
    ],
)
def test_a_cji_inspection_of_another_justice_body_is_no_police_inspection(opening):
    """CJI inspects prisons, prosecutors and youth justice as well as the PSNI: its report
    on one of them is not about the police, though the PSNI is quoted further down."""
    record = _record(
        f"Inspectors publish report\n{opening}\n"
        "Inspectors said that the staff they met were committed to their work.\n"
        "The PSNI said it would keep working with its justice partners.\n"
    )
    assert record["relevant"] is False


def test_a_cji_inspection_of_the_psni_after_header_lines_is_relevant():
    record = _record(
        "Criminal Justice Inspection Northern Ireland\nPress release\n27 February 2025\n"
        "Our inspection of the Police Service of Northern Ireland found that it answers 999 calls quickly.\n"
    )
    assert record["relevant"] is True and record["inspectorate"]["acronym"] == "CJI"


def test_a_former_force_named_beside_the_one_that_took_over_is_history():
    record = _record(
        "Dundee policing praised\n"
        "HMICS found that Police Scotland's Dundee division, once part of the former Tayside Police, "
        "deals well with missing people.\n"
    )
    assert [f["name"] for f in record["forces"]] == ["Police Scotland"]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("States of Jersey Police", "States of Jersey Police"),
        ("the Isle of Man Constabulary", "Isle of Man Constabulary"),
        ("Guernsey Police", "Guernsey Police"),
    ],
    ids=["jersey", "isle-of-man", "guernsey"],
)
def test_the_police_of_the_crown_dependencies_are_forces(name, key):
    """HMICFRS inspects them by invitation; their stories had no force at all."""
    article = extract(
        f"Watchdog reports on island policing\nHMICFRS has published its inspection of {name}. "
        "Inspectors found that too many calls went unanswered.\n"
    )
    assert article.force is not None and article.force.name == key
    assert article.force.id is None  # police.uk lists no such force


def test_jersey_alone_is_no_force():
    article = extract(
        "Watchdog reports on Devon and Cornwall Police\nHMICFRS inspected Devon and Cornwall Police. "
        "Officers from the force helped at a festival in Jersey last summer.\n"
    )
    assert article.force is not None and article.force.name == "Devon and Cornwall Police"


def test_a_force_released_from_enhanced_monitoring_is_an_inspection_story():
    """No inspecting word but the inspectorate's own process: the story had been irrelevant,
    losing its inspectorate and programme."""
    record = _record(
        "Lancashire Constabulary leaves Engage\n"
        "HMICFRS has released Lancashire Constabulary from enhanced monitoring.\n"
        "The chief constable thanked officers and staff.\n"
    )
    assert record["relevant"] is True
    assert record["inspectorate"]["acronym"] == "HMICFRS"
    assert record["inspection"]["programme"] == "engage_monitoring"


def test_monitoring_alone_is_no_inspection():
    record = _record(
        "Force appoints new head of offender management\n"
        "A former HMICFRS analyst will lead Lancashire Constabulary's monitoring of sex offenders.\n"
    )
    assert record["relevant"] is False


def test_the_force_whose_report_it_is_leads_a_neighbour_named_as_often():
    """A headline that names no force; the lede names the force whose report it is, then a
    neighbour's own grade in passing: the article is about the first, and the neighbour's
    grade is not this inspection's."""
    record = _record(
        "Our police get their school report\n"
        "Northamptonshire Police's new PEEL inspection report was published last week. Inspectors rated "
        "it adequate at investigating crime.\n"
        "Nearby Leicestershire Police was graded good at investigating crime in its own report in May.\n"
    )
    assert record["force"]["id"] == "northamptonshire"
    assert [g["force"] for g in record["grades"]] == ["Northamptonshire Police"]


def test_forces_inspected_side_by_side_still_share_the_lead():
    record = _record(
        "Two forces inspected\n"
        "HMICFRS inspected Kent Police and Essex Police in the spring.\n"
        "Inspectors found that Kent Police and Essex Police both needed better records.\n"
    )
    assert record["force"] is None


def test_another_reviews_subject_does_not_set_the_programme():
    """ "It follows a separate review of custody in X": the other review's subject is not
    the programme of the inspection reported."""
    record = _record(
        "Watchdog looks at local policing in Dorset\n"
        "HMICFRS has looked at how Dorset Police patrols its villages.\n"
        "Inspectors found that rural beats were often left empty.\n"
        "It comes after a separate review of custody at the force last year.\n"
    )
    assert record["inspection"]["programme"] == "other"


def test_a_force_acronym_counts_only_in_capitals():
    """ "MPs" are members of parliament, not the MPS (the Metropolitan Police Service)."""
    record = _record(
        "MPs press minister on Dorset Police report\n\n4 March 2026\n\n"
        "MPs debated a report on Dorset Police on Tuesday. HMICFRS found that Dorset Police was good "
        "at preventing crime. Two MPs said the report was encouraging.\n"
    )
    assert [f["id"] for f in record["forces"]] == ["dorset"]
    assert record["force"]["id"] == "dorset"
