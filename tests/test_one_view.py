"""One view everywhere (docs/domain.md section 8): in the take-home view the asks close the after-tax gap
to the cent: a raise (the after-tax break-even) or a sign-on grossed up for tax."""

from __future__ import annotations

from dataclasses import replace

import pytest

from calculator import Bonus, Offer, SignOn, TaxProfile, compare_offers

PROFILE = TaxProfile("US", 2025, region="TX")
SF = Offer("San Francisco", 185_000, currency="USD", bonus=Bonus(0.10), tax=PROFILE)
AUSTIN = Offer("Austin", 150_000, currency="USD", raise_rate=0.03, tax=PROFILE)


def _net(*offers: Offer) -> dict[str, float]:
    result = compare_offers(*offers, years=4)
    return {t.name: t.cumulative_net for t in result.totals}


def test_asks_close_the_after_tax_gap_to_the_cent():
    result = compare_offers(SF, AUSTIN, years=4)
    net = _net(SF, AUSTIN)
    gap = net["San Francisco"] - net["Austin"]
    assert gap > 0
    asks = {a.kind: a for a in result.asks_net if a.offer == "Austin"}
    # a raise: Austin at the after-tax break-even salary matches San Francisco after tax
    raised = AUSTIN.with_base_salary(asks["base"].salary)
    assert _net(SF, raised)["Austin"] == pytest.approx(net["San Francisco"], abs=0.01)
    # a sign-on: grossed up, so what is left after tax closes the gap
    signed = replace(AUSTIN, sign_on=SignOn(asks["sign_on"].amount))
    assert _net(SF, signed)["Austin"] == pytest.approx(net["San Francisco"], abs=0.01)
    assert asks["sign_on"].amount > gap  # tax is owed on a sign-on


def test_no_after_tax_asks_unless_every_offer_is_taxed():
    untaxed = replace(AUSTIN, tax=None)
    assert compare_offers(SF, untaxed, years=4).asks_net == ()
