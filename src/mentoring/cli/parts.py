"""A reading command's work per cohort, kept between runs: after one record is appended, only the
cohort it belongs to is read and computed again.

`per_cohort(name, compute, kind)` opens the workspace as `open_workspace()` does and gives every
problem (located, in file and line order), the settings, and `compute(ws, cohort_id)` for each
cohort fit to report on (or, with `every=True`, each that loaded). Each cohort's part (its
problems and its value) is kept in the run's slot of the results cache (`mentoring.results`)
under the digest of its own files and of what every cohort shares (the curricula,
`mentoring.toml`, the list of cohort folders); when the slot holds the parts of an earlier run,
only the cohorts whose digest changed are opened (all of them when a shared file changed). A
cohort's problems come only from its own files and the curricula, so they are the same whether
it is opened alone or with the others.

The value must be something `mentoring.codec` can write and read back (model and figure
objects, their dates, enums, tuples and dicts), declared by `kind`: what a later run reads back
is exactly what this one computed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs

from ..codec import decode, encode
from ..layout import COHORTS
from ..model import Settings
from ..problems import Problem, Severity

T = TypeVar("T")


@attrs.frozen
class Sheet(Generic[T]):
    """What `per_cohort` gives."""

    problems: tuple[Problem, ...]
    """Every problem of the workspace, located, in file and line order."""
    values: dict[str, T]
    """Cohort id to the command's value, in cohort id order."""
    settings: Settings
    """The workspace's settings."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that are errors."""
        return tuple(p for p in self.problems if p.is_error)


def _problem_row(problem: Problem) -> list[Any]:
    return [problem.path, problem.line, problem.severity.value, problem.message]


def _problem(row: list[Any]) -> Problem:
    path, line, severity, message = row
    return Problem(str(path), str(message), Severity(severity), line=line)


def _in_folder(problem: Problem, cohort_id: str) -> bool:
    return problem.path.startswith(f"{COHORTS}/{cohort_id}/")


def per_cohort(name: str, compute: Callable[[Any, str], T], kind: Any, every: bool = False,
               afresh: bool = False) -> Sheet[T]:
    """Every problem, the settings and `compute(ws, id)` for each cohort fit to report on (each
    that loaded, with `every`), reading and computing again only the cohorts that changed since
    the run that last kept this command's parts (none of them, `afresh`). `name` says what the
    parts are."""
    from ..results import current
    from . import door, find_root

    root, found = find_root()
    run = current()
    if run is None or not run.reading or not run.on:
        ws = door(root)
        values = {id_: compute(ws, id_) for id_ in ws.cohorts if (every or ws.sound(id_))}
        return Sheet(ws.problems, values, ws.settings)
    digests = run.read(root, found)
    old = run.parts if not afresh and isinstance(run.parts, dict) and run.parts.get("name") == name else {}
    shared = old.get("shared") if isinstance(old.get("shared"), list) and old["shared"][:1] == [digests.shared] else None
    kept = old.get("cohorts", {}) if shared is not None else {}
    parts: dict[str, Any] = {}
    for id_, digest in digests.cohorts.items():
        part = kept.get(id_) if isinstance(kept, dict) else None
        if isinstance(part, list) and len(part) == 2 and part[0] == digest:
            parts[id_] = part
    missing = [id_ for id_ in digests.cohorts if id_ not in parts]
    computed: dict[str, Any] = {}
    if shared is None or missing:
        ws = door(root, None if shared is None or len(missing) == len(digests.cohorts) else missing)
        if shared is None:
            inside = tuple(f"{COHORTS}/{id_}/" for id_ in digests.cohorts)
            shared = [digests.shared, {"problems": [_problem_row(p) for p in ws.problems if not p.path.startswith(inside)],
                                       "settings": encode(ws.settings)}]
        for id_ in missing:
            value = compute(ws, id_) if id_ in ws.cohorts and (every or ws.sound(id_)) else None
            computed[id_] = value
            parts[id_] = [digests.cohorts[id_], {
                "problems": [_problem_row(p) for p in ws.problems if _in_folder(p, id_)],
                "value": None if value is None else encode(value), "has": value is not None}]
    try:
        sheet = _sheet(shared[1], [parts[id_][1] for id_ in digests.cohorts], list(digests.cohorts), kind, computed)
    except (KeyError, TypeError, ValueError, IndexError):
        if afresh:  # what was just computed does not read back: a bug, to be seen, not looped on
            raise
        run.parts = None  # a kept part of the wrong shape: start afresh
        return per_cohort(name, compute, kind, every, afresh=True)
    run.parts = {"name": name, "shared": shared, "cohorts": parts}
    return sheet


def _sheet(shared: dict[str, Any], parts: list[dict[str, Any]], ids: list[str], kind: Any,
           computed: dict[str, Any]) -> Sheet[Any]:
    """The sheet of the parts: a value computed in this run as it is, a kept one decoded."""
    problems = [_problem(row) for row in shared["problems"]]
    values = {}
    for id_, part in zip(ids, parts):
        problems += [_problem(row) for row in part["problems"]]
        if part["has"]:
            values[id_] = computed[id_] if id_ in computed else decode(part["value"], kind)
    problems.sort(key=lambda p: (p.path, p.line or 0))
    return Sheet(tuple(problems), values, decode(shared["settings"], Settings))
