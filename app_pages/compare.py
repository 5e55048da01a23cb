"""Compare offers: the offers side by side, weights, then totals, verdicts and charts."""

from __future__ import annotations

import streamlit as st

from app_pages import _compare_results as results
from app_pages import state
from app_pages._letter import letter_reader
from app_pages._offer_form import compare_inputs


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
    columns = [prefix for prefix, _ in inputs.columns()]
    letter_reader(columns, inputs.numbers.currency)
    compare_inputs(columns, tax_years, states, inputs.numbers.currency)
    results.show(inputs, built)


page()
