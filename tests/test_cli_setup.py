"""`mentoring new curriculum|cohort` and `mentoring import people`: what they write, what they refuse.

The workspace is conftest's minimal programme (cohort k1, 2015-03-01 to 2015-03-31, whose
cohort.toml has 29 lines: participants p01 and p02, mentor rina, implementer imp, observer obs).
People appended to it start on line 31: one blank line after line 29, then the `[[people]]` header.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import make_workspace

from mentoring.workspace import open_workspace

COH = "cohorts/k1/cohort.toml"


@pytest.fixture
def root(tmp_path: Path, minimal, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The minimal workspace in tmp_path/ws, made the current folder."""
    root = make_workspace(tmp_path / "ws", minimal)
    monkeypatch.chdir(root)
    return root


def roster(fixed: bool) -> bytes:
    """A 40-row sheet as an Indonesian spreadsheet exports it: a BOM, CRLF line ends, semicolons.

    Under the header (row 1), rows 2 to 41 are participants "Peserta N" (N their row), in group A on
    even rows and B on odd ones, all of HAPSARI and female, except: rows 5 and 17 are both "Yuni
    Wahyuni", row 21 is empty, row 30 joined on 2015-03-16; unless fixed, row 12's sex is "W" and
    row 30's date is written 16/03/2015. That is 39 people."""
    lines = ["nama;kelompok;organisasi;jenis kelamin;bergabung"]
    for row in range(2, 42):
        name = "Yuni Wahyuni" if row in (5, 17) else f"Peserta {row}"
        sex = "W" if row == 12 and not fixed else "P"
        joined = ("2015-03-16" if fixed else "16/03/2015") if row == 30 else ""
        lines.append(";;;;" if row == 21 else f"{name};{'A' if row % 2 == 0 else 'B'};HAPSARI;{sex};{joined}")
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def test_forty_rows_with_bad_rows_write_nothing_then_the_fixed_sheet_imports_clean(root, tmp_path, run):
    """The bad rows (12 and 30) are named with their columns and nothing is written; the fixed sheet adds
    39 people (row 21 is empty), the second Yuni as yuni-wahyuni-2, and the workspace checks clean.

    Lines: each person's block is 7 lines (header, id, name, role, organisation, group, sex) and a blank
    one; row 17 is the 16th person (rows 2-16 are 15 people before her, row 21 comes later), so her block
    starts on line 31 + 15 x 8 = 151."""
    before = (root / COH).read_bytes()
    (tmp_path / "people.csv").write_bytes(roster(fixed=False))
    out = run("import", "people", "k1", str(tmp_path / "people.csv"))
    sheet = str(tmp_path / "people.csv")
    assert out.exit_code == 1
    assert out.stdout.splitlines() == [
        f'{sheet}:12: error: jenis kelamin: "W" is not one of female, male, other, P, L, perempuan, laki-laki',
        f'{sheet}:17: warning: nama: "Yuni Wahyuni" is also on row 5; both are added (this one as "yuni-wahyuni-2")',
        f'{sheet}:30: error: bergabung: "16/03/2015" is not a date: write it year-month-day, such as 2015-03-05',
    ]
    assert out.stderr == "2 errors, 1 warning: nothing was written\n"
    assert (root / COH).read_bytes() == before

    (tmp_path / "people.csv").write_bytes(roster(fixed=True))
    out = run("import", "people", "k1", sheet)
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert lines[0] == f'{sheet}:17: warning: nama: "Yuni Wahyuni" is also on row 5; both are added (this one as "yuni-wahyuni-2")'
    assert lines[1] == f"{COH}:31: added peserta-2 (row 2: Peserta 2, participant, A)"
    assert f"{COH}:151: added yuni-wahyuni-2 (row 17: Yuni Wahyuni, participant, B)" in lines
    assert lines[-1] == f"added 39 people to {COH}"
    assert (root / COH).read_bytes().startswith(before)
    assert run("check").stdout == "0 errors, 0 warnings (1 curriculum, 1 cohort checked)\n"
    table = json.loads(run("participants", "k1", "--as-of", "2015-03-31", "--format", "json").stdout)
    assert len(table["participants"]) == 2 + 39


def test_dry_run_shows_who_would_be_added_and_writes_nothing(root, tmp_path, run):
    """--dry-run prints each person with the line they would have and writes nothing: Sri's block (header,
    id, name, role, group: 5 lines and a blank) starts on 31, Dewi's on 37."""
    (tmp_path / "p.csv").write_text("name,group\nSri Rahayu,A\nDewi,B\n", encoding="utf-8")
    before = (root / COH).read_bytes()
    out = run("import", "people", "k1", str(tmp_path / "p.csv"), "--dry-run")
    assert out.exit_code == 0
    assert out.stdout.splitlines() == [
        f'{tmp_path / "p.csv"}:3: warning: name: "Dewi" is already in the cohort as "p02"; added again as "dewi" '
        "(is the sheet imported twice?)",
        f"{COH}:31: would add sri-rahayu (row 2: Sri Rahayu, participant, A)",
        f"{COH}:37: would add dewi (row 3: Dewi, participant, B)",
        f"would add 2 people to {COH}; nothing written (dry run)",
    ]
    assert (root / COH).read_bytes() == before


def test_import_keeps_comments_bom_and_crlf(root, tmp_path, run):
    """cohort.toml's bytes (a BOM, CRLF line ends, a comment) are kept; the new block uses CRLF too."""
    old = b"\xef\xbb\xbf# Kelas Medan\r\n" + (root / COH).read_bytes().replace(b"\n", b"\r\n")
    (root / COH).write_bytes(old)
    (tmp_path / "p.csv").write_text("nama\nSri Rahayu\n", encoding="utf-8")
    assert run("import", "people", "k1", str(tmp_path / "p.csv")).exit_code == 0
    assert (root / COH).read_bytes() == old + b'\r\n[[people]]\r\nid = "sri-rahayu"\r\nname = "Sri Rahayu"\r\nrole = "participant"\r\n'


def test_import_into_an_unknown_cohort_is_a_usage_error(root, tmp_path, run):
    """An unknown cohort is a usage error (exit 2) with "did you mean"."""
    (tmp_path / "p.csv").write_text("name\nSri\n", encoding="utf-8")
    out = run("import", "people", "k11", str(tmp_path / "p.csv"))
    assert out.exit_code == 2
    assert out.stderr == 'mentoring: error: unknown cohort "k11" (did you mean "k1"?); cohorts: k1\n'


def test_people_imported_after_their_sessions_were_logged(root, tmp_path, run):
    """A session logged before its participants were in cohort.toml is an error that does not stop the
    import; the import that adds them makes the cohort check clean."""
    (root / "cohorts/k1/logs").mkdir()
    (root / "cohorts/k1/logs/rina.toml").write_text(
        '[[session]]\ndate = 2015-03-02\nmentor = "rina"\nhours = 2\nattended = ["sri"]\n', encoding="utf-8")
    assert run("check").exit_code == 1
    (tmp_path / "p.csv").write_text("nama\nSri\n", encoding="utf-8")
    out = run("import", "people", "k1", str(tmp_path / "p.csv"))
    assert out.stdout == f"{COH}:31: added sri (row 2: Sri, participant)\nadded 1 person to {COH}\n"
    assert run("check").exit_code == 0


def test_new_curriculum_and_cohort_pass_check_in_an_empty_folder(tmp_path, monkeypatch, run, no_workspace_above):
    """In an empty folder, `new curriculum` starts the workspace and `new cohort` adds a cohort of it;
    both files check clean as written, and the cohort says what to fill in."""
    monkeypatch.chdir(tmp_path)
    out = run("new", "curriculum", "social-media")
    assert out.exit_code == 0, out.output
    assert out.stdout == "wrote curricula/social-media.toml: replace its examples with your programme's, then run `mentoring check`\n"
    out = run("new", "cohort", "medan-2024", "--curriculum", "social-media", "--start", "2024-02-01", "--end", "2024-04-30",
              "--title", 'Kelas "Medan" 2024')
    assert out.exit_code == 0, out.output
    assert run("check").stdout == "0 errors, 0 warnings (1 curriculum, 1 cohort checked)\n"
    text = (tmp_path / "cohorts/medan-2024/cohort.toml").read_text(encoding="utf-8")
    assert 'title = "Kelas \\"Medan\\" 2024"\nstart = 2024-02-01\nend = 2024-04-30\n' in text
    assert '# posts = 20  # Posts accepted (outputs)\n' in text
    assert "#   mentoring import people medan-2024 people.csv\n" in text
    ws = open_workspace(tmp_path, search=False)
    assert ws.cohorts["medan-2024"].people == ()
    assert [r.id for r in ws.curricula["social-media"].results] == ["completed", "posts", "sessions", "attendance"]


def test_new_cohort_with_people_from_an_xlsx_sheet(root, tmp_path, run):
    """--people reads an XLSX sheet into the new cohort: a date cell as a joining date, a number as a contact."""
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    for row in (["Nama", "Peran", "Bergabung", "Kontak"], ["Kartini", "mentor", None, None],
                ["Sri Rahayu", None, dt.date(2015, 4, 6), 6281234567]):
        book.active.append(row)
    book.save(tmp_path / "peserta.xlsx")
    out = run("new", "cohort", "k2", "--curriculum", "sosmed", "--start", "2015-04-01", "--end", "2015-06-30",
              "--people", str(tmp_path / "peserta.xlsx"))
    assert out.exit_code == 0, out.output
    people = open_workspace(root, search=False).cohorts["k2"].people
    assert [(p.id, p.role.value, p.joined, p.contact) for p in people] == [
        ("kartini", "mentor", None, None), ("sri-rahayu", "participant", dt.date(2015, 4, 6), "6281234567")]
    assert run("check", "k2").exit_code == 0


@pytest.mark.parametrize("args, message", [
    (["k1", "--curriculum", "sosmed"], "cohort k1 already exists (cohorts/k1/)"),
    (["Kelas 2", "--curriculum", "sosmed"], '"Kelas 2" is not a valid cohort id: use lower-case letters a-z, digits, "-" and "_", '
                                            'starting with a letter or a digit (did you mean "kelas-2"?)'),
    (["k2", "--curriculum", "sosmd"], 'unknown curriculum "sosmd" (did you mean "sosmed"?); curricula: sosmed'),
    (["k2", "--curriculum", "sosmed", "--end", "2015-01-31"], "--start (2015-03-01) is after --end (2015-01-31)"),
])
def test_new_cohort_refusals_are_usage_errors(root, run, args, message):
    """An existing cohort, an id that is not one, an unknown curriculum or an end before the start: exit 2, nothing written."""
    dates = ["--start", "2015-03-01"] + ([] if "--end" in args else ["--end", "2015-03-31"])
    out = run("new", "cohort", *args, *dates)
    assert (out.exit_code, out.stderr) == (2, f"mentoring: error: {message}\n")
    assert sorted(p.name for p in (root / "cohorts").iterdir()) == ["k1"]


def test_new_cohort_with_a_bad_sheet_writes_nothing(root, tmp_path, run):
    """A bad row in --people leaves no cohort folder behind."""
    (tmp_path / "p.csv").write_text("name,sex\nSri,X\n", encoding="utf-8")
    out = run("new", "cohort", "k2", "--curriculum", "sosmed", "--start", "2015-04-01", "--end", "2015-06-30",
              "--people", str(tmp_path / "p.csv"))
    assert out.exit_code == 1
    assert out.stdout == f'{tmp_path / "p.csv"}:2: error: sex: "X" is not one of female, male, other, P, L, perempuan, laki-laki\n'
    assert not (root / "cohorts/k2").exists()


def test_new_curriculum_that_exists_is_refused(root, run):
    """A curriculum file that exists is never overwritten."""
    before = (root / "curricula/sosmed.toml").read_bytes()
    out = run("new", "curriculum", "sosmed")
    assert (out.exit_code, out.stderr) == (2, "mentoring: error: curricula/sosmed.toml already exists\n")
    assert (root / "curricula/sosmed.toml").read_bytes() == before
