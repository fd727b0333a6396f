"""Where a figure comes from, as text: a terminal table, markdown, CSV or JSON (CLI.md, "Where a
figure comes from"). No computation happens here: the explanation holds every figure and note.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, Optional, Union

from ..errors import enum_value
from ..explain import Explained, Explanation, Note, ParticipantExplanation, RequirementExplained
from ..model import Status
from ..problems import plural
from ..progress import Tally
from . import Format
from .text import EMPTY, _as_json, group_label, number, plain, status, table

#: How a table names the row of the whole cohort beside its groups.
ALL = "all"


def where(note: Note) -> str:
    """`path:line`, as a problem names a place."""
    return f"{note.path}:{note.line}" if note.line is not None else note.path


def weight_json(weight: Any) -> Any:
    """What a record added, for JSON: a number, or for attendance its places attended and expected."""
    if isinstance(weight, Tally):
        return {"attended": weight.part, "expected": weight.whole}
    return weight


def weight_text(note: Note, unit: str) -> str:
    """What a record added, for a person to read: `6 of 7` places, `3` hours, `1`."""
    if not note.counted:
        return ""
    if isinstance(note.weight, Tally):
        return f"{number(note.weight.part)} of {number(note.weight.whole)}"
    return number(note.weight, "count" if unit == "percent" else unit)


def _note_json(note: Note) -> dict[str, Any]:
    return {"path": note.path, "line": note.line, "date": note.date, "kind": note.kind, "counted": note.counted,
            "weight": weight_json(note.weight), "reason": note.reason, "detail": note.detail, "what": note.what}


def _part_json(part: Explained) -> dict[str, Any]:
    data: dict[str, Any] = {"actual": part.actual, "numerator": part.numerator, "denominator": part.denominator,
                            "records": [_note_json(n) for n in part.records]}
    if part.periods:
        data["periods"] = [{"start": p.start, "end": p.end, "outputs": p.outputs, "enough": p.enough}
                           for p in part.periods]
    return data


def _value(need: RequirementExplained, value: Any) -> str:
    """A needed or reached value: a status word, a percentage, a level with its name."""
    if isinstance(value, Status):
        return value.value
    if need.kind == "attendance":
        return number(value, "percent")
    if need.scale and value is not None and 0 <= value < len(need.scale):
        return f"{value} ({need.scale[value]})"
    return number(value)


def figure_line(part: Explained) -> str:
    """`88.2% (60 of 68), target 80.0%: met`."""
    r = part.figures
    text = number(r.actual, r.unit)
    if part.numerator is not None:
        text += f" ({number(part.numerator)} of {number(part.denominator)})"
    if r.target is not None:
        text += f", target {number(r.target, r.unit)}: {r.status}"
    return text


def tally_line(records: Sequence[Note]) -> str:
    """`14 records looked at: 12 counted; not counted: dated after as-of (1), outside the modules (1)`."""
    counted = sum(1 for n in records if n.counted)
    reasons = Counter(n.reason.value for n in records if n.reason is not None)
    text = f"{plural(len(records), 'record')} looked at: {counted} counted"
    if reasons:
        text += "; not counted: " + ", ".join(f"{why} ({n})" for why, n in reasons.items())
    return text


def _reason_text(note: Note) -> str:
    """Why a record did not count (and what about); for a counted cadence output, its period."""
    if note.reason is None:
        return f"in the period from {note.detail}" if note.detail else ""
    return f"{note.reason}: {note.detail}" if note.detail else str(note.reason)


def _records_table(lines: Sequence[tuple[Optional[str], Note]], unit: str, fmt: str, lead: Optional[str]) -> str:
    """The records, one a row (with the group each is about, when broken down)."""
    headers = [*([lead] if lead else []), "record", "date", "kind", "what", "counted", "weight", "reason"]
    rows = [[*([label] if lead else []), where(n), n.date.isoformat() if n.date else EMPTY, n.kind, n.what,
             "yes" if n.counted else "no", weight_text(n, unit), _reason_text(n)] for label, n in lines]
    return table(headers, rows, fmt)


def _records_csv(as_of: Any, lines: Sequence[tuple[Optional[str], Note]], lead: Optional[str]) -> str:
    """The records, one a row: raw numbers, a session's places as two columns for attendance."""
    headers = ["as_of", *([lead] if lead else []), "path", "line", "date", "kind", "counted", "weight",
               "attended", "expected", "reason", "detail", "what"]
    rows = []
    for label, n in lines:
        places = n.weight if isinstance(n.weight, Tally) else None
        rows.append([as_of, *([label] if lead else []), n.path, n.line, n.date, n.kind, "yes" if n.counted else "no",
                     None if places else plain(n.weight), places and places.part, places and places.whole,
                     n.reason.value if n.reason else None, n.detail, n.what])
    return table(headers, rows, "csv")


def render_explanation(found: Explanation, fmt: Union[Format, str], colour: bool = False) -> str:
    """Where a result's actual comes from: the figure, the rule, each record looked at (counted
    or not, and why), then how many counted; with groups, each group's figure and records."""
    fmt = enum_value(Format, fmt, "format")
    if fmt == "json":
        data = {"cohort": found.cohort, "result": found.result, "as_of": found.as_of, "rule": found.rule,
                **_part_json(found.whole)}
        if found.by is not None:
            data["groups"] = [{"group": g.group, **_part_json(g)} for g in found.groups]
        return _as_json(data)
    by = found.by.value if found.by is not None else None
    parts = found.groups if by else (found.whole,)
    lines = [(g.group, n) for g in parts for n in g.records]
    unit = found.whole.figures.unit
    if fmt == "csv":
        return _records_csv(found.as_of, lines, by)
    lines = [(group_label(label), n) for label, n in lines]
    head = [f"{found.result}: {found.statement}",
            f"{found.cohort} as of {found.as_of}: {figure_line(found.whole)}",
            f"Rule: {found.rule}."]
    text = "\n".join(head) + "\n\n"
    if by:
        figures = [[ALL, number(found.whole.actual, unit), number(found.whole.numerator), number(found.whole.denominator)],
                   *[[group_label(g.group), number(g.actual, unit), number(g.numerator), number(g.denominator)]
                     for g in found.groups]]
        text += table([by, "actual", "numerator", "denominator"], figures, fmt) + "\n\n"
    if found.whole.periods:
        periods = [[p.start.isoformat(), p.end.isoformat(), p.outputs, "yes" if p.enough else "no"]
                   for p in found.whole.periods]
        text += table(["period from", "to", "outputs", "enough"], periods, fmt) + "\n\n"
    text += _records_table(lines, unit, fmt, by) if lines else "No record looked at."
    summaries = [f"{group_label(g.group)}: {tally_line(g.records)}" for g in found.groups] if by \
        else [tally_line(found.whole.records)]
    return text + "\n\n" + "\n".join(f"{line}." for line in summaries)


def _requirement_json(need: RequirementExplained) -> dict[str, Any]:
    return {"kind": need.kind, "id": need.id, "needed": plain(need.needed), "reached": plain(need.reached),
            "met": need.met, "records": [_note_json(n) for n in need.records]}


def _requirement_label(need: RequirementExplained) -> str:
    return "attendance" if need.kind == "attendance" else f"{need.kind} {need.id}"


def render_participant_explanation(found: ParticipantExplanation, fmt: Union[Format, str], colour: bool = False) -> str:
    """Where one participant's completion comes from: each requirement, needed and reached, met or
    not, then the records behind each."""
    fmt = enum_value(Format, fmt, "format")
    if fmt == "json":
        return _as_json({"cohort": found.cohort, "participant": found.participant, "as_of": found.as_of,
                         "complete": found.complete, "rule": found.rule, "path": found.path, "line": found.line,
                         "requirements": [_requirement_json(r) for r in found.requirements]})
    lines = [(_requirement_label(r), n) for r in found.requirements for n in r.records]
    if fmt == "csv":
        return _records_csv(found.as_of, lines, "requirement")
    done = status("yes" if found.complete else "no", colour)
    head = [f"{found.participant} ({found.name}, {found.path}:{found.line}) of {found.cohort} as of {found.as_of}: "
            f"complete {done}",
            f"Rule: {found.rule}."]
    needs = [[_requirement_label(r), _value(r, r.needed), _value(r, r.reached), status("yes" if r.met else "no", colour)]
             for r in found.requirements]
    text = "\n".join(head) + "\n\n"
    text += table(["requirement", "needed", "reached", "met"], needs, fmt) if needs else "The rule asks nothing."
    if lines:
        text += "\n\n" + _records_table(lines, "count", fmt, "requirement")
    met = sum(1 for r in found.requirements if r.met)
    return text + f"\n\n{met} of {len(found.requirements)} requirements met."
