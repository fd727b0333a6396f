"""The text of a new curriculum and of a new cohort: commented skeletons that pass `mentoring check`
as they are, and tell a trainer what to fill in. Pure text; `intake` writes them."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from . import model
from .layout import curriculum_path
from .logbook import toml_value


def _one_line(text: str, most: int = 60) -> str:
    """Text fit for the end of a comment line: one line, at most `most` characters."""
    text = " ".join(text.split())
    return text if len(text) <= most else text[:most - 3] + "..."


def title_of(id_: str) -> str:
    """A title to start with, from an id (`social-media` -> `Social media`)."""
    words = id_.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() if words else id_


def curriculum_text(id_: str, title: Optional[str] = None) -> str:
    """A new curriculum: one of each thing a programme has, as examples to replace."""
    return f"""\
# Curriculum "{id_}": the design of a training programme, run by one or more cohorts.
# Its id is this file's name. Replace the examples below with your programme's own (ids are
# lower-case letters, digits and "-"), then run `mentoring check`. docs/format.md explains every key.

title = {toml_value(title or title_of(id_))}
# summary = "What the programme is for, in a sentence or two"
# organisation = "Who designed it"
# language = "id"

# What participants will be able to do at the end.
[[objectives]]
id = "o1"
text = "Plan and publish posts for the organisation's page"

# What mentors rate, on a scale from level 0 up (by default: not yet, basic, independent,
# can teach others; give your own with levels = ["...", "..."]).
[[competencies]]
id = "writing"
title = "Writing for the web"

# The parts of the programme, with their planned hours and the objectives they serve.
[[modules]]
id = "m1"
title = "Getting started"
hours = 3
objectives = ["o1"]

# The kinds of knowledge product participants make.
[[output_kinds]]
id = "post"
title = "Facebook post"

# The work each participant does: done when they have an output for it that is accepted.
[[assignments]]
id = "first-post"
title = "A first post for the page"
module = "m1"
output = "post"
due_day = 14  # days after the cohort's start

# What one participant must reach to complete the programme.
[completion]
assignments = "required"
attendance = "75%"
# competencies = {{ writing = "independent" }}

# The expected results promised to a funder. measure is one of participants, outputs, sessions,
# hours, attendance, cadence or reported; target is a number, or a percentage such as "80%".
[[results]]
id = "completed"
statement = "Participants who complete the programme"
measure = "participants"
target = "80%"

[[results]]
id = "posts"
statement = "Posts accepted"
measure = "outputs"
target = 20
kinds = ["post"]

[[results]]
id = "sessions"
statement = "Mentoring sessions held"
measure = "sessions"
target = 6

[[results]]
id = "attendance"
statement = "Attendance at sessions"
measure = "attendance"
target = "75%"
"""


def _target(quantity: model.Quantity) -> str:
    """A target as TOML: `20`, `2.5` or `"80%"`."""
    if quantity.percent:
        return toml_value(str(quantity))
    return toml_value(int(quantity.value) if quantity.value.is_integer() else quantity.value)


def cohort_text(id_: str, curriculum: model.Curriculum, start: dt.date, end: dt.date,
                title: Optional[str] = None) -> str:
    """A new cohort of a curriculum: its dates, the keys to fill in, its results' targets to
    override (commented), and how to add people."""
    title_line = f"title = {toml_value(title)}" if title else '# title = "A name for this run, such as the place and the year"'
    targets = "\n".join(f"# {result.id} = {_target(result.target)}  # {_one_line(result.statement)} ({result.measure.value})"
                        for result in curriculum.results) or "# result-id = 10"
    return f"""\
# Cohort "{id_}": one run of curriculum "{curriculum.id}" ({_one_line(curriculum.title)}, {curriculum_path(curriculum.id)}).
# Fill in what applies below (remove the "# " before a key to use it), then run
# `mentoring check {id_}`. docs/format.md explains every key.

curriculum = {toml_value(curriculum.id)}
{title_line}
start = {start.isoformat()}
end = {end.isoformat()}
# location = "Where it runs"
# organisation = "Who runs it"
# funder = "Who pays for it"
# iati_identifier = "Its IATI activity identifier, for `mentoring export iati` (docs/interop.md)"

# This cohort's own targets, where they differ from the curriculum's (result id = target):
# [targets]
{targets}

# People, one [[people]] each: id (lower-case letters, digits and "-"), name, role (participant,
# mentor, facilitator, implementer, coordinator or observer) and, when known, organisation,
# group, sex (female, male or other), joined and left (dates) and contact. From a spreadsheet:
#   mentoring import people {id_} people.csv
#
# [[people]]
# id = "aminah"
# name = "Siti Aminah"
# role = "participant"
"""
