"""Words, numbers and dates for people to read, in English or Indonesian.

`language("id")` gives a `Language`: `gettext` translates a label (the English text is the
message id; the Indonesian is in `id/LC_MESSAGES/mentoring.po`, read at run time with Babel),
`number` writes a figure the way the language does (`1,234.5` or `1.234,5`; percentages and hours
with one decimal; never scientific notation), `date` a date (ISO in English, `31 Maret 2015` in
Indonesian). Labels in the code are marked with `N_` so that `tools/catalog.py` finds them.

Problems, usage errors, CSV and JSON never pass through here: they stay English (CLI.md).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Optional

import attrs

from ..errors import enum_value
from ..model import DEFAULT_LEVELS, Lang, Word

#: The catalogs' folder: `<code>/LC_MESSAGES/mentoring.po`.
CATALOGS = Path(__file__).parent
DOMAIN = "mentoring"
#: What an empty figure shows in a table for people.
EMPTY = "-"


def capital(text: str) -> str:
    """A label as the start of a heading: its first letter upper case, the rest as it is."""
    return text[:1].upper() + text[1:]


def N_(message: str) -> str:
    """Mark a label for translation where it is written; it is translated where it is shown."""
    return message


@attrs.frozen
class Message:
    """Words to show in any language: an English message with `{name}` slots and the values that
    fill them (numbers, dates, status words, text, other Messages, lists of them); for a message
    about a count `n`, its English plural too."""

    text: str
    """The message id: English, with `{name}` slots."""
    values: dict[str, Any] = attrs.Factory(dict)
    """Slot name to value."""
    plural: Optional[str] = None
    """The message id when `n` is not 1 (Indonesian, with no plural, translates both alike)."""

    def english(self) -> str:
        """The message in English, as JSON and CSV write it (dates ISO, numbers as written)."""
        return language(Lang.EN).say(self)


@functools.lru_cache(maxsize=None)
def catalog(code: str) -> Mapping[str, str]:
    """The translations of a language: English message id to its text (empty for English)."""
    path = CATALOGS / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return {}
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        read = read_po(handle, locale=code)
    return {message.id: message.string for message in read if message.id and message.string and not message.fuzzy}


class Language:
    """The words, numbers and dates of one language."""

    def __init__(self, code: Lang):
        self.code = code
        self.words = catalog(code.value) if code is not Lang.EN else {}
        self.marks: Optional[dict[int, str]] = None
        """How the language's thousands separator and decimal mark replace "," and "." (None: as they are)."""
        if code is not Lang.EN:
            from babel.numbers import get_decimal_symbol, get_group_symbol

            self.marks = str.maketrans({",": get_group_symbol(code.value), ".": get_decimal_symbol(code.value)})

    def gettext(self, message: str) -> str:
        """A label in this language (the English message itself when it has no translation)."""
        return self.words.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """A label that depends on a count (Indonesian has no plural)."""
        return self.gettext(singular if n == 1 else plural)

    def say(self, message: Message) -> str:
        """A Message in this language."""
        return self.format(self.pick(message), **message.values)

    @staticmethod
    def pick(message: Message) -> str:
        """The message id a Message says: its plural when it is about a count `n` other than 1."""
        return message.plural if message.plural is not None and message.values.get("n") != 1 else message.text

    def format(self, message: str, **values: Any) -> str:
        """A label with `{name}` slots, filled with the values as this language writes them."""
        return self.gettext(message).format(**{key: self.value(item) for key, item in values.items()})

    def value(self, item: Any) -> str:
        """Any value as this language shows it: a date, a status word, a number, text."""
        if isinstance(item, Message):
            return self.say(item)
        if isinstance(item, (list, tuple)):
            return ", ".join(self.value(part) for part in item)
        if isinstance(item, dt.date):
            return self.date(item)
        if isinstance(item, Word):
            return self.gettext(item.value)
        if isinstance(item, bool):
            return self.gettext(N_("yes") if item else N_("no"))
        if isinstance(item, (int, float)):
            return self.number(item)
        if hasattr(item, "unit") and hasattr(item, "value"):  # a figure with its unit (render.tables.Amount)
            return self.number(item.value, item.unit)
        return EMPTY if item is None else str(item)

    def number(self, value: Optional[float], unit: str = "count") -> str:
        """A figure: a whole count with thousands separators, one decimal for a count that is not
        whole, for hours and for a percentage (with `%`); `-` for none."""
        if value is None:
            return EMPTY
        if not math.isfinite(value):
            return "∞" if value > 0 else "-∞"
        whole = unit == "count" and float(value).is_integer()
        text = self.decimal(value, 0 if whole else 1)
        return f"{text}%" if unit == "percent" else text

    def decimal(self, value: float, places: int) -> str:
        """A finite number rounded to `places` decimals, grouped by thousands, in this language's
        marks. Python's fixed-point format rounds the float's exact value half to even and writes
        every digit (never an exponent), so 1e30 is all 31 of its digits."""
        text = f"{value:,.{places}f}"
        if text.startswith("-") and not text.strip("-0,."):
            text = text[1:]  # -0.0 is 0.0
        return text.translate(self.marks) if self.marks else text

    def date(self, day: Optional[dt.date]) -> str:
        """A date: ISO (`2015-03-31`) in English, `31 Maret 2015` in Indonesian; `-` for none."""
        if day is None:
            return EMPTY
        if self.code is Lang.EN:
            return day.isoformat()
        from babel.dates import format_date

        return format_date(day, "d MMMM y", locale=self.code.value)

    def period(self, kind: str, start: dt.date) -> str:
        """A reporting period's name: `2015-01`, `2015-Q1` or `2015` in English; `Januari 2015`,
        `TW1 2015` (triwulan) or `2015` in Indonesian."""
        if kind == "year":
            return str(start.year)
        if kind == "quarter":
            return self.format(N_("{year}-Q{quarter}"), year=str(start.year), quarter=str((start.month - 1) // 3 + 1))
        if self.code is Lang.EN:
            return f"{start.year}-{start.month:02d}"
        from babel.dates import format_date

        return format_date(start, "MMMM y", locale=self.code.value)

    def level(self, scale: Sequence[str], level: Optional[int]) -> str:
        """A competency level by its scale's name; the default scale's names are translated."""
        if level is None:
            return EMPTY
        if not 0 <= level < len(scale):
            return self.number(level)
        name = scale[level]
        return self.gettext(name) if tuple(scale) == DEFAULT_LEVELS else name


#: The default scale's names, marked for the catalog.
_LEVELS = [N_("not yet"), N_("basic"), N_("independent"), N_("can teach others")]


def messages() -> dict[str, list[tuple[str, int]]]:
    """Every label the program shows, as the catalogs need it: English message id to the places
    (file relative to the package, line) that mark it with `N_`, `_` or `gettext`, in the Python
    sources and the templates."""
    from babel.messages.extract import extract_from_dir

    package = Path(__file__).parents[1]
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2.ext:babel_extract")]
    options_map = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n,jinja2.ext.do", "trim_blocks": "true", "lstrip_blocks": "true"}}
    found: dict[str, list[tuple[str, int]]] = {}
    for name, line, message, _comments, _context in extract_from_dir(str(package), method_map, options_map):
        for text in (message if isinstance(message, tuple) else (message,)):
            if text:
                found.setdefault(text, []).append((name, line))
    return found


def language(code: object = "en") -> Language:
    """The Language of a code (`en` or `id`), or a UsageError naming the codes."""
    return _language(enum_value(Lang, code, "lang"))


@functools.lru_cache(maxsize=None)
def _language(code: Lang) -> Language:
    return Language(code)
