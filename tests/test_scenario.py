"""The saved scenario: round trips, strict loading, the autosave file."""

from __future__ import annotations

import contextlib
import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.errors import InputError
from calculator.scenario import (
    FIELDS,
    MAX_BYTES,
    SCHEMA,
    SCHEMA_VERSION,
    TABLES,
    Scenario,
    autosave_path,
    data_home,
    default_scenario,
    dump_scenario,
    example_scenario,
    load_autosave,
    load_scenario,
    save_autosave,
)

DAY = dt.date(2025, 6, 2)


def test_example_round_trips_exactly():
    example = example_scenario(DAY)
    again = load_scenario(dump_scenario(example))
    assert again == example
    # Every field survives, including dates (ISO text on disk) and tables.
    assert again.values["next_steps.decision_date"] == dt.date(2025, 6, 9)  # 2 June + 7 days
    assert again.tables["numbers.points"][3] == {
        "amount": 5000.0,
        "per": "month",
        "label": "recruiter quote",
    }


def test_json_form_is_versioned_and_nested():
    data = json.loads(dump_scenario(example_scenario(DAY)))
    assert data["schema"] == SCHEMA
    assert data["version"] == SCHEMA_VERSION == 1
    assert data["offer_a"]["base_salary"] == 68000.0
    assert data["next_steps"]["interview_date"] == "2025-06-02"


def test_defaults_fill_every_field_and_missing_keys_take_defaults():
    scenario = load_scenario(json.dumps({"schema": SCHEMA, "version": 1}))
    assert scenario == default_scenario()
    assert set(scenario.values) == set(FIELDS)
    assert set(scenario.tables) == set(TABLES)
    assert scenario.values["offer_a.base_salary"] is None  # "not stated", not 0
    assert scenario.values["weights.base"] == 3


def _file(**sections: object) -> str:
    return json.dumps({"schema": SCHEMA, "version": 1, **sections})


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        (b"", "file"),  # empty
        (b'{"schema": "offer-compass/scenario", "version": 1, "numb', "file"),  # truncated
        (b"\xff\xfe", "file"),  # not UTF-8
        (b"[1, 2]", "file"),  # not an object
        (json.dumps({"schema": "something-else", "version": 1}), "schema"),
        (json.dumps({"version": 1}), "schema"),
        (json.dumps({"schema": SCHEMA, "version": 2}), "version"),  # from the future
        (json.dumps({"schema": SCHEMA, "version": "1"}), "version"),
        (json.dumps({"schema": SCHEMA, "version": 0}), "version"),
        (_file(offer_a={"base_salary": "sixty thousand"}), "offer_a.base_salary"),
        (_file(offer_a={"base_salary": True}), "offer_a.base_salary"),
        (_file(numbers={"currency": "XYZ"}), "numbers.currency"),
        (_file(weights={"base": 6}), "weights.base"),
        (_file(weights={"base": 2.5}), "weights.base"),
        (_file(next_steps={"interview_date": "next Tuesday"}), "next_steps.interview_date"),
        (_file(offer_a={"surprise": 1}), "scenario"),
        (_file(offer_a=[1, 2]), "scenario"),
        (_file(numbers={"points": {"amount": 1}}), "numbers.points"),
        (_file(numbers={"points": [{"amount": "x"}]}), "numbers.points row 1 amount"),
        (_file(numbers={"points": [{"colour": "red"}]}), "numbers.points"),
        ('{"schema": "offer-compass/scenario", "version": 1, "x": NaN}', "scenario"),
    ],
)
def test_bad_files_are_rejected_with_the_field_named(raw, field):
    with pytest.raises(InputError) as info:
        load_scenario(raw)
    assert info.value.field == field


def test_oversized_file_is_rejected_before_parsing():
    padding = " " * (MAX_BYTES + 1)
    with pytest.raises(InputError, match="too large"):
        load_scenario(_file() + padding)


def test_non_finite_numbers_are_rejected():
    with pytest.raises(InputError, match="finite"):
        load_scenario('{"schema": "offer-compass/scenario", "version": 1, "offer_a": {"gym": NaN}}')


def test_data_home_order(monkeypatch, tmp_path):
    monkeypatch.delenv("OFFER_COMPASS_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_home() == tmp_path / "xdg" / "offer-compass"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert data_home() == tmp_path / "home" / ".local" / "share" / "offer-compass"
    monkeypatch.setenv("OFFER_COMPASS_HOME", str(tmp_path / "oc"))
    assert autosave_path() == tmp_path / "oc" / "autosave.json"


def test_autosave_writes_only_when_changed_and_leaves_no_temp_files(monkeypatch, tmp_path):
    monkeypatch.setenv("OFFER_COMPASS_HOME", str(tmp_path))
    assert load_autosave() is None
    assert save_autosave(example_scenario(DAY)) is True
    first = autosave_path().stat().st_mtime_ns
    assert save_autosave(example_scenario(DAY)) is False
    assert autosave_path().stat().st_mtime_ns == first
    assert load_autosave() == example_scenario(DAY)
    changed = example_scenario(DAY).replace(**{"offer_a.base_salary": 70000.0})
    assert save_autosave(changed) is True
    assert load_autosave() == changed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["autosave.json"]


def test_damaged_autosave_raises_input_error(monkeypatch, tmp_path):
    monkeypatch.setenv("OFFER_COMPASS_HOME", str(tmp_path))
    autosave_path().write_text('{"schema": "offer-compass/scenario", "vers')
    with pytest.raises(InputError):
        load_autosave()


def test_scenario_rejects_unknown_keys_directly():
    with pytest.raises(InputError, match="unknown"):
        Scenario(values={"offer_c.base_salary": 1.0})


_numbers = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False))
_number_keys = [k for k, spec in FIELDS.items() if spec.kind == "number"]


@given(
    st.dictionaries(st.sampled_from(_number_keys), _numbers, max_size=20),
    st.dictionaries(
        st.sampled_from([k for k, s in FIELDS.items() if s.kind == "int"]),
        st.integers(0, 5),
        max_size=10,
    ),
    st.text(max_size=50),
)
def test_any_valid_values_round_trip(numbers, ints, name):
    ints = {k: max(FIELDS[k].low, min(FIELDS[k].high, v)) for k, v in ints.items()}
    scenario = Scenario(values={**numbers, **ints, "offer_a.name": name})
    assert load_scenario(dump_scenario(scenario)) == scenario


@given(st.binary(max_size=300))
def test_random_bytes_never_escape_as_other_errors(raw):
    with contextlib.suppress(InputError):
        load_scenario(raw)
