"""Appending records to logs with the library (`mentoring.logbook`): checked, whole, never lost.

The workspace is conftest's minimal programme: cohort k1 (2015-03-01 to 2015-03-31) with
participants p01 and p02 (p02 leaves on 2015-03-20), mentor rina, implementer imp, observer obs.
"""

from __future__ import annotations

import datetime as dt
import errno
import getpass
import multiprocessing
import os
import random
import re
import select
import signal
import socket
import time
from pathlib import Path

import attrs
import pytest
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import make_workspace, workspace_problems

from mentoring import logbook
from mentoring.loader import load_log
from mentoring.logbook import (
    LOCK_NAME,
    Outcome,
    append_record,
    compose,
    file_name_problem,
    record_block,
    record_data,
)
from mentoring.model import Action, ActionStatus, Assessment, Measurement, Output, Session, Status
from mentoring.problems import format_problem

DAY = dt.date(2015, 3, 5)
RINA = "cohorts/k1/logs/rina.toml"

HAND_WRITTEN = """
# Rina's log. Written by hand; every byte of it must survive appends.

[[session]]  # the first one
date = 2015-03-02
mentor = "rina"
hours = 2.5
attended = ["p01", "p02"]   # both came
notes = "Opening"

# a trailing comment, with no newline after it"""


def session(notes: str = "", **changes) -> Session:
    """A valid session held by rina in k1, changed as asked."""
    fields = dict(date=DAY, mentor="rina", hours=2.0, attended=("p01",), notes=notes or None)
    fields.update(changes)
    return Session(**fields)


def formatted(outcome: Outcome) -> list[str]:
    """The outcome's problems as the command prints them; each must carry its line, as `Outcome` promises a
    program that reads `problem.line` itself."""
    assert all(isinstance(p.line, int) and p.line >= 1 for p in outcome.problems), outcome.problems
    return [format_problem(p) for p in outcome.problems]


def sessions_in(root: Path, rel: str = RINA) -> list[Session]:
    """The sessions a log holds, read by the loader, which must find nothing wrong with the file."""
    log, problems = load_log(root, rel)
    assert problems == []
    return list(log.sessions)


@pytest.fixture
def root(tmp_path: Path, minimal) -> Path:
    """The minimal workspace, written into tmp_path."""
    return make_workspace(tmp_path, minimal)


# --- writing -----------------------------------------------------------------------------------


def test_session_is_appended_and_placed(root: Path) -> None:
    """A valid session goes to its mentor's log, and the outcome names the file and the header's line."""
    outcome = append_record(root, "k1", "session", session("first", modules=("m1",)))
    assert outcome.ok and outcome.problems == ()
    assert (outcome.written.path, outcome.written.line, outcome.written.kind) == (RINA, 1, "session")
    assert (root / RINA).read_text() == outcome.written.text
    assert outcome.written.text == (
        '[[session]]\ndate = 2015-03-05\nmentor = "rina"\nhours = 2\nattended = ["p01"]\n'
        'modules = ["m1"]\nnotes = "first"\n'
    )
    second = append_record(root, "k1", "session", session("second"))
    assert second.written.line == 9  # 7 lines, a blank line, then the header
    assert (root / RINA).read_text().splitlines()[8] == "[[session]]"
    assert [s.notes for s in sessions_in(root)] == ["first", "second"]


def test_serialised_values_read_back_equal() -> None:
    """Only set keys are written, enums as their value, whole floats as ints, dates as TOML dates."""
    output = Output(date=DAY, participant="p01", kind="post", title='A "quoted"\ntitle', status=Status.ACCEPTED)
    data = record_data(output)
    assert data == {"date": DAY, "participant": "p01", "kind": "post", "title": 'A "quoted"\ntitle', "status": "accepted"}
    assert record_data(session(hours=1.5, attended=()))["hours"] == 1.5
    assert record_data(session(attended=()))["attended"] == []
    block = record_block("output", data)
    assert tomli.loads(block)["output"] == [data]


@settings(max_examples=200, deadline=None)
@given(
    title=st.text(),
    notes=st.one_of(st.none(), st.text()),
    day=st.dates(),
    level=st.one_of(st.integers(-(2**63), 2**63 - 1), st.text()),
    value=st.floats(allow_nan=False, allow_infinity=False),
)
def test_any_record_reads_back_as_written(title, notes, day, level, value) -> None:
    """Whatever text, date or number a record holds, its block reads back as the same values."""
    records = [
        ("output", Output(date=day, participant="p01", kind="post", title=title, notes=notes)),
        ("assessment", Assessment(date=day, participant="p01", competency="c", level=level, by="self", notes=notes)),
        ("measurement", Measurement(date=day, result="r", value=value, source=title)),
    ]
    for kind, record in records:
        data = tomli.loads(record_block(kind, record_data(record)))[kind][0]
        assert data == record_data(record)
        assert float(data.get("value", 0.0)) == (value if kind == "measurement" else 0.0)


def test_text_that_is_not_utf8_is_refused(root: Path) -> None:
    """Text that cannot be written as UTF-8 (surrogates from a mis-set terminal) is refused, not raised."""
    outcome = append_record(root, "k1", "session", session("caf\udce9"))
    assert formatted(outcome) == [f"{RINA}:1: error: session: holds text that is not valid UTF-8 (is the terminal set to UTF-8?)"]
    assert not (root / RINA).exists()


def test_a_value_toml_cannot_hold_is_refused(root: Path) -> None:
    """A dict record holding bytes (no TOML value) is refused with what is wrong with it and that it cannot be
    written, both at the first line of the log it was meant for; nothing is written."""
    outcome = append_record(root, "k1", "session", {"date": DAY, "mentor": "rina", "hours": 2, "attended": [], "notes": b"x"})
    lines = formatted(outcome)
    assert lines[0] == f"{RINA}:1: error: session.notes: expected a string, got b'x'"
    assert lines[1].startswith(f"{RINA}:1: error: session: cannot be written as TOML (") and len(lines) == 2
    assert not (root / RINA).exists()


def test_dict_records_are_structured_like_a_file(root: Path) -> None:
    """A dict of TOML values (as a web form gives) is read by the loader's rules, wrong types included."""
    good = append_record(root, "k1", "session", {"date": DAY, "mentor": "rina", "hours": 3, "attended": ["p01", "p02"]})
    assert good.ok and good.written.record == session(hours=3.0, attended=("p01", "p02"))
    bad = append_record(root, "k1", "session", {"date": "2015-03-05", "mentor": "rina", "hours": 3, "attended": [], "colour": "red"})
    assert not bad.ok
    assert formatted(bad) == [
        f"{RINA}:8: error: session.date: expected a date such as 2015-03-05 (without quotes), got \"2015-03-05\"",
        f"{RINA}:12: error: session: unknown key \"colour\"",
    ]


def test_authors_name_the_log(root: Path) -> None:
    """Outputs go to the participant's log, assessments to the assessor's (the participant's for self),
    measurements to measurements.toml."""
    wrote = [
        append_record(root, "k1", "output", Output(date=DAY, participant="p02", kind="post", title="t")),
        append_record(root, "k1", "assessment", Assessment(date=DAY, participant="p01", competency="facebook", level=1, by="imp")),
        append_record(root, "k1", "assessment", Assessment(date=DAY, participant="p01", competency="facebook", level="basic", by="self")),
        append_record(root, "k1", "measurement", Measurement(date=DAY, result="visitors", value=40.0, source="sign-in sheet")),
    ]
    assert [o.written.path for o in wrote] == [
        "cohorts/k1/logs/p02.toml", "cohorts/k1/logs/imp.toml", "cohorts/k1/logs/p01.toml", "cohorts/k1/logs/measurements.toml",
    ]
    assert "status = \"submitted\"" in wrote[0].written.text
    assert workspace_problems(root) == []


def test_actions_go_to_the_shared_actions_log(root: Path) -> None:
    """An action, opened or updated, goes to logs/actions.toml (a plan agreed together, not one author's),
    its status written as its value; an update that would make the action's earliest record lack text
    (an earlier date, no text) is refused."""
    opened = append_record(root, "k1", "action", Action(id="more-posts", date=DAY, text="Post twice a week", owner="p01",
                                                        due=dt.date(2015, 3, 19), results=("posts",)))
    done = append_record(root, "k1", "action", {"id": "more-posts", "date": dt.date(2015, 3, 20), "status": "done"})
    assert [o.written.path for o in (opened, done)] == ["cohorts/k1/logs/actions.toml"] * 2
    assert done.written.text == '[[action]]\nid = "more-posts"\ndate = 2015-03-20\nstatus = "done"\n'
    assert done.written.record.status is ActionStatus.DONE
    earlier = append_record(root, "k1", "action", {"id": "more-posts", "date": dt.date(2015, 3, 4), "owner": "rina"})
    assert formatted(earlier) == ['cohorts/k1/logs/actions.toml:14: error: action: the earliest record of action '
                                  '"more-posts" opens it and must give its text (what is to be done)']
    assert workspace_problems(root) == []


def test_file_chooses_another_log(root: Path) -> None:
    """`file` names another log under logs/, with .toml added when missing."""
    outcome = append_record(root, "k1", "session", session(), file="team")
    assert outcome.written.path == "cohorts/k1/logs/team.toml"
    assert append_record(root, "k1", "session", session(), file="team.toml").written.line == 7


NOT_PLAIN = 'is not a plain file name: no folders, slashes or special characters; it goes under logs/'
REFUSED_NAMES = [
    ("../x", f'"../x" {NOT_PLAIN}'), ("../../x.toml", f'"../../x.toml" {NOT_PLAIN}'), ("/tmp/x", f'"/tmp/x" {NOT_PLAIN}'),
    ("a/b", f'"a/b" {NOT_PLAIN}'), ("a\\b", f'"a\\b" {NOT_PLAIN}'), ("x\x00y", f'"x\x00y" {NOT_PLAIN}'),
    ("..", '".." is not a plain file name (no "..")'), (".", '"." is not a plain file name (no "..")'),
    ("", "the log file name is empty"), ("  ", "the log file name is empty"),
    (".hidden", '".hidden" may not start with "."'), ("-rf", '"-rf" may not start with "-"'),
    ("a" * 201, f'"{"a" * 20}..." is too long for a file name'),
]


@pytest.mark.parametrize("name, why", REFUSED_NAMES)
def test_file_outside_logs_is_refused(root: Path, name: str, why: str) -> None:
    """A file name with a folder, `..`, an absolute path, a hidden name or more than 200 characters is refused,
    saying why, at the logs/ folder, and nothing is written."""
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    outcome = append_record(root, "k1", "session", session(), file=name)
    assert formatted(outcome) == [f"cohorts/k1/logs/:1: error: log file name: {why}"]
    assert file_name_problem(name) == why
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


@pytest.mark.parametrize("name", ["catatan rina", "v1.2", "a .. b", "a" * 200])
def test_plain_names_with_dots_and_spaces_are_logs(root: Path, name: str) -> None:
    """Spaces and dots inside a name, and a name of 200 characters, are plain names: written under logs/."""
    outcome = append_record(root, "k1", "session", session(), file=name)
    assert outcome.ok and outcome.written.path == f"cohorts/k1/logs/{name}.toml"


def test_comments_survive_appends(root: Path) -> None:
    """Every byte of a hand-written log, comments and all, is kept; a missing final newline is added first."""
    make_workspace(root, {RINA: HAND_WRITTEN})
    old = (root / RINA).read_bytes()
    outcome = append_record(root, "k1", "session", session("appended"))
    new = (root / RINA).read_bytes()
    assert new.startswith(old)
    assert new[len(old):].startswith(b"\n\n[[session]]\n")
    assert outcome.written.line == 12  # 10 lines, the newline added, a blank line, then the header
    assert new.decode().splitlines()[11] == "[[session]]"
    assert [s.notes for s in sessions_in(root)] == ["Opening", "appended"]


def test_crlf_and_bom_are_kept(root: Path) -> None:
    """A log with a byte order mark and CRLF line ends keeps both, and the new block uses CRLF too."""
    old = '\ufeff# log\r\n[[session]]\r\ndate = 2015-03-02\r\nmentor = "rina"\r\nhours = 1\r\nattended = []\r\n'.encode()
    make_workspace(root, {RINA: old})
    outcome = append_record(root, "k1", "session", session())
    new = (root / RINA).read_bytes()
    assert new.startswith(old) and b"\n" not in new.replace(b"\r\n", b"")
    assert outcome.written.line == 8
    assert len(sessions_in(root)) == 2


def test_compose_separates_with_one_blank_line() -> None:
    """The block follows one blank line, whatever the file ends with, and an empty file gets none."""
    assert compose(b"", "[[x]]\n") == (b"[[x]]\n", 1)
    assert compose(b"a = 1", "[[x]]\n") == (b"a = 1\n\n[[x]]\n", 3)
    assert compose(b"a = 1\n", "[[x]]\n") == (b"a = 1\n\n[[x]]\n", 3)
    assert compose(b"a = 1\n\n", "[[x]]\n") == (b"a = 1\n\n[[x]]\n", 3)


def test_new_file_gets_usual_permissions_and_existing_keeps_its_own(root: Path) -> None:
    """The temporary file's mode does not leak: a log keeps the mode it had."""
    make_workspace(root, {RINA: HAND_WRITTEN})
    os.chmod(root / RINA, 0o640)
    append_record(root, "k1", "session", session())
    assert (root / RINA).stat().st_mode & 0o777 == 0o640


# --- refusing ----------------------------------------------------------------------------------


def test_refused_record_leaves_file_byte_for_byte(root: Path) -> None:
    """A record with an error leaves the log exactly as it was, and no temporary file behind."""
    make_workspace(root, {RINA: HAND_WRITTEN})
    old = (root / RINA).read_bytes()
    mtime = (root / RINA).stat().st_mtime_ns
    outcome = append_record(root, "k1", "session", session(attended=("p01", "p3")))
    assert not outcome.ok
    assert (root / RINA).read_bytes() == old
    assert (root / RINA).stat().st_mtime_ns == mtime
    assert sorted(p.name for p in (root / "cohorts/k1/logs").iterdir()) == ["rina.toml"]


def test_unknown_participant_did_you_mean(root: Path) -> None:
    """A misspelt participant is refused with what was probably meant, at the line it would have had."""
    outcome = append_record(root, "k1", "session", session(attended=("p1",)))
    assert formatted(outcome) == [f'{RINA}:5: error: session.attended: unknown participant "p1" (did you mean "p01"?)']


def test_roles_scale_status_and_results_are_checked(root: Path) -> None:
    """A session by a non-mentor, a level off the scale, an unknown status and a measurement for a
    computed result are refused."""
    cases = [
        ("session", session(mentor="imp"), 'not a facilitator or mentor'),
        ("assessment", Assessment(date=DAY, participant="p01", competency="facebook", level=4, by="rina"),
         'assessment.level: level 4 is outside the scale of "facebook" (0 to 3)'),
        ("assessment", {"date": DAY, "participant": "p01", "competency": "facebook", "level": "basik", "by": "obs"},
         'did you mean "basic"?'),
        ("output", {"date": DAY, "participant": "p01", "kind": "post", "title": "t", "status": "publised"},
         'did you mean "published"?'),
        ("measurement", Measurement(date=DAY, result="posts", value=3.0), 'measurement.result: "posts" is measured by "outputs"'),
        ("session", session(hours=float("nan")), "session.hours: expected a finite number, got nan"),
        ("session", session(hours=0.0), "session.hours: must be more than 0, got 0"),
    ]
    for kind, record, message in cases:
        outcome = append_record(root, "k1", kind, record)
        assert not outcome.ok, record
        assert any(message in line for line in formatted(outcome)), (message, formatted(outcome))
    assert not (root / "cohorts/k1/logs").exists() or not any((root / "cohorts/k1/logs").glob("*.toml"))


def test_assessor_must_be_allowed_to_rate(root: Path) -> None:
    """An observer cannot rate a participant; the error says so and suggests "self"."""
    outcome = append_record(root, "k1", "assessment", Assessment(date=DAY, participant="p01", competency="facebook", level=1, by="obs"))
    assert any('assessment.by: "obs" is a' in line and '(or "self")' in line for line in formatted(outcome))


def test_date_outside_cohort_is_a_warning_not_a_refusal(root: Path) -> None:
    """A record dated after the cohort's end is written, with a warning at its date's line."""
    outcome = append_record(root, "k1", "session", session(date=dt.date(2015, 4, 2)))
    assert outcome.ok
    assert formatted(outcome) == [f"{RINA}:2: warning: session.date: 2015-04-02 is after the cohort's end (2015-03-31)"]
    assert len(sessions_in(root)) == 1


def test_error_already_in_cohort_refuses(root: Path) -> None:
    """An error anywhere in the cohort's data refuses the record, and that error is shown at its own line."""
    make_workspace(root, {"cohorts/k1/logs/p01.toml": '[[output]]\ndate = 2015-03-02\nparticipant = "p01"\nkind = "postt"\ntitle = "t"\n'})
    outcome = append_record(root, "k1", "session", session())
    assert not outcome.ok
    assert formatted(outcome) == ['cohorts/k1/logs/p01.toml:4: error: output.kind: unknown output kind "postt" (did you mean "post"?)']
    assert not (root / RINA).exists()


def test_error_in_another_curriculum_does_not_refuse(root: Path) -> None:
    """Only the cohort and the curriculum it runs count: an unrelated curriculum that does not load, or that
    loads with a dangling reference, does not block logging."""
    make_workspace(root, {"curricula/other.toml": "title = 1\n",
                          "curricula/third.toml": 'title = "t"\n\n[[modules]]\nid = "m"\ntitle = "M"\nobjectives = ["nowhere"]\n'})
    outcome = append_record(root, "k1", "session", session())
    assert outcome.ok and outcome.problems == ()


def test_conflict_brought_to_an_existing_record_refuses(root: Path) -> None:
    """A new record that makes an existing record wrong (the same output id with another kind) is refused. Logs
    are read in name order, so the new record in a-review.toml comes first and the problem is the existing
    record's, in p01.toml at its kind (line 5)."""
    make_workspace(root, {"cohorts/k1/logs/p01.toml": '[[output]]\ndate = 2015-03-02\nid = "o1"\nparticipant = "p01"\nkind = "post"\ntitle = "t"\n'})
    outcome = append_record(root, "k1", "output", Output(date=DAY, id="o1", participant="p01", kind="article", title="t"), file="a-review")
    assert not outcome.ok
    assert formatted(outcome) == [
        'cohorts/k1/logs/p01.toml:5: error: output.kind: output "o1" was first recorded with kind "article", here with kind "post"',
    ]


def test_unknown_cohort_and_kind(root: Path) -> None:
    """An unknown cohort or record kind is a problem returned, not an exception, and nothing is made."""
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    assert formatted(append_record(root, "k2", "session", session())) == [
        'cohorts/k2/cohort.toml:1: error: no cohort "k2" in this workspace']
    assert formatted(append_record(root, "k1", "sesion", session())) == [
        'cohorts/k1/logs/:1: error: unknown record kind "sesion" (did you mean "session"?); one of session, output, assessment, measurement, action']
    assert formatted(append_record(root, "k1", "output", session())) == [
        "cohorts/k1/logs/:1: error: a output record is a Output or a dict of its keys, got Session"]
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


def test_symlinked_log_is_not_replaced(root: Path, tmp_path_factory) -> None:
    """A log that is a link, to a file outside the workspace or inside it, is refused rather than turned into a
    plain file."""
    target = tmp_path_factory.mktemp("elsewhere") / "x.toml"
    target.write_text("")
    (root / "cohorts/k1/logs").mkdir(parents=True)
    (root / RINA).symlink_to(target)
    outcome = append_record(root, "k1", "session", session())
    assert formatted(outcome) == [f"{RINA}:1: error: is a link; logs are written only to plain files"]
    assert (root / RINA).is_symlink() and target.read_text() == ""
    (root / RINA).unlink()
    (root / "shared.toml").write_text("")
    (root / RINA).symlink_to(root / "shared.toml")
    outcome = append_record(root, "k1", "session", session())
    assert formatted(outcome) == [f"{RINA}:1: error: is a link; logs are written only to plain files"]
    assert (root / RINA).is_symlink() and (root / "shared.toml").read_text() == ""


def test_stale_temporary_file_is_cleaned_up(root: Path) -> None:
    """A temporary file left by a killed writer is removed by the next write and never read as a log."""
    make_workspace(root, {RINA: HAND_WRITTEN, "cohorts/k1/logs/.rina.toml.tmp-dead": b"[[session]]\ndate = "})
    assert workspace_problems(root) == []
    assert append_record(root, "k1", "session", session()).ok
    assert not (root / "cohorts/k1/logs/.rina.toml.tmp-dead").exists()


def test_lock_timeout_is_a_problem(root: Path) -> None:
    """While another program holds the cohort's lock past the timeout, nothing is written and the outcome says why."""
    from filelock import FileLock

    with FileLock(str(root / "cohorts/k1" / LOCK_NAME)):
        ctx = multiprocessing.get_context("fork")
        queue = ctx.Queue()
        child = ctx.Process(target=lambda: queue.put(formatted(append_record(root, "k1", "session", session(), timeout=0.2))))
        child.start()
        messages = queue.get(timeout=20)
        child.join(20)
    assert "another program" in messages[0]
    assert not (root / RINA).exists()


def test_then_runs_under_the_lock_after_a_write_and_never_after_a_refusal(root: Path) -> None:
    """`then` gets the record written while the cohort's lock is still held (another locker times out),
    and is not called for a refused record."""
    from filelock import FileLock, Timeout

    seen = []

    def then(written) -> None:
        with pytest.raises(Timeout):
            FileLock(str(root / "cohorts/k1" / LOCK_NAME), timeout=0).acquire()
        seen.append((written.path, written.line, (root / RINA).read_text() == written.text))

    assert append_record(root, "k1", "session", session(), then=then).ok
    assert not append_record(root, "k1", "session", session(mentor="rinaa"), then=then).ok
    assert seen == [(RINA, 1, True)]


def test_outcome_tells_the_records_own_problems_from_those_already_there(root: Path) -> None:
    """A record refused in a log that already holds an error: `about_record` is true of the record's own
    problem (its hours, keys ("session", 1, ...)) and false of the standing one (the first session's)."""
    make_workspace(root, {RINA: '[[session]]\ndate = 2015-03-02\nmentor = "rina"\nhours = 1\nattended = ["p09"]\n'})
    outcome = append_record(root, "k1", "session", {"date": DAY, "mentor": "rina", "hours": "two", "attended": []})
    assert (outcome.log, outcome.keys) == (RINA, ("session", 1))
    assert [(p.keys, outcome.about_record(p)) for p in outcome.problems] == [
        (("session", 0, "attended", 0), False), (("session", 1, "hours"), True)]


# --- concurrency and kills ---------------------------------------------------------------------

fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")


def _writer(root: Path, writer: int, count: int) -> None:
    for n in range(count):
        outcome = append_record(root, "k1", "session", session(f"w{writer}-{n}"))
        if not outcome.ok:
            os._exit(3)
    os._exit(0)


@fork
@pytest.mark.slow
def test_eight_processes_appending_at_once_lose_nothing(root: Path) -> None:
    """8 processes logging 50 sessions each into the same file at once leave 400 new records and a valid file."""
    make_workspace(root, {RINA: HAND_WRITTEN})
    old = (root / RINA).read_bytes()
    ctx = multiprocessing.get_context("fork")
    writers = [ctx.Process(target=_writer, args=(root, w, 50)) for w in range(8)]
    for process in writers:
        process.start()
    for process in writers:
        process.join(120)
    assert [p.exitcode for p in writers] == [0] * 8
    new = (root / RINA).read_bytes()
    assert new.startswith(old)
    notes = [s.notes for s in sessions_in(root)]
    assert notes[0] == "Opening" and len(notes) == 401
    for w in range(8):  # each writer's records all there, once, in the order it wrote them
        assert [n for n in notes if n.startswith(f"w{w}-")] == [f"w{w}-{n}" for n in range(50)]
    assert workspace_problems(root) == []


# --- the write protocol, through a recording `os` ------------------------------------------------
#
# logbook writes through the module it imports as `os`; a test puts a recording stand-in there (the
# seam) to see the order of the steps, to make one of them fail, or (in a child process) to pause
# between them so that a kill lands inside the write window.

TMP = re.compile(r"\.rina\.toml\.tmp-[0-9a-f]{12}$")


class _FileSpy:
    """The file `os.fdopen` gives, with its writes recorded."""

    def __init__(self, recorder: "RecordingOS", file, name: str):
        self.recorder, self.file, self.name = recorder, file, name

    def write(self, data: bytes) -> int:
        self.recorder.step("write", self.name)
        return self.file.write(data)

    def __getattr__(self, name: str):
        return getattr(self.file, name)

    def __enter__(self) -> "_FileSpy":
        return self

    def __exit__(self, *exc) -> None:
        self.file.close()


class RecordingOS:
    """The `os` module as logbook sees it: every call passes through, and the steps of a write are
    recorded as (step, file name) with temporary names written `TMP`. `fail` names a step that raises
    "no space left on device" instead of running; `pause(step)` is called after each step is recorded."""

    def __init__(self, fail: str | None = None):
        self.calls: list[tuple[str, ...]] = []
        self.names: dict[int, str] = {}
        self.fail = fail

    def __getattr__(self, name: str):
        return getattr(os, name)

    def pause(self, step: str) -> None:
        """Called after each step is recorded, before it runs; a subclass may wait there."""

    def step(self, step: str, *names: str) -> None:
        self.calls.append((step, *("TMP" if TMP.search(name) else name for name in names)))
        self.pause(step)
        if step == self.fail:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def open(self, path, flags, mode=0o777, *args, **kwargs) -> int:
        """Recorded with how: "new" (created, failing if it exists) or "folder" (opened as a folder)."""
        fd = os.open(path, flags, mode, *args, **kwargs)
        self.names[fd] = Path(path).name
        how = "new" if flags & os.O_CREAT and flags & os.O_EXCL else "folder" if flags & getattr(os, "O_DIRECTORY", 0) else "other"
        self.calls.append(("open", "TMP" if TMP.search(self.names[fd]) else self.names[fd], how))
        return fd

    def chmod(self, path, mode) -> None:
        self.step("chmod", Path(path).name)
        os.chmod(path, mode)

    def fdopen(self, fd: int, *args, **kwargs) -> _FileSpy:
        return _FileSpy(self, os.fdopen(fd, *args, **kwargs), self.names[fd])

    def fsync(self, fd: int) -> None:
        self.step("fsync", self.names[fd])
        os.fsync(fd)

    def replace(self, src, dst) -> None:
        self.step("replace", Path(src).name, Path(dst).name)
        os.replace(src, dst)

    def close(self, fd: int) -> None:
        """Only a file this stand-in opened is closed; any other descriptor is refused, never closed."""
        if fd not in self.names:
            self.calls.append(("close", f"fd {fd}, not opened here"))
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        self.calls.append(("close", "TMP" if TMP.search(self.names[fd]) else self.names[fd]))
        os.close(fd)

    def unlink(self, path) -> None:
        self.step("unlink", Path(path).name)
        os.unlink(path)


def leftovers(root: Path) -> list[str]:
    """Files in k1's logs/ other than the logs themselves (temporary files left behind)."""
    return sorted(p.name for p in (root / "cohorts/k1/logs").iterdir() if not p.name.endswith(".toml"))


def test_write_is_temporary_file_fsync_replace_then_folder_fsync(root: Path, monkeypatch) -> None:
    """A record is written to a temporary file beside the log, which is fsynced, renamed over the log,
    and then the folder is fsynced: a crash at any point leaves the old log or the new one."""
    make_workspace(root, {RINA: HAND_WRITTEN})
    recorder = RecordingOS()
    monkeypatch.setattr(logbook, "os", recorder)
    assert append_record(root, "k1", "session", session("appended")).ok
    assert recorder.calls == [
        ("open", "TMP", "new"), ("chmod", "TMP"), ("write", "TMP"), ("fsync", "TMP"), ("replace", "TMP", "rina.toml"),
        ("open", "logs", "folder"), ("fsync", "logs"), ("close", "logs"),
    ]
    assert leftovers(root) == [] and [s.notes for s in sessions_in(root)] == ["Opening", "appended"]


def test_new_log_gets_the_usual_permissions(root: Path) -> None:
    """A log created by an append has the mode a new file gets (0o666 less the umask), not the temporary file's."""
    old = os.umask(0o022)
    try:
        assert append_record(root, "k1", "session", session()).ok
    finally:
        os.umask(old)
    assert (root / RINA).stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("step", ["chmod", "write", "fsync", "replace"])
def test_a_failing_write_changes_nothing_and_leaves_no_temporary_file(root: Path, monkeypatch, step: str) -> None:
    """The disk failing while the temporary file is set up, written, synced or renamed: the outcome says so at
    the log's first line, the log keeps every byte, and the temporary file is closed (if it is still open as a
    bare descriptor) and removed; no other file is closed."""
    make_workspace(root, {RINA: HAND_WRITTEN})
    old = (root / RINA).read_bytes()
    recorder = RecordingOS(fail=step)
    monkeypatch.setattr(logbook, "os", recorder)
    outcome = append_record(root, "k1", "session", session())
    assert formatted(outcome) == [f"{RINA}:1: error: cannot write: No space left on device; nothing written"]
    assert (root / RINA).read_bytes() == old and leftovers(root) == []
    failed = recorder.calls.index((step, "TMP") if step != "replace" else ("replace", "TMP", "rina.toml"))
    assert recorder.calls[failed + 1:] == ([("close", "TMP")] if step == "chmod" else []) + [("unlink", "TMP")]


def test_a_log_changed_while_the_record_is_checked_is_not_overwritten(root: Path, monkeypatch) -> None:
    """A log edited by hand (not under the lock) after it was read and while the record was being checked:
    nothing is written, the outcome says to try again, and the hand edit is kept."""
    make_workspace(root, {RINA: HAND_WRITTEN})
    edited = (root / RINA).read_bytes() + b"\n# edited by hand meanwhile\n"
    real_open = logbook.open_workspace

    def edit_then_open(*args, **kwargs):
        (root / RINA).write_bytes(edited)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(logbook, "open_workspace", edit_then_open)
    outcome = append_record(root, "k1", "session", session("lost?"))
    assert formatted(outcome) == [f"{RINA}:1: error: changed while the record was being checked; nothing written, try again"]
    assert (outcome.log, outcome.keys) == (RINA, ("session", 1))
    assert (root / RINA).read_bytes() == edited and leftovers(root) == []


def test_the_outcome_names_the_log_and_the_records_place(root: Path) -> None:
    """Appended to rina's hand-written log (one session), a session is the log's second: written or refused
    for an error (hours -1), the outcome names the log and the record's keys ("session", 1), and a
    problem of the record's own is about it (about_record) while one of another file is not."""
    make_workspace(root, {RINA: HAND_WRITTEN})
    refused = append_record(root, "k1", "session", session("bad", hours=-1.0))
    assert (refused.ok, refused.log, refused.keys) == (False, RINA, ("session", 1))
    assert refused.problems and all(refused.about_record(p) for p in refused.problems)
    assert not refused.about_record(attrs.evolve(refused.problems[0], path="cohorts/k1/cohort.toml"))
    written = append_record(root, "k1", "session", session("good"))
    assert (written.ok, written.log, written.keys) == (True, RINA, ("session", 1))


def test_a_block_that_would_not_read_back_is_not_written(root: Path, monkeypatch) -> None:
    """The last guard: a block that does not read back as the record (here, a serialiser that drops the
    notes) is refused at the line its header would have had (12 in the hand-written log), nothing written."""
    make_workspace(root, {RINA: HAND_WRITTEN})
    old = (root / RINA).read_bytes()
    real_block = logbook.record_block
    monkeypatch.setattr(logbook, "record_block", lambda kind, data: real_block(kind, {k: v for k, v in data.items() if k != "notes"}))
    outcome = append_record(root, "k1", "session", session("dropped"))
    assert len(outcome.problems) == 1 and not outcome.ok
    assert formatted(outcome)[0].startswith(f"{RINA}:12: error: session: would not read back as written (Session(")
    assert formatted(outcome)[0].endswith("); nothing written")
    assert (root / RINA).read_bytes() == old


@pytest.mark.parametrize("block, why", [("[[session]]\ndate = \n", "Invalid value"), ("", "None")])
def test_a_block_that_does_not_parse_is_not_written(root: Path, monkeypatch, block: str, why: str) -> None:
    """The same guard for a block that is not TOML (the parser's complaint is quoted) or holds no record:
    refused at a new log's first line, no file made."""
    monkeypatch.setattr(logbook, "record_block", lambda kind, data: block)
    (line,) = formatted(append_record(root, "k1", "session", session()))
    assert line.startswith(f"{RINA}:1: error: session: would not read back as written ({why}") and line.endswith("; nothing written")
    assert not (root / RINA).exists()


# --- kills inside the write window ---------------------------------------------------------------

#: Where a child stops for PAUSE seconds: after writing the temporary file (before its fsync), after
#: its fsync (before the rename), after the rename (before the folder's fsync), after the folder's fsync.
POINTS = {"written": ("fsync", 0), "synced": ("replace", 0), "replaced": ("fsync", 1), "done": ("close", 0)}
PAUSE = 0.3


class PausingOS(RecordingOS):
    """A RecordingOS that, at one point of the write, tells the parent through a pipe ("E"), waits
    PAUSE seconds, and tells it again ("L") before going on."""

    def __init__(self, point: str, pipe: int):
        super().__init__()
        self.point, self.pipe, self.seen = POINTS[point], pipe, {}

    def pause(self, step: str) -> None:
        n = self.seen[step] = self.seen.get(step, -1) + 1
        if (step, n) == self.point:
            os.write(self.pipe, b"E")
            time.sleep(PAUSE)
            os.write(self.pipe, b"L")

    def close(self, fd: int) -> None:  # the folder's descriptor is closed after its fsync: the point "done"
        super().close(fd)
        self.pause("close")


def _append_pausing(root: Path, point: str, pipe: int, notes: str) -> None:
    logbook.os = PausingOS(point, pipe)  # only in this (forked) child
    append_record(root, "k1", "session", session(notes))
    os._exit(0)


def _read_pipe(fd: int, wait: float) -> bytes:
    """What the child has written to the pipe, waiting up to `wait` seconds for the first byte."""
    got = b""
    while select.select([fd], [], [], wait)[0]:
        chunk = os.read(fd, 16)
        if not chunk:
            break
        got += chunk
        wait = 0
    return got


@fork
@pytest.mark.slow
def test_sigkill_inside_the_write_window_leaves_the_old_or_the_new_log_whole(root: Path) -> None:
    """48 children each append one session and are killed with SIGKILL while paused at one of four points
    of the write (12 kills at each), a random moment into the pause. Killed before the rename, the log is
    exactly the old one; after it, exactly the old one plus the new block. At least 44 of the 48 kills
    must land inside a pause (the child had announced it and not yet left it)."""
    make_workspace(root, {RINA: HAND_WRITTEN})
    ctx = multiprocessing.get_context("fork")
    rng = random.Random(15)
    previous, kept = (root / RINA).read_bytes(), sessions_in(root)
    inside = 0
    for n, point in enumerate([point for point in POINTS for _ in range(12)]):
        read_end, write_end = os.pipe()
        child = ctx.Process(target=_append_pausing, args=(root, point, write_end, f"kill-{n}"))
        child.start()
        os.close(write_end)
        assert _read_pipe(read_end, 20) == b"E", point
        time.sleep(rng.uniform(0, PAUSE / 2))
        os.kill(child.pid, signal.SIGKILL)
        child.join(10)
        assert child.exitcode == -signal.SIGKILL
        inside += _read_pipe(read_end, 0) == b""  # no "L": the kill came before the child left the pause
        os.close(read_end)
        now = (root / RINA).read_bytes()
        sessions = sessions_in(root)
        if point in ("written", "synced"):
            assert now == previous, (n, point)
        else:
            assert now.startswith(previous + b"\n") and [s.notes for s in sessions] == [*(s.notes for s in kept), f"kill-{n}"], (n, point)
        previous, kept = now, sessions
    assert inside >= 44, inside
    assert len(kept) == 1 + 24 and workspace_problems(root) == []


# --- where problems are placed, and what the lock does ---------------------------------------------

ONE_SESSION = '[[session]]\ndate = 2015-03-02\nmentor = "rina"\nhours = 1\nattended = []\n'


def test_a_record_whose_author_is_no_id_is_placed_in_the_log_it_names(root: Path) -> None:
    """Without a valid author id there is no log to write to; problems are placed as if in a log named after
    what was given (the mentor's name "Rina", 3rd line of the block), or after the kind when there is nothing
    (a missing or non-text mentor); nothing is written."""
    by_name = append_record(root, "k1", "session", session(mentor="Rina"))
    assert formatted(by_name) == [
        'cohorts/k1/logs/Rina.toml:3: error: session.mentor: unknown mentor "Rina" (that is the name of "rina"; write the id)']
    missing = append_record(root, "k1", "session", {"date": DAY, "hours": 2, "attended": []})
    assert formatted(missing) == ['cohorts/k1/logs/session.toml:1: error: session: missing required key "mentor"']
    number = append_record(root, "k1", "session", {"date": DAY, "mentor": 5, "hours": 2, "attended": []})
    assert formatted(number) == ["cohorts/k1/logs/session.toml:3: error: session.mentor: expected a string, got 5"]
    assert not (root / "cohorts/k1/logs").exists()


def test_a_bad_record_is_placed_after_the_records_already_there(root: Path) -> None:
    """A dict record with a quoted date is placed at its date's line in the log as it would be: line 2 of a new
    log; in a log holding a session that does not load (hours = "x", itself an error at line 4) and a valid
    one, after both: the third [[session]] starts at line 13, its date at 14."""
    bad = {"date": "2015-03-05", "mentor": "rina", "hours": 3, "attended": []}
    quoted = 'session.date: expected a date such as 2015-03-05 (without quotes), got "2015-03-05"'
    assert formatted(append_record(root, "k1", "session", bad)) == [f"{RINA}:2: error: {quoted}"]
    make_workspace(root, {RINA: ONE_SESSION.replace("hours = 1", 'hours = "x"') + "\n" + ONE_SESSION})
    assert formatted(append_record(root, "k1", "session", bad)) == [
        f'{RINA}:4: error: session.hours: expected a number, got "x"', f"{RINA}:14: error: {quoted}"]


def test_a_new_records_problem_is_placed_in_its_own_log(root: Path) -> None:
    """With other logs present, a problem the record brings names its own log at its own line: rina.toml
    holds one session (lines 1-5), so the new one starts at 7 and its attended list is at 11."""
    make_workspace(root, {"cohorts/k1/logs/a.toml": ONE_SESSION, RINA: ONE_SESSION})
    outcome = append_record(root, "k1", "session", session(attended=("p1",)))
    assert formatted(outcome) == [f'{RINA}:11: error: session.attended: unknown participant "p1" (did you mean "p01"?)']


def test_a_log_that_does_not_load_refuses_and_old_warnings_stay_quiet(root: Path) -> None:
    """An error of reading in another log of the cohort (not TOML, not UTF-8) refuses the record, shown at its
    line; a warning already in the cohort (a session after its end) is not the new record's and is not returned."""
    make_workspace(root, {"cohorts/k1/logs/a.toml": "a = = 1\n"})
    assert formatted(append_record(root, "k1", "session", session())) == [
        "cohorts/k1/logs/a.toml:1: error: malformed TOML: Invalid value"]
    make_workspace(root, {"cohorts/k1/logs/a.toml": b'[[session]]\ndate = 2015-03-02\nmentor = "rina"\nhours = 1\nattended = []\nnotes = "caf\xe9"\n'})
    assert formatted(append_record(root, "k1", "session", session())) == [
        "cohorts/k1/logs/a.toml:6: error: is not UTF-8 text (was it saved in another encoding? save it again as UTF-8)"]
    make_workspace(root, {"cohorts/k1/logs/a.toml": ONE_SESSION.replace("2015-03-02", "2015-04-02")})
    outcome = append_record(root, "k1", "session", session())
    assert outcome.ok and outcome.problems == ()


def test_a_log_that_is_not_utf8_is_not_appended_to(root: Path) -> None:
    """The log the record would go to holds a byte that is not UTF-8 (line 6): that one error refuses the
    record, and the log keeps its bytes."""
    old = b'[[session]]\ndate = 2015-03-02\nmentor = "rina"\nhours = 1\nattended = []\nnotes = "caf\xe9"\n'
    make_workspace(root, {RINA: old})
    assert formatted(append_record(root, "k1", "session", session())) == [
        f"{RINA}:6: error: is not UTF-8 text (was it saved in another encoding? save it again as UTF-8)"]
    assert (root / RINA).read_bytes() == old


def test_the_lock_is_the_cohorts_and_a_held_lock_times_out(root: Path) -> None:
    """The lock file is in the cohort's folder; while another writer holds it past the timeout, nothing is
    written and the outcome names the holder (user, process, machine, since when), how long it waited and
    which file to delete if the holder is no longer running."""
    assert append_record(root, "k1", "session", session()).ok
    assert (root / "cohorts/k1" / LOCK_NAME).is_file()
    before = (root / RINA).read_bytes()
    with logbook.cohort_lock(root, "k1"):
        outcome = append_record(root, "k1", "session", session(), timeout=0.25)
    holder = rf"{re.escape(getpass.getuser())} \(process {os.getpid()} on {re.escape(socket.gethostname())}, since \d\d:\d\d:\d\d\)"
    (line,) = formatted(outcome)
    assert re.fullmatch(rf"cohorts/k1/cohort.toml:1: error: {holder} has been writing to this cohort for 0.25 s; "
                        rf"nothing written \(if it is no longer running, delete cohorts/k1/{re.escape(LOCK_NAME)}\)", line), line
    assert (root / RINA).read_bytes() == before


def test_compose_counts_a_byte_order_mark_as_no_text() -> None:
    """A file holding only a byte order mark is empty: the block follows it directly on line 1; one character
    after the mark (or a file of one or two bytes) is text, so a blank line separates; a CRLF file already
    ending in a blank line gets no other."""
    bom = b"\xef\xbb\xbf"
    assert compose(bom, "[[x]]\n") == (bom + b"[[x]]\n", 1)
    assert compose(bom + b"#", "[[x]]\n") == (bom + b"#\n\n[[x]]\n", 3)
    assert compose(b"#", "[[x]]\n") == (b"#\n\n[[x]]\n", 3)
    assert compose(b"a = 1\r\n\r\n", "[[x]]\n") == (b"a = 1\r\n\r\n[[x]]\r\n", 3)


def test_whole_floats_become_whole_numbers_only_where_floats_are_exact() -> None:
    """A whole float below 2**53 is written as a whole number (200.0 as 200); from 2**53 on, where a float no
    longer holds every whole number, it stays a float."""
    assert record_data(Measurement(date=DAY, result="r", value=200.0))["value"] == 200
    assert type(record_data(Measurement(date=DAY, result="r", value=200.0))["value"]) is int
    big = record_data(Measurement(date=DAY, result="r", value=2.0**53))["value"]
    assert type(big) is float and big == 2.0**53
    assert type(record_data(Measurement(date=DAY, result="r", value=2.0**53 - 1))["value"]) is int


def test_a_lock_that_cannot_be_taken_writes_nothing(root: Path) -> None:
    """A lock file that cannot be opened (here a folder stands in its place) refuses the record with the
    system's reason, at the log the record was for, or at the logs/ folder when it names no log."""
    (root / "cohorts/k1" / LOCK_NAME).mkdir()
    assert formatted(append_record(root, "k1", "session", session())) == [
        f"{RINA}:1: error: cannot write: Is a directory; nothing written"]
    assert formatted(append_record(root, "k1", "session", session(mentor="Rina"))) == [
        "cohorts/k1/logs/:1: error: cannot write: Is a directory; nothing written"]
    assert not (root / "cohorts/k1/logs").exists()


def test_problems_come_in_file_and_line_order(root: Path) -> None:
    """The problems of a refusal are in file, then line order, whether they were there already or the record
    brought them: in p01.toml the conflict the new output brings to o1's kind (line 5) comes before the
    unknown kind already at line 11."""
    make_workspace(root, {"cohorts/k1/logs/p01.toml": (
        '[[output]]\ndate = 2015-03-02\nid = "o1"\nparticipant = "p01"\nkind = "post"\ntitle = "t"\n\n'
        '[[output]]\ndate = 2015-03-03\nparticipant = "p01"\nkind = "vlog"\ntitle = "t"\n')})
    outcome = append_record(root, "k1", "output", Output(date=DAY, id="o1", participant="p01", kind="article", title="t"), file="a-review")
    assert formatted(outcome) == [
        'cohorts/k1/logs/p01.toml:5: error: output.kind: output "o1" was first recorded with kind "article", here with kind "post"',
        'cohorts/k1/logs/p01.toml:11: error: output.kind: unknown output kind "vlog"',
    ]


def test_a_lock_with_no_holder_written_is_held_by_another_program(tmp_path: Path, monkeypatch) -> None:
    """lock_holder: no holder file, or an empty one, is "another program"; a holder whose user name cannot
    be had (no $USER, no passwd entry) is written as "someone (process N on HOST, since HH:MM:SS)"."""
    folder = tmp_path / "k1"
    folder.mkdir()
    assert logbook.lock_holder(folder) == "another program"
    (folder / logbook.HOLDER_NAME).write_text("  \n", encoding="utf-8")
    assert logbook.lock_holder(folder) == "another program"

    def no_user() -> str:
        raise KeyError("getpwuid(): uid not found")

    monkeypatch.setattr(getpass, "getuser", no_user)
    logbook._note_holder(folder)
    assert re.fullmatch(rf"someone \(process {os.getpid()} on {re.escape(socket.gethostname())}, since \d\d:\d\d:\d\d\)",
                        logbook.lock_holder(folder))
