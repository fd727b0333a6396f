"""Figures per reporting period (FORMAT.md, "Periods"): pure, records in, figures out.

Time is split into calendar months, quarters or years (`periods`), clipped to a cohort's dates;
each result gets its actual, change, expected value and status at each period's end. The figures
at every period's end come from ONE sweep over the records in date order (`Timeline`), reusing
the facts the engine gathers for the as-of date, not from the whole computation run again for each
period.

    spans = periods(PeriodKind.QUARTER, start, end, as_of)      # the periods, as (start, end) spans
    progress_by_period(cohort, cur, as_of, by, PeriodKind.QUARTER)  # a report with periods

`period_figures` turns tallies at the periods' ends into figures; the programme rollup uses it too.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import accumulate
from typing import Optional

import attrs

from .model import By, Cohort, Completion, Curriculum, Measure, PeriodKind, Result
from .progress import (
    Criteria,
    Facts,
    PeriodFigures,
    Progress,
    Scope,
    Tally,
    cadence_period,
    cadence_tally,
    closed_periods,
    due_of,
    expected_of,
    least_status,
    output_filter,
    ResultFigures,
    figures_of,
    progress_of,
    ratio,
    status_of,
    target_of,
)

#: Measures whose `change` is the actual at the end minus the actual the day before the start.
COUNT_MEASURES = frozenset({Measure.PARTICIPANTS, Measure.OUTPUTS, Measure.SESSIONS, Measure.HOURS, Measure.REPORTED})


@attrs.frozen
class Period:
    """A reporting period, clipped to the dates it reports on."""

    start: dt.date
    """Its first day (the cohort's start for the first period)."""
    end: dt.date
    """The day its figures are as of: its last day (the cohort's end for the last), or the as-of
    date when that is earlier."""


def _last_day(kind: PeriodKind, day: dt.date) -> dt.date:
    """The last day of the calendar month, quarter or year holding a day."""
    if kind is PeriodKind.YEAR:
        return dt.date(day.year, 12, 31)
    month = day.month if kind is PeriodKind.MONTH else 3 * ((day.month - 1) // 3 + 1)
    following = dt.date(day.year + 1, 1, 1) if month == 12 else dt.date(day.year, month + 1, 1)
    return following - dt.timedelta(days=1)


def periods(kind: PeriodKind, start: dt.date, end: dt.date, as_of: dt.date) -> tuple[Period, ...]:
    """The calendar months, quarters or years from start to end (the first and last clipped to
    them), those whose first day is on or before as_of; the last ends on as_of when that is earlier."""
    kind = PeriodKind(kind)
    spans = []
    first = start
    while first <= end and first <= as_of:
        last = min(_last_day(kind, first), end)
        spans.append(Period(first, min(last, as_of)))
        first = last + dt.timedelta(days=1)
    return tuple(spans)


def change_of(measure: Measure, before: Optional[Tally], now: Tally) -> Optional[float]:
    """What a period added: a count's actual minus the one before (an empty one counting as 0),
    the attendance over the period's own sessions; None for cadence."""
    if measure is Measure.CADENCE:
        return None
    if measure is Measure.ATTENDANCE:
        return (now - before).actual if before is not None else now.actual
    if now.actual is None:
        return None
    return now.actual - ((before.actual or 0) if before is not None else 0)


def period_figures(measure: Measure, target: Optional[float], start: dt.date, due: dt.date,
                   spans: Sequence[Period], tallies: Sequence[Tally]) -> tuple[PeriodFigures, ...]:
    """Each period's figures from the tallies at the periods' ends. `expected` is what the status
    rule holds the actual against before the due date: the target for a rate, target x elapsed
    for a count. With no target (a group's count), no expected value and no status."""
    out = []
    before: Optional[Tally] = None
    for span, tally in zip(spans, tallies):
        actual = tally.actual
        expected = status = None
        if target is not None:
            expected = expected_of(measure, target, start, due, span.end)
            status = status_of(measure, target, actual, start, due, span.end)
        out.append(PeriodFigures(span.start, span.end, actual, change_of(measure, before, tally), expected, status))
        before = tally
    return tuple(out)


# --- the sweep ---------------------------------------------------------------------------------


def _positions(dates: Sequence[dt.date], cuts: Sequence[dt.date]) -> list[int]:
    """For each cut, how many of the sorted dates are on or before it."""
    return [bisect.bisect_right(dates, cut) for cut in cuts]


class Timeline:
    """A cohort's records (the engine's facts) read in date order, giving each result's tally at
    each cut: the end of each period. Records after the last cut are not looked at.

    Sessions, measurements and (per result) outputs are each walked once; who meets a
    participants rule is followed in one walk of sessions, outputs and assessments together,
    shared by every rule and every group."""

    def __init__(self, facts: Facts, cuts: Sequence[dt.date]):
        self.facts = facts
        self.cuts = list(cuts)
        self._met: Optional[dict[int, list[frozenset[str]]]] = None

    def tallies(self, scope: Scope, result: Result, percent: bool, due: dt.date) -> list[Tally]:
        """A result's tally over a scope at each cut."""
        measure = result.measure
        if measure is Measure.PARTICIPANTS:
            return self._participants(scope, result.criteria or self.facts.cur.completion, percent)
        if measure in (Measure.SESSIONS, Measure.HOURS, Measure.ATTENDANCE):
            return self._sessions(scope, result)
        if measure is Measure.OUTPUTS:
            return self._outputs(scope, result)
        if measure is Measure.CADENCE:
            return self._cadence(scope, result, due)
        return self._reported(scope, result)

    def _sessions(self, scope: Scope, result: Result) -> list[Tally]:
        sessions = scope.sessions(result)
        at = _positions([s.date for s in sessions], self.cuts)
        if result.measure is Measure.SESSIONS:
            return [Tally(n) for n in at]
        if result.measure is Measure.HOURS:
            hours = list(accumulate((s.hours for s in sessions), initial=0))
            return [Tally(hours[n]) for n in at]
        came = list(accumulate((scope.came_count(s) for s in sessions), initial=0))
        expected = list(accumulate((scope.expected_count(s) for s in sessions), initial=0))
        return [ratio(came[n], expected[n]) for n in at]

    def _reported(self, scope: Scope, result: Result) -> list[Tally]:
        if not scope.whole:  # a measurement is of the whole cohort
            return [Tally() for _ in self.cuts]
        mine = [m for m in self.facts.measurements if m.result == result.id]
        at = _positions([m.date for m in mine], self.cuts)
        return [Tally(mine[n - 1].value if n else None) for n in at]

    def _output_walk(self, scope: Scope, result: Result):
        """The output records that can count for a result, walked in date order: at each cut,
        yields the records read since the last cut as (key, first date of that output, whether
        it counted before, whether it counts now)."""
        facts, keep, least = self.facts, output_filter(result, scope), least_status(result)
        counting: dict[object, bool] = {}
        first: dict[object, dt.date] = {}
        records = [(o, key) for o, key in zip(facts.output_records, facts.output_keys) if keep(o)]
        n = 0
        for cut in self.cuts:
            changes = []
            while n < len(records) and records[n][0].date <= cut:
                output, key = records[n]
                now = output.status.rank >= least
                changes.append((key, first.setdefault(key, output.date), counting.get(key, False), now))
                counting[key] = now
                n += 1
            yield changes

    def _outputs(self, scope: Scope, result: Result) -> list[Tally]:
        out, count = [], 0
        for changes in self._output_walk(scope, result):
            count += sum(now - before for _, _, before, now in changes)
            out.append(Tally(count))
        return out

    def _cadence(self, scope: Scope, result: Result, due: dt.date) -> list[Tally]:
        """Counts per cadence period kept as outputs start or stop counting; at each cut, the
        closed periods (as of the earlier of the cut and the due date) that hold enough."""
        start = self.facts.cohort.start
        counts: Counter[int] = Counter()
        out = []
        for cut, changes in zip(self.cuts, self._output_walk(scope, result)):
            for _, first, before, now in changes:
                k = cadence_period(result, start, first)
                if k is not None and now != before:
                    counts[k] += now - before
            closed = closed_periods(result, start, min(cut, due))
            out.append(cadence_tally(result, [counts[k] for k in range(closed)], closed))
        return out

    def _participants(self, scope: Scope, rule: Completion, percent: bool) -> list[Tally]:
        met = self.who_meets()[id(rule)]
        counts = [len(ids) if scope.whole else len(ids & scope.ids) for ids in met]
        return [ratio(n, len(scope.members)) if percent else Tally(n) for n in counts]

    def who_meets(self) -> dict[int, list[frozenset[str]]]:
        """For each participants rule of the curriculum (by its id()), who meets it at each cut.

        One walk of the output records and assessments: output records set the status of each
        output (and so the best status of each participant's assignment), assessments set the
        mentor-assessed levels. At each cut a rule's assignments and levels are tested again only
        on the participants whose outputs or levels changed since the last cut, and attendance
        (by bisection in the dates the facts keep) only on those who hold the rest."""
        if self._met is not None:
            return self._met
        facts, cur = self.facts, self.facts.cur
        rules = {id(r.criteria or cur.completion): Criteria(r.criteria or cur.completion, cur)
                 for r in cur.results if r.measure is Measure.PARTICIPANTS}
        met: dict[int, list[frozenset[str]]] = {key: [] for key in rules}
        holding: dict[int, set[str]] = {key: set() for key in rules}
        rank: dict[object, int] = {}
        outputs_of: dict[tuple[str, str], list[object]] = defaultdict(list)
        best: dict[tuple[str, str], int] = {}
        levels: dict[str, dict[str, int]] = defaultdict(dict)
        outputs, assessments = facts.output_records, facts.assessments
        touched = set(facts.by_id)
        o = a = 0
        for cut in self.cuts:
            while o < len(outputs) and outputs[o].date <= cut:
                output, key = outputs[o], facts.output_keys[o]
                if output.assignment is not None:
                    pair = (output.participant, output.assignment)
                    if key not in rank:
                        outputs_of[pair].append(key)
                    rank[key] = output.status.rank
                    best[pair] = max(rank[k] for k in outputs_of[pair])
                    touched.add(output.participant)
                o += 1
            while a < len(assessments) and assessments[a].date <= cut:
                assessment = assessments[a]
                level = facts.level(assessment)
                if level is not None and assessment.by != "self":
                    levels[assessment.participant][assessment.competency] = level
                    touched.add(assessment.participant)
                a += 1
            attendance: dict[str, Optional[float]] = {}  # as of this cut, shared by the rules
            for key, criteria in rules.items():
                holds = holding[key]
                for ref in touched:
                    if ref in facts.by_id:
                        (holds.add if criteria.holds(ref, best, levels) else holds.discard)(ref)
                if criteria.attendance is None:
                    met[key].append(frozenset(holds))
                    continue
                for ref in holds:
                    if ref not in attendance:
                        attendance[ref] = facts.attendance_on(facts.by_id[ref], cut)
                met[key].append(frozenset(ref for ref in holds if criteria.attends(attendance[ref])))
            touched = set()
        self._met = met
        return met


def progress_by_period(cohort: Cohort, cur: Curriculum, as_of: dt.date, by: Optional[By],
                       kind: PeriodKind) -> Progress:
    """A cohort's figures as of a date, each result (and each group's) with its figures per
    period: calendar months, quarters or years from the cohort's start to its end.

    The timeline's cuts are the periods' ends and, when it is later, the as-of date itself, so
    that the one sweep gives the report's own figures too."""
    kind = PeriodKind(kind)
    spans = periods(kind, cohort.start, cohort.end, as_of)
    cuts = [span.end for span in spans]
    if not cuts or cuts[-1] < as_of:
        cuts.append(as_of)
    facts = Facts(cohort, cur, as_of)
    timeline = Timeline(facts, cuts)

    def figures(facts: Facts, scope: Scope, result: Result) -> ResultFigures:
        target, due = target_of(cohort, result), due_of(cohort, result)
        tallies = timeline.tallies(scope, result, target.percent, due)
        judged = scope.whole or target.percent
        shown = target.value if judged else None
        return figures_of(result, target, tallies[-1].actual, judged, cohort.start, due, as_of,
                          period_figures(result.measure, shown, cohort.start, due, spans, tallies))

    return attrs.evolve(progress_of(facts, By(by) if by is not None else None, figures), period=kind)
