"""The geometry of the charts, worked out from the figures: lengths in SVG user units, no drawing.

Templates draw what these say (render/templates/macros.html); keeping the arithmetic here lets it
be tested without a browser, and keeps each bar's length proportional to its figure.
"""

from __future__ import annotations

import math
from typing import Optional

import attrs

from ..progress import ResultFigures

#: The length of a full-scale bar, in SVG user units.
LENGTH = 196.0


def _finite(value: Optional[float]) -> Optional[float]:
    return value if value is not None and math.isfinite(value) and value >= 0 else None


@attrs.frozen
class ResultBars:
    """One expected result drawn as two bars on one scale: the target, the actual, and the pace mark."""

    result: ResultFigures
    """The result drawn."""
    full: float
    """The value a full-length bar stands for: 100 for a percentage, else the largest figure drawn."""
    target: Optional[float]
    """The target bar's length; None when there is no target to draw."""
    actual: Optional[float]
    """The actual bar's length; None when the actual is empty (or too large to draw)."""
    pace: Optional[float]
    """Where the expected-by-now mark stands on the scale; None when there is no pace."""


def result_bars(result: ResultFigures) -> ResultBars:
    """The bars of one result, every length on one scale: LENGTH x value / full."""
    target, actual, pace = _finite(result.target), _finite(result.actual), _finite(result.expected)
    drawn = [v for v in (target, actual, pace) if v is not None]
    full = 100.0 if result.unit == "percent" else 0.0
    full = max([full, *drawn]) or 1.0
    length = (lambda v: None if v is None else LENGTH * v / full)
    return ResultBars(result, full, length(target), length(actual), length(pace))


#: A periods chart's plotting area, in SVG user units: bars between these x, up from BASE to TOP.
LEFT, RIGHT, TOP, BASE = 8.0, 300.0, 10.0, 70.0


@attrs.frozen
class PeriodBar:
    """One period's bar: where it stands and how tall its actual is."""

    x: float
    """Its left edge."""
    width: float
    """Its width."""
    height: Optional[float]
    """Its height (from BASE up); None when the actual is empty (or too large to draw)."""
    expected: Optional[float]
    """The height of the expected value at the period's end; None where there is none."""


@attrs.frozen
class PeriodBars:
    """One result over its periods: the actual at each period's end as a bar, the expected value as
    a line through the bars' middles, the target as a level across, every height on one scale."""

    result: ResultFigures
    """The result drawn (with its periods)."""
    full: float
    """The value the plot's full height stands for: 100 for a percentage, else the largest figure drawn."""
    bars: tuple[PeriodBar, ...]
    """A bar per period, in order."""
    target: Optional[float]
    """The target's height; None when there is no target to draw."""

    def points(self) -> str:
        """The expected line's points, `x,y x,y ...` (the periods with an expected value)."""
        return " ".join(f"{bar.x + bar.width / 2:.2f},{BASE - bar.expected:.2f}" for bar in self.bars
                        if bar.expected is not None)


def period_bars(result: ResultFigures) -> PeriodBars:
    """The periods chart of one result, every height on one scale: (BASE - TOP) x value / full."""
    periods = result.periods
    actuals = [_finite(p.actual) for p in periods]
    expecteds = [_finite(p.expected) for p in periods]
    target = _finite(result.target)
    drawn = [v for v in (*actuals, *expecteds, target) if v is not None]
    full = max([100.0 if result.unit == "percent" else 0.0, *drawn]) or 1.0
    span = BASE - TOP
    height = (lambda v: None if v is None else span * v / full)
    slot = (RIGHT - LEFT) / max(len(periods), 1)
    bars = tuple(PeriodBar(LEFT + n * slot + slot * 0.15, slot * 0.7, height(a), height(e))
                 for n, (a, e) in enumerate(zip(actuals, expecteds)))
    return PeriodBars(result, full, bars, height(target))
