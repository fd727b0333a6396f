"""The workspace as data: curricula, cohorts and their logs.

Frozen, slotted attrs classes and enums, one per thing FORMAT.md names. Nothing here reads or
writes a file; the loader builds these from TOML, the checks and the progress engine read them.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import NewType, Optional, Union

import attrs

#: A competency level as written: a number on the scale, or one of the scale's names.
LevelRef = Union[int, str]

#: An id as written: a thing's own id or a reference to one (FORMAT.md: ids are slugs). A plain str
#: at run time; the type says which strings are ids, so that the JSON Schemas give them the slug pattern.
Id = NewType("Id", str)

DEFAULT_LEVELS = ("not yet", "basic", "independent", "can teach others")


class Word(str, enum.Enum):
    """An enum whose members are the words written in files and printed in reports: it compares
    equal to its word, and prints as it."""

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)

    def __hash__(self) -> int:  # as its word's, so that a word finds its member in a dict
        return hash(self.value)


class ResultStatus(Word):
    """Where an expected result stands as of a date (FORMAT.md, "Progress as of a date")."""

    NOT_STARTED = "not started"
    ON_TRACK = "on track"
    BEHIND = "behind"
    MET = "met"
    MISSED = "missed"


class CohortStatus(Word):
    """Where a cohort stands as of a date: before its start, between start and end, after its end."""

    NOT_STARTED = "not started"
    RUNNING = "running"
    ENDED = "ended"


class By(Word):
    """What figures can be broken down by (FORMAT.md, "Breakdowns"): a participants' field, or,
    for a programme only, its cohorts."""

    GROUP = "group"
    ORGANISATION = "organisation"
    SEX = "sex"
    COHORT = "cohort"
    """A programme's cohorts (`rollup --by cohort`); a cohort has no break-down by cohort."""


#: The participants' fields a cohort's figures can be broken down by.
PARTICIPANT_FIELDS = (By.GROUP, By.ORGANISATION, By.SEX)


class PeriodKind(Word):
    """How a report over periods splits time (FORMAT.md, "Periods"): calendar months, quarters or years."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class Role(enum.Enum):
    """What a person does in a cohort."""

    PARTICIPANT = "participant"
    MENTOR = "mentor"
    FACILITATOR = "facilitator"
    IMPLEMENTER = "implementer"
    COORDINATOR = "coordinator"
    OBSERVER = "observer"


#: Roles that may hold a session.
SESSION_ROLES = frozenset({Role.MENTOR, Role.FACILITATOR})
#: Roles that may rate a participant's competency (besides the participant's own "self").
ASSESSOR_ROLES = frozenset({Role.MENTOR, Role.FACILITATOR, Role.IMPLEMENTER, Role.COORDINATOR})


class Status(enum.Enum):
    """Where a knowledge product stands in review."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ACCEPTED = "accepted"
    PUBLISHED = "published"

    @property
    def rank(self) -> int:
        """Order for "at least": draft = returned < submitted < accepted < published."""
        return _STATUS_RANK[self]


_STATUS_RANK = {
    Status.DRAFT: 0,
    Status.RETURNED: 0,
    Status.SUBMITTED: 1,
    Status.ACCEPTED: 2,
    Status.PUBLISHED: 3,
}


class Sex(enum.Enum):
    """A person's sex, as recorded for breakdowns (absent means not recorded)."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class ResultType(enum.Enum):
    """A result's place in the results chain."""

    OUTPUT = "output"
    OUTCOME = "outcome"
    IMPACT = "impact"
    OTHER = "other"

    @property
    def iati_code(self) -> str:
        """IATI ResultType code: 1 output, 2 outcome, 3 impact, 9 other."""
        return _IATI_RESULT_TYPES[self]


_IATI_RESULT_TYPES = {
    ResultType.OUTPUT: "1",
    ResultType.OUTCOME: "2",
    ResultType.IMPACT: "3",
    ResultType.OTHER: "9",
}


class Rollup(enum.Enum):
    """How a `reported` result's cohorts add up into a programme total."""

    SUM = "sum"
    MAX = "max"


class ActionStatus(enum.Enum):
    """Where a follow-up action stands."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class Measure(enum.Enum):
    """How an expected result's actual value is computed."""

    PARTICIPANTS = "participants"
    OUTPUTS = "outputs"
    SESSIONS = "sessions"
    HOURS = "hours"
    ATTENDANCE = "attendance"
    CADENCE = "cadence"
    REPORTED = "reported"

    @property
    def is_rate(self) -> bool:
        """Rates are judged met or missed at the due date, not against elapsed time."""
        return self is Measure.ATTENDANCE or self is Measure.CADENCE


#: The filter keys each measure accepts (FORMAT.md, "Expected results").
MEASURE_FILTERS: dict[Measure, frozenset[str]] = {
    Measure.PARTICIPANTS: frozenset({"criteria"}),
    Measure.OUTPUTS: frozenset({"kinds", "assignment", "min_status"}),
    Measure.SESSIONS: frozenset({"modules"}),
    Measure.HOURS: frozenset({"modules"}),
    Measure.ATTENDANCE: frozenset({"modules"}),
    Measure.CADENCE: frozenset({"kinds", "min_status", "every_days", "from_day", "per_period"}),
    Measure.REPORTED: frozenset(),
}
ALL_FILTERS = frozenset().union(*MEASURE_FILTERS.values())


@attrs.frozen
class Quantity:
    """A number as written in a target or threshold: a plain count or a percentage."""

    value: float
    """The number; for a percentage, 0 to 100."""
    percent: bool = False
    """True when written as a string such as "75%"."""

    def __str__(self) -> str:
        text = f"{self.value:g}"
        return f"{text}%" if self.percent else text


# --- curriculum --------------------------------------------------------------------------------


@attrs.frozen
class Objective:
    """A learning objective."""

    id: Id
    """Unique among the curriculum's objectives."""
    text: str
    """What a participant will be able to do."""


@attrs.frozen
class Competency:
    """A skill rated on a scale of named levels."""

    id: Id
    """Unique among the curriculum's competencies."""
    title: str
    """Its name, as shown in reports."""
    levels: tuple[str, ...] = DEFAULT_LEVELS
    """The scale's names from the lowest (level 0) upward."""


@attrs.frozen
class Module:
    """A part of the programme."""

    id: Id
    """Unique among the curriculum's modules."""
    title: str
    """Its name."""
    hours: Optional[float] = None
    """Planned hours."""
    objectives: tuple[Id, ...] = ()
    """Ids of the objectives it serves."""
    summary: Optional[str] = None
    """What it covers."""


@attrs.frozen
class OutputKind:
    """A kind of knowledge product participants make."""

    id: Id
    """Unique among the curriculum's output kinds."""
    title: str
    """Its name (a Facebook post, a website article, a video)."""
    medium: Optional[str] = None
    """Print, audio, visual, audio-visual, online..."""


@attrs.frozen
class Assignment:
    """Work each participant does."""

    id: Id
    """Unique among the curriculum's assignments."""
    title: str
    """What is asked."""
    module: Optional[Id] = None
    """Id of the module it belongs to."""
    output: Optional[Id] = None
    """Id of the output kind its product must be."""
    due_day: Optional[int] = None
    """Days after the cohort's start."""
    required: bool = True
    """Whether `assignments = "required"` in a completion rule names it."""
    min_status: Status = Status.ACCEPTED
    """The status its output must reach for the assignment to be done."""


@attrs.frozen
class Completion:
    """What one participant must reach to complete (also a `participants` result's criteria)."""

    assignments: Union[str, tuple[Id, ...], None] = None
    """`"required"` (every required assignment), a list of assignment ids, or None (no requirement)."""
    attendance: Optional[Quantity] = None
    """The least attendance, a percentage."""
    competencies: dict[Id, LevelRef] = attrs.Factory(dict)
    """Competency id to the least level, as a number or a level name."""


@attrs.frozen
class Result:
    """An expected result (indicator) promised to a funder."""

    id: Id
    """Unique among the curriculum's results."""
    statement: str
    """The promise, in words."""
    measure: Measure
    """How its actual value is computed."""
    target: Quantity
    """The value promised: a count, or a percentage where the measure allows."""
    baseline: Optional[float] = None
    """The value before the programme, reported as given."""
    baseline_date: Optional[dt.date] = None
    """When the baseline was measured; None means the cohort's start."""
    type: ResultType = ResultType.OUTPUT
    """Its place in the results chain: output, outcome, impact or other."""
    rollup: Optional[Rollup] = None
    """reported only: how cohorts add up into a programme total; None means sum."""
    due_day: Optional[int] = None
    """Days after the cohort's start; None means the cohort's end."""
    criteria: Optional[Completion] = None
    """participants: who counts; None means the curriculum's completion rule."""
    kinds: Optional[tuple[Id, ...]] = None
    """outputs, cadence: output kinds that count; None means all."""
    assignment: Optional[Id] = None
    """outputs: only outputs for this assignment."""
    min_status: Optional[Status] = None
    """outputs, cadence: the least status that counts; None means accepted."""
    modules: Optional[tuple[Id, ...]] = None
    """sessions, hours, attendance: only sessions of these modules."""
    every_days: Optional[int] = None
    """cadence: the length of a period in days (required for cadence)."""
    from_day: Optional[int] = None
    """cadence: the day the first period starts; None means 0."""
    per_period: Optional[int] = None
    """cadence: outputs a period needs; None means 1."""

    def filters(self) -> frozenset[str]:
        """The filter keys this result sets."""
        return frozenset(name for name in ALL_FILTERS if getattr(self, name) is not None)


@attrs.frozen
class Curriculum:
    """A training programme's design."""

    id: Id
    """The file's stem."""
    title: str
    """The programme's name."""
    summary: Optional[str] = None
    """What it is about."""
    organisation: Optional[str] = None
    """Who runs it."""
    language: Optional[str] = None
    """A BCP 47 tag such as `id` or `en`."""
    objectives: tuple[Objective, ...] = ()
    """Learning objectives."""
    competencies: tuple[Competency, ...] = ()
    """Skills rated on a scale."""
    modules: tuple[Module, ...] = ()
    """The programme's parts."""
    output_kinds: tuple[OutputKind, ...] = ()
    """Kinds of knowledge product."""
    assignments: tuple[Assignment, ...] = ()
    """Work each participant does."""
    completion: Completion = Completion(assignments="required")
    """What a participant must reach to complete; with no [completion] table, every required assignment."""
    results: tuple[Result, ...] = ()
    """Expected results promised to a funder."""


# --- cohort ------------------------------------------------------------------------------------


@attrs.frozen
class Person:
    """Someone in a cohort."""

    id: Id
    """Unique within the cohort."""
    name: str
    """As shown in reports."""
    role: Role
    """What they do in the cohort."""
    organisation: Optional[str] = None
    """Their organisation (an NGO, a union, a contingent)."""
    group: Optional[str] = None
    """Free text used to break reports down."""
    sex: Optional[Sex] = None
    """female, male or other; None means not recorded."""
    joined: Optional[dt.date] = None
    """Enrolled from this date; None means the cohort's start."""
    left: Optional[dt.date] = None
    """No longer enrolled from this date on."""
    contact: Optional[str] = None
    """Personal data: a phone number or an address."""


@attrs.frozen
class Session:
    """A mentoring or training session held."""

    date: dt.date
    """The day it was held."""
    mentor: Id
    """Id of the mentor or facilitator who held it."""
    hours: float
    """How long it lasted."""
    attended: tuple[Id, ...]
    """Participants who came."""
    expected: Optional[tuple[Id, ...]] = None
    """Participants expected; None means every participant enrolled that day."""
    modules: tuple[Id, ...] = ()
    """Modules it covered."""
    notes: Optional[str] = None
    """Free text."""
    follow_up: tuple[str, ...] = ()
    """Actions agreed."""


@attrs.frozen
class Output:
    """A record about a knowledge product."""

    date: dt.date
    """The day of this record."""
    participant: Id
    """Who made it."""
    kind: Id
    """Id of its output kind."""
    title: str
    """Its title."""
    id: Optional[Id] = None
    """Records sharing an id describe one output."""
    assignment: Optional[Id] = None
    """Id of the assignment it answers."""
    status: Status = Status.SUBMITTED
    """Where it stands in review as of this record."""
    url: Optional[str] = None
    """Where it is published."""
    reviewed_by: Optional[Id] = None
    """Id of the person who reviewed it."""
    notes: Optional[str] = None
    """Free text."""


@attrs.frozen
class Assessment:
    """A competency rating."""

    date: dt.date
    """The day of the rating."""
    participant: Id
    """Who was rated."""
    competency: Id
    """Id of the competency."""
    level: LevelRef
    """A level number or a level name of the competency's scale."""
    by: Id
    """"self", or the id of the person who rated."""
    notes: Optional[str] = None
    """Free text."""


@attrs.frozen
class Measurement:
    """A value observed by hand for a `reported` result."""

    date: dt.date
    """The day it was observed."""
    result: Id
    """Id of the result."""
    value: float
    """The value."""
    source: Optional[str] = None
    """Where the figure comes from."""
    notes: Optional[str] = None
    """Free text."""


@attrs.frozen
class Action:
    """A record about a follow-up action agreed in a reflection (CoRel): who does what by when.

    Records sharing an id describe one action, read in the order of outputs (by date, then log
    file name, then line): a key given on a later record replaces the earlier value, a key left out
    (None here) keeps it. The earliest record opens the action and must give its text."""

    id: Id
    """The action's id, shared by every record about it."""
    date: dt.date
    """The day of this record."""
    text: Optional[str] = None
    """What is to be done; None: not given on this record."""
    owner: Optional[Id] = None
    """Id of the person who does it (any role); None: not given on this record."""
    due: Optional[dt.date] = None
    """By when; None: not given on this record."""
    results: Optional[tuple[Id, ...]] = None
    """Ids of the results it addresses; None: not given on this record."""
    cause: Optional[str] = None
    """Why the gap it addresses arose; None: not given on this record."""
    status: Optional[ActionStatus] = None
    """Where it stands as of this record; None: not given (open on the earliest record)."""
    notes: Optional[str] = None
    """Free text."""


#: Record kinds by their table name in a log file.
RECORD_KINDS: dict[str, type] = {
    "session": Session,
    "output": Output,
    "assessment": Assessment,
    "measurement": Measurement,
    "action": Action,
}

#: Each record kind's field of `LogFile` (`[[session]]` records are in `LogFile.sessions`).
RECORD_TABLES: dict[str, str] = {
    "session": "sessions",
    "output": "outputs",
    "assessment": "assessments",
    "measurement": "measurements",
    "action": "actions",
}


@attrs.frozen
class LogFile:
    """One file of records under a cohort's `logs/`; records keep their order in the file."""

    path: str
    """Relative to the workspace, with forward slashes."""
    sessions: tuple[Session, ...] = ()
    """Its `[[session]]` records."""
    outputs: tuple[Output, ...] = ()
    """Its `[[output]]` records."""
    assessments: tuple[Assessment, ...] = ()
    """Its `[[assessment]]` records."""
    measurements: tuple[Measurement, ...] = ()
    """Its `[[measurement]]` records."""
    actions: tuple[Action, ...] = ()
    """Its `[[action]]` records."""
    skipped: dict[str, tuple[int, ...]] = attrs.Factory(dict)
    """Record kind to the positions of its records that could not be read (left out above)."""

    def position(self, kind: str, index: int) -> int:
        """Where the index-th record of a kind that was read stands among all that kind's records."""
        for skipped in self.skipped.get(kind, ()):
            if skipped <= index:
                index += 1
        return index


@attrs.frozen
class Cohort:
    """One run of a curriculum."""

    id: Id
    """The folder's name."""
    curriculum: Id
    """Id of the curriculum it runs."""
    start: dt.date
    """Day 0."""
    end: dt.date
    """The last day; the default due date of results."""
    title: Optional[str] = None
    """Its name."""
    location: Optional[str] = None
    """Where it runs."""
    organisation: Optional[str] = None
    """Who runs it."""
    funder: Optional[str] = None
    """Who pays for it."""
    iati_identifier: Optional[str] = None
    """Its IATI activity identifier (the reporting organisation's identifier, a hyphen, its own
    code), needed only by the IATI export."""
    targets: dict[Id, Quantity] = attrs.Factory(dict)
    """Result id to the target in force for this cohort."""
    people: tuple[Person, ...] = ()
    """Participants, mentors and the rest."""
    logs: tuple[LogFile, ...] = ()
    """The log files, sorted by path."""
    unread_people: dict[int, Optional[str]] = attrs.Factory(dict)
    """The `[[people]]` entries that could not be read (left out of `people`): each one's position
    among the entries, with its id when it has one, so that the checks know that id and do not
    fault every record naming it (the entry's own problems say what is wrong)."""

    def person_position(self, index: int) -> int:
        """Where the index-th person read stands among all the `[[people]]` entries."""
        for unread in sorted(self.unread_people):
            if unread <= index:
                index += 1
        return index

    @property
    def participants(self) -> tuple[Person, ...]:
        """Everyone with role participant, whether or not they have left."""
        return tuple(p for p in self.people if p.role is Role.PARTICIPANT)

    def enrolled(self, person: Person, day: dt.date) -> bool:
        """Whether a person is enrolled on a day (from `joined` until the day before `left`)."""
        joined = person.joined or self.start
        return joined <= day and (person.left is None or day < person.left)

    def enrolled_throughout(self) -> frozenset[str]:
        """Ids of the participants enrolled on every day from the start on (no later `joined`, no
        `left`): most of them, whose enrolment needs no look at a record's date after the start."""
        return frozenset(
            p.id for p in self.participants if p.left is None and (p.joined is None or p.joined <= self.start)
        )


@attrs.frozen
class Loaded:
    """Everything in a workspace that loaded (the door, `mentoring.Workspace`, adds its problems)."""

    curricula: dict[str, Curriculum] = attrs.Factory(dict)
    """By id."""
    cohorts: dict[str, Cohort] = attrs.Factory(dict)
    """By id; a cohort whose cohort.toml could not be read is absent."""
    unreadable: frozenset[str] = frozenset()
    """Ids of curricula whose file exists but could not be read (their problems say why)."""


# --- workspace settings ------------------------------------------------------------------------


class Lang(enum.Enum):
    """The language of report labels, statuses, dates and numbers."""

    EN = "en"
    ID = "id"


@attrs.frozen
class IatiSettings:
    """Who reports a workspace's activities to IATI (`[iati]` of `mentoring.toml`)."""

    reporting_org: str
    """The organisation's IATI identifier, such as `ID-AHU-1234`."""
    reporting_org_name: str
    """The organisation's name."""
    reporting_org_type: str
    """Its IATI OrganisationType code, such as `"22"` (national NGO)."""


@attrs.frozen
class Settings:
    """A workspace's settings: its `mentoring.toml`, which may be absent."""

    lang: Optional[Lang] = None
    """The language of report labels: `en` or `id`; None (not set) means `en`."""
    iati: Optional[IatiSettings] = None
    """Who reports to IATI; needed only by the IATI export."""


def level_number(competency: Competency, level: LevelRef) -> Optional[int]:
    """A level as a number on the competency's scale, or None when it is not on the scale."""
    if isinstance(level, str):
        return competency.levels.index(level) if level in competency.levels else None
    return level if 0 <= level < len(competency.levels) else None
