"""mentoring: keep training programmes honest.

Curricula and cohorts in TOML, records appended to logs, progress against the expected results
promised to a funder. The door is `open_workspace`:

    >>> import mentoring
    >>> ws = mentoring.open_workspace("path/to/workspace")       # doctest: +SKIP
    >>> ws.progress("hapsari-sosmed-2015", as_of="2015-03-31")   # doctest: +SKIP

See docs/library.md for the whole public API and docs/architecture.md for how it is built. The
names below are imported on first use, so that `import mentoring` (and the command's `--help`)
stays quick.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

#: Public name -> the module that defines it.
_EXPORTS = {
    "open_workspace": "workspace",
    "find_workspace": "workspace",
    "cohort_ids": "workspace",
    "Workspace": "workspace",
    "append_record": "logbook",
    "Outcome": "logbook",
    "Written": "logbook",
    "Problem": "problems",
    "Severity": "problems",
    "format_problem": "problems",
    "MentoringError": "errors",
    "UsageError": "errors",
    "DataError": "errors",
    "FollowUp": "actions",
    "ActionState": "actions",
    "Reflection": "actions",
    "ResultReflection": "actions",
    "DueList": "actions",
    "DueItem": "actions",
    "DueKind": "actions",
    "Progress": "progress",
    "ResultFigures": "progress",
    "ParticipantFigures": "progress",
    "GroupFigures": "progress",
    "Overview": "progress",
    "PeriodFigures": "progress",
    "Programme": "rollup",
    "ProgrammeGroup": "rollup",
    "PeriodKind": "model",
    "History": "history",
    "ResultStatus": "model",
    "CohortStatus": "model",
    "ActionStatus": "model",
    "By": "model",
    "Format": "render",
    "redact": "redact",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'mentoring' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
