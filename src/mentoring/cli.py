"""The `mentoring` command: parse the arguments, call the library, print, choose the exit code.

Exit codes: 0 done; 1 the data has errors (nothing was written); 2 the command was used wrongly.
Library modules are imported inside the commands, so that `--help` stays quick.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_BUG = 3


class Failure(Exception):
    """Stops a command with a message and an exit code; caught in one place, `main`."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.message = message
        self.code = code


app = typer.Typer(
    name="mentoring",
    help="Keep training programmes honest: check curricula and cohorts, log records, report progress.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class State:
    """Options given before the command."""

    workspace: Optional[str] = None


state = State()


@app.callback()
def _options(
    workspace: Optional[str] = typer.Option(
        None, "--workspace", "-w", help="The workspace folder (else $MENTORING_WORKSPACE, else the nearest folder up with curricula/ or cohorts/)."
    ),
) -> None:
    state.workspace = workspace


def workspace_root() -> Path:
    """The workspace in use, or a usage failure saying how to name one."""
    from .loader import find_workspace

    root = find_workspace(state.workspace)
    if root is None:
        raise Failure(
            "no workspace found: run inside a folder holding curricula/ or cohorts/, "
            "or name one with --workspace PATH or MENTORING_WORKSPACE"
        )
    if not root.is_dir():
        raise Failure(f"workspace {root} is not a folder")
    return root


def known_cohorts(root: Path, wanted: List[str]) -> List[str]:
    """The wanted cohort ids, each checked to exist (a usage failure with "did you mean" if not)."""
    from .loader import cohort_ids
    from .problems import did_you_mean

    ids = cohort_ids(root)
    for id_ in wanted:
        if id_ not in ids:
            hint = did_you_mean(id_, ids)
            raise Failure(f'unknown cohort "{id_}"{hint}; cohorts: {", ".join(ids) or "none"}')
    return wanted


def echo_problems(problems) -> None:
    """Every problem, one a line, in file and line order."""
    from .problems import format_problem

    for problem in sorted(problems, key=lambda p: (p.path, p.line or 0)):
        typer.echo(format_problem(problem))


@app.command()
def check(
    cohorts: Optional[List[str]] = typer.Argument(None, help="Cohort ids to check (default: every cohort)."),
) -> None:
    """Check curricula, cohorts and logs; print every problem as path:line: error|warning: message."""
    from .checks import check_workspace
    from .loader import cohort_ids, curriculum_ids, load_workspace, locate
    from .problems import count, plural

    root = workspace_root()
    wanted = known_cohorts(root, cohorts) if cohorts else None
    ws, problems = load_workspace(root, wanted)
    used = None if wanted is None else sorted({ws.cohorts[c].curriculum for c in wanted if c in ws.cohorts})
    problems = locate(root, problems + check_workspace(ws, used))
    echo_problems(problems)
    errors, warnings = count(problems)
    curricula = len(curriculum_ids(root)) if used is None else len(used)
    checked = f"{curricula} {'curriculum' if curricula == 1 else 'curricula'}, {plural(len(wanted or cohort_ids(root)), 'cohort')}"
    typer.echo(f"{plural(errors, 'error')}, {plural(warnings, 'warning')} ({checked} checked)")
    if errors:
        raise typer.Exit(EXIT_DATA)


def main() -> None:
    """The console script: run the app, turning every failure into one line and an exit code."""
    try:
        app(prog_name="mentoring")
    except Failure as failure:
        typer.echo(f"mentoring: error: {failure.message}", err=True)
        sys.exit(failure.code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - a bug still gets one line, never a traceback
        typer.echo(f"mentoring: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(EXIT_BUG)
