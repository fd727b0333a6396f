"""The loader's TOML parser (rtoml where it gives exactly tomli's values, else tomli) against the
TOML project's own suite (toml-test, see ../shared/corpora/README.md): every valid document gives
tomli's values, which are the suite's; every invalid one is refused as tomli refuses it."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from pathlib import Path
from typing import Any

import pytest
import tomli

from mentoring import loader

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
VALID = sorted(CORPORA.glob("toml-test-valid/**/*.toml"))
INVALID = sorted(CORPORA.glob("toml-test-invalid/**/*.toml"))


@pytest.fixture(autouse=True)
def _corpora():
    """Skip without the corpora, saying how to get them; under CI, fail."""
    if not VALID or not INVALID:
        why = f"the toml-test corpora are not at {CORPORA} (clone the shared folder beside the repository)"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)


def same(a: Any, b: Any) -> bool:
    """Equal values of the same types all the way down, a time zone's class and NaN included."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b) and math.copysign(1, a) == math.copysign(1, b)
    if isinstance(a, (dt.datetime, dt.time)):
        return a == b and type(a.tzinfo) is type(b.tzinfo) and repr(a) == repr(b)
    return a == b and repr(a) == repr(b)


def tagged(value: Any) -> Any:
    """A parsed value in toml-test's tagged JSON form."""
    if isinstance(value, dict):
        return {key: tagged(item) for key, item in value.items()}
    if isinstance(value, list):
        return [tagged(item) for item in value]
    if isinstance(value, bool):
        return {"type": "bool", "value": "true" if value else "false"}
    if isinstance(value, int):
        return {"type": "integer", "value": str(value)}
    if isinstance(value, float):
        return {"type": "float", "value": "nan" if math.isnan(value) else str(value)}
    if isinstance(value, str):
        return {"type": "string", "value": value}
    if isinstance(value, dt.datetime):
        return {"type": "datetime" if value.tzinfo else "datetime-local", "value": value}
    if isinstance(value, dt.date):
        return {"type": "date-local", "value": value}
    return {"type": "time-local", "value": value}


def expected(data: Any) -> Any:
    """The suite's tagged JSON with its values parsed as Python's (floats, date-times) for comparison."""
    if isinstance(data, list):
        return [expected(item) for item in data]
    if set(data) == {"type", "value"} and isinstance(data["value"], str):
        kind, text = data["type"], data["value"]
        if kind == "float":
            number = float(text)
            return {"type": kind, "value": "nan" if math.isnan(number) else str(number)}
        if kind in ("datetime", "datetime-local"):
            return {"type": kind, "value": dt.datetime.fromisoformat(text.replace("z", "Z").replace("Z", "+00:00"))}
        if kind == "date-local":
            return {"type": kind, "value": dt.date.fromisoformat(text)}
        if kind == "time-local":
            return {"type": kind, "value": dt.time.fromisoformat(text)}
        return data
    return {key: expected(item) for key, item in data.items()}


def outcome(parse, text: str) -> Any:
    """What a parser gives for a text: its values, or the error it raises."""
    try:
        return parse(text)
    except (tomli.TOMLDecodeError, RecursionError) as exc:
        return exc


def same_outcome(ours: Any, reference: Any) -> bool:
    """The same error with the same message, or the same values."""
    if isinstance(reference, Exception):
        return type(ours) is type(reference) and str(ours) == str(reference)
    return same(ours, reference)


def text_of(path: Path) -> str:
    """The document as the loader hands it to the parser (UTF-8, a byte order mark dropped)."""
    return path.read_bytes().decode("utf-8-sig")


def test_every_valid_document_gives_tomlis_values_which_are_the_suites():
    """On all 268 valid documents the loader's parser gives exactly tomli's values (types and time
    zones included), both equal the suite's JSON, and rtoml itself gives them for most documents."""
    assert len(VALID) == 268
    fast = 0
    for path in VALID:
        text = text_of(path)
        ours, reference = loader.parse_toml(text), tomli.loads(text)
        assert same(ours, reference), path
        assert tagged(reference) == expected(json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))), path
        if loader.rtoml is not None and not loader._OFFSET_TIME.search(text):
            assert same(loader.rtoml.loads(text), reference), path
            fast += 1
    assert loader.rtoml is None or fast >= 240, fast


def test_every_invalid_document_is_refused_as_tomli_refuses_it():
    """On all 509 invalid documents the loader's parser raises when tomli raises, with tomli's
    message; the 9 that tomli takes (valid TOML 1.1) it takes too, with the same values."""
    assert len(INVALID) == 509
    taken = 0
    for path in INVALID:
        try:
            text = text_of(path)
        except UnicodeDecodeError:
            continue  # the loader reports the encoding before any parser sees it
        reference = outcome(tomli.loads, text)
        assert same_outcome(outcome(loader.parse_toml, text), reference), path
        taken += not isinstance(reference, Exception)
    assert taken == 9


@pytest.mark.parametrize("text", ["a = " + "[" * 2000 + "]" * 2000, "\ufeffa = 1", "t = 1979-05-27T07:32:00Z",
                                  'x = "10:30-11:00"\ny = 2015-03-05'])
def test_what_rtoml_does_not_take_goes_to_tomli(text):
    """Deep nesting, a byte order mark and offset date-times (or anything that looks like one) are tomli's to parse."""
    assert same_outcome(outcome(loader.parse_toml, text), outcome(tomli.loads, text))
