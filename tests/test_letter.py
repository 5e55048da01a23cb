"""Reading an offer letter (docs/domain.md section 9): hand-worked fields, precision-first negatives,
hostile files, and the corpus in tests/letters/ read field by field."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from bench.letter_scorer import HOLDOUT, letters, score
from calculator.errors import InputError
from calculator.letter import read_offer_letter
from calculator.periods import to_annual

CORPUS = Path(__file__).resolve().parent / "letters"


def value(text: str, name: str) -> object:
    return read_offer_letter(text).value(name)


# --- pay ----------------------------------------------------------------------------------------
def test_yearly_salary_with_its_sentence() -> None:
    reading = read_offer_letter("Dear Jo,\n\nYour annual base salary will be $120,000. Welcome!")
    found = reading.fields["base_salary"]
    assert found.value == pytest.approx(120_000)
    assert found.quote == "Your annual base salary will be $120,000."
    assert found.bound == "exact"
    assert reading.value("currency") == "USD"


def test_monthly_salary_is_twelve_months() -> None:
    assert value("Salary: £3,250 per month gross", "base_salary") == pytest.approx(39_000)


def test_weekly_pay_is_fifty_two_weeks() -> None:
    assert value("Your pay will be £500 per week.", "base_salary") == pytest.approx(26_000)


def test_hourly_pay_uses_the_stated_hours() -> None:
    text = "Your rate of pay is £14.00 per hour. You will work 20 hours per week."
    reading = read_offer_letter(text)
    assert reading.value("hours_per_week") == pytest.approx(20)
    # 14 x 20 hours x 52 weeks = 14,560 (docs/domain.md section 1, through periods.to_annual)
    assert reading.value("base_salary") == pytest.approx(14_560)
    assert reading.value("base_salary") == pytest.approx(to_annual(14, "hour", hours_per_week=20))
    assert "20 hours per week" in reading.fields["base_salary"].quote


def test_hourly_pay_without_hours_is_not_annualised() -> None:
    reading = read_offer_letter("You will be paid £12.60 per hour on a zero-hours contract.")
    assert "base_salary" not in reading.fields
    assert "hours" in reading.mentioned["base_salary"].note
    assert "salary" in reading.missing


def test_full_time_equivalent_salary_is_not_the_pay() -> None:
    text = "The salary is £30,000 per annum pro rata. You will work 18.75 hours per week."
    reading = read_offer_letter(text)
    assert "base_salary" not in reading.fields
    assert "full-time-equivalent" in reading.mentioned["base_salary"].note


def test_a_salary_range_is_not_the_salary() -> None:
    text = (
        "The salary range for this position is $120,000 to $150,000. "
        "Your base salary will be $135,000 per year."
    )
    assert value(text, "base_salary") == pytest.approx(135_000)


def test_pay_frequency_is_not_a_pay_period() -> None:
    reading = read_offer_letter("Your salary will be $2,500 per pay period.")
    assert "base_salary" not in reading.fields


# --- currency and equity ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Salary £40,000 a year.", "GBP"),
        ("Salary $40,000 a year.", "USD"),
        ("Salary €40,000 a year.", "EUR"),
    ],
)
def test_currency_from_the_salary(text: str, code: str) -> None:
    assert value(text, "currency") == code


def test_equity_value_and_shares_are_apart() -> None:
    rsu = read_offer_letter("You will receive RSUs with a grant value of $200,000.")
    assert rsu.value("equity_grant_value") == pytest.approx(200_000)
    assert rsu.value("equity_shares") is None
    options = read_offer_letter(
        "You will be granted an option to purchase 30,000 shares at an exercise price of "
        "$2.10 per share. There are 9,000,000 shares outstanding."
    )
    assert options.value("equity_shares") == pytest.approx(30_000)
    assert options.value("equity_strike") == pytest.approx(2.10)
    assert options.value("equity_grant_value") is None  # a price per share is not a value
    assert options.value("equity_kind") == "option"


@pytest.mark.parametrize(
    ("sentence", "schedule"),
    [
        (
            "The RSUs vest over four years, 25% after a one-year cliff and then monthly.",
            "standard",
        ),
        (
            "The units vest over 4 years: 25% on the first anniversary, then quarterly.",
            "standard_quarterly",
        ),
        ("The award will vest quarterly over four years with no cliff.", "quarterly_no_cliff"),
        ("The RSUs vest 10%, 20%, 30% and 40% in years one to four.", (0.1, 0.2, 0.3, 0.4)),
        ("The shares vest in equal annual instalments over three years.", (1 / 3, 1 / 3, 1 / 3)),
    ],
)
def test_vesting_schedules(sentence: str, schedule: object) -> None:
    found = value(sentence, "vesting_schedule")
    if isinstance(schedule, tuple):
        assert found == pytest.approx(schedule)
    else:
        assert found == schedule


def test_a_vesting_schedule_not_stated_in_full_is_a_question() -> None:
    reading = read_offer_letter("Your RSUs will vest in line with the plan rules.")
    assert "vesting_schedule" not in reading.fields
    assert any("vesting schedule" in q for q in reading.questions())


# --- pension ------------------------------------------------------------------------------------
def test_uk_pension_employer_rate_not_the_employee_rate() -> None:
    text = "The Company will contribute 6% of your basic salary to the pension, provided you contribute 4%."
    reading = read_offer_letter(text)
    assert reading.value("pension_employer_rate") == pytest.approx(0.06)
    assert reading.value("pension_basis") == "salary"


def test_employee_rate_alone_is_not_an_employer_rate() -> None:
    reading = read_offer_letter("You may contribute 5% of your salary to the pension scheme.")
    assert "pension_employer_rate" not in reading.fields
    assert "pension_employer_rate" in reading.mentioned


def test_401k_match() -> None:
    reading = read_offer_letter("Our 401(k) plan matches 50% of the first 6% of pay you defer.")
    assert reading.value("match_rate") == pytest.approx(0.5)
    assert reading.value("match_cap") == pytest.approx(0.06)


def test_match_becomes_the_offers_pension() -> None:
    reading = read_offer_letter(
        "Your base salary will be $100,000 per year. The 401(k) plan offers a dollar-for-dollar "
        "match up to 4% of your pay."
    )
    pension = reading.to_offer().pension
    assert pension is not None
    assert (pension.match_rate, pension.match_cap) == pytest.approx((1.0, 0.04))


# --- dates, probation, conditions ---------------------------------------------------------------
def test_start_date_and_answer_deadline() -> None:
    reading = read_offer_letter(
        "Your start date will be 1 June 2026. Please return the signed copy by 15 May 2026."
    )
    assert reading.value("start_date") == dt.date(2026, 6, 1)
    assert reading.value("offer_expires") == dt.date(2026, 5, 15)


def test_us_dates() -> None:
    reading = read_offer_letter(
        "You will start on March 16, 2026. This offer expires on March 2, 2026."
    )
    assert reading.value("start_date") == dt.date(2026, 3, 16)
    assert reading.value("offer_expires") == dt.date(2026, 3, 2)


def test_an_ambiguous_or_contradictory_date_is_not_guessed() -> None:
    ambiguous = read_offer_letter("Your start date will be 03/04/2026.")
    assert "start_date" not in ambiguous.fields
    assert "start_date" in ambiguous.mentioned
    wrong_day = read_offer_letter("You will start on Tuesday 2 March 2026.")  # a Monday
    assert "start_date" not in wrong_day.fields


def test_a_relative_deadline_is_a_question() -> None:
    reading = read_offer_letter("Please confirm your acceptance within five working days.")
    assert "offer_expires" not in reading.fields
    assert "By what date do they need your answer?" in reading.questions()


def test_probation_in_months_only() -> None:
    assert value("There is a probationary period of six months.", "probation_months") == 6
    reading = read_offer_letter("The first 90 days are an introductory period.")
    assert "probation_months" not in reading.fields


def test_conditions_are_canonical_keys() -> None:
    text = (
        "This offer is subject to an enhanced DBS check, a credit check, satisfactory "
        "references, your right to work in the UK, a drug test, an occupational health "
        "assessment and your professional registration."
    )
    assert value(text, "conditions") == (
        "background_check",
        "credit_check",
        "references",
        "right_to_work",
        "drug_test",
        "medical",
        "qualifications",
    )


# --- precision-first negatives (issue 18, point 2) -----------------------------------------------
def test_discretionary_bonus_has_no_target() -> None:
    reading = read_offer_letter("You will be eligible for the discretionary bonus scheme.")
    assert "bonus_target_rate" not in reading.fields
    assert reading.mentioned["bonus_target_rate"].note == "no target percentage is stated"


def test_target_bonus_and_up_to_bonus() -> None:
    assert value(
        "Your annual bonus target is 15% of base salary.", "bonus_target_rate"
    ) == pytest.approx(0.15)
    capped = read_offer_letter("You may earn a bonus of up to 20% of salary.").fields[
        "bonus_target_rate"
    ]
    assert (capped.value, capped.bound, capped.marked) == (pytest.approx(0.2), "up_to", True)
    ranged = read_offer_letter("The bonus is 10-15% of base salary.").fields["bonus_target_rate"]
    assert (ranged.value, ranged.high, ranged.bound) == (
        pytest.approx(0.1),
        pytest.approx(0.15),
        "range",
    )


def test_flexible_pto_has_no_day_count() -> None:
    reading = read_offer_letter("We offer flexible paid time off.")
    assert "holiday_days" not in reading.fields
    assert "holiday_days" in reading.mentioned


def test_single_medical_cover_has_no_value() -> None:
    reading = read_offer_letter("The firm provides private medical insurance (single cover).")
    assert "health_care" not in reading.fields
    assert "health_care" in reading.mentioned
    assert "benefits" not in reading.missing  # the letter does speak of benefits


def test_health_contribution_with_a_figure() -> None:
    text = "The company contributes $500 per month toward your medical premiums."
    assert value(text, "health_care") == pytest.approx(6_000)


def test_relocation_up_to_is_marked_and_left_out_of_the_offer() -> None:
    reading = read_offer_letter(
        "Your salary will be £50,000 per annum. We will pay relocation costs of up to £8,000."
    )
    assert reading.fields["relocation"].bound == "up_to"
    assert reading.to_offer("A").relocation is None
    assert reading.to_offer("A", include_marked=True).relocation == pytest.approx(8_000)


def test_sign_on_and_its_repayment() -> None:
    reading = read_offer_letter(
        "You will receive a sign-on bonus of $25,000. If you leave within one year, you must "
        "repay it in full. Relocation must be repaid if you leave within 24 months."
    )
    assert reading.value("sign_on") == pytest.approx(25_000)
    assert reading.value("sign_on_repayment_months") == 12


def test_home_working_days() -> None:
    assert value("You may work two days a week from home.", "home_working_days") == pytest.approx(2)
    hybrid = read_offer_letter("This is a hybrid role.")
    assert "home_working_days" not in hybrid.fields
    assert "home_working_days" in hybrid.mentioned


def test_holiday_days() -> None:
    assert value("You will receive 25 days' annual leave plus bank holidays.", "holiday_days") == 25
    assert value("You will accrue 20 days of paid time off.", "holiday_days") == 20
    assert "holiday_days" not in read_offer_letter("You get 10 days of paid sick leave.").fields


def test_to_offer_invents_nothing() -> None:
    with pytest.raises(InputError, match="base_salary"):
        read_offer_letter("We offer you the role. Please start soon.").to_offer()
    offer = read_offer_letter("Your salary will be £45,000 per annum.").to_offer("X")
    assert offer.not_stated() == (
        "bonus",
        "sign_on",
        "relocation",
        "raise_rate",
        "equity",
        "holiday_days",
        "pension",
        "health_care",
        "travel_allowance",
        "company_car",
        "gym",
        "home_working",
        "study",
    )


def test_missing_is_in_checklist_terms() -> None:
    reading = read_offer_letter("Dear Sam, we would like to offer you a job.")
    assert reading.missing == ("role", "salary", "benefits", "expenses", "start_date", "conditions")
    assert reading.questions()[0] == (
        "Please confirm in writing the job title, duties and what the role requires."
    )


# --- hostile input ------------------------------------------------------------------------------
def test_a_letter_with_no_numbers_reads_without_figures() -> None:
    reading = read_offer_letter((CORPUS / "letter_no_numbers.txt").read_text("utf-8"))
    assert set(reading.fields) == {"role"}


def test_broken_pdf() -> None:
    with pytest.raises(InputError, match="PDF"):
        read_offer_letter(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")


def test_encrypted_pdf() -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(InputError, match="encrypted"):
        read_offer_letter(out.getvalue())


def test_pdf_with_no_text() -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(InputError, match="no text"):
        read_offer_letter(out.getvalue())


def test_zip_bomb_docx() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    assert len(out.getvalue()) < 1024 * 1024
    with pytest.raises(InputError, match="unpack"):
        read_offer_letter(out.getvalue())


def test_broken_docx() -> None:
    with pytest.raises(InputError, match="Word"):
        read_offer_letter(b"PK\x03\x04 not really a zip")


def test_twenty_megabytes_is_refused(tmp_path: Path) -> None:
    big = b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024)
    with pytest.raises(InputError, match="MB"):
        read_offer_letter(big)
    path = tmp_path / "big.pdf"
    path.write_bytes(big)
    with pytest.raises(InputError, match="MB"):
        read_offer_letter(path)


def test_binary_junk_and_wrong_types() -> None:
    with pytest.raises(InputError, match="not a PDF"):
        read_offer_letter(b"\x00\x01\x02")
    with pytest.raises(InputError, match="text, bytes or a path"):
        read_offer_letter(42)  # type: ignore[arg-type]


def test_hostile_text_stays_text_in_quotes() -> None:
    text = (
        "We offer you the position of Engineer <script>alert(1)</script> at ![](http://host/x.png) "
        "Ltd. Your salary will be £40,000 per annum. [x](javascript:alert(1))"
    )
    reading = read_offer_letter(text)
    assert reading.value("base_salary") == pytest.approx(40_000)
    assert "javascript:alert(1)" in reading.fields["base_salary"].quote  # kept as text
    assert "<script>" in reading.fields["role"].quote


# --- the corpus ---------------------------------------------------------------------------------
def test_corpus_has_the_letters_the_issue_asks_for() -> None:
    files = letters()
    assert len([p for p in files if p.suffix == ".txt"]) >= 20
    assert {p.suffix for p in files} == {".txt", ".pdf", ".docx"}


@pytest.mark.parametrize("letter", [*letters(), *letters(HOLDOUT)], ids=lambda p: p.name)
def test_corpus_letter_read_field_by_field(letter: Path) -> None:
    result = score(letter)
    assert result.problems == []
    assert "wrong" not in result.outcome.values()


def test_committed_pdf_and_docx_match_their_text() -> None:
    from tests.letters.make_files import DOCX_SOURCE, PDF_SOURCE, pdf_bytes

    pdf_text = (CORPUS / f"{PDF_SOURCE}.txt").read_text("utf-8")
    assert (CORPUS / f"{PDF_SOURCE}.pdf").read_bytes() == pdf_bytes(pdf_text)
    from_docx = read_offer_letter(CORPUS / f"{DOCX_SOURCE}.docx")
    from_text = read_offer_letter((CORPUS / f"{DOCX_SOURCE}.txt").read_text("utf-8"))
    assert {k: f.value for k, f in from_docx.fields.items()} == {
        k: f.value for k, f in from_text.fields.items()
    }


def test_a_monthly_range_is_made_yearly_at_both_ends() -> None:
    reading = read_offer_letter(
        "We are pleased to offer you the role of Analyst at Kite Ltd. "
        "Your salary will be £3,000 to £3,500 per month."
    )
    found = reading.fields["base_salary"]
    # 3,000 x 12 = 36,000 and 3,500 x 12 = 42,000: the top of the range is yearly too
    assert (found.value, found.high, found.bound) == (36_000.0, 42_000.0, "range")
