"""Reading commands: check, cohorts, report, rollup, participants."""

from __future__ import annotations

import os
import sys
from typing import List, Optional

import typer

from . import Command, complete, app, echo_problems, examples, open_workspace, refuse, EXIT_DATA

AS_OF = typer.Option(None, "--as-of", metavar="DATE", help="Figures as of this date (YYYY-MM-DD; default today).")
FORMAT = typer.Option("table", "--format", metavar="FORMAT", help="table, markdown, csv or json.")
BY = typer.Option(None, "--by", metavar="FIELD", help="Break the figures down by the participants' group, organisation or sex.")
PERIOD = typer.Option(None, "--period", metavar="PERIOD",
                      help="Add each result's figures per month, quarter or year (actual, change, expected, status).")
REDACT = typer.Option(False, "--redact", help="Replace participants' ids and names with stable pseudonyms.")
COHORT = typer.Argument(..., metavar="COHORT", help="The cohort's id.", autocompletion=complete.cohorts)


def parse_date(text: Optional[str], option: str):
    """A date written YYYY-MM-DD on the command line (today when not given), or a usage error."""
    import datetime as dt
    import re

    from ..errors import UsageError

    if text is None:
        return dt.date.today()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    raise UsageError(f'{option}: "{text}" is not a date such as 2015-03-31')


def choice(enum_type, value: Optional[str], option: str, allowed=None):
    """An option's word as a member of its enum (of those `allowed`, when not all are), or a usage
    error naming the words allowed."""
    from ..errors import enum_value

    return None if value is None else enum_value(enum_type, value, option, allowed)


def output_format(value: str):
    """The --format asked for."""
    from ..render import Format

    return choice(Format, value, "--format")


def colour_wanted(fmt) -> bool:
    """Colour only for a table on a terminal, and never when NO_COLOR is set."""
    return fmt == "table" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@app.command(cls=Command, epilog=examples("mentoring check", "mentoring check hapsari-sosmed-2015 --redact"))
def check(
    cohorts: Optional[List[str]] = typer.Argument(None, metavar="COHORT...", help="Cohort ids to check (default: every cohort).",
                                                  autocompletion=complete.cohorts),
    redacted: bool = typer.Option(False, "--redact", help="Replace participants' names and contacts in messages."),
) -> None:
    """Check curricula, cohorts and logs; print every problem as path:line: error|warning: message."""
    from ..loader import cohort_ids, curriculum_ids
    from ..problems import count, plural

    ws = open_workspace(cohorts or None)
    problems = ws.problems
    if redacted:
        from ..redact import redact_messages

        problems = redact_messages(ws.cohorts.values(), problems)
    echo_problems(problems)
    errors, warnings = count(problems)
    curricula = len(curriculum_ids(ws.root)) if not cohorts else len({c.curriculum for c in ws.cohorts.values()})
    checked = f"{curricula} {'curriculum' if curricula == 1 else 'curricula'}, {plural(len(cohorts or cohort_ids(ws.root)), 'cohort')}"
    typer.echo(f"{plural(errors, 'error')}, {plural(warnings, 'warning')} ({checked} checked)")
    if errors:
        raise typer.Exit(EXIT_DATA)


def cohort_progress(cohort: str, as_of: Optional[str], by: Optional[str], redacted: bool = False,
                    period: Optional[str] = None):
    """One cohort's figures, through the door (redacted when asked)."""
    from ..model import PARTICIPANT_FIELDS, By, PeriodKind

    day = parse_date(as_of, "--as-of")
    field = choice(By, by, "--by", PARTICIPANT_FIELDS)
    kind = choice(PeriodKind, period, "--period")
    figures = open_workspace([cohort]).progress(cohort, day, field, kind)
    if redacted:
        from ..redact import redact

        figures = redact(figures)
    return figures


@app.command(cls=Command, epilog=examples(
    "mentoring report hapsari-sosmed-2015 --as-of 2015-03-31",
    "mentoring report pmi-temu-karya-2013 --as-of 2013-12-31 --by group --format markdown",
    "mentoring report hapsari-sosmed-2015 --as-of 2015-03-31 --period month",
))
def report(cohort: str = COHORT, as_of: Optional[str] = AS_OF, fmt: str = FORMAT,
           by: Optional[str] = BY, redacted: bool = REDACT, period: Optional[str] = PERIOD) -> None:
    """Each expected result: target, actual, gap and status; with --period, its figures per
    period; then a one-line summary."""
    from ..render.text import render_report

    form = output_format(fmt)
    typer.echo(render_report(cohort_progress(cohort, as_of, by, redacted, period), form, colour_wanted(form)))


@app.command(cls=Command, epilog=examples(
    "mentoring rollup hapsari-capacity --as-of 2015-03-31",
    "mentoring rollup hapsari-capacity --as-of 2015-03-31 --by cohort --period quarter",
))
def rollup(
    curriculum: str = typer.Argument(..., metavar="CURRICULUM", help="The curriculum's id: its cohorts are the programme."),
    cohort: Optional[List[str]] = typer.Option(
        None, "--cohort", metavar="ID", help="Add up only these cohorts (repeat the option; default: every cohort of the curriculum)."),
    as_of: Optional[str] = AS_OF, fmt: str = FORMAT,
    by: Optional[str] = typer.Option(
        None, "--by", metavar="FIELD", help="Add each cohort's own figures (cohort), or break down by group, organisation or sex."),
    period: Optional[str] = PERIOD,
) -> None:
    """A programme's figures: every expected result added up across the curriculum's cohorts
    (counts summed, rates pooled); then a one-line summary."""
    from ..model import By, PeriodKind
    from ..render.text import render_rollup

    day = parse_date(as_of, "--as-of")
    field = choice(By, by, "--by")
    kind = choice(PeriodKind, period, "--period")
    form = output_format(fmt)
    programme = open_workspace().rollup(curriculum, day, cohort or None, field, kind)
    typer.echo(render_rollup(programme, form, colour_wanted(form)))


@app.command(cls=Command, epilog=examples(
    "mentoring participants hapsari-sosmed-2015 --as-of 2015-03-31",
    "mentoring participants jica-fundraising-2017 --by organisation --format csv",
))
def participants(cohort: str = COHORT, as_of: Optional[str] = AS_OF, fmt: str = FORMAT,
                 by: Optional[str] = BY, redacted: bool = REDACT) -> None:
    """One row per participant: attendance, assignments done, competency levels, complete, left."""
    from ..render.text import render_participants

    form = output_format(fmt)
    typer.echo(render_participants(cohort_progress(cohort, as_of, by, redacted), form, colour_wanted(form)))


@app.command(cls=Command, epilog=examples("mentoring cohorts --as-of 2015-03-31", "mentoring cohorts --format json"))
def cohorts(as_of: Optional[str] = AS_OF, fmt: str = FORMAT, redacted: bool = REDACT) -> None:
    """One row per cohort: curriculum, dates, participants, results met of total, status.

    `--redact` is accepted for symmetry: this table names no person."""
    from ..render.text import render_cohorts

    day = parse_date(as_of, "--as-of")
    form = output_format(fmt)
    ws = open_workspace()
    # A cohort with errors is not reported on; the others still are.
    rows = [ws.progress(id_, day) for id_ in ws.sound_cohorts]
    typer.echo(render_cohorts(rows, form, colour_wanted(form)))
    if ws.errors:
        refuse(ws.errors, err=True)
        raise typer.Exit(EXIT_DATA)
