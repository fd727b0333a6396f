"""A cache of read log files, so that an unchanged workspace is not parsed again.

Each log file's records (and the problems found reading it) are kept as JSON in the user's cache
folder, one file per cohort, under the log's path, size, modification time and a BLAKE2 hash of its
bytes. An entry is served only when the file's bytes hash the same, so a changed, truncated or
deleted file is never served from the cache; one appended record re-reads only its own file.

A log's records are kept once the same bytes have been read twice: the first reading keeps only
its hash. A workspace read once (the first, cold run; a cohort whose log just changed) then costs no
more than its hashes, about a third of a tomli parse less than writing every record; what is read
again, unchanged, is kept for the runs after.

The cache is data, never code: JSON only (no pickle), and an entry that does not decode to the
expected shape (corrupt, from another version, tampered with) is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional


from . import model
from .codec import decoder, row_encoder
from .problems import Problem, Severity
from . import results
from .results import write_private

#: Bump when the entry's shape or the meaning of what is cached changes.
VERSION = 2

_TABLES = [(model.RECORD_TABLES[kind], cls) for kind, cls in model.RECORD_KINDS.items()]


def digest(raw: bytes) -> str:
    """The hash a cached entry is checked against."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def default_folder() -> Path:
    """The user's cache folder: $XDG_CACHE_HOME/mentoring, else ~/.cache/mentoring (the command
    line also reads $MENTORING_CACHE_DIR)."""
    return Path(results.default_folder())


# --- records as JSON rows ----------------------------------------------------------------------

#: Each record table's encoder and decoder (a record is a row: its fields' values, in order).
_CODECS = {table: (row_encoder(cls), decoder(cls)) for table, cls in _TABLES}


def encode_log(log: model.LogFile, problems: Sequence[Problem]) -> dict[str, Any]:
    """A log file's records and problems as JSON-ready data."""
    data: dict[str, Any] = {table: list(map(_CODECS[table][0], getattr(log, table))) for table, _ in _TABLES}
    data["skipped"] = {kind: list(positions) for kind, positions in log.skipped.items()}
    data["problems"] = [[p.message, p.severity.value, list(p.keys), p.line] for p in problems]
    return data


def decode_log(path: str, data: dict[str, Any]) -> tuple[model.LogFile, list[Problem]]:
    """The log file and problems an entry holds; raises on anything of the wrong shape."""
    tables = {table: tuple(map(_CODECS[table][1], data[table])) for table, _ in _TABLES}
    skipped = {str(kind): tuple(int(n) for n in positions) for kind, positions in data["skipped"].items()}
    problems = [Problem(path, str(message), Severity(severity), keys=tuple(keys), line=line)
                for message, severity, keys, line in data["problems"]]
    return model.LogFile(path, skipped=skipped, **tables), problems


# --- the cache ---------------------------------------------------------------------------------


class Cache:
    """Cached log files of one workspace, in a folder of their own: one shelf (file) per cohort."""

    def __init__(self, folder: Path):
        self.folder = folder

    @classmethod
    def for_workspace(cls, root: Path, folder: Optional[Path] = None) -> Cache:
        """The cache of a workspace: a folder named by the hash of the workspace's real path."""
        name = hashlib.blake2b(str(root.resolve()).encode(), digest_size=8).hexdigest()
        return cls((folder or default_folder()) / name)

    def shelf(self, cohort_id: str) -> Shelf:
        """The cached logs of one cohort."""
        name = hashlib.blake2b(cohort_id.encode(), digest_size=12).hexdigest() + ".json"
        return Shelf(self.folder / name)


class Shelf:
    """The cached logs of one cohort, in one file: read once, written back once if anything changed.

    One file per cohort rather than per log keeps a warm run to one small read per cohort; a log
    that changed is still the only one parsed again."""

    def __init__(self, path: Path):
        self.path = path
        self.changed = False
        try:
            entries = json.loads(path.read_bytes())
            self.entries: dict[str, Any] = entries["logs"] if entries.get("version") == VERSION else {}
            if not isinstance(self.entries, dict):
                self.entries = {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.entries = {}  # none yet, or corrupt: ignored, and rebuilt

    def lookup(self, rel: str, raw: bytes, stat: os.stat_result) -> Optional[tuple[model.LogFile, list[Problem]]]:
        """The cached reading of a log whose bytes are raw, or None (no entry, stale or corrupt)."""
        entry = self.entries.get(rel)
        try:
            if entry is None or (entry["size"], entry["mtime_ns"]) != (stat.st_size, stat.st_mtime_ns):
                return None
            if "data" not in entry or entry["digest"] != digest(raw):
                return None  # a log read only once so far is not kept, or it changed
            return decode_log(rel, entry["data"])
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None  # an entry of the wrong shape: ignored, and rebuilt by the caller

    def store(self, rel: str, raw: bytes, stat: os.stat_result, log: model.LogFile,
              problems: Sequence[Problem]) -> None:
        """Keep a log's reading (written to the shelf's file by `save`): its records when the same
        bytes were read before, else only their hash."""
        entry = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "digest": digest(raw)}
        previous = self.entries.get(rel)
        if isinstance(previous, dict) and previous.get("digest") == entry["digest"]:
            entry["data"] = encode_log(log, problems)
        self.entries[rel] = entry
        self.changed = True

    def save(self, present: Sequence[str]) -> None:
        """Write the shelf back if anything changed, keeping only the logs still present; a cache
        that cannot be written is silently not used."""
        kept = {rel: self.entries[rel] for rel in present if rel in self.entries}
        if not self.changed and len(kept) == len(self.entries):
            return
        data = json.dumps({"version": VERSION, "logs": kept}, separators=(",", ":"), ensure_ascii=False)
        try:
            write_private(self.path, data.encode("utf-8"))
        except OSError:
            pass
