"""`mentoring export iati` (CLI.md "Exports and setting up"): the mapping from a cohort's figures to
IATI activity XML 2.03, worked by hand on small inline workspaces; the identity it needs; and every
export of the example workspace valid against the IATI schema and equal to the JSON report."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Optional

import pytest

import mentoring
from mentoring.export.iati import to_bytes, value_text

from conftest import make_workspace, require_shared

ROOT = Path(__file__).resolve().parents[1]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

SETTINGS = """
[iati]
reporting_org = "XM-DAC-1"
reporting_org_name = "Demo NGO"
reporting_org_type = "22"
"""

CURRICULUM = """
title = "Social media mentoring"
summary = "Cadres learn to run the page."
language = "id"

[[output_kinds]]
id = "post"
title = "Facebook post"

[[results]]
id = "posts"
statement = "Posts accepted"
measure = "outputs"
target = 10
type = "outcome"

[[results]]
id = "attendance"
statement = "Cadres attend the sessions"
measure = "attendance"
target = "80%"

[[results]]
id = "followers"
statement = "People follow the page"
measure = "reported"
target = 1000
baseline = 350
baseline_date = 2014-12-15
type = "impact"

[[results]]
id = "stories"
statement = "Stories told on the page"
measure = "reported"
target = 3
baseline = 0
type = "other"
"""

COHORT = """
curriculum = "c"
title = "Batch 1"
start = 2015-03-01
end = 2015-03-31
funder = "A foundation"
iati_identifier = "XM-DAC-1-K1"

[targets]
posts = 4

[[people]]
id = "p01"
name = "Aminah"
role = "participant"
group = "Union A"
sex = "female"

[[people]]
id = "p02"
name = "Dewi"
role = "participant"

[[people]]
id = "rina"
name = "Rina"
role = "mentor"
"""

LOG = """
[[session]]
date = 2015-03-02
mentor = "rina"
hours = 2
attended = ["p01", "p02"]

[[session]]
date = 2015-03-09
mentor = "rina"
hours = 2
attended = ["p01"]

[[output]]
date = 2015-03-05
participant = "p01"
kind = "post"
title = "One"
status = "accepted"

[[output]]
date = 2015-03-06
participant = "p02"
kind = "post"
title = "Two"
status = "accepted"

[[output]]
date = 2015-03-07
participant = "p01"
kind = "post"
title = "Three"

[[measurement]]
date = 2015-03-10
result = "followers"
value = 420
"""


@pytest.fixture
def files() -> dict[str, Optional[str]]:
    """A small workspace with its IATI identity: one cohort, four results, two sessions, three outputs."""
    return {"mentoring.toml": SETTINGS, "curricula/c.toml": CURRICULUM, "cohorts/k1/cohort.toml": COHORT,
            "cohorts/k1/logs/rina.toml": LOG}


def export(root: Path, as_of: str, by: Optional[str] = None, period: Optional[str] = None) -> ET.Element:
    """The workspace's IATI export, read back from its bytes as a funder's tool would."""
    ws = mentoring.open_workspace(root, search=False)
    return ET.fromstring(to_bytes(ws.export_iati(as_of=as_of, by=by, period=period)))


def periods(activity: ET.Element, result: int) -> list[dict]:
    """The periods of the result-th result: dates, and its targets and actuals as (value, dimension) pairs."""
    def figures(period: ET.Element, tag: str) -> list[tuple[str, Optional[tuple[str, str]]]]:
        out = []
        for element in period.findall(tag):
            dimension = element.find("dimension")
            out.append((element.get("value"), None if dimension is None else (dimension.get("name"), dimension.get("value"))))
        return out

    indicator = activity.findall("result")[result].find("indicator")
    return [{"start": p.find("period-start").get("iso-date"), "end": p.find("period-end").get("iso-date"),
             "target": figures(p, "target"), "actual": figures(p, "actual")} for p in indicator.findall("period")]


# --- the mapping, by hand -----------------------------------------------------------------------


@pytest.mark.parametrize("as_of, status, dates", [
    ("2015-02-28", "1", [("1", "2015-03-01"), ("3", "2015-03-31")]),
    ("2015-03-01", "2", [("1", "2015-03-01"), ("2", "2015-03-01"), ("3", "2015-03-31")]),
    ("2015-03-31", "2", [("1", "2015-03-01"), ("2", "2015-03-01"), ("3", "2015-03-31")]),
    ("2015-04-01", "3", [("1", "2015-03-01"), ("2", "2015-03-01"), ("3", "2015-03-31"), ("4", "2015-03-31")]),
])
def test_status_and_dates_at_the_boundaries(workspace, files, as_of, status, dates):
    """The day before the start is status 1 with planned dates only; the start and the end day are 2
    with the actual start; the day after the end is 3 with the actual end too."""
    activity = export(workspace(files), as_of).find("iati-activity")
    assert activity.find("activity-status").get("code") == status
    assert [(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")] == dates


def test_identity_title_description_and_organisations(workspace, files):
    """The identifier is the cohort's; the reporting org is mentoring.toml's, also participating in role
    4; the funder participates in role 1; title is the cohort's, description the curriculum's summary
    (a general description, type 1), both in the curriculum's language."""
    activity = export(workspace(files), "2015-03-31").find("iati-activity")
    assert activity.findtext("iati-identifier") == "XM-DAC-1-K1"
    org = activity.find("reporting-org")
    assert (org.get("ref"), org.get("type"), org.findtext("narrative")) == ("XM-DAC-1", "22", "Demo NGO")
    assert [(p.get("role"), p.get("ref"), p.findtext("narrative")) for p in activity.findall("participating-org")] == [
        ("4", "XM-DAC-1", "Demo NGO"), ("1", None, "A foundation")]
    for tag, text in (("title", "Batch 1"), ("description", "Cadres learn to run the page.")):
        narrative = activity.find(tag).find("narrative")
        assert (narrative.text, narrative.get(XML_LANG)) == (text, "id")
    assert activity.find("description").get("type") == "1"  # IATI's DescriptionType 1: general


def test_without_summary_title_language_or_funder(workspace, files):
    """With no cohort title and no summary, title and description are the curriculum's title; with no
    language, no xml:lang; with no funder, only the reporting organisation participates."""
    files["curricula/c.toml"] = CURRICULUM.replace('summary = "Cadres learn to run the page."\nlanguage = "id"\n', "")
    files["cohorts/k1/cohort.toml"] = COHORT.replace('title = "Batch 1"\n', "").replace('funder = "A foundation"\n', "")
    activity = export(workspace(files), "2015-03-31").find("iati-activity")
    for tag in ("title", "description"):
        narrative = activity.find(tag).find("narrative")
        assert (narrative.text, narrative.get(XML_LANG)) == ("Social media mentoring", None)
    assert [p.get("role") for p in activity.findall("participating-org")] == ["4"]


def test_result_types_measures_and_baselines(workspace, files):
    """type outcome, (default) output, impact, other are 2, 1, 3, 9; a percentage target is measure 2,
    a count 1; the baseline's year is baseline_date's (2014), else the cohort's start (2015)."""
    activity = export(workspace(files), "2015-03-31").find("iati-activity")
    results = activity.findall("result")
    assert [r.get("type") for r in results] == ["2", "1", "3", "9"]
    assert [(r.find("indicator").get("measure"), r.find("indicator").get("ascending")) for r in results] == [
        ("1", "1"), ("2", "1"), ("1", "1"), ("1", "1")]
    assert [r.findtext("title/narrative") for r in results] == [
        "Posts accepted", "Cadres attend the sessions", "People follow the page", "Stories told on the page"]
    baselines = [r.find("indicator/baseline") for r in results]
    assert baselines[:2] == [None, None]
    assert [(b.get("year"), b.get("iso-date"), b.get("value")) for b in baselines[2:]] == [
        ("2014", "2014-12-15", "350"), ("2015", "2015-03-01", "0")]


def test_the_cohorts_span_carries_the_target_in_force_and_the_actual(workspace, files):
    """One period, the cohort's start to end. posts: the cohort's target 4 (not the curriculum's 10),
    2 accepted (the third output is only submitted); attendance 80, (2 + 1) came of 2 x 2 expected =
    75; followers 1000, the measurement 420; stories: no measurement, so no actual."""
    activity = export(workspace(files), "2015-03-31").find("iati-activity")
    span = {"start": "2015-03-01", "end": "2015-03-31"}
    assert [periods(activity, n) for n in range(4)] == [
        [{**span, "target": [("4", None)], "actual": [("2", None)]}],
        [{**span, "target": [("80", None)], "actual": [("75", None)]}],
        [{**span, "target": [("1000", None)], "actual": [("420", None)]}],
        [{**span, "target": [("3", None)], "actual": []}],
    ]


def test_dimensions_for_recorded_values_only(workspace, files):
    """--by group: "Union A" (p01) gets its own figures, p02 (no group) no dimension. posts: 1 of
    p01's outputs accepted, and no group target for a count; attendance: p01 came 2 of 2 = 100
    against the rate's target 80; followers: a measurement is the whole cohort's, no group actual."""
    activity = export(workspace(files), "2015-03-31", by="group").find("iati-activity")
    group = ("group", "Union A")
    assert [(p["target"], p["actual"]) for n in range(3) for p in periods(activity, n)] == [
        ([("4", None)], [("2", None), ("1", group)]),
        ([("80", None), ("80", group)], [("75", None), ("100", group)]),
        ([("1000", None)], [("420", None)]),
    ]


def test_quarters_carry_the_expected_value_and_the_actual_at_their_end(workspace, files):
    """--period quarter, the cohort running 2015-03-01 to 04-30, as of 04-15: Q1 (03-01 to 03-31) and
    Q2 cut at the as-of date (04-01 to 04-15). A count's target is target x elapsed: posts 4 x 30/60
    = 2, 4 x 45/60 = 3; followers 1000 x 0.5 = 500, x 0.75 = 750; stories 3 x 0.5 = 1.5, x 0.75 =
    2.25. A rate's is its target, 80. Actuals are cumulative: posts 2, then 3 with April's; attendance
    3 of 4 = 75 (no session in April); followers 420; stories none."""
    files["cohorts/k1/cohort.toml"] = COHORT.replace("end = 2015-03-31", "end = 2015-04-30")
    files["cohorts/k1/logs/p02.toml"] = """
    [[output]]
    date = 2015-04-02
    participant = "p02"
    kind = "post"
    title = "Four"
    status = "accepted"
    """
    activity = export(workspace(files), "2015-04-15", period="quarter").find("iati-activity")
    q1, q2 = {"start": "2015-03-01", "end": "2015-03-31"}, {"start": "2015-04-01", "end": "2015-04-15"}
    whole = lambda value: [(value, None)] if value is not None else []  # noqa: E731
    expected = {0: (("2", "2"), ("3", "3")), 1: (("80", "75"), ("80", "75")), 2: (("500", "420"), ("750", "420")),
                3: (("1.5", None), ("2.25", None))}
    for n, ((t1, a1), (t2, a2)) in expected.items():
        assert periods(activity, n) == [{**q1, "target": whole(t1), "actual": whole(a1)},
                                        {**q2, "target": whole(t2), "actual": whole(a2)}], n


def test_quarters_by_sex(workspace, files):
    """--period quarter --by sex, as above: p01, female, has 1 post accepted in both quarters (her
    second is only submitted) and came to 2 of 2 sessions, 100, against the rate's 80; p02, sex not
    recorded, has no dimension; a count has no target per group, a measurement no actual per group."""
    files["cohorts/k1/cohort.toml"] = COHORT.replace("end = 2015-03-31", "end = 2015-04-30")
    activity = export(workspace(files), "2015-04-15", by="sex", period="quarter").find("iati-activity")
    female = ("sex", "female")
    assert [(p["target"], p["actual"]) for n in range(3) for p in periods(activity, n)] == [
        ([("2", None)], [("2", None), ("1", female)]),
        ([("3", None)], [("2", None), ("1", female)]),
        ([("80", None), ("80", female)], [("75", None), ("100", female)]),
        ([("80", None), ("80", female)], [("75", None), ("100", female)]),
        ([("500", None)], [("420", None)]),
        ([("750", None)], [("420", None)]),
    ]


def test_no_periods_before_the_start(workspace, files):
    """As of the day before the start there is no quarter yet: indicators without a period (still valid IATI)."""
    activity = export(workspace(files), "2015-02-28", period="year").find("iati-activity")
    assert [periods(activity, n) for n in range(4)] == [[], [], [], []]


def test_month_is_not_an_iati_period(workspace, files):
    """IATI results are given by quarter or year: --period month is a usage error naming those two."""
    ws = mentoring.open_workspace(workspace(files), search=False)
    with pytest.raises(mentoring.UsageError, match="period: expected one of quarter, year, got 'month'"):
        ws.export_iati(as_of="2015-03-31", period="month")


def test_values_are_plain_decimals():
    """@value is a decimal with at most two places and no exponent: 2/3 of 100 is 66.67, 7.0 is 7,
    1e-7 is 0, 1e16 is written out in full."""
    assert [value_text(v) for v in (200 / 3, 7.0, 0.5, 1e-7, 1e16)] == ["66.67", "7", "0.5", "0", "10000000000000000"]


def test_a_value_that_rounds_to_zero_from_below_is_zero():
    """A negative figure under half a hundredth (-0.004, and -0.0) rounds to "-0.00", written as "0", never "-0";
    -0.5 stays "-0.5"."""
    assert [value_text(v) for v in (-0.004, -0.0, -0.5)] == ["0", "0", "-0.5"]


def test_the_document_is_built_not_concatenated(workspace, files):
    """Text with markup characters is escaped by the XML library: a title with < and & reads back as written."""
    files["cohorts/k1/cohort.toml"] = COHORT.replace('title = "Batch 1"', 'title = "Batch <1> & \\"2\\""')
    activity = export(workspace(files), "2015-03-31").find("iati-activity")
    assert activity.findtext("title/narrative") == 'Batch <1> & "2"'


# --- the identity -------------------------------------------------------------------------------


def test_missing_iati_table_is_an_error_naming_the_file(workspace, files, run):
    """Without [iati] in mentoring.toml: the key and the file to add it to, on stderr, exit 1, nothing on stdout."""
    files["mentoring.toml"] = None
    result = run("--workspace", str(workspace(files)), "export", "iati", "--as-of", "2015-03-31")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        "mentoring.toml:1: error: [iati] is missing: add it to mentoring.toml in the workspace folder, with "
        "reporting_org, reporting_org_name and reporting_org_type, to export to IATI",
        "1 error: nothing exported",
    ]


def test_missing_identifier_is_an_error_and_output_is_left_alone(workspace, files, run):
    """A cohort without iati_identifier: the key, its file and an identifier made from mentoring.toml's;
    exit 1, and a file named by --output keeps what it held."""
    files["cohorts/k1/cohort.toml"] = COHORT.replace('iati_identifier = "XM-DAC-1-K1"\n', "")
    root = workspace(files)
    (root / "out.xml").write_text("earlier\n", encoding="utf-8")
    result = run("--workspace", str(root), "export", "iati", "k1", "--as-of", "2015-03-31", "--output", str(root / "out.xml"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        'cohorts/k1/cohort.toml:1: error: iati_identifier is missing: add it to cohorts/k1/cohort.toml to export '
        'the cohort to IATI, such as iati_identifier = "XM-DAC-1-k1" (the reporting organisation\'s identifier, '
        "a hyphen, the activity's own code)",
        "1 error: nothing exported",
    ]
    assert (root / "out.xml").read_text(encoding="utf-8") == "earlier\n"


def test_two_cohorts_cannot_share_an_identifier(workspace, files):
    """The second cohort (in id order) with the first's identifier is an error at its line."""
    files["cohorts/k2/cohort.toml"] = COHORT
    with pytest.raises(mentoring.DataError) as raised:
        mentoring.open_workspace(workspace(files), search=False).export_iati(as_of="2015-03-31")
    assert [mentoring.format_problem(p) for p in raised.value.problems] == [
        'cohorts/k2/cohort.toml:6: error: iati_identifier "XM-DAC-1-K1" is also cohort "k1"\'s: '
        "each IATI activity needs its own"]


def test_output_file_holds_what_is_printed(workspace, files, run):
    """--output writes the same bytes the command prints, and says what it wrote."""
    root = workspace(files)
    printed = run("--workspace", str(root), "export", "iati", "--as-of", "2015-03-31")
    written = run("--workspace", str(root), "export", "iati", "--as-of", "2015-03-31", "-o", str(root / "out.xml"))
    assert (printed.exit_code, written.exit_code) == (0, 0)
    assert (root / "out.xml").read_text(encoding="utf-8") == printed.stdout
    assert written.stdout == f"wrote {root / 'out.xml'}: 1 IATI activity as of 2015-03-31\n"


# --- every export of the example workspace --------------------------------------------------------


@pytest.fixture(scope="module")
def iati_schema():
    """The IATI activity schema 2.03 from the shared folder's schemas/iati-2.03 (conftest.require_shared; read once: it takes a second)."""
    xmlschema = pytest.importorskip("xmlschema", reason="xmlschema is in the test extra: pip install -e '.[test]'")
    return xmlschema.XMLSchema(str(require_shared("schemas", "iati-2.03", "iati-activities-schema.xsd")))


def example_dates() -> list[tuple[str, str]]:
    """Each example cohort on the day before it starts, the middle day of its run and the day after it ends."""
    ws = mentoring.open_workspace(ROOT, search=False)
    out = []
    for id_, cohort in sorted(ws.cohorts.items()):
        middle = cohort.start + (cohort.end - cohort.start) / 2
        for day in (cohort.start - dt.timedelta(days=1), middle, cohort.end + dt.timedelta(days=1)):
            out.append((id_, day.isoformat()))
    return out


#: One cohort (the HAPSARI mentoring, with groups, organisations and sexes) at its three dates stands
#: for all in a mutation run; the other cohorts are `slow` (tools/mutation.sh leaves them out, CI runs them).
STANDS_FOR_ALL = "hapsari-sosmed-2015"
EXAMPLES = [pytest.param(cohort, day, marks=() if cohort == STANDS_FOR_ALL else pytest.mark.slow)
            for cohort, day in example_dates()]
BY = [None, "group", "organisation", "sex"]
PERIODS = [None, "quarter", "year"]


def extra_rules(root: ET.Element) -> list[str]:
    """The IATI rules the schema leaves out (shared/schemas/iati-2.03/README.md): period-start not after
    period-end; a measure 1-4 indicator gives @value on each target and actual."""
    broken = []
    for indicator in root.iter("indicator"):
        for period in indicator.findall("period"):
            start, end = period.find("period-start").get("iso-date"), period.find("period-end").get("iso-date")
            if start > end:
                broken.append(f"period {start} to {end} ends before it starts")
            if indicator.get("measure") in ("1", "2", "3", "4"):
                broken += [f"{e.tag} without @value" for e in period if e.tag in ("target", "actual") and e.get("value") is None]
    return broken


@pytest.fixture(scope="module")
def examples():
    """The example workspace, opened once for every export of it."""
    return mentoring.open_workspace(ROOT, search=False)


@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("by", BY)
@pytest.mark.parametrize("cohort, as_of", EXAMPLES)
def test_example_exports_are_valid_iati(iati_schema, examples, cohort, as_of, by, period):
    """Each example cohort's export, before, during and after its run, over its span, by quarter and
    by year, whole and by group, organisation or sex, validates against the IATI 2.03 schema and
    keeps the rules the schema cannot state."""
    data = to_bytes(examples.export_iati([cohort], as_of, by, period))
    iati_schema.validate(data.decode("utf-8"))
    assert extra_rules(ET.fromstring(data)) == []


def test_whole_example_workspace_is_one_valid_document(iati_schema, run, monkeypatch):
    """`mentoring export iati` with no cohort named exports every cohort as one valid document, in id
    order, each under its own identifier."""
    monkeypatch.setenv("MENTORING_WORKSPACE", str(ROOT))
    result = run("export", "iati", "--as-of", "2017-12-31")
    assert result.exit_code == 0, result.stderr
    iati_schema.validate(result.stdout)
    cohorts = mentoring.open_workspace(ROOT, search=False).cohorts
    assert [a.findtext("iati-identifier") for a in ET.fromstring(result.stdout).findall("iati-activity")] == [
        cohorts[id_].iati_identifier for id_ in sorted(cohorts)]


def test_extra_rules_catch_what_they_name():
    """The extra-rule check finds a period ending before it starts and a count target without @value."""
    broken = ET.fromstring(
        '<iati-activities><indicator measure="1"><period><period-start iso-date="2015-03-02"/>'
        '<period-end iso-date="2015-03-01"/><target/></period></indicator></iati-activities>')
    assert extra_rules(broken) == ["period 2015-03-02 to 2015-03-01 ends before it starts", "target without @value"]


@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("by", BY)
@pytest.mark.parametrize("cohort, as_of", EXAMPLES)
def test_example_figures_match_the_json_report(run, monkeypatch, cohort, as_of, by, period):
    """Each period's targets and actuals in the XML, for the cohort and for each recorded group, are
    those of `mentoring report --format json` for the same cohort, date, break-down and periods (to
    the two places IATI is given): over the span the target in force and the actual, per period the
    expected value and the actual at its end; an empty value is no element."""
    monkeypatch.setenv("MENTORING_WORKSPACE", str(ROOT))
    extra = [*(["--by", by] if by else []), *(["--period", period] if period else [])]
    xml = run("export", "iati", cohort, "--as-of", as_of, *extra)
    report = run("report", cohort, "--as-of", as_of, "--format", "json", *extra)
    assert (xml.exit_code, report.exit_code) == (0, 0), xml.stderr + report.stderr
    figures = json.loads(report.stdout)
    activity = ET.fromstring(xml.stdout).find("iati-activity")
    scopes = [(None, figures["results"])] + [((by, g["group"]), g["results"]) for g in figures.get("groups", []) if g["group"]]

    def wanted_spans(results: list[dict], n: int) -> list[tuple[str, str, Optional[float], Optional[float]]]:
        result = results[n]
        if period is None:
            return [(figures_start, figures_end, result["target"], result["actual"])]
        return [(p["start"], p["end"], p["expected"], p["actual"]) for p in result["periods"]]

    cohort_toml = mentoring.open_workspace(ROOT, search=False).cohorts[cohort]
    figures_start, figures_end = cohort_toml.start.isoformat(), cohort_toml.end.isoformat()
    for n, result in enumerate(activity.findall("result")):
        shown = periods(activity, n)
        whole = wanted_spans(figures["results"], n)
        assert [(p["start"], p["end"]) for p in shown] == [(start, end) for start, end, _, _ in whole]
        for index, span in enumerate(shown):
            for tag, column in (("target", 2), ("actual", 3)):
                got = {dimension: float(value) for value, dimension in span[tag]}
                want = {scope: wanted_spans(results, n)[index][column] for scope, results in scopes}
                want = {scope: value for scope, value in want.items() if value is not None}
                assert got.keys() == want.keys(), (result.findtext("title/narrative"), span["start"], tag)
                for scope, value in want.items():
                    assert got[scope] == pytest.approx(value, abs=0.005), (result.findtext("title/narrative"), tag, scope)


def test_interop_doc_shows_what_the_export_prints(tmp_path):
    """The ```xml block of docs/interop.md is what the first command of the console block above it
    prints, each `...` line standing for lines left out."""
    from test_docs import blocks, commands, copy_example_workspace, run as run_doc

    found = blocks(ROOT / "docs" / "interop.md")
    at = next(n for n, block in enumerate(found) if block.lang == "xml")
    command = commands([b for b in found[:at] if b.lang == "console"][-1])[0]
    result = run_doc(command.args, copy_example_workspace(tmp_path))
    assert result.exit_code == 0, result.output
    printed = result.stdout.splitlines()
    chunks, chunk = [], []
    for line in found[at].text:
        if line.strip() == "...":
            chunks.append(chunk)
            chunk = []
        else:
            chunk.append(line)
    chunks.append(chunk)
    assert printed[:len(chunks[0])] == chunks[0] and printed[len(printed) - len(chunks[-1]):] == chunks[-1]
    place = 0
    for chunk in chunks:
        starts = [n for n in range(place, len(printed) - len(chunk) + 1) if printed[n:n + len(chunk)] == chunk]
        assert starts, f"docs/interop.md: not printed, or not in this order:\n" + "\n".join(chunk)
        place = starts[0] + len(chunk)
