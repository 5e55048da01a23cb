"""Results of the Next steps page: the plan, calendar, messages, acceptance terms, checklist.

Everything here follows the inputs at once: the plan and messages are worked out from this
run's inputs, and a message shows the ready text until the user edits it (the edit is saved
and kept, with a button to go back to the ready text).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import streamlit as st

from app_pages import _glue as glue
from app_pages import state
from app_pages.models import CURRENT_JOB, ScenarioInput, column_label
from app_pages.safe import escape
from app_pages.widgets import checkbox, message
from calculator.errors import InputError
from calculator.money import format_day

__all__ = [
    "FIELDS",
    "Context",
    "acceptance_section",
    "context",
    "messages_section",
    "plan_section",
    "the_plan",
]

LOG = logging.getLogger("offer_compass.app")

#: Core field names -> Next steps field paths.
FIELDS: dict[str, str] = {
    "interview_date": "next_steps.interview_date",
    "decision_date": "next_steps.decision_date",
    "promised_items": "next_steps.promised_items",
    "promised_date": "next_steps.promised_date",
    "contact_method": "next_steps.contact_method",
    "company": "next_steps.company",
    "interviewer_names": "next_steps.interviewer",
    "min_salary": "next_steps.min_salary",
    "min_holiday_days": "next_steps.min_holiday_days",
    "min_home_working_days": "next_steps.min_home_days",
    "log": "next_steps.contact_log",
}


@dataclass(frozen=True, slots=True)
class Context:
    """What several Next steps sections need from the other pages, worked out once a run: the
    levels and range to quote (Your numbers) and each offer column (Compare)."""

    bands: Any
    counter: Any
    offers: list[tuple[str, Any, InputError | None]]


def context(inputs: ScenarioInput) -> Context:
    """The levels, the range to quote and the offers (not your current job) for this run."""
    bands, counter, _ = glue.bands_and_counter(inputs.numbers, report=False)
    offers = [c for c in inputs.core_offers() if c[0] != CURRENT_JOB]
    return Context(bands, counter, offers)


def the_plan(inputs: ScenarioInput) -> Any:
    """The follow-up plan from this run's inputs (None without an interview date); a core
    error goes under the field that caused it (call before drawing the form)."""
    from calculator.followup import follow_up_plan

    try:
        query = inputs.next_steps.to_core(inputs.numbers.role)
        if query.plan_args is None:
            return None
        return follow_up_plan(**query.plan_args)
    except InputError as err:
        path = FIELDS.get(err.field.split(".")[0], "next_steps.interview_date")
        state.add_error(path, err.rule)
        return None


def plan_section(plan: Any) -> None:
    """The plan as a dated list, the timeline and the .ics download."""
    from calculator import charts
    from calculator.calendar_export import plan_to_ics

    if plan is None:
        st.info("Enter your interview date to see your follow-up plan.")
        return
    st.subheader("Your plan")
    for action in plan.actions:
        tick = "✅ " if action.done else ""
        st.markdown(f"- {tick}**{escape(format_day(action.date))}**: {escape(action.title)}")
        st.caption(escape(action.reason))
    glue.plot(charts.timeline_chart(plan), key="chart_timeline")
    st.download_button(
        "Add to calendar (.ics)",
        data=plan_to_ics(plan),
        file_name="follow-up-plan.ics",
        mime="text/calendar",
        key="_oc_ics",
        help="A calendar file with a reminder for each step. Open it with your calendar app.",
        icon=":material/calendar_month:",
    )


def messages_section(inputs: ScenarioInput, found: Context) -> None:
    """Ready messages from this run's inputs; the user's edits are kept and saved."""
    from calculator import messages

    st.subheader("Messages to send")
    st.caption(
        "Each message follows your details above until you edit it; your version is then "
        "saved. Copy the final text with the button at the top right of the box below it."
    )
    details = _details(inputs, found)
    for key, title, body in messages.message_templates(details):
        with st.expander(escape(title)):
            _message(key, body)


def _details(inputs: ScenarioInput, found: Context) -> Any:
    from calculator import messages

    steps = inputs.next_steps
    counter, asks = found.counter, _asks(inputs, found)
    return messages.MessageDetails(
        contact_name=steps.interviewer.strip() or None,
        company=steps.company.strip() or None,
        role=inputs.numbers.role.strip() or None,
        interview_date=steps.interview_date,
        specific_point=steps.talking_point.strip() or None,
        decision_date=steps.decision_date,
        currency=inputs.numbers.currency,
        counter_low=counter.precise_low if counter is not None else None,
        counter_high=counter.precise_high if counter is not None else None,
        counter_phrase=counter.phrase if counter is not None else None,
        asks=asks,
    )


def _message(key: str, ready: str) -> None:
    """One message box: the saved edit if there is one, else the ready text of this run."""
    path = f"next_steps.messages.{key}"
    box = f"_oc_msg.{key}"
    edited = state.ensure(path)
    st.session_state[f"_oc_ready.{key}"] = ready
    st.session_state[box] = edited if isinstance(edited, str) else ready
    final = st.text_area(
        "Your version",
        key=box,
        height=180,
        max_chars=20_000,
        on_change=_on_edit,
        args=(key,),
        help="Edit freely: your version is saved and kept.",
    )
    message(path)
    if isinstance(edited, str):
        st.caption("You edited this message; it no longer follows your details above.")
        st.button(
            "Use the ready text again", key=f"_oc_msg_reset.{key}", on_click=_reset, args=(key,)
        )
    st.code(final, language=None, wrap_lines=True)


def _on_edit(key: str) -> None:
    """Callback: keep the user's text as the edit, or drop the edit if it is the ready text."""
    text = st.session_state.get(f"_oc_msg.{key}")
    ready = st.session_state.get(f"_oc_ready.{key}")
    st.session_state[f"next_steps.messages.{key}"] = None if text == ready else text


def _reset(key: str) -> None:
    st.session_state[f"next_steps.messages.{key}"] = None


def _asks(inputs: ScenarioInput, found: Context) -> tuple[str, ...]:
    """The equal-value asks (Compare), for the counter-offer message, where there are two
    offers to compare."""
    from calculator.compare import compare_offers

    offers = [offer for _, offer, error in found.offers if offer is not None and not error]
    if len(offers) < 2:
        return ()
    try:
        comparison = compare_offers(*offers, years=inputs.compare.years)
    except InputError:
        return ()
    return tuple(ask.text for ask in comparison.asks)


def acceptance_section(inputs: ScenarioInput, found: Context) -> None:
    """Acceptance terms against each offer, and the offer-letter checklist per offer."""
    from dataclasses import replace

    from calculator.checklist import AcceptanceTerms, check_acceptance

    query = inputs.next_steps.to_core(inputs.numbers.role)
    terms = query.terms
    if query.min_salary_from_bands and found.bands is not None:
        terms = replace(AcceptanceTerms.from_bands(found.bands), **_others(terms))
        st.caption("Minimum salary: your bottom line from Your numbers (type one to change it).")
    offers = found.offers
    for (prefix, offer, error), column in zip(offers, st.columns(len(offers)), strict=True):
        with column:
            name = offer.name if offer is not None else column_label(prefix)
            st.markdown(f"**{escape(name)}**")
            if error is not None or offer is None:
                st.caption("Enter this offer on the Compare page to check it.")
            else:
                for item in check_acceptance(terms, offer).items:
                    icon = {"pass": "✅", "fail": "❌"}.get(item.status, "❔")
                    st.markdown(f"{icon} {escape(item.message)}")
            _checklist(prefix, inputs)


def _others(terms: Any) -> dict[str, Any]:
    return {
        "min_holiday_days": terms.min_holiday_days,
        "min_home_working_days": terms.min_home_working_days,
    }


def _checklist(prefix: str, inputs: ScenarioInput) -> None:
    """The six things the written offer should state, ticked by the user (saved)."""
    from calculator.checklist import LETTER_ITEMS, offer_letter_checklist

    st.caption("Does the written offer state each of these? Tick what it does.")
    for key, (label, _) in LETTER_ITEMS.items():
        checkbox(f"{prefix}.letter.{key}", label, f"The letter states {label.lower()}.")
    result = offer_letter_checklist(inputs.column(prefix).letter.confirmed())
    for line in result.ask_in_writing:
        st.markdown(f"- {escape(line)}")
