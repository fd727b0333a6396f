"""Follow-up actions, the reflection sheet and what is due: pure values from records, no I/O.

- `action_states(cohort, as_of)`: every action as of a date. The records of one id are read in
  the order of outputs (by date, then log file name, then line); a key given on a later record
  replaces the earlier value, a key left out keeps it (FORMAT.md, `[[action]]`).
- `reflection(progress, actions)`: the sheet a facilitator prints for a CoRel meeting: each
  result's figures with the causes recorded for it and the actions that address it.
- `due_items(cohort, curriculum, as_of, ...)`: what needs someone's attention in one cohort, of
  the five kinds CLI.md lists ("what is due").

Everything reads each record once: the sessions that expect "everyone enrolled that day" are
found for a participant by bisection over their dates, never by a loop of participants times
sessions.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from typing import Optional

import attrs

from .i18n import N_, Message
from .model import Action, ActionStatus, Cohort, CohortStatus, Curriculum, Session, Word
from .progress import BEHIND, About, Facts, Progress, ResultFigures, Scope, cohort_status, result_figures

#: The defaults of `mentoring due` (CLI.md): days ahead, sessions missed in a row, days without a session.
WITHIN, MISSED, SILENT = 14, 2, 21


# --- actions -----------------------------------------------------------------------------------


@attrs.frozen
class ActionState:
    """One follow-up action as of a date: its records merged."""

    id: str
    """The action's id."""
    text: str
    """What is to be done."""
    owner: Optional[str]
    """Id of the person who does it; None when no record names one."""
    owner_name: Optional[str]
    """That person's name (None when there is no owner)."""
    due: Optional[dt.date]
    """By when; None when no record sets it."""
    results: tuple[str, ...]
    """Ids of the results it addresses."""
    cause: Optional[str]
    """Why the gap it addresses arose."""
    status: ActionStatus
    """open, done or dropped."""
    notes: Optional[str]
    """The latest notes given."""
    opened: dt.date
    """The date of its first record."""
    updated: dt.date
    """The date of its latest record (on or before the as-of date)."""
    overdue: bool
    """Open, and due before the as-of date."""


#: The keys of `[[action]]` a later record may replace.
_CARRIED = ("text", "owner", "due", "results", "cause", "status", "notes")


def action_records(cohort: Cohort, as_of: dt.date) -> list[Action]:
    """The cohort's `[[action]]` records dated on or before as_of, in the order of outputs.

    Logs are sorted by path and keep their records in file order, so a stable sort by date
    breaks ties by file name, then by line."""
    return sorted((a for log in cohort.logs for a in log.actions if a.date <= as_of), key=lambda a: a.date)


def action_states(cohort: Cohort, as_of: dt.date) -> tuple[ActionState, ...]:
    """Every action opened on or before as_of, ordered by the date it was opened, then as outputs are."""
    merged: dict[str, dict] = {}
    for record in action_records(cohort, as_of):
        state = merged.get(record.id)
        if state is None:
            state = merged[record.id] = {"opened": record.date, "status": ActionStatus.OPEN}
        state["updated"] = record.date
        for key in _CARRIED:
            value = getattr(record, key)
            if value is not None:
                state[key] = value
    names = {p.id: p.name for p in cohort.people}
    out = []
    for id_, state in merged.items():
        due, status = state.get("due"), state["status"]
        out.append(ActionState(
            id=id_,
            text=state.get("text") or "",
            owner=state.get("owner"),
            owner_name=names.get(state.get("owner")),
            due=due,
            results=tuple(state.get("results") or ()),
            cause=state.get("cause"),
            status=status,
            notes=state.get("notes"),
            opened=state["opened"],
            updated=state["updated"],
            overdue=status is ActionStatus.OPEN and due is not None and due < as_of,
        ))
    return tuple(out)


@attrs.frozen
class FollowUp:
    """A cohort's follow-up actions as of a date (`mentoring actions`)."""

    cohort: str
    """The cohort's id."""
    as_of: dt.date
    """The date the actions stand as of."""
    actions: tuple[ActionState, ...]
    """The actions, ordered by the date they were opened, then as outputs are."""
    open_only: bool = False
    """True when only the open actions are listed."""
    about: Optional[About] = None
    """What the cohort is, for a report's header."""

    @property
    def overdue(self) -> int:
        """How many of the actions listed are overdue."""
        return sum(1 for a in self.actions if a.overdue)


def follow_up(cohort: Cohort, as_of: dt.date, open_only: bool = False, about: Optional[About] = None) -> FollowUp:
    """A cohort's actions as of a date; only the open ones with `open_only`."""
    states = action_states(cohort, as_of)
    if open_only:
        states = tuple(a for a in states if a.status is ActionStatus.OPEN)
    return FollowUp(cohort.id, as_of, states, open_only, about)


# --- the reflection sheet ----------------------------------------------------------------------


@attrs.frozen
class ResultReflection:
    """One result on the reflection sheet."""

    figures: ResultFigures
    """Its target, actual, gap and status as of the date."""
    causes: tuple[str, ...]
    """The cause of every action naming it (oldest first), each action that gives one."""
    actions: tuple[ActionState, ...]
    """Every action naming it whatever its status, ordered by the date opened, then as outputs are."""


@attrs.frozen
class Reflection:
    """The sheet a facilitator prints for a reflection meeting (`mentoring reflect`)."""

    cohort: str
    """The cohort's id."""
    title: Optional[str]
    """The cohort's title."""
    as_of: dt.date
    """The date the figures and actions stand as of."""
    status: CohortStatus
    """not started, running or ended."""
    results: tuple[ResultReflection, ...]
    """Every expected result, in the curriculum's order."""
    other_actions: tuple[ActionState, ...] = ()
    """Actions that name no result of the curriculum (a plan for the organisation as a whole)."""
    about: Optional[About] = None
    """What the cohort is, for a report's header."""


def reflection(progress: Progress, actions: Sequence[ActionState], title: Optional[str] = None) -> Reflection:
    """The reflection sheet from a cohort's figures and its actions as of the same date."""
    naming: dict[str, list[ActionState]] = defaultdict(list)
    for action in actions:
        for ref in dict.fromkeys(action.results):  # a result named twice is addressed once
            naming[ref].append(action)
    known = {r.id for r in progress.results}
    rows = tuple(
        ResultReflection(r, tuple(a.cause for a in naming[r.id] if a.cause), tuple(naming[r.id]))
        for r in progress.results
    )
    others = tuple(a for a in actions if known.isdisjoint(a.results))
    return Reflection(progress.cohort, title, progress.as_of, progress.status, rows, others, progress.about)


# --- what is due -------------------------------------------------------------------------------


class DueKind(Word):
    """What kind of thing needs attention, in the order items of the same date are listed."""

    ACTION = "action"
    ASSIGNMENT = "assignment"
    ABSENT = "absent"
    SILENT = "silent"
    RESULT = "result"


_KIND_ORDER = {kind: n for n, kind in enumerate(DueKind)}
#: Who an item is about when it names no one (an action without an owner).
_NO_ONE = Message(N_("no one"))


@attrs.frozen
class DueItem:
    """One thing that needs someone's attention."""

    cohort: str
    """The cohort's id."""
    kind: DueKind
    """action, assignment, absent, silent or result."""
    who: Optional[str]
    """The person it is about (an action's owner, a participant, a mentor); None for a result and
    for an action with no owner."""
    due: dt.date
    """The date it fell or falls due."""
    days_late: int
    """The as-of date minus `due`, in days; negative when not yet due."""
    ref: Optional[str] = None
    """The id of the action, assignment or result; None for `absent` and `silent`."""
    title: Optional[str] = None
    """The action's text, the assignment's title or the result's statement."""
    name: Optional[str] = None
    """The name of the person `who` is."""
    since: Optional[dt.date] = None
    """`absent`: the first of the sessions missed; `silent`: the last session held."""
    count: Optional[int] = None
    """`absent`: how many sessions in a row were missed."""

    @property
    def sentence(self) -> Message:
        """What it is, in words to show in any language: the action, assignment or result by id
        and title, the person by name."""
        person = self.name or self.who or _NO_ONE
        if self.kind is DueKind.ACTION:
            return Message(N_("action {ref}: {title}"), {"ref": self.ref, "title": self.title})
        if self.kind is DueKind.ASSIGNMENT:
            return Message(N_('{person} has not done assignment {ref} "{title}"'),
                           {"person": person, "ref": self.ref, "title": self.title})
        if self.kind is DueKind.ABSENT:
            return Message(N_("{person} attended none of the last {n} sessions, from {since} to {due}"),
                           {"person": person, "n": self.count, "since": self.since, "due": self.due})
        if self.kind is DueKind.SILENT:
            return Message(N_("{person} has held no session since {since}"), {"person": person, "since": self.since})
        return Message(N_('result {ref} "{title}" is behind'), {"ref": self.ref, "title": self.title})

    @property
    def what(self) -> str:
        """The sentence in English, as JSON and CSV give it."""
        return self.sentence.english()

    @property
    def order(self) -> tuple:
        """By due, then cohort, kind (in DueKind's order), who (none first), then the id."""
        return (self.due, self.cohort, _KIND_ORDER[self.kind], self.who or "", self.ref or "")


@attrs.frozen
class DueList:
    """What needs attention across cohorts as of a date (`mentoring due`)."""

    as_of: dt.date
    """The date."""
    items: tuple[DueItem, ...]
    """Oldest first (see `DueItem.order`)."""
    cohorts: tuple[str, ...]
    """The cohorts looked at."""
    left_out: tuple[str, ...] = ()
    """Cohorts asked for that have errors, so were not looked at."""
    within: int = WITHIN
    """Actions and assignments due up to this many days after the as-of date are listed."""
    missed: int = MISSED
    """A participant is absent after missing this many sessions in a row."""
    silent: int = SILENT
    """A mentor is silent after this many days without a session."""


def _item(cohort: Cohort, kind: DueKind, who: Optional[str], due: dt.date, as_of: dt.date, **more) -> DueItem:
    return DueItem(cohort.id, kind, who, due, (as_of - due).days, **more)


def _due_actions(cohort: Cohort, as_of: dt.date, horizon: dt.date) -> Iterable[DueItem]:
    for action in action_states(cohort, as_of):
        if action.status is ActionStatus.OPEN and action.due is not None and action.due <= horizon:
            yield _item(cohort, DueKind.ACTION, action.owner, action.due, as_of,
                        ref=action.id, title=action.text, name=action.owner_name)


def _due_assignments(facts: Facts, horizon: dt.date) -> Iterable[DueItem]:
    cohort, cur, as_of = facts.cohort, facts.cur, facts.as_of
    named = set(facts.assignments_named(cur.completion))
    enrolled = [p for p in cohort.participants if cohort.enrolled(p, as_of)]
    for assignment in cur.assignments:
        if assignment.id not in named or assignment.due_day is None:
            continue
        due = cohort.start + dt.timedelta(days=assignment.due_day)
        if due > horizon:
            continue
        for person in enrolled:
            if facts.best.get((person.id, assignment.id), -1) < facts.needs[assignment.id]:
                yield _item(cohort, DueKind.ASSIGNMENT, person.id, due, as_of,
                            ref=assignment.id, title=assignment.title, name=person.name)


def _due_absent(facts: Facts, sessions: Sequence[Session], missed: int) -> Iterable[DueItem]:
    """Enrolled participants who attended none of the last `missed` sessions that expected them.

    A participant's sessions are the explicit ones naming them (the last `missed` kept as the
    sessions are read) and the default ones dated from their joining on: a range of the default
    sessions' dates, found by bisection, whose tail is all we need."""
    cohort, as_of = facts.cohort, facts.as_of
    default = [n for n, s in enumerate(sessions) if s.expected is None]
    default_dates = [sessions[n].date for n in default]
    named: dict[str, deque[int]] = defaultdict(lambda: deque(maxlen=missed))
    for n, session in enumerate(sessions):
        for ref in dict.fromkeys(session.expected or ()):
            named[ref].append(n)
    attended = [frozenset(s.attended) for s in sessions]
    for person in cohort.participants:
        if not cohort.enrolled(person, as_of):
            continue
        # Every session read is on or before as_of, before the day an enrolled participant leaves.
        lo = bisect.bisect_left(default_dates, person.joined or cohort.start)
        mine = sorted({*default[max(lo, len(default) - missed):], *named.get(person.id, ())})[-missed:]
        if len(mine) < missed or any(person.id in attended[n] for n in mine):
            continue
        yield _item(cohort, DueKind.ABSENT, person.id, sessions[mine[-1]].date, as_of,
                    name=person.name, since=sessions[mine[0]].date, count=missed)


def _due_silent(facts: Facts, sessions: Sequence[Session], silent: int) -> Iterable[DueItem]:
    """Mentors and facilitators (not gone) whose last session is `silent` days or more ago (in a
    cohort without errors only they hold sessions)."""
    cohort, as_of = facts.cohort, facts.as_of
    last: dict[str, dt.date] = {}
    for session in sessions:
        last[session.mentor] = max(session.date, last.get(session.mentor, session.date))
    for person in cohort.people:
        held = last.get(person.id)
        if held is None or (person.left is not None and person.left <= as_of):
            continue
        due = held + dt.timedelta(days=silent)
        if due <= as_of:
            yield _item(cohort, DueKind.SILENT, person.id, due, as_of, name=person.name, since=held)


def _due_results(facts: Facts) -> Iterable[DueItem]:
    everyone = Scope(facts, facts.participants, whole=True)
    for result in facts.cur.results:
        figures = result_figures(facts, everyone, result)
        if figures.status == BEHIND:
            yield _item(facts.cohort, DueKind.RESULT, None, figures.due, facts.as_of,
                        ref=result.id, title=result.statement)


def due_items(cohort: Cohort, cur: Curriculum, as_of: dt.date, within: int = WITHIN,
              missed: int = MISSED, silent: int = SILENT) -> list[DueItem]:
    """What needs attention in one cohort as of a date, in no particular order.

    Actions are listed whatever the cohort's status; assignments, absences, silent mentors and
    results behind only while the cohort runs (start <= as_of <= end)."""
    horizon = as_of + dt.timedelta(days=within)
    items = list(_due_actions(cohort, as_of, horizon))
    if cohort_status(cohort, as_of) is not CohortStatus.RUNNING:
        return items
    facts = Facts(cohort, cur, as_of)
    # Facts keeps each log's sessions in file order, logs by path: a stable sort by date gives
    # the order of outputs.
    sessions = sorted(facts.sessions, key=lambda s: s.date)
    items += _due_assignments(facts, horizon)
    items += _due_absent(facts, sessions, missed)
    items += _due_silent(facts, sessions, silent)
    items += _due_results(facts)
    return items
