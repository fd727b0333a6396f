"""The HTML reports opened in a real browser: headless Chromium (Debian's) driven by playwright.

Each page is made by the command from the repository's example workspace and opened from its file.
A screenshot of each is kept under the pytest temporary folder (`screenshots/`). Without Chromium
or playwright these tests skip, saying how to get them; under CI (the environment variable CI set)
they fail instead, since CI installs both (.ci/run).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from mentoring.i18n import catalog

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
#: Chromium's switches: headless, and nothing reached on the network behind a page's back.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: A4's printable width (210 mm less the print stylesheet's two 15 mm margins) in CSS pixels (96 a inch).
PRINTABLE = (210 - 2 * 15) / 25.4 * 96
#: The charts' drawing: each svg is 340 units wide, bars start at x = 138 and a full bar is 196 long.
SVG_WIDTH, BAR_X, BAR_LENGTH = 340, 138, 196
#: The periods charts: bars stand on y = 70 and a full one is 60 units high.
AXIS_Y, PLOT_HEIGHT = 70, 60

#: The pages: a name (for the screenshot) and the command's arguments.
PAGES = {
    "report-en": ["report", "hapsari-sosmed-2015", "--as-of", "2015-03-31"],
    "report-id": ["report", "hapsari-sosmed-2015", "--as-of", "2015-03-31", "--lang", "id"],
    "report-midway-by-group-id": ["report", "hapsari-sosmed-2015", "--as-of", "2015-02-28", "--by", "group", "--lang", "id"],
    "report-pmi-by-group": ["report", "pmi-temu-karya-2013", "--as-of", "2013-07-31", "--by", "group"],
    "report-jica-id": ["report", "jica-fundraising-2017", "--as-of", "2017-12-01", "--lang", "id"],
    "participants-en": ["participants", "hapsari-sosmed-2015", "--as-of", "2015-03-31", "--by", "group"],
    "participants-id": ["participants", "hapsari-sosmed-2015", "--as-of", "2015-03-31", "--lang", "id"],
    "report-months-id": ["report", "hapsari-sosmed-2015", "--as-of", "2015-03-31", "--period", "month", "--lang", "id"],
    "rollup-by-cohort": ["rollup", "hapsari-capacity", "--as-of", "2015-03-31", "--by", "cohort"],
    "rollup-quarters-by-sex-id": ["rollup", "hapsari-capacity", "--as-of", "2015-03-31", "--period", "quarter",
                                  "--by", "sex", "--lang", "id"],
    "cohorts-id": ["cohorts", "--as-of", "2015-03-31", "--lang", "id"],
    "actions-id": ["actions", "spi-deli-serdang", "--as-of", "2015-05-10", "--lang", "id"],
    "reflect-en": ["reflect", "spi-deli-serdang", "--as-of", "2015-07-15"],
    "reflect-id": ["reflect", "spi-deli-serdang", "--as-of", "2015-07-15", "--lang", "id"],
    "due-id": ["due", "--as-of", "2015-05-04", "--silent", "90", "--lang", "id"],
}
REPORTS = [name for name in PAGES if name.startswith(("report", "rollup"))]
#: Pages with a chart of each result.
CHARTED = REPORTS + [name for name in PAGES if name.startswith("reflect")]
INDONESIAN = [name for name, args in PAGES.items() if "id" in args]


def _missing() -> str | None:
    """Why the browser cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (python3 -m pip install -e '.[test]')"
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        return f"Chromium is not at {CHROMIUM} (on Debian: apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module."""
    why = _missing()
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"{why}: CI installs it (.ci/run)")
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
                                          args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def example(run, monkeypatch):
    """The repository's example workspace as the workspace in use, no language set around it."""
    monkeypatch.setenv("MENTORING_WORKSPACE", str(ROOT))
    monkeypatch.delenv("MENTORING_LANG", raising=False)
    return run


class Opened:
    """A page opened in the browser, with what it asked of the network and said on its console."""

    def __init__(self, browser, path: Path, shots: Path, width: int = 1000):
        self.path = path
        self.shots = shots
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(self.url, wait_until="load")

    def shot(self, what: str) -> None:
        """Keep a screenshot of the whole page as it is now."""
        self.page.screenshot(path=str(self.shots / f"{self.path.stem}-{what}.png"), full_page=True)

    def close(self):
        self.page.close()


def make(run, tmp_path, name: str) -> Path:
    """The page the command writes for PAGES[name]."""
    path = tmp_path / f"{name}.html"
    out = run(*PAGES[name], "--output", str(path))
    assert out.exit_code == 0, out.output
    return path


@pytest.fixture
def opened(browser, example, tmp_path, tmp_path_factory, request):
    """`opened(name)` opens the page PAGES[name] and keeps its screenshot (full page, on screen)."""
    pages = []
    shots = tmp_path_factory.getbasetemp() / "screenshots"
    shots.mkdir(exist_ok=True)

    def open_(name: str, width: int = 1000) -> Opened:
        page = Opened(browser, make(example, tmp_path, name), shots, width)
        pages.append(page)
        page.shot(f"screen-{width}")
        return page

    yield open_
    for page in pages:
        page.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_nothing_fetched_and_no_console_error(opened, name):
    """The page asks the network for nothing but its own file, and the console shows no error."""
    page = opened(name)
    assert page.requests == [page.url]
    assert page.errors == []


def number(text: str, lang: str) -> float:
    """A figure as a page shows it, read back: `1.234,5` (id) or `1,234.5` (en); `%` dropped."""
    text = text.strip().rstrip("%")
    if lang == "id":
        text = text.replace(".", "").replace(",", ".")
    return float(text.replace(",", ""))


@pytest.mark.parametrize("name", REPORTS)
def test_each_result_shows_its_actual_and_target(opened, example, name):
    """Each result's chart shows, as visible text, its target and its actual as the JSON gives them
    (rounded to the one decimal a page shows), and its row in the table says the same."""
    page = opened(name).page
    lang = "id" if "id" in PAGES[name] else "en"
    args = [a for a in PAGES[name] if a not in ("--lang", "id")]
    results = json.loads(example(*args, "--format", "json").stdout)["results"]
    assert page.locator("#results-chart .result").count() == len(results)
    for result in results:
        chart = page.locator(f"#chart-{result['id']}")
        for key in ("target", "actual"):
            label = chart.locator(f".label-{key}")
            assert label.is_visible()
            shown = label.text_content().split()[-1]
            if result[key] is None:
                assert shown == "-"
            else:
                assert number(shown, lang) == pytest.approx(result[key], abs=0.05)
        # The result's first row (under a break-down, the whole's: the id is shown once a block).
        row = page.locator("#table-results tbody tr", has=page.locator(f"td[data-key=id]:text-is('{result['id']}')")).first
        cells = [row.locator(f"td[data-key={key}]").inner_text() for key in ("target", "actual")]
        target = chart.locator(".label-target").text_content().split()[-1]
        actual = chart.locator(".label-actual").text_content().split()[-1]
        assert cells == [target, actual]


@pytest.mark.parametrize("name", CHARTED)
def test_bars_are_drawn_in_proportion_to_their_figures(opened, name):
    """Every bar's drawn length is its figure over the chart's full scale times the drawn length of a
    full bar; the pace mark stands at the expected figure on the same scale (within half a pixel)."""
    page = opened(name).page
    charts = page.eval_on_selector_all("svg.bars", """svgs => svgs.map(svg => ({
        full: parseFloat(svg.dataset.full), width: svg.getBoundingClientRect().width,
        left: svg.getBoundingClientRect().left,
        marks: [...svg.querySelectorAll('rect[data-value], path.pace')].map(m => ({
            kind: m.getAttribute('class'), value: parseFloat(m.dataset.value),
            left: m.getBoundingClientRect().left, width: m.getBoundingClientRect().width}))}))""")
    assert charts
    drawn = 0
    for chart in charts:
        unit = chart["width"] / SVG_WIDTH  # screen pixels per SVG unit
        per_figure = BAR_LENGTH * unit / chart["full"]
        for mark in chart["marks"]:
            start = mark["left"] - chart["left"] - BAR_X * unit
            if mark["kind"] == "pace":
                assert start + mark["width"] / 2 == pytest.approx(mark["value"] * per_figure, abs=0.5)
            else:
                assert start == pytest.approx(0, abs=0.5)
                assert mark["width"] == pytest.approx(mark["value"] * per_figure, abs=0.5)
            drawn += 1
    assert drawn > len(charts)


@pytest.mark.parametrize("name", [name for name in PAGES if "--period" in PAGES[name]])
def test_period_bars_are_drawn_in_proportion_to_their_figures(opened, name):
    """In each periods chart every bar's drawn height is its actual over the chart's full scale times
    the drawn height of the plot (60 units), and it stands on the axis (within half a pixel)."""
    page = opened(name).page
    charts = page.eval_on_selector_all("svg.periods", """svgs => svgs.map(svg => ({
        full: parseFloat(svg.dataset.full), width: svg.getBoundingClientRect().width,
        bottom: svg.getBoundingClientRect().top,
        bars: [...svg.querySelectorAll('rect.actual')].map(m => ({
            value: parseFloat(m.dataset.value), height: m.getBoundingClientRect().height,
            bottom: m.getBoundingClientRect().bottom}))}))""")
    assert charts and sum(len(chart["bars"]) for chart in charts) > len(charts)
    for chart in charts:
        unit = chart["width"] / SVG_WIDTH
        for bar in chart["bars"]:
            assert bar["height"] == pytest.approx(bar["value"] * PLOT_HEIGHT * unit / chart["full"], abs=0.5)
            assert bar["bottom"] == pytest.approx(chart["bottom"] + AXIS_Y * unit, abs=0.5)


@pytest.mark.parametrize("name", list(PAGES))
def test_printed_on_a4_every_table_and_chart_fits_the_width(opened, name):
    """Under print emulation, at A4's printable width, no table, chart or the page itself is wider
    than the paper; rows are not split across pages and table headers repeat on each page."""
    report = opened(name, width=int(PRINTABLE))
    page = report.page
    page.emulate_media(media="print")
    report.shot("print")
    limit = int(PRINTABLE)
    too_wide = page.eval_on_selector_all(
        "table, svg, figure, html",
        f"els => els.filter(e => e.scrollWidth > {limit} || e.getBoundingClientRect().right > {limit} + 0.5)"
        ".map(e => e.tagName + '#' + e.id + ' ' + e.scrollWidth)")
    assert too_wide == []
    rows = page.eval_on_selector_all("tr", "els => [...new Set(els.map(e => getComputedStyle(e).breakInside))]")
    heads = page.eval_on_selector_all("thead", "els => [...new Set(els.map(e => getComputedStyle(e).display))]")
    assert (rows, heads) == (["avoid"], ["table-header-group"])


@pytest.mark.parametrize("name", INDONESIAN)
def test_indonesian_pages_show_no_english_label_date_or_status(opened, name):
    """With --lang id, the text a reader sees holds no label of the English catalog (data such as
    ids, names and statements, marked translate="no", are set aside), no ISO date and no English month (April, September and November are Indonesian too)."""
    page = opened(name).page
    text = page.evaluate("""() => {
        const copy = document.body.cloneNode(true);
        copy.querySelectorAll('[translate=no]').forEach(e => e.remove());
        document.body.after(copy);
        const text = copy.innerText;
        copy.remove();
        return text;
    }""")
    english = [message for message, translation in catalog("id").items()
               if message != translation and "{" not in message
               and re.search(rf"(?<![\w-]){re.escape(message)}(?![\w-])", text, flags=re.IGNORECASE)]
    assert english == []
    assert re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text) == []
    assert re.findall(r"\b(January|February|March|May|June|July|August|October|December)\b", text) == []
