"""`--format xlsx`: read back with openpyxl, every figure equals the JSON's (progress fixture of
tests/test_progress.py, as of 2015-01-20)."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import openpyxl
import pytest
from test_cli_output import ws  # noqa: F401 - the progress fixture as the workspace in use

from mentoring.model import DEFAULT_LEVELS

AS_OF = ("--as-of", "2015-01-20")


def book(run, tmp_path, *args: str) -> openpyxl.Workbook:
    """Run a command writing tmp_path/out.xlsx and open what it wrote."""
    target = tmp_path / "out.xlsx"
    out = run(*args, *AS_OF, "--output", str(target))
    assert out.exit_code == 0, out.output
    return openpyxl.load_workbook(target)


def table(sheet) -> tuple[int, list[dict]]:
    """The header row's number and the rows under it as dicts (header text to cell)."""
    top = next(n for n, row in enumerate(sheet.iter_rows(values_only=True), start=1) if row[0] in ("Id", "Kode", "Group"))
    header = [cell.value for cell in sheet[top]]
    return top, [dict(zip(header, row)) for row in sheet.iter_rows(min_row=top + 1)]


def test_report_figures_equal_the_json(ws, run, tmp_path):
    """Targets, actuals and gaps are numeric cells equal to the JSON's (a percentage stored as a
    fraction formatted as a percentage), statuses as words and due dates as dates."""
    results = json.loads(run("report", "k", *AS_OF, "--format", "json").stdout)["results"]
    sheet = book(run, tmp_path, "report", "k").worksheets[0]
    _, rows = table(sheet)
    assert [row["Id"].value for row in rows] == [r["id"] for r in results]
    for row, result in zip(rows, results):
        scale = 100 if result["unit"] == "percent" else 1
        for key in ("target", "actual", "gap"):
            cell = row[key.capitalize()]
            if result[key] is None:
                assert cell.value is None
            else:
                assert isinstance(cell.value, (int, float)) and cell.value * scale == pytest.approx(result[key])
                assert cell.number_format == {"percent": "0.0%", "hours": "#,##0.0", "count": "#,##0"}[result["unit"]]
        assert row["Status"].value == result["status"]
        assert row["Due"].value == dt.datetime.fromisoformat(result["due"])
        assert row["Due"].is_date


def test_title_and_as_of_on_top_above_a_frozen_header(ws, run, tmp_path):
    """A1 holds the title (the curriculum's, as the cohort has none), row 2 the as-of date as a date;
    the header row is frozen and carries a filter."""
    sheet = book(run, tmp_path, "report", "k").worksheets[0]
    top, _ = table(sheet)
    assert (sheet["A1"].value, sheet["A2"].value, sheet["B2"].value) == ("Progress fixture", "As of", dt.datetime(2015, 1, 20))
    assert sheet.freeze_panes == f"A{top + 1}"
    assert sheet.auto_filter.ref.startswith(f"A{top}:")


def test_participants_split_columns_equal_the_json(ws, run, tmp_path):
    """Assignments as two numbers, attendance a percentage, a competency as two columns of level names."""
    people = json.loads(run("participants", "k", *AS_OF, "--format", "json").stdout)["participants"]
    _, rows = table(book(run, tmp_path, "participants", "k").worksheets[0])
    for row, person in zip(rows, people, strict=True):
        assert row["Attendance"].value * 100 == pytest.approx(person["attendance"])
        assert (row["Assignments done"].value, row["Assignments required"].value) == (
            person["assignments_done"], person["assignments_required"])
        assert row["fb"].value == DEFAULT_LEVELS[person["competencies"]["fb"]]
        own = person["self_assessed"].get("fb")
        assert row["fb (self)"].value == (None if own is None else DEFAULT_LEVELS[own])
        assert row["Complete"].value == ("yes" if person["complete"] else "no")


def test_one_sheet_per_table(ws, run, tmp_path):
    """With --by group the report has the whole cohort's sheet and the groups' sheet (a row per group and result)."""
    workbook = book(run, tmp_path, "report", "k", "--by", "group")
    assert workbook.sheetnames == ["Expected results", "Expected results by group"]
    _, rows = table(workbook["Expected results by group"])
    assert len(rows) == 2 * 10  # groups A and B, ten results each


def test_indonesian_labels_and_dates(ws, run, tmp_path):
    """With --lang id the labels and statuses are Indonesian and dates are shown the Indonesian way;
    the values stay numbers and dates."""
    sheet = book(run, tmp_path, "cohorts", "--lang", "id").worksheets[0]
    top, rows = table(sheet)
    assert [c.value for c in sheet[top]] == ["Kode", "Kurikulum", "Mulai", "Berakhir", "Peserta", "Hasil tercapai",
                                             "Hasil", "Status"]
    row = rows[0]
    assert (row["Hasil tercapai"].value, row["Hasil"].value, row["Status"].value) == (3, 10, "berjalan")
    assert row["Mulai"].value == dt.datetime(2015, 1, 1) and row["Mulai"].number_format == "[$-421]d mmmm yyyy"


def test_the_same_input_gives_the_same_bytes(ws, run, tmp_path):
    """Two runs write identical files: the workbook's creation date is the as-of date, not the clock."""
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    run("participants", "k", *AS_OF, "--output", str(first))
    run("participants", "k", *AS_OF, "--output", str(second))
    assert first.read_bytes() == second.read_bytes()
    core = zipfile.ZipFile(io.BytesIO(first.read_bytes())).read("docProps/core.xml").decode()
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2015-01-20T00:00:00Z</dcterms:created>" in core


def test_a_title_too_long_for_a_sheet_name_gives_way_to_a_short_one(ws, run, tmp_path):
    """"Expected results by organisation" has 32 characters, one more than a sheet's name may hold:
    the sheet is named by the break-down's field instead; in Indonesian too."""
    assert book(run, tmp_path, "report", "k", "--by", "organisation").sheetnames == ["Expected results", "Organisation"]
    assert book(run, tmp_path, "report", "k", "--by", "group", "--lang", "id").sheetnames == [
        "Hasil yang diharapkan", "Kelompok"]  # "Hasil yang diharapkan per kelompok" has 34
