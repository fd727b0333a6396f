"""`taplo lint` (the TOML toolkit behind VS Code's Even Better TOML) with the generated schemas:
the repository's `.taplo.toml` and the set-up docs/interop.md describes pass the example workspace,
and fail on a planted typo, naming its file.

taplo comes from PyPI (the `test` extra). Without it these tests skip, except under CI, where its
absence is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomli

from mentoring.export import schema as gen

from test_docs import blocks

ROOT = Path(__file__).parents[1]


def find_taplo() -> str:
    """The taplo program: on PATH, or beside this Python (pip's scripts folder)."""
    found = shutil.which("taplo") or shutil.which("taplo", path=str(Path(sys.executable).parent))
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("taplo is missing: CI installs it with python3 -m pip install -e '.[test]'")
        pytest.skip("taplo is not installed: python3 -m pip install -e '.[test]' (or python3 -m pip install taplo)")
    return found


def lint(folder: Path) -> tuple[int, str]:
    """Run `taplo lint` in a folder (as its `.taplo.toml` expects); its exit code and all it printed."""
    done = subprocess.run([find_taplo(), "lint"], cwd=folder, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NO_COLOR": "1", "RUST_LOG": "info"})
    return done.returncode, done.stdout + done.stderr


def linted_count(output: str) -> int:
    """How many files taplo says it found to lint."""
    match = re.search(r"found files total=(\d+)", output)
    assert match, output[-2000:]
    return int(match.group(1))


def example_count() -> int:
    """How many curriculum, cohort and log files of the example workspace the globs match
    (mentoring.toml, which a test may add, is counted apart)."""
    return sum(1 for name, glob in gen.FILES.items() if name != "settings" for _ in ROOT.glob(glob))


def copy_workspace(dest: Path) -> Path:
    """The example workspace, the repository's .taplo.toml and the shipped schemas, laid out as in the repository."""
    for name in ("curricula", "cohorts"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / ".taplo.toml", dest / ".taplo.toml")
    shutil.copytree(gen.PACKAGED, dest / "src/mentoring/schemas")
    return dest


def test_repository_taplo_config_maps_each_kind_of_file_to_its_schema():
    """The repository's .taplo.toml maps the files of each kind to its schema in the package, and lints all of them."""
    config = tomli.loads((ROOT / ".taplo.toml").read_text(encoding="utf-8"))
    rules = {tuple(rule["include"]): rule["schema"]["path"] for rule in config["rule"]}
    assert rules == {(glob,): f"./src/mentoring/schemas/{name}.schema.json" for name, glob in gen.FILES.items()}
    assert sorted(config["include"]) == sorted(gen.FILES.values())


def test_taplo_passes_the_example_workspace():
    """`taplo lint` at the repository's root finds every example file and no mistake in any."""
    code, output = lint(ROOT)
    assert code == 0, output[-3000:]
    assert linted_count(output) == example_count() + (ROOT / "mentoring.toml").exists()


#: One mistake each: the line (the first that starts so) and what it becomes.
PLANTS = [
    ("curricula/social-media-advocacy.toml", "title = ", 'titel = "Mentoring"'),  # an unknown key, a missing one
    ("cohorts/hapsari-sosmed-2015/cohort.toml", 'role = "mentor"', 'role = "mentr"'),  # not in the list
    ("cohorts/hapsari-sosmed-2015/cohort.toml", "start = ", "start = 2015-01-12T09:00:00"),  # a date and time
    ("cohorts/jica-fundraising-2017/logs/p01.toml", "date = ", 'date = "16 November 2017"'),  # not a date
    ("cohorts/pmi-temu-karya-2013/logs/measurements.toml", "value = ", 'value = "40"'),  # text for a number
]


@pytest.mark.parametrize("rel, start, line", PLANTS)
def test_taplo_flags_a_planted_typo(tmp_path, rel, start, line):
    """One mistake planted in one example file makes `taplo lint` fail, naming that file and no other."""
    root = copy_workspace(tmp_path)
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, text in enumerate(lines) if text.startswith(start))
    lines[at] = line
    path.write_text("\n".join(lines), encoding="utf-8")
    code, output = lint(root)
    assert code != 0
    named = set(re.findall(r"┌─ (\S+?\.toml):\d+:\d+", output))
    assert named == {str(path)}, output[-3000:]


def test_taplo_checks_mentoring_toml(tmp_path):
    """A mentoring.toml is checked too: a good one passes, a language not in the list fails."""
    root = copy_workspace(tmp_path)
    (root / "mentoring.toml").write_text('lang = "id"\n\n[iati]\nreporting_org = "ID-AHU-1234"\n'
                                         'reporting_org_name = "Hapsari"\nreporting_org_type = "22"\n', encoding="utf-8")
    code, output = lint(root)
    assert code == 0 and linted_count(output) == example_count() + 1, output[-3000:]
    (root / "mentoring.toml").write_text('lang = "ind"\n', encoding="utf-8")
    code, output = lint(root)
    assert code != 0 and '"ind" is not one of' in output, output[-3000:]


def documented_config() -> str:
    """The `.taplo.toml` docs/interop.md tells a workspace's owner to save."""
    found = ["\n".join(b.text) for b in blocks(ROOT / "docs/interop.md") if b.lang == "toml" and "[[rule]]" in "\n".join(b.text)]
    assert len(found) == 1
    return found[0] + "\n"


def test_the_documented_setup_works(tmp_path, run):
    """In a workspace of one's own, `mentoring schema` and the .taplo.toml of docs/interop.md make
    `taplo lint` check every file: all pass, and an unknown key fails."""
    for name in ("curricula", "cohorts"):
        shutil.copytree(ROOT / name, tmp_path / name)
    assert run("-w", str(tmp_path), "schema").exit_code == 0
    (tmp_path / ".taplo.toml").write_text(documented_config(), encoding="utf-8")
    code, output = lint(tmp_path)
    assert code == 0 and linted_count(output) == example_count(), output[-3000:]
    log = tmp_path / "cohorts/hapsari-sosmed-2015/logs/aminah.toml"
    log.write_text(log.read_text(encoding="utf-8") + '\n[[session]]\ndate = 2015-03-02\nhadir = ["aminah"]\n', encoding="utf-8")
    code, output = lint(tmp_path)
    assert code != 0 and "'hadir' was unexpected" in output, output[-3000:]
