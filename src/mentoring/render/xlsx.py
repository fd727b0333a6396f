"""A Document as an XLSX workbook (XlsxWriter): one sheet per table, numbers as numbers.

Each sheet starts with the cohort's title, the as-of date and the summary, then the table under a
frozen header row with a filter. Numbers are numeric cells with a number format (a percentage is
stored as a fraction, 0.882, formatted `0.0%`), dates are date cells, a split column (`3 of 4`, a
level beside its self-assessment) is two columns. Labels follow the language, as in HTML. The
same Document always gives the same bytes: the workbook's dates are the as-of date.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from typing import Any

import xlsxwriter

from ..i18n import Language, capital
from ..model import Lang
from .tables import SPLIT, Amount, Column, Document, Kind, Level, Table, split_cell, split_parts
from .text import cell, heading

#: Excel's own format for a date in each language ([$-421] is Indonesian: `31 Maret 2015`).
DATE_FORMATS = {Lang.EN: "yyyy-mm-dd", Lang.ID: "[$-421]d mmmm yyyy"}
NUMBER_FORMATS = {"count": "#,##0", "fraction": "#,##0.0", "hours": "#,##0.0", "percent": "0.0%"}
#: Characters a sheet name may not hold, and its longest length.
_NOT_IN_NAMES = re.compile(r"[\[\]:*?/\\]")
_NAME_LENGTH = 31


class _Formats:
    """The workbook's cell formats, made once each."""

    def __init__(self, book: xlsxwriter.Workbook, language: Language):
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.label = book.add_format({"font_color": "#57606a"})
        self.header = book.add_format({"bold": True, "bottom": 2, "bg_color": "#f6f8fa", "text_wrap": True, "valign": "top"})
        self.text = book.add_format({"valign": "top"})
        self.wrap = book.add_format({"valign": "top", "text_wrap": True})
        self.date = book.add_format({"valign": "top", "num_format": DATE_FORMATS[language.code], "align": "left"})
        self.numbers = {unit: book.add_format({"valign": "top", "num_format": code}) for unit, code in NUMBER_FORMATS.items()}

    def number(self, value: float, unit: str) -> Any:
        if unit == "count" and not float(value).is_integer():
            return self.numbers["fraction"]
        return self.numbers[unit]


def sheet_name(title: str, taken: set[str]) -> str:
    """A sheet's name from a title: without the characters Excel refuses, at most 31 long, unique."""
    name = _NOT_IN_NAMES.sub(" ", title)[:_NAME_LENGTH].strip() or "sheet"
    base, n = name, 2
    while name.lower() in taken:
        suffix = f" {n}"
        name, n = base[:_NAME_LENGTH - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def workbook(doc: Document, language: Language) -> bytes:
    """The Document as the bytes of an .xlsx file."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    made = dt.datetime.combine(doc.as_of, dt.time())
    title = doc.about.title if doc.about else capital(language.gettext(doc.title))
    book.set_properties({"title": title, "subject": language.gettext(doc.title), "created": made,
                         "author": "mentoring", "comments": ""})
    book.set_custom_property("as_of", made)
    formats = _Formats(book, language)
    taken: set[str] = set()
    for table in doc.tables:
        title_ = language.gettext(table.title)
        if len(title_) > _NAME_LENGTH and table.short:
            title_ = language.gettext(table.short)
        sheet = book.add_worksheet(sheet_name(capital(title_), taken))
        _write_sheet(sheet, doc, table, title, language, formats)
    book.close()
    return out.getvalue()


def _write_sheet(sheet: Any, doc: Document, table: Table, title: str, language: Language, formats: _Formats) -> None:
    """One table on its sheet, under the title, the as-of date, the lines above the tables and the summary."""
    sheet.write_string(0, 0, title, formats.title)
    sheet.write_string(1, 0, capital(language.gettext("as of")), formats.label)
    sheet.write_datetime(1, 1, dt.datetime.combine(doc.as_of, dt.time()), formats.date)
    row = 2
    for line in (*doc.lead, *doc.summary):
        sheet.write_string(row, 0, language.say(line))
        row += 1
    top = row + 1
    widths: list[int] = []
    col = 0
    for column in table.columns:
        for label in _headings(column, language):
            sheet.write_string(top, col, label, formats.header)
            widths.append(len(label))
            col += 1
    for n, values in enumerate(table.rows, start=top + 1):
        col = 0
        for column, value in zip(table.columns, values):
            for part in _cells(column, value, language):
                shown = _write(sheet, n, col, column, part, language, formats)
                widths[col] = max(widths[col], len(shown))
                col += 1
    for col, width in enumerate(widths):
        wide = width > 50
        sheet.set_column(col, col, min(width, 50) + 2, formats.wrap if wide else None)
    sheet.freeze_panes(top + 1, 0)
    if table.rows:
        sheet.autofilter(top, 0, top + len(table.rows), len(widths) - 1)


def _headings(column: Column, language: Language) -> list[str]:
    """The column's heading, or the two headings of a split column."""
    shown = (lambda text: text) if column.raw else capital
    own = shown(heading(column, language))
    if column.kind not in SPLIT:
        return [own]
    return [own if label is None else shown(language.format(label, label=own)) for _, label in split_parts(column)]


def _cells(column: Column, value: Any, language: Language) -> list[Any]:
    """The cell, or the two cells of a split column (a level as its scale's names)."""
    if column.kind not in SPLIT:
        return [value]
    if value is None:
        return [None, None]
    parts = split_cell(column, value)
    if column.kind is Kind.LEVEL:
        assert isinstance(value, Level)
        return [None if part is None else language.level(value.scale, part) for part in parts]
    return list(parts)


def _write(sheet: Any, row: int, col: int, column: Column, value: Any, language: Language, formats: _Formats) -> str:
    """Write one cell as the kind it is; return the text it shows, for the column's width."""
    if value is None or value == "" or (column.kind is Kind.IDS and not value):
        sheet.write_blank(row, col, None, formats.text)
        return ""
    if isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), formats.date)
        return language.date(value)
    if column.kind in (Kind.NUMBER, Kind.OF) and not isinstance(value, str):
        amount = value if isinstance(value, Amount) else Amount(value)
        if amount.value is None or not math.isfinite(amount.value):
            sheet.write_blank(row, col, None, formats.text)
            return ""
        number = amount.value / 100 if amount.unit == "percent" else amount.value
        sheet.write_number(row, col, number, formats.number(amount.value, amount.unit))
        return language.number(amount.value, amount.unit)
    shown = value if column.kind in SPLIT else cell(column, value, language, fmt="xlsx")
    sheet.write_string(row, col, shown, formats.wrap if column.wide else formats.text)
    return shown
