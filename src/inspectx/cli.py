"""The command line: `inspectx extract`, `clean` and `schema`.

stdout carries data only; progress, warnings and the batch summary go to stderr.
Exit codes: 0 every input processed, 1 some input failed (its error record is in
the output), 2 usage error, 130 interrupted. spaCy is imported only by `extract`.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from inspectx import __version__
from inspectx.errors import InspectxError

FORMATS = ("json", "jsonl", "csv", "table")


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


@click.group(cls=InspectxGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="inspectx")
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
    help="Worker processes (at most one per input). Default: one per core for 32 inputs or more. "
    "Example: -j 2",
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
    from inspectx.errors import ModelError
    from inspectx.models import check_model

    for name in paths:
        if name != "-" and not os.path.lexists(name):
            raise click.UsageError(f"no such file or folder: {name}")
    try:
        model = check_model(model)
    except ModelError as exc:
        raise click.UsageError(str(exc)) from exc
    refs = list(batch.iter_inputs(paths))
    single = len(paths) == 1 and len(refs) == 1 and not Path(paths[0]).is_dir()
    fmt = fmt or ("json" if single else "jsonl")
    kept: list[str] = []
    if resume:
        if output is None or fmt != "jsonl":
            raise click.UsageError("--resume needs -o FILE and JSON Lines output")
        kept, done_paths = out.completed_records(output)
        refs = [r for r in refs if r.label not in done_paths]
    options = batch.Options(
        model=model,
        jobs=max(1, min(jobs or batch.default_jobs(len(refs)), len(refs))),
        include_text=include_text,
        max_bytes=max_bytes or reader.DEFAULT_MAX_BYTES,
        timeout=timeout,
    )
    failed: list[str] = []
    done = 0
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    try:
        with _stop_on_sigterm() as terminated, out.open_output(output, preamble="".join(kept)) as stream:
            writer = out.Writer(stream, fmt, color=color and output is None)
            with _Progress(len(refs), quiet) as advance:
                for record in batch.process(refs, options):
                    if "error" in record:
                        failed.append(record["source"]["path"])
                    writer.write(record)
                    done += 1
                    advance()
            writer.close()
    except KeyboardInterrupt:
        click.echo(f"Interrupted: {done} of {len(refs)} records written.", err=True)
        sys.exit(143 if terminated else 130)
    except InspectxError as exc:
        raise click.ClickException(str(exc)) from exc
    if not quiet and (len(refs) > 1 or failed or kept):
        resumed = f" ({len(kept)} kept from {output})" if kept else ""
        listed = ": " + ", ".join(failed) if failed else ""
        click.echo(f"{done} records{resumed}, {len(failed)} failed{listed}", err=True)
    if failed:
        sys.exit(1)


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


def _timeout(value: float) -> float:
    from inspectx.batch import validate_timeout

    try:
        return validate_timeout(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--timeout'") from exc


def main() -> None:
    """Console-script entry point (also `python -m inspectx`)."""
    cli(prog_name="inspectx")
