"""A programme's figures: every cohort of one curriculum (or a chosen few) added up, as of a date.

Pure (FORMAT.md, "Programme rollup"): cohorts and their curriculum in, figures out.

- count targets (`participants` with a count, `outputs`, `sessions`, `hours`, `reported`): the
  cohorts' targets in force and their actuals summed (an empty actual adds nothing), or, for a
  `reported` result with `rollup = "max"`, the largest of each;
- percentage targets: the curriculum's target, against an actual pooled over the cohorts (all
  attended over all expected, all who meet the criteria over all participants, all periods that
  hold enough over all closed periods), never an average of the cohorts' percentages;
- status by the usual rules, from the earliest cohort start to the latest due date;
- a cohort not started yet adds its count targets, and nothing to the actuals.

Figures per period (`period`) come from each cohort's one sweep (`periods.Timeline`) at the
programme's period ends, a cohort counting from the first period end on or after its start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Optional

import attrs

from .errors import DataError, UsageError
from .layout import curriculum_path
from .model import By, Cohort, Curriculum, PeriodKind, Quantity, Result, ResultStatus, Rollup
from .periods import Period, Timeline, period_figures, periods
from .problems import Problem
from .progress import (
    Facts,
    ResultFigures,
    Scope,
    Tally,
    due_of,
    figures_of,
    group_order,
    groups_of,
    ratio,
    target_of,
)


@attrs.frozen
class ProgrammeGroup:
    """The figures of one part of a programme: a cohort, or the participants sharing a group,
    organisation or sex across the cohorts."""

    name: Optional[str]
    """The cohort's id, or the field's value (None for participants in whom it is not recorded)."""
    results: tuple[ResultFigures, ...]
    """Each result: a cohort's own figures; a field's pooled over its participants in every cohort
    started, a count with no target (the target belongs to the whole)."""


@attrs.frozen
class Programme:
    """A programme (the cohorts of one curriculum) as of a date."""

    curriculum: str
    """The curriculum's id."""
    title: str
    """The curriculum's title."""
    as_of: dt.date
    """The date the figures are for."""
    cohorts: tuple[str, ...]
    """The ids of the cohorts added up, by start date, then id."""
    started: tuple[str, ...]
    """Those of them started by the as-of date (the others add their count targets only)."""
    start: dt.date
    """The earliest start among the cohorts."""
    end: dt.date
    """The latest end among the cohorts."""
    results: tuple[ResultFigures, ...]
    """Every expected result of the curriculum, added up, in its order."""
    groups: tuple[ProgrammeGroup, ...] = ()
    """The break-down asked for, if any."""
    by: Optional[By] = None
    """What the break-down is by: the cohorts, or a participants' field."""
    period: Optional[PeriodKind] = None
    """The kind of reporting period each result's `periods` are, when asked for."""

    @property
    def results_met(self) -> int:
        """How many results are met."""
        return sum(1 for result in self.results if result.status is ResultStatus.MET)


def target_problems(cur: Curriculum, cohorts: Sequence[Cohort]) -> list[Problem]:
    """Results whose targets cannot be added up: a `participants` result with count targets in
    force in some of the cohorts and percentages in others (or percentages everywhere while the
    curriculum's own target, the programme's, is a count). One problem per result, at its target
    in the curriculum, naming the cohorts of each kind."""
    out = []
    for n, result in enumerate(cur.results):
        counts = [c.id for c in cohorts if not target_of(c, result).percent]
        percents = [c.id for c in cohorts if target_of(c, result).percent]
        if counts and percents:
            message = (f'result "{result.id}": a programme total cannot add count targets (cohorts '
                       f'{", ".join(counts)}) to percentage targets (cohorts {", ".join(percents)}); '
                       f"give them targets of one kind under [targets] in cohort.toml")
        elif percents and not result.target.percent:
            message = (f'result "{result.id}": cohorts {", ".join(percents)} set percentage targets, but the '
                       f"curriculum's target, the programme's, is a count; give the curriculum a percentage "
                       f"target or the cohorts counts")
        else:
            continue
        out.append(Problem(curriculum_path(cur.id), message, keys=("results", n, "target")))
    return out


def combine(tallies: Sequence[Tally], rate: bool, largest: bool = False) -> Tally:
    """Cohorts' tallies as one: rates pooled, counts summed (or the largest taken), an empty
    count adding nothing (empty when all are)."""
    if largest:
        values = [t.value for t in tallies if t.value is not None]
        return Tally(max(values) if values else None)
    total = ratio(0, 0) if rate else Tally()
    for tally in tallies:
        total = total + tally
    return total


@attrs.frozen
class _Part:
    """One cohort's share of a programme: its facts and its sweep (None when not needed)."""

    cohort: Cohort
    """The cohort."""
    facts: Optional[Facts]
    """Its records as of the date; None for a cohort not started (unless its own figures are asked for)."""
    timeline: Optional[Timeline]
    """Its one sweep, at the programme's period ends and the as-of date; None with the facts."""


def _programme_target(result: Result, cohorts: Sequence[Cohort]) -> Quantity:
    """The programme's target: the curriculum's percentage where the targets in force are
    percentages, else the cohorts' count targets summed (the largest, for `rollup = "max"`)."""
    targets = [target_of(c, result) for c in cohorts]
    if all(t.percent for t in targets):
        return result.target
    values = [t.value for t in targets]
    return Quantity(max(values) if result.rollup is Rollup.MAX else sum(values))


def rollup(cur: Curriculum, cohorts: Sequence[Cohort], as_of: dt.date, by: Optional[By] = None,
           period: Optional[PeriodKind] = None) -> Programme:
    """The programme's figures: the cohorts (all of one curriculum, none with errors) added up as
    of a date; `by` adds each cohort's own figures (`By.COHORT`) or a break-down by a
    participants' field; `period` adds each result's figures per month, quarter or year, from
    the earliest start to the latest end. A DataError when targets cannot be added up."""
    if not cohorts:
        raise UsageError(f'curriculum "{cur.id}" has no cohorts to add up')
    strangers = [c.id for c in cohorts if c.curriculum != cur.id]
    if strangers:
        raise UsageError(f'cohorts {", ".join(strangers)} do not run curriculum "{cur.id}"')
    problems = target_problems(cur, cohorts)
    if problems:
        raise DataError(f'curriculum "{cur.id}": targets that cannot be added up', problems)
    by = By(by) if by is not None else None
    kind = PeriodKind(period) if period is not None else None
    cohorts = sorted(cohorts, key=lambda c: (c.start, c.id))
    start, end = min(c.start for c in cohorts), max(c.end for c in cohorts)
    spans = periods(kind, start, end, as_of) if kind is not None else ()
    cuts = [span.end for span in spans]
    if not cuts or cuts[-1] < as_of:
        cuts.append(as_of)
    parts = []
    for cohort in cohorts:
        needed = cohort.start <= as_of or by is By.COHORT
        facts = Facts(cohort, cur, as_of) if needed else None
        parts.append(_Part(cohort, facts, Timeline(facts, cuts) if facts else None))

    def added(result: Result, scopes: Sequence[tuple[_Part, Scope]], whole: bool = False) -> ResultFigures:
        """A result over the given scopes of the started cohorts, added up cut by cut; a count is
        judged against the target only for the whole programme."""
        target = _programme_target(result, cohorts)
        due = max(due_of(c, result) for c in cohorts)
        judged = whole or target.percent
        series = []
        for part, scope in scopes:
            tallies = part.timeline.tallies(scope, result, target.percent, due_of(part.cohort, result))
            series.append([t if part.cohort.start <= cut else None for t, cut in zip(tallies, cuts)])
        tallies = [combine([s[k] for s in series if s[k] is not None], target.percent, result.rollup is Rollup.MAX)
                   for k in range(len(cuts))]
        shown = target.value if judged else None
        return figures_of(result, target, tallies[-1].actual, judged, start, due, as_of,
                          period_figures(result.measure, shown, start, due, spans, tallies))

    started = [p for p in parts if p.cohort.start <= as_of]
    everyone = [(p, Scope(p.facts, p.facts.participants, whole=True)) for p in started]
    results = tuple(added(r, everyone, whole=True) for r in cur.results)
    groups: list[ProgrammeGroup] = []
    if by is By.COHORT:
        groups = [ProgrammeGroup(p.cohort.id, tuple(_own(p, r, spans, as_of) for r in cur.results)) for p in parts]
    elif by is not None:
        grouped = [groups_of(p.cohort.participants, by) for p in parts]
        names = sorted({name for found in grouped for name in found}, key=group_order)
        for name in names:
            scopes = [(p, Scope(p.facts, found[name])) for p, found in zip(parts, grouped)
                      if name in found and p.cohort.start <= as_of]
            groups.append(ProgrammeGroup(name, tuple(added(r, scopes) for r in cur.results)))
    return Programme(
        curriculum=cur.id,
        title=cur.title,
        as_of=as_of,
        cohorts=tuple(c.id for c in cohorts),
        started=tuple(p.cohort.id for p in started),
        start=start,
        end=end,
        results=results,
        groups=tuple(groups),
        by=by,
        period=kind,
    )


def _own(part: _Part, result: Result, spans: Sequence[Period], as_of: dt.date) -> ResultFigures:
    """A cohort's own figures for a result (its report's), with periods over the programme's."""
    cohort = part.cohort
    target, due = target_of(cohort, result), due_of(cohort, result)
    scope = Scope(part.facts, part.facts.participants, whole=True)
    tallies = part.timeline.tallies(scope, result, target.percent, due)
    return figures_of(result, target, tallies[-1].actual, True, cohort.start, due, as_of,
                      period_figures(result.measure, target.value, cohort.start, due, spans, tallies))
