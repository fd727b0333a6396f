"""Cross-reference rules: what a file can only get wrong against another part of the workspace.

Each rule is a plain function returning problems (never raising); the lists CURRICULUM_CHECKS and
COHORT_CHECKS hold them all, and `check_workspace` runs every one in one pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Callable, Optional

from .layout import SLUG, SLUG_RULE, cohort_path, curriculum_path, id_from
from .model import (
    ASSESSOR_ROLES,
    MEASURE_FILTERS,
    RECORD_TABLES,
    SESSION_ROLES,
    Cohort,
    Completion,
    Competency,
    Curriculum,
    LogFile,
    Measure,
    Quantity,
    Role,
    Loaded,
    level_number,
)
from .problems import Keys, Problem, Severity, did_you_mean

#: The most days after a cohort's start a day number may name, so that every date stays a date.
MAX_DAYS = 36525

CurriculumCheck = Callable[[Curriculum], Iterable[Problem]]
CohortCheck = Callable[[Cohort, Curriculum], Iterable[Problem]]


def _ids(items: Iterable[Any]) -> dict[str, Any]:
    return {item.id: item for item in items}


def unknown(what: str, id_: object, known: Iterable[str]) -> str:
    """`unknown module "m9" (did you mean "m1"?)`."""
    return f'unknown {what} "{id_}"{did_you_mean(id_, known)}'


# --- curriculum --------------------------------------------------------------------------------

_CURRICULUM_KINDS = [
    ("objectives", "objective"),
    ("competencies", "competency"),
    ("modules", "module"),
    ("output_kinds", "output kind"),
    ("assignments", "assignment"),
    ("results", "result"),
]


def check_curriculum_ids(cur: Curriculum) -> Iterator[Problem]:
    """Ids inside a curriculum are slugs and unique per kind."""
    path = curriculum_path(cur.id)
    for table, what in _CURRICULUM_KINDS:
        seen: dict[str, int] = {}
        for index, item in enumerate(getattr(cur, table)):
            keys = (table, index, "id")
            if not SLUG.match(item.id):
                yield Problem(path, f'{table}.id: "{item.id}" is not a valid id: {SLUG_RULE}', keys=keys)
            elif item.id in seen:
                yield Problem(path, f'{table}.id: duplicate {what} id "{item.id}"', keys=keys,
                              first=(table, seen[item.id], "id"))
            seen.setdefault(item.id, index)


def check_curriculum_references(cur: Curriculum) -> Iterator[Problem]:
    """Modules name objectives, assignments name modules and output kinds, that exist."""
    path = curriculum_path(cur.id)
    objectives, modules, kinds = _ids(cur.objectives), _ids(cur.modules), _ids(cur.output_kinds)
    for index, module in enumerate(cur.modules):
        for n, ref in enumerate(module.objectives):
            if ref not in objectives:
                yield Problem(path, "modules.objectives: " + unknown("objective", ref, objectives),
                              keys=("modules", index, "objectives", n))
        if module.hours is not None and module.hours < 0:
            yield Problem(path, f"modules.hours: planned hours cannot be negative, got {module.hours:g}",
                          keys=("modules", index, "hours"))
    for index, assignment in enumerate(cur.assignments):
        keys = ("assignments", index)
        if assignment.module is not None and assignment.module not in modules:
            yield Problem(path, "assignments.module: " + unknown("module", assignment.module, modules),
                          keys=(*keys, "module"))
        if assignment.output is not None and assignment.output not in kinds:
            yield Problem(path, "assignments.output: " + unknown("output kind", assignment.output, kinds),
                          keys=(*keys, "output"))
        if assignment.due_day is not None and assignment.due_day < 0:
            yield Problem(path, f"assignments.due_day: days after the start cannot be negative, got {assignment.due_day}",
                          keys=(*keys, "due_day"))
        elif assignment.due_day is not None and assignment.due_day > MAX_DAYS:
            yield Problem(path, f"assignments.due_day: must be at most {MAX_DAYS} (100 years), got {assignment.due_day}",
                          keys=(*keys, "due_day"))


def check_scales(cur: Curriculum) -> Iterator[Problem]:
    """A competency's scale has at least two levels, each named once."""
    path = curriculum_path(cur.id)
    for index, competency in enumerate(cur.competencies):
        keys = ("competencies", index, "levels")
        if len(competency.levels) < 2:
            yield Problem(path, f'competencies.levels: the scale of "{competency.id}" needs at least 2 levels, got {len(competency.levels)}', keys=keys)
        for name in {name for name in competency.levels if competency.levels.count(name) > 1}:
            yield Problem(path, f'competencies.levels: level "{name}" is named twice in the scale of "{competency.id}"', keys=keys)


def level_problem(competency: Competency, level: object) -> Optional[str]:
    """Why a level is not on a competency's scale, or None when it is."""
    if level_number(competency, level) is not None:  # type: ignore[arg-type]
        return None
    scale = competency.levels
    if isinstance(level, str):
        names = ", ".join(f'"{name}"' for name in scale)
        return f'"{level}" is not a level of "{competency.id}" ({names}){did_you_mean(level, scale)}'
    return f'level {level} is outside the scale of "{competency.id}" (0 to {len(scale) - 1})'


def _rule_problems(cur: Curriculum, rule: Completion, path: str, keys: Keys, where: str) -> Iterator[Problem]:
    assignments, competencies = _ids(cur.assignments), _ids(cur.competencies)
    if isinstance(rule.assignments, tuple):
        for n, ref in enumerate(rule.assignments):
            if ref not in assignments:
                yield Problem(path, f"{where}.assignments: " + unknown("assignment", ref, assignments),
                              keys=(*keys, "assignments", n))
    if rule.attendance is not None and not rule.attendance.percent:
        yield Problem(path, f'{where}.attendance: expected a percentage such as "75%", got {rule.attendance}',
                      keys=(*keys, "attendance"))
    for ref, level in rule.competencies.items():
        key = (*keys, "competencies", ref)
        competency = competencies.get(ref)
        if competency is None:
            yield Problem(path, f"{where}.competencies: " + unknown("competency", ref, competencies), keys=key)
        elif (message := level_problem(competency, level)) is not None:
            yield Problem(path, f"{where}.competencies: {message}", keys=key)


def check_completion(cur: Curriculum) -> Iterator[Problem]:
    """The completion rule names assignments and competencies that exist, at levels on their scale."""
    yield from _rule_problems(cur, cur.completion, curriculum_path(cur.id), ("completion",), "completion")


def target_problem(measure: Measure, target: Quantity) -> Optional[str]:
    """Why a target does not fit its measure (a percentage for a count, or the other way)."""
    if measure.is_rate and not target.percent:
        return f'measure "{measure.value}" is a rate, so its target is a percentage such as "80%", got {target}'
    if target.percent and measure is not Measure.PARTICIPANTS and not measure.is_rate:
        return f'measure "{measure.value}" is a count, so its target is a number, got "{target}"'
    if target.value < 0:
        return f"a target cannot be negative, got {target}"
    return None


def check_results(cur: Curriculum) -> Iterator[Problem]:
    """Each result's filters fit its measure and name things that exist; its target fits too."""
    path = curriculum_path(cur.id)
    kinds, assignments, modules = _ids(cur.output_kinds), _ids(cur.assignments), _ids(cur.modules)
    for index, result in enumerate(cur.results):
        keys = ("results", index)
        allowed = MEASURE_FILTERS[result.measure]
        for name in sorted(result.filters() - allowed):
            takes = ", ".join(sorted(allowed)) or "no filters"
            yield Problem(path, f'results.{name}: does not apply to measure "{result.measure.value}" (it takes {takes})',
                          keys=(*keys, name))
        if (message := target_problem(result.measure, result.target)) is not None:
            yield Problem(path, f"results.target: {message}", keys=(*keys, "target"))
        for n, ref in enumerate(result.kinds or ()):
            if ref not in kinds:
                yield Problem(path, "results.kinds: " + unknown("output kind", ref, kinds), keys=(*keys, "kinds", n))
        if result.assignment is not None and result.assignment not in assignments:
            yield Problem(path, "results.assignment: " + unknown("assignment", result.assignment, assignments),
                          keys=(*keys, "assignment"))
        for n, ref in enumerate(result.modules or ()):
            if ref not in modules:
                yield Problem(path, "results.modules: " + unknown("module", ref, modules), keys=(*keys, "modules", n))
        if result.criteria is not None:
            yield from _rule_problems(cur, result.criteria, path, (*keys, "criteria"), "results.criteria")
        if result.rollup is not None and result.measure is not Measure.REPORTED:
            yield Problem(path, f'results.rollup: does not apply to measure "{result.measure.value}" (only "reported" results take it)',
                          keys=(*keys, "rollup"))
        if result.measure is Measure.CADENCE and result.every_days is None:
            yield Problem(path, 'results: measure "cadence" needs every_days (the length of a period in days)', keys=keys)
        for name, least in [("every_days", 1), ("per_period", 1), ("from_day", 0), ("due_day", 0)]:
            value = getattr(result, name)
            if value is not None and value < least:
                yield Problem(path, f"results.{name}: must be at least {least}, got {value}", keys=(*keys, name))
            elif value is not None and name != "per_period" and value > MAX_DAYS:
                yield Problem(path, f"results.{name}: must be at most {MAX_DAYS} (100 years), got {value}", keys=(*keys, name))


CURRICULUM_CHECKS: list[CurriculumCheck] = [
    check_curriculum_ids,
    check_curriculum_references,
    check_scales,
    check_completion,
    check_results,
]


# --- cohort ------------------------------------------------------------------------------------


def check_cohort(cohort: Cohort, cur: Curriculum) -> Iterator[Problem]:
    """Start is not after end, and target overrides name results and fit their measures."""
    path = cohort_path(cohort.id)
    if cohort.start > cohort.end:
        yield Problem(path, f"start ({cohort.start}) is after end ({cohort.end})", keys=("start",))
    results = _ids(cur.results)
    for ref, target in cohort.targets.items():
        result = results.get(ref)
        if result is None:
            yield Problem(path, f'targets: curriculum "{cur.id}" has no result "{ref}"{did_you_mean(ref, results)}', keys=("targets", ref))
        elif (message := target_problem(result.measure, target)) is not None:
            yield Problem(path, f"targets.{ref}: {message}", keys=("targets", ref))


def check_people(cohort: Cohort, cur: Curriculum) -> Iterator[Problem]:
    """Person ids are slugs, unique in the cohort; nobody leaves before joining."""
    path = cohort_path(cohort.id)
    seen: dict[str, int] = {}
    for index, person in enumerate(cohort.people):
        keys = ("people", cohort.person_position(index))
        if not SLUG.match(person.id):
            yield Problem(path, f'people.id: "{person.id}" is not a valid id: {SLUG_RULE}', keys=(*keys, "id"))
        elif person.id in seen:
            yield Problem(path, f'people.id: duplicate person id "{person.id}"', keys=(*keys, "id"),
                          first=("people", seen[person.id], "id"))
        seen.setdefault(person.id, keys[1])
        joined = person.joined or cohort.start
        if person.left is not None and person.left <= joined:
            yield Problem(path, f'people.left: "{person.id}" leaves ({person.left}) on or before joining ({joined})',
                          keys=(*keys, "left"))


def _records(cohort: Cohort, kind: str) -> Iterator[tuple[LogFile, Keys, Any]]:
    """Each record of a kind, with its log and its keys (its place among the kind's records there)."""
    table = RECORD_TABLES[kind]
    for log in cohort.logs:
        for index, record in enumerate(getattr(log, table)):
            yield log, (kind, log.position(kind, index)), record


def _a(noun: str) -> str:
    """`a mentor`, `an observer`."""
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


class _Refs:
    """Lookups a cohort's records are checked against."""

    def __init__(self, cohort: Cohort, cur: Curriculum):
        self.people = _ids(cohort.people)
        self.participants = _ids(cohort.participants)
        # A person whose id is wrong in cohort.toml has one problem there; the records naming them
        # (by the id as it should be, or as it is) are not faulted too, nor those naming an entry
        # that could not be read.
        for person in cohort.people:
            if not SLUG.match(person.id) and (fixed := id_from(person.id)):
                self.people.setdefault(fixed, person)
                if person.role is Role.PARTICIPANT:
                    self.participants.setdefault(fixed, person)
        self.unread = frozenset(id_ for id_ in cohort.unread_people.values() if id_ is not None)
        self.modules = _ids(cur.modules)
        self.kinds = _ids(cur.output_kinds)
        self.assignments = _ids(cur.assignments)
        self.competencies = _ids(cur.competencies)
        self.results = _ids(cur.results)
        self.steady = cohort.enrolled_throughout()

    def named(self, ref: str, what: str, roles: frozenset[Role]) -> Optional[str]:
        """`unknown participant "Aminah" (that is the name of "p01"; write the id)`, when a name was written for an id."""
        key = ref.strip().casefold()
        matches = [p.id for p in self.people.values() if p.role in roles and p.name.strip().casefold() == key]
        return f'unknown {what} "{ref}" (that is the name of "{matches[0]}"; write the id)' if len(matches) == 1 else None

    def participant(self, ref: str) -> Optional[str]:
        if ref in self.participants or ref in self.unread:
            return None
        if ref in self.people:
            return f'"{ref}" is {_a(self.people[ref].role.value)}, not a participant'
        return self.named(ref, "participant", frozenset({Role.PARTICIPANT})) or unknown("participant", ref, self.participants)

    def person(self, ref: str, roles: frozenset[Role], what: str) -> Optional[str]:
        person = self.people.get(ref)
        if person is None and ref in self.unread:
            return None
        if person is None:
            candidates = [p.id for p in self.people.values() if p.role in roles]
            return self.named(ref, what, roles) or unknown(what, ref, candidates)
        if person.role not in roles:
            *others, last = sorted(role.value for role in roles)
            allowed = f"{', '.join(others)} or {last}" if others else last
            return f'"{ref}" is {_a(person.role.value)}, not {_a(allowed)}'
        return None


def check_sessions(cohort: Cohort, cur: Curriculum) -> Iterator[Problem]:
    """A session is held by a mentor or facilitator, lasts some hours, names participants and modules that exist."""
    refs = _Refs(cohort, cur)
    mentors: dict[str, Optional[str]] = {}  # a cohort's sessions are held by a handful of people
    for log, keys, session in _records(cohort, "session"):
        def problem(key: Keys, message: str, severity: Severity = Severity.ERROR) -> Problem:
            return Problem(log.path, message, severity, keys=(*keys, *key))

        if session.mentor not in mentors:
            mentors[session.mentor] = refs.person(session.mentor, SESSION_ROLES, "mentor")
        if (message := mentors[session.mentor]) is not None:
            yield problem(("mentor",), f"session.mentor: {message}")
        if session.hours <= 0:
            yield problem(("hours",), f"session.hours: must be more than 0, got {session.hours:g}")
        for n, ref in enumerate(session.modules):
            if ref not in refs.modules:
                yield problem(("modules", n), "session.modules: " + unknown("module", ref, refs.modules))
        for field in ("attended", "expected"):
            names = getattr(session, field) or ()
            unique = set(names)
            if len(unique) != len(names):  # rare: only then is each name looked at
                seen: set[str] = set()
                told: set[str] = set()
                for n, ref in enumerate(names):
                    if ref in seen and ref not in told:
                        told.add(ref)
                        yield problem((field, n), f'session.{field}: "{ref}" is listed twice')
                    seen.add(ref)
            # Participants enrolled throughout need no closer look: only the others are looked at.
            odd = unique - refs.steady if session.date >= cohort.start else unique
            for ref in sorted(odd, key=names.index):
                n = names.index(ref)
                if (message := refs.participant(ref)) is not None:
                    yield problem((field, n), f"session.{field}: {message}")
                elif ref in refs.participants and not cohort.enrolled(refs.participants[ref], session.date):
                    person = refs.participants[ref]
                    why = f"left on {person.left}" if person.left and session.date >= person.left else f"is enrolled from {person.joined or cohort.start}"
                    yield problem((field, n), f'session.{field}: "{ref}" {field} on {session.date} but {why}',
                                  Severity.WARNING)
        if session.expected is not None:
            for ref in sorted(set(session.attended) - set(session.expected), key=session.attended.index):
                if ref in refs.participants:
                    yield problem(("attended", session.attended.index(ref)),
                                  f'session.attended: "{ref}" attended but is not in expected; not counted in attendance',
                                  Severity.WARNING)


def check_outputs(cohort: Cohort, cur: Curriculum) -> Iterator[Problem]:
    """An output names a participant, kind and assignment that exist, of the kind its assignment asks,
    and agrees with the other records of the same id."""
    refs = _Refs(cohort, cur)
    first: dict[str, Any] = {}
    for log, keys, output in _records(cohort, "output"):
        if (message := refs.participant(output.participant)) is not None:
            yield Problem(log.path, f"output.participant: {message}", keys=(*keys, "participant"))
        if output.kind not in refs.kinds:
            yield Problem(log.path, "output.kind: " + unknown("output kind", output.kind, refs.kinds), keys=(*keys, "kind"))
        assignment = refs.assignments.get(output.assignment) if output.assignment else None
        if output.assignment is not None and assignment is None:
            yield Problem(log.path, "output.assignment: " + unknown("assignment", output.assignment, refs.assignments),
                          keys=(*keys, "assignment"))
        if assignment is not None and assignment.output is not None and output.kind != assignment.output:
            yield Problem(log.path, f'output.kind: assignment "{assignment.id}" asks for a "{assignment.output}", got "{output.kind}"',
                          keys=(*keys, "kind"))
        if output.reviewed_by is not None and output.reviewed_by not in refs.people and output.reviewed_by not in refs.unread:
            yield Problem(log.path, "output.reviewed_by: " + unknown("person", output.reviewed_by, refs.people),
                          keys=(*keys, "reviewed_by"))
        if output.id is None:
            continue
        if not SLUG.match(output.id):
            yield Problem(log.path, f'output.id: "{output.id}" is not a valid id: {SLUG_RULE}', keys=(*keys, "id"))
        earlier = first.setdefault(output.id, output)
        for field in ("participant", "kind", "assignment"):
            if getattr(earlier, field) != getattr(output, field):
                was, now = (f'{field} "{value}"' if value is not None else f"no {field}"
                            for value in (getattr(earlier, field), getattr(output, field)))
                yield Problem(log.path, f'output.{field}: output "{output.id}" was first recorded with {was}, here with {now}',
                              keys=(*keys, field))


def check_assessments(cohort: Cohort, cur: Curriculum) -> Iterator[Problem]:
    """An assessment rates a participant on a competency of the curriculum, at a level on its scale,
    by the participant or by a mentor, facilitator, implementer or coordinator."""
    refs = _Refs(cohort, cur)
    for log, keys, assessment in _records(cohort, "assessment"):
        if (message := refs.participant(assessment.participant)) is not None:
            yield Problem(log.path, f"assessment.participant: {message}", keys=(*keys, "participant"))
        competency = refs.competencies.get(assessment.competency)
        if competency is None:
            yield Problem(log.path, "assessment.competency: " + unknown("competency", assessment.competency, refs.competencies),
                          keys=(*keys, "competency"))
        elif (message := level_problem(competency, assessment.level)) is not None:
            yield Problem(log.path, f"assessment.level: {message}", keys=(*keys, "level"))
        if assessment.by != "self" and (message := refs.person(assessment.by, ASSESSOR_ROLES, "assessor")) is not None:
            if assessment.by not in refs.people and (hint := did_you_mean(assessment.by, ["self"])):
                message = f'unknown assessor "{assessment.by}"{hint}'  # "Self", "slef"
            else:
                message += ' (or "self")'
            yield Problem(log.path, f"assessment.by: {message}", keys=(*keys, "by"))


def check_measurements(cohort: Cohort, cur: Curriculum) -> Iterator[Problem]:
    """A measurement is for a result whose measure is `reported`, and is not negative."""
    refs = _Refs(cohort, cur)
    for log, keys, measurement in _records(cohort, "measurement"):
        result = refs.results.get(measurement.result)
        if result is None:
            reported = [r.id for r in cur.results if r.measure is Measure.REPORTED]
            yield Problem(log.path, "measurement.result: " + unknown("result", measurement.result, reported),
                          keys=(*keys, "result"))
        elif result.measure is not Measure.REPORTED:
            yield Problem(log.path, f'measurement.result: "{result.id}" is measured by "{result.measure.value}", '
                          'not "reported"; its actual is computed from the logs', keys=(*keys, "result"))
        if measurement.value < 0:
            yield Problem(log.path, f"measurement.value: a measurement counts something, so it cannot be negative, got {measurement.value:g}",
                          keys=(*keys, "value"))


def check_actions(cohort: Cohort, cur: Curriculum) -> Iterator[Problem]:
    """An action's id is a slug, its owner a person of the cohort (any role), its results results
    of the curriculum; the earliest record of an id (in the order of outputs) gives its text; a
    `due` before the date of the record that sets it is a warning.

    While a record of an action cannot be read, which record is the earliest of its id cannot be
    known: the text rule waits until it is fixed (its own problem already says what is wrong)."""
    refs = _Refs(cohort, cur)
    everyone = frozenset(Role)
    unreadable = any(log.skipped.get("action") for log in cohort.logs)
    opened: set[str] = set()
    records = sorted(_records(cohort, "action"), key=lambda item: item[2].date)
    first: dict[str, Any] = {}
    for _, _, action in records:
        first.setdefault(action.id, action)
    # The actions rightly opened: what a mistyped id in an update most likely meant.
    ids = {id_ for id_, action in first.items() if SLUG.match(id_) and (action.text or "").strip()}
    # A stable sort by date of records gathered by log path and line: the order of outputs.
    for log, keys, action in records:
        def problem(key: Keys, message: str, severity: Severity = Severity.ERROR) -> Problem:
            return Problem(log.path, message, severity, keys=(*keys, *key))

        if not SLUG.match(action.id):
            yield problem(("id",), f'action.id: "{action.id}" is not a valid id: {SLUG_RULE}')
        if action.id not in opened:
            opened.add(action.id)
            if not unreadable and not (action.text or "").strip():
                # An update whose id is mistyped opens a new action without text: name the near one.
                yield problem(("text",) if action.text is not None else (),
                              f'action: the earliest record of action "{action.id}" opens it and must give its text '
                              f'(what is to be done){did_you_mean(action.id, ids - {action.id})}')
        if action.owner is not None and (message := refs.person(action.owner, everyone, "person")) is not None:
            yield problem(("owner",), f"action.owner: {message}")
        for n, ref in enumerate(action.results or ()):
            if ref not in refs.results:
                yield problem(("results", n), "action.results: " + unknown("result", ref, refs.results))
        if action.due is not None and action.due < action.date:
            yield problem(("due",), f"action.due: {action.due} is before the date of this record ({action.date})",
                          Severity.WARNING)


def check_dates(cohort: Cohort, cur: Curriculum) -> Iterator[Problem]:
    """A record dated outside the cohort's dates is worth a look (a warning)."""
    for kind in RECORD_TABLES:
        for log, keys, record in _records(cohort, kind):
            day: dt.date = record.date
            if day < cohort.start:
                yield Problem(log.path, f"{kind}.date: {day} is before the cohort's start ({cohort.start})",
                              Severity.WARNING, keys=(*keys, "date"))
            elif day > cohort.end:
                yield Problem(log.path, f"{kind}.date: {day} is after the cohort's end ({cohort.end})",
                              Severity.WARNING, keys=(*keys, "date"))


COHORT_CHECKS: list[CohortCheck] = [
    check_cohort,
    check_people,
    check_sessions,
    check_outputs,
    check_assessments,
    check_measurements,
    check_actions,
    check_dates,
]


def check_curriculum(cur: Curriculum) -> list[Problem]:
    """Every curriculum rule on one curriculum."""
    return [problem for check in CURRICULUM_CHECKS for problem in check(cur)]


def check_cohort_all(cohort: Cohort, cur: Curriculum) -> list[Problem]:
    """Every cohort rule on one cohort."""
    return [problem for check in COHORT_CHECKS for problem in check(cohort, cur)]


def check_workspace(ws: Loaded, curricula: Optional[Sequence[str]] = None) -> list[Problem]:
    """Every rule on the loaded workspace: the named curricula (default: all) and every loaded cohort."""
    problems: list[Problem] = []
    for id_, cur in ws.curricula.items():
        if curricula is None or id_ in curricula:
            problems += check_curriculum(cur)
    for cohort in ws.cohorts.values():
        cur = ws.curricula.get(cohort.curriculum)
        if cur is not None:
            problems += check_cohort_all(cohort, cur)
        elif cohort.curriculum not in ws.unreadable:
            problems.append(Problem(cohort_path(cohort.id),
                                    "curriculum: " + unknown("curriculum", cohort.curriculum, ws.curricula),
                                    keys=("curriculum",)))
    return problems
