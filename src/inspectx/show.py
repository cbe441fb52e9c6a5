"""`inspectx show`: the cleaned article with every extracted value marked where it came from.

`marks(record)` turns a record into labelled character ranges of its `text`: the values
with offsets (dates, findings, quotes, the programme) where the record puts them, and
the values without (force and other forces, inspectorate, inspectors and other people,
grades, quote speakers) where their words occur. `html_page` draws them with spaCy's
displaCy span visualiser (`style="span"`) inside a small self-contained page (inline
CSS, no scripts, fonts or links out); `print_terminal` prints them with rich.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePath
from typing import Any

from inspectx import resources
from inspectx.cleaner import Line
from inspectx.output import printable

#: Label -> colour, in the order of the legend. Every label has its own colour.
COLORS = {
    "FORCE": "#7aecec",
    "OTHER FORCE": "#c9d6f7",
    "INSPECTORATE": "#bfe1d9",
    "PROGRAMME": "#e8c6f0",
    "INSPECTOR": "#aa9cfc",
    "PERSON": "#d9d9d9",
    "SPEAKER": "#feca74",
    "PUBLISHED": "#fff27a",
    "INSPECTION DATE": "#ff9561",
    "PREVIOUS INSPECTION": "#f0b7a8",
    "IMPROVEMENT": "#8fe38f",
    "CONCERN": "#ff7c7c",
    "GRADE": "#c8b27a",
    "QUOTE": "#a6d0ff",
}
#: rich styles for the terminal, one per label.
TERMINAL_STYLES = {
    "FORCE": "bold cyan",
    "OTHER FORCE": "cyan",
    "INSPECTORATE": "bold green",
    "PROGRAMME": "magenta",
    "INSPECTOR": "bold blue",
    "PERSON": "blue",
    "SPEAKER": "bold yellow",
    "PUBLISHED": "black on yellow",
    "INSPECTION DATE": "black on dark_orange",
    "PREVIOUS INSPECTION": "black on tan",
    "IMPROVEMENT": "black on green",
    "CONCERN": "white on red",
    "GRADE": "bold underline",
    "QUOTE": "italic",
}
_DATE_LABELS = {
    "published": "PUBLISHED",
    "inspection": "INSPECTION DATE",
    "previous_inspection": "PREVIOUS INSPECTION",
}
_GRADE_WORDS = {"requires improvement": r"requir\w* improvement"}
_GRADE_CONTEXT = re.compile(r"\b(?:grad|rat|judg|assess|overall)", re.IGNORECASE)

# displaCy's span templates without the whitespace between tokens (so "online," is not
# shown as "online ,"), and with class names a test or a stylesheet can find.
_TEMPLATE = {
    "span": '<span class="tok" style="display: inline-block; position: relative; '
    'height: {total_height}px;">{text}{span_slices}{span_starts}</span>',
    "slice": '<span class="slice" style="background: {bg}; top: {top_offset}px; height: 4px; '
    'left: 0; width: 100%; position: absolute;"></span>',
    "start": '<span class="start" style="background: {bg}; top: {top_offset}px; height: 4px; '
    "border-top-left-radius: 3px; border-bottom-left-radius: 3px; left: 0; width: 100%; "
    'position: absolute;"><span class="label" style="background: {bg}; z-index: 10; color: #000; '
    "top: -0.5em; padding: 2px 3px; position: absolute; font-size: 0.6em; font-weight: bold; "
    'line-height: 1; border-radius: 3px; white-space: nowrap;">{label}{kb_link}</span></span>',
}


@dataclass(frozen=True, order=True)
class Mark:
    """One labelled character range of the cleaned text."""

    start: int
    end: int
    label: str


def marks(record: dict[str, Any]) -> list[Mark]:
    """Every extracted value of `record` (which must carry `text`) as marks, in text order.

    Values with offsets are marked where the record says; names (forces, inspectorate,
    people, speakers) wherever they occur as whole words; a grade where its words occur in
    a line that names its area (or, for an overall grade, that speaks of grading).
    """
    text = record.get("text") or ""
    found: set[Mark] = set()

    def add(start: int, end: int, label: str) -> None:
        if 0 <= start < end <= len(text):
            found.add(Mark(start, end, label))

    for name, label in _DATE_LABELS.items():
        value = (record.get("dates") or {}).get(name)
        if value and value["end"] > value["start"]:
            add(value["start"], value["end"], label)
    for key, label in (("improvements", "IMPROVEMENT"), ("concerns", "CONCERN")):
        for finding in record.get(key) or []:
            add(finding["start"], finding["end"], label)
    for quote in record.get("quotes") or []:
        add(quote["start"], quote["end"], "QUOTE")
    inspection = record.get("inspection")
    if isinstance(inspection, dict):
        start, end = inspection.get("start"), inspection.get("end")
        if isinstance(start, int) and isinstance(end, int) and end > start:  # null: no evidence span
            add(start, end, "PROGRAMME")
    force = record.get("force") or {}
    for mention in force.get("mentions") or []:
        for start, end in _occurrences(text, mention, ignore_case=mention[:1].islower()):
            add(start, end, "FORCE")
    for other in record.get("forces") or []:
        if (other.get("name"), other.get("id")) != (force.get("name"), force.get("id")):
            for mention in other.get("mentions") or []:
                for start, end in _occurrences(text, mention):
                    add(start, end, "OTHER FORCE")
    inspectorate = record.get("inspectorate")
    if inspectorate:
        for name in _inspectorate_names(inspectorate["acronym"], inspectorate["name"]):
            for start, end in _occurrences(text, name, ignore_case=" " in name):
                add(start, end, "INSPECTORATE")
    people = [(p["name"], "INSPECTOR") for p in record.get("inspectors") or []]
    people += [(p["name"], "PERSON") for p in record.get("people") or []]
    for name, label in people:
        for start, end in _name_occurrences(text, name):
            add(start, end, label)
    for quote in record.get("quotes") or []:
        if quote.get("speaker"):
            nearest = _speaker_mention(text, quote["speaker"], quote["start"], quote["end"])
            if nearest:
                add(*nearest, "SPEAKER")
    for grade in record.get("grades") or []:
        for start, end in _grade_occurrences(text, grade["area"], grade["grade"]):
            add(start, end, "GRADE")
    return _drop_contained(sorted(found))


def _drop_contained(found: list[Mark]) -> list[Mark]:
    """A name inside a longer mark of the same label ("Police" in "Durham Police") is dropped."""
    return [
        m
        for m in found
        if not any(o != m and o.label == m.label and o.start <= m.start and m.end <= o.end for o in found)
    ]


def _pattern(phrase: str) -> str:
    return "['\u2019]".join(re.escape(part) for part in re.split("['\u2019]", phrase))


def _occurrences(text: str, phrase: str, *, ignore_case: bool = False) -> list[tuple[int, int]]:
    """Whole-word occurrences of `phrase` (straight and curly apostrophes alike)."""
    if not phrase.strip():
        return []
    flags = re.IGNORECASE if ignore_case else 0
    pattern = re.compile(rf"(?<!\w){_pattern(phrase)}(?!\w)", flags)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _name_occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """The full name, and the surname alone ("Mr Gormley said") where it is not part of it."""
    spans = _occurrences(text, name)
    parts = name.split()
    if len(parts) > 1 and len(parts[-1]) > 2:
        for start, end in _occurrences(text, parts[-1]):
            if not any(s <= start and end <= e for s, e in spans):
                spans.append((start, end))
    return spans


def _speaker_mention(text: str, speaker: str, start: int, end: int) -> tuple[int, int] | None:
    """The speaker's name nearest the quote, in its line or the line before, outside the quote."""
    line_start = text.rfind("\n", 0, start) + 1
    window_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1 if line_start else 0
    window_end = text.find("\n", end)
    window_end = len(text) if window_end == -1 else window_end
    candidates = [
        (s, e)
        for s, e in _name_occurrences(text, speaker)
        if window_start <= s and e <= window_end and (e <= start or s >= end)
    ]
    return min(candidates, key=lambda se: min(abs(se[0] - end), abs(start - se[1])), default=None)


def _grade_occurrences(text: str, area: str, grade: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<!\w){_GRADE_WORDS.get(grade, re.escape(grade))}(?!\w)", re.IGNORECASE)
    words = [w for w in re.findall(r"[a-z]+", area.lower()) if len(w) > 2]
    out = []
    offset = 0
    for line in text.split("\n"):
        low = line.lower()
        named = _GRADE_CONTEXT.search(line) if area == "overall" else all(w in low for w in words)
        if named:
            out += [(offset + m.start(), offset + m.end()) for m in pattern.finditer(line)]
        offset += len(line) + 1
    return out


@cache
def _all_inspectorate_names() -> dict[str, tuple[str, ...]]:
    bodies = resources.load("inspectorates")["inspectorates"]
    return {body["acronym"]: tuple(body["names"]) for body in bodies}


def _inspectorate_names(acronym: str, name: str) -> list[str]:
    names = [acronym, name, *_all_inspectorate_names().get(acronym, ())]
    return list(dict.fromkeys(n for n in names if not n.endswith(("'s", "\u2019s"))))


# --- HTML ----------------------------------------------------------------------------------

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="inspectx {version}">
<title>{title}</title>
<style>
body {{ margin: 0; font-family: system-ui, sans-serif; color: #222; background: #fff; }}
header.page {{ padding: 0.6em 1.2em; background: #f4f4f4; border-bottom: 1px solid #ddd; }}
header.page h1 {{ font-size: 1.1em; margin: 0; }}
ul.legend {{ list-style: none; margin: 0.4em 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3em; }}
ul.legend li {{ font-size: 0.75em; font-weight: bold; padding: 2px 6px; border-radius: 3px; }}
nav.toc {{ padding: 0.4em 1.2em; }}
article {{ display: flex; gap: 1.5em; padding: 1em 1.2em; border-bottom: 2px solid #ddd; }}
article .text {{ flex: 3; min-width: 0; }}
article aside {{ flex: 1; min-width: 16em; font-size: 0.85em; background: #fafafa; border: 1px solid #e4e4e4;
  padding: 0.6em 0.9em; align-self: flex-start; position: sticky; top: 0; }}
article h2 {{ font-size: 1em; margin: 0 0 0.5em; word-break: break-all; }}
aside dt {{ font-weight: bold; margin-top: 0.5em; }}
aside dd {{ margin: 0 0 0 0.8em; }}
aside ul {{ margin: 0; padding-left: 1.1em; }}
.spans {{ margin: 0 0 0.2em; }}
p.dropped {{ color: #9a9a9a; margin: 0.2em 0; font-size: 0.9em; }}
p.dropped .rule {{ font-size: 0.75em; border: 1px solid #ccc; border-radius: 3px; padding: 0 4px;
  margin-right: 0.5em; }}
p.error {{ color: #a00; font-weight: bold; }}
</style>
</head>
<body>
<header class="page"><h1>{heading}</h1>
<ul class="legend">{legend}</ul>
</header>
{toc}
{articles}
</body>
</html>
"""


def html_page(items: Sequence[tuple[dict[str, Any], list[Line]]], *, with_boilerplate: bool = False) -> str:
    """One self-contained HTML page for these (record, classified raw lines) pairs.

    The record must carry `text` (`--include-text`); the lines are `cleaner.classify` of the
    input, so removed lines can be shown greyed out with their rule (`with_boilerplate`).
    Several articles get a table of contents. Error records are shown as their error.
    """
    from inspectx import __version__

    sections = []
    toc = []
    for number, (record, lines) in enumerate(items, 1):
        anchor = f"article-{number}"
        path = (record.get("source") or {}).get("path") or "-"
        title = record.get("title") or path
        toc.append(
            f'<li><a href="#{anchor}">{html.escape(title)}</a> <small>{html.escape(path)}</small></li>'
        )
        sections.append(_article_html(record, lines, anchor, with_boilerplate))
    heading = (
        f"inspectx: {html.escape(items[0][0].get('title') or items[0][0]['source']['path'])}"
        if len(items) == 1
        else f"inspectx: {len(items)} articles"
    )
    legend = "".join(
        f'<li data-label="{label}" style="background: {color}">{label.lower()}</li>'
        for label, color in COLORS.items()
    )
    contents = f'<nav class="toc"><h2>Contents</h2><ol>{"".join(toc)}</ol></nav>' if len(items) > 1 else ""
    return _PAGE.format(
        version=__version__,
        title=heading,
        heading=heading,
        legend=legend,
        toc=contents,
        articles="\n".join(sections),
    )


def _article_html(record: dict[str, Any], lines: list[Line], anchor: str, with_boilerplate: bool) -> str:
    path = html.escape((record.get("source") or {}).get("path") or "-")
    if "error" in record:
        error = record["error"]
        body = f'<p class="error">{html.escape(error["type"])}: {html.escape(error["message"])}</p>'
        return f'<article id="{anchor}"><div class="text"><h2>{path}</h2>{body}</div></article>'
    blocks = []
    for kind, line, line_marks in _paragraphs(record, lines):
        if kind == "kept":
            blocks.append(_render_line(line.text, line_marks))
        elif with_boilerplate:
            blocks.append(
                f'<p class="dropped" title="removed by rule {html.escape(line.drop_reason or "")}">'
                f'<span class="rule">{html.escape(line.drop_reason or "")}</span>{html.escape(line.text)}</p>'
            )
    return (
        f'<article id="{anchor}"><div class="text"><h2>{path}</h2>{"".join(blocks)}</div>'
        f"{_side_panel(record)}</article>"
    )


def _paragraphs(record: dict[str, Any], lines: list[Line]) -> Iterable[tuple[str, Line, list[Mark]]]:
    """("kept", line, its marks shifted to the line) or ("dropped", line, []) in input order."""
    all_marks = marks(record)
    offset = 0
    for line in lines:
        if line.kept:
            end = offset + len(line.text)
            inside = [
                Mark(max(m.start, offset) - offset, min(m.end, end) - offset, m.label)
                for m in all_marks
                if m.start < end and m.end > offset
            ]
            yield "kept", line, inside
            offset = end + 1
        elif line.drop_reason:
            yield "dropped", line, []


def _render_line(text: str, line_marks: list[Mark]) -> str:
    """One paragraph through displaCy's span renderer."""
    from spacy import displacy

    tokens, spans = _tokens_and_spans(text, line_marks)
    if not tokens:
        return ""
    data = {"text": text, "tokens": tokens, "spans": spans}
    return displacy.render(data, style="span", manual=True, options={"colors": COLORS, "template": _TEMPLATE})


def _tokens_and_spans(text: str, line_marks: list[Mark]) -> tuple[list[str], list[dict[str, Any]]]:
    """displaCy tokens and token-indexed spans for a line.

    Tokens are words, cut further at mark boundaries; text outside every mark is one
    token per stretch. A token inside a mark ends with a no-break space where the text
    has a space (displaCy's templates add none); a stretch outside marks ends without
    its space (displaCy adds one after it).
    """
    cuts = {0, len(text)}
    for m in line_marks:
        cuts.update((m.start, m.end))
    pieces: list[tuple[int, int]] = []
    for word in re.finditer(r"\S+", text):
        inner = sorted(c for c in cuts if word.start() < c < word.end())
        bounds = [word.start(), *inner, word.end()]
        pieces += list(zip(bounds, bounds[1:], strict=False))

    def marked(piece: tuple[int, int]) -> bool:
        return any(m.start <= piece[0] and piece[1] <= m.end for m in line_marks)

    tokens: list[str] = []
    ranges: list[tuple[int, int]] = []
    glue = ""  # unmarked text right before a mark ("“" before a quote) joins the mark's first token
    i = 0
    while i < len(pieces):
        start, end = pieces[i]
        if marked(pieces[i]):
            spaced = end < len(text) and text[end].isspace()
            tokens.append(glue + text[start:end] + ("\u00a0" if spaced else ""))
            ranges.append((start, end))
            glue = ""
            i += 1
            continue
        j = i
        while j + 1 < len(pieces) and not marked(pieces[j + 1]):
            j += 1
        stretch_end = pieces[j][1]
        if j + 1 < len(pieces) and pieces[j + 1][0] == stretch_end:
            # no space before the next mark: the last word of the stretch goes with it
            head, glue = text[start : pieces[j][0]].rstrip(), text[pieces[j][0] : stretch_end]
            if head:
                tokens.append(head)
                ranges.append((start, pieces[j][0]))
        else:
            tokens.append(text[start:stretch_end])
            ranges.append((start, stretch_end))
        i = j + 1
    spans = []
    for m in line_marks:
        first = next((k for k, (s, e) in enumerate(ranges) if s <= m.start < e or s >= m.start), None)
        last = max((k for k, (s, e) in enumerate(ranges) if s < m.end), default=None)
        if first is not None and last is not None and first <= last:
            spans.append({"start_token": first, "end_token": last + 1, "label": m.label})
    return tokens, spans


def _side_panel(record: dict[str, Any]) -> str:
    def esc(value: Any) -> str:
        return html.escape("" if value is None else str(value))

    def items(values: list[str]) -> str:
        return "<ul>" + "".join(f"<li>{v}</li>" for v in values) + "</ul>" if values else "<em>none</em>"

    force = record.get("force") or {}
    inspectorate = record.get("inspectorate") or {}
    inspection = record.get("inspection") if isinstance(record.get("inspection"), dict) else {}
    dates = record.get("dates") or {}
    fields = [
        ("title", esc(record.get("title"))),
        ("byline", esc(record.get("byline"))),
        ("site", esc((record.get("source") or {}).get("site"))),
        ("relevant", "yes" if record.get("relevant") else "no"),
        ("force", f"{esc(force.get('name'))} <code>{esc(force.get('id'))}</code>" if force else "none"),
        ("forces mentioned", items([esc(f["name"]) for f in record.get("forces") or []])),
        (
            "inspectorate",
            f"{esc(inspectorate.get('acronym'))} ({esc(inspectorate.get('name'))})"
            if inspectorate
            else "none",
        ),
        ("programme", esc(inspection.get("programme")) or "none"),
        ("inspectors", items([esc(_person(p)) for p in record.get("inspectors") or []])),
        ("people", items([esc(_person(p)) for p in record.get("people") or []])),
        (
            "dates",
            items(
                [
                    f"{name.replace('_', ' ')}: {esc((dates.get(name) or {}).get('value')) or '-'}"
                    for name in _DATE_LABELS
                ]
            ),
        ),
        ("improvements", items([esc(f["text"]) for f in record.get("improvements") or []])),
        ("concerns", items([esc(f["text"]) for f in record.get("concerns") or []])),
        ("grades", items([f"{esc(g['area'])}: {esc(g['grade'])}" for g in record.get("grades") or []])),
        ("quotes", str(len(record.get("quotes") or []))),
        ("warnings", items([esc(w) for w in record.get("warnings") or []])),
        ("extractor", esc(" ".join((record.get("extractor") or {}).values()))),
    ]
    body = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in fields)
    raw = html.escape(json.dumps({k: v for k, v in record.items() if k != "text"}, ensure_ascii=False))
    return (
        f"<aside><dl>{body}</dl><details><summary>record (JSON)</summary><pre>{raw}</pre></details></aside>"
    )


def _person(person: dict[str, Any]) -> str:
    extra = ", ".join(filter(None, (person.get("title"), person.get("organisation"), person.get("role"))))
    return f"{person['name']} ({extra})" if extra else person["name"]


# --- terminal ------------------------------------------------------------------------------


def print_terminal(
    console: Any, record: dict[str, Any], lines: list[Line], *, with_boilerplate: bool = False
) -> None:
    """Print the article to a rich `console`: each line with its marks styled, then the marks
    it holds, one per line, with their labels (so the evidence reads also without colour)."""
    from rich.text import Text

    path = printable((record.get("source") or {}).get("path") or "-")
    console.rule(Text(path, style="bold"))
    if "error" in record:
        error = record["error"]
        console.print(Text(printable(f"{error['type']}: {error['message']}"), style="bold red"))
        return
    legend = Text()
    for label, style in TERMINAL_STYLES.items():
        legend.append(f" {label.lower()} ", style=style)
        legend.append(" ")
    console.print(legend)
    kept = [line.text for line in lines if line.kept]
    text = "\n".join(kept)
    every = marks(record)
    offset = 0
    for kind, line, line_marks in _paragraphs(record, lines):
        if kind == "dropped":
            if with_boilerplate:
                console.print(Text(f"[{line.drop_reason}] {line.text}", style="dim"))
            continue
        shown = Text(line.text)
        for m in line_marks:
            shown.stylize(TERMINAL_STYLES[m.label], m.start, m.end)
        console.print(shown)
        end = offset + len(line.text)
        # a value is listed once, whole, under the line where it ends (a finding wrapped over
        # two lines is one finding, not two halves)
        for m in every:
            if offset < m.end <= end or (m.end > end and end == len(text) and m.start < end):
                label = Text(f"    {m.label}: ", style=TERMINAL_STYLES[m.label])
                console.print(label + Text(" ".join(text[m.start : m.end].split())))
        offset = end + 1
    console.print()


#: The longest page file name (bytes, without ".html"): file systems allow 255 in all.
PAGE_NAME_BYTES = 200


def page_names(labels: Sequence[str]) -> list[str]:
    """The file name of each input's page (`labels`: inputs as named, "-" for stdin), as
    `write_pages` gives them: the input's name without its extension, in safe characters and
    at most PAGE_NAME_BYTES bytes of UTF-8, "-2", "-3" ... after a name already taken, and
    never "index" (the list of pages)."""
    taken: set[str] = {"index"}
    names = []
    for label in labels:
        stem = re.sub(r"[^\w.-]+", "_", PurePath(label).stem if label != "-" else "stdin") or "article"
        stem = stem.encode("utf-8")[:PAGE_NAME_BYTES].decode("utf-8", "ignore")
        name, n = stem, 1
        while name in taken:
            n += 1
            name = f"{stem}-{n}"
        taken.add(name)
        names.append(f"{name}.html")
    return names


def write_pages(
    items: Sequence[tuple[dict[str, Any], list[Line]]], folder: Path, *, with_boilerplate: bool = False
) -> list[Path]:
    """One page per article in `folder` (created if missing), named after its input (see
    `page_names`), and an index.html linking them. Returns the article pages' paths.
    Raises OSError when a page cannot be written."""
    from inspectx import __version__

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    links = []
    labels = [(record.get("source") or {}).get("path") or "-" for record, _ in items]
    for (record, lines), label, name in zip(items, labels, page_names(labels), strict=True):
        page = folder / name
        page.write_text(html_page([(record, lines)], with_boilerplate=with_boilerplate), encoding="utf-8")
        written.append(page)
        title = record.get("title") or label
        links.append(
            f'<li><a href="{page.name}">{html.escape(title)}</a> <small>{html.escape(label)}</small></li>'
        )
    index = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="generator" content="inspectx {__version__}"><title>inspectx pages</title></head>'
        f"<body><h1>inspectx: {len(written)} articles</h1><ol>{''.join(links)}</ol></body></html>\n"
    )
    (folder / "index.html").write_text(index, encoding="utf-8")
    return written
