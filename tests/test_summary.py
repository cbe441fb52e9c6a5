"""`inspectx summary` and the end-of-batch message of `extract`."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from tests.conftest import FIXTURES

from inspectx.cli import cli
from inspectx.summary import Tally, read_records


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def article(path, force, *, relevant=True, programme=None, published=None, inspection=None, **extra):
    record = {
        "schema_version": 1,
        "source": {"path": path, "format": "text", "encoding": "utf-8", "sha256": "0" * 64, "site": None},
        "relevant": relevant,
        "title": f"About {force}",
        "byline": None,
        "force": {"name": force, "id": force.split()[0].lower(), "mentions": [force]} if force else None,
        "forces": [{"name": force, "id": force.split()[0].lower(), "mentions": [force]}] if force else [],
        "inspectorate": {"acronym": "HMICFRS", "name": "HMICFRS"} if relevant else None,
        "inspectors": [],
        "people": [],
        "dates": {
            "published": {"value": published, "text": "x", "start": 0, "end": 1} if published else None,
            "inspection": {"value": inspection, "text": "x", "start": 0, "end": 1} if inspection else None,
            "previous_inspection": None,
        },
        "improvements": [],
        "concerns": [],
        "grades": [],
        "quotes": [],
        "warnings": [],
        "extractor": {"name": "inspectx", "version": "0", "model": "m 1"},
    }
    if programme is not None:
        record["inspection"] = {"programme": programme, "text": programme, "start": 0, "end": 1}
    record.update(extra)
    return record


def failure(path, kind):
    return {"schema_version": 1, "source": {"path": path}, "error": {"type": kind, "message": f"{path}: bad"}}


RECORDS = [
    article(
        "a.txt",
        "Durham Constabulary",
        programme="peel",
        published="2019-04-11",
        inspection="2019-01",
        concerns=[{"text": "delays in answering emergency calls", "sentence": "s", "start": 0, "end": 1}],
        grades=[{"area": "investigating crime", "grade": "requires improvement"}],
    ),
    article(
        "b.txt",
        "Durham Constabulary",
        programme="custody",
        published="2021-06",
        concerns=[{"text": "the delays in custody reviews", "sentence": "s", "start": 0, "end": 1}],
        grades=[
            {"area": "investigating crime", "grade": "inadequate"},
            {"area": "treatment of the public", "grade": "good"},
        ],
    ),
    article("c.txt", "Kent Police", published="2018"),  # no inspection.programme: written before it existed
    article("d.txt", "Kent Police", relevant=False),
    failure("e.txt", "not_text"),
    failure("f.txt", "not_text"),
    failure("g.txt", "read_error"),
]


def test_overview_counts_what_a_reader_looks_for():
    overview = Tally()
    for record in RECORDS:
        overview.add(record)
    data = overview.overview()
    assert (data["articles"], data["relevant"], data["not_relevant"]) == (7, 3, 1)
    assert data["errors"] == {"not_text": 2, "read_error": 1}
    assert data["forces"] == [
        {"force": "Durham Constabulary", "articles": 2},
        {"force": "Kent Police", "articles": 2},
    ]
    assert data["inspectorates"] == [{"inspectorate": "HMICFRS", "articles": 3}]
    assert data["programmes"] == [
        {"programme": "custody", "articles": 1},
        {"programme": "peel", "articles": 1},
    ]
    assert data["dates"] == {
        "inspection": {"first": "2019-01", "last": "2019-01"},
        "published": {"first": "2018", "last": "2021-06"},
    }
    assert data["concern_areas"] == [{"area": "investigating crime", "articles": 2}]
    assert data["concern_words"][0] == {"word": "delays", "articles": 2}
    assert "the" not in {w["word"] for w in data["concern_words"]}


def test_short_message_names_the_first_failed_paths_by_type():
    overview = Tally()
    for n in range(5):
        overview.add(failure(f"bin{n}.txt", "not_text"))
    overview.add(failure("gone.txt", "read_error"))
    overview.add(RECORDS[0])
    assert overview.short(12.34) == (
        "7 records in 12.3 s, 6 failed\n"
        "  not_text: 5 (bin0.txt, bin1.txt, bin2.txt, and 2 more)\n"
        "  read_error: 1 (gone.txt)"
    )


def test_short_message_without_failures_is_one_line():
    assert Tally(records=3).short(1.0) == "3 records in 1.0 s, 0 failed"
    assert Tally(records=1).short(1.0) == "1 record in 1.0 s, 0 failed"


@pytest.fixture()
def jsonl(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


@pytest.mark.parametrize("columns", [60, 80])
def test_a_narrow_table_cuts_items_not_sections_or_values(tmp_path, columns):
    long_area = "strategic planning, organisational management and value for money in the estate"
    records = [
        article("a.txt", "Devon and Cornwall Police", published="2016-08-25", inspection="2016-03-22"),
        article(
            "b.txt",
            "Devon and Cornwall Police",
            published="2024-08-16",
            inspection="2024-02-09",
            grades=[{"area": long_area, "grade": "inadequate"}],
        ),
    ]
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(cli, ["summary", str(path)], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    assert all(len(line) <= columns for line in result.output.splitlines())
    assert "2016-08-25 to 2024-08-16" in result.output and "inspectorates" in result.output
    assert "strategic" in result.output and long_area not in result.output


def test_summary_of_json_lines_is_a_table(jsonl):
    result = run("summary", str(jsonl))
    assert result.exit_code == 0
    assert "\x1b[" not in result.output
    for shown in (
        "Durham Constabulary",
        "HMICFRS",
        "not_text",
        "custody",
        "2018 to 2021-06",
        "investigating crime",
    ):
        assert shown in result.output


def test_summary_as_csv_and_json(jsonl):
    rows = list(csv.reader(io.StringIO(run("summary", str(jsonl), "--format", "csv").output)))
    assert rows[0] == ["section", "item", "value"]
    assert ["forces", "Kent Police", "2"] in rows
    assert ["errors", "read_error", "1"] in rows
    data = json.loads(run("summary", str(jsonl), "--format", "json").output)
    assert data["errors"] == {"not_text": 2, "read_error": 1}


def test_summary_reads_json_arrays_and_indented_objects(tmp_path):
    array = tmp_path / "all.json"
    array.write_text(json.dumps(RECORDS[:2]), encoding="utf-8")
    assert [r["source"]["path"] for r in read_records(str(array))] == ["a.txt", "b.txt"]
    objects = tmp_path / "objects.json"
    objects.write_text("".join(json.dumps(r, indent=2) + "\n" for r in RECORDS[:2]), encoding="utf-8")
    assert [r["source"]["path"] for r in read_records(str(objects))] == ["a.txt", "b.txt"]


def test_summary_of_something_else_is_a_usage_error(tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("not json\n", encoding="utf-8")
    result = run("summary", str(other))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
    assert run("summary", str(tmp_path / "missing.jsonl")).exit_code == 2


@pytest.mark.parametrize(
    "content",
    [
        "[" * 100_000 + "]" * 100_000 + "\n",  # deeper than json's decoder recurses
        '{"source": 5}\n',
        '{"source": {"path": "a.txt"}, "force": 7}\n',
    ],
    ids=["nested-too-deep", "source-not-an-object", "force-not-an-object"],
)
def test_summary_of_json_that_is_not_records_is_a_usage_error(tmp_path, content):
    """JSON that is not inspectx records is a usage error in one line, with no Python
    traceback nor the names of Python's types."""
    other = tmp_path / "other.jsonl"
    other.write_text(content, encoding="utf-8")
    result = run("summary", str(other))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1
    assert "object has no attribute" not in result.stderr and "Traceback" not in result.stderr


def test_summary_of_a_database(tmp_path):
    from inspectx.database import Writer

    db = tmp_path / "results.db"
    with Writer(db) as writer:
        for record in RECORDS:
            writer.write(record)
    data = json.loads(run("summary", str(db), "--format", "json").output)
    assert data["articles"] == 7 and data["programmes"][0]["programme"] == "custody"


def test_summary_of_a_folder_extracts_it_first(tmp_path):
    for name in ("seed_durham.txt", "seed_northumbria.txt"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    data = json.loads(run("summary", str(tmp_path), "--format", "json").output)
    assert data["articles"] == 2
    assert {f["force"] for f in data["forces"]} == {"Durham Constabulary", "Northumbria Police"}


def test_plot_draws_a_png(jsonl, tmp_path):
    pytest.importorskip("matplotlib")
    png = tmp_path / "timeline.png"
    result = run("summary", str(jsonl), "--plot", str(png))
    assert result.exit_code == 0
    assert result.stderr == f"{png}: 3 inspections drawn\n"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name", ["timeline.xyz", "no-such-folder/timeline.png", "dir.png/"])
def test_a_plot_it_cannot_write_is_a_usage_error_before_any_work(jsonl, tmp_path, name):
    result = run("summary", str(jsonl), "--plot", f"{tmp_path}/{name}")  # a trailing "/" kept
    assert result.exit_code == 2
    assert "--plot" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""  # nothing printed before the error


def test_plot_without_matplotlib_says_which_extra(jsonl, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    result = run("summary", str(jsonl), "--plot", str(tmp_path / "t.png"))
    assert result.exit_code == 1
    assert 'pip install "inspectx[plot]"' in result.stderr


def test_plot_without_matplotlib_fails_before_a_folder_is_extracted(tmp_path, monkeypatch):
    """A missing extra must not cost a whole folder's run."""
    from inspectx import batch

    def never(*args, **kwargs):
        raise AssertionError("the folder was extracted before the missing extra was found")

    (tmp_path / "a.txt").write_text("Inspectors praised Kent Police.\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setattr(batch, "process", never)
    result = run("summary", str(tmp_path), "--plot", str(tmp_path / "t.png"))
    assert result.exit_code == 1
    assert 'pip install "inspectx[plot]"' in result.stderr


def test_default_commands_import_neither_sqlite_utils_nor_matplotlib(jsonl):
    code = (
        "import sys; from click.testing import CliRunner; from inspectx.cli import cli; "
        f"r = CliRunner().invoke(cli, ['summary', {str(jsonl)!r}]); assert r.exit_code == 0, r.output; "
        f"r = CliRunner().invoke(cli, ['extract', {str(FIXTURES / 'seed_durham.txt')!r}]); "
        "assert r.exit_code == 0, r.output; "
        "assert not {'sqlite_utils', 'matplotlib'} & set(sys.modules), 'optional extra imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_extract_ends_with_the_short_summary(tmp_path):
    for n in range(4):
        (tmp_path / f"bin{n}.txt").write_bytes(b"\x00\x01binary")
    shutil.copy(FIXTURES / "seed_durham.txt", tmp_path / "seed_durham.txt")
    result = run("extract", str(tmp_path))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("5 records in ") and lines[0].endswith(" s, 4 failed")
    first = ", ".join(str(tmp_path / f"bin{n}.txt") for n in range(3))
    assert lines[1] == f"  not_text: 4 ({first}, and 1 more)"
    assert len(lines) == 2


@pytest.mark.parametrize(
    "content",
    ['{"a": 1}\n', "[1, 2]", '{"schema_version": 1, "source": {"path": "a.txt"}}\n"text"\n'],
    ids=["object-without-source", "array-of-numbers", "a-string-after-a-record"],
)
def test_json_that_is_not_inspectx_records_is_a_usage_error(tmp_path, content):
    """Any JSON is not a batch of records: counting it would report articles that are not there."""
    path = tmp_path / "other.jsonl"
    path.write_text(content)
    result = run("summary", str(path))
    assert result.exit_code == 2
    assert "not inspectx records" in result.output


@pytest.mark.parametrize(
    "record",
    [
        {"source": {"path": "a.txt"}, "force": "Durham Constabulary", "relevant": True},
        {"source": {"path": "a.txt"}, "relevant": True, "concerns": ["too few detectives"]},
        {"source": {"path": "a.txt"}, "error": "not_text"},
        {"source": {"path": "a.txt"}, "relevant": True, "dates": {"published": {"value": "banana"}}},
    ],
    ids=["force-as-a-string", "concerns-as-strings", "error-as-a-string", "date-not-a-date"],
)
def test_records_reshaped_by_jq_are_a_usage_error_naming_the_item(tmp_path, record):
    """`jq '.force = .force.name'` output is not a record summary can count: one Error line."""
    path = tmp_path / "reshaped.jsonl"
    path.write_text(json.dumps({"source": {"path": "ok.txt"}}) + "\n" + json.dumps(record) + "\n")
    result = run("summary", str(path))
    assert result.exit_code == 2
    assert "item 2 is not shaped as an inspectx record" in result.output
    assert "Traceback" not in result.output


def test_graded_areas_are_counted_whatever_their_capitals():
    counts = Tally()
    for path, force, area in [
        ("a.txt", "Kent Police", "Investigating crime"),
        ("b.txt", "Essex Police", "investigating crime"),
    ]:
        counts.add(article(path, force, grades=[{"area": area, "grade": "inadequate"}]))
    assert counts.overview()["concern_areas"] == [{"area": "investigating crime", "articles": 2}]


def test_summary_reads_records_from_standard_input():
    """`inspectx extract DIR -q | inspectx summary -`: records on a pipe, read once."""
    lines = "".join(
        json.dumps({"source": {"path": f"{n}.txt"}, "relevant": n % 2 == 0}) + "\n" for n in range(4)
    )
    result = CliRunner().invoke(
        cli, ["summary", "-", "--format", "json"], input=lines, catch_exceptions=False
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["articles"] == 4 and data["relevant"] == 2


@pytest.fixture
def eleven_forces(tmp_path):
    names = [f"Force{n:02d} Police" for n in range(11)]
    path = tmp_path / "eleven.jsonl"
    path.write_text("".join(json.dumps(article(f"{n}.txt", f)) + "\n" for n, f in enumerate(names)))
    return str(path)


def test_a_ranked_list_cut_at_its_top_says_how_many_are_left_out(eleven_forces):
    table = run("summary", eleven_forces).stdout
    assert "Force09 Police" in table and "Force10 Police" not in table and "(1 more)" in table
    rows = list(csv.reader(io.StringIO(run("summary", eleven_forces, "--format", "csv").stdout)))
    assert ["forces", "(1 more)", ""] in rows
    data = json.loads(run("summary", eleven_forces, "--format", "json").stdout)
    assert len(data["forces"]) == 10 and data["left_out"] == {"forces": 1}


def test_top_0_lists_every_item(eleven_forces):
    data = json.loads(run("summary", eleven_forces, "--format", "json", "--top", "0").stdout)
    assert len(data["forces"]) == 11 and data["left_out"] == {}
    assert "(1 more)" not in run("summary", eleven_forces, "--top", "0").stdout


def test_a_line_cut_short_is_left_out_with_a_warning(jsonl, tmp_path):
    """A run still writing its JSON Lines, or killed as it wrote (its output perhaps followed
    by a later run's): the complete records are summed up and stderr says which line was
    left out; a line that is no record at all is still no inspectx records (exit 2)."""
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    cut = tmp_path / "cut.jsonl"
    cut.write_text("\n".join(lines) + "\n" + lines[0][:40], encoding="utf-8")
    result = run("summary", str(cut), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["articles"] == len(lines)
    assert result.stderr == f"inspectx: {cut}: line {len(lines) + 1} is cut short and left out\n"
    cut.write_text(lines[0][:40] + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    result = run("summary", str(cut), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["articles"] == len(lines)
    assert result.stderr == f"inspectx: {cut}: line 1 is cut short and left out\n"
    cut.write_text("not a record\n" + "\n".join(lines) + "\n", encoding="utf-8")
    assert run("summary", str(cut)).exit_code == 2


def test_a_cut_line_with_the_next_runs_record_glued_to_it_or_blank_lines_after_it(jsonl, tmp_path):
    """A killed run's last line cut short and `>>` adding the next run's first record to the
    same line: the cut is left out and the record counted (it had been lost with it); a cut
    line followed by a blank line is left out too (it had been "not inspectx records")."""
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    cut = tmp_path / "glued.jsonl"
    cut.write_text(lines[0][:50] + "\n".join(lines) + "\n", encoding="utf-8")
    result = run("summary", str(cut), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["articles"] == len(lines)
    assert result.stderr == f"inspectx: {cut}: line 1 is cut short and left out\n"
    cut.write_text(lines[0][:50] + "\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    result = run("summary", str(cut), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["articles"] == len(lines)


def test_a_byte_order_mark_before_the_records_is_ignored(jsonl, tmp_path):
    """JSON Lines that went through a Windows tool start with a BOM: the same records."""
    marked = tmp_path / "bom.jsonl"
    marked.write_bytes(b"\xef\xbb\xbf" + jsonl.read_bytes())
    expected = json.loads(run("summary", str(jsonl), "--format", "json").stdout)
    assert json.loads(run("summary", str(marked), "--format", "json").stdout) == expected
    piped = CliRunner().invoke(cli, ["summary", "-", "--format", "json"], input=marked.read_bytes())
    assert piped.exit_code == 0 and json.loads(piped.stdout) == expected


def test_a_database_is_read_whatever_its_file_name(tmp_path):
    """`extract --format sqlite -o results.jsonl` writes a database under a JSON Lines name:
    summary reads it by its contents."""
    from inspectx.database import Writer

    db = tmp_path / "results.jsonl"
    with Writer(db) as writer:
        for record in RECORDS:
            writer.write(record)
    data = json.loads(run("summary", str(db), "--format", "json").output)
    assert data["articles"] == 7


def test_a_cut_line_is_named_by_its_own_number_even_when_it_is_the_only_one(jsonl, tmp_path):
    """A run killed as it wrote its first record: nothing to sum up, and no usage error; and
    the line named is the one that was cut, whatever blank lines follow it."""
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    cut = tmp_path / "cut.jsonl"
    cut.write_text(lines[0][:40] + "\n", encoding="utf-8")
    result = run("summary", str(cut), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["articles"] == 0
    assert result.stderr == f"inspectx: {cut}: line 1 is cut short and left out\n"
    cut.write_text("\n".join(lines) + "\n" + lines[0][:40] + "\n\n", encoding="utf-8")
    result = run("summary", str(cut), "--format", "json")
    assert result.stderr == f"inspectx: {cut}: line {len(lines) + 1} is cut short and left out\n"
