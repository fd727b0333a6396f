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
from typing import Any, Callable, Optional, Union

from ..layout import COHORTS, is_id
from ..model import By
from ..progress import Progress
from ..workspace import Workspace, cohort_ids, open_workspace

#: The key of the whole workspace among the opened ones.
_WHOLE = ""
#: How many cohorts' figures (by cohort, date and break-down) are remembered at most.
FIGURES_KEPT = 4096


class UnknownCohort(LookupError):
    """A cohort id that is not a folder under cohorts/ (the page is a 404)."""


class Store:
    """The opened workspaces of one workspace folder, each opened again when its files change."""

    def __init__(self, root: Path, cache: Union[bool, Path] = False):
        self.root = root
        self.cache = cache
        self._opened: dict[str, Workspace] = {}
        self._figures: OrderedDict[tuple, tuple[Workspace, Progress]] = OrderedDict()
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

    def cohort(self, cohort_id: str) -> Workspace:
        """The workspace opened for one cohort (its files and the curricula), as the files are now."""
        cohort_id = self.known(cohort_id)
        return self._fresh(cohort_id, lambda: open_workspace(self.root, search=False, cohorts=[cohort_id], cache=self.cache))

    def whole(self) -> Workspace:
        """The whole workspace, as the files are now."""
        return self._fresh(_WHOLE, lambda: open_workspace(self.root, search=False, cache=self.cache))

    def progress(self, ws: Workspace, cohort_id: str, as_of: dt.date, by: Optional[By] = None) -> Progress:
        """`ws.progress(...)`, remembered while `ws` is the cohort's current workspace: the figures
        are a pure function of the files, so a page asked again of unchanged files is not computed
        again (a front page of hundreds of cohorts stays quick). The oldest are forgotten first."""
        key = (cohort_id, as_of, by)
        kept = self._figures.get(key)
        if kept is not None and kept[0] is ws:
            return kept[1]
        figures = ws.progress(cohort_id, as_of, by)
        with self._guard:
            self._figures[key] = (ws, figures)
            self._figures.move_to_end(key)
            while len(self._figures) > FIGURES_KEPT:
                self._figures.popitem(last=False)
        return figures
