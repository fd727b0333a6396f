"""The plain structuring functions (mentoring.flat) give exactly what cattrs gives, or step aside.

On generated records, valid ones and anything else TOML can hold, a flat class's plain function
either returns MISS or an object equal to (and of the same types as) the one cattrs' own hook
builds; on valid records it never steps aside. The bad-input corpus (tests/test_bad.py) goes
through the loader with the plain functions in place, so every message there is still cattrs'.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import typing

import attrs
import pytest
from cattrs.gen import make_dict_structure_fn
from hypothesis import given, settings
from hypothesis import strategies as st

from mentoring import flat, loader, model
from mentoring.codec import optional_of

FLAT = [model.Session, model.Output, model.Assessment, model.Measurement, model.Action, model.Person]


def test_the_record_kinds_and_people_have_plain_functions():
    """Every log record kind and Person has a plain function; the classes read once a file (cohorts, results) have none."""
    assert all(flat.structure_fn(cls) is not None for cls in [*model.RECORD_KINDS.values(), model.Person])
    assert flat.structure_fn(model.Cohort) is None and flat.structure_fn(model.Result) is None


def valid_value(type_):
    """Values the converter accepts for a field's type, as TOML gives them."""
    inner = optional_of(type_)
    if inner is not None:
        return valid_value(inner)
    if type_ in (str, model.Id):
        return st.text(max_size=8)
    if type_ is bool:
        return st.booleans()
    if type_ is int:
        return st.integers()
    if type_ is float:
        return st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(2**63) + 1, 2**63 - 1)
    if type_ is dt.date:
        return st.dates()
    if type_ == model.LevelRef:
        return st.integers() | st.text(max_size=8)
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return st.sampled_from([member.value for member in type_])
    if typing.get_origin(type_) is tuple:
        return st.lists(st.text(max_size=6), max_size=5)
    raise AssertionError(type_)


@st.composite
def valid_record(draw, cls):
    hints = typing.get_type_hints(cls)
    record = {}
    for field in attrs.fields(cls):
        if field.default is attrs.NOTHING or draw(st.booleans()):
            record[field.name] = draw(valid_value(hints[field.name]))
    return record


#: Anything TOML can give as a value.
ANY = st.recursive(
    st.text(max_size=6) | st.integers() | st.integers(min_value=2**62, max_value=2**70) | st.booleans()
    | st.floats() | st.dates() | st.datetimes() | st.times() | st.sampled_from(["met", "draft", "self", "female", "1"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=2),
    max_leaves=6,
)


@st.composite
def any_record(draw, cls):
    names = [field.name for field in attrs.fields(cls)]
    keys = draw(st.lists(st.sampled_from([*names, "extra", "Date"]), unique=True))
    record = draw(valid_record(cls))
    for key in keys:
        record[key] = draw(ANY)
    for key in draw(st.lists(st.sampled_from(names), unique=True, max_size=2)):
        record.pop(key, None)
    return record


def by_cattrs(cls, record):
    """The converter's own structuring of a record (no plain function), or the exception it raises."""
    try:
        return make_dict_structure_fn(cls, loader.converter)(record, cls)
    except Exception as exc:  # noqa: BLE001 - any failure means the plain function must step aside
        return exc


def same(a, b) -> bool:
    return a == b and repr(a) == repr(b)


@pytest.mark.parametrize("cls", FLAT, ids=lambda cls: cls.__name__)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_valid_records_come_out_as_cattrs_makes_them(cls, data):
    """A valid record: the plain function never steps aside, and gives what cattrs gives, types included."""
    record = data.draw(valid_record(cls))
    quick = flat.structure_fn(cls)(record)
    assert quick is not flat.MISS, record
    assert same(quick, by_cattrs(cls, record))


@pytest.mark.parametrize("cls", FLAT, ids=lambda cls: cls.__name__)
@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_anything_else_is_left_to_cattrs_or_made_as_cattrs_makes_it(cls, data):
    """Any record at all: the plain function steps aside (MISS) whenever cattrs refuses it, and
    otherwise gives what cattrs gives."""
    record = data.draw(any_record(cls))
    quick = flat.structure_fn(cls)(record)
    slow = by_cattrs(cls, record)
    if isinstance(slow, Exception):
        assert quick is flat.MISS, (record, quick)
    elif quick is not flat.MISS:
        assert same(quick, slow), record


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 2**63, -(2**63), True, "2", dt.datetime(2015, 3, 5, 10)])
def test_hours_that_are_no_number_of_hours_are_left_to_cattrs(value):
    """Not finite, beyond 64 bits, a boolean, a string, a date-time: cattrs words each problem, so the plain function steps aside."""
    record = {"date": dt.date(2015, 3, 5), "mentor": "m", "hours": value, "attended": []}
    assert flat.structure_fn(model.Session)(record) is flat.MISS
    assert isinstance(by_cattrs(model.Session, record), Exception)
    assert math.isfinite(flat.structure_fn(model.Session)({**record, "hours": 2**63 - 1}).hours)


def sample(type_):
    """One value the converter accepts for a field's type."""
    inner = optional_of(type_)
    type_ = inner if inner is not None else type_
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return next(iter(type_)).value
    if typing.get_origin(type_) is tuple:
        return ["a"]
    return {str: "a", model.Id: "a", bool: True, int: 1, float: 1.5, dt.date: dt.date(2015, 1, 2)}.get(type_, 1)


#: One value of every kind TOML gives, for every field in turn.
KINDS = [True, False, 0, 7, 2**63, -(2**64), 1.5, float("nan"), float("-inf"), "", "a", "met", "self", "required",
         dt.date(2015, 1, 2), dt.datetime(2015, 1, 2, 3, 4), dt.time(3, 4), [], ["a"], [1], ["a", 2], {}, {"a": 1}]


@pytest.mark.parametrize("cls", FLAT, ids=lambda cls: cls.__name__)
def test_each_field_given_each_kind_of_value(cls):
    """Every field of every flat class given every kind of value in turn (the other fields valid):
    the plain function steps aside whenever cattrs refuses, and otherwise gives what cattrs gives."""
    hints = typing.get_type_hints(cls)
    base = {field.name: sample(hints[field.name]) for field in attrs.fields(cls)}
    assert same(flat.structure_fn(cls)(base), by_cattrs(cls, base))
    for field in attrs.fields(cls):
        for value in KINDS:
            record = {**base, field.name: value}
            quick, slow = flat.structure_fn(cls)(record), by_cattrs(cls, record)
            if isinstance(slow, Exception):
                assert quick is flat.MISS, (field.name, value)
            else:
                assert same(quick, slow), (field.name, value)
