"""The exceptions the library raises on purpose. Bad data is never one of them: it is a `Problem`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .problems import Problem


class MentoringError(Exception):
    """The base of the library's own exceptions; the message is for the user as it is."""


class UsageError(MentoringError, ValueError):
    """A library function was called wrongly: an unknown cohort, a value of the wrong kind."""


class DataError(MentoringError):
    """The data asked about has errors, so no figures are given; `problems` says which."""

    def __init__(self, message: str, problems: Sequence["Problem"]):
        super().__init__(message)
        self.problems = tuple(problems)


def enum_value(enum_type: type, value: object, what: str) -> Any:
    """A member of an enum from itself or its word, or a UsageError naming the words allowed."""
    try:
        return enum_type(value)
    except ValueError:
        from .problems import did_you_mean

        words = [member.value for member in enum_type]
        raise UsageError(f'{what}: expected one of {", ".join(words)}, got {value!r}{did_you_mean(value, words)}') from None
