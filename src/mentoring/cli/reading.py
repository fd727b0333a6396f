"""Reading commands: check, cohorts, report, rollup, participants."""

import os
import sys
from typing import List, Optional

import typer

from . import Command, complete, app, echo_problems, examples, open_workspace, reading_command, refuse, workspace_root, EXIT_DATA

AS_OF = typer.Option(None, "--as-of", metavar="DATE", help="Figures as of this date (YYYY-MM-DD; default today).")
FORMAT = typer.Option(None, "--format", metavar="FORMAT",
                      help="table (the default), markdown, csv, json, html or xlsx (with --output, its suffix says).")
OUTPUT = typer.Option(None, "--output", metavar="FILE",
                      help="Write to FILE (replacing it at once) instead of printing; .txt .md .csv .json .html .xlsx tell the format.")
LANG = typer.Option(None, "--lang", metavar="LANG",
                    help="en or id: labels, statuses, dates and numbers (else $MENTORING_LANG, else lang in mentoring.toml, else en); CSV and JSON stay English.")
ENV_LANG = "MENTORING_LANG"
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


def output_format(value: Optional[str], output: Optional[str] = None):
    """The format asked for: --format, else the suffix of --output, else a table."""
    from ..errors import UsageError
    from ..render import BINARY_FORMATS, SUFFIXES, Format, format_of_suffix

    if value is not None:
        form = choice(Format, value, "--format")
    elif output is not None:
        form = format_of_suffix(output)
        if form is None:
            raise UsageError(f'--output: "{output}" does not say a format by its suffix ({", ".join(SUFFIXES)}); '
                             "give --format")
    else:
        form = Format.TABLE
    if form in BINARY_FORMATS and output is None:
        raise UsageError(f"--format {form}: a workbook is a file, not text for a terminal; give --output FILE.{form}")
    return form


def output_lang(value: Optional[str]):
    """The language asked for on the command line: --lang, else $MENTORING_LANG, else None (then
    the workspace's `lang` in mentoring.toml decides, else English)."""
    from ..model import Lang

    if value is not None:
        return choice(Lang, value, "--lang")
    if os.environ.get(ENV_LANG):
        return choice(Lang, os.environ[ENV_LANG], f"${ENV_LANG}")
    return None


class Output:
    """Where a reading command's output goes, in which format and language: settled (and any
    usage error raised) before the workspace is read."""

    def __init__(self, fmt: Optional[str], output: Optional[str], lang: Optional[str]):
        self.format = output_format(fmt, output)
        self.file = output
        self.lang = output_lang(lang)

    def emit(self, view: str, figures, ws) -> None:
        """Render a view of the figures (in the language of the workspace's settings, `ws.settings`,
        unless one was asked for); print it, or write it to the file, replacing it at once."""
        from ..model import Lang
        from ..render import render

        lang = self.lang or ws.settings.lang or Lang.EN
        rendered = render(view, figures, self.format, lang, self.file is None and colour_wanted(self.format))
        if self.file is None:
            typer.echo(rendered)
            return
        write_file(self.file, rendered if isinstance(rendered, bytes) else (rendered + "\n").encode("utf-8"))


def write_file(name: str, data: bytes) -> None:
    """Make the file hold the data, replacing it at once (a reader sees the old file or the new)."""
    from pathlib import Path

    from ..errors import UsageError
    from ..logbook import replace_file

    path = Path(name)
    if path.is_dir():
        raise UsageError(f"--output: {name} is a folder")
    if not path.parent.is_dir():
        raise UsageError(f"--output: no folder {path.parent} to write {path.name} in")
    try:
        replace_file(path, data)
    except OSError as failure:
        raise UsageError(f"--output: cannot write {name}: {failure.strerror or failure}") from None


def colour_wanted(fmt) -> bool:
    """Colour only for a table on a terminal, and never when NO_COLOR is set."""
    return fmt == "table" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@app.command(cls=Command, epilog=examples("mentoring check", "mentoring check hapsari-sosmed-2015 --redact"))
@reading_command
def check(
    cohorts: Optional[List[str]] = typer.Argument(None, metavar="COHORT...", help="Cohort ids to check (default: every cohort).",
                                                  autocompletion=complete.cohorts),
    redacted: bool = typer.Option(False, "--redact", help="Replace participants' names and contacts in messages."),
) -> None:
    """Check curricula, cohorts and logs; print every problem as path:line: error|warning: message."""
    from ..loader import cohort_ids, curriculum_ids
    from ..problems import count, plural
    from ..redact import apply_swaps, swaps

    if cohorts:
        ws = open_workspace(cohorts)
        root, problems = ws.root, list(ws.problems)
        names = [swaps(ws.cohorts.values())]
        curricula = len({c.curriculum for c in ws.cohorts.values()})
    else:
        from .parts import per_cohort

        # Redaction swaps names of every cohort that loaded, in every message.
        sheet = per_cohort("check", (lambda ws, id_: swaps([ws.cohorts[id_]])) if redacted else (lambda ws, id_: ()),
                           tuple[tuple[str, str], ...], every=True)
        root, problems, names = workspace_root(), list(sheet.problems), list(sheet.values.values())
        curricula = len(curriculum_ids(root))
    if redacted:
        problems = apply_swaps([swap for part in names for swap in part], problems)
    echo_problems(problems)
    errors, warnings = count(problems)
    checked = f"{curricula} {'curriculum' if curricula == 1 else 'curricula'}, {plural(len(cohorts or cohort_ids(root)), 'cohort')}"
    typer.echo(f"{plural(errors, 'error')}, {plural(warnings, 'warning')} ({checked} checked)")
    if errors:
        raise typer.Exit(EXIT_DATA)


def reading(cohort: str, as_of: Optional[str], by: Optional[str], redacted: bool,
            fmt: Optional[str], output: Optional[str], lang: Optional[str], view: str,
            period: Optional[str] = None) -> None:
    """A reading command about one cohort: its options checked, its figures (redacted when asked)
    through the door, rendered as asked."""
    from ..errors import DataError
    from ..model import PARTICIPANT_FIELDS, By, PeriodKind

    day = parse_date(as_of, "--as-of")
    field = choice(By, by, "--by", PARTICIPANT_FIELDS)
    kind = choice(PeriodKind, period, "--period")
    out = Output(fmt, output, lang)
    ws = open_workspace([cohort])
    try:
        figures = ws.progress(cohort, day, field, kind)
    except DataError as refused:
        if not redacted:
            raise
        from ..redact import redact_messages

        # The errors that refuse a redacted report are redacted as `check --redact` prints them.
        raise DataError(str(refused), redact_messages(ws.cohorts.values(), refused.problems)) from None
    if redacted:
        from ..redact import redact

        figures = redact(figures)
    out.emit(view, figures, ws)


@app.command(cls=Command, epilog=examples(
    "mentoring report hapsari-sosmed-2015 --as-of 2015-03-31",
    "mentoring report spi-deli-serdang --as-of 2015-03-31 --period quarter --by sex",
    "mentoring report hapsari-sosmed-2015 --as-of 2015-03-31 --lang id --output report.html",
))
@reading_command
def report(cohort: str = COHORT, as_of: Optional[str] = AS_OF, fmt: Optional[str] = FORMAT,
           by: Optional[str] = BY, redacted: bool = REDACT, period: Optional[str] = PERIOD,
           output: Optional[str] = OUTPUT, lang: Optional[str] = LANG) -> None:
    """Each expected result: target, actual, gap and status; with --period, its figures per
    period; then a one-line summary."""
    reading(cohort, as_of, by, redacted, fmt, output, lang, "report", period)


@app.command(cls=Command, epilog=examples(
    "mentoring rollup hapsari-capacity --as-of 2015-03-31",
    "mentoring rollup hapsari-capacity --as-of 2015-03-31 --by cohort --period quarter",
))
@reading_command
def rollup(
    curriculum: str = typer.Argument(..., metavar="CURRICULUM", help="The curriculum's id: its cohorts are the programme."),
    cohort: Optional[List[str]] = typer.Option(
        None, "--cohort", metavar="ID", help="Add up only these cohorts (repeat the option; default: every cohort of the curriculum)."),
    as_of: Optional[str] = AS_OF, fmt: Optional[str] = FORMAT,
    by: Optional[str] = typer.Option(
        None, "--by", metavar="FIELD", help="Add each cohort's own figures (cohort), or break down by group, organisation or sex."),
    period: Optional[str] = PERIOD,
    output: Optional[str] = OUTPUT, lang: Optional[str] = LANG,
) -> None:
    """A programme's figures: every expected result added up across the curriculum's cohorts
    (counts summed, rates pooled); then a one-line summary."""
    from ..model import By, PeriodKind

    day = parse_date(as_of, "--as-of")
    field = choice(By, by, "--by")
    kind = choice(PeriodKind, period, "--period")
    out = Output(fmt, output, lang)
    ws = open_workspace()
    out.emit("rollup", ws.rollup(curriculum, day, cohort or None, field, kind), ws)


@app.command(cls=Command, epilog=examples(
    "mentoring participants hapsari-sosmed-2015 --as-of 2015-03-31",
    "mentoring participants jica-fundraising-2017 --by organisation --format csv",
    "mentoring participants hapsari-sosmed-2015 --as-of 2015-03-31 --output participants.xlsx",
))
@reading_command
def participants(cohort: str = COHORT, as_of: Optional[str] = AS_OF, fmt: Optional[str] = FORMAT,
                 by: Optional[str] = BY, redacted: bool = REDACT, output: Optional[str] = OUTPUT,
                 lang: Optional[str] = LANG) -> None:
    """One row per participant: attendance, assignments done, competency levels, complete, left."""
    reading(cohort, as_of, by, redacted, fmt, output, lang, "participants")


@app.command(cls=Command, epilog=examples("mentoring cohorts --as-of 2015-03-31", "mentoring cohorts --format json"))
@reading_command
def cohorts(as_of: Optional[str] = AS_OF, fmt: Optional[str] = FORMAT, redacted: bool = REDACT,
            output: Optional[str] = OUTPUT, lang: Optional[str] = LANG) -> None:
    """One row per cohort: curriculum, dates, participants, results met of total, status.

    `--redact` is accepted for symmetry: this table names no person."""
    from ..progress import Overview, Progress
    from .parts import per_cohort

    day = parse_date(as_of, "--as-of")
    out = Output(fmt, output, lang)
    # A cohort with errors is not reported on; the others still are.
    sheet = per_cohort("cohorts", lambda ws, id_: ws.progress(id_, day), Progress)
    out.emit("cohorts", Overview(day, tuple(sheet.values.values())), sheet)
    if sheet.errors:
        refuse(sheet.errors, err=True)
        raise typer.Exit(EXIT_DATA)
