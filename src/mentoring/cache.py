"""A cache of read log files, so that an unchanged workspace is not parsed again.

Each log file's records (and the problems found reading it) are kept as JSON in the user's cache
folder, one file per cohort, under the log's path, size, modification time and a BLAKE2 hash of its
bytes. An entry is served only when the file's bytes hash the same, so a changed, truncated or
deleted file is never served from the cache; one appended record re-reads only its own file.

The cache is data, never code: JSON only (no pickle), and an entry that does not decode to the
expected shape (corrupt, from another version, tampered with) is ignored and rebuilt.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import os
import sys
import threading
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Optional

import attrs

from . import model
from .problems import Problem, Severity

#: Bump when the entry's shape or the meaning of what is cached changes.
VERSION = 2

_TABLES = [(model.RECORD_TABLES[kind], cls) for kind, cls in model.RECORD_KINDS.items()]


def digest(raw: bytes) -> str:
    """The hash a cached entry is checked against."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def default_folder() -> Path:
    """The user's cache folder: $XDG_CACHE_HOME/mentoring, else ~/.cache/mentoring (the command
    line also reads $MENTORING_CACHE_DIR)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mentoring"


# --- records as JSON rows ----------------------------------------------------------------------


def _optional_of(type_: Any) -> Any:
    """X for Optional[X], else None."""
    args = [arg for arg in typing.get_args(type_) if arg is not type(None)]
    return args[0] if typing.get_origin(type_) is typing.Union and len(args) == 1 else None


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


def _decoder(type_: Any) -> Optional[Callable[[Any], Any]]:
    """How to turn a JSON value back into a field's value, by the field's type (None: as it is)."""
    if (inner_type := _optional_of(type_)) is not None:
        inner = _decoder(inner_type)
        return None if inner is None else lambda value: None if value is None else inner(value)
    if type_ is dt.date:
        return dt.date.fromisoformat
    if typing.get_origin(type_) is tuple:
        return lambda value: tuple(map(sys.intern, value))
    if _is_enum(type_):
        return type_
    return None


def _held_as_is(type_: Any) -> bool:
    """Whether JSON holds a field's values as they are, optional or not: all but dates and enums
    (tuples become lists, and come back as tuples by the decoder)."""
    type_ = _optional_of(type_) or type_
    return type_ is not dt.date and not _is_enum(type_)


def _encode(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


class _Codec:
    """One record class as a JSON row (a list of its fields' values, in order) and back."""

    def __init__(self, cls: type):
        hints = typing.get_type_hints(cls)
        self.cls = cls
        self.names = [field.name for field in attrs.fields(cls)]
        decoders = [(n, _decoder(hints[name])) for n, name in enumerate(self.names)]
        self.decoders = [(n, decode) for n, decode in decoders if decode is not None]
        #: Fields whose values JSON cannot hold as they are (dates, statuses); tuples become lists.
        self.converted = [n for n, name in enumerate(self.names) if not _held_as_is(hints[name])]

    def encode(self, record: Any) -> list[Any]:
        row = [getattr(record, name) for name in self.names]
        for n in self.converted:
            row[n] = _encode(row[n])
        return row

    def decode(self, row: Sequence[Any]) -> Any:
        if type(row) is not list or len(row) != len(self.names):
            raise ValueError("a row of the wrong shape")
        row = row.copy()  # the shelf keeps its rows as JSON values, to be written back as they are
        for n, decode in self.decoders:
            row[n] = decode(row[n])
        return self.cls(*row)


_CODECS = {table: _Codec(cls) for table, cls in _TABLES}


def encode_log(log: model.LogFile, problems: Sequence[Problem]) -> dict[str, Any]:
    """A log file's records and problems as JSON-ready data."""
    data: dict[str, Any] = {table: [_CODECS[table].encode(r) for r in getattr(log, table)] for table, _ in _TABLES}
    data["skipped"] = {kind: list(positions) for kind, positions in log.skipped.items()}
    data["problems"] = [[p.message, p.severity.value, list(p.keys), p.line] for p in problems]
    return data


def decode_log(path: str, data: dict[str, Any]) -> tuple[model.LogFile, list[Problem]]:
    """The log file and problems an entry holds; raises on anything of the wrong shape."""
    tables = {table: tuple(_CODECS[table].decode(row) for row in data[table]) for table, _ in _TABLES}
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
            if entry["digest"] != digest(raw):
                return None
            return decode_log(rel, entry["data"])
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None  # an entry of the wrong shape: ignored, and rebuilt by the caller

    def store(self, rel: str, raw: bytes, stat: os.stat_result, log: model.LogFile,
              problems: Sequence[Problem]) -> None:
        """Keep a log's reading (written to the shelf's file by `save`)."""
        self.entries[rel] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "digest": digest(raw),
                             "data": encode_log(log, problems)}
        self.changed = True

    def save(self, present: Sequence[str]) -> None:
        """Write the shelf back if anything changed, keeping only the logs still present; a cache
        that cannot be written is silently not used."""
        kept = {rel: self.entries[rel] for rel in present if rel in self.entries}
        if not self.changed and len(kept) == len(self.entries):
            return
        # Unique per writer, threads included: a web server's threads may save one cohort's shelf at once.
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps({"version": VERSION, "logs": kept}, separators=(",", ":"), ensure_ascii=False),
                           encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            try:
                tmp.unlink()
            except OSError:
                pass
