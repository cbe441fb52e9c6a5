"""Record writers: JSON, JSON Lines, CSV and a rich table, to a stream or atomically to a file."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from pathlib import Path
from typing import IO, Any

from inspectx.errors import OutputBusyError, OutputError

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
    "grades",
    "relevant",
    "byline",
    "site",
    "error",
]
TABLE_COLUMNS = ("path", "relevant", "force", "insp.", "published", "impr.", "conc.", "first concern")
#: `-o FILE`'s format when --format is not given.
FORMAT_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv"}
_TEMP_MIDDLE = re.compile(r"(?:(\d+)\.)?[a-z0-9_]{8}")


def suffix_of(path: str) -> str:
    """The extension of `path`'s file name, lowercased ("out.JSONL": ".jsonl"); a name that
    is only an extension (".csv", a hidden file) counts as one, as users who type it mean."""
    name = Path(path).name
    suffix = Path(path).suffix
    if not suffix and name.startswith(".") and name.count(".") == 1 and len(name) > 1:
        suffix = name
    return suffix.lower()


def format_for(path: str | None) -> str | None:
    """The format an output file's extension asks for (`.jsonl`/`.ndjson`, `.json`, `.csv`), or None."""
    if path is None or path == "-":
        return None
    return FORMAT_BY_SUFFIX.get(suffix_of(path))


def check_output(path: str) -> None:
    """Raise OutputError, before any work, when `path` cannot be written as an output file."""
    if _is_special(path):
        if not os.access(path, os.W_OK):
            raise OutputError(f"cannot write {path}: permission denied")
        return
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    if target.parent.exists() and not target.parent.is_dir():
        raise OutputError(f"cannot write {path}: {target.parent} is a file, not a folder")
    if not target.parent.is_dir():
        raise OutputError(f"cannot write {path}: no such folder {target.parent}")
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {path}: the folder {target.parent} is not writable")
    writers = _other_writers(target)
    if writers:
        # the one that ends last would replace the other's file, whose records would be lost
        raise OutputBusyError(
            f"cannot write {path}: another run (process {writers[0]}) is writing it; "
            "wait for it to end, or write to another file"
        )


def _other_writers(target: Path) -> list[int]:
    """The processes, other than this one and still running, whose temporary file for
    `target` is beside it (see `open_output`)."""
    prefix = f".{target.name}."
    try:
        names = sorted(os.listdir(target.parent))
    except OSError:
        return []
    pids = []
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        middle = _TEMP_MIDDLE.fullmatch(name[len(prefix) : -len(".tmp")])
        if middle is None or middle.group(1) is None:
            continue
        pid = int(middle.group(1))
        if pid != os.getpid() and _writing(pid, target.parent / name):
            pids.append(pid)
    return pids


@contextmanager
def open_output(
    path: str | None,
    preamble: str = "",
    leftovers: Sequence[Path] = (),
    leftovers_taken: bool = False,
    guard: AbstractContextManager[Any] | None = None,
) -> Iterator[IO[str]]:
    """stdout, or a temporary file beside `path` renamed over it when the block ends.

    `path` is resolved first, so a symlink is written through to its target; a device
    or FIFO is written directly. The new file gets the mode an existing one had, else
    the mode a shell redirection gives (0666 less the umask). On Ctrl-C the records
    already written are kept (the file is replaced), unless nothing was written: then
    `path` is left as it was. Any other failure removes the temporary file and leaves
    `path` untouched. `preamble` (records kept by --resume) is written first.
    `leftovers` (temporary files of killed runs, see `leftover_temps`) are removed
    once `path` is replaced by a complete run, or by any run that took their records
    (`leftovers_taken`). The rename happens inside `guard` (see `Writer`).
    """
    guard = guard or nullcontext()
    if path is None or path == "-":
        yield sys.stdout
        return
    if _is_special(path):
        with open(path, "w", encoding="utf-8", newline="") as stream:
            stream.write(preamble)
            yield stream
        return
    target = Path(os.path.realpath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    os.fchmod(fd, _mode_for(target))
    rivals = _other_writers(target)
    if rivals:
        # runs started at once all passed `check_output`: one that finds another's file
        # beside its own stops here (all may, but none loses records to another)
        os.close(fd)
        os.unlink(tmp)
        raise OutputBusyError(
            f"cannot write {path}: another run (process {rivals[0]}) is writing it; "
            "wait for it to end, or write to another file"
        )
    stream = os.fdopen(fd, "w", encoding="utf-8", newline="")
    try:
        stream.write(preamble)
        yield stream
    except KeyboardInterrupt:
        with guard:
            stream.flush()
            if os.fstat(stream.fileno()).st_size == 0:
                _discard(stream, tmp)
            else:
                _commit(stream, tmp, target)
                if leftovers_taken:
                    _remove(leftovers)
        raise
    except BaseException:
        _discard(stream, tmp)
        raise
    with guard:
        _commit(stream, tmp, target)
        _remove(leftovers)


def leftover_temps(path: str) -> list[Path]:
    """Temporary files of `path` left by runs that were killed (their process is gone).

    They hold the records those runs finished; `completed_records` reads them.
    """
    target = Path(os.path.realpath(path))
    prefix = f".{target.name}."
    found = []
    try:
        entries = sorted(os.scandir(target.parent), key=lambda e: e.name)
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        middle = _TEMP_MIDDLE.fullmatch(name[len(prefix) : -len(".tmp")])
        if middle is None or not entry.is_file(follow_symlinks=False):
            continue
        if middle.group(1) is not None and _writing(int(middle.group(1)), Path(entry.path)):
            continue  # a run still writing it
        found.append(Path(entry.path))
    return found


def completed_records(paths: Iterable[str | Path]) -> tuple[list[tuple[str, str]], int]:
    """The complete, successful records in these JSON Lines files, as (source path, line).

    Missing files are skipped. Error records are left out (their inputs are tried again);
    so are lines that are cut short, not UTF-8, not JSON, or not a record: their number is
    returned, for a warning.
    """
    kept: list[tuple[str, str]] = []
    damaged = 0
    for path in paths:
        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed below
        except FileNotFoundError:
            continue
        with handle:
            for raw in handle:
                try:
                    if not raw.endswith(b"\n"):
                        raise ValueError("cut short")
                    line = raw.decode("utf-8")
                    record = json.loads(line)
                    source = record.get("source") if isinstance(record, dict) else None
                    if not isinstance(source, dict) or not isinstance(source.get("path"), str):
                        raise ValueError("not a record")
                except (ValueError, RecursionError):  # JSONDecodeError is a ValueError; deep nesting recurses
                    damaged += raw.strip() != b""
                    continue
                if "error" not in record:
                    kept.append((source["path"], line))
    return kept, damaged


def _is_special(path: str) -> bool:
    """A device, FIFO or socket (also through /dev/stdout): written directly, not replaced."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode) and not stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _writing(pid: int, temp: Path) -> bool:
    """Is process `pid` alive and the run that wrote `temp`? A process that started after
    the file was last written is another that took the number of a run killed since (after
    a restart, or in a container), or this run itself, whose number a killed run had."""
    if not _process_alive(pid):
        return False
    started = _process_start(pid)
    try:
        written = temp.stat().st_mtime
    except OSError:
        return False
    return started is None or started <= written + _CLOCK_SLACK


#: Seconds a file's time may lag the start time read from /proc and still be its process's.
#: That start time is never late (the boot time is in whole seconds, cut down, and the
#: ticks are cut down too), and a run creates its file a few tenths of a second after it
#: starts, so a small margin is enough against clock adjustments.
_CLOCK_SLACK = 0.1


def _process_start(pid: int) -> float | None:
    """When process `pid` started (seconds since the epoch), from Linux's /proc (the 22nd
    field of /proc/PID/stat, in clock ticks after boot, and the boot time in /proc/stat);
    None where /proc is not there or cannot be read."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        ticks = int(stat.rsplit(")", 1)[1].split()[19])  # fields after "(comm)" start at the 3rd
        boot = next(
            int(line.split()[1])
            for line in Path("/proc/stat").read_text(encoding="ascii", errors="replace").splitlines()
            if line.startswith("btime ")
        )
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _commit(stream: IO[str], tmp: str, target: Path) -> None:
    try:
        stream.flush()
        os.fsync(stream.fileno())
        stream.close()
        os.replace(tmp, target)
    except OSError as exc:
        _discard(stream, tmp)
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc


def _discard(stream: IO[str], tmp: str) -> None:
    with suppress(OSError):
        stream.close()
    with suppress(OSError):
        os.unlink(tmp)


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


class Writer:
    """Writes records one by one in a format; `close` finishes what needs finishing.

    Each record is written whole, inside `guard` (the CLI's guard defers Ctrl-C and
    SIGTERM until the record is written), in UTF-8 whatever the locale. `array` makes `json` one JSON array
    of all records (streamed), else one object; `include_text` adds CSV's `text` column.
    `count` is the number of records written; `name` names the output in errors
    (OutputError when a write fails).
    """

    def __init__(
        self,
        stream: IO[str],
        fmt: str,
        *,
        name: str = "output",
        color: bool = False,
        array: bool = False,
        include_text: bool = False,
        guard: AbstractContextManager[Any] | None = None,
    ) -> None:
        self.stream, self.format, self.name, self.color = stream, fmt, name, color
        self.array, self.include_text = array, include_text
        self.guard = guard or nullcontext()
        self.count = 0
        self._rows: list[dict[str, Any]] = []

    def write(self, record: dict[str, Any]) -> None:
        if self.format == "table":
            self._rows.append(record)
            self.count += 1
            return
        text = self._text(record)
        with self.guard, self._errors():
            self._put(text)
            self.count += 1

    def close(self) -> None:
        if self.format == "table":
            tail = render_table(self._rows, color=self.color)
        elif self.format == "json" and self.array:
            tail = "\n]\n" if self.count else "[]\n"
        elif self.format == "csv" and not self.count:
            tail = _csv_line(csv_columns(self.include_text))
        else:
            return
        with self.guard, self._errors():
            self._put(tail)

    def _put(self, text: str) -> None:
        """Write `text` whole, as UTF-8. To a real file or pipe it goes by `os.write` until
        every byte is out: a signal that interrupts a buffered stream's write to a full pipe
        can lose the rest of the record."""
        try:
            fd = self.stream.fileno()
        except (AttributeError, OSError, io.UnsupportedOperation):
            self.stream.write(text)
            self.stream.flush()
            return
        self.stream.flush()  # what the stream still holds (the --resume preamble) goes first
        view = memoryview(text.encode("utf-8", "backslashreplace"))
        while view:
            view = view[os.write(fd, view) :]

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except BrokenPipeError:
            raise  # the reader went away: the CLI ends quietly
        except OSError as exc:
            raise OutputError(f"cannot write {self.name}: {exc.strerror or exc}") from exc

    def _text(self, record: dict[str, Any]) -> str:
        if self.format == "jsonl":
            return json.dumps(record, ensure_ascii=False) + "\n"
        if self.format == "json" and not self.array:
            return json.dumps(record, indent=2, ensure_ascii=False) + "\n"
        if self.format == "json":
            item = textwrap.indent(json.dumps(record, indent=2, ensure_ascii=False), "  ")
            return ("[\n" if self.count == 0 else ",\n") + item
        header = _csv_line(csv_columns(self.include_text)) if self.count == 0 else ""
        return header + _csv_line(csv_row(record, include_text=self.include_text))


#: What opens a formula in a spreadsheet: a cell starting with one is written with a leading
#: apostrophe, so opening the CSV runs nothing an article's text put there (OWASP, "CSV
#: injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([f"'{v}" if _opens_formula(v) else v for v in values])
    return buffer.getvalue()


def _opens_formula(value: str) -> bool:
    """Would a spreadsheet read the cell as a formula? Not a lone "-" (stdin's path), which
    no spreadsheet evaluates, so that `path` still joins with the JSON records."""
    return value.startswith(_FORMULA_START) and value != "-"


def csv_columns(include_text: bool) -> list[str]:
    """The CSV header: CSV_COLUMNS, and `text` with --include-text."""
    return [*CSV_COLUMNS, "text"] if include_text else list(CSV_COLUMNS)


def csv_row(record: dict[str, Any], *, include_text: bool = False) -> list[str]:
    """One flat CSV row (see `csv_columns`); lists are joined with ' | ', booleans are true/false."""

    def get(*keys: str) -> Any:
        value: Any = record
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    def date(field: str) -> str:
        return get("dates", field, "value") or ""

    error = record.get("error")
    relevant = record.get("relevant")
    row = [
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
        " | ".join(_grade_cell(g, get("force", "name")) for g in record.get("grades") or []),
        "" if relevant is None else str(relevant).lower(),
        record.get("byline") or "",
        get("source", "site") or "",
        f"{error['type']}: {error['message']}" if error else "",
    ]
    if include_text:
        row.append(record.get("text") or "")
    return row


def printable(text: str) -> str:
    """`text` safe to print to a terminal: control and format characters (the escape that
    opens a terminal sequence, BEL, a newline in a file's name) written as Python escapes
    ("\\x1b", "\\n"), so a file named to recolour or retitle a terminal does neither."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


#: The narrowest width a table or page is drawn at, whatever COLUMNS says: rich draws
#: nothing at all at width 0, and cuts every cell to a letter or two at 5.
MIN_WIDTH = 40


def terminal_width(fallback: int = 80) -> int:
    """Columns to draw text for: $COLUMNS when it is a positive number, else the terminal's
    width, else `fallback` (output to a pipe or file); never less than MIN_WIDTH. From
    `shutil.get_terminal_size`, which skips a COLUMNS of 0 or one that is not a number."""
    return max(MIN_WIDTH, shutil.get_terminal_size((fallback, 24)).columns)


def render_table(records: list[dict[str, Any]], *, color: bool) -> str:
    """A rich table for people, fitted to the terminal width: one line per record, cells
    too long for their column cut with an ellipsis (never a word split across lines). A
    path loses its start, not its end, so the file's name stays in view."""
    from rich.table import Table

    rows = [_table_row(r) for r in records]
    width = terminal_width(120)
    widths = _column_widths(rows, width)
    path = TABLE_COLUMNS.index("path")
    for row in rows:
        if len(row[path]) > widths[path]:
            row[path] = "\u2026" + row[path][len(row[path]) - widths[path] + 1 :]
    table = Table(show_lines=False)
    for column, column_width in zip(TABLE_COLUMNS, widths, strict=True):
        table.add_column(column, overflow="ellipsis", no_wrap=True, width=column_width)
    for row in rows:
        table.add_row(*row)
    # a terminal too narrow for every column at its least: the table is as wide as it
    # needs (the terminal wraps its lines) rather than squeezed into blank cells
    needed = sum(widths) + 3 * len(widths) + 1
    return render_text(table, max(width, needed), color)


def render_text(renderable: Any, width: int, color: bool) -> str:
    """A rich renderable as text `width` columns wide, with ANSI colours only if `color`."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
    )
    console.print(renderable)
    return buffer.getvalue()


def _grade_cell(grade: dict[str, Any], main: str | None) -> str:
    """ "area: grade", and the force's name when it is not the record's force."""
    force = grade.get("force")
    return f"{grade['area']}: {grade['grade']}" + (f" ({force})" if force and force != main else "")


def _table_row(r: dict[str, Any]) -> list[str]:
    if r.get("error"):
        return [printable(r["source"]["path"]), "", printable(f"error: {r['error']['message']}"), *[""] * 5]
    concerns = r.get("concerns") or []
    return [
        printable(r["source"]["path"]),
        "yes" if r.get("relevant") else "no",
        (r.get("force") or {}).get("name") or "",
        " ".join(  # "HMICFRS child_protection"
            part
            for part in (
                (r.get("inspectorate") or {}).get("acronym"),
                (r.get("inspection") or {}).get("programme"),
            )
            if part
        ),
        ((r.get("dates") or {}).get("published") or {}).get("value") or "",
        str(len(r.get("improvements") or [])),
        str(len(concerns)),
        " ".join(concerns[0]["text"].split()) if concerns else "",  # a wrapped finding: one line
    ]


def _column_widths(rows: list[list[str]], width: int) -> list[int]:
    """Each column as wide as its widest cell; the wide columns share what the terminal has
    left: the force up to a third of it, the inspection (inspectorate and programme) up to
    a third of the rest; the path and the first concern split what is left, the path giving
    up at most half of it; at least 6 each."""
    needs = [max([len(h), *(len(row[i]) for row in rows)]) for i, h in enumerate(TABLE_COLUMNS)]
    force, path, concern, insp = (TABLE_COLUMNS.index(h) for h in ("force", "path", "first concern", "insp."))
    available = width - (3 * len(TABLE_COLUMNS) + 1)
    available -= sum(n for i, n in enumerate(needs) if i not in (force, path, concern, insp))
    widths = list(needs)
    widths[force] = max(6, min(needs[force], available // 3))
    available -= widths[force]
    widths[insp] = max(len("insp."), min(needs[insp], available // 3))
    available -= widths[insp]
    widths[path] = max(6, min(needs[path], available - min(needs[concern], available // 2)))
    widths[concern] = max(6, min(needs[concern], available - widths[path]))
    return widths
