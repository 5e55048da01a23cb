"""Widgets keyed by field path, with the model's bounds and each field's message under it.

Every helper draws one Streamlit widget whose key is the field path of a
:class:`~app_pages.models.ScenarioInput` leaf, so its value lives in ``st.session_state[path]``
(kept and saved by :mod:`app_pages.state`). Number boxes take their minimum and maximum from
the model (:func:`app_pages.models.bounds`); text boxes their length. Right under the widget
comes the message for that path, if any: a validation problem, or an ``InputError`` from the
core restated for this field (the page works the core's values out before drawing the form).
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import streamlit as st

from app_pages import state
from app_pages.models import (
    FIRST_DAY,
    LAST_DAY,
    TABLE_DATE_COLUMNS,
    TABLE_ROWS,
    bounds,
    implausible,
    implausible_hours,
    max_length,
    validate_values,
)
from app_pages.safe import escape

__all__ = [
    "LABELS",
    "checkbox",
    "choice",
    "date",
    "label_of",
    "message",
    "money_input",
    "number",
    "pay_warning",
    "several",
    "slider",
    "table",
    "text",
    "value",
]

#: Field path -> the label last drawn for it (messages elsewhere name fields by it).
LABELS: Final[dict[str, str]] = {}
_TABLE_ERRORS = "_oc_table_errors"


def label_of(path: str) -> str:
    """A readable name for a field path (the widget's label once drawn).

    >>> label_of("offers.3.spare_days")
    'Offer D: spare days'
    """
    if path in LABELS:
        return LABELS[path]
    parts = path.split(".")
    if parts[0] == "offers" and len(parts) > 2 and parts[1].isdigit():
        from app_pages.models import offer_label

        name = parts[-1].replace("_pct", "").replace("_", " ")
        return f"{offer_label(int(parts[1]))}: {name}"
    return parts[-1].replace("_pct", "").replace("_", " ").capitalize()


def value(path: str) -> Any:
    """The current value of a field, as its widget holds it."""
    return state.ensure(path)


def message(path: str, label: str | None = None) -> None:
    """The message for ``path`` (if any), drawn here as plain text: "London fintech, base
    salary: must be positive, got 0"."""
    problem = state.errors().get(path)
    if not problem:
        return
    who = state.subject(path)
    field = label or LABELS.get(path)
    if who and field:
        text = f"{who}, {field[0].lower()}{field[1:]}: {problem}"
    elif who or field:
        text = f"{who or field}: {problem}"
    else:
        text = problem
    st.error(escape(text), icon=":material/error:")


def _register(path: str, label: str) -> None:
    LABELS[path] = label
    message(path, label)


def _in_bounds(path: str, low: float | None, high: float | None) -> None:
    """A stored value outside the box's range (an old file) would break the widget: clear it
    and say so, rather than crash."""
    current = st.session_state.get(path)
    if not isinstance(current, (int, float)) or isinstance(current, bool):
        return
    if (low is not None and current < low) or (high is not None and current > high):
        st.session_state[path] = None
        state.add_error(path, f"{current:g} was outside the range this box takes and was cleared")


def number(
    path: str,
    label: str,
    help: str,
    *,
    step: float = 1.0,
    fmt: str = "%g",
    placeholder: str = "not stated",
) -> float | None:
    """A number box that may be left empty (``None`` = not stated), bounded by the model."""
    state.ensure(path)
    low, high = bounds(path)
    whole = fmt == "%d"
    cast: Callable[[float], float] = int if whole else float
    low_v = None if low is None else cast(low)
    high_v = None if high is None else cast(high)
    _in_bounds(path, low_v, high_v)
    result = st.number_input(
        label,
        min_value=low_v,
        max_value=high_v,
        value=None,
        step=cast(step),
        format=fmt,
        key=path,
        help=help,
        placeholder=placeholder,
    )
    _register(path, label)
    return None if result is None else float(result)


def money_input(path: str, label: str, help: str, *, step: float = 500.0) -> float | None:
    """A money amount (shown in whole units), empty allowed."""
    return number(path, label, help, step=step, fmt="%.0f")


def pay_warning(amount_path: str, per_path: str, hours_path: str | None, currency: str) -> None:
    """A visible "did you mean…" under a pay figure that is possible but very unlikely."""
    hours = value(hours_path) if hours_path else None
    warning = implausible(value(amount_path), value(per_path) or "year", currency, hours)
    if warning:
        st.warning(escape(warning), icon=":material/help:")


def hours_warning(path: str) -> None:
    """A visible warning under an hours box above 80 hours a week."""
    warning = implausible_hours(value(path))
    if warning:
        st.warning(escape(warning), icon=":material/help:")


def text(path: str, label: str, help: str, *, placeholder: str = "") -> str:
    """A short text box, limited to the model's length (the box says so as you type)."""
    state.ensure(path)
    result = st.text_input(
        label, key=path, help=help, placeholder=placeholder, max_chars=max_length(path)
    )
    _register(path, label)
    return str(result)


def choice(
    path: str,
    label: str,
    help: str,
    labels: Mapping[Any, str] | None = None,
    *,
    options: Sequence[Any],
    horizontal: bool = False,
) -> Any:
    """A select box (or horizontal radio) over ``options``, shown with readable labels."""
    opts = list(options)
    if state.ensure(path) not in opts:
        st.session_state[path] = opts[0]
    names = dict(labels or {})

    def shown(option: Any) -> str:
        return str(names.get(option, option))

    def shown_markdown(option: Any) -> str:  # radio labels render Markdown: escape them
        return escape(shown(option))

    if horizontal:
        result = st.radio(
            label, opts, key=path, help=help, horizontal=True, format_func=shown_markdown
        )
    else:
        result = st.selectbox(label, opts, key=path, help=help, format_func=shown)
    _register(path, label)
    return result


def several(path: str, label: str, help: str, labels: Mapping[str, str]) -> list[str]:
    """A multi-select over ``labels``' keys (shown with their labels)."""
    state.ensure(path)
    result = st.multiselect(
        label, list(labels), key=path, help=help, format_func=lambda k: labels.get(k, k)
    )
    _register(path, label)
    return list(result)


def slider(path: str, label: str, help: str) -> int:
    """A whole-number slider within the model's range."""
    state.ensure(path)
    low, high = bounds(path)
    result = st.slider(label, int(low or 0), int(high or 5), key=path, help=help, step=1)
    _register(path, label)
    return int(result)


def checkbox(path: str, label: str, help: str, *, toggle: bool = False) -> bool:
    """A checkbox or toggle."""
    state.ensure(path)
    widget = st.toggle if toggle else st.checkbox
    result = widget(label, key=path, help=help)
    _register(path, label)
    return bool(result)


def date(path: str, label: str, help: str) -> dt.date | None:
    """A date box that may be empty."""
    state.ensure(path)
    result = st.date_input(
        label,
        value=None,
        min_value=FIRST_DAY,
        max_value=LAST_DAY,
        key=path,
        help=help,
        format="DD/MM/YYYY",
    )
    _register(path, label)
    return result if isinstance(result, dt.date) else None


# --- tables ---------------------------------------------------------------------------------


def table(
    path: str, column_config: Mapping[str, Any], *, label: str, help: str = ""
) -> list[dict[str, Any]]:
    """An editable table whose rows live in ``st.session_state[path]``.

    ``st.data_editor`` keeps only the edits relative to the data it was given, so a callback
    folds them into the rows and the editor is keyed by the rows' content (it redraws with
    them). An edit that would break a limit (rows, characters) is refused with a message
    here, and the table keeps what it had: nothing is silently dropped.
    """
    import pandas as pd

    rows = list(state.ensure(path) or [])
    columns = list(_row_defaults(path))
    digest = zlib.crc32(json.dumps(rows, default=str, sort_keys=True).encode())
    editor_key = f"_oc_editor.{path}.{digest}"
    st.data_editor(
        pd.DataFrame(rows, columns=columns),
        key=editor_key,
        num_rows="dynamic",
        column_config=dict(column_config),
        on_change=_fold,
        args=(path, editor_key),
        hide_index=True,
        width="stretch",
    )
    LABELS[path] = label
    refused = st.session_state.get(_TABLE_ERRORS, {}).pop(path, None)
    if refused:
        st.error(escape(refused), icon=":material/error:")
    message(path)
    limit = max_length(path)
    if help:
        st.caption(f"{help} Up to {limit:,} rows." if limit else help)
    return rows


def _row_defaults(path: str) -> dict[str, Any]:
    return {name: info.default for name, info in TABLE_ROWS[path].model_fields.items()}


def _fold(path: str, editor_key: str) -> None:
    """Callback: apply the editor's added, edited and deleted rows to the canonical rows."""
    delta = st.session_state.get(editor_key) or {}
    defaults = _row_defaults(path)
    rows = [dict(row) for row in state.ensure(path) or []]
    for index, changes in (delta.get("edited_rows") or {}).items():
        if 0 <= int(index) < len(rows):
            rows[int(index)].update(changes)
    deleted = {int(i) for i in (delta.get("deleted_rows") or [])}
    rows = [row for i, row in enumerate(rows) if i not in deleted]
    rows += [{**defaults, **added} for added in delta.get("added_rows") or []]
    cleaned = [_clean_row(path, row, defaults) for row in rows]
    _, problems = validate_values({path: cleaned})
    if path in problems:
        st.session_state.setdefault(_TABLE_ERRORS, {})[path] = (
            f"That change was not kept: the table {problems[path]}. Your rows are as before."
        )
        return
    st.session_state[path] = cleaned


def _clean_row(path: str, row: Mapping[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
    """Editor cells in the row model's types: NaN -> None, text dates -> dates, numbers float."""
    dates = TABLE_DATE_COLUMNS.get(path, ())
    clean: dict[str, Any] = {}
    for name, default in defaults.items():
        cell = row.get(name, default)
        if isinstance(cell, float) and cell != cell:  # an emptied number cell
            cell = None
        if name in dates:
            cell = _cell_date(cell)
        elif isinstance(cell, (int, float)) and not isinstance(cell, bool):
            cell = _cell_number(cell, whole=name in _whole_columns(path))
        if cell is None and isinstance(default, str):
            cell = default
        clean[name] = cell
    return clean


def _whole_columns(path: str) -> set[str]:
    """Columns of a table's rows that hold whole numbers (e.g. a tranche's month)."""
    fields = TABLE_ROWS[path].model_fields
    return {
        name for name, info in fields.items() if int in getattr(info.annotation, "__args__", ())
    }


def _cell_number(cell: float, *, whole: bool) -> float | int:
    if whole and float(cell).is_integer():
        return int(cell)
    return float(cell)


def _cell_date(cell: Any) -> dt.date | None:
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, str) and cell:
        try:
            return dt.date.fromisoformat(cell[:10])
        except ValueError:
            return None
    return None
