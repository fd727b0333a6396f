"""Where in a file's text: the line of a key or a record, and TOML syntax errors worded for a
trainer and placed on the line to fix.

Pure text work, no I/O: the loader hands in a file's text when, and only when, it has a problem
to place there.
"""

from __future__ import annotations

import difflib
import re
from typing import Optional

import attrs
import tomli

from .problems import Keys, Problem

# --- finding lines -----------------------------------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")
_PART = re.compile(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""")


def _parts(dotted: str) -> list[str]:
    return [part.strip("\"'") for part in _PART.findall(dotted)]


def _open_quote(line: str, quote: Optional[str]) -> Optional[str]:
    """The multi-line string delimiter (\"\"\" or ''') still open at the end of a line, given the one open at its start."""
    i, n = 0, len(line)
    while i < n:
        if quote is not None:
            end = line.find(quote, i)
            while end > 0 and quote == '"""' and (len(line[:end]) - len(line[:end].rstrip("\\"))) % 2:
                end = line.find(quote, end + 1)  # an escaped quote does not close the string
            if end < 0:
                return quote
            i = end + 3
            while i < n and line[i] == quote[0]:  # up to two quotes before the closing belong to the string
                i += 1
            quote = None
        elif line[i] == "#":
            return None
        elif line.startswith(('"""', "'''"), i):
            quote, i = line[i:i + 3], i + 3
        elif line[i] in "\"'":  # a one-line string: skip to its end (by regex: notes may be long)
            rest = (_BASIC_REST if line[i] == '"' else _LITERAL_REST).match(line, i + 1)
            i = rest.end() if rest else n
        else:
            i += 1
    return quote


def key_lines(text: str) -> dict[Keys, int]:
    """The first line of every table header and key in a TOML text, by its keys.

    Arrays of tables count their elements, so `[[session]]`'s third header is ("session", 2).
    A rough scan, good for placing a problem; the text is already known to parse.
    """
    lines: dict[Keys, int] = {}
    counts: dict[Keys, int] = {}
    table: Keys = ()
    quote: Optional[str] = None
    for number, line in enumerate(text.split("\n"), start=1):  # TOML's newlines only, as the parser counts
        if quote is not None:  # inside a multi-line string: nothing here is a key or a header
            quote = _open_quote(line, quote)
            continue
        quote = _open_quote(line, None)
        header = _HEADER.match(line)
        if header and "=" not in header.group(2).split('"')[0]:
            names = _parts(header.group(2))
            prefix: Keys = ()
            for name in names[:-1]:
                prefix = (*prefix, name)
                if prefix in counts:
                    prefix = (*prefix, counts[prefix] - 1)
            table = (*prefix, names[-1]) if names else ()
            if header.group(1) == "[[":
                lines.setdefault(table, number)
                counts[table] = counts.get(table, 0) + 1
                table = (*table, counts[table] - 1)
            lines.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault((*table, *_parts(key.group(1))), number)
    return lines


def _array_name(row: str) -> Optional[str]:
    """The name of a top-level `[[name]]` header on a line; None when the line is not one."""
    header = _HEADER.match(row)
    if not header or header.group(1) != "[[" or "=" in header.group(2).split('"')[0]:
        return None
    names = _parts(header.group(2))
    return names[0] if len(names) == 1 else None


def header_lines(text: str) -> dict[str, list[int]]:
    """The lines of the `[[name]]` headers of each top-level array of tables, by name, in order
    (`["session"][2]` is the line of the third `[[session]]`): what `key_lines` gives of them,
    looking only at the lines holding `[[` when the text holds no multi-line string (which could
    hold a line that looks like a header), through `key_lines` otherwise."""
    found: dict[str, list[int]] = {}
    if '"""' in text or "'''" in text:
        for keys, number in sorted(key_lines(text).items(), key=lambda item: item[1]):
            if len(keys) == 2 and isinstance(keys[1], int):
                found.setdefault(str(keys[0]), []).append(number)
        return found
    rows = text.split("\n")  # TOML's newlines only, as the parser counts
    names: dict[str, Optional[str]] = {}  # a header's line as written, to its name (most repeat)
    for number in [n for n, row in enumerate(rows, start=1) if "[[" in row]:
        row = rows[number - 1]
        name = names[row] if row in names else names.setdefault(row, _array_name(row))
        if name is not None:
            found.setdefault(name, []).append(number)
    return found


def find_line(lines: dict[Keys, int], keys: Keys) -> int:
    """The line of the longest known prefix of keys; 1 when none is known."""
    for end in range(len(keys), 0, -1):
        if keys[:end] in lines:
            return lines[keys[:end]]
    return 1


def placed(problem: Problem, lines: dict[Keys, int]) -> Problem:
    """A problem born without a line, with the line of its keys; a duplicate's message also says
    where the first one is."""
    line = find_line(lines, problem.keys)
    if not problem.first:
        return attrs.evolve(problem, line=line)
    return attrs.evolve(problem, line=line, message=f"{problem.message} (first at line {find_line(lines, problem.first)})")


# --- placing and wording TOML syntax errors ----------------------------------------------------

_MARK = re.compile(r"""["'\[\]{}]""")
_BASIC_REST = re.compile(r'(?:[^"\\\n]|\\.)*"')
_LITERAL_REST = re.compile(r"[^'\n]*'")


@attrs.define
class _Scan:
    """What a rough TOML lexer saw up to a point: for placing a syntax error the parser found."""

    open: list[tuple[str, int, int]] = attrs.Factory(list)
    """The brackets still open, innermost last: each with its line and position."""
    string: Optional[tuple[str, int]] = None
    """The string still open (its quote and line); the scan stops at a one-line string not closed on its line."""
    deep: Optional[int] = None
    """The line where more than `limit` brackets are first open at once."""
    pos: int = 0
    """Where the scan stopped; another scan can go on from there."""
    line: int = 1
    """The line of `counted`."""
    counted: int = 0
    """Where newlines were counted up to."""


def _scan(text: str, stop: int, limit: int = 0, seen: Optional[_Scan] = None) -> _Scan:
    """Strings, comments and brackets of text[:stop], roughly as TOML reads them (jumping from quote
    to bracket by regular expression, so that a file of millions of lines is scanned in a moment)."""
    seen = seen or _Scan()
    pos = seen.pos

    def line_at(position: int) -> int:
        seen.line += text.count("\n", seen.counted, position)
        seen.counted = position
        return seen.line

    while True:
        seen.pos = pos
        mark = _MARK.search(text, pos, stop)
        if mark is None:
            seen.pos = stop
            return seen
        start_of_line = max(pos, text.rfind("\n", pos, mark.start()) + 1)
        if "#" in text[start_of_line:mark.start()]:  # in a comment: on to the next line
            end = text.find("\n", mark.start(), stop)
            if end < 0:
                return seen
            pos = end
            continue
        pos = mark.start()
        char = text[pos]
        if char in "[{":
            seen.open.append((char, line_at(pos), pos))
            if limit and seen.deep is None and len(seen.open) > limit:
                seen.deep = line_at(pos)
            pos += 1
        elif char in "]}":
            if seen.open:
                seen.open.pop()
            pos += 1
        elif text.startswith(char * 3, pos):  # a multi-line string
            quote, start = char * 3, pos
            end = pos = pos + 3
            while True:
                end = text.find(quote, end, stop)
                if end < 0 or quote == "'''":
                    break
                backslashes = len(text[pos:end]) - len(text[pos:end].rstrip("\\"))
                if backslashes % 2 == 0:
                    break
                end += 1  # an escaped quote does not close the string
            if end < 0:
                seen.string = (quote, line_at(start))
                return seen
            pos = end + 3
            while pos < stop and text[pos] == char:  # quotes just before the closing ones
                pos += 1
        else:  # a one-line string
            rest = (_BASIC_REST if char == '"' else _LITERAL_REST).match(text, pos + 1, stop)
            if rest is None:
                seen.string = (char, line_at(pos))
                return seen
            pos = rest.end()


def _word_at(text: str, pos: int) -> str:
    """The bare token the parser stopped in (such as 2015-13-01, 007 or 75%)."""
    left = pos
    while left > max(0, pos - 100) and text[left - 1] not in " \t\r\n=[{,":
        left -= 1
    right = pos
    while right < min(len(text), pos + 100) and text[right] not in " \t\r\n#]}":
        right += 1
    word = text[left:right].rstrip(",")
    if word.startswith("%"):  # "75 %"
        before = re.search(r"([+-]?\d+(?:[.,]\d+)?)[ \t]*$", text[max(0, left - 100):left])
        if before:
            word = before.group(1) + "%"
    return word


def _unquoted(text: str, pos: int) -> str:
    """The text without quotes the parser could not read as a value, up to the end of that value."""
    return re.split(r"[,\]}#\r\n]", text[pos:pos + 200], maxsplit=1)[0].strip()


def _unclosed(text: str, pos: int, message: str) -> Optional[tuple[str, int]]:
    """For a list or an inline table the parser found unfinished at pos: what is wrong, and the line
    to fix. A bracket never closed is placed where it opens; one closed further on lacks a comma."""
    before = _scan(text, pos)
    if before.string is not None or not before.open:
        return None
    bracket, line, start = before.open[-1]
    what, closer = ("list", "]") if bracket == "[" else ("inline table", "}")
    after = _scan(text, len(text), seen=attrs.evolve(before, open=list(before.open)))
    if after.string is None and any(position == start for _, _, position in after.open):
        return f'the {what} opened on this line is never closed (a "{closer}" is missing)', line
    if message.startswith("Unclosed"):
        items = "items of a list" if bracket == "[" else "keys of an inline table"
        return f'a "," is missing between two {items}', text.count("\n", 0, pos) + 1
    return None


def single_brackets(name: str) -> str:
    """What to say of `[name]` where a list of `[[name]]` tables is meant."""
    return f"[{name}] has single brackets: write [[{name}]], with double brackets, above each one of a list"


def _header_line(text: str, name: str, brackets: str) -> Optional[int]:
    """The line of the first `[name]` (brackets "[") or `[[name]]` ("[[") header in the text, or None."""
    for number, row in enumerate(text.split("\n"), start=1):
        header = _HEADER.match(row)
        if header and header.group(1) == brackets and ".".join(_parts(header.group(2))) == name:
            return number
    return None


def syntax_problem(rel: str, text: str, exc: tomli.TOMLDecodeError) -> Problem:
    """A TOML syntax error as a problem a trainer can act on, at the line to fix.

    The parser's words are kept, except where they say too little: a bad date or number, a
    percentage or a text without quotes, a backslash, a key or a table written twice, a string or
    a bracket never closed (placed on the line where it opens, not where the parser gave up)."""
    message = getattr(exc, "msg", str(exc))
    pos = getattr(exc, "pos", None)
    line = getattr(exc, "lineno", None) or 1
    text = text.replace("\r\n", "\n")  # as the parser reads it: its positions are in this text
    if not isinstance(pos, int) or not 0 <= pos <= len(text):
        return Problem(rel, f"malformed TOML: {message}", line=line)
    word = _word_at(text, pos)
    end = text.find("\n", pos)
    here = text[text.rfind("\n", 0, pos) + 1:end if end >= 0 else len(text)]
    if re.match(r"\d{1,4}[-/]\d{1,2}[-/]\d{1,4}", word):
        message = f"{word} is not a valid date (write year-month-day, such as 2015-03-05)"
    elif re.fullmatch(r"[+-]?\d+(?:[.,]\d+)?%", word):
        message = f'{word} is not a value: a percentage is written in quotes, such as "{word}"'
    elif re.fullmatch(r"[+-]?\d+,\d+", word):
        message = f"{word} is not a number: decimals are written with a point, such as {word.replace(',', '.')}"
    elif re.fullmatch(r"[+-]?0\d[\d_]*(?:\.\d+)?", word):
        sign = word[0] if word[0] in "+-" else ""
        digits = word.lstrip("+-").lstrip("0_")
        digits = "0" + digits if not digits or digits.startswith(".") else digits
        message = f"{word} is not a number: a number does not start with 0 (write {sign}{digits})"
    elif message == "Invalid value" and re.match(r"[A-Za-z0-9_-]+[ \t]*=", text[pos:pos + 200]):
        if (found := _unclosed(text, pos, message)) is not None:  # a list left open before the next key
            message, line = found
    elif message == "Invalid value" and re.match(r"[A-Za-z]", text[pos:pos + 1]):
        value = _unquoted(text, pos)
        value = value if len(value) <= 40 else value[:37] + "..."
        close = difflib.get_close_matches(value.lower(), ["true", "false"], n=1, cutoff=0.6)
        if value.lower() in ("true", "false"):
            message = f"{value} is not a value: true and false are written in lower case"
        elif close and " " not in value:
            message = f"{value} is not a value (did you mean {close[0]}?)"
        else:
            message = f'{value} is not a value: text is written in quotes, such as "{value}"'
    elif message in ("Invalid hex value", "Unescaped '\\' in a string"):
        message = ('a backslash in a "..." string starts an escape such as \\n: '
                   "write \\\\ for a backslash, or put the text in '...'")
    elif message.startswith("Cannot declare ("):
        names = ".".join(re.findall(r"'((?:[^'\\]|\\.)*)'", message))
        single = _HEADER.match(here)
        if single and single.group(1) == "[" and _header_line(text[:pos], names, "[[") is not None:
            message = single_brackets(names)  # [[session]] ... [session]
        else:
            message = f"the table [{names}] is declared twice"
    elif message == "Cannot overwrite a value" and (array := _HEADER.match(here)) and array.group(1) == "[[" and (
            first := _header_line(text[:pos], ".".join(_parts(array.group(2))), "[")) is not None:
        message, line = single_brackets(".".join(_parts(array.group(2)))), first  # [session] ... [[session]]
    elif message == "Cannot overwrite a value" and (key := _KEY.match(here)):
        message = f'the key "{".".join(_parts(key.group(1)))}" is given a value twice'
    elif text[pos:pos + 1] == "\r":
        message = "a line ends in a lone carriage return; save the file with LF or CRLF line ends"
    elif text[pos:pos + 1] == "\ufeff":
        message = "a byte-order mark (U+FEFF) inside the file; delete it (were two files pasted together?)"
    elif message in ("Illegal character '\\n'", "Found invalid character '\\n'", "Unterminated string", "Expected \"'\"", "Expected \"'''\""):
        string = _scan(text, pos if message[0] in "IF" else len(text)).string
        if string is not None:
            quote, line = string
            where = "on the line where it starts" if len(quote) == 1 else "anywhere after it"
            message = f"the string opened on this line is not closed {where} (a closing {quote} is missing)"
    elif message.startswith("Unclosed") or not text[pos:].strip():
        if (found := _unclosed(text, pos, message)) is not None:
            message, line = found
    return Problem(rel, f"malformed TOML: {message}", line=line)


def nesting_problem(rel: str, text: str, exc: RecursionError) -> Problem:
    """Too deep a nesting for the parser, at the line where it gets too deep."""
    why = str(exc)
    if "key has more than" in why:
        parts = re.search(r"(\d+) parts", why)
        most = int(parts.group(1)) if parts else 1000
        line = next((n for n, row in enumerate(text.split("\n"), start=1) if row.count(".") >= most), 1)
    else:
        levels = re.search(r"(\d+) levels", why)
        line = _scan(text, len(text), int(levels.group(1)) if levels else 100).deep or 1
    detail = f" ({why})" if "TOML" in why else ""
    return Problem(rel, f"malformed TOML: nested too deeply{detail}", line=line)
