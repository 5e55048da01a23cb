"""Hostile input over the whole public core API: a valid result or InputError, nothing else.

Every public callable re-exported by ``calculator`` (functions, and the constructors and named
constructors of its value types) is called with arguments drawn from a pool mixing plausible
values, valid domain objects and garbage: negatives, NaN, infinities, 1e300, empty and odd
strings, wrong types, None. Anything but a normal return or :class:`InputError` fails the test,
so a TypeError or ZeroDivisionError leaking from deep inside is caught here.

With HYPOTHESIS_PROFILE=ci each callable gets 400 cases (well over 10,000 in all).
"""

from __future__ import annotations

import datetime as dt
import inspect
import math
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculator
from calculator import InputError

# Names that are not callables taking user input (types used only in annotations, constants).
_NOT_CALLED = {"PayPeriod", "Expertise", "PAY_PERIODS"}


def _public_callables() -> list[tuple[str, Callable[..., Any]]]:
    found = []
    for name in sorted(calculator.__all__):
        if name in _NOT_CALLED:
            continue
        obj = getattr(calculator, name)
        if not callable(obj) or (isinstance(obj, type) and issubclass(obj, BaseException)):
            continue
        if getattr(obj, "__origin__", None) is not None:  # typing aliases such as Literal[...]
            continue
        if isinstance(obj, type):
            # Input types (the ones a user or a saved file builds) have a from_dict named
            # constructor: both ways in are tested. Result types are only made by the core.
            if callable(getattr(obj, "from_dict", None)):
                found += [(name, obj), (f"{name}.from_dict", obj.from_dict)]
            continue
        found.append((name, obj))
    return found


GARBAGE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 1e12, 1e300, -0.0, 0.5, 1.5, 100, 12_345.67]),
    st.text(max_size=30),
    st.sampled_from(["", "  ", "year", "month", "hour", "GBP", "USD", "CA", "scotland", "expert"]),
    st.lists(st.integers(min_value=-5, max_value=200_000), max_size=5),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
)
PLAUSIBLE_MONEY = st.floats(min_value=0, max_value=500_000, allow_nan=False)


def _valid_objects() -> list[Any]:
    """A few genuine domain values, so calls get past the first type check now and then."""
    objects: list[Any] = []
    bands = calculator.salary_bands(current_salary=28_000, going_rate=30_000, target=30_000)
    objects += [
        bands,
        calculator.counter_range(target=30_000, bottom_line=28_000, top_salary=40_000),
    ]
    objects += [{10: 20_000, 25: 25_000, 50: 30_000, 75: 36_000, 90: 44_000}]
    objects += [[28_000, 31_000, 30_500], dt.date(2026, 11, 19)]
    a = calculator.Offer(
        "A",
        52_000,
        bonus=calculator.Bonus(0.1),
        holiday_days=25,
        pension=calculator.Pension(employer_rate=0.03, basis="qualifying_earnings"),
        equity=(calculator.EquityGrant("rsu", grant_value=20_000),),
        tax=calculator.TaxProfile("GB", 2025),
        factors={"culture": 4},
    )
    b = calculator.Offer("B", 55_000, home_working=calculator.HomeWorking(2, commute_cost=12))
    objects += [a, b, [a, b], (a,), calculator.Place.state("CA"), a.to_dict()]
    return objects


VALUE = st.one_of(GARBAGE, PLAUSIBLE_MONEY, st.sampled_from(_valid_objects()))


def _call_with(func: Callable[..., Any], data: st.DataObject) -> None:
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):  # builtins without a signature
        return
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for param in signature.parameters.values():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        required = param.default is inspect.Parameter.empty
        if not required and not data.draw(st.booleans(), label=f"give {param.name}"):
            continue
        value = data.draw(VALUE, label=param.name)
        if param.kind is param.POSITIONAL_ONLY:
            args.append(value)
        else:
            kwargs[param.name] = value
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = func(*args, **kwargs)
        except InputError as error:
            assert error.field, "an InputError must name its field"  # noqa: PT017
            return
    _assert_finite_numbers(result)


def _assert_finite_numbers(result: Any) -> None:
    """Numbers a valid call returns are finite (no NaN or infinity slips through as a result)."""
    fields = getattr(result, "__dataclass_fields__", None)
    values = (
        [getattr(result, name) for name in fields]
        if fields
        else [result]
        if isinstance(result, float)
        else []
    )
    for value in values:
        if isinstance(value, float):
            assert math.isfinite(value), f"non-finite number in {result!r}"


@pytest.mark.parametrize(
    ("name", "func"), _public_callables(), ids=lambda v: v if isinstance(v, str) else ""
)
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_public_api_returns_or_raises_input_error(name, func, data):
    _call_with(func, data)


def test_the_api_under_test_is_not_empty():
    # Guards against the parametrisation silently collecting nothing.
    assert len(_public_callables()) >= 15
