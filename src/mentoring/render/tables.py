"""What each reading command shows, said once as tables of typed cells; every format draws on it.

A view (`report`, `participants`, `cohorts`, ...) turns figures into a `Document`: its title, the
facts for a header, `Table`s whose columns say what kind of value each cell holds, and summary
lines. The text formats (table, markdown, CSV), HTML and XLSX each render any Document, so a new
view written here gets every format at once. Nothing here formats a number or translates a word:
labels are English message ids marked with `N_`, translated where they are shown.

JSON is not made from a Document: it is the contract CLI.md writes out field by field (text.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any, Optional

import attrs

from ..actions import ActionState, DueKind, DueList, FollowUp, Reflection
from ..i18n import N_, Message
from ..model import ActionStatus, ResultStatus, Word
from ..progress import About, Overview, Progress, ResultFigures, Tally
from ..rollup import Programme


class Kind(Word):
    """What a column's cells hold, which decides how each format shows them."""

    TEXT = "text"
    """Data as written (an id, a name, a statement): never translated."""
    WORD = "word"
    """One of the program's own words as text (a measure's name): translated for people, English in CSV."""
    STATUS = "status"
    """A status word: translated, coloured on a terminal, with a shape beside it in HTML."""
    NUMBER = "number"
    """An `Amount`, or an int (a count)."""
    DATE = "date"
    """A date."""
    YESNO = "yesno"
    """A bool, shown as yes or no."""
    OF = "of"
    """An `Of`: `3 of 4` for people; two number columns (`parts`) in CSV and XLSX."""
    LEVEL = "level"
    """A `Level`: the scale's names for people; in CSV and XLSX two columns, `ID` and `ID_self`."""
    IDS = "ids"
    """A tuple of ids: one a line in a terminal table, separated by commas elsewhere."""
    PERIOD = "period"
    """A `PeriodLabel`: `2015-Q1` in English, `TW1 2015` in Indonesian."""
    MESSAGE = "message"
    """A `Message`: a sentence of the program's words around data (names, titles), in the language."""


#: Kinds whose cells become two columns in CSV and XLSX.
SPLIT = frozenset({Kind.OF, Kind.LEVEL})


@attrs.frozen
class Amount:
    """A figure and its unit."""

    value: Optional[float]
    """The figure; None when there is none."""
    unit: str = "count"
    """`count`, `hours` or `percent` (0 to 100)."""
    signed: bool = False
    """A change: shown with `+` when above 0."""


@attrs.frozen
class PeriodLabel:
    """A reporting period, named by its kind and first day."""

    kind: str
    """`month`, `quarter` or `year`."""
    start: dt.date
    """Its first day (any day of it names it)."""


@attrs.frozen
class Of:
    """A count out of a total: assignments done of required, results met of all."""

    done: int
    """How many are done (met)."""
    total: int
    """Out of how many."""


@attrs.frozen
class Level:
    """A competency level as rated by a mentor, beside the participant's own rating."""

    level: Optional[int]
    """The latest mentor's (or other assessor's) level; None when never rated."""
    own: Optional[int]
    """The latest self-assessed level; None when never rated."""
    scale: tuple[str, ...]
    """The competency's level names from level 0 up."""


@attrs.frozen
class Column:
    """One column of a table."""

    key: str
    """Its machine name, the CSV header (`results_met`, a competency id)."""
    label: str
    """Its heading for people: an English message id, or data when `raw`."""
    kind: Kind = Kind.TEXT
    """What its cells hold."""
    parts: tuple[tuple[str, Optional[str]], ...] = ()
    """For a split kind: the two columns' machine names and labels (message ids that may hold
    `{label}`, the column's own heading; None: that heading as it is)."""
    raw: bool = False
    """The label is data (a competency id), shown as written."""
    wide: bool = False
    """Long text, wrapped in a terminal table."""
    once: bool = False
    """Text shown only where it changes from the row above, in a terminal table, markdown and HTML
    (a block of rows about one result); every row holds it in XLSX."""


@attrs.frozen
class Table:
    """A titled table of typed cells."""

    key: str
    """Its machine name (an XLSX sheet, an HTML anchor): `results`, `participants`."""
    title: str
    """Its title for people (an English message id)."""
    columns: tuple[Column, ...]
    """The columns, in order."""
    rows: tuple[tuple[Any, ...], ...]
    """One tuple of cells per row, a cell per column; None is an empty cell."""
    short: Optional[str] = None
    """A shorter title, where the title is too long for a spreadsheet's sheet name (31 characters)."""
    wrap: int = 40
    """In a terminal table, the width at which the wide columns wrap."""


@attrs.frozen
class Document:
    """Everything one reading command shows, for any format."""

    view: str
    """The command it answers (`report`, `participants`, `cohorts`): HTML picks its page by it."""
    title: str
    """Its title for people (an English message id)."""
    as_of: dt.date
    """The date the figures are for."""
    tables: tuple[Table, ...]
    """Its tables, in order."""
    summary: tuple[Message, ...] = ()
    """Lines under the tables (not in CSV)."""
    lead: tuple[Message, ...] = ()
    """Lines above the tables (not in CSV): what the tables are about, when a title does not say it."""
    about: Optional[About] = None
    """The cohort it is about, for a header (None when it is about several)."""
    csv: int = 0
    """The table CSV writes (CSV holds one)."""
    figures: Any = None
    """The figures it was made from, for charts (read, never changed)."""


def split_parts(column: Column) -> tuple[tuple[str, Optional[str]], ...]:
    """The two (machine name, label) pairs a split column becomes in CSV and XLSX."""
    if column.kind is Kind.LEVEL:
        return (column.key, None), (f"{column.key}_self", N_("{label} (self)"))
    return column.parts


def split_cell(column: Column, value: Any) -> tuple[Any, Any]:
    """The two cells a split column's value becomes in CSV and XLSX."""
    if column.kind is Kind.OF:
        return value.done, value.total
    return value.level, value.own


# --- the views ---------------------------------------------------------------------------------

_RESULT_COLUMNS = (
    Column("id", N_("id")),
    Column("statement", N_("statement"), wide=True),
    Column("measure", N_("measure"), Kind.WORD),
    Column("target", N_("target"), Kind.NUMBER),
    Column("actual", N_("actual"), Kind.NUMBER),
    Column("gap", N_("gap"), Kind.NUMBER),
    Column("status", N_("status"), Kind.STATUS),
    Column("due", N_("due"), Kind.DATE),
)
#: The heading of a break-down's column, by the field it is by.
_BY = {"group": N_("group"), "organisation": N_("organisation"), "sex": N_("sex")}
#: The title of a break-down's table, by view and field.
_BY_TITLES = {
    ("report", "group"): N_("expected results by group"),
    ("report", "organisation"): N_("expected results by organisation"),
    ("report", "sex"): N_("expected results by sex"),
    ("participants", "group"): N_("participants by group"),
    ("participants", "organisation"): N_("participants by organisation"),
    ("participants", "sex"): N_("participants by sex"),
}
#: How a table names the group of participants in whom the field broken down by is not recorded.
NOT_RECORDED = Message(N_("not recorded"))
#: How a programme's table names the row of the programme as a whole, under a break-down.
ALL = "all"
# The values of `sex`, shown as words of the program.
_SEXES = [N_("female"), N_("male"), N_("other"), N_("all")]
# Output statuses, for the catalog (the completion grid shows the best one reached).
_OUTPUT_STATUSES = [N_("draft"), N_("submitted"), N_("returned"), N_("accepted"), N_("published")]
# Measure names, for the catalog (a measure is shown as a WORD).
_MEASURES = [N_("participants"), N_("outputs"), N_("sessions"), N_("hours"), N_("attendance"), N_("cadence"), N_("reported")]
# Status words, for the catalog.
_STATUSES = [N_("not started"), N_("on track"), N_("behind"), N_("met"), N_("missed"), N_("running"), N_("ended")]


@attrs.frozen
class _Shown:
    """Which of the results' columns that only some tables need a table of results shows."""

    baseline: bool
    """A baseline column: some result has one."""
    pace: bool
    """A pace column (where each count is heading by its due date): some result has a projection."""


def _shown(results: Sequence[ResultFigures]) -> _Shown:
    return _Shown(any(r.baseline is not None for r in results), any(r.projected is not None for r in results))


def _result_columns(shown: _Shown) -> tuple[Column, ...]:
    """The results' columns, with a baseline column and a pace column when shown."""
    return (*_RESULT_COLUMNS[:3], *((Column("baseline", N_("baseline"), Kind.NUMBER),) if shown.baseline else ()),
            *_RESULT_COLUMNS[3:5], *((Column("pace", N_("pace"), Kind.NUMBER),) if shown.pace else ()),
            *_RESULT_COLUMNS[5:])


def _result_row(r: ResultFigures, shown: _Shown, statement: bool = True) -> tuple[Any, ...]:
    return (r.id, r.statement if statement else "", r.measure, *((Amount(r.baseline, r.unit),) if shown.baseline else ()),
            Amount(r.target, r.unit), Amount(r.actual, r.unit), *((Amount(r.projected, r.unit),) if shown.pace else ()),
            Amount(r.gap, r.unit), r.status, r.due)


def group_cell(name: Optional[str], by: Optional[str]) -> Any:
    """A group's name in a table: as written, a sex as a word, `not recorded` where the field is not."""
    if name is None:
        return NOT_RECORDED
    return Message(name) if by == "sex" else name


_PERIOD_COLUMNS = (
    Column("id", N_("id"), once=True),
    Column("period", N_("period"), Kind.PERIOD),
    Column("start", N_("from"), Kind.DATE),
    Column("end", N_("to"), Kind.DATE),
    Column("actual", N_("actual"), Kind.NUMBER),
    Column("change", N_("change"), Kind.NUMBER),
    Column("expected", N_("expected"), Kind.NUMBER),
    Column("status", N_("status"), Kind.STATUS),
)


def _period_rows(r: ResultFigures, kind: Optional[str]) -> list[tuple[Any, ...]]:
    signed = r.measure not in ("attendance", "cadence")
    return [(r.id, PeriodLabel(kind or "month", p.start), p.start, p.end, Amount(p.actual, r.unit),
             Amount(p.change, r.unit, signed), Amount(p.expected, r.unit), p.status) for p in r.periods]


def periods_table(sections: Sequence[tuple[Any, Sequence[ResultFigures]]], by: Optional[Column],
                  kind: Optional[str]) -> Table:
    """Each result's figures per period, a block of rows per result (and group)."""
    columns = (attrs.evolve(by, once=True), *_PERIOD_COLUMNS) if by else _PERIOD_COLUMNS
    rows = [(*((name,) if by else ()), *row) for name, results in sections for r in results for row in _period_rows(r, kind)]
    return Table("periods", N_("figures per period"), columns, tuple(rows), short=N_("periods"))


def no_periods(as_of: dt.date, start: dt.date) -> Message:
    """Said instead of the periods when the as-of date is before the start."""
    return Message(N_("No periods: {as_of} is before the start, {start}."), {"as_of": as_of, "start": start})


def _by_column(progress: Any) -> Column:
    by = progress.by.value if progress.by is not None else "group"
    return Column(by, _BY.get(by, by))


def _by_title(view: str, progress: Progress) -> str:
    by = progress.by.value if progress.by is not None else "group"
    return _BY_TITLES.get((view, by), _BY_TITLES[(view, "group")])


def _header(progress: Progress) -> dict[str, Any]:
    return {"as_of": progress.as_of, "about": progress.about, "figures": progress}


def report(progress: Progress) -> Document:
    """`mentoring report`: each expected result's target, actual, gap and status; with `--by`, the
    same for each group; then how many results are met and participants complete."""
    shown = _shown(progress.results)
    columns = _result_columns(shown)
    tables = [Table("results", N_("expected results"), columns,
                    tuple(_result_row(r, shown) for r in progress.results))]
    by = _by_column(progress) if progress.groups else None
    byword = progress.by.value if by else None
    if by:
        tables.append(Table("groups", _by_title("report", progress), (by, *columns),
                            tuple((group_cell(g.name, byword), *_result_row(r, shown)) for g in progress.groups for r in g.results),
                            short=by.label))
    lines = []
    if progress.period is not None:
        sections = [(group_cell(g.name, byword), g.results) for g in progress.groups] if by else [(None, progress.results)]
        if progress.results and progress.results[0].periods:
            tables.append(periods_table(sections, by, progress.period.value))
        else:
            lines.append(no_periods(progress.as_of, progress.start))
    lines.append(Message(N_("{met} of {total} results met; {complete} of {people} participants complete "
                            "(as of {as_of}, cohort {status})"),
                         {"met": progress.results_met, "total": len(progress.results), "complete": progress.complete,
                          "people": len(progress.participants), "as_of": progress.as_of, "status": progress.status}))
    return Document("report", N_("expected results"), tables=tuple(tables), summary=tuple(lines), **_header(progress))


def rollup(programme: Programme) -> Document:
    """`mentoring rollup`: the programme's results; with a break-down, under each result the
    programme's row (`all`), then each group's (or cohort's); with periods, the figures per period."""
    shown = _shown(programme.results)
    columns = _result_columns(shown)
    by = _by_column(programme) if programme.groups else None
    byword = programme.by.value if by else None
    if by:
        lines = [(n, r, [(group_cell(g.name, byword), g.results[n]) for g in programme.groups])
                 for n, r in enumerate(programme.results)]
        columns = (attrs.evolve(columns[0], once=True), attrs.evolve(by, once=False), *columns[1:])
        rows = tuple(row for _, r, parts in lines for row in [
            (r.id, Message(ALL), *_result_row(r, shown)[1:]),
            *[(r.id, name, *_result_row(part, shown, statement=False)[1:]) for name, part in parts]])
        sections = [item for _, r, parts in lines for item in [(Message(ALL), [r]), *[(name, [part]) for name, part in parts]]]
    else:
        rows = tuple(_result_row(r, shown) for r in programme.results)
        sections = [(None, programme.results)]
    tables = [Table("results", N_("expected results"), columns, rows)]
    summary = []
    if programme.period is not None:
        if programme.results and programme.results[0].periods:
            tables.append(periods_table(sections, by, programme.period.value))
        else:
            summary.append(no_periods(programme.as_of, programme.start))
    summary.append(Message(N_("{met} of {total} results met (as of {as_of}; {cohorts}, {started} started)"), {
        "met": programme.results_met, "total": len(programme.results), "as_of": programme.as_of,
        "cohorts": Message(N_("{n} cohort"), {"n": len(programme.cohorts)}, N_("{n} cohorts")),
        "started": len(programme.started)}))
    about = About(title=programme.title, curriculum_title=programme.title, start=programme.start, end=programme.end)
    return Document("rollup", N_("programme results"), programme.as_of, tuple(tables), tuple(summary), about=about,
                    figures=programme)


def participants(progress: Progress) -> Document:
    """`mentoring participants`: one row per participant; with `--by`, a row per group."""
    columns = (
        Column("id", N_("id")),
        Column("name", N_("name")),
        Column("group", N_("group")),
        Column("attendance", N_("attendance"), Kind.NUMBER),
        Column("assignments", N_("assignments"), Kind.OF,
               parts=(("assignments_done", N_("assignments done")), ("assignments_required", N_("assignments required")))),
        *(Column(c, c, Kind.LEVEL, raw=True) for c in progress.competencies),
        Column("complete", N_("complete"), Kind.YESNO),
        Column("left", N_("left"), Kind.DATE),
    )
    rows = tuple((
        p.id, p.name, p.group, Amount(p.attendance, "percent"), Of(p.assignments_done, p.assignments_required),
        *(Level(p.competencies.get(c), p.self_assessed.get(c), progress.scales.get(c, ())) for c in progress.competencies),
        p.complete, p.left,
    ) for p in progress.participants)
    tables = [Table("participants", N_("participants"), columns, rows)]
    if progress.groups:
        by = _by_column(progress)
        tables.append(Table("groups", _by_title("participants", progress), (
            by, Column("participants", N_("participants"), Kind.NUMBER),
            Column("complete", N_("complete"), Kind.NUMBER), Column("attendance", N_("attendance"), Kind.NUMBER),
        ), tuple((group_cell(g.name, progress.by.value), g.participants, g.complete, Amount(g.attendance, "percent"))
                 for g in progress.groups), short=by.label))
    line = Message(N_("{complete} of {people} participants complete (as of {as_of})"),
                {"complete": progress.complete, "people": len(progress.participants), "as_of": progress.as_of})
    return Document("participants", N_("participants"), tables=tuple(tables), summary=(line,), **_header(progress))


def cohorts(overview: Overview) -> Document:
    """`mentoring cohorts`: one row per cohort, with its results met of total and its status."""
    columns = (
        Column("id", N_("id")),
        Column("curriculum", N_("curriculum")),
        Column("start", N_("start"), Kind.DATE),
        Column("end", N_("end"), Kind.DATE),
        Column("participants", N_("participants"), Kind.NUMBER),
        Column("results", N_("results met"), Kind.OF,
               parts=(("results_met", N_("results met")), ("results_total", N_("results")))),
        Column("status", N_("status"), Kind.STATUS),
    )
    rows = tuple((p.cohort, p.curriculum, p.start, p.end, len(p.participants), Of(p.results_met, len(p.results)), p.status)
                 for p in overview.cohorts)
    return Document("cohorts", N_("cohorts"), overview.as_of, (Table("cohorts", N_("cohorts"), columns, rows),),
                    figures=overview)


# --- follow-up actions, the reflection sheet, what is due --------------------------------------

# Action statuses as shown, for the catalog (an open action past its due date is "open, overdue").
_ACTION_STATUSES = [N_("open"), N_("done"), N_("dropped"), N_("open, overdue")]


def action_status(action: ActionState) -> str:
    """`open`, `done`, `dropped`, or `open, overdue`."""
    return "open, overdue" if action.overdue else action.status.value


def actions_summary(actions: Sequence[ActionState], as_of: dt.date, open_only: bool = False) -> Message:
    """`4 actions as of 2015-03-31: 2 open (1 overdue), 1 done, 1 dropped`."""
    if not actions:
        return Message(N_("No open actions as of {as_of}") if open_only else N_("No actions as of {as_of}"), {"as_of": as_of})
    overdue = sum(1 for a in actions if a.overdue)
    if open_only:
        if overdue:
            return Message(N_("{n} open action as of {as_of} ({overdue} overdue)"),
                           {"n": len(actions), "as_of": as_of, "overdue": overdue},
                           N_("{n} open actions as of {as_of} ({overdue} overdue)"))
        return Message(N_("{n} open action as of {as_of}"), {"n": len(actions), "as_of": as_of}, N_("{n} open actions as of {as_of}"))
    counts = Counter(a.status for a in actions)
    words = {ActionStatus.OPEN: N_("{n} open"), ActionStatus.DONE: N_("{n} done"), ActionStatus.DROPPED: N_("{n} dropped")}
    parts = [Message(N_("{n} open ({overdue} overdue)") if s is ActionStatus.OPEN and overdue else words[s],
                     {"n": counts[s], "overdue": overdue}) for s in ActionStatus if counts[s]]
    return Message(N_("{n} action as of {as_of}: {parts}"), {"n": len(actions), "as_of": as_of, "parts": parts},
                   N_("{n} actions as of {as_of}: {parts}"))


def _owner(action: ActionState) -> Optional[str]:
    return action.owner_name or action.owner


_ACTION_COLUMNS = (
    Column("id", N_("id")),
    Column("action", N_("action"), wide=True),
    Column("owner", N_("owner")),
    Column("due", N_("due"), Kind.DATE),
    Column("status", N_("status"), Kind.STATUS),
)


def actions(follow: FollowUp) -> Document:
    """`mentoring actions`: each action's id, text, owner, due date, status, results and cause."""
    columns = (*_ACTION_COLUMNS, Column("results", N_("results"), Kind.IDS), Column("cause", N_("cause"), wide=True))
    rows = tuple((a.id, a.text, _owner(a), a.due, action_status(a), a.results, a.cause) for a in follow.actions)
    tables = (Table("actions", N_("follow-up actions"), columns, rows, wrap=30),) if rows else ()
    return Document("actions", N_("follow-up actions"), follow.as_of, tables,
                    (actions_summary(follow.actions, follow.as_of, follow.open_only),), about=follow.about, figures=follow)


def plan_table(actions_: Sequence[ActionState], key: str = "plan", title: str = N_("actions agreed")) -> Table:
    """Actions as the reflection sheet lists them: id, what is to be done, owner, due, status."""
    columns = (Column("action", N_("action")), Column("text", N_("what is to be done"), wide=True), *_ACTION_COLUMNS[2:])
    return Table(key, title, columns, tuple((a.id, a.text, _owner(a), a.due, action_status(a)) for a in actions_))


def reflection_summary(sheet: Reflection) -> Message:
    """`3 of 9 results met; 4 actions as of ...: ...` (or `no action agreed as of ...`)."""
    every = {a.id: a for item in sheet.results for a in item.actions}
    every.update((a.id, a) for a in sheet.other_actions)
    met = sum(1 for item in sheet.results if item.figures.status == ResultStatus.MET)
    plan = actions_summary(list(every.values()), sheet.as_of) if every else Message(
        N_("no action agreed as of {as_of}"), {"as_of": sheet.as_of})
    return Message(N_("{met} of {total} results met; {plan}"), {"met": met, "total": len(sheet.results), "plan": plan})


def reflect(sheet: Reflection) -> Document:
    """`mentoring reflect` as one table (a spreadsheet's): each result's figures beside each action
    agreed for it, then the actions naming no result. The text and HTML sheets are laid out apart."""
    columns = (*_RESULT_COLUMNS[:2], *_RESULT_COLUMNS[3:], Column("causes", N_("causes"), Kind.IDS, wide=True),
               Column("action", N_("action")), Column("text", N_("what is to be done"), wide=True),
               Column("owner", N_("owner")), Column("action_due", N_("action due"), Kind.DATE),
               Column("action_status", N_("action status"), Kind.STATUS))
    rows = []
    for item in sheet.results:
        r = item.figures
        figures = (r.id, r.statement, Amount(r.target, r.unit), Amount(r.actual, r.unit), Amount(r.gap, r.unit),
                   r.status, r.due, item.causes)
        rows += [(*figures, a.id, a.text, _owner(a), a.due, action_status(a)) for a in item.actions] or [(*figures, *[None] * 5)]
    rows += [(*[None] * 8, a.id, a.text, _owner(a), a.due, action_status(a)) for a in sheet.other_actions]
    return Document("reflect", N_("reflection sheet"), sheet.as_of,
                    (Table("reflection", N_("reflection sheet"), columns, tuple(rows)),),
                    (reflection_summary(sheet),), about=sheet.about, figures=sheet)


# Kinds of item that need attention, for the catalog.
_DUE_KINDS = [N_("action"), N_("assignment"), N_("absent"), N_("silent"), N_("result")]
#: How many items of a kind, by kind: counted (`2 actions`) or not (`2 absent`).
_DUE_COUNTS = {
    DueKind.ACTION: (N_("{n} action"), N_("{n} actions")),
    DueKind.ASSIGNMENT: (N_("{n} assignment"), N_("{n} assignments")),
    DueKind.ABSENT: (N_("{n} absent"), None),
    DueKind.SILENT: (N_("{n} silent"), None),
    DueKind.RESULT: (N_("{n} result"), N_("{n} results")),
}


def lateness(days: int) -> Message:
    """`5 days late`, `due today`, `in 3 days`."""
    if days == 0:
        return Message(N_("due today"))
    if days > 0:
        return Message(N_("{n} day late"), {"n": days}, N_("{n} days late"))
    return Message(N_("in {n} day"), {"n": -days}, N_("in {n} days"))


def _count(n: int, one: str, many: str) -> Message:
    return Message(one, {"n": n}, many)


def due(listing: DueList) -> Document:
    """`mentoring due`: what needs attention, oldest first, and a summary of the rules applied."""
    rules = Message(N_("actions and assignments due within {within}, absent after {missed} missed, "
                       "silent after {silent} without a session"), {
        "within": _count(listing.within, N_("{n} day"), N_("{n} days")),
        "missed": _count(listing.missed, N_("{n} session"), N_("{n} sessions")),
        "silent": _count(listing.silent, N_("{n} day"), N_("{n} days"))})
    looked = _count(len(listing.cohorts), N_("{n} cohort"), N_("{n} cohorts"))
    if not listing.items:
        line = Message(N_("Nothing due as of {as_of} ({looked}; {rules})."), {"as_of": listing.as_of, "looked": looked, "rules": rules})
        return Document("due", N_("what is due"), listing.as_of, (), (line,), figures=listing)
    columns = (Column("due", N_("due"), Kind.DATE), Column("when", N_("when"), Kind.MESSAGE),
               Column("cohort", N_("cohort")), Column("kind", N_("kind"), Kind.WORD), Column("who", N_("who")),
               Column("what", N_("what"), Kind.MESSAGE, wide=True))
    rows = tuple((i.due, lateness(i.days_late), i.cohort, i.kind, i.who, i.sentence) for i in listing.items)
    kinds = Counter(i.kind for i in listing.items)
    counted = [Message(_DUE_COUNTS[k][0], {"n": kinds[k]}, _DUE_COUNTS[k][1]) for k in DueKind if kinds[k]]
    line = Message(N_("{n} item ({counted}) as of {as_of} in {looked}; {rules}."),
                   {"n": len(listing.items), "counted": counted, "as_of": listing.as_of, "looked": looked, "rules": rules},
                   N_("{n} items ({counted}) as of {as_of} in {looked}; {rules}."))
    return Document("due", N_("what is due"), listing.as_of, (Table("due", N_("what is due"), columns, rows),), (line,),
                    figures=listing)


# --- where a figure comes from -------------------------------------------------------------------


def _place(note: Any) -> str:
    """`path:line`, as a problem names a place."""
    return f"{note.path}:{note.line}" if note.line is not None else note.path


def _reason(note: Any) -> Any:
    """Why a record did not count (and what the reason is about); for a counted cadence output,
    the period it counted in."""
    if note.reason is None:
        return Message(N_("in the period from {start}"), {"start": dt.date.fromisoformat(note.detail)}) if note.detail else None
    return Message(N_("{reason}: {detail}"), {"reason": note.reason, "detail": note.detail}) if note.detail else note.reason


def _weight(note: Any, unit: str, split: bool) -> Any:
    """What a counted record added: a session's places attended of expected (an `Of`, for a
    column that splits them; else in words), else a number (in the result's unit, but a count for
    a percentage)."""
    if not note.counted:
        return None
    if isinstance(note.weight, Tally):
        done, total = int(note.weight.part), int(note.weight.whole)
        return Of(done, total) if split else Message(N_("{done} of {total}"), {"done": done, "total": total})
    return Amount(note.weight, "count" if unit == "percent" else unit)


_RECORD_COLUMNS = (
    Column("record", N_("record")),
    Column("date", N_("date"), Kind.DATE),
    Column("kind", N_("kind"), Kind.WORD),
    Column("what", N_("what"), Kind.MESSAGE),
    Column("counted", N_("counted"), Kind.YESNO),
)


def _records_table(lead: Optional[Column], lines: Sequence[tuple[Any, Any]], weight: Column, unit: str) -> Table:
    """Every record looked at, one a row (with what it is about in a first column, when given)."""
    columns = (*((lead,) if lead else ()), *_RECORD_COLUMNS, weight, Column("reason", N_("reason"), Kind.WORD))
    split = weight.kind is Kind.OF
    rows = tuple((*((label,) if lead else ()), _place(n), n.date, n.kind, n.what, n.counted, _weight(n, unit, split),
                  _reason(n)) for label, n in lines)
    return Table("records", N_("records looked at"), columns, rows)


def tally_line(records: Sequence[Any]) -> Message:
    """`14 records looked at: 12 counted; not counted: dated after as-of (1), outside the modules (1)`."""
    counted = sum(1 for n in records if n.counted)
    reasons = Counter(n.reason for n in records if n.reason is not None)
    looked = Message(N_("{n} record looked at: {counted} counted"), {"n": len(records), "counted": counted},
                     N_("{n} records looked at: {counted} counted"))
    if not reasons:
        return looked
    return Message(N_("{looked}; not counted: {reasons}"), {"looked": looked, "reasons": [
        Message(N_("{reason} ({n})"), {"reason": reason, "n": n}) for reason, n in reasons.items()]})


def figure_line(part: Any) -> Message:
    """`88.2% (60 of 68), target 80.0%: met`; a group's count has no target."""
    r = part.figures
    values = {"actual": Amount(r.actual, r.unit), "numerator": part.numerator, "denominator": part.denominator,
              "target": Amount(r.target, r.unit), "status": r.status}
    if part.numerator is None:
        text = N_("{actual}, target {target}: {status}") if r.target is not None else N_("{actual}")
    else:
        text = (N_("{actual} ({numerator} of {denominator}), target {target}: {status}") if r.target is not None
                else N_("{actual} ({numerator} of {denominator})"))
    return Message(text, values)


def explain(found: Any) -> Document:
    """`mentoring explain COHORT RESULT`: the figure and the rule above; the figure of each group
    (with `--by`), the closed periods (cadence) and every record the rule looked at, counted or not
    and why; then how many records counted."""
    whole = found.whole
    by = Column("group", _BY[found.by.value]) if found.by is not None else None
    parts = found.groups if by else (whole,)
    unit = whole.figures.unit
    tables = []
    if by:
        columns = (by, Column("actual", N_("actual"), Kind.NUMBER), Column("numerator", N_("numerator"), Kind.NUMBER),
                   Column("denominator", N_("denominator"), Kind.NUMBER), Column("status", N_("status"), Kind.STATUS))
        tables.append(Table("groups", N_("the figure by group"), columns, tuple(
            (name, Amount(p.actual, unit), p.numerator, p.denominator, p.figures.status)
            for name, p in [(Message(ALL), whole), *[(group_cell(g.group, found.by.value), g) for g in found.groups]])))
    if whole.periods:
        columns = (Column("from", N_("from"), Kind.DATE), Column("to", N_("to"), Kind.DATE),
                   Column("outputs", N_("outputs"), Kind.NUMBER), Column("enough", N_("enough"), Kind.YESNO))
        tables.append(Table("periods", N_("closed periods"), columns,
                            tuple((p.start, p.end, p.outputs, p.enough) for p in whole.periods)))
    weight = Column("weight", N_("weight"), Kind.OF, parts=(("attended", N_("attended")), ("expected", N_("places expected")))) \
        if found.measure == "attendance" else Column("weight", N_("weight"), Kind.NUMBER)
    lines = [(group_cell(p.group, found.by.value) if by else None, n) for p in parts for n in p.records]
    tables.append(_records_table(by, lines, weight, unit))
    lead = (Message(N_("{result}: {statement}"), {"result": found.result, "statement": found.statement}),
            Message(N_("{cohort} as of {as_of}: {figure}"), {"cohort": found.cohort, "as_of": found.as_of,
                                                                 "figure": figure_line(whole)}),
            Message(N_("Rule: {rule}."), {"rule": found.rule}))
    summary = tuple(Message(N_("{group}: {tally}"), {"group": group_cell(p.group, found.by.value), "tally": tally_line(p.records)})
                    for p in parts) if by else (tally_line(whole.records),)
    return Document("explain", N_("where a figure comes from"), found.as_of, tuple(tables), summary,
                    about=found.about, figures=found, lead=lead)


#: The kinds of requirement, marked for the catalog.
_REQUIREMENTS = (N_("assignment"), N_("attendance"), N_("competency"))


def _requirement(need: Any) -> Message:
    """`assignment first-post`, `attendance`, `competency website`."""
    if need.kind == "attendance":
        return Message(N_("attendance"))
    return Message(N_("{kind} {id}"), {"kind": Message(need.kind), "id": need.id})


def _needed(need: Any, value: Any) -> Optional[Message]:
    """A requirement's needed or reached value in words: a status word, a percentage, a level
    with its name (the default scale's names translated)."""
    if value is None:
        return None
    if need.kind == "attendance":
        return Message(N_("{percent}"), {"percent": Amount(value, "percent")})
    if need.kind == "competency":
        if not 0 <= value < len(need.scale):
            return Message(N_("{level}"), {"level": value})
        return Message(N_("{level} ({name})"), {"level": value, "name": Message(need.scale[value])})
    return Message(value.value)


def explain_participant(found: Any) -> Document:
    """`mentoring explain COHORT --participant ID`: each requirement of the completion rule, what
    it needs, what the participant reached and whether that meets it; then the records behind each."""
    columns = (Column("requirement", N_("requirement"), Kind.MESSAGE), Column("needed", N_("needed"), Kind.MESSAGE),
               Column("reached", N_("reached"), Kind.MESSAGE), Column("met", N_("met"), Kind.YESNO))
    needs = Table("requirements", N_("requirements"), columns, tuple(
        (_requirement(r), _needed(r, r.needed), _needed(r, r.reached), r.met) for r in found.requirements))
    lines = [(_requirement(r), n) for r in found.requirements for n in r.records]
    # An output adds 1, a session its places attended of expected, an assessment its level.
    records = _records_table(Column("requirement", N_("requirement"), Kind.MESSAGE), lines,
                             Column("weight", N_("weight"), Kind.NUMBER), "count")
    lead = (Message(N_("{participant} ({name}, {place}) of {cohort} as of {as_of}: complete {complete}"), {
                "participant": found.participant, "name": found.name, "place": f"{found.path}:{found.line}",
                "cohort": found.cohort, "as_of": found.as_of, "complete": found.complete}),
            Message(N_("Rule: {rule}."), {"rule": found.rule}))
    met = sum(1 for r in found.requirements if r.met)
    summary = (Message(N_("{met} of {n} requirement met"), {"met": met, "n": len(found.requirements)},
                       N_("{met} of {n} requirements met")),)
    return Document("explain_participant", N_("where a completion comes from"), found.as_of, (needs, records),
                    summary, about=found.about, figures=found, lead=lead)
