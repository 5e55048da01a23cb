"""Tests for app_pages.store: the SQLite store of scenarios, fields, versions and settings."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app_pages import store as store_module
from app_pages.store import (
    DB_NAME,
    MAX_VERSIONS,
    FieldRow,
    Store,
    StoreError,
    WriteResult,
    data_dir,
)

GARBAGE = b"this is not a database, just some bytes " * 50


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store in a temporary folder, closed after the test."""
    opened = Store.open(tmp_path / "data")
    yield opened
    opened.close()


@pytest.fixture
def sid(store: Store) -> int:
    """The id of an empty scenario in ``store``."""
    return store.create_scenario("Acme").id


def values_of(store: Store, scenario_id: int) -> dict[str, Any]:
    """The scenario's current fields as a plain ``{path: value}`` mapping."""
    return {path: row.value for path, row in store.read(scenario_id).items()}


def pragma(store: Store, name: str) -> Any:
    """Read a PRAGMA through the store's own connection."""
    assert store._conn is not None
    return store._conn.execute(f"PRAGMA {name}").fetchone()[0]


# -- opening --------------------------------------------------------------------------------------


def test_open_creates_folder_and_database(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b" / "c"
    with Store.open(folder) as opened:
        assert opened.path == folder / DB_NAME
        assert opened.path.is_file()
        assert opened.recovered_from is None
        assert pragma(opened, "user_version") == 1


def test_open_uses_wal_and_full_sync(store: Store) -> None:
    assert pragma(store, "journal_mode") == "wal"
    assert pragma(store, "synchronous") == 2
    assert pragma(store, "foreign_keys") == 1


def test_data_dir_honours_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OFFER_COMPASS_HOME", str(tmp_path / "home"))
    assert data_dir() == tmp_path / "home"
    with Store.open() as opened:
        assert opened.path == tmp_path / "home" / DB_NAME
    monkeypatch.setenv("OFFER_COMPASS_HOME", "")
    assert data_dir().name == "offer-compass"


def test_folder_that_cannot_be_created() -> None:
    folder = Path("/sys/offer-compass-test")
    with pytest.raises(StoreError, match="Operation not permitted") as caught:
        Store.open(folder)
    assert str(folder) in str(caught.value)
    assert isinstance(caught.value.__cause__, OSError)


def test_folder_under_a_regular_file(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("hello")
    folder = blocker / "data"
    with pytest.raises(StoreError, match="cannot be created") as caught:
        Store.open(folder)
    assert str(folder) in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_folder_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("hello")
    with pytest.raises(StoreError, match="a file is in the way"):
        Store.open(blocker)


def test_directory_where_the_database_should_be(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).mkdir()
    with pytest.raises(StoreError, match="folder with that name is in the way") as caught:
        Store.open(tmp_path)
    assert str(tmp_path / DB_NAME) in str(caught.value)
    assert isinstance(caught.value.__cause__, sqlite3.Error)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / DB_NAME) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer version"):
        Store.open(tmp_path)


def test_garbage_database_is_moved_aside_twice(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(GARBAGE)
    (tmp_path / f"{DB_NAME}-wal").write_bytes(b"junk wal")
    with Store.open(tmp_path) as first:
        assert first.recovered_from is not None
        assert first.recovered_from.parent == tmp_path
        assert first.recovered_from.name.startswith("offer-compass.unreadable-")
        assert first.recovered_from.read_bytes() == GARBAGE
        assert Path(f"{first.recovered_from}-wal").read_bytes() == b"junk wal"
        first.create_scenario("Fresh")
    (tmp_path / DB_NAME).write_bytes(GARBAGE + b"again")
    with Store.open(tmp_path) as second:
        assert second.recovered_from is not None
        assert second.recovered_from != first.recovered_from
        assert second.scenarios() == []
    assert first.recovered_from.read_bytes() == GARBAGE
    assert second.recovered_from.read_bytes() == GARBAGE + b"again"
    assert len(list(tmp_path.glob("offer-compass.unreadable-*.sqlite3"))) == 2


def test_corrupt_database_with_valid_header_is_moved_aside(tmp_path: Path) -> None:
    broken = b"SQLite format 3\x00" + b"\xff" * 5000
    (tmp_path / DB_NAME).write_bytes(broken)
    with Store.open(tmp_path) as opened:
        assert opened.recovered_from is not None
        assert opened.recovered_from.read_bytes() == broken
        assert opened.scenarios() == []


def test_backup_name_never_overwrites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> FrozenClock:
            return cls(2026, 11, 29, 14, 5, 0, 123456, tzinfo=UTC)

    monkeypatch.setattr(store_module, "datetime", FrozenClock)
    names = []
    for _ in range(3):
        (tmp_path / DB_NAME).write_bytes(GARBAGE)
        with Store.open(tmp_path) as opened:
            assert opened.recovered_from is not None
            names.append(opened.recovered_from.name)
    stem = "offer-compass.unreadable-20261129T140500123456Z"
    assert names == [f"{stem}.sqlite3", f"{stem}-2.sqlite3", f"{stem}-3.sqlite3"]
    assert all((tmp_path / name).read_bytes() == GARBAGE for name in names)


# -- fields ---------------------------------------------------------------------------------------


def test_round_trip_of_every_json_type(store: Store, sid: int) -> None:
    rows = [{"employer": f"Co {i}", "salary": 50_000 + i, "remote": i % 2 == 0} for i in range(250)]
    values: dict[str, Any] = {
        "none": None,
        "yes": True,
        "no": False,
        "int": -12,
        "big": 2**53 + 1,
        "float": 0.1,
        "text": "Zürich – 東京 🚀",
        "long": "é" * 6_000,
        "empty": "",
        "list": [1, "two", None, [3.5]],
        "dict": {"z": 1, "a": {"b": [True]}},
        "rows": rows,
    }
    result = store.write(sid, values, session="tab-a", base={})
    assert result.rev == store.latest_rev() > 0
    got = store.read(sid)
    assert {path: row.value for path, row in got.items()} == values
    assert type(got["yes"].value) is bool
    assert type(got["float"].value) is float
    assert len(got["long"].value) == 6_000
    assert got["rows"].value[249] == rows[249]
    assert {row.rev for row in got.values()} == {result.rev}
    assert {row.session for row in got.values()} == {"tab-a"}


def test_revisions_increase_and_changes_since(store: Store, sid: int) -> None:
    assert store.latest_rev() == 0
    first = store.write(sid, {"a": 1, "b": 2}, session="s", base={})
    second = store.write(sid, {"c": 3}, session="s", base={})
    third = store.write(sid, {"a": 10}, session="s", base={})
    assert 0 < first.rev < second.rev < third.rev == store.latest_rev()
    assert store.changes_since(sid, 0) == [
        FieldRow("b", 2, first.rev, "s"),
        FieldRow("c", 3, second.rev, "s"),
        FieldRow("a", 10, third.rev, "s"),
    ]
    assert [row.path for row in store.changes_since(sid, first.rev)] == ["c", "a"]
    assert store.changes_since(sid, third.rev) == []


def test_empty_write_writes_nothing(store: Store, sid: int) -> None:
    before = store.scenario(sid).updated_at
    assert store.write(sid, {}, session="s", base={}) == WriteResult(0, ())
    assert store.latest_rev() == 0
    assert store.scenario(sid).updated_at == before


def test_write_touches_updated_at(store: Store, sid: int) -> None:
    before = store.scenario(sid)
    store.write(sid, {"a": 1}, session="s", base={})
    after = store.scenario(sid)
    assert after.updated_at > before.updated_at
    assert after.created_at == before.created_at
    assert after.updated_at.tzinfo is not None
    assert after.updated_at.utcoffset() == UTC.utcoffset(None)


def test_two_sessions_different_fields_both_kept(store: Store, sid: int) -> None:
    store.write(sid, {"a": 1, "b": 1}, session="", base={})
    base = {path: row.rev for path, row in store.read(sid).items()}
    left = store.write(sid, {"a": 2}, session="tab-a", base=base)
    right = store.write(sid, {"b": 3}, session="tab-b", base=base)
    assert left.conflicts == ()
    assert right.conflicts == ()
    assert values_of(store, sid) == {"a": 2, "b": 3}


def test_same_field_later_wins_and_reports_conflict(store: Store, sid: int) -> None:
    store.write(sid, {"salary": 100}, session="", base={})
    base = {"salary": store.read(sid)["salary"].rev}
    first = store.write(sid, {"salary": 110}, session="tab-a", base=base)
    assert first.conflicts == ()
    second = store.write(sid, {"salary": 120}, session="tab-b", base=base)
    assert second.conflicts == (FieldRow("salary", 110, first.rev, "tab-a"),)
    assert store.read(sid)["salary"] == FieldRow("salary", 120, second.rev, "tab-b")


def test_own_overwrite_is_not_a_conflict(store: Store, sid: int) -> None:
    store.write(sid, {"x": 1}, session="tab-a", base={})
    assert store.write(sid, {"x": 2}, session="tab-a", base={}).conflicts == ()
    assert values_of(store, sid) == {"x": 2}


def test_seen_write_is_not_a_conflict(store: Store, sid: int) -> None:
    seen = store.write(sid, {"x": 1}, session="tab-a", base={})
    result = store.write(sid, {"x": 2}, session="tab-b", base={"x": seen.rev})
    assert result.conflicts == ()


def test_unchanged_value_is_not_a_conflict(store: Store, sid: int) -> None:
    store.write(sid, {"x": {"a": 1, "b": [1, 2]}, "y": "same"}, session="tab-a", base={})
    result = store.write(sid, {"x": {"b": [1, 2], "a": 1}, "y": "same"}, session="tab-b", base={})
    assert result.conflicts == ()
    assert result.rev > 0


def test_type_change_is_a_conflict(store: Store, sid: int) -> None:
    store.write(sid, {"x": 1}, session="tab-a", base={})
    result = store.write(sid, {"x": 1.0}, session="tab-b", base={})
    assert [row.value for row in result.conflicts] == [1]


def test_writes_survive_close_and_reopen(tmp_path: Path) -> None:
    with Store.open(tmp_path) as first:
        scenario = first.create_scenario("Acme", {"a": 1}, session="tab")
        rev = first.write(scenario.id, {"b": "two"}, session="tab", base={}).rev
        first.set_meta("last_scenario", str(scenario.id))
    with Store.open(tmp_path) as second:
        assert values_of(second, scenario.id) == {"a": 1, "b": "two"}
        assert second.latest_rev() == rev
        assert second.get_meta("last_scenario") == str(scenario.id)
        assert second.scenario(scenario.id) == first_info(second, scenario.id)


def first_info(store: Store, scenario_id: int) -> Any:
    """The scenario as listed by ``scenarios()`` (to cross-check ``scenario()``)."""
    return next(info for info in store.scenarios() if info.id == scenario_id)


@pytest.mark.parametrize(
    "bad",
    [float("nan"), float("inf"), [1, float("-inf")], "\ud800", {"k": "ok\udfff"}, object(), {1, 2}],
)
def test_unsavable_values_change_nothing(store: Store, sid: int, bad: Any) -> None:
    store.write(sid, {"keep": 1}, session="s", base={})
    rev = store.latest_rev()
    with pytest.raises(StoreError, match="cannot be saved") as caught:
        store.write(sid, {"fine": 2, "bad": bad}, session="s", base={})
    assert isinstance(caught.value.__cause__, ValueError | TypeError | UnicodeError)
    assert values_of(store, sid) == {"keep": 1}
    assert store.latest_rev() == rev
    with pytest.raises(StoreError):
        store.replace_all(sid, {"bad": bad}, session="s", reason="test")
    assert values_of(store, sid) == {"keep": 1}
    assert store.versions(sid) == []


def test_lone_surrogate_in_path_or_name(store: Store, sid: int) -> None:
    with pytest.raises(StoreError):
        store.write(sid, {"bad\ud800": 1}, session="s", base={})
    with pytest.raises(StoreError):
        store.create_scenario("bad\ud800")
    with pytest.raises(StoreError, match="could not be saved"):
        store.set_meta("k", "bad\ud800")
    assert store.read(sid) == {}


def test_missing_scenario(store: Store) -> None:
    for call in (
        lambda: store.write(999, {"a": 1}, session="s", base={}),
        lambda: store.read(999),
        lambda: store.scenario(999),
        lambda: store.replace_all(999, {"a": 1}, session="s", reason="r"),
        lambda: store.rename_scenario(999, "X"),
        lambda: store.version_values(999),
    ):
        with pytest.raises(StoreError, match="no longer exists"):
            call()
    assert store.latest_rev() == 0


def test_full_disk_then_recovery(store: Store, sid: int) -> None:
    store.write(sid, {"small": 1}, session="s", base={})
    conn = store._conn
    assert conn is not None
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(StoreError, match="the disk is full") as caught:
        store.write(sid, {"big": "x" * 200_000}, session="s", base={})
    assert str(store.path) in str(caught.value)
    assert isinstance(caught.value.__cause__, sqlite3.Error)
    assert values_of(store, sid) == {"small": 1}
    conn.execute("PRAGMA max_page_count = 1073741823")
    result = store.write(sid, {"big": "y" * 5_000}, session="s", base={})
    assert result.rev == store.latest_rev()
    assert values_of(store, sid) == {"small": 1, "big": "y" * 5_000}


def test_closed_store_raises(tmp_path: Path) -> None:
    opened = Store.open(tmp_path)
    opened.close()
    with pytest.raises(StoreError, match="closed"):
        opened.scenarios()
    with pytest.raises(StoreError, match="closed"):
        opened.set_meta("a", "b")


# -- replace_all and history ----------------------------------------------------------------------


def test_replace_all_deletes_paths_not_given(store: Store, sid: int) -> None:
    store.write(sid, {"a": 1, "b": 2, "c": 3}, session="tab-a", base={})
    before = store.latest_rev()
    result = store.replace_all(sid, {"a": 1, "b": 20, "d": 4}, session="tab-b", reason="r")
    assert result == WriteResult(before + 1, ())
    assert values_of(store, sid) == {"a": 1, "b": 20, "d": 4}
    assert store.read(sid)["a"].rev < result.rev == store.read(sid)["b"].rev
    assert [row.path for row in store.changes_since(sid, before)] == ["b", "d"]
    assert store.removed_since(sid, before) == ["c"]
    assert store.removed_since(sid, result.rev) == []
    store.write(sid, {"c": 5}, session="tab-a", base={})
    assert store.removed_since(sid, before) == []
    assert values_of(store, sid)["c"] == 5


def test_replace_all_with_same_values_writes_nothing(store: Store, sid: int) -> None:
    store.write(sid, {"a": 1}, session="s", base={})
    assert store.replace_all(sid, {"a": 1}, session="s", reason="r") == WriteResult(0, ())
    assert store.latest_rev() == 1


def test_snapshot_rules(store: Store, sid: int) -> None:
    assert store.snapshot(sid, "empty") is None
    store.write(sid, {"a": 1, "b": [1, 2]}, session="s", base={})
    version = store.snapshot(sid, "autosnapshot")
    assert version is not None
    assert (version.scenario_id, version.reason, version.fields) == (sid, "autosnapshot", 2)
    assert version.created_at.tzinfo is not None
    assert store.snapshot(sid, "again") is None
    assert store.version_values(version.id) == {"a": 1, "b": [1, 2]}
    store.write(sid, {"a": 2}, session="s", base={})
    newer = store.snapshot(sid, "autosnapshot")
    assert newer is not None
    assert [v.id for v in store.versions(sid)] == [newer.id, version.id]


def test_restore_round_trip_and_undo(store: Store, sid: int) -> None:
    store.write(sid, {"a": 1, "b": 2}, session="s", base={})
    original = store.snapshot(sid, "autosnapshot")
    assert original is not None
    store.replace_all(sid, {"a": 9, "c": 3}, session="s", reason="before Start again")
    assert values_of(store, sid) == {"a": 9, "c": 3}
    assert [v.reason for v in store.versions(sid)] == ["autosnapshot"]  # same values: no copy
    store.write(sid, {"b": 5}, session="s", base={})
    store.replace_all(sid, {"a": 9, "c": 3}, session="s", reason="before Start again")
    assert store.versions(sid)[0].reason == "before Start again"
    store.write(sid, {"c": 4}, session="s", base={})
    result = store.restore(original.id, session="tab-x")
    assert values_of(store, sid) == {"a": 1, "b": 2}
    assert store.read(sid)["a"] == FieldRow("a", 1, result.rev, "tab-x")
    undo = store.versions(sid)[0]
    stamp = original.created_at.strftime("%Y-%m-%d %H:%M")
    assert undo.reason == f"before restoring the version of {stamp} UTC"
    assert store.version_values(undo.id) == {"a": 9, "c": 4}
    store.restore(undo.id, session="tab-x")
    assert values_of(store, sid) == {"a": 9, "c": 4}


def test_versions_are_pruned(store: Store, sid: int) -> None:
    ids = []
    for number in range(MAX_VERSIONS + 5):
        store.write(sid, {"n": number}, session="s", base={})
        version = store.snapshot(sid, f"v{number}")
        assert version is not None
        ids.append(version.id)
    kept = store.versions(sid)
    assert len(kept) == MAX_VERSIONS
    assert [v.id for v in kept] == ids[::-1][:MAX_VERSIONS]
    assert kept[-1].reason == "v5"
    with pytest.raises(StoreError):
        store.version_values(ids[0])


# -- scenarios ------------------------------------------------------------------------------------


def test_create_rename_delete_scenarios(store: Store) -> None:
    acme = store.create_scenario("  Acme  ", {"a": 1}, session="tab")
    beta = store.create_scenario("beta")
    assert acme.name == "Acme"
    assert acme.created_at == acme.updated_at
    assert store.read(acme.id)["a"] == FieldRow("a", 1, 1, "tab")
    assert [s.name for s in store.scenarios()] == ["Acme", "beta"]
    renamed = store.rename_scenario(beta.id, "Zeta")
    assert renamed.name == "Zeta"
    assert renamed.id == beta.id
    assert store.rename_scenario(beta.id, "ZETA").name == "ZETA"
    store.snapshot(acme.id, "autosnapshot")
    store.delete_scenario(acme.id)
    assert [s.name for s in store.scenarios()] == ["ZETA"]
    with pytest.raises(StoreError):
        store.read(acme.id)
    store.delete_scenario(acme.id)
    assert store.create_scenario("Acme").id != acme.id


def test_deleting_a_scenario_removes_its_rows(store: Store) -> None:
    acme = store.create_scenario("Acme", {"a": 1, "b": 2})
    store.snapshot(acme.id, "autosnapshot")
    store.delete_scenario(acme.id)
    conn = store._conn
    assert conn is not None
    assert conn.execute("SELECT count(*) FROM fields").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM versions").fetchone()[0] == 0


@pytest.mark.parametrize("name", ["", "   ", "x" * 81])
def test_bad_scenario_names(store: Store, name: str) -> None:
    with pytest.raises(StoreError):
        store.create_scenario(name)
    assert store.scenarios() == []


def test_duplicate_scenario_name(store: Store) -> None:
    store.create_scenario("Acme")
    other = store.create_scenario("x" * 80)
    with pytest.raises(StoreError, match=r"^A scenario called 'Acme' already exists\.$"):
        store.create_scenario(" ACME ", {"a": 1})
    with pytest.raises(StoreError, match="already exists"):
        store.rename_scenario(other.id, "acme")
    assert len(store.scenarios()) == 2
    assert store.latest_rev() == 0


def test_meta_settings(store: Store) -> None:
    assert store.get_meta("autosave_imported") is None
    store.set_meta("autosave_imported", "1")
    store.set_meta("autosave_imported", "2")
    assert store.get_meta("autosave_imported") == "2"


# -- concurrency ----------------------------------------------------------------------------------


def test_two_threads_lose_nothing(store: Store, sid: int) -> None:
    errors: list[BaseException] = []

    def worker(name: str) -> None:
        try:
            for number in range(200):
                store.write(sid, {f"{name}.{number}": number}, session=name, base={})
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=worker, args=(name,)) for name in ("left", "right")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    stored = store.read(sid)
    assert len(stored) == 400
    assert store.latest_rev() == 400
    assert len({row.rev for row in stored.values()}) == 400


def test_two_stores_on_one_folder(tmp_path: Path) -> None:
    with Store.open(tmp_path) as left, Store.open(tmp_path) as right:
        scenario = left.create_scenario("Shared", {"a": 1})
        seen = right.latest_rev()
        assert [s.name for s in right.scenarios()] == ["Shared"]
        written = right.write(scenario.id, {"b": 2}, session="tab-b", base={})
        assert left.changes_since(scenario.id, seen) == [FieldRow("b", 2, written.rev, "tab-b")]
        again = left.write(scenario.id, {"b": 3}, session="tab-a", base={})
        assert again.rev == written.rev + 1
        assert [row.value for row in again.conflicts] == [2]
        assert right.changes_since(scenario.id, written.rev) == [
            FieldRow("b", 3, again.rev, "tab-a")
        ]


def test_no_stray_files(tmp_path: Path) -> None:
    with Store.open(tmp_path) as opened:
        opened.create_scenario("Acme", {"a": 1})
    assert sorted(os.listdir(tmp_path)) == [DB_NAME]
