"""A problem found in a workspace, and the one way a problem is written out."""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable
from typing import Optional, Union

import attrs

#: Where in a file's data a problem is: table and key names and array indices,
#: such as ("session", 3, "mentor") for the mentor of the fourth [[session]].
Keys = tuple[Union[str, int], ...]


class Severity(enum.Enum):
    """Errors mean the data cannot be trusted; warnings are worth a look."""

    ERROR = "error"
    WARNING = "warning"


@attrs.frozen
class Problem:
    """Something wrong with one place in one file."""

    path: str
    """The file, relative to the workspace, with forward slashes."""
    message: str
    """What is wrong and, where known, what was probably meant."""
    severity: Severity = Severity.ERROR
    """Error or warning."""
    keys: Keys = ()
    """Where in the file's data; the loader turns it into a line."""
    line: Optional[int] = None
    """1-based line, once located."""
    first: Keys = ()
    """For a duplicate, where the first one is: once located, the message ends `(first at line N)`."""

    @property
    def is_error(self) -> bool:
        """True for an error."""
        return self.severity is Severity.ERROR


def format_problem(problem: Problem) -> str:
    """`path:line: severity: message`, the one form every problem is shown in."""
    return f"{problem.path}:{problem.line or 1}: {problem.severity.value}: {problem.message}"


def did_you_mean(word: object, choices: Iterable[str]) -> str:
    """` (did you mean "x"?)` when a choice is close to the word, else an empty string."""
    if not isinstance(word, str):
        return ""
    choices = list(choices)
    # A key cut short ("due" for "due_day") is nearer than any that merely shares letters.
    longer = [choice for choice in choices if len(word) >= 3 and choice.startswith(word)]
    if len(longer) == 1:
        return f' (did you mean "{longer[0]}"?)'
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def count(problems: Iterable[Problem]) -> tuple[int, int]:
    """The number of errors and of warnings."""
    errors = warnings = 0
    for problem in problems:
        if problem.is_error:
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def plural(n: int, word: str) -> str:
    """`1 error`, `2 errors`."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
