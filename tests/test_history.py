"""A participant's records (`Workspace.history`): sessions, assignments, competencies and outputs as of a date.

The workspace is conftest's minimal programme: cohort k1 (2015-03-01 to 2015-03-31), participants p01
and p02 (p02 leaves on 2015-03-20), mentor rina; curriculum sosmed with assignment a1 (a post, at
least accepted) and competency facebook (the default scale of four levels).
"""

from __future__ import annotations

import datetime as dt

import pytest

import mentoring
from mentoring.model import Status

D = dt.date

RINA = """
[[session]]
date = 2015-03-02
mentor = "rina"
hours = 2
attended = ["p01"]

[[session]]
date = 2015-03-05
mentor = "rina"
hours = 1
attended = ["p02", "p01"]
expected = ["p02"]

[[session]]
date = 2015-03-21
mentor = "rina"
hours = 1
attended = []

[[session]]
date = 2015-04-02
mentor = "rina"
hours = 1
attended = ["p01"]

[[assessment]]
date = 2015-03-05
participant = "p01"
competency = "facebook"
level = 1
by = "rina"

[[assessment]]
date = 2015-03-20
participant = "p01"
competency = "facebook"
level = "independent"
by = "rina"
"""

P01 = """
[[output]]
date = 2015-03-10
participant = "p01"
kind = "post"
title = "Hari Perempuan, accepted"
id = "x"
assignment = "a1"
status = "accepted"

[[output]]
date = 2015-03-03
participant = "p01"
kind = "post"
title = "Hari Perempuan"
id = "x"
assignment = "a1"

[[output]]
date = 2015-03-06
participant = "p01"
kind = "article"
title = "Loose"
status = "draft"

[[output]]
date = 2015-04-01
participant = "p01"
kind = "post"
title = "Hari Perempuan"
id = "x"
assignment = "a1"
status = "returned"

[[assessment]]
date = 2015-03-21
participant = "p01"
competency = "facebook"
level = 3
by = "self"
"""


@pytest.fixture
def ws(workspace, minimal):
    return mentoring.open_workspace(workspace({**minimal, "cohorts/k1/logs/rina.toml": RINA, "cohorts/k1/logs/p01.toml": P01}))


def test_sessions_are_those_that_expected_them_or_that_they_came_to(ws):
    """p01: expected and came on 03-02 (everyone enrolled), came unexpected on 03-05 (expected names only p02),
    expected and absent on 03-21; the session of 04-02 is after the as-of date. p02 left on 03-20, so the
    session of 03-21 does not expect her."""
    seen = [(s.date, s.expected, s.attended) for s in ws.history("k1", "p01", "2015-03-31").sessions]
    assert seen == [(D(2015, 3, 2), True, True), (D(2015, 3, 5), False, True), (D(2015, 3, 21), True, False)]
    seen = [(s.date, s.expected, s.attended) for s in ws.history("k1", "p02", "2015-03-31").sessions]
    assert seen == [(D(2015, 3, 2), True, False), (D(2015, 3, 5), True, True)]


def test_outputs_merge_by_id_with_every_record_oldest_first(ws):
    """Output x has two records by 03-31 (submitted 03-03 in file order after the accepted one of 03-10,
    so the date decides), the returned one of 04-01 being later; the loose draft is an output of its own."""
    outputs = ws.history("k1", "p01", "2015-03-31").outputs
    assert [(o.id, o.date, o.status, o.title) for o in outputs] == [
        ("x", D(2015, 3, 3), Status.ACCEPTED, "Hari Perempuan, accepted"),
        (None, D(2015, 3, 6), Status.DRAFT, "Loose"),
    ]
    assert [r.status for r in outputs[0].records] == [Status.SUBMITTED, Status.ACCEPTED]
    later = ws.history("k1", "p01", "2015-04-30").outputs[0]
    assert [r.status for r in later.records] == [Status.SUBMITTED, Status.ACCEPTED, Status.RETURNED]


def test_an_assignment_is_done_as_the_report_counts_it(ws):
    """a1 needs an accepted post: p01's x is accepted on 03-10 (done, as the report's 1 of 1 says), and returned
    on 04-01 (not done then, its best status being its latest one's)."""
    on_31 = ws.history("k1", "p01", "2015-03-31").assignments
    assert [(a.id, a.required, a.best, a.done) for a in on_31] == [("a1", True, Status.ACCEPTED, True)]
    assert ws.progress("k1", "2015-03-31").participants[0].assignments_done == 1
    on_april = ws.history("k1", "p01", "2015-04-30").assignments[0]
    assert (on_april.best, on_april.done) == (Status.RETURNED, False)
    assert ws.history("k1", "p02", "2015-03-31").assignments[0].best is None


def test_competency_levels_are_the_latest_rating_and_every_rating_is_listed(ws):
    """facebook: rina rated p01 1 then "independent" (2); p01 rated herself 3 on 03-21, which is not her level."""
    (facebook,) = ws.history("k1", "p01", "2015-03-31").competencies
    assert (facebook.level, facebook.self_level) == (2, 3)
    assert [(r.date, r.by, r.level) for r in facebook.ratings] == [
        (D(2015, 3, 5), "rina", 1), (D(2015, 3, 20), "rina", 2), (D(2015, 3, 21), "self", 3)]
    assert ws.history("k1", "p01", "2015-03-10").competencies[0].level == 1


def test_an_id_that_is_not_a_participant_is_a_usage_error(ws):
    """A mentor's id or a typo is refused, with "did you mean" where a participant's id is near."""
    with pytest.raises(mentoring.UsageError, match=r'no participant "p1" in cohort "k1" \(did you mean "p01"\?\)'):
        ws.history("k1", "p1")
    with pytest.raises(mentoring.UsageError, match='no participant "rina"'):
        ws.history("k1", "rina")
