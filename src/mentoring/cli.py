"""The `mentoring` command: parse the arguments, call the library, print, choose the exit code.

Exit codes: 0 done; 1 the data has errors (nothing was written); 2 the command was used wrongly.
Library modules are imported inside the commands, so that `--help` stays quick.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_BUG = 3


class Failure(Exception):
    """Stops a command with a message and an exit code; caught in one place, `main`."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.message = message
        self.code = code


app = typer.Typer(
    name="mentoring",
    help="Keep training programmes honest: check curricula and cohorts, log records, report progress.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class State:
    """Options given before the command."""

    workspace: Optional[str] = None
    cache: bool = True


state = State()


@app.callback()
def _options(
    workspace: Optional[str] = typer.Option(
        None, "--workspace", "-w", help="The workspace folder (else $MENTORING_WORKSPACE, else the nearest folder up with curricula/ or cohorts/)."
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Read every file afresh; neither read nor write the cache of read logs ($MENTORING_NO_CACHE)."
    ),
) -> None:
    state.workspace = workspace
    state.cache = not no_cache and not os.environ.get("MENTORING_NO_CACHE")


def load(root: Path, ids: Optional[List[str]]):
    """The workspace with the wanted cohorts (default: all), through the cache unless it is off."""
    import gc

    from .cache import Cache
    from .loader import load_workspace

    loaded = load_workspace(root, ids, Cache.for_workspace(root) if state.cache else None)
    gc.freeze()  # what was loaded stays to the end: later collections need not walk it
    return loaded


def workspace_root() -> Path:
    """The workspace in use, or a usage failure saying how to name one."""
    from .loader import find_workspace

    root = find_workspace(state.workspace)
    if root is None:
        raise Failure(
            "no workspace found: run inside a folder holding curricula/ or cohorts/, "
            "or name one with --workspace PATH or MENTORING_WORKSPACE"
        )
    if not root.is_dir():
        raise Failure(f"workspace {root} is not a folder")
    return root


def known_cohorts(root: Path, wanted: List[str]) -> List[str]:
    """The wanted cohort ids, each checked to exist (a usage failure with "did you mean" if not)."""
    from .loader import cohort_ids
    from .problems import did_you_mean

    ids = cohort_ids(root)
    for id_ in wanted:
        if id_ not in ids:
            hint = did_you_mean(id_, ids)
            listed = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
            raise Failure(f'unknown cohort "{id_}"{hint}; cohorts: {listed or "none"}')
    return wanted


def echo_problems(problems, err: bool = False) -> None:
    """Every problem, one a line, in file and line order (on stderr when err)."""
    from .problems import format_problem

    for problem in sorted(problems, key=lambda p: (p.path, p.line or 0)):
        typer.echo(format_problem(problem), err=err)


@app.command()
def check(
    cohorts: Optional[List[str]] = typer.Argument(None, help="Cohort ids to check (default: every cohort)."),
    redacted: bool = typer.Option(False, "--redact", help="Replace participants' names and contacts in messages."),
) -> None:
    """Check curricula, cohorts and logs; print every problem as path:line: error|warning: message."""
    from .loader import cohort_ids, curriculum_ids
    from .problems import count, plural

    root = workspace_root()
    wanted = known_cohorts(root, cohorts) if cohorts else None
    ws, problems = load_problems(root, wanted)
    if redacted:
        from .progress import redact_messages

        problems = redact_messages(ws, problems)
    echo_problems(problems)
    errors, warnings = count(problems)
    curricula = len(curriculum_ids(root)) if wanted is None else len({c.curriculum for c in ws.cohorts.values()})
    checked = f"{curricula} {'curriculum' if curricula == 1 else 'curricula'}, {plural(len(wanted or cohort_ids(root)), 'cohort')}"
    typer.echo(f"{plural(errors, 'error')}, {plural(warnings, 'warning')} ({checked} checked)")
    if errors:
        raise typer.Exit(EXIT_DATA)


def load_problems(root: Path, ids: Optional[List[str]]):
    """The workspace with the wanted cohorts (default: all), and every problem of it and of the
    curricula those cohorts run (default: every curriculum), located."""
    from .checks import check_workspace
    from .loader import locate

    ws, problems = load(root, ids)
    used = None if ids is None else sorted({ws.cohorts[c].curriculum for c in ids if c in ws.cohorts})
    return ws, locate(root, problems + check_workspace(ws, used))


# --- reading: report, participants, cohorts ----------------------------------------------------


class Format(str, Enum):
    """Output formats of the reading commands."""

    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"


class By(str, Enum):
    """Participants' fields a report can be broken down by."""

    group = "group"
    organisation = "organisation"


AS_OF = typer.Option(None, "--as-of", help="Figures as of this date (YYYY-MM-DD; default today).")
FORMAT = typer.Option(Format.table, "--format", help="table, markdown, csv or json.")
BY = typer.Option(None, "--by", help="Break the figures down by the participants' group or organisation.")
REDACT = typer.Option(False, "--redact", help="Replace participants' ids and names with stable pseudonyms.")


def parse_date(text: Optional[str], option: str) -> date:
    """A date written YYYY-MM-DD on the command line (today when not given), or a usage failure."""
    if text is None:
        return date.today()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            return date.fromisoformat(text.strip())
    except ValueError:
        pass
    raise Failure(f'{option}: "{text}" is not a date such as 2015-03-31')


def colour_wanted(fmt: Format) -> bool:
    """Colour only for a table on a terminal, and never when NO_COLOR is set."""
    return fmt is Format.table and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def load_errors(root: Path, ids: Optional[List[str]]):
    """The workspace with the wanted cohorts (default: all), and its errors, located."""
    ws, problems = load_problems(root, ids)
    return ws, [p for p in problems if p.is_error]


def refuse(errors, err: bool = False) -> None:
    """Print the errors that stop a cohort from being reported on."""
    from .problems import plural

    echo_problems(errors, err)
    typer.echo(f"{plural(len(errors), 'error')}: not reported on; run `mentoring check` for details", err=True)


def load_checked(root: Path, ids: List[str]):
    """The workspace with the wanted cohorts, or exit 1 after printing its errors."""
    ws, errors = load_errors(root, ids)
    if errors:
        refuse(errors)
        raise typer.Exit(EXIT_DATA)
    return ws


def cohort_progress(cohort: str, as_of: Optional[str], by: Optional[By], redacted: bool = False):
    """Load and check one cohort, and compute its progress (redacted when asked)."""
    from .progress import progress, redact

    day = parse_date(as_of, "--as-of")
    root = workspace_root()
    known_cohorts(root, [cohort])
    ws = load_checked(root, [cohort])
    loaded = ws.cohorts[cohort]
    figures = progress(loaded, ws.curricula[loaded.curriculum], day, by.value if by else None)
    return redact(figures) if redacted else figures


@app.command()
def report(
    cohort: str = typer.Argument(..., help="The cohort's id."),
    as_of: Optional[str] = AS_OF,
    fmt: Format = FORMAT,
    by: Optional[By] = BY,
    redacted: bool = REDACT,
) -> None:
    """Each expected result: target, actual, gap and status; then a one-line summary."""
    from .render import render_report

    typer.echo(render_report(cohort_progress(cohort, as_of, by, redacted), fmt.value, colour_wanted(fmt)))


@app.command()
def participants(
    cohort: str = typer.Argument(..., help="The cohort's id."),
    as_of: Optional[str] = AS_OF,
    fmt: Format = FORMAT,
    by: Optional[By] = BY,
    redacted: bool = REDACT,
) -> None:
    """One row per participant: attendance, assignments done, competency levels, complete, left."""
    from .render import render_participants

    typer.echo(render_participants(cohort_progress(cohort, as_of, by, redacted), fmt.value, colour_wanted(fmt)))


@app.command()
def cohorts(as_of: Optional[str] = AS_OF, fmt: Format = FORMAT, redacted: bool = REDACT) -> None:
    """One row per cohort: curriculum, dates, participants, results met of total, status.

    `--redact` is accepted for symmetry: this table names no person."""
    from .loader import about_cohort
    from .progress import progress
    from .render import render_cohorts

    day = parse_date(as_of, "--as-of")
    ws, errors = load_errors(workspace_root(), None)
    bad = {p.path for p in errors}

    def sound(cohort) -> bool:
        return not any(about_cohort(path, cohort.id, cohort.curriculum) for path in bad)

    # A cohort with errors is not reported on; the others still are.
    rows = [progress(c, ws.curricula[c.curriculum], day) for c in ws.cohorts.values() if sound(c)]
    typer.echo(render_cohorts(rows, fmt.value, colour_wanted(fmt)))
    if errors:
        refuse(errors, err=True)
        raise typer.Exit(EXIT_DATA)


# --- writing: mentoring log session|output|assessment|measurement -------------------------------

log_app = typer.Typer(
    help="Append a record to a cohort's log: a session, an output, an assessment or a measurement.",
    no_args_is_help=True,
)
app.add_typer(log_app, name="log")

LOG_COHORT = typer.Argument(..., help="The cohort's id.")
LOG_DATE = typer.Option(None, "--date", help="The record's date (YYYY-MM-DD; default today).")
LOG_FILE = typer.Option(None, "--file", help="Another file under the cohort's logs/ (a plain name; .toml is added).")


def _id_list(text: Optional[str]) -> Optional[List[str]]:
    """`ID,ID,...` as a list of ids (an empty string is an empty list)."""
    if text is None:
        return None
    return [part.strip() for part in text.split(",") if part.strip()]


def _log(cohort: str, kind: str, record: dict, file: Optional[str]) -> None:
    """Append one record through the library; print what was written, or the problems and exit 1."""
    from .logbook import append_record, file_name_problem
    from .problems import count, plural

    root = workspace_root()
    known_cohorts(root, [cohort])
    record["date"] = parse_date(record.get("date"), "--date")
    if file is not None and (why := file_name_problem(file)) is not None:
        raise Failure(f"--file: {why}")
    outcome = append_record(root, cohort, kind, record, file)
    echo_problems(outcome.problems)
    if not outcome.ok:
        errors, warnings = count(outcome.problems)
        typer.echo(f"{plural(errors, 'error')}, {plural(warnings, 'warning')}: nothing was written", err=True)
        raise typer.Exit(EXIT_DATA)
    written = outcome.written
    typer.echo(f"{written.path}:{written.line}: wrote [[{written.kind}]]")
    typer.echo(written.text, nl=False)


@log_app.command("session")
def log_session(
    cohort: str = LOG_COHORT,
    mentor: str = typer.Option(..., "--mentor", help="The mentor or facilitator who held it (the log is theirs)."),
    hours: float = typer.Option(..., "--hours", help="How long it lasted, in hours."),
    attended: str = typer.Option(..., "--attended", help='Participants who came: ID,ID,... ("" for none).'),
    expected: Optional[str] = typer.Option(None, "--expected", help="Participants expected: ID,ID,... (default: everyone enrolled that day)."),
    module: Optional[List[str]] = typer.Option(None, "--module", help="A module it covered (repeat for more)."),
    date: Optional[str] = LOG_DATE,
    notes: Optional[str] = typer.Option(None, "--notes", help="What happened."),
    follow_up: Optional[List[str]] = typer.Option(None, "--follow-up", help="An action agreed (repeat for more)."),
    file: Optional[str] = LOG_FILE,
) -> None:
    """Log a session held (a session record in logs/MENTOR.toml)."""
    record = {
        "date": date, "mentor": mentor, "hours": hours, "attended": _id_list(attended),
        "expected": _id_list(expected), "modules": module or None, "notes": notes, "follow_up": follow_up or None,
    }
    _log(cohort, "session", record, file)


@log_app.command("output")
def log_output(
    cohort: str = LOG_COHORT,
    participant: str = typer.Option(..., "--participant", help="Who made it (the log is theirs)."),
    kind: str = typer.Option(..., "--kind", help="Its output kind's id."),
    title: str = typer.Option(..., "--title", help="Its title."),
    assignment: Optional[str] = typer.Option(None, "--assignment", help="The assignment it answers."),
    status: Optional[str] = typer.Option(None, "--status", help="draft, submitted (default), returned, accepted or published."),
    output_id: Optional[str] = typer.Option(None, "--id", help="Its id, shared by every record of the same output."),
    url: Optional[str] = typer.Option(None, "--url", help="Where it is published."),
    reviewed_by: Optional[str] = typer.Option(None, "--reviewed-by", help="Who reviewed it."),
    date: Optional[str] = LOG_DATE,
    notes: Optional[str] = typer.Option(None, "--notes", help="Free text."),
    file: Optional[str] = LOG_FILE,
) -> None:
    """Log a knowledge product or a change of its status (an output record in logs/PARTICIPANT.toml)."""
    record = {
        "date": date, "participant": participant, "kind": kind, "title": title, "id": output_id,
        "assignment": assignment, "status": status or "submitted", "url": url, "reviewed_by": reviewed_by,
        "notes": notes,
    }
    _log(cohort, "output", record, file)


@log_app.command("assessment")
def log_assessment(
    cohort: str = LOG_COHORT,
    participant: str = typer.Option(..., "--participant", help="Who was rated."),
    competency: str = typer.Option(..., "--competency", help="The competency's id."),
    level: str = typer.Option(..., "--level", help="A level number (0 is the lowest) or a level name."),
    by: str = typer.Option(..., "--by", help='Who rated (the log is theirs), or "self".'),
    date: Optional[str] = LOG_DATE,
    notes: Optional[str] = typer.Option(None, "--notes", help="Free text."),
    file: Optional[str] = LOG_FILE,
) -> None:
    """Log a competency rating (an assessment record in logs/BY.toml; logs/PARTICIPANT.toml for self)."""
    import re

    number = re.fullmatch(r"\s*(-?[0-9]+)\s*", level)
    record = {
        "date": date, "participant": participant, "competency": competency,
        "level": int(number.group(1)) if number else level, "by": by, "notes": notes,
    }
    _log(cohort, "assessment", record, file)


@log_app.command("measurement")
def log_measurement(
    cohort: str = LOG_COHORT,
    result: str = typer.Option(..., "--result", help="The id of a result whose measure is reported."),
    value: float = typer.Option(..., "--value", help="The value observed."),
    source: Optional[str] = typer.Option(None, "--source", help="Where the figure comes from."),
    date: Optional[str] = LOG_DATE,
    notes: Optional[str] = typer.Option(None, "--notes", help="Free text."),
    file: Optional[str] = LOG_FILE,
) -> None:
    """Log a value observed by hand (a measurement record in logs/measurements.toml)."""
    record = {"date": date, "result": result, "value": value, "source": source, "notes": notes}
    _log(cohort, "measurement", record, file)


def main() -> None:
    """The console script: run the app, turning every failure into one line and an exit code."""
    try:
        app(prog_name="mentoring")
    except Failure as failure:
        typer.echo(f"mentoring: error: {failure.message}", err=True)
        sys.exit(failure.code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - a bug still gets one line, never a traceback
        typer.echo(f"mentoring: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(EXIT_BUG)
