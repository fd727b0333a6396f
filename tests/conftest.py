"""Shared test helpers: workspaces written from inline TOML, a minimal valid programme, the CLI.

Inline TOML is dedented and a single newline right after the opening quotes is dropped, so in

    '''
    title = "x"
    '''

`title` is on line 1. Count lines from there when writing an expected `path:line:`.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Optional, Union

import attrs
import pytest
from hypothesis import settings

import mentoring
from mentoring import cli, results

Files = dict[str, Union[str, bytes, None]]

#: For tools/mutation.sh (`--hypothesis-profile=mutation`): the same examples on every run, so that
#: a mutant is killed or not regardless of luck, and none kept between runs.
settings.register_profile("mutation", derandomize=True, database=None, deadline=None)

#: Set by tools/mutation.sh: run the quickest tests first (by the durations mutmut measured, in
#: mutmut-stats.json of the folder it runs in), the library's own before the broad ones (whole
#: commands, the corpora), so that a mutant is killed by the first, quick test that can.
MUTATION_ENV = "MENTORING_MUTATION"
_FIRST = ["test_progress", "test_checks", "test_loader", "test_logbook", "test_cache", "test_problems",
          "test_door", "test_cli_check", "test_cli_log", "test_cli_report", "test_security", "test_bad"]


def pytest_collection_modifyitems(items: list) -> None:
    """Under tools/mutation.sh, order the tests by duration, then by file as _FIRST says, keeping each file's order."""
    if not os.environ.get(MUTATION_ENV):
        return
    try:
        durations = json.loads(Path("mutmut-stats.json").read_bytes())["duration_by_test"]
    except (OSError, ValueError, KeyError):
        durations = {}
    rank = {name: n for n, name in enumerate(_FIRST)}
    items.sort(key=lambda item: (round(durations.get(item.nodeid, 0.05), 2), rank.get(Path(str(item.fspath)).stem, len(rank))))

#: The environment variable naming the project's shared folder (spec, corpora, schemas). Without it,
#: the folder beside the repository (`../shared`); a mutation tool that runs the tests from a copy
#: of the tree sets it, since `../shared` is not beside the copy.
SHARED_ENV = "MENTORING_SHARED"


def shared_path(*parts: str) -> Path:
    """A path under the shared folder: $MENTORING_SHARED, else `../shared` beside the repository."""
    base = os.environ.get(SHARED_ENV) or Path(__file__).resolve().parents[2] / "shared"
    return Path(base).joinpath(*parts)


def shared_missing(*parts: str) -> Optional[str]:
    """Why a path under the shared folder cannot be used (how to get it), or None when it is there."""
    path = shared_path(*parts)
    if path.exists():
        return None
    return (f"{path} not found: put the project's shared folder (spec/, corpora/, schemas/) beside the "
            f"repository as ../shared, or set {SHARED_ENV} to where it is")


def require_shared(*parts: str) -> Path:
    """A path under the shared folder, for a test that needs it: skipped (saying how to get the data)
    when it is missing, but failed when the environment variable CI is set, so that CI never passes
    by skipping."""
    if (why := shared_missing(*parts)) is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and {why}", pytrace=False)
        pytest.skip(why)
    return shared_path(*parts)


def fresh_import(name: str) -> ModuleType:
    """A module of the package imported anew, beside the one in use (which stays as it is): what it
    builds when imported (a converter, tables of codecs) is built again, here. A mutation tool
    imports the package once before any test runs, so only a test that has such things built anew
    sees a change to how they are built."""
    spec = importlib.util.find_spec(name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def toml(text: str) -> str:
    """Inline TOML as the file will hold it: dedented, without the newline after the opening quotes."""
    text = textwrap.dedent(text)
    return text[1:] if text.startswith("\n") else text


def make_workspace(tmp_path: Path, files: Files) -> Path:
    """Write files (relative path to inline TOML text, or raw bytes) under tmp_path; return tmp_path.

    Text goes through `toml` (dedent) and is written as UTF-8 without newline translation; bytes are
    written as they are (binary files, BOM, CRLF). A value of None leaves that file out, so a test
    can drop a file of a fixture's set.
    """
    for rel, content in files.items():
        if content is None:
            continue
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(toml(content), encoding="utf-8", newline="")
    return tmp_path


def workspace_problems(root: Path) -> list[str]:
    """Every problem of a workspace as `mentoring check` prints it: located, formatted, in file order."""
    return [mentoring.format_problem(p) for p in mentoring.open_workspace(root, search=False).problems]


# A minimal valid programme: curriculum "sosmed" (one of every kind of thing, two output kinds, a
# counted and a reported result) and cohort "k1" running it (two participants, one of whom leaves,
# a mentor, an implementer, an observer). Tests replace or add files; logs go under
# cohorts/k1/logs/. Line numbers below are those of the files as written.

CURRICULUM = """
title = "Social media mentoring"

[[objectives]]
id = "o1"
text = "Run the page"

[[competencies]]
id = "facebook"
title = "Managing the page"

[[modules]]
id = "m1"
title = "Basics"
hours = 3
objectives = ["o1"]

[[output_kinds]]
id = "post"
title = "Facebook post"

[[output_kinds]]
id = "article"
title = "Website article"

[[assignments]]
id = "a1"
title = "First post"
module = "m1"
output = "post"

[[results]]
id = "posts"
statement = "Posts accepted"
measure = "outputs"
target = 10

[[results]]
id = "visitors"
statement = "Visitors to the open day"
measure = "reported"
target = 100
"""

COHORT = """
curriculum = "sosmed"
start = 2015-03-01
end = 2015-03-31

[[people]]
id = "p01"
name = "Aminah"
role = "participant"

[[people]]
id = "p02"
name = "Dewi"
role = "participant"
left = 2015-03-20

[[people]]
id = "rina"
name = "Rina"
role = "mentor"

[[people]]
id = "imp"
name = "Yusuf"
role = "implementer"

[[people]]
id = "obs"
name = "Tono"
role = "observer"
"""


@pytest.fixture
def minimal() -> Files:
    """A fresh copy of the minimal valid workspace's files, to extend or override."""
    return {"curricula/sosmed.toml": CURRICULUM, "cohorts/k1/cohort.toml": COHORT}


@pytest.fixture
def workspace(tmp_path: Path) -> Callable[[Files], Path]:
    """`workspace(files)` writes files into tmp_path and returns it."""
    return lambda files: make_workspace(tmp_path, files)


@pytest.fixture
def problems(tmp_path: Path) -> Callable[[Files], list[str]]:
    """`problems(files)` writes a workspace and returns its problems as `path:line: severity: message`."""
    return lambda files: workspace_problems(make_workspace(tmp_path, files))


class _Tee(io.StringIO):
    """A captured stream that also copies what it gets into the interleaved output."""

    def __init__(self, both: io.StringIO):
        super().__init__()
        self.both = both

    def write(self, text: str) -> int:
        self.both.write(text)
        return super().write(text)


@attrs.frozen
class Result:
    """What one run of the command did."""

    exit_code: int
    stdout: str
    stderr: str
    output: str
    """stdout and stderr interleaved, as a terminal shows them."""


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """`run(*args)` runs the `mentoring` command in-process, through `cli.main` as the console script does.

    MENTORING_WORKSPACE is unset unless a test sets it; stdout and stderr are kept apart
    (result.stdout, result.stderr) and interleaved in result.output. An exception that escapes
    `main` is re-raised, so a test never mistakes a crash for an exit code.
    """
    monkeypatch.delenv("MENTORING_WORKSPACE", raising=False)

    def invoke(*args: str) -> Result:
        both = io.StringIO()
        out, err = _Tee(both), _Tee(both)
        monkeypatch.setattr(sys, "argv", ["mentoring", *args])
        code = 0
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                cli.main()  # always ends in sys.exit (the app's, or main's own)
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        return Result(code, out.getvalue(), err.getvalue(), both.getvalue())

    return invoke


@pytest.fixture
def no_workspace_above(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path, with every curricula/ or cohorts/ folder above it hidden from workspace discovery.

    Discovery walks up to the root; a stray workspace in /tmp (or above) must not decide a test.
    """
    is_dir = Path.is_dir
    inside = tmp_path.resolve()

    def hidden_is_dir(self: Path, *args, **kwargs) -> bool:  # noqa: ANN002, ANN003
        if self.name in ("curricula", "cohorts") and not self.resolve().is_relative_to(inside):
            return False
        return is_dir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "is_dir", hidden_is_dir)
    return tmp_path


@pytest.fixture(autouse=True)
def _children_run_the_code_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under tools/mutation.sh, a child process a test starts (`python -m mentoring`) runs the code
    unmutated: mutmut cannot see what a child runs, and its bookkeeping fails in one whose current
    folder is a test's workspace. (Forked children, which share the test's memory, keep the mutant.)"""
    if not os.environ.get(MUTATION_ENV):
        return
    start = subprocess.Popen.__init__

    def start_without_the_mutant(self, *args, env=None, **kwargs):  # noqa: ANN001, ANN002, ANN003
        env = {key: value for key, value in (os.environ if env is None else env).items() if key != "MUTANT_UNDER_TEST"}
        start(self, *args, env=env, **kwargs)

    monkeypatch.setattr(subprocess.Popen, "__init__", start_without_the_mutant)


@pytest.fixture(autouse=True)
def _cache_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test's cache (read logs, kept results) lives under the test run's temporary folder, not
    in ~/.cache; no run of the command is left half-way from an earlier test."""
    monkeypatch.setenv("MENTORING_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.setattr(results, "_current", None)


class _Stopped:
    """A server that is stopped as soon as it starts."""

    def serve_forever(self) -> None:
        pass

    def server_close(self) -> None:
        pass


@pytest.fixture
def serve_stops_at_once(monkeypatch: pytest.MonkeyPatch) -> list:
    """`mentoring serve` run in-process opens no port: it starts, prints its URL, and stops at once, so that
    examples of it (help, docs) run like any other command. Returns the (host, port) of each server asked for."""
    from mentoring.cli import serve

    asked: list = []

    def listen(host: str, port: int, web) -> tuple:
        asked.append((host, port))
        return _Stopped(), port or 8080

    monkeypatch.setattr(serve, "listen", listen)
    return asked
