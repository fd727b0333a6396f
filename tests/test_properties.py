"""Properties, with hypothesis: random valid workspaces, one-point corruptions of them, progress invariants.

A workspace is drawn as TOML data (dicts of TOML values, ids referring to things that exist, dates
within the cohort), written with tomli-w, and loaded like any other. The properties:

- a valid workspace loads and checks with no error, and its model survives the way back to TOML:
  converter.unstructure, written again as files, loaded again, gives the same model;
- one corruption of one point of it (a value of another type, a required key deleted, a key no one
  knows, a reference to an id that is not there) gives at least one error in that file, at a line of
  it; a cut or an inserted byte anywhere gives problems only at lines of their files, and an error
  whenever the file is no longer TOML; none of them ever raises;
- progress figures: percentages between 0 and 100, gaps never negative, no more completions than
  participants, and a new session or accepted output never lowers a count.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any, Optional

import attrs
import pytest
import tomli
import tomli_w
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mentoring import model
import mentoring
from mentoring.loader import converter
from mentoring.progress import progress

CUR = "curricula/cur.toml"
COH = "cohorts/k/cohort.toml"
LOGS = "cohorts/k/logs"

#: Seconds each (hypothesis searches): run by .ci/run, left out of tools/mutation.sh with the other slow tests.
pytestmark = pytest.mark.slow

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SLUG = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,7}", fullmatch=True)
#: Free text: any letters, accents and scripts, punctuation, emoji; no control characters (so that
#: "\x01" below can never be a level name or an id).
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12)
STATUSES = [s.value for s in model.Status]
PERCENT = st.one_of(st.integers(0, 100).map(lambda n: f"{n}%"), st.integers(0, 1000).map(lambda n: f"{n / 10}%"))
COUNT = st.one_of(st.integers(0, 50), st.floats(0, 50, allow_nan=False).map(lambda x: round(x, 2)))


def _maybe(draw: Any, data: dict, key: str, strategy: st.SearchStrategy) -> None:
    """Set data[key] to a drawn value, or leave the key out."""
    if draw(st.booleans()):
        data[key] = draw(strategy)


def _subset(draw: Any, ids: list[str]) -> list[str]:
    return draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else []


@st.composite
def curricula(draw: Any) -> dict:
    """A valid curriculum: every kind of thing, references to things that exist, a result of every measure."""
    ids = draw(st.lists(SLUG, min_size=12, max_size=12, unique=True))
    objective_ids, competency_ids, module_ids = ids[0:2], ids[2:4], ids[4:6]
    kind_ids, assignment_ids = ids[6:8], ids[8:10]
    data: dict[str, Any] = {"title": draw(TEXT)}
    _maybe(draw, data, "summary", TEXT)
    _maybe(draw, data, "language", st.sampled_from(["id", "en"]))
    objectives = [{"id": i, "text": draw(TEXT)} for i in objective_ids[: draw(st.integers(0, 2))]]
    data["objectives"] = objectives
    scales: dict[str, list[str]] = {}
    competencies = []
    for cid in competency_ids[: draw(st.integers(0, 2))]:
        competency = {"id": cid, "title": draw(TEXT)}
        if draw(st.booleans()):
            competency["levels"] = draw(st.lists(TEXT, min_size=2, max_size=4, unique=True))
        scales[cid] = competency.get("levels", list(model.DEFAULT_LEVELS))
        competencies.append(competency)
    data["competencies"] = competencies
    modules = []
    for mid in module_ids[: draw(st.integers(0, 2))]:
        module = {"id": mid, "title": draw(TEXT)}
        _maybe(draw, module, "hours", COUNT)
        _maybe(draw, module, "objectives", st.just(_subset(draw, [o["id"] for o in objectives])))
        _maybe(draw, module, "summary", TEXT)
        modules.append(module)
    data["modules"] = modules
    module_ids = [m["id"] for m in modules]
    kinds = [{"id": k, "title": draw(TEXT)} for k in kind_ids[: draw(st.integers(1, 2))]]
    for kind in kinds:
        _maybe(draw, kind, "medium", TEXT)
    data["output_kinds"] = kinds
    kind_ids = [k["id"] for k in kinds]
    assignments = []
    for aid in assignment_ids[: draw(st.integers(0, 2))]:
        assignment = {"id": aid, "title": draw(TEXT)}
        if module_ids:
            _maybe(draw, assignment, "module", st.sampled_from(module_ids))
        _maybe(draw, assignment, "output", st.sampled_from(kind_ids))
        _maybe(draw, assignment, "due_day", st.integers(0, 60))
        _maybe(draw, assignment, "required", st.booleans())
        _maybe(draw, assignment, "min_status", st.sampled_from(STATUSES))
        assignments.append(assignment)
    data["assignments"] = assignments

    def rule() -> dict:
        completion: dict[str, Any] = {}
        if draw(st.booleans()):
            completion["assignments"] = draw(st.one_of(st.just("required"), st.just(_subset(draw, [a["id"] for a in assignments]))))
        _maybe(draw, completion, "attendance", PERCENT)
        if scales and draw(st.booleans()):
            completion["competencies"] = {
                cid: draw(st.one_of(st.integers(0, len(scale) - 1), st.sampled_from(scale)))
                for cid, scale in scales.items() if draw(st.booleans())
            }
        return completion

    if draw(st.booleans()):
        data["completion"] = rule()
    results = []
    for measure in model.Measure:
        if not draw(st.booleans()):
            continue
        result: dict[str, Any] = {"id": f"r-{measure.value}", "statement": draw(TEXT), "measure": measure.value}
        if measure.is_rate:
            result["target"] = draw(PERCENT)
        elif measure is model.Measure.PARTICIPANTS:
            result["target"] = draw(st.one_of(PERCENT, st.integers(0, 10)))
        else:
            result["target"] = draw(COUNT)
        _maybe(draw, result, "baseline", COUNT)
        _maybe(draw, result, "baseline_date", st.dates(dt.date(2013, 1, 1), dt.date(2016, 12, 31)))
        _maybe(draw, result, "type", st.sampled_from([t.value for t in model.ResultType]))
        if measure is model.Measure.REPORTED:
            _maybe(draw, result, "rollup", st.sampled_from([r.value for r in model.Rollup]))
        _maybe(draw, result, "due_day", st.integers(0, 90))
        if measure is model.Measure.PARTICIPANTS and draw(st.booleans()):
            result["criteria"] = rule()
        if measure in (model.Measure.OUTPUTS, model.Measure.CADENCE):
            _maybe(draw, result, "kinds", st.just(_subset(draw, kind_ids)))
            _maybe(draw, result, "min_status", st.sampled_from(STATUSES))
        if measure is model.Measure.OUTPUTS and assignments:
            _maybe(draw, result, "assignment", st.sampled_from([a["id"] for a in assignments]))
        if measure in (model.Measure.SESSIONS, model.Measure.HOURS, model.Measure.ATTENDANCE):
            _maybe(draw, result, "modules", st.just(_subset(draw, module_ids)))
        if measure is model.Measure.CADENCE:
            result["every_days"] = draw(st.integers(1, 14))
            _maybe(draw, result, "from_day", st.integers(0, 10))
            _maybe(draw, result, "per_period", st.integers(1, 3))
        results.append(result)
    data["results"] = results
    return data


def _day(draw: Any, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=draw(st.integers(0, (end - start).days)))


@st.composite
def workspaces(draw: Any) -> dict[str, dict]:
    """A valid workspace as TOML data by file: the curriculum, the cohort and one to three logs."""
    cur = draw(curricula())
    start = dt.date(2015, 1, 1) + dt.timedelta(days=draw(st.integers(0, 365)))
    end = start + dt.timedelta(days=draw(st.integers(0, 60)))
    cohort: dict[str, Any] = {"curriculum": "cur", "start": start, "end": end}
    _maybe(draw, cohort, "title", TEXT)
    _maybe(draw, cohort, "location", TEXT)
    results = {r["id"]: r for r in cur["results"]}
    if results and draw(st.booleans()):
        targets = {}
        for rid, result in results.items():
            if draw(st.booleans()):
                targets[rid] = result["target"] if isinstance(result["target"], str) else draw(COUNT)
        cohort["targets"] = targets
    roles = ["participant"] * draw(st.integers(1, 5)) + ["mentor"] * draw(st.integers(1, 2)) + draw(
        st.lists(st.sampled_from(["facilitator", "implementer", "coordinator", "observer"]), max_size=2))
    ids = draw(st.lists(SLUG, min_size=len(roles), max_size=len(roles), unique=True))
    people = []
    for pid, role in zip(ids, roles):
        person: dict[str, Any] = {"id": pid, "name": draw(TEXT), "role": role}
        _maybe(draw, person, "organisation", TEXT)
        _maybe(draw, person, "group", st.sampled_from(["A", "B", "sudah di media sosial"]))
        _maybe(draw, person, "sex", st.sampled_from([s.value for s in model.Sex]))
        _maybe(draw, person, "contact", TEXT)
        if draw(st.booleans()):
            person["joined"] = _day(draw, start, end)
        if draw(st.booleans()):
            person["left"] = (person.get("joined", start) + dt.timedelta(days=draw(st.integers(1, 30))))
        people.append(person)
    cohort["people"] = people
    participants = [p["id"] for p in people if p["role"] == "participant"]
    mentors = [p["id"] for p in people if p["role"] in ("mentor", "facilitator")]
    assessors = [p["id"] for p in people if p["role"] in ("mentor", "facilitator", "implementer", "coordinator")]
    modules = [m["id"] for m in cur["modules"]]
    kinds = [k["id"] for k in cur["output_kinds"]]
    assignments = {a["id"]: a for a in cur["assignments"]}
    scales = {c["id"]: c.get("levels", list(model.DEFAULT_LEVELS)) for c in cur["competencies"]}
    reported = [r["id"] for r in cur["results"] if r["measure"] == "reported"]
    shared: dict[str, tuple] = {}  # output id -> (participant, kind, assignment): records of one output agree
    files: dict[str, dict] = {CUR: cur, COH: cohort}
    for name in draw(st.lists(SLUG, min_size=1, max_size=3, unique=True)):
        log: dict[str, list] = {}
        for _ in range(draw(st.integers(0, 6))):
            kind = draw(st.sampled_from(list(model.RECORD_KINDS)))
            record: dict[str, Any] = {"date": _day(draw, start, end)}
            if kind == "session":
                record.update(mentor=draw(st.sampled_from(mentors)), hours=draw(st.one_of(st.integers(1, 8), st.sampled_from([0.5, 1.5, 2.25]))),
                              attended=_subset(draw, participants))
                _maybe(draw, record, "expected", st.just(_subset(draw, participants)))
                _maybe(draw, record, "modules", st.just(_subset(draw, modules)))
                _maybe(draw, record, "notes", TEXT)
                _maybe(draw, record, "follow_up", st.lists(TEXT, max_size=2))
            elif kind == "output":
                oid = draw(st.one_of(st.none(), st.sampled_from(["o1", "o2", "o3"])))
                if oid in shared:
                    participant, okind, assignment = shared[oid]
                else:
                    participant = draw(st.sampled_from(participants))
                    assignment = draw(st.one_of(st.none(), st.sampled_from(sorted(assignments)))) if assignments else None
                    okind = assignments[assignment].get("output") if assignment else None
                    okind = okind or draw(st.sampled_from(kinds))
                    if oid is not None:
                        shared[oid] = (participant, okind, assignment)
                record.update(participant=participant, kind=okind, title=draw(TEXT))
                for key, value in (("id", oid), ("assignment", assignment)):
                    if value is not None:
                        record[key] = value
                _maybe(draw, record, "status", st.sampled_from(STATUSES))
                _maybe(draw, record, "url", st.just("https://example.org/x"))
                _maybe(draw, record, "reviewed_by", st.sampled_from(ids))
            elif kind == "assessment" and scales:
                competency = draw(st.sampled_from(sorted(scales)))
                scale = scales[competency]
                record.update(participant=draw(st.sampled_from(participants)), competency=competency,
                              level=draw(st.one_of(st.integers(0, len(scale) - 1), st.sampled_from(scale))),
                              by=draw(st.sampled_from(["self", *assessors])))
                _maybe(draw, record, "notes", TEXT)
            elif kind == "measurement" and reported:
                record.update(result=draw(st.sampled_from(reported)), value=draw(COUNT))
                _maybe(draw, record, "source", TEXT)
            elif kind == "action":  # every record gives text, so whichever is earliest opens its action well
                record.update(id=draw(st.sampled_from(["x1", "x2"])), text=draw(TEXT.filter(str.strip)))  # a blank text opens nothing
                _maybe(draw, record, "owner", st.sampled_from(ids))
                _maybe(draw, record, "due", st.just(record["date"] + dt.timedelta(days=draw(st.integers(0, 30)))))
                _maybe(draw, record, "results", st.just(_subset(draw, sorted(results))))
                _maybe(draw, record, "cause", TEXT)
                _maybe(draw, record, "status", st.sampled_from([s.value for s in model.ActionStatus]))
                _maybe(draw, record, "notes", TEXT)
            else:
                continue
            log.setdefault(kind, []).append(record)
        files[f"{LOGS}/{name}.toml"] = log
    return files


def write(root: Path, files: dict[str, Any]) -> Path:
    """Files (TOML data, or text, or bytes) under root."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content if isinstance(content, str) else tomli_w.dumps(content), encoding="utf-8", newline="")
    return root


def problems_of(files: dict[str, Any]) -> tuple[mentoring.Workspace, tuple]:
    """Load and check the files as a workspace; every problem, located."""
    with tempfile.TemporaryDirectory() as folder:
        ws = mentoring.open_workspace(write(Path(folder), files), search=False)
        return ws, ws.problems


# --- (a) valid workspaces load, and round-trip ------------------------------------------------------


def _drop_none(value: Any) -> Any:
    """Unstructured data as TOML can hold it: no None (an absent key)."""
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def as_files(ws: model.Workspace) -> dict[str, Any]:
    """The model back to files: unstructured, without what the loader takes from paths (ids, logs)."""
    files: dict[str, Any] = {}
    for cid, cur in ws.curricula.items():
        data = _drop_none(converter.unstructure(cur))
        del data["id"]
        files[f"curricula/{cid}.toml"] = data
    for cid, cohort in ws.cohorts.items():
        data = _drop_none(converter.unstructure(cohort))
        del data["id"], data["logs"]
        files[f"cohorts/{cid}/cohort.toml"] = data
        for log in cohort.logs:
            records = _drop_none(converter.unstructure(log))
            files[log.path] = {kind: records[table] for kind, table in model.RECORD_TABLES.items() if records[table]}
    return files


@SETTINGS
@given(workspaces())
def test_valid_workspace_loads_without_error_and_round_trips(files):
    """No error (warnings, such as a participant expected after leaving, may be); structure(unstructure(m)) == m
    for the curriculum and the cohort with its logs; and the model written back as files loads as the same model."""
    ws, found = problems_of(files)
    assert [p for p in found if p.is_error] == []
    cur, cohort = ws.curricula["cur"], ws.cohorts["k"]
    assert converter.structure(converter.unstructure(cur), model.Curriculum) == cur
    assert converter.structure(converter.unstructure(cohort), model.Cohort) == cohort
    again, refound = problems_of(as_files(ws))
    assert again.data == ws.data
    assert sorted((p.path, p.severity.value, p.message) for p in refound) == sorted((p.path, p.severity.value, p.message) for p in found)


# --- (b) one corruption always gives a located problem, never an exception ----------------------------

REQUIRED = {
    "cur": {(): ["title"], ("objectives",): ["id", "text"], ("competencies",): ["id", "title"], ("modules",): ["id", "title"],
            ("output_kinds",): ["id", "title"], ("assignments",): ["id", "title"], ("results",): ["id", "statement", "measure", "target"]},
    "coh": {(): ["curriculum", "start", "end"], ("people",): ["id", "name", "role"]},
    "log": {("session",): ["date", "mentor", "hours", "attended"], ("output",): ["date", "participant", "kind", "title"],
            ("assessment",): ["date", "participant", "competency", "level", "by"], ("measurement",): ["date", "result", "value"],
            ("action",): ["id", "date"]},
}
#: Keys whose value names something else by its id, by file kind (a list's items too).
REFERENCES = {
    "cur": {"objectives", "module", "output", "kinds", "assignment", "modules", "assignments"},
    "coh": {"curriculum"},
    "log": {"mentor", "attended", "expected", "modules", "participant", "kind", "assignment", "reviewed_by", "competency", "by", "result",
            "owner", "results"},
}


def _file_kind(rel: str) -> str:
    return "cur" if rel == CUR else "coh" if rel == COH else "log"


def _points(data: Any, path: tuple = ()) -> list[tuple]:
    """Every value in TOML data, by its path of keys and indices (tables and lists, and what they hold)."""
    out = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        out.append((*path, key))
        out.extend(_points(value, (*path, key)))
    return out


def _get(data: Any, path: tuple) -> Any:
    for key in path:
        data = data[key]
    return data


def _other_type(value: Any) -> Any:
    """A value of a type that no key accepts where `value` is: a table for text, "\\x01" for a number, a
    truth value or a date, 7 for a list or a table (no level name, id or percentage is "\\x01")."""
    if isinstance(value, str):
        return {}
    if isinstance(value, (list, dict)):
        return 7
    return "\x01"


def _candidates(rel: str, data: dict, how: str) -> list[tuple]:
    """The points of one file that a corruption of that kind can change."""
    kind = _file_kind(rel)
    if how == "type":
        points = [p for p in _points(data) if not (kind == "log" and len(p) == 1)]
        return points + ([(k,) for k in data] if kind == "log" else [])  # a whole [[session]] array, too
    if how == "delete":
        out = []
        for table, keys in REQUIRED[kind].items():
            holders = [()] if not table else [(*table, i) for i in range(len(data.get(table[0], [])))]
            out += [(*holder, key) for holder in holders for key in keys if key in _get(data, holder)]
        return out
    if how == "unknown":
        return [()] + [p for p in _points(data) if isinstance(_get(data, p), dict)]
    points = [p for p in _points(data) if any(isinstance(k, str) and k in REFERENCES[kind] for k in p[-2:])
              and isinstance(_get(data, p), str) and not (p[-1] == "assignments" and _get(data, p) == "required")]
    return [p for p in points if p == ("curriculum",)] if kind == "coh" else points


def _corrupt(draw: Any, files: dict[str, dict], how: str) -> Optional[str]:
    """One corruption of one point of one file, in place; the file's name (None when there is no such point)."""
    choices = [(rel, point) for rel in sorted(files) for point in _candidates(rel, files[rel], how)]
    if not choices:
        return None
    rel, point = draw(st.sampled_from(choices))
    data = files[rel]
    if how == "unknown":
        _get(data, point)["zz_unknown"] = 1
        return rel
    parent = _get(data, point[:-1])
    if how == "type":
        parent[point[-1]] = _other_type(parent[point[-1]])
    elif how == "delete":
        del parent[point[-1]]
    else:
        parent[point[-1]] = parent[point[-1]] + "X"  # a near miss, and never an id: ids have no capitals
    return rel


WAYS = ["type", "delete", "unknown", "reference", "truncate", "insert"]


def corrupt(data: st.DataObject, files: dict[str, dict], how: str) -> Optional[str]:
    """Corrupt one point of the workspace's files in one way, in place; the file changed (None if none could be)."""
    if how in ("truncate", "insert"):
        rel = data.draw(st.sampled_from(sorted(files)))
        raw = tomli_w.dumps(files[rel]).encode()
        at = data.draw(st.integers(0, len(raw)))
        files[rel] = raw[:at] if how == "truncate" else raw[:at] + bytes([data.draw(st.integers(0, 255))]) + raw[at:]
        return rel
    return _corrupt(data.draw, files, how)


@pytest.mark.parametrize("how", WAYS)
@settings(SETTINGS, max_examples=25)
@given(files=workspaces(), data=st.data())
def test_one_corruption_gives_a_located_problem_never_an_exception(how, files, data):
    """Each problem names a file of the workspace and a line of it; a changed value, a deleted required key,
    an unknown key or a reference to nothing is an error in the file changed, as is a file no longer TOML."""
    rel = corrupt(data, files, how)
    event("corrupted" if rel else "nothing to corrupt")
    _, found = problems_of(files)
    lines = {r: (c if isinstance(c, bytes) else tomli_w.dumps(c).encode()).count(b"\n") + 1 for r, c in files.items()}
    for problem in found:
        assert problem.path in lines and 1 <= problem.line <= lines[problem.path], problem
    errors_here = [p for p in found if p.is_error and p.path == rel]
    if how in ("truncate", "insert"):
        try:
            tomli.loads(files[rel].decode("utf-8"))
        except (UnicodeDecodeError, tomli.TOMLDecodeError):
            assert errors_here, found
    elif rel is not None:
        assert errors_here, found


# --- (c) progress invariants ----------------------------------------------------------------------------


@st.composite
def sound_cohorts(draw: Any) -> tuple[model.Cohort, model.Curriculum, dt.date]:
    """A valid cohort, its curriculum and an as-of date from before its start to after its end."""
    files = draw(workspaces())
    ws, found = problems_of(files)
    assert not [p for p in found if p.is_error]
    cohort = ws.cohorts["k"]
    as_of = cohort.start + dt.timedelta(days=draw(st.integers(-5, (cohort.end - cohort.start).days + 5)))
    return cohort, ws.curricula["cur"], as_of


COUNTS = {"sessions", "hours", "outputs"}


def _actuals(figures: Any) -> dict[str, float]:
    return {r.id: r.actual for r in figures.results if r.measure in COUNTS}


@SETTINGS
@given(sound_cohorts(), st.data())
def test_progress_invariants(case, data):
    """Percentages stay in 0..100, gaps are never negative, completions never exceed participants; and adding
    a session, or an accepted output of a new id, on or before the as-of date never lowers a count."""
    cohort, cur, as_of = case
    figures = progress(cohort, cur, as_of)
    for result in figures.results:
        assert result.gap is None or result.gap >= 0, result
        if result.unit == "percent" and result.actual is not None:
            assert 0 <= result.actual <= 100, result
        if result.target is not None and result.actual is not None:
            assert result.gap == pytest.approx(max(result.target - result.actual, 0)), result
    for person in figures.participants:
        assert person.attendance is None or 0 <= person.attendance <= 100, person
        assert 0 <= person.assignments_done <= person.assignments_required, person
    assert 0 <= figures.complete <= len(cohort.participants)
    if as_of < cohort.start:
        assert {r.status for r in figures.results} <= {"not started"}

    mentors = [p.id for p in cohort.people if p.role in model.SESSION_ROLES]
    day = cohort.start + dt.timedelta(days=data.draw(st.integers(0, max(0, (min(as_of, cohort.end) - cohort.start).days))))
    if day > as_of:
        return
    participants = [p.id for p in cohort.participants]
    session = model.Session(day, data.draw(st.sampled_from(mentors)), data.draw(st.sampled_from([0.5, 1.0, 3.0])),
                            tuple(data.draw(st.lists(st.sampled_from(participants), unique=True, max_size=3))),
                            modules=tuple(m.id for m in cur.modules[: data.draw(st.integers(0, len(cur.modules)))]))
    assignment = data.draw(st.sampled_from([None, *cur.assignments]))
    kind = (assignment.output if assignment is not None else None) or data.draw(st.sampled_from(cur.output_kinds)).id
    output = model.Output(day, data.draw(st.sampled_from(participants)), kind, "new", id="brand-new-output",
                          assignment=assignment.id if assignment is not None else None,
                          status=data.draw(st.sampled_from([model.Status.ACCEPTED, model.Status.PUBLISHED])))
    extra = model.LogFile(f"{LOGS}/zzz-extra.toml", sessions=(session,), outputs=(output,))
    more = attrs.evolve(cohort, logs=(*cohort.logs, extra))
    before, after = _actuals(figures), _actuals(progress(more, cur, as_of))
    for rid, actual in before.items():
        assert after[rid] is not None and (actual is None or after[rid] >= actual), (rid, actual, after[rid])
    assert progress(more, cur, as_of).complete <= len(cohort.participants)
