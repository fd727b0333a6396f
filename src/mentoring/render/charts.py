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
