"""SQLite output through sqlite-utils: a database to query with SQL or open in Datasette.

Tables (every child table has `article_id` -> `articles.id`):

    articles  one row per input: path (as given), resolved_path (the file's absolute path),
              sha256, title, byline, site, relevant, force_id, force_name, inspectorate,
              programme, the three dates with their precision (day, month, year), counts
              of improvements and concerns, error_type, error_message, extractor, and the
              whole record as JSON
    findings  polarity (improvement or concern), text, sentence, start, end   [full-text search]
    people    name, title, organisation, role ("inspector" for the inspectors)
    quotes    speaker, text, start, end                                       [full-text search]
    grades    area, grade, force
    forces    every force mentioned: force_id, name, main (1 for the force the article is about)

An input holds one row, known by its resolved path (stdin by "-" and its text's sha256:
each article piped in gets a row, the same one piped again replaces it): writing a record
for an input already in the database replaces that row and its children (same id), so
re-running over a folder updates instead of duplicating, and `--resume` skips the inputs
whose row is complete and whose file still has the same sha256. Each record is written in one
transaction (a savepoint), committed every `COMMIT_EVERY` records and when the batch ends
or is interrupted.

Writing needs sqlite-utils (`pip install "inspectx[sqlite]"`), imported only here;
reading (`read_records`, `completed_paths`) needs only Python's sqlite3.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from inspectx.errors import ExtraNotInstalledError, OutputError

#: Records written between two commits: a crash loses at most these, never half a record.
COMMIT_EVERY = 100
#: How long (milliseconds) a run waits for another run writing the same database.
BUSY_TIMEOUT_MS = 120_000
_CHILDREN = ("findings", "people", "quotes", "grades", "forces")
_PRECISION = {4: "year", 7: "month", 10: "day"}


def _sqlite_utils():
    try:
        import sqlite_utils
    except ImportError as exc:
        raise ExtraNotInstalledError(
            'SQLite output needs sqlite-utils: pip install "inspectx[sqlite]"'
        ) from exc
    return sqlite_utils


def open_database(path: str | Path):
    """The sqlite-utils Database at `path` with inspectx's tables, indexes and full-text search.

    Creates what is missing; an existing inspectx database is left as it is. While another
    run writes the same database, this one waits for it up to BUSY_TIMEOUT_MS between that
    run's commits (made every COMMIT_EVERY records), then fails with "database is locked".
    """
    db = _sqlite_utils().Database(path)
    db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    _check_foreign(db.conn, path)
    articles = db["articles"]
    articles.create(
        {
            "id": int,
            "path": str,
            "sha256": str,
            "format": str,
            "encoding": str,
            "title": str,
            "byline": str,
            "site": str,
            "relevant": bool,
            "force_id": str,
            "force_name": str,
            "inspectorate": str,
            "programme": str,
            "published": str,
            "published_precision": str,
            "inspection": str,
            "inspection_precision": str,
            "previous_inspection": str,
            "previous_inspection_precision": str,
            "improvements": int,
            "concerns": int,
            "error_type": str,
            "error_message": str,
            "extractor": str,
            "record": str,
            "resolved_path": str,
        },
        pk="id",
        not_null={"path"},
        if_not_exists=True,
    )
    child_columns: dict[str, dict[str, type]] = {
        "findings": {"polarity": str, "text": str, "sentence": str, "start": int, "end": int},
        "people": {"name": str, "title": str, "organisation": str, "role": str},
        "quotes": {"speaker": str, "text": str, "start": int, "end": int},
        "grades": {"area": str, "grade": str, "force": str},
        "forces": {"force_id": str, "name": str, "main": bool},
    }
    for name, columns in child_columns.items():
        db[name].create(
            {"id": int, "article_id": int, **columns},
            pk="id",
            foreign_keys=[("article_id", "articles", "id")],
            if_not_exists=True,
        )
        for column, kind in columns.items():  # a column added since the database was made
            if column not in db[name].columns_dict:
                db[name].add_column(column, kind)
        db[name].create_index(["article_id"], if_not_exists=True)
    # `path` is as given, relative to where the run was: two files in two folders may share
    # one ("A/s.txt" from X and from Y), so an input is known by its resolved path instead
    unique_path = [i for i in articles.indexes if i.columns == ["path"] and i.unique]
    for index in unique_path:  # a database made when `path` was the key
        db.execute(f"DROP INDEX [{index.name}]")
    articles.create_index(["path"], if_not_exists=True)
    if "resolved_path" not in articles.columns_dict:  # a database made before the column
        articles.add_column("resolved_path", str)
        for row_id, path in db.execute("SELECT id, path FROM articles").fetchall():
            db.execute("UPDATE articles SET resolved_path = ? WHERE id = ?", [resolved(path), row_id])
    for column in ("force_id", "published", "inspection", "programme", "resolved_path"):
        articles.create_index([column], if_not_exists=True)
    db["forces"].create_index(["force_id"], if_not_exists=True)
    for name, columns in (("findings", ["text", "sentence"]), ("quotes", ["text", "speaker"])):
        if not db[f"{name}_fts"].exists():
            db[name].enable_fts(columns, create_triggers=True)
    return db


def _check_foreign(conn: sqlite3.Connection, path: str | Path) -> None:
    """Raise OutputError for another program's database, which inspectx must neither alter
    nor fill: one with tables and no `articles` table (a shop's `customers`), or where a
    table inspectx writes already exists without inspectx's columns. Tables a user added
    beside inspectx's own are theirs to keep, and fine."""
    tables = [
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        if not row[0].startswith("sqlite_")
    ]
    if tables and "articles" not in tables:
        raise OutputError(
            f"{path}: a database inspectx did not make (its tables: {', '.join(sorted(tables)[:5])}); "
            "write to a new database"
        )
    expected = {"articles": ("path", "sha256", "record"), **{name: ("article_id",) for name in _CHILDREN}}
    for name, columns in expected.items():
        present = _columns(conn, name)
        if not present:
            continue  # no such table
        missing = [c for c in columns if c not in present]
        if missing:
            raise OutputError(
                f"{path}: its table {name!r} was not made by inspectx (no column {missing[0]!r}); "
                "write to a new database"
            )


def resolved(path: str | None) -> str | None:
    """What makes two spellings of an input's path one input (`rsx/a.txt`, `./rsx/a.txt`,
    `/tmp/rsx/a.txt`): its resolved absolute path, as batch.input_key gives it; None for
    stdin ("-")."""
    if path is None or path == "-":
        return None
    from inspectx.batch import input_key

    return input_key(path)


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    """The column names of `table` (none when there is no such table)."""
    return {row[1] for row in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))}


def article_row(record: dict[str, Any]) -> dict[str, Any]:
    """The `articles` row of one record (without `id`)."""
    source = record.get("source") or {}
    error = record.get("error") or {}
    force = record.get("force") or {}
    inspection = record.get("inspection")
    extractor = record.get("extractor") or {}
    row: dict[str, Any] = {
        "path": source.get("path"),
        "sha256": source.get("sha256"),
        "format": source.get("format"),
        "encoding": source.get("encoding"),
        "title": record.get("title"),
        "byline": record.get("byline"),
        "site": source.get("site"),
        "relevant": record.get("relevant"),
        "force_id": force.get("id"),
        "force_name": force.get("name"),
        "inspectorate": (record.get("inspectorate") or {}).get("acronym"),
        "programme": inspection.get("programme") if isinstance(inspection, dict) else None,
        "improvements": len(record.get("improvements") or []) if not error else None,
        "concerns": len(record.get("concerns") or []) if not error else None,
        "error_type": error.get("type"),
        "error_message": error.get("message"),
        "extractor": " ".join(filter(None, (extractor.get("version"), extractor.get("model")))) or None,
        "record": json.dumps(record, ensure_ascii=False),
        "resolved_path": resolved(source.get("path")),
    }
    for name in ("published", "inspection", "previous_inspection"):
        value = ((record.get("dates") or {}).get(name) or {}).get("value")
        row[name] = value
        row[f"{name}_precision"] = _PRECISION.get(len(value)) if value else None
    return row


def child_rows(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows of each child table for one record (without `id` and `article_id`)."""
    main_id = (record.get("force") or {}).get("id")
    main_name = (record.get("force") or {}).get("name")
    findings = [
        {"polarity": polarity, **{k: f.get(k) for k in ("text", "sentence", "start", "end")}}
        for polarity, key in (("improvement", "improvements"), ("concern", "concerns"))
        for f in record.get(key) or []
    ]
    people = [
        {"name": p["name"], "title": p.get("title"), "organisation": None, "role": "inspector"}
        for p in record.get("inspectors") or []
    ] + [{k: p.get(k) for k in ("name", "title", "organisation", "role")} for p in record.get("people") or []]
    return {
        "findings": findings,
        "people": people,
        "quotes": [
            {k: q.get(k) for k in ("speaker", "text", "start", "end")} for q in record.get("quotes") or []
        ],
        "grades": [{k: g.get(k) for k in ("area", "grade", "force")} for g in record.get("grades") or []],
        "forces": [
            {
                "force_id": f.get("id"),
                "name": f.get("name"),
                "main": f.get("name") == main_name and f.get("id") == main_id,
            }
            for f in record.get("forces") or []
        ],
    }


class Writer:
    """Writes records into the database at `path` (created if missing); use as a context manager.

    The open transaction is committed when the block ends, also on Ctrl-C; on any other
    error the records since the last commit are rolled back.
    """

    def __init__(self, path: str | Path) -> None:
        try:
            self.db = open_database(path)
        except sqlite3.Error as exc:
            raise OutputError(f"{path}: cannot write a SQLite database there ({exc})") from exc
        self.path = path
        self._pending = 0

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None or issubclass(exc_type, KeyboardInterrupt):
                self._commit()
            elif self.db.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.db.rollback()
        finally:
            self.db.close()

    def write(self, record: dict[str, Any]) -> None:
        """Insert or replace the row of the record's path, and its child rows, in one step.

        Raises OutputError when the database cannot take it (a full device, say)."""
        try:
            self._write(record)
        except sqlite3.Error as exc:
            raise OutputError(f"cannot write {self.path}: {exc}") from exc

    def _write(self, record: dict[str, Any]) -> None:
        if not self.db.conn.in_transaction:
            # the write lock taken at once, so a run that finds another writing waits for it
            # (busy_timeout); a read first and a write later could only fail
            self.db.execute("BEGIN IMMEDIATE")
        with self.db.atomic():
            row = article_row(record)
            # the input's earlier row, however its path was spelt then: the same resolved path
            # (a file), or for stdin, which has none, the same text ("-" and its sha256): one
            # article piped again replaces its row, another gets one of its own
            if row["resolved_path"] is None:
                same = "SELECT id FROM articles WHERE path = ? AND resolved_path IS NULL AND sha256 IS ?"
                keys = [row["path"], row["sha256"]]
            else:
                same, keys = "SELECT id FROM articles WHERE resolved_path = ?", [row["resolved_path"]]
            ids = [i for (i,) in self.db.execute(same, keys)]
            if ids:
                kept, *older = sorted(ids, reverse=True)
                for earlier in ids:
                    for name in _CHILDREN:
                        self.db[name].delete_where("article_id = ?", [earlier])
                for earlier in older:  # one input written under several spellings by an older inspectx
                    self.db["articles"].delete(earlier)
                row["id"] = kept
                self.db["articles"].upsert(row, pk="id")
                article_id = kept
            else:
                article_id = self.db["articles"].insert(row).last_pk
            for name, rows in child_rows(record).items():
                if rows:
                    self.db[name].insert_all([{"article_id": article_id, **r} for r in rows])
        self._pending += 1
        if self._pending >= COMMIT_EVERY:
            self._commit()

    def _commit(self) -> None:
        if self.db.conn.in_transaction:
            try:
                self.db.commit()
            except sqlite3.Error as exc:
                raise OutputError(f"cannot write {self.path}: {exc}") from exc
        self._pending = 0


def check_output(path: str | Path) -> None:
    """Raise OutputError, before any work, when the file at `path` exists and is no database
    inspectx may write to: another kind of file ("file is not a database"), or another
    program's database (see `_check_foreign`). A missing or empty file is fine (created)."""
    if not Path(path).is_file() or Path(path).stat().st_size == 0:
        return
    try:
        with _connect(path) as conn:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _check_foreign(conn, path)
    except sqlite3.OperationalError:
        return  # locked, or unreadable for now: the writer waits and reports what is left
    except sqlite3.DatabaseError as exc:
        raise OutputError(f"{path}: cannot write a SQLite database there ({exc})") from exc


def completed_paths(path: str | Path) -> dict[str, str | None]:
    """Resolved path (see `resolved`) -> sha256 of every complete (not error) article row;
    empty for a missing database. A row of a database made before `resolved_path` is
    resolved from its path as written."""
    if not Path(path).exists():
        return {}
    try:
        with _connect(path) as conn:
            key = "resolved_path" if "resolved_path" in _columns(conn, "articles") else "NULL"
            query = f"SELECT {key}, path, sha256 FROM articles WHERE error_type IS NULL"
            rows = conn.execute(query).fetchall()
    except sqlite3.Error:
        return {}  # not (yet) an inspectx database: nothing is complete
    return {(done or resolved(written)): sha for done, written, sha in rows if written != "-"}


def up_to_date(done: dict[str, str | None], label: str, path: Path | None) -> bool:
    """Is the input `label` (file `path`; None for stdin) in `done` (by its resolved path)
    with the file's current sha256?"""
    key = resolved(label)
    if path is None or key not in done:
        return False
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == done[key]
    except OSError:
        return False


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records stored in an inspectx database, in the order they were first written.

    Raises ValueError when `path` is not a database with an inspectx `articles` table.
    """
    if not Path(path).is_file():
        raise ValueError(f"{path}: no such database")
    try:
        with _connect(path) as conn:
            yield from (
                json.loads(text) for (text,) in conn.execute("SELECT record FROM articles ORDER BY id")
            )
    except sqlite3.Error as exc:
        raise ValueError(f"{path}: not an inspectx database ({exc})") from exc


def _connect(path: str | Path) -> contextlib.closing[sqlite3.Connection]:
    """A read-only connection, closed when the block ends."""
    return contextlib.closing(sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True))
