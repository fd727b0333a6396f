"""Append records to a cohort's logs, safely: checked first, never half-written, never lost.

`append_record` is the one entry point, for the command line and for any other program (a web
form, a chat bot). It takes a record (a model instance, or a plain dict of TOML values such as a
form gives), and under a lock held for the cohort it

1. reads the target log as it stands (the bytes, untouched),
2. loads the cohort and its curriculum and checks them as they stand, then again with the new
   record appended: any error in the cohort's data, or any new error the record brings, refuses
   it; warnings (a date outside the cohort) are returned but do not refuse it,
3. writes the old bytes plus the new `[[kind]]` block to a temporary file beside the log, fsyncs
   it, renames it over the log (`os.replace`, atomic) and fsyncs the folder.

A kill at any moment leaves the old file or the new one, whole. Bad data never raises: it comes
back as problems in the `Outcome`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import getpass
import math
import os
import re
import secrets
import socket
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Optional, Union

import attrs
import tomli
import tomli_w
from filelock import FileLock, Timeout

from . import model
from .checks import check_workspace
from .layout import COHORTS, SLUG, cohort_path, log_path, logs_folder
from .lines import key_lines, placed
from .loader import link_problem, locate, outside_link
from .loader import structure as structure_data
from .problems import Problem, did_you_mean
from .workspace import open_workspace

#: A record as the model holds it.
Record = Union[model.Session, model.Output, model.Assessment, model.Measurement, model.Action]

#: The lock file of a cohort, held around read, check and write (git-ignore it).
LOCK_NAME = ".mentoring-log.lock"
#: Beside the lock, who holds it, written by each writer once it has the lock (git-ignore it).
HOLDER_NAME = ".mentoring-log.holder"
#: Seconds a writer waits for the lock before it says that it is waiting, and for whom.
WAIT_NOTICE = 1.0
#: Temporary files are `.<log name>.tmp-<random>` beside the log (git-ignore them); one left by a
#: killed writer is removed by the next writer, under the lock.
TMP_INFIX = ".tmp-"
#: The default log files of records that no one person authors.
MEASUREMENTS_FILE = "measurements"
ACTIONS_FILE = "actions"

_BAD_NAME = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]')


@attrs.frozen
class Written:
    """A record that was appended to a log."""

    path: str
    """The log file, relative to the workspace, with forward slashes."""
    line: int
    """1-based line of the record's `[[kind]]` header in that file."""
    kind: str
    """`session`, `output`, `assessment`, `measurement` or `action`."""
    record: Any
    """The record as written (a model instance)."""
    text: str
    """The TOML block appended, from its header, with `\\n` line ends."""


@attrs.frozen
class Outcome:
    """What `append_record` did: the record written, or the problems that refused it."""

    written: Optional[Written]
    """The record appended, or None when nothing was written."""
    problems: tuple[Problem, ...] = ()
    """Every problem found, located (path and line); warnings may accompany a written record."""
    log: Optional[str] = None
    """The log the record went (or would have gone) to, once known."""
    keys: tuple = ()
    """The record's `(kind, position)` in that log, once known: the keys its own problems start with."""

    def about_record(self, problem: Problem) -> bool:
        """Whether a problem is about the record itself (one of its keys), not about a record
        already in the logs or the cohort's other files: what a form shows beside its fields."""
        return bool(self.keys) and problem.path == self.log and problem.keys[:len(self.keys)] == self.keys

    @property
    def ok(self) -> bool:
        """True when the record was written."""
        return self.written is not None

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that refused the record."""
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems worth a look that did not refuse it."""
        return tuple(p for p in self.problems if not p.is_error)


# --- names -------------------------------------------------------------------------------------


def file_name_problem(name: str) -> Optional[str]:
    """Why a `--file` name cannot be used, or None: a plain file name under logs/, nothing else."""
    if not name or not name.strip():
        return "the log file name is empty"
    if name in (".", "..") or ".." in name.split("."):
        return f'"{name}" is not a plain file name (no "..")'
    if _BAD_NAME.search(name) or os.path.isabs(name):
        return f'"{name}" is not a plain file name: no folders, slashes or special characters; it goes under logs/'
    if name.startswith(".") or name.startswith("-"):
        return f'"{name}" may not start with "{name[0]}"'
    if len(name) > 200:
        return f'"{name[:20]}..." is too long for a file name'
    return None


def author_of(kind: str, record: Union[Record, Mapping[str, Any]]) -> Optional[str]:
    """Whose log a record goes to by default: the mentor, the participant, the assessor
    (the participant for a self-assessment), `measurements` or `actions` (a plan agreed together,
    updated by anyone); None when the record does not say."""
    get = record.get if isinstance(record, Mapping) else lambda key: getattr(record, key, None)
    if kind == "session":
        author = get("mentor")
    elif kind == "output":
        author = get("participant")
    elif kind == "assessment":
        author = get("by")
        if author == "self":
            author = get("participant")
    elif kind == "measurement":
        author = MEASUREMENTS_FILE
    elif kind == "action":
        author = ACTIONS_FILE
    else:
        author = None
    return author if isinstance(author, str) else None


def log_file(cohort_id: str, kind: str, record: Union[Record, Mapping[str, Any]],
             file: Optional[str] = None) -> tuple[Optional[str], list[Problem]]:
    """The log a record goes to, relative to the workspace, or the problem with the name asked for.

    `file` is a plain name under the cohort's logs/ (`.toml` is added when missing); without it,
    the record's author names the file. A name from the author that is not a valid id gives no
    file and no problem: the record's check then says what is wrong with the author.
    """
    folder = logs_folder(cohort_id)
    if file is not None:
        if (why := file_name_problem(file)) is not None:
            return None, [Problem(f"{folder}/", f"log file name: {why}")]
        return log_path(cohort_id, file), []
    author = author_of(kind, record)
    if author is None or not SLUG.match(author):
        return None, []
    return f"{folder}/{author}.toml", []


# --- records to TOML ---------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A model value as a TOML value: enums by their value, whole floats as ints, tuples as lists."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def record_data(record: Record) -> dict[str, Any]:
    """A record as the dict of TOML values written for it: only the keys that are set
    (None and an empty optional list are left out), in the model's order."""
    data = {}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if value is None:
            continue
        if isinstance(value, tuple) and not value and field.default is not attrs.NOTHING and field.default == ():
            continue
        data[field.name] = _plain(value)
    return data


def toml_value(value: Any) -> str:
    """One value as TOML, each scalar written by tomli-w; arrays on one line, so that one record
    stays a short block (tomli-w spreads arrays over lines and may write a lone record as an
    inline table, where a log wants a `[[kind]]` header)."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return tomli_w.dumps({"v": value})[len("v = "):].rstrip("\n")


def record_block(kind: str, data: Mapping[str, Any]) -> str:
    """`[[kind]]` and one `key = value` line per key, ending in a newline."""
    lines = [f"[[{kind}]]"]
    lines += [f"{key} = {toml_value(value)}" for key, value in data.items()]
    return "\n".join(lines) + "\n"


# --- appending ---------------------------------------------------------------------------------


def compose(old: bytes, block: str) -> tuple[bytes, int]:
    """The old bytes, a separating blank line and the block; and the line the block starts on.

    Every old byte is kept; a missing final newline is added first, and the block uses the
    file's line ends (CRLF when the file has them).
    """
    newline = b"\r\n" if b"\r\n" in old else b"\n"
    prefix = old
    body = old[3:] if old.startswith(b"\xef\xbb\xbf") else old
    if body:
        if not prefix.endswith(b"\n"):
            prefix += newline
        if not (prefix.endswith(b"\n\n") or prefix.endswith(b"\n\r\n")):
            prefix += newline
    line = prefix.count(b"\n") + 1
    return prefix + block.encode("utf-8").replace(b"\n", newline), line


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # folders cannot be opened for fsync there
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_file(path: Path, data: bytes) -> None:
    """Make `path` hold `data`, atomically: a temporary file beside it, fsync, rename, fsync of the folder.

    A new file gets the usual permissions (umask); an existing one keeps its own.
    """
    tmp = path.with_name(f".{path.name}{TMP_INFIX}{secrets.token_hex(6)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        try:
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        except FileNotFoundError:
            pass
        with os.fdopen(fd, "wb") as out:
            fd = -1
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        if fd != -1:
            os.close(fd)
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_folder(path.parent)


def replace_unchanged(path: Path, old: bytes, new: bytes, before_write: Optional[Callable[[], None]] = None) -> bool:
    """Under the cohort's lock, replace a file that still holds `old` (none: b"") with `new`, atomically;
    False, and nothing written, when it was changed meanwhile (edited by hand, not under the lock).
    `before_write` is called right before the write begins."""
    if (path.read_bytes() if path.exists() else b"") != old:
        return False
    if before_write is not None:
        before_write()
    replace_file(path, new)
    return True


def lock_holder(cohort_folder: Path) -> str:
    """Who holds (or last held) a cohort's lock, as its holder wrote it: user, process, machine, since when."""
    try:
        return (cohort_folder / HOLDER_NAME).read_text(encoding="utf-8").strip() or "another program"
    except (OSError, UnicodeDecodeError):
        return "another program"


def _note_holder(cohort_folder: Path) -> None:
    """Write who holds the lock beside it (only ever called under the lock; best effort)."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name to be had (no $USER, no passwd entry)
        user = "someone"
    since = dt.datetime.now().strftime("%H:%M:%S")
    try:
        (cohort_folder / HOLDER_NAME).write_text(f"{user} (process {os.getpid()} on {socket.gethostname()}, since {since})\n",
                                                 encoding="utf-8")
    except OSError:
        pass


@contextlib.contextmanager
def cohort_lock(root: Path, cohort_id: str, timeout: float = 60.0,
                on_wait: Optional[Callable[[str], None]] = None) -> Iterator[None]:
    """Hold the lock every writer to a cohort's files takes, for at most `timeout` seconds of waiting
    (then filelock.Timeout). After WAIT_NOTICE seconds of waiting, `on_wait` is told who holds it."""
    folder = root / COHORTS / cohort_id
    lock = FileLock(str(folder / LOCK_NAME))
    try:
        lock.acquire(timeout=min(timeout, WAIT_NOTICE))
    except Timeout:
        if timeout <= WAIT_NOTICE:
            raise
        if on_wait is not None:
            on_wait(lock_holder(folder))
        lock.acquire(timeout=timeout - WAIT_NOTICE)
    try:
        _note_holder(folder)
        yield
    finally:
        lock.release()


def lock_timeout_problem(root: Path, cohort_id: str, timeout: float) -> Problem:
    """Why nothing was written when the cohort's lock could not be had in time."""
    holder = lock_holder(root / COHORTS / cohort_id)
    return Problem(cohort_path(cohort_id),
                   f"{holder} has been writing to this cohort for {timeout:g} s; nothing written "
                   f"(if it is no longer running, delete {COHORTS}/{cohort_id}/{LOCK_NAME})", line=1)


def _remove_stale_temporaries(folder: Path) -> None:
    """Temporary files left by a writer killed mid-write (only ever called under the lock)."""
    for stale in folder.glob(f".*.toml{TMP_INFIX}*"):
        try:
            stale.unlink()
        except OSError:
            pass


def _kind_problem(kind: str, record: Any) -> Optional[str]:
    cls = model.RECORD_KINDS.get(kind)
    if cls is None:
        known = ", ".join(model.RECORD_KINDS)
        return f'unknown record kind "{kind}"{did_you_mean(kind, model.RECORD_KINDS)}; one of {known}'
    if not isinstance(record, (Mapping, cls)):
        return f"a {kind} record is a {cls.__name__} or a dict of its keys, got {type(record).__name__}"
    return None


def _normalise(kind: str, record: Union[Record, Mapping[str, Any]], rel: str, keys: tuple) -> tuple[Optional[Record], dict, list[Problem]]:
    """The record as the loader would read it back, the data to write for it, and what is wrong."""
    cls = model.RECORD_KINDS[kind]
    if isinstance(record, Mapping):
        raw = {key: _plain(value) for key, value in record.items() if value is not None}
    else:
        raw = record_data(record)
    structured, problems = structure_data(raw, cls, rel, keys)
    if structured is None:
        return None, raw, problems
    return structured, record_data(structured), []


def _with_record(cohort: model.Cohort, rel: str, kind: str, record: Record) -> model.Cohort:
    """The cohort with the record appended to the log at rel (a new log when there is none)."""
    table = model.RECORD_TABLES[kind]
    logs = list(cohort.logs)
    for n, log in enumerate(logs):
        if log.path == rel:
            logs[n] = attrs.evolve(log, **{table: (*getattr(log, table), record)})
            return attrs.evolve(cohort, logs=tuple(logs))
    logs.append(model.LogFile(rel, **{table: (record,)}))
    return attrs.evolve(cohort, logs=tuple(sorted(logs, key=lambda log: log.path)))


def locate_in(text: str, rel: str, problems: Iterable[Problem]) -> list[Problem]:
    """Lines for the problems in the file at rel, from its text as it would read with the new data appended."""
    lines = key_lines(text)
    return [placed(p, lines) if p.line is None and p.path == rel else p for p in problems]


def append_record(
    root: Union[Path, str],
    cohort_id: str,
    kind: str,
    record: Union[Record, Mapping[str, Any]],
    file: Optional[str] = None,
    *,
    timeout: float = 60.0,
    on_wait: Optional[Callable[[str], None]] = None,
    before_write: Optional[Callable[[], None]] = None,
    then: Optional[Callable[[Written], None]] = None,
) -> Outcome:
    """Check a record against the cohort as it stands and, when nothing is wrong, append it to its log.

    `record` is a model instance of the kind (`model.Session`...) or a dict of its keys with TOML
    values (dates as `datetime.date`). It goes to `cohorts/<cohort_id>/logs/<author>.toml`, or to
    `file` (a plain name under logs/). Any error, in the record or already in the cohort's data
    or its curriculum, refuses it and nothing is written. Problems the record brings are placed at
    the lines it would have in the log; problems already there at their own lines.

    Waiting for another writer's lock for more than WAIT_NOTICE seconds calls `on_wait` with who
    holds it. `before_write` is called under the lock right before the log is replaced: from then
    on the record counts as written (a command line stops treating Ctrl-C as "stop" there, so that
    a retry never writes it twice). `then` is called with the `Written` record while the cohort's
    lock is still held, so that what it does with the log (commit it to git, say) is serialised
    with every other writer; it is not called when nothing was written, and should not raise.
    """
    root = Path(root)
    if (why := _kind_problem(kind, record)) is not None:
        return Outcome(None, (Problem(logs_folder(cohort_id) + "/", why, line=1),))
    rel, problems = log_file(cohort_id, kind, record, file)
    if problems:
        return Outcome(None, tuple(attrs.evolve(p, line=1) for p in problems))
    if not SLUG.match(cohort_id) or not (root / cohort_path(cohort_id)).is_file():
        return Outcome(None, (Problem(cohort_path(cohort_id), f'no cohort "{cohort_id}" in this workspace', line=1),))
    for inside in (f"{COHORTS}/{cohort_id}", logs_folder(cohort_id)):
        if (link := outside_link(root, inside)) is not None:  # not even a lock file goes out there
            return Outcome(None, (link_problem(cohort_path(cohort_id), link),))
    folder = root / logs_folder(cohort_id)
    try:
        with cohort_lock(root, cohort_id, timeout, on_wait):
            outcome = _append_locked(root, cohort_id, kind, record, rel, folder, before_write)
            if then is not None and outcome.written is not None:
                then(outcome.written)
            return outcome
    except Timeout:
        return Outcome(None, (lock_timeout_problem(root, cohort_id, timeout),))
    except OSError as exc:
        return Outcome(None, (Problem(rel or logs_folder(cohort_id) + "/",
                                      f"cannot write: {exc.strerror or exc}; nothing written", line=1),))


def _append_locked(root: Path, cohort_id: str, kind: str, record: Union[Record, Mapping[str, Any]],
                   rel: Optional[str], folder: Path, before_write: Optional[Callable[[], None]]) -> Outcome:
    display = rel or f"{logs_folder(cohort_id)}/{author_of(kind, record) or kind}.toml"
    path = root / rel if rel else None
    if path is not None and path.is_symlink():
        return Outcome(None, (Problem(rel, "is a link; logs are written only to plain files", line=1),))
    old = path.read_bytes() if path is not None and path.exists() else b""

    # The cohort as it stands (checked and located), and the record itself: types, keys, values
    # as the loader reads them.
    opened = open_workspace(root, search=False, cohorts=[cohort_id])
    ws, standing = opened.data, opened.problems_of(cohort_id)
    cohort = ws.cohorts.get(cohort_id)
    table = model.RECORD_TABLES[kind]
    position = 0
    if cohort is not None:
        log = next((log for log in cohort.logs if log.path == display), None)
        if log is not None:
            position = len(getattr(log, table)) + len(log.skipped.get(kind, ()))
    keys = (kind, position)
    normal, data, record_problems = _normalise(kind, record, display, keys)
    try:
        block = record_block(kind, data)
        new, line = compose(old, block)
        text = new.decode("utf-8-sig", errors="replace")
    except UnicodeEncodeError:  # e.g. bytes from a terminal that is not set to UTF-8
        block, new, line, text = "", b"", 1, ""
        record_problems.append(Problem(display, f"{kind}: holds text that is not valid UTF-8 (is the terminal set to UTF-8?)", line=1))
    except (TypeError, ValueError) as exc:  # a value TOML cannot hold
        block, new, line, text = "", b"", 1, ""
        record_problems.append(Problem(display, f"{kind}: cannot be written as TOML ({exc})", line=1))

    # Cross-references with the record; what was not there before is the record's doing (a problem
    # of the checks is born without a line, so the standing ones are compared without theirs).
    after: list[Problem] = []
    if cohort is not None and normal is not None and cohort.curriculum in ws.curricula:
        with_record = _with_record(cohort, display, kind, normal)
        ws_after = attrs.evolve(ws, cohorts={**ws.cohorts, cohort_id: with_record})
        seen = {attrs.evolve(p, line=None) for p in standing}
        after = [p for p in check_workspace(ws_after, [cohort.curriculum]) if p not in seen]
    standing = [p for p in standing if p.is_error]
    brought = locate_in(text, display, record_problems + after)
    brought = locate(root, brought)  # problems the record brings to other files' records
    # A standing problem the check finds again (a duplicate, whose message the locating completes) once.
    problems = tuple(sorted(dict.fromkeys(standing + brought), key=lambda p: (p.path, p.line or 0)))
    if rel is None and not any(p.is_error for p in problems):
        problems += (Problem(display, f"{kind}: no log file can be named after this record's author; name one", line=1),)
    if any(p.is_error for p in problems) or normal is None:
        return Outcome(None, problems, display, keys)

    # Read back what would be written, as a last guard, then write.
    try:
        items = tomli.loads(text).get(kind)
        back, _ = structure_data(items[-1], model.RECORD_KINDS[kind], display) if isinstance(items, list) and items else (None, [])
    except tomli.TOMLDecodeError as exc:
        back = exc
    if back != normal:
        return Outcome(None, problems + (Problem(display, f"{kind}: would not read back as written ({back}); nothing written", line=line),),
                       display, keys)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(folder)
    if not replace_unchanged(path, old, new, before_write):
        return Outcome(None, problems + (Problem(display, "changed while the record was being checked; nothing written, try again", line=1),),
                       display, keys)
    return Outcome(Written(display, line, kind, normal, block), problems, display, keys)
