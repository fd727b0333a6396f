"""A programme's figures across cohorts, and breakdowns by sex, worked out by hand.

Three cohorts of curriculum "prog" with different starts (every session expects every participant):

    c1  2015-01-01..03-31  a1 female, a2 male     sessions 01-10 a1 a2 | 02-10 a1 | 03-10 a1 a2
        targets: sessions = 6                      followers 03-01: 120; visitors 03-02: 4
    c2  2015-02-01..04-30  b1 female, b2 female,  sessions 02-15 b1 | 03-01 - | 03-15 b1 b2 | 04-10 b1 b2 b3
        b3 (sex not recorded)                      followers 03-20: 135; visitors 03-21: 3
    c3  2015-06-01..08-31  d1 female, d2 male     session 06-10 d1
        targets: followers = 150

As of 2015-03-31 c3 has not started. The programme starts on 01-01 (the earliest start); every
result is due on 08-31 (c3's end, the latest), so elapsed = 89/242 days.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import make_workspace

import mentoring

CURRICULUM = """
title = "Rollup fixture"

[[results]]
id = "sessions"
statement = "Four sessions per cohort"
measure = "sessions"
target = 4

[[results]]
id = "attendance"
statement = "75% attendance"
measure = "attendance"
target = "75%"

[[results]]
id = "share"
statement = "Half the participants attend half the sessions"
measure = "participants"
target = "50%"
criteria = { attendance = "50%" }

[[results]]
id = "followers"
statement = "100 people follow the shared page"
measure = "reported"
target = 100
rollup = "max"

[[results]]
id = "visitors"
statement = "Ten visitors per cohort"
measure = "reported"
target = 10
"""

C1 = """
curriculum = "prog"
start = 2015-01-01
end = 2015-03-31

[targets]
sessions = 6

[[people]]
id = "a1"
name = "Ani"
role = "participant"
sex = "female"

[[people]]
id = "a2"
name = "Budi"
role = "participant"
sex = "male"

[[people]]
id = "m"
name = "Mentor"
role = "mentor"
"""

C1_LOG = """
[[session]]
date = 2015-01-10
mentor = "m"
hours = 2
attended = ["a1", "a2"]

[[session]]
date = 2015-02-10
mentor = "m"
hours = 2
attended = ["a1"]

[[session]]
date = 2015-03-10
mentor = "m"
hours = 2
attended = ["a1", "a2"]

[[measurement]]
date = 2015-03-01
result = "followers"
value = 120

[[measurement]]
date = 2015-03-02
result = "visitors"
value = 4
"""

C2 = """
curriculum = "prog"
start = 2015-02-01
end = 2015-04-30

[[people]]
id = "b1"
name = "Cici"
role = "participant"
sex = "female"

[[people]]
id = "b2"
name = "Dewi"
role = "participant"
sex = "female"

[[people]]
id = "b3"
name = "Eka"
role = "participant"

[[people]]
id = "m"
name = "Mentor"
role = "mentor"
"""

C2_LOG = """
[[session]]
date = 2015-02-15
mentor = "m"
hours = 2
attended = ["b1"]

[[session]]
date = 2015-03-01
mentor = "m"
hours = 2
attended = []

[[session]]
date = 2015-03-15
mentor = "m"
hours = 2
attended = ["b1", "b2"]

[[session]]
date = 2015-04-10
mentor = "m"
hours = 2
attended = ["b1", "b2", "b3"]

[[measurement]]
date = 2015-03-20
result = "followers"
value = 135

[[measurement]]
date = 2015-03-21
result = "visitors"
value = 3
"""

C3 = """
curriculum = "prog"
start = 2015-06-01
end = 2015-08-31

[targets]
followers = 150

[[people]]
id = "d1"
name = "Fitri"
role = "participant"
sex = "female"

[[people]]
id = "d2"
name = "Gilang"
role = "participant"
sex = "male"

[[people]]
id = "m"
name = "Mentor"
role = "mentor"
"""

C3_LOG = """
[[session]]
date = 2015-06-10
mentor = "m"
hours = 2
attended = ["d1"]
"""

FILES = {
    "curricula/prog.toml": CURRICULUM,
    "cohorts/c1/cohort.toml": C1, "cohorts/c1/logs/m.toml": C1_LOG,
    "cohorts/c2/cohort.toml": C2, "cohorts/c2/logs/m.toml": C2_LOG,
    "cohorts/c3/cohort.toml": C3, "cohorts/c3/logs/m.toml": C3_LOG,
}

ELAPSED = 89 / 242  # 2015-01-01 to 03-31, of 01-01 to 08-31


@pytest.fixture
def ws(tmp_path):
    """The three cohorts, opened through the door, without an error."""
    opened = mentoring.open_workspace(make_workspace(tmp_path, FILES), search=False)
    assert opened.errors == ()
    return opened


@pytest.fixture
def cli(ws, run, monkeypatch):
    """`cli(*args)` runs the command on the fixture workspace."""
    monkeypatch.setenv("MENTORING_WORKSPACE", str(ws.root))
    return run


def by_id(results):
    return {r.id: r for r in results}


def test_three_cohorts_add_up(ws):
    """As of 03-31 (c3 not started):
    - sessions: target 6 (c1's override) + 4 + 4 (c3 adds its target) = 14; actual 3 + 3 = 6, against
      14 x 89/242 = 5.15 expected: on track;
    - attendance pooled: (2+1+2 attended of 6 in c1) + (1+0+2 of 9 in c2) = 8/15 = 53.3% (not the mean
      of 83.3% and 33.3%), under 75%: behind;
    - share pooled: a1 3/3, a2 2/3, b1 2/3 attend half or more, b2 1/3 and b3 0/3 do not: 3 of 5
      participants (c3's two stay out) = 60%, against the curriculum's 50%: met;
    - followers (rollup = "max"): target the largest of 100, 100 and c3's 150; actual the largest of
      120 and 135: 135, over 150 x 89/242 = 55.2: on track;
    - visitors (sum): target 30, actual 4 + 3 = 7, under 30 x 89/242 = 11.0: behind."""
    programme = ws.rollup("prog", "2015-03-31")
    assert (programme.cohorts, programme.started) == (("c1", "c2", "c3"), ("c1", "c2"))
    results = by_id(programme.results)
    assert (results["sessions"].target, results["sessions"].actual, results["sessions"].status) == (14, 6, "on track")
    assert results["attendance"].actual == pytest.approx(100 * 8 / 15)
    assert results["attendance"].status == "behind"
    assert (results["share"].target, results["share"].unit, results["share"].status) == (50, "percent", "met")
    assert results["share"].actual == pytest.approx(60)
    assert (results["followers"].target, results["followers"].actual, results["followers"].status) == (150, 135, "on track")
    assert (results["visitors"].target, results["visitors"].actual, results["visitors"].status) == (30, 7, "behind")
    assert {r.due for r in programme.results} == {dt.date(2015, 8, 31)}


def test_rollup_periods_count_a_cohort_from_its_start(ws):
    """As of 07-15, by quarter. sessions: 6 by 03-31; by 06-30 c2's 04-10 and c3's 06-10 (c3 started
    on 06-01) make 8; still 8 on 07-15. Expected 14 x 89/242, 14 x 180/242, 14 x 195/242.
    Attendance of each quarter's own sessions: 8/15; then 3/3 (c2) + 1/2 (c3) = 4/5 = 80%; none in Q3.
    share by 06-30: a1, a2, b1 (3/4), b2 (2/4), d1 (1/1) meet it, b3 (1/4) and d2 (0/1) do not: 5/7."""
    results = by_id(ws.rollup("prog", "2015-07-15", period="quarter").results)
    sessions = results["sessions"].periods
    assert [(p.start, p.end) for p in sessions] == [
        (dt.date(2015, 1, 1), dt.date(2015, 3, 31)), (dt.date(2015, 4, 1), dt.date(2015, 6, 30)),
        (dt.date(2015, 7, 1), dt.date(2015, 7, 15))]
    assert [(p.actual, p.change) for p in sessions] == [(6, 6), (8, 2), (8, 0)]
    assert [p.expected for p in sessions] == pytest.approx([14 * 89 / 242, 14 * 180 / 242, 14 * 195 / 242])
    attendance = results["attendance"].periods
    assert [p.change for p in attendance] == pytest.approx([100 * 8 / 15, 80, None])
    assert [p.actual for p in attendance] == pytest.approx([100 * 8 / 15, 100 * 12 / 20, 100 * 12 / 20])
    share = results["share"].periods
    assert [p.actual for p in share] == pytest.approx([60, 100 * 5 / 7, 100 * 5 / 7])


def test_by_cohort_gives_each_cohort_its_own_figures(ws):
    """Under each result, each cohort's report: c1's sessions 3 of its own 6, due on its end (03-31),
    so missed; c2's 3 of 4; c3 not started (no session of its own yet)."""
    programme = ws.rollup("prog", "2015-03-31", by="cohort")
    assert [g.name for g in programme.groups] == ["c1", "c2", "c3"]
    sessions = {g.name: by_id(g.results)["sessions"] for g in programme.groups}
    assert (sessions["c1"].target, sessions["c1"].actual, sessions["c1"].status) == (6, 3, "missed")
    assert (sessions["c2"].target, sessions["c2"].actual) == (4, 3)
    assert sessions["c3"].status == "not started"
    assert by_id(programme.groups[0].results) == by_id(ws.progress("c1", "2015-03-31").results)


def test_by_sex_pools_each_sex_across_the_started_cohorts(ws):
    """As of 03-31: women a1 (c1), b1 and b2 (c2) were expected at all 6 sessions of c1 and c2 and
    attended 3 + 2 + 1 of 9 places: 66.7%, behind 75%; two of the three attend half or more: 66.7%,
    met. b3, whose sex is not recorded, is a group of her own (None), attending 0 of 3. The sessions
    count has no target (it belongs to the whole)."""
    programme = ws.rollup("prog", "2015-03-31", by="sex")
    assert [g.name for g in programme.groups] == ["female", "male", None]
    women = by_id(programme.groups[0].results)
    assert (women["sessions"].actual, women["sessions"].target, women["sessions"].status) == (6, None, None)
    assert women["attendance"].actual == pytest.approx(100 * 6 / 9)
    assert women["attendance"].status == "behind"
    assert women["share"].actual == pytest.approx(100 * 2 / 3)
    assert women["followers"].actual is None
    unrecorded = by_id(programme.groups[2].results)
    assert unrecorded["attendance"].actual == 0


def test_the_rollup_of_one_cohort_is_its_report(ws):
    """c2 alone (no target override), with periods: the programme's results are c2's report's."""
    alone = ws.rollup("prog", "2015-04-20", cohorts=["c2"], period="month")
    assert alone.results == ws.progress("c2", "2015-04-20", period="month").results


def test_rollup_json_is_the_object_cli_md_names(cli):
    """`rollup --format json`: curriculum, as_of, cohorts and results with report's fields; with
    --by cohort, groups of cohort id and results; with --period, periods in each result."""
    out = cli("rollup", "prog", "--as-of", "2015-03-31", "--by", "cohort", "--period", "quarter", "--format", "json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert (data["curriculum"], data["as_of"], data["cohorts"]) == ("prog", "2015-03-31", ["c1", "c2", "c3"])
    first = data["results"][0]
    assert list(first)[:10] == ["id", "statement", "measure", "unit", "target", "baseline", "actual", "gap", "status", "due"]
    assert (first["target"], first["actual"]) == (14, 6)
    assert first["periods"] == [{"start": "2015-01-01", "end": "2015-03-31", "actual": 6, "change": 6,
                                 "expected": pytest.approx(14 * ELAPSED), "status": "on track"}]
    assert [g["group"] for g in data["groups"]] == ["c1", "c2", "c3"]


def test_rollup_table_puts_each_cohort_under_the_programme(cli):
    """The table has a row per result for the programme ("all"), then one per cohort, and a summary
    (only share is met as of 03-31)."""
    out = cli("rollup", "prog", "--as-of", "2015-03-31", "--by", "cohort")
    assert out.exit_code == 0, out.output
    rows = [line.split() for line in out.stdout.splitlines()]
    start = next(n for n, row in enumerate(rows) if row[:2] == ["sessions", "all"])
    assert [row[0] for row in rows[start + 1:start + 4]] == ["c1", "c2", "c3"]
    assert out.stdout.rstrip().endswith("1 of 5 results met (as of 2015-03-31; 3 cohorts, 2 started)")


def test_rollup_csv_starts_with_as_of(cli):
    """CSV: as_of first, then the group ("all" for the programme) and the result's raw figures."""
    lines = cli("rollup", "prog", "--as-of", "2015-03-31", "--by", "sex", "--format", "csv").stdout.splitlines()
    assert lines[0] == "as_of,sex,id,statement,measure,baseline,target,actual,gap,status,due"
    assert lines[1] == "2015-03-31,all,sessions,Four sessions per cohort,sessions,,14,6,8,on track,2015-08-31"
    assert lines[4] == "2015-03-31,,sessions,Four sessions per cohort,sessions,,,3,,,2015-08-31"


def test_mixed_count_and_percentage_targets_stop_the_rollup(workspace, run, monkeypatch):
    """c2 gives share a count target (2) where c1 and c3 keep the curriculum's 50%: exit 1, a problem at
    the curriculum's target of share (line 19) naming the cohorts of each kind."""
    files = dict(FILES)
    files["cohorts/c2/cohort.toml"] = C2.replace('end = 2015-04-30\n', 'end = 2015-04-30\n\n[targets]\nshare = 2\n')
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace(files)))
    out = run("rollup", "prog", "--as-of", "2015-03-31")
    assert out.exit_code == 1
    assert ('curricula/prog.toml:19: error: result "share": a programme total cannot add count targets '
            "(cohorts c2) to percentage targets (cohorts c1, c3)") in out.stdout
    assert run("rollup", "prog", "--cohort", "c1", "--cohort", "c3", "--as-of", "2015-03-31").exit_code == 0


def test_a_cohort_with_errors_stops_the_rollup_and_is_named(workspace, run, monkeypatch):
    """A session held by someone who is not a mentor in c2 (its line 3): the error is printed, the
    summary names c2, exit 1; c1 and c3 alone still add up."""
    files = dict(FILES)
    files["cohorts/c2/logs/m.toml"] = C2_LOG.replace('mentor = "m"', 'mentor = "b1"', 1)
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace(files)))
    out = run("rollup", "prog", "--as-of", "2015-03-31")
    assert out.exit_code == 1
    assert out.stdout.startswith("cohorts/c2/logs/m.toml:3: error:")
    assert out.stderr.rstrip().endswith(
        '1 error in cohort "c2": the programme is not reported on; run `mentoring check` for details')
    assert run("rollup", "prog", "--cohort", "c1", "--cohort", "c3").exit_code == 0


def test_a_curriculum_with_errors_stops_the_rollup_and_is_named(workspace, run, monkeypatch):
    """A key no one knows in the curriculum (line 8): its error is printed and the summary names the curriculum."""
    files = dict(FILES)
    files["curricula/prog.toml"] = CURRICULUM.replace('target = 4\n', 'target = 4\ncolour = "red"\n', 1)
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace(files)))
    out = run("rollup", "prog", "--as-of", "2015-03-31")
    assert out.exit_code == 1
    assert out.stdout.startswith("curricula/prog.toml:8: error:")
    assert out.stderr.rstrip().endswith(
        '1 error in curriculum "prog": the programme is not reported on; run `mentoring check` for details')


@pytest.mark.parametrize(("args", "message"), [
    (("rollup", "prg"), 'unknown curriculum "prg" (did you mean "prog"?)'),
    (("rollup", "prog", "--cohort", "c22"), 'unknown cohort "c22" (did you mean "c2"?)'),
    (("rollup", "prog", "--by", "region"), "--by: expected one of group, organisation, sex, cohort, got 'region'"),
    (("report", "c1", "--by", "cohort"), "--by: expected one of group, organisation, sex, got 'cohort'"),
])
def test_rollup_used_wrongly_exits_2(cli, args, message):
    """An unknown curriculum or cohort, or a break-down that does not exist, is a usage error."""
    out = cli(*args)
    assert out.exit_code == 2
    assert message in out.stderr


def test_report_by_sex_puts_the_unrecorded_in_a_group_of_their_own(cli):
    """c2 by sex as of 03-31: b1 and b2 are female (attending 2 + 1 of 6 places: 50%); b3 has no sex
    recorded: her group is null in JSON and "not recorded" in the table, attending 0 of 3."""
    data = json.loads(cli("report", "c2", "--as-of", "2015-03-31", "--by", "sex", "--format", "json").stdout)
    assert [g["group"] for g in data["groups"]] == ["female", None]
    attendance = [next(r["actual"] for r in g["results"] if r["id"] == "attendance") for g in data["groups"]]
    assert attendance == [50, 0]
    table = cli("participants", "c2", "--as-of", "2015-03-31", "--by", "sex").stdout
    groups = table.split("\n\n")[1].splitlines()
    assert [line.split()[:3] for line in groups[2:]] == [["female", "2", "2"], ["not", "recorded", "1"]]


def test_a_cohort_not_started_adds_its_targets_but_no_actual(ws):
    """As of 01-20 only c1 has started: its 1 session against the 14 promised by all three; share: both
    of c1's participants came to that session (100%). As of 2014-12-31 no cohort has started: every
    status is not started and the sessions count is empty."""
    early = by_id(ws.rollup("prog", "2015-01-20").results)
    assert (early["sessions"].target, early["sessions"].actual) == (14, 1)
    assert early["share"].actual == 100
    before = by_id(ws.rollup("prog", "2014-12-31").results)
    assert {r.status for r in before.values()} == {"not started"}
    assert before["sessions"].actual is None


def test_the_programme_header_names_its_title_span_and_periods(ws):
    """The programme carries its curriculum's title, the earliest start (c1, 01-01) and latest end
    (c3, 08-31), and the kind of period asked for."""
    programme = ws.rollup("prog", "2015-03-31", period="quarter")
    assert (programme.title, programme.start, programme.end, programme.period) == (
        "Rollup fixture", dt.date(2015, 1, 1), dt.date(2015, 8, 31), mentoring.model.PeriodKind.QUARTER)


def test_a_cohort_starting_on_the_as_of_day_has_started(ws):
    """As of 02-01, c2's first day, c2 counts as started (its participants are in the pooled figures);
    c3 (06-01) does not."""
    assert ws.rollup("prog", "2015-02-01").started == ("c1", "c2")


def test_rollup_refuses_no_cohorts_and_cohorts_of_another_curriculum(ws):
    """As a library call: no cohort to add up, or cohorts running another curriculum (named, in the
    order given), are usage errors saying so."""
    from mentoring.rollup import rollup

    cur, cohorts = ws.curricula["prog"], ws.cohorts
    day = dt.date(2015, 3, 31)
    with pytest.raises(mentoring.UsageError) as refused:
        rollup(cur, [], day)
    assert str(refused.value) == 'curriculum "prog" has no cohorts to add up'
    others = [cohorts["c1"], *(__import__("attrs").evolve(cohorts[c], curriculum="other") for c in ("c3", "c2"))]
    with pytest.raises(mentoring.UsageError) as refused:
        rollup(cur, others, day)
    assert str(refused.value) == 'cohorts c3, c2 do not run curriculum "prog"'


def test_percentage_targets_over_a_count_stop_the_rollup_naming_the_cohorts(workspace):
    """With share's curriculum target a count (2) and every cohort setting a percentage instead, the
    programme's target cannot be had: a DataError whose problem names the three cohorts, comma-separated,
    at share's target in the curriculum."""
    files = dict(FILES)
    files["curricula/prog.toml"] = CURRICULUM.replace('target = "50%"\ncriteria', "target = 2\ncriteria")
    files["cohorts/c1/cohort.toml"] = C1.replace("sessions = 6", 'sessions = 6\nshare = "50%"')
    files["cohorts/c2/cohort.toml"] = C2.replace('end = 2015-04-30\n', 'end = 2015-04-30\n\n[targets]\nshare = "60%"\n')
    files["cohorts/c3/cohort.toml"] = C3.replace("followers = 150", 'followers = 150\nshare = "70%"')
    ws = mentoring.open_workspace(workspace(files), search=False)
    with pytest.raises(mentoring.DataError) as refused:
        ws.rollup("prog", "2015-03-31")
    assert str(refused.value) == 'curriculum "prog": targets that cannot be added up'
    assert [(p.path, p.message) for p in refused.value.problems] == [("curricula/prog.toml",
        'result "share": cohorts c1, c2, c3 set percentage targets, but the curriculum\'s target, the programme\'s, '
        "is a count; give the curriculum a percentage target or the cohorts counts")]


def test_count_targets_of_several_cohorts_are_named_comma_separated(workspace):
    """share's curriculum target is 50%; c1 and c2 giving counts are named together: "(cohorts c1, c2)"."""
    files = dict(FILES)
    files["cohorts/c1/cohort.toml"] = C1.replace("sessions = 6", "sessions = 6\nshare = 1")
    files["cohorts/c2/cohort.toml"] = C2.replace('end = 2015-04-30\n', 'end = 2015-04-30\n\n[targets]\nshare = 2\n')
    ws = mentoring.open_workspace(workspace(files), search=False)
    with pytest.raises(mentoring.DataError) as refused:
        ws.rollup("prog", "2015-03-31")
    assert [p.message for p in refused.value.problems] == [
        'result "share": a programme total cannot add count targets (cohorts c1, c2) to percentage targets (cohorts c3); '
        "give them targets of one kind under [targets] in cohort.toml"]
