"""Scenario files (app_pages/scenario_file.py): the round trip, hostile files, version 1.

A file comes from the user's disk and may be anything: every refusal must be one InputError
with a message a person can act on, naming the field when one is at fault.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app_pages.models import (
    APPLICATION_STAGES,
    ApplicationInput,
    LogRow,
    NextStepsInput,
    NumbersInput,
    OfferInput,
    PointRow,
    ScenarioInput,
    WeightsInput,
)
from app_pages.scenario_file import (
    MAX_BYTES,
    SCHEMA,
    VERSION,
    dump_scenario,
    example_scenario,
    load_scenario,
    read_v1_autosave,
)
from calculator.errors import InputError

DAY = dt.date(2026, 6, 1)


def _file(version: Any = VERSION, **body: Any) -> str:
    return json.dumps({"schema": SCHEMA, "version": version, **body})


def _refused(raw: Any) -> InputError:
    with pytest.raises(InputError) as caught:
        load_scenario(raw)
    err = caught.value
    assert type(err) is InputError
    assert err.rule
    assert str(err) == f"{err.field} {err.rule}"
    return err


def _outcome(raw: Any) -> InputError | None:
    """None when the file loads, the InputError when it is refused (anything else escapes)."""
    try:
        load_scenario(raw)
    except InputError as err:
        return err
    return None


# --- round trip ---------------------------------------------------------------------------------


def test_example_round_trips():
    example = example_scenario(DAY)
    text = dump_scenario(example)
    assert load_scenario(text) == example
    assert load_scenario(text.encode("utf-8")) == example
    # stable: the same inputs give the same text
    assert dump_scenario(load_scenario(text)) == text


def test_dump_has_the_header_and_both_offers():
    data = json.loads(dump_scenario(example_scenario(DAY)))
    assert data["schema"] == "offer-compass/scenario"
    assert data["version"] == 3
    names = [offer["name"] for offer in data["offers"]]
    assert names == ["London fintech", "Manchester scale-up", "", ""]  # up to four offers
    first = data["next_steps"]["applications"][0]
    assert first["interview_date"] == "2026-06-01"
    assert first["decision_date"] == "2026-06-08"
    assert len(data["next_steps"]["applications"]) == 3


def test_default_scenario_round_trips():
    assert load_scenario(dump_scenario(ScenarioInput())) == ScenarioInput()


TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
AMOUNT = st.none() | st.floats(0.0, 1e9, allow_nan=False)
DATES = st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))


@st.composite
def scenarios(draw: st.DrawFn) -> ScenarioInput:
    offers = [
        OfferInput(
            name=draw(TEXT),
            base_salary=draw(AMOUNT),
            base_per=draw(st.sampled_from(["year", "month", "week", "day", "hour"])),
            bonus_target_pct=draw(st.none() | st.floats(0.0, 500.0)),
            sign_on_repay_months=draw(st.none() | st.integers(0, 60)),
            tax_year=draw(st.none() | st.integers(2000, 2100)),
            place_index=draw(st.none() | st.floats(1.0, 1000.0)),
            tax_postgraduate_loan=draw(st.booleans()),
        )
        for _ in range(2)
    ]
    points = draw(
        st.lists(
            st.builds(PointRow, amount=AMOUNT, per=st.sampled_from(["year", "hour"]), label=TEXT),
            max_size=4,
        )
    )
    log = draw(st.lists(st.builds(LogRow, date=DATES, note=TEXT), max_size=3))
    return ScenarioInput(
        numbers=NumbersInput(current_salary=draw(AMOUNT), role=draw(TEXT), points=points),
        offers=offers,
        weights=WeightsInput(base=draw(st.integers(0, 5))),
        next_steps=NextStepsInput(
            applications=[
                ApplicationInput(
                    id=f"a{number}",
                    interview_date=draw(DATES),
                    contact_log=log,
                    talking_point=draw(TEXT),
                    stage=draw(st.sampled_from(APPLICATION_STAGES)),
                )
                for number in range(draw(st.integers(0, 3)))
            ],
            country=draw(st.sampled_from(["", "none", "GB", "US"])),
        ),
    )


@given(scenario=scenarios())
def test_any_scenario_round_trips(scenario):
    assert load_scenario(dump_scenario(scenario)) == scenario


# --- hostile files --------------------------------------------------------------------------------

HEADER = f'{{"schema": "{SCHEMA}", "version": 3'


def _with(body: str) -> bytes:
    """A version-2 header followed by ``body`` (JSON text for the rest of the object)."""
    return (HEADER + ", " + body + "}").encode("utf-8")


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        (b"", "file", "is not valid JSON"),
        (HEADER.encode() + b', "numbers": {"role": "dev', "file", "cut short"),
        (b'{"schema": "offer-compass/scenario", "version": 2, "numbers": {', "file", "JSON"),
        (b"\xff\xfe{}", "file", "is not UTF-8 text"),
        ('{"role": "caf\u00e9"}'.encode("latin-1"), "file", "is not UTF-8 text"),
        (b"[1, 2]", "file", "must hold a JSON object, got list"),
        (b'"scenario"', "file", "must hold a JSON object, got str"),
        (b"null", "file", "must hold a JSON object"),
        (b'{"schema": "someone-else/budget", "version": 2}', "schema", "someone-else/budget"),
        (b'{"version": 2, "numbers": {}}', "schema", "offer-compass/scenario"),
        (b'{"schema": ["offer-compass/scenario"], "version": 2}', "schema", "must be"),
        (_file(4).encode(), "version", "newer"),
        (_file(0).encode(), "version", "at least 1"),
        (_file(-1).encode(), "version", "at least 1"),
        (_file("2").encode(), "version", "whole number"),
        (_file(True).encode(), "version", "whole number"),
        (_file(2.0).encode(), "version", "whole number"),
        (_file(None).encode(), "version", "whole number"),
        (b'{"schema": "offer-compass/scenario"}', "version", "whole number"),
    ],
)
def test_refused_before_reading_the_body(raw, field, words):
    err = _refused(raw)
    assert err.field == field
    assert words in err.rule


def test_newer_version_message():
    err = _refused(_file(4))
    assert err.rule == "4 is newer than this app understands (3): please update the app"


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("1e400", "too large"),
        ("-1e400", "too large"),
        ("9" * 5_000, "5,000 digits"),
        ("9" * 4_301, "4,301 digits"),  # one past Python's own int-from-text limit
        ("9" * 21, "21 digits"),
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("-Infinity", "-Infinity"),
        ("1." + "0" * 100, "64 characters"),
    ],
)
def test_numbers_no_scenario_can_hold(number, words):
    err = _refused(_with(f'"numbers": {{"current_salary": {number}}}'))
    assert err.field == "file"
    assert words in err.rule


def test_twenty_digit_integer_reaches_the_model():
    # 20 digits parses; the model then refuses it by name
    err = _refused(_with('"numbers": {"current_salary": ' + "9" * 20 + "}"))
    assert err.field == "numbers.current_salary"
    assert err.rule == "must be at most 1,000,000,000"


@pytest.mark.parametrize(
    "raw",
    [
        _with('"numbers": {"role": "\\ud800"}'),
        _with('"\\udfff": 1'),
        _with('"numbers": {"\\ud800role": "dev"}'),
        _with('"numbers": {"points": [{"label": "a\\udc00b"}]}'),
    ],
)
def test_lone_surrogates_are_refused(raw):
    err = _refused(raw)
    assert err.field == "file"
    assert "not valid Unicode" in err.rule


def test_lone_surrogate_in_python_text():
    # a str holding a lone surrogate (not an escape) cannot be UTF-8
    err = _refused(HEADER + ', "numbers": {"role": "\ud800"}}')
    assert err.field == "file"
    assert err.rule == "is not UTF-8 text"


@pytest.mark.parametrize(
    "raw",
    [
        ("[" * 5_000 + "]" * 5_000).encode(),
        ('{"a": ' * 100 + "1" + "}" * 100).encode(),
        _with('"numbers": {"points": [' + "[" * 20 + "]" * 20 + "]}"),
        ('{"a": ' * 100_000 + "1" + "}" * 100_000).encode(),
    ],
)
def test_deep_nesting_is_refused(raw):
    err = _refused(raw)
    assert err.field == "file"
    assert "nested" in err.rule


def test_duplicate_keys():
    err = _refused(HEADER + ', "version": 2}')
    assert (err.field, err.rule) == ("file", "has the key 'version' twice")
    err = _refused(_with('"numbers": {"role": "a", "current_salary": 1, "role": "b"}'))
    assert (err.field, err.rule) == ("file", "has the key 'role' twice")
    err = _refused(_with('"offers": [{"name": "A", "name": "A"}, {}]'))
    assert (err.field, err.rule) == ("file", "has the key 'name' twice")


@pytest.mark.parametrize(
    ("body", "field", "rule"),
    [
        (
            '"offers": [{"base_salary": "60000"}, {}]',
            "offers.0.base_salary",
            "must be a valid number",
        ),
        ('"offers": [{}, {"letter": {"salary": 1}}]', "offers.1.letter.salary", "boolean"),
        ('"numbers": []', "numbers", "must be an object"),
        ('"offers": null', "offers", "must be a list"),
        ('"offers": [{}]', "offers", "at least 4"),
        ('"offers": [{}, {}, {}, {}, {}]', "offers", "at most 4"),
        ('"offers": []', "offers", "at least 4"),
        ('"numbers": {"colour": "red"}', "numbers.colour", "is not a field this app knows"),
        ('"colour": "red"', "colour", "is not a field this app knows"),
        ('"weights": {"base": 9}', "weights.base", "must be at most 5"),
        ('"compare": {"home": 5}', "compare.home", "must be at most 4"),
        ('"numbers": {"points": [{"amount": -1}]}', "numbers.points", "must be at least 0"),
        (
            '"next_steps": {"applications": [{"interview_date": "2026-02-30"}]}',
            "next_steps.applications.0.interview_date",
            "date",
        ),
        ('"offers": [{"tax_year": 2025.5}, {}]', "offers.0.tax_year", "integer"),
    ],
)
def test_wrong_values_are_named(body, field, rule):
    err = _refused(_with(body))
    assert err.field == field
    assert rule in err.rule


def test_several_problems_are_counted():
    err = _refused(_with('"weights": {"base": 9, "bonus": -1, "gym": 6}'))
    assert err.field == "weights.base"
    assert err.rule == "must be at most 5 (and 2 more problems)"


def test_file_one_byte_over_the_limit():
    assert MAX_BYTES == 1024 * 1024
    padding = " " * (MAX_BYTES - len(_with('"numbers": {}')))
    at_limit = _with('"numbers": {}' + padding)
    assert len(at_limit) == MAX_BYTES
    assert load_scenario(at_limit) == ScenarioInput()
    err = _refused(at_limit + b" ")
    assert err.field == "file"
    assert err.rule == "is too large (1,048,577 bytes; limit 1,048,576)"


@pytest.mark.parametrize("raw", [None, 42, bytearray(b"{}"), ["{}"]])
def test_not_bytes_or_text(raw):
    err = _refused(raw)
    assert err.field == "file"
    assert err.rule.startswith("must be bytes or text")


def test_byte_order_mark_is_ignored():
    text = dump_scenario(example_scenario(DAY))
    assert load_scenario(b"\xef\xbb\xbf" + text.encode("utf-8")) == example_scenario(DAY)
    assert load_scenario("\ufeff" + text) == example_scenario(DAY)


def test_saved_at_is_ignored():
    assert load_scenario(_file(saved_at="2026-06-01T10:00:00")) == ScenarioInput()


# --- version 1 -----------------------------------------------------------------------------------

V1 = {
    "schema": SCHEMA,
    "version": 1,
    "saved_at": "2025-06-01T09:30:00",
    "numbers": {"current_salary": 52_000.0, "uplift_pct": 5.0},
    "offer_a": {
        "name": "Old fintech",
        "base_salary": 68_000.0,
        "sign_on": 5_000.0,
        "sign_on_repay_months": 12.0,
        "tax_country": "GB",
        "tax_year": "2025",
    },
    "offer_b": {"name": "Old scale-up", "base_salary": 31.0, "base_per": "hour", "tax_year": ""},
    "compare": {"home": "offer_b", "years": 5},
}


def _v1(**changes: Any) -> str:
    return json.dumps({**V1, **changes})


def test_version_1_loads_into_the_right_columns():
    scenario = load_scenario(_v1())
    first, second, *empty = scenario.offers
    assert empty == [OfferInput(), OfferInput()]  # padded to four columns
    assert first.name == "Old fintech"
    assert first.base_salary == 68_000.0
    assert first.sign_on == 5_000.0
    assert first.sign_on_repay_months == 12
    assert type(first.sign_on_repay_months) is int
    assert first.tax_year == 2025
    assert type(first.tax_year) is int
    assert first.tax_country == "GB"
    assert second.name == "Old scale-up"
    assert (second.base_salary, second.base_per) == (31.0, "hour")
    assert second.tax_year is None  # blank text: not stated
    assert scenario.compare.home == 1
    assert scenario.compare.years == 5
    assert scenario.numbers.current_salary == 52_000.0
    assert scenario.numbers.uplift_pct == 5.0
    # and the converted scenario saves as version 3
    assert json.loads(dump_scenario(scenario))["version"] == 3


# --- version 2: one application ------------------------------------------------------------------


def test_version_2_single_application_becomes_the_first_of_the_list():
    v2 = {
        "schema": SCHEMA,
        "version": 2,
        "numbers": {"role": "developer"},
        "next_steps": {
            "interview_date": "2026-06-01",
            "decision_date": "2026-06-08",
            "company": "Acme",
            "interviewer": "Sam",
            "patience": "a_week",
            "min_salary": 58_000.0,
            "contact_log": [{"date": "2026-06-01", "channel": "email", "note": "thanks"}],
            "messages": {"thank_you": "My own words"},
        },
    }
    scenario = load_scenario(json.dumps(v2))
    (only,) = scenario.next_steps.applications
    assert (only.company, only.interviewer, only.stage) == ("Acme", "Sam", "interviewing")
    assert only.interview_date == dt.date(2026, 6, 1)
    assert only.min_salary == 58_000.0
    assert only.contact_log[0].note == "thanks"
    assert only.messages.thank_you == "My own words"
    assert len(only.id) == 12
    assert scenario.next_steps.patience == "a_week"
    # an empty version-2 next steps: no application
    empty = load_scenario(json.dumps({**v2, "next_steps": {"company": ""}}))
    assert empty.next_steps.applications == []
    # a bad version-2 field is named where it now lives
    bad = {**v2, "next_steps": {"interview_date": "2026-02-30"}}
    err = _refused(json.dumps(bad))
    assert err.field == "next_steps.applications.0.interview_date"


def test_version_1_home_offer_a_and_one_side_only():
    scenario = load_scenario(_v1(compare={"home": "offer_a"}))
    assert scenario.compare.home == 0
    data = {k: v for k, v in V1.items() if k != "offer_a"}
    scenario = load_scenario(json.dumps(data))
    assert scenario.offers[0] == OfferInput()
    assert scenario.offers[1].name == "Old scale-up"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"offer_c": {"name": "Third"}}, "offer_c"),
        ({"offer_a": {"name": "A", "colour": "red"}}, "offers.0.colour"),
        ({"offer_a": {"sign_on_repay_months": 12.5}}, "offers.0.sign_on_repay_months"),
        ({"offer_b": {"tax_year": "twenty"}}, None),
        ({"compare": {"home": "offer_z"}}, "compare.home"),
    ],
)
def test_version_1_bad_fields(changes, field):
    if field is None:
        # text that is not a year becomes "not stated" (like a blank box)
        assert load_scenario(_v1(**changes)).offers[1].tax_year is None
        return
    err = _refused(_v1(**changes))
    assert err.field == field


@pytest.mark.parametrize(
    "home",
    [["offer_a"], {"side": "a"}],
)
def test_version_1_home_of_the_wrong_shape_is_refused(home):
    # compare.home of a list or an object must be refused by name, not crash the loader
    err = _outcome(_v1(compare={"home": home}))
    assert isinstance(err, InputError)
    assert err.field == "compare.home"


@pytest.mark.parametrize(
    "year",
    [
        "1" * 4_301,  # past Python's int-from-text limit
        "\u00b2",  # "²": str.isdigit() is true, int() refuses it
        "\u0663\u0660\u0662\u0665",  # Arabic-Indic digits for 3025
    ],
)
def test_version_1_odd_tax_year_text_is_refused_or_blank(year):
    err = _outcome(_v1(offer_a={"tax_year": year}))
    # either refused under the field, or taken as blank: never a crash
    if err is not None:
        assert err.field == "offers.0.tax_year"


def test_version_1_with_an_offers_list_is_not_silently_dropped():
    # version 1 had no "offers" list: a v1 file that has one is refused as an unknown field,
    # rather than loading with both columns blank
    raw = json.dumps({"schema": SCHEMA, "version": 1, "offers": [{"base_salary": 60_000.0}, {}]})
    err = _outcome(raw)
    assert err is not None, "the offers list was silently dropped"
    assert err.field.startswith("offers")


# --- the first release's autosave --------------------------------------------------------------


def test_autosave_missing(tmp_path):
    assert read_v1_autosave(tmp_path / "autosave.json") is None
    assert read_v1_autosave(tmp_path / "no" / "such" / "autosave.json") is None


def test_autosave_unreadable(tmp_path):
    path = tmp_path / "autosave.json"
    path.mkdir()
    with pytest.raises(InputError) as caught:
        read_v1_autosave(path)
    assert caught.value.field == "autosave"
    assert caught.value.rule.startswith("could not be read: ")


def test_autosave_valid(tmp_path):
    path = tmp_path / "autosave.json"
    path.write_text(_v1(), encoding="utf-8")
    scenario = read_v1_autosave(path)
    assert scenario == load_scenario(_v1())
    assert scenario.offers[0].name == "Old fintech"


def test_autosave_broken(tmp_path):
    path = tmp_path / "autosave.json"
    path.write_bytes(_v1().encode()[:40])
    with pytest.raises(InputError) as caught:
        read_v1_autosave(path)
    assert caught.value.field == "file"


# --- anything at all -------------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=8)
    | st.sampled_from(["offer_a", "offer_b", "2025", "year", "GB", "2026-06-01"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
SECTION_KEYS = st.sampled_from(
    ["numbers", "offers", "compare", "weights", "next_steps", "offer_a", "offer_b", "saved_at"]
)
FIELD_KEYS = st.sampled_from(
    ["home", "years", "base_salary", "tax_year", "sign_on_repay_months", "name", "points"]
)


@st.composite
def scenario_like(draw: st.DrawFn) -> str:
    """Text close to a scenario file: the right header (mostly) and sections of anything."""
    sections = draw(
        st.dictionaries(
            SECTION_KEYS,
            JSON_VALUES | st.dictionaries(FIELD_KEYS, JSON_VALUES, max_size=3),
            max_size=4,
        )
    )
    header = {
        "schema": draw(st.sampled_from([SCHEMA, SCHEMA, "other"])),
        "version": draw(st.sampled_from([1, 1, 2, 2, 3, "2", None])),
    }
    text = json.dumps({**header, **sections}, allow_nan=True)
    if draw(st.integers(0, 3)):
        return text
    return text[: draw(st.integers(0, len(text)))]  # cut short


@given(raw=st.binary(max_size=300))
def test_random_bytes_only_ever_input_error(raw):
    _outcome(raw)


@given(raw=st.text(max_size=200))
def test_random_text_only_ever_input_error(raw):
    _outcome(raw)


@given(value=JSON_VALUES)
def test_random_json_only_ever_input_error(value):
    err = _outcome(json.dumps(value, allow_nan=True))
    assert err is not None  # none of these carries the header


@given(raw=scenario_like())
def test_scenario_like_text_only_ever_input_error(raw):
    _outcome(raw)


@given(cut=st.integers(0, 4_000), junk=st.text(max_size=3))
def test_damaged_example_only_ever_input_error(cut, junk):
    text = dump_scenario(example_scenario(DAY))
    damaged = text[:cut] + junk + text[cut + len(junk) :]
    err = _outcome(damaged)
    if err is None:
        # whatever loads is a valid scenario that saves again
        assert load_scenario(dump_scenario(load_scenario(damaged))) == load_scenario(damaged)
