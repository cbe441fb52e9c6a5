"""Record writers: JSON, JSON Lines, CSV and a rich table, to a stream or atomically to a file."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

CSV_COLUMNS = [
    "path",
    "title",
    "force",
    "force_id",
    "inspectorate",
    "programme",
    "inspectors",
    "published",
    "inspection",
    "previous_inspection",
    "improvements",
    "concerns",
    "error",
]


@contextmanager
def open_output(path: str | None, preamble: str = "") -> Iterator[IO[str]]:
    """stdout, or a temporary file beside `path` renamed over it when the block ends.

    The rename also happens on Ctrl-C, so the records already written are kept;
    any other failure removes the temporary file and leaves `path` untouched.
    `preamble` (records kept by --resume) is written first.
    """
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    stream = os.fdopen(fd, "w", encoding="utf-8", newline="")
    stream.write(preamble)
    try:
        yield stream
    except KeyboardInterrupt:
        _commit(stream, tmp, target)
        raise
    except BaseException:
        stream.close()
        os.unlink(tmp)
        raise
    _commit(stream, tmp, target)


def completed_records(path: str) -> tuple[list[str], set[str]]:
    """The JSON Lines of `path` that are complete records (not errors), and their inputs' paths.

    A missing file is an empty start. Error records and damaged lines are dropped, so their
    inputs are tried again.
    """
    lines: list[str] = []
    paths: set[str] = set()
    if not os.path.exists(path):
        return lines, paths
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and "error" not in record and line.endswith("\n"):
                source = record.get("source") or {}
                if isinstance(source.get("path"), str):
                    lines.append(line)
                    paths.add(source["path"])
    return lines, paths


def _commit(stream: IO[str], tmp: str, target: Path) -> None:
    stream.flush()
    os.fsync(stream.fileno())
    stream.close()
    os.replace(tmp, target)


class Writer:
    """Writes records one by one in a format; `close` finishes what needs finishing."""

    def __init__(self, stream: IO[str], fmt: str, *, color: bool = False) -> None:
        self.stream, self.format, self.color = stream, fmt, color
        self._csv = csv.writer(stream) if fmt == "csv" else None
        self._rows: list[dict[str, Any]] = []
        if self._csv is not None:
            self._csv.writerow(CSV_COLUMNS)

    def write(self, record: dict[str, Any]) -> None:
        if self.format == "json":
            self.stream.write(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
        elif self.format == "jsonl":
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self._csv is not None:
            self._csv.writerow(csv_row(record))
        else:
            self._rows.append(record)
            return
        self.stream.flush()

    def close(self) -> None:
        if self.format == "table":
            self.stream.write(render_table(self._rows, color=self.color))
            self.stream.flush()


def csv_row(record: dict[str, Any]) -> list[str]:
    """One flat CSV row (see CSV_COLUMNS); lists are joined with ' | '."""

    def get(*keys: str) -> Any:
        value: Any = record
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    def date(field: str) -> str:
        return get("dates", field, "value") or ""

    error = record.get("error")
    return [
        get("source", "path") or "",
        record.get("title") or "",
        get("force", "name") or "",
        get("force", "id") or "",
        get("inspectorate", "acronym") or "",
        get("inspection", "programme") or "",
        " | ".join(p["name"] for p in record.get("inspectors") or []),
        date("published"),
        date("inspection"),
        date("previous_inspection"),
        " | ".join(f["text"] for f in record.get("improvements") or []),
        " | ".join(f["text"] for f in record.get("concerns") or []),
        f"{error['type']}: {error['message']}" if error else "",
    ]


def render_table(records: list[dict[str, Any]], *, color: bool) -> str:
    """A rich table for people, fitted to the terminal width."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("path", "force", "inspection", "published", "impr.", "conc.", "first concern"):
        table.add_column(column, overflow="fold")
    for r in records:
        if r.get("error"):
            table.add_row(r["source"]["path"], f"error: {r['error']['message']}", "", "", "", "", "")
            continue
        concerns = r.get("concerns") or []
        inspection = [
            (r.get("inspectorate") or {}).get("acronym") or "",
            (r.get("inspection") or {}).get("programme") or "",
        ]
        table.add_row(
            r["source"]["path"],
            (r.get("force") or {}).get("name") or "",
            " ".join(part for part in inspection if part),  # "HMICFRS child_protection"
            ((r.get("dates") or {}).get("published") or {}).get("value") or "",
            str(len(r.get("improvements") or [])),
            str(len(concerns)),
            concerns[0]["text"] if concerns else "",
        )
    buffer = io.StringIO()
    width = shutil.get_terminal_size((120, 24)).columns
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
    )
    console.print(table)
    return buffer.getvalue()
