"""The saved scenario: every input the app asks for, as versioned JSON (schema version 1).

A scenario is a flat mapping of field keys (``"<section>.<name>"``, e.g.
``"offer_a.base_salary"``) to values, plus a few tables (lists of rows). On disk it is nested
by section::

    {"schema": "offer-compass/scenario", "version": 1,
     "numbers": {"current_salary": 52000.0, ..., "points": [{"amount": ..., ...}]},
     "offer_a": {...}, "offer_b": {...}, "weights": {...}, "next_steps": {...}}

Loading is strict (DOMAIN-independent house rule: invalid input raises InputError): malformed
or truncated JSON, files above :data:`MAX_BYTES`, another schema, a future version, unknown keys
and wrong types are all rejected, and the caller's state is left untouched because nothing is
returned. Missing keys take their defaults, so a file written by an earlier build still loads.

Where the autosave lives: ``$OFFER_COMPASS_HOME`` if set, else ``$XDG_DATA_HOME/offer-compass``,
else ``~/.local/share/offer-compass``. A local file (rather than URL query parameters) keeps
salaries out of browser history and shared links, and survives a page refresh.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from .errors import InputError

__all__ = [
    "AUTOSAVE_NAME",
    "CURRENCIES",
    "EQUITY_KINDS",
    "FIELDS",
    "MAX_BYTES",
    "OFFER_SIDES",
    "PENSION_TYPES",
    "SCHEMA",
    "SCHEMA_VERSION",
    "TABLES",
    "VESTING_SCHEDULES",
    "FieldSpec",
    "Scenario",
    "TableSpec",
    "autosave_path",
    "data_home",
    "default_scenario",
    "dump_scenario",
    "example_scenario",
    "load_autosave",
    "load_scenario",
    "save_autosave",
]

SCHEMA: Final = "offer-compass/scenario"
SCHEMA_VERSION: Final = 1
#: A scenario is a few kilobytes; anything larger than this is refused unread.
MAX_BYTES: Final = 256 * 1024
AUTOSAVE_NAME: Final = "autosave.json"

Kind = Literal["number", "int", "text", "choice", "bool", "date"]

CURRENCIES: Final = ("GBP", "USD", "EUR")
PAY_PERIOD_CHOICES: Final = ("year", "month", "week", "day", "hour")
EQUITY_KINDS: Final = ("none", "rsu", "option")
VESTING_SCHEDULES: Final = ("standard", "front_loaded", "back_loaded")
PENSION_TYPES: Final = ("none", "percent", "uk_auto_enrolment", "match")
MARKET_SOURCES: Final = ("typed", "points", "market")
EXPERTISE: Final = ("beginner", "intermediate", "expert")
TAX_COUNTRIES: Final = ("none", "GB", "US")
PATIENCE: Final = ("next_working_day", "several_days", "a_week")
PLACE_KINDS: Final = ("none", "us_state", "custom")
CONTACT_METHODS: Final = ("email", "phone", "recruiter")
OFFER_SIDES: Final = ("offer_a", "offer_b")
#: Non-money factors rated 1-5 (DOMAIN.md 4); they join the score, never the cash total.
FACTORS: Final = ("culture", "growth", "commute", "security", "flexibility")
#: Things a weight (0-5) can be given to (DOMAIN.md 4 weighted package score).
WEIGHTED: Final = (
    "base",
    "bonus",
    "sign_on",
    "equity",
    "holiday",
    "pension",
    "health",
    "travel",
    "car",
    "gym",
    "home_working",
    "study",
    "custom",
    *FACTORS,
)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One input: its kind, default, and for choices the allowed values.

    ``optional`` numbers accept ``None`` (not stated), which is distinct from 0.
    ``int`` fields are whole numbers between ``low`` and ``high`` (sliders).

    >>> FieldSpec("choice", "GBP", choices=CURRENCIES).check("numbers.currency", "USD")
    'USD'
    >>> FieldSpec("number", None).check("offer_a.base_salary", "lots")
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: offer_a.base_salary must be a number or empty, got str
    """

    kind: Kind
    default: Any
    choices: tuple[str, ...] = ()
    low: int = 0
    high: int = 5

    def check(self, key: str, value: object) -> Any:
        """Return ``value`` in its in-memory form (dates as ``datetime.date``) or raise."""
        if self.kind == "number":
            if value is None:
                return None
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise InputError(key, f"must be a number or empty, got {type(value).__name__}")
            number = float(value)
            if not math.isfinite(number):
                raise InputError(key, f"must be a finite number, got {number}")
            return number
        if self.kind == "int":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise InputError(key, f"must be a whole number, got {type(value).__name__}")
            if isinstance(value, float) and not value.is_integer():
                raise InputError(key, f"must be a whole number, got {value}")
            whole = int(value)
            if not self.low <= whole <= self.high:
                raise InputError(key, f"must be between {self.low} and {self.high}, got {whole}")
            return whole
        if self.kind == "text":
            if not isinstance(value, str):
                raise InputError(key, f"must be text, got {type(value).__name__}")
            if len(value) > 5000:
                raise InputError(key, f"must be at most 5000 characters, got {len(value)}")
            return value
        if self.kind == "choice":
            if not isinstance(value, str) or value not in self.choices:
                listed = ", ".join(self.choices)
                raise InputError(key, f"must be one of {listed}, got {value!r}")
            return value
        if self.kind == "bool":
            if not isinstance(value, bool):
                raise InputError(key, f"must be true or false, got {type(value).__name__}")
            return value
        # date: ISO text on disk, datetime.date in memory, or empty.
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise InputError(key, f"must be a date like 2025-06-30, got {value!r}") from None
        raise InputError(key, f"must be a date or empty, got {type(value).__name__}")

    def to_json(self, value: Any) -> Any:
        """The JSON form of an in-memory value (dates become ISO text)."""
        if self.kind == "date" and value is not None:
            return value.isoformat()
        return value


@dataclass(frozen=True, slots=True)
class TableSpec:
    """A table input: named columns, each a :class:`FieldSpec`; at most ``max_rows`` rows.

    >>> spec = TableSpec({"amount": FieldSpec("number", None)})
    >>> spec.check("numbers.points", [{"amount": 30000}])
    [{'amount': 30000.0}]
    """

    columns: Mapping[str, FieldSpec]
    max_rows: int = 200

    def check(self, key: str, rows: object) -> list[dict[str, Any]]:
        """Validate a list of row mappings; missing cells take the column default."""
        if not isinstance(rows, list):
            raise InputError(key, f"must be a list of rows, got {type(rows).__name__}")
        if len(rows) > self.max_rows:
            raise InputError(key, f"must have at most {self.max_rows} rows, got {len(rows)}")
        checked: list[dict[str, Any]] = []
        for index, row in enumerate(rows, start=1):
            if not isinstance(row, Mapping):
                raise InputError(key, f"row {index} must be a mapping, got {type(row).__name__}")
            unknown = sorted(str(k) for k in row if k not in self.columns)
            if unknown:
                raise InputError(key, f"row {index} has unknown columns: {', '.join(unknown)}")
            checked.append(
                {
                    name: spec.check(f"{key} row {index} {name}", row.get(name, spec.default))
                    for name, spec in self.columns.items()
                }
            )
        return checked

    def to_json(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """JSON form of the rows."""
        return [
            {name: spec.to_json(row.get(name)) for name, spec in self.columns.items()}
            for row in rows
        ]


def _num(default: float | None = None) -> FieldSpec:
    return FieldSpec("number", default)


def _choice(default: str, choices: tuple[str, ...]) -> FieldSpec:
    return FieldSpec("choice", default, choices=choices)


def _offer_fields() -> dict[str, FieldSpec]:
    """The fields of one offer, in the order both columns of the Compare page show them."""
    fields: dict[str, FieldSpec] = {
        "name": FieldSpec("text", ""),
        "base_salary": _num(),
        "base_per": _choice("year", PAY_PERIOD_CHOICES),
        "hours_per_week": _num(37.5),
        "bonus_target_pct": _num(),
        "bonus_payout_pct": _num(100.0),
        "sign_on": _num(),
        "sign_on_repay_months": _num(),
        "relocation": _num(),
        "raise_pct": _num(),
        "equity_kind": _choice("none", EQUITY_KINDS),
        "equity_shares": _num(),
        "equity_price": _num(),
        "equity_grant_value": _num(),
        "equity_strike": _num(),
        "equity_bear_price": _num(),
        "equity_base_price": _num(),
        "equity_bull_price": _num(),
        "equity_schedule": _choice("standard", VESTING_SCHEDULES),
        "holiday_days": _num(),
        "pension_type": _choice("none", PENSION_TYPES),
        "pension_employer_pct": _num(),
        "pension_employee_pct": _num(),
        "pension_match_cap_pct": _num(),
        "health_care": _num(),
        "travel_allowance": _num(),
        "company_car": _num(),
        "gym": _num(),
        "home_days": _num(),
        "commute_cost": _num(),
        "commute_minutes": _num(),
        "study_funding": _num(),
        "study_days": _num(),
        "custom_name": FieldSpec("text", ""),
        "custom_value": _num(),
        "place_kind": _choice("none", PLACE_KINDS),
        "place_state": FieldSpec("text", ""),
        "place_index": _num(),
        "tax_country": _choice("none", TAX_COUNTRIES),
        "tax_region": FieldSpec("text", ""),
        "tax_year": FieldSpec("text", ""),
        "tax_filing_status": FieldSpec("text", ""),
        "tax_student_loan": FieldSpec("text", ""),
        "tax_postgraduate_loan": FieldSpec("bool", False),
        "tax_benefits_taxable": FieldSpec("bool", False),
        "tax_local_rate_pct": _num(),
    }
    for factor in FACTORS:
        fields[f"factor_{factor}"] = FieldSpec("int", 3, low=1, high=5)
    return fields


def _all_fields() -> dict[str, FieldSpec]:
    fields: dict[str, FieldSpec] = {
        "numbers.currency": _choice("GBP", CURRENCIES),
        "numbers.current_salary": _num(),
        "numbers.current_per": _choice("year", PAY_PERIOD_CHOICES),
        "numbers.current_hours": _num(37.5),
        "numbers.new_hours": _num(),
        "numbers.extra_travel_cost": _num(),
        "numbers.uplift_pct": _num(),
        "numbers.personal_minimum": _num(),
        "numbers.market_source": _choice("typed", MARKET_SOURCES),
        "numbers.occupation_query": FieldSpec("text", ""),
        "numbers.occupation_code": FieldSpec("text", ""),
        "numbers.market_state": FieldSpec("text", ""),
        "numbers.going_rate": _num(),
        "numbers.expertise": _choice("intermediate", EXPERTISE),
        "numbers.target": _num(),
        "numbers.anchor_margin_pct": _num(10.0),
        "numbers.range_width_pct": _num(10.0),
        "numbers.role": FieldSpec("text", ""),
        "numbers.contact_name": FieldSpec("text", ""),
        "compare.years": FieldSpec("int", 4, low=1, high=10),
        "compare.view_net": FieldSpec("bool", False),
        "compare.same_money": FieldSpec("bool", False),
        "compare.home": _choice("offer_a", OFFER_SIDES),
        "compare.leave_month": FieldSpec("int", 18, low=0, high=120),
        "next_steps.interview_date": FieldSpec("date", None),
        "next_steps.decision_date": FieldSpec("date", None),
        "next_steps.contact_method": _choice("email", CONTACT_METHODS),
        "next_steps.agency": FieldSpec("bool", False),
        "next_steps.promised_items": FieldSpec("text", ""),
        "next_steps.promised_date": FieldSpec("date", None),
        "next_steps.patience": _choice("next_working_day", PATIENCE),
        "next_steps.interviewer": FieldSpec("text", ""),
        "next_steps.company": FieldSpec("text", ""),
        "next_steps.talking_point": FieldSpec("text", ""),
        "next_steps.min_salary": _num(),
        "next_steps.min_holiday_days": _num(),
        "next_steps.min_home_days": _num(),
    }
    for side in OFFER_SIDES:
        for name, spec in _offer_fields().items():
            fields[f"{side}.{name}"] = spec
    for item in WEIGHTED:
        fields[f"weights.{item}"] = FieldSpec("int", 3, low=0, high=5)
    return fields


#: Every scalar input: dotted key -> spec. Widget keys in the app are these keys.
FIELDS: Final[Mapping[str, FieldSpec]] = _all_fields()

#: Table inputs: dotted key -> spec.
TABLES: Final[Mapping[str, TableSpec]] = {
    "numbers.points": TableSpec(
        {
            "amount": _num(),
            "per": _choice("year", PAY_PERIOD_CHOICES),
            "label": FieldSpec("text", ""),
        }
    ),
    "next_steps.contact_log": TableSpec(
        {
            "date": FieldSpec("date", None),
            "channel": _choice("email", ("email", "phone", "recruiter", "in person")),
            "direction": _choice("sent", ("sent", "received")),
            "note": FieldSpec("text", ""),
        }
    ),
}


@dataclass(frozen=True, slots=True)
class Scenario:
    """Every input of one session: scalar ``values`` and ``tables`` keyed by dotted field key.

    Build it with :meth:`from_dict` (validating) or :func:`default_scenario`; missing keys take
    their defaults, so ``values`` always holds every key of :data:`FIELDS`.

    >>> s = Scenario.from_dict({"offer_a": {"base_salary": 60000}})
    >>> s.values["offer_a.base_salary"], s.values["offer_b.base_salary"]
    (60000.0, None)
    >>> Scenario.from_dict(s.to_dict()) == s
    True
    """

    values: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.values, dict) or not isinstance(self.tables, dict):
            raise InputError("scenario", "values and tables must be mappings")
        unknown = sorted(map(repr, set(self.values) - set(FIELDS))) + sorted(
            map(repr, set(self.tables) - set(TABLES))
        )
        if unknown:
            raise InputError("scenario", f"has unknown fields: {', '.join(unknown)}")
        values = {
            key: spec.check(key, self.values.get(key, spec.default)) for key, spec in FIELDS.items()
        }
        tables = {key: spec.check(key, self.tables.get(key, [])) for key, spec in TABLES.items()}
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "tables", tables)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Scenario:
        """Validate the nested JSON form (``schema`` and ``version`` keys optional here).

        >>> Scenario.from_dict({"weights": {"base": 9}})
        Traceback (most recent call last):
        ...
        calculator.errors.InputError: weights.base must be between 0 and 5, got 9
        """
        if not isinstance(data, Mapping):
            raise InputError("scenario", f"must be a JSON object, got {type(data).__name__}")
        values: dict[str, Any] = {}
        tables: dict[str, Any] = {}
        for section, content in data.items():
            if section in ("schema", "version", "saved_at"):
                continue
            if not isinstance(content, Mapping):
                raise InputError(
                    "scenario",
                    f"section {section!r} must be an object, got {type(content).__name__}",
                )
            for name, value in content.items():
                key = f"{section}.{name}"
                if key in TABLES:
                    tables[key] = value
                elif key in FIELDS:
                    values[key] = value
                else:
                    raise InputError("scenario", f"has an unknown field {key!r}")
        return cls(values=values, tables=tables)

    def to_dict(self) -> dict[str, Any]:
        """Nested JSON-ready form with the schema name and version.

        >>> default_scenario().to_dict()["version"]
        1
        """
        out: dict[str, Any] = {"schema": SCHEMA, "version": SCHEMA_VERSION}
        for key, spec in FIELDS.items():
            section, name = key.split(".", 1)
            out.setdefault(section, {})[name] = spec.to_json(self.values[key])
        for key, table in TABLES.items():
            section, name = key.split(".", 1)
            out.setdefault(section, {})[name] = table.to_json(self.tables[key])
        return out

    def replace(self, **changes: Any) -> Scenario:
        """A copy with some scalar values changed (keys with dots given via ``**{...}``).

        >>> default_scenario().replace(**{"numbers.currency": "USD"}).values["numbers.currency"]
        'USD'
        """
        return Scenario(values={**self.values, **changes}, tables=dict(self.tables))


def default_scenario() -> Scenario:
    """Every field at its default (numbers mostly empty: "not stated").

    >>> default_scenario().values["numbers.current_hours"]
    37.5
    """
    return Scenario()


def dump_scenario(scenario: Scenario) -> str:
    """The scenario as JSON text (stable key order, so unchanged input gives identical text).

    >>> load_scenario(dump_scenario(example_scenario())) == example_scenario()
    True
    """
    if not isinstance(scenario, Scenario):
        raise InputError("scenario", f"must be a Scenario, got {type(scenario).__name__}")
    return json.dumps(scenario.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def load_scenario(raw: bytes | str) -> Scenario:
    """Parse and validate scenario JSON; raise InputError for anything not a valid v1 scenario.

    Rejected: more than :data:`MAX_BYTES`, not UTF-8, malformed or truncated JSON, not an
    object, another ``schema``, a ``version`` other than 1 (a future version gets its own
    message), unknown fields and wrong types.

    >>> load_scenario('{"schema": "offer-compass/scenario", "version": 2}')
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: version 2 is newer than this app understands (1): please update the app
    >>> load_scenario('{"schema": "offer-compass/scenario", "version": 1, "numbers": {')
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: file is not valid JSON (it may be cut short): Expecting property name enclosed in double quotes at line 1
    """
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    if not isinstance(raw, bytes):
        raise InputError("file", f"must be bytes or text, got {type(raw).__name__}")
    if len(raw) > MAX_BYTES:
        raise InputError(
            "file", f"is too large for a scenario ({len(raw):,} bytes; limit {MAX_BYTES:,})"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("file", "is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            "file", f"is not valid JSON (it may be cut short): {err.msg} at line {err.lineno}"
        ) from None
    except RecursionError:
        raise InputError("file", "is nested too deeply to be a scenario") from None
    if not isinstance(data, dict):
        raise InputError("file", f"must hold a JSON object, got {type(data).__name__}")
    if data.get("schema") != SCHEMA:
        raise InputError("schema", f"must be {SCHEMA!r}, got {data.get('schema')!r}")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise InputError("version", f"must be a whole number, got {version!r}")
    if version > SCHEMA_VERSION:
        raise InputError(
            "version",
            f"{version} is newer than this app understands ({SCHEMA_VERSION}): please update the app",
        )
    if version < 1:
        raise InputError("version", f"must be at least 1, got {version}")
    return Scenario.from_dict(data)


def data_home() -> Path:
    """The directory for the autosave: $OFFER_COMPASS_HOME, else $XDG_DATA_HOME/offer-compass,
    else ~/.local/share/offer-compass (XDG Base Directory default).

    >>> import os
    >>> os.environ["OFFER_COMPASS_HOME"] = "/tmp/oc-doc"
    >>> str(data_home())
    '/tmp/oc-doc'
    >>> del os.environ["OFFER_COMPASS_HOME"]
    """
    override = os.environ.get("OFFER_COMPASS_HOME")
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "offer-compass"


def autosave_path() -> Path:
    """Where the app keeps the current scenario between sessions: ``data_home()/autosave.json``.

    >>> autosave_path().name
    'autosave.json'
    """
    return data_home() / AUTOSAVE_NAME


def save_autosave(scenario: Scenario, path: Path | None = None) -> bool:
    """Write the scenario atomically (temp file in the same directory, then os.replace), only
    when the text differs from what is on disk; return whether it wrote.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "s.json"
    >>> save_autosave(default_scenario(), target), save_autosave(default_scenario(), target)
    (True, False)
    """
    target = path or autosave_path()
    text = dump_scenario(scenario)
    try:
        if target.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".autosave-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return True


def load_autosave(path: Path | None = None) -> Scenario | None:
    """The autosaved scenario, or ``None`` when there is none; InputError if it is unreadable.

    >>> import tempfile, pathlib
    >>> load_autosave(pathlib.Path(tempfile.mkdtemp()) / "none.json") is None
    True
    """
    target = path or autosave_path()
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise InputError("autosave", f"could not be read: {err.strerror}") from None
    return load_scenario(raw)


def example_scenario(today: dt.date | None = None) -> Scenario:
    """A worked example: a UK software developer on £52,000 choosing between a London fintech
    and a Manchester scale-up. Figures are illustrative but realistic for 2025. The interview is
    ``today`` (default: the real today), the promised decision a week later.

    >>> s = example_scenario()
    >>> s.values["offer_a.name"], s.values["offer_b.name"]
    ('London fintech', 'Manchester scale-up')
    """
    if today is not None and (not isinstance(today, dt.date) or isinstance(today, dt.datetime)):
        raise InputError("today", f"must be a date, got {type(today).__name__}")
    day = today or dt.date.today()
    values: dict[str, Any] = {
        "numbers.currency": "GBP",
        "numbers.current_salary": 52000.0,
        "numbers.current_per": "year",
        "numbers.current_hours": 37.5,
        "numbers.new_hours": 37.5,
        "numbers.extra_travel_cost": 1200.0,
        "numbers.uplift_pct": 5.0,
        "numbers.personal_minimum": 54000.0,
        "numbers.market_source": "points",
        "numbers.expertise": "expert",
        "numbers.target": 64000.0,
        "numbers.role": "senior software developer",
        "numbers.contact_name": "Priya",
        "offer_a.name": "London fintech",
        "offer_a.base_salary": 68000.0,
        "offer_a.bonus_target_pct": 10.0,
        "offer_a.bonus_payout_pct": 80.0,
        "offer_a.sign_on": 5000.0,
        "offer_a.sign_on_repay_months": 12.0,
        "offer_a.raise_pct": 3.0,
        "offer_a.equity_kind": "rsu",
        "offer_a.equity_grant_value": 40000.0,
        "offer_a.equity_schedule": "standard",
        "offer_a.holiday_days": 25.0,
        "offer_a.pension_type": "percent",
        "offer_a.pension_employer_pct": 5.0,
        "offer_a.pension_employee_pct": 5.0,
        "offer_a.health_care": 1044.0,
        "offer_a.gym": 480.0,
        "offer_a.home_days": 2.0,
        "offer_a.commute_cost": 14.0,
        "offer_a.commute_minutes": 100.0,
        "offer_a.place_kind": "custom",
        "offer_a.place_index": 112.0,
        "offer_a.tax_country": "GB",
        "offer_a.tax_region": "england",
        "offer_a.factor_culture": 3,
        "offer_a.factor_growth": 4,
        "offer_a.factor_commute": 2,
        "offer_a.factor_security": 4,
        "offer_a.factor_flexibility": 3,
        "offer_b.name": "Manchester scale-up",
        "offer_b.base_salary": 62000.0,
        "offer_b.relocation": 3000.0,
        "offer_b.raise_pct": 4.0,
        "offer_b.equity_kind": "option",
        "offer_b.equity_shares": 8000.0,
        "offer_b.equity_strike": 2.0,
        "offer_b.equity_bear_price": 1.0,
        "offer_b.equity_base_price": 4.0,
        "offer_b.equity_bull_price": 10.0,
        "offer_b.equity_schedule": "standard",
        "offer_b.holiday_days": 28.0,
        "offer_b.pension_type": "percent",
        "offer_b.pension_employer_pct": 6.0,
        "offer_b.pension_employee_pct": 4.0,
        "offer_b.home_days": 4.0,
        "offer_b.commute_cost": 9.0,
        "offer_b.commute_minutes": 50.0,
        "offer_b.study_funding": 1500.0,
        "offer_b.study_days": 5.0,
        "offer_b.place_kind": "custom",
        "offer_b.place_index": 95.0,
        "offer_b.tax_country": "GB",
        "offer_b.tax_region": "england",
        "offer_b.factor_culture": 4,
        "offer_b.factor_growth": 4,
        "offer_b.factor_commute": 4,
        "offer_b.factor_security": 3,
        "offer_b.factor_flexibility": 5,
        "next_steps.interview_date": day,
        "next_steps.decision_date": day + dt.timedelta(days=7),
        "next_steps.promised_date": day + dt.timedelta(days=2),
        "next_steps.company": "Manchester scale-up",
        "next_steps.interviewer": "Sam",
        "next_steps.talking_point": "how the team moved payments onto event streaming",
        "next_steps.promised_items": "a short code sample",
        "next_steps.min_salary": 58000.0,
        "next_steps.min_holiday_days": 25.0,
        "next_steps.min_home_days": 2.0,
    }
    tables = {
        "numbers.points": [
            {"amount": 58000.0, "per": "year", "label": "salary guide, London"},
            {"amount": 62000.0, "per": "year", "label": "job ad, fintech"},
            {"amount": 65000.0, "per": "year", "label": "job ad, bank"},
            {"amount": 5000.0, "per": "month", "label": "recruiter quote"},
            {"amount": 55000.0, "per": "year", "label": "job ad, Manchester"},
            {"amount": 70000.0, "per": "year", "label": "friend's offer"},
            {"amount": 78000.0, "per": "year", "label": "recruiter, senior role"},
        ]
    }
    return Scenario(values=values, tables=tables)
