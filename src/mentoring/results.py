"""Results kept between runs: what a reading command printed, served again while nothing it was
computed from has changed.

One generic layer under every reading command of the command line, not one cache per command:

- A run of `mentoring` has a *slot*: a file in the user's cache folder named by a hash of the
  command line (every argument), the current folder, the environment variables that shape output
  (every `MENTORING_*` but the cache's own, `NO_COLOR`) and whether standard output and error are
  terminals; for help, of the command line, the terminals and the terminal's width alone.
- A reading command (marked by `cli.reading_command`) that ran records into its slot what it printed, on
  which stream and in which order, its exit code, and the inputs it read: the workspace folder
  and `fingerprint.workspace_digests` of the cohorts it opened, taken *before* they were read, so
  that a file changed meanwhile makes the entry stale rather than wrong. The entry also holds the
  package's digest (its code, templates and catalogs) and today's date (a command without
  `--as-of` reports as of today).
- The next run with the same slot is a *hit* when the package, the date and every input hash the
  same (and, for a workspace found by walking up from the current folder, the same one is found):
  its output is printed again and its exit code returned, without importing typer, cattrs or the
  model: it reads, hashes and prints. Anything else is a miss: the command runs, and its entry
  replaces the old one.
- A command's help (`--help`) is kept the same way, keyed by the package alone.
- Commands that compute per cohort (`check`, `cohorts`) also keep *parts* in the slot, each under
  the digest of its cohort's files (`cli.per_cohort`): after one record is appended, only the
  cohort it belongs to is read and computed again.

The cache folder is private (0700, files 0600, written whole or not at all: a temporary file and a
rename); an entry is JSON under a checksum line, and anything that does not read back whole and
of the right shape is a miss, never an error. `--no-cache` and `MENTORING_NO_CACHE` turn it off;
so does shell completion. Light on purpose: only the standard library and `fingerprint`.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Optional

from .fingerprint import package_digest, workspace_digests

#: Bump when an entry's shape or meaning changes.
VERSION = 1
ENV_CACHE_DIR = "MENTORING_CACHE_DIR"
ENV_NO_CACHE = "MENTORING_NO_CACHE"
#: Environment variables that choose the cache rather than shape the output.
_CACHE_VARIABLES = frozenset({ENV_CACHE_DIR, ENV_NO_CACHE})
#: Shell completion runs the app with this variable set; its output depends on the workspace.
_COMPLETION = "_MENTORING_COMPLETE"
RESULTS = "results"
#: Slots kept; beyond this many the oldest written are removed.
MAX_SLOTS = 500
HELP = "--help"

STDOUT, STDERR, STDOUT_BYTES, STDERR_BYTES = 1, 2, 3, 4


# --- the private folder ------------------------------------------------------------------------


def default_folder() -> str:
    """The user's cache folder: $XDG_CACHE_HOME/mentoring, else ~/.cache/mentoring."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "mentoring")


def cache_folder() -> str:
    """The cache folder in use: $MENTORING_CACHE_DIR, else the user's."""
    return os.environ.get(ENV_CACHE_DIR) or default_folder()


def private_folder(path: "str | os.PathLike[str]") -> None:
    """Make a folder (and any missing folder above it) readable by its owner alone."""
    path = os.fspath(path)
    missing = []
    while path and not os.path.isdir(path):
        missing.append(path)
        parent = os.path.dirname(path)
        if parent == path:
            break
        path = parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
    leaf = missing[0] if missing else path
    if os.stat(leaf).st_mode & 0o077:
        os.chmod(leaf, 0o700)


def write_private(path: "str | os.PathLike[str]", data: bytes) -> None:
    """Write a file readable by its owner alone, whole or not at all (a temporary file, then a
    rename); raises OSError when it cannot be written."""
    path = os.fspath(path)
    private_folder(os.path.dirname(path))
    # Unique per writer, threads included: a web server's threads may save one cohort's shelf at once.
    tmp = f"{path}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        try:
            os.unlink(tmp)  # a leftover of a killed run keeps its mode when reopened: never reuse it
        except FileNotFoundError:
            pass
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _checksum(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()


def read_entry(path: str) -> Optional[dict[str, Any]]:
    """An entry as written by `write_entry`, or None (absent, cut short, altered, another version)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        head, _, body = raw.partition(b"\n")
        magic, version, checksum = head.decode("ascii").split(" ")
        if magic != "mentoring-results" or int(version) != VERSION or checksum != _checksum(body):
            return None
        entry = json.loads(body)
        return entry if isinstance(entry, dict) else None
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def write_entry(path: str, entry: dict[str, Any]) -> None:
    """Keep an entry (nothing happens when the cache folder cannot be written)."""
    body = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        write_private(path, b"mentoring-results %d %s\n" % (VERSION, _checksum(body).encode()) + body)
        _prune(os.path.dirname(path))
    except OSError:
        pass


def _prune(folder: str) -> None:
    """Remove the slots written longest ago when there are more than MAX_SLOTS."""
    with os.scandir(folder) as scan:
        entries = [entry for entry in scan if entry.is_file() and not entry.name.endswith(".tmp")]
    if len(entries) <= MAX_SLOTS:
        return
    entries.sort(key=lambda entry: entry.stat().st_mtime_ns)
    for entry in entries[: len(entries) - MAX_SLOTS * 4 // 5]:
        try:
            os.unlink(entry.path)
        except OSError:
            pass


# --- one run -----------------------------------------------------------------------------------


def _is_help(argv: Sequence[str]) -> bool:
    return not argv or HELP in argv


def _terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def today() -> str:
    """Today's date, as a command without --as-of takes it."""
    return dt.date.today().isoformat()


def slot_name(argv: Sequence[str]) -> str:
    """The name of a run's slot: a hash of everything outside the files that shapes its output."""
    context: list[Any] = [VERSION, list(argv), _terminal(sys.stdout), _terminal(sys.stderr)]
    if _is_help(argv):  # help depends on the terminal's width, not on the folder or the workspace
        import shutil

        context.append(shutil.get_terminal_size().columns)
    else:
        context += [os.getcwd(), sorted((key, value) for key, value in os.environ.items()
                                        if ("MENTORING" in key and key not in _CACHE_VARIABLES) or key == "NO_COLOR")]
    text = json.dumps(context, ensure_ascii=False).encode("utf-8", "surrogateescape")
    return hashlib.blake2b(text, digest_size=16).hexdigest()


def enabled(argv: Sequence[str]) -> bool:
    """Whether this run may use the cache at all."""
    return "--no-cache" not in argv and not os.environ.get(ENV_NO_CACHE) and _COMPLETION not in os.environ


class Run:
    """One run of the command: its slot, and what it serves or records there."""

    def __init__(self, argv: Sequence[str]):
        self.argv = list(argv)
        self.finished = False
        self.on = enabled(self.argv)
        self.path: Optional[str] = None
        self.entry: Optional[dict[str, Any]] = None
        if self.on:
            try:
                self.path = os.path.join(cache_folder(), RESULTS, slot_name(self.argv))
            except (OSError, ValueError):  # no current folder, say
                self.on = False
        self.today = today()
        #: Set by `cli.reading_command`: the command is one whose output may be kept.
        self.reading = False
        #: Set when any command (not only a reading one) runs: a run that only printed help did not.
        self.ran = False
        #: Set when something the cache cannot replay happened (a file written, say).
        self.unkept = False
        self.root: Optional[str] = None
        self.discovered = False
        #: [cohorts or None for all, digest]: what was read, hashed before it was read.
        self.inputs: list[list[Any]] = []
        self.parts: Optional[dict[str, Any]] = None
        self.events: list[list[Any]] = []
        #: The streams `recording` wrapped, while it does.
        self._streams: Optional[tuple[Any, Any]] = None
        #: Digests taken while looking for a hit, by (root, cohorts): a miss need not hash again.
        self._digests: dict[tuple[str, Optional[tuple[str, ...]]], Any] = {}

    # -- serving

    def serve(self) -> Optional[int]:
        """Print the kept output and return its exit code when this run's slot holds a hit; else
        None (and the slot's parts, when still valid, are at hand for the command)."""
        if not self.on or self.path is None or self.finished:
            return None
        self.entry = entry = read_entry(self.path)
        if entry is None or entry.get("package") != package_digest() or entry.get("date") != self.today:
            return None
        parts = entry.get("parts")
        self.parts = parts if isinstance(parts, dict) else None
        try:
            if not self._inputs_unchanged(entry):
                return None
            code = entry["exit"]
            events = entry["events"]
            if not isinstance(code, int) or not isinstance(events, list):
                return None
            replay(events)
        except (KeyError, TypeError, ValueError, OSError):
            return None
        self.finished = True
        return code

    def _inputs_unchanged(self, entry: dict[str, Any]) -> bool:
        root = entry["root"]
        if root is None:
            return entry["inputs"] == [] and _is_help(self.argv)
        if entry["discovered"]:
            from .layout import nearest_workspace

            found = nearest_workspace(os.getcwd())
            if found is None or str(found) != root:
                return False
        if not entry["inputs"]:
            return False
        return all(self._digests_of(root, cohorts).total == digest for cohorts, digest in entry["inputs"])

    def _digests_of(self, root: "str | os.PathLike[str]", cohorts: Optional[Sequence[str]]) -> Any:
        key = (os.fspath(root), None if cohorts is None else tuple(cohorts))
        if key not in self._digests:
            self._digests[key] = workspace_digests(root, cohorts)
        return self._digests[key]

    # -- recording

    def read(self, root: "str | os.PathLike[str]", discovered: bool, cohorts: Optional[Sequence[str]] = None) -> Any:
        """Note (and hash, now, before the command reads them, unless they were hashed while looking
        for a hit) the inputs the command is about to read: the named cohorts, or all. Returns the
        digests."""
        digests = self._digests_of(root, cohorts)
        self.root, self.discovered = os.fspath(root), discovered
        self.inputs.append([None if cohorts is None else list(cohorts), digests.total])
        return digests

    @contextmanager
    def recording(self) -> Iterator[None]:
        """Keep what is printed while the command runs (it is printed as usual)."""
        if not self.on:
            yield
            return
        out, err = sys.stdout, sys.stderr
        self._streams = (out, err)
        sys.stdout, sys.stderr = _Tee(out, STDOUT, self.events), _Tee(err, STDERR, self.events)
        try:
            yield
        finally:
            sys.stdout, sys.stderr = out, err
            self._streams = None

    def stop(self) -> None:
        """Keep nothing of this run (a command that is not a reading one): print straight to the
        streams from now on, so that a command that runs for long keeps no copy of what it printed."""
        self.on = False
        self.events.clear()
        if self._streams is not None:
            sys.stdout, sys.stderr = self._streams

    def finish(self, code: int) -> None:
        """Keep this run's output in its slot when it may be served again."""
        self.finished = True
        if not self.on or self.path is None or code not in (0, 1) or self.unkept:
            return
        if self.reading and self.inputs:
            root, discovered, inputs = self.root, self.discovered, self.inputs
        elif _is_help(self.argv) and not self.ran and not self.inputs and code == 0:
            root, discovered, inputs = None, False, []
        else:
            return
        write_entry(self.path, {
            "package": package_digest(), "date": self.today, "root": root, "discovered": discovered,
            "inputs": inputs, "events": self.events, "exit": code, "parts": self.parts,
        })


def replay(events: Sequence[Sequence[Any]]) -> None:
    """Print kept output again, each piece on its stream, in the order it was first printed."""
    last = None
    for kind, text in events:
        stream = sys.stdout if kind in (STDOUT, STDOUT_BYTES) else sys.stderr
        if last is not None and last is not stream:
            last.flush()
        if kind in (STDOUT_BYTES, STDERR_BYTES):
            stream.flush()
            stream.buffer.write(base64.b64decode(text))
        else:
            stream.write(text)
        last = stream
    sys.stdout.flush()
    sys.stderr.flush()


class _Tee(io.TextIOBase):
    """A text stream that writes through to another and keeps what was written."""

    def __init__(self, stream: Any, kind: int, events: list[list[Any]]):
        self._stream, self._kind, self._events = stream, kind, events
        buffer = getattr(stream, "buffer", None)
        self.buffer = _BytesTee(buffer, kind + 2, events) if buffer is not None else None

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if text:
            events = self._events
            if events and events[-1][0] == self._kind:
                events[-1][1] += text
            else:
                events.append([self._kind, text])
        return self._stream.write(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return _terminal(self._stream)

    def fileno(self) -> int:
        return self._stream.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> Any:  # type: ignore[override]
        return getattr(self._stream, "encoding", None)

    @property
    def errors(self) -> Any:  # type: ignore[override]
        return getattr(self._stream, "errors", None)


class _BytesTee(io.RawIOBase):
    """The binary side of a `_Tee`."""

    def __init__(self, stream: Any, kind: int, events: list[list[Any]]):
        self._stream, self._kind, self._events = stream, kind, events

    def write(self, data: Any) -> int:
        data = bytes(data)
        if data:
            self._events.append([self._kind, base64.b64encode(data).decode("ascii")])
        return self._stream.write(data)

    def flush(self) -> None:
        self._stream.flush()

    def writable(self) -> bool:
        return True


_current: Optional[Run] = None


def begin(argv: Sequence[str]) -> Run:
    """This process's run of the command (the same one for the entry point and the app)."""
    global _current
    if _current is None or _current.finished or _current.argv != list(argv):
        _current = Run(argv)
    return _current


def current() -> Optional[Run]:
    """The run in progress, if any (None for a library call)."""
    return _current if _current is not None and not _current.finished else None
