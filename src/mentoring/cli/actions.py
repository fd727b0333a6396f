"""Reflection commands: `mentoring actions`, `reflect` and `due`, thin over the door's
`Workspace.actions`, `reflect` and `due`."""

from typing import List, Optional

import typer

from . import EXIT_DATA, Command, app, examples, open_workspace, reading_command, refuse
from .reading import AS_OF, COHORT, FORMAT, LANG, OUTPUT, Output, parse_date


@app.command(cls=Command, epilog=examples(
    "mentoring actions spi-deli-serdang --as-of 2015-05-10",
    "mentoring actions spi-deli-serdang --as-of 2015-07-15 --open --format csv",
))
@reading_command
def actions(cohort: str = COHORT, as_of: Optional[str] = AS_OF, fmt: Optional[str] = FORMAT,
            open_only: bool = typer.Option(False, "--open", help="Only the actions still open."),
            output: Optional[str] = OUTPUT, lang: Optional[str] = LANG) -> None:
    """The follow-up actions: id, text, owner, due date, status (overdue or not), results, cause."""
    day = parse_date(as_of, "--as-of")
    out = Output(fmt, output, lang)
    ws = open_workspace([cohort])
    out.emit("actions", ws.actions(cohort, day, open_only), ws)


@app.command(cls=Command, epilog=examples(
    "mentoring reflect spi-kulon-progo --as-of 2015-03-06",
    "mentoring reflect spi-deli-serdang --as-of 2015-07-15 --format markdown",
    "mentoring reflect spi-deli-serdang --as-of 2015-07-15 --lang id --output reflection.html",
))
@reading_command
def reflect(cohort: str = COHORT, as_of: Optional[str] = AS_OF, fmt: Optional[str] = FORMAT,
            output: Optional[str] = OUTPUT, lang: Optional[str] = LANG) -> None:
    """The reflection sheet: each result's target, actual, gap and status, the causes recorded and
    the actions agreed (owner, due date, status)."""
    day = parse_date(as_of, "--as-of")
    out = Output(fmt, output, lang)
    ws = open_workspace([cohort])
    out.emit("reflect", ws.reflect(cohort, day), ws)


@app.command(cls=Command, epilog=examples(
    "mentoring due --as-of 2015-05-04 --silent 90",
    "mentoring due spi-deli-serdang spi-kulon-progo --as-of 2015-05-04 --within 30 --format json",
))
@reading_command
def due(
    cohorts: Optional[List[str]] = typer.Argument(None, metavar="COHORT...", help="Cohort ids (default: every cohort)."),
    as_of: Optional[str] = AS_OF,
    fmt: Optional[str] = FORMAT,
    within: int = typer.Option(14, "--within", min=0, metavar="DAYS", help="List actions and assignments due up to this many days ahead."),
    missed: int = typer.Option(2, "--missed", min=1, metavar="N", help="A participant who missed this many sessions in a row is absent."),
    silent: int = typer.Option(21, "--silent", min=1, metavar="DAYS", help="A mentor with no session for this many days is silent."),
    output: Optional[str] = OUTPUT,
    lang: Optional[str] = LANG,
) -> None:
    """What needs someone's attention, oldest first: actions and assignments due, participants
    absent, mentors silent, results behind."""
    day = parse_date(as_of, "--as-of")
    out = Output(fmt, output, lang)
    ws = open_workspace(cohorts or None)
    out.emit("due", ws.due(cohorts or None, day, within=within, missed=missed, silent=silent), ws)
    if ws.errors:
        refuse(ws.errors, err=True)
        raise typer.Exit(EXIT_DATA)
