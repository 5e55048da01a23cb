"""Market data: the shipped BLS OEWS May 2025 tables, search, percentiles and state figures."""

from __future__ import annotations

import csv
import gzip
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator import InputError
from calculator._data import data_dir
from calculator.bands import interpolate_percentile, salary_bands
from calculator.market import (
    MARKET_CREDIT,
    MarketPercentiles,
    occupation_percentiles,
    occupation_title,
    percentile_of,
    search_occupations,
    states,
)


def _rows(name):
    path = data_dir() / name
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_shipped_tables_have_the_published_row_counts():
    national = _rows("oews_national_may2025.csv")
    assert len(national) == 1_104  # total + groups + 830 detailed (shared/data/README.md)
    assert sum(r["O_GROUP"] == "detailed" for r in national) == 830
    assert len(_rows("oews_state_may2025.csv.gz")) == 36_168
    assert len(states()) == 54  # 50 states, DC, Guam, Puerto Rico, Virgin Islands


@pytest.mark.parametrize(
    ("code", "state", "median"),
    [
        ("15-1252", None, 135_980),  # Software Developers, national
        ("29-1141", None, 97_550),  # Registered Nurses, national
        ("29-1141", "California", 140_270),  # state figures are the state's own
        ("29-1141", "CA", 140_270),  # by two-letter code too
    ],
)
def test_known_medians(code, state, median):
    assert occupation_percentiles(code, state)[50] == median


def test_percentiles_are_the_five_published_points_in_order():
    p = occupation_percentiles("15-1252")
    assert list(p) == [10, 25, 50, 75, 90]
    assert list(p.values()) == sorted(p.values())


def test_missing_values_are_left_out_not_zero():
    national = _rows("oews_national_may2025.csv")
    # BLS writes "-" where it published no figure (shared/data/README.md)
    hourly_only = [r for r in national if r["O_GROUP"] == "detailed" and r["A_MEDIAN"] == "-"]
    assert len(hourly_only) == 5  # performers paid by the hour: actors, dancers, musicians...
    actors = next(r for r in hourly_only if r["OCC_CODE"] == "27-2011")
    p = occupation_percentiles("27-2011")
    assert p[50] == pytest.approx(float(actors["H_MEDIAN"]) * 2_080)  # hourly x 2,080
    for key, column in zip(
        (10, 25, 50, 75, 90), ("H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90"), strict=True
    ):
        if actors[column] == "-":
            assert key not in p  # not published: left out, never a zero
    annual_only = [r for r in national if r["O_GROUP"] == "detailed" and r["H_MEDIAN"] == "-"]
    assert len(annual_only) == 58
    assert occupation_percentiles(annual_only[0]["OCC_CODE"])[50] == float(
        annual_only[0]["A_MEDIAN"]
    )


def test_hourly_only_occupations_say_they_were_converted():
    p = occupation_percentiles("27-2011")  # Actors: BLS publishes hourly wages only
    assert p.area == "United States"
    assert len(p.notes) == 1
    assert "2,080" in p.notes[0]
    assert occupation_percentiles("15-1252").notes == ()  # annual as published: nothing to say


def test_top_coded_state_percentile_is_left_out_with_a_note():
    # Athletes in California: the state file has P10..P75 but an empty P90, which the BLS
    # release flags as top-coded (footnote 5); shipped row: 40,120 / 65,780 / 79,040 / 149,490
    p = occupation_percentiles("27-2021", "California")
    assert p.to_dict() == {10: 40_120, 25: 65_780, 50: 79_040, 75: 149_490}
    assert p.missing == (90,)
    assert 90 not in p
    assert "top-codes" in p.notes[0]
    assert "$149,490" in p.notes[0]


def test_state_row_with_nothing_published_points_to_national():
    # Web Developers in Alabama: the state file has the row but every percentile is empty
    row = next(
        r
        for r in _rows("oews_state_may2025.csv.gz")
        if r["AREA_TITLE"] == "Alabama" and r["OCC_CODE"] == "15-1254"
    )
    assert row["A_MEDIAN"] == ""
    with pytest.raises(InputError, match="national figures") as info:
        occupation_percentiles("15-1254", "AL")
    assert info.value.field == "state"
    assert occupation_percentiles("15-1254")[50] > 0  # the national figures exist


def test_result_is_a_read_only_mapping_with_its_identity():
    p = occupation_percentiles("29-1141", "ca")
    assert isinstance(p, MarketPercentiles)
    assert (p.code, p.title, p.area) == ("29-1141", "Registered Nurses", "California")
    # shipped state row: California,06,29-1141,338940,101260,122440,140270,173170,213320
    expected = {10: 101_260, 25: 122_440, 50: 140_270, 75: 173_170, 90: 213_320}
    assert p == expected  # compares like a dict
    assert p.to_dict() == expected
    with pytest.raises(KeyError):
        p[60]


@pytest.mark.parametrize(
    ("state", "name"),
    [("PR", "Puerto Rico"), ("gu", "Guam"), ("Virgin Islands", "Virgin Islands"), ("dc", None)],
)
def test_territories_and_codes_are_accepted(state, name):
    hits = search_occupations("registered nurse", state=state, limit=1)
    assert hits[0].code == "29-1141"
    if name == "Puerto Rico":
        assert occupation_percentiles("29-1141", state).area == name


def test_state_without_the_occupation_says_so():
    # Fashion designers are not published in every state: find one state without them
    covered = {
        r["AREA_TITLE"] for r in _rows("oews_state_may2025.csv.gz") if r["OCC_CODE"] == "27-1022"
    }
    missing = sorted(set(states()) - covered)
    assert missing
    with pytest.raises(InputError) as info:
        occupation_percentiles("27-1022", missing[0])
    assert "national" in str(info.value)


# (query, expected SOC code, how high it must rank: 1 = first)
SEARCHES = [
    ("software engineer", "15-1252", 1),
    ("Software Developer", "15-1252", 1),
    ("sofware develper", "15-1252", 1),  # typos
    ("developer software", "15-1252", 1),  # word order
    ("nurse", "29-1141", 1),  # Registered Nurses first by employment
    ("registerd nurse", "29-1141", 1),
    ("accountnt", "13-2011", 1),
    ("truck driver", "53-3032", 1),
    ("teacher", "25-2021", 3),
    ("data scientist", "15-2051", 1),
    ("cashier", "41-2011", 1),
    ("electrician", "47-2111", 1),
    ("pharmacist", "29-1051", 1),
    ("lawyer", "23-1011", 1),
    ("mechanic", "49-3023", 1),
    ("financial analyst", "13-2051", 1),
    ("project manager", "13-1082", 1),
    ("web developer", "15-1254", 1),
    ("dentist", "29-1021", 1),
    ("plumber", "47-2152", 1),
    ("chef", "35-1011", 1),
    ("marketing manager", "11-2021", 1),
    ("hr manager", "11-3121", 1),
    ("registred nurce", "29-1141", 1),  # two typos
    ("truck drivr", "53-3032", 1),  # heavy trucks employ more than light (2.2m vs 1.0m)
    ("DATA SCIENTIST", "15-2051", 1),  # case
    ("attorney", "23-1011", 1),  # synonym
    ("marketing director", "11-2021", 1),  # director -> managers
    ("it manager", "11-3021", 1),  # Computer and Information Systems Managers
    ("ux designer", "15-1255", 1),  # Web and Digital Interface Designers
    ("software qa", "15-1253", 1),  # Software Quality Assurance Analysts and Testers
    ("civil engineer", "17-2051", 1),  # engineer must still find real engineers
    ("elementary teacher", "25-2021", 1),
    ("waiter", "35-3031", 1),
    ("janitor", "37-2011", 1),
]


@pytest.mark.parametrize(("query", "code", "within"), SEARCHES)
def test_search_ranking(query, code, within):
    codes = [m.code for m in search_occupations(query, limit=within)]
    assert code in codes, (query, codes)


def test_search_in_a_state_uses_state_employment():
    national = search_occupations("registered nurse", limit=1)[0]
    texas = search_occupations("registered nurse", state="TX", limit=1)[0]
    assert texas.code == national.code == "29-1141"
    assert 0 < texas.employment < national.employment


@pytest.mark.parametrize("query", ["", "   ", "!!!", "x" * 10_000, "🙂 nurse ☕", "the and of"])
def test_odd_queries_never_crash_and_stay_fast(query):
    start = time.perf_counter()
    result = search_occupations(query)
    assert time.perf_counter() - start < 1.0
    assert isinstance(result, list)


@pytest.mark.parametrize(
    "call",
    [
        lambda: occupation_title("99-9999"),
        lambda: occupation_title(151252),
        lambda: occupation_percentiles("15-1252", "Atlantis"),
        lambda: occupation_percentiles("15-1252", ""),
        lambda: occupation_percentiles("15-1252", 6),
        lambda: search_occupations(None),
        lambda: search_occupations(b"nurse"),
        lambda: search_occupations("nurse", limit=0),
        lambda: search_occupations("nurse", limit=1.5),
        lambda: search_occupations("nurse", state="Narnia"),
    ],
)
def test_bad_codes_states_and_arguments_are_input_errors(call):
    with pytest.raises(InputError):
        call()


@given(st.text(max_size=300), st.integers(1, 20))
def test_search_never_crashes_and_ranks_by_score(query, limit):
    hits = search_occupations(query, limit=limit)
    assert len(hits) <= limit
    assert all(0.0 <= m.score <= 1.0 for m in hits)
    assert [m.score for m in hits] == sorted((m.score for m in hits), reverse=True)


@pytest.mark.parametrize(
    ("salary", "value", "label"),
    [
        (50_000, 50.0, "P50"),
        (60_000, 70.0, "P70"),  # halfway from P50 (50,000) to P90 (70,000)
        (40_000, 10.0, "P10"),
        (39_999, None, "below P10"),
        (70_001, None, "above P90"),
    ],
)
def test_percentile_of(salary, value, label):
    where = percentile_of(salary, {10: 40_000, 50: 50_000, 90: 70_000})
    assert where.label == label
    assert where.value == (None if value is None else pytest.approx(value))


def test_percentile_of_on_real_data_and_other_ends():
    # Registered Nurses nationally: halfway between P50 (97,550) and P75 sits at P62.5
    p = occupation_percentiles("29-1141")
    assert percentile_of((p[50] + p[75]) / 2, p).value == pytest.approx(62.5)  # 50 + 25 / 2
    # a table without P10/P90 names its own ends
    assert percentile_of(1, {25: 10, 75: 20}).label == "below P25"
    assert percentile_of(21, {25: 10, 75: 20}).label == "above P75"
    # a flat stretch: the lowest percentile with that amount
    assert percentile_of(10, {10: 10, 25: 10, 50: 20}).value == 10


@pytest.mark.parametrize(
    ("salary", "percentiles"),
    [
        (-1, {10: 40_000}),
        (float("nan"), {10: 40_000}),
        ("50000", {10: 40_000}),
        (50_000, {}),
        (50_000, [40_000]),
        (50_000, {0: 40_000}),
        (50_000, {100: 40_000}),
        (50_000, {"10": 40_000}),
        (50_000, {True: 40_000}),
        (50_000, {10: 0}),
        (50_000, {10: float("inf")}),
        (50_000, {10: 50_000, 50: 40_000}),  # falls as the percentile rises
    ],
)
def test_percentile_of_rejects_bad_input(salary, percentiles):
    with pytest.raises(InputError):
        percentile_of(salary, percentiles)


@given(st.floats(10, 90))
def test_percentile_of_inverts_interpolate_percentile(p):
    # bands.interpolate_percentile gives the amount at p; percentile_of must give p back
    table = occupation_percentiles("15-1252")
    assert percentile_of(interpolate_percentile(table, p), table).value == pytest.approx(p)


@given(st.floats(0, 400_000))
def test_percentile_of_is_monotone_on_real_data(salary):
    p = occupation_percentiles("15-1252")
    a, b = percentile_of(salary, p), percentile_of(salary + 1_000, p)
    if a.value is not None and b.value is not None:
        assert b.value >= a.value


def test_levels_from_market_data():
    # an expert's going rate = P67 (DOL Level IV) = P50 + 17/25 x (P75 - P50)
    # = 135,980 + 0.68 x 36,000 = 160,460; top salary = P90 (docs/domain.md section 1)
    p = occupation_percentiles("15-1252")
    bands = salary_bands(current_salary=120_000, percentiles=p, expertise="expert")
    assert bands.going_rate == pytest.approx(160_460)
    assert bands.top_salary == p[90]
    assert "BLS" in MARKET_CREDIT or "Bureau of Labor Statistics" in MARKET_CREDIT
