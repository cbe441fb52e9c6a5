"""People: names from the model's PERSON entities and the gazetteer, with titles and roles.

A title is never part of a name: "Assistant Chief Constable Rachel Bacon" is the
person Rachel Bacon with the title Assistant Chief Constable. Later mentions by
one name ("Mr Lewis", "Keith") are linked to the full name mentioned earlier.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from inspectx import gazetteer

_BETWEEN_OK = {",", "'s", "\u2019s", "the", "(", ")", "-", "\u2013", ":"}


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
    honorifics = {h.lower() for h in data["honorifics"]}
    honours = {h.lower() for h in data["honours"]}
    organisation_words = set(data["organisation_words"])
    title_spans = gazetteer.spans(doc, "TITLE")
    title_tokens = {i for s in title_spans for i in range(s.start, s.end)}
    blocked = {
        i
        for s in gazetteer.spans(doc, "FORCE", "PLACE", "INSPECTORATE", "ORG")
        for i in range(s.start, s.end)
    }
    known = gazetteer.spans(doc, "INSPECTOR")
    candidates: list[Span] = list(known)
    taken = {i for s in known for i in range(s.start, s.end)}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and not any(i in taken for i in range(ent.start, ent.end)):
            candidates.append(ent)
    candidates += _names_after_titles(doc, title_spans, taken)
    people: list[PersonInfo] = []
    for span in sorted(candidates, key=lambda s: s.start):
        start, end = span.start, span.end
        while start < end and (doc[start].lower_.strip(".") in honorifics or start in title_tokens):
            start += 1
        while end > start and (
            doc[end - 1].lower_ in honours
            or doc[end - 1].is_punct
            or doc[end - 1].lower_ in ("'s", "\u2019s")
        ):
            end -= 1
        if start >= end or any(i in blocked for i in range(start, end)):
            continue
        tokens = [t for t in doc[start:end] if not t.is_space]
        if not tokens or any(not (t.is_title or t.is_upper) and t.is_alpha for t in tokens):
            continue
        if any(t.text in organisation_words for t in tokens):
            continue  # "HMI Monitoring Group" names a body, not a person
        name = " ".join(t.text for t in tokens)
        person = _link(people, name)
        if person is None:
            if len(tokens) < 2:
                continue
            person = PersonInfo(name)
            people.append(person)
        person.mentions.append((start, end))
        title = _title_for(doc, start, end, title_spans)
        if title is not None and person.title is None:
            person.title = title.text
            entry = gazetteer.titles()[int(title.id_)]
            person.role, person.implies = entry.role, entry.implies
            person.organisation = _organisation_near(doc, title)
    known_titles = data["known_inspectors"]
    for span in known:
        entry = known_titles[int(span.id_)]
        person = _link(people, span.text)
        if person is not None and person.role is None:
            person.role, person.title = "inspector", person.title or entry["title"]
            person.implies = "policing" if "Constabulary" in entry["title"] else None
    for person in people:
        if person.role is None:
            person.role = _role_from_org(doc, person)
    return people


def _names_after_titles(doc: Doc, title_spans: list[Span], taken: set[int]) -> list[Span]:
    """Capitalised names straight after a title that the model did not tag."""
    found = []
    for title in title_spans:
        i = title.end
        while i < len(doc) and doc[i].text in (",",):
            i += 1
        j = i
        while j < len(doc) and j - i < 3 and doc[j].pos_ == "PROPN" and doc[j].is_title:
            j += 1
        if j - i >= 2 and not any(k in taken for k in range(i, j)):
            found.append(doc[i:j])
    return found


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
    before = [t for t in title_spans if t.end <= start and start - t.end <= 4]
    for title in sorted(before, key=lambda t: -t.end):
        gap = doc[title.end : start]
        if all(t.lower_ in _BETWEEN_OK or t.is_space or _is_title_token(t, title_spans) for t in gap):
            return title
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


def _is_title_token(token, title_spans: list[Span]) -> bool:
    return any(s.start <= token.i < s.end for s in title_spans)


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
