"""Properties of periods and programme rollups, with hypothesis, on the random valid cohorts of
tests/test_properties.py (a curriculum with a result of every measure, one cohort of up to two
months, one to three logs):

- a period's actual and status are the report's as of the period's end (the one sweep agrees with
  the whole computation run again at that date), for the cohort and for each group;
- the changes of a count over all periods add up to its actual at the last period's end;
- the rollup of one started cohort with no target override is that cohort's report.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from test_properties import SETTINGS, sound_cohorts

from mentoring.model import By, PeriodKind
from mentoring.periods import COUNT_MEASURES, periods, progress_by_period
from mentoring.progress import progress
from mentoring.rollup import rollup

KINDS = st.sampled_from(list(PeriodKind))


@SETTINGS
@given(sound_cohorts(), KINDS, st.sampled_from([None, By.GROUP, By.SEX]))
def test_each_period_is_the_report_as_of_its_end(case, kind, by):
    """For every period, every result's actual and status (the cohort's and each group's) equal
    those of the report as of the period's end."""
    cohort, cur, as_of = case
    figures = progress_by_period(cohort, cur, as_of, by, kind)
    for n, span in enumerate(periods(kind, cohort.start, cohort.end, as_of)):
        then = progress(cohort, cur, span.end, by)
        pairs = [(figures.results, then.results), *((g.results, h.results) for g, h in zip(figures.groups, then.groups))]
        for results, expected in pairs:
            for result, report in zip(results, expected):
                period = result.periods[n]
                assert (period.start, period.end) == (span.start, span.end)
                assert period.actual == pytest.approx(report.actual), (result.id, span)
                assert period.status == report.status, (result.id, span)


@SETTINGS
@given(sound_cohorts(), KINDS)
def test_the_changes_of_a_count_add_up_to_its_last_actual(case, kind):
    """For participants, outputs, sessions, hours and reported, the sum of the periods' changes is
    the actual at the last period's end (an empty actual and its empty change counting as 0)."""
    cohort, cur, as_of = case
    for result in progress_by_period(cohort, cur, as_of, None, kind).results:
        if result.measure not in {m.value for m in COUNT_MEASURES} or not result.periods:
            continue
        changes = sum(p.change or 0 for p in result.periods)
        assert changes == pytest.approx(result.periods[-1].actual or 0), result.id


@SETTINGS
@given(sound_cohorts(), st.sampled_from([None, *PeriodKind]))
def test_the_rollup_of_one_cohort_is_its_report(case, kind):
    """A programme of one started cohort without target overrides has that cohort's results, with
    the same periods."""
    cohort, cur, as_of = case
    assume(as_of >= cohort.start)
    cohort = attrs.evolve(cohort, targets={})
    programme = rollup(cur, [cohort], as_of, period=kind)
    report = progress(cohort, cur, as_of) if kind is None else progress_by_period(cohort, cur, as_of, None, kind)
    assert programme.results == report.results
