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
from mentoring.intake import attended_all, import_people, plan_people, read_number, unique_id
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


# --- people written into cohort.toml, new curricula and cohorts, as library calls -------------------
#
# conftest's COHORT is 29 lines; people appended start on line 31 (one blank line, then the header).
# A person with only a name gets a 4-line block (`[[people]]`, id, name, role), and blocks are
# separated by one blank line, so the next header is 5 lines further on.

COH = "cohorts/k1/cohort.toml"
TWO = b"nama\nSri Rahayu\nBudi\n"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """The minimal workspace (curriculum sosmed, cohort k1) in tmp_path/ws."""
    return make_workspace(tmp_path / "ws", {"curricula/sosmed.toml": CURRICULUM, "cohorts/k1/cohort.toml": COHORT})


def sheet_file(tmp_path: Path, content: bytes = TWO, name: str = "people.csv") -> Path:
    """A sheet file holding these bytes."""
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_import_people_returns_who_was_added_at_which_row_and_line(ws, tmp_path):
    """Rows 2 and 3 (Sri Rahayu, Budi) are added as sri-rahayu at line 31 and budi at 31 + 5 = 36; the
    file is written, keeping every old byte, and nothing is wrong."""
    before = (ws / COH).read_bytes()
    done = import_people(ws, "k1", sheet_file(tmp_path))
    assert (done.path, done.written, done.problems, done.ok) == (COH, True, (), True)
    assert [(a.row, a.person.id, a.person.name, a.line) for a in done.added] == [(2, "sri-rahayu", "Sri Rahayu", 31), (3, "budi", "Budi", 36)]
    text = (ws / COH).read_bytes()
    assert text.startswith(before) and text.decode().splitlines()[30:32] == ["[[people]]", 'id = "sri-rahayu"']


def test_a_dry_run_says_who_would_be_added_and_writes_nothing(ws, tmp_path):
    """dry_run=True plans and checks the same two people (lines 31 and 36) but leaves cohort.toml as it was."""
    before = (ws / COH).read_bytes()
    done = import_people(ws, "k1", sheet_file(tmp_path), dry_run=True)
    assert (done.path, done.written, [(a.row, a.line) for a in done.added]) == (COH, False, [(2, 31), (3, 36)])
    assert (ws / COH).read_bytes() == before


def test_import_into_no_cohort_says_so_at_the_cohort_file(ws, tmp_path):
    """A cohort id with no folder, or one that is no id, is a problem at its cohort.toml's line 1."""
    for cohort, rel in (("k9", "cohorts/k9/cohort.toml"), ("K 9", "cohorts/K 9/cohort.toml")):
        done = import_people(ws, cohort, sheet_file(tmp_path))
        assert (done.path, done.written, done.added) == (rel, False, ())
        assert messages(done.problems) == [f'{rel}:1: error: no cohort "{cohort}" in this workspace']


def test_an_unreadable_sheet_is_the_problem_returned(ws, tmp_path):
    """A sheet in an encoding that is not UTF-8 or UTF-16 stops the import with the sheet's own problem, named as `shown`."""
    done = import_people(ws, "k1", sheet_file(tmp_path, "nama\nSité\n".encode("cp1252")), shown="daftar.csv")
    assert done.path == COH and not done.ok and done.added == ()
    assert [p.path for p in done.problems] == ["daftar.csv"]


def test_a_held_lock_stops_the_import_with_who_holds_it(ws, tmp_path):
    """While another writer holds k1's lock, an import with a 0.1 s timeout writes nothing and says who
    holds the lock, for how long it waited, and which file to delete if that writer is gone."""
    from mentoring.logbook import cohort_lock

    before = (ws / COH).read_bytes()
    with cohort_lock(ws, "k1"):
        done = import_people(ws, "k1", sheet_file(tmp_path), timeout=0.1)
    (problem,) = done.problems
    assert (done.path, problem.path, problem.line, done.written) == (COH, COH, 1, False)
    assert problem.message.endswith(" has been writing to this cohort for 0.1 s; nothing written "
                                    "(if it is no longer running, delete cohorts/k1/.mentoring-log.lock)")
    assert (ws / COH).read_bytes() == before


def test_a_failing_write_is_a_problem_not_a_traceback(ws, tmp_path):
    """An OSError while writing (a full disk, here raised just before the write) is the problem
    "cannot write: <reason>; nothing written" at line 1, and the file is unchanged."""
    import errno

    def full() -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    before = (ws / COH).read_bytes()
    done = import_people(ws, "k1", sheet_file(tmp_path), before_write=full)
    assert (done.path, done.added, done.written) == (COH, (), False)
    assert messages(done.problems) == [f"{COH}:1: error: cannot write: No space left on device; nothing written"]
    assert (ws / COH).read_bytes() == before


def test_cohort_toml_changed_while_the_people_are_checked_is_not_overwritten(ws, tmp_path, monkeypatch):
    """A hand edit to cohort.toml after it was read (here while the sheet is planned) leaves the edit in
    place and adds no one: "changed while the people were being checked; nothing written, try again"."""
    import mentoring.intake as intake

    plan = intake.plan_people

    def plan_then_edit(*args, **kwargs):
        planned = plan(*args, **kwargs)
        with (ws / COH).open("ab") as f:
            f.write(b"# edited meanwhile\n")
        return planned

    monkeypatch.setattr(intake, "plan_people", plan_then_edit)
    done = import_people(ws, "k1", sheet_file(tmp_path))
    assert (done.path, done.added, done.written) == (COH, (), False)
    assert messages(done.problems) == [f"{COH}:1: error: changed while the people were being checked; nothing written, try again"]
    assert (ws / COH).read_bytes().endswith(b"bserver\"\n# edited meanwhile\n")


def test_a_cohort_whose_curriculum_is_unknown_gives_its_own_errors(ws, tmp_path):
    """Into a cohort naming a curriculum that does not exist nothing is planned: the cohort's own
    error (line 1, `curriculum = "nope"`) comes back, and nothing is added."""
    (ws / COH).write_text(toml(COHORT.replace('"sosmed"', '"nope"')), encoding="utf-8")
    done = import_people(ws, "k1", sheet_file(tmp_path))
    assert (done.path, done.added, done.written) == (COH, (), False)
    assert [(p.path, p.line, p.is_error) for p in done.problems] == [(COH, 1, True)]
    assert '"nope"' in done.problems[0].message


def test_a_bad_row_stops_the_import_at_its_row(ws, tmp_path):
    """Row 3's sex "X" is not one of the words for a sex: the plan's problem, at the sheet's row 3, and nothing added."""
    done = import_people(ws, "k1", sheet_file(tmp_path, b"nama,jenis kelamin\nSri,P\nBudi,X\n"), shown="s.csv")
    assert (done.path, done.added, done.written) == (COH, (), False)
    assert [(p.path, p.line, p.is_error) for p in done.problems] == [("s.csv", 3, True)]


def test_new_people_read_back_as_written_or_not():
    """_reads_back: the new text's last [[people]] entries must be exactly the people given; fewer
    entries than people, no people array, or text that is no TOML all say no."""
    from mentoring.intake import _reads_back
    from mentoring.model import Person, Role

    sri = Person(id="sri", name="Sri", role=Role.PARTICIPANT)
    text = '[[people]]\nid = "p"\nname = "P"\nrole = "participant"\n\n[[people]]\nid = "sri"\nname = "Sri"\nrole = "participant"\n'
    assert _reads_back(text, [sri]) is True
    assert _reads_back(text.replace('"Sri"', '"Siti"'), [sri]) is False
    assert _reads_back('[[people]]\nid = "sri"\nname = "Sri"\nrole = "participant"\n', [sri, sri]) is False
    assert _reads_back('people = "sri"\n', [sri]) is False
    assert _reads_back("[[people]\n", [sri]) is False


def test_new_curriculum_writes_its_skeleton_with_the_title_given(tmp_path):
    """new_curriculum makes curricula/ (and the workspace folder) when missing, writes the file and says so;
    a second one goes into the existing folder; the title given is the file's title."""
    from mentoring.intake import new_curriculum

    root = tmp_path / "new" / "ws"
    done = new_curriculum(root, "sosmed", "Social media")
    assert (done.path, done.written, done.added, done.problems) == ("curricula/sosmed.toml", True, (), ())
    assert 'title = "Social media"' in (root / "curricula/sosmed.toml").read_text(encoding="utf-8").splitlines()
    assert new_curriculum(root, "second").written and (root / "curricula/second.toml").is_file()


@pytest.mark.parametrize("id_, message", [
    ("Sosmed 2", '"Sosmed 2" is not a valid curriculum id: SLUG (did you mean "sosmed-2"?)'),
    ("日本", '"日本" is not a valid curriculum id: SLUG'),
])
def test_new_curriculum_refuses_an_id_that_is_none(tmp_path, id_, message):
    """An id with capitals and a space is refused, suggesting the id made from it; one with nothing to
    make an id from is refused without a suggestion; nothing is written."""
    from mentoring.intake import new_curriculum
    from mentoring.layout import SLUG_RULE

    with pytest.raises(UsageError) as refused:
        new_curriculum(tmp_path, id_)
    assert str(refused.value) == message.replace("SLUG", SLUG_RULE)
    assert not (tmp_path / "curricula").exists()


def test_new_cohort_of_one_day_with_people_from_a_sheet(ws, tmp_path):
    """A run whose start is its end is allowed; the sheet's two people are added after the skeleton
    (whose length L the first header line gives: L + 2), the second 5 lines further, and written."""
    from mentoring.intake import new_cohort

    done = new_cohort(ws, "k2", "sosmed", dt.date(2015, 4, 1), dt.date(2015, 4, 1), title="Medan",
                      people=sheet_file(tmp_path), shown="p.csv")
    text = (ws / "cohorts/k2/cohort.toml").read_text(encoding="utf-8")
    first = text.splitlines().index("[[people]]") + 1
    assert (done.path, done.written, done.problems) == ("cohorts/k2/cohort.toml", True, ())
    assert [(a.row, a.person.id, a.line) for a in done.added] == [(2, "sri-rahayu", first), (3, "budi", first + 5)]
    assert 'title = "Medan"' in text.splitlines()


def test_new_cohort_with_a_bad_sheet_returns_its_rows_and_writes_nothing(ws, tmp_path):
    """A sheet whose row 2 has no name stops the new cohort: the problem at p.csv:2, no folder made."""
    from mentoring.intake import new_cohort

    done = new_cohort(ws, "k2", "sosmed", dt.date(2015, 4, 1), dt.date(2015, 4, 30),
                      people=sheet_file(tmp_path, b"nama,kelompok\n,A\n"), shown="p.csv")
    assert (done.path, done.written, done.added) == ("cohorts/k2/cohort.toml", False, ())
    assert [(p.path, p.line) for p in done.problems] == [("p.csv", 2)]
    assert not (ws / "cohorts/k2").exists()


def test_new_cohort_names_the_curricula_there_are(ws, tmp_path):
    """An unknown curriculum is a usage error listing the curricula by id, comma-separated, or, with none,
    saying how to make one."""
    from mentoring.intake import new_cohort

    (ws / "curricula/basics.toml").write_text(CURRICULUM, encoding="utf-8")
    with pytest.raises(UsageError, match=r'; curricula: basics, sosmed$'):
        new_cohort(ws, "k2", "nope", dt.date(2015, 4, 1), dt.date(2015, 4, 30))
    empty = make_workspace(tmp_path / "empty", {"curricula/.keep": ""})
    with pytest.raises(UsageError) as refused:
        new_cohort(empty, "k2", "nope", dt.date(2015, 4, 1), dt.date(2015, 4, 30))
    assert str(refused.value) == 'unknown curriculum "nope"; curricula: none (make one with mentoring new curriculum ID)'


def test_new_cohort_of_a_curriculum_with_errors_names_only_its_errors(ws, tmp_path):
    """A curriculum with an error refuses the new cohort with a DataError naming it and carrying only that
    curriculum's errors (another broken curriculum's are not its concern)."""
    from mentoring.errors import DataError
    from mentoring.intake import new_cohort

    broken = CURRICULUM + '\n[[results]]\nid = "r9"\nstatement = "x"\nmeasure = "nonsense"\ntarget = 1\n'
    (ws / "curricula/sosmed.toml").write_text(broken, encoding="utf-8")
    (ws / "curricula/other.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(DataError) as refused:
        new_cohort(ws, "k2", "sosmed", dt.date(2015, 4, 1), dt.date(2015, 4, 30))
    assert str(refused.value) == 'curriculum "sosmed" has errors'
    assert refused.value.problems and {p.path for p in refused.value.problems} == {"curricula/sosmed.toml"}


def test_problems_new_people_bring_are_placed_at_their_rows(ws):
    """check_new_people: of two people planned from rows 7 and 9, one with an id that is none ("Bad Id")
    and one taking p01's id, each problem of their own entries is placed at its row of the sheet (not
    in cohort.toml); a problem already standing before the import is not repeated."""
    from mentoring.intake import NewPerson, Plan, check_new_people, people_blocks
    from mentoring.layout import SLUG_RULE
    from mentoring.model import Person, Role

    opened = open_workspace(ws, search=False)
    cohort = opened.cohorts["k1"]
    plan = Plan((NewPerson(7, Person(id="Bad Id", name="X", role=Role.PARTICIPANT), False),
                 NewPerson(9, Person(id="p01", name="Y", role=Role.PARTICIPANT), False)), ())
    text = people_blocks(plan.people, (ws / COH).read_bytes())[0].decode("utf-8")
    found = check_new_people(ws, opened.data, cohort, plan, text, "s.csv")
    assert messages(found) == [f's.csv:7: error: people.id: "Bad Id" is not a valid id: {SLUG_RULE}',
                               's.csv:9: error: people.id: duplicate person id "p01"']
    assert [(p.keys, p.first) for p in found] == [((), ()), ((), ())]
    assert messages(check_new_people(ws, opened.data, cohort, plan, text, "s.csv", standing=found[:1])) == [messages(found)[1]]


def test_problems_elsewhere_stay_where_they_are():
    """_at_rows moves only problems of cohort.toml's [[people]] entries at the positions given; a problem
    of another file, of cohort.toml's other keys, of `people` as a whole or of a position not planned is
    kept as it was."""
    from mentoring.intake import _at_rows
    from mentoring.problems import Problem

    moved = Problem(COH, "m", keys=("people", 5, "id"), line=40, first=("people", 0, "id"))
    kept = [Problem("cohorts/k2/cohort.toml", "a", keys=("people", 5, "id"), line=3),
            Problem(COH, "b", keys=("start",), line=3), Problem(COH, "c", keys=("people",), line=6),
            Problem(COH, "d", keys=("people", 4, "id"), line=30), Problem(COH, "e", keys=("sessions", 5), line=31)]
    out = _at_rows([moved, *kept], COH, {5: 12}, "s.csv")
    assert out == [Problem("s.csv", "m", keys=(), line=12, first=()), *kept]


def test_people_that_would_not_read_back_are_not_written(ws, tmp_path, monkeypatch):
    """If the blocks made for the new people did not read back as those people (here a writer that loses
    a name), nothing is written: "the new people would not read back as written; nothing written" at line 1."""
    import mentoring.intake as intake

    blocks = intake.people_blocks
    monkeypatch.setattr(intake, "people_blocks", lambda added, old: (blocks(added, old)[0].replace(b'"Budi"', b'"Bud"'), blocks(added, old)[1]))
    before = (ws / COH).read_bytes()
    done = import_people(ws, "k1", sheet_file(tmp_path))
    assert (done.path, done.added, done.written) == (COH, (), False)
    assert messages(done.problems) == [f"{COH}:1: error: the new people would not read back as written; nothing written"]
    assert (ws / COH).read_bytes() == before


def test_a_wait_for_the_lock_is_told_who_holds_it(ws, tmp_path):
    """Waiting longer than a second for k1's lock, the import tells on_wait who holds it, once, then gives up
    at its timeout (1.2 s) without writing."""
    from mentoring.logbook import cohort_lock, lock_holder

    told: list[str] = []
    with cohort_lock(ws, "k1"):
        done = import_people(ws, "k1", sheet_file(tmp_path), timeout=1.2, on_wait=told.append)
        assert told == [lock_holder(ws / "cohorts/k1")]
    assert not done.written and "for 1.2 s; nothing written" in done.problems[0].message


def test_new_people_read_back_when_they_are_all_the_entries():
    """_reads_back with as many entries as people (a cohort that had none) says yes; `people` that is
    not an array of tables says no without failing."""
    from mentoring.intake import _reads_back
    from mentoring.model import Person, Role

    sri = Person(id="sri", name="Sri", role=Role.PARTICIPANT)
    assert _reads_back('[[people]]\nid = "sri"\nname = "Sri"\nrole = "participant"\n', [sri]) is True
    assert _reads_back("people = 5\n", [sri]) is False
