"""The Compare page's widgets with no computation: the baseline for bench_app.

Same state plumbing, sidebar and autosave as app.py, the same offer forms, weights and view
controls, and none of the results (no totals, no charts).
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app_pages._offer_form import offer_form, weights_form
from app_pages._state import autosave, bootstrap, checkbox, scenario_sidebar, slider

bootstrap()
scenario_sidebar()
st.title("Compare offers")
left, right = st.columns(2, gap="large")
with left:
    offer_form("offer_a", "Offer A", {}, [])
with right:
    offer_form("offer_b", "Offer B", {}, [])
with st.expander("What matters to you (weights)"):
    weights_form()
a, b, c = st.columns(3)
with a:
    slider("compare.years", "Years to project", "Totals over this many years.")
with b:
    checkbox("compare.view_net", "Show take-home (net) pay", "Gross or net.", toggle=True)
with c:
    checkbox(
        "compare.same_money", "Adjust for cost of living", "Nominal or same money.", toggle=True
    )
autosave()
