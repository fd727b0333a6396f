"""Where a cohort stands as of a date: pure figures from records, no I/O and no formatting.

`progress(cohort, curriculum, as_of)` reads every record once. Attendance over the sessions that
expect "every participant enrolled that day" is counted with sorted dates and bisection, never
with a loop of participants times sessions, so the cost grows with the number of records.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Callable, Optional

import attrs

from .model import (
    By,
    Cohort,
    CohortStatus,
    Completion,
    Curriculum,
    Measure,
    Output,
    Person,
    Result,
    ResultStatus,
    Session,
    Status,
    level_number,
)

NOT_STARTED, ON_TRACK, BEHIND, MET, MISSED = (ResultStatus.NOT_STARTED, ResultStatus.ON_TRACK, ResultStatus.BEHIND,
                                               ResultStatus.MET, ResultStatus.MISSED)


@attrs.frozen
class ResultFigures:
    """One expected result as of a date."""

    id: str
    """The result's id."""
    statement: str
    """The promise, in words."""
    measure: str
    """The measure's name."""
    unit: str
    """`count`, `hours` or `percent`: the unit of the target in force."""
    target: Optional[float]
    """The target in force: the cohort's override, else the curriculum's. In a group's figures a
    count target is None: it is the whole cohort's, and no share of it is promised to one group."""
    baseline: Optional[float]
    """As given in the curriculum."""
    actual: Optional[float]
    """The value reached; None when there is none yet."""
    gap: Optional[float]
    """max(target - actual, 0); None when the actual is."""
    status: Optional[ResultStatus]
    """not started, on track, behind, met or missed; None where the target is."""
    due: dt.date
    """The cohort's start plus the result's due_day, else the cohort's end."""


@attrs.frozen
class ParticipantFigures:
    """One participant as of a date."""

    id: str
    """The person's id."""
    name: str
    """The person's name."""
    group: Optional[str]
    """Their group."""
    organisation: Optional[str]
    """Their organisation."""
    attendance: Optional[float]
    """Percent of the sessions that expected them that they attended; None when none expected them."""
    assignments_done: int
    """Assignments of the completion rule done."""
    assignments_required: int
    """Assignments the completion rule names."""
    competencies: dict[str, int]
    """Competency id to the level of the latest assessment not by "self"."""
    self_assessed: dict[str, int]
    """Competency id to the level of the latest self-assessment."""
    complete: bool
    """Whether they meet the completion rule."""
    left: Optional[dt.date]
    """The day they left, if they did."""


@attrs.frozen
class GroupFigures:
    """The figures of one group of participants (`--by group` or `--by organisation`)."""

    name: str
    """The group's name ("" for participants with none)."""
    results: tuple[ResultFigures, ...]
    """Each result over the group's participants and the sessions that expected them."""
    participants: int
    """How many participants are in the group."""
    complete: int
    """How many of them complete."""
    attendance: Optional[float]
    """Attendance over the group's participants."""


@attrs.frozen
class Progress:
    """A cohort as of a date."""

    cohort: str
    """The cohort's id."""
    curriculum: str
    """Its curriculum's id."""
    as_of: dt.date
    """The date the figures are for."""
    status: CohortStatus
    """not started, running or ended."""
    start: dt.date
    """The cohort's start."""
    end: dt.date
    """The cohort's end."""
    results: tuple[ResultFigures, ...]
    """Every expected result, in the curriculum's order."""
    participants: tuple[ParticipantFigures, ...]
    """Every participant, in the cohort's order."""
    groups: tuple[GroupFigures, ...] = ()
    """The break-down asked for, if any."""
    by: Optional[By] = None
    """The participants' field the break-down is by."""
    competencies: tuple[str, ...] = ()
    """The curriculum's competency ids, in its order."""

    @property
    def results_met(self) -> int:
        """How many results are met."""
        return sum(1 for result in self.results if result.status == MET)

    @property
    def complete(self) -> int:
        """How many participants complete."""
        return sum(1 for participant in self.participants if participant.complete)


# --- the facts, gathered once ------------------------------------------------------------------


@attrs.frozen
class OutputState:
    """One output (all records sharing an id) as of a date."""

    participant: str
    kind: str
    assignment: Optional[str]
    date: dt.date
    """Its earliest record's date."""
    status: Status
    """Its latest record's status."""


class Enrolment:
    """Counts how many of a set of participants are enrolled on a day, by bisection."""

    def __init__(self, cohort: Cohort, people: Iterable[Person]):
        people = list(people)
        self.joined = sorted(p.joined or cohort.start for p in people)
        self.left = sorted(p.left for p in people if p.left is not None)

    def count(self, day: dt.date) -> int:
        """Participants enrolled on a day: joined on or before it, not left on or before it."""
        return bisect.bisect_right(self.joined, day) - bisect.bisect_right(self.left, day)


class Facts:
    """A cohort's records up to a date, gathered and ordered once."""

    def __init__(self, cohort: Cohort, cur: Curriculum, as_of: dt.date):
        self.cohort, self.cur, self.as_of = cohort, cur, as_of
        self.participants = cohort.participants
        self.by_id = {p.id: p for p in self.participants}
        self.sessions: list[Session] = []
        outputs: list[tuple[dt.date, Output]] = []
        assessments = []
        self.measured: dict[str, float] = {}
        measurements = []
        # Logs are sorted by path and records keep their file order, so a stable sort by date
        # breaks ties by file name, then by line, as FORMAT.md asks.
        for log in cohort.logs:
            self.sessions += [s for s in log.sessions if s.date <= as_of]
            outputs += [(o.date, o) for o in log.outputs if o.date <= as_of]
            assessments += [a for a in log.assessments if a.date <= as_of]
            measurements += [m for m in log.measurements if m.date <= as_of]
        outputs.sort(key=lambda pair: pair[0])
        assessments.sort(key=lambda a: a.date)
        measurements.sort(key=lambda m: m.date)
        for measurement in measurements:
            self.measured[measurement.result] = measurement.value
        self.outputs = self._merge(outputs)
        competencies = {c.id: c for c in cur.competencies}
        self.levels: dict[str, dict[str, int]] = defaultdict(dict)
        self.self_levels: dict[str, dict[str, int]] = defaultdict(dict)
        for assessment in assessments:
            competency = competencies.get(assessment.competency)
            level = level_number(competency, assessment.level) if competency else None
            if level is not None:
                table = self.self_levels if assessment.by == "self" else self.levels
                table[assessment.participant][assessment.competency] = level
        self.best: dict[tuple[str, str], int] = {}
        for output in self.outputs:
            if output.assignment is not None:
                key = (output.participant, output.assignment)
                self.best[key] = max(self.best.get(key, -1), output.status.rank)
        self.default_dates = sorted(s.date for s in self.sessions if s.expected is None)
        self.steady = cohort.enrolled_throughout()
        self.competencies = competencies
        self.needs = {a.id: a.min_status.rank for a in cur.assignments}
        self.attendance = self._attendance()

    @staticmethod
    def _merge(outputs: Sequence[tuple[dt.date, Output]]) -> list[OutputState]:
        """Outputs sharing an id become one: the earliest record's date, the latest record's status."""
        merged: dict[object, OutputState] = {}
        for n, (date, output) in enumerate(outputs):
            key = output.id if output.id is not None else n
            earlier = merged.get(key)
            if earlier is None:
                merged[key] = OutputState(output.participant, output.kind, output.assignment, date, output.status)
            else:
                merged[key] = attrs.evolve(earlier, status=output.status)
        return list(merged.values())

    # -- per participant

    def came(self, session: Session) -> set[str]:
        """The participants a session expected who attended it.

        Set operations do the work: participants enrolled on every day from the start on (most of
        them) are matched at once, and only the others are looked at one by one.
        """
        attended = set(session.attended)
        if session.expected is not None:
            return attended.intersection(session.expected)
        came, rest = (attended & self.steady, attended - self.steady) if session.date >= self.cohort.start else (set(), attended)
        came.update(ref for ref in rest if ref in self.by_id and self.cohort.enrolled(self.by_id[ref], session.date))
        return came

    def _attendance(self) -> dict[str, Optional[float]]:
        """Each participant's attendance, in percent (None when no session expected them)."""
        expected: Counter[str] = Counter()
        attended: Counter[str] = Counter()
        self.came_count: dict[int, int] = {}
        for session in self.sessions:
            if session.expected is not None:
                expected.update(session.expected)
            came = self.came(session)
            attended.update(came)
            self.came_count[id(session)] = len(came)
        out = {}
        for person in self.participants:
            joined = person.joined or self.cohort.start
            lo = bisect.bisect_left(self.default_dates, joined)
            hi = len(self.default_dates) if person.left is None else bisect.bisect_left(self.default_dates, person.left)
            total = expected[person.id] + max(hi - lo, 0)
            out[person.id] = 100 * attended[person.id] / total if total else None
        return out

    def assignments_named(self, rule: Completion) -> list[str]:
        """The assignment ids a completion rule names."""
        if rule.assignments is None:
            return []
        if isinstance(rule.assignments, str):
            return [a.id for a in self.cur.assignments if a.required]
        return list(rule.assignments)

    def assignments_done(self, participant: str, named: Iterable[str]) -> int:
        """How many of the named assignments a participant has done."""
        return sum(1 for a in named if self.best.get((participant, a), -1) >= self.needs.get(a, 99))

    def meets(self, person: Person, rule: Completion, attendance: Optional[float]) -> bool:
        """Whether a participant meets a completion rule."""
        named = self.assignments_named(rule)
        if self.assignments_done(person.id, named) < len(named):
            return False
        if rule.attendance is not None and (attendance is None or attendance < rule.attendance.value):
            return False
        levels = self.levels.get(person.id, {})
        for ref, least in rule.competencies.items():
            competency = self.competencies.get(ref)
            need = level_number(competency, least) if competency else None
            if need is None or levels.get(ref, -1) < need:
                return False
        return True


# --- results -----------------------------------------------------------------------------------


def _session_filter(result: Result) -> Callable[[Session], bool]:
    if not result.modules:
        return lambda session: True
    wanted = set(result.modules)
    return lambda session: not wanted.isdisjoint(session.modules)


def _output_filter(result: Result) -> Callable[[OutputState], bool]:
    kinds = set(result.kinds) if result.kinds is not None else None
    least = (result.min_status or Status.ACCEPTED).rank
    return lambda o: (
        o.status.rank >= least
        and (kinds is None or o.kind in kinds)
        and (result.assignment is None or o.assignment == result.assignment)
    )


class Scope:
    """The participants a figure is about (everyone, or one group), and the facts it reads."""

    def __init__(self, facts: Facts, members: Sequence[Person], whole: bool = False):
        self.facts = facts
        self.members = members
        self.ids = {p.id for p in members}
        self.whole = whole
        self.enrolment = Enrolment(facts.cohort, members)

    def expected_count(self, session: Session) -> int:
        """How many of the scope's participants a session expected."""
        if session.expected is not None:
            return sum(1 for ref in session.expected if ref in self.ids)
        return self.enrolment.count(session.date)

    def sessions(self, result: Optional[Result] = None) -> list[Session]:
        """Sessions that pass a result's filter and (for a group) expected one of its members."""
        keep = _session_filter(result) if result else (lambda s: True)
        return [s for s in self.facts.sessions if keep(s) and (self.whole or self.expected_count(s) > 0)]

    def outputs(self, result: Result) -> list[OutputState]:
        """Outputs that pass a result's filter, made by the scope's participants."""
        keep = _output_filter(result)
        return [o for o in self.facts.outputs if keep(o) and (self.whole or o.participant in self.ids)]

    def attendance_rate(self, sessions: Iterable[Session]) -> Optional[float]:
        """Expected people who attended over expected people, in percent; None when no one was expected."""
        came = expected = 0
        for session in sessions:
            expected += self.expected_count(session)
            if self.whole:
                came += self.facts.came_count[id(session)]
            else:
                came += len(self.facts.came(session) & self.ids)
        return 100 * came / expected if expected else None

    def completions(self, rule: Completion) -> int:
        """How many of the scope's participants meet a rule."""
        return sum(1 for p in self.members if self.facts.meets(p, rule, self.facts.attendance[p.id]))


def cadence(facts: Facts, scope: Scope, result: Result, due: dt.date) -> Optional[float]:
    """The share of closed periods holding at least per_period matching outputs, in percent."""
    every, first = result.every_days or 1, result.from_day or 0
    limit = (min(facts.as_of, due) - facts.cohort.start).days
    closed = max((limit - first + 1) // every, 0)
    if closed == 0:
        return None
    counts = [0] * closed
    for output in scope.outputs(result):
        day = (output.date - facts.cohort.start).days
        if day >= first and (day - first) // every < closed:
            counts[(day - first) // every] += 1
    return 100 * sum(1 for n in counts if n >= (result.per_period or 1)) / closed


def actual_of(facts: Facts, scope: Scope, result: Result, percent: bool, due: dt.date) -> Optional[float]:
    """A result's actual value over a scope."""
    measure = result.measure
    if measure is Measure.PARTICIPANTS:
        met = scope.completions(result.criteria or facts.cur.completion)
        if not percent:
            return met
        return 100 * met / len(scope.members) if scope.members else None
    if measure is Measure.OUTPUTS:
        return len(scope.outputs(result))
    if measure is Measure.SESSIONS:
        return len(scope.sessions(result))
    if measure is Measure.HOURS:
        return sum(s.hours for s in scope.sessions(result))
    if measure is Measure.ATTENDANCE:
        return scope.attendance_rate(scope.sessions(result))
    if measure is Measure.CADENCE:
        return cadence(facts, scope, result, due)
    # A measurement is of the whole cohort: no group has a share of it.
    return facts.measured.get(result.id) if scope.whole else None


def status_of(measure: Measure, target: float, actual: Optional[float], start: dt.date,
              due: dt.date, as_of: dt.date) -> ResultStatus:
    """A result's status by the rules of FORMAT.md, "Progress as of a date"."""
    if as_of < start:
        return NOT_STARTED
    if actual is None:
        return ON_TRACK if as_of < due else MISSED
    if measure.is_rate:
        if as_of >= due:
            return MET if actual >= target else MISSED
        return ON_TRACK if actual >= target else BEHIND
    if actual >= target:
        return MET
    if as_of >= due:
        return MISSED
    elapsed = 1.0 if due == start else (as_of - start).days / (due - start).days
    return ON_TRACK if actual >= target * elapsed else BEHIND


def result_figures(facts: Facts, scope: Scope, result: Result) -> ResultFigures:
    """One result's figures over a scope."""
    cohort = facts.cohort
    target = cohort.targets.get(result.id, result.target)
    due = cohort.start + dt.timedelta(days=result.due_day) if result.due_day is not None else cohort.end
    actual = actual_of(facts, scope, result, target.percent, due)
    judged = scope.whole or target.percent
    if result.measure is Measure.REPORTED:
        unit = "count"
    elif target.percent:
        unit = "percent"
    else:
        unit = "hours" if result.measure is Measure.HOURS else "count"
    return ResultFigures(
        id=result.id,
        statement=result.statement,
        measure=result.measure.value,
        unit=unit,
        target=target.value if judged else None,
        baseline=result.baseline,
        actual=actual,
        gap=None if actual is None or not judged else max(target.value - actual, 0),
        status=status_of(result.measure, target.value, actual, cohort.start, due, facts.as_of) if judged else None,
        due=due,
    )


def cohort_status(cohort: Cohort, as_of: dt.date) -> CohortStatus:
    """not started (as-of before start), running, or ended (as-of after end)."""
    if as_of < cohort.start:
        return CohortStatus.NOT_STARTED
    return CohortStatus.ENDED if as_of > cohort.end else CohortStatus.RUNNING


def progress(cohort: Cohort, cur: Curriculum, as_of: dt.date, by: Optional[By] = None) -> Progress:
    """A cohort's figures as of a date; `by` adds a break-down by that field of the participants."""
    by = By(by) if by is not None else None
    facts = Facts(cohort, cur, as_of)
    everyone = Scope(facts, facts.participants, whole=True)
    named = facts.assignments_named(cur.completion)
    people = []
    for person in facts.participants:
        attendance = facts.attendance[person.id]
        people.append(ParticipantFigures(
            id=person.id,
            name=person.name,
            group=person.group,
            organisation=person.organisation,
            attendance=attendance,
            assignments_done=facts.assignments_done(person.id, named),
            assignments_required=len(named),
            competencies=dict(facts.levels.get(person.id, {})),
            self_assessed=dict(facts.self_levels.get(person.id, {})),
            complete=facts.meets(person, cur.completion, attendance),
            left=person.left,
        ))
    groups = []
    if by is not None:
        members: dict[str, list[Person]] = defaultdict(list)
        for person in facts.participants:
            members[getattr(person, by.value) or ""].append(person)
        for name in sorted(members):
            scope = Scope(facts, members[name])
            groups.append(GroupFigures(
                name=name,
                results=tuple(result_figures(facts, scope, r) for r in cur.results),
                participants=len(scope.members),
                complete=scope.completions(cur.completion),
                attendance=scope.attendance_rate(scope.sessions()),
            ))
    return Progress(
        cohort=cohort.id,
        curriculum=cur.id,
        as_of=as_of,
        status=cohort_status(cohort, as_of),
        start=cohort.start,
        end=cohort.end,
        results=tuple(result_figures(facts, everyone, r) for r in cur.results),
        participants=tuple(people),
        groups=tuple(groups),
        by=by,
        competencies=tuple(c.id for c in cur.competencies),
    )
