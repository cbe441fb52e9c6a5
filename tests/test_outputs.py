"""Outputs never lose or clobber data, and have one shape whatever the number of inputs."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import FIXTURES

from inspectx import batch
from inspectx.cli import cli

NORTHUMBRIA = str(FIXTURES / "seed_northumbria.txt")
DURHAM = str(FIXTURES / "seed_durham.txt")
#: A story that names no force or inspectorate: only tokenised, so it is quick. Its record
#: (with --include-text) is larger than the stream's buffer, so it is written straight to
#: the pipe, and 12 of them are more than a pipe holds.
#: An article that reports no inspection: 150 different sentences (the cleaner drops repeated lines).
FILLER = "".join(
    f"The parish council met on Tuesday for the {n}th time to talk about the new bus shelter and the fete.\n"
    for n in range(4, 154)
)


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def interrupt_after(monkeypatch, n: int) -> None:
    """Make the batch yield its first `n` real records, then behave as if Ctrl-C arrived."""
    real = batch.process

    def process(refs, options):
        for i, record in enumerate(real(refs, options)):
            if i == n:
                raise KeyboardInterrupt
            yield record
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "process", process)


def folder_of(tmp_path: Path, n: int, text: str | None = None) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    text = text if text is not None else Path(NORTHUMBRIA).read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


# --- interrupts -------------------------------------------------------------------------------


def test_an_interrupt_before_any_record_leaves_the_output_file_untouched(tmp_path, monkeypatch):
    out = tmp_path / "keep.jsonl"
    out.write_text('{"earlier": "run"}\n', encoding="utf-8")
    interrupt_after(monkeypatch, 0)
    result = run("extract", "-q", "-o", str(out), NORTHUMBRIA, DURHAM)
    assert result.exit_code == 130
    assert out.read_text(encoding="utf-8") == '{"earlier": "run"}\n'
    assert list(tmp_path.iterdir()) == [out]
    assert "0 of 2 records written" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "jsonl"])
def test_an_interrupted_run_writes_what_it_reports_in_every_format(tmp_path, monkeypatch, fmt):
    out = tmp_path / "t.txt"
    out.write_text("old\n", encoding="utf-8")
    interrupt_after(monkeypatch, 1)
    result = run("extract", "-q", "--format", fmt, "-o", str(out), NORTHUMBRIA, DURHAM)
    assert result.exit_code == 130
    assert "1 of 2 records written" in result.stderr
    written = out.read_text(encoding="utf-8")
    if fmt == "table":
        assert "Northumbria Police" in written and "Durham" not in written
    elif fmt == "csv":
        assert [row[0] for row in csv.reader(io.StringIO(written))] == ["path", NORTHUMBRIA]
    elif fmt == "json":
        assert [r["source"]["path"] for r in json.loads(written)] == [NORTHUMBRIA]
    else:
        assert [json.loads(line)["source"]["path"] for line in written.splitlines()] == [NORTHUMBRIA]


def _blocked_in_pipe_write(pid: int) -> bool:
    try:
        return "pipe_write" in Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="needs /proc/PID/wchan (Linux)")
def test_interrupting_a_slow_pipe_leaves_whole_lines_on_stdout(tmp_path):
    folder = folder_of(tmp_path, 12, FILLER)
    proc = subprocess.Popen(
        [sys.executable, "-m", "inspectx", "extract", "-q", "--include-text", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not _blocked_in_pipe_write(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)  # nobody reads: the pipe fills, and a write blocks inside a record
    proc.send_signal(signal.SIGINT)
    time.sleep(1)
    proc.send_signal(signal.SIGINT)  # the impatient second Ctrl-C, while the write still blocks
    time.sleep(0.5)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert stdout.endswith(b"\n")
    records = [json.loads(line) for line in stdout.decode("utf-8").splitlines()]
    assert records and all(r["text"].startswith("The parish council") for r in records)


# --- stranded temporary files --------------------------------------------------------------------


def test_a_killed_run_leaves_records_that_resume_takes_and_no_temporary_file(tmp_path):
    folder = folder_of(tmp_path, 40)
    out = tmp_path / "k.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "inspectx", "extract", "-q", "-j", "1", "-o", str(out), str(folder)],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        temps = list(tmp_path.glob(".k.jsonl.*.tmp"))
        if temps and temps[0].read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    stranded = list(tmp_path.glob(".k.jsonl.*.tmp"))
    assert len(stranded) == 1
    finished = stranded[0].read_bytes().count(b"\n")
    assert not out.exists()

    result = run("extract", "-o", str(out), "--resume", str(folder))
    assert result.exit_code == 0, result.stderr
    assert f"{40 - finished} records written, and {finished} kept" in result.stderr
    paths = [json.loads(line)["source"]["path"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(paths) == [str(folder / f"{i:03d}.txt") for i in range(40)]
    assert list(tmp_path.glob(".k.jsonl.*.tmp")) == []


def test_stale_temporary_files_of_the_output_are_removed_and_others_kept(tmp_path):
    out = tmp_path / "k.jsonl"
    dead = tmp_path / ".k.jsonl.4000000.abcd1234.tmp"  # no process can have this id
    dead.write_text("", encoding="utf-8")
    alive = tmp_path / f".k.jsonl.{os.getpid()}.abcd1234.tmp"  # a run still going
    alive.write_text("", encoding="utf-8")
    other = tmp_path / ".other.jsonl.4000000.abcd1234.tmp"
    other.write_text("", encoding="utf-8")
    assert run("extract", "-q", "-o", str(out), DURHAM).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, alive.name, other.name])


def test_runs_started_at_once_with_one_output_never_both_write_it(tmp_path):
    """Two runs started within milliseconds both pass the check made before any work; the
    one that then finds the other's temporary file beside its own stops (a usage error),
    leaving no file of its own, so no run's records replace another's."""
    from inspectx import output
    from inspectx.errors import OutputBusyError

    out = tmp_path / "out.jsonl"
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        output.check_output(str(out))  # this run checked before the other made its file
        theirs = tmp_path / f".out.jsonl.{writer.pid}.abcd1234.tmp"
        theirs.write_text("", encoding="utf-8")
        busy = pytest.raises(OutputBusyError, match=f"another run \\(process {writer.pid}\\)")
        with busy, output.open_output(str(out)):
            pass
        assert sorted(p.name for p in tmp_path.iterdir()) == [theirs.name]
    finally:
        writer.kill()
        writer.wait()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process start times come from /proc")
def test_a_killed_runs_file_whose_process_number_was_taken_since_blocks_nothing(tmp_path):
    """A run killed (its temporary file left), and its process number now another
    program's, started after the file was last written: the file is a leftover, said and
    removed, not "another run is writing it"."""
    out = tmp_path / "k.jsonl"
    other_program = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        leftover = tmp_path / f".k.jsonl.{other_program.pid}.abcd1234.tmp"
        leftover.write_text("", encoding="utf-8")
        an_hour_ago = time.time() - 3600
        os.utime(leftover, (an_hour_ago, an_hour_ago))
        result = run("extract", "-o", str(out), DURHAM)
        assert result.exit_code == 0, result.stderr
        assert "from a killed run will be removed" in result.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
    finally:
        other_program.kill()
        other_program.wait()


@pytest.mark.parametrize("command", ["summary", "show"])
@pytest.mark.parametrize("columns", ["0", "5", "wide"])
def test_a_nonsense_terminal_width_still_prints_everything(tmp_path, monkeypatch, command, columns):
    """COLUMNS=0 made rich print nothing (exit 0) and COLUMNS=5 cut every cell to a letter:
    text is drawn at least 40 columns wide, and a COLUMNS that is no number is ignored."""
    records = tmp_path / "out.jsonl"
    records.write_text(run("extract", "-q", DURHAM).stdout, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", columns)
    result = run(command, str(records) if command == "summary" else DURHAM)
    assert result.exit_code == 0
    assert "Durham" in result.stdout  # the force, cut to the narrowest table's cell or whole


# --- replacing -o --------------------------------------------------------------------------------


def test_a_new_output_file_gets_the_mode_of_a_shell_redirection(tmp_path):
    out = tmp_path / "new.jsonl"
    previous = os.umask(0o022)
    try:
        assert run("extract", "-q", "-o", str(out), DURHAM).exit_code == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_an_existing_output_file_keeps_its_mode(tmp_path):
    out = tmp_path / "old.jsonl"
    out.write_text("", encoding="utf-8")
    out.chmod(0o664)
    assert run("extract", "-q", "-o", str(out), DURHAM).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o664


def test_output_through_a_symlink_writes_the_target(tmp_path):
    (tmp_path / "data").mkdir()
    target = tmp_path / "data" / "real.jsonl"
    target.write_text("", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert run("extract", "-q", "--format", "jsonl", "-o", str(link), DURHAM).exit_code == 0
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["force"]["id"] == "durham"


# --- output errors -------------------------------------------------------------------------------


def test_output_into_a_missing_folder_is_a_usage_error(tmp_path):
    result = run("extract", "-o", str(tmp_path / "nope" / "out.jsonl"), DURHAM)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to any folder")
def test_output_into_a_read_only_folder_is_a_usage_error(tmp_path):
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = run("extract", "-o", str(locked / "out.jsonl"), DURHAM)
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [["extract", DURHAM], ["clean", DURHAM], ["schema"], ["show", DURHAM]],
    ids=["extract", "clean", "schema", "show"],
)
def test_a_full_device_is_one_error_line(args):
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "inspectx", *args], stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert proc.returncode == 1
    assert proc.stderr.startswith("Error: ") and "No space left on device" in proc.stderr
    assert len(proc.stderr.splitlines()) == 1, proc.stderr


def test_output_to_a_fifo_is_written_directly(tmp_path):
    fifo = tmp_path / "pipe.jsonl"  # stands for a device too; never a real device here
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("extract", "-q", "-o", str(fifo), DURHAM)
    reader.join(timeout=60)
    assert result.exit_code == 0
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(received[0])["force"]["id"] == "durham"
    assert list(tmp_path.iterdir()) == [fifo]


# --- -o is never an input --------------------------------------------------------------------------


def test_output_that_is_an_input_is_refused(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(Path(DURHAM).read_text(encoding="utf-8"), encoding="utf-8")
    before = article.read_bytes()
    result = run("extract", str(article), "-o", str(tmp_path / "." / "a.txt"))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "input" in result.stderr
    assert article.read_bytes() == before


def test_output_that_is_the_list_of_inputs_is_refused_and_the_list_kept(tmp_path):
    """`-i list -o list` would replace the user's list of paths with records."""
    paths = tmp_path / "inputs.lst"
    paths.write_text(f"{DURHAM}\n", encoding="utf-8")
    before = paths.read_bytes()
    result = run("extract", "-i", str(paths), "-o", str(paths))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "list of inputs" in result.stderr
    assert paths.read_bytes() == before


def test_output_inside_an_input_folder_is_not_read_as_an_article(tmp_path):
    folder = folder_of(tmp_path, 1)
    out = folder / "summary.txt"
    for _ in range(2):
        result = run("extract", "-q", "--format", "jsonl", "-o", str(out), str(folder))
        assert result.exit_code == 0
        assert [json.loads(line)["source"]["path"] for line in out.read_text("utf-8").splitlines()] == [
            str(folder / "000.txt")
        ]


# --- --resume ----------------------------------------------------------------------------------------


def test_resume_drops_damaged_and_foreign_lines_with_a_warning(tmp_path):
    folder = folder_of(tmp_path, 2)
    out = tmp_path / "out.jsonl"
    assert run("extract", "-q", "-o", str(out), str(folder)).exit_code == 0
    first = out.read_bytes().splitlines(keepends=True)[0]
    nested = b"[" * 100_000 + b"]" * 100_000 + b"\n"  # deeper than json's decoder recurses
    out.write_bytes(first + b'{"source": "x"}\n[1, 2]\n' + nested + b'{"source": {"path": "caf\xc3')
    result = run("extract", "-o", str(out), "--resume", str(folder))
    assert result.exit_code == 0
    assert "Traceback" not in result.stderr
    assert "4 damaged or foreign lines" in result.stderr
    lines = out.read_bytes().splitlines(keepends=True)
    assert lines[0] == first
    assert [json.loads(line)["source"]["path"] for line in lines] == [
        str(folder / "000.txt"),
        str(folder / "001.txt"),
    ]


def test_resume_knows_an_input_by_any_spelling_of_its_path(tmp_path, monkeypatch):
    folder = folder_of(tmp_path, 2)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out.jsonl"
    assert run("extract", "-q", "-o", str(out), "in").exit_code == 0
    for spelling in ("./in", str(folder), "in/"):
        result = run("extract", "-o", str(out), "--resume", spelling)
        assert result.exit_code == 0
        assert len(out.read_text(encoding="utf-8").splitlines()) == 2, spelling


def test_resume_from_another_working_folder_knows_records_written_with_relative_paths(tmp_path, monkeypatch):
    """A JSON Lines record keeps the path as given ("in/000.txt"): resumed from elsewhere, the
    input whose resolved path ends with it is that record's, changed files still done again."""
    folder = folder_of(tmp_path, 2)
    out = tmp_path / "out.jsonl"
    monkeypatch.chdir(tmp_path)
    assert run("extract", "-q", "-o", "out.jsonl", "in").exit_code == 0
    changed = sorted(folder.iterdir())[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path.parent)
    result = run("extract", "-o", str(out), "--resume", str(folder))
    assert result.exit_code == 0
    paths = [json.loads(line)["source"]["path"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert paths == ["in/000.txt", str(changed)]


# --- output shapes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("out.json", lambda text: isinstance(json.loads(text), list)),
        ("out.jsonl", lambda text: len(text.splitlines()) == 2),
        ("out.ndjson", lambda text: len(text.splitlines()) == 2),
        ("out.csv", lambda text: text.startswith("path,")),
    ],
    ids=["json", "jsonl", "ndjson", "csv"],
)
def test_output_format_follows_the_extension(tmp_path, name, check):
    out = tmp_path / name
    assert run("extract", "-q", "-o", str(out), NORTHUMBRIA, DURHAM).exit_code == 0
    assert check(out.read_text(encoding="utf-8"))


def test_json_of_one_file_is_an_object_and_of_a_folder_an_array(tmp_path):
    folder = folder_of(tmp_path, 1)
    single = json.loads(run("extract", "--format", "json", str(folder / "000.txt")).stdout)
    assert single["force"]["id"] == "northumbria"
    listed = json.loads(run("extract", "--format", "json", str(folder)).stdout)
    assert [r["force"]["id"] for r in listed] == ["northumbria"]
    several = json.loads(run("extract", "-q", "--format", "json", NORTHUMBRIA, DURHAM).stdout)
    assert [r["force"]["id"] for r in several] == ["northumbria", "durham"]


def test_csv_has_relevance_byline_site_grades_and_text_on_request():
    result = run("extract", "-q", "--format", "csv", "--include-text", NORTHUMBRIA, DURHAM)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"relevant", "byline", "site", "grades", "text"} <= set(rows[0])
    assert rows[0]["relevant"] == "true"
    assert rows[0]["byline"] == "Ben O'Connell, Local Democracy Reporting Service"
    assert rows[0]["text"] == run("clean", NORTHUMBRIA).stdout.rstrip("\n")
    without = run("extract", "-q", "--format", "csv", NORTHUMBRIA).stdout
    assert "text" not in next(csv.reader(io.StringIO(without)))


def test_csv_writes_grades_as_area_and_grade():
    from inspectx.output import csv_columns, csv_row

    record = {"source": {"path": "a.txt"}, "grades": [{"area": "vetting", "grade": "good"}]}
    row = dict(zip(csv_columns(include_text=False), csv_row(record, include_text=False), strict=True))
    assert row["grades"] == "vetting: good"
    record = {
        "source": {"path": "a.txt"},
        "force": {"name": "Kent Police", "id": "kent", "mentions": ["Kent Police"]},
        "grades": [
            {"area": "vetting", "grade": "good", "force": "Kent Police"},
            {"area": "vetting", "grade": "inadequate", "force": "Essex Police"},
        ],
    }
    row = dict(zip(csv_columns(include_text=False), csv_row(record, include_text=False), strict=True))
    assert row["grades"] == "vetting: good | vetting: inadequate (Essex Police)"


def test_csv_cells_never_open_a_spreadsheet_formula(tmp_path):
    """A title an article put there ('=HYPERLINK(...)') must not run when the CSV is opened."""
    article = tmp_path / "formula.txt"
    article.write_text(
        '=HYPERLINK("http://example.invalid","click") Gwent Police praised\n'
        "Inspectors from HMICFRS found that Gwent Police answers calls quickly.\n",
        encoding="utf-8",
    )
    rows = list(csv.DictReader(io.StringIO(run("extract", "-q", "--format", "csv", str(article)).stdout)))
    assert rows[0]["title"].startswith("'=HYPERLINK(")


def test_stdin_s_path_in_csv_is_a_bare_hyphen_as_in_the_json_records():
    """No spreadsheet evaluates a lone "-": escaped, `path` would not join with the JSON."""
    text = "Watchdog praises Gwent Police\nInspectors from HMICFRS praised Gwent Police.\n"
    rows = list(csv.DictReader(io.StringIO(run("extract", "-q", "--format", "csv", "-", input=text).stdout)))
    assert rows[0]["path"] == "-"


def test_table_has_relevance_and_never_splits_words(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = run("extract", "-q", "--format", "table", NORTHUMBRIA, DURHAM)
    assert result.exit_code == 0
    assert "relevant" in result.stdout
    words = set(Path(NORTHUMBRIA).read_text(encoding="utf-8").split())
    words |= set(Path(DURHAM).read_text(encoding="utf-8").split())
    words |= {
        "path",
        "force",
        "insp",
        "relevant",
        "published",
        "impr",
        "conc",
        "first",
        "concern",
        "yes",
        "no",
    }
    for line in result.stdout.splitlines():
        for cell in line.split("│"):
            for word in cell.split():
                fragment = word.rstrip("…")
                assert word.endswith("…") or fragment in words or not fragment.isalpha(), line


@pytest.mark.parametrize("columns", ["40", "20"])
def test_a_table_on_a_narrow_terminal_shows_every_value_cut_never_blank(monkeypatch, columns):
    """Narrower than every column at its least, the table is as wide as it needs (the
    terminal wraps it): each cell that has a value shows some of it."""
    monkeypatch.setenv("COLUMNS", columns)
    result = run("extract", "-q", "--format", "table", NORTHUMBRIA, DURHAM)
    rows = [line.split("│")[1:-1] for line in result.stdout.splitlines() if line.startswith("│")]
    assert len(rows) == 2
    for cells in rows:
        blank = [n for n, cell in enumerate(cells) if not cell.strip(" …")]
        assert blank in ([], [4]), cells  # only Durham's published date is unknown


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_summary_to_a_full_device_is_one_error_line(tmp_path):
    records = tmp_path / "out.jsonl"
    records.write_text(json.dumps({"schema_version": 1, "source": {"path": "a.txt"}}) + "\n")
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "inspectx", "summary", str(records)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert proc.returncode == 1
    assert proc.stderr.startswith("Error: ") and "No space left on device" in proc.stderr


def test_an_output_inside_a_file_says_the_file_is_no_folder(tmp_path):
    blocker = tmp_path / "results.txt"
    blocker.write_text("not a folder\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "-q", "-o", str(blocker / "out.jsonl"), DURHAM])
    assert result.exit_code != 0
    assert "is a file, not a folder" in result.output
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


def test_an_output_extension_inspectx_does_not_know_is_said_and_written_as_json_lines(tmp_path):
    """ "-o results.json.gz" is not compressed: a note says so (it had been silent)."""
    target = tmp_path / "results.json.gz"
    result = run("extract", str(NORTHUMBRIA), "-o", str(target))
    assert result.exit_code == 0
    assert ".gz is no output format" in result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["force"]["id"] == "northumbria"


def test_a_table_row_holds_a_hard_wrapped_finding_on_one_line(tmp_path, monkeypatch):
    """A finding of hard-wrapped text keeps its line break in `text`; its table cell does
    not, or one record would spread over two lines."""
    monkeypatch.setenv("COLUMNS", "200")
    article = tmp_path / "wrapped.txt"
    article.write_text(
        "Watchdog criticises Gwent Police\n"
        "\n"
        "HMICFRS published its report on Gwent Police on Tuesday. Inspectors said too\n"
        "many 999 calls were left unanswered for more than a minute at night, and that\n"
        "callers to the 101 line gave up.\n",
        encoding="utf-8",
    )
    result = run("extract", "-q", "--format", "table", str(article))
    rows = [line for line in result.stdout.splitlines() if "wrapped.txt" in line or "999" in line]
    assert len(rows) == 1 and "999" in rows[0], result.stdout


@pytest.mark.parametrize(("name", "check"), [(".csv", "path,title,"), (".jsonl", '{"schema_version"')])
def test_an_output_named_only_by_its_extension_is_written_in_that_format(tmp_path, monkeypatch, name, check):
    """`-o .csv` (a hidden file): its name is its extension, as the user who typed it means."""
    monkeypatch.chdir(tmp_path)
    result = run("extract", "-q", DURHAM, "-o", name)
    assert result.exit_code == 0
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(check)


@pytest.mark.parametrize(
    "args",
    [
        ["extract", DURHAM, "-o", ""],
        ["show", DURHAM, "-o", ""],
        ["show", DURHAM, "--output-dir", " "],
        ["summary", DURHAM, "--plot", ""],
    ],
    ids=["extract-o", "show-o", "show-output-dir", "summary-plot"],
)
def test_an_empty_output_path_is_a_usage_error(args):
    result = run(*args)
    assert result.exit_code == 2
    assert "an empty path names no file" in result.stderr
