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
from ..progress import Progress, ResultFigures
from . import Format

_TABLEFMT = {"table": "simple", "markdown": "github"}
#: ANSI colours of status words on a terminal (the caller decides whether to colour at all).
_GREEN, _CYAN, _YELLOW, _RED, _GREY = "32", "36", "33", "31", "90"
_COLOURS = {ResultStatus.MET: _GREEN, ResultStatus.ON_TRACK: _CYAN, ResultStatus.BEHIND: _YELLOW,
            ResultStatus.MISSED: _RED, ResultStatus.NOT_STARTED: _GREY, CohortStatus.RUNNING: _CYAN,
            CohortStatus.ENDED: _GREY, "yes": _GREEN, "done": _GREEN, "dropped": _GREY}
EMPTY = "-"


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


def _result_json(result: ResultFigures) -> dict[str, Any]:
    return {
        "id": result.id, "statement": result.statement, "measure": result.measure, "unit": result.unit,
        "target": result.target, "baseline": result.baseline, "actual": result.actual, "gap": result.gap,
        "status": result.status, "due": result.due,
    }


def summary(progress: Progress) -> str:
    """`5 of 9 results met; 4 of 6 participants complete`."""
    return (f"{progress.results_met} of {len(progress.results)} results met; "
            f"{progress.complete} of {len(progress.participants)} participants complete "
            f"(as of {progress.as_of}, cohort {progress.status})")


def render_report(progress: Progress, fmt: Union[Format, str], colour: bool = False) -> str:
    """Each expected result: target, actual, gap and status; then a summary line (not in CSV or JSON)."""
    fmt = enum_value(Format, fmt, "format")
    if fmt == "json":
        data: dict[str, Any] = {"cohort": progress.cohort, "curriculum": progress.curriculum,
                                "as_of": progress.as_of, "results": [_result_json(r) for r in progress.results]}
        if progress.groups:
            data["groups"] = [{"group": g.name, "results": [_result_json(r) for r in g.results]} for g in progress.groups]
        return _as_json(data)
    machine = fmt == "csv"
    headers = ["id", "statement", "measure", "target", "actual", "gap", "status", "due"]

    def row(r: ResultFigures) -> list[Any]:
        if machine:
            return [r.id, r.statement, r.measure, plain(r.target), plain(r.actual), plain(r.gap), r.status, r.due]
        return [r.id, r.statement, r.measure, number(r.target, r.unit), number(r.actual, r.unit),
                number(r.gap, r.unit), status(r.status, colour), r.due.isoformat()]

    if progress.groups:
        headers = [progress.by or "group", *headers]
        rows = [[g.name or EMPTY, *row(r)] for g in progress.groups for r in g.results]
    else:
        rows = [row(r) for r in progress.results]
    text = table(headers, rows, fmt, wide=(2 if progress.groups else 1,))
    return text if machine else f"{text}\n\n{summary(progress)}"


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
    rows = [[
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
        group_rows = [[g.name or EMPTY, g.participants, g.complete, number(g.attendance, "percent")] for g in progress.groups]
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
