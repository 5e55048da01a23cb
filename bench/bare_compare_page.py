"""The Compare page's widgets with no computation: the baseline for the app benchmarks.

Same state layer (store sync, validation), sidebar, offer-letter reader, offer forms, weights
and view controls as app.py with the Compare page, and none of the results (no core offers,
totals or charts).
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app_pages import state
from app_pages._letter import letter_reader
from app_pages._offer_form import compare_inputs
from app_pages.sidebar import scenario_sidebar

st.set_page_config(page_title="Offer Compass", page_icon="🧭", layout="wide")
inputs = state.begin_run()
scenario_sidebar()
state.show_status()
st.title("Compare offers")
columns = [p for p, _ in inputs.columns()]
letter_reader(columns, inputs.numbers.currency)
compare_inputs(columns, {}, [], inputs.numbers.currency)
state.end_run()
