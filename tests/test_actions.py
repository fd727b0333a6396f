"""Follow-up actions, the reflection sheet and what is due, worked out by hand from inline TOML.

The workspace is conftest's minimal programme: cohort k1 runs 2015-03-01 to 2015-03-31 (30 days
from start to end); participants p01 "Aminah" and p02 "Dewi" (who leaves on 2015-03-20); rina
"Rina" a mentor, imp "Yusuf" an implementer, obs "Tono" an observer. Its curriculum promises
`posts` (10 accepted outputs, due at the end) and `visitors` (reported, 100); assignment a1 is
required and has no due day. Each test adds the logs (and people or assignments) it needs.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import COHORT, CURRICULUM

import mentoring
from mentoring.model import ActionStatus

ACTIONS = "cohorts/k1/logs/actions.toml"
D = dt.date


def day(n: int) -> dt.date:
    """2015-03-n."""
    return dt.date(2015, 3, n)


def open_ws(workspace, files):
    """The minimal workspace with files laid over it, opened, and checked to hold no error."""
    ws = mentoring.open_workspace(workspace({"curricula/sosmed.toml": CURRICULUM, "cohorts/k1/cohort.toml": COHORT, **files}))
    assert not ws.errors, [mentoring.format_problem(p) for p in ws.errors]
    return ws


def states(ws, as_of) -> dict:
    """The actions of k1 as of a date, by id."""
    return {a.id: a for a in ws.actions("k1", as_of).actions}


# --- an action's life ------------------------------------------------------------------------------

LIFE = """
[[action]]
id = "rota"
date = 2015-03-05
text = "Agree a weekly posting rota"
owner = "rina"
due = 2015-03-12
results = ["posts"]
cause = "No one knew whose turn it was to post"

[[action]]
id = "rota"
date = 2015-03-10
due = 2015-03-19

[[action]]
id = "rota"
date = 2015-03-15
owner = "p01"

[[action]]
id = "rota"
date = 2015-03-18
status = "done"

[[action]]
id = "open-day"
date = 2015-03-06
text = "Invite the district office to the open day"
owner = "imp"
due = 2015-03-25
results = ["visitors"]

[[action]]
id = "open-day"
date = 2015-03-16
status = "dropped"
notes = "The district office is closed all month"
"""


def test_an_action_is_opened_moved_reassigned_and_done(workspace):
    """Each later record replaces only the keys it gives: rota is opened (rina, due 03-12), moved to
    03-19 on 03-10, given to Aminah on 03-15 and done on 03-18; its text, results and cause stay."""
    ws = open_ws(workspace, {ACTIONS: LIFE})
    assert "rota" not in states(ws, day(4))  # not opened yet
    on = {n: states(ws, day(n))["rota"] for n in (9, 10, 15, 18)}
    assert (on[9].owner, on[9].due, on[9].status) == ("rina", day(12), ActionStatus.OPEN)
    assert (on[10].owner, on[10].due, on[10].status) == ("rina", day(19), ActionStatus.OPEN)
    assert (on[15].owner, on[15].owner_name, on[15].due) == ("p01", "Aminah", day(19))
    assert on[18].status is ActionStatus.DONE
    for state in on.values():
        assert state.text == "Agree a weekly posting rota"
        assert state.results == ("posts",) and state.cause == "No one knew whose turn it was to post"
        assert state.opened == day(5)
    assert [on[n].updated for n in (9, 10, 15, 18)] == [day(5), day(10), day(15), day(18)]
    # Done on 03-18, due 03-19: as of 03-25 it is past due but done, so not overdue.
    assert not states(ws, day(25))["rota"].overdue


def test_a_dropped_action_is_never_overdue(workspace):
    """open-day (due 03-25) is dropped on 03-16 with notes: as of 03-30 it is dropped, not overdue;
    as of 03-15 it was still open, and not yet due."""
    ws = open_ws(workspace, {ACTIONS: LIFE})
    before, after = states(ws, day(15))["open-day"], states(ws, day(30))["open-day"]
    assert (before.status, before.overdue, before.notes) == (ActionStatus.OPEN, False, None)
    assert (after.status, after.overdue, after.notes) == (ActionStatus.DROPPED, False, "The district office is closed all month")
    assert [a.id for a in ws.actions("k1", day(30), open_only=True).actions] == []
    assert [a.id for a in ws.actions("k1", day(15), open_only=True).actions] == ["rota", "open-day"]


def test_overdue_on_the_day_after_due_not_on_due(workspace):
    """An open action due 03-12 is not overdue as of 03-12 and is as of 03-13 (due before as-of)."""
    ws = open_ws(workspace, {ACTIONS: '[[action]]\nid = "x"\ndate = 2015-03-05\ntext = "Do it"\ndue = 2015-03-12\n'})
    assert [states(ws, day(n))["x"].overdue for n in (11, 12, 13)] == [False, False, True]
    assert ws.actions("k1", day(13)).overdue == 1


def test_records_on_the_same_date_are_read_by_file_name_then_line(workspace):
    """On 03-10 b.toml sets owner imp and a.toml owner obs, and a.toml's later line sets rina: the
    order of outputs is a.toml line 1, a.toml line 2, b.toml, so imp wins, whatever was written last."""
    ws = open_ws(workspace, {
        "cohorts/k1/logs/b.toml": '[[action]]\nid = "x"\ndate = 2015-03-10\nowner = "imp"\n',
        "cohorts/k1/logs/a.toml": ('[[action]]\nid = "x"\ndate = 2015-03-10\ntext = "Do it"\nowner = "obs"\n\n'
                                   '[[action]]\nid = "x"\ndate = 2015-03-10\nowner = "rina"\n'),
    })
    assert states(ws, day(10))["x"].owner == "imp"


def test_actions_are_listed_by_the_date_opened_then_as_outputs_are(workspace):
    """z opened 03-04 (b.toml); y and x both 03-05, y in a.toml and x in b.toml: z, y, x. An update
    of z on 03-09 does not move it, and a record after the as-of date is left out."""
    ws = open_ws(workspace, {
        "cohorts/k1/logs/b.toml": ('[[action]]\nid = "x"\ndate = 2015-03-05\ntext = "X"\n\n'
                                   '[[action]]\nid = "z"\ndate = 2015-03-04\ntext = "Z"\n\n'
                                   '[[action]]\nid = "z"\ndate = 2015-03-09\nstatus = "done"\n'),
        "cohorts/k1/logs/a.toml": '[[action]]\nid = "y"\ndate = 2015-03-05\ntext = "Y"\n',
    })
    assert [a.id for a in ws.actions("k1", day(9)).actions] == ["z", "y", "x"]
    assert states(ws, day(8))["z"].status is ActionStatus.OPEN


# --- the reflection sheet ----------------------------------------------------------------------

PLAN = """
[[action]]
id = "invite"
date = 2015-03-04
text = "Invite the district office"
results = ["visitors"]
cause = "The open day was not announced"
status = "done"

[[action]]
id = "rota"
date = 2015-03-05
text = "Agree a weekly posting rota"
owner = "rina"
due = 2015-03-12
results = ["posts"]
cause = "No one knew whose turn it was to post"

[[action]]
id = "photos"
date = 2015-03-06
text = "Take photos at every activity"
owner = "p01"
results = ["posts", "visitors"]

[[action]]
id = "board"
date = 2015-03-07
text = "Report to the board"
"""


def test_reflection_lists_under_each_result_its_causes_and_actions(workspace):
    """posts: actions rota (03-05) and photos (03-06), one cause (photos gives none); visitors:
    invite (03-04, done) and photos, one cause; board names no result, so it stands apart.
    posts as of 03-10: 0 of 10, elapsed 9/30 so 3 expected: behind, gap 10."""
    ws = open_ws(workspace, {ACTIONS: PLAN})
    sheet = ws.reflect("k1", "2015-03-10")
    posts, visitors = sheet.results
    assert (posts.figures.id, posts.figures.actual, posts.figures.gap, posts.figures.status) == ("posts", 0, 10, "behind")
    assert [a.id for a in posts.actions] == ["rota", "photos"]
    assert posts.causes == ("No one knew whose turn it was to post",)
    assert [a.id for a in visitors.actions] == ["invite", "photos"]
    assert visitors.causes == ("The open day was not announced",)
    assert [a.id for a in sheet.other_actions] == ["board"]
    assert [r.figures.id for r in ws.reflect("k1", "2015-03-05").results[1:]] == ["visitors"]
    assert [a.id for a in ws.reflect("k1", "2015-03-05").results[0].actions] == ["rota"]  # photos not yet opened


def test_the_reflection_sheet_is_headed_by_the_cohorts_title_status_and_facts(workspace):
    """The sheet names the cohort's title (conftest's k1 has none, so the one given here, "Batch 1"),
    its status on 03-10 (running: 03-01 to 03-31) and the report header's facts (its curriculum's title)."""
    ws = open_ws(workspace, {ACTIONS: PLAN, "cohorts/k1/cohort.toml": COHORT.replace('curriculum = "sosmed"', 'curriculum = "sosmed"\ntitle = "Batch 1"')})
    sheet = ws.reflect("k1", "2015-03-10")
    assert (sheet.cohort, sheet.title, sheet.as_of, sheet.status.value) == ("k1", "Batch 1", dt.date(2015, 3, 10), "running")
    assert sheet.about is not None and sheet.about.curriculum_title == "Social media mentoring"


# --- what is due -------------------------------------------------------------------------------


def due(ws, as_of, kind=None, cohorts=None, **options) -> list[tuple]:
    """The due items as (cohort, kind, who, id, due, days_late), of one kind when asked."""
    listing = ws.due(cohorts, as_of, **options)
    return [(i.cohort, i.kind.value, i.who, i.ref, i.due, i.days_late) for i in listing.items if kind in (None, i.kind)]


def test_an_open_action_is_due_up_to_within_days_ahead(workspace):
    """As of 03-15 with --within 14 the horizon is 03-29: soon (03-29, 14 days ahead) is listed, far
    (03-30) only with --within 15; done and undated actions never are."""
    ws = open_ws(workspace, {ACTIONS: """
        [[action]]
        id = "soon"
        date = 2015-03-02
        text = "Soon"
        owner = "rina"
        due = 2015-03-29

        [[action]]
        id = "far"
        date = 2015-03-02
        text = "Far"
        due = 2015-03-30

        [[action]]
        id = "finished"
        date = 2015-03-02
        text = "Finished"
        due = 2015-03-03
        status = "done"

        [[action]]
        id = "undated"
        date = 2015-03-02
        text = "Some day"
        """})
    assert due(ws, day(15), "action") == [("k1", "action", "rina", "soon", day(29), -14)]
    assert due(ws, day(15), "action", within=15) == [
        ("k1", "action", "rina", "soon", day(29), -14), ("k1", "action", None, "far", day(30), -15)]
    assert due(ws, day(15), "action", within=0) == []


def test_actions_are_due_in_an_ended_cohort_and_nothing_else_is(workspace):
    """As of 04-02 k1 has ended (end 03-31): the open action due 04-01 is listed, 1 day late, while
    posts (missed anyway) and the silent mentor (last session 03-02) are not."""
    ws = open_ws(workspace, {
        ACTIONS: '[[action]]\nid = "report"\ndate = 2015-03-30\ntext = "Write the report"\ndue = 2015-04-01\n',
        "cohorts/k1/logs/rina.toml": '[[session]]\ndate = 2015-03-02\nmentor = "rina"\nhours = 1\nattended = ["p01", "p02"]\n',
    })
    assert due(ws, D(2015, 4, 2)) == [("k1", "action", None, "report", D(2015, 4, 1), 1)]


ASSIGNMENTS = CURRICULUM + """
[[assignments]]
id = "a2"
title = "Second post"
output = "post"
due_day = 20

[[assignments]]
id = "extra"
title = "A video"
required = false
due_day = 5
"""

A2_DONE = """
[[output]]
date = 2015-03-06
participant = "p01"
kind = "post"
title = "Second"
assignment = "a2"
status = "accepted"
"""


def test_an_assignment_not_done_is_due_up_to_within_days_ahead(workspace):
    """a2 is due on day 20, 03-21. As of 03-07 the horizon is 03-21, so a2 is listed for each
    enrolled participant who has not done it (-14 days); as of 03-06 it is not yet. Aminah's
    accepted post for a2 (03-06) takes her off; `extra` is optional and a1 has no due day, so
    neither is ever listed. Dewi left on 03-20: as of 03-20 she is no longer listed."""
    files = {"curricula/sosmed.toml": ASSIGNMENTS}
    ws = mentoring.open_workspace(workspace({"curricula/sosmed.toml": ASSIGNMENTS, "cohorts/k1/cohort.toml": COHORT}))
    assert not ws.errors
    assert due(ws, day(7), "assignment") == [
        ("k1", "assignment", "p01", "a2", day(21), -14), ("k1", "assignment", "p02", "a2", day(21), -14)]
    assert due(ws, day(6), "assignment") == []
    assert due(ws, day(20), "assignment") == [("k1", "assignment", "p01", "a2", day(21), -1)]
    ws = open_ws(workspace, {**files, "cohorts/k1/logs/p01.toml": A2_DONE})
    assert due(ws, day(7), "assignment") == [("k1", "assignment", "p02", "a2", day(21), -14)]


JOINER = COHORT + """
[[people]]
id = "p03"
name = "Sari"
role = "participant"
joined = 2015-03-10
"""

#: Sessions expecting everyone enrolled that day: 03-10 is Sari's joining day (she is expected),
#: 03-20 Dewi's leaving day (she is not).
ATTENDANCE = """
[[session]]
date = 2015-03-02
mentor = "rina"
hours = 1
attended = ["p01", "p02"]

[[session]]
date = 2015-03-05
mentor = "rina"
hours = 1
attended = ["p02"]

[[session]]
date = 2015-03-10
mentor = "rina"
hours = 1
attended = ["p01"]

[[session]]
date = 2015-03-12
mentor = "rina"
hours = 1
attended = []

[[session]]
date = 2015-03-20
mentor = "rina"
hours = 1
attended = ["p01", "p03"]
"""


def test_absent_after_missing_the_last_sessions_that_expected_them(workspace):
    """As of 03-12 with --missed 2: Aminah came on 03-10, not absent; Dewi missed 03-10 and 03-12;
    Sari joined on 03-10, so the session that day expected her, and she missed both: absent, due
    03-12 (the later session), 0 days late. With --missed 3 Dewi came on 03-05, and Sari was
    expected at only two sessions: no one is absent."""
    ws = open_ws(workspace, {"cohorts/k1/cohort.toml": JOINER, "cohorts/k1/logs/rina.toml": ATTENDANCE})
    assert due(ws, day(12), "absent") == [("k1", "absent", "p02", None, day(12), 0), ("k1", "absent", "p03", None, day(12), 0)]
    items = [i for i in ws.due(None, day(12)).items if i.kind == "absent"]
    assert items[1].what == "Sari attended none of the last 2 sessions, from 2015-03-10 to 2015-03-12"
    assert due(ws, day(12), "absent", missed=3) == []


def test_absent_ends_on_the_leaving_day(workspace):
    """As of 03-19 Dewi and Sari are absent (7 days since 03-12). As of 03-20, Dewi's leaving day,
    she is no longer enrolled; the session that day did not expect her, and Sari came to it."""
    ws = open_ws(workspace, {"cohorts/k1/cohort.toml": JOINER, "cohorts/k1/logs/rina.toml": ATTENDANCE})
    assert due(ws, day(19), "absent") == [("k1", "absent", "p02", None, day(12), 7), ("k1", "absent", "p03", None, day(12), 7)]
    assert due(ws, day(20), "absent") == []


def test_a_session_with_its_own_expected_list_counts_only_for_those_it_names(workspace):
    """When 03-12 expects only Dewi: her last two are 03-10 and 03-12, both missed: absent. Sari was
    expected only on 03-10 (one session): not absent; Aminah's last two are 03-05 and 03-10 (came)."""
    explicit = ATTENDANCE.replace("attended = []", 'attended = []\nexpected = ["p02"]')
    ws = open_ws(workspace, {"cohorts/k1/cohort.toml": JOINER, "cohorts/k1/logs/rina.toml": explicit})
    assert due(ws, day(12), "absent") == [("k1", "absent", "p02", None, day(12), 0)]


SILENCE = """
[[session]]
date = 2015-03-02
mentor = "rina"
hours = 1
attended = ["p01"]

[[session]]
date = 2015-03-10
mentor = "rina"
hours = 1
attended = ["p01"]
"""


def test_a_mentor_is_silent_after_so_many_days_while_the_cohort_runs(workspace):
    """Rina's last session is 03-10. With --silent 21 she is due 03-31: not yet silent as of 03-30,
    silent as of 03-31 (the cohort's last day, 0 days late), and not listed as of 04-01, the cohort
    having ended. With --silent 20 she is silent as of 03-30. The implementer, who holds no
    session, never is."""
    ws = open_ws(workspace, {"cohorts/k1/logs/rina.toml": SILENCE})
    assert due(ws, day(30), "silent") == []
    assert due(ws, day(31), "silent") == [("k1", "silent", "rina", None, day(31), 0)]
    assert due(ws, D(2015, 4, 1), "silent") == []
    assert due(ws, day(30), "silent", silent=20) == [("k1", "silent", "rina", None, day(30), 0)]
    assert [i.what for i in ws.due(None, day(31)).items if i.kind == "silent"] == ["Rina has held no session since 2015-03-10"]


def test_a_mentor_who_has_left_is_not_silent(workspace):
    """Fatma, a facilitator, held a session on 03-02 and leaves on 03-25: with --silent 21 she is due
    03-23, so 1 day late as of 03-24, and no longer listed as of 03-25, her leaving day."""
    cohort = COHORT + '\n[[people]]\nid = "fatma"\nname = "Fatma"\nrole = "facilitator"\nleft = 2015-03-25\n'
    session = '[[session]]\ndate = 2015-03-02\nmentor = "fatma"\nhours = 1\nattended = ["p01"]\n'
    ws = open_ws(workspace, {"cohorts/k1/cohort.toml": cohort, "cohorts/k1/logs/fatma.toml": session})
    assert due(ws, day(24), "silent") == [("k1", "silent", "fatma", None, day(23), 1)]
    assert due(ws, day(25), "silent") == []


def _posts(n: int) -> str:
    return "".join(f'[[output]]\ndate = 2015-03-0{k + 1}\nparticipant = "p01"\nkind = "post"\ntitle = "Post {k}"\n'
                   f'status = "accepted"\n\n' for k in range(n))


def test_a_result_behind_is_due_on_its_due_date(workspace):
    """As of 03-16, 15 of 30 days have elapsed, so posts (target 10) expects 5: with 4 accepted posts
    it is behind, due 03-31, 15 days ahead (-15); with 5 it is on track and not listed. visitors has
    no measurement yet: on track, never listed. As of 03-31 posts with 4 is missed, not behind."""
    ws = open_ws(workspace, {"cohorts/k1/logs/p01.toml": _posts(4)})
    assert due(ws, day(16), "result") == [("k1", "result", None, "posts", day(31), -15)]
    assert due(ws, day(31), "result") == []
    ws = open_ws(workspace, {"cohorts/k1/logs/p01.toml": _posts(5)})
    assert due(ws, day(16), "result") == []


def test_due_items_are_ordered_by_date_cohort_kind_who_and_id(workspace):
    """On 03-18: k1's mm, then k2's bb; on 03-20 k1's zz (no owner) before aa (rina): who null
    first, whatever the ids; on 03-31 k1's action, k1's result, then k2's action and result: the
    cohort comes before the kind. posts is behind in both as of 03-10 (0 of 10, 3 expected)."""
    k1 = """
        [[action]]
        id = "zz"
        date = 2015-03-02
        text = "Z"
        due = 2015-03-20

        [[action]]
        id = "aa"
        date = 2015-03-02
        text = "A"
        owner = "rina"
        due = 2015-03-20

        [[action]]
        id = "mm"
        date = 2015-03-02
        text = "M"
        owner = "imp"
        due = 2015-03-18

        [[action]]
        id = "end"
        date = 2015-03-02
        text = "E"
        owner = "rina"
        due = 2015-03-31
        """
    ws = open_ws(workspace, {
        ACTIONS: k1, "cohorts/k2/cohort.toml": COHORT,
        "cohorts/k2/logs/actions.toml": ('[[action]]\nid = "bb"\ndate = 2015-03-02\ntext = "B"\nowner = "obs"\ndue = 2015-03-18\n\n'
                                         '[[action]]\nid = "cc"\ndate = 2015-03-02\ntext = "C"\ndue = 2015-03-31\n'),
    })
    assert due(ws, day(10), within=30) == [
        ("k1", "action", "imp", "mm", day(18), -8),
        ("k2", "action", "obs", "bb", day(18), -8),
        ("k1", "action", None, "zz", day(20), -10),
        ("k1", "action", "rina", "aa", day(20), -10),
        ("k1", "action", "rina", "end", day(31), -21),
        ("k1", "result", None, "posts", day(31), -21),
        ("k2", "action", None, "cc", day(31), -21),
        ("k2", "result", None, "posts", day(31), -21),
    ]
    assert [i[3] for i in due(ws, day(10), within=30, cohorts=["k2"])] == ["bb", "cc", "posts"]


def test_a_cohort_with_errors_is_left_out_of_what_is_due(workspace):
    """k2's action names an unknown owner: k2 is left out (and says so), k1 is still looked at."""
    root = workspace({"curricula/sosmed.toml": CURRICULUM, "cohorts/k1/cohort.toml": COHORT, "cohorts/k2/cohort.toml": COHORT,
                      "cohorts/k2/logs/actions.toml": '[[action]]\nid = "b"\ndate = 2015-03-02\ntext = "B"\nowner = "nobody"\n'})
    listing = mentoring.open_workspace(root).due(as_of=day(10))
    assert (listing.cohorts, listing.left_out) == (("k1",), ("k2",))
    assert [(i.cohort, i.kind) for i in listing.items] == [("k1", "result")]


@pytest.mark.parametrize("option, value", [("within", -1), ("missed", 0), ("silent", 0), ("within", 1.5), ("missed", True)])
def test_due_options_are_whole_numbers(workspace, option, value):
    """--within is 0 or more days, --missed and --silent at least 1; anything else is a UsageError."""
    ws = open_ws(workspace, {})
    with pytest.raises(mentoring.UsageError, match=option):
        ws.due(as_of=day(10), **{option: value})


# --- the example workspace: HAPSARI's CoRel of March 2015 --------------------------------------

EXAMPLE = __import__("pathlib").Path(__file__).parents[1]
COREL = ("spi-deli-serdang", "spi-kulon-progo", "spi-serdang-bedagai")


def test_the_corel_sheets_show_every_action_of_the_plan():
    """The example workspace checks clean, and on the sheet of each union with a plan every action
    of its logs/actions.toml stands under each result it names, or apart when it names none."""
    ws = mentoring.open_workspace(EXAMPLE, search=False)
    assert [mentoring.format_problem(p) for p in ws.problems] == []
    for cohort in COREL:
        planned = {a.id: a.results or () for log in ws.cohorts[cohort].logs for a in log.actions if a.text}
        assert len(planned) >= 4, cohort
        sheet = ws.reflect(cohort, "2015-07-15")
        listed = {(r.figures.id, a.id) for r in sheet.results for a in r.actions}
        assert listed == {(result, id_) for id_, results in planned.items() for result in results}
        assert {a.id for a in sheet.other_actions} == {id_ for id_, results in planned.items() if not results}


def test_deli_serdangs_plan_by_mid_july():
    """Read off cohorts/spi-deli-serdang/logs/actions.toml: org-training done on 06-13;
    update-database moved to 05-31 and still open, so overdue on 07-15; sarasehan-commitments given
    to Nurhalimah and moved to 07-10, overdue; bpjs-proposal, for no result, dropped on 05-08."""
    by_id = {a.id: a for a in mentoring.open_workspace(EXAMPLE, search=False).actions("spi-deli-serdang", "2015-07-15").actions}
    assert [(i, by_id[i].status.value, by_id[i].due, by_id[i].overdue) for i in by_id] == [
        ("org-training", "done", D(2015, 6, 15), False),
        ("update-database", "open", D(2015, 5, 31), True),
        ("sarasehan-commitments", "open", D(2015, 7, 10), True),
        ("bpjs-proposal", "dropped", D(2015, 4, 30), False),
    ]
    assert by_id["sarasehan-commitments"].owner == "nurhalimah-nasution"


def test_due_actions_and_assignments_carry_their_title_and_who_by_name(workspace):
    """A due action shows its text and its owner's name (soon: "Soon", Rina); a due assignment its title
    and the participant's name (a2: "Second post", Aminah then Dewi)."""
    ws = open_ws(workspace, {ACTIONS: """
        [[action]]
        id = "soon"
        date = 2015-03-02
        text = "Soon"
        owner = "rina"
        due = 2015-03-10
        """})
    (item,) = [i for i in ws.due(None, day(15)).items if i.kind.value == "action"]
    assert (item.ref, item.title, item.who, item.name) == ("soon", "Soon", "rina", "Rina")
    ws = mentoring.open_workspace(workspace({"curricula/sosmed.toml": ASSIGNMENTS, "cohorts/k1/cohort.toml": COHORT}))
    items = [(i.ref, i.title, i.who, i.name) for i in ws.due(None, day(7)).items if i.kind.value == "assignment"]
    assert items == [("a2", "Second post", "p01", "Aminah"), ("a2", "Second post", "p02", "Dewi")]
