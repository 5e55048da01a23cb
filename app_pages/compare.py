"""Compare offers: two offers side by side, weights, then totals, verdicts and charts."""

from __future__ import annotations

import streamlit as st

from app_pages import _compare_results as results
from app_pages._offer_form import offer_form, weights_form
from app_pages._state import checkbox, result_section, slider

st.title("Compare offers")
st.caption(
    "Fill in what each offer says. Leave a box empty when the offer doesn't state it: "
    "'not stated' is different from zero, and becomes a question to ask."
)

tax_years, states = results.choices()
left, right = st.columns(2, gap="large")
with left:
    offer_form("offer_a", "Offer A", tax_years, states)
with right:
    offer_form("offer_b", "Offer B", tax_years, states)

with st.expander("What matters to you (weights)"):
    weights_form()

st.divider()
st.header("Results")
a, b, c = st.columns(3)
with a:
    slider("compare.years", "Years to project", "Totals over this many years (default 4).")
with b:
    checkbox(
        "compare.view_net",
        "Show take-home (net) pay",
        "Off: figures before tax (gross). On: after income tax and other deductions, where a "
        "tax country is set for the offer.",
        toggle=True,
    )
with c:
    checkbox(
        "compare.same_money",
        "Adjust for cost of living",
        "Off: the money as paid (nominal). On: what it buys where each job is (same money), "
        "using each offer's place.",
        toggle=True,
    )

with result_section(results.FIELDS):
    results.show()
