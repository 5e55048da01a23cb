"""Next steps: every application of your job search, what is due today, when to write, what to
say and what to check (docs/domain.md sections 3 and 7)."""

from __future__ import annotations

import streamlit as st

from app_pages import _next_results as results
from app_pages import state
from app_pages.models import APPLICATION_STAGES, HOLIDAY_SUBDIVISIONS, application_path
from app_pages.safe import escape
from app_pages.widgets import checkbox, choice, date, message, money_input, number, table, text

STAGE_LABELS = {
    "applied": "Applied",
    "interviewing": "Interviewed: waiting for news",
    "offer": "Offer received",
    "negotiating": "Negotiating",
    "accepted": "Accepted",
    "declined": "Declined",
    "rejected": "Rejected",
}

inputs = state.inputs()
found = results.context(inputs)
planned = results.plans(inputs, found)
st.title("Next steps")
st.caption("Your job search: what to do today, when to write, what to say, what to check.")

today_tab, applications_tab, timeline_tab = st.tabs(
    ["Today", "Applications", "Timeline and calendar"]
)

with today_tab:
    results.today_section(inputs, found, planned)

with applications_tab:
    st.button(
        "Add an application",
        key="_oc_add_application",
        on_click=results.add_application,
        icon=":material/add:",
        help="Follow another employer: each application has its own plan and messages.",
    )
    if not planned:
        st.info("No applications yet: add one for each employer you are talking to.")
    else:
        if st.session_state.get(results.OPEN) not in range(len(planned)):
            st.session_state[results.OPEN] = 0
        st.selectbox(
            "Application",
            list(range(len(planned))),
            key=results.OPEN,
            format_func=lambda i: (
                f"{results.name_of(planned[i].application, i)} · "
                f"{STAGE_LABELS[planned[i].application.stage]}"
            ),
            help="Choose the application to see and edit.",
        )
        owner = planned[st.session_state[results.OPEN]]
        i = owner.index

        def path(name: str) -> str:
            return application_path(i, name)

        st.subheader("The application")
        a, b = st.columns(2)
        with a:
            text(path("company"), "Employer", "Who the application is with; used in messages.")
        with b:
            text(path("role"), "Role", "Leave empty to use the role from Your numbers.")
        a, b, c = st.columns(3)
        with a:
            choice(
                path("stage"),
                "Stage",
                "Where it stands: each stage after the interview has its own steps.",
                STAGE_LABELS,
                options=list(APPLICATION_STAGES),
            )
        with b:
            date(path("stage_date"), "Since", "When you heard (the offer, the answer).")
        with c:
            date(path("answer_by"), "Answer the offer by", "Their deadline for your answer.")

        st.subheader("The interview")
        a, b = st.columns(2)
        with a:
            date(path("interview_date"), "Interview date", "The day of your interview.")
        with b:
            date(
                path("decision_date"),
                "They'll decide by",
                "The date they said you would hear by. Leave empty if they didn't say.",
            )
        a, b = st.columns(2)
        with a:
            text(
                path("interviewer"),
                "Interviewers",
                "First names, with commas between them: one thank-you note each.",
            )
        with b:
            text(
                path("talking_point"),
                "One thing you talked about",
                "A specific point from the conversation for your thank-you note.",
            )
        a, b = st.columns(2)
        with a:
            choice(
                path("contact_method"),
                "They prefer",
                "How the employer likes to be contacted.",
                {"email": "Email", "phone": "Phone", "recruiter": "Through the recruiter"},
                options=["email", "phone", "recruiter"],
                horizontal=True,
            )
        with b:
            checkbox(
                path("agency"),
                "Through an agency",
                "Then give your recruitment consultant feedback while it is fresh.",
            )
        a, b = st.columns(2)
        with a:
            text(
                path("promised_items"),
                "Something you promised to send",
                "E.g. a work sample or documents. Leave empty if nothing.",
            )
        with b:
            date(path("promised_date"), "Promised by", "When you said you would send it.")

        results.plan_section(owner)
        results.messages_section(inputs, found, owner)

        st.subheader("Your acceptance terms")
        st.caption("Your must-haves for this job, decided before any offer arrives.")
        a, b, c = st.columns(3)
        with a:
            money_input(path("min_salary"), "Minimum salary", "The least base salary you'd take.")
        with b:
            number(path("min_holiday_days"), "Minimum holiday days", "Fewest days off you'd take.")
        with c:
            number(path("min_home_days"), "Minimum home days a week", "Fewest home-working days.")
        results.acceptance_section(inputs, found, owner)

        st.subheader("Contact log")
        table(
            path("contact_log"),
            {
                "date": st.column_config.DateColumn("Date", format="DD/MM/YYYY"),
                "channel": st.column_config.SelectboxColumn(
                    "How", options=["email", "phone", "recruiter", "in person"]
                ),
                "direction": st.column_config.SelectboxColumn(
                    "Sent or received", options=["sent", "received"]
                ),
                "kind": st.column_config.TextColumn("For (Mark done fills it)", disabled=True),
                "note": st.column_config.TextColumn("Note", max_chars=20_000),
            },
            label="Contact log",
            help="Every message and call: the log moves the plan on (sent check-ins are "
            "ticked off, a reply ends the chasing).",
        )
        state.ensure(path("notes"))
        st.text_area("Notes", key=path("notes"), max_chars=20_000, help="Anything to remember.")
        message(path("notes"))
        st.button(
            escape(f"Remove {results.name_of(owner.application, i)}"),
            key=f"_oc_remove.{i}",
            on_click=results.remove_application,
            args=(i,),
            icon=":material/delete:",
            help="Removes this application and its plan, log and messages.",
        )

with timeline_tab:
    results.timeline_section(planned)
    st.subheader("Working days and waiting")
    a, b, c = st.columns(3)
    with a:
        region = results.region_words(found)
        choice(
            "next_steps.country",
            "Public holidays of",
            "No step but the thank-you lands on a weekend or public holiday.",
            {
                "": f"Your settings ({region})",
                "none": "None: weekends only",
                "GB": "United Kingdom",
                "US": "United States",
            },
            options=["", "none", "GB", "US"],
        )
    with b:
        country = inputs.next_steps.country
        options = ["", *HOLIDAY_SUBDIVISIONS.get(country, ())]
        choice(
            "next_steps.subdivision",
            "Nation or state",
            "UK: England, Wales, Scotland or Northern Ireland; US: a state's own days too.",
            {"": "All of the country", **HOLIDAY_SUBDIVISIONS.get(country, {})},
            options=options,
        )
    with c:
        choice(
            "next_steps.patience",
            "How long to wait before chasing",
            "After their decision date: the next working day, or a few more days, or a "
            "week. Some advise waiting longer; it's your call.",
            {
                "next_working_day": "Next working day",
                "several_days": "A few days",
                "a_week": "A week",
            },
            options=["next_working_day", "several_days", "a_week"],
        )
