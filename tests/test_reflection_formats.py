"""`actions`, `reflect` and `due` in Indonesian, as HTML pages and as workbooks (CLI.md: `--lang`,
`--format html|xlsx`, `--output`). The workspace is conftest's minimal programme with the plan of
tests/test_actions.py, whose docstrings work the actions out; as of 2015-03-13 (day 12 of k1's 31):

- invite: done; rota: Rina's, due 03-12, open, so overdue; photos: Aminah's, no due date, open;
  board: names no result, open. 4 actions: 3 open (1 overdue), 1 done.
- posts: 0 of 10, behind (due 03-31); visitors: no measurement yet, on track.
- due within 14 days: rota (03-12, 1 day late) and posts behind (03-31, in 18 days).
"""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from conftest import CURRICULUM, COHORT
from test_actions import ACTIONS, PLAN
from test_html import english_left, visible

AS_OF = ("--as-of", "2015-03-13")


@pytest.fixture
def ws(workspace, monkeypatch, run):
    """The minimal programme with the plan, as the workspace in use (and the current folder)."""
    root = workspace({"curricula/sosmed.toml": CURRICULUM, "cohorts/k1/cohort.toml": COHORT, ACTIONS: PLAN})
    monkeypatch.setenv("MENTORING_WORKSPACE", str(root))
    monkeypatch.delenv("MENTORING_LANG", raising=False)
    monkeypatch.chdir(root)
    return root


def test_actions_in_indonesian(ws, run):
    """Headers, statuses, dates and the summary are Indonesian; ids, names and texts stay as written."""
    lines = run("actions", "k1", *AS_OF, "--lang", "id").stdout.splitlines()
    assert [word.strip() for word in lines[0].split("  ") if word.strip()] == [
        "kode", "tindakan", "penanggung jawab", "tenggat", "status", "hasil", "penyebab"]
    rota = next(line for line in lines if line.startswith("rota "))
    assert "Rina" in rota and "12 Maret 2015" in rota and "terbuka, lewat tenggat" in rota
    assert lines[-1] == "4 tindakan per 13 Maret 2015: 3 terbuka (1 lewat tenggat), 1 selesai"


def test_reflection_sheet_in_indonesian(ws, run):
    """The minutes in markdown: the title, each result's sentence, the plan's statuses, the last line."""
    lines = run("reflect", "k1", *AS_OF, "--format", "markdown", "--lang", "id").stdout.splitlines()
    assert lines[0] == "# Refleksi: k1, per 13 Maret 2015"
    assert "Target 10, capaian 0, selisih 10: **tertinggal** (tenggat 31 Maret 2015)." in lines
    assert "Target 100, belum ada capaian: **sesuai jalur** (tenggat 31 Maret 2015)." in lines
    assert "## Tindakan lain yang disepakati" in lines
    assert lines[-1] == "0 dari 2 hasil tercapai; 4 tindakan per 13 Maret 2015: 3 terbuka (1 lewat tenggat), 1 selesai"


def test_due_in_indonesian(ws, run):
    """Each item says how late it is in words; the summary counts the kinds and states the rules."""
    out = run("due", *AS_OF, "--lang", "id").stdout
    first = out.splitlines()[2]
    assert first.split()[:8] == ["12", "Maret", "2015", "terlambat", "1", "hari", "k1", "tindakan"]
    assert out.rstrip().endswith(
        "2 hal (1 tindakan, 1 hasil) per 13 Maret 2015 di 1 angkatan; tindakan dan tugas yang jatuh tempo dalam "
        "14 hari, tidak hadir setelah 2 sesi terlewat, tidak aktif setelah 21 hari tanpa sesi.")


@pytest.mark.parametrize("command", [["actions", "k1"], ["reflect", "k1"], ["due"]])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_csv_and_json_stay_english(ws, run, command, fmt):
    """For other programs nothing changes with the language."""
    english = run(*command, *AS_OF, "--format", fmt).stdout
    assert english and run(*command, *AS_OF, "--format", fmt, "--lang", "id").stdout == english


@pytest.mark.parametrize("command", [["actions", "k1"], ["reflect", "k1"], ["due"]])
def test_pages_in_indonesian_show_no_english_label(ws, run, command):
    """Each page in Indonesian leaves no label of the catalog in English where a reader sees text
    (data marked translate="no" set aside, sentences' data too), and no ISO date."""
    page = ws / "page.html"
    assert run(*command, *AS_OF, "--lang", "id", "--output", str(page)).exit_code == 0
    text = visible(page.read_text(encoding="utf-8"))
    assert english_left(text) == []
    assert "13 Maret 2015" in text and "2015-03" not in text


def test_reflection_page_draws_each_result_and_lists_its_plan(ws, run):
    """Under each result: its chart (with a text alternative), its causes and its plan; the status
    of an overdue action as a word and a shape."""
    page = ws / "sheet.html"
    run("reflect", "k1", *AS_OF, "--output", str(page))
    html = page.read_text(encoding="utf-8")
    assert html.count('role="img"') == 2 and 'id="result-posts"' in html and 'id="result-visitors"' in html
    assert '<li translate="no">No one knew whose turn it was to post</li>' in html
    assert '<span class="badge open-overdue" data-status="open, overdue"><svg' in html
    assert 'id="table-other"' in html


def test_actions_workbook_equals_the_json(ws, run, tmp_path):
    """Each action's row holds its id, owner's name, due date (a date), status and results as JSON has them."""
    actions = json.loads(run("actions", "k1", *AS_OF, "--format", "json").stdout)["actions"]
    run("actions", "k1", *AS_OF, "--output", str(tmp_path / "a.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").worksheets[0]
    rows = list(sheet.iter_rows(min_row=6, values_only=True))
    assert [c.value for c in sheet[5]] == ["Id", "Action", "Owner", "Due", "Status", "Results", "Cause"]
    for row, action in zip(rows, actions, strict=True):
        due = dt.datetime.fromisoformat(action["due"]) if action["due"] else None
        shown = "open, overdue" if action["overdue"] else action["status"]
        assert (row[0], row[2], row[3], row[4], row[5]) == (
            action["id"], action["owner_name"], due, shown, ", ".join(action["results"]) or None)


def test_due_workbook_rows(ws, run, tmp_path):
    """One row per item, oldest first, its due date a date and its sentence in words."""
    items = json.loads(run("due", *AS_OF, "--format", "json").stdout)["items"]
    run("due", *AS_OF, "--output", str(tmp_path / "d.xlsx"))
    rows = list(openpyxl.load_workbook(tmp_path / "d.xlsx").worksheets[0].iter_rows(min_row=6, values_only=True))
    assert [(r[0], r[2], r[3], r[5]) for r in rows] == [
        (dt.datetime.fromisoformat(i["due"]), i["cohort"], i["kind"], i["what"]) for i in items]
