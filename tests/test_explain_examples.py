"""`explain` over the example workspace: for every result of every cohort at three dates, its
figure is the report's, its counted records add up to it as CLI.md says, every record the rule
looks at is listed once, and each `path:line` is the `[[...]]` header of that record.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

import mentoring
from mentoring.ledger import Reason
from mentoring.lines import header_lines, key_lines
from mentoring.progress import Tally

ROOT = Path(__file__).parents[1]
KINDS = {"sessions": "session", "hours": "session", "attendance": "session", "outputs": "output",
         "cadence": "output", "reported": "measurement", "participants": "person"}


@cache
def workspace() -> mentoring.Workspace:
    return mentoring.open_workspace(ROOT, search=False)


@cache
def text_lines(path: str) -> list[str]:
    return (ROOT / path).read_text(encoding="utf-8-sig").split("\n")


def dates(cohort: mentoring.model.Cohort) -> list[dt.date]:
    """A third of the way through, half-way, and the last day."""
    span = (cohort.end - cohort.start).days
    return [cohort.start + dt.timedelta(days=span // 3), cohort.start + dt.timedelta(days=span // 2), cohort.end]


def cases() -> list:
    ws = workspace()
    return [pytest.param(c, d, id=f"{c}@{d}") for c in ws.sound_cohorts for d in dates(ws.cohorts[c])]


def looked_at(cohort: mentoring.model.Cohort, result: mentoring.model.Result) -> int:
    """How many records a result's rule looks at: every session, every output record, the
    result's own measurements, or every participant."""
    kind = KINDS[result.measure.value]
    if kind == "person":
        return len(cohort.participants)
    tables = {"session": "sessions", "output": "outputs", "measurement": "measurements"}[kind]
    records = [r for log in cohort.logs for r in getattr(log, tables)]
    return len([r for r in records if kind != "measurement" or r.result == result.id])


def assert_adds_up(measure: str, part) -> None:
    """The counted records give the figure as CLI.md says."""
    counted = [n for n in part.records if n.counted]
    actual = part.actual
    if measure in ("sessions", "outputs"):
        assert len(counted) == actual and all(n.weight == 1 for n in counted)
    elif measure == "hours":
        assert sum(n.weight for n in counted) == pytest.approx(actual)
    elif measure == "attendance":
        assert all(isinstance(n.weight, Tally) for n in counted)
        assert (sum(n.weight.part for n in counted), sum(n.weight.whole for n in counted)) == (part.numerator, part.denominator)
        assert actual == (100 * part.numerator / part.denominator if part.denominator else None)
    elif measure == "reported":
        assert [n.weight for n in counted] == ([] if actual is None else [actual])
    elif measure == "participants":
        assert len(counted) == (actual if part.numerator is None else part.numerator)
        # the unmet requirement is named (attendance is one)
        assert all(n.detail or n.reason is Reason.ATTENDANCE_BELOW for n in part.records if not n.counted)
    else:  # cadence: periods
        assert sum(1 for p in part.periods if p.enough) == part.numerator and len(part.periods) == part.denominator
        assert sum(p.outputs for p in part.periods) == len(counted)
    assert all((n.reason is None) == n.counted for n in part.records)


def assert_at_headers(part) -> None:
    """Each path:line is the `[[kind]]` header of a table of that record's kind."""
    for note in part.records:
        header = "people" if note.kind == "person" else note.kind
        assert text_lines(note.path)[note.line - 1].strip() == f"[[{header}]]", f"{note.path}:{note.line}"


@pytest.mark.parametrize("cohort_id, day", cases())
def test_explain_gives_the_reports_figures_from_records_that_add_up(cohort_id: str, day: dt.date) -> None:
    """For every result, explain's figure is the report's, its counted records add up to it,
    every record looked at is listed once, and each is at its `[[...]]` header."""
    ws = workspace()
    cohort = ws.cohorts[cohort_id]
    report = {r.id: r for r in ws.progress(cohort_id, day).results}
    for result in ws.curricula[cohort.curriculum].results:
        found = ws.explain(cohort_id, result.id, day)
        assert found.whole.figures == report[result.id]
        assert_adds_up(result.measure.value, found.whole)
        assert len(found.whole.records) == looked_at(cohort, result), result.id
        assert len({(n.path, n.line) for n in found.whole.records}) == len(found.whole.records)
        assert_at_headers(found.whole)


@pytest.mark.parametrize("cohort_id", workspace().sound_cohorts)
def test_explain_by_group_gives_each_groups_report_figures(cohort_id: str) -> None:
    """With --by group on the last day, each group's explained figure is its figure in `report
    --by group`, and its counted records add up to it."""
    ws = workspace()
    cohort = ws.cohorts[cohort_id]
    report = ws.progress(cohort_id, cohort.end, by="group")
    for n, result in enumerate(ws.curricula[cohort.curriculum].results):
        found = ws.explain(cohort_id, result.id, cohort.end, by="group")
        assert [(g.group, g.figures) for g in found.groups] == [(g.name, g.results[n]) for g in report.groups]
        for group in found.groups:
            if result.measure.value != "reported":
                assert_adds_up(result.measure.value, group)
            assert_at_headers(group)


@pytest.mark.parametrize("cohort_id", workspace().sound_cohorts)
def test_explain_participant_agrees_with_participants(cohort_id: str) -> None:
    """Each participant's explained completion is the one `participants` gives; every
    requirement met means complete; the sessions behind attendance add up to it."""
    ws = workspace()
    cohort = ws.cohorts[cohort_id]
    figures = ws.progress(cohort_id, cohort.end)
    for person in figures.participants:
        found = ws.explain_participant(cohort_id, person.id, cohort.end)
        assert found.complete == person.complete == all(r.met for r in found.requirements)
        assert text_lines(found.path)[found.line - 1].strip() == "[[people]]"
        for need in found.requirements:
            counted = [n for n in need.records if n.counted]
            if need.kind == "attendance":
                assert need.reached == person.attendance
                part, whole = sum(n.weight.part for n in counted), sum(n.weight.whole for n in counted)
                assert need.reached == (100 * part / whole if whole else None)
            elif need.kind == "competency":
                assert need.reached == person.competencies.get(need.id)
                assert [n.weight for n in counted] == ([] if need.reached is None else [need.reached])
            else:
                assert need.met == bool(counted)
            for note in need.records:
                assert text_lines(note.path)[note.line - 1].strip() == f"[[{note.kind}]]"


def test_header_lines_are_what_key_lines_finds() -> None:
    """The quick scan of `[[...]]` headers finds, in every log and cohort file of the examples,
    the lines the full key scan finds; and a multi-line string holding a header-like line does
    not fool it."""
    for path in sorted(ROOT.glob("cohorts/*/**/*.toml")):
        text = path.read_text(encoding="utf-8-sig")
        full = {k: v for k, v in key_lines(text).items() if len(k) == 2 and isinstance(k[1], int)}
        quick = header_lines(text)
        assert {(name, n): line for name, lines in quick.items() for n, line in enumerate(lines)} == full, path
    text = '[[session]]\nnotes = """\n[[session]]\n"""\n\n[[session]]\n'
    assert header_lines(text) == {"session": [1, 6]}
