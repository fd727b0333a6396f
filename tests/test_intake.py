"""Getting data in, as library calls: numbers typed on a command line, `--attended all`, ids made
from names, sheets read (CSV in its many dialects, XLSX) and planned against a cohort.

The cohort is conftest's minimal k1 (2015-03-01 to 2015-03-31): participants p01 "Aminah" and
p02 "Dewi" (who leaves on 2015-03-20), mentor rina, implementer imp, observer obs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import COHORT, CURRICULUM, make_workspace, toml

from mentoring import UsageError, format_problem
from mentoring.intake import attended_all, plan_people, read_number, unique_id
from mentoring.layout import id_from
from mentoring.lines import key_lines
from mentoring.sheet import delimiter, read_sheet
from mentoring.workspace import open_workspace


@pytest.fixture
def k1(tmp_path: Path):
    """The minimal cohort k1 as loaded, and its cohort.toml's key lines."""
    root = make_workspace(tmp_path / "ws", {"curricula/sosmed.toml": CURRICULUM, "cohorts/k1/cohort.toml": COHORT})
    return open_workspace(root, search=False).cohorts["k1"]


def sheet_of(tmp_path: Path, content: bytes, name: str = "people.csv"):
    """A sheet read from a file holding these bytes."""
    path = tmp_path / name
    path.write_bytes(content)
    return read_sheet(path, name)


def messages(problems) -> list[str]:
    return [format_problem(p) for p in problems]


# --- numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [("2", 2.0), ("1.5", 1.5), (" 0.500 ", 0.5), ("1.0005", 1.0005), ("-1", -1.0),
                                         (".5", 0.5), ("1200", 1200.0), ("0.125", 0.125)])
def test_numbers_read_as_written(text, value):
    """Plain numbers, a point with other than three decimals, or three after a zero whole part, are read as written."""
    assert read_number(text, "--value") == value


@pytest.mark.parametrize("text, message", [
    ("1.000", '--value: "1.000" is ambiguous: it would be read as 1, but a point also separates thousands (1000); write 1 or 1000'),
    ("12.500", '--value: "12.500" is ambiguous: it would be read as 12.5, but a point also separates thousands (12500); write 12.5 or 12500'),
    ("1,5", '--value: "1,5" has a decimal comma: write 1.5'),
    ("1,500", '--value: "1,500" is ambiguous: a comma may mark decimals (1.5) or separate thousands (1500); write 1.5 or 1500'),
    ("1.000.000", '--value: "1.000.000" separates thousands: write 1000000'),
    ("2,5,1", '--value: "2,5,1" is not a number (write it such as 2 or 1.5)'),
    ("nan", '--value: "nan" is not a number (write it such as 2 or 1.5)'),
    ("12 jam", '--value: "12 jam" is not a number (write it such as 2 or 1.5)'),
])
def test_ambiguous_numbers_are_refused_with_their_readings(text, message):
    """A decimal comma, or one point and exactly three digits after a non-zero whole part, is refused,
    saying what it could mean and how to write it."""
    with pytest.raises(UsageError) as refused:
        read_number(text, "--value")
    assert str(refused.value) == message


# --- --attended all ------------------------------------------------------------------------------


def test_attended_all_is_everyone_enrolled_that_day(k1):
    """On 2015-03-05 both participants are enrolled; on 2015-03-25 Dewi (left 2015-03-20) is not."""
    assert attended_all(k1, dt.date(2015, 3, 5), None) == ["p01", "p02"]
    assert attended_all(k1, dt.date(2015, 3, 25), None) == ["p01"]


def test_attended_all_with_expected_and_absent(k1):
    """With an expected list, all is that list; --absent leaves its ids out, and an id not expected is refused."""
    assert attended_all(k1, dt.date(2015, 3, 5), ["p02", "p01"], ["p01"]) == ["p02"]
    with pytest.raises(UsageError, match='--absent: "p03" is not one of the participants expected on 2015-03-25 '
                                         r'\(did you mean "p01"\?\)'):
        attended_all(k1, dt.date(2015, 3, 25), None, ["p03"])


# --- ids -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, id_", [
    ("Siti Aminah Lubis", "siti-aminah-lubis"),
    ("  Nurhayati Br. Ginting ", "nurhayati-br-ginting"),
    ("Ayu Ñúñez", "ayu-nunez"),
    ("Ms. Straße", "ms-strasse"),
    ("Yuni_Wahyuni\r", "yuni-wahyuni"),
    ("أحمد", ""),
])
def test_ids_from_names(name, id_):
    """A name folds to ASCII, lower case, each run of other characters a "-"; nothing is left of a name in another script."""
    assert id_from(name) == id_


def test_unique_ids_count_up_from_two():
    """A taken id gets -2, then -3 when -2 is taken too."""
    assert unique_id("yuni", set()) == "yuni"
    assert unique_id("yuni", {"yuni"}) == "yuni-2"
    assert unique_id("yuni", {"yuni", "yuni-2"}) == "yuni-3"


# --- reading sheets --------------------------------------------------------------------------------


@pytest.mark.parametrize("line, found", [("name,group", ","), ("nama;kelompok", ";"), ("nama\tkelompok", "\t"),
                                         ('"Name, full";id', ";"), ("name", ",")])
def test_delimiter_is_the_one_the_header_holds_most_of(line, found):
    """The first line decides: a comma, a semicolon or a tab, whichever it holds most of outside quotes."""
    assert delimiter(line) == found


def test_csv_with_bom_crlf_semicolons_and_a_line_break_in_a_cell(tmp_path):
    """Each record is one row, numbered as a spreadsheet shows it, whatever the line ends, the BOM or a
    quoted line break inside a cell (row 2 spans two lines of text, so Dewi is row 3)."""
    sheet = sheet_of(tmp_path, '\ufeffnama;kelompok\r\n"Aminah\r\nbinti Ali";A\r\nDewi;B\r\n'.encode())
    assert sheet.rows == (("nama", "kelompok"), ("Aminah\r\nbinti Ali", "A"), ("Dewi", "B"))


def test_utf16_csv_is_read_and_other_encodings_are_refused(tmp_path):
    """A UTF-16 file (with its BOM) is read; Latin-1 bytes are refused at their line, asking for CSV UTF-8."""
    assert sheet_of(tmp_path, "name\tgroup\r\nDewi\tB\r\n".encode("utf-16")).rows == (("name", "group"), ("Dewi", "B"))
    latin = sheet_of(tmp_path, "name\nAminah\nJos\xe9\n".encode("latin-1"))
    assert messages(latin.problems) == ["people.csv:3: error: is not UTF-8 text: save it from the spreadsheet as CSV UTF-8"]


def test_old_excel_files_are_refused(tmp_path):
    """An .xls workbook (the old binary format) is refused with what to save it as."""
    sheet = sheet_of(tmp_path, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "people.xls")
    assert messages(sheet.problems) == ["people.xls:1: error: is an old Excel file (.xls): save it as .xlsx or as CSV UTF-8"]


def test_xlsx_cells_keep_their_types_and_rows(tmp_path):
    """An XLSX sheet gives its first sheet's cells by row, a blank row kept in its place, dates as dates."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["nama", "bergabung", "kontak"])
    book.active.append(["Aminah", dt.date(2015, 3, 5), 6281200000])
    book.active.append([])
    book.active.append(["Dewi", None, None])
    book.save(tmp_path / "people.xlsx")
    sheet = read_sheet(tmp_path / "people.xlsx", "people.xlsx")
    assert sheet.rows[1] == ("Aminah", dt.datetime(2015, 3, 5), 6281200000)
    assert [row[0] for row in sheet.rows] == ["nama", "Aminah", None, "Dewi"]


# --- planning people -------------------------------------------------------------------------------


def test_plan_reads_indonesian_columns_and_words(tmp_path, k1):
    """Indonesian column names and words: P/L and perempuan/laki-laki for sex, peserta and pendamping for
    roles, a blank role a participant; ids made from names; a phone number typed as a number kept as text."""
    sheet = sheet_of(tmp_path, (
        "Nama Lengkap;Kelompok;Organisasi;Jenis Kelamin (L/P);Peran;Kontak\n"
        "Sri Rahayu;SPI;HAPSARI;P;;\n"
        "Budi Santoso;;;laki-laki;pendamping;0812 3456\n"
        "Lestari;SPI;;Perempuan;peserta;\n"
    ).encode())
    plan = plan_people(sheet, k1)
    assert plan.problems == ()
    people = [(p.row, p.person.id, p.person.role.value, p.person.sex.value, p.person.group, p.person.contact) for p in plan.people]
    assert people == [(2, "sri-rahayu", "participant", "female", "SPI", None),
                      (3, "budi-santoso", "mentor", "male", None, "0812 3456"),
                      (4, "lestari", "participant", "female", "SPI", None)]


def test_every_bad_row_is_named_with_its_column(tmp_path, k1):
    """Each bad cell is one error at its row, named by its column as the sheet writes it; a blank row
    (row 4) is skipped; nobody is planned while any row is bad."""
    sheet = sheet_of(tmp_path, (
        "name,id,role,sex,joined\n"            # row 1
        "Ani,Ani 2,peserta,X,2015-13-01\n"     # row 2: id, sex, joined
        ",,,,\n"                               # row 3: blank, skipped
        "\n"                                   # row 4: empty, skipped
        ",x1,,,\n"                             # row 5: no name
        "Budi,,boss,L,05/03/2015\n"            # row 6: role, joined
    ).encode())
    plan = plan_people(sheet, k1)
    assert plan.people == ()
    assert messages(plan.problems) == [
        'people.csv:2: error: id: "Ani 2" is not a valid id: use lower-case letters a-z, digits, "-" and "_", '
        'starting with a letter or a digit (did you mean "ani-2"?)',
        'people.csv:2: error: sex: "X" is not one of female, male, other, P, L, perempuan, laki-laki',
        'people.csv:2: error: joined: "2015-13-01" is not a date: write it year-month-day, such as 2015-03-05',
        "people.csv:5: error: name: empty: every person needs a name",
        'people.csv:6: error: role: "boss" is not one of participant, mentor, facilitator, implementer, coordinator, '
        "observer (blank means participant)",
        'people.csv:6: error: joined: "05/03/2015" is not a date: write it year-month-day, such as 2015-03-05',
    ]


def test_given_ids_clash_with_the_cohort_and_with_each_other(tmp_path, k1):
    """A given id already in the cohort names its line in cohort.toml (p02's id is on line 11); one given
    twice names the first row."""
    sheet = sheet_of(tmp_path, b"name,id\nDewi Lain,p02\nEka,eka\nEka Putri,eka\n")
    plan = plan_people(sheet, k1, key_lines(toml(COHORT)))
    assert messages(plan.problems) == [
        "people.csv:2: error: id: \"p02\" is already someone's id in the cohort (line 11 of cohort.toml)",
        'people.csv:4: error: id: "eka" is also the id on row 3',
    ]


def test_made_ids_stay_unique_and_names_met_twice_are_flagged(tmp_path, k1):
    """Ids made from names avoid the cohort's ids and every id the sheet gives (even on a later row);
    two people may share a name, each flagged; a name already in the cohort is flagged as a second import."""
    sheet = sheet_of(tmp_path, (
        "name,id\n"
        "Yuni Wahyuni,\n"      # row 2: yuni-wahyuni
        "Rina,\n"              # row 3: rina is the mentor's id, so rina-2; the name is in the cohort
        "Yuni Wahyuni,\n"      # row 4: yuni-wahyuni-2 is given on row 5, so yuni-wahyuni-3
        "Yuni W,yuni-wahyuni-2\n"
    ).encode())
    plan = plan_people(sheet, k1)
    assert [(p.row, p.person.id, p.made_id) for p in plan.people] == [
        (2, "yuni-wahyuni", True), (3, "rina-2", True), (4, "yuni-wahyuni-3", True), (5, "yuni-wahyuni-2", False)]
    assert messages(plan.problems) == [
        'people.csv:3: warning: name: "Rina" is already in the cohort as "rina"; added again as "rina-2" (is the sheet imported twice?)',
        'people.csv:4: warning: name: "Yuni Wahyuni" is also on row 2; both are added (this one as "yuni-wahyuni-3")',
    ]


def test_header_without_a_name_column_and_columns_not_read(tmp_path, k1):
    """Row 1 must name a name column; a column not read is a warning with a near column name; two
    columns for one field are an error."""
    plan = plan_people(sheet_of(tmp_path, b"No,Nmae,Grup,Kelompok\n1,Aminah,A,A\n"), k1)
    assert messages(plan.problems) == [
        'people.csv:1: warning: column "No" is not read; the columns read are name, id, role, group, organisation, '
        "sex, joined, contact (or nama, kelompok, organisasi, jenis kelamin, ...)",
        'people.csv:1: warning: column "Nmae" is not read (did you mean "name"?); the columns read are name, id, role, '
        "group, organisation, sex, joined, contact (or nama, kelompok, organisasi, jenis kelamin, ...)",
        'people.csv:1: error: columns "Grup" and "Kelompok" both give the group; keep one',
        'people.csv:1: error: row 1 names no "name" (or "nama") column; columns found: "No", "Nmae", "Grup", "Kelompok"',
    ]


def test_joined_after_the_end_is_flagged(tmp_path, k1):
    """A joining date after the cohort's end (2015-03-31) is worth a look: a warning, the person still planned."""
    plan = plan_people(sheet_of(tmp_path, b"name,joined\nEka,2015-04-02\n"), k1)
    assert [p.person.joined for p in plan.people] == [dt.date(2015, 4, 2)]
    assert messages(plan.problems) == ["people.csv:2: warning: joined: 2015-04-02 is after the cohort's end (2015-03-31)"]
