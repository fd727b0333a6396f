"""One participant's records as of a date: the sessions that expected them or that they came to,
each assignment, each competency with its ratings, and each output with every record of it.

Pure, like `progress.py`, and read through the same `Facts`, so that an assignment is done here
exactly when the report counts it done, and a level is the one the report shows. Records keep
the order FORMAT.md gives them: by date, then by log file name, then by line.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

import attrs

from .model import Cohort, Curriculum, Person, Status, level_number
from .progress import Facts


@attrs.frozen
class SessionSeen:
    """A session that expected the participant, or that they came to."""

    date: dt.date
    """When it was held."""
    mentor: str
    """Id of the mentor or facilitator who held it."""
    hours: float
    """How long it lasted."""
    modules: tuple[str, ...]
    """The modules it covered."""
    expected: bool
    """Whether it expected the participant (named in `expected`, or enrolled that day by default)."""
    attended: bool
    """Whether the participant came."""
    path: str
    """The log it is in."""


@attrs.frozen
class OutputRecord:
    """One `[[output]]` record of an output."""

    date: dt.date
    """Its date."""
    status: Status
    """The status it gives."""
    title: str
    """The title it gives."""
    url: Optional[str]
    """Where it is published, if it says."""
    reviewed_by: Optional[str]
    """Who reviewed it, if it says."""
    notes: Optional[str]
    """Free text."""
    path: str
    """The log it is in."""


@attrs.frozen
class OutputHistory:
    """One output (every record sharing an id, or one record without id) and its history."""

    id: Optional[str]
    """The output's id; None for a single record without one."""
    kind: str
    """Its output kind's id."""
    assignment: Optional[str]
    """The assignment it answers, if any."""
    records: tuple[OutputRecord, ...]
    """Every record of it, oldest first."""

    @property
    def date(self) -> dt.date:
        """Its earliest record's date."""
        return self.records[0].date

    @property
    def status(self) -> Status:
        """Its latest record's status."""
        return self.records[-1].status

    @property
    def title(self) -> str:
        """Its latest record's title."""
        return self.records[-1].title


@attrs.frozen
class AssignmentState:
    """One assignment of the curriculum, for the participant."""

    id: str
    """The assignment's id."""
    title: str
    """Its title."""
    required: bool
    """Whether the completion rule names it."""
    due: Optional[dt.date]
    """The cohort's start plus its due_day, if it has one."""
    min_status: Status
    """The status an output for it must reach."""
    best: Optional[Status]
    """The highest status of the participant's outputs for it; None when they have none."""
    done: bool
    """Whether it is done, as the report counts it."""


@attrs.frozen
class Rating:
    """One `[[assessment]]` of the participant in a competency."""

    date: dt.date
    """Its date."""
    by: str
    """Who rated: a person's id, or "self"."""
    level: Optional[int]
    """The level on the competency's scale (None when the record's level is not on it)."""
    notes: Optional[str]
    """Free text."""
    path: str
    """The log it is in."""


@attrs.frozen
class CompetencyState:
    """One competency of the curriculum, for the participant."""

    id: str
    """The competency's id."""
    title: str
    """Its title."""
    levels: tuple[str, ...]
    """The scale's names, from level 0 upward."""
    level: Optional[int]
    """The level of the latest rating not by "self", as the report shows it; None when never rated."""
    self_level: Optional[int]
    """The level of the latest self-assessment."""
    ratings: tuple[Rating, ...]
    """Every rating, oldest first."""


@attrs.frozen
class History:
    """A participant's records as of a date."""

    cohort: str
    """The cohort's id."""
    person: Person
    """The participant."""
    as_of: dt.date
    """Records dated after it are left out."""
    sessions: tuple[SessionSeen, ...]
    """Sessions that expected them or that they came to, oldest first."""
    assignments: tuple[AssignmentState, ...]
    """Every assignment of the curriculum, in its order."""
    competencies: tuple[CompetencyState, ...]
    """Every competency of the curriculum, in its order."""
    outputs: tuple[OutputHistory, ...]
    """Their outputs, by the date of each one's earliest record."""


def _sessions(facts: Facts, person: Person) -> tuple[SessionSeen, ...]:
    cohort = facts.cohort
    out = []
    for log in cohort.logs:
        for session in log.sessions:
            if session.date > facts.as_of:
                continue
            if session.expected is not None:
                expected = person.id in session.expected
            else:
                expected = cohort.enrolled(person, session.date)
            attended = person.id in session.attended
            if expected or attended:
                out.append(SessionSeen(session.date, session.mentor, session.hours, session.modules,
                                       expected, attended, log.path))
    return tuple(sorted(out, key=lambda seen: seen.date))


def _outputs(facts: Facts, person: Person) -> tuple[OutputHistory, ...]:
    records = [(output, log.path) for log in facts.cohort.logs for output in log.outputs
               if output.participant == person.id and output.date <= facts.as_of]
    records.sort(key=lambda pair: pair[0].date)
    merged: dict[object, list] = {}
    for n, (output, path) in enumerate(records):
        merged.setdefault(output.id if output.id is not None else n, []).append((output, path))
    out = []
    for group in merged.values():
        first = group[0][0]
        out.append(OutputHistory(first.id, first.kind, first.assignment, tuple(
            OutputRecord(o.date, o.status, o.title, o.url, o.reviewed_by, o.notes, path) for o, path in group)))
    return tuple(out)


def _assignments(facts: Facts, person: Person) -> tuple[AssignmentState, ...]:
    named = set(facts.assignments_named(facts.cur.completion))
    out = []
    for assignment in facts.cur.assignments:
        due = facts.cohort.start + dt.timedelta(days=assignment.due_day) if assignment.due_day is not None else None
        out.append(AssignmentState(
            assignment.id, assignment.title, assignment.id in named, due, assignment.min_status,
            facts.best_status.get((person.id, assignment.id)), facts.assignments_done(person.id, [assignment.id]) == 1,
        ))
    return tuple(out)


def _competencies(facts: Facts, person: Person) -> tuple[CompetencyState, ...]:
    ratings = sorted(((a, log.path) for log in facts.cohort.logs for a in log.assessments
                      if a.participant == person.id and a.date <= facts.as_of), key=lambda pair: pair[0].date)
    out = []
    for competency in facts.cur.competencies:
        out.append(CompetencyState(
            competency.id, competency.title, competency.levels,
            facts.levels.get(person.id, {}).get(competency.id),
            facts.self_levels.get(person.id, {}).get(competency.id),
            tuple(Rating(a.date, a.by, level_number(competency, a.level), a.notes, path)
                  for a, path in ratings if a.competency == competency.id),
        ))
    return tuple(out)


def participant_history(cohort: Cohort, curriculum: Curriculum, person: Person, as_of: dt.date) -> History:
    """A participant's sessions, assignments, competencies and outputs as of a date."""
    facts = Facts(cohort, curriculum, as_of)
    return History(cohort.id, person, as_of, _sessions(facts, person), _assignments(facts, person),
                   _competencies(facts, person), _outputs(facts, person))
