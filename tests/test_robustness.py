"""Whatever arrives, inspectx gives a record or a clear error record, and loses nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import FIXTURES

from inspectx.cli import cli

NORTHUMBRIA = FIXTURES / "seed_northumbria.txt"
STORY = (
    "Durham Police\u2019s \u201cchild protection\u201d work praised by inspectors\n"
    "Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services found the force "
    "had improved its response to missing children. Caf\u00e9 r\u00e9sum\u00e9.\n"
)


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def record_for(path: Path, *extra: str) -> dict:
    result = run("extract", "--include-text", *extra, str(path))
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("codec", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8"),
        ("utf-16", "utf-16"),
        ("utf-32", "utf-32"),
        ("cp1252", "cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf32-bom", "windows-1252"],
)
def test_encodings_are_decoded_and_reported(tmp_path, codec, reported):
    path = tmp_path / "a.txt"
    path.write_bytes(STORY.encode(codec))
    record = record_for(path)
    assert record["source"]["encoding"] == reported
    assert record["text"] == STORY.strip()
    assert record["force"]["id"] == "durham"


def test_latin1_text_is_decoded_correctly(tmp_path):
    path = tmp_path / "a.txt"
    text = "Police praised by inspectors\nCaf\u00e9 owners offered a \u00a3500 reward.\n"
    path.write_bytes(text.encode("latin-1"))
    record = record_for(path)
    assert record["text"] == text.strip()
    assert record["source"]["encoding"] == "cp1252"  # Latin-1's superset: the same text


def test_crlf_nbsp_and_zero_width_characters_do_not_change_the_facts(tmp_path):
    plain = record_for(NORTHUMBRIA)
    messy = NORTHUMBRIA.read_text(encoding="utf-8").replace("\n", "\r\n")
    messy = messy.replace("Northumbria Police", "Northumbria\u00a0Police").replace("HMICFRS", "HMIC\u200bFRS")
    messy = messy.replace("Phil Gormley", "Phil\u200f Gormley\u200e")  # direction marks
    path = tmp_path / "messy.txt"
    path.write_text(messy, encoding="utf-8", newline="")
    record = record_for(path)
    for key in ("force", "inspectorate", "inspectors", "dates", "improvements", "concerns", "text"):
        assert record[key] == plain[key], key


@pytest.mark.parametrize(
    "content",
    [b"", b"   \n\n\t\n", b"Hide Ad\nHide Ad\nShare\nComments\n"],
    ids=["empty", "blank", "junk-only"],
)
def test_empty_and_junk_files_give_a_record_with_nothing_invented(tmp_path, content):
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    result = run("extract", "--include-text", str(path))
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["text"] == ""
    assert record["relevant"] is False
    assert record["force"] is None and record["inspectorate"] is None
    assert record["improvements"] == [] and record["concerns"] == []
    assert all(v is None for v in record["dates"].values())


def test_binary_without_nul_bytes_is_not_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(bytes(range(1, 32)) * 40)
    result = run("extract", str(path))
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["type"] == "not_text"


def test_a_pdf_whose_bytes_are_all_ascii_is_not_text(tmp_path):
    # an uncompressed PDF reads as ASCII: its operators must not become an article
    path = tmp_path / "report.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n4 0 obj << /Length 60 >> stream\n"
        b"BT /F1 12 Tf 72 712 Td (The force was rated inadequate by inspectors.) Tj ET\n"
        b"endstream endobj\n%%EOF\n"
    )
    result = run("extract", str(path))
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "not_text" and "a PDF document" in error["message"]


def test_files_over_the_size_limit_are_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    result = run("extract", "--max-bytes", "10", str(path))
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "too_large"
    assert "over the limit of 10" in error["message"]


def test_text_longer_than_the_model_allows_is_refused_clearly(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(("Police were praised by inspectors. " * 40 + "\n") * 800, encoding="utf-8")
    result = run("extract", "--max-bytes", "5000000", str(path), str(NORTHUMBRIA))
    assert result.exit_code == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["error"]["type"] == "too_large"
    assert "model's limit" in first["error"]["message"]
    assert second["force"]["id"] == "northumbria"


def test_broken_links_become_error_records_and_loops_are_walked_once(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    result = run("extract", "-q", str(tmp_path))
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["path"] for r in records] == [str(tmp_path / "a.txt"), str(tmp_path / "gone.txt")]
    assert records[1]["error"]["type"] == "read_error"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_an_unreadable_file_named_on_the_command_line_is_an_error_record(tmp_path):
    ok, locked = tmp_path / "ok.txt", tmp_path / "locked.txt"
    for path in (ok, locked):
        path.write_text("Kent Police inspected\nInspectors found delays.\n", encoding="utf-8")
    locked.chmod(0)
    try:
        result = run("extract", "-q", str(ok), str(locked))
    finally:
        locked.chmod(0o644)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1
    assert "error" not in records[0] and records[1]["error"]["type"] == "read_error"


def test_the_command_line_leaves_reading_to_the_batch(tmp_path, monkeypatch):
    """A path the permission check calls unreadable is not refused before any work (exit 2,
    nothing written): reading it is the batch's, which gives a read_error record and goes
    on. Checked as root too, by making os.access say no."""
    ok, locked = tmp_path / "ok.txt", tmp_path / "locked.txt"
    for path in (ok, locked):
        path.write_text("Kent Police inspected\nInspectors found delays.\n", encoding="utf-8")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: str(p) != str(locked) and real(p, mode, **kw))
    both = [str(ok), str(locked)]
    for args in (["extract", "-q", *both], ["show", *both], ["clean", str(locked)]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any folder")
def test_unreadable_folder_is_an_error_record(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        result = run("extract", "-q", str(tmp_path))
    finally:
        locked.chmod(0o755)
    assert json.loads(result.stdout)["error"]["type"] == "read_error"


def test_failure_before_writing_leaves_the_output_file_untouched(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    result = run("extract", "--model", "no_such_model_xyz", "-o", str(out), str(NORTHUMBRIA))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "no_such_model_xyz" in result.stderr
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert list(tmp_path.iterdir()) == [out]


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_bad_jobs_values_are_usage_errors(value):
    result = run("extract", "--jobs", value, str(NORTHUMBRIA))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1


def test_an_input_over_the_time_limit_becomes_a_timeout_record():
    result = run("extract", "--timeout", "0.001", str(NORTHUMBRIA))
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "timeout"


def test_resume_keeps_finished_records_and_adds_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(NORTHUMBRIA.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("extract", "-q", "-o", str(out), str(folder)).exit_code == 0
    first_two = out.read_text(encoding="utf-8").splitlines(keepends=True)[:2]
    out.write_text("".join(first_two) + '{"truncated', encoding="utf-8")
    result = run("extract", "-o", str(out), "--resume", str(folder))
    assert result.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[:2] == first_two
    assert [json.loads(line)["source"]["path"] for line in lines] == [
        str(folder / n) for n in ("a.txt", "b.txt", "c.txt")
    ]
    assert "1 record written, and 2 kept" in result.stderr


def test_resume_does_again_an_input_whose_file_changed(tmp_path):
    """A record is kept only while its file has the sha256 it records, as in a database."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(NORTHUMBRIA.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_text(NORTHUMBRIA.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("extract", "-q", "-o", str(out), str(folder)).exit_code == 0
    (folder / "b.txt").write_text(
        "Durham police praised\nHMICFRS said Durham Constabulary had improved its 999 call handling.\n",
        encoding="utf-8",
    )
    result = run("extract", "-o", str(out), "--resume", str(folder))
    assert result.exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["source"]["path"], r["force"]["id"]) for r in records] == [
        (str(folder / "a.txt"), "northumbria"),
        (str(folder / "b.txt"), "durham"),
    ]
    assert "1 record written, and 1 kept" in result.stderr


def test_resume_needs_an_output_file():
    result = run("extract", "--resume", str(NORTHUMBRIA))
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("signum", "code", "jobs"),
    [
        (signal.SIGINT, 130, "1"),
        (signal.SIGTERM, 143, "1"),
        (signal.SIGINT, 130, "2"),
        (signal.SIGHUP, 129, "2"),
    ],
    ids=["int", "term", "int-workers", "hangup-to-the-group"],
)
def test_interrupting_a_batch_keeps_every_finished_record(tmp_path, signum, code, jobs):
    """Ctrl-C, SIGTERM, or a closed terminal (SIGHUP to the whole process group, workers
    too): the records finished are in the output, which is whole."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = NORTHUMBRIA.read_text(encoding="utf-8")
    for i in range(400):
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "inspectx", "extract", "-q", "-j", jobs, "-o", str(out), str(folder)],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        temps = list(tmp_path.glob(".out.jsonl.*.tmp"))
        if temps and temps[0].stat().st_size > 0:
            break
        time.sleep(0.05)
    if signum == signal.SIGHUP:
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code, stderr
    assert "Traceback" not in stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert 0 < len(lines) < 400
    assert all(json.loads(line)["force"]["id"] == "northumbria" for line in lines)
    assert not list(tmp_path.glob(".out.jsonl.*.tmp"))


@pytest.mark.parametrize("command", ["summary", "show"])
def test_interrupting_summary_or_show_of_a_folder_stops_it_even_with_sigint_ignored(tmp_path, command):
    """Started from a shell's background (SIGINT ignored, which Python then keeps), Ctrl-C
    still stops `summary DIR` and `show DIR`: exit 130, nothing half printed."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = NORTHUMBRIA.read_text(encoding="utf-8")
    for i in range(400):
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    args = [sys.executable, "-m", "inspectx", command, str(folder)]
    if command == "show":
        args += ["-o", str(tmp_path / "page.html")]
    proc = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    time.sleep(8)  # the model is loaded and the folder under way
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Interrupted" in stderr and "Traceback" not in stderr
    assert stdout == "" and not (tmp_path / "page.html").exists()


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("letter.rtf", b"{\\rtf1\\ansi\\deff0 Kent Police was praised by HMICFRS inspectors.\\par}", "RTF"),
        ("report.docx", b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, "zip archive"),
    ],
    ids=["rtf", "docx"],
)
def test_an_office_document_is_named_as_such_not_read_as_text(tmp_path, name, data, said):
    """An RTF file is all ASCII (its control words had become the title and findings were
    lost); a .docx is a zip archive (it had been called "binary data")."""
    path = tmp_path / name
    path.write_bytes(data)
    result = run("extract", str(path))
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "not_text" and said in error["message"] and "convert" in error["message"]
