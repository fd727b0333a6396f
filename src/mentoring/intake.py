"""Getting data in: people from a spreadsheet, and what is typed on the command line read as a
careful person would read it.

    plan = plan_people(sheet, cohort)              # pure: rows in, people (with ids) and problems out
    imported = import_people(root, "k1", path)     # checked, locked, atomic append to cohort.toml

Rows (CLI.md, "Exports and setting up"): a header in row 1 naming the columns in English or
Indonesian (`name`/`nama`, `id`, `role`/`peran`, `group`/`kelompok`, `organisation`/`organisasi`,
`sex`/`jenis kelamin`, `joined`/`bergabung`, `contact`/`kontak`); blank rows skipped; an id made
from the name when none is given (`layout.id_from`), made unique with `-2`, `-3`, ...; every bad
row a problem `FILE:ROW: error: COLUMN: message`, and nothing written while any row is bad.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Optional, Union

import attrs
import tomli
from filelock import Timeout

from . import model
from .errors import DataError, UsageError
from .layout import CURRICULA, SLUG, SLUG_RULE, cohort_folder, cohort_path, curriculum_path, id_from
from .lines import key_lines
from .problems import Keys, Problem, Severity, did_you_mean
from .checks import check_cohort_all, check_workspace
from .loader import locate, structure
from .logbook import (cohort_lock, compose, locate_in, lock_timeout_problem, record_block, record_data,
                      replace_file, replace_unchanged)
from .model import Loaded
from .sheet import Sheet, read_sheet
from .skeleton import cohort_text, curriculum_text
from .workspace import open_workspace

# --- numbers and attendance typed on the command line ------------------------------------------

_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_GROUPED = re.compile(r"([+-]?)([0-9]+)((?:[.,][0-9]+)+)")


def _plain_number(text: str) -> str:
    """A decimal written without trailing zeros or a separator (`12.500` -> `12.5`, `1.000` -> `1`)."""
    return format(decimal.Decimal(text).normalize(), "f")


def read_number(text: str, what: str) -> float:
    """A number typed on the command line, or a UsageError saying how to write it.

    A decimal comma (`1,5`), or one point followed by exactly three digits after a non-zero whole
    part (`1.000`, `12.500`, which in Indonesian are a thousand and twelve thousand five hundred),
    is refused as ambiguous, with the readings it could have."""
    value = text.strip()
    grouped = _GROUPED.fullmatch(value)
    point_thousands = re.fullmatch(r"[+-]?([0-9]+)\.[0-9]{3}", value)
    if _NUMBER.fullmatch(value) and not (point_thousands and int(point_thousands.group(1)) != 0):
        return float(value)
    if grouped is None:
        raise UsageError(f'{what}: "{text}" is not a number (write it such as 2 or 1.5)')
    sign, whole, rest = grouped.groups()
    separators = set(re.findall(r"[.,]", rest))
    groups = re.split(r"[.,]", rest)[1:]
    decimal_reading = sign + _plain_number(f"{whole}.{groups[0]}") if len(groups) == 1 else None
    thousands_reading = (sign + str(int(whole + "".join(groups)))
                         if len(separators) == 1 and len(whole) <= 3 and all(len(g) == 3 for g in groups) else None)
    if decimal_reading and thousands_reading:
        if separators == {"."}:
            why = f"it would be read as {decimal_reading}, but a point also separates thousands ({thousands_reading})"
        else:
            why = f"a comma may mark decimals ({decimal_reading}) or separate thousands ({thousands_reading})"
        raise UsageError(f'{what}: "{text}" is ambiguous: {why}; write {decimal_reading} or {thousands_reading}')
    if decimal_reading and separators == {","}:
        raise UsageError(f'{what}: "{text}" has a decimal comma: write {decimal_reading}')
    if thousands_reading:
        raise UsageError(f'{what}: "{text}" separates thousands: write {thousands_reading}')
    raise UsageError(f'{what}: "{text}" is not a number (write it such as 2 or 1.5)')


def attended_all(cohort: model.Cohort, day: dt.date, expected: Optional[Sequence[str]],
                 absent: Sequence[str] = ()) -> list[str]:
    """`--attended all`: every participant expected (the expected list when given, else everyone
    enrolled that day), less the absent ones; a UsageError for an absent id not among them."""
    everyone = list(expected) if expected is not None else [p.id for p in cohort.participants if cohort.enrolled(p, day)]
    for id_ in absent:
        if id_ not in everyone:
            raise UsageError(f'--absent: "{id_}" is not one of the participants expected on {day}{did_you_mean(id_, everyone)}')
    away = set(absent)
    return [id_ for id_ in everyone if id_ not in away]


# --- columns -----------------------------------------------------------------------------------

#: Each field of a person, with the column names (folded: lower case, words only) read as it.
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "nama", "nama lengkap", "nama peserta", "full name"),
    "id": ("id",),
    "role": ("role", "peran"),
    "group": ("group", "kelompok", "grup"),
    "organisation": ("organisation", "organization", "organisasi", "lembaga", "instansi"),
    "sex": ("sex", "gender", "jenis kelamin", "jenis kelamin l p", "kelamin", "jk", "l p"),
    "joined": ("joined", "bergabung", "tanggal bergabung", "tgl bergabung"),
    "contact": ("contact", "kontak", "telepon", "no hp", "hp", "email", "e mail", "whatsapp", "wa"),
}
_FIELD_OF = {alias: field for field, aliases in COLUMNS.items() for alias in aliases}

#: Words read as a role (besides the roles' own), and as a sex.
ROLE_WORDS = {"peserta": "participant", "pendamping": "mentor", "fasilitator": "facilitator",
              "pelaksana": "implementer", "koordinator": "coordinator", "pengamat": "observer"}
SEX_WORDS = {"female": "female", "p": "female", "perempuan": "female", "wanita": "female",
             "male": "male", "l": "male", "laki-laki": "male", "laki laki": "male", "lakilaki": "male", "pria": "male",
             "other": "other", "lainnya": "other"}


def _folded(header: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", header.casefold()))


def _text(cell: Any) -> str:
    """A cell as text: runs of white space (a carriage return, a line break, a tab) one space."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)  # a phone number or a group typed as a number
    if isinstance(cell, dt.datetime):
        cell = cell.date() if cell.time() == dt.time() else cell
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return " ".join(str(cell).split())


@attrs.frozen
class Columns:
    """Which column of a sheet holds which field."""

    index: dict[str, int]
    """Field name to its column (0-based)."""
    header: dict[str, str]
    """Field name to the column's name as the sheet writes it, for messages."""


def read_columns(sheet: Sheet) -> tuple[Optional[Columns], list[Problem]]:
    """The fields the header row names; a column not read is a warning, a missing name column or a
    field named twice an error (all in row 1)."""
    header = sheet.rows[0] if sheet.rows else ()
    index: dict[str, int] = {}
    shown: dict[str, str] = {}
    problems = []
    accepted = ", ".join(COLUMNS)
    for n, cell in enumerate(header):
        name = _text(cell)
        if not name:
            continue
        field = _FIELD_OF.get(_folded(name))
        if field is None:
            hint = did_you_mean(_folded(name), _FIELD_OF)
            problems.append(Problem(sheet.path, f'column "{name}" is not read{hint}; the columns read are {accepted} '
                                    "(or nama, kelompok, organisasi, jenis kelamin, ...)", Severity.WARNING, line=1))
        elif field in index:
            problems.append(Problem(sheet.path, f'columns "{shown[field]}" and "{name}" both give the {field}; keep one', line=1))
        else:
            index[field], shown[field] = n, name
    if "name" not in index:
        found = ", ".join(f'"{_text(c)}"' for c in header if _text(c)) or "none"
        problems.append(Problem(sheet.path, f'row 1 names no "name" (or "nama") column; columns found: {found}', line=1))
    return (Columns(index, shown) if not any(p.is_error for p in problems) else None), problems


# --- rows into people --------------------------------------------------------------------------


@attrs.frozen
class Row:
    """A person read from a row of a sheet, before the cohort is asked."""

    row: int
    """The row as a spreadsheet shows it (the header is row 1)."""
    fields: dict[str, Any]
    """The person's keys as TOML values (`id` only when the sheet gives one)."""


def _date(text: str, cell: Any) -> Optional[dt.date]:
    if isinstance(cell, dt.datetime) and cell.time() == dt.time():
        return cell.date()
    if isinstance(cell, dt.date) and not isinstance(cell, dt.datetime):
        return cell
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    return None


def read_row(number: int, cells: Sequence[Any], columns: Columns, path: str) -> tuple[Optional[Row], list[Problem]]:
    """One row of cells as a person's keys, or the problems with it (`COLUMN: message`); None and no
    problem for a blank row."""
    cell = {field: cells[n] if n < len(cells) else None for field, n in columns.index.items()}
    text = {field: _text(value) for field, value in cell.items()}
    if not any(_text(value) for value in cells):
        return None, []
    problems: list[Problem] = []

    def bad(field: str, message: str) -> None:
        problems.append(Problem(path, f"{columns.header[field]}: {message}", line=number))

    fields: dict[str, Any] = {}
    if not text["name"]:
        bad("name", "empty: every person needs a name")
    else:
        fields["name"] = text["name"]
    if text.get("id"):
        if SLUG.match(text["id"]):
            fields["id"] = text["id"]
        else:
            fixed = id_from(text["id"])
            bad("id", f'"{text["id"]}" is not a valid id: {SLUG_RULE}' + (f' (did you mean "{fixed}"?)' if fixed else ""))
    elif "name" in fields and not id_from(fields["name"]):
        bad("name", f'"{fields["name"]}" has no letter or digit an id can be made of; give an id in an "id" column')
    role = text.get("role", "").casefold()
    if not role:
        fields["role"] = "participant"
    elif role in {r.value for r in model.Role} or role in ROLE_WORDS:
        fields["role"] = ROLE_WORDS.get(role, role)
    else:
        roles = [r.value for r in model.Role]
        bad("role", f'"{text["role"]}" is not one of {", ".join(roles)} (blank means participant){did_you_mean(role, roles + list(ROLE_WORDS))}')
    sex = text.get("sex", "").casefold()
    if sex in SEX_WORDS:
        fields["sex"] = SEX_WORDS[sex]
    elif sex:
        bad("sex", f'"{text["sex"]}" is not one of female, male, other, P, L, perempuan, laki-laki')
    if text.get("joined"):
        day = _date(text["joined"], cell["joined"])
        if day is None:
            bad("joined", f'"{text["joined"]}" is not a date: write it year-month-day, such as 2015-03-05')
        else:
            fields["joined"] = day
    for field in ("group", "organisation", "contact"):
        if text.get(field):
            fields[field] = text[field]
    return (None if problems else Row(number, fields)), problems


@attrs.frozen
class NewPerson:
    """A person to be added from a row of a sheet."""

    row: int
    """The row of the sheet it comes from."""
    person: model.Person
    """The person, with the id given or made."""
    made_id: bool
    """True when the id was made from the name."""


@attrs.frozen
class Plan:
    """What a sheet would add to a cohort: the people, or the problems that stop it."""

    people: tuple[NewPerson, ...]
    """In the sheet's order (none when any row is bad)."""
    problems: tuple[Problem, ...]
    """Every bad row and column (errors) and what is worth a look (warnings), in row order."""

    @property
    def ok(self) -> bool:
        """True when no row is bad."""
        return not any(p.is_error for p in self.problems)


def unique_id(base: str, taken: set[str]) -> str:
    """base, else base-2, base-3, ...: the first not taken."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def plan_people(sheet: Sheet, cohort: model.Cohort, lines: Optional[dict[Keys, int]] = None) -> Plan:
    """The people a sheet would add to a cohort: each row read, ids made and kept unique, given ids
    checked against the cohort's (`lines`: cohort.toml's key lines, to say where an id is) and each
    other's, names met twice and dates after the cohort's end flagged."""
    people, end = cohort.people, cohort.end
    known = [id_ for id_ in cohort.unread_people.values() if id_ is not None]
    if sheet.problems:
        return Plan((), sheet.problems)
    columns, problems = read_columns(sheet)
    if columns is None:
        return Plan((), tuple(problems))
    rows: list[Row] = []
    for number, cells in enumerate(sheet.rows[1:], start=2):
        row, found = read_row(number, cells, columns, sheet.path)
        problems += found
        if row is not None:
            rows.append(row)
    where = {person.id: cohort.person_position(n) for n, person in enumerate(people)}
    taken = set(where) | set(known)
    given: dict[str, int] = {}
    for row in rows:
        id_ = row.fields.get("id")
        if id_ is None:
            continue
        if id_ in taken:
            line = f" (line {lines[('people', where[id_], 'id')]} of cohort.toml)" if lines and ("people", where.get(id_), "id") in lines else ""
            problems.append(Problem(sheet.path, f'{columns.header["id"]}: "{id_}" is already someone\'s id in the cohort{line}', line=row.row))
        elif id_ in given:
            problems.append(Problem(sheet.path, f'{columns.header["id"]}: "{id_}" is also the id on row {given[id_]}', line=row.row))
        else:
            given[id_] = row.row
    taken |= set(given)
    named = {person.name.casefold(): person.id for person in people}
    first_row: dict[str, int] = {}
    planned: list[NewPerson] = []
    for row in rows:
        fields = dict(row.fields)
        made = "id" not in fields
        if made:
            fields["id"] = unique_id(id_from(fields["name"]), taken)
            taken.add(fields["id"])
        key = fields["name"].casefold()
        if key in named:
            problems.append(Problem(sheet.path, f'{columns.header["name"]}: "{fields["name"]}" is already in the cohort as "{named[key]}"; '
                                    f'added again as "{fields["id"]}" (is the sheet imported twice?)', Severity.WARNING, line=row.row))
        elif key in first_row:
            problems.append(Problem(sheet.path, f'{columns.header["name"]}: "{fields["name"]}" is also on row {first_row[key]}; '
                                    f'both are added (this one as "{fields["id"]}")', Severity.WARNING, line=row.row))
        first_row.setdefault(key, row.row)
        joined = fields.get("joined")
        if joined is not None and joined > end:
            problems.append(Problem(sheet.path, f'{columns.header["joined"]}: {joined} is after the cohort\'s end ({end})',
                                    Severity.WARNING, line=row.row))
        person = model.Person(**{**fields, "role": model.Role(fields["role"]),
                                 "sex": model.Sex(fields["sex"]) if "sex" in fields else None})
        planned.append(NewPerson(row.row, person, made))
    problems.sort(key=lambda p: p.line or 0)
    ok = not any(p.is_error for p in problems)
    return Plan(tuple(planned) if ok else (), tuple(problems))


# --- writing people into cohort.toml -----------------------------------------------------------


@attrs.frozen
class Added:
    """A person added (or, on a dry run, to be added) to cohort.toml."""

    row: int
    """The row of the sheet it comes from."""
    person: model.Person
    """The person as written."""
    line: int
    """The line of its `[[people]]` header in cohort.toml (as it is, or would be, once written)."""


@attrs.frozen
class Intake:
    """What `import_people`, `new_cohort` or `new_curriculum` did: the file written (or, on a dry
    run, that would be), the people added to it, or the problems that stopped it."""

    path: str
    """The file (cohort.toml, or a curriculum), relative to the workspace."""
    added: tuple[Added, ...] = ()
    """The people added, or that would be on a dry run; none when a problem stopped them."""
    problems: tuple[Problem, ...] = ()
    """The sheet's problems (at its rows), any the new people bring to the cohort, or what else
    stopped the write."""
    written: bool = False
    """True when the file was written."""

    @property
    def ok(self) -> bool:
        """True when no error stopped it (written, or on a dry run writable)."""
        return not any(p.is_error for p in self.problems)


def people_blocks(added: Sequence[NewPerson], old: bytes) -> tuple[bytes, list[int]]:
    """cohort.toml's bytes with a `[[people]]` block per person appended (every old byte kept, its
    line ends used), and the line of each block's header."""
    blocks = [record_block("people", record_data(new.person)) for new in added]
    new, line = compose(old, "\n".join(blocks))
    lines = []
    for block in blocks:
        lines.append(line)
        line += block.count("\n") + 1
    return new, lines


def _at_rows(problems: Iterable[Problem], rel: str, rows: dict[int, int], shown: str) -> list[Problem]:
    """Problems of the new `[[people]]` entries (by their position) placed at their rows of the sheet."""
    out = []
    for problem in problems:
        position = problem.keys[1] if problem.path == rel and problem.keys[:1] == ("people",) and len(problem.keys) > 1 else None
        if position in rows:
            problem = attrs.evolve(problem, path=shown, line=rows[position], keys=(), first=())
        out.append(problem)
    return out


def check_new_people(root: Path, ws: Loaded, cohort: model.Cohort, plan: Plan, text: str, shown: str,
                     standing: Iterable[Problem] = ()) -> list[Problem]:
    """The problems the planned people bring to the cohort (those of their own entries at their
    rows of the sheet; the others, such as a record that now names someone twice, located)."""
    rel = cohort_path(cohort.id)
    first = len(cohort.people) + len(cohort.unread_people)
    rows = {first + n: new.row for n, new in enumerate(plan.people)}
    after = attrs.evolve(cohort, people=(*cohort.people, *(new.person for new in plan.people)))
    found = check_workspace(attrs.evolve(ws, cohorts={**ws.cohorts, cohort.id: after}), [cohort.curriculum])
    found = _at_rows(found, rel, rows, shown)
    found = locate(root, locate_in(text, rel, found))
    seen = set(standing)
    return [p for p in found if p not in seen]


def _reads_back(text: str, people: Sequence[model.Person]) -> bool:
    """Whether cohort.toml's new text reads back with these people as its last entries."""
    try:
        entries = tomli.loads(text).get("people")
    except tomli.TOMLDecodeError:
        return False
    if not isinstance(entries, list) or len(entries) < len(people):
        return False
    back = [structure(entry, model.Person, "")[0] for entry in entries[len(entries) - len(people):]]
    return back == list(people)


def import_people(root: Union[Path, str], cohort_id: str, file: Union[Path, str], shown: Optional[str] = None, *,
                  dry_run: bool = False, timeout: float = 60.0, on_wait: Optional[Callable[[str], None]] = None,
                  before_write: Optional[Callable[[], None]] = None) -> Intake:
    """Add the people of a CSV or XLSX sheet to a cohort's cohort.toml, or say why not.

    Under the cohort's lock (the one `append_record` takes): the sheet is planned against the
    cohort as it stands, the cohort is checked with the new people, and only when no row is bad
    and the people bring no error are `[[people]]` blocks appended (every old byte and comment
    kept), atomically. `shown` names the file in problems (default: as given). A dry run does all
    but the write. `on_wait` and `before_write` are as for `append_record`."""
    root = Path(root)
    rel = cohort_path(cohort_id)
    shown = shown or str(file)
    if not SLUG.match(cohort_id) or not (root / rel).is_file():
        return Intake(rel, problems=(Problem(rel, f'no cohort "{cohort_id}" in this workspace', line=1),))
    sheet = read_sheet(Path(file), shown)
    if sheet.problems:
        return Intake(rel, problems=sheet.problems)
    try:
        with cohort_lock(root, cohort_id, timeout, on_wait):
            return _import_locked(root, cohort_id, sheet, dry_run, before_write)
    except Timeout:
        return Intake(rel, problems=(lock_timeout_problem(root, cohort_id, timeout),))
    except OSError as exc:
        return Intake(rel, problems=(Problem(rel, f"cannot write: {exc.strerror or exc}; nothing written", line=1),))


def _import_locked(root: Path, cohort_id: str, sheet: Sheet, dry_run: bool,
                   before_write: Optional[Callable[[], None]]) -> Intake:
    rel = cohort_path(cohort_id)
    path = root / rel
    old = path.read_bytes()
    opened = open_workspace(root, search=False, cohorts=[cohort_id])
    cohort = opened.cohorts.get(cohort_id)
    standing = opened.problems_of(cohort_id)
    if cohort is None or cohort.curriculum not in opened.curricula:
        return Intake(rel, problems=tuple(p for p in standing if p.is_error))
    text = old.decode("utf-8-sig", errors="replace")
    plan = plan_people(sheet, cohort, key_lines(text))
    if not plan.ok:
        return Intake(rel, problems=plan.problems)
    new, lines = people_blocks(plan.people, old)
    new_text = new.decode("utf-8-sig", errors="replace")
    problems = (*plan.problems, *check_new_people(root, opened.data, cohort, plan, new_text, sheet.path, standing))
    added = tuple(Added(p.row, p.person, line) for p, line in zip(plan.people, lines))
    if any(p.is_error for p in problems):
        return Intake(rel, problems=problems)
    if not _reads_back(new_text, [p.person for p in plan.people]):
        return Intake(rel, problems=(*problems, Problem(rel, "the new people would not read back as written; nothing written", line=1)))
    if dry_run or not added:
        return Intake(rel, added, problems)
    if not replace_unchanged(path, old, new, before_write):
        return Intake(rel, problems=(*problems, Problem(rel, "changed while the people were being checked; nothing written, try again", line=1)))
    return Intake(rel, added, problems, written=True)


# --- new curricula and cohorts -----------------------------------------------------------------


def _new_id(id_: str, what: str) -> None:
    if not SLUG.match(id_):
        fixed = id_from(id_)
        raise UsageError(f'"{id_}" is not a valid {what} id: {SLUG_RULE}' + (f' (did you mean "{fixed}"?)' if fixed else ""))


def new_curriculum(root: Union[Path, str], curriculum_id: str, title: Optional[str] = None) -> Intake:
    """Write `curricula/<id>.toml`, a commented skeleton that passes the checks; a UsageError when
    the id is not one or the file exists."""
    root = Path(root)
    _new_id(curriculum_id, "curriculum")
    rel = curriculum_path(curriculum_id)
    if (root / rel).exists():
        raise UsageError(f"{rel} already exists")
    text = curriculum_text(curriculum_id, title)
    (root / CURRICULA).mkdir(parents=True, exist_ok=True)
    replace_file(root / rel, text.encode("utf-8"))
    return Intake(rel, written=True)


def new_cohort(root: Union[Path, str], cohort_id: str, curriculum_id: str, start: dt.date, end: dt.date,
               title: Optional[str] = None, people: Union[Path, str, None] = None, shown: Optional[str] = None) -> Intake:
    """Write `cohorts/<id>/cohort.toml` for a run of a curriculum: a commented skeleton that passes
    the checks, with the people of a CSV or XLSX sheet when one is given. A UsageError for a bad
    id, a cohort that exists, an unknown curriculum or an end before the start; a DataError when
    the curriculum has errors; bad rows of the sheet come back as problems, and nothing is written."""
    root = Path(root)
    _new_id(cohort_id, "cohort")
    rel = cohort_path(cohort_id)
    if (root / cohort_folder(cohort_id)).exists():
        raise UsageError(f"cohort {cohort_id} already exists ({cohort_folder(cohort_id)}/)")
    if start > end:
        raise UsageError(f"--start ({start}) is after --end ({end})")
    ws = open_workspace(root, search=False, cohorts=[])
    curriculum = ws.curricula.get(curriculum_id)
    if curriculum is None and curriculum_id not in ws.data.unreadable:
        known = sorted(ws.curricula)
        raise UsageError(f'unknown curriculum "{curriculum_id}"{did_you_mean(curriculum_id, known)}; '
                         f'curricula: {", ".join(known) or "none (make one with mentoring new curriculum ID)"}')
    errors = [p for p in ws.problems if p.is_error and p.path == curriculum_path(curriculum_id)]
    if curriculum is None or errors:
        raise DataError(f'curriculum "{curriculum_id}" has errors', errors)
    text = cohort_text(cohort_id, curriculum, start, end, title)
    data = tomli.loads(text)
    cohort, problems = structure({**data, "id": cohort_id}, model.Cohort, rel)
    if cohort is None:  # a title no TOML could hold, say: nothing to write
        return Intake(rel, problems=tuple(problems))
    content, added, problems = text.encode("utf-8"), (), []
    if people is not None:
        sheet = read_sheet(Path(people), shown or str(people))
        plan = plan_people(sheet, cohort)
        if not plan.ok:
            return Intake(rel, problems=plan.problems)
        content, lines = people_blocks(plan.people, content)
        problems = [*plan.problems, *check_new_people(root, ws.data, cohort, plan, content.decode("utf-8"), sheet.path)]
        added = tuple(Added(p.row, p.person, line) for p, line in zip(plan.people, lines))
    else:
        problems = check_cohort_all(cohort, curriculum)
    if any(p.is_error for p in problems):
        return Intake(rel, problems=tuple(problems))
    folder = root / cohort_folder(cohort_id)
    folder.mkdir(parents=True)
    replace_file(root / rel, content)
    return Intake(rel, added, tuple(problems), written=True)
