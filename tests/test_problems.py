"""The one formatter of a problem and the "did you mean" suggestion."""

from __future__ import annotations

from mentoring.problems import Problem, Severity, did_you_mean, format_problem


def test_a_problem_is_written_path_line_severity_message():
    """Every problem is shown as `path:line: severity: message`."""
    problem = Problem("cohorts/k1/logs/rina.toml", 'session.mentor: unknown mentor "rinna"', Severity.ERROR, line=4)
    assert format_problem(problem) == 'cohorts/k1/logs/rina.toml:4: error: session.mentor: unknown mentor "rinna"'


def test_a_near_id_is_suggested():
    """A misspelt id gets the nearest one, and a far one gets nothing."""
    assert did_you_mean("p8", ["p08", "p11"]) == ' (did you mean "p08"?)'
    assert did_you_mean("zzz", ["p08", "p11"]) == ""


def test_a_key_cut_short_suggests_the_whole_key():
    """`due` is the start of due_day: that is suggested, not a key that merely shares letters."""
    assert did_you_mean("due", ["module", "due_day", "output"]) == ' (did you mean "due_day"?)'
