"""Figures per period and programme rollups for people: in Indonesian, and in a workbook
(the fixtures of tests/test_periods.py and tests/test_rollup.py, whose docstrings work them out)."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from test_periods import ws  # noqa: F401 - the periods fixture workspace
from test_rollup import ws as programme  # noqa: F401

from mentoring.i18n import language

AS_OF = ("--as-of", "2015-09-30")


@pytest.fixture
def cli(ws, run, monkeypatch):  # noqa: F811
    """`cli(*args)` runs the command on the periods fixture."""
    monkeypatch.setenv("MENTORING_WORKSPACE", str(ws.root))
    monkeypatch.delenv("MENTORING_LANG", raising=False)
    return run


def test_period_names_in_each_language():
    """A quarter is 2015-Q1 in English and TW1 2015 (triwulan) in Indonesian; a month 2015-02 and
    Februari 2015; a year is its number."""
    day = dt.date(2015, 2, 10)
    assert [language("en").period(kind, day) for kind in ("month", "quarter", "year")] == ["2015-02", "2015-Q1", "2015"]
    assert [language("id").period(kind, day) for kind in ("month", "quarter", "year")] == ["Februari 2015", "TW1 2015", "2015"]


def test_period_rows_in_indonesian(cli):
    """complete, by quarter: Q1 (02-10 to 03-31) 1, +1, expected 2 x 49/191 = 0,5, on track; Q2 1,
    no change, 2 x 140/191 = 1,5, behind; Q3 2, +1, 2, met."""
    lines = cli("report", "k", *AS_OF, "--period", "quarter", "--lang", "id").stdout.splitlines()
    rows = [line.split() for line in lines if "TW" in line][:3]
    assert rows == [
        ["complete", "TW1", "2015", "10", "Februari", "2015", "31", "Maret", "2015", "1", "+1", "0,5", "sesuai", "jalur"],
        ["TW2", "2015", "1", "April", "2015", "30", "Juni", "2015", "1", "0", "1,5", "tertinggal"],
        ["TW3", "2015", "1", "Juli", "2015", "20", "Agustus", "2015", "2", "+1", "2", "tercapai"],
    ]


def test_periods_sheet_equals_the_json(cli, tmp_path):
    """The workbook's periods sheet has a row per result and quarter: its dates as dates and its
    actual, change and expected value as the JSON's numbers (a percentage as a fraction)."""
    results = json.loads(cli("report", "k", *AS_OF, "--period", "quarter", "--format", "json").stdout)["results"]
    assert cli("report", "k", *AS_OF, "--period", "quarter", "--output", str(tmp_path / "p.xlsx")).exit_code == 0
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    assert book.sheetnames == ["Expected results", "Figures per period"]
    sheet = book["Figures per period"]
    header = [cell.value for cell in sheet[5]]
    assert header == ["Id", "Period", "From", "To", "Actual", "Change", "Expected", "Status"]
    rows = list(sheet.iter_rows(min_row=6, values_only=True))
    wanted = [(r["id"], p) for r in results for p in r["periods"]]
    assert len(rows) == len(wanted) == 10 * 3
    unit = {r["id"]: r["unit"] for r in results}
    for row, (id_, period) in zip(rows, wanted):
        scale = 100 if unit[id_] == "percent" else 1
        assert (row[0], row[2], row[3]) == (id_, dt.datetime.fromisoformat(period["start"]), dt.datetime.fromisoformat(period["end"]))
        for value, key in zip(row[4:7], ("actual", "change", "expected")):
            assert (value is None and period[key] is None) or value * scale == pytest.approx(period[key])


def test_rollup_in_indonesian(programme, run, monkeypatch):  # noqa: F811
    """The programme's summary (only share met as of 03-31, 3 cohorts, 2 started) and its rows
    under a break-down by cohort: the programme's row is `semua`."""
    monkeypatch.setenv("MENTORING_WORKSPACE", str(programme.root))
    out = run("rollup", "prog", "--as-of", "2015-03-31", "--by", "cohort", "--lang", "id").stdout
    assert out.rstrip().endswith("1 dari 5 hasil tercapai (per 31 Maret 2015; 3 angkatan, 2 sudah mulai)")
    sessions = next(line for line in out.splitlines() if line.startswith("sessions "))
    assert sessions.split()[1] == "semua"
