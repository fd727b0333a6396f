"""The terminal and markdown tables written without tabulate are the ones tabulate writes."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from mentoring.render.text import table

TEXT = st.text(alphabet=string.ascii_letters + string.digits + string.punctuation + " ", max_size=14)
CELL = st.one_of(st.none(), TEXT, st.integers(-50, 5000), st.floats(0, 100, allow_nan=False), st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 6).flatmap(lambda n: st.tuples(
    st.lists(TEXT, min_size=n, max_size=n), st.lists(st.lists(CELL, min_size=n, max_size=n), max_size=6))),
    st.sampled_from([("table", "simple"), ("markdown", "github")]))
def test_tables_of_printable_ascii_are_tabulates(table_, fmt) -> None:
    """For cells and headings of printable ASCII, `table` gives exactly tabulate's text (cells
    stripped, headings as given, each column its widest cell or its heading and two spaces)."""
    headers, rows = table_
    ours, theirs = fmt
    assert table(headers, rows, ours) == tabulate(rows, headers=headers, tablefmt=theirs, disable_numparse=True)


def test_a_cell_on_two_lines_is_left_to_tabulate() -> None:
    """A cell holding a newline is drawn by tabulate, on two lines of the table."""
    assert table(["a", "b"], [["x\ny", "z"]], "table") == "a    b\n---  ---\nx    z\ny"
