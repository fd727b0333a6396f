"""A bounded load test of the web app on 127.0.0.1, over a copy of the example workspace: 8 clients post 50
sessions each through the session form while 4 clients read reports; at the end there are exactly 400 new
sessions and every file reads without an error.

Writers are spread over the four example cohorts (two per cohort, so that each cohort's lock is fought
over), each client with its own browser session (cookie and CSRF token). Timings are printed (run with
`-s` to see them) and kept in load.json under the test's temporary folder; none is asserted.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import shutil
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import mentoring
from live import serving
from mentoring.web import create_app
from mentoring.web.security import CSRF_FIELD

REPOSITORY = Path(__file__).resolve().parent.parent
WRITERS, POSTS, READERS = 8, 50, 4


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # the 303 after a write is the answer itself
        return None


def client() -> urllib.request.OpenerDirector:
    """A client with its own cookies (its own session, hence its own CSRF token), not following redirects."""
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect())


def sessions_in(ws: mentoring.Workspace) -> int:
    return sum(len(log.sessions) for cohort in ws.cohorts.values() for log in cohort.logs)


def test_eight_writers_and_four_readers_end_with_exactly_400_new_sessions(tmp_path):
    """8 clients x 50 session posts, each answered 303, while 4 clients read reports (each answered 200): the
    workspace then holds 400 sessions more than before, and opening it finds no error."""
    root = tmp_path / "ws"
    for folder in ("curricula", "cohorts"):
        shutil.copytree(REPOSITORY / folder, root / folder)
    before = mentoring.open_workspace(root, search=False)
    assert before.errors == ()
    cohorts = sorted(before.cohorts)[:WRITERS // 2]  # two writers a cohort
    plan = []
    for n in range(WRITERS):
        cohort = before.cohorts[cohorts[n % len(cohorts)]]
        mentor = next(p.id for p in cohort.people if p.role.value in ("mentor", "facilitator"))
        plan.append((cohort.id, mentor, cohort.start.isoformat()))

    write_times: list[float] = []
    read_times: list[float] = []
    failures: list[str] = []
    writing = threading.Event()
    writing.set()

    def writer(n: int, base: str) -> None:
        cohort, mentor, day = plan[n]
        browser = client()
        form = browser.open(f"{base}/cohorts/{cohort}/log/session").read().decode()
        token = re.search(rf'name="{CSRF_FIELD}" value="([^"]+)"', form).group(1)
        for k in range(POSTS):
            data = urllib.parse.urlencode({CSRF_FIELD: token, "date": day, "mentor": mentor, "hours": "1",
                                           "everyone": "yes", "notes": f"load test, writer {n}, post {k}"}).encode()
            started = time.perf_counter()
            try:
                browser.open(f"{base}/cohorts/{cohort}/log/session", data=data, timeout=120)
                failures.append(f"writer {n} post {k}: not redirected")
            except urllib.error.HTTPError as answer:
                if answer.code != 303:
                    failures.append(f"writer {n} post {k}: {answer.code} {answer.read()[:300]!r}")
            write_times.append(time.perf_counter() - started)

    def reader(n: int, base: str) -> None:
        browser = client()
        k = 0
        while writing.is_set():
            cohort = cohorts[(n + k) % len(cohorts)]
            k += 1
            started = time.perf_counter()
            with browser.open(f"{base}/cohorts/{cohort}/", timeout=120) as answer:
                if answer.status != 200 or b'id="table-results"' not in answer.read():
                    failures.append(f"reader {n}: {answer.status}")
            read_times.append(time.perf_counter() - started)

    with serving(create_app(root)) as base:
        started = time.perf_counter()
        readers = [threading.Thread(target=reader, args=(n, base)) for n in range(READERS)]
        writers = [threading.Thread(target=writer, args=(n, base)) for n in range(WRITERS)]
        for thread in readers + writers:
            thread.start()
        for thread in writers:
            thread.join(600)
        writing.clear()
        for thread in readers:
            thread.join(120)
        elapsed = time.perf_counter() - started

    assert failures == []
    after = mentoring.open_workspace(root, search=False)
    assert [mentoring.format_problem(p) for p in after.errors] == []
    assert sessions_in(after) - sessions_in(before) == WRITERS * POSTS
    assert not list(root.rglob("*.tmp-*"))

    def ms(values: list[float], q: float) -> float:
        return round(1000 * statistics.quantiles(values, n=100)[q - 1], 1) if len(values) > 1 else 0.0

    figures = {"seconds": round(elapsed, 2), "posts": len(write_times), "reads": len(read_times),
               "posts_per_second": round(len(write_times) / elapsed, 1),
               "post_ms_median": ms(write_times, 50), "post_ms_p95": ms(write_times, 95),
               "read_ms_median": ms(read_times, 50), "read_ms_p95": ms(read_times, 95)}
    (tmp_path / "load.json").write_text(json.dumps(figures, indent=1))
    print("load test:", json.dumps(figures))
