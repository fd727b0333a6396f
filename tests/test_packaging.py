"""What a wheel of the package carries: every file the code reads at run time."""

from __future__ import annotations

from pathlib import Path

import tomli

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "mentoring"


def test_package_data_covers_every_file_that_is_not_python():
    """Each template, stylesheet, catalog and schema under src/mentoring matches a package-data pattern
    of pyproject.toml, so an installed (not editable) copy can draw its pages and speak Indonesian."""
    patterns = tomli.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["mentoring"]
    data = [path.relative_to(PACKAGE) for path in PACKAGE.rglob("*")
            if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts]
    assert data, "the package has templates and catalogs"
    left_out = [str(path) for path in data if not any(path.match(pattern) and len(path.parts) == len(Path(pattern).parts)
                                                      for pattern in patterns)]
    assert left_out == []
