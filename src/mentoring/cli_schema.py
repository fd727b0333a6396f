"""`mentoring schema [--output DIR]` (CLI.md "Exports and setting up"): the JSON Schemas of the
workspace's files, for editors, written to DIR (default: `schemas/` in the current folder).

Not yet wired into `cli.app` (cli.py is being restructured); the command to add there is

    @app.command()
    def schema(output: Optional[str] = typer.Option(None, "--output", "-o", metavar="DIR",
               help="The folder to write the schemas to (default: schemas/).")) -> None:
        \"\"\"Write JSON Schemas of curricula, cohorts, logs and mentoring.toml, for editors.\"\"\"
        from .cli_schema import schema_command
        schema_command(output)

and, once it is, docs/interop.md's ```sh block of `mentoring schema` can become a ```console one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

#: Where `mentoring schema` writes without --output, relative to the current folder.
DEFAULT_FOLDER = "schemas"


def schema_command(output: Optional[str]) -> None:
    """Write the four schemas into the folder (made if missing, files in it replaced) and print
    each path written; a folder that cannot be written is a usage error (exit 2)."""
    from .export.schema import write_schemas

    folder = Path(output or DEFAULT_FOLDER)
    try:
        written = write_schemas(folder)
    except OSError as exc:
        from .cli import Failure  # the CLI's one way out with a message; imported here, as cli imports this lazily

        raise Failure(f"cannot write the schemas to {folder}: {exc.strerror or exc}") from None
    for path in written:
        typer.echo(path.as_posix())
