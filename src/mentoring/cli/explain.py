"""`mentoring explain`: where a figure comes from, thin over the door's `Workspace.explain` and
`explain_participant`."""

from typing import Optional

import typer

from . import Command, app, complete, examples, open_workspace, reading_command
from .reading import AS_OF, BY, COHORT, FORMAT, LANG, OUTPUT, Output, choice, parse_date


@app.command(cls=Command, epilog=examples(
    "mentoring explain hapsari-sosmed-2015 attendance --as-of 2015-03-31",
    "mentoring explain hapsari-sosmed-2015 completed --as-of 2015-03-31 --by group --format json",
    "mentoring explain hapsari-sosmed-2015 --participant dewi --as-of 2015-03-31 --lang id --output dewi.html",
))
@reading_command
def explain(
    cohort: str = COHORT,
    result: Optional[str] = typer.Argument(None, metavar="RESULT", help="The expected result's id.",
                                           autocompletion=complete.curriculum_ids("results")),
    participant: Optional[str] = typer.Option(None, "--participant", metavar="ID",
                                              help="Explain this participant's completion instead of a result.",
                                              autocompletion=complete.people("participant")),
    as_of: Optional[str] = AS_OF, fmt: Optional[str] = FORMAT, by: Optional[str] = BY,
    output: Optional[str] = OUTPUT, lang: Optional[str] = LANG,
) -> None:
    """Where a figure comes from: the rule, the numerator and denominator, and every record the
    rule looked at (path:line, date, counted or not and why); or, with --participant, each
    requirement of the completion rule with the records behind it."""
    from ..errors import UsageError
    from ..model import PARTICIPANT_FIELDS, By

    if (result is None) == (participant is None):
        raise UsageError("explain: name a RESULT or give --participant ID (one of the two)")
    if participant is not None and by is not None:
        raise UsageError("--by breaks down a result; a participant's completion has no groups")
    day = parse_date(as_of, "--as-of")
    field = choice(By, by, "--by", PARTICIPANT_FIELDS)
    out = Output(fmt, output, lang)
    ws = open_workspace([cohort])
    if participant is not None:
        out.emit("explain_participant", ws.explain_participant(cohort, participant, day), ws)
    else:
        out.emit("explain", ws.explain(cohort, result, day, field), ws)
