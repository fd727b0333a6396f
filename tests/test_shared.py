"""Finding the project's shared folder (`../shared`, or $MENTORING_SHARED), as tests that need it do."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED_ENV, require_shared, shared_path


def test_the_environment_variable_names_the_shared_folder(tmp_path, monkeypatch):
    """$MENTORING_SHARED wins over `../shared`, so a copy of the tree (a mutation run) finds the real data."""
    (tmp_path / "corpora").mkdir()
    monkeypatch.setenv(SHARED_ENV, str(tmp_path))
    assert require_shared("corpora") == tmp_path / "corpora"


def test_without_the_variable_the_folder_beside_the_repository(monkeypatch):
    """Unset, the shared folder is the one beside the repository's root (tests/ is one level down)."""
    monkeypatch.delenv(SHARED_ENV, raising=False)
    assert shared_path("spec") == Path(__file__).resolve().parents[2] / "shared" / "spec"


def test_missing_data_skips_saying_how_to_get_it(tmp_path, monkeypatch):
    """Outside CI, missing shared data skips the test with a reason naming the path and the two ways to provide it."""
    monkeypatch.setenv(SHARED_ENV, str(tmp_path))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as stop:
        require_shared("corpora", "toml-test-invalid")
    assert str(tmp_path / "corpora" / "toml-test-invalid") in str(stop.value)
    assert "../shared" in str(stop.value) and SHARED_ENV in str(stop.value)


def test_missing_data_fails_under_ci(tmp_path, monkeypatch):
    """With CI set, missing shared data fails the test: CI never passes by skipping."""
    monkeypatch.setenv(SHARED_ENV, str(tmp_path))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        require_shared("corpora", "toml-test-invalid")
