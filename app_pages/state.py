"""The session's inputs and the local store: nothing lost, nothing stale, nothing reverted.

Each input is a leaf of :class:`~app_pages.models.ScenarioInput` with a field path
(``"offers.0.base_salary"``); the widget's key is that path, and ``st.session_state[path]``
holds the value in the widget's form. At the top of every run (:func:`begin_run`, called by
app.py before the page):

1. **pull**: fields another tab wrote since this session last looked are adopted, unless this
   session changed the same field too (then this, later, edit wins and the store records it);
2. **push**: every field whose value differs from what this session last saw in the store is
   written, one transaction for the lot, so a change is on disk before anything is computed;
   a stale tab that only switches pages changed nothing, so it writes nothing;
3. the inputs are validated into a ScenarioInput; a bad field keeps what was typed (in the
   session and the store) and its message is shown under its widget.

:func:`end_run` pushes again after the page, for values a page set while drawing. A failed
write is shown on the page and retried on the next run; what was typed stays in the session.
The store is SQLite in the data folder (:mod:`app_pages.store`); why a local file and not the
URL: query parameters would put salaries into the browser history and into shared links.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any, cast

import streamlit as st

from app_pages.models import (
    APPLICATION_COUNT,
    DEFAULTS,
    ScenarioInput,
    default_of,
    flatten,
    is_leaf,
    json_value,
    leaf_paths,
    python_value,
    upgrade_leaves,
    validate_values,
)
from app_pages.safe import escape
from app_pages.scenario_file import read_v1_autosave
from app_pages.store import FieldRow, Store, StoreError, data_dir
from calculator.errors import InputError

__all__ = [
    "AppSession",
    "add_error",
    "begin_run",
    "end_run",
    "ensure",
    "errors",
    "inputs",
    "new_id",
    "notify",
    "replace_inputs",
    "session",
    "show_status",
    "subject",
    "switch_scenario",
]

LOG = logging.getLogger("offer_compass.app")
_SESSION = "_oc_session"
_INPUTS = "_oc_inputs"
_ERRORS = "_oc_errors"
_NOTICES = "_oc_notices"
_SUBJECTS = "_oc_subjects"
FIRST_SCENARIO = "My job search"
IMPORTED = "autosave_imported"
LAST = "last_scenario"
#: A version is kept automatically at most this often while someone types.
SNAPSHOT_EVERY_S = 600.0


@dataclass
class AppSession:
    """One browser tab's link to the store: what it last saw of each field, and when."""

    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    store: Store | None = None
    store_error: str | None = None
    save_error: str | None = None
    scenario_id: int | None = None
    scenario_name: str = FIRST_SCENARIO
    base: dict[str, Any] = field(default_factory=dict)
    base_rev: dict[str, int] = field(default_factory=dict)
    seen_rev: int = 0
    last_snapshot: float = field(default_factory=time.monotonic)


def _state(state: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
    """``state``, or st.session_state (tests pass AppTest's session state)."""
    return cast("MutableMapping[str, Any]", st.session_state) if state is None else state


def session(state: MutableMapping[str, Any] | None = None) -> AppSession:
    """This tab's AppSession (opened on first use)."""
    state = _state(state)
    found = state.get(_SESSION)
    if isinstance(found, AppSession):
        return found
    opened = _open(state)
    state[_SESSION] = opened
    return opened


def notify(kind: str, text: str, state: MutableMapping[str, Any] | None = None) -> None:
    """Queue a message (``kind``: success, info, warning, error) for the top of the next page."""
    state = _state(state)
    queued = list(state.get(_NOTICES, []))
    state[_NOTICES] = [*queued, (kind, text)]


# --- opening ------------------------------------------------------------------------------------


def _open(state: MutableMapping[str, Any]) -> AppSession:
    app = AppSession()
    try:
        app.store = Store.open(data_dir())
    except StoreError as err:
        LOG.warning("store not opened: %s", err)
        app.store_error = str(err)
        _load_into(state, app, dict(DEFAULTS), {})
        return app
    if app.store.recovered_from is not None:
        notify(
            "warning",
            "The saved data could not be read, so a fresh store was started. The old file "
            f"was kept as {app.store.recovered_from.name} in {app.store.path.parent}.",
            state,
        )
    try:
        _import_autosave(app.store, state)
        scenario_id = _pick_scenario(app.store)
        _load_scenario(state, app, scenario_id)
    except StoreError as err:
        app.store_error = str(err)
        _load_into(state, app, dict(DEFAULTS), {})
    return app


def _import_autosave(store: Store, state: MutableMapping[str, Any]) -> None:
    """First start after the JSON autosave era: import ``autosave.json`` (kept on disk)."""
    if store.get_meta(IMPORTED):
        return
    path = store.path.parent / "autosave.json"
    try:
        old = read_v1_autosave(path)
    except InputError as err:
        notify(
            "warning",
            f"The old autosave file could not be imported ({err}). It is still at {path}.",
            state,
        )
        old = None
    if old is not None:
        name = _free_name(store, FIRST_SCENARIO if not store.scenarios() else "Imported")
        store.create_scenario(name, flatten(old.model_dump(mode="json")))
        notify(
            "success",
            f"Your inputs saved by the earlier version were imported as '{name}' (the old "
            f"file is kept: {path}).",
            state,
        )
    store.set_meta(IMPORTED, "1")


def _free_name(store: Store, wanted: str) -> str:
    taken = {info.name.casefold() for info in store.scenarios()}
    name, number = wanted, 2
    while name.casefold() in taken:
        name, number = f"{wanted} ({number})", number + 1
    return name


def _pick_scenario(store: Store) -> int:
    scenarios = store.scenarios()
    if not scenarios:
        return store.create_scenario(FIRST_SCENARIO, dict(DEFAULTS)).id
    last = store.get_meta(LAST)
    ids = [info.id for info in scenarios]
    if last is not None and last.isdigit() and int(last) in ids:
        return int(last)
    return ids[0]


def new_id() -> str:
    """A fresh id for an application (12 hex digits, random)."""
    return uuid.uuid4().hex[:12]


def _load_scenario(state: MutableMapping[str, Any], app: AppSession, scenario_id: int) -> None:
    assert app.store is not None
    rows = app.store.read(scenario_id)
    stored = {p: r.value for p, r in rows.items()}
    if APPLICATION_COUNT not in stored:  # saved before several applications: upgrade once
        upgraded = upgrade_leaves(stored, new_id)
        added = {p: v for p, v in upgraded.items() if p not in stored}
        app.store.write(scenario_id, added, session="", base={})
        rows = app.store.read(scenario_id)
        stored = {p: r.value for p, r in rows.items()}
    app.scenario_id = scenario_id
    app.scenario_name = app.store.scenario(scenario_id).name
    app.seen_rev = app.store.latest_rev()
    values = {**DEFAULTS, **{p: v for p, v in stored.items() if is_leaf(p)}}
    _load_into(state, app, values, {p: r.rev for p, r in rows.items()})


def _load_into(
    state: MutableMapping[str, Any],
    app: AppSession,
    values: Mapping[str, Any],
    revs: Mapping[str, int],
) -> None:
    """Make JSON-form ``values`` the session's inputs and its new base. Only fields already in
    the session are set there; the others are filled from the base as their widget is drawn
    (:func:`ensure`), so only widgets on screen hold session keys (Streamlit checks every key
    for every widget it draws, so fewer keys make every rerun quicker)."""
    for path in leaf_paths(values.get(APPLICATION_COUNT, 0)):
        value = values.get(path, default_of(path))
        if path in state:
            state[path] = python_value(path, value)
        app.base[path] = value
        app.base_rev[path] = revs.get(path, 0)


def ensure(path: str, state: MutableMapping[str, Any] | None = None) -> Any:
    """Put ``path``'s value into the session if it is not there (before its widget is drawn:
    Streamlit forgets a widget's value on pages that do not draw it); return it."""
    state = _state(state)
    if path not in state:
        state[path] = python_value(path, session(state).base.get(path, default_of(path)))
    return state[path]


def switch_scenario(scenario_id: int, state: MutableMapping[str, Any] | None = None) -> None:
    """Show another scenario in this tab (a callback: before any widget is drawn)."""
    state = _state(state)
    app = session(state)
    if app.store is None:
        return
    try:
        _push(state, app)
        _load_scenario(state, app, scenario_id)
        app.store.set_meta(LAST, str(scenario_id))
    except StoreError as err:
        notify("error", str(err), state)


# --- every run ----------------------------------------------------------------------------------


def _paths(state: MutableMapping[str, Any], app: AppSession) -> tuple[str, ...]:
    """This run's leaf paths: the fixed ones and those of each application there is now."""
    count = state.get(APPLICATION_COUNT)
    return leaf_paths(count if count is not None else app.base.get(APPLICATION_COUNT, 0))


def _current(state: MutableMapping[str, Any], app: AppSession) -> dict[str, Any]:
    """JSON values of the fields in the session (a field not there is unchanged)."""
    return {path: json_value(state[path]) for path in _paths(state, app) if path in state}


def _pull(state: MutableMapping[str, Any], app: AppSession) -> None:
    """Adopt what other tabs wrote, unless this tab changed the same field since (it wins)."""
    if app.store is None or app.scenario_id is None:
        return
    rows = app.store.changes_since(app.scenario_id, app.seen_rev)
    for row in rows:
        app.seen_rev = max(app.seen_rev, row.rev)
        if not is_leaf(row.path):
            continue
        if row.session == app.id:
            app.base_rev[row.path] = max(app.base_rev.get(row.path, 0), row.rev)
            continue
        here = row.path in state
        mine = json_value(state[row.path]) if here else app.base.get(row.path)
        edited_here = mine != app.base.get(row.path)
        app.base[row.path] = row.value
        app.base_rev[row.path] = row.rev
        if mine == row.value:
            continue
        if edited_here:  # both changed it: this tab's edit is the later one, and is kept
            notify("warning", _conflict_text(row), state)
            continue
        if here:
            state[row.path] = python_value(row.path, row.value)
        notify("info", f"{_label(row.path)} was changed in another tab or window.", state)


def _push(state: MutableMapping[str, Any], app: AppSession) -> None:
    """Write every field that differs from what this tab last saw in the store."""
    current = _current(state, app)
    changes = {p: v for p, v in current.items() if v != app.base.get(p, default_of(p))}
    if not changes:
        return
    if app.store is None or app.scenario_id is None:
        app.base.update(changes)  # nowhere to save: the session keeps them (store_error shown)
        return
    base = {p: app.base_rev.get(p, 0) for p in changes}
    try:
        result = app.store.write(app.scenario_id, changes, session=app.id, base=base)
    except StoreError as err:
        LOG.warning("save failed: %s", err)
        app.save_error = str(err)
        return
    app.save_error = None
    for path, value in changes.items():
        app.base[path] = value
        app.base_rev[path] = result.rev
    for row in result.conflicts:
        notify("warning", _conflict_text(row), state)
    _maybe_snapshot(app)


def _conflict_text(row: FieldRow) -> str:
    return (
        f"{_label(row.path)} had also been changed in another tab or window; your change, "
        "the later one, is the one kept."
    )


def _maybe_snapshot(app: AppSession) -> None:
    now = time.monotonic()
    if app.store is None or app.scenario_id is None or now - app.last_snapshot < SNAPSHOT_EVERY_S:
        return
    app.last_snapshot = now
    try:
        app.store.snapshot(app.scenario_id, "saved automatically while you typed")
    except StoreError as err:
        LOG.warning("snapshot failed: %s", err)


def _label(path: str) -> str:
    from app_pages.widgets import label_of

    return label_of(path)


def begin_run(state: MutableMapping[str, Any] | None = None) -> ScenarioInput:
    """Sync with the store and validate the inputs (top of every run, before any widget)."""
    state = _state(state)
    app = session(state)
    try:
        _pull(state, app)
    except StoreError as err:
        app.save_error = str(err)
    _push(state, app)
    values = {
        path: state[path]
        if path in state
        else python_value(path, app.base.get(path, default_of(path)))
        for path in _paths(state, app)
    }
    scenario, problems = validate_values(values)
    state[_INPUTS] = scenario
    state[_ERRORS] = dict(problems)
    state[_SUBJECTS] = {}
    return scenario


def end_run(state: MutableMapping[str, Any] | None = None) -> None:
    """Push values the page set while drawing (end of every run)."""
    state = _state(state)
    _push(state, session(state))


def inputs() -> ScenarioInput:
    """This run's validated inputs."""
    found = st.session_state.get(_INPUTS)
    return found if isinstance(found, ScenarioInput) else begin_run()


def errors() -> dict[str, str]:
    """This run's messages by field path (validation first, then the core's)."""
    found: dict[str, str] = st.session_state.setdefault(_ERRORS, {})
    return found


def add_error(path: str, rule: str, subject: str | None = None) -> None:
    """Report ``rule`` under the widget ``path`` (call before the widget is drawn);
    ``subject`` names what the field belongs to (an offer's name)."""
    errors().setdefault(path, rule)
    if subject:
        subjects = st.session_state.setdefault(_SUBJECTS, {})
        subjects.setdefault(path, subject)


def subject(path: str) -> str | None:
    """What the message under ``path`` is about (an offer's name), if it was given."""
    found: dict[str, str] = st.session_state.get(_SUBJECTS, {})
    return found.get(path)


def replace_inputs(
    scenario: ScenarioInput,
    reason: str,
    notice: str,
    state: MutableMapping[str, Any] | None = None,
) -> None:
    """Replace every input (load a file, the example, start again, restore): a callback.

    The store keeps a version of what was there first (``reason`` names it), so it can be
    restored from the sidebar.
    """
    state = _state(state)
    app = session(state)
    values = flatten(scenario.model_dump(mode="json"))
    revs: dict[str, int] = {}
    if app.store is not None and app.scenario_id is not None:
        try:
            _push(state, app)
            result = app.store.replace_all(app.scenario_id, values, session=app.id, reason=reason)
            revs = dict.fromkeys(values, result.rev)
            app.seen_rev = max(app.seen_rev, result.rev)
        except StoreError as err:
            app.save_error = str(err)
    _load_into(state, app, values, revs)
    notify("success", notice, state)


def show_status(state: MutableMapping[str, Any] | None = None) -> None:
    """Store problems and queued notices, at the top of the page (plain text, never markup)."""
    state = _state(state)
    app = session(state)
    if app.store_error:
        st.error(
            escape(
                f"Your changes are not being saved. {app.store_error} What you type stays in "
                "this tab only. Set OFFER_COMPASS_HOME to a folder you can write to, then "
                "restart the app."
            ),
            icon=":material/error:",
        )
    if app.save_error:
        st.error(
            escape(
                f"{app.save_error} What you typed is still here in this tab, and saving is "
                "tried again with your next change."
            ),
            icon=":material/error:",
        )
    boxes = {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}
    notices = state.get(_NOTICES, [])
    state[_NOTICES] = []
    for kind, text in notices:
        boxes.get(kind, st.info)(escape(text))
