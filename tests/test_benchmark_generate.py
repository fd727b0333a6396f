"""The benchmark generator writes what it promises, and `mentoring check` finds nothing wrong with it.

Only the generator's validity is tested here; no timing is asserted anywhere (benchmarks/run.py
prints figures, it does not judge them).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import tomli

GENERATE = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"


def _generator():
    spec = importlib.util.spec_from_file_location("benchmark_generate", GENERATE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _records(root: Path) -> dict[str, int]:
    counts = {"participants": 0, "session": 0, "output": 0, "assessment": 0, "measurement": 0}
    for cohort in (root / "cohorts").iterdir():
        people = tomli.loads((cohort / "cohort.toml").read_text(encoding="utf-8"))["people"]
        counts["participants"] += sum(1 for person in people if person["role"] == "participant")
        for log in (cohort / "logs").glob("*.toml"):
            for kind, records in tomli.loads(log.read_text(encoding="utf-8")).items():
                counts[kind] += len(records)
    return counts


def test_small_workspace_is_valid_and_as_promised(tmp_path, run):
    """A small generated workspace passes `mentoring check` and holds the counts the generator promises."""
    generate = _generator()
    participants = 60  # two cohorts of 30
    manifest = generate.generate(tmp_path, participants, seed=7)
    promised = generate.promised(participants)

    result = run("--workspace", str(tmp_path), "check")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("0 errors, 0 warnings"), result.output

    found = _records(tmp_path)
    assert promised == {"participants": 60, "cohorts": 2, "sessions": 60 * generate.SESSIONS_PER_PARTICIPANT,
                        "output_records": 60 * generate.OUTPUT_RECORDS_PER_PARTICIPANT,
                        "assessments": 60 * generate.ASSESSMENTS_PER_PARTICIPANT}
    assert found["participants"] == promised["participants"] == manifest["participants"]
    assert len(list((tmp_path / "cohorts").iterdir())) == promised["cohorts"] == manifest["cohorts"]
    assert found["session"] == promised["sessions"] == manifest["sessions"]
    assert found["output"] == promised["output_records"] == manifest["output_records"]
    assert found["assessment"] == promised["assessments"] == manifest["assessments"]
    assert found["measurement"] == manifest["measurements"] > 0


def test_generation_is_deterministic(tmp_path):
    """The same seed writes the same files, byte for byte."""
    generate = _generator()
    first, second = tmp_path / "a", tmp_path / "b"
    generate.generate(first, 30, seed=3)
    generate.generate(second, 30, seed=3)
    files = sorted(p.relative_to(first) for p in first.rglob("*.toml"))
    assert files == sorted(p.relative_to(second) for p in second.rglob("*.toml"))
    assert all((first / rel).read_bytes() == (second / rel).read_bytes() for rel in files)


def test_programme_shape_is_valid_and_as_promised(tmp_path, run):
    """`--shape programme` writes 9 cohorts of 45 over two years, valid under `mentoring check`.

    By hand: 9 x 45 = 405 participants; a cohort lasts 729 days with a session on days 0, 7, ..., 728,
    that is 728 / 7 + 1 = 105 sessions, 9 x 105 = 945 in all; 405 x 24 = 9,720 output records;
    405 x (1 self + 6 mentor + 1 implementer) = 3,240 assessments; files: 3 curricula, and per
    cohort its cohort.toml, one log per participant, per mentor (one or two), the implementer's and
    measurements.toml, so between 9 x (1 + 45 + 1 + 1 + 1) + 3 = 444 and 9 x 50 + 3 = 453.
    """
    generate = _generator()
    manifest = generate.generate(tmp_path, shape="programme", seed=2)
    result = run("--workspace", str(tmp_path), "check")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "0 errors, 0 warnings (3 curricula, 9 cohorts checked)"
    found = _records(tmp_path)
    assert found["participants"] == manifest["participants"] == 405
    assert found["session"] == manifest["sessions"] == 945
    assert found["output"] == manifest["output_records"] == 9720
    assert found["assessment"] == manifest["assessments"] == 3240
    assert generate.promised(405, generate.SHAPES["programme"]) == {
        "participants": 405, "cohorts": 9, "sessions": 945, "output_records": 9720, "assessments": 3240}
    assert 444 <= len(list(tmp_path.rglob("*.toml"))) <= 453
    for cohort in (tmp_path / "cohorts").iterdir():
        data = tomli.loads((cohort / "cohort.toml").read_text(encoding="utf-8"))
        assert (data["end"] - data["start"]).days == 729
