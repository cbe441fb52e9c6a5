"""The pure core: article text in, typed `Article` out. No files, no printing, no exits."""

from __future__ import annotations

import os
import re
import warnings
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from inspectx import (
    __version__,
    batch,
    byline,
    cleaner,
    dates,
    findings,
    gazetteer,
    models,
    pipeline,
    programme,
    reader,
    resources,
    wrapping,
)
from inspectx.errors import InputTooLargeError, InspectxError
from inspectx.record import (
    Article,
    Dates,
    DateValue,
    ErrorRecord,
    Extractor,
    Finding,
    Force,
    Grade,
    Inspection,
    Inspector,
    Inspectorate,
    Person,
    Quote,
    Source,
)

_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
_WORD = re.compile(r"[A-Za-z]+")
_THE_FORCE = re.compile(r"\bthe [Ff]orce\b")


def extract(
    text: str | bytes, *, path: str | os.PathLike[str] | None = None, model: str | None = None
) -> Article:
    """Extract one article from its raw text (plain text or HTML; boilerplate is removed).

    `text` is a `str`, or `bytes` decoded as a file's are (byte-order mark, UTF-8, else
    detection); lone surrogates in a `str` become U+FFFD. To read a file, pass
    `pathlib.Path` objects to `extract_many`. `path` (a `str` or path object) only labels
    the record's source, as the CLI writes it; nothing is read from it. `model` names an
    installed spaCy pipeline (default: $INSPECTX_MODEL, else the small English model). Safe
    to call from several threads.
    Raises `TypeError` for any other argument, `inspectx.errors.NotTextError` for bytes
    that are not text, and `inspectx.errors.ModelError` when no usable model is installed.
    """
    document = document_from(text, source_label(path) if path else "-")
    return next(extract_documents([document], model=model))


def source_label(path: str | os.PathLike[str]) -> str:
    """A path as a record's `source.path`: its text, with the bytes of a file name that are
    not UTF-8 (which Python holds as lone surrogates) written as `\\xff` by
    `batch.display_path`, as the CLI writes them, so that the record is always valid UTF-8.
    Raises `TypeError` for anything but a `str` or a path object."""
    if isinstance(path, os.PathLike):
        path = os.fspath(path)
    if not isinstance(path, str):
        raise TypeError(f"expected the path as str or a path object, not {type(path).__name__}")
    return batch.display_path(path)


def document_from(item: str | bytes, label: str) -> reader.Document:
    """A decoded document from an article's text (`str`) or raw content (`bytes`)."""
    if isinstance(item, str):
        return reader.decode(_without_surrogates(item).encode("utf-8"), label, max_bytes=len(item) * 4 + 4)
    if isinstance(item, (bytes, bytearray, memoryview)):
        return reader.decode(bytes(item), label, max_bytes=len(item) + 1)
    hint = " (to read a file, pass pathlib.Path objects to extract_many)"
    hint = hint if isinstance(item, os.PathLike) else ""
    raise TypeError(f"expected the article as str or bytes, not {type(item).__name__}{hint}")


def _without_surrogates(text: str) -> str:
    """`text` with lone surrogates (which no encoding can write) replaced by U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def extract_many(
    items: Iterable[str | bytes | os.PathLike[str]],
    *,
    model: str | None = None,
    jobs: int = 1,
    errors: str = "raise",
) -> Iterator[Article | ErrorRecord]:
    """Extract many articles with one loaded pipeline, streaming results in input order.

    Each item is an article's text (`str`), its raw content (`bytes`), or the path of a
    file holding one (`pathlib.Path`; a `str` is always text: one that names an existing
    file gets a warning). A file that cannot be read, or an input whose extraction fails,
    raises its `InspectxError` when its turn comes (`errors="raise"`, the default), or
    gives an `ErrorRecord` in its place and the rest go on (`errors="record"`, as the
    CLI does; its `source.path` is the file's path, or "-" for a text or bytes item).
    `jobs` > 1 spreads the work over that many worker processes (no more than there are
    items), each loading the pipeline once; results still come in input order. The
    workers do not re-import the calling script, so no `if __name__ == "__main__":`
    guard is needed (it does no harm either). Raises `TypeError` for items of other
    types, `ValueError` for another `errors` or `jobs` below 1; an exception from the
    iterable itself is raised after the results of the items before it.
    """
    if errors not in ("raise", "record"):
        raise ValueError(f"errors must be 'raise' or 'record', not {errors!r}")
    if not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a whole number of processes, 1 or more, not {jobs!r}")
    if jobs > 1:
        from inspectx import batch

        yield from batch.extract_parallel(_checked(items), model=model, jobs=jobs, errors=errors)
        return

    # a slot per input, in order: its error record, or None for an article still to come;
    # with errors="raise", the error to raise, once the articles before it are given
    slots: deque[ErrorRecord | Exception | None] = deque()

    def documents() -> Iterator[reader.Document]:
        checked = _checked(items)
        while True:
            try:
                item = next(checked)
            except StopIteration:
                return
            except Exception as exc:  # noqa: BLE001 - an item of another type (TypeError), or
                # the caller's own iterator failing: raised in its turn, after the articles
                # before it are given
                slots.append(exc)
                return
            label = source_label(item) if isinstance(item, os.PathLike) else "-"
            try:
                if isinstance(item, os.PathLike):
                    document = reader.read_path(Path(item), label)
                else:
                    document = document_from(item, label)
            except InspectxError as exc:
                slots.append(exc if errors == "raise" else ErrorRecord.of(label, exc))
                if errors == "raise":
                    return  # nothing after it is read
                continue
            slots.append(None)
            yield document

    def settled() -> Iterator[ErrorRecord]:
        """The error records (or the error) at the front, up to the next article."""
        while slots and slots[0] is not None:
            slot = slots.popleft()
            if isinstance(slot, Exception):
                raise slot
            yield slot

    for article in extract_documents(documents(), model=model):
        yield from settled()
        slots.popleft()
        yield article
    yield from settled()  # inputs after the last article that could be read


def _checked(items: Iterable) -> Iterator:
    """`items`, each checked to be text, bytes or a path; a text that names a file is warned of."""
    if isinstance(items, (str, bytes, os.PathLike)):
        raise TypeError("extract_many takes an iterable of articles; for one article use extract()")
    for item in items:
        if isinstance(item, str):
            if len(item) < 4096 and "\n" not in item and os.path.isfile(item):
                warnings.warn(
                    f"extract_many got the string {item!r}, which names a file: it is read as an "
                    "article's text; pass pathlib.Path(...) to read the file",
                    UserWarning,
                    stacklevel=3,
                )
        elif not isinstance(item, (bytes, bytearray, memoryview, os.PathLike)):
            raise TypeError(
                f"extract_many items are article texts (str), raw contents (bytes) or "
                f"pathlib.Path objects, not {type(item).__name__}"
            )
        yield item


def extract_documents(
    documents: Iterable[reader.Document], *, model: str | None = None, batch_size: int = 16
) -> Iterator[Article]:
    """Extract decoded documents, in order, through one loaded pipeline.

    An article that names no police force, no inspectorate and no inspection is not
    parsed at all (it cannot report an inspection): it is only tokenised and split into
    lines, so batches of unrelated articles cost little.
    """
    nlp = pipeline.build(model)
    extractor = Extractor("inspectx", __version__, models.model_label(model))

    def prepared() -> Iterator[tuple[reader.Document, str, bool, tuple[int, ...]]]:
        for document in documents:
            text, soft = cleaner.clean_with_breaks(document.text)
            if len(text) > nlp.max_length:
                raise InputTooLargeError(
                    f"{document.path}: {len(text)} characters after cleaning, more than the "
                    f"model's limit of {nlp.max_length}; split the article"
                )
            yield document, text, gazetteer.may_concern_policing(text), soft

    def user_data(document: reader.Document, soft: tuple[int, ...]) -> dict[str, Any]:
        # the page's own date: the base for "today", "in January"; the line breaks that
        # only wrap a paragraph of hard-wrapped text (see pipeline.set_line_starts)
        data: dict[str, Any] = {pipeline.SOFT_BREAKS: soft}
        if document.published:
            data["inspectx_published"] = document.published
        return data

    def docs(batch: list[tuple[reader.Document, str, bool, tuple[int, ...]]]) -> Iterator[tuple[Doc, tuple]]:
        for item in batch:
            document, text, parse, soft = item
            # an empty text keeps a skipped or long article's place in the stream at no cost
            long = len(text) > pipeline.SEGMENT_CHARS
            doc = nlp.make_doc(wrapping.unwrapped(text, soft) if parse and not long else "")
            doc.user_data.update(user_data(document, soft if parse and not long else ()))
            yield doc, item

    def article(
        doc: Doc, document: reader.Document, text: str, parse: bool, soft: tuple[int, ...]
    ) -> Article:
        if not parse:
            return assemble(_lines_only(nlp, text), document, extractor)
        if len(text) > pipeline.SEGMENT_CHARS:
            return assemble(
                pipeline.process_in_pieces(nlp, wrapping.unwrapped(text, soft), user_data(document, soft)),
                document,
                extractor,
            )
        return assemble(doc, document, extractor)

    stream = prepared()
    while batch := list(islice(stream, batch_size)):
        # strings the model meets in these articles are freed afterwards, so memory stays
        # flat however many articles a process handles (the records hold plain strings);
        # the lock keeps other threads out of the shared pipeline and its string store
        with pipeline.LOCK:
            pipeline.lasting_words(nlp).keep(text for _, text, parse, _ in batch if parse)
        with pipeline.LOCK, nlp.memory_zone():
            processed = nlp.pipe(docs(batch), as_tuples=True, batch_size=batch_size)
            articles = [article(doc, *item) for doc, item in processed]
        yield from articles


def _lines_only(nlp, text: str) -> Doc:
    """A tokenised Doc whose sentences are its lines, for articles that are not parsed."""
    return pipeline.set_line_starts(nlp.make_doc(text), within=-1)


def _source(document: reader.Document) -> Source:
    return Source(document.path, document.format, document.encoding, document.sha256, document.site)


def assemble(doc: Doc, document: reader.Document, extractor: Extractor) -> Article:
    """Build the record from a processed Doc (the cleaned article), its input, and what made it."""
    source = _source(document)
    # the model read hard-wrapped paragraphs with spaces for their line breaks; the record's
    # text keeps the lines, and a value taken from the text is taken from it as it is
    soft = doc.user_data.get(pipeline.SOFT_BREAKS) or ()
    read = gazetteer.text_of(doc)
    text = wrapping.rewrapped(read, soft)

    def verbatim(value: str, start: int, end: int) -> str:
        return text[start:end] if soft and read[start:end] == value else value

    people = doc._.people or []
    inspectorate = _inspectorate(doc, people)
    relevant = _relevant(doc, inspectorate, people)
    forces, main, national = _forces(doc, relevant, document.site, document.text)
    evidence = programme.find_programme(doc, national=national) if relevant else None
    mentions = doc._.date_mentions or []
    if evidence is not None:
        mentions = [m for m in mentions if not _other_programme(doc, m, evidence.programme)]
    picked = dates.pick(mentions)
    warnings: list[str] = list(document.warnings)
    if not relevant:
        picked["inspection"] = picked["previous_inspection"] = None
    if not forces:
        warnings.append("no police force is named")
    elif main is None and len(forces) > 1:
        warnings.append("several police forces are named and none is the article's subject")
    if document.published and _metadata_says_more(picked["published"], document.published):
        picked["published"] = dates.DateMention(
            document.published, 0, 0, None, None, None, None, None, role="published", value=document.published
        )
        where = "the e-mail's Date header" if document.format == "email" else "the page's metadata"
        warnings.append(f"published date from {where} (start and end are 0)")
    findings = doc._.findings if relevant else []
    return Article(
        source=source,
        relevant=relevant,
        title=document.title or _title(text, mentions),
        byline=document.byline or _byline_value(text),
        force=main,
        forces=forces,
        inspectorate=inspectorate if relevant else None,
        inspection=_inspection(evidence, verbatim),
        inspectors=[Inspector(p.name, p.title) for p in people if p.role == "inspector"] if relevant else [],
        people=[
            Person(p.name, p.title, p.organisation or _default_org(p.role, main), p.role)
            for p in people
            if p.role != "inspector"
        ],
        dates=Dates(**{k: _date_value(m, verbatim) for k, m in picked.items()}),
        improvements=[_to_finding(f, verbatim) for f in findings if f.polarity == "improvement"],
        concerns=[_to_finding(f, verbatim) for f in findings if f.polarity == "concern"],
        grades=_unique([_grade(g, main) for g in (doc._.grades or [])]) if relevant else [],
        quotes=[
            Quote(q.speaker.name if q.speaker else None, text[q.start : q.end], q.start, q.end)
            for q in (doc._.quotes or [])
        ],
        warnings=warnings,
        extractor=extractor,
        text=text,
    )


@cache
def _dateline_words() -> frozenset[str]:
    return frozenset(resources.load("dates")["dateline_words"]) | set(dates.WEEKDAY_NAMES)


def _title(text: str, mentions: list[dates.DateMention]) -> str | None:
    """The first line of the article that is not just a date ("date 2021-11-24" above the
    headline), an embargo notice or a release's label ("For immediate release"), a
    committee paper's label or meeting line ("Agenda Item
    7", "Police and Crime Panel - 12 March 2024"), a page's information bar of three cells
    or more with a date ("Newsroom | 08:00 bulletin | 17 June 2026 | Read by ..."), or a
    field of an e-mail's header, whose "Subject:" gives the title (as a paper's "Title:"
    does)."""
    pos = 0
    lines = text.split("\n")
    for n, line in enumerate(lines):
        end = pos + len(line)
        on_line = [m for m in mentions if pos <= m.start and m.end <= end]
        rest = line
        for m in on_line:
            rest = rest.replace(m.text, " ")
        words = {w.lower() for w in _WORD.findall(rest)} - _dateline_words()
        field = _MAIL_FIELD.match(line)
        if _EMBARGO.match(line):
            pass  # "Embargoed until 00:01 Tuesday 4 February": a release's notice, not its headline
        elif words and words <= _RELEASE_LABEL_WORDS:
            pass  # "PRESS RELEASE", "For immediate release: 12 August 2025": a release's label
        elif _PAPER_LABEL.match(line) or (on_line and _meeting_line(words)):
            pass  # "Agenda Item 7", "Report of the Chief Executive", "Police and Crime Panel - 12 March"
        elif _meeting_line(words) and _PAPER_LABEL.match(next((x for x in lines[n + 1 :] if x.strip()), "")):
            pass  # "DERBYSHIRE POLICE AND CRIME PANEL" above "Agenda Item 7": the meeting's name
        elif _AGENCY_FIELD.match(line) or _FROM_OFFICE.match(line):
            pass  # "FOR USE: TUESDAY 3 MARCH", "WORDS: 300", "From the office of Jo Bloggs MP"
        elif on_line and len(_BAR_CELLS.split(line.strip())) >= 3:
            pass  # "Newsroom | 08:00 bulletin | Wednesday 17 June 2026 | Read by ...": a page's bar
        elif field is not None:
            value = _unquoted(line[field.end() :].strip())
            if field.group(1).lower() in _TITLE_FIELDS and value:
                return _headline_of(value)  # an e-mail's subject, a paper's title, front matter's title
        elif line.strip() and not (on_line and not words):
            if _masthead(line) and _headline_follows(lines[n + 1 :]):
                pass  # "Counting What Counts - a criminology blog", "POLICE Gwent": above the headline
            else:
                return _headline_of(cleaner.unmarked(line) or line)  # `text` keeps the Markdown
        pos = end + 1
    return None


#: Nouns that name a publication, on a masthead line above the headline ("Parish Newsletter
#: of ...", "The magazine for custody professionals", "Counting What Counts - a criminology blog").
_PUBLICATION_NOUNS = frozenset({"newsletter", "bulletin", "magazine", "blog", "journal", "digest", "podcast"})
#: Last words of an organisation's name set as a masthead ("West Midlands Police Federation").
_BODY_NOUNS = frozenset({"federation", "association", "union", "society", "network", "partnership"})
#: A publication's issue ("Issue 47", "June 2025 issue").
_ISSUE = re.compile(r"\b(?:issue\s+(?:no\.?\s*)?\d+|\d{4}\s+issue)\b", re.IGNORECASE)
#: A byline or a reader's credit below the headline ("By Jo Smith", "Posted on ...", "Read by: ...").
_CREDIT_LINE = re.compile(r"^\W*(?:by|posted|written|read by|presented by)\b", re.IGNORECASE)
#: A news agency's catchline: a subject word in capitals and a word or two ("POLICE Gwent").
_CATCHLINE = re.compile(r"^[A-Z]{3,}(?:\s+[A-Z][a-z][\w'-]*){1,2}$")


def _masthead(line: str) -> bool:
    """Is the line a publication's or organisation's name, or an agency's catchline, set
    above the headline rather than the headline itself? (Short, and named by a publication
    noun, an organisation's last word, or the catchline's form.)"""
    words = _WORD.findall(line)
    if not words or len(words) > 12:
        return False
    lowered = [w.lower() for w in words]
    if _CATCHLINE.match(line.strip()):
        return True
    if _PUBLICATION_NOUNS & set(lowered) or _ISSUE.search(line):
        return True
    named = all(w[:1].isupper() or w in ("of", "and", "for", "the") for w in words)
    return named and len(words) <= 6 and lowered[-1] in _BODY_NOUNS


def _headline_follows(lines: list[str]) -> bool:
    """Is there a line among the next few that could be the headline (four to twenty words,
    no full stop at its end, no masthead, byline or cell bar of its own)?"""
    for line in [x for x in lines if x.strip()][:4]:
        words = _WORD.findall(line)
        if _CREDIT_LINE.match(line):
            return False  # the byline: the story starts
        headline = 4 <= len(words) <= 20 and not line.rstrip().endswith(".")
        if headline and not _masthead(line) and not _BAR_CELLS.search(line):
            return True
    return False


#: A news agency's fields above its copy ("FOR USE: TUESDAY 3 MARCH 2026", "WORDS: 300",
#: "SLUG: POLICE-INSPECTION").
_AGENCY_FIELD = re.compile(r"^\W*(?:for use|words|slug|catchline|pix|pictures?|moved)\s*:", re.IGNORECASE)
#: A release's sender line ("From the office of Jo Bloggs MP", "Issued on behalf of the office of ...").
_FROM_OFFICE = re.compile(r"^\W*(?:from|issued (?:by|on behalf of))\s+the\s+office\s+of\b", re.IGNORECASE)


#: What separates the cells of a page's information bar (section, time, date, byline).
_BAR_CELLS = re.compile(r"\s+[|\u2022\u00b7]\s+")


def _unquoted(value: str) -> str:
    """A field's value without the quotation marks around the whole of it, as a Markdown
    file's YAML front matter writes a title (`title: "Force praised"`)."""
    if len(value) > 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace('\\"', '"') if value[0] == '"' else inner.replace("''", "'")
    return value


#: The longest first line taken whole as the title; a longer one is a paragraph (an article
#: pasted on one line), whose first sentence is the title.
TITLE_CHARS = 200


def _headline_of(line: str) -> str:
    """The title a first line gives: itself, or for a paragraph its first sentence (cut at
    TITLE_CHARS, at a word, with an ellipsis, when even that is longer), without a mail
    program's reply or forward prefix ("Fwd: ", "RE: ")."""
    line = reader.MAIL_PREFIX.sub("", line) or line
    if len(line) <= TITLE_CHARS:
        return line
    first = next(iter(cleaner.split_sentences(line)), line)
    if len(first) <= TITLE_CHARS:
        return first
    return first[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;: ") + "\u2026"


#: The words of a release's label line, not its headline ("PRESS RELEASE", "For immediate
#: release: 12 August 2025", "NEWS RELEASE - FOR IMMEDIATE RELEASE").
_RELEASE_LABEL_WORDS = frozenset({"press", "news", "media", "release", "for", "immediate", "notice"})
#: A press release's embargo notice ("EMBARGOED UNTIL 00:01 ...", "Embargo: ...").
_EMBARGO = re.compile(
    r"^\W*(?:embargo(?:ed)?|under embargo|not for (?:publication|release)|draft\s*[-\u2013\u2014:])",
    re.IGNORECASE,
)
#: A field of an e-mail's header pasted above its text ("Sent: 3 March 2026 10:14"), or of
#: a committee paper's cover ("Title: ...", "Report title: ...").
_MAIL_FIELD = re.compile(
    r"^\s*(from|sent|date|to|cc|bcc|reply-to|importance|subject|title|report title)\s?:\s*", re.IGNORECASE
)
#: A committee paper's labels above its title: "Agenda Item 7", "Item 4b", "Appendix A",
#: "Report of the Chief Executive", "Page 12".
_PAPER_LABEL = re.compile(
    r"^\W*(?:(?:agenda\s+)?item\s*:?\s*(?:no\.?\s*)?\d+[a-z]?|appendix\s+\w{1,3}|annex\s+\w{1,3}|page\s+\d+"
    r"|report\s+(?:of|by|from)\s*:?\s*.{3,80})\W*$",
    re.IGNORECASE,
)
#: The header fields whose value is the title: an e-mail's subject, a paper's title.
_TITLE_FIELDS = frozenset({"subject", "title", "report title"})
#: The words of a meeting's name on a committee paper's cover ("Police and Crime Panel -
#: 12 March 2024"; see `_meeting_line`).
_MEETING_WORDS = frozenset(
    {"panel", "committee", "board", "cabinet", "council", "meeting", "scrutiny", "audit", "authority", "sub"}
)
_FILLER = frozenset(
    {"police", "and", "crime", "of", "the", "joint", "performance", "accountability", "ethics"}
)


def _meeting_line(words: set[str]) -> bool:
    """Are a dated line's other words a meeting's name ("Police and Crime Panel", "Meeting
    of the Police, Fire and Crime Panel on"): a meeting word, and at most two words of
    another kind ("Council meeting on 3 March hears force criticised" is a headline)?"""
    return bool(words & _MEETING_WORDS) and len(words - _FILLER - _MEETING_WORDS) <= 2


def _inspection(evidence: programme.ProgrammeEvidence | None, verbatim: _Verbatim) -> Inspection:
    if evidence is None:
        return Inspection()
    if evidence.span is None:
        return Inspection(evidence.programme)
    start, end = evidence.span.start_char, evidence.span.end_char
    return Inspection(evidence.programme, verbatim(evidence.span.text, start, end), start, end)


#: Programmes whose inspection may be of any kind (a force is moved into enhanced monitoring
#: after a PEEL or any other inspection).
_ANY_INSPECTION = ("engage_monitoring", "thematic", "other")


def _other_programme(doc: Doc, mention: dates.DateMention, chosen: str) -> bool:
    """Is this date told of another inspection ("a PEEL assessment in December" in an
    article about a child protection inspection)?"""
    if mention.role not in ("inspection", "previous") or chosen in _ANY_INSPECTION:
        return False
    near = programme.programmes_near(doc, mention.start)
    return bool(near) and chosen not in near


def _metadata_says_more(mention: dates.DateMention | None, iso: str) -> bool:
    """Does the page's metadata date `iso` say more than the text's own date: the text has
    none, or a less precise one that the metadata agrees with, or only a dateline? A
    release the text dates ("In December 2025 the inspectorate published ...") stands
    against a later page date (the page's own update)."""
    if mention is None or mention.value is None:
        return True
    if len(mention.value) >= len(iso):
        return False
    return mention.role != "published" or iso.startswith(mention.value)


def _default_org(role: str | None, main: Force | None) -> str | None:
    return main.name if role == "force" and main else None


#: A value taken from the text as the record's text has it: (value, start, end) -> value.
_Verbatim = Callable[[str, int, int], str]


def _grade(g, main: Force | None) -> Grade:
    """The record's grade: the force its sentence names, else the article's."""
    named = gazetteer.forces()[g.force].name if g.force is not None else None
    return Grade(g.area, g.grade, named or (main.name if main is not None else None))


def _unique(grades: list[Grade]) -> list[Grade]:
    """The grades without repeats, the first of each kept: the same area in any case, grade
    and force ("Responding to the public" in a table, "responding to the public" in the
    story, one naming the force and one not)."""
    seen: dict[tuple[str, str, str | None], Grade] = {}
    for g in grades:
        seen.setdefault((g.area.lower(), g.grade, g.force), g)
    return list(seen.values())


def _to_finding(f, verbatim: _Verbatim) -> Finding:
    return Finding(verbatim(f.text, f.start, f.end), f.sentence, f.start, f.end)


def _date_value(m: dates.DateMention | None, verbatim: _Verbatim) -> DateValue | None:
    if m is None or m.value is None:
        return None
    return DateValue(m.value, verbatim(m.text, m.start, m.end) if m.text else m.text, m.start, m.end)


def _masthead_force(raw: str) -> str | None:
    """A line of the raw input that is only a force's name ("Cheshire Police" above each
    post of a force's thread, a force site's masthead): the cleaner drops it as furniture,
    but it says whose page this is. The first such line, or None."""
    for line in raw.splitlines():
        words = line.split()
        if 0 < len(words) <= 6 and gazetteer.force_named(line) is not None:
            return line.strip()
    return None


def _forces(doc: Doc, relevant: bool, site: str | None, raw: str) -> tuple[list[Force], Force | None, bool]:
    """Every force mentioned, the one the article is about (None if none leads), and
    whether the article is national (several forces or a national report, none leading).
    A page that names no force in its text but is on a force's own site (its metadata's
    site name, "Dyfed-Powys Police", or a masthead line that is only a force's name)
    speaks for that force ("we were judged good ...")."""
    entries = gazetteer.forces()
    spans = gazetteer.spans(doc, "FORCE", "PLACE")
    national_cue = bool(gazetteer.spans(doc, "NATIONAL"))
    if not spans:
        site = site or (_masthead_force(raw) if relevant else None)
        own = gazetteer.force_named(site) if relevant and site else None
        if own is not None:
            force = Force(own.name, own.id, [site])
            return [force], force, False
        return [], None, national_cue
    ranking = gazetteer.rank_forces(doc)
    forces = [Force(entries[k].name, entries[k].id, ranking.mentions[k]) for k in ranking.order]
    best = ranking.ranked[0]
    if ranking.leader is None:
        return forces, None, True
    if not relevant and best not in ranking.named:
        return forces, None, False  # "a speech in Durham" names a place, not a force
    main_mentions = list(ranking.mentions[best])
    for match in _THE_FORCE.finditer(gazetteer.text_of(doc)):
        if match.group() not in main_mentions:
            main_mentions.append(match.group())
    main = Force(entries[best].name, entries[best].id, main_mentions)
    return forces, main, False


@cache
def _policing_era() -> tuple[int, str, str]:
    data = resources.load("inspectorates")
    return data["policing_renamed_year"], data["policing_before"], data["policing_after"]


def _inspectorate(doc: Doc, people) -> Inspectorate | None:
    """The inspecting body: the policing inspectorate named most, counting inspectors' titles;
    another body (prisons, probation, Ofsted, CQC) only when no policing inspectorate is
    named, so a joint custody inspection with HMI Prisons is the policing inspectorate's.
    In a Scottish article (HMICS or a Scottish force named) a policing title, or "HM
    Inspectorate of Constabulary", means HMICS."""
    bodies = gazetteer.inspectorates()
    counts: Counter[str] = Counter(s.id_ for s in gazetteer.spans(doc, "INSPECTORATE"))
    entries = gazetteer.forces()
    scottish = "HMICS" in counts or any(
        entries[s.id_].country == "scotland" for s in gazetteer.spans(doc, "FORCE") if s.id_ in entries
    )
    _, before, after = _policing_era()
    if scottish and before in counts:
        # "a report by HM Inspectorate of Constabulary" on Strathclyde Police
        counts["HMICS"] += counts.pop(before)
    if before in counts and _era(doc, "policing") == after:
        counts[after] += counts.pop(before)  # "HM Inspectorate of Constabulary" in a 2024 story
    for person in people:
        if person.role == "inspector" and person.implies:
            counts["HMICS" if scottish and person.implies == "policing" else _era(doc, person.implies)] += 1
    if not counts:
        # an inspector's title with no name ("His Majesty's Chief Inspector of Constabulary
        # said ..."), or the inspectorate described ("the police inspectorate found ...")
        titles = gazetteer.titles()
        implied = [titles[int(s.id_)].implies for s in gazetteer.spans(doc, "TITLE")]
        # (or a PEEL assessment named: only the policing inspectorate of England and Wales makes one)
        peel = any(s.id_ == "peel" for s in gazetteer.spans(doc, "PROGRAMME"))
        implied = [i for i in implied if i] or (
            ["policing"] if peel or _describes_the_inspectorate(doc) else []
        )
        for implies in implied:
            counts["HMICS" if scottish and implies == "policing" else _era(doc, implies)] += 1
    if not counts:
        return None
    acronym = max(counts, key=lambda a: (bool(bodies[a].get("policing")), counts[a], -list(counts).index(a)))
    return Inspectorate(acronym, bodies[acronym]["name"])


def _describes_the_inspectorate(doc: Doc) -> bool:
    """Does the article describe the policing inspectorate without naming it ("the police
    inspectorate found ...": inspectorates.json policing_described)?"""
    text = " ".join(gazetteer.text_of(doc).lower().split())
    return any(re.search(rf"\b{re.escape(p)}\b", text) for p in _policing_described())


@cache
def _policing_described() -> tuple[str, ...]:
    return tuple(resources.load("inspectorates")["policing_described"])


def _era(doc: Doc, implies: str) -> str:
    """The inspectorate an inspector's title or a description implies: the policing one of
    the article's era, by the latest year it names or "His Majesty's" (since 2022):
    HMICFRS from the 2017 renaming, HMIC before it and when no year says (an undated
    article is as often an old one)."""
    if implies != "policing":
        return implies
    renamed, before, after = _policing_era()
    years = [int(y) for y in _YEAR.findall(gazetteer.text_of(doc))]
    if "his majesty" in gazetteer.text_of(doc).lower().replace("\u2019", "'") or (
        years and max(years) >= renamed
    ):
        return after
    return before


@cache
def _inspection_words() -> frozenset[str]:
    return frozenset(resources.load("programmes")["inspection_words"])


def _an_inspection_word(token) -> bool:
    """Is the token a word of inspecting (data/programmes.json `inspection_words`), or the
    inspectorate's "enhanced monitoring" of a force ("HMICFRS has released the force from
    enhanced monitoring"), which only follows an inspection?"""
    if token.lower_ in _inspection_words():
        return True
    return token.lower_ == "monitoring" and token.i > 0 and token.doc[token.i - 1].lower_ == "enhanced"


_INSPECTING_VERBS = frozenset(
    {"inspected", "re-inspected", "reinspected", "revisited", "graded", "rated", "assessed"}
)
#: words that put an inspection in the future: "ahead of its next inspection, expected later this year"
_FUTURE = frozenset(
    {"next", "upcoming", "forthcoming", "ahead", "will", "would", "expected", "due", "later", "plans"}
)


#: Verbs of a sentence that tells of a post, not an inspection: "has appointed X as one
#: of His Majesty's Inspectors of Constabulary", "will join the inspectorate".
_APPOINTING = frozenset(
    {"appointed", "appoints", "appoint", "named", "joins", "joined", "join", "nominated", "retires"}
)

_NOT_YET = frozenset({"future", "next", "planned", "possible", "upcoming", "forthcoming", "proposed"})


def _of_inspection(token, bodies: frozenset[int]) -> bool:
    """Is the noun an inspection's: "the inspectorate's findings", "the findings of the
    report", "HMICFRS findings"?"""
    nouns = findings.attribution.inspection_nouns()
    owners = [c for c in token.children if c.dep_ in ("poss", "compound")]
    owners += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(o.lower_ in nouns or o.i in bodies for o in owners)


def _reports_inspecting(token, bodies: frozenset[int]) -> bool:
    """Does `token` speak of an inspection that has taken place: an inspection word (a noun,
    a verb of inspecting, or "found"/"reported" said by inspectors or an inspectorate, whose
    token indices are `bodies`; not "report" or "found" in their everyday senses) in a
    sentence that does not put it in the future?"""
    if not _an_inspection_word(token):
        return False
    if gazetteer.sentence_of(token.doc, token.i).root.lower_ in _APPOINTING:
        return False  # "X has been appointed as one of His Majesty's Inspectors of Constabulary"
    if token.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in token.children):
        return False  # "the force has not been inspected on its response to stalking"
    if _to_come(token):
        return False
    if token.lower_ in ("findings", "finding") and not _of_inspection(token, bodies):
        return False  # "these are our findings" (a charity's survey), not an inspection's
    if token.pos_ in ("VERB", "AUX") and token.lower_ not in _INSPECTING_VERBS:  # said by inspectors
        inspecting = findings.attribution.inspection_nouns()
        return any(c.lower_ in inspecting or c.i in bodies for c in _subjects(token))
    return True


def _subjects(verb) -> list:
    """The subjects of `verb`, or of the verb it is coordinated with when it has none of its
    own ("HMICFRS examined the suites and | found that ...": HMICFRS found)."""
    while True:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subjects
        verb = verb.head


def _relevant(doc: Doc, inspectorate: Inspectorate | None, people) -> bool:
    """Does the article report an inspection of the police? An inspectorate or inspector
    named with words that report one (not an appointment, a budget or a speech), or, with
    none named, a sentence that relays an inspection's judgement ("inspectors found ...",
    "we were judged ...") in an article that gave findings or grades. Not an inspection
    of another service (see `_of_another_service`), nor, in an article without findings
    or grades, one whose first mention puts it in the future ("HMICFRS will inspect the
    force next spring"): what follows is about the inspection to come."""
    if _of_another_service(doc, inspectorate, people):
        return False
    judged = bool(doc._.findings or doc._.grades)
    if inspectorate is not None or any(p.role == "inspector" for p in people):
        titles = gazetteer.token_indices(doc, "TITLE", "INSPECTORATE")
        bodies = gazetteer.token_indices(doc, "INSPECTORATE")
        words = [t for t in doc if t.i not in titles and _an_inspection_word(t)]
        if not judged and words and _to_come(words[0]):
            return False
        return any(_reports_inspecting(t, bodies) for t in words) or _relays_a_finding(doc)
    return bool(doc._.inspection_relayed) and judged and not _by_others_only(doc)


def _relays_a_finding(doc: Doc) -> bool:
    """Does a sentence that holds a finding pass it on from the inspection, with no other
    word of inspecting in it ("HMICFRS has warned that the force is too slow to answer
    calls", "The force was praised by HMICFRS for ...": `attribution.relays`), not as
    something still to come or denied ("HMICFRS is expected to look at ... again")?"""
    for finding in doc._.findings or []:
        span = doc.char_span(finding.start, finding.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        if _to_come(sent.root) or any(c.dep_ == "neg" for c in sent.root.children):
            continue
        if findings.attribution.relays(doc, sent):
            return True
    return False


def _inspection_agents(token) -> list:
    """The agents an inspection noun names: "an inspection of the van by the force's
    vehicle examiners", "an audit carried out by the professional standards department"."""
    heads = [token, *(c for c in token.children if c.dep_ == "acl")]
    return [
        g
        for h in heads
        for c in h.children
        if c.dep_ in ("prep", "agent") and c.lower_ == "by"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _by_others_only(doc: Doc) -> bool:
    """In an article that names no inspectorate: is every inspection it names one carried out
    by someone else (vehicle examiners, a force's own professional standards department,
    an auditor), none by inspectors or a watchdog? Then its "inspectors found ..." are
    theirs, not a police inspection's (a court report, an inquest)."""
    agents = [
        a
        for t in doc
        if t.pos_ in ("NOUN", "PROPN") and t.lower_.startswith(("inspection", "audit", "review", "check"))
        for a in _inspection_agents(t)
    ]
    inspecting = findings.attribution.inspection_nouns()  # inspectors, inspectorate, watchdog ...
    return bool(agents) and not any(w.lower_ in inspecting for a in agents for w in a.subtree)


def _to_come(token) -> bool:
    """Does an inspection word speak of an inspection still to come: in a sentence that
    puts it in the future ("will inspect", "ahead of its next inspection"), with a modifier
    that does ("a future inspection"), or as what someone is to do ("to face an
    inspection", "appointed to lead an inspection of the force")?"""
    return (
        any(t.lower_ in _FUTURE for t in gazetteer.sentence_of(token.doc, token.i))
        or any(c.dep_ == "amod" and c.lower_ in _NOT_YET for c in token.children)
        or token.dep_ in ("dobj", "pobj")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.head.children)
    )


#: A fire and rescue service's name or its common short forms.
_FIRE_SERVICE = re.compile(
    r"\bfire (?:and|&) rescue (?:service|authority)\b|\bfire (?:service|brigade)\b", re.IGNORECASE
)
#: How many sentences open an article (its headline and lede) for what it is about.
_LEDE_SENTENCES = 3
#: Custody, which HM Inspectorate of Prisons inspects at police forces (with HMICFRS) as
#: well as in prisons.
_CUSTODY = re.compile(r"\bcustody\b", re.IGNORECASE)


def _of_another_service(doc: Doc, inspectorate: Inspectorate | None, people) -> bool:
    """Is the inspection of another public service, not the police: one by a body that
    does not inspect policing alone (prisons, probation, Ofsted, CQC: `_inspectorate`
    picks one only when no policing inspectorate is named) with no policing inspector and
    no custody at a police force named as such in the story; or one of a fire and rescue
    service (HMICFRS inspects both) in an article that names no police force, or names one
    only after an opening (headline and lede, `_LEDE_SENTENCES`) that names the fire
    service and no police force ("The brigade shares a headquarters with Cleveland Police"
    at the end is no inspection of the police)?"""
    text = gazetteer.text_of(doc)
    policing_inspector = any(p.role == "inspector" and p.implies == "policing" for p in people)
    body = gazetteer.inspectorates()[inspectorate.acronym] if inspectorate is not None else {}
    if inspectorate is not None and not body.get("policing"):
        police_custody = bool(_CUSTODY.search(text)) and bool(gazetteer.spans(doc, "FORCE"))
        return not policing_inspector and not police_custody
    if body.get("beyond_policing"):
        # CJI inspects prisons, prosecutors and youth justice too: "An inspection of
        # Maghaberry Prison by CJI found ..." is no police inspection, whatever the PSNI
        # says of it further down
        return not _police_in_opening(doc)
    if not _FIRE_SERVICE.search(text):
        return False
    if not gazetteer.spans(doc, "FORCE", "PLACE"):
        return True
    lede = list(islice(doc.sents, _LEDE_SENTENCES)) if doc.has_annotation("SENT_START") else []
    if not lede:
        return False
    end = lede[-1].end
    # the police as the fire service's partner ("worked well with Durham Constabulary") are
    # no police inspected
    police_in_lede = _force_named_before(doc, end)
    return not police_in_lede and bool(_FIRE_SERVICE.search(text[: lede[-1].end_char]))


def _police_in_opening(doc: Doc) -> bool:
    """Does the article's opening (its headline and first two sentences of story, past any
    header lines: "Press release", a date) speak of the police: a force named other than
    as a partner, or the word "police" or "policing"?"""
    if not doc.has_annotation("SENT_START"):
        return True
    end, told = 0, 0
    for n, sent in enumerate(doc.sents):
        end = sent.end
        told += n > 0 and _of_the_story(sent)
        if told == 2:
            break
    return _force_named_before(doc, end) or any(t.lower_ in ("police", "policing") for t in doc[:end])


def _of_the_story(sent: Span) -> bool:
    """Is the sentence one of the story, not a header line ("Press release", "Home |
    Inspections | Contact", a date): some words, a finite verb, and a full stop or quote
    mark at its end?"""
    words = sum(t.is_alpha for t in sent)
    finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sent)
    ends = sent.text.rstrip()[-1:] in ".!?\"\u201d\u2019'"
    return words >= _STORY_WORDS and finite and ends


#: Words a sentence of story has at least.
_STORY_WORDS = 6


def _force_named_before(doc: Doc, end: int) -> bool:
    """Is a force named before token `end`, other than as another body's partner?"""
    return any(span.start < end and not _a_partner(span) for span in gazetteer.spans(doc, "FORCE"))


def _a_partner(span) -> bool:
    """Is the named force what another body works with ("with Durham Constabulary",
    "alongside the police")?"""
    return span.root.dep_ == "pobj" and span.root.head.lower_ in ("with", "alongside", "beside")


def _byline_value(text: str) -> str | None:
    found = byline.find_byline(text)
    return found.value if found else None
