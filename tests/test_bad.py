"""The bad-input corpus (tests/bad/cases.py): every broken input gives exactly its expected problems.

Besides the corpus, the inputs that need the file system itself: symbolic links out of the
workspace, a log that cannot be read, a folder or a pipe where a file should be, and a 50 MB log.
"""

from __future__ import annotations

import builtins
import io
import os
import threading
import time
from pathlib import Path

import pytest

from bad.cases import CASES, COH, FULL_COH, FULL_CUR, FULL_LOG, LOG
from conftest import COHORT, CURRICULUM, fresh_import, make_workspace, workspace_problems

from mentoring.checks import check_workspace
from mentoring.loader import load_workspace
from mentoring.problems import format_problem


@pytest.mark.parametrize("files, expected", [pytest.param(f, e, id=n) for n, f, e in CASES])
def test_bad_input(tmp_path, files, expected):
    """The input, laid over the minimal workspace, gives exactly the expected problems, and no exception."""
    root = make_workspace(tmp_path, {"curricula/sosmed.toml": CURRICULUM, COH: COHORT, **files})
    assert workspace_problems(root) == expected


@pytest.mark.parametrize("files, expected", [pytest.param(f, e, id=n) for n, f, e in CASES[::20]])
def test_bad_input_through_the_command(tmp_path, run, files, expected):
    """One case in 20, through `mentoring check`: the same lines, then the summary; exit 1 on an error."""
    root = make_workspace(tmp_path, {"curricula/sosmed.toml": CURRICULUM, COH: COHORT, **files})
    out = run("-w", str(root), "check")
    assert out.stdout.splitlines()[:-1] == expected and out.stderr == ""
    assert out.exit_code == (1 if any(": error: " in line for line in expected) else 0)


def test_corpus_size_and_names():
    """At least 150 broken inputs (the valid ones aside), each named once."""
    names = [name for name, _, _ in CASES]
    assert len(names) == len(set(names))
    assert sum(1 for _, _, expected in CASES if expected) >= 150


# --- inputs that need the file system itself -------------------------------------------------------

OUTSIDE = "is a link to a place outside the workspace; not read"

needs_links = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="no symbolic links here")


@pytest.fixture
def ws(tmp_path):
    """The minimal workspace in tmp_path/ws (tmp_path/outside is outside it)."""
    root = make_workspace(tmp_path / "ws", {"curricula/sosmed.toml": CURRICULUM, COH: COHORT})
    (tmp_path / "outside").mkdir()
    return root


@needs_links
def test_log_that_links_outside_is_not_read(ws):
    """A log that is a link to a file outside the workspace is an error, and the file is not read."""
    secret = ws.parent / "outside" / "secret.toml"
    secret.write_text(FULL_LOG, encoding="utf-8")
    (ws / "cohorts/k1/logs").mkdir()
    (ws / LOG).symlink_to(secret)
    assert workspace_problems(ws) == [f"{LOG}:1: error: {OUTSIDE}"]


@needs_links
def test_cohort_folder_that_links_outside_is_not_read(ws):
    """A cohort folder that is a link to a folder outside the workspace: its cohort.toml is not read."""
    outside = make_workspace(ws.parent / "outside", {"k9/cohort.toml": COHORT, "k9/logs/rina.toml": FULL_LOG})
    (ws / "cohorts/k9").symlink_to(outside / "k9", target_is_directory=True)
    assert workspace_problems(ws) == [f"cohorts/k9/cohort.toml:1: error: cohorts/k9/ {OUTSIDE}"]


@needs_links
def test_logs_folder_that_links_outside_is_not_listed(ws):
    """A cohort's logs/ that is a link outside the workspace is an error on the cohort, even when empty
    (so that nothing is ever written there either)."""
    (ws.parent / "outside" / "logs").mkdir()
    (ws / "cohorts/k1/logs").symlink_to(ws.parent / "outside" / "logs", target_is_directory=True)
    assert workspace_problems(ws) == [f"{COH}:1: error: cohorts/k1/logs/ {OUTSIDE}"]


@needs_links
def test_curriculum_that_links_outside_is_not_read(ws):
    """A curriculum file linking outside is not read; its cohort is not checked against it."""
    (ws.parent / "outside" / "c.toml").write_text('title = "x"\n', encoding="utf-8")
    (ws / "curricula/sosmed.toml").unlink()
    (ws / "curricula/sosmed.toml").symlink_to(ws.parent / "outside" / "c.toml")
    assert workspace_problems(ws) == [f"curricula/sosmed.toml:1: error: {OUTSIDE}"]


@needs_links
def test_links_inside_the_workspace_are_followed(ws):
    """A link that stays inside the workspace (a log shared by two names, a cohort folder alias) is read."""
    (ws / "cohorts/k1/logs").mkdir()
    (ws / "shared.toml").write_text(FULL_LOG, encoding="utf-8")
    (ws / LOG).symlink_to(ws / "shared.toml")
    (ws / "cohorts/k2").symlink_to(ws / "cohorts/k1", target_is_directory=True)
    assert workspace_problems(ws) == []


@needs_links
def test_a_loop_of_links_cannot_be_read(ws):
    """A log that is a link to itself (through another) cannot be read: an error, not a hang."""
    (ws / "cohorts/k1/logs").mkdir()
    (ws / "cohorts/k1/logs/a.toml").symlink_to(ws / "cohorts/k1/logs/b.toml")
    (ws / "cohorts/k1/logs/b.toml").symlink_to(ws / "cohorts/k1/logs/a.toml")
    assert workspace_problems(ws) == [
        "cohorts/k1/logs/a.toml:1: error: cannot be read (Too many levels of symbolic links)",
        "cohorts/k1/logs/b.toml:1: error: cannot be read (Too many levels of symbolic links)",
    ]


@needs_links
def test_dangling_cohort_file_link(ws):
    """A cohort.toml that is a link to nothing cannot be read."""
    (ws / "cohorts/k2").mkdir()
    (ws / "cohorts/k2/cohort.toml").symlink_to(ws / "cohorts/k2/gone.toml")
    assert workspace_problems(ws) == ["cohorts/k2/cohort.toml:1: error: cannot be read (No such file or directory)"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads a file whatever its permissions (the simulated test below still runs)")
def test_log_without_read_permission(ws):
    """A log that cannot be read (chmod 000) is an error naming the file."""
    (ws / "cohorts/k1/logs").mkdir()
    (ws / LOG).write_text(FULL_LOG, encoding="utf-8")
    (ws / LOG).chmod(0)
    try:
        assert workspace_problems(ws) == [f"{LOG}:1: error: cannot be read (Permission denied)"]
    finally:
        (ws / LOG).chmod(0o644)


def test_log_without_read_permission_simulated(ws, monkeypatch):
    """The same, for any user (root included): opening the log is refused by the system (every way
    of opening a file in Python goes through io.open)."""
    (ws / "cohorts/k1/logs").mkdir()
    (ws / LOG).write_text(FULL_LOG, encoding="utf-8")
    real_open = io.open

    def refuse(file, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003 - io.open's own signature
        if Path(os.fsdecode(file)).name == "rina.toml" if isinstance(file, (str, bytes, os.PathLike)) else False:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", refuse)
    monkeypatch.setattr(builtins, "open", refuse)
    assert workspace_problems(ws) == [f"{LOG}:1: error: cannot be read (Permission denied)"]


def test_folder_where_the_cohort_file_should_be(ws):
    """A folder named cohort.toml is no cohort file."""
    (ws / "cohorts/k2/cohort.toml").mkdir(parents=True)
    assert workspace_problems(ws) == ["cohorts/k2/cohort.toml:1: error: is a folder, not a file; not read"]


def _end_any_read(fifo: Path, seconds: float = 10) -> None:
    """For `seconds`, whenever anything opens the pipe to read (which would wait forever), open and close its
    other end from a thread, so that each read ends with nothing and the test fails instead of hanging."""
    def watch() -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # succeeds only while someone reads
            except OSError:
                pass
            time.sleep(0.02)

    threading.Thread(target=watch, daemon=True).start()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_pipe_where_the_cohort_file_should_be(ws):
    """A named pipe as cohort.toml is refused unread (reading it would wait forever)."""
    (ws / "cohorts/k2").mkdir()
    os.mkfifo(ws / "cohorts/k2/cohort.toml")
    _end_any_read(ws / "cohorts/k2/cohort.toml")
    assert workspace_problems(ws) == ["cohorts/k2/cohort.toml:1: error: is not a regular file (a device or a pipe?); not read"]


def test_empty_cohort_folder(ws):
    """An empty folder under cohorts/ is a cohort without its cohort.toml."""
    (ws / "cohorts/k2").mkdir()
    assert workspace_problems(ws) == ["cohorts/k2/cohort.toml:1: error: cohorts/k2/ has no cohort.toml: a cohort folder needs one"]


# --- a 50 MB log -----------------------------------------------------------------------------------

NOTES = "x" * 2500
RECORD = f'[[session]]\ndate = 2015-03-02\nmentor = "rina"\nhours = 2\nattended = ["p01"]\nnotes = "{NOTES}"\n\n'  # 7 lines


@pytest.mark.slow
def test_50_mb_log_with_one_bad_record_at_the_end(ws):
    """20,000 valid sessions with long notes (over 50 MB), then one whose mentor is misspelt: exactly that
    problem, at its line, in well under 20 s. Record k starts on line 7k + 1, so the 20,001st (k = 20,000)
    starts on line 140,001 and its mentor is on line 140,003."""
    data = (RECORD * 20_000 + '[[session]]\ndate = 2015-03-02\nmentor = "rian"\nhours = 2\nattended = ["p01"]\n').encode()
    assert len(data) > 50_000_000
    (ws / "cohorts/k1/logs").mkdir()
    (ws / LOG).write_bytes(data)
    start = time.perf_counter()
    assert workspace_problems(ws) == [f'{LOG}:140003: error: session.mentor: unknown mentor "rian" (did you mean "rina"?)']
    assert time.perf_counter() - start < 20


@pytest.mark.slow
def test_50_mb_comment_with_a_bad_date_at_the_end(ws):
    """500,000 comment lines of 100 bytes (50 MB), then a session whose date has month 13, on line 500,002."""
    data = ("# " + "y" * 97 + "\n") * 500_000 + "[[session]]\ndate = 2015-13-02\n"
    (ws / "cohorts/k1/logs").mkdir()
    (ws / LOG).write_text(data, encoding="utf-8")
    start = time.perf_counter()
    assert workspace_problems(ws) == [
        f"{LOG}:500002: error: malformed TOML: 2015-13-02 is not a valid date (write year-month-day, such as 2015-03-05)"
    ]
    assert time.perf_counter() - start < 20


def test_a_loader_imported_anew_gives_every_expected_problem(tmp_path):
    """The loader's converter (its hooks for strings, numbers, dates, percentages, levels, enums, lists,
    tables, optional values) is built when the module is imported; a loader imported anew here (see
    conftest.fresh_import) reads every case of the corpus into exactly its expected problems, and valid
    files (every key once; the repository's example workspace) into the model the loader in use reads."""
    fresh = fresh_import("mentoring.loader")
    for n, (name, files, expected) in enumerate(CASES):
        root = make_workspace(tmp_path / str(n), {"curricula/sosmed.toml": CURRICULUM, COH: COHORT, **files})
        data, found = fresh.load_workspace(root)
        located = sorted(fresh.locate(root, found + check_workspace(data)), key=lambda p: (p.path, p.line or 0))
        assert [format_problem(p) for p in located] == expected, name
    # Valid files using every key once, and the repository's example workspace, read into the same model.
    full = make_workspace(tmp_path / "full", {"curricula/sosmed.toml": FULL_CUR, COH: FULL_COH, LOG: FULL_LOG})
    for root in (full, Path(__file__).resolve().parents[1]):
        assert fresh.load_workspace(root) == load_workspace(root)
