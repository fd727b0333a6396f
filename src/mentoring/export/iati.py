"""IATI activity XML 2.03 from a cohort's figures (CLI.md "Exports and setting up"): pure, figures
in, an XML tree out, built with the standard library's ElementTree, never by joining strings.

    tree = activities(iati_settings, [Activity(cohort, curriculum, progress), ...])
    data = to_bytes(tree)

One `iati-activity` per cohort; each expected result a `result` with one `indicator`, a `baseline`
where the result has one, and `period`s: the cohort's span (its `target` the target in force), or
the reporting periods of the figures (quarters or years, periods.py; their `target` the period's
`expected`). `actual` is the
cumulative actual, left out when empty; a break-down (`by`) adds a `target` and an `actual` with a
`dimension` for each group whose value is recorded. docs/interop.md gives the mapping field by field.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from copy import deepcopy
from typing import Optional

import attrs

from ..model import Cohort, CohortStatus, Curriculum, IatiSettings, Result
from ..progress import Progress, ResultFigures

VERSION = "2.03"
#: The attribute ElementTree writes as `xml:lang`.
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: IATI ActivityStatus: 1 pipeline/identification, 2 implementation, 3 finalisation.
ACTIVITY_STATUS = {CohortStatus.NOT_STARTED: "1", CohortStatus.RUNNING: "2", CohortStatus.ENDED: "3"}
#: IATI ActivityDateType.
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"
#: IATI OrganisationRole.
FUNDING, IMPLEMENTING = "1", "4"
#: IATI DescriptionType 1: general.
GENERAL = "1"
#: IATI IndicatorMeasure: 1 unit (a count, hours), 2 percentage.
UNIT, PERCENTAGE = "1", "2"


@attrs.frozen
class Activity:
    """One cohort to report as an IATI activity."""

    cohort: Cohort
    """The cohort: its identifier, dates, title and funder."""
    curriculum: Curriculum
    """The curriculum it runs: its language, summary and results (their type and baseline date)."""
    progress: Progress
    """Its figures as of a date, broken down and over periods as asked."""


@attrs.frozen
class Figure:
    """A `target` or an `actual`: a value, for the whole cohort or, with a dimension, for one group."""

    value: Optional[float]
    """The value; None leaves the element out."""
    group: Optional[str] = None
    """The group's value of the break-down field; None for the whole cohort."""


@attrs.frozen
class Span:
    """One `period` of an indicator: its dates, its targets and its actuals."""

    start: dt.date
    """`period-start`."""
    end: dt.date
    """`period-end`."""
    targets: tuple[Figure, ...]
    """Its `target`s, the whole cohort's first."""
    actuals: tuple[Figure, ...]
    """Its `actual`s, the whole cohort's first."""


def value_text(value: float) -> str:
    """A figure as IATI's @value: a plain decimal, at most two places, no exponent (85.71, 7, 0.5)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text  # the text is never empty: "0.00" strips to "0"


def _group_results(progress: Progress, index: int) -> list[tuple[str, ResultFigures]]:
    """Each recorded group's figures of the index-th result (a value not recorded has no dimension)."""
    return [(group.name, group.results[index]) for group in progress.groups if group.name]


def spans(progress: Progress, index: int) -> list[Span]:
    """The periods of the index-th result. Without reporting periods, the cohort's span, with the
    target in force and the actual as of the figures' date; with them (`progress.period`), each
    period, with its expected value as the target and the actual at its end."""
    figures = progress.results[index]
    groups = _group_results(progress, index)
    if progress.period is None:
        return [Span(
            start=progress.start,
            end=progress.end,
            targets=(Figure(figures.target), *(Figure(r.target, name) for name, r in groups)),
            actuals=(Figure(figures.actual), *(Figure(r.actual, name) for name, r in groups)),
        )]
    return [Span(
        start=period.start,
        end=period.end,
        targets=(Figure(period.expected), *(Figure(r.periods[n].expected, name) for name, r in groups)),
        actuals=(Figure(period.actual), *(Figure(r.periods[n].actual, name) for name, r in groups)),
    ) for n, period in enumerate(figures.periods)]


# --- the tree ----------------------------------------------------------------------------------


def _narrative(parent: ET.Element, tag: str, text: str, lang: Optional[str], **attributes: str) -> ET.Element:
    """`<tag><narrative xml:lang="lang">text</narrative></tag>` under parent (no xml:lang when lang is None)."""
    element = ET.SubElement(parent, tag, attributes)
    narrative = ET.SubElement(element, "narrative", {XML_LANG: lang} if lang else {})
    narrative.text = text.strip()
    return element


def _org(parent: ET.Element, tag: str, name: str, **attributes: str) -> None:
    """An organisation element with its name as a narrative (names are in no particular language)."""
    _narrative(parent, tag, name, None, **attributes)


def _figures(period: ET.Element, tag: str, figures: Iterable[Figure], by: Optional[str]) -> None:
    """A `target` or `actual` for each figure that has a value; a group's carries its `dimension`."""
    for figure in figures:
        if figure.value is None:
            continue
        element = ET.SubElement(period, tag, value=value_text(figure.value))
        if figure.group is not None:
            ET.SubElement(element, "dimension", name=by or "", value=figure.group)


def _result(parent: ET.Element, cohort: Cohort, result: Result, figures: ResultFigures,
            periods: Sequence[Span], lang: Optional[str], by: Optional[str]) -> None:
    """One expected result: its `result`, its one `indicator`, baseline and periods."""
    element = ET.SubElement(parent, "result", type=result.type.iati_code)
    _narrative(element, "title", result.statement, lang)
    indicator = ET.SubElement(element, "indicator", measure=PERCENTAGE if figures.unit == "percent" else UNIT,
                              ascending="1")
    _narrative(indicator, "title", result.statement, lang)
    if result.baseline is not None:
        measured = result.baseline_date or cohort.start
        ET.SubElement(indicator, "baseline", {
            "year": str(measured.year), "iso-date": measured.isoformat(), "value": value_text(result.baseline)})
    for span in periods:
        period = ET.SubElement(indicator, "period")
        ET.SubElement(period, "period-start", {"iso-date": span.start.isoformat()})
        ET.SubElement(period, "period-end", {"iso-date": span.end.isoformat()})
        _figures(period, "target", span.targets, by)
        _figures(period, "actual", span.actuals, by)


def _dates(parent: ET.Element, cohort: Cohort, status: CohortStatus) -> None:
    """Planned start and end; the actual start once started, the actual end once ended."""
    dates = [(PLANNED_START, cohort.start)]
    if status is not CohortStatus.NOT_STARTED:
        dates.append((ACTUAL_START, cohort.start))
    dates.append((PLANNED_END, cohort.end))
    if status is CohortStatus.ENDED:
        dates.append((ACTUAL_END, cohort.end))
    for kind, day in dates:
        ET.SubElement(parent, "activity-date", {"type": kind, "iso-date": day.isoformat()})


def activity(parent: ET.Element, iati: IatiSettings, item: Activity) -> ET.Element:
    """One cohort's `iati-activity`, in the order the 2.03 schema asks for."""
    cohort, cur, progress = item.cohort, item.curriculum, item.progress
    lang = cur.language
    by = progress.by.value if progress.by is not None else None
    element = ET.SubElement(parent, "iati-activity")
    ET.SubElement(element, "iati-identifier").text = cohort.iati_identifier
    _org(element, "reporting-org", iati.reporting_org_name, ref=iati.reporting_org, type=iati.reporting_org_type)
    _narrative(element, "title", cohort.title or cur.title, lang)
    _narrative(element, "description", cur.summary or cur.title, lang, type=GENERAL)
    _org(element, "participating-org", iati.reporting_org_name, role=IMPLEMENTING, ref=iati.reporting_org,
         type=iati.reporting_org_type)
    if cohort.funder:
        _org(element, "participating-org", cohort.funder, role=FUNDING)
    ET.SubElement(element, "activity-status", code=ACTIVITY_STATUS[progress.status])
    _dates(element, cohort, progress.status)
    for index, (result, figures) in enumerate(zip(cur.results, progress.results)):
        _result(element, cohort, result, figures, spans(progress, index), lang, by)
    return element


def activities(iati: IatiSettings, items: Iterable[Activity]) -> ET.Element:
    """The `iati-activities` document: one `iati-activity` per cohort, in the order given."""
    root = ET.Element("iati-activities", version=VERSION)
    for item in items:
        root.append(ET.Comment(f" {item.cohort.id}: figures as of {item.progress.as_of.isoformat()} "))
        activity(root, iati, item)
    return root


def to_bytes(root: ET.Element) -> bytes:
    """The document as UTF-8 bytes with an XML declaration, indented two spaces, ending in a newline."""
    copy = deepcopy(root)  # indenting changes the tree: the caller's stays as it was
    ET.indent(copy, space="  ")
    return ET.tostring(copy, encoding="UTF-8", xml_declaration=True) + b"\n"
