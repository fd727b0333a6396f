"""`mentoring explain` worked out by hand: each reason a record does not count, the weights that
add up to the figure, and the line of each record's `[[...]]` header.

The workspace is the minimal programme of conftest.py (cohort k1, 2015-03-01 to 2015-03-31,
participants p01 and p02, p02 leaving on 2015-03-20, mentor rina) with the results below added to
its curriculum; each test writes its own log. Lines count from 1 at the first line of a log as
written here.
"""

from __future__ import annotations

import json

import pytest

import mentoring
from mentoring.ledger import Reason
from mentoring.render import render

from conftest import CURRICULUM, toml

MORE_RESULTS = """
[[modules]]
id = "m2"
title = "Writing"

[[competencies]]
id = "writing"
title = "Writing for the web"

[[results]]
id = "m1-sessions"
statement = "Sessions of module m1"
measure = "sessions"
target = 4
modules = ["m1"]

[[results]]
id = "hours"
statement = "Hours of mentoring"
measure = "hours"
target = 10

[[results]]
id = "attendance"
statement = "Attendance"
measure = "attendance"
target = "80%"

[[results]]
id = "weekly"
statement = "A post every week"
measure = "cadence"
target = "75%"
kinds = ["post"]
every_days = 7

[[results]]
id = "completed"
statement = "Participants complete"
measure = "participants"
target = "50%"
"""

LOG = "cohorts/k1/logs/rina.toml"


@pytest.fixture
def explained(minimal, workspace):
    """`explained(log, result, as_of, by=None)`: the explanation of a result of k1 with `log` as rina's log."""

    def explain(log: str, result: str, as_of: str, by: str = None, completion: str = ""):
        files = {**minimal, "curricula/sosmed.toml": toml(CURRICULUM) + toml(MORE_RESULTS) + completion, LOG: log}
        ws = mentoring.open_workspace(workspace(files), search=False)
        assert not ws.errors, ws.errors
        return ws.explain("k1", result, as_of, by)

    return explain


def rows(part):
    """Each record as (line, counted, weight, reason)."""
    return [(n.line, n.counted, n.weight, n.reason) for n in part.records]


def test_a_session_after_the_as_of_date_is_listed_but_not_counted(explained):
    """A session dated after the as-of date is looked at and left out as "dated after as-of".

    Sessions on 2 and 10 March; as of 5 March only the first counts: 1 session."""
    log = """
    [[session]]
    date = 2015-03-02
    mentor = "rina"
    hours = 2
    attended = ["p01"]
    modules = ["m1"]

    [[session]]
    date = 2015-03-10
    mentor = "rina"
    hours = 3
    attended = ["p01"]
    modules = ["m1"]
    """
    found = explained(log, "m1-sessions", "2015-03-05")
    assert found.whole.actual == 1
    assert rows(found.whole) == [(1, True, 1, None), (8, False, None, Reason.AFTER)]


def test_a_session_outside_the_results_modules_is_not_counted_and_hours_add_up(explained):
    """A session of another module is left out of a result naming modules; hours are the sum of
    the counted sessions' hours.

    m1 on 2 March (2 h), m2 on 3 March (3 h): m1-sessions counts 1; hours (no modules) 2 + 3 = 5."""
    log = """
    [[session]]
    date = 2015-03-02
    mentor = "rina"
    hours = 2
    attended = ["p01"]
    modules = ["m1"]

    [[session]]
    date = 2015-03-03
    mentor = "rina"
    hours = 3
    attended = ["p01"]
    modules = ["m2"]
    """
    sessions = explained(log, "m1-sessions", "2015-03-31")
    assert sessions.whole.actual == 1
    assert rows(sessions.whole) == [(1, True, 1, None), (8, False, None, Reason.OUTSIDE_MODULES)]
    hours = explained(log, "hours", "2015-03-31")
    assert hours.whole.actual == 5
    assert [n.weight for n in hours.whole.records] == [2, 3]


def test_an_output_below_min_status_is_not_counted(explained):
    """An output whose latest record is `submitted` is below the default min_status (accepted).

    p01's "a" accepted, p02's "b" submitted: 1 post counted."""
    log = """
    [[output]]
    date = 2015-03-04
    participant = "p01"
    kind = "post"
    title = "a"
    status = "accepted"

    [[output]]
    date = 2015-03-05
    participant = "p02"
    kind = "post"
    title = "b"
    status = "submitted"
    """
    found = explained(log, "posts", "2015-03-31")
    assert found.whole.actual == 1
    assert rows(found.whole) == [(1, True, 1, None), (8, False, None, Reason.BELOW_MIN_STATUS)]


def test_an_output_returned_after_it_was_accepted(explained):
    """Of an output's records only the latest as of the date gives its status: accepted on 5
    March and returned on 9 March, it counts as of 6 March (the return is after the date) and not
    as of 10 March (the acceptance is superseded, the return below min_status)."""
    log = """
    [[output]]
    date = 2015-03-05
    participant = "p01"
    kind = "post"
    title = "a"
    id = "a"
    status = "accepted"

    [[output]]
    date = 2015-03-09
    participant = "p01"
    kind = "post"
    title = "a"
    id = "a"
    status = "returned"
    """
    before = explained(log, "posts", "2015-03-06")
    assert before.whole.actual == 1
    assert rows(before.whole) == [(1, True, 1, None), (9, False, None, Reason.AFTER)]
    after = explained(log, "posts", "2015-03-10")
    assert after.whole.actual == 0
    assert rows(after.whole) == [(1, False, None, Reason.SUPERSEDED), (9, False, None, Reason.BELOW_MIN_STATUS)]


def test_an_output_of_another_kind_is_not_counted(explained):
    """An article is not a post: the result names kind "post" (through its assignment-free filter `kinds`)."""
    log = """
    [[output]]
    date = 2015-03-04
    participant = "p01"
    kind = "article"
    title = "a"
    status = "published"

    [[output]]
    date = 2015-03-11
    participant = "p01"
    kind = "post"
    title = "b"
    status = "published"
    """
    found = explained(log, "weekly", "2015-03-31")
    assert [(n.line, n.reason) for n in found.whole.records] == [(1, Reason.OTHER_KIND), (8, None)]


def test_a_measurement_superseded_by_a_later_one(explained):
    """A reported result is its latest measurement: 40 on 5 March, then 70 on 12 March gives 70,
    the earlier one superseded; the weight of the one counted is its value."""
    log = """
    [[measurement]]
    date = 2015-03-05
    result = "visitors"
    value = 40

    [[measurement]]
    date = 2015-03-12
    result = "visitors"
    value = 70
    """
    found = explained(log, "visitors", "2015-03-31")
    assert found.whole.actual == 70
    assert rows(found.whole) == [(1, False, None, Reason.LATER_MEASUREMENT), (6, True, 70, None)]


ATTENDED = """
[[session]]
date = 2015-03-02
mentor = "rina"
hours = 2
attended = ["p01"]
expected = ["p01"]

[[session]]
date = 2015-03-09
mentor = "rina"
hours = 2
attended = ["p01"]

[[session]]
date = 2015-03-23
mentor = "rina"
hours = 2
attended = ["p01"]
"""


def test_attendance_weights_give_the_numerator_and_denominator(explained):
    """Each session adds its places attended and expected: 2 March expects p01 only (1 of 1),
    9 March everyone enrolled (p01 came, p02 did not: 1 of 2), 23 March p01 only, p02 having
    left on 20 March (1 of 1). 3 of 4 places: 75%."""
    found = explained(ATTENDED, "attendance", "2015-03-31")
    assert [(n.weight.part, n.weight.whole) for n in found.whole.records] == [(1, 1), (1, 2), (1, 1)]
    assert (found.whole.numerator, found.whole.denominator, found.whole.actual) == (3, 4, 75.0)


def test_a_participant_not_expected_at_a_session(minimal, workspace):
    """Explaining p02's completion, the sessions that did not expect p02 are "not expected": 2
    March names only p01, and on 23 March p02 had left (20 March). Only 9 March expected p02,
    who did not come: 0 of 1, attendance 0%, below the 50% asked."""
    files = {**minimal, "curricula/sosmed.toml": toml(CURRICULUM) + '\n[completion]\nattendance = "50%"\n',
             LOG: toml(ATTENDED)}
    ws = mentoring.open_workspace(workspace(files), search=False)
    found = ws.explain_participant("k1", "p02", "2015-03-31")
    attendance = next(r for r in found.requirements if r.kind == "attendance")
    assert [(n.line, n.counted, n.reason) for n in attendance.records] == [
        (1, False, Reason.NOT_EXPECTED), (8, True, None), (14, False, Reason.NOT_EXPECTED)]
    assert (attendance.needed, attendance.reached, attendance.met) == (50, 0, False)
    assert found.complete is False


def grouped(minimal) -> str:
    """k1's cohort.toml with p01 in group "north" and p02 in "south"."""
    cohort = minimal["cohorts/k1/cohort.toml"].replace('role = "participant"\n', 'role = "participant"\ngroup = "GROUP"\n')
    return cohort.replace("GROUP", "north", 1).replace("GROUP", "south", 1)


def test_a_group_is_not_expected_at_a_session_that_expects_none_of_it(minimal, workspace):
    """With --by group, a session that expected none of a group's participants is "not expected"
    for that group: the 2 March session names only p01 (north), so south's attendance is over the
    9 March session alone (0 of 1) and north's over all three (3 of 3)."""
    files = {**minimal, "curricula/sosmed.toml": toml(CURRICULUM) + toml(MORE_RESULTS),
             "cohorts/k1/cohort.toml": grouped(minimal), LOG: toml(ATTENDED)}
    found = mentoring.open_workspace(workspace(files), search=False).explain("k1", "attendance", "2015-03-31", "group")
    north, south = found.groups
    assert (north.group, north.numerator, north.denominator) == ("north", 3, 3)
    assert (south.group, south.numerator, south.denominator) == ("south", 0, 1)
    assert [n.reason for n in south.records] == [Reason.NOT_EXPECTED, None, Reason.NOT_EXPECTED]


def test_a_participant_is_counted_or_has_their_first_unmet_requirement(explained):
    """For a `participants` result the records are the participants, at their `[[people]]`
    entries (lines 5 and 10 of cohort.toml), each counted or with their first unmet requirement:
    the completion rule asks for assignment a1 (required by default). p01's post for a1 is
    accepted; p02 has none. 1 of 2 participants: 50%."""
    log = """
    [[output]]
    date = 2015-03-04
    participant = "p01"
    kind = "post"
    title = "a"
    assignment = "a1"
    status = "accepted"
    """
    found = explained(log, "completed", "2015-03-31")
    assert [(n.path, n.line, n.kind, n.counted, n.reason, n.detail) for n in found.whole.records] == [
        ("cohorts/k1/cohort.toml", 5, "person", True, None, None),
        ("cohorts/k1/cohort.toml", 10, "person", False, Reason.ASSIGNMENT_NOT_DONE, "a1")]
    assert (found.whole.numerator, found.whole.denominator, found.whole.actual) == (1, 2, 50.0)


def test_the_first_unmet_requirement_follows_the_rules_order(explained):
    """The rule's order is assignments, attendance, competencies: with the one session attended by
    no one (attendance 0%) and no rating of "writing", each participant is refused for attendance
    first; with an assignment also asked and not done, for the assignment."""
    rule = '\n[completion]\nattendance = "50%"\ncompetencies = { writing = 1 }\n'
    log = """
    [[session]]
    date = 2015-03-02
    mentor = "rina"
    hours = 2
    attended = []
    """
    found = explained(log, "completed", "2015-03-31", completion=rule)
    assert [(n.reason, n.detail) for n in found.whole.records] == [(Reason.ATTENDANCE_BELOW, None)] * 2
    rule = '\n[completion]\nassignments = ["a1"]\nattendance = "50%"\ncompetencies = { writing = 1 }\n'
    found = explained(log, "completed", "2015-03-31", completion=rule)
    assert [(n.reason, n.detail) for n in found.whole.records] == [(Reason.ASSIGNMENT_NOT_DONE, "a1")] * 2


def test_cadence_counts_periods_and_says_which_outputs_fall_in_none(explained):
    """Weeks from 1 March; as of 21 March three weeks have closed (1-7, 8-14, 15-21). Posts on 2
    March (week 1), 16 March (week 3) and 23 March (week 4, still open): 2 of the 3 closed weeks
    hold one, 66.7%; the last post is in no closed period."""
    log = "".join(f"""
    [[output]]
    date = 2015-03-{day:02d}
    participant = "p01"
    kind = "post"
    title = "t{day}"
    status = "accepted"
    """ for day in (2, 16, 23))
    found = explained(log, "weekly", "2015-03-25")
    assert (found.whole.numerator, found.whole.denominator) == (2, 3)
    assert [(p.start.day, p.outputs, p.enough) for p in found.whole.periods] == [(1, 1, True), (8, 0, False), (15, 1, True)]
    assert [(n.counted, n.reason, n.detail) for n in found.whole.records] == [
        (True, None, "2015-03-01"), (True, None, "2015-03-15"), (False, Reason.NO_CLOSED_PERIOD, None)]


def test_a_groups_records_are_its_own(minimal, workspace):
    """With --by group, p01 ("north") and p02 ("south") each have their own figure: a post by p02
    is "made outside the group" for north. Posts: north 1, south 1; the whole cohort 2."""
    log = "".join(f"""
    [[output]]
    date = 2015-03-0{n}
    participant = "{who}"
    kind = "post"
    title = "t{n}"
    status = "accepted"
    """ for n, who in ((2, "p01"), (3, "p02")))
    files = {**minimal, "cohorts/k1/cohort.toml": grouped(minimal), LOG: toml(log)}
    found = mentoring.open_workspace(workspace(files), search=False).explain("k1", "posts", "2015-03-31", by="group")
    assert found.whole.actual == 2
    assert [(g.group, g.actual, [n.reason for n in g.records]) for g in found.groups] == [
        ("north", 1, [None, Reason.OUTSIDE_GROUP]), ("south", 1, [Reason.OUTSIDE_GROUP, None])]


def test_unknown_result_and_participant_are_usage_errors(minimal, workspace):
    """An unknown result or participant id is a usage error saying what was probably meant; a
    mentor is not a participant."""
    ws = mentoring.open_workspace(workspace(minimal), search=False)
    with pytest.raises(mentoring.UsageError, match='unknown result "post" \\(did you mean "posts"\\?\\)'):
        ws.explain("k1", "post", "2015-03-31")
    with pytest.raises(mentoring.UsageError, match='unknown participant "p1" in cohort "k1" \\(did you mean "p01"\\?\\)'):
        ws.explain_participant("k1", "p1", "2015-03-31")
    with pytest.raises(mentoring.UsageError, match='"rina" is a mentor of cohort "k1", not a participant'):
        ws.explain_participant("k1", "rina", "2015-03-31")


# --- the command ---------------------------------------------------------------------------------


def test_explain_json_has_the_contracts_fields(minimal, workspace, run, monkeypatch):
    """The JSON of `explain COHORT RESULT` has the fields CLI.md lists; attendance's weights are
    places attended and expected (the sessions of ATTENDED: 1 of 1, 1 of 2, 1 of 1)."""
    files = {**minimal, "curricula/sosmed.toml": toml(CURRICULUM) + toml(MORE_RESULTS), LOG: toml(ATTENDED)}
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace(files)))
    result = run("explain", "k1", "attendance", "--as-of", "2015-03-31", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {k: data[k] for k in ("cohort", "result", "as_of", "actual", "numerator", "denominator")} == {
        "cohort": "k1", "result": "attendance", "as_of": "2015-03-31", "actual": 75, "numerator": 3, "denominator": 4}
    assert isinstance(data["rule"], str) and data["rule"]
    first = data["records"][0]
    assert {k: first[k] for k in ("path", "line", "date", "kind", "counted", "weight", "reason")} == {
        "path": LOG, "line": 1, "date": "2015-03-02", "kind": "session", "counted": True,
        "weight": {"attended": 1, "expected": 1}, "reason": None}
    assert [r["weight"] for r in data["records"]][1:] == [{"attended": 1, "expected": 2}, {"attended": 1, "expected": 1}]


def test_explain_participant_json_has_the_contracts_fields(minimal, workspace, run, monkeypatch):
    """`explain COHORT --participant ID` in JSON: cohort, participant, as_of, complete and each
    requirement with kind, id, needed, reached, met and records. p02 has no output for a1."""
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace(minimal)))
    result = run("explain", "k1", "--participant", "p02", "--as-of", "2015-03-31", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {k: data[k] for k in ("cohort", "participant", "as_of", "complete")} == {
        "cohort": "k1", "participant": "p02", "as_of": "2015-03-31", "complete": False}
    assert data["requirements"] == [
        {"kind": "assignment", "id": "a1", "needed": "accepted", "reached": None, "met": False, "records": []}]


@pytest.mark.parametrize("args, message", [
    (["explain", "k1"], "name a RESULT or give --participant ID"),
    (["explain", "k1", "posts", "--participant", "p01"], "name a RESULT or give --participant ID"),
    (["explain", "k1", "--participant", "p01", "--by", "group"], "--by breaks down a result"),
    (["explain", "k1", "post"], 'did you mean "posts"?'),
    (["explain", "k1", "posts", "--by", "cohort"], "--by: expected one of group, organisation, sex"),
])
def test_explain_used_wrongly_is_a_usage_error(minimal, workspace, run, monkeypatch, args, message):
    """A wrong use of explain exits 2 with one line saying what to do, never a traceback."""
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace(minimal)))
    result = run(*args, "--as-of", "2015-03-31")
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_explain_text_formats_name_each_record_at_its_line(minimal, workspace, run, monkeypatch, fmt):
    """Every text format lists each record at its path and line and says why it did not count:
    the two sessions of a 5 March as-of, lines 1 and 8, the second after the date."""
    log = """
    [[session]]
    date = 2015-03-02
    mentor = "rina"
    hours = 2
    attended = ["p01"]
    modules = ["m1"]

    [[session]]
    date = 2015-03-10
    mentor = "rina"
    hours = 3
    attended = ["p01"]
    modules = ["m1"]
    """
    files = {**minimal, "curricula/sosmed.toml": toml(CURRICULUM) + toml(MORE_RESULTS), LOG: toml(log)}
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace(files)))
    result = run("explain", "k1", "hours", "--as-of", "2015-03-05", "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        assert f"2015-03-05,{LOG},1,2015-03-02,session,yes,2," in result.stdout
        assert f"2015-03-05,{LOG},8,2015-03-10,session,no,,,,dated after as-of," in result.stdout
    else:
        assert f"{LOG}:1 " in result.stdout and f"{LOG}:8 " in result.stdout
        assert "dated after as-of" in result.stdout
        assert "2 records looked at: 1 counted; not counted: dated after as-of (1)" in result.stdout


# --- where the pace leads: projected -------------------------------------------------------------

TWO_SESSIONS = """
[[session]]
date = 2015-03-02
mentor = "rina"
hours = 2
attended = ["p01"]
modules = ["m1"]

[[session]]
date = 2015-03-05
mentor = "rina"
hours = 1.5
attended = ["p01", "p02"]
modules = ["m1"]
"""


@pytest.fixture
def paced(minimal, workspace):
    """The figures of k1 (1 to 31 March, due 31 March: 30 days) with two m1 sessions, 2 and 5 March, by result id."""
    files = {**minimal, "curricula/sosmed.toml": toml(CURRICULUM) + toml(MORE_RESULTS), LOG: toml(TWO_SESSIONS)}
    ws = mentoring.open_workspace(workspace(files), search=False)
    return lambda as_of: {r.id: r for r in ws.progress("k1", as_of).results}


def test_projected_is_the_actual_over_the_time_elapsed(paced):
    """As of 11 March, 10 of the 30 days to the due date have passed (a third): 2 sessions
    lead to 2 x 3 = 6 by 31 March, 3.5 hours to 10.5; no post yet leads to 0."""
    figures = paced("2015-03-11")
    assert figures["m1-sessions"].projected == pytest.approx(6)
    assert figures["hours"].projected == pytest.approx(10.5)
    assert figures["posts"].projected == 0


def test_projected_is_empty_outside_the_run_for_rates_and_empty_actuals(paced):
    """No projection on the start (nothing has elapsed), on the due date (the actual is final),
    for a percentage target (attendance, a participants share), or with no actual (visitors:
    no measurement yet)."""
    assert paced("2015-03-01")["m1-sessions"].projected is None
    assert paced("2015-03-31")["m1-sessions"].projected is None
    later = paced("2015-03-11")
    assert [later[r].projected for r in ("attendance", "completed", "weekly", "visitors")] == [None] * 4


def test_report_shows_the_pace_in_json_and_tables(minimal, workspace, run, monkeypatch):
    """The report's JSON carries `projected` (6 for m1-sessions as of 11 March, as above, null for
    attendance) and its table a pace column; on the due date there is none, so no column."""
    files = {**minimal, "curricula/sosmed.toml": toml(CURRICULUM) + toml(MORE_RESULTS), LOG: toml(TWO_SESSIONS)}
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace(files)))
    data = json.loads(run("report", "k1", "--as-of", "2015-03-11", "--format", "json").stdout)
    projected = {r["id"]: r["projected"] for r in data["results"]}
    assert projected["m1-sessions"] == pytest.approx(6) and projected["attendance"] is None
    header = run("report", "k1", "--as-of", "2015-03-11").stdout.splitlines()[0].split()
    assert header[header.index("actual") + 1] == "pace"
    assert "pace" not in run("report", "k1", "--as-of", "2015-03-31").stdout.splitlines()[0]


def test_explain_refuses_a_cohort_with_errors_and_an_unknown_one(minimal, workspace, run, monkeypatch):
    """A cohort with an error is not explained (its errors printed, exit 1); an unknown cohort is
    a usage error naming the cohorts there are (exit 2)."""
    log = """
    [[session]]
    date = 2015-03-02
    mentor = "rina"
    hours = 2
    attended = ["p1"]
    """
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace({**minimal, LOG: toml(log)})))
    broken = run("explain", "k1", "posts", "--as-of", "2015-03-31")
    assert broken.exit_code == 1
    assert f'{LOG}:5: error: session.attended: unknown participant "p1" (did you mean "p01"?)' in broken.stdout
    unknown = run("explain", "k2", "posts", "--as-of", "2015-03-31")
    assert unknown.exit_code == 2 and 'unknown cohort "k2"; cohorts: k1' in unknown.stderr


# --- pages, workbooks, languages -----------------------------------------------------------------


@pytest.fixture
def attending(minimal, workspace):
    """The workspace of ATTENDED (three sessions: 1 of 1, 1 of 2, 1 of 1 places) with the results above."""
    files = {**minimal, "curricula/sosmed.toml": toml(CURRICULUM) + toml(MORE_RESULTS), LOG: toml(ATTENDED)}
    return workspace(files)


@pytest.mark.parametrize("view", ["explain", "explain_participant"])
def test_explain_pages_in_indonesian_show_no_english_label(attending, view):
    """In Indonesian an explanation's page leaves no label of the catalog in English where a reader
    sees text (data such as ids, paths and titles are marked translate="no"); dates are Indonesian."""
    from test_html import english_left, visible

    ws = mentoring.open_workspace(attending, search=False)
    found = ws.explain("k1", "attendance", "2015-03-31") if view == "explain" else \
        ws.explain_participant("k1", "p02", "2015-03-31")
    page = render(view, found, "html", "id")
    text = visible(page)
    assert english_left(text) == []
    assert "31 Maret 2015" in text and "2015-03-31" not in text
    assert english_left(visible(render(view, found, "html", "en"))) != []  # the check can fail


def test_explain_table_in_indonesian(attending, run, monkeypatch):
    """`--lang id` says the figure, the rule, the records and the reasons in Indonesian: 3 of 4
    places (75%, "75,0%"), missed on its due date, the 9 March session 1 of 2."""
    monkeypatch.setenv("MENTORING_WORKSPACE", str(attending))
    out = run("explain", "k1", "attendance", "--as-of", "2015-03-31", "--lang", "id").stdout
    assert "k1 per tanggal 31 Maret 2015: 75,0% (3 dari 4), target 80,0%: tidak tercapai" in out
    assert "Aturan: dari sesi yang diadakan:" in out
    assert "1 dari 2" in out and "3 catatan diperiksa: 3 dihitung" in out


def test_explain_workbook_holds_the_records_of_the_json(attending, run, monkeypatch, tmp_path):
    """`--output FILE.xlsx` writes the records as the JSON has them, places attended and expected as
    two number columns (1 of 1, 1 of 2, 1 of 1)."""
    import openpyxl

    monkeypatch.setenv("MENTORING_WORKSPACE", str(attending))
    target = tmp_path / "explain.xlsx"
    assert run("explain", "k1", "attendance", "--as-of", "2015-03-31", "--output", str(target)).exit_code == 0
    data = json.loads(run("explain", "k1", "attendance", "--as-of", "2015-03-31", "--format", "json").stdout)
    sheet = openpyxl.load_workbook(target)["Records looked at"]
    rows = list(sheet.iter_rows(values_only=True))
    top = next(n for n, row in enumerate(rows) if row[0] == "Record")
    header, body = rows[top], rows[top + 1:]
    places = [(row[header.index("Attended")], row[header.index("Places expected")]) for row in body]
    assert places == [(r["weight"]["attended"], r["weight"]["expected"]) for r in data["records"]] == [(1, 1), (1, 2), (1, 1)]
    assert [row[0] for row in body] == [f"{r['path']}:{r['line']}" for r in data["records"]]
