"""Progress figures, worked out by hand from a small inline workspace.

The cohort runs 2015-01-01 (day 0) to 2015-01-31. Participants p1 and p2 are in group "A", p3 in
group "B" and leaves on 2015-01-16; m is the mentor. A second, smaller workspace further down ("e")
has a participant joining and one leaving mid-cohort, for enrolment on those days, target overrides
and cadence options. The figures in each test are derived in its docstring or comments from the
records, not copied from the program's output.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import make_workspace, toml

import mentoring
from mentoring.progress import progress

CURRICULUM = """
title = "Progress fixture"

[[competencies]]
id = "fb"
title = "Facebook page"

[[modules]]
id = "m1"
title = "Basics"

[[modules]]
id = "m2"
title = "Practice"

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
attendance = "50%"
competencies = { fb = "independent" }

[[results]]
id = "complete"
statement = "Two participants complete"
measure = "participants"
target = 2

[[results]]
id = "share"
statement = "30% of participants attend 60% of sessions"
measure = "participants"
target = "30%"
criteria = { attendance = "60%" }

[[results]]
id = "posts"
statement = "Three accepted posts"
measure = "outputs"
target = 3
kinds = ["post"]

[[results]]
id = "sessions"
statement = "Four sessions"
measure = "sessions"
target = 4

[[results]]
id = "hours"
statement = "Ten hours"
measure = "hours"
target = 10

[[results]]
id = "attendance"
statement = "80% attendance"
measure = "attendance"
target = "80%"

[[results]]
id = "weekly"
statement = "Something posted every week"
measure = "cadence"
target = "50%"
kinds = ["post", "article"]
min_status = "submitted"
every_days = 7

[[results]]
id = "followers"
statement = "100 followers"
measure = "reported"
target = 100

[[results]]
id = "visitors"
statement = "Five visitors"
measure = "reported"
target = 5

[[results]]
id = "early"
statement = "Three sessions in the first ten days"
measure = "sessions"
target = 3
due_day = 10
"""

COHORT = """
curriculum = "prog"
start = 2015-01-01
end = 2015-01-31

[[people]]
id = "p1"
name = "Ani"
role = "participant"
group = "A"

[[people]]
id = "p2"
name = "Butet"
role = "participant"
group = "A"

[[people]]
id = "p3"
name = "Cici"
role = "participant"
group = "B"
left = 2015-01-16

[[people]]
id = "m"
name = "Mentor"
role = "mentor"
"""

SESSIONS = """
[[session]]
date = 2015-01-05
mentor = "m"
hours = 2
attended = ["p1", "p2", "p3"]
modules = ["m1"]

[[session]]
date = 2015-01-12
mentor = "m"
hours = 3
attended = ["p1"]
modules = ["m1"]

[[session]]
date = 2015-01-14
mentor = "m"
hours = 1
attended = ["p2"]
expected = ["p2"]
modules = ["m2"]

[[session]]
date = 2015-01-19
mentor = "m"
hours = 2
attended = ["p1", "p2"]
modules = ["m2"]

[[session]]
date = 2015-01-26
mentor = "m"
hours = 2
attended = ["p1"]

[[assessment]]
date = 2015-01-12
participant = "p1"
competency = "fb"
level = 2
by = "m"

[[assessment]]
date = 2015-01-12
participant = "p2"
competency = "fb"
level = 1
by = "m"

[[assessment]]
date = 2015-01-10
participant = "p3"
competency = "fb"
level = "independent"
by = "m"

[[measurement]]
date = 2015-01-10
result = "followers"
value = 40

[[measurement]]
date = 2015-01-18
result = "followers"
value = 60

[[measurement]]
date = 2015-01-25
result = "followers"
value = 120
"""

P1 = """
[[output]]
date = 2015-01-06
participant = "p1"
kind = "post"
title = "Hello"
id = "o-p1"
assignment = "a1"

[[output]]
date = 2015-01-08
participant = "p1"
kind = "post"
title = "Hello"
id = "o-p1"
assignment = "a1"
status = "returned"

[[output]]
date = 2015-01-13
participant = "p1"
kind = "post"
title = "Hello"
id = "o-p1"
assignment = "a1"
status = "accepted"

[[assessment]]
date = 2015-01-12
participant = "p1"
competency = "fb"
level = 3
by = "self"
"""

P2 = """
[[output]]
date = 2015-01-07
participant = "p2"
kind = "post"
title = "My union"
id = "o-p2"
assignment = "a1"

[[output]]
date = 2015-01-15
participant = "p2"
kind = "article"
title = "On wages"
status = "published"

[[assessment]]
date = 2015-01-12
participant = "p2"
competency = "fb"
level = "can teach others"
by = "self"
"""

P3 = """
[[output]]
date = 2015-01-15
participant = "p3"
kind = "post"
title = "Goodbye"
status = "accepted"
"""


@pytest.fixture
def loaded(tmp_path):
    """The fixture workspace, loaded and checked clean."""
    root = make_workspace(tmp_path, {
        "curricula/prog.toml": CURRICULUM,
        "cohorts/k/cohort.toml": COHORT,
        "cohorts/k/logs/m.toml": SESSIONS,
        "cohorts/k/logs/p1.toml": P1,
        "cohorts/k/logs/p2.toml": P2,
        "cohorts/k/logs/p3.toml": P3,
    })
    ws = mentoring.open_workspace(root, search=False)
    assert ws.errors == ()
    return ws.cohorts["k"], ws.curricula["prog"]


def figures(loaded, day, by=None):
    cohort, cur = loaded
    return progress(cohort, cur, dt.date.fromisoformat(day), by)


def results(loaded, day, by=None):
    return {r.id: r for r in figures(loaded, day, by).results}


def test_attendance_counts_only_sessions_that_expected_each_participant(loaded):
    """p1 was expected at S1, S2, S4 and came to all; p2 at S1-S4 (S3 one-to-one) and missed S2;
    p3 left on 01-16 so S4 did not expect her, and she missed S2."""
    people = {p.id: p for p in figures(loaded, "2015-01-20").participants}
    assert people["p1"].attendance == pytest.approx(100.0)
    assert people["p2"].attendance == pytest.approx(75.0)
    assert people["p3"].attendance == pytest.approx(50.0)
    assert people["p3"].left == dt.date(2015, 1, 16)


def test_attendance_measure_sums_expected_people(loaded):
    """Expected 3+3+1+2 = 9 people, of whom 3+1+1+2 = 7 came: 77.8%, below 80% before the due date."""
    r = results(loaded, "2015-01-20")["attendance"]
    assert r.actual == pytest.approx(700 / 9)
    assert r.gap == pytest.approx(80 - 700 / 9)
    assert (r.unit, r.status) == ("percent", "behind")


def test_rate_is_missed_at_the_due_date(loaded):
    """By 01-31 S5 expected p1 and p2 and p1 came: 8 of 11 = 72.7%, missed at the due date."""
    r = results(loaded, "2015-01-31")["attendance"]
    assert r.actual == pytest.approx(800 / 11)
    assert r.status == "missed"


def test_counts_sessions_and_hours_up_to_the_as_of_date(loaded):
    """As of 01-20, four sessions (met) and 8 hours; 8 >= 10 x 19/30 = 6.3, so hours are on track."""
    r = results(loaded, "2015-01-20")
    assert (r["sessions"].actual, r["sessions"].status) == (4, "met")
    assert (r["hours"].actual, r["hours"].gap, r["hours"].status, r["hours"].unit) == (8, 2, "on track", "hours")


def test_output_submitted_returned_accepted_takes_latest_status(loaded):
    """o-p1 is returned as of 01-10 (a1 not done) and accepted from 01-13 (a1 done)."""
    before = {p.id: p for p in figures(loaded, "2015-01-10").participants}
    after = {p.id: p for p in figures(loaded, "2015-01-20").participants}
    assert (before["p1"].assignments_done, before["p1"].assignments_required) == (0, 1)
    assert (after["p1"].assignments_done, after["p1"].assignments_required) == (1, 1)
    assert after["p2"].assignments_done == 0  # only submitted; a1 needs accepted


def test_outputs_count_distinct_outputs_at_least_accepted(loaded):
    """Accepted posts as of 01-20: o-p1 (three records, one output) and p3's post: 2 of 3;
    2 >= 3 x 19/30 = 1.9, so on track."""
    r = results(loaded, "2015-01-20")["posts"]
    assert (r.actual, r.gap, r.status) == (2, 1, "on track")


def test_completion_needs_assignments_attendance_and_level(loaded):
    """Only p1 has a1 done, 50% attendance and fb >= independent (2): 1 of 2, behind since
    1 < 2 x 19/30 = 1.27; missed at the end."""
    assert [p.id for p in figures(loaded, "2015-01-20").participants if p.complete] == ["p1"]
    r = results(loaded, "2015-01-20")["complete"]
    assert (r.actual, r.gap, r.status) == (1, 1, "behind")
    assert results(loaded, "2015-01-31")["complete"].status == "missed"


def test_percentage_target_on_participants_is_a_share(loaded):
    """Criteria replace the completion rule: p1 (100%) and p2 (75%) attend at least 60%: 2 of 3 = 66.7%."""
    r = results(loaded, "2015-01-20")["share"]
    assert r.unit == "percent"
    assert r.actual == pytest.approx(200 / 3)
    assert (r.gap, r.status) == (0, "met")


def test_cadence_with_an_empty_period_and_one_still_open(loaded):
    """As of 01-20 (day 19) periods 0 (days 0-6) and 1 (7-13) are closed, 2 (14-20) is open:
    period 0 holds o-p1 and o-p2, period 1 nothing: 1 of 2 = 50%, on track against 50%."""
    r = results(loaded, "2015-01-20")["weekly"]
    assert (r.actual, r.status) == (50, "on track")


def test_cadence_at_the_end(loaded):
    """As of 01-31 (day 30) four periods are closed; 0 and 2 (the article and p3's post, day 14)
    hold outputs: 2 of 4 = 50%, met at the due date."""
    r = results(loaded, "2015-01-31")["weekly"]
    assert (r.actual, r.status) == (50, "met")


def test_cadence_with_no_closed_period_is_empty(loaded):
    """As of 01-05 no week has closed: the actual is empty and on track before the due date."""
    r = results(loaded, "2015-01-05")["weekly"]
    assert (r.actual, r.gap, r.status) == (None, None, "on track")


def test_reported_takes_the_latest_measurement(loaded):
    """The latest measurement on or before the as-of date: 60 on 01-20 (60 < 100 x 19/30 = 63.3,
    behind), 120 on 01-31 (met)."""
    assert (results(loaded, "2015-01-20")["followers"].actual, results(loaded, "2015-01-20")["followers"].status) == (60, "behind")
    assert (results(loaded, "2015-01-31")["followers"].actual, results(loaded, "2015-01-31")["followers"].status) == (120, "met")


def test_reported_with_no_measurement_yet(loaded):
    """No measurement: empty actual and gap, on track before the due date, missed at it."""
    assert (results(loaded, "2015-01-20")["visitors"].actual, results(loaded, "2015-01-20")["visitors"].status) == (None, "on track")
    assert results(loaded, "2015-01-31")["visitors"].status == "missed"
    assert results(loaded, "2015-01-31")["visitors"].unit == "count"


def test_due_day_sets_the_due_date(loaded):
    """due_day 10 is 01-11: as of then only S1 is held (missed); by 01-20 four are (met after the due date)."""
    assert results(loaded, "2015-01-11")["early"].due == dt.date(2015, 1, 11)
    assert (results(loaded, "2015-01-11")["early"].actual, results(loaded, "2015-01-11")["early"].status) == (1, "missed")
    assert results(loaded, "2015-01-20")["early"].status == "met"


def test_as_of_before_the_start(loaded):
    """Before the start every result is not started and the cohort too."""
    before = figures(loaded, "2014-12-31")
    assert {r.status for r in before.results} == {"not started"}
    assert before.status == "not started"
    assert figures(loaded, "2015-01-31").status == "running"
    assert figures(loaded, "2015-02-01").status == "ended"


def test_self_assessment_beside_the_mentors(loaded):
    """p2 rates herself 3 (can teach others) where the mentor says 1; p3's level name counts as 2."""
    people = {p.id: p for p in figures(loaded, "2015-01-20").participants}
    assert (people["p2"].competencies, people["p2"].self_assessed) == ({"fb": 1}, {"fb": 3})
    assert (people["p1"].competencies, people["p1"].self_assessed) == ({"fb": 2}, {"fb": 3})
    assert people["p3"].competencies == {"fb": 2}


def test_break_down_by_group(loaded):
    """Group A (p1, p2) was expected at all four sessions: 6 of 7 came; group B (p3) at S1 and S2: 1 of 2."""
    groups = {g.name: g for g in figures(loaded, "2015-01-20", by="group").groups}
    assert groups["A"].attendance == pytest.approx(600 / 7)
    assert groups["B"].attendance == pytest.approx(50.0)
    assert (groups["A"].participants, groups["A"].complete, groups["B"].complete) == (2, 1, 0)
    a_results = {r.id: r for r in groups["A"].results}
    b_results = {r.id: r for r in groups["B"].results}
    assert (a_results["sessions"].actual, b_results["sessions"].actual) == (4, 2)
    assert (a_results["posts"].actual, b_results["posts"].actual) == (1, 1)


def test_report_json_has_the_fields_cli_md_names(tmp_path, loaded, monkeypatch):
    """`mentoring report --format json` prints the object CLI.md shows, with null for an empty actual."""
    from typer.testing import CliRunner

    from mentoring.cli import app

    monkeypatch.setenv("MENTORING_WORKSPACE", str(tmp_path))
    out = CliRunner().invoke(app, ["report", "k", "--as-of", "2015-01-20", "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert (data["cohort"], data["curriculum"], data["as_of"]) == ("k", "prog", "2015-01-20")
    first = data["results"][0]
    assert list(first) == ["id", "statement", "measure", "unit", "target", "baseline", "actual", "gap", "status", "due",
                           "projected"]
    assert (first["target"], first["actual"], first["gap"], first["due"]) == (2, 1, 1, "2015-01-31")
    visitors = next(r for r in data["results"] if r["id"] == "visitors")
    assert (visitors["actual"], visitors["gap"]) == (None, None)


def test_pace_is_the_share_of_the_target_due_by_now(loaded):
    """As of 01-20 (day 19 of 30) a count's pace is its target x 19/30 (hours: 10 x 19/30 = 6.33);
    a rate's pace is its target (80); past its due date (01-11) a count's pace is its whole target
    (3); before the start nothing is expected of a count yet (0); a group's count has no target, so
    no pace."""
    now = results(loaded, "2015-01-20")
    assert now["hours"].expected == pytest.approx(10 * 19 / 30)
    assert (now["attendance"].expected, now["early"].expected) == (80, 3)
    assert results(loaded, "2014-12-31")["hours"].expected == 0
    group_a = figures(loaded, "2015-01-20", by="group").groups[0]
    assert {r.id: r.expected for r in group_a.results}["hours"] is None


def test_requirements_of_the_completion_rule_and_where_each_participant_stands(loaded):
    """The rule asks a1 (accepted), 50% attendance and fb at least independent (2). As of 01-20:
    p1 has a1 accepted, 100%, level 2: all met; p2 has a1 only submitted, 75%, level 1;
    p3 has no a1 output, 50% (exactly enough), level 2."""
    fig = figures(loaded, "2015-01-20")
    assert [(r.kind, r.id, r.title, r.needed) for r in fig.requirements] == [
        ("assignment", "a1", "First post", mentoring.model.Status.ACCEPTED),
        ("attendance", "attendance", "", 50),
        ("competency", "fb", "Facebook page", 2),
    ]
    reached = {p.id: [(r.reached, r.met) for r in p.reached] for p in fig.participants}
    S = mentoring.model.Status
    assert reached["p1"] == [(S.ACCEPTED, True), (100, True), (2, True)]
    assert reached["p2"] == [(S.SUBMITTED, False), (75, True), (1, False)]
    assert reached["p3"] == [(None, False), (50, True), (2, True)]
    assert [p.complete for p in fig.participants] == [True, False, False]


def test_about_names_the_cohort_for_a_header(tmp_path):
    """A cohort's own title, funder and location head its report; without a title, the curriculum's
    title does, and the organisation falls back to the curriculum's."""
    cohort = COHORT.replace('curriculum = "prog"', 'curriculum = "prog"\ntitle = "Run one"\nfunder = "F"\nlocation = "Medan"')
    curriculum = 'organisation = "HAPSARI"\n' + CURRICULUM
    files = {"curricula/prog.toml": curriculum, "cohorts/k/cohort.toml": cohort, "cohorts/j/cohort.toml": COHORT}
    ws = mentoring.open_workspace(make_workspace(tmp_path, files), search=False)
    about = ws.progress("k", "2015-01-20").about
    assert (about.title, about.curriculum_title, about.organisation, about.funder, about.location) == (
        "Run one", "Progress fixture", "HAPSARI", "F", "Medan")
    assert ws.progress("j", "2015-01-20").about.title == "Progress fixture"



@pytest.mark.parametrize("day", ["2013-07-01", "2015-02-28", "2015-03-31", "2017-12-31"])
def test_the_requirements_shown_agree_with_completion(day):
    """Completion is tested fast (Criteria.met) and shown requirement by requirement
    (Criteria.reached) from the same lists and test: for every participant of every example cohort,
    complete exactly when every requirement is met, and as many assignments done as met."""
    from pathlib import Path

    ws = mentoring.open_workspace(Path(__file__).parents[1], search=False)
    checked = 0
    for cohort in ws.sound_cohorts:
        figures = ws.progress(cohort, day)
        for person in figures.participants:
            assert person.complete == all(r.met for r in person.reached), (cohort, person.id)
            kinds = [need.kind for need in figures.requirements]
            assert person.assignments_done == sum(r.met for k, r in zip(kinds, person.reached) if k == "assignment")
            checked += 1
    assert checked > 100


# --- enrolment on the join and leave days, targets, baselines, cadence options ------------------
#
# A second small workspace, "e" (2015-01-01, day 0, to 2015-01-31): "stay" is enrolled throughout,
# "late" joins on 01-10 and "gone" leaves on 01-20 (enrolled from `joined`, no longer from `left`).

ENROLMENT_CURRICULUM = """
title = "Enrolment fixture"

[[output_kinds]]
id = "post"
title = "Post"

[[results]]
id = "attendance"
statement = "80% attendance"
measure = "attendance"
target = "80%"

[[results]]
id = "sessions"
statement = "Ten sessions"
measure = "sessions"
target = 10
baseline = 2

[[results]]
id = "pairs"
statement = "Two posts a week, from the fourth day"
measure = "cadence"
target = "50%"
kinds = ["post"]
min_status = "submitted"
every_days = 7
from_day = 3
per_period = 2
"""

ENROLMENT_COHORT = """
curriculum = "e"
start = 2015-01-01
end = 2015-01-31

[[people]]
id = "stay"
name = "Stays"
role = "participant"

[[people]]
id = "late"
name = "Late"
role = "participant"
joined = 2015-01-10

[[people]]
id = "gone"
name = "Gone"
role = "participant"
left = 2015-01-20

[[people]]
id = "m"
name = "Mentor"
role = "mentor"
"""


def session_block(day: str, attended: list[str], expected: list[str] | None = None) -> str:
    """One [[session]] of mentor m on a day (2 hours), with `expected` only when given."""
    block = f'[[session]]\ndate = {day}\nmentor = "m"\nhours = 2\nattended = {attended!r}\n'.replace("'", '"')
    return block + (f"expected = {expected!r}\n".replace("'", '"') if expected is not None else "") + "\n"


def enrolment(workspace, sessions: str = "", cohort: str = ENROLMENT_COHORT, posts: str = "",
              day: str = "2015-01-31", by: str | None = None):
    """The "e" workspace with these session blocks (and output blocks), opened through the door:
    its figures as of a day (broken down `by` a field when asked)."""
    root = workspace({"curricula/e.toml": ENROLMENT_CURRICULUM, "cohorts/e/cohort.toml": cohort,
                      "cohorts/e/logs/m.toml": sessions, "cohorts/e/logs/stay.toml": posts})
    return mentoring.open_workspace(root, search=False).progress("e", as_of=day, by=by)


def by_id(items) -> dict:
    return {item.id: item for item in items}


#: Sessions expecting "everyone enrolled that day": S1 before late joins, S2 on late's join day,
#: S3 on gone's leave day, S4 after it. late attends S1 before joining and gone attends S3 on her
#: leave day (both warnings, neither counted).
DEFAULT_SESSIONS = (
    session_block("2015-01-05", ["stay", "gone", "late"])
    + session_block("2015-01-10", ["stay", "late", "gone"])
    + session_block("2015-01-20", ["stay", "late", "gone"])
    + session_block("2015-01-25", ["stay"])
)


def test_default_expected_counts_the_join_day_and_not_the_leave_day(workspace):
    """Default sessions expect a participant from her join day on and not on her leave day:
    late is expected at S2 (her join day), S3 and S4 and came to S2 and S3: 2 of 3 = 66.7%;
    gone is expected at S1 and S2 (not S3, her leave day) and came to both: 2 of 2 = 100%;
    stay is expected at all four and came to all: 100%."""
    people = by_id(enrolment(workspace, DEFAULT_SESSIONS).participants)
    assert people["late"].attendance == pytest.approx(200 / 3)
    assert people["gone"].attendance == pytest.approx(100.0)
    assert people["stay"].attendance == pytest.approx(100.0)


def test_attendance_measure_counts_enrolment_on_the_join_and_leave_days(workspace):
    """Expected people per session: S1 stay and gone (late not yet) = 2; S2 (late's join day) all
    three = 3; S3 (gone's leave day) stay and late = 2; S4 stay and late = 2; 9 in all. Of them came
    2 + 3 + 2 + 1 = 8 (late at S1 and gone at S3 were not expected): 8 of 9 = 88.9%."""
    result = by_id(enrolment(workspace, DEFAULT_SESSIONS).results)["attendance"]
    assert result.actual == pytest.approx(800 / 9)


def test_attendance_by_group_counts_enrolment_on_the_join_and_leave_days(workspace):
    """The same count in a break-down: with late and gone in group "x" and stay in none, group x is
    expected 1 + 2 + 1 + 1 = 5 places (gone at S1, both at S2, late at S3 and S4) and filled
    1 + 2 + 1 + 0 = 4: 80%; stay, with no group recorded, is 4 of 4."""
    cohort = ENROLMENT_COHORT.replace("joined = 2015-01-10\n", 'joined = 2015-01-10\ngroup = "x"\n').replace(
        "left = 2015-01-20\n", 'left = 2015-01-20\ngroup = "x"\n')
    groups = {g.name: g for g in enrolment(workspace, DEFAULT_SESSIONS, cohort=cohort, by="group").groups}
    assert groups["x"].attendance == pytest.approx(80.0)
    assert groups[None].attendance == pytest.approx(100.0)


def test_explicit_expected_is_taken_as_written_on_the_join_and_leave_days(workspace):
    """An explicit `expected` list decides alone: E1 on late's join day expects only stay (late came,
    not counted); E2 on gone's leave day expects stay and gone, both came; E3 that day expects gone,
    who did not come. stay: 2 of 2; gone: 1 of 2 = 50%; late: never expected, so empty. The measure:
    1 + 2 + 1 = 4 expected places, 1 + 2 + 0 = 3 filled: 75%."""
    sessions = (session_block("2015-01-10", ["stay", "late"], expected=["stay"])
                + session_block("2015-01-20", ["stay", "gone"], expected=["stay", "gone"])
                + session_block("2015-01-20", [], expected=["gone"]))
    figures = enrolment(workspace, sessions)
    people = by_id(figures.participants)
    assert (people["stay"].attendance, people["gone"].attendance, people["late"].attendance) == (100.0, 50.0, None)
    assert by_id(figures.results)["attendance"].actual == pytest.approx(75.0)


def test_cohort_target_overrides_the_curriculum_target(workspace):
    """[targets] in cohort.toml replaces the curriculum's target for that cohort: with sessions = 3
    the four default sessions meet it (gap 0), where the curriculum's 10 would be missed (gap 6)
    at the end; with attendance = "90%" the 88.9% of the four sessions is missed (gap 90 - 800/9),
    where the curriculum's 80% would be met."""
    plain = by_id(enrolment(workspace, DEFAULT_SESSIONS).results)
    assert (plain["sessions"].target, plain["sessions"].gap, plain["sessions"].status) == (10, 6, "missed")
    assert (plain["attendance"].target, plain["attendance"].status) == (80, "met")
    cohort = ENROLMENT_COHORT.replace("end = 2015-01-31\n", 'end = 2015-01-31\n\n[targets]\nsessions = 3\nattendance = "90%"\n')
    over = by_id(enrolment(workspace, DEFAULT_SESSIONS, cohort=cohort).results)
    assert (over["sessions"].target, over["sessions"].gap, over["sessions"].status) == (3, 0, "met")
    assert (over["attendance"].target, over["attendance"].unit, over["attendance"].status) == (90, "percent", "missed")
    assert over["attendance"].gap == pytest.approx(90 - 800 / 9)


def test_baseline_is_reported_as_given(workspace):
    """A result's baseline is the curriculum's number as written (sessions: 2), and empty where none is given."""
    results = by_id(enrolment(workspace, DEFAULT_SESSIONS).results)
    assert (results["sessions"].baseline, results["attendance"].baseline) == (2, None)


def post(day: str) -> str:
    """One submitted post by stay on a day (no id: each is an output of its own)."""
    return f'[[output]]\ndate = {day}\nparticipant = "stay"\nkind = "post"\ntitle = "t"\n\n'


#: Posts on days 1, 3, 9, 10, 17, 18 and 19 (01-02, 01-04, 01-10, 01-11, 01-18, 01-19, 01-20).
POSTS = "".join(post(day) for day in ["2015-01-02", "2015-01-04", "2015-01-10", "2015-01-11",
                                        "2015-01-18", "2015-01-19", "2015-01-20"])


def test_cadence_periods_start_at_from_day_and_need_per_period_outputs(workspace):
    """every_days 7 from day 3: period 0 is days 3-9, 1 is 10-16, 2 is 17-23, 3 is 24-30; as of 01-31
    (day 30) (30 - 3 + 1) // 7 = 4 are closed. The day-1 post is before day 3 and counts nowhere;
    period 0 holds days 3 and 9 (2, enough), period 1 day 10 only (1 < per_period 2), period 2 days
    17, 18, 19 (3), period 3 none: 2 of 4 = 50%."""
    assert by_id(enrolment(workspace, posts=POSTS).results)["pairs"].actual == pytest.approx(50.0)


def test_cadence_period_closes_on_its_last_day(workspace):
    """As of 01-16 (day 15) only period 0 is closed ((15 - 3 + 1) // 7 = 1) and it holds 2: 100%;
    as of 01-17 (day 16, period 1's last day) period 1 closes too with 1 post: 1 of 2 = 50%;
    as of 01-03 (day 2) no period has even begun: empty."""
    actual = {day: by_id(enrolment(workspace, posts=POSTS, day=day).results)["pairs"].actual
              for day in ["2015-01-16", "2015-01-17", "2015-01-03"]}
    assert actual == {"2015-01-16": 100.0, "2015-01-17": 50.0, "2015-01-03": None}


def test_cadence_periods_stop_at_the_due_date(workspace):
    """With due_day 20, as of 01-31 the periods are counted up to day 20: (20 - 3 + 1) // 7 = 2 are
    closed, period 0 (2 posts) and period 1 (1 post): 1 of 2 = 50%, missed against 60% at the due date."""
    curriculum = ENROLMENT_CURRICULUM.replace("per_period = 2\n", 'per_period = 2\ndue_day = 20\n').replace(
        'target = "50%"\nkinds', 'target = "60%"\nkinds')
    root = workspace({"curricula/e.toml": curriculum, "cohorts/e/cohort.toml": ENROLMENT_COHORT,
                      "cohorts/e/logs/stay.toml": POSTS})
    result = by_id(mentoring.open_workspace(root, search=False).progress("e", as_of="2015-01-31").results)["pairs"]
    assert (result.actual, result.due, result.status) == (50.0, dt.date(2015, 1, 21), "missed")


# --- filters, boundaries and the fields of the figures -------------------------------------------

#: Results with filters, added to the fixture's curriculum (sessions S1, S2 cover m1; S3, S4 m2; S5 none).
FILTERS = """
[[results]]
id = "m1-sessions"
statement = "Two sessions on the basics"
measure = "sessions"
target = 2
modules = ["m1"]

[[results]]
id = "m2-hours"
statement = "Three hours of practice"
measure = "hours"
target = 3
modules = ["m2"]

[[results]]
id = "m1-attendance"
statement = "80% attendance at the basics"
measure = "attendance"
target = "80%"
modules = ["m1"]

[[results]]
id = "a1-accepted"
statement = "First posts accepted"
measure = "outputs"
target = 2
assignment = "a1"

[[results]]
id = "listed"
statement = "Participants who did a1 and came to half the sessions"
measure = "participants"
target = 1
criteria = { assignments = ["a1"], attendance = "50%" }
"""


@pytest.fixture
def filtered(tmp_path):
    """The fixture workspace with FILTERS added to its curriculum, as of 01-31."""
    root = make_workspace(tmp_path, {
        "curricula/prog.toml": CURRICULUM + FILTERS, "cohorts/k/cohort.toml": COHORT, "cohorts/k/logs/m.toml": SESSIONS,
        "cohorts/k/logs/p1.toml": P1, "cohorts/k/logs/p2.toml": P2, "cohorts/k/logs/p3.toml": P3,
    })
    return mentoring.open_workspace(root, search=False)


def test_module_filters_choose_the_sessions(filtered):
    """m1 covers S1 and S2: 2 sessions; m2 covers S3 (1 h) and S4 (2 h): 3 hours; at m1's sessions S1 expected
    p1, p2, p3 (all came) and S2 the same three (only p1 came): 4 of 6 = 66.7%."""
    results = by_id(filtered.progress("k", as_of="2015-01-31").results)
    assert (results["m1-sessions"].actual, results["m2-hours"].actual) == (2, 3)
    assert results["m1-attendance"].actual == pytest.approx(400 / 6)


def test_assignment_filter_and_its_groups(filtered):
    """Outputs for a1 accepted by 01-31: o-p1 only (o-p2 is submitted; the article and p3's post answer no
    assignment): 1. By group: A (p1, p2) has it, B (p3) has none."""
    figures = filtered.progress("k", as_of="2015-01-31", by="group")
    assert by_id(figures.results)["a1-accepted"].actual == 1
    groups = {g.name: by_id(g.results)["a1-accepted"].actual for g in figures.groups}
    assert groups == {"A": 1, "B": 0}


def test_criteria_naming_assignments_and_an_attendance_met_exactly(filtered):
    """`listed` needs a1 done and attendance of at least 50%: p1 (a1 accepted, 100%) meets it; p2 has a1 only
    submitted; p3 has exactly 50% but no a1. With p3's a1 accepted (her post, now for a1), her 50% is enough: 2."""
    assert by_id(filtered.progress("k", as_of="2015-01-31").results)["listed"].actual == 1
    p3 = filtered.root / "cohorts/k/logs/p3.toml"
    p3.write_text(toml(P3).replace('status = "accepted"', 'status = "accepted"\nassignment = "a1"'))
    again = mentoring.open_workspace(filtered.root, search=False)
    assert by_id(again.progress("k", as_of="2015-01-31").participants)["p3"].attendance == 50
    assert by_id(again.progress("k", as_of="2015-01-31").results)["listed"].actual == 2


def test_records_dated_on_the_as_of_date_count(loaded):
    """Records of the as-of day itself count: as of 01-12, S2 (01-12) makes 2 sessions; as of 01-13 o-p1's
    acceptance (01-13) has a1 done for p1; as of 01-18 the measurement of that day (60) is the latest; as of
    01-10 p3's assessment of that day (independent, 2) is her level."""
    assert results(loaded, "2015-01-12")["sessions"].actual == 2
    assert by_id(figures(loaded, "2015-01-13").participants)["p1"].assignments_done == 1
    assert results(loaded, "2015-01-18")["followers"].actual == 60
    assert by_id(figures(loaded, "2015-01-10").participants)["p3"].competencies == {"fb": 2}


def test_the_start_day_is_running_and_on_track(loaded):
    """On the start day the cohort is running, not "not started", and a count with nothing yet is on track
    (0 >= target x 0 elapsed)."""
    first = figures(loaded, "2015-01-01")
    assert first.status == "running"
    assert (by_id(first.results)["sessions"].actual, by_id(first.results)["sessions"].status) == (0, "on track")


def test_a_count_exactly_on_its_pace_is_on_track(workspace):
    """Sessions target 10, due 01-31 (day 30); as of 01-16 (day 15) elapsed is 15/30 = 0.5, so 5 sessions are
    exactly on pace: on track; 4 would be behind."""
    five = "".join(session_block(f"2015-01-{day:02d}", ["stay"]) for day in (2, 4, 6, 8, 10))
    assert by_id(enrolment(workspace, five, day="2015-01-16").results)["sessions"].status == "on track"
    four = "".join(session_block(f"2015-01-{day:02d}", ["stay"]) for day in (2, 4, 6, 8))
    assert by_id(enrolment(workspace, four, day="2015-01-16").results)["sessions"].status == "behind"


def test_a_session_before_the_start_expects_and_counts_no_one(workspace):
    """A session held before the cohort's start (a warning) expected no one, so stay's coming to it counts
    nowhere: with S1-S4 she stays at 4 of 4 (100%), and the measure at 8 of 9."""
    early = session_block("2014-12-30", ["stay", "gone"]) + DEFAULT_SESSIONS
    figures = enrolment(workspace, early)
    assert by_id(figures.participants)["stay"].attendance == 100
    assert by_id(figures.results)["attendance"].actual == pytest.approx(800 / 9)


def test_result_and_participant_fields_as_given(workspace):
    """Each result carries its statement, measure and unit (a count's unit is "count", hours' "hours", a
    percentage's "percent"); each participant her group and organisation; the figures the field they are by,
    with the group of those in whom it is not recorded last."""
    cohort = ENROLMENT_COHORT.replace('id = "stay"\n', 'id = "stay"\norganisation = "Hapsari"\ngroup = "x"\n')
    figures = enrolment(workspace, DEFAULT_SESSIONS, cohort=cohort, by="organisation")
    sessions, attendance = by_id(figures.results)["sessions"], by_id(figures.results)["attendance"]
    assert (sessions.statement, sessions.measure, sessions.unit) == ("Ten sessions", "sessions", "count")
    assert (attendance.measure, attendance.unit) == ("attendance", "percent")
    stay = by_id(figures.participants)["stay"]
    assert (stay.organisation, stay.group, figures.by) == ("Hapsari", "x", "organisation")
    assert [g.name for g in figures.groups] == ["Hapsari", None]


def test_a_cohort_without_participants_has_no_share(workspace):
    """A participants result with a percentage target over a cohort with no participants: the share is empty."""
    curriculum = ENROLMENT_CURRICULUM + '\n[[results]]\nid = "share"\nstatement = "Half complete"\nmeasure = "participants"\ntarget = "50%"\n'
    cohort = 'curriculum = "e"\nstart = 2015-01-01\nend = 2015-01-31\n\n[[people]]\nid = "m"\nname = "Mentor"\nrole = "mentor"\n'
    root = workspace({"curricula/e.toml": curriculum, "cohorts/e/cohort.toml": cohort})
    share = by_id(mentoring.open_workspace(root, search=False).progress("e", as_of="2015-01-31").results)["share"]
    assert (share.actual, share.gap) == (None, None)


def test_cadence_without_per_period_needs_one_output(workspace):
    """Without per_period a period needs one output: of POSTS' four closed periods from day 3, 0 (2 posts),
    1 (1) and 2 (3) hold one or more, 3 none: 75%."""
    curriculum = ENROLMENT_CURRICULUM.replace("per_period = 2\n", "")
    root = workspace({"curricula/e.toml": curriculum, "cohorts/e/cohort.toml": ENROLMENT_COHORT, "cohorts/e/logs/stay.toml": POSTS})
    assert by_id(mentoring.open_workspace(root, search=False).progress("e", as_of="2015-01-31").results)["pairs"].actual == 75


RATED = """
[[competencies]]
id = "fb"
title = "Facebook page"

[[competencies]]
id = "web"
title = "Website"

[[assignments]]
id = "sent"
title = "A post sent in"
output = "post"
min_status = "submitted"

[[results]]
id = "rated"
statement = "Rated basic on Facebook"
measure = "participants"
target = 1
criteria = { competencies = { fb = "basic" } }

[[results]]
id = "sent-in"
statement = "Sent in a post"
measure = "participants"
target = 1
criteria = { assignments = ["sent"] }
"""

RATINGS_AND_POSTS = """
[[assessment]]
date = 2015-01-12
participant = "stay"
competency = "fb"
level = "basic"
by = "m"

[[assessment]]
date = 2015-01-12
participant = "late"
competency = "web"
level = 3
by = "m"

[[output]]
date = 2015-01-11
participant = "stay"
kind = "post"
title = "Half done"
assignment = "sent"
status = "draft"

[[output]]
date = 2015-01-11
participant = "late"
kind = "post"
title = "First"
id = "l1"
assignment = "sent"

[[output]]
date = 2015-01-12
participant = "late"
kind = "post"
title = "Second, a draft"
id = "l2"
assignment = "sent"
status = "draft"
"""


def test_levels_and_assignments_a_rule_needs(workspace):
    """`rated` needs fb at least basic (1): stay is rated basic; late is rated on web only and gone not at all,
    so neither has an fb level: 1. `sent-in` needs `sent` at least submitted: late's l1 is submitted (her later
    draft l2 is another output and does not undo it); stay has only a draft; gone nothing: 1."""
    root = workspace({"curricula/e.toml": ENROLMENT_CURRICULUM + RATED, "cohorts/e/cohort.toml": ENROLMENT_COHORT,
                      "cohorts/e/logs/m.toml": RATINGS_AND_POSTS})
    figures = mentoring.open_workspace(root, search=False).progress("e", as_of="2015-01-31")
    results = by_id(figures.results)
    assert (results["rated"].actual, results["sent-in"].actual) == (1, 1)
    people = by_id(figures.participants)
    assert (people["stay"].competencies, people["late"].competencies, people["gone"].competencies) == ({"fb": 1}, {"web": 3}, {})


def test_participants_carry_their_names_and_the_header_its_dates(loaded):
    """Each participant's figures carry the name cohort.toml gives (Ani, Butet, Cici), and the
    report's header the cohort's own start and end (2015-01-01 to 2015-01-31)."""
    fig = figures(loaded, "2015-01-20")
    assert [(p.id, p.name) for p in fig.participants] == [("p1", "Ani"), ("p2", "Butet"), ("p3", "Cici")]
    assert (fig.about.start, fig.about.end) == (dt.date(2015, 1, 1), dt.date(2015, 1, 31))


def test_a_cohort_is_not_broken_down_by_cohort(loaded):
    """--by cohort breaks a programme down (rollup); asked of one cohort it is a usage error saying which fields do."""
    with pytest.raises(mentoring.UsageError) as refused:
        figures(loaded, "2015-01-20", by=mentoring.model.By.COHORT)
    assert str(refused.value) == 'by: "cohort" breaks down a programme (rollup), not a cohort; use group, organisation or sex'


def test_elapsed_is_whole_when_due_on_the_start_day():
    """A count due on its start day is wholly expected from then on (1, not 0/0); otherwise the share
    of the days passed, 0 before the start and 1 after the due date: 5 of 10 days is 0.5."""
    from mentoring.progress import elapsed

    d = dt.date(2015, 1, 1)
    assert elapsed(d, d, d) == 1.0
    assert [elapsed(d, d + dt.timedelta(10), d + dt.timedelta(n)) for n in (-1, 5, 11)] == [0.0, 0.5, 1.0]


def test_tallies_pool_and_subtract_as_documented():
    """Counts: 5 + empty is 5 either way round, 5 + 2 is 7; 7 - 3 is 4, 7 - empty is 7, empty - 3 is
    empty. Rates pool and subtract their parts: 3/4 + 1/4 is 4/8 = 50%, and 4/8 - 3/4 is 1/4 = 25%."""
    from mentoring.progress import Tally

    assert [(Tally(5) + Tally()).value, (Tally() + Tally(5)).value, (Tally(5) + Tally(2)).value] == [5, 5, 7]
    assert [(Tally(7) - Tally(3)).value, (Tally(7) - Tally()).value, (Tally() - Tally(3)).value] == [4, 7, None]
    pooled = Tally(part=3, whole=4, rate=True) + Tally(part=1, whole=4, rate=True)
    assert (pooled.actual, (pooled - Tally(part=3, whole=4, rate=True)).actual) == (50.0, 25.0)
