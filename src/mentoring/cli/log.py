"""Writing commands: `mentoring log session|output|assessment|measurement|action`, each a thin layer
over the library's `append_record` (checked, locked, atomic)."""

from typing import Callable, List, Optional

import typer

from . import EXIT_DATA, complete, Command, WriteGuard, app, echo_problems, examples, open_workspace, waiting, workspace_root
from .reading import parse_date

log_app = typer.Typer(
    help="Append a record to a cohort's log: a session, an output, an assessment, a measurement or an action.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(log_app, name="log")

LOG_COHORT = typer.Argument(..., metavar="COHORT", help="The cohort's id.", autocompletion=complete.cohorts)
LOG_DATE = typer.Option(None, "--date", metavar="DATE", help="The record's date (YYYY-MM-DD; default today).")
LOG_FILE = typer.Option(None, "--file", metavar="NAME", help="Another file under the cohort's logs/ (a plain name; .toml is added).")


def _id_list(text: Optional[str]) -> Optional[List[str]]:
    """`ID,ID,...` as a list of ids (an empty string is an empty list)."""
    if text is None:
        return None
    return [part.strip() for part in text.split(",") if part.strip()]


def _attended(cohort: str, attended: str, absent: Optional[List[str]], expected: Optional[List[str]],
              date: Optional[str]) -> List[str]:
    """The ids of --attended: as listed, or with `all` everyone expected less --absent."""
    from ..errors import DataError, UsageError
    from ..intake import attended_all

    if attended.strip().casefold() != "all":
        if absent is not None:
            raise UsageError("--absent goes with --attended all (list who came, or all and who did not)")
        return _id_list(attended)
    ws = open_workspace([cohort])
    if cohort not in ws.cohorts:
        raise DataError(f'cohort "{cohort}" has errors', [p for p in ws.problems_of(cohort) if p.is_error])
    return attended_all(ws.cohorts[cohort], parse_date(date, "--date"), expected, absent or ())


def _log(cohort: str, kind: str, make: Callable[[], dict], file: Optional[str]) -> None:
    """Append the record `make` gives through the library; print what was written, or the problems
    and exit 1. Ctrl-C before the write says that nothing was written (exit 130)."""
    from ..errors import UsageError
    from ..logbook import append_record, file_name_problem
    from ..problems import count, plural
    from ..workspace import known_cohorts

    with WriteGuard() as guard:
        root = workspace_root()
        known_cohorts(root, [cohort])
        record = make()
        record["date"] = parse_date(record.get("date"), "--date")
        if file is not None and (why := file_name_problem(file)) is not None:
            raise UsageError(f"--file: {why}")
        outcome = append_record(root, cohort, kind, record, file, on_wait=waiting(cohort), before_write=guard.begin)
        echo_problems(outcome.problems)
        if not outcome.ok:
            errors, warnings = count(outcome.problems)
            typer.echo(f"{plural(errors, 'error')}, {plural(warnings, 'warning')}: nothing was written", err=True)
            raise typer.Exit(EXIT_DATA)
        written = outcome.written
        typer.echo(f"{written.path}:{written.line}: wrote [[{written.kind}]]")
        typer.echo(written.text, nl=False)
        if guard.interrupted:
            typer.echo(f"interrupted after the record was written to {written.path}:{written.line}; "
                       "it is in the log: do not log it again", err=True)


@log_app.command("session", cls=Command, epilog=examples('mentoring log session hapsari-sosmed-2015 --mentor kartini --hours 2 --attended aminah,sri --date 2015-03-05', 'mentoring log session hapsari-sosmed-2015 --mentor kartini --hours 2 --attended all --absent dewi --date 2015-03-12', 'mentoring log session pmi-temu-karya-2013 --mentor ahmad-hussein --hours 1.5 --attended "" --module planning --date 2013-07-30'))
def log_session(
    cohort: str = LOG_COHORT,
    mentor: str = typer.Option(..., "--mentor", metavar="ID", help="The mentor or facilitator who held it (the log is theirs).",
                               autocompletion=complete.people("SESSION_ROLES")),
    hours: str = typer.Option(..., "--hours", metavar="HOURS", help="How long it lasted, in hours (1.5, not 1,5)."),
    attended: str = typer.Option(..., "--attended", metavar="ID,ID,...|all", help='Participants who came: ID,ID,... ("" for none), or all (everyone expected).',
                                 autocompletion=complete.participant_list(["all"])),
    absent: Optional[str] = typer.Option(None, "--absent", metavar="ID,ID,...", help="With --attended all: those expected who did not come.",
                                          autocompletion=complete.participant_list()),
    expected: Optional[str] = typer.Option(None, "--expected", metavar="ID,ID,...", help="Participants expected: ID,ID,... (default: everyone enrolled that day).",
                                            autocompletion=complete.participant_list()),
    module: Optional[List[str]] = typer.Option(None, "--module", metavar="ID", help="A module it covered (repeat for more).",
                                                autocompletion=complete.curriculum_ids("modules")),
    date: Optional[str] = LOG_DATE,
    notes: Optional[str] = typer.Option(None, "--notes", metavar="TEXT", help="What happened."),
    follow_up: Optional[List[str]] = typer.Option(None, "--follow-up", metavar="TEXT", help="An action agreed (repeat for more)."),
    file: Optional[str] = LOG_FILE,
) -> None:
    """Log a session held (a session record in logs/MENTOR.toml)."""
    from ..intake import read_number

    _log(cohort, "session", lambda: {
        "date": date, "mentor": mentor, "hours": read_number(hours, "--hours"),
        "attended": _attended(cohort, attended, _id_list(absent), _id_list(expected), date),
        "expected": _id_list(expected), "modules": module or None, "notes": notes, "follow_up": follow_up or None,
    }, file)


@log_app.command("output", cls=Command, epilog=examples('mentoring log output hapsari-sosmed-2015 --participant aminah --kind facebook-post --title "Hari Perempuan" --status accepted --date 2015-03-08'))
def log_output(
    cohort: str = LOG_COHORT,
    participant: str = typer.Option(..., "--participant", metavar="ID", help="Who made it (the log is theirs).",
                                    autocompletion=complete.people("participant")),
    kind: str = typer.Option(..., "--kind", metavar="ID", help="Its output kind's id.", autocompletion=complete.curriculum_ids("output_kinds")),
    title: str = typer.Option(..., "--title", metavar="TEXT", help="Its title."),
    assignment: Optional[str] = typer.Option(None, "--assignment", metavar="ID", help="The assignment it answers.",
                                              autocompletion=complete.curriculum_ids("assignments")),
    status: Optional[str] = typer.Option(None, "--status", metavar="STATUS", help="draft, submitted (default), returned, accepted or published.",
                                          autocompletion=complete.words("draft", "submitted", "returned", "accepted", "published")),
    output_id: Optional[str] = typer.Option(None, "--id", metavar="ID", help="Its id, shared by every record of the same output."),
    url: Optional[str] = typer.Option(None, "--url", metavar="URL", help="Where it is published."),
    reviewed_by: Optional[str] = typer.Option(None, "--reviewed-by", metavar="ID", help="Who reviewed it.", autocompletion=complete.people()),
    date: Optional[str] = LOG_DATE,
    notes: Optional[str] = typer.Option(None, "--notes", metavar="TEXT", help="Free text."),
    file: Optional[str] = LOG_FILE,
) -> None:
    """Log a knowledge product or a change of its status (an output record in logs/PARTICIPANT.toml)."""
    _log(cohort, "output", lambda: {
        "date": date, "participant": participant, "kind": kind, "title": title, "id": output_id,
        "assignment": assignment, "status": status or "submitted", "url": url, "reviewed_by": reviewed_by,
        "notes": notes,
    }, file)


@log_app.command("assessment", cls=Command, epilog=examples('mentoring log assessment hapsari-sosmed-2015 --participant aminah --competency facebook-page --level 2 --by kartini --date 2015-03-31'))
def log_assessment(
    cohort: str = LOG_COHORT,
    participant: str = typer.Option(..., "--participant", metavar="ID", help="Who was rated.", autocompletion=complete.people("participant")),
    competency: str = typer.Option(..., "--competency", metavar="ID", help="The competency's id.",
                                   autocompletion=complete.curriculum_ids("competencies")),
    level: str = typer.Option(..., "--level", metavar="LEVEL", help="A level number (0 is the lowest) or a level name."),
    by: str = typer.Option(..., "--by", metavar="ID|self", help='Who rated (the log is theirs), or "self".',
                           autocompletion=complete.people("ASSESSOR_ROLES", ["self"])),
    date: Optional[str] = LOG_DATE,
    notes: Optional[str] = typer.Option(None, "--notes", metavar="TEXT", help="Free text."),
    file: Optional[str] = LOG_FILE,
) -> None:
    """Log a competency rating (an assessment record in logs/BY.toml; logs/PARTICIPANT.toml for self)."""
    import re

    number = re.fullmatch(r"\s*(-?[0-9]+)\s*", level)
    _log(cohort, "assessment", lambda: {
        "date": date, "participant": participant, "competency": competency,
        "level": int(number.group(1)) if number else level, "by": by, "notes": notes,
    }, file)


@log_app.command("measurement", cls=Command, epilog=examples('mentoring log measurement hapsari-sosmed-2015 --result page-followers --value 812 --source "page insights" --date 2015-03-31'))
def log_measurement(
    cohort: str = LOG_COHORT,
    result: str = typer.Option(..., "--result", metavar="ID", help="The id of a result whose measure is reported.",
                               autocompletion=complete.curriculum_ids("results", measure="reported")),
    value: str = typer.Option(..., "--value", metavar="NUMBER", help="The value observed (1200, not 1.200; 1.5, not 1,5)."),
    source: Optional[str] = typer.Option(None, "--source", metavar="TEXT", help="Where the figure comes from."),
    date: Optional[str] = LOG_DATE,
    notes: Optional[str] = typer.Option(None, "--notes", metavar="TEXT", help="Free text."),
    file: Optional[str] = LOG_FILE,
) -> None:
    """Log a value observed by hand (a measurement record in logs/measurements.toml)."""
    from ..intake import read_number

    _log(cohort, "measurement", lambda: {
        "date": date, "result": result, "value": read_number(value, "--value"), "source": source, "notes": notes,
    }, file)


@log_app.command("action", cls=Command, epilog=examples(
    'mentoring log action spi-kulon-progo --id member-database --text "Enter the member interview forms" --owner wartini --due 2015-05-29 --result database --date 2015-03-06',
    "mentoring log action spi-kulon-progo --id member-database --due 2015-06-30 --date 2015-05-25",
    "mentoring log action spi-kulon-progo --id member-database --status done --date 2015-06-26",
))
def log_action(
    cohort: str = LOG_COHORT,
    action_id: str = typer.Option(..., "--id", metavar="ID", help="The action's id: a new one opens an action, an existing one updates it.",
                                  autocompletion=complete.actions),
    text: Optional[str] = typer.Option(None, "--text", metavar="TEXT", help="What is to be done (needed to open an action)."),
    owner: Optional[str] = typer.Option(None, "--owner", metavar="ID", help="Who does it (anyone in the cohort).",
                                        autocompletion=complete.people()),
    due: Optional[str] = typer.Option(None, "--due", metavar="DATE", help="By when (YYYY-MM-DD)."),
    result: Optional[List[str]] = typer.Option(None, "--result", metavar="ID", help="A result it addresses (repeat for more).",
                                               autocompletion=complete.curriculum_ids("results")),
    cause: Optional[str] = typer.Option(None, "--cause", metavar="TEXT", help="Why the gap it addresses arose."),
    status: Optional[str] = typer.Option(None, "--status", metavar="STATUS", help="open (when opened), done or dropped.",
                                         autocompletion=complete.words("open", "done", "dropped")),
    notes: Optional[str] = typer.Option(None, "--notes", metavar="TEXT", help="Free text."),
    date: Optional[str] = LOG_DATE,
    file: Optional[str] = LOG_FILE,
) -> None:
    """Open a follow-up action, or update one: a new owner, a new due date, done or dropped (an
    action record in logs/actions.toml). A key left out keeps its earlier value."""
    from ..errors import UsageError

    changes = {"text": text, "owner": owner, "due": None if due is None else parse_date(due, "--due"),
               "results": result or None, "cause": cause, "status": status, "notes": notes}
    if all(value is None for value in changes.values()):
        raise UsageError("log action: say what to record: --text to open an action; --status, --due, --owner, "
                         "--result, --cause or --notes to update one")
    _log(cohort, "action", lambda: {"id": action_id, "date": date, **changes}, file)
