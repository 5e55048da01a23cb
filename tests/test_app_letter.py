"""AppTest: "Read an offer letter" on Compare (paste path): figures with their sentences,
accepted into an offer column, questions for what the letter leaves out, hostile text kept as
text, the letter itself never stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import open_app

LETTERS = Path(__file__).resolve().parent / "letters"
HOSTILE = (
    "We are pleased to offer you the position of Analyst <script>alert(1)</script> at "
    "Evil ![](http://host/x.png) Ltd. Your salary will be £41,000 per annum. "
    "See [x](javascript:alert(1)) for details. We offer flexible holiday."
)


def _paste(at, text: str):
    at.text_area(key="_oc_letter_text").input(text).run()
    assert not at.exception
    return at


def _markdown(at) -> str:
    return "\n".join(str(e.value) for kind in ("markdown", "caption") for e in getattr(at, kind))


def test_pasted_letter_fills_offer_b(home) -> None:
    at = _paste(open_app("compare"), (LETTERS / "uk_salaried_analyst.txt").read_text("utf-8"))
    take = at.checkbox(key="_oc_letter.take.base_salary")
    assert take.value is True
    assert "£46,500" in take.label
    assert "Your starting salary will be £46,500 per annum" in _markdown(at).replace("\\", "")
    at.selectbox(key="_oc_letter_target").select("offers.1").run()
    at.checkbox(key="_oc_letter.take.holiday_days").uncheck().run()
    at.button(key="_oc_letter_fill").click().run()
    assert not at.exception
    state = at.session_state
    assert state["offers.1.base_salary"] == pytest.approx(46_500)
    assert state["offers.1.name"] == "Harbour & Finch Ltd"
    assert state["offers.1.pension_employer_pct"] == pytest.approx(5)
    assert state["offers.1.home_days"] == pytest.approx(2)
    assert state["offers.1.holiday_days"] is None  # unticked: not filled
    letter = state["_oc_inputs"].offers[1].letter  # the checklist, ticked from the letter
    assert (letter.salary, letter.expenses, letter.start_date) == (True, True, True)


def test_an_up_to_figure_starts_unticked_and_questions_are_listed(home) -> None:
    at = _paste(open_app("compare"), (LETTERS / "uk_law_firm.txt").read_text("utf-8"))
    assert at.checkbox(key="_oc_letter.take.bonus_target_rate").value is False
    shown = _markdown(at).replace("\\", "")
    assert "Questions to ask" in shown
    assert "how work expenses are reimbursed" in shown
    assert "single cover" in shown  # health cover spoken of without a figure


def test_hostile_letter_stays_text(home) -> None:
    at = _paste(open_app("compare"), HOSTILE)
    raw = _markdown(at) + "\n".join(c.label for c in at.checkbox)
    assert "<script>" not in raw
    assert "![](" not in raw
    assert "](javascript:" not in raw
    assert at.checkbox(key="_oc_letter.take.base_salary").value is True


def test_the_letter_is_not_stored(home) -> None:
    at = _paste(open_app("compare"), (LETTERS / "us_bigtech_rsu.txt").read_text("utf-8"))
    at.run()  # a second run: anything the page kept would be pushed to the store by now
    assert at.checkbox(key="_oc_letter.take.employer").value is True
    stored = b"".join(p.read_bytes() for p in Path(home).rglob("*") if p.is_file())
    assert b"Lumenfield" not in stored
    assert b"Storage Infrastructure" not in stored


def test_unreadable_file_gives_a_message(home) -> None:
    at = open_app("compare")
    at.text_area(key="_oc_letter_text").input("Dear Sam, we would like you to join us.").run()
    assert not at.exception
    assert any("No figures found" in str(e.value) for e in at.info)


def test_the_letters_deadline_goes_into_the_applications_plan(home) -> None:
    at = open_app("compare")
    at.button(key="_oc_example").click().run()  # offer B is linked to the Manchester application
    assert at.session_state["offers.1.application"] == "example-mcr"
    _paste(at, (LETTERS / "uk_salaried_analyst.txt").read_text("utf-8"))  # answer by 20 Feb 2026
    at.selectbox(key="_oc_letter_target").select("offers.1").run()
    at.button(key="_oc_letter_fill").click().run()
    assert not at.exception
    applications = at.session_state["_oc_inputs"].next_steps.applications
    manchester = next(a for a in applications if a.id == "example-mcr")
    assert str(manchester.answer_by) == "2026-02-20"
    assert manchester.stage == "offer"  # it was still "interviewing": the letter is the offer
    others = [a for a in applications if a.id != "example-mcr"]
    assert [str(a.answer_by) for a in others] == ["2026-12-13", "None"]  # left as they were


def test_the_letter_is_read_once_not_on_every_rerun(home, monkeypatch) -> None:
    import app_pages._letter as letter_page

    reads: list[int] = []
    real = letter_page.read_offer_letter

    def counted(source):
        reads.append(1)
        return real(source)

    monkeypatch.setattr(letter_page, "read_offer_letter", counted)
    at = _paste(open_app("compare"), (LETTERS / "uk_salaried_analyst.txt").read_text("utf-8"))
    at.checkbox(key="_oc_letter.take.holiday_days").uncheck().run()  # two more reruns
    at.number_input(key="offers.0.base_salary").set_value(50_000).run()
    assert not at.exception
    assert len(reads) == 1
    # another letter is read afresh
    _paste(at, (LETTERS / "uk_law_firm.txt").read_text("utf-8"))
    assert len(reads) == 2
