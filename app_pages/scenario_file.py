"""Scenario files: the versioned JSON a user downloads and loads, and the worked example.

Version 3 is the :class:`~app_pages.models.ScenarioInput` model as JSON with a header::

    {"schema": "offer-compass/scenario", "version": 3,
     "numbers": {...}, "offers": [{...}, {...}], "compare": {...}, "weights": {...},
     "next_steps": {"applications": [{...}, ...], "patience": ..., "country": ...}}

Version 2 held one application's fields directly in ``next_steps``: that application becomes
the first of the list. Version 1 (the first release's files and its ``autosave.json``) kept
the two offers as ``offer_a`` and ``offer_b``. Both are converted on load. Loading is strict and all-or-nothing:
the caller gets a validated scenario or one :class:`~calculator.errors.InputError` whose
message says what is wrong, and nothing of the current state changes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from pydantic import ValidationError

from app_pages.models import ScenarioInput, upgrade_next_steps, validation_messages
from calculator.errors import InputError

__all__ = [
    "MAX_BYTES",
    "SCHEMA",
    "VERSION",
    "dump_scenario",
    "example_scenario",
    "load_scenario",
    "read_v1_autosave",
]

SCHEMA: Final = "offer-compass/scenario"
VERSION: Final = 3
#: Matches the upload limit in .streamlit/config.toml (1 MB).
MAX_BYTES: Final = 1024 * 1024
#: Numbers in a scenario are money, days and percentages: 20 digits is already absurd.
_MAX_DIGITS: Final = 20
_MAX_DEPTH: Final = 12
_V1_SIDES: Final = {"offer_a": 0, "offer_b": 1}


def dump_scenario(scenario: ScenarioInput) -> str:
    """The scenario as version-3 JSON text (stable order: the same inputs give the same text).

    >>> load_scenario(dump_scenario(example_scenario(dt.date(2026, 6, 1)))).offers[0].name
    'London fintech'
    """
    body = scenario.model_dump(mode="json")
    data = {"schema": SCHEMA, "version": VERSION, **body}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def load_scenario(raw: bytes | str) -> ScenarioInput:
    """Parse and validate a scenario file (version 1, 2 or 3); InputError for anything else.

    Refused, each with its own message: more than :data:`MAX_BYTES`; not UTF-8; not JSON or cut
    short; duplicate keys; numbers that are not finite or have more than 20 digits; text that
    is not valid Unicode (lone surrogates); nesting deeper than a scenario has; another
    schema; a version from the future or below 1; unknown fields; wrong types; values out of
    range. A leading UTF-8 byte-order mark (some editors add one) is ignored.

    >>> load_scenario('{"schema": "offer-compass/scenario", "version": 4}')
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: version 4 is newer than this app understands (3): please update the app
    >>> load_scenario('{"schema": "offer-compass/scenario", "version": 2, "a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: file has the key 'a' twice
    """
    data = _parse(raw)
    version = _check_header(data)
    body = {k: v for k, v in data.items() if k not in ("schema", "version", "saved_at")}
    if version == 1:
        body = _from_v1(body)
    if version <= 2:
        body = _from_v2(body)
    try:
        return ScenarioInput.model_validate(body)
    except ValidationError as err:
        problems = validation_messages(err)
        path, rule = next(iter(problems.items()))
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise InputError(_printable(path), rule + more) from None


def _parse(raw: bytes | str) -> Any:
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogatepass")
    if not isinstance(raw, bytes):
        raise InputError("file", f"must be bytes or text, got {type(raw).__name__}")
    if len(raw) > MAX_BYTES:
        raise InputError("file", f"is too large ({len(raw):,} bytes; limit {MAX_BYTES:,})")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("file", "is not UTF-8 text") from None
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_int=_int,
            parse_float=_float,
            parse_constant=_constant,
        )
    except json.JSONDecodeError as err:
        raise InputError(
            "file", f"is not valid JSON (it may be cut short): {err.msg} at line {err.lineno}"
        ) from None
    except RecursionError:
        raise InputError("file", "is nested far too deeply to be a scenario") from None
    except _RefusedError as err:
        raise InputError("file", str(err)) from None
    _check_tree(data, 0)
    return data


class _RefusedError(ValueError):
    """A JSON value the parser hooks refuse (raised from inside json.loads)."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _RefusedError(f"has the key {_printable(key)!r} twice")
        out[key] = value
    return out


def _int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_DIGITS:
        raise _RefusedError(f"has a number with {len(text):,} digits, far beyond any real figure")
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _RefusedError(f"has a number too large to hold ({text[:20]}...)")
    if len(text) > 64:
        raise _RefusedError("has a number written with more than 64 characters")
    return value


def _constant(name: str) -> float:
    raise _RefusedError(f"has {name}, which is not a number a scenario can hold")


def _check_tree(value: Any, depth: int) -> None:
    """No deeper than a scenario nests, and every string valid Unicode (no lone surrogates)."""
    if depth > _MAX_DEPTH:
        raise InputError("file", "is nested deeper than any scenario")
    if isinstance(value, str):
        _check_text(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key)
            _check_tree(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_tree(item, depth + 1)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            "file", "has text that is not valid Unicode (a lone surrogate such as \\ud800)"
        ) from None


def _printable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")[:80]


def _check_header(data: Any) -> int:
    if not isinstance(data, dict):
        raise InputError("file", f"must hold a JSON object, got {type(data).__name__}")
    if data.get("schema") != SCHEMA:
        found = data.get("schema")
        shown = _printable(found) if isinstance(found, str) else found
        raise InputError("schema", f"must be {SCHEMA!r}, got {shown!r}")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise InputError("version", f"must be a whole number, got {type(version).__name__}")
    if version > VERSION:
        raise InputError(
            "version",
            f"{version} is newer than this app understands ({VERSION}): please update the app",
        )
    if version < 1:
        raise InputError("version", f"must be at least 1, got {version}")
    return version


def _from_v1(body: Mapping[str, Any]) -> dict[str, Any]:
    """A version-1 body in version-2 form: offers as a list, texts that became choices."""
    out: dict[str, Any] = {}
    offers: list[Any] = [{}, {}]
    for section, content in body.items():
        if section == "offers":
            raise InputError("offers", "is not a field of a version-1 file (offer_a, offer_b)")
        if section in _V1_SIDES:
            offers[_V1_SIDES[section]] = _offer_v1(content)
        elif section == "compare" and isinstance(content, Mapping):
            settings = dict(content)
            home = settings.get("home")
            if isinstance(home, str):
                settings["home"] = _V1_SIDES.get(home, home)
            out[section] = settings
        else:
            out[section] = content
    out["offers"] = offers
    return out


def _from_v2(body: Mapping[str, Any]) -> dict[str, Any]:
    """A version-2 body in version-3 form: its one application first of the list."""
    import uuid

    steps = body.get("next_steps")
    if not isinstance(steps, Mapping):
        return dict(body)
    return {**body, "next_steps": upgrade_next_steps(steps, lambda: uuid.uuid4().hex[:12])}


def _offer_v1(content: Any) -> Any:
    if not isinstance(content, Mapping):
        return content
    offer = dict(content)
    year = offer.get("tax_year")
    if isinstance(year, str):  # text in version 1: "" (not chosen) or "2025"
        plain = year.isascii() and year.isdigit() and len(year) == 4
        offer["tax_year"] = int(year) if plain else None
    months = offer.get("sign_on_repay_months")
    if isinstance(months, float) and months.is_integer():
        offer["sign_on_repay_months"] = int(months)
    return offer


def read_v1_autosave(path: Path) -> ScenarioInput | None:
    """The first release's ``autosave.json`` as a scenario; None when there is no such file.

    >>> import tempfile, pathlib
    >>> read_v1_autosave(pathlib.Path(tempfile.mkdtemp()) / "autosave.json") is None
    True
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise InputError("autosave", f"could not be read: {err.strerror}") from None
    return load_scenario(raw)


def example_scenario(today: dt.date | None = None) -> ScenarioInput:
    """A worked example: a UK software developer on £52,000 choosing between a London fintech
    and a Manchester scale-up (figures illustrative, realistic for 2025), with three
    applications: the Manchester interview was ``today`` (default: the real today), its
    decision promised a week later; the London fintech made an offer yesterday (answer within
    two weeks); a Leeds agency-led interview two days ago. Each offer links to its application.

    >>> example = example_scenario(dt.date(2026, 6, 1))
    >>> [(a.company, a.stage) for a in example.next_steps.applications]
    [('Manchester scale-up', 'interviewing'), ('London fintech', 'offer'), ('Leeds software house', 'interviewing')]
    >>> example.offers[0].application == example.next_steps.applications[1].id
    True
    """
    day = today or dt.date.today()
    week = dt.timedelta(days=7)
    manchester = {
        "id": "example-mcr",
        "company": "Manchester scale-up",
        "stage": "interviewing",
        "interview_date": day,
        "decision_date": day + week,
        "promised_date": day + dt.timedelta(days=2),
        "interviewer": "Sam",
        "talking_point": "how the team moved payments onto event streaming",
        "promised_items": "a short code sample",
        "min_salary": 58000.0,
        "min_holiday_days": 25.0,
        "min_home_days": 2.0,
    }
    london = {
        "id": "example-ldn",
        "company": "London fintech",
        "stage": "offer",
        "interview_date": day - 2 * week,
        "decision_date": day - week,
        "stage_date": day - dt.timedelta(days=1),
        "answer_by": day + 2 * week,
        "interviewer": "Priya",
        "min_salary": 60000.0,
        "min_holiday_days": 25.0,
        "contact_log": [
            {"date": day - 2 * week, "kind": "thank_you", "note": "Thank-you to Priya"},
            {"date": day - dt.timedelta(days=1), "direction": "received", "note": "Offer call"},
        ],
    }
    leeds = {
        "id": "example-lds",
        "company": "Leeds software house",
        "stage": "interviewing",
        "interview_date": day - dt.timedelta(days=2),
        "agency": True,
        "contact_method": "recruiter",
    }
    return ScenarioInput.model_validate(
        {
            "numbers": _EXAMPLE_NUMBERS,
            "offers": [
                {**_EXAMPLE_A, "application": "example-ldn"},
                {**_EXAMPLE_B, "application": "example-mcr"},
            ],
            "next_steps": {"applications": [manchester, london, leeds]},
        }
    )


_EXAMPLE_NUMBERS: Final = {
    "currency": "GBP",
    "current_salary": 52000.0,
    "current_hours": 37.5,
    "new_hours": 37.5,
    "extra_travel_cost": 1200.0,
    "uplift_pct": 5.0,
    "personal_minimum": 54000.0,
    "market_source": "points",
    "expertise": "expert",
    "target": 64000.0,
    "role": "senior software developer",
    "contact_name": "Priya",
    "points": [
        {"amount": 58000.0, "per": "year", "label": "salary guide, London"},
        {"amount": 62000.0, "per": "year", "label": "job ad, fintech"},
        {"amount": 65000.0, "per": "year", "label": "job ad, bank"},
        {"amount": 5000.0, "per": "month", "label": "recruiter quote"},
        {"amount": 55000.0, "per": "year", "label": "job ad, Manchester"},
        {"amount": 70000.0, "per": "year", "label": "friend's offer"},
        {"amount": 78000.0, "per": "year", "label": "recruiter, senior role"},
    ],
}
_EXAMPLE_A: Final = {
    "name": "London fintech",
    "base_salary": 68000.0,
    "bonus_target_pct": 10.0,
    "bonus_payout_pct": 80.0,
    "sign_on": 5000.0,
    "sign_on_repay_months": 12,
    "raise_pct": 3.0,
    "equity_kind": "rsu",
    "equity_grant_value": 40000.0,
    "holiday_days": 25.0,
    "pension_type": "percent",
    "pension_employer_pct": 5.0,
    "pension_employee_pct": 5.0,
    "health_care": 1044.0,
    "gym": 480.0,
    "home_days": 2.0,
    "commute_cost": 14.0,
    "commute_minutes": 100.0,
    "place_kind": "custom",
    "place_label": "London",
    "place_index": 112.0,
    "tax_country": "GB",
    "tax_region": "england",
    "factor_growth": 4,
    "factor_commute": 2,
    "factor_security": 4,
}
_EXAMPLE_B: Final = {
    "name": "Manchester scale-up",
    "base_salary": 62000.0,
    "relocation": 3000.0,
    "raise_pct": 4.0,
    "equity_kind": "option",
    "equity_shares": 8000.0,
    "equity_strike": 2.0,
    "equity_bear_price": 1.0,
    "equity_base_price": 4.0,
    "equity_bull_price": 10.0,
    "holiday_days": 28.0,
    "pension_type": "percent",
    "pension_employer_pct": 6.0,
    "pension_employee_pct": 4.0,
    "home_days": 4.0,
    "commute_cost": 9.0,
    "commute_minutes": 50.0,
    "study_funding": 1500.0,
    "study_days": 5.0,
    "place_kind": "custom",
    "place_label": "Manchester",
    "place_index": 95.0,
    "tax_country": "GB",
    "tax_region": "england",
    "factor_culture": 4,
    "factor_growth": 4,
    "factor_commute": 4,
    "factor_flexibility": 5,
}
