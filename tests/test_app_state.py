"""AppTest: the app layer's state and store. Two sessions are two browser tabs on one data
folder; a new session on the same folder is a browser refresh or an app restart."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app_pages import sidebar
from app_pages.models import default_of, flatten
from app_pages.scenario_file import dump_scenario, example_scenario
from app_pages.store import DB_NAME, Store
from tests.conftest import open_app, texts

V1_AUTOSAVE = Path(__file__).parent / "data" / "autosave_v1.json"


def _stored(home: Path, name: str = "My job search") -> dict[str, object]:
    with Store.open(home) as store:
        info = next(i for i in store.scenarios() if i.name == name)
        return {path: row.value for path, row in store.read(info.id).items()}


def _example(at):
    at.button(key="_oc_example").click().run()
    assert not at.exception
    return at


# --- two tabs ----------------------------------------------------------------------------------


def test_two_tabs_editing_different_fields_keep_both(home):
    one = _example(open_app("compare"))
    two = open_app("compare")  # opened after the example: it shows it
    assert two.number_input(key="offers.0.base_salary").value == 68000
    one.number_input(key="offers.0.base_salary").set_value(71000).run()
    two.text_input(key="offers.1.name").set_value("Northwind").run()
    two.switch_page("app_pages/numbers.py").run()
    two.switch_page("app_pages/compare.py").run()
    assert not one.exception
    assert not two.exception
    assert _stored(home)["offers.0.base_salary"] == 71000.0
    assert _stored(home)["offers.1.name"] == "Northwind"
    fresh = open_app("compare")
    assert fresh.number_input(key="offers.0.base_salary").value == 71000
    assert fresh.text_input(key="offers.1.name").value == "Northwind"
    # the stale tab shows the other tab's edit after its next rerun
    assert two.number_input(key="offers.0.base_salary").value == 71000


def test_a_stale_tab_switching_pages_reverts_nothing(home):
    one = _example(open_app("compare"))
    stale = open_app("numbers")
    one.number_input(key="offers.0.base_salary").set_value(75000).run()
    one.switch_page("app_pages/next_steps.py").run()
    one.text_input(key="next_steps.applications.0.interviewer").set_value("Ana").run()
    for page in ("compare", "next_steps", "about", "numbers"):
        stale.switch_page(f"app_pages/{page}.py").run()
        assert not stale.exception
    stored = _stored(home)
    assert stored["offers.0.base_salary"] == 75000.0
    assert stored["next_steps.applications.0.interviewer"] == "Ana"


def test_same_field_in_two_tabs_later_wins_and_the_other_is_told(home):
    one = _example(open_app("compare"))
    two = open_app("compare")
    one.number_input(key="offers.0.base_salary").set_value(72000).run()
    two.number_input(key="offers.0.base_salary").set_value(73000).run()
    assert any("the later one, is the one kept" in t for t in texts(two, "warning"))
    one.switch_page("app_pages/numbers.py").run()
    assert any("changed in another tab or window" in t for t in texts(one, "info"))
    one.switch_page("app_pages/compare.py").run()
    assert one.number_input(key="offers.0.base_salary").value == 73000
    assert _stored(home)["offers.0.base_salary"] == 73000.0


def test_a_page_switch_keeps_values_of_widgets_not_drawn(home):
    at = open_app("numbers")
    at.number_input(key="numbers.current_salary").set_value(41234).run()
    at.switch_page("app_pages/about.py").run()
    at.switch_page("app_pages/numbers.py").run()
    assert at.number_input(key="numbers.current_salary").value == 41234
    assert open_app("numbers").number_input(key="numbers.current_salary").value == 41234


# --- everything typed is kept ------------------------------------------------------------------


def test_message_edits_and_checklist_ticks_are_saved(home):
    at = _example(open_app("next_steps"))
    note = "Dear Sam, " + "thank you. " * 560  # over 6,000 characters
    assert len(note) > 6000
    # the example opens on its first application (Manchester), linked to the second offer
    at.text_area(key="_oc_msg.app.0.thank_you").set_value(note).run()
    at.checkbox(key="offers.1.letter.salary").check().run()
    assert not at.exception
    fresh = open_app("next_steps")
    assert fresh.text_area(key="_oc_msg.app.0.thank_you").value == note
    assert fresh.checkbox(key="offers.1.letter.salary").value is True
    assert _stored(home)["offers.0.letter.salary"] is False
    # going back to the ready text drops the edit
    fresh.button(key="_oc_msg_reset.app.0.thank_you").click().run()
    assert _stored(home)["next_steps.applications.0.messages.thank_you"] is None
    assert "Sam" in fresh.text_area(key="_oc_msg.app.0.thank_you").value


def test_messages_follow_their_inputs_at_once(home):
    at = _example(open_app("next_steps"))
    assert "Sam" in at.text_area(key="_oc_msg.app.0.thank_you").value
    at.text_input(key="next_steps.applications.0.interviewer").set_value("Jordan").run()
    assert "Jordan" in at.text_area(key="_oc_msg.app.0.thank_you").value
    assert "Sam" not in at.text_area(key="_oc_msg.app.0.thank_you").value
    codes = [str(c.value) for c in at.get("code")]
    assert any("Jordan" in code for code in codes)


def test_long_notes_and_many_rows_survive_a_restart(home):
    at = open_app("numbers")
    data = json.loads(dump_scenario(example_scenario()))
    rows = [{"amount": 50_000.0 + i, "per": "year", "label": f"ad {i}"} for i in range(250)]
    note = "x" * 6000
    data["numbers"]["points"] = rows
    data["next_steps"]["applications"][0]["contact_log"] = [
        {"date": "2026-06-02", "channel": "email", "direction": "sent", "note": note}
    ]
    raw = json.dumps(data).encode()
    assert sidebar.load_uploaded_bytes(raw, state=at.session_state) is None
    at.run()
    restarted = open_app("numbers")
    points = restarted.session_state["numbers.points"]
    assert len(points) == 250
    assert points[249]["label"] == "ad 249"
    restarted.switch_page("app_pages/next_steps.py").run()
    log = restarted.session_state["next_steps.applications.0.contact_log"]
    assert log[0]["note"] == note


# --- the store failing -------------------------------------------------------------------------


def test_an_unwritable_data_folder_shows_an_error_and_the_app_still_works(monkeypatch):
    monkeypatch.setenv("OFFER_COMPASS_HOME", "/sys/offer-compass-test")
    at = open_app("numbers")
    assert not at.exception
    errors = texts(at, "error")
    assert any("/sys/offer-compass-test" in e and "not being saved" in e for e in errors)
    at.number_input(key="numbers.current_salary").set_value(30000).run()
    at.radio(key="numbers.market_source").set_value("typed").run()
    at.number_input(key="numbers.going_rate").set_value(30000).run()
    assert next(m.value for m in at.metric if m.label == "Top salary") == "£36,000"


def test_a_folder_where_the_database_should_be_is_an_error_on_the_page(home):
    (home / DB_NAME).mkdir()
    at = open_app("compare")
    assert not at.exception
    assert any("not being saved" in e for e in texts(at, "error"))


def test_a_failed_save_is_shown_and_nothing_typed_is_lost(home):
    at = open_app("next_steps")
    at.button(key="_oc_add_application").click().run()
    store = at.session_state["_oc_session"].store
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full
    note = "y" * 20_000
    at.text_area(key="_oc_msg.app.0.thank_you").set_value(note).run()
    assert not at.exception
    assert any("disk is full" in e for e in texts(at, "error"))
    assert at.text_area(key="_oc_msg.app.0.thank_you").value == note  # still in the tab
    store._conn.execute("PRAGMA max_page_count = 1073741823")  # room again
    at.text_input(key="next_steps.applications.0.company").set_value("Acme").run()
    assert not any("disk is full" in e for e in texts(at, "error"))
    stored = _stored(home)
    assert stored["next_steps.applications.0.messages.thank_you"] == note  # retried, saved
    assert stored["next_steps.applications.0.company"] == "Acme"


def test_an_unreadable_database_is_kept_aside_and_a_second_one_too(home):
    (home / DB_NAME).write_bytes(b"this is not a database" * 100)
    at = open_app("numbers")
    assert any("could not be read" in t for t in texts(at, "warning"))
    first = sorted(home.glob("offer-compass.unreadable-*"))
    assert len(first) == 1
    (home / DB_NAME).unlink()
    for extra in home.glob(f"{DB_NAME}-*"):
        extra.unlink()
    (home / DB_NAME).write_bytes(b"garbage again" * 100)
    open_app("numbers")
    kept = sorted(home.glob("offer-compass.unreadable-*"))
    assert len(kept) == 2
    assert first[0] in kept


# --- files, the old autosave, versions ----------------------------------------------------------


def test_a_schema_1_autosave_is_imported_once_and_kept(home):
    shutil.copy(V1_AUTOSAVE, home / "autosave.json")
    at = open_app("numbers")
    assert not at.exception
    assert any("imported as 'My job search'" in t for t in texts(at, "success"))
    at.switch_page("app_pages/compare.py").run()
    assert at.text_input(key="offers.0.name").value == "London fintech"
    assert at.slider(key="compare.years").value == 5
    assert (home / "autosave.json").exists()
    at.text_input(key="offers.0.name").set_value("Changed").run()
    again = open_app("compare")  # a restart does not import it a second time
    assert again.text_input(key="offers.0.name").value == "Changed"
    with Store.open(home) as store:
        assert len(store.scenarios()) == 1


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        json.dumps({"schema": "offer-compass/scenario", "version": 99}).encode(),
        b'{"schema": "offer-compass/scenario", "version": 2, "numbers": {}, "numbers": {}}',
        b'{"schema": "offer-compass/scenario", "version": 2, "numbers": {"going_rate": 1e400}}',
        b'{"schema": "offer-compass/scenario", "version": 2, "numbers": {"going_rate": '
        + b"9" * 4400
        + b"}}",
        b'{"schema": "offer-compass/scenario", "version": 2, "numbers": {"role": "\\ud800"}}',
        b"[" * 100_000 + b"]" * 100_000,
        json.dumps(
            {"schema": "offer-compass/scenario", "version": 1, "offer_a": {"base_salary": "x"}}
        ).encode(),
        b" " * (2 * 1024 * 1024),
    ],
)
def test_a_bad_file_is_refused_and_changes_nothing(home, raw):
    at = _example(open_app("compare"))
    before = _stored(home)
    message = sidebar.load_uploaded_bytes(raw, state=at.session_state)
    assert message is not None
    assert "nothing was changed" in message
    at.run()
    assert not at.exception
    assert _stored(home) == before
    assert at.number_input(key="offers.0.base_salary").value == 68000


def test_download_then_load_restores_every_field(home):
    at = _example(open_app("compare"))
    downloaded = dump_scenario(example_scenario()).encode()
    at.button(key="_oc_reset").click().run()
    assert at.number_input(key="offers.0.base_salary").value is None
    assert sidebar.load_uploaded_bytes(downloaded, state=at.session_state) is None
    at.run()
    expected = flatten(example_scenario().model_dump(mode="json"))
    stored = _stored(home)
    assert {p: stored.get(p, default_of(p)) for p in expected} == expected


def test_start_again_can_be_undone_from_recent_versions(home):
    at = _example(open_app("compare"))
    at.button(key="_oc_reset").click().run()
    assert at.number_input(key="offers.0.base_salary").value is None
    versions = at.selectbox(key="_oc_version")
    assert "before Start again" in versions.options[0]
    with Store.open(home) as store:
        (info,) = store.scenarios()
        newest = store.versions(info.id)[0]
    at.selectbox(key="_oc_version").set_value(newest.id)
    at.button(key="_oc_restore").click().run()
    assert not at.exception
    assert at.number_input(key="offers.0.base_salary").value == 68000
    assert _stored(home)["offers.0.base_salary"] == 68000.0


def test_scenarios_are_kept_apart(home):
    at = _example(open_app("compare"))
    at.text_input(key="_oc_new_name").set_value("Contoso application").run()
    at.button(key="_oc_new").click().run()
    assert not at.exception
    assert at.number_input(key="offers.0.base_salary").value is None
    at.number_input(key="offers.0.base_salary").set_value(50000).run()
    picker = at.selectbox(key="_oc_pick")
    assert "My job search" in picker.options
    with Store.open(home) as store:
        first = next(i.id for i in store.scenarios() if i.name == "My job search")
    picker.set_value(first).run()
    assert at.number_input(key="offers.0.base_salary").value == 68000
    fresh = open_app("compare")  # a new tab opens the last scenario used
    assert fresh.number_input(key="offers.0.base_salary").value == 68000


def test_every_widget_key_is_a_field_path(home):
    """Widget keys are the input models' field paths (or the app's own _oc controls), so every
    message can be put under the widget that caused it."""
    from app_pages.models import LEAF_PATHS, is_leaf

    at = _example(open_app("numbers"))
    seen = set()
    for page in ("numbers", "compare", "next_steps"):
        at.switch_page(f"app_pages/{page}.py").run()
        for kind in (
            "number_input",
            "text_input",
            "selectbox",
            "radio",
            "slider",
            "toggle",
            "checkbox",
            "date_input",
            "text_area",
        ):
            for widget in getattr(at, kind):
                key = widget.key
                assert key is not None, (page, kind, widget.label)
                assert key in LEAF_PATHS or is_leaf(key) or key.startswith("_oc"), key
                seen.add(key)
    assert {"offers.0.base_salary", "offers.1.letter.salary", "numbers.current_salary"} <= seen
    assert {"next_steps.applications.0.company", "offers.0.application"} <= seen


def test_deleting_a_scenario_needs_a_tick_and_keeps_the_others(home):
    at = _example(open_app("compare"))
    assert at.button(key="_oc_delete").disabled  # the only scenario cannot go
    at.text_input(key="_oc_new_name").set_value("Spare").run()
    at.button(key="_oc_new").click().run()
    assert at.button(key="_oc_delete").disabled  # not without the tick
    at.checkbox(key="_oc_delete_ok").check().run()
    at.button(key="_oc_delete").click().run()
    assert not at.exception
    with Store.open(home) as store:
        assert [info.name for info in store.scenarios()] == ["My job search"]
    assert at.number_input(key="offers.0.base_salary").value == 68000
