"""`mentoring log`: what a mentor types, read carefully (`--attended all`, `--absent`, numbers that
could mean two things), and Ctrl-C and another logger's lock said plainly.

The workspace is conftest's minimal programme: cohort k1 (2015-03-01 to 2015-03-31), participants
p01 and p02 (p02 leaves on 2015-03-20), mentor rina, and the reported result "visitors".
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import make_workspace

import mentoring.logbook
from mentoring.logbook import cohort_lock

RINA = "cohorts/k1/logs/rina.toml"
SESSION = ["log", "session", "k1", "--mentor", "rina", "--hours", "2", "--date", "2015-03-05"]


@pytest.fixture
def root(tmp_path: Path, minimal, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The minimal workspace, made the current folder."""
    root = make_workspace(tmp_path, minimal)
    monkeypatch.chdir(root)
    return root


def attended(out) -> str:
    """The `attended = [...]` line of the record printed back."""
    return next(line for line in out.stdout.splitlines() if line.startswith("attended"))


def test_attended_all_is_everyone_enrolled_that_day(root, run):
    """`--attended all` on 2015-03-05 is p01 and p02; on 2015-03-25 p02 has left, so p01 alone; no
    expected list is written (the default, everyone enrolled, is what it means)."""
    out = run(*SESSION, "--attended", "all")
    assert out.exit_code == 0, out.output
    assert attended(out) == 'attended = ["p01", "p02"]' and "expected" not in out.stdout
    out = run(*SESSION[:-1], "2015-03-25", "--attended", "all")
    assert attended(out) == 'attended = ["p01"]'


def test_attended_all_with_absent_and_expected(root, run):
    """`--absent` leaves its ids out of all; with `--expected`, all is that list."""
    assert attended(run(*SESSION, "--attended", "all", "--absent", "p02")) == 'attended = ["p01"]'
    out = run(*SESSION, "--attended", "all", "--expected", "p02")
    assert attended(out) == 'attended = ["p02"]' and 'expected = ["p02"]' in out.stdout


def test_absent_misused_is_a_usage_error(root, run):
    """`--absent` without `--attended all`, or naming someone not expected, is refused (exit 2); nothing written."""
    out = run(*SESSION, "--attended", "p01", "--absent", "p02")
    assert (out.exit_code, out.stderr) == (2, "mentoring: error: --absent goes with --attended all (list who came, or all and who did not)\n")
    out = run(*SESSION, "--attended", "all", "--absent", "p1")
    assert (out.exit_code, out.stderr) == (
        2, 'mentoring: error: --absent: "p1" is not one of the participants expected on 2015-03-05 (did you mean "p01"?)\n')
    assert not (root / RINA).exists()


@pytest.mark.parametrize("option, value, message", [
    ("--value", "1.000", '--value: "1.000" is ambiguous: it would be read as 1, but a point also separates thousands (1000); write 1 or 1000'),
    ("--value", "1,5", '--value: "1,5" has a decimal comma: write 1.5'),
    ("--hours", "1,5", '--hours: "1,5" has a decimal comma: write 1.5'),
    ("--hours", "12.500", '--hours: "12.500" is ambiguous: it would be read as 12.5, but a point also separates thousands (12500); write 12.5 or 12500'),
])
def test_ambiguous_numbers_are_usage_errors(root, run, option, value, message):
    """A number that could mean two things is refused (exit 2) saying how to write it; nothing is written."""
    if option == "--value":
        out = run("log", "measurement", "k1", "--result", "visitors", "--value", value, "--date", "2015-03-05")
    else:
        out = run("log", "session", "k1", "--mentor", "rina", "--hours", value, "--attended", "p01", "--date", "2015-03-05")
    assert (out.exit_code, out.stderr) == (2, f"mentoring: error: {message}\n")
    assert not (root / "cohorts/k1/logs").exists()


def test_negative_measurement_is_refused(root, run):
    """`--value -1` is refused by the check (exit 1) at the value's line of the record it would be."""
    out = run("log", "measurement", "k1", "--result", "visitors", "--value", "-1", "--date", "2015-03-05")
    assert out.exit_code == 1
    assert out.stdout == ("cohorts/k1/logs/measurements.toml:4: error: measurement.value: a measurement counts something, "
                          "so it cannot be negative, got -1\n")
    assert not (root / "cohorts/k1/logs").exists()


# --- Ctrl-C ----------------------------------------------------------------------------------------


def interrupt_during(monkeypatch, name: str) -> None:
    """Make the logbook's `name` press Ctrl-C (SIGINT to this process) before doing its work."""
    real = getattr(mentoring.logbook, name)

    def pressed(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)  # the handler runs in the main thread at the next instruction
        return real(*args, **kwargs)

    monkeypatch.setattr(mentoring.logbook, name, pressed)


def test_ctrl_c_while_checking_writes_nothing_and_exits_130(root, run, monkeypatch):
    """Ctrl-C while the record is checked stops the command: it says nothing was written, exit 130."""
    interrupt_during(monkeypatch, "check_workspace")
    out = run(*SESSION, "--attended", "p01")
    assert (out.exit_code, out.stdout, out.stderr) == (130, "", "interrupted: nothing was written\n")
    assert not (root / RINA).exists()


def test_ctrl_c_while_writing_finishes_the_write_and_says_where(root, run, monkeypatch):
    """Ctrl-C once the write has begun lets it finish: the record is printed with its place, the command
    says it is in the log, and exits 0; the log holds it once."""
    interrupt_during(monkeypatch, "replace_file")
    out = run(*SESSION, "--attended", "p01")
    assert out.exit_code == 0
    assert out.stdout.startswith(f"{RINA}:1: wrote [[session]]\n")
    assert out.stderr == f"interrupted after the record was written to {RINA}:1; it is in the log: do not log it again\n"
    assert (root / RINA).read_text().count("[[session]]") == 1


# --- another logger's lock ---------------------------------------------------------------------------


def _command(root: Path) -> subprocess.Popen:
    env = {**os.environ, "MENTORING_WORKSPACE": str(root), "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen([sys.executable, "-m", "mentoring", *SESSION, "--attended", "p01"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _first_line(stream, seconds: float = 30) -> str:
    ready, _, _ = select.select([stream], [], [], seconds)
    return stream.readline() if ready else ""


@pytest.mark.skipif(os.name == "nt", reason="signals and select on pipes are POSIX")
def test_waiting_for_a_lock_says_for_whom_and_ctrl_c_there_writes_nothing(root):
    """A logger kept waiting more than a second says so, naming the holder (this process, which holds the
    lock); Ctrl-C while it waits ends it with exit 130 and nothing written."""
    with cohort_lock(root, "k1"):
        command = _command(root)
        line = _first_line(command.stderr)
        assert line.startswith("waiting for the lock of cohort k1, held by ") and f"(process {os.getpid()} on " in line
        command.send_signal(signal.SIGINT)
        _, rest = command.communicate(timeout=30)
    assert (command.returncode, rest) == (130, "interrupted: nothing was written\n")
    assert not (root / RINA).exists()


@pytest.mark.skipif(os.name == "nt", reason="select on pipes is POSIX")
def test_a_logger_kept_waiting_writes_once_the_lock_is_free(root):
    """Once the holder lets go, the waiting logger writes its record (exit 0)."""
    with cohort_lock(root, "k1"):
        command = _command(root)
        assert _first_line(command.stderr).startswith("waiting for the lock of cohort k1")
    out, _ = command.communicate(timeout=30)
    assert command.returncode == 0 and out.startswith(f"{RINA}:1: wrote [[session]]")
