"""Choosing inputs: folders walked predictably, inputs named exactly, each input once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import FIXTURES

from inspectx.cli import cli

STORY = Path(FIXTURES / "seed_durham.txt").read_text(encoding="utf-8")


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def paths_of(stdout: str) -> list[str]:
    return [json.loads(line)["source"]["path"] for line in stdout.splitlines()]


def make(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(STORY, encoding="utf-8")


def test_project_files_in_folders_are_skipped_but_taken_when_named(tmp_path):
    make(tmp_path, "a.txt", "README.md", "readme.txt", "LICENSE.txt", "Changelog.md", "sub/CONTRIBUTING.md")
    result = run("extract", "-q", "--files", str(tmp_path))
    assert result.stdout.splitlines() == [str(tmp_path / "a.txt")]
    named = run("extract", "-q", "--files", str(tmp_path / "README.md"))
    assert named.stdout.splitlines() == [str(tmp_path / "README.md")]


def test_a_saved_pages_resource_folder_is_skipped_but_taken_when_named(tmp_path):
    """ "Save Page As, complete" writes Story.html and Story_files/ (scripts, images, the
    ads' frames as .html): the folder is the page's, not articles; a folder of that name
    with no page beside it is walked."""
    make(tmp_path, "Story.html", "Story_files/ads.html", "Story_files/frame.htm", "Other_files/a.html")
    result = run("extract", "-q", "--files", str(tmp_path))
    assert result.stdout.splitlines() == [
        str(tmp_path / "Other_files" / "a.html"),
        str(tmp_path / "Story.html"),
    ]
    named = run("extract", "-q", "--files", str(tmp_path / "Story_files"))
    assert len(named.stdout.splitlines()) == 2


def test_files_lists_the_inputs_without_processing_them(tmp_path):
    make(tmp_path, "b.txt", "a/c.html", "notes.pdf")
    result = run("extract", "--files", str(tmp_path), "-")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [str(tmp_path / "a" / "c.html"), str(tmp_path / "b.txt"), "-"]


def test_files_with_null_ends_each_name_with_nul_and_reads_back_with_input_file(tmp_path):
    make(tmp_path, "two\nlines.txt", "a.txt")
    listed = run("extract", "--files", "-0", str(tmp_path))
    assert listed.exit_code == 0
    assert listed.stdout_bytes.split(b"\0") == [
        os.fsencode(tmp_path / "a.txt"),
        os.fsencode(tmp_path / "two\nlines.txt"),
        b"",
    ]
    again = run("extract", "--files", "-0", "-i", "-", input=listed.stdout_bytes)
    assert again.stdout_bytes == listed.stdout_bytes
    assert run("extract", "-0", str(tmp_path)).exit_code == 2  # only with --files


def test_files_prints_a_name_that_is_not_utf8_as_its_bytes(tmp_path):
    """`--files -0 | xargs -0` (or `-i -`) must get back the file system's own bytes."""
    name = os.fsdecode(b"report\xff.txt")
    (tmp_path / name).write_text("Inspectors praised the force.\n", encoding="utf-8")
    listed = run("extract", "--files", "-0", str(tmp_path))
    assert listed.stdout_bytes == os.fsencode(tmp_path) + b"/report\xff.txt\0"
    again = run("extract", "-q", "-i", "-", input=listed.stdout_bytes)
    assert "error" not in json.loads(again.stdout)


def test_a_name_with_a_byte_that_is_not_utf8_is_not_its_escaped_spelling(tmp_path):
    """A file named with the byte 0xFF and one named with the four characters backslash, x,
    f, f display alike (`bad\\xff.txt`), but they are two inputs: two records."""
    (tmp_path / os.fsdecode(b"bad\xff.txt")).write_text("Inspectors praised the force.\n", encoding="utf-8")
    (tmp_path / "bad\\xff.txt").write_text("Inspectors criticised the force.\n", encoding="utf-8")
    listed = run("extract", "--files", "-0", str(tmp_path))
    assert len(listed.stdout_bytes.split(b"\0")) == 3  # two names and the end
    out = run("extract", "-q", str(tmp_path), "--format", "jsonl").stdout
    assert len(out.splitlines()) == 2


@pytest.mark.parametrize(
    ("globs", "expected"),
    [
        (["*.txt"], ["drafts/d.txt", "news/a.txt"]),
        (["!drafts/"], ["b.md", "news/a.txt", "news/c.html"]),
        (["news/**"], ["news/a.txt", "news/c.html"]),
        (["*.txt", "!drafts/*"], ["news/a.txt"]),
        (["!*.html", "news/c.html"], ["news/c.html"]),
    ],
    ids=["include", "exclude-folder", "include-folder", "later-exclude", "later-include"],
)
def test_globs_choose_files_in_folders_like_ripgrep(tmp_path, globs, expected):
    make(tmp_path, "news/a.txt", "news/c.html", "b.md", "drafts/d.txt")
    args = [arg for g in globs for arg in ("-g", g)]
    result = run("extract", "--files", *args, str(tmp_path))
    assert result.stdout.splitlines() == [str(tmp_path / e) for e in expected]


@pytest.mark.parametrize("glob", ["[", "news/[ab.txt", "!*[0-9"], ids=["alone", "in-a-path", "negated"])
def test_a_glob_with_an_unclosed_bracket_is_a_usage_error(tmp_path, glob):
    """As in ripgrep: '[' without ']' is a mistake, not a pattern that silently matches nothing."""
    make(tmp_path, "news/a.txt")
    result = run("extract", "--files", "-g", glob, str(tmp_path))
    assert result.exit_code == 2
    assert "without a closing" in result.output


@pytest.mark.parametrize("glob", ["!", "a\\"], ids=["bare-negation", "trailing-backslash"])
def test_a_glob_gitignore_cannot_read_is_a_usage_error(tmp_path, glob):
    make(tmp_path, "news/a.txt")
    result = run("extract", "--files", "-g", glob, str(tmp_path))
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "-g" in result.output


def test_globs_with_closed_or_escaped_brackets_still_work(tmp_path):
    make(tmp_path, "news/a.txt", "news/b.txt")
    result = run("extract", "--files", "-g", "news/[a]*", "-g", "!\\[x", str(tmp_path))
    assert result.stdout.splitlines() == [str(tmp_path / "news" / "a.txt")]


def test_globs_do_not_filter_files_named_directly(tmp_path):
    make(tmp_path, "a.md")
    result = run("extract", "--files", "-g", "*.txt", str(tmp_path / "a.md"))
    assert result.stdout.splitlines() == [str(tmp_path / "a.md")]


def test_input_file_lists_paths_one_per_line(tmp_path):
    make(tmp_path, "a.txt", "b.txt")
    listing = tmp_path / "list"
    listing.write_text(f"{tmp_path / 'b.txt'}\n\n{tmp_path / 'gone.txt'}\n", encoding="utf-8")
    result = run("extract", "-q", "-i", str(listing), str(tmp_path / "a.txt"))
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["path"] for r in records] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "gone.txt"),
    ]
    assert records[2]["error"]["type"] == "read_error"


def test_input_file_from_stdin(tmp_path):
    make(tmp_path, "a.txt", "b.txt")
    listing = f"{tmp_path / 'a.txt'}\n{tmp_path / 'b.txt'}\n"
    result = run("extract", "--files", "--input-file", "-", input=listing)
    assert result.stdout.splitlines() == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def test_no_path_and_no_input_file_is_a_usage_error():
    result = run("extract")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")


def test_an_empty_folder_says_so(tmp_path):
    (tmp_path / "empty").mkdir()
    make(tmp_path, "other/notes.pdf")
    for folder in ("empty", "other"):
        result = run("extract", str(tmp_path / folder))
        assert result.exit_code == 0
        assert result.stdout == ""
        assert result.stderr == f"inspectx: no article files under {tmp_path / folder}\n"


def test_a_folder_whose_articles_were_all_named_before_is_not_called_empty(tmp_path):
    make(tmp_path, "arts/a.txt")
    result = run("extract", str(tmp_path / "arts" / "a.txt"), str(tmp_path / "arts"))
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1
    assert "no article files" not in result.stderr


def test_stdin_named_twice_is_read_once():
    result = run("extract", "-q", "-", "-", input=STORY)
    assert result.exit_code == 0
    assert paths_of(result.stdout) == ["-"]


@pytest.mark.skipif(not Path("/dev/stdin").exists(), reason="needs /dev/stdin")
@pytest.mark.parametrize("names", [["-", "/dev/stdin"], ["/dev/fd/0", "-"]])
def test_stdin_named_as_hyphen_and_as_a_device_is_read_once(names):
    durham = str(FIXTURES / "seed_durham.txt")
    with open(durham, "rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "inspectx", "extract", "-q", *names],
            stdin=stdin,
            capture_output=True,
            text=True,
        )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1


def test_each_input_is_processed_once_whatever_its_spelling(tmp_path, monkeypatch):
    make(tmp_path, "in/a.txt", "in/b.txt")
    (tmp_path / "alias").symlink_to(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    result = run("extract", "--files", "in", "./in", str(tmp_path / "in"), "alias", "in/a.txt", "alias/b.txt")
    assert result.stdout.splitlines() == [os.path.join("in", "a.txt"), os.path.join("in", "b.txt")]


def test_a_self_symlink_in_a_folder_is_a_read_error_and_the_batch_goes_on(tmp_path):
    make(tmp_path, "a.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "self").symlink_to(tmp_path / "self")
    result = run("extract", "-q", str(tmp_path))
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    # "self" is not named like an article, so like any other such file it is not an input
    assert [r["source"]["path"] for r in records] == [str(tmp_path / "a.txt"), str(tmp_path / "self.txt")]
    assert records[0]["force"]["id"] == "durham"
    assert [r["error"]["type"] for r in records[1:]] == ["read_error"]


def test_a_subfolder_that_cannot_be_entered_is_a_read_error(tmp_path, monkeypatch):
    make(tmp_path, "a.txt", "locked/b.txt")
    real_stat = os.stat

    def stat(path, *args, **kwargs):  # what a folder without search permission does (root ignores it)
        if os.fspath(path) == str(tmp_path / "locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    result = run("extract", "-q", str(tmp_path))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["path"] for r in records] == [str(tmp_path / "a.txt"), str(tmp_path / "locked")]
    assert records[1]["error"]["type"] == "read_error"
    assert "Permission denied" in records[1]["error"]["message"]
    assert result.exit_code == 1


def test_a_fifo_in_a_folder_is_skipped(tmp_path):
    make(tmp_path, "a.txt", "c.txt")
    os.mkfifo(tmp_path / "b.txt")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-pipe"
    os.mkfifo(elsewhere)
    (tmp_path / "d.txt").symlink_to(elsewhere)  # a link to a FIFO, and one to a device
    (tmp_path / "e.txt").symlink_to("/dev/zero")
    proc = subprocess.run(
        [sys.executable, "-m", "inspectx", "extract", "-q", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert paths_of(proc.stdout) == [str(tmp_path / "a.txt"), str(tmp_path / "c.txt")]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_file_names_that_are_not_utf8_are_written_as_valid_json(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(STORY, encoding="utf-8")
    with open(os.fsencode(folder) + b"/bad\xff.txt", "w", encoding="utf-8") as handle:
        handle.write(STORY)
    expected = [str(folder / "bad\\xff.txt"), str(folder / "ok.txt")]

    out = tmp_path / "out.jsonl"
    result = run("extract", "-q", "-o", str(out), str(folder))
    assert result.exit_code == 0
    assert paths_of(out.read_bytes().decode("utf-8")) == expected

    proc = subprocess.run(
        [sys.executable, "-m", "inspectx", "extract", "-q", str(folder)],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [r["source"]["path"] for r in records] == expected
    assert records[0]["force"]["id"] == "durham"


def test_input_file_may_be_nul_separated_as_find_print0_writes(tmp_path):
    make(tmp_path, "a b.txt", "c.txt")
    listing = f"{tmp_path / 'a b.txt'}\0{tmp_path / 'c.txt'}\0".encode()
    result = run("extract", "--files", "-i", "-", input=listing)
    assert result.stdout.splitlines() == [str(tmp_path / "a b.txt"), str(tmp_path / "c.txt")]


def test_a_list_saved_with_a_byte_order_mark_names_its_first_path(tmp_path):
    """Notepad saves UTF-8 with a byte-order mark, which is no part of the first path."""
    make(tmp_path, "a.txt", "c.txt")
    listing = tmp_path / "inputs.lst"
    listing.write_bytes(f"\ufeff{tmp_path / 'a.txt'}\r\n{tmp_path / 'c.txt'}\r\n".encode())
    result = run("extract", "--files", "-i", str(listing))
    assert result.stdout.splitlines() == [str(tmp_path / "a.txt"), str(tmp_path / "c.txt")]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_list_saved_in_utf16_or_utf32_is_read_as_text_not_split_on_nul_bytes(tmp_path, encoding):
    """PowerShell's `>` saves UTF-16 with a byte-order mark: its NUL bytes had been taken for
    separators, each character a path ("." and "/" walked the whole file system)."""
    make(tmp_path, "a.txt", "c.txt")
    listing = tmp_path / "inputs.lst"
    listing.write_bytes(f"{tmp_path / 'a.txt'}\r\n{tmp_path / 'c.txt'}\r\n".encode(encoding))
    result = run("extract", "--files", "-i", str(listing))
    assert result.stdout.splitlines() == [str(tmp_path / "a.txt"), str(tmp_path / "c.txt")]


def test_stdin_cannot_be_both_an_input_and_the_list_of_inputs():
    result = run("extract", "-i", "-", "-", input="a.txt\n")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1


def test_inspectx_output_in_a_folder_is_not_read_as_an_article(tmp_path):
    """Records written into the folder by an earlier run (`-o results.txt`), as JSON Lines,
    a JSON array or CSV, are refused as not_text: read as an article, they would give
    plausible records of their own."""
    make(tmp_path, "a.txt")
    first = subprocess.run(
        [sys.executable, "-m", "inspectx", "extract", "-q", "--format", "jsonl", str(tmp_path / "a.txt")],
        capture_output=True,
        check=True,
    ).stdout
    (tmp_path / "results.txt").write_bytes(first)
    (tmp_path / "array.txt").write_bytes(b"[\n" + first.rstrip() + b"\n]\n")
    header = b"path,title,force,force_id,inspectorate,programme"
    (tmp_path / "table.txt").write_bytes(header + b"\r\na.txt,,,,,\r\n")
    proc = subprocess.run(
        [sys.executable, "-m", "inspectx", "extract", "-q", "--format", "jsonl", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    records = {json.loads(line)["source"]["path"]: json.loads(line) for line in proc.stdout.splitlines()}
    assert "error" not in records[str(tmp_path / "a.txt")]
    for name in ("results.txt", "array.txt", "table.txt"):
        assert records[str(tmp_path / name)]["error"]["type"] == "not_text"


def test_an_empty_input_list_is_nothing_to_do():
    """`find ... -print0 | inspectx extract -i -` when find matches nothing."""
    assert run("extract", "-i", "-", input=b"").exit_code == 0
    empty = run("extract", "--format", "json", "-i", "-", input=b"")
    assert empty.exit_code == 0 and json.loads(empty.stdout) == []
    assert run("extract").exit_code == 2  # no PATH and no -i at all


def test_a_folder_nested_deeper_than_python_recursion_is_walked(tmp_path):
    """The walk keeps its own stack of folders: 1,200 levels (past Python's recursion limit
    of 1,000) are walked in order, the files at the top, the bottom and in between found."""
    folder = tmp_path
    for depth in range(1200):
        if depth in (0, 600):
            (folder / f"at{depth}.txt").write_text("x", encoding="utf-8")
        folder = folder / "d"
        folder.mkdir()
    (folder / "bottom.txt").write_text("x", encoding="utf-8")
    try:
        result = run("extract", "--files", str(tmp_path))
        assert result.exit_code == 0, result.stderr
        found = [Path(line).name for line in result.stdout.splitlines()]
        assert found == ["at0.txt", "at600.txt", "bottom.txt"]
    finally:  # from the bottom up: shutil.rmtree (pytest's clean-up) recurses, and would fail
        while folder != tmp_path:
            for entry in folder.iterdir():
                entry.unlink()
            folder.rmdir()
            folder = folder.parent


@pytest.mark.skipif(not Path("/dev/fd").is_dir() or not shutil.which("bash"), reason="needs bash, /dev/fd")
def test_process_substitution_and_dev_stdin_are_read_as_the_user_means_them():
    """`<(command)` names /dev/fd/63 and /dev/stdin the pipe in: descriptors of this process,
    which a worker process opening them by name would not find (read_error) or would find
    empty (a record with no text). They are read here, as `-` is."""
    durham = str(FIXTURES / "seed_durham.txt")
    line = '"$0" -m inspectx extract -q <(cat "$1") /dev/stdin < "$2"'
    done = subprocess.run(
        ["bash", "-c", line, sys.executable, durham, str(FIXTURES / "seed_northumbria.txt")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["force"]["id"] for r in records] == ["durham", "northumbria"]


def test_a_stdin_that_never_ends_is_a_timeout_record_and_holds_up_nothing(tmp_path):
    """A pipe whose writer never closes it (`sleep 600 | inspectx extract a.txt -`) gets a
    `timeout` record once `--timeout` passes; the input before it still gets its record."""
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-m", "inspectx", "extract", "-q", "--format", "jsonl", "--timeout", "3"]
        + [str(tmp_path / "a.txt"), "-"],
        stdin=subprocess.PIPE,  # kept open: the writer never ends it
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as proc:
        output: list[str] = []
        reading = threading.Thread(target=lambda: output.append(proc.stdout.read()))
        reading.start()
        reading.join(90)  # the run ends by itself: stdin stays open all the while
        held_up = reading.is_alive()
        if held_up:
            proc.kill()
        proc.stdin.close()
        reading.join(30)
    assert not held_up, "a stdin that never ended held up the run"
    records = {json.loads(line)["source"]["path"]: json.loads(line) for line in output[0].splitlines()}
    assert "error" not in records[str(tmp_path / "a.txt")]
    assert records["-"]["error"]["type"] == "timeout"
