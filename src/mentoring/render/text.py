"""Figures to text: a table for a terminal, markdown, CSV or JSON. No computation happens here."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections import Counter
from collections.abc import Sequence
from typing import Any, Optional, Union

import enum

from tabulate import tabulate

from ..actions import ActionState, DueKind, DueList, FollowUp, Reflection
from ..errors import enum_value
from ..model import ActionStatus, CohortStatus, ResultStatus
from ..problems import plural
from ..progress import PeriodFigures, Progress, ResultFigures
from ..rollup import Programme
from . import Format

_TABLEFMT = {"table": "simple", "markdown": "github"}
#: ANSI colours of status words on a terminal (the caller decides whether to colour at all).
_GREEN, _CYAN, _YELLOW, _RED, _GREY = "32", "36", "33", "31", "90"
_COLOURS = {ResultStatus.MET: _GREEN, ResultStatus.ON_TRACK: _CYAN, ResultStatus.BEHIND: _YELLOW,
            ResultStatus.MISSED: _RED, ResultStatus.NOT_STARTED: _GREY, CohortStatus.RUNNING: _CYAN,
            CohortStatus.ENDED: _GREY, "yes": _GREEN, "done": _GREEN, "dropped": _GREY}
EMPTY = "-"
#: How a table shows the group of participants in whom the field broken down by is not recorded.
NOT_RECORDED = "not recorded"


def plain(value: Any) -> Any:
    """A value for JSON: dates as ISO strings, whole floats as ints, no number at all (null) for a
    sum too large to be one (JSON has no Infinity)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def number(value: Optional[float], unit: str = "count") -> str:
    """A figure for a person to read: percentages with one decimal, whole numbers bare."""
    if value is None:
        return EMPTY
    if unit == "percent":
        return f"{value:.1f}%"
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def status(text: Optional[str], colour: bool) -> str:
    """A status word, coloured when asked (for a terminal)."""
    if text is None:
        return EMPTY
    code = _COLOURS.get(text) if colour else None
    return f"\x1b[{code}m{text}\x1b[0m" if code else str(text)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, wide: Sequence[int] = (),
          width: int = 40) -> str:
    """Rows as a terminal table, a markdown table or CSV; on a terminal the `wide` columns wrap at `width`."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows([["" if cell is None else cell for cell in row] for row in rows])
        return out.getvalue().rstrip("\n")
    widths = [width if n in wide and fmt == "table" else None for n in range(len(headers))]
    return tabulate(rows, headers=list(headers), tablefmt=_TABLEFMT[fmt], disable_numparse=True,
                    maxcolwidths=widths if any(widths) else None)


def _as_json(data: Any) -> str:
    return json.dumps(plain(data), ensure_ascii=False, indent=2, allow_nan=False)


def _period_json(period: PeriodFigures) -> dict[str, Any]:
    return {"start": period.start, "end": period.end, "actual": period.actual, "change": period.change,
            "expected": period.expected, "status": period.status}


def _result_json(result: ResultFigures) -> dict[str, Any]:
    data = {
        "id": result.id, "statement": result.statement, "measure": result.measure, "unit": result.unit,
        "target": result.target, "baseline": result.baseline, "actual": result.actual, "gap": result.gap,
        "status": result.status, "due": result.due,
    }
    if result.periods:
        data["periods"] = [_period_json(p) for p in result.periods]
    return data


def _results_json(results: Sequence[ResultFigures], with_periods: bool) -> list[dict[str, Any]]:
    """Results as JSON; with periods asked for, each has `periods` (empty before the start)."""
    return [{**_result_json(r), "periods": [_period_json(p) for p in r.periods]} if with_periods else _result_json(r)
            for r in results]


def group_label(name: Optional[str]) -> str:
    """A group's name as a table shows it ("not recorded" for participants without the field)."""
    return NOT_RECORDED if name is None else name


def period_label(kind: Optional[str], start: dt.date) -> str:
    """A period's name: `2015-01` (month), `2015-Q1` (quarter) or `2015` (year)."""
    if kind == "year":
        return str(start.year)
    if kind == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year}-{start.month:02d}"


def change_text(value: Optional[float], measure: str, unit: str) -> str:
    """A period's change: signed for a count (`+3`), the period's own rate for attendance."""
    if value is None or measure in ("attendance", "cadence") or value == 0:
        return number(value, unit)
    return ("+" if value > 0 else "-") + number(abs(value), unit)


def summary(progress: Progress) -> str:
    """`5 of 9 results met; 4 of 6 participants complete`."""
    return (f"{progress.results_met} of {len(progress.results)} results met; "
            f"{progress.complete} of {len(progress.participants)} participants complete "
            f"(as of {progress.as_of}, cohort {progress.status})")


def _results_headers(baseline: bool) -> list[str]:
    return ["id", "statement", "measure", *(["baseline"] if baseline else []), "target", "actual", "gap", "status", "due"]


def _result_row(r: ResultFigures, machine: bool, colour: bool, baseline: bool, statement: bool = True) -> list[Any]:
    """A result's cells: raw numbers for CSV, rounded ones with units for a person."""
    if machine:
        return [r.id, r.statement, r.measure, plain(r.baseline), plain(r.target), plain(r.actual), plain(r.gap),
                r.status, r.due]
    shown = [number(r.baseline, r.unit)] if baseline else []
    return [r.id, r.statement if statement else "", r.measure, *shown, number(r.target, r.unit),
            number(r.actual, r.unit), number(r.gap, r.unit), status(r.status, colour), r.due.isoformat()]


def _period_headers(machine: bool) -> list[str]:
    return ["id", "measure", "start", "end", "actual", "change", "expected", "status"] if machine else \
        ["id", "period", "from", "to", "actual", "change", "expected", "status"]


def _period_rows(r: ResultFigures, kind: Optional[str], machine: bool, colour: bool) -> list[list[Any]]:
    """One row per period of a result; for a person, the id on the first row of its block only."""
    if machine:
        return [[r.id, r.measure, p.start, p.end, plain(p.actual), plain(p.change), plain(p.expected), p.status]
                for p in r.periods]
    return [[r.id if n == 0 else "", period_label(kind, p.start), p.start.isoformat(), p.end.isoformat(),
             number(p.actual, r.unit), change_text(p.change, r.measure, r.unit), number(p.expected, r.unit),
             status(p.status, colour)] for n, p in enumerate(r.periods)]


def _no_periods(as_of: dt.date, start: dt.date) -> str:
    return f"No periods: {as_of} is before the start, {start}."


def _periods_text(sections: Sequence[tuple[Optional[str], Sequence[ResultFigures]]], by: Optional[str],
                  kind: Optional[str], fmt: str, colour: bool) -> str:
    """The periods table (table or markdown): a block of rows per result, a group column when broken down."""
    rows = []
    for name, results in sections:
        for r in results:
            block = _period_rows(r, kind, False, colour)
            rows += [[group_label(name) if n == 0 else "", *row] for n, row in enumerate(block)] if by else block
    headers = _period_headers(False)
    return table([by, *headers] if by else headers, rows, fmt)


def render_report(progress: Progress, fmt: Union[Format, str], colour: bool = False) -> str:
    """Each expected result: target, actual, gap and status (and baseline where one is given);
    then, with periods, each result's figures per period; then a summary line (not in CSV or JSON).
    In CSV with periods, one row per result and period."""
    fmt = enum_value(Format, fmt, "format")
    with_periods = progress.period is not None
    if fmt == "json":
        data: dict[str, Any] = {"cohort": progress.cohort, "curriculum": progress.curriculum,
                                "as_of": progress.as_of, "results": _results_json(progress.results, with_periods)}
        if with_periods:
            data["period"] = progress.period
        if progress.groups:
            data["groups"] = [{"group": g.name, "results": _results_json(g.results, with_periods)} for g in progress.groups]
        return _as_json(data)
    sections = [(g.name, g.results) for g in progress.groups] if progress.groups else [(None, progress.results)]
    by = progress.by.value if progress.groups and progress.by else None
    if fmt == "csv":
        if with_periods:
            rows = [[progress.as_of, *([name] if by else []), *row]
                    for name, results in sections for r in results for row in _period_rows(r, None, True, False)]
            return table(["as_of", *([by] if by else []), *_period_headers(True)], rows, "csv")
        rows = [[progress.as_of, *([name] if by else []), *_result_row(r, True, False, True)]
                for name, results in sections for r in results]
        return table(["as_of", *([by] if by else []), *_results_headers(True)], rows, "csv")
    baseline = any(r.baseline is not None for r in progress.results)
    headers = _results_headers(baseline)
    if by:
        rows = [[group_label(name), *_result_row(r, False, colour, baseline)] for name, results in sections for r in results]
        text = table([by, *headers], rows, fmt, wide=(2,))
    else:
        text = table(headers, [_result_row(r, False, colour, baseline) for r in progress.results], fmt, wide=(1,))
    if with_periods:
        periods = _periods_text(sections, by, progress.period, fmt, colour) if progress.results and \
            progress.results[0].periods else _no_periods(progress.as_of, progress.start)
        text += "\n\n" + periods
    return f"{text}\n\n{summary(progress)}"


def render_participants(progress: Progress, fmt: Union[Format, str], colour: bool = False) -> str:
    """One row per participant: attendance, assignments, competency levels, complete, left."""
    fmt = enum_value(Format, fmt, "format")
    if fmt == "json":
        data: dict[str, Any] = {
            "cohort": progress.cohort, "as_of": progress.as_of,
            "participants": [{
                "id": p.id, "name": p.name, "group": p.group, "organisation": p.organisation,
                "attendance": p.attendance, "assignments_done": p.assignments_done,
                "assignments_required": p.assignments_required, "competencies": p.competencies,
                "self_assessed": p.self_assessed, "complete": p.complete, "left": p.left,
            } for p in progress.participants],
        }
        if progress.groups:
            data["groups"] = [{"group": g.name, "participants": g.participants, "complete": g.complete,
                               "attendance": g.attendance} for g in progress.groups]
        return _as_json(data)
    machine = fmt == "csv"

    def level(p: Any, competency: str) -> str:
        mentor, own = p.competencies.get(competency), p.self_assessed.get(competency)
        text = EMPTY if mentor is None else str(mentor)
        return text if own is None or own == mentor else f"{text} (self {own})"

    headers = ["id", "name", "group", "attendance", "assignments", *progress.competencies, "complete", "left"]
    if machine:
        headers = ["as_of", *headers]
    rows = [[
        *([progress.as_of] if machine else []),
        p.id, p.name, p.group or ("" if machine else EMPTY),
        plain(p.attendance) if machine else number(p.attendance, "percent"),
        f"{p.assignments_done}/{p.assignments_required}",
        *[level(p, c) for c in progress.competencies],
        ("yes" if p.complete else "no") if machine else status("yes" if p.complete else "no", colour),
        p.left.isoformat() if p.left else ("" if machine else EMPTY),
    ] for p in progress.participants]
    text = table(headers, rows, fmt)
    if machine:
        return text
    if progress.groups:
        group_rows = [[group_label(g.name), g.participants, g.complete, number(g.attendance, "percent")] for g in progress.groups]
        text += "\n\n" + table([progress.by or "group", "participants", "complete", "attendance"], group_rows, fmt)
    return f"{text}\n\n{progress.complete} of {len(progress.participants)} participants complete (as of {progress.as_of})"


def render_cohorts(progresses: Sequence[Progress], fmt: Union[Format, str], colour: bool = False) -> str:
    """One row per cohort: dates, participants, results met of total, status."""
    fmt = enum_value(Format, fmt, "format")
    if fmt == "json":
        return _as_json([{
            "id": p.cohort, "curriculum": p.curriculum, "start": p.start, "end": p.end,
            "participants": len(p.participants), "results_met": p.results_met,
            "results_total": len(p.results), "status": p.status,
        } for p in progresses])
    machine = fmt == "csv"
    headers = ["id", "curriculum", "start", "end", "participants", "results met", "status"]
    rows = [[p.cohort, p.curriculum, p.start.isoformat(), p.end.isoformat(), len(p.participants),
             f"{p.results_met} of {len(p.results)}", p.status if machine else status(p.status, colour)]
            for p in progresses]
    if machine:
        return table(["as_of", *headers], [[p.as_of, *row] for p, row in zip(progresses, rows)], fmt)
    return table(headers, rows, fmt)


# --- follow-up actions, the reflection sheet, what is due ----------------------------------------


def _action_json(action: ActionState) -> dict[str, Any]:
    return {
        "id": action.id, "text": action.text, "owner": action.owner, "owner_name": action.owner_name,
        "due": action.due, "status": action.status, "overdue": action.overdue, "results": list(action.results),
        "cause": action.cause, "opened": action.opened, "updated": action.updated, "notes": action.notes,
    }


def _ids(ids: Sequence[str], fmt: str) -> str:
    """Ids in one cell: space-separated in CSV (ids hold no space), one a line in a terminal table,
    comma-separated in markdown."""
    if fmt == "csv":
        return " ".join(ids)
    return ("\n" if fmt == "table" else ", ").join(ids) or EMPTY


def _action_status(action: ActionState, colour: bool) -> str:
    """`open`, `done`, `dropped`, or `open, overdue` (in red on a terminal)."""
    if action.overdue:
        return f"\x1b[{_RED}mopen, overdue\x1b[0m" if colour else "open, overdue"
    return status(action.status.value, colour)


def _actions_summary(actions: Sequence[ActionState], as_of: dt.date, open_only: bool = False) -> str:
    """`4 actions as of 2015-03-31: 2 open (1 overdue), 1 done, 1 dropped`."""
    if not actions:
        return f"No {'open ' if open_only else ''}actions as of {as_of}"
    overdue = sum(1 for a in actions if a.overdue)
    late = f" ({overdue} overdue)" if overdue else ""
    if open_only:
        return f"{plural(len(actions), 'open action')} as of {as_of}{late}"
    counts = Counter(a.status for a in actions)
    parts = [f"{counts[s]} {s.value}" + (late if s is ActionStatus.OPEN else "") for s in ActionStatus if counts[s]]
    return f"{plural(len(actions), 'action')} as of {as_of}: {', '.join(parts)}"


def render_actions(follow: FollowUp, fmt: Union[Format, str], colour: bool = False) -> str:
    """The follow-up actions: id, text, owner, due, status, overdue, results, cause; then a summary."""
    fmt = enum_value(Format, fmt, "format")
    if fmt == "json":
        return _as_json({"cohort": follow.cohort, "as_of": follow.as_of,
                         "actions": [_action_json(a) for a in follow.actions]})
    if fmt == "csv":
        headers = ["as_of", "id", "text", "owner", "due", "status", "overdue", "results", "cause", "opened", "notes"]
        rows = [[follow.as_of, a.id, a.text, a.owner, a.due, a.status.value, "yes" if a.overdue else "no",
                 _ids(a.results, fmt), a.cause, a.opened, a.notes] for a in follow.actions]
        return table(headers, rows, fmt)
    summary_line = _actions_summary(follow.actions, follow.as_of, follow.open_only)
    if not follow.actions:
        return summary_line
    headers = ["id", "action", "owner", "due", "status", "results", "cause"]
    rows = [[a.id, a.text, a.owner_name or a.owner or EMPTY, a.due.isoformat() if a.due else EMPTY,
             _action_status(a, colour), _ids(a.results, fmt), a.cause or EMPTY] for a in follow.actions]
    return f"{table(headers, rows, fmt, wide=(1, 6), width=30)}\n\n{summary_line}"


def _reflect_csv(sheet: Reflection) -> str:
    headers = ["as_of", "result", "statement", "measure", "target", "actual", "gap", "status", "due",
               "action", "text", "owner", "action_due", "action_status", "overdue", "cause"]
    rows = []

    def action_cells(a: Optional[ActionState]) -> list[Any]:
        if a is None:
            return [None] * 7
        return [a.id, a.text, a.owner, a.due, a.status.value, "yes" if a.overdue else "no", a.cause]

    for item in sheet.results:
        r = item.figures
        cells = [sheet.as_of, r.id, r.statement, r.measure, plain(r.target), plain(r.actual), plain(r.gap), r.status, r.due]
        rows += [cells + action_cells(a) for a in item.actions or (None,)]
    rows += [[sheet.as_of, *[None] * 8, *action_cells(a)] for a in sheet.other_actions]
    return table(headers, rows, "csv")


def _plan_table(actions: Sequence[ActionState], fmt: str, colour: bool) -> str:
    headers = ["action", "what is to be done", "owner", "due", "status"]
    rows = [[a.id, a.text, a.owner_name or a.owner or EMPTY, a.due.isoformat() if a.due else EMPTY,
             _action_status(a, colour)] for a in actions]
    return table(headers, rows, fmt, wide=(1,))


def render_reflection(sheet: Reflection, fmt: Union[Format, str], colour: bool = False) -> str:
    """The reflection sheet: under each result its target, actual, gap and status, the causes
    recorded and the actions agreed (owner, due date, status). In markdown it reads as minutes."""
    fmt = enum_value(Format, fmt, "format")
    if fmt == "json":
        return _as_json({
            "cohort": sheet.cohort, "title": sheet.title, "as_of": sheet.as_of,
            "results": [{**_result_json(item.figures), "causes": list(item.causes),
                         "actions": [a.id for a in item.actions]} for item in sheet.results],
            "other_actions": [a.id for a in sheet.other_actions],
        })
    if fmt == "csv":
        return _reflect_csv(sheet)
    markdown = fmt == "markdown"

    def heading(text: str, level: int) -> list[str]:
        if markdown:
            return ["#" * level + " " + text, ""]
        return [text, ("=" if level == 1 else "-") * len(text), ""]

    name = f"{sheet.title} ({sheet.cohort})" if sheet.title else sheet.cohort
    lines = heading(f"Reflection: {name}, as of {sheet.as_of}", 1)
    every: dict[str, ActionState] = {}
    for n, item in enumerate(sheet.results, 1):
        r = item.figures
        word = status(r.status, colour)
        lines += heading(f"{n}. {r.statement} " + (f"(`{r.id}`)" if markdown else f"({r.id})"), 2)
        reached = "no actual yet" if r.actual is None else f"actual {number(r.actual, r.unit)}, gap {number(r.gap, r.unit)}"
        lines += [f"Target {number(r.target, r.unit)}, {reached}: {f'**{word}**' if markdown else word} (due {r.due}).", ""]
        if item.causes:
            lines += ["Why the gap arose:", "", *[f"- {cause}" for cause in item.causes], ""]
        if item.actions:
            lines += ["Actions agreed:", "", _plan_table(item.actions, fmt, colour), ""]
        elif r.status in (ResultStatus.BEHIND, ResultStatus.MISSED):
            lines += ["No action agreed yet.", ""]
        every.update((a.id, a) for a in item.actions)
    if sheet.other_actions:
        lines += heading("Other actions agreed", 2)
        lines += [_plan_table(sheet.other_actions, fmt, colour), ""]
        every.update((a.id, a) for a in sheet.other_actions)
    met = sum(1 for item in sheet.results if item.figures.status == ResultStatus.MET)
    plan = _actions_summary(list(every.values()), sheet.as_of) if every else f"no action agreed as of {sheet.as_of}"
    lines.append(f"{met} of {len(sheet.results)} results met; {plan}")
    return "\n".join(lines)


def _lateness(days: int) -> str:
    """`5 days late`, `due today`, `in 3 days`."""
    if days == 0:
        return "due today"
    if days > 0:
        return f"{plural(days, 'day')} late"
    return f"in {plural(-days, 'day')}"


_COUNTED = (DueKind.ACTION, DueKind.ASSIGNMENT, DueKind.RESULT)


def render_due(listing: DueList, fmt: Union[Format, str], colour: bool = False) -> str:
    """What needs attention, oldest first: due date, how late, cohort, kind, who and what."""
    fmt = enum_value(Format, fmt, "format")
    if fmt == "json":
        return _as_json({"as_of": listing.as_of, "items": [{
            "cohort": i.cohort, "kind": i.kind, "who": i.who, "what": i.what, "due": i.due,
            "days_late": i.days_late, "id": i.ref,
        } for i in listing.items]})
    if fmt == "csv":
        headers = ["as_of", "cohort", "kind", "who", "what", "due", "days_late", "id"]
        rows = [[listing.as_of, i.cohort, i.kind.value, i.who, i.what, i.due, i.days_late, i.ref] for i in listing.items]
        return table(headers, rows, fmt)
    rules = (f"actions and assignments due within {plural(listing.within, 'day')}, absent after "
             f"{plural(listing.missed, 'session')} missed, silent after {plural(listing.silent, 'day')} without a session")
    looked = plural(len(listing.cohorts), "cohort")
    if not listing.items:
        return f"Nothing due as of {listing.as_of} ({looked}; {rules})."

    def late(days: int) -> str:
        return f"\x1b[{_RED}m{_lateness(days)}\x1b[0m" if colour and days > 0 else _lateness(days)

    rows = [[i.due.isoformat(), late(i.days_late), i.cohort, i.kind.value, i.who or EMPTY, i.what] for i in listing.items]
    kinds = Counter(i.kind for i in listing.items)
    # "2 actions", "1 assignment", "3 results"; "2 absent" and "1 silent" stay as they are.
    counted = ", ".join(plural(kinds[k], k.value) if k in _COUNTED else f"{kinds[k]} {k.value}" for k in DueKind if kinds[k])
    text = table(["due", "when", "cohort", "kind", "who", "what"], rows, fmt, wide=(5,))
    return f"{text}\n\n{plural(len(listing.items), 'item')} ({counted}) as of {listing.as_of} in {looked}; {rules}."


# --- a programme: the rollup of its cohorts ------------------------------------------------------

#: How a broken-down programme table names the row of the programme as a whole.
ALL = "all"


def rollup_summary(programme: Programme) -> str:
    """`6 of 10 results met (as of 2015-03-31; 3 cohorts, 2 started)`."""
    cohorts = plural(len(programme.cohorts), "cohort")
    return (f"{programme.results_met} of {len(programme.results)} results met "
            f"(as of {programme.as_of}; {cohorts}, {len(programme.started)} started)")


def render_rollup(programme: Programme, fmt: Union[Format, str], colour: bool = False) -> str:
    """The programme's results added up over its cohorts: target, actual, gap and status; with a
    break-down, each group's (or cohort's) row under the programme's for each result; with
    periods, each result's figures per period; then a summary line (not in CSV or JSON)."""
    fmt = enum_value(Format, fmt, "format")
    with_periods = programme.period is not None
    if fmt == "json":
        data: dict[str, Any] = {"curriculum": programme.curriculum, "as_of": programme.as_of,
                                "cohorts": list(programme.cohorts), "started": list(programme.started),
                                "results": _results_json(programme.results, with_periods)}
        if with_periods:
            data["period"] = programme.period
        if programme.groups:
            data["groups"] = [{"group": g.name, "results": _results_json(g.results, with_periods)}
                              for g in programme.groups]
        return _as_json(data)
    by = programme.by.value if programme.groups and programme.by else None
    # Under each result, the programme's row (name ALL), then each group's.
    lines = [[(True, ALL, r), *[(False, g.name, g.results[n]) for g in programme.groups]]
             for n, r in enumerate(programme.results)]
    if fmt == "csv":
        lead = ["as_of", *([by] if by else [])]
        if with_periods:
            rows = [[programme.as_of, *([name] if by else []), *row]
                    for line in lines for _, name, r in line for row in _period_rows(r, None, True, False)]
            return table([*lead, *_period_headers(True)], rows, "csv")
        rows = [[programme.as_of, *([name] if by else []), *_result_row(r, True, False, True)]
                for line in lines for _, name, r in line]
        return table([*lead, *_results_headers(True)], rows, "csv")
    baseline = any(r.baseline is not None for r in programme.results)
    headers = _results_headers(baseline)
    if by:
        rows = []
        for total, name, r in (entry for line in lines for entry in line):
            row = _result_row(r, False, colour, baseline, statement=total)
            rows.append([row[0] if total else "", name if total else group_label(name), *row[1:]])
        text = table([headers[0], by, *headers[1:]], rows, fmt, wide=(2,))
    else:
        text = table(headers, [_result_row(r, False, colour, baseline) for r in programme.results], fmt, wide=(1,))
    if with_periods and not (programme.results and programme.results[0].periods):
        text += "\n\n" + _no_periods(programme.as_of, programme.start)
    elif with_periods:
        rows = []
        for line in lines:
            for total, name, r in line:
                block = _period_rows(r, programme.period, False, colour)
                if by:
                    label = name if total else group_label(name)
                    block = [[row[0] if total else "", label if n == 0 else "", *row[1:]] for n, row in enumerate(block)]
                rows += block
        headers = _period_headers(False)
        text += "\n\n" + table([headers[0], by, *headers[1:]] if by else headers, rows, fmt)
    return f"{text}\n\n{rollup_summary(programme)}"
