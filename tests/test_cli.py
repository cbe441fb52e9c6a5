from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import FIXTURES, ROOT

from inspectx import __version__
from inspectx.cli import cli

DURHAM = str(FIXTURES / "seed_durham.txt")
NORTHUMBRIA = str(FIXTURES / "seed_northumbria.txt")


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_version_names_inspectx_spacy_and_the_model():
    import importlib.metadata

    from inspectx.models import model_label

    result = run("--version")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"inspectx {__version__}",
        f"spaCy {importlib.metadata.version('spacy')}",
        f"model {model_label()}",
    ]


def test_version_names_the_model_chosen_by_the_environment(monkeypatch):
    monkeypatch.setenv("INSPECTX_MODEL", "no_such_model_xx")
    line = run("--version").output.splitlines()[2]
    assert line.startswith("model no_such_model_xx (unusable: ") and "is not installed" in line


def test_every_record_says_what_made_it():
    import importlib.metadata

    from inspectx.models import resolve_model_name

    model = resolve_model_name()
    record = json.loads(run("extract", DURHAM).output)
    assert record["extractor"] == {
        "name": "inspectx",
        "version": __version__,
        "model": f"{model} {importlib.metadata.version(model)}",
    }


def test_help_version_and_clean_do_not_import_spacy():
    code = (
        "import sys; from click.testing import CliRunner; from inspectx.cli import cli; "
        f"r = CliRunner().invoke(cli, ['clean', {DURHAM!r}]); assert r.exit_code == 0; "
        "r = CliRunner().invoke(cli, ['--help']); assert r.exit_code == 0; "
        "r = CliRunner().invoke(cli, ['--version']); assert r.exit_code == 0, r.output; "
        "assert 'spacy' not in sys.modules, 'spacy imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_one_file_gives_one_indented_object():
    result = run("extract", NORTHUMBRIA)
    assert result.exit_code == 0
    assert result.output.startswith("{\n")
    record = json.loads(result.output)
    assert record["source"]["path"] == NORTHUMBRIA
    assert record["force"]["name"] == "Northumbria Police"
    assert "text" not in record


def test_two_files_give_json_lines_in_order():
    result = run("extract", "-q", NORTHUMBRIA, DURHAM)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [NORTHUMBRIA, DURHAM]


def test_include_text_is_the_cleaned_article():
    record = json.loads(run("extract", "--include-text", DURHAM).output)
    cleaned = run("clean", DURHAM).output
    assert record["text"] == cleaned.rstrip("\n")


def test_stdin():
    data = Path(NORTHUMBRIA).read_bytes()
    record = json.loads(run("extract", "-", input=data).output)
    assert record["source"]["path"] == "-"
    assert record["dates"]["published"]["value"] == "2019-04-11"


def test_folder_is_walked_sorted_skipping_hidden_and_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    src = Path(NORTHUMBRIA).read_text(encoding="utf-8")
    for name in ("b/z.txt", "a.md", ".hidden/x.txt", ".dot.txt", "notes.pdf"):
        (tmp_path / name).write_text(src, encoding="utf-8")
    result = run("extract", "-q", str(tmp_path))
    assert result.exit_code == 0
    paths = [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()]
    assert paths == [str(tmp_path / "a.md"), str(tmp_path / "b" / "z.txt")]


def test_output_file_is_written_and_stdout_stays_empty(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("extract", "-q", "-o", str(out), NORTHUMBRIA, DURHAM)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_missing_path_is_a_one_line_usage_error():
    result = run("extract", "no/such/file.txt")
    assert result.exit_code == 2
    assert result.stderr == "Error: no such file or folder: no/such/file.txt\n"


@pytest.mark.parametrize("command", ["clean", "summary"])
def test_a_link_that_cannot_be_followed_is_a_read_error_not_a_missing_file(tmp_path, command):
    """A symbolic link loop or a dangling link exists as a name: reading it fails (exit 1,
    with the system's reason), where a name that does not exist is a usage error (exit 2)."""
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    for name, reason in (("a.txt", "symbolic links"), ("dangling.txt", "No such file")):
        result = run(command, str(tmp_path / name))
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
        assert reason in result.stderr and "no such file:" not in result.stderr
    assert run(command, str(tmp_path / "none.txt")).exit_code == 2


def test_unknown_format_is_a_usage_error():
    result = run("extract", "--format", "xml", DURHAM)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1


def test_failing_input_gives_an_error_record_and_exit_1(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01\x02")
    result = run("extract", str(binary), NORTHUMBRIA)
    assert result.exit_code == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first == {
        "schema_version": 1,
        "source": {"path": str(binary)},
        "error": {"type": "not_text", "message": f"{binary}: binary data (NUL bytes), not a text article"},
    }
    assert second["force"]["id"] == "northumbria"
    assert "1 failed" in result.stderr


def test_clean_explain_lists_dropped_lines_with_rule():
    result = run("clean", "--explain", NORTHUMBRIA)
    assert result.exit_code == 0
    assert (
        result.output.splitlines()[0] == "3\tnavigation\tNews on Northumbria PoliceNews on Northumbria Police"
    )
    assert "11\tadvert\tHide Ad" in result.output.splitlines()


def test_clean_of_a_folder_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["clean", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a folder" in result.output


def test_csv_has_a_header_and_one_row_per_input():
    import csv
    import io

    result = run("extract", "-q", "--format", "csv", NORTHUMBRIA, DURHAM)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:3] == ["path", "title", "force"]
    assert [r[0] for r in rows[1:]] == [NORTHUMBRIA, DURHAM]


def test_schema_command_prints_json():
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.output)["$schema"].endswith("2020-12/schema")


def test_table_is_plain_text_when_not_a_terminal():
    result = run("extract", "-q", "--format", "table", NORTHUMBRIA, DURHAM)
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "Northumbria Police" in result.stdout and "Durham Constabulary" in result.stdout
    assert "HMICFRS" in result.stdout


def test_table_keeps_the_end_of_a_long_path_in_a_narrow_terminal(tmp_path, monkeypatch):
    folder = tmp_path / "a_folder_with_a_name_long_enough_to_fill_a_narrow_terminal"
    folder.mkdir()
    (folder / "custody_report_2024.txt").write_bytes(Path(DURHAM).read_bytes())
    monkeypatch.setenv("COLUMNS", "100")
    result = run("extract", "-q", "--format", "table", str(folder))
    assert result.exit_code == 0
    assert "2024.txt" in result.stdout


def test_clean_explain_names_the_dropped_sentence_of_a_long_line(tmp_path):
    path = tmp_path / "one-line.txt"
    story = "Inspectors said the force had improved its custody suites. The report was published today."
    path.write_text(
        f"Force praised for custody\n{story} Follow us on X for updates. {story}\n", encoding="utf-8"
    )
    assert run("clean", str(path)).output.splitlines() == ["Force praised for custody", f"{story} {story}"]
    explained = run("clean", "--explain", str(path)).output.splitlines()
    assert explained == ["2\tshare_follow_newsletter\tFollow us on X for updates."]


def test_an_output_that_is_an_input_is_refused_and_the_input_kept(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_bytes(Path(DURHAM).read_bytes())
    monkeypatch.chdir(tmp_path)
    result = run("extract", str(folder), "-q", "-o", str(article))
    assert result.exit_code == 2 and "also an input" in result.output
    link = tmp_path / "out.jsonl"  # a symlink to an article inside the folder named
    link.symlink_to(article)
    result = run("extract", str(folder), "-q", "-o", str(link))
    assert result.exit_code == 2 and "links to an input" in result.output
    assert article.read_bytes() == Path(DURHAM).read_bytes()


def test_more_jobs_than_cores_is_allowed_with_a_warning(monkeypatch, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(
            "Inspectors praised Durham Constabulary's control room.\n", encoding="utf-8"
        )
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    result = CliRunner().invoke(cli, ["extract", "-j", "50", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "more workers than the 1 core;" in result.stderr
    # how many start (never more than the inputs) and what they cost, before they start
    assert "2 will start" in result.stderr and "0.4 GB" in result.stderr
    assert len(result.stdout.splitlines()) >= 2


def test_a_file_name_with_terminal_escapes_is_printed_escaped(tmp_path):
    """A file named to recolour or retitle a terminal does neither in the table or the
    end-of-batch message: its control characters are written as escapes."""
    (tmp_path / "a\x1b]0;pwned\x07.txt").symlink_to(tmp_path / "missing")
    result = run("extract", "--format", "table", str(tmp_path))
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\x1b" not in result.stderr and "\\x1b]0;pwned\\x07" in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["extract", "--files", "fixtures"]])
def test_a_full_standard_output_is_one_error_line(args):
    """Output that cannot be written is one `Error:` line and exit 1, not a traceback."""
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "inspectx", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.startswith("Error: cannot write output")


def _run_with_closed(redirects: str, *args: str) -> subprocess.CompletedProcess:
    """inspectx started by a shell with some standard streams closed (`<&-`, `>&-`, `2>&-`)."""
    line = '"$0" -m inspectx "$@" ' + redirects
    return subprocess.run(["sh", "-c", line, sys.executable, *args], capture_output=True, text=True, cwd=ROOT)


@pytest.mark.parametrize("args", [["extract", NORTHUMBRIA], ["schema"], ["--version"]])
def test_a_closed_standard_output_is_one_error_line(args):
    done = _run_with_closed(">&-", *args)
    assert done.returncode == 1
    assert done.stderr == "Error: cannot write output: standard output is closed\n"


def test_a_closed_standard_output_does_not_matter_when_writing_to_a_file(tmp_path):
    done = _run_with_closed(">&-", "extract", NORTHUMBRIA, DURHAM, "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 0, done.stderr
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 2


def test_a_closed_standard_input_named_as_an_input_is_that_input_s_error_record():
    done = _run_with_closed("<&-", "extract", NORTHUMBRIA, "-", "-q")
    assert done.returncode == 1
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert "error" not in first and first["force"]["name"]
    assert second["source"]["path"] == "-"
    assert second["error"] == {"type": "read_error", "message": "-: standard input is closed"}


def test_a_closed_standard_input_as_the_list_of_inputs_is_a_usage_error():
    done = _run_with_closed("<&-", "extract", "-i", "-")
    assert done.returncode == 2
    assert done.stderr == "Error: cannot read the list of inputs -: standard input is closed\n"


def test_workers_pipes_never_take_the_place_of_closed_standard_streams(tmp_path):
    """With stdin and stderr closed, the pipes to the workers would be given descriptors 0 and
    2, which a worker's start-up then points elsewhere: every record must still arrive."""
    for i, path in enumerate([NORTHUMBRIA, DURHAM, NORTHUMBRIA]):
        (tmp_path / f"{i}.txt").write_text(Path(path).read_text(encoding="utf-8"), encoding="utf-8")
    done = _run_with_closed("<&- 2>&-", "extract", str(tmp_path), "--jobs", "2")
    assert done.returncode == 0
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [Path(r["source"]["path"]).name for r in records] == ["0.txt", "1.txt", "2.txt"]
    assert all("error" not in r for r in records)


@pytest.mark.parametrize("command", ["extract", "show", "summary"])
def test_a_model_that_is_not_installed_is_a_usage_error_for_every_command(command):
    result = run(command, str(FIXTURES), "--model", "no_such_pipeline_xyz")
    assert result.exit_code == 2
    assert "no_such_pipeline_xyz" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["extract", "show", "clean", "summary"])
def test_completing_a_path_argument_offers_files(command, monkeypatch):
    """Bash completion of a PATH asks the shell for file names (click's "file" type):
    `inspectx extract fix<TAB>` completes like any other command's file argument."""
    monkeypatch.setenv("COMP_WORDS", f"inspectx {command} fix")
    monkeypatch.setenv("COMP_CWORD", "2")
    monkeypatch.setenv("_INSPECTX_COMPLETE", "bash_complete")
    result = CliRunner().invoke(cli, [], prog_name="inspectx")
    assert result.output.splitlines() == ["file,fix"], result.output


def test_a_second_run_writing_the_same_file_is_refused_before_any_work(tmp_path):
    """Two runs with one -o: the one that ended last would replace the other's file and its
    records would be lost without a word; while the first is writing (its temporary file,
    named with its process id, is beside the target), the second is a usage error."""
    out = tmp_path / "out.jsonl"
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (tmp_path / f".out.jsonl.{writer.pid}.abcd1234.tmp").write_text("", encoding="utf-8")
        result = run("extract", "-q", "-o", str(out), DURHAM)
        assert result.exit_code == 2
        assert "another run" in result.stderr and str(writer.pid) in result.stderr
        assert not out.exists()
    finally:
        writer.kill()
        writer.wait()
    assert run("extract", "-q", "-o", str(out), DURHAM).exit_code == 0  # its writer is gone
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
