"""The command line: `inspectx extract`, `clean`, `schema`, `show` and `summary`.

stdout carries data only; progress, warnings and the batch summary go to stderr.
Exit codes: 0 every input processed, 1 some input failed (its error record is in
the output), 2 usage error, 130 interrupted. spaCy is imported only by `extract`.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from inspectx import __version__
from inspectx.errors import InspectxError

FORMATS = ("json", "jsonl", "csv", "table", "sqlite")
#: `-o` extensions that mean a SQLite database (see inspectx.database).
DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


class InspectxGroup(click.Group):
    """A click group whose usage errors are one line, `Error: ...`, exit 2."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):  # type: ignore[override]
        try:
            rv = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            click.echo(f"Error: {exc.format_message()}", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted.", err=True)
            sys.exit(130)
        sys.exit(rv if isinstance(rv, int) else 0)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """`--version`: inspectx, spaCy and the model that `extract` would load, without loading it."""
    if not value or ctx.resilient_parsing:
        return
    import importlib.metadata

    from inspectx import models

    click.echo(f"inspectx {__version__}")
    click.echo(f"spaCy {importlib.metadata.version('spacy')}")
    try:
        click.echo(f"model {models.model_label()}")
    except InspectxError as exc:
        click.echo(f"model: none ({exc})")
    ctx.exit()


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


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format. Default: json for one file, jsonl otherwise. Example: --format csv",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write here instead of stdout, atomically (temp file + rename). Example: -o out.jsonl",
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
    help="Worker processes for batches. Default: one per core. Example: -j 2",
)
@click.option(
    "--model",
    envvar="INSPECTX_MODEL",
    default=None,
    help="Any installed spaCy pipeline (also $INSPECTX_MODEL). Example: --model en_core_web_sm",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Refuse inputs larger than this many bytes (default 5000000). Example: --max-bytes 1000000",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=120.0,
    show_default=True,
    help="Seconds one input may take before it becomes an error record. Example: --timeout 30",
)
@click.option(
    "--resume",
    is_flag=True,
    help="With -o FILE (JSON Lines): keep FILE's records and process only the inputs it lacks. "
    "Example: -o out.jsonl --resume",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no summary. Example: -q")
def extract(paths, fmt, output, include_text, jobs, model, max_bytes, timeout, resume, quiet) -> None:
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
    refs = list(batch.iter_inputs(paths))
    single = len(paths) == 1 and len(refs) == 1 and not Path(paths[0]).is_dir()
    if fmt is None and output and Path(output).suffix.lower() in DATABASE_SUFFIXES:
        fmt = "sqlite"
    fmt = fmt or ("json" if single else "jsonl")
    if fmt == "sqlite" and output in (None, "-"):
        raise click.UsageError("--format sqlite needs -o FILE (e.g. -o results.db)")
    kept: list[str] = []
    skipped = 0
    if resume:
        if output is None or fmt not in ("jsonl", "sqlite"):
            raise click.UsageError("--resume needs -o FILE and JSON Lines or SQLite output")
        if fmt == "sqlite":
            from inspectx import database

            done_paths = database.completed_paths(output)
            remaining = [r for r in refs if not database.up_to_date(done_paths, r.label, r.path)]
        else:
            kept, done_paths = out.completed_records(output)
            remaining = [r for r in refs if r.label not in done_paths]
        skipped = len(kept) if fmt == "jsonl" else len(refs) - len(remaining)
        refs = remaining
    options = batch.Options(
        model=model,
        jobs=jobs or (1 if len(refs) < 2 * batch.CHUNK else batch.default_jobs()),
        include_text=include_text,
        max_bytes=max_bytes or reader.DEFAULT_MAX_BYTES,
        timeout=timeout,
    )
    from inspectx.summary import Tally

    tally = Tally()
    started = time.monotonic()
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    try:
        with (
            _stop_on_sigterm() as terminated,
            _open_writer(output, fmt, "".join(kept), color and output is None) as writer,
            _Progress(len(refs), quiet) as advance,
        ):
            for record in batch.process(refs, options):
                writer.write(record)
                tally.add(record)
                advance()
    except KeyboardInterrupt:
        click.echo(f"Interrupted: {tally.records} of {len(refs)} records written.", err=True)
        sys.exit(143 if terminated else 130)
    except InspectxError as exc:
        raise click.ClickException(str(exc)) from exc
    if not quiet and (len(refs) > 1 or tally.failed or skipped):
        resumed = f" ({skipped} kept from {output})" if skipped else ""
        click.echo(tally.short(time.monotonic() - started, kept=resumed), err=True)
    if tally.failed:
        sys.exit(1)


@contextmanager
def _open_writer(output: str | None, fmt: str, preamble: str, color: bool) -> Iterator:
    """A writer with `write(record)` for `fmt`: a SQLite database updated in place, or a
    stream (stdout, or FILE replaced atomically) that starts with `preamble`."""
    if fmt == "sqlite":
        from inspectx import database

        with database.Writer(output) as writer:
            yield writer
        return
    from inspectx import output as out

    with out.open_output(output, preamble=preamble) as stream:
        writer = out.Writer(stream, fmt, color=color)
        yield writer
        writer.close()


@contextmanager
def _stop_on_sigterm() -> Iterator[list[int]]:
    """While the batch runs, SIGTERM stops it like Ctrl-C (records kept).

    Yields a list that holds the signal once it has arrived; the previous handler
    comes back afterwards.
    """
    import signal

    received: list[int] = []

    def handler(signum, frame):
        received.append(signum)
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield received
        return
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield received
    finally:
        signal.signal(signal.SIGTERM, previous)


@cli.command()
@click.argument("path", metavar="PATH")
@click.option(
    "--explain", is_flag=True, help="List dropped lines with their number and rule. Example: --explain"
)
def clean(path: str, explain: bool) -> None:
    """Print the article with boilerplate removed (PATH may be - for stdin).

    \b
    Examples:
      inspectx clean fixtures/seed_durham.txt
      inspectx clean --explain fixtures/seed_durham.txt
    """
    from inspectx import batch, cleaner

    if path != "-" and not os.path.exists(path):
        raise click.UsageError(f"no such file: {path}")
    ref = batch.InputRef(path, None if path == "-" else Path(path))
    try:
        document = batch.read(ref, batch.Options())
    except InspectxError as exc:
        raise click.ClickException(str(exc)) from exc
    lines = cleaner.classify(document.text)
    if explain:
        for line in lines:
            if line.drop_reason:
                click.echo(f"{line.number}\t{line.drop_reason}\t{line.text}")
        return
    for line in lines:
        if line.kept:
            click.echo(line.text)


@cli.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of one extract record.

    \b
    Example:
      inspectx schema > record.schema.json
    """
    from inspectx.record import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write one HTML page (several inputs: with a table of contents). Example: -o page.html",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, writable=True),
    default=None,
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
    help="Any installed spaCy pipeline (also $INSPECTX_MODEL). Example: --model en_core_web_sm",
)
def show(paths, output, output_dir, with_boilerplate, model) -> None:
    """Show articles with every extracted value highlighted where it came from.

    With -o or --output-dir: self-contained HTML pages (no network needed). Otherwise
    the article is printed with colours on a terminal, as plain text when piped.

    \b
    Examples:
      inspectx show fixtures/seed_durham.txt -o durham.html
      inspectx show fixtures/ --output-dir pages/ --with-boilerplate
      inspectx show fixtures/seed_northumbria.txt
    """
    from inspectx import batch, cleaner
    from inspectx import show as render

    if output and output_dir:
        raise click.UsageError("use either -o FILE or --output-dir DIR, not both")
    for name in paths:
        if name != "-" and not os.path.lexists(name):
            raise click.UsageError(f"no such file or folder: {name}")
    try:
        items = [
            (record, cleaner.classify(raw))
            for record, raw in batch.records_with_raw_text(
                list(batch.iter_inputs(paths)), batch.Options(model=model, include_text=True)
            )
        ]
    except InspectxError as exc:
        raise click.ClickException(str(exc)) from exc
    if not items:
        raise click.UsageError(f"no articles in {', '.join(paths)}")
    if output:
        from inspectx.output import open_output

        with open_output(output) as stream:
            stream.write(render.html_page(items, with_boilerplate=with_boilerplate))
    elif output_dir:
        written = render.write_pages(items, Path(output_dir), with_boilerplate=with_boilerplate)
        click.echo(f"{len(written)} pages in {output_dir} (index.html lists them)", err=True)
    else:
        from rich.console import Console

        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        console = Console(
            force_terminal=color, no_color=not color, highlight=False, emoji=False, soft_wrap=not color
        )
        for record, lines in items:
            render.print_terminal(console, record, lines, with_boilerplate=with_boilerplate)
    if any("error" in record for record, _ in items):
        sys.exit(1)


@cli.command()
@click.argument("source", metavar="SOURCE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("table", "csv", "json")),
    default="table",
    show_default=True,
    help="How to print the overview. Example: --format json",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Also draw inspections per force over time, coloured by programme (PNG, SVG or PDF; "
    'needs "inspectx[plot]"). Example: --plot timeline.png',
)
@click.option(
    "--model",
    envvar="INSPECTX_MODEL",
    default=None,
    help="For a folder: the spaCy pipeline to extract with (also $INSPECTX_MODEL). "
    "Example: --model en_core_web_sm",
)
def summary(source: str, fmt: str, plot: str | None, model: str | None) -> None:
    """Overview of a batch: articles, errors, forces, inspectorates, programmes, dates, concerns.

    SOURCE is a JSON Lines (or JSON) file written by `extract`, an inspectx SQLite
    database, or a folder of articles (extracted first).

    \b
    Examples:
      inspectx summary out.jsonl
      inspectx summary results.db --format csv
      inspectx summary articles/ --plot timeline.png
    """
    from inspectx import summary as overview

    if not os.path.exists(source):
        raise click.UsageError(f"no such file or folder: {source}")
    try:
        if os.path.isdir(source):
            from inspectx import batch

            refs = list(batch.iter_inputs([source]))
            options = batch.Options(
                model=model, jobs=1 if len(refs) < 2 * batch.CHUNK else batch.default_jobs()
            )
            with _Progress(len(refs), quiet=False) as advance:
                counts = overview.Tally()
                for record in batch.process(refs, options):
                    counts.add(record)
                    advance()
        else:
            counts = overview.tally(overview.read_records(source))
    except (ValueError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"{source}: not inspectx records ({exc})") from exc
    except InspectxError as exc:
        raise click.ClickException(str(exc)) from exc
    data = counts.overview()
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(overview.render_csv(data), nl=False)
    else:
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        click.echo(overview.render_table(data, color=color), nl=False)
    if plot:
        try:
            drawn = overview.plot_timeline(counts, plot)
        except ImportError as exc:
            raise click.ClickException('--plot needs matplotlib: pip install "inspectx[plot]"') from exc
        click.echo(f"{plot}: {drawn} inspections drawn", err=True)


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


def main() -> None:
    """Console-script entry point (also `python -m inspectx`)."""
    cli(prog_name="inspectx")
