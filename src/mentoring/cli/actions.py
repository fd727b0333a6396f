"""Reflection commands: `mentoring actions`, `reflect` and `due`, thin over the door's
`Workspace.actions`, `reflect` and `due`."""

from __future__ import annotations

from typing import List, Optional

import typer

from . import EXIT_DATA, Command, app, examples, open_workspace, refuse
from .reading import AS_OF, COHORT, FORMAT, colour_wanted, output_format, parse_date


@app.command(cls=Command, epilog=examples(
    "mentoring actions spi-deli-serdang --as-of 2015-05-10",
    "mentoring actions spi-deli-serdang --as-of 2015-07-15 --open --format csv",
))
def actions(cohort: str = COHORT, as_of: Optional[str] = AS_OF, fmt: str = FORMAT,
            open_only: bool = typer.Option(False, "--open", help="Only the actions still open.")) -> None:
    """The follow-up actions: id, text, owner, due date, status (overdue or not), results, cause."""
    from ..render.text import render_actions

    day = parse_date(as_of, "--as-of")
    form = output_format(fmt)
    follow = open_workspace([cohort]).actions(cohort, day, open_only)
    typer.echo(render_actions(follow, form, colour_wanted(form)))


@app.command(cls=Command, epilog=examples(
    "mentoring reflect spi-kulon-progo --as-of 2015-03-06",
    "mentoring reflect spi-deli-serdang --as-of 2015-07-15 --format markdown",
))
def reflect(cohort: str = COHORT, as_of: Optional[str] = AS_OF, fmt: str = FORMAT) -> None:
    """The reflection sheet: each result's target, actual, gap and status, the causes recorded and
    the actions agreed (owner, due date, status)."""
    from ..render.text import render_reflection

    day = parse_date(as_of, "--as-of")
    form = output_format(fmt)
    sheet = open_workspace([cohort]).reflect(cohort, day)
    typer.echo(render_reflection(sheet, form, colour_wanted(form)))


@app.command(cls=Command, epilog=examples(
    "mentoring due --as-of 2015-05-04 --silent 90",
    "mentoring due spi-deli-serdang spi-kulon-progo --as-of 2015-05-04 --within 30 --format json",
))
def due(
    cohorts: Optional[List[str]] = typer.Argument(None, metavar="COHORT...", help="Cohort ids (default: every cohort)."),
    as_of: Optional[str] = AS_OF,
    fmt: str = FORMAT,
    within: int = typer.Option(14, "--within", min=0, metavar="DAYS", help="List actions and assignments due up to this many days ahead."),
    missed: int = typer.Option(2, "--missed", min=1, metavar="N", help="A participant who missed this many sessions in a row is absent."),
    silent: int = typer.Option(21, "--silent", min=1, metavar="DAYS", help="A mentor with no session for this many days is silent."),
) -> None:
    """What needs someone's attention, oldest first: actions and assignments due, participants
    absent, mentors silent, results behind."""
    from ..render.text import render_due

    day = parse_date(as_of, "--as-of")
    form = output_format(fmt)
    ws = open_workspace(cohorts or None)
    listing = ws.due(cohorts or None, day, within=within, missed=missed, silent=silent)
    typer.echo(render_due(listing, form, colour_wanted(form)))
    if ws.errors:
        refuse(ws.errors, err=True)
        raise typer.Exit(EXIT_DATA)
