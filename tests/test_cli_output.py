"""The reading commands' CSV for spreadsheets, `--output FILE`, and `--lang` (CLI.md, Reading).

On the progress fixture of tests/test_progress.py (cohort k, 2015-01-01 to 01-31): as of 01-20
p1 attended 3 of 3 sessions that expected her, p2 3 of 4, p3 1 of 2; only p1 has a1 accepted;
the mentor rates p1 2, p2 1 and p3 2 on fb, p1 and p2 rate themselves 3.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from test_cli_report import FILES

AS_OF = ("--as-of", "2015-01-20")


@pytest.fixture
def ws(workspace, monkeypatch, run):
    """The progress fixture as the workspace in use (set after `run` clears it); returns its folder."""
    root = workspace(FILES)
    monkeypatch.setenv("MENTORING_WORKSPACE", str(root))
    monkeypatch.delenv("MENTORING_LANG", raising=False)
    return root


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_participants_csv_has_numbers_a_spreadsheet_reads(ws, run):
    """as_of first; assignments as two numbers; a competency as ID and ID_self; empty cells, never `-`."""
    out = run("participants", "k", *AS_OF, "--format", "csv")
    assert out.exit_code == 0, out.output
    table = rows(out.stdout)
    assert table[0] == ["as_of", "id", "name", "group", "attendance", "assignments_done", "assignments_required",
                        "fb", "fb_self", "complete", "left"]
    # p2: 3 of 4 sessions = 75%; a1 only submitted: 0 of 1; mentor 1, self 3. p3 never rated herself.
    assert table[2] == ["2015-01-20", "p2", "Butet", "A", "75", "0", "1", "1", "3", "no", ""]
    assert table[3] == ["2015-01-20", "p3", "Cici", "B", "50", "0", "1", "2", "", "no", "2015-01-16"]
    assert "-" not in [cell for row in table[1:] for cell in row]


def test_cohorts_csv_gives_results_met_and_total_as_two_numbers(ws, run):
    """`results_met` and `results_total` are two columns (not "3 of 10"), after `as_of`."""
    table = rows(run("cohorts", *AS_OF, "--format", "csv").stdout)
    # met as of 01-20: share, sessions, early (see test_cli_report): 3 of the 10 results.
    assert table == [
        ["as_of", "id", "curriculum", "start", "end", "participants", "results_met", "results_total", "status"],
        ["2015-01-20", "k", "prog", "2015-01-01", "2015-01-31", "3", "3", "10", "running"],
    ]


def test_report_csv_starts_every_row_with_as_of_and_leaves_empty_cells_empty(ws, run):
    """Every row begins with the as-of date; the visitors result, never measured, has empty actual and gap."""
    table = rows(run("report", "k", *AS_OF, "--format", "csv").stdout)
    assert table[0][:2] == ["as_of", "id"]
    assert {row[0] for row in table[1:]} == {"2015-01-20"}
    visitors = dict(zip(table[0], next(row for row in table if row[1] == "visitors")))
    assert (visitors["actual"], visitors["gap"], visitors["baseline"]) == ("", "", "")


def test_table_numbers_have_separators_and_never_scientific_notation(workspace, run, monkeypatch):
    """A target of 300000000 prints as 300,000,000 (it printed 3e+08), and 300.000.000 in Indonesian;
    hours print with one decimal (8 hours as of 01-20: 2+3+1+2)."""
    files = dict(FILES, **{"curricula/prog.toml": FILES["curricula/prog.toml"].replace(
        'statement = "100 followers"\nmeasure = "reported"\ntarget = 100', 'statement = "Reach"\nmeasure = "reported"\ntarget = 300000000')})
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace(files)))
    monkeypatch.delenv("MENTORING_LANG", raising=False)
    en = run("report", "k", *AS_OF).stdout
    assert "300,000,000" in en and "e+" not in en
    assert " 8.0 " in next(line for line in en.splitlines() if line.startswith("hours"))
    assert "300.000.000" in run("report", "k", *AS_OF, "--lang", "id").stdout


def test_lang_id_translates_labels_statuses_dates_and_the_summary(ws, run):
    """In Indonesian the header, the statuses, the dates and the summary line are Indonesian."""
    out = run("report", "k", *AS_OF, "--lang", "id").stdout
    lines = out.splitlines()
    assert lines[0].split() == ["kode", "uraian", "ukuran", "target", "capaian", "proyeksi", "selisih", "status", "tenggat"]
    hours = next(line for line in lines if line.startswith("hours"))
    # 10 hours due; 8 held by 01-20, on track since 8 >= 10 x 19/30, heading for 8 x 30/19 = 12.6; due 01-31.
    assert hours.split()[3:] == ["jam", "10,0", "8,0", "12,6", "2,0", "sesuai", "jalur", "31", "Januari", "2015"]
    assert lines[-1] == "3 dari 10 hasil tercapai; 1 dari 3 peserta tuntas (per 20 Januari 2015, angkatan berjalan)"


@pytest.mark.parametrize("command", [["report", "k"], ["participants", "k"], ["cohorts"]])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_csv_and_json_stay_english(ws, run, command, fmt):
    """CSV and JSON are the same whatever the language."""
    english = run(*command, *AS_OF, "--format", fmt).stdout
    assert run(*command, *AS_OF, "--format", fmt, "--lang", "id").stdout == english


def test_the_language_comes_from_the_environment_unless_given(ws, run, monkeypatch):
    """MENTORING_LANG sets the language; --lang overrides it; a language that does not exist is a usage error."""
    monkeypatch.setenv("MENTORING_LANG", "id")
    assert run("cohorts", *AS_OF).stdout.startswith("kode")
    assert run("cohorts", *AS_OF, "--lang", "en").stdout.startswith("id ")
    monkeypatch.setenv("MENTORING_LANG", "fr")
    out = run("cohorts", *AS_OF)
    assert (out.exit_code, out.stderr.strip()) == (2, "mentoring: error: $MENTORING_LANG: expected one of en, id, got 'fr'")
    out = run("cohorts", *AS_OF, "--lang", "ind")
    assert (out.exit_code, out.stderr.strip()) == (
        2, "mentoring: error: --lang: expected one of en, id, got 'ind' (did you mean \"id\"?)")


@pytest.mark.parametrize("name, first", [
    ("r.txt", "id  "), ("r.md", "| id "), ("r.csv", "as_of,id,"), ("r.json", "{"), ("r.html", "<!DOCTYPE html>"),
    ("r.htm", "<!DOCTYPE html>"), ("R.HTML", "<!DOCTYPE html>"),
])
def test_output_format_follows_the_suffix(ws, run, tmp_path, name, first):
    """--output writes the file in the format its suffix names, and prints nothing."""
    out = run("report", "k", *AS_OF, "--output", str(tmp_path / name))
    assert (out.exit_code, out.stdout) == (0, "")
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(first)


def test_format_wins_over_the_suffix_and_the_file_matches_standard_output(ws, run, tmp_path):
    """With --format the suffix does not matter; the file holds exactly what would be printed."""
    target = tmp_path / "figures.txt"
    assert run("report", "k", *AS_OF, "--format", "json", "--output", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == run("report", "k", *AS_OF, "--format", "json").stdout
    assert json.loads(target.read_text(encoding="utf-8"))["as_of"] == "2015-01-20"


def test_an_unknown_suffix_without_format_is_a_usage_error_and_writes_nothing(ws, run, tmp_path):
    """`--output r.pdf` cannot say a format: exit 2, the suffixes listed, no file made."""
    out = run("report", "k", *AS_OF, "--output", str(tmp_path / "r.pdf"))
    assert out.exit_code == 2
    assert "does not say a format by its suffix (.txt, .md, .csv, .json, .html, .htm, .xlsx); give --format" in out.stderr
    assert list(tmp_path.glob("r.pdf*")) == []


def test_xlsx_to_a_terminal_is_refused(ws, run):
    """--format xlsx without --output is a usage error that says to give a file."""
    out = run("participants", "k", *AS_OF, "--format", "xlsx")
    assert (out.exit_code, out.stdout) == (2, "")
    assert "give --output FILE.xlsx" in out.stderr


def test_output_replaces_a_file_whole_and_leaves_no_temporary_file(ws, run, tmp_path):
    """Writing over an existing file replaces it (nothing of the old left), with no temporary file beside it."""
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "r.csv"
    target.write_text("old text that is longer than nothing\n" * 500, encoding="utf-8")
    assert run("cohorts", *AS_OF, "--output", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8").splitlines()[0].startswith("as_of,id,")
    assert "old text" not in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["r.csv"]


def test_output_into_a_missing_folder_is_a_usage_error(ws, run, tmp_path):
    """A folder that does not exist is named in one line, exit 2, no traceback."""
    out = run("report", "k", *AS_OF, "--output", str(tmp_path / "nowhere" / "r.html"))
    assert out.exit_code == 2
    assert out.stderr.strip() == f"mentoring: error: --output: no folder {tmp_path / 'nowhere'} to write r.html in"


def test_a_report_refused_for_errors_writes_no_file(workspace, run, monkeypatch, tmp_path):
    """When the cohort has errors the report exits 1 and the file is not made (nor an old one changed)."""
    from test_progress import SESSIONS

    files = dict(FILES, **{"cohorts/k/logs/m.toml": SESSIONS.replace('mentor = "m"', 'mentor = "p1"', 1)})
    monkeypatch.setenv("MENTORING_WORKSPACE", str(workspace(files)))
    target = tmp_path / "kept.html"
    target.write_text("the report of last week", encoding="utf-8")
    assert run("report", "k", *AS_OF, "--output", str(target)).exit_code == 1
    assert target.read_text(encoding="utf-8") == "the report of last week"


def test_the_workspace_language_comes_after_the_option_and_the_environment(workspace, run, monkeypatch):
    """`lang = "id"` in mentoring.toml makes reports Indonesian; MENTORING_LANG and --lang come first;
    JSON stays English whatever the workspace says."""
    root = workspace(dict(FILES, **{"mentoring.toml": 'lang = "id"\n'}))
    monkeypatch.setenv("MENTORING_WORKSPACE", str(root))
    monkeypatch.delenv("MENTORING_LANG", raising=False)
    assert run("cohorts", *AS_OF).stdout.startswith("kode")
    assert run("cohorts", *AS_OF, "--format", "json").stdout.lstrip("[\n ").startswith('{\n    "id": "k"')
    assert run("cohorts", *AS_OF, "--lang", "en").stdout.startswith("id ")
    monkeypatch.setenv("MENTORING_LANG", "en")
    assert run("cohorts", *AS_OF).stdout.startswith("id ")
