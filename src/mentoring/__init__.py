"""mentoring: keep training programmes honest.

Curricula and cohorts in TOML, records appended to logs, progress against the expected results
promised to a funder. See docs/architecture.md for how the modules fit together.
"""

__version__ = "0.1.0"
