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
    (tmp_path / "b.txt").write_text(long_line(150_000), encoding="utf-8")
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
