"""The loader: reading files, structuring them into the model, and placing each problem at its line.

Every broken input is written inline; its expected problems are written out in full, as
`mentoring check` prints them, with the line counted by hand from the inline TOML (line 1 is the
first line after the opening quotes; see conftest.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mentoring import model
from mentoring.checks import check_workspace
from mentoring.lines import key_lines
import mentoring
from mentoring.loader import SLUG_RULE, cohort_ids, load_workspace

from conftest import COHORT

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_COHORTS = cohort_ids(REPO)

LOG = "cohorts/k1/logs/rina.toml"
CUR = "curricula/sosmed.toml"
COH = "cohorts/k1/cohort.toml"

SESSION = """
[[session]]
date = 2015-03-02
mentor = "rina"
hours = 2
attended = ["p01", "p02"]
"""


# --- the minimal and the example workspaces ---------------------------------------------------


def test_minimal_workspace_has_no_problem(problems, minimal):
    """The minimal workspace of conftest.py loads and checks with no problem at all."""
    assert problems(minimal) == []


def test_minimal_workspace_structures_into_the_model(workspace, minimal):
    """A valid workspace becomes the model: ids from file and folder names, defaults filled in."""
    ws, found = load_workspace(workspace({**minimal, LOG: SESSION}))
    assert found == []
    cur, cohort = ws.curricula["sosmed"], ws.cohorts["k1"]
    assert cur.id == "sosmed" and cohort.id == "k1" and cohort.curriculum == "sosmed"
    assert cur.competencies[0].levels == model.DEFAULT_LEVELS
    assert cur.assignments[0].required is True
    assert cur.assignments[0].min_status is model.Status.ACCEPTED
    assert cur.results[0].measure is model.Measure.OUTPUTS
    assert cur.results[0].target == model.Quantity(10)
    assert cur.completion == model.Completion(assignments="required")
    assert [p.id for p in cohort.participants] == ["p01", "p02"]
    (log,) = cohort.logs
    assert log.path == LOG
    assert log.sessions[0].hours == 2.0 and log.sessions[0].expected is None


@pytest.mark.parametrize("cohort", EXAMPLE_COHORTS)
def test_example_cohort_has_no_problem(cohort):
    """Each example cohort of the repository's workspace, with its curriculum, loads and checks with no problem."""
    ws = mentoring.open_workspace(REPO, search=False, cohorts=[cohort])
    assert cohort in ws.cohorts
    assert ws.problems_of(cohort) == ()
    assert ws.sound_cohorts == (cohort,)


def test_example_workspace_has_no_problem():
    """The repository's example workspace as a whole (every curriculum and cohort) has no problem."""
    ws = mentoring.open_workspace(REPO, search=False)
    assert ws.curricula and ws.cohorts
    assert ws.problems == ()


# --- reading files ----------------------------------------------------------------------------


def test_malformed_toml_in_a_log_is_placed_at_the_syntax_error(problems, minimal):
    """Malformed TOML is an error at the line to fix, saying what is wrong (here a string never closed)."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-02
        mentor = "rina
        hours = 2
    """}) == [f'{LOG}:3: error: malformed TOML: the string opened on this line is not closed on the line where it starts (a closing " is missing)']


def test_malformed_toml_in_a_curriculum_stops_only_that_file(problems, minimal):
    """A curriculum that does not parse is one error, and its cohort gives no second error about it."""
    assert problems({**minimal, CUR: """
        title = "Social media mentoring"

        [[objectives]
        id = "o1"
    """}) == [f"{CUR}:3: error: malformed TOML: Expected ']]' at the end of an array declaration"]


def test_malformed_toml_in_a_cohort_file(problems, minimal):
    """A cohort.toml that does not parse is an error at its line (here a date with a bad month)."""
    assert problems({**minimal, COH: """
        curriculum = "sosmed"
        start = 2015-13-01
        end = 2015-03-31
    """}) == [f"{COH}:2: error: malformed TOML: 2015-13-01 is not a valid date (write year-month-day, such as 2015-03-05)"]


def test_duplicate_key_is_malformed_toml(problems, minimal):
    """A key written twice in one table is malformed TOML, at the second one."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-02
        mentor = "rina"
        mentor = "rina"
    """}) == [f'{LOG}:4: error: malformed TOML: the key "mentor" is given a value twice']


def test_binary_file_is_an_error_not_a_crash(problems, minimal):
    """A file that is not UTF-8 (a picture saved as .toml) is an error at the line of its first bad byte."""
    png = b"[[session]]\ndate = 2015-03-02\n\x89PNG\r\n\x1a\n\x00\x00\xff\xfe"
    assert problems({**minimal, LOG: png}) == [
        f"{LOG}:3: error: is not UTF-8 text (is it a binary file?)",
    ]


def test_control_characters_are_malformed_toml(problems, minimal):
    """UTF-8 that holds NUL and other control characters is malformed TOML at line 1."""
    assert problems({**minimal, LOG: b"\x00\x01\x02\x03"}) == [
        f"{LOG}:1: error: malformed TOML: Invalid statement",
    ]


def test_empty_log_is_valid(problems, minimal):
    """An empty log file, or one holding only blank lines and comments, is valid: no problem."""
    assert problems({
        **minimal,
        "cohorts/k1/logs/empty.toml": "",
        "cohorts/k1/logs/comment.toml": "\n\n# sessions of March go here\n",
    }) == []


def test_empty_cohort_file_misses_its_required_keys(problems, minimal):
    """An empty cohort.toml is not a cohort: each required key is missing, at line 1."""
    assert problems({**minimal, COH: ""}) == [
        f'{COH}:1: error: missing required key "curriculum"',
        f'{COH}:1: error: missing required key "start"',
        f'{COH}:1: error: missing required key "end"',
    ]


def test_empty_curriculum_misses_its_title(problems, minimal):
    """An empty curriculum file lacks its one required key, title."""
    assert problems({**minimal, CUR: ""}) == [f'{CUR}:1: error: missing required key "title"']


def test_bom_and_crlf_load_fine(workspace, minimal):
    """A file saved by Windows Notepad (byte-order mark, CRLF line endings) loads like any other."""
    text = "\ufeff" + SESSION.lstrip("\n").replace("\n", "\r\n")
    root = workspace({**minimal, LOG: text.encode("utf-8")})
    ws = mentoring.open_workspace(root, search=False)
    assert ws.problems == ()
    assert ws.cohorts["k1"].logs[0].sessions[0].attended == ("p01", "p02")


def test_bom_and_crlf_problem_lines(problems, minimal):
    """In a BOM + CRLF file, a problem is still placed at the right line."""
    text = "\ufeff" + (SESSION + SESSION.replace('"rina"', '"rena"')).lstrip("\n").replace("\n", "\r\n")
    assert problems({**minimal, LOG: text.encode("utf-8")}) == [
        f'{LOG}:9: error: session.mentor: unknown mentor "rena" (did you mean "rina"?)',
    ]


def test_dangling_link_cannot_be_read(tmp_path, problems, minimal):
    """A log that cannot be read (a link to nothing) is an error naming the file, not a crash."""
    (tmp_path / "cohorts/k1/logs").mkdir(parents=True)
    (tmp_path / "cohorts/k1/logs/gone.toml").symlink_to(tmp_path / "cohorts/k1/logs/nowhere.toml")
    assert problems(minimal) == [
        "cohorts/k1/logs/gone.toml:1: error: cannot be read (No such file or directory)",
    ]


def test_link_outside_the_workspace_is_not_read(tmp_path, tmp_path_factory, problems, minimal):
    """A log that is a link to a file outside the workspace is an error and is not read."""
    outside = tmp_path_factory.mktemp("outside") / "secret.toml"
    outside.write_text(SESSION, encoding="utf-8")
    (tmp_path / "cohorts/k1/logs").mkdir(parents=True)
    (tmp_path / "cohorts/k1/logs/link.toml").symlink_to(outside)
    assert problems(minimal) == [
        "cohorts/k1/logs/link.toml:1: error: is a link to a place outside the workspace; not read",
    ]


def test_deeply_nested_toml_is_an_error(problems, minimal):
    """Arrays nested deeper than the parser can follow are malformed TOML, not a crash."""
    found = problems({**minimal, LOG: "x = " + "[" * 100_000 + "]" * 100_000 + "\n"})
    assert len(found) == 1 and found[0].startswith(f"{LOG}:1: error: malformed TOML")


# --- files and folders --------------------------------------------------------------------------


def test_cohort_folder_without_cohort_file(problems, minimal):
    """A folder under cohorts/ without cohort.toml is an error, even when it holds logs."""
    assert problems({**minimal, "cohorts/k2/logs/rina.toml": SESSION}) == [
        "cohorts/k2/cohort.toml:1: error: cohorts/k2/ has no cohort.toml: a cohort folder needs one",
    ]


def test_curriculum_file_name_must_be_a_slug(problems, minimal):
    """A curriculum's id is its file's stem, so the stem must be a slug."""
    assert problems({**minimal, "curricula/Social Media.toml": 'title = "x"\n'}) == [
        'curricula/Social Media.toml:1: error: "Social Media" is not a valid id: ' + SLUG_RULE,
    ]


def test_cohort_folder_name_must_be_a_slug(problems, minimal):
    """A cohort's id is its folder's name, so the name must be a slug."""
    assert problems({**minimal, "cohorts/K1_2015/cohort.toml": COHORT}) == [
        'cohorts/K1_2015/cohort.toml:1: error: "K1_2015" is not a valid id: ' + SLUG_RULE,
    ]


def test_id_inside_a_curriculum_is_an_error(problems, minimal):
    """A curriculum does not repeat its own id: `id` at its top level is an unknown key, at its line."""
    assert problems({**minimal, CUR: """
        # The social media curriculum
        id = "sosmed"
        title = "Social media mentoring"
    """}) == [f'{CUR}:2: error: unknown key "id" (a curriculum\'s id is its file\'s name)']


def test_id_inside_a_cohort_file_is_an_error(problems, minimal):
    """A cohort.toml does not repeat its own id: `id` at its top level is an unknown key, at its line."""
    assert problems({**minimal, COH: """
        curriculum = "sosmed"
        id = "k1"
        start = 2015-03-01
        end = 2015-03-31
    """}) == [f'{COH}:2: error: unknown key "id" (a cohort\'s id is its folder\'s name)']


def test_logs_inside_a_cohort_file_is_an_error(problems, minimal):
    """Records are not written in cohort.toml: a `logs` key there says where they go."""
    assert problems({**minimal, COH: """
        curriculum = "sosmed"
        start = 2015-03-01
        end = 2015-03-31
        logs = []
    """}) == [f'{COH}:4: error: unknown key "logs" (logs are files under cohorts/k1/logs/)']


def test_only_toml_files_under_logs_are_read(problems, minimal):
    """Files under logs/ that do not end in .toml (notes, backups) are not logs and are not read."""
    assert problems({**minimal, "cohorts/k1/logs/notes.txt": "\x00 not toml", "cohorts/k1/logs/a.toml~": "[["}) == []


# --- log records -------------------------------------------------------------------------------


def test_unknown_record_kind_with_did_you_mean(problems, minimal):
    """A table in a log that is not a record kind is an error at its header, with the near kind."""
    assert problems({**minimal, LOG: SESSION + """
        [[sesion]]
        date = 2015-03-03
    """}) == [
        f'{LOG}:7: error: unknown record kind "sesion" (did you mean "session"?); '
        "a log holds [[session]], [[output]], [[assessment]], [[measurement]], [[action]]",
    ]


def test_records_after_an_unknown_kind_are_still_read(problems, minimal):
    """An unknown record kind does not stop the reading of the kinds after it in the file: the output after
    [[sesion]] is read, and its own problem (a status no one knows, line 8) is found."""
    assert problems({**minimal, LOG: """
        [[sesion]]
        date = 2015-03-03

        [[output]]
        date = 2015-03-03
        participant = "p01"
        kind = "post"
        status = "done"
        title = "t"
    """}) == [
        f'{LOG}:1: error: unknown record kind "sesion" (did you mean "session"?); '
        "a log holds [[session]], [[output]], [[assessment]], [[measurement]], [[action]]",
        f'{LOG}:8: error: output.status: expected one of draft, submitted, returned, accepted, published, got "done"',
    ]


def test_a_log_that_cannot_be_read_keeps_its_path(workspace, minimal):
    """A log that cannot be read (a link to nothing) is still in the cohort, under its own path, with no records."""
    root = workspace(minimal)
    (root / "cohorts/k1/logs").mkdir(parents=True)
    (root / "cohorts/k1/logs/x.toml").symlink_to(root / "cohorts/k1/logs/gone.toml")
    ws, found = load_workspace(root)
    assert [(log.path, log.sessions) for log in ws.cohorts["k1"].logs] == [("cohorts/k1/logs/x.toml", ())]
    assert [p.message for p in found] == ["cannot be read (No such file or directory)"]


def test_record_kind_that_is_not_an_array_of_tables(problems, minimal):
    """`[session]` (one table) or `session = 5` instead of `[[session]]` records is an error at that line;
    single brackets are told how to write the double ones."""
    assert problems({**minimal, LOG: """
        output = 5

        [session]
        date = 2015-03-02
    """}) == [
        f"{LOG}:1: error: output: expected [[output]] records, got 5",
        f"{LOG}:3: error: session: [session] has single brackets: write [[session]], with double brackets, above each one of a list",
    ]


def test_records_that_are_not_tables(problems, minimal):
    """An array of plain values where records belong gives one error per value."""
    assert problems({**minimal, LOG: 'session = [1, "two"]\n'}) == [
        f"{LOG}:1: error: session: expected a table, got 1",
        f'{LOG}:1: error: session: expected a table, got "two"',
    ]


def test_unknown_key_in_a_record_with_did_you_mean(problems, minimal):
    """An unknown key in a record is an error at its own line, with the near key."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-02
        mentor = "rina"
        hours = 2
        atended = ["p01"]
    """}) == [
        f'{LOG}:1: error: session: missing required key "attended"',
        f'{LOG}:5: error: session: unknown key "atended" (did you mean "attended"?)',
    ]


def test_unknown_key_without_a_near_one(problems, minimal):
    """An unknown key with no near key is an error without a guess."""
    assert problems({**minimal, LOG: SESSION.replace("hours = 2", "hours = 2\nweather = \"rain\"")}) == [
        f'{LOG}:5: error: session: unknown key "weather"',
    ]


def test_missing_required_key_is_placed_at_the_record(problems, minimal):
    """A missing key is an error at the header of the record that lacks it (the second one here)."""
    assert problems({**minimal, LOG: SESSION + """
        [[output]]
        date = 2015-03-03
        participant = "p01"
        title = "My first post"
    """}) == [f'{LOG}:7: error: output: missing required key "kind"']


def test_wrong_types_in_a_record(problems, minimal):
    """A string where a date is expected, a string where a number is, a number where a string is and
    where a list of ids is, each an error at its key's line."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = "2015-03-02"
        mentor = 7
        hours = "2"
        attended = ["p01", 2]
        follow_up = "call Dewi"
    """}) == [
        f'{LOG}:2: error: session.date: expected a date such as 2015-03-05 (without quotes), got "2015-03-02"',
        f"{LOG}:3: error: session.mentor: expected a string, got 7",
        f'{LOG}:4: error: session.hours: expected a number, got "2"',
        f"{LOG}:5: error: session.attended[1]: expected a string, got 2",
        f'{LOG}:6: error: session.follow_up: expected a list, got "call Dewi"',
    ]


def test_date_and_time_where_a_date_is_expected(problems, minimal):
    """A date with a time, or a bare time, is not a date."""
    assert problems({**minimal, LOG: """
        [[measurement]]
        date = 2015-03-31T10:00:00
        result = "visitors"
        value = 120

        [[measurement]]
        date = 10:00:00
        result = "visitors"
        value = 120
    """}) == [
        f"{LOG}:2: error: measurement.date: expected a date such as 2015-03-05, got a date and time (2015-03-31T10:00:00)",
        f"{LOG}:7: error: measurement.date: expected a date such as 2015-03-05, got 10:00:00",
    ]


def test_bool_where_a_number_is_expected(problems, minimal):
    """true is not a number, nor a level."""
    assert problems({**minimal, LOG: """
        [[measurement]]
        date = 2015-03-31
        result = "visitors"
        value = true

        [[assessment]]
        date = 2015-03-31
        participant = "p01"
        competency = "facebook"
        level = false
        by = "self"
    """}) == [
        f"{LOG}:4: error: measurement.value: expected a number, got true",
        f"{LOG}:10: error: assessment.level: expected a level number or a level name, got false",
    ]


def test_nan_and_infinity_are_not_numbers(problems, minimal):
    """TOML's nan and inf are no number of hours or value: each is an error asking for a finite number."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-02
        mentor = "rina"
        hours = nan
        attended = []

        [[measurement]]
        date = 2015-03-02
        result = "visitors"
        value = inf
    """}) == [
        f"{LOG}:4: error: session.hours: expected a finite number, got nan",
        f"{LOG}:10: error: measurement.value: expected a finite number, got inf",
    ]


def test_nan_and_infinity_are_no_targets(problems, minimal):
    """A target override of nan or -inf is an error asking for a finite number."""
    assert problems({**minimal, COH: """
        curriculum = "sosmed"
        start = 2015-03-01
        end = 2015-03-31

        [targets]
        posts = nan
        visitors = -inf
    """}) == [
        f"{COH}:6: error: targets.posts: expected a finite number, got nan",
        f"{COH}:7: error: targets.visitors: expected a finite number, got -inf",
    ]


@pytest.mark.parametrize("big", ["1" + "0" * 30, str(2**63)])
def test_number_beyond_64_bits_is_no_number(problems, minimal, big):
    """An integer larger than TOML's 64 bits (2**63 is the first) is not taken as a number (it would overflow later)."""
    assert problems({**minimal, LOG: f"""
        [[measurement]]
        date = 2015-03-02
        result = "visitors"
        value = {big}
    """}) == [f"{LOG}:4: error: measurement.value: expected a number, got {big}"]


def test_a_percentage_above_100_is_refused(problems, minimal):
    """A percentage is at most 100: "100%" is one, "100.5%" is not (conftest's curriculum has 41 lines, then a
    blank line and [completion], so attendance is on line 44)."""
    cur = minimal["curricula/sosmed.toml"] + '\n[completion]\nattendance = "100%"\n'
    assert problems({**minimal, "curricula/sosmed.toml": cur}) == []
    assert problems({**minimal, "curricula/sosmed.toml": cur.replace('"100%"', '"100.5%"')}) == [
        'curricula/sosmed.toml:44: error: completion.attendance: a percentage is 0 to 100, got "100.5%"']


def test_a_cohort_folder_without_its_file(problems, minimal):
    """A folder under cohorts/ with no cohort.toml is an error placed on the file it lacks, at line 1."""
    assert problems({**minimal, "cohorts/k2/logs/a.toml": ""}) == [
        "cohorts/k2/cohort.toml:1: error: cohorts/k2/ has no cohort.toml: a cohort folder needs one"]


def test_unknown_status_with_did_you_mean(problems, minimal):
    """An output's status is one of the five; a misspelt one is an error with the near status."""
    assert problems({**minimal, LOG: """
        [[output]]
        date = 2015-03-03
        participant = "p01"
        kind = "post"
        title = "My first post"
        status = "acepted"
    """}) == [
        f'{LOG}:6: error: output.status: expected one of draft, submitted, returned, accepted, published, '
        'got "acepted" (did you mean "accepted"?)',
    ]


def test_broken_record_is_left_out_and_the_next_keeps_its_line(problems, minimal):
    """A record that does not structure is left out, and a problem in a later record of the same
    kind is still placed at that later record's line."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-02
        hours = 2
        attended = []

        [[session]]
        date = 2015-03-03
        mentor = "p01"
        hours = 2
        attended = []
    """}) == [
        f'{LOG}:1: error: session: missing required key "mentor"',
        f'{LOG}:8: error: session.mentor: "p01" is a participant, not a facilitator or mentor',
    ]


def test_record_kinds_in_any_order_and_mixed(workspace, minimal):
    """A log holds any mix of record kinds in any order; each keeps its place in the file."""
    root = workspace({**minimal, LOG: """
        [[output]]
        date = 2015-03-03
        participant = "p01"
        kind = "post"
        title = "First"

        [[session]]
        date = 2015-03-02
        mentor = "rina"
        hours = 2
        attended = ["p01"]

        [[output]]
        date = 2015-03-04
        participant = "p02"
        kind = "article"
        title = "Second"
        status = "draft"
    """})
    ws, found = load_workspace(root)
    assert found == []
    (log,) = ws.cohorts["k1"].logs
    assert [o.title for o in log.outputs] == ["First", "Second"]
    assert [o.status for o in log.outputs] == [model.Status.SUBMITTED, model.Status.DRAFT]
    assert len(log.sessions) == 1


def test_action_records_keep_what_each_record_gives(workspace, minimal):
    """An [[action]] record structures with the keys it gives and None for the rest (a key left out keeps
    the earlier record's value), so an update is told from a record that clears a value (`results = []`)."""
    root = workspace({**minimal, "cohorts/k1/logs/actions.toml": """
        [[action]]
        id = "more-posts"
        date = 2015-03-10
        text = "Each cadre posts twice a week"
        owner = "rina"
        due = 2015-03-24
        results = ["posts"]
        cause = "Cadres wait for the mentor"

        [[action]]
        id = "more-posts"
        date = 2015-03-20
        results = []
        status = "dropped"
    """})
    ws, found = load_workspace(root)
    assert found == []
    (log,) = ws.cohorts["k1"].logs
    opened, update = log.actions
    assert opened == model.Action("more-posts", dt.date(2015, 3, 10), text="Each cadre posts twice a week", owner="rina",
                                  due=dt.date(2015, 3, 24), results=("posts",), cause="Cadres wait for the mentor")
    assert opened.status is None and opened.notes is None
    assert update == model.Action("more-posts", dt.date(2015, 3, 20), results=(), status=model.ActionStatus.DROPPED)
    assert update.text is None and update.owner is None and update.due is None


def test_result_type_baseline_date_rollup_and_sex(workspace, minimal):
    """The keys of periods, rollups and breakdowns structure into the model; left out, type is output,
    and baseline date, rollup and sex are None (not recorded)."""
    root = workspace({**minimal, CUR: """
        title = "t"

        [[results]]
        id = "followers"
        statement = "s"
        measure = "reported"
        target = 500
        baseline = 350
        baseline_date = 2014-12-31
        type = "outcome"
        rollup = "max"

        [[results]]
        id = "sessions"
        statement = "s"
        measure = "sessions"
        target = 4
    """, COH: """
        curriculum = "sosmed"
        start = 2015-03-01
        end = 2015-03-31

        [[people]]
        id = "p01"
        name = "Aminah"
        role = "participant"
        sex = "female"

        [[people]]
        id = "p02"
        name = "Budi"
        role = "participant"
    """})
    ws, found = load_workspace(root)
    assert found == []
    followers, sessions = ws.curricula["sosmed"].results
    assert (followers.type, followers.baseline_date, followers.rollup) == (
        model.ResultType.OUTCOME, dt.date(2014, 12, 31), model.Rollup.MAX)
    assert (sessions.type, sessions.baseline_date, sessions.rollup) == (model.ResultType.OUTPUT, None, None)
    assert [p.sex for p in ws.cohorts["k1"].people] == [model.Sex.FEMALE, None]


# --- cohort.toml ------------------------------------------------------------------------------


def test_cohort_wrong_types_and_unknown_keys(problems, minimal):
    """Every structuring problem of a cohort.toml is reported, each at its line."""
    assert problems({**minimal, COH: """
        curriculum = "sosmed"
        start = "2015-03-01"
        end = 2015-03-31
        titel = "Sosmed 2015"
        funder = 2015

        [[people]]
        id = "p01"
        role = "participant"
        joined = 2015-03-02
        left = "2015-03-20"
    """}) == [
        f'{COH}:2: error: start: expected a date such as 2015-03-05 (without quotes), got "2015-03-01"',
        f'{COH}:4: error: unknown key "titel" (did you mean "title"?)',
        f"{COH}:5: error: funder: expected a string, got 2015",
        f'{COH}:7: error: people: missing required key "name"',
        f'{COH}:11: error: people.left: expected a date such as 2015-03-05 (without quotes), got "2015-03-20"',
    ]


def test_unknown_role_with_did_you_mean(problems, minimal):
    """A person's role is one of the six; a misspelt one is an error with the near role."""
    assert problems({**minimal, COH: """
        curriculum = "sosmed"
        start = 2015-03-01
        end = 2015-03-31

        [[people]]
        id = "rina"
        name = "Rina"
        role = "mentr"
    """}) == [
        f"{COH}:8: error: people.role: expected one of participant, mentor, facilitator, implementer, "
        'coordinator, observer, got "mentr" (did you mean "mentor"?)',
    ]


def test_people_must_be_an_array_of_tables(problems, minimal):
    """`[people]` (one table) instead of `[[people]]` records is an error at its header."""
    assert problems({**minimal, COH: """
        curriculum = "sosmed"
        start = 2015-03-01
        end = 2015-03-31

        [people]
        id = "rina"
    """}) == [f"{COH}:5: error: people: expected [[people]] tables (two brackets), got a table"]


def test_target_override_that_is_no_number(problems, minimal):
    """A target override is a number or a percentage; anything else is an error at its key."""
    assert problems({**minimal, COH: """
        curriculum = "sosmed"
        start = 2015-03-01
        end = 2015-03-31

        [targets]
        posts = "ten"
        visitors = "150%"
    """}) == [
        f'{COH}:6: error: targets.posts: expected a number or a percentage such as "75%", got "ten"',
        f'{COH}:7: error: targets.visitors: a percentage is 0 to 100, got "150%"',
    ]


# --- curriculum -------------------------------------------------------------------------------


def test_curriculum_wrong_types_unknown_keys_and_enums(problems):
    """Every structuring problem of a curriculum is reported, each at its line: unknown keys with
    the near key, a number where a string is expected, a string where a number is, a number where a
    bool is, a bool where an int is, an unknown status and an unknown measure with the near one."""
    assert problems({CUR: """
        titel = "Social media mentoring"
        language = 5

        [[modules]]
        id = "m1"
        title = "Basics"
        hours = "3"
        sumary = "The first steps"

        [[assignments]]
        id = "a1"
        title = "First post"
        required = 1
        due_day = true
        min_status = "acceptd"

        [[results]]
        id = "posts"
        statement = "Posts accepted"
        measure = "output"
        target = 10
    """}) == [
        f'{CUR}:1: error: missing required key "title"',
        f'{CUR}:1: error: unknown key "titel" (did you mean "title"?)',
        f"{CUR}:2: error: language: expected a string, got 5",
        f'{CUR}:7: error: modules.hours: expected a number, got "3"',
        f'{CUR}:8: error: modules: unknown key "sumary" (did you mean "summary"?)',
        f"{CUR}:13: error: assignments.required: expected true or false, got 1",
        f"{CUR}:14: error: assignments.due_day: expected a whole number, got true",
        f"{CUR}:15: error: assignments.min_status: expected one of draft, submitted, returned, accepted, "
        'published, got "acceptd" (did you mean "accepted"?)',
        f"{CUR}:20: error: results.measure: expected one of participants, outputs, sessions, hours, "
        'attendance, cadence, reported, got "output" (did you mean "outputs"?)',
    ]


def test_curriculum_nested_tables(problems):
    """Problems inside [completion] and inline tables are placed at the key's line, with did you mean."""
    assert problems({CUR: """
        title = "Social media mentoring"

        [completion]
        assignments = "all"
        atendance = "80%"
        competencies = { facebook = 1.5 }
    """}) == [
        f'{CUR}:4: error: completion.assignments: expected "required" or a list of assignment ids, got "all"',
        f'{CUR}:5: error: completion: unknown key "atendance" (did you mean "attendance"?)',
        f"{CUR}:6: error: completion.competencies.facebook: expected a level number or a level name, got 1.5",
    ]


def test_result_missing_keys_and_bad_target(problems):
    """A result needs id, statement, measure and target; a target is a number or a percentage."""
    assert problems({CUR: """
        title = "Social media mentoring"

        [[results]]
        id = "posts"
        measure = "outputs"
        target = "many"
    """}) == [
        f'{CUR}:3: error: results: missing required key "statement"',
        f'{CUR}:6: error: results.target: expected a number or a percentage such as "75%", got "many"',
    ]


def test_competency_levels_must_be_strings(problems):
    """A competency's scale is a list of names."""
    assert problems({CUR: """
        title = "Social media mentoring"

        [[competencies]]
        id = "facebook"
        title = "Managing the page"
        levels = [0, 1, 2]
    """}) == [
        f"{CUR}:6: error: competencies.levels[0]: expected a string, got 0",
        f"{CUR}:6: error: competencies.levels[1]: expected a string, got 1",
        f"{CUR}:6: error: competencies.levels[2]: expected a string, got 2",
    ]


# --- isolation ---------------------------------------------------------------------------------


def test_one_broken_cohort_does_not_stop_another(problems, minimal):
    """A cohort whose cohort.toml is malformed does not stop another cohort from loading and being checked."""
    assert problems({
        **minimal,
        "cohorts/k0/cohort.toml": 'curriculum = "sosmed\n',
        "cohorts/k1/logs/rina.toml": SESSION.replace('"p02"', '"p03"'),
    }) == [
        'cohorts/k0/cohort.toml:1: error: malformed TOML: the string opened on this line is not closed on the line where it starts (a closing " is missing)',
        f'{LOG}:5: error: session.attended: unknown participant "p03" (did you mean "p02"?)',
    ]


def test_broken_curriculum_does_not_stop_other_curricula_or_cohorts(problems, minimal):
    """A curriculum with errors stops only its own cohorts' checks; other curricula and cohorts are checked."""
    assert problems({
        **minimal,
        "curricula/other.toml": 'titel = "Other"\n',
        "cohorts/k2/cohort.toml": 'curriculum = "other"\nstart = 2015-03-01\nend = 2015-02-01\n',
        "cohorts/k1/logs/rina.toml": SESSION.replace("hours = 2", "hours = 0"),
    }) == [
        f"{LOG}:4: error: session.hours: must be more than 0, got 0",
        'curricula/other.toml:1: error: missing required key "title"',
        'curricula/other.toml:1: error: unknown key "titel" (did you mean "title"?)',
    ]


def test_load_only_named_cohorts(workspace, minimal):
    """load_workspace with cohort ids loads only those cohorts (and every curriculum)."""
    root = workspace({**minimal, "cohorts/k2/cohort.toml": "[["})
    ws, found = load_workspace(root, ["k1"])
    assert list(ws.cohorts) == ["k1"] and list(ws.curricula) == ["sosmed"] and found == []


# --- placing problems ---------------------------------------------------------------------------


def test_key_lines_counts_arrays_of_tables_and_dotted_keys():
    """key_lines finds headers by their index in an array of tables, and keys, dotted or quoted."""
    lines = key_lines(
        '[[session]]\n'          # 1
        'date = 2015-03-02\n'    # 2
        '\n'                     # 3
        '[[session]]  # two\n'   # 4
        '"mentor" = "rina"\n'    # 5
        '[completion]\n'         # 6
        'competencies.facebook = 1\n'  # 7
    )
    assert lines[("session",)] == 1
    assert lines[("session", 0)] == 1
    assert lines[("session", 0, "date")] == 2
    assert lines[("session", 1)] == 4
    assert lines[("session", 1, "mentor")] == 5
    assert lines[("completion",)] == 6
    assert lines[("completion", "competencies", "facebook")] == 7


def test_lines_inside_multiline_basic_strings_are_not_keys(problems, minimal):
    """A `key = ` or `[[session]]` line inside notes written as a \"\"\" string (even after an escaped
    quote) does not move a later problem off its line."""
    assert problems({**minimal, LOG: r'''
        [[session]]
        date = 2015-03-02
        notes = """
        Agenda:
        mentor = who leads next time? \"""
        [[session]]
        """
        mentor = "p01"
        hours = 2
        attended = []

        [[session]]
        date = 2015-03-03
        mentor = "p01"
        hours = 2
        attended = []
    '''}) == [
        f'{LOG}:8: error: session.mentor: "p01" is a participant, not a facilitator or mentor',
        f'{LOG}:14: error: session.mentor: "p01" is a participant, not a facilitator or mentor',
    ]


def test_lines_inside_multiline_literal_strings_are_not_keys(problems, minimal):
    """The same for ''' strings, and for multi-line strings inside an array."""
    assert problems({**minimal, LOG: r"""
        [[session]]
        date = 2015-03-02
        follow_up = ['''call Dewi
        [[session]]
        hours = 2''', "and"]
        mentor = "p01"
        hours = 2
        attended = []
    """}) == [f'{LOG}:6: error: session.mentor: "p01" is a participant, not a facilitator or mentor']


def test_unicode_line_separators_in_strings_do_not_shift_lines(problems, minimal):
    """U+2028 and NEL inside a string (text pasted from a word processor) are not new lines for TOML, nor for the line of a problem."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-02
        notes = "first\u2028second\x85third"
        mentor = "p01"
        hours = 2
        attended = []
    """}) == [f'{LOG}:4: error: session.mentor: "p01" is a participant, not a facilitator or mentor']


def test_problem_in_a_nested_array_of_tables_header(problems):
    """A curriculum written with dotted keys and headers still places problems at the right line."""
    assert problems({CUR: """
        title = "Social media mentoring"
        completion.attendance = 75
    """}) == [f'{CUR}:2: error: completion.attendance: expected a percentage such as "75%", got 75']


# --- finding the workspace -----------------------------------------------------------------------


def test_find_workspace_is_the_nearest_folder_up_with_cohorts(tmp_path, monkeypatch):
    """The library finds the nearest folder at or above the start holding cohorts/, and never reads
    MENTORING_WORKSPACE (only the command line does)."""
    (tmp_path / "ws/cohorts/k1/logs").mkdir(parents=True)
    monkeypatch.setenv("MENTORING_WORKSPACE", str(tmp_path / "env"))
    assert mentoring.find_workspace(tmp_path / "ws/cohorts/k1/logs") == (tmp_path / "ws").resolve()
    assert mentoring.find_workspace(str(tmp_path / "ws")) == (tmp_path / "ws").resolve()


def test_find_workspace_fails_when_nothing_holds_curricula_or_cohorts(no_workspace_above):
    """No folder at or above the start with curricula/ or cohorts/ is a UsageError that says what a workspace is."""
    (no_workspace_above / "docs").mkdir()
    with pytest.raises(mentoring.UsageError, match="a workspace is a folder holding curricula/ or cohorts/"):
        mentoring.find_workspace(no_workspace_above / "docs")



def test_a_quantity_goes_back_to_toml_as_written():
    """The converter's way back writes a count as its number and a percentage as a string, in full (never in
    exponent form), so that structuring it again gives the same Quantity (with a converter built anew: its
    hooks are set when the module is imported)."""
    from conftest import fresh_import

    from mentoring.model import Quantity

    converter = fresh_import("mentoring.loader").converter

    assert converter.unstructure(Quantity(10.0)) == 10.0
    assert converter.unstructure(Quantity(75.0, percent=True)) == "75.0%"
    assert converter.unstructure(Quantity(1e-07, percent=True)) == "0.0000001%"
    for quantity in (Quantity(10.0), Quantity(75.0, percent=True), Quantity(1e-07, percent=True)):
        assert converter.structure(converter.unstructure(quantity), Quantity) == quantity


def test_completion_names_the_required_assignments_or_a_list(workspace, minimal):
    """`assignments = "required"` in [completion] is kept as that word; a list as the ids it names."""
    for written, read in [('"required"', "required"), ('["a1"]', ("a1",))]:
        root = workspace({**minimal, "curricula/sosmed.toml": minimal["curricula/sosmed.toml"] + f"\n[completion]\nassignments = {written}\n"})
        ws, found = load_workspace(root)
        assert found == [] and ws.curricula["sosmed"].completion.assignments == read


def test_a_value_quoted_in_a_message_keeps_its_letters(problems, minimal):
    """A wrong value is quoted as written, letters beyond ASCII included (not as \\u escapes)."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-02
        mentor = "rina"
        hours = "dua jam, café"
        attended = []
    """}) == [f'{LOG}:4: error: session.hours: expected a number, got "dua jam, café"']


def test_decode_knows_both_utf16_byte_orders_and_counts_a_leading_newline():
    """UTF-16 in either byte order (FF FE little-endian, FE FF big-endian) is named as such; a bad byte
    after a first line that is empty is on line 2 (one newline before it, at offset 0)."""
    from mentoring.loader import decode

    for raw in ("x = 1\n".encode("utf-16-le"), "x = 1\n".encode("utf-16-be")):
        bom = b"\xff\xfe" if raw == "x = 1\n".encode("utf-16-le") else b"\xfe\xff"
        assert [(p.message, p.line) for p in decode("a.toml", bom + raw)[1]] == [
            ("is UTF-16 text, not UTF-8 (save it again as UTF-8)", 1)]
    assert [(p.message, p.line) for p in decode("a.toml", b"\nx = \xe9\n")[1]] == [
        ("is not UTF-8 text (was it saved in another encoding? save it again as UTF-8)", 2)]
