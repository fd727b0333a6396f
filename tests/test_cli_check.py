"""`mentoring check`: output, summary, exit codes and finding the workspace (CLI.md)."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import COHORT, CURRICULUM, make_workspace

LOG = "cohorts/k1/logs/rina.toml"
BAD_SESSION = """
[[session]]
date = 2015-03-02
mentor = "p01"
hours = 2
attended = ["p01"]
"""


MENTOR_IS_PARTICIPANT = f'{LOG}:3: error: session.mentor: "p01" is a participant, not a facilitator or mentor'
ONE = "1 error, 0 warnings (1 curriculum, 1 cohort checked)"


def test_valid_workspace_exits_0_with_the_summary(run, workspace, minimal):
    """A workspace without problems prints only the summary line and exits 0."""
    root = workspace(minimal)
    result = run("--workspace", str(root), "check")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "0 errors, 0 warnings (1 curriculum, 1 cohort checked)\n", "")


def test_problems_exit_1_each_on_its_line(run, workspace, minimal):
    """Each problem is printed as path:line: severity: message (path relative to the workspace), then the summary; exit 1."""
    root = workspace({**minimal, LOG: BAD_SESSION, "cohorts/k1/logs/late.toml": """
        [[measurement]]
        date = 2015-04-02
        result = "visitors"
        value = 3
    """})
    result = run("-w", str(root), "check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "cohorts/k1/logs/late.toml:2: warning: measurement.date: 2015-04-02 is after the cohort's end (2015-03-31)",
        f'{LOG}:3: error: session.mentor: "p01" is a participant, not a facilitator or mentor',
        "1 error, 1 warning (1 curriculum, 1 cohort checked)",
    ]


def test_warnings_alone_exit_0(run, workspace, minimal):
    """Warnings are printed but do not make the check fail."""
    root = workspace({**minimal, LOG: BAD_SESSION.replace('"p01"\nhours', '"rina"\nhours').replace("03-02", "04-02")})
    result = run("-w", str(root), "check")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{LOG}:2: warning: session.date: 2015-04-02 is after the cohort's end (2015-03-31)",
        "0 errors, 1 warning (1 curriculum, 1 cohort checked)",
    ]


def test_check_named_cohorts_only(run, workspace, minimal):
    """`check COHORT` checks that cohort and its curriculum only; other cohorts' problems are not shown."""
    root = workspace({**minimal, "cohorts/k2/cohort.toml": COHORT, "cohorts/k2/logs/rina.toml": BAD_SESSION})
    result = run("-w", str(root), "check", "k1")
    assert (result.exit_code, result.stdout) == (0, "0 errors, 0 warnings (1 curriculum, 1 cohort checked)\n")
    result = run("-w", str(root), "check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        'cohorts/k2/logs/rina.toml:3: error: session.mentor: "p01" is a participant, not a facilitator or mentor',
        "1 error, 0 warnings (1 curriculum, 2 cohorts checked)",
    ]


def test_unknown_cohort_exits_2_with_did_you_mean(run, workspace, minimal):
    """An unknown cohort id is a usage error (exit 2), one line on stderr naming the near cohort."""
    root = workspace({"curricula/sosmed.toml": CURRICULUM, "cohorts/sosmed-2015/cohort.toml": COHORT})
    result = run("-w", str(root), "check", "sosmed-2016")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == 'mentoring: error: unknown cohort "sosmed-2016" (did you mean "sosmed-2015"?); cohorts: sosmed-2015\n'


def test_unknown_option_exits_2(run, workspace, minimal):
    """An unknown option is a usage error (exit 2): the usage line, where to find help, and the error naming the
    option and the one it may have meant, on stderr only, without a traceback."""
    root = workspace(minimal)
    result = run("-w", str(root), "check", "--strict")
    assert (result.exit_code, result.stdout) == (2, "")
    usage, *rest = result.stderr.splitlines()
    assert usage.startswith("Usage: mentoring check [OPTIONS] [COHORT")
    assert rest == ["Try 'mentoring check --help' for help.", "", "Error: No such option: --strict (Possible options: --redact)"]


def test_workspace_from_the_environment(run, workspace, minimal, monkeypatch):
    """MENTORING_WORKSPACE names the workspace when --workspace is not given."""
    root = workspace({**minimal, LOG: BAD_SESSION})
    monkeypatch.setenv("MENTORING_WORKSPACE", str(root))
    monkeypatch.chdir(root.parent)
    result = run("check")
    assert (result.exit_code, result.stdout.splitlines()) == (1, [MENTOR_IS_PARTICIPANT, ONE])


def test_workspace_option_wins_over_the_environment(run, workspace, minimal, tmp_path_factory, monkeypatch):
    """--workspace (short -w) is used even when MENTORING_WORKSPACE names another folder."""
    root = workspace(minimal)
    other = make_workspace(tmp_path_factory.mktemp("other"), {**minimal, LOG: BAD_SESSION})
    monkeypatch.setenv("MENTORING_WORKSPACE", str(other))
    assert run("--workspace", str(root), "check").exit_code == 0
    assert run("-w", str(root), "check").exit_code == 0
    assert run("check").exit_code == 1


def test_workspace_found_in_a_parent_folder(run, workspace, minimal, monkeypatch):
    """Without option or variable, the nearest folder at or above the current one with curricula/ or cohorts/ is used."""
    root = workspace({**minimal, LOG: BAD_SESSION})
    monkeypatch.chdir(root / "cohorts" / "k1" / "logs")
    result = run("check")
    assert (result.exit_code, result.stdout.splitlines()) == (1, [MENTOR_IS_PARTICIPANT, ONE])  # paths relative to the workspace


def test_workspace_with_only_cohorts(run, workspace, monkeypatch):
    """A folder holding only cohorts/ is a workspace too; its cohort's curriculum is then unknown."""
    root = workspace({"cohorts/k1/cohort.toml": COHORT})
    monkeypatch.chdir(root / "cohorts")
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        'cohorts/k1/cohort.toml:1: error: curriculum: unknown curriculum "sosmed"',
        "1 error, 0 warnings (0 curricula, 1 cohort checked)",
    ]


def test_no_workspace_found_is_a_clear_error(run, no_workspace_above, monkeypatch):
    """Outside any workspace, with no option or variable, check says how to name one and exits 2."""
    monkeypatch.chdir(no_workspace_above)
    result = run("check")
    assert result.exit_code == 2
    assert result.stderr == (
        "mentoring: error: no workspace found: run inside a folder holding curricula/ or cohorts/, "
        "or name one with --workspace PATH or MENTORING_WORKSPACE\n")


def test_workspace_that_is_not_a_folder(run, tmp_path):
    """--workspace naming something that is not a folder is a usage error (exit 2)."""
    result = run("-w", str(tmp_path / "nowhere"), "check")
    assert result.exit_code == 2
    assert result.stderr == f"mentoring: error: workspace {tmp_path / 'nowhere'} is not a folder\n"


# --- as a subprocess, on broken workspaces ----------------------------------------------------------------

BASE = {"curricula/sosmed.toml": CURRICULUM, "cohorts/k1/cohort.toml": COHORT}

COH = "cohorts/k1/cohort.toml"
CUR = "curricula/sosmed.toml"

#: name: (files over the minimal workspace, expected exit code, every line `check` prints). The lines are
#: read off the files: BAD_SESSION is [[session]] (1), date (2), mentor (3), hours (4), attended (5).
BROKEN = {
    # the string opened on line 3 is never closed
    "malformed": ({LOG: '[[session]]\ndate = 2015-03-02\nmentor = "rina\n'}, 1, [
        f'{LOG}:3: error: malformed TOML: the string opened on this line is not closed on the line where it starts '
        '(a closing " is missing)', ONE]),
    "malformed-curriculum": ({CUR: "title = \n"}, 1, [f"{CUR}:1: error: malformed TOML: Invalid value", ONE]),
    # curriculum on line 1 is a number; start on line 2 a quoted date
    "wrong-types": ({COH: 'curriculum = 5\nstart = "2015-03-01"\nend = 2015-03-31\n'}, 1, [
        f"{COH}:1: error: curriculum: expected a string, got 5",
        f'{COH}:2: error: start: expected a date such as 2015-03-05 (without quotes), got "2015-03-01"',
        "2 errors, 0 warnings (1 curriculum, 1 cohort checked)"]),
    # "hour" (line 4) for "hours": the key is unknown and hours missing from the table (its header, line 1)
    "unknown-key": ({LOG: BAD_SESSION.replace("hours", "hour")}, 1, [
        f'{LOG}:1: error: session: missing required key "hours"',
        f'{LOG}:4: error: session: unknown key "hour" (did you mean "hours"?)',
        "2 errors, 0 warnings (1 curriculum, 1 cohort checked)"]),
    "unknown-id": ({LOG: BAD_SESSION.replace('"p01"]', '"p99"]').replace('"p01"', '"rina"')}, 1, [
        f'{LOG}:5: error: session.attended: unknown participant "p99"', ONE]),
    # byte 10 is the first newline, byte 128 the first that is not UTF-8: line 2; a NUL says binary
    "binary-log": ({LOG: bytes(range(256)) * 4}, 1, [f"{LOG}:2: error: is not UTF-8 text (is it a binary file?)", ONE]),
    # all ASCII, so UTF-8; not TOML from its first byte (DEL)
    "binary-cohort": ({COH: b"\x7fELF\x02\x01\x01\x00" + bytes(200)}, 1, [
        f"{COH}:1: error: malformed TOML: Invalid statement", ONE]),
    "empty-cohort": ({COH: ""}, 1, [
        f'{COH}:1: error: missing required key "{key}"' for key in ("curriculum", "start", "end")
    ] + ["3 errors, 0 warnings (1 curriculum, 1 cohort checked)"]),
    "empty-curriculum": ({CUR: ""}, 1, [f'{CUR}:1: error: missing required key "title"', ONE]),
    "no-cohort-file": ({"cohorts/k2/logs/a.toml": BAD_SESSION}, 1, [
        "cohorts/k2/cohort.toml:1: error: cohorts/k2/ has no cohort.toml: a cohort folder needs one",
        "1 error, 0 warnings (1 curriculum, 2 cohorts checked)"]),
    # An empty log holds no records, which is valid: exit 0 and only the summary.
    "empty-log": ({LOG: ""}, 0, ["0 errors, 0 warnings (1 curriculum, 1 cohort checked)"]),
}


def test_subprocess_on_broken_workspaces(tmp_path):
    """`python -m mentoring check` on each broken workspace prints exactly its problems at path:line and the
    summary, on stdout, nothing on stderr, and exits 1 (0 for an empty log, which is valid)."""
    env = {k: v for k, v in os.environ.items() if k != "MENTORING_WORKSPACE"}
    for name, (files, code, expected) in BROKEN.items():
        root = make_workspace(tmp_path / name, {**BASE, **files})
        done = subprocess.run([sys.executable, "-m", "mentoring", "-w", str(root), "check"],
                              capture_output=True, text=True, env=env, timeout=60)
        assert (name, done.returncode, done.stdout.splitlines(), done.stderr) == (name, code, expected, "")


def test_python_m_mentoring_help_exits_0():
    """`python -m mentoring --help` runs and exits 0 (the module entry point works)."""
    done = subprocess.run([sys.executable, "-m", "mentoring", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "check" in done.stdout

