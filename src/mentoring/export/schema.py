"""JSON Schemas (draft-07) of the workspace's TOML files, generated from the model.

Editors that read JSON Schema (taplo and VS Code's Even Better TOML, tombi) then complete keys,
show each key's docstring on hover and flag a typo as it is typed. Every schema is made by walking
the attrs classes of `model` (`attrs.fields` and their types), so a field added to the model is in
the schemas once they are regenerated; a type the walk does not know stops it with an error rather
than being left out. Field docstrings are not kept at run time: they are read from the model's
source. Regenerate the copies shipped in the package with

    python -m mentoring.export.schema [DIR]

(DIR defaults to the package's own `schemas/` folder); a test checks that they match.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import functools
import inspect
import json
import sys
import textwrap
import typing
from pathlib import Path
from typing import Any, Union

import attrs

from .. import model
from ..layout import COHORT_FILE, COHORTS, CURRICULA, LOGS, SETTINGS_FILE, SLUG

DRAFT = "http://json-schema.org/draft-07/schema#"
#: Where the shipped copies live, inside the package.
PACKAGED = Path(__file__).parents[1] / "schemas"

#: A percentage as the loader reads it (loader.PERCENT), held to 0-100 as the loader also does.
PERCENT_PATTERN = r"^\s*0*(100(\.0+)?|[0-9]{1,2}(\.[0-9]+)?|\.[0-9]+)\s*%\s*$"
ID = {"type": "string", "pattern": SLUG.pattern}

#: The files each schema describes, as globs relative to the workspace (as editors' settings take them).
FILES = {
    "curriculum": f"{CURRICULA}/*.toml",
    "cohort": f"{COHORTS}/*/{COHORT_FILE}",
    "log": f"{COHORTS}/*/{LOGS}/*.toml",
    "settings": SETTINGS_FILE,
}

#: The types the loader's converter reads with hooks of its own (loader.make_converter), as the
#: JSON they accept: a number or a percentage string; a level number or name; `"required"` or ids.
SPECIAL: dict[Any, dict] = {
    model.Quantity: {"anyOf": [{"type": "number"}, {"type": "string", "pattern": PERCENT_PATTERN}]},
    model.LevelRef: {"type": ["integer", "string"]},
    Union[str, tuple[model.Id, ...]]: {"anyOf": [{"type": "string", "enum": ["required"]}, {"type": "array", "items": ID}]},
}
SCALARS: dict[Any, dict] = {
    model.Id: ID,
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    dt.date: {"type": "string", "format": "date"},  # a TOML local date, as editors hand it over
}


@functools.cache
def field_docs(cls: type) -> dict[str, str]:
    """The docstring under each field of a class, read from its source (attrs keeps none)."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs = {}
    for statement, after in zip(body, body[1:]):
        if (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)):
            docs[statement.target.id] = inspect.cleandoc(after.value.value)
    return docs


def type_schema(type_: Any) -> dict:
    """The JSON Schema of the values a field of this type accepts in a file."""
    args = typing.get_args(type_)
    if typing.get_origin(type_) is Union and type(None) in args:  # Optional: absent is None
        others = tuple(arg for arg in args if arg is not type(None))
        type_ = others[0] if len(others) == 1 else Union[others]
        args = typing.get_args(type_)
    if type_ in SPECIAL:
        return SPECIAL[type_]
    if type_ in SCALARS:
        return SCALARS[type_]
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        values = [member.value for member in type_]
        kinds = sorted({"string" if isinstance(v, str) else "integer" for v in values})
        return {"type": kinds[0] if len(kinds) == 1 else kinds, "enum": values}
    if typing.get_origin(type_) is tuple and args[1:] == (...,):
        return {"type": "array", "items": type_schema(args[0])}
    if typing.get_origin(type_) is dict:
        names = type_schema(args[0])
        out = {"type": "object", "additionalProperties": type_schema(args[1])}
        return {**out, "propertyNames": names} if names != SCALARS[str] else out
    if attrs.has(type_):
        return object_schema(type_)
    raise TypeError(f"no JSON Schema for {type_!r}: teach mentoring.export.schema.type_schema this type")


def default_value(default: Any) -> Any:
    """A field's default as JSON, or attrs.NOTHING when it has none worth showing (None, an empty
    list, a factory, a table)."""
    if default is attrs.NOTHING:
        return attrs.NOTHING
    if isinstance(default, enum.Enum):
        return default.value
    if isinstance(default, tuple) and default and all(isinstance(item, (str, int, float, bool)) for item in default):
        return list(default)
    if isinstance(default, (str, int, float, bool)):
        return default
    return attrs.NOTHING


def object_schema(cls: type, leave_out: frozenset[str] = frozenset()) -> dict:
    """A TOML table of an attrs class: every field but those left out, in the model's order, each
    with its docstring; required those without a default; no other key."""
    hints = typing.get_type_hints(cls)
    docs = field_docs(cls)
    properties, required = {}, []
    for field in attrs.fields(cls):
        if field.name in leave_out:
            continue
        schema = {"description": docs[field.name]} if field.name in docs else {}
        schema.update(type_schema(hints[field.name]))
        if (default := default_value(field.default)) is not attrs.NOTHING:
            schema["default"] = default
        properties[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    out: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    return out


def log_schema() -> dict:
    """A log file: an array of tables for each record kind of the model, and nothing else."""
    properties = {
        kind: {"description": inspect.cleandoc(cls.__doc__ or kind), "type": "array", "items": object_schema(cls)}
        for kind, cls in model.RECORD_KINDS.items()
    }
    return {"type": "object", "properties": properties, "additionalProperties": False}


def schemas() -> dict[str, dict]:
    """Each file's schema by name (curriculum, cohort, log, settings): the draft, the files it is
    for as its title, the class's docstring, then the body. A file's own id (its name) and what the
    loader adds (a cohort's logs, the `[[people]]` entries it could not read) are not keys of the
    file, so they are left out."""
    bodies = {
        "curriculum": (model.Curriculum, object_schema(model.Curriculum, frozenset({"id"}))),
        "cohort": (model.Cohort, object_schema(model.Cohort, frozenset({"id", "logs", "unread_people"}))),
        "log": (model.LogFile, log_schema()),
        "settings": (model.Settings, object_schema(model.Settings)),
    }
    return {
        name: {"$schema": DRAFT, "title": FILES[name], "description": inspect.cleandoc(cls.__doc__ or ""), **body}
        for name, (cls, body) in bodies.items()
    }


def file_name(name: str) -> str:
    """`curriculum` -> `curriculum.schema.json`."""
    return f"{name}.schema.json"


def render(schema: dict) -> str:
    """A schema as the text of its file: two-space indents, UTF-8 as it is, a final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into folder (made if missing), replacing what is there; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in sorted(schemas().items()):
        path = folder / file_name(name)
        path.write_text(render(schema), encoding="utf-8", newline="\n")
        written.append(path)
    return written


if __name__ == "__main__":
    for written in write_schemas(Path(sys.argv[1]) if len(sys.argv) > 1 else PACKAGED):
        print(written)
