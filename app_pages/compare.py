"""Compare offers: the offers side by side, weights, then totals, verdicts and charts."""

from __future__ import annotations

import streamlit as st

from app_pages import _compare_results as results
from app_pages import state
from app_pages._offer_form import offer_form, weights_form
from app_pages.models import offer_label
from app_pages.widgets import checkbox, slider


def page() -> None:
    """The offers are built first, so a message about a field appears right under it."""
    inputs = state.inputs()
    built = results.core_offers(inputs)
    st.title("Compare offers")
    st.caption(
        "Fill in what each offer says. Leave a box empty when the offer doesn't state it: "
        "'not stated' is different from zero, and becomes a question to ask."
    )
    tax_years, states = results.choices()
    columns = st.columns(len(inputs.offers), gap="large")
    for index, column in enumerate(columns):
        with column:
            offer_form(index, offer_label(index), tax_years, states, inputs.numbers.currency)
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
            "Off: figures before tax (gross). On: after income tax and other deductions, "
            "where a tax country is set for the offer.",
            toggle=True,
        )
    with c:
        checkbox(
            "compare.same_money",
            "Adjust for cost of living",
            "Off: the money as paid (nominal). On: what it buys where each job is (same "
            "money), using each offer's place.",
            toggle=True,
        )
    results.show(inputs, built)


page()
