"""`mentoring report`, `participants` and `cohorts` on the progress fixture (tests/test_progress.py)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from test_progress import COHORT, CURRICULUM, P1, P2, P3, SESSIONS

FILES = {
    "curricula/prog.toml": CURRICULUM,
    "cohorts/k/cohort.toml": COHORT,
    "cohorts/k/logs/m.toml": SESSIONS,
    "cohorts/k/logs/p1.toml": P1,
    "cohorts/k/logs/p2.toml": P2,
    "cohorts/k/logs/p3.toml": P3,
}


@pytest.fixture
def ws(workspace, monkeypatch):
    """The progress fixture as the workspace in use."""
    root = workspace(FILES)
    return lambda: monkeypatch.setenv("MENTORING_WORKSPACE", str(root))


def test_report_table_ends_with_a_summary(ws, run):
    """The table lists every result and ends with "N of M results met; X of Y participants complete"."""
    ws()
    out = run("report", "k", "--as-of", "2015-01-20")
    assert out.exit_code == 0, out.output
    # met as of 01-20: share (66.7% >= 30%), sessions (4 >= 4), early (4 >= 3): 3 of 10; only p1 completes.
    assert out.stdout.rstrip().endswith("3 of 10 results met; 1 of 3 participants complete (as of 2015-01-20, cohort running)")
    assert "77.8%" in out.stdout  # attendance 7 of 9, one decimal


def test_report_colour_only_on_a_terminal_and_never_with_no_color(ws, run, monkeypatch):
    """Output to a pipe has no escape codes, and NO_COLOR turns colour off even on a terminal."""
    ws()
    assert "\x1b[" not in run("report", "k", "--as-of", "2015-01-20").stdout
    from mentoring import Format
    from mentoring.cli import reading

    monkeypatch.setattr(reading.sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert reading.colour_wanted(Format.TABLE) is False
    monkeypatch.delenv("NO_COLOR")
    assert reading.colour_wanted(Format.TABLE) is True
    assert reading.colour_wanted(Format.JSON) is False


def test_report_csv_has_raw_numbers(ws, run):
    """CSV gives one row per result with unrounded numbers and an empty cell for an empty actual."""
    ws()
    rows = list(csv.DictReader(io.StringIO(run("report", "k", "--as-of", "2015-01-20", "--format", "csv").stdout)))
    by_id = {row["id"]: row for row in rows}
    assert float(by_id["attendance"]["actual"]) == pytest.approx(700 / 9)
    assert by_id["visitors"]["actual"] == ""
    assert by_id["hours"]["status"] == "on track"


def test_report_markdown_is_a_pipe_table(ws, run):
    """Markdown output is a table a wiki renders, followed by the summary."""
    ws()
    out = run("report", "k", "--as-of", "2015-01-20", "--format", "markdown").stdout
    assert out.splitlines()[0].startswith("| id ")
    assert "|---" in out.splitlines()[1].replace(" ", "").replace(":", "")


def test_report_by_group_adds_group_figures_to_json(ws, run):
    """`--by group` keeps the cohort's results and adds each group's, A and B."""
    ws()
    data = json.loads(run("report", "k", "--as-of", "2015-01-20", "--format", "json", "--by", "group").stdout)
    assert [g["group"] for g in data["groups"]] == ["A", "B"]
    sessions_b = next(r for r in data["groups"][1]["results"] if r["id"] == "sessions")
    assert sessions_b["actual"] == 2  # only S1 and S2 expected p3
    assert len(data["results"]) == 10


def test_participants_json_fields(ws, run):
    """The participants JSON has exactly the fields CLI.md names, with p2's self-assessment beside the mentor's."""
    ws()
    data = json.loads(run("participants", "k", "--as-of", "2015-01-20", "--format", "json").stdout)
    assert (data["cohort"], data["as_of"]) == ("k", "2015-01-20")
    p2 = next(p for p in data["participants"] if p["id"] == "p2")
    assert set(p2) == {"id", "name", "group", "organisation", "attendance", "assignments_done",
                       "assignments_required", "competencies", "self_assessed", "complete", "left"}
    assert (p2["attendance"], p2["competencies"], p2["self_assessed"], p2["complete"]) == (75, {"fb": 1}, {"fb": 3}, False)
    p3 = next(p for p in data["participants"] if p["id"] == "p3")
    assert (p3["left"], p3["attendance"]) == ("2015-01-16", 50)


def test_participants_table_shows_self_rating_when_it_differs(ws, run):
    """A competency cell names the levels of the default scale, with the participant's own rating
    beside the mentor's when it differs: p2 is 1 (basic) and rates herself 3 (can teach others)."""
    ws()
    out = run("participants", "k", "--as-of", "2015-01-20").stdout
    assert "basic (self: can teach others)" in out
    assert out.rstrip().endswith("1 of 3 participants complete (as of 2015-01-20)")


def test_cohorts_json(ws, run):
    """`cohorts` in JSON lists each cohort with its results met of total and its status."""
    ws()
    data = json.loads(run("cohorts", "--as-of", "2015-02-01", "--format", "json").stdout)
    # as of 02-01 everything up to the end counts: met are share, sessions (5), hours (10),
    # weekly (50%), followers (120), early: 6 of 10.
    assert data == [{"id": "k", "curriculum": "prog", "start": "2015-01-01", "end": "2015-01-31",
                     "participants": 3, "results_met": 6, "results_total": 10, "status": "ended"}]


@pytest.mark.parametrize("args, message", [
    (["report", "k", "--as-of", "2015-13-01"], '--as-of: "2015-13-01" is not a date such as 2015-03-31'),
    (["participants", "k", "--as-of", "31/01/2015"], '--as-of: "31/01/2015" is not a date such as 2015-03-31'),
    (["cohorts", "--as-of", "2015-02-30"], '--as-of: "2015-02-30" is not a date such as 2015-03-31'),
    (["report", "nope"], 'unknown cohort "nope"; cohorts: k'),
    (["report", "k", "--format", "xml"], "--format: expected one of table, markdown, csv, json, html, xlsx, got 'xml'"),
    (["cohorts", "--format", "jsn"], "--format: expected one of table, markdown, csv, json, html, xlsx, got 'jsn' (did you mean \"json\"?)"),
    (["participants", "k", "--by", "colour"], "--by: expected one of group, organisation, sex, got 'colour'"),
    (["report", "k", "--by", "grup"], "--by: expected one of group, organisation, sex, got 'grup' (did you mean \"group\"?)"),
])
def test_usage_errors_exit_2(ws, run, args, message):
    """A malformed date, an unknown cohort, format or break-down is a usage error: exit 2, nothing on stdout,
    one line on stderr saying what is wrong (and what was probably meant)."""
    ws()
    out = run(*args)
    assert (out.exit_code, out.stdout, out.stderr) == (2, "", f"mentoring: error: {message}\n")


@pytest.mark.parametrize("args, error", [
    (["report"], "Error: Missing argument 'COHORT'."),
    (["participants", "k", "--format"], "Error: Option '--format' requires an argument."),
])
def test_arguments_missing_exit_2_naming_them(ws, run, args, error):
    """A missing argument or option value is a usage error (exit 2) whose last line names it, on stderr."""
    ws()
    out = run(*args)
    assert (out.exit_code, out.stdout, out.stderr.splitlines()[-1]) == (2, "", error)


def test_a_cohort_with_errors_is_not_reported_on(workspace, run, monkeypatch):
    """A report on a cohort whose data has errors prints the errors and exits 1."""
    files = dict(FILES, **{"cohorts/k/logs/m.toml": SESSIONS.replace('mentor = "m"', 'mentor = "p1"', 1)})
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace(files)))
    out = run("report", "k", "--as-of", "2015-01-20")
    assert out.exit_code == 1
    assert 'cohorts/k/logs/m.toml:3: error: session.mentor: "p1" is a participant, not a facilitator or mentor' in out.stdout


def test_cohorts_lists_the_sound_cohorts_when_one_has_errors(workspace, run, monkeypatch):
    """A cohort with errors is left out of `cohorts` (its errors on stderr, exit 1); the others are listed."""
    files = dict(FILES)
    files["cohorts/bad/cohort.toml"] = COHORT.replace("start = 2015-01-01", 'start = "2015-01-01"')
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace(files)))
    out = run("cohorts", "--as-of", "2015-02-01", "--format", "json")
    assert out.exit_code == 1
    assert [c["id"] for c in json.loads(out.stdout)] == ["k"]
    assert "cohorts/bad/cohort.toml:2: error: start: expected a date such as 2015-03-05 (without quotes)" in out.stderr


def test_group_rows_judge_only_percentage_targets(ws, run):
    """In a group's rows a count target is the whole cohort's, so it is left empty; a rate keeps its target."""
    ws()
    data = json.loads(run("report", "k", "--as-of", "2015-01-20", "--format", "json", "--by", "group").stdout)
    a = {r["id"]: r for r in data["groups"][0]["results"]}
    assert (a["sessions"]["target"], a["sessions"]["gap"], a["sessions"]["status"]) == (None, None, None)
    # Group A: expected 7 (S1 2, S2 2, S3 1, S4 2), came 6: 85.7% >= 80%, on track.
    assert a["attendance"]["actual"] == pytest.approx(600 / 7)
    assert (a["attendance"]["target"], a["attendance"]["status"]) == (80, "on track")
    assert a["followers"]["actual"] is None  # a measurement is of the whole cohort


def test_redact_replaces_ids_and_names_with_stable_pseudonyms(ws, run):
    """`--redact` shows no participant's id or name, and the same person gets the same pseudonym each run."""
    ws()
    first = run("participants", "k", "--as-of", "2015-01-20", "--format", "json", "--redact").stdout
    again = run("participants", "k", "--as-of", "2015-01-20", "--format", "json", "--redact").stdout
    assert first == again
    for secret in ('"p1"', '"p2"', '"p3"', "Ani", "Butet", "Cici"):
        assert secret not in first
    people = json.loads(first)["participants"]
    assert len({p["id"] for p in people}) == 3
    assert [p["attendance"] for p in people] == [100, 75, 50]  # figures are kept


def test_json_stays_valid_when_a_sum_overflows(workspace, run, monkeypatch):
    """Two sessions of 1e308 hours sum to more than a float holds: JSON says null, never Infinity."""
    files = dict(FILES)
    files["cohorts/k/logs/m.toml"] = SESSIONS.replace("hours = 2\n", "hours = 1e308\n")
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace(files)))
    out = run("report", "k", "--as-of", "2015-01-31", "--format", "json")
    assert out.exit_code == 0, out.output
    hours = next(r for r in json.loads(out.stdout)["results"] if r["id"] == "hours")
    assert (hours["actual"], hours["gap"]) == (None, 0)


def test_check_redact_hides_names_in_messages(workspace, run, monkeypatch):
    """`check --redact` prints the problem, with a participant's name written for an id replaced by her pseudonym."""
    files = dict(FILES, **{"cohorts/k/logs/m.toml": SESSIONS.replace('attended = ["p1"]', 'attended = ["Ani"]', 1)})
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace(files)))
    plain = run("check").stdout
    assert 'unknown participant "Ani" (that is the name of "p1"; write the id)' in plain
    redacted = run("check", "--redact")
    assert redacted.exit_code == 1
    assert "Ani" not in redacted.stdout
    assert "cohorts/k/logs/m.toml:12: error: session.attended: unknown participant \"Participant " in redacted.stdout
