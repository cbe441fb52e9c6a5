"""`extract -o results.db`: SQLite through sqlite-utils, updated in place, resumable."""

from __future__ import annotations

import json
import shutil
import sys

import pytest
from click.testing import CliRunner
from tests.conftest import FIXTURES

from inspectx.cli import cli

sqlite_utils = pytest.importorskip("sqlite_utils")

NAMES = ("seed_durham.txt", "seed_northumbria.txt", "not_inspection_appeal.txt")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture()
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in NAMES:
        shutil.copy(FIXTURES / name, articles / name)
    (articles / "broken.txt").write_bytes(b"\x00\x00binary")
    return articles


@pytest.fixture()
def database(folder, tmp_path):
    path = tmp_path / "results.db"
    result = run("extract", "-q", str(folder), "-o", str(path))
    assert result.exit_code == 1  # broken.txt
    assert result.stdout == ""
    return path


def records_of(folder):
    out = run("extract", "-q", str(folder), "--format", "jsonl").stdout
    return {json.loads(line)["source"]["path"]: json.loads(line) for line in out.splitlines()}


def test_articles_hold_one_row_per_input_with_its_fields(database, folder):
    db = sqlite_utils.Database(database)
    rows = {r["path"]: r for r in db["articles"].rows}
    assert sorted(rows) == sorted(str(folder / n) for n in (*NAMES, "broken.txt"))
    durham = rows[str(folder / "seed_durham.txt")]
    record = json.loads(durham["record"])
    assert durham["force_id"] == "durham" and durham["force_name"] == "Durham Constabulary"
    assert durham["inspectorate"] == "HMICFRS"
    assert durham["relevant"] == 1
    assert durham["sha256"] == record["source"]["sha256"]
    assert (durham["previous_inspection"], durham["previous_inspection_precision"]) == ("2019", "year")
    assert durham["published"] is None and durham["published_precision"] is None
    northumbria = rows[str(folder / "seed_northumbria.txt")]
    assert (northumbria["published"], northumbria["published_precision"]) == ("2019-04-11", "day")
    assert (northumbria["inspection"], northumbria["inspection_precision"]) == ("2019-01", "month")
    assert durham["concerns"] == len(record["concerns"])
    assert durham["programme"] == (record.get("inspection") or {}).get("programme")
    assert durham["error_type"] is None
    broken = rows[str(folder / "broken.txt")]
    assert broken["error_type"] == "not_text" and broken["force_id"] is None
    appeal = rows[str(folder / "not_inspection_appeal.txt")]
    assert appeal["relevant"] == 0 and appeal["inspectorate"] is None


def test_child_tables_hold_the_lists_with_foreign_keys(database, folder):
    db = sqlite_utils.Database(database)
    record = records_of(folder)[str(folder / "seed_durham.txt")]
    durham_id = db.execute(
        "SELECT id FROM articles WHERE path = ?", [str(folder / "seed_durham.txt")]
    ).fetchone()[0]
    concerns = db.execute(
        "SELECT text, sentence, start, end FROM findings "
        "WHERE article_id = ? AND polarity = 'concern' ORDER BY id",
        [durham_id],
    ).fetchall()
    assert concerns == [(c["text"], c["sentence"], c["start"], c["end"]) for c in record["concerns"]]
    people = db.execute("SELECT name, role FROM people WHERE article_id = ?", [durham_id]).fetchall()
    assert {(p["name"], "inspector") for p in record["inspectors"]} <= set(people)
    assert {(p["name"], p["role"]) for p in record["people"]} <= set(people)
    assert db["quotes"].count_where("article_id = ?", [durham_id]) == len(record["quotes"])
    assert db["grades"].count_where("article_id = ?", [durham_id]) == len(record["grades"])
    forces = db.execute("SELECT force_id, main FROM forces WHERE article_id = ?", [durham_id]).fetchall()
    assert ("durham", 1) in forces
    for table in ("findings", "people", "quotes", "grades", "forces"):
        assert [(fk.column, fk.other_table, fk.other_column) for fk in db[table].foreign_keys] == [
            ("article_id", "articles", "id")
        ]
    indexed = {tuple(index.columns) for index in db["articles"].indexes}
    assert {("force_id",), ("published",), ("inspection",), ("path",)} <= indexed
    assert ("force_id",) in {tuple(index.columns) for index in db["forces"].indexes}


def test_full_text_search_on_findings_and_quotes(database):
    db = sqlite_utils.Database(database)
    assert db["findings"].detect_fts() == "findings_fts"
    assert db["quotes"].detect_fts() == "quotes_fts"
    hits = [row["text"] for row in db["findings"].search('"forensic examinations"')]
    assert hits and all("forensic examinations" in text for text in hits)
    speakers = {row["speaker"] for row in db["quotes"].search("encouraged")}
    assert "Phil Gormley" in speakers


def test_rerun_updates_rows_instead_of_duplicating_them(database, folder):
    db = sqlite_utils.Database(database)
    before = {r["path"]: r["id"] for r in db["articles"].rows}
    counts = {t: db[t].count for t in ("findings", "people", "quotes", "grades", "forces")}
    changed = folder / "seed_northumbria.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    assert run("extract", "-q", str(folder), "-o", str(database)).exit_code == 1
    db = sqlite_utils.Database(database)
    after = {r["path"]: r["id"] for r in db["articles"].rows}
    assert after == before
    assert {t: db[t].count for t in counts} == counts
    row = db.execute("SELECT sha256, record FROM articles WHERE path = ?", [str(changed)]).fetchone()
    assert row[0] == json.loads(row[1])["source"]["sha256"]
    assert db.execute("SELECT count(*) FROM findings_fts").fetchone()[0] == counts["findings"]


def test_resume_processes_only_new_changed_and_failed_inputs(database, folder):
    db = sqlite_utils.Database(database)
    db.execute(
        "UPDATE articles SET title = 'kept as it was' WHERE path = ?", [str(folder / "seed_durham.txt")]
    )
    db.conn.commit()
    changed = folder / "seed_northumbria.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nAnother line.\n", encoding="utf-8")
    shutil.copy(FIXTURES / "custody_inspection_short.txt", folder / "new.txt")
    result = run("extract", str(folder), "-o", str(database), "--resume")
    assert result.exit_code == 1
    # durham and the appeal are kept; northumbria changed, new.txt is new, broken.txt failed before
    assert result.stderr.splitlines()[0].startswith("3 records written, and 2 kept from the earlier run")
    db = sqlite_utils.Database(database)
    titles = dict(db.execute("SELECT path, title FROM articles").fetchall())
    assert titles[str(folder / "seed_durham.txt")] == "kept as it was"
    assert titles[str(folder / "new.txt")] != "kept as it was"
    assert db["articles"].count == 5


def test_format_sqlite_needs_an_output_file(folder):
    result = run("extract", str(folder), "--format", "sqlite")
    assert result.exit_code == 2
    assert result.stderr == "Error: --format sqlite needs -o FILE (e.g. -o results.db)\n"


def test_format_sqlite_with_any_file_name(folder, tmp_path):
    target = tmp_path / "results.data"
    assert (
        run(
            "extract", "-q", str(folder / "seed_durham.txt"), "--format", "sqlite", "-o", str(target)
        ).exit_code
        == 0
    )
    assert sqlite_utils.Database(target)["articles"].count == 1


def test_without_sqlite_utils_the_error_says_which_extra(folder, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "sqlite_utils", None)
    result = run("extract", str(folder / "seed_durham.txt"), "-o", str(tmp_path / "r.db"))
    assert result.exit_code == 1
    assert result.stderr == 'Error: SQLite output needs sqlite-utils: pip install "inspectx[sqlite]"\n'


def test_output_that_is_not_a_database_is_a_clear_error(folder, tmp_path):
    target = tmp_path / "notes.db"
    target.write_text("these are notes, not a database\n" * 100, encoding="utf-8")
    result = run("extract", str(folder / "seed_durham.txt"), "-o", str(target))
    assert result.exit_code == 2  # a usage error, found before any input is read
    assert result.stderr.startswith(f"Error: {target}: cannot write a SQLite database there (")
    assert target.read_text(encoding="utf-8").startswith("these are notes")


def test_reading_a_database_needs_no_extra(database, monkeypatch):
    monkeypatch.setitem(sys.modules, "sqlite_utils", None)
    data = json.loads(run("summary", str(database), "--format", "json").output)
    assert data["articles"] == 4 and data["errors"] == {"not_text": 1}


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("articles (id INTEGER PRIMARY KEY, headline TEXT)", "was not made by inspectx"),
        ("customers (id INTEGER PRIMARY KEY, headline TEXT)", "did not make (its tables: customers)"),
    ],
    ids=["an-articles-table-of-its-own", "only-its-own-tables"],
)
def test_another_programs_database_is_refused_and_left_as_it_was(folder, tmp_path, table, message):
    import sqlite3

    path = tmp_path / "theirs.db"
    with sqlite3.connect(path) as conn:
        conn.execute(f"CREATE TABLE {table}")
        conn.execute(f"INSERT INTO {table.split()[0]} (headline) VALUES ('kept')")
    before = path.read_bytes()
    result = run("extract", "-q", str(folder), "-o", str(path))
    assert result.exit_code == 2  # a usage error, found before any input is read
    assert message in result.output
    assert path.read_bytes() == before


def test_a_users_own_table_beside_inspectxs_is_kept(folder, tmp_path):
    import sqlite3

    path = tmp_path / "mine.db"
    assert run("extract", "-q", str(folder), "-o", str(path)).exit_code in (0, 1)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (article_path TEXT, note TEXT)")
        conn.execute("INSERT INTO notes VALUES ('x', 'check this one')")
    assert run("extract", "-q", str(folder), "-o", str(path)).exit_code in (0, 1)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT note FROM notes").fetchall() == [("check this one",)]


def test_a_database_made_before_grades_had_a_force_gets_the_column(folder, tmp_path):
    """A database written by an earlier inspectx (grades without `force`) is brought up to
    date when written to again, and its rows stay."""
    path = tmp_path / "old.db"
    assert run("extract", "-q", str(folder / "seed_durham.txt"), "-o", str(path)).exit_code == 0
    db = sqlite_utils.Database(path)
    db.execute("ALTER TABLE grades DROP COLUMN force")
    db.conn.commit()
    assert "force" not in db["grades"].columns_dict
    grades_before = db["grades"].count
    graded = FIXTURES / "wiltshire_peel_2024.txt"
    assert run("extract", "-q", str(graded), "-o", str(path)).exit_code == 0
    db = sqlite_utils.Database(path)
    assert "force" in db["grades"].columns_dict
    assert db["articles"].count == 2 and db["grades"].count > grades_before
    forces = {f for (f,) in db.execute("SELECT force FROM grades WHERE force IS NOT NULL").fetchall()}
    assert forces == {"Wiltshire Police"}


def test_a_full_device_is_one_error_line_not_a_traceback(folder, tmp_path, monkeypatch):
    """SQLite's "database or disk is full" while writing: exit 1 with one `Error:` line."""
    import sqlite3

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(sqlite_utils.db.Table, "insert", full)
    result = CliRunner().invoke(cli, ["extract", "-q", str(folder), "-o", str(tmp_path / "out.db")])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Error: cannot write" in result.output and "disk is full" in result.output


def test_a_run_waits_for_another_writing_the_same_database(database, folder):
    """A second run writing the same database waits for the first's commit (here a lock
    held for 6 s, longer than sqlite3's own 5 s), instead of failing at once."""
    import sqlite3
    import threading
    import time

    holder = sqlite3.connect(database, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(6.0, holder.commit)
    release.start()
    started = time.monotonic()
    try:
        result = run("extract", "-q", str(folder / "seed_durham.txt"), "-o", str(database))
    finally:
        release.join()
        holder.close()
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started >= 5.5


def test_an_input_is_one_row_however_its_path_is_spelt(database, folder, monkeypatch):
    """`articles`, `./articles` and the absolute path name the same files: a rerun under
    another spelling replaces their rows (the path as last given), and --resume skips them."""
    monkeypatch.chdir(folder.parent)
    db = sqlite_utils.Database(database)
    before = {r["resolved_path"]: r["id"] for r in db["articles"].rows}
    assert len(before) == 4
    result = run("extract", "./articles", "-o", str(database), "--resume")
    assert result.stderr.startswith("1 record written, and 3 kept from the earlier run")  # broken.txt again
    assert run("extract", "-q", "articles", "-o", str(database)).exit_code == 1
    db = sqlite_utils.Database(database)
    after = {r["resolved_path"]: r["id"] for r in db["articles"].rows}
    assert after == before
    assert {r["path"] for r in db["articles"].rows} == {f"articles/{p.name}" for p in folder.iterdir()}


def test_an_older_database_gets_resolved_paths_and_loses_its_duplicates(folder, tmp_path, monkeypatch):
    """A database written by an earlier inspectx: the column is added and filled from the
    paths, and an input it holds twice under two spellings is one row once written again."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "old.db"
    durham = folder / "seed_durham.txt"
    assert run("extract", "-q", str(durham), "-o", str(path)).exit_code == 0
    db = sqlite_utils.Database(path)
    db.execute("DROP INDEX idx_articles_resolved_path")
    db.execute("ALTER TABLE articles DROP COLUMN resolved_path")
    record = db.execute("SELECT record FROM articles").fetchone()[0]
    db.execute("INSERT INTO articles (path, record) VALUES (?, ?)", ["articles/seed_durham.txt", record])
    db.conn.commit()
    assert db["articles"].count == 2 and "resolved_path" not in db["articles"].columns_dict
    assert run("extract", "-q", "articles/seed_durham.txt", "-o", str(path)).exit_code == 0
    db = sqlite_utils.Database(path)
    assert [(r["path"], r["resolved_path"]) for r in db["articles"].rows] == [
        ("articles/seed_durham.txt", str(durham))
    ]


def test_two_files_given_by_the_same_relative_path_from_two_folders_are_two_rows(tmp_path, monkeypatch):
    """`A/s.txt` run from folder X and from folder Y are two files: each keeps its row, and
    running X's again replaces only X's (the path as given is not the input's identity)."""
    for parent, name in (("X", "seed_durham.txt"), ("Y", "seed_northumbria.txt")):
        (tmp_path / parent / "A").mkdir(parents=True)
        shutil.copy(FIXTURES / name, tmp_path / parent / "A" / "s.txt")
    path = tmp_path / "all.db"
    for parent in ("X", "Y", "X"):
        monkeypatch.chdir(tmp_path / parent)
        assert run("extract", "-q", "A", "-o", str(path)).exit_code == 0
    db = sqlite_utils.Database(path)
    rows = {r["resolved_path"]: (r["path"], r["force_id"]) for r in db["articles"].rows}
    assert rows == {
        str(tmp_path / "X" / "A" / "s.txt"): ("A/s.txt", "durham"),
        str(tmp_path / "Y" / "A" / "s.txt"): ("A/s.txt", "northumbria"),
    }


def test_a_database_whose_paths_were_unique_takes_two_files_of_one_relative_path(tmp_path, monkeypatch):
    """A database made when `path` was unique loses that constraint when next written."""
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    for parent, name in (("X", "seed_durham.txt"), ("Y", "seed_northumbria.txt")):
        (tmp_path / parent).mkdir()
        shutil.copy(FIXTURES / name, tmp_path / parent / "s.txt")
    monkeypatch.chdir(tmp_path / "X")
    assert run("extract", "-q", "s.txt", "-o", str(path)).exit_code == 0
    db.execute("DROP INDEX idx_articles_path")
    db.execute("CREATE UNIQUE INDEX idx_articles_path ON articles (path)")
    db.conn.commit()
    monkeypatch.chdir(tmp_path / "Y")
    assert run("extract", "-q", "s.txt", "-o", str(path)).exit_code == 0
    db = sqlite_utils.Database(path)
    assert sorted(r["force_id"] for r in db["articles"].rows) == ["durham", "northumbria"]


def test_each_article_piped_on_stdin_is_a_row_and_the_same_one_again_replaces_it(tmp_path):
    """Stdin has no path to know an input by: its text's sha256 does. `curl URL | inspectx
    extract - -o results.db` in a loop keeps every article; piping one twice updates it."""
    path = tmp_path / "results.db"
    first, second = ((FIXTURES / name).read_text(encoding="utf-8") for name in NAMES[:2])
    for text in (first, second, first):
        result = CliRunner().invoke(cli, ["extract", "-q", "-", "-o", str(path)], input=text)
        assert result.exit_code == 0, result.output
    rows = list(sqlite_utils.Database(path)["articles"].rows)
    assert sorted(r["force_id"] for r in rows) == ["durham", "northumbria"]
    assert all(r["path"] == "-" and r["resolved_path"] is None for r in rows)
