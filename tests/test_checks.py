"""Cross-reference checks: one test per rule of FORMAT.md that needs more than one file or record.

Each test writes its input inline and lists every problem it must give, in full, as
`mentoring check` prints them. Lines are counted by hand from the inline TOML (line 1 is the first
line after the opening quotes; see conftest.py). Logs and cohorts are checked against conftest's
minimal curriculum "sosmed" (objective o1, competency facebook on the default scale, module m1,
output kinds post and article, assignment a1 asking for a post, results posts (outputs, target 10)
and visitors (reported)) and cohort "k1" (2015-03-01 to 2015-03-31; participants p01 and p02, who
leaves on 2015-03-20; rina, a mentor; imp, an implementer; obs, an observer).
"""

from __future__ import annotations

import inspect

import pytest

from mentoring import checks

CUR = "curricula/sosmed.toml"
COH = "cohorts/k1/cohort.toml"
LOG = "cohorts/k1/logs/rina.toml"
SLUG = 'use lower-case letters a-z, digits, "-" and "_", starting with a letter or a digit'


def test_every_check_function_is_run():
    """Every check_ function of checks.py is in CURRICULUM_CHECKS or COHORT_CHECKS (so it runs, and is tested here)."""
    runners = {"check_curriculum", "check_cohort_all", "check_workspace"}
    defined = {name for name, f in inspect.getmembers(checks, inspect.isfunction)
               if name.startswith("check_") and f.__module__ == checks.__name__} - runners
    listed = {f.__name__ for f in checks.CURRICULUM_CHECKS + checks.COHORT_CHECKS}
    assert defined == listed


def test_full_valid_programme_has_no_problem(problems):
    """A programme using every feature correctly (facilitators, level names, self-assessment, an output
    recorded in two logs, criteria, rates, cadence, a measurement) gives no problem at all."""
    assert problems({
        CUR: """
            title = "Social media mentoring"
            language = "id"

            [[objectives]]
            id = "basics"
            text = "t"

            [[competencies]]
            id = "facebook"
            title = "t"
            levels = ["no", "yes"]

            [[modules]]
            id = "basics"
            title = "Ids of different kinds may be the same"
            hours = 0
            objectives = ["basics"]

            [[output_kinds]]
            id = "post"
            title = "t"

            [[assignments]]
            id = "first-post"
            title = "t"
            module = "basics"
            output = "post"
            due_day = 0
            min_status = "published"

            [completion]
            assignments = ["first-post"]
            attendance = "75.5%"
            competencies = { facebook = "yes" }

            [[results]]
            id = "share"
            statement = "s"
            measure = "participants"
            target = "80%"
            criteria = { competencies = { facebook = 1 } }

            [[results]]
            id = "attendance"
            statement = "s"
            measure = "attendance"
            target = "90%"
            modules = ["basics"]

            [[results]]
            id = "weekly"
            statement = "s"
            measure = "cadence"
            target = "100%"
            kinds = ["post"]
            every_days = 7
            from_day = 0
            per_period = 1
            due_day = 0

            [[results]]
            id = "posts"
            statement = "s"
            measure = "outputs"
            target = 3
            baseline = 0
            kinds = ["post"]
            assignment = "first-post"
            min_status = "submitted"

            [[results]]
            id = "visitors"
            statement = "s"
            measure = "reported"
            target = 100
        """,
        "cohorts/k1/cohort.toml": """
            curriculum = "sosmed"
            start = 2015-03-01
            end = 2015-03-01

            [targets]
            share = "50%"
            posts = 5

            [[people]]
            id = "p01"
            name = "Aminah"
            role = "participant"
            joined = 2015-03-01
            left = 2015-03-02

            [[people]]
            id = "fasil"
            name = "Fasil"
            role = "facilitator"

            [[people]]
            id = "koord"
            name = "Koord"
            role = "coordinator"
        """,
        "cohorts/k1/logs/fasil.toml": """
            [[session]]
            date = 2015-03-01
            mentor = "fasil"
            hours = 0.5
            attended = ["p01"]
            expected = ["p01"]
            modules = ["basics"]
            follow_up = ["post weekly"]

            [[assessment]]
            date = 2015-03-01
            participant = "p01"
            competency = "facebook"
            level = "yes"
            by = "koord"

            [[measurement]]
            date = 2015-03-01
            result = "visitors"
            value = 120
        """,
        "cohorts/k1/logs/p01.toml": """
            [[output]]
            date = 2015-03-01
            id = "first-post"
            participant = "p01"
            kind = "post"
            assignment = "first-post"
            title = "Hello"
            status = "draft"

            [[assessment]]
            date = 2015-03-01
            participant = "p01"
            competency = "facebook"
            level = 0
            by = "self"
        """,
        "cohorts/k1/logs/fasil-review.toml": """
            [[output]]
            date = 2015-03-01
            id = "first-post"
            participant = "p01"
            kind = "post"
            assignment = "first-post"
            title = "Hello"
            status = "published"
            reviewed_by = "fasil"
        """,
    }) == []


# --- curriculum: ids ------------------------------------------------------------------------------

ONE_LINE = ['title = "t"']
RESULT = ['statement = "s"', 'measure = "sessions"', "target = 3"]


@pytest.mark.parametrize(("table", "what", "fields", "line"), [
    ("objectives", "objective", ['text = "t"'], 8),
    ("competencies", "competency", ONE_LINE, 8),
    ("modules", "module", ONE_LINE, 8),
    ("output_kinds", "output kind", ONE_LINE, 8),
    ("assignments", "assignment", ONE_LINE, 8),
    ("results", "result", RESULT, 10),
])
def test_duplicate_id_per_kind(problems, table, what, fields, line):
    """An id used twice among one kind of a curriculum's things is an error at the second id, saying where the first is."""
    record = "\n".join([f"[[{table}]]", 'id = "dup"', *fields])
    # title (1), blank (2), record (3 to 4 + fields), blank, record: the first id is at 4, the second at `line`.
    text = f'title = "x"\n\n{record}\n\n{record}\n'
    assert problems({CUR: text}) == [f'{CUR}:{line}: error: {table}.id: duplicate {what} id "dup" (first at line 4)']


def test_id_inside_a_curriculum_must_be_a_slug(problems):
    """Ids inside a curriculum are slugs; the same id may be used by things of different kinds."""
    assert problems({CUR: """
        title = "x"

        [[objectives]]
        id = "basics"
        text = "t"

        [[modules]]
        id = "basics"
        title = "t"

        [[modules]]
        id = "Module 2"
        title = "t"
    """}) == [f'{CUR}:12: error: modules.id: "Module 2" is not a valid id: {SLUG}']


# --- curriculum: references -----------------------------------------------------------------------


def test_curriculum_dangling_references(problems):
    """A module's objectives and an assignment's module and output kind must exist (with did you mean);
    planned hours and an assignment's due day cannot be negative."""
    assert problems({CUR: """
        title = "x"

        [[objectives]]
        id = "run-page"
        text = "t"

        [[modules]]
        id = "basics"
        title = "t"
        objectives = ["run-page", "run-pages"]
        hours = -2

        [[output_kinds]]
        id = "post"
        title = "t"

        [[assignments]]
        id = "a1"
        title = "t"
        module = "basic"
        output = "posts"
        due_day = -1
    """}) == [
        f'{CUR}:10: error: modules.objectives: unknown objective "run-pages" (did you mean "run-page"?)',
        f"{CUR}:11: error: modules.hours: planned hours cannot be negative, got -2",
        f'{CUR}:20: error: assignments.module: unknown module "basic" (did you mean "basics"?)',
        f'{CUR}:21: error: assignments.output: unknown output kind "posts" (did you mean "post"?)',
        f"{CUR}:22: error: assignments.due_day: days after the start cannot be negative, got -1",
    ]


def test_competency_scales(problems):
    """A scale has at least two levels, and no level name twice."""
    assert problems({CUR: """
        title = "x"

        [[competencies]]
        id = "facebook"
        title = "t"
        levels = ["can do"]

        [[competencies]]
        id = "website"
        title = "t"
        levels = ["low", "high", "low"]
    """}) == [
        f'{CUR}:6: error: competencies.levels: the scale of "facebook" needs at least 2 levels, got 1',
        f'{CUR}:11: error: competencies.levels: level "low" is named twice in the scale of "website"',
    ]


# --- curriculum: completion -------------------------------------------------------------------------


def test_completion_rule(problems):
    """[completion] names assignments and competencies that exist, a level on the scale, and a
    percentage (not a count) of attendance."""
    assert problems({CUR: """
        title = "x"

        [[competencies]]
        id = "facebook"
        title = "t"
        levels = ["no", "yes"]

        [[assignments]]
        id = "first-post"
        title = "t"

        [completion]
        assignments = ["first-post", "first-posts"]
        attendance = 75
        competencies = { facebook = 2, website = 1 }
    """}) == [
        f'{CUR}:13: error: completion.assignments: unknown assignment "first-posts" (did you mean "first-post"?)',
        f'{CUR}:14: error: completion.attendance: expected a percentage such as "75%", got 75',
        f'{CUR}:15: error: completion.competencies: level 2 is outside the scale of "facebook" (0 to 1)',
        f'{CUR}:15: error: completion.competencies: unknown competency "website"',
    ]


def test_level_name_not_in_the_scale(problems):
    """A level given by name must be one of the scale's names (did you mean the near one)."""
    assert problems({CUR: """
        title = "x"

        [[competencies]]
        id = "facebook"
        title = "t"

        [completion.competencies]
        facebook = "independant"
    """}) == [
        f'{CUR}:8: error: completion.competencies: "independant" is not a level of "facebook" '
        '("not yet", "basic", "independent", "can teach others") (did you mean "independent"?)',
    ]


def test_negative_level_is_outside_the_scale(problems):
    """Level numbers start at 0."""
    assert problems({CUR: """
        title = "x"

        [[competencies]]
        id = "facebook"
        title = "t"

        [completion]
        competencies = { facebook = -1 }
    """}) == [f'{CUR}:8: error: completion.competencies: level -1 is outside the scale of "facebook" (0 to 3)']


# --- curriculum: results ---------------------------------------------------------------------------


def test_result_targets_fit_their_measure(problems):
    """A percentage where a count is expected, a count where a percentage is, and a negative target
    are errors; a percentage for `participants` is fine."""
    assert problems({CUR: """
        title = "x"

        [[results]]
        id = "posts"
        statement = "s"
        measure = "outputs"
        target = "50%"

        [[results]]
        id = "attendance"
        statement = "s"
        measure = "attendance"
        target = 80

        [[results]]
        id = "share"
        statement = "s"
        measure = "participants"
        target = "80%"

        [[results]]
        id = "hours"
        statement = "s"
        measure = "hours"
        target = -3
    """}) == [
        f'{CUR}:7: error: results.target: measure "outputs" is a count, so its target is a number, got "50%"',
        f'{CUR}:13: error: results.target: measure "attendance" is a rate, so its target is a percentage such as "80%", got 80',
        f"{CUR}:25: error: results.target: a target cannot be negative, got -3",
    ]


def test_cadence_needs_every_days_and_positive_periods(problems):
    """A cadence result needs every_days; every_days and per_period are at least 1, from_day and due_day at least 0."""
    assert problems({CUR: """
        title = "x"

        [[results]]
        id = "weekly"
        statement = "s"
        measure = "cadence"
        target = "75%"
        per_period = 0
        from_day = -7

        [[results]]
        id = "monthly"
        statement = "s"
        measure = "cadence"
        target = "100%"
        every_days = 0
        due_day = -1
    """}) == [
        f'{CUR}:3: error: results: measure "cadence" needs every_days (the length of a period in days)',
        f"{CUR}:8: error: results.per_period: must be at least 1, got 0",
        f"{CUR}:9: error: results.from_day: must be at least 0, got -7",
        f"{CUR}:16: error: results.every_days: must be at least 1, got 0",
        f"{CUR}:17: error: results.due_day: must be at least 0, got -1",
    ]


def test_day_numbers_stay_within_100_years(problems):
    """Day numbers (due days, a cadence's every_days and from_day) are at most 36525 (36525 itself is
    allowed), so every date they make stays a date; per_period is a count and has no such bound."""
    assert problems({CUR: """
        title = "x"

        [[assignments]]
        id = "a1"
        title = "t"
        due_day = 36526

        [[assignments]]
        id = "a2"
        title = "t"
        due_day = 36525

        [[results]]
        id = "weekly"
        statement = "s"
        measure = "cadence"
        target = "50%"
        every_days = 36525
        from_day = 100000
        due_day = 100000000
        per_period = 100000
    """}) == [
        f"{CUR}:6: error: assignments.due_day: must be at most 36525 (100 years), got 36526",
        f"{CUR}:19: error: results.from_day: must be at most 36525 (100 years), got 100000",
        f"{CUR}:20: error: results.due_day: must be at most 36525 (100 years), got 100000000",
    ]


def test_result_filters_name_things_that_exist_and_fit_the_measure(problems):
    """A result's kinds, assignment, modules and criteria must exist, and each filter must be one its measure takes."""
    assert problems({CUR: """
        title = "x"

        [[modules]]
        id = "basics"
        title = "t"

        [[output_kinds]]
        id = "post"
        title = "t"

        [[assignments]]
        id = "first-post"
        title = "t"

        [[results]]
        id = "posts"
        statement = "s"
        measure = "outputs"
        target = 10
        kinds = ["post", "posts"]
        assignment = "first-posts"
        modules = ["basics"]

        [[results]]
        id = "hours"
        statement = "s"
        measure = "hours"
        target = 12
        modules = ["basic"]

        [[results]]
        id = "skilled"
        statement = "s"
        measure = "participants"
        target = 5
        criteria = { assignments = ["first-post", "secnd-post"], attendance = 80, competencies = { website = 1 } }
    """}) == [
        f'{CUR}:20: error: results.kinds: unknown output kind "posts" (did you mean "post"?)',
        f'{CUR}:21: error: results.assignment: unknown assignment "first-posts" (did you mean "first-post"?)',
        f'{CUR}:22: error: results.modules: does not apply to measure "outputs" (it takes assignment, kinds, min_status)',
        f'{CUR}:29: error: results.modules: unknown module "basic" (did you mean "basics"?)',
        f'{CUR}:36: error: results.criteria.assignments: unknown assignment "secnd-post" (did you mean "first-post"?)',
        f'{CUR}:36: error: results.criteria.attendance: expected a percentage such as "75%", got 80',
        f'{CUR}:36: error: results.criteria.competencies: unknown competency "website"',
    ]


def test_reported_result_takes_no_filters(problems):
    """A `reported` result's actual is a measurement, so filters do not apply to it."""
    assert problems({CUR: """
        title = "x"

        [[results]]
        id = "visitors"
        statement = "s"
        measure = "reported"
        target = 100
        min_status = "accepted"
    """}) == [f'{CUR}:8: error: results.min_status: does not apply to measure "reported" (it takes no filters)']


# --- cohort.toml -------------------------------------------------------------------------------------


def test_cohort_curriculum_must_exist(problems, minimal):
    """A cohort's curriculum is the id of a curriculum file in the workspace (did you mean the near one)."""
    assert problems({**minimal, COH: """
        curriculum = "sosmd"
        start = 2015-03-01
        end = 2015-03-31
    """}) == [f'{COH}:1: error: curriculum: unknown curriculum "sosmd" (did you mean "sosmed"?)']


def test_unknown_curriculum_is_placed_at_its_key(problems, minimal):
    """The unknown curriculum is placed at the `curriculum` line wherever it stands (here line 3)."""
    assert problems({**minimal, COH: """
        title = "Second run"
        start = 2015-03-01
        curriculum = "sosmd"
        end = 2015-03-31
    """}) == [f'{COH}:3: error: curriculum: unknown curriculum "sosmd" (did you mean "sosmed"?)']


def test_a_target_of_zero_is_a_target(problems, minimal):
    """A target may be 0 (no incidents, nobody left behind): only a negative one is refused."""
    assert problems({**minimal, "curricula/sosmed.toml": minimal["curricula/sosmed.toml"].replace("target = 10\n", "target = 0\n"),
                     COH: minimal[COH] + "\n[targets]\nvisitors = 0\n"}) == []


def test_cohort_dates_and_target_overrides(problems, minimal):
    """Start after end is an error; a target override names a result of the curriculum and fits its measure."""
    assert problems({**minimal, COH: """
        curriculum = "sosmed"
        start = 2015-04-01
        end = 2015-03-31

        [targets]
        post = 12
        posts = "50%"
    """}) == [
        f"{COH}:2: error: start (2015-04-01) is after end (2015-03-31)",
        f'{COH}:6: error: targets: curriculum "sosmed" has no result "post" (did you mean "posts"?)',
        f'{COH}:7: error: targets.posts: measure "outputs" is a count, so its target is a number, got "50%"',
    ]


def test_target_override_for_a_rate_must_be_a_percentage(problems, minimal):
    """Overriding a rate's target with a count is an error at the override."""
    assert problems({
        CUR: """
            title = "x"

            [[results]]
            id = "attendance"
            statement = "s"
            measure = "attendance"
            target = "80%"
        """,
        COH: """
            curriculum = "sosmed"
            start = 2015-03-01
            end = 2015-03-31

            [targets]
            attendance = 90
        """,
    }) == [
        f'{COH}:6: error: targets.attendance: measure "attendance" is a rate, so its target is a percentage such as "80%", got 90',
    ]


def test_people_ids_and_dates(problems, minimal):
    """Person ids are unique slugs (a duplicate says where the first is); nobody leaves on or before the day they join (default: the start)."""
    assert problems({**minimal, COH: """
        curriculum = "sosmed"
        start = 2015-03-01
        end = 2015-03-31

        [[people]]
        id = "p01"
        name = "Aminah"
        role = "participant"

        [[people]]
        id = "p01"
        name = "Dewi"
        role = "participant"
        left = 2015-03-01

        [[people]]
        id = "Rina"
        name = "Rina"
        role = "mentor"
        joined = 2015-03-10
        left = 2015-03-05
    """}) == [
        f'{COH}:11: error: people.id: duplicate person id "p01" (first at line 6)',
        f'{COH}:14: error: people.left: "p01" leaves (2015-03-01) on or before joining (2015-03-01)',
        f'{COH}:17: error: people.id: "Rina" is not a valid id: {SLUG}',
        f'{COH}:21: error: people.left: "Rina" leaves (2015-03-05) on or before joining (2015-03-10)',
    ]


# --- sessions ----------------------------------------------------------------------------------------


def test_session_mentor_must_be_a_mentor_or_facilitator(problems, minimal):
    """A session's mentor is a person of the cohort whose role is mentor or facilitator."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-02
        mentor = "rinna"
        hours = 2
        attended = []

        [[session]]
        date = 2015-03-03
        mentor = "p01"
        hours = 2
        attended = []

        [[session]]
        date = 2015-03-04
        mentor = "obs"
        hours = 2
        attended = []
    """}) == [
        f'{LOG}:3: error: session.mentor: unknown mentor "rinna" (did you mean "rina"?)',
        f'{LOG}:9: error: session.mentor: "p01" is a participant, not a facilitator or mentor',
        f'{LOG}:15: error: session.mentor: "obs" is an observer, not a facilitator or mentor',
    ]


def test_session_hours_must_be_positive(problems, minimal):
    """Zero or negative hours are an error at the hours key."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-02
        mentor = "rina"
        hours = 0
        attended = ["p01"]

        [[session]]
        date = 2015-03-03
        mentor = "rina"
        hours = -1.5
        attended = ["p01"]
    """}) == [
        f"{LOG}:4: error: session.hours: must be more than 0, got 0",
        f"{LOG}:10: error: session.hours: must be more than 0, got -1.5",
    ]


def test_session_dangling_people_and_modules(problems, minimal):
    """attended and expected name participants of the cohort, modules name modules of the curriculum."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-02
        mentor = "rina"
        hours = 2
        attended = ["p01", "p03", "rina"]
        expected = ["p01", "p02", "p9"]
        modules = ["m1", "m11"]
    """}) == [
        f'{LOG}:5: error: session.attended: unknown participant "p03" (did you mean "p02"?)',
        f'{LOG}:5: error: session.attended: "rina" is a mentor, not a participant',
        f'{LOG}:6: error: session.expected: unknown participant "p9"',
        f'{LOG}:7: error: session.modules: unknown module "m11" (did you mean "m1"?)',
    ]


def test_session_lists_each_participant_once(problems, minimal):
    """A participant named twice in attended or in expected is an error at that list."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-02
        mentor = "rina"
        hours = 2
        attended = ["p01", "p01"]
        expected = ["p02", "p01", "p02"]
    """}) == [
        f'{LOG}:5: error: session.attended: "p01" is listed twice',
        f'{LOG}:6: error: session.expected: "p02" is listed twice',
    ]


def test_a_participant_listed_three_times_is_told_once(problems, minimal):
    """A participant named three times in attended is one problem, not one per repeat."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-02
        mentor = "rina"
        hours = 2
        attended = ["p01", "p01", "p01"]
    """}) == [f'{LOG}:5: error: session.attended: "p01" is listed twice']


def test_participant_expected_or_attending_after_leaving_is_a_warning(problems, minimal):
    """A participant expected on or after the day they left is a warning, as is one attending then, and
    one who attended without being expected (not counted in attendance)."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-20
        mentor = "rina"
        hours = 2
        attended = ["p01"]
        expected = ["p01", "p02"]

        [[session]]
        date = 2015-03-25
        mentor = "rina"
        hours = 2
        attended = ["p01", "p02"]
        expected = ["p01"]
    """}) == [
        f'{LOG}:6: warning: session.expected: "p02" expected on 2015-03-20 but left on 2015-03-20',
        f'{LOG}:12: warning: session.attended: "p02" attended on 2015-03-25 but left on 2015-03-20',
        f'{LOG}:12: warning: session.attended: "p02" attended but is not in expected; not counted in attendance',
    ]


def test_those_who_came_unexpected_are_told_in_the_order_they_are_listed(problems, minimal):
    """Participants who attended without being expected are told in the order attended lists them (p02, then p01)."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-02
        mentor = "rina"
        hours = 2
        attended = ["p02", "p01"]
        expected = []
    """}) == [
        f'{LOG}:5: warning: session.attended: "p02" attended but is not in expected; not counted in attendance',
        f'{LOG}:5: warning: session.attended: "p01" attended but is not in expected; not counted in attendance',
    ]


def test_participant_before_joining_is_a_warning(problems, minimal):
    """A participant in a session before they are enrolled (their joined date, else the cohort's start) is a warning."""
    assert problems({**minimal, COH: minimal[COH].replace('left = 2015-03-20', 'joined = 2015-03-10'), LOG: """
        [[session]]
        date = 2015-02-27
        mentor = "rina"
        hours = 2
        attended = ["p01"]

        [[session]]
        date = 2015-03-05
        mentor = "rina"
        hours = 2
        attended = []
        expected = ["p02"]
    """}) == [
        f"{LOG}:2: warning: session.date: 2015-02-27 is before the cohort's start (2015-03-01)",
        f'{LOG}:5: warning: session.attended: "p01" attended on 2015-02-27 but is enrolled from 2015-03-01',
        f'{LOG}:12: warning: session.expected: "p02" expected on 2015-03-05 but is enrolled from 2015-03-10',
    ]


def test_default_expected_leaves_out_who_has_left(problems, minimal):
    """Without `expected`, a session expects only the participants enrolled that day: no warning for one who left."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-03-25
        mentor = "rina"
        hours = 2
        attended = ["p01"]
    """}) == []


# --- outputs ------------------------------------------------------------------------------------------


def test_output_dangling_references(problems, minimal):
    """An output's participant, kind, assignment and reviewer must exist; its id is a slug."""
    assert problems({**minimal, LOG: """
        [[output]]
        date = 2015-03-03
        participant = "p03"
        kind = "pots"
        title = "First post"
        assignment = "a2"
        reviewed_by = "rena"

        [[output]]
        date = 2015-03-04
        participant = "imp"
        kind = "post"
        title = "Second"
        id = "Second Post"
    """}) == [
        f'{LOG}:3: error: output.participant: unknown participant "p03" (did you mean "p02"?)',
        f'{LOG}:4: error: output.kind: unknown output kind "pots" (did you mean "post"?)',
        f'{LOG}:6: error: output.assignment: unknown assignment "a2"',
        f'{LOG}:7: error: output.reviewed_by: unknown person "rena" (did you mean "rina"?)',
        f'{LOG}:11: error: output.participant: "imp" is an implementer, not a participant',
        f'{LOG}:14: error: output.id: "Second Post" is not a valid id: {SLUG}',
    ]


def test_output_of_the_wrong_kind_for_its_assignment(problems, minimal):
    """An output for an assignment that names an output kind must be of that kind."""
    assert problems({**minimal, LOG: """
        [[output]]
        date = 2015-03-03
        participant = "p01"
        kind = "article"
        assignment = "a1"
        title = "My first post"
    """}) == [f'{LOG}:4: error: output.kind: assignment "a1" asks for a "post", got "article"']


def test_output_records_sharing_an_id_must_agree(problems, minimal):
    """Records sharing an output id, even in different logs, agree on participant, kind and assignment;
    each disagreement is an error at the later record (at its header when the key is absent there)."""
    assert problems({
        **minimal,
        "cohorts/k1/logs/p01.toml": """
            [[output]]
            date = 2015-03-03
            id = "first-post"
            participant = "p01"
            kind = "post"
            assignment = "a1"
            title = "My first post"
        """,
        LOG: """
            [[output]]
            date = 2015-03-05
            id = "first-post"
            participant = "p02"
            kind = "article"
            title = "My first post"
            status = "accepted"
            reviewed_by = "rina"
        """,
    }) == [
        f'{LOG}:1: error: output.assignment: output "first-post" was first recorded with assignment "a1", here with no assignment',
        f'{LOG}:4: error: output.participant: output "first-post" was first recorded with participant "p01", here with participant "p02"',
        f'{LOG}:5: error: output.kind: output "first-post" was first recorded with kind "post", here with kind "article"',
    ]


# --- assessments and measurements -------------------------------------------------------------------------


def test_assessment_references_levels_and_assessors(problems, minimal):
    """An assessment rates a participant on a competency, at a level on its scale (number or name), by
    "self" or by a mentor, facilitator, implementer or coordinator."""
    assert problems({**minimal, LOG: """
        [[assessment]]
        date = 2015-03-10
        participant = "p03"
        competency = "facebok"
        level = 1
        by = "rinna"

        [[assessment]]
        date = 2015-03-10
        participant = "rina"
        competency = "facebook"
        level = 4
        by = "obs"

        [[assessment]]
        date = 2015-03-10
        participant = "p01"
        competency = "facebook"
        level = "independant"
        by = "p02"

        [[assessment]]
        date = 2015-03-10
        participant = "p01"
        competency = "facebook"
        level = "basic"
        by = "imp"
    """}) == [
        f'{LOG}:3: error: assessment.participant: unknown participant "p03" (did you mean "p02"?)',
        f'{LOG}:4: error: assessment.competency: unknown competency "facebok" (did you mean "facebook"?)',
        f'{LOG}:6: error: assessment.by: unknown assessor "rinna" (did you mean "rina"?) (or "self")',
        f'{LOG}:10: error: assessment.participant: "rina" is a mentor, not a participant',
        f'{LOG}:12: error: assessment.level: level 4 is outside the scale of "facebook" (0 to 3)',
        f'{LOG}:13: error: assessment.by: "obs" is an observer, not a coordinator, facilitator, implementer or mentor (or "self")',
        f'{LOG}:19: error: assessment.level: "independant" is not a level of "facebook" '
        '("not yet", "basic", "independent", "can teach others") (did you mean "independent"?)',
        f'{LOG}:20: error: assessment.by: "p02" is a participant, not a coordinator, facilitator, implementer or mentor (or "self")',
    ]


def test_measurement_only_for_a_reported_result(problems, minimal):
    """A measurement names a result of the curriculum whose measure is `reported`."""
    assert problems({**minimal, LOG: """
        [[measurement]]
        date = 2015-03-31
        result = "posts"
        value = 12

        [[measurement]]
        date = 2015-03-31
        result = "visitor"
        value = 120
    """}) == [
        f'{LOG}:3: error: measurement.result: "posts" is measured by "outputs", not "reported"; its actual is computed from the logs',
        f'{LOG}:8: error: measurement.result: unknown result "visitor" (did you mean "visitors"?)',
    ]


# --- follow-up actions ------------------------------------------------------------------------------------

ACTIONS = "cohorts/k1/logs/actions.toml"


def test_action_owner_and_results_name_people_and_results_that_exist(problems, minimal):
    """An action's owner is anyone in the cohort (a participant, an observer too) and its results are the curriculum's."""
    assert problems({**minimal, ACTIONS: """
        [[action]]
        id = "visits"
        date = 2015-03-10
        text = "Count the visitors at the open day"
        owner = "obs"
        results = ["visitors"]

        [[action]]
        id = "posts"
        date = 2015-03-10
        text = "Post twice a week"
        owner = "p1"
        results = ["visitors", "post", "followers"]

        [[action]]
        id = "posts"
        date = 2015-03-12
        owner = "Dewi"
    """}) == [
        f'{ACTIONS}:12: error: action.owner: unknown person "p1" (did you mean "p01"?)',
        f'{ACTIONS}:13: error: action.results: unknown result "post" (did you mean "posts"?)',
        f'{ACTIONS}:13: error: action.results: unknown result "followers"',
        f'{ACTIONS}:18: error: action.owner: unknown person "Dewi" (that is the name of "p02"; write the id)',
    ]


def test_the_earliest_record_of_an_action_gives_its_text(problems, minimal):
    """The earliest record of an id, by date, then log file name, then line, must give `text`; later ones need not.

    "late" opens in b.toml on 03-05, before a.toml's record of 03-06: b.toml:1 lacks text, a.toml:1 does not count.
    "tie" has records on 03-07 in a.toml (line 6, with text) and b.toml (line 6, without): a.toml is first, no problem.
    "same-file" has two records of 03-08 in b.toml, the first (line 11) without text: a problem there."""
    assert problems({**minimal, "cohorts/k1/logs/a.toml": """
        [[action]]
        id = "late"
        date = 2015-03-06
        text = "Given, but not on the earliest record"

        [[action]]
        id = "tie"
        date = 2015-03-07
        text = "Opened in a.toml"
    """, "cohorts/k1/logs/b.toml": """
        [[action]]
        id = "late"
        date = 2015-03-05
        status = "open"

        [[action]]
        id = "tie"
        date = 2015-03-07
        status = "done"

        [[action]]
        id = "same-file"
        date = 2015-03-08

        [[action]]
        id = "same-file"
        date = 2015-03-08
        text = "Too late: the record above opened it"
    """}) == [
        'cohorts/k1/logs/b.toml:1: error: action: the earliest record of action "late" opens it and must give its text (what is to be done)',
        'cohorts/k1/logs/b.toml:11: error: action: the earliest record of action "same-file" opens it and must give its text (what is to be done)',
    ]


def test_an_unreadable_action_record_holds_back_the_text_rule(problems, minimal):
    """While one action record cannot be read, no record is said to open its action without text (it may be that one)."""
    assert problems({**minimal, ACTIONS: """
        [[action]]
        id = "posts"
        date = 2015-03-10
        text = "Post twice a week"
        status = "finished"

        [[action]]
        id = "posts"
        date = 2015-03-12
        status = "done"
    """}) == [
        f'{ACTIONS}:5: error: action.status: expected one of open, done, dropped, got "finished"',
    ]


def test_action_due_before_the_record_that_sets_it_is_a_warning(problems, minimal):
    """A due date before its own record's date is a warning; due on that day, or an earlier due kept by a later record, is not."""
    assert problems({**minimal, ACTIONS: """
        [[action]]
        id = "posts"
        date = 2015-03-10
        text = "Post twice a week"
        due = 2015-03-10

        [[action]]
        id = "posts"
        date = 2015-03-20
        status = "open"

        [[action]]
        id = "posts"
        date = 2015-03-21
        due = 2015-03-14
    """}) == [
        f"{ACTIONS}:15: warning: action.due: 2015-03-14 is before the date of this record (2015-03-21)",
    ]


def test_rollup_only_on_a_reported_result(problems):
    """`rollup` says how a reported result's cohorts add up; on any other measure it is an error at its line."""
    assert problems({CUR: """
        title = "t"

        [[results]]
        id = "posts"
        statement = "s"
        measure = "outputs"
        target = 10
        rollup = "sum"

        [[results]]
        id = "followers"
        statement = "One page shared by every cohort"
        measure = "reported"
        target = 500
        rollup = "max"
    """}) == [
        f'{CUR}:8: error: results.rollup: does not apply to measure "outputs" (only "reported" results take it)',
    ]


# --- dates ------------------------------------------------------------------------------------------------


def test_record_dated_outside_the_cohort_is_a_warning(problems, minimal):
    """A record dated before the start or after the end is a warning; the start and end days themselves are fine."""
    assert problems({**minimal, LOG: """
        [[measurement]]
        date = 2015-02-28
        result = "visitors"
        value = 1

        [[measurement]]
        date = 2015-03-01
        result = "visitors"
        value = 2

        [[measurement]]
        date = 2015-03-31
        result = "visitors"
        value = 3

        [[measurement]]
        date = 2015-04-01
        result = "visitors"
        value = 4
    """}) == [
        f"{LOG}:2: warning: measurement.date: 2015-02-28 is before the cohort's start (2015-03-01)",
        f"{LOG}:17: warning: measurement.date: 2015-04-01 is after the cohort's end (2015-03-31)",
    ]


def test_every_record_kind_dated_outside_the_cohort_is_a_warning(problems, minimal):
    """Sessions, outputs and assessments dated outside the cohort are warnings too."""
    assert problems({**minimal, LOG: """
        [[session]]
        date = 2015-04-05
        mentor = "rina"
        hours = 1
        attended = []

        [[output]]
        date = 2015-04-02
        participant = "p01"
        kind = "post"
        title = "Late post"

        [[assessment]]
        date = 2015-02-01
        participant = "p01"
        competency = "facebook"
        level = 0
        by = "self"
    """}) == [
        f"{LOG}:2: warning: session.date: 2015-04-05 is after the cohort's end (2015-03-31)",
        f"{LOG}:8: warning: output.date: 2015-04-02 is after the cohort's end (2015-03-31)",
        f"{LOG}:14: warning: assessment.date: 2015-02-01 is before the cohort's start (2015-03-01)",
    ]


# --- the whole workspace ----------------------------------------------------------------------------------


def test_cohort_of_a_broken_curriculum_is_not_checked_twice(problems, minimal):
    """A cohort whose curriculum has errors gives no "unknown curriculum" error: the curriculum's own problems say why."""
    assert problems({**minimal, CUR: 'title = "x"\nlevels = 3\n'}) == [
        f'{CUR}:2: error: unknown key "levels"',
    ]


def test_check_workspace_can_skip_curricula(workspace, minimal):
    """check_workspace with curriculum ids checks only those curricula (and every loaded cohort)."""
    from mentoring.loader import load_workspace

    root = workspace({**minimal, "curricula/other.toml": 'title = "x"\n[[modules]]\nid = "M"\ntitle = "t"\n'})
    ws, found = load_workspace(root)
    assert found == []
    assert checks.check_workspace(ws, ["sosmed"]) == []
    assert [p.message for p in checks.check_workspace(ws)] == [f'modules.id: "M" is not a valid id: {SLUG}']


def test_a_participant_listed_twice_in_a_session_is_an_error(problems, minimal):
    """Listing a participant twice in attended would count her twice in attendance, so it is an error."""
    minimal["cohorts/k1/logs/rina.toml"] = """
    [[session]]
    date = 2015-03-02
    mentor = "rina"
    hours = 2
    attended = ["p01", "p01"]
    expected = ["p01", "p02", "p02"]
    """
    assert problems(minimal) == [
        'cohorts/k1/logs/rina.toml:5: error: session.attended: "p01" is listed twice',
        'cohorts/k1/logs/rina.toml:6: error: session.expected: "p02" is listed twice',
    ]
