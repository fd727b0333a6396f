"""`mentoring log session|output|assessment|measurement`: options, exit codes, what is printed.

The workspace is conftest's minimal programme (cohort k1, 2015-03-01 to 2015-03-31; participants
p01 and p02, mentor rina, implementer imp), with a `sessions` and an `hours` result added.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import CURRICULUM, make_workspace, workspace_problems

from mentoring.loader import load_workspace
from mentoring.logbook import file_name_problem

RINA = "cohorts/k1/logs/rina.toml"
SESSION = ["log", "session", "k1", "--mentor", "rina", "--hours", "2", "--attended", "p01,p02", "--date", "2015-03-05"]

COUNTED = CURRICULUM + """
[[results]]
id = "held"
statement = "Sessions held"
measure = "sessions"
target = 4

[[results]]
id = "hours"
statement = "Hours of mentoring"
measure = "hours"
target = 10
"""


@pytest.fixture
def root(tmp_path: Path, minimal, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The minimal workspace with counted results, written into tmp_path and made the current folder."""
    root = make_workspace(tmp_path, {**minimal, "curricula/sosmed.toml": COUNTED})
    monkeypatch.chdir(root)
    return root


def test_log_session_then_report_counts_it(root: Path, run) -> None:
    """A session logged from the command line is counted by `mentoring report`: one more session, its hours."""
    def actual(result: str) -> float:
        report = json.loads(run("report", "k1", "--as-of", "2015-03-31", "--format", "json").stdout)
        return next(r["actual"] for r in report["results"] if r["id"] == result)

    assert (actual("held"), actual("hours")) == (0, 0)
    out = run(*SESSION, "--module", "m1", "--notes", "Opening", "--follow-up", "Post by Friday", "--follow-up", "Bring photos")
    assert out.exit_code == 0, out.output
    assert (actual("held"), actual("hours")) == (1, 2)
    assert run("check").exit_code == 0


def test_success_prints_file_line_and_record(root: Path, run) -> None:
    """The record written is printed back with its file and line, as the TOML block in the file."""
    run(*SESSION)
    out = run(*SESSION[:-1], "2015-03-06", "--expected", "p01, p02", "--module", "m1")
    assert out.exit_code == 0
    assert out.stdout == (
        f"{RINA}:7: wrote [[session]]\n"
        "[[session]]\ndate = 2015-03-06\nmentor = \"rina\"\nhours = 2\n"
        'attended = ["p01", "p02"]\nexpected = ["p01", "p02"]\nmodules = ["m1"]\n'
    )
    assert (root / RINA).read_text().endswith(out.stdout.split("\n", 1)[1])


def test_output_assessment_measurement(root: Path, run) -> None:
    """Each kind goes to its author's log with the keys given, and the workspace still checks clean."""
    outs = [
        run("log", "output", "k1", "--participant", "p01", "--kind", "post", "--title", "My first post", "--assignment", "a1",
            "--id", "p01-post-1", "--date", "2015-03-06"),
        run("log", "output", "k1", "--participant", "p01", "--kind", "post", "--title", "My first post", "--assignment", "a1",
            "--id", "p01-post-1", "--status", "accepted", "--reviewed-by", "rina", "--url", "https://example.org/1",
            "--date", "2015-03-07", "--file", "rina"),
        run("log", "assessment", "k1", "--participant", "p01", "--competency", "facebook", "--level", "2", "--by", "rina",
            "--date", "2015-03-08", "--notes", "Runs the page alone"),
        run("log", "assessment", "k1", "--participant", "p02", "--competency", "facebook", "--level", "basic", "--by", "self",
            "--date", "2015-03-08"),
        run("log", "measurement", "k1", "--result", "visitors", "--value", "42", "--source", "sign-in sheet", "--date", "2015-03-09"),
    ]
    assert [o.exit_code for o in outs] == [0] * 5, [o.output for o in outs]
    assert [o.stdout.split(":")[0] for o in outs] == [
        "cohorts/k1/logs/p01.toml", RINA, RINA, "cohorts/k1/logs/p02.toml", "cohorts/k1/logs/measurements.toml",
    ]
    assert 'status = "submitted"' in outs[0].stdout and 'status = "accepted"' in outs[1].stdout
    assert "level = 2\n" in outs[2].stdout and 'level = "basic"\n' in outs[3].stdout
    assert "value = 42\n" in outs[4].stdout
    assert workspace_problems(root) == []


def test_date_defaults_to_today(root: Path, run) -> None:
    """Without --date the record is dated today."""
    before = dt.date.today()
    out = run(*SESSION[:-2])
    assert out.exit_code == 0  # today is after the cohort: a warning, not a refusal
    ws, _ = load_workspace(root, ["k1"])
    assert ws.cohorts["k1"].logs[0].sessions[0].date in (before, dt.date.today())


def test_unknown_cohort_exits_2(root: Path, run) -> None:
    """An unknown cohort id is a usage error (exit 2) with what was probably meant, and nothing is written."""
    out = run("log", "session", "k11", "--mentor", "rina", "--hours", "2", "--attended", "p01")
    assert (out.exit_code, out.stdout, out.stderr) == (2, "", 'mentoring: error: unknown cohort "k11" (did you mean "k1"?); cohorts: k1\n')
    assert not (root / "cohorts/k1/logs").exists()


@pytest.mark.parametrize("day", ["2015-13-01", "5 March", "2015-3-5", "yesterday", ""])
def test_malformed_date_exits_2(root: Path, run, day: str) -> None:
    """A malformed --date is a usage error (exit 2) in one line, and nothing is written."""
    out = run(*SESSION[:-1], day)
    assert (out.exit_code, out.stdout, out.stderr) == (2, "", f'mentoring: error: --date: "{day}" is not a date such as 2015-03-31\n')
    assert not (root / RINA).exists()


def test_usage_errors_exit_2(root: Path, run) -> None:
    """An impossible date and an unknown cohort are usage errors: exit 2, nothing on stdout, one line on stderr."""
    result = run(*SESSION[:-1], "2015-02-30")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", 'mentoring: error: --date: "2015-02-30" is not a date such as 2015-03-31\n')
    result = run("log", "measurement", "nope", "--result", "visitors", "--value", "1")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", 'mentoring: error: unknown cohort "nope"; cohorts: k1\n')


@pytest.mark.parametrize("args, error", [
    (["log", "session", "k1", "--hours", "2", "--attended", "p01"], "Error: Missing option '--mentor'."),
    (["log", "output", "k1", "--participant", "p01", "--kind", "post"], "Error: Missing option '--title'."),
    (["log", "measurement", "k1", "--result", "visitors"], "Error: Missing option '--value'."),
    (["log", "session", "--mentor", "rina", "--hours", "2", "--attended", "p01"], "Error: Missing argument 'COHORT'."),
])
def test_missing_options_exit_2_naming_them(root: Path, run, args: list, error: str) -> None:
    """A required option or argument left out is a usage error (exit 2) whose last line names it; nothing is written."""
    out = run(*args)
    assert (out.exit_code, out.stdout, out.stderr.splitlines()[-1]) == (2, "", error)
    assert not (root / "cohorts/k1/logs").exists()


def test_a_value_that_is_no_number_exits_2_naming_the_option(root: Path, run) -> None:
    """--hours that is not a number is a usage error (exit 2): one line naming --hours, the value and how to write one."""
    out = run(*SESSION[:6], "two", *SESSION[7:])
    assert (out.exit_code, out.stdout, out.stderr) == (
        2, "", 'mentoring: error: --hours: "two" is not a number (write it such as 2 or 1.5)\n')


@pytest.mark.parametrize("name", ["../x", "../../../etc/x", "/tmp/x.toml", "sub/x", ".."])
def test_file_outside_logs_exits_2(root: Path, run, name: str) -> None:
    """--file must be a plain name under logs/: anything else is refused (exit 2) and nothing is written."""
    before = sorted(root.rglob("*"))
    out = run(*SESSION, "--file", name)
    assert (out.exit_code, out.stdout) == (2, "")
    assert out.stderr == f"mentoring: error: --file: {file_name_problem(name)}\n"
    assert sorted(root.rglob("*")) == before


def test_misspelt_participant_did_you_mean(root: Path, run) -> None:
    """A misspelt participant is refused (exit 1) with "did you mean" at path:line, and nothing is written."""
    out = run(*SESSION[:8], "p01,p2", *SESSION[9:])
    assert out.exit_code == 1
    assert out.stdout == f'{RINA}:5: error: session.attended: unknown participant "p2" (did you mean "p02"?)\n'
    assert "nothing was written" in out.stderr
    assert not (root / RINA).exists()


def test_refusal_leaves_log_byte_for_byte(root: Path, run) -> None:
    """A refused record leaves an existing log exactly as it was."""
    run(*SESSION)
    old = (root / RINA).read_bytes()
    out = run("log", "session", "k1", "--mentor", "imp", "--hours", "2", "--attended", "p01", "--date", "2015-03-05", "--file", "rina")
    assert out.exit_code == 1 and "session.mentor" in out.stdout
    assert (root / RINA).read_bytes() == old


def test_date_outside_cohort_warns_and_writes(root: Path, run) -> None:
    """A date after the cohort's end prints a warning but the record is written (exit 0)."""
    out = run(*SESSION[:8], "p01", *SESSION[9:-1], "2015-04-02")
    assert out.exit_code == 0
    assert out.stdout.splitlines()[:2] == [
        f"{RINA}:2: warning: session.date: 2015-04-02 is after the cohort's end (2015-03-31)",
        f"{RINA}:1: wrote [[session]]",
    ]


def test_bad_status_and_level_exit_1(root: Path, run) -> None:
    """An unknown status or a level off the scale is a data error (exit 1) saying what was probably meant."""
    out = run("log", "output", "k1", "--participant", "p01", "--kind", "post", "--title", "t", "--status", "acepted", "--date", "2015-03-05")
    assert out.exit_code == 1 and 'did you mean "accepted"?' in out.stdout
    out = run("log", "assessment", "k1", "--participant", "p01", "--competency", "facebook", "--level", "9", "--by", "rina", "--date", "2015-03-05")
    assert out.exit_code == 1 and "outside the scale" in out.stdout
