"""Figures to output. `Format` names every output format, once; `text` writes the text formats.

Nothing here computes a figure, reads a workspace or decides whether to colour: the caller does.
"""

from __future__ import annotations

from typing import Optional

from ..model import Word


class Format(Word):
    """An output format of the reading commands."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"


#: The format a file's suffix means, for `--output FILE` without `--format`.
SUFFIXES = {".txt": Format.TABLE, ".md": Format.MARKDOWN, ".csv": Format.CSV, ".json": Format.JSON}


def format_of_suffix(name: str) -> Optional[Format]:
    """The format a file name's suffix means, or None."""
    dot = name.rfind(".")
    return SUFFIXES.get(name[dot:].lower()) if dot != -1 else None
