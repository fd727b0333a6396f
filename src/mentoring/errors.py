"""The exceptions the library raises on purpose. Bad data is never one of them: it is a `Problem`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from .problems import Problem


class MentoringError(Exception):
    """The base of the library's own exceptions; the message is for the user as it is."""


class UsageError(MentoringError, ValueError):
    """A library function was called wrongly: an unknown cohort, a value of the wrong kind."""


class DataError(MentoringError):
    """The data asked about has errors, so no figures are given; `problems` says which."""

    def __init__(self, message: str, problems: Sequence["Problem"], summary: Optional[str] = None):
        super().__init__(message)
        self.problems = tuple(problems)
        self.summary = summary
        """What a command prints under the problems (default: "N errors: not reported on")."""


def enum_value(enum_type: type, value: object, what: str, allowed: Optional[Sequence[Any]] = None) -> Any:
    """A member of an enum from itself or its word, or a UsageError naming the words allowed
    (`allowed`: the members allowed here, when not all are)."""
    members = list(enum_type) if allowed is None else list(allowed)
    try:
        member = enum_type(value)
        if member in members:
            return member
    except ValueError:
        pass
    from .problems import did_you_mean

    words = [member.value for member in members]
    raise UsageError(f'{what}: expected one of {", ".join(words)}, got {value!r}{did_you_mean(value, words)}') from None
