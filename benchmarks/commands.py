"""Time the `mentoring` command from outside, as a user runs it: one subprocess a run, medians.

Used by benchmarks/run.py (`--shape programme`, `--commands`); nothing here is asserted by a test.

- Every command runs through a launcher written like the console script pip installs, for the entry
  point that pyproject.toml names, so that the sources `mentoring` is imported from here are timed
  (not whatever `mentoring` happens to be installed), and so that it reports its own peak RSS.
- Bytecode goes to a private PYTHONPYCACHEPREFIX, filled by a first untimed run, so every run reads
  .pyc files as on a user's machine even where PYTHONDONTWRITEBYTECODE is set.
- Runs of the commands compared alternate, so that a machine getting busier or quieter affects all
  alike. Wall time and CPU time (user + system, of that child alone, from wait4) are both kept: on
  this shared machine the wall time of a 0.1 s command moves by half from one minute to the next,
  its CPU time far less.
- "cold" runs with an empty cache folder of its own (MENTORING_CACHE_DIR), so it pays for filling
  the cache; the files themselves are in the operating system's page cache after the first run, as
  they are for a user who runs two commands in a row. "warm" runs the same command again with the
  cache it filled.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, Optional

import tomli

import mentoring

HERE = Path(__file__).resolve().parent
PYPROJECT = HERE.parent / "pyproject.toml"
#: Where the package being timed is imported from (put first on the children's PYTHONPATH).
SOURCES = Path(mentoring.__file__).resolve().parents[1]

BARE_APP = '''
import typer

app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.command()
def hello(name: str) -> None:
    """Say hello."""
    print(f"hello {name}")


@app.command()
def bye(name: str) -> None:
    """Say goodbye."""
    print(f"bye {name}")


if __name__ == "__main__":
    app()
'''

LAUNCHER = '''
import atexit
import os
import sys


def _peak_rss():
    # VmHWM, the high-water mark of this process's own memory (see run.py's peak_rss).
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    with open(os.environ["BENCH_RSS_FILE"], "w") as out:
                        out.write(line.split()[1])
    except (OSError, KeyError):
        pass


atexit.register(_peak_rss)
from {module} import {function}

if __name__ == "__main__":
    sys.argv[0] = "mentoring"
    sys.exit({function}())
'''

#: The reading commands timed, with their arguments; {cohort}, {curriculum}, {result} and {as_of}
#: are filled from the workspace. A command of the app that is not here is listed as not timed.
READING: dict[str, list[str]] = {
    "check": [],
    "cohorts": ["--as-of", "{as_of}"],
    "report": ["{cohort}", "--as-of", "{as_of}"],
    "participants": ["{cohort}", "--as-of", "{as_of}"],
    "rollup": ["{curriculum}", "--as-of", "{as_of}"],
    "actions": ["{cohort}", "--as-of", "{as_of}"],
    "reflect": ["{cohort}", "--as-of", "{as_of}"],
    "due": ["--as-of", "{as_of}"],
    "explain": ["{cohort}", "{result}", "--as-of", "{as_of}"],
    "export iati": ["--as-of", "{as_of}"],
}
#: Commands that do not read a workspace's figures (writing, setting up, serving): not timed.
NOT_READING = {"log", "schema", "new", "import", "serve", "complete", "completion"}


class Sample(NamedTuple):
    """One run of a command."""

    wall: float
    cpu: float
    rss: Optional[int]
    """Peak RSS in bytes (None where the command is not the launcher)."""
    code: int


class Timing(NamedTuple):
    """Medians of several runs."""

    wall: float
    cpu: float
    rss: Optional[int]
    runs: int
    code: int


class Runner:
    """Runs commands as subprocesses in a private environment; `close` removes its temporary files."""

    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="mentoring-commands-"))
        scripts = tomli.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["scripts"]
        module, function = scripts["mentoring"].split(":")
        self.launcher = self.tmp / "mentoring_launcher.py"
        self.launcher.write_text(LAUNCHER.format(module=module, function=function).lstrip(), encoding="utf-8")
        self.bare = self.tmp / "bare_typer_app.py"
        self.bare.write_text(BARE_APP.lstrip(), encoding="utf-8")
        self.entry_point = scripts["mentoring"]
        env = {key: value for key, value in os.environ.items()
               if key != "PYTHONDONTWRITEBYTECODE" and not key.startswith("MENTORING_")}
        path = [str(SOURCES), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
        env.update(NO_COLOR="1", PYTHONPYCACHEPREFIX=str(self.tmp / "pycache"), PYTHONPATH=os.pathsep.join(path),
                   BENCH_RSS_FILE=str(self.tmp / "rss"))
        self.env = env
        self.caches = 0

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def mentoring(self, *args: str) -> list[str]:
        return [sys.executable, str(self.launcher), *args]

    def bare_app(self, *args: str) -> list[str]:
        return [sys.executable, str(self.bare), *args]

    def fresh_cache(self) -> str:
        """An empty cache folder of its own."""
        self.caches += 1
        folder = self.tmp / f"cache-{self.caches}"
        shutil.rmtree(folder, ignore_errors=True)
        return str(folder)

    def run(self, argv: Sequence[str], cache: Optional[str] = None, check: bool = True) -> Sample:
        """One run; its wall time, CPU time and peak RSS."""
        env = dict(self.env)
        if cache is not None:
            env["MENTORING_CACHE_DIR"] = cache
        rss_file = Path(env["BENCH_RSS_FILE"])
        rss_file.unlink(missing_ok=True)
        started = time.perf_counter()
        child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        err = child.stderr.read().decode(errors="replace") if child.stderr else ""
        child.stderr and child.stderr.close()
        if check and child.returncode not in (0, 1):
            raise SystemExit(f"$ {' '.join(argv)}\nexit {child.returncode}\n{err}")
        try:
            rss: Optional[int] = int(rss_file.read_text()) * 1024
        except (OSError, ValueError):
            rss = None
        return Sample(wall, usage.ru_utime + usage.ru_stime, rss, child.returncode)


def median(samples: Sequence[Sample]) -> Timing:
    rss = [s.rss for s in samples if s.rss is not None]
    return Timing(statistics.median(s.wall for s in samples), statistics.median(s.cpu for s in samples),
                  max(rss) if rss else None, len(samples), samples[-1].code)


def alternate(plans: dict[str, Callable[[], Sample]], repeat: int) -> dict[str, Timing]:
    """Each plan run `repeat` times, the plans taking turns; the median of each."""
    samples: dict[str, list[Sample]] = {name: [] for name in plans}
    for _ in range(repeat):
        for name, plan in plans.items():
            samples[name].append(plan())
    return {name: median(runs) for name, runs in samples.items()}


# --- which commands ---------------------------------------------------------------------------


def app_commands() -> list[str]:
    """Every command of the app, sub-commands as "group command"."""
    import typer

    from mentoring.cli import app

    def walk(group: Any, prefix: tuple[str, ...] = ()) -> Iterable[str]:
        for name, command in sorted(group.commands.items()):
            if hasattr(command, "commands"):
                yield from walk(command, (*prefix, name))
            else:
                yield " ".join((*prefix, name))

    return list(walk(typer.main.get_command(app)))


def reading_commands(root: Path, as_of: dt.date) -> tuple[dict[str, list[str]], list[str]]:
    """The reading commands of the app with their arguments for this workspace, and the commands
    of the app that are neither timed here nor known not to read."""
    cohort = sorted(p.name for p in (root / "cohorts").iterdir() if p.is_dir())[0]
    cohort_toml = tomli.loads((root / "cohorts" / cohort / "cohort.toml").read_text(encoding="utf-8"))
    curriculum = cohort_toml["curriculum"]
    results = tomli.loads((root / "curricula" / f"{curriculum}.toml").read_text(encoding="utf-8"))["results"]
    values = {"cohort": cohort, "curriculum": curriculum, "result": results[0]["id"], "as_of": as_of.isoformat()}
    present = app_commands()
    timed = {name: [*name.split(), *(arg.format(**values) for arg in args)]
             for name, args in READING.items() if name in present}
    unknown = [name for name in present if name not in READING and name.split()[0] not in NOT_READING]
    return timed, unknown


# --- what is measured ---------------------------------------------------------------------------


def programme(runner: Runner, root: Path, as_of: dt.date, repeat: int) -> dict[str, Any]:
    """Each reading command cold and warm, `--help`, and the bare typer app's, at one workspace."""
    commands, unknown = reading_commands(root, as_of)
    workspace = ["--workspace", str(root)]
    warm_cache = runner.fresh_cache()
    plans: dict[str, Callable[[], Sample]] = {
        "bare: hello": lambda: runner.run(runner.bare_app("hello", "world")),
        "bare: --help": lambda: runner.run(runner.bare_app("--help")),
        "mentoring --help": lambda: runner.run(runner.mentoring("--help"), cache=runner.fresh_cache()),
        "mentoring --help (warm)": lambda: runner.run(runner.mentoring("--help"), cache=warm_cache),
    }
    for name, argv in commands.items():
        full = [*workspace, *argv]
        plans[f"{name} (cold)"] = lambda full=full: runner.run(runner.mentoring(*full), cache=runner.fresh_cache())
        plans[f"{name} (warm)"] = lambda full=full: runner.run(runner.mentoring(*full), cache=warm_cache)
    for plan in plans.values():  # fills the bytecode cache and the warm cache; not timed
        plan()
    timings = alternate(plans, repeat)
    return {"timings": timings, "commands": {name: " ".join(["mentoring", *argv]) for name, argv in commands.items()},
            "unknown": unknown, "entry_point": runner.entry_point}


def last_record(path: Path) -> bytes:
    """The text of a log file's last record (from its last `[[` header), to append again."""
    text = path.read_bytes()
    return text[text.rindex(b"\n[[") + 1:].rstrip(b"\n") + b"\n"


def cohorts_command(runner: Runner, root: Path, as_of: dt.date, repeat: int) -> dict[str, Any]:
    """`mentoring cohorts` cold (empty cache), with --no-cache, warm (nothing changed), and after
    one record appended to the largest log of the first cohort (restored afterwards)."""
    argv = runner.mentoring("--workspace", str(root), "cohorts", "--as-of", as_of.isoformat())
    no_cache = runner.mentoring("--workspace", str(root), "--no-cache", "cohorts", "--as-of", as_of.isoformat())
    warm_cache = runner.fresh_cache()
    runner.run(argv, cache=warm_cache)  # bytecode and the warm cache; not timed
    first = sorted(p for p in (root / "cohorts").iterdir() if p.is_dir())[0]
    target = max((first / "logs").glob("*.toml"), key=lambda p: p.stat().st_size)
    original, stat = target.read_bytes(), target.stat()
    block = last_record(target)

    def appended() -> Sample:
        with target.open("ab") as handle:
            handle.write(b"\n" + block)
        return runner.run(argv, cache=warm_cache)

    samples: dict[str, list[Sample]] = {"cold": [], "no-cache": [], "warm": [], "appended": []}
    try:
        for _ in range(repeat):
            samples["cold"].append(runner.run(argv, cache=runner.fresh_cache()))
            samples["no-cache"].append(runner.run(no_cache, cache=runner.fresh_cache()))
            target.write_bytes(original)  # each round starts from the workspace as generated
            os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            runner.run(argv, cache=warm_cache)  # the cache as of the original files; not timed
            samples["warm"].append(runner.run(argv, cache=warm_cache))
            samples["appended"].append(appended())
    finally:
        target.write_bytes(original)
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return {"timings": {name: median(runs) for name, runs in samples.items()},
            "appended_to": str(target.relative_to(root)), "command": " ".join(["mentoring", *argv[2:]])}


def period_commands(runner: Runner, root: Path, as_of: dt.date, repeat: int) -> dict[str, Any]:
    """`report` of the first cohort and `rollup` of its curriculum, each plain and with
    `--period month`, cold (`--no-cache`: the whole workspace read, as on a first run); the runs
    take turns."""
    commands, _ = reading_commands(root, as_of)
    plans: dict[str, Callable[[], Sample]] = {}
    for name in ("report", "rollup"):
        if name not in commands:
            continue
        for label, extra in ((name, []), (f"{name} --period month", ["--period", "month"])):
            argv = runner.mentoring("--workspace", str(root), "--no-cache", *commands[name], *extra)
            plans[label] = lambda argv=argv: runner.run(argv, cache=runner.fresh_cache())
    for plan in plans.values():
        plan()
    return {"timings": alternate(plans, repeat),
            "commands": {name: " ".join(["mentoring", *commands[name]]) for name in ("report", "rollup") if name in commands}}


def periods_markdown(result: dict[str, Any]) -> str:
    t = result["timings"]
    lines = ["| command (`--no-cache`, subprocess, median) | plain: CPU (wall) | `--period month`: CPU (wall) | "
             "ratio CPU (wall) | target |", "|---|---:|---:|---:|---|"]
    for name, shown in result["commands"].items():
        plain, monthly = t[name], t[f"{name} --period month"]
        lines.append(f"| `{shown}` | {ms(plain.cpu)} ({ms(plain.wall)}) | {ms(monthly.cpu)} ({ms(monthly.wall)}) | "
                     f"{monthly.cpu / plain.cpu:.2f} ({monthly.wall / plain.wall:.2f}) | ≤ 2 |")
    return "\n".join(lines)


# --- output -------------------------------------------------------------------------------------


def ms(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def programme_markdown(result: dict[str, Any], manifest: dict[str, Any], files: int, size: int) -> str:
    t = result["timings"]
    bare, bare_help = t["bare: hello"], t["bare: --help"]
    lines = [f"Programme shape: {manifest['cohorts']} cohorts, {manifest['participants']} participants, "
             f"{manifest['sessions']:,} sessions, {manifest['output_records']:,} output records, "
             f"{manifest['assessments']:,} assessments; {files} TOML files, {size / 1024 / 1024:.1f} MiB. "
             f"Entry point `{result['entry_point']}`. Median of {bare.runs} runs each.", "",
             "| command | cold wall | cold CPU | × bare (wall / CPU) | warm wall | warm CPU | × bare (wall / CPU) |",
             "|---|---:|---:|---:|---:|---:|---:|",
             f"| bare typer app: `hello world` | {ms(bare.wall)} | {ms(bare.cpu)} | 1.00 / 1.00 | | | |",
             f"| bare typer app: `--help` | {ms(bare_help.wall)} | {ms(bare_help.cpu)} | 1.00 / 1.00 | | | |"]
    cold, warm = t["mentoring --help"], t["mentoring --help (warm)"]
    lines.append(f"| `mentoring --help` | {ms(cold.wall)} | {ms(cold.cpu)} | "
                 f"{cold.wall / bare_help.wall:.2f} / {cold.cpu / bare_help.cpu:.2f} | {ms(warm.wall)} | "
                 f"{ms(warm.cpu)} | {warm.wall / bare_help.wall:.2f} / {warm.cpu / bare_help.cpu:.2f} |")
    for name, shown in result["commands"].items():
        cold, warm = t[f"{name} (cold)"], t[f"{name} (warm)"]
        lines.append(f"| `{shown}` | {ms(cold.wall)} | {ms(cold.cpu)} | {cold.wall / bare.wall:.2f} / "
                     f"{cold.cpu / bare.cpu:.2f} | {ms(warm.wall)} | {ms(warm.cpu)} | "
                     f"{warm.wall / bare.wall:.2f} / {warm.cpu / bare.cpu:.2f} |")
    if result["unknown"]:
        lines += ["", "Not timed (no arguments known in benchmarks/commands.py READING): "
                  + ", ".join(f"`{name}`" for name in result["unknown"])]
    return "\n".join(lines)


def cohorts_markdown(results: list[dict[str, Any]]) -> str:
    """`mentoring cohorts` against the floor: CPU time against the floor's CPU time (the ratio the
    targets are read from, steadier on a shared machine), and wall time against its wall time."""
    lines = ["| `mentoring cohorts` (subprocess, median) | " + " | ".join(
        f"{r['participants']:,} participants: CPU (wall) | × floor CPU (wall)" for r in results) + " | target |",
        "|---|" + "---:|---:|" * len(results) + "---|"]
    rows = [("cold: empty cache folder", "cold", "≤ 1.2× floor"), ("cold: `--no-cache`", "no-cache", ""),
            ("warm: nothing changed", "warm", "≤ 0.15× floor"), ("one record appended", "appended", "≤ 0.2× floor")]
    lines.append("| floor: `tomli.loads` of every file, in one process | " + " | ".join(
        f"{ms(r['floor_cpu'])} ({ms(r['floor'])}) | 1.00 (1.00)" for r in results) + " | |")
    for label, key, target in rows:
        cells = []
        for r in results:
            timing = r["commands"]["timings"][key]
            cells += [f"{ms(timing.cpu)} ({ms(timing.wall)})",
                      f"{timing.cpu / r['floor_cpu']:.2f} ({timing.wall / r['floor']:.2f})"]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {target} |")
    cells = []
    for r in results:
        rss = r["commands"]["timings"]["cold"].rss
        cells += ["n/a" if rss is None else f"{rss / 1024 / 1024:.0f} MiB", "n/a" if rss is None else f"{rss / r['bytes']:.1f} × disk"]
    lines.append("| peak RSS of the cold run | " + " | ".join(cells) + " | ≤ 4× disk |")
    return "\n".join(lines)
