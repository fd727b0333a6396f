"""The door: open a workspace, get everything in it with every problem already located.

    ws = open_workspace("path/to/workspace")
    ws.problems                      # every problem, path:line located, in file and line order
    ws.progress("hapsari-sosmed-2015", as_of=date(2015, 3, 31))
    ws.reflect("hapsari-sosmed-2015", as_of="2015-03-31")   # figures, causes and actions
    ws.due(as_of="2015-03-31")                              # what needs attention, every cohort
    ws.progress("hapsari-sosmed-2015", as_of="2015-03-31", by="sex", period="month")
    ws.rollup("social-media-advocacy", as_of="2015-03-31", by="cohort", period="quarter")

Loading, checking and locating happen here once, in that order, for every caller: the command
line, the logbook, a web app, a notebook. Bad data never raises (it is in `problems`); a bad
argument raises `UsageError`, and asking for the figures of a cohort with errors raises
`DataError`, which carries those errors.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

import attrs

from . import checks, loader
from .actions import MISSED, SILENT, WITHIN, DueList, FollowUp, Reflection, action_states, due_items, follow_up, reflection
from .cache import Cache
from .explain import Explanation, ParticipantExplanation, explain, explain_participant
from .errors import DataError, UsageError, enum_value
from .history import History, participant_history
from .layout import SETTINGS_FILE, about_cohort, cohort_path, curriculum_path, nearest_workspace
from .model import PARTICIPANT_FIELDS, By, Cohort, Curriculum, Loaded, PeriodKind, Settings
from .problems import Problem, did_you_mean, plural
from .periods import progress_by_period
from .progress import Overview, Progress, about_of, progress
from .rollup import Programme, rollup

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

    from .logbook import Outcome, Written

PathLike = Union[str, "os.PathLike[str]"]

#: The reporting periods an IATI export takes (IATI results are reported by quarter or year).
IATI_PERIODS = (PeriodKind.QUARTER, PeriodKind.YEAR)


def as_date(value: object, what: str = "as_of") -> dt.date:
    """A date from a date or an ISO string (`2015-03-31`); today for None."""
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise UsageError(f"{what}: expected a date such as 2015-03-31, got {value!r}")


def _whole(value: object, what: str, least: int) -> int:
    """A whole number of at least `least`, or a UsageError."""
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise UsageError(f"{what}: expected a whole number of at least {least}, got {value!r}")
    return value


def find_workspace(start: PathLike = ".") -> Path:
    """The nearest folder at or above `start` that holds `curricula/` or `cohorts/`."""
    found = nearest_workspace(start)
    if found is None:
        raise UsageError(f"no workspace found at or above {Path(start).resolve()}: "
                         "a workspace is a folder holding curricula/ or cohorts/")
    return found


def cohort_ids(root: PathLike) -> list[str]:
    """The ids of every cohort folder of a workspace, sorted (nothing is read)."""
    return loader.cohort_ids(Path(root))


def known_cohorts(root: Path, wanted: Iterable[str]) -> list[str]:
    """The wanted cohort ids, each checked to exist (a UsageError with "did you mean" if not)."""
    ids = loader.cohort_ids(root)
    wanted = list(wanted)
    for id_ in wanted:
        if id_ not in ids:
            listed = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
            raise UsageError(f'unknown cohort "{id_}"{did_you_mean(id_, ids)}; cohorts: {listed or "none"}')
    return wanted


def _cache_of(root: Path, cache: Union[bool, PathLike, None]) -> Optional[Cache]:
    if cache is None or cache is False:
        return None
    return Cache.for_workspace(root, None if cache is True else Path(cache))


def inspect(root: Path, cohorts: Optional[Sequence[str]] = None,
            cache: Optional[Cache] = None) -> tuple[Loaded, Settings, list[Problem]]:
    """Load the workspace (the named cohorts, default all) and its settings, and check them: the
    data, the settings and every problem, located. Only the curricula the named cohorts run are
    checked when cohorts are named."""
    data, problems = loader.load_workspace(root, cohorts, cache)
    settings, found = loader.load_settings(root)
    used = None if cohorts is None else sorted({data.cohorts[c].curriculum for c in cohorts if c in data.cohorts})
    located = loader.locate(root, problems + found + checks.check_workspace(data, used))
    return data, settings, sorted(located, key=lambda p: (p.path, p.line or 0))


@attrs.frozen
class Workspace:
    """A workspace as read: its curricula and cohorts, and every problem found in them."""

    root: Path
    """The workspace folder."""
    data: Loaded
    """The curricula and cohorts that loaded."""
    problems: tuple[Problem, ...]
    """Every problem (errors and warnings), located, in file and line order."""
    settings: Settings = Settings()
    """The workspace's `mentoring.toml` (the defaults when there is none, or it has errors)."""
    partial: bool = False
    """True when only some cohorts were opened."""
    named: Optional[tuple[str, ...]] = attrs.field(default=None, eq=False, repr=False)
    """The cohorts named when it was opened (None: all)."""
    snapshot: tuple[tuple[str, int, int], ...] = attrs.field(default=(), eq=False, repr=False)
    """Every file read, as (path, size, modification time in ns), taken just before reading."""

    def changed(self) -> bool:
        """Whether any file it read was edited, added or removed since it was opened (an editor's
        save, a `git pull`, a record appended): then open it again to see the files as they are.
        Only sizes and modification times are looked at; nothing is read."""
        return loader.snapshot(self.root, self.named) != self.snapshot

    @property
    def curricula(self) -> Mapping[str, Curriculum]:
        """Curricula that loaded, by id."""
        return self.data.curricula

    @property
    def cohorts(self) -> Mapping[str, Cohort]:
        """Cohorts that loaded, by id (a cohort whose cohort.toml could not be read is absent)."""
        return self.data.cohorts

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that are errors."""
        return tuple(p for p in self.problems if p.is_error)

    def problems_of(self, cohort_id: str) -> tuple[Problem, ...]:
        """The problems in a cohort's own files and in the curriculum it runs."""
        cohort = self.cohorts.get(cohort_id)
        curriculum = cohort.curriculum if cohort is not None else None
        return tuple(p for p in self.problems if about_cohort(p.path, cohort_id, curriculum))

    def sound(self, cohort_id: str) -> bool:
        """Whether a cohort loaded and has no error of its own or in its curriculum: fit to report on."""
        return cohort_id in self.cohorts and not any(p.is_error for p in self.problems_of(cohort_id))

    @property
    def sound_cohorts(self) -> tuple[str, ...]:
        """The ids of the cohorts fit to report on."""
        return tuple(id_ for id_ in self.cohorts if self.sound(id_))

    def every_cohort(self) -> list[str]:
        """The ids of the cohorts opened; opened in full, of every cohort folder, those that could
        not be read included."""
        return list(self.cohorts) if self.partial else loader.cohort_ids(self.root)

    def cohort(self, cohort_id: str) -> Cohort:
        """A cohort fit to report on, or UsageError (unknown) or DataError (it has errors)."""
        if cohort_id not in self.cohorts:
            if cohort_id not in loader.cohort_ids(self.root):
                known_cohorts(self.root, [cohort_id])
        errors = [p for p in self.problems_of(cohort_id) if p.is_error]
        if errors or cohort_id not in self.cohorts:
            raise DataError(f'cohort "{cohort_id}" has errors and is not reported on', errors)
        return self.cohorts[cohort_id]

    def progress(self, cohort_id: str, as_of: Union[dt.date, str, None] = None,
                 by: Union[By, str, None] = None, period: Union[PeriodKind, str, None] = None) -> Progress:
        """A cohort's figures as of a date (default today), broken down `by` a participants' field
        (group, organisation, sex), with each result's figures per `period` (month, quarter, year)."""
        day = as_date(as_of)
        field = None if by is None else enum_value(By, by, "by", PARTICIPANT_FIELDS)
        kind = None if period is None else enum_value(PeriodKind, period, "period")
        cohort = self.cohort(cohort_id)
        cur = self.curricula[cohort.curriculum]
        if kind is None:
            return progress(cohort, cur, day, field)
        return progress_by_period(cohort, cur, day, field, kind)

    def explain(self, cohort_id: str, result_id: str, as_of: Union[dt.date, str, None] = None,
                by: Union[By, str, None] = None) -> Explanation:
        """Where a result's actual comes from as of a date (default today): the rule, the numerator
        and denominator of a rate, and every record the rule looked at, at its file and line,
        counted or not and why; `by` (group, organisation, sex) adds each group's."""
        day = as_date(as_of)
        field = None if by is None else enum_value(By, by, "by", PARTICIPANT_FIELDS)
        cohort = self.cohort(cohort_id)
        return explain(cohort, self.curricula[cohort.curriculum], result_id, day, field, self._header_lines)

    def explain_participant(self, cohort_id: str, participant_id: str,
                            as_of: Union[dt.date, str, None] = None) -> ParticipantExplanation:
        """Where one participant's completion comes from as of a date (default today): each
        requirement of the completion rule, met or not, with the records behind it."""
        day = as_date(as_of)
        cohort = self.cohort(cohort_id)
        return explain_participant(cohort, self.curricula[cohort.curriculum], participant_id, day, self._header_lines)

    def _header_lines(self, paths: Iterable[str]) -> dict[str, dict[str, list[int]]]:
        """The lines of the `[[...]]` headers of the workspace's files named (as they are now)."""
        return loader.header_lines_of(self.root, paths)

    def actions(self, cohort_id: str, as_of: Union[dt.date, str, None] = None,
                open_only: bool = False) -> FollowUp:
        """A cohort's follow-up actions as of a date (default today); only the open ones with `open_only`."""
        day = as_date(as_of)
        cohort = self.cohort(cohort_id)
        return follow_up(cohort, day, bool(open_only), about_of(cohort, self.curricula[cohort.curriculum]))

    def reflect(self, cohort_id: str, as_of: Union[dt.date, str, None] = None) -> Reflection:
        """The reflection sheet of a cohort as of a date (default today): each result's figures,
        the causes recorded for it and the actions that address it."""
        day = as_date(as_of)
        cohort = self.cohort(cohort_id)
        figures = progress(cohort, self.curricula[cohort.curriculum], day)
        return reflection(figures, action_states(cohort, day), cohort.title)

    def due(self, cohorts: Optional[Iterable[str]] = None, as_of: Union[dt.date, str, None] = None, *,
            within: int = WITHIN, missed: int = MISSED, silent: int = SILENT) -> DueList:
        """What needs someone's attention as of a date (default today), oldest first, across the
        named cohorts (default: every cohort). A cohort with errors is left out (named in
        `left_out`; its problems are in `problems_of`)."""
        day = as_date(as_of)
        within = _whole(within, "within", 0)
        missed = _whole(missed, "missed", 1)
        silent = _whole(silent, "silent", 1)
        if cohorts is None:
            wanted = self.every_cohort()
        else:
            wanted = [cohorts] if isinstance(cohorts, str) else list(cohorts)
            if any(id_ not in self.cohorts for id_ in wanted):  # only then is the folder listed
                known_cohorts(self.root, [id_ for id_ in wanted if id_ not in self.cohorts])
        looked = [id_ for id_ in dict.fromkeys(wanted) if self.sound(id_)]
        items = []
        for id_ in looked:
            cohort = self.cohorts[id_]
            items += due_items(cohort, self.curricula[cohort.curriculum], day, within, missed, silent)
        left_out = tuple(id_ for id_ in dict.fromkeys(wanted) if id_ not in looked)
        return DueList(day, tuple(sorted(items, key=lambda item: item.order)), tuple(looked), left_out,
                       within, missed, silent)

    def overview(self, as_of: Union[dt.date, str, None] = None) -> Overview:
        """Every cohort fit to report on (`sound_cohorts`), each with its figures as of a date."""
        day = as_date(as_of)
        return Overview(day, tuple(self.progress(id_, day) for id_ in sorted(self.sound_cohorts)))

    def curriculum(self, curriculum_id: str) -> Curriculum:
        """A curriculum fit to report on, or UsageError (unknown) or DataError (it has errors)."""
        ids = loader.curriculum_ids(self.root)
        if curriculum_id not in self.curricula and curriculum_id not in ids:
            raise UsageError(f'unknown curriculum "{curriculum_id}"{did_you_mean(curriculum_id, ids)}; '
                             f'curricula: {", ".join(ids) or "none"}')
        errors = [p for p in self.problems if p.is_error and p.path == curriculum_path(curriculum_id)]
        if errors or curriculum_id not in self.curricula:
            raise DataError(f'curriculum "{curriculum_id}" has errors and is not reported on', errors,
                            summary=f'{plural(len(errors), "error")} in curriculum "{curriculum_id}": '
                                    "the programme is not reported on")
        return self.curricula[curriculum_id]

    def programme(self, curriculum_id: str, cohort_ids: Optional[Iterable[str]] = None) -> tuple[Curriculum, list[Cohort]]:
        """A curriculum and its cohorts (all, or those named), every one fit to report on: else
        UsageError (unknown, or running another curriculum) or DataError naming the cohorts with
        errors (a cohort that could not be read at all may be one of the programme's too)."""
        cur = self.curriculum(curriculum_id)
        if cohort_ids is None:
            # A cohort folder that could not be read may be one of the programme's.
            wanted = [c for c in self.every_cohort() if c not in self.cohorts or self.cohorts[c].curriculum == curriculum_id]
        else:
            wanted = list(dict.fromkeys(known_cohorts(self.root, cohort_ids)))
            for id_ in wanted:
                other = self.cohorts[id_].curriculum if id_ in self.cohorts else curriculum_id
                if other != curriculum_id:
                    raise UsageError(f'cohort "{id_}" runs curriculum "{other}", not "{curriculum_id}"')
        unsound = [c for c in wanted if not self.sound(c)]
        if unsound:
            errors = sorted({p for c in unsound for p in self.problems_of(c) if p.is_error}, key=lambda p: (p.path, p.line or 0))
            named = ", ".join(f'"{c}"' for c in unsound)
            raise DataError(f'cohort {named} has errors: programme "{curriculum_id}" is not reported on', errors,
                            summary=f"{plural(len(errors), 'error')} in {'cohort' if len(unsound) == 1 else 'cohorts'} "
                                    f"{named}: the programme is not reported on")
        if not wanted:
            raise UsageError(f'curriculum "{curriculum_id}" has no cohorts to add up')
        return cur, [self.cohorts[c] for c in wanted]

    def rollup(self, curriculum_id: str, as_of: Union[dt.date, str, None] = None,
               cohorts: Optional[Iterable[str]] = None, by: Union[By, str, None] = None,
               period: Union[PeriodKind, str, None] = None) -> Programme:
        """A programme's figures as of a date (default today): the cohorts of a curriculum (all,
        or those named) added up; `by` cohort, group, organisation or sex; `period` month,
        quarter or year. DataError when a cohort has errors or the targets cannot be added up."""
        day = as_date(as_of)
        field = None if by is None else enum_value(By, by, "by")
        kind = None if period is None else enum_value(PeriodKind, period, "period")
        if isinstance(cohorts, str):
            cohorts = [cohorts]
        cur, chosen = self.programme(curriculum_id, cohorts)
        try:
            return rollup(cur, chosen, day, field, kind)
        except DataError as failure:
            raise DataError(str(failure), loader.locate(self.root, failure.problems)) from None
    def history(self, cohort_id: str, participant: str, as_of: Union[dt.date, str, None] = None) -> History:
        """One participant's sessions, assignments, competencies and outputs (each with every record
        of it) as of a date (default today); UsageError for an id that is not a participant's."""
        day = as_date(as_of)
        cohort = self.cohort(cohort_id)
        people = {p.id: p for p in cohort.participants}
        if participant not in people:
            raise UsageError(f'no participant "{participant}" in cohort "{cohort_id}"{did_you_mean(participant, people)}')
        return participant_history(cohort, self.curricula[cohort.curriculum], people[participant], day)

    def append_record(self, cohort_id: str, kind: str, record: Any, file: Optional[str] = None, *,
                      then: Optional[Callable[[Written], None]] = None) -> Outcome:
        """`mentoring.append_record` in this workspace (the files as they are now, not as opened)."""
        from .logbook import append_record

        return append_record(self.root, cohort_id, kind, record, file, then=then)

    def export_iati(self, cohorts: Optional[Iterable[str]] = None, as_of: Union[dt.date, str, None] = None,
                    by: Union[By, str, None] = None, period: Union[PeriodKind, str, None] = None) -> ET.Element:
        """IATI activity XML 2.03 of cohorts (default every cohort) as of a date (default today), one
        `iati-activity` each, `by` a participants' field (group, organisation, sex) as dimensions,
        each result over the cohort's span or per `period` (quarter, year): an ElementTree element,
        which `mentoring.export.iati.to_bytes` writes out. DataError, naming each missing identity
        (the `[iati]` table of mentoring.toml, a cohort's `iati_identifier`) and each error of the cohorts."""
        from .export import iati

        day = as_date(as_of)
        field = None if by is None else enum_value(By, by, "by", PARTICIPANT_FIELDS)
        kind = None if period is None else enum_value(PeriodKind, period, "period", IATI_PERIODS)
        if isinstance(cohorts, str):
            cohorts = [cohorts]
        if cohorts is not None:
            ids = list(dict.fromkeys(known_cohorts(self.root, cohorts)))
        else:
            ids = self.every_cohort()
        problems, settings = self.iati_problems(ids), self.settings.iati
        if problems or settings is None:
            raise DataError("cannot export to IATI", problems)
        return iati.activities(settings, [
            iati.Activity(self.cohorts[id_], self.curricula[self.cohorts[id_].curriculum], self.progress(id_, day, field, kind))
            for id_ in ids])

    def iati_problems(self, cohort_ids: Iterable[str]) -> list[Problem]:
        """What stops these cohorts from being exported to IATI: a missing or broken `[iati]` in
        mentoring.toml, a cohort with errors, a missing or repeated `iati_identifier`."""
        settings_errors = [p for p in self.errors if p.path == SETTINGS_FILE]
        problems = settings_errors or ([] if self.settings.iati is not None else [Problem(
            SETTINGS_FILE, f"[iati] is missing: add it to {SETTINGS_FILE} in the workspace folder, with "
                           "reporting_org, reporting_org_name and reporting_org_type, to export to IATI")])
        org = self.settings.iati.reporting_org if self.settings.iati is not None else "XM-DAC-00000"
        seen: dict[str, str] = {}
        for id_ in cohort_ids:
            if not self.sound(id_):
                problems += [p for p in self.problems_of(id_) if p.is_error and p not in problems]
                continue
            identifier = (self.cohorts[id_].iati_identifier or "").strip()
            path = cohort_path(id_)
            if not identifier:
                problems.append(Problem(path, f'iati_identifier is missing: add it to {path} to export the cohort '
                                              f'to IATI, such as iati_identifier = "{org}-{id_}" (the reporting '
                                              f"organisation's identifier, a hyphen, the activity's own code)"))
            elif identifier in seen:
                problems.append(Problem(path, f'iati_identifier "{identifier}" is also cohort "{seen[identifier]}"\'s: '
                                              "each IATI activity needs its own", keys=("iati_identifier",)))
            else:
                seen[identifier] = id_
        return loader.locate(self.root, problems)


def open_workspace(path: PathLike = ".", *, search: bool = True, cohorts: Optional[Iterable[str]] = None,
                   cache: Union[bool, PathLike, None] = False) -> Workspace:
    """Read a workspace: every curriculum and cohort (or only the named cohorts), checked, with
    every problem located.

    `path` is the workspace folder or, with `search` (the default), any folder inside it: the
    nearest folder at or above it holding `curricula/` or `cohorts/` is used. `cache` keeps the
    logs read in a cache folder (True: the user's cache folder; a path: that folder).
    """
    if not isinstance(path, (str, os.PathLike)):
        raise UsageError(f"path: expected a folder's path (a str or a pathlib.Path), got {type(path).__name__}")
    root = find_workspace(path) if search else Path(path)
    if not root.is_dir():
        raise UsageError(f"workspace {root} is not a folder")
    wanted = None if cohorts is None else known_cohorts(root, cohorts)
    before = loader.snapshot(root, wanted)  # before reading: an edit made meanwhile shows as a change
    data, settings, problems = inspect(root, wanted, _cache_of(root, cache))
    return Workspace(root, data, tuple(problems), settings, partial=wanted is not None,
                     named=None if wanted is None else tuple(wanted), snapshot=before)
