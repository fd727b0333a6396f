"""Hashes that say whether anything a result was computed from has changed.

Two kinds, both BLAKE2 over bytes, never over sizes or modification times alone:

- `package_digest`: the package's own files (code, templates, catalogs, schemas: every file under
  the `mentoring` folder but compiled bytecode), the Python version, and the modification time of
  each installed-packages folder on the path (installing, upgrading or removing any dependency
  changes it). The version number alone is not enough: it does not change when the code does.
- `workspace_digests`: what the loader reads, and which files exist: every curriculum, `mentoring.toml`,
  the list of cohort folders, and for each cohort asked for its folder's listing, its `cohort.toml`
  and every log, each by path and bytes. A listing records each name, whether it is a folder, a
  file or something else, and where a link points, so that a file added, removed, renamed or
  relinked changes the digest as surely as a changed byte does.

Light on purpose: only the standard library, so that a cached result can be checked and printed
without importing the rest of the package (see `results.py`).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Sequence
from typing import NamedTuple, Optional

from .layout import COHORT_FILE, COHORTS, CURRICULA, LOGS, SETTINGS_FILE

_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_package_digest: Optional[str] = None


def _hasher() -> "hashlib._Hash":
    return hashlib.blake2b(digest_size=16)


def _update(h: "hashlib._Hash", *fields: object) -> None:
    """Fields with their lengths, so that no two different sequences of fields hash alike."""
    for field in fields:
        data = field if isinstance(field, bytes) else str(field).encode("utf-8", "surrogateescape")
        h.update(b"%d:" % len(data))
        h.update(data)


def package_digest() -> str:
    """The hash of the code that computes results (computed once a process)."""
    global _package_digest
    if _package_digest is None:
        h = _hasher()
        _update(h, sys.version, sys.implementation.cache_tag)
        for folder, subfolders, files in os.walk(_PACKAGE):
            subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = os.path.join(folder, name)
                _update(h, os.path.relpath(path, _PACKAGE), _read(path))
        for entry in sys.path:
            if entry.endswith(("site-packages", "dist-packages")):
                try:
                    _update(h, entry, os.stat(entry).st_mtime_ns)
                except OSError:
                    _update(h, entry, "missing")
        _package_digest = h.hexdigest()
    return _package_digest


def _read(path: str) -> bytes:
    """A regular file's bytes; for anything else, a marker saying what stood in the way."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        return b"\0unreadable %d" % (exc.errno or 0)


def _listing(h: "hashlib._Hash", folder: str, read: Optional[str] = None) -> list[str]:
    """Hash a folder's listing (and, with `read`, the bytes of each regular file whose name ends so);
    return the names of its sub-folders."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        _update(h, folder, "unlisted", exc.errno or 0)
        return []
    folders = []
    _update(h, folder, len(entries))
    for entry in entries:
        try:
            link = os.readlink(entry.path) if entry.is_symlink() else ""
            kind = "d" if entry.is_dir() else "f" if entry.is_file() else "o"
        except OSError:
            link, kind = "", "?"
        _update(h, entry.name, kind, link)
        if kind == "d":
            folders.append(entry.name)
        elif kind == "f" and read is not None and entry.name.endswith(read):
            _update(h, _read(entry.path))
    return folders


class Digests(NamedTuple):
    """A workspace's inputs, hashed: `shared` (curricula, settings, the list of cohort folders),
    each cohort's own files, and `total` over all of them."""

    shared: str
    cohorts: dict[str, str]
    total: str


def cohort_digest(root: str, cohort_id: str) -> str:
    """A cohort's own files: its folder's listing, `cohort.toml`, its logs' listing and bytes."""
    h = _hasher()
    folder = os.path.join(root, COHORTS, cohort_id)
    _update(h, cohort_id)
    _listing(h, folder)
    _update(h, _read(os.path.join(folder, COHORT_FILE)))
    _listing(h, os.path.join(folder, LOGS), read=".toml")
    return h.hexdigest()


def workspace_digests(root: "str | os.PathLike[str]", cohorts: Optional[Sequence[str]] = None) -> Digests:
    """The digests of a workspace's inputs: every cohort folder's, or only the named ones'."""
    root = os.fspath(root)
    h = _hasher()
    _update(h, os.path.realpath(root))
    _listing(h, os.path.join(root, CURRICULA), read=".toml")
    settings = os.path.join(root, SETTINGS_FILE)
    _update(h, os.path.lexists(settings), os.path.isfile(settings) and _read(settings))
    listed = _listing(h, os.path.join(root, COHORTS))
    shared = h.hexdigest()
    ids: Iterable[str] = [name for name in listed if not name.startswith(".")] if cohorts is None else cohorts
    # A name that is not a cohort folder is not read (it may not even be a folder's name): the
    # listing in `shared` already says it is absent.
    each = {id_: cohort_digest(root, id_) if id_ in listed else "absent" for id_ in ids}
    total = _hasher()
    _update(total, shared, *(f"{id_}={digest}" for id_, digest in each.items()))
    return Digests(shared, each, total.hexdigest())
