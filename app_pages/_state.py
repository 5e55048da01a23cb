"""Shared UI plumbing: state that survives reruns, page switches and a browser refresh;
widget helpers that put each field's error message right under it; safe result sections.

Why a local file and not the URL: URL-bound widget state (query parameters) would put salaries
into the browser history and into any link the user shares. The scenario is instead autosaved
as JSON under the user's data directory (calculator.scenario.autosave_path), written atomically
and only when it changed, and loaded into st.session_state when a session starts. A refresh
starts a new session, which reads the file back, so nothing typed is lost and nothing leaves
the machine.

Page switches drop the state of widgets that are not rendered; the fix (Streamlit docs,
"Widget behavior") is to re-assign every canonical key at the top of each run, which turns it
into a plain session value that Streamlit keeps.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from typing import Any

import streamlit as st

from calculator.errors import InputError
from calculator.scenario import (
    FIELDS,
    TABLES,
    Scenario,
    autosave_path,
    default_scenario,
    dump_scenario,
    example_scenario,
    load_autosave,
    load_scenario,
    save_autosave,
)

__all__ = [
    "LOADED_FLAG",
    "apply_scenario",
    "autosave",
    "bootstrap",
    "checkbox",
    "choice",
    "current_scenario",
    "date",
    "fraction",
    "load_example",
    "load_uploaded_bytes",
    "money_input",
    "number",
    "report",
    "result_section",
    "scenario_sidebar",
    "slider",
    "table",
    "text",
    "value",
]

LOG = logging.getLogger("offer_compass.app")
LOADED_FLAG = "_oc_loaded"
_TABLES_KEY = "_oc_tables"
_VERSION_KEY = "_oc_table_version"
_SLOTS_KEY = "_oc_slots"
_LABELS_KEY = "_oc_labels"
_NOTICE_KEY = "_oc_notice"


def _ss() -> Any:
    return st.session_state


def _put(scenario: Scenario, state: MutableMapping[str, Any] | None = None) -> None:
    """Copy a scenario into session state (callbacks only: before any widget is drawn)."""
    state = _ss() if state is None else state
    for key in FIELDS:
        state[key] = scenario.values[key]
    state[_TABLES_KEY] = {key: [dict(row) for row in rows] for key, rows in scenario.tables.items()}
    state[_VERSION_KEY] = state.get(_VERSION_KEY, 0) + 1


def bootstrap() -> None:
    """Run at the top of every script run (app.py, before the page).

    First run of a session: load the autosave (or defaults). Every run: re-assign each field so
    page switches keep the values of widgets the current page does not draw.
    """
    state = _ss()
    if not state.get(LOADED_FLAG):
        try:
            scenario = load_autosave() or default_scenario()
        except InputError as err:
            LOG.warning("autosave not loaded: %s", err)
            # Keep the unreadable file (renamed) rather than overwrite it with a blank one.
            kept = autosave_path().with_suffix(".unreadable.json")
            with contextlib.suppress(OSError):
                autosave_path().replace(kept)
            state[_NOTICE_KEY] = (
                f"The saved scenario could not be read ({err}); starting from a blank one. "
                f"The old file was kept as {kept.name}."
            )
            scenario = default_scenario()
        _put(scenario)
        state[LOADED_FLAG] = True
    for key in FIELDS:
        if key in state:
            state[key] = state[key]
        else:
            state[key] = FIELDS[key].default
    state[_SLOTS_KEY] = {}
    state[_LABELS_KEY] = {}


def current_scenario() -> Scenario:
    """The session's inputs as a validated Scenario (invalid values fall back to defaults)."""
    state = _ss()
    values: dict[str, Any] = {}
    for key, spec in FIELDS.items():
        raw = state.get(key, spec.default)
        try:
            values[key] = spec.check(key, raw)
        except InputError:
            values[key] = spec.default
    tables: dict[str, Any] = {}
    for key, spec in TABLES.items():
        try:
            tables[key] = spec.check(key, state.get(_TABLES_KEY, {}).get(key, []))
        except InputError:
            tables[key] = []
    return Scenario(values=values, tables=tables)


def autosave() -> None:
    """Write the scenario to the local autosave file if it changed (end of every run)."""
    try:
        save_autosave(current_scenario())
    except OSError as err:  # a read-only home must not break the app
        LOG.warning("autosave failed: %s", err)


def apply_scenario(scenario: Scenario, state: MutableMapping[str, Any] | None = None) -> None:
    """Replace every input with ``scenario`` (use from a callback; ``state`` defaults to
    st.session_state, tests pass AppTest's)."""
    _put(scenario, state)


def load_uploaded_bytes(raw: bytes, state: MutableMapping[str, Any] | None = None) -> str | None:
    """Validate uploaded scenario bytes and apply them; return an error message or None.

    Nothing in the session changes when the file is rejected.
    """
    try:
        scenario = load_scenario(raw)
    except InputError as err:
        return f"That file was not loaded, and nothing was changed: {err}."
    apply_scenario(scenario, state)
    return None


def load_example() -> None:
    """Callback: load the worked example (London fintech vs Manchester scale-up)."""
    apply_scenario(example_scenario())
    _ss()[_NOTICE_KEY] = "Loaded the example: a developer choosing between two UK offers."


def _on_upload() -> None:
    upload = _ss().get("_oc_upload")
    if upload is None:
        return
    message = load_uploaded_bytes(upload.getvalue())
    _ss()[_NOTICE_KEY] = message or f"Loaded {upload.name}."


def _on_reset() -> None:
    apply_scenario(default_scenario())
    _ss()[_NOTICE_KEY] = "Cleared every input."


def scenario_sidebar() -> None:
    """Sidebar controls: download, load and example, plus any notice from the last action."""
    with st.sidebar:
        st.markdown("**Your scenario**")
        st.caption("Saved automatically on this computer as you type.")
        notice = _ss().pop(_NOTICE_KEY, None)
        if notice:
            (st.error if "not loaded" in notice or "could not" in notice else st.success)(notice)
        st.button(
            "Load an example",
            key="_oc_example",
            on_click=load_example,
            help="Fill every page with a worked example: two UK software developer offers.",
            width="stretch",
        )
        st.download_button(
            "Download scenario",
            data=dump_scenario(current_scenario()),
            file_name="offer-compass-scenario.json",
            mime="application/json",
            key="_oc_download",
            help="Save all your inputs as a small JSON file you can load again later.",
            width="stretch",
        )
        st.file_uploader(
            "Load scenario",
            type=["json"],
            key="_oc_upload",
            on_change=_on_upload,
            help="Load a scenario file saved from this app. A bad file changes nothing.",
        )
        st.button(
            "Start again",
            key="_oc_reset",
            on_click=_on_reset,
            help="Clear every input on every page.",
            width="stretch",
        )


# --- widgets -------------------------------------------------------------------------------


def _register(key: str, label: str) -> None:
    _ss()[_LABELS_KEY][key] = label
    _ss()[_SLOTS_KEY][key] = st.empty()


def value(key: str) -> Any:
    """The current value of a field."""
    return _ss().get(key, FIELDS[key].default)


def number(
    key: str,
    label: str,
    help: str,
    *,
    step: float = 1.0,
    fmt: str = "%g",
    placeholder: str = "not stated",
) -> float | None:
    """A number input that may be left empty (``None`` = not stated), with an error slot."""
    result = st.number_input(
        label, value=None, step=step, format=fmt, key=key, help=help, placeholder=placeholder
    )
    _register(key, label)
    return None if result is None else float(result)


def money_input(key: str, label: str, help: str, *, step: float = 500.0) -> float | None:
    """A money amount (whole units), empty allowed."""
    return number(key, label, help, step=step, fmt="%.0f")


def fraction(key: str, label: str | None = None) -> float | None:
    """A percentage field's value as a fraction (12.5 -> 0.125); InputError outside 0-100%."""
    pct = value(key)
    if pct is None:
        return None
    if not 0 <= pct <= 100:
        raise InputError(key, f"must be between 0% and 100%, got {pct:g}%")
    return float(pct) / 100.0


def text(key: str, label: str, help: str, *, placeholder: str = "") -> str:
    """A short text input."""
    result = st.text_input(label, key=key, help=help, placeholder=placeholder, max_chars=200)
    _register(key, label)
    return str(result)


def choice(
    key: str,
    label: str,
    help: str,
    labels: Mapping[str, str] | None = None,
    *,
    options: Sequence[str] | None = None,
    horizontal: bool = False,
) -> str:
    """A select box (or radio) over the field's choices, shown with readable labels."""
    opts = list(options if options is not None else FIELDS[key].choices)
    if _ss().get(key) not in opts:
        _ss()[key] = opts[0]
    names = dict(labels or {})
    if horizontal:
        result = st.radio(
            label,
            opts,
            key=key,
            help=help,
            horizontal=True,
            format_func=lambda o: names.get(o, o),
        )
    else:
        result = st.selectbox(
            label, opts, key=key, help=help, format_func=lambda o: names.get(o, o)
        )
    _register(key, label)
    return str(result)


def slider(key: str, label: str, help: str) -> int:
    """A whole-number slider within the field's range."""
    spec = FIELDS[key]
    result = st.slider(label, spec.low, spec.high, key=key, help=help, step=1)
    _register(key, label)
    return int(result)


def checkbox(key: str, label: str, help: str, *, toggle: bool = False) -> bool:
    """A checkbox or toggle."""
    widget = st.toggle if toggle else st.checkbox
    result = widget(label, key=key, help=help)
    _register(key, label)
    return bool(result)


def date(key: str, label: str, help: str) -> dt.date | None:
    """A date input that may be empty."""
    result = st.date_input(label, value=None, key=key, help=help, format="DD/MM/YYYY")
    _register(key, label)
    return result if isinstance(result, dt.date) else None


def table(key: str, column_config: Mapping[str, Any], *, help: str = "") -> list[dict[str, Any]]:
    """An editable table kept in the canonical store (st.data_editor's own state only holds
    edits relative to the data it was given, so edits are folded in by a callback and the
    editor is re-keyed)."""
    import pandas as pd

    spec = TABLES[key]
    columns = list(spec.columns)
    rows = _ss().setdefault(_TABLES_KEY, {}).setdefault(key, [])
    editor_key = f"_oc_editor_{key}_{_ss().get(_VERSION_KEY, 0)}"

    def fold() -> None:
        delta = _ss().get(editor_key) or {}
        current = [dict(row) for row in _ss()[_TABLES_KEY].get(key, [])]
        for index, changes in (delta.get("edited_rows") or {}).items():
            position = int(index)
            if 0 <= position < len(current):
                current[position].update(changes)
        deleted = {int(i) for i in (delta.get("deleted_rows") or [])}
        current = [row for i, row in enumerate(current) if i not in deleted]
        for added in delta.get("added_rows") or []:
            current.append({name: added.get(name, spec.columns[name].default) for name in columns})
        cleaned: list[dict[str, Any]] = []
        for row in current:
            clean: dict[str, Any] = {}
            for name in columns:
                cell = row.get(name, spec.columns[name].default)
                if cell is not None and not isinstance(cell, (str, bool)):
                    try:
                        cell = float(cell) if spec.columns[name].kind == "number" else cell
                    except (TypeError, ValueError):
                        cell = None
                if isinstance(cell, float) and cell != cell:  # NaN from an emptied cell
                    cell = None
                if spec.columns[name].kind == "date" and isinstance(cell, str):
                    try:
                        cell = dt.date.fromisoformat(cell[:10])
                    except ValueError:
                        cell = None
                if spec.columns[name].kind in ("text", "choice") and cell is None:
                    cell = spec.columns[name].default
                clean[name] = cell
            cleaned.append(clean)
        _ss()[_TABLES_KEY][key] = cleaned
        _ss()[_VERSION_KEY] = _ss().get(_VERSION_KEY, 0) + 1

    frame = pd.DataFrame(rows, columns=columns)
    st.data_editor(
        frame,
        key=editor_key,
        num_rows="dynamic",
        column_config=dict(column_config),
        on_change=fold,
        hide_index=True,
        width="stretch",
    )
    if help:
        st.caption(help)
    _register(key, key)
    return [dict(row) for row in rows]


# --- errors --------------------------------------------------------------------------------


def report(err: InputError, fields: Mapping[str, str] | None = None) -> None:
    """Show ``err`` under the widget it names (via ``fields``: core field -> widget key),
    or in place when no widget matches."""
    key = (fields or {}).get(err.field, err.field)
    slots = _ss().get(_SLOTS_KEY, {})
    labels = _ss().get(_LABELS_KEY, {})
    if key in slots:
        slots[key].error(f"{labels.get(key, key)}: {err.rule}", icon=":material/error:")
        st.warning(f"Fix **{labels.get(key, key)}** above to see this part.")
    else:
        st.warning(f"{err.field.replace('_', ' ').capitalize()} {err.rule}.")


@contextlib.contextmanager
def result_section(fields: Mapping[str, str] | None = None) -> Iterator[None]:
    """Run a block of results: an InputError is shown next to its field, anything else as a
    calm message (the traceback goes to the console log, never to the page)."""
    try:
        yield
    except InputError as err:
        report(err, fields)
    except Exception:
        LOG.exception("unexpected error while drawing a result section")
        st.info(
            "This part could not be worked out from the current inputs. "
            "Check the figures above; the rest of the page still works."
        )
