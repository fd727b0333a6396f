"""`--format html` without a browser: one self-contained, escaped page, charts drawn to scale,
body and shell apart (tests/test_browser.py opens the pages in Chromium)."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import attrs
import pytest
from test_cli_report import FILES

import mentoring
from mentoring.i18n import catalog, language
from mentoring.progress import ResultFigures
from mentoring.render import html, render, tables
from mentoring.render.charts import LENGTH, result_bars


def figures(unit="count", target=7.0, actual=5.0, expected=None, status=None):
    return ResultFigures(id="r", statement="s", measure="participants", unit=unit, target=target, baseline=None,
                         actual=actual, gap=None, status=status, due=dt.date(2015, 3, 31), expected=expected)


def test_bars_share_one_scale_per_result():
    """Target 7, actual 5, pace 3.5: the longest (7) is full length, the others 5/7 and 3.5/7 of it."""
    bars = result_bars(figures(target=7, actual=5, expected=3.5))
    assert (bars.full, bars.target, bars.actual, bars.pace) == (7, LENGTH, LENGTH * 5 / 7, LENGTH / 2)


def test_an_actual_beyond_the_target_sets_the_scale():
    """37 hours against 30: the actual is full length and the target 30/37 of it."""
    bars = result_bars(figures(unit="hours", target=30, actual=37, expected=30))
    assert (bars.full, bars.actual, bars.target) == (37, LENGTH, LENGTH * 30 / 37)


def test_a_percentage_is_drawn_out_of_100():
    """88.2% against 80%: a full bar is 100%, so the bars are 0.882 and 0.8 of it."""
    bars = result_bars(figures(unit="percent", target=80, actual=88.2, expected=80))
    assert (bars.full, bars.actual, bars.target) == (100, LENGTH * 0.882, LENGTH * 0.8)


def test_nothing_to_draw_is_no_bar():
    """An empty actual and a sum too large for a float draw no bar; all zero draws zero-length bars."""
    assert result_bars(figures(actual=None)).actual is None
    assert result_bars(figures(actual=float("inf"))).actual is None
    zero = result_bars(figures(target=0, actual=0))
    assert (zero.target, zero.actual) == (0, 0)


@pytest.fixture
def progress(workspace):
    """The progress fixture's figures as of 2015-01-20."""
    return mentoring.open_workspace(workspace(FILES), search=False).progress("k", "2015-01-20")


class Visible(HTMLParser):
    """The text a reader sees (no style, no SVG title), outside elements marked translate="no"."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        hidden = tag in ("style", "title", "head") or dict(attrs).get("translate") == "no"
        if tag not in ("meta", "br", "rect", "path", "circle", "hr"):
            self.stack.append((tag, hidden or (bool(self.stack) and self.stack[-1][1])))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):
            self.text.append(data)


def visible(page: str) -> str:
    parser = Visible()
    parser.feed(page)
    return " ".join(" ".join(parser.text).split())


def english_left(text: str) -> list[str]:
    """Every English label (whose Indonesian differs) still found, as a word, in the text."""
    found = []
    for message, translation in catalog("id").items():
        if message == translation or "{" in message:
            continue
        if re.search(rf"(?<![\w-]){re.escape(message)}(?![\w-])", text, flags=re.IGNORECASE):
            found.append(message)
    return found


@pytest.mark.parametrize("view", ["report", "participants"])
def test_indonesian_page_shows_no_english_label(progress, view):
    """In Indonesian no label of the catalog is left in English anywhere a reader sees text (data
    such as ids, names and statements are marked translate="no" and set aside); dates are Indonesian."""
    page = render(view, progress, "html", "id")
    text = visible(page)
    assert english_left(text) == []
    assert "20 Januari 2015" in text and "2015-01-20" not in text
    assert english_left(visible(render(view, progress, "html", "en"))) != []  # the check can fail


def test_the_page_is_self_contained(progress):
    """Nothing is fetched or run: no script, no external link, image, font or stylesheet, no url()."""
    page = render("report", progress, "html")
    assert re.search(r"<script|<link|<img|<iframe|@import|url\(|src=|https?://", page, flags=re.I) is None


def test_every_value_is_escaped(workspace):
    """A statement holding markup is shown as text, never run."""
    files = dict(FILES, **{"curricula/prog.toml": FILES["curricula/prog.toml"].replace(
        'statement = "Four sessions"', 'statement = "<script>alert(1)</script> & <b>four</b>"')})
    page = mentoring.open_workspace(workspace(files), search=False).progress("k", "2015-01-20")
    text = render("report", page, "html")
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;four&lt;/b&gt;" in text


def test_statuses_carry_a_word_and_a_shape(progress):
    """Each status badge holds its word and an SVG shape, so colour is never alone."""
    page = render("report", progress, "html")
    badges = re.findall(r'<span class="badge ([\w-]+)" data-status="([^"]+)"><svg[^>]*>.*?</svg>([^<]+)</span>', page)
    statuses = {r.status.value for r in progress.results}
    assert {word for _, word, _ in badges} == statuses
    assert all(shown == word for _, word, shown in badges)


def test_every_chart_has_a_text_alternative(progress):
    """Each result's chart is an image whose title says its actual, target and pace in words:
    hours, as of 01-20 (day 19 of 30), 8 of 10 with 10 x 19/30 = 6.3 expected."""
    page = render("report", progress, "html")
    assert page.count('role="img" aria-labelledby="chart-') == len(progress.results)
    assert '<title id="chart-hours-alt">hours: actual 8.0 of target 10.0; 6.3 expected by now; on track</title>' in page


def test_body_and_shell_are_apart(progress):
    """A view's body has no page shell, so a web app can put it in its own; the page wraps it."""
    document = tables.report(progress)
    body = html.body(document, language("en"))
    assert "<html" not in body and "<head>" not in body and 'id="results-chart"' in body
    assert body in html.page(document, language("en"))


def test_a_view_without_its_own_page_uses_the_generic_one(progress):
    """The cohorts view has no template of its own: the generic one shows its table and header."""
    page = render("cohorts", mentoring.Overview(dt.date(2015, 1, 20), (progress,)), "html")
    assert html.body_template("cohorts") == "views/document.html"
    assert '<table id="table-cohorts">' in page and "<h1>Cohorts</h1>" in page


def test_every_template_compiles():
    """Every template parses (a template that does not is also invisible to the catalog's extraction)."""
    names = sorted(p.relative_to(html.TEMPLATES).as_posix() for p in html.TEMPLATES.rglob("*.html"))
    assert "views/report.html" in names
    for name in names:
        html.environment().get_template(name)


def test_period_bars_share_one_scale():
    """Sessions 3, 7 and 12 at the end of three months against 2.4, 6 and 10 expected and a target of
    10: the largest figure (12) is the full height of 60 units, so the bars are 15, 35 and 60 high,
    the expected line at 12, 30 and 50, the target's level at 50."""
    from mentoring.progress import PeriodFigures
    from mentoring.render.charts import BASE, TOP, period_bars

    def period(month, actual, expected):
        return PeriodFigures(dt.date(2015, month, 1), dt.date(2015, month, 28), actual, None, expected, None)

    result = attrs.evolve(figures(target=10, actual=12), periods=(period(1, 3, 2.4), period(2, 7, 6), period(3, 12, 10)))
    chart = period_bars(result)
    assert BASE - TOP == 60 and chart.full == 12
    assert [bar.height for bar in chart.bars] == [15, 35, 60]
    assert [bar.expected for bar in chart.bars] == pytest.approx([12, 30, 50])
    assert chart.target == 50


def test_a_report_with_periods_draws_each_result_over_its_periods(progress_periods):
    """With --period each result gets a periods chart with a text alternative naming every period's
    actual and expected value (the progress fixture by quarter as of 01-20: one quarter, Q1, whose
    4 sessions stand against 4 x 19/30 = 2.5 expected)."""
    page = render("report", progress_periods, "html")
    assert page.count('<svg class="periods"') == len(progress_periods.results)
    assert '<title id="periods-sessions-alt">sessions: 2015-Q1 actual 4, expected 2.5</title>' in page


@pytest.fixture
def progress_periods(workspace):
    """The progress fixture's figures as of 2015-01-20, by quarter."""
    return mentoring.open_workspace(workspace(FILES), search=False).progress("k", "2015-01-20", period="quarter")
