"""The web app in a real browser: headless Chromium (Debian's `chromium`) driven by playwright.

The workspace and its figures are those of tests/test_web.py: cohort k1 (2015-03-01 to 2015-03-31),
participants p01 and p02 (p02 leaves on 2015-03-20), mentor rina; results `sessions-held` (target
4) and `attendance` (target 80%). A screenshot of each step is kept under the test's temporary
folder. Where Chromium or playwright is missing these tests skip, saying how to get them; with
the environment variable CI set they fail instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from live import RINA_LOG, serving, web_workspace
from test_browser import browser  # noqa: F401 - one headless Chromium, started as the HTML reports' tests start it

AS_OF = "as_of=2015-03-31"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return web_workspace(tmp_path / "ws")


@pytest.fixture
def site(root):
    """The app over the workspace, served on 127.0.0.1."""
    from mentoring.web import create_app

    with serving(create_app(root)) as base:
        yield base


def figure(page, row: str, key: str = "actual", table: str = "results") -> str:
    """What a row of one of the report's tables shows in one column (the row found by its id)."""
    cells = page.locator(f'#table-{table} tr:has(td[data-key="id"]:text-is("{row}")) td[data-key="{key}"]')
    return cells.first.inner_text().strip()


def test_from_the_cohorts_page_to_a_report_then_log_a_session_and_see_it_counted(browser, site, root, tmp_path):
    """Cohorts page, follow k1 to its report (0 sessions, no attendance yet), log a session on 03-05 with
    "everyone" left ticked: back on the report, 1 session and attendance 2 of 2 expected = 100%; the 1 links
    to its one record, rina.toml:1."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(f"{site}/?{AS_OF}")
    page.screenshot(path=tmp_path / "1-cohorts.png", full_page=True)
    page.click('tr[data-cohort="k1"] a')
    assert page.url == f"{site}/cohorts/k1/?{AS_OF}"
    assert (figure(page, "sessions-held"), figure(page, "attendance")) == ("0", "-")
    page.click('nav.cohort a:text-is("session")')
    assert page.is_checked('input[name="everyone"]')
    page.fill('input[name="date"]', "2015-03-05")
    page.fill('input[name="hours"]', "2")
    page.screenshot(path=tmp_path / "2-form.png", full_page=True)
    page.click('button[type="submit"]')
    assert page.url == f"{site}/cohorts/k1/?{AS_OF}"
    assert "Written: [[session]] at cohorts/k1/logs/rina.toml:1." in page.locator(".flash").first.inner_text()
    assert (figure(page, "sessions-held"), figure(page, "attendance")) == ("1", "100.0%")
    page.screenshot(path=tmp_path / "3-report.png", full_page=True)
    page.click('#table-results tr:has(td[data-key="id"]:text-is("sessions-held")) td[data-key="actual"] a')
    assert page.url == f"{site}/cohorts/k1/explain/sessions-held?{AS_OF}"
    assert page.locator('#table-records td[data-key="record"]').all_inner_texts() == ["cohorts/k1/logs/rina.toml:1"]
    page.screenshot(path=tmp_path / "4-explain.png", full_page=True)
    page.click('nav.cohort a:text-is("Participants")')
    assert figure(page, "p02", "attendance", "participants") == "100.0%"
    page.close()


def test_a_bad_form_shows_the_error_beside_the_field_and_writes_nothing(browser, site, root, tmp_path):
    """Hours "two": the same form comes back with 'expected a number, got "two"' under the hours field, the
    field marked invalid, and rina's log byte for byte as it was."""
    (root / "cohorts/k1/logs").mkdir(parents=True)
    (root / RINA_LOG).write_bytes(b"# Rina's log\n")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(f"{site}/cohorts/k1/log/session")
    page.fill('input[name="date"]', "2015-03-05")
    page.fill('input[name="hours"]', "two")
    page.click('button[type="submit"]')
    page.screenshot(path=tmp_path / "bad-form.png", full_page=True)
    hours = page.locator('[data-field="hours"]')
    assert hours.locator(".field-error").inner_text() == 'expected a number, got "two"'
    assert page.get_attribute('input[name="hours"]', "aria-invalid") == "true"
    assert page.locator('[data-field="mentor"] .field-error').count() == 0
    assert (root / RINA_LOG).read_bytes() == b"# Rina's log\n"
    page.close()


def test_a_post_without_token_and_a_traversal_url_are_refused(browser, site, root):
    """From the browser's own request context: a form post without the CSRF token is 400, a path-traversal
    URL 404, and nothing is written."""
    page = browser.new_page()
    page.goto(f"{site}/?{AS_OF}")
    response = page.request.post(f"{site}/cohorts/k1/log/session",
                                 form={"date": "2015-03-05", "mentor": "rina", "hours": "2", "everyone": "yes"})
    assert response.status == 400
    assert page.request.get(f"{site}/cohorts/..%2F..%2Fetc/").status == 404
    assert page.request.get(f"{site}/cohorts/k1/participants/..%2Fcohort.toml").status == 404
    assert not (root / "cohorts/k1/logs").exists()
    page.close()


@pytest.mark.parametrize("url", ["/", "/cohorts/k1/", "/cohorts/k1/?period=month&by=group", "/programmes/sosmed?by=cohort",
                                 "/cohorts/k1/participants", "/cohorts/k1/participants/p01",
                                 "/cohorts/k1/actions", "/cohorts/k1/reflect", "/cohorts/k1/due",
                                 "/cohorts/k1/log/session", "/cohorts/k1/log/action", "/problems"])
def test_pages_fit_a_phone_screen(browser, site, url, tmp_path):
    """At a phone's width (390 CSS pixels) no page is wider than the screen: nothing to scroll sideways."""
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(f"{site}{url}{'&' if '?' in url else '?'}{AS_OF}")
    page.screenshot(path=tmp_path / "phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()
