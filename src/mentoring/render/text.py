"""Figures to text: a table for a terminal, markdown, CSV or JSON. No computation happens here."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections.abc import Sequence
from typing import Any, Optional, Union

import enum

from tabulate import tabulate

from ..errors import enum_value
from ..model import CohortStatus, ResultStatus
from ..progress import Progress, ResultFigures
from . import Format

_TABLEFMT = {"table": "simple", "markdown": "github"}
#: ANSI colours of status words on a terminal (the caller decides whether to colour at all).
_GREEN, _CYAN, _YELLOW, _RED, _GREY = "32", "36", "33", "31", "90"
_COLOURS = {ResultStatus.MET: _GREEN, ResultStatus.ON_TRACK: _CYAN, ResultStatus.BEHIND: _YELLOW,
            ResultStatus.MISSED: _RED, ResultStatus.NOT_STARTED: _GREY, CohortStatus.RUNNING: _CYAN,
            CohortStatus.ENDED: _GREY, "yes": _GREEN}
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


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, wide: Sequence[int] = ()) -> str:
    """Rows as a terminal table, a markdown table or CSV."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows([["" if cell is None else cell for cell in row] for row in rows])
        return out.getvalue().rstrip("\n")
    widths = [40 if n in wide and fmt == "table" else None for n in range(len(headers))]
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
