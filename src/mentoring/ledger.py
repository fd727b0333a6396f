"""Why each record counts towards a figure, or why not: noted by the engine as it computes the
figure, when asked (`mentoring explain`).

The engine (`progress.Facts`, `progress.Scope`) takes an optional `Ledger`; left None, as for
every report, nothing is noted and nothing else changes. Given one, each decision the engine makes
about a record (left out for its date, outside the modules, superseded, counted with this weight)
is noted where it is made, so that an explanation can never disagree with the figure it explains.

Pure: no I/O, no formatting. The reasons are a fixed list of English phrases (`Reason`), which
docs/reports.md gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple, Optional, Union


from .i18n import N_
from .model import Word


class Reason(Word):
    """Why a record does not count towards a figure (docs/reports.md, "Where does this number come from?")."""

    AFTER = N_("dated after as-of")
    """The record is dated after the date the figure is as of."""
    OUTSIDE_MODULES = N_("outside the modules")
    """A session of none of the modules the result names."""
    NOT_EXPECTED = N_("not expected")
    """A session that expected no one the figure is about (a group, one participant)."""
    OTHER_KIND = N_("another kind")
    """An output of a kind the result does not name."""
    OTHER_ASSIGNMENT = N_("another assignment")
    """An output for another assignment than the one the result names (or for none)."""
    OUTSIDE_GROUP = N_("made outside the group")
    """An output made by a participant outside the group explained."""
    BELOW_MIN_STATUS = N_("status below min_status")
    """The record that gives the output's status gives one below the least that counts."""
    SUPERSEDED = N_("superseded by a later record of the same output")
    """A later record (as of the date) of the same output gives its status."""
    NO_CLOSED_PERIOD = N_("in no closed period")
    """An output dated in no cadence period that has closed (before the first, or in one still open)."""
    LATER_MEASUREMENT = N_("a later measurement supersedes it")
    """A later measurement of the same result gives its value."""
    WHOLE_COHORT = N_("a measurement is of the whole cohort")
    """A group has no share of a measurement."""
    ASSIGNMENT_NOT_DONE = N_("assignment not done")
    """A participant's best output for an assignment the rule names is below its min_status, or missing."""
    ATTENDANCE_BELOW = N_("attendance below the least")
    """A participant's attendance is below the rule's least attendance, or empty."""
    LEVEL_BELOW = N_("competency below the level")
    """A participant's mentor-assessed level of a competency the rule names is below the least, or missing."""
    LATER_ASSESSMENT = N_("a later assessment supersedes it")
    """A later assessment (not by "self") of the same competency gives the level."""
    SELF_ASSESSED = N_("a self-assessment")
    """Self-assessments are reported beside the level, never counted."""


#: Why a thing is left out: a reason, or a reason and what it is about (a requirement's id); None when kept.
Refusal = Union[Reason, tuple[Reason, str], None]


class Entry(NamedTuple):
    """The engine's decision about one record (a named tuple: one is made per record looked at)."""

    record: Any
    """The record (a session, an output record, an assessment, a measurement, a person)."""
    counted: bool
    """Whether it counted towards the figure."""
    weight: Any = None
    """What it added when counted: 1, a session's hours, a `Tally` of places attended and
    expected, a measurement's value, a level."""
    reason: Optional[Reason] = None
    """Why it did not count; None when it did."""
    detail: Optional[str] = None
    """What the reason is about, when it names one thing: a requirement's id, a cadence period's start."""


#: An entry's fields as a plain tuple: (record, counted, weight, reason, detail).
Noted = tuple[Any, bool, Any, Optional[Reason], Optional[str]]


class Ledger:
    """The decisions about records, noted as the engine makes them, by record (its identity).

    A record is noted once: the first decision stands (a record left out for its date is not
    looked at again)."""

    def __init__(self) -> None:
        self._noted: dict[int, Noted] = {}

    def skip(self, record: Any, reason: Reason, detail: Optional[str] = None) -> None:
        """A record looked at and not counted, and why."""
        if id(record) not in self._noted:
            self._noted[id(record)] = (record, False, None, reason, detail)

    def skip_all(self, records: Iterable[Any], reason: Reason) -> None:
        """Records looked at and not counted, all for one reason."""
        noted = self._noted
        for record in records:
            if id(record) not in noted:
                noted[id(record)] = (record, False, None, reason, None)

    def weigh(self, records: Sequence[Any], weights: Sequence[Any], detail: Optional[str] = None) -> None:
        """Records that counted, each with what it added to the figure."""
        noted = self._noted
        for record, weight in zip(records, weights):
            if id(record) not in noted:
                noted[id(record)] = (record, True, weight, None, detail)

    def sieve(self, why: Callable[[Any], Refusal], of: Optional[Callable[[Any], Any]] = None) -> Callable[[Any], Refusal]:
        """A test that gives the reason a thing is left out (None when it is kept), made to note
        each reason it gives: against the thing itself, or against the record `of(thing)` names
        (the record that gives a merged output its status)."""

        def noted(thing: Any) -> Refusal:
            refusal = why(thing)
            if refusal is not None:
                reason, detail = refusal if isinstance(refusal, tuple) else (refusal, None)
                self.skip(thing if of is None else of(thing), reason, detail)
            return refusal

        return noted

    def noted(self, about: Optional[Callable[[Any], bool]] = None) -> list[Noted]:
        """The decisions noted, in the order they were made, each as the fields of an `Entry`
        (a plain tuple, for the many an explanation reads), only those about the records that
        `about` keeps when given."""
        return [noted for noted in self._noted.values() if about is None or about(noted[0])]

    def entries(self, about: Optional[Callable[[Any], bool]] = None) -> list[Entry]:
        """The decisions noted, as entries (see `noted`)."""
        return [Entry._make(noted) for noted in self.noted(about)]

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries())

    def __len__(self) -> int:
        return len(self._noted)
