"""Next steps: the follow-up plan, messages to send, offer-letter checks and the contact log."""

from __future__ import annotations

import streamlit as st

from app_pages import _next_results as results
from app_pages import state
from app_pages.widgets import (
    checkbox,
    choice,
    date,
    money_input,
    number,
    table,
    text,
)

inputs = state.inputs()
plan = results.the_plan(inputs)
found = results.context(inputs)
st.title("Next steps")
st.caption("A calm plan for after the interview: when to write, what to say, what to check.")

left, right = st.columns(2, gap="large")
with left:
    st.subheader("The interview")
    a, b = st.columns(2)
    with a:
        date("next_steps.interview_date", "Interview date", "The day of your interview.")
    with b:
        date(
            "next_steps.decision_date",
            "They'll decide by",
            "The date they said you would hear by. Leave empty if they didn't say.",
        )
    a, b = st.columns(2)
    with a:
        text("next_steps.company", "Employer", "Used in the messages.")
    with b:
        text("next_steps.interviewer", "Interviewer", "First name, for the thank-you note.")
    text(
        "next_steps.talking_point",
        "One thing you talked about",
        "A specific point from the conversation to mention in your thank-you note.",
    )
with right:
    st.subheader("How to follow up")
    choice(
        "next_steps.contact_method",
        "They prefer",
        "How the employer likes to be contacted.",
        {"email": "Email", "phone": "Phone", "recruiter": "Through the recruiter"},
        options=["email", "phone", "recruiter"],
        horizontal=True,
    )
    checkbox(
        "next_steps.agency",
        "I applied through an agency",
        "Then give your recruitment consultant feedback while it is fresh.",
    )
    a, b = st.columns(2)
    with a:
        text(
            "next_steps.promised_items",
            "Something you promised to send",
            "E.g. a work sample or documents. Leave empty if nothing.",
        )
    with b:
        date("next_steps.promised_date", "Promised by", "When you said you would send it.")
    choice(
        "next_steps.patience",
        "How long to wait before chasing",
        "After their decision date: check in the next working day, or give them a few more "
        "days or a week. Some advise waiting longer; it's your call.",
        {
            "next_working_day": "Next working day",
            "several_days": "A few days",
            "a_week": "A week",
        },
        options=["next_working_day", "several_days", "a_week"],
    )

results.plan_section(plan)
results.messages_section(inputs, found)

st.divider()
st.subheader("Your acceptance terms")
st.caption("Your must-haves, decided before any offer arrives.")
a, b, c = st.columns(3)
with a:
    money_input("next_steps.min_salary", "Minimum salary", "The least base salary you'd accept.")
with b:
    number("next_steps.min_holiday_days", "Minimum holiday days", "Fewest days off you'd accept.")
with c:
    number("next_steps.min_home_days", "Minimum home days a week", "Fewest home-working days.")
results.acceptance_section(inputs, found)

st.divider()
st.subheader("Contact log")
table(
    "next_steps.contact_log",
    {
        "date": st.column_config.DateColumn("Date", format="DD/MM/YYYY"),
        "channel": st.column_config.SelectboxColumn(
            "How", options=["email", "phone", "recruiter", "in person"]
        ),
        "direction": st.column_config.SelectboxColumn(
            "Sent or received", options=["sent", "received"]
        ),
        "note": st.column_config.TextColumn("Note", max_chars=20_000),
    },
    label="Contact log",
    help="Keep track of every message and call, so you know when to follow up next.",
)
st.caption("Your log moves the plan on: sent check-ins are ticked off, a reply ends chasing.")
