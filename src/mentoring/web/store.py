"""The workspace as the web app sees it: opened through the door, opened again when its files change.

Each cohort is opened on its own (`open_workspace(cohorts=[id])`), so that a page about one cohort
reads that cohort's files and the curricula, and a record appended to it re-reads only it; the
problems page opens the whole workspace. Before serving a page, a workspace already open is
asked `changed()` (sizes and modification times of its files, nothing read): an edit in an
editor, a `git pull` or another mentor's record shows on the next page load.

Workspaces are immutable values, so pages read them from any thread; opening is done by one
thread at a time for each cohort (two requests for the same stale cohort open it once).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar, Union

from ..layout import COHORTS, curriculum_path, is_id
from ..model import By, PeriodKind, Settings
from ..progress import Progress
from ..rollup import Programme
from ..workspace import Workspace, cohort_ids, open_workspace

#: The key of the whole workspace among the opened ones.
_WHOLE = ""
#: The key of the workspace opened for its settings alone.
_SETTINGS = "/settings"
T = TypeVar("T")

#: How many figures (a cohort's or a programme's, by date, break-down and period) are remembered at most.
FIGURES_KEPT = 4096


class UnknownCohort(LookupError):
    """A cohort id that is not a folder under cohorts/, or a curriculum id that names no curriculum
    (the page is a 404)."""


class Store:
    """The opened workspaces of one workspace folder, each opened again when its files change."""

    def __init__(self, root: Path, cache: Union[bool, Path] = False):
        self.root = root
        self.cache = cache
        self._opened: dict[str, Workspace] = {}
        self._figures: OrderedDict[tuple, tuple[Workspace, Any]] = OrderedDict()
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def _lock(self, key: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def _fresh(self, key: str, opener: Callable[[], Workspace]) -> Workspace:
        ws = self._opened.get(key)
        if ws is not None and not ws.changed():
            return ws
        with self._lock(key):
            ws = self._opened.get(key)
            if ws is None or ws.changed():
                ws = self._opened[key] = opener()
        return ws

    def cohort_ids(self) -> list[str]:
        """Every cohort folder's id, sorted (listed afresh: a new folder shows at once)."""
        return cohort_ids(self.root)

    def known(self, cohort_id: Any) -> str:
        """The id of a cohort of this workspace, or UnknownCohort: an id from a URL must be an id
        (lower-case letters, digits, `-` and `_`: no dot, no slash) naming a folder under cohorts/."""
        if not is_id(cohort_id) or not (self.root / COHORTS / cohort_id).is_dir():
            raise UnknownCohort(cohort_id)
        return cohort_id

    def known_curriculum(self, curriculum_id: Any) -> str:
        """The id of a curriculum of this workspace, or UnknownCohort (the page is a 404 all the same)."""
        if not is_id(curriculum_id) or not (self.root / curriculum_path(curriculum_id)).is_file():
            raise UnknownCohort(curriculum_id)
        return curriculum_id

    def cohort(self, cohort_id: str) -> Workspace:
        """The workspace opened for one cohort (its files and the curricula), as the files are now."""
        cohort_id = self.known(cohort_id)
        return self._fresh(cohort_id, lambda: open_workspace(self.root, search=False, cohorts=[cohort_id], cache=self.cache))

    def settings(self) -> Settings:
        """The workspace's settings (mentoring.toml), as the file is now (the curricula are read
        with it; no cohort is)."""
        return self._fresh(_SETTINGS, lambda: open_workspace(self.root, search=False, cohorts=[], cache=self.cache)).settings

    def whole(self) -> Workspace:
        """The whole workspace, as the files are now."""
        return self._fresh(_WHOLE, lambda: open_workspace(self.root, search=False, cache=self.cache))

    def figures(self, ws: Workspace, key: tuple, compute: Callable[[], T]) -> T:
        """What `compute()` asks of `ws` (a cohort's figures, a programme's), remembered under `key`
        while `ws` is the current workspace: figures are a pure function of the files, so a page asked
        again of unchanged files is not computed again (a front page of hundreds of cohorts stays
        quick). The oldest are forgotten first."""
        kept = self._figures.get(key)
        if kept is not None and kept[0] is ws:
            return kept[1]
        value = compute()
        with self._guard:
            self._figures[key] = (ws, value)
            self._figures.move_to_end(key)
            while len(self._figures) > FIGURES_KEPT:
                self._figures.popitem(last=False)
        return value

    def progress(self, ws: Workspace, cohort_id: str, as_of: dt.date, by: Optional[By] = None,
                 period: Optional[PeriodKind] = None) -> Progress:
        """`ws.progress(...)`, remembered while the cohort's files are unchanged."""
        return self.figures(ws, ("cohort", cohort_id, as_of, by, period), lambda: ws.progress(cohort_id, as_of, by, period))

    def rollup(self, curriculum_id: str, as_of: dt.date, by: Optional[By] = None,
               period: Optional[PeriodKind] = None) -> Programme:
        """A programme's figures from the whole workspace (as `mentoring rollup` reads it),
        remembered while its files are unchanged."""
        ws = self.whole()
        return self.figures(ws, ("programme", curriculum_id, as_of, by, period),
                            lambda: ws.rollup(curriculum_id, as_of, by=by, period=period))
