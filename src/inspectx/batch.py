"""Batches: finding the inputs, reading them, and extracting in one or many processes.

Records come out in input order, one per input, as soon as they are ready. An input
that fails becomes an error record; the batch goes on.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from inspectx import reader, resources
from inspectx.errors import InputTimeoutError, InspectxError, ModelError, ReadError
from inspectx.record import ErrorInfo, ErrorRecord, Source

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
#: Inputs read and parsed together in one process.
CHUNK = 16
#: Inputs sent to a worker at a time: small, so that no worker idles at the end of a batch.
WORKER_CHUNK = 4
#: Chunks a worker handles before a fresh one replaces it: a long-lived worker's memory
#: creeps up (allocator fragmentation), and reloading the model every 1,000 articles costs ~2%.
WORKER_TASKS = 250


@dataclass(frozen=True)
class Options:
    """Everything a batch needs to know, built once at the CLI edge."""

    model: str | None = None
    jobs: int = 1
    include_text: bool = False
    max_bytes: int = reader.DEFAULT_MAX_BYTES
    timeout: float = 120.0  # seconds for one input


@dataclass(frozen=True)
class InputRef:
    """One input: its label (the path as named, or '-', as valid Unicode text), the file
    (None for stdin), and why it cannot be read, when the folder walk already knows."""

    label: str
    path: Path | None
    error: str | None = None


def default_jobs() -> int:
    """One worker per core, at most 8: the model is CPU-bound and each worker holds a copy."""
    return max(
        1, min(8, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    )


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
    taken once; paths in `skip` (the output file) never. An entry that cannot be examined
    (a symlink loop, a folder that cannot be entered) becomes an input whose reading
    fails, so that it gets its error record. Folders that gave no input are listed in
    `empty_folders`.
    """

    def __init__(self, globs: Sequence[str] = (), skip: Iterable[str] = ()) -> None:
        import pathspec

        self._globs = pathspec.GitIgnoreSpec.from_lines(globs) if globs else None
        self._only_matching = any(not g.startswith("!") for g in globs)
        self._skip = {input_key(p) for p in skip}
        self._seen: set[str] = set()
        self._seen_folders: set[tuple[int, int]] = set()
        self._project_files = frozenset(resources.load("project_files"))
        self.empty_folders: list[str] = []

    def __call__(self, names: Iterable[str]) -> Iterator[InputRef]:
        for name in names:
            if name == "-":
                if "-" not in self._seen:
                    self._seen.add("-")
                    yield InputRef("-", None)
                continue
            path = Path(name)
            if not path.is_dir():
                if self._first_time(name):
                    yield InputRef(display_path(name), path)
                continue
            walked_before = self._folder_id(path) in self._seen_folders
            found = False
            for ref in self._walk(path, name, ""):
                found = True
                yield ref
            if not found and not walked_before:
                self.empty_folders.append(display_path(name))

    @staticmethod
    def _folder_id(folder: Path) -> tuple[int, int] | None:
        try:
            info = os.stat(folder)
        except OSError:
            return None
        return info.st_dev, info.st_ino

    def _first_time(self, path: str | os.PathLike[str]) -> bool:
        key = input_key(path)
        if key in self._seen or key in self._skip:
            return False
        self._seen.add(key)
        return True

    def _walk(self, folder: Path, label: str, relative: str) -> Iterator[InputRef]:
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in self._seen_folders:
                return  # a symlink loop, or a folder reached twice
            self._seen_folders.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            shown = display_path(label)
            yield InputRef(shown, folder, error=f"{shown}: cannot read folder: {exc.strerror or exc}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child_label = os.path.join(label, entry.name)
            child = Path(entry.path)
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError:  # a symlink loop: reading it gives the error record
                if self._first_time(child):
                    yield InputRef(display_path(child_label), child)
                continue
            if is_dir:
                if not self._excluded(relative + entry.name + "/"):
                    yield from self._walk(child, child_label, relative + entry.name + "/")
            elif (
                (is_file or entry.is_symlink())  # a broken link too: reading it gives the error record
                and self._is_article(entry.name, relative + entry.name)
                and self._first_time(child)
            ):
                yield InputRef(display_path(child_label), child)

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


def iter_inputs(paths: Sequence[str]) -> Iterator[InputRef]:
    """The inputs for these paths, as `InputWalk` finds them (no globs)."""
    return InputWalk()(paths)


def read(ref: InputRef, options: Options) -> reader.Document:
    """Read one input (stdin for '-')."""
    if ref.error is not None:
        raise ReadError(ref.error)
    if ref.path is None:
        return reader.decode(sys.stdin.buffer.read(), "-", max_bytes=options.max_bytes)
    return reader.read_path(ref.path, ref.label, options.max_bytes)


def extract_records(
    paths: Iterable[str], *, model: str | None = None, include_text: bool = False
) -> list[dict[str, Any]]:
    """The records (dicts, as the CLI writes them) for these files or folders, in order.

    Meant for one partition of a distributed job (`dask.bag.map_partitions`): the pipeline
    is loaded once per process and reused by every later call there. A file that fails
    gives its error record, as in the CLI.
    """
    options = Options(model=model, include_text=include_text)
    return list(_process_serial(iter_inputs(list(paths)), options))


def error_record(label: str, exc: BaseException) -> dict[str, Any]:
    kind = exc.kind if isinstance(exc, InspectxError) else type(exc).__name__
    message = str(exc) or type(exc).__name__
    return ErrorRecord(Source(label), ErrorInfo(kind, message)).to_dict()


def process(refs: Iterable[InputRef], options: Options) -> Iterator[dict[str, Any]]:
    """One record (a dict ready for output) per input, in input order."""
    if options.jobs <= 1:
        yield from _process_serial(refs, options)
        return
    yield from _process_parallel(refs, options)


def _batched(items: Iterable, size: int) -> Iterator[list]:
    """`items` in lists of `size` (the last one shorter), lazily."""
    items = iter(items)
    while batch := list(islice(items, size)):
        yield batch


def _process_serial(refs: Iterable[InputRef], options: Options) -> Iterator[dict[str, Any]]:
    for chunk in _batched(refs, CHUNK):
        yield from _process_chunk(chunk, options)


def _process_chunk(chunk: list[InputRef], options: Options) -> list[dict[str, Any]]:
    """Records for a chunk of inputs, in order: the chunk goes through the pipeline together,
    and one by one only when something in it failed or took too long."""
    from inspectx import pipeline
    from inspectx.core import extract_documents

    pipeline.build(options.model)  # loading the model is not part of any input's time limit
    records: list[dict[str, Any] | None] = [None] * len(chunk)
    documents: list[tuple[int, reader.Document]] = []
    for i, ref in enumerate(chunk):
        try:
            documents.append((i, read(ref, options)))
        except Exception as exc:  # noqa: BLE001 - one input's failure is its error record
            records[i] = error_record(ref.label, exc)
    articles = None
    try:
        with deadline(options.timeout * max(1, len(documents))):
            articles = list(extract_documents([d for _, d in documents], model=options.model))
    except ModelError:
        raise
    except Exception:  # noqa: BLE001 - the failing input is isolated below
        articles = None
    for n, (i, document) in enumerate(documents):
        if articles is not None:
            records[i] = articles[n].to_dict(include_text=options.include_text)
            continue
        try:
            with deadline(options.timeout):
                article = next(extract_documents([document], model=options.model))
            records[i] = article.to_dict(include_text=options.include_text)
        except ModelError:
            raise
        except InputTimeoutError:
            records[i] = error_record(
                document.path,
                InputTimeoutError(f"{document.path}: extraction took longer than {options.timeout:g} s"),
            )
        except Exception as exc:  # noqa: BLE001 - one input's failure is its error record
            records[i] = error_record(document.path, exc)
    return [r for r in records if r is not None]


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise InputTimeoutError in this block after `seconds` (main thread on Unix; else no limit)."""
    usable = (
        seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise InputTimeoutError(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- worker processes ----------------------------------------------------------------------

_worker_options: Options | None = None


def _init_worker(options: Options) -> None:
    global _worker_options
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    _worker_options = options
    from inspectx import pipeline

    pipeline.build(options.model)


def _work(chunk: list[InputRef]) -> list[dict[str, Any]]:
    assert _worker_options is not None
    return _process_chunk(chunk, _worker_options)


def _process_parallel(refs: Iterable[InputRef], options: Options) -> Iterator[dict[str, Any]]:
    refs = list(refs)
    if any(r.path is None for r in refs):  # stdin can only be read here, in the parent
        yield from _process_serial(refs, options)
        return
    for records in _pool_map(_work, _batched(refs, WORKER_CHUNK), options):
        yield from records


def _pool_map(work, chunks: Iterable[list], options: Options) -> Iterator[Any]:
    """Run `work` on each chunk in `options.jobs` processes, yielding results in order."""
    import multiprocessing

    if sys.platform == "win32":
        context = multiprocessing.get_context("spawn")
    else:
        # workers start from a server that has already imported spaCy, not from this process
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["inspectx.pipeline"])
    pool = context.Pool(
        options.jobs, initializer=_init_worker, initargs=(options,), maxtasksperchild=WORKER_TASKS
    )
    try:
        yield from pool.imap(work, chunks)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _work_articles(chunk: list) -> list:
    from inspectx.core import extract_many

    assert _worker_options is not None
    return list(extract_many(chunk, model=_worker_options.model))


def extract_parallel(items: Iterable, *, model: str | None, jobs: int) -> Iterator:
    """`extract_many` over `jobs` processes, each loading the pipeline once; input order kept."""
    options = Options(model=model, jobs=jobs)
    for articles in _pool_map(_work_articles, _batched(items, WORKER_CHUNK), options):
        yield from articles


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
