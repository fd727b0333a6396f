"""Exports (CLI.md "Exports and setting up"): `mentoring export iati`, a thin layer over the door's
`Workspace.export_iati`. The XML goes to standard output or, written atomically, to `--output`;
problems go to standard error, so that a redirected output never holds them."""

from typing import List, Optional

import typer

from . import EXIT_DATA, Command, app, echo_problems, examples, open_workspace, reading_command
from .reading import AS_OF, choice, parse_date, write_file

export_app = typer.Typer(
    help="Export the figures in a funder's format: IATI activity XML.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(export_app, name="export")


@export_app.command("iati", cls=Command, epilog=examples(
    "mentoring export iati hapsari-sosmed-2015 --as-of 2015-03-31",
    "mentoring export iati hapsari-sosmed-2015 --as-of 2015-03-31 --period quarter --by sex",
    "mentoring export iati --as-of 2017-12-31 --by organisation --output results.xml",
))
@reading_command
def export_iati(
    cohorts: Optional[List[str]] = typer.Argument(None, metavar="COHORT...", help="Cohort ids (default: every cohort)."),
    as_of: Optional[str] = AS_OF,
    period: Optional[str] = typer.Option(
        None, "--period", metavar="PERIOD", help="Each result per quarter or year (default: one period, the cohort's span)."),
    by: Optional[str] = typer.Option(
        None, "--by", metavar="FIELD", help="Add each group's figures as dimensions: group, organisation or sex."),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write the XML to this file (replaced whole) instead of printing it."),
) -> None:
    """IATI activity XML 2.03: one activity per cohort, each expected result with its indicator,
    baseline, target and actual; mentoring.toml's [iati] and each cohort's iati_identifier say who reports what."""
    from ..errors import DataError
    from ..export.iati import to_bytes
    from ..model import PARTICIPANT_FIELDS, By, PeriodKind
    from ..problems import plural
    from ..workspace import IATI_PERIODS

    day = parse_date(as_of, "--as-of")
    field = choice(By, by, "--by", PARTICIPANT_FIELDS)
    kind = choice(PeriodKind, period, "--period", IATI_PERIODS)
    ws = open_workspace(cohorts or None)
    try:
        tree = ws.export_iati(cohorts or None, day, field, kind)
    except DataError as failure:
        echo_problems(failure.problems, err=True)
        typer.echo(f"{plural(len(failure.problems), 'error')}: nothing exported", err=True)
        raise typer.Exit(EXIT_DATA) from None
    data = to_bytes(tree)
    if output is None:
        typer.echo(data.decode("utf-8"), nl=False)
        return
    write_file(output, data)
    activities = len(tree.findall("iati-activity"))
    typer.echo(f"wrote {output}: {activities} IATI {'activity' if activities == 1 else 'activities'} as of {day.isoformat()}")
