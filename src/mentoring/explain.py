"""Where a figure comes from (`mentoring explain`): the records behind a result's actual, or behind
one participant's completion, each with whether it counted and, when not, why.

Pure: a cohort, its curriculum and a date in, an `Explanation` out. Nothing here decides whether a
record counts: the engine does (`progress.tally_of`, the very function behind every report), noting
each decision in a `Ledger` as it makes it; this module only asks it to, and reads the notes. So an
explanation cannot disagree with the figure it explains.

Records come back with their file and their place among its tables (`keys`, such as
("session", 3)); `Workspace.explain` reads those files to give each its line.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple, Optional, Union

import attrs

from .errors import UsageError
from .i18n import N_, Message
from .layout import cohort_path
from .ledger import Ledger, Noted, Reason
from .model import (
    Assessment,
    By,
    Cohort,
    Completion,
    Curriculum,
    Measure,
    Measurement,
    Output,
    Person,
    Quantity,
    Result,
    Role,
    Session,
    Status,
    level_number,
)
from .problems import did_you_mean
from .progress import (
    About,
    Criteria,
    Facts,
    ResultFigures,
    Scope,
    Tally,
    closed_periods,
    due_of,
    groups_of,
    period_start,
    about_of,
    scored,
    tally_of,
    target_of,
)

Keys = tuple[Union[str, int], ...]


class Note(NamedTuple):
    """One record a rule looked at, and what the engine decided about it (a named tuple, made
    quickly: an explanation holds one per record, often hundreds)."""

    record: Any
    """The record: a `Session`, an `Output`, an `Assessment`, a `Measurement` or a `Person`."""
    path: str
    """Its file, relative to the workspace."""
    keys: Keys
    """Its table in the file: ("session", 3) is the fourth `[[session]]`."""
    counted: bool
    """Whether it counted towards the figure."""
    weight: Any
    """What it added when counted: 1 for a session, an output or a participant, a session's hours,
    a `Tally` of places attended and expected for attendance, a measurement's value, a level."""
    reason: Optional[Reason]
    """Why it did not count; None when it did."""
    detail: Optional[str] = None
    """What the reason is about: the unmet requirement's id; for cadence, the first day of the
    period an output counted in."""
    line: Optional[int] = None
    """The line of its `[[...]]` header in the file, once the file is read (`Workspace.explain`)."""

    @property
    def kind(self) -> str:
        """`session`, `output`, `assessment`, `measurement`, or `person` (a `[[people]]` entry)."""
        return _KINDS[type(self.record)]

    @property
    def date(self) -> Optional[dt.date]:
        """Its date (None for a person)."""
        return getattr(self.record, "date", None)

    @property
    def what(self) -> str:
        """A few words saying which record it is (a session's mentor and hours, an output's title)."""
        return what_of(self.record)


@attrs.frozen
class CadencePeriod:
    """One closed period of a cadence result."""

    start: dt.date
    """Its first day."""
    end: dt.date
    """Its last day."""
    outputs: int
    """The outputs counted in it."""
    enough: bool
    """Whether they are at least the result's per_period."""


@attrs.frozen
class Explained:
    """A figure over one scope (the cohort, or one group), with the records behind it."""

    group: Optional[str]
    """The group's name (the value of the field broken down by); None for the whole cohort, or
    for the participants in whom the field is not recorded (see `Explanation.groups`)."""
    figures: ResultFigures
    """The result's figures over the scope, as `report` gives them."""
    numerator: Optional[float]
    """For a rate: places attended, participants who meet the criteria, periods that hold enough."""
    denominator: Optional[float]
    """For a rate: places expected, participants, closed periods."""
    records: tuple[Note, ...]
    """Every record the rule looked at, by date, then file and place."""
    periods: tuple[CadencePeriod, ...] = ()
    """For cadence, every closed period."""

    @property
    def actual(self) -> Optional[float]:
        """The figure explained."""
        return self.figures.actual


@attrs.frozen
class Explanation:
    """How a result's actual was reached as of a date."""

    cohort: str
    """The cohort's id."""
    result: str
    """The result's id."""
    statement: str
    """The promise, in words."""
    measure: str
    """The measure's name."""
    as_of: dt.date
    """The date the figure is as of."""
    rule: Message
    """The rule, in words (`rule.english()` in English)."""
    whole: Explained
    """The figure over the whole cohort."""
    by: Optional[By] = None
    """The participants' field the groups are by."""
    groups: tuple[Explained, ...] = ()
    """Each group's figure and records, when a break-down is asked for."""
    about: Optional[About] = None
    """What the cohort is, for a page's header."""


@attrs.frozen
class RequirementExplained:
    """One requirement of the completion rule, for one participant."""

    kind: str
    """`assignment`, `attendance` or `competency`."""
    id: str
    """The assignment's or competency's id; `attendance` for attendance."""
    title: str
    """The assignment's or competency's title; "" for attendance."""
    needed: Union[Status, float, int, None]
    """The least status of an output for the assignment, the least attendance in percent, or the
    least level number (None for a level not on the scale)."""
    reached: Union[Status, float, int, None]
    """The best status of the participant's outputs for it, their attendance, or their level; None when none."""
    met: bool
    """Whether it is met."""
    records: tuple[Note, ...]
    """The records behind it: the participant's outputs for the assignment, the sessions, or the
    assessments of the competency."""
    scale: tuple[str, ...] = ()
    """A competency's level names from level 0 up."""


@attrs.frozen
class ParticipantExplanation:
    """How one participant's completion was reached as of a date."""

    cohort: str
    """The cohort's id."""
    participant: str
    """The participant's id."""
    name: str
    """Their name."""
    as_of: dt.date
    """The date it is as of."""
    complete: bool
    """Whether they meet the completion rule."""
    rule: Message
    """The completion rule, in words."""
    requirements: tuple[RequirementExplained, ...]
    """Each requirement of the rule, in its order: assignments, attendance, competencies."""
    path: str = ""
    """The file of their `[[people]]` entry."""
    keys: Keys = ()
    """Its place among the entries."""
    line: Optional[int] = None
    """Its line, once the file is read."""
    about: Optional[About] = None
    """What the cohort is, for a page's header."""


# --- the rule in words -------------------------------------------------------------------------


def _status(status: Optional[Status]) -> Message:
    """A status word, to be translated where it is shown."""
    return Message((status or Status.ACCEPTED).value)


def completion_text(rule: Completion, cur: Curriculum) -> Message:
    """A completion rule (or a result's criteria) in words."""
    parts: list[Message] = []
    named = Criteria(rule, cur).named
    if named:
        parts.append(Message(N_("assignments {ids} done"), {"ids": list(named)}))
    if rule.attendance is not None:
        parts.append(Message(N_("attendance at least {percent}"), {"percent": str(rule.attendance)}))
    competencies = {c.id: c for c in cur.competencies}
    for ref, least in rule.competencies.items():
        level = level_number(competencies[ref], least) if ref in competencies else None
        name = competencies[ref].levels[level] if level is not None else str(least)
        parts.append(Message(N_("{competency} at least level {level} ({name})"),
                             {"competency": ref, "level": level if level is not None else str(least), "name": Message(name)}))
    if not parts:
        return Message(N_("nothing"))
    said = parts[0]
    for part in parts[1:]:  # "; " between the requirements, as lists inside them take ", "
        said = Message(N_("{first}; {then}"), {"first": said, "then": part})
    return said


#: A result's rule in words, by measure, without and with the modules (sessions) or kinds (outputs,
#: cadence) it names (cadence: singular and plural, by the outputs a period needs); outputs also
#: with an assignment.
_RULES = {
    (Measure.SESSIONS, False): N_("the sessions held, counted"),
    (Measure.SESSIONS, True): N_("the sessions held of the modules {modules}, counted"),
    (Measure.HOURS, False): N_("the hours of the sessions held, added up"),
    (Measure.HOURS, True): N_("the hours of the sessions held of the modules {modules}, added up"),
    (Measure.ATTENDANCE, False): N_("over the sessions held: the places of expected participants who attended, "
                                    "divided by all the places of expected participants"),
    (Measure.ATTENDANCE, True): N_("over the sessions held of the modules {modules}: the places of expected "
                                   "participants who attended, divided by all the places of expected participants"),
    (Measure.OUTPUTS, False): N_("the outputs whose status is at least {status}, counted"),
    (Measure.OUTPUTS, True): N_("the outputs of kind {kinds} whose status is at least {status}, counted"),
    (Measure.CADENCE, False): (N_("the closed periods of {days} days from day {from_day} that hold at least {n} output "
                                  "whose status is at least {status}, divided by all the closed periods"),
                               N_("the closed periods of {days} days from day {from_day} that hold at least {n} outputs "
                                  "whose status is at least {status}, divided by all the closed periods")),
    (Measure.CADENCE, True): (N_("the closed periods of {days} days from day {from_day} that hold at least {n} output of "
                                 "kind {kinds} whose status is at least {status}, divided by all the closed periods"),
                              N_("the closed periods of {days} days from day {from_day} that hold at least {n} outputs of "
                                 "kind {kinds} whose status is at least {status}, divided by all the closed periods")),
    (Measure.REPORTED, False): N_("the latest measurement logged for this result"),
}
#: A participants result's rule: whose rule (the completion rule, or the result's criteria) and
#: whether it is a count or a share.
_PARTICIPANT_RULES = {
    (False, False): N_("the participants who meet the completion rule ({rule}), counted"),
    (False, True): N_("the participants who meet the completion rule ({rule}), divided by all the participants"),
    (True, False): N_("the participants who meet the result's criteria ({rule}), counted"),
    (True, True): N_("the participants who meet the result's criteria ({rule}), divided by all the participants"),
}


def rule_text(result: Result, cur: Curriculum, target: Quantity) -> Message:
    """How a result's actual is reached, in words."""
    measure = result.measure
    if measure is Measure.PARTICIPANTS:
        rule = completion_text(result.criteria or cur.completion, cur)
        return Message(_PARTICIPANT_RULES[result.criteria is not None, target.percent], {"rule": rule})
    values = {"modules": list(result.modules or ()), "kinds": list(result.kinds or ()), "status": _status(result.min_status),
              "days": result.every_days, "from_day": result.from_day or 0, "n": result.per_period or 1}
    text = _RULES[measure, bool(result.modules or result.kinds)]
    if isinstance(text, tuple):  # cadence: one output a period, or more
        return Message(text[0], values, text[1])
    if measure is Measure.OUTPUTS and result.assignment is not None:
        values["assignment"] = result.assignment
        text = (N_("the outputs of kind {kinds} for assignment {assignment} whose status is at least {status}, counted")
                if result.kinds else
                N_("the outputs for assignment {assignment} whose status is at least {status}, counted"))
    return Message(text, values)


# --- where each record is ----------------------------------------------------------------------

_KINDS = {Session: N_("session"), Output: N_("output"), Assessment: N_("assessment"), Measurement: N_("measurement"),
          Person: N_("person")}


#: Reads the lines of the `[[...]]` headers of the files named: for each file, each table name's
#: header lines in order (`loader.header_lines_of` in a workspace).
LinesOf = Callable[[Iterable[str]], dict[str, dict[str, list[int]]]]
#: The record kinds of the logs, each with its table of `LogFile`.
_TABLES = {"session": "sessions", "output": "outputs", "assessment": "assessments", "measurement": "measurements"}


def places(cohort: Cohort, kinds: Iterable[str] = (*_TABLES, "person")) -> dict[int, tuple[str, Keys]]:
    """The records of some kinds of a cohort (`session`, ..., `person` for its people), by
    identity: the file of each and its place among the tables of its kind there."""
    found: dict[int, tuple[str, Keys]] = {}
    kinds = set(kinds)
    for log in cohort.logs:
        for kind in kinds & _TABLES.keys():
            records = getattr(log, _TABLES[kind])
            at = (log.position(kind, n) for n in range(len(records))) if log.skipped.get(kind) else range(len(records))
            for n, record in zip(at, records):
                found[id(record)] = (log.path, (kind, n))
    if "person" in kinds:
        home = cohort_path(cohort.id)
        for n, person in enumerate(cohort.people):
            found[id(person)] = (home, ("people", cohort.person_position(n)))
    return found


def what_of(record: Any) -> Message:
    """A few words saying which record it is: a session's mentor, hours and modules; an output's
    maker, title and status as of this record; an assessment; a measurement's value; a person."""
    if isinstance(record, Session):
        if record.modules:
            return Message(N_("{mentor}, {hours} hours, {modules}"),
                           {"mentor": record.mentor, "hours": record.hours, "modules": list(record.modules)})
        return Message(N_("{mentor}, {hours} hours"), {"mentor": record.mentor, "hours": record.hours})
    if isinstance(record, Output):
        return Message(N_("{participant}: {title} ({status})"),
                       {"participant": record.participant, "title": record.title, "status": _status(record.status)})
    if isinstance(record, Assessment):
        values = {"participant": record.participant, "competency": record.competency, "level": str(record.level),
                  "by": record.by}
        if record.by == "self":
            return Message(N_("{participant}, {competency} level {level}, self-assessed"), values)
        return Message(N_("{participant}, {competency} level {level} by {by}"), values)
    if isinstance(record, Measurement):
        if record.source:
            return Message(N_("{value} ({source})"), {"value": record.value, "source": record.source})
        return Message(N_("{value}"), {"value": record.value})
    return Message(N_("{id}: {name}"), {"id": record.id, "name": record.name})


class _Where:
    """Where the records of an explanation are: file and place from the cohort, and once every
    record is noted, the lines of their headers from those files (read once, when a reader is given)."""

    def __init__(self, cohort: Cohort, kinds: Iterable[str]):
        self.places = places(cohort, kinds)
        self.lines: dict[str, dict[str, list[int]]] = {}

    def read(self, lines_of: Optional[LinesOf], *entries: Iterable[Noted]) -> None:
        """Read the lines of the files of these entries' records."""
        if lines_of is not None:
            self.lines = lines_of({self.places[id(noted[0])][0] for group in entries for noted in group})

    def notes(self, entries: Iterable[Noted]) -> tuple[Note, ...]:
        """The ledger's entries as notes, with the lines of their headers (None in a file not
        read), by date, then file and place."""
        notes, places, lines, never, none = [], self.places, self.lines, dt.date.min, {}
        for record, counted, weight, reason, detail in entries:
            path, keys = places[id(record)]
            numbers, n = lines.get(path, none).get(keys[0], ()), keys[1]
            note = Note(record, path, keys, counted, weight, reason, detail, numbers[n] if n < len(numbers) else None)
            # (date, file, place) is each note's order; no two records share the last two.
            notes.append((getattr(record, "date", never), path, n, note))
        notes.sort()
        return tuple(note for *_, note in notes)


# --- a result ----------------------------------------------------------------------------------


def _looked_at(result: Result) -> tuple[str, Callable[[Any], bool]]:
    """The kind of record a result's rule looks at, and which of the records noted for every
    figure (left out for their date, superseded) are of it: sessions, output records, its own
    measurements, or none (participants are looked at by the scope alone)."""
    measure = result.measure
    if measure in (Measure.SESSIONS, Measure.HOURS, Measure.ATTENDANCE):
        return "session", lambda record: isinstance(record, Session)
    if measure in (Measure.OUTPUTS, Measure.CADENCE):
        return "output", lambda record: isinstance(record, Output)
    if measure is Measure.REPORTED:
        return "measurement", lambda record: isinstance(record, Measurement) and record.result == result.id
    return "person", lambda record: False


def _cadence_periods(result: Result, facts: Facts, records: Sequence[Note]) -> tuple[CadencePeriod, ...]:
    """A cadence result's closed periods, each with the outputs counted in it."""
    start, due = facts.cohort.start, due_of(facts.cohort, result)
    counted = Counter(note.detail for note in records if note.counted)
    out = []
    for k in range(closed_periods(result, start, min(facts.as_of, due))):
        first = period_start(result, start, k)
        n = counted[first.isoformat()]
        out.append(CadencePeriod(first, first + dt.timedelta(days=(result.every_days or 1) - 1), n,
                                 n >= (result.per_period or 1)))
    return tuple(out)


def _explained(facts: Facts, result: Result, name: Optional[str], tally: Tally, figures: ResultFigures,
               notes: tuple[Note, ...]) -> Explained:
    """A result over one scope: its figures and the notes of the records behind them."""
    periods = _cadence_periods(result, facts, notes) if result.measure is Measure.CADENCE else ()
    return Explained(name, figures, tally.part if tally.rate else None, tally.whole if tally.rate else None,
                     notes, periods)


def find_result(cur: Curriculum, result_id: str) -> Result:
    """A result of the curriculum by id, or a UsageError naming the results."""
    for result in cur.results:
        if result.id == result_id:
            return result
    ids = [r.id for r in cur.results]
    raise UsageError(f'unknown result "{result_id}"{did_you_mean(result_id, ids)}; '
                     f'results of curriculum "{cur.id}": {", ".join(ids) or "none"}')


def explain(cohort: Cohort, cur: Curriculum, result_id: str, as_of: dt.date, by: Optional[By] = None,
            lines_of: Optional[LinesOf] = None) -> Explanation:
    """How a result's actual was reached as of a date, with every record the rule looked at;
    `by` adds each group's figure and records; `lines_of` gives the records their lines."""
    result = find_result(cur, result_id)
    facts = Facts(cohort, cur, as_of, Ledger())
    scopes = [(None, Scope(facts, facts.participants, whole=True, ledger=Ledger()))]
    if by is not None:
        groups = groups_of(facts.participants, By(by))
        scopes += [(name, Scope(facts, people, ledger=Ledger())) for name, people in groups.items()]
    kind, looked = _looked_at(result)
    common = facts.ledger.noted(looked)
    scored_ = [(name, *scored(facts, scope, result), common + scope.ledger.noted()) for name, scope in scopes]
    where = _Where(cohort, [kind])
    where.read(lines_of, *(entries for *_, entries in scored_))
    whole, *groups = [_explained(facts, result, name, tally, figures, where.notes(entries))
                      for name, tally, figures, entries in scored_]
    return Explanation(cohort.id, result.id, result.statement, result.measure.value, as_of,
                       rule_text(result, cur, target_of(cohort, result)), whole, By(by) if by is not None else None,
                       tuple(groups), about_of(cohort, cur))


# --- a participant -----------------------------------------------------------------------------


def find_participant(cohort: Cohort, person_id: str) -> Person:
    """A participant of the cohort by id, or a UsageError."""
    for person in cohort.people:
        if person.id == person_id:
            if person.role is not Role.PARTICIPANT:
                raise UsageError(f'"{person_id}" is a {person.role.value} of cohort "{cohort.id}", not a participant')
            return person
    ids = [p.id for p in cohort.participants]
    raise UsageError(f'unknown participant "{person_id}" in cohort "{cohort.id}"{did_you_mean(person_id, ids)}')


def _requirements(facts: Facts, person: Person, rule: Completion) -> Iterator[tuple[RequirementExplained, list[Noted]]]:
    """Each requirement of a rule for one participant (its records yet to be noted): what it needs,
    where they stand and whether that meets it, by the engine's own tests (`Criteria.reached`, as
    the participants' figures have them), with the engine's decisions about the records behind it."""
    cur, pid = facts.cur, person.id
    criteria = Criteria(rule, cur)
    reached = criteria.reached(pid, facts.best_status, facts.levels, facts.attendance[pid])
    assignments = {a.id: a for a in cur.assignments}
    competencies = {c.id: c for c in cur.competencies}
    for need, where in zip(criteria.requirements, reached):
        scope = Scope(facts, [person], ledger=Ledger())
        if need.kind == "assignment":
            # The assignment read as an outputs result of one participant: the engine notes each of
            # their outputs for it, counted when its status is at least the assignment's min_status.
            alone = Result(id=need.id, statement=need.title, measure=Measure.OUTPUTS, target=Quantity(1),
                           assignment=need.id, min_status=assignments[need.id].min_status)
            tally_of(facts, scope, alone, False, facts.as_of)

            def theirs(record: Any, ref: str = need.id) -> bool:
                return isinstance(record, Output) and record.participant == pid and record.assignment == ref

            entries = facts.ledger.noted(theirs) + scope.ledger.noted(theirs)
        elif need.kind == "attendance":
            scope.attendance(scope.sessions())
            entries = facts.ledger.noted(lambda record: isinstance(record, Session)) + scope.ledger.noted()
        else:
            def rated_of(record: Any, ref: str = need.id) -> bool:
                return isinstance(record, Assessment) and record.participant == pid and record.competency == ref

            entries = facts.ledger.noted(rated_of)
            rated = facts.rated.get((pid, need.id))
            if rated is not None:
                entries.append((rated, True, facts.levels[pid][need.id], None, None))
        scale = competencies[need.id].levels if need.kind == "competency" and need.id in competencies else ()
        yield RequirementExplained(need.kind, need.id, need.title, need.needed, where.reached, where.met, (), scale), entries


def explain_participant(cohort: Cohort, cur: Curriculum, person_id: str, as_of: dt.date,
                        lines_of: Optional[LinesOf] = None) -> ParticipantExplanation:
    """How one participant's completion was reached as of a date: each requirement of the
    completion rule, met or not, with the records behind it; `lines_of` gives the records their lines."""
    person = find_participant(cohort, person_id)
    facts = Facts(cohort, cur, as_of, Ledger())
    rule = cur.completion
    needs = list(_requirements(facts, person, rule))
    where = _Where(cohort, ("session", "output", "assessment", "person"))
    himself = [(person, False, None, None, None)]
    where.read(lines_of, himself, *(entries for _, entries in needs))
    (entry,) = where.notes(himself)
    return ParticipantExplanation(
        cohort=cohort.id, participant=person.id, name=person.name, as_of=as_of,
        complete=facts.meets(person, rule, facts.attendance[person.id]),
        rule=completion_text(rule, cur),
        requirements=tuple(attrs.evolve(need, records=where.notes(entries)) for need, entries in needs),
        path=entry.path, keys=entry.keys, line=entry.line, about=about_of(cohort, cur),
    )
