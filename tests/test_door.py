"""The library's door, `mentoring.open_workspace`: what another program gets, and how it is told off."""

from __future__ import annotations

import datetime as dt
import gc
import subprocess
import sys
from pathlib import Path

import pytest

import mentoring
from mentoring.model import Lang

BROKEN_LOG = """
[[session]]
date = 2015-03-02
mentor = "rinaa"
hours = 2
attended = ["p01"]
"""


def test_open_workspace_takes_a_str_or_a_path_and_searches_upward(workspace, minimal):
    """A str or a Path to any folder inside the workspace opens it; search=False takes the folder as it is."""
    root = workspace(minimal)
    (root / "cohorts/k1/logs").mkdir(parents=True)
    for start in (str(root), root, root / "cohorts/k1/logs"):
        ws = mentoring.open_workspace(start)
        assert ws.root == root.resolve()
        assert sorted(ws.cohorts) == ["k1"] and sorted(ws.curricula) == ["sosmed"]
    assert mentoring.open_workspace(root, search=False).root == root


def test_open_workspace_never_reads_the_commands_environment(workspace, minimal, tmp_path_factory, monkeypatch):
    """MENTORING_WORKSPACE is the command line's: the library opens the folder it is given."""
    root = workspace(minimal)
    monkeypatch.setenv("MENTORING_WORKSPACE", str(tmp_path_factory.mktemp("elsewhere")))
    assert mentoring.open_workspace(root).cohorts.keys() == {"k1"}


def test_problems_come_located_and_only_sound_cohorts_report(workspace, minimal):
    """A session whose mentor is unknown is an error at its line; the cohort is not sound and asking
    for its figures raises DataError carrying that very problem."""
    root = workspace({**minimal, "cohorts/k1/logs/rina.toml": BROKEN_LOG})
    ws = mentoring.open_workspace(root)
    expected = 'cohorts/k1/logs/rina.toml:3: error: session.mentor: unknown mentor "rinaa" (did you mean "rina"?)'
    assert [mentoring.format_problem(p) for p in ws.problems] == [expected]
    assert ws.errors == ws.problems == ws.problems_of("k1")
    assert ws.sound_cohorts == () and not ws.sound("k1")
    with pytest.raises(mentoring.DataError) as raised:
        ws.progress("k1", as_of="2015-03-31")
    assert [mentoring.format_problem(p) for p in raised.value.problems] == [expected]


def test_progress_as_of_a_date_or_an_iso_string(workspace, minimal):
    """`progress` takes a date or an ISO string; the figures are the same."""
    ws = mentoring.open_workspace(workspace(minimal))
    by_string = ws.progress("k1", as_of="2015-03-31")
    assert by_string == ws.progress("k1", as_of=dt.date(2015, 3, 31))
    assert by_string.as_of == dt.date(2015, 3, 31)
    assert by_string.status is mentoring.CohortStatus.RUNNING  # the end day itself is still running
    assert [r.id for r in by_string.results] == ["posts", "visitors"]


@pytest.mark.parametrize(("call", "message"), [
    (lambda ws: ws.progress("k1", by="Group"), "by: expected one of group, organisation, sex, got 'Group' (did you mean \"group\"?)"),
    (lambda ws: ws.progress("k1", by="cohort"), "by: expected one of group, organisation, sex, got 'cohort'"),
    (lambda ws: ws.progress("k1", period="week"), "period: expected one of month, quarter, year, got 'week'"),
    (lambda ws: ws.rollup("sosmd"), 'unknown curriculum "sosmd" (did you mean "sosmed"?); curricula: sosmed'),
    (lambda ws: ws.progress("k11"), 'unknown cohort "k11" (did you mean "k1"?); cohorts: k1'),
    (lambda ws: ws.progress("k1", as_of="31/03/2015"), "as_of: expected a date such as 2015-03-31, got '31/03/2015'"),
    (lambda ws: mentoring.open_workspace(3), "path: expected a folder's path (a str or a pathlib.Path), got int"),
    (lambda ws: mentoring.open_workspace(ws.root, cohorts=["k"]), 'unknown cohort "k" (did you mean "k1"?); cohorts: k1'),
])
def test_a_bad_argument_raises_usage_error_with_a_clear_message(workspace, minimal, call, message):
    """Every bad argument to the door raises UsageError (a ValueError too), never AttributeError or KeyError."""
    ws = mentoring.open_workspace(workspace(minimal))
    with pytest.raises(mentoring.UsageError) as raised:
        call(ws)
    assert str(raised.value) == message
    assert isinstance(raised.value, ValueError)


def test_an_unknown_format_is_a_usage_error(workspace, minimal):
    """Rendering in a format that does not exist names the formats that do."""
    from mentoring.render.text import render_report

    figures = mentoring.open_workspace(workspace(minimal)).progress("k1", as_of="2015-03-31")
    with pytest.raises(mentoring.UsageError, match="format: expected one of table, markdown, csv, json, html, xlsx, got 'xml'"):
        render_report(figures, "xml")


def test_opening_some_cohorts_reads_only_those(workspace, minimal):
    """`cohorts=[...]` loads only the named cohorts; the others are not read at all."""
    root = workspace({**minimal, "cohorts/k2/cohort.toml": "this is not TOML"})
    ws = mentoring.open_workspace(root, cohorts=["k1"])
    assert list(ws.cohorts) == ["k1"] and ws.problems == () and ws.partial
    whole = mentoring.open_workspace(root)
    assert [p.path for p in whole.errors] == ["cohorts/k2/cohort.toml"] and whole.sound_cohorts == ("k1",)


def test_the_door_leaves_the_garbage_collector_as_it_found_it(workspace, minimal):
    """No process-wide side effect: the collector stays enabled and nothing is frozen."""
    frozen = gc.get_freeze_count()
    mentoring.open_workspace(workspace(minimal))
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_append_record_through_the_door(workspace, minimal):
    """`Workspace.append_record` writes a checked record, which the next open sees."""
    ws = mentoring.open_workspace(workspace(minimal))
    outcome = ws.append_record("k1", "measurement", {"date": dt.date(2015, 3, 10), "result": "visitors", "value": 40})
    assert outcome.ok and outcome.written.path == "cohorts/k1/logs/measurements.toml"
    visitors = mentoring.open_workspace(ws.root).progress("k1", as_of="2015-03-31").results[1]
    assert (visitors.id, visitors.actual, visitors.gap) == ("visitors", 40, 60)


def test_changed_sees_an_edit_a_new_file_and_a_removed_one(workspace, minimal):
    """`changed()` is False until a file read is edited, a log is added or a file is removed; a
    workspace opened afresh is unchanged again."""
    root = workspace(minimal)
    ws = mentoring.open_workspace(root)
    assert not ws.changed()
    ws.append_record("k1", "measurement", {"date": dt.date(2015, 3, 10), "result": "visitors", "value": 40})
    assert ws.changed()  # a new log, logs/measurements.toml
    ws = mentoring.open_workspace(root)
    assert not ws.changed()
    log = root / "cohorts/k1/logs/measurements.toml"
    log.write_text(log.read_text() + "\n# an editor's save\n")
    assert ws.changed()
    ws = mentoring.open_workspace(root)
    log.unlink()
    assert ws.changed()


def test_changed_of_some_cohorts_looks_only_at_their_files_and_the_curricula(workspace, minimal):
    """A workspace opened for k1 does not change when another cohort is added, and does when a curriculum is edited."""
    root = workspace(minimal)
    ws = mentoring.open_workspace(root, cohorts=["k1"])
    workspace({"cohorts/k2/cohort.toml": minimal["cohorts/k1/cohort.toml"]})
    assert not ws.changed() and mentoring.open_workspace(root).cohorts.keys() == {"k1", "k2"}
    curriculum = root / "curricula/sosmed.toml"
    curriculum.write_text(curriculum.read_text().replace("Social media mentoring", "Social media mentoring, 2nd run"))
    assert ws.changed()


def test_import_mentoring_is_light():
    """`import mentoring` loads none of the heavy modules until a name is used."""
    code = "import sys, mentoring; print(sorted(m for m in ('cattrs', 'tomli', 'tabulate', 'mentoring.loader') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert mentoring.__version__ and "open_workspace" in dir(mentoring)
    with pytest.raises(AttributeError):
        mentoring.no_such_name  # noqa: B018


def test_settings_come_through_the_door_and_their_problems_with_the_rest(workspace, minimal):
    """`mentoring.toml` is read with the workspace: its settings on `settings`, its problems located
    among the others, but a cohort stays sound (settings say how to print, not what is true)."""
    ws = mentoring.open_workspace(workspace({**minimal, "mentoring.toml": 'lang = "id"\n'}))
    assert ws.settings.lang is Lang.ID and ws.problems == ()
    broken = mentoring.open_workspace(workspace({**minimal, "mentoring.toml": 'lang = "id"\nlnag = "en"\n'}))
    assert [mentoring.format_problem(p) for p in broken.problems] == [
        'mentoring.toml:2: error: unknown key "lnag" (did you mean "lang"?)']
    assert broken.settings.lang is None and broken.sound_cohorts == ("k1",)
