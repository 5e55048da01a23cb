"""The local store for the user's scenarios: one SQLite file in the platform's data folder.

Each scenario is a flat mapping of field paths (dotted strings such as ``"offers.0.base_salary"``)
to JSON-ready values. Every field is its own row, stamped with the store-wide revision of the
write that set it and the id of the browser session that wrote it. That lets the app

* write only the fields that changed, so two tabs editing different fields never clobber each
  other;
* detect when two tabs edited the same field: the later write wins, and the write that replaced
  another session's newer value reports the replaced row as a conflict;
* ask for everything that changed since a revision it has already seen (``changes_since`` and
  ``removed_since``), so an open tab can pick up edits made elsewhere.

Whole-scenario replacements (Start again, loading a file, restoring) first save a version of
the current values, so they can be undone; the newest ``MAX_VERSIONS`` versions are kept.

Durability: WAL journal with ``synchronous=FULL``, so a committed write survives a crash or a
power cut. A file that is not a readable database is moved aside (never deleted) and a fresh
database is created in its place. Every failure surfaces as ``StoreError`` whose text is a
plain sentence for the page. One connection per ``Store``, guarded by a lock, because Streamlit
runs each session on its own thread.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

__all__ = [
    "APP_NAME",
    "DB_NAME",
    "MAX_VERSIONS",
    "SCHEMA_VERSION",
    "FieldRow",
    "ScenarioInfo",
    "Store",
    "StoreError",
    "Version",
    "WriteResult",
    "data_dir",
]

DB_NAME = "offer-compass.sqlite3"
APP_NAME = "offer-compass"
MAX_VERSIONS = 50
SCHEMA_VERSION = 1
NAME_MAX = 80

_SAVE = "Your changes could not be saved"
_READ = "Your saved data could not be read"
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_SQLITE_MAGIC = b"SQLite format 3\x00"

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS counter ("
    " id INTEGER PRIMARY KEY CHECK (id = 1), rev INTEGER NOT NULL)",
    "INSERT OR IGNORE INTO counter (id, rev) VALUES (1, 0)",
    "CREATE TABLE IF NOT EXISTS scenarios ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,"
    " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS fields ("
    " scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,"
    " path TEXT NOT NULL, value TEXT NOT NULL, rev INTEGER NOT NULL,"
    " session TEXT NOT NULL, written_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (scenario_id, path))",
    "CREATE INDEX IF NOT EXISTS fields_by_rev ON fields (scenario_id, rev)",
    "CREATE TABLE IF NOT EXISTS versions ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,"
    " created_at TEXT NOT NULL, reason TEXT NOT NULL, fields INTEGER NOT NULL,"
    " data TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS versions_by_scenario ON versions (scenario_id, id)",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)

_UPSERT = (
    "INSERT INTO fields (scenario_id, path, value, rev, session, written_at, deleted)"
    " VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT (scenario_id, path) DO UPDATE SET"
    " value = excluded.value, rev = excluded.rev, session = excluded.session,"
    " written_at = excluded.written_at, deleted = 0"
)


class StoreError(Exception):
    """A store operation failed. ``str(err)`` is one readable sentence for the page (what failed,
    why, and the path involved), never a traceback; the original ``sqlite3.Error``/``OSError``
    (or ``ValueError``/``TypeError`` for an unsavable value) is chained as ``__cause__``.

    >>> str(StoreError("The data folder /x cannot be created: Operation not permitted."))
    'The data folder /x cannot be created: Operation not permitted.'
    """


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One stored field: its path, its JSON-decoded value, the store-wide revision of the
    write that set it and the session that wrote it (``""`` for creation and imports).

    >>> FieldRow("numbers.points", 3, 7, "tab-a").value
    3
    """

    path: str
    value: Any
    rev: int
    session: str


@dataclass(frozen=True, slots=True)
class ScenarioInfo:
    """A scenario's id and name, when it was created and when any of its fields was last
    written (both timezone-aware UTC).

    >>> t = datetime(2026, 1, 2, tzinfo=UTC)
    >>> ScenarioInfo(1, "Acme", t, t).name
    'Acme'
    """

    id: int
    name: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Version:
    """A saved copy of a scenario's fields: when (UTC), why (e.g. ``"before Start again"``) and
    how many fields it holds. Its values come from ``Store.version_values``.

    >>> Version(4, 1, datetime(2026, 1, 2, tzinfo=UTC), "autosnapshot", 12).fields
    12
    """

    id: int
    scenario_id: int
    created_at: datetime
    reason: str
    fields: int


@dataclass(frozen=True, slots=True)
class WriteResult:
    """The outcome of a write: the new revision (0 when nothing was written) and the rows this
    write replaced that another session had written after the writer last saw the field.

    >>> WriteResult(0, ()).rev
    0
    """

    rev: int
    conflicts: tuple[FieldRow, ...]


def data_dir() -> Path:
    """The folder holding the database: ``$OFFER_COMPASS_HOME`` when set and non-empty, else the
    platform's per-user data folder for ``APP_NAME`` (``platformdirs.user_data_path``).

    >>> saved = os.environ.get("OFFER_COMPASS_HOME")
    >>> os.environ["OFFER_COMPASS_HOME"] = "/tmp/oc-store-doc"
    >>> str(data_dir())
    '/tmp/oc-store-doc'
    >>> os.environ["OFFER_COMPASS_HOME"] = ""
    >>> data_dir().name
    'offer-compass'
    >>> if saved is None: del os.environ["OFFER_COMPASS_HOME"]
    ... else: os.environ["OFFER_COMPASS_HOME"] = saved
    """
    override = os.environ.get("OFFER_COMPASS_HOME", "")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


# ---------------------------------------------------------------------------------------------
# Small helpers: time, JSON, error wording
# ---------------------------------------------------------------------------------------------


def _now_text() -> str:
    """The current UTC time as ISO-8601 text with microseconds."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _parse_time(text: str) -> datetime:
    """ISO-8601 text from the database as an aware UTC datetime."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _dumps(value: Any) -> str:
    """Compact JSON text; raises ValueError for NaN/inf and TypeError for non-JSON objects."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _encode(path: Any, value: Any) -> str:
    """Check a path and encode its value as JSON text, or raise StoreError (nothing written)."""
    if not isinstance(path, str) or not path:
        raise StoreError(f"A field path must be a non-empty text, not {path!r}.")
    try:
        text = _dumps(value)
    except ValueError as err:
        why = "it holds a number that is not finite (NaN or infinity)"
        if "circular" in str(err).lower():
            why = "it refers to itself"
        raise StoreError(f"The value for {path!r} cannot be saved: {why}.") from err
    except TypeError as err:
        why = f"it holds something that is not plain data ({err})"
        raise StoreError(f"The value for {path!r} cannot be saved: {why}.") from err
    try:
        path.encode("utf-8")
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        why = "it holds a character that is not valid text"
        raise StoreError(f"The value for {path!r} cannot be saved: {why}.") from err
    return text


def _encode_all(values: Mapping[str, Any]) -> dict[str, str]:
    """Encode every value of a mapping (see ``_encode``) before any transaction starts."""
    return {path: _encode(path, value) for path, value in values.items()}


def _same(stored: str, new: str) -> bool:
    """Whether two JSON texts hold the same value (object key order ignored)."""
    if stored == new:
        return True
    canon = json.loads(stored), json.loads(new)
    return json.dumps(canon[0], sort_keys=True) == json.dumps(canon[1], sort_keys=True)


def _reason(err: BaseException) -> str:
    """A short lower-case phrase saying why a database or file operation failed."""
    text = str(err).strip().rstrip(".")
    low = text.lower()
    if "disk is full" in low or getattr(err, "errno", None) == 28:
        return "the disk is full"
    if "readonly" in low or "read-only" in low or getattr(err, "errno", None) == 30:
        return "the data folder is read-only"
    if isinstance(err, sqlite3.ProgrammingError) and "closed" in low:
        return "the store has been closed"
    if isinstance(err, UnicodeEncodeError):
        return "a piece of text holds a character that is not valid text"
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return text or type(err).__name__


def _clean_name(name: str) -> str:
    """A scenario name stripped of outer spaces: 1 to NAME_MAX characters of valid text."""
    clean = name.strip() if isinstance(name, str) else ""
    if not clean:
        raise StoreError("A scenario needs a name.")
    if len(clean) > NAME_MAX:
        raise StoreError(f"A scenario name can be at most {NAME_MAX} characters long.")
    try:
        clean.encode("utf-8")
    except UnicodeEncodeError as err:
        raise StoreError("A scenario name holds a character that is not valid text.") from err
    return clean


# ---------------------------------------------------------------------------------------------
# Opening: folder, connection, schema, recovery
# ---------------------------------------------------------------------------------------------


def _make_folder(folder: Path) -> None:
    """Create the data folder and its parents, or raise StoreError naming it and the reason."""
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"The data folder {folder} cannot be created: a file is in the way.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        why = err.strerror or str(err)
        raise StoreError(f"The data folder {folder} cannot be created: {why}.") from err


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Create missing tables and record the schema version; refuse a newer schema."""
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found > SCHEMA_VERSION:
        raise StoreError(
            f"The database {path} was written by a newer version of Offer Compass "
            f"(schema {found}); please update the app."
        )
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _SCHEMA:
            conn.execute(statement)
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise


def _connect(path: Path) -> sqlite3.Connection:
    """Open the database with the store's settings (WAL, synchronous=FULL, foreign keys)."""
    conn = sqlite3.connect(path, timeout=10, check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
        if mode != "wal":
            raise StoreError(
                f"The database {path} cannot be opened safely: its folder does not support "
                f"write-ahead logging (journal mode {mode!r})."
            )
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def _unreadable(err: sqlite3.Error, path: Path) -> bool:
    """Whether the error says the file exists but is not a usable SQLite database."""
    if not path.is_file():
        return False
    code = getattr(err, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in (_SQLITE_NOTADB, _SQLITE_CORRUPT):
        return True
    low = str(err).lower()
    return "not a database" in low or "malformed" in low


def _open_error(path: Path, err: BaseException) -> StoreError:
    """A StoreError for a database that cannot be opened or created at ``path``."""
    if path.is_dir():
        why = "a folder with that name is in the way"
    elif not os.access(path.parent, os.W_OK):
        why = "the data folder is read-only"
    else:
        why = _reason(err)
    return StoreError(f"The database {path} cannot be opened: {why}.")


def _backup_name(path: Path) -> Path:
    """A name in the same folder for moving an unreadable database aside; never an existing one."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    stem = f"{APP_NAME}.unreadable-{stamp}"
    target = path.with_name(f"{stem}.sqlite3")
    number = 2
    while any(Path(f"{target}{end}").exists() for end in ("", "-wal", "-shm")):
        target = path.with_name(f"{stem}-{number}.sqlite3")
        number += 1
    return target


def _move_aside(path: Path) -> Path:
    """Rename an unreadable database (and its -wal/-shm files) to a unique backup name."""
    target = _backup_name(path)
    try:
        path.rename(target)
        for end in ("-wal", "-shm"):
            companion = Path(f"{path}{end}")
            if companion.exists():
                companion.rename(Path(f"{target}{end}"))
    except OSError as err:
        why = err.strerror or str(err)
        raise StoreError(
            f"The database {path} is unreadable and could not be moved aside: {why}."
        ) from err
    return target


def _foreign_file(path: Path) -> bool:
    """Whether ``path`` is a non-empty file without the SQLite header. Checked before SQLite
    opens it, because closing a connection to such a file deletes its ``-wal`` companion."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        with path.open("rb") as handle:
            return handle.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC
    except OSError:
        return False


def _open_connection(path: Path) -> tuple[sqlite3.Connection, Path | None]:
    """Connect to ``path``; an unreadable file is moved aside first. Returns the backup path."""
    if not _foreign_file(path):
        try:
            return _connect(path), None
        except sqlite3.Error as err:
            if not _unreadable(err, path):
                raise _open_error(path, err) from err
    moved = _move_aside(path)
    try:
        return _connect(path), moved
    except sqlite3.Error as err:
        raise _open_error(path, err) from err


@contextlib.contextmanager
def _scratch_store() -> Iterator[Store]:
    """A Store in a new temporary folder that is removed afterwards (for the examples)."""
    folder = Path(tempfile.mkdtemp(prefix="offer-compass-doc-"))
    store = Store.open(folder)
    try:
        yield store
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# The store
# ---------------------------------------------------------------------------------------------


class Store:
    """The user's scenarios in one SQLite database; safe to share between threads.

    >>> import tempfile, shutil
    >>> folder = Path(tempfile.mkdtemp())
    >>> store = Store.open(folder)
    >>> store.path.name, store.recovered_from
    ('offer-compass.sqlite3', None)
    >>> store.close(); shutil.rmtree(folder)
    """

    path: Path
    recovered_from: Path | None

    def __init__(self, path: Path, conn: sqlite3.Connection, recovered: Path | None) -> None:
        """Wrap an open connection; use ``Store.open`` rather than calling this directly.

        >>> with _scratch_store() as store:
        ...     isinstance(store, Store)
        True
        """
        self.path = path
        self.recovered_from = recovered
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.Lock()

    # -- lifecycle ----------------------------------------------------------------------------

    @classmethod
    def open(cls, folder: Path | None = None) -> Store:
        """Open (creating if needed) the database in ``folder``, default ``data_dir()``. The
        folder and its parents are created. A file there that is not a readable database is
        moved aside to a unique ``offer-compass.unreadable-<UTC time>.sqlite3`` name and a fresh
        database is created; ``recovered_from`` then names the moved file. Raises StoreError
        with a readable sentence when the folder or the database cannot be made.

        >>> import tempfile, shutil
        >>> folder = Path(tempfile.mkdtemp())
        >>> store = Store.open(folder / "nested" / "deeper")
        >>> store.path.exists()
        True
        >>> store.close(); shutil.rmtree(folder)
        """
        folder = Path(folder) if folder is not None else data_dir()
        _make_folder(folder)
        path = folder / DB_NAME
        conn, moved = _open_connection(path)
        return cls(path, conn, moved)

    def close(self) -> None:
        """Close the connection; later calls raise StoreError. Closing twice is harmless.

        >>> with _scratch_store() as store:
        ...     store.close()
        ...     store.close()
        """
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Store:
        """Use the store in a ``with`` block; it is closed at the end.

        >>> with _scratch_store() as outer, Store.open(outer.path.parent) as inner:
        ...     inner.latest_rev()
        0
        """
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the store when the ``with`` block ends.

        >>> with _scratch_store() as store:
        ...     store.__exit__(None, None, None)
        """
        self.close()

    # -- plumbing -----------------------------------------------------------------------------

    def _live(self) -> sqlite3.Connection:
        """The open connection, or StoreError when the store was closed."""
        if self._conn is None:
            raise StoreError(f"The store {self.path} has been closed.")
        return self._conn

    def _fail(self, action: str, err: BaseException) -> StoreError:
        """A StoreError sentence: what failed, why, and the database path."""
        return StoreError(f"{action}: {_reason(err)} ({self.path}).")

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock and run the block in one ``BEGIN IMMEDIATE`` transaction; commit at
        the end, roll back on any error (database errors become StoreError)."""
        with self._lock:
            conn = self._live()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as err:
                raise self._fail(_SAVE, err) from err
            try:
                yield conn
                conn.execute("COMMIT")
            except (sqlite3.Error, OSError, UnicodeEncodeError) as err:
                self._rollback(conn)
                raise self._fail(_SAVE, err) from err
            except BaseException:
                self._rollback(conn)
                raise

    @staticmethod
    def _rollback(conn: sqlite3.Connection) -> None:
        """Roll back the open transaction, if any, ignoring errors while doing so."""
        with contextlib.suppress(sqlite3.Error):
            if conn.in_transaction:
                conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def _query(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock for reading; database errors become StoreError."""
        with self._lock:
            conn = self._live()
            try:
                yield conn
            except (sqlite3.Error, OSError) as err:
                raise self._fail(_READ, err) from err

    @staticmethod
    def _bump(conn: sqlite3.Connection) -> int:
        """Increment the store-wide revision counter inside a transaction; return the new rev."""
        conn.execute("UPDATE counter SET rev = rev + 1 WHERE id = 1")
        return int(conn.execute("SELECT rev FROM counter WHERE id = 1").fetchone()[0])

    @staticmethod
    def _info(conn: sqlite3.Connection, scenario_id: int) -> ScenarioInfo:
        """The scenario's info, or StoreError when there is no such scenario."""
        row = conn.execute(
            "SELECT id, name, created_at, updated_at FROM scenarios WHERE id = ?", (scenario_id,)
        ).fetchone()
        if row is None:
            raise StoreError(
                f"Scenario {scenario_id} no longer exists (it may have been deleted elsewhere)."
            )
        return ScenarioInfo(int(row[0]), row[1], _parse_time(row[2]), _parse_time(row[3]))

    @staticmethod
    def _check_unique(conn: sqlite3.Connection, name: str, keep: int | None) -> None:
        """StoreError when another scenario already has this name (ignoring case)."""
        wanted = name.casefold()
        for found_id, found in conn.execute("SELECT id, name FROM scenarios"):
            if found.casefold() == wanted and found_id != keep:
                raise StoreError(f"A scenario called '{found}' already exists.")

    @staticmethod
    def _stored(conn: sqlite3.Connection, scenario_id: int) -> dict[str, str]:
        """The live (not deleted) fields of a scenario as ``{path: JSON text}``, path order."""
        rows = conn.execute(
            "SELECT path, value FROM fields WHERE scenario_id = ? AND deleted = 0 ORDER BY path",
            (scenario_id,),
        )
        return {path: value for path, value in rows}

    # -- scenarios ----------------------------------------------------------------------------

    def scenarios(self) -> list[ScenarioInfo]:
        """All scenarios, ordered by name ignoring case (then by id).

        >>> with _scratch_store() as store:
        ...     _ = store.create_scenario("beta"), store.create_scenario("Alpha")
        ...     [info.name for info in store.scenarios()]
        ['Alpha', 'beta']
        """
        with self._query() as conn:
            rows = conn.execute("SELECT id, name, created_at, updated_at FROM scenarios").fetchall()
        infos = [ScenarioInfo(r[0], r[1], _parse_time(r[2]), _parse_time(r[3])) for r in rows]
        return sorted(infos, key=lambda info: (info.name.casefold(), info.id))

    def scenario(self, scenario_id: int) -> ScenarioInfo:
        """One scenario's info; StoreError when it does not exist.

        >>> with _scratch_store() as store:
        ...     store.scenario(store.create_scenario("Acme").id).name
        'Acme'
        """
        with self._query() as conn:
            return self._info(conn, scenario_id)

    def create_scenario(
        self, name: str, values: Mapping[str, Any] | None = None, *, session: str = ""
    ) -> ScenarioInfo:
        """Create a scenario named ``name`` (stripped, 1–80 characters, unique ignoring case)
        holding ``values`` as its first fields, all in one transaction. Storing fields counts
        as a write (one new revision, written by ``session``).

        >>> with _scratch_store() as store:
        ...     info = store.create_scenario("  Acme  ", {"numbers.points": 2})
        ...     info.name, store.read(info.id)["numbers.points"].value, store.latest_rev()
        ('Acme', 2, 1)
        """
        clean = _clean_name(name)
        encoded = _encode_all(values or {})
        with self._tx() as conn:
            self._check_unique(conn, clean, None)
            now = _now_text()
            cursor = conn.execute(
                "INSERT INTO scenarios (name, created_at, updated_at) VALUES (?, ?, ?)",
                (clean, now, now),
            )
            scenario_id = int(cursor.lastrowid or 0)
            if encoded:
                rev = self._bump(conn)
                for path, text in encoded.items():
                    conn.execute(_UPSERT, (scenario_id, path, text, rev, session, now))
        moment = _parse_time(now)
        return ScenarioInfo(scenario_id, clean, moment, moment)

    def rename_scenario(self, scenario_id: int, name: str) -> ScenarioInfo:
        """Give a scenario a new name (same rules as ``create_scenario``); returns its info.

        >>> with _scratch_store() as store:
        ...     store.rename_scenario(store.create_scenario("Acme").id, "Acme Corp").name
        'Acme Corp'
        """
        clean = _clean_name(name)
        with self._tx() as conn:
            self._info(conn, scenario_id)
            self._check_unique(conn, clean, scenario_id)
            conn.execute("UPDATE scenarios SET name = ? WHERE id = ?", (clean, scenario_id))
            return self._info(conn, scenario_id)

    def delete_scenario(self, scenario_id: int) -> None:
        """Delete a scenario with its fields and versions. Deleting one that is already gone
        (for example from another tab) does nothing.

        >>> with _scratch_store() as store:
        ...     store.delete_scenario(store.create_scenario("Acme").id)
        ...     store.scenarios()
        []
        """
        with self._tx() as conn:
            conn.execute("DELETE FROM scenarios WHERE id = ?", (scenario_id,))

    # -- fields -------------------------------------------------------------------------------

    def read(self, scenario_id: int) -> dict[str, FieldRow]:
        """Every current field of a scenario by path; StoreError when the scenario is missing.

        >>> with _scratch_store() as store:
        ...     sid = store.create_scenario("Acme", {"a": [1, "x"]}).id
        ...     store.read(sid)
        {'a': FieldRow(path='a', value=[1, 'x'], rev=1, session='')}
        """
        rows = self.changes_since(scenario_id, 0)  # every write has a revision of 1 or more
        return {row.path: row for row in sorted(rows, key=lambda row: row.path)}

    def changes_since(self, scenario_id: int, rev: int) -> list[FieldRow]:
        """The scenario's current fields written after revision ``rev``, oldest write first.
        Paths deleted since then are not rows; ask ``removed_since`` for those.

        >>> with _scratch_store() as store:
        ...     sid = store.create_scenario("Acme", {"a": 1}).id
        ...     result = store.write(sid, {"b": 2}, session="t", base={})
        ...     [row.path for row in store.changes_since(sid, 1)]
        ['b']
        """
        with self._query() as conn:
            self._info(conn, scenario_id)
            rows = conn.execute(
                "SELECT path, value, rev, session FROM fields"
                " WHERE scenario_id = ? AND deleted = 0 AND rev > ? ORDER BY rev, path",
                (scenario_id, rev),
            ).fetchall()
        return [FieldRow(p, json.loads(v), int(r), s) for p, v, r, s in rows]

    def removed_since(self, scenario_id: int, rev: int) -> list[str]:
        """Paths that a whole-scenario replacement removed after revision ``rev`` (and that
        were not written again since), in path order.

        >>> with _scratch_store() as store:
        ...     sid = store.create_scenario("Acme", {"a": 1, "b": 2}).id
        ...     result = store.replace_all(sid, {"a": 1}, session="t", reason="test")
        ...     store.removed_since(sid, 1)
        ['b']
        """
        with self._query() as conn:
            self._info(conn, scenario_id)
            rows = conn.execute(
                "SELECT path FROM fields WHERE scenario_id = ? AND deleted = 1 AND rev > ?"
                " ORDER BY path",
                (scenario_id, rev),
            ).fetchall()
        return [row[0] for row in rows]

    def write(
        self,
        scenario_id: int,
        changes: Mapping[str, Any],
        *,
        session: str,
        base: Mapping[str, int],
    ) -> WriteResult:
        """Write ``changes`` in one transaction under one new revision. A stored row is a
        conflict when another session wrote it after ``base.get(path, 0)`` (the revision at
        which the writer last saw the field) and its value differs from the new one; the write
        still happens (the later edit wins) and the replaced rows are returned. Empty changes
        write nothing (rev 0). An unsavable value raises StoreError and nothing is written.

        >>> with _scratch_store() as store:
        ...     sid = store.create_scenario("Acme").id
        ...     first = store.write(sid, {"x": 1}, session="tab-a", base={})
        ...     store.write(sid, {"x": 2}, session="tab-b", base={})
        WriteResult(rev=2, conflicts=(FieldRow(path='x', value=1, rev=1, session='tab-a'),))
        """
        encoded = _encode_all(changes)
        if not encoded:
            return WriteResult(0, ())
        conflicts: list[FieldRow] = []
        with self._tx() as conn:
            self._info(conn, scenario_id)
            rev, now = self._bump(conn), _now_text()
            for path, text in encoded.items():
                old = conn.execute(
                    "SELECT value, rev, session FROM fields"
                    " WHERE scenario_id = ? AND path = ? AND deleted = 0",
                    (scenario_id, path),
                ).fetchone()
                if (
                    old is not None
                    and old[2] != session
                    and old[1] > base.get(path, 0)
                    and not _same(old[0], text)
                ):
                    conflicts.append(FieldRow(path, json.loads(old[0]), int(old[1]), old[2]))
                conn.execute(_UPSERT, (scenario_id, path, text, rev, session, now))
            conn.execute("UPDATE scenarios SET updated_at = ? WHERE id = ?", (now, scenario_id))
        return WriteResult(rev, tuple(conflicts))

    def replace_all(
        self, scenario_id: int, values: Mapping[str, Any], *, session: str, reason: str
    ) -> WriteResult:
        """Make ``values`` the scenario's complete set of fields, undoably: in one transaction,
        save a version of the current fields (see ``snapshot``) with ``reason``, write every
        path whose value differs and remove stored paths not in ``values``, all under one new
        revision. Returns rev 0 when nothing differed; never reports conflicts.

        >>> with _scratch_store() as store:
        ...     sid = store.create_scenario("Acme", {"a": 1, "b": 2}).id
        ...     result = store.replace_all(sid, {"a": 5}, session="t", reason="before a test")
        ...     {path: row.value for path, row in store.read(sid).items()}
        {'a': 5}
        """
        encoded = _encode_all(values)
        with self._tx() as conn:
            self._info(conn, scenario_id)
            self._snapshot_in(conn, scenario_id, reason)
            stored = self._stored(conn, scenario_id)
            changed = [p for p, t in encoded.items() if p not in stored or not _same(stored[p], t)]
            gone = [path for path in stored if path not in encoded]
            if not changed and not gone:
                return WriteResult(0, ())
            rev, now = self._bump(conn), _now_text()
            for path in changed:
                conn.execute(_UPSERT, (scenario_id, path, encoded[path], rev, session, now))
            for path in gone:
                conn.execute(
                    "UPDATE fields SET value = 'null', deleted = 1, rev = ?, session = ?,"
                    " written_at = ? WHERE scenario_id = ? AND path = ?",
                    (rev, session, now, scenario_id, path),
                )
            conn.execute("UPDATE scenarios SET updated_at = ? WHERE id = ?", (now, scenario_id))
        return WriteResult(rev, ())

    def latest_rev(self) -> int:
        """The store-wide revision counter: the revision of the newest field write (0 if none).

        >>> with _scratch_store() as store:
        ...     store.latest_rev()
        0
        """
        with self._query() as conn:
            return int(conn.execute("SELECT rev FROM counter WHERE id = 1").fetchone()[0])

    # -- history ------------------------------------------------------------------------------

    def _snapshot_in(
        self, conn: sqlite3.Connection, scenario_id: int, reason: str
    ) -> Version | None:
        """Save a version inside the caller's transaction; None when there is nothing new."""
        stored = self._stored(conn, scenario_id)
        if not stored:
            return None
        data = _dumps({path: json.loads(text) for path, text in stored.items()})
        newest = conn.execute(
            "SELECT data FROM versions WHERE scenario_id = ? ORDER BY id DESC LIMIT 1",
            (scenario_id,),
        ).fetchone()
        if newest is not None and newest[0] == data:
            return None
        now = _now_text()
        cursor = conn.execute(
            "INSERT INTO versions (scenario_id, created_at, reason, fields, data)"
            " VALUES (?, ?, ?, ?, ?)",
            (scenario_id, now, reason, len(stored), data),
        )
        conn.execute(
            "DELETE FROM versions WHERE scenario_id = ? AND id NOT IN"
            " (SELECT id FROM versions WHERE scenario_id = ? ORDER BY id DESC LIMIT ?)",
            (scenario_id, scenario_id, MAX_VERSIONS),
        )
        version_id = int(cursor.lastrowid or 0)
        return Version(version_id, scenario_id, _parse_time(now), reason, len(stored))

    def snapshot(self, scenario_id: int, reason: str) -> Version | None:
        """Save a version of the scenario's current fields with ``reason``. Returns None and
        saves nothing when the scenario has no fields or the newest version already holds the
        same values. Only the newest ``MAX_VERSIONS`` versions of a scenario are kept.

        >>> with _scratch_store() as store:
        ...     sid = store.create_scenario("Acme", {"a": 1}).id
        ...     store.snapshot(sid, "autosnapshot").fields, store.snapshot(sid, "again")
        (1, None)
        """
        with self._tx() as conn:
            self._info(conn, scenario_id)
            return self._snapshot_in(conn, scenario_id, reason)

    def versions(self, scenario_id: int) -> list[Version]:
        """The scenario's saved versions, newest first; StoreError when it is missing.

        >>> with _scratch_store() as store:
        ...     sid = store.create_scenario("Acme", {"a": 1}).id
        ...     _ = store.snapshot(sid, "autosnapshot")
        ...     [v.reason for v in store.versions(sid)]
        ['autosnapshot']
        """
        with self._query() as conn:
            self._info(conn, scenario_id)
            rows = conn.execute(
                "SELECT id, scenario_id, created_at, reason, fields FROM versions"
                " WHERE scenario_id = ? ORDER BY id DESC",
                (scenario_id,),
            ).fetchall()
        return [Version(r[0], r[1], _parse_time(r[2]), r[3], r[4]) for r in rows]

    def _version(self, version_id: int) -> tuple[Version, dict[str, Any]]:
        """A version and its values; StoreError when it does not exist (any more)."""
        with self._query() as conn:
            row = conn.execute(
                "SELECT id, scenario_id, created_at, reason, fields, data FROM versions"
                " WHERE id = ?",
                (version_id,),
            ).fetchone()
        if row is None:
            raise StoreError(f"Saved version {version_id} no longer exists.")
        version = Version(row[0], row[1], _parse_time(row[2]), row[3], row[4])
        return version, dict(json.loads(row[5]))

    def version_values(self, version_id: int) -> dict[str, Any]:
        """The ``{path: value}`` mapping a version holds; StoreError when it does not exist.

        >>> with _scratch_store() as store:
        ...     sid = store.create_scenario("Acme", {"a": 1}).id
        ...     store.version_values(store.snapshot(sid, "autosnapshot").id)
        {'a': 1}
        """
        return self._version(version_id)[1]

    def restore(self, version_id: int, *, session: str) -> WriteResult:
        """Make a version's values the scenario's fields via ``replace_all``, whose saved
        version is labelled ``"before restoring the version of <YYYY-mm-dd HH:MM> UTC"`` so that
        the restore can itself be undone.

        >>> with _scratch_store() as store:
        ...     sid = store.create_scenario("Acme", {"a": 1}).id
        ...     old = store.snapshot(sid, "autosnapshot")
        ...     _ = store.write(sid, {"a": 2}, session="t", base={})
        ...     _ = store.restore(old.id, session="t")
        ...     store.read(sid)["a"].value, store.versions(sid)[0].reason.startswith("before")
        (1, True)
        """
        version, values = self._version(version_id)
        when = version.created_at.strftime("%Y-%m-%d %H:%M")
        reason = f"before restoring the version of {when} UTC"
        return self.replace_all(version.scenario_id, values, session=session, reason=reason)

    # -- settings -----------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        """A small stored setting (e.g. ``"last_scenario"``), or None when it was never set.

        >>> with _scratch_store() as store:
        ...     store.get_meta("last_scenario") is None
        True
        """
        with self._query() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Store a small setting, replacing any earlier value for the same key.

        >>> with _scratch_store() as store:
        ...     store.set_meta("last_scenario", "3")
        ...     store.get_meta("last_scenario")
        '3'
        """
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
