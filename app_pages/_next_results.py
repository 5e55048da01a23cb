"""Results of the Next steps page: what is due today, each application's plan, messages,
acceptance terms and letter checklist, the timeline and the calendar.

Everything here follows the inputs at once: each application's plan comes from the core
(:func:`calculator.followup.follow_up_plan`) with this run's inputs, and a message shows the
ready text until the user edits it (the edit is saved and kept, with a button to go back to the
ready text). "Mark done" adds the contact-log row the core gives (``done_entry``), which moves
the plan on exactly as a contact typed into the log does.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass
from typing import Any, Final

import streamlit as st

from app_pages import _glue as glue
from app_pages import state
from app_pages.models import (
    APPLICATION_COUNT,
    CURRENT_JOB,
    MAX_APPLICATIONS,
    ApplicationInput,
    ScenarioInput,
    application_path,
    application_paths,
    column_label,
    default_of,
    holiday_region,
    python_value,
)
from app_pages.safe import escape
from app_pages.widgets import checkbox, message
from calculator.errors import InputError
from calculator.money import format_day

__all__ = [
    "FIELDS",
    "OPEN",
    "TODAY",
    "Context",
    "Planned",
    "acceptance_section",
    "add_application",
    "context",
    "messages_section",
    "name_of",
    "plan_section",
    "plans",
    "region_words",
    "remove_application",
    "timeline_section",
    "today",
    "today_section",
]

LOG = logging.getLogger("offer_compass.app")

#: Session keys: the application shown on the Applications tab, and a fixed "today" (tests).
OPEN: Final = "_oc_app_open"
TODAY: Final = "_oc_today"

#: Core field names -> an application's field names (a core error goes under that widget).
FIELDS: dict[str, str] = {
    "interview_date": "interview_date",
    "decision_date": "decision_date",
    "promised_items": "promised_items",
    "promised_date": "promised_date",
    "contact_method": "contact_method",
    "company": "company",
    "interviewer_names": "interviewer",
    "stage": "stage",
    "stage_date": "stage_date",
    "answer_by": "answer_by",
    "min_salary": "min_salary",
    "min_holiday_days": "min_holiday_days",
    "min_home_working_days": "min_home_days",
    "log": "contact_log",
}


def today() -> dt.date:
    """The day the page plans from: the real today (a test may fix it in the session)."""
    fixed = st.session_state.get(TODAY)
    return fixed if isinstance(fixed, dt.date) else dt.date.today()


@dataclass(frozen=True, slots=True)
class Context:
    """What several sections need from the other pages, worked out once a run: the levels
    and range to quote (Your numbers), each offer column and the equal-value asks (Compare),
    and whose holidays count."""

    bands: Any
    counter: Any
    offers: list[tuple[str, Any, InputError | None]]
    region: tuple[str | None, str | None]
    asks: tuple[str, ...]


def context(inputs: ScenarioInput) -> Context:
    """The levels, the range to quote, the offers (not your current job), their asks and the
    holidays."""
    bands, counter, _ = glue.bands_and_counter(inputs.numbers, report=False)
    offers = [c for c in inputs.core_offers() if c[0] != CURRENT_JOB]
    asks = _asks(inputs, offers)
    return Context(bands, counter, offers, holiday_region(inputs), asks)


@dataclass(frozen=True, slots=True)
class Planned:
    """One application, its index (its field paths) and its plan (None: no interview yet)."""

    index: int
    application: ApplicationInput
    plan: Any


def plans(inputs: ScenarioInput, found: Context) -> list[Planned]:
    """Each application's plan from this run's inputs; a core error goes under the field that
    caused it (call before drawing the form)."""
    from calculator.followup import follow_up_plan

    out = []
    steps = inputs.next_steps
    for index, application in enumerate(steps.applications):
        plan = None
        try:
            query = application.to_core(
                inputs.numbers.role, patience=steps.patience, region=found.region
            )
            if query.plan_args is not None:
                plan = follow_up_plan(**query.plan_args)
        except InputError as err:
            name = FIELDS.get(err.field.split(".")[0], "interview_date")
            state.add_error(application_path(index, name), err.rule)
        out.append(Planned(index, application, plan))
    return out


def region_words(found: Context) -> str:
    """Whose public holidays the plans skip, in words ("England", "weekends only")."""
    from calculator.followup import WorkingDays

    return WorkingDays(*found.region).place


def name_of(application: ApplicationInput, index: int) -> str:
    """How an application is called on the page: its employer, else "Application N"."""
    return application.company.strip() or f"Application {index + 1}"


# --- Today ------------------------------------------------------------------------------------


def today_section(inputs: ScenarioInput, found: Context, planned: list[Planned]) -> None:
    """What is due or overdue today across every application, most urgent first, each with
    its ready message and a "Mark done" button."""
    from calculator.followup import due_actions

    day = today()
    st.caption(escape(f"Today is {format_day(day)}."))
    with_plans = [p for p in planned if p.plan is not None]
    if not planned:
        st.info("Add an application (the Applications tab) to see what to do and when.")
        return
    due = due_actions([p.plan for p in with_plans], day)
    if not due:
        st.success("Nothing is due today.", icon=":material/check_circle:")
        _next_up(with_plans)
        return
    where = {id(p.plan): p for p in with_plans}
    for number, item in enumerate(due):
        _due_item(inputs, found, where[id(item.plan)], item, number)


def _due_item(
    inputs: ScenarioInput, found: Context, owner: Planned, item: Any, number: int
) -> None:
    """One due action: who, what, how late, why, the message, and "Mark done"."""
    from calculator.followup import done_entry
    from calculator.messages import MESSAGE_TITLES

    action = item.action
    when = (
        f"overdue by {item.days_late} day{'s' if item.days_late != 1 else ''}"
        if item.overdue
        else f"due today (by {format_day(action.last_day)})"
        if action.last_day > today()
        else "due today"
    )
    with st.container(border=True):
        name = name_of(owner.application, owner.index)
        st.markdown(f"**{escape(name)}**: {escape(action.title)}")
        shown = st.error if item.overdue else st.warning
        shown(escape(when[0].upper() + when[1:] + "."), icon=":material/schedule:")
        st.caption(escape(action.reason))
        key = action.message_key
        if key in MESSAGE_TITLES:
            with st.expander(escape(f"Message: {MESSAGE_TITLES[key]}")):
                details = _details(inputs, found, owner.application)
                _message(owner.index, key, _ready(key, details), place=f"today{number}")
        entry = done_entry(item.plan, action, today())
        st.button(
            "Mark done",
            key=f"_oc_done.{owner.index}.{action.kind}.{action.number}.{number}",
            on_click=_mark_done,
            args=(owner.index, entry.to_dict()),
            icon=":material/check:",
            help="Adds this to the application's contact log, dated today.",
        )


def _next_up(with_plans: list[Planned]) -> None:
    """The next action to come, across every application."""
    upcoming = [(p.plan.next_action, p) for p in with_plans if p.plan.next_action is not None]
    if not upcoming:
        return
    action, owner = min(upcoming, key=lambda pair: pair[0].date)
    name = name_of(owner.application, owner.index)
    st.caption(escape(f"Next: {format_day(action.date)}, {name}: {action.title}."))


def _mark_done(index: int, entry: dict[str, Any]) -> None:
    """Callback: the action's log row added to application ``index``'s contact log."""
    path = application_path(index, "contact_log")
    rows = list(state.ensure(path) or [])
    row = {**entry, "date": dt.date.fromisoformat(entry["date"])}
    st.session_state[path] = [
        *rows,
        {k: row[k] for k in ("date", "channel", "direction", "note", "kind")},
    ]


# --- adding and removing applications -----------------------------------------------------------


def add_application() -> None:
    """Callback: a new, empty application at the end of the list, opened for editing."""
    count = int(state.ensure(APPLICATION_COUNT) or 0)
    if count >= MAX_APPLICATIONS:
        state.notify("warning", f"You can follow at most {MAX_APPLICATIONS} applications.")
        return
    for path in application_paths(count):
        st.session_state[path] = python_value(path, default_of(path))
    st.session_state[application_path(count, "id")] = state.new_id()
    st.session_state[APPLICATION_COUNT] = count + 1
    st.session_state[OPEN] = count


def remove_application(index: int) -> None:
    """Callback: application ``index`` removed; those after it move up one place."""
    count = int(state.ensure(APPLICATION_COUNT) or 0)
    if not 0 <= index < count:
        return
    for later in range(index + 1, count):
        for source, target in zip(
            application_paths(later), application_paths(later - 1), strict=True
        ):
            st.session_state[target] = state.ensure(source)
    st.session_state[APPLICATION_COUNT] = count - 1
    st.session_state[OPEN] = max(0, min(index, count - 2))


# --- one application's plan, messages and terms ---------------------------------------------------


def plan_section(owner: Planned) -> None:
    """The plan as a dated list, its notes and the .ics of this application alone."""
    from calculator.calendar_export import plan_to_ics

    plan = owner.plan
    if plan is None:
        st.info("Enter the interview date to see the follow-up plan for this application.")
        return
    st.subheader("Its plan")
    for action in plan.actions:
        tick = "✅ " if action.done else ""
        st.markdown(f"- {tick}**{escape(format_day(action.date))}**: {escape(action.title)}")
        st.caption(escape(action.reason))
    for note in plan.notes:
        st.caption(escape(note))
    st.download_button(
        "This application's calendar (.ics)",
        # made only when the button is pressed, not on every rerun
        data=functools.partial(plan_to_ics, plan, calendar_name=f"{plan.label} follow-up"),
        file_name="follow-up-plan.ics",
        mime="text/calendar",
        key=f"_oc_ics.{owner.index}",
        help="A calendar file with a reminder for each step. Open it with your calendar app.",
        icon=":material/calendar_month:",
    )


def timeline_section(planned: list[Planned]) -> None:
    """Every application on one timeline with today, and one calendar file for them all."""
    from calculator import charts
    from calculator.calendar_export import plans_to_ics

    with_plans = [p.plan for p in planned if p.plan is not None]
    if not with_plans:
        st.info("Enter an interview date for an application to see the timeline.")
        return
    glue.plot(charts.timeline_chart(with_plans, today=today()), key="chart_timeline")
    st.download_button(
        "Add every application to your calendar (.ics)",
        data=functools.partial(plans_to_ics, with_plans),
        file_name="job-search.ics",
        mime="text/calendar",
        key="_oc_ics_all",
        help="One file for all your applications: importing it again updates the same events.",
        icon=":material/calendar_month:",
    )


def messages_section(inputs: ScenarioInput, found: Context, owner: Planned) -> None:
    """The messages this application needs now (its plan's and its stage's); edits are kept."""
    from calculator.messages import MESSAGE_TITLES

    st.subheader("Messages to send")
    st.caption(
        "Each message follows the details above until you edit it; your version is then "
        "saved. Copy the final text with the button at the top right of the box below it."
    )
    details = _details(inputs, found, owner.application)
    for key in _message_keys(owner):
        with st.expander(escape(MESSAGE_TITLES[key])):
            _message(owner.index, key, _ready(key, details), place="app")


def _message_keys(owner: Planned) -> list[str]:
    """The messages of the plan's actions (those still to do first), then the stage's."""
    from calculator.messages import MESSAGE_TITLES

    plan = owner.plan
    actions = [] if plan is None else sorted(plan.actions, key=lambda a: a.done)
    keys = [a.message_key for a in actions if a.message_key in MESSAGE_TITLES]
    stage = owner.application.stage
    more = {
        "applied": ["thank_you"],
        "offer": ["counter_offer", "decline", "competing_offer"],
        "negotiating": ["decline"],
    }.get(stage, [])
    return list(dict.fromkeys([*keys, *more]))


def _ready(key: str, details: Any) -> str:
    from calculator.messages import message_text

    return message_text(key, details)


def _details(inputs: ScenarioInput, found: Context, application: ApplicationInput) -> Any:
    from calculator import messages

    counter, asks = found.counter, found.asks
    names = application.names
    return messages.MessageDetails(
        contact_name=names[0] if names else None,
        company=application.company.strip() or None,
        role=application.role.strip() or inputs.numbers.role.strip() or None,
        interview_date=application.interview_date,
        specific_point=application.talking_point.strip() or None,
        decision_date=application.decision_date,
        currency=inputs.numbers.currency,
        counter_low=counter.precise_low if counter is not None else None,
        counter_high=counter.precise_high if counter is not None else None,
        counter_phrase=counter.phrase if counter is not None else None,
        asks=asks,
        deadline=application.answer_by,
        promised_item=application.promised_items.strip() or None,
    )


def _message(index: int, key: str, ready: str, *, place: str) -> None:
    """One message box: the saved edit if there is one, else the ready text of this run."""
    path = application_path(index, f"messages.{key}")
    box = f"_oc_msg.{place}.{index}.{key}"
    edited = state.ensure(path)
    st.session_state[f"_oc_ready.{index}.{key}"] = ready
    st.session_state[box] = edited if isinstance(edited, str) else ready
    final = st.text_area(
        "Your version",
        key=box,
        height=180,
        max_chars=20_000,
        on_change=_on_edit,
        args=(index, key, box),
        help="Edit freely: your version is saved and kept.",
    )
    message(path)
    if isinstance(edited, str):
        st.caption("You edited this message; it no longer follows your details.")
        st.button(
            "Use the ready text again",
            key=f"_oc_msg_reset.{place}.{index}.{key}",
            on_click=_reset,
            args=(path,),
        )
    st.code(final, language=None, wrap_lines=True)


def _on_edit(index: int, key: str, box: str) -> None:
    """Callback: keep the user's text as the edit, or drop the edit if it is the ready text."""
    text = st.session_state.get(box)
    ready = st.session_state.get(f"_oc_ready.{index}.{key}")
    path = application_path(index, f"messages.{key}")
    st.session_state[path] = None if text == ready else text


def _reset(path: str) -> None:
    st.session_state[path] = None


def _asks(
    inputs: ScenarioInput, columns: list[tuple[str, Any, InputError | None]]
) -> tuple[str, ...]:
    """The equal-value asks (Compare), for the counter-offer message, where there are two
    offers to compare."""
    from calculator.compare import compare_offers

    offers = [offer for _, offer, error in columns if offer is not None and not error]
    if len(offers) < 2:
        return ()
    try:
        comparison = compare_offers(*offers, years=inputs.compare.years)
    except InputError:
        return ()
    return tuple(ask.text for ask in comparison.asks)


def acceptance_section(inputs: ScenarioInput, found: Context, owner: Planned) -> None:
    """This application's acceptance terms against its offer (linked on Compare), and the
    offer-letter checklist of that offer."""
    from dataclasses import replace

    from calculator.checklist import AcceptanceTerms, check_acceptance

    application = owner.application
    query = application.to_core(inputs.numbers.role)
    terms = query.terms
    if query.min_salary_from_bands and found.bands is not None:
        terms = replace(AcceptanceTerms.from_bands(found.bands), **_others(terms))
        st.caption("Minimum salary: your bottom line from Your numbers (type one to change it).")
    linked = [
        (prefix, offer, error)
        for prefix, offer, error in found.offers
        if application.id and inputs.column(prefix).application == application.id
    ]
    if not linked:
        st.caption(
            "No offer on the Compare page is linked to this application yet: choose this "
            "application under the offer there to check it against your terms."
        )
        return
    for prefix, offer, error in linked:
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
