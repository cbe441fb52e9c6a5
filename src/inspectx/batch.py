"""Batches: finding the inputs, reading them, and extracting them in worker processes.

Records come out in input order, one per input, as soon as they are ready. Whatever goes
wrong with one input becomes its error record and the batch goes on: it cannot be read,
its extraction raises, it takes longer than its time limit, or its worker runs out of
memory or is killed. Workers are plain `python` processes that talk to this one over
pipes: they never import the calling script, and one that hangs inside C code (an HTML
parser, say) can be killed without harm to the others.
"""

from __future__ import annotations

import itertools
import math
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from inspectx import reader, resources
from inspectx.errors import (
    InputTimeoutError,
    InputTooLargeError,
    InspectxError,
    ModelError,
    ReadError,
    UnexpectedError,
    WorkerDiedError,
    WorkerStartError,
)
from inspectx.record import Article, ErrorRecord

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".eml", ".mhtml", ".mht"}
#: Batches of this many inputs or more use one worker per core by default.
PARALLEL_FROM = 32
#: Inputs a worker handles before a fresh one replaces it: a long-lived worker's memory
#: creeps up (allocator fragmentation), and reloading the model every 1,000 articles costs ~2%.
WORKER_INPUTS = 1000
#: A worker is given up to this many inputs at once, of at most BATCH_BYTES together, and
#: runs them through the model as one batch (about a sixth faster than one at a time; 16,
#: the bare-model benchmark's batch, is some 3% faster than 8 in the model's own time).
#: If the batch fails (an input raises, or takes longer than one input's time limit), each
#: of its inputs is run again on its own, so one input's failure is still its own.
BATCH_INPUTS = 16
BATCH_BYTES = 200_000
#: Workers per job that may die in a row before they are ready (killed while loading, say)
#: before the batch stops with a model error.
STARTS_TRIED = 3
#: Seconds past an input's time limit after which its worker is killed (when the limit
#: could not interrupt it, e.g. inside C code).
GRACE = 1.0
#: The longest time limit accepted for one input, in seconds (a day).
MAX_TIMEOUT = 86_400.0
#: Memory a worker may take beyond what it holds once the model is loaded: this many bytes,
#: or 1,000 times --max-bytes if that is more (spaCy needs ~1 KB per character of text).
WORKER_MEMORY = 4 * 2**30
#: An article that exercises every stage once, so that lazily loaded parts (dateparser and
#: its time zone data, resolving "last month" against the dateline) are loaded before the
#: first input's time limit starts: a limit that interrupts a library while it sets itself
#: up can leave it broken for every later input.
WARM_UP = (
    "Durham Police praised by inspectors\n"
    "Tuesday 4 June 2024\n"
    "His Majesty's Inspectorate of Constabulary found last month that the force had "
    "improved since January 2019, said Zoe Billingham, HM Inspector of Constabulary.\n"
)


#: Environment variables that size the thread pools of the numerical libraries under spaCy
#: (OpenBLAS from numpy's wheels, BLIS, MKL, OpenMP, Apple's Accelerate; joblib's
#: MAX_NUM_THREADS_VARS for its workers). Each is 1 in inspectx's processes unless the user
#: set it: parallelism comes from worker processes, one per core, and a BLAS pool per process only
#: fights them for the cores. Measured on 2 cores: `inspectx extract` of 200 articles, 5.85 s
#: with OpenBLAS's default pool against 5.44 s with one thread (--jobs 2), 9.87 s against
#: 9.16 s (--jobs 1); the model's parser and entity recognizer are where the time goes.
THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMBA_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)


def single_threaded(environ: Mapping[str, str]) -> dict[str, str]:
    """A copy of `environ` (variable name to value) in which each of THREAD_VARIABLES is "1"
    unless `environ` already gives it a value (the user's choice stands)."""
    return {**dict.fromkeys(THREAD_VARIABLES, "1"), **environ}


@dataclass(frozen=True)
class Options:
    """Everything a batch needs to know, built once at the CLI edge."""

    model: str | None = None
    jobs: int = 1
    include_text: bool = False
    max_bytes: int = reader.DEFAULT_MAX_BYTES
    timeout: float | None = 120.0  # seconds for one input; None: no limit


@dataclass(frozen=True)
class InputRef:
    """One input: its name (the path as named, or '-'; bytes that are not UTF-8 kept as
    lone surrogates, the way Python holds them: what `--files` prints back), the file (None
    for stdin), and why it cannot be read, when the folder walk already knows."""

    name: str
    path: Path | None
    error: str | None = None

    @property
    def label(self) -> str:
        """The name as valid Unicode text, for records and messages (`display_path`)."""
        return display_path(self.name)


def default_jobs(inputs: int) -> int:
    """Workers for a batch of `inputs`: one for fewer than PARALLEL_FROM inputs, else one per
    core, at most 8 (the model is CPU-bound and each worker holds a copy)."""
    if inputs < PARALLEL_FROM:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(8, cores))


def display_path(name: str) -> str:
    """`name` as valid Unicode text, for records and messages.

    Bytes of a file name that are not UTF-8 (which Python keeps as lone surrogates) are
    written as `\\xff`, the way Python's `backslashreplace` writes them.
    """
    if name.isascii():
        return name
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def input_key(path: str | os.PathLike[str]) -> str:
    """What makes two spellings of a path the same input: its resolved absolute path
    (symlinks followed), as `display_path` writes it."""
    return display_path(os.path.realpath(path))


class InputWalk:
    """Turns the paths a user names into inputs, each input once.

    Files are taken as named. Folders are walked in sorted order; inside them, hidden
    entries, files without an article suffix, the usual project files (README, LICENSE,
    ... from data/project_files.json), what is not a regular file (FIFOs, sockets,
    devices) and files that `globs` leave out are skipped. `globs` work like ripgrep's
    `-g`: gitignore-style patterns relative to the folder walked, `!` to exclude, the last
    matching one deciding; with any pattern that includes, only the files it matches are
    taken. A path reached twice (any spelling, a symlinked folder, `-` named twice) is
    taken once; paths in `skip` (the output file) never, nor what is in `skip_folders`
    (an output folder) unless it is the folder named. An entry that cannot be examined
    (a symlink loop, a folder that cannot be entered) becomes an input whose reading
    fails, so that it gets its error record. Folders that gave no input are listed in
    `empty_folders`.
    """

    def __init__(
        self, globs: Sequence[str] = (), skip: Iterable[str] = (), skip_folders: Iterable[str] = ()
    ) -> None:
        import pathspec

        self._globs = pathspec.GitIgnoreSpec.from_lines(globs) if globs else None
        self._only_matching = any(not g.startswith("!") for g in globs)
        # by the path itself, not as displayed: "bad\xff.txt" written out and a name with the
        # byte 0xFF display alike but are two files
        self._skip = {os.path.realpath(p) for p in skip}
        self._seen: set[str] = set()
        self._seen_folders: set[tuple[int, int]] = set()
        # output folders (by device, inode): not walked inside a folder named as an input
        self._skip_folders = {f for f in map(self._folder_id, map(Path, skip_folders)) if f is not None}
        self._top: Path | None = None  # the folder named as an input, being walked
        self._project_files = frozenset(resources.load("project_files"))
        self.empty_folders: list[str] = []
        self._articles_met = 0  # article files met in folders, each time one is met

    def __call__(self, names: Iterable[str]) -> Iterator[InputRef]:
        for name in names:
            if name == "-":
                # stdin is one input however it is named ("-", /dev/stdin, /dev/fd/0)
                stdin = "/dev/stdin" if os.path.exists("/dev/stdin") else None
                if "-" not in self._seen and (stdin is None or self._first_time(stdin)):
                    self._seen.add("-")
                    yield InputRef("-", None)
                continue
            path = Path(name)
            if not path.is_dir():
                if self._first_time(name):
                    yield InputRef(name, path)
                continue
            walked_before = self._folder_id(path) in self._seen_folders
            met_before = self._articles_met
            yield from self._walk(path, name, "")
            if self._articles_met == met_before and not walked_before:
                # no article file inside (not: every one was named before, `a.txt arts/`)
                self.empty_folders.append(display_path(name))

    @staticmethod
    def _folder_id(folder: Path) -> tuple[int, int] | None:
        try:
            info = os.stat(folder)
        except OSError:
            return None
        return info.st_dev, info.st_ino

    def _first_time(self, path: str | os.PathLike[str]) -> bool:
        key = os.path.realpath(path)
        if key in self._seen or key in self._skip:
            return False
        self._seen.add(key)
        return True

    def _walk(self, folder: Path, label: str, relative: str) -> Iterator[InputRef]:
        """Depth first, each folder's entries in sorted order; a stack of open folders, not
        recursion, so that a folder nested thousands deep is walked too."""
        self._top = folder
        opened = self._open(folder, label)
        if isinstance(opened, InputRef):
            yield opened
            return
        stack = [] if opened is None else [(iter(opened), label, relative, {e.name for e in opened})]
        while stack:
            entries, label, relative, names = stack[-1]
            entry = next(entries, None)
            if entry is None:
                stack.pop()
                continue
            if entry.name.startswith("."):
                continue
            child_label = os.path.join(label, entry.name)
            child = Path(entry.path)
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError:  # a symlink loop: reading it gives the error record, if it is named as an article
                if self._is_article(entry.name, relative + entry.name):
                    self._articles_met += 1
                    if self._first_time(child):
                        yield InputRef(child_label, child)
                continue
            if is_dir:
                if not self._excluded(relative + entry.name + "/") and not _page_resources(entry.name, names):
                    opened = self._open(child, child_label)
                    if isinstance(opened, InputRef):
                        yield opened
                    elif opened is not None:
                        names_inside = {e.name for e in opened}
                        stack.append((iter(opened), child_label, relative + entry.name + "/", names_inside))
            elif (
                # a broken link too (reading it gives the error record), but not a link to a
                # FIFO, socket or device: a folder walk never blocks on one or reads one
                (is_file or entry.is_symlink() and not os.path.exists(entry.path))
                and self._is_article(entry.name, relative + entry.name)
            ):
                self._articles_met += 1  # named before or not: the folder has articles
                if self._first_time(child):
                    yield InputRef(child_label, child)

    def _open(self, folder: Path, label: str) -> list[os.DirEntry[str]] | InputRef | None:
        """The folder's entries sorted by name; None for a folder walked before (a symlink
        loop, or reached twice); an error InputRef for one that cannot be read."""
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in self._seen_folders:
                return None
            if (info.st_dev, info.st_ino) in self._skip_folders and folder != self._top:
                return None
            self._seen_folders.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as entries:
                return sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            shown = display_path(label)
            return InputRef(label, folder, error=f"{shown}: cannot read folder: {exc.strerror or exc}")

    def _excluded(self, relative: str) -> bool:
        return self._globs is not None and self._globs.check_file(relative).include is False

    def _is_article(self, name: str, relative: str) -> bool:
        if Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
            return False
        if name.split(".", 1)[0].lower() in self._project_files:
            return False
        if self._globs is None:
            return True
        include = self._globs.check_file(relative).include
        return include is True or (include is None and not self._only_matching)


#: How browsers name the folder of a page saved whole ("Save Page As", "Web page,
#: complete"): the page's name and one of these.
_RESOURCE_FOLDER_SUFFIXES = ("_files", "-Dateien", "_fichiers", "_archivos", "_file", "-filer", "_bestanden")


def _page_resources(name: str, siblings: set[str]) -> bool:
    """Is the folder `name` the resources of a page saved beside it ("Story.html" and
    "Story_files/", with the page's images, scripts and the ads' frames saved as .html)?
    Walking into a folder skips it; naming it walks it."""
    for suffix in _RESOURCE_FOLDER_SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            return any(f"{stem}{ext}" in siblings for ext in (".html", ".htm", ".HTML", ".HTM"))
    return False


def iter_inputs(paths: Sequence[str]) -> Iterator[InputRef]:
    """The inputs for these paths, as `InputWalk` finds them (no globs)."""
    return InputWalk()(paths)


def read(ref: InputRef, options: Options) -> reader.Document:
    """Read one input (stdin for '-'), at most `options.max_bytes` + 1 bytes of it."""
    if ref.error is not None:
        raise ReadError(ref.error)
    if ref.path is None:
        return reader.decode(read_stdin(options.max_bytes), "-", max_bytes=options.max_bytes)
    return reader.read_path(ref.path, ref.label, options.max_bytes)


def read_stdin(max_bytes: int, seconds: float | None = None) -> bytes:
    """At most `max_bytes` + 1 bytes of stdin: enough to tell that it is too large.
    Raises TimeoutError when a pipe has not ended within `seconds` (see reader.read_limited)."""
    return reader.read_limited(sys.stdin.buffer, max_bytes + 1, seconds)


def _unended(label: str, seconds: float | None) -> InputTimeoutError:
    return InputTimeoutError(f"{label}: the input did not end within {seconds:g} s (a pipe left open?)")


def extract_records(
    paths: Iterable[str], *, model: str | None = None, include_text: bool = False
) -> list[dict[str, Any]]:
    """The records (dicts, as the CLI writes them) for these files or folders, in order.

    Meant for one partition of a distributed job (`dask.bag.map_partitions`): runs in
    this process, where the pipeline is loaded once and reused by every later call. A
    file that fails gives its error record, as in the CLI (time limits apply only when
    called from the main thread, and cannot interrupt C code: use the CLI for those).
    """
    options = Options(model=model, include_text=include_text)
    from inspectx import pipeline

    pipeline.build(model)
    refs = iter_inputs(list(paths))
    return [_record(ref.label, _outcome(_task(ref, options), options), options) for ref in refs]


def error_record(label: str, exc: BaseException) -> dict[str, Any]:
    """The record of an input that failed with `exc`, as a dict ready for output."""
    return ErrorRecord.of(label, exc).to_dict()


def _record(label: str, outcome: Article | InspectxError, options: Options) -> dict[str, Any]:
    if isinstance(outcome, InspectxError):
        return error_record(label, outcome)
    return outcome.to_dict(include_text=options.include_text)


def process(refs: Sequence[InputRef], options: Options) -> Iterator[dict[str, Any]]:
    """One record (a dict ready for output) per input, in input order.

    The model is checked first (`ModelError` before any work); then `options.jobs`
    workers, never more than there are inputs, extract the inputs in small batches, each
    input within its own time limit (see BATCH_INPUTS).
    """
    from inspectx.models import check_model

    check_model(options.model)
    tasks = ((i, _task(ref, options)) for i, ref in enumerate(refs))
    for i, outcome in _run_workers(tasks, options):
        yield _record(refs[i].label, outcome, options)


def extract_parallel(
    items: Iterable, *, model: str | None, jobs: int, errors: str = "raise"
) -> Iterator[Article | ErrorRecord]:
    """`extract_many` over `jobs` worker processes, each loading the pipeline once; input
    order kept. An input that fails raises its `InspectxError` when its turn comes
    (`errors="raise"`) or gives its `ErrorRecord` (`errors="record"`)."""
    from inspectx.models import check_model

    options = Options(model=check_model(model), jobs=jobs, timeout=None)
    labels: dict[int, str] = {}
    # an item of another type (TypeError), or the caller's own iterator failing: raised
    # after the outcomes of the items before it
    refused: list[Exception] = []

    def tasks() -> Iterator[tuple[int, Task | InspectxError]]:
        checked = iter(items)
        for i in itertools.count():
            try:
                item = next(checked)
                task = _item_task(item)
            except StopIteration:
                return
            except Exception as exc:  # noqa: BLE001 - raised in its turn, below
                refused.append(exc)
                return
            labels[i] = os.fspath(item) if isinstance(task, InspectxError) else task[1]
            yield i, task

    for i, outcome in _run_workers(tasks(), options):
        label = labels.pop(i, "-")
        if isinstance(outcome, InspectxError):
            if errors == "raise":
                raise outcome
            yield ErrorRecord.of(label, outcome)
            continue
        yield outcome
    if refused:
        raise refused[0]


# --- one input: what a worker is asked to do, and what comes of it -------------------------

#: ("path", label, path) | ("bytes", label, data) | ("text", label, text)
Task = tuple[str, str, Any]


def _task(ref: InputRef, options: Options) -> Task | InspectxError:
    """What to send a worker for `ref`: stdin is read here, in the parent."""
    if ref.error is not None:
        return ReadError(ref.error)
    if ref.path is None:
        try:
            return ("bytes", ref.label, read_stdin(options.max_bytes, options.timeout))
        except TimeoutError:
            return _unended("-", options.timeout)
        except OSError as exc:
            return ReadError(f"-: {exc.strerror or exc}")
    if names_own_descriptor(ref.path):
        return _read_here(ref.label, ref.path, options.max_bytes, options.timeout)
    return ("path", ref.label, os.fspath(ref.path))


def names_own_descriptor(path: str | os.PathLike[str]) -> bool:
    """Does `path` name one of this process's file descriptors (`<(command)` gives
    /dev/fd/63; /dev/stdin, /proc/self/fd/N)? A worker would open its own instead: such
    an input is read here, in the parent, as stdin is."""
    name = os.path.abspath(os.fspath(path))
    return name == "/dev/stdin" or name.startswith(("/dev/fd/", "/proc/self/fd/"))


def _read_here(
    label: str, path: str | os.PathLike[str], max_bytes: int, seconds: float | None = None
) -> Task | ReadError | InputTimeoutError:
    """The input `label` at `path` read in this process (at most `max_bytes` + 1 bytes, so
    that an input too large is still told apart) as a "bytes" task, or its ReadError, or an
    InputTimeoutError when a pipe has not ended within `seconds`."""
    try:
        with open(path, "rb") as stream:
            return ("bytes", label, reader.read_limited(stream, max_bytes + 1, seconds))
    except TimeoutError:
        return _unended(label, seconds)
    except OSError as exc:
        return ReadError(f"{label}: {exc.strerror or exc}")


def _item_task(item: Any) -> Task | InspectxError:
    if isinstance(item, os.PathLike):
        label = os.fspath(item)
        if names_own_descriptor(item):
            return _read_here(label, item, reader.DEFAULT_MAX_BYTES)
        return ("path", label, label)
    if isinstance(item, str):
        return ("text", "-", item)
    return ("bytes", "-", bytes(item))


def _outcome(task: Task | InspectxError, options: Options) -> Article | InspectxError:
    """The article for one input, or the error it ends in; never raises (but for Ctrl-C).

    Reading, decoding, page parsing and extraction all run within the input's time limit.
    """
    if isinstance(task, InspectxError):
        return task
    return _guarded(task[1], options, lambda: _extract([_document(task, options)], options)[0])


def _outcomes(
    batch: list[tuple[int, Task]], options: Options, tick: Callable[[int | None], None]
) -> Iterator[tuple[int, Article | InspectxError | None]]:
    """(index, outcome) for each input of `batch`, in order; never raises (but for Ctrl-C).

    Each input is read within its own time limit, then those read are extracted together
    within one input's limit. If that raises, each is done again on its own (`_outcome`);
    if it runs out of time, each outcome is None: to be done again by a fresh worker.
    `tick(index)` is called as each input starts on its own, `tick(None)` as the batch's
    extraction starts: the parent's clock for the time limit starts again then.
    """
    if len(batch) == 1:
        index, task = batch[0]
        yield index, _outcome(task, options)
        return
    read: list[tuple[int, Task, reader.Document]] = []
    for index, task in batch:
        tick(index)
        document = _guarded(task[1], options, lambda task=task: _document(task, options))
        if isinstance(document, InspectxError):
            yield index, document
        else:
            read.append((index, task, document))
    tick(None)
    articles = _guarded("batch", options, lambda: _extract([d for _, _, d in read], options))
    if isinstance(articles, list):
        yield from ((index, article) for (index, _, _), article in zip(read, articles, strict=True))
        return
    if isinstance(articles, InputTimeoutError):
        # interrupted code may have left a library half-initialised: each input is done
        # again on its own by a fresh worker (None: "give it to another worker")
        yield from ((index, None) for index, _, _ in read)
        return
    for index, task, _ in read:
        tick(index)
        yield index, _outcome(task, options)


def _document(task: Task, options: Options) -> reader.Document:
    from inspectx.core import document_from

    kind, label, payload = task
    if kind == "path":
        return reader.read_path(Path(payload), label, options.max_bytes)
    if kind == "bytes":
        return reader.decode(payload, label, max_bytes=options.max_bytes)
    return document_from(payload, label)


def _extract(documents: list[reader.Document], options: Options) -> list[Article]:
    from inspectx.core import extract_documents

    return list(extract_documents(documents, model=options.model, batch_size=len(documents)))


def _guarded(label: str, options: Options, work: Callable[[], Any]) -> Any:
    """`work()` within one input's time limit, or the InspectxError it ends in."""
    try:
        with deadline(options.timeout):
            return work()
    except InputTimeoutError:
        return _timed_out(label, options)
    except InspectxError as exc:
        return exc
    except MemoryError:
        return _OutOfMemory(f"{label}: needs more memory than a worker may use")
    except Exception as exc:  # noqa: BLE001 - one input's failure is its error record
        return UnexpectedError(f"{label}: {exc}" if str(exc) else label, type(exc).__name__)


class _OutOfMemory(InputTooLargeError):
    """An input needed more memory than its worker may use."""


def _timed_out(label: str, options: Options) -> InputTimeoutError:
    return InputTimeoutError(f"{label}: extraction took longer than {options.timeout:g} s")


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise InputTimeoutError in this block after `seconds` (main thread on Unix; else no
    limit). Python code is interrupted; C code only when it returns (workers are killed then)."""
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    fired = False

    def expire(signum, frame):
        nonlocal fired
        fired = True
        raise InputTimeoutError(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:
        # the limit fell inside a finaliser, which swallows what it raises (see _unraisable):
        # the block ran on to its end, but it still took longer than its limit
        raise InputTimeoutError(f"took longer than {seconds:g} s")


# --- worker processes ----------------------------------------------------------------------

#: `python -c` puts the working folder first on sys.path: taken off, so that no file there
#: can shadow a module the worker imports
_WORKER_MAIN = (
    "import sys; sys.path.pop(0); from inspectx.batch import serve; serve(int(sys.argv[1]), int(sys.argv[2]))"
)


def serve(tasks_fd: int, results_fd: int) -> None:
    """A worker's main loop: load the model, then extract each batch of inputs it is given
    (a list of (index, Task)) until told to stop (None) or the parent goes away.

    Messages out: ("ready",) once loaded; ("fatal", message) if the model cannot load;
    ("tick", index | None) as an input of a batch starts on its own (or None: the batch's
    extraction starts); (index, Article | InspectxError) per input, or ("retry", index)
    for one to be done again by another worker. A worker whose input ran out of time
    ends after that batch, as the interrupted code may have left a library half-set-up.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # and a closed terminal
    tasks = Connection(tasks_fd, writable=False)
    results = Connection(results_fd, readable=False)
    try:
        _serve(tasks, results)
    except (EOFError, BrokenPipeError, ConnectionResetError):
        # the parent is gone (Ctrl-C, killed): whatever it had received is written; there
        # is no one left to tell, so the worker ends without a traceback
        return


def _serve(tasks: Connection, results: Connection) -> None:
    options: Options = tasks.recv()
    try:
        from inspectx.core import extract

        extract(WARM_UP, model=options.model)
    except ModelError as exc:
        results.send(("fatal", str(exc)))
        return
    _limit_memory(options.max_bytes)
    sys.unraisablehook = _unraisable
    results.send(("ready",))
    while True:
        try:
            batch = tasks.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        timed_out = False
        for index, outcome in _outcomes(batch, options, lambda index: results.send(("tick", index))):
            results.send(("retry", index) if outcome is None else (index, outcome))
            timed_out = timed_out or outcome is None or isinstance(outcome, InputTimeoutError)
        if timed_out:
            return  # a time limit interrupted code mid-way: a fresh worker takes over


def _unraisable(info: Any) -> None:
    """A time limit that fell inside a finaliser (`__del__`) is not an error to show: the
    input's own limit is enforced by the parent. Anything else is reported as usual."""
    if not isinstance(info.exc_value, InputTimeoutError):
        sys.__unraisablehook__(info)


def _limit_memory(max_bytes: int) -> None:
    """Cap this worker's address space at what it uses now plus its allowance."""
    try:
        import resource

        with open("/proc/self/statm") as statm:
            used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):
        return  # not Linux: no cap
    allowance = max(WORKER_MEMORY, 1000 * min(max_bytes, 2**40))
    limit = used + allowance
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


class _Worker:
    """One worker process, the pipes to it, and the inputs it is working on."""

    def __init__(self, options: Options) -> None:
        tasks_read, tasks_write = os.pipe()
        results_read, results_write = os.pipe()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _WORKER_MAIN, str(tasks_read), str(results_write)],
                pass_fds=(tasks_read, results_write),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=single_threaded(os.environ),
            )
        except OSError as exc:
            for fd in (tasks_read, tasks_write, results_read, results_write):
                os.close(fd)
            # not an output error, which an OSError here would otherwise be reported as
            message = f"cannot start a worker process ({sys.executable}): {exc.strerror or exc}"
            raise WorkerStartError(message) from exc
        os.close(tasks_read)
        os.close(results_write)
        self.tasks = Connection(tasks_write, readable=False)
        self.results = Connection(results_read, writable=False)
        self.ready = False
        self.batch: dict[int, Task] = {}  # the inputs given and not yet answered, by index
        self.current: int | None = None  # the one it is on alone (None: the whole batch)
        self.started = 0.0  # when the current time limit started
        self.done = 0
        self.tasks.send(options)

    @property
    def idle(self) -> bool:
        return self.ready and not self.batch

    def give(self, batch: list[tuple[int, Task]]) -> None:
        self.batch = dict(batch)
        self.current = batch[0][0] if len(batch) == 1 else None
        self.started = time.monotonic()
        with suppress(OSError):  # it died: the wait that follows finds out
            self.tasks.send(batch)

    def lost(self, outcomes: dict, pending: list, error: Callable[[str], InspectxError]) -> None:
        """It died or was killed: the input it was on alone gets `error(its label)`; the
        others of its batch go back to the front of the queue, each to be done on its own."""
        if self.current in self.batch:
            outcomes[self.current] = error(self.batch.pop(self.current)[1])
        pending.extend((index, task, True) for index, task in self.batch.items())
        pending.sort(key=lambda item: item[0])
        self.batch = {}

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with suppress(OSError):
                self.tasks.send(None)
        for conn in (self.tasks, self.results):
            conn.close()
        try:
            self.process.wait(timeout=None if kill else 5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def death(self) -> str:
        """Why the process ended, for people."""
        code = self.process.wait()
        if code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exited with status {code}"


def _run_workers(
    tasks: Iterator[tuple[int, Task | InspectxError]], options: Options
) -> Iterator[tuple[int, Article | InspectxError]]:
    """Outcomes of `tasks` (numbered 0, 1, ...) in order, from up to `options.jobs` workers,
    started as inputs arrive (so never more than there are inputs)."""
    jobs = max(1, options.jobs)
    window = 2 * jobs * BATCH_INPUTS + 16  # inputs taken ahead of the next one due out: bounds memory
    pending: list[tuple[int, Task, bool]] = []  # (index, task, to be done on its own)
    outcomes: dict[int, Article | InspectxError] = {}
    workers: list[_Worker] = []
    failed_starts: list[str] = []  # why workers died before they were ready, since the last one was
    taken = next_out = 0
    exhausted = False
    try:
        while True:
            while not exhausted and taken - next_out < window and len(pending) < jobs * BATCH_INPUTS:
                item = next(tasks, None)
                if item is None:
                    exhausted = True
                    break
                taken += 1
                index, task = item
                if isinstance(task, InspectxError):
                    outcomes[index] = task
                else:
                    pending.append((index, task, False))
            for worker in workers:
                if pending and worker.idle:
                    worker.give(_next_batch(pending, jobs))
            waiting = sum(1 for w in workers if not w.batch)
            while len(pending) > waiting and len(workers) < jobs:
                workers.append(_Worker(options))
                waiting += 1
            while next_out in outcomes:
                yield next_out, outcomes.pop(next_out)
                next_out += 1
            if exhausted and not pending and next_out == taken:
                return
            if not workers:
                continue
            _wait_for_workers(workers, outcomes, pending, failed_starts, options)
    finally:
        for worker in workers:
            worker.stop(kill=True)


def _next_batch(pending: list[tuple[int, Task, bool]], jobs: int) -> list[tuple[int, Task]]:
    """Take the next batch off the front of `pending`: up to BATCH_INPUTS inputs (no more
    than a fair share of those waiting) of at most BATCH_BYTES together; an input to be
    done on its own, or a large one, goes alone."""
    most = min(BATCH_INPUTS, max(1, len(pending) // jobs))
    batch: list[tuple[int, Task]] = []
    size = 0
    for index, task, alone in pending[:most]:
        size += _size(task)
        if batch and (alone or size > BATCH_BYTES):
            break
        batch.append((index, task))
        if alone:
            break
    del pending[: len(batch)]
    return batch


def _size(task: Task) -> int:
    kind, _, payload = task
    if kind == "path":
        try:
            return os.stat(payload).st_size
        except OSError:
            return 0  # reading it will say why
    return len(payload)


def _wait_for_workers(
    workers: list[_Worker], outcomes: dict, pending: list, failed_starts: list[str], options: Options
) -> None:
    """Wait (a second at most) for a message from a worker, and act on it; kill workers
    past their input's time limit and record workers that died. A worker that dies before
    it is ready is replaced, up to STARTS_TRIED times a job in a row (`failed_starts`)."""
    now = time.monotonic()
    limit = None if options.timeout is None else options.timeout + GRACE
    timeout = 1.0
    if limit is not None:
        for worker in workers:
            if worker.batch:
                timeout = min(timeout, max(0.0, worker.started + limit - now))
    by_conn = {worker.results: worker for worker in workers}
    for conn in wait(list(by_conn), timeout=timeout):
        worker = by_conn[conn]
        try:
            message = conn.recv()
        except (EOFError, OSError):
            workers.remove(worker)
            reason = worker.death()
            worker.stop(kill=True)
            if not worker.ready:
                failed_starts.append(reason)  # killed while loading (out of memory, say): again
                if len(failed_starts) >= STARTS_TRIED * max(1, options.jobs):
                    raise ModelError(f"a worker process could not start ({reason})") from None
                continue
            worker.lost(
                outcomes,
                pending,
                lambda label, reason=reason: WorkerDiedError(
                    f"{label}: the worker process extracting it died ({reason})"
                ),
            )
            continue
        if message[0] == "ready":
            worker.ready = True
            failed_starts.clear()
        elif message[0] == "fatal":
            raise ModelError(message[1])
        elif message[0] == "tick":
            worker.current, worker.started = message[1], time.monotonic()
        else:
            if message[0] == "retry":  # its batch ran out of time: each input again, alone
                index = message[1]
                pending.append((index, worker.batch.pop(index), True))
                pending.sort(key=lambda item: item[0])
                worker.done = WORKER_INPUTS  # it ends after this batch (see `serve`)
            else:
                index, outcome = message
                outcomes[index] = outcome
                worker.batch.pop(index, None)
                worker.done += 1
                if isinstance(outcome, (_OutOfMemory, InputTimeoutError)):
                    worker.done = WORKER_INPUTS  # it ends, or should, after this batch
            if worker.current == index:
                worker.current = None
            worker.started = time.monotonic()
            if not worker.batch and worker.done >= WORKER_INPUTS:
                workers.remove(worker)  # a fresh one takes over, with memory as after loading
                worker.stop()
    if limit is None:
        return
    now = time.monotonic()
    for worker in list(workers):
        if worker.batch and now - worker.started > limit:
            workers.remove(worker)
            worker.stop(kill=True)
            worker.lost(outcomes, pending, lambda label: _timed_out(label, options))


def records_with_raw_text(refs: Iterable[InputRef], options: Options) -> Iterator[tuple[dict[str, Any], str]]:
    """Each input's record and its raw article text (before cleaning; "" for an error record).

    For `inspectx show`, which draws the removed lines too. One input at a time, in order;
    a model that cannot be loaded raises ModelError.
    """
    from inspectx.core import extract_documents

    for ref in refs:
        try:
            document = read(ref, options)
            article = next(extract_documents([document], model=options.model))
        except ModelError:
            raise
        except InspectxError as exc:
            yield error_record(ref.label, exc), ""
            continue
        yield article.to_dict(include_text=options.include_text), document.text


def validate_timeout(seconds: float) -> float:
    """`seconds` as a time limit for one input, or ValueError saying what is accepted."""
    if not (math.isfinite(seconds) and 0 < seconds <= MAX_TIMEOUT):
        # repr, not :g: 86400.0001 must not read as 86400
        raise ValueError(f"{seconds!r} is not a number of seconds more than 0 and at most {MAX_TIMEOUT:g}")
    return seconds
