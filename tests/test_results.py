"""Results kept between runs: a hit prints exactly what a fresh run prints, and anything a result
was computed from, changed, makes it a miss (mentoring.results, cli.reading_command, cli.parts)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from mentoring import cli, codec, fingerprint, results
from mentoring.cli import app
from mentoring.progress import Progress

from test_docs import copy_example_workspace

COHORT = "hapsari-sosmed-2015"
AS_OF = "2015-03-31"
FORMATS = ["table", "markdown", "csv", "json", "html"]  # xlsx needs --output, which is never kept

#: Every reading command, in every format and with its options: each must be served exactly as computed.
READING_RUNS = [
    ["check"], ["check", "--redact"], ["check", COHORT], ["check", COHORT, "--redact"],
    *[["cohorts", "--as-of", AS_OF, "--format", f] for f in FORMATS],
    *[["report", COHORT, "--as-of", AS_OF, "--format", f] for f in FORMATS],
    ["report", COHORT, "--as-of", AS_OF, "--by", "group"], ["report", COHORT, "--as-of", AS_OF, "--redact"],
    *[["participants", COHORT, "--as-of", AS_OF, "--format", f] for f in FORMATS],
    ["participants", COHORT, "--as-of", AS_OF, "--by", "organisation", "--format", "csv"],
    ["participants", COHORT, "--as-of", AS_OF, "--redact", "--format", "json"],
    *[["actions", "spi-deli-serdang", "--as-of", "2015-07-15", "--format", f] for f in FORMATS],
    ["actions", "spi-deli-serdang", "--as-of", "2015-07-15", "--open"],
    *[["reflect", "spi-deli-serdang", "--as-of", "2015-07-15", "--format", f] for f in FORMATS],
    *[["due", "--as-of", "2015-05-04", "--format", f] for f in FORMATS],
    ["due", "spi-deli-serdang", "spi-kulon-progo", "--as-of", "2015-05-04", "--within", "30", "--silent", "90"],
    ["report", COHORT, "--as-of", AS_OF, "--period", "month", "--format", "json"],
    *[["rollup", "hapsari-capacity", "--as-of", AS_OF, "--format", f] for f in FORMATS],
    ["rollup", "hapsari-capacity", "--as-of", AS_OF, "--by", "cohort", "--period", "quarter"],
    ["export iati", COHORT, "--as-of", AS_OF], ["export iati", "--as-of", "2017-12-31", "--period", "quarter", "--by", "sex"],
    *[["explain", COHORT, "attendance", "--as-of", AS_OF, "--format", f] for f in FORMATS],
    ["explain", COHORT, "completed", "--as-of", AS_OF, "--by", "group"],
    *[["explain", COHORT, "--participant", "dewi", "--as-of", AS_OF, "--format", f] for f in FORMATS],
    ["report", COHORT, "--as-of", AS_OF, "--lang", "id"], ["participants", COHORT, "--as-of", AS_OF, "--lang", "id", "--format", "html"],
    ["cohorts", "--as-of", AS_OF, "--lang", "id"], ["rollup", "hapsari-capacity", "--as-of", AS_OF, "--lang", "id", "--period", "month"],
]


def reading_commands(group=None, prefix=()):
    """The names of the commands marked @reading_command, sub-commands as "group command"."""
    for info in (group or app).registered_commands:
        if getattr(info.callback, "reading", False):
            yield " ".join((*prefix, info.name or info.callback.__name__))
    for sub in (group or app).registered_groups:
        yield from reading_commands(sub.typer_instance, (*prefix, sub.name))


@pytest.fixture
def ws(tmp_path, monkeypatch, run):
    """A copy of the example workspace, named by MENTORING_WORKSPACE (set after `run` unsets it),
    with a cache folder of its own."""
    root = copy_example_workspace(tmp_path / "ws")
    monkeypatch.setenv("MENTORING_WORKSPACE", str(root))
    monkeypatch.setenv("MENTORING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    return root


@pytest.fixture
def computed(monkeypatch):
    """A list that gets one item each time the command really runs (a miss), none when a kept result is served."""
    runs = []
    real = cli.run_app
    monkeypatch.setattr(cli, "run_app", lambda: runs.append(1) or real())
    return runs


def printed(result):
    return result.exit_code, result.stdout, result.stderr, result.output


def test_every_reading_command_is_tested_here():
    """Each command marked @reading_command has runs in READING_RUNS (a new reading command must be added there)."""
    marked = set(reading_commands())
    assert {"check", "cohorts", "report", "participants", "actions", "reflect", "due", "rollup", "export iati", "explain"} <= marked
    assert marked <= {run[0] for run in READING_RUNS}, marked - {run[0] for run in READING_RUNS}


@pytest.mark.parametrize("args", READING_RUNS, ids=[" ".join(a) for a in READING_RUNS])
def test_a_hit_prints_exactly_what_a_fresh_run_prints(ws, run, computed, args):
    """Run once to keep the result, again to be served it: both print byte for byte what --no-cache
    computes, on the same streams in the same order, with the same exit code; the second computes nothing."""
    args = [*args[0].split(), *args[1:]]
    fresh = run("--no-cache", *args)
    first = run(*args)
    assert len(computed) == 2
    second = run(*args)
    assert len(computed) == 2, "the second run computed again"
    assert printed(first) == printed(second) == printed(fresh)
    assert fresh.exit_code == 0 and fresh.stdout


def test_a_result_with_errors_is_kept_with_its_streams_and_exit_code(ws, run, computed):
    """A cohort with an error: `cohorts` prints the others on stdout and the error on stderr, exit 1; served the same."""
    log = ws / "cohorts" / COHORT / "logs" / "aminah.toml"
    log.write_text(log.read_text().replace('participant = "aminah"', 'participant = "nobody"', 1))
    runs = [run("cohorts", "--as-of", AS_OF) for _ in range(2)]
    assert len(computed) == 1
    assert printed(runs[0]) == printed(runs[1]) == printed(run("--no-cache", "cohorts", "--as-of", AS_OF))
    assert runs[1].exit_code == 1 and COHORT not in runs[1].stdout and "nobody" in runs[1].stderr


CHANGES = {
    "a byte of a log": lambda root: _edit(root / "cohorts" / COHORT / "logs" / "kartini.toml", "hours = 4", "hours = 5"),
    "a byte of cohort.toml": lambda root: _edit(root / "cohorts" / COHORT / "cohort.toml", "Sri Rahayu", "Sri Rahayi"),
    "a byte of a curriculum": lambda root: _edit(next((root / "curricula").glob("*.toml")), "title", "title", after="\n# edited\n"),
    "mentoring.toml added": lambda root: (root / "mentoring.toml").write_text('lang = "en"\n'),
    "a log added": lambda root: (root / "cohorts" / COHORT / "logs" / "extra.toml").write_text(
        '[[measurement]]\ndate = 2015-03-30\nresult = "page-followers"\nvalue = 900\n'),
    "a log removed": lambda root: (root / "cohorts" / COHORT / "logs" / "sri.toml").unlink(),
    "a cohort added": lambda root: shutil.copytree(root / "cohorts" / COHORT, root / "cohorts" / "copy-2015"),
    "a log replaced by a link to the same bytes outside the workspace":
        lambda root: _relink(root / "cohorts" / COHORT / "logs" / "sri.toml", root.parent / "outside.toml"),
}


def _edit(path: Path, old: str, new: str, after: str = "") -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1) + after, encoding="utf-8")


def _relink(path: Path, moved: Path) -> None:
    path.rename(moved)
    path.symlink_to(moved)


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("args", [["check"], ["cohorts", "--as-of", AS_OF], ["report", COHORT, "--as-of", AS_OF]])
def test_any_change_to_an_input_is_a_miss(ws, run, computed, change, args):
    """After a change to any file the command reads (or to which files exist), the command runs
    again and prints what a fresh run prints."""
    run(*args)
    CHANGES[change](ws)
    again = run(*args)
    assert len(computed) == 2
    assert printed(again) == printed(run("--no-cache", *args))


def test_a_change_inside_a_log_of_the_same_size_and_time_is_a_miss(ws, run, computed):
    """Bytes are hashed: an edit that keeps the log's size and modification time is still seen."""
    log = ws / "cohorts" / COHORT / "logs" / "kartini.toml"
    before = run("report", COHORT, "--as-of", AS_OF)
    status = log.stat()
    _edit(log, "hours = 4", "hours = 9")
    os.utime(log, ns=(status.st_atime_ns, status.st_mtime_ns))
    after = run("report", COHORT, "--as-of", AS_OF)
    assert len(computed) == 2 and after.stdout != before.stdout


@pytest.mark.parametrize("first, second", [
    (["report", COHORT, "--as-of", AS_OF], ["report", COHORT, "--as-of", "2015-02-28"]),
    (["participants", COHORT, "--as-of", AS_OF], ["participants", COHORT, "--as-of", AS_OF, "--redact"]),
    (["participants", COHORT, "--as-of", AS_OF, "--redact"], ["participants", COHORT, "--as-of", AS_OF]),
    (["check"], ["check", "--redact"]),
    (["report", COHORT, "--as-of", AS_OF], ["report", COHORT, "--as-of", AS_OF, "--format", "json"]),
])
def test_another_date_or_option_is_never_served_the_first_ones_result(ws, run, computed, first, second):
    """A result kept for one set of options (a date, --redact or not, a format) is not served for another."""
    run(*first)
    other = run(*second)
    assert len(computed) == 2
    assert printed(other) == printed(run("--no-cache", *second))


def test_redacted_and_plain_outputs_differ_and_are_each_served_their_own(ws, run, computed):
    """participants with and without --redact, each run twice: names only in the plain one, each served as kept."""
    plain = [run("participants", COHORT, "--as-of", AS_OF) for _ in range(2)]
    redacted = [run("participants", COHORT, "--as-of", AS_OF, "--redact") for _ in range(2)]
    assert len(computed) == 2
    assert "Sri Rahayu" in plain[1].stdout and "Sri Rahayu" not in redacted[1].stdout
    assert plain[0].stdout == plain[1].stdout and redacted[0].stdout == redacted[1].stdout


def test_another_day_is_a_miss(ws, run, computed, monkeypatch):
    """A command without --as-of reports as of today: tomorrow the kept result is not served."""
    run("cohorts")
    run("cohorts")
    assert len(computed) == 1
    monkeypatch.setattr(results, "today", lambda: (dt.date.today() + dt.timedelta(days=1)).isoformat())
    run("cohorts")
    assert len(computed) == 2


def test_a_changed_package_is_a_miss(ws, run, computed, monkeypatch, tmp_path):
    """The package's own files are hashed: one file added to (a copy of) the package makes every kept result a miss."""
    package = tmp_path / "package"
    shutil.copytree(fingerprint._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "_PACKAGE", str(package))
    monkeypatch.setattr(fingerprint, "_package_digest", None)
    run("report", COHORT, "--as-of", AS_OF)
    run("report", COHORT, "--as-of", AS_OF)
    assert len(computed) == 1
    (package / "templates.txt").write_text("a new file of the package\n")
    monkeypatch.setattr(fingerprint, "_package_digest", None)
    run("report", COHORT, "--as-of", AS_OF)
    assert len(computed) == 2


@pytest.mark.parametrize("garbage", [b"", b"not an entry", b"mentoring-results 1 0123\n{}",
                                     b"mentoring-results 999 x\n{}", "cut", "altered"])
def test_a_corrupt_entry_is_a_miss_and_is_rebuilt(ws, run, computed, garbage, tmp_path):
    """An entry that is empty, of another version, cut short or with one byte of its output altered
    is not served: the command runs as without a cache, and the entry is written anew."""
    fresh = run("report", COHORT, "--as-of", AS_OF)
    (entry,) = (tmp_path / "cache" / "results").iterdir()
    kept = entry.read_bytes()
    assert b"results met" in kept
    entry.write_bytes({"cut": kept[:-10], "altered": kept.replace(b"results met", b"results mat")}.get(garbage, garbage))
    again = run("report", COHORT, "--as-of", AS_OF)
    assert len(computed) == 2 and printed(again) == printed(fresh)
    assert results.read_entry(str(entry)) is not None
    run("report", COHORT, "--as-of", AS_OF)
    assert len(computed) == 2


def test_no_cache_neither_reads_nor_writes_results(ws, run, computed, tmp_path):
    """--no-cache and MENTORING_NO_CACHE compute every time and keep nothing."""
    for _ in range(2):
        run("--no-cache", "report", COHORT, "--as-of", AS_OF)
    assert len(computed) == 2 and not (tmp_path / "cache").exists()
    os.environ["MENTORING_NO_CACHE"] = "1"
    try:
        run("cohorts", "--as-of", AS_OF)
    finally:
        del os.environ["MENTORING_NO_CACHE"]
    assert len(computed) == 3 and not (tmp_path / "cache").exists()


def test_the_cache_folder_is_private(ws, run, tmp_path):
    """Kept results and read logs are in folders only their owner can enter, in files only their owner can read."""
    os.umask(0o022)
    run("cohorts", "--as-of", AS_OF)
    cache = tmp_path / "cache"
    folders = [cache, *(p for p in cache.rglob("*") if p.is_dir())]
    files = [p for p in cache.rglob("*") if p.is_file()]
    assert len(folders) >= 3 and len(files) >= 2
    assert {stat.S_IMODE(p.stat().st_mode) for p in folders} == {0o700}
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}


def test_one_record_appended_opens_only_its_cohort(ws, run, computed, monkeypatch):
    """After a record is appended to one cohort's log, `cohorts` and `check` open that cohort alone, and print what a fresh run prints."""
    opened = []
    real = cli.door
    monkeypatch.setattr(cli, "door", lambda root, cohorts=None: opened.append(cohorts) or real(root, cohorts))
    for args in (["cohorts", "--as-of", AS_OF], ["check"]):
        run(*args)
        assert opened[-1] is None  # the first run opens every cohort
    with open(ws / "cohorts" / COHORT / "logs" / "kartini.toml", "a", encoding="utf-8") as log:
        log.write('\n[[session]]\ndate = 2015-03-20\nmentor = "kartini"\nhours = 2\nattended = ["sri"]\n')
    for args in (["cohorts", "--as-of", AS_OF], ["check"]):
        again = run(*args)
        assert opened[-1] == [COHORT]
        assert printed(again) == printed(run("--no-cache", *args))


def test_a_workspace_found_by_walking_up_is_looked_for_again(tmp_path, run, computed, monkeypatch):
    """Run from a folder inside a workspace that the loader does not read: once a nearer folder
    holds cohorts/, the kept result (of the outer workspace) is not served."""
    root = copy_example_workspace(tmp_path / "ws")
    inner = root / "notes" / "2015"
    inner.mkdir(parents=True)
    monkeypatch.delenv("MENTORING_WORKSPACE", raising=False)
    monkeypatch.setenv("MENTORING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(inner)
    run("check")
    assert run("check").stdout.endswith("(5 curricula, 10 cohorts checked)\n") and len(computed) == 1
    (root / "notes" / "cohorts").mkdir()
    nearer = run("check")
    assert len(computed) == 2 and nearer.stdout.endswith("(0 curricula, 0 cohorts checked)\n")


def test_help_is_kept_and_served_as_printed(run, computed, monkeypatch, tmp_path):
    """`--help` of the app and of a command is served as first printed; another terminal width is a miss."""
    monkeypatch.setenv("MENTORING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "100")
    shown = {}
    for args in (["--help"], ["report", "--help"], ["log", "session", "--help"]):
        first, second = run(*args), run(*args)
        assert printed(first) == printed(second) and "Usage: mentoring" in second.stdout
        shown[args[0]] = second.stdout
    assert len(computed) == 3
    monkeypatch.setenv("COLUMNS", "60")
    narrow = run("report", "--help")
    assert len(computed) == 4 and narrow.stdout != shown["report"]


def test_a_writing_command_given_help_as_a_value_is_never_kept(ws, run, computed):
    """`log session ... --notes --help` writes a record each time it runs: it is never served from the cache."""
    args = ["log", "session", COHORT, "--mentor", "kartini", "--hours", "1", "--attended", "sri",
            "--date", "2015-03-20", "--notes", "--help"]
    assert [run(*args).exit_code for _ in range(2)] == [0, 0]
    assert len(computed) == 2
    assert (ws / "cohorts" / COHORT / "logs" / "kartini.toml").read_text().count('notes = "--help"') == 2


def test_every_command_tells_whether_it_ran():
    """Every command is a cli.Command, whose invoke tells the cache it ran (so only a run that printed help is kept as help)."""
    def leaves(group):
        for command in group.commands.values():
            yield from leaves(command) if hasattr(command, "commands") else [command]

    assert all(isinstance(command, cli.Command) for command in leaves(typer.main.get_command(app)))


def test_figures_come_back_from_json_as_they_were(ws):
    """Every cohort's Progress (plain and by group), encoded and decoded, is equal and of the same types (repr)."""
    import mentoring

    opened = mentoring.open_workspace(ws)
    for cohort in opened.sound_cohorts:
        for by in (None, "group"):
            figures = opened.progress(cohort, AS_OF, by)
            again = codec.decode(codec.encode(figures), Progress)
            assert again == figures and repr(again) == repr(figures)


def test_a_hit_imports_neither_typer_nor_cattrs_nor_the_model(ws, tmp_path):
    """Through `python -m mentoring`: the second run prints the same bytes without importing typer, cattrs or mentoring.model."""
    env = {**os.environ, "MENTORING_WORKSPACE": str(ws), "MENTORING_CACHE_DIR": str(tmp_path / "cache")}
    args = [sys.executable, "-X", "importtime", "-m", "mentoring", "participants", COHORT, "--as-of", AS_OF]
    first = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    second = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == second.returncode == 0 and first.stdout == second.stdout
    imported = {line.split("|")[-1].strip() for line in second.stderr.splitlines() if line.startswith("import time:")}
    assert "mentoring.results" in imported
    assert not imported & {"typer", "cattrs", "mentoring.model", "tomli", "attrs"}, imported & {"typer", "cattrs"}


def test_help_kept_in_one_folder_is_served_in_another(run, computed, monkeypatch, tmp_path):
    """Help does not depend on the current folder: kept from one, it is served in another."""
    monkeypatch.setenv("MENTORING_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    first = run("cohorts", "--help")
    monkeypatch.chdir(tmp_path / "b")
    second = run("cohorts", "--help")
    assert len(computed) == 1 and printed(first) == printed(second)


def test_a_kept_part_of_the_wrong_shape_is_computed_again(ws, run, computed, tmp_path):
    """A well-formed entry whose kept figures of one cohort no longer read back (wrong shape):
    after another cohort changes, `cohorts` computes every cohort afresh and prints what a fresh run prints."""
    run("cohorts", "--as-of", AS_OF)
    (path,) = (tmp_path / "cache" / "results").iterdir()
    entry = results.read_entry(str(path))
    part = entry["parts"]["cohorts"][COHORT]
    assert part[1]["has"]
    part[1]["value"] = ["not", "a", "Progress"]
    results.write_entry(str(path), entry)
    _edit(ws / "cohorts" / "spi-deli-serdang" / "cohort.toml", "\n", "\n", after="# edited\n")
    again = run("cohorts", "--as-of", AS_OF)
    assert len(computed) == 2 and again.exit_code == 0
    assert printed(again) == printed(run("--no-cache", "cohorts", "--as-of", AS_OF))


def test_a_command_that_is_not_a_reading_one_prints_straight_through(ws, run, serve_stops_at_once, monkeypatch):
    """`serve` (not a reading command) runs with the streams it was given, not the cache's copying
    ones, so that a server printing for days keeps no copy; nothing of its run is kept."""
    from mentoring.cli import serve

    streams = []
    listen = serve.listen
    monkeypatch.setattr(serve, "listen", lambda *args: streams.append((sys.stdout, sys.stderr)) or listen(*args))
    assert run("serve", "--port", "0").exit_code == 0
    assert streams and not any(isinstance(stream, results._Tee) for stream in streams[0])
    assert not (Path(os.environ["MENTORING_CACHE_DIR"]) / "results").exists()
