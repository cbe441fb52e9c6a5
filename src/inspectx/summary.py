"""The overview of a batch: counts a person reads before the details.

`Tally` takes records one by one (from a JSON Lines file, a database or a fresh batch)
and keeps counters only, so a summary of 50,000 records needs little memory. `extract`'s
end-of-batch message is its `short()` line; `inspectx summary` prints `overview()` as a
rich table, CSV or JSON, and `plot_timeline` draws it (matplotlib, the `[plot]` extra).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from inspectx import resources
from inspectx.output import printable

#: Failed paths named per error type in the end-of-batch message; the rest are counted.
SHOWN_PATHS = 3
#: Rows per ranked list in the overview.
TOP = 10
_WORD = re.compile(r"[a-z][a-z'-]+")
#: A record's date value, as inspectx writes it: a day, a month or a year.
_ISO_DATE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")
#: Grades that make an area a concern (see the record's `grades`).
CONCERN_GRADES = {"requires improvement", "inadequate"}


@dataclass(frozen=True)
class Point:
    """One article on the timeline: its force, inspection (or publication) date and programme."""

    force: str
    date: str
    programme: str | None


@dataclass
class Tally:
    """Counters over records; `add` one record at a time."""

    records: int = 0
    relevant: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    failed_paths: dict[str, list[str]] = field(default_factory=dict)
    forces: Counter[str] = field(default_factory=Counter)
    inspectorates: Counter[str] = field(default_factory=Counter)
    programmes: Counter[str] = field(default_factory=Counter)
    concern_areas: Counter[str] = field(default_factory=Counter)
    concern_words: Counter[str] = field(default_factory=Counter)
    dates: dict[str, list[str]] = field(default_factory=dict)  # field -> [first, last]
    points: list[Point] = field(default_factory=list)

    def add(self, record: dict[str, Any]) -> None:
        """Count one record (an article or an error record)."""
        self.records += 1
        error = record.get("error")
        if error:
            kind = error.get("type") or "error"
            self.errors[kind] += 1
            paths = self.failed_paths.setdefault(kind, [])
            if len(paths) < SHOWN_PATHS:
                paths.append((record.get("source") or {}).get("path") or "?")
            return
        force = (record.get("force") or {}).get("name")
        if force:
            self.forces[force] += 1
        if not record.get("relevant"):
            return
        self.relevant += 1
        inspectorate = (record.get("inspectorate") or {}).get("acronym")
        if inspectorate:
            self.inspectorates[inspectorate] += 1
        programme = programme_of(record)
        if programme:
            self.programmes[programme] += 1
        for grade in record.get("grades") or []:
            if grade.get("grade") in CONCERN_GRADES:
                # one area however it was capitalised ("Investigating crime" in a table)
                self.concern_areas[" ".join(grade["area"].lower().split())] += 1
        words = {w for c in record.get("concerns") or [] for w in _WORD.findall(c["text"].lower())}
        self.concern_words.update(words - _stop_words())
        for name, value in (record.get("dates") or {}).items():
            if value and value.get("value"):
                if not isinstance(value["value"], str) or not _ISO_DATE.match(value["value"]):
                    raise TypeError(
                        f"dates.{name}.value {value['value']!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
                    )
                span = self.dates.setdefault(name, [value["value"], value["value"]])
                span[0], span[1] = min(span[0], value["value"]), max(span[1], value["value"])
        when = _date(record, "inspection") or _date(record, "published")
        if force and when:
            self.points.append(Point(force, when, programme))

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    def short(self, elapsed: float | None = None, kept: str = "") -> str:
        """The end-of-batch message: records, failures by type with their first paths, time.

        e.g. "25 records in 3.1 s, 2 failed\\n  not_text: 2 (a.txt, b.txt)"; `kept` is added
        after the count (" written, and 20 kept from the earlier run").
        """
        timing = f" in {elapsed:.1f} s" if elapsed is not None else ""
        noun = "record" if self.records == 1 else "records"
        head = f"{self.records} {noun}{kept}{timing}, {self.failed} failed"
        lines = [head]
        for kind, count in self.errors.most_common():
            paths = self.failed_paths[kind]
            more = f", and {count - len(paths)} more" if count > len(paths) else ""
            lines.append(f"  {kind}: {count} ({', '.join(printable(p) for p in paths)}{more})")
        return "\n".join(lines)

    def overview(self, top: int | None = TOP) -> dict[str, Any]:
        """The summary as plain data (what `--format json` prints). Each ranked list (forces,
        inspectorates, programmes, concern areas and words) holds its `top` most frequent
        items (None: all); `left_out` counts, per list, the items beyond them."""
        left_out: dict[str, int] = {}

        def ranked(counter: Counter[str], key: str, section: str) -> list[dict[str, Any]]:
            """The `top` most frequent, ties in alphabetical order."""
            every = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
            kept = every if top is None else every[:top]
            if len(kept) < len(every):
                left_out[section] = len(every) - len(kept)
            return [{key: k, "articles": n} for k, n in kept]

        data = {
            "articles": self.records,
            "relevant": self.relevant,
            "not_relevant": self.records - self.relevant - self.failed,
            "errors": dict(sorted(self.errors.items(), key=lambda kv: (-kv[1], kv[0]))),
            "forces": ranked(self.forces, "force", "forces"),
            "inspectorates": ranked(self.inspectorates, "inspectorate", "inspectorates"),
            "programmes": ranked(self.programmes, "programme", "programmes"),
            "dates": {k: {"first": v[0], "last": v[1]} for k, v in sorted(self.dates.items())},
            "concern_areas": ranked(self.concern_areas, "area", "concern_areas"),
            "concern_words": ranked(self.concern_words, "word", "concern_words"),
        }
        data["left_out"] = left_out
        return data


def programme_of(record: dict[str, Any]) -> str | None:
    """The record's `inspection.programme`, or None (records from before that field have none)."""
    inspection = record.get("inspection")
    return inspection.get("programme") if isinstance(inspection, dict) else None


def _date(record: dict[str, Any], name: str) -> str | None:
    value = (record.get("dates") or {}).get(name)
    return value.get("value") if value else None


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(resources.load("summary")["stop_words"])


def tally(records: Iterable[dict[str, Any]]) -> Tally:
    """Count every record of `records`.

    Raises ValueError naming the first record whose fields are not shaped as inspectx
    writes them (e.g. `force` reshaped by jq into a string).
    """
    counts = Tally()
    for number, record in enumerate(records, 1):
        try:
            counts.add(record)
        except (AttributeError, TypeError, KeyError) as exc:
            shape = _shape_error(exc)
            raise ValueError(f"item {number} is not shaped as an inspectx record: {shape}") from exc
    return counts


def _shape_error(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"no {exc.args[0]!r} field where one was expected"
    return "a field holds another kind of value than inspectx writes (a list, an object, a string ...)"


def read_records(path: str, cut_short: Callable[[int], None] | None = None) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines file, a JSON file (one record or an array) or an inspectx
    database; `path` "-" reads JSON Lines or JSON from standard input.

    A JSON Lines line cut short (the last: a run still writing it, or killed while it wrote;
    or one inside, where a later run's output was added after a killed run's) is left out,
    and `cut_short(line number)` is called; without `cut_short` it is a ValueError. A byte
    order mark before the first record is ignored, and a SQLite database is read whatever
    its file name.
    Raises ValueError for a file that is none of these, or whose items are not inspectx
    records (objects with a `source` object, as `extract` writes for every input, error or
    not), or nested too deeply to be.
    """
    try:
        for number, record in enumerate(_read(path, cut_short), 1):
            if not isinstance(record, dict) or "source" not in record:
                raise ValueError(f"item {number} has no `source`")
            if not isinstance(record["source"], dict):
                raise ValueError(f"item {number} is not shaped as an inspectx record: `source` is no object")
            yield record
    except RecursionError:  # json's decoder recurses once per level of nesting
        raise ValueError("JSON nested too deeply to be inspectx records") from None


#: The first bytes of every SQLite 3 database file (sqlite.org/fileformat.html).
SQLITE_HEADER = b"SQLite format 3\x00"


def _read(path: str, cut_short: Callable[[int], None] | None = None) -> Iterator[Any]:
    if path == "-":  # standard input, or any pipe: read once, never sought
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as handle:
            data = handle.read()
    if data.startswith(SQLITE_HEADER):  # a database, whatever its name (`-o results.jsonl --format sqlite`)
        if path == "-":
            raise ValueError("a SQLite database on standard input; give its file name")
        from inspectx import database

        yield from database.read_records(path)
        return
    buffer = data.decode("utf-8-sig")  # a byte order mark, as Windows tools write, is no record
    if buffer.lstrip().startswith("["):
        yield from json.loads(buffer)
        return
    decoder = json.JSONDecoder()
    # JSON Lines, or indented objects one after another (`extract --format json`)
    pos = 0
    while pos < len(buffer):
        while pos < len(buffer) and buffer[pos].isspace():
            pos += 1
        if pos == len(buffer):
            break
        try:
            record, pos = decoder.raw_decode(buffer, pos)
        except json.JSONDecodeError as exc:
            line = buffer.count("\n", 0, pos) + 1  # where the record starts, not where it broke
            last_line = "\n" not in buffer[pos:].rstrip()
            if last_line and cut_short is not None and buffer[pos] == "{":
                cut_short(line)  # also the only line: a run killed as it wrote its first record
                return
            end_of_line = buffer.find("\n", pos)
            glued = buffer.find(_RECORD_START, pos + 1, end_of_line if end_of_line >= 0 else len(buffer))
            if cut_short is not None and buffer[pos] == "{" and glued > 0:
                # a killed run's last line cut short, the next run's first record right after
                # it on the same line (`>>`): the cut is left out, the record read
                cut_short(line)
                pos = glued
                continue
            following = buffer.find("\n{", pos)
            # a single line (JSON Lines, not part of an indented record), blank lines after it
            inside = following > 0 and not buffer[end_of_line:following].strip()
            if cut_short is not None and buffer[pos] == "{" and inside:
                # a line cut short inside the file (a killed run's output with a later run's
                # after it), as `extract --resume` reads it: left out, said, and read on
                cut_short(line)
                pos = following + 1
                continue
            raise ValueError(f"line {exc.lineno}, column {exc.colno}: {exc.msg.removesuffix(' at')}") from exc
        yield record


#: How every record `extract` writes as a JSON Lines line begins.
_RECORD_START = '{"schema_version":'


def rows(overview: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The overview flattened to (section, item, value) rows, for the table and CSV."""
    out: list[tuple[str, str, str]] = [
        ("articles", "all", str(overview["articles"])),
        ("articles", "relevant", str(overview["relevant"])),
        ("articles", "not relevant", str(overview["not_relevant"])),
    ]
    out += [("errors", kind, str(n)) for kind, n in overview["errors"].items()]
    left_out = overview.get("left_out") or {}

    def ranked(name: str, section: str, key: str) -> list[tuple[str, str, str]]:
        listed = [(section, entry[key], str(entry["articles"])) for entry in overview[name]]
        more = left_out.get(name)
        return listed + ([(section, f"({more} more)", "")] if more else [])

    for section, key in (("forces", "force"), ("inspectorates", "inspectorate"), ("programmes", "programme")):
        out += ranked(section, section, key)
    for name, span in overview["dates"].items():
        out.append(("dates", name.replace("_", " "), f"{span['first']} to {span['last']}"))
    out += ranked("concern_areas", "concern areas", "area")
    out += ranked("concern_words", "concern words", "word")
    return out


def render_csv(overview: dict[str, Any]) -> str:
    """CSV with a header: section, item, value."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["section", "item", "value"])
    writer.writerows(rows(overview))
    return buffer.getvalue()


def render_table(overview: dict[str, Any], *, color: bool, width: int | None = None) -> str:
    """A rich table, one block per section; plain text unless `color`; `width` columns wide
    (default: `output.terminal_width()`), or as wide as its sections, values and shortest
    items need when that is wider."""
    from rich.table import Table

    from inspectx.output import render_text, terminal_width

    flat = rows(overview)
    # sections and values are short and read whole; a narrow terminal cuts the items
    # (the table's four rules and six spaces of padding take 10 columns)
    sections = max((len(r[0]) for r in flat), default=7)
    values = max((len(r[2]) for r in flat), default=5)
    width = width or terminal_width()
    items = max(8, width - sections - values - 10)
    table = Table(title="inspectx summary", show_lines=False)
    table.add_column("section", style="bold", no_wrap=True, min_width=sections)
    table.add_column("item", overflow="ellipsis", no_wrap=True, max_width=items)
    table.add_column("value", justify="right", no_wrap=True, min_width=values)
    for i, (section, item, value) in enumerate(flat):
        first = i == 0 or flat[i - 1][0] != section
        last = i == len(flat) - 1 or flat[i + 1][0] != section
        table.add_row(section if first else "", item, value, end_section=last)
    return render_text(table, max(width, sections + values + items + 10), color)


def plot_timeline(counts: Tally, path: str) -> int:
    """Draw inspections per force over time, coloured by programme, to `path` (PNG, SVG, PDF ...).

    Each relevant article is a point at its inspection date (else its publication date);
    year-only dates sit at mid-year. Returns the number of points drawn. Needs matplotlib
    (`pip install "inspectx[plot]"`); raises ImportError without it.
    """
    import matplotlib

    matplotlib.use("Agg")
    from datetime import date

    import matplotlib.pyplot as plt

    forces = sorted({p.force for p in counts.points}, reverse=True)
    programmes = sorted({p.programme or "unknown" for p in counts.points})
    colours = plt.get_cmap("tab10")
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.35 * max(len(forces), 2)), layout="constrained")
    for index, programme in enumerate(programmes):
        chosen = [p for p in counts.points if (p.programme or "unknown") == programme]
        ax.scatter(
            [_as_date(p.date, date) for p in chosen],
            [forces.index(p.force) for p in chosen],
            color=colours(index % 10),
            label=programme.replace("_", " "),
            s=40,
            alpha=0.8,
        )
    ax.set_yticks(range(len(forces)), forces)
    ax.set_xlabel("inspection date (publication date where the inspection's is not given)")
    ax.set_title("Inspections per force")
    ax.grid(axis="x", alpha=0.3)
    if programmes:
        ax.legend(title="programme", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return len(counts.points)


def _as_date(value: str, date: type) -> Any:
    parts = [int(p) for p in value.split("-")]
    year, month, day = parts[0], parts[1] if len(parts) > 1 else 7, parts[2] if len(parts) > 2 else 1
    if len(parts) == 2:
        day = 15
    return date(year, month, day)
