"""Offer Compass: the Streamlit entry point. Thin on purpose: page setup, state, navigation.

Run with ``streamlit run app.py``. Every page lives in app_pages/; all rules are in calculator/.
"""

from __future__ import annotations

import streamlit as st

from app_pages import state
from app_pages.sidebar import scenario_sidebar

# An emoji favicon: a ":material/...:" page icon is fetched from fonts.gstatic.com, and the app
# must not contact any host but itself.
st.set_page_config(page_title="Offer Compass", page_icon="🧭", layout="wide")

# Before any widget: adopt other tabs' changes, save this tab's, validate the inputs
# (app_pages/state.py says how the local store keeps a stale tab from reverting anything).
state.begin_run()

pages = [
    st.Page(
        "app_pages/numbers.py", title="Your numbers", icon=":material/calculate:", default=True
    ),
    st.Page(
        "app_pages/compare.py",
        title="Compare offers",
        icon=":material/balance:",
        url_path="compare",
    ),
    st.Page(
        "app_pages/next_steps.py",
        title="Next steps",
        icon=":material/event:",
        url_path="next-steps",
    ),
    st.Page("app_pages/about.py", title="About", icon=":material/info:", url_path="about"),
]
navigation = st.navigation(pages)
scenario_sidebar()
state.show_status()
navigation.run()
state.end_run()
