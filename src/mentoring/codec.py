"""Model and figure objects as JSON values and back, by their types: for the caches, never for files
a person writes (those go through the loader and its detailed errors).

An attrs object is a list of its fields' values in field order; a date its ISO string; an enum its
value; a tuple a list; numbers, strings, booleans and None stay as they are, so an int comes back an
int and a float a float. Decoding is driven by the class's type hints, built once per type, and
raises (ValueError, TypeError, KeyError, IndexError) on anything of the wrong shape: a cache that
holds such a thing treats it as no entry at all.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import operator
import sys
import typing
from collections.abc import Callable
from typing import Any, Optional, Union

import attrs

Decoder = Optional[Callable[[Any], Any]]
"""How to turn a JSON value back into a value of a type; None: it is held as it is."""

_SCALARS = (str, int, float, bool, type(None))
_SCALAR_SET = frozenset(_SCALARS)


def encode(value: Any) -> Any:
    """A value as JSON holds it."""
    kind = type(value)
    if kind in _SCALAR_SET:  # most values: first, and with one look-up
        return value
    names = _field_names(kind)
    if names is not None:
        return [encode(getattr(value, name)) for name in names]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {key.value if isinstance(key, enum.Enum) else key: encode(item) for key, item in value.items()}
    return value


@functools.lru_cache(maxsize=None)
def _field_names(cls: type) -> Optional[tuple[str, ...]]:
    """The names of an attrs class's fields, in order; None for any other class."""
    return tuple(field.name for field in attrs.fields(cls)) if attrs.has(cls) else None


def optional_of(type_: Any) -> Any:
    """X for Optional[X], else None."""
    args = [arg for arg in typing.get_args(type_) if arg is not type(None)]
    return args[0] if typing.get_origin(type_) is Union and len(args) == 1 else None


def is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


@functools.lru_cache(maxsize=None)
def decoder(type_: Any) -> Decoder:
    """The decoder of a type (raises TypeError for a type it cannot decode)."""
    if type_ in _SCALARS or type_ is Any:
        return None
    if (inner_type := optional_of(type_)) is not None:
        inner = decoder(inner_type)
        return None if inner is None else lambda value: None if value is None else inner(value)
    if type_ is dt.date:
        return dt.date.fromisoformat
    if is_enum(type_):
        return type_
    origin, args = typing.get_origin(type_), typing.get_args(type_)
    if origin is Union:
        enums = [arg for arg in args if arg not in _SCALARS]
        if not enums:
            return None
        if len(enums) == 1 and is_enum(enums[0]) and str not in args and all(type(m.value) is str for m in enums[0]):
            member = enums[0]  # a text is the enum's value, any other scalar is itself
            return lambda value: member(value) if type(value) is str else value
        raise TypeError(f"no decoder for {type_!r}")
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            if args[0] is str or getattr(args[0], "__supertype__", None) is str:  # ids: one string in memory each
                return lambda value: tuple(map(sys.intern, value))
            item = decoder(args[0])
            return tuple if item is None else lambda value: tuple(map(item, value))
        items = [decoder(arg) for arg in args]

        def decode_tuple(value: Any) -> tuple:
            if len(value) != len(items):
                raise ValueError(f"a {type_!r} of the wrong length")
            return tuple(item if decode is None else decode(item) for decode, item in zip(items, value))

        return decode_tuple
    if origin is dict:
        key, item = decoder(args[0]), decoder(args[1])
        if key is None and item is None:
            return dict
        return lambda value: {(k if key is None else key(k)): (v if item is None else item(v)) for k, v in value.items()}
    if getattr(type_, "__supertype__", None) is not None:  # a NewType such as model.Id
        return decoder(type_.__supertype__)
    if attrs.has(type_):
        return _attrs_decoder(type_)
    raise TypeError(f"no decoder for {type_!r}")


def _attrs_decoder(cls: type) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(cls)
    fields = [field.name for field in attrs.fields(cls)]
    each = [(n, decode) for n, name in enumerate(fields) if (decode := decoder(hints[name])) is not None]
    size = len(fields)

    def decode(row: Any) -> Any:
        if type(row) is not list or len(row) != size:
            raise ValueError(f"a {cls.__name__} of the wrong shape")
        row = row.copy()
        for n, field_decoder in each:
            row[n] = field_decoder(row[n])
        return cls(*row)

    return decode


@functools.lru_cache(maxsize=None)
def row_encoder(cls: type) -> Callable[[Any], list[Any]]:
    """`encode` for objects of a flat attrs class (fields of scalars, dates, enums and tuples of
    them, as log records are), quicker: the fields are read in one go, and only the dates and enums
    converted (JSON writes tuples as lists)."""
    hints = typing.get_type_hints(cls)
    names = [field.name for field in attrs.fields(cls)]
    plain = [optional_of(hints[name]) or hints[name] for name in names]
    dates = [n for n, type_ in enumerate(plain) if type_ is dt.date]
    enums = [n for n, type_ in enumerate(plain) if is_enum(type_)]
    get = operator.attrgetter(*names) if len(names) > 1 else (lambda record: (getattr(record, names[0]),))

    def encode_row(record: Any) -> list[Any]:
        row = list(get(record))
        for n in dates:
            if row[n] is not None:
                row[n] = row[n].isoformat()
        for n in enums:
            if row[n] is not None:
                row[n] = row[n].value
        return row

    return encode_row


def decode(data: Any, type_: Any) -> Any:
    """A JSON value back into a value of the type."""
    found = decoder(type_)
    return data if found is None else found(data)
