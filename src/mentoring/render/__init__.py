"""Figures to output. `Format` names every output format, once; `render` writes any view in any.

A view is a reading command's output: `tables` says once what it shows (a `Document` of typed
tables), `text` writes a Document as a terminal table, markdown or CSV (and each view's JSON from
its figures), `html` as a self-contained page, `xlsx` as a workbook. Nothing here computes a
figure, reads a workspace or decides whether to colour: the caller does.
"""

from __future__ import annotations

import importlib
from typing import Any, Optional, Union

from ..model import Word


class Format(Word):
    """An output format of the reading commands."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"
    HTML = "html"
    XLSX = "xlsx"


#: Formats written as text (the others: HTML is text too, but made by templates; XLSX is bytes).
TEXT_FORMATS = frozenset({Format.TABLE, Format.MARKDOWN, Format.CSV, Format.JSON})
#: Formats whose output is bytes, not text: never to a terminal.
BINARY_FORMATS = frozenset({Format.XLSX})

#: The format a file's suffix means, for `--output FILE` without `--format`.
SUFFIXES = {".txt": Format.TABLE, ".md": Format.MARKDOWN, ".csv": Format.CSV, ".json": Format.JSON,
            ".html": Format.HTML, ".htm": Format.HTML, ".xlsx": Format.XLSX}

#: View name -> the function making its Document in `tables`, the one writing its JSON in `text`,
#: the one writing its CSV in `text` (None: the Document's CSV table) and the one writing it as a
#: terminal table or markdown in `text` (None: the Document's tables and summary).
VIEWS = {
    "report": ("report", "report_json", "report_csv", None),
    "rollup": ("rollup", "rollup_json", "rollup_csv", None),
    "participants": ("participants", "participants_json", None, None),
    "cohorts": ("cohorts", "cohorts_json", None, None),
    "actions": ("actions", "actions_json", "actions_csv", None),
    "reflect": ("reflect", "reflect_json", "reflect_csv", "reflect_text"),
    "due": ("due", "due_json", "due_csv", None),
    "explain": ("explain", "explain_json", "explain_csv", None),
    "explain_participant": ("explain_participant", "explain_participant_json", "explain_participant_csv", None),
}


def format_of_suffix(name: str) -> Optional[Format]:
    """The format a file name's suffix means, or None."""
    dot = name.rfind(".")
    return SUFFIXES.get(name[dot:].lower()) if dot != -1 else None


def render(view: str, figures: Any, fmt: Union[Format, str], lang: object = "en", colour: bool = False) -> Union[str, bytes]:
    """A view of figures in a format and language: text, or bytes for XLSX.

    `figures` is what the view is made from (`Progress` for `report` and `participants`,
    `Overview` for `cohorts`, `Programme` for `rollup`, `FollowUp` for `actions`, `Reflection` for `reflect`, `DueList` for
    `due`, `Explanation` for `explain`, `ParticipantExplanation` for `explain_participant`); `lang` is `en` or `id` (JSON and CSV stay English); `colour`
    colours the statuses of a terminal table.
    """
    from ..errors import UsageError, enum_value
    from ..i18n import language

    fmt = enum_value(Format, fmt, "format")
    if view not in VIEWS:
        raise UsageError(f'view: expected one of {", ".join(VIEWS)}, got {view!r}')
    make_document, make_json, make_csv, make_text = VIEWS[view]
    text = importlib.import_module(f"{__name__}.text")
    if fmt is Format.JSON:
        return getattr(text, make_json)(figures)
    if fmt is Format.CSV and make_csv is not None:
        return getattr(text, make_csv)(figures)
    speech = language(lang)
    if fmt in (Format.TABLE, Format.MARKDOWN) and make_text is not None:
        return getattr(text, make_text)(figures, fmt, speech, colour)
    document = getattr(importlib.import_module(f"{__name__}.tables"), make_document)(figures)
    if fmt is Format.HTML:
        return importlib.import_module(f"{__name__}.html").page(document, speech)
    if fmt is Format.XLSX:
        return importlib.import_module(f"{__name__}.xlsx").workbook(document, speech)
    return text.render_document(document, fmt, speech, colour)
