"""Where things are in a workspace, and what an id may be: names and paths only, no I/O.

    curricula/<curriculum-id>.toml        one curriculum
    cohorts/<cohort-id>/cohort.toml       one run of a curriculum
    cohorts/<cohort-id>/logs/*.toml       its records
    mentoring.toml                        the workspace's settings (optional)

Paths are relative to the workspace, with forward slashes, as problems name them.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Optional, Union

CURRICULA = "curricula"
COHORTS = "cohorts"
COHORT_FILE = "cohort.toml"
LOGS = "logs"
SETTINGS_FILE = "mentoring.toml"

#: What an id may be (FORMAT.md, "Workspace").
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
#: What SLUG asks for, in words, for messages.
SLUG_RULE = 'use lower-case letters a-z, digits, "-" and "_", starting with a letter or a digit'


def is_id(text: object) -> bool:
    """Whether a value is a valid id (a slug)."""
    return isinstance(text, str) and SLUG.match(text) is not None


def id_from(text: str) -> str:
    """An id made from a name or a wrong id: folded to ASCII, lower case, each run of other
    characters a `-` (`Siti Aminah Lubis` -> `siti-aminah-lubis`, `Yuni Wahyuni` -> `yuni-wahyuni`);
    empty when nothing of the text is a letter or a digit in ASCII."""
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def curriculum_path(id_: str) -> str:
    """Where a curriculum's file is."""
    return f"{CURRICULA}/{id_}.toml"


def cohort_folder(id_: str) -> str:
    """`cohorts/<id>`."""
    return f"{COHORTS}/{id_}"


def cohort_path(id_: str) -> str:
    """Where a cohort's file is."""
    return f"{COHORTS}/{id_}/{COHORT_FILE}"


def logs_folder(cohort_id: str) -> str:
    """`cohorts/<id>/logs`."""
    return f"{COHORTS}/{cohort_id}/{LOGS}"


def log_path(cohort_id: str, name: str) -> str:
    """A log file of a cohort, by its name (`.toml` added when missing)."""
    return f"{logs_folder(cohort_id)}/{name if name.endswith('.toml') else name + '.toml'}"


def about_cohort(path: str, cohort_id: str, curriculum: Optional[str]) -> bool:
    """Whether a file is the cohort's own (under its folder) or the curriculum it runs."""
    return path.startswith(f"{COHORTS}/{cohort_id}/") or (curriculum is not None and path == curriculum_path(curriculum))


def nearest_workspace(start: Union[str, Path] = ".") -> Optional[Path]:
    """The nearest folder at or above `start` (resolved) that holds `curricula/` or `cohorts/`, or None."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        if (folder / CURRICULA).is_dir() or (folder / COHORTS).is_dir():
            return folder
    return None
