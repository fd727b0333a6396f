"""JSON Schemas for editors (mentoring.export.schema): generated from the model, shipped in the
package byte for byte, accepting the example workspace and rejecting the bad inputs of
tests/bad/cases.py that are a wrong type, a value outside a list, an unknown or a missing key."""

from __future__ import annotations

import datetime as dt
import enum
import fnmatch
import re
import subprocess
import sys
from pathlib import Path
from typing import Optional

import attrs
import jsonschema
import pytest
import tomli
from hypothesis import example, given
from hypothesis import strategies as st

from mentoring import model
from mentoring.export import schema as gen
from mentoring.loader import parse_percent

from bad.cases import CASES
from conftest import toml

ROOT = Path(__file__).parents[1]
SLUG = "^[a-z0-9][a-z0-9_-]*$"
NAMES = ["cohort", "curriculum", "log", "settings"]


# --- the generator, on small classes of its own ----------------------------------------------------


class Colour(enum.Enum):
    """A colour."""

    RED = "red"
    BLUE = "blue"


@attrs.frozen
class Part:
    """A part."""

    name: str
    """Its name."""


@attrs.frozen
class Thing:
    """A thing."""

    id: model.Id
    """Its id."""
    size: float
    """How big
    it is."""
    parts: tuple[Part, ...] = ()
    """Its parts."""
    colour: Colour = Colour.RED
    """Its colour."""
    tags: tuple[str, ...] = ("new",)
    """Free words."""
    seen: Optional[dt.date] = None
    """When it was seen."""
    counts: dict[model.Id, int] = attrs.Factory(dict)
    """A count per id."""
    notes: dict[str, bool] = attrs.Factory(dict)
    """Anything."""


def test_object_schema_follows_fields_types_defaults_and_docstrings():
    """Each field becomes a key with its docstring, the JSON of its type and a default worth showing;
    fields without a default are required; no other key is allowed."""
    assert gen.object_schema(Thing) == {
        "type": "object",
        "properties": {
            "id": {"description": "Its id.", "type": "string", "pattern": SLUG},
            "size": {"description": "How big\nit is.", "type": "number"},
            "parts": {"description": "Its parts.", "type": "array", "items": {
                "type": "object",
                "properties": {"name": {"description": "Its name.", "type": "string"}},
                "required": ["name"],
                "additionalProperties": False,
            }},
            "colour": {"description": "Its colour.", "type": "string", "enum": ["red", "blue"], "default": "red"},
            "tags": {"description": "Free words.", "type": "array", "items": {"type": "string"}, "default": ["new"]},
            "seen": {"description": "When it was seen.", "type": "string", "format": "date"},
            "counts": {"description": "A count per id.", "type": "object", "additionalProperties": {"type": "integer"},
                       "propertyNames": {"type": "string", "pattern": SLUG}},
            "notes": {"description": "Anything.", "type": "object", "additionalProperties": {"type": "boolean"}},
        },
        "required": ["id", "size"],
        "additionalProperties": False,
    }


def test_fields_left_out_are_not_keys():
    """A field left out (a file's own id) is neither a key nor required."""
    schema = gen.object_schema(Thing, frozenset({"id", "notes"}))
    assert list(schema["properties"]) == ["size", "parts", "colour", "tags", "seen", "counts"]
    assert schema["required"] == ["size"]


@attrs.frozen
class Odd:
    """A class with a field of a type no TOML file holds."""

    z: complex
    """A complex number."""


def test_a_type_the_walk_does_not_know_stops_it():
    """A field of a type the generator cannot express is an error naming the type, not a key left out."""
    with pytest.raises(TypeError, match="no JSON Schema for <class 'complex'>"):
        gen.object_schema(Odd)


def test_a_new_record_kind_is_in_the_log_schema(monkeypatch):
    """A record kind added to model.RECORD_KINDS is a key of the log schema: an array of its tables,
    described by its class's docstring."""
    monkeypatch.setattr(model, "RECORD_KINDS", {**model.RECORD_KINDS, "thing": Thing})
    log = gen.schemas()["log"]
    assert list(log["properties"]) == [*list(model.RECORD_KINDS)[:-1], "thing"]
    assert log["properties"]["thing"] == {"description": "A thing.", "type": "array", "items": gen.object_schema(Thing)}


# --- the four schemas --------------------------------------------------------------------------------


def walk(schema: object, where: str = ""):
    """Every (place, property schema) under any "properties" of a schema, recursively."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties":
                for name, prop in value.items():
                    yield f"{where}.{name}", prop
                    yield from walk(prop, f"{where}.{name}")
            else:
                yield from walk(value, where)
    elif isinstance(schema, list):
        for item in schema:
            yield from walk(item, where)


def test_the_four_schemas_are_valid_draft_07():
    """curriculum, cohort, log and settings are each a valid draft-07 JSON Schema."""
    found = gen.schemas()
    assert sorted(found) == NAMES
    for schema in found.values():
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        jsonschema.Draft7Validator.check_schema(schema)


def test_every_key_has_a_description():
    """Every key of every schema carries its field's docstring, so editors show it on hover (a field
    added without a docstring fails here)."""
    missing = [f"{name}{place}" for name, schema in gen.schemas().items()
               for place, prop in walk(schema) if not prop.get("description")]
    assert not missing


def test_a_files_own_id_and_what_the_loader_adds_are_left_out():
    """A curriculum's and a cohort's own id (their file's and folder's name), a cohort's logs and the
    people entries the loader could not read are not keys of their files; every other field of the class is."""
    found = gen.schemas()
    for name, cls, left_out in [("curriculum", model.Curriculum, {"id"}), ("cohort", model.Cohort, {"id", "logs", "unread_people"}),
                                ("settings", model.Settings, set())]:
        assert set(found[name]["properties"]) == {f.name for f in attrs.fields(cls)} - left_out


def test_ids_and_references_carry_the_slug_pattern():
    """Ids and references to them (a session's mentor, the ids it lists, a target's result id) are slugs; free
    text (a title, a person's name) is not held to the pattern."""
    found = gen.schemas()
    session = found["log"]["properties"]["session"]["items"]["properties"]
    assert session["mentor"]["pattern"] == SLUG and session["attended"]["items"]["pattern"] == SLUG
    assert found["cohort"]["properties"]["targets"]["propertyNames"]["pattern"] == SLUG
    assert "pattern" not in found["cohort"]["properties"]["people"]["items"]["properties"]["name"]
    assert "pattern" not in found["curriculum"]["properties"]["title"]


NUMBERS = st.one_of(st.integers(0, 1000).map(str), st.decimals(0, 1000, places=2).map(str), st.just(".5"), st.just("5."))
PERCENTAGES = st.tuples(st.sampled_from(["", " ", "\t", "-", "+"]), st.sampled_from(["", "0", "00"]), NUMBERS,
                        st.sampled_from(["", " "]), st.sampled_from(["%", "", "%%"]), st.sampled_from(["", " "])).map("".join)


@given(st.one_of(PERCENTAGES, st.text(alphabet="0123456789.% \t-+e", max_size=12)))
@example("100%")
@example("100.00%")
@example("100.01%")
@example("101%")
@example("007.5 %")
@example(".5%")
def test_the_percentage_pattern_agrees_with_the_loader(text):
    """A string matches the schema's percentage pattern exactly when the loader reads it as a percentage of 0 to 100."""
    number = parse_percent(text)
    assert (re.search(gen.PERCENT_PATTERN, text) is not None) == (number is not None and number <= 100)


# --- shipped copies ------------------------------------------------------------------------------------


def test_shipped_schemas_are_what_the_model_generates():
    """src/mentoring/schemas holds exactly the four generated files, byte for byte (regenerate them with
    `python -m mentoring.export.schema` after changing the model)."""
    shipped = sorted(path.name for path in gen.PACKAGED.iterdir())
    assert shipped == [f"{name}.schema.json" for name in NAMES]
    for name, schema in gen.schemas().items():
        assert (gen.PACKAGED / gen.file_name(name)).read_bytes() == gen.render(schema).encode("utf-8"), name


def test_the_regeneration_command_reproduces_the_shipped_files(tmp_path):
    """`python -m mentoring.export.schema DIR` writes the four files, identical to the shipped ones."""
    subprocess.run([sys.executable, "-m", "mentoring.export.schema", str(tmp_path)], check=True, capture_output=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{name}.schema.json" for name in NAMES]
    for path in tmp_path.iterdir():
        assert path.read_bytes() == (gen.PACKAGED / path.name).read_bytes(), path.name


def test_schema_command_writes_into_the_workspace_by_default(run, workspace, minimal):
    """`mentoring schema` writes the four shipped files into the workspace's schemas/ and prints each path."""
    root = workspace(minimal)
    out = run("-w", str(root), "schema")
    assert (out.exit_code, out.stderr) == (0, "")
    assert out.stdout.splitlines() == [f"{root.as_posix()}/schemas/{name}.schema.json" for name in NAMES]
    for name in NAMES:
        assert (root / "schemas" / f"{name}.schema.json").read_bytes() == (gen.PACKAGED / f"{name}.schema.json").read_bytes()


def test_schema_command_makes_the_output_folder(run, no_workspace_above, monkeypatch):
    """`--output DIR` writes into DIR, making it (and its parents) when missing; no workspace is needed."""
    monkeypatch.chdir(no_workspace_above)
    out = run("schema", "--output", "editor/json")
    assert out.exit_code == 0 and out.stdout.splitlines()[0] == "editor/json/cohort.schema.json"
    assert sorted(p.name for p in (no_workspace_above / "editor/json").iterdir()) == [f"{name}.schema.json" for name in NAMES]


def test_schema_command_into_a_file_is_a_usage_error(run, tmp_path, monkeypatch):
    """An --output that is a file, not a folder, stops with a one-line message and exit code 2, and the file is kept."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    out = run("schema", "--output", "notes.txt")
    assert (out.exit_code, out.stdout) == (2, "")
    assert out.stderr == "mentoring: error: cannot write the schemas to notes.txt: File exists\n"
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


# --- files against the schemas ---------------------------------------------------------------------------


def as_json(value: object) -> object:
    """Parsed TOML as editors hand it to a JSON Schema: dates and times become ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (dt.date, dt.time)):  # dt.datetime is a dt.date
        return value.isoformat()
    return value


def schema_for(rel: str) -> Optional[str]:
    """The name of the schema a workspace file is checked against, or None."""
    for name, glob in gen.FILES.items():
        if fnmatch.fnmatchcase(rel, glob) and rel.count("/") == glob.count("/"):
            return name
    return None


VALIDATORS = {name: jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
              for name, schema in gen.schemas().items()}


def schema_errors(rel: str, text: str) -> list[str]:
    """What the file's schema says is wrong with a TOML text (nothing for a file no schema is for)."""
    name = schema_for(rel)
    if name is None:
        return []
    return [f"{rel}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in VALIDATORS[name].iter_errors(as_json(tomli.loads(text)))]


def test_files_are_matched_to_their_schema():
    """Each kind of workspace file is checked against its own schema, and other files against none."""
    assert [schema_for(rel) for rel in ["curricula/sosmed.toml", "cohorts/k1/cohort.toml", "cohorts/k1/logs/rina.toml",
                                        "mentoring.toml", "cohorts/k1/notes.toml", "curricula/old/x.toml"]] == [
        "curriculum", "cohort", "log", "settings", None, None]


def example_files() -> list[str]:
    """Every file of the example workspace that a schema is for, relative to the repository."""
    return sorted(p.relative_to(ROOT).as_posix() for glob in gen.FILES.values() for p in ROOT.glob(glob))


def test_every_example_file_validates():
    """Each curriculum, cohort and log of the example workspace is valid against its schema."""
    files = example_files()
    assert len([f for f in files if f.startswith("curricula/")]) >= 4 and len(files) > 50
    errors = [e for rel in files for e in schema_errors(rel, (ROOT / rel).read_text(encoding="utf-8"))]
    assert not errors


#: Bad inputs of the corpus that are a wrong type, enumeration, unknown or missing key, yet that a JSON
#: Schema cannot reject, and why (docs/interop.md gives the same reasons to editors' users).
QUOTED_DATE = "a date written in quotes"
DATE_AS_TEXT = "a date or a time where text is expected"
WHOLE_WITH_POINT = "a whole number written with a decimal point"
NOT_FINITE = "nan or inf where a number is expected"
TOO_BIG = "a whole number beyond 64 bits"
EARLIEST = "an action whose earliest record gives no text"  # which record is earliest is known across files only
UNCATCHABLE = {
    'type: cohort line 2 start = "2015-03-01"': QUOTED_DATE,
    'type: cohort line 18 joined = "2015-03-01"': QUOTED_DATE,
    'type: action line 3 date = "2015-03-10"': QUOTED_DATE,
    "type: baseline date in quotes": QUOTED_DATE,
    "type: curriculum line 8 text = 2015-03-01": DATE_AS_TEXT,
    "type: curriculum line 17 title = 10:00:00": DATE_AS_TEXT,
    "type: log line 15 title = 2015-03-03": DATE_AS_TEXT,
    "type: curriculum line 68 every_days = 7.0": WHOLE_WITH_POINT,
    "type: log line 27 level = 1.0": WHOLE_WITH_POINT,
    "type: target nan": NOT_FINITE,
    "type: planned hours inf": NOT_FINITE,
    "type: session hours nan": NOT_FINITE,
    "type: measurement value -inf": NOT_FINITE,
    "type: baseline beyond 64 bits": TOO_BIG,
    "missing: action text on its earliest record": EARLIEST,
    "missing: action text blank on its earliest record": EARLIEST,
}
STRUCTURAL = ("type:", "enum:", "unknown key:", "missing:")


def case_errors(files: dict) -> list[str]:
    """Schema errors of a case's TOML files (files that are not UTF-8 TOML are the parser's business)."""
    errors = []
    for rel, content in files.items():
        if content is None:
            continue
        try:
            text = toml(content) if isinstance(content, str) else content.decode("utf-8-sig")
            tomli.loads(text)
        except (UnicodeDecodeError, tomli.TOMLDecodeError):
            continue
        errors += schema_errors(rel, text)
    return errors


@pytest.mark.parametrize("files", [pytest.param(f, id=n) for n, f, _ in CASES if n.startswith(STRUCTURAL) and n not in UNCATCHABLE])
def test_structural_bad_input_is_rejected_by_the_schema(files):
    """A bad input the loader rejects for its type, an enumeration, an unknown or a missing key is rejected by the schema too."""
    assert case_errors(files)


@pytest.mark.parametrize("files", [pytest.param(f, id=n) for n, f, _ in CASES if n in UNCATCHABLE])
def test_uncatchable_bad_input_passes_the_schema(files):
    """The cases listed as beyond a JSON Schema really pass it (so the list in docs/interop.md stays true)."""
    assert case_errors(files) == []


@pytest.mark.parametrize("files", [pytest.param(f, id=n) for n, f, e in CASES if not any(": error: " in x for x in e)])
def test_input_without_errors_passes_the_schema(files):
    """An input the loader and checks accept (warnings aside) is never flagged by the schema."""
    assert case_errors(files) == []


def test_the_uncatchable_list_names_real_cases_and_is_documented():
    """Every case named as beyond a schema exists in the corpus, and every reason is in docs/interop.md."""
    names = {name for name, _, _ in CASES}
    assert set(UNCATCHABLE) <= names
    interop = " ".join((ROOT / "docs/interop.md").read_text(encoding="utf-8").split())  # lines joined
    assert [reason for reason in set(UNCATCHABLE.values()) if reason not in interop] == []
