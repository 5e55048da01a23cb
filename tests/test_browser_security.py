"""Hostile text never runs and never makes the page fetch anything, in headless Chromium.

Payloads (script tags, event handlers, an iframe with srcdoc, a Markdown image on another
host, a javascript: link, an SVG onload) reach every text field three ways: typed into every
text box and editable table cell on every page (and the sidebar's scenario Name box), loaded
from a version-2 scenario file whose every text field holds them (its file name too), and
carried by a refused file (name and content) whose error message must show them as text.
Then every page is visited (Compare with every chart, Next steps with every message open) and
the page must hold no element made from user text, no script may have run, no request may have
gone to any host but the app's, and the payloads must be visible as plain text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from browser_util import (
    TIMEOUT_MS,
    AppServer,
    artifacts_on_failure,
    browser_idle,
    chromium,
    chromium_executable,
    foreign_requests,
    goto,
    key_selector,
    new_page,
    open_page,
    rerun,
    seed_example,
    set_input,
    wait_charts,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "![](http://198.51.100.7/x.png)",
    "[x](javascript:window.__pwned=1)",
    '<svg onload="window.__pwned=1">',
    '<a href="http://198.51.100.7/a">a</a>',
)
#: Every payload in one string (for long text), and two halves that fit a 200-character box.
ALL = " ".join(PAYLOADS)
HALVES = (" ".join(PAYLOADS[:3]), " ".join(PAYLOADS[3:]))
#: The first application's field paths on Next steps.
FIRST = "next_steps.applications.0"
#: Scenario names (at most 80 characters each); together they hold every payload.
NAMES = (
    f"{PAYLOADS[0]} {PAYLOADS[3]}",
    f"{PAYLOADS[1]} {PAYLOADS[5]}",
    PAYLOADS[2],
    f"{PAYLOADS[4]} {PAYLOADS[6]}",
)
#: File names carrying payloads (the browser sends a double quote in a name as %22, so none).
REFUSED_NAMES = (f"{PAYLOADS[4]}.json", f"{PAYLOADS[3]}.json")
FILE_NAMES = ("<svg onload=window.__pwned=1>.json", "<img src=x onerror=window.__pwned=1>.json")
CHARTS = (
    "Year one, by part",
    "Over the years",
    "Weighted score",
    "If you leave early",
    "Take-home pay",
    "Cost of living",
)

# Anything in the page that user text could have turned into markup. The app itself draws no
# image, frame, script, inline handler or link off the app in its main area and sidebar.
# "severe": a payload ran or could run or fetch; "links": http(s) links to another host (a
# click away from leaving the app; kept apart, see test_user_text_never_becomes_a_link).
PAGE_PROBLEMS = """
(origin) => {
  const severe = [], links = [];
  const areas = [...document.querySelectorAll(
    '[data-testid="stMain"], [data-testid="stSidebar"]')];
  if (!areas.length) severe.push('no app areas found');
  if (typeof window.__pwned !== 'undefined') severe.push('window.__pwned is set');
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.toLowerCase().startsWith('on')) {
        severe.push(`inline handler ${attr.name} on <${el.tagName.toLowerCase()}>`);
      }
    }
  }
  for (const el of document.querySelectorAll('iframe, frame, object, embed, img[src*="198.51"]')) {
    severe.push(`<${el.tagName.toLowerCase()}>: ${el.outerHTML.slice(0, 120)}`);
  }
  for (const area of areas) {
    for (const el of area.querySelectorAll('script, img, svg[onload], image, use[href]')) {
      severe.push(`<${el.tagName.toLowerCase()}> in the app: ${el.outerHTML.slice(0, 120)}`);
    }
  }
  const anchors = areas.flatMap((area) => [...area.querySelectorAll('a[href], [*|href]')]);
  for (const a of anchors) {
    const href = (a.getAttribute('href') || a.getAttribute('xlink:href') || '').trim();
    if (!href || href.startsWith('#')) continue;
    let url;
    try {
      url = new URL(href, location.href);
    } catch (e) {
      severe.push(`unreadable link ${href}`);
      continue;
    }
    if (url.origin === origin) continue;
    if (url.protocol === 'http:' || url.protocol === 'https:') links.push(href);
    else severe.push(`${url.protocol} link: ${href}`);
  }
  return {severe, links};
}
"""


@pytest.fixture
def server(tmp_path) -> Iterator[AppServer]:
    """The app on a data folder holding the example."""
    seed_example(tmp_path / "home")
    with AppServer(tmp_path / "home", log=tmp_path / "streamlit.log") as app:
        yield app


class Audit:
    """Looks for payloads that became markup or ran, page by page; reports every finding at
    the end (so one finding does not hide the others)."""

    def __init__(self, page: Any, server: AppServer, requested: list[str]) -> None:
        self.page = page
        self.server = server
        self.requested = requested
        self.findings: dict[str, list[str]] = {}
        self.links: dict[str, list[str]] = {}

    def check(self, where: str) -> None:
        """No payload became markup or ran here, and the page drew without an exception."""
        found = self.page.evaluate(PAGE_PROBLEMS, self.server.url)
        problems = list(found["severe"])
        errors = self.page.locator('[data-testid="stException"]').count()
        if errors:
            problems.append(f"{errors} exception(s) shown")
        for problem in problems:
            self.findings.setdefault(problem, []).append(where)
        for href in found["links"]:
            self.links.setdefault(href, []).append(where)

    def shown(self, texts: list[str], where: str) -> None:
        """Each of ``texts`` is visible as plain text here."""
        visible = _text(self.page)
        for text in texts:
            if text not in visible:
                self.findings.setdefault(f"not shown as text: {text!r}", []).append(where)

    def assert_clean(self) -> None:
        report = [
            f"{problem}  [{', '.join(dict.fromkeys(where))}]"
            for problem, where in self.findings.items()
        ]
        foreign = foreign_requests(self.requested, self.server.host)
        report += [f"request to another host: {url}" for url in dict.fromkeys(foreign)]
        assert self.requested, "the request listener saw nothing"
        assert not report, "\n".join(report)


def loose(text: str) -> re.Pattern[str]:
    """``text`` as the page shows it: the app puts an invisible word joiner (U+2060) into web
    and e-mail addresses so Markdown cannot make links of them; match with or without it."""
    return re.compile("".join(re.escape(c) + "\u2060?" for c in text))


def _no_joiner(value: object) -> str:
    return str(value).replace("\u2060", "")


def _text(page: Any) -> str:
    """The text shown in the main area and the sidebar (as a reader sees it)."""
    return _no_joiner(
        page.evaluate(
            """() => ['stMain', 'stSidebar']
                .map((id) => document.querySelector(`[data-testid="${id}"]`))
                .filter(Boolean).map((el) => el.innerText).join('\\n')"""
        )
    )


def _open_expanders(page: Any, area: str = '[data-testid="stMain"]') -> None:
    """Open every closed expander in ``area`` (drawn in the browser, no rerun)."""
    closed = page.locator(f'{area} [data-testid="stExpander"] details:not([open]) > summary')
    for _ in range(100):
        if not closed.count():
            break
        closed.first.click()
    page.wait_for_function(
        '(area) => !document.querySelector(`${area} [data-testid="stExpander"] '
        "details:not([open])`)",
        arg=area,
    )


def _open_expander(page: Any, title: str) -> None:
    summary = page.locator('[data-testid="stExpander"] summary').filter(has_text=title)
    for index in range(summary.count()):
        details = summary.nth(index).locator("xpath=..")
        if details.get_attribute("open") is None:
            summary.nth(index).click()
        page.wait_for_function("(el) => el.open", arg=details.element_handle())


def _pick_chart(page: Any, name: str) -> None:
    option = page.locator(f'{key_selector("compare.chart")} [data-testid="stRadioOption"]')
    option = option.filter(has_text=re.compile(f"^{re.escape(name)}$"))
    if option.locator("input").is_checked():
        return
    with rerun(page):
        option.click()


def _edit_table_cell(page: Any, table: Any, row: int, text: str) -> None:
    """Type ``text`` into the last column of ``row`` of a st.data_editor (a glide grid drawn on
    a canvas: select a cell of the row, move right to the last column, Enter opens its editor,
    Enter commits; the edit is a rerun)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    canvas = table.locator('[data-testid="data-grid-canvas"]')
    editor = page.locator("#portal textarea").first
    for attempt in range(3):
        # in the middle of the screen, clear of Streamlit's header (it sits over the page's
        # top); the grid learns where it is from pointer moves, so move onto the cell first
        canvas.evaluate("(el) => el.scrollIntoView({block: 'center', behavior: 'instant'})")
        browser_idle(page)
        box = canvas.bounding_box()
        assert box is not None
        x, y = box["x"] + box["width"] / 2, box["y"] + 35 * (row + 1) + 17
        page.mouse.move(x - 10, y)
        page.mouse.move(x, y)
        browser_idle(page)
        page.mouse.click(x, y)
        browser_idle(page)
        for _ in range(6):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        try:
            editor.wait_for(timeout=5_000 if attempt < 2 else TIMEOUT_MS)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    editor.fill(text)
    with rerun(page):
        editor.press("Enter")


def _table(page: Any, path: str) -> Any:
    return page.locator(f'[class*="st-key-_oc_editor-{path.replace(".", "-")}-"]').first


def _visit_every_page(page: Any, audit: Audit, shown: dict[str, list[str]]) -> None:
    """Every page, every chart and every message; ``shown[page]`` must be visible as text."""
    open_page(page, "Your numbers")
    wait_charts(page)
    _open_expanders(page)
    audit.check("Your numbers")
    audit.shown(shown.get("Your numbers", []), "Your numbers")

    open_page(page, "Compare offers")
    same_money = page.locator(f"{key_selector('compare.same_money')} input")
    if not same_money.is_checked():
        with rerun(page):
            page.locator(key_selector("compare.same_money")).get_by_text(
                "Adjust for cost of living"
            ).click()
    _open_expanders(page)
    seen = []
    for name in CHARTS:
        _pick_chart(page, name)
        seen.append((name, wait_charts(page, at_least=1)))
        audit.check(f"Compare, {name}")
    assert all(count >= 1 for _, count in seen), seen
    audit.shown(shown.get("Compare offers", []), "Compare offers")

    open_page(page, "Next steps")
    for tab in ("Today", "Timeline and calendar", "Applications"):  # the last one is checked
        page.get_by_role("tab", name=tab).click()
        closed = page.locator(
            '[data-testid="stMain"] [data-testid="stExpander"] details:not([open]) > summary'
        ).filter(visible=True)
        for _ in range(100):
            if not closed.count():
                break
            closed.first.click()
        if tab == "Timeline and calendar":
            wait_charts(page)
        audit.check(f"Next steps, {tab}")
    messages = page.get_by_role("textbox", name="Your version")
    assert messages.count() >= 3  # the first application's: its plan's and its stage's
    audit.shown(shown.get("Next steps", []), "Next steps")

    open_page(page, "About")
    audit.check("About")


def _rename(page: Any, audit: Audit, name: str) -> None:
    """Rename the open scenario from the sidebar; the name shows as text, nothing runs."""
    from playwright.sync_api import expect

    _open_expander(page, "New, rename or delete")
    set_input(page, "_oc_new_name", name)
    with rerun(page):
        page.get_by_role("button", name="Rename", exact=True).click()
    expect(
        page.locator('[data-testid="stAlert"]').filter(has_text=loose(f"Renamed to '{name}'."))
    ).to_be_visible()
    expect(page.get_by_role("combobox", name="Job search")).to_have_value(name)
    audit.check(f"after renaming to {name}")


@pytest.mark.parametrize("turn", [0, 1])
def test_typed_payloads_never_run(server, turn):
    """Type the payloads into every text box and table cell (the halves swap between turns)."""
    executable = chromium_executable()
    from playwright.sync_api import expect, sync_playwright

    one, other = HALVES[turn], HALVES[1 - turn]
    requested: list[str] = []
    with sync_playwright() as playwright, chromium(playwright, executable) as browser:
        page = new_page(browser, requested)
        audit = Audit(page, server, requested)
        with artifacts_on_failure(page, f"typed-{turn}"):
            goto(page, server.url)

            # Your numbers: the script settings, a data point's label, the job-title search.
            _open_expander(page, "Range settings")
            set_input(page, "numbers.role", one)
            set_input(page, "numbers.contact_name", other)
            _edit_table_cell(page, _table(page, "numbers.points"), 0, one)
            _edit_table_cell(page, _table(page, "numbers.points"), 1, other)
            with rerun(page):
                page.locator(key_selector("numbers.market_source")).get_by_text(
                    "US market data (BLS)"
                ).click()
            set_input(page, "numbers.occupation_query", one)
            audit.check("Your numbers, job title search")
            expect(page.locator(f"{key_selector('numbers.occupation_query')} input")).to_have_value(
                one
            )
            with rerun(page):
                page.locator(key_selector("numbers.market_source")).get_by_text(
                    "Figures I collected"
                ).click()
            audit.check("Your numbers")

            # Compare: names, the other benefit's name, the place's label, for both offers.
            open_page(page, "Compare offers")
            set_input(page, "offers.0.name", one)
            set_input(page, "offers.1.name", other)
            set_input(page, "offers.0.custom_name", other)
            set_input(page, "offers.1.custom_name", one)
            _open_expander(page, "Place and tax")
            set_input(page, "offers.0.place_label", one)
            set_input(page, "offers.1.place_label", other)
            audit.check("Compare")

            # Next steps: the interview's details, a contact-log note, a message of your own.
            open_page(page, "Next steps")
            page.get_by_role("tab", name="Applications").click()  # the example's first
            set_input(page, f"{FIRST}.company", one)
            set_input(page, f"{FIRST}.interviewer", other)
            set_input(page, f"{FIRST}.talking_point", ALL)
            set_input(page, f"{FIRST}.promised_items", other)
            log = _table(page, f"{FIRST}.contact_log")
            with rerun(page):
                log.hover()
                log.get_by_role("button", name="Add row").click()
            _edit_table_cell(page, _table(page, f"{FIRST}.contact_log"), 0, ALL)
            note = page.locator('[data-testid="stExpander"]:visible').filter(
                has_text="Thank-you note"
            )
            note.locator("summary").click()
            letter = note.get_by_role("textbox", name="Your version")
            letter.fill(f"{ALL}\n\n{one}")
            with rerun(page):
                letter.press("Control+Enter")
            expect(note.locator('[data-testid="stCode"]')).to_contain_text(ALL)
            audit.check("Next steps")

            # The sidebar's Name box: every payload, two at a time (a name holds 80 characters).
            for name in NAMES:
                _rename(page, audit, name)

            _visit_every_page(
                page,
                audit,
                {
                    "Your numbers": [f"{one}: £68,000.", f"{other}: £62,000."],
                    "Compare offers": [f"{one}: year one", f"{other}: year one"],
                    "Next steps": [f"Dear {other},", ALL, one],
                },
            )
    audit.assert_clean()


def _hostile_file(turn: int) -> str:
    """A version-2 scenario file: the example with a payload in every text field."""
    from app_pages.models import ScenarioInput, default_of, leaf_paths, max_length
    from app_pages.scenario_file import dump_scenario, example_scenario

    data = example_scenario().model_dump(mode="json")
    halves = iter(HALVES[(turn + n) % 2] for n in range(10_000))

    def text(limit: int | None) -> str:
        if limit is None or limit >= len(ALL):
            return ALL
        if limit < max(map(len, HALVES)):
            return PAYLOADS[5][:limit]
        return next(halves)

    applications = data["next_steps"]["applications"]
    for path in leaf_paths(len(applications)):
        default = default_of(path)
        limit = max_length(path) if path != "next_steps.application_count" else None
        free_text = isinstance(default, str) and limit is not None
        choice = path.endswith((".stage", ".subdivision"))
        if choice or not (free_text or ".messages." in path):
            continue
        node: Any = data
        *parents, leaf = path.split(".")
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[leaf] = text(limit)
    for row in data["numbers"]["points"]:
        row["label"] = text(200)
    interview = applications[0]["interview_date"]
    applications[0]["contact_log"] = [
        {"date": interview, "channel": "email", "direction": "sent", "note": ALL},
        {"date": interview, "channel": "phone", "direction": "received", "note": text(200)},
    ]
    # the two offers' names differ (the same name twice is refused by the comparison)
    data["offers"][0]["name"], data["offers"][1]["name"] = HALVES[turn], HALVES[1 - turn]
    data["compare"]["same_money"] = True
    return dump_scenario(ScenarioInput.model_validate(data))


@pytest.mark.parametrize("turn", [0, 1])
def test_loaded_and_refused_files_never_run(server, turn):
    """A refused file shows its payload as text; a loaded one puts payloads everywhere."""
    executable = chromium_executable()
    from playwright.sync_api import expect, sync_playwright

    hostile = _hostile_file(turn)
    loaded = json.loads(hostile)
    names = (loaded["offers"][0]["name"], loaded["offers"][1]["name"])
    requested: list[str] = []
    with sync_playwright() as playwright, chromium(playwright, executable) as browser:
        page = new_page(browser, requested)
        audit = Audit(page, server, requested)
        with artifacts_on_failure(page, f"files-{turn}"):
            goto(page, server.url)
            upload = page.locator('[data-testid="stFileUploaderDropzoneInput"]')

            # (c) A refused file: its payloads come back in the error as text; nothing changes.
            # the message quotes at most 80 characters of the bad value
            shown = (f"{PAYLOADS[0]} {PAYLOADS[3]}", PAYLOADS[2])[turn]
            refused = {"schema": shown, "version": 2}
            with rerun(page):
                upload.set_input_files(
                    {
                        "name": REFUSED_NAMES[turn],
                        "mimeType": "application/json",
                        "buffer": json.dumps(refused).encode(),
                    }
                )
            error = page.locator('[data-testid="stAlert"]').filter(has_text="was not loaded")
            expect(error).to_contain_text(loose(shown))
            expect(page.get_by_role("button", name=f"Remove {REFUSED_NAMES[turn]}")).to_be_visible()
            audit.check("after a refused file")
            expect(page.get_by_text("London fintech: £68,000.").first).to_be_visible()

            # (b) A scenario file with a payload in every text field, and in its name.
            file_name = FILE_NAMES[turn]
            with rerun(page):
                upload.set_input_files(
                    {"name": file_name, "mimeType": "application/json", "buffer": hostile.encode()}
                )
            success = page.locator('[data-testid="stAlert"]').filter(has_text="Loaded")
            expect(success).to_contain_text(loose(f"Loaded {file_name}."))
            audit.check("after loading the file")
            _open_expanders(page, '[data-testid="stSidebar"]')
            expect(page.get_by_role("combobox", name="Version")).to_have_value(
                re.compile(re.escape(file_name))
            )
            audit.check("sidebar, recent versions")

            _visit_every_page(
                page,
                audit,
                {
                    "Your numbers": [f"{names[0]}: £68,000.", f"{names[1]}: £62,000."],
                    "Compare offers": [f"{names[0]}: year one", f"{names[1]}: year one"],
                    "Next steps": [ALL],
                },
            )
    audit.assert_clean()


# Where a link made from user text sits: a Markdown container or a chart (Plotly or ECharts).
LINKS_FROM = """
(origin) => [...document.querySelectorAll(
  '[data-testid="stMain"] a[href], [data-testid="stMain"] [*|href], '
  + '[data-testid="stSidebar"] a[href], [data-testid="stSidebar"] [*|href]')].flatMap((a) => {
  const href = (a.getAttribute('href') || a.getAttribute('xlink:href') || '').trim();
  if (!href || href.startsWith('#') || new URL(href, location.href).origin === origin) return [];
  const box = a.closest('[data-testid="stPlotlyChart"], [data-testid="stEChartsChart"]') ? 'chart'
    : a.closest('[data-testid="stMarkdownContainer"]') ? 'markdown' : 'elsewhere';
  return [`${box}: ${href}`];
})
"""


def _plotly_shows_name(page: Any, name: str) -> None:
    """A Plotly chart (the take-home waterfall) names the offer in its title, as plain text."""
    _pick_chart(page, "Take-home pay")
    wait_charts(page, at_least=2)  # one waterfall per offer
    titles = page.locator('[data-testid="stPlotlyChart"] .gtitle').evaluate_all(
        "(texts) => texts.map((t) => t.textContent)"
    )
    assert f"{name}: base salary after tax" in titles, titles


def _echarts_tooltip_shows_name(page: Any, name: str) -> None:
    """The year-one chart (ECharts) names the offer in its tooltip as text, and no element is
    made of it (ECharts' tooltips are HTML)."""
    _pick_chart(page, "Year one, by part")
    wait_charts(page, at_least=1)
    chart = page.locator('[data-testid="stEChartsChart"]').first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] * 0.75, box["y"] + box["height"] * 0.6)
    page.wait_for_function(
        "([chart, name]) => [...chart.querySelectorAll('div')].some((d) => "
        "d.textContent.includes(name))",
        arg=[chart.element_handle(), name],
    )
    made = chart.evaluate("(c) => c.querySelectorAll('a, b, img, iframe, script').length")
    assert made == 0


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("![](http://198.51.100.7/x.png) see http://198.51.100.7/y", "markdown"),
        ('<a href="//198.51.100.7/a">a</a> <b>b</b>', "chart"),
    ],
    ids=["markdown-autolink", "chart-label-markup"],
)
def test_user_text_never_becomes_a_link(server, name, kind):
    """An offer name holding a URL is shown as text: no link to another host is made of it,
    neither by Markdown (a bare or escaped URL is autolinked) nor by Plotly (whose labels take
    <a href>, <b>, <i> ... as markup) nor by ECharts (whose tooltips are HTML)."""
    executable = chromium_executable()
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright, chromium(playwright, executable) as browser:
        page = new_page(browser)
        goto(page, f"{server.url}/compare")
        with artifacts_on_failure(page, f"links-{kind}"):
            set_input(page, "offers.1.name", name)
            expect(page.get_by_text(loose(f"{name}: year one"))).to_be_visible()
            wait_charts(page)
            found = page.evaluate(LINKS_FROM, server.url)
            links = [link for link in found if not link.startswith("chart:")]
            if kind == "chart":
                links = [link for link in found if link.startswith("chart:")]
            assert not links, f"user text became links ({kind}): {sorted(set(links))}"
            if kind == "chart":
                _plotly_shows_name(page, name)
                _echarts_tooltip_shows_name(page, name)
