"""Log records and people from parsed TOML without cattrs' per-field overhead, for the records that
fit; cattrs and its detailed errors for every other.

cattrs structures a record with one hook call per field (about 4 us for a session, 3 us for an
output: together a third of the tomli parse of the same files). Each function here is written out
for one class, its checks inline: it returns the object when every key is one of the class's
fields, every required one is present and every value is exactly of the type the converter would
accept, made as the converter would make it (the same float, the same interned ids); and MISS for
anything else, however small, so that the converter's hook, which the loader calls next, finds and
words whatever is wrong exactly as before.

Written out rather than generated, since the package runs no generated code. tests/test_flat.py
holds each function to cattrs on generated records (valid ones, and anything else TOML can hold)
and on every field given every kind of value; a field added to the model makes those tests fail
until the function here takes it.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections.abc import Callable
from typing import Any, Optional

from . import model


class _Miss:
    """Not a record these functions structure: the converter's hook decides."""

    def __repr__(self) -> str:
        return "MISS"


MISS: Any = _Miss()
_ABSENT = object()
#: An integer counts as a number within 64 bits (loader._is_number).
_LIMIT = 2**63
_date, _isfinite, _intern = dt.date, math.isfinite, sys.intern


def _ids(value: Any) -> Any:
    """A list of strings as the converter makes it: a tuple of interned strings; else MISS."""
    if type(value) is not list:
        return MISS
    try:
        return tuple(map(_intern, value))
    except TypeError:
        return MISS


def _optional_ids(d: dict, name: str, absent: Any) -> Any:
    """An optional list of ids: `absent` when not given, else as `_ids` makes it."""
    value = d.get(name, _ABSENT)
    return absent if value is _ABSENT else _ids(value)


def _number(value: Any) -> Any:
    """A finite float, or a 64-bit integer as a float; else MISS."""
    kind = type(value)
    if kind is float:
        return value if _isfinite(value) else MISS
    if kind is int and -_LIMIT < value < _LIMIT:
        return float(value)
    return MISS


def _members(enum_type: Any) -> dict[str, Any]:
    return {member.value: member for member in enum_type}


_STATUS, _ACTION_STATUS = _members(model.Status), _members(model.ActionStatus)
_ROLE, _SEX = _members(model.Role), _members(model.Sex)


def _member(members: dict[str, Any], value: Any) -> Any:
    return members.get(value, MISS) if type(value) is str else MISS


def _required(d: Any, names: tuple[str, ...]) -> Optional[list[Any]]:
    """The values of the required keys of a table; None when it is no table or one is missing."""
    if type(d) is not dict:
        return None
    try:
        return [d[name] for name in names]
    except KeyError:
        return None


def session(d: Any) -> Any:
    """A `[[session]]` record, or MISS."""
    if (got := _required(d, ("date", "mentor", "hours", "attended"))) is None:
        return MISS
    date, mentor, hours, attended = got
    hours, attended = _number(hours), _ids(attended)
    if type(date) is not _date or type(mentor) is not str or hours is MISS or attended is MISS:
        return MISS
    expected, modules, follow_up = (_optional_ids(d, "expected", None), _optional_ids(d, "modules", ()),
                                    _optional_ids(d, "follow_up", ()))
    notes = d.get("notes")
    if expected is MISS or modules is MISS or follow_up is MISS or (notes is not None and type(notes) is not str):
        return MISS
    if 4 + ("expected" in d) + ("modules" in d) + ("notes" in d) + ("follow_up" in d) != len(d):
        return MISS
    return model.Session(date, mentor, hours, attended, expected, modules, notes, follow_up)


def _texts(d: dict, names: tuple[str, ...]) -> Optional[list[Any]]:
    """The optional text fields named, each None when absent; None when one is not text."""
    values = [d.get(name) for name in names]
    for value in values:
        if value is not None and type(value) is not str:
            return None
    return values


def _given(values: list[Any]) -> int:
    """How many of the optional values were given."""
    return len(values) - values.count(None)


def output(d: Any) -> Any:
    """An `[[output]]` record, or MISS."""
    if (got := _required(d, ("date", "participant", "kind", "title"))) is None:
        return MISS
    date, participant, kind, title = got
    texts = _texts(d, ("id", "assignment", "url", "reviewed_by", "notes"))
    if (type(date) is not _date or type(participant) is not str or type(kind) is not str or type(title) is not str
            or texts is None):
        return MISS
    status = d.get("status", _ABSENT)
    if status is _ABSENT:
        status = model.Status.SUBMITTED
    elif (status := _member(_STATUS, status)) is MISS:
        return MISS
    if 4 + ("status" in d) + _given(texts) != len(d):
        return MISS
    id_, assignment, url, reviewed_by, notes = texts
    return model.Output(date, participant, kind, title, id_, assignment, status, url, reviewed_by, notes)


def assessment(d: Any) -> Any:
    """An `[[assessment]]` record, or MISS."""
    if (got := _required(d, ("date", "participant", "competency", "level", "by"))) is None:
        return MISS
    date, participant, competency, level, by = got
    if (type(date) is not _date or type(participant) is not str or type(competency) is not str
            or (type(level) is not int and type(level) is not str) or type(by) is not str):
        return MISS
    notes = d.get("notes")
    if notes is not None and type(notes) is not str:
        return MISS
    if 5 + (notes is not None) != len(d):
        return MISS
    return model.Assessment(date, participant, competency, level, by, notes)


def measurement(d: Any) -> Any:
    """A `[[measurement]]` record, or MISS."""
    if (got := _required(d, ("date", "result", "value"))) is None:
        return MISS
    date, result, value = got
    value = _number(value)
    texts = _texts(d, ("source", "notes"))
    if type(date) is not _date or type(result) is not str or value is MISS or texts is None:
        return MISS
    if 3 + _given(texts) != len(d):
        return MISS
    return model.Measurement(date, result, value, *texts)


def action(d: Any) -> Any:
    """An `[[action]]` record, or MISS."""
    if (got := _required(d, ("id", "date"))) is None:
        return MISS
    id_, date = got
    texts = _texts(d, ("text", "owner", "cause", "notes"))
    if type(id_) is not str or type(date) is not _date or texts is None:
        return MISS
    text, owner, cause, notes = texts
    n = 2 + _given(texts)
    due = d.get("due")
    if due is not None:
        n += 1
        if type(due) is not _date:
            return MISS
    if (results := _optional_ids(d, "results", None)) is not None:
        n += 1
        if results is MISS:
            return MISS
    status = d.get("status")
    if status is not None:
        n += 1
        if (status := _member(_ACTION_STATUS, status)) is MISS:
            return MISS
    if n != len(d):
        return MISS
    return model.Action(id_, date, text, owner, due, results, cause, status, notes)


def person(d: Any) -> Any:
    """A `[[people]]` entry, or MISS."""
    if (got := _required(d, ("id", "name", "role"))) is None:
        return MISS
    id_, name, role = got
    role = _member(_ROLE, role)
    texts = _texts(d, ("organisation", "group", "contact"))
    if type(id_) is not str or type(name) is not str or role is MISS or texts is None:
        return MISS
    organisation, group, contact = texts
    n = 3 + _given(texts)
    sex = d.get("sex")
    if sex is not None:
        n += 1
        if (sex := _member(_SEX, sex)) is MISS:
            return MISS
    joined, left = d.get("joined"), d.get("left")
    for day in (joined, left):
        if day is not None:
            n += 1
            if type(day) is not _date:
                return MISS
    if n != len(d):
        return MISS
    return model.Person(id_, name, role, organisation, group, sex, joined, left, contact)


_FUNCTIONS: dict[type, Callable[[Any], Any]] = {
    model.Session: session, model.Output: output, model.Assessment: assessment,
    model.Measurement: measurement, model.Action: action, model.Person: person,
}


def structure_fn(cls: type) -> Optional[Callable[[Any], Any]]:
    """The plain structuring function of a class, or None (the converter's hook alone structures it)."""
    return _FUNCTIONS.get(cls)
