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


def session(d: Any) -> Any:
    """A `[[session]]` record, or MISS."""
    if type(d) is not dict:
        return MISS
    try:
        date, mentor, hours, attended = d["date"], d["mentor"], d["hours"], d["attended"]
    except KeyError:
        return MISS
    hours, attended = _number(hours), _ids(attended)
    if type(date) is not _date or type(mentor) is not str or hours is MISS or attended is MISS:
        return MISS
    n = 4
    expected = d.get("expected")
    if expected is not None:
        n += 1
        if (expected := _ids(expected)) is MISS:
            return MISS
    modules = d.get("modules", _ABSENT)
    if modules is _ABSENT:
        modules = ()
    else:
        n += 1
        if (modules := _ids(modules)) is MISS:
            return MISS
    notes = d.get("notes")
    if notes is not None:
        n += 1
        if type(notes) is not str:
            return MISS
    follow_up = d.get("follow_up", _ABSENT)
    if follow_up is _ABSENT:
        follow_up = ()
    else:
        n += 1
        if (follow_up := _ids(follow_up)) is MISS:
            return MISS
    if n != len(d):
        return MISS
    return model.Session(date, mentor, hours, attended, expected, modules, notes, follow_up)


def _texts(d: dict, names: tuple[str, ...]) -> Optional[list[Any]]:
    """The optional text fields named, each None when absent; None when one is not text."""
    values = []
    for name in names:
        value = d.get(name)
        if value is not None and type(value) is not str:
            return None
        values.append(value)
    return values


def output(d: Any) -> Any:
    """An `[[output]]` record, or MISS."""
    if type(d) is not dict:
        return MISS
    try:
        date, participant, kind, title = d["date"], d["participant"], d["kind"], d["title"]
    except KeyError:
        return MISS
    if type(date) is not _date or type(participant) is not str or type(kind) is not str or type(title) is not str:
        return MISS
    n = 4
    id_ = d.get("id")
    if id_ is not None:
        n += 1
        if type(id_) is not str:
            return MISS
    assignment = d.get("assignment")
    if assignment is not None:
        n += 1
        if type(assignment) is not str:
            return MISS
    status = d.get("status", _ABSENT)
    if status is _ABSENT:
        status = model.Status.SUBMITTED
    else:
        n += 1
        if (status := _member(_STATUS, status)) is MISS:
            return MISS
    more = _texts(d, ("url", "reviewed_by", "notes"))
    if more is None:
        return MISS
    url, reviewed_by, notes = more
    if n + (url is not None) + (reviewed_by is not None) + (notes is not None) != len(d):
        return MISS
    return model.Output(date, participant, kind, title, id_, assignment, status, url, reviewed_by, notes)


def assessment(d: Any) -> Any:
    """An `[[assessment]]` record, or MISS."""
    if type(d) is not dict:
        return MISS
    try:
        date, participant, competency, level, by = d["date"], d["participant"], d["competency"], d["level"], d["by"]
    except KeyError:
        return MISS
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
    if type(d) is not dict:
        return MISS
    try:
        date, result, value = d["date"], d["result"], _number(d["value"])
    except KeyError:
        return MISS
    texts = _texts(d, ("source", "notes"))
    if type(date) is not _date or type(result) is not str or value is MISS or texts is None:
        return MISS
    if 3 + sum(text is not None for text in texts) != len(d):
        return MISS
    return model.Measurement(date, result, value, *texts)


def action(d: Any) -> Any:
    """An `[[action]]` record, or MISS."""
    if type(d) is not dict:
        return MISS
    try:
        id_, date = d["id"], d["date"]
    except KeyError:
        return MISS
    texts = _texts(d, ("text", "owner"))
    if type(id_) is not str or type(date) is not _date or texts is None:
        return MISS
    n = 2 + sum(text is not None for text in texts)
    due = d.get("due")
    if due is not None:
        n += 1
        if type(due) is not _date:
            return MISS
    results = d.get("results")
    if results is not None:
        n += 1
        if (results := _ids(results)) is MISS:
            return MISS
    cause = d.get("cause")
    status = d.get("status")
    if status is not None:
        n += 1
        if (status := _member(_ACTION_STATUS, status)) is MISS:
            return MISS
    notes = d.get("notes")
    if (cause is not None and type(cause) is not str) or (notes is not None and type(notes) is not str):
        return MISS
    if n + (cause is not None) + (notes is not None) != len(d):
        return MISS
    return model.Action(id_, date, *texts, due, results, cause, status, notes)


def person(d: Any) -> Any:
    """A `[[people]]` entry, or MISS."""
    if type(d) is not dict:
        return MISS
    try:
        id_, name, role = d["id"], d["name"], _member(_ROLE, d["role"])
    except KeyError:
        return MISS
    texts = _texts(d, ("organisation", "group"))
    if type(id_) is not str or type(name) is not str or role is MISS or texts is None:
        return MISS
    n = 3 + sum(text is not None for text in texts)
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
    contact = d.get("contact")
    if contact is not None:
        n += 1
        if type(contact) is not str:
            return MISS
    if n != len(d):
        return MISS
    return model.Person(id_, name, role, *texts, sex, joined, left, contact)


_FUNCTIONS: dict[type, Callable[[Any], Any]] = {
    model.Session: session, model.Output: output, model.Assessment: assessment,
    model.Measurement: measurement, model.Action: action, model.Person: person,
}


def structure_fn(cls: type) -> Optional[Callable[[Any], Any]]:
    """The plain structuring function of a class, or None (the converter's hook alone structures it)."""
    return _FUNCTIONS.get(cls)
