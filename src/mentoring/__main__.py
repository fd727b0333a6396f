"""`python -m mentoring`."""

from .cli import main

main()
