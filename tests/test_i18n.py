"""Labels, numbers and dates for people, in English and Indonesian (src/mentoring/i18n)."""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest

import mentoring
from mentoring.i18n import catalog, language, messages
from mentoring.model import DEFAULT_LEVELS


def slots(text: str) -> set[str]:
    """The `{name}` slots of a message."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_label_has_an_indonesian_translation():
    """Every label marked in the code or the templates has a non-empty Indonesian text in the
    catalog (run `python tools/catalog.py` to add new ones, then translate them)."""
    found = messages()
    assert len(found) > 50, "the extraction found too few labels: is it reading the sources?"
    words = catalog("id")
    missing = {message: places for message, places in found.items() if not words.get(message)}
    assert missing == {}


def test_translations_keep_every_slot():
    """A translation fills the same `{name}` slots as its English message, no more, no fewer."""
    words = catalog("id")
    assert {m: slots(t) for m, t in words.items() if slots(t) != slots(m)} == {}


@pytest.mark.parametrize("value, unit, en, id_", [
    (1234.5, "hours", "1,234.5", "1.234,5"),
    (37, "hours", "37.0", "37,0"),
    (300000000, "count", "300,000,000", "300.000.000"),
    (35.5, "count", "35.5", "35,5"),
    (7, "count", "7", "7"),
    (60 / 68 * 100, "percent", "88.2%", "88,2%"),
    (0, "percent", "0.0%", "0,0%"),
    (None, "count", "-", "-"),
    (float("inf"), "hours", "∞", "∞"),
])
def test_numbers_in_each_language(value, unit, en, id_):
    """Whole counts with thousands separators; hours, percentages and counts that are not whole
    with one decimal; a point and commas in English, a comma and points in Indonesian."""
    assert (language("en").number(value, unit), language("id").number(value, unit)) == (en, id_)


def test_a_huge_number_is_written_out_never_in_scientific_notation():
    """1e30 is written with all its 31 digits grouped by three (Python's 'g' would say 1e+30)."""
    text = language("en").number(1e30)
    assert "e" not in text.lower()
    assert text.replace(",", "") == str(int(1e30))
    assert re.fullmatch(r"\d{1,3}(,\d{3})*", text)


def test_dates_iso_in_english_and_in_words_in_indonesian():
    """English keeps ISO dates; Indonesian writes the month's name."""
    day = dt.date(2015, 3, 31)
    assert (language("en").date(day), language("id").date(day)) == ("2015-03-31", "31 Maret 2015")
    assert language("id").date(dt.date(2013, 7, 1)) == "1 Juli 2013"


def test_levels_by_name_and_only_the_default_scale_translated():
    """A level shows by its scale's name; the default scale's names are the program's own words
    and are translated, a curriculum's own scale is data and stays as written."""
    assert language("en").level(DEFAULT_LEVELS, 2) == "independent"
    assert language("id").level(DEFAULT_LEVELS, 2) == "mandiri"
    own = ("none", "with help", "on my own")
    assert language("id").level(own, 1) == "with help"
    assert language("id").level(own, None) == "-"


def test_summary_line_in_indonesian():
    """A message with slots fills them the language's way: numbers, dates and status words."""
    text = language("id").format(
        "{met} of {total} results met; {complete} of {people} participants complete (as of {as_of}, cohort {status})",
        met=6, total=10, complete=4, people=7, as_of=dt.date(2015, 3, 31), status=mentoring.CohortStatus.RUNNING)
    assert text == "6 dari 10 hasil tercapai; 4 dari 7 peserta tuntas (per 31 Maret 2015, angkatan berjalan)"


def test_an_unknown_language_is_a_usage_error():
    """Only en and id exist; anything else names them, with the near one."""
    with pytest.raises(mentoring.UsageError, match=r"lang: expected one of en, id, got 'ind' \(did you mean \"id\"\?\)"):
        language("ind")
