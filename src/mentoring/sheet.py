"""A spreadsheet's cells, row by row: a CSV file (as spreadsheets export it) or an XLSX workbook.

CSV is read as UTF-8 with or without a byte-order mark (or UTF-16 with one), with CRLF or LF line
ends, and with a comma, a semicolon (as Indonesian and other European spreadsheets export it) or a
tab between cells, whichever the first line holds most of. XLSX is read with openpyxl: the first
sheet, cell values as stored (text, numbers, dates). Row n of the result is row n as a spreadsheet
shows it, so that a problem can name the row to fix; a file that cannot be read is a problem, not
an exception.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import attrs

from .problems import Problem

#: Suffixes read as workbooks; anything else is read as delimited text.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
_DELIMITERS = (",", ";", "\t")


@attrs.frozen
class Sheet:
    """The cells of a spreadsheet, or the problem that stopped it being read."""

    path: str
    """The file as problems name it (as the user gave it)."""
    rows: tuple[tuple[Any, ...], ...] = ()
    """Each row's cell values (str for CSV; str, int, float, datetime, bool or None for XLSX);
    rows[0] is row 1, the header."""
    problems: tuple[Problem, ...] = ()
    """Why the file could not be read (nothing else is read then)."""


def read_sheet(path: Path, shown: str) -> Sheet:
    """The cells of a CSV or XLSX file; `shown` names it in problems."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Sheet(shown, problems=(Problem(shown, f"cannot be read ({exc.strerror or exc})", line=1),))
    if path.suffix.lower() == ".xls" or data.startswith(b"\xd0\xcf\x11\xe0"):
        return Sheet(shown, problems=(Problem(shown, "is an old Excel file (.xls): save it as .xlsx or as CSV UTF-8", line=1),))
    if path.suffix.lower() in WORKBOOK_SUFFIXES or data.startswith(b"PK\x03\x04"):
        return _read_workbook(data, shown)
    return _read_delimited(data, shown)


def _read_workbook(data: bytes, shown: str) -> Sheet:
    import openpyxl  # only when a workbook is read: it takes a while to import

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return Sheet(shown, problems=(Problem(shown, f"is not an XLSX workbook that can be read ({exc})", line=1),))
    try:
        rows = tuple(tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)) if book.worksheets else ()
    finally:
        book.close()
    return Sheet(shown, rows)


def _decode(data: bytes, shown: str) -> tuple[str, tuple[Problem, ...]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), ()
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return "", (Problem(shown, "is not UTF-8 text: save it from the spreadsheet as CSV UTF-8", line=line),)


def delimiter(first_line: str) -> str:
    """The delimiter a CSV file uses: the one of comma, semicolon and tab its first line holds most
    of outside quotes (a comma when it holds none)."""
    outside = "".join(part for n, part in enumerate(first_line.split('"')) if n % 2 == 0)
    return max(_DELIMITERS, key=lambda d: (outside.count(d), d == ","))


def _read_delimited(data: bytes, shown: str) -> Sheet:
    text, problems = _decode(data, shown)
    if problems:
        return Sheet(shown, problems=problems)
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(first))
    try:
        rows = tuple(tuple(row) for row in reader)
    except csv.Error as exc:
        return Sheet(shown, problems=(Problem(shown, f"is not CSV that can be read ({exc})", line=reader.line_num or 1),))
    return Sheet(shown, rows)
