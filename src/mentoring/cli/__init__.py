"""The `mentoring` command: parse the arguments, call the library, print, choose the exit code.

A thin layer over the door (`mentoring.open_workspace`): every figure, problem and record comes
from the library. What only a command line does lives here: reading `--workspace`,
`$MENTORING_WORKSPACE` and the other environment variables, choosing colour for a terminal,
pausing the garbage collector while a workspace loads, and turning failures into messages and
exit codes (0 done; 1 the data has errors; 2 the command was used wrongly), in one place, `main`.

Library modules are imported inside the commands, so that `--help` stays quick. The commands
live in the modules beside this one, one module a family (reading, log, ...). These modules do not
use `from __future__ import annotations`: typer reads every command's annotations each time the
app is built, and string annotations cost it a compile and an eval each (a quarter of the time
`mentoring --help` spends beyond a bare typer app's).

What a reading command prints is kept between runs (`mentoring.results`): mark such a command
with `@reading_command`, and open the workspace with `open_workspace` (or `parts.per_cohort`), which note
what the command reads. `main` serves a kept result when nothing it came from has changed, and
otherwise records what the command prints.
"""

import functools
import os
import sys
from typing import Any, Callable, Optional, TypeVar

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from .. import __version__

EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_BUG = 3
ENV_WORKSPACE = "MENTORING_WORKSPACE"
ENV_CACHE_DIR = "MENTORING_CACHE_DIR"
ENV_NO_CACHE = "MENTORING_NO_CACHE"


class _Argument(TyperArgument):
    """An argument shown by its name alone (`COHORT`), not `{COHORT}` or `COHORT <str>`."""

    def display_type_rich(self, ctx: Any) -> Optional[str]:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 and not name.rstrip("]").endswith("...") else "")


class Command(TyperCommand):
    """A command whose help shows readable argument names (every option names its own metavar),
    whose text parameters are taken as typed (see `plain_text`), and which tells the results cache
    that it ran (a run that only printed help did not)."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _Argument

    def parse_args(self, ctx: Any, args: list) -> list:
        for param in self.params:  # only the command that runs: not every command the app lists
            plain_text(param)
        return super().parse_args(ctx, args)

    def get_help_option(self, ctx: Any) -> Any:
        return plain_text(super().get_help_option(ctx))

    def invoke(self, ctx: Any) -> Any:
        from ..results import current

        run = current()
        if run is not None:
            run.ran = True
            if not getattr(self.callback, "reading", False):
                run.stop()  # never kept: printed straight through (`serve` prints for as long as it runs)
        return super().invoke(ctx)


def plain_text(param: Any) -> Any:
    """Take a text parameter (`str`, `Optional[str]`, `List[str]`) as the words typed, and a flag
    (`bool`) as the true or false click makes of it.

    Recent typer versions turn every parameter's value into its annotated type through a pydantic
    TypeAdapter, built when the command runs: importing pydantic costs about 0.2 s, more than
    anything else a reading command does on a programme's workspace, to turn text into the same
    text. Other annotations (numbers, paths) keep typer's own coercion and messages; a typer
    without this machinery is left as it is.
    """
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or getattr(param, "_runtime_param", False) is not None:
        return param
    annotation = descriptor.annotation
    many = getattr(annotation, "__origin__", None) is list and getattr(annotation, "__args__", None) == (str,)
    if annotation not in (str, bool) and not many:
        return param
    coercion = _text_coercion()
    if coercion is not None:
        param._runtime_param = coercion(parameter_info=descriptor.parameter_info, annotation=annotation, many=many)
    return param


@functools.lru_cache(maxsize=None)
def _text_coercion() -> Any:
    """typer's coercion of one parameter, keeping the value (None for a typer without it)."""
    import dataclasses

    try:
        from typer._coercion import RuntimeParam
    except ImportError:
        return None

    @dataclasses.dataclass(frozen=True)
    class Text(RuntimeParam):
        many: bool = False

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            return list(value) if self.many else value

    return Text


class Group(TyperGroup):
    """The app, and each group of commands in it (`log`, ...): their options (those typer adds
    for shell completion too) and `--help` taken as typed (`plain_text`)."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for command in self.commands.values():
            if type(command) is TyperGroup:  # a group made by typer: made one of these
                command.__class__ = Group

    def parse_args(self, ctx: Any, args: list) -> list:
        for param in self.params:
            plain_text(param)
        return super().parse_args(ctx, args)

    def get_help_option(self, ctx: Any) -> Any:
        return plain_text(super().get_help_option(ctx))


F = TypeVar("F", bound=Callable[..., Any])


def reading_command(command: F) -> F:
    """Mark a command whose output depends only on its arguments, the environment it is given,
    today's date and the workspace it opens through `open_workspace` or `parts.per_cohort`: what
    it prints is kept and served again while none of these changes (`mentoring.results`). A run
    that writes a file (`--output`) is not kept."""

    @functools.wraps(command)
    def run_reading(*args: Any, **kwargs: Any) -> Any:
        from ..results import current

        run = current()
        if run is not None:
            run.reading = True
            if kwargs.get("output"):
                run.unkept = True
        return command(*args, **kwargs)

    run_reading.reading = True  # type: ignore[attr-defined]
    return run_reading  # type: ignore[return-value]


def examples(*lines: str) -> str:
    """The epilog of a command's help: real examples, kept as written."""
    return "Examples:\n\n\b\n" + "\n".join(f"  {line}" for line in lines)


app = typer.Typer(
    name="mentoring",
    cls=Group,
    help="Keep training programmes honest: check curricula and cohorts, log records, report progress.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class State:
    """Options given before the command."""

    workspace: Optional[str] = None
    cache: bool = True


state = State()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mentoring {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    workspace: Optional[str] = typer.Option(
        None, "--workspace", "-w", metavar="PATH",
        help="The workspace folder (else $MENTORING_WORKSPACE, else the nearest folder up with curricula/ or cohorts/).",
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Read every file afresh; neither read nor write the cache of read logs ($MENTORING_NO_CACHE).",
    ),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    state.workspace = workspace
    state.cache = not no_cache and not os.environ.get(ENV_NO_CACHE)


def find_root():
    """The workspace in use and whether it was found (rather than named): --workspace, else
    $MENTORING_WORKSPACE, else the nearest folder up from here holding curricula/ or cohorts/."""
    from pathlib import Path

    from ..errors import UsageError
    from ..layout import nearest_workspace

    given = state.workspace or os.environ.get(ENV_WORKSPACE)
    if given:
        if not Path(given).is_dir():
            raise UsageError(f"workspace {given} is not a folder")
        return Path(given), False
    found = nearest_workspace(Path.cwd())
    if found is None:
        raise UsageError(
            "no workspace found: run inside a folder holding curricula/ or cohorts/, "
            "or name one with --workspace PATH or MENTORING_WORKSPACE"
        )
    return found, True


def workspace_root():
    """The workspace in use: --workspace, else $MENTORING_WORKSPACE, else found upward from here."""
    return find_root()[0]


def open_workspace(cohorts: Optional[list] = None):
    """The workspace (the named cohorts, default all), opened through the library's door; a reading
    command's run notes it as read (see `reading`)."""
    from ..results import current

    root, found = find_root()
    run = current()
    if run is not None and run.reading:
        run.read(root, found, cohorts)
    return door(root, cohorts)


def door(root, cohorts: Optional[list] = None):
    """The library's door (through the cache of read logs unless it is off), the garbage
    collector paused while loading."""
    import gc
    from pathlib import Path

    from ..workspace import open_workspace as library_door

    cache = (Path(os.environ[ENV_CACHE_DIR]) if os.environ.get(ENV_CACHE_DIR) else True) if state.cache else False
    # Parsed TOML holds no reference cycles, and each collection would walk everything loaded so
    # far; what was loaded stays to the end, so later collections need not walk it either.
    gc.disable()
    try:
        ws = library_door(root, search=False, cohorts=cohorts, cache=cache)
    finally:
        gc.enable()
    gc.freeze()
    return ws


def echo_problems(problems, err: bool = False) -> None:
    """Every problem, one a line, in file and line order (on stderr when err)."""
    from ..problems import format_problem

    for problem in sorted(problems, key=lambda p: (p.path, p.line or 0)):
        typer.echo(format_problem(problem), err=err)


def refuse(errors, err: bool = False, summary: Optional[str] = None) -> None:
    """Print the errors that stop a cohort (or a programme) from being reported on, then a
    summary line (by default "N errors: not reported on")."""
    from ..problems import plural

    echo_problems(errors, err)
    summary = summary or f"{plural(len(errors), 'error')}: not reported on"
    typer.echo(f"{summary}; run `mentoring check` for details", err=True)


class WriteGuard:
    """Ctrl-C around a command that writes: before the write begins it stops the command (nothing
    written); once the library says the write begins (`begin`, its `before_write`), it is only
    noted, so that the command finishes, says where the data went and exits 0, and a retry never
    writes it twice."""

    def __init__(self) -> None:
        self.writing = False
        """True from the moment the write begins."""
        self.interrupted = False
        """True when Ctrl-C came after that."""
        self._previous: Any = None

    def __enter__(self) -> "WriteGuard":
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, signum: int, frame: Any) -> None:
        if not self.writing:
            raise KeyboardInterrupt
        self.interrupted = True

    def begin(self) -> None:
        """The write begins: from now on Ctrl-C is noted, not obeyed."""
        self.writing = True

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        import signal

        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
        if isinstance(error, KeyboardInterrupt) and not self.writing:
            typer.echo("interrupted: nothing was written", err=True)
            raise typer.Exit(130)


def waiting(cohort: str):
    """What a writer says when another holds the cohort's lock for more than a second."""
    return lambda holder: typer.echo(f"waiting for the lock of cohort {cohort}, held by {holder} ...", err=True)


def main() -> None:
    """The console script: serve a kept result, or run the app, turning every failure into one
    line and an exit code (and keep what a reading command printed)."""
    from ..results import begin

    run = begin(sys.argv[1:])
    served = run.serve()
    if served is not None:
        sys.exit(served)
    with run.recording():
        code = run_app()
    run.finish(code)
    sys.exit(code)


def run_app() -> int:
    """Run the app; its exit code."""
    from ..errors import DataError, MentoringError

    try:
        app(prog_name="mentoring")
    except SystemExit as stop:
        if stop.code is None or isinstance(stop.code, int):
            return stop.code or 0
        typer.echo(stop.code, err=True)
        return 1
    except DataError as failure:
        refuse(failure.problems, summary=failure.summary)
        return EXIT_DATA
    except MentoringError as failure:
        typer.echo(f"mentoring: error: {failure}", err=True)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug still gets one line, never a traceback
        typer.echo(f"mentoring: internal error: {type(exc).__name__}: {exc}", err=True)
        return EXIT_BUG
    return 0


from . import actions, explain, export, log, reading, schema, serve, setup  # noqa: E402,F401 - the commands register themselves on the app
