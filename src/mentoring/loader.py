"""Files to model: read a workspace's TOML into the model and say exactly what is wrong with it.

tomli parses (rtoml first where it gives exactly tomli's values, see `parse_toml`), one cattrs converter structures (unknown keys forbidden, every error collected), and
a problem's line is found in the file's text only once there is a problem to place. Bad data never
raises: it becomes a `Problem`.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import json
import math
import os
import re
import stat
import sys
import typing
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Optional, Union

import attrs
import cattrs
import tomli

try:
    import rtoml
except ImportError:  # optional: tomli alone gives the same values, more slowly
    rtoml = None
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from . import flat, model
from .cache import Cache, Shelf
from .flat import MISS
from .layout import (COHORT_FILE, COHORTS, CURRICULA, LOGS, SETTINGS_FILE, SLUG, SLUG_RULE, cohort_folder,
                     cohort_path, curriculum_path)
from .lines import header_lines, key_lines, nesting_problem, placed, single_brackets, syntax_problem
from .model import Quantity
from .problems import Keys, Problem, did_you_mean

PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*%\s*$")
_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*$")


class Invalid(ValueError):
    """A value of the wrong type or form; its message is shown to the user as it is."""


# --- the converter -----------------------------------------------------------------------------


def describe(value: object) -> str:
    """A value as the user wrote it, for "got ..." in a message."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.datetime):
        return f"a date and time ({value.isoformat()})"
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return repr(value)


def _expect(what: str, value: object) -> Invalid:
    return Invalid(f"expected {what}, got {describe(value)}")


def _structure_str(value: object, _: type) -> str:
    if isinstance(value, str):
        return value
    raise _expect("a string", value)


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _expect("a whole number", value)


def _is_number(value: object) -> bool:
    """A finite float or a 64-bit int, as TOML means numbers (nan and inf are no count, hours or target)."""
    if isinstance(value, bool):
        return False
    return (isinstance(value, int) and abs(value) < 2**63) or (isinstance(value, float) and math.isfinite(value))


def _structure_float(value: object, _: type) -> float:
    if _is_number(value):
        return float(value)
    raise _expect("a finite number" if isinstance(value, float) else "a number", value)


def _structure_bool(value: object, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise _expect("true or false", value)


def _structure_date(value: object, _: type) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        raise Invalid(f"expected a date such as 2015-03-05 (without quotes), got {describe(value)}")
    raise _expect("a date such as 2015-03-05", value)


def parse_percent(value: object) -> Optional[float]:
    """The number in a percentage string such as "75%", or None when it is not one."""
    match = PERCENT.match(value) if isinstance(value, str) else None
    return float(match.group(1)) if match else None


def _structure_quantity(value: object, _: type) -> Quantity:
    if _is_number(value):
        return Quantity(float(value))
    number = parse_percent(value)
    if number is None:
        hint = f' (did you mean "{value.strip()}%"?)' if isinstance(value, str) and _NUMBER.match(value) else ""
        raise Invalid(str(_expect('a finite number' if isinstance(value, float) else 'a number or a percentage such as "75%"', value)) + hint)
    if number > 100:
        raise Invalid(f"a percentage is 0 to 100, got {describe(value)}")
    return Quantity(number, percent=True)


def _structure_level(value: object, _: type) -> model.LevelRef:
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        return value
    raise _expect("a level number or a level name", value)


def _structure_assignments(value: object, _: type) -> Union[str, tuple[str, ...]]:
    if value == "required":
        return "required"
    if isinstance(value, list):
        return _structure_list(value, tuple[str, ...])
    raise _expect('"required" or a list of assignment ids', value)


def _structure_enum(value: object, type_: type[enum.Enum]) -> enum.Enum:
    try:
        return type_(value)
    except (ValueError, TypeError):
        names = [member.value for member in type_]
        hint = did_you_mean(value, names)
        raise Invalid(
            f"expected one of {', '.join(names)}, got {describe(value)}{hint}"
        ) from None


def _is_tuple(type_: Any) -> bool:
    return getattr(type_, "__origin__", None) is tuple


class NotTables(Invalid):
    """A single table (`[people]`) where an array of tables (`[[people]]`) is expected; the message
    names the key once it is known."""


def _each(items: Iterable[tuple[Any, Any]], type_: Any, element: Any) -> list[tuple[Any, Any]]:
    """Structure the value of each (index or key, value) pair as element, collecting every error
    as cattrs does (each noted with its index or key), and raise them together."""
    hook = converter.get_structure_hook(element)
    out, errors = [], []
    for place, item in items:
        try:
            out.append((place, hook(item, element)))
        except Exception as exc:  # noqa: BLE001 - collected and reported, like cattrs does
            exc.__notes__ = [*getattr(exc, "__notes__", []), IterableValidationNote(f"@ {place!r}", place, element)]
            errors.append(exc)
    if errors:
        raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
    return out


def _structure_list(value: object, type_: Any) -> tuple:
    """A TOML array into a tuple, collecting every element's error."""
    element = type_.__args__[0]
    if isinstance(value, dict) and attrs.has(element):
        raise NotTables("expected [[...]] tables, got a table")
    if not isinstance(value, list):
        raise _expect("a list", value)
    return tuple(item for _, item in _each(enumerate(value), type_, element))


def _structure_ids(value: object, type_: Any) -> tuple:
    """A list of strings (ids, mostly): the common case checked in one pass, each string interned,
    so that a participant named in 10,000 sessions is one string in memory, not 10,000."""
    if type(value) is list:
        try:
            return tuple(map(sys.intern, value))  # sys.intern takes nothing but a str
        except TypeError:
            pass
    return _structure_list(value, type_)


def _structure_table(value: object, type_: Any) -> dict:
    """A TOML table of id = value into a dict, collecting every value's error."""
    if not isinstance(value, dict):
        raise _expect("a table", value)
    return dict(_each(value.items(), type_, type_.__args__[1]))


def _attrs_hook_factory(cls: type, conv: cattrs.Converter) -> Any:
    structure = make_dict_structure_fn(cls, conv)
    quick = flat.structure_fn(cls)  # None for a class with nested tables, quantities, ...

    def structure_table(value: object, _: type) -> Any:
        if quick is not None and (record := quick(value)) is not MISS:
            return record
        if not isinstance(value, dict):
            raise _expect("a table", value)
        return structure(value, cls)

    return structure_table


def _is_optional(type_: Any) -> bool:
    return typing.get_origin(type_) is Union and type(None) in type_.__args__


def _optional_hook_factory(type_: Any, conv: cattrs.Converter) -> Any:
    """Optional[X]: X's hook found once, not looked up again for every value as cattrs' default does."""
    others = tuple(arg for arg in type_.__args__ if arg is not type(None))
    inner = others[0] if len(others) == 1 else Union[others]
    hook = conv.get_structure_hook(inner)

    def structure_optional(value: object, _: type) -> Any:
        return None if value is None else hook(value, inner)

    return structure_optional


def make_converter() -> cattrs.Converter:
    """The one converter: strict scalar types, unknown keys forbidden, every error collected."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # First, so that the exact unions registered below take precedence over it.
    conv.register_structure_hook_factory(_is_optional, _optional_hook_factory)
    for type_, hook in [
        (str, _structure_str),
        (int, _structure_int),
        (float, _structure_float),
        (bool, _structure_bool),
        (dt.date, _structure_date),
        (Quantity, _structure_quantity),
        (model.LevelRef, _structure_level),
        (model.Id, _structure_str),
        (Union[str, tuple[model.Id, ...]], _structure_assignments),  # Optional[...] by the factory above
    ]:
        conv.register_structure_hook(type_, hook)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda t: _structure_enum
    )
    conv.register_structure_hook_factory(
        _is_tuple, lambda t: _structure_ids if t.__args__ in ((str, ...), (model.Id, ...)) else _structure_list
    )
    conv.register_structure_hook_factory(
        lambda t: getattr(t, "__origin__", None) is dict, lambda t: _structure_table
    )
    conv.register_structure_hook_factory(attrs.has, _attrs_hook_factory)
    # The way back: a Quantity as written (10, "75%"), so that structure(unstructure(x)) == x.
    conv.register_unstructure_hook(Quantity, _unstructure_quantity)
    return conv


def _unstructure_quantity(quantity: Quantity) -> Union[float, str]:
    """A Quantity as TOML holds it: the number, or a percentage string (in full, never 1e-07%)."""
    if not quantity.percent:
        return quantity.value
    return f"{decimal.Decimal(repr(quantity.value)):f}%"


converter = make_converter()


def _field_names(cls: type) -> list[str]:
    return [field.name for field in attrs.fields(cls)]


def structure_errors(exc: BaseException, keys: Keys = ()) -> list[tuple[Keys, Keys, str]]:
    """A cattrs error as (where, about, message) triples, one per thing wrong.

    `where` places the problem (the line of that key), `about` names it in the message: they differ
    for an unknown key (placed at itself, named by its table) and a missing one (placed at its
    table). Cf. cattrs.transform_error, which makes strings of the same walk.
    """
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        with_notes, without = exc.group_exceptions()
        out: list[tuple[Keys, Keys, str]] = []
        for sub, note in with_notes:
            step = note.name if isinstance(exc, ClassValidationError) else note.index
            out.extend(structure_errors(sub, (*keys, step)))
        for sub in without:
            out.extend(structure_errors(sub, keys))
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        known = _field_names(exc.cl)
        return [
            ((*keys, key), keys, f'unknown key "{key}"{did_you_mean(key, known)}')
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, KeyError) and keys:
        return [(keys[:-1], keys[:-1], f'missing required key "{keys[-1]}"')]
    if isinstance(exc, NotTables) and keys and isinstance(keys[-1], str):
        return [(keys, keys, f"expected [[{keys[-1]}]] tables (two brackets), got a table")]
    if isinstance(exc, Invalid):
        return [(keys, keys, str(exc))]
    return [(keys, keys, f"invalid value ({type(exc).__name__}: {exc})")]


def label(keys: Keys) -> str:
    """Keys as the user reads them: `modules.objectives[1]` (the line says which module)."""
    text = ""
    for position, key in enumerate(keys):
        if isinstance(key, int):
            if position != 1:
                text += f"[{key}]"
        else:
            text += f".{key}" if text else str(key)
    return text


def structure(data: Any, cls: type, path: str, keys: Keys = (), hook: Any = None) -> tuple[Any, list[Problem]]:
    """Data into a model class, or None and the problems that stopped it (`hook`: the class's
    structure hook, when the caller structures many records and has it at hand)."""
    try:
        return (hook or converter.get_structure_hook(cls))(data, cls), []
    except Exception as exc:  # noqa: BLE001 - every structuring failure becomes problems
        problems = []
        for where, about, message in structure_errors(exc, keys):
            prefix = f"{label(about)}: " if label(about) else ""
            problems.append(Problem(path, prefix + message, keys=where))
        return None, problems


# --- reading files -----------------------------------------------------------------------------


def outside_link(root: Path, rel: str) -> Optional[str]:
    """The first part of rel (itself or a folder on the way) that is a symbolic link resolving
    outside the workspace, relative to it; None when rel stays inside."""
    parts = rel.split("/")
    for end in range(1, len(parts) + 1):
        path = os.path.join(root, *parts[:end])
        try:
            # The workspace's real path is worked out only when a link is met: most files have none.
            if os.path.islink(path) and not Path(path).resolve().is_relative_to(root.resolve()):
                return "/".join(parts[:end])
        except (OSError, RuntimeError):  # a loop of links: reading it fails, and says so
            return None
    return None


def link_problem(rel: str, link: str) -> Problem:
    """The problem with a file reached through a link to outside the workspace (the link may be a folder)."""
    where = "is" if link == rel else f"{link}/ is"
    return Problem(rel, f"{where} a link to a place outside the workspace; not read", line=1)


def read_bytes(root: Path, rel: str) -> tuple[Optional[bytes], Optional[os.stat_result], list[Problem]]:
    """A file's bytes and its stat, or a problem saying why they cannot be had.

    Only a regular file inside the workspace is read: a link (to the file, or to a folder on its
    way) that leads outside the workspace, a folder, a device or a pipe is refused unread."""
    path = root / rel
    try:
        if (link := outside_link(root, rel)) is not None:
            return None, None, [link_problem(rel, link)]
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            return None, None, [Problem(rel, "is a folder, not a file; not read", line=1)]
        if not stat.S_ISREG(status.st_mode):
            return None, None, [Problem(rel, "is not a regular file (a device or a pipe?); not read", line=1)]
        return path.read_bytes(), status, []
    except OSError as exc:
        return None, None, [Problem(rel, f"cannot be read ({exc.strerror or exc})", line=1)]


def decode(rel: str, raw: bytes) -> tuple[Optional[str], list[Problem]]:
    """A file's bytes as text (BOM dropped), or a problem saying why they are not UTF-8 text."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(rel, "is UTF-16 text, not UTF-8 (save it again as UTF-8)", line=1)]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        why = "is it a binary file?" if b"\x00" in raw else "was it saved in another encoding? save it again as UTF-8"
        return None, [Problem(rel, f"is not UTF-8 text ({why})", line=line)]


def read_text(root: Path, rel: str) -> tuple[Optional[str], list[Problem]]:
    """A file's text (BOM dropped), or a problem saying why it cannot be had."""
    raw, _, problems = read_bytes(root, rel)
    return (None, problems) if raw is None else decode(rel, raw)


def header_lines_of(root: Path, paths: Iterable[str]) -> dict[str, dict[str, list[int]]]:
    """The lines of the `[[...]]` headers of each file named (`lines.header_lines`: by table
    name, in order), each file read once; a file that cannot be read gives none."""
    found = {}
    for rel in dict.fromkeys(paths):
        text, _ = read_text(root, rel)
        found[rel] = header_lines(text) if text is not None else {}
    return found


def parse(root: Path, rel: str) -> tuple[Optional[dict], list[Problem]]:
    """A TOML file as a dict, or the problem that stopped it, at its line."""
    text, problems = read_text(root, rel)
    return (None, problems) if text is None else parse_text(rel, text)


#: An offset date-time (`07:32:00Z`, `07:32-07:00`): rtoml gives those a time zone of its own class,
#: tomli a `datetime.timezone`. Matched anywhere, in strings too (and a little more than the time
#: itself, so that the search can start from each colon): tomli then parses the file.
_OFFSET_TIME = re.compile(r":\d\d(?::\d\d(?:\.\d+)?)?[Zz+-]")


def parse_toml(text: str) -> dict:
    """TOML text as tomli parses it, about 2.5 times as fast: through rtoml, which gives the same
    values on every valid document of the TOML project's own suite (tests/test_toml_parsers.py)
    except date-times with an offset, so a text that may hold one goes to tomli, as does a text
    starting with a byte order mark and anything rtoml refuses (an error, nesting deeper than it
    allows): tomli's errors and messages are the ones a user sees. Raises what tomli raises."""
    if rtoml is not None and not text.startswith("\ufeff") and _OFFSET_TIME.search(text) is None:
        try:
            return rtoml.loads(text)
        except Exception:  # noqa: BLE001 - tomli says what is wrong, as it always has
            pass
    return tomli.loads(text)


def parse_text(rel: str, text: str) -> tuple[Optional[dict], list[Problem]]:
    """TOML text as a dict, or the problem that stopped it, at its line."""
    try:
        return parse_toml(text), []
    except tomli.TOMLDecodeError as exc:
        return None, [syntax_problem(rel, text, exc)]
    except RecursionError as exc:
        return None, [nesting_problem(rel, text, exc)]


def _reserved(data: dict, path: str, names: Sequence[str], why: str) -> list[Problem]:
    return [Problem(path, f'unknown key "{name}" ({why})', keys=(name,)) for name in names if name in data]


def load_curriculum(root: Path, id_: str) -> tuple[Optional[model.Curriculum], list[Problem]]:
    """`curricula/<id>.toml` into a Curriculum."""
    path = curriculum_path(id_)
    data, problems = parse(root, path)
    if data is None:
        return None, problems
    problems += _reserved(data, path, ["id"], "a curriculum's id is its file's name")
    if problems:
        return None, problems
    return structure({**data, "id": id_}, model.Curriculum, path)


def load_settings(root: Path) -> tuple[model.Settings, list[Problem]]:
    """`mentoring.toml` into Settings: the defaults when the file is absent, and when it cannot be
    read (then with the problems that say why, unlocated like every structuring problem)."""
    if not (root / SETTINGS_FILE).exists() and not (root / SETTINGS_FILE).is_symlink():
        return model.Settings(), []
    data, problems = parse(root, SETTINGS_FILE)
    if data is None:
        return model.Settings(), problems
    settings, problems = structure(data, model.Settings, SETTINGS_FILE)
    return settings or model.Settings(), problems


def load_log(root: Path, rel: str, shelf: Optional[Shelf] = None) -> tuple[model.LogFile, list[Problem]]:
    """One log file into its records; a record that does not structure is left out, with problems.

    With a cohort's shelf of the cache, a file whose bytes are unchanged is served from it, and a
    file read is kept in it."""
    raw, status, problems = read_bytes(root, rel)
    if raw is None:
        return model.LogFile(rel), problems
    if shelf is not None and (hit := shelf.lookup(rel, raw, status)) is not None:
        return hit
    text, problems = decode(rel, raw)
    data, problems = (None, problems) if text is None else parse_text(rel, text)
    log, problems = _records_of(rel, data, problems)
    if shelf is not None:
        shelf.store(rel, raw, status, log, problems)
    return log, problems


def _records_of(rel: str, data: Optional[dict], problems: list[Problem]) -> tuple[model.LogFile, list[Problem]]:
    """A parsed log's records, each structured on its own."""
    records: dict[str, list] = {name: [] for name in model.RECORD_KINDS}
    skipped: dict[str, list[int]] = {}
    for kind, items in (data or {}).items():
        cls = model.RECORD_KINDS.get(kind)
        if cls is None:
            hint = did_you_mean(kind, model.RECORD_KINDS)
            known = ", ".join(f"[[{name}]]" for name in model.RECORD_KINDS)
            problems.append(Problem(rel, f'unknown record kind "{kind}"{hint}; a log holds {known}', keys=(kind,)))
            continue
        if not isinstance(items, list):
            why = single_brackets(kind) if isinstance(items, dict) else f"expected [[{kind}]] records, got {describe(items)}"
            problems.append(Problem(rel, f"{kind}: {why}", keys=(kind,)))
            continue
        hook = converter.get_structure_hook(cls)
        for index, item in enumerate(items):
            record, found = structure(item, cls, rel, (kind, index), hook)
            problems += found
            if record is None:
                skipped.setdefault(kind, []).append(index)
            else:
                records[kind].append(record)
    log = model.LogFile(
        rel,
        **{model.RECORD_TABLES[kind]: tuple(read) for kind, read in records.items()},
        skipped={kind: tuple(positions) for kind, positions in skipped.items()},
    )
    return log, problems


def load_cohort(root: Path, id_: str, cache: Optional[Cache] = None) -> tuple[Optional[model.Cohort], list[Problem]]:
    """`cohorts/<id>/cohort.toml` and its logs into a Cohort."""
    folder = cohort_folder(id_)
    path = cohort_path(id_)
    if (link := outside_link(root, folder)) is not None:
        return None, [link_problem(path, link)]
    if not (root / path).exists() and not (root / path).is_symlink():
        return None, [Problem(path, f"{folder}/ has no {COHORT_FILE}: a cohort folder needs one")]
    data, problems = parse(root, path)
    if data is None:
        return None, problems
    problems += _reserved(data, path, ["id"], "a cohort's id is its folder's name")
    problems += _reserved(data, path, ["logs"], f"logs are files under {folder}/{LOGS}/")
    if problems:
        return None, problems
    people = data.pop("people", [])
    cohort, problems = structure({**data, "id": id_}, model.Cohort, path)
    read, unread, found = _people_of(path, people)
    problems += found
    if read is None or None in unread.values():  # who the records may name is not known: they are not checked
        cohort = None
    elif cohort is not None:
        cohort = attrs.evolve(cohort, people=read, unread_people=unread)
    logs, rels = [], []
    if (link := outside_link(root, f"{folder}/{LOGS}")) is not None:  # its files are not even listed
        problems.append(link_problem(path, link))
    else:
        rels = list_files(root, f"{folder}/{LOGS}", "*.toml")
    shelf = cache.shelf(id_) if cache is not None else None
    for rel in rels:
        log, found = load_log(root, rel, shelf)
        logs.append(log)
        problems += found
    if shelf is not None:
        shelf.save(rels)
    if cohort is not None:
        cohort = attrs.evolve(cohort, logs=tuple(logs))
    return cohort, problems


def _people_of(path: str, people: object) -> tuple[Optional[tuple[model.Person, ...]], dict[int, Optional[str]], list[Problem]]:
    """A cohort's `[[people]]` entries, each structured on its own: those read, the positions (and
    ids, where given as text) of those that could not be, and every problem; None when `people` is
    not a list of entries at all."""
    if not isinstance(people, list):
        return None, {}, structure(people, tuple[model.Person, ...], path, ("people",))[1]
    read, unread, problems = [], {}, []
    hook = converter.get_structure_hook(model.Person)
    for index, item in enumerate(people):
        person, found = structure(item, model.Person, path, ("people", index), hook)
        problems += found
        if person is not None:
            read.append(person)
        else:
            id_ = item.get("id") if isinstance(item, dict) else None
            unread[index] = id_ if isinstance(id_, str) else None
    return tuple(read), unread, problems


def list_files(root: Path, folder: str, pattern: str) -> list[str]:
    """Files matching a pattern in a workspace folder, relative, sorted by code point."""
    base = root / folder
    if not base.is_dir():
        return []
    return sorted(f"{folder}/{p.name}" for p in base.glob(pattern) if p.is_file() or p.is_symlink())


def cohort_ids(root: Path) -> list[str]:
    """The ids of every cohort folder in a workspace, sorted."""
    base = root / COHORTS
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith("."))


def curriculum_ids(root: Path) -> list[str]:
    """The ids of every curriculum file in a workspace, sorted."""
    return [Path(rel).stem for rel in list_files(root, CURRICULA, "*.toml")]


def snapshot(root: Path, cohorts: Optional[Iterable[str]] = None) -> tuple[tuple[str, int, int], ...]:
    """Every file a load of these cohorts (default: all) reads, as (path, size, modification time in
    ns): the settings, every curriculum, each cohort's cohort.toml and logs; a file that is not there
    (no settings, a cohort folder without its cohort.toml) as (path, -1, 0). Nothing is read. Two
    snapshots differ when a file was edited, added or removed (an editor's save, a `git pull`)."""
    out = [_stat(root, SETTINGS_FILE), *_stat_folder(root, CURRICULA)]
    for id_ in cohort_ids(root) if cohorts is None else cohorts:
        if SLUG.match(id_):
            out += [_stat(root, cohort_path(id_)), *_stat_folder(root, f"{cohort_folder(id_)}/{LOGS}")]
    return tuple(out)


def _stat(root: Path, rel: str) -> tuple[str, int, int]:
    try:
        status = os.stat(os.path.join(root, rel))
    except OSError:
        return rel, -1, 0
    return rel, status.st_size, status.st_mtime_ns


def _stat_folder(root: Path, folder: str) -> list[tuple[str, int, int]]:
    """The `*.toml` files of a folder as `snapshot` gives them, sorted (one scandir, no glob)."""
    try:
        with os.scandir(os.path.join(root, folder)) as entries:
            names = sorted(entry.name for entry in entries if entry.name.endswith(".toml"))
    except OSError:
        return []
    return [_stat(root, f"{folder}/{name}") for name in names]


def load_workspace(
    root: Path, cohorts: Optional[Iterable[str]] = None, cache: Optional[Cache] = None
) -> tuple[model.Loaded, list[Problem]]:
    """Every curriculum and the named cohorts (default: all), and every problem of reading them,
    not yet located. `mentoring.open_workspace` is the door that also checks and locates."""
    problems: list[Problem] = []
    curricula, unreadable = {}, set()
    for id_ in curriculum_ids(root):
        if not SLUG.match(id_):
            problems.append(Problem(curriculum_path(id_), f'"{id_}" is not a valid id: {SLUG_RULE}'))
        curriculum, found = load_curriculum(root, id_)
        problems += found
        if curriculum is None:
            unreadable.add(id_)
        else:
            curricula[id_] = curriculum
    loaded = {}
    for id_ in cohort_ids(root) if cohorts is None else cohorts:
        if not SLUG.match(id_):
            problems.append(Problem(cohort_path(id_), f'"{id_}" is not a valid id: {SLUG_RULE}', line=1))
            if not id_ or id_ in (".", "..") or any(sep in id_ for sep in "/\\") or os.path.isabs(id_):
                continue  # not a folder name: it would lead out of cohorts/, so nothing is read
        cohort, found = load_cohort(root, id_, cache)
        problems += found
        if cohort is not None:
            loaded[id_] = cohort
    return model.Loaded(curricula, loaded, frozenset(unreadable)), problems


def locate(root: Path, problems: Iterable[Problem]) -> list[Problem]:
    """Give every problem without a line the line of its keys, reading each file once."""
    cache: dict[str, dict[Keys, int]] = {}
    out = []
    for problem in problems:
        if problem.line is None:
            if problem.path not in cache:
                try:
                    raw = (root / problem.path).read_bytes()
                    cache[problem.path] = key_lines(raw.decode("utf-8-sig", errors="replace"))
                except OSError:
                    cache[problem.path] = {}
            problem = placed(problem, cache[problem.path])
        out.append(problem)
    return out
