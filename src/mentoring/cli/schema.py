"""`mentoring schema [--output DIR]` (CLI.md "Exports and setting up"): the JSON Schemas of the
workspace's files, for editors, written into DIR, by default `schemas/` in the workspace (beside the
`.taplo.toml` that points editors at them, docs/interop.md)."""

from pathlib import Path
from typing import Optional

import typer

from . import Command, app, examples, workspace_root

#: Where the schemas go without --output, inside the workspace.
DEFAULT_FOLDER = "schemas"


def schema_command(output: Optional[str]) -> None:
    """Write the four schemas into the folder (made if missing, files in it replaced) and print each
    path written; a folder that cannot be written is a usage error (exit 2)."""
    from ..errors import UsageError
    from ..export.schema import write_schemas

    folder = Path(output) if output else workspace_root() / DEFAULT_FOLDER
    try:
        written = write_schemas(folder)
    except OSError as exc:
        raise UsageError(f"cannot write the schemas to {folder}: {exc.strerror or exc}") from None
    for path in written:
        typer.echo(path.as_posix())


@app.command(cls=Command, epilog=examples("mentoring schema"))
def schema(
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="DIR", help="The folder to write them to (default: schemas/ in the workspace).",
    ),
) -> None:
    """Write JSON Schemas of curricula, cohorts, logs and mentoring.toml, for editors (taplo, Even Better TOML)."""
    schema_command(output)
