"""The Compare page's widgets with no computation: the baseline for the app benchmarks.

Same state layer (store sync, validation), sidebar, offer forms, weights and view controls as
app.py with the Compare page, and none of the results (no core offers, totals or charts).
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app_pages import state
from app_pages._offer_form import offer_form, weights_form
from app_pages.models import offer_label
from app_pages.sidebar import scenario_sidebar
from app_pages.widgets import checkbox, slider

st.set_page_config(page_title="Offer Compass", page_icon="🧭", layout="wide")
inputs = state.begin_run()
scenario_sidebar()
state.show_status()
st.title("Compare offers")
for index, column in enumerate(st.columns(len(inputs.offers), gap="large")):
    with column:
        offer_form(index, offer_label(index), {}, [], inputs.numbers.currency)
with st.expander("What matters to you (weights)"):
    weights_form()
st.divider()
st.header("Results")
a, b, c = st.columns(3)
with a:
    slider("compare.years", "Years to project", "Totals over this many years.")
with b:
    checkbox("compare.view_net", "Show take-home (net) pay", "Gross or net.", toggle=True)
with c:
    checkbox(
        "compare.same_money", "Adjust for cost of living", "Nominal or same money.", toggle=True
    )
state.end_run()
