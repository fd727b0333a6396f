"""Where a cohort stands as of a date: pure figures from records, no I/O and no formatting.

`progress(cohort, curriculum, as_of)` reads every record once. Attendance over the sessions that
expect "every participant enrolled that day" is counted with sorted dates and bisection, never
with a loop of participants times sessions, so the cost grows with the number of records.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Callable, Optional, Union

import attrs

from .errors import UsageError
from .ledger import Ledger, Reason, Refusal
from .model import (
    Assessment,
    By,
    Cohort,
    CohortStatus,
    Completion,
    Curriculum,
    Measure,
    Measurement,
    Output,
    PeriodKind,
    Person,
    Quantity,
    Result,
    ResultStatus,
    Session,
    Status,
    level_number,
)

NOT_STARTED, ON_TRACK, BEHIND, MET, MISSED = (ResultStatus.NOT_STARTED, ResultStatus.ON_TRACK, ResultStatus.BEHIND,
                                               ResultStatus.MET, ResultStatus.MISSED)


@attrs.frozen
class PeriodFigures:
    """One expected result over one reporting period (FORMAT.md, "Periods")."""

    start: dt.date
    """The period's first day (the cohort's or programme's start for the first period)."""
    end: dt.date
    """The day the figures are as of: the period's last day, or the as-of date when earlier."""
    actual: Optional[float]
    """The actual as of `end` (cumulative); None when empty."""
    change: Optional[float]
    """What the period added: for counts the actual at `end` minus the actual the day before
    `start`; for attendance the attendance over the period's own sessions; None for cadence."""
    expected: Optional[float]
    """What the status rule holds the actual against at `end`: target x elapsed for counts, the
    target for rates; None where there is no target (a group's count)."""
    status: Optional[ResultStatus]
    """The status as of `end`; None where there is no target."""


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
    periods: tuple[PeriodFigures, ...] = ()
    """Its figures per reporting period, when periods were asked for."""
    expected: Optional[float] = None
    """The pace: what the status rule holds the actual against as of the date (target x elapsed for
    a count, the target for a rate); None where there is no target (a group's count)."""
    projected: Optional[float] = None
    """Where the pace so far leads by the due date (actual / elapsed), for a count with a count
    target strictly between the start and the due date; None otherwise, or when the actual is."""


@attrs.frozen
class Requirement:
    """One thing a completion rule asks of each participant."""

    kind: str
    """`assignment`, `attendance` or `competency`."""
    id: str
    """The assignment's or competency's id; `attendance` for attendance."""
    title: str
    """The assignment's or competency's title; "" for attendance."""
    needed: Union[Status, float, int, None]
    """The least status of the assignment's output, the least attendance in percent, or the least
    level number (None where the rule names an assignment or a level that does not exist)."""


@attrs.frozen
class Reached:
    """Where one participant stands on one requirement."""

    reached: Union[Status, float, int, None]
    """The best status of their outputs for the assignment, their attendance in percent, or their
    level number; None when there is none."""
    met: bool
    """Whether it is at least what is needed."""


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
    reached: tuple[Reached, ...] = ()
    """Where they stand on each requirement of the completion rule (`Progress.requirements`, in order)."""


@attrs.frozen
class GroupFigures:
    """The figures of one group of participants (`--by group` or `--by organisation`)."""

    name: Optional[str]
    """The value of the field the participants share; None for those in whom it is not recorded."""
    results: tuple[ResultFigures, ...]
    """Each result over the group's participants and the sessions that expected them."""
    participants: int
    """How many participants are in the group."""
    complete: int
    """How many of them complete."""
    attendance: Optional[float]
    """Attendance over the group's participants."""


@attrs.frozen
class About:
    """What a report's header says about a cohort: facts from its files, no figure."""

    title: str
    """The cohort's title, else its curriculum's, else its id."""
    curriculum_title: str = ""
    """The curriculum's title."""
    organisation: Optional[str] = None
    """Who runs it: the cohort's organisation, else the curriculum's."""
    funder: Optional[str] = None
    """Who pays for it."""
    location: Optional[str] = None
    """Where it runs."""
    start: Optional[dt.date] = None
    """Its first day."""
    end: Optional[dt.date] = None
    """Its last day."""


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
    period: Optional[PeriodKind] = None
    """The kind of reporting period each result's `periods` are, when asked for."""
    scales: dict[str, tuple[str, ...]] = attrs.Factory(dict)
    """Competency id to the names of its levels, from level 0 up."""
    requirements: tuple[Requirement, ...] = ()
    """What the completion rule asks of each participant, in the rule's order: assignments,
    attendance, competencies."""
    about: About = attrs.Factory(lambda: About(title=""))
    """What the cohort is, for a report's header."""

    @property
    def results_met(self) -> int:
        """How many results are met."""
        return sum(1 for result in self.results if result.status == MET)

    @property
    def complete(self) -> int:
        """How many participants complete."""
        return sum(1 for participant in self.participants if participant.complete)


@attrs.frozen
class Overview:
    """Every cohort fit to report on, as of a date (`mentoring cohorts`)."""

    as_of: dt.date
    """The date the figures are for."""
    cohorts: tuple[Progress, ...]
    """Each cohort's figures, in cohort id order."""


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
    record: Output
    """Its latest record (as of the date): the one that gives its status."""


@attrs.frozen
class Tally:
    """An actual before it is a figure: a count or a sum, or a rate's two parts. Rates keep their
    parts so that a programme can pool them (all attended over all expected), not average them."""

    value: Optional[float] = None
    """A count or a sum; None when empty (no measurement yet). Unused for a rate."""
    part: float = 0
    """A rate's numerator: people who attended, participants who meet the criteria, periods that hold enough."""
    whole: float = 0
    """A rate's denominator: people expected, participants, closed periods."""
    rate: bool = False
    """Whether this is a rate (a percentage of whole), not a count."""

    @property
    def actual(self) -> Optional[float]:
        """The figure: the count, or the rate in percent (None when the whole is 0)."""
        if self.rate:
            return 100 * self.part / self.whole if self.whole else None
        return self.value

    def __add__(self, other: Tally) -> Tally:
        """Two tallies pooled: counts summed (empty adds nothing), rates' parts summed."""
        if self.rate:
            return Tally(part=self.part + other.part, whole=self.whole + other.whole, rate=True)
        if other.value is None or self.value is None:
            return self if other.value is None else other
        return Tally(self.value + other.value)

    def __sub__(self, other: Tally) -> Tally:
        """What was added since `other`, an earlier tally of the same figure (a rate's parts)."""
        if self.rate:
            return Tally(part=self.part - other.part, whole=self.whole - other.whole, rate=True)
        return Tally(None if self.value is None else self.value - (other.value or 0))


def ratio(part: float, whole: float) -> Tally:
    """A rate's tally."""
    return Tally(part=part, whole=whole, rate=True)


class Enrolment:
    """Counts how many of a set of participants are enrolled on a day, by bisection."""

    def __init__(self, cohort: Cohort, people: Iterable[Person]):
        people = list(people)
        self.joined = sorted(p.joined or cohort.start for p in people)
        self.left = sorted(p.left for p in people if p.left is not None)

    def count(self, day: dt.date) -> int:
        """Participants enrolled on a day: joined on or before it, not left on or before it."""
        return bisect.bisect_right(self.joined, day) - bisect.bisect_right(self.left, day)


class Criteria:
    """A completion rule (or a `participants` result's criteria) made ready to test participants
    many times: assignment ids with the status rank each needs, the least attendance, and the
    competency levels as numbers (None for a level not on the scale, which no one reaches).

    A participant's first unmet requirement, in the rule's order (assignments, attendance,
    competencies), is what `unmet` gives; met means none is."""

    def __init__(self, rule: Completion, cur: Curriculum):
        assignments = {a.id: a for a in cur.assignments}
        competencies = {c.id: c for c in cur.competencies}
        self.named = assignments_named(rule, cur)
        self.assignments = [(a, assignments[a].min_status.rank if a in assignments else None) for a in self.named]
        self.attendance = rule.attendance.value if rule.attendance is not None else None
        self.competencies = [
            (ref, level_number(competencies[ref], least) if ref in competencies else None)
            for ref, least in rule.competencies.items()
        ]
        self.requirements = (
            *(Requirement("assignment", a, assignments[a].title if a in assignments else a,
                          assignments[a].min_status if a in assignments else None) for a in self.named),
            *((Requirement("attendance", "attendance", "", self.attendance),) if self.attendance is not None else ()),
            *(Requirement("competency", ref, competencies[ref].title if ref in competencies else ref, need)
              for ref, need in self.competencies),
        )
        """What the rule asks, in its order: assignments, attendance, competencies."""

    def reached(self, person: str, best: Mapping[tuple[str, str], Status], levels: Mapping[str, Mapping[str, int]],
                attendance: Optional[float]) -> tuple[Reached, ...]:
        """Where a participant stands on each requirement (in `requirements`' order), by the same
        tests as `holds` and `attends`; `best` is the best status of their outputs for each assignment."""
        mine = levels.get(person, {})
        out = []
        for assignment, need in self.assignments:
            status = best.get((person, assignment))
            out.append(Reached(status, enough(-1 if status is None else status.rank, need)))
        if self.attendance is not None:
            out.append(Reached(attendance, self.attends(attendance)))
        for ref, need in self.competencies:
            out.append(Reached(mine.get(ref), enough(mine.get(ref, -1), need)))
        return tuple(out)

    def met(self, person: str, best: Mapping[tuple[str, str], int], levels: Mapping[str, Mapping[str, int]],
            attendance: Optional[float]) -> bool:
        """Whether a participant meets the rule, given the best status rank of their outputs for
        each assignment, their mentor-assessed levels and their attendance."""
        return self.unmet(person, best, levels, attendance) is None

    def unmet(self, person: str, best: Mapping[tuple[str, str], int], levels: Mapping[str, Mapping[str, int]],
              attendance: Optional[float]) -> Refusal:
        """A participant's first unmet requirement (its reason and id), or None when they meet the rule."""
        return (self._undone(person, best)
                or (None if self.attends(attendance) else Reason.ATTENDANCE_BELOW)
                or self._below(person, levels))

    def holds(self, person: str, best: Mapping[tuple[str, str], int], levels: Mapping[str, Mapping[str, int]]) -> bool:
        """Whether a participant meets the rule's assignments and competency levels (attendance aside)."""
        return self._undone(person, best) is None and self._below(person, levels) is None

    def _undone(self, person: str, best: Mapping[tuple[str, str], int]) -> Refusal:
        """The first assignment of the rule a participant has not done (its reason and id)."""
        for assignment, need in self.assignments:
            if not enough(best.get((person, assignment), -1), need):
                return Reason.ASSIGNMENT_NOT_DONE, assignment
        return None

    def _below(self, person: str, levels: Mapping[str, Mapping[str, int]]) -> Refusal:
        """The first competency of the rule a participant is below the level of (its reason and id)."""
        if not self.competencies:
            return None
        mine = levels.get(person, {})
        for ref, need in self.competencies:
            if not enough(mine.get(ref, -1), need):
                return Reason.LEVEL_BELOW, ref
        return None

    def attends(self, attendance: Optional[float]) -> bool:
        """Whether an attendance meets the rule's least attendance (any does when it names none)."""
        return self.attendance is None or (attendance is not None and attendance >= self.attendance)


def enough(reached: int, need: Optional[int]) -> bool:
    """Whether a rank or a level reached (-1 for none) is at least the one needed (None: one that
    does not exist, which no one reaches)."""
    return need is not None and reached >= need


def assignments_named(rule: Completion, cur: Curriculum) -> list[str]:
    """The assignment ids a completion rule names."""
    if rule.assignments is None:
        return []
    if isinstance(rule.assignments, str):
        return [a.id for a in cur.assignments if a.required]
    return list(rule.assignments)


def attendance_percent(attended: int, expected: int) -> Optional[float]:
    """Attended over expected, in percent; None when no one was expected."""
    return 100 * attended / expected if expected else None


class Facts:
    """A cohort's records up to a date, gathered and ordered once.

    Records keep their date order: logs are sorted by path and records keep their file order, so
    a stable sort by date breaks ties by file name, then by line, as FORMAT.md asks. The records
    themselves stay (sessions, output_records, assessments, measurements), so that figures at
    earlier dates (periods) can be read from them in one sweep."""

    def __init__(self, cohort: Cohort, cur: Curriculum, as_of: dt.date, ledger: Optional[Ledger] = None):
        self.cohort, self.cur, self.as_of = cohort, cur, as_of
        self.ledger = ledger
        """Where the decisions about records that hold for every figure are noted, when asked:
        left out for their date, superseded by a later record of the same output, measurement
        or competency."""
        self.participants = cohort.participants
        self.by_id = {p.id: p for p in self.participants}
        self.sessions: list[Session] = []
        outputs: list[Output] = []
        self.assessments: list[Assessment] = []
        self.measurements: list[Measurement] = []
        later: Optional[list] = [] if ledger is not None else None
        for log in cohort.logs:
            for records, into in ((log.sessions, self.sessions), (log.outputs, outputs),
                                  (log.assessments, self.assessments), (log.measurements, self.measurements)):
                # A record dated after as_of is left out (with a ledger, kept in `later`: append gives None).
                into += [r for r in records if r.date <= as_of or (later is not None and later.append(r))]
        if ledger is not None:
            ledger.skip_all(later, Reason.AFTER)
        self.sessions.sort(key=lambda s: s.date)
        outputs.sort(key=lambda o: o.date)
        self.assessments.sort(key=lambda a: a.date)
        self.measurements.sort(key=lambda m: m.date)
        self.measured_by: dict[str, Measurement] = {}
        """Each result's latest measurement, which gives its value."""
        for measurement in self.measurements:
            earlier = self.measured_by.get(measurement.result)
            if earlier is not None and ledger is not None:
                ledger.skip(earlier, Reason.LATER_MEASUREMENT)
            self.measured_by[measurement.result] = measurement
        self.output_records = outputs
        """Every output record in date order."""
        self.output_keys: list[object] = [o.id if o.id is not None else n for n, o in enumerate(outputs)]
        """Which output each record is about: its id, or its place for an output without one."""
        self.outputs = self._merge(outputs, self.output_keys, ledger)
        self.competencies = {c.id: c for c in cur.competencies}
        self.levels: dict[str, dict[str, int]] = defaultdict(dict)
        self.self_levels: dict[str, dict[str, int]] = defaultdict(dict)
        self.rated: dict[tuple[str, str], Assessment] = {}
        """With a ledger: the assessment that gives each (participant, competency) its level."""
        for assessment in self.assessments:
            level = self.level(assessment)
            if level is not None:
                table = self.self_levels if assessment.by == "self" else self.levels
                table[assessment.participant][assessment.competency] = level
                if ledger is not None:
                    self._rate(ledger, assessment)
        self.best: dict[tuple[str, str], int] = {}
        """The best status rank of a participant's outputs for an assignment."""
        self.best_status: dict[tuple[str, str], Status] = {}
        """The status that rank is (the first of that rank), to show."""
        for output in self.outputs:
            if output.assignment is not None:
                key = (output.participant, output.assignment)
                if output.status.rank > self.best.get(key, -1):
                    self.best[key], self.best_status[key] = output.status.rank, output.status
        self.default_dates = [s.date for s in self.sessions if s.expected is None]
        self.steady = cohort.enrolled_throughout()
        self.needs = {a.id: a.min_status.rank for a in cur.assignments}
        self._criteria: dict[int, Criteria] = {}
        self.came_of: dict[int, set[str]] = {id(s): self.came(s) for s in self.sessions}
        """Each session's (by its id()) expected participants who attended."""
        self.attendance = self._attendance()
        self._dates: Optional[tuple[dict[str, list[dt.date]], dict[str, list[dt.date]]]] = None

    @staticmethod
    def _merge(outputs: Sequence[Output], keys: Sequence[object], ledger: Optional[Ledger] = None) -> list[OutputState]:
        """Outputs sharing an id become one: the earliest record's date, the latest record's status
        (each earlier record noted as superseded, with a ledger)."""
        merged: dict[object, OutputState] = {}
        for key, output in zip(keys, outputs):
            earlier = merged.get(key)
            if earlier is None:
                merged[key] = OutputState(output.participant, output.kind, output.assignment, output.date,
                                          output.status, output)
            else:
                if ledger is not None:
                    ledger.skip(earlier.record, Reason.SUPERSEDED)
                merged[key] = attrs.evolve(earlier, status=output.status, record=output)
        return list(merged.values())

    def _rate(self, ledger: Ledger, assessment: Assessment) -> None:
        """Note a rating: a self-assessment never counts; a mentor's supersedes the earlier one."""
        if assessment.by == "self":
            ledger.skip(assessment, Reason.SELF_ASSESSED)
            return
        key = (assessment.participant, assessment.competency)
        if key in self.rated:
            ledger.skip(self.rated[key], Reason.LATER_ASSESSMENT)
        self.rated[key] = assessment

    def level(self, assessment: Assessment) -> Optional[int]:
        """An assessment's level as a number on its competency's scale (None when off the scale)."""
        competency = self.competencies.get(assessment.competency)
        return level_number(competency, assessment.level) if competency else None

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

    def default_expected(self, person: Person, until: Optional[dt.date] = None) -> int:
        """How many sessions expecting everyone enrolled expected a participant (up to a day)."""
        dates = self.default_dates
        lo = bisect.bisect_left(dates, person.joined or self.cohort.start)
        hi = len(dates) if until is None else bisect.bisect_right(dates, until)
        if person.left is not None:
            hi = min(hi, bisect.bisect_left(dates, person.left))
        return max(hi - lo, 0)

    def _attendance(self) -> dict[str, Optional[float]]:
        """Each participant's attendance, in percent (None when no session expected them)."""
        expected: Counter[str] = Counter()
        attended: Counter[str] = Counter()
        for session in self.sessions:
            if session.expected is not None:
                expected.update(session.expected)
            attended.update(self.came_of[id(session)])
        return {p.id: attendance_percent(attended[p.id], expected[p.id] + self.default_expected(p))
                for p in self.participants}

    def attendance_on(self, person: Person, day: dt.date) -> Optional[float]:
        """A participant's attendance as of a day (on or before the as-of date), by bisection in
        the dates of the sessions that named them in `expected` and of those they attended (both
        gathered on the first call)."""
        if self._dates is None:
            named: dict[str, list[dt.date]] = defaultdict(list)
            attended: dict[str, list[dt.date]] = defaultdict(list)
            for session in self.sessions:
                for ref in session.expected or ():
                    named[ref].append(session.date)
                for ref in self.came_of[id(session)]:
                    attended[ref].append(session.date)
            self._dates = (named, attended)
        named, attended = self._dates
        came = bisect.bisect_right(attended.get(person.id, ()), day)
        expected = bisect.bisect_right(named.get(person.id, ()), day) + self.default_expected(person, day)
        return attendance_percent(came, expected)

    def criteria(self, rule: Completion) -> Criteria:
        """A rule made ready to test participants (made once per rule)."""
        made = self._criteria.get(id(rule))
        if made is None:
            made = self._criteria[id(rule)] = Criteria(rule, self.cur)
        return made

    def assignments_named(self, rule: Completion) -> list[str]:
        """The assignment ids a completion rule names."""
        return self.criteria(rule).named

    def assignments_done(self, participant: str, named: Iterable[str]) -> int:
        """How many of the named assignments a participant has done."""
        return sum(1 for a in named if self.best.get((participant, a), -1) >= self.needs.get(a, 99))

    def meets(self, person: Person, rule: Completion, attendance: Optional[float]) -> bool:
        """Whether a participant meets a completion rule."""
        return self.criteria(rule).met(person.id, self.best, self.levels, attendance)


# --- results -----------------------------------------------------------------------------------


def output_refusal(result: Result, scope: Optional[Scope] = None) -> Callable[[Any], Refusal]:
    """Why an output does not count for a result, status aside: another kind, another assignment,
    or (for a group) made outside it; None when it passes. Takes an OutputState or an Output
    record (records of one output agree on these)."""
    kinds = set(result.kinds) if result.kinds is not None else None
    assignment = result.assignment
    members = None if scope is None or scope.whole else scope.ids

    def why(o: Any) -> Refusal:
        if kinds is not None and o.kind not in kinds:
            return Reason.OTHER_KIND
        if assignment is not None and o.assignment != assignment:
            return Reason.OTHER_ASSIGNMENT
        if members is not None and o.participant not in members:
            return Reason.OUTSIDE_GROUP
        return None

    return why


def output_filter(result: Result, scope: Optional[Scope] = None) -> Callable[[Any], bool]:
    """What makes an output count for a result, status aside (`output_refusal` gives no reason)."""
    why = output_refusal(result, scope)
    return lambda o: why(o) is None


def least_status(result: Result) -> int:
    """The least status rank an output needs to count for a result (accepted by default)."""
    return (result.min_status or Status.ACCEPTED).rank


def _record_of(output: OutputState) -> Output:
    return output.record


class Scope:
    """The participants a figure is about (everyone, or one group), and the facts it reads.

    With a `ledger`, every decision the scope makes about a record is noted there: why a session
    or an output is left out, and what each one that counts adds (`tally_of` notes the weights)."""

    def __init__(self, facts: Facts, members: Sequence[Person], whole: bool = False, ledger: Optional[Ledger] = None):
        self.facts = facts
        self.members = members
        self.ids = {p.id for p in members}
        self.whole = whole
        self.enrolment = Enrolment(facts.cohort, members)
        self.ledger = ledger

    def expected_count(self, session: Session) -> int:
        """How many of the scope's participants a session expected."""
        if session.expected is not None:
            return sum(1 for ref in session.expected if ref in self.ids)
        return self.enrolment.count(session.date)

    def came_count(self, session: Session) -> int:
        """How many of the scope's participants a session expected and they attended."""
        came = self.facts.came_of[id(session)]
        return len(came) if self.whole else len(came & self.ids)

    def _session_refusal(self, result: Optional[Result]) -> Optional[Callable[[Session], Refusal]]:
        """Why a session does not count for a result over the scope (outside the result's modules,
        or, for a group, expecting none of it); None when every session counts."""
        wanted = set(result.modules) if result is not None and result.modules else None
        if wanted is None and self.whole:
            return None

        def why(session: Session) -> Refusal:
            if wanted is not None and wanted.isdisjoint(session.modules):
                return Reason.OUTSIDE_MODULES
            if not self.whole and self.expected_count(session) == 0:
                return Reason.NOT_EXPECTED
            return None

        return why

    def sessions(self, result: Optional[Result] = None) -> list[Session]:
        """Sessions that pass a result's filter and (for a group) expected one of its members, in date order."""
        why = self._session_refusal(result)
        if why is None:
            return list(self.facts.sessions)
        if self.ledger is not None:
            why = self.ledger.sieve(why)
        return [s for s in self.facts.sessions if why(s) is None]

    def outputs(self, result: Result) -> list[OutputState]:
        """Outputs that pass a result's filter, made by the scope's participants, whose status
        (their latest record's) is at least the result's least."""
        refusal, least = output_refusal(result, self), least_status(result)

        def why(o: OutputState) -> Refusal:
            return refusal(o) or (Reason.BELOW_MIN_STATUS if o.status.rank < least else None)

        if self.ledger is not None:
            why = self.ledger.sieve(why, _record_of)
        return [o for o in self.facts.outputs if why(o) is None]

    def counted(self, records: Sequence[Any], weights: Iterable[Any], detail: Optional[str] = None) -> None:
        """Note, with a ledger, the records that counted and what each added."""
        if self.ledger is not None:
            self.ledger.weigh(records, list(weights), detail)

    def attendance(self, sessions: Sequence[Session]) -> Tally:
        """Expected people who attended, over expected people (each session's own two parts noted)."""
        came = [self.came_count(s) for s in sessions]
        expected = [self.expected_count(s) for s in sessions]
        if self.ledger is not None:
            self.counted(sessions, map(ratio, came, expected))
        return ratio(sum(came), sum(expected))

    def attendance_rate(self, sessions: Sequence[Session]) -> Optional[float]:
        """Expected people who attended over expected people, in percent; None when no one was expected."""
        return self.attendance(sessions).actual

    def completing(self, rule: Completion) -> list[Person]:
        """The scope's participants who meet a rule (each other one noted with their first unmet requirement)."""
        facts = self.facts
        criteria, best, levels, attendance = facts.criteria(rule), facts.best, facts.levels, facts.attendance

        def why(person: Person) -> Refusal:
            return criteria.unmet(person.id, best, levels, attendance[person.id])

        if self.ledger is not None:
            why = self.ledger.sieve(why)
        return [p for p in self.members if why(p) is None]

    def completions(self, rule: Completion) -> int:
        """How many of the scope's participants meet a rule."""
        return len(self.completing(rule))


def closed_periods(result: Result, start: dt.date, until: dt.date) -> int:
    """How many of a cadence result's periods have closed by a day (its last day on or before it)."""
    limit = (until - start).days
    return max((limit - (result.from_day or 0) + 1) // (result.every_days or 1), 0)


def cadence_period(result: Result, start: dt.date, day: dt.date) -> Optional[int]:
    """The cadence period that holds a day (0 is the first), or None before the first."""
    offset = (day - start).days - (result.from_day or 0)
    return offset // (result.every_days or 1) if offset >= 0 else None


def period_start(result: Result, start: dt.date, k: int) -> dt.date:
    """The first day of a cadence result's period k."""
    return start + dt.timedelta(days=(result.from_day or 0) + k * (result.every_days or 1))


def cadence_tally(result: Result, counts: Sequence[int], closed: int) -> Tally:
    """Closed periods holding at least per_period outputs, of the closed periods."""
    need = result.per_period or 1
    return ratio(sum(1 for n in counts[:closed] if n >= need), closed)


def cadence(facts: Facts, scope: Scope, result: Result, due: dt.date) -> Tally:
    """The share of closed periods holding at least per_period matching outputs (with a ledger,
    each output counted in its period, by the period's first day, or noted in none)."""
    start = facts.cohort.start
    closed = closed_periods(result, start, min(facts.as_of, due))
    counts = [0] * closed
    for output in scope.outputs(result):
        k = cadence_period(result, start, output.date)
        if k is not None and k < closed:
            counts[k] += 1
            scope.counted([output.record], [1], period_start(result, start, k).isoformat())
        elif scope.ledger is not None:
            scope.ledger.skip(output.record, Reason.NO_CLOSED_PERIOD)
    return cadence_tally(result, counts, closed)


def tally_of(facts: Facts, scope: Scope, result: Result, percent: bool, due: dt.date) -> Tally:
    """A result's actual over a scope, as a tally (with a ledger on the scope, each record that
    counted noted with what it added)."""
    measure = result.measure
    if measure is Measure.PARTICIPANTS:
        met = scope.completing(result.criteria or facts.cur.completion)
        scope.counted(met, [1] * len(met))
        return ratio(len(met), len(scope.members)) if percent else Tally(len(met))
    if measure is Measure.OUTPUTS:
        outputs = scope.outputs(result)
        scope.counted([o.record for o in outputs], [1] * len(outputs))
        return Tally(len(outputs))
    if measure is Measure.SESSIONS:
        sessions = scope.sessions(result)
        scope.counted(sessions, [1] * len(sessions))
        return Tally(len(sessions))
    if measure is Measure.HOURS:
        sessions = scope.sessions(result)
        hours = [s.hours for s in sessions]
        scope.counted(sessions, hours)
        return Tally(sum(hours))
    if measure is Measure.ATTENDANCE:
        return scope.attendance(scope.sessions(result))
    if measure is Measure.CADENCE:
        return cadence(facts, scope, result, due)
    # A measurement is of the whole cohort: no group has a share of it.
    latest = facts.measured_by.get(result.id)
    if latest is None:
        return Tally()
    if not scope.whole:
        if scope.ledger is not None:
            scope.ledger.skip(latest, Reason.WHOLE_COHORT)
        return Tally()
    scope.counted([latest], [latest.value])
    return Tally(latest.value)


def elapsed(start: dt.date, due: dt.date, day: dt.date) -> float:
    """The share of the time from start to due that has passed by a day, between 0 and 1 (1 when due = start)."""
    if due == start:
        return 1.0
    return min(max((day - start).days / (due - start).days, 0.0), 1.0)


def expected_of(measure: Measure, target: float, start: dt.date, due: dt.date, day: dt.date) -> float:
    """What the status rule holds an actual against on a day: the target for a rate, the target x
    elapsed for a count (so the whole target from the due date on)."""
    return target if measure.is_rate else target * elapsed(start, due, day)


def projected(measure: Measure, target: Quantity, actual: Optional[float], start: dt.date, due: dt.date,
              as_of: dt.date) -> Optional[float]:
    """The actual the pace so far reaches by the due date: actual / elapsed, for a count measure
    with a count target; None on or before the start, on or after the due date, when the actual
    is empty, or when the target is a percentage (CLI.md, "Where a figure comes from")."""
    if measure.is_rate or target.percent or actual is None or not start < as_of < due:
        return None
    return actual * (due - start).days / (as_of - start).days


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
    return ON_TRACK if actual >= expected_of(measure, target, start, due, as_of) else BEHIND


def target_of(cohort: Cohort, result: Result) -> Quantity:
    """The target in force: the cohort's override, else the curriculum's."""
    return cohort.targets.get(result.id, result.target)


def due_of(cohort: Cohort, result: Result) -> dt.date:
    """The cohort's start plus the result's due_day, else the cohort's end."""
    return cohort.start + dt.timedelta(days=result.due_day) if result.due_day is not None else cohort.end


def unit_of(result: Result, target: Quantity) -> str:
    """`count`, `hours` or `percent`: the unit of the target in force (`reported` results are counts)."""
    if result.measure is Measure.REPORTED:
        return "count"
    if target.percent:
        return "percent"
    return "hours" if result.measure is Measure.HOURS else "count"


def figures_of(result: Result, target: Quantity, actual: Optional[float], judged: bool,
               start: dt.date, due: dt.date, as_of: dt.date, periods: tuple[PeriodFigures, ...] = ()) -> ResultFigures:
    """A result's figures from its target in force and its actual; unjudged (a group's count),
    it has no target, gap or status."""
    return ResultFigures(
        id=result.id,
        statement=result.statement,
        measure=result.measure.value,
        unit=unit_of(result, target),
        target=target.value if judged else None,
        baseline=result.baseline,
        actual=actual,
        gap=None if actual is None or not judged else max(target.value - actual, 0),
        status=status_of(result.measure, target.value, actual, start, due, as_of) if judged else None,
        due=due,
        periods=periods,
        expected=expected_of(result.measure, target.value, start, due, as_of) if judged else None,
        projected=projected(result.measure, target, actual, start, due, as_of) if judged else None,
    )


def scored(facts: Facts, scope: Scope, result: Result) -> tuple[Tally, ResultFigures]:
    """One result's tally over a scope, and its figures from it."""
    cohort = facts.cohort
    target, due = target_of(cohort, result), due_of(cohort, result)
    tally = tally_of(facts, scope, result, target.percent, due)
    return tally, figures_of(result, target, tally.actual, scope.whole or target.percent, cohort.start, due, facts.as_of)


def result_figures(facts: Facts, scope: Scope, result: Result) -> ResultFigures:
    """One result's figures over a scope."""
    return scored(facts, scope, result)[1]


def cohort_status(cohort: Cohort, as_of: dt.date) -> CohortStatus:
    """not started (as-of before start), running, or ended (as-of after end)."""
    if as_of < cohort.start:
        return CohortStatus.NOT_STARTED
    return CohortStatus.ENDED if as_of > cohort.end else CohortStatus.RUNNING


def field_value(person: Person, by: By) -> Optional[str]:
    """The value of a participants' field a break-down is by (None when not recorded)."""
    value = getattr(person, by.value)
    return value.value if isinstance(value, enum.Enum) else (value or None)


def group_order(name: Optional[str]) -> tuple[bool, str]:
    """Groups in alphabetical order, the one of participants with the field not recorded last."""
    return (name is None, name or "")


def groups_of(people: Iterable[Person], by: By) -> dict[Optional[str], list[Person]]:
    """Participants grouped by the value of a field, in group order."""
    if by is By.COHORT:
        raise UsageError('by: "cohort" breaks down a programme (rollup), not a cohort; use group, organisation or sex')
    members: dict[Optional[str], list[Person]] = defaultdict(list)
    for person in people:
        members[field_value(person, by)].append(person)
    return {name: members[name] for name in sorted(members, key=group_order)}


def scopes_of(facts: Facts, by: Optional[By]) -> tuple[Scope, list[tuple[Optional[str], Scope]]]:
    """The whole cohort's scope, and each group's (by name) when a break-down is asked for."""
    everyone = Scope(facts, facts.participants, whole=True)
    if by is None:
        return everyone, []
    return everyone, [(name, Scope(facts, people)) for name, people in groups_of(facts.participants, by).items()]


#: What gives a result's figures over a scope: `result_figures`, or one that adds periods.
FiguresOf = Callable[[Facts, Scope, Result], ResultFigures]


def progress_of(facts: Facts, by: Optional[By] = None, figures: FiguresOf = None) -> Progress:
    """A cohort's figures from its facts; `by` adds a break-down by that field of the
    participants; `figures` gives each result's figures (default `result_figures`)."""
    cohort, cur = facts.cohort, facts.cur
    figures = figures or result_figures
    everyone, groups = scopes_of(facts, by)
    named = facts.assignments_named(cur.completion)
    criteria = facts.criteria(cur.completion)
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
            reached=criteria.reached(person.id, facts.best_status, facts.levels, attendance),
        ))
    return Progress(
        cohort=cohort.id,
        curriculum=cur.id,
        as_of=facts.as_of,
        status=cohort_status(cohort, facts.as_of),
        start=cohort.start,
        end=cohort.end,
        results=tuple(figures(facts, everyone, r) for r in cur.results),
        participants=tuple(people),
        groups=tuple(GroupFigures(
            name=name,
            results=tuple(figures(facts, scope, r) for r in cur.results),
            participants=len(scope.members),
            complete=scope.completions(cur.completion),
            attendance=scope.attendance_rate(scope.sessions()),
        ) for name, scope in groups),
        by=by,
        competencies=tuple(c.id for c in cur.competencies),
        scales={c.id: c.levels for c in cur.competencies},
        requirements=criteria.requirements,
        about=about_of(cohort, cur),
    )


def about_of(cohort: Cohort, cur: Curriculum) -> About:
    """What a report's header says about a cohort."""
    return About(
        title=cohort.title or cur.title or cohort.id,
        curriculum_title=cur.title,
        organisation=cohort.organisation or cur.organisation,
        funder=cohort.funder,
        location=cohort.location,
        start=cohort.start,
        end=cohort.end,
    )


def progress(cohort: Cohort, cur: Curriculum, as_of: dt.date, by: Optional[By] = None) -> Progress:
    """A cohort's figures as of a date; `by` adds a break-down by that field of the participants."""
    return progress_of(Facts(cohort, cur, as_of), By(by) if by is not None else None)
