"""Which inspection an article reports: `inspection.programme` and its evidence.

The programme is read from the gazetteer's PROGRAMME phrases (data/programmes.json):
the one named most in the headline and lede (weighted) and then in the body, with
`engage_monitoring` first whenever the headline or lede names it (the news is the
force's move into or out of enhanced monitoring, whatever inspection led to it). A
national report, or an article about several forces none of which leads, is
`thematic`; an inspection reported in other words is `other`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from inspectx import gazetteer

_HEADLINE_WEIGHT, _LEDE_WEIGHT = 3, 2
_LEDE_SENTENCES = 4


@dataclass(frozen=True)
class ProgrammeEvidence:
    """A programme with the text that names it (None where no phrase does, e.g. `other`)."""

    programme: str
    span: Span | None


def find_programme(doc: Doc, *, national: bool) -> ProgrammeEvidence:
    """The programme of the inspection an article reports; call it only for one that does.

    `national`: the article has no main force (a national report, or several forces).
    Such an article reports a `thematic` inspection, unless it names no national report
    and its programme is PEEL, which inspects each force on its own: several forces'
    PEEL reports told side by side are PEEL inspections.
    """
    spans = gazetteer.spans(doc, "PROGRAMME")
    if national:
        cue = next(iter(gazetteer.spans(doc, "NATIONAL")), None)
        evidence = _named(doc, spans) if spans and cue is None else None
        if evidence is not None and evidence.programme == "peel":
            return evidence
        return ProgrammeEvidence("thematic", cue or (spans[0] if spans else None))
    if not spans:
        return ProgrammeEvidence("other", None)
    return _named(doc, spans)


def _named(doc: Doc, spans: list) -> ProgrammeEvidence:
    """The programme named most in the headline and lede (see the module's docstring)."""
    lede_end = _lede_end(doc)
    headline_end = gazetteer.text_of(doc).find("\n")
    score: Counter[str] = Counter()
    for span in spans:
        if headline_end == -1 or span.start_char < headline_end:
            score[span.id_] += _HEADLINE_WEIGHT
        elif span.start_char < lede_end:
            score[span.id_] += _LEDE_WEIGHT
        else:
            score[span.id_] += 1
    early = {s.id_ for s in spans if s.start_char < lede_end}
    if "engage_monitoring" in early:
        best = "engage_monitoring"
    else:
        order = [s.id_ for s in spans]
        best = max(score, key=lambda p: (score[p], -order.index(p)))
    return ProgrammeEvidence(best, next(s for s in spans if s.id_ == best))


def programmes_near(doc: Doc, start_char: int) -> set[str]:
    """The programmes named in the sentence holding the character `start_char`."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if span is None:
        return set()
    sent = gazetteer.sentence_of(doc, span.start)
    return {s.id_ for s in gazetteer.spans(doc, "PROGRAMME") if sent.start <= s.start < sent.end}


def _lede_end(doc: Doc) -> int:
    sents = list(doc.sents)
    return sents[min(_LEDE_SENTENCES - 1, len(sents) - 1)].end_char if sents else 0
