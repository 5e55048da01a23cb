"""The sidebar: which scenario (job search) is open, files, the example, and recent versions."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import streamlit as st

from app_pages import state
from app_pages.models import ScenarioInput
from app_pages.safe import escape
from app_pages.scenario_file import dump_scenario, example_scenario, load_scenario
from app_pages.state import replace_inputs
from app_pages.store import StoreError
from calculator.errors import InputError

__all__ = ["load_uploaded_bytes", "scenario_sidebar"]


def scenario_sidebar() -> None:
    """Sidebar controls for the open scenario."""
    with st.sidebar:
        st.markdown("**Your scenario**")
        app = state.session()
        _picker(app)
        st.caption(
            "Saved on this computer as you type."
            if app.store is not None
            else "Not being saved: see the message on the page."
        )
        st.button(
            "Load an example",
            key="_oc_example",
            on_click=_load_example,
            help="Fill every page with a worked example: two UK software developer offers.",
            width="stretch",
        )
        st.download_button(
            "Download scenario",
            data=lambda: dump_scenario(state.inputs()),
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
            on_click=_start_again,
            help="Clear every input on every page (you can undo it under Recent versions).",
            width="stretch",
        )
        _versions(app)


def _picker(app: state.AppSession) -> None:
    if app.store is None:
        return
    try:
        scenarios = app.store.scenarios()
    except StoreError as err:
        st.error(escape(err))
        return
    names = {info.id: info.name for info in scenarios}
    if app.scenario_id not in names:
        return
    st.session_state["_oc_pick"] = app.scenario_id
    st.selectbox(
        "Job search",
        list(names),
        format_func=lambda i: names.get(i, "?"),
        key="_oc_pick",
        on_change=_on_pick,
        help="Keep one scenario per job search or application, and switch between them.",
    )
    with st.expander("New, rename or delete"):
        st.text_input("Name", key="_oc_new_name", max_chars=80)
        left, right = st.columns(2)
        left.button("New", key="_oc_new", on_click=_on_new, width="stretch")
        right.button("Rename", key="_oc_rename", on_click=_on_rename, width="stretch")
        sure = st.checkbox(
            "Yes, delete this scenario and its versions",
            key="_oc_delete_ok",
            disabled=len(names) < 2,
            help="Deleting cannot be undone. The last scenario cannot be deleted.",
        )
        st.button(
            "Delete this scenario",
            key="_oc_delete",
            on_click=_on_delete,
            disabled=len(names) < 2 or not sure,
            help="Deletes it and its versions from this computer.",
            width="stretch",
        )


def _on_pick() -> None:
    picked = st.session_state.get("_oc_pick")
    if isinstance(picked, int):
        state.switch_scenario(picked)


def _new_name() -> str:
    return str(st.session_state.get("_oc_new_name") or "").strip()


def _on_new() -> None:
    app = state.session()
    if app.store is None:
        return
    try:
        info = app.store.create_scenario(_new_name() or "New job search", _blank(), session=app.id)
    except StoreError as err:
        state.notify("error", str(err))
        return
    state.switch_scenario(info.id)
    state.notify("success", f"Started the scenario '{info.name}'.")


def _blank() -> dict[str, Any]:
    from app_pages.models import DEFAULTS

    return dict(DEFAULTS)


def _on_rename() -> None:
    app = state.session()
    if app.store is None or app.scenario_id is None or not _new_name():
        state.notify("warning", "Type the new name in the Name box first.")
        return
    try:
        info = app.store.rename_scenario(app.scenario_id, _new_name())
    except StoreError as err:
        state.notify("error", str(err))
        return
    app.scenario_name = info.name
    state.notify("success", f"Renamed to '{info.name}'.")


def _on_delete() -> None:
    app = state.session()
    if app.store is None or app.scenario_id is None:
        return
    try:
        gone = app.store.scenario(app.scenario_id).name
        app.store.delete_scenario(app.scenario_id)
        remaining = app.store.scenarios()
    except StoreError as err:
        state.notify("error", str(err))
        return
    st.session_state["_oc_delete_ok"] = False
    if remaining:
        state.switch_scenario(remaining[0].id)
    state.notify("success", f"Deleted the scenario '{gone}'.")


def _load_example() -> None:
    state.replace_inputs(
        example_scenario(),
        "before loading the example",
        "Loaded the example: a developer choosing between two UK offers.",
    )


def _start_again() -> None:
    state.replace_inputs(
        ScenarioInput(),
        "before Start again",
        "Cleared every input. To undo, restore the version 'before Start again' in the "
        "sidebar under Recent versions.",
    )


def load_uploaded_bytes(
    raw: bytes, name: str = "the file", *, state: MutableMapping[str, Any] | None = None
) -> str | None:
    """Validate uploaded scenario bytes and apply them; return an error message or None.

    Nothing in the session or the store changes when the file is refused. ``state`` is
    st.session_state unless given (tests pass AppTest's).
    """
    try:
        scenario = load_scenario(raw)
    except InputError as err:
        return f"That file was not loaded, and nothing was changed: {err}."
    replace_inputs(scenario, f"before loading {name}"[:120], f"Loaded {name}.", state)
    return None


def _on_upload() -> None:
    upload = st.session_state.get("_oc_upload")
    if upload is None:
        return
    problem = load_uploaded_bytes(upload.getvalue(), str(upload.name)[:80])
    if problem:
        state.notify("error", problem)


def _versions(app: state.AppSession) -> None:
    if app.store is None or app.scenario_id is None:
        return
    with st.expander("Recent versions"):
        try:
            versions = app.store.versions(app.scenario_id)
        except StoreError as err:
            st.error(escape(err))
            return
        if not versions:
            st.caption("A version is kept before every big change (example, file, start again).")
            return
        shown = {v.id: f"{v.created_at:%d %b %H:%M} UTC: {v.reason}" for v in versions}
        st.selectbox(
            "Version", list(shown), format_func=lambda i: shown.get(i, "?"), key="_oc_version"
        )
        st.button("Restore this version", key="_oc_restore", on_click=_on_restore)


def _on_restore() -> None:
    app = state.session()
    picked = st.session_state.get("_oc_version")
    if app.store is None or not isinstance(picked, int):
        return
    try:
        values = app.store.version_values(picked)
    except StoreError as err:
        state.notify("error", str(err))
        return
    from app_pages.models import validate_values

    scenario, problems = validate_values(values)
    state.replace_inputs(
        scenario,
        "before restoring an earlier version",
        "Restored that version. What was there before is kept as a version too.",
    )
    if problems:
        state.notify("warning", f"{len(problems)} saved fields were not valid and were reset.")
