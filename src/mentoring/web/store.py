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

import threading
from pathlib import Path
from typing import Any, Callable, Optional, Union

from ..layout import is_id
from ..workspace import Workspace, cohort_ids, open_workspace

#: The key of the whole workspace among the opened ones.
_WHOLE = ""


class UnknownCohort(LookupError):
    """A cohort id that is not a folder under cohorts/ (the page is a 404)."""


class Store:
    """The opened workspaces of one workspace folder, each opened again when its files change."""

    def __init__(self, root: Path, cache: Union[bool, Path] = False):
        self.root = root
        self.cache = cache
        self._opened: dict[str, Workspace] = {}
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
        """The id of a cohort of this workspace, or UnknownCohort: an id from a URL is only ever
        looked up among the folders that exist, never joined to a path."""
        if not is_id(cohort_id) or cohort_id not in self.cohort_ids():
            raise UnknownCohort(cohort_id)
        return cohort_id

    def cohort(self, cohort_id: str) -> Workspace:
        """The workspace opened for one cohort (its files and the curricula), as the files are now."""
        cohort_id = self.known(cohort_id)
        return self._fresh(cohort_id, lambda: open_workspace(self.root, search=False, cohorts=[cohort_id], cache=self.cache))

    def whole(self) -> Workspace:
        """The whole workspace, as the files are now."""
        return self._fresh(_WHOLE, lambda: open_workspace(self.root, search=False, cache=self.cache))

    def forget(self, cohort_id: Optional[str] = None) -> None:
        """Drop what is open (for one cohort, or all), so that the next page opens it afresh."""
        with self._guard:
            for key in list(self._opened) if cohort_id is None else [cohort_id, _WHOLE]:
                self._opened.pop(key, None)
