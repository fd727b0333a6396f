"""Setting up: `mentoring new curriculum|cohort` and `mentoring import people`, thin layers over
the library's `intake` (skeletons that pass `check`; people from a sheet, checked, locked, atomic)."""

import os
from typing import Optional

import typer

from . import (ENV_WORKSPACE, EXIT_DATA, Command, WriteGuard, app, complete, echo_problems, examples, state,
               waiting, workspace_root)
from .reading import parse_date

new_app = typer.Typer(
    help="Start a curriculum or a cohort from a commented skeleton that passes `mentoring check`.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(new_app, name="new")
import_app = typer.Typer(help="Add people to a cohort from a spreadsheet (CSV or XLSX).", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(import_app, name="import")


def _root_or_here():
    """The workspace in use or, when none is found and none is named, the current folder (where a
    new one starts)."""
    from pathlib import Path

    from ..errors import UsageError

    try:
        return workspace_root()
    except UsageError:
        if state.workspace or os.environ.get(ENV_WORKSPACE):
            raise
        return Path.cwd()


def _person(added) -> str:
    """`aminah (row 2: Siti Aminah, participant, SPI Deli Serdang)`."""
    person = added.person
    about = ", ".join(part for part in (person.name, person.role.value, person.group) if part)
    return f"{person.id} (row {added.row}: {about})"


def _refused(problems) -> None:
    """Print the problems that stopped a write, with the summary line; exit 1."""
    from ..problems import count, plural

    echo_problems(problems)
    errors, warnings = count(problems)
    typer.echo(f"{plural(errors, 'error')}, {plural(warnings, 'warning')}: nothing was written", err=True)
    raise typer.Exit(EXIT_DATA)


@new_app.command("curriculum", cls=Command, epilog=examples("mentoring new curriculum social-media --title \"Social media for advocacy\""))
def new_curriculum(
    curriculum: str = typer.Argument(..., metavar="ID", help="The new curriculum's id (its file's name)."),
    title: Optional[str] = typer.Option(None, "--title", metavar="TEXT", help="Its title (default: made from the id)."),
) -> None:
    """Write curricula/ID.toml: one of each part of a programme, as commented examples to replace."""
    from ..intake import new_curriculum as create

    created = create(_root_or_here(), curriculum, title)
    typer.echo(f"wrote {created.path}: replace its examples with your programme's, then run `mentoring check`")


@new_app.command("cohort", cls=Command, epilog=examples(
    "mentoring new cohort hapsari-sosmed-2016 --curriculum social-media-advocacy --start 2016-01-11 --end 2016-03-31",
    "mentoring new cohort hapsari-lanjutan-2015 --curriculum social-media-advocacy --start 2015-02-16 --end 2015-05-29 "
    "--people cohorts/hapsari-sosmed-2015/peserta-tambahan.csv",
))
def new_cohort(
    cohort: str = typer.Argument(..., metavar="ID", help="The new cohort's id (its folder's name)."),
    curriculum: str = typer.Option(..., "--curriculum", metavar="ID", help="The curriculum it runs."),
    start: str = typer.Option(..., "--start", metavar="DATE", help="Its first day (YYYY-MM-DD)."),
    end: str = typer.Option(..., "--end", metavar="DATE", help="Its last day (YYYY-MM-DD)."),
    people: Optional[str] = typer.Option(None, "--people", metavar="FILE", help="Its people, from a CSV or XLSX sheet (as `import people`)."),
    title: Optional[str] = typer.Option(None, "--title", metavar="TEXT", help="A name for this run."),
) -> None:
    """Write cohorts/ID/cohort.toml: the cohort's dates, comments saying what to fill in, and its people."""
    from ..intake import new_cohort as create

    created = create(_root_or_here(), cohort, curriculum, parse_date(start, "--start"), parse_date(end, "--end"),
                     title, people)
    if not created.written:
        _refused(created.problems)
    echo_problems(created.problems)
    for added in created.added:
        typer.echo(f"{created.path}:{added.line}: added {_person(added)}")
    with_people = f" with {len(created.added)} people from {people}" if people else ""
    typer.echo(f"wrote {created.path}{with_people}; fill in what it asks, then run `mentoring check {cohort}`")


@import_app.command("people", cls=Command, epilog=examples(
    "mentoring import people hapsari-sosmed-2015 cohorts/hapsari-sosmed-2015/peserta-tambahan.csv --dry-run",
    "mentoring import people hapsari-sosmed-2015 cohorts/hapsari-sosmed-2015/peserta-tambahan.csv",
))
def import_people(
    cohort: str = typer.Argument(..., metavar="COHORT", help="The cohort's id.", autocompletion=complete.cohorts),
    file: str = typer.Argument(..., metavar="FILE", help="A CSV or XLSX sheet: a header in row 1 (name or nama, and id, role, group, organisation, sex, joined, contact)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show who would be added, with their ids; write nothing."),
) -> None:
    """Add the people of a sheet to a cohort's cohort.toml (every row checked first; nothing written while any is bad)."""
    from ..intake import import_people as add
    from ..workspace import known_cohorts

    with WriteGuard() as guard:
        root = workspace_root()
        known_cohorts(root, [cohort])
        imported = add(root, cohort, file, dry_run=dry_run, on_wait=waiting(cohort), before_write=guard.begin)
        if not imported.ok:
            _refused(imported.problems)
        echo_problems(imported.problems)
        verb = "added" if imported.written else "would add"
        for added in imported.added:
            typer.echo(f"{imported.path}:{added.line}: {verb} {_person(added)}")
        done = "nothing written (dry run)" if dry_run else "" if imported.written else "nothing to add"
        typer.echo(f"{verb} {len(imported.added)} {'person' if len(imported.added) == 1 else 'people'} to {imported.path}"
                   + (f"; {done}" if done else ""))
        if guard.interrupted:
            typer.echo(f"interrupted after {imported.path} was written; the people are in it: do not import them again", err=True)
