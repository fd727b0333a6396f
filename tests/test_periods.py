"""Figures per reporting period, worked out by hand from a small inline workspace.

The cohort runs 2015-02-10 (day 0) to 2015-08-20 (day 191), so its quarters are clipped at both
ends: Q1 2015-02-10..03-31 (ends on day 49), Q2 04-01..06-30 (day 140), Q3 07-01..08-20 (day 191).
Participants p1 (group A) and p2 (group B); every session expects both.

    sessions   date    hours  attended          outputs (post unless said)
    S1         02-12   2      p1 p2             o1 p1, assignment a1: 03-01 submitted, 03-15 accepted
    S2         03-20   3      p1                o2 p2, assignment a1: 04-02 accepted
    S3         04-15   2      p1 p2             o3 p1: 05-01 accepted, 07-15 returned
    S4         06-01   1      -                 o4 p2, article: 07-20 accepted
    S5         07-10   2      p2
    S6         09-05   1      p1 p2  (after the end: in the report as of 09-30, in no period)

Measurements of "followers": 04-20 30, 06-15 55, 08-01 90. The mentor rates p1 at level 2 on
03-01 and 1 on 08-01, p2 at 2 on 05-05 (p2 rates herself 3 on 05-06). Completion: a1 accepted and
attendance at least 60%. Cumulative, at the end of Q1 / Q2 / Q3:

- sessions 2 / 4 / 5; hours 5 / 8 / 10;
- attendance: Q1 S1 2/2 + S2 1/2 = 3/4; Q2 S3 2/2 + S4 0/2 = 2/4, so 5/8; Q3 S5 1/2, so 6/10;
- outputs (accepted): o1 / o1 o2 o3 / o1 o2 o4 (o3 returned): 1 / 3 / 3;
- p1 meets the completion rule from Q1 (a1 on 03-15; attendance 2/2, 3/4, 3/5); p2 only at Q3
  (a1 on 04-02, but attendance 1/2, 2/4 and then 3/5 = 60%): 1 / 1 / 2.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import make_workspace

import mentoring
from mentoring.model import PeriodKind
from mentoring.periods import Period, periods

CURRICULUM = """
title = "Periods fixture"

[[competencies]]
id = "fb"
title = "Facebook page"

[[output_kinds]]
id = "post"
title = "Facebook post"

[[output_kinds]]
id = "article"
title = "Website article"

[[assignments]]
id = "a1"
title = "First post"
output = "post"

[completion]
assignments = "required"
attendance = "60%"

[[results]]
id = "complete"
statement = "Two participants complete"
measure = "participants"
target = 2

[[results]]
id = "share"
statement = "Half the participants complete"
measure = "participants"
target = "50%"

[[results]]
id = "posts"
statement = "Four accepted outputs"
measure = "outputs"
target = 4

[[results]]
id = "sessions"
statement = "Six sessions"
measure = "sessions"
target = 6

[[results]]
id = "early"
statement = "Five sessions by day 100"
measure = "sessions"
target = 5
due_day = 100

[[results]]
id = "hours"
statement = "Twelve hours"
measure = "hours"
target = 12

[[results]]
id = "attendance"
statement = "80% attendance"
measure = "attendance"
target = "80%"

[[results]]
id = "monthly"
statement = "An output every 30 days"
measure = "cadence"
target = "50%"
every_days = 30

[[results]]
id = "followers"
statement = "100 followers"
measure = "reported"
target = 100
baseline = 10

[[results]]
id = "skilled"
statement = "One participant runs the page alone"
measure = "participants"
target = 1
criteria = { competencies = { fb = "independent" } }
"""

COHORT = """
curriculum = "prog"
start = 2015-02-10
end = 2015-08-20

[[people]]
id = "p1"
name = "Ani"
role = "participant"
group = "A"

[[people]]
id = "p2"
name = "Butet"
role = "participant"
group = "B"

[[people]]
id = "m"
name = "Mentor"
role = "mentor"
"""

LOG = """
[[session]]
date = 2015-02-12
mentor = "m"
hours = 2
attended = ["p1", "p2"]

[[session]]
date = 2015-03-20
mentor = "m"
hours = 3
attended = ["p1"]

[[session]]
date = 2015-04-15
mentor = "m"
hours = 2
attended = ["p1", "p2"]

[[session]]
date = 2015-06-01
mentor = "m"
hours = 1
attended = []

[[session]]
date = 2015-07-10
mentor = "m"
hours = 2
attended = ["p2"]

[[session]]
date = 2015-09-05
mentor = "m"
hours = 1
attended = ["p1", "p2"]

[[output]]
date = 2015-03-01
participant = "p1"
kind = "post"
title = "Hello"
id = "o1"
assignment = "a1"

[[output]]
date = 2015-03-15
participant = "p1"
kind = "post"
title = "Hello"
id = "o1"
assignment = "a1"
status = "accepted"

[[output]]
date = 2015-04-02
participant = "p2"
kind = "post"
title = "My union"
id = "o2"
assignment = "a1"
status = "accepted"

[[output]]
date = 2015-05-01
participant = "p1"
kind = "post"
title = "Wages"
id = "o3"
status = "accepted"

[[output]]
date = 2015-07-15
participant = "p1"
kind = "post"
title = "Wages"
id = "o3"
status = "returned"

[[output]]
date = 2015-07-20
participant = "p2"
kind = "article"
title = "On the strike"
status = "accepted"

[[assessment]]
date = 2015-03-01
participant = "p1"
competency = "fb"
level = 2
by = "m"

[[assessment]]
date = 2015-05-05
participant = "p2"
competency = "fb"
level = 2
by = "m"

[[assessment]]
date = 2015-05-06
participant = "p2"
competency = "fb"
level = 3
by = "self"

[[assessment]]
date = 2015-08-01
participant = "p1"
competency = "fb"
level = 1
by = "m"

[[measurement]]
date = 2015-04-20
result = "followers"
value = 30

[[measurement]]
date = 2015-06-15
result = "followers"
value = 55

[[measurement]]
date = 2015-08-01
result = "followers"
value = 90
"""

Q1, Q2, Q3 = 49, 140, 191  # the days the quarters end on (the cohort's start is day 0)


@pytest.fixture
def ws(tmp_path):
    """The fixture workspace, opened through the door, without an error."""
    root = make_workspace(tmp_path, {"curricula/prog.toml": CURRICULUM, "cohorts/k/cohort.toml": COHORT,
                                     "cohorts/k/logs/m.toml": LOG})
    opened = mentoring.open_workspace(root, search=False)
    assert opened.errors == ()
    return opened


def quarters(ws, as_of="2015-09-30", by=None):
    """Each result's periods by result id (the whole cohort's, or the groups' by group name)."""
    figures = ws.progress("k", as_of, by=by, period="quarter")
    if by is None:
        return {r.id: r.periods for r in figures.results}
    return {g.name: {r.id: r.periods for r in g.results} for g in figures.groups}


def column(spans, name):
    return [getattr(p, name) for p in spans]


def test_quarters_are_clipped_to_the_cohort_at_both_ends(ws):
    """Q1 starts on the cohort's start (02-10) and Q3 ends on its end (08-20), though as-of is later."""
    spans = quarters(ws)["sessions"]
    assert [(p.start, p.end) for p in spans] == [
        (dt.date(2015, 2, 10), dt.date(2015, 3, 31)),
        (dt.date(2015, 4, 1), dt.date(2015, 6, 30)),
        (dt.date(2015, 7, 1), dt.date(2015, 8, 20)),
    ]


def test_counts_change_by_what_each_quarter_added(ws):
    """sessions 2, 4, 5 change by 2, 2, 1 (S6 of 09-05 falls after the last period's end; the
    report as of 09-30 counts it: 6); hours 5, 8, 10 change by 5, 3, 2; outputs 1, 3, 3 change by
    1, 2, 0 (o4 accepted but o3 returned in Q3)."""
    figures = quarters(ws)
    assert column(figures["sessions"], "actual") == [2, 4, 5]
    assert column(figures["sessions"], "change") == [2, 2, 1]
    assert column(figures["hours"], "actual") == [5, 8, 10]
    assert column(figures["hours"], "change") == [5, 3, 2]
    assert column(figures["posts"], "actual") == [1, 3, 3]
    assert column(figures["posts"], "change") == [1, 2, 0]
    report = {r.id: r for r in ws.progress("k", "2015-09-30").results}
    assert report["sessions"].actual == 6


def test_count_expected_is_target_times_elapsed_and_status_follows_it(ws):
    """sessions (target 6, due on the end, day 191): expected 6 x 49/191 = 1.54 (2 is on track),
    6 x 140/191 = 4.40 (4 is behind), 6 at the due date (5 is missed)."""
    spans = quarters(ws)["sessions"]
    assert column(spans, "expected") == pytest.approx([6 * Q1 / Q3, 6 * Q2 / Q3, 6])
    assert column(spans, "status") == ["on track", "behind", "missed"]


def test_a_period_after_the_due_date_expects_the_whole_target(ws):
    """early (target 5, due day 100 = 05-21): Q1 expects 5 x 49/100 = 2.45 (2 is behind); Q2 and Q3
    end after the due date, so they expect all 5: 4 is missed, and 5, reached after the due date, is met."""
    spans = quarters(ws)["early"]
    assert column(spans, "expected") == pytest.approx([5 * Q1 / 100, 5, 5])
    assert column(spans, "status") == ["behind", "missed", "met"]


def test_participants_count_and_share(ws):
    """complete (target 2): 1, 1, 2 changing by 1, 0, 1; expected 2 x 49/191 = 0.51 (on track),
    2 x 140/191 = 1.47 (behind), 2 (met). share (target 50% of 2 participants): 50%, 50%, 100%,
    changing by 50, 0, 50 points; expected 50 x 49/191, 50 x 140/191, 50; 50% already meets 50%."""
    figures = quarters(ws)
    assert column(figures["complete"], "actual") == [1, 1, 2]
    assert column(figures["complete"], "change") == [1, 0, 1]
    assert column(figures["complete"], "expected") == pytest.approx([2 * Q1 / Q3, 2 * Q2 / Q3, 2])
    assert column(figures["complete"], "status") == ["on track", "behind", "met"]
    assert column(figures["share"], "actual") == [50, 50, 100]
    assert column(figures["share"], "change") == [50, 0, 50]
    assert column(figures["share"], "expected") == pytest.approx([50 * Q1 / Q3, 50 * Q2 / Q3, 50])
    assert column(figures["share"], "status") == ["met", "met", "met"]


def test_participants_follow_the_latest_mentor_rating(ws):
    """skilled (level 2 in fb, by a mentor): p1 from 03-01 until rated 1 on 08-01, p2 from 05-05 (her
    own rating of 3 does not count): 1, 2, 1, changing by 1, 1, -1."""
    spans = quarters(ws)["skilled"]
    assert column(spans, "actual") == [1, 2, 1]
    assert column(spans, "change") == [1, 1, -1]


def test_attendance_change_is_the_quarters_own_attendance(ws):
    """Cumulative 3/4 = 75%, 5/8 = 62.5%, 6/10 = 60%; each quarter's own sessions: 3/4 = 75%,
    2/4 = 50%, 1/2 = 50%. Expected is the target, 80%: behind, behind, then missed at the due date."""
    spans = quarters(ws)["attendance"]
    assert column(spans, "actual") == pytest.approx([75, 62.5, 60])
    assert column(spans, "change") == pytest.approx([75, 50, 50])
    assert column(spans, "expected") == [80, 80, 80]
    assert column(spans, "status") == ["behind", "behind", "missed"]


def test_cadence_has_no_change(ws):
    """Cadence periods of 30 days from day 0; outputs o1 day 19 (period 0: its first record's date, though
    it was accepted on day 33, in period 1), o2 day 51 (1), o3 day 80 (2), o4 day 160 (5). At day 49 one
    period has closed and holds o1: 100%. At day 140 four have closed:
    0, 1, 2 (o3 still accepted) hold one, 3 none: 3/4 = 75%. At day 191 six: o3 was returned, so 0, 1
    and 5 hold one: 3/6 = 50%, which meets 50% at the due date. Expected is the target; change is empty."""
    spans = quarters(ws)["monthly"]
    assert column(spans, "actual") == pytest.approx([100, 75, 50])
    assert column(spans, "change") == [None, None, None]
    assert column(spans, "expected") == [50, 50, 50]
    assert column(spans, "status") == ["on track", "on track", "met"]


def test_an_empty_actual_has_no_change(ws):
    """followers has no measurement in Q1: actual and change empty, on track before the due date,
    expected 100 x 49/191 = 25.7. Then 55 (an empty actual counting as 0: change 55) against
    100 x 140/191 = 73.3, behind; then 90 (change 35), missed at the due date."""
    spans = quarters(ws)["followers"]
    assert column(spans, "actual") == [None, 55, 90]
    assert column(spans, "change") == [None, 55, 35]
    assert column(spans, "expected") == pytest.approx([100 * Q1 / Q3, 100 * Q2 / Q3, 100])
    assert column(spans, "status") == ["on track", "behind", "missed"]


def test_the_last_period_ends_on_the_as_of_date(ws):
    """As of 05-15 (day 94), Q2 runs 04-01..05-15: sessions 3 (S3 added 1), expected 6 x 94/191."""
    spans = quarters(ws, "2015-05-15")["sessions"]
    assert [(p.start, p.end) for p in spans][-1] == (dt.date(2015, 4, 1), dt.date(2015, 5, 15))
    assert (spans[-1].actual, spans[-1].change) == (3, 1)
    assert spans[-1].expected == pytest.approx(6 * 94 / Q3)


def test_a_cohort_not_started_has_no_periods(ws):
    """As of 2015-02-01, before the start, every result has an empty list of periods."""
    figures = ws.progress("k", "2015-02-01", period="quarter")
    assert all(r.periods == () for r in figures.results)
    assert {r.status for r in figures.results} == {"not started"}


def test_a_groups_count_has_periods_without_expected_or_status(ws):
    """Group A (p1) made o1 (Q1) and o3 (Q2, returned in Q3): 1, 2, 1 changing by 1, 1, -1, with no
    expected value or status (the target is the cohort's); group B's attendance (p2: 1/2, 1/2, 1/1
    per quarter; 1/2, 2/4, 3/5 cumulative) is judged against 80%."""
    groups = quarters(ws, by="group")
    posts = groups["A"]["posts"]
    assert column(posts, "actual") == [1, 2, 1]
    assert column(posts, "change") == [1, 1, -1]
    assert column(posts, "expected") == [None, None, None]
    assert column(posts, "status") == [None, None, None]
    attendance = groups["B"]["attendance"]
    assert column(attendance, "actual") == pytest.approx([50, 50, 60])
    assert column(attendance, "change") == pytest.approx([50, 50, 100])
    assert column(attendance, "status") == ["behind", "behind", "missed"]


def test_months_quarters_and_years_split_the_calendar():
    """Months end on the last day of each month (29 days in February 2016); quarters end in March,
    June, September and December; a year at 12-31; all clipped to start and end, and to as-of."""
    day = dt.date
    assert periods(PeriodKind.MONTH, day(2016, 1, 20), day(2016, 3, 10), day(2016, 12, 31)) == (
        Period(day(2016, 1, 20), day(2016, 1, 31)), Period(day(2016, 2, 1), day(2016, 2, 29)),
        Period(day(2016, 3, 1), day(2016, 3, 10)))
    assert periods(PeriodKind.QUARTER, day(2015, 11, 5), day(2016, 4, 2), day(2016, 4, 1)) == (
        Period(day(2015, 11, 5), day(2015, 12, 31)), Period(day(2016, 1, 1), day(2016, 3, 31)),
        Period(day(2016, 4, 1), day(2016, 4, 1)))
    assert periods("year", day(2015, 6, 1), day(2017, 2, 1), day(2016, 12, 31)) == (
        Period(day(2015, 6, 1), day(2015, 12, 31)), Period(day(2016, 1, 1), day(2016, 12, 31)))
    assert periods("month", day(2015, 6, 1), day(2015, 7, 1), day(2015, 5, 31)) == ()


def test_report_json_gives_each_result_its_periods(ws, run, monkeypatch):
    """`report --period quarter --format json`: each result has `periods` with start, end, actual,
    change, expected and status, as CLI.md says."""
    monkeypatch.setenv("MENTORING_WORKSPACE", str(ws.root))
    out = run("report", "k", "--as-of", "2015-09-30", "--period", "quarter", "--format", "json")
    assert out.exit_code == 0, out.output
    sessions = next(r for r in json.loads(out.stdout)["results"] if r["id"] == "sessions")
    assert sessions["periods"][0] == {"start": "2015-02-10", "end": "2015-03-31", "actual": 2, "change": 2,
                                      "expected": pytest.approx(6 * Q1 / Q3), "status": "on track"}
    assert len(sessions["periods"]) == 3


def test_report_table_shows_a_block_of_periods_per_result_and_the_baseline(ws, run, monkeypatch):
    """The table has a baseline column (followers: 10) and, under the results, one row per result and
    quarter with the quarter's name, dates, actual, change, expected and status."""
    monkeypatch.setenv("MENTORING_WORKSPACE", str(ws.root))
    out = run("report", "k", "--as-of", "2015-09-30", "--period", "quarter")
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert "baseline" in lines[0].split()
    followers = next(line for line in lines if line.startswith("followers")).split()
    assert followers[followers.index("reported") + 1] == "10"
    rows = [line.split() for line in lines if "2015-Q" in line]
    assert rows[:3] == [
        ["complete", "2015-Q1", "2015-02-10", "2015-03-31", "1", "+1", "0.5", "on", "track"],
        ["2015-Q2", "2015-04-01", "2015-06-30", "1", "0", "1.5", "behind"],
        ["2015-Q3", "2015-07-01", "2015-08-20", "2", "+1", "2", "met"],
    ]


def test_report_csv_has_a_row_per_result_and_period(ws, run, monkeypatch):
    """CSV with periods: as_of first, then the result's id and measure and the period's raw figures."""
    monkeypatch.setenv("MENTORING_WORKSPACE", str(ws.root))
    out = run("report", "k", "--as-of", "2015-09-30", "--period", "quarter", "--format", "csv")
    lines = out.stdout.splitlines()
    assert lines[0] == "as_of,id,measure,start,end,actual,change,expected,status"
    assert f"2015-09-30,followers,reported,2015-02-10,2015-03-31,,,{100 * Q1 / Q3!r},on track" in lines
    assert len(lines) == 1 + 10 * 3


def test_a_bad_period_is_a_usage_error(ws, run, monkeypatch):
    """`--period week` exits 2 naming the periods there are."""
    monkeypatch.setenv("MENTORING_WORKSPACE", str(ws.root))
    out = run("report", "k", "--period", "week")
    assert out.exit_code == 2
    assert "--period: expected one of month, quarter, year, got 'week'" in out.stderr
