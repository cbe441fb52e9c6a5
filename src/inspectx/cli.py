"""The command line: `inspectx extract`, `clean`, `schema`, `show` and `summary`.

stdout carries data only; progress, warnings and the batch summary go to stderr.
Exit codes: 0 every input processed, 1 some input failed (its error record is in
the output), 2 usage error, 130 interrupted. spaCy is imported only by `extract`.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import hashlib
import importlib.util
import io
import json
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from inspectx import __version__
from inspectx.errors import InspectxError, OutputBusyError, OutputError

FORMATS = ("json", "jsonl", "csv", "table", "sqlite")
#: `-o` extensions that mean a SQLite database (see inspectx.database).
DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


class InspectxGroup(click.Group):
    """A click group whose usage errors are one line, `Error: ...`, exit 2."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):  # type: ignore[override]
        try:
            rv = super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.format_message(), err=True)  # the help itself: no "Error:" before it
            sys.exit(2)
        except click.UsageError as exc:
            click.echo(f"Error: {exc.format_message()}", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted.", err=True)
            sys.exit(130)
        except BrokenPipeError:
            raise
        except OSError as exc:  # standard output full or closed ("--help >/dev/full")
            _silence_stdout()
            with contextlib.suppress(OSError, ValueError, AttributeError):
                click.echo(f"Error: cannot write output: {exc.strerror or exc}", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)


#: The message when --plot is asked for without its extra.
_PLOT_NEEDS = '--plot needs matplotlib: pip install "inspectx[plot]"'


def _usable_model(model: str | None) -> str:
    """The model to extract with (see models.check_model); a usage error when there is none
    usable, the same for every command."""
    from inspectx.errors import ModelError
    from inspectx.models import check_model

    try:
        return check_model(model)
    except ModelError as exc:
        raise click.UsageError(str(exc)) from exc


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """`--version`: inspectx, spaCy and the model that `extract` would load, without loading it."""
    if not value or ctx.resilient_parsing:
        return
    import importlib.metadata

    from inspectx import models

    click.echo(f"inspectx {__version__}")
    click.echo(f"spaCy {importlib.metadata.version('spacy')}")
    try:
        label = models.model_label()
    except InspectxError as exc:
        click.echo(f"model: none ({exc})")
        ctx.exit()
    try:
        models.check_model()  # reads the pipeline's meta.json only
    except InspectxError as exc:
        label = f"{label} (unusable: {exc})"
    click.echo(f"model {label}")
    ctx.exit()


def _a_path(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An output path option's value, refused when empty (`-o ''`, `--plot ''`): it names no
    file, and had been taken for a folder or silently ignored."""
    if value is not None and not value.strip():
        raise click.BadParameter("an empty path names no file")
    return value


@click.group(cls=InspectxGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Print the versions of inspectx, spaCy and the model ($INSPECTX_MODEL or the default), and exit.",
)
def cli() -> None:
    """Turn news articles about UK police inspections into structured JSON.

    \b
    Example:
      inspectx extract article.txt | jq '.concerns[].text'
    """


#: An input path: click.Path only for shell completion of file names. It checks nothing:
#: an input that is missing, unreadable or a broken link is inspectx's to report (a usage
#: error for a missing one, a read_error record for the others, the batch going on).
INPUT_PATH = click.Path(readable=False)


@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH...", type=INPUT_PATH)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format. Default: from -o's extension (.jsonl/.ndjson, .json, .csv, "
    ".db/.sqlite/.sqlite3), else json for one file and jsonl otherwise. Example: --format csv",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    callback=_a_path,
    help="Write here instead of stdout, atomically (temp file + rename). Example: -o out.jsonl",
)
@click.option(
    "-g",
    "--glob",
    "globs",
    multiple=True,
    callback=lambda ctx, param, value: _globs(value),
    help="In folders, take only files matching this gitignore-style pattern (repeatable; !PATTERN "
    "excludes; the last match wins). Example: -g 'news/**' -g '!*.md'",
)
@click.option(
    "-i",
    "--input-file",
    type=click.Path(exists=True, dir_okay=False, allow_dash=True),
    default=None,
    help="Read input paths from this file (- for stdin), one per line. Example: find . -name '*.txt' "
    "| inspectx extract -i -",
)
@click.option(
    "--files",
    "list_files",
    is_flag=True,
    help="List the inputs that would be processed, one per line, and stop. Example: --files",
)
@click.option(
    "-0",
    "--null",
    "null_separated",
    is_flag=True,
    help="With --files, end each name with a NUL byte instead of a newline, for names that hold "
    "newlines (as find -print0; read back with xargs -0 or -i). Example: --files -0",
)
@click.option(
    "--include-text",
    is_flag=True,
    help="Add the cleaned article as `text` (offsets index into it). Example: --include-text",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (at most one per input). Default: one per core, up to 8, for 32 inputs "
    "or more; one otherwise. Example: -j 2",
)
@click.option(
    "--model",
    envvar="INSPECTX_MODEL",
    default=None,
    help="Any installed spaCy pipeline (also $INSPECTX_MODEL). Example: --model en_core_web_md",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Refuse inputs larger than this many bytes (default 5000000). Example: --max-bytes 1000000",
)
@click.option(
    "--timeout",
    type=float,
    default=120.0,
    show_default=True,
    callback=lambda ctx, param, value: _timeout(value),
    help="Seconds each input may take (reading and parsing included) before it becomes an error "
    "record; more than 0, at most 86400. Example: --timeout 30",
)
@click.option(
    "--resume",
    is_flag=True,
    help="With -o FILE (JSON Lines or SQLite): keep FILE's records and process only the inputs it "
    "lacks. Example: -o out.jsonl --resume",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar, no summary, no advice on --jobs. Example: -q"
)
def extract(
    paths,
    fmt,
    output,
    globs,
    input_file,
    list_files,
    null_separated,
    include_text,
    jobs,
    model,
    max_bytes,
    timeout,
    resume,
    quiet,
) -> None:
    """Extract one record per article from files, folders (recursive) or - (stdin).

    \b
    Examples:
      inspectx extract fixtures/seed_northumbria.txt
      inspectx extract articles/ -o out.jsonl
      cat article.txt | inspectx extract -
    """
    from inspectx import batch, reader
    from inspectx import output as out

    for name in paths:
        if name != "-" and not os.path.lexists(name):
            raise click.UsageError(f"no such file or folder: {name}")
    if input_file == "-" and "-" in paths:
        raise click.UsageError("stdin cannot be both an input (-) and the list of inputs (-i -)")
    try:
        names = [*paths, *(_read_path_list(input_file) if input_file is not None else [])]
    except OSError as exc:
        raise click.UsageError(f"cannot read the list of inputs {input_file}: {exc.strerror or exc}") from exc
    if not names and input_file is None:  # an empty -i list is nothing to do, as with xargs -r
        raise click.UsageError("give at least one PATH, or a list of paths with -i FILE")
    to_file = output is not None and output != "-"
    if to_file:
        try:
            out.check_output(output)
        except InspectxError as exc:
            raise click.UsageError(str(exc)) from exc
        target = batch.input_key(output)
        if input_file not in (None, "-") and batch.input_key(input_file) == target:
            raise click.UsageError(
                f"the output {output} is also the list of inputs (-i): write it somewhere else"
            )
        if any(name != "-" and batch.input_key(name) == target for name in names):
            raise click.UsageError(f"the output {output} is also an input: write it somewhere else")
    if to_file and os.path.isfile(output) and (os.path.islink(output) or not _earlier_output(output)):
        # an article the folder walk would find (or a symlink to one): writing would destroy it;
        # inspectx's own earlier output there is skipped as the output, and rewritten
        resolved = os.path.realpath(output)
        inputs = batch.InputWalk(globs, skip=[])(names)
        if any(ref.path is not None and os.path.realpath(ref.path) == resolved for ref in inputs):
            how = "links to" if os.path.islink(output) else "is also"
            raise click.UsageError(f"the output {output} {how} an input: write it somewhere else")
    walk = batch.InputWalk(globs, skip=[output] if to_file else [])
    refs = list(walk(names))
    for folder in walk.empty_folders:
        click.echo(f"inspectx: no article files under {folder}", err=True)
    if null_separated and not list_files:
        raise click.UsageError("-0/--null goes with --files")
    if list_files:
        sys.stdout.flush()
        stream = sys.stdout.buffer
        for ref in refs:  # the name's bytes as the file system has them
            stream.write(os.fsencode(ref.name) + (b"\0" if null_separated else b"\n"))
        stream.flush()
        return
    model = _usable_model(model)  # one clear error before any worker starts
    # one indented object only for one file named as such; any batch has one shape
    single = input_file is None and len(names) == 1 and len(refs) == 1 and not Path(names[0]).is_dir()
    if fmt is None and output and out.suffix_of(output) in DATABASE_SUFFIXES:
        fmt = "sqlite"
    suffix = out.suffix_of(output) if to_file else ""
    unknown = fmt is None and bool(suffix) and out.format_for(output) is None
    fmt = fmt or out.format_for(output) or ("json" if single else "jsonl")
    if unknown and not quiet:  # "-o results.json.gz", "-o results.xlsx": written uncompressed
        name = "JSON" if fmt == "json" else "JSON Lines"
        click.echo(
            f"inspectx: {output}: {suffix} is no output format inspectx knows; writing {name}", err=True
        )
    if fmt == "sqlite" and not to_file:
        raise click.UsageError("--format sqlite needs -o FILE (e.g. -o results.db)")
    if fmt == "sqlite":
        from inspectx import database

        try:
            database.check_output(output)
        except InspectxError as exc:
            raise click.UsageError(str(exc)) from exc
    leftovers = out.leftover_temps(output) if to_file and fmt != "sqlite" else []
    kept: list[str] = []
    skipped = 0
    if resume:
        if not to_file or fmt not in ("jsonl", "sqlite"):
            raise click.UsageError("--resume needs -o FILE and JSON Lines or SQLite output")
        if fmt == "sqlite":
            from inspectx import database

            done_paths = database.completed_paths(output)
            remaining = [r for r in refs if not database.up_to_date(done_paths, r.label, r.path)]
            skipped, refs = len(refs) - len(remaining), remaining
        else:
            kept, refs = _resumed(output, leftovers, refs)
            skipped = len(kept)
    elif leftovers:
        click.echo(
            f"inspectx: {len(leftovers)} unfinished temporary file(s) of {output} from a killed run "
            "will be removed; add --resume to keep their records",
            err=True,
        )
    cores = os.cpu_count() or 1
    if jobs is not None and jobs > cores and len(refs) > cores and not quiet:
        # allowed (as make -j allows it), but rarely what anyone wants
        workers = min(jobs, len(refs))
        click.echo(
            f"inspectx: -j {jobs} is more workers than the {cores} core{'s' if cores > 1 else ''}; "
            f"{workers} will start, each with its own copy of the model (about 200 MB, so some "
            f"{workers * 0.2:.1f} GB in all), and they will share the cores",
            err=True,
        )
    options = batch.Options(
        model=model,
        jobs=max(1, min(jobs or batch.default_jobs(len(refs)), len(refs))),
        include_text=include_text,
        max_bytes=max_bytes or reader.DEFAULT_MAX_BYTES,
        timeout=timeout,
    )
    from inspectx.summary import Tally

    tally = Tally()
    started = time.monotonic()
    color = _colour()
    signals = _StopSignals()
    writer = None
    try:
        with _output_errors(), signals.installed():
            if fmt == "sqlite":
                from inspectx import database

                with database.Writer(output) as db, _Progress(len(refs), quiet) as advance:
                    for record in batch.process(refs, options):
                        db.write(record)
                        tally.add(record)
                        advance()
            else:
                with out.open_output(
                    output, "".join(kept), leftovers, leftovers_taken=resume, guard=signals
                ) as stream:
                    writer = out.Writer(
                        stream,
                        fmt,
                        name=output if to_file else "output",
                        color=color and not to_file,
                        array=not single,
                        include_text=include_text,
                        guard=signals,
                    )
                    try:
                        with _Progress(len(refs), quiet) as advance:
                            for record in batch.process(refs, options):
                                writer.write(record)
                                tally.add(record)
                                advance()
                    except KeyboardInterrupt:
                        if writer.count:
                            writer.close()  # finish the table, close the JSON array
                        raise
                    writer.close()
    except KeyboardInterrupt:
        done = writer.count if writer is not None else tally.records
        _tell(f"Interrupted: {done} of {len(refs)} records written.")
        sys.exit(signals.exit_code())
    except InspectxError as exc:
        raise click.ClickException(str(exc)) from exc
    if not quiet and (len(refs) > 1 or tally.failed or skipped):
        resumed = f" written, and {skipped} kept from the earlier run" if skipped else ""
        click.echo(tally.short(time.monotonic() - started, kept=resumed), err=True)
    if tally.failed:
        sys.exit(1)


def _earlier_output(path: str) -> bool:
    """Does the file hold what inspectx writes (JSON, JSON Lines, CSV with its header, a
    SQLite database), or nothing: an earlier run's output, not an article?"""
    try:
        with open(path, "rb") as handle:
            head = handle.read(64).lstrip()
    except OSError:
        return False
    return not head or head[:1] in (b"{", b"[") or head.startswith((b"path,", b"SQLite format 3"))


def _read_path_list(name: str) -> list[str]:
    """The paths in an -i file (`-`: stdin): one per line (or NUL-separated, as
    `find -print0` writes), blank lines skipped; bytes that are not UTF-8 kept as the file
    system does. A UTF-8 byte-order mark (Notepad writes one) is not part of the first path;
    a list in UTF-16 or UTF-32 (PowerShell's `>` writes UTF-16 with a byte-order mark) is
    decoded first, so that its NUL bytes are not read as separators (each character had
    become a path, "." and "/" among them)."""
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(name, "rb") as handle:
            data = handle.read()
    wide = _wide_encoding(data)
    if wide is not None:
        text = data.decode(wide, errors="replace").removeprefix("\ufeff")
        parts = text.split("\0") if "\0" in text else text.splitlines()
        return [part for part in parts if part.strip()]
    data = data.removeprefix(codecs.BOM_UTF8)
    parts = data.split(b"\0") if b"\0" in data else data.splitlines()
    return [os.fsdecode(part) for part in parts if part.strip()]


def _wide_encoding(data: bytes) -> str | None:
    """The codec of a path list written in UTF-32 or UTF-16: by its byte-order mark, or, for
    UTF-16 without one, by a NUL in every other byte of mostly ASCII text (a NUL-separated
    list has NULs only between its paths); None for a list in UTF-8 or another byte encoding."""
    from inspectx import reader

    for bom, codec in reader.BYTE_ORDER_MARKS:
        if data.startswith(bom):
            return None if codec == "utf-8-sig" else codec
    if len(data) < 4 or len(data) % 2:
        return None
    halves = ((data[1::2], data[0::2], "utf-16-le"), (data[0::2], data[1::2], "utf-16-be"))
    for zeros, others, codec in halves:
        if zeros.count(0) >= 0.9 * len(zeros) and 0 not in others:
            return codec
    return None


def _resumed(output: str, leftovers: list[Path], refs: list) -> tuple[list[str], list]:
    """The record lines --resume keeps (from `output` and from temporary files of killed
    runs, each input once), and the inputs still to do: those without a complete record,
    and those whose file changed since (another sha256 than its record's)."""
    from inspectx import batch
    from inspectx import output as out

    records, damaged = out.completed_records([output, *leftovers])
    if damaged:
        click.echo(f"inspectx: dropped {damaged} damaged or foreign lines from {output}", err=True)
    kept: dict[str, str] = {}  # input key -> its record's line, in the order first met
    relative: dict[str, list[tuple[str, str]]] = {}  # file name -> (key, path) of relative paths
    for path, line in records:
        key = batch.input_key(path)
        if key not in kept:
            kept[key] = line
            if not os.path.isabs(path):
                relative.setdefault(os.path.basename(path), []).append((key, path))
    todo = []
    for ref in refs:
        key = batch.input_key(ref.path) if ref.path is not None else None
        if key is not None and key not in kept:
            # a record written from another working folder ("arts/a.txt" run from the folder
            # above): the input whose resolved path ends with the path it gives
            candidates = relative.get(os.path.basename(key), [])
            moved = next((c for c in candidates if c[0] in kept and _ends_with(key, c[1])), None)
            if moved is not None:
                candidates.remove(moved)
                key = moved[0]
        line = kept.get(key) if key is not None else None
        if line is None or not _same_file(ref.path, line):
            kept.pop(key, None)  # the new record takes its place
            todo.append(ref)
    return list(kept.values()), todo


def _ends_with(resolved: str, written: str) -> bool:
    """Does the absolute path `resolved` end with the relative path `written`, component by
    component ("/data/02/arts/a.txt" with "arts/a.txt" or "./arts/a.txt")?"""
    tail = Path(os.path.normpath(written)).parts
    return ".." not in tail and Path(resolved).parts[-len(tail) :] == tail


def _same_file(path: Path, line: str) -> bool:
    """Has the file at `path` the sha256 its record (a JSON line) says it had?"""
    try:
        recorded = (json.loads(line).get("source") or {}).get("sha256")
        return recorded is not None and hashlib.sha256(path.read_bytes()).hexdigest() == recorded
    except (OSError, ValueError, AttributeError, RecursionError):
        return False


def _tell(message: str) -> None:
    """One line on stderr, unless stderr is gone (a closed terminal after SIGHUP)."""
    with contextlib.suppress(OSError):
        click.echo(message, err=True)


class _StopSignals:
    """While a batch runs, SIGINT, SIGTERM and SIGHUP (a closed terminal or a dropped ssh
    session; not when ignored, as under `nohup`) stop it (KeyboardInterrupt, records kept),
    but never in the middle of writing a record: a signal that arrives then takes effect
    once the record is whole. Used as a context manager around each write."""

    def __init__(self) -> None:
        self.received: list[int] = []
        self._writing = False
        self._pending = False

    @contextmanager
    def installed(self) -> Iterator[None]:
        """Install the handlers for the block; the previous ones come back afterwards."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        stopping = [signal.SIGINT, signal.SIGTERM]
        hangup = getattr(signal, "SIGHUP", None)
        if hangup is not None and signal.getsignal(hangup) is not signal.SIG_IGN:
            stopping.append(hangup)
        previous = {signum: signal.signal(signum, self._handle) for signum in stopping}
        try:
            yield
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def exit_code(self) -> int:
        """128 and the number of the first signal received (130 SIGINT, 143 SIGTERM, 129
        SIGHUP); 130 for a KeyboardInterrupt that came without one."""
        return 128 + int(self.received[0]) if self.received else 130

    def _handle(self, signum, frame) -> None:
        self.received.append(signum)
        if self._writing:
            self._pending = True
            return
        raise KeyboardInterrupt

    def __enter__(self) -> None:
        self._writing = True

    def __exit__(self, *exc) -> None:
        self._writing = False
        if self._pending and exc[0] is None:
            self._pending = False
            raise KeyboardInterrupt


@contextmanager
def _stoppable(what: str) -> Iterator[None]:
    """SIGINT (Ctrl-C) and SIGTERM stop the block however they arrive, even when the shell
    started inspectx with SIGINT ignored: "Interrupted: <what>" and exit 130 (143 for
    SIGTERM), nothing else printed. For commands that print only once all is done."""
    signals = _StopSignals()
    try:
        with signals.installed():
            yield
    except KeyboardInterrupt:
        _tell(f"Interrupted: {what}.")
        sys.exit(signals.exit_code())


@contextmanager
def _output_errors() -> Iterator[None]:
    """Writing the output failed (a full device): one `Error:` line, exit 1. A reader that
    went away (`| head`) ends the command silently, exit 1."""
    try:
        yield
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(1)
    except OutputBusyError as exc:  # another run started with the same -o at the same moment
        raise click.UsageError(str(exc)) from exc
    except OutputError as exc:
        _silence_stdout()
        raise click.ClickException(str(exc)) from exc


@contextmanager
def _writing_stdout() -> Iterator[None]:
    """OSErrors while printing data are OutputErrors."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write output: {exc.strerror or exc}") from exc


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's final flush fails no more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


@cli.command()
@click.argument("path", metavar="PATH", type=INPUT_PATH)
@click.option(
    "--explain",
    is_flag=True,
    help="List dropped lines (and sentences of long lines) with line number and rule. Example: --explain",
)
def clean(path: str, explain: bool) -> None:
    """Print the article with boilerplate removed (PATH may be - for stdin).

    \b
    Examples:
      inspectx clean fixtures/seed_durham.txt
      inspectx clean --explain fixtures/seed_durham.txt
    """
    from inspectx import batch, cleaner

    if path != "-" and not os.path.lexists(path):
        raise click.UsageError(f"no such file: {path}")
    if path != "-" and os.path.isdir(path):
        raise click.UsageError(f"{path} is a folder: clean takes one file (extract --include-text for many)")
    ref = batch.InputRef(path, None if path == "-" else Path(path))
    try:
        document = batch.read(ref, batch.Options())
    except InspectxError as exc:
        raise click.ClickException(str(exc)) from exc
    lines = cleaner.classify(document.text)
    with _output_errors(), _writing_stdout():
        for line in lines:
            if not explain:
                if line.kept:
                    click.echo(line.kept_text)
                continue
            if line.drop_reason:
                click.echo(f"{line.number}\t{line.drop_reason}\t{line.text}")
            for sentence in line.sentences:
                if sentence.drop_reason:
                    click.echo(f"{line.number}\t{sentence.drop_reason}\t{sentence.text}")


@cli.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of one extract record.

    \b
    Example:
      inspectx schema > record.schema.json
    """
    from inspectx.record import json_schema

    with _output_errors(), _writing_stdout():
        click.echo(json.dumps(json_schema(), indent=2))


class _Progress:
    """A rich progress bar on stderr, only when stderr is a terminal and not --quiet."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.enabled = not quiet and total > 1 and sys.stderr.isatty()
        self.total = total

    def __enter__(self):
        if not self.enabled:
            return lambda: None
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(
            console=Console(stderr=True), redirect_stdout=False, redirect_stderr=False, transient=True
        )
        self.bar.start()
        task = self.bar.add_task("extracting", total=self.total)
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self.bar.stop()


def _globs(values: tuple[str, ...]) -> tuple[str, ...]:
    """The -g patterns, refused when one opens a character class it never closes ("[", "a[b"):
    gitignore would read it as a literal bracket, which is not what anyone typing it meant
    (ripgrep refuses it too)."""
    import pathspec

    for value in values:
        if re.search(r"(?<!\\)\[(?![^\]]*\])", value):
            raise click.BadParameter(f"{value!r}: '[' without a closing ']'", param_hint="'-g'")
        try:
            pathspec.GitIgnoreSpec.from_lines([value])
        except (ValueError, TypeError) as exc:  # pathspec's GitIgnorePatternError is a ValueError
            raise click.BadParameter(f"{value!r}: {exc}", param_hint="'-g'") from exc
    return values


def _timeout(value: float) -> float:
    from inspectx.batch import validate_timeout

    try:
        return validate_timeout(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--timeout'") from exc


def main() -> None:
    """Console-script entry point (also `python -m inspectx`)."""
    _stand_in_for_closed_streams()
    from inspectx.batch import single_threaded

    # before numpy is imported, which sizes its BLAS thread pool once (see THREAD_VARIABLES)
    os.environ.update(single_threaded(os.environ))
    cli(prog_name="inspectx")


class _ClosedStream(io.TextIOBase):
    """Standard input or output the process was started without (`<&-`, `>&-`): reading or
    writing it is an OSError (EBADF), as on a stream closed later, so the usual handling
    applies (an error record for `-`, `Error: cannot write output`, exit 1)."""

    def __init__(self, name: str, fd: int) -> None:
        self.name = name
        self._fd = fd

    @property
    def buffer(self) -> _ClosedStream:
        return self

    def _closed(self, *_: Any) -> Any:
        raise OSError(errno.EBADF, f"standard {self.name} is closed")

    # no descriptor to offer either: /dev/null holds it, and writing there would lose data
    read = readline = write = fileno = _closed

    def readable(self) -> bool:
        return self._fd == 0

    def writable(self) -> bool:
        return self._fd != 0

    def isatty(self) -> bool:
        return False

    def flush(self) -> None:
        pass


def _stand_in_for_closed_streams() -> None:
    """Give each standard stream the process was started without (Python sets it to None)
    a stand-in: /dev/null holds its file descriptor, so that no file or pipe opened later
    takes descriptor 0, 1 or 2 by chance (a worker's pipe read as stdin); stdin and stdout
    become a `_ClosedStream`, stderr (nowhere to report to) /dev/null."""
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        with contextlib.suppress(OSError):
            held = os.open(os.devnull, os.O_RDWR)
            if held != fd:
                os.dup2(held, fd)
                os.close(held)
        if fd == 2:
            sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (for the life of the process)
        else:
            setattr(sys, name, _ClosedStream("input" if fd == 0 else "output", fd))


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...", type=INPUT_PATH)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    callback=_a_path,
    help="Write one HTML page (several inputs: with a table of contents). Example: -o page.html",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, writable=True),
    default=None,
    callback=_a_path,
    help="Write one HTML page per input, and index.html, into this folder. Example: --output-dir pages/",
)
@click.option(
    "--with-boilerplate",
    is_flag=True,
    help="Also show the removed lines, greyed out, each with its rule. Example: --with-boilerplate",
)
@click.option(
    "--model",
    envvar="INSPECTX_MODEL",
    default=None,
    help="Any installed spaCy pipeline (also $INSPECTX_MODEL). Example: --model en_core_web_md",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Refuse inputs larger than this many bytes (default 5000000). Example: --max-bytes 8000000",
)
def show(paths, output, output_dir, with_boilerplate, model, max_bytes) -> None:
    """Show articles with every extracted value highlighted where it came from.

    With -o or --output-dir: self-contained HTML pages (no network needed). Otherwise
    the article is printed with colours on a terminal, as plain text when piped.

    \b
    Examples:
      inspectx show fixtures/seed_durham.txt -o durham.html
      inspectx show fixtures/ --output-dir pages/ --with-boilerplate
      inspectx show fixtures/seed_northumbria.txt
    """
    from inspectx import batch, cleaner, reader
    from inspectx import output as out
    from inspectx import show as render

    if output and output_dir:
        raise click.UsageError("use either -o FILE or --output-dir DIR, not both")
    for name in paths:
        if name != "-" and not os.path.lexists(name):
            raise click.UsageError(f"no such file or folder: {name}")
    model = _usable_model(model)
    refs = _shown_inputs(paths, output, output_dir)
    try:
        with _stoppable("nothing shown"):
            items = [
                (record, cleaner.classify(raw))
                for record, raw in batch.records_with_raw_text(
                    refs,
                    batch.Options(
                        model=model, include_text=True, max_bytes=max_bytes or reader.DEFAULT_MAX_BYTES
                    ),
                )
            ]
    except InspectxError as exc:
        raise click.ClickException(str(exc)) from exc
    if output:
        from inspectx.output import open_output

        with open_output(output) as stream:
            stream.write(render.html_page(items, with_boilerplate=with_boilerplate))
    elif output_dir:
        try:
            written = render.write_pages(items, Path(output_dir), with_boilerplate=with_boilerplate)
        except OSError as exc:
            where = out.printable(str(exc.filename or output_dir))
            raise click.ClickException(f"cannot write {where}: {exc.strerror or exc}") from exc
        pages = "1 page" if len(written) == 1 else f"{len(written)} pages"
        click.echo(f"{pages} in {output_dir} (index.html lists them)", err=True)
    else:
        from rich.console import Console

        color = _colour()
        console = Console(
            force_terminal=color,
            no_color=not color,
            highlight=False,
            emoji=False,
            soft_wrap=not color,
            width=out.terminal_width(),  # not COLUMNS=0, at which rich prints nothing
        )
        with _output_errors(), _writing_stdout():
            for record, lines in items:
                render.print_terminal(console, record, lines, with_boilerplate=with_boilerplate)
    failed = [record for record, _ in items if "error" in record]
    for record in failed:  # the page shows them too, but the exit status needs its reason here
        error = record["error"]
        click.echo(f"inspectx: {error['type']}: {out.printable(error['message'])}", err=True)
    if failed:
        sys.exit(1)


def _unwritable_folder(folder: str) -> str | None:
    """Why pages cannot be written into `folder` (made with its parents if missing), or None:
    it, or the nearest folder above it that exists, must be a folder this user may write."""
    existing = os.path.abspath(folder)
    while not os.path.exists(existing):
        existing = os.path.dirname(existing)
    if not os.path.isdir(existing):
        return f"{existing} is a file, not a folder"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"the folder {existing} is not writable"
    return None


def _shown_inputs(paths: tuple[str, ...], output: str | None, output_dir: str | None) -> list:
    """The inputs `show` reads (batch.InputRef), once it is sure its pages will overwrite
    none of them: `-o` that cannot be written or that is an input, or `--output-dir` whose
    pages would take an input's name or replace a file inspectx did not write (a saved
    `index.html`), is a usage error before any work. An output folder
    inside an input folder is not walked (it holds earlier pages, not articles), and
    neither is `-o`'s own earlier page."""
    from inspectx import batch
    from inspectx import output as out
    from inspectx import show as render

    to_file = output is not None and output != "-"
    if to_file:
        try:
            out.check_output(output)
        except InspectxError as exc:
            raise click.UsageError(str(exc)) from exc
    if output_dir is not None and os.path.exists(output_dir) and not os.path.isdir(output_dir):
        raise click.UsageError(f"--output-dir {output_dir} is a file, not a folder")
    if output_dir is not None and (unwritable := _unwritable_folder(output_dir)) is not None:
        raise click.UsageError(f"cannot write into --output-dir {output_dir}: {unwritable}")
    earlier_page = to_file and os.path.isfile(output) and _shown_page(output)
    walk = batch.InputWalk(
        skip=[output] if earlier_page else [], skip_folders=[output_dir] if output_dir else []
    )
    refs = list(walk(paths))
    for folder in walk.empty_folders:  # as extract says it: nothing to show is no error
        click.echo(f"inspectx: no article files under {out.printable(str(folder))}", err=True)
    inputs = {os.path.realpath(ref.path): ref.label for ref in refs if ref.path is not None}
    if to_file and os.path.realpath(output) in inputs:
        raise click.UsageError(f"the output {output} is also an input: write it somewhere else")
    if output_dir is not None:
        for name in [*render.page_names([ref.label for ref in refs]), "index.html"]:
            label = inputs.get(os.path.realpath(os.path.join(output_dir, name)))
            if label is not None:
                raise click.UsageError(
                    f"--output-dir {output_dir} would write {name} over the input {label}: "
                    "choose another folder"
                )
            target = os.path.join(output_dir, name)
            if os.path.isfile(target) and not _shown_page(target):
                # the names are inspectx's choice, not the user's: a page of theirs stays
                raise click.UsageError(
                    f"--output-dir {output_dir} would replace {name}, which inspectx did not write: "
                    "move it or choose another folder"
                )
    return refs


def _shown_page(path: str) -> bool:
    """Is the file a page `inspectx show` wrote (which a new run may replace)?"""
    from inspectx import reader

    try:
        with open(path, "rb") as handle:
            return reader.is_shown_page(handle.read(2048))
    except OSError:
        return False


def _colour() -> bool:
    """Colours on stdout: a terminal, and `NO_COLOR` unset or empty (no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _say_cut_short(source: str) -> Callable[[int], None]:
    """What `summary` says of a JSON Lines source with a line cut short (its last, or one a
    later run's output follows)."""
    from inspectx.output import printable

    def say(line: int) -> None:
        click.echo(f"inspectx: {printable(source)}: line {line} is cut short and left out", err=True)

    return say


#: The image formats `--plot` writes, by the file's extension (matplotlib's backends).
PLOT_SUFFIXES = (".png", ".svg", ".pdf")


@cli.command()
@click.argument("source", metavar="SOURCE", type=INPUT_PATH)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("table", "csv", "json")),
    default="table",
    show_default=True,
    help="How to print the overview. Example: --format json",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="Items per ranked list (forces, inspectorates, programmes, concern areas and words); "
    "0 for all. The rest are counted as '(N more)'. Example: --top 0",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    callback=_a_path,
    help="Also draw inspections per force over time, coloured by programme (PNG, SVG or PDF; "
    'needs "inspectx[plot]"). Example: --plot timeline.png',
)
@click.option(
    "--model",
    envvar="INSPECTX_MODEL",
    default=None,
    help="For a folder: the spaCy pipeline to extract with (also $INSPECTX_MODEL). "
    "Example: --model en_core_web_md",
)
def summary(source: str, fmt: str, top: int, plot: str | None, model: str | None) -> None:
    """Overview of a batch: articles, errors, forces, inspectorates, programmes, dates, concerns.

    SOURCE is a JSON Lines (or JSON) file written by `extract`, - for the same on standard
    input, an inspectx SQLite database, or a folder of articles (extracted first).

    \b
    Examples:
      inspectx summary out.jsonl
      inspectx extract articles/ -q | inspectx summary -
      inspectx summary results.db --format csv
      inspectx summary articles/ --plot timeline.png
    """
    from inspectx import output as out
    from inspectx import summary as overview

    if source != "-" and not os.path.lexists(source):
        raise click.UsageError(f"no such file or folder: {source}")
    if plot:  # checked before any work: a wrong name should not cost a whole folder's run
        if out.suffix_of(plot) not in PLOT_SUFFIXES:
            raise click.UsageError(f"--plot {plot}: name a .png, .svg or .pdf file")
        if plot.endswith(("/", os.sep)) or os.path.isdir(plot):
            raise click.UsageError(f"--plot {plot}: a folder, not a file")
        folder = os.path.dirname(os.path.abspath(plot))
        if not os.path.isdir(folder):
            raise click.UsageError(f"--plot {plot}: no such folder")
        if not os.access(folder, os.W_OK) or os.path.exists(plot) and not os.access(plot, os.W_OK):
            raise click.UsageError(f"--plot {plot}: not writable")
        if importlib.util.find_spec("matplotlib") is None:
            raise click.ClickException(_PLOT_NEEDS)
    try:
        if os.path.isdir(source):
            from inspectx import batch

            model = _usable_model(model)
            refs = list(batch.iter_inputs([source]))
            options = batch.Options(model=model, jobs=max(1, min(batch.default_jobs(len(refs)), len(refs))))
            with _stoppable("no summary printed"), _Progress(len(refs), quiet=False) as advance:
                counts = overview.Tally()
                for record in batch.process(refs, options):
                    counts.add(record)
                    advance()
        else:
            counts = overview.tally(overview.read_records(source, cut_short=_say_cut_short(source)))
    except (ValueError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"{source}: not inspectx records ({exc})") from exc
    except OSError as exc:  # read, not written: not the group's "cannot write output"
        raise click.ClickException(f"{source}: cannot read: {exc.strerror or exc}") from exc
    except InspectxError as exc:
        raise click.ClickException(str(exc)) from exc
    data = counts.overview(top=top or None)
    with _output_errors(), _writing_stdout():
        if fmt == "json":
            click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        elif fmt == "csv":
            click.echo(overview.render_csv(data), nl=False)
        else:
            color = _colour()
            click.echo(overview.render_table(data, color=color), nl=False)
    if plot:
        try:
            drawn = overview.plot_timeline(counts, plot)
        except ImportError as exc:
            raise click.ClickException(_PLOT_NEEDS) from exc
        except OSError as exc:
            raise click.ClickException(f"--plot {plot}: {exc.strerror or exc}") from exc
        click.echo(f"{plot}: {drawn} inspections drawn", err=True)
