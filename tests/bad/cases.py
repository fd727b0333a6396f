"""The bad-input corpus: broken inputs, each with every problem it must give, as `mentoring check` prints it.

A case is `(name, files, expected)`. `files` (workspace path to text or bytes, or None to leave a
file out) is laid over conftest's minimal workspace: curriculum "sosmed" (objective o1, competency
facebook on the default scale, module m1, output kinds post and article, assignment a1 asking for a
post, results posts (outputs, target 10) and visitors (reported)) and cohort "k1" (2015-03-01 to
2015-03-31; participants p01 "Aminah" and p02 "Dewi", who leaves on 2015-03-20; rina "Rina", a
mentor; imp "Yusuf", an implementer; obs "Tono", an observer). `expected` lists every problem in
full, `path:line: severity: message`, in the order `mentoring check` prints them (by file, then
line); an empty list means the input must load and check with no problem at all.

Texts go through conftest.toml (dedent; the newline right after the opening quotes is dropped), so
line 1 is the first line after the quotes. The bases FULL_CUR, FULL_COH and FULL_LOG use every key
of their tables once; their lines are numbered by hand in the comments on the right, and `edit`
replaces whole lines by number, so a case's expected line is read off that numbering. Every expected
line and message below was worked out by hand from FORMAT.md and the texts, not copied from the
program's output; where the program disagreed, the case was looked at again and either the program
was fixed (a message or a line) or the expectation was (a second problem the input rightly gives,
a `did you mean` that difflib does or does not find).

Cases that need the file system itself (links, permissions, a 50 MB file) are in test_bad.py.
"""

from __future__ import annotations

from typing import Optional, Union

Files = dict[str, Union[str, bytes, None]]
Case = tuple[str, Files, list[str]]

CUR = "curricula/sosmed.toml"
COH = "cohorts/k1/cohort.toml"
LOG = "cohorts/k1/logs/rina.toml"
SLUG = 'use lower-case letters a-z, digits, "-" and "_", starting with a letter or a digit'
STATUSES = "draft, submitted, returned, accepted, published"
ROLES = "participant, mentor, facilitator, implementer, coordinator, observer"
MEASURES = "participants, outputs, sessions, hours, attendance, cadence, reported"
KINDS = "[[session]], [[output]], [[assessment]], [[measurement]], [[action]]"

# A curriculum using every key once (valid with conftest's cohort k1, which sets no target).
FULL_CUR = """
title = "Social media mentoring"
summary = "Running an organisation's page"
organisation = "Hapsari"
language = "id"

[[objectives]]
id = "o1"
text = "Run the page"

[[competencies]]
id = "facebook"
title = "Managing the page"
levels = ["no", "basic", "good"]

[[modules]]
id = "m1"
title = "Basics"
hours = 3
objectives = ["o1"]
summary = "Pages and posts"

[[output_kinds]]
id = "post"
title = "Facebook post"
medium = "online"

[[output_kinds]]
id = "article"
title = "Website article"

[[assignments]]
id = "a1"
title = "First post"
module = "m1"
output = "post"
due_day = 7
required = true
min_status = "accepted"

[completion]
assignments = "required"
attendance = "75%"
competencies = { facebook = "basic" }

[[results]]
id = "posts"
statement = "Posts accepted"
measure = "outputs"
target = 10
baseline = 0
due_day = 30
kinds = ["post"]
assignment = "a1"
min_status = "submitted"

[[results]]
id = "visitors"
statement = "Visitors to the open day"
measure = "reported"
target = 100

[[results]]
id = "weekly"
statement = "A post a week"
measure = "cadence"
target = "80%"
kinds = ["post"]
every_days = 7
from_day = 0
per_period = 1

[[results]]
id = "share"
statement = "Half the participants complete"
measure = "participants"
target = "50%"
criteria = { attendance = "50%" }

[[results]]
id = "hours"
statement = "Hours of mentoring"
measure = "hours"
target = 20
modules = ["m1"]
"""
# Lines of FULL_CUR:
#  1 title            16 id = "m1"          31 [[assignments]]      46 id = "posts"       63 id = "weekly"
#  2 summary          17 title              32 id = "a1"            47 statement          64 statement
#  3 organisation     18 hours = 3          33 title                48 measure            65 measure
#  4 language         19 objectives         34 module               49 target = 10        66 target = "80%"
#  5 (blank)          20 summary            35 output               50 baseline           67 kinds
#  6 [[objectives]]   21 (blank)            36 due_day              51 due_day = 30       68 every_days
#  7 id = "o1"        22 [[output_kinds]]   37 required             52 kinds              69 from_day
#  8 text             23 id = "post"        38 min_status           53 assignment         70 per_period
#  9 (blank)          24 title              39 (blank)              54 min_status         71 (blank)
# 10 [[competencies]] 25 medium             40 [completion]         55 (blank)            72 [[results]]
# 11 id = "facebook"  26 (blank)            41 assignments          56 [[results]]        73 id = "share"
# 12 title            27 [[output_kinds]]   42 attendance           57 id = "visitors"    74 statement
# 13 levels           28 id = "article"     43 competencies         58 statement          75 measure
# 14 (blank)          29 title              44 (blank)              59 measure            76 target = "50%"
# 15 [[modules]]      30 (blank)            45 [[results]]          60 target = 100       77 criteria
#                                                                   61 (blank)            78 (blank)
#                                                                   62 [[results]]        79 [[results]]
# 80 id = "hours"  81 statement  82 measure  83 target = 20  84 modules

# A cohort using every key once (valid with conftest's curriculum).
FULL_COH = """
curriculum = "sosmed"
start = 2015-03-01
end = 2015-03-31
title = "Kelas media sosial"
location = "Medan"
organisation = "Hapsari"
funder = "A funder"

[targets]
posts = 12

[[people]]
id = "p01"
name = "Aminah"
role = "participant"
organisation = "Serikat Perempuan"
group = "A"
joined = 2015-03-01
left = 2015-03-25
contact = "0812 0000"

[[people]]
id = "p02"
name = "Dewi"
role = "participant"
left = 2015-03-20

[[people]]
id = "rina"
name = "Rina"
role = "mentor"

[[people]]
id = "imp"
name = "Yusuf"
role = "implementer"

[[people]]
id = "obs"
name = "Tono"
role = "observer"
"""
# Lines of FULL_COH:
#  1 curriculum    9 [targets]      17 group        25 role = "participant"   33 [[people]]
#  2 start        10 posts = 12     18 joined       26 left = 2015-03-20      34 id = "imp"
#  3 end          11 (blank)        19 left         27 (blank)                35 name = "Yusuf"
#  4 title        12 [[people]]     20 contact      28 [[people]]             36 role
#  5 location     13 id = "p01"     21 (blank)      29 id = "rina"            37 (blank)
#  6 organisation 14 name           22 [[people]]   30 name = "Rina"          38 [[people]]
#  7 funder       15 role           23 id = "p02"   31 role = "mentor"        39 id = "obs"
#  8 (blank)      16 organisation   24 name         32 (blank)                40 name, 41 role

# A log holding one record of each kind, each using every key once (valid in the minimal workspace).
FULL_LOG = """
[[session]]
date = 2015-03-02
mentor = "rina"
hours = 2
attended = ["p01"]
expected = ["p01", "p02"]
modules = ["m1"]
notes = "Made the page"
follow_up = ["Post twice a week"]

[[output]]
date = 2015-03-03
participant = "p01"
kind = "post"
title = "My first post"
id = "post-1"
assignment = "a1"
status = "accepted"
url = "https://example.org/1"
reviewed_by = "rina"
notes = "Good"

[[assessment]]
date = 2015-03-04
participant = "p01"
competency = "facebook"
level = 1
by = "rina"
notes = "Posts alone"

[[measurement]]
date = 2015-03-05
result = "visitors"
value = 40
source = "Guest book"
notes = "Open day"
"""
# Lines of FULL_LOG:
#  1 [[session]]   8 notes          15 title          22 (blank)          29 notes
#  2 date          9 follow_up      16 id             23 [[assessment]]   30 (blank)
#  3 mentor       10 (blank)        17 assignment     24 date             31 [[measurement]]
#  4 hours        11 [[output]]     18 status         25 participant      32 date
#  5 attended     12 date           19 url            26 competency       33 result
#  6 expected     13 participant    20 reviewed_by    27 level            34 value
#  7 modules      14 kind           21 notes          28 by               35 source, 36 notes


def edit(base: str, *changes: tuple[int, Optional[str]]) -> str:
    """The base with whole lines replaced by number (None empties the line, keeping every other
    line where it was; a replacement may hold several lines, shifting those after it).
    A replaced `key = ...` line must hold the same key as the replacement, so that a base whose
    lines moved fails loudly instead of silently testing something else."""
    lines = base.lstrip("\n").split("\n")
    for number, new in changes:
        old = lines[number - 1]
        if new is not None and new.split("=")[0].strip() and "=" in new and "=" in old and not old.startswith("["):
            assert old.split("=")[0].strip() == new.split("=")[0].strip(), (number, old, new)
        lines[number - 1] = "" if new is None else new
    return "\n".join(lines)


CASES: list[Case] = []


def case(name: str, files: Files, *expected: str) -> None:
    """Add a case to the corpus."""
    assert name not in {c[0] for c in CASES}, name
    CASES.append((name, files, list(expected)))


def cur(*changes: tuple[int, Optional[str]]) -> Files:
    """FULL_CUR as the curriculum, with lines changed."""
    return {CUR: edit(FULL_CUR, *changes)}


def coh(*changes: tuple[int, Optional[str]]) -> Files:
    """FULL_COH as the cohort, with lines changed."""
    return {COH: edit(FULL_COH, *changes)}


def log(*changes: tuple[int, Optional[str]]) -> Files:
    """FULL_LOG as Rina's log, with lines changed."""
    return {LOG: edit(FULL_LOG, *changes)}


def err(path: str, line: int, message: str) -> str:
    return f"{path}:{line}: error: {message}"


def warn(path: str, line: int, message: str) -> str:
    return f"{path}:{line}: warning: {message}"


# --- the bases themselves are valid --------------------------------------------------------------

case("valid: full curriculum", cur())
case("valid: full cohort", coh())
case("valid: full log", log())
case("valid: all three full files", {**cur(), **coh(), **log()})

# --- a wrong type at every key -------------------------------------------------------------------

# Curriculum: top-level keys (in a curriculum of their own, so the tables can be replaced whole).
for key, value, got, message in [
    ("objectives", '"o1"', '"o1"', None),
    ("competencies", "3", "3", None),
    ("modules", "true", "true", None),
    ("output_kinds", "{ id = \"post\" }", None, "output_kinds: expected [[output_kinds]] tables (two brackets), got a table"),
    ("assignments", "2015-03-01", "2015-03-01", None),
    ("results", '"posts"', '"posts"', None),
    ("completion", '"required"', None, 'completion: expected a table, got "required"'),
    ("completion", "[]", None, "completion: expected a table, got a list"),
]:
    case(f"type: curriculum {key} = {value}", {CUR: f'title = "T"\n{key} = {value}\n'},
         err(CUR, 2, message or f"{key}: expected a list, got {got}"))
for table in ["objectives", "competencies", "modules", "output_kinds", "assignments", "results"]:
    case(f"type: curriculum [{table}] as a single table", {CUR: f'title = "T"\n\n[{table}]\nid = "x"\n'},
         err(CUR, 3, f"{table}: expected [[{table}]] tables (two brackets), got a table"))
case("type: curriculum objectives holding strings", {CUR: 'title = "T"\nobjectives = ["o1", "o2"]\n'},
     err(CUR, 2, 'objectives: expected a table, got "o1"'),
     err(CUR, 2, 'objectives: expected a table, got "o2"'))

for line, new, message in [
    (1, "title = 1", "title: expected a string, got 1"),
    (2, 'summary = ["Running"]', "summary: expected a string, got a list"),
    (3, 'organisation = { name = "Hapsari" }', "organisation: expected a string, got a table"),
    (4, "language = true", "language: expected a string, got true"),
    (7, "id = 1", "objectives.id: expected a string, got 1"),
    (8, "text = 2015-03-01", "objectives.text: expected a string, got 2015-03-01"),
    (11, "id = false", "competencies.id: expected a string, got false"),
    (12, "title = 1.5", "competencies.title: expected a string, got 1.5"),
    (13, 'levels = "no, basic, good"', 'competencies.levels: expected a list, got "no, basic, good"'),
    (16, "id = []", "modules.id: expected a string, got a list"),
    (17, "title = 10:00:00", "modules.title: expected a string, got 10:00:00"),
    (18, 'hours = "3"', 'modules.hours: expected a number, got "3"'),
    (19, 'objectives = "o1"', 'modules.objectives: expected a list, got "o1"'),
    (20, "summary = 0", "modules.summary: expected a string, got 0"),
    (23, "id = 7", "output_kinds.id: expected a string, got 7"),
    (24, "title = []", "output_kinds.title: expected a string, got a list"),
    (25, "medium = 1", "output_kinds.medium: expected a string, got 1"),
    (32, "id = 1", "assignments.id: expected a string, got 1"),
    (33, "title = true", "assignments.title: expected a string, got true"),
    (34, 'module = ["m1"]', "assignments.module: expected a string, got a list"),
    (35, "output = 2", "assignments.output: expected a string, got 2"),
    (36, "due_day = 7.5", "assignments.due_day: expected a whole number, got 7.5"),
    (37, 'required = "yes"', 'assignments.required: expected true or false, got "yes"'),
    (38, "min_status = 2", f"assignments.min_status: expected one of {STATUSES}, got 2"),
    (41, 'assignments = "all"', 'completion.assignments: expected "required" or a list of assignment ids, got "all"'),
    (42, "attendance = true", 'completion.attendance: expected a number or a percentage such as "75%", got true'),
    (43, 'competencies = ["facebook"]', "completion.competencies: expected a table, got a list"),
    (46, "id = 1", "results.id: expected a string, got 1"),
    (47, "statement = []", "results.statement: expected a string, got a list"),
    (48, "measure = 1", f"results.measure: expected one of {MEASURES}, got 1"),
    (49, "target = true", 'results.target: expected a number or a percentage such as "75%", got true'),
    (50, 'baseline = "0"', 'results.baseline: expected a number, got "0"'),
    (51, 'due_day = "30"', 'results.due_day: expected a whole number, got "30"'),
    (52, 'kinds = "post"', 'results.kinds: expected a list, got "post"'),
    (53, 'assignment = ["a1"]', "results.assignment: expected a string, got a list"),
    (54, "min_status = true", f"results.min_status: expected one of {STATUSES}, got true"),
    (68, "every_days = 7.0", "results.every_days: expected a whole number, got 7.0"),
    (69, "from_day = false", "results.from_day: expected a whole number, got false"),
    (70, 'per_period = "1"', 'results.per_period: expected a whole number, got "1"'),
    (77, 'criteria = "all"', 'results.criteria: expected a table, got "all"'),
    (84, 'modules = "m1"', 'results.modules: expected a list, got "m1"'),
]:
    case(f"type: curriculum line {line} {new}", cur((line, new)), err(CUR, line, message))

# Inside lists and the criteria table, the element is named.
case("type: competency levels that are numbers", cur((13, "levels = [0, 1, 2]")),
     err(CUR, 13, "competencies.levels[0]: expected a string, got 0"),
     err(CUR, 13, "competencies.levels[1]: expected a string, got 1"),
     err(CUR, 13, "competencies.levels[2]: expected a string, got 2"))
case("type: module objectives holding a number", cur((19, 'objectives = ["o1", 2]')),
     err(CUR, 19, "modules.objectives[1]: expected a string, got 2"))
case("type: completion assignments holding a table", cur((41, "assignments = [{ id = \"a1\" }]")),
     err(CUR, 41, "completion.assignments[0]: expected a string, got a table"))
case("type: completion competency level as a float", cur((43, "competencies = { facebook = 1.5 }")),
     err(CUR, 43, "completion.competencies.facebook: expected a level number or a level name, got 1.5"))
case("type: completion competency level as a bool", cur((43, "competencies = { facebook = true }")),
     err(CUR, 43, "completion.competencies.facebook: expected a level number or a level name, got true"))
case("type: criteria attendance as a date", cur((77, "criteria = { attendance = 2015-03-01 }")),
     err(CUR, 77, 'results.criteria.attendance: expected a number or a percentage such as "75%", got 2015-03-01'))
case("type: criteria assignments as a number", cur((77, "criteria = { assignments = 1 }")),
     err(CUR, 77, 'results.criteria.assignments: expected "required" or a list of assignment ids, got 1'))
case("type: criteria competencies as a string", cur((77, 'criteria = { competencies = "facebook" }')),
     err(CUR, 77, 'results.criteria.competencies: expected a table, got "facebook"'))
case("type: result kinds holding a number", cur((67, 'kinds = ["post", 3]')),
     err(CUR, 67, "results.kinds[1]: expected a string, got 3"))
case("type: percentage written without %", cur((66, 'target = "80"')),
     err(CUR, 66, 'results.target: expected a number or a percentage such as "75%", got "80" (did you mean "80%"?)'))
case("type: percentage over 100", cur((42, 'attendance = "150%"')),
     err(CUR, 42, 'completion.attendance: a percentage is 0 to 100, got "150%"'))
case("type: percentage with a sign", cur((76, 'target = "-5%"')),
     err(CUR, 76, 'results.target: expected a number or a percentage such as "75%", got "-5%"'))
case("type: target not a number", cur((49, 'target = "ten"')),
     err(CUR, 49, 'results.target: expected a number or a percentage such as "75%", got "ten"'))
case("type: target nan", cur((49, "target = nan")),
     err(CUR, 49, "results.target: expected a finite number, got nan"))
case("type: planned hours inf", cur((18, "hours = inf")),
     err(CUR, 18, "modules.hours: expected a finite number, got inf"))
case("type: baseline beyond 64 bits", cur((50, "baseline = 99999999999999999999")),
     err(CUR, 50, "results.baseline: expected a number, got 99999999999999999999"))

# Cohort keys.
for line, new, message in [
    (1, "curriculum = 1", "curriculum: expected a string, got 1"),
    (2, 'start = "2015-03-01"', 'start: expected a date such as 2015-03-05 (without quotes), got "2015-03-01"'),
    (3, "end = 2015-03-31T17:00:00", "end: expected a date such as 2015-03-05, got a date and time (2015-03-31T17:00:00)"),
    (4, "title = 4", "title: expected a string, got 4"),
    (5, 'location = ["Medan"]', "location: expected a string, got a list"),
    (6, "organisation = 1.0", "organisation: expected a string, got 1.0"),
    (7, "funder = false", "funder: expected a string, got false"),
    (10, "posts = true", 'targets.posts: expected a number or a percentage such as "75%", got true'),
    (13, "id = 1", "people.id: expected a string, got 1"),
    (14, 'name = ["Aminah"]', "people.name: expected a string, got a list"),
    (15, "role = 1", f"people.role: expected one of {ROLES}, got 1"),
    (16, "organisation = 2", "people.organisation: expected a string, got 2"),
    (17, "group = true", "people.group: expected a string, got true"),
    (18, 'joined = "2015-03-01"', 'people.joined: expected a date such as 2015-03-05 (without quotes), got "2015-03-01"'),
    (19, "left = 5", "people.left: expected a date such as 2015-03-05, got 5"),
    (20, "contact = 6281200000", "people.contact: expected a string, got 6281200000"),
    (26, "left = 12:00:00", "people.left: expected a date such as 2015-03-05, got 12:00:00"),
]:
    case(f"type: cohort line {line} {new}", coh((line, new)), err(COH, line, message))
case("type: cohort targets as a list", coh((9, "targets = [12]"), (10, None)),
     err(COH, 9, "targets: expected a table, got a list"))
case("type: cohort targets as a string", {COH: 'curriculum = "sosmed"\nstart = 2015-03-01\nend = 2015-03-31\ntargets = "posts"\n'},
     err(COH, 4, 'targets: expected a table, got "posts"'))
case("type: cohort [people] as a single table",
     {COH: 'curriculum = "sosmed"\nstart = 2015-03-01\nend = 2015-03-31\n\n[people]\nid = "p01"\nname = "Aminah"\n'},
     err(COH, 5, "people: expected [[people]] tables (two brackets), got a table"))
case("type: cohort people as a string", {COH: 'curriculum = "sosmed"\nstart = 2015-03-01\nend = 2015-03-31\npeople = "p01"\n'},
     err(COH, 4, 'people: expected a list, got "p01"'))

# Log keys, one record kind at a time: a record of the wrong type is left out, the others are read.
for line, new, message in [
    (2, "date = 20150302", "session.date: expected a date such as 2015-03-05, got 20150302"),
    (3, 'mentor = ["rina"]', "session.mentor: expected a string, got a list"),
    (4, 'hours = "2"', 'session.hours: expected a number, got "2"'),
    (5, 'attended = "p01"', 'session.attended: expected a list, got "p01"'),
    (6, "expected = 2", "session.expected: expected a list, got 2"),
    (7, 'modules = "m1"', 'session.modules: expected a list, got "m1"'),
    (8, "notes = 1", "session.notes: expected a string, got 1"),
    (9, 'follow_up = "Post twice a week"', 'session.follow_up: expected a list, got "Post twice a week"'),
    (12, "date = 10:00:00", "output.date: expected a date such as 2015-03-05, got 10:00:00"),
    (13, "participant = 1", "output.participant: expected a string, got 1"),
    (14, "kind = true", "output.kind: expected a string, got true"),
    (15, "title = 2015-03-03", "output.title: expected a string, got 2015-03-03"),
    (16, "id = 1", "output.id: expected a string, got 1"),
    (17, 'assignment = ["a1"]', "output.assignment: expected a string, got a list"),
    (18, "status = 3", f"output.status: expected one of {STATUSES}, got 3"),
    (19, "url = { href = \"x\" }", "output.url: expected a string, got a table"),
    (20, "reviewed_by = 0", "output.reviewed_by: expected a string, got 0"),
    (21, "notes = []", "output.notes: expected a string, got a list"),
    (24, 'date = "4 March 2015"', 'assessment.date: expected a date such as 2015-03-05 (without quotes), got "4 March 2015"'),
    (25, 'participant = ["p01"]', "assessment.participant: expected a string, got a list"),
    (26, "competency = 1", "assessment.competency: expected a string, got 1"),
    (27, "level = 1.0", "assessment.level: expected a level number or a level name, got 1.0"),
    (28, "by = true", "assessment.by: expected a string, got true"),
    (29, "notes = 1", "assessment.notes: expected a string, got 1"),
    (32, "date = 2015-03-05T09:00:00+07:00", "measurement.date: expected a date such as 2015-03-05, got a date and time (2015-03-05T09:00:00+07:00)"),
    (33, "result = 7", "measurement.result: expected a string, got 7"),
    (34, 'value = "40"', 'measurement.value: expected a number, got "40"'),
    (35, "source = 1", "measurement.source: expected a string, got 1"),
    (36, "notes = false", "measurement.notes: expected a string, got false"),
]:
    case(f"type: log line {line} {new}", log((line, new)), err(LOG, line, message))
case("type: session attended holding numbers", log((5, "attended = [1, 2]")),
     err(LOG, 5, "session.attended[0]: expected a string, got 1"),
     err(LOG, 5, "session.attended[1]: expected a string, got 2"))
case("type: session follow_up holding a number", log((9, 'follow_up = ["Post", 2]')),
     err(LOG, 9, "session.follow_up[1]: expected a string, got 2"))
case("type: session hours nan", log((4, "hours = nan")),
     err(LOG, 4, "session.hours: expected a finite number, got nan"))
case("type: measurement value -inf", log((34, "value = -inf")),
     err(LOG, 34, "measurement.value: expected a finite number, got -inf"))
case("type: session hours as a bool", log((4, "hours = true")),
     err(LOG, 4, "session.hours: expected a number, got true"))
case("type: record kind as a value", {LOG: "session = 1\n"},
     err(LOG, 1, "session: expected [[session]] records, got 1"))
SINGLE = "[{0}] has single brackets: write [[{0}]], with double brackets, above each one of a list"
case("type: record kind as a single table", {LOG: '[output]\ndate = 2015-03-03\n'},
     err(LOG, 1, "output: " + SINGLE.format("output")))
case("type: record kind as a single table after a comment", {LOG: '# my sessions\n\n[session]\ndate = 2015-03-03\n'},
     err(LOG, 3, "session: " + SINGLE.format("session")))
case("type: records that are strings", {LOG: 'measurement = ["40 visitors"]\n'},
     err(LOG, 1, 'measurement: expected a table, got "40 visitors"'))

# --- missing and unknown keys ----------------------------------------------------------------------

for line, table, key, header in [
    (1, None, "title", 1),
    (7, "objectives", "id", 6),
    (8, "objectives", "text", 6),
    (12, "competencies", "title", 10),
    (17, "modules", "title", 15),
    (24, "output_kinds", "title", 22),
    (32, "assignments", "id", 31),
    (33, "assignments", "title", 31),
    (47, "results", "statement", 45),
    (48, "results", "measure", 45),
    (60, "results", "target", 56),
]:
    where = f"{table}: " if table else ""
    case(f"missing: curriculum {table or 'top'} {key}", cur((line, None)),
         err(CUR, header, f'{where}missing required key "{key}"'))
for line, table, key, header in [
    (1, None, "curriculum", 1),
    (2, None, "start", 1),
    (3, None, "end", 1),
    (13, "people", "id", 12),
    (24, "people", "name", 22),
    (31, "people", "role", 28),
]:
    where = f"{table}: " if table else ""
    case(f"missing: cohort {table or 'top'} {key}", coh((line, None)),
         err(COH, header, f'{where}missing required key "{key}"'))
for line, kind, key, header in [
    (2, "session", "date", 1),
    (3, "session", "mentor", 1),
    (4, "session", "hours", 1),
    (5, "session", "attended", 1),
    (13, "output", "participant", 11),
    (14, "output", "kind", 11),
    (15, "output", "title", 11),
    (26, "assessment", "competency", 23),
    (27, "assessment", "level", 23),
    (28, "assessment", "by", 23),
    (33, "measurement", "result", 31),
    (34, "measurement", "value", 31),
]:
    case(f"missing: {kind} {key}", log((line, None)), err(LOG, header, f'{kind}: missing required key "{key}"'))
case("missing: everything in a cohort file (empty)", {COH: ""},
     err(COH, 1, 'missing required key "curriculum"'),
     err(COH, 1, 'missing required key "start"'),
     err(COH, 1, 'missing required key "end"'))
case("missing: a curriculum file holding only comments", {CUR: "# to be written\n\n"},
     err(CUR, 1, 'missing required key "title"'))

for files, expected in [
    (cur((5, 'titel = "x"')), err(CUR, 5, 'unknown key "titel" (did you mean "title"?)')),
    (cur((9, 'txt = "x"')), err(CUR, 9, 'objectives: unknown key "txt" (did you mean "text"?)')),
    (cur((14, 'level = ["a", "b"]')), err(CUR, 14, 'competencies: unknown key "level" (did you mean "levels"?)')),
    (cur((21, "hour = 2")), err(CUR, 21, 'modules: unknown key "hour" (did you mean "hours"?)')),
    (cur((26, 'media = "online"')), err(CUR, 26, 'output_kinds: unknown key "media" (did you mean "medium"?)')),
    (cur((39, "deadline = 7")), err(CUR, 39, 'assignments: unknown key "deadline"')),
    (cur((44, 'atendance = "75%"')), err(CUR, 44, 'completion: unknown key "atendance" (did you mean "attendance"?)')),
    (cur((55, 'measures = "outputs"')), err(CUR, 55, 'results: unknown key "measures" (did you mean "measure"?)')),
    (cur((77, 'criteria = { attendence = "50%" }')),
     err(CUR, 77, 'results.criteria: unknown key "attendence" (did you mean "attendance"?)')),
    (cur((5, 'id = "sosmed"')), err(CUR, 5, 'unknown key "id" (a curriculum\'s id is its file\'s name)')),
    (coh((8, 'fundr = "x"')), err(COH, 8, 'unknown key "fundr" (did you mean "funder"?)')),
    (coh((21, 'nama = "Aminah binti Ali"')), err(COH, 21, 'people: unknown key "nama" (did you mean "name"?)')),
    (coh((8, 'id = "k1"')), err(COH, 8, 'unknown key "id" (a cohort\'s id is its folder\'s name)')),
    (coh((8, "logs = []")), err(COH, 8, 'unknown key "logs" (logs are files under cohorts/k1/logs/)')),
    (log((10, 'hadir = ["p01"]')), err(LOG, 10, 'session: unknown key "hadir"')),
    (log((22, 'reviewer = "rina"')), err(LOG, 22, 'output: unknown key "reviewer" (did you mean "reviewed_by"?)')),
    (log((30, "scale = 3")), err(LOG, 30, 'assessment: unknown key "scale"')),
    (log((37, 'note = "x"')), err(LOG, 37, 'measurement: unknown key "note" (did you mean "notes"?)')),
    (log((22, 'Notes = "Good"')), err(LOG, 22, 'output: unknown key "Notes" (did you mean "notes"?)')),
    ({LOG: '[[sessions]]\ndate = 2015-03-02\n'},
     err(LOG, 1, f'unknown record kind "sessions" (did you mean "session"?); a log holds {KINDS}')),
    ({LOG: '[[pertemuan]]\ndate = 2015-03-02\n'}, err(LOG, 1, f'unknown record kind "pertemuan"; a log holds {KINDS}')),
    ({LOG: 'mentor = "rina"\n'}, err(LOG, 1, f'unknown record kind "mentor"; a log holds {KINDS}')),
]:
    message = expected.split(": error: ", 1)[1]
    case(f"unknown key: {message}", files, expected)

# --- enumerations and did you mean -------------------------------------------------------------------

case("enum: role misspelt", coh((31, 'role = "mentr"')),
     err(COH, 31, f'people.role: expected one of {ROLES}, got "mentr" (did you mean "mentor"?)'))
case("enum: role in Indonesian", coh((25, 'role = "peserta"')),
     err(COH, 25, f'people.role: expected one of {ROLES}, got "peserta"'))
case("enum: status capitalised", log((18, 'status = "Accepted"')),
     err(LOG, 18, f'output.status: expected one of {STATUSES}, got "Accepted" (did you mean "accepted"?)'))
case("enum: assignment min_status misspelt", cur((38, 'min_status = "acepted"')),
     err(CUR, 38, f'assignments.min_status: expected one of {STATUSES}, got "acepted" (did you mean "accepted"?)'))
case("enum: measure misspelt", cur((48, 'measure = "output"')),
     err(CUR, 48, f'results.measure: expected one of {MEASURES}, got "output" (did you mean "outputs"?)'))

# --- every rule of FORMAT.md -------------------------------------------------------------------------

# Ids are slugs; file and folder names are ids.
for line, table, bad in [(7, "objectives", "O1"), (11, "competencies", "face book"), (16, "modules", "m.1"),
                         (23, "output_kinds", "-post"), (32, "assignments", "tugas-é"), (46, "results", "")]:
    new = f'id = "{bad}"'
    extra = []
    if table == "output_kinds":  # the assignment, the result kinds now name a kind that is not there
        extra = [err(CUR, 35, 'assignments.output: unknown output kind "post" (did you mean "-post"?)'),
                 err(CUR, 52, 'results.kinds: unknown output kind "post" (did you mean "-post"?)'),
                 err(CUR, 67, 'results.kinds: unknown output kind "post" (did you mean "-post"?)')]
    if table == "objectives":
        extra = [err(CUR, 19, 'modules.objectives: unknown objective "o1"')]
    if table == "competencies":
        extra = [err(CUR, 43, 'completion.competencies: unknown competency "facebook" (did you mean "face book"?)')]
    if table == "modules":
        extra = [err(CUR, 34, 'assignments.module: unknown module "m1" (did you mean "m.1"?)'),
                 err(CUR, 84, 'results.modules: unknown module "m1" (did you mean "m.1"?)')]
    if table == "assignments":
        extra = [err(CUR, 53, 'results.assignment: unknown assignment "a1"')]
    expected = sorted([err(CUR, line, f'{table}.id: "{bad}" is not a valid id: {SLUG}'), *extra],
                      key=lambda text: int(text.split(":")[1]))
    case(f"rule: {table} id {bad!r} is not a slug", cur((line, new)), *expected)
case("rule: curriculum file name is not a slug", {"curricula/Sosmed 2015.toml": 'title = "x"\n'},
     err("curricula/Sosmed 2015.toml", 1, f'"Sosmed 2015" is not a valid id: {SLUG}'))
case("rule: curriculum file name with an accent", {"curricula/sosméd.toml": 'title = "x"\n'},
     err("curricula/sosméd.toml", 1, f'"sosméd" is not a valid id: {SLUG}'))
case("rule: cohort folder name with an accent", {"cohorts/kelas-médan/cohort.toml": FULL_COH},
     err("cohorts/kelas-médan/cohort.toml", 1, f'"kelas-médan" is not a valid id: {SLUG}'))
case("rule: person id with an accent", coh((13, 'id = "aminah-é"')),
     err(COH, 13, f'people.id: "aminah-é" is not a valid id: {SLUG}'))
case("rule: person id in capitals", coh((29, 'id = "Rina"')),
     err(COH, 29, f'people.id: "Rina" is not a valid id: {SLUG}'))
# A person whose entry is wrong in cohort.toml is one problem there, not one per record naming them.
case("rule: person id in capitals, named in lower case by the records", {**coh((13, 'id = "P01"')), **log()},
     err(COH, 13, f'people.id: "P01" is not a valid id: {SLUG}'))
case("rule: person entry that cannot be read keeps its id; the log is still checked",
     {**coh((15, 'role = "peserta"')), **log((6, 'expected = ["p01", "p02", "p09"]'))},
     err(COH, 15, f'people.role: expected one of {ROLES}, got "peserta"'),
     err(LOG, 6, 'session.expected: unknown participant "p09" (did you mean "p02"?)'))
case("rule: duplicate person after an entry that cannot be read", coh((15, 'role = "peserta"'), (34, 'id = "rina"')),
     err(COH, 15, f'people.role: expected one of {ROLES}, got "peserta"'),
     err(COH, 34, 'people.id: duplicate person id "rina" (first at line 29)'))
case("rule: output id with a non-ASCII letter", log((16, 'id = "tulisan-ñ"')),
     err(LOG, 16, f'output.id: "tulisan-ñ" is not a valid id: {SLUG}'))
case("rule: output id with a space", log((16, 'id = "post 1"')),
     err(LOG, 16, f'output.id: "post 1" is not a valid id: {SLUG}'))

# Ids are unique per kind; the same id in two kinds is fine.
case("rule: duplicate objective", cur((9, '[[objectives]]\nid = "o1"\ntext = "Again"')),
     err(CUR, 10, 'objectives.id: duplicate objective id "o1" (first at line 7)'))
case("rule: duplicate output kind", cur((30, '[[output_kinds]]\nid = "post"\ntitle = "Again"\n')),
     err(CUR, 31, 'output_kinds.id: duplicate output kind id "post" (first at line 23)'))
case("rule: duplicate competency", cur((14, '[[competencies]]\nid = "facebook"\ntitle = "Again"')),
     err(CUR, 15, 'competencies.id: duplicate competency id "facebook" (first at line 11)'))
case("rule: duplicate module", cur((21, '[[modules]]\nid = "m1"\ntitle = "Again"')),
     err(CUR, 22, 'modules.id: duplicate module id "m1" (first at line 16)'))
case("rule: duplicate assignment", cur((39, '[[assignments]]\nid = "a1"\ntitle = "Again"')),
     err(CUR, 40, 'assignments.id: duplicate assignment id "a1" (first at line 32)'))
case("rule: duplicate result", cur((62, "[[results]]"), (63, 'id = "visitors"')),
     err(CUR, 63, 'results.id: duplicate result id "visitors" (first at line 57)'))
case("rule: duplicate person", coh((34, 'id = "rina"')),
     err(COH, 34, 'people.id: duplicate person id "rina" (first at line 29)'))
case("rule: the same id for a module and an objective is fine", cur((16, 'id = "o1"'), (34, 'module = "o1"'), (84, 'modules = ["o1"]')))

# Curriculum references.
case("rule: module names an unknown objective", cur((19, 'objectives = ["o1", "o2"]')),
     err(CUR, 19, 'modules.objectives: unknown objective "o2"'))
case("rule: negative planned hours", cur((18, "hours = -3")),
     err(CUR, 18, "modules.hours: planned hours cannot be negative, got -3"))
case("rule: assignment names an unknown module", cur((34, 'module = "m2"')),
     err(CUR, 34, 'assignments.module: unknown module "m2"'))
case("rule: assignment names an unknown output kind", cur((35, 'output = "posts"')),
     err(CUR, 35, 'assignments.output: unknown output kind "posts" (did you mean "post"?)'))
case("rule: assignment due before the start", cur((36, "due_day = -1")),
     err(CUR, 36, "assignments.due_day: days after the start cannot be negative, got -1"))
case("rule: assignment due in 200 years", cur((36, "due_day = 73000")),
     err(CUR, 36, "assignments.due_day: must be at most 36525 (100 years), got 73000"))
case("rule: a scale of one level", cur((13, 'levels = ["done"]')),
     err(CUR, 13, 'competencies.levels: the scale of "facebook" needs at least 2 levels, got 1'),
     err(CUR, 43, 'completion.competencies: "basic" is not a level of "facebook" ("done")'))
case("rule: a level named twice", cur((13, 'levels = ["no", "basic", "basic"]')),
     err(CUR, 13, 'competencies.levels: level "basic" is named twice in the scale of "facebook"'))
case("rule: completion names an unknown assignment", cur((41, 'assignments = ["a1", "a-one"]')),
     err(CUR, 41, 'completion.assignments: unknown assignment "a-one"'))
case("rule: completion attendance as a number", cur((42, "attendance = 75")),
     err(CUR, 42, 'completion.attendance: expected a percentage such as "75%", got 75'))
case("rule: completion names an unknown competency", cur((43, 'competencies = { facebok = 1 }')),
     err(CUR, 43, 'completion.competencies: unknown competency "facebok" (did you mean "facebook"?)'))
case("rule: completion level above the scale", cur((43, "competencies = { facebook = 3 }")),
     err(CUR, 43, 'completion.competencies: level 3 is outside the scale of "facebook" (0 to 2)'))
case("rule: completion level name misspelt", cur((43, 'competencies = { facebook = "basc" }')),
     err(CUR, 43, 'completion.competencies: "basc" is not a level of "facebook" ("no", "basic", "good") (did you mean "basic"?)'))
case("rule: criteria level below the scale", cur((77, "criteria = { competencies = { facebook = -1 } }")),
     err(CUR, 77, 'results.criteria.competencies: level -1 is outside the scale of "facebook" (0 to 2)'))
case("rule: criteria names an unknown assignment", cur((77, 'criteria = { assignments = ["a2"] }')),
     err(CUR, 77, 'results.criteria.assignments: unknown assignment "a2"'))
case("rule: criteria attendance as a number", cur((77, "criteria = { attendance = 50 }")),
     err(CUR, 77, 'results.criteria.attendance: expected a percentage such as "75%", got 50'))

# Results: filters fit their measure, targets fit too, references exist, day numbers in range.
for measure, line, filter_line, takes in [
    ("sessions", 48, (55, 'kinds = ["post"]'), "modules"),
    ("hours", 48, (55, 'criteria = { attendance = "50%" }'), "modules"),
]:
    key = filter_line[1].split(" =")[0]
    case(f"rule: {key} does not apply to measure {measure}", cur((48, f'measure = "{measure}"'), (52, None), (53, None), (54, None), filter_line),
         err(CUR, 55, f'results.{key}: does not apply to measure "{measure}" (it takes {takes})'))
case("rule: modules do not apply to outputs", cur((55, 'modules = ["m1"]')),
     err(CUR, 55, 'results.modules: does not apply to measure "outputs" (it takes assignment, kinds, min_status)'))
case("rule: a reported result takes no filters", cur((61, 'kinds = ["post"]')),
     err(CUR, 61, 'results.kinds: does not apply to measure "reported" (it takes no filters)'))
case("rule: every_days does not apply to attendance",
     cur((82, 'measure = "attendance"'), (83, 'target = "90%"'), (84, 'modules = ["m1"]\nevery_days = 7')),
     err(CUR, 85, 'results.every_days: does not apply to measure "attendance" (it takes modules)'))
case("rule: criteria do not apply to cadence", cur((71, 'criteria = { attendance = "50%" }')),
     err(CUR, 71, 'results.criteria: does not apply to measure "cadence" (it takes every_days, from_day, kinds, min_status, per_period)'))
case("rule: a rate with a count target", cur((66, "target = 80")),
     err(CUR, 66, 'results.target: measure "cadence" is a rate, so its target is a percentage such as "80%", got 80'))
case("rule: a count with a percentage target", cur((83, 'target = "20%"')),
     err(CUR, 83, 'results.target: measure "hours" is a count, so its target is a number, got "20%"'))
case("rule: a negative target", cur((60, "target = -100")),
     err(CUR, 60, "results.target: a target cannot be negative, got -100"))
case("rule: result kinds name an unknown kind", cur((52, 'kinds = ["post", "video"]')),
     err(CUR, 52, 'results.kinds: unknown output kind "video"'))
case("rule: result names an unknown assignment", cur((53, 'assignment = "a2"')),
     err(CUR, 53, 'results.assignment: unknown assignment "a2"'))
case("rule: result names an unknown module", cur((84, 'modules = ["m01"]')),
     err(CUR, 84, 'results.modules: unknown module "m01" (did you mean "m1"?)'))
case("rule: cadence without every_days", cur((68, None)),
     err(CUR, 62, 'results: measure "cadence" needs every_days (the length of a period in days)'))
case("rule: every_days of 0", cur((68, "every_days = 0")),
     err(CUR, 68, "results.every_days: must be at least 1, got 0"))
case("rule: per_period of 0", cur((70, "per_period = 0")),
     err(CUR, 70, "results.per_period: must be at least 1, got 0"))
case("rule: negative from_day", cur((69, "from_day = -7")),
     err(CUR, 69, "results.from_day: must be at least 0, got -7"))
case("rule: negative result due_day", cur((51, "due_day = -30")),
     err(CUR, 51, "results.due_day: must be at least 0, got -30"))
case("rule: result due_day beyond 100 years", cur((51, "due_day = 99999999")),
     err(CUR, 51, "results.due_day: must be at most 36525 (100 years), got 99999999"))
case("rule: every_days beyond 100 years", cur((68, "every_days = 40000")),
     err(CUR, 68, "results.every_days: must be at most 36525 (100 years), got 40000"))

# Cohort rules.
case("rule: cohort runs an unknown curriculum", coh((1, 'curriculum = "sosmed-2015"')),
     err(COH, 1, 'curriculum: unknown curriculum "sosmed-2015" (did you mean "sosmed"?)'))
case("rule: cohort starts after it ends", coh((2, "start = 2015-04-01")),
     err(COH, 2, "start (2015-04-01) is after end (2015-03-31)"),
     err(COH, 26, 'people.left: "p02" leaves (2015-03-20) on or before joining (2015-04-01)'))
case("rule: target override for no result", coh((9, "[targets]\npost = 12"), (10, None)),
     err(COH, 10, 'targets: curriculum "sosmed" has no result "post" (did you mean "posts"?)'))
case("rule: target override with a percentage for a count", coh((10, 'posts = "50%"')),
     err(COH, 10, 'targets.posts: measure "outputs" is a count, so its target is a number, got "50%"'))
case("rule: negative target override", coh((10, "posts = -1")),
     err(COH, 10, "targets.posts: a target cannot be negative, got -1"))
case("rule: someone leaves before joining", coh((18, "joined = 2015-03-26")),
     err(COH, 19, 'people.left: "p01" leaves (2015-03-25) on or before joining (2015-03-26)'))
case("rule: someone leaves on the start day", coh((26, "left = 2015-03-01")),
     err(COH, 26, 'people.left: "p02" leaves (2015-03-01) on or before joining (2015-03-01)'))

# Sessions.
case("rule: session mentor is a participant", log((3, 'mentor = "p01"')),
     err(LOG, 3, 'session.mentor: "p01" is a participant, not a facilitator or mentor'))
case("rule: session mentor is an observer", log((3, 'mentor = "obs"')),
     err(LOG, 3, 'session.mentor: "obs" is an observer, not a facilitator or mentor'))
case("rule: session mentor misspelt", log((3, 'mentor = "rian"')),
     err(LOG, 3, 'session.mentor: unknown mentor "rian" (did you mean "rina"?)'))
case("rule: session mentor written by name", log((3, 'mentor = "Rina"')),
     err(LOG, 3, 'session.mentor: unknown mentor "Rina" (that is the name of "rina"; write the id)'))
case("rule: session of no hours", log((4, "hours = 0")),
     err(LOG, 4, "session.hours: must be more than 0, got 0"))
case("rule: session of negative hours", log((4, "hours = -1.5")),
     err(LOG, 4, "session.hours: must be more than 0, got -1.5"))
case("rule: session names an unknown module", log((7, 'modules = ["m1", "m2"]')),
     err(LOG, 7, 'session.modules: unknown module "m2"'))
case("rule: session attended by someone unknown", log((5, 'attended = ["p03"]')),
     err(LOG, 5, 'session.attended: unknown participant "p03" (did you mean "p02"?)'))
case("rule: session attended written by name", log((5, 'attended = ["Aminah"]')),
     err(LOG, 5, 'session.attended: unknown participant "Aminah" (that is the name of "p01"; write the id)'))
case("rule: session expects the mentor", log((6, 'expected = ["p01", "rina"]')),
     err(LOG, 6, 'session.expected: "rina" is a mentor, not a participant'))
case("rule: session lists a participant twice", log((5, 'attended = ["p01", "p01"]')),
     err(LOG, 5, 'session.attended: "p01" is listed twice'))
case("rule: participant attends and is expected after leaving (warnings)",
     log((2, "date = 2015-03-21"), (5, 'attended = ["p01", "p02"]')),
     warn(LOG, 5, 'session.attended: "p02" attended on 2015-03-21 but left on 2015-03-20'),
     warn(LOG, 6, 'session.expected: "p02" expected on 2015-03-21 but left on 2015-03-20'))
case("rule: participant attends before joining (warnings)", {**coh((18, "joined = 2015-03-10")), **log()},
     warn(LOG, 5, 'session.attended: "p01" attended on 2015-03-02 but is enrolled from 2015-03-10'),
     warn(LOG, 6, 'session.expected: "p01" expected on 2015-03-02 but is enrolled from 2015-03-10'))
case("rule: attended but not expected (warning)", log((6, 'expected = ["p02"]')),
     warn(LOG, 5, 'session.attended: "p01" attended but is not in expected; not counted in attendance'))

# Outputs.
case("rule: output by a mentor", log((13, 'participant = "rina"')),
     err(LOG, 13, 'output.participant: "rina" is a mentor, not a participant'))
case("rule: output of an unknown kind", log((14, 'kind = "posting"')),
     err(LOG, 14, 'output.kind: unknown output kind "posting" (did you mean "post"?)'),
     err(LOG, 14, 'output.kind: assignment "a1" asks for a "post", got "posting"'))
case("rule: output for an unknown assignment", log((17, 'assignment = "a01"')),
     err(LOG, 17, 'output.assignment: unknown assignment "a01" (did you mean "a1"?)'))
case("rule: output of the wrong kind for its assignment", log((14, 'kind = "article"')),
     err(LOG, 14, 'output.kind: assignment "a1" asks for a "post", got "article"'))
case("rule: output reviewed by someone unknown", log((20, 'reviewed_by = "rini"')),
     err(LOG, 20, 'output.reviewed_by: unknown person "rini" (did you mean "rina"?)'))
case("rule: output records of one id disagree",
     {LOG: edit(FULL_LOG, (22, '\n[[output]]\ndate = 2015-03-04\nparticipant = "p02"\nkind = "post"\ntitle = "Mine"\nid = "post-1"\nassignment = "a1"\n'))},
     err(LOG, 25, 'output.participant: output "post-1" was first recorded with participant "p01", here with participant "p02"'))
case("rule: output records of one id disagree on the kind",
     {LOG: edit(FULL_LOG, (22, '\n[[output]]\ndate = 2015-03-04\nparticipant = "p01"\nkind = "article"\ntitle = "Mine"\nid = "post-1"\nassignment = "a1"\n'))},
     err(LOG, 26, 'output.kind: assignment "a1" asks for a "post", got "article"'),
     err(LOG, 26, 'output.kind: output "post-1" was first recorded with kind "post", here with kind "article"'))
case("rule: output records of one id, across logs, disagree on the assignment",
     {**log(), "cohorts/k1/logs/p01.toml": '[[output]]\ndate = 2015-03-10\nparticipant = "p01"\nkind = "post"\ntitle = "x"\nid = "post-1"\nstatus = "published"\n'},
     err(LOG, 17, 'output.assignment: output "post-1" was first recorded with no assignment, here with assignment "a1"'))

# Assessments.
case("rule: assessment of a mentor", log((25, 'participant = "rina"')),
     err(LOG, 25, 'assessment.participant: "rina" is a mentor, not a participant'))
case("rule: assessment of an unknown competency", log((26, 'competency = "fb"')),
     err(LOG, 26, 'assessment.competency: unknown competency "fb"'))
case("rule: assessment level above the scale", log((27, "level = 4")),
     err(LOG, 27, 'assessment.level: level 4 is outside the scale of "facebook" (0 to 3)'))
case("rule: assessment level name misspelt", log((27, 'level = "independant"')),
     err(LOG, 27, 'assessment.level: "independant" is not a level of "facebook" ("not yet", "basic", "independent", "can teach others") (did you mean "independent"?)'))
case("rule: assessment level in Indonesian", log((27, 'level = "mandiri"')),
     err(LOG, 27, 'assessment.level: "mandiri" is not a level of "facebook" ("not yet", "basic", "independent", "can teach others")'))
case("rule: assessment by an observer", log((28, 'by = "obs"')),
     err(LOG, 28, 'assessment.by: "obs" is an observer, not a coordinator, facilitator, implementer or mentor (or "self")'))
case("rule: assessment by someone unknown", log((28, 'by = "selff"')),
     err(LOG, 28, 'assessment.by: unknown assessor "selff" (did you mean "self"?)'))
case("rule: assessment by a participant other than self", log((28, 'by = "p02"')),
     err(LOG, 28, 'assessment.by: "p02" is a participant, not a coordinator, facilitator, implementer or mentor (or "self")'))

# Measurements.
case("rule: measurement for an unknown result", log((33, 'result = "visitor"')),
     err(LOG, 33, 'measurement.result: unknown result "visitor" (did you mean "visitors"?)'))
case("rule: measurement for a computed result", log((33, 'result = "posts"')),
     err(LOG, 33, 'measurement.result: "posts" is measured by "outputs", not "reported"; its actual is computed from the logs'))

# Dates outside the cohort (warnings).
case("rule: session before the start (warning)", log((2, "date = 2015-02-28")),
     warn(LOG, 2, "session.date: 2015-02-28 is before the cohort's start (2015-03-01)"),
     warn(LOG, 5, 'session.attended: "p01" attended on 2015-02-28 but is enrolled from 2015-03-01'),
     warn(LOG, 6, 'session.expected: "p01" expected on 2015-02-28 but is enrolled from 2015-03-01'),
     warn(LOG, 6, 'session.expected: "p02" expected on 2015-02-28 but is enrolled from 2015-03-01'))
case("rule: output after the end (warning)", log((12, "date = 2015-04-01")),
     warn(LOG, 12, "output.date: 2015-04-01 is after the cohort's end (2015-03-31)"))
case("rule: assessment before the start (warning)", log((24, "date = 2014-03-04")),
     warn(LOG, 24, "assessment.date: 2014-03-04 is before the cohort's start (2015-03-01)"))
case("rule: negative measurement", log((34, "value = -40")),
     err(LOG, 34, "measurement.value: a measurement counts something, so it cannot be negative, got -40"))
case("rule: measurement after the end (warning)", log((32, "date = 2016-03-05")),
     warn(LOG, 32, "measurement.date: 2016-03-05 is after the cohort's end (2015-03-31)"))

# --- malformed TOML ----------------------------------------------------------------------------------

SESSION = '[[session]]\ndate = 2015-03-02\nmentor = "rina"\nhours = 2\nattended = ["p01"]\n'  # lines 1-5


def syntax(name: str, files: Files, line: int, message: str, path: str = LOG) -> None:
    """A case whose one problem is malformed TOML at a line."""
    case(f"syntax: {name}", files, err(path, line, f"malformed TOML: {message}"))


NOT_CLOSED = "the string opened on this line is not closed on the line where it starts (a closing {} is missing)"
NEVER_CLOSED = "the string opened on this line is not closed anywhere after it (a closing {} is missing)"
LIST_OPEN = 'the list opened on this line is never closed (a "]" is missing)'
TABLE_OPEN = 'the inline table opened on this line is never closed (a "}" is missing)'
BACKSLASH = 'a backslash in a "..." string starts an escape such as \\n: write \\\\ for a backslash, or put the text in \'...\''
DATE = "{} is not a valid date (write year-month-day, such as 2015-03-05)"

# Strings not closed: placed where the string opens, not where the parser gave up.
syntax("basic string not closed", log((3, 'mentor = "rina')), 3, NOT_CLOSED.format('"'))
syntax("literal string not closed, at the end of the file", {LOG: SESSION + "notes = 'Made the page\n"}, 6, NOT_CLOSED.format("'"))
syntax("literal string not closed, another one later", log((8, "notes = 'Made the page"), (15, "title = 'My first post'")),
       8, NOT_CLOSED.format("'"))
syntax("multi-line string not closed", log((8, 'notes = """Made the page,')), 8, NEVER_CLOSED.format('"""'))
syntax("multi-line literal string not closed", log((29, "notes = '''Posts alone")), 29, NEVER_CLOSED.format("'''"))
syntax("string not closed in a list", log((5, 'attended = ["p01, "p02"]')), 5,
       'a "," is missing between two items of a list')  # the parser reads "p01, " and then p02
syntax("string not closed in the cohort", coh((14, 'name = "Aminah')), 14, NOT_CLOSED.format('"'), COH)
syntax("string not closed in the curriculum title", cur((1, 'title = "Social media mentoring')), 1, NOT_CLOSED.format('"'), CUR)
syntax("escaped quote does not close a string", log((8, 'notes = "She said \\"ok\\"')), 8, NOT_CLOSED.format('"'))

# Lists and inline tables not closed, or missing a comma.
syntax("list not closed before the next key", log((5, 'attended = ["p01"')), 5, LIST_OPEN)
syntax("list not closed at the end of the file", {LOG: SESSION.replace('["p01"]', '["p01",\n  "p02",')}, 5, LIST_OPEN)
syntax("list not closed after a comma, before the next key", log((5, 'attended = ["p01",')), 5, LIST_OPEN)
syntax("list not closed before the next record", log((9, 'follow_up = ["Post twice a week"')), 9, LIST_OPEN)
syntax("list missing a comma", log((6, 'expected = ["p01" "p02"]')), 6, 'a "," is missing between two items of a list')
syntax("multi-line list missing a comma", log((6, 'expected = [\n  "p01"\n  "p02",\n]')), 8,
       'a "," is missing between two items of a list')
syntax("list with two commas", log((6, 'expected = ["p01",, "p02"]')), 6, "Invalid value")
syntax("inline table not closed", cur((43, 'competencies = { facebook = "basic"')), 43, TABLE_OPEN, CUR)
syntax("inline table missing a comma", cur((77, 'criteria = { attendance = "50%" assignments = "required" }')), 77,
       'a "," is missing between two keys of an inline table', CUR)
syntax("inline table with two commas", cur((77, 'criteria = { attendance = "50%",, assignments = "required" }')), 77,
       "Invalid initial character for a key part", CUR)

# Headers.
syntax("array of tables header not closed", log((11, "[[output]")), 11, "Expected ']]' at the end of an array declaration")
syntax("table header not closed", coh((9, "[targets")), 9, "Expected ']' at the end of a table declaration", COH)
syntax("table header with one bracket too many", coh((9, "[targets]]")), 9,
       "Expected newline or end of document after a statement", COH)
syntax("10,000 opening brackets", {LOG: "[" * 10_000 + "\n"}, 1, "Invalid initial character for a key part")
syntax("table declared twice", coh((11, "[targets]")), 11, "the table [targets] is declared twice", COH)
syntax("table declared after a key of the same name", coh((8, "targets = {}")), 9, "the table [targets] is declared twice", COH)
syntax("array of tables redeclared as a table", {LOG: SESSION + "[session]\n"}, 6, SINGLE.format("session"))
syntax("a table then an array of tables of the same name", {LOG: SESSION.replace("[[session]]", "[session]") + "\n" + SESSION}, 1,
       SINGLE.format("session"))
syntax("key written twice", log((10, 'mentor = "rina"')), 10, 'the key "mentor" is given a value twice')
syntax("key written twice, one dotted", {LOG: 'a.b = 1\na = 2\n'}, 2, 'the key "a" is given a value twice')
syntax("key without a value", log((4, "hours =")), 4, "Invalid value")
syntax("key without an equals sign", log((4, "hours 2")), 4, "Expected '=' after a key in a key/value pair")
syntax("key with a space", log((10, 'follow up = ["Post twice a week"]')), 10, "Expected '=' after a key in a key/value pair")
syntax("key with a non-ASCII letter", log((10, 'catatán = "x"')), 10, "Expected '=' after a key in a key/value pair")
syntax("value without a key", log((4, "= 2")), 4, "Invalid statement")

# Values a trainer writes by hand.
syntax("month 13", coh((2, "start = 2015-13-01")), 2, DATE.format("2015-13-01"), COH)
syntax("30 February", coh((3, "end = 2015-02-30")), 3, DATE.format("2015-02-30"), COH)
syntax("day 32", log((2, "date = 2015-03-32")), 2, DATE.format("2015-03-32"))
syntax("month 0", log((12, "date = 2015-00-10")), 12, DATE.format("2015-00-10"))
syntax("date without leading zeros", log((24, "date = 2015-3-4")), 24, DATE.format("2015-3-4"))
syntax("date day first", log((32, "date = 05-03-2015")), 32, DATE.format("05-03-2015"))
syntax("date with slashes", coh((18, "joined = 2015/03/01")), 18, DATE.format("2015/03/01"), COH)
syntax("date in a list", log((6, "expected = [2015-13-01]")), 6, DATE.format("2015-13-01"))
syntax("time of day 25:00", log((2, "date = 2015-03-02T25:00:00")), 2, DATE.format("2015-03-02T25:00:00"))
syntax("leading zero", log((4, "hours = 02")), 4, "02 is not a number: a number does not start with 0 (write 2)")
syntax("leading zeros with a decimal point", log((34, "value = 007.5")), 34,
       "007.5 is not a number: a number does not start with 0 (write 7.5)")
syntax("leading zero with a sign", cur((36, "due_day = +07")), 36, "+07 is not a number: a number does not start with 0 (write +7)", CUR)
syntax("decimal comma", log((4, "hours = 1,5")), 4, "1,5 is not a number: decimals are written with a point, such as 1.5")
syntax("percentage without quotes", cur((42, "attendance = 75%")), 42,
       '75% is not a value: a percentage is written in quotes, such as "75%"', CUR)
syntax("percentage without quotes, with a space", cur((66, "target = 80 %")), 66,
       '80% is not a value: a percentage is written in quotes, such as "80%"', CUR)
syntax("text without quotes", log((3, "mentor = rina")), 3, 'rina is not a value: text is written in quotes, such as "rina"')
syntax("title without quotes", log((15, "title = Tulisan pertama saya # draft")), 15,
       'Tulisan pertama saya is not a value: text is written in quotes, such as "Tulisan pertama saya"')
syntax("ids without quotes in a list", log((5, "attended = [p01]")), 5, 'p01 is not a value: text is written in quotes, such as "p01"')
syntax("True with a capital", cur((37, "required = True")), 37, "True is not a value: true and false are written in lower case", CUR)
syntax("true misspelt", cur((37, "required = ture")), 37, "ture is not a value (did you mean true?)", CUR)
syntax("yes for true", cur((37, "required = yes")), 37, 'yes is not a value: text is written in quotes, such as "yes"', CUR)
syntax("Windows path in a string", log((8, 'notes = "Saved in C:\\Users\\rina"')), 8, BACKSLASH)
syntax("unknown escape", log((21, 'notes = "Good \\q"')), 21, BACKSLASH)
syntax("escape of a surrogate", log((21, 'notes = "\\uD800"')), 21, "Escaped character is not a Unicode scalar value")
syntax("binary number with a 2", log((34, "value = 0b102")), 34, "Expected newline or end of document after a statement")
syntax("two values for one key", log((4, "hours = 2 3")), 4, "Expected newline or end of document after a statement")
syntax("control character in a string", {LOG: b'[[session]]\nnotes = "a\x01b"\n'}, 2, "Illegal character '\\x01'")
syntax("NUL bytes", {LOG: b"\x00\x00\x00\x00"}, 1, "Invalid statement")
syntax("lone carriage returns (old Mac line ends)", {LOG: SESSION.replace("\n", "\r").encode()}, 1,
       "a line ends in a lone carriage return; save the file with LF or CRLF line ends")
syntax("byte-order mark in the middle", {LOG: (SESSION + "\ufeff" + SESSION).encode()}, 6,
       "a byte-order mark (U+FEFF) inside the file; delete it (were two files pasted together?)")

# Valid TOML 1.1 that trainers may write: these are fine.
case("valid: trailing comma in an inline table", coh((9, "targets = { posts = 12, }"), (10, None)))
case("valid: inline table over several lines", cur((43, "competencies = {\n  facebook = \"basic\",\n}")))
case("valid: trailing comma in a list", log((6, 'expected = ["p01", "p02",]')))
case("valid: keys indented and spaced", {LOG: "  [[session]]\n    date=2015-03-02\n\tmentor   =   'rina'\n  hours = 2.0\n  attended = [ ]\n"})
case("valid: comments everywhere", {LOG: "# log\n[[session]] # one\ndate = 2015-03-02 # day\nmentor = \"rina\" # me\nhours = 2\nattended = [ # who\n  \"p01\", # A\n]\n"})
case("valid: a date and time where no date is needed is still a type error",
     log((2, "date = 2015-03-02 10:00")),
     err(LOG, 2, "session.date: expected a date such as 2015-03-05, got a date and time (2015-03-02T10:00:00)"))

# --- empty, binary, byte-order marks, line ends ----------------------------------------------------------

case("file: empty log", {LOG: ""})
case("file: log of blank lines and comments", {LOG: "\n\n   \n# nothing yet\n\t\n"})
case("file: log holding only a byte-order mark", {LOG: b"\xef\xbb\xbf"})
case("file: empty curriculum", {CUR: ""}, err(CUR, 1, 'missing required key "title"'))
case("file: a picture saved as a log", {LOG: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"},
     err(LOG, 1, "is not UTF-8 text (is it a binary file?)"))
case("file: binary after two good lines", {LOG: b"[[session]]\ndate = 2015-03-02\n\xff\xfe\x00\x01"},
     err(LOG, 3, "is not UTF-8 text (is it a binary file?)"))
case("file: a zip archive as the cohort", {COH: b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x9c\x8a"},
     err(COH, 1, "is not UTF-8 text (is it a binary file?)"))
case("file: Latin-1 text (an accent saved by an old editor)", {LOG: (SESSION + 'notes = "Dédé"\n').encode("latin-1")},
     err(LOG, 6, "is not UTF-8 text (was it saved in another encoding? save it again as UTF-8)"))
case("file: UTF-16 text (Windows Notepad's Unicode)", {CUR: FULL_CUR.lstrip("\n").encode("utf-16")},
     err(CUR, 1, "is UTF-16 text, not UTF-8 (save it again as UTF-8)"))
case("file: byte-order mark and CRLF in a log", {LOG: ("\ufeff" + FULL_LOG.lstrip("\n").replace("\n", "\r\n")).encode()})
case("file: byte-order mark and CRLF in the cohort", {COH: ("\ufeff" + FULL_COH.lstrip("\n").replace("\n", "\r\n")).encode()})
case("file: byte-order mark and CRLF in the curriculum", {CUR: ("\ufeff" + FULL_CUR.lstrip("\n").replace("\n", "\r\n")).encode()})
case("file: CRLF line ends without a byte-order mark", {LOG: FULL_LOG.lstrip("\n").replace("\n", "\r\n").encode()})
case("file: byte-order mark and CRLF, with a problem at its line",
     {LOG: ("\ufeff" + edit(FULL_LOG, (20, 'reviewed_by = "rian"')).replace("\n", "\r\n")).encode()},
     err(LOG, 20, 'output.reviewed_by: unknown person "rian" (did you mean "rina"?)'))
case("file: CRLF with a syntax error at its line", {LOG: edit(FULL_LOG, (27, "level = 01")).replace("\n", "\r\n").encode()},
     err(LOG, 27, "malformed TOML: 01 is not a number: a number does not start with 0 (write 1)"))
case("file: a mix of LF and CRLF line ends", {LOG: SESSION.replace("\n", "\r\n", 2).encode()})
case("file: files under logs/ that are not .toml are not read",
     {LOG: FULL_LOG, "cohorts/k1/logs/notes.txt": b"\x00\xff", "cohorts/k1/logs/rina.toml~": "[[", "cohorts/k1/logs/README": "x"})
case("file: a cohort folder whose name starts with a dot is ignored", {"cohorts/.trash/cohort.toml": b"\x00"})

# --- deep nesting ----------------------------------------------------------------------------------

NESTED = "malformed TOML: nested too deeply (TOML inline arrays/tables are nested more than the allowed 400 levels)"
case("nesting: a list 10,000 deep", {LOG: "x = " + "[" * 10_000 + "]" * 10_000 + "\n"}, err(LOG, 1, NESTED))
case("nesting: a list 10,000 deep, never closed", {LOG: SESSION + "notes = " + "[" * 10_000 + "\n"}, err(LOG, 6, NESTED))
case("nesting: inline tables 10,000 deep", {COH: FULL_COH.lstrip("\n") + "extra = " + "{a = " * 10_000 + "1" + "}" * 10_000 + "\n"},
     err(COH, 42, NESTED))
case("nesting: lists over several lines", {CUR: 'title = "T"\nx = [\n' + "[\n" * 500 + "]\n" * 500 + "]\n"},
     err(CUR, 402, NESTED))
case("nesting: 399 levels parse, and are one unknown key", {CUR: FULL_CUR.lstrip("\n") + "x = " + "[" * 399 + "]" * 399 + "\n"},
     err(CUR, 85, 'results: unknown key "x"'))  # appended to the last [[results]]
case("nesting: a dotted key of 2,000 parts", {LOG: SESSION + ".".join(["a"] * 2000) + " = 1\n"},
     err(LOG, 6, "malformed TOML: nested too deeply (TOML key has more than the allowed 1000 parts)"))
case("nesting: a table header of 2,000 parts", {LOG: SESSION + "[" + ".".join(["a"] * 2000) + "]\n"},
     err(LOG, 6, "malformed TOML: nested too deeply (TOML key has more than the allowed 1000 parts)"))
case("nesting: 500 dotted parts parse, and are one unknown record kind", {LOG: ".".join(["a"] * 500) + " = 1\n"},
     err(LOG, 1, f'unknown record kind "a"; a log holds {KINDS}'))
case("nesting: criteria nested in criteria", cur((77, "criteria = { criteria = { criteria = {} } }")),
     err(CUR, 77, 'results.criteria: unknown key "criteria"'))

# --- non-ASCII names and ids -------------------------------------------------------------------------

case("names: Indonesian names with accents, and other scripts, are fine",
     coh((14, 'name = "Siti Nurhaliza Pérez"'), (24, 'name = "Dewi Ayu Lestari Ñ"'), (30, 'name = "Rina Sitompul 🙂"'),
         (35, 'name = "يوسف"'), (5, 'location = "Tanjungbalai, Sumatera Utara — kantor Hapsari"')))
case("names: curriculum text in Indonesian with accents is fine",
     cur((1, 'title = "Pendampingan media sosial — Serikat Perempuan"'), (8, 'text = "Mengelola halaman organisasi « Hapsari »"')))
case("names: log notes in any script are fine", log((8, 'notes = "Belajar membuat halaman 📱 — très bien, 很好"')))
case("names: a log file named with an accent is read", {"cohorts/k1/logs/dédé.toml": FULL_LOG})
case("ids: an objective id with an accent", cur((7, 'id = "tujuan-é"'), (19, 'objectives = ["tujuan-é"]')),
     err(CUR, 7, f'objectives.id: "tujuan-é" is not a valid id: {SLUG}'))
case("ids: a result id in another script", cur((57, 'id = "访客"')),
     err(CUR, 57, f'results.id: "访客" is not a valid id: {SLUG}'))
case("ids: an id with a non-breaking space", coh((13, 'id = "p01\u00a0"')),
     err(COH, 13, f'people.id: "p01\u00a0" is not a valid id: {SLUG}'))
case("ids: a look-alike Cyrillic letter in a reference", log((3, 'mentor = "rinа"')),
     err(LOG, 3, 'session.mentor: unknown mentor "rinа" (did you mean "rina"?)'))
case("ids: a fullwidth digit in a person id", coh((23, 'id = "p０2"')),
     err(COH, 23, f'people.id: "p０2" is not a valid id: {SLUG}'))

# --- folders ---------------------------------------------------------------------------------------------

case("folder: a cohort folder with logs but no cohort.toml", {"cohorts/k2/logs/rina.toml": FULL_LOG},
     err("cohorts/k2/cohort.toml", 1, "cohorts/k2/ has no cohort.toml: a cohort folder needs one"))
case("folder: a cohort folder with only notes", {"cohorts/k2/notes.md": "# to do\n"},
     err("cohorts/k2/cohort.toml", 1, "cohorts/k2/ has no cohort.toml: a cohort folder needs one"))
case("folder: cohort.toml misnamed", {"cohorts/k2/Cohort.toml": FULL_COH},
     err("cohorts/k2/cohort.toml", 1, "cohorts/k2/ has no cohort.toml: a cohort folder needs one"))
case("folder: a second cohort in another folder is fine", {"cohorts/k2/cohort.toml": FULL_COH, "cohorts/k2/logs/rina.toml": FULL_LOG})

# --- follow-up actions, and the keys for periods, rollups and breakdowns ---------------------------------

ACT = "cohorts/k1/logs/actions.toml"
ACTION_STATUSES = "open, done, dropped"
OPENS = 'action: the earliest record of action "{}" opens it and must give its text (what is to be done)'

# An action opened with every key once, then reassigned, moved and done (valid in the minimal workspace).
FULL_ACT = """
[[action]]
id = "more-posts"
date = 2015-03-10
text = "Each cadre posts twice a week"
owner = "rina"
due = 2015-03-24
results = ["posts"]
cause = "Cadres wait for the mentor to post first"
status = "open"
notes = "Agreed at the mid-term reflection"

[[action]]
id = "more-posts"
date = 2015-03-20
owner = "imp"
due = 2015-03-31
status = "done"
"""
# Lines of FULL_ACT:
#  1 [[action]]   5 owner = "rina"      9 status = "open"   13 id = "more-posts"   17 status = "done"
#  2 id           6 due = 2015-03-24   10 notes             14 date = 2015-03-20
#  3 date         7 results            11 (blank)           15 owner = "imp"
#  4 text         8 cause              12 [[action]]        16 due = 2015-03-31


def act(*changes: tuple[int, Optional[str]]) -> Files:
    """FULL_ACT as the cohort's logs/actions.toml, with lines changed."""
    return {ACT: edit(FULL_ACT, *changes)}


def opening(path: str, date: str) -> Files:
    """One more log holding a record of "more-posts" without text (its header on line 1), dated as given."""
    return {path: f'[[action]]\nid = "more-posts"\ndate = {date}\nstatus = "open"\n'}


case("valid: full actions log", act())
case("valid: an action owned by an observer, due on the day it is agreed", act((5, 'owner = "obs"'), (6, "due = 2015-03-10")))
case("valid: a later record that does not set due is no warning, even after the due date in force",
     act((14, "date = 2015-03-28"), (16, None)))
case("valid: a later record of the same date in a log named later does not open the action",
     {**act(), **opening("cohorts/k1/logs/zz.toml", "2015-03-10")})
case("valid: the new keys of curriculum and cohort",
     {**cur((55, 'type = "outcome"'), (61, 'rollup = "max"'), (71, 'baseline_date = 2015-02-27')),
      **coh((21, 'sex = "female"'))})

# Types at every key of an action record; a record that cannot be read leaves the others be.
for line, new, message in [
    (2, "id = 1", "action.id: expected a string, got 1"),
    (3, 'date = "2015-03-10"', 'action.date: expected a date such as 2015-03-05 (without quotes), got "2015-03-10"'),
    (4, "text = 1", "action.text: expected a string, got 1"),
    (5, 'owner = ["rina"]', "action.owner: expected a string, got a list"),
    (6, "due = 2015-03-24T10:00:00", "action.due: expected a date such as 2015-03-05, got a date and time (2015-03-24T10:00:00)"),
    (7, 'results = "posts"', 'action.results: expected a list, got "posts"'),
    (8, "cause = true", "action.cause: expected a string, got true"),
    (9, "status = 1", f"action.status: expected one of {ACTION_STATUSES}, got 1"),
    (10, "notes = []", "action.notes: expected a string, got a list"),
    (14, "date = 20150320", "action.date: expected a date such as 2015-03-05, got 20150320"),
    (17, 'status = ["done"]', f"action.status: expected one of {ACTION_STATUSES}, got a list"),
]:
    case(f"type: action line {line} {new}", act((line, new)), err(ACT, line, message))
case("type: action results holding a number", act((7, 'results = ["posts", 2]')),
     err(ACT, 7, "action.results[1]: expected a string, got 2"))
case("type: action as a single table", {ACT: '[action]\nid = "more-posts"\n'},
     err(ACT, 1, "action: " + SINGLE.format("action")))

# Missing keys: id and date on every record, text on the earliest record of an id.
case("missing: action id", act((2, None)), err(ACT, 1, 'action: missing required key "id"'))
case("missing: action date", act((3, None)), err(ACT, 1, 'action: missing required key "date"'))
case("missing: action date on a later record", act((14, None)), err(ACT, 12, 'action: missing required key "date"'))
case("missing: action text on its earliest record", act((4, None)), err(ACT, 1, OPENS.format("more-posts")))
case("missing: action text blank on its earliest record", act((4, 'text = "  "')), err(ACT, 4, OPENS.format("more-posts")))
case("rule: the earliest record of an action is the earliest by date, whatever its log's name",
     {**act(), **opening("cohorts/k1/logs/zz.toml", "2015-03-09")},
     err("cohorts/k1/logs/zz.toml", 1, OPENS.format("more-posts")))
case("rule: on the same date, the earliest record of an action is in the log named first",
     {**act(), **opening("cohorts/k1/logs/a.toml", "2015-03-10")},
     err("cohorts/k1/logs/a.toml", 1, OPENS.format("more-posts")))
case("rule: an action id that is not a slug is another action, which then has no text",
     act((2, 'id = "More posts"')),
     err(ACT, 2, f'action.id: "More posts" is not a valid id: {SLUG}'),
     err(ACT, 12, OPENS.format("more-posts")))
case("rule: an update whose action id is misspelt opens an action without text, and names the near one",
     {**act(), "cohorts/k1/logs/zz.toml": '[[action]]\nid = "more-post"\ndate = 2015-03-22\nstatus = "done"\n'},
     err("cohorts/k1/logs/zz.toml", 1, OPENS.format("more-post") + ' (did you mean "more-posts"?)'))

# References: an owner of the cohort (any role), results of the curriculum.
case("rule: action owner misspelt", act((5, 'owner = "rian"')),
     err(ACT, 5, 'action.owner: unknown person "rian" (did you mean "rina"?)'))
case("rule: action reassigned to a name instead of an id", act((15, 'owner = "Yusuf"')),
     err(ACT, 15, 'action.owner: unknown person "Yusuf" (that is the name of "imp"; write the id)'))
case("rule: action names an unknown result", act((7, 'results = ["posts", "visitor"]')),
     err(ACT, 7, 'action.results: unknown result "visitor" (did you mean "visitors"?)'))

# Statuses.
case("enum: action status unknown", act((9, 'status = "closed"')),
     err(ACT, 9, f'action.status: expected one of {ACTION_STATUSES}, got "closed"'))
case("enum: action status capitalised", act((17, 'status = "Done"')),
     err(ACT, 17, f'action.status: expected one of {ACTION_STATUSES}, got "Done" (did you mean "done"?)'))
case("enum: action status in Indonesian", act((17, 'status = "selesai"')),
     err(ACT, 17, f'action.status: expected one of {ACTION_STATUSES}, got "selesai"'))

# Dates (warnings): a due before the date of the record that sets it; a record after the cohort's end.
case("rule: action due before the day it is agreed (warning)", act((6, "due = 2015-03-09")),
     warn(ACT, 6, "action.due: 2015-03-09 is before the date of this record (2015-03-10)"))
case("rule: action moved to a due date before the record that moves it (warning)", act((16, "due = 2015-03-15")),
     warn(ACT, 16, "action.due: 2015-03-15 is before the date of this record (2015-03-20)"))
case("rule: action updated after the cohort's end (warnings)", act((14, "date = 2015-04-10")),
     warn(ACT, 14, "action.date: 2015-04-10 is after the cohort's end (2015-03-31)"),
     warn(ACT, 16, "action.due: 2015-03-31 is before the date of this record (2015-04-10)"))

# Unknown keys.
case("unknown key: action ower", act((11, 'ower = "rina"')), err(ACT, 11, 'action: unknown key "ower" (did you mean "owner"?)'))
case("unknown key: action result", act((11, 'result = ["visitors"]')),
     err(ACT, 11, 'action: unknown key "result" (did you mean "results"?)'))
case("unknown key: action who", act((11, 'who = "rina"')), err(ACT, 11, 'action: unknown key "who"'))

# Result type, baseline date and rollup; a person's sex.
case("rule: rollup on a result that is not reported", cur((55, 'rollup = "max"')),
     err(CUR, 55, 'results.rollup: does not apply to measure "outputs" (only "reported" results take it)'))
case("enum: rollup written in full", cur((61, 'rollup = "maximum"')),
     err(CUR, 61, 'results.rollup: expected one of sum, max, got "maximum" (did you mean "max"?)'))
case("enum: rollup unknown", cur((61, 'rollup = "average"')),
     err(CUR, 61, 'results.rollup: expected one of sum, max, got "average"'))
case("enum: result type in the plural", cur((55, 'type = "outputs"')),
     err(CUR, 55, 'results.type: expected one of output, outcome, impact, other, got "outputs" (did you mean "output"?)'))
case("type: result type as a number", cur((55, "type = 1")),
     err(CUR, 55, "results.type: expected one of output, outcome, impact, other, got 1"))
case("type: baseline date in quotes", cur((55, 'baseline_date = "2014-12-31"')),
     err(CUR, 55, 'results.baseline_date: expected a date such as 2015-03-05 (without quotes), got "2014-12-31"'))
case("type: baseline date as a year", cur((55, "baseline_date = 2014")),
     err(CUR, 55, "results.baseline_date: expected a date such as 2015-03-05, got 2014"))
case("enum: sex as a letter", coh((21, 'sex = "F"')),
     err(COH, 21, 'people.sex: expected one of female, male, other, got "F"'))
case("enum: sex capitalised", coh((21, 'sex = "Female"')),
     err(COH, 21, 'people.sex: expected one of female, male, other, got "Female" (did you mean "female"?)'))
case("enum: sex in Indonesian", coh((21, 'sex = "perempuan"')),
     err(COH, 21, 'people.sex: expected one of female, male, other, got "perempuan"'))
case("type: sex as a bool", coh((21, "sex = true")),
     err(COH, 21, "people.sex: expected one of female, male, other, got true"))
