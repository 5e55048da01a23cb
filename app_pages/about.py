"""About: the assumptions and where they come from, data credits, and privacy."""

from __future__ import annotations

import streamlit as st

from app_pages import state

st.title("About Offer Compass")
st.markdown(
    "Offer Compass helps you decide **what salary to ask for**, **what an offer is really "
    "worth** and **which of two offers is better**. Every figure it uses is an assumption you "
    "can see here and change on the pages."
)

st.subheader("Assumptions and their sources")
st.markdown(
    """
| Assumption | Default | Source |
|---|---|---|
| Bottom line | current pay x new hours / current hours, plus your uplift for responsibility, plus extra travel; never below your personal minimum | career-coaching advice on negotiating (three-level framework) |
| Going rate | the market median (50th percentile) | BLS data, your own figures, or a figure you type |
| Top salary | 60th / 75th / 90th percentile for beginner / intermediate / expert; with only a going rate, x1.10 / 1.20 / 1.35 | three-level framework |
| Target | midpoint of going rate and top salary, never below the bottom line | three-level framework |
| Range to quote | starts 10% above target, 10% wide, capped at the top salary; precise figures in steps of 250 | Ames and Mason (2015); Mason, Lee, Wiley and Ames (2013); Galinsky and Mussweiler (2001) |
| Hours and weeks | 37.5 hours a week, 52 weeks a year (BLS data: 40 x 52 = 2,080 hours) | UK full-time convention; BLS OEWS |
| Holiday value | days x (base / 260 working days) | 52 weeks x 5 days |
| UK pension (auto-enrolment) | employer % of pay between £6,240 and £50,270, at least 3% | The Pensions Regulator, 2025/26 |
| US 401(k) match | match rate x min(your %, cap) x salary, e.g. 50% of the first 6% | most common US formula |
| Health care | US employer share 7,885 single / 20,143 family; UK private medical ~1,044 | KFF 2025 Employer Health Benefits Survey; UK buyer's guide |
| Home working | commute days saved x cost per day (+ time saved if you value it) | Mas and Pallais (2017) for percent-of-pay estimates |
| Bonus | target % x base x expected payout (100% unless you say) | |
| Sign-on and relocation | year one only, never averaged into pay; repayment clauses noted | |
| Equity | RSUs vest 4 years, 25% at a 1-year cliff, then monthly; options valued per share as exit price - strike, never below 0, in scenarios | standard vesting practice |
| Too close to call | totals within 2% of each other: let the weighted score and non-money factors decide | |
| Follow-up | thank-you within 24 hours; status check the working day after the promised date; then every 7 days, at most 3 times | career-coaching advice on following up |

The weighted score (0-100) is kept apart from money: weights say what matters to you, they are
never added into a cash total.
"""
)

st.subheader("Data credits")
st.markdown(
    "- Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, "
    "May 2025. BLS.gov cannot vouch for the data or analyses derived from these data after the "
    "data have been retrieved from BLS.gov.\n"
    "- Source: U.S. Bureau of Economic Analysis, Regional Price Parities by State, 2024 "
    "(released February 19, 2026). No endorsement by BEA is implied.\n"
    "- Tax figures come from the official rates for each tax year, listed with their sources "
    "in the project's data files."
)

st.subheader("Privacy")
app = state.session()
where = str(app.store.path) if app.store is not None else "(not saved: see the message above)"
st.markdown(
    f"""
- Offer Compass **runs only on this computer**. The app listens on 127.0.0.1, usage statistics
  are switched off, and the page loads nothing from other websites. **Nothing you type leaves
  this machine.**
- Everything you type is saved as you go, field by field, in a small database on this
  computer: `{where}`. Several scenarios (one per job search) live there, each with its recent
  versions, so *Start again* or loading a file can be undone from the sidebar.
- Why a file and not the web address: keeping values in the URL would put your salary into the
  browser history and into any link you share. A local file stays on this machine.
- **To delete your data**, delete a scenario from the sidebar, or delete that file (set the
  `OFFER_COMPASS_HOME` environment variable to keep it somewhere else).
- *Download scenario* saves the same inputs to a file you choose; *Load scenario* reads one
  back. A file that is damaged, too large, or from a newer version is refused and changes nothing.
"""
)
st.caption("This tool gives estimates, not financial, tax or legal advice.")
