"""The command's help: readable option types, and examples that really run."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from mentoring import __version__
from mentoring.cli import app

from test_docs import copy_example_workspace, run


def commands(group=None, prefix=()):
    """Every command of the app as (words, click command), sub-commands included."""
    group = group or typer.main.get_command(app)
    for name, command in sorted(group.commands.items()):
        words = (*prefix, name)
        if hasattr(command, "commands"):
            yield from commands(command, words)
        else:
            yield words, command


def help_text(words) -> str:
    result = CliRunner().invoke(app, [*words, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    return result.output


ALL = [pytest.param(words, id=" ".join(words)) for words, _ in commands()]


@pytest.mark.parametrize("words", ALL)
def test_help_shows_readable_types(words):
    """No `<str>`, `<float>`, `<list[str]>` or `{name}` in any command's help: each value has a word such as DATE or ID."""
    text = help_text(words)
    assert not re.search(r"<\w+(\[\w+\])?>|\{\w+\}", text), text


@pytest.mark.parametrize("words", ALL)
def test_help_ends_with_examples_that_run(words, tmp_path, monkeypatch, serve_stops_at_once):
    """Each command's help ends with one or two real examples, and each exits 0 on a copy of the example
    workspace, run from inside it (so that a file an example writes lands in the copy)."""
    text = help_text(words)
    assert "Examples:" in text, f"mentoring {' '.join(words)} --help has no examples"
    examples = [line.strip() for line in text[text.index("Examples:"):].splitlines() if line.strip().startswith("mentoring ")]
    assert 1 <= len(examples) <= 3
    workspace = copy_example_workspace(tmp_path / "ws")
    monkeypatch.chdir(workspace)
    for example in examples:
        args = shlex.split(example)[1:]
        assert args[: len(words)] == list(words), f"the example {example!r} is not of this command"
        result = run(args, workspace)
        assert result.exit_code == 0, f"$ {example}\n{result.output}{result.exception!r}"


def test_version():
    """`mentoring --version` prints the package's version and exits 0."""
    done = subprocess.run([sys.executable, "-m", "mentoring", "--version"], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, f"mentoring {__version__}\n")
