"""The forms that append records: their fields (from the cohort and its curriculum), the record a
posted form makes, and each problem of a refused record placed next to its field.

A form's fields are named as the record's keys (`date`, `mentor`, `hours`, ...), so that a problem
the library finds in a key (`("session", 12, "hours")`) lands beside the field of that name. Values
are turned into TOML values only where the form's own widget says what they are (a date, a
number); anything else is passed on as text for `append_record` to check and word the problem,
exactly as for a record written by hand or from the command line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Optional, Union

import attrs

from ..model import ActionStatus, Cohort, Curriculum, Measure, Role, Status
from ..i18n import N_, Message
from ..intake import attended_all
from ..logbook import Outcome
from ..problems import Problem, format_problem

#: The record kinds that have a form, in the order the menu shows them.
KINDS = ("session", "output", "assessment", "measurement", "action")

#: Who may hold a session, and who may rate a participant (FORMAT.md).
SESSION_ROLES = (Role.MENTOR, Role.FACILITATOR)
ASSESSOR_ROLES = (Role.MENTOR, Role.FACILITATOR, Role.IMPLEMENTER, Role.COORDINATOR)

#: The field that says who logs the record (the author of its git commit); not part of the record.
LOGGED_BY = "logged_by"
#: The session form's "everyone came" box.
EVERYONE = "everyone"


@attrs.frozen
class Field:
    """One field of a form. Its label and help are the program's words (marked for translation and
    shown in the page's language); its options are data (names, titles) or words (a `Message`)."""

    name: str
    """The record's key it fills (or `logged_by`, `everyone`)."""
    label: str
    """What it asks, in words."""
    widget: str
    """`text`, `textarea`, `date`, `number`, `select`, `checkboxes` or `lines` (a textarea, one item a line)."""
    options: tuple[tuple[str, Union[str, Message]], ...] = ()
    """(value, label) of each choice, for `select` and `checkboxes`: a label is data as it is, or a Message."""
    required: bool = False
    """Whether the record needs it."""
    help: Optional[str] = None
    """A hint under the field, in words."""
    default: Any = None
    """Its value on an empty form (a list for `checkboxes`)."""
    note: Optional[str] = None
    """A hint made of data (a curriculum's scales), shown as it is."""


#: Each record kind's name in the menus.
KIND_LABELS = {"session": N_("session"), "output": N_("output"), "assessment": N_("assessment"),
               "measurement": N_("measurement"), "action": N_("action")}
#: Each form's heading.
HEADINGS = {"session": N_("Log a session"), "output": N_("Log an output"), "assessment": N_("Log an assessment"),
            "measurement": N_("Log a measurement"), "action": N_("Log an action or an update")}
#: The status words of outputs and actions, marked for translation.
STATUS_WORDS = {"draft": N_("draft"), "submitted": N_("submitted"), "returned": N_("returned"), "accepted": N_("accepted"),
                "published": N_("published"), "open": N_("open"), "done": N_("done"), "dropped": N_("dropped")}


def _people(cohort: Cohort, roles: Optional[Iterable[Role]] = None) -> tuple[tuple[str, str], ...]:
    wanted = None if roles is None else set(roles)
    return tuple((p.id, f"{p.name} ({p.id})") for p in cohort.people if wanted is None or p.role in wanted)


def _participants(cohort: Cohort) -> tuple[tuple[str, Union[str, Message]], ...]:
    return tuple((p.id, Message(N_("{name} (left {date})"), {"name": p.name, "date": p.left}) if p.left else p.name)
                 for p in cohort.participants)


def _choice(options: Sequence[tuple[str, Union[str, Message]]], blank: str) -> tuple[tuple[str, Union[str, Message]], ...]:
    return (("", Message(blank)), *options)


def _words(values: Iterable[str]) -> tuple[tuple[str, Message], ...]:
    return tuple((value, Message(STATUS_WORDS[value])) for value in values)


def _levels(curriculum: Curriculum) -> tuple[tuple[str, str], ...]:
    """Level numbers, named by the scale when every competency shares one."""
    scales = {c.levels for c in curriculum.competencies}
    longest = max((len(levels) for levels in scales), default=0)
    if len(scales) == 1:
        (scale,) = scales
        return tuple((str(n), f"{n}: {name}") for n, name in enumerate(scale))
    return tuple((str(n), str(n)) for n in range(longest))


def fields(kind: str, cohort: Cohort, curriculum: Curriculum, today: dt.date) -> tuple[Field, ...]:
    """The fields of the form for a record kind, with the choices the cohort and curriculum give
    (a required choice that has only one option is made already)."""
    return tuple(_only_choice(field) for field in _fields(kind, cohort, curriculum, today))


def _only_choice(field: Field) -> Field:
    if field.widget == "select" and field.required and field.default is None:
        real = [value for value, _ in field.options if value]
        if len(real) == 1:
            return attrs.evolve(field, default=real[0])
    return field


def _fields(kind: str, cohort: Cohort, curriculum: Curriculum, today: dt.date) -> tuple[Field, ...]:
    choose = N_("(choose)")
    date = Field("date", N_("Date"), "date", required=True, default=today.isoformat())
    notes = Field("notes", N_("Notes"), "textarea")
    logged_by = Field(LOGGED_BY, N_("Logged by"), "select", _choice(_people(cohort), N_("(the record's author)")),
                      help=N_("Who is writing this down: the record goes to their own log (and, with --commit, "
                              "they are the author of its git commit)."))
    if kind == "session":
        return (
            date,
            Field("mentor", N_("Mentor"), "select", _choice(_people(cohort, SESSION_ROLES), choose), required=True),
            Field("hours", N_("Hours"), "number", required=True, help=N_("How long it lasted, e.g. 2 or 1.5.")),
            Field(EVERYONE, N_("Everyone came"), "checkboxes", (("yes", Message(N_("Everyone enrolled that day came"))),),
                  default=["yes"], help=N_("Untick to choose who came below.")),
            Field("attended", N_("Who came"), "checkboxes", _participants(cohort), default=[],
                  help=N_("Used only when \"Everyone came\" is not ticked.")),
            Field("modules", N_("Modules covered"), "checkboxes", tuple((m.id, m.title) for m in curriculum.modules),
                  default=[]),
            notes,
            Field("follow_up", N_("Follow-up agreed"), "lines", help=N_("One action a line.")),
            logged_by,
        )
    if kind == "output":
        return (
            date,
            Field("participant", N_("Participant"), "select", _choice(_participants(cohort), choose), required=True),
            Field("kind", N_("Kind"), "select", _choice(tuple((k.id, k.title) for k in curriculum.output_kinds), choose),
                  required=True),
            Field("title", N_("Title"), "text", required=True),
            Field("assignment", N_("Assignment"), "select",
                  _choice(tuple((a.id, a.title) for a in curriculum.assignments), N_("(none)"))),
            Field("status", N_("Status"), "select", _words(s.value for s in Status), default=Status.SUBMITTED.value),
            Field("id", N_("Output id"), "text",
                  help=N_("The same id on every record of one output (e.g. aminah-fb-2), to follow it through review.")),
            Field("url", N_("Link"), "text"),
            Field("reviewed_by", N_("Reviewed by"), "select", _choice(_people(cohort), N_("(no one)"))),
            notes,
            logged_by,
        )
    if kind == "assessment":
        scales = "; ".join(f"{c.title}: " + ", ".join(f"{n} {name}" for n, name in enumerate(c.levels))
                           for c in curriculum.competencies)
        return (
            date,
            Field("participant", N_("Participant"), "select", _choice(_participants(cohort), choose), required=True),
            Field("competency", N_("Competency"), "select",
                  _choice(tuple((c.id, c.title) for c in curriculum.competencies), choose), required=True),
            Field("level", N_("Level"), "select", _choice(_levels(curriculum), choose), required=True, note=scales or None),
            Field("by", N_("Rated by"), "select",
                  _choice((("self", Message(N_("the participant (self-assessment)"))), *_people(cohort, ASSESSOR_ROLES)),
                          choose),
                  required=True),
            notes,
            logged_by,
        )
    if kind == "measurement":
        reported = tuple((r.id, r.statement) for r in curriculum.results if r.measure is Measure.REPORTED)
        return (
            date,
            Field("result", N_("Result"), "select", _choice(reported, choose), required=True),
            Field("value", N_("Value"), "number", required=True),
            Field("source", N_("Source"), "text", help=N_("Where the figure comes from.")),
            notes,
            logged_by,
        )
    if kind == "action":
        return (
            Field("id", N_("Action id"), "text", required=True,
                  help=N_("A short id (e.g. more-posts); the same id again updates that action.")),
            date,
            Field("text", N_("What is to be done"), "textarea", help=N_("Needed when the action is opened.")),
            Field("owner", N_("Owner"), "select", _choice(_people(cohort), N_("(no one yet)"))),
            Field("due", N_("Due"), "date"),
            Field("results", N_("For the results"), "checkboxes", tuple((r.id, r.statement) for r in curriculum.results),
                  default=[]),
            Field("cause", N_("Why the gap arose"), "textarea"),
            Field("status", N_("Status"), "select", _choice(_words(s.value for s in ActionStatus), N_("(unchanged)"))),
            notes,
            logged_by,
        )
    raise KeyError(kind)


# --- a posted form as a record ---------------------------------------------------------------

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_WHOLE = re.compile(r"-?\d+")


def _date(text: str) -> Any:
    """A date from a date field; the text as given when it is not one (the library says why)."""
    if _ISO.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    return text


def _number(text: str) -> Any:
    """A number from a number field; the text as given when it is not one (the library says why)."""
    if _NUMBER.fullmatch(text):
        value = float(text)
        return int(value) if value.is_integer() else value
    return text


def record_from(kind: str, form_fields: Sequence[Field], form: Any, cohort: Optional[Cohort]) -> dict[str, Any]:
    """The record a posted form makes: only the form's own fields are read, an empty field is left
    out, and "everyone came" means every participant enrolled on the session's date, as
    `mentoring log session --attended all` means it."""
    record: dict[str, Any] = {}
    for field in form_fields:
        if field.name in (LOGGED_BY, EVERYONE):
            continue
        if field.widget == "checkboxes":
            values = [value for value in form.getlist(field.name) if value]
            record[field.name] = values
            continue
        text = (form.get(field.name) or "").strip() if field.widget != "textarea" else (form.get(field.name) or "")
        if field.widget == "lines":
            record[field.name] = [line.strip() for line in text.splitlines() if line.strip()] or None
        elif not text.strip():
            record[field.name] = None
        elif field.widget == "date":
            record[field.name] = _date(text)
        elif field.widget == "number":
            record[field.name] = _number(text)
        elif field.name == "level" and _WHOLE.fullmatch(text):
            record[field.name] = int(text)
        else:
            record[field.name] = text
    if kind == "session" and form.get(EVERYONE) and cohort is not None:
        day = record.get("date")  # not a date: the library says so, at the date field
        record["attended"] = attended_all(cohort, day, None) if isinstance(day, dt.date) else []
    if kind in ("session", "action"):  # optional lists: none chosen is none written
        for name in ("modules", "results"):
            if record.get(name) == []:
                record[name] = None
    return record


# --- problems beside their fields --------------------------------------------------------------

_MISSING = re.compile(r'missing required key "([a-z_]+)"')
#: What a field left empty says (the library's other messages stay English, as problems do).
REQUIRED = N_("required: fill this in")


@attrs.frozen
class Placed:
    """A refused record's problems: each field's, and those about no one field."""

    fields: dict[str, list[str]]
    """Field name to the messages about it."""
    general: list[str]
    """The others, as `path:line: error: message`."""


def _field_of(problem: Problem, names: set[str]) -> Optional[str]:
    """The field a problem of the record itself is about: its key, or the key it says is missing."""
    keys = problem.keys
    if len(keys) >= 3 and keys[2] in names:
        return str(keys[2])
    missing = _MISSING.search(problem.message)
    return missing.group(1) if len(keys) == 2 and missing and missing.group(1) in names else None


def _short(message: str, kind: str, field: str) -> str:
    """A message without the `kind.field: ` it starts with (the field is beside it); a key that
    is missing is a field left empty."""
    if _MISSING.search(message):
        return REQUIRED
    for prefix in (f"{kind}.{field}: ", f"{kind}: "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def place(outcome: Outcome, kind: str, form_fields: Sequence[Field]) -> Placed:
    """Each problem next to the field it is about: a problem in one of the record's own keys goes
    to that field; the rest (an error already in the cohort, a clash with a record in another
    file, a key the form has no field for) are general, with their `path:line`."""
    names = {field.name for field in form_fields}
    by_field: dict[str, list[str]] = {}
    general = []
    for problem in outcome.problems:
        field = _field_of(problem, names) if outcome.about_record(problem) else None
        if field is None:
            general.append(format_problem(problem))
        else:
            by_field.setdefault(field, []).append(_short(problem.message, kind, field))
    return Placed(by_field, general)


def values_of(form_fields: Sequence[Field], form: Optional[Mapping[str, Any]]) -> dict[str, Any]:
    """What each field shows: the posted value (to correct it), else the field's default."""
    out: dict[str, Any] = {}
    for field in form_fields:
        if form is None:
            out[field.name] = field.default
        elif field.widget == "checkboxes":
            out[field.name] = form.getlist(field.name)
        else:
            out[field.name] = form.get(field.name, "")
    return out
