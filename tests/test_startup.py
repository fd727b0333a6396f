"""Start-up: `mentoring --help` and the reading commands import nothing they do not use.

Checked through `python -X importtime` in a fresh process, with the results cache off, so that the
command line itself (typer and the commands' modules) is what runs. No time is asserted here
(benchmarks/run.py measures it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import List, Optional

import pytest
import typer
from typer.testing import CliRunner

from mentoring import cli

from test_docs import ROOT


def imported(*args: str) -> set[str]:
    """The modules a fresh `python -m mentoring ARGS` imports (the results cache off)."""
    env = {**os.environ, "MENTORING_NO_CACHE": "1", "MENTORING_WORKSPACE": str(ROOT), "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "mentoring", *args],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}


def test_help_imports_no_markdown_renderer_parser_converter_or_model():
    """`mentoring --help` imports neither rich's markdown renderer nor cattrs, tomli, pydantic or the model."""
    modules = imported("--help")
    assert "mentoring.cli" in modules and "typer" in modules
    assert not modules & {"rich.markdown", "cattrs", "tomli", "pydantic", "attrs", "mentoring.model", "tabulate"}


@pytest.mark.parametrize("args", [["report", "hapsari-sosmed-2015", "--as-of", "2015-03-31"], ["check"],
                                  ["log", "session", "--help"]])
def test_commands_import_no_pydantic_to_read_their_text_options(args):
    """Text options and flags are taken as typed: running a command does not import pydantic (0.2 s) or rich."""
    modules = imported(*args)
    assert "mentoring.cli" in modules
    assert not modules & {"pydantic", "typer._adapters", "rich", "rich.markdown"}


def test_text_options_and_flags_arrive_as_typed():
    """A command of cli.Command gets its text argument, text list, optional text and flag as typer gives them without the shortcut."""
    app = typer.Typer(cls=cli.Group, add_completion=False)
    got = {}

    @app.command(cls=cli.Command)
    def probe(name: str, more: Optional[List[str]] = typer.Argument(None), label: Optional[str] = typer.Option(None),
              flag: bool = typer.Option(False, "--flag")) -> None:
        got.update(name=name, more=more, label=label, flag=flag)

    @app.command(cls=cli.Command)
    def other() -> None:
        pass

    result = CliRunner().invoke(app, ["probe", "ana", "b", "c", "--label", "x y", "--flag"])
    assert result.exit_code == 0, result.output
    assert got == {"name": "ana", "more": ["b", "c"], "label": "x y", "flag": True}
    assert type(got["more"]) is list
    got.clear()
    assert CliRunner().invoke(app, ["probe", "ana"]).exit_code == 0
    assert got == {"name": "ana", "more": None, "label": None, "flag": False}


def test_command_annotations_are_evaluated_once_not_on_every_run():
    """No command (nor the app's callback, nor a completion function) has string annotations,
    which typer would compile and evaluate each time it builds the app."""
    import inspect

    from mentoring.cli import app

    def callbacks(group):
        yield group.registered_callback.callback if group.registered_callback else None
        for info in group.registered_commands:
            yield info.callback
        for sub in group.registered_groups:
            yield from callbacks(sub.typer_instance)

    found = [fn for fn in callbacks(app) if fn is not None]
    assert len(found) >= 15
    for fn in found:
        fn = inspect.unwrap(fn)
        for param in inspect.signature(fn).parameters.values():
            assert not isinstance(param.annotation, str), (fn.__qualname__, param.name)
            complete = getattr(param.default, "autocompletion", None) or getattr(param.default, "shell_complete", None)
            if complete is not None:
                assert not any(isinstance(a, str) for a in inspect.get_annotations(complete).values()), complete
