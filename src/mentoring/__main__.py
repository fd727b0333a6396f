"""`python -m mentoring`, and the console script's entry point.

A result kept from an earlier run whose inputs have not changed is printed without importing typer
or the rest of the library (`results.py`); anything else runs the command line (`cli.main`).
"""

import sys


def main() -> None:
    """Serve a kept result, else run the command line."""
    from .results import begin

    code = begin(sys.argv[1:]).serve()
    if code is not None:
        sys.exit(code)
    from .cli import main as run

    run()


if __name__ == "__main__":
    main()
