"""Message templates: filled from the details given, natural when details are missing."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.errors import InputError
from calculator.messages import MESSAGE_TITLES, MessageDetails, message_templates, message_text

D = dt.date
FULL = MessageDetails(
    candidate_name="Priya Shah",
    contact_name="Ms Okafor",
    company="Acme Analytics",
    role="Data Analyst",
    interview_date=D(2025, 6, 12),
    specific_point="the new reporting pipeline.",
    decision_date=D(2025, 6, 16),
    currency="GBP",
    counter_low=33_000,
    counter_high=36_000,
    counter_phrase="around the mid-thirties",
    asks=("Acme Analytics: a sign-on bonus of £2,000", "two more days of holiday a year"),
    competing_company="Beta Ltd",
    deadline=D(2025, 6, 20),
    reference_name="Tom",
    recruiter_name="Jo",
    promised_item="a code sample",
)


def texts(details=None):
    return {key: text for key, _, text in message_templates(details)}


# Signs of a badly filled template: placeholders, None, empty greetings, doubled spaces or
# punctuation left behind by a missing value, a space before punctuation.
BAD = re.compile(
    r"\{|\}|\bNone\b|Dear ,|Hi ,|Hello ,|  | [,.;:]|\.\.|,,|\bat \.|\bthe  role|\bfor \.|\(\)"
)


def test_order_and_titles():
    items = message_templates(FULL)
    assert [k for k, _, _ in items] == list(MESSAGE_TITLES)
    assert [t for _, t, _ in items] == list(MESSAGE_TITLES.values())


def test_full_details_fill_every_template():
    m = texts(FULL)
    for key, text in m.items():
        assert not BAD.search(text), (key, text)
    assert m["thank_you"].startswith("Dear Ms Okafor,\n\n")
    assert m["thank_you"].endswith("Best regards,\nPriya Shah")
    assert (
        "meeting me on Thursday 12 June to talk about the Data Analyst role at Acme "
        in (m["thank_you"])
    )
    # Trailing full stop of the user's point is dropped so the sentence continues cleanly.
    assert "discussing the new reporting pipeline, and it made me" in m["thank_you"]
    assert "decide by Monday 16 June" in m["thank_you"]
    assert "when I might expect" not in m["thank_you"]  # date known: no need to ask
    assert m["reference_heads_up"].startswith("Hi Tom,")
    assert m["agency_feedback"].startswith("Hi Jo,")
    assert "please find attached a code sample for the Data Analyst role" in m["promised_item"]
    assert (
        "another offer from Beta Ltd and need to reply by Friday 20 June" in (m["competing_offer"])
    )
    assert "The Data Analyst role at Acme Analytics remains my first choice" in m["competing_offer"]
    assert "come back to you by Friday 20 June" in m["offer_in_writing"]
    # Counter: the figures through format_money; the asks as bullets, company prefix dropped.
    assert "a base salary of £33,000 to £36,000." in m["counter_offer"]
    assert (
        "\n- a sign-on bonus of £2,000\n- two more days of holiday a year\n" in (m["counter_offer"])
    )
    assert m["status_voicemail"].startswith(
        "Hello Ms Okafor, this is Priya Shah, calling about the Data Analyst role at Acme"
    )
    assert "feedback" in m["rejection_reply"]
    assert "stay in touch" in m["rejection_reply"]
    assert "future openings at Acme Analytics." in m["rejection_reply"]


def test_no_details_at_all_reads_naturally():
    m = texts()
    for key, text in m.items():
        assert not BAD.search(text), (key, text)
        assert "the role" in text.lower(), key
    assert m["thank_you"] == (
        "Hello,\n\nThank you for meeting me to talk about the role. Our conversation made me "
        "even keener to join the team.\n\nCould you let me know when I might expect to hear "
        "about the next step?\n\nBest regards,"
    )
    assert m["status_voicemail"].startswith("Hello, I am calling about the role.")
    assert "a higher base salary." in m["counter_offer"]
    assert "less room" not in m["counter_offer"]  # no asks, no empty list
    assert "The role remains my first choice" in m["competing_offer"]
    assert "reply soon." in m["competing_offer"]
    assert "what I promised when we met" in m["promised_item"]


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        # Equal figures show once.
        (MessageDetails(counter_low=35_000, counter_high=35_000), "a base salary of £35,000."),
        (MessageDetails(counter_low=35_000), "a base salary of £35,000."),
        (MessageDetails(counter_high=120_000, currency="USD"), "a base salary of $120,000."),
        # Only the phrase: "around ..." joins directly, anything else takes "of".
        (
            MessageDetails(counter_phrase="around the mid-thirties"),
            "a base salary around the mid-thirties.",
        ),
        (MessageDetails(counter_phrase="€55k to €58k"), "a base salary of €55k to €58k."),
        # Figures win over the phrase.
        (
            MessageDetails(counter_low=50_000, counter_high=52_000, counter_phrase="around 51k"),
            "a base salary of £50,000 to £52,000.",
        ),
    ],
)
def test_counter_offer_salary_wording(details, expected):
    assert expected in message_text("counter_offer", details)


def test_message_text_matches_message_templates():
    m = texts(FULL)
    for key in MESSAGE_TITLES:
        assert message_text(key, FULL) == m[key]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"company": 5}, "company"),
        ({"interview_date": "2025-06-12"}, "interview_date"),
        ({"deadline": 20250620}, "deadline"),
        ({"counter_low": -1}, "counter_low"),
        ({"counter_low": 0}, "counter_low"),
        ({"counter_high": float("nan")}, "counter_high"),
        ({"counter_low": True}, "counter_low"),
        ({"counter_low": 1e19}, "counter_low"),
        ({"counter_low": 40_000, "counter_high": 30_000}, "counter_high"),
        ({"currency": "XYZ"}, "currency"),
        ({"currency": 826}, "currency"),
        ({"asks": "more money"}, "asks"),
        ({"asks": [1, 2]}, "asks"),
    ],
)
def test_bad_details(kwargs, field):
    with pytest.raises(InputError) as err:
        MessageDetails(**kwargs)
    assert err.value.field == field


def test_bad_key_and_details():
    with pytest.raises(InputError) as err:
        message_text("love_letter")
    assert err.value.field == "key"
    with pytest.raises(InputError) as err:
        message_templates({"company": "Acme"})
    assert err.value.field == "details"


def test_currency_none_means_the_default():
    assert MessageDetails(currency=None, counter_low=40_000).currency == "GBP"
    assert "£40,000" in message_text(
        "counter_offer", MessageDetails(currency=None, counter_low=40_000)
    )


def test_blank_text_counts_as_missing():
    d = MessageDetails(contact_name="   ", company="\t", specific_point=" . ")
    assert (d.contact_name, d.company) == (None, None)
    assert message_text("thank_you", d).startswith("Hello,")
    assert "Our conversation made me" in message_text("thank_you", d)


# --- every subset of the details ----------------------------------------------------------

NAMES = st.sampled_from(["Sam", "Ms Okafor", "Dr Li", "Jo-Anne O'Neil", "Ana María"])
COMPANIES = st.sampled_from(["Acme", "Beta Ltd", "Ørsted", "J. P. Example & Co"])
ROLES = st.sampled_from(["Data Analyst", "Nurse", "Senior Engineer"])
POINTS = st.sampled_from(["the team's roadmap", "your data platform.", "mentoring", "."])
DATES = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))
AMOUNTS = st.floats(min_value=1_000, max_value=500_000, allow_nan=False)
ASKS = st.lists(st.sampled_from(["a sign-on bonus", "Acme: one more home day", "  ", ""]))
MESSY = st.sampled_from(["", " ", "  padded  ", "\n"])


@st.composite
def details(draw):
    chosen = {
        "candidate_name": draw(st.none() | NAMES),
        "contact_name": draw(st.none() | NAMES),
        "company": draw(st.none() | COMPANIES),
        "role": draw(st.none() | ROLES),
        "interview_date": draw(st.none() | DATES),
        "specific_point": draw(st.none() | POINTS),
        "decision_date": draw(st.none() | DATES),
        "currency": draw(st.sampled_from(["GBP", "USD", "EUR"])),
        "counter_phrase": draw(st.none() | st.just("around the mid-thirties")),
        "asks": tuple(draw(ASKS)),
        "competing_company": draw(st.none() | COMPANIES),
        "deadline": draw(st.none() | DATES),
        "reference_name": draw(st.none() | NAMES | MESSY),
        "recruiter_name": draw(st.none() | NAMES | MESSY),
        "promised_item": draw(st.none() | st.just("the slides") | MESSY),
    }
    low = draw(st.none() | AMOUNTS)
    high = draw(st.none() | AMOUNTS)
    if low is not None and high is not None and high < low:
        low, high = high, low
    chosen["counter_low"], chosen["counter_high"] = low, high
    return MessageDetails(**chosen)


@given(d=details())
def test_any_subset_of_details_reads_naturally(d):
    for key, title, text in message_templates(d):
        assert title
        assert not BAD.search(text), (key, text)
        assert text == text.strip()
        assert "\n\n\n" not in text
        assert not any(line != line.strip() for line in text.splitlines()), (key, text)
        # Every message names the role and the company when they are given.
        if d.company:
            assert d.company in text, key
        if d.role:
            assert d.role in text, key
    m = texts(d)
    if d.contact_name:
        assert m["thank_you"].startswith(f"Dear {d.contact_name},")
    else:
        assert m["thank_you"].startswith("Hello,\n")
    if d.candidate_name:
        assert m["decline"].endswith(f"Best regards,\n{d.candidate_name}")
    assert ("when I might expect" in m["thank_you"]) == (d.decision_date is None)
    for ask in d.asks:
        assert f"- {ask}" in m["counter_offer"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Data Analyst", "the Data Analyst role at Acme"),
        ("Data Analyst position", "the Data Analyst position at Acme"),  # no "position role"
        ("the Platform Lead job", "the Platform Lead job at Acme"),  # no "the the"
    ],
)
def test_role_title_is_not_doubled(role, expected):
    texts = [t for _, _, t in message_templates(MessageDetails(role=role, company="Acme"))]
    assert any(expected in t for t in texts)
    assert not any("position role" in t or "the the" in t or "job role" in t for t in texts)
