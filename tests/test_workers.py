"""Worker processes: one input never ends or hangs a batch, and the pool never runs away."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import FIXTURES

from inspectx import extract
from inspectx.cli import cli

DURHAM = FIXTURES / "seed_durham.txt"
NORTHUMBRIA = FIXTURES / "seed_northumbria.txt"
WORDS = "officers said the force had improved its response to reports of missing children and"


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner(env=env).invoke(cli, list(args), catch_exceptions=False)


def long_line(size: int) -> str:
    """A plain article on one line of `size` characters: seconds of work for the model."""
    words = WORDS.split()
    line = " ".join(words[i % len(words)] for i in range(size // 5))[:size]
    return "Durham Police praised by inspectors\n" + line + "\n"


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def descendants(pid: int) -> list[int]:
    found = children(pid)
    for child in list(found):
        found += descendants(child)
    return found


def cli_process(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "inspectx", "extract", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--model", "bogus_model_xyz", "--jobs", "2"], None),
        ([], {"INSPECTX_MODEL": "bogus_model_xyz"}),
        (["--model", "numpy"], None),
    ],
    ids=["option-jobs-2", "environment", "importable-non-pipeline"],
)
def test_a_bad_model_is_one_usage_error_before_any_work(tmp_path, args, env):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(NORTHUMBRIA.read_text(encoding="utf-8"), encoding="utf-8")
    started = time.monotonic()
    result = run("extract", *args, str(tmp_path), env=env)
    assert time.monotonic() - started < 10
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
    assert ("numpy" if "numpy" in args else "bogus_model_xyz") in result.stderr


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="counts processes through /proc")
def test_jobs_are_capped_at_the_number_of_inputs(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(DURHAM.read_text(encoding="utf-8"), encoding="utf-8")
    proc = cli_process("-q", "-j", "20", str(tmp_path))
    most = 0
    while proc.poll() is None:
        most = max(most, len(descendants(proc.pid)))
        time.sleep(0.05)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert len(out.splitlines()) == 2
    assert 1 <= most <= 2


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the worker through /proc")
def test_a_killed_worker_gives_its_input_an_error_record_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text(DURHAM.read_text(encoding="utf-8"), encoding="utf-8")
    # larger than a batch may be (batch.BATCH_BYTES), so b.txt is extracted on its own
    (tmp_path / "b.txt").write_text(long_line(250_000), encoding="utf-8")
    (tmp_path / "c.txt").write_text(NORTHUMBRIA.read_text(encoding="utf-8"), encoding="utf-8")
    proc = cli_process("-q", "-j", "1", "--format", "jsonl", str(tmp_path))
    first = proc.stdout.readline()  # a.txt is done: the one worker is now on b.txt
    assert json.loads(first)["source"]["path"].endswith("a.txt")
    (worker,) = children(proc.pid)
    os.kill(worker, signal.SIGKILL)  # what the out-of-memory killer does
    out, err = proc.communicate(timeout=300)
    records = [json.loads(first)] + [json.loads(line) for line in out.splitlines()]
    assert [Path(r["source"]["path"]).name for r in records] == ["a.txt", "b.txt", "c.txt"]
    assert records[1]["error"]["type"] == "worker_died"
    assert "SIGKILL" in records[1]["error"]["message"]
    assert records[2]["force"]["id"] == "northumbria"
    assert proc.returncode == 1, err


def test_an_unexpected_exception_while_reading_one_input_is_its_error_record(tmp_path):
    # a trafilatura that cannot be imported, as with a missing lxml_html_clean
    fake = tmp_path / "site"
    (fake / "trafilatura").mkdir(parents=True)
    (fake / "trafilatura" / "__init__.py").write_text(
        'raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")\n',
        encoding="utf-8",
    )
    pages = tmp_path / "in"
    pages.mkdir()
    (pages / "a.html").write_bytes((FIXTURES / "html_met_broadcaster.html").read_bytes())
    (pages / "b.txt").write_text(DURHAM.read_text(encoding="utf-8"), encoding="utf-8")
    pythonpath = os.pathsep.join(filter(None, [str(fake), os.environ.get("PYTHONPATH")]))
    proc = cli_process("-q", str(pages), env={"PYTHONPATH": pythonpath})
    out, err = proc.communicate(timeout=300)
    records = [json.loads(line) for line in out.splitlines()]
    assert records[0]["error"]["type"] == "ImportError"
    assert "lxml_html_clean" in records[0]["error"]["message"]
    assert records[1]["force"]["id"] == "durham"
    assert proc.returncode == 1, err


def test_extract_many_with_workers_needs_no_main_guard(tmp_path):
    script = tmp_path / "script.py"
    script.write_text(
        "from pathlib import Path\n"
        "from inspectx import extract_many\n"
        f"paths = [Path({str(DURHAM)!r}), Path({str(NORTHUMBRIA)!r})]\n"
        "print([a.force.id for a in extract_many(paths, jobs=2)])\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "['durham', 'northumbria']"


def test_extract_is_safe_to_call_from_threads():
    texts = [DURHAM.read_text(encoding="utf-8"), NORTHUMBRIA.read_text(encoding="utf-8")] * 3
    expected = [extract(t).to_dict() for t in texts[:2]] * 3
    results: list[dict | BaseException | None] = [None] * len(texts)

    def work(i: int) -> None:
        try:
            results[i] = extract(texts[i]).to_dict()
        except BaseException as exc:  # noqa: BLE001 - reported below
            results[i] = exc

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == expected


# --- batches: several inputs to a worker at once, and what happens when one fails ----------


def _text_task(label: str, size: int = 100) -> tuple[str, str, str]:
    return ("text", label, "x" * size)


def test_a_worker_is_given_a_fair_share_of_small_inputs_and_large_ones_alone():
    from inspectx import batch

    pending = [(i, _text_task(str(i)), False) for i in range(2 * batch.BATCH_INPUTS + 4)]
    assert [i for i, _ in batch._next_batch(pending, jobs=2)] == list(range(batch.BATCH_INPUTS))
    assert len(batch._next_batch(pending[:3], jobs=2)) == 1  # 3 waiting, 2 workers: one each first
    big = [(0, _text_task("0", batch.BATCH_BYTES - 10), False), (1, _text_task("1", 50), False)]
    assert [i for i, _ in batch._next_batch(big, jobs=1)] == [0]
    retried = [(0, _text_task("0"), False), (1, _text_task("1"), True), (2, _text_task("2"), False)]
    assert [i for i, _ in batch._next_batch(retried, jobs=1)] == [0]
    assert [i for i, _ in batch._next_batch(retried, jobs=1)] == [1]  # to be done on its own


def test_a_worker_lost_mid_batch_costs_only_the_input_it_was_on_alone():
    from inspectx import batch
    from inspectx.errors import WorkerDiedError

    worker = object.__new__(batch._Worker)  # no process: only the bookkeeping
    worker.batch = {i: _text_task(f"in-{i}") for i in (3, 4, 5)}
    worker.current = None  # extracting the three together: none of them is to blame
    outcomes, pending = {}, []
    worker.lost(outcomes, pending, lambda label: WorkerDiedError(label))
    assert outcomes == {} and [(i, alone) for i, _, alone in pending] == [(3, True), (4, True), (5, True)]

    worker.batch = {i: _text_task(f"in-{i}") for i in (4, 5)}
    worker.current = 4  # retrying them one by one: 4 killed it
    outcomes, pending = {}, []
    worker.lost(outcomes, pending, lambda label: WorkerDiedError(label))
    assert str(outcomes[4]) == "in-4" and [i for i, _, _ in pending] == [5]


def test_an_input_that_fails_in_a_batch_fails_alone_and_the_others_are_extracted():
    from inspectx import batch
    from inspectx.errors import InputTooLargeError

    article = DURHAM.read_text(encoding="utf-8")
    tasks = [
        (0, ("text", "a", article)),
        (1, ("text", "huge", "word " * 250_000)),
        (2, ("text", "c", article)),
    ]
    ticks = []
    outcomes = dict(batch._outcomes(tasks, batch.Options(), ticks.append))
    assert isinstance(outcomes[1], InputTooLargeError)
    assert outcomes[0].force.id == outcomes[2].force.id == "durham"
    assert ticks == [0, 1, 2, None, 0, 1, 2]  # read, extracted together, then again one by one


def test_a_batch_out_of_time_is_handed_back_to_be_done_again_by_a_fresh_worker(monkeypatch):
    from inspectx import batch

    monkeypatch.setattr(
        sys, "unraisablehook", batch._unraisable
    )  # as in a worker: the limit may fall in a finaliser
    article = DURHAM.read_text(encoding="utf-8")
    tasks = [(0, ("text", "a", article)), (1, ("text", "b", article))]
    options = batch.Options(timeout=0.05)  # reading a text takes microseconds; the model, longer
    assert dict(batch._outcomes(tasks, options, lambda index: None)) == {0: None, 1: None}


def test_a_time_limit_inside_a_finaliser_is_not_printed(capsys, monkeypatch):
    from inspectx import batch
    from inspectx.errors import InputTimeoutError

    class Raises:
        def __init__(self, exc: BaseException) -> None:
            self.exc = exc

        def __del__(self) -> None:
            raise self.exc  # as a time limit does when it falls inside a finaliser

    monkeypatch.setattr(sys, "unraisablehook", batch._unraisable)
    Raises(InputTimeoutError("took longer than 1 s"))
    assert capsys.readouterr().err == ""
    Raises(ValueError("a real problem"))
    assert "a real problem" in capsys.readouterr().err


def test_a_time_limit_that_falls_inside_a_finaliser_still_ends_the_block(monkeypatch):
    """The finaliser swallows the limit's exception and the block runs on to its end; the
    block has still taken longer than its limit, and says so."""
    from inspectx import batch
    from inspectx.errors import InputTimeoutError

    class Slow:
        def __del__(self) -> None:
            time.sleep(0.2)  # the limit falls here

    monkeypatch.setattr(sys, "unraisablehook", batch._unraisable)
    finished = False
    with pytest.raises(InputTimeoutError), batch.deadline(0.05):
        Slow()  # made and freed at once: its finaliser runs inside the block
        finished = True
    assert finished


def test_a_worker_killed_while_loading_is_replaced_a_few_times_then_the_batch_stops():
    from inspectx import batch
    from inspectx.errors import ModelError

    def killed_while_loading() -> list:
        worker = batch._Worker(batch.Options())
        worker.process.kill()  # what the out-of-memory killer does to a worker loading the model
        worker.process.wait()
        return [worker]

    failed: list[str] = []
    for _ in range(batch.STARTS_TRIED - 1):
        workers = killed_while_loading()
        batch._wait_for_workers(workers, {}, [], failed, batch.Options())
        assert workers == []  # gone, to be replaced
    with pytest.raises(ModelError, match="could not start"):
        batch._wait_for_workers(killed_while_loading(), {}, [], failed, batch.Options())


def test_a_worker_whose_parent_is_gone_ends_quietly():
    """Ctrl-C or kill -9 on the parent closes the pipes: its workers end without a traceback."""
    from multiprocessing.connection import Connection

    from inspectx.batch import _WORKER_MAIN, Options

    tasks_read, tasks_write = os.pipe()
    results_read, results_write = os.pipe()
    worker = subprocess.Popen(
        [sys.executable, "-c", _WORKER_MAIN, str(tasks_read), str(results_write)],
        pass_fds=(tasks_read, results_write),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(tasks_read)
    os.close(results_write)
    Connection(tasks_write, readable=False).send(Options())
    os.close(results_read)  # the parent goes away before the worker reports it is ready
    _, stderr = worker.communicate(timeout=120)
    assert "Traceback" not in stderr, stderr
    assert worker.returncode == 0


def test_a_worker_runs_its_numerical_libraries_on_one_thread_unless_the_user_set_otherwise(monkeypatch):
    from inspectx import batch

    started = {}

    class Process:  # stands in for the worker's process: only how it was started matters
        def __init__(self, argv, **kwargs):
            started.update(kwargs["env"])
            self.tasks = os.dup(int(argv[3]))  # held open, as the worker would, for the options sent

        def kill(self):
            pass

        def wait(self, timeout=None):
            os.close(self.tasks)
            return 0

    monkeypatch.setattr(batch.subprocess, "Popen", Process)
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "4")
    batch._Worker(batch.Options()).stop(kill=True)
    assert started["OPENBLAS_NUM_THREADS"] == "1"  # numpy's BLAS pool would fight the workers
    assert started["OMP_NUM_THREADS"] == "4"  # the user's choice stands
    assert started["PATH"] == os.environ["PATH"]  # the rest of the environment is passed on


def test_the_command_line_runs_numerical_libraries_on_one_thread_unless_the_user_set_otherwise():
    script = (
        "import os, sys\n"
        "from inspectx.cli import main\n"
        "sys.argv = ['inspectx', '--version']\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['MKL_NUM_THREADS'], file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run(
        [sys.executable, "-c", script], env={**env, "MKL_NUM_THREADS": "3"}, capture_output=True, text=True
    )
    assert done.stderr.split() == ["1", "3"]


def test_a_worker_that_cannot_start_is_said_to_be_so_not_an_output_error(monkeypatch):
    """The interpreter the workers run could not be started (a venv whose Python another user
    cannot run): one `Error:` line that says so; it had read "cannot write output"."""
    real = subprocess.Popen

    def refused(args, *rest, **options):
        if "-c" in args:
            raise PermissionError(13, "Permission denied")
        return real(args, *rest, **options)

    monkeypatch.setattr(subprocess, "Popen", refused)
    result = CliRunner().invoke(cli, ["extract", str(NORTHUMBRIA), str(DURHAM)])
    assert result.exit_code == 1
    assert "cannot start a worker process" in result.stderr and "output" not in result.stderr
