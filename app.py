"""Offer Compass: the Streamlit entry point. Thin on purpose: page setup, state, navigation.

Run with ``streamlit run app.py``. Every page lives in app_pages/; all logic is in calculator/.
"""

from __future__ import annotations

import streamlit as st

from app_pages._state import autosave, bootstrap, scenario_sidebar

# An emoji favicon: a ":material/...:" page icon is fetched from fonts.gstatic.com, and the app
# must not contact any host but itself.
st.set_page_config(page_title="Offer Compass", page_icon="🧭", layout="wide")

# Inputs live in st.session_state and in a local autosave file (see app_pages/_state.py for why
# a file and not the URL): load it once per session, keep values across page switches.
bootstrap()

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
navigation.run()
autosave()
