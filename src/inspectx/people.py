"""People: names from the model's PERSON entities and the gazetteer, with titles and roles.

A title is never part of a name: "Assistant Chief Constable Rachel Bacon" is the
person Rachel Bacon with the title Assistant Chief Constable. Later mentions by
one name ("Mr Lewis", "Keith") are linked to the full name mentioned earlier.
Names the model misses or breaks are read by rule where their place is certain:
after a title ("Detective Superintendent Anna van den Broek", "HM Inspector of
Constabulary for the northern region, Jo Bloggs"; "Dr" and "Sir" are titles too) and
before a speech verb ("Alex de la Mare said"). A police rank is not an inspectorate
title: "Inspector Jane Doe" is a force officer. The byline's name is the reporter's,
not a person in the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from inspectx import byline, gazetteer, resources

_BETWEEN_OK = {",", "'s", "\u2019s", "the", "(", ")", "-", "\u2013", ":"}
#: Words that may extend a title before the name: "HM Inspector of Constabulary for the north, Jo".
_TITLE_TAIL_STARTS = {"for", "of", "in", "at"}
_TITLE_TAIL_MAX = 8
_NAME_MAX = 7
_HYPHENS = {"-", "\u2010", "\u2011"}
#: Entity types the model is sure are not part of a name.
_NOT_NAME_ENTITIES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "LOC", "NORP", "ORG", "EVENT", "MONEY"}


@dataclass
class PersonInfo:
    """One person of the article and what the text says about them."""

    name: str
    title: str | None = None
    role: str | None = None
    implies: str | None = None
    organisation: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token start, end

    @property
    def is_inspector(self) -> bool:
        return self.role == "inspector"


def find_people(doc: Doc) -> list[PersonInfo]:
    """Every person named in `doc`, in order of first mention."""
    data = gazetteer.people_data()
    honorifics = {h.lower(): h for h in data["honorifics"]}
    honorific_titles = {h.lower() for h in data["honorific_titles"]}
    honours = {h.lower() for h in data["honours"]}
    organisation_words = set(data["organisation_words"])
    title_spans = gazetteer.spans(doc, "TITLE")
    title_tokens = {i for s in title_spans for i in range(s.start, s.end)}
    blocked = {i for s in gazetteer.spans(doc, "FORCE", "INSPECTORATE", "ORG") for i in range(s.start, s.end)}
    places = {i for s in gazetteer.spans(doc, "PLACE") for i in range(s.start, s.end)}
    credit = byline.find_byline(gazetteer.text_of(doc))
    if credit is not None:  # the reporter is not a person in the story, nor in a sign-off line
        text = gazetteer.text_of(doc)
        lines = [(credit.start, credit.end)] + [
            (m.start(), m.end()) for m in re.finditer(rf"^{re.escape(credit.name)}$", text, re.MULTILINE)
        ]
        blocked |= {t.i for t in doc if any(a <= t.idx < b for a, b in lines)}
    # a known inspector's name that runs on ("Matt Parr-Jones") is someone else's
    known = [
        s for s in gazetteer.spans(doc, "INSPECTOR") if not (s.end < len(doc) and _joins_name(doc[s.end]))
    ]
    candidates: list[Span] = list(known)
    taken = {i for s in known for i in range(s.start, s.end)}
    anchors = [doc[s.start : s.end] for s in title_spans] + [
        doc[t.i : t.i + 1]
        for t in gazetteer.tokens_with(doc, {*honorific_titles, *(f"{h}." for h in honorific_titles)})
        if t.text[:1].isupper()
    ]
    stop = taken | title_tokens
    for span in _names_after_titles(doc, anchors, stop) + _names_before_speech(doc, stop):
        if not any(i in taken for i in range(span.start, span.end)):
            candidates.append(span)
            taken.update(range(span.start, span.end))
    persons = [
        e for e in doc.ents if e.label_ == "PERSON" and not any(i in taken for i in range(e.start, e.end))
    ]
    # a name told as a place once ("in Ayr, Fort William and Oban") is that place throughout
    located = {e.text for e in persons if _object_of_a_locative(e)}
    located |= {e.text for e in doc.ents if e.label_ in ("GPE", "LOC") and len(e) > 1}
    candidates += [_with_particles(e) for e in persons if e.text not in located]
    people: list[PersonInfo] = []
    for span in sorted(candidates, key=lambda s: s.start):
        start, end = span.start, span.end
        honorific = None
        while start < end and (doc[start].lower_.strip(".") in honorifics or start in title_tokens):
            if doc[start].lower_.strip(".") in honorific_titles:
                honorific = honorifics[doc[start].lower_.strip(".")]
            start += 1
        if start > 0 and doc[start - 1].lower_.strip(".") in honorific_titles:
            honorific = honorifics[doc[start - 1].lower_.strip(".")]
        while end > start and (
            doc[end - 1].lower_ in honours
            or doc[end - 1].is_punct
            or doc[end - 1].lower_ in ("'s", "\u2019s")
        ):
            end -= 1
        if start >= end or any(i in blocked for i in range(start, end)):
            continue
        tokens = [t for t in doc[start:end] if not t.is_space]
        if not tokens or any(not _name_like(t) for t in tokens):
            continue
        titled = start > 0 and start - 1 in title_tokens  # "Sergeant Sussex Kent"
        if any(t.i in places for t in tokens) and not _named_after_a_place(tokens, places, titled):
            continue
        body = any(t.text in organisation_words for t in tokens)
        if body or tokens[0].lower_ in gazetteer.institution_prefixes():
            continue  # "HMI Monitoring Group", "HMP Durham" name a body, not a person
        name = " ".join(doc[start:end].text.split())  # the text's own spacing keeps "Pryce-Talbot"
        person = _link(people, name)
        if person is None:
            if len(tokens) < 2:
                continue
            person = PersonInfo(name)
            people.append(person)
        person.mentions.append((start, end))
        title = _title_for(doc, start, end, title_spans)
        if title is not None and person.title is None:
            entry = gazetteer.titles()[int(title.id_)]
            person.title = _whole_title(doc, title)
            person.role, person.implies = entry.role, entry.implies
            if entry.inspectorate_beside and _inspectorate_beside(doc, title, end):
                person.role = "inspector"
            person.organisation = _organisation_near(doc, title)
            body = _inspectorate_before(doc, title)
            if body is not None:  # "HM Inspectorate of Prisons' head of police custody inspections"
                person.organisation = body.text
                if "inspect" in person.title.lower():
                    person.role = "inspector"
        elif honorific is not None and person.title is None:
            person.title = honorific
    _link_honorific_surnames(doc, people, set(honorifics) | honorific_titles, blocked)
    known_titles = data["known_inspectors"]
    ambiguous = {t.title.lower() for t in gazetteer.titles() if t.inspectorate_beside}
    replaceable = ambiguous | honorific_titles
    for span in known:
        entry = known_titles[int(span.id_)]
        person = _link(people, span.text)
        if person is not None and _described_as_former(doc, person):
            continue  # "Sir Tom Winsor, the former chief inspector, ...": not this inspection's
        if person is not None and (person.role is None or (person.title or "").lower() in ambiguous):
            person.role = "inspector"
            if person.title is None or person.title.lower() in replaceable:
                # "Sir Tom Winsor", "Inspector Wendy Williams": the office, not the honour or rank
                person.title = entry["title"]
            person.implies = "policing" if "Constabulary" in entry["title"] else None
    for person in people:
        if _described_as_former(doc, person):
            person.role = None  # "the former chief inspector": no post the text gives them now
            continue
        if (person.role is None or (person.title or "").lower() == "inspector") and _described_as_inspector(
            doc, person
        ):
            person.role, person.title, person.organisation = "inspector", None, None
        if person.role is None:
            person.role = _role_from_org(doc, person)
    return people


def _link_honorific_surnames(
    doc: Doc, people: list[PersonInfo], honorifics: set[str], blocked: set[int]
) -> None:
    """Add to the people's mentions each honorific and surname that names one of them
    ("Mr Hughes" after "Mark Hughes"), however the entity recognizer labelled the surname
    (it often takes a lone surname for an organisation): a later mention is how a news
    story gives a speaker's quotes."""
    mentioned = {i for person in people for start, end in person.mentions for i in range(start, end)}
    for token in doc[:-1]:
        if token.lower_.strip(".") not in honorifics or not token.text[:1].isupper():
            continue
        surname = token.nbor()
        if surname.i in mentioned or surname.i in blocked or not _name_like(surname):
            continue
        if surname.i + 1 < len(doc) and _name_like(surname.nbor()) and not surname.nbor().is_punct:
            continue  # "Mr Mark Hughes": a full name, found as one
        owners = [p for p in people if p.name.split()[-1] == surname.text and len(p.name.split()) > 1]
        if len(owners) == 1:
            owners[0].mentions.append((surname.i, surname.i + 1))


#: Prepositions whose object is a place ("a youth project in Milton Keynes"), not a person.
_LOCATIVES = frozenset({"in", "near", "across", "throughout", "outside"})


def _object_of_a_locative(ent: Span) -> bool:
    """Is an untitled PERSON entity the object of a preposition of place ("a youth project
    in Milton Keynes", "a choir near Market Harborough")? en_core_web_sm labels many town
    names PERSON; a person is rarely "in" anything but a possessive ("in Helen Carter's
    view"), which is kept. A name in a list after the preposition is one of its places
    ("in Inverness, Wick, Fort William and Portree"). Reads the dependency parse."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "in Inverness, Wick, | Fort William and Portree": one of the places listed
    if root.dep_ != "pobj" or root.head.lower_ not in _LOCATIVES:
        return False
    return not (ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in ("'s", "\u2019s", "'"))


def _named_after_a_place(tokens: list, places: set[int], titled: bool) -> bool:
    """Is a name that holds a place's name a person's all the same ("James Kent", "Sarah
    Essex", "Kent Lancaster", "Sergeant Sussex Kent")? Two to four words, after a title or
    with one of them no place: a place alone ("Kent") or a region ("Thames Valley") is
    where, not who."""
    return 2 <= len(tokens) <= 4 and (titled or any(t.i not in places for t in tokens))


def in_names(people: list[PersonInfo]) -> set[int]:
    """Token indices of every mention of the people's names."""
    return {i for person in people for start, end in person.mentions for i in range(start, end)}


#: Words that put a post in the past ("the former chief inspector", "ex-HMI").
_FORMER = frozenset({"former", "ex", "retired", "previous", "erstwhile", "then", "predecessor"})


def _described_as_former(doc: Doc, person: PersonInfo) -> bool:
    """Is the person said to have held a post before ("former HM Chief Inspector Sir Tom
    Winsor", "Sir Tom Winsor, the former chief inspector,")? Read in the few words before
    a mention and in an appositive after it. Not an appositive after an inspector's title
    written before the name ("HM Chief Inspector of Constabulary Sir Jo Bloggs, a former
    chief constable of Kent Police,"): the post held before is another one."""
    for start, end in person.mentions:
        before = [t.lower_ for t in doc[max(0, start - 6) : start]]
        after = [t for t in doc[end : end + 4] if not t.is_space]
        appositive = [t.lower_ for t in after[1:]] if after and after[0].text == "," else []
        if _FORMER & {w.strip("-") for w in before}:
            return True
        if "inspector" in before:
            continue
        if _FORMER & {w.strip("-") for w in appositive}:
            return True
    return False


def _described_as_inspector(doc: Doc, person: PersonInfo) -> bool:
    """Is the person set off as "the inspector" ("Jo Bloggs, the inspector who led the
    review, said"; "Jo Bloggs, lead inspector for the review"), or said to lead the
    inspection ("Inspector Jo Bloggs, who led the inspection for HMICFRS": what they led
    outweighs a rank; "the inspection team, led by inspector Jo Bloggs")? The common noun,
    not the police rank, which is written before a name with a capital."""
    for start, _ in person.mentions:
        before = [t.lower_ for t in doc[max(0, start - 6) : start] if not t.is_space]
        titled = False  # "led by inspector Jo Bloggs": the common noun, in lower case
        while before and before[-1] in ("inspector", "the", "lead", "chief", "senior", "principal"):
            titled = titled or before.pop() == "inspector"
        led = [w for w in before[:-2] if w != ","] if before[-2:] == ["led", "by"] else []
        if led and (led[-1] in _LED or (led[-1] == "team" and titled)):
            return True
    for _, end in person.mentions:
        words = [t for t in doc[end : end + 5] if not t.is_space]
        if not words or words[0].text != ",":
            continue
        i = 1
        while i < len(words) and words[i].lower_ in ("the", "lead", "chief", "senior", "principal"):
            i += 1
        if i > 1 and i < len(words) and words[i].text == "inspector":
            after = words[i].i + 1
            forces = {t for s in gazetteer.spans(doc, "FORCE") for t in range(s.start, s.end)}
            # "the inspector at Gwent Police" is the force's officer
            return not any(j in forces for j in range(after, after + 4))
        if [w.lower_ for w in words[1:3]] == ["who", "led"] and words[-1].lower_ in _LED:
            return True  # "Dr Jo Bloggs, who led the inspection, said"
    return False


#: What a person who led it led, as an inspector ("who led the inspection").
_LED = frozenset({"inspection", "review", "inspections", "fieldwork"})


def _name_like(token) -> bool:
    """A word that can be part of a name: capitalised ("Ó", "D'Cruz"), a particle ("van") or
    the hyphen inside a double-barrelled name ("Pryce-Talbot", which spaCy splits in three)."""
    if _joins_name(token):
        return True
    if not token.is_alpha and not any(ch.isalpha() for ch in token.text):
        return False
    if token.is_upper and len(token.text) > 1 and token.lower_ in STOP_WORDS:
        return False  # "TO", "THE" in a text set in capitals: words, not names
    return token.text[:1].isupper() or token.lower_ in _particles()


def _joins_name(token) -> bool:
    """Is `token` a hyphen written tight between two capitalised words ("Okonkwo-Bell")?"""
    doc, i = token.doc, token.i
    return (
        token.text in _HYPHENS
        and 0 < i < len(doc) - 1
        and not doc[i - 1].whitespace_
        and not token.whitespace_
        and doc[i - 1].text[:1].isupper()
        and doc[i + 1].text[:1].isupper()
    )


def _with_particles(ent: Span) -> Span:
    """A PERSON entity the model cut at or before a particle, with the rest of the name
    ("Anna van den" + "Broek")."""
    doc, end = ent.doc, ent.end
    particles = _particles()
    while (
        end < len(doc)
        and end - ent.start < _NAME_MAX
        and (doc[end - 1].lower_ in particles or doc[end].lower_ in particles)
        and not doc[end].is_space
        and _name_like(doc[end])
    ):
        end += 1
    while end > ent.end and doc[end - 1].lower_ in particles:
        end -= 1  # "Jo Bloggs de" with nothing capitalised after: not a name's end
    return doc[ent.start : end]


def _particles() -> frozenset[str]:
    return frozenset(gazetteer.people_data()["name_particles"])


def _whole_title(doc: Doc, title: Span) -> str:
    """The title's text, with what a title ending in "of" or "for" is of, up to the next
    comma, line or name ("head of | public protection", "director of | intelligence"); the
    title's own words otherwise."""
    if title[-1].lower_ not in ("of", "for") or title.end >= len(doc):
        return title.text
    end = title.end
    while end < min(len(doc), title.end + _TITLE_TAIL_MAX) and doc[end].is_lower and doc[end].is_alpha:
        end += 1
        if "\n" in doc[end - 1].whitespace_:
            break
    return doc[title.start : end].text if end > title.end else title.text


def _title_tail_end(doc: Doc, title: Span) -> int:
    """Where a title's extension ends ("... Constabulary for the northern region," -> after the
    comma); the title's own end when it has none."""
    i = title.end
    if i < len(doc) and doc[i].lower_ in _TITLE_TAIL_STARTS:
        for j in range(i + 1, min(len(doc), i + _TITLE_TAIL_MAX + 1)):
            if doc[j].text == ",":
                return j + 1
            if "\n" in doc[j].text or doc[j].is_sent_start:
                break
    return title.end


def _read_name(doc: Doc, i: int, stop: set[int]) -> int:
    """The end of a name that starts at token `i` (capitalised words and particles, ending
    on a capitalised word), or `i` when none starts there."""
    end = i
    j = i
    while j < len(doc) and j - i < _NAME_MAX and j not in stop and _name_like(doc[j]):
        if "\n" in doc[j].text:
            break
        if doc[j].text[:1].isupper() and not doc[j].is_punct:
            end = j + 1
        if "\n" in doc[j].whitespace_:
            break
        j += 1
    return end if end > i and doc[i].text[:1].isupper() else i


def _names_after_titles(doc: Doc, titles: list[Span], stop: set[int]) -> list[Span]:
    """Names straight after a title (or a titled honorific), tagged by the model or not,
    also past a relative clause set off by commas ("the HM Inspector who led it, Jo
    Bloggs, said"); and names straight before a title, on a line of their own or after a
    comma ("Jo Bloggs, HM Inspector of Constabulary": a sign-off or a list of authors)."""
    found = []
    for title in titles:
        i = _title_tail_end(doc, title)
        i = _past_relative_clause(doc, i)
        while i < len(doc) and doc[i].text == ",":
            i += 1
        end = _read_name(doc, i, stop)
        if end - i >= 2:
            found.append(doc[i:end])
        before = _name_before(doc, title, stop)
        if before is not None:
            found.append(before)
    return found


def _past_relative_clause(doc: Doc, i: int) -> int:
    """After "who led it," / "who led the inspection," when that is what follows `i`."""
    if i < len(doc) and doc[i].lower_ in ("who", "which", "that") and doc[i].head.dep_ != "ROOT":
        for j in range(i + 1, min(len(doc), i + _TITLE_TAIL_MAX + 1)):
            if doc[j].text == ",":
                return j
            if "\n" in doc[j].text or doc[j].is_sent_start or doc[j].text[:1].isupper():
                break
    return i


def _name_before(doc: Doc, title: Span, stop: set[int]) -> Span | None:
    """ "Jo Bloggs, HM Inspector of Constabulary": the name before a title and its comma,
    when the name opens its line, or when the title is the name's appositive in the parse
    ("evidence from Jo Bloggs, an HM Inspector of Constabulary who led ...")."""
    comma = title.start - 1
    if comma >= 0 and doc[comma].lower_ in ("a", "an", "the"):
        comma -= 1
    if comma < 2 or doc[comma].text != ",":
        return None
    start = comma
    while start > 0 and comma - start < _NAME_MAX and start - 1 not in stop and _name_like(doc[start - 1]):
        if "\n" in doc[start - 1].whitespace_ or doc[start - 1].is_space:
            break
        start -= 1
    opens_line = start == 0 or doc[start - 1].is_space or "\n" in doc[start - 1].whitespace_
    name = doc[start:comma]
    capitalised = all(t.text[:1].isupper() or t.lower_ in _particles() or _joins_name(t) for t in name)
    apposed = any(t.dep_ == "appos" and t.head.i == comma - 1 for t in title)
    if not (opens_line or apposed) or len(name) < 2 or not capitalised:
        return None
    return name


def _names_before_speech(doc: Doc, stop: set[int]) -> list[Span]:
    """Names written just before a speech verb ("Alex de la Mare said"), tagged or not."""
    speech = resources.inflections(tuple(resources.load("cues")["speech_verbs"]))
    found = []
    for verb in doc:
        if verb.lower_ not in speech or verb.i < 2:
            continue
        start = verb.i
        while (
            start > 0
            and verb.i - start < _NAME_MAX
            and start - 1 not in stop
            and _name_like(doc[start - 1])
            and "\n" not in doc[start - 1].whitespace_
            and not (doc[start - 1].is_stop and doc[start - 1].lower_ not in _particles())
            and doc[start - 1].ent_type_ not in _NOT_NAME_ENTITIES  # "On Monday Jo Bloggs said"
        ):
            start -= 1
        while start < verb.i and not doc[start].text[:1].isupper():
            start += 1
        name = doc[start : verb.i]
        if len(name) >= 2 and doc[verb.i - 1].text[:1].isupper() and _model_may_miss(name):
            found.append(name)
    return found


def _model_may_miss(name: Span) -> bool:
    """Is this capitalised run a name the model tags only in part, or is it written the way
    the model breaks (particles, accents, apostrophes)? Plain runs the model leaves untagged
    are usually bodies ("Rape Crisis said")."""
    return any(
        t.ent_type_ == "PERSON"
        or t.lower_ in _particles()
        or not t.text.isascii()
        or "'" in t.text
        or _joins_name(t)
        for t in name
    )


def _inspectorate_beside(doc: Doc, title: Span, name_end: int) -> bool:
    """Is an inspectorate named right before the title ("HMICFRS inspector Jo Bloggs", "the
    inspectorate's chief inspector, Jo Bloggs") or right after the name ("Inspector Jo
    Bloggs, of HMICFRS")?"""
    before = [t.lower_ for t in doc[max(0, title.start - 2) : title.start]]
    if len(before) == 2 and before[0] in ("inspectorate", "watchdog") and before[1] in ("'s", "\u2019s"):
        return True
    for body in gazetteer.spans(doc, "INSPECTORATE"):
        if 0 <= title.start - body.end <= 1 or 0 <= body.start - name_end <= 3:
            return True
    return False


def _link(people: list[PersonInfo], name: str) -> PersonInfo | None:
    parts = name.lower().split()
    for person in people:
        full = person.name.lower().split()
        if parts == full:
            return person
        if len(parts) == 1 and parts[0] in (full[0], full[-1]):
            return person
        if len(parts) > 1 and parts[-1] == full[-1] and parts[0][:1] == full[0][:1]:
            return person
    return None


def _title_for(doc: Doc, start: int, end: int, title_spans: list[Span]) -> Span | None:
    # where each title's words end: "HM Inspector of Constabulary, | Jo Bloggs"; "the HM
    # Inspector who led it, | Jo Bloggs"
    earlier = [t for t in title_spans if t.end <= start]
    reach = {t.start: _past_relative_clause(doc, _title_tail_end(doc, t)) for t in earlier}
    before = [t for t in earlier if start - reach[t.start] <= 4]
    for title in sorted(before, key=lambda t: -t.end):
        gap = doc[min(start, reach[title.start]) : start]
        if all(
            t.lower_ in _BETWEEN_OK or t.is_space or _is_title_token(t, title_spans) or is_honorific(t)
            for t in gap
        ):
            return title  # "HM Inspector of Constabulary, Dr Jo Bloggs"
    after = [t for t in title_spans if t.start >= end and t.start - end <= 6]
    for title in sorted(after, key=lambda t: t.start):
        gap = doc[end : title.start]
        if any(t.pos_ in ("VERB", "AUX") for t in gap):
            continue
        if gap and (gap[0].text == "," or "\n" in gap.text):
            return title
        if not gap and doc[end - 1].text != "." and "\n" in doc[end - 1].whitespace_:
            return title
    return None


def is_honorific(token) -> bool:
    """Is the token an honorific or a councillor's title, capitalised ("Ms", "Dr.", "Cllr"):
    data/people.json `honorifics`?"""
    return token.text[:1].isupper() and token.lower_.strip(".") in _honorifics()


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(h.lower() for h in gazetteer.people_data()["honorifics"])


def _is_title_token(token, title_spans: list[Span]) -> bool:
    return any(s.start <= token.i < s.end for s in title_spans)


def _inspectorate_before(doc: Doc, title: Span) -> Span | None:
    """The inspectorate whose post the title is, named in the possessive right before it
    ("HM Inspectorate of Prisons' head of ...", "HMICS's lead inspector")."""
    for body in gazetteer.spans(doc, "INSPECTORATE"):
        between = [t.text for t in doc[body.end : title.start]]
        if between in (["'"], ["'s"], ["\u2019"], ["\u2019s"]):
            return body
    return None


def _organisation_near(doc: Doc, title: Span) -> str | None:
    orgs = gazetteer.spans(doc, "FORCE", "ORG")
    for org in orgs:
        if 0 <= title.start - org.end <= 2 or 0 <= org.start - title.end <= 3:
            if org.label_ == "FORCE":
                return gazetteer.forces()[org.id_].name
            return org.text
    return None


def _role_from_org(doc: Doc, person: PersonInfo) -> str | None:
    """A role from an organisation named in the same sentence as the person's first mention."""
    start, _ = person.mentions[0]
    sent = gazetteer.sentence_of(doc, start)
    data = gazetteer.people_data()["organisations"]
    for org in gazetteer.spans(doc, "ORG"):
        if sent.start <= org.start < sent.end:
            person.organisation = org.text
            return data[int(org.id_)]["role"]
    return None
