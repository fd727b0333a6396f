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

from ..actions import ActionState, DueKind, DueList, FollowUp, Reflection
from ..errors import enum_value
from ..i18n import EMPTY, N_, Language, Message
from ..model import CohortStatus, ResultStatus
from ..progress import Overview, PeriodFigures, Progress, ResultFigures, Tally
from ..rollup import Programme
from . import Format, render
from .tables import (ALL, SPLIT, Amount, Column, Document, Kind, Level, Table, action_status, plan_table,
                     reflection_summary, split_cell, split_parts)

_TABLEFMT = {"table": "simple", "markdown": "github"}
#: ANSI colours of status words on a terminal (the caller decides whether to colour at all).
_GREEN, _CYAN, _YELLOW, _RED, _GREY = "32", "36", "33", "31", "90"
_COLOURS = {ResultStatus.MET: _GREEN, ResultStatus.ON_TRACK: _CYAN, ResultStatus.BEHIND: _YELLOW,
            ResultStatus.MISSED: _RED, ResultStatus.NOT_STARTED: _GREY, CohortStatus.RUNNING: _CYAN,
            CohortStatus.ENDED: _GREY, "yes": _GREEN, "done": _GREEN, "dropped": _GREY, "open, overdue": _RED}


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


def status(text: Optional[str], colour: bool, shown: Optional[str] = None) -> str:
    """A status word (or `shown`, its translation), coloured when asked (for a terminal)."""
    if text is None:
        return EMPTY
    code = _COLOURS.get(text) if colour else None
    shown = str(text) if shown is None else shown
    return f"\x1b[{code}m{shown}\x1b[0m" if code else shown


def cell(column: Column, value: Any, language: Language, colour: bool = False, fmt: str = "table") -> str:
    """A cell as people read it, in a language: numbers and dates its way, words translated; `fmt`
    says where (a terminal table puts ids one a line)."""
    kind = column.kind
    if kind is Kind.TEXT and type(value) is str:  # data as written: the most common cell, at once
        return value
    if value is None or (kind is Kind.IDS and not value):
        return EMPTY
    if isinstance(value, Message):
        return language.say(value)
    if kind is Kind.PERIOD:
        return language.period(value.kind, value.start)
    if kind is Kind.IDS:
        return ("\n" if fmt == "table" else ", ").join(value)
    if kind is Kind.MESSAGE:
        return language.say(value)
    if kind is Kind.NUMBER:
        if not isinstance(value, Amount):
            return language.number(value)
        shown = language.number(value.value, value.unit)
        return "+" + shown if value.signed and value.value is not None and value.value > 0 else shown
    if kind is Kind.STATUS:
        return status(value, colour, language.gettext(str(value)))
    if kind is Kind.YESNO:
        word = "yes" if value else "no"
        return status(word, colour, language.gettext(word))
    if kind is Kind.OF:
        return language.format(N_("{done} of {total}"), done=value.done, total=value.total)
    if kind is Kind.LEVEL:
        return level(value, language)
    if kind is Kind.DATE:
        return language.date(value)
    return language.gettext(value) if kind is Kind.WORD else str(value)


def level(value: Level, language: Language) -> str:
    """A level by its scale's name, with the participant's own rating beside it when it differs."""
    text = language.level(value.scale, value.level)
    if value.own is None or value.own == value.level:
        return text
    return language.format(N_("{level} (self: {own})"), level=text, own=language.level(value.scale, value.own))


def heading(column: Column, language: Language) -> str:
    """A column's heading in a language."""
    return column.label if column.raw else language.gettext(column.label)


def machine(column: Column, value: Any) -> list[Any]:
    """A cell for CSV: raw numbers, ISO dates, English words, empty for none; a split column's two."""
    if column.kind in SPLIT:
        return ["" if part is None else part for part in split_cell(column, value)] if value is not None else ["", ""]
    if value is None:
        return [""]
    if isinstance(value, Message):
        return [value.english()]
    if column.kind is Kind.NUMBER:
        number = plain(value.value if isinstance(value, Amount) else value)
        return ["" if number is None else number]
    if column.kind is Kind.YESNO:
        return ["yes" if value else "no"]
    if column.kind is Kind.IDS:  # ids hold no space
        return [" ".join(value)]
    if column.kind is Kind.MESSAGE:
        return [value.english()]
    return [plain(value)]


def csv_table(doc: Document) -> str:
    """The Document's CSV table, `as_of` first in every row; a split column is two."""
    table_ = doc.tables[doc.csv]
    headers = ["as_of"]
    for column in table_.columns:
        headers += [key for key, _ in split_parts(column)] if column.kind in SPLIT else [column.key]
    rows = [[doc.as_of.isoformat(), *(part for column, value in zip(table_.columns, row) for part in machine(column, value))]
            for row in table_.rows]
    return table(headers, rows, "csv")


def render_document(doc: Document, fmt: Union[Format, str], language: Language, colour: bool = False) -> str:
    """A Document as a terminal table or markdown (each table, then the summary lines) or as CSV."""
    fmt = enum_value(Format, fmt, "format")
    if fmt == "csv":
        return csv_table(doc)
    blocks = ["\n".join(language.say(line) for line in doc.lead)] if doc.lead else []
    blocks += [render_table(table_, fmt, language, colour) for table_ in doc.tables]
    blocks += [language.say(line) for line in doc.summary]
    return "\n\n".join(blocks)


def render_table(table_: Table, fmt: str, language: Language, colour: bool = False) -> str:
    """One table of a Document as a terminal table or markdown, in a language."""
    headers = [heading(column, language) for column in table_.columns]
    rows = [[cell(column, value, language, colour, fmt) for column, value in zip(table_.columns, row)]
            for row in once(table_)]
    wide = [n for n, column in enumerate(table_.columns) if column.wide]
    return table(headers, rows, fmt, wide, table_.wrap)


def once(table_: Table) -> list[tuple[Any, ...]]:
    """The table's rows with the cells of a `once` column left empty ("") where they repeat the row above."""
    if not any(column.once for column in table_.columns):
        return list(table_.rows)
    shown, above = [], None
    for row in table_.rows:
        shown.append(tuple("" if column.once and above is not None and value == above[n] else value
                           for n, (column, value) in enumerate(zip(table_.columns, row))))
        above = row
    return shown


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
    if not any(widths):
        written = _aligned(headers, rows, fmt)
        if written is not None:
            return written
    return tabulate(rows, headers=list(headers), tablefmt=_TABLEFMT[fmt], disable_numparse=True,
                    maxcolwidths=widths if any(widths) else None)


def _aligned(headers: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> Optional[str]:
    """The table tabulate writes (`simple` for a terminal, `github` for markdown; cells as text,
    left-aligned, stripped; each column as wide as its widest cell or its heading and two
    spaces), written directly, many times faster (an explanation lists hundreds of records);
    None unless every cell and heading is printable ASCII on one line, which tabulate measures alike."""
    heads = [str(h) for h in headers]
    cells = [["" if c is None else str(c).strip() for c in row] for row in rows]
    if not all(text.isascii() and text.isprintable() for text in (*heads, *(c for row in cells for c in row))):
        return None
    widths = [max([len(h) + 2, *(len(row[n]) for row in cells)]) for n, h in enumerate(heads)]
    if fmt == "table":
        lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in (heads, *cells)]
        lines.insert(1, "  ".join("-" * w for w in widths))
    else:
        lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |" for row in (heads, *cells)]
        lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _as_json(data: Any) -> str:
    return json.dumps(plain(data), ensure_ascii=False, indent=2, allow_nan=False)


def _period_json(period: PeriodFigures) -> dict[str, Any]:
    return {"start": period.start, "end": period.end, "actual": period.actual, "change": period.change,
            "expected": period.expected, "status": period.status}


def _result_json(result: ResultFigures) -> dict[str, Any]:
    data = {
        "id": result.id, "statement": result.statement, "measure": result.measure, "unit": result.unit,
        "target": result.target, "baseline": result.baseline, "actual": result.actual, "gap": result.gap,
        "status": result.status, "due": result.due, "projected": result.projected,
    }
    if result.periods:
        data["periods"] = [_period_json(p) for p in result.periods]
    return data


def _results_json(results: Sequence[ResultFigures], with_periods: bool) -> list[dict[str, Any]]:
    """Results as JSON; with periods asked for, each has `periods` (empty before the start)."""
    return [{**_result_json(r), "periods": [_period_json(p) for p in r.periods]} if with_periods else _result_json(r)
            for r in results]


def report_json(progress: Progress) -> str:
    """The JSON of `report` (CLI.md); with periods, each result's `periods`."""
    with_periods = progress.period is not None
    data: dict[str, Any] = {"cohort": progress.cohort, "curriculum": progress.curriculum,
                            "as_of": progress.as_of, "results": _results_json(progress.results, with_periods)}
    if with_periods:
        data["period"] = progress.period
    if progress.groups:
        data["groups"] = [{"group": g.name, "results": _results_json(g.results, with_periods)} for g in progress.groups]
    return _as_json(data)


def _results_csv(as_of: dt.date, by: Optional[str], lines: Sequence[tuple[Optional[str], ResultFigures]],
                 with_periods: bool) -> str:
    """Results as CSV, `as_of` first, then the group when broken down: a row per result, or with
    periods a row per result and period."""
    lead = ["as_of", *([by] if by else [])]
    if with_periods:
        rows = [[as_of, *([name] if by else []), r.id, r.measure, p.start, p.end, plain(p.actual), plain(p.change),
                 plain(p.expected), p.status] for name, r in lines for p in r.periods]
        return table([*lead, "id", "measure", "start", "end", "actual", "change", "expected", "status"], rows, "csv")
    rows = [[as_of, *([name] if by else []), r.id, r.statement, r.measure, plain(r.baseline), plain(r.target),
             plain(r.actual), plain(r.gap), r.status, r.due] for name, r in lines]
    return table([*lead, "id", "statement", "measure", "baseline", "target", "actual", "gap", "status", "due"], rows, "csv")


def report_csv(progress: Progress) -> str:
    """The CSV of `report`: with `--by`, the groups' rows (not the whole cohort's)."""
    by = progress.by.value if progress.groups and progress.by else None
    lines = [(g.name, r) for g in progress.groups for r in g.results] if by else [(None, r) for r in progress.results]
    return _results_csv(progress.as_of, by, lines, progress.period is not None)


def rollup_json(programme: Programme) -> str:
    """The JSON of `rollup` (CLI.md)."""
    with_periods = programme.period is not None
    data: dict[str, Any] = {"curriculum": programme.curriculum, "as_of": programme.as_of,
                            "cohorts": list(programme.cohorts), "started": list(programme.started),
                            "results": _results_json(programme.results, with_periods)}
    if with_periods:
        data["period"] = programme.period
    if programme.groups:
        data["groups"] = [{"group": g.name, "results": _results_json(g.results, with_periods)} for g in programme.groups]
    return _as_json(data)


def rollup_csv(programme: Programme) -> str:
    """The CSV of `rollup`: with a break-down, under each result the programme's row (`all`), then each group's."""
    by = programme.by.value if programme.groups and programme.by else None
    lines = [(ALL, r) for r in programme.results]
    if by:
        lines = [row for n, r in enumerate(programme.results) for row in [(ALL, r), *[(g.name, g.results[n]) for g in programme.groups]]]
    return _results_csv(programme.as_of, by, lines, programme.period is not None)


def participants_json(progress: Progress) -> str:
    """The JSON of `participants` (CLI.md)."""
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


def cohorts_json(overview: Overview) -> str:
    """The JSON of `cohorts` (CLI.md): a list."""
    return _as_json([{
        "id": p.cohort, "curriculum": p.curriculum, "start": p.start, "end": p.end,
        "participants": len(p.participants), "results_met": p.results_met,
        "results_total": len(p.results), "status": p.status,
    } for p in overview.cohorts])


# `render(view, ...)` renders every view; these two stay for callers of the text renderers by name.


def render_report(progress: Progress, fmt: Union[Format, str], colour: bool = False, lang: object = "en") -> str:
    """Each expected result: target, actual, gap and status; then a summary line (not in CSV or JSON)."""
    return render("report", progress, fmt, lang, colour)


def render_participants(progress: Progress, fmt: Union[Format, str], colour: bool = False, lang: object = "en") -> str:
    """One row per participant: attendance, assignments, competency levels, complete, left."""
    return render("participants", progress, fmt, lang, colour)


# --- follow-up actions, the reflection sheet, what is due ----------------------------------------


def _action_json(action: ActionState) -> dict[str, Any]:
    return {
        "id": action.id, "text": action.text, "owner": action.owner, "owner_name": action.owner_name,
        "due": action.due, "status": action.status, "overdue": action.overdue, "results": list(action.results),
        "cause": action.cause, "opened": action.opened, "updated": action.updated, "notes": action.notes,
    }


def actions_json(follow: FollowUp) -> str:
    """The JSON of `actions` (CLI.md)."""
    return _as_json({"cohort": follow.cohort, "as_of": follow.as_of, "actions": [_action_json(a) for a in follow.actions]})


def actions_csv(follow: FollowUp) -> str:
    """The CSV of `actions`: every field, `opened` and `notes` too."""
    headers = ["as_of", "id", "text", "owner", "due", "status", "overdue", "results", "cause", "opened", "notes"]
    rows = [[follow.as_of, a.id, a.text, a.owner, a.due, a.status.value, "yes" if a.overdue else "no",
             " ".join(a.results), a.cause, a.opened, a.notes] for a in follow.actions]
    return table(headers, rows, "csv")


def reflect_json(sheet: Reflection) -> str:
    """The JSON of `reflect` (CLI.md)."""
    return _as_json({
        "cohort": sheet.cohort, "title": sheet.title, "as_of": sheet.as_of,
        "results": [{**_result_json(item.figures), "causes": list(item.causes),
                     "actions": [a.id for a in item.actions]} for item in sheet.results],
        "other_actions": [a.id for a in sheet.other_actions],
    })


def reflect_csv(sheet: Reflection) -> str:
    """The CSV of `reflect`: a row per result and action agreed for it, then the other actions."""
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


def reflect_text(sheet: Reflection, fmt: str, language: Language, colour: bool = False) -> str:
    """The reflection sheet for a terminal or as markdown (minutes of the meeting): under each
    result its target, actual, gap and status, the causes recorded and the actions agreed."""
    markdown = fmt == "markdown"
    say = language.format

    def heading_(text: str, level_: int) -> list[str]:
        if markdown:
            return ["#" * level_ + " " + text, ""]
        return [text, ("=" if level_ == 1 else "-") * len(text), ""]

    name = f"{sheet.title} ({sheet.cohort})" if sheet.title else sheet.cohort
    lines = heading_(say(N_("Reflection: {name}, as of {as_of}"), name=name, as_of=sheet.as_of), 1)
    for n, item in enumerate(sheet.results, 1):
        r = item.figures
        word = status(r.status, colour, language.gettext(str(r.status)))
        lines += heading_(f"{n}. {r.statement} " + (f"(`{r.id}`)" if markdown else f"({r.id})"), 2)
        reached = say(N_("no actual yet")) if r.actual is None else say(
            N_("actual {actual}, gap {gap}"), actual=language.number(r.actual, r.unit), gap=language.number(r.gap, r.unit))
        lines += [say(N_("Target {target}, {reached}: {status} (due {due})."), target=language.number(r.target, r.unit),
                      reached=reached, status=f"**{word}**" if markdown else word, due=r.due), ""]
        if item.causes:
            lines += [say(N_("Why the gap arose:")), "", *[f"- {cause}" for cause in item.causes], ""]
        if item.actions:
            lines += [say(N_("Actions agreed:")), "", render_table(plan_table(item.actions), fmt, language, colour), ""]
        elif r.status in (ResultStatus.BEHIND, ResultStatus.MISSED):
            lines += [say(N_("No action agreed yet.")), ""]
    if sheet.other_actions:
        lines += heading_(say(N_("Other actions agreed")), 2)
        lines += [render_table(plan_table(sheet.other_actions), fmt, language, colour), ""]
    lines.append(language.say(reflection_summary(sheet)))
    return "\n".join(lines)


def due_json(listing: DueList) -> str:
    """The JSON of `due` (CLI.md)."""
    return _as_json({"as_of": listing.as_of, "items": [{
        "cohort": i.cohort, "kind": i.kind, "who": i.who, "what": i.what, "due": i.due,
        "days_late": i.days_late, "id": i.ref,
    } for i in listing.items]})


def due_csv(listing: DueList) -> str:
    """The CSV of `due`."""
    headers = ["as_of", "cohort", "kind", "who", "what", "due", "days_late", "id"]
    rows = [[listing.as_of, i.cohort, i.kind.value, i.who, i.what, i.due, i.days_late, i.ref] for i in listing.items]
    return table(headers, rows, "csv")


# --- where a figure comes from -------------------------------------------------------------------


def _weight_json(weight: Any) -> Any:
    """What a record added, for JSON: a number, or for a session's attendance its places."""
    if isinstance(weight, Tally):
        return {"attended": weight.part, "expected": weight.whole}
    return weight


def _note_json(note: Any) -> dict[str, Any]:
    return {"path": note.path, "line": note.line, "date": note.date, "kind": note.kind, "counted": note.counted,
            "weight": _weight_json(note.weight), "reason": note.reason, "detail": note.detail,
            "what": note.what.english()}


def _explained_json(part: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"actual": part.actual, "numerator": part.numerator, "denominator": part.denominator,
                            "records": [_note_json(n) for n in part.records]}
    if part.periods:
        data["periods"] = [{"start": p.start, "end": p.end, "outputs": p.outputs, "enough": p.enough}
                           for p in part.periods]
    return data


def explain_json(found: Any) -> str:
    """The JSON of `explain COHORT RESULT` (CLI.md, "Where a figure comes from")."""
    data = {"cohort": found.cohort, "result": found.result, "as_of": found.as_of, "rule": found.rule.english(),
            **_explained_json(found.whole)}
    if found.by is not None:
        data["groups"] = [{"group": g.group, **_explained_json(g)} for g in found.groups]
    return _as_json(data)


def _records_csv(as_of: dt.date, lead: Optional[str], lines: Sequence[tuple[Any, Any]]) -> str:
    """Records one a row, numbers raw: a session's places for attendance as two columns."""
    headers = ["as_of", *([lead] if lead else []), "path", "line", "date", "kind", "counted", "weight",
               "attended", "expected", "reason", "detail", "what"]
    rows = []
    for label, n in lines:
        places = n.weight if isinstance(n.weight, Tally) else None
        rows.append([as_of, *([label] if lead else []), n.path, n.line, n.date, n.kind, "yes" if n.counted else "no",
                     None if places else plain(n.weight), places and plain(places.part), places and plain(places.whole),
                     n.reason.value if n.reason else None, n.detail, n.what.english()])
    return table(headers, rows, "csv")


def explain_csv(found: Any) -> str:
    """The CSV of `explain COHORT RESULT`: one row per record (with `--by`, per group and record)."""
    by = found.by.value if found.by is not None else None
    parts = found.groups if by else (found.whole,)
    return _records_csv(found.as_of, by, [(p.group, n) for p in parts for n in p.records])


def explain_participant_json(found: Any) -> str:
    """The JSON of `explain COHORT --participant ID` (CLI.md)."""
    return _as_json({"cohort": found.cohort, "participant": found.participant, "as_of": found.as_of,
                     "complete": found.complete, "rule": found.rule.english(), "path": found.path, "line": found.line,
                     "requirements": [{"kind": r.kind, "id": r.id, "needed": plain(r.needed), "reached": plain(r.reached),
                                       "met": r.met, "records": [_note_json(n) for n in r.records]}
                                      for r in found.requirements]})


def explain_participant_csv(found: Any) -> str:
    """The CSV of `explain COHORT --participant ID`: one row per requirement and record."""
    label = (lambda r: r.kind if r.kind == "attendance" else f"{r.kind} {r.id}")
    return _records_csv(found.as_of, "requirement", [(label(r), n) for r in found.requirements for n in r.records])
