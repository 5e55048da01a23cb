"""Results of the Compare page: glue from the offer inputs to calculator.compare and charts.

The core modules for offers, comparison, scoring, tax, places and charts are imported inside
functions; if one is missing from this checkout the page says so and keeps working.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import streamlit as st

from app_pages._glue import plot
from app_pages._state import choice, fraction, report, result_section, value
from calculator.errors import InputError
from calculator.money import format_money
from calculator.scenario import FACTORS, OFFER_SIDES, WEIGHTED

__all__ = ["FIELDS", "choices", "comparison_or_none", "offer_payload", "show"]

LOG = logging.getLogger("offer_compass.app")

#: Core field names (Offer.from_dict and friends) -> widget key suffixes.
_CORE_TO_FIELD = {
    "name": "name",
    "base_salary": "base_salary",
    "amount": "base_salary",
    "pay_period": "base_per",
    "hours_per_week": "hours_per_week",
    "bonus_target": "bonus_target_pct",
    "target_rate": "bonus_target_pct",
    "bonus_payout": "bonus_payout_pct",
    "expected_payout": "bonus_payout_pct",
    "sign_on": "sign_on",
    "repayment_months": "sign_on_repay_months",
    "sign_on_repayment_months": "sign_on_repay_months",
    "relocation": "relocation",
    "raise_rate": "raise_pct",
    "annual_raise": "raise_pct",
    "shares": "equity_shares",
    "price": "equity_price",
    "grant_value": "equity_grant_value",
    "strike": "equity_strike",
    "holiday_days": "holiday_days",
    "employer_rate": "pension_employer_pct",
    "employee_rate": "pension_employee_pct",
    "match_rate": "pension_employer_pct",
    "match_cap": "pension_match_cap_pct",
    "health_care": "health_care",
    "travel_allowance": "travel_allowance",
    "company_car": "company_car",
    "gym": "gym",
    "days_per_week": "home_days",
    "commute_cost": "commute_cost",
    "commute_minutes": "commute_minutes",
    "funding": "study_funding",
    "study_funding": "study_funding",
    "study_days": "study_days",
    "days": "study_days",
    "index": "place_index",
    "state": "place_state",
    "state_local_rate": "tax_local_rate_pct",
}
FIELDS: dict[str, str] = {}


def _side_fields(side: str) -> dict[str, str]:
    out = {core: f"{side}.{name}" for core, name in _CORE_TO_FIELD.items()}
    out.update({f"{side}.{name}": f"{side}.{name}" for name in _CORE_TO_FIELD.values()})
    return out


def choices() -> tuple[dict[str, list[str]], list[str]]:
    """Tax years per country and the US states with a price level, from the core."""
    from calculator import places, tax

    years = {
        country: [str(y) for y in tax.available_tax_years(country)] for country in ("GB", "US")
    }
    return years, list(places.STATES)


def _pct(side: str, name: str) -> float | None:
    return fraction(f"{side}.{name}")


def offer_payload(side: str) -> dict[str, Any] | None:
    """The JSON-like dict for Offer.from_dict from one column's inputs (None: no salary yet).

    Percentages become fractions here (the UI shows %, the core takes fractions).
    """
    v = lambda name: value(f"{side}.{name}")  # noqa: E731
    if v("base_salary") is None:
        return None
    payload: dict[str, Any] = {
        "name": v("name") or ("Offer A" if side == "offer_a" else "Offer B"),
        "currency": value("numbers.currency"),
        "base_salary": v("base_salary"),
        "pay_period": v("base_per"),
        "hours_per_week": v("hours_per_week") or 37.5,
    }
    if v("bonus_target_pct") is not None:
        payload["bonus"] = {
            "target_rate": _pct(side, "bonus_target_pct"),
            "expected_payout": (
                1.0 if v("bonus_payout_pct") is None else v("bonus_payout_pct") / 100.0
            ),
        }
    if v("sign_on") is not None:
        payload["sign_on"] = {"amount": v("sign_on"), "repayment_months": v("sign_on_repay_months")}
    payload["relocation"] = v("relocation")
    payload["raise_rate"] = _pct(side, "raise_pct")
    kind = v("equity_kind")
    if kind != "none":
        grant: dict[str, Any] = {"kind": kind, "schedule": v("equity_schedule")}
        if kind == "rsu":
            grant.update(
                shares=v("equity_shares"),
                price=v("equity_price"),
                grant_value=v("equity_grant_value"),
            )
        else:
            grant.update(
                shares=v("equity_shares"),
                strike=v("equity_strike"),
                scenarios={
                    "zero": 0.0,
                    "bear": v("equity_bear_price"),
                    "base": v("equity_base_price"),
                    "bull": v("equity_bull_price"),
                },
            )
        payload["equity"] = [grant]
    payload["holiday_days"] = v("holiday_days")
    pension = v("pension_type")
    if pension != "none":
        payload["pension"] = {
            "basis": {"percent": "salary", "uk_auto_enrolment": "qualifying_earnings"}.get(
                pension, "salary"
            ),
            "employer_rate": _pct(side, "pension_employer_pct") if pension != "match" else 0.0,
            "employee_rate": _pct(side, "pension_employee_pct") or 0.0,
            "match_rate": _pct(side, "pension_employer_pct") if pension == "match" else 0.0,
            "match_cap": _pct(side, "pension_match_cap_pct") or 0.0,
        }
    for name in ("health_care", "travel_allowance", "company_car", "gym"):
        payload[name] = v(name)
    if v("home_days") is not None:
        payload["home_working"] = {
            "days_per_week": v("home_days"),
            "commute_cost": v("commute_cost"),
            "commute_minutes": v("commute_minutes"),
        }
    if v("study_funding") is not None or v("study_days") is not None:
        payload["study"] = {"funding": v("study_funding"), "days": v("study_days")}
    if v("custom_name") and v("custom_value") is not None:
        payload["custom_benefits"] = [{"name": v("custom_name"), "value": v("custom_value")}]
    payload["factors"] = {factor: v(f"factor_{factor}") for factor in FACTORS}
    place = v("place_kind")
    if place == "us_state" and v("place_state"):
        payload["place"] = {"state": v("place_state")}
    elif place == "custom" and v("place_index") is not None:
        payload["place"] = {"label": payload["name"], "index": v("place_index")}
    country = v("tax_country")
    if country != "none":
        tax: dict[str, Any] = {"country": country}
        if v("tax_year"):
            tax["tax_year"] = int(v("tax_year"))
        if country == "GB":
            tax["region"] = v("tax_region") or None
            loans = [v("tax_student_loan")] if v("tax_student_loan") else []
            tax["student_loans"] = loans + (["postgraduate"] if v("tax_postgraduate_loan") else [])
        else:
            tax["filing_status"] = v("tax_filing_status") or "single"
            tax["state_local_rate"] = _pct(side, "tax_local_rate_pct") or 0.0
        payload["tax"] = tax
        if v("tax_benefits_taxable"):
            from calculator.offers import TAXABLE_BENEFITS

            stated = {**payload, "custom": payload.get("custom_benefits")}
            payload["taxable_benefits"] = [n for n in TAXABLE_BENEFITS if stated.get(n)]
    return payload


def _offers() -> list[tuple[str, dict[str, Any], Any]]:
    """(side, payload, Offer) for each column with a base salary; bad fields reported in place."""
    from calculator.offers import Offer

    built = []
    for side in OFFER_SIDES:
        try:
            payload = offer_payload(side)
            if payload is None:
                continue
            built.append((side, payload, Offer.from_dict(payload)))
        except InputError as err:
            report(err, _side_fields(side))
    return built


def comparison_or_none() -> Any:
    """The nominal comparison of the two offers as entered, or None if they are not complete."""
    from calculator.compare import compare_offers
    from calculator.offers import Offer

    try:
        payloads = [offer_payload(side) for side in OFFER_SIDES]
        if any(p is None for p in payloads):
            return None
        offers = [Offer.from_dict(p) for p in payloads if p is not None]
        return compare_offers(*offers, years=int(value("compare.years")))
    except InputError:
        return None


def show() -> None:
    """Draw the results: totals, gap, break-even, asks, questions, charts and the report."""
    sided = _offers()
    if len(sided) < 2:
        st.info("Enter a base salary for both offers (or load the example) to compare them.")
        return
    _results(sided)


#: The weight sliders' names -> calculator.scoring component names.
_WEIGHT_KEYS = {
    "health": "health_care",
    "travel": "travel_allowance",
    "car": "company_car",
    **{factor: f"factor:{factor}" for factor in FACTORS},
}


def _home_side(sided: list[tuple[str, dict[str, Any], Any]]) -> str | None:
    """The offer whose place's prices the same-money view uses."""
    with_place = [(side, offer) for side, _, offer in sided if offer.place is not None]
    if not with_place:
        st.info(
            "To compare in the same money, give each offer a place (a US state or a price "
            "index) under 'Place and tax'. Figures below are as paid."
        )
        return None
    picked = choice(
        "compare.home",
        "Restate everything in the prices of",
        "Where you would live: each offer is restated in that place's price level.",
        {side: f"{offer.place.label} ({offer.name})" for side, offer in with_place},
        options=[side for side, _ in with_place],
        horizontal=True,
    )
    return picked


@st.cache_resource(max_entries=16, show_spinner=False)
def _computed(key: str) -> tuple[Any, dict[str, Any]]:
    """The comparison and every figure for one set of inputs (``key`` is their JSON).

    Cached so a rerun with unchanged inputs (a click elsewhere on the page, a page switch)
    redraws without rebuilding: building the six figures is most of the page's cost.
    """
    from calculator import charts
    from calculator.compare import compare_offers
    from calculator.offers import Offer

    spec = json.loads(key)
    offers = [Offer.from_dict(p) for p in spec["payloads"]]
    home = offers[spec["home"]].place if spec["home"] is not None else None
    comparison = compare_offers(
        *offers,
        weights=spec["weights"],
        years=spec["years"],
        view="same_money" if home is not None else "nominal",
        home_place=home,
    )
    figures: dict[str, Any] = {
        "components": charts.offer_components_chart(comparison),
        "cumulative": charts.cumulative_value_chart(comparison),
        "leaving": charts.leaving_value_chart(offers, months=range(0, 49), marker=spec["month"]),
    }
    if comparison.scores is not None:
        figures["score"] = charts.score_chart(comparison.scores)
    for index, offer in enumerate(offers):
        if offer.tax is not None:
            figure = charts.take_home_waterfall(
                offer.tax.take_home(offer.base_salary), currency=offer.currency
            )
            figure.update_layout(title={"text": f"{offer.name}: base salary after tax"})
            figures[f"waterfall_{index}"] = figure
    if home is not None:
        figures["place"] = charts.place_adjustment_chart(comparison)
    return comparison, figures


def _results(sided: list[tuple[str, dict[str, Any], Any]]) -> None:
    """Everything below the weights, each part in its own safe section."""
    from calculator.report import comparison_report_html

    offers = [offer for _, _, offer in sided]
    currency = offers[0].currency
    years = int(value("compare.years"))
    net = bool(value("compare.view_net"))
    home_side = _home_side(sided) if value("compare.same_money") else None
    sides = [side for side, _, _ in sided]
    key = json.dumps(
        {
            "payloads": [payload for _, payload, _ in sided],
            "weights": {_WEIGHT_KEYS.get(i, i): value(f"weights.{i}") for i in WEIGHTED},
            "years": years,
            "home": sides.index(home_side) if home_side is not None else None,
            "month": int(value("compare.leave_month")),
        },
        sort_keys=True,
        default=str,
    )
    comparison, figures = _computed(key)
    home = comparison.home_place
    untaxed = [t.name for t in comparison.totals if t.cumulative_net is None]
    use_net = net and not untaxed
    if net and untaxed:
        st.warning(
            f"Take-home needs a tax country for every offer ({', '.join(untaxed)} has none, under "
            "'Place and tax'). Showing figures before tax."
        )
    view_text = ("take-home pay after tax" if use_net else "gross pay before tax") + (
        f", in {home.label} prices (same money)" if home is not None else ", as paid"
    )

    def money(amount: float | None) -> str:
        return "not known" if amount is None else format_money(amount, currency)

    st.subheader("Totals")
    st.caption(f"Figures: **{view_text}**.")
    columns = st.columns(len(comparison.totals))
    for column, total in zip(columns, comparison.totals, strict=True):
        year_one = total.year_one_net if use_net else total.year_one
        cumulative = total.cumulative_net if use_net else total.cumulative
        column.metric(f"{total.name}: year one", money(year_one))
        column.metric(f"{total.name}: {years} years", money(cumulative))
        column.caption(total.place_note)
    with result_section():
        if use_net:
            # after tax the order can differ from before tax: rank on take-home
            ranked = sorted(comparison.totals, key=lambda t: t.cumulative_net or 0.0, reverse=True)
            leader, runner = ranked[0], ranked[1]
            gap = (leader.cumulative_net or 0.0) - (runner.cumulative_net or 0.0)
            be = next(
                (
                    b.salary_net
                    for b in comparison.break_evens
                    if b.offer == runner.name and b.leader == leader.name
                ),
                None,
            )
        else:
            leader, runner = comparison.leader, comparison.runner_up
            gap, be = comparison.gap, comparison.break_even_salary
        if comparison.too_close_to_call:
            st.info(
                "Too close to call: the totals are within 2% of each other. Let your weighted "
                "score and how each job feels decide."
            )
        sentence = (
            f"**{leader.name}** is worth **{money(gap)}** more over {years} years ({view_text})."
        )
        if be is not None:
            sentence += (
                f" For **{runner.name}** to match it, its base salary would need to be "
                f"**{money(be)}** (its break-even salary, in its own money)."
            )
        else:
            sentence += (
                f" (After tax the order differs from before tax; switch take-home off to see "
                f"the break-even salary for {comparison.runner_up.name}.)"
            )
        st.markdown(sentence)
        if comparison.asks:
            st.markdown("**The same value could come as any one of:**")
            for ask in comparison.asks:
                st.markdown(f"- {ask.text}")
        if comparison.questions:
            with st.expander(f"Questions to ask the employers ({len(comparison.questions)})"):
                for question in comparison.questions:
                    st.markdown(f"- {question}")

    with result_section():
        plot(figures["components"], key="chart_components")
    with result_section():
        plot(figures["cumulative"], key="chart_cumulative")
    if "score" in figures:
        with result_section():
            plot(figures["score"], key="chart_score")
            for note in comparison.scores.notes:
                st.caption(note)
    with result_section():
        from app_pages._state import slider

        slider(
            "compare.leave_month",
            "If you left after this many months",
            "What each offer would have paid you by then: equity before the cliff is lost and "
            "a sign-on with a repayment clause is paid back.",
        )
        plot(figures["leaving"], key="chart_leaving")
    waterfalls = [name for name in figures if name.startswith("waterfall_")]
    if waterfalls:
        with result_section():
            st.markdown("**From gross to take-home, year one**")
            for column, name in zip(st.columns(len(waterfalls)), waterfalls, strict=True):
                with column:
                    plot(figures[name], key=f"chart_{name}")
                    offer = offers[int(name.rsplit("_", 1)[1])]
                    with st.expander("How this take-home pay was worked out"):
                        for note in offer.tax.take_home(offer.base_salary).notes:
                            st.markdown(f"- {note}")
    if "place" in figures:
        with result_section():
            plot(figures["place"], key="chart_place")
    with result_section():
        scores = comparison.scores

        def report_html() -> str:
            # made only when the button is pressed: the file embeds plotly.js (about 4.8 MB)
            return comparison_report_html(comparison, scores=scores, figures=list(figures.values()))

        st.download_button(
            "Download report (HTML)",
            data=report_html,
            file_name="offer-comparison.html",
            mime="text/html",
            key="_oc_report",
            help="One file with the totals, charts and questions. Opens offline in any browser.",
        )
